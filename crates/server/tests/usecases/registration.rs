//! What the modules register with the kernel is complete: every text has words in every
//! language, every column that points at a customer is moved by a merge, every timeline kind
//! the demo writes is declared, and every approval type is known once.

use forecourt_db::ConnectionTrait;
use forecourt_db::testing::TestDb;
use forecourt_demo::DemoExt as _;
use forecourt_kernel::module;
use std::collections::BTreeSet;

fn install() {
    module::install(forecourt_http::module::kernel_modules(
        forecourt_server::modules::MODULES,
    ));
}

#[test]
fn every_text_of_every_module_has_words_in_every_language() {
    install();
    assert!(module::installed().len() >= 5);
    assert_eq!(forecourt_kernel::texts::problems(), Vec::<String>::new());
    for key in ["sales.follow_up_task", "notice.activity.reminder.title"] {
        assert!(forecourt_kernel::texts::has(key), "{key}");
    }
}

#[test]
fn every_approval_type_is_registered_once() {
    install();
    let kinds: Vec<&str> = forecourt_kernel::approvals::approval_types()
        .map(|t| t.kind)
        .collect();
    let unique: BTreeSet<&str> = kinds.iter().copied().collect();
    assert_eq!(kinds.len(), unique.len(), "{kinds:?}");
    for kind in [
        "activity.cancel",
        "customer.reassign",
        "discount",
        "refund",
        "lead.lost",
    ] {
        assert!(unique.contains(kind), "{kind} in {kinds:?}");
    }
}

/// Every `customer_id` (or `…_customer_id`) column of the schema is one a merge moves.
#[tokio::test]
async fn every_column_that_points_at_a_customer_is_declared() {
    install();
    let test_db = TestDb::sqlite().await;
    let conn = test_db.db.conn();
    let rows = conn
        .query_all_raw(sea_orm::Statement::from_string(
            conn.get_database_backend(),
            "SELECT m.name AS t, p.name AS c FROM sqlite_master m \
             JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND (p.name = 'customer_id' OR p.name LIKE '%_customer_id')",
        ))
        .await
        .unwrap();
    let in_schema: BTreeSet<(String, String)> = rows
        .iter()
        .map(|r| (r.try_get("", "t").unwrap(), r.try_get("", "c").unwrap()))
        .collect();
    let declared: BTreeSet<(String, String)> = module::customer_references()
        .into_iter()
        .map(|(t, c)| (t.to_owned(), c.to_owned()))
        .collect();
    // The customer's own tables (phones, tags) are rewritten by the merge itself.
    let merged_by_hand: BTreeSet<(String, String)> = [
        ("customer_phones", "customer_id"),
        ("customer_tags", "customer_id"),
        ("search_terms", "customer_id"),
    ]
    .into_iter()
    .map(|(t, c)| (t.to_owned(), c.to_owned()))
    .collect();
    let missing: Vec<_> = in_schema
        .difference(&declared)
        .filter(|r| !merged_by_hand.contains(*r))
        .collect();
    assert!(missing.is_empty(), "not moved by a merge: {missing:?}");
    let unknown: Vec<_> = declared.difference(&in_schema).collect();
    assert!(
        unknown.is_empty(),
        "declared but not in the schema: {unknown:?}"
    );
}

// The demo's customers have timelines written by every module; each kind it wrote is one a
// module declares.
crate::http_test!(async fn every_timeline_kind_the_demo_writes_is_declared(t) {
    t.app.demo().load_demo_with(10, &|_| {}).await.unwrap();
    let conn = t.db.db.conn();
    let rows = conn
        .query_all_raw(sea_orm::Statement::from_string(
            conn.get_database_backend(),
            "SELECT DISTINCT kind FROM customer_events",
        ))
        .await
        .unwrap();
    let written: BTreeSet<String> = rows.iter().map(|r| r.try_get("", "kind").unwrap()).collect();
    assert!(written.len() >= 8, "{written:?}");
    let declared: BTreeSet<&str> = module::timeline_kinds().collect();
    let undeclared: Vec<&String> = written
        .iter()
        .filter(|k| !declared.contains(k.as_str()))
        .collect();
    assert!(undeclared.is_empty(), "undeclared timeline kinds: {undeclared:?}");
});
