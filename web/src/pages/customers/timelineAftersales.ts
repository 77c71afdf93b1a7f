// Words for what after-sales writes on a customer's timeline: service reminders, bookings and
// no-shows, repair orders opened and picked up (with the km and what was paid), renewals
// opened and closed. Null for other kinds.
import type { TFunction } from 'i18next';
import { formatMoney, formatNumber } from '@/lib/format';
import type { TimelineText } from './timeline';

type Data = Record<string, unknown>;

const str = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value : null;
const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);
const join = (parts: (string | null | undefined)[]) =>
  parts.filter((p): p is string => !!p).join(' · ') || null;

export function describeAfterSalesEntry(
  t: TFunction,
  kind: string,
  data: Data,
): Pick<TimelineText, 'detail' | 'tone'> | null {
  const km = (value: unknown) => {
    const n = num(value);
    return n === null ? null : t('vehicles.kmValue', { km: formatNumber(n) });
  };
  switch (kind) {
    case 'service.due_reminded':
      return {
        detail: join([
          str(data.plate),
          str(data.due_on),
          str(data.due_by) ? t(`service.dueBy.${String(data.due_by)}`) : null,
        ]),
        tone: 'blue',
      };
    case 'service.appointment_booked':
    case 'service.appointment_cancelled':
    case 'service.no_show':
      return {
        detail: join([str(data.plate), str(data.on_date), str(data.job)]),
        tone: kind === 'service.appointment_booked' ? 'blue' : 'gray',
      };
    case 'repair_order.opened':
      return {
        detail: join([str(data.number), str(data.plate), str(data.complaint)]),
        tone: 'blue',
      };
    case 'repair_order.picked_up': {
      const paid = num(data.paid_fen);
      return {
        detail: join([
          str(data.number),
          str(data.plate),
          km(data.odometer_km),
          paid === null ? null : formatMoney(paid),
        ]),
        tone: 'green',
      };
    }
    case 'renewal.opened': {
      const policy = str(data.kind);
      return {
        detail: join([
          policy ? t(`renewals.kind.${policy}`, { defaultValue: policy }) : null,
          str(data.insurer),
          str(data.due_on),
        ]),
        tone: 'blue',
      };
    }
    case 'renewal.closed': {
      const status = str(data.status);
      const reason = str(data.lost_reason);
      return {
        detail: join([
          status ? t(`renewals.status.${status}`, { defaultValue: status }) : null,
          str(data.insurer),
          reason ? t(`renewals.lostReason.${reason}`, { defaultValue: reason }) : null,
        ]),
        tone: status === 'renewed_here' ? 'green' : 'gray',
      };
    }
    default:
      return null;
  }
}
