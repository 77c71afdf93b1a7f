// The fields of a user, for creating and editing. Validates in the browser what it can; the
// server's field errors are put next to the same fields by the page.
import { Form, Input, Select, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Locale, User } from '@/api/types';
import { useMe } from '@/app/session';
import { LOCALE_NAMES, LOCALES } from '@/i18n';
import { can } from '@/lib/permissions';
import { roleName, useRoles } from '@/lib/roles';
import { useTeams } from '@/lib/org';

export interface UserFormValues {
  username?: string;
  display_name: string;
  password?: string;
  role: string;
  team_id?: string | null;
  phone?: string | null;
  email?: string | null;
  locale?: Locale | 'dealer';
}

export const USER_FORM_FIELDS = [
  'username',
  'display_name',
  'password',
  'role',
  'team_id',
  'phone',
  'email',
  'locale',
] as const;

export function userToFormValues(user: User): UserFormValues {
  return {
    display_name: user.display_name,
    role: user.role,
    team_id: user.team_id ?? null,
    phone: user.phone ?? '',
    email: user.email ?? '',
    locale: user.locale ?? 'dealer',
  };
}

const PHONE = /^\+?[\d\s-]{5,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function UserFormFields({
  form,
  mode,
  user,
  readOnly = false,
}: {
  form: FormInstance<UserFormValues>;
  mode: 'create' | 'edit';
  user?: User;
  readOnly?: boolean;
}) {
  const me = useMe();
  const { t } = useTranslation();
  const roles = useRoles(can(me, 'role:read'));
  const teams = useTeams(can(me, 'team:read'));
  const contactLocked = !!user?.contact_masked;
  const ownAccount = user?.id === me.user.id;

  return (
    <>
      {mode === 'create' && (
        <Form.Item
          name="username"
          label={t('users.field.username')}
          extra={t('users.hint.username')}
          rules={[
            { required: true, whitespace: true, message: t('errors.field.required') },
            { min: 3, message: t('errors.field.too_short', { min: 3 }) },
            { max: 32, message: t('errors.field.too_long', { max: 32 }) },
            { pattern: /^[A-Za-z0-9._-]+$/, message: t('users.hint.usernameFormat') },
          ]}
        >
          <Input autoComplete="off" autoCapitalize="none" data-testid="field-username" />
        </Form.Item>
      )}
      <Form.Item
        name="display_name"
        label={t('users.field.displayName')}
        rules={[
          { required: true, whitespace: true, message: t('errors.field.required') },
          { max: 64, message: t('errors.field.too_long', { max: 64 }) },
        ]}
      >
        <Input disabled={readOnly} data-testid="field-display-name" />
      </Form.Item>
      {mode === 'create' && (
        <Form.Item
          name="password"
          label={t('users.field.initialPassword')}
          extra={t('users.hint.password')}
          dependencies={['username']}
          rules={[
            { required: true, message: t('errors.field.required') },
            { min: 8, message: t('errors.field.too_short', { min: 8 }) },
            {
              validator: async (_, value?: string) => {
                const username = form.getFieldValue('username') as string | undefined;
                if (value && username && value.toLowerCase() === username.toLowerCase()) {
                  throw new Error(t('errors.field.same_as_username'));
                }
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="field-password" />
        </Form.Item>
      )}
      <Form.Item
        name="role"
        label={t('users.field.role')}
        rules={[{ required: true, message: t('errors.field.required') }]}
        extra={ownAccount ? t('users.hint.ownRole') : undefined}
      >
        <Select
          disabled={readOnly || ownAccount}
          loading={roles.isLoading}
          showSearch
          optionFilterProp="label"
          options={(roles.data ?? []).map((role) => ({
            value: role.key,
            label: roleName(t, role.key, roles.data),
          }))}
          data-testid="field-role"
        />
      </Form.Item>
      <Form.Item name="team_id" label={t('users.field.team')}>
        <Select
          disabled={readOnly}
          allowClear
          placeholder={t('users.noTeam')}
          loading={teams.isLoading}
          options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
          data-testid="field-team"
        />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('users.field.phone')}
        extra={contactLocked ? t('common.maskedHint') : undefined}
        rules={contactLocked ? [] : [{ pattern: PHONE, message: t('errors.field.invalid_phone') }]}
      >
        <Input
          disabled={readOnly || contactLocked}
          inputMode="tel"
          autoComplete="off"
          placeholder="13812345678"
          data-testid="field-phone"
        />
      </Form.Item>
      <Form.Item
        name="email"
        label={t('users.field.email')}
        rules={contactLocked ? [] : [{ pattern: EMAIL, message: t('errors.field.invalid_email') }]}
      >
        <Input
          disabled={readOnly || contactLocked}
          inputMode="email"
          autoComplete="off"
          placeholder="name@example.com"
          data-testid="field-email"
        />
      </Form.Item>
      <Form.Item name="locale" label={t('users.field.locale')}>
        <Select
          disabled={readOnly}
          options={[
            { value: 'dealer', label: t('users.localeFollowDealer') },
            ...LOCALES.map((locale) => ({ value: locale, label: LOCALE_NAMES[locale] })),
          ]}
        />
      </Form.Item>
    </>
  );
}

/** `''` from an emptied input means "none". */
export function blankToNull(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
