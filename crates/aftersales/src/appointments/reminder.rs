//! The customer's reminder the day before an appointment (`aftersales.appointment_reminder`):
//! queued when the appointment is booked or moved, for 10:00 the day before in the dealer's
//! time zone, keyed by appointment and day (moving it queues another; the first finds the day
//! changed and does nothing). It sends only while the appointment is still booked for that
//! day, through the outbox, which respects the customer's consent.

use crate::views::car_view;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{customer, service_appointment, vehicle};
use forecourt_db::repo::tenant;
use forecourt_domain::ids::{CustomerId, DealerId};
use forecourt_domain::work::MessageChannel;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::CoreResult;
use forecourt_kernel::jobs::{self, JobContext, JobRegistry, NewJob};
use forecourt_kernel::messaging::{OutboundRequest, queue_message};
use serde_json::{Map, Value, json};
use uuid::Uuid;

/// The reminder job.
pub const REMINDER_JOB: &str = "aftersales.appointment_reminder";
/// The local hour of the day before at which the reminder goes out.
const REMIND_AT_HOUR: i64 = 10;

pub fn register_jobs(registry: &mut JobRegistry) {
    registry.register(REMINDER_JOB, remind);
}

/// Queues the reminder of `a` for the day before its day (now, if that time has passed but
/// the day has not come).
pub(crate) async fn schedule_reminder<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    a: &service_appointment::Model,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    let zone = actor.time_zone();
    if zone.local_date(now) >= a.on_date {
        return Ok(());
    }
    let at = zone.start_of_day(a.on_date - Duration::days(1)) + Duration::hours(REMIND_AT_HOUR);
    jobs::enqueue(
        conn,
        NewJob::new(
            Some(actor.dealer_id()),
            REMINDER_JOB,
            json!({"appointment_id": a.id, "on_date": a.on_date}),
        )
        .at(at.max(now))
        .key(format!("{}:{}", a.id, a.on_date)),
        now,
    )
    .await?;
    Ok(())
}

async fn remind(ctx: JobContext) -> anyhow::Result<()> {
    let Some(dealer) = ctx.job.dealer_id else {
        return Ok(());
    };
    let payload = &ctx.job.payload;
    let id = payload
        .get("appointment_id")
        .and_then(Value::as_str)
        .and_then(|s| s.parse::<Uuid>().ok());
    let day = payload
        .get("on_date")
        .and_then(Value::as_str)
        .and_then(|s| s.parse::<NaiveDate>().ok());
    let (Some(id), Some(day)) = (id, day) else {
        return Ok(());
    };
    let app = &ctx.app;
    let actor = app.system_actor(DealerId::from_uuid(dealer)).await?;
    let tx = app.db().begin().await?;
    let Some(a) = tenant::find::<service_appointment::Entity, _>(&*tx, actor.scope(), id).await?
    else {
        return Ok(());
    };
    if a.status != "booked" || a.on_date != day {
        return Ok(());
    }
    let Some(owner) =
        tenant::find::<customer::Entity, _>(&*tx, actor.scope(), a.customer_id).await?
    else {
        return Ok(());
    };
    let car = tenant::find::<vehicle::Entity, _>(&*tx, actor.scope(), a.vehicle_id).await?;
    let car = car
        .map(|c| {
            let view = car_view(&c);
            view.plate.unwrap_or(view.description)
        })
        .unwrap_or_default();
    let mut vars = Map::new();
    vars.insert("customer_name".into(), owner.name.clone().into());
    vars.insert("car".into(), car.into());
    vars.insert("on_date".into(), a.on_date.to_string().into());
    vars.insert("job".into(), a.job.clone().into());
    queue_message(
        &*tx,
        &actor,
        OutboundRequest {
            channel: MessageChannel::Sms,
            customer_id: Some(CustomerId::from_uuid(a.customer_id)),
            recipient: None,
            template_key: "service.appointment_reminder".to_owned(),
            locale: None,
            vars,
            idempotency_key: format!("service_appointment:{}:{}", a.id, a.on_date),
            reference: Some(("service_appointment".to_owned(), a.id)),
        },
        app.now(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
