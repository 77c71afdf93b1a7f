//! Creating a customer, with their phones, companions, consent, tags and cars, in one step.

use super::audited::masked_numbers;
use super::duplicates;
use super::index::reindex;
use super::input::{
    NewCustomer, check_birthday, optional_email, optional_id_number, optional_text, parse_address,
    parse_companions, parse_phones, parse_tags,
};
use super::types::Gender;
use super::views::CustomerView;
use crate::Customers;
use crate::vehicles::{insert_vehicles, parse_vehicle};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{
    customer, customer_companion, customer_consent_event, customer_phone, customer_tag, user,
};
use forecourt_db::repo::{batched_insert, tenant};
use forecourt_domain::ids::UserId;
use forecourt_domain::permission::Permission;
use forecourt_domain::username::parse_name;
use forecourt_domain::username::{LONG_NAME_MAX, NAME_MAX, NOTE_MAX};
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::{Actor, ActorKind};
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::lookups::{self, LookupList};
use forecourt_kernel::timeline::{self, TimelineEvent};
use serde_json::json;
use uuid::Uuid;

/// The owner a customer is given: a check that the user is an active member of the dealer, and
/// that giving customers to others is allowed.
pub async fn check_owner<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    errors: &mut FieldErrors,
    owner: UserId,
) -> CoreResult<()> {
    if owner != actor.user_id() && !actor.can(Permission::CustomerAssign) {
        return Err(CoreError::Forbidden {
            permission: Permission::CustomerAssign,
        });
    }
    match tenant::find::<user::Entity, _>(conn, actor.scope(), owner.uuid()).await? {
        Some(u) if u.status == "active" => {}
        _ => errors.push(FieldError::new(
            "owner_id",
            "unknown_user",
            "is not an active user of this dealer",
        )),
    }
    Ok(())
}

pub async fn check_source<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    errors: &mut FieldErrors,
    source: Option<&str>,
) -> CoreResult<Option<String>> {
    lookups::check_key(conn, actor, errors, LookupList::Source, "source", source).await
}

pub fn phone_rows(
    actor: &Actor,
    customer_id: Uuid,
    phones: &[(forecourt_domain::phone::Phone, super::PhoneLabel)],
    now: chrono::DateTime<chrono::Utc>,
) -> Vec<customer_phone::Model> {
    phones
        .iter()
        .enumerate()
        .map(|(i, (phone, label))| customer_phone::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            customer_id,
            number: phone.to_string(),
            kind: serde_json::to_value(phone.kind())
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default(),
            label: label.as_str().to_owned(),
            is_primary: i == 0,
            created_at: now,
        })
        .collect()
}

pub fn tag_rows(
    actor: &Actor,
    customer_id: Uuid,
    tags: &[String],
    now: chrono::DateTime<chrono::Utc>,
) -> Vec<customer_tag::Model> {
    tags.iter()
        .map(|tag| customer_tag::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            customer_id,
            tag: tag.clone(),
            created_at: now,
        })
        .collect()
}

pub fn companion_rows(
    actor: &Actor,
    customer_id: Uuid,
    companions: &[super::input::Companion],
    now: chrono::DateTime<chrono::Utc>,
) -> Vec<customer_companion::Model> {
    companions
        .iter()
        .map(|c| customer_companion::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            customer_id,
            relation: c.relation.as_str().to_owned(),
            name: c.name.clone(),
            phone: c.phone.as_ref().map(ToString::to_string),
            notes: c.notes.clone(),
            created_at: now,
        })
        .collect()
}

pub fn consent_row(
    actor: &Actor,
    customer_id: Uuid,
    consent: &super::ConsentInput,
    note: Option<String>,
    now: chrono::DateTime<chrono::Utc>,
) -> customer_consent_event::Model {
    customer_consent_event::Model {
        id: Uuid::now_v7(),
        dealer_id: actor.dealer_id().uuid(),
        customer_id,
        channel: consent.channel.as_str().to_owned(),
        granted: consent.granted,
        method: consent.method.as_str().to_owned(),
        note,
        occurred_at: now,
        recorded_by: (actor.kind() != ActorKind::System).then(|| actor.user_id().uuid()),
        recorded_by_name: actor.name().chars().take(64).collect(),
    }
}

