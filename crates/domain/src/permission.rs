//! Permissions: `resource:action` pairs, each granted with a data scope.
//!
//! A role is a set of [`Grant`]s. A grant's [`Scope`] says how far the permission reaches:
//! records the user owns, their team's, the whole dealer's, or every dealer of their group.
//! Enforcement lives in `core`; the UI only hides what the user cannot do.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;
use utoipa::ToSchema;

/// How far a permission reaches. Ordered from narrowest to widest.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Records the user owns (or is: their own account, their own tokens).
    Own,
    /// Records owned by anyone in the user's team.
    Team,
    /// Every record of the dealer the user acts in.
    Dealer,
    /// Every dealer of the user's group; a group-scoped user may choose the dealer they act in.
    Group,
}

impl Scope {
    pub const ALL: [Scope; 4] = [Scope::Own, Scope::Team, Scope::Dealer, Scope::Group];

    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Own => "own",
            Scope::Team => "team",
            Scope::Dealer => "dealer",
            Scope::Group => "group",
        }
    }
}

const OWN_UP: &[Scope] = &[Scope::Own, Scope::Team, Scope::Dealer, Scope::Group];
const DEALER_UP: &[Scope] = &[Scope::Dealer, Scope::Group];
const DEALER_ONLY: &[Scope] = &[Scope::Dealer];
const OWN_OR_DEALER: &[Scope] = &[Scope::Own, Scope::Dealer];
const OWN_TO_DEALER: &[Scope] = &[Scope::Own, Scope::Team, Scope::Dealer];
const GROUP_ONLY: &[Scope] = &[Scope::Group];
const TEAM_OR_DEALER: &[Scope] = &[Scope::Team, Scope::Dealer];
const OWN_ONLY: &[Scope] = &[Scope::Own];

macro_rules! permissions {
    ($($(#[$meta:meta])* $variant:ident => ($resource:literal, $action:literal, $scopes:expr);)*) => {
        /// Every permission Forecourt knows. Serialised as `resource:action`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Permission {
            $($(#[$meta])* $variant,)*
        }

        impl Permission {
            pub const ALL: &'static [Permission] = &[$(Permission::$variant,)*];

            pub fn resource(self) -> &'static str {
                match self { $(Permission::$variant => $resource,)* }
            }

            pub fn action(self) -> &'static str {
                match self { $(Permission::$variant => $action,)* }
            }

            /// `resource:action`.
            pub fn key(self) -> &'static str {
                match self { $(Permission::$variant => concat!($resource, ":", $action),)* }
            }

            /// The scopes this permission can be granted with.
            pub fn allowed_scopes(self) -> &'static [Scope] {
                match self { $(Permission::$variant => $scopes,)* }
            }
        }
    };
}

