//! Names for the records an audit page mentions: each event's own record and the ids inside its
//! changes (stage, owner, model …), looked up a type at a time for the whole page — a handful of
//! queries however many rows — and masked as the reader may see them.

use forecourt_customers::access::reaches;
use forecourt_customers::views::masked_name;
use forecourt_db::entities::stock_unit;
use forecourt_db::entities::{
    api_token, audit_event, catalog_brand, catalog_model, catalog_series, customer, department,
    import, lead, opportunity, order, pipeline_stage, role, team, test_drive_booking,
    test_drive_car, user, vehicle,
};
use forecourt_db::entities::{appraisal, config_item, quote};
use forecourt_db::repo::tenant::{self, TenantEntity};
use forecourt_db::{ConnectionTrait, DatabaseConnection};
use forecourt_domain::permission::Permission;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::CoreResult;
use forecourt_kernel::module::RecordName;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use utoipa::ToSchema;
use uuid::Uuid;

/// A record named in the audit log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct AuditRef {
    /// The record's type, as in `entity_type` (`user`, `customer`, `lead`, `pipeline_stage` …).
    pub entity_type: String,
    /// The record's id.
    pub id: Uuid,
    /// Its name as the reader may see it: a customer's (or, for a lead, opportunity or test
    /// drive, its customer's) name is cut to the family name outside the reader's reach.
    pub name: String,
    /// A built-in record's key (pipeline stage, role), which the app words in the reader's
    /// language.
    pub key: Option<String>,
    /// The customer a lead, opportunity or test drive belongs to (its page links there).
    pub customer_id: Option<Uuid>,
}

/// The record type an id in a change points at, by the change's field name.
pub fn referenced_type(field: &str) -> Option<&'static str> {
    Some(match field {
        "owner_id" | "user_id" | "leader_id" | "stagnation_user_id" | "consultant_id"
        | "actor_id" => "user",
        "customer_id" | "merged_id" | "merged_into_id" | "owner_customer_id" => "customer",
        "lead_id" => "lead",
        "stage_id" | "from_stage_id" | "to_stage_id" => "pipeline_stage",
        "team_id" | "assignment_team_id" => "team",
        "department_id" => "department",
        "brand_id" => "catalog_brand",
        "series_id" => "catalog_series",
        "model_id" | "catalog_model_id" => "catalog_model",
        "car_id" => "test_drive_car",
        "vehicle_id" => "vehicle",
        "order_id" => "order",
        _ => {
            return forecourt_kernel::module::audit_names()
                .find(|n| n.fields.contains(&field))
                .map(|n| n.entity_type);
        }
    })
}

/// The names of a page of events: its records (`entity`) and, per event, the records its
/// changes refer to.
pub struct PageNames {
    by_type: HashMap<(&'static str, Uuid), AuditRef>,
}

impl PageNames {
    pub fn entity(&self, event: &audit_event::Model) -> Option<AuditRef> {
        let id = event.entity_id?;
        let kind = known_type(&event.entity_type)?;
        self.by_type.get(&(kind, id)).cloned()
    }

    /// Whether the event's record is of a named type but no longer exists (deleted, merged
    /// away). A record of a type without names (a dealer's settings, an approval) is not gone.
    pub fn gone(&self, event: &audit_event::Model) -> bool {
        match (event.entity_id, known_type(&event.entity_type)) {
            (Some(id), Some(kind)) => !self.by_type.contains_key(&(kind, id)),
            _ => false,
        }
    }

    pub fn refs(&self, event: &audit_event::Model) -> BTreeMap<String, AuditRef> {
        let mut out = BTreeMap::new();
        for (kind, id) in change_refs(&event.changes) {
            if let Some(found) = self.by_type.get(&(kind, id)) {
                out.insert(id.to_string(), found.clone());
            }
        }
        out
    }
}

/// The types whose names are looked up for an event's own record.
fn known_type(entity_type: &str) -> Option<&'static str> {
    const TYPES: [&str; 21] = [
        "user",
        "customer",
        "lead",
        "opportunity",
        "test_drive",
        "pipeline_stage",
        "team",
        "department",
        "role",
        "catalog_brand",
        "catalog_series",
        "catalog_model",
        "test_drive_car",
        "vehicle",
        "api_token",
        "import",
        "stock_unit",
        "quote",
        "appraisal",
        "config_item",
        "order",
    ];
    TYPES.into_iter().find(|t| *t == entity_type).or_else(|| {
        forecourt_kernel::module::audit_names()
            .find(|n| n.entity_type == entity_type)
            .map(|n| n.entity_type)
    })
}

