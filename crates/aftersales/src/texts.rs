//! The words after-sales writes for people: task subjects and notices in zh-CN, zh-TW and en
//! (see [`forecourt_kernel::texts`]), and its built-in messages to customers.

use chrono::NaiveDate;
use forecourt_domain::text::Text;
use forecourt_kernel::messaging::BuiltinTemplate;
use forecourt_kernel::texts::Words;

/// The advisor's call task for a car coming due.
pub fn service_due_task(customer: &str, car: &str, due_on: &str) -> Text {
    Text::new("service.due_task")
        .with("customer", customer)
        .with("car", car)
        .with("due_on", due_on)
}

/// The subject of a renewal agent's call task.
pub fn renewal_call_task(customer: &str, car: &str, due_on: NaiveDate) -> Text {
    Text::new("aftersales.renewal_call_task")
        .with("customer", customer)
        .with("car", car)
        .with("due_on", due_on.to_string())
}

/// The name of the plan every dealer starts with.
pub const DEFAULT_PLAN: &str = "service.default_plan";

pub static TEXTS: &[Words] = &[
    (DEFAULT_PLAN, ["标准保养", "標準保養", "Standard service"]),
    (
        "service.due_task",
        [
            "保养提醒：致电{{customer}}（{{car}}），{{due_on}}到期",
            "保養提醒：致電{{customer}}（{{car}}），{{due_on}}到期",
            "Service due: call {{customer}} ({{car}}), due {{due_on}}",
        ],
    ),
    (
        "aftersales.renewal_call_task",
        [
            "续保回访 {{customer}}（{{car}}，保单 {{due_on}} 到期）",
            "續保回訪 {{customer}}（{{car}}，保單 {{due_on}} 到期）",
            "Renewal call: {{customer}} ({{car}}, policy ends {{due_on}})",
        ],
    ),
];

/// (key, channel, locale, subject, body)
pub static TEMPLATES: &[BuiltinTemplate] = &[
    (
        "service.due",
        "sms",
        "zh-CN",
        None,
        "{{customer_name}}您好，您的爱车{{car}}预计于{{due_on}}需要保养，欢迎回店预约。",
    ),
    (
        "service.due",
        "sms",
        "zh-TW",
        None,
        "{{customer_name}}您好，您的愛車{{car}}預計於{{due_on}}需要保養，歡迎回店預約。",
    ),
    (
        "service.due",
        "sms",
        "en",
        None,
        "{{customer_name}}: your car {{car}} is due for service around {{due_on}}. Book with us any time.",
    ),
    (
        "service.appointment_reminder",
        "sms",
        "zh-CN",
        None,
        "{{customer_name}}您好，提醒您明天（{{on_date}}）携爱车{{car}}到店保养维修：{{job}}。",
    ),
    (
        "service.appointment_reminder",
        "sms",
        "zh-TW",
        None,
        "{{customer_name}}您好，提醒您明天（{{on_date}}）攜愛車{{car}}到店保養維修：{{job}}。",
    ),
    (
        "service.appointment_reminder",
        "sms",
        "en",
        None,
        "{{customer_name}}: a reminder of your service appointment tomorrow ({{on_date}}) for {{car}}: {{job}}.",
    ),
];
