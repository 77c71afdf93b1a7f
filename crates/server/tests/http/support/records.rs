//! Records of every kind in a dealer (customers, vehicles, catalog, imports, saved views,
//! work items and sales records), created through the use cases, for the permission matrix.

use super::DealerFixture;
use super::{PASSWORD, TestApp};
use forecourt_catalog::CatalogExt as _;
use forecourt_customers::CustomersExt as _;
use forecourt_sales::SalesExt as _;
use serde_json::Value;

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
    pub work: crate::http::matrix_work::WorkRecords,
    /// The sales consultant's user id.
    pub consultant_id: String,
    pub sales: SalesRecords,
    /// A unit in stock (stock), and its catalog model.
    pub stock_unit_id: String,
    pub stock_model_id: String,
    /// The deal's records: an accessory, a quote, an appraisal.
    pub deal: crate::http::deal::records::DealRecords,
    /// An order of the consultant (its quote id made up), open, with no car.
    pub order_id: String,
    /// After-sales: a repair order of the customer's car with its lines and a clock-on, and
    /// the parts price list.
    pub repair: crate::http::matrix::aftersales_repair::RepairRecords,
    /// After-sales' service records: the default plan and two appointments.
    pub service: crate::http::aftersales::service_records::ServiceRecords,
    /// A policy of the fixture car and its open renewal, with the renewal agent.
    pub insurance: crate::http::matrix::aftersales_insurance::InsuranceRecords,
    /// A complaint of the customer, assigned to the consultant.
    pub complaint_id: String,
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
    let work = crate::http::matrix_work::records(t, &consultant, &system, customer.id).await;
    let (stock_unit, stock_model_id) = {
        use forecourt_stock::StockExt as _;
        // A model of its own, so the catalog's rows may still delete the fixture's model.
        let stocked = app
            .catalog()
            .create_model(
                &system,
                forecourt_catalog::NewModel {
                    series_id: series.id,
                    name: "380TSI".into(),
                    model_year: 2026,
                    body_type: forecourt_catalog::BodyType::Suv,
                    powertrain: forecourt_catalog::Powertrain::Petrol,
                    guide_price_fen: forecourt_domain::money::Fen(25_980_000),
                    colours: vec![],
                    active: true,
                },
            )
            .await
            .unwrap();
        let new =
            serde_json::json!({"vin": crate::http::stock::vin(1), "catalog_model_id": stocked.id});
        let unit = app
            .stock()
            .create_unit(&system, serde_json::from_value(new).unwrap())
            .await
            .unwrap();
        (unit, stocked.id.to_string())
    };
    let deal = crate::http::deal::records::records(
        app,
        &system,
        &manager,
        &consultant,
        &series.id.to_string(),
        &sales.opportunity_id,
        &customer.id.to_string(),
        &customer.vehicles[0].id.to_string(),
    )
    .await;
    let order_id =
        crate::http::orders::seed_order(t, &consultant, &sales.lead_id, customer.id.uuid()).await;
    let repair = crate::http::matrix::aftersales_repair::records(
        t,
        &prefix,
        &customer.id.to_string(),
        &customer.vehicles[0].id.to_string(),
    )
    .await;
    let service = crate::http::aftersales::service_records::records(
        app,
        &system,
        &customer.vehicles[0].id.to_string(),
    )
    .await;
    let insurance = crate::http::matrix::aftersales_insurance::records(
        app,
        &system,
        &customer.vehicles[0].id.to_string(),
    )
    .await;
    let complaint_id = crate::http::matrix::care::records(
        app,
        &system,
        &customer.id.to_string(),
        &consultant.user_id().to_string(),
    )
    .await;
    DealerRecords {
        complaint_id,
        repair,
        service,
        insurance,
        stock_unit_id: stock_unit.unit.id.to_string(),
        stock_model_id,
        deal,
        order_id,
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
