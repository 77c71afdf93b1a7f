//! The owned-brand filter of customer lists is planned three ways by how common the brand is
//! (`COMMON_BRAND_OWNERS`); each must give exactly the owners, in order, page after page.

use super::seed_dealer;
use chrono::Utc;
use forecourt_db::entities::{customer, vehicle};
use forecourt_db::repo::customers::{self, COMMON_BRAND_OWNERS, CustomerFilter, CustomerSort};
use forecourt_db::repo::{Reach, batched_insert};
use forecourt_db::{DealerScope, PageRequest, db_test};
use uuid::Uuid;

fn customer_row(scope: &DealerScope, i: usize) -> customer::Model {
    let now = Utc::now();
    customer::Model {
        id: Uuid::now_v7(),
        dealer_id: scope.dealer_id().uuid(),
        kind: "person".into(),
        name: format!("客户{i:06}"),
        gender: None,
        birthday: None,
        wechat_id: None,
        email: None,
        province: None,
        city: None,
        district: None,
        street: None,
        id_number_cipher: None,
        id_number_hash: None,
        id_number_last4: None,
        occupation: None,
        notes: None,
        source_key: None,
        owner_id: None,
        consent_sms: None,
        consent_phone: None,
        consent_email: None,
        consent_wechat: None,
        status: "active".into(),
        merged_into_id: None,
        created_by: None,
        created_at: now,
        updated_at: now,
        version: 1,
    }
}

fn car(scope: &DealerScope, owner: Uuid, brand: &str) -> vehicle::Model {
    let now = Utc::now();
    vehicle::Model {
        id: Uuid::now_v7(),
        dealer_id: scope.dealer_id().uuid(),
        vin: None,
        vin_check_ok: true,
        plate: None,
        catalog_model_id: None,
        brand: Some(brand.into()),
        series: None,
        model: None,
        colour: None,
        model_year: None,
        purchase_date: None,
        bought_here: false,
        owner_customer_id: Some(owner),
        mileage_km: None,
        mileage_on: None,
        notes: None,
        created_at: now,
        updated_at: now,
        version: 1,
    }
}

/// Every page of the list filtered by `brand`, sorted by name: the customers' names in order.
async fn all_pages(db: &forecourt_db::Db, scope: &DealerScope, brand: &str) -> Vec<String> {
    let filter = CustomerFilter {
        brand: Some(brand.into()),
        ..CustomerFilter::default()
    };
    let mut names = Vec::new();
    let mut after = None;
    loop {
        let page = customers::list(
            db.conn(),
            scope,
            Reach::Dealer,
            &filter,
            CustomerSort::Name,
            &PageRequest::new(Some(200), after),
        )
        .await
        .unwrap()
        .unwrap();
        names.extend(page.items.into_iter().map(|c| c.name));
        match page.next_cursor {
            Some(cursor) => after = Some(cursor),
            None => return names,
        }
    }
}

db_test!(async fn common_rare_and_unowned_brands_list_exactly_their_owners(test_db) {
    let db = &test_db.db;
    let scope = seed_dealer(db, "BR").await;
    let other = seed_dealer(db, "BR2").await;
    // Every 50th customer owns a 保时捷 (rare), the others a 大众 (common: past the threshold).
    let total = COMMON_BRAND_OWNERS as usize + 1_000;
    let people: Vec<customer::Model> = (0..total).map(|i| customer_row(&scope, i)).collect();
    let cars: Vec<vehicle::Model> = people
        .iter()
        .enumerate()
        .map(|(i, c)| car(&scope, c.id, if i % 50 == 0 { "保时捷" } else { "大众" }))
        .collect();
    let mut expected_common: Vec<String> = Vec::new();
    let mut expected_rare: Vec<String> = Vec::new();
    for (i, c) in people.iter().enumerate() {
        if i % 50 == 0 {
            expected_rare.push(c.name.clone());
        } else {
            expected_common.push(c.name.clone());
        }
    }
    assert!(expected_common.len() as u64 >= COMMON_BRAND_OWNERS);
    batched_insert::<customer::Entity, _>(db.conn(), &scope, people).await.unwrap();
    batched_insert::<vehicle::Entity, _>(db.conn(), &scope, cars).await.unwrap();
    // Another dealer's 保时捷 owner is never listed.
    let stranger = customer_row(&other, 0);
    let stranger_car = car(&other, stranger.id, "保时捷");
    batched_insert::<customer::Entity, _>(db.conn(), &other, vec![stranger]).await.unwrap();
    batched_insert::<vehicle::Entity, _>(db.conn(), &other, vec![stranger_car]).await.unwrap();
    // As after an import (or once autovacuum has run): PostgreSQL's planner knows the sizes.
    db.refresh_statistics(&["customers", "vehicles"]).await.unwrap();

    assert_eq!(all_pages(db, &scope, "大众").await, expected_common, "common: EXISTS per row");
    assert_eq!(all_pages(db, &scope, "保时捷").await, expected_rare, "rare: IN the owners");
    assert!(all_pages(db, &scope, "特斯拉").await.is_empty(), "nobody owns one");

    let count = |brand: &'static str| {
        let scope = &scope;
        async move {
            let filter = CustomerFilter { brand: Some(brand.into()), ..CustomerFilter::default() };
            customers::count_capped(db.conn(), scope, Reach::Dealer, &filter, 1_000).await.unwrap()
        }
    };
    assert_eq!(count("大众").await, 1_001, "capped");
    assert_eq!(count("保时捷").await, expected_rare.len() as u64);
    assert_eq!(count("特斯拉").await, 0);
});

db_test!(async fn a_bulk_insert_refuses_a_row_of_another_dealer(test_db) {
    let db = &test_db.db;
    let scope = seed_dealer(db, "BI").await;
    let other = seed_dealer(db, "BI2").await;
    let rows = vec![customer_row(&scope, 1), customer_row(&other, 2)];
    let refused = batched_insert::<customer::Entity, _>(db.conn(), &scope, rows).await;
    assert!(refused.is_err(), "a row of another dealer went in");
    // Nothing was written, not even the row of the scope's own dealer.
    assert_eq!(customers::count_rows(db.conn(), &scope).await.unwrap(), 0);
    assert_eq!(customers::count_rows(db.conn(), &other).await.unwrap(), 0);
    batched_insert::<customer::Entity, _>(db.conn(), &scope, vec![customer_row(&scope, 3)])
        .await
        .unwrap();
    assert_eq!(customers::count_rows(db.conn(), &scope).await.unwrap(), 1);
});
