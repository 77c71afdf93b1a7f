//! What other modules ask of the pipeline inside their own transaction: an order signed moves
//! the lead's opportunity to the dealer's order stage (and makes the lead O), a car delivered
//! moves it to the won stage (交车).

use super::write::{follow_stage, move_to_stage};
use chrono::{DateTime, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::repo::pipeline;
use forecourt_domain::sales::StageKind;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::CoreResult;
use uuid::Uuid;

/// Moves the lead's open opportunity to the dealer's first active stage of `kind` (`order`
/// or `won`), with its history, audit and timeline, and updates the lead as reaching that
/// stage does (an order stage makes it O / won). A lead without an open opportunity is
/// updated all the same. Returns the opportunity's id, if the lead has one. Runs in the
/// caller's transaction; the caller has checked who may.
pub async fn reach_stage_kind_in<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    lead_id: Uuid,
    kind: StageKind,
    now: DateTime<Utc>,
) -> CoreResult<Option<Uuid>> {
    let opportunity = pipeline::of_lead(conn, actor.scope(), lead_id).await?;
    let stage = pipeline::stages(conn, actor.scope())
        .await?
        .into_iter()
        .find(|s| s.active && s.kind == kind.as_str());
    match (opportunity, stage) {
        (Some(o), Some(stage)) if o.status == "open" && o.stage_id != stage.id => {
            let id = o.id;
            move_to_stage(conn, actor, o, stage, now).await?;
            Ok(Some(id))
        }
        (o, _) => {
            follow_stage(conn, actor, lead_id, kind, now).await?;
            Ok(o.map(|o| o.id))
        }
    }
}
