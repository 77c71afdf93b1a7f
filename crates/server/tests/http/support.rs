//! A test server: the real router over a fresh database, a clock the test controls, and
//! fixtures of two dealers of one group with a user of every built-in role.

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use chrono::{TimeZone, Utc};
use forecourt_admin::AdminExt as _;
use forecourt_admin::departments::NewDepartment;
use forecourt_admin::teams::NewTeam;
use forecourt_admin::users::NewUser;
use forecourt_catalog::CatalogExt as _;
use forecourt_customers::CustomersExt as _;
use forecourt_db::testing::TestDb;
use forecourt_domain::role::BuiltinRole;
use forecourt_http::{AppState, HttpSettings};
use forecourt_kernel::org::{GroupKind, NewDealer, NewGroup};
use forecourt_kernel::{App, CoreSettings, ManualClock};
use forecourt_sales::SalesExt as _;
use http_body_util::BodyExt;
use serde_json::{Value, json};
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use tower::ServiceExt;

pub const PASSWORD: &str = "correct-horse-9";

pub struct TestApp {
    pub router: Router,
    pub app: App,
    pub clock: Arc<ManualClock>,
    pub db: TestDb,
    next_ip: AtomicU32,
}

/// A logged-in browser: the session cookie and the CSRF token.
#[derive(Clone, Debug)]
pub struct Session {
    pub cookie: String,
    pub csrf: String,
}

