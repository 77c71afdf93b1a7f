// What an approval request is about, in words: its type, status and the details of its payload
// (amounts as money, people by name where the payload names them).
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { EMPTY, formatMoney } from '@/lib/format';
import { lookupName, useLookups } from '@/lib/lookups';
import { APPROVAL_STATUS_COLORS, vocab, type Approval } from '@/lib/work';

export function ApprovalKindTag({ kind }: { kind: string }) {
  const { t } = useTranslation();
  return <Tag color="purple">{vocab(t, 'work.approvalKind', kind.replace(/\./g, '_'))}</Tag>;
}

export function ApprovalStatusTag({ approval }: { approval: Approval }) {
  const { t } = useTranslation();
  return (
    <Tag color={APPROVAL_STATUS_COLORS[approval.status]} data-testid="approval-status">
      {t(`work.approvalStatus.${approval.status}`)}
    </Tag>
  );
}

const HIDDEN = new Set(['activity_id', 'owner_id', 'version']);

/** The payload's fields as label / value pairs people can read. */
export function payloadEntries(
  t: (key: string, options?: Record<string, unknown>) => string,
  payload: Record<string, unknown>,
): { key: string; label: string; value: string }[] {
  return Object.entries(payload)
    .filter(([key, value]) => !HIDDEN.has(key) && value !== null && typeof value !== 'object')
    .map(([key, value]) => ({
      key,
      label: t(`work.payload.${key}`, { defaultValue: key }),
      value:
        key.endsWith('_fen') && typeof value === 'number'
          ? formatMoney(value)
          : typeof value === 'boolean'
            ? t(value ? 'common.yes' : 'common.no')
            : String(value),
    }));
}

export function PayloadSummary({
  payload,
  kind,
}: {
  payload: Record<string, unknown>;
  kind?: string;
}) {
  const { t } = useTranslation();
  // A lead's loss names its reason by the key of the dealer's list of loss reasons.
  const lost = kind === 'lead.lost';
  const reasons = useLookups('lost_reason', lost);
  const entries = payloadEntries(t, payload).map((entry) =>
    lost && entry.key === 'reason'
      ? { ...entry, value: lookupName(t, 'lost_reason', entry.value, reasons.data) }
      : entry,
  );
  if (entries.length === 0) return <span className="muted">{EMPTY}</span>;
  return (
    <Space size={[12, 4]} wrap>
      {entries.map((entry) => (
        <span key={entry.key}>
          <span className="muted">{entry.label}: </span>
          {entry.value}
        </span>
      ))}
    </Space>
  );
}
