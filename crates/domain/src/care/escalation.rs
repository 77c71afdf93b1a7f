//! The escalation ladder of a complaint's SLA clock: a warning to the handler when a share of
//! the target is used up, the breach (to the managers) when it runs out, and a senior step (to
//! the general manager) a fixed real time after the breach. Which steps are due is a pure
//! function of the clock; recording each step once is the caller's.

use super::sla::{Pause, WorkingCalendar, share_of_target_at};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A step of the ladder.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum EscalationStep {
    /// A share of the target used up: the handler is warned.
    Warning,
    /// The target ran out: the breach stays on record and the managers are told.
    Breach,
    /// Still not done a while after the breach: the general manager is told.
    Senior,
}

impl EscalationStep {
    pub fn as_str(self) -> &'static str {
        match self {
            EscalationStep::Warning => "warning",
            EscalationStep::Breach => "breach",
            EscalationStep::Senior => "senior",
        }
    }
}

/// The dealer's ladder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ladder {
    /// The share of the target at which the handler is warned, 1–99 %.
    pub warn_percent: u32,
    /// Real time from the breach to the senior step.
    pub senior_after: Duration,
}

/// One clock of one complaint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Clock<'a> {
    /// When it started (the complaint's entry, or its reopening for resolution).
    pub started: DateTime<Utc>,
    /// The target in working time.
    pub target: Duration,
    /// Time waiting for the customer, which does not count.
    pub pauses: &'a [Pause],
    /// A deadline given from outside (the OEM's for a forwarded complaint): due no later.
    pub deadline: Option<DateTime<Utc>>,
    /// When the clock stopped (answered, handled), if it has.
    pub stopped: Option<DateTime<Utc>>,
}

/// When the clock runs out: the target in working time outside the pauses, or the outside
/// deadline if earlier. `None` while a pause that has not ended stands before it (and no
/// outside deadline applies).
pub fn due_at(calendar: &WorkingCalendar, clock: &Clock<'_>) -> Option<DateTime<Utc>> {
    let by_target = calendar.due_at(clock.started, clock.target, clock.pauses);
    match (by_target, clock.deadline) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The instant of each step of the ladder, in order (warning, breach, senior); a step whose
/// instant cannot be known yet (the clock paused) is left out.
pub fn instants(
    calendar: &WorkingCalendar,
    clock: &Clock<'_>,
    ladder: Ladder,
) -> Vec<(EscalationStep, DateTime<Utc>)> {
    let Some(due) = due_at(calendar, clock) else {
        return Vec::new();
    };
    let warn = share_of_target_at(
        calendar,
        clock.started,
        clock.target,
        ladder.warn_percent,
        clock.pauses,
    )
    .map_or(due, |w| w.min(due));
    vec![
        (EscalationStep::Warning, warn),
        (EscalationStep::Breach, due),
        (EscalationStep::Senior, due + ladder.senior_after),
    ]
}

/// The steps due at `now`: reached, and before the clock stopped. A warning is pointless once
/// the clock has stopped, so it is never due then; a breach reached before the clock stopped
/// is due even when noticed after (it stays on record).
pub fn steps_due(
    calendar: &WorkingCalendar,
    clock: &Clock<'_>,
    ladder: Ladder,
    now: DateTime<Utc>,
) -> Vec<(EscalationStep, DateTime<Utc>)> {
    instants(calendar, clock, ladder)
        .into_iter()
        .filter(|(step, at)| {
            *at <= now
                && match clock.stopped {
                    None => true,
                    Some(stop) => *step != EscalationStep::Warning && *at < stop,
                }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time_zone::DealerTimeZone;
    use chrono::TimeZone;

    fn shanghai(day: &str, time: &str) -> DateTime<Utc> {
        let local =
            chrono::NaiveDateTime::parse_from_str(&format!("{day} {time}"), "%Y-%m-%d %H:%M")
                .unwrap();
        chrono_tz::Asia::Shanghai
            .from_local_datetime(&local)
            .unwrap()
            .with_timezone(&Utc)
    }

    const LADDER: Ladder = Ladder {
        warn_percent: 80,
        senior_after: Duration::hours(24),
    };

    fn calendar() -> WorkingCalendar {
        WorkingCalendar::showroom(DealerTimeZone::default())
    }

    #[test]
    fn four_hours_from_saturday_evening_warn_breach_and_go_senior_on_monday_and_tuesday() {
        // 2026-12-05 is a Saturday.
        let clock = Clock {
            started: shanghai("2026-12-05", "17:30"),
            target: Duration::hours(4),
            pauses: &[],
            deadline: None,
            stopped: None,
        };
        assert_eq!(
            instants(&calendar(), &clock, LADDER),
            vec![
                // 80 % of 4 h is 3 h 12: 30 min on Saturday, 2 h 42 on Monday.
                (EscalationStep::Warning, shanghai("2026-12-07", "11:12")),
                (EscalationStep::Breach, shanghai("2026-12-07", "12:00")),
                (EscalationStep::Senior, shanghai("2026-12-08", "12:00")),
            ]
        );
        let monday_noon = shanghai("2026-12-07", "12:00");
        let due: Vec<_> = steps_due(&calendar(), &clock, LADDER, monday_noon)
            .into_iter()
            .map(|(s, _)| s)
            .collect();
        assert_eq!(due, [EscalationStep::Warning, EscalationStep::Breach]);
    }

    #[test]
    fn a_stopped_clock_keeps_its_breach_but_warns_no_more() {
        let clock = Clock {
            started: shanghai("2026-12-05", "17:30"),
            target: Duration::hours(4),
            pauses: &[],
            deadline: None,
            stopped: Some(shanghai("2026-12-07", "14:00")),
        };
        let due: Vec<_> = steps_due(&calendar(), &clock, LADDER, shanghai("2026-12-09", "09:00"))
            .into_iter()
            .map(|(s, _)| s)
            .collect();
        assert_eq!(due, [EscalationStep::Breach]);
        // Answered in time: nothing at all.
        let in_time = Clock {
            stopped: Some(shanghai("2026-12-07", "10:00")),
            ..clock
        };
        assert!(
            steps_due(
                &calendar(),
                &in_time,
                LADDER,
                shanghai("2026-12-09", "09:00")
            )
            .is_empty()
        );
    }

    #[test]
    fn an_outside_deadline_comes_first_and_a_pause_holds_the_clock() {
        let deadline = shanghai("2026-12-07", "09:00");
        let clock = Clock {
            started: shanghai("2026-12-05", "17:30"),
            target: Duration::hours(4),
            pauses: &[],
            deadline: Some(deadline),
            stopped: None,
        };
        assert_eq!(due_at(&calendar(), &clock), Some(deadline));
        let open = [Pause {
            start: shanghai("2026-12-05", "17:45"),
            end: None,
        }];
        let paused = Clock {
            pauses: &open,
            deadline: None,
            ..clock
        };
        assert_eq!(due_at(&calendar(), &paused), None);
        assert!(instants(&calendar(), &paused, LADDER).is_empty());
    }
}
