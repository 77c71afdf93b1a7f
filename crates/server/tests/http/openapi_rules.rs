//! The OpenAPI document states the rules the server enforces: lengths, patterns, formats,
//! enums and ranges, taken from the constants the validators check. A client generated from the
//! document, or a fuzzer, sends what the server accepts.

use super::support::{Auth, world};
use axum::http::{Method, StatusCode};
use forecourt_domain::id_number::{IdNumber, check_character};
use forecourt_domain::password::{MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH};
use forecourt_domain::phone::Phone;
use forecourt_domain::plate::Plate;
use forecourt_domain::schema::{
    DATE_PATTERN, DATE_TIME_PATTERN, NAME_PATTERN, PHONE_PATTERN, TEXT_PATTERN, USERNAME_PATTERN,
    UUID_PATTERN, VIN_PATTERN, id_number_pattern, key_pattern, plate_pattern,
};
use forecourt_domain::username::{
    LONG_NAME_MAX, NAME_MAX, USERNAME_MAX_LENGTH, USERNAME_MIN_LENGTH, Username, parse_name,
    parse_optional_text,
};
use forecourt_domain::vin::Vin;
use serde_json::{Value, json};

fn document() -> Value {
    serde_json::to_value(forecourt_http::openapi_document(
        forecourt_server::modules::MODULES,
    ))
    .unwrap()
}

fn schema<'a>(doc: &'a Value, name: &str) -> &'a Value {
    &doc["components"]["schemas"][name]
}

fn parameter<'a>(doc: &'a Value, path: &str, name: &str) -> &'a Value {
    let parameters = doc["paths"][path]["get"]["parameters"].as_array().unwrap();
    let found = parameters.iter().find(|p| p["name"] == name);
    &found.unwrap_or_else(|| panic!("{path} has no parameter {name}"))["schema"]
}

/// A valid ID number born on 2019-02-28 in the given region.
fn id_number(region: u32) -> String {
    let first17 = format!("{region}010620190228123");
    format!("{first17}{}", check_character(&first17).unwrap())
}

/// For each pattern the document uses: values the server's validator accepts. Every one must
/// match the pattern (a pattern stricter than the server is fine; one that refuses what the
/// server accepts in its canonical spelling is not).
fn accepted_examples(pattern: &str) -> Option<Vec<String>> {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let strings = |values: &[&str]| values.iter().map(|v| (*v).to_owned()).collect::<Vec<_>>();
    let (values, valid): (Vec<String>, fn(&str) -> bool) = match pattern {
        p if p == NAME_PATTERN => (
            strings(&["张伟", "欧阳娜娜", "Anna Li", " 周 "]),
            |v| parse_name("f", v, NAME_MAX).is_ok(),
        ),
        p if p == TEXT_PATTERN => (strings(&["", "  ", "客户想要白色的。"]), |v| {
            parse_optional_text("f", Some(v), NAME_MAX).is_ok()
        }),
        p if p == PHONE_PATTERN => (
            strings(&[
                "13812345678",
                "19912345678",
                "0571-87654321",
                "057187654321",
                "010-62345678",
                "020-8765432",
                "0991-2345678",
                "400-820-8820",
                "8008208820",
            ]),
            |v| Phone::parse("f", v).is_ok(),
        ),
        p if p == VIN_PATTERN => (strings(&["LSVAU2180N2183294", "LFV2A21K5A3051234"]), |v| {
            Vin::parse("f", v).is_ok()
        }),
        p if p == USERNAME_PATTERN => (strings(&["zhangwei", "da-admin", "li.na_2"]), |v| {
            Username::parse("f", v).is_ok()
        }),
        "^[!-~]+$" => (strings(&["order-2024-0001", "b4e1c2"]), |v| {
            v.len() <= forecourt_sales::intake::MAX_IDEMPOTENCY_KEY_LENGTH
        }),
        p if p == key_pattern() => (strings(&["walk_in", "vip2", "ab"]), |v| {
            forecourt_domain::code::parse_key("f", v).is_ok()
        }),
        p if p == DATE_PATTERN => (strings(&["2024-02-29", "1990-12-31", "2026-01-01"]), |v| {
            serde_json::from_value::<chrono::NaiveDate>(json!(v)).is_ok()
        }),
        p if p == DATE_TIME_PATTERN => (
            strings(&[
                "2024-03-07T09:30:00Z",
                "2024-03-07T17:30:00.5+08:00",
                "1999-12-31T23:59:59.123456789-05:00",
            ]),
            |v| serde_json::from_value::<chrono::DateTime<chrono::Utc>>(json!(v)).is_ok(),
        ),
        p if p == UUID_PATTERN => (
            strings(&[
                "01a24f0f-bf22-7509-906c-79bebd0c2693",
                "E3E70682-C209-1CAC-A29F-6FBED82C07CD",
            ]),
            |v| serde_json::from_value::<uuid::Uuid>(json!(v)).is_ok(),
        ),
        p if p == plate_pattern() => (
            strings(&["浙A12345", "京B9X8Y7", "粤BD12345", "沪A12345F"]),
            |v| Plate::parse("f", v).is_ok(),
        ),
        p if p == id_number_pattern() => {
            let values = forecourt_domain::id_number::REGIONS.map(id_number).to_vec();
            return Some(
                values
                    .into_iter()
                    .inspect(|v| assert!(IdNumber::parse("f", v, today).is_ok(), "{v}"))
                    .collect(),
            );
        }
        _ => return None,
    };
    for value in &values {
        assert!(valid(value), "the server refuses the example {value:?}");
    }
    Some(values)
}

