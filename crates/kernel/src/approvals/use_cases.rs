//! The approval use cases: asking for a generic approval, listing and reading requests,
//! approving, rejecting and withdrawing them, and counting those waiting for a decision.

use super::access::{can_decide, request_for};
use super::{
    ApprovalInput, ApprovalQuery, ApprovalView, Decision, NewApproval, approval_type,
    create_request, settle,
};
use super::{EffectCtx, access, registry, views};
use crate::app::App;
use crate::audit::{self, AuditEntry};
use crate::auth::Actor;
use crate::error::{CoreError, CoreResult};
use crate::paging::{Paged, page_or_bad_cursor, page_request};
use forecourt_db::entities::approval_request;
use forecourt_db::repo::approvals;
use forecourt_db::repo::tenant;
use forecourt_domain::ids::ApprovalRequestId;
use forecourt_domain::permission::Permission;
use forecourt_domain::username::{COMMENT_MAX, REASON_MAX, SHORT_NAME_MAX};
use forecourt_domain::username::{parse_name, parse_optional_text};
use forecourt_domain::work::ApprovalStatus;
use forecourt_domain::{FieldError, FieldErrors};
use serde_json::json;

impl App {
    /// Asks for an approval of a generic type (discount, refund, customer reassignment).
    pub async fn create_approval(
        &self,
        actor: &Actor,
        input: NewApproval,
    ) -> CoreResult<ApprovalView> {
        actor.require(Permission::ApprovalCreate)?;
        let kind = approval_type(&input.kind).filter(|t| t.generic);
        let mut errors = FieldErrors::new();
        if kind.is_none() {
            errors.push(FieldError::new(
                "kind",
                "invalid_value",
                "is not an approval type that can be requested here",
            ));
        }
        let title = errors.check(parse_name("title", &input.title, REASON_MAX));
        let ref_type = errors
            .check(parse_optional_text(
                "ref_type",
                input.ref_type.as_deref(),
                SHORT_NAME_MAX,
            ))
            .flatten();
        errors.finish()?;
        let (Some(kind), Some(title)) = (kind, title) else {
            return Err(CoreError::invalid(FieldError::required("kind")));
        };
        let payload = input.payload.unwrap_or_else(|| json!({}));
        let tx = self.db.begin().await?;
        if let Some(check) = kind.check {
            check(registry::RequestCheck {
                conn: &tx,
                actor,
                ref_type: ref_type.as_deref(),
                ref_id: input.ref_id,
                payload: &payload,
            })
            .await?;
        }
        let now = self.now();
        let saved = create_request(
            &*tx,
            actor,
            ApprovalInput {
                kind: kind.kind,
                title,
                title_text: None,
                reference: ref_type.zip(input.ref_id),
                payload,
            },
            now,
        )
        .await?;
        let view = views::view(&*tx, actor, saved).await?;
        tx.commit().await?;
        Ok(view)
    }

    /// A page of approval requests: the caller's own (`mine`), those waiting for their decision
    /// (`waiting`), or all within their `approval.read` scope; filtered by status and kind.
    pub async fn list_approvals(
        &self,
        actor: &Actor,
        query: ApprovalQuery,
    ) -> CoreResult<Paged<ApprovalView>> {
        let read = actor.require(Permission::ApprovalRead)?;
        let filter = access::filter_for(actor, read, &query);
        let page = page_request(query.limit, query.cursor.as_deref())?;
        let conn = self.db.conn();
        let rows = page_or_bad_cursor(approvals::list(conn, actor.scope(), &filter, &page).await?)?;
        let items = views::views(conn, actor, rows.items).await?;
        Ok(Paged {
            items,
            next_cursor: rows.next_cursor.as_ref().map(forecourt_db::Cursor::encode),
        })
    }

    /// One request: the caller's own, one they may decide, or one of a requester within their
    /// `approval.read` scope; any other is 404.
    pub async fn get_approval(
        &self,
        actor: &Actor,
        id: ApprovalRequestId,
    ) -> CoreResult<ApprovalView> {
        let conn = self.db.conn();
        let request = request_for(conn, actor, id).await?;
        views::view(conn, actor, request).await
    }

