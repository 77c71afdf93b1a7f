//! Editing the catalog by hand.

use super::input::{BrandPatch, ModelPatch, NewBrand, NewModel, NewSeries, SeriesPatch};
use super::{BrandView, Colour, ModelView, SeriesView, enum_str, model_view};
use crate::Catalog;
use forecourt_db::entities::{catalog_brand, catalog_model, catalog_series};
use forecourt_db::repo::{catalog, tenant};
use forecourt_domain::ids::{CatalogBrandId, CatalogModelId, CatalogSeriesId};
use forecourt_domain::money::Fen;
use forecourt_domain::permission::Permission;
use forecourt_domain::username::parse_name;
use forecourt_domain::username::{LONG_NAME_MAX, NAME_MAX, SHORT_NAME_MAX};
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use serde_json::Value;
use uuid::Uuid;

fn published_read_only() -> CoreError {
    CoreError::invalid(FieldError::new(
        "published",
        "published_read_only",
        "was published by the group or OEM and can only be changed there",
    ))
}

pub fn check_model_fields(
    errors: &mut FieldErrors,
    year: i32,
    price: Fen,
    colours: &[Colour],
) -> Value {
    if !(1950..=2100).contains(&year) {
        errors.push(FieldError::new(
            "model_year",
            "out_of_range",
            "is not a plausible model year",
        ));
    }
    if price.0 < 0 || price.0 > 10_000_000_000 {
        errors.push(FieldError::new(
            "guide_price_fen",
            "out_of_range",
            "must be between ¥0 and ¥100,000,000",
        ));
    }
    let mut clean = Vec::new();
    for (i, colour) in colours.iter().enumerate() {
        match parse_name(&format!("colours.{i}.name"), &colour.name, SHORT_NAME_MAX) {
            Ok(name) => {
                let hex = colour
                    .hex
                    .as_ref()
                    .map(|h| h.trim().to_uppercase())
                    .filter(|h| !h.is_empty());
                if hex.as_ref().is_some_and(|h| {
                    !(h.len() == 7
                        && h.starts_with('#')
                        && h[1..].chars().all(|c| c.is_ascii_hexdigit()))
                }) {
                    errors.push(FieldError::new(
                        format!("colours.{i}.hex"),
                        "invalid_format",
                        "must be like #F5F5F0",
                    ));
                }
                clean.push(Colour { name, hex });
            }
            Err(e) => errors.push(e),
        }
    }
    serde_json::to_value(clean).unwrap_or_default()
}

