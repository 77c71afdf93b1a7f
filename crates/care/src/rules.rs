//! The rules a complaint's clocks are counted by, loaded once per use case: the dealer's
//! working calendar (settings, holidays and worked days off, in its time zone) and escalation
//! ladder, and the SLA targets per severity and source.

use chrono::{Duration, NaiveDate};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{care_calendar_day, care_setting, complaint_sla_target};
use forecourt_db::repo::care;
use forecourt_domain::care::complaint::{ComplaintSource, Severity, default_targets};
use forecourt_domain::care::escalation::Ladder;
use forecourt_domain::care::sla::WorkingCalendar;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::CoreResult;

/// The source key of a target that applies to every source.
pub const ANY_SOURCE: &str = "any";
/// The default share of a target at which the handler is warned.
pub const DEFAULT_WARN_PERCENT: i32 = 80;
/// The default real time from a breach to the general manager's step: 24 hours.
pub const DEFAULT_SENIOR_AFTER_MINUTES: i32 = 24 * 60;

/// The dealer's calendar, ladder and targets.
#[derive(Clone, Debug)]
pub struct CareRules {
    pub calendar: WorkingCalendar,
    pub ladder: Ladder,
    targets: Vec<complaint_sla_target::Model>,
}

/// `"1111110"` as seven flags, Monday first (anything but `1` is a day off).
pub fn parse_working_days(flags: &str) -> [bool; 7] {
    let mut days = [false; 7];
    for (slot, flag) in days.iter_mut().zip(flags.chars()) {
        *slot = flag == '1';
    }
    days
}

/// Seven flags as `"1111110"`.
pub fn working_days_key(days: &[bool; 7]) -> String {
    days.iter().map(|d| if *d { '1' } else { '0' }).collect()
}

impl CareRules {
    /// The rules from the dealer's saved rows (defaults where nothing is saved).
    pub fn from_rows(
        actor: &Actor,
        settings: Option<&care_setting::Model>,
        days: &[care_calendar_day::Model],
        targets: Vec<complaint_sla_target::Model>,
    ) -> Self {
        let mut calendar = WorkingCalendar::showroom(actor.time_zone());
        if let Some(s) = settings {
            calendar.working_days = parse_working_days(&s.working_days);
            calendar.day_starts_min = u32::try_from(s.day_starts_min).unwrap_or(510);
            calendar.day_ends_min = u32::try_from(s.day_ends_min).unwrap_or(1080);
        }
        for day in days {
            if day.working {
                calendar.extra_working_days.insert(day.day);
            } else {
                calendar.holidays.insert(day.day);
            }
        }
        let ladder = Ladder {
            warn_percent: settings
                .map_or(DEFAULT_WARN_PERCENT, |s| s.warn_percent)
                .clamp(1, 99) as u32,
            senior_after: Duration::minutes(i64::from(
                settings.map_or(DEFAULT_SENIOR_AFTER_MINUTES, |s| s.senior_after_minutes),
            )),
        };
        Self {
            calendar,
            ladder,
            targets,
        }
    }

    /// Loads the rules of the actor's dealer (calendar days from a year back on: older ones
    /// cannot touch an open clock).
    pub async fn load<C: ConnectionTrait>(
        conn: &C,
        actor: &Actor,
        today: NaiveDate,
    ) -> CoreResult<Self> {
        let settings = care::settings(conn, actor.scope()).await?;
        let since = today.checked_sub_days(chrono::Days::new(366));
        let days = care::calendar_days(conn, actor.scope(), since).await?;
        let targets = care::targets(conn, actor.scope()).await?;
        Ok(Self::from_rows(actor, settings.as_ref(), &days, targets))
    }

    /// The targets (first response, resolution) in working minutes for a complaint of this
    /// severity and source: the source's own row, else the `any` row, else the defaults.
    pub fn targets_for(&self, severity: Severity, source: ComplaintSource) -> (i32, i32) {
        let find = |key: &str| {
            self.targets
                .iter()
                .find(|t| t.severity == severity.as_str() && t.source == key)
        };
        find(source.as_str())
            .or_else(|| find(ANY_SOURCE))
            .map_or_else(
                || default_targets(severity),
                |t| (t.first_response_minutes, t.resolution_minutes),
            )
    }

    /// The saved target rows.
    pub fn target_rows(&self) -> &[complaint_sla_target::Model] {
        &self.targets
    }
}
