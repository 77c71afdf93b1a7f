// The home page: a greeting, where and as whom the user works, what they can do from here,
// and what they did lately.
import {
  ApartmentOutlined,
  BarChartOutlined,
  FormOutlined,
  FundProjectionScreenOutlined,
  SolutionOutlined,
  AuditOutlined,
  CarOutlined,
  ContactsOutlined,
  ImportOutlined,
  KeyOutlined,
  LockOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  TeamOutlined,
  UserAddOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Card, Col, Descriptions, Empty, List, Row, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '@/api/types';
import { useMe } from '@/app/session';
import { LOCALE_NAMES } from '@/i18n';
import { formatDateTime, hourIn } from '@/lib/format';
import { can } from '@/lib/permissions';
import { RoleName } from '@/lib/roles';
import { useAuditList } from '@/lib/audit';
import { actionLabel } from '@/components/audit/labels';
import { MySalesCard } from './MySalesCard';
import { MyWorkCard } from '@/components/work/MyWorkCard';

// ECharts is big: the chart loads after the rest of the page.
const TeamChart = lazy(() => import('./TeamChart'));

interface Shortcut {
  key: string;
  to: string;
  icon: ReactNode;
  title: string;
  text: string;
}

export function greetingKey(hour: number): string {
  if (hour < 5) return 'workbench.greeting.night';
  if (hour < 11) return 'workbench.greeting.morning';
  if (hour < 13) return 'workbench.greeting.noon';
  if (hour < 18) return 'workbench.greeting.afternoon';
  return 'workbench.greeting.evening';
}

function shortcutsFor(me: Me, t: (key: string) => string): Shortcut[] {
  const list: Shortcut[] = [];
  const add = (allowed: boolean, key: string, to: string, icon: ReactNode) => {
    if (allowed) {
      list.push({
        key,
        to,
        icon,
        title: t(`workbench.shortcut.${key}.title`),
        text: t(`workbench.shortcut.${key}.text`),
      });
    }
  };
  add(
    can(me, 'lead:create') && can(me, 'customer:create'),
    'reception',
    '/reception/new',
    <FormOutlined />,
  );
  add(can(me, 'lead:read'), 'leads', '/leads', <SolutionOutlined />);
  add(can(me, 'test_drive:read'), 'testDrives', '/test-drives', <CarOutlined />);
  add(can(me, 'opportunity:read'), 'pipeline', '/opportunities', <FundProjectionScreenOutlined />);
  add(can(me, 'sales_report:read', 'team'), 'salesReport', '/sales/report', <BarChartOutlined />);
  add(can(me, 'customer:create'), 'newCustomer', '/customers/new', <UserAddOutlined />);
  add(can(me, 'customer:read'), 'customers', '/customers', <ContactsOutlined />);
  add(can(me, 'vehicle:read'), 'vehicles', '/vehicles', <CarOutlined />);
  add(can(me, 'customer:import'), 'customerImport', '/customers/import', <ImportOutlined />);
  add(can(me, 'user:create'), 'newUser', '/admin/users/new', <UserAddOutlined />);
  add(can(me, 'user:read'), 'users', '/admin/users', <TeamOutlined />);
  add(can(me, 'role:read'), 'roles', '/admin/roles', <SafetyCertificateOutlined />);
  add(can(me, 'team:read'), 'org', '/admin/org', <ApartmentOutlined />);
  add(can(me, 'dealer:read'), 'dealer', '/admin/dealer', <ShopOutlined />);
  add(
    can(me, 'api_token:read') || can(me, 'api_token:create'),
    'apiTokens',
    '/admin/api-tokens',
    <KeyOutlined />,
  );
  add(can(me, 'audit:read'), 'audit', '/admin/audit', <AuditOutlined />);
  add(true, 'profile', '/profile', <UserOutlined />);
  add(true, 'password', '/profile?tab=password', <LockOutlined />);
  return list;
}

function RecentActivity() {
  const { t } = useTranslation();
  const me = useMe();
  const list = useAuditList({ actor_id: me.user.id });
  const items = list.items.slice(0, 6);
  return (
    <Card
      title={t('workbench.activityCard')}
      variant="borderless"
      extra={<Link to={`/admin/audit?actor_id=${me.user.id}`}>{t('workbench.viewAll')}</Link>}
    >
      {items.length === 0 && !list.isLoading ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.noActivity')} />
      ) : (
        <List
          loading={list.isLoading}
          size="small"
          dataSource={items}
          renderItem={(event) => (
            <List.Item style={{ paddingInline: 0 }}>
              <span>{actionLabel(t, event.action)}</span>
              <Typography.Text type="secondary" className="tabular" style={{ fontSize: 12 }}>
                {formatDateTime(event.occurred_at, me.dealer.time_zone)}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

export default function WorkbenchPage() {
  const me = useMe();
  const { t } = useTranslation();
  const tz = me.dealer.time_zone;
  const today = dayjs().tz(tz);
  const shortcuts = shortcutsFor(me, t);

  return (
    <>
      <section className="hero-card" data-testid="workbench-hero">
        <h2>{t(greetingKey(hourIn(tz)), { name: me.user.display_name })}</h2>
        <div className="hero-meta">
          <span>
            <ShopOutlined /> {me.dealer.name}
          </span>
          <span>
            <UserOutlined /> <RoleName roleKey={me.role.key} />
          </span>
          <span>{today.format(t('workbench.dateFormat'))}</span>
        </div>
      </section>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <MyWorkCard />
          {can(me, 'sales_report:read') && <MySalesCard />}
          <Card
            title={t('workbench.shortcutsCard')}
            variant="borderless"
            style={{ marginBottom: 16 }}
          >
            <Row gutter={[12, 12]}>
              {shortcuts.map((shortcut) => (
                <Col key={shortcut.key} xs={12} lg={8}>
                  <Link to={shortcut.to} data-testid={`shortcut-${shortcut.key}`}>
                    <Card size="small" hoverable style={{ height: '100%' }}>
                      <div className="shortcut">
                        <span className="shortcut-icon">{shortcut.icon}</span>
                        <div>
                          <div className="shortcut-title">{shortcut.title}</div>
                          <div className="shortcut-text">{shortcut.text}</div>
                        </div>
                      </div>
                    </Card>
                  </Link>
                </Col>
              ))}
            </Row>
          </Card>
          {can(me, 'audit:read') && <RecentActivity />}
        </Col>
        <Col xs={24} xl={8}>
          {can(me, 'user:read') && (
            <Suspense fallback={<Card loading variant="borderless" style={{ marginBottom: 16 }} />}>
              <TeamChart />
            </Suspense>
          )}
          <Card title={t('workbench.accountCard')} variant="borderless">
            <Descriptions column={1} size="small" styles={{ label: { width: 96 } }}>
              <Descriptions.Item label={t('users.field.username')}>
                {me.user.username}
              </Descriptions.Item>
              <Descriptions.Item label={t('users.field.role')}>
                <Tag color="blue">
                  <RoleName roleKey={me.role.key} />
                </Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('workbench.dealer')}>{me.dealer.name}</Descriptions.Item>
              <Descriptions.Item label={t('users.field.lastLogin')}>
                {formatDateTime(me.user.last_login_at, tz)}
              </Descriptions.Item>
              <Descriptions.Item label={t('users.field.locale')}>
                {me.user.locale ? LOCALE_NAMES[me.user.locale] : t('users.localeFollowDealer')}
              </Descriptions.Item>
              <Descriptions.Item label={t('workbench.permissions')}>
                {t('roles.permissionCount', { count: me.permissions.length })}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
      </Row>
    </>
  );
}
