//! Changing the sales settings: the patch and its checks.

use super::views::view;
use super::{
    CADENCE_DAYS_MAX, CADENCE_DAYS_MIN, CadenceDays, DUE_HOUR_MAX, HANDOVER_DAYS_MIN,
    SETTING_DAYS_MAX, STAGNATION_DAYS_MIN, SalesSettingsView, active_user, effective, save,
};
use crate::Sales;
use forecourt_db::entities::team;
use forecourt_db::repo::tenant;
use forecourt_domain::ids::{TeamId, UserId};
use forecourt_domain::patch::double_option;
use forecourt_domain::permission::Permission;
use forecourt_domain::sales::{AssignmentMode, StagnationAction};
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use serde::Deserialize;
use utoipa::ToSchema;

#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
pub struct SalesSettingsPatch {
    /// The version last read (0 while the dealer uses the defaults); a stale one is refused with
    /// 409 `version_conflict`.
    pub version: i64,
    /// Days between follow-ups for every grade, each 1 to 365. Absent keeps them.
    pub cadence_days: Option<CadenceDays>,
    /// The local hour (0 to 23) follow-ups fall due on their day. Absent keeps it.
    #[schema(schema_with = forecourt_domain::schema::integer::<0, { DUE_HOUR_MAX as i64 }>)]
    pub follow_up_due_hour: Option<i32>,
    /// Days a lead may stay C before it goes to the marketing pool, 1 to 730. Absent keeps it;
    /// `null` means never.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(schema_with = forecourt_domain::schema::optional_integer::<{ HANDOVER_DAYS_MIN as i64 }, { SETTING_DAYS_MAX as i64 }>)]
    pub c_handover_days: Option<Option<i32>>,
    /// Days without a grade upgrade after which an open lead is stagnant, 7 to 730. Absent keeps
    /// it.
    #[schema(schema_with = forecourt_domain::schema::integer::<{ STAGNATION_DAYS_MIN as i64 }, { SETTING_DAYS_MAX as i64 }>)]
    pub stagnation_days: Option<i32>,
    /// Where a stagnant lead goes: `flag` (only flagged), `senior`, `manager` or `marketing_pool`.
    /// Absent keeps it.
    pub stagnation_action: Option<StagnationAction>,
    /// The senior consultant (an active user of the dealer) stagnant leads go to; required with
    /// action `senior`. Absent keeps it; `null` clears it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<UserId>)]
    pub stagnation_user_id: Option<Option<UserId>>,
    /// Whether marking a lead lost waits for the manager's approval. Absent keeps it.
    pub lost_needs_approval: Option<bool>,
    /// How new leads find an owner: `manual`, `round_robin`, `load` or `model_line`. Absent keeps
    /// it.
    pub assignment_mode: Option<AssignmentMode>,
    /// The team whose consultants share new leads; required with `round_robin` and `load`. Absent
    /// keeps it; `null` clears it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<TeamId>)]
    pub assignment_team_id: Option<Option<TeamId>>,
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
    /// Changes the dealer's sales settings. Needs `sales.configure`; a stale `version` is 409
    /// `version_conflict`, a value out of range or an unknown user or team 422 on the field, as is
    /// action `senior` without `stagnation_user_id` or mode `round_robin`/`load` without
    /// `assignment_team_id`.
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
}
