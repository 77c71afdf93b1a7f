// Allocating a car to an order (配车): the units in stock, the order's own car first (the trim of
// its accepted quote and its colour), searchable by VIN or its last six; each shows its VIN with
// the last six emphasised, colour, location and days in stock.
import { Button, Checkbox, Empty, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { display } from '@/lib/format';
import { type Order, type StockUnitChoice, useAllocate, useInStockUnits } from './hooks';

/** A VIN with its last six characters emphasised, as a consultant reads it out. */
export function Vin({ vin }: { vin: string }) {
  return (
    <span style={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
      <Typography.Text type="secondary">{vin.slice(0, -6)}</Typography.Text>
      <Typography.Text strong style={{ fontSize: '1.15em' }}>
        {vin.slice(-6)}
      </Typography.Text>
    </span>
  );
}

/** A unit of the order's trim, in its colour (a unit or order without a colour matches any). */
const sameCar = (order: Order, u: StockUnitChoice) =>
  !!order.model_id &&
  u.catalog_model_id === order.model_id &&
  (!order.colour || !u.colour || u.colour === order.colour);

export function AllocationPicker({ order }: { order: Order }) {
  const { t } = useTranslation();
  const onError = useApiErrorHandler();
  const allocate = useAllocate(order.id);
  const [q, setQ] = useState('');
  const [onlyThisCar, setOnlyThisCar] = useState(true);
  const units = useInStockUnits(q, true);
  const all = units.data?.items ?? [];
  const matching = all.filter((u) => sameCar(order, u));
  const shown = (onlyThisCar && !q ? matching : all)
    .slice()
    .sort((a, b) => Number(sameCar(order, b)) - Number(sameCar(order, a)));

  return (
    <div style={{ marginBottom: 12 }} data-testid="allocation-picker">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('orders.allocation.title')}
      </Typography.Title>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Input.Search
          allowClear
          placeholder={t('orders.allocation.search')}
          maxLength={17}
          onSearch={(v) => setQ(v.trim().toUpperCase())}
          style={{ maxWidth: 360 }}
          data-testid="allocation-search"
        />
        <Checkbox checked={onlyThisCar} onChange={(e) => setOnlyThisCar(e.target.checked)}>
          {t('orders.allocation.onlyThisCar', {
            car: [order.vehicle, order.colour].filter(Boolean).join(' · '),
          })}
        </Checkbox>
      </Space>
      <List
        loading={units.isLoading}
        dataSource={shown}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orders.allocation.none')} />
          ),
        }}
        renderItem={(u) => (
          <List.Item
            data-testid="allocation-unit"
            actions={[
              <Button
                key="allocate"
                type="primary"
                size="small"
                loading={allocate.isPending && allocate.variables?.stock_unit_id === u.id}
                disabled={allocate.isPending}
                onClick={() =>
                  allocate.mutate(
                    { stock_unit_id: u.id, version: order.version },
                    { onError: (e) => onError(e) },
                  )
                }
              >
                {t('orders.action.allocate')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={<Vin vin={u.vin} />}
              description={
                <Space size={[8, 4]} wrap>
                  {!sameCar(order, u) && <Tag>{u.model_name}</Tag>}
                  <span>{display(u.colour)}</span>
                  <span>{display(u.location)}</span>
                  <span>
                    {u.days_in_stock == null
                      ? display(null)
                      : t('orders.allocation.days', { count: u.days_in_stock })}
                  </span>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </div>
  );
}
