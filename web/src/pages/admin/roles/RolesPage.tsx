// Built-in and custom roles; custom ones can be created, edited and deleted.
import { LockOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Role } from '@/api/types';
import { useMe } from '@/app/session';
import { PageHeader } from '@/components/PageHeader';
import { ErrorResult } from '@/components/Results';
import { can } from '@/lib/permissions';
import { roleName, useRoles } from '@/lib/roles';
import { useIsMobile } from '@/lib/useIsMobile';

export default function RolesPage() {
  const me = useMe();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const roles = useRoles();
  const list = roles.data ?? [];

  const description = (role: Role) =>
    role.builtin
      ? t(`roles.builtinDescription.${role.key}`, { defaultValue: '' })
      : role.description;

  const columns: ColumnsType<Role> = [
    {
      title: t('roles.field.name'),
      key: 'name',
      render: (_, role) => (
        <Link to={`/admin/roles/${role.key}`}>
          <strong>{roleName(t, role.key, list)}</strong>
        </Link>
      ),
    },
    {
      title: t('roles.field.key'),
      dataIndex: 'key',
      render: (key: string) => <Typography.Text code>{key}</Typography.Text>,
    },
    {
      title: t('roles.field.kind'),
      key: 'kind',
      render: (_, role) =>
        role.builtin ? (
          <Tag icon={<LockOutlined />}>{t('roles.builtin.label')}</Tag>
        ) : (
          <Tag color="blue">{t('roles.custom')}</Tag>
        ),
    },
    {
      title: t('roles.field.permissions'),
      key: 'grants',
      render: (_, role) => t('roles.permissionCount', { count: role.grants.length }),
    },
    {
      title: t('roles.field.description'),
      key: 'description',
      render: (_, role) => (
        <Typography.Text type="secondary">{description(role) || '—'}</Typography.Text>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.roles')}
        subtitle={t('roles.subtitle')}
        extra={
          can(me, 'role:manage') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate('/admin/roles/new')}
              block={mobile}
              data-testid="new-role"
            >
              {t('roles.new')}
            </Button>
          )
        }
      />
      <Card variant="borderless">
        {roles.isError ? (
          <ErrorResult error={roles.error} onRetry={() => void roles.refetch()} />
        ) : mobile ? (
          <div>
            {roles.isLoading && <Card loading variant="borderless" />}
            {list.map((role) => (
              <Link key={role.key} to={`/admin/roles/${role.key}`} className="record-link">
                <div className="record-card">
                  <div className="record-card-title">
                    <span>{roleName(t, role.key, list)}</span>
                    {role.builtin ? (
                      <Tag icon={<LockOutlined />}>{t('roles.builtin.label')}</Tag>
                    ) : (
                      <Tag color="blue">{t('roles.custom')}</Tag>
                    )}
                  </div>
                  <Typography.Paragraph
                    type="secondary"
                    style={{ margin: '6px 0 0', fontSize: 13 }}
                  >
                    {description(role) || t('roles.permissionCount', { count: role.grants.length })}
                  </Typography.Paragraph>
                </div>
              </Link>
            ))}
          </div>
        ) : (
          <Table<Role>
            rowKey="key"
            columns={columns}
            dataSource={list}
            loading={roles.isLoading}
            pagination={false}
            scroll={{ x: 820 }}
            locale={{ emptyText: <Empty /> }}
            onRow={(role) => ({
              onClick: (event) => {
                if ((event.target as HTMLElement).closest('a')) return;
                navigate(`/admin/roles/${role.key}`);
              },
              style: { cursor: 'pointer' },
            })}
          />
        )}
      </Card>
    </>
  );
}
