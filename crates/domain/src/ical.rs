//! A minimal RFC 5545 (iCalendar) writer for calendar feeds: VCALENDAR with VEVENTs, text
//! escaped, times in UTC, lines folded at 75 octets (never inside a UTF-8 character).

use chrono::{DateTime, Utc};

/// One event of a feed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// Globally unique and stable across feed refreshes (`<activity id>@forecourt`).
    pub uid: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub summary: String,
    pub description: Option<String>,
    pub cancelled: bool,
}

/// Escapes a TEXT value (RFC 5545 §3.3.11).
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line: at most 75 octets per physical line, continuation lines start with a
/// space, each ends with CRLF.
pub fn fold_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
    out
}

fn utc(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

/// The whole calendar.
pub fn calendar(name: &str, stamp: DateTime<Utc>, events: &[Event]) -> String {
    let mut out = String::new();
    let mut line = |s: String| out.push_str(&fold_line(&s));
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line("PRODID:-//Forecourt//Forecourt CRM//EN".into());
    line("CALSCALE:GREGORIAN".into());
    line("METHOD:PUBLISH".into());
    line(format!("X-WR-CALNAME:{}", escape_text(name)));
    for event in events {
        line("BEGIN:VEVENT".into());
        line(format!("UID:{}", escape_text(&event.uid)));
        line(format!("DTSTAMP:{}", utc(stamp)));
        line(format!("DTSTART:{}", utc(event.start)));
        line(format!("DTEND:{}", utc(event.end.max(event.start))));
        line(format!("SUMMARY:{}", escape_text(&event.summary)));
        if let Some(description) = &event.description {
            line(format!("DESCRIPTION:{}", escape_text(description)));
        }
        line(format!(
            "STATUS:{}",
            if event.cancelled {
                "CANCELLED"
            } else {
                "CONFIRMED"
            }
        ));
        line("END:VEVENT".into());
    }
    line("END:VCALENDAR".into());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn escapes_and_folds() {
        assert_eq!(escape_text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        let long = format!("SUMMARY:{}", "试驾".repeat(30));
        let folded = fold_line(&long);
        for physical in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= 75, "{} octets", physical.len());
        }
        let unfolded = folded.replace("\r\n ", "");
        assert_eq!(unfolded.trim_end(), long);
    }

    #[test]
    fn a_calendar_with_one_event() {
        let at = Utc.with_ymd_and_hms(2026, 3, 1, 6, 0, 0).unwrap();
        let text = calendar(
            "张伟的日程",
            at,
            &[Event {
                uid: "1@forecourt".into(),
                start: at,
                end: at + chrono::Duration::hours(1),
                summary: "试驾, 途观L".into(),
                description: None,
                cancelled: false,
            }],
        );
        assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(text.contains("DTSTART:20260301T060000Z\r\n"));
        assert!(text.contains("SUMMARY:试驾\\, 途观L\r\n"));
        assert!(text.ends_with("END:VCALENDAR\r\n"));
    }
}
