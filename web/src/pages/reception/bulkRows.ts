// The rows of the paper-form entry table and how they become receptions; where a row's server
// errors go.
import dayjs from 'dayjs';
import type { FieldError, Grade, NewReception, StartingGrade } from '@/api/types';
import { fromWallClock } from '@/lib/format';

export interface BulkRow {
  key: string;
  consultant_id?: string;
  /** "HH:mm" on the batch's day. */
  arrived: string;
  left: string;
  name: string;
  phone: string;
  grade: Grade;
  model_text: string;
  party_size: number;
  test_drive: boolean;
  /** After saving: the outcome of this row. */
  saved?: { lead_id: string; lead_created: boolean };
  errors?: FieldError[];
}

export type BulkColumn =
  'consultant' | 'arrived' | 'left' | 'name' | 'phone' | 'grade' | 'model' | 'party' | 'test_drive';

let counter = 0;

export function newRow(consultantId?: string): BulkRow {
  counter += 1;
  return {
    key: `row-${Date.now().toString(36)}-${counter}`,
    consultant_id: consultantId,
    arrived: '',
    left: '',
    name: '',
    phone: '',
    grade: 'N',
    model_text: '',
    party_size: 1,
    test_drive: false,
  };
}

/** A row nobody typed anything into is left out. */
export function isBlank(row: BulkRow): boolean {
  return !row.name.trim() && !row.phone.trim() && !row.arrived && !row.model_text.trim();
}

const TIME = /^([01]?\d|2[0-3])[:：.]?([0-5]\d)$/;

/** "9:05", "0905", "9：05" → "09:05"; anything else stays as typed (the server will say). */
export function normaliseTime(text: string): string {
  const match = TIME.exec(text.trim());
  if (!match) return text.trim();
  return `${(match[1] ?? '').padStart(2, '0')}:${match[2]}`;
}

function instant(day: string, time: string, timeZone: string): string | null {
  const hhmm = normaliseTime(time);
  if (!/^\d{2}:\d{2}$/.test(hhmm)) return null;
  return fromWallClock(dayjs(`${day}T${hhmm}:00`), timeZone);
}

export function toReception(row: BulkRow, day: string, timeZone: string): NewReception {
  const text = row.model_text.trim();
  return {
    customer: {
      name: row.name.trim(),
      phones: row.phone.trim()
        ? [{ number: row.phone.replace(/[\s-]/g, ''), label: 'mobile' }]
        : [],
      source: 'walk_in',
    },
    consultant_id: row.consultant_id ?? null,
    arrived_at: instant(day, row.arrived, timeZone),
    left_at: row.left ? instant(day, row.left, timeZone) : null,
    party_size: row.party_size,
    models: text ? [{ text }] : [],
    test_drive: row.test_drive,
    // The grid offers N and the judged grades.
    grade: row.grade as StartingGrade,
    lead: { source: 'walk_in' },
  };
}

/** The column a server error of a row belongs to, or null (shown under the row). */
export function bulkColumn(field: string): BulkColumn | null {
  if (field === 'consultant_id') return 'consultant';
  if (field === 'arrived_at') return 'arrived';
  if (field === 'left_at') return 'left';
  if (field === 'customer.name' || field === 'customer_id') return 'name';
  if (field.startsWith('customer.phones')) return 'phone';
  if (field === 'grade') return 'grade';
  if (field.startsWith('models')) return 'model';
  if (field === 'party_size') return 'party';
  if (field === 'test_drive') return 'test_drive';
  return null;
}
