// Importing a catalog CSV (品牌, 车系, 车型, 年款, 车身, 动力, 指导价, 颜色): check the file first,
// see what it would create and every bad row, then import.
import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Modal, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogImportReport, RowError } from '@/api/types';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { useIsMobile } from '@/lib/useIsMobile';
import { decodeCsv } from './csv';
import { useImportCatalog } from './hooks';

export function CatalogImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mobile = useIsMobile();
  const importCatalog = useImportCatalog();
  const handleError = useApiErrorHandler();
  const [file, setFile] = useState<{ name: string; csv: string } | null>(null);
  const [report, setReport] = useState<CatalogImportReport | null>(null);

  const close = () => {
    setFile(null);
    setReport(null);
    onClose();
  };

  const check = (name: string, csv: string) =>
    importCatalog.mutate(
      { csv, dryRun: true },
      {
        onSuccess: (result) => {
          setFile({ name, csv });
          setReport(result);
        },
        onError: (error) => handleError(error),
      },
    );

  const apply = () => {
    if (!file) return;
    importCatalog.mutate(
      { csv: file.csv, dryRun: false },
      {
        onSuccess: (result) => {
          setReport(result);
          if (result.applied) void message.success(t('catalog.importDone'));
        },
        onError: (error) => handleError(error),
      },
    );
  };

  const reason = (error: RowError) =>
    t(`imports.reason.${error.code}`, {
      defaultValue: t(`errors.field.${error.code}`, { defaultValue: error.message }),
    });

  return (
    <Modal
      open={open}
      title={t('catalog.importTitle')}
      onCancel={close}
      width={mobile ? '100%' : 720}
      destroyOnHidden
      footer={
        <>
          <Button onClick={close}>
            {report?.applied ? t('common.close') : t('common.cancel')}
          </Button>
          {report && report.dry_run && report.errors.length === 0 && (
            <Button
              type="primary"
              onClick={apply}
              loading={importCatalog.isPending}
              data-testid="catalog-import-run"
            >
              {t('catalog.importRun')}
            </Button>
          )}
        </>
      }
    >
      <Typography.Paragraph type="secondary">{t('catalog.importHint')}</Typography.Paragraph>
      {!report?.applied && (
        <Upload.Dragger
          accept=".csv,text/csv"
          multiple={false}
          showUploadList={false}
          beforeUpload={(picked) => {
            void picked.arrayBuffer().then((bytes) => check(picked.name, decodeCsv(bytes)));
            return false;
          }}
          data-testid="catalog-import-upload"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{file ? file.name : t('catalog.importDrop')}</p>
        </Upload.Dragger>
      )}
      {report && (
        <div style={{ marginTop: 16 }} data-testid="catalog-import-report">
          {report.dry_run && report.errors.length > 0 && (
            <Alert
              type="warning"
              showIcon
              message={t('catalog.importFix')}
              style={{ marginBottom: 12 }}
            />
          )}
          <Descriptions size="small" column={mobile ? 1 : 3} bordered>
            <Descriptions.Item label={t('catalog.report.rows')}>{report.rows}</Descriptions.Item>
            <Descriptions.Item label={t('catalog.report.brands')}>
              {report.brands_created}
            </Descriptions.Item>
            <Descriptions.Item label={t('catalog.report.series')}>
              {report.series_created}
            </Descriptions.Item>
            <Descriptions.Item label={t('catalog.report.modelsCreated')}>
              {report.models_created}
            </Descriptions.Item>
            <Descriptions.Item label={t('catalog.report.modelsUpdated')}>
              {report.models_updated}
            </Descriptions.Item>
            <Descriptions.Item label={t('catalog.report.status')}>
              {report.applied ? t('catalog.report.applied') : t('catalog.report.checked')}
            </Descriptions.Item>
          </Descriptions>
          {report.errors.length > 0 && (
            <Table<RowError>
              size="small"
              style={{ marginTop: 12 }}
              rowKey={(e) => `${e.row}-${e.column}-${e.code}`}
              dataSource={report.errors}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { title: t('imports.report.row'), dataIndex: 'row', width: 70 },
                { title: t('imports.report.column'), dataIndex: 'column', width: 120 },
                { title: t('imports.report.reason'), key: 'reason', render: (_, e) => reason(e) },
              ]}
            />
          )}
        </div>
      )}
    </Modal>
  );
}
