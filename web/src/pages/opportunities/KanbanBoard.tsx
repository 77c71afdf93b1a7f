// The pipeline as a kanban: a column per stage with its count, amount and weighted amount, and
// the open opportunities as cards. Dragging a card to another column moves it to that stage
// (native drag and drop); on a phone, where fingers cannot drag, each card has a "move to" menu.
// Signing and delivery ask first: they make the lead O and close the deal.
import { MoreOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Dropdown, Empty, Modal, Tooltip } from 'antd';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isConflict } from '@/api/problem';
import type { BoardColumn, Opportunity, PipelineBoard, Stage } from '@/api/types';
import { useMe } from '@/app/session';
import { QuoteButton } from '@/components/deal/OpportunityQuotes';
import { ErrorResult } from '@/components/Results';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { formatDate, formatMoney, formatNumber } from '@/lib/format';
import { can } from '@/lib/permissions';
import { stageName } from '@/lib/sales';
import { useNow } from '@/lib/useNow';
import { OPPORTUNITIES_KEY, useMoveStage, usePipelineBoard, type BoardQuery } from './hooks';

const DRAG_TYPE = 'application/x-forecourt-opportunity';

/** The board with one card moved to another column (shown while the server saves it). */
export function moveCard(board: PipelineBoard, cardId: string, stageId: string): PipelineBoard {
  let moved: Opportunity | undefined;
  const columns = board.columns.map((column) => {
    const card = column.cards.find((c) => c.id === cardId);
    if (!card) return column;
    moved = card;
    return {
      ...column,
      count: column.count - 1,
      amount_fen: column.amount_fen - (card.amount_fen ?? 0),
      weighted_fen: column.weighted_fen - (card.weighted_fen ?? 0),
      cards: column.cards.filter((c) => c.id !== cardId),
    };
  });
  if (!moved) return board;
  const card = moved;
  return {
    columns: columns.map((column) => {
      if (column.stage.id !== stageId) return column;
      const weighted = Math.round(((card.amount_fen ?? 0) * column.stage.probability) / 100);
      return {
        ...column,
        count: column.count + 1,
        amount_fen: column.amount_fen + (card.amount_fen ?? 0),
        weighted_fen: column.weighted_fen + weighted,
        cards: [{ ...card, stage: column.stage, weighted_fen: weighted }, ...column.cards],
      };
    }),
  };
}

function OpportunityCard({
  card,
  stages,
  movable,
  timeZone,
  now,
  onMove,
}: {
  card: Opportunity;
  stages: Stage[];
  movable: boolean;
  timeZone: string;
  now: number;
  onMove: (card: Opportunity, stage: Stage) => void;
}) {
  const { t } = useTranslation();
  const days = Math.max(
    0,
    Math.floor((now - new Date(card.stage_changed_at).getTime()) / 86_400_000),
  );
  return (
    <div
      className={movable ? 'record-card deal-card movable' : 'record-card deal-card'}
      draggable={movable}
      onDragStart={(event: DragEvent) => {
        event.dataTransfer.setData(DRAG_TYPE, card.id);
        event.dataTransfer.setData('text/plain', card.id);
        event.dataTransfer.effectAllowed = 'move';
      }}
      data-testid="opportunity-card"
      data-id={card.id}
      data-stage={card.stage.key}
    >
      <div className="record-card-title">
        <Link to={`/leads/${card.lead_id}`} className="record-card-link" draggable={false}>
          {card.customer.name}
        </Link>
        {movable && (
          <Dropdown
            trigger={['click']}
            menu={{
              items: stages
                .filter((stage) => stage.id !== card.stage.id)
                .map((stage) => ({ key: stage.id, label: stageName(t, stage) })),
              onClick: ({ key }) => {
                const stage = stages.find((s) => s.id === key);
                if (stage) onMove(card, stage);
              },
            }}
          >
            <Button
              type="text"
              size="small"
              icon={<MoreOutlined />}
              aria-label={t('pipeline.moveTo')}
              data-testid="move-menu"
            />
          </Dropdown>
        )}
      </div>
      <div className="deal-card-car">{card.car?.name ?? '—'}</div>
      <div className="deal-card-meta">
        <span className="deal-amount tabular">{formatMoney(card.amount_fen)}</span>
        <Tooltip title={t('pipeline.daysInStageHint')}>
          <span className="muted">{t('pipeline.daysInStage', { count: days })}</span>
        </Tooltip>
      </div>
      <div className="deal-card-meta muted">
        <span>{card.owner?.display_name ?? t('sales.unassigned')}</span>
        {card.expected_on && (
          <span className="tabular">{t('pipeline.expected', { date: card.expected_on })}</span>
        )}
        {!card.expected_on && (
          <span className="tabular">{formatDate(card.created_at, timeZone)}</span>
        )}
      </div>
      <div className="deal-card-actions">
        <QuoteButton opportunityId={card.id} size="small" />
      </div>
    </div>
  );
}

