//! A car's insurance policies: recorded and corrected by `insurance:write`, read by
//! `insurance:read`, per car and for the dealer by the day they end. A policy number is
//! unique per insurer in the dealer (409); a policy ends after it starts.

use super::{INSURER_MAX, POLICY_NO_MAX, PREMIUM_MAX_FEN, PolicyKind};
use crate::AfterSales;
use chrono::{DateTime, NaiveDate, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{insurance_policy, vehicle};
use forecourt_db::repo::{insurance, tenant};
use forecourt_domain::dates::check_year;
use forecourt_domain::ids::{CustomerId, InsurancePolicyId, VehicleId};
use forecourt_domain::paging::{DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE};
use forecourt_domain::permission::Permission;
use forecourt_domain::username::parse_name;
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::access::find_in_dealer;
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

const ENTITY: &str = "insurance_policy";

/// A policy of a car.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct PolicyView {
    pub id: InsurancePolicyId,
    /// The car.
    pub vehicle_id: VehicleId,
    /// The car's owner when the policy was recorded.
    pub customer_id: Option<CustomerId>,
    /// `compulsory` (交强险) or `commercial` (商业险).
    pub kind: PolicyKind,
    /// The insurer (保险公司).
    pub insurer: String,
    /// The policy number, unique per insurer in the dealer.
    pub policy_no: String,
    /// The premium in fen.
    pub premium_fen: i64,
    /// The first day of cover.
    pub starts_on: NaiveDate,
    /// The last day of cover.
    pub ends_on: NaiveDate,
    /// Sold (or renewed) through the dealer.
    pub sold_here: bool,
    /// When it was recorded (UTC).
    pub created_at: DateTime<Utc>,
    /// Its version; send it back with a change.
    pub version: i64,
}

/// A policy to record for a car.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewPolicy {
    /// `compulsory` (交强险) or `commercial` (商业险).
    pub kind: PolicyKind,
    /// The insurer, 1–100 characters.
    #[schema(schema_with = forecourt_domain::schema::name::<{ INSURER_MAX }>)]
    pub insurer: String,
    /// The policy number, 1–64 characters, unique per insurer in the dealer.
    #[schema(schema_with = forecourt_domain::schema::name::<{ POLICY_NO_MAX }>)]
    pub policy_no: String,
    /// The premium in fen, 0–100,000,000.
    #[schema(schema_with = forecourt_domain::schema::integer::<0, { PREMIUM_MAX_FEN }>)]
    pub premium_fen: i64,
    /// The first day of cover.
    pub starts_on: NaiveDate,
    /// The last day of cover, after `starts_on`.
    pub ends_on: NaiveDate,
    /// Sold through the dealer (default no).
    #[serde(default)]
    pub sold_here: bool,
}

/// A correction of a policy; absent fields stay.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PolicyPatch {
    /// The version read; a stale one is 409 `version_conflict`.
    pub version: i64,
    pub kind: Option<PolicyKind>,
    /// 1–100 characters.
    #[schema(schema_with = forecourt_domain::schema::name::<{ INSURER_MAX }>)]
    pub insurer: Option<String>,
    /// 1–64 characters.
    #[schema(schema_with = forecourt_domain::schema::name::<{ POLICY_NO_MAX }>)]
    pub policy_no: Option<String>,
    /// 0–100,000,000 fen.
    #[schema(schema_with = forecourt_domain::schema::integer::<0, { PREMIUM_MAX_FEN }>)]
    pub premium_fen: Option<i64>,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub sold_here: Option<bool>,
}

/// Which of the dealer's policies to list.
#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PolicyQuery {
    /// Policies ending on or after this day.
    pub ends_from: Option<NaiveDate>,
    /// Policies ending on or before this day.
    pub ends_to: Option<NaiveDate>,
    /// The `next_cursor` of the previous page.
    #[param(max_length = 100)]
    pub cursor: Option<String>,
    /// Policies per page (1–200, default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
}

/// A page of policies, soonest ending first.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct PolicyPage {
    pub items: Vec<PolicyView>,
    /// Pass as `cursor` for the next page; absent on the last.
    pub next_cursor: Option<String>,
}

/// The view of a policy row.
pub fn view(p: &insurance_policy::Model) -> PolicyView {
    PolicyView {
        id: InsurancePolicyId::from_uuid(p.id),
        vehicle_id: VehicleId::from_uuid(p.vehicle_id),
        customer_id: p.customer_id.map(CustomerId::from_uuid),
        kind: PolicyKind::parse(&p.kind).unwrap_or(PolicyKind::Commercial),
        insurer: p.insurer.clone(),
        policy_no: p.policy_no.clone(),
        premium_fen: p.premium_fen,
        starts_on: p.starts_on,
        ends_on: p.ends_on,
        sold_here: p.sold_here,
        created_at: p.created_at,
        version: p.version,
    }
}

