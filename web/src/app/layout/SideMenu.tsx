// The sidebar menu, built from the module registry and the user's permissions.
import { Menu, type MenuProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { pageForPath, visibleModules } from '../modules';
import { useMe } from '../session';

export function SideMenu({
  onNavigate,
  collapsed,
}: {
  onNavigate?: () => void;
  collapsed?: boolean;
}) {
  const me = useMe();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const modules = useMemo(() => visibleModules(me), [me]);

  const items: MenuProps['items'] = modules.map((module) => {
    // A module with one page the user may open is one item, not a group of one.
    const [only] = module.pages;
    if (module.pages.length === 1 && only) {
      return { key: only.key, icon: only.icon, label: t(only.titleKey) };
    }
    return {
      key: module.key,
      icon: module.icon,
      label: t(module.titleKey),
      children: module.pages.map((page) => ({
        key: page.key,
        icon: page.icon,
        label: t(page.titleKey),
      })),
    };
  });

  const selected = pageForPath(location.pathname);
  const byKey = new Map(modules.flatMap((m) => m.pages).map((page) => [page.key, page]));
  const openKeys = collapsed
    ? undefined
    : modules.filter((m) => m.pages.length > 1).map((m) => m.key);

  return (
    <Menu
      mode="inline"
      inlineIndent={16}
      className="side-menu"
      items={items}
      selectedKeys={selected ? [selected.key] : []}
      defaultOpenKeys={openKeys}
      onClick={({ key }) => {
        const page = byKey.get(key);
        if (page) {
          navigate(page.path);
          onNavigate?.();
        }
      }}
    />
  );
}
