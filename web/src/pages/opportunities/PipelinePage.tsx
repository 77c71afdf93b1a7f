// The pipeline: the kanban of open opportunities by stage, and the funnel of a period with the
// weighted forecast. Who and which tab live in the URL.
import { Card, Select, Tabs } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/app/session';
import { PageHeader } from '@/components/PageHeader';
import { can } from '@/lib/permissions';
import { useConsultants } from '@/lib/sales';
import { useIsMobile } from '@/lib/useIsMobile';
import { useUrlFilters } from '@/lib/useUrlFilters';
import { useTeams } from '@/lib/org';
import { FUNNEL_PERIODS, FunnelPanel, type FunnelPeriod } from './FunnelPanel';
import type { BoardQuery } from './hooks';
import { KanbanBoard } from './KanbanBoard';

const KEYS = ['tab', 'owner', 'team_id', 'period'] as const;

export default function PipelinePage() {
  const me = useMe();
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const [filters, setFilters] = useUrlFilters(KEYS);
  const wide = can(me, 'opportunity:read', 'team');
  const people = useConsultants(wide && can(me, 'user:read'));
  const teams = useTeams(wide && can(me, 'team:read'));
  const query = useMemo<BoardQuery>(
    () => ({
      ...(filters.owner ? { owner_id: filters.owner } : {}),
      ...(filters.team_id ? { team_id: filters.team_id } : {}),
    }),
    [filters.owner, filters.team_id],
  );
  const period: FunnelPeriod = (FUNNEL_PERIODS as readonly string[]).includes(filters.period ?? '')
    ? (filters.period as FunnelPeriod)
    : 'month';
  const tab = filters.tab === 'funnel' ? 'funnel' : 'board';

  const who = wide && (
    <>
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder={t('pipeline.filter.owner')}
        value={filters.owner}
        onChange={(value?: string) => setFilters({ owner: value })}
        options={[
          { value: me.user.id, label: t('pipeline.filter.mine') },
          ...people.consultants
            .filter((user) => user.id !== me.user.id)
            .map((user) => ({ value: user.id, label: user.display_name })),
        ]}
        style={{ minWidth: 140 }}
        data-testid="pipeline-owner"
      />
      {can(me, 'team:read') && (
        <Select
          allowClear
          placeholder={t('pipeline.filter.team')}
          value={filters.team_id}
          onChange={(value?: string) => setFilters({ team_id: value })}
          options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
          style={{ minWidth: 130 }}
        />
      )}
    </>
  );

  return (
    <>
      <PageHeader
        title={t('nav.pipeline')}
        subtitle={mobile ? t('pipeline.subtitlePhone') : t('pipeline.subtitle')}
        extra={who}
      />
      <Card variant="borderless" className="pipeline-card">
        <Tabs
          activeKey={tab}
          onChange={(key) => setFilters({ tab: key === 'funnel' ? 'funnel' : undefined })}
          items={[
            {
              key: 'board',
              label: <span data-testid="tab-board">{t('pipeline.tab.board')}</span>,
              children: <KanbanBoard query={query} />,
            },
            {
              key: 'funnel',
              label: <span data-testid="tab-funnel">{t('pipeline.tab.funnel')}</span>,
              children: (
                <FunnelPanel
                  query={query}
                  period={period}
                  onPeriod={(next) => setFilters({ period: next === 'month' ? undefined : next })}
                />
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
