//! The manager's morning report: today, this week or this month in the dealer's time zone, per
//! consultant and team — new leads, visits, test drives, grade upgrades, orders, deliveries,
//! losses, overdue follow-ups — with the conversion at each step and the lead source mix. A
//! consultant sees their own numbers.

use crate::Sales;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use forecourt_customers::OwnerView;
use forecourt_db::repo::{org, sales_report, users};
use forecourt_domain::ids::{TeamId, UserId};
use forecourt_domain::permission::{Permission, Scope};
use forecourt_domain::sales::Grade;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::auth::grants::role_grants;
use forecourt_kernel::error::CoreResult;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReportPeriod {
    /// The reference day (today unless `date` names another).
    #[default]
    Today,
    /// The day before the reference day: what the morning meeting reviews.
    Yesterday,
    /// Monday to Sunday.
    Week,
    /// The week (Monday to Sunday) before the reference day's.
    LastWeek,
    Month,
    /// The calendar month before the reference day's.
    LastMonth,
}

#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReportQuery {
    #[serde(default)]
    pub period: ReportPeriod,
    /// The reference day (default today, in the dealer's time zone): the period is the day,
    /// week or month containing it, or the one before it.
    pub date: Option<NaiveDate>,
    /// Only this team's consultants.
    pub team_id: Option<TeamId>,
    /// Only the caller's own numbers (their home page).
    #[serde(default)]
    pub mine: bool,
}

/// One row's figures.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, ToSchema)]
pub struct Figures {
    /// Leads created in the period.
    pub new_leads: i64,
    /// Showroom visits received in the period.
    pub visits: i64,
    /// Test drives taken in the period.
    pub test_drives: i64,
    /// Grade upgrades in the period (C → B, A → H...).
    pub grade_upgrades: i64,
    /// Leads that became O (signed).
    pub orders: i64,
    /// Cars delivered in the period.
    pub deliveries: i64,
    /// Leads lost in the period.
    pub lost: i64,
    /// Open leads whose follow-up is past due now.
    pub overdue_follow_ups: i64,
}

impl Figures {
    fn add(&mut self, other: &Figures) {
        self.new_leads += other.new_leads;
        self.visits += other.visits;
        self.test_drives += other.test_drives;
        self.grade_upgrades += other.grade_upgrades;
        self.orders += other.orders;
        self.deliveries += other.deliveries;
        self.lost += other.lost;
        self.overdue_follow_ups += other.overdue_follow_ups;
    }
}

/// The conversion at each step (absent when the step before is zero).
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Conversion {
    /// Test drives per visit, as a fraction (0.5 = 50%).
    pub visit_to_test_drive: Option<f64>,
    /// Orders per test drive, as a fraction.
    pub test_drive_to_order: Option<f64>,
    /// Orders per new lead, as a fraction.
    pub lead_to_order: Option<f64>,
}

