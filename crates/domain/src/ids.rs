//! Typed record ids. Every id is a UUIDv7: time-ordered (good for indexes and keyset
//! pagination) and globally unique, so a dealer's own instance can create records offline and
//! sync them to a group instance later without collisions.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use uuid::Uuid;

macro_rules! define_id {
    ($($(#[$meta:meta])* $name:ident;)*) => {$(
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(Uuid);

        impl $name {
            /// A new, time-ordered id.
            pub fn new() -> Self {
                Self(Uuid::now_v7())
            }
            /// Wraps an id read from storage or from a trusted caller.
            pub const fn from_uuid(uuid: Uuid) -> Self {
                Self(uuid)
            }
            pub const fn uuid(self) -> Uuid {
                self.0
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }

        impl From<$name> for Uuid {
            fn from(id: $name) -> Uuid {
                id.0
            }
        }

        impl From<Uuid> for $name {
            fn from(uuid: Uuid) -> Self {
                Self(uuid)
            }
        }

        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::schema::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .format(Some(utoipa::openapi::schema::SchemaFormat::KnownFormat(
                        utoipa::openapi::schema::KnownFormat::Uuid,
                    )))
                    .into()
            }
        }
        impl utoipa::ToSchema for $name {}
    )*};
}

define_id! {
    /// An OEM or dealer group.
    GroupId;
    /// A dealer (a 4S store): the tenant every tenant-owned row belongs to.
    DealerId;
    DepartmentId;
    TeamId;
    UserId;
    RoleId;
    SessionId;
    ApiTokenId;
    AuditEventId;
    CatalogBrandId;
    CatalogSeriesId;
    CatalogModelId;
    LookupId;
    CustomerId;
    CustomerEventId;
    VehicleId;
    SavedViewId;
    ImportId;
    ImportMappingId;
    LeadId;
    LeadFollowUpId;
    ReceptionId;
    PipelineStageId;
    OpportunityId;
    TestDriveCarId;
    TestDriveBookingId;
    JobId;
    JobScheduleId;
    ActivityId;
    ApprovalRequestId;
    NotificationId;
    OutboundMessageId;
    MessageTemplateId;
    /// A configurator item: a trim's price, an option, a package or a dealer accessory.
    ConfigItemId;
    /// A group of a trim's options (paint, interior …).
    ConfigGroupId;
    /// A trade-in appraisal (二手车评估).
    AppraisalId;
    /// A quote (报价单), one version of it.
    QuoteId;
    StockUnitId;
    /// A repair order (工单).
    RepairOrderId;
    /// A labour or parts line of a repair order.
    RepairLineId;
    /// A part on the dealer's parts price list.
    PartsPriceId;
    /// A service appointment (预约).
    ServiceAppointmentId;
    OrderId;
    OrderPaymentId;
    OrderScheduleItemId;
    OrderRefundId;
    /// A car's insurance policy (交强险 or 商业险).
    InsurancePolicyId;
    /// A policy's renewal (续保).
    RenewalId;
    /// A customer's complaint (投诉).
    ComplaintId;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_time_ordered_and_round_trip() {
        let a = UserId::new();
        let b = UserId::new();
        assert!(a < b, "UUIDv7 ids created later sort later");
        assert_eq!(a, a.to_string().parse().unwrap());
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(json, format!("\"{a}\""));
    }
}
