//! Registering a lead by hand and editing its details.

use super::access::lead_for;
use super::assign::{check_new_owner, choose_owner};
use super::views::{LeadView, lead_views};
use super::write::{
    LeadDraft, Origin, insert_lead, link_customer, lock_customer, open_lead_exists,
};
use crate::Sales;
use crate::catalog_names::{CatalogNames, car_json, with_cars};
use crate::settings::effective;
use forecourt_customers::NewCustomer;
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::lead;
use forecourt_db::repo::leads;
use forecourt_domain::ids::{CatalogModelId, CatalogSeriesId, CustomerId, LeadId, UserId};
use forecourt_domain::money::Fen;
use forecourt_domain::patch::double_option;
use forecourt_domain::permission::Permission;
use forecourt_domain::sales::{Grade, PaymentIntent, Timeframe};
use forecourt_domain::username::parse_optional_text;
use forecourt_domain::username::{LONG_NAME_MAX, NOTE_MAX, REASON_MAX};

/// The longest car in words (`model_text`), for the schema and the check alike.
pub const MODEL_TEXT_MAX: usize = LONG_NAME_MAX;
/// The longest trade-in note.
pub const TRADE_IN_NOTE_MAX: usize = REASON_MAX;
/// The longest notes.
pub const NOTES_MAX: usize = NOTE_MAX;

/// A lead's free text, checked against its limit (one check for a new lead and an edit).
fn lead_text(
    errors: &mut FieldErrors,
    field: &str,
    value: Option<&str>,
    max: usize,
) -> Option<String> {
    errors
        .check(parse_optional_text(field, value, max))
        .flatten()
}
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::lookups::{self, LookupList};
use serde::Deserialize;
use utoipa::ToSchema;

/// What a lead records about the purchase.
#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
pub struct LeadFields {
    /// A key of the dealer's `source` list.
    pub source: Option<String>,
    /// The catalog series they want.
    pub series_id: Option<CatalogSeriesId>,
    /// The catalog model they want; it must be a model of `series_id` when both are given.
    pub model_id: Option<CatalogModelId>,
    /// The car in words, when it is not in the catalog.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ MODEL_TEXT_MAX }>)]
    pub model_text: Option<String>,
    /// The lowest price they would pay, in integer fen (1 yuan = 100 fen); not negative.
    pub budget_min_fen: Option<Fen>,
    /// The highest price they would pay, in integer fen; not negative nor below `budget_min_fen`.
    pub budget_max_fen: Option<Fen>,
    /// When they expect to buy: `within_week`, `within_two_weeks`, `within_month`,
    /// `within_three_months`, `later` or `undecided`.
    pub timeframe: Option<Timeframe>,
    /// How they mean to pay: `cash`, `loan` or `lease`.
    pub payment: Option<PaymentIntent>,
    /// Whether they want to trade in their current car.
    #[serde(default)]
    pub trade_in: bool,
    /// The car they would trade in.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ TRADE_IN_NOTE_MAX }>)]
    pub trade_in_note: Option<String>,
    /// Free-text notes; at most 2000 characters.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ NOTES_MAX }>)]
    pub notes: Option<String>,
}

