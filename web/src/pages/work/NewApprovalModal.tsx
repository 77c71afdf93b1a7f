// Asking for an approval through the generic flow: a discount or a refund (an amount and a
// reason), or giving a customer to another consultant.
import { App, Form, Input, Modal, Select } from 'antd';
import type { ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '@/api/client';
import { useMe } from '@/app/session';
import { CustomerPicker } from '@/components/CustomerPicker';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { parseMoney } from '@/lib/format';
import { can } from '@/lib/permissions';
import { GENERIC_APPROVAL_KINDS, useRefreshWork } from '@/lib/work';
import { useUserOptions } from '@/lib/users';

type Kind = (typeof GENERIC_APPROVAL_KINDS)[number];

interface Values {
  kind: Kind;
  title: string;
  amount?: string;
  reason?: string;
  customer_id?: string | null;
  owner_id?: string;
}

export function NewApprovalModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'discount';
  const [saving, setSaving] = useState(false);
  const onError = useApiErrorHandler();
  const refresh = useRefreshWork();
  const users = useUserOptions(open && kind === 'customer.reassign' && can(me, 'user:read'));
  const kinds = GENERIC_APPROVAL_KINDS.filter(
    (k) => k !== 'customer.reassign' || can(me, 'user:read'),
  );

  const submit = async () => {
    const values = await form.validateFields();
    const reassign = values.kind === 'customer.reassign';
    const payload: Record<string, unknown> = {};
    if (!reassign && values.amount) payload.amount_fen = parseMoney(values.amount);
    if (values.reason?.trim()) payload.reason = values.reason.trim();
    if (reassign) payload.owner_id = values.owner_id;
    setSaving(true);
    try {
      await unwrap(
        api.POST('/api/v1/approvals', {
          body: {
            kind: values.kind,
            title: values.title.trim(),
            ref_type: reassign ? 'customer' : null,
            ref_id: reassign ? (values.customer_id ?? null) : null,
            payload: payload as never,
          },
        }),
      );
      void message.success(t('work.approvals.requested'));
      form.resetFields();
      void refresh();
      onClose();
    } catch (error) {
      onError(error, { form, fields: ['kind', 'title'] });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('work.approvals.new')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('work.approvals.submit')}
      okButtonProps={{ loading: saving, 'data-testid': 'approval-submit' } as ButtonProps}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'discount' }} preserve={false}>
        <Form.Item name="kind" label={t('work.approvals.col.kind')} rules={[{ required: true }]}>
          <Select
            data-testid="approval-kind"
            options={kinds.map((k) => ({
              value: k,
              label: t(`work.approvalKind.${k.replace(/\./g, '_')}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('work.approvals.col.title')}
          rules={[{ required: true, whitespace: true, message: t('work.validation.title') }]}
        >
          <Input maxLength={200} data-testid="approval-title" />
        </Form.Item>
        {kind === 'customer.reassign' ? (
          <>
            <Form.Item
              name="customer_id"
              label={t('work.field.customer')}
              rules={[{ required: true, message: t('work.validation.customer') }]}
            >
              <CustomerPicker />
            </Form.Item>
            <Form.Item
              name="owner_id"
              label={t('work.approvals.newOwner')}
              rules={[{ required: true, message: t('work.validation.owner') }]}
            >
              <Select
                showSearch
                optionFilterProp="label"
                loading={users.isLoading}
                options={(users.data?.items ?? [])
                  .filter((u) => u.status === 'active')
                  .map((u) => ({ value: u.id, label: u.display_name }))}
              />
            </Form.Item>
          </>
        ) : (
          <Form.Item
            name="amount"
            label={t('work.payload.amount_fen')}
            rules={[
              {
                validator: (_, value?: string) =>
                  !value || parseMoney(value) !== null
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('work.validation.amount'))),
              },
            ]}
          >
            <Input prefix="¥" inputMode="decimal" data-testid="approval-amount" />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('work.payload.reason')}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="approval-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
