// Words for timeline entries. Each kind (`area.event`) has a title in the user's language; a
// kind this UI does not know yet (added by a later module) is named from its area and verb,
// like the audit log does, and its plain values are listed, so nothing shows up blank.
import type { TFunction } from 'i18next';
import type { TimelineEntry } from '@/api/types';
import { formatNumber } from '@/lib/format';
import { describeAfterSalesEntry } from './timelineAftersales';
import { complaintLink, describeCareEntry } from './timelineCare';

export interface TimelineText {
  title: string;
  /** A line under the title, or null. */
  detail: string | null;
  /** Where the entry's record lives in the app, if it has a page. */
  link: string | null;
  /** A colour for the dot: blue (default), green, red, grey. */
  tone: 'blue' | 'green' | 'red' | 'gray';
}

type Data = Record<string, unknown>;

const str = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value : null;

function vehicleLabel(data: Data): string {
  const name = [data.brand, data.series, data.model].map(str).filter(Boolean).join(' ');
  return [str(data.plate), name || null, str(data.vin)].filter(Boolean).join(' · ');
}

/** Links to records that have a page here; other kinds have none (yet). */
export function timelineLink(entry: Pick<TimelineEntry, 'ref_type' | 'ref_id'>): string | null {
  if (!entry.ref_id) return null;
  switch (entry.ref_type) {
    case 'vehicle':
      return `/vehicles/${entry.ref_id}`;
    case 'customer':
      return `/customers/${entry.ref_id}`;
    case 'lead':
      return `/leads/${entry.ref_id}`;
    case 'opportunity':
      return '/opportunities';
    case 'test_drive':
      return '/test-drives';
    case 'repair_order':
      return `/repair-orders/${entry.ref_id}`;
    case 'renewal':
      return `/renewals/${entry.ref_id}`;
    case 'complaint':
      return `/complaints/${entry.ref_id}`;
    default:
      return null;
  }
}

function fallbackTitle(t: TFunction, kind: string): string {
  const [area = '', verb = ''] = kind.split('.');
  const areaName = t(`timeline.area.${area}`, {
    defaultValue: t(`audit.entity.${area}`, { defaultValue: area }),
  });
  const verbName = t(`audit.verb.${verb}`, { defaultValue: verb.replace(/_/g, ' ') });
  return `${areaName} · ${verbName}`;
}

function fallbackDetail(t: TFunction, data: Data): string | null {
  const parts = Object.entries(data)
    .filter(
      ([key, value]) =>
        !key.endsWith('_id') && (typeof value === 'string' || typeof value === 'number'),
    )
    .map(([key, value]) => `${t(`audit.field.${key}`, { defaultValue: key })}: ${String(value)}`);
  return parts.length > 0 ? parts.join(' · ') : null;
}

export function describeTimelineEntry(
  t: TFunction,
  entry: TimelineEntry,
  /** Names a source key (the dealer's list, with renamed and custom entries). */
  sourceName: (key: string) => string = (key) => t(`lookups.source.${key}`, { defaultValue: key }),
): TimelineText {
  const data = (entry.data ?? {}) as Data;
  const known = t(`timeline.kind.${entry.kind}`, { defaultValue: '' });
  const title = known || fallbackTitle(t, entry.kind);
  const link = timelineLink(entry);
  switch (entry.kind) {
    case 'customer.created': {
      const source = str(data.source);
      return {
        title,
        detail: source ? t('timeline.detail.source', { source: sourceName(source) }) : null,
        link: null,
        tone: 'green',
      };
    }
    case 'customer.updated': {
      const fields = Array.isArray(data.fields)
        ? data.fields.filter((f): f is string => typeof f === 'string')
        : [];
      return {
        title,
        detail:
          fields.length > 0
            ? fields
                .map((field) =>
                  t(`customers.fieldName.${field}`, {
                    defaultValue: t(`audit.field.${field}`, { defaultValue: field }),
                  }),
                )
                .join('、')
            : null,
        link: null,
        tone: 'blue',
      };
    }
    case 'customer.merged':
      return {
        title,
        detail: str(data.merged_name)
          ? t('timeline.detail.merged', { name: str(data.merged_name) })
          : null,
        link,
        tone: 'blue',
      };
    case 'customer.imported':
      return {
        title,
        detail: str(data.file)
          ? t(data.updated ? 'timeline.detail.importUpdated' : 'timeline.detail.importFile', {
              file: str(data.file),
            })
          : null,
        link: null,
        tone: 'blue',
      };
    case 'owner.changed':
      return {
        title,
        detail: t('timeline.detail.owner', {
          from: str(data.from) ?? t('customers.noOwner'),
          to: str(data.to) ?? t('customers.noOwner'),
        }),
        link: null,
        tone: 'blue',
      };
    case 'consent.changed': {
      const channel = str(data.channel) ?? '';
      const method = str(data.method);
      const answer = data.granted
        ? t('timeline.detail.consentGranted')
        : t('timeline.detail.consentWithdrawn');
      return {
        title,
        detail: [
          `${t(`customers.channel.${channel}`, { defaultValue: channel })}: ${answer}`,
          method ? t(`customers.consentMethod.${method}`, { defaultValue: method }) : null,
        ]
          .filter(Boolean)
          .join(' · '),
        link: null,
        tone: data.granted ? 'green' : 'red',
      };
    }
    case 'vehicle.added':
    case 'vehicle.transferred_in':
    case 'vehicle.transferred_out':
      return {
        title,
        detail: vehicleLabel(data) || null,
        link,
        tone: entry.kind === 'vehicle.transferred_out' ? 'gray' : 'green',
      };
    case 'mileage.recorded': {
      const km = typeof data.km === 'number' ? data.km : null;
      return {
        title,
        detail: [
          str(data.plate),
          km !== null ? t('vehicles.kmValue', { km: formatNumber(km) }) : null,
          str(data.read_on),
        ]
          .filter(Boolean)
          .join(' · '),
        link,
        tone: 'blue',
      };
    }
    default: {
      const sales = describeSalesEntry(t, entry.kind, data, sourceName);
      if (sales) return { title, link, ...sales };
      const afterSales = describeAfterSalesEntry(t, entry.kind, data);
      if (afterSales) return { title, link, ...afterSales };
      const care = describeCareEntry(t, entry.kind, data);
      if (care) return { title, link: link ?? complaintLink(data), ...care };
      return { title, detail: fallbackDetail(t, data), link, tone: 'gray' };
    }
  }
}

