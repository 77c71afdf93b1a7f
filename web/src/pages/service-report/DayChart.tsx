// The report's days as one chart: the revenue of the cars picked up as light bars on their own
// axis (yuan), repair orders opened and picked up, appointments and no-shows as lines over them.
// The legend turns series on and off.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '@/components/charts/EChart';
import { formatMoney } from '@/lib/format';
import type { ServiceDayRow } from './hooks';
import { fenToYuan } from './reportMath';

interface TooltipItem {
  axisValueLabel: string;
  marker: string;
  seriesName: string;
  seriesIndex: number;
  dataIndex: number;
  value: number;
}

export default function DayChart({ days }: { days: ServiceDayRow[] }) {
  const { t } = useTranslation();
  const option = useMemo(() => {
    const revenueName = t('serviceReport.field.revenue');
    const count = (key: 'appointments' | 'no_shows' | 'repair_orders' | 'picked_up') =>
      days.map((day) => day[key]);
    // A month shows each day's point; a longer period only the line.
    const line = (name: string, data: number[], color?: string) => ({
      name,
      type: 'line',
      z: 3,
      symbolSize: 5,
      showSymbol: days.length <= 31,
      ...(color ? { itemStyle: { color } } : {}),
      data,
    });
    return {
      tooltip: {
        trigger: 'axis',
        confine: true,
        formatter: (items: TooltipItem[]) => {
          const head = items[0]?.axisValueLabel ?? '';
          const lines = items.map((item) => {
            const value =
              item.seriesName === revenueName
                ? formatMoney(days[item.dataIndex]?.revenue_fen ?? 0)
                : String(item.value);
            return `${item.marker}${item.seriesName}: ${value}`;
          });
          return [head, ...lines].join('<br/>');
        },
      },
      legend: { type: 'scroll', bottom: 0, itemWidth: 12, itemHeight: 8, itemGap: 12 },
      grid: { left: 8, right: 8, top: 16, bottom: 32, containLabel: true },
      xAxis: {
        type: 'category',
        data: days.map((day) => day.on_date.slice(5)),
        axisTick: { alignWithLabel: true },
      },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', splitLine: { show: false }, axisLabel: { formatter: '¥{value}' } },
      ],
      series: [
        {
          name: revenueName,
          type: 'bar',
          yAxisIndex: 1,
          barMaxWidth: 18,
          z: 1,
          itemStyle: { color: 'rgba(124, 92, 196, 0.35)' },
          data: days.map((day) => fenToYuan(day.revenue_fen)),
        },
        line(t('serviceReport.field.repairOrders'), count('repair_orders')),
        line(t('serviceReport.field.pickedUp'), count('picked_up')),
        line(t('serviceReport.field.appointments'), count('appointments')),
        line(t('serviceReport.field.noShows'), count('no_shows'), '#e0685a'),
      ],
    };
  }, [days, t]);

  return <EChart option={option} height={300} ariaLabel={t('serviceReport.byDay')} />;
}
