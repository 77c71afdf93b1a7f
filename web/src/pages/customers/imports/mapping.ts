// Column mappings of an import: which column of the file fills which customer field.
import type { ImportField, RowError, SavedMapping } from '@/api/types';

/** Every field a column can fill, in the order the mapping step offers them. */
export const IMPORT_FIELDS: readonly ImportField[] = [
  'name',
  'kind',
  'gender',
  'birthday',
  'phone',
  'phone2',
  'phone3',
  'wechat_id',
  'email',
  'province',
  'city',
  'district',
  'street',
  'id_number',
  'occupation',
  'notes',
  'tags',
  'source',
  'owner',
  'consent_sms',
  'consent_phone',
  'consent_email',
  'consent_wechat',
  'plate',
  'vin',
  'brand',
  'series',
  'model',
  'colour',
  'model_year',
  'purchase_date',
  'mileage_km',
  'bought_here',
];

export type Mapping = Record<string, ImportField>;

/** A saved mapping applied to this file: only its columns that the file has. */
export function applySavedMapping(headers: readonly string[], saved: SavedMapping): Mapping {
  const mapping: Mapping = {};
  for (const header of headers) {
    const field = saved.mapping[header];
    if (field) mapping[header] = field;
  }
  return mapping;
}

/** How well a saved mapping fits the file: the share of the file's columns it names. */
export function mappingFit(headers: readonly string[], saved: SavedMapping): number {
  if (headers.length === 0) return 0;
  return headers.filter((h) => saved.mapping[h]).length / headers.length;
}

/** Fields mapped from more than one column (the user must pick one). */
export function doubleMapped(mapping: Mapping): ImportField[] {
  const seen = new Map<ImportField, number>();
  for (const field of Object.values(mapping)) seen.set(field, (seen.get(field) ?? 0) + 1);
  return [...seen].filter(([, count]) => count > 1).map(([field]) => field);
}

/** Whether the mapping lets rows be found again (name, and a phone, ID number or VIN). */
export function mappingProblems(mapping: Mapping): ('name' | 'identifier' | 'double')[] {
  const fields = new Set(Object.values(mapping));
  const problems: ('name' | 'identifier' | 'double')[] = [];
  if (!fields.has('name')) problems.push('name');
  if (
    !['phone', 'phone2', 'phone3', 'id_number', 'vin'].some((f) => fields.has(f as ImportField))
  ) {
    problems.push('identifier');
  }
  if (doubleMapped(mapping).length > 0) problems.push('double');
  return problems;
}

/** A cell for a CSV file: quoted when it must be, and never run as a formula by a spreadsheet. */
function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The problems of a report as a CSV (with a BOM, so Excel reads the Chinese). */
export function errorsCsv(
  errors: readonly RowError[],
  headers: { row: string; column: string; reason: string },
  reason: (error: RowError) => string,
): string {
  const lines = [[headers.row, headers.column, headers.reason].map(csvCell).join(',')];
  for (const error of errors) {
    lines.push([error.row, error.column, reason(error)].map(csvCell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
