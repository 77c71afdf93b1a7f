//! The workshop's settings: bays and working day (the day's capacity), each advisor's daily
//! cap, the labour rate, the fallback driving rate, when reminders go out and how, and how early
//! renewals open. Every dealer gets a row with the defaults (dealer defaults run at startup and
//! for each new dealer).

use crate::AfterSales;
use chrono::{DateTime, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::service_setting;
use forecourt_db::repo::{service, tenant};
use forecourt_domain::aftersales::capacity::Workshop;
use forecourt_domain::permission::Permission;
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// The most bays a workshop may have.
pub const BAYS_MAX: i32 = 200;
/// The longest reminder or renewal lead time, in days.
pub const LEAD_DAYS_MAX: i32 = 365;
/// The highest labour rate per hour, in fen (¥100,000).
pub const LABOUR_RATE_MAX_FEN: i64 = 10_000_000;
/// The highest fallback distance per year.
pub const KM_PER_YEAR_MAX: i32 = 200_000;

/// The workshop's settings.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ServiceSettingsView {
    /// Working bays (工位).
    pub bays: i32,
    /// The working day's start, minutes after local midnight (510 = 08:30).
    pub day_starts_min: i32,
    /// The working day's end, minutes after local midnight.
    pub day_ends_min: i32,
    /// Seven flags, Monday first: the days the workshop works.
    pub working_days: [bool; 7],
    /// Minutes of booked work one advisor takes per day.
    pub advisor_daily_minutes: i32,
    /// A day's capacity: bays × working minutes.
    pub day_capacity_minutes: i32,
    /// The labour rate per standard hour, in fen.
    pub labour_rate_fen: i64,
    /// The distance assumed per year for a car with fewer than two readings.
    pub fallback_km_per_year: i32,
    /// Days before a service falls due that its reminder goes out.
    pub reminder_days_before: i32,
    /// Push a call task to the advisor (or renewal agent) for a car coming due.
    pub remind_by_task: bool,
    /// Send the customer a message (with their consent) for a car coming due.
    pub remind_by_message: bool,
    /// Days before a policy ends that its renewal opens (default 90).
    pub renewal_window_days: i32,
    pub version: i64,
}

/// A change of the workshop's settings; absent fields stay.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ServiceSettingsPatch {
    /// 1–200 bays.
    #[schema(minimum = 1, maximum = 200)]
    pub bays: Option<i32>,
    /// 0–1439, before `day_ends_min`.
    #[schema(minimum = 0, maximum = 1439)]
    pub day_starts_min: Option<i32>,
    /// 1–1440, after `day_starts_min`.
    #[schema(minimum = 1, maximum = 1440)]
    pub day_ends_min: Option<i32>,
    /// Seven flags, Monday first; at least one working day.
    pub working_days: Option<[bool; 7]>,
    /// 30–1440 minutes.
    #[schema(minimum = 30, maximum = 1440)]
    pub advisor_daily_minutes: Option<i32>,
    /// 0–10,000,000 fen per hour.
    #[schema(minimum = 0, maximum = 10000000)]
    pub labour_rate_fen: Option<i64>,
    /// 1,000–200,000 km.
    #[schema(minimum = 1000, maximum = 200000)]
    pub fallback_km_per_year: Option<i32>,
    /// 0–365 days.
    #[schema(minimum = 0, maximum = 365)]
    pub reminder_days_before: Option<i32>,
    pub remind_by_task: Option<bool>,
    pub remind_by_message: Option<bool>,
    /// 1–365 days.
    #[schema(minimum = 1, maximum = 365)]
    pub renewal_window_days: Option<i32>,
    /// The version read.
    pub version: i64,
}

/// The view of a settings row.
pub fn view(m: &service_setting::Model) -> ServiceSettingsView {
    let workshop = workshop(m);
    ServiceSettingsView {
        bays: m.bays,
        day_starts_min: m.day_starts_min,
        day_ends_min: m.day_ends_min,
        working_days: workshop.working_days,
        advisor_daily_minutes: m.advisor_daily_minutes,
        day_capacity_minutes: workshop.day_minutes(),
        labour_rate_fen: m.labour_rate_fen,
        fallback_km_per_year: m.fallback_km_per_year,
        reminder_days_before: m.reminder_days_before,
        remind_by_task: m.remind_by_task,
        remind_by_message: m.remind_by_message,
        renewal_window_days: m.renewal_window_days,
        version: m.version,
    }
}

/// The capacity rules of a settings row.
pub fn workshop(m: &service_setting::Model) -> Workshop {
    Workshop {
        bays: m.bays,
        day_starts_min: m.day_starts_min,
        day_ends_min: m.day_ends_min,
        working_days: Workshop::parse_days(&m.working_days),
        advisor_daily_minutes: m.advisor_daily_minutes,
    }
}

