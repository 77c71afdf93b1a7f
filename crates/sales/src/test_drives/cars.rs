//! The dealer's test-drive cars.

use crate::Sales;
use crate::catalog_names::CatalogNames;
use forecourt_db::entities::test_drive_car;
use forecourt_db::repo::tenant;
use forecourt_db::repo::test_drives::{self};
use forecourt_domain::FieldErrors;
use forecourt_domain::ids::TestDriveCarId;
use forecourt_domain::permission::Permission;
use forecourt_domain::plate::Plate;
use forecourt_domain::username::{LONG_NAME_MAX, REMARK_MAX, SHORT_NAME_MAX};
use forecourt_domain::username::{parse_name, parse_optional_text};
use forecourt_domain::vin::Vin;
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use uuid::Uuid;

use super::*;

impl Sales<'_> {
    /// The dealer's test-drive cars, retired ones included. Needs `test_drive.read`.
    pub async fn test_drive_cars(&self, actor: &Actor) -> CoreResult<Vec<TestDriveCarView>> {
        actor.require(Permission::TestDriveRead)?;
        let conn = self.db().conn();
        let catalog = CatalogNames::load(conn, actor).await?;
        Ok(test_drives::cars(conn, actor.scope())
            .await?
            .iter()
            .map(|c| car_view(&catalog, c))
            .collect())
    }

    /// Adds a test-drive car to the dealer's fleet (active at once). Needs `test_drive.fleet`; a
    /// series or model not in the catalog is a 422 field error.
    pub async fn create_test_drive_car(
        &self,
        actor: &Actor,
        input: NewTestDriveCar,
    ) -> CoreResult<TestDriveCarView> {
        actor.require(Permission::TestDriveFleet)?;
        let conn = self.db().conn();
        let catalog = CatalogNames::load(conn, actor).await?;
        let mut errors = FieldErrors::new();
        let name = errors.check(parse_name("name", &input.name, LONG_NAME_MAX));
        let (series_id, model_id) = catalog.check(&mut errors, "", input.series_id, input.model_id);
        let vin = match input
            .vin
            .as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
        {
            Some(v) => errors
                .check(Vin::parse("vin", v))
                .map(|p| p.vin.as_str().to_owned()),
            None => None,
        };
        let plate = match input
            .plate
            .as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
        {
            Some(p) => errors
                .check(Plate::parse("plate", p))
                .map(|p| p.as_str().to_owned()),
            None => None,
        };
        let colour = errors
            .check(parse_optional_text(
                "colour",
                input.colour.as_deref(),
                SHORT_NAME_MAX,
            ))
            .flatten();
        let notes = errors
            .check(parse_optional_text(
                "notes",
                input.notes.as_deref(),
                REMARK_MAX,
            ))
            .flatten();
        errors.finish()?;
        let now = self.now();
        let model = test_drive_car::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            name: name.unwrap_or_default(),
            series_id,
            model_id,
            vin,
            plate,
            colour,
            active: true,
            notes,
            created_at: now,
            updated_at: now,
            version: 1,
        };
        let tx = self.db().begin().await?;
        let created = tenant::insert::<test_drive_car::Entity, _>(
            &*tx,
            actor.scope(),
            model.dealer_id,
            model,
        )
        .await?;
        audit::record(&*tx, actor, AuditEntry::created(&created), now).await?;
        tx.commit().await?;
        Ok(car_view(&catalog, &created))
    }

    /// Renames, re-plates or retires a test-drive car. Needs `test_drive.fleet`; another dealer's
    /// car is 404, a stale `version` 409 `version_conflict`.
    pub async fn update_test_drive_car(
        &self,
        actor: &Actor,
        id: TestDriveCarId,
        patch: TestDriveCarPatch,
    ) -> CoreResult<TestDriveCarView> {
        let tx = self.db().begin().await?;
        let before = tenant::find::<test_drive_car::Entity, _>(&*tx, actor.scope(), id.uuid())
            .await?
            .ok_or(CoreError::not_found("test_drive_car"))?;
        actor.require(Permission::TestDriveFleet)?;
        if before.version != patch.version {
            return Err(CoreError::VersionConflict {
                entity: "test_drive_car",
            });
        }
        let mut errors = FieldErrors::new();
        let mut after = before.clone();
        if let Some(name) = &patch.name
            && let Some(name) = errors.check(parse_name("name", name, LONG_NAME_MAX))
        {
            after.name = name;
        }
        if let Some(plate) = &patch.plate {
            after.plate = match plate.trim() {
                "" => None,
                p => errors
                    .check(Plate::parse("plate", p))
                    .map(|p| p.as_str().to_owned()),
            };
        }
        if let Some(colour) = &patch.colour {
            after.colour = errors
                .check(parse_optional_text("colour", Some(colour), SHORT_NAME_MAX))
                .flatten();
        }
        if let Some(notes) = &patch.notes {
            after.notes = errors
                .check(parse_optional_text("notes", Some(notes), REMARK_MAX))
                .flatten();
        }
        if let Some(active) = patch.active {
            after.active = active;
        }
        errors.finish()?;
        let entry = AuditEntry::updated(&before, &after);
        let now = self.now();
        let saved = audit::update_if_changed::<test_drive_car::Entity, _>(
            &*tx,
            actor,
            &before,
            after,
            entry,
            now,
            |e| CoreError::from_db("test_drive_car", e),
        )
        .await?
        .unwrap_or(before);
        let catalog = CatalogNames::load(&*tx, actor).await?;
        tx.commit().await?;
        Ok(car_view(&catalog, &saved))
    }
}
