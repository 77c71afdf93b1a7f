// Quotes (报价单), shared by the pages that list them: the query key, the list of an
// opportunity's versions or of the caller's own quotes, and the status tag.
import { useQuery } from '@tanstack/react-query';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '@/api/client';
import type { paths, components } from '@/api/schema';

export type Quote = components['schemas']['QuoteView'];
export type QuoteStatus = components['schemas']['QuoteStatus'];
export type QuoteListQuery = NonNullable<paths['/api/v1/quotes']['get']['parameters']['query']>;

export const QUOTES_KEY = ['quotes'] as const;

export const QUOTE_STATUS_COLORS: Record<QuoteStatus, string> = {
  draft: 'default',
  pending_approval: 'gold',
  approved: 'green',
  rejected: 'red',
  accepted: 'blue',
  superseded: 'default',
  expired: 'default',
};

/** Quotes: one opportunity's versions, a lead's, or the caller's own (`mine`). */
export function useQuotes(query: QuoteListQuery, enabled = true) {
  return useQuery({
    queryKey: [...QUOTES_KEY, 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/quotes', { params: { query } })),
    enabled,
  });
}

export function QuoteStatusTag({ status }: { status: QuoteStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={QUOTE_STATUS_COLORS[status]} data-testid="quote-status">
      {t(`quotes.status.${status}`)}
    </Tag>
  );
}
