//! Writing a planned import: new customers in multi-row batches, existing ones updated one by
//! one (only those that actually change).

use super::apply::{IMPORT_CONSENT_METHOD, Planned, consent_changes, recorded_by};
use crate::create::apply_consent;
use crate::index::reindex;
use crate::types::ConsentChannel;
use chrono::{DateTime, NaiveDate, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{
    customer, customer_consent_event, customer_phone, customer_tag, mileage_reading, vehicle,
    vehicle_ownership,
};
use forecourt_db::repo::{batched_insert, customers, search_index, tenant, vehicles};
use forecourt_domain::search::customer_terms;
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::crypto::PiiCipher;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::timeline::{self, TimelineEvent};
use serde_json::json;
use std::collections::HashMap;
use uuid::Uuid;

/// How many existing customers a write updated and left unchanged.
#[derive(Clone, Copy, Debug, Default)]
pub struct Written {
    pub updated: usize,
    pub unchanged: usize,
}

struct Rows {
    phones: Vec<customer_phone::Model>,
    tags: Vec<customer_tag::Model>,
    consents: Vec<customer_consent_event::Model>,
    vehicles: Vec<vehicle::Model>,
    ownerships: Vec<vehicle_ownership::Model>,
    readings: Vec<mileage_reading::Model>,
}

impl Rows {
    fn new() -> Self {
        Self {
            phones: Vec::new(),
            tags: Vec::new(),
            consents: Vec::new(),
            vehicles: Vec::new(),
            ownerships: Vec::new(),
            readings: Vec::new(),
        }
    }

    async fn insert<C: ConnectionTrait>(self, conn: &C, actor: &Actor) -> CoreResult<()> {
        let scope = actor.scope();
        batched_insert::<customer_phone::Entity, _>(conn, scope, self.phones).await?;
        batched_insert::<customer_tag::Entity, _>(conn, scope, self.tags).await?;
        batched_insert::<customer_consent_event::Entity, _>(conn, scope, self.consents).await?;
        batched_insert::<vehicle::Entity, _>(conn, scope, self.vehicles).await?;
        batched_insert::<vehicle_ownership::Entity, _>(conn, scope, self.ownerships).await?;
        batched_insert::<mileage_reading::Entity, _>(conn, scope, self.readings).await?;
        Ok(())
    }

    fn phone(
        &mut self,
        actor: &Actor,
        customer_id: Uuid,
        phone: &forecourt_domain::phone::Phone,
        primary: bool,
        now: DateTime<Utc>,
    ) {
        self.phones.push(customer_phone::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            customer_id,
            number: phone.to_string(),
            kind: serde_json::to_value(phone.kind())
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default(),
            label: "mobile".into(),
            is_primary: primary,
            created_at: now,
        });
    }

    fn tag(&mut self, actor: &Actor, customer_id: Uuid, tag: &str, now: DateTime<Utc>) {
        self.tags.push(customer_tag::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            customer_id,
            tag: tag.to_owned(),
            created_at: now,
        });
    }

    fn consent(
        &mut self,
        actor: &Actor,
        customer_id: Uuid,
        channel: ConsentChannel,
        granted: bool,
        import_name: &str,
        now: DateTime<Utc>,
    ) {
        self.consents.push(customer_consent_event::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            customer_id,
            channel: channel.as_str().to_owned(),
            granted,
            method: IMPORT_CONSENT_METHOD.as_str().to_owned(),
            note: Some(import_name.chars().take(200).collect()),
            occurred_at: now,
            recorded_by: recorded_by(actor),
            recorded_by_name: actor.name().chars().take(64).collect(),
        });
    }

    fn vehicle(
        &mut self,
        actor: &Actor,
        customer_id: Uuid,
        v: &crate::vehicles::ParsedVehicle,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Uuid {
        let id = Uuid::now_v7();
        self.vehicles.push(vehicle::Model {
            id,
            dealer_id: actor.dealer_id().uuid(),
            vin: v.vin.clone(),
            vin_check_ok: v.vin_check_ok,
            plate: v.plate.clone(),
            catalog_model_id: None,
            brand: v.brand.clone(),
            series: v.series.clone(),
            model: v.model.clone(),
            colour: v.colour.clone(),
            model_year: v.model_year,
            purchase_date: v.purchase_date,
            bought_here: v.bought_here,
            owner_customer_id: Some(customer_id),
            mileage_km: v.mileage_km,
            mileage_on: v.mileage_km.map(|_| today),
            notes: v.notes.clone(),
            created_at: now,
            updated_at: now,
            version: 1,
        });
        self.ownerships.push(vehicle_ownership::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            vehicle_id: id,
            customer_id,
            started_on: v.purchase_date,
            ended_on: None,
            created_at: now,
        });
        if let Some(km) = v.mileage_km {
            self.readings.push(mileage_reading::Model {
                id: Uuid::now_v7(),
                dealer_id: actor.dealer_id().uuid(),
                vehicle_id: id,
                read_on: today,
                km,
                source: "import".into(),
                recorded_by: recorded_by(actor),
                created_at: now,
            });
        }
        id
    }
}

