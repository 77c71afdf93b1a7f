mod brand_filter;
mod connect;
mod keyset;

use chrono::Utc;
use forecourt_db::DealerScope;
use forecourt_db::entities::dealer;
use forecourt_db::repo::org;
use forecourt_domain::ids::DealerId;
use uuid::Uuid;

/// A dealer with the given code, and the scope of its users.
pub(crate) async fn seed_dealer(db: &forecourt_db::Db, code: &str) -> DealerScope {
    let now = Utc::now();
    let id = Uuid::now_v7();
    org::insert_dealer(
        db.conn(),
        dealer::Model {
            id,
            group_id: None,
            code: code.into(),
            name: code.into(),
            time_zone: "Asia/Shanghai".into(),
            locale: "zh-CN".into(),
            created_at: now,
            updated_at: now,
            version: 1,
        },
    )
    .await
    .unwrap();
    DealerScope::issued_by_auth(DealerId::from_uuid(id))
}
