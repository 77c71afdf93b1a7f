// A phone or e-mail as the server sent it; masked values get a lock and an explanation. A phone
// shown in clear is a `tel:` link, so a consultant on the showroom floor calls with one tap.
import { LockOutlined } from '@ant-design/icons';
import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EMPTY, formatPhone, isMasked, telHref } from '@/lib/format';

export function MaskedText({
  value,
  kind = 'text',
}: {
  value: string | null | undefined;
  kind?: 'phone' | 'text';
}) {
  const { t } = useTranslation();
  if (!value) return <Typography.Text type="secondary">{EMPTY}</Typography.Text>;
  const shown = kind === 'phone' ? formatPhone(value) : value;
  if (!isMasked(value)) {
    const href = kind === 'phone' ? telHref(value) : null;
    if (href === null) return <span className="tabular">{shown}</span>;
    return (
      <a
        href={href}
        className="tabular"
        onClick={(event) => event.stopPropagation()}
        data-testid="tel-link"
      >
        {shown}
      </a>
    );
  }
  return (
    <Tooltip title={t('common.maskedHint')}>
      <span className="masked tabular">
        {shown} <LockOutlined aria-label={t('common.masked')} />
      </span>
    </Tooltip>
  );
}
