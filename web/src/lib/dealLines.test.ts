import { describe, expect, it } from 'vitest';
import en from '@/i18n/en.json';
import zhCN from '@/i18n/zh-CN.json';
import zhTW from '@/i18n/zh-TW.json';
import { FIXED_LINE_KINDS, dealLineLabel } from './dealLines';

describe('deal line words', () => {
  it('every fixed line kind has words in every language', () => {
    for (const lang of [en, zhCN, zhTW]) {
      for (const kind of FIXED_LINE_KINDS) {
        expect(lang.quotes.line[kind], kind).toBeTruthy();
      }
    }
  });

  it('words fixed lines by kind and keeps the catalog names of the rest', () => {
    const t = ((key: string) => `[${key}]`) as never;
    expect(dealLineLabel(t, { kind: 'purchase_tax', label: '车辆购置税' })).toBe(
      '[quotes.line.purchase_tax]',
    );
    expect(dealLineLabel(t, { kind: 'option', label: '全景天窗' })).toBe('全景天窗');
  });
});
