// Teams and departments: the org chart that data scopes ("team", "dealer") are built on.
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tabs,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Department, Team } from '@/api/types';
import { useMe } from '@/app/session';
import { PageHeader } from '@/components/PageHeader';
import { ErrorResult } from '@/components/Results';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { formatDate } from '@/lib/format';
import { can } from '@/lib/permissions';
import { useIsMobile } from '@/lib/useIsMobile';
import { useDepartments, useTeams } from '@/lib/org';
import { useUserOptions } from '@/lib/users';
import {
  useDeleteDepartment,
  useDeleteTeam,
  useSaveDepartment,
  useSaveTeam,
  type TeamInput,
} from './hooks';

export default function OrgPage() {
  const me = useMe();
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'departments' ? 'departments' : 'teams';
  const items = [
    ...(can(me, 'team:read')
      ? [{ key: 'teams', label: t('org.teams'), children: <TeamsTab /> }]
      : []),
    ...(can(me, 'department:read')
      ? [{ key: 'departments', label: t('org.departments'), children: <DepartmentsTab /> }]
      : []),
  ];
  return (
    <>
      <PageHeader title={t('nav.org')} subtitle={t('org.subtitle')} />
      <Card variant="borderless" styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          activeKey={items.some((item) => item.key === tab) ? tab : items[0]?.key}
          onChange={(key) => setParams(key === 'teams' ? {} : { tab: key }, { replace: true })}
          items={items}
        />
      </Card>
    </>
  );
}

