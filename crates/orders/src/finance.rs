//! What finance reads: the incremental feed of changes (see [`crate::feed`] for why a cursor
//! never misses or repeats an event) and the daily receivables ageing.

use crate::Orders;
use chrono::{DateTime, NaiveDate, Utc};
use forecourt_db::repo::orders;
use forecourt_domain::FieldError;
use forecourt_domain::ids::{CustomerId, OrderId};
use forecourt_domain::money::Fen;
use forecourt_domain::orders::rules::{Ageing, ageing};
use forecourt_domain::paging::MAX_PAGE_SIZE;
use forecourt_domain::permission::Permission;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// Which events to read.
#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FeedQuery {
    /// The `next_cursor` of the last page read; absent: from the first event.
    pub cursor: Option<String>,
    /// Events per page (1–200, default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
}

/// One change for finance.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct FinanceEventView {
    /// The dealer's sequence number: increasing, without gaps.
    pub seq: i64,
    /// `order.signed`, `order.cancelled`, `order.delivered`, `payment.recorded`,
    /// `refund.approved` or `invoice.issued`.
    pub kind: String,
    pub order_id: OrderId,
    /// The payment, refund, invoice or order the event is about.
    pub record_id: Uuid,
    /// The amount the event moves, in fen.
    pub amount_fen: Fen,
    /// The event's details (contract number, receipt or invoice number, method …).
    #[schema(value_type = Object)]
    pub data: serde_json::Value,
    pub occurred_at: DateTime<Utc>,
}

/// A page of the feed.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct FinanceFeed {
    pub items: Vec<FinanceEventView>,
    /// Where to continue: pass it as `cursor` next time (also when the page is empty; save it
    /// to resume after a restart).
    pub next_cursor: String,
    /// Whether more events were waiting when the page was read.
    pub has_more: bool,
}

/// Which day to age the receivables on.
#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AgeingQuery {
    /// The day (the dealer's calendar); default today.
    pub as_of: Option<NaiveDate>,
}

/// Money owed, by days past due.
#[derive(Clone, Debug, Default, Serialize, ToSchema)]
pub struct AgeingBuckets {
    /// Planned but not due yet.
    pub not_due_fen: Fen,
    pub days_0_30_fen: Fen,
    pub days_31_60_fen: Fen,
    pub days_61_90_fen: Fen,
    pub over_90_fen: Fen,
    /// Everything owed.
    pub total_fen: Fen,
}

impl From<Ageing> for AgeingBuckets {
    fn from(a: Ageing) -> Self {
        AgeingBuckets {
            not_due_fen: a.not_due,
            days_0_30_fen: a.days_0_30,
            days_31_60_fen: a.days_31_60,
            days_61_90_fen: a.days_61_90,
            over_90_fen: a.over_90,
            total_fen: a.total(),
        }
    }
}

/// One order with money owed.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct AgeingRow {
    pub order_id: OrderId,
    pub contract_no: String,
    pub customer_id: CustomerId,
    pub status: String,
    pub buckets: AgeingBuckets,
}

/// The receivables ageing of a day.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ReceivablesAgeing {
    pub as_of: NaiveDate,
    /// The dealer's time zone the days are counted in.
    pub time_zone: String,
    pub rows: Vec<AgeingRow>,
    pub totals: AgeingBuckets,
}

/// The cursor's sequence number.
pub fn parse_cursor(cursor: Option<&str>) -> Result<i64, FieldError> {
    match cursor.map(str::trim).filter(|c| !c.is_empty()) {
        None => Ok(0),
        Some(c) => c
            .parse::<i64>()
            .ok()
            .filter(|n| *n >= 0)
            .ok_or_else(|| FieldError::new("cursor", "invalid_cursor", "is not a feed cursor")),
    }
}

