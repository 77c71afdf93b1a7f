//! Deposits, payments, the receivable and refunds.

use super::*;
use forecourt_domain::role::BuiltinRole::*;

crate::http_test!(async fn earnest_deposit_is_capped_at_twenty_percent_to_the_fen(t) {
    let w = crate::http::support::world(&t).await;
    let (id, _) = order(&t, &w, "13700001111").await;
    let finance = session(&t, &w, Finance).await;
    let consultant = session(&t, &w, SalesConsultant).await;
    let o = get_order(&t, &consultant, &id).await;
    assert_eq!(o["money"]["total_fen"], TOTAL);
    assert_eq!(o["money"]["earnest_cap_fen"], 3_060_000);
    assert_eq!(o["contract_no"].as_str().unwrap(), "HT2026000001");

    // Planning a 定金 of 30,600.01 is refused naming the field; 30,600.00 is allowed.
    let over = post(&t, &consultant, &id, "schedule",
        json!({"purpose": "earnest", "amount_fen": 3_060_001, "due_on": "2026-11-02"})).await;
    assert_eq!(over.status, StatusCode::UNPROCESSABLE_ENTITY, "{:?}", over.body);
    assert_eq!(over.body["errors"][0]["field"], "amount_fen");
    assert_eq!(over.body["errors"][0]["code"], "earnest_over_cap");
    let planned = post(&t, &consultant, &id, "schedule",
        json!({"purpose": "earnest", "amount_fen": 3_060_000, "due_on": "2026-11-02"})).await;
    assert_eq!(planned.status, StatusCode::CREATED, "{:?}", planned.body);
    // A 订金 is not capped by the 定金 rule.
    let advance = post(&t, &consultant, &id, "schedule",
        json!({"purpose": "advance", "amount_fen": 5_000_000, "due_on": "2026-11-09"})).await;
    assert_eq!(advance.status, StatusCode::CREATED, "{:?}", advance.body);

    // Paying a 定金 of 30,600.01 is refused; 30,600.00 is received.
    let pay = |amount: i64, receipt: &str| json!({
        "purpose": "earnest", "method": "wechat", "amount_fen": amount, "receipt_no": receipt,
    });
    let over = post(&t, &finance, &id, "payments", pay(3_060_001, "SK-1")).await;
    assert_eq!(over.status, StatusCode::UNPROCESSABLE_ENTITY, "{:?}", over.body);
    assert_eq!(over.body["errors"][0]["field"], "amount_fen");
    let paid = post(&t, &finance, &id, "payments", pay(3_060_000, "SK-1")).await;
    assert_eq!(paid.status, StatusCode::CREATED, "{:?}", paid.body);
    assert_eq!(receivable(&paid.body), TOTAL - 3_060_000);
    assert_eq!(paid.body["money"]["earnest_fen"], 3_060_000);
    // Not one fen more of 定金.
    let more = post(&t, &finance, &id, "payments", pay(1, "SK-2")).await;
    assert_eq!(more.status, StatusCode::UNPROCESSABLE_ENTITY, "{:?}", more.body);
});

