// Merging two records of one customer: for each profile field the user keeps the survivor's
// value or the other record's. Phones, tags, companions, consent history, cars and the timeline
// of both are kept on the survivor by the server.
import type { Customer, FieldChoice, MergeRequest } from '@/api/types';

/** The profile fields a merge chooses between (the server's `MERGE_FIELDS`). */
export const MERGE_FIELDS = [
  'kind',
  'name',
  'gender',
  'birthday',
  'wechat_id',
  'email',
  'address',
  'id_number',
  'occupation',
  'notes',
  'source',
  'owner',
] as const;

export type MergeField = (typeof MERGE_FIELDS)[number];
export type MergeChoices = Record<MergeField, FieldChoice>;

/** A field's value as something comparable (null when the record has none). */
export function mergeValue(customer: Customer, field: MergeField): string | null {
  const text = (value: string | null | undefined) => (value && value.trim() ? value : null);
  switch (field) {
    case 'address': {
      const { province, city, district, street } = customer.address;
      return text([province, city, district, street].filter(Boolean).join(' '));
    }
    case 'owner':
      return customer.owner?.id ?? null;
    default:
      return text(customer[field] as string | null | undefined);
  }
}

/**
 * What the server would do if the user chose nothing: keep the survivor's value, or the other
 * record's where the survivor has none. The page starts from these.
 */
export function defaultChoices(survivor: Customer, merged: Customer): MergeChoices {
  const choices = {} as MergeChoices;
  for (const field of MERGE_FIELDS) {
    const mine = mergeValue(survivor, field);
    const theirs = mergeValue(merged, field);
    choices[field] = mine === null && theirs !== null ? 'merged' : 'survivor';
  }
  return choices;
}

/** Fields on which the two records differ (the only ones worth a choice). */
export function differingFields(a: Customer, b: Customer): MergeField[] {
  return MERGE_FIELDS.filter((field) => mergeValue(a, field) !== mergeValue(b, field));
}

/** The request, naming every choice explicitly so the result is what the page showed. */
export function mergeRequest(
  survivor: Customer,
  merged: Customer,
  choices: MergeChoices,
): MergeRequest {
  return {
    survivor_id: survivor.id,
    survivor_version: survivor.version,
    merged_id: merged.id,
    merged_version: merged.version,
    choices: { ...choices },
  };
}

/** Choices after swapping which record survives: each field keeps the same value. */
export function swapChoices(choices: MergeChoices): MergeChoices {
  const swapped = {} as MergeChoices;
  for (const field of MERGE_FIELDS) {
    swapped[field] = choices[field] === 'survivor' ? 'merged' : 'survivor';
  }
  return swapped;
}
