//! Reminders for cars coming due (`aftersales.service_reminders`, hourly): once a car's due day
//! is within the dealer's `reminder_days_before`, a call task goes to a service advisor through
//! the work engine and/or a message to the customer through the outbox (sent only with their
//! consent) — per the dealer's settings, once per due day: the row's `reminded_for` is set by a
//! conditional update, so two runs (or two nodes) remind once. A car already booked in is
//! marked without a reminder.

use crate::AfterSales;
use crate::AfterSalesExt as _;
use crate::settings::ensure_defaults;
use crate::texts::service_due_task;
use crate::views::car_view;
use chrono::{Datelike, Duration};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{customer, repair_order, user, vehicle};
use forecourt_db::repo::{service, tenant};
use forecourt_domain::ids::{CustomerId, UserId};
use forecourt_domain::permission::Permission;
use forecourt_domain::work::{ActivityKind, MessageChannel};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::CoreResult;
use forecourt_kernel::jobs::{JobContext, JobRegistry};
use forecourt_kernel::messaging::{OutboundRequest, queue_message};
use forecourt_kernel::timeline::{self, TimelineEvent};
use forecourt_work::ActivityDraft;
use serde_json::{Map, json};
use uuid::Uuid;

/// The hourly reminder job.
pub const REMIND_JOB: &str = "aftersales.service_reminders";
/// The customer timeline kind of a reminder.
pub const REMINDED_KIND: &str = "service.due_reminded";
/// How many cars one run reminds per dealer at most.
const BATCH: u64 = 500;
/// The hour (local) the advisor's call task falls due.
const TASK_DUE_HOUR: u32 = 10;

pub fn register_jobs(registry: &mut JobRegistry) {
    registry.register(REMIND_JOB, |ctx: JobContext| async move {
        ctx.app.aftersales().send_service_reminders().await?;
        Ok(())
    });
}

/// The dealer's service advisors: active users who may work service but not configure it
/// (else, when there are none, whoever may work service), by id.
async fn advisors<C: ConnectionTrait>(conn: &C, actor: &Actor) -> CoreResult<Vec<user::Model>> {
    let workers =
        forecourt_kernel::approvals::approvers(conn, actor, Permission::ServiceWrite, Uuid::nil())
            .await?;
    let mut desk = Vec::new();
    for u in &workers {
        let grants = forecourt_kernel::auth::grants::role_grants(conn, actor.scope(), &u.role_key)
            .await?
            .unwrap_or_default();
        if grants.scope(Permission::ServiceConfigure).is_none() {
            desk.push(u.clone());
        }
    }
    let mut chosen = if desk.is_empty() { workers } else { desk };
    chosen.sort_by_key(|u| u.id);
    Ok(chosen)
}

impl AfterSales<'_> {
    /// Sends the reminders due in every dealer; how many cars were reminded.
    pub async fn send_service_reminders(&self) -> CoreResult<usize> {
        let mut sent = 0;
        for dealer in self.all_dealers().await? {
            let actor = self.system_actor(dealer.id).await?;
            sent += self.send_dealer_reminders(&actor).await?;
        }
        Ok(sent)
    }

    /// Sends the actor's dealer's reminders due now; how many cars were reminded.
    pub async fn send_dealer_reminders(&self, actor: &Actor) -> CoreResult<usize> {
        let now = self.now();
        let today = self.today(actor);
        let tx = self.db().begin().await?;
        let settings = ensure_defaults(&*tx, actor, now).await?;
        let horizon = today + Duration::days(i64::from(settings.reminder_days_before));
        let due = service::dues_to_remind(&*tx, actor.scope(), horizon, BATCH).await?;
        if due.is_empty() {
            tx.commit().await?;
            return Ok(0);
        }
        let vehicle_ids: Vec<Uuid> = due.iter().map(|d| d.vehicle_id).collect();
        let booked = service::booked_for_vehicles(&*tx, actor.scope(), &vehicle_ids, today).await?;
        let last_advisor = service::last_repair_orders(&*tx, actor.scope(), &vehicle_ids).await?;
        let desk = advisors(&*tx, actor).await?;
        let task_due =
            actor.time_zone().start_of_day(today) + Duration::hours(i64::from(TASK_DUE_HOUR));
        let mut turn = today.ordinal() as usize;
        let mut sent = 0;
        for row in &due {
            if !service::mark_reminded(&*tx, actor.scope(), row.id, row.due_on).await? {
                continue;
            }
            if booked.iter().any(|a| a.vehicle_id == row.vehicle_id) {
                continue;
            }
            let (Some(customer_id), Some(car)) = (
                row.customer_id,
                tenant::find::<vehicle::Entity, _>(&*tx, actor.scope(), row.vehicle_id).await?,
            ) else {
                continue;
            };
            let Some(customer) =
                tenant::find::<customer::Entity, _>(&*tx, actor.scope(), customer_id).await?
            else {
                continue;
            };
            let car_name = car_name(&car);
            if settings.remind_by_task {
                let owner = last_advisor
                    .iter()
                    .find(|ro| ro.vehicle_id == row.vehicle_id)
                    .map(|ro: &repair_order::Model| ro.advisor_id)
                    .filter(|id| desk.iter().any(|u| u.id == *id))
                    .or_else(|| {
                        turn += 1;
                        desk.get(turn % desk.len().max(1)).map(|u| u.id)
                    });
                if let Some(owner) = owner {
                    let mut draft = ActivityDraft::worded(
                        service_due_task(&customer.name, &car_name, &row.due_on.to_string()),
                        actor.locale(),
                        UserId::from_uuid(owner),
                        task_due.max(now),
                    );
                    draft.kind = ActivityKind::Call;
                    draft.customer_id = Some(CustomerId::from_uuid(customer_id));
                    draft.reference = Some(("vehicle".to_owned(), row.vehicle_id));
                    forecourt_work::create_activity_in(&*tx, actor, draft, now).await?;
                }
            }
            if settings.remind_by_message {
                let mut vars = Map::new();
                vars.insert("customer_name".into(), customer.name.clone().into());
                vars.insert("car".into(), car_name.clone().into());
                vars.insert("due_on".into(), row.due_on.to_string().into());
                queue_message(
                    &*tx,
                    actor,
                    OutboundRequest {
                        channel: MessageChannel::Sms,
                        customer_id: Some(CustomerId::from_uuid(customer_id)),
                        recipient: None,
                        template_key: "service.due".to_owned(),
                        locale: None,
                        vars,
                        idempotency_key: format!("service_due:{}:{}", row.vehicle_id, row.due_on),
                        reference: Some(("vehicle".to_owned(), row.vehicle_id)),
                    },
                    now,
                )
                .await?;
            }
            let data = json!({"vehicle_id": row.vehicle_id, "plate": car.plate, "due_on": row.due_on, "due_by": row.due_by});
            timeline::record(
                &*tx,
                actor,
                vec![
                    TimelineEvent::new(customer_id, REMINDED_KIND, data)
                        .about("vehicle", row.vehicle_id),
                ],
                now,
            )
            .await?;
            sent += 1;
        }
        tx.commit().await?;
        Ok(sent)
    }
}

/// A car as a reminder names it: its plate, else its description.
fn car_name(car: &vehicle::Model) -> String {
    let view = car_view(car);
    view.plate.unwrap_or(view.description)
}
