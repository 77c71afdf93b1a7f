use super::seed_dealer;
use chrono::Utc;
use forecourt_db::db_test;
use forecourt_db::entities::user;
use forecourt_db::repo::users::{UserFilter, UserSort};
use forecourt_db::repo::{Reach, tenant};
use forecourt_db::{DealerScope, PageRequest};
use uuid::Uuid;

fn user_model(scope: &DealerScope, username: &str) -> user::Model {
    let now = Utc::now();
    user::Model {
        id: Uuid::now_v7(),
        dealer_id: scope.dealer_id().uuid(),
        username: username.into(),
        display_name: username.to_uppercase(),
        password_hash: "x".into(),
        role_key: "sales_consultant".into(),
        team_id: None,
        email: None,
        phone: None,
        locale: None,
        status: "active".into(),
        failed_login_count: 0,
        locked_until: None,
        last_login_at: None,
        password_changed_at: now,
        created_at: now,
        updated_at: now,
        version: 1,
    }
}

db_test!(async fn pages_walk_every_row_once_and_stay_in_their_dealer(test_db) {
    let db = &test_db.db;
    let a = seed_dealer(db, "A").await;
    let b = seed_dealer(db, "B").await;
    for i in 0..23 {
        let model = user_model(&a, &format!("user{i:02}"));
        tenant::insert::<user::Entity, _>(db.conn(), &a, model.dealer_id, model).await.unwrap();
    }
    let other = user_model(&b, "other");
    tenant::insert::<user::Entity, _>(db.conn(), &b, other.dealer_id, other).await.unwrap();

    let mut seen = Vec::new();
    let mut page = PageRequest::first(5);
    loop {
        let result = forecourt_db::repo::users::list(
            db.conn(), &a, Reach::Dealer, &UserFilter::default(), UserSort::Username, &page,
        )
        .await
        .unwrap()
        .unwrap();
        seen.extend(result.items.iter().map(|u| u.username.clone()));
        match result.next_cursor {
            Some(cursor) => page = PageRequest::new(Some(5), Some(cursor)),
            None => break,
        }
    }
    let expected: Vec<String> = (0..23).map(|i| format!("user{i:02}")).collect();
    assert_eq!(seen, expected);

    // A cursor of one ordering is refused by another.
    let first = forecourt_db::repo::users::list(
        db.conn(), &a, Reach::Dealer, &UserFilter::default(), UserSort::Username, &PageRequest::first(5),
    )
    .await
    .unwrap()
    .unwrap();
    let replay = PageRequest::new(Some(5), first.next_cursor);
    let wrong = forecourt_db::repo::users::list(
        db.conn(), &a, Reach::Dealer, &UserFilter::default(), UserSort::CreatedAt, &replay,
    )
    .await
    .unwrap();
    assert!(wrong.is_err());
});

db_test!(async fn stale_versions_and_foreign_rows_are_not_updated(test_db) {
    let db = &test_db.db;
    let a = seed_dealer(db, "A").await;
    let b = seed_dealer(db, "B").await;
    let model = user_model(&a, "zhangwei");
    let id = model.id;
    let stored = tenant::insert::<user::Entity, _>(db.conn(), &a, model.dealer_id, model).await.unwrap();

    let mut renamed = stored.clone();
    renamed.display_name = "张伟".into();
    let updated = tenant::update::<user::Entity, _>(db.conn(), &a, id, renamed.clone(), 1, Utc::now())
        .await
        .unwrap();
    assert_eq!(updated.version, 2);

    let stale = tenant::update::<user::Entity, _>(db.conn(), &a, id, renamed.clone(), 1, Utc::now()).await;
    assert!(matches!(stale, Err(forecourt_db::DbError::StaleVersion)));

    let foreign = tenant::update::<user::Entity, _>(db.conn(), &b, id, renamed, 2, Utc::now()).await;
    assert!(matches!(foreign, Err(forecourt_db::DbError::StaleVersion)));
    assert!(tenant::find::<user::Entity, _>(db.conn(), &b, id).await.unwrap().is_none());
    let still = tenant::find::<user::Entity, _>(db.conn(), &a, id).await.unwrap().unwrap();
    assert_eq!(still.display_name, "张伟");
    assert_eq!(still.version, 2);
});
