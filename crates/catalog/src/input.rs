//! What a hand edit of the catalog takes: the new brands, series and models, and the
//! patches that change them.

use super::{BodyType, Colour, Powertrain};
use forecourt_domain::ids::{CatalogBrandId, CatalogSeriesId};
use forecourt_domain::money::Fen;
use serde::Deserialize;
use utoipa::ToSchema;

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct NewBrand {
    /// The brand's name (e.g. `大众`); at most 64 characters.
    #[schema(schema_with = forecourt_domain::schema::name::<{ forecourt_domain::username::NAME_MAX }>)]
    pub name: String,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct BrandPatch {
    /// The version last read; a stale one is refused with 409 `version_conflict`.
    pub version: i64,
    /// The new name; at most 64 characters.
    #[schema(schema_with = forecourt_domain::schema::name::<{ forecourt_domain::username::NAME_MAX }>)]
    pub name: String,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct NewSeries {
    /// The brand the series belongs to.
    pub brand_id: CatalogBrandId,
    /// The series' name (e.g. `途观L`); at most 64 characters.
    #[schema(schema_with = forecourt_domain::schema::name::<{ forecourt_domain::username::NAME_MAX }>)]
    pub name: String,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct SeriesPatch {
    /// The version last read; a stale one is refused with 409 `version_conflict`.
    pub version: i64,
    /// The new name; at most 64 characters.
    #[schema(schema_with = forecourt_domain::schema::name::<{ forecourt_domain::username::NAME_MAX }>)]
    pub name: String,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct NewModel {
    /// The series the model belongs to.
    pub series_id: CatalogSeriesId,
    /// The trim: `1.5T 豪华型`.
    #[schema(schema_with = forecourt_domain::schema::name::<{ forecourt_domain::username::LONG_NAME_MAX }>)]
    pub name: String,
    /// Its model year: 1950 to 2100.
    pub model_year: i32,
    /// Its body type.
    pub body_type: BodyType,
    /// Its powertrain.
    pub powertrain: Powertrain,
    /// The manufacturer's guide price (指导价) in integer fen: ¥0 to ¥100,000,000.
    pub guide_price_fen: Fen,
    /// The colours it comes in; each name at most 32 characters, each `hex` like `#F5F5F0`.
    #[serde(default)]
    pub colours: Vec<Colour>,
    /// Whether it can be chosen for new leads and vehicles (default `true`).
    #[serde(default = "active_default")]
    pub active: bool,
}

fn active_default() -> bool {
    true
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct ModelPatch {
    /// The version last read; a stale one is refused with 409 `version_conflict`.
    pub version: i64,
    /// A new trim name; at most 100 characters. Absent keeps it.
    #[schema(schema_with = forecourt_domain::schema::name::<{ forecourt_domain::username::LONG_NAME_MAX }>)]
    pub name: Option<String>,
    /// A new model year (1950 to 2100). Absent keeps it.
    pub model_year: Option<i32>,
    /// A new body type. Absent keeps it.
    pub body_type: Option<BodyType>,
    /// A new powertrain. Absent keeps it.
    pub powertrain: Option<Powertrain>,
    /// A new guide price in integer fen (¥0 to ¥100,000,000). Absent keeps it.
    pub guide_price_fen: Option<Fen>,
    /// The colours, replacing the whole list. Absent keeps them.
    pub colours: Option<Vec<Colour>>,
    /// `false` stops it being chosen for new records (vehicles keep it). Absent keeps it.
    pub active: Option<bool>,
}
