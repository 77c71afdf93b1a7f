import { describe, expect, it } from 'vitest';
import type { SavedMapping } from '@/api/types';
import { applySavedMapping, doubleMapped, errorsCsv, mappingFit, mappingProblems } from './mapping';

const saved: SavedMapping = {
  id: 'm1',
  name: '历史档案',
  mapping: { 姓名: 'name', 手机: 'phone', 车牌: 'plate', 备注: 'notes' },
};

describe('import mappings', () => {
  it('apply a saved mapping to the columns the file has', () => {
    expect(applySavedMapping(['姓名', '手机', '城市'], saved)).toEqual({
      姓名: 'name',
      手机: 'phone',
    });
    expect(mappingFit(['姓名', '手机', '城市', '车牌'], saved)).toBe(0.75);
    expect(mappingFit([], saved)).toBe(0);
  });

  it('find what would make the import fail', () => {
    expect(mappingProblems({ 姓名: 'name', 手机: 'phone' })).toEqual([]);
    expect(mappingProblems({ 手机: 'phone' })).toEqual(['name']);
    expect(mappingProblems({ 姓名: 'name', 城市: 'city' })).toEqual(['identifier']);
    expect(doubleMapped({ 姓名: 'name', 名字: 'name', 手机: 'phone' })).toEqual(['name']);
    expect(mappingProblems({ 姓名: 'name', 名字: 'name', 手机: 'phone' })).toEqual(['double']);
  });

  it('write the problems as a CSV a spreadsheet opens safely', () => {
    const csv = errorsCsv(
      [
        { row: 3, column: '手机', code: 'invalid_phone', message: 'bad' },
        { row: 7, column: '', code: 'no_identifier', message: 'x' },
        { row: 9, column: '备注', code: 'too_long', message: '=cmd' },
      ],
      { row: '行', column: '列', reason: '原因' },
      (e) => (e.code === 'too_long' ? '=HYPERLINK("x")' : `${e.code}, 请检查`),
    );
    expect(csv.startsWith('\uFEFF行,列,原因\r\n')).toBe(true);
    expect(csv).toContain('3,手机,"invalid_phone, 请检查"');
    expect(csv).toContain('7,,"no_identifier, 请检查"');
    expect(csv).toContain(`9,备注,"'=HYPERLINK(""x"")"`);
  });
});
