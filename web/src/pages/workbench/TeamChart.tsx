// Active staff by role, as a doughnut: the first chart of the app, and the model for later ones.
import { Card, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '@/app/session';
import { EChart } from '@/components/charts/EChart';
import { can } from '@/lib/permissions';
import { roleName, useRoles } from '@/lib/roles';
import { useUserOptions } from '@/lib/users';

export default function TeamChart() {
  const { t } = useTranslation();
  const me = useMe();
  const users = useUserOptions();
  const roles = useRoles(can(me, 'role:read'));
  const option = useMemo(() => {
    const counts = new Map<string, number>();
    for (const user of users.data?.items ?? []) {
      if (user.status !== 'active') continue;
      counts.set(user.role, (counts.get(user.role) ?? 0) + 1);
    }
    return {
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { bottom: 0, icon: 'circle', itemWidth: 8, itemHeight: 8, itemGap: 12 },
      series: [
        {
          type: 'pie',
          radius: ['38%', '60%'],
          center: ['50%', '38%'],
          avoidLabelOverlap: true,
          label: { show: false },
          itemStyle: { borderColor: '#fff', borderWidth: 2 },
          data: [...counts].map(([role, value]) => ({
            name: roleName(t, role, roles.data),
            value,
          })),
        },
      ],
    };
  }, [users.data, roles.data, t]);
  const total = users.data?.items.filter((u) => u.status === 'active').length ?? 0;
  return (
    <Card
      title={t('workbench.teamCard')}
      variant="borderless"
      extra={<Link to="/admin/users">{t('workbench.viewAll')}</Link>}
      style={{ marginBottom: 16 }}
    >
      <Typography.Text type="secondary">
        {t('workbench.activeUsers', { count: total })}
      </Typography.Text>
      <EChart
        option={option}
        height={300}
        loading={users.isLoading}
        ariaLabel={t('workbench.teamCard')}
      />
    </Card>
  );
}