/// Sets the current-consent flag of a channel on the customer row.
pub fn apply_consent(
    customer: &mut customer::Model,
    channel: super::ConsentChannel,
    granted: bool,
) {
    use super::ConsentChannel::*;
    let flag = match channel {
        Sms => &mut customer.consent_sms,
        Phone => &mut customer.consent_phone,
        Email => &mut customer.consent_email,
        Wechat => &mut customer.consent_wechat,
    };
    *flag = Some(granted);
}

/// A validated new customer, ready to be written (in the caller's transaction).
pub struct PreparedCustomer {
    model: customer::Model,
    phones: Vec<(forecourt_domain::phone::Phone, super::PhoneLabel)>,
    tags: Vec<String>,
    companions: Vec<super::input::Companion>,
    consents: Vec<super::ConsentInput>,
    vehicles: Vec<(String, crate::vehicles::ParsedVehicle)>,
    allow_duplicate: bool,
}

impl PreparedCustomer {
    /// Gives the customer to this owner (or nobody); the caller has checked it may.
    pub fn set_owner(&mut self, owner: Option<Uuid>) {
        self.model.owner_id = owner;
    }

    /// The normalised phone numbers, for matching against existing customers.
    pub fn numbers(&self) -> Vec<String> {
        self.phones.iter().map(|(p, _)| p.to_string()).collect()
    }

    /// Takes the write locks of what identifies this customer (phones, ID number, VINs), so
    /// that the duplicate check that follows in the same transaction cannot race a twin.
    pub async fn lock_identity<C: ConnectionTrait>(&self, tx: &C, actor: &Actor) -> CoreResult<()> {
        let numbers = self.numbers();
        let vins: Vec<String> = self
            .vehicles
            .iter()
            .filter_map(|(_, v)| v.vin.clone())
            .collect();
        lock_identity(
            tx,
            actor,
            &numbers,
            self.model.id_number_hash.as_deref(),
            &vins,
        )
        .await
    }
}

/// Takes the write locks of phones, an ID number hash and VINs: every path that matches
/// customers by them before it creates one (a new customer, a reception, an enquiry) takes
/// these first, inside its write transaction.
pub async fn lock_identity<C: ConnectionTrait>(
    tx: &C,
    actor: &Actor,
    numbers: &[String],
    id_hash: Option<&str>,
    vins: &[String],
) -> CoreResult<()> {
    let mut keys: Vec<(&str, &str)> = numbers
        .iter()
        .map(|n| ("customer_phone", n.as_str()))
        .collect();
    keys.extend(id_hash.map(|h| ("customer_id_number", h)));
    keys.extend(vins.iter().map(|v| ("vehicle_vin", v.as_str())));
    forecourt_db::repo::locks::lock_keys(tx, actor.scope(), &keys).await?;
    Ok(())
}

