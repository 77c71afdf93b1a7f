//! The care settings: the working calendar the SLA clocks count in (working days and hours,
//! holidays and worked days off 调休), the escalation ladder and the SLA targets per severity
//! and source. Read with `complaint:read`, changed with `complaint:configure`; a change
//! applies to clocks computed from then on.

use crate::Care;
use crate::rules::{
    ANY_SOURCE, CareRules, DEFAULT_SENIOR_AFTER_MINUTES, DEFAULT_WARN_PERCENT, working_days_key,
};
use chrono::{Days, NaiveDate};
use forecourt_db::entities::{care_calendar_day, care_setting, complaint_sla_target};
use forecourt_db::repo::{care, tenant};
use forecourt_domain::care::complaint::{ComplaintSource, Severity};
use forecourt_domain::dates::check_year;
use forecourt_domain::permission::Permission;
use forecourt_domain::username::parse_optional_text;
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// The longest target, in working minutes (60 working days of 10 hours).
pub const TARGET_MAX_MINUTES: i32 = 36_000;
/// The longest wait from a breach to the general manager's step: a week, in minutes.
pub const SENIOR_AFTER_MAX_MINUTES: i32 = 10_080;
/// The most calendar days one change may set.
pub const DAYS_MAX: usize = 400;

/// A day the calendar treats unlike its weekday.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CalendarDay {
    /// The day, in the dealer's calendar.
    pub day: NaiveDate,
    /// `true`: worked although its weekday is a day off (调休); `false`: a holiday.
    pub working: bool,
    /// What the day is (国庆节 …), at most 60 characters.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<60>)]
    pub name: Option<String>,
}

/// An SLA target.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SlaTarget {
    pub severity: Severity,
    /// A complaint source, or `any` for every source without its own row.
    pub source: String,
    /// Working minutes from entry to the handler's first answer to the customer (1–36000).
    #[schema(schema_with = forecourt_domain::schema::integer::<1, { TARGET_MAX_MINUTES as i64 }>)]
    pub first_response_minutes: i32,
    /// Working minutes from entry (or reopening) to the complaint being handled (1–36000).
    #[schema(schema_with = forecourt_domain::schema::integer::<1, { TARGET_MAX_MINUTES as i64 }>)]
    pub resolution_minutes: i32,
}

/// The dealer's care settings.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct CareSettingsView {
    /// Seven flags, Monday first: the days that count as working time.
    pub working_days: [bool; 7],
    /// The working day's start, minutes after local midnight (510 = 08:30).
    pub day_starts_min: i32,
    /// The working day's end, minutes after local midnight (1080 = 18:00).
    pub day_ends_min: i32,
    /// The share of a target at which the handler is warned (80 %).
    pub warn_percent: i32,
    /// Minutes from a breach to the general manager's step (1440 = 24 h).
    pub senior_after_minutes: i32,
    /// Holidays and worked days off from a year back on, by day.
    pub days: Vec<CalendarDay>,
    /// The targets in force: for each severity its `any` row (the defaults when none is
    /// saved) and every source's own row.
    pub targets: Vec<SlaTarget>,
    /// 0 while never saved; send it back with a change.
    pub version: i64,
}

/// A change of the care settings; absent fields stay.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CareSettingsPatch {
    /// The version last read; a stale one is 409 `version_conflict`.
    pub version: i64,
    /// Seven flags, Monday first; at least one working day.
    pub working_days: Option<[bool; 7]>,
    /// 0–1439, before `day_ends_min`.
    #[schema(schema_with = forecourt_domain::schema::optional_integer::<0, 1439>)]
    pub day_starts_min: Option<i32>,
    /// 1–1440, after `day_starts_min`.
    #[schema(schema_with = forecourt_domain::schema::optional_integer::<1, 1440>)]
    pub day_ends_min: Option<i32>,
    /// 1–99.
    #[schema(schema_with = forecourt_domain::schema::optional_integer::<1, 99>)]
    pub warn_percent: Option<i32>,
    /// 0–10080.
    #[schema(schema_with = forecourt_domain::schema::optional_integer::<0, { SENIOR_AFTER_MAX_MINUTES as i64 }>)]
    pub senior_after_minutes: Option<i32>,
    /// Days to add or change (at most 400; one entry per day).
    #[serde(default)]
    pub set_days: Vec<CalendarDay>,
    /// Days to treat as their weekday again (at most 400).
    #[serde(default)]
    pub remove_days: Vec<NaiveDate>,
    /// Targets to add or change, by severity and source.
    #[serde(default)]
    pub targets: Vec<SlaTarget>,
}

