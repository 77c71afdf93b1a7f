import { describe, expect, it } from 'vitest';
import { decodeCsv } from './csv';

describe('catalog CSV files', () => {
  it('are read as UTF-8, without the BOM Excel adds', () => {
    const bytes = new TextEncoder().encode('\uFEFF品牌,车系\n丰田,凯美瑞\n');
    expect(decodeCsv(bytes)).toBe('品牌,车系\n丰田,凯美瑞\n');
  });

  it('are read as GBK when they are not UTF-8', () => {
    // "品牌,车系" in GBK.
    const gbk = new Uint8Array([0xc6, 0xb7, 0xc5, 0xc6, 0x2c, 0xb3, 0xb5, 0xcf, 0xb5]);
    expect(decodeCsv(gbk.buffer)).toBe('品牌,车系');
  });
});
