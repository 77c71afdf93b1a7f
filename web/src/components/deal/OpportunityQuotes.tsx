// The quote entry points other areas show: a "报价" button opening the quote builder for an
// opportunity, and the list of an opportunity's quote versions.
import { CalculatorOutlined } from '@ant-design/icons';
import { Button, Empty, List } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '@/app/session';
import { formatMoney } from '@/lib/format';
import { can } from '@/lib/permissions';
import { QuoteStatusTag, useQuotes } from '@/lib/quotes';

/** Opens the quote builder for an opportunity (for those who may write quotes). */
export function QuoteButton({
  opportunityId,
  size,
}: {
  opportunityId: string;
  size?: 'small' | 'middle';
}) {
  const { t } = useTranslation();
  const me = useMe();
  if (!can(me, 'quote:write')) return null;
  return (
    <Link to={`/quotes/new?opportunity=${opportunityId}`} draggable={false}>
      <Button size={size} icon={<CalculatorOutlined />} data-testid="new-quote">
        {t('quotes.action.quote')}
      </Button>
    </Link>
  );
}

/** An opportunity's quote versions, newest first, with their status and total. */
export function OpportunityQuotes({ opportunityId }: { opportunityId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const allowed = can(me, 'quote:read');
  const quotes = useQuotes({ opportunity_id: opportunityId }, allowed);
  if (!allowed) return null;
  const items = quotes.data?.items ?? [];
  return (
    <div data-testid="opportunity-quotes">
      <div className="quote-list-actions">
        <QuoteButton opportunityId={opportunityId} />
      </div>
      {items.length === 0 && !quotes.isLoading ? (
        <Empty description={t('quotes.empty')} />
      ) : (
        <List
          loading={quotes.isLoading}
          dataSource={items}
          renderItem={(quote) => (
            <List.Item
              key={quote.id}
              extra={<span className="tabular">{formatMoney(quote.total_fen)}</span>}
            >
              <List.Item.Meta
                title={<Link to={`/quotes/${quote.id}`}>{quote.number}</Link>}
                description={
                  <>
                    <QuoteStatusTag status={quote.status} /> {quote.model_name}
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
