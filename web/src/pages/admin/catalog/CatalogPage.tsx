// The vehicle catalog: brands → series → models (trims) with model year, body, powertrain,
// guide price and colours. Those who manage it add, rename and remove entries and import a CSV;
// a catalog published by the group or OEM is read-only here; a group user may publish theirs.
import {
  CloudUploadOutlined,
  DeleteOutlined,
  EditOutlined,
  ImportOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  Modal,
  Row,
  Space,
  Table,
  Tag,
  Tree,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogBrand, CatalogModel, CatalogSeries } from '@/api/types';
import { useMe } from '@/app/session';
import { PageHeader } from '@/components/PageHeader';
import { ErrorResult } from '@/components/Results';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { useCatalog } from '@/lib/catalog';
import { formatMoney } from '@/lib/format';
import { can } from '@/lib/permissions';
import { useIsMobile } from '@/lib/useIsMobile';
import { useUrlFilters } from '@/lib/useUrlFilters';
import { CatalogImportModal } from './CatalogImportModal';
import {
  useCreateBrand,
  useCreateSeries,
  useDeleteBrand,
  useDeleteModel,
  useDeleteSeries,
  usePublishCatalog,
  useRenameBrand,
  useRenameSeries,
} from './hooks';
import { ModelModal } from './ModelModal';

type NameDialog =
  | { kind: 'newBrand' }
  | { kind: 'newSeries'; brand: CatalogBrand }
  | { kind: 'renameBrand'; brand: CatalogBrand }
  | { kind: 'renameSeries'; series: CatalogSeries };

function PublishedTag() {
  const { t } = useTranslation();
  return (
    <Tag color="purple" className="published-tag">
      {t('catalog.published')}
    </Tag>
  );
}

