//! Merging two records of one customer. The user picks, field by field, which value survives;
//! phones and tags are united; companions, consent history, cars, the timeline and every record
//! later modules attach move to the survivor. The merged-away record stays, marked as merged
//! into the survivor, so old links and ids lead there.

use super::access::customer_for;
use super::audited::masked_numbers;
use super::create::{phone_rows, tag_rows};
use super::index::reindex;
use super::views::CustomerView;
use crate::Customers;
use forecourt_db::entities::customer;
use forecourt_db::repo::{customers, tenant};
use forecourt_domain::FieldError;
use forecourt_domain::ids::CustomerId;
use forecourt_domain::permission::Permission;
use forecourt_domain::phone::Phone;
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::timeline::{self, TimelineEvent};
use serde::Deserialize;
use serde_json::json;
use std::collections::BTreeMap;
use utoipa::ToSchema;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FieldChoice {
    Survivor,
    Merged,
}

/// The profile fields a merge chooses between.
pub const MERGE_FIELDS: [&str; 12] = [
    "kind",
    "name",
    "gender",
    "birthday",
    "wechat_id",
    "email",
    "address",
    "id_number",
    "occupation",
    "notes",
    "source",
    "owner",
];

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct MergeRequest {
    /// The customer that stays.
    pub survivor_id: CustomerId,
    /// The survivor's version last read; a stale one is refused with 409 `version_conflict`.
    pub survivor_version: i64,
    /// The duplicate that is merged into the survivor and then answers 410 `merged`.
    pub merged_id: CustomerId,
    /// The merged customer's version last read; a stale one is refused with 409 `version_conflict`.
    pub merged_version: i64,
    /// Per field, whose value to keep. Unnamed fields keep the survivor's value, or the merged
    /// record's where the survivor has none.
    #[serde(default)]
    pub choices: BTreeMap<String, FieldChoice>,
}

fn pick<T: Clone>(
    choice: Option<FieldChoice>,
    survivor: &Option<T>,
    merged: &Option<T>,
) -> Option<T> {
    match choice {
        Some(FieldChoice::Merged) => merged.clone(),
        Some(FieldChoice::Survivor) => survivor.clone(),
        None => survivor.clone().or_else(|| merged.clone()),
    }
}

