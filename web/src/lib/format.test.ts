import { describe, expect, it } from 'vitest';
import {
  dayBoundary,
  display,
  EMPTY,
  formatDate,
  formatCount,
  formatDateTime,
  formatMoney,
  formatNumber,
  formatPhone,
  hourIn,
  initials,
  isMasked,
  parseMoney,
  telHref,
} from './format';

describe('formatMoney', () => {
  it('shows fen as yuan with grouping and two decimals', () => {
    expect(formatMoney(123456)).toBe('¥1,234.56');
    expect(formatMoney(0)).toBe('¥0.00');
    expect(formatMoney(5)).toBe('¥0.05');
    expect(formatMoney(100)).toBe('¥1.00');
    expect(formatMoney(25_880_000)).toBe('¥258,800.00');
  });

  it('puts the minus before the currency sign', () => {
    expect(formatMoney(-1200)).toBe('-¥12.00');
  });

  it('stays exact beyond floating point', () => {
    expect(formatMoney(123456789012345678n)).toBe('¥1,234,567,890,123,456.78');
  });

  it('shows a dash for no amount', () => {
    expect(formatMoney(null)).toBe(EMPTY);
    expect(formatMoney(undefined)).toBe(EMPTY);
  });
});

describe('parseMoney', () => {
  it('reads what people type', () => {
    expect(parseMoney('1,234.56')).toBe(123456);
    expect(parseMoney('¥ 12.5')).toBe(1250);
    expect(parseMoney('-3')).toBe(-300);
    expect(parseMoney('abc')).toBeNull();
    expect(parseMoney('1.234')).toBeNull();
  });
});

describe('dates in the dealer time zone', () => {
  const iso = '2024-05-01T16:30:00Z';

  it('shows UTC instants in the dealer zone', () => {
    expect(formatDateTime(iso, 'Asia/Shanghai')).toBe('2024-05-02 00:30');
    expect(formatDateTime(iso, 'Europe/London')).toBe('2024-05-01 17:30');
    expect(formatDate(iso, 'Asia/Shanghai')).toBe('2024-05-02');
  });

  it('shows a dash for missing or invalid times', () => {
    expect(formatDateTime(null, 'Asia/Shanghai')).toBe(EMPTY);
    expect(formatDateTime('not a date', 'Asia/Shanghai')).toBe(EMPTY);
  });

  it('falls back to Shanghai for an unknown zone', () => {
    expect(formatDateTime(iso, 'Mars/Olympus')).toBe('2024-05-02 00:30');
  });

  it('turns a calendar day into UTC boundaries for filters', () => {
    expect(dayBoundary('2024-05-02', 'Asia/Shanghai')).toBe('2024-05-01T16:00:00Z');
    expect(dayBoundary('2024-05-02', 'Asia/Shanghai', true)).toBe('2024-05-02T16:00:00Z');
  });

  it('knows the hour there', () => {
    expect(hourIn('Asia/Shanghai', new Date('2024-05-01T01:00:00Z'))).toBe(9);
  });
});

describe('phones and masked values', () => {
  it('groups mobiles 3-4-4 and keeps +86', () => {
    expect(formatPhone('13812345678')).toBe('138 1234 5678');
    expect(formatPhone('+8613812345678')).toBe('+86 138 1234 5678');
    expect(formatPhone('138-1234-5678')).toBe('138 1234 5678');
  });

  it('separates the area code of landlines', () => {
    expect(formatPhone('057188886666')).toBe('0571-8888 6666');
    expect(formatPhone('01066667777')).toBe('010-6666 7777');
  });

  it('leaves masked numbers as the server sent them', () => {
    expect(formatPhone('138****5678')).toBe('138****5678');
    expect(isMasked('138****5678')).toBe(true);
    expect(isMasked('z***@example.com')).toBe(true);
    expect(isMasked('13812345678')).toBe(false);
    expect(isMasked(null)).toBe(false);
  });

  it('calls numbers shown in clear, never masked ones', () => {
    expect(telHref('13812345678')).toBe('tel:13812345678');
    expect(telHref('+86 138 1234 5678')).toBe('tel:+8613812345678');
    expect(telHref('0571-8888 6666')).toBe('tel:057188886666');
    expect(telHref('0571-88886666转123')).toBe('tel:057188886666,123');
    expect(telHref('138****5678')).toBeNull();
    expect(telHref('')).toBeNull();
    expect(telHref('call me')).toBeNull();
  });

  it('shows a dash for nothing', () => {
    expect(formatPhone(null)).toBe(EMPTY);
    expect(display('')).toBe(EMPTY);
    expect(display('  ')).toBe(EMPTY);
    expect(display(0)).toBe('0');
  });
});

describe('initials', () => {
  it('uses the given name of Chinese names and the initials of Latin ones', () => {
    expect(initials('周建国')).toBe('建国');
    expect(initials('张伟')).toBe('张伟');
    expect(initials('Alice Wong')).toBe('AW');
    expect(initials('bob')).toBe('BO');
    expect(initials(' ')).toBe('?');
  });
});

describe('numbers and capped counts', () => {
  it('group thousands', () => {
    expect(formatNumber(136128)).toBe('136,128');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(null)).toBe('—');
  });

  it('say "1,000+" when the server stopped counting', () => {
    expect(formatCount(1000, true)).toBe('1,000+');
    expect(formatCount(102, false)).toBe('102');
    expect(formatCount(undefined, false)).toBe('—');
  });
});
