// What can be done with a booked appointment: once its day has come, take the car in and open
// its repair order (on the repair orders page, which the workshop owns); move it to another day (a full day says what is left and offers the next
// day the job fits), call it off, or record that the customer did not come (once the day has
// come). An arrived one links to its repair order. A 409 version conflict reloads the day.
import { Alert, App, Button, DatePicker, Dropdown, Modal, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { capacityFull, isConflict } from '@/api/problem';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { CapacityStrip } from './CapacityStrip';
import {
  type Appointment,
  useCancelAppointment,
  useMoveAppointment,
  useNoShow,
  useReloadService,
} from './hooks';
import { minutesToHours } from './serviceMath';

function MoveModal({
  appointment,
  today,
  onClose,
}: {
  appointment: Appointment;
  today: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const move = useMoveAppointment();
  const reload = useReloadService();
  const handleError = useApiErrorHandler();
  const [day, setDay] = useState<Dayjs>(dayjs(appointment.on_date));
  const [full, setFull] = useState<{ left_minutes: number; next_free: string | null } | null>(null);
  const pick = (date: string) => {
    setDay(dayjs(date));
    setFull(null);
  };
  const submit = () => {
    const on_date = day.format('YYYY-MM-DD');
    move.mutate(
      { id: appointment.id, body: { on_date, version: appointment.version } },
      {
        onSuccess: () => {
          message.success(t('service.appointments.moved', { day: on_date }));
          onClose();
        },
        onError: (e) => {
          const capacity = capacityFull(e);
          if (capacity) {
            setFull(capacity);
            return;
          }
          handleError(e, {
            onConflict: () => {
              void message.warning(t('service.appointments.changed'));
              void reload();
              onClose();
            },
          });
        },
      },
    );
  };
  return (
    <Modal
      open
      title={t('service.appointments.moveTitle')}
      okText={t('service.appointments.move')}
      okButtonProps={{ loading: move.isPending, 'data-testid': 'move-submit' }}
      onOk={submit}
      onCancel={onClose}
      width={640}
    >
      <DatePicker
        allowClear={false}
        value={day}
        onChange={(d: Dayjs | null) => d && pick(d.format('YYYY-MM-DD'))}
        disabledDate={(d) => d.format('YYYY-MM-DD') < today}
        style={{ width: '100%', marginBottom: 12 }}
      />
      <CapacityStrip
        from={today}
        jobMinutes={appointment.job_minutes}
        advisorId={appointment.advisor_id}
        selected={day.format('YYYY-MM-DD')}
        onPick={pick}
      />
      {full && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          message={t('errors.code.capacity_full')}
          description={t('service.book.left', { hours: minutesToHours(full.left_minutes) })}
          action={
            full.next_free ? (
              <Button size="small" type="primary" onClick={() => pick(full.next_free ?? today)}>
                {t('service.appointments.moveOnNextFree', { day: full.next_free })}
              </Button>
            ) : undefined
          }
        />
      )}
    </Modal>
  );
}

export function AppointmentActions({
  appointment,
  today,
}: {
  appointment: Appointment;
  today: string;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const cancel = useCancelAppointment();
  const noShow = useNoShow();
  const reload = useReloadService();
  const handleError = useApiErrorHandler();
  const [moving, setMoving] = useState(false);
  const navigate = useNavigate();
  if (appointment.status === 'arrived' && appointment.repair_order_id) {
    return (
      <Link to={`/repair-orders/${appointment.repair_order_id}`} data-testid="appointment-order">
        {t('service.appointments.viewOrder')}
      </Link>
    );
  }
  if (appointment.status !== 'booked') return null;
  const arrivedDay = appointment.on_date <= today;

  const onError = (e: unknown) => {
    if (isConflict(e)) {
      void message.warning(t('service.appointments.changed'));
      void reload();
      return;
    }
    handleError(e);
  };
  const confirm = (kind: 'cancel' | 'noShow') =>
    modal.confirm({
      title: t(
        kind === 'cancel' ? 'service.appointments.cancelAsk' : 'service.appointments.noShowAsk',
      ),
      okText: t(kind === 'cancel' ? 'service.appointments.cancel' : 'service.appointments.noShow'),
      okButtonProps: { danger: true },
      onOk: () =>
        (kind === 'cancel' ? cancel : noShow)
          .mutateAsync({ id: appointment.id, version: appointment.version })
          .then(() => void message.success(t('service.appointments.saved')))
          .catch(onError),
    });

  const items = [
    { key: 'move', label: t('service.appointments.move') },
    { key: 'cancel', label: t('service.appointments.cancel'), danger: true },
    ...(appointment.on_date <= today
      ? [{ key: 'noShow', label: t('service.appointments.noShow'), danger: true }]
      : []),
  ];
  return (
    <Space size={8} wrap>
      {arrivedDay && (
        <Button
          size="small"
          type="primary"
          onClick={() => void navigate(`/repair-orders?appointment=${appointment.id}`)}
          data-testid="appointment-receive"
        >
          {t('service.appointments.receive')}
        </Button>
      )}
      <Dropdown
        trigger={['click']}
        menu={{
          items,
          onClick: ({ key }) => {
            if (key === 'move') setMoving(true);
            else confirm(key as 'cancel' | 'noShow');
          },
        }}
      >
        <Button size="small" data-testid="appointment-actions">
          {t('service.appointments.actions')}
        </Button>
      </Dropdown>
      {moving && (
        <MoveModal appointment={appointment} today={today} onClose={() => setMoving(false)} />
      )}
    </Space>
  );
}
