//! Quotes (报价单): versions of an offer for an opportunity, each priced into lines that add up
//! to the on-the-road price (落地价); approval of a discount over the consultant's limit or a
//! margin under the dealer's floor; acceptance of one version. The state machine is
//! `forecourt_domain::quote_status`.

pub mod accept;
pub mod approval;
pub mod build;
pub mod preview;
pub mod read;
pub mod write;

use chrono::{DateTime, NaiveDate, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{catalog_model, customer, quote, quote_line, user};
use forecourt_db::repo::{deal, tenant};
use forecourt_domain::ids::{
    AppraisalId, ConfigItemId, CustomerId, LeadId, OpportunityId, QuoteId, UserId,
};
use forecourt_domain::permission::Permission;
use forecourt_domain::quote_status::QuoteStatus;
use forecourt_domain::username::REMARK_MAX;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::CoreResult;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use utoipa::ToSchema;
use uuid::Uuid;

/// The most options, packages or accessories of one kind on a quote.
pub const ITEMS_MAX: usize = 100;

/// What is quoted: the trim, colour, options, packages, accessories, fees, discount and
/// trade-in. Saving it prices every line anew at the quote's price date.
#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct QuoteConfig {
    /// The trim (catalog model).
    pub model_id: Uuid,
    /// One of the trim's colours.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ crate::configurator::COLOUR_MAX }>)]
    pub colour: Option<String>,
    /// Options of the trim: one per `exclusive`/`single` group, every `exclusive` group chosen.
    #[serde(default)]
    #[schema(max_items = 100)]
    pub option_ids: Vec<ConfigItemId>,
    /// Packages of the trim.
    #[serde(default)]
    #[schema(max_items = 100)]
    pub package_ids: Vec<ConfigItemId>,
    /// Dealer accessories (精品) offered for the trim's series.
    #[serde(default)]
    #[schema(max_items = 100)]
    pub accessory_ids: Vec<ConfigItemId>,
    /// The vehicle's unit cost when known for this car (else the trim's known cost).
    #[schema(minimum = 0, maximum = 10000000000_i64)]
    pub vehicle_cost_fen: Option<i64>,
    /// Insurance, fen.
    #[serde(default)]
    #[schema(minimum = 0, maximum = 10000000000_i64)]
    pub insurance_fen: i64,
    /// Licence plate and service fees (上牌/服务费), fen.
    #[serde(default)]
    #[schema(minimum = 0, maximum = 10000000000_i64)]
    pub fees_fen: i64,
    /// The finance service fee, fen.
    #[serde(default)]
    #[schema(minimum = 0, maximum = 10000000000_i64)]
    pub finance_fee_fen: i64,
    /// The discount, fen: at most the vehicle with its options and packages.
    #[serde(default)]
    #[schema(minimum = 0, maximum = 10000000000_i64)]
    pub discount_fen: i64,
    /// A valid appraisal of the customer's car, taken off as the trade-in.
    pub appraisal_id: Option<AppraisalId>,
    /// The last day the offer stands (default: the dealer's validity from today).
    pub valid_until: Option<NaiveDate>,
    /// At most 500 characters.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ REMARK_MAX }>)]
    pub notes: Option<String>,
}

/// A new quote (or a new version when the opportunity has one).
#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct NewQuote {
    /// The opportunity quoted for (its lead's owner is the consultant).
    pub opportunity_id: OpportunityId,
    #[serde(flatten)]
    pub config: QuoteConfig,
}

/// A quote's configuration replaced as a whole; any change voids an approval.
#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct QuotePatch {
    /// The version last read; a stale one is refused with 409 `version_conflict`.
    pub version: i64,
    #[serde(flatten)]
    pub config: QuoteConfig,
}

/// The version of the quote a step applies to.
#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct QuoteStep {
    /// The version last read; a stale one is refused with 409 `version_conflict`.
    pub version: i64,
}

