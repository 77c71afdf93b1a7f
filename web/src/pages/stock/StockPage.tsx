// The stock list: units by VIN with filters, days in stock, status tags, the export, a drawer
// to add a unit (its trim from the catalog, one of the trim's colours) or edit one, its moves
// and its history in the dealer's time; and stock by model against the minimums. Readable at
// 390 px.
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Cascader,
  Drawer,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Timeline,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/app/session';
import { PageHeader } from '@/components/PageHeader';
import { ErrorResult } from '@/components/Results';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { catalogOptions, findModel, useCatalog } from '@/lib/catalog';
import { display, formatDateTime, formatMoney, parseMoney } from '@/lib/format';
import { can } from '@/lib/permissions';
import { useIsMobile } from '@/lib/useIsMobile';
import type { StockFilters, StockStatus, StockUnit } from './hooks';
import { StockModels } from './StockModels';
import {
  exportHref,
  useAddUnit,
  useEditUnit,
  useMoveUnit,
  useStockUnit,
  useStockUnits,
} from './hooks';

const STATUSES: StockStatus[] = [
  'ordered',
  'in_transit',
  'in_stock',
  'reserved',
  'sold',
  'delivered',
];
const COLOURS: Record<StockStatus, string> = {
  ordered: 'default',
  in_transit: 'processing',
  in_stock: 'success',
  reserved: 'warning',
  sold: 'purple',
  delivered: 'blue',
};
/** The moves a manager makes by hand (reservations, sales and deliveries come from orders). */
const MANUAL_MOVES: Partial<Record<StockStatus, StockStatus[]>> = {
  ordered: ['in_transit', 'in_stock'],
  in_transit: ['in_stock'],
  reserved: ['in_stock'],
};

function StatusTag({ status }: { status: StockStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLOURS[status]}>{t(`stock.status.${status}`)}</Tag>;
}

interface NewValues {
  vin: string;
  /** The catalog path: brand, series, trim. */
  trim: string[];
  colour?: string;
  status?: StockStatus;
  location?: string;
  cost?: string;
}

