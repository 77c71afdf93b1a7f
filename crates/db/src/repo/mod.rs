//! Tenant-scoped queries, one module per area. Functions take any connection (the pool or a
//! [`crate::WriteTx`]) and, for tenant-owned rows, a [`crate::DealerScope`].

pub mod activities;
pub mod api_tokens;
pub mod approvals;
pub mod audit;
pub mod care;
pub mod catalog;
pub mod counters;
pub mod customers;
pub mod deal;
pub mod imports;
pub mod insurance;
pub mod jobs;
pub mod leads;
pub mod locks;
pub mod login_attempts;
pub mod lookups;
pub mod messages;
pub mod notifications;
pub mod orders;
pub mod org;
pub mod pipeline;
pub mod repair_orders;
pub mod roles;
pub mod sales;
pub mod sales_report;
pub mod saved_views;
pub mod search_index;
pub mod service;
pub mod service_report;
pub mod sessions;
pub mod stock;
pub mod tenant;
pub mod test_drives;
pub mod timeline;
pub mod users;
pub mod vehicles;

use crate::entities::{
    activity, activity_alarm, activity_participant, approval_request, calendar_feed,
    message_delivery, message_template, notification, outbound_message, work_setting,
};
use crate::entities::{
    api_token, audit_event, catalog_brand, catalog_model, catalog_series, customer,
    customer_companion, customer_consent_event, customer_event, customer_phone, customer_tag,
    department, import, import_mapping, lookup, mileage_reading, role, saved_view, search_term,
    team, user, vehicle, vehicle_ownership,
};
use crate::entities::{
    appraisal, config_group, config_item, config_item_price, config_package_item, deal_setting,
    finance_event, order, order_invoice, order_payment, order_refund, order_schedule_item,
    order_setting, quote, quote_line,
};
use crate::entities::{
    care_calendar_day, care_setting, complaint, complaint_escalation, complaint_event,
    complaint_pause, complaint_sla_target,
};
use crate::entities::{
    insurance_policy, maintenance_plan, parts_price, renewal, renewal_event, repair_order,
    repair_order_labour, repair_order_part, service_appointment, service_due, service_due_notice,
    service_setting, technician_clock,
};
use crate::entities::{
    lead, lead_assignment_rule, lead_follow_up, lead_grade_change, lead_intake, opportunity,
    opportunity_stage_change, pipeline_stage, reception, sales_setting, test_drive_booking,
    test_drive_car,
};
use crate::{DbError, DbResult, DealerScope};
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, IntoActiveModel};

crate::tenant_entity!(search_term, dealer_rows);
crate::tenant_entity!(department, versioned);
crate::tenant_entity!(team, versioned);
crate::tenant_entity!(user, versioned);
crate::tenant_entity!(role, versioned);
crate::tenant_entity!(api_token, versioned);
crate::tenant_entity!(audit_event);
crate::tenant_entity!(catalog_brand, versioned);
crate::tenant_entity!(catalog_series, versioned);
crate::tenant_entity!(catalog_model, versioned);
crate::tenant_entity!(lookup, versioned);
crate::tenant_entity!(customer, versioned);
crate::tenant_entity!(customer_phone);
crate::tenant_entity!(customer_tag);
crate::tenant_entity!(customer_companion);
crate::tenant_entity!(customer_consent_event);
crate::tenant_entity!(customer_event);
crate::tenant_entity!(vehicle, versioned);
crate::tenant_entity!(vehicle_ownership);
crate::tenant_entity!(mileage_reading);
crate::tenant_entity!(saved_view, versioned);
crate::tenant_entity!(import, versioned);
crate::tenant_entity!(import_mapping, versioned);
crate::tenant_entity!(sales_setting, versioned);
crate::tenant_entity!(lead_assignment_rule, versioned);
crate::tenant_entity!(lead, versioned);
crate::tenant_entity!(lead_grade_change);
crate::tenant_entity!(lead_follow_up);
crate::tenant_entity!(reception);
crate::tenant_entity!(lead_intake);
crate::tenant_entity!(pipeline_stage, versioned);
crate::tenant_entity!(opportunity, versioned);
crate::tenant_entity!(opportunity_stage_change);
crate::tenant_entity!(test_drive_car, versioned);
crate::tenant_entity!(test_drive_booking, versioned);
crate::tenant_entity!(activity, versioned);
crate::tenant_entity!(activity_participant);
crate::tenant_entity!(activity_alarm);
crate::tenant_entity!(work_setting, versioned);
crate::tenant_entity!(calendar_feed);
crate::tenant_entity!(approval_request, versioned);
crate::tenant_entity!(notification);
crate::tenant_entity!(message_template, versioned);
crate::tenant_entity!(outbound_message, versioned);
crate::tenant_entity!(message_delivery);
crate::tenant_entity!(config_group, versioned);
crate::tenant_entity!(config_item, versioned);
crate::tenant_entity!(config_item_price, versioned);
crate::tenant_entity!(config_package_item);
crate::tenant_entity!(deal_setting, versioned);
crate::tenant_entity!(appraisal, versioned);
crate::tenant_entity!(quote, versioned);
crate::tenant_entity!(quote_line);
use crate::entities::{
    stock_alert, stock_model_minimum, stock_setting, stock_unit, stock_unit_event,
};
crate::tenant_entity!(stock_unit, versioned);
crate::tenant_entity!(stock_unit_event);
crate::tenant_entity!(stock_setting, versioned);
crate::tenant_entity!(stock_model_minimum, versioned);
crate::tenant_entity!(stock_alert);
crate::tenant_entity!(order_setting, versioned);
crate::tenant_entity!(order, versioned);
crate::tenant_entity!(order_schedule_item, versioned);
crate::tenant_entity!(order_payment);
crate::tenant_entity!(order_refund, versioned);
crate::tenant_entity!(order_invoice);
crate::tenant_entity!(finance_event);
crate::tenant_entity!(service_setting, versioned);
crate::tenant_entity!(maintenance_plan, versioned);
crate::tenant_entity!(service_due);
crate::tenant_entity!(service_due_notice);
crate::tenant_entity!(service_appointment, versioned);
crate::tenant_entity!(repair_order, versioned);
crate::tenant_entity!(repair_order_labour, versioned);
crate::tenant_entity!(repair_order_part, versioned);
crate::tenant_entity!(parts_price, versioned);
crate::tenant_entity!(technician_clock);
crate::tenant_entity!(insurance_policy, versioned);
crate::tenant_entity!(renewal, versioned);
crate::tenant_entity!(renewal_event);
crate::tenant_entity!(care_setting, versioned);
crate::tenant_entity!(care_calendar_day);
crate::tenant_entity!(complaint_sla_target, versioned);
crate::tenant_entity!(complaint, versioned);
crate::tenant_entity!(complaint_event);
crate::tenant_entity!(complaint_pause);
crate::tenant_entity!(complaint_escalation);

