// The user's saved views of the customer list: apply one, save the current filters as one,
// delete one. A view stores the list's API query, so other clients can use it too.
import { DeleteOutlined, EyeOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Form, Input, Modal, type MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/app/session';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { useCreateSavedView, useDeleteSavedView, useSavedViews } from './hooks';
import {
  customerListQuery,
  filtersFromSavedQuery,
  hasFilters,
  type CustomerFilters,
} from './query';

export function SavedViews({
  filters,
  apply,
  block,
}: {
  filters: CustomerFilters;
  apply: (filters: CustomerFilters) => void;
  block?: boolean;
}) {
  const me = useMe();
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const views = useSavedViews('customers');
  const create = useCreateSavedView();
  const remove = useDeleteSavedView();
  const handleError = useApiErrorHandler();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ name: string }>();
  const tz = me.dealer.time_zone;

  const items: MenuProps['items'] = [
    ...(views.data ?? []).map((view) => ({
      key: view.id,
      label: (
        <span className="saved-view-item" data-testid="saved-view">
          <span>{view.name}</span>
          <DeleteOutlined
            className="muted"
            aria-label={t('common.delete')}
            onClick={(event) => {
              event.stopPropagation();
              modal.confirm({
                title: t('customers.views.deleteConfirm', { name: view.name }),
                okText: t('common.delete'),
                okButtonProps: { danger: true },
                cancelText: t('common.cancel'),
                onOk: () =>
                  remove.mutateAsync(view.id).then(
                    () => void message.success(t('customers.views.deleted')),
                    (error: unknown) => handleError(error),
                  ),
              });
            }}
          />
        </span>
      ),
      onClick: () => apply(filtersFromSavedQuery(view.query, tz)),
    })),
    ...(views.data && views.data.length > 0 ? [{ type: 'divider' as const }] : []),
    {
      key: 'save',
      icon: <SaveOutlined />,
      label: t('customers.views.save'),
      disabled: !hasFilters(filters) && !filters.sort,
      onClick: () => setOpen(true),
    },
  ];

  return (
    <>
      <Dropdown menu={{ items }} trigger={['click']}>
        <Button icon={<EyeOutlined />} block={block} data-testid="saved-views">
          {t('customers.views.title')}
        </Button>
      </Dropdown>
      <Modal
        open={open}
        title={t('customers.views.save')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={create.isPending}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={({ name }) =>
            create.mutate(
              { resource: 'customers', name: name.trim(), query: customerListQuery(filters, tz) },
              {
                onSuccess: () => {
                  void message.success(t('customers.views.saved', { name: name.trim() }));
                  setOpen(false);
                },
                onError: (error) => handleError(error, { form, fields: ['name'] }),
              },
            )
          }
        >
          <Form.Item
            name="name"
            label={t('customers.views.name')}
            rules={[
              { required: true, whitespace: true, message: t('errors.field.required') },
              { max: 64, message: t('errors.field.too_long', { max: 64 }) },
            ]}
          >
            <Input autoFocus data-testid="saved-view-name" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
