//! Built-in roles and the rules for custom role keys.
//!
//! Built-in roles are defined here, in code, so an upgrade that adds a module also gives the
//! built-in roles its permissions. Admins make custom roles from the permission catalog.

use crate::FieldError;
use crate::permission::{Grant, GrantSet, Permission, Scope};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum BuiltinRole {
    Admin,
    SalesManager,
    SalesConsultant,
    SalesAssistant,
    ServiceManager,
    ServiceAdvisor,
    RenewalAgent,
    Marketing,
    Finance,
    GroupAnalyst,
}

impl BuiltinRole {
    pub const ALL: [BuiltinRole; 10] = [
        BuiltinRole::Admin,
        BuiltinRole::SalesManager,
        BuiltinRole::SalesConsultant,
        BuiltinRole::SalesAssistant,
        BuiltinRole::ServiceManager,
        BuiltinRole::ServiceAdvisor,
        BuiltinRole::RenewalAgent,
        BuiltinRole::Marketing,
        BuiltinRole::Finance,
        BuiltinRole::GroupAnalyst,
    ];

    pub fn key(self) -> &'static str {
        match self {
            BuiltinRole::Admin => "admin",
            BuiltinRole::SalesManager => "sales_manager",
            BuiltinRole::SalesConsultant => "sales_consultant",
            BuiltinRole::SalesAssistant => "sales_assistant",
            BuiltinRole::ServiceManager => "service_manager",
            BuiltinRole::ServiceAdvisor => "service_advisor",
            BuiltinRole::RenewalAgent => "renewal_agent",
            BuiltinRole::Marketing => "marketing",
            BuiltinRole::Finance => "finance",
            BuiltinRole::GroupAnalyst => "group_analyst",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.key() == key)
    }

    /// The role's name in Simplified Chinese, used where no UI translates it (CLI output).
    pub fn name_zh(self) -> &'static str {
        match self {
            BuiltinRole::Admin => "管理员",
            BuiltinRole::SalesManager => "销售经理",
            BuiltinRole::SalesConsultant => "销售顾问",
            BuiltinRole::SalesAssistant => "销售助理",
            BuiltinRole::ServiceManager => "服务经理",
            BuiltinRole::ServiceAdvisor => "服务顾问",
            BuiltinRole::RenewalAgent => "续保专员",
            BuiltinRole::Marketing => "市场专员",
            BuiltinRole::Finance => "财务",
            BuiltinRole::GroupAnalyst => "集团分析师",
        }
    }

    pub fn grants(self) -> GrantSet {
        use Permission::*;
        use Scope::*;
        // Everyone sees their colleagues (to assign work), the org chart and the dealer.
        let colleague_view = [
            Grant::new(UserRead, Dealer),
            Grant::new(TeamRead, Dealer),
            Grant::new(DepartmentRead, Dealer),
            Grant::new(DealerRead, Dealer),
            Grant::new(AuditRead, Own),
        ];
        let customers = |read: Scope, write: Scope| {
            [
                Grant::new(CustomerRead, read),
                Grant::new(CustomerCreate, Dealer),
                Grant::new(CustomerUpdate, write),
                Grant::new(VehicleRead, read),
                Grant::new(VehicleCreate, Dealer),
                Grant::new(VehicleUpdate, write),
                Grant::new(CatalogRead, Dealer),
            ]
        };
        // Working leads, opportunities and test drives within a scope.
        let sales = |read: Scope, write: Scope| {
            [
                Grant::new(LeadRead, read),
                Grant::new(LeadCreate, Dealer),
                Grant::new(LeadUpdate, write),
                Grant::new(OpportunityRead, read),
                Grant::new(OpportunityUpdate, write),
                Grant::new(TestDriveRead, read),
                Grant::new(TestDriveBook, write),
                Grant::new(SalesReportRead, read),
            ]
        };
        // Activities, approvals and notifications within a scope.
        let work = |read: Scope, write: Scope| {
            [
                Grant::new(ActivityRead, read),
                Grant::new(ActivityWrite, write),
                Grant::new(ApprovalRead, read),
                Grant::new(ApprovalCreate, Dealer),
                Grant::new(NotificationRead, Own),
            ]
        };
        // Quotes and trade-in appraisals within a scope.
        let deal = |read: Scope, write: Scope| {
            [
                Grant::new(QuoteRead, read),
                Grant::new(QuoteWrite, write),
                Grant::new(AppraisalRead, read),
                Grant::new(AppraisalWrite, write),
            ]
        };
        let grants: Vec<Grant> = match self {
            BuiltinRole::Admin => Permission::ALL
                .iter()
                // Publishing reaches the group's other dealers: not a dealer admin's to do.
                .filter(|p| **p != CatalogPublish)
                .map(|p| {
                    let widest_dealer_level = if p.allowed_scopes().contains(&Dealer) {
                        Dealer
                    } else {
                        *p.allowed_scopes().last().unwrap_or(&Dealer)
                    };
                    Grant::new(*p, widest_dealer_level)
                })
                .collect(),
            BuiltinRole::SalesManager => colleague_view
                .into_iter()
                .chain(customers(Dealer, Dealer))
                .chain([
                    Grant::new(RoleRead, Dealer),
                    Grant::new(AuditRead, Team),
                    Grant::new(PiiUnmaskPhone, Dealer),
                    Grant::new(ApiTokenRead, Own),
                    Grant::new(CustomerAssign, Dealer),
                    Grant::new(CustomerMerge, Dealer),
                    Grant::new(CustomerImport, Dealer),
                    Grant::new(CustomerExport, Dealer),
                    Grant::new(LeadAssign, Dealer),
                    Grant::new(TestDriveFleet, Dealer),
                    Grant::new(SalesConfigure, Dealer),
                ])
                .chain(sales(Dealer, Dealer))
                .chain(work(Dealer, Dealer))
                .chain([Grant::new(ApprovalDecide, Dealer)])
                .chain([
                    Grant::new(StockRead, Dealer),
                    Grant::new(StockManage, Dealer),
                    Grant::new(StockCost, Dealer),
                ])
                .chain(deal(Dealer, Dealer))
                .chain([
                    Grant::new(QuoteApprove, Dealer),
                    Grant::new(DealConfigure, Dealer),
                ])
                .collect(),
            BuiltinRole::ServiceManager => colleague_view
                .into_iter()
                .chain(customers(Dealer, Dealer))
                .chain([
                    Grant::new(RoleRead, Dealer),
                    Grant::new(AuditRead, Team),
                    Grant::new(PiiUnmaskPhone, Dealer),
                    Grant::new(ApiTokenRead, Own),
                    Grant::new(CustomerExport, Dealer),
                ])
                .chain(work(Dealer, Dealer))
                .chain([Grant::new(ApprovalDecide, Dealer)])
                .collect(),
            // A consultant works their own customers.
            BuiltinRole::SalesConsultant => colleague_view
                .into_iter()
                .chain(customers(Own, Own))
                .chain([
                    Grant::new(PiiUnmaskPhone, Own),
                    Grant::new(CustomerExport, Own),
                ])
                .chain(sales(Own, Own))
                .chain(work(Own, Own))
                .chain([Grant::new(StockRead, Dealer)])
                .chain(deal(Own, Own))
                .collect(),
            // The service desk must find any customer's car, and calls them when it is ready.
            BuiltinRole::ServiceAdvisor => colleague_view
                .into_iter()
                .chain(customers(Dealer, Dealer))
                .chain([Grant::new(PiiUnmaskPhone, Dealer)])
                .chain(work(Own, Own))
                .collect(),
            // The assistant types paper reception forms and old spreadsheets in.
            BuiltinRole::SalesAssistant => colleague_view
                .into_iter()
                .chain(customers(Dealer, Dealer))
                .chain([
                    Grant::new(CustomerImport, Dealer),
                    Grant::new(LeadRead, Dealer),
                    Grant::new(LeadCreate, Dealer),
                    Grant::new(LeadAssign, Dealer),
                    Grant::new(TestDriveRead, Dealer),
                    Grant::new(TestDriveBook, Dealer),
                    Grant::new(TestDriveFleet, Dealer),
                ])
                .chain(work(Dealer, Dealer))
                .chain([Grant::new(StockRead, Dealer)])
                .collect(),
            BuiltinRole::Marketing => colleague_view
                .into_iter()
                .chain([
                    Grant::new(CustomerRead, Dealer),
                    Grant::new(VehicleRead, Dealer),
                    Grant::new(CatalogRead, Dealer),
                    Grant::new(CustomerExport, Dealer),
                    // Marketing nurtures the pool of cold leads and hands warm ones back.
                    Grant::new(LeadRead, Dealer),
                    Grant::new(LeadCreate, Dealer),
                    Grant::new(LeadUpdate, Dealer),
                    Grant::new(LeadAssign, Dealer),
                    Grant::new(SalesReportRead, Dealer),
                ])
                .chain(work(Own, Own))
                .chain([
                    Grant::new(MessageRead, Dealer),
                    Grant::new(MessageTemplateManage, Dealer),
                ])
                .collect(),
            BuiltinRole::RenewalAgent => colleague_view
                .into_iter()
                .chain([
                    Grant::new(CustomerRead, Dealer),
                    Grant::new(CustomerUpdate, Dealer),
                    Grant::new(VehicleRead, Dealer),
                    Grant::new(VehicleUpdate, Dealer),
                    Grant::new(CatalogRead, Dealer),
                    Grant::new(PiiUnmaskPhone, Dealer),
                ])
                .chain(work(Own, Own))
                .collect(),
            BuiltinRole::Finance => colleague_view
                .into_iter()
                .chain([
                    Grant::new(CustomerRead, Dealer),
                    Grant::new(VehicleRead, Dealer),
                    Grant::new(CatalogRead, Dealer),
                    Grant::new(PiiUnmaskPhone, Dealer),
                    Grant::new(PiiUnmaskIdNumber, Dealer),
                    Grant::new(AuditRead, Dealer),
                ])
                .chain(work(Own, Own))
                .chain([Grant::new(RefundApprove, Dealer)])
                .chain([Grant::new(StockRead, Dealer), Grant::new(StockCost, Dealer)])
                // Finance reads quotes (and their trade-ins) but never changes a price.
                .chain([
                    Grant::new(QuoteRead, Dealer),
                    Grant::new(AppraisalRead, Dealer),
                ])
                .collect(),
            BuiltinRole::GroupAnalyst => vec![
                Grant::new(UserRead, Group),
                Grant::new(TeamRead, Group),
                Grant::new(DepartmentRead, Group),
                Grant::new(DealerRead, Group),
                Grant::new(RoleRead, Group),
                Grant::new(AuditRead, Own),
                Grant::new(CustomerRead, Group),
                Grant::new(VehicleRead, Group),
                Grant::new(CatalogRead, Group),
                Grant::new(CatalogPublish, Group),
                Grant::new(LeadRead, Group),
                Grant::new(OpportunityRead, Group),
                Grant::new(TestDriveRead, Group),
                Grant::new(SalesReportRead, Group),
                Grant::new(StockRead, Group),
                Grant::new(NotificationRead, Own),
            ],
        };
        GrantSet::new(
            grants
                .into_iter()
                .chain(self.order_grants())
                .chain(self.aftersales_grants())
                .chain(self.care_grants()),
        )
    }

    /// The grants of after-sales: advisors work the dealer's service, the service manager also
    /// configures it and reads its reports, renewal agents their own renewals.
    fn aftersales_grants(self) -> Vec<Grant> {
        use Permission::*;
        use Scope::*;
        let desk = [
            Grant::new(ServiceRead, Dealer),
            Grant::new(ServiceWrite, Dealer),
            Grant::new(InsuranceRead, Dealer),
            Grant::new(InsuranceWrite, Dealer),
        ];
        match self {
            BuiltinRole::ServiceAdvisor => desk.to_vec(),
            BuiltinRole::ServiceManager => desk
                .into_iter()
                .chain([
                    Grant::new(ServiceConfigure, Dealer),
                    Grant::new(ServiceReport, Dealer),
                    Grant::new(RenewalRead, Dealer),
                    Grant::new(RenewalWork, Dealer),
                    Grant::new(RenewalAssign, Dealer),
                ])
                .collect(),
            BuiltinRole::RenewalAgent => vec![
                Grant::new(InsuranceRead, Dealer),
                Grant::new(InsuranceWrite, Dealer),
                Grant::new(RenewalRead, Own),
                Grant::new(RenewalWork, Own),
            ],
            BuiltinRole::GroupAnalyst => vec![Grant::new(ServiceReport, Group)],
            _ => Vec::new(),
        }
    }

    /// The grants of customer care: anyone at a counter records complaints; consultants and
    /// advisors handle their own; managers assign, verify and handle the dealer's; the
    /// call centre (renewal agents) reads and verifies them by call-back.
    fn care_grants(self) -> Vec<Grant> {
        use Permission::*;
        use Scope::*;
        match self {
            BuiltinRole::SalesConsultant | BuiltinRole::ServiceAdvisor => vec![
                Grant::new(ComplaintRead, Own),
                Grant::new(ComplaintEnter, Dealer),
                Grant::new(ComplaintHandle, Own),
            ],
            BuiltinRole::SalesAssistant => vec![
                Grant::new(ComplaintRead, Own),
                Grant::new(ComplaintEnter, Dealer),
            ],
            BuiltinRole::SalesManager | BuiltinRole::ServiceManager => vec![
                Grant::new(ComplaintRead, Dealer),
                Grant::new(ComplaintEnter, Dealer),
                Grant::new(ComplaintHandle, Dealer),
                Grant::new(ComplaintVerify, Dealer),
                Grant::new(ComplaintAssign, Dealer),
            ],
            BuiltinRole::RenewalAgent => vec![
                Grant::new(ComplaintRead, Dealer),
                Grant::new(ComplaintEnter, Dealer),
                Grant::new(ComplaintVerify, Dealer),
            ],
            _ => Vec::new(),
        }
    }

    /// The grants of orders and money: consultants their own orders, managers the dealer's,
    /// finance the money (never prices).
    fn order_grants(self) -> Vec<Grant> {
        use Permission::*;
        use Scope::*;
        match self {
            BuiltinRole::SalesConsultant => vec![
                Grant::new(OrderRead, Own),
                Grant::new(OrderWrite, Own),
                Grant::new(DeliveryComplete, Own),
            ],
            BuiltinRole::SalesManager => vec![
                Grant::new(OrderRead, Dealer),
                Grant::new(OrderWrite, Dealer),
                Grant::new(DeliveryComplete, Dealer),
            ],
            BuiltinRole::Finance => vec![
                Grant::new(OrderRead, Dealer),
                Grant::new(PaymentRecord, Dealer),
                Grant::new(InvoiceIssue, Dealer),
                Grant::new(FinanceExport, Dealer),
            ],
            _ => Vec::new(),
        }
    }
}

