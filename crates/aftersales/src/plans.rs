//! Maintenance plans: a model's service intervals (or, without a model, the dealer's default) —
//! by distance and by time, with an optional first service (首保). Every dealer starts with a
//! default of 10,000 km / 12 months and a first service at 5,000 km / 6 months.

use crate::AfterSales;
use chrono::{DateTime, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{catalog_model, maintenance_plan};
use forecourt_db::repo::{service, tenant};
use forecourt_domain::aftersales::due::{Intervals, Plan};
use forecourt_domain::ids::CatalogModelId;
use forecourt_domain::permission::Permission;
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// The shortest and longest distance interval.
pub const INTERVAL_KM: std::ops::RangeInclusive<i32> = 500..=100_000;
/// The shortest and longest time interval.
pub const INTERVAL_MONTHS: std::ops::RangeInclusive<i32> = 1..=60;
/// The longest plan name.
pub const NAME_MAX: usize = 100;

/// A maintenance plan.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct MaintenancePlanView {
    pub id: Uuid,
    /// The catalog model (trim) it is for; none for the dealer's default.
    pub catalog_model_id: Option<CatalogModelId>,
    pub name: String,
    /// Distance between services, km.
    pub interval_km: i32,
    /// Time between services, months.
    pub interval_months: i32,
    /// The first service (首保) from new, km; none: the regular interval.
    pub first_km: Option<i32>,
    /// The first service from purchase, months.
    pub first_months: Option<i32>,
    pub version: i64,
}

/// A new plan, or the whole of a plan's change (`version` then required).
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MaintenancePlanInput {
    /// The catalog model (trim); none for the dealer's default (one per dealer, and one per
    /// model: another is 409).
    pub catalog_model_id: Option<CatalogModelId>,
    /// 1–100 characters.
    #[schema(min_length = 1, max_length = 100)]
    pub name: String,
    /// 500–100,000 km.
    #[schema(minimum = 500, maximum = 100000)]
    pub interval_km: i32,
    /// 1–60 months.
    #[schema(minimum = 1, maximum = 60)]
    pub interval_months: i32,
    /// 500–100,000 km, with `first_months`.
    #[schema(minimum = 500, maximum = 100000)]
    pub first_km: Option<i32>,
    /// 1–60 months, with `first_km`.
    #[schema(minimum = 1, maximum = 60)]
    pub first_months: Option<i32>,
    /// The version read (when changing a plan).
    pub version: Option<i64>,
}

/// The view of a plan row.
pub fn view(m: &maintenance_plan::Model) -> MaintenancePlanView {
    MaintenancePlanView {
        id: m.id,
        catalog_model_id: m.catalog_model_id.map(CatalogModelId::from_uuid),
        name: m.name.clone(),
        interval_km: m.interval_km,
        interval_months: m.interval_months,
        first_km: m.first_km,
        first_months: m.first_months,
        version: m.version,
    }
}

/// The intervals of a plan row.
pub fn plan_of(m: &maintenance_plan::Model) -> Plan {
    Plan {
        every: Intervals {
            km: m.interval_km,
            months: m.interval_months.max(1) as u32,
        },
        first: match (m.first_km, m.first_months) {
            (Some(km), Some(months)) => Some(Intervals {
                km,
                months: months.max(1) as u32,
            }),
            _ => None,
        },
    }
}

/// The plan for a car of `model`: the model's own, else the dealer's default.
pub fn plan_for(
    plans: &[maintenance_plan::Model],
    model: Option<Uuid>,
) -> Option<&maintenance_plan::Model> {
    model
        .and_then(|m| plans.iter().find(|p| p.catalog_model_id == Some(m)))
        .or_else(|| plans.iter().find(|p| p.catalog_model_id.is_none()))
}

/// Adds the dealer's default plan when it has none, named in the dealer's language (the
/// system actor's; a user's own when the first to reach it is a person).
pub async fn ensure_default<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    if service::plans(conn, actor.scope())
        .await?
        .iter()
        .any(|p| p.catalog_model_id.is_none())
    {
        return Ok(());
    }
    let model = maintenance_plan::Model {
        id: Uuid::now_v7(),
        dealer_id: actor.dealer_id().uuid(),
        catalog_model_id: None,
        name: forecourt_kernel::texts::render(
            &forecourt_domain::text::Text::new(crate::texts::DEFAULT_PLAN),
            actor.locale(),
        ),
        interval_km: 10_000,
        interval_months: 12,
        first_km: Some(5_000),
        first_months: Some(6),
        created_at: now,
        updated_at: now,
        version: 1,
    };
    tenant::insert::<maintenance_plan::Entity, _>(conn, actor.scope(), model.dealer_id, model)
        .await?;
    Ok(())
}

fn check(input: &MaintenancePlanInput) -> Result<(), Vec<FieldError>> {
    let mut e = FieldErrors::new();
    let name = input.name.trim();
    if name.is_empty() || name.chars().count() > NAME_MAX {
        e.push(FieldError::new(
            "name",
            "invalid_length",
            "must be 1–100 characters",
        ));
    }
    if !INTERVAL_KM.contains(&input.interval_km) {
        e.push(FieldError::new(
            "interval_km",
            "out_of_range",
            "must be 500–100,000 km",
        ));
    }
    if !INTERVAL_MONTHS.contains(&input.interval_months) {
        e.push(FieldError::new(
            "interval_months",
            "out_of_range",
            "must be 1–60 months",
        ));
    }
    match (input.first_km, input.first_months) {
        (None, None) => {}
        (Some(km), Some(months)) => {
            if !INTERVAL_KM.contains(&km) {
                e.push(FieldError::new(
                    "first_km",
                    "out_of_range",
                    "must be 500–100,000 km",
                ));
            }
            if !INTERVAL_MONTHS.contains(&months) {
                e.push(FieldError::new(
                    "first_months",
                    "out_of_range",
                    "must be 1–60 months",
                ));
            }
        }
        (None, Some(_)) => e.push(FieldError::required("first_km")),
        (Some(_), None) => e.push(FieldError::required("first_months")),
    }
    e.finish()
}