permissions! {
    /// See staff accounts. Own: only one's own account.
    UserRead => ("user", "read", OWN_UP);
    UserCreate => ("user", "create", DEALER_ONLY);
    /// Change a user's profile, role and team; disable and enable; unlock.
    UserUpdate => ("user", "update", DEALER_ONLY);
    UserResetPassword => ("user", "reset_password", DEALER_ONLY);
    TeamRead => ("team", "read", OWN_UP);
    TeamManage => ("team", "manage", DEALER_ONLY);
    DepartmentRead => ("department", "read", DEALER_UP);
    DepartmentManage => ("department", "manage", DEALER_ONLY);
    RoleRead => ("role", "read", DEALER_UP);
    RoleManage => ("role", "manage", DEALER_ONLY);
    /// See the dealer's settings. Group: see every dealer of the group and act in any of them.
    DealerRead => ("dealer", "read", DEALER_UP);
    DealerUpdate => ("dealer", "update", DEALER_ONLY);
    /// See API tokens. Own: one's own tokens.
    ApiTokenRead => ("api_token", "read", OWN_OR_DEALER);
    /// Create API tokens for one's own account (with at most one's own permissions).
    ApiTokenCreate => ("api_token", "create", DEALER_ONLY);
    ApiTokenRevoke => ("api_token", "revoke", OWN_OR_DEALER);
    /// Read the audit log. Own: events one caused; team: events of one's team.
    AuditRead => ("audit", "read", OWN_UP);
    /// See customers. Own: customers one owns; team: those of one's team.
    CustomerRead => ("customer", "read", OWN_UP);
    CustomerCreate => ("customer", "create", DEALER_ONLY);
    /// Edit customers (profile, phones, companions, consent, tags) within the scope.
    CustomerUpdate => ("customer", "update", OWN_TO_DEALER);
    /// Change a customer's owner (one by one or in bulk).
    CustomerAssign => ("customer", "assign", OWN_TO_DEALER);
    /// Merge duplicate customers.
    CustomerMerge => ("customer", "merge", DEALER_ONLY);
    /// Import customers from CSV or Excel files.
    CustomerImport => ("customer", "import", DEALER_ONLY);
    /// Export the customers within the scope (masked as the role sees them).
    CustomerExport => ("customer", "export", OWN_UP);
    /// See vehicles (those of customers within the scope).
    VehicleRead => ("vehicle", "read", OWN_UP);
    VehicleCreate => ("vehicle", "create", DEALER_ONLY);
    /// Edit vehicles, record mileage, change owner.
    VehicleUpdate => ("vehicle", "update", OWN_TO_DEALER);
    CatalogRead => ("catalog", "read", DEALER_UP);
    /// Maintain the dealer's vehicle catalog and import it.
    CatalogManage => ("catalog", "manage", DEALER_ONLY);
    /// Publish one's catalog to every dealer of the group (OEMs and dealer groups).
    CatalogPublish => ("catalog", "publish", GROUP_ONLY);
    /// See phone numbers unmasked (of records within the scope).
    PiiUnmaskPhone => ("pii", "unmask_phone", OWN_UP);
    /// See ID numbers unmasked (of records within the scope); each unmasking is audited.
    PiiUnmaskIdNumber => ("pii", "unmask_id_number", OWN_UP);
    /// See leads, receptions and follow-ups. Own: leads one owns; team: those of one's team.
    LeadRead => ("lead", "read", OWN_UP);
    /// Register leads and showroom receptions (also from paper forms, in bulk).
    LeadCreate => ("lead", "create", DEALER_ONLY);
    /// Work leads within the scope: edit, grade, log follow-ups, mark lost, reopen.
    LeadUpdate => ("lead", "update", OWN_TO_DEALER);
    /// Give leads to consultants (of one's team, or anyone of the dealer), by hand or in bulk.
    LeadAssign => ("lead", "assign", TEAM_OR_DEALER);
    /// Submit leads through the intake API (web forms, auto portals, the OEM).
    LeadIntake => ("lead", "intake", DEALER_ONLY);
    /// See opportunities, the pipeline board and the funnel within the scope.
    OpportunityRead => ("opportunity", "read", OWN_UP);
    /// Open opportunities from leads, move them between stages, change amount and dates.
    OpportunityUpdate => ("opportunity", "update", OWN_TO_DEALER);
    /// See test-drive bookings within the scope (every car's busy times are visible to all
    /// who may book).
    TestDriveRead => ("test_drive", "read", OWN_UP);
    /// Book test drives, record the licence and the feedback, cancel.
    TestDriveBook => ("test_drive", "book", OWN_TO_DEALER);
    /// Maintain the test-drive fleet.
    TestDriveFleet => ("test_drive", "fleet", DEALER_ONLY);
    /// See the sales reports (the morning meeting's figures). Own: one's own numbers.
    SalesReportRead => ("sales_report", "read", OWN_UP);
    /// Configure sales: follow-up cadence, stagnation, lost approval, assignment rules and
    /// pipeline stages.
    SalesConfigure => ("sales", "configure", DEALER_ONLY);
    /// See activities (calls, visits, appointments, tasks) and calendars. Own: one's own
    /// activities; team: those of one's team.
    ActivityRead => ("activity", "read", OWN_UP);
    /// Plan, edit, complete, cancel and reschedule activities owned within the scope.
    ActivityWrite => ("activity", "write", OWN_TO_DEALER);
    /// See approval requests. Own: one's own requests and those waiting for one's decision.
    ApprovalRead => ("approval", "read", OWN_UP);
    /// Ask for an approval (a discount, a refund, a reassignment).
    ApprovalCreate => ("approval", "create", DEALER_ONLY);
    /// Approve or reject requests (of one's team's members, or anyone's).
    ApprovalDecide => ("approval", "decide", TEAM_OR_DEALER);
    /// Approve or reject refunds.
    RefundApprove => ("refund", "approve", DEALER_ONLY);
    /// Read one's own in-app notifications.
    NotificationRead => ("notification", "read", OWN_ONLY);
    /// See and manage background jobs: retry failed ones, cancel queued ones.
    JobManage => ("job", "manage", DEALER_ONLY);
    /// See outbound messages (e-mail, SMS, WeChat) and their delivery log.
    MessageRead => ("message", "read", DEALER_ONLY);
    /// Edit the message templates.
    MessageTemplateManage => ("message_template", "manage", DEALER_ONLY);
    /// See quotes (报价单). Own: quotes of the consultant's own leads.
    QuoteRead => ("quote", "read", OWN_UP);
    /// Make and change quotes, ask for their approval, accept them.
    QuoteWrite => ("quote", "write", OWN_TO_DEALER);
    /// Decide a quote's discount or margin approval (team: requests of one's team).
    QuoteApprove => ("quote", "approve", TEAM_OR_DEALER);
    /// See trade-in appraisals. Own: those one made.
    AppraisalRead => ("appraisal", "read", OWN_UP);
    /// Appraise a customer's car for trade-in (二手车评估).
    AppraisalWrite => ("appraisal", "write", OWN_TO_DEALER);
    /// Maintain the configurator: option groups, options, packages, accessories, their dated
    /// prices, and the dealer's deal settings (discount limits, margin floor, tax rules).
    DealConfigure => ("deal", "configure", DEALER_ONLY);
    /// See the stock units (cars on the dealer's books by VIN), their history and the low-stock
    /// list.
    StockRead => ("stock", "read", DEALER_UP);
    /// Add, edit and move stock units, set the aged-stock and low-stock rules, export the list.
    StockManage => ("stock", "manage", DEALER_ONLY);
    /// See what stock units cost the dealer.
    StockCost => ("stock", "cost", DEALER_UP);
    /// See orders (contracts), their payments, invoice and delivery. Own: orders of one's
    /// own customers (the order's consultant).
    OrderRead => ("order", "read", OWN_TO_DEALER);
    /// Create orders from accepted quotes, tick the checklists and cancel orders.
    OrderWrite => ("order", "write", OWN_TO_DEALER);
    /// Plan and record payments, ask for refunds (finance; never prices).
    PaymentRecord => ("payment", "record", DEALER_ONLY);
    /// Issue the unified motor-vehicle sales invoice (机动车销售统一发票).
    InvoiceIssue => ("invoice", "issue", DEALER_ONLY);
    /// Hand a car over (交车) once the checklists are done and the money is settled.
    DeliveryComplete => ("delivery", "complete", OWN_TO_DEALER);
    /// Read the finance feed, the receivables ageing and the finance exports.
    FinanceExport => ("finance", "export", DEALER_ONLY);
    /// See the workshop's work: cars due for service, appointments, repair orders (工单) and
    /// each car's repair history.
    ServiceRead => ("service", "read", DEALER_UP);
    /// Book and move service appointments, open and work repair orders (lines, technicians'
    /// clock-ons, quality check, pickup).
    ServiceWrite => ("service", "write", DEALER_ONLY);
    /// Set the workshop's capacity, labour rate and reminder rules, the maintenance plans and
    /// the parts price list.
    ServiceConfigure => ("service", "configure", DEALER_ONLY);
    /// Read the service reports and export the warranty claims (索赔) for the OEM.
    ServiceReport => ("service", "report", DEALER_UP);
    /// See cars' insurance policies.
    InsuranceRead => ("insurance", "read", DEALER_UP);
    /// Record and correct insurance policies.
    InsuranceWrite => ("insurance", "write", DEALER_ONLY);
    /// See renewals (续保). Own: those assigned to the agent.
    RenewalRead => ("renewal", "read", OWN_TO_DEALER);
    /// Work renewals: log calls, insurers' quotes and the result.
    RenewalWork => ("renewal", "work", OWN_TO_DEALER);
    /// Assign renewals to agents and read the renewal rate of everyone.
    RenewalAssign => ("renewal", "assign", DEALER_ONLY);
    /// See complaints (投诉). Own: those one handles or entered; team: those one's team
    /// handles.
    ComplaintRead => ("complaint", "read", OWN_TO_DEALER);
    /// Record a customer's complaint (reception, call centre, anyone at the counter).
    ComplaintEnter => ("complaint", "enter", DEALER_ONLY);
    /// Work the complaints one handles: answer the customer, log actions, wait for the
    /// customer, record the resolution.
    ComplaintHandle => ("complaint", "handle", OWN_TO_DEALER);
    /// Verify a handled complaint by calling the customer back (never one's own), and reopen
    /// closed ones.
    ComplaintVerify => ("complaint", "verify", DEALER_ONLY);
    /// Assign complaints to handlers, watch the SLA board, be told of breaches.
    ComplaintAssign => ("complaint", "assign", DEALER_ONLY);
    /// Set the working calendar, holidays, SLA targets and the escalation ladder; be told of
    /// complaints still open long after a breach (the general manager).
    ComplaintConfigure => ("complaint", "configure", DEALER_ONLY);
}

