// The working time the SLA clocks count: the working weekdays (Monday first), the working day's
// start and end, the share of a target at which the handler is warned, and how long after a
// breach the general manager is told. Read-only without `complaint:configure`.
import { App, Button, Card, Checkbox, Col, Form, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { useIsMobile } from '@/lib/useIsMobile';
import { useUpdateCareSettings } from './hooks';
import { timeOfDay } from './rules';
import type { CareSettings } from './types';

interface Values {
  working_days: number[];
  day_starts_min: number;
  day_ends_min: number;
  warn_percent: number;
  senior_after_hours: number;
}

/** The fields the server names as the form does (the senior step's minutes show as a message). */
const FIELDS = ['working_days', 'day_starts_min', 'day_ends_min', 'warn_percent'];
const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;

/** Times of day every quarter hour, plus the stored ones if they are off the grid. */
function timeOptions(extra: number[]) {
  const minutes = new Set<number>(extra);
  for (let m = 0; m <= 1440; m += 15) minutes.add(m);
  return [...minutes].sort((a, b) => a - b).map((m) => ({ value: m, label: timeOfDay(m) }));
}

/** The form's values for the settings read. */
export function workingTimeValues(s: CareSettings): Values {
  return {
    working_days: WEEKDAYS.filter((i) => s.working_days[i]),
    day_starts_min: s.day_starts_min,
    day_ends_min: s.day_ends_min,
    warn_percent: s.warn_percent,
    senior_after_hours: Math.round((s.senior_after_minutes / 60) * 100) / 100,
  };
}

/** The working-time card; `onConflict` shows the reload banner. */
export function WorkingTimeForm({
  settings,
  editable,
  onConflict,
}: {
  settings: CareSettings;
  editable: boolean;
  onConflict: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mobile = useIsMobile();
  const [form] = Form.useForm<Values>();
  const update = useUpdateCareSettings();
  const onError = useApiErrorHandler();
  const times = timeOptions([settings.day_starts_min, settings.day_ends_min]);
  const col = mobile ? 24 : 12;

  const save = (v: Values) =>
    update.mutate(
      {
        version: settings.version,
        working_days: WEEKDAYS.map((i) => v.working_days.includes(i)),
        day_starts_min: v.day_starts_min,
        day_ends_min: v.day_ends_min,
        warn_percent: v.warn_percent,
        senior_after_minutes: Math.round(v.senior_after_hours * 60),
      },
      {
        onSuccess: (saved) => {
          form.setFieldsValue(workingTimeValues(saved));
          void message.success(t('complaints.settings.saved'));
        },
        onError: (e) => onError(e, { form, fields: FIELDS, onConflict }),
      },
    );

  return (
    <Card variant="borderless" title={t('complaints.settings.workingTime')}>
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={!editable}
        initialValues={workingTimeValues(settings)}
        onFinish={save}
        data-testid="care-working-time"
      >
        <Form.Item
          name="working_days"
          label={t('complaints.settings.workingDays')}
          rules={[
            { required: true, type: 'array', min: 1, message: t('complaints.form.required') },
          ]}
        >
          <Checkbox.Group
            options={WEEKDAYS.map((i) => ({ value: i, label: t(`complaints.weekday.${i}`) }))}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col span={col}>
            <Form.Item
              name="day_starts_min"
              label={t('complaints.settings.dayStarts')}
              rules={[{ required: true }]}
            >
              <Select showSearch optionFilterProp="label" options={times.slice(0, -1)} />
            </Form.Item>
          </Col>
          <Col span={col}>
            <Form.Item
              name="day_ends_min"
              label={t('complaints.settings.dayEnds')}
              dependencies={['day_starts_min']}
              rules={[
                { required: true },
                ({ getFieldValue }) => ({
                  validator: async (_, value?: number) => {
                    const start = getFieldValue('day_starts_min') as number | undefined;
                    if (value !== undefined && start !== undefined && value <= start)
                      throw new Error(t('complaints.settings.endsAfterStart'));
                  },
                }),
              ]}
            >
              <Select showSearch optionFilterProp="label" options={times.slice(1)} />
            </Form.Item>
          </Col>
          <Col span={col}>
            <Form.Item
              name="warn_percent"
              label={t('complaints.settings.warnPercent')}
              extra={t('complaints.settings.warnPercentHint')}
              rules={[{ required: true }]}
            >
              <InputNumber
                min={1}
                max={99}
                precision={0}
                addonAfter="%"
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col span={col}>
            <Form.Item
              name="senior_after_hours"
              label={t('complaints.settings.seniorAfter')}
              extra={t('complaints.settings.seniorAfterHint')}
              rules={[{ required: true }]}
            >
              <InputNumber
                min={0}
                max={168}
                step={1}
                addonAfter={t('complaints.duration.hoursUnit')}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
        </Row>
        {editable && (
          <Button
            type="primary"
            htmlType="submit"
            loading={update.isPending}
            block={mobile}
            data-testid="care-working-time-save"
          >
            {t('common.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
