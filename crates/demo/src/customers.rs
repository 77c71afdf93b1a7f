//! Demo customers, cars and the catalog: the group's catalog kept by the Hangzhou store and
//! published to the group, a few customers with full stories, and a few hundred more imported
//! from a generated spreadsheet the way a dealer brings in its old records.

use super::fake::{CATALOG, COLOURS, Faker, MAKERS, customer_sheet_in};
use chrono::Duration;
use forecourt_admin::AdminExt as _;
use forecourt_admin::users::UserQuery;
use forecourt_catalog::CatalogExt as _;
use forecourt_catalog::{BodyType, Colour, NewBrand, NewModel, NewSeries, Powertrain};
use forecourt_customers::CustomersExt as _;
use forecourt_customers::import::{ImportMode, ImportOptions, OnDuplicate};
use forecourt_customers::vehicles::{MileageInput, TransferInput, VehicleInput};
use forecourt_customers::{
    CompanionInput, ConsentChange, ConsentChannel, ConsentInput, ConsentMethod, CustomerKind,
    Gender, NewCustomer, PhoneInput, PhoneLabel, Relation,
};
use forecourt_domain::ids::UserId;
use forecourt_domain::money::Fen;
use forecourt_kernel::app::App;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::CoreResult;

/// Fills a dealer's catalog from the demo catalog (when it is empty).
pub(super) async fn catalog(app: &App, system: &Actor) -> CoreResult<bool> {
    if !app.catalog().get_catalog(system).await?.is_empty() {
        return Ok(false);
    }
    let mut brand_ids = std::collections::HashMap::new();
    for (brand, series, trims) in CATALOG {
        let brand_id = match brand_ids.get(brand) {
            Some(id) => *id,
            None => {
                let id = app
                    .catalog()
                    .create_brand(system, NewBrand { name: brand.into() })
                    .await?
                    .id;
                brand_ids.insert(brand, id);
                id
            }
        };
        let series_id = app
            .catalog()
            .create_series(
                system,
                NewSeries {
                    brand_id,
                    name: series.into(),
                },
            )
            .await?
            .id;
        for (i, (trim, body, power, price)) in trims.iter().enumerate() {
            let colours = COLOURS
                .iter()
                .skip(i)
                .take(4)
                .map(|c| Colour {
                    name: (*c).into(),
                    hex: None,
                })
                .collect();
            app.catalog()
                .create_model(
                    system,
                    NewModel {
                        series_id,
                        name: (*trim).into(),
                        model_year: 2026,
                        body_type: serde_json::from_value::<BodyType>(serde_json::json!(body))
                            .unwrap_or(BodyType::Sedan),
                        powertrain: serde_json::from_value::<Powertrain>(serde_json::json!(power))
                            .unwrap_or(Powertrain::Petrol),
                        guide_price_fen: Fen(price * 100),
                        colours,
                        active: true,
                    },
                )
                .await?;
        }
    }
    Ok(true)
}

async fn user_id(app: &App, system: &Actor, username: &str) -> CoreResult<Option<UserId>> {
    let found = app
        .admin()
        .list_users(
            system,
            UserQuery {
                q: Some(username.into()),
                ..UserQuery::default()
            },
        )
        .await?;
    Ok(found
        .items
        .into_iter()
        .find(|u| u.username == username)
        .map(|u| u.id))
}

fn person(name: &str, gender: Gender, phone: &str, owner: Option<UserId>) -> NewCustomer {
    NewCustomer {
        kind: CustomerKind::Person,
        name: name.into(),
        gender: Some(gender),
        birthday: None,
        phones: vec![PhoneInput {
            number: phone.into(),
            label: PhoneLabel::Mobile,
        }],
        wechat_id: None,
        email: None,
        address: Default::default(),
        id_number: None,
        occupation: None,
        notes: None,
        tags: vec![],
        source: Some("walk_in".into()),
        owner_id: owner,
        companions: vec![],
        consents: vec![],
        vehicles: vec![],
        allow_duplicate: true,
    }
}

