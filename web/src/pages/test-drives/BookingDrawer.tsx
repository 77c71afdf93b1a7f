// One booking: who, which car, when, and what can be done with it — move it, call it off or
// record a no-show, and after the drive the customer's feedback (which can change the grade).
import {
  CalendarOutlined,
  CloseCircleOutlined,
  StarOutlined,
  UserDeleteOutlined,
} from '@ant-design/icons';
import { App, Button, Descriptions, Drawer, Form, Input, Modal, Rate, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Booking, Grade, JudgedGrade } from '@/api/types';
import { useMe } from '@/app/session';
import { GradePicker } from '@/components/GradePicker';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { display, formatDate, formatTime } from '@/lib/format';
import { idNumberProblem } from '@/lib/idNumber';
import { can } from '@/lib/permissions';
import { GradeTag, JUDGED_GRADES } from '@/lib/sales';
import { useIsMobile } from '@/lib/useIsMobile';
import { useNow } from '@/lib/useNow';
import { useCancelBooking, useDriveFeedback } from './hooks';

export const STATUS_COLORS: Record<Booking['status'], string> = {
  booked: 'blue',
  done: 'green',
  cancelled: 'default',
  no_show: 'red',
};

interface FeedbackValues {
  rating: number;
  liked?: string;
  concerns?: string;
  grade?: Grade | null;
  licence_number?: string;
}

