//! Making a quote (a new version for its opportunity) and changing one. Any change prices
//! every line anew at the quote's price date and voids an approval (a pending request is
//! withdrawn); the quote is a draft again.

use super::build::{Built, build};
use super::{NewQuote, QuoteConfig, QuotePatch, QuoteView, quote_for, view};
use crate::Deal;
use chrono::{DateTime, Days, NaiveDate, Utc};
use forecourt_db::entities::{lead, opportunity, quote, quote_line};
use forecourt_db::repo::{deal, locks, tenant};
use forecourt_db::{ConnectionTrait, WriteTx};
use forecourt_domain::ids::{OpportunityId, QuoteId};
use forecourt_domain::permission::Permission;
use forecourt_domain::quote_status::QuoteStatus;
use forecourt_domain::username::{REMARK_MAX, parse_optional_text};
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::approvals;
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::timeline::{self, TimelineEvent};
use serde_json::json;
use uuid::Uuid;

/// Checks the validity date and the notes: the date from today to a year ahead.
pub(crate) fn check_terms(
    config: &QuoteConfig,
    today: NaiveDate,
    default_days: i32,
) -> Result<(NaiveDate, Option<String>), CoreError> {
    let mut errors = FieldErrors::new();
    let valid_until = match config.valid_until {
        Some(day) if day < today => {
            errors.push(FieldError::new("valid_until", "in_past", "is before today"));
            today
        }
        Some(day) if day > today + Days::new(366) => {
            errors.push(FieldError::new(
                "valid_until",
                "too_far",
                "is more than a year ahead",
            ));
            today
        }
        Some(day) => day,
        None => today + Days::new(u64::try_from(default_days.max(0)).unwrap_or(7)),
    };
    let notes = errors
        .check(parse_optional_text(
            "notes",
            config.notes.as_deref(),
            REMARK_MAX,
        ))
        .flatten();
    errors.finish()?;
    Ok((valid_until, notes))
}

/// Writes `quote`'s fields from a priced configuration.
fn apply(q: &mut quote::Model, built: &Built) {
    q.model_id = built.model.id;
    q.colour = built.colour.clone();
    q.appraisal_id = built.appraisal_id;
    q.vehicle_price_fen = built.amounts.vehicle_fen;
    q.vehicle_cost_fen = built.vehicle_cost_fen;
    q.options_fen = built.amounts.options_fen;
    q.packages_fen = built.amounts.packages_fen;
    q.accessories_fen = built.amounts.accessories_fen;
    q.insurance_fen = built.amounts.insurance_fen;
    q.fees_fen = built.amounts.fees_fen;
    q.finance_fee_fen = built.amounts.finance_fee_fen;
    q.discount_fen = built.amounts.discount_fen;
    q.trade_in_fen = built.amounts.trade_in_fen;
    q.purchase_tax_fen = built.priced.purchase_tax_fen;
    q.total_fen = built.priced.total_fen;
    q.cost_fen = built.cost_fen;
    q.margin_fen = built.margin_fen;
    q.needs_approval = !built.reasons.is_empty();
    q.approval_reasons = (!built.reasons.is_empty()).then(|| built.reasons.join(","));
}

/// Replaces the quote's lines with the priced ones.
async fn write_lines(
    tx: &WriteTx,
    actor: &Actor,
    quote_id: Uuid,
    built: &Built,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    deal::clear_lines(&**tx, actor.scope(), quote_id).await?;
    let rows: Vec<quote_line::Model> = built
        .lines
        .iter()
        .enumerate()
        .map(|(i, l)| quote_line::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            quote_id,
            position: i32::try_from(i).unwrap_or(i32::MAX),
            kind: l.kind.to_owned(),
            item_id: l.item_id,
            label: l.label.clone(),
            amount_fen: l.amount_fen,
            cost_fen: l.cost_fen,
            created_at: now,
        })
        .collect();
    forecourt_db::repo::batched_insert::<quote_line::Entity, _>(&**tx, actor.scope(), rows).await?;
    Ok(())
}

/// The lock that serialises the versions, numbers and acceptance of one opportunity's quotes.
pub(crate) async fn lock_opportunity(tx: &WriteTx, actor: &Actor, id: Uuid) -> CoreResult<()> {
    let key = id.to_string();
    locks::lock_keys(&**tx, actor.scope(), &[("quote_opportunity", &key)]).await?;
    Ok(())
}

/// The open opportunity `id` and its lead, for quoting: the lead's consultant or their
/// managers (`quote:write` within reach; outside: 404); a closed one is 409 `invalid_state`.
pub(crate) async fn quotable_opportunity<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    id: OpportunityId,
) -> CoreResult<(opportunity::Model, lead::Model)> {
    let opp = forecourt_kernel::access::find_in_dealer::<opportunity::Entity, _>(
        conn,
        actor,
        id.uuid(),
        "opportunity",
    )
    .await?;
    let lead = forecourt_kernel::access::held_record_for::<lead::Entity, _>(
        conn,
        actor,
        opp.lead_id,
        "opportunity",
        Permission::QuoteRead,
        Permission::QuoteWrite,
        |l| l.owner_id,
    )
    .await?;
    if opp.status != "open" {
        return Err(CoreError::invalid_state("the opportunity is closed"));
    }
    Ok((opp, lead))
}