/// Bound parameters per multi-row INSERT, measured on an import of 100,000 rows on this
/// project's 2-core reference machine. PostgreSQL does best with few, large statements (30,000,
/// under its limit of 65,535: 45 s; 3,000: 170 s). SQLite does best with smaller ones (3,000:
/// 22 s; 30,000: 27 s, spent in the allocator), well under its limit of 32,766.
fn insert_parameters(backend: sea_orm::DbBackend) -> usize {
    match backend {
        sea_orm::DbBackend::Sqlite => 3_000,
        _ => 30_000,
    }
}

/// Inserts many rows of the scope's dealer in multi-row statements. A row of another dealer is
/// refused before anything is written, as [`tenant::insert`] refuses one.
pub async fn batched_insert<E, C>(
    conn: &C,
    scope: &DealerScope,
    rows: Vec<E::Model>,
) -> DbResult<()>
where
    E: tenant::DealerRows,
    E::Model: IntoActiveModel<E::ActiveModel>,
    E::ActiveModel: ActiveModelTrait<Entity = E> + Send,
    C: ConnectionTrait,
{
    use sea_orm::{Iterable, ModelTrait};
    let dealer = sea_orm::Value::from(scope.dealer_id().uuid());
    if rows.iter().any(|row| row.get(E::DEALER_ID) != dealer) {
        return Err(DbError::Other(sea_orm::DbErr::Custom(
            "refusing to insert a row of another dealer".to_owned(),
        )));
    }
    let columns = E::Column::iter().count().max(1);
    let per_statement = (insert_parameters(conn.get_database_backend()) / columns).clamp(1, 5_000);
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let batch: Vec<E::ActiveModel> = rows
            .by_ref()
            .take(per_statement)
            .map(|m| m.into_active_model().reset_all())
            .collect();
        E::insert_many(batch).exec_without_returning(conn).await?;
    }
    Ok(())
}

/// How much of a dealer's rows a list may show, from the caller's data scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    /// Every row of the dealer.
    Dealer,
    /// Rows owned by members of the team (only the user's own when they have no team).
    Team {
        team_id: Option<uuid::Uuid>,
        user_id: uuid::Uuid,
    },
    /// Rows the user owns.
    Own { user_id: uuid::Uuid },
}

/// Narrows a select to the rows a reach lets a caller see, by the column naming each row's
/// owner: all of them, those owned by the caller's team, or the caller's own.
pub fn owned_within_reach<E: EntityTrait>(
    select: sea_orm::Select<E>,
    scope: &DealerScope,
    reach: Reach,
    owner: E::Column,
) -> sea_orm::Select<E> {
    use sea_orm::{ColumnTrait, QueryFilter};
    match reach {
        Reach::Dealer => select,
        Reach::Own { user_id }
        | Reach::Team {
            team_id: None,
            user_id,
        } => select.filter(owner.eq(user_id)),
        Reach::Team {
            team_id: Some(team_id),
            ..
        } => select.filter(owner.in_subquery(team_members(scope, team_id))),
    }
}

/// The ids of a team's members, as a subquery (for "owned by team X" filters).
pub fn team_members(
    scope: &DealerScope,
    team_id: uuid::Uuid,
) -> sea_orm::sea_query::SelectStatement {
    use sea_orm::ColumnTrait;
    sea_orm::sea_query::Query::select()
        .column(user::Column::Id)
        .from(user::Entity)
        .and_where(user::Column::DealerId.eq(scope.dealer_id().uuid()))
        .and_where(user::Column::TeamId.eq(team_id))
        .take()
}

/// A LIKE pattern (used with `ESCAPE '\'`) matching `input` literally: `%`, `_` and `\`
/// escaped, with `%` before (`any_before`) and/or after (`any_after`).
fn like_pattern(input: &str, any_before: bool, any_after: bool) -> String {
    let mut pattern = String::with_capacity(input.len() + 2);
    if any_before {
        pattern.push('%');
    }
    for c in input.chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    if any_after {
        pattern.push('%');
    }
    pattern
}

/// Text containing `input` literally.
pub fn like_contains(input: &str) -> String {
    like_pattern(input, true, true)
}

/// Text ending with `input` literally.
pub fn like_ends_with(input: &str) -> String {
    like_pattern(input, true, false)
}

/// Text starting with `input` literally.
pub fn like_starts_with(input: &str) -> String {
    like_pattern(input, false, true)
}
