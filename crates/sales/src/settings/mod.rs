//! The dealer's sales settings: the follow-up cadence per grade, when cold and stagnant leads
//! move on, whether losing a lead needs the manager, and how new leads find an owner.

mod assignment;
mod update;
mod views;

pub use assignment::{AssignmentRule, AssignmentRules};
pub use update::SalesSettingsPatch;
pub use views::{CadenceDays, SalesSettingsView};

use crate::Sales;
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{sales_setting, user};
use forecourt_db::repo::{sales, tenant};
use forecourt_domain::ids::UserId;
use forecourt_domain::permission::Permission;
use forecourt_domain::sales::{AssignmentMode, Grade, StagnationAction};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use uuid::Uuid;
use views::view;

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

impl Sales<'_> {
    /// The dealer's sales settings in force (the defaults, at version 0, until first changed).
    /// Needs `dealer.read`.
    pub async fn sales_settings(&self, actor: &Actor) -> CoreResult<SalesSettingsView> {
        actor.require(Permission::DealerRead)?;
        let conn = self.db().conn();
        let settings = effective(conn, actor).await?;
        view(conn, actor, &settings).await
    }
}