/// A line of a quote.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct QuoteLineView {
    /// `vehicle`, `option`, `package`, `accessory`, `purchase_tax`, `insurance`, `fees`,
    /// `finance_fee`, `discount` or `trade_in`.
    pub kind: String,
    /// The configurator item priced (options, packages, accessories, the trim's price row).
    pub item_id: Option<Uuid>,
    pub label: String,
    /// Signed: the discount and the trade-in are negative; the lines add up to the total.
    pub amount_fen: i64,
    /// The cost (shown to those who approve or configure).
    pub cost_fen: Option<i64>,
}

/// A quote.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct QuoteView {
    pub id: QuoteId,
    /// The quote number shown to people, e.g. `Q000012-2` (number, version).
    pub number: String,
    pub quote_no: i64,
    pub version_no: i32,
    pub opportunity_id: OpportunityId,
    pub lead_id: LeadId,
    pub customer_id: CustomerId,
    pub customer_name: String,
    pub consultant_id: Option<UserId>,
    pub consultant_name: Option<String>,
    pub model_id: Uuid,
    pub model_name: String,
    pub colour: Option<String>,
    /// The day whose prices the quote uses.
    pub priced_on: NaiveDate,
    pub valid_until: NaiveDate,
    /// `draft`, `pending_approval`, `approved`, `rejected`, `accepted`, `superseded`, or
    /// `expired` (an open quote past its validity).
    pub status: QuoteStatus,
    /// Whether the discount or margin needs a manager's approval before acceptance.
    pub needs_approval: bool,
    /// Why: `discount`, `margin`.
    pub approval_reasons: Vec<String>,
    pub appraisal_id: Option<AppraisalId>,
    pub vehicle_price_fen: i64,
    pub options_fen: i64,
    pub packages_fen: i64,
    pub accessories_fen: i64,
    pub insurance_fen: i64,
    pub fees_fen: i64,
    pub finance_fee_fen: i64,
    pub discount_fen: i64,
    pub trade_in_fen: i64,
    pub purchase_tax_fen: i64,
    /// The on-the-road price (落地价): the sum of the lines.
    pub total_fen: i64,
    /// The known cost and gross margin (shown to those who approve or configure).
    pub cost_fen: Option<i64>,
    pub margin_fen: Option<i64>,
    pub lines: Vec<QuoteLineView>,
    /// The order made from it (once accepted).
    pub order_id: Option<Uuid>,
    pub accepted_at: Option<DateTime<Utc>>,
    pub notes: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}

/// The quote on paper: the quote and who it is from.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct QuotePrint {
    pub quote: QuoteView,
    /// The dealer's name, printed at the top.
    pub dealer_name: String,
}

/// The quote's number as people read it.
pub fn number(q: &quote::Model) -> String {
    format!("Q{:06}-{}", q.quote_no, q.version_no)
}

/// Whether the actor sees costs and margins.
pub(crate) fn sees_margin(actor: &Actor) -> bool {
    actor.require(Permission::QuoteApprove).is_ok()
        || actor.require(Permission::DealConfigure).is_ok()
}

/// The quote of the actor's dealer, for `permission`, within the reach of reading quotes and
/// of `permission` by its consultant (outside: 404).
pub async fn quote_for<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    id: QuoteId,
    permission: Permission,
) -> CoreResult<quote::Model> {
    forecourt_kernel::access::held_record_for::<quote::Entity, _>(
        conn,
        actor,
        id.uuid(),
        "quote",
        Permission::QuoteRead,
        permission,
        |q| q.consultant_id,
    )
    .await
}

