//! The dealer's sales settings: the follow-up cadence per grade, when cold and stagnant leads
//! move on, whether losing a lead needs the manager, and how new leads find an owner.

use crate::Sales;
use forecourt_customers::OwnerView;
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{catalog_series, lead_assignment_rule, sales_setting, team, user};
use forecourt_db::repo::{batched_insert, sales, tenant};
use forecourt_domain::ids::{CatalogSeriesId, TeamId, UserId};
use forecourt_domain::patch::double_option;
use forecourt_domain::permission::Permission;
use forecourt_domain::sales::{AssignmentMode, Grade, StagnationAction};
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashMap;
use utoipa::ToSchema;
use uuid::Uuid;

/// Days between follow-ups, per grade.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct CadenceDays {
    #[serde(rename = "N")]
    #[schema(schema_with = forecourt_domain::schema::integer::<{ CADENCE_DAYS_MIN as i64 }, { CADENCE_DAYS_MAX as i64 }>)]
    pub n: i32,
    #[serde(rename = "H")]
    #[schema(schema_with = forecourt_domain::schema::integer::<{ CADENCE_DAYS_MIN as i64 }, { CADENCE_DAYS_MAX as i64 }>)]
    pub h: i32,
    #[serde(rename = "A")]
    #[schema(schema_with = forecourt_domain::schema::integer::<{ CADENCE_DAYS_MIN as i64 }, { CADENCE_DAYS_MAX as i64 }>)]
    pub a: i32,
    #[serde(rename = "B")]
    #[schema(schema_with = forecourt_domain::schema::integer::<{ CADENCE_DAYS_MIN as i64 }, { CADENCE_DAYS_MAX as i64 }>)]
    pub b: i32,
    #[serde(rename = "C")]
    #[schema(schema_with = forecourt_domain::schema::integer::<{ CADENCE_DAYS_MIN as i64 }, { CADENCE_DAYS_MAX as i64 }>)]
    pub c: i32,
}

/// The shortest follow-up interval of a grade, in days.
pub const CADENCE_DAYS_MIN: i32 = 1;
/// The longest follow-up interval of a grade, in days.
pub const CADENCE_DAYS_MAX: i32 = 365;
/// The latest hour of the day a follow-up may fall due.
pub const DUE_HOUR_MAX: i32 = 23;
/// The shortest time before C leads go to marketing, in days.
pub const HANDOVER_DAYS_MIN: i32 = 1;
/// The longest time before C leads go to marketing, or an open lead counts as stagnant.
pub const SETTING_DAYS_MAX: i32 = 730;
/// The shortest time without an upgrade before an open lead counts as stagnant, in days.
pub const STAGNATION_DAYS_MIN: i32 = 7;

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct SalesSettingsView {
    pub cadence_days: CadenceDays,
    /// The local hour follow-ups fall due on their day (18: by 6 pm).
    pub follow_up_due_hour: i32,
    /// Days a lead may stay C before it goes to the marketing pool (absent: never).
    pub c_handover_days: Option<i32>,
    /// Days without a grade upgrade after which a lead is stagnant.
    pub stagnation_days: i32,
    pub stagnation_action: StagnationAction,
    /// The senior consultant stagnant leads go to (with action `senior`).
    pub stagnation_user: Option<OwnerView>,
    /// Whether marking a lead lost waits for the manager's approval.
    pub lost_needs_approval: bool,
    pub assignment_mode: AssignmentMode,
    /// The team whose consultants share new leads.
    pub assignment_team_id: Option<TeamId>,
    /// 0 while the dealer uses the defaults.
    pub version: i64,
}

#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
pub struct SalesSettingsPatch {
    pub version: i64,
    pub cadence_days: Option<CadenceDays>,
    #[schema(schema_with = forecourt_domain::schema::integer::<0, { DUE_HOUR_MAX as i64 }>)]
    pub follow_up_due_hour: Option<i32>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(schema_with = forecourt_domain::schema::optional_integer::<{ HANDOVER_DAYS_MIN as i64 }, { SETTING_DAYS_MAX as i64 }>)]
    pub c_handover_days: Option<Option<i32>>,
    #[schema(schema_with = forecourt_domain::schema::integer::<{ STAGNATION_DAYS_MIN as i64 }, { SETTING_DAYS_MAX as i64 }>)]
    pub stagnation_days: Option<i32>,
    pub stagnation_action: Option<StagnationAction>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<UserId>)]
    pub stagnation_user_id: Option<Option<UserId>>,
    pub lost_needs_approval: Option<bool>,
    pub assignment_mode: Option<AssignmentMode>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<TeamId>)]
    pub assignment_team_id: Option<Option<TeamId>>,
}

