// The days the calendar treats unlike their weekday: holidays (法定节假日, no working time) and
// worked days off (调休上班), by day; whoever configures care adds and removes them, each change
// saved at once.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  List,
  Popconfirm,
  Segmented,
  Space,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { useUpdateCareSettings } from './hooks';
import type { CalendarDay, CareSettings } from './types';

interface Values {
  day: Dayjs;
  kind: 'holiday' | 'working';
  name?: string;
}

const NAME_MAX = 60;
/** Days shown per page of the list. */
const PAGE_SIZE = 20;

/** The days in calendar order. */
export function sortedDays(days: readonly CalendarDay[]): CalendarDay[] {
  return [...days].sort((a, b) => a.day.localeCompare(b.day));
}

export function CalendarDays({
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
  const [form] = Form.useForm<Values>();
  const update = useUpdateCareSettings();
  const onError = useApiErrorHandler();
  const days = sortedDays(settings.days);

  const add = (v: Values) =>
    update.mutate(
      {
        version: settings.version,
        set_days: [
          {
            day: v.day.format('YYYY-MM-DD'),
            working: v.kind === 'working',
            name: v.name?.trim() || null,
          },
        ],
      },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('complaints.settings.saved'));
        },
        onError: (e) => onError(e, { onConflict }),
      },
    );
  const remove = (day: string) =>
    update.mutate(
      { version: settings.version, remove_days: [day] },
      { onError: (e) => onError(e, { onConflict }) },
    );

  return (
    <Card variant="borderless" title={t('complaints.settings.days')} data-testid="care-days">
      {editable && (
        <Form<Values>
          form={form}
          layout="inline"
          initialValues={{ kind: 'holiday' }}
          onFinish={add}
          style={{ rowGap: 8, marginBottom: 16 }}
        >
          <Form.Item
            name="day"
            rules={[{ required: true, message: t('complaints.form.required') }]}
          >
            <DatePicker
              placeholder={t('complaints.settings.pickDay')}
              data-testid="care-day-date"
            />
          </Form.Item>
          <Form.Item name="kind">
            <Segmented
              options={[
                { value: 'holiday', label: t('complaints.settings.holiday') },
                { value: 'working', label: t('complaints.settings.workedDay') },
              ]}
            />
          </Form.Item>
          <Form.Item name="name" rules={[{ max: NAME_MAX }]}>
            <Input
              maxLength={NAME_MAX}
              placeholder={t('complaints.settings.dayName')}
              style={{ width: 160 }}
              data-testid="care-day-name"
            />
          </Form.Item>
          <Button
            htmlType="submit"
            icon={<PlusOutlined />}
            loading={update.isPending}
            data-testid="care-day-add"
          >
            {t('complaints.settings.addDay')}
          </Button>
        </Form>
      )}
      <List
        size="small"
        dataSource={days}
        pagination={days.length > PAGE_SIZE ? { pageSize: PAGE_SIZE, size: 'small' } : false}
        locale={{ emptyText: <Empty description={t('complaints.settings.noDays')} /> }}
        renderItem={(d) => (
          <List.Item
            key={d.day}
            data-testid="care-day"
            actions={
              editable
                ? [
                    <Popconfirm
                      key="remove"
                      title={t('complaints.settings.removeDayConfirm')}
                      okText={t('common.delete')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => remove(d.day)}
                    >
                      <Button
                        type="text"
                        danger
                        size="small"
                        icon={<DeleteOutlined />}
                        aria-label={t('common.delete')}
                        data-testid="care-day-remove"
                      />
                    </Popconfirm>,
                  ]
                : undefined
            }
          >
            <Space wrap size={8}>
              <span className="tabular">{d.day}</span>
              <Tag color={d.working ? 'blue' : 'red'}>
                {d.working ? t('complaints.settings.workedDay') : t('complaints.settings.holiday')}
              </Tag>
              {d.name && <span>{d.name}</span>}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
