//! API tokens: create (the token is shown once), list, revoke.

use crate::Admin;
use chrono::{DateTime, Utc};
use forecourt_db::entities::api_token;
use forecourt_db::repo::{Reach, api_tokens, tenant};
use forecourt_domain::ids::{ApiTokenId, UserId};
use forecourt_domain::permission::{Grant, Permission};
use forecourt_domain::role::check_grants;
use forecourt_domain::username::NAME_MAX;
use forecourt_domain::username::parse_name;
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::grants::{grants_to_json, parse_grants};
use forecourt_kernel::auth::secrets::{random_token, token_hash};
use forecourt_kernel::auth::{API_TOKEN_PREFIX, Actor, ActorKind};
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::paging::{Paged, page_or_bad_cursor, page_request};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ApiTokenView {
    /// The token's id (UUIDv7).
    pub id: ApiTokenId,
    /// The name it was given (what it is for, e.g. `DMS sync`).
    pub name: String,
    /// The token's first characters, to tell tokens apart.
    pub prefix: String,
    /// The user the token acts for.
    pub user_id: UserId,
    /// What the token may do (permissions with their scopes).
    pub grants: Vec<Grant>,
    /// When it was created (UTC, RFC 3339).
    pub created_at: DateTime<Utc>,
    /// When it was last used (UTC, RFC 3339); `null` if never.
    pub last_used_at: Option<DateTime<Utc>>,
    /// When it stops working (UTC, RFC 3339); `null`: until revoked.
    pub expires_at: Option<DateTime<Utc>>,
    /// When it was revoked (UTC, RFC 3339); `null` while live.
    pub revoked_at: Option<DateTime<Utc>>,
    /// Its version.
    pub version: i64,
}

impl From<&api_token::Model> for ApiTokenView {
    fn from(m: &api_token::Model) -> Self {
        Self {
            id: ApiTokenId::from_uuid(m.id),
            name: m.name.clone(),
            prefix: m.token_prefix.clone(),
            user_id: UserId::from_uuid(m.user_id),
            grants: parse_grants(&m.grants).to_vec(),
            created_at: m.created_at,
            last_used_at: m.last_used_at,
            expires_at: m.expires_at,
            revoked_at: m.revoked_at,
            version: m.version,
        }
    }
}

#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ApiTokenQuery {
    /// Include revoked tokens (default: only live ones).
    #[serde(default)]
    pub include_revoked: bool,
    #[param(schema_with = forecourt_domain::schema::page_limit::<{ forecourt_domain::paging::MAX_PAGE_SIZE }>)]
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct NewApiToken {
    /// What the token is for; at most 64 characters.
    #[schema(schema_with = forecourt_domain::schema::name::<{ forecourt_domain::username::NAME_MAX }>)]
    pub name: String,
    /// What the token may do: at most what its creator may do.
    pub grants: Vec<Grant>,
    /// When the token stops working; absent means it works until revoked.
    pub expires_at: Option<DateTime<Utc>>,
}

/// A new token. `token` is shown this once and cannot be retrieved again.
#[derive(Clone, Serialize, ToSchema)]
pub struct CreatedApiToken {
    /// The secret token: send it as `Authorization: Bearer <token>`. Shown only this once.
    pub token: String,
    /// The token as listed afterwards.
    pub api_token: ApiTokenView,
}

impl std::fmt::Debug for CreatedApiToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CreatedApiToken")
            .field("api_token", &self.api_token)
            .finish()
    }
}

