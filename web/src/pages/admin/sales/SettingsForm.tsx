// How the dealer works its leads: days between follow-ups per grade and the hour they fall due,
// when C leads go to marketing, when a lead counts as stagnant and where it goes then, whether
// losses wait for the manager, and how new leads find an owner.
import { App, Button, Card, Col, Form, InputNumber, Radio, Row, Select, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignmentMode, CadenceDays, SalesSettings, StagnationAction } from '@/api/types';
import { useMe } from '@/app/session';
import { ConflictAlert } from '@/components/ConflictAlert';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { can } from '@/lib/permissions';
import { BOARD_GRADES, GradeTag, useConsultants } from '@/lib/sales';
import { useIsMobile } from '@/lib/useIsMobile';
import { useTeams } from '@/lib/org';
import { useUpdateSalesSettings } from './hooks';

export const STAGNATION_ACTIONS: readonly StagnationAction[] = [
  'flag',
  'senior',
  'manager',
  'marketing_pool',
];
export const ASSIGNMENT_MODES: readonly AssignmentMode[] = [
  'manual',
  'round_robin',
  'load',
  'model_line',
];

interface Values {
  cadence_days: CadenceDays;
  follow_up_due_hour: number;
  c_handover: boolean;
  c_handover_days?: number | null;
  stagnation_days: number;
  stagnation_action: StagnationAction;
  stagnation_user_id?: string | null;
  lost_needs_approval: boolean;
  assignment_mode: AssignmentMode;
  assignment_team_id?: string | null;
}

const FIELDS = [
  'cadence_days',
  'follow_up_due_hour',
  'c_handover_days',
  'stagnation_days',
  'stagnation_action',
  'stagnation_user_id',
  'lost_needs_approval',
  'assignment_mode',
  'assignment_team_id',
];

/** A switch with its words beside it, as a form control (checked / onChange). */
function SwitchRow({
  checked,
  onChange,
  disabled,
  label,
  testId,
}: {
  checked?: boolean;
  onChange?: (on: boolean) => void;
  disabled?: boolean;
  label: string;
  testId?: string;
}) {
  return (
    <label className="switch-row">
      <Switch checked={checked} onChange={onChange} disabled={disabled} data-testid={testId} />
      <span>{label}</span>
    </label>
  );
}

function toValues(settings: SalesSettings): Values {
  return {
    cadence_days: settings.cadence_days,
    follow_up_due_hour: settings.follow_up_due_hour,
    c_handover: settings.c_handover_days != null,
    c_handover_days: settings.c_handover_days ?? 90,
    stagnation_days: settings.stagnation_days,
    stagnation_action: settings.stagnation_action,
    stagnation_user_id: settings.stagnation_user?.id ?? null,
    lost_needs_approval: settings.lost_needs_approval,
    assignment_mode: settings.assignment_mode,
    assignment_team_id: settings.assignment_team_id ?? null,
  };
}