impl fmt::Display for Permission {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl FromStr for Permission {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Permission::ALL
            .iter()
            .copied()
            .find(|p| p.key() == s)
            .ok_or(())
    }
}

impl Serialize for Permission {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.key())
    }
}

impl<'de> Deserialize<'de> for Permission {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let key = String::deserialize(deserializer)?;
        key.parse()
            .map_err(|()| serde::de::Error::custom(format!("unknown permission {key:?}")))
    }
}

impl utoipa::PartialSchema for Permission {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .enum_values(Some(Permission::ALL.iter().map(|p| p.key())))
            .description(Some("A permission, `resource:action`."))
            .into()
    }
}
impl ToSchema for Permission {}

/// One permission with the scope it is granted at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Grant {
    pub permission: Permission,
    pub scope: Scope,
}

impl Grant {
    pub const fn new(permission: Permission, scope: Scope) -> Self {
        Self { permission, scope }
    }

    /// Whether this permission may be granted at this scope.
    pub fn is_allowed(&self) -> bool {
        self.permission.allowed_scopes().contains(&self.scope)
    }
}

/// The effective permissions of a principal: for each permission, the widest scope granted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GrantSet(BTreeMap<Permission, Scope>);

impl GrantSet {
    pub fn new(grants: impl IntoIterator<Item = Grant>) -> Self {
        let mut set = GrantSet::default();
        for grant in grants {
            set.add(grant);
        }
        set
    }

