// The walk-in form's values and how they become the API's reception; where the server's field
// errors go on the form.
import type { Grade, NewReception, Relation, StartingGrade } from '@/api/types';

export interface ReceptionFormValues {
  name: string;
  phone: string;
  party_size: number;
  companions: Relation[];
  /** Series of the catalog they looked at. */
  series: string[];
  /** Cars in words, when they are not in the catalog. */
  model_text?: string;
  test_drive: boolean;
  grade?: Grade;
  source?: string;
  notes?: string;
  consultant_id?: string;
}

export const emptyReception = (): Partial<ReceptionFormValues> => ({
  party_size: 1,
  companions: [],
  series: [],
  test_drive: false,
  source: 'walk_in',
});

/** A mainland mobile number, spaces and dashes allowed: 138 1234 5678. */
export function isMobileNumber(text: string): boolean {
  return /^(\+?86)?1[3-9]\d{9}$/.test(text.replace(/[\s-]/g, ''));
}

export function toNewReception(values: ReceptionFormValues): NewReception {
  const models = [
    ...values.series.map((series_id) => ({ series_id })),
    ...(values.model_text?.trim() ? [{ text: values.model_text.trim() }] : []),
  ];
  return {
    customer: {
      name: values.name.trim(),
      phones: [{ number: values.phone.replace(/[\s-]/g, ''), label: 'mobile' }],
      source: values.source ?? 'walk_in',
    },
    consultant_id: values.consultant_id ?? null,
    party_size: values.party_size,
    companions: values.companions.map((relation) => ({ relation })),
    models,
    test_drive: values.test_drive,
    // The form offers N and the judged grades.
    grade: (values.grade ?? 'N') as StartingGrade,
    lead: { source: values.source ?? 'walk_in' },
    notes: values.notes?.trim() || null,
  };
}

/**
 * The form field a server error belongs to (`customer.phones.0.number` → `phone`), or null
 * when the form has no such field (the message is then shown on its own).
 */
export function receptionField(serverField: string): keyof ReceptionFormValues | null {
  if (serverField === 'customer.name') return 'name';
  if (serverField.startsWith('customer.phones')) return 'phone';
  if (serverField.startsWith('models')) return 'series';
  if (serverField.startsWith('companions')) return 'companions';
  if (serverField === 'lead.source' || serverField === 'customer.source') return 'source';
  const direct: (keyof ReceptionFormValues)[] = [
    'party_size',
    'test_drive',
    'grade',
    'notes',
    'consultant_id',
  ];
  return (direct as string[]).includes(serverField)
    ? (serverField as keyof ReceptionFormValues)
    : null;
}
