// A phone or e-mail as the server sent it; masked values get a lock and an explanation.
import { LockOutlined } from '@ant-design/icons';
import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EMPTY, formatPhone, isMasked } from '@/lib/format';

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
  if (!isMasked(value)) return <span className="tabular">{shown}</span>;
  return (
    <Tooltip title={t('common.maskedHint')}>
      <span className="masked tabular">
        {shown} <LockOutlined aria-label={t('common.masked')} />
      </span>
    </Tooltip>
  );
}
