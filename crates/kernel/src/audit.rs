//! The audit log: every write records who did what to which record, and the changed fields
//! before → after, in the same transaction as the write itself.

use crate::auth::{Actor, ActorKind};
use crate::error::CoreError;
use crate::error::CoreResult;
use chrono::{DateTime, Utc};
use forecourt_db::entities::audit_event;
use forecourt_db::repo::audit;
use forecourt_db::repo::tenant::{self, Versioned, VersionedEntity};
use forecourt_db::{ConnectionTrait, DbError};
use serde_json::{Map, Value, json};
use uuid::Uuid;

pub use forecourt_db::audited::Audited;

/// One audit event, before it is written.
#[derive(Clone, Debug, PartialEq)]
pub struct AuditEntry {
    pub action: String,
    pub entity_type: &'static str,
    pub entity_id: Option<Uuid>,
    /// `{field: {"before": ..., "after": ...}}`
    pub changes: Map<String, Value>,
}

impl AuditEntry {
    /// An event of another kind than create/update/delete (`user.password_reset`).
    pub fn action(entity_type: &'static str, verb: &str, entity_id: Option<Uuid>) -> Self {
        Self {
            action: format!("{entity_type}.{verb}"),
            entity_type,
            entity_id,
            changes: Map::new(),
        }
    }

    pub fn created<T: Audited>(after: &T) -> Self {
        let mut entry = Self::action(T::ENTITY, "created", Some(after.audit_id()));
        for (field, value) in after.audit_fields() {
            if !value.is_null() {
                entry
                    .changes
                    .insert(field, json!({ "before": Value::Null, "after": value }));
            }
        }
        entry
    }

    /// Only the fields that differ.
    pub fn updated<T: Audited>(before: &T, after: &T) -> Self {
        let mut entry = Self::action(T::ENTITY, "updated", Some(after.audit_id()));
        let old = before.audit_fields();
        for (field, new_value) in after.audit_fields() {
            let old_value = old.get(&field).cloned().unwrap_or(Value::Null);
            if old_value != new_value {
                entry
                    .changes
                    .insert(field, json!({ "before": old_value, "after": new_value }));
            }
        }
        entry
    }

    pub fn deleted<T: Audited>(before: &T) -> Self {
        let mut entry = Self::action(T::ENTITY, "deleted", Some(before.audit_id()));
        for (field, value) in before.audit_fields() {
            if !value.is_null() {
                entry
                    .changes
                    .insert(field, json!({ "before": value, "after": Value::Null }));
            }
        }
        entry
    }

    /// Adds one change by hand.
    /// The same changes recorded under another action (`lead.lost` rather than
    /// `lead.updated`).
    pub fn with_action(mut self, action: &str) -> Self {
        self.action = action.to_owned();
        self
    }

    pub fn change(
        mut self,
        field: &str,
        before: impl Into<Value>,
        after: impl Into<Value>,
    ) -> Self {
        self.changes.insert(
            field.to_owned(),
            json!({ "before": before.into(), "after": after.into() }),
        );
        self
    }

