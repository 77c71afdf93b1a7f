// Words for what customer care writes on a customer's timeline: a complaint entered, assigned,
// answered, worked, waiting for the customer, resolved, closed after the call-back, sent back or
// reopened — each with the complaint's number, summary and severity. Null for other kinds.
import type { TFunction } from 'i18next';
import type { TimelineText } from './timeline';

type Data = Record<string, unknown>;

const str = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value : null;

/** The dot's colour of each complaint kind; a kind not listed is not a complaint's. */
const TONES: Record<string, TimelineText['tone']> = {
  'complaint.entered': 'blue',
  'complaint.assigned': 'blue',
  'complaint.responded': 'blue',
  'complaint.action': 'blue',
  'complaint.waiting': 'gray',
  'complaint.resumed': 'blue',
  'complaint.resolved': 'green',
  'complaint.closed': 'green',
  'complaint.rejected': 'red',
  'complaint.reopened': 'red',
};

export function describeCareEntry(
  t: TFunction,
  kind: string,
  data: Data,
): Pick<TimelineText, 'detail' | 'tone'> | null {
  const tone = TONES[kind];
  if (!tone) return null;
  const severity = str(data.severity);
  const detail =
    [
      str(data.number),
      severity ? t(`complaints.severity.${severity}`, { defaultValue: severity }) : null,
      str(data.summary),
    ]
      .filter((part): part is string => !!part)
      .join(' · ') || null;
  return { detail, tone };
}

/** The complaint's page from an entry's data, for entries that point at no record. */
export function complaintLink(data: Data): string | null {
  const id = str(data.complaint_id);
  return id ? `/complaints/${id}` : null;
}
