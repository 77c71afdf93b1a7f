//! The durable job queue. Workers lease due jobs: on PostgreSQL with `FOR UPDATE SKIP LOCKED`
//! (two nodes never take the same row), on SQLite inside the one-writer `BEGIN IMMEDIATE`
//! transaction. Every state change after the lease is conditional on the lease still being the
//! worker's own, so a worker whose lease expired (and was taken over) cannot overwrite the
//! newer run's outcome.

use crate::entities::{job, job_schedule};
use crate::pagination::{BadCursor, CursorKey, Keyset, Page, PageRequest, SortDirection};
use crate::{DbError, DbResult, DealerScope};
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, LockBehavior, LockType};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, IntoActiveModel,
    QueryFilter, QueryOrder, QuerySelect,
};
use uuid::Uuid;

pub const QUEUED: &str = "queued";
pub const RUNNING: &str = "running";
pub const DONE: &str = "done";
pub const FAILED: &str = "failed";
pub const DEAD: &str = "dead";
pub const CANCELLED: &str = "cancelled";

/// Inserts a job. With a dedupe key already used, nothing is inserted and the existing job is
/// returned (`false`): enqueueing is idempotent.
pub async fn enqueue<C: ConnectionTrait>(
    conn: &C,
    model: job::Model,
) -> DbResult<(job::Model, bool)> {
    if let Some(key) = &model.dedupe_key
        && let Some(existing) = find_by_dedupe_key(conn, key).await?
    {
        return Ok((existing, false));
    }
    job::Entity::insert(model.clone().into_active_model().reset_all())
        .exec_without_returning(conn)
        .await?;
    Ok((model, true))
}

pub async fn find_by_dedupe_key<C: ConnectionTrait>(
    conn: &C,
    key: &str,
) -> DbResult<Option<job::Model>> {
    Ok(job::Entity::find()
        .filter(job::Column::DedupeKey.eq(key))
        .one(conn)
        .await?)
}

/// A job by id, unscoped (for the workers).
pub async fn find<C: ConnectionTrait>(conn: &C, id: Uuid) -> DbResult<Option<job::Model>> {
    Ok(job::Entity::find_by_id(id).one(conn).await?)
}

/// A job of the scope's dealer.
pub async fn find_scoped<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    id: Uuid,
) -> DbResult<Option<job::Model>> {
    Ok(job::Entity::find_by_id(id)
        .filter(job::Column::DealerId.eq(scope.dealer_id().uuid()))
        .one(conn)
        .await?)
}

/// Jobs a worker may take now: due queued or failed jobs, and running jobs whose lease expired
/// (their worker died).
fn takeable(now: DateTime<Utc>) -> Condition {
    Condition::any()
        .add(
            Condition::all()
                .add(job::Column::Status.is_in([QUEUED, FAILED]))
                .add(job::Column::RunAt.lte(now)),
        )
        .add(
            Condition::all()
                .add(job::Column::Status.eq(RUNNING))
                .add(job::Column::LeaseUntil.lt(now)),
        )
}

/// Leases up to `limit` due jobs of the given kinds for `owner` until `now + lease`, counting
/// an attempt each. Call with a write transaction and commit it before running the jobs.
pub async fn lease<C: ConnectionTrait>(
    conn: &C,
    owner: &str,
    kinds: &[String],
    now: DateTime<Utc>,
    lease: Duration,
    limit: u64,
) -> DbResult<Vec<job::Model>> {
    if kinds.is_empty() {
        return Ok(Vec::new());
    }
    // SKIP LOCKED on PostgreSQL: a row another node is leasing right now is passed over, not
    // waited for. SQLite ignores the clause; its transaction is already the only writer.
    let candidates = job::Entity::find()
        .filter(takeable(now))
        .filter(job::Column::Kind.is_in(kinds.iter().map(String::as_str)))
        .order_by_desc(job::Column::Priority)
        .order_by_asc(job::Column::RunAt)
        .order_by_asc(job::Column::Id)
        .limit(limit)
        .lock_with_behavior(LockType::Update, LockBehavior::SkipLocked)
        .all(conn)
        .await?;
    let until = now + lease;
    let mut leased = Vec::with_capacity(candidates.len());
    for mut candidate in candidates {
        let result = job::Entity::update_many()
            .col_expr(job::Column::Status, Expr::value(RUNNING))
            .col_expr(job::Column::LeaseOwner, Expr::value(owner))
            .col_expr(job::Column::LeaseUntil, Expr::value(until))
            .col_expr(
                job::Column::Attempts,
                Expr::col(job::Column::Attempts).add(1),
            )
            .col_expr(job::Column::UpdatedAt, Expr::value(now))
            .filter(job::Column::Id.eq(candidate.id))
            .filter(takeable(now))
            .exec(conn)
            .await?;
        if result.rows_affected == 1 {
            candidate.status = RUNNING.to_owned();
            candidate.lease_owner = Some(owner.to_owned());
            candidate.lease_until = Some(until);
            candidate.attempts += 1;
            candidate.updated_at = now;
            leased.push(candidate);
        }
    }
    Ok(leased)
}

