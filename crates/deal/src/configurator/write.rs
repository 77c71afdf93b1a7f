//! Maintaining the configurator (managers, `deal:configure`): groups, items, their dated
//! prices and package contents. Every change is audited.

use super::{GroupView, ItemView, group_view, trim};
use crate::Deal;
use chrono::NaiveDate;
use forecourt_db::WriteTx;
use forecourt_db::entities::{catalog_series, config_group, config_item, config_package_item};
use forecourt_db::repo::{deal, tenant};
use forecourt_domain::deal_config::{GroupRule, ItemKind};
use forecourt_domain::ids::{ConfigGroupId, ConfigItemId};
use forecourt_domain::permission::Permission;
use forecourt_domain::quote_price::check_amount;
use forecourt_domain::username::{NAME_MAX, parse_optional_text};
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// The longest name of a group or item.
pub const ITEM_NAME_MAX: usize = 100;
/// The longest option code.
pub const CODE_MAX: usize = 32;
/// The longest colour name.
pub const COLOUR_MAX: usize = 32;

/// A new option group of a trim.
#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct GroupInput {
    /// The trim (catalog model).
    pub model_id: Uuid,
    /// 1 to 50 characters.
    #[schema(schema_with = forecourt_domain::schema::name::<{ NAME_MAX }>)]
    pub name: String,
    /// `exclusive` (exactly one: paint, interior), `single` (at most one) or `multi`.
    pub rule: GroupRule,
    #[serde(default)]
    #[schema(minimum = 0, maximum = 1000)]
    pub position: i32,
}

/// A new item with its first price.
#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct ItemInput {
    /// `vehicle` (a trim's own dated price and unit cost), `option`, `package` or `accessory`.
    pub kind: ItemKind,
    /// The trim; required for every kind but `accessory`.
    pub model_id: Option<Uuid>,
    /// An accessory's series (None: offered for every series).
    pub series_id: Option<Uuid>,
    /// An option's group (of the same trim).
    pub group_id: Option<ConfigGroupId>,
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ CODE_MAX }>)]
    pub code: Option<String>,
    /// 1 to 100 characters.
    #[schema(schema_with = forecourt_domain::schema::name::<{ ITEM_NAME_MAX }>)]
    pub name: String,
    /// A paint option's colour: one of the trim's colours.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ COLOUR_MAX }>)]
    pub colour: Option<String>,
    /// A package's options (of the same trim).
    #[serde(default)]
    #[schema(max_items = 100)]
    pub option_ids: Vec<ConfigItemId>,
    /// The first price and the day it takes effect.
    pub price: PriceInput,
}

/// A price (and cost) from a day on; a price of the same day is replaced.
#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct PriceInput {
    pub effective_from: NaiveDate,
    #[schema(minimum = 0, maximum = 10000000000_i64)]
    pub price_fen: i64,
    #[schema(minimum = 0, maximum = 10000000000_i64)]
    pub cost_fen: Option<i64>,
}

/// Changes to an item; absent fields stay.
#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct ItemPatch {
    /// The version last read; a stale one is refused with 409 `version_conflict`.
    pub version: i64,
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ ITEM_NAME_MAX }>)]
    pub name: Option<String>,
    /// False withdraws it from new quotes (quotes made keep it).
    pub active: Option<bool>,
    /// A package's options, replaced as a whole.
    #[schema(max_items = 100)]
    pub option_ids: Option<Vec<ConfigItemId>>,
}

pub(super) fn check_price(errors: &mut FieldErrors, field: &str, price: &PriceInput) {
    let f = |name: &str| format!("{field}.{name}");
    if let Err(e) = forecourt_domain::dates::check_year(&f("effective_from"), price.effective_from)
    {
        errors.push(e);
    }
    if let Err(e) = check_amount(&f("price_fen"), price.price_fen) {
        errors.push(e);
    }
    if let Some(cost) = price.cost_fen
        && let Err(e) = check_amount(&f("cost_fen"), cost)
    {
        errors.push(e);
    }
}

fn required_name(errors: &mut FieldErrors, field: &str, name: &str, max: usize) -> String {
    match parse_optional_text(field, Some(name), max) {
        Ok(Some(n)) => n,
        Ok(None) => {
            errors.push(FieldError::required(field));
            String::new()
        }
        Err(e) => {
            errors.push(e);
            String::new()
        }
    }
}