/// How a request authenticates.
#[derive(Clone, Copy, Debug)]
pub enum Auth<'a> {
    None,
    Session(&'a Session),
    /// A session cookie without the CSRF header.
    SessionWithoutCsrf(&'a Session),
    Bearer(&'a str),
}

#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Value,
}

impl Reply {
    /// The problem+json `code`, if the reply is a problem.
    pub fn code(&self) -> &str {
        self.body.get("code").and_then(Value::as_str).unwrap_or("")
    }
}

impl TestApp {
    pub async fn new(db: TestDb) -> Self {
        let clock = Arc::new(ManualClock::new(
            Utc.with_ymd_and_hms(2026, 11, 2, 1, 0, 0).unwrap(),
        ));
        let app = forecourt_server::modules::app_with_clock(
            db.db.clone(),
            CoreSettings::default(),
            clock.clone(),
        );
        let settings = HttpSettings {
            secure_cookies: false,
            trust_forwarded_headers: true,
        };
        let router = forecourt_http::app(AppState::new(
            app.clone(),
            settings,
            forecourt_server::modules::MODULES,
        ));
        Self {
            router,
            app,
            clock,
            db,
            next_ip: AtomicU32::new(1),
        }
    }

    /// A client address of its own for each call, so tests do not trip the login rate limit
    /// unless they mean to.
    pub fn fresh_ip(&self) -> String {
        let n = self.next_ip.fetch_add(1, Ordering::Relaxed);
        format!("10.{}.{}.{}", (n >> 16) & 255, (n >> 8) & 255, n & 255)
    }

    pub async fn send(
        &self,
        method: Method,
        path: &str,
        auth: Auth<'_>,
        body: Option<Value>,
    ) -> Reply {
        self.send_from(method, path, auth, body, &self.fresh_ip())
            .await
    }

    pub async fn send_from(
        &self,
        method: Method,
        path: &str,
        auth: Auth<'_>,
        body: Option<Value>,
        ip: &str,
    ) -> Reply {
        self.send_with(method, path, auth, body, &[("x-forwarded-for", ip)])
            .await
    }

    /// A request with extra headers (`Idempotency-Key`, `Accept-Language`, ...).
    pub async fn send_with(
        &self,
        method: Method,
        path: &str,
        auth: Auth<'_>,
        body: Option<Value>,
        headers: &[(&str, &str)],
    ) -> Reply {
        let mut builder = Request::builder().method(method).uri(path);
        if !headers.iter().any(|(name, _)| *name == "x-forwarded-for") {
            builder = builder.header("x-forwarded-for", self.fresh_ip());
        }
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        match auth {
            Auth::None => {}
            Auth::Session(session) => {
                builder = builder
                    .header(
                        header::COOKIE,
                        format!("forecourt_session={}", session.cookie),
                    )
                    .header("x-csrf-token", &session.csrf);
            }
            Auth::SessionWithoutCsrf(session) => {
                builder = builder.header(
                    header::COOKIE,
                    format!("forecourt_session={}", session.cookie),
                );
            }
            Auth::Bearer(token) => {
                builder = builder.header(header::AUTHORIZATION, format!("Bearer {token}"));
            }
        }
        let request = match body {
            Some(json) => builder
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(json.to_string()))
                .unwrap(),
            None => builder.body(Body::empty()).unwrap(),
        };
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        let body = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes)
                .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into()))
        };
        Reply {
            status,
            headers,
            body,
        }
    }

    /// A GET whose body is returned as bytes (downloads).
    pub async fn get_bytes(
        &self,
        path: &str,
        session: &Session,
    ) -> (StatusCode, HeaderMap, Vec<u8>) {
        let request = Request::builder()
            .uri(path)
            .header(
                header::COOKIE,
                format!("forecourt_session={}", session.cookie),
            )
            .body(Body::empty())
            .unwrap();
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response
            .into_body()
            .collect()
            .await
            .unwrap()
            .to_bytes()
            .to_vec();
        (status, headers, bytes)
    }

    /// A request with a raw (non-JSON) body: CSV uploads.
    pub async fn send_raw(&self, method: Method, path: &str, auth: Auth<'_>, body: &str) -> Reply {
        let mut builder = Request::builder()
            .method(method)
            .uri(path)
            .header("x-forwarded-for", self.fresh_ip())
            .header(header::CONTENT_TYPE, "text/csv");
        if let Auth::Session(session) = auth {
            builder = builder
                .header(
                    header::COOKIE,
                    format!("forecourt_session={}", session.cookie),
                )
                .header("x-csrf-token", &session.csrf);
        }
        let response = self
            .router
            .clone()
            .oneshot(builder.body(Body::from(body.to_owned())).unwrap())
            .await
            .unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        Reply {
            status,
            headers,
            body,
        }
    }

    pub async fn get(&self, path: &str, auth: Auth<'_>) -> Reply {
        self.send(Method::GET, path, auth, None).await
    }

    pub async fn login_reply(&self, username: &str, password: &str, ip: &str) -> Reply {
        self.send_from(
            Method::POST,
            "/api/v1/auth/login",
            Auth::None,
            Some(json!({"username": username, "password": password})),
            ip,
        )
        .await
    }

    pub async fn login(&self, username: &str) -> Session {
        self.login_with(username, PASSWORD).await
    }

    pub async fn login_with(&self, username: &str, password: &str) -> Session {
        let reply = self.login_reply(username, password, &self.fresh_ip()).await;
        assert_eq!(
            reply.status,
            StatusCode::OK,
            "login of {username}: {:?}",
            reply.body
        );
        let cookie = reply
            .headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find_map(|v| v.strip_prefix("forecourt_session="))
            .and_then(|v| v.split(';').next())
            .expect("session cookie")
            .to_owned();
        let csrf = reply.body["csrf_token"]
            .as_str()
            .expect("csrf token")
            .to_owned();
        Session { cookie, csrf }
    }

    pub fn clock_now(&self) -> chrono::DateTime<Utc> {
        use forecourt_kernel::Clock;
        self.clock.now()
    }

    /// The count of rows in a table (to prove a denied write changed nothing).
    pub async fn count(&self, table: &str) -> i64 {
        self.count_where(table, "1 = 1").await
    }

    /// The count of rows of a table matching a condition.
    pub async fn count_where(&self, table: &str, condition: &str) -> i64 {
        use forecourt_db::ConnectionTrait;
        let backend = self.db.db.conn().get_database_backend();
        let row = self
            .db
            .db
            .conn()
            .query_one_raw(sea_orm::Statement::from_string(
                backend,
                format!("SELECT COUNT(*) AS n FROM {table} WHERE {condition}"),
            ))
            .await
            .unwrap()
            .unwrap();
        row.try_get::<i64>("", "n").unwrap()
    }
}

