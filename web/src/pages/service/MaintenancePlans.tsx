// The maintenance plans: the dealer's default and one per catalog model (trim), each with its
// interval in km and months and its first service (首保). Adding and changing in a modal (the
// model from the catalog, none for the default); the default cannot be deleted.
import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Cascader,
  Col,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Row,
  Space,
  Table,
  Tag,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isConflict } from '@/api/problem';
import { ErrorResult } from '@/components/Results';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { catalogOptions, findModel, useCatalog } from '@/lib/catalog';
import { display, formatNumber } from '@/lib/format';
import { useIsMobile } from '@/lib/useIsMobile';
import {
  type MaintenancePlan,
  useDeletePlan,
  usePlans,
  useReloadService,
  useSavePlan,
} from './hooks';

interface Values {
  trim?: string[];
  name: string;
  interval_km: number;
  interval_months: number;
  first_km?: number | null;
  first_months?: number | null;
}

const FIELDS = ['name', 'interval_km', 'interval_months', 'first_km', 'first_months'];

function PlanModal({
  plan,
  onClose,
}: {
  /** The plan to change; a new one when absent. */
  plan?: MaintenancePlan;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSavePlan();
  const reload = useReloadService();
  const catalog = useCatalog();
  const handleError = useApiErrorHandler();
  const isDefault = plan !== undefined && !plan.catalog_model_id;
  const path = findModel(catalog.data, plan?.catalog_model_id);
  const submit = (v: Values) => {
    const modelId = v.trim?.[v.trim.length - 1] ?? null;
    save.mutate(
      {
        id: plan?.id,
        body: {
          catalog_model_id: isDefault ? null : modelId,
          name: v.name.trim(),
          interval_km: v.interval_km,
          interval_months: v.interval_months,
          first_km: v.first_km ?? null,
          first_months: v.first_months ?? null,
          version: plan?.version ?? null,
        },
      },
      {
        onSuccess: () => {
          void message.success(t('service.plans.saved'));
          onClose();
        },
        onError: (e) =>
          handleError(e, {
            form,
            fields: FIELDS,
            onConflict: () => {
              void message.warning(t('service.plans.changed'));
              void reload();
              onClose();
            },
          }),
      },
    );
  };
  return (
    <Modal
      open
      title={plan ? t('service.plans.edit') : t('service.plans.add')}
      okText={t('common.save')}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'plan-save' }}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          plan
            ? {
                trim: path ? [path.brand.id, path.series.id, path.model.id] : undefined,
                name: plan.name,
                interval_km: plan.interval_km,
                interval_months: plan.interval_months,
                first_km: plan.first_km,
                first_months: plan.first_months,
              }
            : { interval_km: 5000, interval_months: 6 }
        }
      >
        {!isDefault && (
          <Form.Item
            name="trim"
            label={t('service.plans.model')}
            extra={t('service.plans.modelHint')}
          >
            <Cascader
              allowClear
              showSearch
              options={catalogOptions(catalog.data, (m) => m.name, plan?.catalog_model_id)}
              placeholder={t('service.plans.dealerDefault')}
              data-testid="plan-model"
            />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={t('service.plans.name')}
          rules={[{ required: true, max: 100 }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="interval_km"
              label={t('service.plans.intervalKm')}
              rules={[{ required: true }]}
            >
              <InputNumber min={500} max={100000} step={500} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="interval_months"
              label={t('service.plans.intervalMonths')}
              rules={[{ required: true }]}
            >
              <InputNumber min={1} max={60} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="first_km" label={t('service.plans.firstKm')}>
              <InputNumber min={500} max={100000} step={500} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="first_months"
              label={t('service.plans.firstMonths')}
              dependencies={['first_km']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_, value?: number | null) => {
                    const km = getFieldValue('first_km') as number | null | undefined;
                    if ((km == null) !== (value == null))
                      throw new Error(t('service.plans.firstBoth'));
                  },
                }),
              ]}
            >
              <InputNumber min={1} max={60} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

export function MaintenancePlans() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const plans = usePlans();
  const catalog = useCatalog();
  const remove = useDeletePlan();
  const handleError = useApiErrorHandler();
  const [editing, setEditing] = useState<MaintenancePlan | 'new' | null>(null);

  const modelName = (plan: MaintenancePlan) => {
    if (!plan.catalog_model_id) return <Tag color="blue">{t('service.plans.dealerDefault')}</Tag>;
    const path = findModel(catalog.data, plan.catalog_model_id);
    return path ? `${path.brand.name} ${path.series.name} ${path.model.name}` : display(null);
  };
  const every = (plan: MaintenancePlan) =>
    t('service.plans.every', {
      km: formatNumber(plan.interval_km),
      months: plan.interval_months,
    });
  const first = (plan: MaintenancePlan) =>
    plan.first_km != null && plan.first_months != null
      ? t('service.plans.every', { km: formatNumber(plan.first_km), months: plan.first_months })
      : t('service.plans.asRegular');

  const columns: ColumnsType<MaintenancePlan> = [
    { title: t('service.plans.model'), key: 'model', render: (_, p) => modelName(p) },
    { title: t('service.plans.name'), dataIndex: 'name' },
    { title: t('service.plans.interval'), key: 'interval', render: (_, p) => every(p) },
    { title: t('service.plans.first'), key: 'first', render: (_, p) => first(p) },
    {
      key: 'actions',
      render: (_, p) => (
        <Space>
          <Button size="small" onClick={() => setEditing(p)}>
            {t('common.edit')}
          </Button>
          {p.catalog_model_id && (
            <Popconfirm
              title={t('service.plans.deleteAsk')}
              onConfirm={() =>
                remove.mutate(p.id, {
                  onSuccess: () => void message.success(t('service.plans.deleted')),
                  onError: (e) => (isConflict(e) ? void plans.refetch() : handleError(e)),
                })
              }
            >
              <Button size="small" danger>
                {t('common.delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      variant="borderless"
      title={t('service.plans.title')}
      style={{ marginTop: 16 }}
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="plan-add">
          {t('service.plans.add')}
        </Button>
      }
    >
      {plans.isError ? (
        <ErrorResult error={plans.error} />
      ) : isMobile ? (
        <div>
          {(plans.data ?? []).map((p) => (
            <div key={p.id} className="record-card" data-testid="plan-row">
              <div className="record-card-title">
                <span>{p.name}</span>
                <Button size="small" onClick={() => setEditing(p)}>
                  {t('common.edit')}
                </Button>
              </div>
              <dl className="record-card-meta">
                <dt>{t('service.plans.model')}</dt>
                <dd>{modelName(p)}</dd>
                <dt>{t('service.plans.interval')}</dt>
                <dd>{every(p)}</dd>
                <dt>{t('service.plans.first')}</dt>
                <dd>{first(p)}</dd>
              </dl>
            </div>
          ))}
        </div>
      ) : (
        <Table<MaintenancePlan>
          rowKey="id"
          size="small"
          loading={plans.isLoading}
          columns={columns}
          dataSource={plans.data ?? []}
          pagination={false}
          scroll={{ x: 700 }}
          locale={{ emptyText: <Empty /> }}
        />
      )}
      {editing && (
        <PlanModal
          plan={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}
