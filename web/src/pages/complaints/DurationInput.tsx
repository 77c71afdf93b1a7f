// A length of working time typed as hours and minutes, kept as whole minutes (a form control).
import { InputNumber, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { splitMinutes } from './rules';

/** The longest target the server takes, in minutes (600 hours). */
export const TARGET_MAX_MINUTES = 36_000;

export function DurationInput({
  value,
  onChange,
  testId,
}: {
  value?: number | null;
  onChange?: (minutes: number) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { hours, minutes } = splitMinutes(value ?? 0);
  const set = (h: number, m: number) => onChange?.(Math.max(0, h) * 60 + Math.max(0, m));
  return (
    <Space size={4} wrap data-testid={testId}>
      <InputNumber
        min={0}
        max={TARGET_MAX_MINUTES / 60}
        precision={0}
        value={hours}
        onChange={(h) => set(h ?? 0, minutes)}
        addonAfter={t('complaints.duration.hoursUnit')}
        inputMode="numeric"
        style={{ width: 130 }}
        data-testid={testId && `${testId}-hours`}
      />
      <InputNumber
        min={0}
        max={59}
        precision={0}
        value={minutes}
        onChange={(m) => set(hours, m ?? 0)}
        addonAfter={t('complaints.duration.minutesUnit')}
        inputMode="numeric"
        style={{ width: 120 }}
        data-testid={testId && `${testId}-minutes`}
      />
    </Space>
  );
}
