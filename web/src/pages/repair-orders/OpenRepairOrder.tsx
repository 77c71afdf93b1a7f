// Opening a repair order at the counter (or beside the car on a phone): for a booked
// appointment (its customer and car, the job as the complaint) or a walk-in (the customer and
// one of their cars); the odometer read now, the complaint, maintenance or repair, the time
// the car is promised back.
import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Checkbox,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Select,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, unwrap } from '@/api/client';
import { useMe } from '@/app/session';
import { CustomerPicker } from '@/components/CustomerPicker';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { display, fromWallClock } from '@/lib/format';
import { useIsMobile } from '@/lib/useIsMobile';
import { useOpenRepairOrder } from './hooks';

interface Values {
  customer_id: string;
  vehicle_id: string;
  odometer_in_km: number;
  complaint: string;
  maintenance: boolean;
  promised_at?: Dayjs;
}

const FIELDS = ['customer_id', 'vehicle_id', 'odometer_in_km', 'complaint', 'promised_at'];

/** The booked appointment a repair order opens from: what the drawer shows and sends. */
export interface FromAppointment {
  id: string;
  customer_name: string | null;
  car_label: string;
  job: string;
  mileage_km: number | null;
}

/** A walk-in's customer and one of their cars (the car's last mileage fills the odometer). */
function WalkIn() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Values>();
  const [customerId, setCustomerId] = useState<string | null>(null);
  const customer = useQuery({
    queryKey: ['customers', customerId],
    queryFn: () =>
      unwrap(api.GET('/api/v1/customers/{id}', { params: { path: { id: customerId ?? '' } } })),
    enabled: customerId !== null,
  });
  const cars = customer.data?.vehicles ?? [];
  return (
    <>
      <Form.Item
        name="customer_id"
        label={t('repairOrders.field.customer')}
        rules={[{ required: true, message: t('repairOrders.required') }]}
      >
        <CustomerPicker
          testId="repair-order-customer"
          onChange={(id) => {
            setCustomerId(id);
            form.setFieldsValue({ customer_id: id ?? undefined, vehicle_id: undefined });
          }}
        />
      </Form.Item>
      <Form.Item
        name="vehicle_id"
        label={t('repairOrders.field.car')}
        rules={[{ required: true, message: t('repairOrders.required') }]}
      >
        <Select
          data-testid="repair-order-car"
          loading={customer.isFetching}
          disabled={customerId === null}
          placeholder={t('repairOrders.pickCar')}
          options={cars.map((v) => ({
            value: v.id,
            label: [v.plate, v.brand, v.series, v.vin].filter(Boolean).join(' · '),
          }))}
          onChange={(id: string) => {
            const km = cars.find((v) => v.id === id)?.mileage_km;
            if (km != null && form.getFieldValue('odometer_in_km') == null) {
              form.setFieldsValue({ odometer_in_km: km });
            }
          }}
        />
      </Form.Item>
    </>
  );
}

export function OpenRepairOrder({
  onClose,
  appointment,
}: {
  onClose: () => void;
  /** Open for this appointment instead of a walk-in. */
  appointment?: FromAppointment;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const open = useOpenRepairOrder();

  const submit = (values: Values) =>
    open.mutate(
      {
        ...(appointment
          ? { appointment_id: appointment.id }
          : { customer_id: values.customer_id, vehicle_id: values.vehicle_id }),
        odometer_in_km: values.odometer_in_km,
        complaint: values.complaint,
        maintenance: values.maintenance,
        promised_at: values.promised_at
          ? fromWallClock(values.promised_at, me.dealer.time_zone)
          : null,
      },
      {
        onSuccess: (order) => navigate(`/repair-orders/${order.id}`),
        onError: (error) => onError(error, { form, fields: FIELDS }),
      },
    );

  return (
    <Drawer
      open
      onClose={onClose}
      title={t('repairOrders.open')}
      width={mobile ? '100%' : 480}
      extra={
        <Button
          type="primary"
          loading={open.isPending}
          onClick={() => form.submit()}
          data-testid="repair-order-open-submit"
        >
          {t('repairOrders.openSubmit')}
        </Button>
      }
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          maintenance: true,
          complaint: appointment?.job,
          odometer_in_km: appointment?.mileage_km ?? undefined,
        }}
      >
        {appointment ? (
          <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('repairOrders.field.customer')}>
              {display(appointment.customer_name)}
            </Descriptions.Item>
            <Descriptions.Item label={t('repairOrders.field.car')}>
              <span className="plate" data-testid="repair-order-from-appointment">
                {appointment.car_label}
              </span>
            </Descriptions.Item>
          </Descriptions>
        ) : (
          <WalkIn />
        )}
        <Form.Item
          name="odometer_in_km"
          label={t('repairOrders.field.odometerIn')}
          rules={[{ required: true, message: t('repairOrders.required') }]}
        >
          <InputNumber
            min={0}
            max={2000000}
            addonAfter="km"
            inputMode="numeric"
            style={{ width: '100%' }}
            data-testid="repair-order-odometer"
          />
        </Form.Item>
        <Form.Item
          name="complaint"
          label={t('repairOrders.field.complaint')}
          rules={[{ required: true, whitespace: true, message: t('repairOrders.required') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} data-testid="repair-order-complaint" />
        </Form.Item>
        <Form.Item name="maintenance" valuePropName="checked">
          <Checkbox>{t('repairOrders.field.maintenance')}</Checkbox>
        </Form.Item>
        <Form.Item name="promised_at" label={t('repairOrders.field.promisedAt')}>
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

/** The drawer for a booked appointment, read by its id (the appointments board links here). */
export function OpenForAppointment({
  appointmentId,
  onClose,
}: {
  appointmentId: string;
  onClose: () => void;
}) {
  const appointment = useQuery({
    queryKey: ['service-appointment', appointmentId],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/service-appointments/{id}', { params: { path: { id: appointmentId } } }),
      ),
  });
  const a = appointment.data;
  if (!a) return null;
  return (
    <OpenRepairOrder
      onClose={onClose}
      appointment={{
        id: a.id,
        customer_name: a.customer?.name ?? null,
        car_label: [a.car?.plate, a.car?.description].filter(Boolean).join(' · ') || '—',
        job: a.job,
        mileage_km: a.car?.mileage_km ?? null,
      }}
    />
  );
}