/// A `(day, id)` cursor of a list ordered by a day, as text.
pub fn day_cursor(day: NaiveDate, id: Uuid) -> String {
    format!("{day}_{id}")
}

/// Reads a `(day, id)` cursor; a cursor of another list is 422 naming `cursor`.
pub fn parse_day_cursor(cursor: Option<&str>) -> CoreResult<Option<(NaiveDate, Uuid)>> {
    let Some(text) = cursor.map(str::trim).filter(|c| !c.is_empty()) else {
        return Ok(None);
    };
    let parsed = text
        .split_once('_')
        .and_then(|(day, id)| Some((day.parse::<NaiveDate>().ok()?, id.parse::<Uuid>().ok()?)));
    parsed.map(Some).ok_or_else(|| {
        CoreError::invalid(FieldError::new(
            "cursor",
            "invalid_cursor",
            "is not a cursor of this list",
        ))
    })
}

/// The fields of a policy given by a caller (absent: kept).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct PolicyFields<'a> {
    pub insurer: Option<&'a str>,
    pub policy_no: Option<&'a str>,
    pub premium_fen: Option<i64>,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
}

/// Checks a policy's fields into `after`, collecting every error. Used by recording,
/// correcting and renewing here.
pub(crate) fn check_fields(
    errors: &mut FieldErrors,
    prefix: &str,
    after: &mut insurance_policy::Model,
    input: PolicyFields<'_>,
) {
    let PolicyFields {
        insurer,
        policy_no,
        premium_fen,
        starts_on,
        ends_on,
    } = input;
    let field = |name: &str| format!("{prefix}{name}");
    if let Some(insurer) = insurer
        && let Some(v) = errors.check(parse_name(&field("insurer"), insurer, INSURER_MAX))
    {
        after.insurer = v;
    }
    if let Some(no) = policy_no
        && let Some(v) = errors.check(parse_name(&field("policy_no"), no, POLICY_NO_MAX))
    {
        after.policy_no = v;
    }
    if let Some(premium) = premium_fen {
        if (0..=PREMIUM_MAX_FEN).contains(&premium) {
            after.premium_fen = premium;
        } else {
            errors.push(
                FieldError::new(
                    field("premium_fen"),
                    "out_of_range",
                    "must be 0–100,000,000 fen",
                )
                .with_param("max", PREMIUM_MAX_FEN),
            );
        }
    }
    if let Some(day) = starts_on
        && let Some(v) = errors.check(check_year(&field("starts_on"), day))
    {
        after.starts_on = v;
    }
    if let Some(day) = ends_on
        && let Some(v) = errors.check(check_year(&field("ends_on"), day))
    {
        after.ends_on = v;
    }
    if after.ends_on <= after.starts_on {
        errors.push(FieldError::new(
            field("ends_on"),
            "out_of_range",
            "must be after the first day of cover",
        ));
    }
}

/// The 409 of a policy number the insurer already has in the dealer.
pub(crate) fn number_taken(field: &str) -> impl FnOnce(forecourt_db::DbError) -> CoreError {
    let field = field.to_owned();
    move |e| match e {
        forecourt_db::DbError::UniqueViolation(_) => CoreError::AlreadyExists(FieldError::new(
            &field,
            "taken",
            "this insurer already has a policy with this number",
        )),
        other => CoreError::from_db(ENTITY, other),
    }
}

/// Inserts a checked policy with its audit row, in the caller's transaction.
pub(crate) async fn insert_policy<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    model: insurance_policy::Model,
    number_field: &str,
    now: DateTime<Utc>,
) -> CoreResult<insurance_policy::Model> {
    let created =
        tenant::insert::<insurance_policy::Entity, _>(conn, actor.scope(), model.dealer_id, model)
            .await
            .map_err(number_taken(number_field))?;
    audit::record(conn, actor, AuditEntry::created(&created), now).await?;
    Ok(created)
}

