//! Activities, their participants and alarms, the dealer's work settings and calendar feeds.

use super::tenant::TenantEntity;
use super::{Reach, batched_insert};
use crate::entities::{
    activity, activity_alarm, activity_participant, calendar_feed, work_setting,
};
use crate::pagination::{BadCursor, CursorKey, Keyset, Page, PageRequest, SortDirection};
use crate::{DbResult, DealerScope};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, Func, Query, SelectStatement};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Select,
};
use uuid::Uuid;

pub const PLANNED: &str = "planned";
pub const DONE: &str = "done";
pub const CANCELLED: &str = "cancelled";

/// Activities of some people's schedules: those they own or take part in. The calendar, My
/// work, the iCalendar feed and the overlap check all use this one definition.
pub fn schedule_of(
    scope: &DealerScope,
    people: impl IntoIterator<Item = Uuid> + Clone,
) -> Condition {
    Condition::any()
        .add(activity::Column::OwnerId.is_in(people.clone()))
        .add(activity::Column::Id.in_subquery(taking_part(scope, people)))
}

/// The ids of the activities some people take part in (without owning them), as a subquery.
fn taking_part(scope: &DealerScope, people: impl IntoIterator<Item = Uuid>) -> SelectStatement {
    Query::select()
        .column(activity_participant::Column::ActivityId)
        .from(activity_participant::Entity)
        .and_where(activity_participant::Column::DealerId.eq(scope.dealer_id().uuid()))
        .and_where(activity_participant::Column::UserId.is_in(people))
        .take()
}

/// The schedules of a team's members: activities a member owns or takes part in.
fn team_schedule(scope: &DealerScope, team_id: Uuid) -> Condition {
    Condition::any()
        .add(
            activity::Column::OwnerId
                .in_subquery(super::users::team_members_query(scope, Some(team_id))),
        )
        .add(
            activity::Column::Id.in_subquery(
                Query::select()
                    .column(activity_participant::Column::ActivityId)
                    .from(activity_participant::Entity)
                    .and_where(activity_participant::Column::DealerId.eq(scope.dealer_id().uuid()))
                    .and_where(
                        activity_participant::Column::UserId
                            .in_subquery(super::users::team_members_query(scope, Some(team_id))),
                    )
                    .take(),
            ),
        )
}

/// The activities a reach lets a caller see: their own schedule, their team's (and their
/// own), or the whole dealer's.
pub fn within_reach(
    select: Select<activity::Entity>,
    scope: &DealerScope,
    reach: Reach,
) -> Select<activity::Entity> {
    match reach {
        Reach::Dealer => select,
        Reach::Own { user_id }
        | Reach::Team {
            team_id: None,
            user_id,
        } => select.filter(schedule_of(scope, [user_id])),
        Reach::Team {
            team_id: Some(team_id),
            user_id,
        } => select.filter(
            Condition::any()
                .add(team_schedule(scope, team_id))
                .add(schedule_of(scope, [user_id])),
        ),
    }
}

#[derive(Clone, Debug, Default)]
pub struct ActivityFilter {
    pub owner_id: Option<Uuid>,
    /// On this person's schedule: owned or taken part in.
    pub person: Option<Uuid>,
    /// On the schedule of a member of this team.
    pub team_id: Option<Uuid>,
    pub customer_id: Option<Uuid>,
    pub ref_type: Option<String>,
    pub ref_id: Option<Uuid>,
    pub kind: Option<String>,
    pub status: Option<String>,
    /// Planned and past their deadline (`Some(true)`), or not (`Some(false)`), at `now`.
    pub overdue: Option<bool>,
    pub now: Option<DateTime<Utc>>,
    /// Due or taking place from this instant...
    pub from: Option<DateTime<Utc>>,
    /// ...until before this one.
    pub to: Option<DateTime<Utc>>,
}

/// Activities that take place or fall due within `[from, to)`.
fn in_window(from: DateTime<Utc>, to: DateTime<Utc>) -> Condition {
    Condition::any()
        .add(
            Condition::all()
                .add(activity::Column::StartsAt.lt(to))
                .add(activity::Column::EndsAt.gt(from)),
        )
        .add(
            Condition::all()
                .add(activity::Column::StartsAt.is_null())
                .add(activity::Column::DueAt.gte(from))
                .add(activity::Column::DueAt.lt(to)),
        )
}

