//! Trade-in appraisals (二手车评估): a customer's own car (from their vehicles), its mileage and
//! condition, the value offered and until when the offer stands. A quote applies a valid one
//! as its trade-in line.

use crate::Deal;
use chrono::{DateTime, Days, NaiveDate, Utc};
use forecourt_db::entities::{appraisal, vehicle};
use forecourt_db::repo::{Reach, deal, tenant};
use forecourt_domain::ids::{AppraisalId, CustomerId, UserId};
use forecourt_domain::permission::Permission;
use forecourt_domain::quote_price::check_amount;
use forecourt_domain::username::parse_optional_text;
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::CoreResult;
use forecourt_kernel::paging::{Paged, page_or_bad_cursor, page_request};
use forecourt_kernel::timeline::{self, TimelineEvent};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// The longest condition notes.
pub const NOTES_MAX: usize = 1000;
/// The most kilometres on a clock.
pub const MILEAGE_MAX: i32 = 2_000_000;

/// A new appraisal.
#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct NewAppraisal {
    pub customer_id: CustomerId,
    /// One of the customer's own vehicles.
    pub vehicle_id: Uuid,
    #[schema(minimum = 0, maximum = 2000000)]
    pub mileage_km: Option<i32>,
    /// What the appraiser saw; at most 1000 characters.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ NOTES_MAX }>)]
    pub condition_notes: Option<String>,
    /// The value offered, fen.
    #[schema(minimum = 0, maximum = 10000000000_i64)]
    pub value_fen: i64,
    /// The last day the offer stands (today to a year ahead; default a week).
    pub valid_until: Option<NaiveDate>,
}

/// An appraisal.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct AppraisalView {
    pub id: AppraisalId,
    pub customer_id: CustomerId,
    pub vehicle_id: Uuid,
    /// The car as the customer's file names it (plate, or brand and model).
    pub vehicle_label: String,
    pub appraiser_id: Option<UserId>,
    pub mileage_km: Option<i32>,
    pub condition_notes: Option<String>,
    pub value_fen: i64,
    pub valid_until: NaiveDate,
    /// Past its validity: it can no longer be applied to a quote.
    pub expired: bool,
    pub created_at: DateTime<Utc>,
    pub version: i64,
}

#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AppraisalQuery {
    pub customer_id: Option<CustomerId>,
    #[param(schema_with = forecourt_domain::schema::page_limit::<{ forecourt_domain::paging::MAX_PAGE_SIZE }>)]
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

