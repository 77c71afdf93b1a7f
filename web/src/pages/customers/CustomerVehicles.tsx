// The customer's cars on the 360° page: each with plate, model, VIN (and a warning when its
// check digit is wrong), and its mileage readings over time. Adding a car opens a form.
import { CarOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { App, Button, Card, Collapse, Empty, Form, Modal, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Customer, Vehicle } from '@/api/types';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { VehicleFields } from '@/components/vehicles/VehicleFields';
import {
  toVehicleInput,
  VEHICLE_FIELDS,
  vehicleName,
  type VehicleFormValues,
} from '@/components/vehicles/vehicleForm';
import { display, formatNumber } from '@/lib/format';
import { useIsMobile } from '@/lib/useIsMobile';
import { useAddVehicle } from '@/components/vehicles/useAddVehicle';

function VehicleItem({ vehicle }: { vehicle: Vehicle }) {
  const { t } = useTranslation();
  return (
    <div className="vehicle-item" data-testid="customer-vehicle">
      <div className="vehicle-item-head">
        <Space size={10} wrap>
          <span className="plate">{vehicle.plate ?? t('vehicles.noPlate')}</span>
          <Link to={`/vehicles/${vehicle.id}`} className="vehicle-item-name">
            {vehicleName(vehicle) || t('vehicles.unknownModel')}
          </Link>
          {vehicle.bought_here && <Tag color="blue">{t('vehicles.boughtHere')}</Tag>}
        </Space>
        {vehicle.mileage_km !== null && vehicle.mileage_km !== undefined && (
          <span className="tabular vehicle-item-km">
            {t('vehicles.kmValue', { km: formatNumber(vehicle.mileage_km) })}
          </span>
        )}
      </div>
      <dl className="record-card-meta vehicle-item-meta">
        <dt>{t('vehicles.field.vin')}</dt>
        <dd className="tabular">
          {display(vehicle.vin)}{' '}
          {vehicle.vin && !vehicle.vin_check_ok && (
            <Tooltip title={t('vehicles.vinCheckKept')}>
              <WarningOutlined className="warning-icon" aria-label={t('vehicles.vinCheckKept')} />
            </Tooltip>
          )}
        </dd>
        <dt>{t('vehicles.field.colour')}</dt>
        <dd>{display(vehicle.colour)}</dd>
        <dt>{t('vehicles.field.modelYear')}</dt>
        <dd>{display(vehicle.model_year)}</dd>
        <dt>{t('vehicles.field.purchaseDate')}</dt>
        <dd className="tabular">{display(vehicle.purchase_date)}</dd>
      </dl>
      {vehicle.mileage.length > 0 && (
        <Collapse
          ghost
          size="small"
          items={[
            {
              key: 'mileage',
              label: t('vehicles.mileageHistory', { count: vehicle.mileage.length }),
              children: (
                <Table
                  size="small"
                  rowKey={(row) => `${row.read_on}-${row.km}`}
                  pagination={false}
                  dataSource={vehicle.mileage}
                  columns={[
                    {
                      title: t('vehicles.field.readOn'),
                      dataIndex: 'read_on',
                      className: 'tabular',
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
                />
              ),
            },
          ]}
        />
      )}
    </div>
  );
}

export function CustomerVehicles({ customer, canAdd }: { customer: Customer; canAdd: boolean }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<VehicleFormValues>();
  const add = useAddVehicle(customer.id);
  const handleError = useApiErrorHandler();

  return (
    <Card
      title={
        <Space>
          <CarOutlined />
          {t('customers.card.vehicles', { count: customer.vehicles.length })}
        </Space>
      }
      variant="borderless"
      extra={
        canAdd && (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setOpen(true)}
            data-testid="add-vehicle"
          >
            {t('vehicles.add')}
          </Button>
        )
      }
      data-testid="vehicles-card"
    >
      {customer.vehicles.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('vehicles.noneYet')} />
      ) : (
        customer.vehicles.map((vehicle) => <VehicleItem key={vehicle.id} vehicle={vehicle} />)
      )}
      <Modal
        open={open}
        title={t('vehicles.addTitle', { name: customer.name })}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={add.isPending}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        width={mobile ? '100%' : 720}
        destroyOnHidden
      >
        <Form<VehicleFormValues>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ from_catalog: true, bought_here: false }}
          onFinish={(values) =>
            add.mutate(
              { ...toVehicleInput(values), customer_id: customer.id },
              {
                onSuccess: () => {
                  void message.success(t('vehicles.added'));
                  setOpen(false);
                },
                onError: (error) => handleError(error, { form, fields: VEHICLE_FIELDS }),
              },
            )
          }
        >
          <VehicleFields form={form} withMileage />
        </Form>
      </Modal>
    </Card>
  );
}
