// What can be done to the selected customers at once: give them an owner, or add a tag. Both
// are audited by the server; customers already so are left alone.
import { TagOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkAction } from '@/api/types';
import { useMe } from '@/app/session';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { can } from '@/lib/permissions';
import { useUserOptions } from '@/lib/users';
import { useBulkAction } from './hooks';
import { UNOWNED } from './query';

type Which = 'owner' | 'tag' | null;

export function BulkActions({ ids, onDone }: { ids: string[]; onDone: () => void }) {
  const me = useMe();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const bulk = useBulkAction();
  const users = useUserOptions(can(me, 'user:read'));
  const handleError = useApiErrorHandler();
  const [which, setWhich] = useState<Which>(null);
  const [form] = Form.useForm<{ owner?: string; tag?: string }>();

  const run = (action: BulkAction) =>
    bulk.mutate(
      { ids, action },
      {
        onSuccess: ({ changed }) => {
          void message.success(t('customers.bulk.done', { count: changed }));
          setWhich(null);
          onDone();
        },
        onError: (error) => handleError(error),
      },
    );

  return (
    <div className="bulk-bar" data-testid="bulk-bar">
      <Typography.Text strong>
        {t('customers.bulk.selected', { count: ids.length })}
      </Typography.Text>
      <Space wrap>
        {can(me, 'customer:assign') && (
          <Button
            icon={<UserSwitchOutlined />}
            onClick={() => setWhich('owner')}
            data-testid="bulk-assign"
          >
            {t('customers.bulk.assign')}
          </Button>
        )}
        {can(me, 'customer:update') && (
          <Button icon={<TagOutlined />} onClick={() => setWhich('tag')} data-testid="bulk-tag">
            {t('customers.bulk.tag')}
          </Button>
        )}
        <Button type="link" onClick={onDone}>
          {t('customers.bulk.clear')}
        </Button>
      </Space>
      <Modal
        open={which !== null}
        title={
          which === 'owner'
            ? t('customers.bulk.assignTitle', { count: ids.length })
            : t('customers.bulk.tagTitle', { count: ids.length })
        }
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={bulk.isPending}
        onCancel={() => setWhich(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={(values) => {
            if (which === 'owner') {
              run({
                assign_owner: {
                  owner_id: values.owner === UNOWNED ? null : (values.owner ?? null),
                },
              });
            } else if (which === 'tag' && values.tag) {
              run({ add_tag: { tag: values.tag.trim() } });
            }
          }}
        >
          {which === 'owner' ? (
            <Form.Item
              name="owner"
              label={t('customers.field.owner')}
              rules={[{ required: true, message: t('errors.field.required') }]}
            >
              <Select
                showSearch
                optionFilterProp="label"
                options={[
                  { value: UNOWNED, label: t('customers.bulk.toPool') },
                  ...(users.data?.items ?? [])
                    .filter((user) => user.status === 'active')
                    .map((user) => ({ value: user.id, label: user.display_name })),
                ]}
                data-testid="bulk-owner"
              />
            </Form.Item>
          ) : (
            <Form.Item
              name="tag"
              label={t('customers.field.tag')}
              rules={[
                { required: true, whitespace: true, message: t('errors.field.required') },
                { max: 32, message: t('errors.field.too_long', { max: 32 }) },
              ]}
            >
              <Input autoFocus data-testid="bulk-tag-name" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </div>
  );
}