pub fn filtered(
    scope: &DealerScope,
    reach: Reach,
    filter: &ActivityFilter,
) -> Select<activity::Entity> {
    let mut select = within_reach(activity::Entity::scoped(scope), scope, reach);
    if let Some(owner) = filter.owner_id {
        select = select.filter(activity::Column::OwnerId.eq(owner));
    }
    if let Some(person) = filter.person {
        select = select.filter(schedule_of(scope, [person]));
    }
    if let Some(team) = filter.team_id {
        select = select.filter(team_schedule(scope, team));
    }
    if let Some(customer) = filter.customer_id {
        select = select.filter(activity::Column::CustomerId.eq(customer));
    }
    if let Some(ref_type) = &filter.ref_type {
        select = select.filter(activity::Column::RefType.eq(ref_type.as_str()));
    }
    if let Some(ref_id) = filter.ref_id {
        select = select.filter(activity::Column::RefId.eq(ref_id));
    }
    if let Some(kind) = &filter.kind {
        select = select.filter(activity::Column::Kind.eq(kind.as_str()));
    }
    if let Some(status) = &filter.status {
        select = select.filter(activity::Column::Status.eq(status.as_str()));
    }
    if let (Some(overdue), Some(now)) = (filter.overdue, filter.now) {
        select = select.filter(if overdue {
            Condition::all()
                .add(activity::Column::Status.eq(PLANNED))
                .add(activity::Column::DeadlineAt.lt(now))
        } else {
            Condition::any()
                .add(activity::Column::Status.ne(PLANNED))
                .add(activity::Column::DeadlineAt.is_null())
                .add(activity::Column::DeadlineAt.gte(now))
        });
    }
    match (filter.from, filter.to) {
        (Some(from), Some(to)) => select = select.filter(in_window(from, to)),
        (Some(from), None) => {
            select = select.filter(in_window(from, DateTime::<Utc>::MAX_UTC));
        }
        (None, Some(to)) => select = select.filter(in_window(DateTime::<Utc>::MIN_UTC, to)),
        (None, None) => {}
    }
    select
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ActivitySort {
    /// Newest first.
    #[default]
    CreatedAt,
    /// Soonest due (or ending) first; activities without a deadline are left out.
    Deadline,
}

pub async fn list<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    reach: Reach,
    filter: &ActivityFilter,
    sort: ActivitySort,
    page: &PageRequest,
) -> DbResult<Result<Page<activity::Model>, BadCursor>> {
    let mut select = filtered(scope, reach, filter);
    let keyset = match sort {
        ActivitySort::CreatedAt => Keyset {
            name: "-created_at",
            column: activity::Column::CreatedAt,
            id_column: activity::Column::Id,
            direction: SortDirection::Desc,
        },
        ActivitySort::Deadline => {
            select = select.filter(activity::Column::DeadlineAt.is_not_null());
            Keyset {
                name: "deadline_at",
                column: activity::Column::DeadlineAt,
                id_column: activity::Column::Id,
                direction: SortDirection::Asc,
            }
        }
    };
    let select = match keyset.apply(select, page) {
        Ok(select) => select,
        Err(bad) => return Ok(Err(bad)),
    };
    let rows = select.all(conn).await?;
    Ok(Ok(keyset.finish(rows, page, |a| match sort {
        ActivitySort::CreatedAt => (CursorKey::Time(a.created_at), a.id),
        ActivitySort::Deadline => (CursorKey::Time(a.deadline_at.unwrap_or(a.created_at)), a.id),
    })))
}

/// Every activity matching a filter, in time order, up to `limit` (calendars, my work).
pub async fn all_matching<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    reach: Reach,
    filter: &ActivityFilter,
    limit: u64,
) -> DbResult<Vec<activity::Model>> {
    Ok(filtered(scope, reach, filter)
        .order_by_asc(Func::coalesce([
            Expr::col(activity::Column::StartsAt),
            Expr::col(activity::Column::DueAt),
        ]))
        .order_by_asc(activity::Column::Id)
        .limit(limit)
        .all(conn)
        .await?)
}

pub async fn count<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    reach: Reach,
    filter: &ActivityFilter,
) -> DbResult<u64> {
    Ok(filtered(scope, reach, filter).count(conn).await?)
}

/// The planned, timed activities of any of `users` (as owner or participant) that overlap
/// `[start, end)`, other than `except`.
pub async fn overlapping<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    users: &[Uuid],
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    except: Option<Uuid>,
) -> DbResult<Vec<activity::Model>> {
    let mut select = activity::Entity::scoped(scope)
        .filter(activity::Column::Status.eq(PLANNED))
        .filter(activity::Column::StartsAt.lt(end))
        .filter(activity::Column::EndsAt.gt(start))
        .filter(schedule_of(scope, users.iter().copied()));
    if let Some(id) = except {
        select = select.filter(activity::Column::Id.ne(id));
    }
    Ok(select
        .order_by_asc(activity::Column::StartsAt)
        .limit(50)
        .all(conn)
        .await?)
}