impl AfterSales<'_> {
    /// Records a policy of a car of the dealer (its owner is the policy's customer). Needs
    /// `insurance:write`; another dealer's car is 404; every field is checked (422 naming
    /// each); a number the insurer already has is 409.
    pub async fn create_policy(
        &self,
        actor: &Actor,
        vehicle_id: VehicleId,
        input: NewPolicy,
    ) -> CoreResult<PolicyView> {
        let tx = self.db().begin().await?;
        let car =
            find_in_dealer::<vehicle::Entity, _>(&*tx, actor, vehicle_id.uuid(), "vehicle").await?;
        actor.require(Permission::InsuranceWrite)?;
        let now = self.now();
        let mut model = insurance_policy::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            vehicle_id: car.id,
            customer_id: car.owner_customer_id,
            kind: input.kind.as_str().to_owned(),
            insurer: String::new(),
            policy_no: String::new(),
            premium_fen: 0,
            starts_on: input.starts_on,
            ends_on: input.ends_on,
            sold_here: input.sold_here,
            created_at: now,
            updated_at: now,
            version: 1,
        };
        let mut errors = FieldErrors::new();
        check_fields(
            &mut errors,
            "",
            &mut model,
            PolicyFields {
                insurer: Some(&input.insurer),
                policy_no: Some(&input.policy_no),
                premium_fen: Some(input.premium_fen),
                starts_on: Some(input.starts_on),
                ends_on: Some(input.ends_on),
            },
        );
        errors.finish()?;
        let created = insert_policy(&*tx, actor, model, "policy_no", now).await?;
        tx.commit().await?;
        Ok(view(&created))
    }

    /// Corrects a policy. Needs `insurance:write`; another dealer's policy is 404, a stale
    /// `version` 409, a number the insurer already has 409, bad fields 422 naming each.
    pub async fn update_policy(
        &self,
        actor: &Actor,
        id: InsurancePolicyId,
        patch: PolicyPatch,
    ) -> CoreResult<PolicyView> {
        let tx = self.db().begin().await?;
        let before =
            find_in_dealer::<insurance_policy::Entity, _>(&*tx, actor, id.uuid(), ENTITY).await?;
        actor.require(Permission::InsuranceWrite)?;
        if before.version != patch.version {
            return Err(CoreError::VersionConflict { entity: ENTITY });
        }
        let mut after = before.clone();
        if let Some(kind) = patch.kind {
            after.kind = kind.as_str().to_owned();
        }
        if let Some(sold) = patch.sold_here {
            after.sold_here = sold;
        }
        let mut errors = FieldErrors::new();
        check_fields(
            &mut errors,
            "",
            &mut after,
            PolicyFields {
                insurer: patch.insurer.as_deref(),
                policy_no: patch.policy_no.as_deref(),
                premium_fen: patch.premium_fen,
                starts_on: patch.starts_on,
                ends_on: patch.ends_on,
            },
        );
        errors.finish()?;
        let now = self.now();
        let entry = AuditEntry::updated(&before, &after);
        let saved = audit::update_if_changed::<insurance_policy::Entity, _>(
            &*tx,
            actor,
            &before,
            after,
            entry,
            now,
            number_taken("policy_no"),
        )
        .await?
        .unwrap_or(before);
        tx.commit().await?;
        Ok(view(&saved))
    }

    /// A car's policies, latest ending first. Needs `insurance:read`; another dealer's car is
    /// 404.
    pub async fn vehicle_policies(
        &self,
        actor: &Actor,
        vehicle_id: VehicleId,
    ) -> CoreResult<Vec<PolicyView>> {
        let conn = self.db().conn();
        let car =
            find_in_dealer::<vehicle::Entity, _>(conn, actor, vehicle_id.uuid(), "vehicle").await?;
        actor.require(Permission::InsuranceRead)?;
        let rows = insurance::policies_of_vehicle(conn, actor.scope(), car.id).await?;
        Ok(rows.iter().map(view).collect())
    }

    /// The dealer's policies ending between two days, soonest first. Needs `insurance:read`.
    pub async fn list_policies(&self, actor: &Actor, query: PolicyQuery) -> CoreResult<PolicyPage> {
        actor.require(Permission::InsuranceRead)?;
        let mut errors = FieldErrors::new();
        for (field, day) in [("ends_from", query.ends_from), ("ends_to", query.ends_to)] {
            if let Some(day) = day {
                errors.check(check_year(field, day));
            }
        }
        errors.finish()?;
        let after = parse_day_cursor(query.cursor.as_deref())?;
        let limit = query
            .limit
            .unwrap_or(DEFAULT_PAGE_SIZE)
            .clamp(1, MAX_PAGE_SIZE);
        let mut rows = insurance::policies_ending(
            self.db().conn(),
            actor.scope(),
            query.ends_from,
            query.ends_to,
            after,
            limit + 1,
        )
        .await?;
        let next_cursor = if rows.len() as u64 > limit {
            rows.truncate(limit as usize);
            rows.last().map(|p| day_cursor(p.ends_on, p.id))
        } else {
            None
        };
        Ok(PolicyPage {
            items: rows.iter().map(view).collect(),
            next_cursor,
        })
    }
}