fn label(v: Option<&vehicle::Model>) -> String {
    let Some(v) = v else { return String::new() };
    let words: Vec<&str> = [
        v.plate.as_deref(),
        v.brand.as_deref(),
        v.series.as_deref(),
        v.model.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    words.join(" ")
}

fn view(a: &appraisal::Model, v: Option<&vehicle::Model>, today: NaiveDate) -> AppraisalView {
    AppraisalView {
        id: AppraisalId::from_uuid(a.id),
        customer_id: CustomerId::from_uuid(a.customer_id),
        vehicle_id: a.vehicle_id,
        vehicle_label: label(v),
        appraiser_id: a.appraiser_id.map(UserId::from_uuid),
        mileage_km: a.mileage_km,
        condition_notes: a.condition_notes.clone(),
        value_fen: a.value_fen,
        valid_until: a.valid_until,
        expired: a.valid_until < today,
        created_at: a.created_at,
        version: a.version,
    }
}

impl Deal<'_> {
    /// Appraises a customer's car for trade-in. The car must be the customer's own (a car of
    /// another customer is 422 `vehicle_id`).
    pub async fn create_appraisal(
        &self,
        actor: &Actor,
        input: NewAppraisal,
    ) -> CoreResult<AppraisalView> {
        let tx = self.db().begin().await?;
        let customer = forecourt_customers::access::customer_for(
            &*tx,
            actor,
            input.customer_id,
            Permission::CustomerRead,
        )
        .await?;
        actor.require(Permission::AppraisalWrite)?;
        let today = self.today(actor);
        let mut errors = FieldErrors::new();
        let car = tenant::find::<vehicle::Entity, _>(&*tx, actor.scope(), input.vehicle_id).await?;
        match &car {
            None => errors.push(FieldError::new(
                "vehicle_id",
                "not_found",
                "is not a vehicle",
            )),
            Some(v) if v.owner_customer_id != Some(customer.id) => errors.push(FieldError::new(
                "vehicle_id",
                "other_customer",
                "is not this customer's vehicle",
            )),
            Some(_) => {}
        }
        if input
            .mileage_km
            .is_some_and(|m| !(0..=MILEAGE_MAX).contains(&m))
        {
            errors.push(FieldError::new(
                "mileage_km",
                "out_of_range",
                "must be 0–2000000",
            ));
        }
        let notes = errors
            .check(parse_optional_text(
                "condition_notes",
                input.condition_notes.as_deref(),
                NOTES_MAX,
            ))
            .flatten();
        errors.check(check_amount("value_fen", input.value_fen));
        let valid_until = input.valid_until.unwrap_or(today + Days::new(7));
        if valid_until < today {
            errors.push(FieldError::new("valid_until", "in_past", "is before today"));
        } else if valid_until > today + Days::new(366) {
            errors.push(FieldError::new(
                "valid_until",
                "too_far",
                "is more than a year ahead",
            ));
        }
        errors.finish()?;
        let now = self.now();
        let row = appraisal::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            customer_id: customer.id,
            vehicle_id: input.vehicle_id,
            appraiser_id: Some(actor.user_id().uuid()),
            mileage_km: input.mileage_km,
            condition_notes: notes,
            value_fen: input.value_fen,
            valid_until,
            created_at: now,
            updated_at: now,
            version: 1,
        };
        let saved =
            tenant::insert::<appraisal::Entity, _>(&*tx, actor.scope(), row.dealer_id, row).await?;
        audit::record(&*tx, actor, AuditEntry::created(&saved), now).await?;
        timeline::record(
            &*tx,
            actor,
            vec![
                TimelineEvent::new(
                    saved.customer_id,
                    "appraisal.created",
                    json!({"value_fen": saved.value_fen, "valid_until": saved.valid_until}),
                )
                .about("appraisal", saved.id),
            ],
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(view(&saved, car.as_ref(), today))
    }

    /// One appraisal (within the reach of reading appraisals, by appraiser).
    pub async fn get_appraisal(&self, actor: &Actor, id: AppraisalId) -> CoreResult<AppraisalView> {
        let conn = self.db().conn();
        let a = forecourt_kernel::access::held_record_for::<appraisal::Entity, _>(
            conn,
            actor,
            id.uuid(),
            "appraisal",
            Permission::AppraisalRead,
            Permission::AppraisalRead,
            |a| a.appraiser_id,
        )
        .await?;
        let car = tenant::find::<vehicle::Entity, _>(conn, actor.scope(), a.vehicle_id).await?;
        Ok(view(&a, car.as_ref(), self.today(actor)))
    }

    /// Appraisals, newest first: a customer's (for a quote's trade-in) or all within reach.
    /// A consultant who may work the customer sees the customer's appraisals whoever made
    /// them; otherwise the reach is by appraiser.
    pub async fn list_appraisals(
        &self,
        actor: &Actor,
        query: AppraisalQuery,
    ) -> CoreResult<Paged<AppraisalView>> {
        let conn = self.db().conn();
        let mut reach = actor.reach(Permission::AppraisalRead)?;
        if let Some(customer_id) = query.customer_id {
            forecourt_customers::access::customer_for(
                conn,
                actor,
                customer_id,
                Permission::CustomerRead,
            )
            .await?;
            reach = Reach::Dealer;
        }
        let page = page_request(query.limit, query.cursor.as_deref())?;
        let page = page_or_bad_cursor(
            deal::appraisals_of_customer(
                conn,
                actor.scope(),
                reach,
                query.customer_id.map(CustomerId::uuid),
                &page,
            )
            .await?,
        )?;
        let cars = tenant::find_many::<vehicle::Entity, _>(
            conn,
            actor.scope(),
            &page.items.iter().map(|a| a.vehicle_id).collect::<Vec<_>>(),
        )
        .await?;
        let today = self.today(actor);
        Ok(Paged::from_page(page, |a| {
            let car = cars.iter().find(|c| c.id == a.vehicle_id);
            view(&a, car, today)
        }))
    }
}