/// The views of quotes, their lines and names looked up once for the page.
pub async fn views<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    today: NaiveDate,
    quotes: &[quote::Model],
) -> CoreResult<Vec<QuoteView>> {
    let ids: Vec<Uuid> = quotes.iter().map(|q| q.id).collect();
    let lines = deal::lines_of(conn, actor.scope(), &ids).await?;
    let uniq = |f: &dyn Fn(&quote::Model) -> Option<Uuid>| {
        let mut v: Vec<Uuid> = quotes.iter().filter_map(f).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let customers: HashMap<Uuid, String> = tenant::find_many::<customer::Entity, _>(
        conn,
        actor.scope(),
        &uniq(&|q| Some(q.customer_id)),
    )
    .await?
    .into_iter()
    .map(|c| (c.id, c.name))
    .collect();
    let users: HashMap<Uuid, String> =
        tenant::find_many::<user::Entity, _>(conn, actor.scope(), &uniq(&|q| q.consultant_id))
            .await?
            .into_iter()
            .map(|u| (u.id, u.display_name))
            .collect();
    let models: HashMap<Uuid, String> = tenant::find_many::<catalog_model::Entity, _>(
        conn,
        actor.scope(),
        &uniq(&|q| Some(q.model_id)),
    )
    .await?
    .into_iter()
    .map(|m| (m.id, m.name))
    .collect();
    let margin = sees_margin(actor);
    Ok(quotes
        .iter()
        .map(|q| {
            let status = QuoteStatus::parse(&q.status)
                .unwrap_or(QuoteStatus::Draft)
                .effective(q.valid_until < today);
            QuoteView {
                id: QuoteId::from_uuid(q.id),
                number: number(q),
                quote_no: q.quote_no,
                version_no: q.version_no,
                opportunity_id: OpportunityId::from_uuid(q.opportunity_id),
                lead_id: LeadId::from_uuid(q.lead_id),
                customer_id: CustomerId::from_uuid(q.customer_id),
                customer_name: customers.get(&q.customer_id).cloned().unwrap_or_default(),
                consultant_id: q.consultant_id.map(UserId::from_uuid),
                consultant_name: q.consultant_id.and_then(|u| users.get(&u).cloned()),
                model_id: q.model_id,
                model_name: models.get(&q.model_id).cloned().unwrap_or_default(),
                colour: q.colour.clone(),
                priced_on: q.priced_on,
                valid_until: q.valid_until,
                status,
                needs_approval: q.needs_approval,
                approval_reasons: q
                    .approval_reasons
                    .as_deref()
                    .map(|r| r.split(',').map(str::to_owned).collect())
                    .unwrap_or_default(),
                appraisal_id: q.appraisal_id.map(AppraisalId::from_uuid),
                vehicle_price_fen: q.vehicle_price_fen,
                options_fen: q.options_fen,
                packages_fen: q.packages_fen,
                accessories_fen: q.accessories_fen,
                insurance_fen: q.insurance_fen,
                fees_fen: q.fees_fen,
                finance_fee_fen: q.finance_fee_fen,
                discount_fen: q.discount_fen,
                trade_in_fen: q.trade_in_fen,
                purchase_tax_fen: q.purchase_tax_fen,
                total_fen: q.total_fen,
                cost_fen: q.cost_fen.filter(|_| margin),
                margin_fen: q.margin_fen.filter(|_| margin),
                lines: lines
                    .iter()
                    .filter(|l| l.quote_id == q.id)
                    .map(|l| line_view(l, margin))
                    .collect(),
                order_id: q.order_id,
                accepted_at: q.accepted_at,
                notes: q.notes.clone(),
                created_at: q.created_at,
                updated_at: q.updated_at,
                version: q.version,
            }
        })
        .collect())
}

fn line_view(l: &quote_line::Model, margin: bool) -> QuoteLineView {
    QuoteLineView {
        kind: l.kind.clone(),
        item_id: l.item_id,
        label: l.label.clone(),
        amount_fen: l.amount_fen,
        cost_fen: l.cost_fen.filter(|_| margin),
    }
}

/// One quote's view.
pub async fn view<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    today: NaiveDate,
    q: &quote::Model,
) -> CoreResult<QuoteView> {
    views(conn, actor, today, std::slice::from_ref(q))
        .await?
        .pop()
        .ok_or(forecourt_kernel::error::CoreError::not_found("quote"))
}

/// The dealer's name (for the printed quote).
pub(crate) async fn dealer_name<C: ConnectionTrait>(conn: &C, actor: &Actor) -> CoreResult<String> {
    Ok(forecourt_db::repo::org::scoped_dealer(conn, actor.scope())
        .await?
        .map(|d| d.name)
        .unwrap_or_default())
}
