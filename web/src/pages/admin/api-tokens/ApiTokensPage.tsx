// API tokens for integrations: create (the secret is shown once), list, revoke.
import { CopyOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '@/api/client';
import type { ApiToken, CreatedApiToken, Grant } from '@/api/types';
import { useMe } from '@/app/session';
import { ListFooter } from '@/components/ListFooter';
import { PageHeader } from '@/components/PageHeader';
import { ErrorResult } from '@/components/Results';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { formatDateTime } from '@/lib/format';
import { can } from '@/lib/permissions';
import { useIsMobile } from '@/lib/useIsMobile';
import { useKeysetList } from '@/lib/useKeysetList';
import { usePermissionCatalog } from '@/lib/roles';
import { PermissionGrid } from '@/components/permissions/PermissionGrid';

const TOKENS_KEY = ['api-tokens'] as const;

function TokenStatus({ token }: { token: ApiToken }) {
  const { t } = useTranslation();
  if (token.revoked_at) return <Tag>{t('apiTokens.status.revoked')}</Tag>;
  if (token.expires_at && new Date(token.expires_at) < new Date()) {
    return <Tag color="orange">{t('apiTokens.status.expired')}</Tag>;
  }
  return <Tag color="green">{t('apiTokens.status.active')}</Tag>;
}

export default function ApiTokensPage() {
  const me = useMe();
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const [params, setParams] = useSearchParams();
  const [includeRevoked, setIncludeRevoked] = useState(false);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const creating = params.get('create') === '1';
  const tz = me.dealer.time_zone;
  const list = useKeysetList(
    [...TOKENS_KEY, includeRevoked],
    (cursor) =>
      unwrap(
        api.GET('/api/v1/api-tokens', {
          params: { query: { include_revoked: includeRevoked, limit: 30, cursor } },
        }),
      ),
    { enabled: can(me, 'api_token:read') },
  );
  const revoke = useMutation({
    mutationFn: (token: ApiToken) =>
      unwrap(api.POST('/api/v1/api-tokens/{id}/revoke', { params: { path: { id: token.id } } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
      void message.success(t('apiTokens.revoked'));
    },
    onError: (error) => handleError(error),
  });
  const canRevoke = can(me, 'api_token:revoke');

  const columns: ColumnsType<ApiToken> = [
    {
      title: t('apiTokens.field.name'),
      dataIndex: 'name',
      render: (name: string) => <strong>{name}</strong>,
    },
    {
      title: t('apiTokens.field.prefix'),
      dataIndex: 'prefix',
      render: (prefix: string) => <Typography.Text code>{prefix}…</Typography.Text>,
    },
    {
      title: t('apiTokens.field.status'),
      key: 'status',
      render: (_, token) => <TokenStatus token={token} />,
    },
    {
      title: t('apiTokens.field.permissions'),
      key: 'grants',
      render: (_, token) => t('roles.permissionCount', { count: token.grants.length }),
    },
    {
      title: t('apiTokens.field.createdAt'),
      dataIndex: 'created_at',
      render: (at: string) => formatDateTime(at, tz),
    },
    {
      title: t('apiTokens.field.lastUsed'),
      dataIndex: 'last_used_at',
      render: (at: string | null) => formatDateTime(at, tz),
    },
    {
      title: t('apiTokens.field.expiresAt'),
      dataIndex: 'expires_at',
      render: (at: string | null) => (at ? formatDateTime(at, tz) : t('apiTokens.never')),
    },
    ...(canRevoke
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            render: (_: unknown, token: ApiToken) =>
              token.revoked_at ? null : (
                <Popconfirm
                  title={t('apiTokens.revokeConfirm', { name: token.name })}
                  description={t('apiTokens.revokeConfirmText')}
                  okText={t('apiTokens.revoke')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => revoke.mutate(token)}
                >
                  <Button type="link" size="small" danger data-testid="revoke-token">
                    {t('apiTokens.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('nav.apiTokens')}
        subtitle={t('apiTokens.subtitle')}
        extra={
          can(me, 'api_token:create') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setParams({ create: '1' }, { replace: true })}
              block={mobile}
              data-testid="new-token"
            >
              {t('apiTokens.new')}
            </Button>
          )
        }
      />
      {created && (
        <Alert
          type="warning"
          showIcon
          icon={<WarningOutlined />}
          closable
          onClose={() => setCreated(null)}
          style={{ marginBottom: 16 }}
          data-testid="token-once"
          message={t('apiTokens.createdTitle', { name: created.api_token.name })}
          description={
            <div>
              <p style={{ margin: '4px 0 10px' }}>{t('apiTokens.createdWarning')}</p>
              <div className="token-box">
                <code className="token-value" data-testid="token-value">
                  {created.token}
                </code>
                <Button
                  type="primary"
                  icon={<CopyOutlined />}
                  onClick={() =>
                    navigator.clipboard?.writeText(created.token).then(
                      () => void message.success(t('apiTokens.copied')),
                      () => void message.error(t('apiTokens.copyFailed')),
                    )
                  }
                >
                  {t('apiTokens.copy')}
                </Button>
              </div>
            </div>
          }
        />
      )}
      <Card variant="borderless">
        <label className="toggle-row">
          <Switch checked={includeRevoked} onChange={setIncludeRevoked} size="small" />
          <span>{t('apiTokens.includeRevoked')}</span>
        </label>
        {list.isError ? (
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        ) : mobile ? (
          <div>
            {list.items.length === 0 && !list.isLoading && (
              <Empty description={t('apiTokens.empty')} />
            )}
            {list.items.map((token) => (
              <div key={token.id} className="record-card">
                <div className="record-card-title">
                  <span>{token.name}</span>
                  <TokenStatus token={token} />
                </div>
                <dl className="record-card-meta">
                  <dt>{t('apiTokens.field.prefix')}</dt>
                  <dd>
                    <Typography.Text code>{token.prefix}…</Typography.Text>
                  </dd>
                  <dt>{t('apiTokens.field.createdAt')}</dt>
                  <dd>{formatDateTime(token.created_at, tz)}</dd>
                  <dt>{t('apiTokens.field.expiresAt')}</dt>
                  <dd>
                    {token.expires_at ? formatDateTime(token.expires_at, tz) : t('apiTokens.never')}
                  </dd>
                </dl>
                {canRevoke && !token.revoked_at && (
                  <Popconfirm
                    title={t('apiTokens.revokeConfirm', { name: token.name })}
                    okText={t('apiTokens.revoke')}
                    cancelText={t('common.cancel')}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => revoke.mutate(token)}
                  >
                    <Button danger block style={{ marginTop: 10 }}>
                      {t('apiTokens.revoke')}
                    </Button>
                  </Popconfirm>
                )}
              </div>
            ))}
          </div>
        ) : (
          <Table<ApiToken>
            rowKey="id"
            columns={columns}
            dataSource={list.items}
            loading={list.isLoading}
            pagination={false}
            scroll={{ x: 960 }}
            locale={{ emptyText: <Empty description={t('apiTokens.empty')} /> }}
          />
        )}
        <ListFooter
          shown={list.items.length}
          hasMore={!!list.hasNextPage}
          loading={list.isFetchingNextPage}
          onLoadMore={() => void list.fetchNextPage()}
        />
      </Card>
      {creating && (
        <CreateTokenModal
          onClose={() => setParams({}, { replace: true })}
          onCreated={(token) => {
            setCreated(token);
            setParams({}, { replace: true });
            void queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
          }}
        />
      )}
    </>
  );
}

function CreateTokenModal({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (token: CreatedApiToken) => void;
}) {
  const me = useMe();
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const [form] = Form.useForm<{ name: string; expires_at?: Dayjs | null }>();
  const [grants, setGrants] = useState<Grant[]>([]);
  const [grantsError, setGrantsError] = useState(false);
  const catalog = usePermissionCatalog();
  const handleError = useApiErrorHandler();
  const create = useMutation({
    mutationFn: (body: { name: string; grants: Grant[]; expires_at: string | null }) =>
      unwrap(api.POST('/api/v1/api-tokens', { body })),
  });
  return (
    <Modal
      open
      width={mobile ? '100%' : 980}
      title={t('apiTokens.new')}
      okText={t('apiTokens.createSubmit')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'create-token' } as Record<string, string>}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => {
          if (grants.length === 0) {
            setGrantsError(true);
            return;
          }
          create.mutate(
            {
              name: values.name.trim(),
              grants,
              expires_at: values.expires_at ? values.expires_at.endOf('day').toISOString() : null,
            },
            {
              onSuccess: onCreated,
              onError: (error) => handleError(error, { form, fields: ['name', 'expires_at'] }),
            },
          );
        }}
      >
        <Form.Item
          name="name"
          label={t('apiTokens.field.name')}
          extra={t('apiTokens.hint.name')}
          rules={[{ required: true, whitespace: true, message: t('errors.field.required') }]}
        >
          <Input placeholder={t('apiTokens.namePlaceholder')} data-testid="token-name" />
        </Form.Item>
        <Form.Item
          name="expires_at"
          label={t('apiTokens.field.expiresAt')}
          extra={t('apiTokens.hint.expires')}
        >
          <DatePicker
            disabledDate={(day) => day.isBefore(dayjs(), 'day')}
            style={{ width: mobile ? '100%' : 240 }}
            inputReadOnly={mobile}
          />
        </Form.Item>
        <Form.Item
          label={t('apiTokens.field.permissions')}
          required
          validateStatus={grantsError ? 'error' : undefined}
          help={grantsError ? t('apiTokens.hint.grantsRequired') : t('apiTokens.hint.grants')}
        >
          {catalog.data ? (
            <PermissionGrid
              catalog={catalog.data}
              value={grants}
              onChange={(next) => {
                setGrants(next);
                setGrantsError(false);
              }}
              limitTo={me.permissions}
            />
          ) : catalog.isError ? (
            <ErrorResult error={catalog.error} />
          ) : null}
        </Form.Item>
      </Form>
    </Modal>
  );
}
