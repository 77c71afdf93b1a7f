// VINs as people type them: upper-cased, without spaces, and checked against the ISO 3779 check
// digit (the 9th character). Many cars built for China before 2004 lack a valid check digit, so
// a mismatch is a warning the user may override, never a refusal.

// prettier-ignore
const VALUES: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8,
  J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** "lsv 05a735n6106081" → "LSV05A735N6106081". */
export function normalizeVin(input: string | null | undefined): string {
  return (input ?? '').replace(/[\s-]/g, '').toUpperCase();
}

/** Whether the text is shaped like a VIN: 17 characters, digits and letters except I, O, Q. */
export function isVinShaped(vin: string): boolean {
  return /^[A-HJ-NPR-Z0-9]{17}$/.test(vin);
}

/** The check digit a VIN should have ('0'–'9' or 'X'), or null when it is not VIN-shaped. */
export function expectedCheckDigit(vin: string): string | null {
  const normalized = normalizeVin(vin);
  if (!isVinShaped(normalized)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const char = normalized[i] ?? '';
    const value = /\d/.test(char) ? Number(char) : (VALUES[char] ?? 0);
    sum += value * (WEIGHTS[i] ?? 0);
  }
  const remainder = sum % 11;
  return remainder === 10 ? 'X' : String(remainder);
}

/**
 * `true` when the check digit matches, `false` when it does not, `null` while the text is not a
 * complete VIN yet (nothing to say).
 */
export function vinCheckDigitOk(vin: string | null | undefined): boolean | null {
  const normalized = normalizeVin(vin);
  const expected = expectedCheckDigit(normalized);
  if (expected === null) return null;
  return normalized[8] === expected;
}
