//! The lead intake API (`POST /api/v1/lead-intake`) for web forms, auto portals and the OEM:
//! authenticated by an API token, made safe to retry by an idempotency key, de-duplicated
//! against the customer's open lead, and assigned by the dealer's rules.

use super::catalog_names::CatalogNames;
use super::leads::write::{Origin, insert_lead, link_customer, lock_customer};
use super::leads::{LeadFields, choose_owner, parse_fields};
use super::settings::effective;
use crate::Sales;
use forecourt_customers::{NewCustomer, PhoneInput};
use forecourt_db::DbError;
use forecourt_db::entities::lead_intake;
use forecourt_db::repo::{leads, tenant};
use forecourt_domain::ids::LeadId;
use forecourt_domain::permission::Permission;
use forecourt_domain::sales::Grade;
use forecourt_domain::username::LONG_NAME_MAX;
use forecourt_domain::username::parse_name;
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::notifications::{Notice, notify};
use forecourt_kernel::timeline::{self, TimelineEvent};
use serde::{Deserialize, Serialize};
use serde_json::json;
use sha2::{Digest, Sha256};
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct IntakeLead {
    /// The enquirer's name as they typed it; at most 100 characters.
    #[schema(schema_with = forecourt_domain::schema::name::<{ forecourt_domain::username::LONG_NAME_MAX }>)]
    pub name: String,
    /// A mainland mobile or landline number, any spelling.
    #[schema(schema_with = forecourt_domain::schema::phone)]
    pub phone: String,
    /// What they wrote in the form.
    pub message: Option<String>,
    /// A key of the dealer's `source` list (default `web`).
    pub source: Option<String>,
    /// The catalog series they asked about.
    pub series_id: Option<forecourt_domain::ids::CatalogSeriesId>,
    /// The catalog model they asked about (a model of `series_id` when both are given).
    pub model_id: Option<forecourt_domain::ids::CatalogModelId>,
    /// The car in words, when the form does not know the catalog.
    pub model_text: Option<String>,
    /// The city they gave, if the form asks.
    pub city: Option<String>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct IntakeOutcome {
    /// The lead the enquiry is on: the new one, or the customer's open lead.
    pub lead_id: LeadId,
    /// A new lead was opened (else the customer's open lead was touched).
    pub created: bool,
    /// The same request was received before; this is its answer again.
    pub replayed: bool,
}

fn request_hash(input: &IntakeLead) -> String {
    let bytes = serde_json::to_vec(input).unwrap_or_default();
    hex::encode(Sha256::digest(&bytes))
}

/// The longest `Idempotency-Key` header (the OpenAPI document states it; a test checks that
/// the two agree).
pub const MAX_IDEMPOTENCY_KEY_LENGTH: usize = 128;

impl Sales<'_> {
    /// Takes in a lead. The same `idempotency_key` with the same body answers the first
    /// outcome again; with another body it is refused.
    pub async fn intake_lead(
        &self,
        actor: &Actor,
        idempotency_key: &str,
        input: IntakeLead,
    ) -> CoreResult<IntakeOutcome> {
        actor.require(Permission::LeadIntake)?;
        let key = idempotency_key.trim();
        if key.is_empty() || key.len() > MAX_IDEMPOTENCY_KEY_LENGTH {
            return Err(CoreError::invalid(FieldError::new(
                "idempotency-key",
                "invalid_format",
                format!(
                    "send an Idempotency-Key header of 1-{MAX_IDEMPOTENCY_KEY_LENGTH} characters"
                ),
            )));
        }
        let hash = request_hash(&input);
        if let Some(done) = self.replay(actor, key, &hash).await? {
            return Ok(done);
        }
        let tx = self.db().begin().await?;
        let settings = effective(&*tx, actor).await?;
        let catalog = CatalogNames::load(&*tx, actor).await?;
        let mut errors = FieldErrors::new();
        errors.check(parse_name("name", &input.name, LONG_NAME_MAX));
        let fields = LeadFields {
            source: Some(input.source.clone().unwrap_or_else(|| "web".to_owned())),
            series_id: input.series_id,
            model_id: input.model_id,
            model_text: input.model_text.clone(),
            notes: input.message.clone(),
            ..LeadFields::default()
        };
        let draft = parse_fields(&*tx, actor, &mut errors, &catalog, &fields).await?;
        errors.finish()?;
        let owner = choose_owner(&*tx, actor, &settings, draft.series_id).await?;
        let customer = NewCustomer::minimal(
            input.name.clone(),
            vec![PhoneInput::mobile(input.phone.clone())],
            draft.source_key.clone(),
            input.city.clone(),
        );
        let (customer, _) = link_customer(self, &*tx, actor, None, Some(customer), owner, true)
            .await
            .map_err(|e| match e {
                // The phone is the form's own field, not `customer.phones.0.number`.
                CoreError::Validation(errors) => CoreError::Validation(
                    errors
                        .into_iter()
                        .map(|mut e| {
                            e.field = e
                                .field
                                .replace("customer.phones.0.number", "phone")
                                .replace("customer.", "");
                            e
                        })
                        .collect(),
                ),
                other => other,
            })?;
        let now = self.now();
        lock_customer(&*tx, actor, customer.id).await?;
        let (lead_id, created) = match leads::open_of_customer(&*tx, actor.scope(), customer.id)
            .await?
            .first()
        {
            Some(open) => {
                // Asked again: no twin lead and no change to the consultant's lead; they see it
                // on the timeline and are told.
                if let Some(owner) = open.owner_id {
                    let mut params = serde_json::Map::new();
                    params.insert("customer".into(), customer.name.clone().into());
                    params.insert(
                        "message".into(),
                        draft.notes.clone().unwrap_or_default().into(),
                    );
                    notify(
                        &*tx,
                        actor,
                        vec![Notice {
                            user_id: owner,
                            kind: "lead.enquired_again",
                            params,
                            link: Some(format!("/leads/{}", open.id)),
                            reference: Some(("lead", open.id)),
                        }],
                        now,
                    )
                    .await?;
                }
                timeline::record(
                    &*tx,
                    actor,
                    vec![
                        TimelineEvent::new(
                            customer.id,
                            "lead.enquired_again",
                            json!({"source": draft.source_key, "message": draft.notes}),
                        )
                        .about("lead", open.id),
                    ],
                    now,
                )
                .await?;
                (open.id, false)
            }
            None => {
                let lead = insert_lead(
                    &*tx,
                    actor,
                    &settings,
                    &customer,
                    draft,
                    Grade::N,
                    owner,
                    Origin::Intake,
                    now,
                )
                .await?;
                (lead.id, true)
            }
        };
        let row = lead_intake::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            idempotency_key: key.to_owned(),
            request_hash: hash.clone(),
            lead_id,
            created,
            created_at: now,
        };
        match tenant::insert::<lead_intake::Entity, _>(&*tx, actor.scope(), row.dealer_id, row)
            .await
        {
            Ok(_) => {}
            Err(DbError::UniqueViolation(_)) => {
                // The same key raced in: the first one's answer stands.
                drop(tx);
                return self
                    .replay(actor, key, &hash)
                    .await?
                    .ok_or(CoreError::VersionConflict {
                        entity: "lead_intake",
                    });
            }
            Err(other) => return Err(other.into()),
        }
        audit::record(
            &*tx,
            actor,
            AuditEntry::action("lead", "intake", Some(lead_id)).change(
                "created",
                serde_json::Value::Null,
                created,
            ),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(IntakeOutcome {
            lead_id: LeadId::from_uuid(lead_id),
            created,
            replayed: false,
        })
    }

    async fn replay(
        &self,
        actor: &Actor,
        key: &str,
        hash: &str,
    ) -> CoreResult<Option<IntakeOutcome>> {
        match leads::intake_by_key(self.db().conn(), actor.scope(), key).await? {
            None => Ok(None),
            Some(done) if done.request_hash == hash => Ok(Some(IntakeOutcome {
                lead_id: LeadId::from_uuid(done.lead_id),
                created: done.created,
                replayed: true,
            })),
            Some(_) => Err(CoreError::invalid(FieldError::new(
                "idempotency-key",
                "key_reused",
                "was used before for a different request",
            ))),
        }
    }
}
