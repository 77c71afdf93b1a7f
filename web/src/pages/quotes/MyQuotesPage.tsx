// My quotes (我的报价): the caller's own quotes, newest first, with status and on-the-road price;
// a phone shows cards, a desktop a table.
import { Card, Empty, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '@/components/PageHeader';
import { ErrorResult } from '@/components/Results';
import { formatMoney } from '@/lib/format';
import { QuoteStatusTag, useQuotes, type Quote } from '@/lib/quotes';
import { useIsMobile } from '@/lib/useIsMobile';
import './quotes.css';

export default function MyQuotesPage() {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const quotes = useQuotes({ mine: true, limit: 100 });
  if (quotes.error)
    return <ErrorResult error={quotes.error} onRetry={() => void quotes.refetch()} />;
  const items = quotes.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('quotes.mine')} subtitle={t('quotes.mineHint')} />
      {mobile ? (
        items.length === 0 && !quotes.isLoading ? (
          <Empty description={t('quotes.empty')} />
        ) : (
          items.map((q) => (
            <Card key={q.id} size="small" className="quote-section" data-testid="quote-row">
              <div className="record-card-title">
                <Link to={`/quotes/${q.id}`}>{q.customer_name}</Link>
                <QuoteStatusTag status={q.status} />
              </div>
              <div>{q.model_name}</div>
              <div className="deal-card-meta">
                <span className="muted">{q.number}</span>
                <span className="tabular">{formatMoney(q.total_fen)}</span>
              </div>
            </Card>
          ))
        )
      ) : (
        <Table<Quote>
          rowKey="id"
          loading={quotes.isLoading}
          dataSource={items}
          pagination={false}
          columns={[
            {
              key: 'number',
              title: t('quotes.field.number'),
              render: (_, q) => <Link to={`/quotes/${q.id}`}>{q.number}</Link>,
            },
            { key: 'customer', title: t('quotes.field.customer'), dataIndex: 'customer_name' },
            { key: 'model', title: t('quotes.field.trim'), dataIndex: 'model_name' },
            {
              key: 'status',
              title: t('quotes.field.status'),
              render: (_, q) => <QuoteStatusTag status={q.status} />,
            },
            {
              key: 'total',
              title: t('quotes.total'),
              align: 'right',
              render: (_, q) => <span className="tabular">{formatMoney(q.total_fen)}</span>,
            },
            { key: 'valid', title: t('quotes.field.validUntil'), dataIndex: 'valid_until' },
          ]}
        />
      )}
    </>
  );
}