/// Checks a package's options: options of the same trim, each once.
async fn package_options(
    tx: &WriteTx,
    actor: &Actor,
    errors: &mut FieldErrors,
    model_id: Option<Uuid>,
    ids: &[ConfigItemId],
) -> CoreResult<Vec<Uuid>> {
    if ids.len() > 100 {
        errors.push(FieldError::new(
            "option_ids",
            "too_many",
            "holds at most 100 options",
        ));
        return Ok(Vec::new());
    }
    let found = tenant::find_many::<config_item::Entity, _>(
        &**tx,
        actor.scope(),
        &ids.iter().map(|i| i.uuid()).collect::<Vec<_>>(),
    )
    .await?;
    let mut out = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        let ok = found.iter().any(|f| {
            f.id == id.uuid() && f.kind == ItemKind::Option.as_str() && f.model_id == model_id
        });
        if !ok || out.contains(&id.uuid()) {
            errors.push(FieldError::new(
                format!("option_ids[{i}]"),
                "invalid_value",
                "is not an option of this trim (or is listed twice)",
            ));
        } else {
            out.push(id.uuid());
        }
    }
    Ok(out)
}

async fn write_contents(
    tx: &WriteTx,
    actor: &Actor,
    package_id: Uuid,
    options: &[Uuid],
    now: chrono::DateTime<chrono::Utc>,
) -> CoreResult<()> {
    deal::clear_package_items(&**tx, actor.scope(), package_id).await?;
    for option in options {
        let row = config_package_item::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            package_id,
            option_id: *option,
            created_at: now,
        };
        tenant::insert::<config_package_item::Entity, _>(&**tx, actor.scope(), row.dealer_id, row)
            .await?;
    }
    Ok(())
}

