// "Subscribe": a private iCalendar URL for phone calendars. Creating a new one stops the old;
// the URL is shown this once (the server keeps only its hash); revoking stops it altogether.
// The dialog says whether a link exists and when a calendar last synced it.
import { LinkOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '@/api/client';
import { useMe } from '@/app/session';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { formatDateTime } from '@/lib/format';

const FEED_KEY = ['me', 'calendar-feed'] as const;

export function FeedButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onError = useApiErrorHandler();
  const tz = useMe().dealer.time_zone;
  const queryClient = useQueryClient();
  const status = useQuery({
    queryKey: FEED_KEY,
    queryFn: async () => unwrap(api.GET('/api/v1/me/calendar-feed')),
    enabled: open,
    // Opening the dialog always asks again: a phone may have synced since.
    staleTime: 0,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: FEED_KEY });

  const create = async () => {
    setBusy(true);
    try {
      const feed = await unwrap(api.POST('/api/v1/me/calendar-feed'));
      setUrl(`${window.location.origin}${feed.path}`);
      refresh();
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };
  const revoke = async () => {
    setBusy(true);
    try {
      await unwrap(api.DELETE('/api/v1/me/calendar-feed'));
      setUrl(null);
      refresh();
      void message.success(t('work.feed.revoked'));
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button icon={<LinkOutlined />} onClick={() => setOpen(true)} data-testid="feed-open">
        {t('work.feed.subscribe')}
      </Button>
      <Modal
        open={open}
        title={t('work.feed.title')}
        onCancel={() => {
          setOpen(false);
          setUrl(null);
        }}
        footer={null}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('work.feed.explain')}</Typography.Paragraph>
        {status.data && (
          <Typography.Paragraph type="secondary" data-testid="feed-status">
            {status.data.active ? (
              <>
                {t('work.feed.active', { since: formatDateTime(status.data.created_at, tz) })}
                {' · '}
                {status.data.last_used_at
                  ? t('work.feed.lastUsed', { at: formatDateTime(status.data.last_used_at, tz) })
                  : t('work.feed.neverUsed')}
              </>
            ) : (
              t('work.feed.inactive')
            )}
          </Typography.Paragraph>
        )}
        {url && (
          <Alert
            type="success"
            showIcon
            style={{ marginBottom: 16 }}
            message={t('work.feed.shownOnce')}
            description={
              <Typography.Text
                copyable={{ text: url }}
                code
                data-testid="feed-url"
                style={{ wordBreak: 'break-all' }}
              >
                {url}
              </Typography.Text>
            }
          />
        )}
        <Space wrap>
          <Button
            type="primary"
            loading={busy}
            onClick={() => void create()}
            data-testid="feed-create"
          >
            {url || status.data?.active ? t('work.feed.rotate') : t('work.feed.create')}
          </Button>
          <Popconfirm title={t('work.feed.revokeConfirm')} onConfirm={() => void revoke()}>
            <Button danger disabled={busy || !status.data?.active} data-testid="feed-revoke">
              {t('work.feed.revoke')}
            </Button>
          </Popconfirm>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
          {t('work.feed.rotateHint')}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
