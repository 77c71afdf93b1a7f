//! Contract numbers under concurrency: eight orders signed at once get eight consecutive
//! numbers; eight orders of one quote at once make one order and seven clean conflicts.

use super::*;
use forecourt_domain::role::BuiltinRole::*;
use futures_util::future::join_all;

crate::http_test!(async fn eight_concurrent_orders_get_eight_consecutive_contract_numbers(t) {
    let w = crate::http::support::world(&t).await;
    let consultant = session(&t, &w, SalesConsultant).await;
    let actor = actor(&t, &w.a.username(SalesConsultant)).await;
    let mut deals = Vec::new();
    for n in 0..8 {
        let (lead, customer) = walk_in(&t, &consultant, &format!("并发{n}"), &format!("1370001{n:04}")).await;
        deals.push(deal(Uuid::now_v7(), lead, customer, &actor));
    }
    let results = join_all(deals.into_iter().map(|d| sign(&t, &actor, d))).await;
    assert!(results.iter().all(Result::is_ok), "{results:?}");
    let list = t.get("/api/v1/orders?limit=20", Auth::Session(&consultant)).await;
    let mut numbers: Vec<String> = list.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["contract_no"].as_str().unwrap().to_owned())
        .collect();
    numbers.sort();
    let expected: Vec<String> = (1..=8).map(|n| format!("HT2026{n:06}")).collect();
    assert_eq!(numbers, expected);
});

crate::http_test!(async fn eight_identical_orders_of_one_quote_make_one(t) {
    let w = crate::http::support::world(&t).await;
    let consultant = session(&t, &w, SalesConsultant).await;
    let actor = actor(&t, &w.a.username(SalesConsultant)).await;
    let (lead, customer) = walk_in(&t, &consultant, "同单", "13700020000").await;
    let quote = Uuid::now_v7();
    let results = join_all((0..8).map(|_| sign(&t, &actor, deal(quote, lead, customer, &actor)))).await;
    let ok = results.iter().filter(|r| r.is_ok()).count();
    assert_eq!(ok, 1, "{results:?}");
    for r in results.iter().filter_map(|r| r.as_ref().err()) {
        assert_eq!(r.code(), forecourt_domain::ErrorCode::AlreadyExists, "{r:?}");
    }
    assert_eq!(t.count("orders").await, 1);
    // The next order takes the next number: nothing was lost to the refused ones.
    let (lead2, customer2) = walk_in(&t, &consultant, "下一单", "13700020001").await;
    let id = sign(&t, &actor, deal(Uuid::now_v7(), lead2, customer2, &actor)).await.unwrap();
    let next = get_order(&t, &consultant, &id.to_string()).await;
    assert_eq!(next["contract_no"], "HT2026000002");
    // Signing made the lead O.
    let lead = t.get(&format!("/api/v1/leads/{lead}"), Auth::Session(&consultant)).await;
    assert_eq!(lead.body["lead"]["grade"], "O", "{:?}", lead.body);
});