/// Moves a running job's lease forward (a long job's heartbeat). False when the lease is no
/// longer the owner's.
pub async fn extend_lease<C: ConnectionTrait>(
    conn: &C,
    id: Uuid,
    owner: &str,
    until: DateTime<Utc>,
) -> DbResult<bool> {
    let result = job::Entity::update_many()
        .col_expr(job::Column::LeaseUntil, Expr::value(until))
        .filter(job::Column::Id.eq(id))
        .filter(job::Column::Status.eq(RUNNING))
        .filter(job::Column::LeaseOwner.eq(owner))
        .exec(conn)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Marks the owner's running job done. False when the lease was lost meanwhile.
pub async fn complete<C: ConnectionTrait>(
    conn: &C,
    id: Uuid,
    owner: &str,
    now: DateTime<Utc>,
) -> DbResult<bool> {
    let result = job::Entity::update_many()
        .col_expr(job::Column::Status, Expr::value(DONE))
        .col_expr(job::Column::FinishedAt, Expr::value(now))
        .col_expr(job::Column::LeaseOwner, Expr::value(Option::<String>::None))
        .col_expr(
            job::Column::LeaseUntil,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(job::Column::LastError, Expr::value(Option::<String>::None))
        .col_expr(job::Column::UpdatedAt, Expr::value(now))
        .filter(job::Column::Id.eq(id))
        .filter(job::Column::Status.eq(RUNNING))
        .filter(job::Column::LeaseOwner.eq(owner))
        .exec(conn)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Records a failed run: `failed` with a later `run_at`, or `dead` when `retry_at` is None.
pub async fn fail<C: ConnectionTrait>(
    conn: &C,
    id: Uuid,
    owner: &str,
    error: &str,
    retry_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> DbResult<bool> {
    let mut update = job::Entity::update_many()
        .col_expr(job::Column::LastError, Expr::value(error))
        .col_expr(job::Column::LeaseOwner, Expr::value(Option::<String>::None))
        .col_expr(
            job::Column::LeaseUntil,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(job::Column::UpdatedAt, Expr::value(now));
    update = match retry_at {
        Some(at) => update
            .col_expr(job::Column::Status, Expr::value(FAILED))
            .col_expr(job::Column::RunAt, Expr::value(at)),
        None => update
            .col_expr(job::Column::Status, Expr::value(DEAD))
            .col_expr(job::Column::FinishedAt, Expr::value(now)),
    };
    let result = update
        .filter(job::Column::Id.eq(id))
        .filter(job::Column::Status.eq(RUNNING))
        .filter(job::Column::LeaseOwner.eq(owner))
        .exec(conn)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Queues a failed or dead job again now, with a fresh set of attempts.
pub async fn retry<C: ConnectionTrait>(conn: &C, id: Uuid, now: DateTime<Utc>) -> DbResult<bool> {
    let result = job::Entity::update_many()
        .col_expr(job::Column::Status, Expr::value(QUEUED))
        .col_expr(job::Column::RunAt, Expr::value(now))
        .col_expr(job::Column::Attempts, Expr::value(0))
        .col_expr(
            job::Column::FinishedAt,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(job::Column::UpdatedAt, Expr::value(now))
        .col_expr(job::Column::Version, Expr::col(job::Column::Version).add(1))
        .filter(job::Column::Id.eq(id))
        .filter(job::Column::Status.is_in([FAILED, DEAD]))
        .exec(conn)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Cancels a job that has not started (queued, or failed and waiting to retry).
pub async fn cancel<C: ConnectionTrait>(conn: &C, id: Uuid, now: DateTime<Utc>) -> DbResult<bool> {
    let result = job::Entity::update_many()
        .col_expr(job::Column::Status, Expr::value(CANCELLED))
        .col_expr(job::Column::FinishedAt, Expr::value(now))
        .col_expr(job::Column::UpdatedAt, Expr::value(now))
        .col_expr(job::Column::Version, Expr::col(job::Column::Version).add(1))
        .filter(job::Column::Id.eq(id))
        .filter(job::Column::Status.is_in([QUEUED, FAILED]))
        .exec(conn)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Cancels the not-yet-started job with this dedupe key, if any (a rescheduled reminder).
pub async fn cancel_by_dedupe_key<C: ConnectionTrait>(
    conn: &C,
    key: &str,
    now: DateTime<Utc>,
) -> DbResult<bool> {
    match find_by_dedupe_key(conn, key).await? {
        Some(job) => cancel(conn, job.id, now).await,
        None => Ok(false),
    }
}

/// Frees a dedupe key (renames it), so the same key can be enqueued again.
pub async fn release_dedupe_key<C: ConnectionTrait>(conn: &C, key: &str) -> DbResult<()> {
    job::Entity::update_many()
        .col_expr(job::Column::DedupeKey, Expr::value(Option::<String>::None))
        .filter(job::Column::DedupeKey.eq(key))
        .exec(conn)
        .await?;
    Ok(())
}

/// A dealer's jobs, newest first, optionally of one status.
pub async fn list<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    status: Option<&str>,
    kind: Option<&str>,
    page: &PageRequest,
) -> DbResult<Result<Page<job::Model>, BadCursor>> {
    let mut select = job::Entity::find().filter(job::Column::DealerId.eq(scope.dealer_id().uuid()));
    if let Some(status) = status {
        select = select.filter(job::Column::Status.eq(status));
    }
    if let Some(kind) = kind {
        select = select.filter(job::Column::Kind.eq(kind));
    }
    let keyset = Keyset {
        name: "-created_at",
        column: job::Column::CreatedAt,
        id_column: job::Column::Id,
        direction: SortDirection::Desc,
    };
    let select = match keyset.apply(select, page) {
        Ok(select) => select,
        Err(bad) => return Ok(Err(bad)),
    };
    let rows = select.all(conn).await?;
    Ok(Ok(keyset.finish(rows, page, |j| {
        (CursorKey::Time(j.created_at), j.id)
    })))
}

/// Deletes finished jobs (done or cancelled) that finished before `before`.
pub async fn purge_finished<C: ConnectionTrait>(conn: &C, before: DateTime<Utc>) -> DbResult<u64> {
    let result = job::Entity::delete_many()
        .filter(job::Column::Status.is_in([DONE, CANCELLED]))
        .filter(job::Column::FinishedAt.lt(before))
        .exec(conn)
        .await?;
    Ok(result.rows_affected)
}

/// Creates the schedule with this key, or updates its cron, time zone and payload (keeping its
/// next run when the cron is unchanged).
pub async fn upsert_schedule<C: ConnectionTrait>(
    conn: &C,
    model: job_schedule::Model,
) -> DbResult<job_schedule::Model> {
    let existing = job_schedule::Entity::find()
        .filter(job_schedule::Column::Key.eq(model.key.as_str()))
        .one(conn)
        .await?;
    match existing {
        None => {
            job_schedule::Entity::insert(model.clone().into_active_model().reset_all())
                .exec_without_returning(conn)
                .await?;
            Ok(model)
        }
        Some(old) => {
            let mut new = model;
            new.id = old.id;
            new.created_at = old.created_at;
            new.last_run_at = old.last_run_at;
            if old.cron == new.cron && old.time_zone == new.time_zone {
                new.next_run_at = old.next_run_at;
            }
            new.version = old.version + 1;
            new.clone()
                .into_active_model()
                .reset_all()
                .update(conn)
                .await?;
            Ok(new)
        }
    }
}

pub async fn find_schedule<C: ConnectionTrait>(
    conn: &C,
    key: &str,
) -> DbResult<Option<job_schedule::Model>> {
    Ok(job_schedule::Entity::find()
        .filter(job_schedule::Column::Key.eq(key))
        .one(conn)
        .await?)
}

/// Active schedules whose next run has come.
pub async fn due_schedules<C: ConnectionTrait>(
    conn: &C,
    now: DateTime<Utc>,
) -> DbResult<Vec<job_schedule::Model>> {
    Ok(job_schedule::Entity::find()
        .filter(job_schedule::Column::Active.eq(true))
        .filter(job_schedule::Column::NextRunAt.lte(now))
        .order_by_asc(job_schedule::Column::NextRunAt)
        .limit(100)
        .all(conn)
        .await?)
}

/// Moves a schedule to its next run, if nobody else did since it was read.
pub async fn advance_schedule<C: ConnectionTrait>(
    conn: &C,
    schedule: &job_schedule::Model,
    next_run_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> DbResult<bool> {
    let result = job_schedule::Entity::update_many()
        .col_expr(job_schedule::Column::NextRunAt, Expr::value(next_run_at))
        .col_expr(job_schedule::Column::LastRunAt, Expr::value(now))
        .col_expr(job_schedule::Column::UpdatedAt, Expr::value(now))
        .col_expr(
            job_schedule::Column::Version,
            Expr::value(schedule.version + 1),
        )
        .filter(job_schedule::Column::Id.eq(schedule.id))
        .filter(job_schedule::Column::Version.eq(schedule.version))
        .exec(conn)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Counts of a dealer's jobs by status (for the admin page's tabs).
pub async fn count_by_status<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
) -> DbResult<Vec<(String, i64)>> {
    let rows: Vec<(String, i64)> = job::Entity::find()
        .select_only()
        .column(job::Column::Status)
        .column_as(job::Column::Id.count(), "n")
        .filter(job::Column::DealerId.eq(scope.dealer_id().uuid()))
        .group_by(job::Column::Status)
        .into_tuple()
        .all(conn)
        .await
        .map_err(DbError::from)?;
    Ok(rows)
}
