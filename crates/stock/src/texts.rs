//! The words stock writes for people: its notifications, in zh-CN, zh-TW and en (see
//! [`forecourt_kernel::texts`]).

use forecourt_kernel::texts::Words;

pub static TEXTS: &[Words] = &[
    (
        "notice.stock.aged.title",
        [
            "库龄预警：{{vin}}",
            "庫齡預警：{{vin}}",
            "Aged stock: {{vin}}",
        ],
    ),
    (
        "notice.stock.aged.body",
        [
            "{{model}}（{{vin}}）已在库 {{days}} 天，超过 {{threshold}} 天。",
            "{{model}}（{{vin}}）已在庫 {{days}} 天，超過 {{threshold}} 天。",
            "{{model}} ({{vin}}) has been in stock {{days}} days, past {{threshold}}.",
        ],
    ),
    (
        "notice.stock.low.title",
        [
            "库存不足：{{model}}",
            "庫存不足：{{model}}",
            "Low stock: {{model}}",
        ],
    ),
    (
        "notice.stock.low.body",
        [
            "{{model}} 在库及在途共 {{count}} 台，低于最低库存 {{minimum}} 台。",
            "{{model}} 在庫及在途共 {{count}} 台，低於最低庫存 {{minimum}} 台。",
            "{{model}}: {{count}} in stock or in transit, below the minimum of {{minimum}}.",
        ],
    ),
];
