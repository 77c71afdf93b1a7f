//! Planning an import (which rows create customers, which update existing ones, which are
//! twins of earlier rows) and writing it in batches.

use super::mapping::ImportField;
use super::rows::{RowData, RowError};
use crate::types::{ConsentChannel, ConsentMethod};
use crate::vehicles::ParsedVehicle;
use forecourt_db::ConnectionTrait;
use forecourt_db::repo::{customers, vehicles};
use forecourt_domain::permission::Permission;
use forecourt_kernel::auth::{Actor, ActorKind};
use forecourt_kernel::crypto::PiiCipher;
use forecourt_kernel::error::CoreResult;
use std::collections::{BTreeMap, HashMap};
use uuid::Uuid;

/// What happens to an existing customer a row matches.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    serde::Deserialize,
    serde::Serialize,
    utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum OnDuplicate {
    /// Fill in and add what the row brings (phones, tags, cars, consent, changed fields).
    #[default]
    Update,
    /// Leave the existing customer as it is.
    Skip,
}

/// A customer to write: one or more rows of the file that are the same person.
#[derive(Clone, Debug)]
pub struct Planned {
    pub rows: Vec<usize>,
    pub existing: Option<Uuid>,
    pub data: RowData,
    pub vehicles: Vec<ParsedVehicle>,
}

#[derive(Default)]
pub struct Plan {
    pub customers: Vec<Planned>,
    pub skipped: usize,
    pub errors: Vec<RowError>,
}

fn keys(data: &RowData, vehicles: &[ParsedVehicle], pii: &PiiCipher) -> Vec<String> {
    let mut keys: Vec<String> = data.phones.iter().map(|p| format!("p:{p}")).collect();
    if let Some(id) = &data.id_number {
        keys.push(format!("i:{}", pii.keyed_hash(id.as_str())));
    }
    keys.extend(
        vehicles
            .iter()
            .filter_map(|v| v.vin.as_ref())
            .map(|v| format!("v:{v}")),
    );
    keys
}

/// Fills what `into` lacks from `from`, and unites phones, tags, consent and cars.
fn absorb(into: &mut Planned, from: RowData) {
    let d = &mut into.data;
    macro_rules! fill {
        ($($field:ident),*) => { $( if from.$field.is_some() { d.$field = from.$field.clone(); } )* };
    }
    fill!(
        kind, gender, birthday, wechat_id, email, province, city, district, street, id_number,
        occupation, notes, source_key, owner_id
    );
    if !from.name.is_empty() {
        d.name = from.name.clone();
    }
    for phone in from.phones {
        if !d.phones.contains(&phone) {
            d.phones.push(phone);
        }
    }
    for tag in from.tags {
        if !d.tags.contains(&tag) {
            d.tags.push(tag);
        }
    }
    for (channel, granted) in from.consents {
        d.consents.retain(|(c, _)| *c != channel);
        d.consents.push((channel, granted));
    }
    if let Some(vehicle) = from.vehicle {
        add_vehicle(&mut into.vehicles, vehicle);
    }
}

/// Whether two descriptions are the same car: by VIN when both have one, else by plate, else
/// (for a line that names no car at all) by brand and series. A line with neither VIN nor plate
/// adds to the customer's car rather than inventing a second one.
pub fn same_car(a: CarKey<'_>, b: CarKey<'_>) -> bool {
    let (a_vin, a_plate, a_brand, a_series) = a;
    let (b_vin, b_plate, b_brand, b_series) = b;
    if let (Some(x), Some(y)) = (a_vin, b_vin) {
        return x == y;
    }
    if let (Some(x), Some(y)) = (a_plate, b_plate) {
        return x == y;
    }
    let anonymous =
        (a_vin.is_none() && a_plate.is_none()) || (b_vin.is_none() && b_plate.is_none());
    let same_make = a_brand.is_none()
        || b_brand.is_none()
        || (a_brand == b_brand
            && (a_series.is_none() || b_series.is_none() || a_series == b_series));
    anonymous && same_make
}

/// (VIN, plate, brand, series)
pub type CarKey<'a> = (
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
);

pub fn car_key(v: &ParsedVehicle) -> CarKey<'_> {
    (
        v.vin.as_deref(),
        v.plate.as_deref(),
        v.brand.as_deref(),
        v.series.as_deref(),
    )
}