/// A model-line rule: leads for a series go to a team (in turn) or to one consultant.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct AssignmentRule {
    pub series_id: CatalogSeriesId,
    pub team_id: Option<TeamId>,
    pub user_id: Option<UserId>,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct AssignmentRules {
    pub rules: Vec<AssignmentRule>,
}

/// The defaults every dealer starts with (version 0: not stored).
fn defaults(actor: &Actor) -> sales_setting::Model {
    let now = chrono::DateTime::<chrono::Utc>::UNIX_EPOCH;
    let days = |g: Grade| g.default_cadence_days().unwrap_or(30);
    sales_setting::Model {
        id: Uuid::nil(),
        dealer_id: actor.dealer_id().uuid(),
        cadence_n_days: days(Grade::N),
        cadence_h_days: days(Grade::H),
        cadence_a_days: days(Grade::A),
        cadence_b_days: days(Grade::B),
        cadence_c_days: days(Grade::C),
        follow_up_due_hour: 18,
        c_handover_days: Some(90),
        stagnation_days: 90,
        stagnation_action: StagnationAction::Manager.as_str().to_owned(),
        stagnation_user_id: None,
        lost_needs_approval: true,
        assignment_mode: AssignmentMode::Manual.as_str().to_owned(),
        assignment_team_id: None,
        created_at: now,
        updated_at: now,
        version: 0,
    }
}

/// The dealer's settings in force: its own, else the defaults.
pub async fn effective<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
) -> CoreResult<sales_setting::Model> {
    Ok(sales::settings(conn, actor.scope())
        .await?
        .unwrap_or_else(|| defaults(actor)))
}

/// Writes settings changed from `before` (inserting the row the first time).
pub async fn save<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    before: &sales_setting::Model,
    mut after: sales_setting::Model,
    now: chrono::DateTime<chrono::Utc>,
) -> CoreResult<sales_setting::Model> {
    if before.version == 0 {
        after.id = Uuid::now_v7();
        after.created_at = now;
        after.updated_at = now;
        after.version = 1;
        Ok(
            tenant::insert::<sales_setting::Entity, _>(conn, actor.scope(), after.dealer_id, after)
                .await
                .map_err(|e| match e {
                    // Two first saves at once: the second is stale.
                    forecourt_db::DbError::UniqueViolation(_) => CoreError::VersionConflict {
                        entity: "sales_settings",
                    },
                    other => CoreError::from_db("sales_settings", other),
                })?,
        )
    } else {
        Ok(tenant::update::<sales_setting::Entity, _>(
            conn,
            actor.scope(),
            before.id,
            after,
            before.version,
            now,
        )
        .await
        .map_err(|e| CoreError::from_db("sales_settings", e))?)
    }
}

/// Days between follow-ups at a grade (None: no follow-ups pushed).
pub fn cadence(settings: &sales_setting::Model, grade: Grade) -> Option<i32> {
    match grade {
        Grade::N => Some(settings.cadence_n_days),
        Grade::H => Some(settings.cadence_h_days),
        Grade::A => Some(settings.cadence_a_days),
        Grade::B => Some(settings.cadence_b_days),
        Grade::C => Some(settings.cadence_c_days),
        Grade::O | Grade::F => None,
    }
}

async fn active_user<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    id: UserId,
) -> CoreResult<Option<user::Model>> {
    Ok(
        tenant::find::<user::Entity, _>(conn, actor.scope(), id.uuid())
            .await?
            .filter(|u| u.status == "active"),
    )
}

async fn view<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    s: &sales_setting::Model,
) -> CoreResult<SalesSettingsView> {
    let stagnation_user = match s.stagnation_user_id {
        Some(id) => tenant::find::<user::Entity, _>(conn, actor.scope(), id)
            .await?
            .map(|u| OwnerView {
                id: UserId::from_uuid(u.id),
                display_name: u.display_name,
            }),
        None => None,
    };
    Ok(SalesSettingsView {
        cadence_days: CadenceDays {
            n: s.cadence_n_days,
            h: s.cadence_h_days,
            a: s.cadence_a_days,
            b: s.cadence_b_days,
            c: s.cadence_c_days,
        },
        follow_up_due_hour: s.follow_up_due_hour,
        c_handover_days: s.c_handover_days,
        stagnation_days: s.stagnation_days,
        stagnation_action: s
            .stagnation_action
            .parse()
            .unwrap_or(StagnationAction::Flag),
        stagnation_user,
        lost_needs_approval: s.lost_needs_approval,
        assignment_mode: s.assignment_mode.parse().unwrap_or(AssignmentMode::Manual),
        assignment_team_id: s.assignment_team_id.map(TeamId::from_uuid),
        version: s.version,
    })
}

