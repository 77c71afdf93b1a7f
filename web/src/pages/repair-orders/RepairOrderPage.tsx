// One repair order, usable at the counter and on a phone beside the car: the car and the
// complaint, the customer's bill shown large (only the lines the customer pays — warranty,
// insurance and internal lines are listed apart and never on it), the labour and parts lines,
// the moves through the workshop and the pickup with its payment.
import type { ButtonProps } from 'antd';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Statistic,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '@/app/session';
import { PageHeader } from '@/components/PageHeader';
import { PageSpinner } from '@/components/PageSpinner';
import { ErrorResult } from '@/components/Results';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { display, formatDateTime, formatMoney } from '@/lib/format';
import { can } from '@/lib/permissions';
import {
  nextMoves,
  type RepairOrder,
  statusColour,
  useMoveOrder,
  usePickup,
  useRepairOrder,
} from './hooks';
import { LabourLines } from './LabourLines';
import { PartLines } from './PartLines';

const METHODS = ['wechat', 'alipay', 'card', 'cash', 'transfer'] as const;

function Pickup({ order, onClose }: { order: RepairOrder; onClose: () => void }) {
  const { t } = useTranslation();
  const onError = useApiErrorHandler();
  const pickup = usePickup(order.id);
  const [form] = Form.useForm<{ odometer_out_km: number; method: (typeof METHODS)[number] }>();
  return (
    <Modal
      open
      title={t('repairOrders.pickup')}
      onCancel={onClose}
      okText={t('repairOrders.pickupSubmit')}
      confirmLoading={pickup.isPending}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'pickup-submit' } as ButtonProps}
    >
      <Statistic
        title={t('repairOrders.bill')}
        value={formatMoney(order.bill.total_fen)}
        valueStyle={{ fontSize: 32, fontWeight: 600 }}
      />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ odometer_out_km: order.odometer_in_km, method: 'wechat' }}
        onFinish={(v) =>
          pickup.mutate(
            {
              odometer_out_km: v.odometer_out_km,
              paid_fen: order.bill.total_fen,
              payment_method: v.method,
              version: order.version,
            },
            {
              onSuccess: onClose,
              onError: (e) => onError(e, { form, fields: ['odometer_out_km'] }),
            },
          )
        }
        style={{ marginTop: 16 }}
      >
        <Form.Item
          name="odometer_out_km"
          label={t('repairOrders.field.odometerOut')}
          rules={[{ required: true }]}
        >
          <InputNumber
            min={0}
            max={2000000}
            addonAfter="km"
            inputMode="numeric"
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item name="method" label={t('repairOrders.field.paymentMethod')}>
          <Select
            options={METHODS.map((m) => ({ value: m, label: t(`repairOrders.method.${m}`) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function RepairOrderPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const tz = me.dealer.time_zone;
  const onError = useApiErrorHandler();
  const query = useRepairOrder(id);
  const move = useMoveOrder(id);
  const [pickingUp, setPickingUp] = useState(false);
  if (query.error) return <ErrorResult error={query.error} />;
  if (!query.data) return <PageSpinner />;
  const o = query.data;
  const writer = can(me, 'service:write');
  const open = o.status === 'opened' || o.status === 'in_progress' || o.status === 'quality_check';
  const others = o.totals.filter((x) => x.payer !== 'customer' && x.amount_fen !== 0);

  return (
    <>
      <PageHeader
        title={`${o.car.plate ?? o.number} · ${o.customer_name}`}
        subtitle={`${o.number} · ${o.car.model}`}
        extra={
          <Tag color={statusColour(o.status)} data-testid="repair-order-status">
            {t(`repairOrders.status.${o.status}`)}
          </Tag>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card variant="borderless">
            <Statistic
              title={t('repairOrders.bill')}
              value={formatMoney(o.bill.total_fen)}
              formatter={(v) => (
                <span className="tabular" data-testid="repair-order-bill">
                  {v}
                </span>
              )}
              valueStyle={{ fontSize: 36, fontWeight: 600 }}
            />
            <div className="muted">
              {t('repairOrders.billSplit', {
                labour: formatMoney(o.bill.labour_fen),
                parts: formatMoney(o.bill.parts_fen),
              })}
            </div>
            {others.length > 0 && (
              <Alert
                style={{ marginTop: 12 }}
                type="info"
                showIcon
                message={t('repairOrders.notOnBill')}
                description={others
                  .map((x) => `${t(`repairOrders.payer.${x.payer}`)} ${formatMoney(x.amount_fen)}`)
                  .join(' · ')}
              />
            )}
            {writer && (
              <Space wrap style={{ marginTop: 16 }}>
                {nextMoves(o.status).map((to) => (
                  <Button
                    key={to}
                    type={to === 'cancelled' ? 'default' : 'primary'}
                    danger={to === 'cancelled'}
                    loading={move.isPending}
                    data-testid={`repair-order-move-${to}`}
                    onClick={() =>
                      move.mutate({ to, version: o.version }, { onError: (e) => onError(e) })
                    }
                  >
                    {t(`repairOrders.moveTo.${to}`)}
                  </Button>
                ))}
                {o.status === 'ready' && (
                  <Button
                    type="primary"
                    onClick={() => setPickingUp(true)}
                    data-testid="repair-order-pickup"
                  >
                    {t('repairOrders.pickup')}
                  </Button>
                )}
              </Space>
            )}
            <Descriptions column={1} size="small" style={{ marginTop: 16 }}>
              <Descriptions.Item label={t('repairOrders.field.car')}>
                <Link to={`/vehicles/${o.car.vehicle_id}`} data-testid="repair-order-car-link">
                  {[o.car.plate, o.car.model].filter(Boolean).join(' · ')}
                </Link>
              </Descriptions.Item>
              <Descriptions.Item label="VIN">{display(o.car.vin)}</Descriptions.Item>
              <Descriptions.Item label={t('repairOrders.field.odometerIn')}>
                {o.odometer_in_km} km
              </Descriptions.Item>
              {o.odometer_out_km != null && (
                <Descriptions.Item label={t('repairOrders.field.odometerOut')}>
                  {o.odometer_out_km} km
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('repairOrders.field.complaint')}>
                {o.complaint}
              </Descriptions.Item>
              <Descriptions.Item label={t('repairOrders.field.maintenance')}>
                {o.maintenance ? t('repairOrders.yes') : t('repairOrders.no')}
              </Descriptions.Item>
              <Descriptions.Item label={t('repairOrders.field.advisor')}>
                {o.advisor_name}
              </Descriptions.Item>
              <Descriptions.Item label={t('repairOrders.field.openedAt')}>
                {formatDateTime(o.opened_at, tz)}
              </Descriptions.Item>
              <Descriptions.Item label={t('repairOrders.field.promisedAt')}>
                {formatDateTime(o.promised_at, tz)}
              </Descriptions.Item>
              {o.picked_up_at && (
                <Descriptions.Item label={t('repairOrders.field.pickedUpAt')}>
                  {formatDateTime(o.picked_up_at, tz)} · {formatMoney(o.paid_fen)}
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <LabourLines order={o} editable={writer && open} />
            <PartLines order={o} editable={writer && open} />
          </Space>
        </Col>
      </Row>
      {pickingUp && <Pickup order={o} onClose={() => setPickingUp(false)} />}
    </>
  );
}