fn new_customer(
    actor: &Actor,
    pii: &PiiCipher,
    p: &Planned,
    now: DateTime<Utc>,
) -> customer::Model {
    let d = &p.data;
    let mut model = customer::Model {
        id: Uuid::now_v7(),
        dealer_id: actor.dealer_id().uuid(),
        kind: d.kind.map_or("person", |k| k.as_str()).to_owned(),
        name: d.name.clone(),
        gender: d.gender.map(|g| g.as_str().to_owned()),
        birthday: d.birthday,
        wechat_id: d.wechat_id.clone(),
        email: d.email.clone(),
        province: d.province.clone(),
        city: d.city.clone(),
        district: d.district.clone(),
        street: d.street.clone(),
        id_number_cipher: d.id_number.as_ref().map(|n| pii.encrypt(n.as_str())),
        id_number_hash: d.id_number.as_ref().map(|n| pii.keyed_hash(n.as_str())),
        id_number_last4: d.id_number.as_ref().map(|n| n.last4().to_owned()),
        occupation: d.occupation.clone(),
        notes: d.notes.clone(),
        source_key: d.source_key.clone(),
        owner_id: d.owner_id,
        consent_sms: None,
        consent_phone: None,
        consent_email: None,
        consent_wechat: None,
        status: customers::ACTIVE.to_owned(),
        merged_into_id: None,
        created_by: recorded_by(actor),
        created_at: now,
        updated_at: now,
        version: 1,
    };
    for (channel, granted) in &d.consents {
        apply_consent(&mut model, *channel, *granted);
    }
    model
}

/// Writes the new customers of a plan.
pub async fn create<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    pii: &PiiCipher,
    planned: &[Planned],
    import: (Uuid, &str),
    today: NaiveDate,
    now: DateTime<Utc>,
) -> CoreResult<usize> {
    let scope = actor.scope();
    let mut models = Vec::with_capacity(planned.len());
    let mut rows = Rows::new();
    let mut terms = Vec::new();
    let mut audits = Vec::with_capacity(planned.len());
    let mut events = Vec::with_capacity(planned.len());
    for p in planned {
        let model = new_customer(actor, pii, p, now);
        let id = model.id;
        for (i, phone) in p.data.phones.iter().enumerate() {
            rows.phone(actor, id, phone, i == 0, now);
        }
        for tag in &p.data.tags {
            rows.tag(actor, id, tag, now);
        }
        for (channel, granted) in &p.data.consents {
            rows.consent(actor, id, *channel, *granted, import.1, now);
        }
        for v in &p.vehicles {
            rows.vehicle(actor, id, v, today, now);
        }
        let numbers: Vec<String> = p.data.phones.iter().map(|p| p.to_string()).collect();
        for term in customer_terms(
            &model.name,
            numbers.iter().map(String::as_str),
            p.vehicles.iter().filter_map(|v| v.plate.as_deref()),
            p.vehicles.iter().filter_map(|v| v.vin.as_deref()),
        ) {
            terms.push((term, id));
        }
        let mut entry = AuditEntry::created(&model);
        entry.action = "customer.imported".into();
        audits.push(entry.change("import_id", serde_json::Value::Null, import.0.to_string()));
        events.push(TimelineEvent::new(
            id,
            "customer.imported",
            json!({"import_id": import.0, "file": import.1, "rows": p.rows}),
        ));
        models.push(model);
    }
    let count = models.len();
    batched_insert::<customer::Entity, _>(conn, scope, models).await?;
    rows.insert(conn, actor).await?;
    search_index::insert(conn, scope, terms).await?;
    audit::record_many(conn, actor, audits, now).await?;
    timeline::record(conn, actor, events, now).await?;
    Ok(count)
}

