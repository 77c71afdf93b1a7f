// The lead's one-step actions that ask something first: mark lost (reason and the competitor
// bought instead), reopen a lost lead (with a new grade), open an opportunity.
import { App, DatePicker, Form, Input, Modal, Select, Switch } from 'antd';
import type dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Grade, JudgedGrade, Lead, PaymentIntent, Timeframe } from '@/api/types';
import { GradePicker } from '@/components/GradePicker';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { parseMoney } from '@/lib/format';
import { lookupOptions, useLookups } from '@/lib/lookups';
import {
  JUDGED_GRADES,
  NO_COMPETITOR_REASONS,
  PAYMENT_INTENTS,
  stageName,
  TIMEFRAMES,
  useStages,
} from '@/lib/sales';
import { SeriesPicker } from '@/components/sales/SeriesPicker';
import { useMarkLost, useOpenOpportunity, useReopenLead, useUpdateLead } from './hooks';

interface ModalProps {
  lead: Lead;
  open: boolean;
  onClose: () => void;
  onConflict: () => void;
}

interface LostValues {
  reason: string;
  competitor_brand?: string;
  competitor_model?: string;
  note?: string;
}

export function LostModal({ lead, open, onClose, onConflict }: ModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<LostValues>();
  const reasons = useLookups('lost_reason', open);
  const lost = useMarkLost(lead.id);
  const handleError = useApiErrorHandler();
  const reason = Form.useWatch('reason', form);
  const needsCompetitor = !!reason && !NO_COMPETITOR_REASONS.includes(reason);

  return (
    <Modal
      open={open}
      title={t('leads.lost.title', { name: lead.customer.name })}
      okText={t('leads.lost.submit')}
      okButtonProps={{ danger: true, 'data-testid': 'lost-submit' }}
      cancelText={t('common.cancel')}
      confirmLoading={lost.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<LostValues>
        form={form}
        layout="vertical"
        preserve={false}
        data-testid="lost-form"
        onFinish={(values) =>
          lost.mutate(
            {
              version: lead.version,
              reason: values.reason,
              competitor_brand: values.competitor_brand?.trim() || null,
              competitor_model: values.competitor_model?.trim() || null,
              note: values.note?.trim() || null,
            },
            {
              onSuccess: (saved) => {
                void message.success(
                  saved.status === 'lost_pending'
                    ? t('leads.lost.requested')
                    : t('leads.lost.done'),
                );
                onClose();
              },
              onError: (error) =>
                handleError(error, {
                  form,
                  fields: ['reason', 'competitor_brand', 'competitor_model', 'note'],
                  onConflict: () => {
                    onClose();
                    onConflict();
                  },
                }),
            },
          )
        }
      >
        <Form.Item
          name="reason"
          label={t('leads.lost.reason')}
          rules={[{ required: true, message: t('errors.field.required') }]}
        >
          <Select
            options={lookupOptions(t, 'lost_reason', reasons.data)}
            loading={reasons.isLoading}
            data-testid="lost-reason"
          />
        </Form.Item>
        <Form.Item
          name="competitor_brand"
          label={t('leads.lost.competitorBrand')}
          dependencies={['reason']}
          rules={[
            {
              required: needsCompetitor,
              whitespace: true,
              message: t('leads.lost.competitorRequired'),
            },
          ]}
        >
          <Input maxLength={64} data-testid="lost-brand" />
        </Form.Item>
        <Form.Item name="competitor_model" label={t('leads.lost.competitorModel')}>
          <Input maxLength={100} data-testid="lost-model" />
        </Form.Item>
        <Form.Item name="note" label={t('leads.lost.note')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ReopenModal({ lead, open, onClose, onConflict }: ModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ grade: Grade; note?: string }>();
  const reopen = useReopenLead(lead.id);
  const handleError = useApiErrorHandler();
  return (
    <Modal
      open={open}
      title={t('leads.reopen.title', { name: lead.customer.name })}
      okText={t('leads.reopen.submit')}
      okButtonProps={{ 'data-testid': 'reopen-submit' }}
      cancelText={t('common.cancel')}
      confirmLoading={reopen.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(values) =>
          reopen.mutate(
            {
              version: lead.version,
              // The form offers only the judged grades.
              grade: values.grade as JudgedGrade,
              note: values.note?.trim() || null,
            },
            {
              onSuccess: () => {
                void message.success(t('leads.reopen.done'));
                onClose();
              },
              onError: (error) =>
                handleError(error, {
                  form,
                  fields: ['grade', 'note'],
                  onConflict: () => {
                    onClose();
                    onConflict();
                  },
                }),
            },
          )
        }
      >
        <Form.Item
          name="grade"
          label={t('leads.reopen.grade')}
          rules={[{ required: true, message: t('leads.followUp.gradeRequired') }]}
        >
          <GradePicker grades={JUDGED_GRADES} testId="reopen-grade" />
        </Form.Item>
        <Form.Item name="note" label={t('leads.reopen.note')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface OpportunityValues {
  stage_id?: string;
  /** As typed; named as the API's field so its errors land here. */
  amount_fen?: string;
  expected_on?: dayjs.Dayjs | null;
  competitors?: string[];
  notes?: string;
}

export function OpportunityModal({
  lead,
  open,
  onClose,
  onOpened,
}: {
  lead: Lead;
  open: boolean;
  onClose: () => void;
  onOpened: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<OpportunityValues>();
  const stages = useStages(open);
  const create = useOpenOpportunity(lead.id);
  const handleError = useApiErrorHandler();
  const openStages = (stages.data ?? []).filter((s) => s.active && s.kind === 'open');

  return (
    <Modal
      open={open}
      title={t('leads.opportunity.title', { name: lead.customer.name })}
      okText={t('leads.opportunity.submit')}
      okButtonProps={{ 'data-testid': 'opportunity-submit' }}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<OpportunityValues>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(values) =>
          create.mutate(
            {
              stage_id: values.stage_id ?? null,
              amount_fen: values.amount_fen ? parseMoney(values.amount_fen) : null,
              expected_on: values.expected_on ? values.expected_on.format('YYYY-MM-DD') : null,
              competitors: (values.competitors ?? []).map((c) => c.trim()).filter(Boolean),
              notes: values.notes?.trim() || null,
            },
            {
              onSuccess: () => {
                void message.success(t('leads.opportunity.done'));
                onClose();
                onOpened();
              },
              onError: (error) =>
                handleError(error, {
                  form,
                  fields: ['stage_id', 'amount_fen', 'expected_on', 'competitors', 'notes'],
                }),
            },
          )
        }
      >
        <Form.Item name="stage_id" label={t('leads.opportunity.stage')}>
          <Select
            allowClear
            placeholder={openStages[0] ? stageName(t, openStages[0]) : undefined}
            options={openStages.map((stage) => ({
              value: stage.id,
              label: `${stageName(t, stage)} · ${stage.probability}%`,
            }))}
            data-testid="opportunity-stage"
          />
        </Form.Item>
        <Form.Item
          name="amount_fen"
          label={t('leads.opportunity.amount')}
          rules={[
            {
              validator: async (_, value?: string) => {
                if (value && parseMoney(value) === null)
                  throw new Error(t('errors.field.invalid_amount'));
              },
            },
          ]}
        >
          <Input
            prefix="¥"
            inputMode="decimal"
            placeholder="189,800.00"
            className="tabular"
            data-testid="opportunity-amount"
          />
        </Form.Item>
        <Form.Item name="expected_on" label={t('leads.opportunity.expectedOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="competitors" label={t('leads.opportunity.competitors')}>
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，']} />
        </Form.Item>
        <Form.Item name="notes" label={t('leads.opportunity.notes')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface EditValues {
  series_id?: string | null;
  model_text?: string;
  /** As typed; named as the API's fields so their errors land here. */
  budget_min_fen?: string;
  budget_max_fen?: string;
  timeframe?: Timeframe | null;
  payment?: PaymentIntent | null;
  trade_in: boolean;
  trade_in_note?: string;
  source?: string | null;
  notes?: string;
}

const yuan = (fen: number | null | undefined) =>
  fen == null ? undefined : (fen / 100).toFixed(2).replace(/\.00$/, '');

const moneyRule = (t: (key: string) => string) => ({
  validator: async (_: unknown, value?: string) => {
    if (value && parseMoney(value) === null) throw new Error(t('errors.field.invalid_amount'));
  },
});

/** What the buyer wants: the car, budget, when and how they pay, a trade-in, the source. */
export function LeadEditModal({ lead, open, onClose, onConflict }: ModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const update = useUpdateLead(lead.id);
  const sources = useLookups('source', open);
  const handleError = useApiErrorHandler();
  const tradeIn = Form.useWatch('trade_in', form);
  const text = (value?: string) => value?.trim() || null;

  return (
    <Modal
      open={open}
      title={t('leads.edit.title', { name: lead.customer.name })}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'lead-edit-save' }}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<EditValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          series_id: lead.car?.series_id ?? null,
          model_text: lead.car && !lead.car.series_id ? lead.car.name : undefined,
          budget_min_fen: yuan(lead.budget_min_fen),
          budget_max_fen: yuan(lead.budget_max_fen),
          timeframe: lead.timeframe ?? null,
          payment: lead.payment ?? null,
          trade_in: lead.trade_in,
          trade_in_note: lead.trade_in_note ?? undefined,
          source: lead.source ?? null,
          notes: lead.notes ?? undefined,
        }}
        onFinish={(values) =>
          update.mutate(
            {
              version: lead.version,
              series_id: values.series_id ?? null,
              model_text: values.series_id ? null : text(values.model_text),
              budget_min_fen: values.budget_min_fen ? parseMoney(values.budget_min_fen) : null,
              budget_max_fen: values.budget_max_fen ? parseMoney(values.budget_max_fen) : null,
              timeframe: values.timeframe ?? null,
              payment: values.payment ?? null,
              trade_in: values.trade_in,
              trade_in_note: values.trade_in ? text(values.trade_in_note) : null,
              source: values.source ?? null,
              notes: text(values.notes),
            },
            {
              onSuccess: () => {
                void message.success(t('leads.edit.saved'));
                onClose();
              },
              onError: (error) =>
                handleError(error, {
                  form,
                  fields: [
                    'series_id',
                    'model_text',
                    'budget_min_fen',
                    'budget_max_fen',
                    'timeframe',
                    'payment',
                    'trade_in',
                    'trade_in_note',
                    'source',
                    'notes',
                  ],
                  onConflict: () => {
                    onClose();
                    onConflict();
                  },
                }),
            },
          )
        }
      >
        <Form.Item name="series_id" label={t('leads.field.car')}>
          <SeriesPicker multiple={false} />
        </Form.Item>
        <Form.Item name="model_text" extra={t('leads.edit.modelTextHint')}>
          <Input maxLength={100} placeholder={t('reception.modelTextPlaceholder')} />
        </Form.Item>
        <div className="form-row-2">
          <Form.Item name="budget_min_fen" label={t('leads.edit.budgetMin')} rules={[moneyRule(t)]}>
            <Input prefix="¥" inputMode="decimal" className="tabular" />
          </Form.Item>
          <Form.Item name="budget_max_fen" label={t('leads.edit.budgetMax')} rules={[moneyRule(t)]}>
            <Input prefix="¥" inputMode="decimal" className="tabular" />
          </Form.Item>
        </div>
        <div className="form-row-2">
          <Form.Item name="timeframe" label={t('leads.field.timeframe')}>
            <Select
              allowClear
              options={TIMEFRAMES.map((value) => ({
                value,
                label: t(`sales.timeframe.${value}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="payment" label={t('leads.field.payment')}>
            <Select
              allowClear
              options={PAYMENT_INTENTS.map((value) => ({
                value,
                label: t(`sales.payment.${value}`),
              }))}
            />
          </Form.Item>
        </div>
        <Form.Item name="trade_in" label={t('leads.field.tradeIn')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {tradeIn && (
          <Form.Item name="trade_in_note" label={t('leads.edit.tradeInNote')}>
            <Input maxLength={200} placeholder={t('leads.edit.tradeInPlaceholder')} />
          </Form.Item>
        )}
        <Form.Item name="source" label={t('leads.field.source')}>
          <Select allowClear options={lookupOptions(t, 'source', sources.data, lead.source)} />
        </Form.Item>
        <Form.Item name="notes" label={t('leads.field.notes')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
