//! The words after-sales writes for people: task subjects and notices in zh-CN, zh-TW and en
//! (see [`forecourt_kernel::texts`]), and its built-in messages to customers.

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

pub static TEXTS: &[Words] = &[(
    "service.due_task",
    [
        "保养提醒：致电{{customer}}（{{car}}），{{due_on}}到期",
        "保養提醒：致電{{customer}}（{{car}}），{{due_on}}到期",
        "Service due: call {{customer}} ({{car}}), due {{due_on}}",
    ],
)];

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
