//! The words customer care writes for people: its notices in zh-CN, zh-TW and en (see
//! [`forecourt_kernel::texts`]).

use forecourt_kernel::texts::Words;

pub static TEXTS: &[Words] = &[
    (
        "notice.complaint.entered.title",
        [
            "新投诉待分配：{{number}}",
            "新投訴待分配：{{number}}",
            "New complaint to assign: {{number}}",
        ],
    ),
    (
        "notice.complaint.entered.body",
        ["{{summary}}", "{{summary}}", "{{summary}}"],
    ),
    (
        "notice.complaint.assigned.title",
        [
            "投诉已分配给您：{{number}}",
            "投訴已分配給您：{{number}}",
            "Complaint assigned to you: {{number}}",
        ],
    ),
    (
        "notice.complaint.assigned.body",
        ["{{summary}}", "{{summary}}", "{{summary}}"],
    ),
    (
        "notice.complaint.rejected.title",
        [
            "回访未通过，请继续处理：{{number}}",
            "回訪未通過，請繼續處理：{{number}}",
            "Call-back not satisfied, keep handling: {{number}}",
        ],
    ),
    (
        "notice.complaint.rejected.body",
        ["{{summary}}", "{{summary}}", "{{summary}}"],
    ),
    (
        "notice.complaint.reopened.title",
        [
            "投诉已重新打开：{{number}}",
            "投訴已重新打開：{{number}}",
            "Complaint reopened: {{number}}",
        ],
    ),
    (
        "notice.complaint.reopened.body",
        ["{{summary}}", "{{summary}}", "{{summary}}"],
    ),
    (
        "notice.complaint.first_response_warning.title",
        [
            "投诉即将超时未响应：{{number}}",
            "投訴即將逾時未回應：{{number}}",
            "Complaint about to miss its first response: {{number}}",
        ],
    ),
    (
        "notice.complaint.first_response_warning.body",
        ["{{summary}}", "{{summary}}", "{{summary}}"],
    ),
    (
        "notice.complaint.first_response_breached.title",
        [
            "投诉响应已超时：{{number}}",
            "投訴回應已逾時：{{number}}",
            "Complaint missed its first response: {{number}}",
        ],
    ),
    (
        "notice.complaint.first_response_breached.body",
        ["{{summary}}", "{{summary}}", "{{summary}}"],
    ),
    (
        "notice.complaint.first_response_senior.title",
        [
            "投诉超时24小时仍未响应：{{number}}",
            "投訴逾時24小時仍未回應：{{number}}",
            "Complaint still unanswered long after its deadline: {{number}}",
        ],
    ),
    (
        "notice.complaint.first_response_senior.body",
        ["{{summary}}", "{{summary}}", "{{summary}}"],
    ),
    (
        "notice.complaint.resolution_warning.title",
        [
            "投诉即将超时未解决：{{number}}",
            "投訴即將逾時未解決：{{number}}",
            "Complaint about to miss its resolution: {{number}}",
        ],
    ),
    (
        "notice.complaint.resolution_warning.body",
        ["{{summary}}", "{{summary}}", "{{summary}}"],
    ),
    (
        "notice.complaint.resolution_breached.title",
        [
            "投诉解决已超时：{{number}}",
            "投訴解決已逾時：{{number}}",
            "Complaint missed its resolution: {{number}}",
        ],
    ),
    (
        "notice.complaint.resolution_breached.body",
        ["{{summary}}", "{{summary}}", "{{summary}}"],
    ),
    (
        "notice.complaint.resolution_senior.title",
        [
            "投诉超时24小时仍未解决：{{number}}",
            "投訴逾時24小時仍未解決：{{number}}",
            "Complaint still unresolved long after its deadline: {{number}}",
        ],
    ),
    (
        "notice.complaint.resolution_senior.body",
        ["{{summary}}", "{{summary}}", "{{summary}}"],
    ),
];