fn view(
    rules: &CareRules,
    row: Option<&care_setting::Model>,
    days: Vec<CalendarDay>,
) -> CareSettingsView {
    let mut targets: Vec<SlaTarget> = Vec::new();
    for severity in Severity::ALL {
        let (first, resolution) = rules.targets_for(*severity, ComplaintSource::WalkIn);
        let any = rules
            .target_rows()
            .iter()
            .find(|t| t.severity == severity.as_str() && t.source == ANY_SOURCE);
        targets.push(SlaTarget {
            severity: *severity,
            source: ANY_SOURCE.to_owned(),
            first_response_minutes: any.map_or(first, |t| t.first_response_minutes),
            resolution_minutes: any.map_or(resolution, |t| t.resolution_minutes),
        });
        for row in rules
            .target_rows()
            .iter()
            .filter(|t| t.severity == severity.as_str() && t.source != ANY_SOURCE)
        {
            targets.push(SlaTarget {
                severity: *severity,
                source: row.source.clone(),
                first_response_minutes: row.first_response_minutes,
                resolution_minutes: row.resolution_minutes,
            });
        }
    }
    CareSettingsView {
        working_days: rules.calendar.working_days,
        day_starts_min: rules.calendar.day_starts_min as i32,
        day_ends_min: rules.calendar.day_ends_min as i32,
        warn_percent: rules.ladder.warn_percent as i32,
        senior_after_minutes: rules.ladder.senior_after.num_minutes() as i32,
        days,
        targets,
        version: row.map_or(0, |r| r.version),
    }
}

fn check_patch(patch: &CareSettingsPatch) -> CoreResult<()> {
    let mut errors = FieldErrors::new();
    if patch.working_days.is_some_and(|d| !d.contains(&true)) {
        errors.push(FieldError::new(
            "working_days",
            "invalid_value",
            "needs at least one working day",
        ));
    }
    let range = |field: &str, value: Option<i32>, min: i32, max: i32| {
        value.filter(|v| !(min..=max).contains(v)).map(|_| {
            FieldError::new(field, "out_of_range", format!("must be {min} to {max}"))
                .with_param("min", min)
                .with_param("max", max)
        })
    };
    for e in [
        range("day_starts_min", patch.day_starts_min, 0, 1439),
        range("day_ends_min", patch.day_ends_min, 1, 1440),
        range("warn_percent", patch.warn_percent, 1, 99),
        range(
            "senior_after_minutes",
            patch.senior_after_minutes,
            0,
            SENIOR_AFTER_MAX_MINUTES,
        ),
    ]
    .into_iter()
    .flatten()
    {
        errors.push(e);
    }
    if patch.set_days.len() > DAYS_MAX {
        errors.push(
            FieldError::new("set_days", "too_many", "at most 400 days at once")
                .with_param("max", DAYS_MAX),
        );
    }
    for (i, d) in patch.set_days.iter().enumerate() {
        errors.check(check_year(&format!("set_days[{i}].day"), d.day));
        errors.check(parse_optional_text(
            &format!("set_days[{i}].name"),
            d.name.as_deref(),
            60,
        ));
        if patch.set_days[..i].iter().any(|o| o.day == d.day) {
            errors.push(FieldError::new(
                format!("set_days[{i}].day"),
                "duplicate",
                "is given twice",
            ));
        }
    }
    if patch.remove_days.len() > DAYS_MAX {
        errors.push(
            FieldError::new("remove_days", "too_many", "at most 400 days at once")
                .with_param("max", DAYS_MAX),
        );
    }
    for (i, day) in patch.remove_days.iter().enumerate() {
        errors.check(check_year(&format!("remove_days[{i}]"), *day));
    }
    if patch.targets.len() > 3 * (ComplaintSource::ALL.len() + 1) {
        errors.push(FieldError::new(
            "targets",
            "too_many",
            "at most one per severity and source",
        ));
    }
    for (i, t) in patch.targets.iter().enumerate() {
        if t.source != ANY_SOURCE && ComplaintSource::parse(&t.source).is_none() {
            errors.push(FieldError::new(
                format!("targets[{i}].source"),
                "invalid_value",
                "must be a complaint source or `any`",
            ));
        }
        for (field, value) in [
            ("first_response_minutes", t.first_response_minutes),
            ("resolution_minutes", t.resolution_minutes),
        ] {
            if !(1..=TARGET_MAX_MINUTES).contains(&value) {
                errors.push(
                    FieldError::new(
                        format!("targets[{i}].{field}"),
                        "out_of_range",
                        "must be 1 to 36000 working minutes",
                    )
                    .with_param("max", TARGET_MAX_MINUTES),
                );
            }
        }
        if t.first_response_minutes > t.resolution_minutes {
            errors.push(FieldError::new(
                format!("targets[{i}].first_response_minutes"),
                "out_of_range",
                "must not exceed the resolution target",
            ));
        }
    }
    errors.finish()?;
    Ok(())
}

