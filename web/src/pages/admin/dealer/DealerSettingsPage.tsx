// The current dealer's name, time zone and default language.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Form, Input, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '@/api/client';
import type { Dealer, Locale } from '@/api/types';
import { ME_KEY, useMe } from '@/app/session';
import { ConflictAlert } from '@/components/ConflictAlert';
import { PageHeader } from '@/components/PageHeader';
import { PageSpinner } from '@/components/PageSpinner';
import { ErrorResult } from '@/components/Results';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { LOCALE_NAMES, LOCALES } from '@/i18n';
import { formatDateTime } from '@/lib/format';
import { can } from '@/lib/permissions';
import { useIsMobile } from '@/lib/useIsMobile';

interface DealerForm {
  name: string;
  time_zone: string;
  locale: Locale;
}

const COMMON_ZONES = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Taipei',
  'Asia/Macau',
  'Asia/Urumqi',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Europe/Berlin',
  'Europe/London',
  'America/New_York',
  'UTC',
];

function allZones(): string[] {
  // Older browsers lack `Intl.supportedValuesOf`; they get the common zones only.
  const zones =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...COMMON_ZONES, ...zones.filter((zone) => !COMMON_ZONES.includes(zone))];
}

/** "UTC+08:00" for a zone, now. */
function offsetOf(zone: string): string {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName');
    const text = part?.value ?? '';
    return text === 'GMT' ? 'UTC+00:00' : text.replace('GMT', 'UTC');
  } catch {
    return '';
  }
}

export default function DealerSettingsPage() {
  const me = useMe();
  const dealer = useQuery({
    queryKey: ['dealer', me.dealer.id],
    queryFn: () =>
      unwrap(api.GET('/api/v1/dealers/{id}', { params: { path: { id: me.dealer.id } } })),
  });
  if (dealer.isLoading) return <PageSpinner />;
  if (dealer.isError || !dealer.data)
    return <ErrorResult error={dealer.error} onRetry={() => void dealer.refetch()} />;
  return (
    <DealerSettings
      key={dealer.data.version}
      dealer={dealer.data}
      reload={() => dealer.refetch()}
    />
  );
}

function DealerSettings({ dealer, reload }: { dealer: Dealer; reload: () => Promise<unknown> }) {
  const me = useMe();
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<DealerForm>();
  const [conflict, setConflict] = useState(false);
  const handleError = useApiErrorHandler();
  const editable = can(me, 'dealer:update');
  const zones = useMemo(
    () => allZones().map((zone) => ({ value: zone, label: `${zone}  (${offsetOf(zone)})` })),
    [],
  );
  const save = useMutation({
    mutationFn: (values: DealerForm) =>
      unwrap(
        api.PATCH('/api/v1/dealers/{id}', {
          params: { path: { id: dealer.id } },
          body: { version: dealer.version, ...values },
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(['dealer', dealer.id], saved);
      void queryClient.invalidateQueries({ queryKey: ME_KEY });
      void message.success(t('common.saved'));
    },
    onError: (error) =>
      handleError(error, {
        form,
        fields: ['name', 'time_zone', 'locale'],
        onConflict: () => setConflict(true),
      }),
  });

  return (
    <>
      <PageHeader title={t('nav.dealer')} subtitle={t('dealer.subtitle')} />
      {conflict && (
        <ConflictAlert
          onReload={() => {
            setConflict(false);
            void reload();
          }}
        />
      )}
      <Card variant="borderless" style={{ maxWidth: 760 }}>
        <Descriptions
          column={1}
          size="small"
          style={{ marginBottom: 16 }}
          styles={{ label: { width: 120 } }}
        >
          <Descriptions.Item label={t('dealer.field.code')}>
            <Typography.Text code>{dealer.code}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('dealer.field.updatedAt')}>
            {formatDateTime(dealer.updated_at, dealer.time_zone)}
          </Descriptions.Item>
        </Descriptions>
        <Form<DealerForm>
          form={form}
          layout={mobile ? 'vertical' : 'horizontal'}
          labelCol={mobile ? undefined : { flex: '140px' }}
          size={mobile ? 'large' : 'middle'}
          disabled={!editable}
          initialValues={{ name: dealer.name, time_zone: dealer.time_zone, locale: dealer.locale }}
          onFinish={(values) => save.mutate({ ...values, name: values.name.trim() })}
        >
          <Form.Item
            name="name"
            label={t('dealer.field.name')}
            rules={[
              { required: true, whitespace: true, message: t('errors.field.required') },
              { max: 100, message: t('errors.field.too_long', { max: 100 }) },
            ]}
          >
            <Input data-testid="dealer-name" />
          </Form.Item>
          <Form.Item
            name="time_zone"
            label={t('dealer.field.timeZone')}
            extra={t('dealer.hint.timeZone')}
            rules={[{ required: true, message: t('errors.field.required') }]}
          >
            <Select showSearch options={zones} optionFilterProp="label" data-testid="dealer-tz" />
          </Form.Item>
          <Form.Item name="locale" label={t('dealer.field.locale')} extra={t('dealer.hint.locale')}>
            <Select
              options={LOCALES.map((locale) => ({ value: locale, label: LOCALE_NAMES[locale] }))}
            />
          </Form.Item>
          {editable && (
            <Form.Item label={mobile ? undefined : ' '} colon={false}>
              <Button
                type="primary"
                htmlType="submit"
                loading={save.isPending}
                block={mobile}
                data-testid="save-dealer"
              >
                {t('common.save')}
              </Button>
            </Form.Item>
          )}
        </Form>
      </Card>
    </>
  );
}