/// Records of one dealer that tests act on.
#[derive(Clone, Debug)]
pub struct DealerFixture {
    pub code: String,
    pub dealer_id: String,
    /// A sales consultant no test logs in as: the target of user edits.
    pub target_user_id: String,
    pub team_id: String,
    pub empty_team_id: String,
    pub department_id: String,
    pub custom_role_key: String,
    pub api_token_id: String,
    pub api_token: String,
}

impl DealerFixture {
    /// The username of this dealer's user of a built-in role.
    pub fn username(&self, role: BuiltinRole) -> String {
        format!(
            "{}-{}",
            self.code.to_lowercase(),
            role.key().replace('_', "-")
        )
    }
}

pub struct World {
    pub a: DealerFixture,
    pub b: DealerFixture,
}

/// Two dealers, A and B, of one group; each with a department, teams, a custom role, a user of
/// every built-in role (password [`PASSWORD`]) and an API token of its admin.
pub async fn world(t: &TestApp) -> World {
    t.app
        .create_group(NewGroup {
            code: "GRP".into(),
            name: "测试集团".into(),
            kind: GroupKind::DealerGroup,
        })
        .await
        .unwrap();
    let a = dealer(t, "DA", "甲4S店").await;
    let b = dealer(t, "DB", "乙4S店").await;
    World { a, b }
}

async fn dealer(t: &TestApp, code: &str, name: &str) -> DealerFixture {
    let app = &t.app;
    let dealer = app
        .create_dealer(NewDealer {
            code: code.into(),
            name: name.into(),
            group_code: Some("GRP".into()),
            time_zone: None,
            locale: None,
        })
        .await
        .unwrap();
    let system = app.system_actor(dealer.id).await.unwrap();
    let department = app
        .admin()
        .create_department(
            &system,
            NewDepartment {
                name: "销售部".into(),
            },
        )
        .await
        .unwrap();
    let team = app
        .admin()
        .create_team(
            &system,
            NewTeam {
                name: "销售一组".into(),
                department_id: Some(department.id),
                leader_id: None,
            },
        )
        .await
        .unwrap();
    let empty_team = app
        .admin()
        .create_team(
            &system,
            NewTeam {
                name: "空组".into(),
                department_id: None,
                leader_id: None,
            },
        )
        .await
        .unwrap();
    let prefix = code.to_lowercase();
    for role in BuiltinRole::ALL {
        let team_id = matches!(
            role,
            BuiltinRole::SalesConsultant | BuiltinRole::SalesManager
        )
        .then_some(team.id);
        app.admin()
            .create_user(
                &system,
                NewUser {
                    username: format!("{prefix}-{}", role.key().replace('_', "-")),
                    display_name: format!("{code} {}", role.name_zh()),
                    password: PASSWORD.into(),
                    role: role.key().into(),
                    team_id,
                    email: None,
                    phone: Some("13812345678".into()),
                    locale: None,
                },
            )
            .await
            .unwrap();
    }
    let target = app
        .admin()
        .create_user(
            &system,
            NewUser {
                username: format!("{prefix}-target"),
                display_name: "目标用户".into(),
                password: PASSWORD.into(),
                role: "sales_consultant".into(),
                team_id: Some(team.id),
                email: Some("target@example.cn".into()),
                phone: Some("13912345678".into()),
                locale: None,
            },
        )
        .await
        .unwrap();
    let role = app
        .admin()
        .create_role(
            &system,
            forecourt_admin::roles::NewRole {
                key: "floor_lead".into(),
                name: "展厅主管".into(),
                description: None,
                grants: vec![forecourt_domain::permission::Grant::new(
                    forecourt_domain::permission::Permission::UserRead,
                    forecourt_domain::permission::Scope::Dealer,
                )],
            },
        )
        .await
        .unwrap();
    // The admin's API token, made through the API as the admin would.
    let admin = format!("{prefix}-admin");
    let reply = {
        let session = t.login(&admin).await;
        t.send(
            Method::POST,
            "/api/v1/api-tokens",
            Auth::Session(&session),
            Some(
                json!({"name": "DMS", "grants": [{"permission": "user:read", "scope": "dealer"}]}),
            ),
        )
        .await
    };
    assert_eq!(reply.status, StatusCode::CREATED, "{:?}", reply.body);
    let api_token_id = reply.body["api_token"]["id"].as_str().unwrap().to_owned();
    let api_token = reply.body["token"].as_str().unwrap().to_owned();

    DealerFixture {
        code: code.into(),
        dealer_id: dealer.id.to_string(),
        target_user_id: target.id.to_string(),
        team_id: team.id.to_string(),
        empty_team_id: empty_team.id.to_string(),
        department_id: department.id.to_string(),
        custom_role_key: role.key,
        api_token_id,
        api_token,
    }
}

