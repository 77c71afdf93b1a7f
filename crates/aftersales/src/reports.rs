//! The service manager's report for a period (days in the dealer's time zone): appointments,
//! repair orders and revenue by day and by advisor, revenue by paying party, labour hours sold
//! against the hours the workshop had, retention (cars that reached a due day and came back
//! within N days) and the renewal rate.

use crate::AfterSales;
use crate::settings::{ensure_defaults, workshop};
use chrono::{Datelike, Duration, NaiveDate};
use forecourt_db::entities::user;
use forecourt_db::repo::{service_report as report, tenant};
use forecourt_domain::FieldError;
use forecourt_domain::aftersales::renewal::renewal_rate_bp;
use forecourt_domain::aftersales::repair::Payer;
use forecourt_domain::dates::check_year;
use forecourt_domain::ids::UserId;
use forecourt_domain::permission::Permission;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// The longest period a report covers, in days.
pub const MAX_REPORT_DAYS: i64 = 366;
/// The default retention window, in days after the due day.
pub const DEFAULT_WITHIN_DAYS: i64 = 30;
/// How early before its due day a visit still counts as the car coming back for it.
pub const EARLY_VISIT_DAYS: i64 = 30;

/// The report's period.
#[derive(Clone, Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ServiceReportQuery {
    /// The first day (default: the first of this month).
    pub from: Option<NaiveDate>,
    /// The last day (default: today); at most 366 days in all.
    pub to: Option<NaiveDate>,
    /// A car due counts as returned when a repair order was opened up to 30 days before its
    /// due day or within this many days after it (1–365, default 30).
    #[param(minimum = 1, maximum = 365)]
    pub within_days: Option<i64>,
}

/// One day of the period.
#[derive(Clone, Debug, Default, Serialize, ToSchema)]
pub struct ServiceDayRow {
    pub on_date: NaiveDate,
    /// Appointments for the day (any status).
    pub appointments: i64,
    /// Of which the customer did not come.
    pub no_shows: i64,
    /// Repair orders opened that day.
    pub repair_orders: i64,
    /// Repair orders picked up that day.
    pub picked_up: i64,
    /// What the orders picked up that day billed, every payer, in fen.
    pub revenue_fen: i64,
}

/// One advisor's work in the period.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct AdvisorRow {
    pub advisor_id: Option<UserId>,
    pub name: Option<String>,
    pub appointments: i64,
    pub repair_orders: i64,
    pub picked_up: i64,
    pub revenue_fen: i64,
    /// Standard hours sold on the orders picked up (× 100).
    pub labour_hours_centi: i64,
}

/// Revenue of one paying party.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct PayerRow {
    pub payer: Payer,
    pub labour_fen: i64,
    pub parts_fen: i64,
}

/// The service manager's report.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ServiceReportView {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub days: Vec<ServiceDayRow>,
    pub advisors: Vec<AdvisorRow>,
    pub payers: Vec<PayerRow>,
    /// Standard hours sold on orders picked up in the period (× 100).
    pub labour_sold_hours_centi: i64,
    /// Hours the workshop had: working days × bays × working hours (× 100).
    pub labour_available_hours_centi: i64,
    /// Cars that reached a due day in the period.
    pub due_cars: i64,
    /// Of which came back (a repair order from 30 days before to `within_days` after).
    pub returned_cars: i64,
    /// Returned ÷ due, in basis points.
    pub retention_bp: Option<i64>,
    pub within_days: i64,
    /// Renewals falling due in the period, and of which renewed here.
    pub renewals_due: i64,
    pub renewals_renewed_here: i64,
    pub renewal_rate_bp: Option<i64>,
}

