//! Opening renewals (`aftersales.renewals`, daily): each policy ending within the dealer's
//! `renewal_window_days` (the dealer's calendar) that is its car's latest of its kind and has
//! no renewal yet gets one, given to a renewal agent by the assignment rules, with a call task
//! pushed to them. One renewal per policy is the unique index `ux_renewals_policy` (the insert
//! does nothing on conflict), so a second run, or two at once on two nodes, opens nothing more.
//!
//! A call task whose cancellation the manager approved is followed, on the next run, by a new
//! one due that day, while the renewal is open: like a sales follow-up, a renewal is never
//! left without its next call.
//!
//! The assignment rules: the agent of the car's previous renewal while they still work
//! renewals, else the active user holding `renewal:work` at own scope with the fewest open
//! renewals (ties: the one given a renewal least recently, then by username).

use crate::AfterSales;
use crate::AfterSalesExt as _;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{customer, insurance_policy, renewal, vehicle};
use forecourt_db::repo::{insurance, tenant, users};
use forecourt_domain::aftersales::renewal::RenewalStatus;
use forecourt_domain::ids::{CustomerId, UserId};
use forecourt_domain::permission::{Permission, Scope};
use forecourt_domain::work::ActivityKind;
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::auth::grants::role_grants;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::jobs::{JobContext, JobRegistry};
use forecourt_kernel::timeline::{self, TimelineEvent};
use forecourt_work::ActivityDraft;
use serde_json::json;
use std::collections::HashMap;
use uuid::Uuid;

/// The job that opens renewals.
pub const RENEWALS_JOB: &str = "aftersales.renewals";

/// Policies looked at per dealer and run (the next run takes the rest).
const BATCH: u64 = 500;

pub fn register_jobs(registry: &mut JobRegistry) {
    registry.register(RENEWALS_JOB, |ctx: JobContext| async move {
        ctx.app.aftersales().open_renewals().await?;
        Ok(())
    });
}

/// The agents who may be given renewals (active, holding `renewal:work` at own scope) with
/// their open renewals and when they were last given one.
pub(crate) struct Agents {
    /// `(id, username)`, in username order.
    pub list: Vec<(Uuid, String)>,
    pub loads: HashMap<Uuid, (i64, Option<DateTime<Utc>>)>,
}

impl Agents {
    pub(crate) async fn load<C: ConnectionTrait>(conn: &C, actor: &Actor) -> CoreResult<Self> {
        let mut grants = HashMap::new();
        let mut list = Vec::new();
        for u in users::active(conn, actor.scope()).await? {
            if !grants.contains_key(&u.role_key) {
                let g = role_grants(conn, actor.scope(), &u.role_key).await?;
                grants.insert(u.role_key.clone(), g);
            }
            let works = grants
                .get(&u.role_key)
                .and_then(|g| g.as_ref())
                .and_then(|g| g.scope(Permission::RenewalWork))
                == Some(Scope::Own);
            if works {
                list.push((u.id, u.username));
            }
        }
        list.sort_by(|a, b| a.1.cmp(&b.1));
        let ids: Vec<Uuid> = list.iter().map(|(id, _)| *id).collect();
        let loads = insurance::agent_loads(conn, actor.scope(), &ids).await?;
        Ok(Self { list, loads })
    }

    pub(crate) fn contains(&self, id: Uuid) -> bool {
        self.list.iter().any(|(a, _)| *a == id)
    }

    /// The agent with the fewest open renewals (ties: least recently given one).
    fn least_loaded(&self) -> Option<Uuid> {
        self.list
            .iter()
            .map(|(id, _)| *id)
            .min_by_key(|id| self.loads.get(id).copied().unwrap_or((0, None)))
    }

    /// The agent for a car by the rules, counted as given one more renewal at `now`.
    async fn choose<C: ConnectionTrait>(
        &mut self,
        conn: &C,
        actor: &Actor,
        vehicle_id: Uuid,
        renewal_id: Uuid,
        now: DateTime<Utc>,
    ) -> CoreResult<Option<Uuid>> {
        let previous = insurance::previous_agent(conn, actor.scope(), vehicle_id, renewal_id)
            .await?
            .filter(|a| self.contains(*a));
        let chosen = previous.or_else(|| self.least_loaded());
        if let Some(agent) = chosen {
            let load = self.loads.entry(agent).or_default();
            load.0 += 1;
            load.1 = Some(now);
        }
        Ok(chosen)
    }
}

/// Pushes the agent's call task for a renewal, due by `due_at`; the task closes only when a
/// call is logged (or its cancellation is approved).
pub(crate) async fn push_call_task<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    r: &renewal::Model,
    agent: Uuid,
    due_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> CoreResult<Uuid> {
    let name = match r.customer_id {
        Some(id) => tenant::find::<customer::Entity, _>(conn, actor.scope(), id)
            .await?
            .map(|c| c.name)
            .unwrap_or_default(),
        None => String::new(),
    };
    let plate = tenant::find::<vehicle::Entity, _>(conn, actor.scope(), r.vehicle_id)
        .await?
        .and_then(|v| v.plate.or(v.vin))
        .unwrap_or_default();
    let mut draft = ActivityDraft::worded(
        crate::texts::renewal_call_task(&name, &plate, r.due_on),
        actor.locale(),
        UserId::from_uuid(agent),
        due_at,
    );
    draft.kind = ActivityKind::Call;
    draft.customer_id = r.customer_id.map(CustomerId::from_uuid);
    draft.reference = Some(("renewal".to_owned(), r.id));
    draft.cancel_needs_approval = true;
    draft.completion_locked = true;
    Ok(forecourt_work::create_activity_in(conn, actor, draft, now)
        .await?
        .id)
}

