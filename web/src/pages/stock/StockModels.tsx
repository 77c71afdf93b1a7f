// Stock by model: each trim's units in stock and in transit against the dealer's minimum, the
// low ones flagged; managers set the minimums and the ages at which aged-stock alerts fire.
import { App, Button, Card, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '@/components/Results';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { type ModelStock, useModelStock, useStockSettings, useUpdateStockSettings } from './hooks';

/** The ages (days) at which aged-stock alerts fire: 1 to 5 distinct ages. */
function AgedDays({ days, version }: { days: number[]; version: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateStockSettings();
  const onError = useApiErrorHandler();
  const [value, setValue] = useState<string[]>(days.map(String));
  const parsed = value.map((v) => Number(v)).filter((n) => Number.isInteger(n) && n > 0);
  const valid = parsed.length >= 1 && parsed.length <= 5 && parsed.length === value.length;
  return (
    <Space wrap align="center">
      <Typography.Text>{t('stock.agedDays')}</Typography.Text>
      <Select
        mode="tags"
        value={value}
        onChange={setValue}
        style={{ minWidth: 200 }}
        tokenSeparators={[',', '，', ' ']}
        open={false}
        suffixIcon={null}
        data-testid="stock-aged-days"
      />
      <Button
        disabled={!valid}
        loading={update.isPending}
        onClick={() =>
          update.mutate(
            { version, aged_days: [...new Set(parsed)].sort((a, b) => a - b) },
            { onSuccess: () => message.success(t('stock.saved')), onError: (e) => onError(e) },
          )
        }
        data-testid="stock-aged-save"
      >
        {t('common.save')}
      </Button>
    </Space>
  );
}

export function StockModels({ manage }: { manage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const models = useModelStock();
  const settings = useStockSettings(manage);
  const update = useUpdateStockSettings();
  const onError = useApiErrorHandler();
  const setMinimum = (row: ModelStock, minimum: number | null) => {
    if (!settings.data || minimum === null || minimum === row.minimum) return;
    update.mutate(
      {
        version: settings.data.version,
        minimums: [{ catalog_model_id: row.catalog_model_id, minimum }],
      },
      { onSuccess: () => message.success(t('stock.saved')), onError: (e) => onError(e) },
    );
  };
  const columns: ColumnsType<ModelStock> = [
    {
      title: t('stock.modelName'),
      dataIndex: 'model_name',
      render: (name: string, row) => (
        <Space size={4} wrap>
          {name}
          {row.low_stock && (
            <Tag color="error" data-testid="stock-low">
              {t('stock.low')}
            </Tag>
          )}
        </Space>
      ),
    },
    { title: t('stock.status.in_stock'), dataIndex: 'in_stock', align: 'right' },
    { title: t('stock.status.in_transit'), dataIndex: 'in_transit', align: 'right' },
    {
      title: t('stock.minimum'),
      dataIndex: 'minimum',
      align: 'right',
      render: (minimum: number, row) =>
        manage ? (
          <InputNumber
            key={`${row.catalog_model_id}-${minimum}`}
            min={0}
            max={999}
            precision={0}
            size="small"
            defaultValue={minimum}
            style={{ width: 72 }}
            // Saved once, when the field is left (Enter leaves it).
            onBlur={(e) => setMinimum(row, e.target.value === '' ? 0 : Number(e.target.value))}
            onPressEnter={(e) => (e.target as HTMLInputElement).blur()}
            data-testid="stock-minimum"
          />
        ) : (
          minimum || '—'
        ),
    },
  ];
  if (models.isError) return <ErrorResult error={models.error} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {manage && settings.data && (
        <Card size="small">
          <AgedDays
            key={settings.data.version}
            days={settings.data.aged_days}
            version={settings.data.version}
          />
        </Card>
      )}
      <Table<ModelStock>
        rowKey="catalog_model_id"
        size="small"
        loading={models.isLoading}
        columns={columns}
        dataSource={models.data ?? []}
        pagination={false}
        scroll={{ x: true }}
        data-testid="stock-models"
      />
    </Space>
  );
}