    /// Approves a pending request and applies its effect. Needs the type's permission reaching the
    /// requester (never one's own request: 403); a stale `version` is 409 `version_conflict`, a
    /// request no longer pending 409 `invalid_state`.
    pub async fn approve_approval(
        &self,
        actor: &Actor,
        id: ApprovalRequestId,
        decision: Decision,
    ) -> CoreResult<ApprovalView> {
        self.decide(actor, id, decision, ApprovalStatus::Approved)
            .await
    }

    /// Rejects a request; the comment (why) is required.
    pub async fn reject_approval(
        &self,
        actor: &Actor,
        id: ApprovalRequestId,
        decision: Decision,
    ) -> CoreResult<ApprovalView> {
        self.decide(actor, id, decision, ApprovalStatus::Rejected)
            .await
    }

    async fn decide(
        &self,
        actor: &Actor,
        id: ApprovalRequestId,
        decision: Decision,
        outcome: ApprovalStatus,
    ) -> CoreResult<ApprovalView> {
        let tx = self.db.begin().await?;
        let before = request_for(&*tx, actor, id).await?;
        let kind = approval_type(&before.kind)
            .ok_or_else(|| CoreError::invalid_state("this approval type is no longer known"))?;
        actor.require(kind.permission)?;
        if !can_decide(&*tx, actor, kind, &before).await? {
            return Err(CoreError::Forbidden {
                permission: kind.permission,
            });
        }
        if before.version != decision.version {
            return Err(CoreError::VersionConflict { entity: "approval" });
        }
        if before.status != ApprovalStatus::Pending.as_str() {
            return Err(CoreError::invalid_state(format!(
                "the request is already {}",
                before.status
            )));
        }
        let mut errors = FieldErrors::new();
        let comment = errors
            .check(parse_optional_text(
                "comment",
                decision.comment.as_deref(),
                COMMENT_MAX,
            ))
            .flatten();
        if outcome == ApprovalStatus::Rejected && comment.is_none() {
            errors.push(FieldError::required("comment"));
        }
        errors.finish()?;
        let now = self.now();
        let saved = settle(&tx, actor, kind, before, outcome, comment, now).await?;
        let view = views::view(&*tx, actor, saved).await?;
        tx.commit().await?;
        Ok(view)
    }

    /// The requester takes a pending request back.
    pub async fn withdraw_approval(
        &self,
        actor: &Actor,
        id: ApprovalRequestId,
        decision: Decision,
    ) -> CoreResult<ApprovalView> {
        let tx = self.db.begin().await?;
        let before = request_for(&*tx, actor, id).await?;
        if before.requester_id != actor.user_id().uuid() {
            return Err(CoreError::not_found("approval"));
        }
        if before.version != decision.version {
            return Err(CoreError::VersionConflict { entity: "approval" });
        }
        if before.status != ApprovalStatus::Pending.as_str() {
            return Err(CoreError::invalid_state(format!(
                "the request is already {}",
                before.status
            )));
        }
        let now = self.now();
        let mut after = before.clone();
        after.status = ApprovalStatus::Withdrawn.as_str().to_owned();
        after.decided_at = Some(now);
        let saved = tenant::update::<approval_request::Entity, _>(
            &*tx,
            actor.scope(),
            before.id,
            after,
            before.version,
            now,
        )
        .await
        .map_err(|e| CoreError::from_db("approval", e))?;
        if let Some(effect) = approval_type(&saved.kind).and_then(|k| k.on_reject) {
            effect(EffectCtx {
                conn: &tx,
                decider: actor,
                request: &saved,
                now,
            })
            .await?;
        }
        audit::record(
            &*tx,
            actor,
            AuditEntry::action("approval", "withdrawn", Some(saved.id)).change(
                "status",
                before.status.clone(),
                saved.status.clone(),
            ),
            now,
        )
        .await?;
        let view = views::view(&*tx, actor, saved).await?;
        tx.commit().await?;
        Ok(view)
    }

    /// How many requests wait for the actor's decision.
    pub async fn approvals_waiting(
        &self,
        actor: &Actor,
        limit: u64,
    ) -> CoreResult<(u64, Vec<ApprovalView>)> {
        if !actor.can(Permission::ApprovalRead) {
            return Ok((0, Vec::new()));
        }
        let filter = access::waiting_filter(actor);
        let conn = self.db.conn();
        let count = approvals::count(conn, actor.scope(), &filter).await?;
        let rows = approvals::latest(conn, actor.scope(), &filter, limit).await?;
        Ok((count, views::views(conn, actor, rows).await?))
    }
}
