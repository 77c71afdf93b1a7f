// What a dry run found, or what an import did: the counts, then every bad row (row, column,
// reason), which can be downloaded as a CSV to fix the file.
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Col, Row, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportReport, RowError } from '@/api/types';
import { formatNumber } from '@/lib/format';
import { errorsCsv } from './mapping';

/** A bad row's reason in the user's language (the server's English as the last resort). */
export function useRowReason() {
  const { t } = useTranslation();
  return (error: RowError) =>
    t(`imports.reason.${error.code}`, {
      defaultValue: t(`errors.field.${error.code}`, { defaultValue: error.message }),
    });
}

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ImportReportView({ report, filename }: { report: ImportReport; filename: string }) {
  const { t } = useTranslation();
  const reason = useRowReason();
  const stats: [string, number, string?][] = [
    [t('imports.report.total'), report.total_rows],
    [t('imports.report.valid'), report.valid_rows, '#2e8b57'],
    [
      t('imports.report.invalid'),
      report.invalid_rows,
      report.invalid_rows > 0 ? '#cf3a3a' : undefined,
    ],
    [report.dry_run ? t('imports.report.toCreate') : t('imports.report.created'), report.created],
    [report.dry_run ? t('imports.report.toUpdate') : t('imports.report.updated'), report.updated],
    [t('imports.report.unchanged'), report.unchanged],
    [t('imports.report.skipped'), report.skipped],
  ];
  return (
    <div data-testid={report.dry_run ? 'dry-run-report' : 'import-report'}>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {stats.map(([title, value, color]) => (
          <Col key={title} xs={12} sm={8} md={6} xl={3}>
            <div className="stat-tile">
              <Statistic
                title={title}
                value={value}
                formatter={(v) => formatNumber(Number(v))}
                valueStyle={color ? { color } : undefined}
              />
            </div>
          </Col>
        ))}
      </Row>
      {report.errors.length > 0 && (
        <>
          <div className="report-errors-head">
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('imports.report.errors', { count: report.errors.length })}
            </Typography.Title>
            <Button
              icon={<DownloadOutlined />}
              onClick={() =>
                download(
                  t('imports.report.errorsFile', { file: filename.replace(/\.[^.]+$/, '') }),
                  errorsCsv(
                    report.errors,
                    {
                      row: t('imports.report.row'),
                      column: t('imports.report.column'),
                      reason: t('imports.report.reason'),
                    },
                    reason,
                  ),
                )
              }
              data-testid="download-errors"
            >
              {t('imports.report.downloadErrors')}
            </Button>
          </div>
          <Table<RowError>
            size="small"
            rowKey={(error) => `${error.row}-${error.column}-${error.code}`}
            dataSource={report.errors}
            pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
            scroll={{ x: 480 }}
            columns={[
              {
                title: t('imports.report.row'),
                dataIndex: 'row',
                width: 80,
                render: (row: number) => <span className="tabular">{row}</span>,
              },
              {
                title: t('imports.report.column'),
                dataIndex: 'column',
                width: 160,
                render: (column: string) => column || t('imports.report.wholeRow'),
              },
              {
                title: t('imports.report.reason'),
                key: 'reason',
                render: (_, error) => reason(error),
              },
            ]}
            data-testid="report-errors"
          />
        </>
      )}
    </div>
  );
}