fn car(f: &mut Faker, plate: &str, brand: &str, series: &str, year: i32, km: i32) -> VehicleInput {
    let wmi = MAKERS
        .iter()
        .find(|(_, b)| *b == brand)
        .map_or("LSV", |(w, _)| *w);
    VehicleInput {
        vin: Some(f.vin(wmi, year)),
        plate: Some(plate.into()),
        brand: Some(brand.into()),
        series: Some(series.into()),
        colour: Some(f.colour().into()),
        model_year: Some(year),
        bought_here: true,
        mileage_km: Some(km),
        ..VehicleInput::default()
    }
}

/// The customers of a dealer, when it has none yet.
pub(super) async fn customers(
    app: &App,
    system: &Actor,
    prefix: &str,
    city: char,
    seed: u64,
) -> CoreResult<bool> {
    if !app
        .customers()
        .list_customers(system, Default::default())
        .await?
        .items
        .is_empty()
    {
        return Ok(false);
    }
    let today = app.today(system);
    let mut f = Faker::new(seed);
    let consultant = user_id(app, system, &format!("{prefix}-consultant")).await?;
    let manager = user_id(app, system, &format!("{prefix}-sales-manager")).await?;
    let plate = |n: &str| format!("浙{city}{n}");

    // 王建华: a family buyer with his wife's say, a car bought here, mileage over the years.
    let mut wang = person("王建华", Gender::Male, "13857108826", consultant);
    wang.phones.push(PhoneInput {
        number: "0571-88032619".into(),
        label: PhoneLabel::Work,
    });
    wang.id_number = Some(f.id_number(
        chrono::NaiveDate::from_ymd_opt(1982, 5, 14).unwrap_or(today),
        true,
    ));
    wang.occupation = Some("工程师".into());
    wang.wechat_id = Some("wangjianhua_82".into());
    wang.address = forecourt_customers::AddressInput {
        province: Some("浙江省".into()),
        city: Some(
            if city == 'A' {
                "杭州市"
            } else {
                "宁波市"
            }
            .into(),
        ),
        district: Some(
            if city == 'A' {
                "西湖区"
            } else {
                "海曙区"
            }
            .into(),
        ),
        street: Some("文三路 199 号".into()),
    };
    wang.tags = vec!["老客户".into(), "置换意向".into()];
    wang.notes = Some("周末下午方便到店，关注七座 SUV".into());
    wang.companions = vec![CompanionInput {
        relation: Relation::Spouse,
        name: "李秀英".into(),
        phone: Some("13957106612".into()),
        notes: Some("购车意见关键人".into()),
    }];
    wang.consents = vec![
        ConsentInput {
            channel: ConsentChannel::Sms,
            granted: true,
            method: ConsentMethod::WrittenForm,
            note: None,
        },
        ConsentInput {
            channel: ConsentChannel::Phone,
            granted: true,
            method: ConsentMethod::WrittenForm,
            note: None,
        },
    ];
    // Its readings come below, oldest first: a reading of today would refuse the older ones.
    wang.vehicles = vec![VehicleInput {
        mileage_km: None,
        ..car(&mut f, &plate("5G8K2"), "大众", "途观L", 2022, 18_200)
    }];
    let wang = app.customers().create_customer(system, wang).await?;
    let wang_car = wang.vehicles[0].id;
    for (days, km, source) in [
        (300, 26_400, "service"),
        (120, 34_900, "service"),
        (10, 41_350, "customer"),
    ] {
        app.customers()
            .record_mileage(
                system,
                wang_car,
                MileageInput {
                    km,
                    read_on: Some(today - Duration::days(days)),
                    source: Some(source.into()),
                },
            )
            .await?;
    }

    // 陈晓燕: a new-energy driver reached on WeChat.
    let mut chen = person("陈晓燕", Gender::Female, "18867125530", consultant);
    chen.email = Some("chenxy@example.cn".into());
    chen.wechat_id = Some("xiaoyan_chen".into());
    chen.source = Some("web".into());
    chen.tags = vec!["新能源意向".into()];
    chen.vehicles = vec![car(&mut f, &plate("D52871"), "比亚迪", "汉", 2024, 9_800)];
    chen.consents = vec![ConsentInput {
        channel: ConsentChannel::Wechat,
        granted: true,
        method: ConsentMethod::WebForm,
        note: None,
    }];
    app.customers().create_customer(system, chen).await?;

    // A fleet customer.
    let mut fleet = person(
        "杭州恒达物流有限公司",
        Gender::Male,
        "0571-86917733",
        manager,
    );
    fleet.kind = CustomerKind::Company;
    fleet.gender = None;
    fleet.source = Some("referral".into());
    fleet.tags = vec!["集团客户".into()];
    fleet.vehicles = (0..3)
        .map(|i| {
            car(
                &mut f,
                &plate(&format!("7H3{i}5")),
                "大众",
                "帕萨特",
                2021 + i,
                60_000 - i * 15_000,
            )
        })
        .collect();
    app.customers().create_customer(system, fleet).await?;

    // 刘志强: bought elsewhere, in the pool, and stopped SMS by replying TD.
    let mut liu = person("刘志强", Gender::Male, "13605812247", None);
    liu.source = Some("phone".into());
    liu.vehicles = vec![VehicleInput {
        bought_here: false,
        ..car(&mut f, &plate("K8821"), "丰田", "凯美瑞", 2019, 88_000)
    }];
    liu.consents = vec![ConsentInput {
        channel: ConsentChannel::Sms,
        granted: true,
        method: ConsentMethod::Verbal,
        note: None,
    }];
    let liu = app.customers().create_customer(system, liu).await?;
    app.customers()
        .record_consent(
            system,
            liu.id,
            ConsentChange {
                version: liu.version,
                consent: ConsentInput {
                    channel: ConsentChannel::Sms,
                    granted: false,
                    method: ConsentMethod::MessageReply,
                    note: Some("回复 TD 退订".into()),
                },
            },
        )
        .await?;

    // 周敏 sold her car to her brother 周强.
    let mut zhou_min = person("周敏", Gender::Female, "13758123390", consultant);
    zhou_min.vehicles = vec![car(&mut f, &plate("3X0L9"), "本田", "雅阁", 2018, 97_000)];
    let zhou_min = app.customers().create_customer(system, zhou_min).await?;
    let zhou_qiang = app
        .customers()
        .create_customer(
            system,
            person("周强", Gender::Male, "13758123391", consultant),
        )
        .await?;
    let sold = &zhou_min.vehicles[0];
    app.customers()
        .transfer_vehicle(
            system,
            sold.id,
            TransferInput {
                version: sold.version,
                customer_id: zhou_qiang.id,
                on: Some(today - Duration::days(45)),
            },
        )
        .await?;

    // And a few hundred more from an "old spreadsheet".
    let names = demo_owner_names(app, system, prefix).await?;
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let sheet = customer_sheet_in(&mut f, 400, today, &names, '浙', &[city]);
    let upload = app
        .customers()
        .upload_customer_import(system, "历史客户档案.csv", sheet.into_bytes())
        .await?;
    app.customers()
        .run_customer_import(
            system,
            upload.id,
            ImportOptions {
                mapping: upload.suggested_mapping,
                on_duplicate: OnDuplicate::Update,
                mode: ImportMode::SkipInvalid,
                save_mapping_as: Some("历史档案".into()),
            },
        )
        .await?;
    Ok(true)
}

/// The display names of the demo sales staff customers are spread over.
async fn demo_owner_names(app: &App, system: &Actor, prefix: &str) -> CoreResult<Vec<String>> {
    let mut names = Vec::new();
    for username in ["consultant", "sales-manager"] {
        let found = app
            .admin()
            .list_users(
                system,
                UserQuery {
                    q: Some(format!("{prefix}-{username}")),
                    ..UserQuery::default()
                },
            )
            .await?;
        names.extend(found.items.into_iter().map(|u| u.display_name));
    }
    Ok(names)
}