export default function CatalogPage() {
  const me = useMe();
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const { message, modal } = App.useApp();
  const catalog = useCatalog();
  const [selection, setSelection] = useUrlFilters(['brand', 'series'] as const);
  const [dialog, setDialog] = useState<NameDialog | null>(null);
  const [modelDialog, setModelDialog] = useState<{ model: CatalogModel | null } | null>(null);
  const [importing, setImporting] = useState(false);
  const manage = can(me, 'catalog:manage');
  const handleError = useApiErrorHandler();
  const createBrand = useCreateBrand();
  const renameBrand = useRenameBrand();
  const deleteBrand = useDeleteBrand();
  const createSeries = useCreateSeries();
  const renameSeries = useRenameSeries();
  const deleteSeries = useDeleteSeries();
  const deleteModel = useDeleteModel();
  const publish = usePublishCatalog();
  const [nameForm] = Form.useForm<{ name: string }>();

  const brands = useMemo(() => catalog.data ?? [], [catalog.data]);
  const brand = brands.find((b) => b.id === selection.brand) ?? brands[0];
  const series = brand?.series.find((s) => s.id === selection.series) ?? brand?.series[0];

  const treeData = brands.map((b) => ({
    key: `brand:${b.id}`,
    title: (
      <span data-testid="catalog-brand">
        {b.name} {b.published && <PublishedTag />}
      </span>
    ),
    children: b.series.map((s) => ({
      key: `series:${b.id}:${s.id}`,
      title: (
        <span data-testid="catalog-series">
          {s.name}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('catalog.modelCount', { count: s.models.length })}
          </Typography.Text>
        </span>
      ),
    })),
  }));

  const confirmDelete = (name: string, run: () => Promise<unknown>) =>
    modal.confirm({
      title: t('catalog.deleteConfirm', { name }),
      content: t('catalog.deleteConfirmText'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        run().then(
          () => void message.success(t('catalog.deleted', { name })),
          (error: unknown) => handleError(error),
        ),
    });

  const submitName = ({ name }: { name: string }) => {
    if (!dialog) return;
    const trimmed = name.trim();
    const opts = {
      onSuccess: () => {
        void message.success(t('catalog.saved', { name: trimmed }));
        setDialog(null);
      },
      onError: (error: unknown) => handleError(error, { form: nameForm, fields: ['name'] }),
    };
    switch (dialog.kind) {
      case 'newBrand':
        createBrand.mutate(trimmed, {
          ...opts,
          onSuccess: (created) => {
            opts.onSuccess();
            setSelection({ brand: created.id, series: null });
          },
        });
        break;
      case 'newSeries':
        createSeries.mutate(
          { brand_id: dialog.brand.id, name: trimmed },
          {
            ...opts,
            onSuccess: (created) => {
              opts.onSuccess();
              setSelection({ brand: dialog.brand.id, series: created.id });
            },
          },
        );
        break;
      case 'renameBrand':
        renameBrand.mutate(
          { id: dialog.brand.id, version: dialog.brand.version, name: trimmed },
          opts,
        );
        break;
      case 'renameSeries':
        renameSeries.mutate(
          { id: dialog.series.id, version: dialog.series.version, name: trimmed },
          opts,
        );
        break;
    }
  };

  const dialogTitle = dialog
    ? {
        newBrand: t('catalog.newBrand'),
        newSeries: t('catalog.newSeries'),
        renameBrand: t('catalog.renameBrand'),
        renameSeries: t('catalog.renameSeries'),
      }[dialog.kind]
    : '';

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
                    onClick={() => setModelDialog({ model })}
                  />
                  <Button
                    type="link"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('common.delete')}
                    onClick={() =>
                      confirmDelete(model.name, () => deleteModel.mutateAsync(model.id))
                    }
                  />
                </Space>
              ),
          },
        ]
      : []),
  ];

  const headerActions = (
    <>
      {can(me, 'catalog:publish') && (
        <Button
          icon={<CloudUploadOutlined />}
          loading={publish.isPending}
          block={mobile}
          onClick={() =>
            modal.confirm({
              title: t('catalog.publishConfirm'),
              content: t('catalog.publishText'),
              okText: t('catalog.publish'),
              cancelText: t('common.cancel'),
              onOk: () =>
                publish.mutateAsync().then(
                  (report) =>
                    void message.success(
                      t('catalog.publishedDone', {
                        dealers: report.dealers,
                        created: report.models_created,
                        updated: report.models_updated,
                      }),
                    ),
                  (error: unknown) => handleError(error),
                ),
            })
          }
        >
          {t('catalog.publish')}
        </Button>
      )}
      {manage && (
        <Button
          icon={<ImportOutlined />}
          onClick={() => setImporting(true)}
          block={mobile}
          data-testid="catalog-import"
        >
          {t('catalog.import')}
        </Button>
      )}
      {manage && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setDialog({ kind: 'newBrand' })}
          block={mobile}
        >
          {t('catalog.newBrand')}
        </Button>
      )}
    </>
  );

  const selectedKey =
    series && brand ? `series:${brand.id}:${series.id}` : brand ? `brand:${brand.id}` : undefined;

  return (
    <>
      <PageHeader title={t('nav.catalog')} subtitle={t('catalog.subtitle')} extra={headerActions} />
      {catalog.isError ? (
        <ErrorResult error={catalog.error} onRetry={() => void catalog.refetch()} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={7}>
            <Card
              title={t('catalog.brandsAndSeries')}
              variant="borderless"
              loading={catalog.isLoading}
            >
              {brands.length === 0 ? (
                <Empty description={t('catalog.empty')} />
              ) : (
                <Tree
                  blockNode
                  defaultExpandAll
                  selectedKeys={selectedKey ? [selectedKey] : []}
                  treeData={treeData}
                  onSelect={(keys) => {
                    const [key] = keys as string[];
                    if (!key) return;
                    const [kind, brandId, seriesId] = key.split(':');
                    if (kind === 'brand') {
                      const b = brands.find((x) => x.id === brandId);
                      setSelection({ brand: brandId, series: b?.series[0]?.id ?? null });
                    } else setSelection({ brand: brandId, series: seriesId });
                  }}
                  data-testid="catalog-tree"
                />
              )}
            </Card>
          </Col>
          <Col xs={24} lg={17}>
            {brand && (
              <Card
                variant="borderless"
                title={
                  <Space size={8} wrap>
                    <span>{brand.name}</span>
                    {series && <span className="muted">/ {series.name}</span>}
                    {(series?.published ?? brand.published) && <PublishedTag />}
                  </Space>
                }
                extra={
                  manage && (
                    <Space wrap size={4}>
                      {!brand.published && (
                        <>
                          <Button
                            size="small"
                            onClick={() => setDialog({ kind: 'renameBrand', brand })}
                          >
                            {t('catalog.renameBrand')}
                          </Button>
                          <Button
                            size="small"
                            danger
                            onClick={() =>
                              confirmDelete(brand.name, () => deleteBrand.mutateAsync(brand.id))
                            }
                          >
                            {t('catalog.deleteBrand')}
                          </Button>
                        </>
                      )}
                      <Button
                        size="small"
                        icon={<PlusOutlined />}
                        onClick={() => setDialog({ kind: 'newSeries', brand })}
                      >
                        {t('catalog.newSeries')}
                      </Button>
                    </Space>
                  )
                }
              >
                {brand.published && (
                  <Typography.Paragraph type="secondary">
                    {t('catalog.publishedHint')}
                  </Typography.Paragraph>
                )}
                {!series ? (
                  <Empty description={t('catalog.noSeries')} />
                ) : (
                  <>
                    <div className="series-head">
                      <Typography.Title level={5} style={{ margin: 0 }}>
                        {t('catalog.modelsOf', { series: series.name })}
                      </Typography.Title>
                      {manage && (
                        <Space wrap size={4}>
                          {!series.published && (
                            <>
                              <Button
                                size="small"
                                onClick={() => setDialog({ kind: 'renameSeries', series })}
                              >
                                {t('catalog.renameSeries')}
                              </Button>
                              <Button
                                size="small"
                                danger
                                onClick={() =>
                                  confirmDelete(series.name, () =>
                                    deleteSeries.mutateAsync(series.id),
                                  )
                                }
                              >
                                {t('catalog.deleteSeries')}
                              </Button>
                            </>
                          )}
                          <Button
                            size="small"
                            type="primary"
                            icon={<PlusOutlined />}
                            onClick={() => setModelDialog({ model: null })}
                            data-testid="new-model"
                          >
                            {t('catalog.newModel')}
                          </Button>
                        </Space>
                      )}
                    </div>
                    {mobile ? (
                      series.models.length === 0 ? (
                        <Empty description={t('catalog.noModels')} />
                      ) : (
                        series.models.map((model) => (
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
                                    onClick={() => setModelDialog({ model })}
                                  />
                                )
                              )}
                            </div>
                            <dl className="record-card-meta">
                              <dt>{t('catalog.field.guidePrice')}</dt>
                              <dd className="tabular">{formatMoney(model.guide_price_fen)}</dd>
                              <dt>{t('catalog.field.powertrain')}</dt>
                              <dd>
                                {model.powertrain
                                  ? t(`catalog.powertrain.${model.powertrain}`)
                                  : '—'}{' '}
                                · {model.body_type ? t(`catalog.bodyType.${model.body_type}`) : '—'}
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
                        dataSource={series.models}
                        pagination={false}
                        scroll={{ x: 820 }}
                        locale={{ emptyText: <Empty description={t('catalog.noModels')} /> }}
                        onRow={() => ({
                          className: 'catalog-model-row',
                          'data-testid': 'catalog-model',
                        })}
                      />
                    )}
                  </>
                )}
              </Card>
            )}
          </Col>
        </Row>
      )}
      <Modal
        open={dialog !== null}
        title={dialogTitle}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onCancel={() => setDialog(null)}
        onOk={() => nameForm.submit()}
        confirmLoading={
          createBrand.isPending ||
          createSeries.isPending ||
          renameBrand.isPending ||
          renameSeries.isPending
        }
        destroyOnHidden
      >
        <Form
          form={nameForm}
          layout="vertical"
          preserve={false}
          onFinish={submitName}
          initialValues={{
            name:
              dialog?.kind === 'renameBrand'
                ? dialog.brand.name
                : dialog?.kind === 'renameSeries'
                  ? dialog.series.name
                  : '',
          }}
        >
          <Form.Item
            name="name"
            label={
              dialog?.kind === 'newBrand' || dialog?.kind === 'renameBrand'
                ? t('catalog.field.brand')
                : t('catalog.field.series')
            }
            rules={[{ required: true, whitespace: true, message: t('errors.field.required') }]}
          >
            <Input maxLength={64} autoFocus data-testid="catalog-name" />
          </Form.Item>
        </Form>
      </Modal>
      {series && modelDialog && (
        <ModelModal
          open
          seriesId={series.id}
          model={modelDialog.model}
          onClose={() => setModelDialog(null)}
        />
      )}
      <CatalogImportModal open={importing} onClose={() => setImporting(false)} />
    </>
  );
}
