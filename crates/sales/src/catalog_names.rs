//! The cars leads, opportunities and test-drive cars point at: catalog series and models,
//! named `brand series` / `brand series model`, loaded once per request.

use forecourt_db::ConnectionTrait;
use forecourt_db::repo::catalog;
use forecourt_domain::ids::{CatalogModelId, CatalogSeriesId};
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::CoreResult;
use serde::Serialize;
use serde_json::{Value, json};
use std::collections::HashMap;
use utoipa::ToSchema;
use uuid::Uuid;

/// A car of the catalog as lists show it.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct CarRef {
    /// The catalog series; absent when the car was given only in words.
    pub series_id: Option<CatalogSeriesId>,
    /// The catalog model; absent when only the series (or words) is known.
    pub model_id: Option<CatalogModelId>,
    /// `比亚迪 汉` or `比亚迪 汉 2026款 EV 610km 旗舰型`, or the free text given.
    pub name: String,
}

pub struct CatalogNames {
    series: HashMap<Uuid, String>,
    models: HashMap<Uuid, (Uuid, String)>,
}

impl CatalogNames {
    pub async fn load<C: ConnectionTrait>(conn: &C, actor: &Actor) -> CoreResult<Self> {
        let brands: HashMap<Uuid, String> = catalog::brands(conn, actor.scope())
            .await?
            .into_iter()
            .map(|b| (b.id, b.name))
            .collect();
        let series: HashMap<Uuid, String> = catalog::series(conn, actor.scope())
            .await?
            .into_iter()
            .map(|s| {
                let brand = brands.get(&s.brand_id).cloned().unwrap_or_default();
                (s.id, format!("{brand} {}", s.name).trim().to_owned())
            })
            .collect();
        let models = catalog::models(conn, actor.scope())
            .await?
            .into_iter()
            .map(|m| (m.id, (m.series_id, m.name)))
            .collect();
        Ok(Self { series, models })
    }

    /// The car a record names, if any.
    pub fn car(
        &self,
        series: Option<Uuid>,
        model: Option<Uuid>,
        text: Option<&str>,
    ) -> Option<CarRef> {
        let series_name = series.and_then(|s| self.series.get(&s)).cloned();
        let model_name = model
            .and_then(|m| self.models.get(&m))
            .map(|(_, n)| n.clone());
        let name = match (series_name, model_name, text) {
            (Some(s), Some(m), _) => format!("{s} {m}"),
            (Some(s), None, _) => s,
            (None, Some(m), _) => m,
            (None, None, Some(t)) => t.to_owned(),
            (None, None, None) => return None,
        };
        Some(CarRef {
            series_id: series.map(CatalogSeriesId::from_uuid),
            model_id: model.map(CatalogModelId::from_uuid),
            name,
        })
    }

    /// Checks a series and model given together: both must be in the catalog and the model
    /// must belong to the series (a model alone implies its series).
    pub fn check(
        &self,
        errors: &mut FieldErrors,
        prefix: &str,
        series: Option<CatalogSeriesId>,
        model: Option<CatalogModelId>,
    ) -> (Option<Uuid>, Option<Uuid>) {
        let field = |f: &str| {
            if prefix.is_empty() {
                f.to_owned()
            } else {
                format!("{prefix}.{f}")
            }
        };
        let mut series = series.map(CatalogSeriesId::uuid);
        if let Some(s) = series
            && !self.series.contains_key(&s)
        {
            errors.push(FieldError::new(
                field("series_id"),
                "unknown_series",
                "is not in the catalog",
            ));
            series = None;
        }
        let model = model.map(CatalogModelId::uuid);
        match model.map(|m| (m, self.models.get(&m))) {
            None => (series, None),
            Some((_, None)) => {
                errors.push(FieldError::new(
                    field("model_id"),
                    "unknown_model",
                    "is not in the catalog",
                ));
                (series, None)
            }
            Some((m, Some((of_series, _)))) => {
                if series.is_some_and(|s| s != *of_series) {
                    errors.push(FieldError::new(
                        field("model_id"),
                        "model_not_in_series",
                        "is not a model of the series given",
                    ));
                }
                (Some(*of_series), Some(m))
            }
        }
    }
}

/// A car stored in a JSON list (`{series_id, model_id, text}`), as receptions and leads keep
/// the cars a customer looked at.
pub fn car_json(series: Option<Uuid>, model: Option<Uuid>, text: Option<&str>) -> Value {
    json!({"series_id": series, "model_id": model, "text": text})
}

impl CatalogNames {
    /// The named cars of a stored list.
    pub fn cars(&self, list: &Value) -> Vec<CarRef> {
        let uuid = |m: &Value, k: &str| {
            m.get(k)
                .and_then(|v| v.as_str())
                .and_then(|s| s.parse().ok())
        };
        list.as_array()
            .into_iter()
            .flatten()
            .filter_map(|m| {
                self.car(
                    uuid(m, "series_id"),
                    uuid(m, "model_id"),
                    m.get("text").and_then(|t| t.as_str()),
                )
            })
            .collect()
    }
}

/// `list` with the cars of `more` it does not have yet, in order (the same car twice is
/// kept once).
pub fn with_cars(list: &Value, more: &[Value]) -> Value {
    let mut cars: Vec<Value> = list.as_array().cloned().unwrap_or_default();
    for car in more {
        if !cars.contains(car) {
            cars.push(car.clone());
        }
    }
    Value::Array(cars)
}
