//! A complaint's two SLA clocks as the domain counts them (see
//! [`forecourt_domain::care::escalation`]): first response from entry to the first answer,
//! resolution from entry (or the last reopening) to the complaint being handled — both in the
//! dealer's working time, without the time spent waiting for the customer; resolution no later
//! than the OEM's deadline of a forwarded complaint (before any reopening).

use crate::rules::CareRules;
use chrono::{DateTime, Duration, Utc};
use forecourt_db::entities::{complaint, complaint_pause};
use forecourt_domain::care::complaint::SlaClock;
use forecourt_domain::care::escalation::{Clock, due_at};
use forecourt_domain::care::sla::Pause;

/// The pauses of one complaint.
pub fn pauses_of(rows: &[complaint_pause::Model], complaint_id: uuid::Uuid) -> Vec<Pause> {
    rows.iter()
        .filter(|p| p.complaint_id == complaint_id)
        .map(|p| Pause {
            start: p.started_at,
            end: p.ended_at,
        })
        .collect()
}

/// One clock of the complaint.
pub fn clock<'a>(c: &complaint::Model, which: SlaClock, pauses: &'a [Pause]) -> Clock<'a> {
    match which {
        SlaClock::FirstResponse => Clock {
            started: c.entered_at,
            target: Duration::minutes(i64::from(c.first_response_minutes)),
            pauses,
            deadline: None,
            stopped: c.first_responded_at,
        },
        SlaClock::Resolution => Clock {
            started: c.resolution_started_at,
            target: Duration::minutes(i64::from(c.resolution_minutes)),
            pauses,
            deadline: if c.cycle == 0 {
                c.oem_deadline_at
            } else {
                None
            },
            stopped: c.resolved_at,
        },
    }
}

/// Sets the due instants and breach flags of `c` as of `now` (a clock stopped late, or still
/// running past its due instant, is breached — and stays so).
pub fn refresh(rules: &CareRules, c: &mut complaint::Model, pauses: &[Pause], now: DateTime<Utc>) {
    let first = clock(c, SlaClock::FirstResponse, pauses);
    let first_due = due_at(&rules.calendar, &first);
    let first_late = first_due.is_some_and(|due| first.stopped.unwrap_or(now) > due);
    let resolution = clock(c, SlaClock::Resolution, pauses);
    let resolution_due = due_at(&rules.calendar, &resolution);
    let resolution_late = resolution_due.is_some_and(|due| resolution.stopped.unwrap_or(now) > due);
    c.first_response_due_at = first_due;
    c.resolution_due_at = resolution_due;
    c.first_response_breached |= first_late;
    c.resolution_breached |= resolution_late;
}
