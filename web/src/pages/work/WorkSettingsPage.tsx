// The dealer's work settings: whether overdue tasks raise alarms, and how long after the due
// time the owner's manager is alarmed too.
import { App, Button, Card, Form, InputNumber, Skeleton, Switch, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '@/api/client';
import { useMe } from '@/app/session';
import { PageHeader } from '@/components/PageHeader';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { can } from '@/lib/permissions';
import { WORK_KEY, type WorkSettings } from '@/lib/work';

const KEY = [...WORK_KEY, 'settings'] as const;

export default function WorkSettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const client = useQueryClient();
  const [form] = Form.useForm<{ escalation_minutes: number; overdue_alarms: boolean }>();
  const [saving, setSaving] = useState(false);
  const onError = useApiErrorHandler();
  const query = useQuery({
    queryKey: KEY,
    queryFn: () => unwrap(api.GET('/api/v1/work-settings')),
  });
  const editable = can(me, 'dealer:update');
  const settings = query.data;

  const save = async (values: { escalation_minutes: number; overdue_alarms: boolean }) => {
    if (!settings) return;
    setSaving(true);
    try {
      const saved: WorkSettings = await unwrap(
        api.PATCH('/api/v1/work-settings', { body: { version: settings.version, ...values } }),
      );
      client.setQueryData(KEY, saved);
      void message.success(t('common.saved'));
    } catch (error) {
      onError(error, {
        form,
        fields: ['escalation_minutes', 'overdue_alarms'],
        onConflict: () => {
          void message.warning(t('work.staleReloaded'));
          void query.refetch();
        },
      });
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader title={t('work.settings.title')} subtitle={t('work.settings.subtitle')} />
      <Card variant="borderless" style={{ maxWidth: 640 }}>
        {!settings ? (
          <Skeleton active />
        ) : (
          <Form
            form={form}
            layout="vertical"
            initialValues={settings}
            key={settings.version}
            onFinish={(values) => void save(values)}
            disabled={!editable}
          >
            <Form.Item
              name="overdue_alarms"
              label={t('work.settings.alarms')}
              valuePropName="checked"
            >
              <Switch data-testid="settings-alarms" />
            </Form.Item>
            <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
              {t('work.settings.alarmsHelp')}
            </Typography.Paragraph>
            <Form.Item
              name="escalation_minutes"
              label={t('work.settings.escalation')}
              rules={[{ required: true, message: t('work.validation.minutes') }]}
              extra={t('work.settings.escalationHelp')}
            >
              <InputNumber
                min={0}
                max={10080}
                addonAfter={t('work.minutes')}
                style={{ width: 220 }}
                data-testid="settings-escalation"
              />
            </Form.Item>
            {editable && (
              <Button type="primary" htmlType="submit" loading={saving} data-testid="settings-save">
                {t('common.save')}
              </Button>
            )}
          </Form>
        )}
      </Card>
    </>
  );
}
