// The ID number, masked as the server sends it. Those whose role may unmask it ask for the full
// number with a reason, which the server records in the audit log; the number is kept on this
// page only, never cached.
import { EyeOutlined, LockOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '@/api/types';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { useRevealIdNumber } from './hooks';

export function IdNumberReveal({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const reveal = useRevealIdNumber(customer.id);
  const handleError = useApiErrorHandler();
  const [open, setOpen] = useState(false);
  const [revealed, setRevealed] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason: string }>();

  if (!customer.id_number) return <Typography.Text type="secondary">—</Typography.Text>;
  if (revealed) {
    return (
      <span className="tabular" data-testid="id-number-revealed">
        {revealed}
      </span>
    );
  }
  return (
    <Space size={6} wrap>
      <Tooltip title={t('customers.idNumber.maskedHint')}>
        <span className="masked tabular" data-testid="id-number">
          {customer.id_number} <LockOutlined aria-label={t('common.masked')} />
        </span>
      </Tooltip>
      {customer.can_reveal_id_number && (
        <Button
          size="small"
          type="link"
          icon={<EyeOutlined />}
          onClick={() => setOpen(true)}
          data-testid="reveal-id"
        >
          {t('customers.idNumber.reveal')}
        </Button>
      )}
      <Modal
        open={open}
        title={t('customers.idNumber.revealTitle', { name: customer.name })}
        okText={t('customers.idNumber.reveal')}
        cancelText={t('common.cancel')}
        confirmLoading={reveal.isPending}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          {t('customers.idNumber.revealText')}
        </Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={({ reason }) =>
            reveal.mutate(reason.trim(), {
              onSuccess: ({ id_number }) => {
                setRevealed(id_number);
                setOpen(false);
              },
              onError: (error) => handleError(error, { form, fields: ['reason'] }),
            })
          }
        >
          <Form.Item
            name="reason"
            label={t('customers.idNumber.reason')}
            rules={[
              { required: true, whitespace: true, message: t('errors.field.required') },
              { min: 2, message: t('errors.field.too_short', { min: 2 }) },
            ]}
          >
            <Input.TextArea
              rows={2}
              maxLength={200}
              autoFocus
              placeholder={t('customers.idNumber.reasonPlaceholder')}
              data-testid="reveal-reason"
            />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
