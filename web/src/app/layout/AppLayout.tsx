// The shell around every signed-in page: sidebar (a drawer on a phone), top bar, content.
import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigationType } from 'react-router';
import { PageSpinner } from '@/components/PageSpinner';
import { pageForPath } from '../modules';
import { Brand } from './Brand';
import { DealerSwitcher } from './DealerSwitcher';
import { GlobalSearch } from './GlobalSearch';
import { LanguageSwitcher } from './LanguageSwitcher';
import { SideMenu } from './SideMenu';
import { UserMenu } from './UserMenu';
import { NotificationBell } from '@/components/work/NotificationBell';

const COLLAPSED_KEY = 'forecourt.siderCollapsed';

export default function AppLayout() {
  const screens = Grid.useBreakpoint();
  const mobile = screens.md === false;
  const { t } = useTranslation();
  const location = useLocation();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSED_KEY) === '1');

  // A new page opens at its top (the browser would keep the last page's scroll position);
  // going back keeps the browser's own restoration.
  const navigationType = useNavigationType();
  useEffect(() => {
    if (navigationType !== 'POP') window.scrollTo({ top: 0 });
  }, [location.pathname, navigationType]);

  useEffect(() => {
    const page = pageForPath(location.pathname);
    document.title = page ? `${t(page.titleKey)} · ${t('app.name')}` : t('app.name');
  }, [location.pathname, t]);

  const toggleCollapsed = () => {
    setCollapsed((value) => {
      localStorage.setItem(COLLAPSED_KEY, value ? '0' : '1');
      return !value;
    });
  };

  return (
    <Layout className="app-shell">
      {!mobile && (
        <Layout.Sider
          width={240}
          collapsedWidth={64}
          collapsed={collapsed}
          trigger={null}
          className="app-sider"
        >
          <Brand collapsed={collapsed} />
          <SideMenu collapsed={collapsed} />
        </Layout.Sider>
      )}
      {mobile && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          width={280}
          closable={false}
          styles={{ body: { padding: 0 } }}
          rootClassName="nav-drawer"
        >
          <Brand />
          <div className="drawer-dealer">
            <DealerSwitcher block />
          </div>
          <SideMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
      <Layout>
        <Layout.Header className="app-header">
          {mobile ? (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t('topbar.openMenu')}
              onClick={() => setDrawerOpen(true)}
              data-testid="open-nav"
            />
          ) : (
            <Button
              type="text"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              aria-label={t('topbar.toggleMenu')}
              onClick={toggleCollapsed}
            />
          )}
          {mobile ? (
            <div className="header-brand">
              <Brand collapsed />
              <span className="header-title">{t('app.name')}</span>
            </div>
          ) : (
            <div className="header-search">
              <GlobalSearch />
            </div>
          )}
          <div className="header-spacer" />
          <div className="header-actions">
            {mobile ? <GlobalSearch compact /> : <DealerSwitcher />}
            <NotificationBell />
            <LanguageSwitcher compact={mobile} />
            <UserMenu compact={mobile} />
          </div>
        </Layout.Header>
        <Layout.Content className="app-content">
          <Suspense fallback={<PageSpinner />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
