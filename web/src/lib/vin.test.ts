import { describe, expect, it } from 'vitest';
import { expectedCheckDigit, isVinShaped, normalizeVin, vinCheckDigitOk } from './vin';

describe('VINs', () => {
  it('are normalised as typed', () => {
    expect(normalizeVin(' lsv 05a735n-6106081 ')).toBe('LSV05A735N6106081');
    expect(normalizeVin(null)).toBe('');
  });

  it('are shaped: 17 characters without I, O or Q', () => {
    expect(isVinShaped('LSV05A735N6106081')).toBe(true);
    expect(isVinShaped('LSV05A735N610608')).toBe(false);
    expect(isVinShaped('LSV05A735N610608I')).toBe(false);
    expect(isVinShaped('LSVO5A735N6106081')).toBe(false);
  });

  it('have their check digit verified (ISO 3779)', () => {
    // The textbook example and VINs from the demo data.
    expect(expectedCheckDigit('1M8GDM9AXKP042788')).toBe('X');
    expect(vinCheckDigitOk('1M8GDM9AXKP042788')).toBe(true);
    expect(vinCheckDigitOk('LC0T5WCGXSB106690')).toBe(true);
    expect(vinCheckDigitOk('LHGTW2E9XF4106686')).toBe(true);
    expect(vinCheckDigitOk('LHGTW2E91F4106686')).toBe(false);
  });

  it('say nothing until the VIN is complete', () => {
    expect(vinCheckDigitOk('LHGTW2E9')).toBeNull();
    expect(vinCheckDigitOk('')).toBeNull();
  });
});
