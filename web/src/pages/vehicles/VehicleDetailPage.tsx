// One car: what it is, its mileage readings (and a new one), who owned it when, and a transfer
// to another customer (the previous owner's history stays with them).
import { EditOutlined, SwapOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isNotFound } from '@/api/problem';
import type { Vehicle } from '@/api/types';
import { useMe } from '@/app/session';
import { ConflictAlert } from '@/components/ConflictAlert';
import { PoliciesCard } from '@/components/insurance/PoliciesCard';
import { CustomerPicker } from '@/components/CustomerPicker';
import { PageHeader } from '@/components/PageHeader';
import { VehicleServiceCard } from '@/components/service/VehicleServiceCard';
import { PageSpinner } from '@/components/PageSpinner';
import { ErrorResult, NotFoundResult } from '@/components/Results';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { VehicleFields } from '@/components/vehicles/VehicleFields';
import {
  VEHICLE_FIELDS,
  vehicleName,
  vehiclePatch,
  vehicleToFormValues,
  type VehicleFormValues,
} from '@/components/vehicles/vehicleForm';
import { useCatalog } from '@/lib/catalog';
import { display, formatDateTime, formatNumber } from '@/lib/format';
import { can } from '@/lib/permissions';
import { useIsMobile } from '@/lib/useIsMobile';
import {
  MILEAGE_SOURCES,
  useRecordMileage,
  useTransferVehicle,
  useUpdateVehicle,
  useVehicle,
} from './hooks';
import { VinCell } from './VinCell';

