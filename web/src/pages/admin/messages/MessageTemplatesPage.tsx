// The dealer's message texts: per template, channel and language a subject (e-mail) and a body
// with {{variables}}; the built-in text until the dealer saves their own version.
import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '@/api/client';
import type { Schemas } from '@/api/types';
import { LOCALE_NAMES } from '@/i18n';
import { PageHeader } from '@/components/PageHeader';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import '@/components/work/work.css';
import { useIsMobile } from '@/lib/useIsMobile';
import {
  useRefreshWork,
  vocab,
  WORK_KEY,
  type MessageChannel,
  type MessageTemplate,
} from '@/lib/work';

const TEMPLATES_KEY = [...WORK_KEY, 'message-templates'] as const;

function variablesOf(...texts: (string | null | undefined)[]): string[] {
  const found = new Set<string>();
  for (const text of texts)
    for (const m of (text ?? '').matchAll(/\{\{\s*(\w+)\s*\}\}/g)) found.add(m[1] ?? '');
  return [...found].filter(Boolean);
}

function EditModal({
  template,
  onClose,
}: {
  template: MessageTemplate | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ subject?: string; body: string }>();
  const [saving, setSaving] = useState(false);
  const onError = useApiErrorHandler();
  const refresh = useRefreshWork();
  const builtinVars = template ? variablesOf(template.subject, template.body) : [];
  const submit = async () => {
    if (!template) return;
    const values = await form.validateFields();
    setSaving(true);
    try {
      await unwrap(
        api.PUT('/api/v1/message-templates', {
          body: {
            // Templates listed by the server carry the key of a built-in text.
            key: template.key as Schemas['TemplateUpdate']['key'],
            channel: template.channel,
            locale: template.locale,
            subject: template.channel === 'email' ? (values.subject ?? null) : null,
            body: values.body,
            version: template.version,
          },
        }),
      );
      void message.success(t('common.saved'));
      void refresh();
      onClose();
    } catch (error) {
      onError(error, {
        form,
        fields: ['subject', 'body'],
        onConflict: () => {
          void message.warning(t('work.staleReloaded'));
          void refresh();
          onClose();
        },
      });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={!!template}
      title={t('work.templates.edit')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      okButtonProps={{ loading: saving, 'data-testid': 'template-save' } as ButtonProps}
      destroyOnHidden
      width={640}
    >
      {template && (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ subject: template.subject ?? '', body: template.body }}
        >
          <Typography.Paragraph type="secondary">
            {vocab(t, 'work.templateKey', template.key.replace(/\./g, '_'))} ·{' '}
            {t(`work.channel.${template.channel}`)} · {LOCALE_NAMES[template.locale]}
          </Typography.Paragraph>
          {template.channel === 'email' && (
            <Form.Item name="subject" label={t('work.templates.subject')}>
              <Input maxLength={200} />
            </Form.Item>
          )}
          <Form.Item
            name="body"
            label={t('work.templates.body')}
            rules={[{ required: true, whitespace: true, message: t('work.validation.body') }]}
          >
            <Input.TextArea rows={6} data-testid="template-body" />
          </Form.Item>
          {builtinVars.length > 0 && (
            <div>
              <span className="muted">{t('work.templates.variables')} </span>
              {builtinVars.map((v) => (
                <Tag key={v} className="tabular">{`{{${v}}}`}</Tag>
              ))}
            </div>
          )}
        </Form>
      )}
    </Modal>
  );
}

export default function MessageTemplatesPage() {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const [channel, setChannel] = useState<MessageChannel | undefined>();
  const [editing, setEditing] = useState<MessageTemplate | null>(null);
  const query = useQuery({
    queryKey: TEMPLATES_KEY,
    queryFn: () => unwrap(api.GET('/api/v1/message-templates')),
  });
  const rows = useMemo(
    () => (query.data ?? []).filter((tpl) => !channel || tpl.channel === channel),
    [query.data, channel],
  );
  return (
    <>
      <PageHeader title={t('work.templates.title')} subtitle={t('work.templates.subtitle')} />
      <Card variant="borderless">
        <Space style={{ marginBottom: 12 }}>
          <Select
            allowClear
            placeholder={t('work.messages.anyChannel')}
            value={channel}
            onChange={setChannel}
            style={{ width: 140 }}
            options={(['email', 'sms', 'wechat'] as const).map((c) => ({
              value: c,
              label: t(`work.channel.${c}`),
            }))}
          />
        </Space>
        <Table<MessageTemplate>
          rowKey={(tpl) => `${tpl.key}/${tpl.channel}/${tpl.locale}`}
          size="middle"
          loading={query.isLoading}
          dataSource={rows}
          pagination={false}
          scroll={mobile ? { x: 640 } : undefined}
          onRow={() => ({ 'data-testid': 'template-row' }) as object}
          columns={[
            {
              title: t('work.templates.key'),
              render: (_, tpl) => vocab(t, 'work.templateKey', tpl.key.replace(/\./g, '_')),
            },
            {
              title: t('work.messages.col.channel'),
              width: 90,
              render: (_, tpl) => t(`work.channel.${tpl.channel}`),
            },
            {
              title: t('work.templates.locale'),
              width: 100,
              render: (_, tpl) => LOCALE_NAMES[tpl.locale],
            },
            {
              title: t('work.templates.body'),
              render: (_, tpl) => (
                <div className="my-work-item-subject" style={{ maxWidth: 380 }}>
                  {tpl.subject ? `${tpl.subject} — ` : ''}
                  {tpl.body}
                </div>
              ),
            },
            {
              title: t('work.templates.source'),
              width: 100,
              render: (_, tpl) =>
                tpl.customised ? (
                  <Tag color="blue">{t('work.templates.customised')}</Tag>
                ) : (
                  <Tag>{t('work.templates.builtin')}</Tag>
                ),
            },
            {
              title: t('common.actions'),
              width: 80,
              render: (_, tpl) => (
                <Button size="small" onClick={() => setEditing(tpl)} data-testid="template-edit">
                  {t('common.edit')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <EditModal template={editing} onClose={() => setEditing(null)} />
    </>
  );
}