function AddDrawer({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewValues>();
  const add = useAddUnit();
  const handleError = useApiErrorHandler();
  const isMobile = useIsMobile();
  const catalog = useCatalog();
  const trim = Form.useWatch('trim', form);
  const modelId = trim?.[trim.length - 1];
  const colours = findModel(catalog.data, modelId)?.model.colours ?? [];
  return (
    <Drawer
      open
      title={t('stock.add')}
      width={isMobile ? '100%' : 420}
      onClose={onClose}
      extra={
        <Button type="primary" loading={add.isPending} onClick={() => form.submit()}>
          {t('common.save')}
        </Button>
      }
    >
      <Form<NewValues>
        form={form}
        layout="vertical"
        initialValues={{ status: 'in_stock' }}
        onFinish={(v) =>
          add.mutate(
            {
              vin: v.vin.trim().toUpperCase(),
              catalog_model_id: v.trim[v.trim.length - 1] ?? '',
              colour: v.colour || null,
              status: v.status,
              location: v.location?.trim() || null,
              cost_fen: v.cost ? parseMoney(v.cost) : null,
            },
            {
              onSuccess: () => {
                message.success(t('stock.saved'));
                onClose();
              },
              onError: (e) =>
                handleError(e, {
                  form,
                  fields: ['vin', 'colour', 'status', 'location'],
                }),
            },
          )
        }
      >
        <Form.Item name="vin" label="VIN" rules={[{ required: true, len: 17 }]}>
          <Input maxLength={17} className="tabular" data-testid="stock-vin" />
        </Form.Item>
        <Form.Item name="trim" label={t('stock.model')} rules={[{ required: true }]}>
          <Cascader
            options={catalogOptions(catalog.data, (model) => model.name)}
            onChange={() => form.setFieldValue('colour', undefined)}
            data-testid="stock-trim"
          />
        </Form.Item>
        <Form.Item name="colour" label={t('stock.colour')}>
          <Select
            allowClear
            disabled={colours.length === 0}
            options={colours.map((c) => ({ value: c.name, label: c.name }))}
          />
        </Form.Item>
        <Form.Item name="status" label={t('stock.statusLabel')}>
          <Select
            options={(['ordered', 'in_transit', 'in_stock'] as StockStatus[]).map((s) => ({
              value: s,
              label: t(`stock.status.${s}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="location" label={t('stock.location')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="cost"
          label={t('stock.cost')}
          rules={[
            {
              validator: async (_, value?: string) => {
                if (value && parseMoney(value) === null)
                  throw new Error(t('errors.field.invalid_amount'));
              },
            },
          ]}
        >
          <Input prefix="¥" inputMode="decimal" placeholder="0.00" className="tabular" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

function UnitDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const unit = useStockUnit(id);
  const edit = useEditUnit(id);
  const move = useMoveUnit(id);
  const handleError = useApiErrorHandler();
  const isMobile = useIsMobile();
  const me = useMe();
  const manage = can(me, 'stock:manage');
  const [location, setLocation] = useState<string | undefined>();
  const u = unit.data;
  return (
    <Drawer open title={u?.vin ?? ''} width={isMobile ? '100%' : 480} onClose={onClose}>
      {unit.isError && <ErrorResult error={unit.error} />}
      {u && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <div>
            <StatusTag status={u.status} /> {u.model_name}
          </div>
          <div>
            {t('stock.daysInStock')}: {display(u.days_in_stock)}
          </div>
          <div>
            {t('stock.order')}: {display(u.order_id)}
          </div>
          {u.cost_fen !== null && u.cost_fen !== undefined && (
            <div>
              {t('stock.cost')}: {formatMoney(u.cost_fen)}
            </div>
          )}
          {manage && (
            <Space wrap>
              <Input
                placeholder={t('stock.location')}
                defaultValue={u.location ?? ''}
                onChange={(e) => setLocation(e.target.value)}
                style={{ width: 200 }}
              />
              <Button
                loading={edit.isPending}
                onClick={() =>
                  edit.mutate(
                    { version: u.version, location: location?.trim() || null },
                    {
                      onSuccess: () => message.success(t('stock.saved')),
                      onError: (e) => handleError(e),
                    },
                  )
                }
              >
                {t('common.save')}
              </Button>
            </Space>
          )}
          {manage && (
            <Space wrap>
              {(MANUAL_MOVES[u.status] ?? []).map((to) => (
                <Button
                  key={to}
                  loading={move.isPending}
                  onClick={() =>
                    move.mutate(
                      { version: u.version, status: to },
                      {
                        onSuccess: () => message.success(t('stock.saved')),
                        onError: (e) => handleError(e),
                      },
                    )
                  }
                >
                  {t('stock.moveTo', { status: t(`stock.status.${to}`) })}
                </Button>
              ))}
            </Space>
          )}
          <Card size="small" title={t('stock.history')}>
            <Timeline
              items={u.history.map((e) => ({
                children: `${formatDateTime(e.at, me.dealer.time_zone)} · ${
                  e.from_status ? t(`stock.status.${e.from_status}`) + ' → ' : ''
                }${t(`stock.status.${e.to_status}`)} · ${display(e.actor_name)}`,
              }))}
            />
          </Card>
        </Space>
      )}
    </Drawer>
  );
}

export default function StockPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const manage = can(me, 'stock:manage');
  const [filters, setFilters] = useState<StockFilters>({});
  const [cursor, setCursor] = useState<string | undefined>();
  const [open, setOpen] = useState<string | 'new' | null>(null);
  const list = useStockUnits(filters, cursor);
  const set = (patch: StockFilters) => {
    setCursor(undefined);
    setFilters({ ...filters, ...patch });
  };
  const columns: ColumnsType<StockUnit> = [
    {
      title: 'VIN',
      dataIndex: 'vin',
      render: (v: string, u) => <a onClick={() => setOpen(u.id)}>{v}</a>,
    },
    { title: t('stock.model'), dataIndex: 'model_name', responsive: ['md'] },
    { title: t('stock.colour'), dataIndex: 'colour', render: display },
    {
      title: t('stock.statusLabel'),
      dataIndex: 'status',
      render: (s: StockStatus) => <StatusTag status={s} />,
    },
    { title: t('stock.location'), dataIndex: 'location', render: display, responsive: ['md'] },
    { title: t('stock.daysInStock'), dataIndex: 'days_in_stock', render: display },
  ];
  const units = (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('stock.search')}
          onSearch={(q) => set({ q })}
          style={{ width: 200 }}
        />
        <Select
          allowClear
          placeholder={t('stock.statusLabel')}
          style={{ width: 140 }}
          options={STATUSES.map((s) => ({ value: s, label: t(`stock.status.${s}`) }))}
          onChange={(status?: string) => set({ status })}
        />
        <Input
          allowClear
          placeholder={t('stock.colour')}
          style={{ width: 120 }}
          onChange={(e) => set({ colour: e.target.value })}
        />
        <InputNumber
          min={0}
          placeholder={t('stock.minDays')}
          style={{ width: 140 }}
          onChange={(d) => set({ min_days: d ?? undefined })}
        />
        <Select
          allowClear
          placeholder={t('stock.newOrUsed')}
          style={{ width: 120 }}
          options={[
            { value: 'new', label: t('stock.new') },
            { value: 'used', label: t('stock.used') },
          ]}
          onChange={(v?: string) => set({ used: v === undefined ? undefined : v === 'used' })}
        />
      </Space>
      {list.isError ? (
        <ErrorResult error={list.error} />
      ) : (
        <Table<StockUnit>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          columns={columns}
          dataSource={list.data?.items ?? []}
          pagination={false}
          scroll={{ x: true }}
        />
      )}
      {list.data?.next_cursor && (
        <Button
          style={{ marginTop: 12 }}
          onClick={() => setCursor(list.data?.next_cursor ?? undefined)}
        >
          {t('stock.more')}
        </Button>
      )}
    </>
  );
  return (
    <>
      <PageHeader
        title={t('nav.stock')}
        extra={
          <Space wrap>
            {manage && (
              <Button icon={<DownloadOutlined />} href={exportHref(filters, i18n.language)}>
                {t('stock.export')}
              </Button>
            )}
            {manage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen('new')}>
                {t('stock.add')}
              </Button>
            )}
          </Space>
        }
      />
      <Tabs
        items={[
          { key: 'units', label: t('stock.tabUnits'), children: units },
          { key: 'models', label: t('stock.tabModels'), children: <StockModels manage={manage} /> },
        ]}
      />
      {open === 'new' && <AddDrawer onClose={() => setOpen(null)} />}
      {open !== null && open !== 'new' && <UnitDrawer id={open} onClose={() => setOpen(null)} />}
    </>
  );
}
