// One order: its status, the agreed lines, the receivable shown large (always computed as the
// contract total − payments + approved refunds), the payment plan, payments and refunds, the
// invoice, the car and the delivery checklists. The 定金 / 订金 difference is explained where
// money is entered.
import { dealLineLabel } from '@/lib/dealLines';
import { Alert, Card, Col, Descriptions, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useMe } from '@/app/session';
import { PageHeader } from '@/components/PageHeader';
import { PageSpinner } from '@/components/PageSpinner';
import { ErrorResult } from '@/components/Results';
import { display, formatDate, formatDateTime, formatMoney } from '@/lib/format';
import { can } from '@/lib/permissions';
import { Fulfilment } from './Fulfilment';
import { statusColour, useApproveLoan, useOrder } from './hooks';
import { MoneyActions } from './MoneyActions';

export default function OrderDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const tz = me.dealer.time_zone;
  const query = useOrder(id);
  const approveLoan = useApproveLoan(id);
  if (query.error) return <ErrorResult error={query.error} />;
  if (!query.data) return <PageSpinner />;
  const o = query.data;
  const m = o.money;
  const canPay = can(me, 'payment:record');

  return (
    <>
      <PageHeader
        title={`${o.contract_no} · ${o.customer_name}`}
        subtitle={o.vehicle}
        extra={
          <Tag color={statusColour(o.status)} data-testid="order-status">
            {t(`orders.status.${o.status}`)}
          </Tag>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={10}>
          <Card variant="borderless">
            <div data-testid="order-receivable">
              <Statistic
                title={t('orders.field.receivable')}
                value={formatMoney(m.receivable_fen)}
                formatter={(v) => (
                  <span className="tabular" data-testid="order-receivable-value">
                    {v}
                  </span>
                )}
                valueStyle={{
                  fontSize: 36,
                  fontWeight: 600,
                  color: m.receivable_fen > 0 ? '#cf1322' : '#389e0d',
                }}
              />
              <Typography.Text type={m.receivable_fen > 0 ? 'danger' : 'success'}>
                {m.receivable_fen > 0 ? t('orders.receivableOpen') : t('orders.receivableSettled')}
              </Typography.Text>
            </div>
            <Descriptions column={1} size="small" style={{ marginTop: 12 }}>
              <Descriptions.Item label={t('orders.field.total')}>
                {formatMoney(m.total_fen)}
              </Descriptions.Item>
              <Descriptions.Item label={t('orders.field.received')}>
                {formatMoney(m.received_fen)}
              </Descriptions.Item>
              <Descriptions.Item label={t('orders.field.refunded')}>
                {formatMoney(m.refunded_fen)}
                {m.refund_pending_fen > 0 &&
                  ` (${t('orders.refundPending', { amount: formatMoney(m.refund_pending_fen) })})`}
              </Descriptions.Item>
              <Descriptions.Item label={t('orders.purpose.earnest')}>
                {formatMoney(m.earnest_fen)} / {formatMoney(m.earnest_cap_fen)}
              </Descriptions.Item>
              <Descriptions.Item label={t('orders.purpose.advance')}>
                {formatMoney(m.advance_fen)}
              </Descriptions.Item>
              <Descriptions.Item label={t('orders.field.vin')}>
                <span data-testid="order-vin" style={{ overflowWrap: 'anywhere' }}>
                  {display(o.vin)}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('orders.field.signedAt')}>
                {formatDate(o.signed_at, tz)}
              </Descriptions.Item>
              {o.invoice && (
                <Descriptions.Item label={t('orders.field.invoiceNo')}>
                  {o.invoice.invoice_no}
                </Descriptions.Item>
              )}
              {o.delivered_at && (
                <Descriptions.Item label={t('orders.field.deliveredAt')}>
                  {formatDateTime(o.delivered_at, tz)}
                </Descriptions.Item>
              )}
              {o.odometer_km != null && (
                <Descriptions.Item label={t('orders.field.odometer')}>
                  {o.odometer_km}
                </Descriptions.Item>
              )}
              {o.cancel_reason && (
                <Descriptions.Item label={t('orders.field.reason')}>
                  {t(`orders.cancelReason.${o.cancel_reason}`)} {o.cancel_note ?? ''}
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} md={14}>
          <Card variant="borderless" title={t('orders.lines')}>
            <Table
              rowKey={(l, i) => `${l.kind}-${i}`}
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={o.lines}
              columns={[
                {
                  title: t('orders.field.item'),
                  key: 'label',
                  render: (_: unknown, l: (typeof o.lines)[number]) => dealLineLabel(t, l),
                },
                {
                  title: t('orders.field.amount'),
                  dataIndex: 'amount_fen',
                  align: 'right',
                  render: (f: number) => <span className="tabular">{formatMoney(f)}</span>,
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24}>
          <Card variant="borderless" title={t('orders.money')}>
            {(o.status === 'open' || o.status === 'invoiced') && (
              <Alert
                type="info"
                showIcon
                message={t('orders.deposit.title')}
                description={
                  <>
                    <div>
                      {t('orders.deposit.earnest', { cap: formatMoney(m.earnest_cap_fen) })}
                    </div>
                    <div>{t('orders.deposit.advance')}</div>
                  </>
                }
                style={{ marginBottom: 12 }}
              />
            )}
            <MoneyActions order={o} canPlan={canPay || can(me, 'order:write')} canPay={canPay} />
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {t('orders.schedule')}
            </Typography.Title>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={o.schedule}
              columns={[
                {
                  title: t('orders.field.purpose'),
                  dataIndex: 'purpose',
                  render: (p: string) => t(`orders.purpose.${p}`),
                },
                {
                  title: t('orders.field.payer'),
                  key: 'payer',
                  render: (_, s) => s.payer_name ?? t(`orders.payer.${s.payer_kind}`),
                },
                { title: t('orders.field.dueOn'), dataIndex: 'due_on' },
                {
                  title: t('orders.field.amount'),
                  dataIndex: 'amount_fen',
                  align: 'right',
                  render: (f: number) => formatMoney(f),
                },
                {
                  title: t('orders.field.status'),
                  key: 'status',
                  render: (_, s) =>
                    s.settled ? (
                      <Tag color="success" data-testid="schedule-settled">
                        {t('orders.scheduleStatus.settled')}
                      </Tag>
                    ) : s.paid_fen > 0 ? (
                      <Tag color="processing">
                        {t('orders.scheduleStatus.partly', { paid: formatMoney(s.paid_fen) })}
                      </Tag>
                    ) : s.purpose === 'loan' && s.status === 'planned' && canPay ? (
                      <Typography.Link onClick={() => approveLoan.mutate(s.id)}>
                        {t('orders.action.approveLoan')}
                      </Typography.Link>
                    ) : (
                      t(`orders.scheduleStatus.${s.status}`)
                    ),
                },
              ]}
            />
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {t('orders.payments')}
            </Typography.Title>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={o.payments}
              columns={[
                {
                  title: t('orders.field.receivedAt'),
                  dataIndex: 'received_at',
                  render: (at: string) => formatDateTime(at, tz),
                },
                {
                  title: t('orders.field.purpose'),
                  dataIndex: 'purpose',
                  render: (p: string) => t(`orders.purpose.${p}`),
                },
                {
                  title: t('orders.field.method'),
                  dataIndex: 'method',
                  render: (p: string) => t(`orders.method.${p}`),
                },
                { title: t('orders.field.receiptNo'), dataIndex: 'receipt_no' },
                {
                  title: t('orders.field.amount'),
                  dataIndex: 'amount_fen',
                  align: 'right',
                  render: (f: number) => formatMoney(f),
                },
              ]}
            />
            {o.refunds.length > 0 && (
              <>
                <Typography.Title level={5} style={{ marginTop: 16 }}>
                  {t('orders.refunds')}
                </Typography.Title>
                <Table
                  rowKey="id"
                  size="small"
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  dataSource={o.refunds}
                  columns={[
                    { title: t('orders.field.reason'), dataIndex: 'reason' },
                    {
                      title: t('orders.field.status'),
                      dataIndex: 'status',
                      render: (s: string) => t(`orders.refundStatus.${s}`),
                    },
                    {
                      title: t('orders.field.amount'),
                      dataIndex: 'amount_fen',
                      align: 'right',
                      render: (f: number) => formatMoney(f),
                    },
                  ]}
                />
              </>
            )}
          </Card>
        </Col>
        <Col xs={24}>
          <Card variant="borderless" title={t('orders.delivery')}>
            <Fulfilment
              order={o}
              rights={{
                write: can(me, 'order:write'),
                invoice: can(me, 'invoice:issue'),
                deliver: can(me, 'delivery:complete'),
              }}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
