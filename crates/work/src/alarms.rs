//! Reminders before an activity and alarms after a task goes overdue: to the owner at once,
//! and after the dealer's escalation delay to their manager (the team leader, else whoever
//! decides approvals for the owner). Each alarm is raised once per deadline (recorded in
//! `activity_alarms`), so the scan can run every minute on every node.

use super::hooks::REMINDER_JOB;
use crate::Work;
use crate::WorkExt as _;
use chrono::{DateTime, Duration, Utc};
use forecourt_db::entities::{activity, activity_alarm, user, work_setting};
use forecourt_db::repo::{activities, tenant};
use forecourt_domain::FieldError;
use forecourt_domain::ids::{CustomerId, DealerId};
use forecourt_domain::permission::Permission;
use forecourt_domain::text::Text;
use forecourt_domain::work::{ActivityStatus, MessageChannel};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::jobs::{JobContext, JobRegistry};
use forecourt_kernel::messaging::{OutboundRequest, queue_message};
use forecourt_kernel::notifications::{Notice, notify};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use utoipa::ToSchema;
use uuid::Uuid;

pub const OVERDUE_SCAN_JOB: &str = "activity.overdue_scan";
pub const DEFAULT_ESCALATION_MINUTES: i32 = 60;

pub fn register(registry: &mut JobRegistry) {
    registry.register(REMINDER_JOB, remind);
    registry.register(OVERDUE_SCAN_JOB, |ctx: JobContext| async move {
        ctx.app.work().scan_overdue_activities().await?;
        Ok(())
    });
}

