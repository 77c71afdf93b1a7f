// The sales assistant types the day's paper reception forms (客户接待表) into one table: a row
// per form, the consultant who received them, arrival and leave time, name, phone, grade and
// car. Each row is saved on its own; rows the server refuses keep their errors, on the cells.
import { CheckCircleFilled, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fieldErrorMessage } from '@/api/problem';
import type { FieldError, Grade } from '@/api/types';
import { useMe } from '@/app/session';
import { PageHeader } from '@/components/PageHeader';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { todayIn } from '@/lib/format';
import { can } from '@/lib/permissions';
import { FIRST_GRADES, useConsultants } from '@/lib/sales';
import {
  bulkColumn,
  isBlank,
  newRow,
  normaliseTime,
  toReception,
  type BulkColumn,
  type BulkRow,
} from './bulkRows';
import { useBulkReceptions } from './hooks';

const START_ROWS = 5;

export default function ReceptionBulkPage() {
  const me = useMe();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const tz = me.dealer.time_zone;
  const people = useConsultants(can(me, 'user:read'));
  const bulk = useBulkReceptions();
  const handleError = useApiErrorHandler();
  const [day, setDay] = useState(() => todayIn(tz));
  const [rows, setRows] = useState<BulkRow[]>(() =>
    Array.from({ length: START_ROWS }, () => newRow()),
  );
  const [summary, setSummary] = useState<{ saved: number; failed: number } | null>(null);

  const update = (key: string, changes: Partial<BulkRow>) =>
    setRows((current) =>
      current.map((row) => (row.key === key ? { ...row, ...changes, errors: undefined } : row)),
    );
  const remove = (key: string) => setRows((current) => current.filter((row) => row.key !== key));

  const errorsOf = (row: BulkRow, column: BulkColumn): string[] =>
    (row.errors ?? [])
      .filter((error) => bulkColumn(error.field) === column)
      .map((error) => fieldErrorMessage(t, error));

  const cell = (row: BulkRow, column: BulkColumn, control: React.ReactNode) => {
    const errors = errorsOf(row, column);
    return (
      <div className={errors.length > 0 ? 'bulk-cell has-error' : 'bulk-cell'}>
        {control}
        {errors.length > 0 && (
          <div className="bulk-cell-error" data-testid={`row-error-${column}`}>
            {errors.join('；')}
          </div>
        )}
      </div>
    );
  };

  const submit = () => {
    // Client-side: the arrival time is on every paper form.
    const filled = rows.filter((row) => !row.saved && !isBlank(row));
    if (filled.length === 0) {
      void message.info(t('reception.bulk.nothing'));
      return;
    }
    let missing = false;
    const checked = rows.map((row) => {
      if (row.saved || isBlank(row)) return row;
      const errors: FieldError[] = [];
      const arrived = normaliseTime(row.arrived);
      if (!row.arrived.trim()) {
        errors.push({ field: 'arrived_at', code: 'required', message: 'required' });
      } else if (!/^\d{2}:\d{2}$/.test(arrived)) {
        errors.push({ field: 'arrived_at', code: 'invalid_format', message: 'HH:mm' });
      }
      if (row.left.trim() && !/^\d{2}:\d{2}$/.test(normaliseTime(row.left))) {
        errors.push({ field: 'left_at', code: 'invalid_format', message: 'HH:mm' });
      }
      if (!row.consultant_id) {
        errors.push({ field: 'consultant_id', code: 'required', message: 'required' });
      }
      if (errors.length > 0) missing = true;
      return { ...row, errors };
    });
    setRows(checked);
    if (missing) return;
    bulk.mutate(
      filled.map((row) => toReception(row, day, tz)),
      {
        onSuccess: (outcome) => {
          setSummary({ saved: outcome.saved, failed: outcome.failed });
          setRows((current) => {
            let index = 0;
            return current.map((row) => {
              if (row.saved || isBlank(row)) return row;
              const result = outcome.rows.find((r) => r.index === index);
              index += 1;
              if (!result) return row;
              if (result.errors.length === 0 && result.lead_id) {
                return {
                  ...row,
                  errors: undefined,
                  saved: { lead_id: result.lead_id, lead_created: result.lead_created },
                };
              }
              return { ...row, errors: result.errors };
            });
          });
        },
        onError: (error) => handleError(error),
      },
    );
  };

  const columns: ColumnsType<BulkRow> = [
    {
      title: '#',
      key: 'index',
      width: 44,
      render: (_, row, index) =>
        row.saved ? (
          <Tooltip title={t('reception.bulk.savedRow')}>
            <CheckCircleFilled style={{ color: '#389e0d' }} data-testid="row-saved" />
          </Tooltip>
        ) : (
          <span className="muted tabular bulk-index">{index + 1}</span>
        ),
    },
    {
      title: t('reception.field.consultant'),
      key: 'consultant',
      width: 130,
      render: (_, row) =>
        cell(
          row,
          'consultant',
          <Select
            value={row.consultant_id}
            disabled={!!row.saved}
            showSearch
            optionFilterProp="label"
            onChange={(value: string) => update(row.key, { consultant_id: value })}
            options={people.consultants.map((user) => ({
              value: user.id,
              label: user.display_name,
            }))}
            style={{ width: '100%' }}
            data-testid="row-consultant"
          />,
        ),
    },
    {
      title: t('reception.bulk.arrived'),
      key: 'arrived',
      width: 88,
      render: (_, row) =>
        cell(
          row,
          'arrived',
          <Input
            value={row.arrived}
            disabled={!!row.saved}
            placeholder="09:30"
            inputMode="numeric"
            onChange={(event) => update(row.key, { arrived: event.target.value })}
            onBlur={(event) => update(row.key, { arrived: normaliseTime(event.target.value) })}
            className="tabular"
            data-testid="row-arrived"
          />,
        ),
    },
    {
      title: t('reception.bulk.left'),
      key: 'left',
      width: 88,
      render: (_, row) =>
        cell(
          row,
          'left',
          <Input
            value={row.left}
            disabled={!!row.saved}
            placeholder="10:15"
            inputMode="numeric"
            onChange={(event) => update(row.key, { left: event.target.value })}
            onBlur={(event) => update(row.key, { left: normaliseTime(event.target.value) })}
            className="tabular"
            data-testid="row-left"
          />,
        ),
    },
    {
      title: t('reception.field.name'),
      key: 'name',
      width: 110,
      render: (_, row) =>
        cell(
          row,
          'name',
          <Input
            value={row.name}
            disabled={!!row.saved}
            maxLength={50}
            onChange={(event) => update(row.key, { name: event.target.value })}
            data-testid="row-name"
          />,
        ),
    },
    {
      title: t('reception.field.phone'),
      key: 'phone',
      width: 140,
      render: (_, row) =>
        cell(
          row,
          'phone',
          <Input
            value={row.phone}
            disabled={!!row.saved}
            maxLength={20}
            inputMode="tel"
            onChange={(event) => update(row.key, { phone: event.target.value })}
            className="tabular"
            data-testid="row-phone"
          />,
        ),
    },
    {
      title: t('leads.field.grade'),
      key: 'grade',
      width: 84,
      render: (_, row) =>
        cell(
          row,
          'grade',
          <Select
            value={row.grade}
            disabled={!!row.saved}
            onChange={(value: Grade) => update(row.key, { grade: value })}
            options={FIRST_GRADES.map((grade) => ({ value: grade, label: grade }))}
            style={{ width: '100%' }}
            data-testid="row-grade"
          />,
        ),
    },
    {
      title: t('reception.bulk.model'),
      key: 'model',
      width: 150,
      render: (_, row) =>
        cell(
          row,
          'model',
          <Input
            value={row.model_text}
            disabled={!!row.saved}
            maxLength={100}
            onChange={(event) => update(row.key, { model_text: event.target.value })}
            data-testid="row-model"
          />,
        ),
    },
    {
      title: t('reception.bulk.party'),
      key: 'party',
      width: 72,
      render: (_, row) =>
        cell(
          row,
          'party',
          <InputNumber
            value={row.party_size}
            disabled={!!row.saved}
            min={1}
            max={20}
            onChange={(value) => update(row.key, { party_size: Number(value ?? 1) })}
            style={{ width: '100%' }}
          />,
        ),
    },
    {
      title: t('reception.bulk.testDrive'),
      key: 'test_drive',
      width: 64,
      align: 'center',
      render: (_, row) => (
        <Checkbox
          checked={row.test_drive}
          disabled={!!row.saved}
          onChange={(event) => update(row.key, { test_drive: event.target.checked })}
          aria-label={t('reception.bulk.testDrive')}
        />
      ),
    },
    {
      title: '',
      key: 'actions',
      width: 72,
      render: (_, row) =>
        row.saved ? (
          <Link to={`/leads/${row.saved.lead_id}`} data-testid="row-lead-link">
            {t('reception.bulk.openLead')}
          </Link>
        ) : (
          <Button
            type="text"
            icon={<DeleteOutlined />}
            onClick={() => remove(row.key)}
            aria-label={t('common.delete')}
          />
        ),
    },
  ];

  const otherErrors = (row: BulkRow) =>
    (row.errors ?? []).filter((error) => bulkColumn(error.field) === null);

  return (
    <>
      <PageHeader
        title={t('nav.receptionBulk')}
        subtitle={t('reception.bulk.subtitle')}
        crumbs={[
          { title: t('nav.reception'), to: '/reception/new' },
          { title: t('nav.receptionBulk') },
        ]}
      />
      <Card variant="borderless">
        <div className="filter-bar">
          <Space>
            <Typography.Text>{t('reception.bulk.day')}</Typography.Text>
            <DatePicker
              value={dayjs(day)}
              allowClear={false}
              disabledDate={(date) => date.format('YYYY-MM-DD') > todayIn(tz)}
              onChange={(value) => value && setDay(value.format('YYYY-MM-DD'))}
              data-testid="bulk-day"
            />
          </Space>
        </div>
        {summary && (
          <Alert
            type={summary.failed > 0 ? 'warning' : 'success'}
            showIcon
            className="page-alert"
            data-testid="bulk-summary"
            message={t('reception.bulk.result', { saved: summary.saved, failed: summary.failed })}
            description={summary.failed > 0 ? t('reception.bulk.fixAndRetry') : undefined}
            action={
              rows.some((row) => row.saved) && (
                <Button
                  size="small"
                  onClick={() => {
                    setRows((current) => current.filter((row) => !row.saved));
                    setSummary(null);
                  }}
                >
                  {t('reception.bulk.clearSaved')}
                </Button>
              )
            }
          />
        )}
        <Table<BulkRow>
          rowKey="key"
          size="small"
          columns={columns}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 1040 }}
          className="bulk-table"
          rowClassName={(row) =>
            row.saved ? 'bulk-row-saved' : (row.errors?.length ?? 0) > 0 ? 'bulk-row-failed' : ''
          }
          onRow={() => ({ 'data-testid': 'bulk-row' }) as React.HTMLAttributes<HTMLElement>}
          expandable={{
            showExpandColumn: false,
            expandedRowKeys: rows.filter((row) => otherErrors(row).length > 0).map((r) => r.key),
            expandedRowRender: (row) => (
              <Typography.Text type="danger" data-testid="row-error-other">
                {otherErrors(row)
                  .map((error) => fieldErrorMessage(t, error))
                  .join('；')}
              </Typography.Text>
            ),
          }}
        />
        <div className="form-actions" style={{ marginTop: 16 }}>
          <Button
            icon={<PlusOutlined />}
            onClick={() =>
              setRows((current) => [...current, newRow(current.at(-1)?.consultant_id)])
            }
            data-testid="bulk-add-row"
          >
            {t('reception.bulk.addRow')}
          </Button>
          <Button
            type="primary"
            loading={bulk.isPending}
            onClick={submit}
            data-testid="bulk-submit"
          >
            {t('reception.bulk.submit')}
          </Button>
        </div>
      </Card>
    </>
  );
}
