// The models (trims) of a series: a table, or cards on a phone; those who manage the catalog edit
// and delete the ones the dealer owns.
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Empty, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { CatalogModel } from '@/api/types';
import { formatMoney } from '@/lib/format';
import { PublishedTag } from './PublishedTag';

export function ModelList({
  models,
  manage,
  mobile,
  onEdit,
  onDelete,
}: {
  models: CatalogModel[];
  manage: boolean;
  mobile: boolean;
  onEdit: (model: CatalogModel) => void;
  onDelete: (model: CatalogModel) => void;
}) {
  const { t } = useTranslation();
  const columns: ColumnsType<CatalogModel> = [
    {
      title: t('catalog.field.model'),
      key: 'name',
      render: (_, model) => (
        <Space size={6} wrap>
          <span>{model.name}</span>
          {!model.active && <Tag>{t('catalog.offSale')}</Tag>}
        </Space>
      ),
    },
    { title: t('catalog.field.modelYear'), dataIndex: 'model_year', width: 80 },
    {
      title: t('catalog.field.bodyType'),
      dataIndex: 'body_type',
      width: 90,
      render: (b: string | null) => (b ? t(`catalog.bodyType.${b}`) : '—'),
    },
    {
      title: t('catalog.field.powertrain'),
      dataIndex: 'powertrain',
      width: 100,
      render: (p: string | null) => (p ? t(`catalog.powertrain.${p}`) : '—'),
    },
    {
      title: t('catalog.field.guidePrice'),
      dataIndex: 'guide_price_fen',
      width: 130,
      align: 'right',
      render: (fen: number) => <span className="tabular">{formatMoney(fen)}</span>,
    },
    {
      title: t('catalog.field.colours'),
      dataIndex: 'colours',
      render: (colours: CatalogModel['colours']) => (
        <Space size={[4, 4]} wrap>
          {colours.map((c) => (
            <span key={c.name} className="colour-chip">
              {c.hex && <span className="colour-swatch" style={{ background: c.hex }} />}
              {c.name}
            </span>
          ))}
        </Space>
      ),
    },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            render: (_: unknown, model: CatalogModel) =>
              model.published ? (
                <Typography.Text type="secondary">{t('catalog.readOnly')}</Typography.Text>
              ) : (
                <Space size={0}>
                  <Button
                    type="link"
                    size="small"
                    icon={<EditOutlined />}
                    aria-label={t('common.edit')}
                    onClick={() => onEdit(model)}
                  />
                  <Button
                    type="link"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('common.delete')}
                    onClick={() => onDelete(model)}
                  />
                </Space>
              ),
          },
        ]
      : []),
  ];

  return mobile ? (
    models.length === 0 ? (
      <Empty description={t('catalog.noModels')} />
    ) : (
      models.map((model) => (
        <div className="record-card" key={model.id} data-testid="catalog-model">
          <div className="record-card-title">
            <span>
              {model.model_year} {model.name}
            </span>
            {model.published ? (
              <PublishedTag />
            ) : (
              manage && (
                <Button
                  size="small"
                  type="link"
                  icon={<EditOutlined />}
                  aria-label={t('common.edit')}
                  onClick={() => onEdit(model)}
                />
              )
            )}
          </div>
          <dl className="record-card-meta">
            <dt>{t('catalog.field.guidePrice')}</dt>
            <dd className="tabular">{formatMoney(model.guide_price_fen)}</dd>
            <dt>{t('catalog.field.powertrain')}</dt>
            <dd>
              {model.powertrain ? t(`catalog.powertrain.${model.powertrain}`) : '—'} ·{' '}
              {model.body_type ? t(`catalog.bodyType.${model.body_type}`) : '—'}
            </dd>
            <dt>{t('catalog.field.colours')}</dt>
            <dd>{model.colours.map((c) => c.name).join('、') || '—'}</dd>
          </dl>
        </div>
      ))
    )
  ) : (
    <Table<CatalogModel>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={models}
      pagination={false}
      scroll={{ x: 820 }}
      locale={{ emptyText: <Empty description={t('catalog.noModels')} /> }}
      onRow={() => ({
        className: 'catalog-model-row',
        'data-testid': 'catalog-model',
      })}
    />
  );
}
