//! Showroom reception (展厅接待): one quick form on a phone — who came, with whom, what they
//! looked at, whether they drove, how warm they are — that creates or finds the customer and
//! opens or updates their lead in one step. The sales assistant types paper forms in bulk.
//!
//! A customer who already has a consultant (撞单) keeps them: the visit is recorded on their
//! lead, the consultant and their manager are told who received the customer, and the receiver
//! learns only whose customer it is ([`write`]).

use crate::Sales;
mod write;

pub use write::SAME_VISIT_MINUTES;

use super::catalog_names::{CarRef, CatalogNames};
use super::leads::views::LeadView;
use super::leads::{CustomerLink, LeadFields};
use crate::people::{people, person};
use chrono::{DateTime, Utc};
use forecourt_customers::access::{owner_teams, reaches};
use forecourt_customers::{OwnerView, Relation, masked_name};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::reception;
use forecourt_db::repo::customers;
use forecourt_db::repo::sales::{self, ReceptionFilter};
use forecourt_domain::FieldError;
use forecourt_domain::ids::{
    CatalogModelId, CatalogSeriesId, CustomerId, LeadId, ReceptionId, UserId,
};
use forecourt_domain::permission::Permission;
use forecourt_domain::sales::Grade;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::paging::{Paged, page_or_bad_cursor, page_request};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

pub const MAX_BULK: usize = 200;

/// Someone who came along (the spouse and the parents often decide).
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct VisitCompanion {
    /// Who they are to the customer.
    pub relation: Relation,
    /// Their name, when given (at most 50 characters).
    #[schema(max_length = 50)]
    pub name: Option<String>,
}

/// A car they looked at: from the catalog, or in words.
#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
pub struct LookedAt {
    /// A series of the dealer's catalog.
    pub series_id: Option<CatalogSeriesId>,
    /// A model of the dealer's catalog (implies its series).
    pub model_id: Option<CatalogModelId>,
    /// The car in words, when it is not in the catalog (at most 100 characters).
    #[schema(max_length = 100)]
    pub text: Option<String>,
}

/// A showroom visit as the reception form records it.
#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct NewReception {
    /// Who came: `customer_id`, or `customer` (matched by phone, else created).
    #[serde(flatten)]
    pub customer: CustomerLink,
    /// Who received them (default: the one entering the form).
    pub consultant_id: Option<UserId>,
    /// When they arrived (default: now; not in the future). Two visits of one customer less
    /// than 30 minutes apart are one visit: the second is refused with 409.
    pub arrived_at: Option<DateTime<Utc>>,
    /// When they left (after the arrival).
    pub left_at: Option<DateTime<Utc>>,
    /// How many came (1 to 20).
    #[serde(default = "one")]
    #[schema(minimum = 1, maximum = 20, default = 1)]
    pub party_size: i32,
    /// Who came along (at most 10); kept on the visit and, for the customer's consultant, on
    /// the customer.
    #[serde(default)]
    #[schema(max_items = 10)]
    pub companions: Vec<VisitCompanion>,
    /// The cars they looked at (at most 5); all are kept on the lead.
    #[serde(default)]
    #[schema(max_items = 5)]
    pub models: Vec<LookedAt>,
    /// Whether they drove a car.
    #[serde(default)]
    pub test_drive: bool,
    /// The grade after the visit: H, A, B, C, or N when too early to say.
    #[schema(schema_with = forecourt_domain::schema::starting_grade)]
    pub grade: Grade,
    /// The lead's details (the source defaults to walk-in, the car to the first one looked at).
    #[serde(default)]
    pub lead: LeadFields,
    /// Notes of the visit (at most 2,000 characters).
    #[schema(max_length = 2000)]
    pub notes: Option<String>,
}

fn one() -> i32 {
    1
}

/// The customer of a visit: their name as the caller may see it.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ReceptionCustomer {
    /// The customer's id.
    pub id: CustomerId,
    /// The name, or only the family name when the customer is not within the caller's reach.
    pub name: String,
}

/// A recorded showroom visit.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ReceptionView {
    /// The visit's id (UUIDv7).
    pub id: ReceptionId,
    /// The lead the visit is recorded on.
    pub lead_id: LeadId,
    /// The customer who came.
    pub customer: ReceptionCustomer,
    /// Who received the customer.
    pub consultant: Option<OwnerView>,
    /// When they arrived (UTC, RFC 3339).
    pub arrived_at: DateTime<Utc>,
    /// When they left (UTC, RFC 3339), if recorded.
    pub left_at: Option<DateTime<Utc>>,
    /// How many came.
    pub party_size: i32,
    /// Who came along.
    pub companions: Vec<VisitCompanion>,
    /// The cars they looked at.
    pub models: Vec<CarRef>,
    /// Whether they drove a car.
    pub test_drive: bool,
    /// The customer's first visit to the showroom.
    pub first_visit: bool,
    /// The lead's grade after the visit.
    pub grade: Grade,
    /// Notes of the visit.
    pub notes: Option<String>,
    /// Who typed the form in.
    pub entered_by: Option<OwnerView>,
}

