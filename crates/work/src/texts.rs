//! The words of the work module's notifications: a task's reminder, its overdue alarm and the
//! escalation to the owner's manager (see [`forecourt_kernel::texts`]).

use forecourt_kernel::texts::Words;

pub static TEXTS: &[Words] = &[
    (
        "notice.activity.reminder.title",
        [
            "提醒：{{subject}}",
            "提醒：{{subject}}",
            "Reminder: {{subject}}",
        ],
    ),
    (
        "notice.activity.reminder.body",
        [
            "{{subject}} 将于 {{at}} 开始。",
            "{{subject}} 將於 {{at}} 開始。",
            "{{subject}} starts at {{at}}.",
        ],
    ),
    (
        "notice.activity.overdue.title",
        [
            "已逾期：{{subject}}",
            "已逾期：{{subject}}",
            "Overdue: {{subject}}",
        ],
    ),
    (
        "notice.activity.overdue.body",
        [
            "任务「{{subject}}」已于 {{at}} 到期，尚未完成。",
            "任務「{{subject}}」已於 {{at}} 到期，尚未完成。",
            "\"{{subject}}\" was due at {{at}} and is not done.",
        ],
    ),
    (
        "notice.activity.escalated.title",
        [
            "逾期升级：{{owner}} 的 {{subject}}",
            "逾期升級：{{owner}} 的 {{subject}}",
            "Escalated: {{owner}}'s {{subject}}",
        ],
    ),
    (
        "notice.activity.escalated.body",
        [
            "{{owner}} 的任务「{{subject}}」已于 {{at}} 到期，仍未完成。",
            "{{owner}} 的任務「{{subject}}」已於 {{at}} 到期，仍未完成。",
            "{{owner}}'s \"{{subject}}\" was due at {{at}} and is still not done.",
        ],
    ),
];
