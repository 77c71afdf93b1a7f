//! Insurance policies and their renewals (续保): a car's policies, the policies coming up for
//! renewal, renewals opened once per policy (the unique index decides), the agents' open
//! loads, the filtered renewal list, the calls and quotes of a renewal and the grouped counts
//! of the renewal rate.

use crate::entities::{insurance_policy, renewal, renewal_event};
use crate::repo::tenant::TenantEntity;
use crate::repo::{Reach, owned_within_reach};
use crate::{DbError, DbResult, DealerScope};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{OnConflict, Query};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder,
    QuerySelect,
};
use std::collections::HashMap;
use uuid::Uuid;

/// A car's policies, latest ending first.
pub async fn policies_of_vehicle<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    vehicle_id: Uuid,
) -> DbResult<Vec<insurance_policy::Model>> {
    Ok(insurance_policy::Entity::scoped(scope)
        .filter(insurance_policy::Column::VehicleId.eq(vehicle_id))
        .order_by_desc(insurance_policy::Column::EndsOn)
        .order_by_desc(insurance_policy::Column::Id)
        .all(conn)
        .await?)
}

/// The dealer's policies ending between two days (inclusive), soonest first, after the
/// `(ends_on, id)` of the previous page, at most `limit`.
pub async fn policies_ending<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    after: Option<(NaiveDate, Uuid)>,
    limit: u64,
) -> DbResult<Vec<insurance_policy::Model>> {
    let mut select = insurance_policy::Entity::scoped(scope);
    if let Some(from) = from {
        select = select.filter(insurance_policy::Column::EndsOn.gte(from));
    }
    if let Some(to) = to {
        select = select.filter(insurance_policy::Column::EndsOn.lte(to));
    }
    if let Some((day, id)) = after {
        select = select.filter(
            Condition::any()
                .add(insurance_policy::Column::EndsOn.gt(day))
                .add(
                    Condition::all()
                        .add(insurance_policy::Column::EndsOn.eq(day))
                        .add(insurance_policy::Column::Id.gt(id)),
                ),
        );
    }
    Ok(select
        .order_by_asc(insurance_policy::Column::EndsOn)
        .order_by_asc(insurance_policy::Column::Id)
        .limit(limit)
        .all(conn)
        .await?)
}

/// Policies ending between `from` and `until` (inclusive) that have no renewal yet, soonest
/// first, at most `limit`.
pub async fn policies_to_renew<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    from: NaiveDate,
    until: NaiveDate,
    limit: u64,
) -> DbResult<Vec<insurance_policy::Model>> {
    let renewed = Query::select()
        .column(renewal::Column::PolicyId)
        .from(renewal::Entity)
        .and_where(renewal::Column::DealerId.eq(scope.dealer_id().uuid()))
        .to_owned();
    Ok(insurance_policy::Entity::scoped(scope)
        .filter(insurance_policy::Column::EndsOn.gte(from))
        .filter(insurance_policy::Column::EndsOn.lte(until))
        .filter(insurance_policy::Column::Id.not_in_subquery(renewed))
        .order_by_asc(insurance_policy::Column::EndsOn)
        .order_by_asc(insurance_policy::Column::Id)
        .limit(limit)
        .all(conn)
        .await?)
}

/// Every policy of some cars (to tell which policy is a car's latest of its kind).
pub async fn policies_of_vehicles<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    vehicle_ids: &[Uuid],
) -> DbResult<Vec<insurance_policy::Model>> {
    if vehicle_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(insurance_policy::Entity::scoped(scope)
        .filter(insurance_policy::Column::VehicleId.is_in(vehicle_ids.iter().copied()))
        .all(conn)
        .await?)
}

/// Opens a renewal unless its policy has one; whether this call opened it. The unique index
/// `ux_renewals_policy` decides, so two runs at once open it once.
pub async fn open_renewal<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    model: renewal::Model,
) -> DbResult<bool> {
    if model.dealer_id != scope.dealer_id().uuid() {
        return Err(DbError::Other(sea_orm::DbErr::Custom(
            "refusing to insert a row of another dealer".to_owned(),
        )));
    }
    let inserted = renewal::Entity::insert(model.into_active_model())
        .on_conflict(
            OnConflict::columns([renewal::Column::DealerId, renewal::Column::PolicyId])
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(conn)
        .await?;
    Ok(inserted == 1)
}

/// Open renewals whose call task was cancelled (the manager approved it), at most `limit`.
pub async fn renewals_with_cancelled_task<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    limit: u64,
) -> DbResult<Vec<renewal::Model>> {
    let cancelled = Query::select()
        .column(crate::entities::activity::Column::Id)
        .from(crate::entities::activity::Entity)
        .and_where(crate::entities::activity::Column::DealerId.eq(scope.dealer_id().uuid()))
        .and_where(crate::entities::activity::Column::Status.eq("cancelled"))
        .to_owned();
    Ok(renewal::Entity::scoped(scope)
        .filter(renewal::Column::Status.eq("open"))
        .filter(renewal::Column::TaskId.in_subquery(cancelled))
        .limit(limit)
        .all(conn)
        .await?)
}

/// The renewal of a policy, if one was opened.
pub async fn renewal_of_policy<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    policy_id: Uuid,
) -> DbResult<Option<renewal::Model>> {
    Ok(renewal::Entity::scoped(scope)
        .filter(renewal::Column::PolicyId.eq(policy_id))
        .one(conn)
        .await?)
}

