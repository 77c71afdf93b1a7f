//! Search recall: for every query, every customer a brute-force scan finds, search finds —
//! on SQLite and PostgreSQL, for a dealer-wide role and for a consultant limited to their own.

use forecourt_admin::AdminExt as _;
use forecourt_admin::users::NewUser;
use forecourt_customers::CustomersExt as _;
use forecourt_customers::SearchQuery;
use forecourt_customers::export::ExportFormat;
use forecourt_customers::import::{ImportField, ImportMode, ImportOptions, OnDuplicate};
use forecourt_db::db_test;
use forecourt_demo::fake::{Faker, customer_sheet};
use forecourt_domain::search::normalize;
use forecourt_kernel::auth::LoginInput;
use forecourt_kernel::org::NewDealer;
use forecourt_kernel::{Actor, App, CoreSettings};
use std::collections::{BTreeMap, BTreeSet};

struct Row {
    name: String,
    phones: Vec<String>,
    plates: Vec<String>,
    vins: Vec<String>,
    owner: String,
}

async fn login(
    app: &App,
    dealer: forecourt_domain::ids::DealerId,
    username: &str,
    role: &str,
    display: &str,
) -> Actor {
    let system = app.system_actor(dealer).await.unwrap();
    app.admin()
        .create_user(
            &system,
            NewUser {
                username: username.into(),
                display_name: display.into(),
                password: "long-enough-1".into(),
                role: role.into(),
                team_id: None,
                email: None,
                phone: None,
                locale: None,
            },
        )
        .await
        .unwrap();
    app.login(LoginInput {
        username: username.into(),
        password: "long-enough-1".into(),
        ip: username.into(),
        user_agent: None,
    })
    .await
    .unwrap()
    .actor
}

/// Every active customer as the export has them.
async fn scan(app: &App, actor: &Actor) -> Vec<Row> {
    let mut file = app
        .customers()
        .export_customers(actor, Default::default(), ExportFormat::Csv, false)
        .await
        .unwrap();
    let mut bytes = Vec::new();
    while let Some(chunk) = file.chunks.recv().await {
        bytes.extend(chunk.unwrap());
    }
    let text = String::from_utf8(bytes).unwrap();
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{FEFF}').as_bytes());
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            let cars: Vec<&str> = r[20].split("; ").filter(|c| !c.is_empty()).collect();
            Row {
                name: r[0].to_owned(),
                phones: std::iter::once(&r[4])
                    .chain(r[5].split(' ').collect::<Vec<_>>().iter().copied())
                    .filter(|p| !p.is_empty())
                    .map(str::to_owned)
                    .collect(),
                plates: cars
                    .iter()
                    .filter_map(|c| c.split(' ').next())
                    .filter(|p| !p.is_empty() && !p.is_ascii())
                    .map(str::to_owned)
                    .collect(),
                vins: cars
                    .iter()
                    .filter_map(|c| c.split(' ').next_back())
                    .filter(|v| v.len() == 17)
                    .map(str::to_owned)
                    .collect(),
                owner: r[15].to_owned(),
            }
        })
        .collect()
}

/// What a query should find, by the rules of the search box.
fn matches(row: &Row, query: &str) -> bool {
    let q = normalize(query);
    let digits = q.chars().all(|c| c.is_ascii_digit());
    let name_hit = !digits && q.chars().count() >= 2 && normalize(&row.name).contains(&q);
    let phone_hit = digits
        && row.phones.iter().any(|p| {
            let d: String = p.chars().filter(char::is_ascii_digit).collect();
            (q.len() >= 7 && d == q) || (q.len() == 4 && d.ends_with(&q))
        });
    let plate_hit = row.plates.iter().any(|p| {
        let n = normalize(p);
        n == q || n.chars().skip(1).collect::<String>() == q
    });
    let vin_hit = row.vins.iter().any(|v| {
        let n = normalize(v);
        n == q || (q.len() == 6 && n.ends_with(&q))
    });
    name_hit || phone_hit || plate_hit || vin_hit
}