impl Conversion {
    fn of(f: &Figures) -> Self {
        let ratio = |a: i64, b: i64| (b > 0).then(|| a as f64 / b as f64);
        Conversion {
            visit_to_test_drive: ratio(f.test_drives, f.visits),
            test_drive_to_order: ratio(f.orders, f.test_drives),
            lead_to_order: ratio(f.orders, f.new_leads),
        }
    }
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ConsultantRow {
    /// The consultant.
    pub user: OwnerView,
    /// Their team, if any.
    pub team_id: Option<TeamId>,
    /// Their figures for the period.
    pub figures: Figures,
    /// Their conversions.
    pub conversion: Conversion,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct TeamRow {
    /// The team's id; absent for consultants in no team.
    pub team_id: Option<TeamId>,
    /// Absent for consultants in no team.
    pub name: Option<String>,
    /// The team's figures (the sum of its consultants' rows shown).
    pub figures: Figures,
    /// The team's conversions.
    pub conversion: Conversion,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct CountBy {
    /// A `source` or `lost_reason` key (absent: not recorded).
    pub key: Option<String>,
    /// How many.
    pub count: i64,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct SalesReport {
    /// The period reported.
    pub period: ReportPeriod,
    /// The period's first and last day, in the dealer's time zone.
    pub first_day: NaiveDate,
    /// The period's last day, in the dealer's time zone.
    pub last_day: NaiveDate,
    /// The period's start (UTC, RFC 3339), inclusive.
    pub from: DateTime<Utc>,
    /// The period's end (UTC, RFC 3339), exclusive.
    pub to: DateTime<Utc>,
    /// The dealer's time zone the days are counted in (IANA name, e.g. `Asia/Shanghai`).
    pub time_zone: String,
    /// The figures of everyone shown.
    pub totals: Figures,
    /// The conversions of the totals.
    pub conversion: Conversion,
    /// One row per consultant shown, most orders first.
    pub consultants: Vec<ConsultantRow>,
    /// One row per team shown.
    pub teams: Vec<TeamRow>,
    /// New leads by source.
    pub sources: Vec<CountBy>,
    /// Losses by reason.
    pub lost_reasons: Vec<CountBy>,
}

/// The period's days: the day; Monday to Sunday; the calendar month — of the reference day or
/// the one before it.
pub fn period_days(period: ReportPeriod, day: NaiveDate) -> (NaiveDate, NaiveDate) {
    match period {
        ReportPeriod::Today => (day, day),
        ReportPeriod::Yesterday => (day - Duration::days(1), day - Duration::days(1)),
        ReportPeriod::LastWeek => period_days(ReportPeriod::Week, day - Duration::days(7)),
        ReportPeriod::LastMonth => {
            let (first, _) = period_days(ReportPeriod::Month, day);
            period_days(ReportPeriod::Month, first - Duration::days(1))
        }
        ReportPeriod::Week => {
            let monday = day - Duration::days(i64::from(day.weekday().num_days_from_monday()));
            (monday, monday + Duration::days(6))
        }
        ReportPeriod::Month => {
            let first = day.with_day(1).unwrap_or(day);
            let next = if first.month() == 12 {
                NaiveDate::from_ymd_opt(first.year() + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(first.year(), first.month() + 1, 1)
            }
            .unwrap_or(first);
            (first, next - Duration::days(1))
        }
    }
}

impl Sales<'_> {
    /// The sales figures of today, yesterday, a week or a month (in the dealer's time zone), per
    /// consultant and team, with conversions and the source and loss mixes. Needs
    /// `sales_report.read`: with own scope (or `mine`) the caller sees only their own row, with
    /// team scope their team's.
    pub async fn sales_report(&self, actor: &Actor, query: ReportQuery) -> CoreResult<SalesReport> {
        let scope = actor.require(Permission::SalesReportRead)?;
        let tz = actor.time_zone();
        let day = match query.date {
            Some(date) => forecourt_domain::dates::check_year("date", date)?,
            None => self.today(actor),
        };
        let (first_day, last_day) = period_days(query.period, day);
        let from = tz.start_of_day(first_day);
        let to = tz.start_of_day(last_day + Duration::days(1));
        // The period, as instants, stays within the calendar too (1900-01-01 in Shanghai starts
        // in 1899 UTC).
        for instant in [from, to] {
            forecourt_domain::dates::check_year("date", instant.date_naive())?;
        }
        let conn = self.db().conn();
        let dealer = actor.scope();
        let now = self.now();

        // Whose numbers the caller sees.
        let people = users::active(conn, dealer).await?;
        let own_only = query.mine || scope == Scope::Own;
        let visible = |u: &forecourt_db::entities::user::Model| -> bool {
            if own_only {
                return u.id == actor.user_id().uuid();
            }
            let team_ok = query.team_id.is_none_or(|t| u.team_id == Some(t.uuid()));
            let scope_ok = scope != Scope::Team
                || u.id == actor.user_id().uuid()
                || (actor.team_id().is_some() && u.team_id == actor.team_id().map(TeamId::uuid));
            team_ok && scope_ok
        };
        // Consultants: people whose role works its own (or its team's) leads — not managers,
        // marketing or admins, who may update every lead of the dealer.
        let mut rows: BTreeMap<Uuid, Figures> = BTreeMap::new();
        let mut roles: HashMap<String, bool> = HashMap::new();
        for u in &people {
            let consultant = match roles.get(&u.role_key) {
                Some(known) => *known,
                None => {
                    let works = role_grants(conn, dealer, &u.role_key)
                        .await?
                        .is_some_and(|g| {
                            matches!(
                                g.scope(Permission::LeadUpdate),
                                Some(Scope::Own | Scope::Team)
                            )
                        });
                    roles.insert(u.role_key.clone(), works);
                    works
                }
            };
            if consultant && visible(u) {
                rows.insert(u.id, Figures::default());
            }
        }
        let known: HashMap<Uuid, &forecourt_db::entities::user::Model> =
            people.iter().map(|u| (u.id, u)).collect();
        let counted = |owner: Option<Uuid>| -> Option<Uuid> {
            let owner = owner?;
            match known.get(&owner) {
                Some(u) if visible(u) => Some(owner),
                Some(_) => None,
                // Former staff (disabled): counted for dealer-wide readers only.
                None => (!own_only && scope >= Scope::Dealer && query.team_id.is_none())
                    .then_some(owner),
            }
        };
        // Leads nobody owns count in the dealer's totals only.
        let whole_dealer = !own_only && scope >= Scope::Dealer && query.team_id.is_none();
        let mut totals = Figures::default();
        let mut sources: BTreeMap<Option<String>, i64> = BTreeMap::new();
        // Numbers of colleagues who are not consultants (a manager's own lead) count in the
        // totals only; former staff keep a row of their own.
        let mut add = |owner: Option<Uuid>, f: &dyn Fn(&mut Figures)| {
            if let Some(id) = counted(owner) {
                if let Some(row) = rows.get_mut(&id) {
                    f(row);
                } else if !known.contains_key(&id) {
                    f(rows.entry(id).or_default());
                }
                f(&mut totals);
            } else if owner.is_none() && whole_dealer {
                f(&mut totals);
            }
        };
        for (owner, source, n) in sales_report::new_leads(conn, dealer, from, to).await? {
            add(owner, &|f| f.new_leads += n);
            if counted(owner).is_some() || (owner.is_none() && whole_dealer) {
                *sources.entry(source).or_default() += n;
            }
        }
        for (owner, n) in sales_report::visits(conn, dealer, from, to).await? {
            add(owner, &|f| f.visits += n);
        }
        for (owner, n) in sales_report::test_drives(conn, dealer, from, to).await? {
            add(owner, &|f| f.test_drives += n);
        }
        for (owner, from_grade, to_grade, n) in
            sales_report::grade_changes(conn, dealer, from, to).await?
        {
            let from_grade: Option<Grade> = from_grade.and_then(|g| g.parse().ok());
            let to_grade: Grade = to_grade.parse().unwrap_or(Grade::N);
            if from_grade.is_some_and(|g| g.is_upgrade_to(to_grade)) {
                add(owner, &|f| f.grade_upgrades += n);
            }
            if to_grade == Grade::O && from_grade.is_some_and(|g| g != Grade::O) {
                add(owner, &|f| f.orders += n);
            }
        }
        for (owner, n) in sales_report::deliveries(conn, dealer, from, to).await? {
            add(owner, &|f| f.deliveries += n);
        }
        for (owner, n) in sales_report::lost(conn, dealer, from, to).await? {
            add(owner, &|f| f.lost += n);
        }
        for (owner, n) in sales_report::overdue_follow_ups(conn, dealer, now).await? {
            add(owner, &|f| f.overdue_follow_ups += n);
        }
        let mut lost_reasons: BTreeMap<Option<String>, i64> = BTreeMap::new();
        for (owner, reason, n) in sales_report::lost_reasons(conn, dealer, from, to).await? {
            if counted(owner).is_some() || (owner.is_none() && whole_dealer) {
                *lost_reasons.entry(reason).or_default() += n;
            }
        }

        let teams: HashMap<Uuid, String> = org::list_teams(conn, dealer)
            .await?
            .into_iter()
            .map(|t| (t.id, t.name))
            .collect();
        let mut team_rows: BTreeMap<Option<Uuid>, Figures> = BTreeMap::new();
        let mut consultants: Vec<ConsultantRow> = rows
            .into_iter()
            .map(|(id, figures)| {
                let user = known.get(&id);
                let team = user.and_then(|u| u.team_id);
                team_rows.entry(team).or_default().add(&figures);
                ConsultantRow {
                    user: OwnerView {
                        id: UserId::from_uuid(id),
                        display_name: user.map(|u| u.display_name.clone()).unwrap_or_default(),
                    },
                    team_id: team.map(TeamId::from_uuid),
                    conversion: Conversion::of(&figures),
                    figures,
                }
            })
            .collect();
        consultants.sort_by(|a, b| {
            b.figures
                .orders
                .cmp(&a.figures.orders)
                .then(b.figures.new_leads.cmp(&a.figures.new_leads))
                .then(a.user.display_name.cmp(&b.user.display_name))
        });
        let team_rows = team_rows
            .into_iter()
            .map(|(team, figures)| TeamRow {
                team_id: team.map(TeamId::from_uuid),
                name: team.and_then(|t| teams.get(&t).cloned()),
                conversion: Conversion::of(&figures),
                figures,
            })
            .collect();
        let count_by = |m: BTreeMap<Option<String>, i64>| {
            let mut v: Vec<CountBy> = m
                .into_iter()
                .map(|(key, count)| CountBy { key, count })
                .collect();
            v.sort_by_key(|c| std::cmp::Reverse(c.count));
            v
        };
        Ok(SalesReport {
            period: query.period,
            first_day,
            last_day,
            from,
            to,
            time_zone: tz.name().to_owned(),
            conversion: Conversion::of(&totals),
            totals,
            consultants,
            teams: team_rows,
            sources: count_by(sources),
            lost_reasons: count_by(lost_reasons),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_cover_whole_days_weeks_and_months() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(); // a Sunday
        assert_eq!(period_days(ReportPeriod::Today, d), (d, d));
        assert_eq!(
            period_days(ReportPeriod::Week, d),
            (NaiveDate::from_ymd_opt(2026, 11, 16).unwrap(), d)
        );
        assert_eq!(
            period_days(
                ReportPeriod::Month,
                NaiveDate::from_ymd_opt(2026, 12, 31).unwrap()
            ),
            (
                NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
                NaiveDate::from_ymd_opt(2026, 12, 31).unwrap()
            )
        );
        assert_eq!(
            period_days(
                ReportPeriod::Month,
                NaiveDate::from_ymd_opt(2028, 2, 10).unwrap()
            )
            .1,
            NaiveDate::from_ymd_opt(2028, 2, 29).unwrap()
        );
    }
}
