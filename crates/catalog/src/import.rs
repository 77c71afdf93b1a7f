//! Importing a catalog from CSV (brand, series, model, model year, body, powertrain, guide
//! price, colours), creating or updating entries by name. All or nothing.

use super::write::check_model_fields;
use super::{BodyType, Colour, Powertrain, enum_str};
use crate::Catalog;
use chrono::{DateTime, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{catalog_brand, catalog_model, catalog_series};
use forecourt_db::repo::{catalog, tenant};
use forecourt_domain::money::Fen;
use forecourt_domain::permission::Permission;
use forecourt_domain::username::parse_name;
use forecourt_domain::username::{LONG_NAME_MAX, NAME_MAX};
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::spreadsheet::{FileFormat, RowError};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Clone, Debug, Default, Serialize, ToSchema)]
pub struct CatalogImportReport {
    /// Whether this was a dry run (nothing written).
    pub dry_run: bool,
    /// Whether anything was written (false for dry runs and for files with bad rows).
    pub applied: bool,
    /// How many data rows the file has.
    pub rows: usize,
    /// Brands created (or, in a dry run, to be created).
    pub brands_created: usize,
    /// Series created (or to be created).
    pub series_created: usize,
    /// Models created (or to be created).
    pub models_created: usize,
    /// Models updated (or to be updated).
    pub models_updated: usize,
    /// Every problem, row by row.
    pub errors: Vec<RowError>,
}

/// One model of the catalog, by names.
#[derive(Clone, Debug, PartialEq)]
pub struct CatalogEntry {
    pub brand: String,
    pub series: String,
    pub model: String,
    pub model_year: i32,
    pub body_type: BodyType,
    pub powertrain: Powertrain,
    pub guide_price: Fen,
    pub colours: Vec<Colour>,
}

#[derive(Default)]
pub struct Upserted {
    pub brand: bool,
    pub series: bool,
    pub model_created: bool,
    pub model_updated: bool,
}

/// Creates or updates one entry in the actor's dealer. `published_from` marks entries copied
/// from a group's catalog.
pub async fn upsert<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    entry: &CatalogEntry,
    published_from: Option<Uuid>,
    now: DateTime<Utc>,
) -> CoreResult<Upserted> {
    let scope = actor.scope();
    let dealer_id = actor.dealer_id().uuid();
    let mut done = Upserted::default();
    let brand = match catalog::brand_by_name(conn, scope, &entry.brand).await? {
        Some(b) => b,
        None => {
            done.brand = true;
            let b = catalog_brand::Model {
                id: Uuid::now_v7(),
                dealer_id,
                name: entry.brand.clone(),
                published_from,
                created_at: now,
                updated_at: now,
                version: 1,
            };
            tenant::insert::<catalog_brand::Entity, _>(conn, scope, dealer_id, b).await?
        }
    };
    let series = match catalog::series_by_name(conn, scope, brand.id, &entry.series).await? {
        Some(s) => s,
        None => {
            done.series = true;
            let s = catalog_series::Model {
                id: Uuid::now_v7(),
                dealer_id,
                brand_id: brand.id,
                name: entry.series.clone(),
                published_from,
                created_at: now,
                updated_at: now,
                version: 1,
            };
            tenant::insert::<catalog_series::Entity, _>(conn, scope, dealer_id, s).await?
        }
    };
    let colours = serde_json::to_value(&entry.colours).unwrap_or_default();
    match catalog::model_by_name(conn, scope, series.id, &entry.model, entry.model_year).await? {
        Some(existing) => {
            let mut after = existing.clone();
            after.body_type = enum_str(entry.body_type);
            after.powertrain = enum_str(entry.powertrain);
            after.guide_price_fen = entry.guide_price.0;
            // A file that only names a colour keeps the swatch already known for it.
            let known: Vec<Colour> =
                serde_json::from_value(existing.colours.clone()).unwrap_or_default();
            let merged: Vec<Colour> = entry
                .colours
                .iter()
                .map(|c| Colour {
                    name: c.name.clone(),
                    hex: c.hex.clone().or_else(|| {
                        known
                            .iter()
                            .find(|k| k.name == c.name)
                            .and_then(|k| k.hex.clone())
                    }),
                })
                .collect();
            after.colours = serde_json::to_value(merged).unwrap_or(colours);
            if published_from.is_some() {
                after.published_from = published_from;
            }
            let change = AuditEntry::updated(&existing, &after);
            if !change.is_empty() || after.published_from != existing.published_from {
                tenant::update::<catalog_model::Entity, _>(
                    conn,
                    scope,
                    existing.id,
                    after,
                    existing.version,
                    now,
                )
                .await
                .map_err(|e| CoreError::from_db("catalog_model", e))?;
                audit::record(conn, actor, change, now).await?;
                done.model_updated = true;
            }
        }
        None => {
            let model = catalog_model::Model {
                id: Uuid::now_v7(),
                dealer_id,
                series_id: series.id,
                name: entry.model.clone(),
                model_year: entry.model_year,
                body_type: enum_str(entry.body_type),
                powertrain: enum_str(entry.powertrain),
                guide_price_fen: entry.guide_price.0,
                colours,
                active: true,
                published_from,
                created_at: now,
                updated_at: now,
                version: 1,
            };
            let created =
                tenant::insert::<catalog_model::Entity, _>(conn, scope, dealer_id, model).await?;
            audit::record(conn, actor, AuditEntry::created(&created), now).await?;
            done.model_created = true;
        }
    }
    Ok(done)
}

