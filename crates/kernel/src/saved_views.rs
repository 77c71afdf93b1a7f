//! Saved list views: a user's named filters and sort for a list, private to them.

use crate::app::App;
use crate::auth::{Actor, ActorKind};
use crate::error::{CoreError, CoreResult};
use chrono::{DateTime, Utc};
use forecourt_db::entities::saved_view;
use forecourt_db::repo::{saved_views, tenant};
use forecourt_domain::FieldError;
use forecourt_domain::ids::SavedViewId;
use forecourt_domain::username::NAME_MAX;
use forecourt_domain::username::parse_name;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// The lists views can be saved for: each module names its own
/// ([`Module::saved_view_lists`](crate::module::Module::saved_view_lists)).
pub fn resources() -> Vec<&'static str> {
    crate::module::installed()
        .iter()
        .flat_map(|m| m.saved_view_lists().iter().copied())
        .collect()
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct SavedViewView {
    /// The saved view's id (UUIDv7).
    pub id: SavedViewId,
    /// The list it is for: `customers` or `vehicles`.
    pub resource: String,
    /// The name the user gave it.
    pub name: String,
    /// The list's query parameters (filters and sort), as the list takes them.
    #[schema(value_type = Object)]
    pub query: Value,
    /// When it last changed (UTC, RFC 3339).
    pub updated_at: DateTime<Utc>,
    /// Its version; send it back with a change.
    pub version: i64,
}

impl From<saved_view::Model> for SavedViewView {
    fn from(m: saved_view::Model) -> Self {
        Self {
            id: SavedViewId::from_uuid(m.id),
            resource: m.resource,
            name: m.name,
            query: m.query,
            updated_at: m.updated_at,
            version: m.version,
        }
    }
}

