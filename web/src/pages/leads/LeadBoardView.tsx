// The open leads by grade: one column per grade (N H A B C) with its count and the first cards.
// Columns scroll sideways on a phone.
import { Card, Empty } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '@/app/session';
import { ErrorResult } from '@/components/Results';
import { formatNumber } from '@/lib/format';
import { gradeColor } from '@/lib/sales';
import { useLeadBoard } from './hooks';
import { LeadCard } from './LeadCard';
import { leadListQuery, type LeadFilters } from './query';

export function LeadBoardView({ filters }: { filters: LeadFilters }) {
  const me = useMe();
  const { t } = useTranslation();
  const tz = me.dealer.time_zone;
  const query = useMemo(() => leadListQuery(filters, tz, true), [filters, tz]);
  const board = useLeadBoard(query);

  if (board.isError)
    return <ErrorResult error={board.error} onRetry={() => void board.refetch()} />;
  if (board.isLoading || !board.data) return <Card loading variant="borderless" />;

  return (
    <div className="board" data-testid="lead-board">
      {board.data.columns.map((column) => {
        const more = column.count - column.leads.length;
        const listUrl = new URLSearchParams({ grade: column.grade, status: 'open' });
        return (
          <section
            key={column.grade}
            className="board-column"
            data-testid={`board-column-${column.grade}`}
          >
            <header
              className="board-column-head"
              style={{ borderTopColor: gradeColor(column.grade) }}
            >
              <div className="board-column-title">
                <span className="board-grade" style={{ background: gradeColor(column.grade) }}>
                  {column.grade}
                </span>
                <span>{t(`sales.gradeShort.${column.grade}`)}</span>
              </div>
              <span className="board-count tabular" data-testid="board-count">
                {formatNumber(column.count)}
              </span>
            </header>
            <div className="board-column-body">
              {column.leads.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('leads.boardEmpty')} />
              ) : (
                column.leads.map((lead) => (
                  <LeadCard key={lead.id} lead={lead} timeZone={me.dealer.time_zone} compact />
                ))
              )}
              {more > 0 && (
                <Link to={`/leads?${listUrl.toString()}`} className="board-more">
                  {t('leads.boardMore', { count: more })}
                </Link>
              )}
            </div>
          </section>
        );
      })}
    </div>
  );
}