impl AfterSales<'_> {
    /// The service manager's report for a period (default this month to today). Needs
    /// `service:report`.
    pub async fn service_report(
        &self,
        actor: &Actor,
        query: ServiceReportQuery,
    ) -> CoreResult<ServiceReportView> {
        actor.require(Permission::ServiceReport)?;
        let today = self.today(actor);
        let from = query
            .from
            .unwrap_or_else(|| today - Duration::days(i64::from(today.day0())));
        let to = query.to.unwrap_or(today);
        for (field, day) in [("from", from), ("to", to)] {
            check_year(field, day).map_err(CoreError::invalid)?;
        }
        if to < from || (to - from).num_days() >= MAX_REPORT_DAYS {
            return Err(CoreError::invalid(FieldError::new(
                "to",
                "out_of_range",
                "must be on or after from, at most 366 days in all",
            )));
        }
        let within = query.within_days.unwrap_or(DEFAULT_WITHIN_DAYS);
        if !(1..=365).contains(&within) {
            return Err(CoreError::invalid(FieldError::new(
                "within_days",
                "out_of_range",
                "must be 1–365 days",
            )));
        }
        let zone = actor.time_zone();
        let scope = actor.scope();
        let tx = self.db().begin().await?;
        let shop = workshop(&ensure_defaults(&*tx, actor, self.now()).await?);
        let (start, end) = (
            zone.start_of_day(from),
            zone.start_of_day(to + Duration::days(1)),
        );
        let mut days: BTreeMap<NaiveDate, ServiceDayRow> = from
            .iter_days()
            .take_while(|d| *d <= to)
            .map(|d| {
                (
                    d,
                    ServiceDayRow {
                        on_date: d,
                        ..Default::default()
                    },
                )
            })
            .collect();
        let mut advisors: HashMap<Option<Uuid>, AdvisorRow> = HashMap::new();
        for (day, status, advisor, n) in report::appointments_by_day(&*tx, scope, from, to).await? {
            if let Some(row) = days.get_mut(&day) {
                row.appointments += n;
                if status == "no_show" {
                    row.no_shows += n;
                }
            }
            entry(&mut advisors, advisor).appointments += n;
        }
        let orders = report::repair_orders_in(&*tx, scope, start, end).await?;
        let picked: Vec<Uuid> = orders
            .iter()
            .filter(|(_, _, _, p)| p.is_some_and(|p| p >= start && p < end))
            .map(|(id, ..)| *id)
            .collect();
        let amounts = report::amounts_by_order(&*tx, scope, &picked).await?;
        let mut by_order: HashMap<Uuid, (i64, i64)> = HashMap::new();
        let mut payers: BTreeMap<&'static str, (i64, i64)> = BTreeMap::new();
        for (order, payer, labour, parts, hours) in &amounts {
            let total = by_order.entry(*order).or_default();
            total.0 += labour + parts;
            total.1 += hours;
            if let Some(p) = Payer::parse(payer) {
                let sum = payers.entry(p.as_str()).or_default();
                sum.0 += labour;
                sum.1 += parts;
            }
        }
        let mut sold = 0;
        for (id, advisor, opened, picked_up) in &orders {
            let opened_day = zone.local_date(*opened);
            if (from..=to).contains(&opened_day) {
                if let Some(row) = days.get_mut(&opened_day) {
                    row.repair_orders += 1;
                }
                entry(&mut advisors, Some(*advisor)).repair_orders += 1;
            }
            if let Some(at) = picked_up.filter(|p| *p >= start && *p < end) {
                let (revenue, hours) = by_order.get(id).copied().unwrap_or_default();
                if let Some(row) = days.get_mut(&zone.local_date(at)) {
                    row.picked_up += 1;
                    row.revenue_fen += revenue;
                }
                let row = entry(&mut advisors, Some(*advisor));
                row.picked_up += 1;
                row.revenue_fen += revenue;
                row.labour_hours_centi += hours;
                sold += hours;
            }
        }
        let working_days = days.keys().filter(|d| shop.works_on(**d)).count() as i64;
        let available = working_days * i64::from(shop.day_minutes()) * 100 / 60;
        let notices = report::due_notices(&*tx, scope, from, to).await?;
        let cars: Vec<Uuid> = notices.iter().map(|(car, _)| *car).collect();
        let visits = report::visits_of(
            &*tx,
            scope,
            &cars,
            zone.start_of_day(from - Duration::days(EARLY_VISIT_DAYS)),
            zone.start_of_day(to + Duration::days(within + 1)),
        )
        .await?;
        let returned = notices
            .iter()
            .filter(|(car, due)| {
                visits.iter().any(|(v, at)| {
                    let day = zone.local_date(*at);
                    v == car
                        && day >= *due - Duration::days(EARLY_VISIT_DAYS)
                        && day <= *due + Duration::days(within)
                })
            })
            .count() as i64;
        let renewals = report::renewals_by_status(&*tx, scope, from, to).await?;
        let renewals_due: i64 = renewals.iter().map(|(_, n)| n).sum();
        let renewed_here: i64 = renewals
            .iter()
            .filter(|(s, _)| s == "renewed_here")
            .map(|(_, n)| n)
            .sum();
        let ids: Vec<Uuid> = advisors.keys().flatten().copied().collect();
        let names: HashMap<Uuid, String> = tenant::find_many::<user::Entity, _>(&*tx, scope, &ids)
            .await?
            .into_iter()
            .map(|u| (u.id, u.display_name))
            .collect();
        tx.commit().await?;
        let mut advisors: Vec<AdvisorRow> = advisors
            .into_values()
            .map(|mut row| {
                row.name = row.advisor_id.and_then(|id| names.get(&id.uuid()).cloned());
                row
            })
            .collect();
        advisors.sort_by(|a, b| b.revenue_fen.cmp(&a.revenue_fen).then(a.name.cmp(&b.name)));
        let due_cars = notices.len() as i64;
        Ok(ServiceReportView {
            from,
            to,
            days: days.into_values().collect(),
            advisors,
            payers: Payer::KEYS
                .iter()
                .filter_map(|k| Payer::parse(k))
                .map(|p| {
                    let (labour_fen, parts_fen) =
                        payers.get(p.as_str()).copied().unwrap_or_default();
                    PayerRow {
                        payer: p,
                        labour_fen,
                        parts_fen,
                    }
                })
                .collect(),
            labour_sold_hours_centi: sold,
            labour_available_hours_centi: available,
            due_cars,
            returned_cars: returned,
            retention_bp: renewal_rate_bp(returned, due_cars),
            within_days: within,
            renewals_due,
            renewals_renewed_here: renewed_here,
            renewal_rate_bp: renewal_rate_bp(renewed_here, renewals_due),
        })
    }
}

fn entry(advisors: &mut HashMap<Option<Uuid>, AdvisorRow>, id: Option<Uuid>) -> &mut AdvisorRow {
    advisors.entry(id).or_insert_with(|| AdvisorRow {
        advisor_id: id.map(UserId::from_uuid),
        name: None,
        appointments: 0,
        repair_orders: 0,
        picked_up: 0,
        revenue_fen: 0,
        labour_hours_centi: 0,
    })
}
