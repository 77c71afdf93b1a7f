// One quote: its on-the-road price (落地价) shown large with every line, why it needs approval,
// and the steps of its state — ask for approval, accept, sign the contract with a deposit —, the
// print view, a new version, and the opportunity's other versions.
import { PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Radio, Space } from 'antd';
import type { ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '@/app/session';
import { OpportunityQuotes } from '@/components/deal/OpportunityQuotes';
import { PageHeader } from '@/components/PageHeader';
import { PageSpinner } from '@/components/PageSpinner';
import { ErrorResult } from '@/components/Results';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { formatMoney, parseMoney } from '@/lib/format';
import { can } from '@/lib/permissions';
import { QuoteStatusTag, type Quote } from '@/lib/quotes';
import { useQuote, useQuoteStep, useSignOrder, type DepositKind } from './hooks';
import { QuoteLines } from './QuoteLines';
import './quotes.css';

function SignModal({ quote, open, onClose }: { quote: Quote; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kind: DepositKind; amount?: string }>();
  const sign = useSignOrder();
  const onError = useApiErrorHandler();
  const submit = async () => {
    const values = await form.validateFields();
    const amount = values.amount ? parseMoney(values.amount) : null;
    try {
      const order = await sign.mutateAsync({
        quote_id: quote.id,
        deposit: amount ? { kind: values.kind, amount_fen: amount } : null,
      });
      message.success(t('quotes.signed', { number: order.contract_no }));
      onClose();
    } catch (error) {
      onError(error);
    }
  };
  return (
    <Modal
      open={open}
      title={t('quotes.sign.title')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('quotes.action.sign')}
      confirmLoading={sign.isPending}
      okButtonProps={{ 'data-testid': 'confirm-sign' } as ButtonProps}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'earnest' }}>
        <Form.Item name="kind" label={t('quotes.sign.kind')}>
          <Radio.Group>
            <Radio value="earnest">{t('quotes.deposit.earnest')}</Radio>
            <Radio value="advance">{t('quotes.deposit.advance')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="amount"
          label={t('quotes.sign.amount')}
          extra={t('quotes.sign.hint')}
          rules={[
            {
              validator: (_, value?: string) =>
                !value || (parseMoney(value) ?? 0) > 0
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('quotes.validation.amount'))),
            },
          ]}
        >
          <Input prefix="¥" inputMode="decimal" data-testid="deposit-amount" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function QuoteDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const quote = useQuote(id);
  const requestApproval = useQuoteStep(id, 'request-approval');
  const accept = useQuoteStep(id, 'accept');
  const onError = useApiErrorHandler();
  const [signing, setSigning] = useState(false);

  if (quote.isLoading) return <PageSpinner />;
  if (quote.error || !quote.data) return <ErrorResult error={quote.error} />;
  const q = quote.data;
  const writes = can(me, 'quote:write');
  const open = q.status === 'draft' || q.status === 'rejected';
  const canAsk = writes && open && q.needs_approval;
  const canAccept =
    writes && (q.status === 'approved' || (q.status === 'draft' && !q.needs_approval));
  const canSign = q.status === 'accepted' && !q.order_id && can(me, 'order:write');
  const showNewVersion = writes && q.status !== 'accepted';

  const step = async (which: 'ask' | 'accept') => {
    try {
      if (which === 'ask') {
        await requestApproval.mutateAsync(q.version);
        message.success(t('quotes.approvalRequested'));
      } else {
        await accept.mutateAsync(q.version);
        message.success(t('quotes.accepted'));
      }
    } catch (error) {
      onError(error, { onConflict: () => void quote.refetch() });
    }
  };

  return (
    <div className="quote-detail">
      <PageHeader
        title={
          <Space wrap>
            <span data-testid="quote-number">{q.number}</span>
            <QuoteStatusTag status={q.status} />
          </Space>
        }
        subtitle={`${q.customer_name} · ${q.model_name}${q.colour ? ` · ${q.colour}` : ''}`}
        crumbs={[{ title: t('quotes.title'), to: '/quotes' }, { title: q.number }]}
        extra={
          <Link to={`/quotes/${q.id}/print`}>
            <Button icon={<PrinterOutlined />} data-testid="print-quote">
              {t('quotes.action.print')}
            </Button>
          </Link>
        }
      />
      {q.needs_approval && open && (
        <Alert
          type="warning"
          showIcon
          className="quote-section"
          data-testid="needs-approval"
          message={t('quotes.needsApproval')}
          description={q.approval_reasons
            .map((reason) => t(`quotes.reason.${reason}`, reason))
            .join('；')}
        />
      )}
      {q.status === 'pending_approval' && (
        <Alert type="info" showIcon className="quote-section" message={t('quotes.pendingHint')} />
      )}
      {q.order_id && (
        <div data-testid="order-made">
          <Alert
            type="success"
            showIcon
            message={t('quotes.orderMade')}
            action={
              <Link to={`/orders/${q.order_id}`} data-testid="open-order">
                {t('quotes.openOrder')}
              </Link>
            }
            className="quote-section"
          />
        </div>
      )}
      <Card size="small" className="quote-section">
        <QuoteLines quote={q} />
      </Card>
      {(canAsk || canAccept || canSign || showNewVersion) && (
        <div className="quote-save-bar">
          <Space wrap>
            {canAsk && (
              <Button
                type="primary"
                loading={requestApproval.isPending}
                onClick={() => void step('ask')}
                data-testid="request-approval"
              >
                {t('quotes.action.requestApproval')}
              </Button>
            )}
            {canAccept && (
              <Button
                type="primary"
                loading={accept.isPending}
                onClick={() => void step('accept')}
                data-testid="accept-quote"
              >
                {t('quotes.action.accept')}
              </Button>
            )}
            {canSign && (
              <Button type="primary" onClick={() => setSigning(true)} data-testid="sign-order">
                {t('quotes.action.sign')}
              </Button>
            )}
            {showNewVersion && (
              <Link to={`/quotes/new?opportunity=${q.opportunity_id}&from=${q.id}`}>
                <Button data-testid="new-version">{t('quotes.action.newVersion')}</Button>
              </Link>
            )}
          </Space>
        </div>
      )}
      <Card size="small" className="quote-section">
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'consultant',
              label: t('quotes.field.consultant'),
              children: q.consultant_name ?? '—',
            },
            { key: 'priced', label: t('quotes.field.pricedOnLabel'), children: q.priced_on },
            { key: 'valid', label: t('quotes.field.validUntil'), children: q.valid_until },
            ...(q.margin_fen !== null && q.margin_fen !== undefined
              ? [
                  {
                    key: 'margin',
                    label: t('quotes.field.margin'),
                    children: formatMoney(q.margin_fen),
                  },
                ]
              : []),
            ...(q.notes
              ? [{ key: 'notes', label: t('quotes.field.notes'), children: q.notes }]
              : []),
          ]}
        />
      </Card>
      <Card size="small" title={t('quotes.versions')} className="quote-section">
        <OpportunityQuotes opportunityId={q.opportunity_id} />
      </Card>
      <SignModal quote={q} open={signing} onClose={() => setSigning(false)} />
    </div>
  );
}