function Column({
  column,
  stages,
  movable,
  timeZone,
  now,
  onMove,
  onDropCard,
}: {
  column: BoardColumn;
  stages: Stage[];
  movable: boolean;
  timeZone: string;
  now: number;
  onMove: (card: Opportunity, stage: Stage) => void;
  onDropCard: (cardId: string, stage: Stage) => void;
}) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  const more = column.count - column.cards.length;
  return (
    <section
      className={over ? 'board-column drop-target' : 'board-column'}
      data-testid={`stage-column-${column.stage.key}`}
      data-stage-id={column.stage.id}
      onDragOver={(event) => {
        if (!movable) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        if (!over) setOver(true);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const id =
          event.dataTransfer.getData(DRAG_TYPE) || event.dataTransfer.getData('text/plain');
        if (id) onDropCard(id, column.stage);
      }}
    >
      <header className="board-column-head pipeline-head">
        <div className="board-column-title">
          <span>{stageName(t, column.stage)}</span>
          <span className="muted stage-probability">{column.stage.probability}%</span>
        </div>
        <span className="board-count tabular" data-testid="stage-count">
          {formatNumber(column.count)}
        </span>
      </header>
      <div className="pipeline-sums tabular">
        <span data-testid="stage-amount">{formatMoney(column.amount_fen)}</span>
        <Tooltip title={t('pipeline.weightedHint', { probability: column.stage.probability })}>
          <span className="muted" data-testid="stage-weighted">
            {t('pipeline.weightedShort', { amount: formatMoney(column.weighted_fen) })}
          </span>
        </Tooltip>
      </div>
      <div className="board-column-body">
        {column.cards.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pipeline.columnEmpty')} />
        ) : (
          column.cards.map((card) => (
            <OpportunityCard
              key={card.id}
              card={card}
              stages={stages}
              movable={movable}
              timeZone={timeZone}
              now={now}
              onMove={onMove}
            />
          ))
        )}
        {more > 0 && <div className="board-more muted">{t('pipeline.more', { count: more })}</div>}
      </div>
    </section>
  );
}

export function KanbanBoard({ query }: { query: BoardQuery }) {
  const me = useMe();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const board = usePipelineBoard(query);
  const move = useMoveStage();
  const handleError = useApiErrorHandler();
  const movable = can(me, 'opportunity:update');
  const now = useNow();
  const boardKey = [...OPPORTUNITIES_KEY, 'board', query];

  if (board.isError)
    return <ErrorResult error={board.error} onRetry={() => void board.refetch()} />;
  if (board.isLoading || !board.data) return <Card loading variant="borderless" />;
  const stages = board.data.columns.map((column) => column.stage);

  const save = (card: Opportunity, stage: Stage) => {
    const before = queryClient.getQueryData<PipelineBoard>(boardKey);
    if (before) queryClient.setQueryData(boardKey, moveCard(before, card.id, stage.id));
    move.mutate(
      { id: card.id, version: card.version, stage_id: stage.id },
      {
        onSuccess: () =>
          void message.success(
            t('pipeline.moved', { name: card.customer.name, stage: stageName(t, stage) }),
          ),
        onError: (error) => {
          if (isConflict(error)) {
            void message.warning(t('pipeline.conflict'));
            void board.refetch();
            return;
          }
          if (before) queryClient.setQueryData(boardKey, before);
          handleError(error);
        },
      },
    );
  };

  const onMove = (card: Opportunity, stage: Stage) => {
    if (card.stage.id === stage.id) return;
    if (stage.kind === 'open') {
      save(card, stage);
      return;
    }
    Modal.confirm({
      title: t(`pipeline.confirm.${stage.kind}.title`, { name: card.customer.name }),
      content: t(`pipeline.confirm.${stage.kind}.text`),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () => save(card, stage),
    });
  };

  const onDropCard = (cardId: string, stage: Stage) => {
    const card = board.data?.columns.flatMap((c) => c.cards).find((c) => c.id === cardId);
    if (card) onMove(card, stage);
  };

  if (board.data.columns.every((column) => column.count === 0)) {
    return <Empty description={t('pipeline.empty')} data-testid="pipeline-empty" />;
  }

  return (
    <div className="board pipeline-board" data-testid="pipeline-board">
      {board.data.columns.map((column) => (
        <Column
          key={column.stage.id}
          column={column}
          stages={stages}
          movable={movable}
          timeZone={me.dealer.time_zone}
          now={now}
          onMove={onMove}
          onDropCard={onDropCard}
        />
      ))}
    </div>
  );
}