/// Declares an HTTP test on both backends with a [`TestApp`].
#[macro_export]
macro_rules! http_test {
    (async fn $name:ident($t:ident) $body:block) => {
        forecourt_db::db_test!(async fn $name(test_db) {
            let $t = $crate::http::support::TestApp::new(test_db).await;
            $body
        });
    };
}

/// Records of every kind in a dealer, for the permission matrix.
#[derive(Clone, Debug)]
pub struct DealerRecords {
    /// A customer of the dealer's consultant, with an ID number and a car.
    pub customer_id: String,
    /// Another of the consultant's customers (merged away by the matrix).
    pub victim_id: String,
    pub vehicle_id: String,
    /// A catalog brand with nothing under it, and a model of another brand.
    pub empty_brand_id: String,
    pub series_id: String,
    pub model_id: String,
    pub source_id: String,
    /// An uploaded customer file (headers 姓名, 手机).
    pub import_id: String,
    /// The admin's saved view.
    pub saved_view_id: String,
    /// Work engine records: activities of the consultant, approvals the consultant asked
    /// for, a queued job and an outbound message.
    pub work: super::matrix_work::WorkRecords,
    /// The sales consultant's user id.
    pub consultant_id: String,
    pub sales: SalesRecords,
}

/// The consultant's leads in the states the sales endpoints act on.
#[derive(Clone, Debug)]
pub struct SalesRecords {
    /// Open, with an opportunity at the first stage.
    pub lead_id: String,
    pub opportunity_id: String,
    /// Open, without an opportunity (one is opened by the matrix, then it is marked lost).
    pub fresh_lead_id: String,
    /// Waiting for the manager to approve its loss.
    pub pending_lead_id: String,
    /// Lost.
    pub lost_lead_id: String,
    /// The `quote` stage.
    pub stage_id: String,
    pub car_id: String,
    /// Booked on 20 November for the fixture customer; and a second one to cancel.
    pub booking_id: String,
    pub cancel_booking_id: String,
}

