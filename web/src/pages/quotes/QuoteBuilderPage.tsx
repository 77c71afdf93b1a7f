// The quote builder (报价), phone first: the consultant picks the trim, colour, options,
// packages and accessories of the day, the fees, the discount and a trade-in, and saves; the
// server prices every line and the quote opens with its on-the-road price. Reached from an
// opportunity (`/quotes/new?opportunity=<id>`); saving when the opportunity has a quote makes
// its next version, which starts from the version it was opened from (`&from=<quote id>`). The
// on-the-road price is priced by the server as the consultant chooses and shown all along.
import {
  Alert,
  App,
  Button,
  Card,
  Cascader,
  Checkbox,
  Empty,
  Form,
  Input,
  Radio,
  Select,
  Space,
  Tag,
} from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '@/components/PageHeader';
import { PageSpinner } from '@/components/PageSpinner';
import { ErrorResult, NotFoundResult } from '@/components/Results';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { useMe } from '@/app/session';
import { catalogOptions, findModel, useCatalog } from '@/lib/catalog';
import { formatMoney, parseMoney } from '@/lib/format';
import { can } from '@/lib/permissions';
import {
  useAppraisals,
  useCreateQuote,
  useOpportunity,
  useQuote,
  useQuotePreview,
  useTrimConfiguration,
  type ConfigItem,
  type NewQuote,
  type TrimConfiguration,
} from './hooks';
import { AppraisalModal } from './AppraisalModal';
import { QuoteLines } from './QuoteLines';
import type { Quote } from '@/lib/quotes';
import './quotes.css';

interface Values {
  colour?: string;
  /** The choice of each exclusive/single group, by group id. */
  groups: Record<string, string | undefined>;
  /** The options of multi groups and options without a group. */
  options: string[];
  packages: string[];
  accessories: string[];
  insurance?: string;
  fees?: string;
  finance_fee?: string;
  discount?: string;
  appraisal_id?: string;
  notes?: string;
}

function priceLabel(item: ConfigItem): string {
  return item.price_fen === null || item.price_fen === undefined
    ? item.name
    : `${item.name}  ${formatMoney(item.price_fen)}`;
}

function fen(text: string | undefined): number {
  if (!text) return 0;
  return parseMoney(text) ?? 0;
}

const EMPTY: Values = { groups: {}, options: [], packages: [], accessories: [] };

/** The quote the form describes, as the server takes it. */
function quoteBody(
  opportunityId: string,
  modelId: string,
  config: TrimConfiguration,
  values: Values,
): NewQuote {
  return {
    opportunity_id: opportunityId,
    model_id: modelId,
    colour: values.colour ?? null,
    option_ids: chosenOptions(config, values),
    package_ids: values.packages ?? [],
    accessory_ids: values.accessories ?? [],
    insurance_fen: fen(values.insurance),
    fees_fen: fen(values.fees),
    finance_fee_fen: fen(values.finance_fee),
    discount_fen: fen(values.discount),
    appraisal_id: values.appraisal_id ?? null,
    notes: values.notes?.trim() || null,
  };
}

/** Money in the form's words: yuan with two decimals, empty for nothing. */
function yuanText(value: number): string | undefined {
  return value ? (value / 100).toFixed(2) : undefined;
}

/** The form's values that make `quote` again (a new version starts from the one it came from). */
export function valuesOf(quote: Quote, config: TrimConfiguration): Values {
  const values: Values = { ...EMPTY, groups: {}, options: [], colour: quote.colour ?? undefined };
  const items = (kind: string) =>
    quote.lines.filter((l) => l.kind === kind && l.item_id).map((l) => l.item_id as string);
  for (const id of items('option')) {
    const option = config.options.find((o) => o.id === id);
    if (!option || option.colour) continue;
    const group = config.groups.find((g) => g.id === option.group_id);
    if (group && group.rule !== 'multi') values.groups[group.id] = id;
    else values.options.push(id);
  }
  values.packages = items('package');
  values.accessories = items('accessory');
  values.insurance = yuanText(quote.insurance_fen);
  values.fees = yuanText(quote.fees_fen);
  values.finance_fee = yuanText(quote.finance_fee_fen);
  values.discount = yuanText(quote.discount_fen);
  values.appraisal_id = quote.appraisal_id ?? undefined;
  values.notes = quote.notes ?? undefined;
  return values;
}

/** The selected option ids: each group's choice, the multi options, the colour's paint. */
export function chosenOptions(
  config: TrimConfiguration,
  values: Pick<Values, 'colour' | 'groups' | 'options'>,
): string[] {
  const ids = new Set<string>();
  for (const id of Object.values(values.groups ?? {})) if (id) ids.add(id);
  for (const id of values.options ?? []) ids.add(id);
  const paint = config.colours.find((c) => c.name === values.colour)?.option_id;
  // A paint option goes with its colour only.
  for (const option of config.options) {
    if (option.colour && option.id !== paint) ids.delete(option.id);
  }
  if (paint) ids.add(paint);
  return [...ids];
}

