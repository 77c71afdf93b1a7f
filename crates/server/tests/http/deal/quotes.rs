//! Quotes: the on-the-road price line by line, the configuration's rules, versions, one
//! accepted quote per opportunity under concurrent accepts, who sees and changes what, and
//! the hooks orders build on.

use super::{deal, lines, opportunity, post, yuan};
use crate::http::support::Auth;
use axum::http::{Method, StatusCode};
use forecourt_domain::role::BuiltinRole::*;
use serde_json::json;

crate::http_test!(async fn a_quote_adds_up_to_the_on_the_road_price_exactly(t) {
    let d = deal(&t).await;
    let reply = post(&t, &d.consultant, "/api/v1/quotes", d.example()).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{:?}", reply.body);
    let q = reply.body;
    // 189,800 + 6,000 + 3,500 + 5,200 + 1,500 − 8,000 = 198,000.00 before the tax; the tax is
    // (191,300 / 1.13) × 10% = 16,929.20.
    assert_eq!(
        lines(&q),
        [
            ("vehicle".to_owned(), yuan(189_800)),
            ("option".to_owned(), 0),
            ("option".to_owned(), yuan(6_000)),
            ("package".to_owned(), yuan(3_500)),
            ("accessory".to_owned(), yuan(5_200)),
            ("purchase_tax".to_owned(), 1_692_920),
            ("fees".to_owned(), yuan(1_500)),
            ("discount".to_owned(), -yuan(8_000)),
        ]
    );
    assert_eq!(q["purchase_tax_fen"], 1_692_920);
    assert_eq!(q["total_fen"], yuan(198_000) + 1_692_920);
    let sum: i64 = lines(&q).iter().map(|(_, a)| a).sum();
    assert_eq!(q["total_fen"], sum);
    assert_eq!(q["status"], "draft");
    assert_eq!(q["number"], "Q000001-1");
    assert!(q["consultant_name"].is_string());
    // A consultant sees no cost or margin.
    assert!(q["margin_fen"].is_null());

    // A battery-electric trim in 2026: the tax (226,000 / 1.13 × 10% = 20,000) is halved.
    let bev = post(&t, &d.consultant, "/api/v1/quotes", json!({
        "opportunity_id": d.opportunity_id, "model_id": d.bev_model_id, "colour": "珍珠白",
        "option_ids": [d.bev_paint_id], "insurance_fen": yuan(4_000),
    })).await;
    assert_eq!(bev.status, StatusCode::CREATED, "{:?}", bev.body);
    assert_eq!(bev.body["purchase_tax_fen"], yuan(10_000));
    assert_eq!(bev.body["total_fen"], yuan(226_000 + 10_000 + 4_000));
    // The second quote for the opportunity is version 2 of the same number.
    assert_eq!(bev.body["number"], "Q000001-2");

    // The configuration's rules, each refused naming the field.
    let refuse = |body: serde_json::Value| {
        let t = &t;
        let s = &d.consultant;
        async move { post(t, s, "/api/v1/quotes", body).await }
    };
    let mut body = d.example();
    body["option_ids"] = json!([d.white_id, d.bev_paint_id]);
    let wrong_trim = refuse(body).await;
    assert_eq!(wrong_trim.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(wrong_trim.body["errors"][0]["field"], "option_ids[1]");
    assert_eq!(wrong_trim.body["errors"][0]["code"], "not_available");
    let mut body = d.example();
    body["option_ids"] = json!([d.white_id, d.wheels19_id, d.wheels20_id]);
    let two_wheels = refuse(body).await;
    assert_eq!(two_wheels.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(two_wheels.body["errors"][0]["field"], "option_ids[2]");
    assert_eq!(two_wheels.body["errors"][0]["code"], "group_conflict");
    let mut body = d.example();
    body["option_ids"] = json!([d.wheels19_id]);
    let no_paint = refuse(body).await;
    assert_eq!(no_paint.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(no_paint.body["errors"][0]["field"], "option_ids");
    assert_eq!(no_paint.body["errors"][0]["code"], "group_required");
    let mut body = d.example();
    body["colour"] = json!("宝石蓝");
    let wrong_paint = refuse(body).await;
    assert_eq!(wrong_paint.body["errors"][0]["code"], "colour_mismatch", "{:?}", wrong_paint.body);
    let mut body = d.example();
    body["discount_fen"] = json!(yuan(300_000));
    let too_much = refuse(body).await;
    assert_eq!(too_much.body["errors"][0]["field"], "discount_fen");
    assert_eq!(t.count("quotes").await, 2);

    // Printing: the dealer's name and the quote.
    let printed = t.get(&format!("/api/v1/quotes/{}/print", q["id"].as_str().unwrap()), Auth::Session(&d.consultant)).await;
    assert_eq!(printed.status, StatusCode::OK, "{:?}", printed.body);
    assert_eq!(printed.body["dealer_name"], "甲4S店");
    assert_eq!(printed.body["quote"]["total_fen"], q["total_fen"]);
});

crate::http_test!(async fn one_quote_per_opportunity_is_accepted_under_eight_concurrent_accepts(t) {
    let d = deal(&t).await;
    let mut quotes = Vec::new();
    for _ in 0..8 {
        let q = post(&t, &d.consultant, "/api/v1/quotes", d.example()).await;
        assert_eq!(q.status, StatusCode::CREATED, "{:?}", q.body);
        quotes.push(q.body);
    }
    // Eight different versions accepted at once: one wins, seven are refused.
    let paths: Vec<String> = quotes
        .iter()
        .map(|q| format!("/api/v1/quotes/{}/accept", q["id"].as_str().unwrap()))
        .collect();
    let attempts = quotes
        .iter()
        .zip(&paths)
        .map(|(q, path)| post(&t, &d.consultant, path, json!({"version": q["version"]})));
    let replies = futures_util::future::join_all(attempts).await;
    let ok: Vec<_> = replies.iter().filter(|r| r.status == StatusCode::OK).collect();
    assert_eq!(ok.len(), 1, "{:?}", replies.iter().map(|r| (r.status, r.body.clone())).collect::<Vec<_>>());
    assert!(replies.iter().filter(|r| r.status != StatusCode::OK).all(|r| r.status == StatusCode::CONFLICT));
    let list = t.get(&format!("/api/v1/quotes?opportunity_id={}", d.opportunity_id), Auth::Session(&d.consultant)).await;
    let statuses: Vec<&str> = list.body["items"].as_array().unwrap().iter().map(|q| q["status"].as_str().unwrap()).collect();
    assert_eq!(statuses.iter().filter(|s| **s == "accepted").count(), 1);
    assert_eq!(statuses.iter().filter(|s| **s == "superseded").count(), 7);

    // Eight accepts of one quote of another opportunity: one wins.
    let (_, _, opp2) = opportunity(&t, &d.consultant, "赵雷", "13900002222").await;
    let mut body = d.example();
    body["opportunity_id"] = json!(opp2);
    let q = post(&t, &d.consultant, "/api/v1/quotes", body).await.body;
    let path = format!("/api/v1/quotes/{}/accept", q["id"].as_str().unwrap());
    let replies = futures_util::future::join_all(
        (0..8).map(|_| post(&t, &d.consultant, &path, json!({"version": q["version"]}))),
    )
    .await;
    assert_eq!(replies.iter().filter(|r| r.status == StatusCode::OK).count(), 1);
    assert_eq!(replies.iter().filter(|r| r.status == StatusCode::CONFLICT).count(), 7);
    // An accepted quote cannot change.
    let accepted = t.get(&format!("/api/v1/quotes/{}", q["id"].as_str().unwrap()), Auth::Session(&d.consultant)).await.body;
    let mut patch = d.example();
    patch["version"] = accepted["version"].clone();
    let changed = t.send(Method::PATCH, &format!("/api/v1/quotes/{}", q["id"].as_str().unwrap()), Auth::Session(&d.consultant), Some(patch)).await;
    assert_eq!(changed.status, StatusCode::CONFLICT);
    assert_eq!(changed.code(), "invalid_state");

    // The hooks orders build on: the accepted quote, and one order per quote.
    let consultant = t.app.login(forecourt_kernel::auth::LoginInput {
        username: d.w.a.username(SalesConsultant), password: crate::http::support::PASSWORD.into(),
        ip: "hooks".into(), user_agent: None,
    }).await.unwrap().actor;
    let quote_id: forecourt_domain::ids::QuoteId = q["id"].as_str().unwrap().parse().unwrap();
    let conn = t.app.db().conn();
    let got = forecourt_deal::hooks::accepted_quote_in(conn, &consultant, quote_id).await.unwrap();
    assert_eq!(got.total_fen, q["total_fen"].as_i64().unwrap());
    assert_eq!(got.discount_fen, yuan(8_000));
    assert_eq!(got.lines.iter().map(|l| l.amount_fen).sum::<i64>(), got.total_fen);
    let superseded: forecourt_domain::ids::QuoteId = quotes[0]["id"].as_str().unwrap().parse().unwrap();
    let first_accepted = ok[0].body["id"].as_str().unwrap().parse().unwrap();
    let not_accepted = if superseded == first_accepted {
        quotes[1]["id"].as_str().unwrap().parse().unwrap()
    } else {
        superseded
    };
    let err = forecourt_deal::hooks::accepted_quote_in(conn, &consultant, not_accepted).await.unwrap_err();
    assert_eq!(err.code(), forecourt_domain::ErrorCode::InvalidState);
    let order = uuid::Uuid::now_v7();
    let now = t.clock_now();
    forecourt_deal::hooks::mark_ordered_in(conn, &consultant, quote_id, order, now).await.unwrap();
    let again = forecourt_deal::hooks::mark_ordered_in(conn, &consultant, quote_id, uuid::Uuid::now_v7(), now).await.unwrap_err();
    assert_eq!(again.code(), forecourt_domain::ErrorCode::InvalidState);
    let unknown = forecourt_deal::hooks::accepted_quote_in(conn, &consultant, forecourt_domain::ids::QuoteId::new()).await.unwrap_err();
    assert_eq!(unknown.code(), forecourt_domain::ErrorCode::NotFound);
});

crate::http_test!(async fn consultants_see_their_own_quotes_finance_reads_and_other_dealers_get_404(t) {
    let d = deal(&t).await;
    let mine = post(&t, &d.consultant, "/api/v1/quotes", d.example()).await.body;
    // The manager's own walk-in and quote: not the consultant's.
    let (_, _, opp) = opportunity(&t, &d.manager, "孙丽", "13900003333").await;
    let mut body = d.example();
    body["opportunity_id"] = json!(opp);
    let theirs = post(&t, &d.manager, "/api/v1/quotes", body).await;
    assert_eq!(theirs.status, StatusCode::CREATED, "{:?}", theirs.body);
    let theirs_id = theirs.body["id"].as_str().unwrap();
    let hidden = t.get(&format!("/api/v1/quotes/{theirs_id}"), Auth::Session(&d.consultant)).await;
    assert_eq!(hidden.status, StatusCode::NOT_FOUND);
    let listed = t.get("/api/v1/quotes", Auth::Session(&d.consultant)).await;
    let ids: Vec<&str> = listed.body["items"].as_array().unwrap().iter().map(|q| q["id"].as_str().unwrap()).collect();
    assert_eq!(ids, [mine["id"].as_str().unwrap()]);
    // The manager sees both and the margin; "mine" narrows to their own.
    let all = t.get("/api/v1/quotes", Auth::Session(&d.manager)).await;
    assert_eq!(all.body["items"].as_array().unwrap().len(), 2);
    let own = t.get("/api/v1/quotes?mine=true&limit=1", Auth::Session(&d.manager)).await;
    assert_eq!(own.body["items"].as_array().unwrap().len(), 1);
    assert!(own.body["next_cursor"].is_null());
    // Keyset pages.
    let first = t.get("/api/v1/quotes?limit=1", Auth::Session(&d.manager)).await;
    let cursor = first.body["next_cursor"].as_str().unwrap().to_owned();
    let second = t.get(&format!("/api/v1/quotes?limit=1&cursor={cursor}"), Auth::Session(&d.manager)).await;
    assert_ne!(first.body["items"][0]["id"], second.body["items"][0]["id"]);
    assert!(all.body["items"][0]["margin_fen"].is_number() || all.body["items"][0]["margin_fen"].is_null());

    // Finance reads but cannot change a price.
    let finance = d.session(&t, Finance).await;
    let mine_id = mine["id"].as_str().unwrap();
    let read = t.get(&format!("/api/v1/quotes/{mine_id}"), Auth::Session(&finance)).await;
    assert_eq!(read.status, StatusCode::OK);
    let mut patch = d.example();
    patch["version"] = mine["version"].clone();
    patch["discount_fen"] = json!(yuan(20_000));
    let denied = t.send(Method::PATCH, &format!("/api/v1/quotes/{mine_id}"), Auth::Session(&finance), Some(patch.clone())).await;
    assert_eq!(denied.status, StatusCode::FORBIDDEN);
    let created = post(&t, &finance, "/api/v1/quotes", d.example()).await;
    assert_eq!(created.status, StatusCode::FORBIDDEN);
    let unchanged = t.get(&format!("/api/v1/quotes/{mine_id}"), Auth::Session(&finance)).await;
    assert_eq!(unchanged.body["total_fen"], mine["total_fen"]);
    assert_eq!(unchanged.body["version"], mine["version"]);

    // Another dealer's admin: 404 for reading and writing.
    let foreign = t.login(&d.w.b.username(Admin)).await;
    let got = t.get(&format!("/api/v1/quotes/{mine_id}"), Auth::Session(&foreign)).await;
    assert_eq!(got.status, StatusCode::NOT_FOUND);
    let changed = t.send(Method::PATCH, &format!("/api/v1/quotes/{mine_id}"), Auth::Session(&foreign), Some(patch)).await;
    assert_eq!(changed.status, StatusCode::NOT_FOUND);
    let accepted = post(&t, &foreign, &format!("/api/v1/quotes/{mine_id}/accept"), json!({"version": mine["version"]})).await;
    assert_eq!(accepted.status, StatusCode::NOT_FOUND);
    let for_foreign_opp = post(&t, &foreign, "/api/v1/quotes", d.example()).await;
    assert_eq!(for_foreign_opp.status, StatusCode::NOT_FOUND);
});
