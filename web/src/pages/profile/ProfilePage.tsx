// The user's own account: name, language, password.
import { App, Button, Card, Descriptions, Form, Input, Select, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '@/api/client';
import type { Locale } from '@/api/types';
import { useMe, useSession } from '@/app/session';
import { ConflictAlert } from '@/components/ConflictAlert';
import { PageHeader } from '@/components/PageHeader';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { applyLocale, LOCALE_NAMES, LOCALES, storedLocale } from '@/i18n';
import { formatDateTime } from '@/lib/format';
import { RoleName } from '@/lib/roles';
import { useIsMobile } from '@/lib/useIsMobile';

export default function ProfilePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'password' ? 'password' : 'profile';
  return (
    <>
      <PageHeader title={t('profile.title')} subtitle={t('profile.subtitle')} />
      <Card variant="borderless" style={{ maxWidth: 760 }} styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'profile' ? {} : { tab: key }, { replace: true })}
          items={[
            { key: 'profile', label: t('profile.tabProfile'), children: <ProfileForm /> },
            { key: 'password', label: t('userMenu.changePassword'), children: <PasswordForm /> },
          ]}
        />
      </Card>
    </>
  );
}

function ProfileForm() {
  const me = useMe();
  const { updateMe } = useSession();
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ display_name: string; locale: Locale | 'dealer' }>();
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState(false);
  const handleError = useApiErrorHandler();
  return (
    <>
      {conflict && (
        <ConflictAlert
          onReload={async () => {
            const fresh = await unwrap(api.GET('/api/v1/me'));
            updateMe(fresh);
            form.setFieldsValue({
              display_name: fresh.user.display_name,
              locale: fresh.user.locale ?? 'dealer',
            });
            setConflict(false);
          }}
        />
      )}
      <Descriptions
        column={1}
        size="small"
        style={{ marginBottom: 16 }}
        styles={{ label: { width: 120 } }}
      >
        <Descriptions.Item label={t('users.field.username')}>{me.user.username}</Descriptions.Item>
        <Descriptions.Item label={t('users.field.role')}>
          <RoleName roleKey={me.role.key} />
        </Descriptions.Item>
        <Descriptions.Item label={t('workbench.dealer')}>{me.dealer.name}</Descriptions.Item>
        <Descriptions.Item label={t('users.field.lastLogin')}>
          {formatDateTime(me.user.last_login_at, me.dealer.time_zone)}
        </Descriptions.Item>
      </Descriptions>
      <Form
        form={form}
        layout={mobile ? 'vertical' : 'horizontal'}
        labelCol={mobile ? undefined : { flex: '140px' }}
        size={mobile ? 'large' : 'middle'}
        initialValues={{ display_name: me.user.display_name, locale: me.user.locale ?? 'dealer' }}
        onFinish={async (values) => {
          setSaving(true);
          try {
            const locale = values.locale === 'dealer' ? null : values.locale;
            const saved = await unwrap(
              api.PATCH('/api/v1/me', {
                body: {
                  version: me.user.version,
                  display_name: values.display_name.trim(),
                  locale,
                },
              }),
            );
            updateMe(saved);
            await applyLocale(locale ?? storedLocale() ?? saved.dealer.locale);
            void message.success(t('common.saved'));
          } catch (error) {
            handleError(error, {
              form,
              fields: ['display_name', 'locale'],
              onConflict: () => setConflict(true),
            });
          } finally {
            setSaving(false);
          }
        }}
      >
        <Form.Item
          name="display_name"
          label={t('users.field.displayName')}
          rules={[{ required: true, whitespace: true, message: t('errors.field.required') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="locale" label={t('users.field.locale')}>
          <Select
            options={[
              { value: 'dealer', label: t('users.localeFollowDealer') },
              ...LOCALES.map((locale) => ({ value: locale, label: LOCALE_NAMES[locale] })),
            ]}
          />
        </Form.Item>
        <Form.Item label={mobile ? undefined : ' '} colon={false}>
          <Button type="primary" htmlType="submit" loading={saving} block={mobile}>
            {t('common.save')}
          </Button>
        </Form.Item>
      </Form>
    </>
  );
}

function PasswordForm() {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const [form] = Form.useForm<{
    current_password: string;
    new_password: string;
    confirm: string;
  }>();
  const [saving, setSaving] = useState(false);
  const handleError = useApiErrorHandler();
  return (
    <Form
      form={form}
      layout={mobile ? 'vertical' : 'horizontal'}
      labelCol={mobile ? undefined : { flex: '140px' }}
      size={mobile ? 'large' : 'middle'}
      style={{ maxWidth: 560 }}
      onFinish={async ({ current_password, new_password }) => {
        setSaving(true);
        try {
          await unwrap(
            api.POST('/api/v1/me/password', { body: { current_password, new_password } }),
          );
          form.resetFields();
          void message.success(t('profile.passwordChanged'));
        } catch (error) {
          handleError(error, { form, fields: ['current_password', 'new_password'] });
        } finally {
          setSaving(false);
        }
      }}
    >
      <Form.Item
        name="current_password"
        label={t('profile.currentPassword')}
        rules={[{ required: true, message: t('errors.field.required') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="new_password"
        label={t('users.field.newPassword')}
        extra={t('users.hint.password')}
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
        dependencies={['new_password']}
        rules={[
          { required: true, message: t('errors.field.required') },
          ({ getFieldValue }) => ({
            validator: async (_, value?: string) => {
              if (value && value !== getFieldValue('new_password')) {
                throw new Error(t('errors.field.passwords_differ'));
              }
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item label={mobile ? undefined : ' '} colon={false}>
        <Button type="primary" htmlType="submit" loading={saving} block={mobile}>
          {t('userMenu.changePassword')}
        </Button>
      </Form.Item>
    </Form>
  );
}