/// Every pattern in the document compiles, and matches values the server accepts.
#[test]
fn every_pattern_compiles_and_accepts_what_the_server_accepts() {
    fn walk(value: &Value, patterns: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(p)) = map.get("pattern") {
                    patterns.push(p.clone());
                }
                map.values().for_each(|v| walk(v, patterns));
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, patterns)),
            _ => {}
        }
    }
    let mut patterns = Vec::new();
    walk(&document(), &mut patterns);
    assert!(patterns.len() > 50, "{}", patterns.len());
    patterns.sort();
    patterns.dedup();
    for pattern in &patterns {
        let regex = regex::Regex::new(pattern)
            .unwrap_or_else(|e| panic!("{pattern} does not compile: {e}"));
        let examples = accepted_examples(pattern)
            .unwrap_or_else(|| panic!("no accepted examples for the pattern {pattern}"));
        for example in examples {
            assert!(regex.is_match(&example), "{pattern} refuses {example:?}");
        }
    }
    // The patterns refuse what the server refuses, too.
    let phone = regex::Regex::new(PHONE_PATTERN).unwrap();
    for refused in [
        "12812345678",
        "1381234567",
        "87654321",
        "011-62345678",
        "abc",
    ] {
        assert!(!phone.is_match(refused), "{refused}");
        assert!(Phone::parse("f", refused).is_err(), "{refused}");
    }
    let date = regex::Regex::new(DATE_PATTERN).unwrap();
    let (first, last) = (
        forecourt_domain::dates::MIN_YEAR,
        forecourt_domain::dates::MAX_YEAR,
    );
    assert!(date.is_match(&format!("{first}-01-01")) && date.is_match(&format!("{last}-12-31")));
    for refused in [
        format!("{}-12-31", first - 1),
        format!("{}-01-01", last + 1),
    ] {
        assert!(!date.is_match(&refused), "{refused}");
        let parsed: chrono::NaiveDate = serde_json::from_value(json!(refused)).unwrap();
        assert!(
            forecourt_domain::dates::check_year("d", parsed).is_err(),
            "{refused}"
        );
    }
    for refused in ["", "2024-13-01", "07/03/2024"] {
        assert!(!date.is_match(refused), "{refused:?}");
        assert!(serde_json::from_value::<chrono::NaiveDate>(json!(refused)).is_err());
    }
    let name = regex::Regex::new(NAME_PATTERN).unwrap();
    for refused in ["", "   ", "a\u{0}b", "tab\there"] {
        assert!(!name.is_match(refused), "{refused:?}");
        assert!(parse_name("f", refused, NAME_MAX).is_err(), "{refused:?}");
    }
}