/// `(type, id)` of every id-valued field in `{field: {before, after}}`.
fn change_refs(changes: &serde_json::Value) -> Vec<(&'static str, Uuid)> {
    let mut out = Vec::new();
    let Some(map) = changes.as_object() else {
        return out;
    };
    for (field, change) in map {
        let Some(kind) = referenced_type(field) else {
            continue;
        };
        for side in ["before", "after"] {
            if let Some(id) = change
                .get(side)
                .and_then(|v| v.as_str())
                .and_then(|s| s.parse::<Uuid>().ok())
            {
                out.push((kind, id));
            }
        }
    }
    out
}

async fn rows<E: TenantEntity, C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    wanted: &HashMap<&'static str, BTreeSet<Uuid>>,
    kind: &str,
) -> CoreResult<Vec<E::Model>> {
    let Some(ids) = wanted.get(kind) else {
        return Ok(Vec::new());
    };
    let ids: Vec<Uuid> = ids.iter().copied().collect();
    Ok(tenant::find_many::<E, C>(conn, actor.scope(), &ids).await?)
}

fn named(kind: &str, id: Uuid, name: impl Into<String>) -> AuditRef {
    AuditRef {
        entity_type: kind.to_owned(),
        id,
        name: name.into(),
        key: None,
        customer_id: None,
    }
}