/// Checks a custom role's key: 2–32 characters of `a-z`, `0-9` and `_`, starting with a
/// letter, and not the key of a built-in role.
pub fn parse_custom_role_key(field: &str, input: &str) -> Result<String, FieldError> {
    let key = crate::code::parse_key(field, input)?;
    if BuiltinRole::from_key(&key).is_some() {
        return Err(FieldError::new(
            field,
            "taken",
            "is the key of a built-in role",
        ));
    }
    Ok(key)
}

/// Checks the grants of a custom role: every scope must be one its permission allows.
pub fn check_grants(field: &str, grants: &[Grant]) -> Result<GrantSet, FieldError> {
    if let Some((index, grant)) = grants.iter().enumerate().find(|(_, g)| !g.is_allowed()) {
        return Err(FieldError::new(
            format!("{field}.{index}.scope"),
            "scope_not_allowed",
            format!(
                "{} cannot be granted at scope {}",
                grant.permission,
                grant.scope.as_str()
            ),
        ));
    }
    Ok(GrantSet::new(grants.iter().copied()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_grant_is_allowed() {
        for role in BuiltinRole::ALL {
            for grant in role.grants().grants() {
                assert!(grant.is_allowed(), "{role:?} grants {grant:?}");
            }
            assert_eq!(BuiltinRole::from_key(role.key()), Some(role));
        }
    }

    #[test]
    fn admin_holds_everything_of_its_dealer() {
        let admin = BuiltinRole::Admin.grants();
        for p in Permission::ALL {
            assert_eq!(admin.has(*p), *p != Permission::CatalogPublish, "{p}");
        }
    }

    #[test]
    fn group_analyst_is_read_only_and_group_wide() {
        let g = BuiltinRole::GroupAnalyst.grants();
        assert!(g.has_group_scope());
        assert!(
            g.grants()
                .all(|g| matches!(g.permission.action(), "read" | "report" | "publish"))
        );
    }

    #[test]
    fn custom_keys() {
        assert_eq!(
            parse_custom_role_key("key", "admin").unwrap_err().code,
            "taken"
        );
        assert_eq!(
            parse_custom_role_key("key", "Floor Lead").unwrap_err().code,
            "invalid_format"
        );
        assert_eq!(
            parse_custom_role_key("key", "floor_lead").unwrap(),
            "floor_lead"
        );
    }
}
