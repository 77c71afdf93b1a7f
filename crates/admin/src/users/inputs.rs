//! The inputs of the staff-account use cases: the list query and its sorts, a new user, a patch,
//! a password reset (the last two never print a password).

use super::UserStatus;
use forecourt_db::repo::users::UserSort;
use forecourt_domain::FieldError;
use forecourt_domain::ids::TeamId;
use forecourt_domain::locale::Locale;
use forecourt_domain::patch::double_option;
use forecourt_kernel::error::{CoreError, CoreResult};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UserQuery {
    /// Part of the username or display name.
    pub q: Option<String>,
    pub status: Option<UserStatus>,
    pub role: Option<String>,
    pub team_id: Option<TeamId>,
    /// `username` (default), `display_name` or `-created_at` (newest first).
    #[param(schema_with = sort_schema)]
    pub sort: Option<String>,
    /// Page size, 1 to 200 (default 50).
    #[param(schema_with = forecourt_domain::schema::page_limit::<{ forecourt_domain::paging::MAX_PAGE_SIZE }>)]
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

#[derive(Clone, Deserialize, ToSchema)]
pub struct NewUser {
    /// The login name: 3 to 32 characters of `a-z`, `0-9`, `.`, `_`, `-`, starting with a letter or
    /// digit (stored lower-case); unique across all dealers.
    #[schema(schema_with = forecourt_domain::schema::username)]
    pub username: String,
    /// The name shown to colleagues; at most 64 characters.
    #[schema(schema_with = forecourt_domain::schema::name::<{ forecourt_domain::username::NAME_MAX }>)]
    pub display_name: String,
    /// At least 8 characters, not the username.
    #[schema(schema_with = forecourt_domain::schema::new_password)]
    pub password: String,
    /// The role's key: a built-in role (`sales_consultant`) or a custom role of the dealer; it must
    /// grant nothing the caller does not hold.
    pub role: String,
    /// The team the user belongs to (one of the dealer's).
    pub team_id: Option<TeamId>,
    /// A work e-mail address.
    #[schema(schema_with = forecourt_domain::schema::optional_email)]
    pub email: Option<String>,
    /// A mainland mobile, landline (with area code) or 400/800 number.
    #[schema(schema_with = forecourt_domain::schema::optional_phone)]
    pub phone: Option<String>,
    /// The user's preferred language (`zh-CN`, `zh-TW` or `en`); absent means the dealer's.
    pub locale: Option<Locale>,
}

impl std::fmt::Debug for NewUser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewUser")
            .field("username", &self.username)
            .finish_non_exhaustive()
    }
}

/// Changes to a user. Absent fields stay as they are; `null` clears a nullable field.
#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
pub struct UserPatch {
    /// The `version` of the user as last read.
    pub version: i64,
    /// A new display name; at most 64 characters. Absent keeps it.
    #[schema(schema_with = forecourt_domain::schema::name::<{ forecourt_domain::username::NAME_MAX }>)]
    pub display_name: Option<String>,
    /// A new role's key; it must grant nothing the caller does not hold, and users cannot change
    /// their own role. Absent keeps it.
    pub role: Option<String>,
    /// The user's team (one of the dealer's). Absent keeps it; `null` takes the user out of their
    /// team.
    #[serde(default, deserialize_with = "double_option")]
    pub team_id: Option<Option<TeamId>>,
    /// A work e-mail address. Absent keeps it; `null` or blank clears it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(schema_with = forecourt_domain::schema::optional_email)]
    pub email: Option<Option<String>>,
    /// A mainland mobile, landline or 400/800 number. Absent keeps it; `null` or blank clears it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(schema_with = forecourt_domain::schema::optional_phone)]
    pub phone: Option<Option<String>>,
    /// The preferred language. Absent keeps it; `null` falls back to the dealer's.
    #[serde(default, deserialize_with = "double_option")]
    pub locale: Option<Option<Locale>>,
    /// `disabled` signs the user out everywhere and refuses their logins and API tokens.
    pub status: Option<UserStatus>,
}

#[derive(Clone, Deserialize, ToSchema)]
pub struct PasswordReset {
    /// The new password: at least 8 characters, not the username.
    #[schema(schema_with = forecourt_domain::schema::new_password)]
    pub password: String,
}

impl std::fmt::Debug for PasswordReset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PasswordReset { .. }")
    }
}

/// The orders the user list may be sorted in; the first is the default.
pub const SORTS: [(&str, UserSort); 3] = [
    ("username", UserSort::Username),
    ("display_name", UserSort::DisplayName),
    ("-created_at", UserSort::CreatedAt),
];

fn sort_schema() -> utoipa::openapi::Object {
    forecourt_domain::schema::optional_one_of(&SORTS.map(|(key, _)| key))
}

pub(super) fn parse_sort(sort: Option<&str>) -> CoreResult<UserSort> {
    let wanted = sort.unwrap_or(SORTS[0].0);
    match SORTS.iter().find(|(key, _)| *key == wanted) {
        Some(&(_, sort)) => Ok(sort),
        None => Err(CoreError::invalid(
            FieldError::new(
                "sort",
                "invalid_value",
                "must be username, display_name or -created_at",
            )
            .with_param("allowed", SORTS.map(|(key, _)| key).to_vec()),
        )),
    }
}
