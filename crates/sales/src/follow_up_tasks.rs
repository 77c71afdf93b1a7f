//! The follow-up cadence and stagnation, run by the work engine's jobs.
//!
//! - **Cadence** (`sales.cadence`, every five minutes): each open lead whose follow-up falls
//!   due by the end of the dealer's day gets a call task pushed to its owner. The task is
//!   locked against generic completion (it closes when the follow-up is logged on the lead) and
//!   its cancellation needs the manager's approval; once a cancellation is approved, the lead
//!   is scheduled afresh from its grade's cadence. Overdue tasks raise the engine's alarms and
//!   escalate like any other.
//! - **Stagnation** (`sales.stagnation`, hourly): a lead without a grade upgrade for the
//!   dealer's stagnation period is flagged and, per the dealer's rule, moved to a senior
//!   consultant, the sales manager or the marketing pool; C leads older than the hand-over
//!   period go to the marketing pool. Owners are notified, everything is audited.

use super::leads::move_lead;
use super::settings::effective;
use crate::Sales;
use crate::SalesExt as _;
use chrono::{DateTime, Duration, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{customer, lead, sales_setting};
use forecourt_db::repo::{leads, tenant, users};
use forecourt_domain::ids::{ActivityId, CustomerId, UserId};
use forecourt_domain::sales::StagnationAction;
use forecourt_domain::work::ActivityKind;
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::CoreResult;
use forecourt_kernel::jobs::{JobContext, JobRegistry};
use forecourt_kernel::notifications::{Notice, notify};
use forecourt_work::{ActivityDraft, withdraw_activity_in};
use serde_json::{Map, Value};
use uuid::Uuid;

pub const CADENCE_JOB: &str = "sales.cadence";
pub const STAGNATION_JOB: &str = "sales.stagnation";

/// Leads handled per dealer and run (the next run takes the rest).
const BATCH: u64 = 500;

pub fn register_jobs(registry: &mut JobRegistry) {
    registry.register(CADENCE_JOB, |ctx: JobContext| async move {
        ctx.app.sales().push_follow_up_tasks().await?;
        Ok(())
    });
    registry.register(STAGNATION_JOB, |ctx: JobContext| async move {
        ctx.app.sales().flag_stagnant_leads().await?;
        Ok(())
    });
}

/// Closes the lead's pushed task as done, in the follow-up's transaction.
pub async fn close_task<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    task: Option<Uuid>,
    outcome: &str,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    if let Some(id) = task {
        forecourt_work::close_activity_in(
            conn,
            actor,
            ActivityId::from_uuid(id),
            Some(outcome.to_owned()),
            now,
        )
        .await?;
    }
    Ok(())
}

/// Cancels the lead's pushed task: nobody follows the lead up any more (lost, won, pooled).
pub async fn drop_task<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    task: Option<Uuid>,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    if let Some(id) = task {
        withdraw_activity_in(conn, actor, ActivityId::from_uuid(id), now).await?;
    }
    Ok(())
}

/// Hands the lead's pushed task to its new owner, or drops it when nobody owns the lead.
pub async fn follow_owner<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    task: Option<Uuid>,
    owner: Option<Uuid>,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    match (task, owner) {
        (Some(id), Some(owner)) => {
            forecourt_work::reassign_activity_in(
                conn,
                actor,
                ActivityId::from_uuid(id),
                UserId::from_uuid(owner),
                now,
            )
            .await
        }
        (task, _) => drop_task(conn, actor, task, now).await,
    }
}

/// Tells a consultant a lead is now theirs.
pub async fn notify_new_owner<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    lead: &lead::Model,
    customer_name: &str,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    let Some(owner) = lead.owner_id else {
        return Ok(());
    };
    if owner == actor.user_id().uuid() {
        return Ok(());
    }
    let mut params = Map::new();
    params.insert("customer".into(), customer_name.into());
    params.insert("grade".into(), lead.grade.clone().into());
    notify(
        conn,
        actor,
        vec![Notice {
            user_id: owner,
            kind: "lead.assigned",
            params,
            link: Some(format!("/leads/{}", lead.id)),
            reference: Some(("lead", lead.id)),
        }],
        now,
    )
    .await
}

pub async fn customer_name<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    id: Uuid,
) -> CoreResult<String> {
    Ok(tenant::find::<customer::Entity, _>(conn, actor.scope(), id)
        .await?
        .map(|c| c.name)
        .unwrap_or_default())
}

