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
    /// What kind of number it is: `mobile`, `home`, `work` or `other`.
    pub label: PhoneLabel,
    /// Whether it is the customer's primary number (the one lists show).
    pub is_primary: bool,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct CompanionView {
    /// How the companion relates to the customer (spouse, parent, friend...).
    pub relation: Relation,
    /// The companion's name.
    pub name: String,
    /// The companion's phone, masked like the customer's.
    pub phone: Option<String>,
    /// Notes on the companion (what they care about).
    pub notes: Option<String>,
}

/// One channel's consent: the current state and how it came about.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ConsentView {
    /// The channel: `sms`, `phone`, `email` or `wechat`.
    pub channel: ConsentChannel,
    /// `None`: never asked.
    pub granted: Option<bool>,
    /// How the current answer was given; `null` when never asked.
    pub method: Option<ConsentMethod>,
    /// When the current answer was recorded (UTC, RFC 3339).
    pub at: Option<DateTime<Utc>>,
    /// A note recorded with it.
    pub note: Option<String>,
    /// Who recorded it (a user's name).
    pub recorded_by: Option<String>,
}

/// A change of consent, for the history.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ConsentEventView {
    /// The channel: `sms`, `phone`, `email` or `wechat`.
    pub channel: ConsentChannel,
    /// Whether consent was given (`true`) or withdrawn (`false`).
    pub granted: bool,
    /// How it was given or withdrawn.
    pub method: ConsentMethod,
    /// When it was recorded (UTC, RFC 3339).
    pub at: DateTime<Utc>,
    /// A note recorded with it.
    pub note: Option<String>,
    /// Who recorded it (a user's name).
    pub recorded_by: String,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct OwnerView {
    /// The user's id.
    pub id: UserId,
    /// The user's name as shown in the app.
    pub display_name: String,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct AddressView {
    /// Province (省).
    pub province: Option<String>,
    /// City (市).
    pub city: Option<String>,
    /// District (区/县).
    pub district: Option<String>,
    /// Street address.
    pub street: Option<String>,
}

/// A customer in a list or search result.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct CustomerRow {
    /// The customer's id (UUIDv7).
    pub id: CustomerId,
    /// `person` or `company`.
    pub kind: CustomerKind,
    /// The customer's name (a company's for `company`).
    pub name: String,
    /// `male` or `female`, if recorded.
    pub gender: Option<Gender>,
    /// The primary phone, masked unless the caller may see it.
    pub phone: Option<String>,
    /// The consultant who owns the customer; `null` while unassigned.
    pub owner: Option<OwnerView>,
    /// How the customer came (a key of the dealer's `source` list).
    pub source: Option<String>,
    /// The customer's tags.
    pub tags: Vec<String>,
    /// The city of their address.
    pub city: Option<String>,
    /// When the customer was created (UTC, RFC 3339).
    pub created_at: DateTime<Utc>,
    /// When the customer last changed (UTC, RFC 3339).
    pub updated_at: DateTime<Utc>,
    /// Its version; send it back with a change.
    pub version: i64,
}

/// The customer 360°: profile, contacts, companions, consent and cars.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct CustomerView {
    /// The customer's id (UUIDv7).
    pub id: CustomerId,
    /// `person` or `company`.
    pub kind: CustomerKind,
    /// The customer's name (a company's for `company`).
    pub name: String,
    /// `male` or `female`, if recorded.
    pub gender: Option<Gender>,
    /// Their birthday (a calendar date, `YYYY-MM-DD`).
    pub birthday: Option<NaiveDate>,
    /// Their phone numbers, masked unless the caller may see them.
    pub phones: Vec<PhoneView>,
    /// Whether phones (and e-mail) are shown masked.
    pub contact_masked: bool,
    /// Their WeChat id.
    pub wechat_id: Option<String>,
    /// Their e-mail address, masked like the phones.
    pub email: Option<String>,
    /// Their postal address.
    pub address: AddressView,
    /// Always masked (`**************123X`); revealing it asks a reason and is audited.
    pub id_number: Option<String>,
    /// Their occupation.
    pub occupation: Option<String>,
    /// Free-text notes on the customer.
    pub notes: Option<String>,
    /// The customer's tags.
    pub tags: Vec<String>,
    /// How the customer came (a key of the dealer's `source` list).
    pub source: Option<String>,
    /// The consultant who owns the customer; `null` while unassigned.
    pub owner: Option<OwnerView>,
    /// People who come along and influence the purchase (陪同人员).
    pub companions: Vec<CompanionView>,
    /// The current consent per channel.
    pub consents: Vec<ConsentView>,
    /// Every change of consent, newest first.
    pub consent_history: Vec<ConsentEventView>,
    /// The cars they own or drive.
    pub vehicles: Vec<VehicleView>,
    /// Whether the caller may reveal the ID number.
    pub can_reveal_id_number: bool,
    /// When the customer was created (UTC, RFC 3339).
    pub created_at: DateTime<Utc>,
    /// When the customer last changed (UTC, RFC 3339).
    pub updated_at: DateTime<Utc>,
    /// Its version; send it back with a change.
    pub version: i64,
}

/// Everything needed to render customers for one caller.
pub struct Render<'a> {
    pub actor: &'a Actor,
    pub owners: &'a HashMap<Uuid, user::Model>,
}

impl Render<'_> {
    /// Whether the caller sees this customer's phone numbers unmasked (`pii.unmask_phone` reaching
    /// the customer's owner).
    pub fn unmask_phone(&self, customer: &customer::Model) -> bool {
        reaches(
            self.actor,
            Permission::PiiUnmaskPhone,
            customer,
            self.owners,
        )
    }

    /// A phone number of the customer as the caller may see it: whole, or masked (`138****5678`).
    pub fn phone(&self, customer: &customer::Model, number: &str) -> String {
        if self.unmask_phone(customer) {
            number.to_owned()
        } else {
            mask_phone(number)
        }
    }

    /// The customer's owner as a user reference, named.
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

    /// The customer as a list row for the caller, its primary phone masked unless they may see it.
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
