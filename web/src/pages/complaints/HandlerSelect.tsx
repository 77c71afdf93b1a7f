// Picks the member of staff who handles a complaint: the dealer's active users by name (the
// server checks the one chosen may be given it).
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/app/session';
import { can } from '@/lib/permissions';
import { useUserOptions } from '@/lib/users';

/** A form control: the chosen user's id. */
export function HandlerSelect({
  value,
  onChange,
  exclude,
  testId,
}: {
  value?: string | null;
  onChange?: (id: string | undefined) => void;
  /** Users not to offer (the current handler when reassigning). */
  exclude?: string | null;
  testId?: string;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const users = useUserOptions(can(me, 'user:read'));
  const options = (users.data?.items ?? [])
    .filter((u) => u.status === 'active' && u.id !== exclude)
    .map((u) => ({ value: u.id, label: u.display_name }));
  return (
    <Select
      showSearch
      allowClear
      optionFilterProp="label"
      value={value ?? undefined}
      onChange={(id?: string) => onChange?.(id)}
      loading={users.isLoading}
      placeholder={t('complaints.form.pickHandler')}
      options={options}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