impl Care<'_> {
    /// The dealer's care settings: working calendar, holidays from a year back, ladder and
    /// SLA targets. Needs `complaint:read`.
    pub async fn care_settings(&self, actor: &Actor) -> CoreResult<CareSettingsView> {
        actor.require(Permission::ComplaintRead)?;
        let conn = self.db().conn();
        let today = self.today(actor);
        let rules = CareRules::load(conn, actor, today).await?;
        let row = care::settings(conn, actor.scope()).await?;
        let since = today.checked_sub_days(Days::new(366));
        let days = care::calendar_days(conn, actor.scope(), since)
            .await?
            .into_iter()
            .map(|d| CalendarDay {
                day: d.day,
                working: d.working,
                name: d.name,
            })
            .collect();
        Ok(view(&rules, row.as_ref(), days))
    }

    /// Changes the care settings. Needs `complaint:configure`; a stale version is 409; bad
    /// fields 422 naming each (a day off as a working day, a day's end before its start, a
    /// first-response target longer than the resolution's).
    pub async fn update_care_settings(
        &self,
        actor: &Actor,
        patch: CareSettingsPatch,
    ) -> CoreResult<CareSettingsView> {
        actor.require(Permission::ComplaintConfigure)?;
        check_patch(&patch)?;
        let now = self.now();
        let tx = self.db().begin().await?;
        let scope = actor.scope();
        let before = care::settings(&*tx, scope).await?;
        if before.as_ref().map_or(0, |s| s.version) != patch.version {
            return Err(CoreError::VersionConflict {
                entity: "care settings",
            });
        }
        let base = before.clone().unwrap_or(care_setting::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            working_days: "1111110".to_owned(),
            day_starts_min: 510,
            day_ends_min: 1080,
            warn_percent: DEFAULT_WARN_PERCENT,
            senior_after_minutes: DEFAULT_SENIOR_AFTER_MINUTES,
            created_at: now,
            updated_at: now,
            version: 0,
        });
        let mut after = base.clone();
        if let Some(days) = patch.working_days {
            after.working_days = working_days_key(&days);
        }
        after.day_starts_min = patch.day_starts_min.unwrap_or(base.day_starts_min);
        after.day_ends_min = patch.day_ends_min.unwrap_or(base.day_ends_min);
        after.warn_percent = patch.warn_percent.unwrap_or(base.warn_percent);
        after.senior_after_minutes = patch
            .senior_after_minutes
            .unwrap_or(base.senior_after_minutes);
        if after.day_starts_min >= after.day_ends_min {
            return Err(CoreError::invalid(FieldError::new(
                "day_ends_min",
                "out_of_range",
                "must be after the day's start",
            )));
        }
        let saved = match before {
            None => {
                after.version = 1;
                let row =
                    tenant::insert::<care_setting::Entity, _>(&*tx, scope, after.dealer_id, after)
                        .await
                        .map_err(|e| match e {
                            forecourt_db::DbError::UniqueViolation(_) => {
                                CoreError::VersionConflict {
                                    entity: "care settings",
                                }
                            }
                            other => other.into(),
                        })?;
                audit::record(&*tx, actor, AuditEntry::created(&row), now).await?;
                row
            }
            Some(before) => {
                let entry = AuditEntry::updated(&before, &after);
                audit::save::<care_setting::Entity, _>(
                    &*tx,
                    actor,
                    &before,
                    after,
                    entry,
                    now,
                    |e| CoreError::from_db("care settings", e),
                )
                .await?
            }
        };
        let mut touched: Vec<NaiveDate> = patch.remove_days.clone();
        touched.extend(patch.set_days.iter().map(|d| d.day));
        care::delete_calendar_days(&*tx, scope, &touched).await?;
        for d in &patch.set_days {
            let row = care_calendar_day::Model {
                id: Uuid::now_v7(),
                dealer_id: saved.dealer_id,
                day: d.day,
                working: d.working,
                name: d
                    .name
                    .as_deref()
                    .map(str::trim)
                    .filter(|n| !n.is_empty())
                    .map(str::to_owned),
            };
            tenant::insert::<care_calendar_day::Entity, _>(&*tx, scope, row.dealer_id, row).await?;
        }
        if !touched.is_empty() {
            audit::record(
                &*tx,
                actor,
                AuditEntry::action("care_settings", "calendar_changed", Some(saved.id))
                    .change(
                        "set_days",
                        serde_json::Value::Null,
                        patch
                            .set_days
                            .iter()
                            .map(|d| {
                                format!(
                                    "{}:{}",
                                    d.day,
                                    if d.working { "working" } else { "holiday" }
                                )
                            })
                            .collect::<Vec<_>>(),
                    )
                    .change(
                        "remove_days",
                        serde_json::Value::Null,
                        patch
                            .remove_days
                            .iter()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>(),
                    ),
                now,
            )
            .await?;
        }
        let existing = care::targets(&*tx, scope).await?;
        for t in &patch.targets {
            let found = existing
                .iter()
                .find(|e| e.severity == t.severity.as_str() && e.source == t.source);
            match found {
                Some(before) => {
                    let mut after = before.clone();
                    after.first_response_minutes = t.first_response_minutes;
                    after.resolution_minutes = t.resolution_minutes;
                    let entry = AuditEntry::updated(before, &after);
                    audit::update_if_changed::<complaint_sla_target::Entity, _>(
                        &*tx,
                        actor,
                        before,
                        after,
                        entry,
                        now,
                        |e| CoreError::from_db("SLA target", e),
                    )
                    .await?;
                }
                None => {
                    let row = complaint_sla_target::Model {
                        id: Uuid::now_v7(),
                        dealer_id: saved.dealer_id,
                        severity: t.severity.as_str().to_owned(),
                        source: t.source.clone(),
                        first_response_minutes: t.first_response_minutes,
                        resolution_minutes: t.resolution_minutes,
                        created_at: now,
                        updated_at: now,
                        version: 1,
                    };
                    let row = tenant::insert::<complaint_sla_target::Entity, _>(
                        &*tx,
                        scope,
                        row.dealer_id,
                        row,
                    )
                    .await
                    .map_err(|e| CoreError::from_db("SLA target", e))?;
                    audit::record(&*tx, actor, AuditEntry::created(&row), now).await?;
                }
            }
        }
        tx.commit().await?;
        self.care_settings(actor).await
    }
}
