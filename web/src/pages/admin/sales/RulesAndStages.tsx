// The model-line rules (leads for a series go to a team in turn, or to one consultant) and the
// pipeline stages (name, probability, order, in use; add a stage of the dealer's own).
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tag,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignmentRule, Stage, StagePatch } from '@/api/types';
import { useMe } from '@/app/session';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { can } from '@/lib/permissions';
import { stageName, useConsultants, useStages } from '@/lib/sales';
import { SeriesPicker } from '@/components/sales/SeriesPicker';
import { useTeams } from '@/lib/org';
import { useAssignmentRules, useSaveAssignmentRules, useSaveStage } from './hooks';

interface RuleRow {
  key: string;
  series_id?: string | null;
  /** `team:<id>` or `user:<id>`. */
  target?: string;
}

let rowCounter = 0;
const rowKey = () => {
  rowCounter += 1;
  return `rule-${rowCounter}`;
};

function toRows(rules: AssignmentRule[]): RuleRow[] {
  return rules.map((rule) => ({
    key: rowKey(),
    series_id: rule.series_id,
    target: rule.team_id
      ? `team:${rule.team_id}`
      : rule.user_id
        ? `user:${rule.user_id}`
        : undefined,
  }));
}

export function RulesCard() {
  const me = useMe();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rules = useAssignmentRules();
  const save = useSaveAssignmentRules();
  const handleError = useApiErrorHandler();
  const teams = useTeams(can(me, 'team:read'));
  const people = useConsultants(can(me, 'user:read'));
  const editable = can(me, 'sales:configure');
  const [rows, setRows] = useState<RuleRow[] | null>(null);
  const shown = rows ?? toRows(rules.data ?? []);

  const change = (key: string, patch: Partial<RuleRow>) =>
    setRows(shown.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  const targets = [
    {
      label: t('salesSettings.rules.teams'),
      title: 'teams',
      options: (teams.data ?? []).map((team) => ({ value: `team:${team.id}`, label: team.name })),
    },
    {
      label: t('salesSettings.rules.consultants'),
      title: 'consultants',
      options: people.consultants.map((user) => ({
        value: `user:${user.id}`,
        label: user.display_name,
      })),
    },
  ];

  const submit = () => {
    const complete = shown.filter((row) => row.series_id && row.target);
    save.mutate(
      complete.map((row) => {
        const [kind, id] = (row.target ?? '').split(':');
        return {
          series_id: row.series_id as string,
          team_id: kind === 'team' ? (id ?? null) : null,
          user_id: kind === 'user' ? (id ?? null) : null,
        };
      }),
      {
        onSuccess: (saved) => {
          setRows(toRows(saved));
          void message.success(t('salesSettings.rules.saved'));
        },
        onError: (error) => handleError(error),
      },
    );
  };

  const columns: ColumnsType<RuleRow> = [
    {
      title: t('salesSettings.rules.series'),
      key: 'series',
      render: (_, row) => (
        <SeriesPicker
          multiple={false}
          value={row.series_id ?? null}
          onChange={(value) => change(row.key, { series_id: (value as string | null) ?? null })}
        />
      ),
    },
    {
      title: t('salesSettings.rules.target'),
      key: 'target',
      render: (_, row) => (
        <Select
          value={row.target}
          disabled={!editable}
          onChange={(value: string) => change(row.key, { target: value })}
          options={targets}
          style={{ width: '100%' }}
          placeholder={t('salesSettings.rules.targetPlaceholder')}
        />
      ),
    },
    {
      title: t('common.actions'),
      key: 'remove',
      width: 56,
      render: (_, row) =>
        editable && (
          <Button
            type="text"
            icon={<DeleteOutlined />}
            aria-label={t('common.delete')}
            onClick={() => setRows(shown.filter((r) => r.key !== row.key))}
          />
        ),
    },
  ];

  return (
    <Card
      title={t('salesSettings.rules.title')}
      variant="borderless"
      style={{ marginBottom: 16 }}
      loading={rules.isLoading}
    >
      <p className="muted">{t('salesSettings.rules.hint')}</p>
      <Table<RuleRow>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={shown}
        pagination={false}
        scroll={{ x: 560 }}
        locale={{ emptyText: <Empty description={t('salesSettings.rules.empty')} /> }}
      />
      {editable && (
        <Space style={{ marginTop: 12 }} wrap>
          <Button icon={<PlusOutlined />} onClick={() => setRows([...shown, { key: rowKey() }])}>
            {t('salesSettings.rules.add')}
          </Button>
          <Button type="primary" loading={save.isPending} onClick={submit} disabled={rows === null}>
            {t('salesSettings.rules.save')}
          </Button>
        </Space>
      )}
    </Card>
  );
}

export function StagesCard() {
  const me = useMe();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const stages = useStages();
  const save = useSaveStage();
  const handleError = useApiErrorHandler();
  const editable = can(me, 'sales:configure');
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<{ key: string; name: string; probability: number }>();
  const list = stages.data ?? [];

  const patch = (stage: Stage, changes: { id: string; patch: StagePatch }) =>
    save.mutate(changes, {
      onSuccess: () =>
        void message.success(t('salesSettings.stages.saved', { name: stageName(t, stage) })),
      onError: (error) => handleError(error, { onConflict: () => void stages.refetch() }),
    });

  const swap = (index: number, offset: number) => {
    const stage = list[index];
    const other = list[index + offset];
    if (!stage || !other) return;
    patch(stage, { id: stage.id, patch: { version: stage.version, sort_order: other.sort_order } });
    save.mutate({ id: other.id, patch: { version: other.version, sort_order: stage.sort_order } });
  };

  const columns: ColumnsType<Stage> = [
    {
      title: t('salesSettings.stages.order'),
      key: 'order',
      width: 84,
      render: (_, _stage, index) =>
        editable ? (
          <Space size={0}>
            <Button
              type="text"
              size="small"
              icon={<ArrowUpOutlined />}
              disabled={index === 0}
              onClick={() => swap(index, -1)}
              aria-label={t('salesSettings.stages.up')}
            />
            <Button
              type="text"
              size="small"
              icon={<ArrowDownOutlined />}
              disabled={index === list.length - 1}
              onClick={() => swap(index, 1)}
              aria-label={t('salesSettings.stages.down')}
            />
          </Space>
        ) : (
          <span className="tabular">{index + 1}</span>
        ),
    },
    {
      title: t('salesSettings.stages.name'),
      key: 'name',
      render: (_, stage) =>
        editable ? (
          <Input
            key={`${stage.id}-${stage.version}`}
            defaultValue={stageName(t, stage)}
            maxLength={30}
            onBlur={(event) => {
              const name = event.target.value.trim();
              if (name && name !== stageName(t, stage)) {
                patch(stage, { id: stage.id, patch: { version: stage.version, name } });
              }
            }}
            data-testid={`stage-name-${stage.key}`}
          />
        ) : (
          stageName(t, stage)
        ),
    },
    {
      title: t('salesSettings.stages.kind'),
      key: 'kind',
      width: 110,
      render: (_, stage) => (
        <Tag color={stage.kind === 'open' ? 'blue' : stage.kind === 'order' ? 'gold' : 'green'}>
          {t(`salesSettings.stageKind.${stage.kind}`)}
        </Tag>
      ),
    },
    {
      title: t('salesSettings.stages.probability'),
      key: 'probability',
      width: 130,
      render: (_, stage) => (
        <InputNumber
          key={`${stage.id}-${stage.version}`}
          min={0}
          max={100}
          defaultValue={stage.probability}
          disabled={!editable}
          addonAfter="%"
          style={{ width: 110 }}
          onBlur={(event) => {
            const value = Number(event.target.value);
            if (Number.isFinite(value) && value !== stage.probability) {
              patch(stage, { id: stage.id, patch: { version: stage.version, probability: value } });
            }
          }}
        />
      ),
    },
    {
      title: t('salesSettings.stages.active'),
      key: 'active',
      width: 80,
      render: (_, stage) => (
        <Switch
          checked={stage.active}
          disabled={!editable || stage.kind !== 'open'}
          onChange={(active) =>
            patch(stage, { id: stage.id, patch: { version: stage.version, active } })
          }
        />
      ),
    },
  ];

  return (
    <Card
      title={t('salesSettings.stages.title')}
      variant="borderless"
      extra={
        editable && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-stage">
            {t('salesSettings.stages.add')}
          </Button>
        )
      }
    >
      <p className="muted">{t('salesSettings.stages.hint')}</p>
      <Table<Stage>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list}
        loading={stages.isLoading}
        pagination={false}
        scroll={{ x: 620 }}
        data-testid="stages-table"
      />
      <Modal
        open={adding}
        title={t('salesSettings.stages.add')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={save.isPending}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ probability: 50 }}
          onFinish={(values) =>
            save.mutate(
              {
                create: {
                  key: values.key.trim(),
                  name: values.name.trim(),
                  probability: values.probability,
                },
              },
              {
                onSuccess: () => {
                  void message.success(t('salesSettings.stages.saved', { name: values.name }));
                  setAdding(false);
                },
                onError: (error) =>
                  handleError(error, { form, fields: ['key', 'name', 'probability'] }),
              },
            )
          }
        >
          <Form.Item
            name="name"
            label={t('salesSettings.stages.name')}
            rules={[{ required: true, whitespace: true, message: t('errors.field.required') }]}
          >
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item
            name="key"
            label={t('salesSettings.stages.key')}
            extra={t('lookups.hint.keyFormat')}
            rules={[
              { required: true, message: t('errors.field.required') },
              { pattern: /^[a-z][a-z0-9_]{1,31}$/, message: t('lookups.hint.keyFormat') },
            ]}
          >
            <Input maxLength={32} className="tabular" />
          </Form.Item>
          <Form.Item name="probability" label={t('salesSettings.stages.probability')}>
            <InputNumber min={0} max={100} addonAfter="%" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
