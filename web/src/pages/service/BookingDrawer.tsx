// Books a car into a workshop day: the customer (searched by name, phone, plate or VIN) and
// their car, the day (with the capacity strip marking the days the job fits), the job and its
// standard time, the advisor and notes. A full day (409 `capacity_full`) says what is left and
// offers the next day the job fits; invalid fields are marked on the form.
import { Alert, App, Button, DatePicker, Drawer, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { capacityFull } from '@/api/problem';
import { useMe } from '@/app/session';
import { CustomerPicker } from '@/components/CustomerPicker';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { todayIn } from '@/lib/format';
import { can } from '@/lib/permissions';
import { useIsMobile } from '@/lib/useIsMobile';
import { useUserOptions } from '@/lib/users';
import { CapacityStrip } from './CapacityStrip';
import { APPOINTMENT_SOURCES, type AppointmentSource, useBook, useCustomerCars } from './hooks';
import { JOB_HOURS, hoursToMinutes, minutesToHours } from './serviceMath';

/** A car chosen before the drawer opens (from the due list). */
export interface BookingCar {
  vehicle_id: string;
  label: string;
  customer_id?: string | null;
  customer_name?: string | null;
}

interface Values {
  customer_id?: string | null;
  vehicle_id?: string;
  on_date: Dayjs;
  job: string;
  job_minutes: number;
  advisor_id?: string | null;
  source: AppointmentSource;
  notes?: string;
}

const FIELDS = ['vehicle_id', 'on_date', 'job', 'job_minutes', 'advisor_id', 'source', 'notes'];

export function BookingDrawer({
  car,
  source = 'phone',
  day,
  onClose,
  onBooked,
}: {
  car?: BookingCar;
  source?: AppointmentSource;
  day?: string;
  onClose: () => void;
  onBooked?: (day: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const tz = me.dealer.time_zone;
  const today = todayIn(tz);
  const isMobile = useIsMobile();
  const [form] = Form.useForm<Values>();
  const book = useBook();
  const handleError = useApiErrorHandler();
  const [full, setFull] = useState<{ left_minutes: number; next_free: string | null } | null>(null);
  const customerId = Form.useWatch('customer_id', form) ?? null;
  const jobMinutes = Form.useWatch('job_minutes', form);
  const advisorId = Form.useWatch('advisor_id', form);
  const onDate = Form.useWatch('on_date', form);
  const cars = useCustomerCars(car ? null : customerId);
  const users = useUserOptions(can(me, 'user:read'));
  const advisors = (users.data?.items ?? []).filter((u) => u.status === 'active');
  const advisorOptions = [
    ...(advisors.some((u) => u.id === me.user.id)
      ? []
      : [{ value: me.user.id, label: me.user.display_name }]),
    ...advisors.map((u) => ({ value: u.id, label: u.display_name })),
  ];

  const pickDay = (date: string) => {
    form.setFieldValue('on_date', dayjs(date));
    setFull(null);
  };

  const submit = (v: Values) => {
    const vehicleId = car?.vehicle_id ?? v.vehicle_id ?? '';
    const onDate = v.on_date.format('YYYY-MM-DD');
    setFull(null);
    book.mutate(
      {
        vehicle_id: vehicleId,
        on_date: onDate,
        job: v.job.trim(),
        job_minutes: v.job_minutes,
        source: v.source,
        advisor_id: v.advisor_id || null,
        notes: v.notes?.trim() || null,
      },
      {
        onSuccess: () => {
          message.success(t('service.book.done', { day: onDate }));
          onBooked?.(onDate);
          onClose();
        },
        onError: (e) => {
          const capacity = capacityFull(e);
          if (capacity) setFull(capacity);
          else
            handleError(e, {
              form,
              fields: car ? FIELDS.filter((f) => f !== 'vehicle_id') : FIELDS,
            });
        },
      },
    );
  };

  return (
    <Drawer
      open
      title={t('service.book.title')}
      width={isMobile ? '100%' : 520}
      onClose={onClose}
      extra={
        <Button
          type="primary"
          loading={book.isPending}
          onClick={() => form.submit()}
          data-testid="booking-submit"
        >
          {t('service.book.submit')}
        </Button>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        size={isMobile ? 'large' : undefined}
        initialValues={{
          on_date: dayjs(day && day >= today ? day : today),
          job_minutes: 60,
          source,
          advisor_id: me.user.id,
          customer_id: car?.customer_id ?? null,
        }}
        onFinish={submit}
        onValuesChange={(changed: Partial<Values>) => {
          if ('customer_id' in changed) form.setFieldValue('vehicle_id', undefined);
          if ('on_date' in changed || 'job_minutes' in changed) setFull(null);
        }}
      >
        {car ? (
          <Form.Item label={t('service.field.car')}>
            <div data-testid="booking-car">
              <strong>{car.label}</strong>
              {car.customer_name && <div className="muted">{car.customer_name}</div>}
            </div>
          </Form.Item>
        ) : (
          <>
            <Form.Item name="customer_id" label={t('service.field.customer')} required>
              <CustomerPicker testId="booking-customer" />
            </Form.Item>
            <Form.Item
              name="vehicle_id"
              label={t('service.field.car')}
              rules={[{ required: true, message: t('service.book.pickCar') }]}
            >
              <Select
                disabled={!customerId}
                loading={cars.isFetching}
                placeholder={customerId ? undefined : t('service.book.customerFirst')}
                notFoundContent={t('service.book.noCars')}
                options={(cars.data?.items ?? []).map((v) => ({
                  value: v.id,
                  label: [v.plate, [v.brand, v.series, v.model].filter(Boolean).join(' ')]
                    .filter(Boolean)
                    .join(' · '),
                }))}
                data-testid="booking-vehicle"
              />
            </Form.Item>
          </>
        )}
        <Form.Item name="job" label={t('service.field.job')} rules={[{ required: true, max: 500 }]}>
          <Input maxLength={500} placeholder={t('service.book.jobPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="job_minutes"
          label={t('service.field.jobTime')}
          rules={[{ required: true }]}
        >
          <Select
            options={JOB_HOURS.map((h) => ({
              value: hoursToMinutes(h),
              label: t('service.hours', { hours: minutesToHours(hoursToMinutes(h)) }),
            }))}
            data-testid="booking-minutes"
          />
        </Form.Item>
        <Form.Item name="on_date" label={t('service.field.day')} rules={[{ required: true }]}>
          <DatePicker
            allowClear={false}
            style={{ width: '100%' }}
            disabledDate={(d) => d.format('YYYY-MM-DD') < today}
            data-testid="booking-day"
          />
        </Form.Item>
        <div style={{ marginBottom: 16 }}>
          <CapacityStrip
            from={today}
            jobMinutes={jobMinutes}
            advisorId={advisorId}
            selected={onDate ? onDate.format('YYYY-MM-DD') : undefined}
            onPick={pickDay}
          />
        </div>
        {full && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="capacity-full"
            message={t('errors.code.capacity_full')}
            description={t('service.book.left', { hours: minutesToHours(full.left_minutes) })}
            action={
              full.next_free ? (
                <Button
                  size="small"
                  type="primary"
                  onClick={() => pickDay(full.next_free ?? today)}
                  data-testid="book-next-free"
                >
                  {t('service.book.onNextFree', { day: full.next_free })}
                </Button>
              ) : undefined
            }
          />
        )}
        <Form.Item name="advisor_id" label={t('service.field.advisor')}>
          <Select allowClear showSearch optionFilterProp="label" options={advisorOptions} />
        </Form.Item>
        <Form.Item name="source" label={t('service.field.source')} rules={[{ required: true }]}>
          <Select
            options={APPOINTMENT_SOURCES.map((s) => ({
              value: s,
              label: t(`service.source.${s}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="notes" label={t('service.field.notes')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