fn check_range(errors: &mut FieldErrors, field: &str, value: i32, min: i32, max: i32) {
    if !(min..=max).contains(&value) {
        errors.push(
            FieldError::new(
                field,
                "out_of_range",
                format!("must be from {min} to {max}"),
            )
            .with_param("min", min)
            .with_param("max", max),
        );
    }
}

impl Sales<'_> {
    pub async fn sales_settings(&self, actor: &Actor) -> CoreResult<SalesSettingsView> {
        actor.require(Permission::DealerRead)?;
        let conn = self.db().conn();
        let settings = effective(conn, actor).await?;
        view(conn, actor, &settings).await
    }

    pub async fn update_sales_settings(
        &self,
        actor: &Actor,
        patch: SalesSettingsPatch,
    ) -> CoreResult<SalesSettingsView> {
        actor.require(Permission::SalesConfigure)?;
        let tx = self.db().begin().await?;
        let before = effective(&*tx, actor).await?;
        if before.version != patch.version {
            return Err(CoreError::VersionConflict {
                entity: "sales_settings",
            });
        }
        let mut after = before.clone();
        let mut errors = FieldErrors::new();
        if let Some(days) = patch.cadence_days {
            for (grade, value) in [
                ("N", days.n),
                ("H", days.h),
                ("A", days.a),
                ("B", days.b),
                ("C", days.c),
            ] {
                check_range(
                    &mut errors,
                    &format!("cadence_days.{grade}"),
                    value,
                    CADENCE_DAYS_MIN,
                    CADENCE_DAYS_MAX,
                );
            }
            after.cadence_n_days = days.n;
            after.cadence_h_days = days.h;
            after.cadence_a_days = days.a;
            after.cadence_b_days = days.b;
            after.cadence_c_days = days.c;
        }
        if let Some(hour) = patch.follow_up_due_hour {
            check_range(&mut errors, "follow_up_due_hour", hour, 0, DUE_HOUR_MAX);
            after.follow_up_due_hour = hour;
        }
        if let Some(days) = patch.c_handover_days {
            if let Some(days) = days {
                check_range(
                    &mut errors,
                    "c_handover_days",
                    days,
                    HANDOVER_DAYS_MIN,
                    SETTING_DAYS_MAX,
                );
            }
            after.c_handover_days = days;
        }
        if let Some(days) = patch.stagnation_days {
            check_range(
                &mut errors,
                "stagnation_days",
                days,
                STAGNATION_DAYS_MIN,
                SETTING_DAYS_MAX,
            );
            after.stagnation_days = days;
        }
        if let Some(action) = patch.stagnation_action {
            after.stagnation_action = action.as_str().to_owned();
        }
        if let Some(user) = patch.stagnation_user_id {
            if let Some(user) = user
                && active_user(&*tx, actor, user).await?.is_none()
            {
                errors.push(FieldError::new(
                    "stagnation_user_id",
                    "unknown_user",
                    "is not an active user of this dealer",
                ));
            }
            after.stagnation_user_id = user.map(UserId::uuid);
        }
        if after.stagnation_action == StagnationAction::Senior.as_str()
            && after.stagnation_user_id.is_none()
        {
            errors.push(FieldError::new(
                "stagnation_user_id",
                "required",
                "names the senior consultant stagnant leads go to",
            ));
        }
        if let Some(approval) = patch.lost_needs_approval {
            after.lost_needs_approval = approval;
        }
        if let Some(mode) = patch.assignment_mode {
            after.assignment_mode = mode.as_str().to_owned();
        }
        if let Some(team) = patch.assignment_team_id {
            if let Some(team) = team
                && tenant::find::<team::Entity, _>(&*tx, actor.scope(), team.uuid())
                    .await?
                    .is_none()
            {
                errors.push(FieldError::new(
                    "assignment_team_id",
                    "unknown_team",
                    "is not a team of this dealer",
                ));
            }
            after.assignment_team_id = team.map(TeamId::uuid);
        }
        let shares = matches!(
            after.assignment_mode.parse(),
            Ok(AssignmentMode::RoundRobin | AssignmentMode::Load)
        );
        if shares && after.assignment_team_id.is_none() {
            errors.push(FieldError::new(
                "assignment_team_id",
                "required",
                "names the team whose consultants share new leads",
            ));
        }
        errors.finish()?;
        let entry = AuditEntry::updated(&before, &after);
        if entry.is_empty() {
            return view(&*tx, actor, &before).await;
        }
        let now = self.now();
        let saved = save(&*tx, actor, &before, after, now).await?;
        let mut entry = entry;
        entry.entity_id = Some(saved.id);
        audit::record(&*tx, actor, entry, now).await?;
        let out = view(&*tx, actor, &saved).await?;
        tx.commit().await?;
        Ok(out)
    }

    pub async fn assignment_rules(&self, actor: &Actor) -> CoreResult<Vec<AssignmentRule>> {
        actor.require(Permission::DealerRead)?;
        Ok(sales::assignment_rules(self.db().conn(), actor.scope())
            .await?
            .into_iter()
            .map(|r| AssignmentRule {
                series_id: CatalogSeriesId::from_uuid(r.series_id),
                team_id: r.team_id.map(TeamId::from_uuid),
                user_id: r.user_id.map(UserId::from_uuid),
            })
            .collect())
    }

    /// Replaces the model-line rules.
    pub async fn replace_assignment_rules(
        &self,
        actor: &Actor,
        input: AssignmentRules,
    ) -> CoreResult<Vec<AssignmentRule>> {
        actor.require(Permission::SalesConfigure)?;
        let tx = self.db().begin().await?;
        let mut errors = FieldErrors::new();
        let mut seen = HashMap::new();
        for (i, rule) in input.rules.iter().enumerate() {
            let field = |f: &str| format!("rules.{i}.{f}");
            if seen.insert(rule.series_id, i).is_some() {
                errors.push(FieldError::new(
                    field("series_id"),
                    "duplicate",
                    "has a rule already",
                ));
            }
            if tenant::find::<catalog_series::Entity, _>(&*tx, actor.scope(), rule.series_id.uuid())
                .await?
                .is_none()
            {
                errors.push(FieldError::new(
                    field("series_id"),
                    "unknown_series",
                    "is not in the catalog",
                ));
            }
            match (rule.team_id, rule.user_id) {
                (Some(_), Some(_)) | (None, None) => errors.push(FieldError::new(
                    field("team_id"),
                    "one_of",
                    "give either a team or a consultant",
                )),
                (Some(team), None) => {
                    if tenant::find::<team::Entity, _>(&*tx, actor.scope(), team.uuid())
                        .await?
                        .is_none()
                    {
                        errors.push(FieldError::new(
                            field("team_id"),
                            "unknown_team",
                            "is not a team of this dealer",
                        ));
                    }
                }
                (None, Some(user)) => {
                    if active_user(&*tx, actor, user).await?.is_none() {
                        errors.push(FieldError::new(
                            field("user_id"),
                            "unknown_user",
                            "is not an active user of this dealer",
                        ));
                    }
                }
            }
        }
        errors.finish()?;
        let now = self.now();
        let before = sales::assignment_rules(&*tx, actor.scope()).await?;
        sales::clear_assignment_rules(&*tx, actor.scope()).await?;
        let rows: Vec<lead_assignment_rule::Model> = input
            .rules
            .iter()
            .map(|r| lead_assignment_rule::Model {
                id: Uuid::now_v7(),
                dealer_id: actor.dealer_id().uuid(),
                series_id: r.series_id.uuid(),
                team_id: r.team_id.map(TeamId::uuid),
                user_id: r.user_id.map(UserId::uuid),
                created_at: now,
                updated_at: now,
                version: 1,
            })
            .collect();
        batched_insert::<lead_assignment_rule::Entity, _>(&*tx, actor.scope(), rows).await?;
        let describe = |rules: Vec<(Uuid, Option<Uuid>, Option<Uuid>)>| {
            Value::from(
                rules
                    .into_iter()
                    .map(
                        |(s, t, u)| serde_json::json!({"series_id": s, "team_id": t, "user_id": u}),
                    )
                    .collect::<Vec<_>>(),
            )
        };
        let entry = AuditEntry::action("sales_settings", "assignment_rules_replaced", None).change(
            "rules",
            describe(
                before
                    .iter()
                    .map(|r| (r.series_id, r.team_id, r.user_id))
                    .collect(),
            ),
            describe(
                input
                    .rules
                    .iter()
                    .map(|r| {
                        (
                            r.series_id.uuid(),
                            r.team_id.map(TeamId::uuid),
                            r.user_id.map(UserId::uuid),
                        )
                    })
                    .collect(),
            ),
        );
        audit::record(&*tx, actor, entry, now).await?;
        tx.commit().await?;
        Ok(input.rules)
    }
}
