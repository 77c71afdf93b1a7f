// The words of a quote's or contract's line. The server keeps each line's kind and, for the
// fixed lines (tax, insurance, fees, discount, trade-in), a Chinese label for the printed quote;
// the app words those by kind in the reader's language (the quote pages' `quotes.line.*`). The car, its options and accessories
// are named by the dealer's own catalog and stay as they are.
import type { TFunction } from 'i18next';

export const FIXED_LINE_KINDS = [
  'purchase_tax',
  'insurance',
  'fees',
  'finance_fee',
  'discount',
  'trade_in',
] as const;

type FixedLineKind = (typeof FIXED_LINE_KINDS)[number];

function isFixed(kind: string): kind is FixedLineKind {
  return (FIXED_LINE_KINDS as readonly string[]).includes(kind);
}

/** The line's words: a fixed line by its kind, any other by its own label. */
export function dealLineLabel(t: TFunction, line: { kind: string; label: string }): string {
  return isFixed(line.kind) ? t(`quotes.line.${line.kind}`) : line.label;
}