fn body_type(text: &str) -> Option<BodyType> {
    Some(match text.trim().to_lowercase().as_str() {
        "轿车" | "三厢" | "sedan" => BodyType::Sedan,
        "suv" | "越野车" => BodyType::Suv,
        "mpv" | "商务车" => BodyType::Mpv,
        "两厢" | "hatchback" => BodyType::Hatchback,
        "旅行车" | "wagon" => BodyType::Wagon,
        "跑车" | "coupe" => BodyType::Coupe,
        "敞篷车" | "敞篷" | "convertible" => BodyType::Convertible,
        "皮卡" | "pickup" => BodyType::Pickup,
        "面包车" | "客车" | "van" => BodyType::Van,
        _ => return None,
    })
}

fn powertrain(text: &str) -> Option<Powertrain> {
    Some(match text.trim().to_lowercase().as_str() {
        "汽油" | "燃油" | "petrol" | "gasoline" => Powertrain::Petrol,
        "柴油" | "diesel" => Powertrain::Diesel,
        "混动" | "油电混合" | "hybrid" | "hev" => Powertrain::Hybrid,
        "插混" | "插电混动" | "phev" => Powertrain::Phev,
        "增程" | "增程式" | "erev" => Powertrain::Erev,
        "纯电" | "纯电动" | "电动" | "bev" | "ev" => Powertrain::Bev,
        _ => return None,
    })
}

const COLUMNS: [(&str, &[&str]); 8] = [
    ("brand", &["品牌", "brand"]),
    ("series", &["车系", "series"]),
    ("model", &["车型", "车款", "model", "trim"]),
    ("model_year", &["年款", "model_year", "year"]),
    ("body_type", &["车身", "车身类型", "body_type", "body"]),
    (
        "powertrain",
        &["动力", "动力类型", "能源", "powertrain", "fuel"],
    ),
    (
        "guide_price",
        &["指导价", "厂商指导价", "guide_price", "price"],
    ),
    ("colours", &["颜色", "车身颜色", "colours", "colors"]),
];

/// Valid entries with their row numbers, and the problems of the others.
type ParsedRows = (Vec<(usize, CatalogEntry)>, Vec<RowError>);

