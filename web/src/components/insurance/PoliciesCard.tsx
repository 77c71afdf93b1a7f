// A car's insurance policies (交强险 / 商业险) on its page, for whoever may read them, with
// recording a new one for whoever may write them. Shared: the vehicle page shows it, the renewal
// area owns the words (`renewals.*`).
import {
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Switch,
  Table,
  Tag,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '@/api/client';
import type { Schemas } from '@/api/types';
import { useMe } from '@/app/session';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { formatMoney } from '@/lib/format';
import { can } from '@/lib/permissions';

type Policy = Schemas['PolicyView'];

const policiesKey = (vehicleId: string) => ['vehicle-policies', vehicleId] as const;

export function PoliciesCard({ vehicleId }: { vehicleId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const readable = can(me, 'insurance:read');
  const policies = useQuery({
    queryKey: policiesKey(vehicleId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/vehicles/{id}/policies', { params: { path: { id: vehicleId } } })),
    enabled: readable,
  });
  const add = useMutation({
    mutationFn: (body: Schemas['NewPolicy']) =>
      unwrap(
        api.POST('/api/v1/vehicles/{id}/policies', { params: { path: { id: vehicleId } }, body }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: policiesKey(vehicleId) });
      setOpen(false);
      form.resetFields();
    },
  });
  if (!readable) return null;

  const submit = async () => {
    const v = await form.validateFields();
    const day = (d: Dayjs) => d.format('YYYY-MM-DD');
    add.mutate(
      {
        kind: v.kind,
        insurer: v.insurer,
        policy_no: v.policy_no,
        premium_fen: Math.round((v.premium ?? 0) * 100),
        starts_on: day(v.starts_on),
        ends_on: day(v.ends_on),
        sold_here: Boolean(v.sold_here),
      },
      {
        onError: (e) =>
          onError(e, { form, fields: ['kind', 'insurer', 'policy_no', 'starts_on', 'ends_on'] }),
      },
    );
  };

  return (
    <Card
      title={t('renewals.card.policies')}
      variant="borderless"
      data-testid="policies-card"
      extra={
        can(me, 'insurance:write') && (
          <Button size="small" onClick={() => setOpen(true)} data-testid="policy-add">
            {t('renewals.policies.add')}
          </Button>
        )
      }
    >
      <Table<Policy>
        rowKey="id"
        size="small"
        pagination={false}
        loading={policies.isLoading}
        dataSource={policies.data ?? []}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t('renewals.policies.empty')}
            />
          ),
        }}
        columns={[
          {
            title: t('renewals.field.kind'),
            dataIndex: 'kind',
            render: (k: Policy['kind']) => t(`renewals.kind.${k}`),
          },
          { title: t('renewals.field.insurer'), dataIndex: 'insurer' },
          {
            title: t('renewals.field.cover'),
            key: 'cover',
            render: (_, p) => `${p.starts_on} – ${p.ends_on}`,
          },
          {
            title: t('renewals.field.premium'),
            dataIndex: 'premium_fen',
            align: 'right',
            render: (f: number) => <span className="tabular">{formatMoney(f)}</span>,
          },
          {
            title: t('renewals.field.soldHere'),
            dataIndex: 'sold_here',
            render: (here: boolean) => (here ? <Tag color="green">✓</Tag> : null),
          },
        ]}
      />
      <Modal
        open={open}
        title={t('renewals.policies.add')}
        onCancel={() => setOpen(false)}
        onOk={() => void submit()}
        okText={t('common.save')}
        confirmLoading={add.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false} initialValues={{ kind: 'commercial' }}>
          <Form.Item name="kind" label={t('renewals.field.kind')} rules={[{ required: true }]}>
            <Select
              options={(['commercial', 'compulsory'] as const).map((k) => ({
                value: k,
                label: t(`renewals.kind.${k}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="insurer"
            label={t('renewals.field.insurer')}
            rules={[{ required: true, max: 100 }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="policy_no"
            label={t('renewals.field.policyNo')}
            rules={[{ required: true, max: 64 }]}
          >
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item
            name="premium"
            label={t('renewals.field.premium')}
            rules={[{ required: true }]}
          >
            <InputNumber min={0} max={1_000_000} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="starts_on"
            label={t('renewals.field.startsOn')}
            rules={[{ required: true }]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="ends_on" label={t('renewals.field.endsOn')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="sold_here" label={t('renewals.field.soldHere')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