function Configuration({ config }: { config: TrimConfiguration }) {
  const { t } = useTranslation();
  const offered = config.options.filter((o) => o.active && !o.colour);
  const loose = offered.filter((o) => !o.group_id);
  return (
    <>
      {config.colours.length > 0 && (
        <Form.Item name="colour" label={t('quotes.field.colour')}>
          <Radio.Group className="quote-choices" data-testid="quote-colour">
            {config.colours.map((colour) => (
              <Radio key={colour.name} value={colour.name}>
                {colour.hex && <span className="quote-swatch" style={{ background: colour.hex }} />}
                {colour.name}
                {colour.price_fen ? ` +${formatMoney(colour.price_fen)}` : ''}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
      )}
      {config.groups.map((group) => {
        const options = offered.filter((o) => o.group_id === group.id);
        if (options.length === 0) return null;
        if (group.rule === 'multi') {
          return (
            <Form.Item key={group.id} name="options" label={group.name}>
              <Checkbox.Group
                className="quote-choices"
                options={options.map((o) => ({ value: o.id, label: priceLabel(o) }))}
              />
            </Form.Item>
          );
        }
        return (
          <Form.Item
            key={group.id}
            name={['groups', group.id]}
            label={`${group.name}${group.rule === 'single' ? t('quotes.field.atMostOne') : ''}`}
            rules={
              group.rule === 'exclusive'
                ? [{ required: true, message: t('quotes.validation.chooseOne') }]
                : []
            }
          >
            <Radio.Group className="quote-choices" data-testid={`quote-group-${group.rule}`}>
              {group.rule === 'single' && <Radio value="">{t('quotes.field.none')}</Radio>}
              {options.map((o) => (
                <Radio key={o.id} value={o.id}>
                  {priceLabel(o)}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
        );
      })}
      {loose.length > 0 && (
        <Form.Item name="options" label={t('quotes.field.options')}>
          <Checkbox.Group
            className="quote-choices"
            options={loose.map((o) => ({ value: o.id, label: priceLabel(o) }))}
          />
        </Form.Item>
      )}
      {config.packages.filter((p) => p.active).length > 0 && (
        <Form.Item name="packages" label={t('quotes.field.packages')}>
          <Checkbox.Group
            className="quote-choices"
            options={config.packages
              .filter((p) => p.active)
              .map((p) => ({ value: p.id, label: priceLabel(p) }))}
          />
        </Form.Item>
      )}
      {config.accessories.filter((a) => a.active).length > 0 && (
        <Form.Item name="accessories" label={t('quotes.field.accessories')}>
          <Checkbox.Group
            className="quote-choices"
            data-testid="quote-accessories"
            options={config.accessories
              .filter((a) => a.active)
              .map((a) => ({ value: a.id, label: priceLabel(a) }))}
          />
        </Form.Item>
      )}
    </>
  );
}

export default function QuoteBuilderPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const opportunityId = search.get('opportunity');
  const from = useQuote(search.get('from'));
  const opportunity = useOpportunity(opportunityId);
  const catalog = useCatalog();
  const [form] = Form.useForm<Values>();
  const [picked, setPicked] = useState<string | undefined>();
  const [appraising, setAppraising] = useState(false);
  const me = useMe();
  // Every value of the form as the consultant changes it, for the running price.
  const watched = Form.useWatch((values: Values) => values, form);
  const draft = useMemo(() => ({ ...EMPTY, ...watched }), [watched]);
  const modelId = picked ?? from.data?.model_id ?? opportunity.data?.car?.model_id ?? undefined;
  const config = useTrimConfiguration(modelId);
  const appraisals = useAppraisals(opportunity.data?.customer.id);
  const create = useCreateQuote();
  const onError = useApiErrorHandler();
  const trimPath = findModel(catalog.data, modelId);
  const cascader = useMemo(
    () => catalogOptions(catalog.data, (model) => model.name, modelId),
    [catalog.data, modelId],
  );
  const previewBody = useMemo(
    () =>
      opportunityId && modelId && config.data
        ? quoteBody(opportunityId, modelId, config.data, draft)
        : null,
    [opportunityId, modelId, config.data, draft],
  );
  const preview = useQuotePreview(previewBody);
  // Opened from a version: its choices, once (the consultant's changes are theirs).
  const started = useRef(false);
  useEffect(() => {
    if (started.current || !opportunity.data || !from.data || !config.data || picked) return;
    if (from.data.model_id !== modelId) return;
    started.current = true;
    const values = valuesOf(from.data, config.data);
    form.setFieldsValue(values);
  }, [opportunity.data, from.data, config.data, picked, modelId, form]);

  if (!opportunityId) return <NotFoundResult />;
  if (opportunity.isLoading) return <PageSpinner />;
  if (opportunity.error || !opportunity.data) return <ErrorResult error={opportunity.error} />;
  const opp = opportunity.data;

  const save = async () => {
    if (!config.data || !modelId) return;
    const values = await form.validateFields();
    try {
      const quote = await create.mutateAsync(quoteBody(opp.id, modelId, config.data, values));
      message.success(t('quotes.saved', { number: quote.number }));
      void navigate(`/quotes/${quote.id}`);
    } catch (error) {
      onError(error, { form });
    }
  };

  const moneyRule = {
    validator: (_: unknown, value?: string) =>
      !value || (parseMoney(value) ?? -1) >= 0
        ? Promise.resolve()
        : Promise.reject(new Error(t('quotes.validation.amount'))),
  };
  const money = (name: keyof Values, label: string, testId: string) => (
    <Form.Item name={name} label={label} rules={[moneyRule]}>
      <Input prefix="¥" inputMode="decimal" placeholder="0.00" data-testid={testId} />
    </Form.Item>
  );
  const validAppraisals = (appraisals.data?.items ?? []).filter((a) => !a.expired);

  return (
    <div className="quote-builder">
      <PageHeader
        title={t('quotes.builder.title')}
        subtitle={`${opp.customer.name} · ${opp.car?.name ?? ''}`}
        crumbs={[{ title: t('quotes.title'), to: '/quotes' }, { title: t('quotes.builder.title') }]}
      />
      <Form form={form} layout="vertical" initialValues={EMPTY}>
        <Card size="small" title={t('quotes.section.vehicle')} className="quote-section">
          <Form.Item label={t('quotes.field.trim')} required>
            <Cascader
              options={cascader}
              value={trimPath ? [trimPath.brand.id, trimPath.series.id, trimPath.model.id] : []}
              onChange={(value) => {
                const last = value?.[value.length - 1];
                setPicked(typeof last === 'string' ? last : undefined);
                form.resetFields();
              }}
              placeholder={t('quotes.field.trimPlaceholder')}
              data-testid="quote-trim"
            />
          </Form.Item>
          {config.data && (
            <div className="quote-guide muted">
              {t('quotes.field.vehiclePrice')}:{' '}
              <span className="tabular">{formatMoney(config.data.vehicle_price_fen)}</span>
              {' · '}
              {t('quotes.field.pricedOn', { date: config.data.as_of })}
            </div>
          )}
          {config.isLoading && modelId && <PageSpinner />}
          {!modelId && <Empty description={t('quotes.builder.pickTrim')} />}
          {config.data && <Configuration config={config.data} />}
        </Card>
        <Card size="small" title={t('quotes.section.fees')} className="quote-section">
          {money('insurance', t('quotes.field.insurance'), 'quote-insurance')}
          {money('fees', t('quotes.field.fees'), 'quote-fees')}
          {money('finance_fee', t('quotes.field.financeFee'), 'quote-finance-fee')}
          {money('discount', t('quotes.field.discount'), 'quote-discount')}
          <Form.Item label={t('quotes.field.tradeIn')}>
            <div className="quote-trade-in">
              <Form.Item name="appraisal_id" noStyle>
                <Select
                  allowClear
                  className="quote-trade-in-select"
                  placeholder={t('quotes.field.noTradeIn')}
                  data-testid="quote-appraisal"
                  options={validAppraisals.map((a) => ({
                    value: a.id,
                    label: `${a.vehicle_label} ${formatMoney(a.value_fen)} (${t('quotes.field.validUntil')} ${a.valid_until})`,
                  }))}
                />
              </Form.Item>
              {can(me, 'appraisal:write') && (
                <Button onClick={() => setAppraising(true)} data-testid="new-appraisal">
                  {t('quotes.appraisal.new')}
                </Button>
              )}
            </div>
          </Form.Item>
          <Form.Item name="notes" label={t('quotes.field.notes')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Card>
        {config.data && (
          <Card
            size="small"
            title={t('quotes.builder.price')}
            className="quote-section"
            data-testid="builder-price"
          >
            {preview.error && (
              <Alert
                type="info"
                showIcon
                className="quote-section"
                message={t('quotes.builder.incomplete')}
                data-testid="builder-incomplete"
              />
            )}
            {preview.data && <QuoteLines quote={preview.data} />}
            {preview.data?.needs_approval && (
              <Alert
                type="warning"
                showIcon
                className="quote-builder-approval"
                message={preview.data.approval_reasons
                  .map((reason) => t(`quotes.reason.${reason}`, reason))
                  .join('；')}
                description={t('quotes.builder.approvalHint')}
                data-testid="builder-needs-approval"
              />
            )}
          </Card>
        )}
        <div className="quote-save-bar">
          <div className="quote-save-total" data-testid="builder-total">
            {preview.data && (
              <>
                <span className="muted">{t('quotes.total')}</span>{' '}
                <strong className="tabular">{formatMoney(preview.data.total_fen)}</strong>
                {preview.data.needs_approval && (
                  <Tag color="warning" className="quote-save-tag">
                    {t('quotes.builder.needsApprovalTag')}
                  </Tag>
                )}
              </>
            )}
          </div>
          <Space>
            <Button onClick={() => void navigate(-1)}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              size="large"
              loading={create.isPending}
              disabled={!config.data}
              onClick={() => void save()}
              data-testid="save-quote"
            >
              {t('quotes.action.save')}
            </Button>
          </Space>
        </div>
      </Form>
      <AppraisalModal
        customerId={opp.customer.id}
        open={appraising}
        onClose={() => setAppraising(false)}
        onAppraised={(id) => form.setFieldValue('appraisal_id', id)}
      />
    </div>
  );
}
