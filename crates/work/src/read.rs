//! Lists, one activity, calendars (with overlap conflicts) and the "my work" page.

use super::access::{activity_for, view, views};
use super::types::{
    ActivityQuery, ActivitySortKey, ActivityView, CalendarQuery, CalendarView, Conflict,
};
use crate::Work;
use chrono::Duration;
use forecourt_db::entities::{activity, activity_participant, user};
use forecourt_db::repo::activities::{self, ActivityFilter, ActivitySort};
use forecourt_db::repo::{Reach, notifications, tenant, users};
use forecourt_domain::FieldError;
use forecourt_domain::ids::{ActivityId, UserId};
use forecourt_domain::permission::Permission;
use forecourt_domain::work::{ActivityKind, ActivityStatus};
use forecourt_kernel::access::holder_reached;
use forecourt_kernel::approvals::ApprovalView;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::notifications::NotificationView;
use forecourt_kernel::paging::{Paged, page_or_bad_cursor, page_request};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// The consultant's home: what to do today, what is late, what is coming, what waits for them.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct MyWork {
    /// Planned activities due or taking place today (the dealer's calendar day) that are not
    /// overdue (those are in `overdue`): its length is the day's count.
    pub today: Vec<ActivityView>,
    /// Planned activities past their due time, oldest first.
    pub overdue: Vec<ActivityView>,
    /// Appointments, visits, meetings and test drives of the next seven days.
    pub upcoming: Vec<ActivityView>,
    /// How many approval requests wait for the caller's decision.
    pub approvals_waiting: u64,
    /// The latest of them (at most five).
    pub approvals: Vec<ApprovalView>,
    /// How many of the caller's notifications are unread.
    pub unread_notifications: u64,
    /// The caller's latest notifications (at most five).
    pub notifications: Vec<NotificationView>,
}

/// The pairs of planned, timed activities that overlap on one person's schedule (owned or
/// taken part in), for each of `people`.
fn overlaps(
    rows: &[activity::Model],
    taking_part: &[activity_participant::Model],
    people: &[Uuid],
) -> Vec<Conflict> {
    let mut conflicts = Vec::new();
    for person in people {
        let timed: Vec<_> = rows
            .iter()
            .filter(|a| a.status == ActivityStatus::Planned.as_str())
            .filter(|a| {
                a.owner_id == *person
                    || taking_part
                        .iter()
                        .any(|p| p.activity_id == a.id && p.user_id == *person)
            })
            .filter_map(|a| Some((a, a.starts_at?, a.ends_at?)))
            .collect();
        for (i, (a, a_start, a_end)) in timed.iter().enumerate() {
            for (b, b_start, b_end) in &timed[i + 1..] {
                if a_start < b_end && b_start < a_end {
                    conflicts.push(Conflict {
                        user_id: UserId::from_uuid(*person),
                        activity_ids: [ActivityId::from_uuid(a.id), ActivityId::from_uuid(b.id)],
                    });
                }
            }
        }
    }
    conflicts
}