#[derive(Clone, Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SavedViewQuery {
    /// `customers` or `vehicles`.
    #[param(schema_with = resource_schema)]
    pub resource: String,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct NewSavedView {
    /// The list it is for: `customers` or `vehicles`.
    #[schema(schema_with = resource_schema)]
    pub resource: String,
    /// Its name, unique among the caller's views of the list; at most 64 characters.
    #[schema(schema_with = forecourt_domain::schema::name::<{ forecourt_domain::username::NAME_MAX }>)]
    pub name: String,
    /// The list's query parameters (filters and sort) as a JSON object; at most 4 KB.
    #[schema(value_type = Object)]
    pub query: Value,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct SavedViewPatch {
    /// The version last read; a stale one is refused with 409 `version_conflict`.
    pub version: i64,
    /// A new name; at most 64 characters. Absent keeps it.
    #[schema(schema_with = forecourt_domain::schema::name::<{ forecourt_domain::username::NAME_MAX }>)]
    pub name: Option<String>,
    /// New query parameters (a JSON object, at most 4 KB). Absent keeps them.
    #[schema(value_type = Option<Object>)]
    pub query: Option<Value>,
}

/// The lists a view may be saved for ([`resources`]).
fn resource_schema() -> utoipa::openapi::Object {
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(utoipa::openapi::Type::String)
        .enum_values(Some(resources()))
        .build()
}

fn check_resource(resource: &str) -> CoreResult<()> {
    let lists = resources();
    if lists.contains(&resource) {
        Ok(())
    } else {
        Err(CoreError::invalid(
            FieldError::new(
                "resource",
                "invalid_value",
                "is not a list views are saved for",
            )
            .with_param("allowed", lists.join(", ")),
        ))
    }
}

fn check_query(query: &Value) -> CoreResult<()> {
    let too_big = serde_json::to_string(query)
        .map(|s| s.len() > 4096)
        .unwrap_or(true);
    if !query.is_object() || too_big {
        return Err(CoreError::invalid(FieldError::new(
            "query",
            "invalid_value",
            "must be an object of list parameters (at most 4 KB)",
        )));
    }
    Ok(())
}

impl App {
    fn view_owner(actor: &Actor) -> CoreResult<Uuid> {
        if actor.kind() == ActorKind::System {
            return Err(CoreError::Unauthenticated);
        }
        Ok(actor.user_id().uuid())
    }

    /// The caller's own saved views of one list (`customers` or `vehicles`). Views are personal:
    /// nobody else sees them.
    pub async fn list_saved_views(
        &self,
        actor: &Actor,
        query: SavedViewQuery,
    ) -> CoreResult<Vec<SavedViewView>> {
        check_resource(&query.resource)?;
        let owner = Self::view_owner(actor)?;
        Ok(
            saved_views::of_user(self.db.conn(), actor.scope(), owner, &query.resource)
                .await?
                .into_iter()
                .map(SavedViewView::from)
                .collect(),
        )
    }

    /// Saves the caller's current filters and sort of a list under a name. A name the caller
    /// already uses for that list is 409 `already_exists` (field code `taken`); a query that is not
    /// a JSON object or is over 4 KB is 422.
    pub async fn create_saved_view(
        &self,
        actor: &Actor,
        input: NewSavedView,
    ) -> CoreResult<SavedViewView> {
        check_resource(&input.resource)?;
        check_query(&input.query)?;
        let name = parse_name("name", &input.name, NAME_MAX)?;
        let owner = Self::view_owner(actor)?;
        let now = self.now();
        let model = saved_view::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            user_id: owner,
            resource: input.resource,
            name,
            query: input.query,
            created_at: now,
            updated_at: now,
            version: 1,
        };
        let tx = self.db.begin().await?;
        let created =
            tenant::insert::<saved_view::Entity, _>(&*tx, actor.scope(), model.dealer_id, model)
                .await
                .map_err(CoreError::on_write("saved_view", "name"))?;
        tx.commit().await?;
        Ok(created.into())
    }

    async fn own_view<C: forecourt_db::ConnectionTrait>(
        &self,
        conn: &C,
        actor: &Actor,
        id: SavedViewId,
    ) -> CoreResult<saved_view::Model> {
        let owner = Self::view_owner(actor)?;
        tenant::find::<saved_view::Entity, _>(conn, actor.scope(), id.uuid())
            .await?
            .filter(|v| v.user_id == owner)
            .ok_or(CoreError::not_found("saved_view"))
    }

    /// Renames a saved view of the caller or replaces its query. Someone else's view is 404; a
    /// stale `version` is 409 `version_conflict`, a name already used 409 `already_exists`.
    pub async fn update_saved_view(
        &self,
        actor: &Actor,
        id: SavedViewId,
        patch: SavedViewPatch,
    ) -> CoreResult<SavedViewView> {
        let tx = self.db.begin().await?;
        let before = self.own_view(&*tx, actor, id).await?;
        if before.version != patch.version {
            return Err(CoreError::VersionConflict {
                entity: "saved_view",
            });
        }
        let mut after = before.clone();
        if let Some(name) = &patch.name {
            after.name = parse_name("name", name, NAME_MAX)?;
        }
        if let Some(query) = patch.query {
            check_query(&query)?;
            after.query = query;
        }
        let updated = tenant::update::<saved_view::Entity, _>(
            &*tx,
            actor.scope(),
            before.id,
            after,
            before.version,
            self.now(),
        )
        .await
        .map_err(CoreError::on_write("saved_view", "name"))?;
        tx.commit().await?;
        Ok(updated.into())
    }

    /// Deletes a saved view of the caller; someone else's view is 404.
    pub async fn delete_saved_view(&self, actor: &Actor, id: SavedViewId) -> CoreResult<()> {
        let tx = self.db.begin().await?;
        let view = self.own_view(&*tx, actor, id).await?;
        tenant::delete::<saved_view::Entity, _>(&*tx, actor.scope(), view.id).await?;
        tx.commit().await?;
        Ok(())
    }
}
