//! The configurator: a trim's option groups, options, packages, the dealer accessories offered
//! for its series, and every price in effect on a date.

mod prices;
mod write;

pub use write::{COLOUR_MAX, GroupInput, ItemInput, ItemPatch, PriceInput};

use crate::Deal;
use chrono::NaiveDate;
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{
    catalog_model, config_group, config_item, config_item_price, config_package_item,
};
use forecourt_db::repo::deal;
use forecourt_domain::FieldError;
use forecourt_domain::deal_config::{GroupRule, ItemKind};
use forecourt_domain::ids::{ConfigGroupId, ConfigItemId};
use forecourt_domain::permission::Permission;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// An option group of a trim.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct GroupView {
    pub id: ConfigGroupId,
    /// The trim (catalog model).
    pub model_id: Uuid,
    pub name: String,
    /// `exclusive` (exactly one), `single` (at most one) or `multi` (any).
    pub rule: GroupRule,
    pub position: i32,
    pub version: i64,
}

/// A price from a date on.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct PriceView {
    pub effective_from: NaiveDate,
    pub price_fen: i64,
    /// The dealer's cost (shown to those who configure).
    pub cost_fen: Option<i64>,
}

/// An option, package, accessory or a trim's own price row.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ItemView {
    pub id: ConfigItemId,
    pub kind: ItemKind,
    /// The trim of an option, package or vehicle row.
    pub model_id: Option<Uuid>,
    /// The series an accessory is limited to (None: every series).
    pub series_id: Option<Uuid>,
    /// The option's group.
    pub group_id: Option<ConfigGroupId>,
    pub code: Option<String>,
    pub name: String,
    /// The model colour a paint option stands for.
    pub colour: Option<String>,
    pub active: bool,
    /// The price in effect on the day asked about (None: none yet — not offered).
    pub price_fen: Option<i64>,
    /// The cost in effect that day (shown to those who configure).
    pub cost_fen: Option<i64>,
    /// The options a package contains.
    pub option_ids: Vec<ConfigItemId>,
    /// Every price row, oldest first (shown to those who configure).
    pub prices: Vec<PriceView>,
    pub version: i64,
}

/// A colour of the trim, with the paint option that prices it (if any).
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ColourView {
    pub name: String,
    pub hex: Option<String>,
    /// The paint option of this colour, when it is priced as an option.
    pub option_id: Option<ConfigItemId>,
    pub price_fen: Option<i64>,
}

/// A trim's configuration with the prices in effect on a day.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct TrimConfiguration {
    pub model_id: Uuid,
    pub model_name: String,
    pub series_id: Uuid,
    /// `petrol`, `diesel`, `hybrid`, `phev`, `erev` or `bev`.
    pub powertrain: String,
    /// The day the prices are of.
    pub as_of: NaiveDate,
    /// The catalog's guide price.
    pub guide_price_fen: i64,
    /// The vehicle's price that day: the trim's own dated price, else the guide price.
    pub vehicle_price_fen: i64,
    /// The vehicle's known unit cost that day (shown to those who configure).
    pub vehicle_cost_fen: Option<i64>,
    /// The trim's own price row (None: priced at the guide price).
    pub vehicle_item: Option<ItemView>,
    pub colours: Vec<ColourView>,
    pub groups: Vec<GroupView>,
    pub options: Vec<ItemView>,
    pub packages: Vec<ItemView>,
    pub accessories: Vec<ItemView>,
}

#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ConfigurationQuery {
    /// The day whose prices to show (default: today in the dealer's time zone).
    pub on: Option<NaiveDate>,
}

/// Whether the actor sees costs and price histories.
pub(crate) fn sees_costs(actor: &Actor) -> bool {
    actor.require(Permission::DealConfigure).is_ok()
}

pub(crate) fn group_view(g: &config_group::Model) -> GroupView {
    GroupView {
        id: ConfigGroupId::from_uuid(g.id),
        model_id: g.model_id,
        name: g.name.clone(),
        rule: GroupRule::parse(&g.rule).unwrap_or(GroupRule::Multi),
        position: g.position,
        version: g.version,
    }
}

/// The price row of each item in effect (`prices` oldest first, already cut at the day).
pub(crate) fn in_effect(
    prices: &[config_item_price::Model],
) -> HashMap<Uuid, &config_item_price::Model> {
    let mut current = HashMap::new();
    for p in prices {
        current.insert(p.item_id, p);
    }
    current
}

pub(crate) fn item_view(
    item: &config_item::Model,
    on: NaiveDate,
    prices: &[config_item_price::Model],
    contents: &[config_package_item::Model],
    costs: bool,
) -> ItemView {
    let own: Vec<&config_item_price::Model> =
        prices.iter().filter(|p| p.item_id == item.id).collect();
    let current = own.iter().rev().find(|p| p.effective_from <= on);
    ItemView {
        id: ConfigItemId::from_uuid(item.id),
        kind: ItemKind::parse(&item.kind).unwrap_or(ItemKind::Option),
        model_id: item.model_id,
        series_id: item.series_id,
        group_id: item.group_id.map(ConfigGroupId::from_uuid),
        code: item.code.clone(),
        name: item.name.clone(),
        colour: item.colour.clone(),
        active: item.active,
        price_fen: current.map(|p| p.price_fen),
        cost_fen: current.and_then(|p| p.cost_fen).filter(|_| costs),
        option_ids: contents
            .iter()
            .filter(|c| c.package_id == item.id)
            .map(|c| ConfigItemId::from_uuid(c.option_id))
            .collect(),
        prices: if costs {
            own.iter()
                .map(|p| PriceView {
                    effective_from: p.effective_from,
                    price_fen: p.price_fen,
                    cost_fen: p.cost_fen,
                })
                .collect()
        } else {
            Vec::new()
        },
        version: item.version,
    }
}