export default function VehicleDetailPage() {
  const { id = '' } = useParams();
  const query = useVehicle(id);
  const { t } = useTranslation();
  if (query.isLoading) return <PageSpinner />;
  if (query.isError) {
    if (isNotFound(query.error)) return <NotFoundResult title={t('vehicles.notFound')} />;
    return <ErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (!query.data) return <NotFoundResult title={t('vehicles.notFound')} />;
  return <VehicleDetail vehicle={query.data} reload={() => void query.refetch()} />;
}

function VehicleDetail({ vehicle, reload }: { vehicle: Vehicle; reload: () => void }) {
  const me = useMe();
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const [editing, setEditing] = useState(false);
  const [transferring, setTransferring] = useState(false);
  const [conflict, setConflict] = useState(false);
  const editable = can(me, 'vehicle:update');
  const tz = me.dealer.time_zone;
  const current = vehicle.ownerships.find(
    (o) => o.customer_id === vehicle.owner_customer_id && !o.ended_on,
  );
  const name = vehicleName(vehicle) || t('vehicles.unknownModel');

  return (
    <>
      <PageHeader
        title={
          <Space size={10} wrap>
            <span className="plate plate-large" data-testid="vehicle-plate">
              {vehicle.plate ?? t('vehicles.noPlate')}
            </span>
            <span>{name}</span>
            {vehicle.bought_here && <Tag color="blue">{t('vehicles.boughtHere')}</Tag>}
          </Space>
        }
        subtitle={
          vehicle.owner_customer_id ? (
            <span>
              {t('vehicles.ownedBy')}{' '}
              <Link to={`/customers/${vehicle.owner_customer_id}`} data-testid="vehicle-owner">
                {current?.customer_name ?? t('vehicles.openOwner')}
              </Link>
            </span>
          ) : (
            t('vehicles.noOwner')
          )
        }
        crumbs={[{ title: t('nav.vehicles'), to: '/vehicles' }, { title: vehicle.plate ?? name }]}
        extra={
          editable && (
            <Space wrap>
              <Button
                icon={<SwapOutlined />}
                onClick={() => setTransferring(true)}
                block={mobile}
                data-testid="transfer"
              >
                {t('vehicles.transfer')}
              </Button>
              <Button
                type="primary"
                icon={<EditOutlined />}
                onClick={() => setEditing(true)}
                block={mobile}
                data-testid="edit-vehicle"
              >
                {t('common.edit')}
              </Button>
            </Space>
          )
        }
      />
      {conflict && (
        <ConflictAlert
          onReload={() => {
            setConflict(false);
            reload();
          }}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card
            title={t('vehicles.card.details')}
            variant="borderless"
            style={{ marginBottom: 16 }}
          >
            <Descriptions column={mobile ? 1 : 2} size="small" styles={{ label: { width: 100 } }}>
              <Descriptions.Item label={t('vehicles.field.vin')} span={mobile ? 1 : 2}>
                <VinCell vehicle={vehicle} />
              </Descriptions.Item>
              <Descriptions.Item label={t('vehicles.field.brand')}>
                {display(vehicle.brand)}
              </Descriptions.Item>
              <Descriptions.Item label={t('vehicles.field.series')}>
                {display(vehicle.series)}
              </Descriptions.Item>
              <Descriptions.Item label={t('vehicles.field.trim')}>
                {display(vehicle.model)}
              </Descriptions.Item>
              <Descriptions.Item label={t('vehicles.field.colour')}>
                {display(vehicle.colour)}
              </Descriptions.Item>
              <Descriptions.Item label={t('vehicles.field.modelYear')}>
                {display(vehicle.model_year)}
              </Descriptions.Item>
              <Descriptions.Item label={t('vehicles.field.purchaseDate')}>
                <span className="tabular">{display(vehicle.purchase_date)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('vehicles.field.boughtHere')}>
                {vehicle.bought_here ? t('common.yes') : t('common.no')}
              </Descriptions.Item>
              <Descriptions.Item label={t('vehicles.field.catalog')}>
                {vehicle.catalog_model_id ? t('vehicles.inCatalog') : t('vehicles.notInCatalog')}
              </Descriptions.Item>
              <Descriptions.Item label={t('vehicles.field.notes')} span={mobile ? 1 : 2}>
                <span className="pre-line">{display(vehicle.notes)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('vehicles.field.updatedAt')}>
                <span className="tabular">{formatDateTime(vehicle.updated_at, tz)}</span>
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <MileageCard vehicle={vehicle} editable={editable} />
          <VehicleServiceCard vehicleId={vehicle.id} />
          <PoliciesCard vehicleId={vehicle.id} />
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('vehicles.card.owners')} variant="borderless" data-testid="ownerships">
            {vehicle.ownerships.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('vehicles.noOwners')} />
            ) : (
              <Timeline
                items={[...vehicle.ownerships].reverse().map((o, index) => ({
                  key: `${o.customer_id}-${o.started_on ?? index}`,
                  color: o.ended_on ? 'gray' : 'green',
                  children: (
                    <div data-testid="ownership">
                      <Link to={`/customers/${o.customer_id}`}>{o.customer_name}</Link>
                      {!o.ended_on && (
                        <Tag color="green" style={{ marginLeft: 8 }}>
                          {t('vehicles.currentOwner')}
                        </Tag>
                      )}
                      <div className="muted tabular" style={{ fontSize: 12 }}>
                        {o.ended_on
                          ? t('vehicles.ownedFromTo', {
                              from: display(o.started_on),
                              to: o.ended_on,
                            })
                          : t('vehicles.ownedSince', { from: display(o.started_on) })}
                      </div>
                    </div>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
      </Row>
      <EditVehicleModal
        vehicle={vehicle}
        open={editing}
        onClose={() => setEditing(false)}
        onConflict={() => {
          setEditing(false);
          setConflict(true);
        }}
      />
      <TransferModal
        vehicle={vehicle}
        open={transferring}
        onClose={() => setTransferring(false)}
        onConflict={() => {
          setTransferring(false);
          setConflict(true);
        }}
      />
    </>
  );
}

function MileageCard({ vehicle, editable }: { vehicle: Vehicle; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mobile = useIsMobile();
  const record = useRecordMileage(vehicle.id);
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<{ km: number; read_on: Dayjs; source: string }>();
  return (
    <Card title={t('vehicles.card.mileage')} variant="borderless" data-testid="mileage-card">
      {editable && (
        <Form
          form={form}
          layout={mobile ? 'vertical' : 'inline'}
          initialValues={{ read_on: dayjs(), source: 'customer' }}
          onFinish={(values) =>
            record.mutate(
              {
                km: values.km,
                read_on: values.read_on.format('YYYY-MM-DD'),
                source: values.source,
              },
              {
                onSuccess: () => {
                  void message.success(t('vehicles.mileageSaved'));
                  form.resetFields(['km']);
                },
                onError: (error) =>
                  handleError(error, { form, fields: ['km', 'read_on', 'source'] }),
              },
            )
          }
          className="mileage-form"
        >
          <Form.Item name="km" rules={[{ required: true, message: t('errors.field.required') }]}>
            <InputNumber
              min={0}
              max={2_000_000}
              precision={0}
              placeholder={t('vehicles.field.km')}
              addonAfter={t('vehicles.km')}
              style={{ width: mobile ? '100%' : 170 }}
              data-testid="mileage-km"
            />
          </Form.Item>
          <Form.Item name="read_on">
            <DatePicker
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              allowClear={false}
              style={{ width: mobile ? '100%' : 140 }}
            />
          </Form.Item>
          <Form.Item name="source">
            <Select
              options={MILEAGE_SOURCES.map((s) => ({
                value: s,
                label: t(`vehicles.readingSource.${s}`),
              }))}
              style={{ width: mobile ? '100%' : 120 }}
            />
          </Form.Item>
          <Form.Item>
            <Button
              htmlType="submit"
              loading={record.isPending}
              block={mobile}
              data-testid="add-mileage"
            >
              {t('vehicles.addReading')}
            </Button>
          </Form.Item>
        </Form>
      )}
      {vehicle.mileage.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('vehicles.noReadings')} />
      ) : (
        <Table
          size="small"
          rowKey={(row) => `${row.read_on}-${row.km}-${row.source}`}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={vehicle.mileage}
          style={{ marginTop: editable ? 12 : 0 }}
          columns={[
            {
              title: t('vehicles.field.readOn'),
              dataIndex: 'read_on',
              render: (d: string) => <span className="tabular">{d}</span>,
            },
            {
              title: t('vehicles.field.km'),
              dataIndex: 'km',
              align: 'right',
              render: (km: number) => <span className="tabular">{formatNumber(km)}</span>,
            },
            {
              title: t('vehicles.field.readingSource'),
              dataIndex: 'source',
              render: (source: string) =>
                t(`vehicles.readingSource.${source}`, { defaultValue: source }),
            },
          ]}
          data-testid="mileage-table"
        />
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('vehicles.mileageHint')}
      </Typography.Text>
    </Card>
  );
}

function EditVehicleModal({
  vehicle,
  open,
  onClose,
  onConflict,
}: {
  vehicle: Vehicle;
  open: boolean;
  onClose: () => void;
  onConflict: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mobile = useIsMobile();
  const catalog = useCatalog();
  const update = useUpdateVehicle(vehicle.id);
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<VehicleFormValues>();
  return (
    <Modal
      open={open}
      title={t('vehicles.editTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      width={mobile ? '100%' : 720}
      destroyOnHidden
    >
      <Form<VehicleFormValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={vehicleToFormValues(vehicle, catalog.data)}
        onFinish={(values) => {
          const patch = vehiclePatch(vehicle, values);
          if (Object.keys(patch).length === 1) {
            void message.info(t('common.noChanges'));
            onClose();
            return;
          }
          update.mutate(patch, {
            onSuccess: () => {
              void message.success(t('vehicles.saved'));
              onClose();
            },
            onError: (error) => handleError(error, { form, fields: VEHICLE_FIELDS, onConflict }),
          });
        }}
      >
        <VehicleFields form={form} keepModelId={vehicle.catalog_model_id} />
      </Form>
    </Modal>
  );
}

function TransferModal({
  vehicle,
  open,
  onClose,
  onConflict,
}: {
  vehicle: Vehicle;
  open: boolean;
  onClose: () => void;
  onConflict: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const transfer = useTransferVehicle(vehicle.id);
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<{ customer_id: string; on: Dayjs }>();
  return (
    <Modal
      open={open}
      title={t('vehicles.transferTitle', { plate: vehicle.plate ?? vehicleName(vehicle) })}
      okText={t('vehicles.transfer')}
      cancelText={t('common.cancel')}
      confirmLoading={transfer.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('vehicles.transferText')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ on: dayjs() }}
        onFinish={(values) =>
          transfer.mutate(
            {
              version: vehicle.version,
              customer_id: values.customer_id,
              on: values.on.format('YYYY-MM-DD'),
            },
            {
              onSuccess: () => {
                void message.success(t('vehicles.transferred'));
                onClose();
              },
              onError: (error) =>
                handleError(error, { form, fields: ['customer_id', 'on'], onConflict }),
            },
          )
        }
      >
        <Form.Item
          name="customer_id"
          label={t('vehicles.newOwner')}
          rules={[{ required: true, message: t('errors.field.required') }]}
        >
          <CustomerPicker
            exclude={vehicle.owner_customer_id ? [vehicle.owner_customer_id] : []}
            testId="transfer-to"
          />
        </Form.Item>
        <Form.Item name="on" label={t('vehicles.transferOn')}>
          <DatePicker
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            allowClear={false}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
