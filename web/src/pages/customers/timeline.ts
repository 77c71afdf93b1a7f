// Words for timeline entries. Each kind (`area.event`) has a title in the user's language; a
// kind this UI does not know yet (added by a later module) is named from its area and verb,
// like the audit log does, and its plain values are listed, so nothing shows up blank.
import type { TFunction } from 'i18next';
import type { TimelineEntry } from '@/api/types';
import { formatNumber } from '@/lib/format';

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
    default:
      return { title, detail: fallbackDetail(t, data), link, tone: 'gray' };
  }
}
