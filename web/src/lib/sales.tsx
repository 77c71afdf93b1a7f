// The sales vocabulary shared by the reception form, leads, the pipeline, test drives and the
// report: intent grades and their colours, lead statuses, follow-up channels, pipeline stages
// (built-in stages named by key in the user's language, the dealer's own by their name).
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { Tag, Tooltip } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '@/api/client';
import { EMPTY, formatDateTime } from './format';
import { isBuiltinRoleKey } from './roles';
import { useUserOptions } from './users';
import type {
  FollowUpChannel,
  Grade,
  LeadStatus,
  PaymentIntent,
  Relation,
  Stage,
  Timeframe,
} from '@/api/types';

/** Every grade, warmest first, then the two that follow from an order or a loss. */
export const GRADES: readonly Grade[] = ['H', 'A', 'B', 'C', 'N', 'O', 'F'];
/** The grades a consultant gives by judgement after a talk or a visit. */
export const JUDGED_GRADES: readonly Grade[] = ['H', 'A', 'B', 'C'];
/** The first grade of a walk-in: the judged ones, or N when it is too early to say. */
export const FIRST_GRADES: readonly Grade[] = ['H', 'A', 'B', 'C', 'N'];
/** The columns of the lead board, in the order managers read them. */
export const BOARD_GRADES: readonly Grade[] = ['N', 'H', 'A', 'B', 'C'];

export const LEAD_STATUSES: readonly LeadStatus[] = ['open', 'lost_pending', 'lost', 'won'];
export const FOLLOW_UP_CHANNELS: readonly FollowUpChannel[] = [
  'phone',
  'wechat',
  'visit',
  'sms',
  'email',
];
export const TIMEFRAMES: readonly Timeframe[] = [
  'within_week',
  'within_two_weeks',
  'within_month',
  'within_three_months',
  'later',
  'undecided',
];
export const PAYMENT_INTENTS: readonly PaymentIntent[] = ['cash', 'loan', 'lease'];
/** The companions offered as chips on the reception form (others go in the notes). */
export const VISIT_COMPANIONS: readonly Relation[] = ['spouse', 'parent', 'child', 'friend'];

/** Lost reasons for which no competitor is asked (they did not buy elsewhere). */
export const NO_COMPETITOR_REASONS: readonly string[] = ['postponed', 'financing_refused'];

const GRADE_COLORS: Record<Grade, string> = {
  H: '#cf1322',
  A: '#d46b08',
  B: '#1f5fb4',
  C: '#597ef7',
  N: '#8a93a6',
  O: '#389e0d',
  F: '#5b6579',
};

export function gradeColor(grade: Grade): string {
  return GRADE_COLORS[grade] ?? '#8a93a6';
}

/** "H · 7 天内购车". */
export function gradeLabel(t: TFunction, grade: Grade): string {
  return `${grade} · ${t(`sales.grade.${grade}`)}`;
}

/** A grade as a solid badge, its meaning on hover. */
export function GradeTag({
  grade,
  long = false,
  testId,
}: {
  grade: Grade;
  long?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t(`sales.grade.${grade}`)}>
      <Tag
        color={gradeColor(grade)}
        className="grade-tag"
        data-testid={testId}
        data-grade={grade}
        style={{ marginInlineEnd: 0 }}
      >
        {long ? gradeLabel(t, grade) : grade}
      </Tag>
    </Tooltip>
  );
}

const STATUS_COLORS: Record<LeadStatus, string> = {
  open: 'blue',
  lost_pending: 'orange',
  lost: 'default',
  won: 'green',
};

export function LeadStatusTag({ status, testId }: { status: LeadStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} data-testid={testId} data-status={status}>
      {t(`sales.status.${status}`)}
    </Tag>
  );
}

/** Built-in stage keys and the default (Chinese) name the server gives them. */
export const BUILTIN_STAGES: Record<string, string> = {
  needs: '需求确认',
  test_drive: '试驾',
  quote: '报价',
  negotiation: '谈判',
  contract: '签约',
  delivered: '交车',
};

/** A stage's name in the current language (unless the dealer renamed a built-in one). */
export function stageName(t: TFunction, stage: Pick<Stage, 'key' | 'name' | 'builtin'>): string {
  const builtinName = BUILTIN_STAGES[stage.key];
  if (stage.builtin && builtinName !== undefined && stage.name === builtinName) {
    return t(`sales.stage.${stage.key}`);
  }
  return stage.name;
}

export const LEADS_KEY = ['leads'] as const;

/** After any change to a lead: lists, the board, its page, the pipeline and the report. */
export function invalidateSales(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: LEADS_KEY });
  void queryClient.invalidateQueries({ queryKey: ['opportunities'] });
  void queryClient.invalidateQueries({ queryKey: ['test-drives'] });
  void queryClient.invalidateQueries({ queryKey: ['sales-report'] });
  void queryClient.invalidateQueries({ queryKey: ['customers'] });
  void queryClient.invalidateQueries({ queryKey: ['audit'] });
}

export const STAGES_KEY = ['pipeline-stages'] as const;

/** The dealer's pipeline stages in order (switched-off ones too). */
export function useStages(enabled = true) {
  return useQuery({
    queryKey: STAGES_KEY,
    queryFn: () => unwrap(api.GET('/api/v1/pipeline-stages')),
    enabled,
    staleTime: 60_000,
    select: (stages) => [...stages].sort((a, b) => a.sort_order - b.sort_order),
  });
}

/** A share (0.42) as a percentage ("42%"), or the dash when there is none. */
export function formatPercent(share: number | null | undefined): string {
  if (share === null || share === undefined || Number.isNaN(share)) return '—';
  const value = Math.round(share * 1000) / 10;
  return `${Number.isInteger(value) ? value.toFixed(0) : value.toFixed(1)}%`;
}

const SALES_ROLES: readonly string[] = ['sales_consultant', 'sales_manager'];

/**
 * The people who can own leads, for pickers: active users with a sales role (or a custom role,
 * which the server checks when the lead is saved).
 */
export function useConsultants(enabled = true) {
  const users = useUserOptions(enabled);
  const list = (users.data?.items ?? []).filter(
    (user) =>
      user.status === 'active' && (SALES_ROLES.includes(user.role) || !isBuiltinRoleKey(user.role)),
  );
  return { ...users, consultants: list };
}

/** When the next follow-up is due, red when it is overdue. */
export function FollowUpDue({
  at,
  overdue,
  timeZone,
  testId,
}: {
  at: string | null | undefined;
  overdue: boolean;
  timeZone: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  if (!at) return <span className="muted">{EMPTY}</span>;
  return (
    <span
      className={overdue ? 'follow-up-due overdue tabular' : 'follow-up-due tabular'}
      data-testid={testId}
      data-overdue={overdue ? 'true' : 'false'}
    >
      {formatDateTime(at, timeZone)}
      {overdue && <span className="overdue-label">{t('sales.overdue')}</span>}
    </span>
  );
}
