//! The dealer's deal settings: the consultants' discount limit, the gross-margin floor, how
//! long a quote stays valid, and the dated purchase-tax rules.

use crate::Deal;
use chrono::{DateTime, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::deal_setting;
use forecourt_db::repo::{deal, tenant};
use forecourt_domain::permission::Permission;
use forecourt_domain::quote_price::{MAX_AMOUNT_FEN, TaxRule};
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// The longest a quote may stay valid, in days.
pub const VALID_DAYS_MAX: i32 = 90;
/// The most tax rules a dealer keeps.
pub const TAX_RULES_MAX: usize = 20;

/// The deal settings in force.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct DealSettingsView {
    /// The most discount a consultant may give without approval, in fen (None: no limit).
    pub max_discount_fen: Option<i64>,
    /// … or as a share of the vehicle with its options and packages, in basis points (300 =
    /// 3%); with both, the smaller limit applies.
    pub max_discount_bp: Option<i32>,
    /// The least gross margin (fen) a quote may make without approval, checked when the
    /// vehicle's cost is known (None: no floor).
    pub min_margin_fen: Option<i64>,
    /// Days a new quote stays valid.
    pub quote_valid_days: i32,
    /// The purchase-tax rules, each from a date (the latest in effect on a quote's date applies).
    pub tax_rules: Vec<TaxRule>,
    /// The version to send back when changing them (0: the defaults, never saved).
    pub version: i64,
}

/// The deal settings, replaced as a whole.
#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct DealSettingsInput {
    /// The version last read; a stale one is refused with 409 `version_conflict`.
    pub version: i64,
    #[schema(minimum = 0, maximum = 10000000000_i64)]
    pub max_discount_fen: Option<i64>,
    #[schema(minimum = 0, maximum = 10000)]
    pub max_discount_bp: Option<i32>,
    #[schema(minimum = -10000000000_i64, maximum = 10000000000_i64)]
    pub min_margin_fen: Option<i64>,
    /// 1 to 90.
    #[schema(minimum = 1, maximum = 90)]
    pub quote_valid_days: i32,
    /// At most 20 rules, each on its own date.
    #[schema(max_items = 20)]
    pub tax_rules: Vec<TaxRule>,
}

fn defaults(actor: &Actor) -> deal_setting::Model {
    let epoch = DateTime::<Utc>::UNIX_EPOCH;
    deal_setting::Model {
        id: Uuid::nil(),
        dealer_id: actor.dealer_id().uuid(),
        max_discount_fen: None,
        max_discount_bp: None,
        min_margin_fen: None,
        quote_valid_days: 7,
        tax_rules: serde_json::to_value(TaxRule::defaults()).unwrap_or_default(),
        created_at: epoch,
        updated_at: epoch,
        version: 0,
    }
}

/// The dealer's settings in force: its own, else the defaults.
pub async fn effective<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
) -> CoreResult<deal_setting::Model> {
    Ok(deal::settings(conn, actor.scope())
        .await?
        .unwrap_or_else(|| defaults(actor)))
}

/// The tax rules of a settings row.
pub fn tax_rules(settings: &deal_setting::Model) -> Vec<TaxRule> {
    serde_json::from_value(settings.tax_rules.clone()).unwrap_or_default()
}

fn view(s: &deal_setting::Model) -> DealSettingsView {
    DealSettingsView {
        max_discount_fen: s.max_discount_fen,
        max_discount_bp: s.max_discount_bp,
        min_margin_fen: s.min_margin_fen,
        quote_valid_days: s.quote_valid_days,
        tax_rules: tax_rules(s),
        version: s.version,
    }
}