impl Catalog<'_> {
    /// Adds a brand to the dealer's catalog. Needs `catalog.manage`; a name already used is 409
    /// `already_exists` (field code `taken`).
    pub async fn create_brand(&self, actor: &Actor, input: NewBrand) -> CoreResult<BrandView> {
        actor.require(Permission::CatalogManage)?;
        let name = parse_name("name", &input.name, NAME_MAX)?;
        let now = self.now();
        let model = catalog_brand::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            name,
            published_from: None,
            created_at: now,
            updated_at: now,
            version: 1,
        };
        let tx = self.db().begin().await?;
        let created =
            tenant::insert::<catalog_brand::Entity, _>(&*tx, actor.scope(), model.dealer_id, model)
                .await
                .map_err(CoreError::on_write("catalog_brand", "name"))?;
        audit::record(&*tx, actor, AuditEntry::created(&created), now).await?;
        tx.commit().await?;
        Ok(BrandView {
            id: CatalogBrandId::from_uuid(created.id),
            name: created.name,
            published: false,
            series: Vec::new(),
            version: created.version,
        })
    }

    /// Renames a brand of the dealer's catalog. Needs `catalog.manage`; another dealer's brand is
    /// 404, a published (read-only) brand 422 (field code `published_read_only`), a stale `version`
    /// 409 `version_conflict`, a name already used 409 `already_exists`.
    pub async fn update_brand(
        &self,
        actor: &Actor,
        id: CatalogBrandId,
        patch: BrandPatch,
    ) -> CoreResult<BrandView> {
        let tx = self.db().begin().await?;
        let before = tenant::find::<catalog_brand::Entity, _>(&*tx, actor.scope(), id.uuid())
            .await?
            .ok_or(CoreError::not_found("catalog_brand"))?;
        actor.require(Permission::CatalogManage)?;
        if before.published_from.is_some() {
            return Err(published_read_only());
        }
        if before.version != patch.version {
            return Err(CoreError::VersionConflict {
                entity: "catalog_brand",
            });
        }
        let mut after = before.clone();
        after.name = parse_name("name", &patch.name, NAME_MAX)?;
        let now = self.now();
        let entry = AuditEntry::updated(&before, &after);
        let updated = audit::save::<catalog_brand::Entity, _>(
            &*tx,
            actor,
            &before,
            after,
            entry,
            now,
            CoreError::on_write("catalog_brand", "name"),
        )
        .await?;
        tx.commit().await?;
        Ok(BrandView {
            id,
            name: updated.name,
            published: false,
            series: Vec::new(),
            version: updated.version,
        })
    }

    /// Deletes a brand of the dealer's catalog. Needs `catalog.manage`; a published brand is 422
    /// (field code `published_read_only`), a brand that still has series 409 `in_use`.
    pub async fn delete_brand(&self, actor: &Actor, id: CatalogBrandId) -> CoreResult<()> {
        let tx = self.db().begin().await?;
        let before = tenant::find::<catalog_brand::Entity, _>(&*tx, actor.scope(), id.uuid())
            .await?
            .ok_or(CoreError::not_found("catalog_brand"))?;
        actor.require(Permission::CatalogManage)?;
        if before.published_from.is_some() {
            return Err(published_read_only());
        }
        if catalog::series_count_of_brand(&*tx, actor.scope(), before.id).await? > 0 {
            return Err(CoreError::InUse {
                detail: "the brand still has series; delete them first".into(),
            });
        }
        tenant::delete::<catalog_brand::Entity, _>(&*tx, actor.scope(), before.id).await?;
        audit::record(&*tx, actor, AuditEntry::deleted(&before), self.now()).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Adds a series under one of the dealer's brands. Needs `catalog.manage`; a name already used
    /// is 409 `already_exists` (field code `taken`).
    pub async fn create_series(&self, actor: &Actor, input: NewSeries) -> CoreResult<SeriesView> {
        actor.require(Permission::CatalogManage)?;
        let mut errors = FieldErrors::new();
        let name = errors.check(parse_name("name", &input.name, NAME_MAX));
        let tx = self.db().begin().await?;
        if tenant::find::<catalog_brand::Entity, _>(&*tx, actor.scope(), input.brand_id.uuid())
            .await?
            .is_none()
        {
            errors.push(FieldError::new(
                "brand_id",
                "unknown_brand",
                "is not a brand of the catalog",
            ));
        }
        errors.finish()?;
        let now = self.now();
        let model = catalog_series::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            brand_id: input.brand_id.uuid(),
            name: name.unwrap_or_default(),
            published_from: None,
            created_at: now,
            updated_at: now,
            version: 1,
        };
        let created = tenant::insert::<catalog_series::Entity, _>(
            &*tx,
            actor.scope(),
            model.dealer_id,
            model,
        )
        .await
        .map_err(CoreError::on_write("catalog_series", "name"))?;
        audit::record(&*tx, actor, AuditEntry::created(&created), now).await?;
        tx.commit().await?;
        Ok(SeriesView {
            id: CatalogSeriesId::from_uuid(created.id),
            brand_id: input.brand_id,
            name: created.name,
            published: false,
            models: Vec::new(),
            version: 1,
        })
    }

    /// Renames a series of the dealer's catalog. Needs `catalog.manage`; another dealer's series is
    /// 404, a published one 422 (field code `published_read_only`), a stale `version` 409
    /// `version_conflict`, a name already used 409 `already_exists`.
    pub async fn update_series(
        &self,
        actor: &Actor,
        id: CatalogSeriesId,
        patch: SeriesPatch,
    ) -> CoreResult<SeriesView> {
        let tx = self.db().begin().await?;
        let before = tenant::find::<catalog_series::Entity, _>(&*tx, actor.scope(), id.uuid())
            .await?
            .ok_or(CoreError::not_found("catalog_series"))?;
        actor.require(Permission::CatalogManage)?;
        if before.published_from.is_some() {
            return Err(published_read_only());
        }
        if before.version != patch.version {
            return Err(CoreError::VersionConflict {
                entity: "catalog_series",
            });
        }
        let mut after = before.clone();
        after.name = parse_name("name", &patch.name, NAME_MAX)?;
        let now = self.now();
        let entry = AuditEntry::updated(&before, &after);
        let updated = audit::save::<catalog_series::Entity, _>(
            &*tx,
            actor,
            &before,
            after,
            entry,
            now,
            CoreError::on_write("catalog_series", "name"),
        )
        .await?;
        tx.commit().await?;
        Ok(SeriesView {
            id,
            brand_id: CatalogBrandId::from_uuid(updated.brand_id),
            name: updated.name,
            published: false,
            models: Vec::new(),
            version: updated.version,
        })
    }

    /// Deletes a series of the dealer's catalog. Needs `catalog.manage`; a published series is 422
    /// (field code `published_read_only`), one that still has models 409 `in_use`.
    pub async fn delete_series(&self, actor: &Actor, id: CatalogSeriesId) -> CoreResult<()> {
        let tx = self.db().begin().await?;
        let before = tenant::find::<catalog_series::Entity, _>(&*tx, actor.scope(), id.uuid())
            .await?
            .ok_or(CoreError::not_found("catalog_series"))?;
        actor.require(Permission::CatalogManage)?;
        if before.published_from.is_some() {
            return Err(published_read_only());
        }
        if catalog::model_count_of_series(&*tx, actor.scope(), before.id).await? > 0 {
            return Err(CoreError::InUse {
                detail: "the series still has models; delete them first".into(),
            });
        }
        tenant::delete::<catalog_series::Entity, _>(&*tx, actor.scope(), before.id).await?;
        audit::record(&*tx, actor, AuditEntry::deleted(&before), self.now()).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Adds a model (trim) under one of the dealer's series, with its year, price and colours.
    /// Needs `catalog.manage`; a name already used is 409 `already_exists` (field code `taken`).
    pub async fn create_model(&self, actor: &Actor, input: NewModel) -> CoreResult<ModelView> {
        actor.require(Permission::CatalogManage)?;
        let mut errors = FieldErrors::new();
        let name = errors.check(parse_name("name", &input.name, LONG_NAME_MAX));
        let colours = check_model_fields(
            &mut errors,
            input.model_year,
            input.guide_price_fen,
            &input.colours,
        );
        let tx = self.db().begin().await?;
        if tenant::find::<catalog_series::Entity, _>(&*tx, actor.scope(), input.series_id.uuid())
            .await?
            .is_none()
        {
            errors.push(FieldError::new(
                "series_id",
                "unknown_series",
                "is not a series of the catalog",
            ));
        }
        errors.finish()?;
        let now = self.now();
        let model = catalog_model::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            series_id: input.series_id.uuid(),
            name: name.unwrap_or_default(),
            model_year: input.model_year,
            body_type: enum_str(input.body_type),
            powertrain: enum_str(input.powertrain),
            guide_price_fen: input.guide_price_fen.0,
            colours,
            active: input.active,
            published_from: None,
            created_at: now,
            updated_at: now,
            version: 1,
        };
        let created =
            tenant::insert::<catalog_model::Entity, _>(&*tx, actor.scope(), model.dealer_id, model)
                .await
                .map_err(CoreError::on_write("catalog_model", "name"))?;
        audit::record(&*tx, actor, AuditEntry::created(&created), now).await?;
        tx.commit().await?;
        Ok(model_view(&created))
    }

    /// Edits a model of the dealer's catalog. Needs `catalog.manage`; another dealer's model is
    /// 404, a published one 422 (field code `published_read_only`), a stale `version` 409
    /// `version_conflict`.
    pub async fn update_model(
        &self,
        actor: &Actor,
        id: CatalogModelId,
        patch: ModelPatch,
    ) -> CoreResult<ModelView> {
        let tx = self.db().begin().await?;
        let before = tenant::find::<catalog_model::Entity, _>(&*tx, actor.scope(), id.uuid())
            .await?
            .ok_or(CoreError::not_found("catalog_model"))?;
        actor.require(Permission::CatalogManage)?;
        if before.published_from.is_some() {
            return Err(published_read_only());
        }
        if before.version != patch.version {
            return Err(CoreError::VersionConflict {
                entity: "catalog_model",
            });
        }
        let mut after = before.clone();
        let mut errors = FieldErrors::new();
        if let Some(name) = &patch.name
            && let Some(name) = errors.check(parse_name("name", name, LONG_NAME_MAX))
        {
            after.name = name;
        }
        if let Some(year) = patch.model_year {
            after.model_year = year;
        }
        if let Some(body) = patch.body_type {
            after.body_type = enum_str(body);
        }
        if let Some(power) = patch.powertrain {
            after.powertrain = enum_str(power);
        }
        if let Some(price) = patch.guide_price_fen {
            after.guide_price_fen = price.0;
        }
        if let Some(active) = patch.active {
            after.active = active;
        }
        let current_colours: Vec<Colour> =
            serde_json::from_value(after.colours.clone()).unwrap_or_default();
        let colours = check_model_fields(
            &mut errors,
            after.model_year,
            Fen(after.guide_price_fen),
            patch.colours.as_deref().unwrap_or(&current_colours),
        );
        after.colours = colours;
        errors.finish()?;
        let entry = AuditEntry::updated(&before, &after);
        let now = self.now();
        let Some(updated) = audit::update_if_changed::<catalog_model::Entity, _>(
            &*tx,
            actor,
            &before,
            after,
            entry,
            now,
            CoreError::on_write("catalog_model", "name"),
        )
        .await?
        else {
            return Ok(model_view(&before));
        };
        tx.commit().await?;
        Ok(model_view(&updated))
    }

    /// Deletes a model of the dealer's catalog. Needs `catalog.manage`; a published model is 422
    /// (field code `published_read_only`), one that vehicles refer to 409 `in_use` (switch it off
    /// instead).
    pub async fn delete_model(&self, actor: &Actor, id: CatalogModelId) -> CoreResult<()> {
        let tx = self.db().begin().await?;
        let before = tenant::find::<catalog_model::Entity, _>(&*tx, actor.scope(), id.uuid())
            .await?
            .ok_or(CoreError::not_found("catalog_model"))?;
        actor.require(Permission::CatalogManage)?;
        if before.published_from.is_some() {
            return Err(published_read_only());
        }
        if catalog::vehicle_count_of_model(&*tx, actor.scope(), before.id).await? > 0 {
            return Err(CoreError::InUse {
                detail: "vehicles refer to this model; deactivate it instead".into(),
            });
        }
        tenant::delete::<catalog_model::Entity, _>(&*tx, actor.scope(), before.id)
            .await
            .map_err(|e| match e {
                // Quotes, test-drive cars, configurator items … refer to it.
                forecourt_db::DbError::ForeignKeyViolation(_) => CoreError::InUse {
                    detail: "other records refer to this model; deactivate it instead".into(),
                },
                other => CoreError::from(other),
            })?;
        audit::record(&*tx, actor, AuditEntry::deleted(&before), self.now()).await?;
        tx.commit().await?;
        Ok(())
    }
}
