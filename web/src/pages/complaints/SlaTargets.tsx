// The SLA targets in force: for each severity its row for every source (`any`) and the rows of
// sources with targets of their own, each with the first-response and resolution times in
// working hours and minutes. Whoever configures care changes a row or adds a source's own.
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { ButtonProps } from 'antd';
import { App, Button, Card, Empty, Form, List, Modal, Select, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { useIsMobile } from '@/lib/useIsMobile';
import { durationText, SeverityTag } from './ComplaintTags';
import { DurationInput, TARGET_MAX_MINUTES } from './DurationInput';
import { useUpdateCareSettings } from './hooks';
import { SEVERITIES, SOURCES } from './rules';
import type { CareSettings, Severity, SlaTarget } from './types';

/** The source of the rows that hold for every source without its own. */
export const ANY_SOURCE = 'any';

/** The targets by severity, each severity's `any` row first, then its sources in order. */
export function sortedTargets(targets: readonly SlaTarget[]): SlaTarget[] {
  const sourceRank = (source: string) =>
    source === ANY_SOURCE ? -1 : (SOURCES as readonly string[]).indexOf(source);
  return [...targets].sort(
    (a, b) =>
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
      sourceRank(a.source) - sourceRank(b.source),
  );
}

interface Editing {
  target: SlaTarget;
  isNew: boolean;
}

function TargetModal({
  editing,
  settings,
  onClose,
  onConflict,
}: {
  editing: Editing;
  settings: CareSettings;
  onClose: () => void;
  onConflict: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SlaTarget>();
  const update = useUpdateCareSettings();
  const onError = useApiErrorHandler();
  const severity = Form.useWatch('severity', form) as Severity | undefined;
  const taken = new Set(
    settings.targets.filter((r) => r.severity === severity).map((r) => r.source),
  );
  const minutesRule = {
    validator: async (_: unknown, value?: number) => {
      if (!value || value < 1 || value > TARGET_MAX_MINUTES) {
        throw new Error(t('complaints.settings.targetRange'));
      }
    },
  };

  const save = (v: SlaTarget) =>
    update.mutate(
      { version: settings.version, targets: [{ ...editing.target, ...v }] },
      {
        onSuccess: () => {
          void message.success(t('complaints.settings.saved'));
          onClose();
        },
        onError: (e) =>
          onError(e, {
            form,
            fields: ['first_response_minutes', 'resolution_minutes'],
            onConflict: () => {
              onClose();
              onConflict();
            },
          }),
      },
    );

  return (
    <Modal
      open
      title={t(editing.isNew ? 'complaints.settings.addTarget' : 'complaints.settings.editTarget')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
      okButtonProps={{ 'data-testid': 'care-target-save' } as ButtonProps}
      destroyOnHidden
    >
      <Form<SlaTarget>
        form={form}
        layout="vertical"
        // A new row's source is picked here; the select starts empty.
        initialValues={{ ...editing.target, source: editing.target.source || undefined }}
        onFinish={save}
      >
        <Form.Item name="severity" label={t('complaints.field.severity')}>
          <Select
            disabled={!editing.isNew}
            options={SEVERITIES.map((s) => ({ value: s, label: t(`complaints.severity.${s}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="source"
          label={t('complaints.field.source')}
          rules={[{ required: true, message: t('complaints.form.required') }]}
        >
          <Select
            disabled={!editing.isNew}
            options={SOURCES.filter((s) => !editing.isNew || !taken.has(s)).map((s) => ({
              value: s,
              label: t(`complaints.source.${s}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="first_response_minutes"
          label={t('complaints.clock.first_response')}
          rules={[minutesRule]}
        >
          <DurationInput testId="care-target-first" />
        </Form.Item>
        <Form.Item
          name="resolution_minutes"
          label={t('complaints.clock.resolution')}
          rules={[minutesRule]}
        >
          <DurationInput testId="care-target-resolution" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function SlaTargets({
  settings,
  editable,
  onConflict,
}: {
  settings: CareSettings;
  editable: boolean;
  onConflict: () => void;
}) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const [editing, setEditing] = useState<Editing | null>(null);
  const rows = sortedTargets(settings.targets);
  const sourceName = (source: string) =>
    source === ANY_SOURCE ? t('complaints.settings.anySource') : t(`complaints.source.${source}`);
  const edit = (target: SlaTarget) => setEditing({ target, isNew: false });
  const editButton = (r: SlaTarget) =>
    editable && (
      <Button
        type="link"
        size="small"
        icon={<EditOutlined />}
        onClick={() => edit(r)}
        data-testid="care-target-edit"
      >
        {t('common.edit')}
      </Button>
    );

  const columns: ColumnsType<SlaTarget> = [
    {
      title: t('complaints.field.severity'),
      dataIndex: 'severity',
      render: (s: Severity) => <SeverityTag severity={s} />,
    },
    { title: t('complaints.field.source'), dataIndex: 'source', render: sourceName },
    {
      title: t('complaints.clock.first_response'),
      dataIndex: 'first_response_minutes',
      render: (m: number) => <span className="tabular">{durationText(t, m)}</span>,
    },
    {
      title: t('complaints.clock.resolution'),
      dataIndex: 'resolution_minutes',
      render: (m: number) => <span className="tabular">{durationText(t, m)}</span>,
    },
    ...(editable
      ? [
          {
            title: t('common.actions'),
            key: 'edit',
            render: (_: unknown, r: SlaTarget) => editButton(r),
          },
        ]
      : []),
  ];

  return (
    <Card
      variant="borderless"
      title={t('complaints.settings.targets')}
      extra={
        editable && (
          <Button
            icon={<PlusOutlined />}
            onClick={() =>
              setEditing({
                isNew: true,
                target: {
                  severity: 'medium',
                  source: '',
                  first_response_minutes: 240,
                  resolution_minutes: 2880,
                },
              })
            }
            data-testid="care-target-add"
          >
            {t('complaints.settings.addTarget')}
          </Button>
        )
      }
      data-testid="care-targets"
    >
      {mobile ? (
        <List
          dataSource={rows}
          locale={{ emptyText: <Empty /> }}
          renderItem={(r) => (
            <List.Item key={`${r.severity}-${r.source}`} data-testid="care-target">
              <div style={{ width: '100%' }}>
                <Space wrap size={4}>
                  <SeverityTag severity={r.severity} />
                  <span>{sourceName(r.source)}</span>
                  {editButton(r)}
                </Space>
                <div className="muted tabular">
                  {t('complaints.clock.first_response')} {durationText(t, r.first_response_minutes)}
                  {' · '}
                  {t('complaints.clock.resolution')} {durationText(t, r.resolution_minutes)}
                </div>
              </div>
            </List.Item>
          )}
        />
      ) : (
        <Table
          rowKey={(r) => `${r.severity}-${r.source}`}
          size="small"
          pagination={false}
          columns={columns}
          dataSource={rows}
          onRow={() => ({ 'data-testid': 'care-target' }) as object}
        />
      )}
      {editing && (
        <TargetModal
          editing={editing}
          settings={settings}
          onClose={() => setEditing(null)}
          onConflict={onConflict}
        />
      )}
    </Card>
  );
}