/// Pushes the next call of each open renewal whose call task's cancellation was approved, due
/// by the end of `today`, to its agent. Returns how many were pushed.
async fn replace_cancelled_calls<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> CoreResult<usize> {
    let mut pushed = 0;
    for before in insurance::renewals_with_cancelled_task(conn, actor.scope(), BATCH).await? {
        let task = match before.agent_id {
            Some(agent) => Some(
                push_call_task(conn, actor, &before, agent, end_of_day(actor, today), now).await?,
            ),
            None => None,
        };
        let after = super::work::set_task(conn, actor, &before, task, now).await?;
        audit::record(
            conn,
            actor,
            AuditEntry::updated(&before, &after).with_action("renewal.call_rescheduled"),
            now,
        )
        .await?;
        pushed += usize::from(task.is_some());
    }
    Ok(pushed)
}

/// The end of a day of the dealer's calendar.
pub(crate) fn end_of_day(actor: &Actor, day: NaiveDate) -> DateTime<Utc> {
    actor.time_zone().start_of_day(day + Duration::days(1)) - Duration::seconds(1)
}

/// Keeps the policies that are their car's latest of their kind.
fn latest_of_kind(
    candidates: Vec<insurance_policy::Model>,
    all: &[insurance_policy::Model],
) -> Vec<insurance_policy::Model> {
    candidates
        .into_iter()
        .filter(|p| {
            !all.iter().any(|o| {
                o.id != p.id
                    && o.vehicle_id == p.vehicle_id
                    && o.kind == p.kind
                    && (o.ends_on, o.id) > (p.ends_on, p.id)
            })
        })
        .collect()
}

impl AfterSales<'_> {
    /// Opens the renewals coming due in every dealer. Returns how many were opened.
    pub async fn open_renewals(&self) -> CoreResult<usize> {
        let mut opened = 0;
        for dealer in self.all_dealers().await? {
            let actor = self.system_actor(dealer.id).await?;
            opened += self.open_dealer_renewals(&actor).await?;
        }
        Ok(opened)
    }

    /// Opens the dealer's renewals coming due (the job's work for one dealer).
    pub async fn open_dealer_renewals(&self, actor: &Actor) -> CoreResult<usize> {
        let now = self.now();
        let today = actor.time_zone().local_date(now);
        let tx = self.db().begin().await?;
        let settings = crate::settings::ensure_defaults(&*tx, actor, now).await?;
        replace_cancelled_calls(&*tx, actor, today, now).await?;
        let until = today + Duration::days(i64::from(settings.renewal_window_days));
        let candidates =
            insurance::policies_to_renew(&*tx, actor.scope(), today, until, BATCH).await?;
        if candidates.is_empty() {
            tx.commit().await?;
            return Ok(0);
        }
        let mut cars: Vec<Uuid> = candidates.iter().map(|p| p.vehicle_id).collect();
        cars.sort_unstable();
        cars.dedup();
        let all = insurance::policies_of_vehicles(&*tx, actor.scope(), &cars).await?;
        let due = latest_of_kind(candidates, &all);
        // Choosing the agent and giving them the renewal are one step.
        forecourt_db::repo::locks::lock_keys(
            &*tx,
            actor.scope(),
            &[("renewal_assignment", "load")],
        )
        .await?;
        let mut agents = Agents::load(&*tx, actor).await?;
        let mut opened = 0;
        for policy in due {
            let id = Uuid::now_v7();
            let agent = agents
                .choose(&*tx, actor, policy.vehicle_id, id, now)
                .await?;
            let customer_id =
                tenant::find::<vehicle::Entity, _>(&*tx, actor.scope(), policy.vehicle_id)
                    .await?
                    .and_then(|v| v.owner_customer_id)
                    .or(policy.customer_id);
            let model = renewal::Model {
                id,
                dealer_id: actor.dealer_id().uuid(),
                policy_id: policy.id,
                vehicle_id: policy.vehicle_id,
                customer_id,
                agent_id: agent,
                due_on: policy.ends_on,
                status: RenewalStatus::Open.as_str().to_owned(),
                insurer: None,
                lost_reason: None,
                new_policy_id: None,
                task_id: None,
                closed_at: None,
                created_at: now,
                updated_at: now,
                version: 1,
            };
            if !insurance::open_renewal(&*tx, actor.scope(), model.clone()).await? {
                continue;
            }
            let mut saved = model;
            if let Some(agent) = agent {
                let task =
                    push_call_task(&*tx, actor, &saved, agent, end_of_day(actor, today), now)
                        .await?;
                let mut after = saved.clone();
                after.task_id = Some(task);
                saved = tenant::update::<renewal::Entity, _>(
                    &*tx,
                    actor.scope(),
                    saved.id,
                    after,
                    saved.version,
                    now,
                )
                .await
                .map_err(|e| CoreError::from_db("renewal", e))?;
            }
            audit::record(
                &*tx,
                actor,
                AuditEntry::created(&saved).with_action("renewal.opened"),
                now,
            )
            .await?;
            if let Some(customer) = saved.customer_id {
                timeline::record(
                    &*tx,
                    actor,
                    vec![
                        TimelineEvent::new(
                            customer,
                            "renewal.opened",
                            json!({"kind": policy.kind, "insurer": policy.insurer, "due_on": policy.ends_on}),
                        )
                        .about("renewal", saved.id),
                    ],
                    now,
                )
                .await?;
            }
            opened += 1;
        }
        tx.commit().await?;
        Ok(opened)
    }
}
