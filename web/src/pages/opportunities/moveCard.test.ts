import { describe, expect, it } from 'vitest';
import type { BoardColumn, Opportunity, PipelineBoard, Stage } from '@/api/types';
import { moveCard } from './KanbanBoard';

function stage(key: string, probability: number): Stage {
  return {
    id: key,
    key,
    name: key,
    probability,
    kind: 'open',
    sort_order: probability,
    builtin: true,
    active: true,
    version: 1,
  };
}

function card(id: string, on: Stage, amount: number): Opportunity {
  return {
    id,
    lead_id: `lead-${id}`,
    customer: { id: `c-${id}`, name: id },
    stage: on,
    status: 'open',
    amount_fen: amount,
    weighted_fen: Math.round((amount * on.probability) / 100),
    competitors: [],
    stage_changed_at: '2024-05-01T00:00:00Z',
    created_at: '2024-05-01T00:00:00Z',
    updated_at: '2024-05-01T00:00:00Z',
    version: 1,
  };
}

function column(on: Stage, cards: Opportunity[]): BoardColumn {
  return {
    stage: on,
    count: cards.length,
    amount_fen: cards.reduce((sum, c) => sum + (c.amount_fen ?? 0), 0),
    weighted_fen: cards.reduce((sum, c) => sum + (c.weighted_fen ?? 0), 0),
    cards,
  };
}

describe('moving a card on the kanban', () => {
  it('takes it out of its column and puts it first in the other, sums and all', () => {
    const needs = stage('needs', 10);
    const quote = stage('quote', 50);
    const board: PipelineBoard = {
      columns: [
        column(needs, [card('a', needs, 20_000_000), card('b', needs, 10_000_000)]),
        column(quote, [card('c', quote, 30_000_000)]),
      ],
    };
    const after = moveCard(board, 'a', 'quote');
    const [left, right] = after.columns;
    expect(left?.cards.map((c) => c.id)).toEqual(['b']);
    expect(left?.count).toBe(1);
    expect(left?.amount_fen).toBe(10_000_000);
    expect(left?.weighted_fen).toBe(1_000_000);
    expect(right?.cards.map((c) => c.id)).toEqual(['a', 'c']);
    expect(right?.cards[0]?.stage.key).toBe('quote');
    expect(right?.amount_fen).toBe(50_000_000);
    expect(right?.weighted_fen).toBe(25_000_000);
  });

  it('leaves the board alone for a card it does not hold', () => {
    const needs = stage('needs', 10);
    const board: PipelineBoard = { columns: [column(needs, [])] };
    expect(moveCard(board, 'x', 'needs')).toBe(board);
  });
});
