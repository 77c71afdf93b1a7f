// One complaint (投诉): its number, status, severity and SLA state; the customer with a phone to
// call back, the car, both clocks, what the customer said and what was agreed; the steps as a
// timeline and the escalations fired; and the steps the user may take. When a step finds the
// complaint changed by someone else, the page reloads it and says so.
import { Alert, Col, Row, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isNotFound } from '@/api/problem';
import { useMe } from '@/app/session';
import { PageHeader } from '@/components/PageHeader';
import { PageSpinner } from '@/components/PageSpinner';
import { ErrorResult, NotFoundResult } from '@/components/Results';
import { ComplaintActions } from './ComplaintActions';
import { ComplaintClocks, ComplaintInfo, ComplaintText } from './ComplaintFacts';
import { ComplaintEscalations, ComplaintSteps } from './ComplaintSteps';
import { SeverityTag, SlaTag, StatusTag } from './ComplaintTags';
import { useComplaint } from './hooks';

export default function ComplaintPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { id = '' } = useParams();
  const query = useComplaint(id);
  const [reloaded, setReloaded] = useState(false);
  if (query.error) {
    return isNotFound(query.error) ? <NotFoundResult /> : <ErrorResult error={query.error} />;
  }
  if (!query.data) return <PageSpinner />;
  const detail = query.data;
  const c = detail.complaint;
  const tz = me.dealer.time_zone;

  return (
    <>
      <PageHeader
        crumbs={[{ title: t('complaints.nav.desk'), to: '/complaints' }, { title: c.number }]}
        title={
          <span className="tabular" data-testid="complaint-number">
            {c.number}
          </span>
        }
        subtitle={c.summary}
      />
      <Space wrap size={[4, 8]} style={{ marginBottom: 12 }} data-testid="complaint-tags">
        <StatusTag status={c.status} testId="complaint-status" />
        <SeverityTag severity={c.severity} />
        {c.sla_state !== 'done' && <SlaTag state={c.sla_state} testId="complaint-sla" />}
      </Space>
      {reloaded && (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => setReloaded(false)}
          message={t('complaints.reloaded.title')}
          description={t('complaints.reloaded.description')}
          style={{ marginBottom: 16 }}
          data-testid="complaint-reloaded"
        />
      )}
      <div style={{ marginBottom: 16 }}>
        <ComplaintActions
          detail={detail}
          onSaved={() => setReloaded(false)}
          onStale={() => {
            setReloaded(true);
            void query.refetch();
          }}
        />
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <ComplaintInfo detail={detail} timeZone={tz} />
            <ComplaintClocks c={c} timeZone={tz} />
            <ComplaintText detail={detail} />
          </Space>
        </Col>
        <Col xs={24} lg={12}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <ComplaintSteps steps={detail.steps} timeZone={tz} />
            <ComplaintEscalations escalations={detail.escalations} timeZone={tz} />
          </Space>
        </Col>
      </Row>
    </>
  );
}
