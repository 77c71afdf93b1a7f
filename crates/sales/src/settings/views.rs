//! The sales settings as shown: the cadence per grade and every setting with its effective value.

use super::{CADENCE_DAYS_MAX, CADENCE_DAYS_MIN};
use forecourt_customers::OwnerView;
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{sales_setting, user};
use forecourt_db::repo::tenant;
use forecourt_domain::ids::{TeamId, UserId};
use forecourt_domain::sales::{AssignmentMode, StagnationAction};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::CoreResult;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Days between follow-ups, per grade.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct CadenceDays {
    /// Days between follow-ups of an N (not yet graded) lead; 1 to 365.
    #[serde(rename = "N")]
    #[schema(schema_with = forecourt_domain::schema::integer::<{ CADENCE_DAYS_MIN as i64 }, { CADENCE_DAYS_MAX as i64 }>)]
    pub n: i32,
    /// Days between follow-ups of an H lead; 1 to 365.
    #[serde(rename = "H")]
    #[schema(schema_with = forecourt_domain::schema::integer::<{ CADENCE_DAYS_MIN as i64 }, { CADENCE_DAYS_MAX as i64 }>)]
    pub h: i32,
    /// Days between follow-ups of an A lead; 1 to 365.
    #[serde(rename = "A")]
    #[schema(schema_with = forecourt_domain::schema::integer::<{ CADENCE_DAYS_MIN as i64 }, { CADENCE_DAYS_MAX as i64 }>)]
    pub a: i32,
    /// Days between follow-ups of a B lead; 1 to 365.
    #[serde(rename = "B")]
    #[schema(schema_with = forecourt_domain::schema::integer::<{ CADENCE_DAYS_MIN as i64 }, { CADENCE_DAYS_MAX as i64 }>)]
    pub b: i32,
    /// Days between follow-ups of a C lead; 1 to 365.
    #[serde(rename = "C")]
    #[schema(schema_with = forecourt_domain::schema::integer::<{ CADENCE_DAYS_MIN as i64 }, { CADENCE_DAYS_MAX as i64 }>)]
    pub c: i32,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct SalesSettingsView {
    /// Days between follow-ups, per grade.
    pub cadence_days: CadenceDays,
    /// The local hour follow-ups fall due on their day (18: by 6 pm).
    pub follow_up_due_hour: i32,
    /// Days a lead may stay C before it goes to the marketing pool (absent: never).
    pub c_handover_days: Option<i32>,
    /// Days without a grade upgrade after which a lead is stagnant.
    pub stagnation_days: i32,
    /// Where a stagnant lead goes: `flag` (only flagged), `senior` (the senior consultant),
    /// `manager` (the owner's team leader, else the sales manager) or `marketing_pool`.
    pub stagnation_action: StagnationAction,
    /// The senior consultant stagnant leads go to (with action `senior`).
    pub stagnation_user: Option<OwnerView>,
    /// Whether marking a lead lost waits for the manager's approval.
    pub lost_needs_approval: bool,
    /// How new leads find an owner: `manual`, `round_robin` (in turn in the assignment team),
    /// `load` (fewest open leads) or `model_line` (a rule per series, else round-robin).
    pub assignment_mode: AssignmentMode,
    /// The team whose consultants share new leads.
    pub assignment_team_id: Option<TeamId>,
    /// 0 while the dealer uses the defaults.
    pub version: i64,
}

pub(super) async fn view<C: ConnectionTrait>(
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