/// The dealer's settings, created with the defaults when missing.
pub async fn ensure_defaults<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    now: DateTime<Utc>,
) -> CoreResult<service_setting::Model> {
    if let Some(found) = service::settings(conn, actor.scope()).await? {
        return Ok(found);
    }
    let model = service_setting::Model {
        id: Uuid::now_v7(),
        dealer_id: actor.dealer_id().uuid(),
        bays: 4,
        day_starts_min: 8 * 60 + 30,
        day_ends_min: 18 * 60,
        working_days: "1111110".to_owned(),
        advisor_daily_minutes: 600,
        labour_rate_fen: 30_000,
        fallback_km_per_year: 20_000,
        reminder_days_before: 14,
        remind_by_task: true,
        remind_by_message: true,
        renewal_window_days: 90,
        created_at: now,
        updated_at: now,
        version: 1,
    };
    Ok(
        tenant::insert::<service_setting::Entity, _>(conn, actor.scope(), model.dealer_id, model)
            .await?,
    )
}

fn ranged<T: PartialOrd + Copy>(
    errors: &mut FieldErrors,
    field: &str,
    value: Option<T>,
    range: std::ops::RangeInclusive<T>,
    message: &'static str,
) -> Option<T> {
    let value = value?;
    if range.contains(&value) {
        Some(value)
    } else {
        errors.push(FieldError::new(field, "out_of_range", message));
        None
    }
}

impl AfterSales<'_> {
    /// The workshop's settings. Needs `service:read`, `service:configure` or `renewal:read`.
    pub async fn service_settings(&self, actor: &Actor) -> CoreResult<ServiceSettingsView> {
        if !actor.can(Permission::ServiceRead) && !actor.can(Permission::RenewalRead) {
            actor.require(Permission::ServiceConfigure)?;
        }
        let tx = self.db().begin().await?;
        let found = ensure_defaults(&*tx, actor, self.now()).await?;
        tx.commit().await?;
        Ok(view(&found))
    }

    /// Changes the workshop's settings; every field is checked (422 naming each). Needs
    /// `service:configure`; a stale `version` is 409 `version_conflict`.
    pub async fn update_service_settings(
        &self,
        actor: &Actor,
        patch: ServiceSettingsPatch,
    ) -> CoreResult<ServiceSettingsView> {
        actor.require(Permission::ServiceConfigure)?;
        let now = self.now();
        let tx = self.db().begin().await?;
        let before = ensure_defaults(&*tx, actor, now).await?;
        if before.version != patch.version {
            return Err(CoreError::VersionConflict {
                entity: "service_settings",
            });
        }
        let mut e = FieldErrors::new();
        let mut after = before.clone();
        let p = &patch;
        if let Some(v) = ranged(&mut e, "bays", p.bays, 1..=BAYS_MAX, "must be 1–200") {
            after.bays = v;
        }
        if let Some(v) = ranged(
            &mut e,
            "day_starts_min",
            p.day_starts_min,
            0..=1439,
            "must be 0–1439",
        ) {
            after.day_starts_min = v;
        }
        if let Some(v) = ranged(
            &mut e,
            "day_ends_min",
            p.day_ends_min,
            1..=1440,
            "must be 1–1440",
        ) {
            after.day_ends_min = v;
        }
        if after.day_ends_min <= after.day_starts_min {
            e.push(FieldError::new(
                "day_ends_min",
                "out_of_range",
                "must be after the day's start",
            ));
        }
        if let Some(days) = p.working_days {
            if days.iter().any(|d| *d) {
                after.working_days = Workshop::days_flags(&days);
            } else {
                e.push(FieldError::new(
                    "working_days",
                    "required",
                    "at least one working day",
                ));
            }
        }
        if let Some(v) = ranged(
            &mut e,
            "advisor_daily_minutes",
            p.advisor_daily_minutes,
            30..=1440,
            "must be 30–1440",
        ) {
            after.advisor_daily_minutes = v;
        }
        if let Some(v) = ranged(
            &mut e,
            "labour_rate_fen",
            p.labour_rate_fen,
            0..=LABOUR_RATE_MAX_FEN,
            "must be 0–10,000,000 fen",
        ) {
            after.labour_rate_fen = v;
        }
        if let Some(v) = ranged(
            &mut e,
            "fallback_km_per_year",
            p.fallback_km_per_year,
            1_000..=KM_PER_YEAR_MAX,
            "must be 1,000–200,000 km",
        ) {
            after.fallback_km_per_year = v;
        }
        if let Some(v) = ranged(
            &mut e,
            "reminder_days_before",
            p.reminder_days_before,
            0..=LEAD_DAYS_MAX,
            "must be 0–365 days",
        ) {
            after.reminder_days_before = v;
        }
        if let Some(v) = ranged(
            &mut e,
            "renewal_window_days",
            p.renewal_window_days,
            1..=LEAD_DAYS_MAX,
            "must be 1–365 days",
        ) {
            after.renewal_window_days = v;
        }
        if let Some(v) = p.remind_by_task {
            after.remind_by_task = v;
        }
        if let Some(v) = p.remind_by_message {
            after.remind_by_message = v;
        }
        e.finish()?;
        let entry = AuditEntry::updated(&before, &after);
        let saved = audit::update_if_changed::<service_setting::Entity, _>(
            &*tx,
            actor,
            &before,
            after,
            entry,
            now,
            |e| CoreError::from_db("service_settings", e),
        )
        .await?
        .unwrap_or(before);
        tx.commit().await?;
        Ok(view(&saved))
    }
}