impl Deal<'_> {
    /// Adds an option group to a trim (managers).
    pub async fn create_config_group(
        &self,
        actor: &Actor,
        input: GroupInput,
    ) -> CoreResult<GroupView> {
        actor.require(Permission::DealConfigure)?;
        let tx = self.db().begin().await?;
        let model = trim(&*tx, actor, input.model_id, "model_id").await?;
        let mut errors = FieldErrors::new();
        let name = required_name(&mut errors, "name", &input.name, NAME_MAX);
        if !(0..=1000).contains(&input.position) {
            errors.push(FieldError::new(
                "position",
                "out_of_range",
                "must be 0–1000",
            ));
        }
        errors.finish()?;
        let now = self.now();
        let row = config_group::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            model_id: model.id,
            name,
            rule: input.rule.as_str().to_owned(),
            position: input.position,
            created_at: now,
            updated_at: now,
            version: 1,
        };
        let saved =
            tenant::insert::<config_group::Entity, _>(&*tx, actor.scope(), row.dealer_id, row)
                .await?;
        audit::record(&*tx, actor, AuditEntry::created(&saved), now).await?;
        tx.commit().await?;
        Ok(group_view(&saved))
    }

    /// Adds an option, package, accessory or a trim's own price row, with its first price
    /// (managers).
    pub async fn create_config_item(
        &self,
        actor: &Actor,
        input: ItemInput,
    ) -> CoreResult<ItemView> {
        actor.require(Permission::DealConfigure)?;
        let tx = self.db().begin().await?;
        let mut errors = FieldErrors::new();
        let model = match (input.kind, input.model_id) {
            (ItemKind::Accessory, _) => None,
            (_, Some(id)) => Some(trim(&*tx, actor, id, "model_id").await?),
            (_, None) => {
                errors.push(FieldError::required("model_id"));
                None
            }
        };
        let series_id = match (input.kind, input.series_id) {
            (ItemKind::Accessory, Some(id)) => {
                if tenant::find::<catalog_series::Entity, _>(&*tx, actor.scope(), id)
                    .await?
                    .is_none()
                {
                    errors.push(FieldError::new("series_id", "not_found", "is not a series"));
                }
                Some(id)
            }
            _ => None,
        };
        let group_id = match (input.kind, input.group_id) {
            (ItemKind::Option, Some(id)) => {
                let group =
                    tenant::find::<config_group::Entity, _>(&*tx, actor.scope(), id.uuid()).await?;
                if group.is_none_or(|g| Some(g.model_id) != model.as_ref().map(|m| m.id)) {
                    errors.push(FieldError::new(
                        "group_id",
                        "invalid_value",
                        "is not a group of this trim",
                    ));
                }
                Some(id.uuid())
            }
            (_, Some(_)) => {
                errors.push(FieldError::new(
                    "group_id",
                    "not_allowed",
                    "only options have a group",
                ));
                None
            }
            _ => None,
        };
        let name = required_name(&mut errors, "name", &input.name, ITEM_NAME_MAX);
        let code = errors
            .check(parse_optional_text("code", input.code.as_deref(), CODE_MAX))
            .flatten();
        let colour = errors
            .check(parse_optional_text(
                "colour",
                input.colour.as_deref(),
                COLOUR_MAX,
            ))
            .flatten();
        if let (Some(c), Some(m)) = (&colour, &model)
            && !super::colours_of(m).iter().any(|x| &x.name == c)
        {
            errors.push(FieldError::new(
                "colour",
                "invalid_value",
                "is not a colour of the trim",
            ));
        }
        check_price(&mut errors, "price", &input.price);
        let options = if input.kind == ItemKind::Package {
            package_options(
                &tx,
                actor,
                &mut errors,
                model.as_ref().map(|m| m.id),
                &input.option_ids,
            )
            .await?
        } else {
            Vec::new()
        };
        errors.finish()?;
        let now = self.now();
        let row = config_item::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            kind: input.kind.as_str().to_owned(),
            model_id: model.as_ref().map(|m| m.id),
            series_id,
            group_id,
            code,
            name,
            colour,
            active: true,
            created_at: now,
            updated_at: now,
            version: 1,
        };
        let saved =
            tenant::insert::<config_item::Entity, _>(&*tx, actor.scope(), row.dealer_id, row)
                .await?;
        audit::record(&*tx, actor, AuditEntry::created(&saved), now).await?;
        write_contents(&tx, actor, saved.id, &options, now).await?;
        self.write_price(&tx, actor, saved.id, &input.price).await?;
        let view = self.item_view_in(&tx, actor, &saved).await?;
        tx.commit().await?;
        Ok(view)
    }

    /// Changes an item's name, whether it is offered, or a package's contents (managers).
    pub async fn update_config_item(
        &self,
        actor: &Actor,
        id: ConfigItemId,
        patch: ItemPatch,
    ) -> CoreResult<ItemView> {
        let tx = self.db().begin().await?;
        let before = forecourt_kernel::access::find_in_dealer::<config_item::Entity, _>(
            &*tx,
            actor,
            id.uuid(),
            "config_item",
        )
        .await?;
        actor.require(Permission::DealConfigure)?;
        if before.version != patch.version {
            return Err(CoreError::VersionConflict {
                entity: "config_item",
            });
        }
        let mut errors = FieldErrors::new();
        let mut after = before.clone();
        if let Some(name) = &patch.name {
            after.name = required_name(&mut errors, "name", name, ITEM_NAME_MAX);
        }
        if let Some(active) = patch.active {
            after.active = active;
        }
        let options = match &patch.option_ids {
            Some(ids) if before.kind == ItemKind::Package.as_str() => {
                Some(package_options(&tx, actor, &mut errors, before.model_id, ids).await?)
            }
            Some(_) => {
                errors.push(FieldError::new(
                    "option_ids",
                    "not_allowed",
                    "only packages hold options",
                ));
                None
            }
            None => None,
        };
        errors.finish()?;
        let now = self.now();
        let entry = AuditEntry::updated(&before, &after);
        let saved = audit::update_if_changed::<config_item::Entity, _>(
            &*tx,
            actor,
            &before,
            after,
            entry,
            now,
            |e| CoreError::from_db("config_item", e),
        )
        .await?
        .unwrap_or(before);
        if let Some(options) = options {
            write_contents(&tx, actor, saved.id, &options, now).await?;
            audit::record(
                &*tx,
                actor,
                AuditEntry::action("config_item", "contents_changed", Some(saved.id)),
                now,
            )
            .await?;
        }
        let view = self.item_view_in(&tx, actor, &saved).await?;
        tx.commit().await?;
        Ok(view)
    }
}