/// A colour as the catalog stores it.
#[derive(Deserialize)]
pub(crate) struct CatalogColour {
    pub name: String,
    #[serde(default)]
    pub hex: Option<String>,
}

pub(crate) fn colours_of(model: &catalog_model::Model) -> Vec<CatalogColour> {
    serde_json::from_value(model.colours.clone()).unwrap_or_default()
}

/// The trim of the actor's dealer, or a 422 naming `field`.
pub(crate) async fn trim<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    id: Uuid,
    field: &str,
) -> CoreResult<catalog_model::Model> {
    forecourt_db::repo::tenant::find::<catalog_model::Entity, _>(conn, actor.scope(), id)
        .await?
        .ok_or_else(|| {
            CoreError::invalid(FieldError::new(
                field,
                "not_found",
                "is not a trim of the catalog",
            ))
        })
}

/// Everything the configurator holds for a trim: groups, items, every price, package contents.
pub(crate) struct TrimData {
    pub groups: Vec<config_group::Model>,
    pub items: Vec<config_item::Model>,
    pub prices: Vec<config_item_price::Model>,
    pub contents: Vec<config_package_item::Model>,
}

pub(crate) async fn trim_data<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    model: &catalog_model::Model,
    on: Option<NaiveDate>,
) -> CoreResult<TrimData> {
    let groups = deal::groups_of_model(conn, actor.scope(), model.id).await?;
    let items = deal::items_for_model(conn, actor.scope(), model.id, model.series_id).await?;
    let ids: Vec<Uuid> = items.iter().map(|i| i.id).collect();
    let prices = deal::prices_of(conn, actor.scope(), &ids, on).await?;
    let packages: Vec<Uuid> = items
        .iter()
        .filter(|i| i.kind == ItemKind::Package.as_str())
        .map(|i| i.id)
        .collect();
    let contents = deal::package_items(conn, actor.scope(), &packages).await?;
    Ok(TrimData {
        groups,
        items,
        prices,
        contents,
    })
}

impl Deal<'_> {
    /// A trim's configuration with the prices in effect on a day (default today): what a
    /// consultant may quote. Inactive items and items without a price that day are left out
    /// for those who do not configure.
    pub async fn trim_configuration(
        &self,
        actor: &Actor,
        model_id: Uuid,
        query: ConfigurationQuery,
    ) -> CoreResult<TrimConfiguration> {
        let conn = self.db().conn();
        let model = forecourt_kernel::access::find_in_dealer::<catalog_model::Entity, _>(
            conn, actor, model_id, "model",
        )
        .await?;
        if actor.require(Permission::DealConfigure).is_err() {
            actor.require(Permission::QuoteRead)?;
        }
        let on = match query.on {
            Some(day) => forecourt_domain::dates::check_year("on", day)?,
            None => self.today(actor),
        };
        let costs = sees_costs(actor);
        let data = trim_data(conn, actor, &model, None).await?;
        let views: Vec<ItemView> = data
            .items
            .iter()
            .map(|i| item_view(i, on, &data.prices, &data.contents, costs))
            .filter(|v| costs || (v.active && v.price_fen.is_some()))
            .collect();
        let of_kind = |k: ItemKind| -> Vec<ItemView> {
            views.iter().filter(|v| v.kind == k).cloned().collect()
        };
        let vehicle_item = of_kind(ItemKind::Vehicle).into_iter().find(|v| v.active);
        let options = of_kind(ItemKind::Option);
        let colours = colours_of(&model)
            .into_iter()
            .map(|c| {
                let option = options
                    .iter()
                    .find(|o| o.colour.as_deref() == Some(c.name.as_str()));
                ColourView {
                    option_id: option.map(|o| o.id),
                    price_fen: option.and_then(|o| o.price_fen),
                    name: c.name,
                    hex: c.hex,
                }
            })
            .collect();
        Ok(TrimConfiguration {
            model_id: model.id,
            model_name: model.name.clone(),
            series_id: model.series_id,
            powertrain: model.powertrain.clone(),
            as_of: on,
            guide_price_fen: model.guide_price_fen,
            vehicle_price_fen: vehicle_item
                .as_ref()
                .and_then(|v| v.price_fen)
                .unwrap_or(model.guide_price_fen),
            vehicle_cost_fen: vehicle_item.as_ref().and_then(|v| v.cost_fen),
            vehicle_item,
            colours,
            groups: data.groups.iter().map(group_view).collect(),
            options,
            packages: of_kind(ItemKind::Package),
            accessories: of_kind(ItemKind::Accessory),
        })
    }
}