impl Sales<'_> {
    /// The cadence: pushes the follow-up tasks falling due by the end of each dealer's day,
    /// and reschedules leads whose task's cancellation was approved. Returns the tasks pushed.
    pub async fn push_follow_up_tasks(&self) -> CoreResult<usize> {
        let mut pushed = 0;
        for dealer in self.all_dealers().await? {
            let actor = self.system_actor(dealer.id).await?;
            pushed += self.push_dealer_tasks(&actor).await?;
        }
        Ok(pushed)
    }

    async fn push_dealer_tasks(&self, actor: &Actor) -> CoreResult<usize> {
        let now = self.now();
        let today = actor.time_zone().local_date(now);
        let end_of_day = actor.time_zone().start_of_day(today + Duration::days(1));
        let tx = self.db().begin().await?;
        let settings = effective(&*tx, actor).await?;
        // Cancellations the manager approved: the next follow-up comes from the cadence.
        for before in leads::task_cancelled(&*tx, actor.scope(), BATCH).await? {
            let mut after = before.clone();
            after.follow_up_activity_id = None;
            super::leads::write::reschedule(&mut after, &settings, actor, now);
            tenant::update::<lead::Entity, _>(
                &*tx,
                actor.scope(),
                before.id,
                after,
                before.version,
                now,
            )
            .await?;
        }
        let due = leads::due_without_task(&*tx, actor.scope(), end_of_day, BATCH).await?;
        let mut pushed = 0;
        for before in due {
            let (Some(owner), Some(due_at)) = (before.owner_id, before.next_follow_up_at) else {
                continue;
            };
            let name = customer_name(&*tx, actor, before.customer_id).await?;
            let mut draft = ActivityDraft::worded(
                super::texts::follow_up_task(&name, &before.grade),
                actor.locale(),
                UserId::from_uuid(owner),
                due_at,
            );
            draft.kind = ActivityKind::Call;
            draft.customer_id = Some(CustomerId::from_uuid(before.customer_id));
            draft.reference = Some(("lead".to_owned(), before.id));
            draft.cancel_needs_approval = true;
            draft.completion_locked = true;
            let task = forecourt_work::create_activity_in(&*tx, actor, draft, now).await?;
            let mut after = before.clone();
            after.follow_up_activity_id = Some(task.id);
            tenant::update::<lead::Entity, _>(
                &*tx,
                actor.scope(),
                before.id,
                after,
                before.version,
                now,
            )
            .await?;
            pushed += 1;
        }
        tx.commit().await?;
        Ok(pushed)
    }

    /// Stagnation and the C hand-over in every dealer. Returns the leads flagged or moved.
    pub async fn flag_stagnant_leads(&self) -> CoreResult<usize> {
        let mut moved = 0;
        for dealer in self.all_dealers().await? {
            let actor = self.system_actor(dealer.id).await?;
            moved += self.flag_dealer_leads(&actor).await?;
        }
        Ok(moved)
    }

    async fn flag_dealer_leads(&self, actor: &Actor) -> CoreResult<usize> {
        let now = self.now();
        let tx = self.db().begin().await?;
        let settings = effective(&*tx, actor).await?;
        let since = now - Duration::days(i64::from(settings.stagnation_days));
        let mut moved = 0;
        for before in leads::stagnation_candidates(&*tx, actor.scope(), since, BATCH).await? {
            let target = stagnation_target(&*tx, actor, &settings, &before).await?;
            let mut flagged = before.clone();
            flagged.stagnant_since = Some(now);
            let flagged = tenant::update::<lead::Entity, _>(
                &*tx,
                actor.scope(),
                before.id,
                flagged,
                before.version,
                now,
            )
            .await?;
            audit::record(
                &*tx,
                actor,
                AuditEntry::action("lead", "stagnant", Some(before.id)).change(
                    "last_upgrade_at",
                    Value::Null,
                    before.last_upgrade_at.to_rfc3339(),
                ),
                now,
            )
            .await?;
            let name = customer_name(&*tx, actor, before.customer_id).await?;
            let after = match target {
                Some(target) if target != (flagged.owner_id, flagged.pool.clone()) => {
                    move_lead(&*tx, actor, &flagged, target.0, target.1.as_deref(), now).await?
                }
                _ => flagged,
            };
            let mut params = Map::new();
            params.insert("customer".into(), name.into());
            params.insert("days".into(), settings.stagnation_days.into());
            let notices = before
                .owner_id
                .into_iter()
                .chain(after.owner_id.filter(|o| Some(*o) != before.owner_id))
                .map(|user_id| Notice {
                    user_id,
                    kind: "lead.stagnant",
                    params: params.clone(),
                    link: Some(format!("/leads/{}", before.id)),
                    reference: Some(("lead", before.id)),
                })
                .collect();
            notify(&*tx, actor, notices, now).await?;
            moved += 1;
        }
        if let Some(days) = settings.c_handover_days {
            let graded_before = now - Duration::days(i64::from(days));
            for before in
                leads::c_handover_candidates(&*tx, actor.scope(), graded_before, BATCH).await?
            {
                move_lead(&*tx, actor, &before, None, Some("marketing"), now).await?;
                moved += 1;
            }
        }
        tx.commit().await?;
        Ok(moved)
    }
}

/// Where a stagnant lead goes (owner, pool); None: it stays, flagged.
async fn stagnation_target<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    settings: &sales_setting::Model,
    lead: &lead::Model,
) -> CoreResult<Option<(Option<Uuid>, Option<String>)>> {
    let action: StagnationAction = settings
        .stagnation_action
        .parse()
        .unwrap_or(StagnationAction::Flag);
    Ok(match action {
        StagnationAction::Flag => None,
        StagnationAction::MarketingPool => Some((None, Some("marketing".to_owned()))),
        StagnationAction::Senior => settings
            .stagnation_user_id
            .filter(|u| Some(*u) != lead.owner_id)
            .map(|u| (Some(u), None)),
        StagnationAction::Manager => {
            // The owner's team leader, else the dealer's first active sales manager.
            let owner = match lead.owner_id {
                Some(id) => {
                    tenant::find::<forecourt_db::entities::user::Entity, _>(conn, actor.scope(), id)
                        .await?
                }
                None => None,
            };
            let leader = match owner.and_then(|o| o.team_id) {
                Some(team) => tenant::find::<forecourt_db::entities::team::Entity, _>(
                    conn,
                    actor.scope(),
                    team,
                )
                .await?
                .and_then(|t| t.leader_id),
                None => None,
            };
            let manager = match leader {
                Some(id) => Some(id),
                None => users::active(conn, actor.scope())
                    .await?
                    .into_iter()
                    .find(|u| u.role_key == "sales_manager")
                    .map(|u| u.id),
            };
            manager
                .filter(|m| Some(*m) != lead.owner_id)
                .map(|m| (Some(m), None))
        }
    })
}
