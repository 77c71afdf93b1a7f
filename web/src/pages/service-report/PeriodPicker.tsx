// The period of the service manager's pages: quick ranges (this month, last month, the last 30
// or 90 days; the highlighted one follows the days shown) and the days themselves — one range
// picker on a desktop, a "from" and a "to" picker on a phone, where two months side by side do
// not fit. Days are the dealer's calendar days.
import { DatePicker, Segmented } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from '@/lib/useIsMobile';
import { MAX_PERIOD_DAYS, type Period, PRESETS, presetOf, presetPeriod } from './reportMath';

const DAY = 'YYYY-MM-DD';

export function PeriodPicker({
  period,
  today,
  onChange,
}: {
  period: Period;
  today: string;
  onChange: (period: Period) => void;
}) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const preset = presetOf(period, today);

  return (
    <>
      <Segmented
        value={preset ?? ''}
        onChange={(value) => onChange(presetPeriod(value as (typeof PRESETS)[number], today))}
        options={PRESETS.map((p) => ({
          value: p,
          label: <span data-testid={`period-preset-${p}`}>{t(`serviceReport.preset.${p}`)}</span>,
        }))}
        data-testid="period-presets"
        data-preset={preset ?? 'none'}
      />
      {mobile ? (
        <div className="service-report-days">
          <DatePicker
            value={dayjs(period.from)}
            allowClear={false}
            inputReadOnly
            placeholder={t('serviceReport.from')}
            onChange={(value) => {
              const from = value?.format(DAY);
              if (from) onChange({ from, to: from > period.to ? from : period.to });
            }}
            data-testid="period-from"
          />
          <DatePicker
            value={dayjs(period.to)}
            allowClear={false}
            inputReadOnly
            placeholder={t('serviceReport.to')}
            onChange={(value) => {
              const to = value?.format(DAY);
              if (to) onChange({ from: to < period.from ? to : period.from, to });
            }}
            data-testid="period-to"
          />
        </div>
      ) : (
        <DatePicker.RangePicker
          value={[dayjs(period.from), dayjs(period.to)]}
          allowClear={false}
          placeholder={[t('serviceReport.from'), t('serviceReport.to')]}
          disabledDate={(day, info) =>
            !!info.from && Math.abs(day.diff(info.from, 'day')) >= MAX_PERIOD_DAYS
          }
          onChange={(range) => {
            if (range?.[0] && range[1]) {
              onChange({ from: range[0].format(DAY), to: range[1].format(DAY) });
            }
          }}
          data-testid="period-range"
        />
      )}
    </>
  );
}
