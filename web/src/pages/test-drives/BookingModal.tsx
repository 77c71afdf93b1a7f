// Booking a test drive (customer, car, when, the driving licence), or moving one to another car
// or time. A slot the car already has shows who has it instead of failing silently.
import { Alert, App, DatePicker, Form, Input, Modal, Select, TimePicker } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorMessage, isApiError, scheduleConflicts } from '@/api/problem';
import type { Booking, ScheduleClash, TestDriveCar } from '@/api/types';
import { useMe } from '@/app/session';
import { CustomerPicker } from '@/components/CustomerPicker';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { formatDate, formatTime, fromWallClock, wallClock } from '@/lib/format';
import { idNumberProblem } from '@/lib/idNumber';
import { nextQuarterHour } from './calendar';
import { useBook, useReschedule } from './hooks';

export const DURATIONS = [30, 45, 60, 90, 120] as const;

interface Values {
  customer_id?: string;
  car_id?: string;
  day?: dayjs.Dayjs;
  start?: dayjs.Dayjs;
  duration: number;
  licence_number?: string;
  notes?: string;
}

export interface BookingDefaults {
  customer?: { id: string; name: string } | null;
  leadId?: string | null;
  carId?: string;
  /** "YYYY-MM-DD" and "HH:mm" in the dealer's zone. */
  day?: string;
  start?: string;
}

/** Where a server field error goes on the form. */
function formField(field: string): keyof Values | null {
  if (field === 'starts_at') return 'start';
  if (field === 'ends_at') return 'duration';
  if (['customer_id', 'car_id', 'licence_number', 'notes'].includes(field)) {
    return field as keyof Values;
  }
  if (field === 'lead_id') return 'customer_id';
  return null;
}

function Clashes({ clashes, bookings }: { clashes: ScheduleClash[]; bookings: Booking[] }) {
  const me = useMe();
  const { t } = useTranslation();
  const tz = me.dealer.time_zone;
  return (
    <Alert
      type="error"
      showIcon
      className="page-alert"
      data-testid="booking-conflict"
      message={t('testDrives.conflict.title')}
      description={
        <ul className="clash-list">
          {clashes.map((clash) => {
            const known = bookings.find((b) => b.id === clash.id);
            const who =
              known && !known.busy_only && known.customer
                ? t('testDrives.conflict.who', {
                    customer: known.customer.name,
                    consultant: known.consultant?.display_name ?? '—',
                  })
                : t('testDrives.conflict.someoneElse');
            return (
              <li key={clash.id} data-testid="clash">
                <span className="tabular">
                  {formatDate(clash.starts_at, tz)} {formatTime(clash.starts_at, tz)}–
                  {formatTime(clash.ends_at, tz)}
                </span>{' '}
                {who}
              </li>
            );
          })}
        </ul>
      }
    />
  );
}

