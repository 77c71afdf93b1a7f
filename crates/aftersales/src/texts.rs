//! The words after-sales writes for people: task subjects, notices and messages, in zh-CN,
//! zh-TW and en (see [`forecourt_kernel::texts`]).

use chrono::NaiveDate;
use forecourt_domain::text::Text;
use forecourt_kernel::texts::Words;

/// The subject of a renewal agent's call task.
pub fn renewal_call_task(customer: &str, car: &str, due_on: NaiveDate) -> Text {
    Text::new("aftersales.renewal_call_task")
        .with("customer", customer)
        .with("car", car)
        .with("due_on", due_on.to_string())
}

pub static TEXTS: &[Words] = &[(
    "aftersales.renewal_call_task",
    [
        "续保回访 {{customer}}（{{car}}，保单 {{due_on}} 到期）",
        "續保回訪 {{customer}}（{{car}}，保單 {{due_on}} 到期）",
        "Renewal call: {{customer}} ({{car}}, policy ends {{due_on}})",
    ],
)];
