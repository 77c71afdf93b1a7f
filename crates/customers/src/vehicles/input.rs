//! Vehicle input and its validation.

use chrono::NaiveDate;
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{catalog_brand, catalog_model, catalog_series};
use forecourt_db::repo::tenant;
use forecourt_domain::ids::{CatalogModelId, CustomerId};
use forecourt_domain::patch::double_option;
use forecourt_domain::plate::Plate;
use forecourt_domain::username::parse_optional_text;
use forecourt_domain::username::{LONG_NAME_MAX, NAME_MAX, REMARK_MAX, SHORT_NAME_MAX};
use forecourt_domain::vin::Vin;
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::error::CoreResult;
use forecourt_kernel::{Actor, App};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
pub struct VehicleInput {
    /// The 17-character VIN. A vehicle needs a VIN, a plate or at least its brand.
    #[schema(schema_with = forecourt_domain::schema::optional_vin)]
    pub vin: Option<String>,
    /// Keep a VIN whose check digit is wrong (common on cars built for China before 2004).
    #[serde(default)]
    pub accept_vin_check_digit: bool,
    /// A mainland plate: `浙A12345`, `浙AD12345`.
    #[schema(schema_with = forecourt_domain::schema::optional_plate)]
    pub plate: Option<String>,
    /// A model of the catalog; its brand, series and name are copied.
    pub catalog_model_id: Option<CatalogModelId>,
    /// Free text, for cars not in the catalog.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::NAME_MAX }>)]
    pub brand: Option<String>,
    /// The series in words (for cars not in the catalog); at most 64 characters.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::NAME_MAX }>)]
    pub series: Option<String>,
    /// The model in words; at most 100 characters.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::LONG_NAME_MAX }>)]
    pub model: Option<String>,
    /// Its colour; at most 32 characters.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::SHORT_NAME_MAX }>)]
    pub colour: Option<String>,
    /// Its model year: 1950 to next year.
    pub model_year: Option<i32>,
    /// The day it was bought (`YYYY-MM-DD`).
    pub purchase_date: Option<NaiveDate>,
    /// Bought at this dealer (or elsewhere).
    #[serde(default)]
    pub bought_here: bool,
    /// The odometer now, in km.
    pub mileage_km: Option<i32>,
    /// Notes on the car; at most 500 characters.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::REMARK_MAX }>)]
    pub notes: Option<String>,
}

/// Changes to a vehicle. Its owner changes through a transfer, its mileage through readings.
#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
pub struct VehiclePatch {
    /// The version last read; a stale one is refused with 409 `version_conflict`.
    pub version: i64,
    /// A new VIN. Absent keeps it; `null` clears it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(schema_with = forecourt_domain::schema::optional_vin)]
    pub vin: Option<Option<String>>,
    /// Keep a new VIN whose check digit is wrong.
    #[serde(default)]
    pub accept_vin_check_digit: bool,
    /// A new plate. Absent keeps it; `null` clears it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(schema_with = forecourt_domain::schema::optional_plate)]
    pub plate: Option<Option<String>>,
    /// A catalog model (its brand, series and name are copied). Absent keeps it; `null` unlinks it.
    #[serde(default, deserialize_with = "double_option")]
    pub catalog_model_id: Option<Option<CatalogModelId>>,
    /// The brand in words, at most 64 characters. Absent keeps it; `null` clears it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::NAME_MAX }>)]
    pub brand: Option<Option<String>>,
    /// The series in words, at most 64 characters. Absent keeps it; `null` clears it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::NAME_MAX }>)]
    pub series: Option<Option<String>>,
    /// The model in words, at most 100 characters. Absent keeps it; `null` clears it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::LONG_NAME_MAX }>)]
    pub model: Option<Option<String>>,
    /// Its colour, at most 32 characters. Absent keeps it; `null` clears it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::SHORT_NAME_MAX }>)]
    pub colour: Option<Option<String>>,
    /// Its model year (1950 to next year). Absent keeps it; `null` clears it.
    #[serde(default, deserialize_with = "double_option")]
    pub model_year: Option<Option<i32>>,
    /// The day it was bought. Absent keeps it; `null` clears it.
    #[serde(default, deserialize_with = "double_option")]
    pub purchase_date: Option<Option<NaiveDate>>,
    /// Bought at this dealer (or elsewhere). Absent keeps it.
    pub bought_here: Option<bool>,
    /// Notes, at most 500 characters. Absent keeps them; `null` clears them.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::REMARK_MAX }>)]
    pub notes: Option<Option<String>>,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct MileageInput {
    /// The odometer reading in km (0 to 2,000,000).
    pub km: i32,
    /// The day it was read (default today in the dealer's time zone).
    pub read_on: Option<NaiveDate>,
    /// `service`, `customer`, `inspection`, `sale` (default `customer`).
    pub source: Option<String>,
}

/// Gives a car to another customer (sold on, or registered to a family member).
#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct TransferInput {
    /// The vehicle's version last read; a stale one is refused with 409 `version_conflict`.
    pub version: i64,
    /// The customer who takes the car; one the caller can see.
    pub customer_id: CustomerId,
    /// When the new owner took it (default today).
    pub on: Option<NaiveDate>,
}

