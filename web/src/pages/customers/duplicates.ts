// The 409 `possible_duplicate` answer to creating (or editing) a customer: the existing
// customers with the same phone, ID number or VIN. The problem document carries them as
// `candidates`; they are read defensively, since the schema leaves their shape open.
import { isApiError } from '@/api/problem';
import type { DuplicateCandidate, DuplicateMatch } from '@/api/types';

const MATCHES: readonly DuplicateMatch[] = ['phone', 'id_number', 'vin'];

function isCandidate(value: unknown): value is DuplicateCandidate {
  if (!value || typeof value !== 'object') return false;
  const c = value as Record<string, unknown>;
  return (
    typeof c.customer_id === 'string' &&
    typeof c.name === 'string' &&
    Array.isArray(c.matched_on) &&
    typeof c.visible === 'boolean'
  );
}

/** The candidates of a `possible_duplicate` error, or null for any other error. */
export function duplicateCandidates(error: unknown): DuplicateCandidate[] | null {
  if (!isApiError(error) || error.code !== 'possible_duplicate') return null;
  const raw: unknown[] = Array.isArray(error.problem.candidates) ? error.problem.candidates : [];
  return raw.filter(isCandidate).map((c) => ({
    ...c,
    matched_on: c.matched_on.filter((m) => MATCHES.includes(m)),
  }));
}

/**
 * Whether "create anyway" can work. A phone or ID number may be shared (family members, a
 * company's switchboard), so the API creates the customer with `allow_duplicate`; a car belongs
 * to one customer only, so a VIN that is already registered is refused even then — the user
 * should open the existing customer (or transfer the car) instead.
 */
export function canCreateAnyway(candidates: readonly DuplicateCandidate[]): boolean {
  return !candidates.some((c) => c.matched_on.includes('vin'));
}
