// Plans a new activity: kind, subject, customer, start and end (or a due time), reminder. An
// overlap with another activity of the owner shows the conflicting ones and "save anyway".
import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { ButtonProps } from 'antd';
import type dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '@/api/client';
import { useMe } from '@/app/session';
import { CustomerPicker } from '@/components/CustomerPicker';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import {
  ACTIVITY_KINDS,
  activityConflicts,
  fromWallClock,
  isTimed,
  useRefreshWork,
  type Activity,
  type ActivityKind,
  type NewActivity,
} from '@/lib/work';
import { ConflictWarning } from './ConflictWarning';

interface Values {
  kind: ActivityKind;
  subject: string;
  customer_id?: string | null;
  starts_at?: dayjs.Dayjs;
  ends_at?: dayjs.Dayjs;
  due_at?: dayjs.Dayjs;
  remind_minutes_before?: number | null;
  notes?: string;
}

const FIELDS = ['kind', 'subject', 'customer_id', 'starts_at', 'ends_at', 'due_at', 'notes'];

export function ActivityFormModal({
  open,
  onClose,
  start,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  /** A time to start from (the slot clicked in the calendar), as a wall-clock picker value. */
  start?: dayjs.Dayjs | null;
  onCreated?: (activity: Activity) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const tz = useMe().dealer.time_zone;
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'call';
  const [conflicts, setConflicts] = useState<Activity[] | null>(null);
  const [saving, setSaving] = useState(false);
  const onError = useApiErrorHandler();
  const refresh = useRefreshWork();

  const submit = async (allowOverlap: boolean) => {
    const values = await form.validateFields();
    const timed = isTimed(values.kind);
    const body: NewActivity = {
      kind: values.kind,
      subject: values.subject.trim(),
      customer_id: values.customer_id ?? null,
      notes: values.notes?.trim() || null,
      remind_minutes_before: values.remind_minutes_before ?? null,
      starts_at: timed && values.starts_at ? fromWallClock(values.starts_at, tz) : null,
      ends_at: timed && values.ends_at ? fromWallClock(values.ends_at, tz) : null,
      due_at: !timed && values.due_at ? fromWallClock(values.due_at, tz) : null,
      allow_overlap: allowOverlap,
    };
    setSaving(true);
    try {
      const created = await unwrap(api.POST('/api/v1/activities', { body }));
      void message.success(t('work.activity.created'));
      setConflicts(null);
      form.resetFields();
      void refresh();
      onCreated?.(created);
      onClose();
    } catch (error) {
      const found = activityConflicts(error);
      if (found) setConflicts(found);
      else onError(error, { form, fields: FIELDS });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('work.activity.new')}
      onCancel={() => {
        setConflicts(null);
        onClose();
      }}
      onOk={() => void submit(false)}
      okText={t('common.save')}
      okButtonProps={{ loading: saving, 'data-testid': 'activity-save' } as ButtonProps}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (visible) {
          form.resetFields();
          if (start) {
            form.setFieldsValue({
              starts_at: start,
              ends_at: start.add(1, 'hour'),
              due_at: start,
            });
          }
        }
      }}
    >
      {conflicts && (
        <ConflictWarning
          conflicts={conflicts}
          saving={saving}
          onSaveAnyway={() => void submit(true)}
          onDismiss={() => setConflicts(null)}
        />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'call', remind_minutes_before: 15 }}
        onValuesChange={() => conflicts && setConflicts(null)}
        data-testid="activity-form"
      >
        <Form.Item name="kind" label={t('work.field.kind')} rules={[{ required: true }]}>
          <Select
            data-testid="activity-kind"
            options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`work.kind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="subject"
          label={t('work.field.subject')}
          rules={[{ required: true, whitespace: true, message: t('work.validation.subject') }]}
        >
          <Input maxLength={200} data-testid="activity-subject" />
        </Form.Item>
        <Form.Item name="customer_id" label={t('work.field.customer')}>
          <CustomerPicker testId="activity-customer" />
        </Form.Item>
        {isTimed(kind) ? (
          <div className="work-form-pair">
            <Form.Item
              name="starts_at"
              label={t('work.field.startsAt')}
              rules={[{ required: true, message: t('work.validation.start') }]}
            >
              <DatePicker
                showTime={{ format: 'HH:mm', minuteStep: 5 }}
                format="YYYY-MM-DD HH:mm"
                style={{ width: '100%' }}
                data-testid="activity-starts-at"
              />
            </Form.Item>
            <Form.Item
              name="ends_at"
              label={t('work.field.endsAt')}
              dependencies={['starts_at']}
              rules={[
                { required: true, message: t('work.validation.end') },
                ({ getFieldValue }) => ({
                  validator(_, value?: dayjs.Dayjs) {
                    const begin = getFieldValue('starts_at') as dayjs.Dayjs | undefined;
                    if (!value || !begin || value.isAfter(begin)) return Promise.resolve();
                    return Promise.reject(new Error(t('work.validation.endAfterStart')));
                  },
                }),
              ]}
            >
              <DatePicker
                showTime={{ format: 'HH:mm', minuteStep: 5 }}
                format="YYYY-MM-DD HH:mm"
                style={{ width: '100%' }}
                data-testid="activity-ends-at"
              />
            </Form.Item>
          </div>
        ) : (
          <Form.Item
            name="due_at"
            label={t('work.field.dueAt')}
            rules={[{ required: true, message: t('work.validation.due') }]}
          >
            <DatePicker
              showTime={{ format: 'HH:mm', minuteStep: 5 }}
              format="YYYY-MM-DD HH:mm"
              style={{ width: '100%' }}
              data-testid="activity-due-at"
            />
          </Form.Item>
        )}
        <Form.Item name="remind_minutes_before" label={t('work.field.remind')}>
          <InputNumber
            min={0}
            max={10080}
            addonAfter={t('work.minutes')}
            style={{ width: '100%' }}
            data-testid="activity-remind"
          />
        </Form.Item>
        <Form.Item name="notes" label={t('work.field.notes')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
