// Gives one lead or many to a consultant, or hands them to the marketing pool.
import { Form, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/app/session';
import { can } from '@/lib/permissions';
import { useConsultants } from '@/lib/sales';
import { MARKETING_POOL } from './query';

export interface AssignChoice {
  owner_id: string | null;
  to_marketing: boolean;
}

export function AssignModal({
  open,
  title,
  pending,
  currentOwner,
  onCancel,
  onAssign,
}: {
  open: boolean;
  title: string;
  pending: boolean;
  currentOwner?: string | null;
  onCancel: () => void;
  onAssign: (choice: AssignChoice) => void;
}) {
  const me = useMe();
  const { t } = useTranslation();
  const [form] = Form.useForm<{ owner: string }>();
  const people = useConsultants(open && can(me, 'user:read'));

  return (
    <Modal
      open={open}
      title={title}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      onCancel={onCancel}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'assign-confirm' }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={({ owner }) =>
          onAssign(
            owner === MARKETING_POOL
              ? { owner_id: null, to_marketing: true }
              : { owner_id: owner, to_marketing: false },
          )
        }
      >
        <Form.Item
          name="owner"
          label={t('leads.assign.to')}
          rules={[{ required: true, message: t('errors.field.required') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            loading={people.isLoading}
            options={[
              ...people.consultants
                .filter((user) => user.id !== currentOwner)
                .map((user) => ({ value: user.id, label: user.display_name })),
              { value: MARKETING_POOL, label: t('sales.pool.marketing') },
            ]}
            data-testid="assign-owner"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
