//! Customers as callers see them: masked per role.

use super::access::reaches;
use super::types::{ConsentChannel, ConsentMethod, CustomerKind, Gender, PhoneLabel, Relation};
use crate::vehicles::VehicleView;
use chrono::{DateTime, NaiveDate, Utc};
use forecourt_db::entities::{
    customer, customer_companion, customer_consent_event, customer_phone, user,
};
use forecourt_domain::ids::{CustomerId, UserId};
use forecourt_domain::masking::{mask_email, mask_phone};
use forecourt_domain::permission::Permission;
use forecourt_kernel::auth::Actor;
use serde::Serialize;
use std::collections::HashMap;
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct PhoneView {
    /// Masked (`138****5678`) unless the caller may see it.
    pub number: String,
    pub label: PhoneLabel,
    pub is_primary: bool,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct CompanionView {
    pub relation: Relation,
    pub name: String,
    pub phone: Option<String>,
    pub notes: Option<String>,
}

/// One channel's consent: the current state and how it came about.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ConsentView {
    pub channel: ConsentChannel,
    /// `None`: never asked.
    pub granted: Option<bool>,
    pub method: Option<ConsentMethod>,
    pub at: Option<DateTime<Utc>>,
    pub note: Option<String>,
    pub recorded_by: Option<String>,
}

/// A change of consent, for the history.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ConsentEventView {
    pub channel: ConsentChannel,
    pub granted: bool,
    pub method: ConsentMethod,
    pub at: DateTime<Utc>,
    pub note: Option<String>,
    pub recorded_by: String,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct OwnerView {
    pub id: UserId,
    pub display_name: String,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct AddressView {
    pub province: Option<String>,
    pub city: Option<String>,
    pub district: Option<String>,
    pub street: Option<String>,
}

/// A customer in a list or search result.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct CustomerRow {
    pub id: CustomerId,
    pub kind: CustomerKind,
    pub name: String,
    pub gender: Option<Gender>,
    /// The primary phone, masked unless the caller may see it.
    pub phone: Option<String>,
    pub owner: Option<OwnerView>,
    pub source: Option<String>,
    pub tags: Vec<String>,
    pub city: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}

/// The customer 360°: profile, contacts, companions, consent and cars.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct CustomerView {
    pub id: CustomerId,
    pub kind: CustomerKind,
    pub name: String,
    pub gender: Option<Gender>,
    pub birthday: Option<NaiveDate>,
    pub phones: Vec<PhoneView>,
    /// Whether phones (and e-mail) are shown masked.
    pub contact_masked: bool,
    pub wechat_id: Option<String>,
    pub email: Option<String>,
    pub address: AddressView,
    /// Always masked (`**************123X`); revealing it asks a reason and is audited.
    pub id_number: Option<String>,
    pub occupation: Option<String>,
    pub notes: Option<String>,
    pub tags: Vec<String>,
    pub source: Option<String>,
    pub owner: Option<OwnerView>,
    pub companions: Vec<CompanionView>,
    pub consents: Vec<ConsentView>,
    pub consent_history: Vec<ConsentEventView>,
    pub vehicles: Vec<VehicleView>,
    /// Whether the caller may reveal the ID number.
    pub can_reveal_id_number: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}

/// Everything needed to render customers for one caller.
pub struct Render<'a> {
    pub actor: &'a Actor,
    pub owners: &'a HashMap<Uuid, user::Model>,
}