function TeamsTab() {
  const me = useMe();
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const teams = useTeams();
  const departments = useDepartments(can(me, 'department:read'));
  const users = useUserOptions(can(me, 'user:read'));
  const remove = useDeleteTeam();
  const handleError = useApiErrorHandler();
  const [editing, setEditing] = useState<Team | 'new' | null>(null);
  const manage = can(me, 'team:manage');
  const deptName = (id?: string | null) => departments.data?.find((d) => d.id === id)?.name;
  const userName = (id?: string | null) => users.data?.items.find((u) => u.id === id)?.display_name;
  const memberCount = (id: string) => users.data?.items.filter((u) => u.team_id === id).length ?? 0;

  const onDelete = (team: Team) =>
    remove.mutate(team, {
      onSuccess: () => void message.success(t('org.teamDeleted', { name: team.name })),
      onError: (error) => handleError(error),
    });

  const columns: ColumnsType<Team> = [
    {
      title: t('org.field.teamName'),
      dataIndex: 'name',
      render: (name: string) => <strong>{name}</strong>,
    },
    {
      title: t('org.field.department'),
      dataIndex: 'department_id',
      render: (id: string | null) => deptName(id) ?? '—',
    },
    {
      title: t('org.field.leader'),
      dataIndex: 'leader_id',
      render: (id: string | null) => userName(id) ?? '—',
    },
    {
      title: t('org.field.members'),
      key: 'members',
      render: (_, team) => <span className="tabular">{memberCount(team.id)}</span>,
    },
    {
      title: t('org.field.createdAt'),
      dataIndex: 'created_at',
      render: (at: string) => formatDate(at, me.dealer.time_zone),
    },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 150,
            render: (_: unknown, team: Team) => (
              <Space size={4}>
                <Button
                  type="link"
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => setEditing(team)}
                >
                  {t('common.edit')}
                </Button>
                <Popconfirm
                  title={t('org.deleteTeamConfirm', { name: team.name })}
                  okText={t('common.delete')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => onDelete(team)}
                >
                  <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  if (teams.isError)
    return <ErrorResult error={teams.error} onRetry={() => void teams.refetch()} />;
  return (
    <>
      {manage && (
        <div style={{ marginBottom: 12 }}>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            block={mobile}
            data-testid="new-team"
          >
            {t('org.newTeam')}
          </Button>
        </div>
      )}
      {mobile ? (
        <div>
          {(teams.data ?? []).map((team) => (
            <div key={team.id} className="record-card">
              <div className="record-card-title">
                <span>{team.name}</span>
                {manage && (
                  <Button
                    type="link"
                    size="small"
                    icon={<EditOutlined />}
                    onClick={() => setEditing(team)}
                  >
                    {t('common.edit')}
                  </Button>
                )}
              </div>
              <dl className="record-card-meta">
                <dt>{t('org.field.department')}</dt>
                <dd>{deptName(team.department_id) ?? '—'}</dd>
                <dt>{t('org.field.leader')}</dt>
                <dd>{userName(team.leader_id) ?? '—'}</dd>
                <dt>{t('org.field.members')}</dt>
                <dd>{memberCount(team.id)}</dd>
              </dl>
            </div>
          ))}
          {teams.data?.length === 0 && <Empty description={t('org.noTeams')} />}
        </div>
      ) : (
        <Table<Team>
          rowKey="id"
          columns={columns}
          dataSource={teams.data ?? []}
          loading={teams.isLoading}
          pagination={false}
          scroll={{ x: 760 }}
          locale={{ emptyText: <Empty description={t('org.noTeams')} /> }}
        />
      )}
      {editing && (
        <TeamModal
          team={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}

function TeamModal({ team, onClose }: { team?: Team; onClose: () => void }) {
  const me = useMe();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TeamInput>();
  const save = useSaveTeam();
  const departments = useDepartments(can(me, 'department:read'));
  const users = useUserOptions(can(me, 'user:read'));
  const handleError = useApiErrorHandler();
  return (
    <Modal
      open
      title={team ? t('org.editTeam') : t('org.newTeam')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<TeamInput>
        form={form}
        layout="vertical"
        initialValues={{
          name: team?.name ?? '',
          department_id: team?.department_id ?? undefined,
          leader_id: team?.leader_id ?? undefined,
        }}
        onFinish={(input) =>
          save.mutate(
            { team, input: { ...input, name: input.name.trim() } },
            {
              onSuccess: () => {
                void message.success(t('common.saved'));
                onClose();
              },
              onError: (error) =>
                handleError(error, {
                  form,
                  fields: ['name', 'department_id', 'leader_id'],
                  onConflict: () => void message.warning(t('errors.conflict.description')),
                }),
            },
          )
        }
      >
        <Form.Item
          name="name"
          label={t('org.field.teamName')}
          rules={[{ required: true, whitespace: true, message: t('errors.field.required') }]}
        >
          <Input data-testid="team-name" />
        </Form.Item>
        <Form.Item name="department_id" label={t('org.field.department')}>
          <Select
            allowClear
            options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
        <Form.Item name="leader_id" label={t('org.field.leader')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            options={(users.data?.items ?? []).map((u) => ({
              value: u.id,
              label: `${u.display_name} (${u.username})`,
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DepartmentsTab() {
  const me = useMe();
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const departments = useDepartments();
  const teams = useTeams(can(me, 'team:read'));
  const save = useSaveDepartment();
  const remove = useDeleteDepartment();
  const handleError = useApiErrorHandler();
  const [editing, setEditing] = useState<Department | 'new' | null>(null);
  const [form] = Form.useForm<{ name: string }>();
  const manage = can(me, 'department:manage');
  const teamsOf = (id: string) => (teams.data ?? []).filter((team) => team.department_id === id);

  const columns: ColumnsType<Department> = [
    {
      title: t('org.field.departmentName'),
      dataIndex: 'name',
      render: (name: string) => <strong>{name}</strong>,
    },
    {
      title: t('org.teams'),
      key: 'teams',
      render: (_, d) => {
        const list = teamsOf(d.id);
        return list.length ? (
          list.map((team) => team.name).join('、')
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        );
      },
    },
    {
      title: t('org.field.createdAt'),
      dataIndex: 'created_at',
      render: (at: string) => formatDate(at, me.dealer.time_zone),
    },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 150,
            render: (_: unknown, d: Department) => (
              <Space size={4}>
                <Button
                  type="link"
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => setEditing(d)}
                >
                  {t('common.edit')}
                </Button>
                <Popconfirm
                  title={t('org.deleteDepartmentConfirm', { name: d.name })}
                  okText={t('common.delete')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() =>
                    remove.mutate(d, {
                      onSuccess: () =>
                        void message.success(t('org.departmentDeleted', { name: d.name })),
                      onError: (error) => handleError(error),
                    })
                  }
                >
                  <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  if (departments.isError) return <ErrorResult error={departments.error} />;
  return (
    <>
      {manage && (
        <div style={{ marginBottom: 12 }}>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            block={mobile}
          >
            {t('org.newDepartment')}
          </Button>
        </div>
      )}
      <Table<Department>
        rowKey="id"
        columns={columns}
        dataSource={departments.data ?? []}
        loading={departments.isLoading}
        pagination={false}
        scroll={{ x: mobile ? 560 : undefined }}
        locale={{ emptyText: <Empty description={t('org.noDepartments')} /> }}
      />
      {editing && (
        <Modal
          open
          title={editing === 'new' ? t('org.newDepartment') : t('org.editDepartment')}
          okText={t('common.save')}
          cancelText={t('common.cancel')}
          confirmLoading={save.isPending}
          onCancel={() => setEditing(null)}
          onOk={() => form.submit()}
          destroyOnHidden
        >
          <Form
            form={form}
            layout="vertical"
            preserve={false}
            initialValues={{ name: editing === 'new' ? '' : editing.name }}
            onFinish={({ name }) =>
              save.mutate(
                { department: editing === 'new' ? undefined : editing, name: name.trim() },
                {
                  onSuccess: () => {
                    void message.success(t('common.saved'));
                    setEditing(null);
                  },
                  onError: (error) => handleError(error, { form, fields: ['name'] }),
                },
              )
            }
          >
            <Form.Item
              name="name"
              label={t('org.field.departmentName')}
              rules={[{ required: true, whitespace: true, message: t('errors.field.required') }]}
            >
              <Input />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </>
  );
}