/// What registering a visit did.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ReceptionOutcome {
    /// The visit as recorded.
    pub reception: ReceptionView,
    /// The lead the visit is on — absent when it is a colleague's lead the caller may not
    /// work (see `existing_consultant`).
    pub lead: Option<LeadView>,
    /// The customer already has this consultant (撞单): the visit is recorded on their lead,
    /// which stays theirs and is not changed by the caller; they and their manager are told.
    pub existing_consultant: Option<OwnerView>,
    /// A new customer was made (else the phone matched one).
    pub customer_created: bool,
    /// A new lead was opened (else the customer's open lead was updated).
    pub lead_created: bool,
    /// The lead was waiting for a loss (战败) to be approved: the visit withdrew that request
    /// (the requester and the approvers are told) and the lead is worked again.
    pub loss_withdrawn: bool,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct BulkReceptions {
    /// 1 to 200 forms; each is saved on its own.
    #[schema(min_items = 1, max_items = 200)]
    pub rows: Vec<NewReception>,
}

/// One paper form of a bulk entry.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct BulkReceptionRow {
    /// The form's position in `rows`.
    pub index: usize,
    /// The lead it was recorded on (absent when not saved, or a colleague's lead).
    pub lead_id: Option<LeadId>,
    /// A new customer was made.
    pub customer_created: bool,
    /// A new lead was opened.
    pub lead_created: bool,
    /// The customer's existing consultant, when the visit went on their lead.
    pub existing_consultant: Option<OwnerView>,
    /// Why the row was not saved.
    pub errors: Vec<FieldError>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct BulkReceptionOutcome {
    /// How many forms were saved.
    pub saved: usize,
    /// How many were refused (see each row's `errors`).
    pub failed: usize,
    /// One row per form, in the order sent.
    pub rows: Vec<BulkReceptionRow>,
}

#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReceptionQuery {
    /// Visits received by this consultant.
    pub consultant_id: Option<UserId>,
    /// Arrived at or after.
    pub from: Option<DateTime<Utc>>,
    /// Arrived before.
    pub to: Option<DateTime<Utc>>,
    /// Page size (1 to 200, default 50).
    #[param(schema_with = forecourt_domain::schema::page_limit::<{ forecourt_domain::paging::MAX_PAGE_SIZE }>)]
    pub limit: Option<u64>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// Views of receptions (a few queries whatever the count). A customer outside the caller's
/// reach shows only the family name.
pub async fn reception_views<C: ConnectionTrait>(
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
    let owners = owner_teams(conn, actor, customers.iter().filter_map(|c| c.owner_id)).await?;
    let catalog = CatalogNames::load(conn, actor).await?;
    Ok(found
        .iter()
        .map(|r| {
            let customer = customers.iter().find(|c| c.id == r.customer_id);
            let name = match customer {
                Some(c) if reaches(actor, Permission::CustomerRead, c, &owners) => c.name.clone(),
                Some(c) => masked_name(&c.name),
                None => String::new(),
            };
            ReceptionView {
                id: ReceptionId::from_uuid(r.id),
                lead_id: LeadId::from_uuid(r.lead_id),
                customer: ReceptionCustomer {
                    id: CustomerId::from_uuid(r.customer_id),
                    name,
                },
                consultant: person(&names, r.consultant_id),
                arrived_at: r.arrived_at,
                left_at: r.left_at,
                party_size: r.party_size,
                companions: serde_json::from_value(r.companions.clone()).unwrap_or_default(),
                models: catalog.cars(&r.models),
                test_drive: r.test_drive,
                first_visit: r.first_visit,
                grade: r.grade.parse().unwrap_or(Grade::N),
                notes: r.notes.clone(),
                entered_by: person(&names, r.entered_by),
            }
        })
        .collect())
}

impl Sales<'_> {
    /// Registers a showroom visit: the customer (found by phone or created), their lead (the
    /// open one updated, else a new one for the receiving consultant) and the visit.
    pub async fn register_reception(
        &self,
        actor: &Actor,
        input: NewReception,
    ) -> CoreResult<ReceptionOutcome> {
        actor.require(Permission::LeadCreate)?;
        let tx = self.db().begin().await?;
        let outcome = write::write_reception(self, &*tx, actor, input).await?;
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
            let tx = self.db().begin().await?;
            let failed = |errors| BulkReceptionRow {
                index,
                lead_id: None,
                customer_created: false,
                lead_created: false,
                existing_consultant: None,
                errors,
            };
            match write::write_reception(self, &*tx, actor, form).await {
                Ok(outcome) => {
                    tx.commit().await?;
                    rows.push(BulkReceptionRow {
                        index,
                        lead_id: outcome.lead.map(|l| l.id),
                        customer_created: outcome.customer_created,
                        lead_created: outcome.lead_created,
                        existing_consultant: outcome.existing_consultant,
                        errors: Vec::new(),
                    });
                }
                Err(CoreError::Validation(errors)) => rows.push(failed(errors)),
                // The same visit typed twice.
                Err(CoreError::AlreadyExists(error)) => rows.push(failed(vec![error])),
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

    /// The visits within the caller's reach (by who received them), newest first.
    pub async fn list_receptions(
        &self,
        actor: &Actor,
        query: ReceptionQuery,
    ) -> CoreResult<Paged<ReceptionView>> {
        let reach = actor.reach(Permission::LeadRead)?;
        let page = page_request(query.limit, query.cursor.as_deref())?;
        let conn = self.db().conn();
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
}
