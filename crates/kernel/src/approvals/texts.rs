//! The words of the approvals' notifications (see [`crate::texts`]).

use crate::texts::Words;

pub static TEXTS: &[Words] = &[
    (
        "notice.approval.requested.title",
        [
            "待审批：{{title}}",
            "待審批：{{title}}",
            "Approval needed: {{title}}",
        ],
    ),
    (
        "notice.approval.requested.body",
        [
            "{{requester}} 提交了审批申请「{{title}}」。",
            "{{requester}} 提交了審批申請「{{title}}」。",
            "{{requester}} asks for approval: \"{{title}}\".",
        ],
    ),
    (
        "notice.approval.approved.title",
        [
            "已批准：{{title}}",
            "已批准：{{title}}",
            "Approved: {{title}}",
        ],
    ),
    (
        "notice.approval.approved.body",
        [
            "{{decider}} 批准了「{{title}}」。{{comment}}",
            "{{decider}} 批准了「{{title}}」。{{comment}}",
            "{{decider}} approved \"{{title}}\". {{comment}}",
        ],
    ),
    (
        "notice.approval.rejected.title",
        [
            "已驳回：{{title}}",
            "已駁回：{{title}}",
            "Rejected: {{title}}",
        ],
    ),
    (
        "notice.approval.rejected.body",
        [
            "{{decider}} 驳回了「{{title}}」：{{comment}}",
            "{{decider}} 駁回了「{{title}}」：{{comment}}",
            "{{decider}} rejected \"{{title}}\": {{comment}}",
        ],
    ),
    (
        "notice.approval.withdrawn.title",
        [
            "已撤回：{{title}}",
            "已撤回：{{title}}",
            "Withdrawn: {{title}}",
        ],
    ),
    (
        "notice.approval.withdrawn.body",
        [
            "审批申请「{{title}}」已撤回：{{reason}}",
            "審批申請「{{title}}」已撤回：{{reason}}",
            "The request \"{{title}}\" was withdrawn: {{reason}}",
        ],
    ),
];
