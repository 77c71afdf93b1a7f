import { describe, expect, it } from 'vitest';
import type { Quote } from '@/lib/quotes';
import { chosenOptions, valuesOf } from './QuoteBuilderPage';
import type { TrimConfiguration } from './hooks';

const option = (id: string, group_id: string | null, colour: string | null = null) => ({
  id,
  kind: 'option',
  group_id,
  colour,
  name: id,
  active: true,
});

/** A trim: one exclusive group (wheels), one multi group (comfort), a loose option, a paint. */
const config = {
  colours: [
    { name: '珍珠白', option_id: 'paint-white' },
    { name: '宝石蓝', option_id: null },
  ],
  groups: [
    { id: 'wheels', name: '轮毂', rule: 'exclusive' },
    { id: 'comfort', name: '舒适', rule: 'multi' },
  ],
  options: [
    option('w19', 'wheels'),
    option('w20', 'wheels'),
    option('seat-heat', 'comfort'),
    option('hud', null),
    option('paint-white', null, '珍珠白'),
  ],
  packages: [],
  accessories: [],
} as unknown as TrimConfiguration;

const line = (kind: string, item_id: string | null, amount_fen: number) => ({
  kind,
  item_id,
  label: item_id ?? kind,
  amount_fen,
});

const quote = {
  model_id: 'trim',
  colour: '珍珠白',
  lines: [
    line('vehicle', 'vehicle-row', 18_980_000),
    line('option', 'paint-white', 0),
    line('option', 'w20', 600_000),
    line('option', 'seat-heat', 200_000),
    line('option', 'hud', 300_000),
    line('package', 'pack', 350_000),
    line('accessory', 'mats', 52_000),
    line('discount', null, -800_000),
  ],
  insurance_fen: 520_000,
  fees_fen: 150_000,
  finance_fee_fen: 0,
  discount_fen: 800_000,
  appraisal_id: null,
  notes: '周六交车',
} as unknown as Quote;

describe('a new version starts from the quote it was opened from', () => {
  it('puts each option back in its group and the money in yuan', () => {
    const values = valuesOf(quote, config);
    expect(values.colour).toBe('珍珠白');
    expect(values.groups).toEqual({ wheels: 'w20' });
    expect(values.options).toEqual(['seat-heat', 'hud']);
    expect(values.packages).toEqual(['pack']);
    expect(values.accessories).toEqual(['mats']);
    expect(values.insurance).toBe('5200.00');
    expect(values.fees).toBe('1500.00');
    expect(values.finance_fee).toBeUndefined();
    expect(values.discount).toBe('8000.00');
    expect(values.notes).toBe('周六交车');
  });

  it('chooses the same options again, the paint going with its colour', () => {
    const again = chosenOptions(config, valuesOf(quote, config)).sort();
    expect(again).toEqual(['hud', 'paint-white', 'seat-heat', 'w20']);
    // Another colour drops the white paint.
    const blue = chosenOptions(config, { ...valuesOf(quote, config), colour: '宝石蓝' }).sort();
    expect(blue).toEqual(['hud', 'seat-heat', 'w20']);
  });
});
