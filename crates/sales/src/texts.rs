//! The words sales writes for people: its task subjects and its notifications, in zh-CN, zh-TW
//! and en (see [`forecourt_kernel::texts`]).

use forecourt_domain::text::Text;
use forecourt_kernel::texts::Words;

/// The subject of a pushed follow-up call.
pub fn follow_up_task(customer: &str, grade: &str) -> Text {
    Text::new("sales.follow_up_task")
        .with("customer", customer)
        .with("grade", grade)
}

/// The subject of a test drive on the consultant's calendar.
pub fn test_drive_activity(car: &str) -> Text {
    Text::new("sales.test_drive_activity").with("car", car)
}

pub static TEXTS: &[Words] = &[
    (
        "sales.follow_up_task",
        [
            "回访 {{customer}}（{{grade}}级）",
            "回訪 {{customer}}（{{grade}}級）",
            "Follow up {{customer}} (grade {{grade}})",
        ],
    ),
    (
        "sales.test_drive_activity",
        ["试驾 {{car}}", "試駕 {{car}}", "Test drive: {{car}}"],
    ),
    (
        "notice.lead.assigned.title",
        [
            "新线索：{{customer}}",
            "新線索：{{customer}}",
            "New lead: {{customer}}",
        ],
    ),
    (
        "notice.lead.assigned.body",
        [
            "线索「{{customer}}」（{{grade}}级）已分配给你。",
            "線索「{{customer}}」（{{grade}}級）已分配給你。",
            "The lead {{customer}} (grade {{grade}}) is now yours.",
        ],
    ),
    (
        "notice.lead.stagnant.title",
        [
            "线索停滞：{{customer}}",
            "線索停滯：{{customer}}",
            "Stagnant lead: {{customer}}",
        ],
    ),
    (
        "notice.lead.stagnant.body",
        [
            "线索「{{customer}}」已 {{days}} 天没有升级，已按店内规则处理。",
            "線索「{{customer}}」已 {{days}} 天沒有升級，已按店內規則處理。",
            "{{customer}} has had no grade upgrade for {{days}} days and was handled by the store's rule.",
        ],
    ),
    (
        "notice.lead.received.title",
        [
            "{{receiver}} 接待了你的客户 {{customer}}",
            "{{receiver}} 接待了你的客戶 {{customer}}",
            "{{receiver}} received your customer {{customer}}",
        ],
    ),
    (
        "notice.lead.received.body",
        [
            "客户「{{customer}}」于 {{at}} 到店，由 {{receiver}} 接待（该线索由 {{owner}} 跟进）。到店记录已记在线索上，线索仍归 {{owner}}。",
            "客戶「{{customer}}」於 {{at}} 到店，由 {{receiver}} 接待（該線索由 {{owner}} 跟進）。到店記錄已記在線索上，線索仍歸 {{owner}}。",
            "{{customer}} came to the showroom at {{at}} and was received by {{receiver}} (the lead is {{owner}}'s). The visit is recorded on the lead, which stays with {{owner}}.",
        ],
    ),
    (
        "notice.lead.enquired_again.title",
        [
            "再次咨询：{{customer}}",
            "再次諮詢：{{customer}}",
            "Enquired again: {{customer}}",
        ],
    ),
    (
        "notice.lead.enquired_again.body",
        [
            "客户「{{customer}}」再次咨询：{{message}}",
            "客戶「{{customer}}」再次諮詢：{{message}}",
            "{{customer}} enquired again: {{message}}",
        ],
    ),
    (
        "approval.withdrawn.customer_returned",
        [
            "客户再次到店，线索恢复跟进",
            "客戶再次到店，線索恢復跟進",
            "the customer came back, so the lead is worked again",
        ],
    ),
    (
        "approval.withdrawn.customer_merged",
        [
            "客户已与另一客户合并，其线索作为重复线索关闭",
            "客戶已與另一客戶合併，其線索作為重複線索關閉",
            "the customer was merged into another, so this lead was closed as a duplicate",
        ],
    ),
];
