//! Showroom reception (展厅接待): one quick form on a phone — who came, with whom, what they
//! looked at, whether they drove, how warm they are — that creates or finds the customer and
//! opens or updates their lead in one step. The sales assistant types paper forms in bulk.

use super::catalog_names::{CarRef, CatalogNames};
use super::leads::views::{LeadView, lead_views, people, person};
use super::leads::write::{Origin, insert_lead, link_customer, record_grade, regrade, reschedule};
use super::leads::{CustomerLink, LeadFields};
use super::settings::effective;
use crate::app::App;
use crate::audit::{self, AuditEntry};
use crate::auth::{Actor, ActorKind};
use crate::customers::timeline::{self, TimelineEvent};
use crate::customers::{OwnerView, Relation};
use crate::error::{CoreError, CoreResult};
use crate::paging::{Paged, page_or_bad_cursor, page_request};
use chrono::{DateTime, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{customer_companion, lead, reception};
use forecourt_db::repo::sales::{self, ReceptionFilter};
use forecourt_db::repo::{batched_insert, customers, leads, tenant};
use forecourt_domain::ids::{
    CatalogModelId, CatalogSeriesId, CustomerId, LeadId, ReceptionId, UserId,
};
use forecourt_domain::permission::Permission;
use forecourt_domain::sales::Grade;
use forecourt_domain::username::parse_optional_text;
use forecourt_domain::{FieldError, FieldErrors};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

pub const MAX_BULK: usize = 200;

/// Someone who came along (the spouse and the parents often decide).
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct VisitCompanion {
    pub relation: Relation,
    pub name: Option<String>,
}

/// A car they looked at: from the catalog, or in words.
#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
pub struct LookedAt {
    pub series_id: Option<CatalogSeriesId>,
    pub model_id: Option<CatalogModelId>,
    pub text: Option<String>,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct NewReception {
    #[serde(flatten)]
    pub customer: CustomerLink,
    /// Who received them (default: the one entering the form).
    pub consultant_id: Option<UserId>,
    /// Default: now.
    pub arrived_at: Option<DateTime<Utc>>,
    pub left_at: Option<DateTime<Utc>>,
    #[serde(default = "one")]
    pub party_size: i32,
    #[serde(default)]
    pub companions: Vec<VisitCompanion>,
    #[serde(default)]
    pub models: Vec<LookedAt>,
    #[serde(default)]
    pub test_drive: bool,
    /// The grade after the visit: H, A, B, C, or N when too early to say.
    pub grade: Grade,
    /// The lead's details (the source defaults to walk-in, the car to the first one looked at).
    #[serde(default)]
    pub lead: LeadFields,
    pub notes: Option<String>,
}

fn one() -> i32 {
    1
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ReceptionCustomer {
    pub id: CustomerId,
    pub name: String,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ReceptionView {
    pub id: ReceptionId,
    pub lead_id: LeadId,
    pub customer: ReceptionCustomer,
    pub consultant: Option<OwnerView>,
    pub arrived_at: DateTime<Utc>,
    pub left_at: Option<DateTime<Utc>>,
    pub party_size: i32,
    pub companions: Vec<VisitCompanion>,
    pub models: Vec<CarRef>,
    pub test_drive: bool,
    pub first_visit: bool,
    pub grade: Grade,
    pub notes: Option<String>,
    pub entered_by: Option<OwnerView>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ReceptionOutcome {
    pub reception: ReceptionView,
    pub lead: LeadView,
    /// A new customer was made (else the phone matched one).
    pub customer_created: bool,
    /// A new lead was opened (else the customer's open lead was updated).
    pub lead_created: bool,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct BulkReceptions {
    /// At most 200 forms; each is saved on its own.
    pub rows: Vec<NewReception>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct BulkReceptionRow {
    pub index: usize,
    pub lead_id: Option<LeadId>,
    pub customer_created: bool,
    pub lead_created: bool,
    /// Why the row was not saved.
    pub errors: Vec<FieldError>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct BulkReceptionOutcome {
    pub saved: usize,
    pub failed: usize,
    pub rows: Vec<BulkReceptionRow>,
}

#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReceptionQuery {
    pub consultant_id: Option<UserId>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

/// Views of receptions (two queries whatever the count).
pub(crate) async fn reception_views<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    found: &[reception::Model],
) -> CoreResult<Vec<ReceptionView>> {
    let names = people(
        conn,
        actor,
        found
            .iter()
            .flat_map(|r| r.consultant_id.into_iter().chain(r.entered_by)),
    )
    .await?;
    let mut ids: Vec<Uuid> = found.iter().map(|r| r.customer_id).collect();
    ids.sort_unstable();
    ids.dedup();
    let customers = customers::find_many(conn, actor.scope(), &ids).await?;
    let catalog = CatalogNames::load(conn, actor).await?;
    Ok(found
        .iter()
        .map(|r| {
            let models = r
                .models
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|m| {
                    let uuid = |k: &str| {
                        m.get(k)
                            .and_then(|v| v.as_str())
                            .and_then(|s| s.parse().ok())
                    };
                    catalog.car(
                        uuid("series_id"),
                        uuid("model_id"),
                        m.get("text").and_then(|t| t.as_str()),
                    )
                })
                .collect();
            ReceptionView {
                id: ReceptionId::from_uuid(r.id),
                lead_id: LeadId::from_uuid(r.lead_id),
                customer: ReceptionCustomer {
                    id: CustomerId::from_uuid(r.customer_id),
                    name: customers
                        .iter()
                        .find(|c| c.id == r.customer_id)
                        .map(|c| c.name.clone())
                        .unwrap_or_default(),
                },
                consultant: person(&names, r.consultant_id),
                arrived_at: r.arrived_at,
                left_at: r.left_at,
                party_size: r.party_size,
                companions: serde_json::from_value(r.companions.clone()).unwrap_or_default(),
                models,
                test_drive: r.test_drive,
                first_visit: r.first_visit,
                grade: r.grade.parse().unwrap_or(Grade::N),
                notes: r.notes.clone(),
                entered_by: person(&names, r.entered_by),
            }
        })
        .collect())
}

impl App {
    /// Registers a showroom visit: the customer (found by phone or created), their lead (the
    /// open one updated, else a new one for the receiving consultant) and the visit.
    pub async fn register_reception(
        &self,
        actor: &Actor,
        input: NewReception,
    ) -> CoreResult<ReceptionOutcome> {
        actor.require(Permission::LeadCreate)?;
        let tx = self.db.begin().await?;
        let (outcome, _) = self.write_reception(&*tx, actor, input).await?;
        tx.commit().await?;
        Ok(outcome)
    }

    /// Types in paper forms: each row saved on its own; the report says which failed and why.
    pub async fn register_receptions(
        &self,
        actor: &Actor,
        input: BulkReceptions,
    ) -> CoreResult<BulkReceptionOutcome> {
        actor.require(Permission::LeadCreate)?;
        if input.rows.is_empty() || input.rows.len() > MAX_BULK {
            return Err(CoreError::invalid(
                FieldError::new(
                    "rows",
                    "out_of_range",
                    format!("give 1 to {MAX_BULK} forms"),
                )
                .with_param("max", MAX_BULK),
            ));
        }
        let mut rows = Vec::with_capacity(input.rows.len());
        for (index, form) in input.rows.into_iter().enumerate() {
            let tx = self.db.begin().await?;
            match self.write_reception(&*tx, actor, form).await {
                Ok((outcome, _)) => {
                    tx.commit().await?;
                    rows.push(BulkReceptionRow {
                        index,
                        lead_id: Some(outcome.lead.id),
                        customer_created: outcome.customer_created,
                        lead_created: outcome.lead_created,
                        errors: Vec::new(),
                    });
                }
                Err(CoreError::Validation(errors)) => rows.push(BulkReceptionRow {
                    index,
                    lead_id: None,
                    customer_created: false,
                    lead_created: false,
                    errors,
                }),
                Err(other) => return Err(other),
            }
        }
        let failed = rows.iter().filter(|r| !r.errors.is_empty()).count();
        Ok(BulkReceptionOutcome {
            saved: rows.len() - failed,
            failed,
            rows,
        })
    }

    pub async fn list_receptions(
        &self,
        actor: &Actor,
        query: ReceptionQuery,
    ) -> CoreResult<Paged<ReceptionView>> {
        let reach = actor.reach(Permission::LeadRead)?;
        let page = page_request(query.limit, query.cursor.as_deref())?;
        let conn = self.db.conn();
        let filter = ReceptionFilter {
            consultant_id: query.consultant_id.map(UserId::uuid),
            lead_id: None,
            from: query.from,
            to: query.to,
        };
        let found = page_or_bad_cursor(
            sales::receptions(conn, actor.scope(), reach, &filter, &page).await?,
        )?;
        let views = reception_views(conn, actor, &found.items).await?;
        Ok(Paged {
            items: views,
            next_cursor: found.next_cursor.as_ref().map(forecourt_db::Cursor::encode),
        })
    }

    async fn write_reception<C: ConnectionTrait>(
        &self,
        tx: &C,
        actor: &Actor,
        input: NewReception,
    ) -> CoreResult<(ReceptionOutcome, reception::Model)> {
        let now = self.now();
        let settings = effective(tx, actor).await?;
        let catalog = CatalogNames::load(tx, actor).await?;
        let mut errors = FieldErrors::new();
        let consultant = match input.consultant_id {
            Some(id) => id,
            None if actor.kind() != ActorKind::System => actor.user_id(),
            None => {
                errors.push(FieldError::required("consultant_id"));
                actor.user_id()
            }
        };
        super::leads::check_new_owner(tx, actor, &mut errors, "consultant_id", consultant).await?;
        let arrived_at = input.arrived_at.unwrap_or(now);
        if arrived_at > now + chrono::Duration::minutes(5) {
            errors.push(FieldError::new(
                "arrived_at",
                "in_future",
                "must not be in the future",
            ));
        }
        if input.left_at.is_some_and(|left| left <= arrived_at) {
            errors.push(FieldError::new(
                "left_at",
                "before_arrival",
                "must be after the arrival",
            ));
        }
        if !(1..=20).contains(&input.party_size) {
            errors.push(
                FieldError::new("party_size", "out_of_range", "must be from 1 to 20")
                    .with_param("max", 20),
            );
        }
        if input.companions.len() > 10 {
            errors.push(FieldError::new(
                "companions",
                "too_many",
                "at most 10 companions",
            ));
        }
        let mut companions = Vec::new();
        for (i, c) in input.companions.iter().enumerate() {
            let name = errors
                .check(parse_optional_text(
                    &format!("companions.{i}.name"),
                    c.name.as_deref(),
                    50,
                ))
                .flatten();
            companions.push(VisitCompanion {
                relation: c.relation,
                name,
            });
        }
        if input.models.len() > 5 {
            errors.push(FieldError::new("models", "too_many", "at most 5 cars"));
        }
        let mut models = Vec::new();
        for (i, m) in input.models.iter().enumerate() {
            let (series, model) =
                catalog.check(&mut errors, &format!("models.{i}"), m.series_id, m.model_id);
            let text = errors
                .check(parse_optional_text(
                    &format!("models.{i}.text"),
                    m.text.as_deref(),
                    100,
                ))
                .flatten();
            if series.is_none() && model.is_none() && text.is_none() {
                errors.push(FieldError::new(
                    format!("models.{i}"),
                    "required",
                    "name a car from the catalog or in words",
                ));
            }
            models.push(json!({"series_id": series, "model_id": model, "text": text}));
        }
        let grade = super::leads::starting_grade("grade", Some(input.grade), &mut errors);
        let notes = errors
            .check(parse_optional_text("notes", input.notes.as_deref(), 2000))
            .flatten();
        let mut fields = input.lead.clone();
        if fields.source.is_none() {
            fields.source = Some("walk_in".to_owned());
        }
        if fields.series_id.is_none()
            && fields.model_id.is_none()
            && let Some(first) = input.models.first()
        {
            fields.series_id = first.series_id;
            fields.model_id = first.model_id;
            if first.series_id.is_none() && first.model_id.is_none() {
                fields.model_text = fields.model_text.or_else(|| first.text.clone());
            }
        }
        let mut lead_errors = FieldErrors::new();
        let draft =
            super::leads::parse_fields(tx, actor, &mut lead_errors, &catalog, &fields).await?;
        for e in lead_errors.into_vec() {
            errors.push(e.nested("lead"));
        }
        errors.finish()?;

        let owner = consultant.uuid();
        let (customer, customer_created) = link_customer(
            self,
            tx,
            actor,
            input.customer.customer_id,
            input.customer.customer,
            Some(owner),
            false,
        )
        .await?;
        let first_visit = !sales::has_visited(tx, actor.scope(), customer.id).await?;
        let open = leads::open_of_customer(tx, actor.scope(), customer.id).await?;
        let (lead, lead_created) = match open.into_iter().next() {
            Some(before) => {
                let mut after: lead::Model = before.clone();
                let change = (grade != Grade::N)
                    .then(|| regrade(actor, &mut after, grade, Origin::Reception, now))
                    .flatten();
                after.last_contact_at =
                    Some(arrived_at.max(before.last_contact_at.unwrap_or(arrived_at)));
                if after.series_id.is_none() && after.model_id.is_none() {
                    after.series_id = draft.series_id;
                    after.model_id = draft.model_id;
                }
                if after.owner_id.is_none() {
                    after.owner_id = Some(owner);
                    after.pool = None;
                }
                reschedule(&mut after, &settings, actor, arrived_at);
                let saved = tenant::update::<lead::Entity, _>(
                    tx,
                    actor.scope(),
                    before.id,
                    after,
                    before.version,
                    now,
                )
                .await
                .map_err(|e| CoreError::from_db("lead", e))?;
                record_grade(tx, actor, change).await?;
                audit::record(tx, actor, AuditEntry::updated(&before, &saved), now).await?;
                (saved, false)
            }
            None => {
                let created = insert_lead(
                    tx,
                    actor,
                    &settings,
                    &customer,
                    draft,
                    grade,
                    Some(owner),
                    Origin::Reception,
                    now,
                )
                .await?;
                (created, true)
            }
        };
        let known: Vec<String> = customers::companions_of(tx, actor.scope(), customer.id)
            .await?
            .into_iter()
            .map(|c| c.name)
            .collect();
        let new_companions: Vec<customer_companion::Model> = companions
            .iter()
            .filter_map(|c| c.name.clone().map(|n| (c.relation, n)))
            .filter(|(_, n)| !known.contains(n))
            .map(|(relation, name)| customer_companion::Model {
                id: Uuid::now_v7(),
                dealer_id: customer.dealer_id,
                customer_id: customer.id,
                relation: relation.as_str().to_owned(),
                name,
                phone: None,
                notes: None,
                created_at: now,
            })
            .collect();
        batched_insert::<customer_companion::Entity, _>(tx, actor.scope(), new_companions).await?;
        let row = reception::Model {
            id: Uuid::now_v7(),
            dealer_id: customer.dealer_id,
            customer_id: customer.id,
            lead_id: lead.id,
            consultant_id: Some(owner),
            arrived_at,
            left_at: input.left_at,
            party_size: input.party_size,
            companions: serde_json::to_value(&companions).unwrap_or_default(),
            models: serde_json::Value::Array(models),
            test_drive: input.test_drive,
            first_visit,
            grade: lead.grade.clone(),
            notes,
            entered_by: (actor.kind() != ActorKind::System).then(|| actor.user_id().uuid()),
            created_at: now,
        };
        let saved =
            tenant::insert::<reception::Entity, _>(tx, actor.scope(), row.dealer_id, row).await?;
        audit::record(
            tx,
            actor,
            AuditEntry::action("reception", "created", Some(saved.id))
                .change("lead_id", serde_json::Value::Null, lead.id.to_string())
                .change("grade", serde_json::Value::Null, saved.grade.clone()),
            now,
        )
        .await?;
        let views = reception_views(tx, actor, std::slice::from_ref(&saved)).await?;
        let view = views
            .into_iter()
            .next()
            .ok_or(CoreError::not_found("reception"))?;
        timeline::record(
            tx,
            actor,
            vec![
                TimelineEvent::new(
                    customer.id,
                    "reception.visited",
                    json!({
                        "party_size": saved.party_size,
                        "test_drive": saved.test_drive,
                        "grade": saved.grade,
                        "first_visit": first_visit,
                        "models": view.models.iter().map(|m| m.name.clone()).collect::<Vec<_>>(),
                        "consultant": view.consultant.as_ref().map(|c| c.display_name.clone()),
                    }),
                )
                .about("lead", lead.id),
            ],
            now,
        )
        .await?;
        let lead_view = lead_views(tx, actor, now, std::slice::from_ref(&lead))
            .await?
            .pop()
            .ok_or(CoreError::not_found("lead"))?;
        Ok((
            ReceptionOutcome {
                reception: view,
                lead: lead_view,
                customer_created,
                lead_created,
            },
            saved,
        ))
    }
}
