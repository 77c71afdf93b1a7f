//! Complaints (投诉): entry, the flow 录入 → 分配 → 处理 → 验证 → 关闭 with its SLA clocks,
//! reading them (list, one complaint with its steps, the SLA board) and the escalation scan.

pub mod access;
pub mod clocks;
pub mod enter;
pub mod escalate;
pub mod flow;
pub mod read;
pub mod views;

/// The longest summary of a complaint.
pub const SUMMARY_MAX: usize = 200;
/// The longest details, notes of a step or agreement.
pub const TEXT_MAX: usize = 2000;

/// The customer timeline kinds complaints write.
pub const TIMELINE_KINDS: &[&str] = &[
    "complaint.entered",
    "complaint.assigned",
    "complaint.responded",
    "complaint.action",
    "complaint.waiting",
    "complaint.resumed",
    "complaint.resolved",
    "complaint.closed",
    "complaint.rejected",
    "complaint.reopened",
];

use forecourt_domain::FieldError;

/// Checks free text that may run over several lines: trimmed, required unless `optional`, at
/// most `max` characters, no control characters but line breaks and tabs.
pub fn parse_text(
    field: &str,
    input: Option<&str>,
    max: usize,
    optional: bool,
) -> Result<Option<String>, FieldError> {
    let value = input.map(str::trim).unwrap_or("");
    if value.is_empty() {
        return if optional {
            Ok(None)
        } else {
            Err(FieldError::required(field))
        };
    }
    if value.chars().count() > max {
        return Err(FieldError::new(
            field,
            "too_long",
            format!("must be at most {max} characters"),
        )
        .with_param("max", max));
    }
    if value
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return Err(FieldError::new(
            field,
            "invalid_format",
            "must not contain control characters",
        ));
    }
    Ok(Some(value.replace("\r\n", "\n")))
}
