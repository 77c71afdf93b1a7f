// The vehicle catalog: brands → series → models (trims) with model year, body, powertrain,
// guide price and colours. Those who manage it add, rename and remove entries and import a CSV;
// a catalog published by the group or OEM is read-only here; a group user may publish theirs.
import { CloudUploadOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Row, Space, Tree, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogModel } from '@/api/types';
import { useMe } from '@/app/session';
import { PageHeader } from '@/components/PageHeader';
import { ErrorResult } from '@/components/Results';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { useCatalog } from '@/lib/catalog';
import { can } from '@/lib/permissions';
import { useIsMobile } from '@/lib/useIsMobile';
import { useUrlFilters } from '@/lib/useUrlFilters';
import { CatalogImportModal } from './CatalogImportModal';
import { useDeleteBrand, useDeleteModel, useDeleteSeries, usePublishCatalog } from './hooks';
import { ModelList } from './ModelList';
import { ModelModal } from './ModelModal';
import { NameModal, type NameDialog } from './NameModal';
import { PublishedTag } from './PublishedTag';

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
  const deleteBrand = useDeleteBrand();
  const deleteSeries = useDeleteSeries();
  const deleteModel = useDeleteModel();
  const publish = usePublishCatalog();

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
                    <ModelList
                      models={series.models}
                      manage={manage}
                      mobile={mobile}
                      onEdit={(model) => setModelDialog({ model })}
                      onDelete={(model) =>
                        confirmDelete(model.name, () => deleteModel.mutateAsync(model.id))
                      }
                    />
                  </>
                )}
              </Card>
            )}
          </Col>
        </Row>
      )}
      <NameModal
        dialog={dialog}
        onClose={() => setDialog(null)}
        onCreated={(selection) => setSelection(selection)}
      />
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
