//! Closing a customer's duplicate leads before a merge.

use super::{DUPLICATE, LOST_APPROVAL, confirm_lost};
use chrono::{DateTime, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::lead;
use forecourt_db::repo::tenant;
use forecourt_kernel::approvals::{self};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};

/// Before two customers become one: the one merged away may not bring a second worked lead
/// to a survivor that has one. Its leads being worked are closed as duplicates (a loss waiting
/// for approval is withdrawn, their tasks end), with the survivor's lead named in the note.
pub async fn close_duplicates_before_merge<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    survivor: uuid::Uuid,
    merged: uuid::Uuid,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    let Some(kept) = forecourt_db::repo::leads::open_of_customer(conn, actor.scope(), survivor)
        .await?
        .into_iter()
        .next()
    else {
        return Ok(());
    };
    for before in forecourt_db::repo::leads::open_of_customer(conn, actor.scope(), merged).await? {
        if let Some(request) = forecourt_db::repo::approvals::pending_about(
            conn,
            actor.scope(),
            LOST_APPROVAL.kind,
            "lead",
            before.id,
        )
        .await?
        {
            approvals::withdraw_in(
                conn,
                actor,
                request,
                forecourt_domain::text::Text::new("approval.withdrawn.customer_merged"),
                now,
            )
            .await?;
        }
        let mut details = before.clone();
        details.lost_reason_key = Some(DUPLICATE.to_owned());
        details.lost_competitor_brand = None;
        details.lost_competitor_model = None;
        details.lost_note = Some(format!("merged: the customer's lead is {}", kept.id));
        let with_details = tenant::update::<lead::Entity, _>(
            conn,
            actor.scope(),
            before.id,
            details,
            before.version,
            now,
        )
        .await
        .map_err(|e| CoreError::from_db("lead", e))?;
        confirm_lost(conn, actor, &with_details, now).await?;
    }
    Ok(())
}