impl Deal<'_> {
    /// Makes a quote for an opportunity (its lead's consultant, or their managers): the next
    /// version of the opportunity's quote number, priced at today's prices.
    pub async fn create_quote(&self, actor: &Actor, input: NewQuote) -> CoreResult<QuoteView> {
        let tx = self.db().begin().await?;
        let (opp, lead) = quotable_opportunity(&*tx, actor, input.opportunity_id).await?;
        let today = self.today(actor);
        let settings = crate::settings::effective(&*tx, actor).await?;
        let (valid_until, notes) = check_terms(&input.config, today, settings.quote_valid_days)?;
        let built = build(&*tx, actor, &input.config, opp.customer_id, today, today).await?;
        lock_opportunity(&tx, actor, opp.id).await?;
        // The number lock: one number per opportunity, the next of the dealer.
        locks::lock_keys(&*tx, actor.scope(), &[("quote_no", "")]).await?;
        let versions = deal::quotes_of_opportunity(&*tx, actor.scope(), opp.id).await?;
        let quote_no = match versions.first() {
            Some(first) => first.quote_no,
            None => deal::last_quote_no(&*tx, actor.scope()).await?.unwrap_or(0) + 1,
        };
        let version_no = versions.iter().map(|v| v.version_no).max().unwrap_or(0) + 1;
        let now = self.now();
        let mut row = quote::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            quote_no,
            version_no,
            opportunity_id: opp.id,
            lead_id: lead.id,
            customer_id: opp.customer_id,
            consultant_id: lead.owner_id,
            model_id: built.model.id,
            colour: None,
            priced_on: today,
            valid_until,
            status: QuoteStatus::Draft.as_str().to_owned(),
            needs_approval: false,
            approval_reasons: None,
            appraisal_id: None,
            vehicle_price_fen: 0,
            vehicle_cost_fen: None,
            options_fen: 0,
            packages_fen: 0,
            accessories_fen: 0,
            insurance_fen: 0,
            fees_fen: 0,
            finance_fee_fen: 0,
            discount_fen: 0,
            trade_in_fen: 0,
            purchase_tax_fen: 0,
            total_fen: 0,
            cost_fen: None,
            margin_fen: None,
            order_id: None,
            accepted_at: None,
            notes,
            created_by: Some(actor.user_id().uuid()),
            created_at: now,
            updated_at: now,
            version: 1,
        };
        apply(&mut row, &built);
        let saved = tenant::insert::<quote::Entity, _>(&*tx, actor.scope(), row.dealer_id, row)
            .await
            .map_err(|e| match e {
                forecourt_db::DbError::UniqueViolation(_) => {
                    CoreError::VersionConflict { entity: "quote" }
                }
                other => CoreError::from_db("quote", other),
            })?;
        write_lines(&tx, actor, saved.id, &built, now).await?;
        audit::record(&*tx, actor, AuditEntry::created(&saved), now).await?;
        timeline::record(
            &*tx,
            actor,
            vec![
                TimelineEvent::new(
                    saved.customer_id,
                    "quote.created",
                    json!({"number": super::number(&saved), "total_fen": saved.total_fen}),
                )
                .about("quote", saved.id),
            ],
            now,
        )
        .await?;
        let out = view(&*tx, actor, today, &saved).await?;
        tx.commit().await?;
        Ok(out)
    }

    /// Changes a quote's configuration (version-checked). The lines are priced anew at the
    /// quote's price date; an approval given is void and a pending request withdrawn: the
    /// quote is a draft again.
    pub async fn update_quote(
        &self,
        actor: &Actor,
        id: QuoteId,
        patch: QuotePatch,
    ) -> CoreResult<QuoteView> {
        let tx = self.db().begin().await?;
        let before = quote_for(&*tx, actor, id, Permission::QuoteWrite).await?;
        if before.version != patch.version {
            return Err(CoreError::VersionConflict { entity: "quote" });
        }
        let status = QuoteStatus::parse(&before.status).unwrap_or(QuoteStatus::Draft);
        let Some(next) = status.after_edit() else {
            return Err(CoreError::invalid_state(
                "an accepted or superseded quote cannot change",
            ));
        };
        let today = self.today(actor);
        let settings = crate::settings::effective(&*tx, actor).await?;
        let mut config = patch.config.clone();
        // A validity date kept as it was may lie in the past only if the quote is expired.
        if config.valid_until.is_none() {
            config.valid_until = Some(before.valid_until.max(today));
        }
        let (valid_until, notes) = check_terms(&config, today, settings.quote_valid_days)?;
        let built = build(
            &*tx,
            actor,
            &config,
            before.customer_id,
            before.priced_on,
            today,
        )
        .await?;
        let now = self.now();
        if status == QuoteStatus::PendingApproval
            && let Some(request) = forecourt_db::repo::approvals::pending_about(
                &*tx,
                actor.scope(),
                super::approval::QUOTE_APPROVAL.kind,
                "quote",
                before.id,
            )
            .await?
        {
            approvals::withdraw_in(&*tx, actor, request, crate::texts::quote_changed(), now)
                .await?;
        }
        let mut after = before.clone();
        apply(&mut after, &built);
        after.valid_until = valid_until;
        after.notes = notes;
        after.status = next.as_str().to_owned();
        let entry = AuditEntry::updated(&before, &after);
        let saved = audit::save::<quote::Entity, _>(&*tx, actor, &before, after, entry, now, |e| {
            CoreError::from_db("quote", e)
        })
        .await?;
        write_lines(&tx, actor, saved.id, &built, now).await?;
        let out = view(&*tx, actor, today, &saved).await?;
        tx.commit().await?;
        Ok(out)
    }
}