fn add_vehicle(list: &mut Vec<ParsedVehicle>, vehicle: ParsedVehicle) {
    let same = |v: &ParsedVehicle| same_car(car_key(v), car_key(&vehicle));
    match list.iter_mut().find(|v| same(v)) {
        Some(existing) => {
            macro_rules! fill {
                ($($field:ident),*) => { $( if vehicle.$field.is_some() { existing.$field = vehicle.$field.clone(); } )* };
            }
            fill!(
                plate,
                brand,
                series,
                model,
                colour,
                model_year,
                purchase_date,
                mileage_km,
                notes
            );
            existing.bought_here |= vehicle.bought_here;
        }
        None => list.push(vehicle),
    }
}

/// Groups rows into customers and matches them with existing ones.
pub async fn plan<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    pii: &PiiCipher,
    rows: Vec<RowData>,
    on_duplicate: OnDuplicate,
) -> CoreResult<Plan> {
    let mut plan = Plan::default();
    // Within the file: rows sharing a phone, ID number or VIN are one customer.
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for row in rows {
        let vehicle: Vec<ParsedVehicle> = row.vehicle.clone().into_iter().collect();
        let row_keys = keys(&row, &vehicle, pii);
        let mut targets: Vec<usize> = row_keys
            .iter()
            .filter_map(|k| by_key.get(k).copied())
            .collect();
        targets.sort_unstable();
        targets.dedup();
        let index = match targets.as_slice() {
            [] => {
                plan.customers.push(Planned {
                    rows: vec![row.row],
                    existing: None,
                    data: row,
                    vehicles: vehicle,
                });
                plan.customers.len() - 1
            }
            [one] => {
                let target = &mut plan.customers[*one];
                target.rows.push(row.row);
                absorb(target, row);
                *one
            }
            _ => {
                plan.errors.push(RowError {
                    row: row.row,
                    column: String::new(),
                    code: "ambiguous_match".into(),
                    message: "matches several earlier rows of different customers".into(),
                });
                continue;
            }
        };
        let all_keys = keys(
            &plan.customers[index].data,
            &plan.customers[index].vehicles,
            pii,
        );
        for key in all_keys {
            by_key.insert(key, index);
        }
    }

    // Against the database.
    let scope = actor.scope();
    let mut phones = Vec::new();
    let mut hashes = Vec::new();
    let mut vins = Vec::new();
    for c in &plan.customers {
        phones.extend(c.data.phones.iter().map(|p| p.to_string()));
        hashes.extend(
            c.data
                .id_number
                .iter()
                .map(|id| pii.keyed_hash(id.as_str())),
        );
        vins.extend(c.vehicles.iter().filter_map(|v| v.vin.clone()));
    }
    let phone_owner: HashMap<String, Uuid> = customers::owners_of_phones(conn, scope, &phones)
        .await?
        .into_iter()
        .collect();
    let hash_owner: HashMap<String, Uuid> = customers::owners_of_id_hashes(conn, scope, &hashes)
        .await?
        .into_iter()
        .collect();
    let vin_owner: HashMap<String, Option<Uuid>> = vehicles::with_vins(conn, scope, &vins)
        .await?
        .into_iter()
        .filter_map(|v| v.vin.map(|vin| (vin, v.owner_customer_id)))
        .collect();

    let mut kept = Vec::with_capacity(plan.customers.len());
    for mut c in std::mem::take(&mut plan.customers) {
        let mut matches: Vec<Uuid> = c
            .data
            .phones
            .iter()
            .filter_map(|p| phone_owner.get(&p.to_string()).copied())
            .collect();
        if let Some(id) = &c.data.id_number
            && let Some(owner) = hash_owner.get(&pii.keyed_hash(id.as_str()))
        {
            matches.push(*owner);
        }
        let mut vin_conflict = false;
        for v in &c.vehicles {
            if let Some(vin) = &v.vin
                && let Some(owner) = vin_owner.get(vin)
            {
                match owner {
                    Some(owner) => matches.push(*owner),
                    // A registered car without an owner cannot be given one by an import.
                    None => vin_conflict = true,
                }
            }
        }
        matches.sort_unstable();
        matches.dedup();
        let first_row = c.rows[0];
        if matches.len() > 1 || vin_conflict {
            plan.errors.push(RowError {
                row: first_row,
                column: String::new(),
                code: "ambiguous_match".into(),
                message: "its phone, ID number or VIN belong to different existing customers"
                    .into(),
            });
            continue;
        }
        c.existing = matches.first().copied();
        if c.existing.is_some() && on_duplicate == OnDuplicate::Skip {
            plan.skipped += c.rows.len();
            continue;
        }
        kept.push(c);
    }
    // Updating an existing customer for the file needs the importer's reach over them, as
    // changing them by hand would.
    let existing: Vec<Uuid> = kept.iter().filter_map(|c| c.existing).collect();
    if !existing.is_empty() {
        let found = customers::find_many(conn, scope, &existing).await?;
        let owners =
            crate::access::owner_teams(conn, actor, found.iter().filter_map(|c| c.owner_id))
                .await?;
        let reachable: std::collections::HashSet<Uuid> = found
            .iter()
            .filter(|c| crate::access::reaches(actor, Permission::CustomerUpdate, c, &owners))
            .map(|c| c.id)
            .collect();
        kept.retain(|c| match c.existing {
            Some(id) if !reachable.contains(&id) => {
                plan.errors.push(RowError {
                    row: c.rows[0],
                    column: String::new(),
                    code: "out_of_scope".into(),
                    message: "matches a customer outside your reach".into(),
                });
                false
            }
            _ => true,
        });
    }
    plan.customers = kept;
    Ok(plan)
}

