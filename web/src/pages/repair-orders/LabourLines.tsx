// The labour lines (工时) of an order: who pays, hours and amount, who is clocked on; clocking a
// technician on or off, marking a job done, adding a job — one column of cards, thumb-sized on
// a phone.
import { Button, Card, Form, Input, InputNumber, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { formatMoney } from '@/lib/format';
import {
  PAYERS,
  type Payer,
  type RepairOrder,
  useAddLabour,
  useClock,
  useLabourDone,
  useRemoveLabour,
  useTechnicians,
} from './hooks';

interface NewJob {
  operation_code: string;
  description: string;
  hours: number;
  payer: Payer;
}

export function LabourLines({ order, editable }: { order: RepairOrder; editable: boolean }) {
  const { t } = useTranslation();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<NewJob>();
  const [technician, setTechnician] = useState<string | undefined>();
  const technicians = useTechnicians();
  const add = useAddLabour(order.id);
  const clock = useClock(order.id);
  const done = useLabourDone(order.id);
  const remove = useRemoveLabour(order.id);
  const workable = order.status === 'opened' || order.status === 'in_progress';

  const submit = (values: NewJob) =>
    add.mutate(
      {
        operation_code: values.operation_code,
        description: values.description,
        hours_centi: Math.round(values.hours * 100),
        payer: values.payer,
        version: order.version,
      },
      {
        onSuccess: () => form.resetFields(['operation_code', 'description', 'hours']),
        onError: (error) => onError(error, { form, fields: ['operation_code', 'description'] }),
      },
    );

  return (
    <Card variant="borderless" title={t('repairOrders.labour')}>
      {workable && (
        <Select
          value={technician}
          onChange={setTechnician}
          placeholder={t('repairOrders.pickTechnician')}
          style={{ width: '100%', marginBottom: 12 }}
          data-testid="repair-order-technician"
          options={(technicians.data ?? []).map((u) => ({ value: u.id, label: u.display_name }))}
        />
      )}
      <List
        dataSource={order.labour}
        locale={{ emptyText: t('repairOrders.noLabour') }}
        renderItem={(line) => (
          <List.Item key={line.id} data-testid="labour-line">
            <div style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text strong>{line.operation_code}</Typography.Text>
                <span>{line.description}</span>
                <Tag color={line.payer === 'customer' ? 'blue' : 'gold'}>
                  {t(`repairOrders.payer.${line.payer}`)}
                </Tag>
                <Tag>{t(`repairOrders.labourStatus.${line.status}`)}</Tag>
              </Space>
              <div className="muted tabular">
                {(line.hours_centi / 100).toFixed(2)} h × {formatMoney(line.rate_fen)} ={' '}
                {formatMoney(line.amount_fen)}
                {line.technician_name && ` · ${line.technician_name}`}
              </div>
              {line.clocked_on.map((c) => (
                <Space key={c.technician_id} wrap style={{ marginTop: 4 }}>
                  <Tag color="orange">
                    {t('repairOrders.clockedOn', { name: c.technician_name })}
                  </Tag>
                  <Button
                    size="small"
                    loading={clock.isPending}
                    data-testid="labour-clock-off"
                    onClick={() =>
                      clock.mutate(
                        { line: line.id, technician_id: c.technician_id, on: false },
                        { onError: (e) => onError(e) },
                      )
                    }
                  >
                    {t('repairOrders.clockOff')}
                  </Button>
                </Space>
              ))}
              {workable && line.status !== 'done' && (
                <Space wrap style={{ marginTop: 8 }}>
                  <Button
                    size="small"
                    type="primary"
                    disabled={!technician}
                    loading={clock.isPending}
                    data-testid="labour-clock-on"
                    onClick={() =>
                      technician &&
                      clock.mutate(
                        { line: line.id, technician_id: technician, on: true },
                        { onError: (e) => onError(e) },
                      )
                    }
                  >
                    {t('repairOrders.clockOn')}
                  </Button>
                  <Button
                    size="small"
                    disabled={line.clocked_on.length > 0}
                    loading={done.isPending}
                    data-testid="labour-done"
                    onClick={() => done.mutate(line.id, { onError: (e) => onError(e) })}
                  >
                    {t('repairOrders.markDone')}
                  </Button>
                  {editable && line.status === 'open' && (
                    <Button
                      size="small"
                      danger
                      type="text"
                      onClick={() =>
                        remove.mutate(
                          { line: line.id, version: order.version },
                          { onError: (e) => onError(e) },
                        )
                      }
                    >
                      {t('repairOrders.remove')}
                    </Button>
                  )}
                </Space>
              )}
            </div>
          </List.Item>
        )}
      />
      {editable && (
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ payer: 'customer', hours: 1 }}
          style={{ marginTop: 12 }}
        >
          <Space wrap align="start" style={{ width: '100%' }}>
            <Form.Item
              name="operation_code"
              label={t('repairOrders.field.operationCode')}
              rules={[{ required: true, whitespace: true, message: t('repairOrders.required') }]}
            >
              <Input maxLength={32} style={{ width: 120 }} data-testid="labour-code" />
            </Form.Item>
            <Form.Item
              name="description"
              label={t('repairOrders.field.description')}
              rules={[{ required: true, whitespace: true, message: t('repairOrders.required') }]}
            >
              <Input maxLength={200} style={{ width: 220 }} data-testid="labour-description" />
            </Form.Item>
            <Form.Item
              name="hours"
              label={t('repairOrders.field.hours')}
              rules={[{ required: true }]}
            >
              <InputNumber min={0.01} max={100} step={0.1} precision={2} inputMode="decimal" />
            </Form.Item>
            <Form.Item name="payer" label={t('repairOrders.field.payer')}>
              <Select
                style={{ width: 130 }}
                options={PAYERS.map((p) => ({ value: p, label: t(`repairOrders.payer.${p}`) }))}
              />
            </Form.Item>
          </Space>
          <Button htmlType="submit" loading={add.isPending} data-testid="labour-add">
            {t('repairOrders.addLabour')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
