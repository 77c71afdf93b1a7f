// A quote's lines and its on-the-road price, large: on the quote page and, while the consultant
// is still choosing, under the builder.
import { useTranslation } from 'react-i18next';
import { formatMoney } from '@/lib/format';
import type { Quote } from '@/lib/quotes';

/** Lines naming a priced item (shown with it); the others are named by their kind. */
const ITEM_LINES = new Set(['vehicle', 'option', 'package', 'accessory']);

/** Every line of a quote (or of the builder's running price) and its total, large. */
export function QuoteLines({ quote }: { quote: Pick<Quote, 'total_fen' | 'lines'> }) {
  const { t } = useTranslation();
  return (
    <div className="quote-lines">
      <div className="quote-total" data-testid="quote-total">
        <span className="quote-total-label">{t('quotes.total')}</span>
        <span className="quote-total-amount tabular">{formatMoney(quote.total_fen)}</span>
      </div>
      <table className="quote-line-table">
        <tbody>
          {quote.lines.map((line, index) => (
            <tr key={`${line.kind}-${index}`} data-testid="quote-line">
              <td>
                {ITEM_LINES.has(line.kind) ? (
                  <>
                    <span className="muted">{t(`quotes.line.${line.kind}`, line.kind)}</span>{' '}
                    {line.label}
                  </>
                ) : (
                  t(`quotes.line.${line.kind}`, line.label)
                )}
              </td>
              <td className="tabular quote-line-amount">{formatMoney(line.amount_fen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