/// Representative fields state their rules with the validators' constants.
#[test]
fn request_fields_state_the_server_rules() {
    let doc = document();
    let customer = &schema(&doc, "NewCustomer")["properties"];
    assert_eq!(customer["name"]["maxLength"], json!(LONG_NAME_MAX));
    assert_eq!(customer["name"]["minLength"], json!(1));
    assert_eq!(customer["name"]["pattern"], json!(NAME_PATTERN));
    assert_eq!(customer["email"]["format"], json!("email"));
    assert_eq!(customer["id_number"]["pattern"], json!(id_number_pattern()));
    assert_eq!(customer["notes"]["type"], json!(["string", "null"]));
    let phone = &schema(&doc, "PhoneInput")["properties"]["number"];
    assert_eq!(phone["pattern"], json!(PHONE_PATTERN));

    let user = &schema(&doc, "NewUser")["properties"];
    assert_eq!(user["username"]["minLength"], json!(USERNAME_MIN_LENGTH));
    assert_eq!(user["username"]["maxLength"], json!(USERNAME_MAX_LENGTH));
    assert_eq!(user["password"]["minLength"], json!(MIN_PASSWORD_LENGTH));
    assert_eq!(user["password"]["maxLength"], json!(MAX_PASSWORD_LENGTH));
    assert_eq!(user["display_name"]["maxLength"], json!(NAME_MAX));
    assert_eq!(
        schema(&doc, "NewUser")["required"],
        json!(["username", "display_name", "password", "role"]),
        "fields stated with schema_with stay required exactly when the server requires them"
    );

    assert_eq!(customer["birthday"]["pattern"], json!(DATE_PATTERN));
    assert_eq!(schema(&doc, "UserId")["pattern"], json!(UUID_PATTERN));
    let token = &schema(&doc, "NewApiToken")["properties"];
    assert_eq!(token["expires_at"]["pattern"], json!(DATE_TIME_PATTERN));
    let lookup = &schema(&doc, "NewLookup")["properties"];
    assert_eq!(lookup["key"]["pattern"], json!(key_pattern()));

    let vehicle = &schema(&doc, "VehicleInput")["properties"];
    assert_eq!(vehicle["vin"]["pattern"], json!(VIN_PATTERN));
    assert_eq!(vehicle["plate"]["pattern"], json!(plate_pattern()));

    let limit = parameter(&doc, "/api/v1/customers", "limit");
    assert_eq!(
        limit["maximum"],
        json!(forecourt_domain::paging::MAX_PAGE_SIZE)
    );
    assert_eq!(limit["minimum"], json!(1));
    let search = parameter(&doc, "/api/v1/customers/search", "limit");
    assert_eq!(
        search["maximum"],
        json!(forecourt_customers::SEARCH_MAX_LIMIT)
    );

    let intake = doc["paths"]["/api/v1/lead-intake"]["post"]["parameters"][0].clone();
    assert_eq!(intake["name"], "Idempotency-Key");
    assert_eq!(
        intake["schema"]["maxLength"],
        json!(forecourt_sales::intake::MAX_IDEMPOTENCY_KEY_LENGTH)
    );
    let settings = &schema(&doc, "SalesSettingsPatch")["properties"];
    assert_eq!(
        settings["stagnation_days"]["minimum"],
        json!(forecourt_sales::settings::STAGNATION_DAYS_MIN)
    );
    assert_eq!(
        schema(&doc, "CadenceDays")["properties"]["H"]["maximum"],
        json!(forecourt_sales::settings::CADENCE_DAYS_MAX)
    );

    let sorts: Vec<Value> = forecourt_admin::users::SORTS
        .iter()
        .map(|(key, _)| json!(key))
        .chain([Value::Null])
        .collect();
    assert_eq!(
        parameter(&doc, "/api/v1/users", "sort")["enum"],
        json!(sorts)
    );
}

crate::http_test!(async fn reports_refuse_dates_outside_the_calendar(t) {
    let _w = world(&t).await;
    let manager = t.login("da-sales-manager").await;
    for path in [
        "/api/v1/sales/report?period=week&date=0000-01-01",
        // A date inside the calendar whose period starts before it (in UTC).
        "/api/v1/sales/report?period=today&date=1900-01-01",
        "/api/v1/opportunities/funnel?to=0000-01-01T00:00:00Z",
    ] {
        let reply = t.get(path, Auth::Session(&manager)).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{path}: {:?}", reply.body);
        assert_eq!(reply.body["errors"][0]["code"], "out_of_range", "{path}");
    }
});

crate::http_test!(async fn the_stated_limits_are_the_server_limits(t) {
    let _w = world(&t).await;
    let manager = t.login("da-sales-manager").await;
    // Exactly the longest name the document allows, and every canonical phone spelling.
    let longest = "张".repeat(LONG_NAME_MAX);
    let body = json!({
        "name": longest,
        "phones": [{"number": "15912345678"}, {"number": "0571-86654321", "label": "work"}],
        "id_number": id_number(33),
        "notes": "",
    });
    let created = t.send(Method::POST, "/api/v1/customers", Auth::Session(&manager), Some(body)).await;
    assert_eq!(created.status, StatusCode::CREATED, "{:?}", created.body);
    // One more character than the document allows: refused, naming the limit it states.
    let body = json!({"name": "张".repeat(LONG_NAME_MAX + 1), "phones": [{"number": "15912345679"}]});
    let refused = t.send(Method::POST, "/api/v1/customers", Auth::Session(&manager), Some(body)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{:?}", refused.body);
    assert_eq!(refused.body["errors"][0]["field"], "name");
    assert_eq!(refused.body["errors"][0]["params"]["max"], json!(LONG_NAME_MAX));
    // The largest page size the document states is served; a listed sort order is accepted.
    let limit = forecourt_domain::paging::MAX_PAGE_SIZE;
    let page = t.get(&format!("/api/v1/customers?limit={limit}&sort=name"), Auth::Session(&manager)).await;
    assert_eq!(page.status, StatusCode::OK, "{:?}", page.body);
});
