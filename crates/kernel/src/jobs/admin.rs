//! The admin's view of a dealer's jobs: list by status, retry a failed or dead job, cancel a
//! queued one.

use crate::app::App;
use crate::audit::{self, AuditEntry};
use crate::auth::Actor;
use crate::error::{CoreError, CoreResult};
use crate::paging::{Paged, page_or_bad_cursor, page_request};
use chrono::{DateTime, Utc};
use forecourt_db::entities::job;
use forecourt_db::repo::jobs;
use forecourt_domain::ids::JobId;
use forecourt_domain::permission::Permission;
use forecourt_domain::work::JobStatus;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct JobView {
    /// The job's id (UUIDv7).
    pub id: JobId,
    /// What the job does, e.g. `activity.reminder` or `activity.overdue_scan`.
    pub kind: String,
    /// `queued`, `running`, `done`, `failed`, `dead` (out of attempts) or `cancelled`.
    pub status: JobStatus,
    /// The job's input, which depends on `kind`.
    #[schema(value_type = Object)]
    pub payload: serde_json::Value,
    /// When it is due to run (UTC, RFC 3339).
    pub run_at: DateTime<Utc>,
    /// Its priority among jobs due at the same time.
    pub priority: i32,
    /// How many times it has been tried.
    pub attempts: i32,
    /// How many tries it gets before it is `dead`.
    pub max_attempts: i32,
    /// The error of the last failed try.
    pub last_error: Option<String>,
    /// Until when a worker holds it (UTC, RFC 3339), while running.
    pub lease_until: Option<DateTime<Utc>>,
    /// When it finished (UTC, RFC 3339).
    pub finished_at: Option<DateTime<Utc>>,
    /// When it was queued (UTC, RFC 3339).
    pub created_at: DateTime<Utc>,
    /// When it last changed (UTC, RFC 3339).
    pub updated_at: DateTime<Utc>,
}

impl From<job::Model> for JobView {
    fn from(j: job::Model) -> Self {
        JobView {
            id: JobId::from_uuid(j.id),
            status: JobStatus::parse(&j.status).unwrap_or(JobStatus::Queued),
            kind: j.kind,
            payload: j.payload,
            run_at: j.run_at,
            priority: j.priority,
            attempts: j.attempts,
            max_attempts: j.max_attempts,
            last_error: j.last_error,
            lease_until: j.lease_until,
            finished_at: j.finished_at,
            created_at: j.created_at,
            updated_at: j.updated_at,
        }
    }
}

#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct JobQuery {
    pub status: Option<JobStatus>,
    pub kind: Option<String>,
    #[param(schema_with = forecourt_domain::schema::page_limit::<{ forecourt_domain::paging::MAX_PAGE_SIZE }>)]
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

impl App {
    /// A page of the dealer's background jobs, optionally of one status or kind. Needs
    /// `job.manage`.
    pub async fn list_jobs(&self, actor: &Actor, query: JobQuery) -> CoreResult<Paged<JobView>> {
        actor.require(Permission::JobManage)?;
        let page = page_request(query.limit, query.cursor.as_deref())?;
        let rows = jobs::list(
            self.db.conn(),
            actor.scope(),
            query.status.map(JobStatus::as_str),
            query.kind.as_deref(),
            &page,
        )
        .await?;
        Ok(Paged::from_page(page_or_bad_cursor(rows)?, JobView::from))
    }

    /// One background job of the dealer. Needs `job.manage`; another dealer's job is 404.
    pub async fn get_job(&self, actor: &Actor, id: JobId) -> CoreResult<JobView> {
        let job = jobs::find_scoped(self.db.conn(), actor.scope(), id.uuid())
            .await?
            .ok_or(CoreError::not_found("job"))?;
        actor.require(Permission::JobManage)?;
        Ok(job.into())
    }

    /// Queues a failed or dead job again, with fresh attempts.
    pub async fn retry_job(&self, actor: &Actor, id: JobId) -> CoreResult<JobView> {
        self.change_job(actor, id, "retried", |conn, now| {
            Box::pin(jobs::retry(conn, id.uuid(), now))
        })
        .await
    }

    /// Cancels a job that has not started.
    pub async fn cancel_job(&self, actor: &Actor, id: JobId) -> CoreResult<JobView> {
        self.change_job(actor, id, "cancelled", |conn, now| {
            Box::pin(jobs::cancel(conn, id.uuid(), now))
        })
        .await
    }

    async fn change_job<F>(
        &self,
        actor: &Actor,
        id: JobId,
        verb: &str,
        change: F,
    ) -> CoreResult<JobView>
    where
        F: for<'a> FnOnce(
            &'a forecourt_db::DatabaseTransaction,
            DateTime<Utc>,
        ) -> std::pin::Pin<
            Box<dyn std::future::Future<Output = forecourt_db::DbResult<bool>> + Send + 'a>,
        >,
    {
        let tx = self.db.begin().await?;
        let before = jobs::find_scoped(&*tx, actor.scope(), id.uuid())
            .await?
            .ok_or(CoreError::not_found("job"))?;
        actor.require(Permission::JobManage)?;
        let now = self.now();
        if !change(&tx, now).await? {
            return Err(CoreError::invalid_state(format!(
                "a {} job cannot be {verb}",
                before.status
            )));
        }
        let after = jobs::find(&*tx, id.uuid())
            .await?
            .ok_or(CoreError::not_found("job"))?;
        audit::record(
            &*tx,
            actor,
            AuditEntry::action("job", verb, Some(before.id))
                .change("status", before.status.clone(), after.status.clone())
                .change("kind", serde_json::Value::Null, after.kind.clone()),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(after.into())
    }
}

impl App {
    /// Deletes jobs finished (done or cancelled) more than a week ago.
    pub async fn purge_finished_jobs(&self) -> CoreResult<u64> {
        Ok(jobs::purge_finished(self.db.conn(), self.now() - chrono::Duration::days(7)).await?)
    }
}
