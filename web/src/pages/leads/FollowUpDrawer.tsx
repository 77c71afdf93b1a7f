// Logging a follow-up: how the customer was reached, what was said, the grade after the talk,
// the next step and (if the customer named one) when to call next. Closes the pushed task.
import { Alert, App, Button, DatePicker, Drawer, Form, Input, Radio } from 'antd';
import type dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { FollowUpChannel, Grade, JudgedGrade, Lead } from '@/api/types';
import { useMe } from '@/app/session';
import { GradePicker } from '@/components/GradePicker';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { fromWallClock } from '@/lib/format';
import { FOLLOW_UP_CHANNELS, JUDGED_GRADES } from '@/lib/sales';
import { useIsMobile } from '@/lib/useIsMobile';
import { useLogFollowUp } from './hooks';

interface Values {
  channel: FollowUpChannel;
  summary: string;
  grade: Grade;
  next_step?: string;
  next_follow_up_at?: dayjs.Dayjs | null;
}

const FIELDS = ['channel', 'summary', 'grade', 'next_step', 'next_follow_up_at'];

export function FollowUpDrawer({
  lead,
  open,
  onClose,
  onConflict,
}: {
  lead: Lead;
  open: boolean;
  onClose: () => void;
  onConflict: () => void;
}) {
  const me = useMe();
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const log = useLogFollowUp(lead.id);
  const handleError = useApiErrorHandler();
  const tz = me.dealer.time_zone;
  const startGrade = (JUDGED_GRADES as readonly string[]).includes(lead.grade)
    ? lead.grade
    : undefined;

  const submit = (values: Values) =>
    log.mutate(
      {
        version: lead.version,
        channel: values.channel,
        summary: values.summary.trim(),
        // The form offers only the judged grades.
        grade: values.grade as JudgedGrade,
        next_step: values.next_step?.trim() || null,
        next_follow_up_at: values.next_follow_up_at
          ? fromWallClock(values.next_follow_up_at, tz)
          : null,
      },
      {
        onSuccess: () => {
          void message.success(t('leads.followUp.saved'));
          form.resetFields();
          onClose();
        },
        onError: (error) =>
          handleError(error, {
            form,
            fields: FIELDS,
            onConflict: () => {
              onClose();
              onConflict();
            },
          }),
      },
    );

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('leads.followUp.title', { name: lead.customer.name })}
      placement={mobile ? 'bottom' : 'right'}
      width={mobile ? undefined : 480}
      height={mobile ? '92%' : undefined}
      destroyOnHidden
      rootClassName="follow-up-drawer"
      footer={
        <div className="form-actions">
          <Button
            type="primary"
            size={mobile ? 'large' : 'middle'}
            block={mobile}
            loading={log.isPending}
            onClick={() => form.submit()}
            data-testid="follow-up-save"
          >
            {t('leads.followUp.save')}
          </Button>
          {!mobile && <Button onClick={onClose}>{t('common.cancel')}</Button>}
        </div>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        size={mobile ? 'large' : 'middle'}
        initialValues={{ channel: 'phone', grade: startGrade }}
        onFinish={submit}
        data-testid="follow-up-form"
      >
        <Form.Item name="channel" label={t('leads.followUp.channel')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={FOLLOW_UP_CHANNELS.map((channel) => ({
              value: channel,
              label: t(`sales.channel.${channel}`),
            }))}
            className="wrap-radio"
            data-testid="follow-up-channel"
          />
        </Form.Item>
        <Form.Item
          name="summary"
          label={t('leads.followUp.summary')}
          rules={[{ required: true, whitespace: true, message: t('errors.field.required') }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={2000}
            placeholder={t('leads.followUp.summaryPlaceholder')}
            data-testid="follow-up-summary"
          />
        </Form.Item>
        <Form.Item
          name="grade"
          label={t('leads.followUp.grade')}
          rules={[{ required: true, message: t('leads.followUp.gradeRequired') }]}
        >
          <GradePicker grades={JUDGED_GRADES} testId="follow-up-grade" />
        </Form.Item>
        <Form.Item name="next_step" label={t('leads.followUp.nextStep')}>
          <Input
            maxLength={200}
            placeholder={t('leads.followUp.nextStepPlaceholder')}
            data-testid="follow-up-next-step"
          />
        </Form.Item>
        <Form.Item
          name="next_follow_up_at"
          label={t('leads.followUp.nextAt')}
          extra={t('leads.followUp.nextAtHint')}
        >
          <DatePicker
            showTime={{ format: 'HH:mm', minuteStep: 15 }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            inputReadOnly={mobile}
            data-testid="follow-up-next-at"
          />
        </Form.Item>
        {lead.follow_up_task_id && (
          <Alert type="info" showIcon message={t('leads.followUp.closesTask')} />
        )}
      </Form>
    </Drawer>
  );
}