const grade = (value: unknown): string | null => {
  const g = str(value);
  return g && /^[NHABCOF]$/.test(g) ? g : null;
};

/** "A → H" when the grade changed, "H" when it did not. */
function gradeChange(before: unknown, after: unknown): string | null {
  const from = grade(before);
  const to = grade(after);
  if (from && to && from !== to) return `${from} → ${to}`;
  return to ?? from;
}

/** A stage by its key (built-in stages in the user's language), else the name recorded. */
function stageLabel(t: TFunction, key: unknown, name: unknown): string | null {
  const k = str(key);
  const n = str(name);
  if (k) return t(`sales.stage.${k}`, { defaultValue: n ?? k });
  return n;
}

/** Words for what the sales module writes on a customer's timeline, or null for other kinds. */
function describeSalesEntry(
  t: TFunction,
  kind: string,
  data: Data,
  sourceName: (key: string) => string,
): Pick<TimelineText, 'detail' | 'tone'> | null {
  const join = (parts: (string | null | undefined)[]) =>
    parts.filter((p): p is string => !!p).join(' · ') || null;
  const lostReason = () => {
    const reason = str(data.reason);
    return join([
      reason ? t(`lookups.lost_reason.${reason}`, { defaultValue: reason }) : null,
      [str(data.competitor_brand), str(data.competitor_model)].filter(Boolean).join(' ') || null,
    ]);
  };
  switch (kind) {
    case 'lead.created':
    case 'lead.enquired_again': {
      const source = str(data.source);
      return {
        detail: join([grade(data.grade), source ? sourceName(source) : null]),
        tone: 'green',
      };
    }
    case 'lead.followed_up': {
      const channel = str(data.channel);
      return {
        detail: join([
          channel ? t(`sales.channel.${channel}`, { defaultValue: channel }) : null,
          gradeChange(data.grade_before, data.grade_after),
          str(data.summary),
        ]),
        tone: 'blue',
      };
    }
    case 'lead.assigned':
      return {
        detail: t('timeline.detail.owner', {
          from: str(data.from) ?? t('sales.unassigned'),
          to: str(data.to) ?? (str(data.pool) ? t('sales.pool.marketing') : t('sales.unassigned')),
        }),
        tone: 'blue',
      };
    case 'lead.lost_requested':
      return { detail: lostReason(), tone: 'gray' };
    case 'lead.lost':
      return { detail: lostReason(), tone: 'red' };
    case 'lead.lost_refused':
      return { detail: null, tone: 'blue' };
    case 'lead.reopened':
      return { detail: join([grade(data.grade), str(data.note)]), tone: 'green' };
    case 'lead.stagnant':
      return { detail: null, tone: 'gray' };
    case 'reception.visited': {
      const models = Array.isArray(data.models)
        ? data.models.filter((m): m is string => typeof m === 'string').join('、')
        : null;
      const party = typeof data.party_size === 'number' ? data.party_size : null;
      return {
        detail: join([
          grade(data.grade),
          party !== null ? t('leads.visits.party', { count: party }) : null,
          models,
          data.test_drive ? t('leads.visits.testDrive') : null,
        ]),
        tone: 'green',
      };
    }
    case 'opportunity.opened':
      return { detail: stageLabel(t, data.stage, data.stage_name), tone: 'green' };
    case 'opportunity.stage_changed': {
      const from = stageLabel(t, data.from, data.from_name);
      const to = stageLabel(t, data.to, data.to_name);
      return { detail: from && to ? `${from} → ${to}` : (to ?? from), tone: 'blue' };
    }
    case 'test_drive.booked':
      return { detail: str(data.car), tone: 'blue' };
    case 'test_drive.cancelled':
      return {
        detail: data.no_show ? t('testDrives.status.no_show') : t('testDrives.status.cancelled'),
        tone: 'gray',
      };
    case 'test_drive.done': {
      const rating = typeof data.rating === 'number' ? '★'.repeat(data.rating) : null;
      return {
        detail: join([str(data.car), rating, grade(data.grade), str(data.concerns)]),
        tone: 'green',
      };
    }
    default:
      return null;
  }
}
