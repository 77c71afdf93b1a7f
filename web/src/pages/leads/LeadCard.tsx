// A lead as a card: on phones in the list, and on the board by grade.
import { WarningOutlined } from '@ant-design/icons';
import { Checkbox, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Lead } from '@/api/types';
import { FollowUpDue, GradeTag, LeadStatusTag } from '@/lib/sales';

export function LeadCard({
  lead,
  timeZone,
  compact = false,
  selected,
  onSelect,
}: {
  lead: Lead;
  timeZone: string;
  /** On the board: no grade (the column says it), no status (all open). */
  compact?: boolean;
  selected?: boolean;
  onSelect?: (on: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="record-card lead-card" data-testid="lead-row" data-lead-id={lead.id}>
      <div className="record-card-title">
        <Link to={`/leads/${lead.id}`} className="record-card-link" data-testid="lead-link">
          <Space size={8}>
            {!compact && <GradeTag grade={lead.grade} />}
            <span>{lead.customer.name}</span>
            {!compact && lead.status !== 'open' && <LeadStatusTag status={lead.status} />}
            {lead.stagnant_since && (
              <Tooltip title={t('leads.stagnant')}>
                <WarningOutlined className="stagnant-icon" aria-label={t('leads.stagnant')} />
              </Tooltip>
            )}
          </Space>
        </Link>
        {onSelect && (
          <Checkbox
            checked={selected}
            onChange={(event) => onSelect(event.target.checked)}
            aria-label={t('leads.bulk.select')}
          />
        )}
      </div>
      <dl className="record-card-meta">
        <dt>{t('leads.field.car')}</dt>
        <dd>{lead.car?.name ?? '—'}</dd>
        <dt>{t('leads.field.owner')}</dt>
        <dd>
          {lead.owner?.display_name ??
            (lead.pool ? t('sales.pool.marketing') : t('sales.unassigned'))}
        </dd>
        <dt>{t('leads.field.nextFollowUp')}</dt>
        <dd>
          <FollowUpDue
            at={lead.next_follow_up_at}
            overdue={lead.follow_up_overdue}
            timeZone={timeZone}
          />
        </dd>
      </dl>
    </div>
  );
}