export function SettingsForm({
  settings,
  reload,
}: {
  settings: SalesSettings;
  reload: () => void;
}) {
  const me = useMe();
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useUpdateSalesSettings();
  const handleError = useApiErrorHandler();
  const [conflict, setConflict] = useState(false);
  const editable = can(me, 'sales:configure');
  const people = useConsultants(can(me, 'user:read'));
  const teams = useTeams(can(me, 'team:read'));
  const handover = Form.useWatch('c_handover', form);
  const action = Form.useWatch('stagnation_action', form);
  const mode = Form.useWatch('assignment_mode', form);

  const submit = (values: Values) =>
    save.mutate(
      {
        version: settings.version,
        cadence_days: values.cadence_days,
        follow_up_due_hour: values.follow_up_due_hour,
        c_handover_days: values.c_handover ? (values.c_handover_days ?? null) : null,
        stagnation_days: values.stagnation_days,
        stagnation_action: values.stagnation_action,
        stagnation_user_id:
          values.stagnation_action === 'senior' ? (values.stagnation_user_id ?? null) : null,
        lost_needs_approval: values.lost_needs_approval,
        assignment_mode: values.assignment_mode,
        assignment_team_id:
          values.assignment_mode === 'manual' ? null : (values.assignment_team_id ?? null),
      },
      {
        onSuccess: (saved) => {
          form.setFieldsValue(toValues(saved));
          void message.success(t('salesSettings.saved'));
        },
        onError: (error) =>
          handleError(error, { form, fields: FIELDS, onConflict: () => setConflict(true) }),
      },
    );

  const days = (
    <InputNumber min={1} max={365} addonAfter={t('salesSettings.days')} disabled={!editable} />
  );

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={toValues(settings)}
      onFinish={submit}
      disabled={!editable}
      data-testid="sales-settings-form"
    >
      {conflict && (
        <ConflictAlert
          onReload={() => {
            setConflict(false);
            reload();
          }}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('salesSettings.cadence.title')} variant="borderless" className="fill-card">
            <p className="muted">{t('salesSettings.cadence.hint')}</p>
            <div className="cadence-grid">
              {BOARD_GRADES.map((grade) => (
                <Form.Item
                  key={grade}
                  name={['cadence_days', grade]}
                  label={
                    <span className="cadence-label">
                      <GradeTag grade={grade} /> {t(`sales.gradeShort.${grade}`)}
                    </span>
                  }
                  rules={[{ required: true, message: t('errors.field.required') }]}
                >
                  <InputNumber
                    min={1}
                    max={365}
                    addonAfter={t('salesSettings.days')}
                    style={{ width: '100%' }}
                    data-testid={`cadence-${grade}`}
                  />
                </Form.Item>
              ))}
            </div>
            <Form.Item
              name="follow_up_due_hour"
              label={t('salesSettings.dueHour')}
              extra={t('salesSettings.dueHourHint')}
            >
              <Select
                style={{ maxWidth: 160 }}
                options={Array.from({ length: 24 }, (_, hour) => ({
                  value: hour,
                  label: `${String(hour).padStart(2, '0')}:00`,
                }))}
              />
            </Form.Item>
            <Form.Item name="c_handover" valuePropName="checked">
              <SwitchRow label={t('salesSettings.cHandover')} />
            </Form.Item>
            {handover && (
              <Form.Item
                name="c_handover_days"
                label={t('salesSettings.cHandoverDays')}
                rules={[{ required: true, message: t('errors.field.required') }]}
              >
                {days}
              </Form.Item>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            title={t('salesSettings.stagnation.title')}
            variant="borderless"
            className="fill-card"
          >
            <p className="muted">{t('salesSettings.stagnation.hint')}</p>
            <Form.Item
              name="stagnation_days"
              label={t('salesSettings.stagnationDays')}
              rules={[{ required: true, message: t('errors.field.required') }]}
            >
              {days}
            </Form.Item>
            <Form.Item name="stagnation_action" label={t('salesSettings.stagnationActionLabel')}>
              <Radio.Group
                options={STAGNATION_ACTIONS.map((value) => ({
                  value,
                  label: t(`salesSettings.stagnationAction.${value}`),
                }))}
                className="stack-radio"
              />
            </Form.Item>
            {action === 'senior' && (
              <Form.Item
                name="stagnation_user_id"
                label={t('salesSettings.stagnationUser')}
                rules={[{ required: true, message: t('errors.field.required') }]}
              >
                <Select
                  showSearch
                  optionFilterProp="label"
                  options={people.consultants.map((user) => ({
                    value: user.id,
                    label: user.display_name,
                  }))}
                />
              </Form.Item>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('salesSettings.lost.title')} variant="borderless" className="fill-card">
            <Form.Item name="lost_needs_approval" valuePropName="checked" className="inline-switch">
              <Switch data-testid="lost-approval" />
            </Form.Item>
            <span className="inline-switch-label">{t('salesSettings.lostNeedsApproval')}</span>
            <p className="muted" style={{ marginTop: 8 }}>
              {t('salesSettings.lost.hint')}
            </p>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            title={t('salesSettings.assignment.title')}
            variant="borderless"
            className="fill-card"
          >
            <Form.Item name="assignment_mode" label={t('salesSettings.assignmentModeLabel')}>
              <Radio.Group
                options={ASSIGNMENT_MODES.map((value) => ({
                  value,
                  label: t(`salesSettings.assignmentMode.${value}`),
                }))}
                className="stack-radio"
              />
            </Form.Item>
            {mode && mode !== 'manual' && (
              <Form.Item
                name="assignment_team_id"
                label={t('salesSettings.assignmentTeam')}
                extra={t('salesSettings.assignmentTeamHint')}
                rules={[{ required: true, message: t('errors.field.required') }]}
              >
                <Select
                  options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
                />
              </Form.Item>
            )}
          </Card>
        </Col>
      </Row>
      {editable && (
        <div className="form-actions" style={{ margin: '16px 0 24px' }}>
          <Button
            type="primary"
            htmlType="submit"
            loading={save.isPending}
            block={mobile}
            data-testid="save-sales-settings"
          >
            {t('common.save')}
          </Button>
        </div>
      )}
    </Form>
  );
}
