//! Accepting a quote: the customer agrees. One accepted quote per opportunity (a partial
//! unique index; the opportunity's lock makes a twin request wait and then see the first);
//! the other open versions are superseded.

use super::write::lock_opportunity;
use super::{QuoteStep, QuoteView, quote_for, view};
use crate::Deal;
use forecourt_db::entities::quote;
use forecourt_db::repo::{deal, tenant};
use forecourt_domain::ids::QuoteId;
use forecourt_domain::permission::Permission;
use forecourt_domain::quote_status::QuoteStatus;
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::timeline::{self, TimelineEvent};
use serde_json::json;

const OPEN: [&str; 4] = ["draft", "pending_approval", "approved", "rejected"];

impl Deal<'_> {
    /// Accepts a quote (version-checked): a draft that needs no approval, or an approved one,
    /// still valid. Every other open version of the opportunity's quote is superseded; a
    /// second acceptance for the opportunity is 409 `invalid_state`.
    pub async fn accept_quote(
        &self,
        actor: &Actor,
        id: QuoteId,
        step: QuoteStep,
    ) -> CoreResult<QuoteView> {
        let tx = self.db().begin().await?;
        let found = quote_for(&*tx, actor, id, Permission::QuoteWrite).await?;
        lock_opportunity(&tx, actor, found.opportunity_id).await?;
        // Read again behind the lock: a twin request that went first is seen now.
        let before = tenant::find::<quote::Entity, _>(&*tx, actor.scope(), found.id)
            .await?
            .ok_or(CoreError::not_found("quote"))?;
        if before.version != step.version {
            return Err(CoreError::VersionConflict { entity: "quote" });
        }
        let today = self.today(actor);
        let status = QuoteStatus::parse(&before.status)
            .unwrap_or(QuoteStatus::Draft)
            .effective(before.valid_until < today);
        status
            .may_accept(before.needs_approval)
            .map_err(CoreError::invalid_state)?;
        let versions =
            deal::quotes_of_opportunity(&*tx, actor.scope(), before.opportunity_id).await?;
        if versions
            .iter()
            .any(|v| v.id != before.id && v.status == QuoteStatus::Accepted.as_str())
        {
            return Err(CoreError::invalid_state(
                "another version of this quote is already accepted",
            ));
        }
        let now = self.now();
        let superseded = deal::supersede_others(
            &*tx,
            actor.scope(),
            before.opportunity_id,
            before.id,
            &OPEN,
            now,
        )
        .await?;
        for id in &superseded {
            audit::record(
                &*tx,
                actor,
                AuditEntry::action("quote", "superseded", Some(*id)),
                now,
            )
            .await?;
        }
        let mut after = before.clone();
        after.status = QuoteStatus::Accepted.as_str().to_owned();
        after.accepted_at = Some(now);
        let entry = AuditEntry::updated(&before, &after).with_action("quote.accepted");
        let saved =
            audit::save::<quote::Entity, _>(&*tx, actor, &before, after, entry, now, |e| match e {
                forecourt_db::DbError::UniqueViolation(_) => {
                    CoreError::invalid_state("another version of this quote is already accepted")
                }
                other => CoreError::from_db("quote", other),
            })
            .await?;
        timeline::record(
            &*tx,
            actor,
            vec![
                TimelineEvent::new(
                    saved.customer_id,
                    "quote.accepted",
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
}
