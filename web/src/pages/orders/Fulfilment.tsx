// The car of an order: allocating a stock unit (picked from the units in stock), the unified motor-vehicle sales
// invoice, the PDI and handover checklists, the handover (交车) and cancellation.
import { Button, Card, Checkbox, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { AllocationPicker } from './AllocationPicker';
import { type Order, useCancel, useDeliver, useInvoice, useTick } from './hooks';

const REASONS = [
  'customer_withdrew',
  'loan_refused',
  'no_supply',
  'price_dispute',
  'entered_in_error',
  'other',
] as const;

export interface FulfilmentRights {
  write: boolean;
  invoice: boolean;
  deliver: boolean;
}

export function Fulfilment({ order, rights }: { order: Order; rights: FulfilmentRights }) {
  const { t } = useTranslation();
  const onError = useApiErrorHandler();
  const invoice = useInvoice(order.id);
  const tick = useTick(order.id);
  const deliver = useDeliver(order.id);
  const cancel = useCancel(order.id);
  const [invoiceNo, setInvoiceNo] = useState('');
  const [odometer, setOdometer] = useState<number | null>(0);
  const [cancelOpen, setCancelOpen] = useState(false);
  const [reason, setReason] = useState<(typeof REASONS)[number]>('customer_withdrew');
  const [note, setNote] = useState('');
  const version = order.version;
  const open = order.status === 'open';
  const ticking = rights.write || rights.deliver;

  const checklist = (list: 'pdi' | 'handover') => (
    <Card size="small" title={t(`orders.checklist.${list}`)} style={{ marginBottom: 12 }}>
      <div data-testid={`checklist-${list}`}>
        <Checkbox.Group
          disabled={!ticking || !(open || order.status === 'invoiced')}
          value={order[list].items.filter((i) => i.done).map((i) => i.item)}
          options={order[list].items.map((i) => ({ value: i.item, label: i.item }))}
          onChange={(done) =>
            tick.mutate(
              { [`${list}_done`]: done as string[], version },
              { onError: (e) => onError(e) },
            )
          }
        />
      </div>
    </Card>
  );

  return (
    <>
      {open && rights.write && !order.vin && <AllocationPicker order={order} />}
      {open && rights.invoice && order.vin && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Input
            placeholder={t('orders.field.invoiceNo')}
            value={invoiceNo}
            maxLength={32}
            onChange={(e) => setInvoiceNo(e.target.value)}
            style={{ width: 240, maxWidth: '100%' }}
            data-testid="order-invoice-no"
          />
          <Button
            data-testid="order-invoice"
            disabled={!invoiceNo.trim()}
            loading={invoice.isPending}
            onClick={() =>
              invoice.mutate({ invoice_no: invoiceNo, version }, { onError: (e) => onError(e) })
            }
          >
            {t('orders.action.invoice')}
          </Button>
        </Space>
      )}
      {checklist('pdi')}
      {checklist('handover')}
      {order.status === 'invoiced' && rights.deliver && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Typography.Text>{t('orders.field.odometer')}</Typography.Text>
          <InputNumber
            min={0}
            max={2_000_000}
            value={odometer}
            onChange={setOdometer}
            data-testid="order-odometer"
          />
          <Button
            type="primary"
            loading={deliver.isPending}
            onClick={() =>
              deliver.mutate(
                { odometer_km: odometer ?? 0, version },
                { onError: (e) => onError(e) },
              )
            }
            data-testid="order-deliver"
          >
            {t('orders.action.deliver')}
          </Button>
        </Space>
      )}
      {open && rights.write && (
        <div>
          <Button danger onClick={() => setCancelOpen(true)}>
            {t('orders.action.cancel')}
          </Button>
        </div>
      )}
      <Modal
        open={cancelOpen}
        title={t('orders.action.cancel')}
        onCancel={() => setCancelOpen(false)}
        confirmLoading={cancel.isPending}
        onOk={() =>
          cancel.mutate(
            { reason, note: note || null, version },
            { onSuccess: () => setCancelOpen(false), onError: (e) => onError(e) },
          )
        }
      >
        <Select
          value={reason}
          onChange={setReason}
          style={{ width: '100%', marginBottom: 12 }}
          options={REASONS.map((r) => ({ value: r, label: t(`orders.cancelReason.${r}`) }))}
        />
        <Input.TextArea
          value={note}
          maxLength={500}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t('orders.field.note')}
        />
      </Modal>
    </>
  );
}