pub async fn by_ref<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    ref_type: &str,
    ref_id: Uuid,
) -> DbResult<Vec<activity::Model>> {
    Ok(activity::Entity::scoped(scope)
        .filter(activity::Column::RefType.eq(ref_type))
        .filter(activity::Column::RefId.eq(ref_id))
        .order_by_asc(activity::Column::CreatedAt)
        .all(conn)
        .await?)
}

pub async fn participants<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    activity_ids: &[Uuid],
) -> DbResult<Vec<activity_participant::Model>> {
    if activity_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(activity_participant::Entity::scoped(scope)
        .filter(activity_participant::Column::ActivityId.is_in(activity_ids.iter().copied()))
        .all(conn)
        .await?)
}

/// Replaces an activity's participants.
pub async fn set_participants<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    activity_id: Uuid,
    users: &[Uuid],
) -> DbResult<()> {
    activity_participant::Entity::delete_many()
        .filter(activity_participant::Column::DealerId.eq(scope.dealer_id().uuid()))
        .filter(activity_participant::Column::ActivityId.eq(activity_id))
        .exec(conn)
        .await?;
    let rows = users
        .iter()
        .map(|user_id| activity_participant::Model {
            id: Uuid::now_v7(),
            dealer_id: scope.dealer_id().uuid(),
            activity_id,
            user_id: *user_id,
        })
        .collect();
    batched_insert::<activity_participant::Entity, _>(conn, scope, rows).await
}

/// Planned activities whose deadline passed before `before` (and not more than a week before
/// `since`), for the overdue scan.
pub async fn overdue<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    since: DateTime<Utc>,
    before: DateTime<Utc>,
) -> DbResult<Vec<activity::Model>> {
    Ok(activity::Entity::scoped(scope)
        .filter(activity::Column::Status.eq(PLANNED))
        .filter(activity::Column::DeadlineAt.gte(since))
        .filter(activity::Column::DeadlineAt.lt(before))
        .order_by_asc(activity::Column::DeadlineAt)
        .limit(1000)
        .all(conn)
        .await?)
}

/// The alarms already raised about some activities.
pub async fn alarms<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    activity_ids: &[Uuid],
) -> DbResult<Vec<activity_alarm::Model>> {
    if activity_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(activity_alarm::Entity::scoped(scope)
        .filter(activity_alarm::Column::ActivityId.is_in(activity_ids.iter().copied()))
        .all(conn)
        .await?)
}

pub async fn work_settings<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
) -> DbResult<Option<work_setting::Model>> {
    Ok(work_setting::Entity::scoped(scope).one(conn).await?)
}

pub async fn feed_of_user<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    user_id: Uuid,
) -> DbResult<Option<calendar_feed::Model>> {
    Ok(calendar_feed::Entity::scoped(scope)
        .filter(calendar_feed::Column::UserId.eq(user_id))
        .one(conn)
        .await?)
}

/// A feed by its token's hash, unscoped: the token is the only credential of a feed request.
pub async fn feed_by_token_hash<C: ConnectionTrait>(
    conn: &C,
    hash: &str,
) -> DbResult<Option<calendar_feed::Model>> {
    Ok(calendar_feed::Entity::find()
        .filter(calendar_feed::Column::TokenHash.eq(hash))
        .one(conn)
        .await?)
}

pub async fn touch_feed<C: ConnectionTrait>(conn: &C, id: Uuid, at: DateTime<Utc>) -> DbResult<()> {
    calendar_feed::Entity::update_many()
        .col_expr(calendar_feed::Column::LastUsedAt, Expr::value(at))
        .filter(calendar_feed::Column::Id.eq(id))
        .exec(conn)
        .await?;
    Ok(())
}

pub async fn delete_feeds_of_user<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    user_id: Uuid,
) -> DbResult<bool> {
    let result = calendar_feed::Entity::delete_many()
        .filter(calendar_feed::Column::DealerId.eq(scope.dealer_id().uuid()))
        .filter(calendar_feed::Column::UserId.eq(user_id))
        .exec(conn)
        .await?;
    Ok(result.rows_affected > 0)
}

/// The planned activity a module keeps for one of its records (`test_drive`, id), if any.
pub async fn planned_about<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    ref_type: &str,
    ref_id: Uuid,
) -> DbResult<Option<activity::Model>> {
    Ok(activity::Entity::scoped(scope)
        .filter(activity::Column::RefType.eq(ref_type))
        .filter(activity::Column::RefId.eq(ref_id))
        .filter(activity::Column::Status.eq(PLANNED))
        .one(conn)
        .await?)
}
