// Merging two records of the same customer: pick both, see them side by side, choose which
// value of each field survives, confirm. Phones and tags of both are kept; cars, companions,
// consent history and the timeline move to the survivor. The other record's address then leads
// to the survivor.
import { SwapOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Radio,
  Row,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Customer, FieldChoice } from '@/api/types';
import { mergedInto } from '@/api/problem';
import { ConflictAlert } from '@/components/ConflictAlert';
import { CustomerPicker } from '@/components/CustomerPicker';
import { PageHeader } from '@/components/PageHeader';
import { ErrorResult } from '@/components/Results';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { EMPTY, formatDateTime, formatPhone } from '@/lib/format';
import { lookupName, useLookups } from '@/lib/lookups';
import { useIsMobile } from '@/lib/useIsMobile';
import { useUrlFilters } from '@/lib/useUrlFilters';
import { useMe } from '@/app/session';
import { addressLine } from './labels';
import { useCustomer, useMergeCustomers } from './hooks';
import {
  defaultChoices,
  differingFields,
  MERGE_FIELDS,
  mergeRequest,
  mergeValue,
  swapChoices,
  type MergeChoices,
  type MergeField,
} from './merge';

function useShown() {
  const { t } = useTranslation();
  const sources = useLookups('source');
  return (customer: Customer, field: MergeField): string => {
    if (mergeValue(customer, field) === null) return EMPTY;
    switch (field) {
      case 'kind':
        return t(`customers.kind.${customer.kind}`);
      case 'gender':
        return customer.gender ? t(`customers.gender.${customer.gender}`) : EMPTY;
      case 'address':
        return addressLine(t, customer);
      case 'source':
        return lookupName(t, 'source', customer.source, sources.data);
      case 'owner':
        return customer.owner?.display_name ?? EMPTY;
      default:
        return String(customer[field] ?? EMPTY);
    }
  };
}

interface MergeRow {
  field: MergeField;
}