impl Deal<'_> {
    /// The dealer's deal settings (for those who quote or configure).
    pub async fn deal_settings(&self, actor: &Actor) -> CoreResult<DealSettingsView> {
        if actor.require(Permission::DealConfigure).is_err() {
            actor.require(Permission::QuoteRead)?;
        }
        Ok(view(&effective(self.db().conn(), actor).await?))
    }

    /// Replaces the dealer's deal settings (managers).
    pub async fn update_deal_settings(
        &self,
        actor: &Actor,
        input: DealSettingsInput,
    ) -> CoreResult<DealSettingsView> {
        actor.require(Permission::DealConfigure)?;
        let mut errors = FieldErrors::new();
        let in_range = |v: i64, lo: i64, hi: i64| (lo..=hi).contains(&v);
        if input
            .max_discount_fen
            .is_some_and(|v| !in_range(v, 0, MAX_AMOUNT_FEN))
        {
            errors.push(FieldError::new(
                "max_discount_fen",
                "out_of_range",
                "must be 0–10000000000",
            ));
        }
        if input
            .max_discount_bp
            .is_some_and(|v| !in_range(i64::from(v), 0, 10_000))
        {
            errors.push(FieldError::new(
                "max_discount_bp",
                "out_of_range",
                "must be 0–10000",
            ));
        }
        if input
            .min_margin_fen
            .is_some_and(|v| !in_range(v, -MAX_AMOUNT_FEN, MAX_AMOUNT_FEN))
        {
            errors.push(FieldError::new(
                "min_margin_fen",
                "out_of_range",
                "is out of range",
            ));
        }
        if !in_range(
            i64::from(input.quote_valid_days),
            1,
            i64::from(VALID_DAYS_MAX),
        ) {
            errors.push(FieldError::new(
                "quote_valid_days",
                "out_of_range",
                "must be 1–90",
            ));
        }
        if input.tax_rules.len() > TAX_RULES_MAX {
            errors.push(FieldError::new(
                "tax_rules",
                "too_many",
                "holds at most 20 rules",
            ));
        }
        for (i, rule) in input.tax_rules.iter().enumerate() {
            if let Err(e) = rule.check(&format!("tax_rules[{i}]")) {
                errors.push(e);
            }
            if let Err(e) = forecourt_domain::dates::check_year(
                &format!("tax_rules[{i}].effective_from"),
                rule.effective_from,
            ) {
                errors.push(e);
            }
            if input.tax_rules[..i]
                .iter()
                .any(|r| r.effective_from == rule.effective_from)
            {
                errors.push(FieldError::new(
                    format!("tax_rules[{i}].effective_from"),
                    "duplicate",
                    "another rule starts the same day",
                ));
            }
        }
        errors.finish()?;
        let tx = self.db().begin().await?;
        let before = effective(&*tx, actor).await?;
        if before.version != input.version {
            return Err(CoreError::VersionConflict {
                entity: "deal_settings",
            });
        }
        let now = self.now();
        let mut after = before.clone();
        after.max_discount_fen = input.max_discount_fen;
        after.max_discount_bp = input.max_discount_bp;
        after.min_margin_fen = input.min_margin_fen;
        after.quote_valid_days = input.quote_valid_days;
        after.tax_rules = serde_json::to_value(&input.tax_rules).unwrap_or_default();
        let saved = if before.version == 0 {
            after.id = Uuid::now_v7();
            after.created_at = now;
            after.updated_at = now;
            after.version = 1;
            let saved = tenant::insert::<deal_setting::Entity, _>(
                &*tx,
                actor.scope(),
                after.dealer_id,
                after,
            )
            .await
            .map_err(|e| match e {
                forecourt_db::DbError::UniqueViolation(_) => CoreError::VersionConflict {
                    entity: "deal_settings",
                },
                other => CoreError::from_db("deal_settings", other),
            })?;
            audit::record(&*tx, actor, AuditEntry::created(&saved), now).await?;
            saved
        } else {
            let entry = AuditEntry::updated(&before, &after);
            audit::update_if_changed::<deal_setting::Entity, _>(
                &*tx,
                actor,
                &before,
                after,
                entry,
                now,
                |e| CoreError::from_db("deal_settings", e),
            )
            .await?
            .unwrap_or(before)
        };
        tx.commit().await?;
        Ok(view(&saved))
    }
}