/// Who a lead is about: `customer_id`, or `customer` (matched to an existing customer by
/// phone, else created).
#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
pub struct CustomerLink {
    /// An existing customer the caller can see.
    pub customer_id: Option<CustomerId>,
    /// A new customer's details, used when `customer_id` is absent.
    pub customer: Option<NewCustomer>,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct NewLead {
    /// Who the lead is about; the customer must not already have an open lead (409
    /// `already_exists`, field code `open_lead_exists`).
    #[serde(flatten)]
    pub customer: CustomerLink,
    /// What the lead records about the purchase.
    #[serde(flatten)]
    pub fields: LeadFields,
    /// H, A, B or C; N (the default) when not graded yet.
    #[schema(schema_with = forecourt_domain::schema::optional_starting_grade)]
    pub grade: Option<Grade>,
    /// Default: the creator when they work their own leads, else the dealer's assignment rules.
    pub owner_id: Option<UserId>,
}

#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
pub struct LeadPatch {
    /// The version last read; a stale one is refused with 409 `version_conflict`.
    pub version: i64,
    /// A key of the dealer's `source` list. Absent keeps it; `null` clears it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>)]
    pub source: Option<Option<String>>,
    /// The catalog series wanted. Absent keeps it; `null` clears it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<CatalogSeriesId>)]
    pub series_id: Option<Option<CatalogSeriesId>>,
    /// The catalog model wanted (a model of the series). Absent keeps it; `null` clears it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<CatalogModelId>)]
    pub model_id: Option<Option<CatalogModelId>>,
    /// The car in words, when not in the catalog; at most 100 characters. Absent keeps it; `null`
    /// clears it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ MODEL_TEXT_MAX }>)]
    pub model_text: Option<Option<String>>,
    /// The lowest price, in integer fen; not negative. Absent keeps it; `null` clears it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Fen>)]
    pub budget_min_fen: Option<Option<Fen>>,
    /// The highest price, in integer fen; not below the minimum. Absent keeps it; `null` clears it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Fen>)]
    pub budget_max_fen: Option<Option<Fen>>,
    /// When they expect to buy. Absent keeps it; `null` clears it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Timeframe>)]
    pub timeframe: Option<Option<Timeframe>>,
    /// How they mean to pay: `cash`, `loan` or `lease`. Absent keeps it; `null` clears it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<PaymentIntent>)]
    pub payment: Option<Option<PaymentIntent>>,
    /// Whether they want to trade in their car. Absent keeps it.
    pub trade_in: Option<bool>,
    /// The car they would trade in; at most 200 characters. Absent keeps it; `null` clears it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ TRADE_IN_NOTE_MAX }>)]
    pub trade_in_note: Option<Option<String>>,
    /// Free-text notes; at most 2000 characters. Absent keeps them; `null` clears them.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ NOTES_MAX }>)]
    pub notes: Option<Option<String>>,
}

/// Checks the fields shared by every way a lead comes in.
pub async fn parse_fields<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    errors: &mut FieldErrors,
    catalog: &CatalogNames,
    fields: &LeadFields,
) -> CoreResult<LeadDraft> {
    let source = lookups::check_key(
        conn,
        actor,
        errors,
        LookupList::Source,
        "source",
        fields.source.as_deref(),
    )
    .await?;
    let (series_id, model_id) = catalog.check(errors, "", fields.series_id, fields.model_id);
    let mut draft = LeadDraft {
        source_key: source,
        series_id,
        model_id,
        model_text: lead_text(
            errors,
            "model_text",
            fields.model_text.as_deref(),
            MODEL_TEXT_MAX,
        ),
        budget_min_fen: fields.budget_min_fen.map(|f| f.0),
        budget_max_fen: fields.budget_max_fen.map(|f| f.0),
        timeframe: fields.timeframe.map(|t| t.as_str().to_owned()),
        payment: fields.payment.map(|p| p.as_str().to_owned()),
        trade_in: fields.trade_in,
        trade_in_note: lead_text(
            errors,
            "trade_in_note",
            fields.trade_in_note.as_deref(),
            TRADE_IN_NOTE_MAX,
        ),
        notes: lead_text(errors, "notes", fields.notes.as_deref(), NOTES_MAX),
        models_considered: Vec::new(),
    };
    if draft.series_id.is_some() || draft.model_id.is_some() || draft.model_text.is_some() {
        draft.models_considered.push(car_json(
            draft.series_id,
            draft.model_id,
            draft.model_text.as_deref(),
        ));
    }
    check_budget(errors, draft.budget_min_fen, draft.budget_max_fen);
    Ok(draft)
}

fn check_budget(errors: &mut FieldErrors, min: Option<i64>, max: Option<i64>) {
    for (field, value) in [("budget_min_fen", min), ("budget_max_fen", max)] {
        if value.is_some_and(|v| v < 0) {
            errors.push(FieldError::new(
                field,
                "out_of_range",
                "must not be negative",
            ));
        }
    }
    if let (Some(min), Some(max)) = (min, max)
        && min > max
    {
        errors.push(FieldError::new(
            "budget_max_fen",
            "below_minimum",
            "must not be below the minimum budget",
        ));
    }
}

/// The grade a new lead starts with: H, A, B, C or N.
pub fn starting_grade(field: &str, grade: Option<Grade>, errors: &mut FieldErrors) -> Grade {
    match grade {
        None => Grade::N,
        Some(g) if g == Grade::N || Grade::JUDGED.contains(&g) => g,
        Some(_) => {
            errors.push(FieldError::new(
                field,
                "invalid_value",
                "must be N, H, A, B or C (O and F follow from an order or a loss)",
            ));
            Grade::N
        }
    }
}