export default function MergePage() {
  const me = useMe();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const { modal, message } = App.useApp();
  const [params, setParams] = useUrlFilters(['a', 'b'] as const);
  const first = useCustomer(params.a ?? '', !!params.a);
  const second = useCustomer(params.b ?? '', !!params.b);
  const merge = useMergeCustomers();
  const handleError = useApiErrorHandler();
  const shown = useShown();
  // The user's choices, for the pair they were made for (another pair starts from defaults).
  const [picked, setPicked] = useState<{ pair: string; choices: MergeChoices } | null>(null);
  const [conflict, setConflict] = useState(false);
  const tz = me.dealer.time_zone;

  // A record that was itself merged away stands for its survivor.
  useEffect(() => {
    const a = mergedInto(first.error);
    const b = mergedInto(second.error);
    if (a || b) setParams({ a: a ?? params.a, b: b ?? params.b });
  }, [first.error, second.error, params.a, params.b, setParams]);

  const survivor = first.data;
  const other = second.data;
  const ready = !!survivor && !!other && survivor.id !== other.id;
  const pair =
    survivor && other ? `${survivor.id}:${survivor.version}:${other.id}:${other.version}` : '';
  const choices: MergeChoices | null =
    survivor && other
      ? picked?.pair === pair
        ? picked.choices
        : defaultChoices(survivor, other)
      : null;

  const rows: MergeRow[] = useMemo(() => {
    if (!survivor || !other) return [];
    const differing = differingFields(survivor, other);
    return MERGE_FIELDS.filter((f) => differing.includes(f)).map((field) => ({ field }));
  }, [survivor, other]);

  const choose = (field: MergeField, choice: FieldChoice) => {
    if (choices) setPicked({ pair, choices: { ...choices, [field]: choice } });
  };

  const swap = () => {
    if (survivor && other && choices) {
      setPicked({
        pair: `${other.id}:${other.version}:${survivor.id}:${survivor.version}`,
        choices: swapChoices(choices),
      });
    }
    setParams({ a: params.b, b: params.a });
  };

  const confirm = () => {
    if (!survivor || !other || !choices) return;
    modal.confirm({
      title: t('customers.merge.confirmTitle'),
      content: t('customers.merge.confirmText', { merged: other.name, survivor: survivor.name }),
      okText: t('customers.merge.submit'),
      cancelText: t('common.cancel'),
      onOk: () =>
        merge.mutateAsync(mergeRequest(survivor, other, choices)).then(
          (result) => {
            void message.success(t('customers.merge.done', { name: result.name }));
            navigate(`/customers/${result.id}`);
          },
          (error: unknown) => handleError(error, { onConflict: () => setConflict(true) }),
        ),
    });
  };

  const valueCell = (customer: Customer, field: MergeField, choice: FieldChoice) => (
    <Radio
      checked={choices?.[field] === choice}
      onChange={() => choose(field, choice)}
      data-testid={`choose-${field}-${choice}`}
    >
      <span className={field === 'id_number' ? 'tabular masked' : undefined}>
        {shown(customer, field)}
      </span>
    </Radio>
  );

  const columns: ColumnsType<MergeRow> = [
    {
      title: t('customers.merge.field'),
      dataIndex: 'field',
      width: mobile ? 90 : 130,
      render: (field: MergeField) => t(`customers.fieldName.${field}`),
    },
    {
      title: (
        <Space size={6}>
          {t('customers.merge.survivor')}
          <Tag color="blue">{survivor?.name}</Tag>
        </Space>
      ),
      key: 'survivor',
      render: (_, row) => survivor && valueCell(survivor, row.field, 'survivor'),
    },
    {
      title: (
        <Space size={6}>
          {t('customers.merge.merged')}
          <Tag>{other?.name}</Tag>
        </Space>
      ),
      key: 'merged',
      render: (_, row) => other && valueCell(other, row.field, 'merged'),
    },
  ];

  const summary = (customer: Customer | undefined, label: string) =>
    customer && (
      <Card size="small" title={label} className="merge-summary" data-testid="merge-summary">
        <Link to={`/customers/${customer.id}`} target="_blank">
          {customer.name}
        </Link>
        <div className="muted tabular">
          {customer.phones.map((p) => formatPhone(p.number)).join('、') || EMPTY}
        </div>
        <div className="muted">
          {t('customers.merge.counts', {
            vehicles: customer.vehicles.length,
            companions: customer.companions.length,
            tags: customer.tags.length,
          })}
        </div>
        <div className="muted tabular">
          {t('customers.createdOn', { at: formatDateTime(customer.created_at, tz) })}
        </div>
      </Card>
    );

  const loadError = [first, second].find((q) => q.isError && !mergedInto(q.error));

  return (
    <>
      <PageHeader
        title={t('customers.merge.title')}
        subtitle={t('customers.merge.subtitle')}
        crumbs={[
          { title: t('nav.customers'), to: '/customers' },
          { title: t('customers.merge.title') },
        ]}
      />
      {conflict && (
        <ConflictAlert
          onReload={() => {
            setConflict(false);
            void first.refetch();
            void second.refetch();
          }}
        />
      )}
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Row gutter={[16, 12]} align="bottom">
          <Col xs={24} md={11}>
            <Typography.Text strong>{t('customers.merge.pickSurvivor')}</Typography.Text>
            <CustomerPicker
              value={params.a}
              initial={survivor ?? null}
              exclude={params.b ? [params.b] : []}
              onChange={(id) => setParams({ a: id })}
              testId="merge-pick-a"
            />
          </Col>
          <Col xs={24} md={2} style={{ textAlign: 'center' }}>
            <Button
              icon={<SwapOutlined />}
              onClick={swap}
              disabled={!params.a || !params.b}
              aria-label={t('customers.merge.swap')}
              title={t('customers.merge.swap')}
              data-testid="merge-swap"
            />
          </Col>
          <Col xs={24} md={11}>
            <Typography.Text strong>{t('customers.merge.pickMerged')}</Typography.Text>
            <CustomerPicker
              value={params.b}
              initial={other ?? null}
              exclude={params.a ? [params.a] : []}
              onChange={(id) => setParams({ b: id })}
              testId="merge-pick-b"
            />
          </Col>
        </Row>
      </Card>
      {loadError ? (
        <ErrorResult error={loadError.error} />
      ) : !ready ? (
        <Card variant="borderless">
          <Empty description={t('customers.merge.pickBoth')} />
        </Card>
      ) : (
        <Card variant="borderless">
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={24} md={12}>
              {summary(survivor, t('customers.merge.survivor'))}
            </Col>
            <Col xs={24} md={12}>
              {summary(other, t('customers.merge.merged'))}
            </Col>
          </Row>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message={t('customers.merge.keepsAll', { name: survivor.name })}
          />
          {rows.length === 0 ? (
            <Typography.Paragraph type="secondary">
              {t('customers.merge.sameValues')}
            </Typography.Paragraph>
          ) : (
            <Table<MergeRow>
              rowKey="field"
              columns={columns}
              dataSource={rows}
              pagination={false}
              size="middle"
              scroll={{ x: 520 }}
              data-testid="merge-table"
            />
          )}
          <div className="form-actions" style={{ marginTop: 16 }}>
            <Button
              type="primary"
              danger
              onClick={confirm}
              loading={merge.isPending}
              block={mobile}
              data-testid="merge-submit"
            >
              {t('customers.merge.submit')}
            </Button>
            <Button onClick={() => navigate(-1)} block={mobile}>
              {t('common.cancel')}
            </Button>
          </div>
        </Card>
      )}
    </>
  );
}
