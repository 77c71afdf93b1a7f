// The SLA board (时效看板) for whoever watches the complaints: how many are breached, about to
// breach, on track and waiting for the customer, and the open complaints in that order (the
// soonest due first), asked again every minute.
import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/app/session';
import { PageHeader } from '@/components/PageHeader';
import { ErrorResult } from '@/components/Results';
import { formatTime } from '@/lib/format';
import { ComplaintList } from './ComplaintList';
import { useSlaBoard } from './hooks';
import { slaColour } from './rules';
import type { SlaState } from './types';

/** The states the board counts, each a field of the board holding its count. */
const COUNTED = [
  'breached',
  'at_risk',
  'on_track',
  'paused',
] as const satisfies readonly SlaState[];

/** The text colour of a count card, from its tag's colour. */
const CARD_COLOURS: Record<string, string> = {
  red: '#cf1322',
  orange: '#d46b08',
  green: '#389e0d',
  default: '#595959',
};

export default function SlaBoardPage() {
  const { t } = useTranslation();
  const me = useMe();
  const board = useSlaBoard();
  const tz = me.dealer.time_zone;
  const updated = board.dataUpdatedAt ? new Date(board.dataUpdatedAt).toISOString() : null;

  return (
    <>
      <PageHeader
        title={t('complaints.nav.board')}
        subtitle={
          updated
            ? t('complaints.board.subtitleAt', { at: formatTime(updated, tz) })
            : t('complaints.board.subtitle')
        }
      />
      {board.error ? (
        <ErrorResult error={board.error} onRetry={() => void board.refetch()} />
      ) : (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
            {COUNTED.map((state) => (
              <Col key={state} xs={12} md={6}>
                <Card variant="borderless" size="small" data-testid={`board-count-${state}`}>
                  <Statistic
                    title={t(`complaints.sla.${state}`)}
                    value={board.data?.[state] ?? 0}
                    loading={board.isLoading}
                    valueStyle={{ color: CARD_COLOURS[slaColour(state)], fontWeight: 600 }}
                  />
                </Card>
              </Col>
            ))}
          </Row>
          <Card variant="borderless">
            <ComplaintList
              items={board.data?.items ?? []}
              loading={board.isLoading}
              timeZone={tz}
              empty={t('complaints.board.empty')}
              testId="board-list"
            />
          </Card>
        </>
      )}
    </>
  );
}
