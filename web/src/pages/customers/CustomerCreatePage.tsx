// A new customer: the reception form typed in (or taken at the desk on a phone). A phone, ID
// number or VIN that already exists stops the save and shows who has it; the user opens the
// existing customer or, where the API allows, saves anyway.
import { App, Button, Form } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { DuplicateCandidate } from '@/api/types';
import { useMe } from '@/app/session';
import { PageHeader } from '@/components/PageHeader';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { useIsMobile } from '@/lib/useIsMobile';
import {
  CUSTOMER_FORM_FIELDS,
  emptyCustomerForm,
  toNewCustomer,
  type CustomerFormValues,
} from './customerForm';
import { CustomerFormFields } from './CustomerFormFields';
import { DuplicateAlert } from './DuplicateAlert';
import { duplicateCandidates } from './duplicates';
import { useCreateCustomer } from './hooks';

export default function CustomerCreatePage() {
  const me = useMe();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const [form] = Form.useForm<CustomerFormValues>();
  const create = useCreateCustomer();
  const handleError = useApiErrorHandler();
  const [candidates, setCandidates] = useState<DuplicateCandidate[] | null>(null);

  const save = (allowDuplicate: boolean) => {
    const values = form.getFieldsValue(true) as CustomerFormValues;
    create.mutate(toNewCustomer(values, { allowDuplicate }), {
      onSuccess: (customer) => {
        void message.success(t('customers.created', { name: customer.name }));
        navigate(`/customers/${customer.id}`);
      },
      onError: (error) => {
        const found = duplicateCandidates(error);
        if (found) {
          setCandidates(found);
          window.scrollTo({ top: 0, behavior: 'smooth' });
          return;
        }
        handleError(error, { form, fields: CUSTOMER_FORM_FIELDS });
      },
    });
  };

  return (
    <>
      <PageHeader
        title={t('customers.new')}
        subtitle={t('customers.newSubtitle')}
        crumbs={[{ title: t('nav.customers'), to: '/customers' }, { title: t('customers.new') }]}
      />
      {candidates && candidates.length > 0 && (
        <DuplicateAlert
          candidates={candidates}
          proceeding={create.isPending}
          proceedLabel={t('customers.duplicate.createAnyway')}
          onProceed={() => save(true)}
        />
      )}
      <Form<CustomerFormValues>
        form={form}
        layout="vertical"
        size={mobile ? 'large' : 'middle'}
        initialValues={emptyCustomerForm(me.user.id)}
        onFinish={() => save(false)}
        onValuesChange={(changed: Partial<CustomerFormValues>) => {
          // A changed phone, ID number or car may no longer be a duplicate.
          if (candidates && (changed.phones || changed.id_number || changed.vehicles)) {
            setCandidates(null);
          }
        }}
        scrollToFirstError
        data-testid="customer-form"
        className="customer-form"
      >
        <CustomerFormFields form={form} mode="create" />
        <div className="form-actions form-actions-sticky">
          <Button
            type="primary"
            htmlType="submit"
            loading={create.isPending}
            block={mobile}
            data-testid="save-customer"
          >
            {t('customers.createSubmit')}
          </Button>
          <Button onClick={() => navigate('/customers')} block={mobile}>
            {t('common.cancel')}
          </Button>
        </div>
      </Form>
    </>
  );
}
