// The workshop's settings: bays, the working day (times of day kept as minutes after midnight),
// the working weekdays, an advisor's daily hours, the labour rate in yuan (sent as fen), the
// distance assumed per year, the reminders and the renewal window. A 409 version conflict shows
// the reload banner.
import {
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Switch,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictAlert } from '@/components/ConflictAlert';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { formatMoney, parseMoney } from '@/lib/format';
import { useIsMobile } from '@/lib/useIsMobile';
import { type ServiceSettings, useUpdateServiceSettings } from './hooks';
import { hoursToMinutes, minutesToHours, minutesToTime, normaliseWorkingDays } from './serviceMath';

interface Values {
  bays: number;
  day_starts_min: number;
  day_ends_min: number;
  working_days: number[];
  advisor_daily_hours: number;
  labour_rate: string;
  fallback_km_per_year: number;
  reminder_days_before: number;
  remind_by_task: boolean;
  remind_by_message: boolean;
  renewal_window_days: number;
}

const FIELDS = [
  'bays',
  'day_starts_min',
  'day_ends_min',
  'working_days',
  'fallback_km_per_year',
  'reminder_days_before',
  'remind_by_task',
  'remind_by_message',
  'renewal_window_days',
];

/** Times of day every quarter hour, plus the stored one if it is off the grid. */
function timeOptions(extra: number[]) {
  const minutes = new Set<number>(extra);
  for (let m = 0; m <= 1440; m += 15) minutes.add(m);
  return [...minutes].sort((a, b) => a - b).map((m) => ({ value: m, label: minutesToTime(m) }));
}

function toValues(s: ServiceSettings): Values {
  return {
    bays: s.bays,
    day_starts_min: s.day_starts_min,
    day_ends_min: s.day_ends_min,
    working_days: normaliseWorkingDays(s.working_days).flatMap((on, i) => (on ? [i] : [])),
    advisor_daily_hours: s.advisor_daily_minutes / 60,
    labour_rate: formatMoney(s.labour_rate_fen).replace('¥', ''),
    fallback_km_per_year: s.fallback_km_per_year,
    reminder_days_before: s.reminder_days_before,
    remind_by_task: s.remind_by_task,
    remind_by_message: s.remind_by_message,
    renewal_window_days: s.renewal_window_days,
  };
}

export function WorkshopSettingsForm({
  settings,
  onReload,
}: {
  settings: ServiceSettings;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<Values>();
  const update = useUpdateServiceSettings();
  const handleError = useApiErrorHandler();
  const [conflict, setConflict] = useState(false);
  const times = timeOptions([settings.day_starts_min, settings.day_ends_min]);
  const col = isMobile ? 24 : 12;

  const save = (v: Values) =>
    update.mutate(
      {
        version: settings.version,
        bays: v.bays,
        day_starts_min: v.day_starts_min,
        day_ends_min: v.day_ends_min,
        working_days: Array.from({ length: 7 }, (_, i) => v.working_days.includes(i)),
        advisor_daily_minutes: hoursToMinutes(v.advisor_daily_hours),
        labour_rate_fen: parseMoney(v.labour_rate) ?? 0,
        fallback_km_per_year: v.fallback_km_per_year,
        reminder_days_before: v.reminder_days_before,
        remind_by_task: v.remind_by_task,
        remind_by_message: v.remind_by_message,
        renewal_window_days: v.renewal_window_days,
      },
      {
        onSuccess: (saved) => {
          form.setFieldsValue(toValues(saved));
          void message.success(t('service.settings.saved'));
        },
        onError: (e) =>
          handleError(e, {
            form,
            fields: FIELDS,
            onConflict: () => setConflict(true),
          }),
      },
    );

  return (
    <Card variant="borderless" title={t('service.settings.workshop')}>
      {conflict && (
        <ConflictAlert
          onReload={() =>
            void onReload().then(() => {
              setConflict(false);
              form.resetFields();
            })
          }
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        size={isMobile ? 'large' : undefined}
        initialValues={toValues(settings)}
        onFinish={save}
        data-testid="service-settings"
      >
        <Row gutter={16}>
          <Col span={col}>
            <Form.Item name="bays" label={t('service.settings.bays')} rules={[{ required: true }]}>
              <InputNumber min={1} max={200} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={col}>
            <Form.Item label={t('service.settings.dayCapacity')}>
              <Typography.Text className="tabular" data-testid="day-capacity">
                {t('service.hours', { hours: minutesToHours(settings.day_capacity_minutes) })}
              </Typography.Text>
            </Form.Item>
          </Col>
          <Col span={col}>
            <Form.Item
              name="day_starts_min"
              label={t('service.settings.dayStarts')}
              rules={[{ required: true }]}
            >
              <Select showSearch optionFilterProp="label" options={times.slice(0, -1)} />
            </Form.Item>
          </Col>
          <Col span={col}>
            <Form.Item
              name="day_ends_min"
              label={t('service.settings.dayEnds')}
              dependencies={['day_starts_min']}
              rules={[
                { required: true },
                ({ getFieldValue }) => ({
                  validator: async (_, value?: number) => {
                    const start = getFieldValue('day_starts_min') as number | undefined;
                    if (value !== undefined && start !== undefined && value <= start)
                      throw new Error(t('service.settings.endsAfterStart'));
                  },
                }),
              ]}
            >
              <Select showSearch optionFilterProp="label" options={times.slice(1)} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="working_days"
          label={t('service.settings.workingDays')}
          rules={[{ required: true, type: 'array', min: 1 }]}
        >
          <Checkbox.Group
            options={[1, 2, 3, 4, 5, 6, 0].map((weekday, i) => ({
              value: i,
              label: t(`service.weekday.${weekday}`),
            }))}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col span={col}>
            <Form.Item
              name="advisor_daily_hours"
              label={t('service.settings.advisorDailyHours')}
              rules={[{ required: true }]}
            >
              <InputNumber min={0.5} max={24} step={0.5} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={col}>
            <Form.Item
              name="labour_rate"
              label={t('service.settings.labourRate')}
              rules={[
                { required: true },
                {
                  validator: async (_, value?: string) => {
                    const fen = value ? parseMoney(value) : 0;
                    if (fen === null || fen < 0) throw new Error(t('errors.field.invalid_amount'));
                  },
                },
              ]}
            >
              <Input prefix="¥" suffix={t('service.settings.perHour')} inputMode="decimal" />
            </Form.Item>
          </Col>
          <Col span={col}>
            <Form.Item
              name="fallback_km_per_year"
              label={t('service.settings.fallbackKm')}
              rules={[{ required: true }]}
            >
              <InputNumber min={1000} max={200000} step={1000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={col}>
            <Form.Item
              name="reminder_days_before"
              label={t('service.settings.reminderDays')}
              rules={[{ required: true }]}
            >
              <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={col}>
            <Form.Item
              name="remind_by_task"
              label={t('service.settings.remindByTask')}
              valuePropName="checked"
            >
              <Switch />
            </Form.Item>
          </Col>
          <Col span={col}>
            <Form.Item
              name="remind_by_message"
              label={t('service.settings.remindByMessage')}
              valuePropName="checked"
            >
              <Switch />
            </Form.Item>
          </Col>
          <Col span={col}>
            <Form.Item
              name="renewal_window_days"
              label={t('service.settings.renewalWindow')}
              rules={[{ required: true }]}
            >
              <InputNumber min={1} max={365} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Button
          type="primary"
          htmlType="submit"
          loading={update.isPending}
          block={isMobile}
          data-testid="service-settings-save"
        >
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
