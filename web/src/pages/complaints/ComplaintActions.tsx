// The steps a user may take from a complaint's page, valid for its status and their
// permissions: assign (or reassign), answer the customer, log an action, wait for the customer
// and resume, resolve with what was agreed, verify by calling the customer back, reopen. Each
// opens a drawer and sends the complaint's version; a stale version (409) reloads the page.
import { Alert, Button, Drawer, Form, Input, Radio, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, isConflict } from '@/api/problem';
import { useMe } from '@/app/session';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { useIsMobile } from '@/lib/useIsMobile';
import { HandlerSelect } from './HandlerSelect';
import { type StepInput, useComplaintStep } from './hooks';
import { availableActions, type StepAction, verifyBlocked } from './rules';
import type { ComplaintDetail } from './types';

interface Values {
  handler_id?: string;
  notes?: string;
  agreement?: string;
  satisfied?: boolean;
}

const FIELDS = ['handler_id', 'notes', 'agreement', 'satisfied'];
const TEXT_MAX = 2000;

/** The step a complaint in this status waits for: its button is the primary one. */
const PRIMARY: readonly StepAction[] = ['respond', 'resolve', 'verify', 'resume'];

/** The body of a step from the drawer's values. */
function stepInput(step: StepAction, version: number, v: Values): StepInput {
  const notes = v.notes?.trim() || null;
  switch (step) {
    case 'assign':
      return { step, body: { version, handler_id: v.handler_id ?? '', notes } };
    case 'resolve':
      return { step, body: { version, agreement: v.agreement?.trim() ?? '' } };
    case 'verify':
      return { step, body: { version, satisfied: v.satisfied ?? true, notes: notes ?? '' } };
    default:
      return { step, body: { version, notes } };
  }
}

/** The form of one step, in a drawer. */
function StepDrawer({
  step,
  detail,
  onClose,
  onSaved,
  onStale,
}: {
  step: StepAction;
  detail: ComplaintDetail;
  onClose: () => void;
  onSaved: () => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const onError = useApiErrorHandler();
  const send = useComplaintStep(detail.complaint.id);
  const [form] = Form.useForm<Values>();
  const c = detail.complaint;
  const notesRequired = step !== 'assign' && step !== 'resume';
  const assignLabel = c.handler ? 'reassign' : 'assign';
  const title = t(`complaints.action.${step === 'assign' ? assignLabel : step}`);

  const submit = (v: Values) =>
    send.mutate(stepInput(step, c.version, v), {
      onSuccess: () => {
        onClose();
        onSaved();
      },
      onError: (error) => {
        // Someone moved the complaint on meanwhile: show it as it now stands.
        if (isConflict(error) || (isApiError(error) && error.code === 'invalid_state')) {
          onClose();
          onStale();
        }
        onError(error, { form, fields: FIELDS, onConflict: () => undefined });
      },
    });

  return (
    <Drawer
      open
      onClose={onClose}
      title={title}
      width={mobile ? '100%' : 480}
      extra={
        <Button
          type="primary"
          loading={send.isPending}
          onClick={() => form.submit()}
          data-testid={`complaint-${step}-submit`}
        >
          {t('complaints.form.confirm')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        {t(`complaints.actionHint.${step}`)}
      </Typography.Paragraph>
      {step === 'verify' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('complaints.verifyRule')}
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ satisfied: true }}
        data-testid={`complaint-${step}-form`}
      >
        {step === 'assign' && (
          <Form.Item
            name="handler_id"
            label={t('complaints.field.handler')}
            rules={[{ required: true, message: t('complaints.form.required') }]}
          >
            <HandlerSelect exclude={c.handler?.id} testId="complaint-assign-handler" />
          </Form.Item>
        )}
        {step === 'verify' && (
          <Form.Item name="satisfied" label={t('complaints.field.satisfied')}>
            <Radio.Group data-testid="complaint-verify-satisfied">
              <Space direction="vertical">
                <Radio value={true} data-testid="complaint-verify-yes">
                  {t('complaints.verify.satisfied')}
                </Radio>
                <Radio value={false} data-testid="complaint-verify-no">
                  {t('complaints.verify.notSatisfied')}
                </Radio>
              </Space>
            </Radio.Group>
          </Form.Item>
        )}
        {step === 'resolve' ? (
          <Form.Item
            name="agreement"
            label={t('complaints.field.agreement')}
            rules={[
              { required: true, whitespace: true, message: t('complaints.form.required') },
              { max: TEXT_MAX },
            ]}
          >
            <Input.TextArea
              rows={5}
              maxLength={TEXT_MAX}
              showCount
              data-testid="complaint-agreement-input"
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="notes"
            label={t(`complaints.notesLabel.${step}`)}
            rules={[
              {
                required: notesRequired,
                whitespace: true,
                message: t('complaints.form.required'),
              },
              { max: TEXT_MAX },
            ]}
          >
            <Input.TextArea
              rows={4}
              maxLength={TEXT_MAX}
              showCount
              data-testid="complaint-notes-input"
            />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}

/** The action buttons of a complaint, with the drawer of the one chosen. */
export function ComplaintActions({
  detail,
  onSaved,
  onStale,
}: {
  detail: ComplaintDetail;
  /** Called after a step was taken. */
  onSaved: () => void;
  /** Called when the complaint changed under the user: the page reloads it and says so. */
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const [open, setOpen] = useState<StepAction | null>(null);
  const actions = availableActions(me, detail);
  if (actions.length === 0) return null;
  const blocked = verifyBlocked(me, detail);
  const label = (step: StepAction) =>
    t(`complaints.action.${step === 'assign' && detail.complaint.handler ? 'reassign' : step}`);

  return (
    <>
      <Space wrap data-testid="complaint-actions">
        {actions.map((step) => {
          const disabled = step === 'verify' && blocked !== null;
          const button = (
            <Button
              key={step}
              type={PRIMARY.includes(step) && !disabled ? 'primary' : 'default'}
              disabled={disabled}
              onClick={() => setOpen(step)}
              data-testid={`complaint-${step}`}
            >
              {label(step)}
            </Button>
          );
          return disabled ? (
            <Tooltip key={step} title={t('complaints.verifyRule')}>
              {button}
            </Tooltip>
          ) : (
            button
          );
        })}
      </Space>
      {blocked && actions.includes('verify') && (
        <Typography.Paragraph
          type="secondary"
          style={{ marginTop: 8, marginBottom: 0 }}
          data-testid="complaint-verify-rule"
        >
          {t(`complaints.verifyBlocked.${blocked}`)}
        </Typography.Paragraph>
      )}
      {open && (
        <StepDrawer
          step={open}
          detail={detail}
          onClose={() => setOpen(null)}
          onSaved={onSaved}
          onStale={onStale}
        />
      )}
    </>
  );
}