async fn check(app: &App, actor: &Actor, rows: &[Row], queries: &[String]) -> usize {
    let mut checked = 0;
    for query in queries {
        let expected: BTreeSet<String> = rows
            .iter()
            .filter(|r| matches(r, query))
            .map(|r| r.phones[0].clone())
            .collect();
        if expected.is_empty() || expected.len() > 200 {
            continue;
        }
        let hits = app
            .customers()
            .search_customers(
                actor,
                SearchQuery {
                    q: query.clone(),
                    limit: Some(200),
                },
            )
            .await
            .unwrap();
        let found: BTreeSet<String> = hits
            .iter()
            .filter_map(|h| h.customer.phone.clone())
            .collect();
        let missing: Vec<&String> = expected.difference(&found).collect();
        assert!(
            missing.is_empty(),
            "query {query:?}: search missed {missing:?} (expected {}, found {})",
            expected.len(),
            found.len()
        );
        checked += 1;
    }
    checked
}

db_test!(async fn search_finds_everything_a_full_scan_finds(test_db) {
    let app = forecourt_server::modules::app(test_db.db.clone(), CoreSettings::default());
    let dealer = app
        .create_dealer(NewDealer { code: "HZ01".into(), name: "杭州西湖汽车4S店".into(), group_code: None, time_zone: None, locale: None })
        .await
        .unwrap();
    let admin = login(&app, dealer.id, "admin", "admin", "管理员").await;
    let consultant = login(&app, dealer.id, "zhangwei", "sales_consultant", "张伟顾问").await;

    let today = app.today(&admin);
    let sheet = customer_sheet(&mut Faker::new(20261122), 1500, today, &["张伟顾问"]);
    let upload = app.customers().upload_customer_import(&admin, "老客户.csv", sheet.into_bytes()).await.unwrap();
    let mapping: BTreeMap<String, ImportField> = upload.suggested_mapping.clone();
    let report = app
        .customers().run_customer_import(&admin, upload.id, ImportOptions { mapping, on_duplicate: OnDuplicate::Update, mode: ImportMode::SkipInvalid, save_mapping_as: None })
        .await
        .unwrap();
    assert!(report.created > 1400, "{report:?}");

    let rows = scan(&app, &admin).await;
    assert_eq!(rows.len(), report.created);
    let mut queries: Vec<String> = Vec::new();
    for row in rows.iter().step_by(7) {
        let chars: Vec<char> = row.name.chars().collect();
        queries.extend(chars.windows(2).map(|w| w.iter().collect::<String>()));
        queries.push(row.name.clone());
        queries.extend(row.phones.iter().map(|p| p[p.len() - 4..].to_owned()));
        queries.push(row.phones[0].clone());
        queries.extend(row.plates.iter().cloned());
        queries.extend(row.plates.iter().map(|p| p.chars().skip(1).collect::<String>()));
        queries.extend(row.vins.iter().map(|v| v[11..].to_owned()));
        queries.extend(row.vins.iter().cloned());
    }
    queries.sort();
    queries.dedup();
    let checked = check(&app, &admin, &rows, &queries).await;
    assert!(checked > 500, "only {checked} queries had results");

    // A consultant's search reaches exactly their own customers.
    let own: Vec<Row> = rows.into_iter().filter(|r| r.owner == "张伟顾问").collect();
    assert!(own.len() > 300);
    let checked = check(&app, &consultant, &own, &queries).await;
    assert!(checked > 100, "only {checked} of the consultant's queries had results");
    for query in &queries[..50] {
        for hit in app.customers().search_customers(&consultant, SearchQuery { q: query.clone(), limit: Some(200) }).await.unwrap() {
            assert_eq!(hit.customer.owner.map(|o| o.display_name), Some("张伟顾问".to_owned()), "{query}");
        }
    }
});
