//! The flow of a complaint after entry, each step with the version last read (a stale one is
//! 409) in one transaction with its audit entry, its step and the customer's timeline:
//!
//! - assign (分配, `complaint:assign`): a handler, who is told;
//! - respond, log an action, wait for the customer and resume, resolve with what was agreed
//!   (处理, `complaint:handle` reaching the handler);
//! - verify by a call-back (验证, `complaint:verify`), **never by the handler or whoever
//!   resolved it**: satisfied closes it (关闭), not satisfied sends it back to handling;
//! - reopen a closed complaint (`complaint:verify`): the resolution clock starts again, the
//!   breaches on record stay.

use super::access::{check_version, complaint_for, require_status};
use super::clocks::{pauses_of, refresh};
use super::enter::{active_user, add_step, on_timeline, tell};
use super::views::{ComplaintDetail, detail};
use super::{TEXT_MAX, parse_text};
use crate::Care;
use crate::rules::CareRules;
use chrono::{DateTime, Utc};
use forecourt_db::entities::{complaint, complaint_pause};
use forecourt_db::repo::{care, tenant};
use forecourt_db::{DatabaseTransaction, DbError, WriteTx};
use forecourt_domain::FieldErrors;
use forecourt_domain::care::complaint::ComplaintStatus;
use forecourt_domain::ids::{ComplaintId, UserId};
use forecourt_domain::permission::Permission;
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use ComplaintStatus::{Assigned, Closed, Entered, Handling, Resolved};

/// A step with notes.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ComplaintNote {
    /// The complaint's version last read.
    pub version: i64,
    /// What was said or done, 1–2000 characters (optional when resuming).
    #[schema(max_length = 2000)]
    pub notes: Option<String>,
}

/// Giving the complaint to a handler.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ComplaintAssignment {
    pub version: i64,
    /// An active user of the dealer.
    pub handler_id: UserId,
    /// Why (optional), at most 2000 characters.
    #[schema(max_length = 2000)]
    pub notes: Option<String>,
}

/// The complaint handled.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ComplaintResolution {
    pub version: i64,
    /// What was agreed with the customer, 1–2000 characters.
    #[schema(min_length = 1, max_length = 2000)]
    pub agreement: String,
}

/// The call-back to the customer.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ComplaintVerification {
    pub version: i64,
    /// Whether the customer confirms it is settled: closes it; otherwise back to handling.
    pub satisfied: bool,
    /// What the customer said, 1–2000 characters.
    #[schema(min_length = 1, max_length = 2000)]
    pub notes: String,
}

/// What one step changes, decided on the loaded complaint.
struct Step {
    /// The audit action and step kind.
    kind: &'static str,
    timeline: &'static str,
    notes: Option<String>,
}

fn notes(field: &str, input: Option<&str>, optional: bool) -> CoreResult<Option<String>> {
    let mut errors = FieldErrors::new();
    let value = errors.check(parse_text(field, input, TEXT_MAX, optional));
    errors.finish()?;
    Ok(value.flatten())
}

