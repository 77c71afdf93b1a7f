// One user: edit the profile, role and team; disable or enable, reset the password, unlock.
// A 409 means someone else saved the user meanwhile: the page offers to reload it.
import { CheckCircleOutlined, KeyOutlined, StopOutlined, UnlockOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Form, Input, Modal, Row, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isNotFound } from '@/api/problem';
import type { User, UserPatch } from '@/api/types';
import { useMe } from '@/app/session';
import { ConflictAlert } from '@/components/ConflictAlert';
import { PageHeader } from '@/components/PageHeader';
import { PageSpinner } from '@/components/PageSpinner';
import { ErrorResult, NotFoundResult } from '@/components/Results';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { formatDateTime } from '@/lib/format';
import { can } from '@/lib/permissions';
import { useIsMobile } from '@/lib/useIsMobile';
import { EntityHistory } from '@/components/audit/EntityHistory';
import { isLocked, useResetPassword, useUnlockUser, useUpdateUser, useUser } from './hooks';
import {
  blankToNull,
  USER_FORM_FIELDS,
  userToFormValues,
  UserFormFields,
  type UserFormValues,
} from './UserForm';
import { UserStatusTag } from './UserStatusTag';

/** Only what changed, with the version last read. */
export function userPatch(user: User, values: UserFormValues): UserPatch {
  const patch: UserPatch = { version: user.version };
  const name = values.display_name.trim();
  if (name !== user.display_name) patch.display_name = name;
  if (values.role !== user.role) patch.role = values.role;
  const team = values.team_id ?? null;
  if (team !== (user.team_id ?? null)) patch.team_id = team;
  if (!user.contact_masked) {
    const phone = blankToNull(values.phone);
    if (phone !== (user.phone ?? null)) patch.phone = phone;
    const email = blankToNull(values.email);
    if (email !== (user.email ?? null)) patch.email = email;
  }
  const locale = values.locale && values.locale !== 'dealer' ? values.locale : null;
  if (locale !== (user.locale ?? null)) patch.locale = locale;
  return patch;
}

