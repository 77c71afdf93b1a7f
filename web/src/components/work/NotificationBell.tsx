// The bell in the top bar: the unread count (polled), the latest notifications in a dropdown,
// mark one or all read, and a click opens what the notification is about.
import { BellOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, List, Popover, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, unwrap } from '@/api/client';
import { useMe } from '@/app/session';
import { formatDateTime } from '@/lib/format';
import { can } from '@/lib/permissions';
import { useIsMobile } from '@/lib/useIsMobile';
import {
  UNREAD_KEY,
  useNotifications,
  useRefreshWork,
  useUnreadCount,
  type Notification,
} from '@/lib/work';
import './work.css';

export function NotificationBell() {
  const { t } = useTranslation();
  const me = useMe();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const allowed = can(me, 'notification:read');
  const unread = useUnreadCount(allowed);
  const list = useNotifications(open && allowed);
  const refresh = useRefreshWork();
  const count = unread.data?.unread ?? 0;
  if (!allowed) return null;

  const markRead = async (ids?: string[]) => {
    const result = await unwrap(
      api.POST('/api/v1/notifications/read', {
        body: ids ? { ids } : { all: true },
      }),
    );
    client.setQueryData(UNREAD_KEY, result);
    void refresh();
  };

  const openNotice = (notice: Notification) => {
    if (!notice.read_at) void markRead([notice.id]);
    setOpen(false);
    if (notice.link) navigate(notice.link);
  };

  const content = (
    <div className="bell-panel" data-testid="bell-panel">
      <div className="bell-panel-head">
        <Typography.Text strong>{t('work.bell.title')}</Typography.Text>
        <Button
          type="link"
          size="small"
          disabled={count === 0}
          onClick={() => void markRead()}
          data-testid="bell-mark-all"
        >
          {t('work.bell.markAllRead')}
        </Button>
      </div>
      {list.isPending ? (
        <div className="bell-panel-empty">
          <Spin size="small" />
        </div>
      ) : (list.data?.items.length ?? 0) === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('work.bell.empty')} />
      ) : (
        <List
          size="small"
          className="bell-list"
          dataSource={list.data?.items ?? []}
          renderItem={(notice) => {
            const text = notice;
            return (
              <List.Item
                className={notice.read_at ? 'bell-item' : 'bell-item unread'}
                onClick={() => openNotice(notice)}
                data-testid="bell-item"
                data-unread={notice.read_at ? 'false' : 'true'}
              >
                <div className="bell-item-text">
                  <div className="bell-item-title">{text.title}</div>
                  {text.body && <div className="bell-item-body">{text.body}</div>}
                  <div className="bell-item-time tabular">
                    {formatDateTime(notice.created_at, me.dealer.time_zone)}
                  </div>
                </div>
                {!notice.read_at && (
                  <Button
                    type="link"
                    size="small"
                    onClick={(e) => {
                      e.stopPropagation();
                      void markRead([notice.id]);
                    }}
                  >
                    {t('work.bell.markRead')}
                  </Button>
                )}
              </List.Item>
            );
          }}
        />
      )}
      <div className="bell-panel-foot">
        <Button
          type="link"
          size="small"
          onClick={() => {
            setOpen(false);
            navigate('/my-work');
          }}
        >
          {t('work.bell.openMyWork')}
        </Button>
      </div>
    </div>
  );

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement={mobile ? 'bottom' : 'bottomRight'}
      content={content}
      arrow={false}
      styles={{ body: { padding: 0 } }}
    >
      <Button
        type="text"
        aria-label={t('work.bell.label', { count })}
        data-testid="notification-bell"
        icon={
          <Badge count={count} size="small" overflowCount={99} data-testid="bell-count">
            <BellOutlined style={{ fontSize: 18 }} />
          </Badge>
        }
      />
    </Popover>
  );
}