fn taken(e: forecourt_db::DbError) -> CoreError {
    match e {
        forecourt_db::DbError::UniqueViolation(_) => CoreError::AlreadyExists(FieldError::new(
            "catalog_model_id",
            "already_exists",
            "this model (or the dealer default) already has a plan",
        )),
        other => CoreError::from_db("maintenance_plan", other),
    }
}

impl AfterSales<'_> {
    /// The dealer's maintenance plans, the default first. Needs `service:read` or
    /// `service:configure`.
    pub async fn maintenance_plans(&self, actor: &Actor) -> CoreResult<Vec<MaintenancePlanView>> {
        if !actor.can(Permission::ServiceRead) {
            actor.require(Permission::ServiceConfigure)?;
        }
        let mut plans = service::plans(self.db().conn(), actor.scope()).await?;
        plans.sort_by_key(|p| (p.catalog_model_id.is_some(), p.name.clone()));
        Ok(plans.iter().map(view).collect())
    }

    /// Adds a plan for a model (or the dealer's default). Needs `service:configure`; a model
    /// not in the catalog is 422 on `catalog_model_id`, a second plan for it 409.
    pub async fn create_maintenance_plan(
        &self,
        actor: &Actor,
        input: MaintenancePlanInput,
    ) -> CoreResult<MaintenancePlanView> {
        actor.require(Permission::ServiceConfigure)?;
        check(&input)?;
        let now = self.now();
        let tx = self.db().begin().await?;
        self.check_model(&*tx, actor, input.catalog_model_id)
            .await?;
        let model = maintenance_plan::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            catalog_model_id: input.catalog_model_id.map(CatalogModelId::uuid),
            name: input.name.trim().to_owned(),
            interval_km: input.interval_km,
            interval_months: input.interval_months,
            first_km: input.first_km,
            first_months: input.first_months,
            created_at: now,
            updated_at: now,
            version: 1,
        };
        let saved = tenant::insert::<maintenance_plan::Entity, _>(
            &*tx,
            actor.scope(),
            model.dealer_id,
            model,
        )
        .await
        .map_err(taken)?;
        audit::record(&*tx, actor, AuditEntry::created(&saved), now).await?;
        tx.commit().await?;
        Ok(view(&saved))
    }

    /// Changes a plan (all of its fields, with the `version` read: stale is 409). Needs
    /// `service:configure`.
    pub async fn update_maintenance_plan(
        &self,
        actor: &Actor,
        id: Uuid,
        input: MaintenancePlanInput,
    ) -> CoreResult<MaintenancePlanView> {
        let tx = self.db().begin().await?;
        let before = forecourt_kernel::access::find_in_dealer::<maintenance_plan::Entity, _>(
            &*tx,
            actor,
            id,
            "maintenance_plan",
        )
        .await?;
        actor.require(Permission::ServiceConfigure)?;
        check(&input)?;
        if input.version != Some(before.version) {
            return Err(CoreError::VersionConflict {
                entity: "maintenance_plan",
            });
        }
        self.check_model(&*tx, actor, input.catalog_model_id)
            .await?;
        let mut after = before.clone();
        after.catalog_model_id = input.catalog_model_id.map(CatalogModelId::uuid);
        after.name = input.name.trim().to_owned();
        after.interval_km = input.interval_km;
        after.interval_months = input.interval_months;
        after.first_km = input.first_km;
        after.first_months = input.first_months;
        let entry = AuditEntry::updated(&before, &after);
        let saved = audit::update_if_changed::<maintenance_plan::Entity, _>(
            &*tx,
            actor,
            &before,
            after,
            entry,
            self.now(),
            taken,
        )
        .await?
        .unwrap_or(before);
        tx.commit().await?;
        Ok(view(&saved))
    }

    /// Deletes a model's plan (its cars fall back to the default). The dealer's default stays:
    /// 409 `invalid_state`. Needs `service:configure`.
    pub async fn delete_maintenance_plan(&self, actor: &Actor, id: Uuid) -> CoreResult<()> {
        let tx = self.db().begin().await?;
        let before = forecourt_kernel::access::find_in_dealer::<maintenance_plan::Entity, _>(
            &*tx,
            actor,
            id,
            "maintenance_plan",
        )
        .await?;
        actor.require(Permission::ServiceConfigure)?;
        if before.catalog_model_id.is_none() {
            return Err(CoreError::invalid_state(
                "the dealer's default plan cannot be deleted; change it instead",
            ));
        }
        tenant::delete::<maintenance_plan::Entity, _>(&*tx, actor.scope(), id).await?;
        audit::record(&*tx, actor, AuditEntry::deleted(&before), self.now()).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn check_model<C: ConnectionTrait>(
        &self,
        conn: &C,
        actor: &Actor,
        model: Option<CatalogModelId>,
    ) -> CoreResult<()> {
        if let Some(model) = model
            && tenant::find::<catalog_model::Entity, _>(conn, actor.scope(), model.uuid())
                .await?
                .is_none()
        {
            return Err(CoreError::invalid(FieldError::new(
                "catalog_model_id",
                "unknown_model",
                "is not a model of the catalog",
            )));
        }
        Ok(())
    }
}
