// The quote on A4 paper (报价单), in Chinese whatever the app's language: the dealer, the
// customer and consultant, the trim and colour, every line, the on-the-road price, the validity
// and the signature lines. Printing hides the app's chrome (see quotes.css).
import { PrinterOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageSpinner } from '@/components/PageSpinner';
import { ErrorResult } from '@/components/Results';
import { formatMoney } from '@/lib/format';
import { useQuotePrint } from './hooks';
import './quotes.css';

export default function QuotePrintPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  // The printed words: a quote given to a customer in China is in Chinese.
  const paper = i18n.getFixedT('zh-CN');
  const print = useQuotePrint(id);
  if (print.isLoading) return <PageSpinner />;
  if (print.error || !print.data) return <ErrorResult error={print.error} />;
  const { quote, dealer_name } = print.data;
  return (
    <div className="quote-print-page">
      <div className="no-print quote-print-actions">
        <Space wrap>
          <Link to={`/quotes/${quote.id}`}>
            <Button>{t('common.back')}</Button>
          </Link>
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            onClick={() => window.print()}
            data-testid="print-button"
          >
            {t('quotes.action.printNow')}
          </Button>
        </Space>
      </div>
      <article className="quote-paper" lang="zh-CN" data-testid="quote-paper">
        <header className="quote-paper-head">
          <h1 data-testid="print-dealer">{dealer_name}</h1>
          <h2>汽车销售报价单</h2>
          <div className="quote-paper-no">报价单号：{quote.number}</div>
        </header>
        <table className="quote-paper-facts">
          <tbody>
            <tr>
              <th>客户</th>
              <td>{quote.customer_name}</td>
              <th>销售顾问</th>
              <td>{quote.consultant_name ?? ''}</td>
            </tr>
            <tr>
              <th>车型</th>
              <td>{quote.model_name}</td>
              <th>颜色</th>
              <td>{quote.colour ?? ''}</td>
            </tr>
            <tr>
              <th>报价日期</th>
              <td>{quote.priced_on}</td>
              <th>有效期至</th>
              <td data-testid="print-valid-until">{quote.valid_until}</td>
            </tr>
          </tbody>
        </table>
        <table className="quote-paper-lines">
          <thead>
            <tr>
              <th>项目</th>
              <th>内容</th>
              <th className="amount">金额（元）</th>
            </tr>
          </thead>
          <tbody>
            {quote.lines.map((line, index) => (
              <tr key={`${line.kind}-${index}`}>
                <td>{paper(`quotes.line.${line.kind}`, line.kind)}</td>
                <td>{line.label}</td>
                <td className="amount">{formatMoney(line.amount_fen)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th colSpan={2}>落地价（合计）</th>
              <td className="amount total" data-testid="print-total">
                {formatMoney(quote.total_fen)}
              </td>
            </tr>
          </tfoot>
        </table>
        {quote.notes && <p className="quote-paper-notes">备注：{quote.notes}</p>}
        <p className="quote-paper-terms">
          本报价单有效期至 {quote.valid_until}，逾期须重新报价。价格以签订的购车合同为准。
        </p>
        <div className="quote-paper-signatures">
          <div>
            客户签字：
            <span className="line" />
          </div>
          <div>
            销售顾问签字：
            <span className="line" />
          </div>
          <div>
            日期：
            <span className="line" />
          </div>
        </div>
      </article>
    </div>
  );
}
