//! Recording consent to be contacted, per channel, with how and when (PIPL).

use super::access::customer_for;
use super::create::{apply_consent, consent_row};
use super::input::ConsentInput;
use super::views::CustomerView;
use crate::Customers;
use forecourt_db::entities::{customer, customer_consent_event};
use forecourt_db::repo::batched_insert;
use forecourt_domain::FieldErrors;
use forecourt_domain::ids::CustomerId;
use forecourt_domain::permission::Permission;
use forecourt_domain::username::REASON_MAX;
use forecourt_domain::username::parse_optional_text;
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::timeline::{self, TimelineEvent};
use serde::Deserialize;
use serde_json::json;
use utoipa::ToSchema;

/// A customer gave or withdrew consent for a channel.
#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct ConsentChange {
    /// The customer's version last read; a stale one is refused with 409 `version_conflict`.
    pub version: i64,
    /// The channel and the answer; the note is at most 200 characters.
    #[serde(flatten)]
    pub consent: ConsentInput,
}

impl Customers<'_> {
    /// Records that a customer gave or withdrew consent for a channel, with how and when, in the
    /// consent history. Needs `customer.update` reaching the customer's owner (else 404); a stale
    /// `version` is 409 `version_conflict`.
    pub async fn record_consent(
        &self,
        actor: &Actor,
        id: CustomerId,
        change: ConsentChange,
    ) -> CoreResult<CustomerView> {
        let tx = self.db().begin().await?;
        let before = customer_for(&*tx, actor, id, Permission::CustomerUpdate).await?;
        if before.version != change.version {
            return Err(CoreError::VersionConflict { entity: "customer" });
        }
        let mut errors = FieldErrors::new();
        let note = errors
            .check(parse_optional_text(
                "note",
                change.consent.note.as_deref(),
                REASON_MAX,
            ))
            .flatten();
        errors.finish()?;
        let now = self.now();
        let mut after = before.clone();
        apply_consent(&mut after, change.consent.channel, change.consent.granted);
        let event = consent_row(actor, before.id, &change.consent, note, now);
        batched_insert::<customer_consent_event::Entity, _>(&*tx, actor.scope(), vec![event])
            .await?;
        let channel = change.consent.channel.as_str();
        let entry = AuditEntry::action("customer", "consent_changed", Some(before.id)).change(
            &format!("consent_{channel}"),
            json!({"granted": consent_flag(&before, change.consent.channel)}),
            json!({"granted": change.consent.granted, "method": change.consent.method.as_str()}),
        );
        let updated =
            audit::save::<customer::Entity, _>(&*tx, actor, &before, after, entry, now, |e| {
                CoreError::from_db("customer", e)
            })
            .await?;
        let data = json!({"channel": channel, "granted": change.consent.granted, "method": change.consent.method.as_str()});
        timeline::record(
            &*tx,
            actor,
            vec![TimelineEvent::new(before.id, "consent.changed", data)],
            now,
        )
        .await?;
        let view = self.customer_view(&*tx, actor, updated).await?;
        tx.commit().await?;
        Ok(view)
    }
}

fn consent_flag(customer: &customer::Model, channel: super::ConsentChannel) -> Option<bool> {
    use super::ConsentChannel::*;
    match channel {
        Sms => customer.consent_sms,
        Phone => customer.consent_phone,
        Email => customer.consent_email,
        Wechat => customer.consent_wechat,
    }
}
