//! Each user's private iCalendar feed: a secret URL (created or rotated, shown once, stored
//! hashed, revocable) that phone calendars subscribe to.

use super::types::{CalendarFeed, CalendarFeedStatus};
use crate::Work;
use chrono::Duration;
use forecourt_db::entities::calendar_feed;
use forecourt_db::repo::activities::{self, ActivityFilter};
use forecourt_db::repo::{Reach, tenant, users};
use forecourt_domain::ical::{Event, calendar};
use forecourt_domain::permission::Permission;
use forecourt_domain::work::ActivityStatus;
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::secrets::{random_token, token_hash};
use forecourt_kernel::auth::{Actor, user_actor};
use forecourt_kernel::error::{CoreError, CoreResult};
use uuid::Uuid;

impl Work<'_> {
    /// Creates the caller's feed, or rotates it (the old URL stops working).
    pub async fn create_calendar_feed(&self, actor: &Actor) -> CoreResult<CalendarFeed> {
        actor.require(Permission::ActivityRead)?;
        let now = self.now();
        let token = random_token(32);
        let tx = self.db().begin().await?;
        let home = actor.at_home();
        activities::delete_feeds_of_user(&*tx, home.scope(), actor.user_id().uuid()).await?;
        let row = calendar_feed::Model {
            id: Uuid::now_v7(),
            dealer_id: home.dealer_id().uuid(),
            user_id: actor.user_id().uuid(),
            token_hash: token_hash(&token),
            created_at: now,
            last_used_at: None,
        };
        tenant::insert::<calendar_feed::Entity, _>(&*tx, home.scope(), row.dealer_id, row).await?;
        audit::record(
            &*tx,
            &home,
            AuditEntry::action("calendar_feed", "created", Some(actor.user_id().uuid())),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(CalendarFeed {
            path: format!("/ical/{token}.ics"),
            token,
            created_at: now,
        })
    }

    /// Whether the caller has a feed, since when, and when a calendar last fetched it.
    pub async fn calendar_feed_status(&self, actor: &Actor) -> CoreResult<CalendarFeedStatus> {
        actor.require(Permission::ActivityRead)?;
        let home = actor.at_home();
        let feed = activities::feed_of_user(self.db().conn(), home.scope(), actor.user_id().uuid())
            .await?;
        Ok(CalendarFeedStatus {
            active: feed.is_some(),
            created_at: feed.as_ref().map(|f| f.created_at),
            last_used_at: feed.and_then(|f| f.last_used_at),
        })
    }

    /// Turns off the caller's calendar feed: its URL stops working. 404 if the caller has none.
    pub async fn revoke_calendar_feed(&self, actor: &Actor) -> CoreResult<()> {
        actor.require(Permission::ActivityRead)?;
        let home = actor.at_home();
        let tx = self.db().begin().await?;
        if !activities::delete_feeds_of_user(&*tx, home.scope(), actor.user_id().uuid()).await? {
            return Err(CoreError::not_found("calendar feed"));
        }
        audit::record(
            &*tx,
            &home,
            AuditEntry::action("calendar_feed", "revoked", Some(actor.user_id().uuid())),
            self.now(),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The feed of a token: the user's activities from 30 days ago to 180 days ahead, as
    /// iCalendar text. An unknown or revoked token, or a disabled user, is not found.
    pub async fn calendar_feed_ics(&self, token: &str) -> CoreResult<String> {
        let conn = self.db().conn();
        let feed = activities::feed_by_token_hash(conn, &token_hash(token))
            .await?
            .ok_or(CoreError::not_found("calendar feed"))?;
        let user = users::find_for_auth(conn, feed.user_id)
            .await?
            .filter(|u| u.status == "active")
            .ok_or(CoreError::not_found("calendar feed"))?;
        let actor = user_actor(conn, &user).await?;
        if !actor.can(Permission::ActivityRead) {
            return Err(CoreError::not_found("calendar feed"));
        }
        let now = self.now();
        let filter = ActivityFilter {
            person: Some(user.id),
            from: Some(now - Duration::days(30)),
            to: Some(now + Duration::days(180)),
            ..ActivityFilter::default()
        };
        let rows = activities::all_matching(
            conn,
            actor.scope(),
            Reach::Own { user_id: user.id },
            &filter,
            5000,
        )
        .await?;
        let events: Vec<Event> = rows
            .into_iter()
            .filter_map(|a| {
                let start = a.starts_at.or(a.due_at)?;
                let end = a.ends_at.unwrap_or(start + Duration::minutes(30));
                Some(Event {
                    uid: format!("{}@forecourt", a.id),
                    start,
                    end,
                    summary: forecourt_kernel::texts::stored(
                        a.subject_text.as_ref(),
                        &a.subject,
                        actor.locale(),
                    ),
                    description: a.notes,
                    cancelled: a.status == ActivityStatus::Cancelled.as_str(),
                })
            })
            .collect();
        // The first fetch is recorded, then at most one every five minutes (phones poll often).
        if feed
            .last_used_at
            .is_none_or(|at| (now - at).num_minutes() >= 5)
        {
            activities::touch_feed(conn, feed.id, now).await?;
        }
        Ok(calendar(
            &format!("Forecourt · {}", user.display_name),
            now,
            &events,
        ))
    }
}