fn parse_rows(csv_text: &str) -> Result<ParsedRows, FieldError> {
    let table = forecourt_kernel::spreadsheet::read(FileFormat::Csv, csv_text.as_bytes())?;
    let index = |name: &str| {
        let names = COLUMNS
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, s)| *s)
            .unwrap_or(&[]);
        table
            .headers
            .iter()
            .position(|h| names.iter().any(|n| n.eq_ignore_ascii_case(h.trim())))
    };
    let missing: Vec<&str> = COLUMNS
        .iter()
        .map(|(n, _)| *n)
        .filter(|n| *n != "colours" && index(n).is_none())
        .collect();
    if !missing.is_empty() {
        return Err(FieldError::new(
            "file",
            "missing_columns",
            format!("lacks the columns {}", missing.join(", ")),
        ));
    }
    let mut entries = Vec::new();
    let mut errors = Vec::new();
    for (i, row) in table.rows.iter().enumerate() {
        let row_number = i + 2;
        let cell = |name: &str| {
            index(name)
                .and_then(|i| row.get(i))
                .map(String::as_str)
                .unwrap_or("")
        };
        let mut fail = |column: &str, message: &str| {
            errors.push(RowError {
                row: row_number,
                column: column.to_owned(),
                code: "invalid_value".into(),
                message: message.to_owned(),
            })
        };
        let brand = parse_name("brand", cell("brand"), NAME_MAX);
        let series = parse_name("series", cell("series"), NAME_MAX);
        let model = parse_name("model", cell("model"), LONG_NAME_MAX);
        let year: Option<i32> = cell("model_year")
            .chars()
            .filter(char::is_ascii_digit)
            .collect::<String>()
            .parse()
            .ok();
        let body = body_type(cell("body_type"));
        let power = powertrain(cell("powertrain"));
        let price = Fen::parse_yuan("guide_price", cell("guide_price"));
        let colours: Vec<Colour> = cell("colours")
            .split([';', '；', '、', '/', '|'])
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(|name| Colour {
                name: name.to_owned(),
                hex: None,
            })
            .collect();
        for (name, ok) in [
            ("brand", brand.is_ok()),
            ("series", series.is_ok()),
            ("model", model.is_ok()),
        ] {
            if !ok {
                fail(name, "is required");
            }
        }
        if year.is_none() {
            fail("model_year", "must be a year like 2026");
        }
        if body.is_none() {
            fail(
                "body_type",
                "must be 轿车, SUV, MPV, 两厢, 旅行车, 跑车, 敞篷车, 皮卡 or 面包车",
            );
        }
        if power.is_none() {
            fail("powertrain", "must be 汽油, 柴油, 混动, 插混, 增程 or 纯电");
        }
        if price.is_err() {
            fail("guide_price", "must be an amount in yuan");
        }
        if let (
            Ok(brand),
            Ok(series),
            Ok(model),
            Some(model_year),
            Some(body_type),
            Some(powertrain),
            Ok(guide_price),
        ) = (brand, series, model, year, body, power, price)
        {
            let mut field_errors = FieldErrors::new();
            check_model_fields(&mut field_errors, model_year, guide_price, &colours);
            if field_errors.is_empty() {
                entries.push((
                    row_number,
                    CatalogEntry {
                        brand,
                        series,
                        model,
                        model_year,
                        body_type,
                        powertrain,
                        guide_price,
                        colours,
                    },
                ));
            } else {
                for e in field_errors.into_vec() {
                    errors.push(RowError {
                        row: row_number,
                        column: e.field,
                        code: e.code,
                        message: e.message,
                    });
                }
            }
        }
    }
    Ok((entries, errors))
}

impl Catalog<'_> {
    /// Imports a catalog CSV; with `dry_run`, only checks it.
    pub async fn import_catalog(
        &self,
        actor: &Actor,
        csv_text: &str,
        dry_run: bool,
    ) -> CoreResult<CatalogImportReport> {
        actor.require(Permission::CatalogManage)?;
        let (entries, errors) = parse_rows(csv_text)?;
        let mut report = CatalogImportReport {
            dry_run,
            rows: entries.len()
                + errors
                    .iter()
                    .map(|e| e.row)
                    .collect::<std::collections::BTreeSet<_>>()
                    .len(),
            errors,
            ..Default::default()
        };
        if dry_run || !report.errors.is_empty() {
            return Ok(report);
        }
        let now = self.now();
        let tx = self.db().begin().await?;
        for (_, entry) in &entries {
            let done = upsert(&*tx, actor, entry, None, now).await?;
            report.brands_created += usize::from(done.brand);
            report.series_created += usize::from(done.series);
            report.models_created += usize::from(done.model_created);
            report.models_updated += usize::from(done.model_updated);
        }
        tx.commit().await?;
        report.applied = true;
        Ok(report)
    }
}