/// The agent of the car's latest renewal other than `except`, if it had one.
pub async fn previous_agent<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    vehicle_id: Uuid,
    except: Uuid,
) -> DbResult<Option<Uuid>> {
    Ok(renewal::Entity::scoped(scope)
        .filter(renewal::Column::VehicleId.eq(vehicle_id))
        .filter(renewal::Column::Id.ne(except))
        .filter(renewal::Column::AgentId.is_not_null())
        .order_by_desc(renewal::Column::DueOn)
        .order_by_desc(renewal::Column::Id)
        .one(conn)
        .await?
        .and_then(|r| r.agent_id))
}

/// Each agent's open renewals and when they were last given one: `agent → (open, latest)`.
pub async fn agent_loads<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    agents: &[Uuid],
) -> DbResult<HashMap<Uuid, (i64, Option<DateTime<Utc>>)>> {
    let mut out: HashMap<Uuid, (i64, Option<DateTime<Utc>>)> = HashMap::new();
    if agents.is_empty() {
        return Ok(out);
    }
    let open: Vec<(Option<Uuid>, i64)> = renewal::Entity::scoped(scope)
        .filter(renewal::Column::AgentId.is_in(agents.iter().copied()))
        .filter(renewal::Column::Status.eq("open"))
        .select_only()
        .column(renewal::Column::AgentId)
        .column_as(renewal::Column::Id.count(), "n")
        .group_by(renewal::Column::AgentId)
        .into_tuple()
        .all(conn)
        .await?;
    for (agent, n) in open {
        if let Some(agent) = agent {
            out.entry(agent).or_default().0 = n;
        }
    }
    let latest: Vec<(Option<Uuid>, Option<DateTime<Utc>>)> = renewal::Entity::scoped(scope)
        .filter(renewal::Column::AgentId.is_in(agents.iter().copied()))
        .select_only()
        .column(renewal::Column::AgentId)
        .column_as(renewal::Column::UpdatedAt.max(), "latest")
        .group_by(renewal::Column::AgentId)
        .into_tuple()
        .all(conn)
        .await?;
    for (agent, at) in latest {
        if let Some(agent) = agent {
            out.entry(agent).or_default().1 = at;
        }
    }
    Ok(out)
}

/// Which renewals to list.
#[derive(Clone, Debug, Default)]
pub struct RenewalFilter {
    pub status: Option<String>,
    pub agent_id: Option<Uuid>,
    pub due_from: Option<NaiveDate>,
    pub due_to: Option<NaiveDate>,
}

/// A page of renewals within the reach (by agent), by due day then id, after the previous
/// page's `(due_on, id)`, at most `limit`.
pub async fn list_renewals<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    reach: Reach,
    filter: &RenewalFilter,
    after: Option<(NaiveDate, Uuid)>,
    limit: u64,
) -> DbResult<Vec<renewal::Model>> {
    let mut select = owned_within_reach(
        renewal::Entity::scoped(scope),
        scope,
        reach,
        renewal::Column::AgentId,
    );
    if let Some(status) = &filter.status {
        select = select.filter(renewal::Column::Status.eq(status.as_str()));
    }
    if let Some(agent) = filter.agent_id {
        select = select.filter(renewal::Column::AgentId.eq(agent));
    }
    if let Some(from) = filter.due_from {
        select = select.filter(renewal::Column::DueOn.gte(from));
    }
    if let Some(to) = filter.due_to {
        select = select.filter(renewal::Column::DueOn.lte(to));
    }
    if let Some((day, id)) = after {
        select = select.filter(
            Condition::any().add(renewal::Column::DueOn.gt(day)).add(
                Condition::all()
                    .add(renewal::Column::DueOn.eq(day))
                    .add(renewal::Column::Id.gt(id)),
            ),
        );
    }
    Ok(select
        .order_by_asc(renewal::Column::DueOn)
        .order_by_asc(renewal::Column::Id)
        .limit(limit)
        .all(conn)
        .await?)
}

/// The calls and quotes of a renewal, oldest first.
pub async fn events_of<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    renewal_id: Uuid,
) -> DbResult<Vec<renewal_event::Model>> {
    Ok(renewal_event::Entity::scoped(scope)
        .filter(renewal_event::Column::RenewalId.eq(renewal_id))
        .order_by_asc(renewal_event::Column::At)
        .order_by_asc(renewal_event::Column::Id)
        .all(conn)
        .await?)
}

/// Renewals counted by agent, due day and status, for those due between two days
/// (inclusive) within the reach: `(agent, due_on, status, count)`.
pub async fn rate_counts<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    reach: Reach,
    from: NaiveDate,
    to: NaiveDate,
) -> DbResult<Vec<(Option<Uuid>, NaiveDate, String, i64)>> {
    let select = owned_within_reach(
        renewal::Entity::scoped(scope),
        scope,
        reach,
        renewal::Column::AgentId,
    );
    Ok(select
        .filter(renewal::Column::DueOn.gte(from))
        .filter(renewal::Column::DueOn.lte(to))
        .select_only()
        .column(renewal::Column::AgentId)
        .column(renewal::Column::DueOn)
        .column(renewal::Column::Status)
        .column_as(renewal::Column::Id.count(), "n")
        .group_by(renewal::Column::AgentId)
        .group_by(renewal::Column::DueOn)
        .group_by(renewal::Column::Status)
        .into_tuple()
        .all(conn)
        .await?)
}
