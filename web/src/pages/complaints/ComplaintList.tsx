// Complaints as the desk and the SLA board list them: cards at phone width (number, severity
// and SLA tags, the summary, customer and handler, status and the running clock's due time), a
// table on the desktop.
import { Empty, List, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { display } from '@/lib/format';
import { useIsMobile } from '@/lib/useIsMobile';
import { DueText, SeverityTag, SlaTag, StatusTag } from './ComplaintTags';
import type { ComplaintView } from './types';

function ComplaintCard({ c, timeZone }: { c: ComplaintView; timeZone: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <List.Item
      key={c.id}
      data-testid="complaint-card"
      data-number={c.number}
      onClick={() => navigate(`/complaints/${c.id}`)}
      style={{ cursor: 'pointer' }}
    >
      <div style={{ width: '100%', minWidth: 0 }}>
        <Space size={4} wrap>
          <Link to={`/complaints/${c.id}`} className="tabular" data-testid="complaint-link">
            <Typography.Text strong style={{ color: 'inherit' }}>
              {c.number}
            </Typography.Text>
          </Link>
          <SeverityTag severity={c.severity} />
          <SlaTag state={c.sla_state} />
        </Space>
        <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '4px 0' }}>
          {c.summary}
        </Typography.Paragraph>
        <div className="muted">
          {display(c.customer?.name)} · {t('complaints.field.handler')}{' '}
          {c.handler?.display_name ?? t('complaints.unassigned')}
        </div>
        <Space size={4} wrap style={{ marginTop: 4 }}>
          <StatusTag status={c.status} />
          <DueText complaint={c} timeZone={timeZone} />
        </Space>
      </div>
    </List.Item>
  );
}

/** The complaints given, as cards on a phone and a table on the desktop. */
export function ComplaintList({
  items,
  loading,
  timeZone,
  empty,
  footer,
  testId,
}: {
  items: readonly ComplaintView[];
  loading: boolean;
  timeZone: string;
  /** What an empty list says. */
  empty: string;
  /** Under the list: "load more". */
  footer?: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const emptyText = <Empty description={empty} />;

  if (mobile) {
    return (
      <List
        loading={loading}
        dataSource={[...items]}
        locale={{ emptyText }}
        renderItem={(c) => <ComplaintCard c={c} timeZone={timeZone} />}
        footer={footer}
        data-testid={testId}
      />
    );
  }

  const columns: ColumnsType<ComplaintView> = [
    {
      title: t('complaints.field.number'),
      dataIndex: 'number',
      className: 'nowrap',
      render: (no: string, c) => (
        <Link to={`/complaints/${c.id}`} className="tabular" data-testid="complaint-link">
          {no}
        </Link>
      ),
    },
    {
      title: t('complaints.field.customer'),
      key: 'customer',
      className: 'nowrap',
      render: (_, c) => display(c.customer?.name),
    },
    {
      title: t('complaints.field.summary'),
      dataIndex: 'summary',
      ellipsis: true,
      width: '28%',
    },
    {
      title: t('complaints.field.severity'),
      dataIndex: 'severity',
      className: 'nowrap',
      render: (_, c) => <SeverityTag severity={c.severity} />,
    },
    {
      title: t('complaints.field.status'),
      dataIndex: 'status',
      className: 'nowrap',
      render: (_, c) => <StatusTag status={c.status} />,
    },
    {
      title: t('complaints.field.handler'),
      key: 'handler',
      className: 'nowrap',
      render: (_, c) =>
        c.handler?.display_name ?? (
          <Typography.Text type="secondary">{t('complaints.unassigned')}</Typography.Text>
        ),
    },
    {
      title: t('complaints.field.due'),
      key: 'due',
      render: (_, c) => <DueText complaint={c} timeZone={timeZone} />,
    },
    {
      title: t('complaints.field.sla'),
      dataIndex: 'sla_state',
      className: 'nowrap',
      render: (_, c) => <SlaTag state={c.sla_state} />,
    },
  ];

  return (
    <>
      <Table
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={[...items]}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText }}
        data-testid={testId}
        onRow={(c) => ({ 'data-testid': 'complaint-row', 'data-number': c.number }) as object}
      />
      {footer}
    </>
  );
}