#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct VehicleQuery {
    /// A plate or VIN, whole or its end.
    pub q: Option<String>,
    pub brand: Option<String>,
    pub customer_id: Option<CustomerId>,
    pub bought_here: Option<bool>,
    #[param(schema_with = forecourt_domain::schema::page_limit::<{ forecourt_domain::paging::MAX_PAGE_SIZE }>)]
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

pub const MILEAGE_SOURCES: [&str; 5] = ["service", "customer", "inspection", "sale", "import"];

/// A vehicle's validated fields.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParsedVehicle {
    pub vin: Option<String>,
    pub vin_check_ok: bool,
    pub plate: Option<String>,
    pub catalog_model_id: Option<uuid::Uuid>,
    pub brand: Option<String>,
    pub series: Option<String>,
    pub model: Option<String>,
    pub colour: Option<String>,
    pub model_year: Option<i32>,
    pub purchase_date: Option<NaiveDate>,
    pub bought_here: bool,
    pub mileage_km: Option<i32>,
    pub notes: Option<String>,
}

/// Checks a VIN; a wrong check digit is refused unless the user accepted it.
pub fn parse_vin(
    errors: &mut FieldErrors,
    field: &str,
    input: Option<&str>,
    accept_check_digit: bool,
) -> (Option<String>, bool) {
    let Some(text) = input.map(str::trim).filter(|v| !v.is_empty()) else {
        return (None, true);
    };
    match Vin::parse(field, text) {
        Ok(parsed) if parsed.check_digit_valid || accept_check_digit => {
            (Some(parsed.vin.to_string()), parsed.check_digit_valid)
        }
        Ok(_) => {
            errors.push(FieldError::new(
                field,
                "vin_check_digit",
                "has a check digit that does not match; confirm to keep it (older cars made for China often have one)",
            ));
            (None, false)
        }
        Err(e) => {
            errors.push(e);
            (None, true)
        }
    }
}

pub fn parse_plate(errors: &mut FieldErrors, field: &str, input: Option<&str>) -> Option<String> {
    match input.map(str::trim).filter(|v| !v.is_empty()) {
        Some(text) => errors
            .check(Plate::parse(field, text))
            .map(|p| p.to_string()),
        None => None,
    }
}

pub fn check_model_year(
    errors: &mut FieldErrors,
    field: &str,
    year: Option<i32>,
    this_year: i32,
) -> Option<i32> {
    match year {
        Some(y) if !(1950..=this_year + 1).contains(&y) => {
            errors.push(FieldError::new(
                field,
                "out_of_range",
                "is not a plausible model year",
            ));
            None
        }
        other => other,
    }
}

