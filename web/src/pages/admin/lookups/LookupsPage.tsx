// The dealer's lists: where customers come from (sources) and why leads are lost. Built-in
// entries are named in every language; the dealer renames them, switches them off, orders them
// and adds their own. Everyone sees the lists; changing them needs the dealer settings right.
import { ArrowDownOutlined, ArrowUpOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  Modal,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lookup, LookupList } from '@/api/types';
import { useMe } from '@/app/session';
import { PageHeader } from '@/components/PageHeader';
import { ErrorResult } from '@/components/Results';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { LOOKUP_LISTS, lookupName, useLookups } from '@/lib/lookups';
import { can } from '@/lib/permissions';
import { useIsMobile } from '@/lib/useIsMobile';
import { useUrlFilters } from '@/lib/useUrlFilters';
import { useCreateLookup, useUpdateLookup } from './hooks';

export default function LookupsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useUrlFilters(['list'] as const);
  const list: LookupList = params.list === 'lost_reason' ? 'lost_reason' : 'source';
  return (
    <>
      <PageHeader title={t('nav.lookups')} subtitle={t('lookups.subtitle')} />
      <Card variant="borderless">
        <Tabs
          activeKey={list}
          onChange={(key) => setParams({ list: key === 'source' ? null : key })}
          items={LOOKUP_LISTS.map((key) => ({
            key,
            label: t(`lookups.list.${key}`),
            children: <LookupTable list={key} />,
          }))}
        />
      </Card>
    </>
  );
}

type Dialog = { kind: 'new' } | { kind: 'rename'; entry: Lookup };

function LookupTable({ list }: { list: LookupList }) {
  const me = useMe();
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const entries = useLookups(list);
  const create = useCreateLookup(list);
  const update = useUpdateLookup(list);
  const handleError = useApiErrorHandler();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [form] = Form.useForm<{ key?: string; name: string }>();
  const editable = can(me, 'dealer:update');
  const rows = entries.data ?? [];

  const move = (index: number, by: -1 | 1) => {
    const entry = rows[index];
    const other = rows[index + by];
    if (!entry || !other) return;
    // Swap the two entries' places; equal orders get distinct ones.
    const a = other.sort_order === entry.sort_order ? entry.sort_order + by : other.sort_order;
    update.mutate(
      { id: entry.id, version: entry.version, sort_order: a },
      {
        onSuccess: () =>
          update.mutate(
            { id: other.id, version: other.version, sort_order: entry.sort_order },
            { onError: (error) => handleError(error) },
          ),
        onError: (error) => handleError(error),
      },
    );
  };

  const columns: ColumnsType<Lookup> = [
    {
      title: t('lookups.field.name'),
      key: 'name',
      render: (_, entry) => (
        <Space size={6} wrap>
          <span data-testid="lookup-name">{lookupName(t, list, entry.key, rows)}</span>
          {entry.builtin ? (
            <Tag>{t('lookups.builtin')}</Tag>
          ) : (
            <Tag color="blue">{t('lookups.custom')}</Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('lookups.field.key'),
      dataIndex: 'key',
      width: mobile ? 110 : 180,
      render: (key: string) => <Typography.Text code>{key}</Typography.Text>,
    },
    {
      title: t('lookups.field.active'),
      key: 'active',
      width: 90,
      render: (_, entry) => (
        <Switch
          size="small"
          checked={entry.active}
          disabled={!editable}
          onChange={(active) =>
            update.mutate(
              { id: entry.id, version: entry.version, active },
              {
                onSuccess: () =>
                  void message.success(active ? t('lookups.enabled') : t('lookups.disabled')),
                onError: (error) => handleError(error),
              },
            )
          }
          aria-label={t('lookups.field.active')}
          data-testid={`lookup-active-${entry.key}`}
        />
      ),
    },
    ...(editable
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 130,
            render: (_: unknown, entry: Lookup, index: number) => (
              <Space size={0}>
                <Button
                  type="text"
                  size="small"
                  icon={<ArrowUpOutlined />}
                  disabled={index === 0 || update.isPending}
                  onClick={() => move(index, -1)}
                  aria-label={t('lookups.moveUp')}
                />
                <Button
                  type="text"
                  size="small"
                  icon={<ArrowDownOutlined />}
                  disabled={index === rows.length - 1 || update.isPending}
                  onClick={() => move(index, 1)}
                  aria-label={t('lookups.moveDown')}
                />
                <Button
                  type="text"
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => {
                    form.setFieldsValue({ name: lookupName(t, list, entry.key, rows) });
                    setDialog({ kind: 'rename', entry });
                  }}
                  aria-label={t('lookups.rename')}
                  data-testid={`lookup-rename-${entry.key}`}
                />
              </Space>
            ),
          },
        ]
      : []),
  ];

  if (entries.isError)
    return <ErrorResult error={entries.error} onRetry={() => void entries.refetch()} />;

  return (
    <>
      <div className="lookup-head">
        <Typography.Text type="secondary">{t(`lookups.hint.${list}`)}</Typography.Text>
        {editable && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              form.resetFields();
              setDialog({ kind: 'new' });
            }}
            data-testid="new-lookup"
          >
            {t('lookups.new')}
          </Button>
        )}
      </div>
      <Table<Lookup>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={entries.isLoading}
        pagination={false}
        scroll={{ x: 520 }}
        locale={{ emptyText: <Empty description={t('lookups.empty')} /> }}
        rowClassName={(entry) => (entry.active ? '' : 'row-inactive')}
        data-testid="lookup-table"
      />
      <Modal
        open={dialog !== null}
        title={dialog?.kind === 'rename' ? t('lookups.rename') : t('lookups.new')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={create.isPending || update.isPending}
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        forceRender
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) => {
            const name = values.name.trim();
            const done = () => {
              void message.success(t('lookups.saved', { name }));
              setDialog(null);
            };
            const onError = (error: unknown) =>
              handleError(error, { form, fields: ['key', 'name'] });
            if (dialog?.kind === 'rename') {
              // Saving the name as shown (a built-in's translation) changes nothing.
              if (name === lookupName(t, list, dialog.entry.key, rows)) {
                setDialog(null);
                return;
              }
              update.mutate(
                { id: dialog.entry.id, version: dialog.entry.version, name },
                { onSuccess: done, onError },
              );
            } else {
              create.mutate({ key: (values.key ?? '').trim(), name }, { onSuccess: done, onError });
            }
          }}
        >
          {dialog?.kind !== 'rename' && (
            <Form.Item
              name="key"
              label={t('lookups.field.key')}
              extra={t('lookups.hint.key')}
              rules={[
                { required: true, message: t('errors.field.required') },
                { pattern: /^[a-z][a-z0-9_]{1,31}$/, message: t('lookups.hint.keyFormat') },
              ]}
            >
              <Input maxLength={32} autoComplete="off" data-testid="lookup-key" />
            </Form.Item>
          )}
          <Form.Item
            name="name"
            label={t('lookups.field.name')}
            extra={
              dialog?.kind === 'rename' && dialog.entry.builtin
                ? t('lookups.hint.renameBuiltin')
                : undefined
            }
            rules={[{ required: true, whitespace: true, message: t('errors.field.required') }]}
          >
            <Input maxLength={64} data-testid="lookup-name-input" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
