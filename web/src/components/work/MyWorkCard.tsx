// On the workbench: what waits in my work (late, today, approvals) and the way there.
import { CheckSquareOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '@/app/session';
import { can } from '@/lib/permissions';
import { useMyWork } from '@/lib/work';
import './work.css';

export function MyWorkCard() {
  const { t } = useTranslation();
  const me = useMe();
  const allowed = can(me, 'activity:read') || can(me, 'approval:read');
  const work = useMyWork();
  if (!allowed) return null;
  const data = work.data;
  const counts = [
    { key: 'overdue', value: data?.overdue.length ?? 0, alert: (data?.overdue.length ?? 0) > 0 },
    { key: 'today', value: data?.today.length ?? 0 },
    {
      key: 'approvals',
      value: data?.approvals_waiting ?? 0,
      alert: (data?.approvals_waiting ?? 0) > 0,
    },
    { key: 'unread', value: data?.unread_notifications ?? 0 },
  ];
  return (
    <Card
      variant="borderless"
      style={{ marginBottom: 16 }}
      loading={work.isPending}
      title={
        <span>
          <CheckSquareOutlined /> {t('work.myWork.title')}
        </span>
      }
      extra={
        <Link to="/my-work" data-testid="workbench-my-work">
          <Button type="primary" size="small">
            {t('work.myWork.open')} <RightOutlined />
          </Button>
        </Link>
      }
      data-testid="my-work-card"
    >
      <Row gutter={[8, 8]}>
        {counts.map((c) => (
          <Col key={c.key} xs={6}>
            <Link to="/my-work" className={c.alert ? 'my-work-count alert' : 'my-work-count'}>
              <strong className="tabular">{c.value}</strong>
              <span>{t(`work.myWork.count.${c.key}`)}</span>
            </Link>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
