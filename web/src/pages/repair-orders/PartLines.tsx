// The parts lines (配件) of an order, and adding one by searching the price list by part number
// or name: its name and price come from the list, the quantity and who pays from the advisor.
// A part not on the list takes a name and a unit price.
import { Button, Card, Form, Input, InputNumber, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { formatMoney, parseMoney } from '@/lib/format';
import { useDebounced } from '@/lib/useDebounced';
import { PAYERS, type Payer, type RepairOrder, useAddPart, useParts, useRemovePart } from './hooks';

interface NewPart {
  part_no: string;
  name?: string;
  unit_price?: string;
  quantity: number;
  payer: Payer;
}

export function PartLines({ order, editable }: { order: RepairOrder; editable: boolean }) {
  const { t } = useTranslation();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<NewPart>();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const parts = useParts(q);
  const add = useAddPart(order.id);
  const remove = useRemovePart(order.id);
  const listed = (parts.data?.items ?? []).map((p) => ({
    value: p.part_no,
    label: `${p.part_no} · ${p.name} · ${formatMoney(p.price_fen)}`,
  }));
  const typed = search.trim().toUpperCase();
  const options =
    typed && !listed.some((o) => o.value === typed)
      ? [...listed, { value: typed, label: t('repairOrders.notListed', { part: typed }) }]
      : listed;

  const submit = (values: NewPart) =>
    add.mutate(
      {
        part_no: values.part_no,
        name: values.name?.trim() || null,
        unit_price_fen: values.unit_price ? parseMoney(values.unit_price) : null,
        quantity: values.quantity,
        payer: values.payer,
        version: order.version,
      },
      {
        onSuccess: () => form.resetFields(['part_no', 'name', 'unit_price']),
        onError: (error) => onError(error, { form, fields: ['part_no', 'name', 'quantity'] }),
      },
    );

  return (
    <Card variant="borderless" title={t('repairOrders.parts')}>
      <List
        dataSource={order.parts}
        locale={{ emptyText: t('repairOrders.noParts') }}
        renderItem={(line) => (
          <List.Item
            key={line.id}
            data-testid="part-line"
            actions={
              editable
                ? [
                    <Button
                      key="remove"
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
                    </Button>,
                  ]
                : []
            }
          >
            <div>
              <Space wrap>
                <Typography.Text strong>{line.part_no}</Typography.Text>
                <span>{line.name}</span>
                <Tag color={line.payer === 'customer' ? 'blue' : 'gold'}>
                  {t(`repairOrders.payer.${line.payer}`)}
                </Tag>
              </Space>
              <div className="muted tabular">
                {line.quantity} × {formatMoney(line.unit_price_fen)} ={' '}
                {formatMoney(line.amount_fen)}
              </div>
            </div>
          </List.Item>
        )}
      />
      {editable && (
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ payer: 'customer', quantity: 1 }}
          style={{ marginTop: 12 }}
        >
          <Form.Item
            name="part_no"
            label={t('repairOrders.field.partNo')}
            rules={[{ required: true, message: t('repairOrders.required') }]}
          >
            <Select
              showSearch
              filterOption={false}
              onSearch={setSearch}
              options={options}
              loading={parts.isFetching}
              placeholder={t('repairOrders.searchPart')}
              data-testid="part-search"
            />
          </Form.Item>
          <Space wrap align="start">
            <Form.Item name="quantity" label={t('repairOrders.field.quantity')}>
              <InputNumber min={1} max={1000} inputMode="numeric" />
            </Form.Item>
            <Form.Item name="payer" label={t('repairOrders.field.payer')}>
              <Select
                style={{ width: 130 }}
                options={PAYERS.map((p) => ({ value: p, label: t(`repairOrders.payer.${p}`) }))}
              />
            </Form.Item>
            <Form.Item name="name" label={t('repairOrders.field.partName')}>
              <Input maxLength={200} placeholder={t('repairOrders.fromPriceList')} />
            </Form.Item>
            <Form.Item name="unit_price" label={t('repairOrders.field.unitPrice')}>
              <Input inputMode="decimal" placeholder={t('repairOrders.fromPriceList')} />
            </Form.Item>
          </Space>
          <Button htmlType="submit" loading={add.isPending} data-testid="part-add">
            {t('repairOrders.addPart')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
