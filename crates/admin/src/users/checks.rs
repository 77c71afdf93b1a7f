//! Checks on staff accounts: which roles and teams may be given, and that a dealer keeps an
//! active admin.

use crate::Admin;
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::user;
use forecourt_db::repo::users::{UserFilter, UserSort};
use forecourt_db::repo::{tenant, users};
use forecourt_domain::FieldError;
use forecourt_domain::ids::TeamId;
use forecourt_domain::role::BuiltinRole;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::auth::grants::role_grants;
use forecourt_kernel::error::CoreResult;
use forecourt_kernel::paging::page_or_bad_cursor;

impl Admin<'_> {
    /// A role may be given only if it exists in the dealer and grants nothing the giver does
    /// not hold (no one can hand out more power than they have).
    pub async fn check_assignable_role<C: ConnectionTrait>(
        &self,
        conn: &C,
        actor: &Actor,
        role_key: &str,
        field: &str,
    ) -> CoreResult<Result<(), FieldError>> {
        let Some(grants) = role_grants(conn, actor.scope(), role_key).await? else {
            return Ok(Err(FieldError::new(
                field,
                "unknown_role",
                "is not a role of this dealer",
            )));
        };
        if !actor.grants().covers(&grants) {
            return Ok(Err(FieldError::new(
                field,
                "role_exceeds_own_permissions",
                "grants permissions you do not hold yourself",
            )));
        }
        Ok(Ok(()))
    }

    /// The team may be given only if it is one of the actor's dealer's teams; else a field error
    /// `unknown_team` on `team_id`.
    pub async fn check_team<C: ConnectionTrait>(
        &self,
        conn: &C,
        actor: &Actor,
        team_id: TeamId,
    ) -> CoreResult<Result<(), FieldError>> {
        let team = tenant::find::<forecourt_db::entities::team::Entity, _>(
            conn,
            actor.scope(),
            team_id.uuid(),
        )
        .await?;
        Ok(match team {
            Some(_) => Ok(()),
            None => Err(FieldError::new(
                "team_id",
                "unknown_team",
                "is not a team of this dealer",
            )),
        })
    }

    pub(super) async fn active_admin_count<C: ConnectionTrait>(
        &self,
        conn: &C,
        actor: &Actor,
    ) -> CoreResult<u64> {
        let filter = UserFilter {
            status: Some("active".into()),
            role_key: Some(BuiltinRole::Admin.key().into()),
            ..UserFilter::default()
        };
        let page = forecourt_db::PageRequest::first(2);
        let admins = users::list(
            conn,
            actor.scope(),
            forecourt_db::repo::Reach::Dealer,
            &filter,
            UserSort::Username,
            &page,
        )
        .await?;
        Ok(page_or_bad_cursor(admins)?.items.len() as u64)
    }
}

pub(super) fn is_admin(user: &user::Model) -> bool {
    user.role_key == BuiltinRole::Admin.key()
}

pub(super) fn username_taken() -> FieldError {
    FieldError::new("username", "taken", "is already in use")
}
