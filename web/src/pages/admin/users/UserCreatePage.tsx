// A new user of the current dealer.
import { App, Button, Card, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '@/components/PageHeader';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { useIsMobile } from '@/lib/useIsMobile';
import { useCreateUser } from './hooks';
import { blankToNull, USER_FORM_FIELDS, UserFormFields, type UserFormValues } from './UserForm';

export default function UserCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserFormValues>();
  const create = useCreateUser();
  const handleError = useApiErrorHandler();

  const onFinish = (values: UserFormValues) => {
    create.mutate(
      {
        username: (values.username ?? '').trim(),
        display_name: values.display_name.trim(),
        password: values.password ?? '',
        role: values.role,
        team_id: values.team_id ?? null,
        phone: blankToNull(values.phone),
        email: blankToNull(values.email),
        locale: values.locale && values.locale !== 'dealer' ? values.locale : null,
      },
      {
        onSuccess: (user) => {
          void message.success(t('users.created', { name: user.display_name }));
          navigate(`/admin/users/${user.id}`, { replace: true });
        },
        onError: (error) => handleError(error, { form, fields: USER_FORM_FIELDS }),
      },
    );
  };

  return (
    <>
      <PageHeader
        title={t('users.new')}
        crumbs={[{ title: t('nav.users'), to: '/admin/users' }, { title: t('users.new') }]}
      />
      <Card variant="borderless" style={{ maxWidth: 760 }}>
        <Form<UserFormValues>
          form={form}
          layout={mobile ? 'vertical' : 'horizontal'}
          labelCol={mobile ? undefined : { flex: '140px' }}
          labelWrap
          initialValues={{ locale: 'dealer', role: 'sales_consultant' }}
          onFinish={onFinish}
          size={mobile ? 'large' : 'middle'}
          data-testid="user-form"
        >
          <UserFormFields form={form} mode="create" />
          <Form.Item label={mobile ? undefined : ' '} colon={false}>
            <div className="form-actions">
              <Button
                type="primary"
                htmlType="submit"
                loading={create.isPending}
                block={mobile}
                data-testid="save-user"
              >
                {t('users.createSubmit')}
              </Button>
              <Button onClick={() => navigate('/admin/users')} block={mobile}>
                {t('common.cancel')}
              </Button>
            </div>
          </Form.Item>
        </Form>
      </Card>
    </>
  );
}
