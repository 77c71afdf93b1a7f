// The calendar's arithmetic: which days a view shows, where an activity sits in a day column,
// side-by-side lanes for overlapping ones. Days are calendar days in the dealer's time zone.
import dayjs from 'dayjs';
import { activityEnd, activityStart, type Activity } from './work';

export type CalendarMode = 'day' | 'week' | 'month';

/** Minutes per slot and its height in pixels. */
export const SLOT_MINUTES = 30;
export const SLOT_PX = 22;

/** Monday of the week holding `date` (YYYY-MM-DD). */
export function mondayOf(date: string): string {
  const d = dayjs(date);
  return d.subtract((d.day() + 6) % 7, 'day').format('YYYY-MM-DD');
}

/** The dates a view shows (YYYY-MM-DD): one day, a week from Monday, or six weeks for a month. */
export function viewDates(mode: CalendarMode, anchor: string): string[] {
  if (mode === 'day') return [anchor];
  if (mode === 'week') {
    const monday = dayjs(mondayOf(anchor));
    return Array.from({ length: 7 }, (_, i) => monday.add(i, 'day').format('YYYY-MM-DD'));
  }
  const first = dayjs(mondayOf(dayjs(anchor).startOf('month').format('YYYY-MM-DD')));
  return Array.from({ length: 42 }, (_, i) => first.add(i, 'day').format('YYYY-MM-DD'));
}

/** The anchor moved one view forward (+1) or back (-1). */
export function shiftAnchor(mode: CalendarMode, anchor: string, step: number): string {
  const unit = mode === 'day' ? 'day' : mode === 'week' ? 'week' : 'month';
  return dayjs(anchor).add(step, unit).format('YYYY-MM-DD');
}

/** Minutes since midnight as "09:30". */
export function hhmm(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** The instant a wall-clock time of a date begins in the zone, as UTC ISO. */
export function instantOf(date: string, minutes: number, timeZone: string): string {
  const base = dayjs.tz(date, timeZone).startOf('day');
  return base.add(minutes, 'minute').utc().format('YYYY-MM-DDTHH:mm:ss[Z]');
}

/** Where an instant falls in the dealer's zone: its date and minutes since midnight. */
export function localParts(iso: string, timeZone: string): { date: string; minutes: number } {
  const local = dayjs(iso).tz(timeZone);
  return { date: local.format('YYYY-MM-DD'), minutes: local.hour() * 60 + local.minute() };
}

export interface Placed {
  activity: Activity;
  date: string;
  startMin: number;
  endMin: number;
  lane: number;
  lanes: number;
}

/** The activities of one day with their minutes and a lane each, so overlaps sit side by side. */
export function placeDay(activities: Activity[], date: string, timeZone: string): Placed[] {
  const placed: Placed[] = [];
  for (const activity of activities) {
    const start = activityStart(activity);
    const end = activityEnd(activity);
    if (!start || !end) continue;
    const s = localParts(start, timeZone);
    if (s.date !== date) continue;
    const e = localParts(end, timeZone);
    const endMin = e.date === date ? Math.max(e.minutes, s.minutes + 15) : 24 * 60;
    placed.push({ activity, date, startMin: s.minutes, endMin, lane: 0, lanes: 1 });
  }
  placed.sort((a, b) => a.startMin - b.startMin || b.endMin - a.endMin);
  // Clusters of overlapping activities share their lane count.
  let cluster: Placed[] = [];
  let clusterEnd = -1;
  const close = () => {
    const lanes = Math.max(1, ...cluster.map((p) => p.lane + 1));
    for (const p of cluster) p.lanes = lanes;
    cluster = [];
  };
  for (const p of placed) {
    if (p.startMin >= clusterEnd && cluster.length > 0) close();
    const laneEnds: number[] = [];
    for (const other of cluster)
      laneEnds[other.lane] = Math.max(laneEnds[other.lane] ?? 0, other.endMin);
    let lane = 0;
    while ((laneEnds[lane] ?? -1) > p.startMin) lane += 1;
    p.lane = lane;
    cluster.push(p);
    clusterEnd = Math.max(clusterEnd, p.endMin);
  }
  if (cluster.length > 0) close();
  return placed;
}

/** The hours to show: 07:00–22:00, widened to fit whatever is planned earlier or later. */
export function hourRange(placed: Placed[]): { first: number; last: number } {
  let first = 7;
  let last = 22;
  for (const p of placed) {
    first = Math.min(first, Math.floor(p.startMin / 60));
    last = Math.max(last, Math.ceil(p.endMin / 60));
  }
  return { first, last: Math.min(24, last) };
}
