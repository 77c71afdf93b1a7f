//! A staff account as the caller may see it, and its status.

use chrono::{DateTime, Utc};
use forecourt_db::entities::user;
use forecourt_domain::ids::{DealerId, TeamId, UserId};
use forecourt_domain::locale::Locale;
use forecourt_domain::masking::{mask_email, mask_phone};
use forecourt_domain::permission::Permission;
use forecourt_kernel::auth::Actor;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum UserStatus {
    Active,
    Disabled,
}

impl UserStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            UserStatus::Active => "active",
            UserStatus::Disabled => "disabled",
        }
    }

    fn from_db(value: &str) -> Self {
        if value == "active" {
            UserStatus::Active
        } else {
            UserStatus::Disabled
        }
    }
}

/// A staff account as the caller may see it: phone and e-mail are masked unless the caller's
/// role may unmask them for this user (or it is the caller's own account).
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct UserView {
    /// The user's id (UUIDv7).
    pub id: UserId,
    /// The dealer the user belongs to.
    pub dealer_id: DealerId,
    /// The login name (lower-case).
    pub username: String,
    /// The name shown to colleagues.
    pub display_name: String,
    /// The role's key: a built-in role (`sales_consultant`) or a custom role of the dealer.
    pub role: String,
    /// The user's team, if any.
    pub team_id: Option<TeamId>,
    /// The work e-mail address, masked unless the caller may see it in full.
    pub email: Option<String>,
    /// The phone number, masked unless the caller may see it in full.
    pub phone: Option<String>,
    /// Whether `phone` and `email` are shown masked.
    pub contact_masked: bool,
    /// The user's preferred language; absent means the dealer's.
    pub locale: Option<Locale>,
    /// `active`, or `disabled` (logins and API tokens refused).
    pub status: UserStatus,
    /// Set while the account is locked after repeated failed logins.
    pub locked_until: Option<DateTime<Utc>>,
    /// When the user last logged in (UTC, RFC 3339); absent if never.
    pub last_login_at: Option<DateTime<Utc>>,
    /// When the account was created (UTC, RFC 3339).
    pub created_at: DateTime<Utc>,
    /// When the account last changed (UTC, RFC 3339).
    pub updated_at: DateTime<Utc>,
    /// Its version; send it back with a change.
    pub version: i64,
}

impl UserView {
    pub fn new(actor: &Actor, model: &user::Model, now: DateTime<Utc>) -> Self {
        let own = model.id == actor.user_id().uuid();
        let unmasked = own
            || actor.reaches(
                Permission::PiiUnmaskPhone,
                Some(UserId::from_uuid(model.id)),
                model.team_id.map(TeamId::from_uuid),
            );
        Self {
            id: UserId::from_uuid(model.id),
            dealer_id: DealerId::from_uuid(model.dealer_id),
            username: model.username.clone(),
            display_name: model.display_name.clone(),
            role: model.role_key.clone(),
            team_id: model.team_id.map(TeamId::from_uuid),
            email: model.email.as_deref().map(|e| {
                if unmasked {
                    e.to_owned()
                } else {
                    mask_email(e)
                }
            }),
            phone: model.phone.as_deref().map(|p| {
                if unmasked {
                    p.to_owned()
                } else {
                    mask_phone(p)
                }
            }),
            contact_masked: !unmasked && (model.email.is_some() || model.phone.is_some()),
            locale: model.locale.as_deref().and_then(|l| l.parse().ok()),
            status: UserStatus::from_db(&model.status),
            locked_until: model.locked_until.filter(|until| *until > now),
            last_login_at: model.last_login_at,
            created_at: model.created_at,
            updated_at: model.updated_at,
            version: model.version,
        }
    }
}