impl Render<'_> {
    pub fn unmask_phone(&self, customer: &customer::Model) -> bool {
        reaches(
            self.actor,
            Permission::PiiUnmaskPhone,
            customer,
            self.owners,
        )
    }

    pub fn phone(&self, customer: &customer::Model, number: &str) -> String {
        if self.unmask_phone(customer) {
            number.to_owned()
        } else {
            mask_phone(number)
        }
    }

    pub fn owner(&self, customer: &customer::Model) -> Option<OwnerView> {
        customer.owner_id.map(|id| OwnerView {
            id: UserId::from_uuid(id),
            display_name: self
                .owners
                .get(&id)
                .map(|u| u.display_name.clone())
                .unwrap_or_default(),
        })
    }

    pub fn row(
        &self,
        customer: &customer::Model,
        phones: &[&customer_phone::Model],
        tags: Vec<String>,
    ) -> CustomerRow {
        CustomerRow {
            id: CustomerId::from_uuid(customer.id),
            kind: CustomerKind::from_db(&customer.kind).unwrap_or(CustomerKind::Person),
            name: customer.name.clone(),
            gender: customer.gender.as_deref().and_then(Gender::from_db),
            phone: phones.first().map(|p| self.phone(customer, &p.number)),
            owner: self.owner(customer),
            source: customer.source_key.clone(),
            tags,
            city: customer.city.clone(),
            created_at: customer.created_at,
            updated_at: customer.updated_at,
            version: customer.version,
        }
    }
}

pub fn phone_views(
    render: &Render<'_>,
    customer: &customer::Model,
    phones: &[customer_phone::Model],
) -> Vec<PhoneView> {
    phones
        .iter()
        .map(|p| PhoneView {
            number: render.phone(customer, &p.number),
            label: PhoneLabel::from_db(&p.label).unwrap_or(PhoneLabel::Other),
            is_primary: p.is_primary,
        })
        .collect()
}

pub fn companion_views(
    render: &Render<'_>,
    customer: &customer::Model,
    companions: &[customer_companion::Model],
) -> Vec<CompanionView> {
    companions
        .iter()
        .map(|c| CompanionView {
            relation: Relation::from_db(&c.relation).unwrap_or(Relation::Other),
            name: c.name.clone(),
            phone: c.phone.as_deref().map(|p| render.phone(customer, p)),
            notes: c.notes.clone(),
        })
        .collect()
}

/// The current state of each channel from the history (newest first) and the stored flags.
pub fn consent_views(
    customer: &customer::Model,
    history: &[customer_consent_event::Model],
) -> Vec<ConsentView> {
    ConsentChannel::ALL
        .iter()
        .map(|channel| {
            let latest = history.iter().find(|e| e.channel == channel.as_str());
            let granted = match channel {
                ConsentChannel::Sms => customer.consent_sms,
                ConsentChannel::Phone => customer.consent_phone,
                ConsentChannel::Email => customer.consent_email,
                ConsentChannel::Wechat => customer.consent_wechat,
            };
            ConsentView {
                channel: *channel,
                granted,
                method: latest.and_then(|e| ConsentMethod::from_db(&e.method)),
                at: latest.map(|e| e.occurred_at),
                note: latest.and_then(|e| e.note.clone()),
                recorded_by: latest.map(|e| e.recorded_by_name.clone()),
            }
        })
        .collect()
}

pub fn consent_history(history: &[customer_consent_event::Model]) -> Vec<ConsentEventView> {
    history
        .iter()
        .filter_map(|e| {
            Some(ConsentEventView {
                channel: ConsentChannel::from_db(&e.channel)?,
                granted: e.granted,
                method: ConsentMethod::from_db(&e.method)?,
                at: e.occurred_at,
                note: e.note.clone(),
                recorded_by: e.recorded_by_name.clone(),
            })
        })
        .collect()
}

pub fn masked_email(render: &Render<'_>, customer: &customer::Model) -> Option<String> {
    customer.email.as_deref().map(|e| {
        if render.unmask_phone(customer) {
            e.to_owned()
        } else {
            mask_email(e)
        }
    })
}

pub fn masked_id_number(customer: &customer::Model) -> Option<String> {
    customer
        .id_number_last4
        .as_deref()
        .map(|last4| format!("{}{last4}", "*".repeat(14)))
}

/// The name a customer shows as to someone who may not see them: the family name only.
pub fn masked_name(name: &str) -> String {
    let first: String = name.chars().take(1).collect();
    format!(
        "{first}{}",
        "*".repeat(name.chars().count().saturating_sub(1).clamp(1, 3))
    )
}
