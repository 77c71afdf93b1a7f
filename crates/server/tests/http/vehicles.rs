//! Vehicles: VIN checks, ownership over time, mileage; the catalog and its publishing.

use super::customers::{create, zhang_wei};
use super::support::{Auth, world};
use axum::http::{Method, StatusCode};
use serde_json::json;

crate::http_test!(async fn vins_plates_transfers_and_mileage(t) {
    let _w = world(&t).await;
    let advisor = t.login("da-service-advisor").await;
    let owner = create(&t, &advisor, json!({"name": "刘洋", "phones": [{"number": "13655556666"}]})).await;
    let buyer = create(&t, &advisor, json!({"name": "陈静", "phones": [{"number": "13677778888"}]})).await;
    let owner_id = owner["id"].as_str().unwrap();

    let car = json!({"customer_id": owner_id, "vin": "1M8GDM9A1KP042788", "plate": "浙AD12345", "brand": "比亚迪", "series": "汉"});
    let warned = t.send(Method::POST, "/api/v1/vehicles", Auth::Session(&advisor), Some(car.clone())).await;
    assert_eq!(warned.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(warned.body["errors"][0]["code"], "vin_check_digit");
    for (vin, code) in [("1M8GDM9AXKP04278", "invalid_vin_length"), ("1M8GDM9AXKP04278O", "invalid_vin_letters")] {
        let mut bad = car.clone();
        bad["vin"] = json!(vin);
        assert_eq!(t.send(Method::POST, "/api/v1/vehicles", Auth::Session(&advisor), Some(bad)).await.body["errors"][0]["code"], code);
    }
    let mut bad_plate = car.clone();
    bad_plate["plate"] = json!("浙A1234");
    let reply = t.send(Method::POST, "/api/v1/vehicles", Auth::Session(&advisor), Some(bad_plate)).await;
    let codes: Vec<&str> = reply.body["errors"].as_array().unwrap().iter().map(|e| e["code"].as_str().unwrap()).collect();
    assert_eq!(codes, vec!["vin_check_digit", "invalid_plate"], "every problem at once");

    let mut kept = car.clone();
    kept["accept_vin_check_digit"] = json!(true);
    let created = t.send(Method::POST, "/api/v1/vehicles", Auth::Session(&advisor), Some(kept.clone())).await;
    assert_eq!(created.status, StatusCode::CREATED, "{:?}", created.body);
    assert_eq!(created.body["vin_check_ok"], false);
    let id = created.body["id"].as_str().unwrap().to_owned();
    let twin = t.send(Method::POST, "/api/v1/vehicles", Auth::Session(&advisor), Some(kept)).await;
    assert_eq!(twin.body["errors"][0]["code"], "taken");

    let reading = t.send(Method::POST, &format!("/api/v1/vehicles/{id}/mileage"), Auth::Session(&advisor), Some(json!({"km": 15230, "source": "service"}))).await;
    assert_eq!(reading.body["mileage_km"], 15230);
    let older = t.send(Method::POST, &format!("/api/v1/vehicles/{id}/mileage"), Auth::Session(&advisor), Some(json!({"km": 9000, "read_on": "2025-01-10"}))).await;
    assert_eq!(older.body["mileage_km"], 15230, "an older reading does not replace the latest");
    assert_eq!(older.body["mileage"].as_array().unwrap().len(), 2);
    let future = t.send(Method::POST, &format!("/api/v1/vehicles/{id}/mileage"), Auth::Session(&advisor), Some(json!({"km": 1, "read_on": "2099-01-01"}))).await;
    assert_eq!(future.status, StatusCode::UNPROCESSABLE_ENTITY);

    let sold = t
        .send(Method::POST, &format!("/api/v1/vehicles/{id}/transfer"), Auth::Session(&advisor), Some(json!({"version": older.body["version"], "customer_id": buyer["id"], "on": "2026-10-01"})))
        .await;
    assert_eq!(sold.status, StatusCode::OK, "{:?}", sold.body);
    let ownerships = sold.body["ownerships"].as_array().unwrap();
    assert_eq!(ownerships.len(), 2);
    assert_eq!(ownerships[0]["customer_name"], "刘洋");
    assert_eq!(ownerships[0]["ended_on"], "2026-10-01");
    assert!(ownerships[1]["ended_on"].is_null());
    // The plate now finds the buyer; the seller's timeline keeps the car's story.
    let hits = t.get("/api/v1/customers/search?q=%E6%B5%99AD12345", Auth::Session(&advisor)).await;
    assert_eq!(hits.body[0]["customer"]["name"], "陈静");
    let timeline = t.get(&format!("/api/v1/customers/{owner_id}/timeline"), Auth::Session(&advisor)).await;
    let kinds: Vec<&str> = timeline.body["items"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert!(kinds.contains(&"vehicle.transferred_out") && kinds.contains(&"mileage.recorded"), "{kinds:?}");
    let list = t.get("/api/v1/vehicles?q=042788", Auth::Session(&advisor)).await;
    assert_eq!(list.body["items"].as_array().unwrap().len(), 1);
});

crate::http_test!(async fn a_consultant_sees_only_cars_of_their_own_customers(t) {
    let _w = world(&t).await;
    let consultant = t.login("da-sales-consultant").await;
    let manager = t.login("da-sales-manager").await;
    create(&t, &consultant, zhang_wei()).await;
    let other = create(&t, &manager, json!({"name": "王芳", "phones": [{"number": "13700001111"}], "vehicles": [{"plate": "浙B99999", "brand": "丰田"}]})).await;
    let cars = t.get("/api/v1/vehicles", Auth::Session(&consultant)).await;
    let plates: Vec<&str> = cars.body["items"].as_array().unwrap().iter().map(|v| v["plate"].as_str().unwrap()).collect();
    assert_eq!(plates, vec!["浙A12345"]);
    let hidden = other["vehicles"][0]["id"].as_str().unwrap();
    assert_eq!(t.get(&format!("/api/v1/vehicles/{hidden}"), Auth::Session(&consultant)).await.status, StatusCode::NOT_FOUND);
});

crate::http_test!(async fn the_catalog_by_hand_by_file_and_published_to_the_group(t) {
    let w = world(&t).await;
    let admin = t.login("da-admin").await;
    let brand = t.send(Method::POST, "/api/v1/catalog/brands", Auth::Session(&admin), Some(json!({"name": "大众"}))).await;
    assert_eq!(brand.status, StatusCode::CREATED);
    let series = t.send(Method::POST, "/api/v1/catalog/series", Auth::Session(&admin), Some(json!({"brand_id": brand.body["id"], "name": "途观L"}))).await;
    let model = json!({"series_id": series.body["id"], "name": "330TSI 两驱智享版", "model_year": 2026, "body_type": "suv", "powertrain": "petrol", "guide_price_fen": 21_980_000, "colours": [{"name": "珍珠白", "hex": "#f5f5f0"}]});
    let created = t.send(Method::POST, "/api/v1/catalog/models", Auth::Session(&admin), Some(model.clone())).await;
    assert_eq!(created.status, StatusCode::CREATED, "{:?}", created.body);
    assert_eq!(created.body["colours"][0]["hex"], "#F5F5F0");
    assert_eq!(t.send(Method::POST, "/api/v1/catalog/models", Auth::Session(&admin), Some(model)).await.code(), "already_exists");

    let csv = "品牌,车系,车型,年款,车身,动力,指导价,颜色\n比亚迪,汉,EV 冠军版 605KM,2026,轿车,纯电,\"209,800\",星空灰;珍珠白\n大众,途观L,330TSI 两驱智享版,2026,SUV,汽油,219800,珍珠白\n丰田,凯美瑞,2.0G 豪华版,2026,飞机,汽油,abc,\n";
    let request = |dry: bool| axum::http::Request::builder()
        .method(Method::POST)
        .uri(format!("/api/v1/catalog/import?dry_run={dry}"))
        .header(axum::http::header::COOKIE, format!("forecourt_session={}", admin.cookie))
        .header("x-csrf-token", &admin.csrf)
        .header(axum::http::header::CONTENT_TYPE, "text/csv")
        .body(axum::body::Body::from(csv))
        .unwrap();
    let response = tower::ServiceExt::oneshot(t.router.clone(), request(false)).await.unwrap();
    let body: serde_json::Value = serde_json::from_slice(&http_body_util::BodyExt::collect(response.into_body()).await.unwrap().to_bytes()).unwrap();
    assert_eq!(body["applied"], false, "one bad row stops the file: {body}");
    let columns: Vec<&str> = body["errors"].as_array().unwrap().iter().map(|e| e["column"].as_str().unwrap()).collect();
    assert_eq!(columns, vec!["body_type", "guide_price"]);

    let fixed = csv.lines().take(3).collect::<Vec<_>>().join("\n");
    let request = axum::http::Request::builder()
        .method(Method::POST)
        .uri("/api/v1/catalog/import")
        .header(axum::http::header::COOKIE, format!("forecourt_session={}", admin.cookie))
        .header("x-csrf-token", &admin.csrf)
        .header(axum::http::header::CONTENT_TYPE, "text/csv")
        .body(axum::body::Body::from(fixed))
        .unwrap();
    let response = tower::ServiceExt::oneshot(t.router.clone(), request).await.unwrap();
    let body: serde_json::Value = serde_json::from_slice(&http_body_util::BodyExt::collect(response.into_body()).await.unwrap().to_bytes()).unwrap();
    assert_eq!(body["applied"], true, "{body}");
    assert_eq!(body["models_created"], 1);
    assert_eq!(body["models_updated"], 0, "the 途观L row is unchanged");

    // A dealer admin may not publish to the group; the group analyst may.
    assert_eq!(t.send(Method::POST, "/api/v1/catalog/publish", Auth::Session(&admin), None).await.status, StatusCode::FORBIDDEN);
    let analyst = t.login("da-group-analyst").await;
    let published = t.send(Method::POST, "/api/v1/catalog/publish", Auth::Session(&analyst), None).await;
    assert_eq!(published.status, StatusCode::OK, "{:?}", published.body);
    assert_eq!(published.body["dealers"], 1);
    assert_eq!(published.body["models_created"], 2);
    let admin_b = t.login("db-admin").await;
    let theirs = t.get("/api/v1/catalog", Auth::Session(&admin_b)).await;
    let brands: Vec<&str> = theirs.body.as_array().unwrap().iter().map(|b| b["name"].as_str().unwrap()).collect();
    assert_eq!(brands.len(), 2, "{brands:?}");
    let model_b = &theirs.body[0]["series"][0]["models"][0];
    assert_eq!(model_b["published"], true);
    let edit = t.send(Method::PATCH, &format!("/api/v1/catalog/models/{}", model_b["id"].as_str().unwrap()), Auth::Session(&admin_b), Some(json!({"version": model_b["version"], "guide_price_fen": 1}))).await;
    assert_eq!(edit.body["errors"][0]["code"], "published_read_only");
    let _ = w;
});
