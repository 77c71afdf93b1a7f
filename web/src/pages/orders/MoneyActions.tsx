// The money of an order: plan a payment (a 定金 within 20% of the contract, a 订金, the balance, a
// loan, a subsidy), record one received (finance), ask for a refund (counted once approved).
import { Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { formatMoney } from '@/lib/format';
import { type Order, usePay, usePlan, useRefund } from './hooks';

const PURPOSES = ['earnest', 'advance', 'balance', 'loan', 'oem_subsidy', 'government_subsidy'];
const METHODS = ['cash', 'card', 'transfer', 'wechat', 'alipay', 'loan', 'subsidy'];

type Dialog = 'plan' | 'pay' | 'refund' | null;

/** Yuan typed by a person, in fen. */
const fen = (yuan: number) => Math.round(yuan * 100);

export function MoneyActions({
  order,
  canPlan,
  canPay,
}: {
  order: Order;
  canPlan: boolean;
  canPay: boolean;
}) {
  const { t } = useTranslation();
  const onError = useApiErrorHandler();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm();
  const plan = usePlan(order.id);
  const pay = usePay(order.id);
  const refund = useRefund(order.id);
  const live = order.status === 'open' || order.status === 'invoiced';
  const purpose = Form.useWatch('purpose', form) as string | undefined;
  const purposeHelp =
    purpose === 'earnest'
      ? t('orders.deposit.earnest', { cap: formatMoney(order.money.earnest_cap_fen) })
      : purpose === 'advance'
        ? t('orders.deposit.advance')
        : undefined;

  const close = () => {
    setDialog(null);
    form.resetFields();
  };
  const submit = async () => {
    const v = await form.validateFields();
    const fields = ['purpose', 'amount_fen', 'due_on', 'method', 'receipt_no', 'payer', 'reason'];
    const done = { onSuccess: close, onError: (e: unknown) => onError(e, { form, fields }) };
    if (dialog === 'plan') {
      plan.mutate(
        {
          purpose: v.purpose,
          amount_fen: fen(v.amount),
          due_on: v.due_on.format('YYYY-MM-DD'),
          payer_name: v.payer || null,
        },
        done,
      );
    } else if (dialog === 'pay') {
      pay.mutate(
        {
          purpose: v.purpose,
          method: v.method,
          amount_fen: fen(v.amount),
          receipt_no: v.receipt_no,
          payer: v.payer || null,
        },
        done,
      );
    } else if (dialog === 'refund') {
      refund.mutate({ amount_fen: fen(v.amount), reason: v.reason }, done);
    }
  };

  return (
    <>
      <Space wrap>
        {canPlan && live && (
          <Button onClick={() => setDialog('plan')} data-testid="order-plan">
            {t('orders.action.plan')}
          </Button>
        )}
        {canPay && live && (
          <Button type="primary" onClick={() => setDialog('pay')} data-testid="order-pay">
            {t('orders.action.pay')}
          </Button>
        )}
        {canPay && (
          <Button onClick={() => setDialog('refund')} data-testid="order-refund">
            {t('orders.action.refund')}
          </Button>
        )}
      </Space>
      <Modal
        open={dialog !== null}
        title={dialog ? t(`orders.action.${dialog}`) : ''}
        onCancel={close}
        onOk={() => void submit()}
        confirmLoading={plan.isPending || pay.isPending || refund.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{
            purpose: 'balance',
            method: 'transfer',
            amount:
              dialog === 'pay' && order.money.receivable_fen > 0
                ? order.money.receivable_fen / 100
                : undefined,
          }}
        >
          {dialog !== 'refund' && (
            <Form.Item name="purpose" label={t('orders.field.purpose')} extra={purposeHelp}>
              <Select
                options={PURPOSES.map((p) => ({ value: p, label: t(`orders.purpose.${p}`) }))}
              />
            </Form.Item>
          )}
          {dialog === 'pay' && (
            <Form.Item name="method" label={t('orders.field.method')}>
              <Select
                options={METHODS.map((m) => ({ value: m, label: t(`orders.method.${m}`) }))}
              />
            </Form.Item>
          )}
          <Form.Item
            name="amount"
            label={t('orders.field.amount')}
            rules={[{ required: true, message: t('orders.validation.amount') }]}
          >
            <InputNumber min={0.01} precision={2} style={{ width: '100%' }} addonAfter="¥" />
          </Form.Item>
          {dialog === 'plan' && (
            <Form.Item name="due_on" label={t('orders.field.dueOn')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          )}
          {dialog === 'pay' && (
            <Form.Item
              name="receipt_no"
              label={t('orders.field.receiptNo')}
              rules={[{ required: true }]}
            >
              <Input maxLength={32} />
            </Form.Item>
          )}
          {dialog !== 'refund' && (
            <Form.Item name="payer" label={t('orders.field.payer')}>
              <Input maxLength={100} />
            </Form.Item>
          )}
          {dialog === 'refund' && (
            <Form.Item name="reason" label={t('orders.field.reason')} rules={[{ required: true }]}>
              <Input.TextArea maxLength={500} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