impl Customers<'_> {
    /// Merges a duplicate customer into another: per field the chosen value is kept, and the
    /// duplicate's phones and linked records move to the survivor. Needs `customer.merge` reaching
    /// both customers (else 404); a stale version of either is 409 `version_conflict`, merging a
    /// customer into itself 422.
    pub async fn merge_customers(
        &self,
        actor: &Actor,
        request: MergeRequest,
    ) -> CoreResult<CustomerView> {
        if request.survivor_id == request.merged_id {
            return Err(CoreError::invalid(FieldError::new(
                "merged_id",
                "same_customer",
                "cannot merge a customer into itself",
            )));
        }
        if let Some(unknown) = request
            .choices
            .keys()
            .find(|k| !MERGE_FIELDS.contains(&k.as_str()))
        {
            return Err(CoreError::invalid(FieldError::new(
                format!("choices.{unknown}"),
                "invalid_value",
                "is not a field that can be chosen",
            )));
        }
        let tx = self.db().begin().await?;
        let survivor =
            customer_for(&*tx, actor, request.survivor_id, Permission::CustomerMerge).await?;
        let merged =
            customer_for(&*tx, actor, request.merged_id, Permission::CustomerMerge).await?;
        if survivor.version != request.survivor_version || merged.version != request.merged_version
        {
            return Err(CoreError::VersionConflict { entity: "customer" });
        }
        let choice = |field: &str| request.choices.get(field).copied();
        let scope = actor.scope();
        let now = self.now();

        let mut after = survivor.clone();
        if choice("kind") == Some(FieldChoice::Merged) {
            after.kind = merged.kind.clone();
        }
        if choice("name") == Some(FieldChoice::Merged) {
            after.name = merged.name.clone();
        }
        after.gender = pick(choice("gender"), &survivor.gender, &merged.gender);
        after.birthday = pick(choice("birthday"), &survivor.birthday, &merged.birthday);
        after.wechat_id = pick(choice("wechat_id"), &survivor.wechat_id, &merged.wechat_id);
        after.email = pick(choice("email"), &survivor.email, &merged.email);
        let address_from_merged = match choice("address") {
            Some(FieldChoice::Merged) => true,
            Some(FieldChoice::Survivor) => false,
            None => {
                survivor.province.is_none() && survivor.city.is_none() && survivor.street.is_none()
            }
        };
        if address_from_merged {
            after.province = merged.province.clone();
            after.city = merged.city.clone();
            after.district = merged.district.clone();
            after.street = merged.street.clone();
        }
        let id_from_merged = match choice("id_number") {
            Some(FieldChoice::Merged) => true,
            Some(FieldChoice::Survivor) => false,
            None => survivor.id_number_hash.is_none(),
        };
        if id_from_merged {
            after.id_number_cipher = merged.id_number_cipher.clone();
            after.id_number_hash = merged.id_number_hash.clone();
            after.id_number_last4 = merged.id_number_last4.clone();
        }
        after.occupation = pick(
            choice("occupation"),
            &survivor.occupation,
            &merged.occupation,
        );
        after.notes = match (choice("notes"), &survivor.notes, &merged.notes) {
            (Some(FieldChoice::Merged), _, m) => m.clone(),
            (Some(FieldChoice::Survivor), s, _) => s.clone(),
            (None, Some(s), Some(m)) if s != m => Some(format!("{s}\n{m}")),
            (None, s, m) => s.clone().or_else(|| m.clone()),
        };
        after.source_key = pick(choice("source"), &survivor.source_key, &merged.source_key);
        if choice("owner") == Some(FieldChoice::Merged)
            || (choice("owner").is_none() && survivor.owner_id.is_none())
        {
            after.owner_id = merged.owner_id;
        }
        // Consent: a channel's state follows whichever record says something, survivor first;
        // the full history of both is kept.
        after.consent_sms = survivor.consent_sms.or(merged.consent_sms);
        after.consent_phone = survivor.consent_phone.or(merged.consent_phone);
        after.consent_email = survivor.consent_email.or(merged.consent_email);
        after.consent_wechat = survivor.consent_wechat.or(merged.consent_wechat);

        // Phones and tags: the union, survivor's first.
        let ids = [survivor.id, merged.id];
        let all_phones = customers::phones_of(&*tx, scope, &ids).await?;
        let mut phones = Vec::new();
        for owner in ids {
            for p in all_phones.iter().filter(|p| p.customer_id == owner) {
                if let Ok(phone) = Phone::parse("phone", &p.number)
                    && !phones.iter().any(|(existing, _)| *existing == phone)
                {
                    let label =
                        super::PhoneLabel::from_db(&p.label).unwrap_or(super::PhoneLabel::Other);
                    phones.push((phone, label));
                }
            }
        }
        let all_tags = customers::tags_of(&*tx, scope, &ids).await?;
        let mut tags: Vec<String> = Vec::new();
        for owner in ids {
            for t in all_tags.iter().filter(|t| t.customer_id == owner) {
                if !tags.contains(&t.tag) {
                    tags.push(t.tag.clone());
                }
            }
        }
        customers::replace_phones(&*tx, scope, merged.id, Vec::new()).await?;
        customers::replace_tags(&*tx, scope, merged.id, Vec::new()).await?;
        customers::replace_phones(
            &*tx,
            scope,
            survivor.id,
            phone_rows(actor, survivor.id, &phones, now),
        )
        .await?;
        customers::replace_tags(
            &*tx,
            scope,
            survivor.id,
            tag_rows(actor, survivor.id, &tags, now),
        )
        .await?;
        for module in forecourt_kernel::module::installed() {
            module
                .before_customer_merge(forecourt_kernel::module::CustomerMerge {
                    conn: &tx,
                    actor,
                    survivor: survivor.id,
                    merged: merged.id,
                    now,
                })
                .await?;
        }
        customers::move_references(
            &*tx,
            scope,
            &forecourt_kernel::module::customer_references(),
            merged.id,
            survivor.id,
        )
        .await?;

        let mut gone = merged.clone();
        gone.status = customers::MERGED.to_owned();
        gone.merged_into_id = Some(survivor.id);
        let gone = tenant::update::<customer::Entity, _>(
            &*tx,
            scope,
            merged.id,
            gone,
            merged.version,
            now,
        )
        .await
        .map_err(|e| CoreError::from_db("customer", e))?;
        let survivor_entry = AuditEntry::updated(&survivor, &after);
        let updated = tenant::update::<customer::Entity, _>(
            &*tx,
            scope,
            survivor.id,
            after,
            survivor.version,
            now,
        )
        .await
        .map_err(|e| CoreError::from_db("customer", e))?;

        let mut entry = AuditEntry::action("customer", "merged", Some(updated.id))
            .change("merged_id", serde_json::Value::Null, merged.id.to_string())
            .change(
                "phones",
                serde_json::Value::Null,
                masked_numbers(phones.iter().map(|(p, _)| p.as_str())),
            );
        entry.changes.extend(survivor_entry.changes);
        audit::record(&*tx, actor, entry, now).await?;
        audit::record(
            &*tx,
            actor,
            AuditEntry::action("customer", "merged_into", Some(gone.id)).change(
                "merged_into_id",
                serde_json::Value::Null,
                updated.id.to_string(),
            ),
            now,
        )
        .await?;
        let data = json!({"merged_id": merged.id, "merged_name": merged.name});
        timeline::record(
            &*tx,
            actor,
            vec![
                TimelineEvent::new(updated.id, "customer.merged", data)
                    .about("customer", merged.id),
            ],
            now,
        )
        .await?;
        reindex(&*tx, scope, &[updated.id, gone.id]).await?;
        let view = self.customer_view(&*tx, actor, updated).await?;
        tx.commit().await?;
        Ok(view)
    }
}
