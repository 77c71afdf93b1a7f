//! The work engine's vocabulary: activity kinds and states, approval and job states, message
//! channels, and the pure rules over them (overdue, retry backoff).

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $key:literal,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $key,)* }
            }

            /// The value stored as `as_str`; `None` for anything else.
            pub fn parse(s: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.as_str() == s)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

string_enum! {
    /// What an activity is.
    ActivityKind {
        Call => "call",
        Visit => "visit",
        Meeting => "meeting",
        TestDrive => "test_drive",
        Appointment => "appointment",
        Task => "task",
        Note => "note",
    }
}

impl ActivityKind {
    /// Kinds that take a time slot (start and end) rather than a due time.
    pub fn is_timed(self) -> bool {
        matches!(
            self,
            ActivityKind::Visit
                | ActivityKind::Meeting
                | ActivityKind::TestDrive
                | ActivityKind::Appointment
        )
    }
}

string_enum! {
    /// The stored state of an activity. "Overdue" is derived: planned, and its due time (or
    /// end) has passed.
    ActivityStatus {
        Planned => "planned",
        Done => "done",
        Cancelled => "cancelled",
    }
}

/// Whether a planned activity due (or ending) at `deadline` is overdue at `now`.
pub fn is_overdue(
    status: ActivityStatus,
    deadline: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> bool {
    status == ActivityStatus::Planned && deadline.is_some_and(|d| d < now)
}

string_enum! {
    ApprovalStatus {
        Pending => "pending",
        Approved => "approved",
        Rejected => "rejected",
        Withdrawn => "withdrawn",
    }
}

string_enum! {
    /// Where a background job is in its life.
    JobStatus {
        Queued => "queued",
        Running => "running",
        Done => "done",
        /// Failed, waiting for its next attempt (it is queued again with a later `run_at`).
        Failed => "failed",
        /// Failed on its last attempt; kept with its error until an admin retries it.
        Dead => "dead",
        Cancelled => "cancelled",
    }
}

/// How long to wait before attempt `attempt + 1` after `attempt` failed (1-based):
/// 30 s, 1 min, 2 min, 4 min ... capped at 6 hours.
pub fn retry_backoff(attempt: i32) -> Duration {
    let exponent = attempt.clamp(1, 20) - 1;
    let seconds = 30_i64.saturating_mul(1_i64 << exponent);
    Duration::seconds(seconds.min(6 * 3600))
}

string_enum! {
    /// The channels outbound messages leave by.
    MessageChannel {
        Email => "email",
        Sms => "sms",
        Wechat => "wechat",
    }
}

string_enum! {
    MessageStatus {
        Queued => "queued",
        /// Handed to the provider; its acceptance is recorded before the message is marked sent.
        Sending => "sending",
        Sent => "sent",
        /// The last attempt failed; another follows.
        Failed => "failed",
        /// Every attempt failed.
        Dead => "dead",
        /// Not sent: the customer has not consented to this channel (or withdrew consent).
        Suppressed => "suppressed",
    }
}

/// Fills `{{name}}` placeholders from `vars`; unknown names become empty. Whitespace inside the
/// braces is ignored (`{{ name }}`).
pub fn render_template(
    template: &str,
    vars: &serde_json::Map<String, serde_json::Value>,
) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        match after.find("}}") {
            Some(end) => {
                let name = after[..end].trim();
                match vars.get(name) {
                    Some(serde_json::Value::String(s)) => out.push_str(s),
                    Some(serde_json::Value::Null) | None => {}
                    Some(other) => out.push_str(&other.to_string()),
                }
                rest = &after[end + 2..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use serde_json::json;

    #[test]
    fn overdue_is_planned_and_past_its_deadline() {
        let now = Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0).unwrap();
        let past = Some(now - Duration::minutes(1));
        assert!(is_overdue(ActivityStatus::Planned, past, now));
        assert!(!is_overdue(ActivityStatus::Done, past, now));
        assert!(!is_overdue(ActivityStatus::Planned, Some(now), now));
        assert!(!is_overdue(ActivityStatus::Planned, None, now));
    }

    #[test]
    fn backoff_doubles_and_caps() {
        assert_eq!(retry_backoff(1), Duration::seconds(30));
        assert_eq!(retry_backoff(2), Duration::seconds(60));
        assert_eq!(retry_backoff(4), Duration::seconds(240));
        assert_eq!(retry_backoff(40), Duration::hours(6));
    }

    #[test]
    fn templates_fill_variables() {
        let vars = json!({"name": "张伟", "n": 3}).as_object().unwrap().clone();
        assert_eq!(
            render_template("{{name}}您好，{{ n }}点见，{{missing}}。{{open", &vars),
            "张伟您好，3点见，。{{open"
        );
    }

    #[test]
    fn enums_round_trip() {
        for k in ActivityKind::ALL {
            assert_eq!(ActivityKind::parse(k.as_str()), Some(*k));
        }
        assert_eq!(JobStatus::parse("dead"), Some(JobStatus::Dead));
        assert_eq!(MessageChannel::parse("fax"), None);
    }
}