/// The consent events a planned customer brings, against the current flags.
pub fn consent_changes(
    c: &Planned,
    current: impl Fn(ConsentChannel) -> Option<bool>,
) -> Vec<(ConsentChannel, bool)> {
    c.data
        .consents
        .iter()
        .copied()
        .filter(|(channel, granted)| current(*channel) != Some(*granted))
        .collect()
}

pub const IMPORT_CONSENT_METHOD: ConsentMethod = ConsentMethod::Import;

/// The fields of a mapping, checked: every column named exists, no field twice, the name is
/// mapped.
pub fn check_mapping(
    headers: &[String],
    mapping: &BTreeMap<String, ImportField>,
) -> Vec<forecourt_domain::FieldError> {
    use forecourt_domain::FieldError;
    let mut errors = Vec::new();
    let mut seen: Vec<ImportField> = Vec::new();
    for (column, field) in mapping {
        if !headers.contains(column) {
            errors.push(FieldError::new(
                format!("mapping.{column}"),
                "unknown_column",
                "is not a column of the file",
            ));
        }
        if seen.contains(field) {
            errors.push(FieldError::new(
                format!("mapping.{column}"),
                "duplicate",
                "maps a field another column already maps",
            ));
        }
        seen.push(*field);
    }
    if !seen.contains(&ImportField::Name) {
        errors.push(FieldError::new(
            "mapping",
            "name_required",
            "must map a column to the customer's name",
        ));
    }
    errors
}

pub fn recorded_by(actor: &Actor) -> Option<Uuid> {
    (actor.kind() != ActorKind::System).then(|| actor.user_id().uuid())
}

#[cfg(test)]
mod tests {
    use super::same_car;

    #[test]
    fn cars_are_told_apart_by_vin_then_plate_then_make() {
        let car = |vin: Option<&'static str>,
                   plate: Option<&'static str>,
                   brand: Option<&'static str>| (vin, plate, brand, None);
        assert!(same_car(
            car(Some("V1"), None, None),
            car(Some("V1"), Some("浙A1"), None)
        ));
        assert!(!same_car(
            car(Some("V1"), None, None),
            car(Some("V2"), None, None)
        ));
        assert!(same_car(
            car(None, Some("浙A1"), None),
            car(None, Some("浙A1"), Some("大众"))
        ));
        assert!(!same_car(
            car(None, Some("浙A1"), None),
            car(None, Some("浙A2"), None)
        ));
        // A line naming only a brand adds to the car it describes.
        assert!(same_car(
            car(None, Some("浙A1"), Some("大众")),
            car(None, None, Some("大众"))
        ));
        assert!(same_car(
            car(None, Some("浙A1"), None),
            car(None, None, Some("大众"))
        ));
        assert!(!same_car(
            car(None, Some("浙A1"), Some("丰田")),
            car(None, None, Some("大众"))
        ));
    }
}
