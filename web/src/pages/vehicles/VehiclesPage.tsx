// The cars of the dealer's customers: find one by plate or VIN (whole or its end), filter by
// brand and where it was bought. Cards at phone width.
import { SearchOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Vehicle } from '@/api/types';
import { useMe } from '@/app/session';
import { ListFooter } from '@/components/ListFooter';
import { PageHeader } from '@/components/PageHeader';
import { ErrorResult } from '@/components/Results';
import { vehicleName } from '@/components/vehicles/vehicleForm';
import { useCatalog } from '@/lib/catalog';
import { display, formatNumber } from '@/lib/format';
import { can } from '@/lib/permissions';
import { useDebounced } from '@/lib/useDebounced';
import { useIsMobile } from '@/lib/useIsMobile';
import { useUrlFilters } from '@/lib/useUrlFilters';
import { useVehicleList } from './hooks';
import { VinCell } from './VinCell';

const FILTER_KEYS = ['q', 'brand', 'bought_here'] as const;

export default function VehiclesPage() {
  const me = useMe();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  const [search, setSearch] = useState(filters.q ?? '');
  const q = useDebounced(search.trim());
  useEffect(() => {
    if ((filters.q ?? '') !== q) setFilters({ q });
  }, [q, filters.q, setFilters]);
  const list = useVehicleList(filters);
  const catalog = useCatalog(can(me, 'catalog:read'));
  const filtered = !!(filters.q || filters.brand || filters.bought_here);

  const owner = (vehicle: Vehicle) =>
    vehicle.owner_customer_id ? (
      <Link to={`/customers/${vehicle.owner_customer_id}`} onClick={(e) => e.stopPropagation()}>
        {t('vehicles.openOwner')}
      </Link>
    ) : (
      <Typography.Text type="secondary">{t('vehicles.noOwner')}</Typography.Text>
    );

  const columns: ColumnsType<Vehicle> = [
    {
      title: t('vehicles.field.plate'),
      dataIndex: 'plate',
      width: 120,
      fixed: 'left',
      render: (_, vehicle) => (
        <Link to={`/vehicles/${vehicle.id}`} className="plate" data-testid="vehicle-link">
          {vehicle.plate ?? t('vehicles.noPlate')}
        </Link>
      ),
    },
    {
      title: t('vehicles.field.model'),
      key: 'model',
      render: (_, vehicle) => vehicleName(vehicle) || t('vehicles.unknownModel'),
    },
    {
      title: t('vehicles.field.vin'),
      key: 'vin',
      width: 200,
      render: (_, v) => <VinCell vehicle={v} />,
    },
    {
      title: t('vehicles.field.colour'),
      dataIndex: 'colour',
      width: 90,
      render: (c: string | null) => display(c),
    },
    {
      title: t('vehicles.field.modelYear'),
      dataIndex: 'model_year',
      width: 80,
      render: (y: number | null) => display(y),
    },
    {
      title: t('vehicles.field.mileage'),
      dataIndex: 'mileage_km',
      width: 110,
      align: 'right',
      render: (km: number | null) =>
        km === null || km === undefined ? '—' : <span className="tabular">{formatNumber(km)}</span>,
    },
    {
      title: t('vehicles.field.boughtHere'),
      dataIndex: 'bought_here',
      width: 90,
      render: (here: boolean) =>
        here ? <Tag color="blue">{t('common.yes')}</Tag> : t('common.no'),
    },
    { title: t('vehicles.field.owner'), key: 'owner', width: 110, render: (_, v) => owner(v) },
  ];

  const footer = (
    <ListFooter
      shown={list.items.length}
      hasMore={!!list.hasNextPage}
      loading={list.isFetchingNextPage}
      onLoadMore={() => void list.fetchNextPage()}
    />
  );

  return (
    <>
      <PageHeader title={t('nav.vehicles')} subtitle={t('vehicles.subtitle')} />
      <Card variant="borderless">
        <div className="filter-bar">
          <Input
            allowClear
            prefix={<SearchOutlined className="muted" />}
            placeholder={t('vehicles.searchPlaceholder')}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            style={mobile ? { width: '100%' } : { width: 280 }}
            data-testid="vehicles-search"
          />
          <Select
            allowClear
            showSearch
            placeholder={t('vehicles.filter.brand')}
            value={filters.brand}
            onChange={(value?: string) => setFilters({ brand: value })}
            options={(catalog.data ?? []).map((brand) => ({
              value: brand.name,
              label: brand.name,
            }))}
            style={{ width: mobile ? 'calc(50% - 4px)' : 150 }}
          />
          <Select
            allowClear
            placeholder={t('vehicles.filter.boughtHere')}
            value={filters.bought_here}
            onChange={(value?: string) => setFilters({ bought_here: value })}
            options={[
              { value: 'yes', label: t('vehicles.filter.here') },
              { value: 'no', label: t('vehicles.filter.elsewhere') },
            ]}
            style={{ width: mobile ? 'calc(50% - 4px)' : 150 }}
          />
          {filtered && !mobile && (
            <Button
              type="link"
              onClick={() => {
                setSearch('');
                setFilters({ q: null, brand: null, bought_here: null });
              }}
            >
              {t('common.clearFilters')}
            </Button>
          )}
        </div>
        {list.isError ? (
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        ) : mobile ? (
          <div data-testid="vehicles-cards">
            {list.isLoading && <Card loading variant="borderless" />}
            {!list.isLoading && list.items.length === 0 && (
              <Empty description={t('vehicles.empty')} />
            )}
            {list.items.map((vehicle) => (
              <Link key={vehicle.id} to={`/vehicles/${vehicle.id}`} className="record-link">
                <div className="record-card" data-testid="vehicle-row">
                  <div className="record-card-title">
                    <span className="plate">{vehicle.plate ?? t('vehicles.noPlate')}</span>
                    {vehicle.bought_here && <Tag color="blue">{t('vehicles.boughtHere')}</Tag>}
                  </div>
                  <dl className="record-card-meta">
                    <dt>{t('vehicles.field.model')}</dt>
                    <dd>{vehicleName(vehicle) || t('vehicles.unknownModel')}</dd>
                    <dt>{t('vehicles.field.vin')}</dt>
                    <dd>
                      <VinCell vehicle={vehicle} />
                    </dd>
                    <dt>{t('vehicles.field.mileage')}</dt>
                    <dd className="tabular">
                      {vehicle.mileage_km === null || vehicle.mileage_km === undefined
                        ? '—'
                        : t('vehicles.kmValue', { km: formatNumber(vehicle.mileage_km) })}
                    </dd>
                  </dl>
                </div>
              </Link>
            ))}
            {footer}
          </div>
        ) : (
          <>
            <Table<Vehicle>
              rowKey="id"
              columns={columns}
              dataSource={list.items}
              loading={list.isLoading}
              pagination={false}
              scroll={{ x: 1000 }}
              locale={{ emptyText: <Empty description={t('vehicles.empty')} /> }}
              onRow={(vehicle) => ({
                onClick: (event) => {
                  if ((event.target as HTMLElement).closest('a')) return;
                  navigate(`/vehicles/${vehicle.id}`);
                },
                style: { cursor: 'pointer' },
                'data-testid': 'vehicle-row',
              })}
            />
            {footer}
          </>
        )}
      </Card>
    </>
  );
}
