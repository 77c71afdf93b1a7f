// What happened to a complaint: its steps in order as a timeline (what was done, by whom, when,
// with the notes), and the escalations its clocks fired (warning, breach, the general manager).
import { Card, Empty, Table, Tag, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format';
import { useIsMobile } from '@/lib/useIsMobile';
import type { ComplaintEscalation, ComplaintStep } from './types';

/** The colour of a step's dot. */
function stepColour(kind: string): string {
  switch (kind) {
    case 'resolved':
    case 'closed':
      return 'green';
    case 'rejected':
    case 'reopened':
    case 'escalated':
      return 'red';
    case 'waiting':
      return 'gray';
    default:
      return 'blue';
  }
}

/** The complaint's steps, oldest first. */
export function ComplaintSteps({
  steps,
  timeZone,
}: {
  steps: readonly ComplaintStep[];
  timeZone: string;
}) {
  const { t } = useTranslation();
  return (
    <Card variant="borderless" title={t('complaints.card.steps')} data-testid="complaint-steps">
      {steps.length === 0 ? (
        <Empty description={t('complaints.noSteps')} />
      ) : (
        <Timeline
          items={steps.map((s, i) => ({
            key: `${s.at}-${i}`,
            color: stepColour(s.kind),
            children: (
              <div data-testid="complaint-step" data-kind={s.kind}>
                <div>
                  <strong>{t(`complaints.step.${s.kind}`, { defaultValue: s.kind })}</strong>
                  <span className="muted">
                    {' · '}
                    {s.actor?.display_name ?? t('complaints.system')}
                    {' · '}
                    <span className="tabular nowrap">{formatDateTime(s.at, timeZone)}</span>
                  </span>
                </div>
                {s.notes && <div style={{ whiteSpace: 'pre-wrap' }}>{s.notes}</div>}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}

/** The escalations fired, or nothing when none was. */
export function ComplaintEscalations({
  escalations,
  timeZone,
}: {
  escalations: readonly ComplaintEscalation[];
  timeZone: string;
}) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  if (escalations.length === 0) return null;
  return (
    <Card
      variant="borderless"
      title={t('complaints.card.escalations')}
      data-testid="complaint-escalations"
    >
      <Table
        rowKey={(e) => `${e.clock}-${e.step}-${e.cycle}`}
        size="small"
        pagination={false}
        dataSource={[...escalations]}
        scroll={mobile ? { x: 'max-content' } : undefined}
        columns={[
          {
            title: t('complaints.field.escalation'),
            key: 'step',
            render: (_, e) => (
              <Tag color={e.step === 'warning' ? 'orange' : 'red'}>
                {t(`complaints.escalation.${e.step}`)}
              </Tag>
            ),
          },
          {
            title: t('complaints.field.clock'),
            dataIndex: 'clock',
            render: (clock: ComplaintEscalation['clock']) => t(`complaints.clock.${clock}`),
          },
          {
            title: t('complaints.field.firedAt'),
            dataIndex: 'fired_at',
            className: 'nowrap',
            render: (at: string) => <span className="tabular">{formatDateTime(at, timeZone)}</span>,
          },
          {
            title: t('complaints.field.dueAt'),
            dataIndex: 'due_at',
            className: 'nowrap',
            responsive: ['md'],
            render: (at: string) => <span className="tabular">{formatDateTime(at, timeZone)}</span>,
          },
        ]}
      />
    </Card>
  );
}