/// Creates the sales records of a dealer through the use cases, as the consultant would.
async fn sales_records(
    app: &forecourt_kernel::App,
    consultant: &forecourt_kernel::auth::Actor,
    manager: &forecourt_kernel::auth::Actor,
    customer_id: &str,
    phone_prefix: &str,
) -> SalesRecords {
    use serde_json::json;
    fn input<T: serde::de::DeserializeOwned>(v: Value) -> T {
        serde_json::from_value(v).unwrap()
    }
    let mut leads = Vec::new();
    for (n, grade) in ["A", "B", "C", "H"].into_iter().enumerate() {
        let outcome = app
            .sales().register_reception(
                consultant,
                input(json!({
                    "customer": {"name": format!("线索客户{n}"), "phones": [{"number": format!("{phone_prefix}{n:04}")}]},
                    "grade": grade,
                    "models": [{"text": "途观L"}],
                })),
            )
            .await
            .unwrap();
        leads.push(outcome.lead.expect("the consultant's own lead"));
    }
    let opportunity = app
        .sales()
        .open_opportunity(
            consultant,
            leads[0].id,
            input(json!({"amount_fen": 21_980_000})),
        )
        .await
        .unwrap();
    let pending = app
        .sales()
        .mark_lead_lost(
            consultant,
            leads[2].id,
            input(json!({"version": leads[2].version, "reason": "postponed"})),
        )
        .await
        .unwrap();
    assert_eq!(
        pending.status,
        forecourt_domain::sales::LeadStatus::LostPending
    );
    let lost = app
        .sales().mark_lead_lost(
            manager,
            leads[3].id,
            input(json!({"version": leads[3].version, "reason": "price", "competitor_brand": "比亚迪"})),
        )
        .await
        .unwrap();
    assert_eq!(lost.status, forecourt_domain::sales::LeadStatus::Lost);
    let stage = app
        .sales()
        .pipeline_stages(consultant)
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.key == "quote")
        .unwrap();
    let car = app
        .sales()
        .create_test_drive_car(
            manager,
            input(json!({"name": "途观L 试驾车", "plate": "浙A0000D"})),
        )
        .await
        .unwrap();
    let mut bookings = Vec::new();
    for day in [20, 21] {
        let booking = app
            .sales()
            .book_test_drive(
                consultant,
                input(json!({
                    "car_id": car.id,
                    "customer_id": customer_id,
                    "starts_at": format!("2026-11-{day}T02:00:00Z"),
                    "ends_at": format!("2026-11-{day}T03:00:00Z"),
                })),
            )
            .await
            .unwrap();
        bookings.push(booking.id.to_string());
    }
    SalesRecords {
        lead_id: leads[0].id.to_string(),
        opportunity_id: opportunity.id.to_string(),
        fresh_lead_id: leads[1].id.to_string(),
        pending_lead_id: leads[2].id.to_string(),
        lost_lead_id: leads[3].id.to_string(),
        stage_id: stage.id.to_string(),
        car_id: car.id.to_string(),
        booking_id: bookings[0].clone(),
        cancel_booking_id: bookings[1].clone(),
    }
}