export function BookingModal({
  open,
  booking,
  defaults,
  cars,
  bookings,
  onClose,
}: {
  open: boolean;
  /** The booking being moved; absent for a new one. */
  booking?: Booking | null;
  defaults?: BookingDefaults;
  cars: TestDriveCar[];
  /** What the calendar shows, to name the bookings in the way. */
  bookings: Booking[];
  onClose: (saved?: Booking) => void;
}) {
  const me = useMe();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const tz = me.dealer.time_zone;
  const book = useBook();
  const reschedule = useReschedule(booking?.id ?? '');
  const handleError = useApiErrorHandler();
  const [clashes, setClashes] = useState<ScheduleClash[] | null>(null);
  const moving = !!booking;
  const activeCars = cars.filter((car) => car.active || car.id === booking?.car.id);

  const initial = (): Partial<Values> => {
    if (booking) {
      const start = wallClock(booking.starts_at, tz);
      const minutes = dayjs(booking.ends_at).diff(dayjs(booking.starts_at), 'minute');
      return {
        car_id: booking.car.id,
        day: start.startOf('day'),
        start,
        duration: minutes,
        notes: booking.notes ?? undefined,
      };
    }
    const soon = nextQuarterHour(new Date().toISOString(), tz);
    return {
      customer_id: defaults?.customer?.id,
      car_id: defaults?.carId ?? activeCars[0]?.id,
      day: dayjs(defaults?.day ?? soon.day),
      start: dayjs(`2000-01-01T${defaults?.start ?? soon.start}`),
      duration: 45,
    };
  };

  const onError = (error: unknown) => {
    const found = scheduleConflicts(error);
    if (found) {
      setClashes(found);
      return;
    }
    if (isApiError(error) && error.fieldErrors.length > 0) {
      const grouped = new Map<keyof Values, string[]>();
      for (const fieldError of error.fieldErrors) {
        const field = formField(fieldError.field);
        if (!field) continue;
        const text =
          fieldError.code === 'too_long' && fieldError.field === 'ends_at'
            ? t('testDrives.tooLong', {
                hours: (fieldError.params as { max?: number } | undefined)?.max ?? 4,
              })
            : fieldErrorMessage(t, fieldError);
        grouped.set(field, [...(grouped.get(field) ?? []), text]);
      }
      if (grouped.size === error.fieldErrors.length) {
        form.setFields([...grouped].map(([name, errors]) => ({ name, errors })));
        return;
      }
    }
    handleError(error, { onConflict: () => void message.warning(t('testDrives.stale')) });
  };

  const submit = (values: Values) => {
    if (!values.day || !values.start || !values.car_id) return;
    const start = values.day
      .hour(values.start.hour())
      .minute(values.start.minute())
      .second(0)
      .millisecond(0);
    const startsAt = fromWallClock(start, tz);
    const endsAt = fromWallClock(start.add(values.duration, 'minute'), tz);
    setClashes(null);
    if (booking) {
      reschedule.mutate(
        {
          version: booking.version,
          car_id: values.car_id,
          starts_at: startsAt,
          ends_at: endsAt,
          notes: values.notes?.trim() || null,
        },
        {
          onSuccess: (saved) => {
            void message.success(t('testDrives.rescheduled'));
            onClose(saved);
          },
          onError,
        },
      );
      return;
    }
    if (!values.customer_id) return;
    book.mutate(
      {
        car_id: values.car_id,
        customer_id: values.customer_id,
        lead_id: defaults?.customer?.id === values.customer_id ? (defaults?.leadId ?? null) : null,
        starts_at: startsAt,
        ends_at: endsAt,
        licence_number: values.licence_number?.replace(/\s/g, '').toUpperCase() || null,
        notes: values.notes?.trim() || null,
      },
      {
        onSuccess: (saved) => {
          void message.success(t('testDrives.booked'));
          onClose(saved);
        },
        onError,
      },
    );
  };

  const init = initial();
  const durations = [...new Set([...DURATIONS, init.duration ?? 45])].sort((a, b) => a - b);
  const initialCustomer = defaults?.customer ?? null;

  return (
    <Modal
      open={open}
      title={moving ? t('testDrives.rescheduleTitle') : t('testDrives.bookTitle')}
      okText={moving ? t('testDrives.rescheduleSubmit') : t('testDrives.bookSubmit')}
      okButtonProps={{ 'data-testid': 'booking-submit' }}
      cancelText={t('common.cancel')}
      confirmLoading={book.isPending || reschedule.isPending}
      onCancel={() => onClose()}
      onOk={() => form.submit()}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) setClashes(null);
      }}
    >
      {clashes && <Clashes clashes={clashes} bookings={bookings} />}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={init}
        onFinish={submit}
        onValuesChange={() => clashes && setClashes(null)}
        data-testid="booking-form"
      >
        {moving ? (
          <Form.Item label={t('testDrives.field.customer')}>
            <strong>{booking.customer?.name ?? '—'}</strong>
          </Form.Item>
        ) : (
          <Form.Item
            name="customer_id"
            label={t('testDrives.field.customer')}
            rules={[{ required: true, message: t('errors.field.required') }]}
          >
            <CustomerPicker initial={initialCustomer} testId="booking-customer" />
          </Form.Item>
        )}
        <Form.Item
          name="car_id"
          label={t('testDrives.field.car')}
          rules={[{ required: true, message: t('errors.field.required') }]}
        >
          <Select
            options={activeCars.map((car) => ({
              value: car.id,
              label: car.plate ? `${car.label} · ${car.plate}` : car.label,
            }))}
            data-testid="booking-car"
          />
        </Form.Item>
        <div className="form-row-3">
          <Form.Item
            name="day"
            label={t('testDrives.field.day')}
            rules={[{ required: true, message: t('errors.field.required') }]}
          >
            <DatePicker style={{ width: '100%' }} allowClear={false} data-testid="booking-day" />
          </Form.Item>
          <Form.Item
            name="start"
            label={t('testDrives.field.start')}
            rules={[{ required: true, message: t('errors.field.required') }]}
          >
            <TimePicker
              format="HH:mm"
              minuteStep={15}
              needConfirm={false}
              style={{ width: '100%' }}
              data-testid="booking-start"
            />
          </Form.Item>
          <Form.Item name="duration" label={t('testDrives.field.duration')}>
            <Select
              options={durations.map((d) => ({
                value: d,
                label: t('testDrives.minutes', { count: d }),
              }))}
              data-testid="booking-duration"
            />
          </Form.Item>
        </div>
        {!moving && (
          <Form.Item
            name="licence_number"
            label={t('testDrives.field.licence')}
            extra={t('testDrives.licenceHint')}
            rules={[
              {
                validator: async (_, value?: string) => {
                  if (!value?.trim()) return;
                  const problem = idNumberProblem(value);
                  if (problem) throw new Error(t(`errors.field.${problem}`));
                },
              },
            ]}
          >
            <Input maxLength={20} className="tabular" data-testid="booking-licence" />
          </Form.Item>
        )}
        <Form.Item name="notes" label={t('testDrives.field.notes')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
