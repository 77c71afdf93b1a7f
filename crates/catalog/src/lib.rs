//! The vehicle catalog: brands → series → models (trims) with model year, body type,
//! powertrain, guide price and colours. A dealer keeps its own; an OEM or dealer group can
//! publish one to every dealer of the group, whose copies are then read-only there.

forecourt_kernel::module_service!(
    /// The catalog use cases: brands, series and models, imported and published.
    Catalog,
    CatalogExt,
    catalog
);

mod import;
mod input;
pub mod module;
mod publish;
mod write;

pub use import::CatalogImportReport;
pub use input::{BrandPatch, ModelPatch, NewBrand, NewModel, NewSeries, SeriesPatch};
pub use module::MODULE;
pub use publish::PublishReport;

use chrono::{DateTime, Utc};
use forecourt_db::entities::{catalog_brand, catalog_model, catalog_series};
use forecourt_db::repo::catalog;
use forecourt_domain::ids::{CatalogBrandId, CatalogModelId, CatalogSeriesId};
use forecourt_domain::money::Fen;
use forecourt_domain::permission::Permission;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::CoreResult;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum BodyType {
    Sedan,
    Suv,
    Mpv,
    Hatchback,
    Wagon,
    Coupe,
    Convertible,
    Pickup,
    Van,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Powertrain {
    Petrol,
    Diesel,
    /// Hybrid (HEV).
    Hybrid,
    /// Plug-in hybrid (插混).
    Phev,
    /// Extended-range electric (增程).
    Erev,
    /// Battery electric (纯电).
    Bev,
}

fn enum_str<T: Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn enum_from<T: serde::de::DeserializeOwned>(text: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(text.to_owned())).ok()
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Colour {
    /// 珍珠白, 星空灰 ...
    #[schema(schema_with = forecourt_domain::schema::name::<{ forecourt_domain::username::SHORT_NAME_MAX }>)]
    pub name: String,
    /// `#F5F5F0`, for a swatch.
    pub hex: Option<String>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ModelView {
    /// The model's id (UUIDv7).
    pub id: CatalogModelId,
    /// The series it belongs to.
    pub series_id: CatalogSeriesId,
    /// The trim name (e.g. `1.5T 豪华型`).
    pub name: String,
    /// Its model year.
    pub model_year: i32,
    /// Its body type, if known.
    pub body_type: Option<BodyType>,
    /// Its powertrain, if known.
    pub powertrain: Option<Powertrain>,
    /// Guide price in fen.
    pub guide_price_fen: Fen,
    /// The colours it comes in.
    pub colours: Vec<Colour>,
    /// Whether it can be chosen for new leads and vehicles.
    pub active: bool,
    /// Published by the group or OEM: read-only here.
    pub published: bool,
    /// When it last changed (UTC, RFC 3339).
    pub updated_at: DateTime<Utc>,
    /// Its version; send it back with a change.
    pub version: i64,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct SeriesView {
    /// The series' id (UUIDv7).
    pub id: CatalogSeriesId,
    /// The brand it belongs to.
    pub brand_id: CatalogBrandId,
    /// The series' name (e.g. `途观L`).
    pub name: String,
    /// Published by the group or OEM: read-only here.
    pub published: bool,
    /// Its models.
    pub models: Vec<ModelView>,
    /// Its version; send it back with a change.
    pub version: i64,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct BrandView {
    /// The brand's id (UUIDv7).
    pub id: CatalogBrandId,
    /// The brand's name (e.g. `大众`).
    pub name: String,
    /// Published by the group or OEM: read-only here.
    pub published: bool,
    /// Its series.
    pub series: Vec<SeriesView>,
    /// Its version; send it back with a change.
    pub version: i64,
}

pub fn model_view(m: &catalog_model::Model) -> ModelView {
    ModelView {
        id: CatalogModelId::from_uuid(m.id),
        series_id: CatalogSeriesId::from_uuid(m.series_id),
        name: m.name.clone(),
        model_year: m.model_year,
        body_type: enum_from(&m.body_type),
        powertrain: enum_from(&m.powertrain),
        guide_price_fen: Fen(m.guide_price_fen),
        colours: serde_json::from_value(m.colours.clone()).unwrap_or_default(),
        active: m.active,
        published: m.published_from.is_some(),
        updated_at: m.updated_at,
        version: m.version,
    }
}

pub fn tree(
    brands: &[catalog_brand::Model],
    series: &[catalog_series::Model],
    models: &[catalog_model::Model],
) -> Vec<BrandView> {
    brands
        .iter()
        .map(|b| BrandView {
            id: CatalogBrandId::from_uuid(b.id),
            name: b.name.clone(),
            published: b.published_from.is_some(),
            version: b.version,
            series: series
                .iter()
                .filter(|s| s.brand_id == b.id)
                .map(|s| SeriesView {
                    id: CatalogSeriesId::from_uuid(s.id),
                    brand_id: CatalogBrandId::from_uuid(b.id),
                    name: s.name.clone(),
                    published: s.published_from.is_some(),
                    version: s.version,
                    models: models
                        .iter()
                        .filter(|m| m.series_id == s.id)
                        .map(model_view)
                        .collect(),
                })
                .collect(),
        })
        .collect()
}

impl Catalog<'_> {
    /// The whole catalog as a tree.
    pub async fn get_catalog(&self, actor: &Actor) -> CoreResult<Vec<BrandView>> {
        actor.require(Permission::CatalogRead)?;
        let conn = self.db().conn();
        let scope = actor.scope();
        let brands = catalog::brands(conn, scope).await?;
        let series = catalog::series(conn, scope).await?;
        let models = catalog::models(conn, scope).await?;
        Ok(tree(&brands, &series, &models))
    }
}
