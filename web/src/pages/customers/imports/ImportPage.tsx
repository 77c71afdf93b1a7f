// The import wizard: upload a CSV or Excel file → map its columns (guessed from the headers, or
// a saved mapping) → a dry run that reports every bad row → the import, all or nothing or
// skipping bad rows, updating or skipping customers who exist → the result. The import's id is
// in the URL, so a reload continues where the user was.
import { InboxOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Radio,
  Result,
  Select,
  Space,
  Steps,
  Table,
  Typography,
  Upload,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ImportField, ImportMode, ImportReport, OnDuplicate } from '@/api/types';
import { PageHeader } from '@/components/PageHeader';
import { PageSpinner } from '@/components/PageSpinner';
import { ErrorResult } from '@/components/Results';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { formatNumber } from '@/lib/format';
import { useIsMobile } from '@/lib/useIsMobile';
import { useUrlFilters } from '@/lib/useUrlFilters';
import { useDryRun, useImport, useRunImport, useSavedMappings, useUploadImport } from './hooks';
import { ImportReportView } from './ImportReportView';
import {
  applySavedMapping,
  doubleMapped,
  IMPORT_FIELDS,
  mappingFit,
  mappingProblems,
  type Mapping,
} from './mapping';

const IGNORE = '';

export default function ImportPage() {
  const { t } = useTranslation();
  const [params, setParams] = useUrlFilters(['id'] as const);
  return (
    <>
      <PageHeader
        title={t('imports.title')}
        subtitle={t('imports.subtitle')}
        crumbs={[{ title: t('nav.customers'), to: '/customers' }, { title: t('imports.title') }]}
      />
      {params.id ? (
        <ImportWizard key={params.id} id={params.id} restart={() => setParams({ id: null })} />
      ) : (
        <UploadStep onUploaded={(id) => setParams({ id })} />
      )}
    </>
  );
}

function StepsBar({ current }: { current: number }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  return (
    <Steps
      current={current}
      size="small"
      direction="horizontal"
      responsive={false}
      labelPlacement={mobile ? 'vertical' : 'horizontal'}
      items={[
        { title: t('imports.step.upload') },
        { title: t('imports.step.mapping') },
        { title: t('imports.step.check') },
        { title: t('imports.step.result') },
      ]}
      style={{ marginBottom: 20 }}
      className="import-steps"
    />
  );
}

function UploadStep({ onUploaded }: { onUploaded: (id: string) => void }) {
  const { t } = useTranslation();
  const upload = useUploadImport();
  const handleError = useApiErrorHandler();
  return (
    <Card variant="borderless">
      <StepsBar current={0} />
      <Upload.Dragger
        accept=".csv,.xlsx,.xls,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={false}
        showUploadList={false}
        disabled={upload.isPending}
        beforeUpload={(file) => {
          upload.mutate(file, {
            onSuccess: (created) => onUploaded(created.id),
            onError: (error) => handleError(error),
          });
          return false;
        }}
        data-testid="import-upload"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">
          {upload.isPending ? t('imports.uploading') : t('imports.dropHere')}
        </p>
        <p className="ant-upload-hint">{t('imports.uploadHint')}</p>
      </Upload.Dragger>
    </Card>
  );
}

interface RunOptions {
  mode: ImportMode;
  on_duplicate: OnDuplicate;
  save_mapping_as?: string;
}

