// One role: its name and the permission grid. Built-in roles are shown read-only and can be
// copied into a new custom role.
import { CopyOutlined, DeleteOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { isNotFound } from '@/api/problem';
import type { Grant, Role } from '@/api/types';
import { useMe } from '@/app/session';
import { ConflictAlert } from '@/components/ConflictAlert';
import { PageHeader } from '@/components/PageHeader';
import { PageSpinner } from '@/components/PageSpinner';
import { ErrorResult, NotFoundResult } from '@/components/Results';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { can } from '@/lib/permissions';
import { roleName, usePermissionCatalog } from '@/lib/roles';
import { useIsMobile } from '@/lib/useIsMobile';
import { useDeleteRole, useRole, useSaveRole } from './hooks';
import { PermissionGrid } from '@/components/permissions/PermissionGrid';

interface RoleFormValues {
  key: string;
  name: string;
  description?: string;
}

const ROLE_FIELDS = ['key', 'name', 'description'] as const;

export default function RoleEditPage() {
  const { key } = useParams();
  const [params] = useSearchParams();
  const copyFrom = params.get('from') ?? undefined;
  const { t } = useTranslation();
  const role = useRole(key);
  const source = useRole(key ? undefined : copyFrom);
  const catalog = usePermissionCatalog();

  if (role.isLoading || catalog.isLoading || source.isLoading) return <PageSpinner />;
  if (role.isError) {
    if (isNotFound(role.error)) return <NotFoundResult title={t('roles.notFound')} />;
    return <ErrorResult error={role.error} onRetry={() => void role.refetch()} />;
  }
  if (catalog.isError) return <ErrorResult error={catalog.error} />;
  return (
    <RoleEditor
      key={`${role.data?.key ?? 'new'}-${role.data?.version ?? 0}`}
      role={role.data}
      copyOf={source.data}
      catalog={catalog.data ?? []}
      reload={() => role.refetch()}
    />
  );
}

function RoleEditor({
  role,
  copyOf,
  catalog,
  reload,
}: {
  role?: Role;
  copyOf?: Role;
  catalog: NonNullable<ReturnType<typeof usePermissionCatalog>['data']>;
  reload: () => Promise<unknown>;
}) {
  const me = useMe();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<RoleFormValues>();
  const [grants, setGrants] = useState<Grant[]>(role?.grants ?? copyOf?.grants ?? []);
  const [conflict, setConflict] = useState(false);
  const save = useSaveRole();
  const remove = useDeleteRole();
  const handleError = useApiErrorHandler();
  const creating = !role;
  const editable = can(me, 'role:manage') && !role?.builtin;

  useEffect(() => {
    if (copyOf && creating) {
      form.setFieldsValue({
        name: t('roles.copyName', { name: roleName(t, copyOf.key, [copyOf]) }),
      });
    }
  }, [copyOf, creating, form, t]);

  const title = role ? roleName(t, role.key, [role]) : t('roles.new');

  const onFinish = (values: RoleFormValues) => {
    save.mutate(
      {
        role,
        input: {
          key: values.key?.trim() ?? role?.key ?? '',
          name: values.name.trim(),
          description: values.description?.trim() || null,
          grants,
        },
      },
      {
        onSuccess: (saved) => {
          void message.success(t('roles.saved', { name: saved.name ?? saved.key }));
          if (creating) navigate(`/admin/roles/${saved.key}`, { replace: true });
        },
        onError: (error) =>
          handleError(error, { form, fields: ROLE_FIELDS, onConflict: () => setConflict(true) }),
      },
    );
  };

  const onDelete = () => {
    if (!role) return;
    modal.confirm({
      title: t('roles.deleteConfirm', { name: title }),
      content: t('roles.deleteConfirmText'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync(role).then(
          () => {
            void message.success(t('roles.deleted'));
            navigate('/admin/roles', { replace: true });
          },
          (error: unknown) => handleError(error),
        ),
    });
  };

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            {title}
            {role?.builtin && <Tag>{t('roles.builtin.label')}</Tag>}
          </Space>
        }
        subtitle={role ? <span>{role.key}</span> : t('roles.newSubtitle')}
        crumbs={[{ title: t('nav.roles'), to: '/admin/roles' }, { title }]}
        extra={
          <Space wrap>
            {role && can(me, 'role:manage') && (
              <Button
                icon={<CopyOutlined />}
                onClick={() => navigate(`/admin/roles/new?from=${role.key}`)}
              >
                {t('roles.copy')}
              </Button>
            )}
            {role && editable && (
              <Button danger icon={<DeleteOutlined />} onClick={onDelete}>
                {t('common.delete')}
              </Button>
            )}
          </Space>
        }
      />
      {conflict && (
        <ConflictAlert
          onReload={() => {
            setConflict(false);
            void reload();
          }}
        />
      )}
      {role?.builtin && (
        <Alert
          type="info"
          showIcon
          message={t('roles.builtinReadOnly')}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<RoleFormValues>
        form={form}
        layout={mobile ? 'vertical' : 'horizontal'}
        labelCol={mobile ? undefined : { flex: '110px' }}
        initialValues={{
          key: role?.key ?? '',
          name: role ? roleName(t, role.key, [role]) : '',
          description: role?.builtin
            ? t(`roles.builtinDescription.${role.key}`, { defaultValue: '' })
            : (role?.description ?? ''),
        }}
        onFinish={onFinish}
        disabled={!editable}
      >
        <Card title={t('roles.basicsCard')} variant="borderless" style={{ marginBottom: 16 }}>
          <div style={{ maxWidth: 640 }}>
            {creating && (
              <Form.Item
                name="key"
                label={t('roles.field.key')}
                extra={t('roles.hint.key')}
                rules={[
                  { required: true, message: t('errors.field.required') },
                  { pattern: /^[a-z][a-z0-9_]{1,31}$/, message: t('roles.hint.keyFormat') },
                ]}
              >
                <Input
                  autoCapitalize="none"
                  placeholder="used_car_appraiser"
                  data-testid="role-key"
                />
              </Form.Item>
            )}
            <Form.Item
              name="name"
              label={t('roles.field.name')}
              rules={[
                { required: true, whitespace: true, message: t('errors.field.required') },
                { max: 64, message: t('errors.field.too_long', { max: 64 }) },
              ]}
            >
              <Input data-testid="role-name" />
            </Form.Item>
            <Form.Item name="description" label={t('roles.field.description')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
            </Form.Item>
          </div>
        </Card>
        <Card
          title={t('roles.permissionsCard')}
          variant="borderless"
          extra={
            <span className="muted">{t('roles.permissionCount', { count: grants.length })}</span>
          }
        >
          <p className="muted" style={{ marginTop: 0 }}>
            {t('roles.scopeHelp')}
          </p>
          <PermissionGrid
            catalog={catalog}
            value={grants}
            onChange={setGrants}
            readOnly={!editable}
            limitTo={me.permissions}
          />
          {editable && (
            <div className="form-actions" style={{ marginTop: 16 }}>
              <Button
                type="primary"
                htmlType="submit"
                loading={save.isPending}
                block={mobile}
                data-testid="save-role"
              >
                {creating ? t('roles.createSubmit') : t('common.save')}
              </Button>
              <Button onClick={() => navigate('/admin/roles')} block={mobile} disabled={false}>
                {t('common.cancel')}
              </Button>
            </div>
          )}
        </Card>
      </Form>
    </>
  );
}
