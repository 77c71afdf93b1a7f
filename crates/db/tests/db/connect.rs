use forecourt_db::db_test;
use forecourt_db::{Backend, ConnectionTrait};
use sea_orm::{DbBackend, Statement};

db_test!(async fn migrations_apply_and_are_idempotent(test_db) {
    let db = &test_db.db;
    assert_eq!(db.migrate().await.unwrap(), 0, "a second run finds nothing pending");
    db.ping().await.unwrap();
});

#[tokio::test]
async fn sqlite_is_durable_and_checks_foreign_keys() {
    let test_db = forecourt_db::testing::TestDb::sqlite().await;
    let db = &test_db.db;
    assert_eq!(db.backend(), Backend::Sqlite);
    let pragma = |name: &str| {
        let sql = format!("PRAGMA {name}");
        async move {
            let row = db
                .conn()
                .query_one_raw(Statement::from_string(DbBackend::Sqlite, sql))
                .await
                .unwrap()
                .unwrap();
            row.try_get_by_index::<String>(0)
                .or_else(|_| row.try_get_by_index::<i64>(0).map(|v| v.to_string()))
                .unwrap()
        }
    };
    assert_eq!(pragma("journal_mode").await, "wal");
    assert_eq!(pragma("synchronous").await, "2", "synchronous=FULL");
    assert_eq!(pragma("foreign_keys").await, "1");
    assert_eq!(pragma("busy_timeout").await, "30000");
}
