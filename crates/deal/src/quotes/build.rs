//! Pricing a configuration into a quote's lines: the trim's price of the day, the chosen
//! options, packages and accessories at their prices of the day, the purchase tax by the
//! dealer's rule of the day, the fees, the discount and the trade-in.

use super::QuoteConfig;
use crate::configurator::{colours_of, in_effect, trim, trim_data};
use crate::settings::{effective, tax_rules};
use chrono::NaiveDate;
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{appraisal, catalog_model, config_item};
use forecourt_db::repo::tenant;
use forecourt_domain::deal_config::{GroupRef, GroupRule, ItemKind, check_groups};
use forecourt_domain::ids::ConfigItemId;
use forecourt_domain::permission::{Permission, Scope};
use forecourt_domain::quote_price::{
    PriceInput, Priced, TaxRule, check_amount, discount_over_limit, gross_margin, price,
};
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use uuid::Uuid;

/// A line before it is stored.
#[derive(Clone, Debug)]
pub struct LineDraft {
    pub kind: &'static str,
    pub item_id: Option<Uuid>,
    pub label: String,
    /// Signed: the discount and the trade-in are negative.
    pub amount_fen: i64,
    pub cost_fen: Option<i64>,
}

impl LineDraft {
    /// The line as shown: the cost only to those who see margins.
    pub fn view(&self, margin: bool) -> super::QuoteLineView {
        super::QuoteLineView {
            kind: self.kind.to_owned(),
            item_id: self.item_id,
            label: self.label.clone(),
            amount_fen: self.amount_fen,
            cost_fen: self.cost_fen.filter(|_| margin),
        }
    }
}

/// A configuration priced.
#[derive(Clone, Debug)]
pub struct Built {
    pub model: catalog_model::Model,
    pub colour: Option<String>,
    pub lines: Vec<LineDraft>,
    pub amounts: PriceInput,
    pub priced: Priced,
    pub vehicle_cost_fen: Option<i64>,
    pub cost_fen: Option<i64>,
    pub margin_fen: Option<i64>,
    pub appraisal_id: Option<Uuid>,
    /// Why approval is needed (`discount`, `margin`); empty: it is not.
    pub reasons: Vec<&'static str>,
}

/// Whether the actor decides quote approvals for the whole dealer (their own quotes need none).
pub fn decides_quotes(actor: &Actor) -> bool {
    actor
        .require(Permission::QuoteApprove)
        .is_ok_and(|s| s >= Scope::Dealer)
}

/// Picks the chosen items of `kind` from the trim's, naming `field[i]` for those not offered.
fn chosen<'a>(
    errors: &mut FieldErrors,
    field: &str,
    ids: &[ConfigItemId],
    kind: ItemKind,
    offered: &'a [config_item::Model],
    priced: &std::collections::HashMap<Uuid, &forecourt_db::entities::config_item_price::Model>,
) -> Vec<(&'a config_item::Model, i64, Option<i64>)> {
    let mut out: Vec<(&config_item::Model, i64, Option<i64>)> = Vec::new();
    if ids.len() > super::ITEMS_MAX {
        errors.push(FieldError::new(
            field,
            "too_many",
            "holds at most 100 items",
        ));
        return out;
    }
    for (i, id) in ids.iter().enumerate() {
        let item = offered
            .iter()
            .find(|o| o.id == id.uuid() && o.kind == kind.as_str() && o.active);
        let price = item.and_then(|o| priced.get(&o.id));
        match (item, price) {
            (Some(item), Some(p)) if !out.iter().any(|(o, _, _)| o.id == item.id) => {
                out.push((item, p.price_fen, p.cost_fen));
            }
            (Some(_), Some(_)) => errors.push(FieldError::new(
                format!("{field}[{i}]"),
                "duplicate",
                "is listed twice",
            )),
            _ => errors.push(FieldError::new(
                format!("{field}[{i}]"),
                "not_available",
                "is not offered for this trim on the quote's date",
            )),
        }
    }
    out
}