/// Looks up every record the events name, one query per record type (the modules' types
/// through their registered [`AuditNames`](forecourt_kernel::module::AuditNames)).
pub async fn resolve(
    conn: &DatabaseConnection,
    actor: &Actor,
    events: &[audit_event::Model],
) -> CoreResult<PageNames> {
    let mut wanted: HashMap<&'static str, BTreeSet<Uuid>> = HashMap::new();
    for event in events {
        if let (Some(kind), Some(id)) = (known_type(&event.entity_type), event.entity_id) {
            wanted.entry(kind).or_default().insert(id);
        }
        for (kind, id) in change_refs(&event.changes) {
            wanted.entry(kind).or_default().insert(id);
        }
    }
    let mut found: Vec<AuditRef> = Vec::new();
    // Records that are named after their customer: (type, id, customer).
    let mut of_customer: Vec<(&'static str, Uuid, Uuid)> = Vec::new();

    for r in rows::<team::Entity, _>(conn, actor, &wanted, "team").await? {
        found.push(named("team", r.id, r.name));
    }
    for r in rows::<department::Entity, _>(conn, actor, &wanted, "department").await? {
        found.push(named("department", r.id, r.name));
    }
    for r in rows::<role::Entity, _>(conn, actor, &wanted, "role").await? {
        let mut named = named("role", r.id, r.name);
        named.key = Some(r.key);
        found.push(named);
    }
    for r in rows::<pipeline_stage::Entity, _>(conn, actor, &wanted, "pipeline_stage").await? {
        let mut named = named("pipeline_stage", r.id, r.name);
        named.key = r.builtin.then_some(r.key);
        found.push(named);
    }
    for r in rows::<catalog_brand::Entity, _>(conn, actor, &wanted, "catalog_brand").await? {
        found.push(named("catalog_brand", r.id, r.name));
    }
    for r in rows::<catalog_series::Entity, _>(conn, actor, &wanted, "catalog_series").await? {
        found.push(named("catalog_series", r.id, r.name));
    }
    for r in rows::<catalog_model::Entity, _>(conn, actor, &wanted, "catalog_model").await? {
        found.push(named("catalog_model", r.id, r.name));
    }
    for r in rows::<test_drive_car::Entity, _>(conn, actor, &wanted, "test_drive_car").await? {
        let name = match &r.plate {
            Some(plate) => format!("{} {plate}", r.name),
            None => r.name,
        };
        found.push(named("test_drive_car", r.id, name));
    }
    for r in rows::<vehicle::Entity, _>(conn, actor, &wanted, "vehicle").await? {
        let car = [r.brand.as_deref(), r.series.as_deref(), r.plate.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        let name = if car.is_empty() {
            r.vin.unwrap_or_default()
        } else {
            car
        };
        found.push(named("vehicle", r.id, name));
    }
    for r in rows::<api_token::Entity, _>(conn, actor, &wanted, "api_token").await? {
        found.push(named("api_token", r.id, r.name));
    }
    for r in rows::<import::Entity, _>(conn, actor, &wanted, "import").await? {
        found.push(named("import", r.id, r.filename));
    }
    for r in rows::<stock_unit::Entity, _>(conn, actor, &wanted, "stock_unit").await? {
        found.push(named("stock_unit", r.id, r.vin));
    }
    for r in rows::<lead::Entity, _>(conn, actor, &wanted, "lead").await? {
        of_customer.push(("lead", r.id, r.customer_id));
    }
    for r in rows::<opportunity::Entity, _>(conn, actor, &wanted, "opportunity").await? {
        of_customer.push(("opportunity", r.id, r.customer_id));
    }
    for r in rows::<test_drive_booking::Entity, _>(conn, actor, &wanted, "test_drive").await? {
        of_customer.push(("test_drive", r.id, r.customer_id));
    }
    for r in rows::<quote::Entity, _>(conn, actor, &wanted, "quote").await? {
        of_customer.push(("quote", r.id, r.customer_id));
    }
    for r in rows::<appraisal::Entity, _>(conn, actor, &wanted, "appraisal").await? {
        of_customer.push(("appraisal", r.id, r.customer_id));
    }
    for r in rows::<config_item::Entity, _>(conn, actor, &wanted, "config_item").await? {
        found.push(named("config_item", r.id, r.name));
    }
    for r in rows::<order::Entity, _>(conn, actor, &wanted, "order").await? {
        of_customer.push(("order", r.id, r.customer_id));
    }
    // The modules' own records: a label, and the customer's name after it.
    let mut labelled: Vec<(&'static str, RecordName)> = Vec::new();
    for names in forecourt_kernel::module::audit_names() {
        let Some(ids) = wanted.get(names.entity_type) else {
            continue;
        };
        let ids: Vec<Uuid> = ids.iter().copied().collect();
        for record in (names.lookup)(conn, actor, &ids).await? {
            match record.customer_id {
                Some(customer) => of_customer.push((names.entity_type, record.id, customer)),
                None => found.push(named(names.entity_type, record.id, record.label.clone())),
            }
            labelled.push((names.entity_type, record));
        }
    }

    // Customers, named directly or through their leads, and whose owners decide the masking.
    let mut customer_ids = wanted.get("customer").cloned().unwrap_or_default();
    customer_ids.extend(of_customer.iter().map(|(_, _, c)| *c));
    let customer_ids: Vec<Uuid> = customer_ids.into_iter().collect();
    let customers =
        tenant::find_many::<customer::Entity, _>(conn, actor.scope(), &customer_ids).await?;
    let mut user_ids = wanted.get("user").cloned().unwrap_or_default();
    user_ids.extend(customers.iter().filter_map(|c| c.owner_id));
    let user_ids: Vec<Uuid> = user_ids.into_iter().collect();
    let users: HashMap<Uuid, user::Model> =
        tenant::find_many::<user::Entity, _>(conn, actor.scope(), &user_ids)
            .await?
            .into_iter()
            .map(|u| (u.id, u))
            .collect();
    for id in wanted.get("user").into_iter().flatten() {
        if let Some(u) = users.get(id) {
            found.push(named("user", u.id, u.display_name.clone()));
        }
    }
    let customer_names: HashMap<Uuid, String> = customers
        .iter()
        .map(|c| {
            let name = if reaches(actor, Permission::CustomerRead, c, &users) {
                c.name.clone()
            } else {
                masked_name(&c.name)
            };
            (c.id, name)
        })
        .collect();
    for id in wanted.get("customer").into_iter().flatten() {
        if let Some(name) = customer_names.get(id) {
            let mut named = named("customer", *id, name.clone());
            named.customer_id = Some(*id);
            found.push(named);
        }
    }
    let labels: HashMap<(&str, Uuid), &str> = labelled
        .iter()
        .filter(|(_, r)| !r.label.is_empty())
        .map(|(kind, r)| ((*kind, r.id), r.label.as_str()))
        .collect();
    for (kind, id, customer_id) in of_customer {
        if let Some(name) = customer_names.get(&customer_id) {
            let name = match labels.get(&(kind, id)) {
                Some(label) => format!("{label} · {name}"),
                None => name.clone(),
            };
            let mut named = named(kind, id, name);
            named.customer_id = Some(customer_id);
            found.push(named);
        }
    }

    let mut by_type = HashMap::new();
    for r in found {
        if let Some(kind) = known_type(&r.entity_type) {
            by_type.insert((kind, r.id), r);
        }
    }
    Ok(PageNames { by_type })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn ids_in_changes_are_found_by_field() {
        let stage = Uuid::now_v7();
        let owner = Uuid::now_v7();
        let refs = change_refs(&json!({
            "stage_id": {"before": stage.to_string(), "after": null},
            "owner_id": {"before": null, "after": owner.to_string()},
            "notes": {"before": "x", "after": Uuid::now_v7().to_string()},
        }));
        assert_eq!(refs.len(), 2);
        assert!(refs.contains(&("pipeline_stage", stage)));
        assert!(refs.contains(&("user", owner)));
    }
}