    pub fn add(&mut self, grant: Grant) {
        let entry = self.0.entry(grant.permission).or_insert(grant.scope);
        if grant.scope > *entry {
            *entry = grant.scope;
        }
    }

    /// Every permission at its widest scope: what the installation itself (the command line,
    /// background jobs) may do.
    pub fn everything() -> GrantSet {
        GrantSet::new(
            Permission::ALL
                .iter()
                .map(|p| Grant::new(*p, *p.allowed_scopes().last().unwrap_or(&Scope::Dealer))),
        )
    }

    /// The scope the permission is held at, if it is held at all.
    pub fn scope(&self, permission: Permission) -> Option<Scope> {
        self.0.get(&permission).copied()
    }

    pub fn has(&self, permission: Permission) -> bool {
        self.0.contains_key(&permission)
    }

    /// Whether every grant of `other` is held here at least as widely.
    pub fn covers(&self, other: &GrantSet) -> bool {
        other
            .0
            .iter()
            .all(|(p, s)| self.scope(*p).is_some_and(|mine| mine >= *s))
    }

    /// The grants held by both, each at the narrower of the two scopes.
    pub fn intersect(&self, other: &GrantSet) -> GrantSet {
        GrantSet(
            self.0
                .iter()
                .filter_map(|(p, s)| other.scope(*p).map(|o| (*p, (*s).min(o))))
                .collect(),
        )
    }

