// "Subscribe": a private iCalendar URL for phone calendars. Creating a new one stops the old;
// the URL is shown this once (the server keeps only its hash); revoking stops it altogether.
import { LinkOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '@/api/client';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';

export function FeedButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onError = useApiErrorHandler();

  const create = async () => {
    setBusy(true);
    try {
      const feed = await unwrap(api.POST('/api/v1/me/calendar-feed'));
      setUrl(`${window.location.origin}${feed.path}`);
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
            {url ? t('work.feed.rotate') : t('work.feed.create')}
          </Button>
          <Popconfirm title={t('work.feed.revokeConfirm')} onConfirm={() => void revoke()}>
            <Button danger disabled={busy} data-testid="feed-revoke">
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
