//! Finding existing customers that look like a new one: same phone, ID number or VIN.

use super::access::{owner_teams, reaches};
use super::views::{OwnerView, Render, masked_name};
use crate::Customers;
use forecourt_db::ConnectionTrait;
use forecourt_db::repo::{customers, vehicles};
use forecourt_domain::FieldErrors;
use forecourt_domain::ids::CustomerId;
use forecourt_domain::permission::Permission;
use forecourt_domain::phone::Phone;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::CoreResult;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DuplicateMatch {
    Phone,
    IdNumber,
    Vin,
}

/// An existing customer that matches. Customers the caller may not see show only their family
/// name and owner, so a consultant learns the customer is taken without learning who it is.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct DuplicateCandidate {
    /// The matching customer's id.
    pub customer_id: CustomerId,
    /// Their name; only the family name when the caller may not see them.
    pub name: String,
    /// What matched: a phone, the ID number or a VIN.
    pub matched_on: Vec<DuplicateMatch>,
    /// The consultant who owns them, so the caller knows whom to ask.
    pub owner: Option<OwnerView>,
    /// Whether the caller may open this customer.
    pub visible: bool,
}

/// What to look for (phones in any spelling).
#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
pub struct DuplicateCheck {
    /// Phone numbers, any spelling.
    #[serde(default)]
    pub phones: Vec<String>,
    /// A 身份证 number.
    pub id_number: Option<String>,
    /// VINs.
    #[serde(default)]
    pub vins: Vec<String>,
}

/// Customers (other than `except`) with any of these phones, this ID number hash or these VINs.
pub async fn find<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    phones: &[String],
    id_hash: Option<&str>,
    vins: &[String],
    except: Option<Uuid>,
) -> CoreResult<Vec<DuplicateCandidate>> {
    let scope = actor.scope();
    let mut matches: BTreeMap<Uuid, Vec<DuplicateMatch>> = BTreeMap::new();
    for (_, id) in customers::owners_of_phones(conn, scope, phones).await? {
        matches.entry(id).or_default().push(DuplicateMatch::Phone);
    }
    if let Some(hash) = id_hash {
        for (_, id) in customers::owners_of_id_hashes(conn, scope, &[hash.to_owned()]).await? {
            matches
                .entry(id)
                .or_default()
                .push(DuplicateMatch::IdNumber);
        }
    }
    for vehicle in vehicles::with_vins(conn, scope, vins).await? {
        if let Some(owner) = vehicle.owner_customer_id {
            matches.entry(owner).or_default().push(DuplicateMatch::Vin);
        }
    }
    if let Some(except) = except {
        matches.remove(&except);
    }
    if matches.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<Uuid> = matches.keys().copied().collect();
    let found = customers::find_many(conn, scope, &ids).await?;
    let owners = owner_teams(conn, actor, found.iter().filter_map(|c| c.owner_id)).await?;
    let render = Render {
        actor,
        owners: &owners,
    };
    Ok(found
        .iter()
        .filter(|c| c.status == customers::ACTIVE)
        .map(|c| {
            let visible = reaches(actor, Permission::CustomerRead, c, &owners);
            let mut matched_on = matches.get(&c.id).cloned().unwrap_or_default();
            matched_on.sort();
            matched_on.dedup();
            DuplicateCandidate {
                customer_id: CustomerId::from_uuid(c.id),
                name: if visible {
                    c.name.clone()
                } else {
                    masked_name(&c.name)
                },
                matched_on,
                owner: render.owner(c),
                visible,
            }
        })
        .collect())
}

impl Customers<'_> {
    /// Existing customers with any of these phones, this ID number or these VINs (the form
    /// asks while the user types).
    pub async fn check_duplicates(
        &self,
        actor: &Actor,
        check: DuplicateCheck,
    ) -> CoreResult<Vec<DuplicateCandidate>> {
        actor.require(Permission::CustomerRead)?;
        let mut errors = FieldErrors::new();
        let phones: Vec<String> = check
            .phones
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                errors
                    .check(Phone::parse(&format!("phones.{i}"), p))
                    .map(|p| p.to_string())
            })
            .collect();
        let id_hash = super::input::optional_id_number(
            &mut errors,
            check.id_number.as_deref(),
            self.today(actor),
        )
        .map(|id| self.pii().keyed_hash(id.as_str()));
        let vins: Vec<String> = check
            .vins
            .iter()
            .enumerate()
            .filter_map(|(i, v)| {
                errors
                    .check(forecourt_domain::vin::Vin::parse(&format!("vins.{i}"), v))
                    .map(|p| p.vin.to_string())
            })
            .collect();
        errors.finish()?;
        find(
            self.db().conn(),
            actor,
            &phones,
            id_hash.as_deref(),
            &vins,
            None,
        )
        .await
    }
}