impl Customers<'_> {
    /// Validates a new customer (nothing is written). The owner defaults to the actor. The
    /// caller checks the permission (creating a customer directly needs `customer:create`; a
    /// lead arriving through the intake API brings its customer with it).
    pub async fn prepare_customer<C: ConnectionTrait>(
        &self,
        conn: &C,
        actor: &Actor,
        input: NewCustomer,
    ) -> CoreResult<PreparedCustomer> {
        let today = self.today(actor);
        let mut errors = FieldErrors::new();
        let name = errors.check(parse_name("name", &input.name, LONG_NAME_MAX));
        let phones = parse_phones(&mut errors, &input.phones);
        let email = optional_email(&mut errors, input.email.as_deref());
        let wechat_id = optional_text(
            &mut errors,
            "wechat_id",
            input.wechat_id.as_deref(),
            NAME_MAX,
        );
        let address = parse_address(&mut errors, &input.address);
        let id_number = optional_id_number(&mut errors, input.id_number.as_deref(), today);
        let birthday = check_birthday(&mut errors, input.birthday, today)
            .or_else(|| id_number.as_ref().and_then(|id| id.birth_date()));
        let gender = input.gender.or_else(|| {
            id_number.as_ref().map(|id| {
                if id.is_male() {
                    Gender::Male
                } else {
                    Gender::Female
                }
            })
        });
        let occupation = optional_text(
            &mut errors,
            "occupation",
            input.occupation.as_deref(),
            NAME_MAX,
        );
        let notes = optional_text(&mut errors, "notes", input.notes.as_deref(), NOTE_MAX);
        let tags = parse_tags(&mut errors, &input.tags);
        let companions = parse_companions(&mut errors, &input.companions);
        let mut seen_channels = Vec::new();
        for (i, consent) in input.consents.iter().enumerate() {
            if seen_channels.contains(&consent.channel) {
                errors.push(FieldError::new(
                    format!("consents.{i}.channel"),
                    "duplicate",
                    "is listed twice",
                ));
            }
            seen_channels.push(consent.channel);
        }
        let owner = match input.owner_id {
            Some(owner) => Some(owner),
            None if actor.kind() != ActorKind::System => Some(actor.user_id()),
            None => None,
        };
        if let Some(owner) = owner {
            check_owner(conn, actor, &mut errors, owner).await?;
        }
        let source = check_source(conn, actor, &mut errors, input.source.as_deref()).await?;
        if input.vehicles.len() > 10 {
            errors.push(FieldError::new(
                "vehicles",
                "too_many",
                "at most 10 vehicles at once",
            ));
        }
        let mut vehicles = Vec::new();
        for (i, vehicle) in input.vehicles.iter().enumerate() {
            let prefix = format!("vehicles.{i}");
            let parsed = parse_vehicle(self, conn, actor, &mut errors, &prefix, vehicle).await?;
            vehicles.push((format!("{prefix}."), parsed));
        }
        errors.finish()?;

        let now = self.now();
        let id_hash = id_number
            .as_ref()
            .map(|id| self.pii().keyed_hash(id.as_str()));
        let mut model = customer::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            kind: input.kind.as_str().to_owned(),
            name: name.unwrap_or_default(),
            gender: gender.map(|g| g.as_str().to_owned()),
            birthday,
            wechat_id,
            email,
            province: address.province,
            city: address.city,
            district: address.district,
            street: address.street,
            id_number_cipher: id_number.as_ref().map(|n| self.pii().encrypt(n.as_str())),
            id_number_hash: id_hash,
            id_number_last4: id_number.as_ref().map(|n| n.last4().to_owned()),
            occupation,
            notes,
            source_key: source,
            owner_id: owner.map(UserId::uuid),
            consent_sms: None,
            consent_phone: None,
            consent_email: None,
            consent_wechat: None,
            status: forecourt_db::repo::customers::ACTIVE.to_owned(),
            merged_into_id: None,
            created_by: (actor.kind() != ActorKind::System).then(|| actor.user_id().uuid()),
            created_at: now,
            updated_at: now,
            version: 1,
        };
        for consent in &input.consents {
            apply_consent(&mut model, consent.channel, consent.granted);
        }
        Ok(PreparedCustomer {
            model,
            phones,
            tags,
            companions,
            consents: input.consents,
            vehicles,
            allow_duplicate: input.allow_duplicate,
        })
    }

    /// The existing customers a prepared one may duplicate (same phone, ID number or VIN).
    pub async fn duplicates_of<C: ConnectionTrait>(
        &self,
        conn: &C,
        actor: &Actor,
        prepared: &PreparedCustomer,
    ) -> CoreResult<Vec<duplicates::DuplicateCandidate>> {
        let vins: Vec<String> = prepared
            .vehicles
            .iter()
            .filter_map(|(_, v)| v.vin.clone())
            .collect();
        duplicates::find(
            conn,
            actor,
            &prepared.numbers(),
            prepared.model.id_number_hash.as_deref(),
            &vins,
            None,
        )
        .await
    }

    /// Writes a prepared customer with their phones, tags, companions, consent and cars, the
    /// audit event, the timeline entry and the search index, in the caller's transaction.
    pub async fn insert_customer<C: ConnectionTrait>(
        &self,
        tx: &C,
        actor: &Actor,
        prepared: PreparedCustomer,
    ) -> CoreResult<customer::Model> {
        let now = prepared.model.created_at;
        let today = actor.time_zone().local_date(now);
        let id = prepared.model.id;
        let numbers = prepared.numbers();
        let created = tenant::insert::<customer::Entity, _>(
            tx,
            actor.scope(),
            prepared.model.dealer_id,
            prepared.model,
        )
        .await?;
        let scope = actor.scope();
        batched_insert::<customer_phone::Entity, _>(
            tx,
            scope,
            phone_rows(actor, id, &prepared.phones, now),
        )
        .await?;
        batched_insert::<customer_tag::Entity, _>(
            tx,
            scope,
            tag_rows(actor, id, &prepared.tags, now),
        )
        .await?;
        batched_insert::<customer_companion::Entity, _>(
            tx,
            scope,
            companion_rows(actor, id, &prepared.companions, now),
        )
        .await?;
        let consent_events: Vec<_> = prepared
            .consents
            .iter()
            .map(|c| {
                consent_row(
                    actor,
                    id,
                    c,
                    c.note
                        .as_deref()
                        .map(str::trim)
                        .filter(|n| !n.is_empty())
                        .map(str::to_owned),
                    now,
                )
            })
            .collect();
        batched_insert::<customer_consent_event::Entity, _>(tx, scope, consent_events).await?;
        insert_vehicles(tx, actor, Some(id), prepared.vehicles, today, now).await?;

        let mut entry = AuditEntry::created(&created);
        if !numbers.is_empty() {
            entry = entry.change(
                "phones",
                serde_json::Value::Null,
                masked_numbers(numbers.iter().map(String::as_str)),
            );
        }
        if !prepared.tags.is_empty() {
            entry = entry.change("tags", serde_json::Value::Null, prepared.tags.clone());
        }
        if prepared.allow_duplicate {
            entry = entry.change("created_despite_duplicates", serde_json::Value::Null, true);
        }
        audit::record(tx, actor, entry, now).await?;
        timeline::record(
            tx,
            actor,
            vec![TimelineEvent::new(
                id,
                "customer.created",
                json!({"source": created.source_key}),
            )],
            now,
        )
        .await?;
        reindex(tx, scope, &[id]).await?;
        Ok(created)
    }

    /// Creates a customer. A customer with the same phone, ID number or VIN already existing is
    /// answered 409 `possible_duplicate` with the candidates, unless `allow_duplicate` is set.
    pub async fn create_customer(
        &self,
        actor: &Actor,
        input: NewCustomer,
    ) -> CoreResult<CustomerView> {
        actor.require(Permission::CustomerCreate)?;
        let prepared = self
            .prepare_customer(self.db().conn(), actor, input)
            .await?;
        let tx = self.db().begin().await?;
        // The duplicate check and the insert are one step: a twin request waits for this one
        // to commit and then finds its customer.
        prepared.lock_identity(&*tx, actor).await?;
        if !prepared.allow_duplicate {
            let candidates = self.duplicates_of(&*tx, actor, &prepared).await?;
            if !candidates.is_empty() {
                return Err(CoreError::PossibleDuplicate {
                    candidates: serde_json::to_value(candidates).unwrap_or_default(),
                });
            }
        }
        let created = self.insert_customer(&*tx, actor, prepared).await?;
        let view = self.customer_view(&*tx, actor, created).await?;
        tx.commit().await?;
        Ok(view)
    }
}