    /// Only the grants held at group scope, narrowed to one dealer: what a group user may do
    /// while acting in a dealer of the group other than their own.
    pub fn group_grants_as_dealer(&self) -> GrantSet {
        GrantSet(
            self.0
                .iter()
                .filter(|(_, s)| **s == Scope::Group)
                .map(|(p, _)| (*p, Scope::Dealer))
                .collect(),
        )
    }

    /// Whether any permission is held at group scope (the user may act in other dealers).
    pub fn has_group_scope(&self) -> bool {
        self.0.values().any(|s| *s == Scope::Group)
    }

    pub fn grants(&self) -> impl Iterator<Item = Grant> + '_ {
        self.0.iter().map(|(p, s)| Grant::new(*p, *s))
    }

    pub fn to_vec(&self) -> Vec<Grant> {
        self.grants().collect()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Reads stored grants, skipping any that name a permission this version no longer has (a
/// downgrade) or a scope the permission does not allow.
pub fn parse_grants(value: &serde_json::Value) -> GrantSet {
    let grants = value
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|g| serde_json::from_value::<Grant>(g.clone()).ok())
        .filter(Grant::is_allowed);
    GrantSet::new(grants)
}

pub fn grants_to_json(grants: &GrantSet) -> serde_json::Value {
    serde_json::to_value(grants.to_vec()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_round_trip() {
        let mut keys: Vec<_> = Permission::ALL.iter().map(|p| p.key()).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), Permission::ALL.len());
        for p in Permission::ALL {
            assert_eq!(p.key().parse::<Permission>(), Ok(*p));
            assert_eq!(p.key(), format!("{}:{}", p.resource(), p.action()));
        }
    }

    #[test]
    fn widest_scope_wins_and_coverage() {
        let set = GrantSet::new([
            Grant::new(Permission::UserRead, Scope::Own),
            Grant::new(Permission::UserRead, Scope::Dealer),
        ]);
        assert_eq!(set.scope(Permission::UserRead), Some(Scope::Dealer));
        let narrower = GrantSet::new([Grant::new(Permission::UserRead, Scope::Team)]);
        assert!(set.covers(&narrower));
        assert!(!narrower.covers(&set));
        assert_eq!(
            narrower.intersect(&set).scope(Permission::UserRead),
            Some(Scope::Team)
        );
    }

    #[test]
    fn group_grants_narrow_to_dealer() {
        let set = GrantSet::new([
            Grant::new(Permission::DealerRead, Scope::Group),
            Grant::new(Permission::UserCreate, Scope::Dealer),
        ]);
        let foreign = set.group_grants_as_dealer();
        assert_eq!(foreign.scope(Permission::DealerRead), Some(Scope::Dealer));
        assert!(!foreign.has(Permission::UserCreate));
    }
}