impl Orders<'_> {
    /// The finance feed after `cursor`, oldest first: every order signed, cancelled or
    /// delivered, payment recorded, refund approved and invoice issued, each exactly once.
    /// Needs `finance:export`.
    pub async fn finance_feed(&self, actor: &Actor, query: FeedQuery) -> CoreResult<FinanceFeed> {
        actor.require(Permission::FinanceExport)?;
        let after = parse_cursor(query.cursor.as_deref()).map_err(CoreError::invalid)?;
        let limit = query.limit.unwrap_or(50).clamp(1, MAX_PAGE_SIZE.min(200));
        let mut rows =
            orders::finance_events(self.db().conn(), actor.scope(), after, limit + 1).await?;
        let has_more = rows.len() as u64 > limit;
        rows.truncate(limit as usize);
        let next = rows.last().map_or(after, |r| r.seq);
        Ok(FinanceFeed {
            items: rows
                .into_iter()
                .map(|r| FinanceEventView {
                    seq: r.seq,
                    kind: r.kind,
                    order_id: OrderId::from_uuid(r.order_id),
                    record_id: r.record_id,
                    amount_fen: Fen(r.amount_fen),
                    data: r.payload,
                    occurred_at: r.occurred_at,
                })
                .collect(),
            next_cursor: next.to_string(),
            has_more,
        })
    }

    /// What every live order still owes, bucketed by days past due (0–30, 31–60, 61–90, over
    /// 90) on `as_of` in the dealer's time zone. The plan's items are paid earliest first;
    /// what the plan leaves out is due on the day of signing. Needs `finance:export`.
    pub async fn receivables_ageing(
        &self,
        actor: &Actor,
        query: AgeingQuery,
    ) -> CoreResult<ReceivablesAgeing> {
        actor.require(Permission::FinanceExport)?;
        let tz = actor.time_zone();
        let today = query.as_of.unwrap_or_else(|| tz.local_date(self.now()));
        if let Some(day) = query.as_of {
            forecourt_domain::dates::check_year("as_of", day).map_err(CoreError::invalid)?;
        }
        let conn = self.db().conn();
        let list = orders::live_orders(conn, actor.scope()).await?;
        let ids: Vec<Uuid> = list.iter().map(|o| o.id).collect();
        let schedule = orders::schedule(conn, actor.scope(), &ids).await?;
        let payments = orders::payments(conn, actor.scope(), &ids).await?;
        let refunds = orders::refunds(conn, actor.scope(), &ids).await?;
        let mut rows = Vec::new();
        let mut totals = Ageing::default();
        for o in &list {
            let sched: Vec<_> = schedule.iter().filter(|s| s.order_id == o.id).collect();
            let pays: Vec<_> = payments.iter().filter(|p| p.order_id == o.id).collect();
            let refs: Vec<_> = refunds.iter().filter(|r| r.order_id == o.id).collect();
            let money = crate::views::money(o, &sched, &pays, &refs);
            if money.receivable_fen.0 <= 0 {
                continue;
            }
            let plan: Vec<(NaiveDate, Fen)> = sched
                .iter()
                .map(|s| (s.due_on, Fen(s.amount_fen)))
                .collect();
            let paid_net = Fen(money.received_fen.0 - money.refunded_fen.0);
            let aged = ageing(
                Fen(o.total_fen),
                &plan,
                paid_net,
                tz.local_date(o.signed_at),
                today,
            );
            totals.not_due.0 += aged.not_due.0;
            totals.days_0_30.0 += aged.days_0_30.0;
            totals.days_31_60.0 += aged.days_31_60.0;
            totals.days_61_90.0 += aged.days_61_90.0;
            totals.over_90.0 += aged.over_90.0;
            rows.push(AgeingRow {
                order_id: OrderId::from_uuid(o.id),
                contract_no: o.contract_no.clone(),
                customer_id: CustomerId::from_uuid(o.customer_id),
                status: o.status.clone(),
                buckets: aged.into(),
            });
        }
        Ok(ReceivablesAgeing {
            as_of: today,
            time_zone: tz.name().to_owned(),
            rows,
            totals: totals.into(),
        })
    }
}
