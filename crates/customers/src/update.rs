//! Editing a customer.

use super::access::customer_for;
use super::audited::masked_numbers;
use super::create::{check_owner, check_source, companion_rows, phone_rows, tag_rows};
use super::duplicates;
use super::index::reindex;
use super::input::{
    CustomerPatch, check_birthday, optional_email, optional_id_number, optional_text,
    parse_address, parse_companions, parse_phones, parse_tags,
};
use super::views::CustomerView;
use crate::Customers;
use forecourt_db::entities::customer;
use forecourt_db::repo::{customers, users};
use forecourt_domain::FieldErrors;
use forecourt_domain::ids::{CustomerId, UserId};
use forecourt_domain::permission::Permission;
use forecourt_domain::username::parse_name;
use forecourt_domain::username::{LONG_NAME_MAX, NAME_MAX, NOTE_MAX};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::timeline::{self, TimelineEvent};
use serde_json::json;

impl Customers<'_> {
    /// Edits a customer; lists given replace the whole list. Needs `customer.update` reaching the
    /// customer's owner (else 404), and `customer.assign` to change the owner; a stale `version` is
    /// 409 `version_conflict`, a phone or ID number of another customer 409 `possible_duplicate`
    /// unless `allow_duplicate`.
    pub async fn update_customer(
        &self,
        actor: &Actor,
        id: CustomerId,
        patch: CustomerPatch,
    ) -> CoreResult<CustomerView> {
        let tx = self.db().begin().await?;
        let before = customer_for(&*tx, actor, id, Permission::CustomerUpdate).await?;
        if before.version != patch.version {
            return Err(CoreError::VersionConflict { entity: "customer" });
        }
        let scope = actor.scope();
        let today = self.today(actor);
        let mut after = before.clone();
        let mut errors = FieldErrors::new();
        if let Some(kind) = patch.kind {
            after.kind = kind.as_str().to_owned();
        }
        if let Some(name) = &patch.name
            && let Some(name) = errors.check(parse_name("name", name, LONG_NAME_MAX))
        {
            after.name = name;
        }
        if let Some(gender) = patch.gender {
            after.gender = gender.map(|g| g.as_str().to_owned());
        }
        if let Some(birthday) = patch.birthday {
            after.birthday = check_birthday(&mut errors, birthday, today);
        }
        if let Some(email) = &patch.email {
            after.email = optional_email(&mut errors, email.as_deref());
        }
        if let Some(wechat) = &patch.wechat_id {
            after.wechat_id = optional_text(&mut errors, "wechat_id", wechat.as_deref(), NAME_MAX);
        }
        if let Some(address) = &patch.address {
            let address = parse_address(&mut errors, address);
            after.province = address.province;
            after.city = address.city;
            after.district = address.district;
            after.street = address.street;
        }
        let mut new_id_hash = None;
        if let Some(id_number) = &patch.id_number {
            let parsed = optional_id_number(&mut errors, id_number.as_deref(), today);
            after.id_number_cipher = parsed.as_ref().map(|n| self.pii().encrypt(n.as_str()));
            after.id_number_hash = parsed.as_ref().map(|n| self.pii().keyed_hash(n.as_str()));
            after.id_number_last4 = parsed.as_ref().map(|n| n.last4().to_owned());
            if after.id_number_hash != before.id_number_hash {
                new_id_hash = after.id_number_hash.clone();
            }
        }
        if let Some(occupation) = &patch.occupation {
            after.occupation =
                optional_text(&mut errors, "occupation", occupation.as_deref(), NAME_MAX);
        }
        if let Some(notes) = &patch.notes {
            after.notes = optional_text(&mut errors, "notes", notes.as_deref(), NOTE_MAX);
        }
        if let Some(source) = &patch.source {
            after.source_key = check_source(&*tx, actor, &mut errors, source.as_deref()).await?;
        }
        if let Some(owner) = patch.owner_id
            && owner.map(UserId::uuid) != before.owner_id
        {
            actor.require(Permission::CustomerAssign)?;
            if let Some(owner) = owner {
                check_owner(&*tx, actor, &mut errors, owner).await?;
            }
            after.owner_id = owner.map(UserId::uuid);
        }
        let phones = patch.phones.as_ref().map(|p| parse_phones(&mut errors, p));
        let tags = patch.tags.as_ref().map(|t| parse_tags(&mut errors, t));
        let companions = patch
            .companions
            .as_ref()
            .map(|c| parse_companions(&mut errors, c));
        errors.finish()?;

        let old_phones = customers::phones_of(&*tx, scope, &[before.id]).await?;
        let old_numbers: Vec<String> = old_phones.iter().map(|p| p.number.clone()).collect();
        let new_numbers: Option<Vec<String>> = phones
            .as_ref()
            .map(|p| p.iter().map(|(n, _)| n.to_string()).collect());
        let added: Vec<String> = new_numbers
            .iter()
            .flatten()
            .filter(|n| !old_numbers.contains(n))
            .cloned()
            .collect();
        if !patch.allow_duplicate && (!added.is_empty() || new_id_hash.is_some()) {
            let candidates = duplicates::find(
                &*tx,
                actor,
                &added,
                new_id_hash.as_deref(),
                &[],
                Some(before.id),
            )
            .await?;
            if !candidates.is_empty() {
                return Err(CoreError::PossibleDuplicate {
                    candidates: serde_json::to_value(candidates).unwrap_or_default(),
                });
            }
        }

        let now = self.now();
        let mut entry = AuditEntry::updated(&before, &after);
        // The fields the timeline names (address parts count as one).
        let mut changed: Vec<String> = entry
            .changes
            .keys()
            .map(|k| match k.as_str() {
                "province" | "city" | "district" | "street" => "address".to_owned(),
                "owner_id" => "owner".to_owned(),
                other => other.to_owned(),
            })
            .collect();
        changed.dedup();
        if let Some(numbers) = &new_numbers
            && *numbers != old_numbers
        {
            entry = entry.change(
                "phones",
                masked_numbers(old_numbers.iter().map(String::as_str)),
                masked_numbers(numbers.iter().map(String::as_str)),
            );
            changed.push("phones".to_owned());
            customers::replace_phones(
                &*tx,
                scope,
                before.id,
                phone_rows(actor, before.id, phones.as_deref().unwrap_or_default(), now),
            )
            .await?;
        }
        if let Some(tags) = &tags {
            let old: Vec<String> = customers::tags_of(&*tx, scope, &[before.id])
                .await?
                .into_iter()
                .map(|t| t.tag)
                .collect();
            if old != *tags {
                entry = entry.change("tags", old, tags.clone());
                changed.push("tags".to_owned());
                customers::replace_tags(
                    &*tx,
                    scope,
                    before.id,
                    tag_rows(actor, before.id, tags, now),
                )
                .await?;
            }
        }
        if let Some(companions) = &companions {
            entry = entry.change("companions", serde_json::Value::Null, companions.len());
            changed.push("companions".to_owned());
            customers::replace_companions(
                &*tx,
                scope,
                before.id,
                companion_rows(actor, before.id, companions, now),
            )
            .await?;
        }
        let Some(updated) = audit::update_if_changed::<customer::Entity, _>(
            &*tx,
            actor,
            &before,
            after,
            entry,
            now,
            |e| CoreError::from_db("customer", e),
        )
        .await?
        else {
            let view = self.customer_view(&*tx, actor, before).await?;
            return Ok(view);
        };
        let mut events = vec![TimelineEvent::new(
            updated.id,
            "customer.updated",
            json!({"fields": changed}),
        )];
        if updated.owner_id != before.owner_id {
            let names = users::find_many(
                &*tx,
                scope,
                &[before.owner_id, updated.owner_id]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>(),
            )
            .await?;
            let name_of = |id: Option<uuid::Uuid>| {
                id.and_then(|id| names.iter().find(|u| u.id == id))
                    .map(|u| u.display_name.clone())
            };
            events.push(TimelineEvent::new(
                updated.id,
                "owner.changed",
                json!({"from": name_of(before.owner_id), "to": name_of(updated.owner_id)}),
            ));
        }
        timeline::record(&*tx, actor, events, now).await?;
        reindex(&*tx, scope, &[updated.id]).await?;
        let view = self.customer_view(&*tx, actor, updated).await?;
        tx.commit().await?;
        Ok(view)
    }
}
