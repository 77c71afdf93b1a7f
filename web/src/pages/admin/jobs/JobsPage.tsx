// Background jobs for the administrator: what is queued, running, failing or dead (with the
// error), retry a failed or dead one, cancel one that has not started.
import {
  App,
  Button,
  Card,
  Empty,
  List,
  Popconfirm,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '@/api/client';
import { useMe } from '@/app/session';
import { ListFooter } from '@/components/ListFooter';
import { PageHeader } from '@/components/PageHeader';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import '@/components/work/work.css';
import { formatDateTime } from '@/lib/format';
import { useIsMobile } from '@/lib/useIsMobile';
import { useKeysetList } from '@/lib/useKeysetList';
import {
  JOB_STATUS_COLORS,
  JOB_STATUSES,
  useRefreshWork,
  vocab,
  WORK_KEY,
  type Job,
  type JobStatus,
} from '@/lib/work';

function JobActions({ job }: { job: Job }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const onError = useApiErrorHandler();
  const refresh = useRefreshWork();
  const run = async (action: 'retry' | 'cancel') => {
    setBusy(true);
    try {
      const options = { params: { path: { id: job.id } } };
      if (action === 'retry') await unwrap(api.POST('/api/v1/jobs/{id}/retry', options));
      else await unwrap(api.POST('/api/v1/jobs/{id}/cancel', options));
      void message.success(t(`work.jobs.done.${action}`));
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
      void refresh();
    }
  };
  return (
    <Space size={4}>
      {(job.status === 'failed' || job.status === 'dead') && (
        <Button
          size="small"
          loading={busy}
          onClick={() => void run('retry')}
          data-testid="job-retry"
        >
          {t('work.jobs.retry')}
        </Button>
      )}
      {job.status === 'queued' && (
        <Popconfirm title={t('work.jobs.cancelConfirm')} onConfirm={() => void run('cancel')}>
          <Button size="small" danger loading={busy} data-testid="job-cancel">
            {t('work.jobs.cancel')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}

export default function JobsPage() {
  const { t } = useTranslation();
  const tz = useMe().dealer.time_zone;
  const mobile = useIsMobile();
  const [status, setStatus] = useState<JobStatus>('queued');
  const list = useKeysetList([...WORK_KEY, 'jobs', status], (cursor) =>
    unwrap(api.GET('/api/v1/jobs', { params: { query: { status, cursor, limit: 50 } } })),
  );
  const statusTag = (s: JobStatus) => (
    <Tag color={JOB_STATUS_COLORS[s]}>{t(`work.jobStatus.${s}`)}</Tag>
  );
  const kind = (k: string) => vocab(t, 'work.jobKind', k.replace(/\./g, '_'));
  const error = (job: Job) =>
    job.last_error ? (
      <Typography.Paragraph
        type="danger"
        ellipsis={{ rows: 2, expandable: true, symbol: t('work.more') }}
        style={{ marginBottom: 0, fontSize: 12 }}
        className="tabular"
      >
        {job.last_error}
      </Typography.Paragraph>
    ) : null;

  return (
    <>
      <PageHeader title={t('work.jobs.title')} subtitle={t('work.jobs.subtitle')} />
      <Card variant="borderless">
        <Tabs
          activeKey={status}
          onChange={(key) => setStatus(key as JobStatus)}
          items={JOB_STATUSES.map((s) => ({ key: s, label: t(`work.jobStatus.${s}`) }))}
        />
        {mobile ? (
          list.items.length === 0 && !list.isLoading ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('work.jobs.empty')} />
          ) : (
            <List
              loading={list.isLoading}
              dataSource={list.items}
              renderItem={(job) => (
                <List.Item style={{ paddingInline: 0, display: 'block' }} data-testid="job-row">
                  <Space wrap size={4}>
                    {statusTag(job.status)}
                    <strong>{kind(job.kind)}</strong>
                  </Space>
                  <div className="my-work-item-meta">
                    <span className="tabular">{formatDateTime(job.run_at, tz)}</span>
                    <span>
                      {t('work.jobs.attempts')} {job.attempts}/{job.max_attempts}
                    </span>
                  </div>
                  {error(job)}
                  <JobActions job={job} />
                </List.Item>
              )}
            />
          )
        ) : (
          <Table<Job>
            rowKey="id"
            size="middle"
            loading={list.isLoading}
            dataSource={list.items}
            pagination={false}
            locale={{ emptyText: t('work.jobs.empty') }}
            onRow={() => ({ 'data-testid': 'job-row' }) as object}
            columns={[
              {
                title: t('work.jobs.col.kind'),
                render: (_, job) => (
                  <>
                    <div>{kind(job.kind)}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }} className="tabular">
                      {job.kind}
                    </Typography.Text>
                  </>
                ),
              },
              {
                title: t('work.jobs.col.status'),
                width: 100,
                render: (_, job) => statusTag(job.status),
              },
              {
                title: t('work.jobs.col.runAt'),
                width: 150,
                render: (_, job) => (
                  <span className="tabular">{formatDateTime(job.run_at, tz)}</span>
                ),
              },
              {
                title: t('work.jobs.attempts'),
                width: 90,
                render: (_, job) => (
                  <span className="tabular">
                    {job.attempts}/{job.max_attempts}
                  </span>
                ),
              },
              { title: t('work.jobs.col.error'), render: (_, job) => error(job) },
              {
                title: t('common.actions'),
                width: 150,
                render: (_, job) => <JobActions job={job} />,
              },
            ]}
          />
        )}
        <ListFooter
          shown={list.items.length}
          hasMore={!!list.hasNextPage}
          loading={list.isFetchingNextPage}
          onLoadMore={() => void list.fetchNextPage()}
        />
      </Card>
    </>
  );
}