crate::http_test!(async fn the_receivable_follows_payments_and_approved_refunds_only(t) {
    let w = crate::http::support::world(&t).await;
    let (id, _) = order(&t, &w, "13700002222").await;
    let finance = session(&t, &w, Finance).await;
    let consultant = session(&t, &w, SalesConsultant).await;
    let admin = session(&t, &w, Admin).await;
    let payment = |purpose: &str, method: &str, amount: i64, receipt: &str| json!({
        "purpose": purpose, "method": method, "amount_fen": amount, "receipt_no": receipt, "payer": "孙立",
    });
    assert_eq!(receivable(&get_order(&t, &finance, &id).await), TOTAL);

    // Finance records money; the consultant may not.
    let denied = post(&t, &consultant, &id, "payments", payment("advance", "cash", 100_000, "R-0")).await;
    assert_eq!(denied.status, StatusCode::FORBIDDEN, "{:?}", denied.body);
    assert_eq!(t.count("order_payments").await, 0);

    let step1 = post(&t, &finance, &id, "payments", payment("advance", "cash", 1_000_000, "R-1")).await;
    assert_eq!(step1.status, StatusCode::CREATED, "{:?}", step1.body);
    assert_eq!(receivable(&step1.body), TOTAL - 1_000_000);
    // A receipt number is used once in the dealer.
    let twice = post(&t, &finance, &id, "payments", payment("balance", "card", 1, "r-1")).await;
    assert_eq!(twice.status, StatusCode::CONFLICT, "{:?}", twice.body);
    assert_eq!(twice.body["errors"][0]["field"], "receipt_no");
    // More than is owed is refused.
    let too_much = post(&t, &finance, &id, "payments", payment("balance", "transfer", TOTAL, "R-2")).await;
    assert_eq!(too_much.status, StatusCode::UNPROCESSABLE_ENTITY, "{:?}", too_much.body);
    let step2 = post(&t, &finance, &id, "payments", payment("balance", "transfer", TOTAL - 1_000_000, "R-2")).await;
    assert_eq!(step2.status, StatusCode::CREATED, "{:?}", step2.body);
    assert_eq!(receivable(&step2.body), 0);

    // A refund is asked for: nothing changes until it is approved.
    let asked = post(&t, &finance, &id, "refunds", json!({"amount_fen": 200_000, "reason": "精品未安装"})).await;
    assert_eq!(asked.status, StatusCode::CREATED, "{:?}", asked.body);
    assert_eq!(receivable(&asked.body), 0);
    assert_eq!(asked.body["money"]["refund_pending_fen"], 200_000);
    let refund = &asked.body["refunds"][0];
    assert_eq!(refund["status"], "pending");
    let approval = refund["approval_id"].as_str().unwrap().to_owned();
    // More than can be given back is refused.
    let over = post(&t, &finance, &id, "refunds", json!({"amount_fen": TOTAL, "reason": "x"})).await;
    assert_eq!(over.status, StatusCode::UNPROCESSABLE_ENTITY, "{:?}", over.body);

    // The requester cannot decide their own request; the admin (refund:approve) can.
    let request = t.get(&format!("/api/v1/approvals/{approval}"), Auth::Session(&admin)).await;
    assert_eq!(request.status, StatusCode::OK, "{:?}", request.body);
    assert_eq!(request.body["kind"], "order.refund");
    let own = t.send(Method::POST, &format!("/api/v1/approvals/{approval}/approve"),
        Auth::Session(&finance), Some(json!({"version": request.body["version"]}))).await;
    assert!(own.status.is_client_error(), "{:?}", own.body);
    let approved = t.send(Method::POST, &format!("/api/v1/approvals/{approval}/approve"),
        Auth::Session(&admin), Some(json!({"version": request.body["version"]}))).await;
    assert_eq!(approved.status, StatusCode::OK, "{:?}", approved.body);
    let after = get_order(&t, &finance, &id).await;
    assert_eq!(after["refunds"][0]["status"], "approved");
    assert_eq!(receivable(&after), 200_000);
    assert_eq!(after["money"]["refunded_fen"], 200_000);
});

crate::http_test!(async fn a_consultant_sees_their_own_orders_and_another_dealer_none(t) {
    let w = crate::http::support::world(&t).await;
    let (id, _) = order(&t, &w, "13700003333").await;
    let consultant = session(&t, &w, SalesConsultant).await;
    let manager = session(&t, &w, SalesManager).await;
    let finance = session(&t, &w, Finance).await;
    // An order of another consultant of the dealer.
    let other: Uuid = w.a.target_user_id.parse().unwrap();
    let (lead, customer) = walk_in(&t, &manager, "周正", "13700004444").await;
    let mut deal = deal(Uuid::now_v7(), lead, customer, &actor(&t, &w.a.username(SalesManager)).await);
    deal.consultant_id = Some(other);
    let manager_actor = actor(&t, &w.a.username(SalesManager)).await;
    let theirs = sign(&t, &manager_actor, deal).await.unwrap().to_string();

    let mine = t.get("/api/v1/orders", Auth::Session(&consultant)).await;
    assert_eq!(mine.status, StatusCode::OK, "{:?}", mine.body);
    let ids: Vec<&str> = mine.body["items"].as_array().unwrap().iter().map(|o| o["id"].as_str().unwrap()).collect();
    assert_eq!(ids, [id.as_str()]);
    let hidden = t.get(&format!("/api/v1/orders/{theirs}"), Auth::Session(&consultant)).await;
    assert_eq!(hidden.status, StatusCode::NOT_FOUND);
    for s in [&manager, &finance] {
        let all = t.get("/api/v1/orders", Auth::Session(s)).await;
        assert_eq!(all.body["items"].as_array().unwrap().len(), 2, "{:?}", all.body);
    }
    // Dealer B sees nothing of dealer A.
    let foreign = t.login(&w.b.username(Admin)).await;
    let got = t.get(&format!("/api/v1/orders/{id}"), Auth::Session(&foreign)).await;
    assert_eq!(got.status, StatusCode::NOT_FOUND);
    let paid = post(&t, &foreign, &id, "payments", json!({
        "purpose": "balance", "method": "cash", "amount_fen": 100, "receipt_no": "B-1"})).await;
    assert_eq!(paid.status, StatusCode::NOT_FOUND);
});