pub async fn records(t: &TestApp, d: &DealerFixture) -> DealerRecords {
    let app = &t.app;
    let prefix = d.code.to_lowercase();
    let system = app
        .system_actor(d.dealer_id.parse().unwrap())
        .await
        .unwrap();
    let admin = format!("{prefix}-admin");
    use forecourt_customers::{NewCustomer, PhoneInput};
    let consultant = t
        .app
        .login(forecourt_kernel::auth::LoginInput {
            username: format!("{prefix}-sales-consultant"),
            password: PASSWORD.into(),
            ip: format!("fixture-{prefix}"),
            user_agent: None,
        })
        .await
        .unwrap()
        .actor;
    let customer_input =
        |name: &str, phone: &str, id_number: Option<&str>, vin: Option<&str>| NewCustomer {
            kind: forecourt_customers::CustomerKind::Person,
            name: name.into(),
            gender: None,
            birthday: None,
            phones: vec![PhoneInput {
                number: phone.into(),
                label: forecourt_customers::PhoneLabel::Mobile,
            }],
            wechat_id: None,
            email: None,
            address: Default::default(),
            id_number: id_number.map(str::to_owned),
            occupation: None,
            notes: None,
            tags: vec![],
            source: Some("walk_in".into()),
            owner_id: None,
            companions: vec![],
            consents: vec![],
            vehicles: vin
                .map(|vin| {
                    vec![forecourt_customers::vehicles::VehicleInput {
                        vin: Some(vin.into()),
                        accept_vin_check_digit: true,
                        plate: Some("浙A88888".into()),
                        brand: Some("大众".into()),
                        ..Default::default()
                    }]
                })
                .unwrap_or_default(),
            allow_duplicate: true,
        };
    let customer = app
        .customers()
        .create_customer(
            &consultant,
            customer_input(
                "张伟",
                "13812345678",
                Some("11010519491231002X"),
                Some("LSVAU2180N2183516"),
            ),
        )
        .await
        .unwrap();
    let victim = app
        .customers()
        .create_customer(
            &consultant,
            customer_input("张 伟", "13812340000", None, None),
        )
        .await
        .unwrap();
    let empty_brand = app
        .catalog()
        .create_brand(
            &system,
            forecourt_catalog::NewBrand {
                name: "空品牌".into(),
            },
        )
        .await
        .unwrap();
    let brand = app
        .catalog()
        .create_brand(
            &system,
            forecourt_catalog::NewBrand {
                name: "大众".into(),
            },
        )
        .await
        .unwrap();
    let series = app
        .catalog()
        .create_series(
            &system,
            forecourt_catalog::NewSeries {
                brand_id: brand.id,
                name: "途观L".into(),
            },
        )
        .await
        .unwrap();
    let model = app
        .catalog()
        .create_model(
            &system,
            forecourt_catalog::NewModel {
                series_id: series.id,
                name: "330TSI".into(),
                model_year: 2026,
                body_type: forecourt_catalog::BodyType::Suv,
                powertrain: forecourt_catalog::Powertrain::Petrol,
                guide_price_fen: forecourt_domain::money::Fen(21_980_000),
                colours: vec![],
                active: true,
            },
        )
        .await
        .unwrap();
    let source = app
        .create_lookup(
            &system,
            forecourt_kernel::lookups::LookupList::Source,
            forecourt_kernel::lookups::NewLookup {
                key: "dongchedi".into(),
                name: "懂车帝".into(),
            },
        )
        .await
        .unwrap();
    let admin_actor = t
        .app
        .login(forecourt_kernel::auth::LoginInput {
            username: admin.clone(),
            password: PASSWORD.into(),
            ip: format!("fixture-{prefix}"),
            user_agent: None,
        })
        .await
        .unwrap()
        .actor;
    let import = app
        .customers()
        .upload_customer_import(
            &admin_actor,
            "客户.csv",
            "姓名,手机\n李娜,13900001111\n".as_bytes().to_vec(),
        )
        .await
        .unwrap();
    let view = app
        .create_saved_view(
            &admin_actor,
            forecourt_kernel::saved_views::NewSavedView {
                resource: "customers".into(),
                name: "VIP".into(),
                query: serde_json::json!({"tag": "VIP"}),
            },
        )
        .await
        .unwrap();
    let manager = t
        .app
        .login(forecourt_kernel::auth::LoginInput {
            username: format!("{prefix}-sales-manager"),
            password: PASSWORD.into(),
            ip: format!("fixture-{prefix}"),
            user_agent: None,
        })
        .await
        .unwrap()
        .actor;
    let phone_prefix = if prefix == "da" { "1361111" } else { "1362222" };
    let sales = sales_records(
        app,
        &consultant,
        &manager,
        &customer.id.to_string(),
        phone_prefix,
    )
    .await;
    let work = super::matrix_work::records(t, &consultant, &system, customer.id).await;
    DealerRecords {
        work,
        consultant_id: consultant.user_id().to_string(),
        sales,
        customer_id: customer.id.to_string(),
        victim_id: victim.id.to_string(),
        vehicle_id: customer.vehicles[0].id.to_string(),
        empty_brand_id: empty_brand.id.to_string(),
        series_id: series.id.to_string(),
        model_id: model.id.to_string(),
        source_id: source.id.to_string(),
        import_id: import.id.to_string(),
        saved_view_id: view.id.to_string(),
    }
}