/// Applies planned rows to the existing customers they matched; only real changes are written.
pub async fn update<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    pii: &PiiCipher,
    planned: &[Planned],
    import: (Uuid, &str),
    today: NaiveDate,
    now: DateTime<Utc>,
) -> CoreResult<Written> {
    let scope = actor.scope();
    let ids: Vec<Uuid> = planned.iter().filter_map(|p| p.existing).collect();
    let current: HashMap<Uuid, customer::Model> = customers::find_many(conn, scope, &ids)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let phones = customers::phones_of(conn, scope, &ids).await?;
    let tags = customers::tags_of(conn, scope, &ids).await?;
    let cars = vehicles::of_customers(conn, scope, &ids).await?;
    let mut written = Written::default();
    let mut rows = Rows::new();
    let mut audits = Vec::new();
    let mut events = Vec::new();
    let mut touched = Vec::new();
    for p in planned {
        let Some(before) = p.existing.and_then(|id| current.get(&id)) else {
            continue;
        };
        let id = before.id;
        let d = &p.data;
        let mut after = before.clone();
        macro_rules! take {
            ($($field:ident),*) => { $( if d.$field.is_some() { after.$field = d.$field.clone(); } )* };
        }
        take!(
            birthday, wechat_id, email, province, city, district, street, occupation, notes,
            source_key, owner_id
        );
        after.name = d.name.clone();
        if let Some(kind) = d.kind {
            after.kind = kind.as_str().to_owned();
        }
        if let Some(gender) = d.gender {
            after.gender = Some(gender.as_str().to_owned());
        }
        if let Some(number) = &d.id_number {
            let hash = pii.keyed_hash(number.as_str());
            if before.id_number_hash.as_ref() != Some(&hash) {
                after.id_number_cipher = Some(pii.encrypt(number.as_str()));
                after.id_number_hash = Some(hash);
                after.id_number_last4 = Some(number.last4().to_owned());
            }
        }
        let consents = consent_changes(p, |channel| match channel {
            ConsentChannel::Sms => before.consent_sms,
            ConsentChannel::Phone => before.consent_phone,
            ConsentChannel::Email => before.consent_email,
            ConsentChannel::Wechat => before.consent_wechat,
        });
        for (channel, granted) in &consents {
            apply_consent(&mut after, *channel, *granted);
            rows.consent(actor, id, *channel, *granted, import.1, now);
        }
        let own_phones: Vec<&str> = phones
            .iter()
            .filter(|x| x.customer_id == id)
            .map(|x| x.number.as_str())
            .collect();
        let new_phones: Vec<_> = d
            .phones
            .iter()
            .filter(|x| !own_phones.contains(&x.to_string().as_str()))
            .collect();
        for phone in &new_phones {
            rows.phone(
                actor,
                id,
                phone,
                own_phones.is_empty() && rows.phones.iter().all(|r| r.customer_id != id),
                now,
            );
        }
        let own_tags: Vec<&str> = tags
            .iter()
            .filter(|t| t.customer_id == id)
            .map(|t| t.tag.as_str())
            .collect();
        let new_tags: Vec<&String> = d
            .tags
            .iter()
            .filter(|t| !own_tags.contains(&t.as_str()))
            .collect();
        for tag in &new_tags {
            rows.tag(actor, id, tag, now);
        }
        let own_cars: Vec<_> = cars
            .iter()
            .filter(|c| c.owner_customer_id == Some(id))
            .collect();
        let new_cars: Vec<_> = p
            .vehicles
            .iter()
            .filter(|v| {
                !own_cars.iter().any(|c| {
                    let existing = (
                        c.vin.as_deref(),
                        c.plate.as_deref(),
                        c.brand.as_deref(),
                        c.series.as_deref(),
                    );
                    super::apply::same_car(super::apply::car_key(v), existing)
                })
            })
            .collect();
        for v in &new_cars {
            let vehicle_id = rows.vehicle(actor, id, v, today, now);
            events.push(TimelineEvent::new(id, "vehicle.added", json!({"vehicle_id": vehicle_id, "plate": v.plate, "vin": v.vin, "brand": v.brand, "series": v.series, "model": v.model})).about("vehicle", vehicle_id));
        }
        let mut entry = AuditEntry::updated(before, &after);
        if !new_phones.is_empty() {
            entry = entry.change(
                "phones_added",
                serde_json::Value::Null,
                crate::audited::masked_numbers(new_phones.iter().map(|p| p.as_str())),
            );
        }
        if !new_tags.is_empty() {
            entry = entry.change(
                "tags_added",
                serde_json::Value::Null,
                new_tags.iter().map(|t| t.as_str()).collect::<Vec<_>>(),
            );
        }
        if !new_cars.is_empty() {
            entry = entry.change("vehicles_added", serde_json::Value::Null, new_cars.len());
        }
        if entry.is_empty() {
            written.unchanged += 1;
            continue;
        }
        entry.action = "customer.imported".into();
        audits.push(entry.change("import_id", serde_json::Value::Null, import.0.to_string()));
        events.push(TimelineEvent::new(
            id,
            "customer.imported",
            json!({"import_id": import.0, "file": import.1, "rows": p.rows, "updated": true}),
        ));
        tenant::update::<customer::Entity, _>(conn, scope, id, after, before.version, now)
            .await
            .map_err(|e| CoreError::from_db("customer", e))?;
        touched.push(id);
        written.updated += 1;
    }
    rows.insert(conn, actor).await?;
    audit::record_many(conn, actor, audits, now).await?;
    timeline::record(conn, actor, events, now).await?;
    for chunk in touched.chunks(500) {
        reindex(conn, scope, chunk).await?;
    }
    Ok(written)
}