impl Work<'_> {
    /// Activities within the caller's reach, filtered, newest first or soonest due first.
    pub async fn list_activities(
        &self,
        actor: &Actor,
        query: ActivityQuery,
    ) -> CoreResult<Paged<ActivityView>> {
        let reach = actor.reach(Permission::ActivityRead)?;
        let now = self.now();
        let filter = ActivityFilter {
            owner_id: query.owner_id.map(UserId::uuid),
            person: None,
            team_id: query.team_id.map(|t| t.uuid()),
            customer_id: query.customer_id.map(|c| c.uuid()),
            ref_type: query.ref_type,
            ref_id: query.ref_id,
            kind: query.kind.map(|k| k.as_str().to_owned()),
            status: query.status.map(|s| s.as_str().to_owned()),
            overdue: query.overdue,
            now: Some(now),
            from: query.from,
            to: query.to,
        };
        let sort = match query.sort.unwrap_or_default() {
            ActivitySortKey::Created => ActivitySort::CreatedAt,
            ActivitySortKey::Due => ActivitySort::Deadline,
        };
        let page = page_request(query.limit, query.cursor.as_deref())?;
        let conn = self.db().conn();
        let rows = page_or_bad_cursor(
            activities::list(conn, actor.scope(), reach, &filter, sort, &page).await?,
        )?;
        Ok(Paged {
            next_cursor: rows.next_cursor.as_ref().map(forecourt_db::Cursor::encode),
            items: views(conn, actor, rows.items, now).await?,
        })
    }

    /// One activity. The caller needs `activity.read` reaching its owner, or to take part in it;
    /// otherwise (or another dealer's) 404.
    pub async fn get_activity(&self, actor: &Actor, id: ActivityId) -> CoreResult<ActivityView> {
        let conn = self.db().conn();
        let found = activity_for(conn, actor, id, Permission::ActivityRead).await?;
        view(conn, actor, found, self.now()).await
    }

    /// One person's (default: the caller's) or one team's activities in `[from, to)`, with the
    /// pairs that overlap.
    pub async fn calendar(&self, actor: &Actor, query: CalendarQuery) -> CoreResult<CalendarView> {
        let reach = actor.reach(Permission::ActivityRead)?;
        if query.to <= query.from || query.to - query.from > Duration::days(62) {
            return Err(CoreError::invalid(FieldError::new(
                "to",
                "invalid_range",
                "must be after from, at most 62 days later",
            )));
        }
        let conn = self.db().conn();
        let mut filter = ActivityFilter {
            from: Some(query.from),
            to: Some(query.to),
            ..ActivityFilter::default()
        };
        // Whose overlaps to report: the person's, or every member's of the team.
        let people: Vec<Uuid> = if let Some(team) = query.team_id {
            filter.team_id = Some(team.uuid());
            users::active_in_team(conn, actor.scope(), team.uuid())
                .await?
                .into_iter()
                .map(|u| u.id)
                .collect()
        } else {
            let user = query.user_id.unwrap_or(actor.user_id());
            let found = tenant::find::<user::Entity, _>(conn, actor.scope(), user.uuid()).await?;
            if found.is_none()
                || !holder_reached(actor, &[Permission::ActivityRead], found.as_ref())
            {
                return Err(CoreError::not_found("user"));
            }
            filter.person = Some(user.uuid());
            vec![user.uuid()]
        };
        let rows = activities::all_matching(conn, actor.scope(), reach, &filter, 2000).await?;
        let ids: Vec<Uuid> = rows.iter().map(|a| a.id).collect();
        let taking_part = activities::participants(conn, actor.scope(), &ids).await?;
        let conflicts = overlaps(&rows, &taking_part, &people);
        Ok(CalendarView {
            from: query.from,
            to: query.to,
            items: views(conn, actor, rows, self.now()).await?,
            conflicts,
        })
    }

    /// The caller's home page: their activities of today, overdue and of the next seven days, with
    /// the approvals waiting for them and their latest notifications. Parts the caller has no
    /// permission for are empty.
    pub async fn my_work(&self, actor: &Actor) -> CoreResult<MyWork> {
        let conn = self.db().conn();
        let now = self.now();
        let me = Reach::Own {
            user_id: actor.user_id().uuid(),
        };
        let (today, overdue, upcoming) = if actor.can(Permission::ActivityRead) {
            let tz = actor.time_zone();
            let start = tz.start_of_day(tz.local_date(now));
            let end = tz.start_of_day(tz.local_date(now) + Duration::days(1));
            let me_id = actor.user_id().uuid();
            let planned = |from, to| ActivityFilter {
                person: Some(me_id),
                status: Some(ActivityStatus::Planned.as_str().to_owned()),
                from: Some(from),
                to: Some(to),
                ..ActivityFilter::default()
            };
            let today = activities::all_matching(
                conn,
                actor.scope(),
                me,
                &ActivityFilter {
                    overdue: Some(false),
                    now: Some(now),
                    ..planned(start, end)
                },
                200,
            )
            .await?;
            let overdue = activities::all_matching(
                conn,
                actor.scope(),
                me,
                &ActivityFilter {
                    person: Some(me_id),
                    overdue: Some(true),
                    now: Some(now),
                    ..ActivityFilter::default()
                },
                200,
            )
            .await?;
            let upcoming: Vec<_> = activities::all_matching(
                conn,
                actor.scope(),
                me,
                &planned(now, now + Duration::days(7)),
                200,
            )
            .await?
            .into_iter()
            .filter(|a| ActivityKind::parse(&a.kind).is_some_and(ActivityKind::is_timed))
            .collect();
            (
                views(conn, actor, today, now).await?,
                views(conn, actor, overdue, now).await?,
                views(conn, actor, upcoming, now).await?,
            )
        } else {
            (Vec::new(), Vec::new(), Vec::new())
        };
        let (approvals_waiting, approvals) = self.approvals_waiting(actor, 5).await?;
        let (unread, latest) = if actor.can(Permission::NotificationRead) {
            let unread =
                notifications::unread_count(conn, actor.scope(), actor.user_id().uuid()).await?;
            let page = notifications::list(
                conn,
                actor.scope(),
                actor.user_id().uuid(),
                false,
                &forecourt_db::PageRequest::first(5),
            )
            .await?
            .map_err(|_| CoreError::Internal(anyhow::anyhow!("first page has no cursor")))?;
            (
                unread,
                page.items
                    .into_iter()
                    .map(|n| NotificationView::render(n, actor.locale()))
                    .collect(),
            )
        } else {
            (0, Vec::new())
        };
        Ok(MyWork {
            today,
            overdue,
            upcoming,
            approvals_waiting,
            approvals,
            unread_notifications: unread,
            notifications: latest,
        })
    }
}
