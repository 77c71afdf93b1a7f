// The small pieces every complaint view shows: its status, severity and SLA tags, the running
// clock's due time in the dealer's time zone, a duration in hours and minutes, and the
// customer's phone (dialable when whole).
import { PhoneOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatPhone, telHref } from '@/lib/format';
import { dueFact, durationWords, severityColour, slaColour, statusColour } from './rules';
import type { ComplaintView, ComplaintStatus, Severity, SlaState } from './types';

/** Minutes in words: 240 → "4 小时", 90 → "1 小时 30 分钟", 30 → "30 分钟". */
export function durationText(t: TFunction, minutes: number): string {
  const { key, values } = durationWords(minutes);
  return t(`complaints.duration.${key}`, values);
}

/** The complaint's status (录入 → 分配 → 处理 → 待验证 → 关闭). */
export function StatusTag({ status, testId }: { status: ComplaintStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColour(status)} data-testid={testId}>
      {t(`complaints.status.${status}`)}
    </Tag>
  );
}

/** How serious it is (一般 / 较重 / 严重). */
export function SeverityTag({ severity }: { severity: Severity }) {
  const { t } = useTranslation();
  return <Tag color={severityColour(severity)}>{t(`complaints.severity.${severity}`)}</Tag>;
}

/** Where the running clock stands: red breached, orange at risk, green on track, grey paused. */
export function SlaTag({ state, testId }: { state: SlaState; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={slaColour(state)} data-testid={testId} data-state={state}>
      {t(`complaints.sla.${state}`)}
    </Tag>
  );
}

/** "响应截止 2026-12-08 14:30", "等待客户", or when it was done — in the dealer's zone. */
export function DueText({ complaint, timeZone }: { complaint: ComplaintView; timeZone: string }) {
  const { t } = useTranslation();
  const fact = dueFact(complaint);
  if (fact.kind === 'paused') {
    return <span className="muted">{t('complaints.due.waiting')}</span>;
  }
  if (fact.kind === 'done') {
    return fact.at ? (
      <span className="muted tabular">
        {t('complaints.due.doneAt', { at: formatDateTime(fact.at, timeZone) })}
      </span>
    ) : null;
  }
  return (
    <span className="tabular nowrap" data-testid="complaint-due">
      {t(`complaints.due.${fact.clock}`, { at: formatDateTime(fact.at, timeZone) })}
    </span>
  );
}

/** The customer's phone: a `tel:` link when the reader sees it whole, the masked number else. */
export function CustomerPhone({ complaint }: { complaint: ComplaintView }) {
  const phone = complaint.customer?.phone;
  if (!phone) return null;
  const href = complaint.customer?.phone_whole ? telHref(phone) : null;
  if (!href) return <span className="tabular">{formatPhone(phone)}</span>;
  return (
    <a href={href} className="tabular nowrap" data-testid="complaint-phone">
      <PhoneOutlined /> {formatPhone(phone)}
    </a>
  );
}
