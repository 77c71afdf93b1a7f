//! Staff accounts: list, create, edit, disable, reset password, unlock.

mod checks;
mod credentials;
mod inputs;
mod views;
mod write;

pub use inputs::{NewUser, PasswordReset, SORTS, UserPatch, UserQuery};
pub use views::{UserStatus, UserView};

use crate::Admin;
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::user;
use forecourt_db::repo::users::UserFilter;
use forecourt_db::repo::{tenant, users};
use forecourt_domain::FieldError;
use forecourt_domain::ids::{TeamId, UserId};
use forecourt_domain::permission::Permission;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::paging::{Paged, page_or_bad_cursor, page_request};
use inputs::parse_sort;

impl Admin<'_> {
    /// A page of the staff accounts within the caller's `user.read` scope, filtered and sorted by
    /// the query; an unknown `sort` is 422 on `sort`.
    pub async fn list_users(&self, actor: &Actor, query: UserQuery) -> CoreResult<Paged<UserView>> {
        let reach = actor.reach(Permission::UserRead)?;
        let page = page_request(query.limit, query.cursor.as_deref())?;
        let filter = UserFilter {
            q: query.q,
            status: query.status.map(|s| s.as_str().to_owned()),
            role_key: query.role,
            team_id: query.team_id.map(TeamId::uuid),
        };
        let sort = parse_sort(query.sort.as_deref())?;
        let rows =
            users::list(self.db().conn(), actor.scope(), reach, &filter, sort, &page).await?;
        let now = self.now();
        Ok(Paged::from_page(page_or_bad_cursor(rows)?, |u| {
            UserView::new(actor, &u, now)
        }))
    }

    /// One staff account. Needs `user.read`; another dealer's user or one outside the caller's
    /// scope is 404.
    pub async fn get_user(&self, actor: &Actor, id: UserId) -> CoreResult<UserView> {
        let model = self.visible_user(self.db().conn(), actor, id).await?;
        Ok(UserView::new(actor, &model, self.now()))
    }

    /// The user, if it is in the actor's dealer and within the reach of `user:read`.
    async fn visible_user<C: ConnectionTrait>(
        &self,
        conn: &C,
        actor: &Actor,
        id: UserId,
    ) -> CoreResult<user::Model> {
        // Resolve in the dealer first: another dealer's id is 404 whatever the permissions.
        let model = tenant::find::<user::Entity, _>(conn, actor.scope(), id.uuid())
            .await?
            .ok_or(CoreError::not_found("user"))?;
        actor.require(Permission::UserRead)?;
        let visible = actor.reaches(
            Permission::UserRead,
            Some(UserId::from_uuid(model.id)),
            model.team_id.map(TeamId::from_uuid),
        );
        if visible {
            Ok(model)
        } else {
            Err(CoreError::not_found("user"))
        }
    }
}

/// Parses an optional text field: blank is `None`.
pub fn optional<T>(
    input: Option<&str>,
    parse: impl FnOnce(&str) -> Result<T, FieldError>,
) -> Result<Option<T>, FieldError> {
    match input.map(str::trim) {
        None | Some("") => Ok(None),
        Some(value) => parse(value).map(Some),
    }
}