/// Prices `config` for a quote of `customer_id` at the prices of `priced_on`; `today` decides
/// whether an appraisal has expired.
pub async fn build<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    config: &QuoteConfig,
    customer_id: Uuid,
    priced_on: NaiveDate,
    today: NaiveDate,
) -> CoreResult<Built> {
    let model = trim(conn, actor, config.model_id, "model_id").await?;
    let mut errors = FieldErrors::new();
    let colour = errors
        .check(forecourt_domain::username::parse_optional_text(
            "colour",
            config.colour.as_deref(),
            crate::configurator::COLOUR_MAX,
        ))
        .flatten();
    if let Some(c) = &colour
        && !colours_of(&model).iter().any(|x| &x.name == c)
    {
        errors.push(FieldError::new(
            "colour",
            "invalid_value",
            "is not a colour of the trim",
        ));
    }
    let data = trim_data(conn, actor, &model, Some(priced_on)).await?;
    let priced = in_effect(&data.prices);
    // The vehicle: the trim's own dated price, else the catalog's guide price.
    let vehicle_row = data
        .items
        .iter()
        .find(|i| i.kind == ItemKind::Vehicle.as_str() && i.active && priced.contains_key(&i.id));
    let vehicle_price = vehicle_row
        .and_then(|v| priced.get(&v.id))
        .map(|p| p.price_fen)
        .unwrap_or(model.guide_price_fen);
    let known_vehicle_cost = vehicle_row
        .and_then(|v| priced.get(&v.id))
        .and_then(|p| p.cost_fen);
    let vehicle_cost = match config.vehicle_cost_fen {
        Some(c) => errors.check(check_amount("vehicle_cost_fen", c)),
        None => known_vehicle_cost,
    };
    let options = chosen(
        &mut errors,
        "option_ids",
        &config.option_ids,
        ItemKind::Option,
        &data.items,
        &priced,
    );
    let packages = chosen(
        &mut errors,
        "package_ids",
        &config.package_ids,
        ItemKind::Package,
        &data.items,
        &priced,
    );
    let accessories = chosen(
        &mut errors,
        "accessory_ids",
        &config.accessory_ids,
        ItemKind::Accessory,
        &data.items,
        &priced,
    );
    // A paint option must be the colour chosen.
    for (i, (item, _, _)) in options.iter().enumerate() {
        if let Some(paint) = &item.colour
            && colour.as_ref() != Some(paint)
        {
            errors.push(FieldError::new(
                format!("option_ids[{i}]"),
                "colour_mismatch",
                "is the paint of another colour than the one chosen",
            ));
        }
    }
    // Group rules: every option chosen by id (in the order sent).
    if options.len() == config.option_ids.len() {
        let groups: Vec<GroupRef<'_>> = data
            .groups
            .iter()
            .map(|g| GroupRef {
                id: g.id,
                name: &g.name,
                rule: GroupRule::parse(&g.rule).unwrap_or(GroupRule::Multi),
            })
            .collect();
        let chosen_groups: Vec<Option<Uuid>> = options.iter().map(|(o, _, _)| o.group_id).collect();
        for e in check_groups(&groups, &chosen_groups) {
            errors.push(e);
        }
    }
    let trade_in = match config.appraisal_id {
        Some(id) => {
            match tenant::find::<appraisal::Entity, _>(conn, actor.scope(), id.uuid()).await? {
                None => {
                    errors.push(FieldError::new(
                        "appraisal_id",
                        "not_found",
                        "is not an appraisal",
                    ));
                    None
                }
                Some(a) if a.customer_id != customer_id => {
                    errors.push(FieldError::new(
                        "appraisal_id",
                        "other_customer",
                        "is an appraisal of another customer's car",
                    ));
                    None
                }
                Some(a) if a.valid_until < today => {
                    errors.push(
                        FieldError::new("appraisal_id", "expired", "has expired")
                            .with_param("valid_until", a.valid_until.to_string()),
                    );
                    None
                }
                Some(a) => Some(a),
            }
        }
        None => None,
    };
    let amounts = PriceInput {
        vehicle_fen: vehicle_price,
        options_fen: options.iter().map(|(_, p, _)| p).sum(),
        packages_fen: packages.iter().map(|(_, p, _)| p).sum(),
        accessories_fen: accessories.iter().map(|(_, p, _)| p).sum(),
        insurance_fen: config.insurance_fen,
        fees_fen: config.fees_fen,
        finance_fee_fen: config.finance_fee_fen,
        discount_fen: config.discount_fen,
        trade_in_fen: trade_in.as_ref().map(|a| a.value_fen).unwrap_or(0),
    };
    let settings = effective(conn, actor).await?;
    let rules = tax_rules(&settings);
    let rule = TaxRule::in_effect(&rules, priced_on);
    let priced_total = match price(&amounts, rule, &model.powertrain) {
        Ok(p) => Some(p),
        Err(e) => {
            errors.push(e);
            None
        }
    };
    errors.finish()?;
    let priced_total =
        priced_total.ok_or_else(|| CoreError::invalid(FieldError::required("model_id")))?;

    let mut lines = vec![LineDraft {
        kind: "vehicle",
        item_id: vehicle_row.map(|v| v.id),
        label: model.name.clone(),
        amount_fen: vehicle_price,
        cost_fen: vehicle_cost,
    }];
    for (kind, items) in [
        ("option", &options),
        ("package", &packages),
        ("accessory", &accessories),
    ] {
        for (item, p, cost) in items.iter() {
            lines.push(LineDraft {
                kind,
                item_id: Some(item.id),
                label: item.name.clone(),
                amount_fen: *p,
                // An item without a known cost is taken at its price: no margin counted on it.
                cost_fen: Some(cost.unwrap_or(*p)),
            });
        }
    }
    let mut fixed = |kind: &'static str, label: &str, amount: i64| {
        if amount != 0 {
            lines.push(LineDraft {
                kind,
                item_id: None,
                label: label.to_owned(),
                amount_fen: amount,
                cost_fen: None,
            });
        }
    };
    fixed("purchase_tax", "车辆购置税", priced_total.purchase_tax_fen);
    fixed("insurance", "保险", amounts.insurance_fen);
    fixed("fees", "上牌及服务费", amounts.fees_fen);
    fixed("finance_fee", "金融服务费", amounts.finance_fee_fen);
    fixed("discount", "优惠", -amounts.discount_fen);
    fixed("trade_in", "二手车置换", -amounts.trade_in_fen);

    let cost_fen = vehicle_cost.map(|v| {
        v + lines
            .iter()
            .filter(|l| matches!(l.kind, "option" | "package" | "accessory"))
            .filter_map(|l| l.cost_fen)
            .sum::<i64>()
    });
    let margin_fen = cost_fen.map(|c| gross_margin(&amounts, c));
    let mut reasons = Vec::new();
    if !decides_quotes(actor) {
        let goods = amounts.vehicle_fen + amounts.options_fen + amounts.packages_fen;
        if discount_over_limit(
            amounts.discount_fen,
            goods,
            settings.max_discount_fen,
            settings.max_discount_bp.map(i64::from),
        ) {
            reasons.push("discount");
        }
        if let (Some(margin), Some(floor)) = (margin_fen, settings.min_margin_fen)
            && margin < floor
        {
            reasons.push("margin");
        }
    }
    Ok(Built {
        model,
        colour,
        lines,
        amounts,
        priced: priced_total,
        vehicle_cost_fen: vehicle_cost,
        cost_fen,
        margin_fen,
        appraisal_id: trade_in.map(|a| a.id),
        reasons,
    })
}