function FeedbackModal({
  booking,
  open,
  onClose,
}: {
  booking: Booking;
  open: boolean;
  onClose: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FeedbackValues>();
  const feedback = useDriveFeedback(booking.id);
  const handleError = useApiErrorHandler();
  const needsLicence = !booking.licence;
  return (
    <Modal
      open={open}
      title={t('testDrives.feedback.title', { name: booking.customer?.name ?? '' })}
      okText={t('testDrives.feedback.submit')}
      okButtonProps={{ 'data-testid': 'feedback-submit' }}
      cancelText={t('common.cancel')}
      confirmLoading={feedback.isPending}
      onCancel={() => onClose(false)}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<FeedbackValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ rating: 4 }}
        onFinish={(values) =>
          feedback.mutate(
            {
              version: booking.version,
              rating: values.rating,
              liked: values.liked?.trim() || null,
              concerns: values.concerns?.trim() || null,
              // The form offers only the judged grades.
              grade: (values.grade ?? null) as JudgedGrade | null,
              licence_number: values.licence_number?.replace(/\s/g, '').toUpperCase() || null,
            },
            {
              onSuccess: () => {
                void message.success(t('testDrives.feedback.saved'));
                onClose(true);
              },
              onError: (error) =>
                handleError(error, {
                  form,
                  fields: ['rating', 'liked', 'concerns', 'grade', 'licence_number'],
                }),
            },
          )
        }
      >
        <Form.Item
          name="rating"
          label={t('testDrives.feedback.rating')}
          rules={[{ required: true, message: t('errors.field.required') }]}
        >
          <Rate className="big-rate" data-testid="feedback-rating" />
        </Form.Item>
        <Form.Item name="liked" label={t('testDrives.feedback.likedLabel')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
        </Form.Item>
        <Form.Item name="concerns" label={t('testDrives.feedback.concernsLabel')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
        </Form.Item>
        <Form.Item
          name="grade"
          label={t('testDrives.feedback.grade')}
          extra={t('testDrives.feedback.gradeHint')}
        >
          <GradePicker grades={JUDGED_GRADES} clearable testId="feedback-grade" />
        </Form.Item>
        {needsLicence && (
          <Form.Item
            name="licence_number"
            label={t('testDrives.field.licence')}
            rules={[
              { required: true, message: t('testDrives.feedback.licenceRequired') },
              {
                validator: async (_, value?: string) => {
                  if (!value?.trim()) return;
                  const problem = idNumberProblem(value);
                  if (problem) throw new Error(t(`errors.field.${problem}`));
                },
              },
            ]}
          >
            <Input maxLength={20} className="tabular" data-testid="feedback-licence" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export function BookingDrawer({
  booking,
  onClose,
  onReschedule,
}: {
  booking: Booking | null;
  onClose: () => void;
  onReschedule: (booking: Booking) => void;
}) {
  const me = useMe();
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const { message, modal } = App.useApp();
  const [feedbackOpen, setFeedbackOpen] = useState(false);
  const cancel = useCancelBooking(booking?.id ?? '');
  const handleError = useApiErrorHandler();
  const now = useNow(30_000);
  const tz = me.dealer.time_zone;
  if (!booking) return null;
  const canBook = can(me, 'test_drive:book') && !booking.busy_only;
  const started = new Date(booking.starts_at).getTime() <= now;
  const booked = booking.status === 'booked';

  const confirmCancel = (noShow: boolean) =>
    modal.confirm({
      title: noShow ? t('testDrives.noShowConfirm') : t('testDrives.cancelConfirm'),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: true, 'data-testid': 'cancel-confirm' },
      onOk: () =>
        cancel.mutateAsync(
          { version: booking.version, no_show: noShow },
          {
            onSuccess: () => {
              void message.success(noShow ? t('testDrives.noShowDone') : t('testDrives.cancelled'));
              onClose();
            },
            onError: (error) => handleError(error),
          },
        ),
    });

  return (
    <Drawer
      open
      onClose={onClose}
      title={
        booking.busy_only ? t('testDrives.busy') : (booking.customer?.name ?? t('testDrives.busy'))
      }
      placement={mobile ? 'bottom' : 'right'}
      width={mobile ? undefined : 420}
      height={mobile ? 'auto' : undefined}
      data-testid="booking-drawer"
      footer={
        canBook && (
          <div className="lead-actions">
            {booked && (
              <Button
                icon={<CalendarOutlined />}
                onClick={() => onReschedule(booking)}
                data-testid="booking-reschedule"
              >
                {t('testDrives.reschedule')}
              </Button>
            )}
            {booked && started && (
              <Button
                type="primary"
                icon={<StarOutlined />}
                onClick={() => setFeedbackOpen(true)}
                data-testid="booking-feedback"
              >
                {t('testDrives.feedback.button')}
              </Button>
            )}
            {booked && !started && (
              <Button
                danger
                icon={<CloseCircleOutlined />}
                onClick={() => confirmCancel(false)}
                data-testid="booking-cancel"
              >
                {t('testDrives.cancel')}
              </Button>
            )}
            {booked && started && (
              <Button
                danger
                icon={<UserDeleteOutlined />}
                onClick={() => confirmCancel(true)}
                data-testid="booking-no-show"
              >
                {t('testDrives.noShow')}
              </Button>
            )}
          </div>
        )
      }
    >
      <Descriptions column={1} size="small" styles={{ label: { width: 96 } }}>
        <Descriptions.Item label={t('testDrives.field.status')}>
          <Tag color={STATUS_COLORS[booking.status]}>
            {t(`testDrives.status.${booking.status}`)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('testDrives.field.car')}>
          {booking.car.label}
          {booking.car.plate ? ` · ${booking.car.plate}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('testDrives.field.when')}>
          <span className="tabular">
            {formatDate(booking.starts_at, tz)} {formatTime(booking.starts_at, tz)}–
            {formatTime(booking.ends_at, tz)}
          </span>
        </Descriptions.Item>
        {!booking.busy_only && (
          <>
            <Descriptions.Item label={t('testDrives.field.customer')}>
              {booking.lead_id ? (
                <Link to={`/leads/${booking.lead_id}`}>{booking.customer?.name}</Link>
              ) : (
                display(booking.customer?.name)
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('testDrives.field.consultant')}>
              {display(booking.consultant?.display_name)}
            </Descriptions.Item>
            <Descriptions.Item label={t('testDrives.field.licence')}>
              <span className="tabular">{display(booking.licence)}</span>
            </Descriptions.Item>
            {booking.notes && (
              <Descriptions.Item label={t('testDrives.field.notes')}>
                {booking.notes}
              </Descriptions.Item>
            )}
          </>
        )}
        {booking.feedback && (
          <>
            <Descriptions.Item label={t('testDrives.feedback.rating')}>
              <Rate disabled value={booking.feedback.rating} />
            </Descriptions.Item>
            <Descriptions.Item label={t('testDrives.feedback.liked')}>
              {display(booking.feedback.liked)}
            </Descriptions.Item>
            <Descriptions.Item label={t('testDrives.feedback.concerns')}>
              {display(booking.feedback.concerns)}
            </Descriptions.Item>
            {booking.feedback.grade && (
              <Descriptions.Item label={t('testDrives.feedback.grade')}>
                <GradeTag grade={booking.feedback.grade} long />
              </Descriptions.Item>
            )}
          </>
        )}
      </Descriptions>
      <FeedbackModal
        booking={booking}
        open={feedbackOpen}
        onClose={(saved) => {
          setFeedbackOpen(false);
          if (saved) onClose();
        }}
      />
    </Drawer>
  );
}
