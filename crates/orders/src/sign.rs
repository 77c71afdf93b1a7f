//! Signing a contract: the order row with the agreed lines and total, its contract number
//! from the dealer's yearly counter, an optional first deposit, the lead made O and its
//! opportunity moved to the order stage, the customer's timeline and the finance feed — one
//! transaction.

use crate::feed::{self, FinanceChange};
use crate::settings::ensure_defaults;
use crate::views::OrderLine;
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{order, order_schedule_item};
use forecourt_db::repo::{orders, tenant};
use forecourt_domain::money::Fen;
use forecourt_domain::orders::rules::{check_amount, check_earnest, contract_no};
use forecourt_domain::orders::{DepositKind, OrderStatus, ScheduleStatus};
use forecourt_domain::sales::StageKind;
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::timeline::{self, TimelineEvent};
use serde::Deserialize;
use serde_json::json;
use utoipa::ToSchema;
use uuid::Uuid;

/// What a contract is made of: the accepted quote's people, car, lines and total.
#[derive(Clone, Debug)]
pub struct SignedDeal {
    pub quote_id: Uuid,
    pub lead_id: Uuid,
    pub customer_id: Uuid,
    pub consultant_id: Option<Uuid>,
    /// The car in words.
    pub vehicle: String,
    pub colour: Option<String>,
    pub lines: Vec<OrderLine>,
    /// The on-the-road total (落地价) in fen.
    pub total_fen: i64,
}

/// The deposit agreed when signing.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewDeposit {
    /// `earnest` (定金: binding — forfeited by a buyer who walks away, paid back double by a
    /// dealer who defaults — at most 20% of the contract) or `advance` (订金: a refundable
    /// advance payment).
    pub kind: DepositKind,
    /// The amount in fen (1 – 10,000,000,000; a 定金 at most 20% of the contract).
    #[schema(minimum = 1, maximum = 10_000_000_000_i64)]
    pub amount_fen: i64,
    /// When it is due (default: the day of signing, in the dealer's calendar).
    pub due_on: Option<NaiveDate>,
}

/// Signs a contract in the caller's transaction (see the module's documentation). A quote
/// already ordered is 409 `already_exists` naming `quote_id` (a unique index: eight identical
/// requests make one order); a deposit over its cap is 422 naming `deposit.amount_fen`.
pub async fn sign_in<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    deal: SignedDeal,
    deposit: Option<NewDeposit>,
    now: DateTime<Utc>,
) -> CoreResult<order::Model> {
    let mut errors = FieldErrors::new();
    let total = Fen(deal.total_fen);
    if deal.total_fen <= 0 {
        errors.push(FieldError::new(
            "quote_id",
            "no_total",
            "the quote has no on-the-road total",
        ));
    }
    let local_today = actor.time_zone().local_date(now);
    let deposit = deposit.and_then(|d| {
        let amount = errors.check(check_amount("deposit.amount_fen", d.amount_fen))?;
        if d.kind == DepositKind::Earnest {
            errors.check(check_earnest("deposit.amount_fen", total, Fen(0), amount))?;
        }
        Some((d.kind, amount, d.due_on.unwrap_or(local_today)))
    });
    errors.finish()?;
    if orders::of_quote(conn, actor.scope(), deal.quote_id)
        .await?
        .is_some()
    {
        return Err(already_ordered());
    }
    let settings = ensure_defaults(conn, actor, now).await?;
    let year = local_today.year();
    let sequence = orders::next_number(conn, actor.scope(), &format!("contract:{year}")).await?;
    let model = order::Model {
        id: Uuid::now_v7(),
        dealer_id: actor.dealer_id().uuid(),
        contract_no: contract_no(&settings.contract_prefix, year, sequence),
        quote_id: deal.quote_id,
        lead_id: deal.lead_id,
        opportunity_id: None,
        customer_id: deal.customer_id,
        consultant_id: deal.consultant_id,
        vehicle_desc: deal.vehicle.chars().take(200).collect(),
        colour: deal.colour.map(|c| c.chars().take(64).collect()),
        lines: json!(deal.lines),
        total_fen: deal.total_fen,
        status: OrderStatus::Open.as_str().to_owned(),
        vin: None,
        stock_unit_id: None,
        cancel_reason: None,
        cancel_note: None,
        cancelled_at: None,
        pdi_done: json!([]),
        handover_done: json!([]),
        odometer_km: None,
        delivered_at: None,
        delivered_vehicle_id: None,
        signed_at: now,
        created_by: Some(actor.user_id().uuid()),
        created_at: now,
        updated_at: now,
        version: 1,
    };
    let mut saved = tenant::insert::<order::Entity, _>(conn, actor.scope(), model.dealer_id, model)
        .await
        .map_err(|e| match e {
            forecourt_db::DbError::UniqueViolation(_) => already_ordered(),
            other => CoreError::from_db("order", other),
        })?;
    let opportunity = forecourt_sales::opportunities::hooks::reach_stage_kind_in(
        conn,
        actor,
        deal.lead_id,
        StageKind::Order,
        now,
    )
    .await?;
    if opportunity.is_some() {
        let mut after = saved.clone();
        after.opportunity_id = opportunity;
        saved = tenant::update::<order::Entity, _>(
            conn,
            actor.scope(),
            saved.id,
            after,
            saved.version,
            now,
        )
        .await
        .map_err(|e| CoreError::from_db("order", e))?;
    }
    audit::record(conn, actor, AuditEntry::created(&saved), now).await?;
    if let Some((kind, amount, due_on)) = deposit {
        let item = order_schedule_item::Model {
            id: Uuid::now_v7(),
            dealer_id: saved.dealer_id,
            order_id: saved.id,
            purpose: kind.purpose().as_str().to_owned(),
            payer_kind: kind.purpose().default_payer().as_str().to_owned(),
            payer_name: None,
            amount_fen: amount.0,
            due_on,
            status: ScheduleStatus::Planned.as_str().to_owned(),
            created_at: now,
            updated_at: now,
            version: 1,
        };
        let item = tenant::insert::<order_schedule_item::Entity, _>(
            conn,
            actor.scope(),
            item.dealer_id,
            item,
        )
        .await?;
        audit::record(conn, actor, AuditEntry::created(&item), now).await?;
    }
    timeline::record(
        conn,
        actor,
        vec![
            TimelineEvent::new(
                saved.customer_id,
                "order.signed",
                json!({
                    "contract_no": saved.contract_no,
                    "vehicle": saved.vehicle_desc,
                    "total_fen": saved.total_fen,
                }),
            )
            .about("order", saved.id),
        ],
        now,
    )
    .await?;
    feed::append(
        conn,
        actor,
        FinanceChange {
            kind: "order.signed",
            order_id: saved.id,
            record_id: saved.id,
            amount_fen: saved.total_fen,
            payload: json!({
                "contract_no": saved.contract_no,
                "customer_id": saved.customer_id,
                "vehicle": saved.vehicle_desc,
                "lines": saved.lines,
            }),
        },
        now,
    )
    .await?;
    Ok(saved)
}

fn already_ordered() -> CoreError {
    CoreError::AlreadyExists(FieldError::new(
        "quote_id",
        "already_ordered",
        "an order was already made from this quote",
    ))
}
