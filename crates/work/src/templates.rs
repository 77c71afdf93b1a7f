//! The work module's built-in message texts: the reminder a customer gets before an
//! appointment, by email and SMS in each language. A dealer may reword them.

use forecourt_kernel::messaging::BuiltinTemplate;

/// (key, channel, locale, subject, body)
pub static TEMPLATES: &[BuiltinTemplate] = &[
    (
        "activity.reminder",
        "email",
        "zh-CN",
        Some("预约提醒：{{subject}}"),
        "{{customer_name}}您好：\n\n温馨提醒，您的预约「{{subject}}」将于 {{at}} 开始。如需改期请联系我们。\n",
    ),
    (
        "activity.reminder",
        "email",
        "zh-TW",
        Some("預約提醒：{{subject}}"),
        "{{customer_name}}您好：\n\n溫馨提醒，您的預約「{{subject}}」將於 {{at}} 開始。如需改期請聯繫我們。\n",
    ),
    (
        "activity.reminder",
        "email",
        "en",
        Some("Reminder: {{subject}}"),
        "Dear {{customer_name}},\n\nA reminder that \"{{subject}}\" starts at {{at}}. Please contact us to change it.\n",
    ),
    (
        "activity.reminder",
        "sms",
        "zh-CN",
        None,
        "{{customer_name}}您好，您的预约「{{subject}}」将于{{at}}开始。",
    ),
    (
        "activity.reminder",
        "sms",
        "zh-TW",
        None,
        "{{customer_name}}您好，您的預約「{{subject}}」將於{{at}}開始。",
    ),
    (
        "activity.reminder",
        "sms",
        "en",
        None,
        "{{customer_name}}: \"{{subject}}\" starts at {{at}}.",
    ),
    (
        "activity.reminder",
        "wechat",
        "zh-CN",
        None,
        "{{customer_name}}您好，您的预约「{{subject}}」将于{{at}}开始。",
    ),
    (
        "activity.reminder",
        "wechat",
        "zh-TW",
        None,
        "{{customer_name}}您好，您的預約「{{subject}}」將於{{at}}開始。",
    ),
    (
        "activity.reminder",
        "wechat",
        "en",
        None,
        "{{customer_name}}: \"{{subject}}\" starts at {{at}}.",
    ),
];