function ImportWizard({ id, restart }: { id: string; restart: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const file = useImport(id);
  const saved = useSavedMappings();
  const dryRun = useDryRun(id);
  const run = useRunImport(id);
  const handleError = useApiErrorHandler();
  // The user's mapping; until they change it, the server's suggestion.
  const [chosen, setMapping] = useState<Mapping | null>(null);
  const [current, setStep] = useState(1);
  const [checked, setChecked] = useState<ImportReport | null>(null);
  const [ran, setResult] = useState<ImportReport | null>(null);
  const [form] = Form.useForm<RunOptions>();

  const data = file.data;
  const mapping: Mapping | null = chosen ?? (data ? { ...data.suggested_mapping } : null);
  // An import run before (a reload of its page) shows its result.
  const result = ran ?? data?.result ?? null;
  const step = result ? 3 : current;

  const problems = mapping ? mappingProblems(mapping) : [];
  const doubles = mapping ? doubleMapped(mapping) : [];
  const sortedSaved = useMemo(
    () =>
      [...(saved.data ?? [])].sort(
        (a, b) => mappingFit(data?.headers ?? [], b) - mappingFit(data?.headers ?? [], a),
      ),
    [saved.data, data?.headers],
  );

  if (file.isLoading) return <PageSpinner />;
  if (file.isError) return <ErrorResult error={file.error} onRetry={() => void file.refetch()} />;
  if (!data || !mapping) return <PageSpinner />;

  const options = (): RunOptions & { mapping: Mapping } => {
    const values = form.getFieldsValue(true) as RunOptions;
    return {
      mapping,
      mode: values.mode ?? 'skip_invalid',
      on_duplicate: values.on_duplicate ?? 'update',
      save_mapping_as: values.save_mapping_as?.trim() || undefined,
    };
  };

  const check = () =>
    dryRun.mutate(
      { ...options(), save_mapping_as: null },
      {
        onSuccess: (report) => {
          setChecked(report);
          setStep(2);
        },
        onError: (error) => handleError(error),
      },
    );

  const doImport = () =>
    run.mutate(options(), {
      onSuccess: (report) => {
        setResult(report);
        setStep(3);
        if (report.applied) void message.success(t('imports.done'));
      },
      onError: (error) => handleError(error),
    });

  const mappingRows = data.headers.map((header, index) => ({
    header,
    index,
    samples: data.sample
      .map((row) => row[index] ?? '')
      .filter(Boolean)
      .slice(0, 3),
  }));

  const fieldOptions = [
    { value: IGNORE, label: t('imports.ignoreColumn') },
    ...IMPORT_FIELDS.map((field) => ({ value: field, label: t(`imports.field.${field}`) })),
  ];

  return (
    <Card variant="borderless">
      <StepsBar current={step} />
      <Typography.Paragraph>
        {t('imports.fileInfo', {
          file: data.filename,
          rows: formatNumber(data.row_count),
          columns: data.headers.length,
        })}{' '}
        {step < 3 && (
          <Button type="link" size="small" onClick={restart}>
            {t('imports.otherFile')}
          </Button>
        )}
      </Typography.Paragraph>

      {step === 1 && (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <Select
              placeholder={t('imports.useSaved')}
              style={{ minWidth: 220 }}
              options={sortedSaved.map((m) => ({ value: m.id, label: m.name }))}
              onChange={(mid: string) => {
                const chosen = saved.data?.find((m) => m.id === mid);
                if (chosen) setMapping(applySavedMapping(data.headers, chosen));
              }}
              notFoundContent={t('imports.noSaved')}
              data-testid="saved-mapping"
            />
            <Button onClick={() => setMapping({ ...data.suggested_mapping })}>
              {t('imports.useSuggested')}
            </Button>
          </Space>
          <Table
            size="small"
            rowKey="index"
            pagination={false}
            dataSource={mappingRows}
            scroll={{ x: 560 }}
            data-testid="mapping-table"
            columns={[
              { title: t('imports.column'), dataIndex: 'header', width: 160 },
              {
                title: t('imports.sample'),
                key: 'samples',
                render: (_, row) => (
                  <Typography.Text
                    type="secondary"
                    ellipsis
                    style={{ maxWidth: mobile ? 140 : 320 }}
                  >
                    {row.samples.join(' / ') || '—'}
                  </Typography.Text>
                ),
              },
              {
                title: t('imports.fieldHeader'),
                key: 'field',
                width: 200,
                render: (_, row) => (
                  <Select
                    value={mapping[row.header] ?? IGNORE}
                    status={
                      mapping[row.header] && doubles.includes(mapping[row.header] as ImportField)
                        ? 'error'
                        : undefined
                    }
                    onChange={(value: string) =>
                      setMapping(
                        Object.fromEntries([
                          ...Object.entries(mapping).filter(([header]) => header !== row.header),
                          ...(value === IGNORE ? [] : [[row.header, value as ImportField]]),
                        ]) as Mapping,
                      )
                    }
                    options={fieldOptions}
                    showSearch
                    optionFilterProp="label"
                    style={{ width: '100%' }}
                    data-testid={`map-${row.header}`}
                  />
                ),
              },
            ]}
          />
          {problems.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 12 }}
              message={problems.map((p) => t(`imports.problem.${p}`)).join(' ')}
            />
          )}
        </>
      )}

      {step === 2 && checked && <ImportReportView report={checked} filename={data.filename} />}
      {step === 3 && result && (
        <>
          {result.applied ? (
            <Result
              status="success"
              title={t('imports.doneTitle')}
              subTitle={t('imports.doneText', {
                created: formatNumber(result.created),
                updated: formatNumber(result.updated),
                invalid: formatNumber(result.invalid_rows),
              })}
              style={{ padding: '16px 0' }}
            />
          ) : (
            <Result
              status="warning"
              title={t('imports.notAppliedTitle')}
              subTitle={t('imports.notAppliedText')}
              style={{ padding: '16px 0' }}
            />
          )}
          <ImportReportView report={result} filename={data.filename} />
        </>
      )}

      {(step === 1 || step === 2) && (
        <Form<RunOptions>
          form={form}
          layout="vertical"
          initialValues={{ mode: 'skip_invalid', on_duplicate: 'update' }}
          className="import-options"
        >
          <Space
            size={mobile ? 0 : 32}
            wrap
            align="start"
            direction={mobile ? 'vertical' : 'horizontal'}
          >
            <Form.Item name="mode" label={t('imports.mode.label')}>
              <Radio.Group data-testid="import-mode">
                <Space direction="vertical">
                  <Radio value="skip_invalid">{t('imports.mode.skip_invalid')}</Radio>
                  <Radio value="all_or_nothing">{t('imports.mode.all_or_nothing')}</Radio>
                </Space>
              </Radio.Group>
            </Form.Item>
            <Form.Item name="on_duplicate" label={t('imports.onDuplicate.label')}>
              <Radio.Group data-testid="import-on-duplicate">
                <Space direction="vertical">
                  <Radio value="update">{t('imports.onDuplicate.update')}</Radio>
                  <Radio value="skip">{t('imports.onDuplicate.skip')}</Radio>
                </Space>
              </Radio.Group>
            </Form.Item>
            <Form.Item
              name="save_mapping_as"
              label={t('imports.saveMappingAs')}
              extra={t('imports.saveMappingHint')}
            >
              <Input
                maxLength={64}
                style={{ width: mobile ? '100%' : 240 }}
                data-testid="save-mapping-as"
              />
            </Form.Item>
          </Space>
        </Form>
      )}

      <div className="form-actions" style={{ marginTop: 16 }}>
        {step === 1 && (
          <Button
            type="primary"
            onClick={check}
            loading={dryRun.isPending}
            disabled={problems.includes('name') || problems.includes('double')}
            block={mobile}
            data-testid="dry-run"
          >
            {t('imports.check')}
          </Button>
        )}
        {step === 2 && (
          <>
            <Button
              type="primary"
              onClick={doImport}
              loading={run.isPending}
              block={mobile}
              data-testid="run-import"
            >
              {t('imports.run')}
            </Button>
            <Button onClick={() => setStep(1)} block={mobile}>
              {t('imports.backToMapping')}
            </Button>
          </>
        )}
        {step === 3 && (
          <>
            <Button type="primary" onClick={() => navigate('/customers')} block={mobile}>
              {t('imports.toCustomers')}
            </Button>
            <Button onClick={restart} block={mobile} data-testid="import-another">
              {t('imports.another')}
            </Button>
          </>
        )}
      </div>
    </Card>
  );
}