pub fn check_mileage(errors: &mut FieldErrors, field: &str, km: Option<i32>) -> Option<i32> {
    match km {
        Some(k) if !(0..=2_000_000).contains(&k) => {
            errors.push(FieldError::new(
                field,
                "out_of_range",
                "must be between 0 and 2,000,000 km",
            ));
            None
        }
        other => other,
    }
}

/// The catalog names of a model: (brand, series, model).
pub async fn catalog_names<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    model_id: CatalogModelId,
) -> CoreResult<Option<(String, String, String)>> {
    let scope = actor.scope();
    let Some(model) =
        tenant::find::<catalog_model::Entity, _>(conn, scope, model_id.uuid()).await?
    else {
        return Ok(None);
    };
    let series = tenant::find::<catalog_series::Entity, _>(conn, scope, model.series_id).await?;
    let brand = match &series {
        Some(s) => tenant::find::<catalog_brand::Entity, _>(conn, scope, s.brand_id).await?,
        None => None,
    };
    Ok(match (brand, series) {
        (Some(b), Some(s)) => Some((
            b.name,
            s.name,
            format!("{} {}", model.model_year, model.name),
        )),
        _ => None,
    })
}

/// Validates one vehicle of an input (`prefix` names it in errors: `vehicles.0`).
pub async fn parse_vehicle<C: ConnectionTrait>(
    app: &App,
    conn: &C,
    actor: &Actor,
    errors: &mut FieldErrors,
    prefix: &str,
    input: &VehicleInput,
) -> CoreResult<ParsedVehicle> {
    let field = |name: &str| {
        if prefix.is_empty() {
            name.to_owned()
        } else {
            format!("{prefix}.{name}")
        }
    };
    let (vin, vin_check_ok) = parse_vin(
        errors,
        &field("vin"),
        input.vin.as_deref(),
        input.accept_vin_check_digit,
    );
    let plate = parse_plate(errors, &field("plate"), input.plate.as_deref());
    let this_year = chrono::Datelike::year(&app.today(actor));
    let mut parsed = ParsedVehicle {
        vin,
        vin_check_ok,
        plate,
        catalog_model_id: None,
        brand: errors
            .check(parse_optional_text(
                &field("brand"),
                input.brand.as_deref(),
                NAME_MAX,
            ))
            .flatten(),
        series: errors
            .check(parse_optional_text(
                &field("series"),
                input.series.as_deref(),
                NAME_MAX,
            ))
            .flatten(),
        model: errors
            .check(parse_optional_text(
                &field("model"),
                input.model.as_deref(),
                LONG_NAME_MAX,
            ))
            .flatten(),
        colour: errors
            .check(parse_optional_text(
                &field("colour"),
                input.colour.as_deref(),
                SHORT_NAME_MAX,
            ))
            .flatten(),
        model_year: check_model_year(errors, &field("model_year"), input.model_year, this_year),
        purchase_date: input.purchase_date,
        bought_here: input.bought_here,
        mileage_km: check_mileage(errors, &field("mileage_km"), input.mileage_km),
        notes: errors
            .check(parse_optional_text(
                &field("notes"),
                input.notes.as_deref(),
                REMARK_MAX,
            ))
            .flatten(),
    };
    if let Some(model_id) = input.catalog_model_id {
        match catalog_names(conn, actor, model_id).await? {
            Some((brand, series, model)) => {
                parsed.catalog_model_id = Some(model_id.uuid());
                parsed.brand = Some(brand);
                parsed.series = Some(series);
                parsed.model = Some(model);
            }
            None => errors.push(FieldError::new(
                field("catalog_model_id"),
                "unknown_model",
                "is not a model of the catalog",
            )),
        }
    }
    if parsed.vin.is_none()
        && parsed.plate.is_none()
        && parsed.brand.is_none()
        && !errors_touch(errors, prefix)
    {
        errors.push(FieldError::new(
            field("vin"),
            "required",
            "a vehicle needs a VIN, a plate or at least its brand",
        ));
    }
    Ok(parsed)
}

fn errors_touch(errors: &FieldErrors, prefix: &str) -> bool {
    errors.fields().any(|f| f.starts_with(prefix))
}
