// Editing a customer: the same fields as a new one, saved as a patch with the version read.
// Someone else's save meanwhile is a 409: the page offers to reload. A new phone or ID number
// that belongs to another customer shows the candidates, like creating does.
import { App, Button, Form } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { isNotFound, mergedInto } from '@/api/problem';
import type { Customer, DuplicateCandidate } from '@/api/types';
import { ConflictAlert } from '@/components/ConflictAlert';
import { PageHeader } from '@/components/PageHeader';
import { PageSpinner } from '@/components/PageSpinner';
import { ErrorResult, ForbiddenResult, NotFoundResult } from '@/components/Results';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { useMe } from '@/app/session';
import { can } from '@/lib/permissions';
import { useIsMobile } from '@/lib/useIsMobile';
import {
  CUSTOMER_FORM_FIELDS,
  customerPatch,
  customerToFormValues,
  patchChanges,
  type CustomerFormValues,
} from './customerForm';
import { CustomerFormFields } from './CustomerFormFields';
import { DuplicateAlert } from './DuplicateAlert';
import { duplicateCandidates } from './duplicates';
import { useCustomer, useUpdateCustomer } from './hooks';

export default function CustomerEditPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const query = useCustomer(id);
  const { t } = useTranslation();
  if (!can(me, 'customer:update')) return <ForbiddenResult />;
  if (query.isLoading) return <PageSpinner />;
  if (query.isError) {
    const survivor = mergedInto(query.error);
    if (survivor) return <Navigate to={`/customers/${survivor}/edit`} replace />;
    if (isNotFound(query.error)) return <NotFoundResult title={t('customers.notFound')} />;
    return <ErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (!query.data) return <NotFoundResult title={t('customers.notFound')} />;
  return <CustomerEdit customer={query.data} reload={() => query.refetch()} />;
}

function CustomerEdit({
  customer: latest,
  reload,
}: {
  customer: Customer;
  reload: () => Promise<{ data?: Customer | undefined }>;
}) {
  // The record as it was when editing began: the patch is computed against it and carries its
  // version, so a background refetch can never turn someone else's change into ours.
  const [customer, setBase] = useState(latest);
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const [form] = Form.useForm<CustomerFormValues>();
  const update = useUpdateCustomer(customer.id);
  const handleError = useApiErrorHandler();
  const [conflict, setConflict] = useState(false);
  const [candidates, setCandidates] = useState<DuplicateCandidate[] | null>(null);

  const save = (allowDuplicate: boolean) => {
    const values = form.getFieldsValue(true) as CustomerFormValues;
    const patch = customerPatch(customer, values, { allowDuplicate });
    if (!patchChanges(patch)) {
      void message.info(t('common.noChanges'));
      return;
    }
    update.mutate(patch, {
      onSuccess: (saved) => {
        void message.success(t('customers.saved', { name: saved.name }));
        navigate(`/customers/${saved.id}`);
      },
      onError: (error) => {
        const found = duplicateCandidates(error);
        if (found) {
          setCandidates(found);
          window.scrollTo({ top: 0, behavior: 'smooth' });
          return;
        }
        handleError(error, {
          form,
          fields: CUSTOMER_FORM_FIELDS,
          onConflict: () => setConflict(true),
        });
      },
    });
  };

  const doReload = async () => {
    const fresh = await reload();
    setConflict(false);
    if (fresh.data) {
      setBase(fresh.data);
      form.resetFields();
      form.setFieldsValue(customerToFormValues(fresh.data));
    }
  };

  return (
    <>
      <PageHeader
        title={t('customers.editTitle', { name: customer.name })}
        crumbs={[
          { title: t('nav.customers'), to: '/customers' },
          { title: customer.name, to: `/customers/${customer.id}` },
          { title: t('common.edit') },
        ]}
      />
      {conflict && <ConflictAlert onReload={() => void doReload()} />}
      {candidates && candidates.length > 0 && (
        <DuplicateAlert
          candidates={candidates}
          proceeding={update.isPending}
          proceedLabel={t('customers.duplicate.saveAnyway')}
          onProceed={() => save(true)}
        />
      )}
      <Form<CustomerFormValues>
        key={customer.id}
        form={form}
        layout="vertical"
        size={mobile ? 'large' : 'middle'}
        initialValues={customerToFormValues(customer)}
        onFinish={() => save(false)}
        scrollToFirstError
        className="customer-form"
        data-testid="customer-form"
      >
        <CustomerFormFields form={form} mode="edit" customer={customer} />
        <div className="form-actions form-actions-sticky">
          <Button
            type="primary"
            htmlType="submit"
            loading={update.isPending}
            block={mobile}
            data-testid="save-customer"
          >
            {t('common.save')}
          </Button>
          <Button onClick={() => navigate(`/customers/${customer.id}`)} block={mobile}>
            {t('common.cancel')}
          </Button>
        </div>
      </Form>
    </>
  );
}