impl Care<'_> {
    /// Loads the complaint for `permission` at `version`, in a new transaction.
    async fn open_step(
        &self,
        actor: &Actor,
        id: ComplaintId,
        permission: Permission,
        version: i64,
    ) -> CoreResult<(WriteTx, complaint::Model)> {
        let tx = self.db().begin().await?;
        let before = complaint_for(&*tx, actor, id, permission).await?;
        check_version(&before, version)?;
        Ok((tx, before))
    }

    /// Saves `after` with its clocks refreshed, the step, the audit entry and the timeline.
    async fn close_step(
        &self,
        actor: &Actor,
        tx: WriteTx,
        before: complaint::Model,
        mut after: complaint::Model,
        step: Step,
        now: DateTime<Utc>,
    ) -> CoreResult<ComplaintDetail> {
        let scope = actor.scope();
        let rules = CareRules::load(&*tx, actor, self.today(actor)).await?;
        let pause_rows = care::pauses_of(&*tx, scope, &[before.id]).await?;
        refresh(&rules, &mut after, &pauses_of(&pause_rows, before.id), now);
        let entry =
            AuditEntry::updated(&before, &after).with_action(&format!("complaint.{}", step.kind));
        let saved =
            audit::save::<complaint::Entity, _>(&*tx, actor, &before, after, entry, now, |e| {
                CoreError::from_db("complaint", e)
            })
            .await?;
        add_step(
            &*tx,
            actor,
            &saved,
            step.kind,
            step.notes,
            Some(actor.user_id().uuid()),
            now,
        )
        .await?;
        on_timeline(&*tx, actor, &saved, step.timeline, now).await?;
        let events = care::events_of(&*tx, scope, saved.id).await?;
        let escalations = care::escalations_of(&*tx, scope, &[saved.id]).await?;
        let view = detail(
            &*tx,
            actor,
            &rules,
            &pause_rows,
            &events,
            &escalations,
            now,
            &saved,
        )
        .await?;
        tx.commit().await?;
        Ok(view)
    }

    /// Gives the complaint to a handler (or another one), who is told. Needs
    /// `complaint:assign`; a closed complaint is 409; an inactive user 422.
    pub async fn assign_complaint(
        &self,
        actor: &Actor,
        id: ComplaintId,
        input: ComplaintAssignment,
    ) -> CoreResult<ComplaintDetail> {
        let (tx, before) = self
            .open_step(actor, id, Permission::ComplaintAssign, input.version)
            .await?;
        let notes = notes("notes", input.notes.as_deref(), true)?;
        require_status(
            &before,
            &[Entered, Assigned, Handling, Resolved],
            "assigned",
        )?;
        let handler = input.handler_id.uuid();
        if let Err(e) = active_user(&*tx, actor, "handler_id", handler).await? {
            return Err(CoreError::invalid(e));
        }
        let now = self.now();
        let mut after = before.clone();
        after.handler_id = Some(handler);
        if before.status == Entered.as_str() {
            after.status = Assigned.as_str().to_owned();
        }
        tell(
            &*tx,
            actor,
            &before,
            vec![handler],
            "complaint.assigned",
            now,
        )
        .await?;
        let step = Step {
            kind: "assigned",
            timeline: "complaint.assigned",
            notes,
        };
        self.close_step(actor, tx, before, after, step, now).await
    }

    /// The handler's first answer to the customer: stops the first-response clock. Needs
    /// `complaint:handle` reaching the handler; only once (409 after), notes required.
    pub async fn respond_to_complaint(
        &self,
        actor: &Actor,
        id: ComplaintId,
        input: ComplaintNote,
    ) -> CoreResult<ComplaintDetail> {
        let (tx, before) = self
            .open_step(actor, id, Permission::ComplaintHandle, input.version)
            .await?;
        let notes = notes("notes", input.notes.as_deref(), false)?;
        require_status(&before, &[Assigned], "answered")?;
        let now = self.now();
        let mut after = before.clone();
        after.first_responded_at = Some(now);
        after.status = Handling.as_str().to_owned();
        let step = Step {
            kind: "responded",
            timeline: "complaint.responded",
            notes,
        };
        self.close_step(actor, tx, before, after, step, now).await
    }

    /// Logs an action taken on the complaint. Needs `complaint:handle` reaching the handler;
    /// while assigned or being handled.
    pub async fn log_complaint_action(
        &self,
        actor: &Actor,
        id: ComplaintId,
        input: ComplaintNote,
    ) -> CoreResult<ComplaintDetail> {
        let (tx, before) = self
            .open_step(actor, id, Permission::ComplaintHandle, input.version)
            .await?;
        let notes = notes("notes", input.notes.as_deref(), false)?;
        require_status(&before, &[Assigned, Handling], "worked")?;
        let now = self.now();
        let after = before.clone();
        let step = Step {
            kind: "action",
            timeline: "complaint.action",
            notes,
        };
        self.close_step(actor, tx, before, after, step, now).await
    }

    /// Waits for the customer: both clocks stand still until resumed. Needs
    /// `complaint:handle`; 409 when already waiting.
    pub async fn wait_for_customer(
        &self,
        actor: &Actor,
        id: ComplaintId,
        input: ComplaintNote,
    ) -> CoreResult<ComplaintDetail> {
        let (tx, before) = self
            .open_step(actor, id, Permission::ComplaintHandle, input.version)
            .await?;
        let notes = notes("notes", input.notes.as_deref(), false)?;
        require_status(&before, &[Assigned, Handling], "paused")?;
        if before.waiting_since.is_some() {
            return Err(CoreError::invalid_state(
                "the complaint is already waiting for the customer",
            ));
        }
        let now = self.now();
        let pause = complaint_pause::Model {
            id: Uuid::now_v7(),
            dealer_id: before.dealer_id,
            complaint_id: before.id,
            started_at: now,
            ended_at: None,
        };
        tenant::insert::<complaint_pause::Entity, _>(&*tx, actor.scope(), pause.dealer_id, pause)
            .await
            .map_err(|e| match e {
                DbError::UniqueViolation(_) => CoreError::VersionConflict {
                    entity: "complaint",
                },
                other => other.into(),
            })?;
        let mut after = before.clone();
        after.waiting_since = Some(now);
        let step = Step {
            kind: "waiting",
            timeline: "complaint.waiting",
            notes,
        };
        self.close_step(actor, tx, before, after, step, now).await
    }

    /// The customer is back: the clocks run again. Needs `complaint:handle`; 409 unless
    /// waiting.
    pub async fn resume_complaint(
        &self,
        actor: &Actor,
        id: ComplaintId,
        input: ComplaintNote,
    ) -> CoreResult<ComplaintDetail> {
        let (tx, before) = self
            .open_step(actor, id, Permission::ComplaintHandle, input.version)
            .await?;
        let notes = notes("notes", input.notes.as_deref(), true)?;
        if before.waiting_since.is_none() {
            return Err(CoreError::invalid_state(
                "the complaint is not waiting for the customer",
            ));
        }
        let now = self.now();
        end_pause(&tx, actor, &before, now).await?;
        let mut after = before.clone();
        after.waiting_since = None;
        let step = Step {
            kind: "resumed",
            timeline: "complaint.resumed",
            notes,
        };
        self.close_step(actor, tx, before, after, step, now).await
    }

    /// Handled (处理完毕), with what was agreed with the customer: stops the resolution clock
    /// (ending a wait for the customer) and waits for verification. Needs `complaint:handle`;
    /// only after the first answer.
    pub async fn resolve_complaint(
        &self,
        actor: &Actor,
        id: ComplaintId,
        input: ComplaintResolution,
    ) -> CoreResult<ComplaintDetail> {
        let (tx, before) = self
            .open_step(actor, id, Permission::ComplaintHandle, input.version)
            .await?;
        let agreement = notes("agreement", Some(&input.agreement), false)?;
        require_status(&before, &[Handling], "resolved")?;
        let now = self.now();
        let mut after = before.clone();
        if before.waiting_since.is_some() {
            end_pause(&tx, actor, &before, now).await?;
            after.waiting_since = None;
        }
        after.status = Resolved.as_str().to_owned();
        after.resolved_at = Some(now);
        after.resolved_by = Some(actor.user_id().uuid());
        after.agreement = agreement.clone();
        let step = Step {
            kind: "resolved",
            timeline: "complaint.resolved",
            notes: agreement,
        };
        self.close_step(actor, tx, before, after, step, now).await
    }

    /// The call-back (回访验证) by someone other than the handler and whoever resolved it:
    /// satisfied closes the complaint; not satisfied sends it back to handling, its resolution
    /// clock running on from where it was. Needs `complaint:verify`; 409 unless resolved or
    /// when the verifier handled it.
    pub async fn verify_complaint(
        &self,
        actor: &Actor,
        id: ComplaintId,
        input: ComplaintVerification,
    ) -> CoreResult<ComplaintDetail> {
        let (tx, before) = self
            .open_step(actor, id, Permission::ComplaintVerify, input.version)
            .await?;
        let notes = notes("notes", Some(&input.notes), false)?;
        require_status(&before, &[Resolved], "verified")?;
        let me = actor.user_id().uuid();
        if before.handler_id == Some(me) || before.resolved_by == Some(me) {
            return Err(CoreError::invalid_state(
                "a complaint is verified by someone other than who handled it",
            ));
        }
        let now = self.now();
        let mut after = before.clone();
        let step = if input.satisfied {
            after.status = Closed.as_str().to_owned();
            after.verified_by = Some(me);
            after.closed_at = Some(now);
            Step {
                kind: "closed",
                timeline: "complaint.closed",
                notes,
            }
        } else {
            after.status = Handling.as_str().to_owned();
            after.resolved_at = None;
            after.resolved_by = None;
            if let Some(h) = before.handler_id {
                tell(&*tx, actor, &before, vec![h], "complaint.rejected", now).await?;
            }
            Step {
                kind: "rejected",
                timeline: "complaint.rejected",
                notes,
            }
        };
        self.close_step(actor, tx, before, after, step, now).await
    }

    /// Reopens a closed complaint: back to handling with a new resolution clock from now (the
    /// breaches on record stay). Needs `complaint:verify`; notes required; the handler is told.
    pub async fn reopen_complaint(
        &self,
        actor: &Actor,
        id: ComplaintId,
        input: ComplaintNote,
    ) -> CoreResult<ComplaintDetail> {
        let (tx, before) = self
            .open_step(actor, id, Permission::ComplaintVerify, input.version)
            .await?;
        let notes = notes("notes", input.notes.as_deref(), false)?;
        require_status(&before, &[Closed], "reopened")?;
        let now = self.now();
        let mut after = before.clone();
        after.status = if before.handler_id.is_some() {
            Handling
        } else {
            Entered
        }
        .as_str()
        .to_owned();
        after.cycle = before.cycle + 1;
        after.resolution_started_at = now;
        after.resolved_at = None;
        after.resolved_by = None;
        after.verified_by = None;
        after.closed_at = None;
        after.agreement = None;
        if after.first_responded_at.is_none() && before.handler_id.is_some() {
            after.first_responded_at = Some(now);
        }
        if let Some(h) = before.handler_id {
            tell(&*tx, actor, &before, vec![h], "complaint.reopened", now).await?;
        }
        let step = Step {
            kind: "reopened",
            timeline: "complaint.reopened",
            notes,
        };
        self.close_step(actor, tx, before, after, step, now).await
    }
}

/// Ends the complaint's open pause.
async fn end_pause(
    tx: &DatabaseTransaction,
    actor: &Actor,
    c: &complaint::Model,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    for p in care::pauses_of(tx, actor.scope(), &[c.id]).await? {
        if p.ended_at.is_none() {
            care::end_pause(tx, actor.scope(), p.id, now).await?;
        }
    }
    Ok(())
}
