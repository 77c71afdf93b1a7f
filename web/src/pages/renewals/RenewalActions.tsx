// Working a renewal: log a call (a customer to call back, or interested, gets the next call on the
// day chosen), add an insurer's quote, record the result (renewed here with the new policy,
// renewed elsewhere with the insurer, or lost with a reason).
import { Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import {
  type CallOutcome,
  LOST_REASONS,
  OUTCOMES,
  type RenewalDetail,
  useAddQuote,
  useCloseRenewal,
  useLogCall,
} from './hooks';

type Dialog = 'call' | 'quote' | 'result' | null;

/** Yuan typed by a person, in fen. */
const fen = (yuan: number) => Math.round(yuan * 100);
const day = (d: Dayjs) => d.format('YYYY-MM-DD');

export function RenewalActions({ detail }: { detail: RenewalDetail }) {
  const { t } = useTranslation();
  const onError = useApiErrorHandler();
  const renewal = detail.renewal;
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm();
  const call = useLogCall(renewal.id);
  const quote = useAddQuote(renewal.id);
  const result = useCloseRenewal(renewal.id);
  const outcome = Form.useWatch('outcome', form) as CallOutcome | undefined;
  const status = Form.useWatch('status', form) as string | undefined;
  const quotes = detail.events.filter((e) => e.kind === 'quote');

  const close = () => {
    setDialog(null);
    form.resetFields();
  };
  const submit = async () => {
    const v = await form.validateFields();
    const fields = [
      'outcome',
      'notes',
      'next_call_on',
      'insurer',
      'premium_fen',
      'status',
      'lost_reason',
      'new_policy.policy_no',
      'new_policy.premium_fen',
      'new_policy.starts_on',
      'new_policy.ends_on',
    ];
    const done = { onSuccess: close, onError: (e: unknown) => onError(e, { form, fields }) };
    if (dialog === 'call') {
      const plans = v.outcome === 'call_back' || v.outcome === 'interested';
      call.mutate(
        {
          outcome: v.outcome,
          notes: v.notes || null,
          next_call_on: plans && v.next_call_on ? day(v.next_call_on) : null,
        },
        done,
      );
    } else if (dialog === 'quote') {
      quote.mutate(
        { insurer: v.insurer, premium_fen: fen(v.premium), notes: v.notes || null },
        done,
      );
    } else if (dialog === 'result') {
      result.mutate(
        {
          status: v.status,
          version: renewal.version,
          insurer: v.insurer || null,
          lost_reason: v.status === 'lost' ? v.lost_reason : null,
          new_policy:
            v.status === 'renewed_here'
              ? {
                  policy_no: v.policy_no,
                  premium_fen: fen(v.premium ?? 0),
                  starts_on: day(v.starts_on),
                  ends_on: day(v.ends_on),
                }
              : null,
        },
        done,
      );
    }
  };

  if (renewal.status !== 'open') return null;
  const starts = dayjs(renewal.due_on).add(1, 'day');
  return (
    <>
      <Space wrap>
        <Button type="primary" onClick={() => setDialog('call')} data-testid="renewal-log-call">
          {t('renewals.action.call')}
        </Button>
        <Button onClick={() => setDialog('quote')} data-testid="renewal-add-quote">
          {t('renewals.action.quote')}
        </Button>
        <Button
          onClick={() => {
            form.setFieldsValue({
              status: 'renewed_here',
              insurer: quotes[0]?.insurer ?? renewal.policy?.insurer,
              premium: quotes[0]?.premium_fen ? quotes[0].premium_fen / 100 : undefined,
              starts_on: starts,
              ends_on: starts.add(1, 'year').subtract(1, 'day'),
            });
            setDialog('result');
          }}
          data-testid="renewal-result"
        >
          {t('renewals.action.result')}
        </Button>
      </Space>
      <Modal
        open={dialog !== null}
        title={dialog ? t(`renewals.action.${dialog}`) : ''}
        onCancel={close}
        onOk={() => void submit()}
        okText={t('common.save')}
        confirmLoading={call.isPending || quote.isPending || result.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          {dialog === 'call' && (
            <>
              <Form.Item
                name="outcome"
                label={t('renewals.field.outcome')}
                rules={[{ required: true }]}
              >
                <Select
                  options={OUTCOMES.map((o) => ({ value: o, label: t(`renewals.outcome.${o}`) }))}
                />
              </Form.Item>
              {(outcome === 'call_back' || outcome === 'interested') && (
                <Form.Item
                  name="next_call_on"
                  label={t('renewals.field.nextCallOn')}
                  rules={[{ required: true }]}
                >
                  <DatePicker
                    style={{ width: '100%' }}
                    disabledDate={(d) => d.isBefore(dayjs(), 'day')}
                  />
                </Form.Item>
              )}
            </>
          )}
          {(dialog === 'quote' || (dialog === 'result' && status !== 'lost')) && (
            <Form.Item
              name="insurer"
              label={t('renewals.field.insurer')}
              rules={[{ required: true, max: 100 }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          )}
          {dialog === 'quote' && (
            <Form.Item
              name="premium"
              label={t('renewals.field.premium')}
              rules={[{ required: true }]}
            >
              <InputNumber min={0} max={1_000_000} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          )}
          {dialog === 'result' && (
            <>
              <Form.Item
                name="status"
                label={t('renewals.field.result')}
                rules={[{ required: true }]}
              >
                <Select
                  options={(['renewed_here', 'renewed_elsewhere', 'lost'] as const).map((s) => ({
                    value: s,
                    label: t(`renewals.status.${s}`),
                  }))}
                />
              </Form.Item>
              {status === 'lost' && (
                <Form.Item
                  name="lost_reason"
                  label={t('renewals.field.lostReason')}
                  rules={[{ required: true }]}
                >
                  <Select
                    options={LOST_REASONS.map((r) => ({
                      value: r,
                      label: t(`renewals.lostReason.${r}`),
                    }))}
                  />
                </Form.Item>
              )}
              {status === 'renewed_here' && (
                <>
                  <Form.Item
                    name="policy_no"
                    label={t('renewals.field.policyNo')}
                    rules={[{ required: true, max: 64 }]}
                  >
                    <Input maxLength={64} />
                  </Form.Item>
                  <Form.Item
                    name="premium"
                    label={t('renewals.field.premium')}
                    rules={[{ required: true }]}
                  >
                    <InputNumber min={0} max={1_000_000} precision={2} style={{ width: '100%' }} />
                  </Form.Item>
                  <Space wrap>
                    <Form.Item
                      name="starts_on"
                      label={t('renewals.field.startsOn')}
                      rules={[{ required: true }]}
                    >
                      <DatePicker />
                    </Form.Item>
                    <Form.Item
                      name="ends_on"
                      label={t('renewals.field.endsOn')}
                      rules={[{ required: true }]}
                    >
                      <DatePicker />
                    </Form.Item>
                  </Space>
                </>
              )}
            </>
          )}
          {dialog !== 'result' && (
            <Form.Item name="notes" label={t('renewals.field.notes')} rules={[{ max: 500 }]}>
              <Input.TextArea maxLength={500} rows={3} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
