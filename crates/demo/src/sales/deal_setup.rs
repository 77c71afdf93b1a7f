//! The deal desk's ground for the demo: each trim's dated price and known cost, its paint and
//! option groups, a comfort package, the dealer's accessories (精品), the discount a consultant
//! may give on their own, and the cars in stock — all made through the modules' own use cases.

use super::input;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use forecourt_catalog::CatalogExt as _;
use forecourt_deal::DealExt as _;
use forecourt_domain::ids::{CatalogModelId, ConfigItemId};
use forecourt_kernel::app::App;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::CoreResult;
use forecourt_stock::StockExt as _;
use serde_json::json;

use crate::fake::{Faker, MAKERS};

/// What the simulation quotes from for one series: its first trim, as configured.
pub(super) struct DemoTrim {
    pub model_id: CatalogModelId,
    pub model_year: i32,
    pub guide_fen: i64,
    /// The paint options (name, option id); the first costs nothing extra.
    pub paints: Vec<(String, ConfigItemId)>,
    /// The free options a customer may add.
    pub extras: Vec<ConfigItemId>,
    /// The comfort package (its options, priced together).
    pub package: Option<ConfigItemId>,
    /// The brand's world manufacturer identifier, for stock VINs.
    pub wmi: &'static str,
}

/// A consultant may give ¥5,000 on their own; more needs the sales manager.
pub(super) const CONSULTANT_DISCOUNT_LIMIT_FEN: i64 = 500_000;

/// Configures the first trim of every series (in the order the simulation lists them) and the
/// dealer's accessories; returns the trims and the accessories' ids.
pub(super) async fn configure(
    app: &App,
    manager: &Actor,
    since: NaiveDate,
) -> CoreResult<(Vec<DemoTrim>, Vec<ConfigItemId>)> {
    let settings = app.deal().deal_settings(manager).await?;
    app.deal()
        .update_deal_settings(
            manager,
            input(json!({
                "version": settings.version,
                "max_discount_fen": CONSULTANT_DISCOUNT_LIMIT_FEN,
                "min_margin_fen": 0,
                "quote_valid_days": settings.quote_valid_days,
                "tax_rules": settings.tax_rules,
            }))?,
        )
        .await?;
    let price = |fen: i64, cost: Option<i64>| json!({"effective_from": since, "price_fen": fen, "cost_fen": cost});
    let mut accessories = Vec::new();
    for (name, fen, cost) in [
        ("全车脚垫", 80_000, 30_000),
        ("行车记录仪", 150_000, 60_000),
        ("隐形车衣", 520_000, 250_000),
        ("前挡隔热膜", 260_000, 90_000),
    ] {
        let item = app
            .deal()
            .create_config_item(
                manager,
                input(json!({"kind": "accessory", "name": name, "price": price(fen, Some(cost))}))?,
            )
            .await?;
        accessories.push(item.id);
    }
    let mut trims = Vec::new();
    let brands = app.catalog().get_catalog(manager).await?;
    for brand in &brands {
        for series in &brand.series {
            let Some(model) = series.models.first() else {
                continue;
            };
            let guide = model.guide_price_fen.0;
            let model_id = model.id.uuid();
            // The trim's own dated price (the guide price) and its unit cost to the dealer.
            app.deal()
                .create_config_item(
                    manager,
                    input(
                        json!({"kind": "vehicle", "model_id": model_id, "name": model.name,
                        "price": price(guide, Some(guide / 100 * 91))}),
                    )?,
                )
                .await?;
            let mut paints = Vec::new();
            let paint = if model.colours.is_empty() {
                None
            } else {
                Some(
                    app.deal()
                        .create_config_group(
                            manager,
                            input(json!({"model_id": model_id, "name": "车身颜色", "rule": "exclusive", "position": 1}))?,
                        )
                        .await?
                        .id,
                )
            };
            for (n, colour) in model.colours.iter().take(3).enumerate() {
                let fen = if n == 0 { 0 } else { 300_000 };
                let item = app
                    .deal()
                    .create_config_item(
                        manager,
                        input(json!({"kind": "option", "model_id": model_id, "group_id": paint,
                            "name": colour.name, "colour": colour.name, "price": price(fen, Some(fen / 2))}))?,
                    )
                    .await?;
                paints.push((colour.name.clone(), item.id));
            }
            let extras_group = app
                .deal()
                .create_config_group(
                    manager,
                    input(json!({"model_id": model_id, "name": "选装配置", "rule": "multi", "position": 2}))?,
                )
                .await?;
            let mut extras = Vec::new();
            for (name, fen) in [("全景天窗", 600_000), ("360°全景影像", 350_000)] {
                let item = app
                    .deal()
                    .create_config_item(
                        manager,
                        input(json!({"kind": "option", "model_id": model_id, "group_id": extras_group.id,
                            "name": name, "price": price(fen, Some(fen * 6 / 10))}))?,
                    )
                    .await?;
                extras.push(item.id);
            }
            let package = app
                .deal()
                .create_config_item(
                    manager,
                    input(
                        json!({"kind": "package", "model_id": model_id, "name": "舒适科技包",
                        "option_ids": extras, "price": price(800_000, Some(480_000))}),
                    )?,
                )
                .await?;
            let wmi = MAKERS
                .iter()
                .find(|(_, b)| *b == brand.name)
                .map_or("LSV", |(w, _)| *w);
            trims.push(DemoTrim {
                model_id: model.id,
                model_year: model.model_year,
                guide_fen: guide,
                paints,
                extras,
                package: Some(package.id),
                wmi,
            });
        }
    }
    Ok((trims, accessories))
}

/// Puts cars of every configured trim into stock on `day`: most arrived in the weeks before
/// (some long enough to be aged stock), one on its way, one ordered from the factory.
pub(super) async fn stock_up(
    app: &App,
    manager: &Actor,
    faker: &mut Faker,
    trims: &[DemoTrim],
    today: NaiveDate,
    arrivals: usize,
    pipeline: bool,
) -> CoreResult<()> {
    for trim in trims {
        for n in 0..arrivals {
            let days_ago = if n == 0 {
                faker.between(0, 120)
            } else {
                faker.between(0, 40)
            };
            unit(
                app,
                manager,
                faker,
                trim,
                "in_stock",
                Some(today - Duration::days(days_ago)),
            )
            .await?;
        }
        if pipeline {
            unit(app, manager, faker, trim, "in_transit", None).await?;
            unit(app, manager, faker, trim, "ordered", None).await?;
        }
    }
    Ok(())
}

async fn unit(
    app: &App,
    manager: &Actor,
    faker: &mut Faker,
    trim: &DemoTrim,
    status: &str,
    arrived_on: Option<NaiveDate>,
) -> CoreResult<()> {
    let colour =
        (!trim.paints.is_empty()).then(|| trim.paints[faker.index(trim.paints.len())].0.clone());
    let location = ["展厅", "一号库", "二号库"][faker.index(3)];
    app.stock()
        .create_unit(
            manager,
            input(json!({
                "vin": faker.vin(trim.wmi, trim.model_year),
                "catalog_model_id": trim.model_id,
                "colour": colour,
                "status": status,
                "location": if status == "in_stock" { Some(location) } else { None },
                "arrived_on": arrived_on,
                "cost_fen": trim.guide_fen / 100 * 91,
            }))?,
        )
        .await?;
    Ok(())
}

/// The day of `at` in Shanghai, where the demo dealers are.
pub(super) fn local_day(at: DateTime<Utc>) -> NaiveDate {
    (at + Duration::hours(8)).date_naive()
}
