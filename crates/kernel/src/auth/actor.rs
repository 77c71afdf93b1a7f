//! The authenticated caller of a use case.

use crate::error::{CoreError, CoreResult};
use forecourt_db::DealerScope;
use forecourt_db::repo::Reach;
use forecourt_domain::ids::{ApiTokenId, DealerId, GroupId, SessionId, TeamId, UserId};
use forecourt_domain::locale::Locale;
use forecourt_domain::permission::{GrantSet, Permission, Scope};
use forecourt_domain::time_zone::DealerTimeZone;

/// How the caller authenticated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActorKind {
    /// A person in the browser, with a session cookie.
    Session(SessionId),
    /// An integration, with an API token.
    ApiToken(ApiTokenId),
    /// The command line or a background job acting for the dealer.
    System,
}

/// Who is calling, in which dealer, with which effective permissions. Made only by
/// [`crate::auth`]; every use case takes one.
#[derive(Clone, Debug)]
pub struct Actor {
    pub user_id: UserId,
    pub name: String,
    pub home_dealer_id: DealerId,
    pub scope: DealerScope,
    pub group_id: Option<GroupId>,
    pub team_id: Option<TeamId>,
    pub role_key: String,
    pub grants: GrantSet,
    /// Whether the user's role lets them act in other dealers of their group.
    pub may_switch: bool,
    pub kind: ActorKind,
    pub request_id: Option<String>,
    /// The time zone of the dealer acted in: "today" and report periods are computed in it.
    pub time_zone: DealerTimeZone,
    /// The language texts are worded in for this caller: the request's `Accept-Language`,
    /// else the user's own choice, else the dealer's.
    pub locale: Locale,
}

impl Actor {
    pub fn user_id(&self) -> UserId {
        self.user_id
    }

    /// The display name (or `system`), as recorded in the audit log.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The dealer the actor acts in.
    pub fn dealer_id(&self) -> DealerId {
        self.scope.dealer_id()
    }

    pub fn home_dealer_id(&self) -> DealerId {
        self.home_dealer_id
    }

    pub fn group_id(&self) -> Option<GroupId> {
        self.group_id
    }

    pub fn team_id(&self) -> Option<TeamId> {
        self.team_id
    }

    pub fn role_key(&self) -> &str {
        &self.role_key
    }

    pub fn grants(&self) -> &GrantSet {
        &self.grants
    }

    /// Whether the actor may act in other dealers of their group.
    pub fn may_switch_dealer(&self) -> bool {
        self.may_switch
    }

    pub fn time_zone(&self) -> DealerTimeZone {
        self.time_zone
    }

    /// The language the system's texts are worded in for this caller.
    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// The same actor reading in another language (the request asked for it).
    pub fn with_locale(mut self, locale: Locale) -> Self {
        self.locale = locale;
        self
    }

    pub fn kind(&self) -> ActorKind {
        self.kind
    }

    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The same actor, with the id of the request it acts in (for the audit log).
    pub fn with_request_id(mut self, request_id: impl Into<String>) -> Self {
        self.request_id = Some(request_id.into());
        self
    }

    pub fn scope(&self) -> &DealerScope {
        &self.scope
    }

    /// The same person acting in another dealer of their group, for a permission they hold at
    /// group scope (publishing the catalog to the group's dealers). Any other dealer is refused.
    pub fn in_group_dealer(
        &self,
        dealer: &forecourt_db::entities::dealer::Model,
        permission: Permission,
    ) -> CoreResult<Actor> {
        let group_wide = self.grants.scope(permission) == Some(Scope::Group);
        let same_group =
            self.group_id.is_some() && dealer.group_id.map(GroupId::from_uuid) == self.group_id;
        if !group_wide {
            return Err(CoreError::Forbidden { permission });
        }
        if !same_group {
            return Err(CoreError::not_found("dealer"));
        }
        let mut actor = self.clone();
        actor.scope = super::issue_scope(DealerId::from_uuid(dealer.id));
        actor.time_zone = super::sessions::dealer_time_zone(dealer);
        Ok(actor)
    }

    /// The same actor in their home dealer, for changes to their own account (which lives
    /// there even while they act in another dealer of the group).
    pub fn at_home(&self) -> Actor {
        let mut actor = self.clone();
        actor.scope = super::issue_scope(self.home_dealer_id);
        actor
    }

    /// Whether the actor holds the permission at any scope.
    pub fn can(&self, permission: Permission) -> bool {
        self.grants.has(permission)
    }

    /// The scope the actor holds the permission at, or [`CoreError::Forbidden`].
    pub fn require(&self, permission: Permission) -> CoreResult<Scope> {
        self.grants
            .scope(permission)
            .ok_or(CoreError::Forbidden { permission })
    }

    /// Which rows of the dealer the permission reaches: all (dealer or group scope), the team's,
    /// or the actor's own.
    pub fn reach(&self, permission: Permission) -> CoreResult<Reach> {
        Ok(match self.require(permission)? {
            Scope::Dealer | Scope::Group => Reach::Dealer,
            Scope::Team => Reach::Team {
                team_id: self.team_id.map(TeamId::uuid),
                user_id: self.user_id.uuid(),
            },
            Scope::Own => Reach::Own {
                user_id: self.user_id.uuid(),
            },
        })
    }

    /// Whether a record owned by `owner` (in team `owner_team`) is within the reach of the
    /// permission.
    pub fn reaches(
        &self,
        permission: Permission,
        owner: Option<UserId>,
        owner_team: Option<TeamId>,
    ) -> bool {
        match self.grants.scope(permission) {
            None => false,
            Some(Scope::Dealer | Scope::Group) => true,
            Some(Scope::Team) => {
                owner == Some(self.user_id)
                    || (self.team_id.is_some() && owner_team == self.team_id)
            }
            Some(Scope::Own) => owner == Some(self.user_id),
        }
    }
}