export default function UserDetailPage() {
  const { id = '' } = useParams();
  const query = useUser(id);
  const { t } = useTranslation();
  if (query.isLoading) return <PageSpinner />;
  if (query.isError) {
    if (isNotFound(query.error)) return <NotFoundResult title={t('users.notFound')} />;
    return <ErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (!query.data) return <NotFoundResult title={t('users.notFound')} />;
  return <UserDetail user={query.data} reload={() => query.refetch()} />;
}

function UserDetail({
  user,
  reload,
}: {
  user: User;
  reload: () => Promise<{ data?: User | undefined }>;
}) {
  const me = useMe();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<UserFormValues>();
  const [conflict, setConflict] = useState(false);
  const [resetOpen, setResetOpen] = useState(false);
  const update = useUpdateUser(user.id);
  const unlock = useUnlockUser(user.id);
  const handleError = useApiErrorHandler();
  const editable = can(me, 'user:update');
  const tz = me.dealer.time_zone;
  const self = user.id === me.user.id;

  const doReload = async () => {
    const fresh = await reload();
    setConflict(false);
    if (fresh.data) {
      form.resetFields();
      form.setFieldsValue(userToFormValues(fresh.data));
    }
  };

  const onFinish = (values: UserFormValues) => {
    const patch = userPatch(user, values);
    if (Object.keys(patch).length === 1) {
      void message.info(t('common.noChanges'));
      return;
    }
    update.mutate(patch, {
      onSuccess: (saved) => {
        setConflict(false);
        void message.success(t('users.saved', { name: saved.display_name }));
        form.setFieldsValue(userToFormValues(saved));
      },
      onError: (error) =>
        handleError(error, { form, fields: USER_FORM_FIELDS, onConflict: () => setConflict(true) }),
    });
  };

  const setStatus = (status: 'active' | 'disabled') => {
    const run = () =>
      update.mutateAsync({ version: user.version, status }).then(
        () =>
          void message.success(
            status === 'disabled' ? t('users.disabledDone') : t('users.enabledDone'),
          ),
        (error: unknown) => handleError(error, { onConflict: () => setConflict(true) }),
      );
    if (status === 'active') {
      void run();
      return;
    }
    modal.confirm({
      title: t('users.disableConfirmTitle', { name: user.display_name }),
      content: t('users.disableConfirmText'),
      okText: t('users.disable'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: run,
    });
  };

  const actions = (
    <Space wrap>
      {can(me, 'user:reset_password') && (
        <Button
          icon={<KeyOutlined />}
          onClick={() => setResetOpen(true)}
          data-testid="reset-password"
        >
          {t('users.resetPassword')}
        </Button>
      )}
      {editable && isLocked(user) && (
        <Button
          icon={<UnlockOutlined />}
          loading={unlock.isPending}
          onClick={() =>
            unlock.mutate(undefined, {
              onSuccess: () => void message.success(t('users.unlocked')),
              onError: (error) => handleError(error),
            })
          }
        >
          {t('users.unlock')}
        </Button>
      )}
      {editable && !self && user.status === 'active' && (
        <Button
          danger
          icon={<StopOutlined />}
          onClick={() => setStatus('disabled')}
          data-testid="disable-user"
        >
          {t('users.disable')}
        </Button>
      )}
      {editable && user.status === 'disabled' && (
        <Button
          icon={<CheckCircleOutlined />}
          onClick={() => setStatus('active')}
          data-testid="enable-user"
        >
          {t('users.enable')}
        </Button>
      )}
    </Space>
  );

  return (
    <>
      <PageHeader
        title={
          <Space size={10} wrap>
            {user.display_name}
            <UserStatusTag user={user} />
          </Space>
        }
        subtitle={user.username}
        crumbs={[{ title: t('nav.users'), to: '/admin/users' }, { title: user.display_name }]}
        extra={actions}
      />
      {conflict && <ConflictAlert onReload={() => void doReload()} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card title={t('users.profileCard')} variant="borderless">
            <Form<UserFormValues>
              key={user.id}
              form={form}
              layout={mobile ? 'vertical' : 'horizontal'}
              labelCol={mobile ? undefined : { flex: '140px' }}
              labelWrap
              initialValues={userToFormValues(user)}
              onFinish={onFinish}
              size={mobile ? 'large' : 'middle'}
              disabled={!editable}
              data-testid="user-form"
            >
              <UserFormFields form={form} mode="edit" user={user} readOnly={!editable} />
              {editable && (
                <Form.Item label={mobile ? undefined : ' '} colon={false}>
                  <div className="form-actions">
                    <Button
                      type="primary"
                      htmlType="submit"
                      loading={update.isPending}
                      block={mobile}
                      data-testid="save-user"
                    >
                      {t('common.save')}
                    </Button>
                    <Button onClick={() => navigate('/admin/users')} block={mobile}>
                      {t('common.back')}
                    </Button>
                  </div>
                </Form.Item>
              )}
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card title={t('users.accountCard')} variant="borderless" style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small" styles={{ label: { width: 110 } }}>
              <Descriptions.Item label={t('users.field.username')}>
                {user.username}
              </Descriptions.Item>
              <Descriptions.Item label={t('users.field.status')}>
                <UserStatusTag user={user} />
              </Descriptions.Item>
              {isLocked(user) && (
                <Descriptions.Item label={t('users.field.lockedUntil')}>
                  {formatDateTime(user.locked_until, tz)}
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('users.field.lastLogin')}>
                {formatDateTime(user.last_login_at, tz)}
              </Descriptions.Item>
              <Descriptions.Item label={t('users.field.createdAt')}>
                {formatDateTime(user.created_at, tz)}
              </Descriptions.Item>
              <Descriptions.Item label={t('users.field.updatedAt')}>
                {formatDateTime(user.updated_at, tz)}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          {can(me, 'audit:read') && (
            <Card title={t('users.historyCard')} variant="borderless">
              <EntityHistory entityType="user" entityId={user.id} />
            </Card>
          )}
        </Col>
      </Row>
      <ResetPasswordModal user={user} open={resetOpen} onClose={() => setResetOpen(false)} />
    </>
  );
}

function ResetPasswordModal({
  user,
  open,
  onClose,
}: {
  user: User;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const reset = useResetPassword(user.id);
  const handleError = useApiErrorHandler();
  return (
    <Modal
      open={open}
      title={t('users.resetPasswordTitle', { name: user.display_name })}
      okText={t('users.resetPassword')}
      cancelText={t('common.cancel')}
      confirmLoading={reset.isPending}
      onCancel={onClose}
      destroyOnHidden
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={({ password }) =>
          reset.mutate(password, {
            onSuccess: () => {
              void message.success(t('users.passwordResetDone'));
              onClose();
            },
            onError: (error) => handleError(error, { form, fields: ['password'] }),
          })
        }
      >
        <p style={{ color: '#5b6579' }}>{t('users.resetPasswordText')}</p>
        <Form.Item
          name="password"
          label={t('users.field.newPassword')}
          rules={[
            { required: true, message: t('errors.field.required') },
            { min: 8, message: t('errors.field.too_short', { min: 8 }) },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('users.field.confirmPassword')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('errors.field.required') },
            ({ getFieldValue }) => ({
              validator: async (_, value?: string) => {
                if (value && value !== getFieldValue('password')) {
                  throw new Error(t('errors.field.passwords_differ'));
                }
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
