// Consent to be contacted, channel by channel: the current answer, when and how it was given
// or withdrawn, the history, and (for those who may edit the customer) a change.
import { CheckCircleFilled, CloseCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Collapse,
  Form,
  Input,
  List,
  Modal,
  Radio,
  Select,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentChannel, ConsentMethod, Customer } from '@/api/types';
import { useMe } from '@/app/session';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { formatDateTime } from '@/lib/format';
import { CONSENT_CHANNELS, CONSENT_METHODS } from './customerForm';
import { useChangeConsent } from './hooks';

export function ConsentState({ granted }: { granted: boolean | null | undefined }) {
  const { t } = useTranslation();
  if (granted === true) {
    return (
      <span className="consent-yes">
        <CheckCircleFilled /> {t('customers.consent.granted')}
      </span>
    );
  }
  if (granted === false) {
    return (
      <span className="consent-no">
        <CloseCircleFilled /> {t('customers.consent.refused')}
      </span>
    );
  }
  return (
    <span className="muted">
      <MinusCircleOutlined /> {t('customers.consent.unknown')}
    </span>
  );
}

interface ChangeValues {
  channel: ConsentChannel;
  granted: boolean;
  method: ConsentMethod;
  note?: string;
}

export function ConsentCard({
  customer,
  editable,
  onConflict,
}: {
  customer: Customer;
  editable: boolean;
  onConflict: () => void;
}) {
  const me = useMe();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const change = useChangeConsent(customer.id);
  const handleError = useApiErrorHandler();
  const [open, setOpen] = useState<ConsentChannel | null>(null);
  const [form] = Form.useForm<ChangeValues>();
  const tz = me.dealer.time_zone;
  const who = (name?: string | null) => (name === 'system' ? t('audit.system') : name);

  return (
    <Card title={t('customers.card.consent')} variant="borderless" data-testid="consent-card">
      <List
        size="small"
        dataSource={CONSENT_CHANNELS.map(
          (channel) =>
            customer.consents.find((c) => c.channel === channel) ?? { channel, granted: null },
        )}
        renderItem={(consent) => (
          <List.Item
            style={{ paddingInline: 0 }}
            data-testid={`consent-${consent.channel}`}
            actions={
              editable
                ? [
                    <Button
                      key="change"
                      size="small"
                      type="link"
                      onClick={() => {
                        form.setFieldsValue({
                          channel: consent.channel,
                          granted: consent.granted !== true,
                          method: 'verbal',
                          note: '',
                        });
                        setOpen(consent.channel);
                      }}
                      data-testid={`change-consent-${consent.channel}`}
                    >
                      {t('customers.consent.change')}
                    </Button>,
                  ]
                : undefined
            }
          >
            <List.Item.Meta
              title={
                <span className="consent-line">
                  <span>{t(`customers.channel.${consent.channel}`)}</span>
                  <ConsentState granted={consent.granted} />
                </span>
              }
              description={
                consent.at ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[
                      formatDateTime(consent.at, tz),
                      consent.method ? t(`customers.consentMethod.${consent.method}`) : null,
                      who(consent.recorded_by),
                      consent.note,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography.Text>
                ) : null
              }
            />
          </List.Item>
        )}
      />
      {customer.consent_history.length > 0 && (
        <Collapse
          ghost
          size="small"
          items={[
            {
              key: 'history',
              label: t('customers.consent.history', { count: customer.consent_history.length }),
              children: (
                <List
                  size="small"
                  dataSource={[...customer.consent_history].sort((a, b) =>
                    b.at.localeCompare(a.at),
                  )}
                  renderItem={(event) => (
                    <List.Item style={{ paddingInline: 0, display: 'block' }}>
                      <div>
                        {t(`customers.channel.${event.channel}`)} ·{' '}
                        <ConsentState granted={event.granted} />
                      </div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {[
                          formatDateTime(event.at, tz),
                          t(`customers.consentMethod.${event.method}`),
                          who(event.recorded_by),
                          event.note,
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </Typography.Text>
                    </List.Item>
                  )}
                />
              ),
            },
          ]}
        />
      )}
      <Modal
        open={open !== null}
        title={
          open
            ? t('customers.consent.changeTitle', { channel: t(`customers.channel.${open}`) })
            : ''
        }
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={change.isPending}
        onCancel={() => setOpen(null)}
        onOk={() => form.submit()}
        forceRender
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) =>
            change.mutate(
              {
                version: customer.version,
                channel: values.channel,
                granted: values.granted,
                method: values.method,
                note: values.note?.trim() || null,
              },
              {
                onSuccess: () => {
                  void message.success(t('customers.consent.saved'));
                  setOpen(null);
                },
                onError: (error) =>
                  handleError(error, {
                    form,
                    fields: ['channel', 'granted', 'method', 'note'],
                    onConflict: () => {
                      setOpen(null);
                      onConflict();
                    },
                  }),
              },
            )
          }
        >
          <Form.Item name="channel" hidden>
            <Input />
          </Form.Item>
          <Form.Item name="granted" label={t('customers.consent.answer')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: true, label: t('customers.consent.grant') },
                { value: false, label: t('customers.consent.withdraw') },
              ]}
              data-testid="consent-answer"
            />
          </Form.Item>
          <Form.Item name="method" label={t('customers.field.consentMethod')}>
            <Select
              options={CONSENT_METHODS.map((method) => ({
                value: method,
                label: t(`customers.consentMethod.${method}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="note" label={t('customers.consent.note')}>
            <Input maxLength={200} placeholder={t('customers.consent.notePlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
