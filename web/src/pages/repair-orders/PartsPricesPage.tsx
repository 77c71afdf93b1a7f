// The parts price list (配件价格表): searched by part number or name, a part added by hand, or
// the whole list imported from the parts system's CSV or Excel file (columns part number, name,
// price in yuan). An import with any bad row writes nothing and lists every problem.
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Modal, Space, Table, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/app/session';
import { PageHeader } from '@/components/PageHeader';
import { ErrorResult } from '@/components/Results';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { formatMoney, parseMoney } from '@/lib/format';
import { can } from '@/lib/permissions';
import { useDebounced } from '@/lib/useDebounced';
import {
  type PartsImportReport,
  type PartsPrice,
  useImportParts,
  usePartWrite,
  useParts,
} from './hooks';

function AddPart({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<{ part_no: string; name: string; price: string }>();
  const create = usePartWrite();
  return (
    <Modal
      open
      title={t('repairOrders.partsPage.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => {
          const fen = parseMoney(v.price);
          if (fen === null) {
            form.setFields([{ name: 'price', errors: [t('repairOrders.partsPage.badPrice')] }]);
            return;
          }
          create.mutate(
            { part_no: v.part_no, name: v.name, price_fen: fen },
            {
              onSuccess: onClose,
              onError: (e) => onError(e, { form, fields: ['part_no', 'name'] }),
            },
          );
        }}
      >
        <Form.Item
          name="part_no"
          label={t('repairOrders.field.partNo')}
          rules={[{ required: true }]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('repairOrders.field.partName')}
          rules={[{ required: true }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="price"
          label={t('repairOrders.field.unitPrice')}
          rules={[{ required: true }]}
        >
          <Input inputMode="decimal" prefix="¥" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function PartsPricesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const onError = useApiErrorHandler();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const parts = useParts(q);
  const upload = useImportParts();
  const [report, setReport] = useState<PartsImportReport | null>(null);
  const [adding, setAdding] = useState(false);
  const configure = can(me, 'service:configure');

  const columns: ColumnsType<PartsPrice> = [
    { title: t('repairOrders.field.partNo'), dataIndex: 'part_no' },
    { title: t('repairOrders.field.partName'), dataIndex: 'name' },
    {
      title: t('repairOrders.field.unitPrice'),
      dataIndex: 'price_fen',
      align: 'right',
      render: (fen: number) => <span className="tabular">{formatMoney(fen)}</span>,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.partsPrices')}
        subtitle={t('repairOrders.partsPage.subtitle')}
        extra={
          configure && (
            <Space wrap>
              <Upload
                accept=".csv,.xlsx"
                showUploadList={false}
                beforeUpload={(file) => {
                  upload.mutate(file, { onSuccess: setReport, onError: (e) => onError(e) });
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />} loading={upload.isPending}>
                  {t('repairOrders.partsPage.import')}
                </Button>
              </Upload>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {t('repairOrders.partsPage.add')}
              </Button>
            </Space>
          )
        }
      />
      <Card variant="borderless">
        {report && (
          <Alert
            closable
            onClose={() => setReport(null)}
            style={{ marginBottom: 16 }}
            type={report.errors.length > 0 ? 'error' : 'success'}
            message={
              report.errors.length > 0
                ? t('repairOrders.partsPage.importFailed', { count: report.errors.length })
                : t('repairOrders.partsPage.imported', {
                    created: report.created,
                    updated: report.updated,
                    unchanged: report.unchanged,
                  })
            }
            description={
              report.errors.length > 0 && (
                <ul style={{ margin: 0, paddingLeft: 16 }}>
                  {report.errors.slice(0, 20).map((e) => (
                    <li key={`${e.row}-${e.column}-${e.code}`}>
                      {t('repairOrders.partsPage.rowError', { row: e.row, column: e.column })}{' '}
                      {t(`repairOrders.partsPage.code.${e.code}`, { defaultValue: e.message })}
                    </li>
                  ))}
                </ul>
              )
            }
          />
        )}
        <Input.Search
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder={t('repairOrders.searchPart')}
          style={{ marginBottom: 16, maxWidth: 360 }}
        />
        {parts.error ? (
          <ErrorResult error={parts.error} />
        ) : (
          <Table
            rowKey="id"
            size="small"
            loading={parts.isLoading}
            columns={columns}
            dataSource={parts.data?.items ?? []}
            pagination={false}
            scroll={{ x: true }}
          />
        )}
      </Card>
      {adding && <AddPart onClose={() => setAdding(false)} />}
    </>
  );
}
