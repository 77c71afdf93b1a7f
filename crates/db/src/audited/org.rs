//! What the audit log records of the organisation: dealers, teams, departments, users, roles, API tokens, lookups.

use super::Audited;
use crate::entities::{api_token, dealer, department, lookup, role, team, user};
use forecourt_domain::masking::{mask_email, mask_phone};
use forecourt_domain::permission::parse_grants;
use serde_json::{Map, Value};
use uuid::Uuid;

impl Audited for lookup::Model {
    const ENTITY: &'static str = "lookup";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut f = Map::new();
        f.insert("list".into(), self.list.clone().into());
        f.insert("key".into(), self.key.clone().into());
        f.insert("name".into(), self.name.clone().into());
        f.insert("active".into(), self.active.into());
        f.insert("sort_order".into(), self.sort_order.into());
        f
    }
}

impl Audited for team::Model {
    const ENTITY: &'static str = "team";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut fields = Map::new();
        fields.insert("name".into(), self.name.clone().into());
        fields.insert(
            "department_id".into(),
            self.department_id.map(|d| d.to_string()).into(),
        );
        fields.insert(
            "leader_id".into(),
            self.leader_id.map(|u| u.to_string()).into(),
        );
        fields
    }
}

impl Audited for dealer::Model {
    const ENTITY: &'static str = "dealer";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut fields = Map::new();
        fields.insert("code".into(), self.code.clone().into());
        fields.insert("name".into(), self.name.clone().into());
        fields.insert("time_zone".into(), self.time_zone.clone().into());
        fields.insert("locale".into(), self.locale.clone().into());
        fields
    }
}

impl Audited for department::Model {
    const ENTITY: &'static str = "department";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut fields = Map::new();
        fields.insert("name".into(), self.name.clone().into());
        fields
    }
}

impl Audited for user::Model {
    const ENTITY: &'static str = "user";

    fn audit_id(&self) -> Uuid {
        self.id
    }

    fn audit_fields(&self) -> Map<String, Value> {
        let mut fields = Map::new();
        fields.insert("username".into(), self.username.clone().into());
        fields.insert("display_name".into(), self.display_name.clone().into());
        fields.insert("role".into(), self.role_key.clone().into());
        fields.insert("team_id".into(), self.team_id.map(|t| t.to_string()).into());
        fields.insert("email".into(), self.email.as_deref().map(mask_email).into());
        fields.insert("phone".into(), self.phone.as_deref().map(mask_phone).into());
        fields.insert("locale".into(), self.locale.clone().into());
        fields.insert("status".into(), self.status.clone().into());
        fields
    }
}

impl Audited for api_token::Model {
    const ENTITY: &'static str = "api_token";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut fields = Map::new();
        fields.insert("name".into(), self.name.clone().into());
        fields.insert("prefix".into(), self.token_prefix.clone().into());
        fields.insert("user_id".into(), self.user_id.to_string().into());
        let grants: Vec<String> = parse_grants(&self.grants)
            .grants()
            .map(|g| format!("{}@{}", g.permission, g.scope.as_str()))
            .collect();
        fields.insert("grants".into(), grants.into());
        fields.insert(
            "expires_at".into(),
            self.expires_at.map(|t| t.to_rfc3339()).into(),
        );
        fields.insert(
            "revoked_at".into(),
            self.revoked_at.map(|t| t.to_rfc3339()).into(),
        );
        fields
    }
}

impl Audited for role::Model {
    const ENTITY: &'static str = "role";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut fields = Map::new();
        fields.insert("key".into(), self.key.clone().into());
        fields.insert("name".into(), self.name.clone().into());
        fields.insert("description".into(), self.description.clone().into());
        let grants: Vec<String> = parse_grants(&self.grants)
            .grants()
            .map(|g| format!("{}@{}", g.permission, g.scope.as_str()))
            .collect();
        fields.insert("grants".into(), grants.into());
        fields
    }
}