fn local_time(actor: &Actor, at: DateTime<Utc>) -> String {
    at.with_timezone(&actor.time_zone().tz())
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// The parameters of a notification about an activity: its subject is worded in each
/// reader's language when the system wrote it.
fn params(actor: &Actor, a: &activity::Model, at: DateTime<Utc>) -> Map<String, Value> {
    let mut map = Map::new();
    let subject = match a.subject_text.as_ref().and_then(Text::from_value) {
        Some(text) => text.into_param(),
        None => a.subject.clone().into(),
    };
    map.insert("subject".into(), subject);
    map.insert("at".into(), local_time(actor, at).into());
    map.insert("activity_id".into(), a.id.to_string().into());
    map
}

async fn remind(ctx: JobContext) -> anyhow::Result<()> {
    let Some(dealer) = ctx.job.dealer_id else {
        return Ok(());
    };
    let actor = ctx.app.system_actor(DealerId::from_uuid(dealer)).await?;
    let Some(id) = ctx
        .job
        .payload
        .get("activity_id")
        .and_then(|v| v.as_str())
        .and_then(|s| s.parse::<Uuid>().ok())
    else {
        return Ok(());
    };
    let expected = ctx.job.payload.get("start").and_then(Value::as_i64);
    let app = &ctx.app;
    let tx = app.db().begin().await?;
    let Some(a) = tenant::find::<activity::Entity, _>(&*tx, actor.scope(), id).await? else {
        return Ok(());
    };
    let start = a.starts_at.or(a.due_at);
    if a.status != ActivityStatus::Planned.as_str() || start.map(|t| t.timestamp()) != expected {
        return Ok(());
    }
    let now = app.now();
    let at = start.unwrap_or(now);
    notify(
        &*tx,
        &actor,
        vec![Notice {
            user_id: a.owner_id,
            kind: "activity.reminder",
            params: params(&actor, &a, at),
            link: Some(format!("/activities/{}", a.id)),
            reference: Some(("activity", a.id)),
        }],
        now,
    )
    .await?;
    if let (Some(customer), Some(channel)) = (
        a.customer_id,
        a.customer_reminder_channel
            .as_deref()
            .and_then(MessageChannel::parse),
    ) {
        let mut vars = params(&actor, &a, at);
        // A message's template fills plain words: the subject in the dealer's language.
        vars.insert(
            "subject".into(),
            forecourt_kernel::texts::stored(a.subject_text.as_ref(), &a.subject, actor.locale())
                .into(),
        );
        vars.insert("dealer".into(), Value::Null);
        queue_message(
            &*tx,
            &actor,
            OutboundRequest {
                channel,
                customer_id: Some(CustomerId::from_uuid(customer)),
                recipient: None,
                template_key: "activity.reminder".into(),
                locale: None,
                vars,
                idempotency_key: format!("activity-reminder:{}:{}", a.id, at.timestamp()),
                reference: Some(("activity".into(), a.id)),
            },
            now,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

async fn settings_of(
    conn: &impl forecourt_db::ConnectionTrait,
    actor: &Actor,
) -> CoreResult<(i32, bool)> {
    Ok(activities::work_settings(conn, actor.scope())
        .await?
        .map(|s| (s.escalation_minutes, s.overdue_alarms))
        .unwrap_or((DEFAULT_ESCALATION_MINUTES, true)))
}

/// The owner's managers: their team's leader, else those who decide approvals for them.
impl Work<'_> {
    /// Raises the alarms that are due in every dealer; returns how many were raised.
    pub async fn scan_overdue_activities(&self) -> CoreResult<usize> {
        let mut raised = 0;
        for dealer in self.all_dealers().await? {
            let actor = self.system_actor(dealer.id).await?;
            raised += self.scan_dealer(&actor).await?;
        }
        Ok(raised)
    }

    async fn scan_dealer(&self, actor: &Actor) -> CoreResult<usize> {
        let now = self.now();
        let conn = self.db().conn();
        let (escalation, enabled) = settings_of(conn, actor).await?;
        if !enabled {
            return Ok(0);
        }
        let late = activities::overdue(conn, actor.scope(), now - Duration::days(7), now).await?;
        let ids: Vec<Uuid> = late.iter().map(|a| a.id).collect();
        let alarms = activities::alarms(conn, actor.scope(), &ids).await?;
        let raised_for = |a: &activity::Model, level: &str| {
            alarms.iter().any(|x| {
                x.activity_id == a.id && x.level == level && Some(x.deadline_at) == a.deadline_at
            })
        };
        let mut raised = 0;
        for a in &late {
            let Some(deadline) = a.deadline_at else {
                continue;
            };
            let mut levels = Vec::new();
            if !raised_for(a, "owner") {
                levels.push("owner");
            }
            if deadline + Duration::minutes(i64::from(escalation)) <= now
                && !raised_for(a, "manager")
            {
                levels.push("manager");
            }
            for level in levels {
                if self.raise(actor, a, deadline, level, now).await? {
                    raised += 1;
                }
            }
        }
        Ok(raised)
    }

    /// Records and sends one alarm; false when another node raised it first.
    async fn raise(
        &self,
        actor: &Actor,
        a: &activity::Model,
        deadline: DateTime<Utc>,
        level: &str,
        now: DateTime<Utc>,
    ) -> CoreResult<bool> {
        let tx = self.db().begin().await?;
        let row = activity_alarm::Model {
            id: Uuid::now_v7(),
            dealer_id: a.dealer_id,
            activity_id: a.id,
            level: level.to_owned(),
            deadline_at: deadline,
            raised_at: now,
        };
        match tenant::insert::<activity_alarm::Entity, _>(&*tx, actor.scope(), row.dealer_id, row)
            .await
        {
            Ok(_) => {}
            Err(forecourt_db::DbError::UniqueViolation(_)) => return Ok(false),
            Err(other) => return Err(other.into()),
        }
        let owner = tenant::find::<user::Entity, _>(&*tx, actor.scope(), a.owner_id).await?;
        let mut p = params(actor, a, deadline);
        p.insert(
            "owner".into(),
            owner
                .as_ref()
                .map(|u| u.display_name.clone())
                .unwrap_or_default()
                .into(),
        );
        let (recipients, kind) = if level == "owner" {
            (vec![a.owner_id], "activity.overdue")
        } else {
            let found = match &owner {
                Some(owner) => forecourt_kernel::approvals::managers(&*tx, actor, owner).await?,
                None => Vec::new(),
            };
            (found, "activity.escalated")
        };
        notify(
            &*tx,
            actor,
            recipients
                .into_iter()
                .map(|user_id| Notice {
                    user_id,
                    kind,
                    params: p.clone(),
                    link: Some(format!("/activities/{}", a.id)),
                    reference: Some(("activity", a.id)),
                })
                .collect(),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }
}

/// The dealer's work settings.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct WorkSettingsView {
    /// Minutes after a task's due time before its owner's manager is alarmed too.
    pub escalation_minutes: i32,
    /// Whether overdue tasks raise alarms at all.
    pub overdue_alarms: bool,
    /// The settings' version (0 while never saved); send it back with a change.
    pub version: i64,
}

/// The longest wait before an overdue task is escalated to the manager: a week, in minutes.
pub const MAX_ESCALATION_MINUTES: i32 = 10_080;

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct WorkSettingsPatch {
    /// The version last read (0 while never saved); a stale one is refused with 409
    /// `version_conflict`.
    pub version: i64,
    /// Minutes after a task's due time before the owner's manager is alarmed too: 0 to 10080 (a
    /// week). Absent keeps it.
    #[schema(schema_with = forecourt_domain::schema::integer::<0, { MAX_ESCALATION_MINUTES as i64 }>)]
    pub escalation_minutes: Option<i32>,
    /// Whether overdue tasks raise alarms at all. Absent keeps it.
    pub overdue_alarms: Option<bool>,
}

fn settings_view(s: Option<&work_setting::Model>) -> WorkSettingsView {
    WorkSettingsView {
        escalation_minutes: s.map_or(DEFAULT_ESCALATION_MINUTES, |s| s.escalation_minutes),
        overdue_alarms: s.is_none_or(|s| s.overdue_alarms),
        version: s.map_or(0, |s| s.version),
    }
}

impl Work<'_> {
    /// The dealer's work settings: the escalation delay and whether overdue tasks raise alarms.
    /// Needs `dealer.read`.
    pub async fn work_settings(&self, actor: &Actor) -> CoreResult<WorkSettingsView> {
        actor.require(Permission::DealerRead)?;
        Ok(settings_view(
            activities::work_settings(self.db().conn(), actor.scope())
                .await?
                .as_ref(),
        ))
    }

    /// Changes the escalation delay and whether alarms are raised (version 0: never saved).
    pub async fn update_work_settings(
        &self,
        actor: &Actor,
        patch: WorkSettingsPatch,
    ) -> CoreResult<WorkSettingsView> {
        actor.require(Permission::DealerUpdate)?;
        if patch
            .escalation_minutes
            .is_some_and(|m| !(0..=MAX_ESCALATION_MINUTES).contains(&m))
        {
            return Err(CoreError::invalid(
                FieldError::new(
                    "escalation_minutes",
                    "out_of_range",
                    format!("must be 0 to {MAX_ESCALATION_MINUTES}"),
                )
                .with_param("max", MAX_ESCALATION_MINUTES),
            ));
        }
        let tx = self.db().begin().await?;
        let now = self.now();
        let before = activities::work_settings(&*tx, actor.scope()).await?;
        if before.as_ref().map_or(0, |s| s.version) != patch.version {
            return Err(CoreError::VersionConflict {
                entity: "work settings",
            });
        }
        let old = settings_view(before.as_ref());
        let saved = match before {
            None => {
                let row = work_setting::Model {
                    id: Uuid::now_v7(),
                    dealer_id: actor.dealer_id().uuid(),
                    escalation_minutes: patch
                        .escalation_minutes
                        .unwrap_or(DEFAULT_ESCALATION_MINUTES),
                    overdue_alarms: patch.overdue_alarms.unwrap_or(true),
                    created_at: now,
                    updated_at: now,
                    version: 1,
                };
                tenant::insert::<work_setting::Entity, _>(&*tx, actor.scope(), row.dealer_id, row)
                    .await?
            }
            Some(before) => {
                let mut after = before.clone();
                after.escalation_minutes = patch
                    .escalation_minutes
                    .unwrap_or(before.escalation_minutes);
                after.overdue_alarms = patch.overdue_alarms.unwrap_or(before.overdue_alarms);
                tenant::update::<work_setting::Entity, _>(
                    &*tx,
                    actor.scope(),
                    before.id,
                    after,
                    before.version,
                    now,
                )
                .await
                .map_err(|e| CoreError::from_db("work settings", e))?
            }
        };
        let new = settings_view(Some(&saved));
        audit::record(
            &*tx,
            actor,
            AuditEntry::action("work_settings", "updated", Some(saved.id))
                .change(
                    "escalation_minutes",
                    old.escalation_minutes,
                    new.escalation_minutes,
                )
                .change("overdue_alarms", old.overdue_alarms, new.overdue_alarms),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(new)
    }
}