    /// Whether an update changed nothing (then it need not be written, nor its version bumped).
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

/// The one way an edit is saved: writes `after` over `before` (only if `before`'s version is
/// still the stored one, else [`CoreError::VersionConflict`] via `on_error`) and records `entry`,
/// both in `conn`'s transaction. When `entry` records no change nothing is written and the
/// version is not bumped; the answer is then `None` and the caller shows `before`.
pub async fn update_if_changed<E, C>(
    conn: &C,
    actor: &Actor,
    before: &E::Model,
    after: E::Model,
    entry: AuditEntry,
    at: DateTime<Utc>,
    on_error: impl FnOnce(DbError) -> CoreError,
) -> CoreResult<Option<E::Model>>
where
    E: VersionedEntity,
    E::Model: Audited,
    C: ConnectionTrait,
{
    if entry.is_empty() {
        return Ok(None);
    }
    save::<E, C>(conn, actor, before, after, entry, at, on_error)
        .await
        .map(Some)
}

/// The one way a change of state is saved (a move, a loss, a reassignment …): writes `after`
/// over `before` (only if `before`'s version is still the stored one, else `on_error`'s answer
/// to [`DbError::StaleVersion`], normally 409 `version_conflict`) and records `entry`, both in
/// `conn`'s transaction. An edit that may change nothing uses [`update_if_changed`].
pub async fn save<E, C>(
    conn: &C,
    actor: &Actor,
    before: &E::Model,
    after: E::Model,
    entry: AuditEntry,
    at: DateTime<Utc>,
    on_error: impl FnOnce(DbError) -> CoreError,
) -> CoreResult<E::Model>
where
    E: VersionedEntity,
    C: ConnectionTrait,
{
    let saved = tenant::update::<E, C>(
        conn,
        actor.scope(),
        before.row_id(),
        after,
        before.version(),
        at,
    )
    .await
    .map_err(on_error)?;
    record(conn, actor, entry, at).await?;
    Ok(saved)
}

/// Writes the event, attributed to `actor`. Call it with the transaction of the change.
pub async fn record<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    entry: AuditEntry,
    at: DateTime<Utc>,
) -> CoreResult<()> {
    record_many(conn, actor, vec![entry], at).await
}

/// Writes many events at once (imports write one per customer).
pub async fn record_many<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    entries: Vec<AuditEntry>,
    at: DateTime<Utc>,
) -> CoreResult<()> {
    let (actor_kind, actor_id) = match actor.kind() {
        ActorKind::Session(_) => ("user", Some(actor.user_id().uuid())),
        ActorKind::ApiToken(_) => ("api_token", Some(actor.user_id().uuid())),
        ActorKind::System => ("system", None),
    };
    let actor_name: String = actor.name().chars().take(64).collect();
    let models = entries
        .into_iter()
        .map(|entry| audit_event::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            occurred_at: at,
            actor_kind: actor_kind.to_owned(),
            actor_id,
            actor_name: actor_name.clone(),
            action: entry.action,
            entity_type: entry.entity_type.to_owned(),
            entity_id: entry.entity_id,
            changes: Value::Object(entry.changes),
            request_id: actor.request_id().map(str::to_owned),
        })
        .collect();
    audit::insert_many(conn, actor.scope(), models).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Thing {
        id: Uuid,
        name: &'static str,
        phone: Option<&'static str>,
    }

    impl Audited for Thing {
        const ENTITY: &'static str = "thing";
        fn audit_id(&self) -> Uuid {
            self.id
        }
        fn audit_fields(&self) -> Map<String, Value> {
            let mut map = Map::new();
            map.insert("name".into(), self.name.into());
            map.insert(
                "phone".into(),
                self.phone.map(forecourt_domain::masking::mask_phone).into(),
            );
            map
        }
    }

    #[test]
    fn updates_record_only_changed_fields_masked() {
        let id = Uuid::now_v7();
        let before = Thing {
            id,
            name: "张伟",
            phone: Some("13812341234"),
        };
        let after = Thing {
            id,
            name: "张伟",
            phone: Some("13998765678"),
        };
        let entry = AuditEntry::updated(&before, &after);
        assert_eq!(entry.action, "thing.updated");
        assert_eq!(entry.changes.len(), 1);
        assert_eq!(
            entry.changes["phone"],
            json!({"before": "138****1234", "after": "139****5678"})
        );
        assert!(AuditEntry::updated(&before, &before).is_empty());
    }

    #[test]
    fn creates_skip_empty_fields() {
        let entry = AuditEntry::created(&Thing {
            id: Uuid::now_v7(),
            name: "李娜",
            phone: None,
        });
        assert_eq!(entry.changes.len(), 1);
        assert_eq!(entry.changes["name"]["after"], "李娜");
    }
}
