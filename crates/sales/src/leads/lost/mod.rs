//! Losing a lead (战败): the reason from the dealer's list and the competitor bought, with the
//! manager's approval when the dealer asks for it; and reopening a lost lead.

mod approval;
mod duplicates;
mod outcome;
mod reopen;

pub use approval::LOST_APPROVAL;
pub use duplicates::close_duplicates_before_merge;
pub use outcome::{confirm_lost, refuse_lost};

use super::access::lead_for;
use super::views::{LeadView, lead_views};
use crate::Sales;
use crate::settings::effective;
use forecourt_db::entities::lead;
use forecourt_db::repo::tenant;
use forecourt_domain::ids::LeadId;
use forecourt_domain::permission::{Permission, Scope};
use forecourt_domain::sales::{Grade, LeadStatus};
use forecourt_domain::username::parse_optional_text;
use forecourt_domain::username::{LONG_NAME_MAX, NAME_MAX, REMARK_MAX};
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::approvals::{self, ApprovalInput};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::lookups::{self, LookupList};
use forecourt_kernel::timeline::{self, TimelineEvent};
use serde::Deserialize;
use serde_json::json;
use utoipa::ToSchema;

/// Reasons after which no competitor was bought.
const NO_COMPETITOR: [&str; 3] = ["postponed", "financing_refused", DUPLICATE];

/// The reason of a lead closed because its customer has another being worked.
pub const DUPLICATE: &str = "duplicate";

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct LostInput {
    /// The version last read; a stale one is refused with 409 `version_conflict`.
    pub version: i64,
    /// A key of the dealer's `lost_reason` list.
    pub reason: String,
    /// The brand they bought instead (required unless they postponed or the loan was refused).
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::NAME_MAX }>)]
    pub competitor_brand: Option<String>,
    /// The model they bought instead; at most 100 characters.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::LONG_NAME_MAX }>)]
    pub competitor_model: Option<String>,
    /// Why the lead was lost, in words; at most 500 characters.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::REMARK_MAX }>)]
    pub note: Option<String>,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct ReopenInput {
    /// The version last read; a stale one is refused with 409 `version_conflict`.
    pub version: i64,
    /// H, A, B or C.
    #[schema(schema_with = forecourt_domain::schema::judged_grade)]
    pub grade: Grade,
    /// Why the lead is reopened, shown on the customer's timeline; at most 500 characters.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::REMARK_MAX }>)]
    pub note: Option<String>,
}

/// Whether the actor decides losses themselves (a manager of the whole dealer).
fn decides_losses(actor: &Actor) -> bool {
    actor
        .require(Permission::LeadAssign)
        .is_ok_and(|s| s >= Scope::Dealer)
}

impl Sales<'_> {
    /// Marks a lead lost, or asks the manager to (the lead waits as `lost_pending`).
    pub async fn mark_lead_lost(
        &self,
        actor: &Actor,
        id: LeadId,
        input: LostInput,
    ) -> CoreResult<LeadView> {
        let tx = self.db().begin().await?;
        let before = lead_for(&*tx, actor, id, Permission::LeadUpdate).await?;
        if before.version != input.version {
            return Err(CoreError::VersionConflict { entity: "lead" });
        }
        if before.status != LeadStatus::Open.as_str() {
            return Err(CoreError::invalid_state(
                "only an open lead can be marked lost",
            ));
        }
        let mut errors = FieldErrors::new();
        let reason = lookups::check_key(
            &*tx,
            actor,
            &mut errors,
            LookupList::LostReason,
            "reason",
            Some(&input.reason),
        )
        .await?;
        if input.reason.trim().is_empty() {
            errors.push(FieldError::required("reason"));
        }
        let brand = errors
            .check(parse_optional_text(
                "competitor_brand",
                input.competitor_brand.as_deref(),
                NAME_MAX,
            ))
            .flatten();
        let model = errors
            .check(parse_optional_text(
                "competitor_model",
                input.competitor_model.as_deref(),
                LONG_NAME_MAX,
            ))
            .flatten();
        let note = errors
            .check(parse_optional_text(
                "note",
                input.note.as_deref(),
                REMARK_MAX,
            ))
            .flatten();
        if brand.is_none()
            && reason
                .as_deref()
                .is_some_and(|r| !NO_COMPETITOR.contains(&r))
        {
            errors.push(FieldError::new(
                "competitor_brand",
                "required",
                "name the brand they bought instead",
            ));
        }
        errors.finish()?;
        let now = self.now();
        let settings = effective(&*tx, actor).await?;
        let mut pending = before.clone();
        pending.lost_reason_key = reason;
        pending.lost_competitor_brand = brand;
        pending.lost_competitor_model = model;
        pending.lost_note = note;
        pending.lost_at = Some(now);
        let saved = if settings.lost_needs_approval && !decides_losses(actor) {
            pending.status = LeadStatus::LostPending.as_str().to_owned();
            pending.next_follow_up_at = None;
            let entry = AuditEntry::updated(&before, &pending).with_action("lead.lost_requested");
            let saved =
                audit::save::<lead::Entity, _>(&*tx, actor, &before, pending, entry, now, |e| {
                    CoreError::from_db("lead", e)
                })
                .await?;
            timeline::record(
                &*tx,
                actor,
                vec![TimelineEvent::new(
                    saved.customer_id,
                    "lead.lost_requested",
                    json!({"reason": saved.lost_reason_key, "competitor_brand": saved.lost_competitor_brand}),
                )
                .about("lead", saved.id)],
                now,
            )
            .await?;
            let customer =
                crate::follow_up_tasks::customer_name(&*tx, actor, saved.customer_id).await?;
            approvals::create_request(
                &*tx,
                actor,
                ApprovalInput {
                    kind: LOST_APPROVAL.kind,
                    title: customer,
                    title_text: None,
                    reference: Some(("lead".to_owned(), saved.id)),
                    payload: json!({
                        "reason": saved.lost_reason_key,
                        "competitor_brand": saved.lost_competitor_brand,
                        "competitor_model": saved.lost_competitor_model,
                        "note": saved.lost_note,
                    }),
                },
                now,
            )
            .await?;
            saved
        } else {
            // The lost details first (one update), then the loss itself.
            let with_details = tenant::update::<lead::Entity, _>(
                &*tx,
                actor.scope(),
                before.id,
                pending,
                before.version,
                now,
            )
            .await
            .map_err(|e| CoreError::from_db("lead", e))?;
            confirm_lost(&*tx, actor, &with_details, now).await?
        };
        let view = lead_views(&*tx, actor, now, std::slice::from_ref(&saved))
            .await?
            .pop()
            .ok_or(CoreError::not_found("lead"))?;
        tx.commit().await?;
        Ok(view)
    }
}