impl Admin<'_> {
    /// A page of API tokens: with dealer scope all of the dealer's, else only the caller's own;
    /// revoked ones only with `include_revoked`. Needs `api_token.read`.
    pub async fn list_api_tokens(
        &self,
        actor: &Actor,
        query: ApiTokenQuery,
    ) -> CoreResult<Paged<ApiTokenView>> {
        let reach = actor.reach(Permission::ApiTokenRead)?;
        let page = page_request(query.limit, query.cursor.as_deref())?;
        let rows = api_tokens::list(
            self.db().conn(),
            actor.scope(),
            reach,
            query.include_revoked,
            &page,
        )
        .await?;
        Ok(Paged::from_page(page_or_bad_cursor(rows)?, |t| {
            ApiTokenView::from(&t)
        }))
    }

    /// Creates a token acting for the caller, with at most the caller's permissions.
    pub async fn create_api_token(
        &self,
        actor: &Actor,
        input: NewApiToken,
    ) -> CoreResult<CreatedApiToken> {
        actor.require(Permission::ApiTokenCreate)?;
        if actor.kind() == ActorKind::System {
            return Err(CoreError::invalid(FieldError::new(
                "user",
                "user_required",
                "API tokens act for a user; create them signed in as that user",
            )));
        }
        let now = self.now();
        let mut errors = FieldErrors::new();
        let name = errors.check(parse_name("name", &input.name, NAME_MAX));
        let grants = errors.check(check_grants("grants", &input.grants));
        if let Some(grants) = &grants {
            if grants.is_empty() {
                errors.push(FieldError::new(
                    "grants",
                    "required",
                    "must grant at least one permission",
                ));
            } else if !actor.grants().covers(grants) {
                errors.push(FieldError::new(
                    "grants",
                    "exceeds_own_permissions",
                    "a token cannot do more than its creator",
                ));
            }
        }
        if input.expires_at.is_some_and(|at| at <= now) {
            errors.push(FieldError::new(
                "expires_at",
                "must_be_future",
                "must be in the future",
            ));
        }
        errors.finish()?;
        let (Some(name), Some(grants)) = (name, grants) else {
            unreachable!("every None recorded an error");
        };

        let token = format!("{API_TOKEN_PREFIX}{}", random_token(32));
        let model = api_token::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            user_id: actor.user_id().uuid(),
            name,
            token_prefix: token.chars().take(12).collect(),
            token_hash: token_hash(&token),
            grants: grants_to_json(&grants),
            last_used_at: None,
            expires_at: input.expires_at,
            revoked_at: None,
            created_at: now,
            updated_at: now,
            version: 1,
        };
        let tx = self.db().begin().await?;
        let created =
            tenant::insert::<api_token::Entity, _>(&*tx, actor.scope(), model.dealer_id, model)
                .await?;
        audit::record(&*tx, actor, AuditEntry::created(&created), now).await?;
        tx.commit().await?;
        Ok(CreatedApiToken {
            token,
            api_token: ApiTokenView::from(&created),
        })
    }

    /// Revokes a token at once; it is refused from the next request on.
    pub async fn revoke_api_token(
        &self,
        actor: &Actor,
        id: ApiTokenId,
    ) -> CoreResult<ApiTokenView> {
        let tx = self.db().begin().await?;
        let before = tenant::find::<api_token::Entity, _>(&*tx, actor.scope(), id.uuid())
            .await?
            .ok_or(CoreError::not_found("api_token"))?;
        let reach = actor.reach(Permission::ApiTokenRevoke)?;
        let visible = match reach {
            Reach::Dealer => true,
            Reach::Team { user_id, .. } | Reach::Own { user_id } => before.user_id == user_id,
        };
        if !visible {
            return Err(CoreError::not_found("api_token"));
        }
        if before.revoked_at.is_some() {
            return Ok(ApiTokenView::from(&before));
        }
        let now = self.now();
        let mut after = before.clone();
        after.revoked_at = Some(now);
        let entry = AuditEntry::action("api_token", "revoked", Some(before.id)).change(
            "revoked_at",
            Value::Null,
            now.to_rfc3339(),
        );
        let updated =
            audit::save::<api_token::Entity, _>(&*tx, actor, &before, after, entry, now, |e| {
                CoreError::from_db("api_token", e)
            })
            .await?;
        tx.commit().await?;
        Ok(ApiTokenView::from(&updated))
    }
}
