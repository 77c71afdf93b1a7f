// The avatar menu: profile, change password, sign out.
import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Dropdown, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { initials } from '@/lib/format';
import { RoleName } from '@/lib/roles';
import { useMe, useSession } from '../session';

export function UserMenu({ compact = false }: { compact?: boolean }) {
  const me = useMe();
  const { signOut } = useSession();
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Dropdown
      trigger={['click']}
      placement="bottomRight"
      menu={{
        items: [
          {
            key: 'who',
            type: 'group',
            label: (
              <div className="user-menu-who">
                <div className="user-menu-name">{me.user.display_name}</div>
                <Typography.Text type="secondary">
                  {me.user.username} · <RoleName roleKey={me.role.key} />
                </Typography.Text>
              </div>
            ),
          },
          { type: 'divider' },
          { key: 'profile', icon: <UserOutlined />, label: t('userMenu.profile') },
          { key: 'password', icon: <KeyOutlined />, label: t('userMenu.changePassword') },
          { type: 'divider' },
          { key: 'logout', icon: <LogoutOutlined />, label: t('userMenu.signOut'), danger: true },
        ],
        onClick: async ({ key }) => {
          if (key === 'profile') navigate('/profile');
          if (key === 'password') navigate('/profile?tab=password');
          if (key === 'logout') {
            await signOut();
            navigate('/login', { replace: true });
          }
        },
      }}
    >
      <button type="button" className="user-menu-trigger" data-testid="user-menu">
        <Space size={8}>
          <Avatar size={30} style={{ background: '#1f5fb4', fontSize: 12 }}>
            {initials(me.user.display_name)}
          </Avatar>
          {!compact && <span className="user-menu-label">{me.user.display_name}</span>}
        </Space>
      </button>
    </Dropdown>
  );
}
