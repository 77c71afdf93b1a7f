// The facts of one complaint: who complained (with a phone to call back), about which car, how it
// came in, who handles it; its two SLA clocks (due, done or breached); what the customer said
// and what was agreed.
import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { display, formatDateTime } from '@/lib/format';
import { CustomerPhone } from './ComplaintTags';
import { CLOCKS, clockFacts, type ClockFacts } from './rules';
import type { ComplaintDetail, ComplaintView } from './types';

/** One clock: due at …, done at …, breached, or standing still while waiting. */
function ClockLine({
  facts,
  waiting,
  timeZone,
}: {
  facts: ClockFacts;
  waiting: boolean;
  timeZone: string;
}) {
  const { t } = useTranslation();
  const breached = facts.breached && (
    <Tag color="red" data-testid={`complaint-clock-${facts.clock}-breached`}>
      {t('complaints.clockState.breached')}
    </Tag>
  );
  if (facts.done) {
    return (
      <Space size={4} wrap>
        <span className="tabular">
          {t('complaints.clockState.doneAt', { at: formatDateTime(facts.done, timeZone) })}
        </span>
        {breached || <Tag color="green">{t('complaints.clockState.inTime')}</Tag>}
      </Space>
    );
  }
  if (waiting) {
    return (
      <Space size={4} wrap>
        <Tag>{t('complaints.clockState.paused')}</Tag>
        {breached}
      </Space>
    );
  }
  return (
    <Space size={4} wrap>
      <span className="tabular">
        {facts.due
          ? t('complaints.clockState.dueAt', { at: formatDateTime(facts.due, timeZone) })
          : display(null)}
      </span>
      {breached}
    </Space>
  );
}

/** Both SLA clocks of the complaint. */
export function ComplaintClocks({ c, timeZone }: { c: ComplaintView; timeZone: string }) {
  const { t } = useTranslation();
  return (
    <Card variant="borderless" title={t('complaints.card.clocks')} data-testid="complaint-clocks">
      <Descriptions column={1} size="small">
        {CLOCKS.map((clock) => (
          <Descriptions.Item key={clock} label={t(`complaints.clock.${clock}`)}>
            <ClockLine
              facts={clockFacts(c, clock)}
              waiting={!!c.waiting_since}
              timeZone={timeZone}
            />
          </Descriptions.Item>
        ))}
        {c.waiting_since && (
          <Descriptions.Item label={t('complaints.field.waitingSince')}>
            <span className="tabular">{formatDateTime(c.waiting_since, timeZone)}</span>
          </Descriptions.Item>
        )}
        {c.oem_deadline_at && (
          <Descriptions.Item label={t('complaints.field.oemDeadline')}>
            <span className="tabular">{formatDateTime(c.oem_deadline_at, timeZone)}</span>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

/** The customer, the car, how it came in and who handles it. */
export function ComplaintInfo({ detail, timeZone }: { detail: ComplaintDetail; timeZone: string }) {
  const { t } = useTranslation();
  const c = detail.complaint;
  return (
    <Card variant="borderless" title={t('complaints.card.complaint')} data-testid="complaint-info">
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('complaints.field.customer')}>
          <Space direction="vertical" size={0}>
            {c.customer ? (
              <Link to={`/customers/${c.customer.id}`} data-testid="complaint-customer-link">
                {c.customer.name}
              </Link>
            ) : (
              display(null)
            )}
            <CustomerPhone complaint={c} />
          </Space>
        </Descriptions.Item>
        {c.car && (
          <Descriptions.Item label={t('complaints.field.car')}>
            <Link to={`/vehicles/${c.car.id}`} className="plate" data-testid="complaint-car-link">
              {c.car.plate ?? c.car.vin ?? t('complaints.field.car')}
            </Link>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('complaints.field.source')}>
          {t(`complaints.source.${c.source}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('complaints.field.category')}>
          {t(`complaints.category.${c.category}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('complaints.field.handler')}>
          <span data-testid="complaint-handler-name">
            {c.handler?.display_name ?? t('complaints.unassigned')}
          </span>
        </Descriptions.Item>
        {c.staff && (
          <Descriptions.Item label={t('complaints.field.staff')}>
            {c.staff.display_name}
          </Descriptions.Item>
        )}
        {c.repair_order_id && (
          <Descriptions.Item label={t('complaints.field.repairOrder')}>
            <Link to={`/repair-orders/${c.repair_order_id}`}>{t('complaints.open')}</Link>
          </Descriptions.Item>
        )}
        {c.order_id && (
          <Descriptions.Item label={t('complaints.field.order')}>
            <Link to={`/orders/${c.order_id}`}>{t('complaints.open')}</Link>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('complaints.field.entered')}>
          <span className="tabular">
            {[c.entered_by?.display_name, formatDateTime(c.entered_at, timeZone)]
              .filter(Boolean)
              .join(' · ')}
          </span>
        </Descriptions.Item>
        {c.cycle > 0 && (
          <Descriptions.Item label={t('complaints.field.cycle')}>
            {t('complaints.reopenedTimes', { count: c.cycle })}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

/** What the customer said and, once handled, what was agreed and who checked it. */
export function ComplaintText({ detail }: { detail: ComplaintDetail }) {
  const { t } = useTranslation();
  return (
    <Card variant="borderless" title={t('complaints.card.details')}>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="complaint-details">
        {detail.details}
      </Typography.Paragraph>
      {detail.agreement && (
        <>
          <Typography.Text strong>{t('complaints.field.agreement')}</Typography.Text>
          <Typography.Paragraph
            style={{ whiteSpace: 'pre-wrap' }}
            data-testid="complaint-agreement"
          >
            {detail.agreement}
          </Typography.Paragraph>
        </>
      )}
      {(detail.resolved_by || detail.verified_by) && (
        <Descriptions column={1} size="small">
          {detail.resolved_by && (
            <Descriptions.Item label={t('complaints.field.resolvedBy')}>
              {detail.resolved_by.display_name}
            </Descriptions.Item>
          )}
          {detail.verified_by && (
            <Descriptions.Item label={t('complaints.field.verifiedBy')}>
              {detail.verified_by.display_name}
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
    </Card>
  );
}