impl Sales<'_> {
    /// Records a new lead for an existing or new customer (matched by phone), owned by `owner_id`,
    /// the creating consultant, or whoever the dealer's assignment rules pick. Needs `lead.create`;
    /// a customer who already has an open lead is refused with 409 `already_exists` (field code
    /// `open_lead_exists`, the open lead's id in its params).
    pub async fn create_lead(&self, actor: &Actor, input: NewLead) -> CoreResult<LeadView> {
        actor.require(Permission::LeadCreate)?;
        let tx = self.db().begin().await?;
        let settings = effective(&*tx, actor).await?;
        let catalog = CatalogNames::load(&*tx, actor).await?;
        let mut errors = FieldErrors::new();
        let draft = parse_fields(&*tx, actor, &mut errors, &catalog, &input.fields).await?;
        let grade = starting_grade("grade", input.grade, &mut errors);
        if let Some(owner) = input.owner_id {
            check_new_owner(&*tx, actor, &mut errors, "owner_id", owner).await?;
        }
        errors.finish()?;
        let owner = match input.owner_id {
            Some(owner) => Some(owner.uuid()),
            // A consultant's own lead.
            None if actor
                .reach(Permission::LeadUpdate)
                .is_ok_and(|r| matches!(r, forecourt_db::repo::Reach::Own { .. })) =>
            {
                Some(actor.user_id().uuid())
            }
            None => choose_owner(&*tx, actor, &settings, draft.series_id).await?,
        };
        let (customer, _) = link_customer(
            self,
            &*tx,
            actor,
            input.customer.customer_id,
            input.customer.customer,
            owner,
            false,
        )
        .await?;
        lock_customer(&*tx, actor, customer.id).await?;
        if let Some(open) = leads::open_of_customer(&*tx, actor.scope(), customer.id)
            .await?
            .first()
        {
            return Err(open_lead_exists(Some(open.id)));
        }
        let now = self.now();
        let created = insert_lead(
            &*tx,
            actor,
            &settings,
            &customer,
            draft,
            grade,
            owner,
            Origin::Created,
            now,
        )
        .await?;
        let view = lead_views(&*tx, actor, now, std::slice::from_ref(&created))
            .await?
            .pop()
            .ok_or(CoreError::not_found("lead"))?;
        tx.commit().await?;
        Ok(view)
    }

    /// Edits what a lead records about the purchase. Needs `lead.update` reaching the lead's owner
    /// (another dealer's or an unreachable lead is 404); a stale `version` is 409
    /// `version_conflict`.
    pub async fn update_lead(
        &self,
        actor: &Actor,
        id: LeadId,
        patch: LeadPatch,
    ) -> CoreResult<LeadView> {
        let tx = self.db().begin().await?;
        let before = lead_for(&*tx, actor, id, Permission::LeadUpdate).await?;
        if before.version != patch.version {
            return Err(CoreError::VersionConflict { entity: "lead" });
        }
        let catalog = CatalogNames::load(&*tx, actor).await?;
        let mut errors = FieldErrors::new();
        let mut after: lead::Model = before.clone();
        if let Some(source) = &patch.source {
            after.source_key = lookups::check_key(
                &*tx,
                actor,
                &mut errors,
                LookupList::Source,
                "source",
                source.as_deref(),
            )
            .await?;
        }
        if patch.series_id.is_some() || patch.model_id.is_some() {
            let series = patch
                .series_id
                .unwrap_or(after.series_id.map(CatalogSeriesId::from_uuid));
            let model = patch
                .model_id
                .unwrap_or(after.model_id.map(CatalogModelId::from_uuid));
            let (series, model) = catalog.check(&mut errors, "", series, model);
            after.series_id = series;
            after.model_id = model;
        }
        if let Some(text) = &patch.model_text {
            after.model_text =
                lead_text(&mut errors, "model_text", text.as_deref(), MODEL_TEXT_MAX);
        }
        if let Some(min) = patch.budget_min_fen {
            after.budget_min_fen = min.map(|f| f.0);
        }
        if let Some(max) = patch.budget_max_fen {
            after.budget_max_fen = max.map(|f| f.0);
        }
        check_budget(&mut errors, after.budget_min_fen, after.budget_max_fen);
        if (after.series_id, after.model_id, &after.model_text)
            != (before.series_id, before.model_id, &before.model_text)
            && (after.series_id.is_some() || after.model_id.is_some() || after.model_text.is_some())
        {
            after.models_considered = with_cars(
                &after.models_considered,
                &[car_json(
                    after.series_id,
                    after.model_id,
                    after.model_text.as_deref(),
                )],
            );
        }
        if let Some(timeframe) = patch.timeframe {
            after.timeframe = timeframe.map(|t| t.as_str().to_owned());
        }
        if let Some(payment) = patch.payment {
            after.payment = payment.map(|p| p.as_str().to_owned());
        }
        if let Some(trade_in) = patch.trade_in {
            after.trade_in = trade_in;
        }
        if let Some(note) = &patch.trade_in_note {
            after.trade_in_note = lead_text(
                &mut errors,
                "trade_in_note",
                note.as_deref(),
                TRADE_IN_NOTE_MAX,
            );
        }
        if let Some(notes) = &patch.notes {
            after.notes = lead_text(&mut errors, "notes", notes.as_deref(), NOTES_MAX);
        }
        errors.finish()?;
        let entry = AuditEntry::updated(&before, &after);
        let now = self.now();
        let saved = audit::update_if_changed::<lead::Entity, _>(
            &*tx,
            actor,
            &before,
            after,
            entry,
            now,
            |e| CoreError::from_db("lead", e),
        )
        .await?
        .unwrap_or(before);
        let view = lead_views(&*tx, actor, now, std::slice::from_ref(&saved))
            .await?
            .pop()
            .ok_or(CoreError::not_found("lead"))?;
        tx.commit().await?;
        Ok(view)
    }
}
