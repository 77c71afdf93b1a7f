import { describe, expect, it } from 'vitest';
import { idCheckChar, idNumberProblem } from './idNumber';

describe('mainland ID numbers', () => {
  it('accepts well-formed numbers, X or x as the check character', () => {
    expect(idNumberProblem('11010519491231002X')).toBeNull();
    expect(idNumberProblem('11010519491231002x')).toBeNull();
    expect(idNumberProblem(`33010619900307123${idCheckChar('33010619900307123')}`)).toBeNull();
  });

  it('names a wrong check character apart from a wrong shape', () => {
    expect(idNumberProblem('110105194912310021')).toBe('invalid_id_number_checksum');
    expect(idNumberProblem('1101051949123100')).toBe('invalid_id_number');
    expect(idNumberProblem('11010519491331002X')).toBe('invalid_id_number');
    expect(idNumberProblem('00010519491231002X')).toBe('invalid_id_number');
  });

  it('refuses birth dates in the future', () => {
    const first = '11010520990101123';
    expect(idNumberProblem(`${first}${idCheckChar(first)}`, new Date('2024-01-01'))).toBe(
      'invalid_id_number',
    );
  });
});
