//! How long Forecourt keeps what piles up by itself: in-app notifications and the outbox. The
//! server's hourly housekeeping calls [`App::purge_expired_messages`]. Customer records, the
//! audit log and the timeline are never purged here.

use crate::app::App;
use crate::error::CoreResult;
use chrono::Duration;
use forecourt_db::repo::{messages, notifications, org};
use forecourt_domain::ids::DealerId;
use forecourt_domain::work::MessageStatus;

/// Notifications older than this are gone, read or not: by then they are noise.
pub const NOTIFICATION_DAYS: i64 = 180;

/// Messages that reached an end (sent, suppressed, dead) are kept this long with their delivery
/// log, as the record of what was sent to whom and why something was not. Messages still
/// queued, sending or failed are kept until they end.
pub const MESSAGE_DAYS: i64 = 400;

/// What one purge removed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Purged {
    pub notifications: u64,
    pub messages: u64,
}

impl App {
    /// Deletes expired notifications and ended messages, a dealer at a time (each delete uses
    /// the dealer's own index).
    pub async fn purge_expired_messages(&self) -> CoreResult<Purged> {
        let now = self.now();
        let ended = [
            MessageStatus::Sent.as_str(),
            MessageStatus::Suppressed.as_str(),
            MessageStatus::Dead.as_str(),
        ];
        let mut purged = Purged::default();
        for dealer in org::all_dealers(self.db.conn()).await? {
            let actor = self.system_actor(DealerId::from_uuid(dealer.id)).await?;
            let tx = self.db.begin().await?;
            purged.notifications += notifications::purge_before(
                &*tx,
                actor.scope(),
                now - Duration::days(NOTIFICATION_DAYS),
            )
            .await?;
            purged.messages += messages::purge_finished_before(
                &*tx,
                actor.scope(),
                &ended,
                now - Duration::days(MESSAGE_DAYS),
            )
            .await?;
            tx.commit().await?;
        }
        Ok(purged)
    }
}
