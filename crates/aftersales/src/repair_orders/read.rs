//! Reading repair orders: one with its lines, the filtered list (newest first), and a car's
//! repair history.

use super::types::{RepairOrderQuery, RepairOrderSummary, RepairOrderView, TechnicianView};
use super::{order_in_dealer, views};
use crate::AfterSales;
use forecourt_db::entities::vehicle;
use forecourt_db::repo::repair_orders::{self, RepairOrderFilter};
use forecourt_domain::aftersales::repair::RepairStatus;
use forecourt_domain::ids::{RepairOrderId, UserId, VehicleId};
use forecourt_domain::permission::Permission;
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::access::find_in_dealer;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::CoreResult;
use forecourt_kernel::paging::{Paged, page_or_bad_cursor, page_request};

/// The most orders a car's history shows.
pub const HISTORY_MAX: u64 = 200;

impl AfterSales<'_> {
    /// A repair order with its lines, clocks, totals by payer and the customer's bill. Needs
    /// `service:read`; another dealer's order is 404.
    pub async fn repair_order(
        &self,
        actor: &Actor,
        id: RepairOrderId,
    ) -> CoreResult<RepairOrderView> {
        let conn = self.db().conn();
        let order = order_in_dealer(conn, actor, id).await?;
        actor.require(Permission::ServiceRead)?;
        views::order_view(conn, actor, order).await
    }

    /// A page of the dealer's repair orders, newest first, filtered by status
    /// (comma-separated), advisor, car, customer and `q` (the number, its beginning or its
    /// last digits). Needs `service:read`.
    pub async fn list_repair_orders(
        &self,
        actor: &Actor,
        query: RepairOrderQuery,
    ) -> CoreResult<Paged<RepairOrderSummary>> {
        actor.require(Permission::ServiceRead)?;
        let mut errors = FieldErrors::new();
        let mut statuses = Vec::new();
        for key in query
            .status
            .as_deref()
            .unwrap_or("")
            .split(',')
            .map(str::trim)
            .filter(|k| !k.is_empty())
        {
            match RepairStatus::parse(key) {
                Some(s) => statuses.push(s.as_str().to_owned()),
                None => errors.push(FieldError::new(
                    "status",
                    "invalid_value",
                    "lists opened, in_progress, quality_check, ready, picked_up or cancelled",
                )),
            }
        }
        errors.finish()?;
        let filter = RepairOrderFilter {
            statuses,
            advisor_id: query.advisor_id.map(|a| a.uuid()),
            vehicle_id: query.vehicle_id.map(|v| v.uuid()),
            customer_id: query.customer_id.map(|c| c.uuid()),
            q: query.q.clone(),
        };
        let page = page_request(query.limit, query.cursor.as_deref())?;
        let conn = self.db().conn();
        let rows =
            page_or_bad_cursor(repair_orders::list(conn, actor.scope(), &filter, &page).await?)?;
        let next_cursor = rows.next_cursor.as_ref().map(forecourt_db::Cursor::encode);
        let items = views::summaries(conn, actor, rows.items).await?;
        Ok(Paged { items, next_cursor })
    }

    /// A car's repair orders with their lines, newest first (at most 200). Needs
    /// `service:read`; another dealer's car is 404.
    pub async fn vehicle_repair_orders(
        &self,
        actor: &Actor,
        vehicle_id: VehicleId,
    ) -> CoreResult<Vec<RepairOrderView>> {
        let conn = self.db().conn();
        let car =
            find_in_dealer::<vehicle::Entity, _>(conn, actor, vehicle_id.uuid(), "vehicle").await?;
        actor.require(Permission::ServiceRead)?;
        let orders = repair_orders::of_vehicle(conn, actor.scope(), car.id, HISTORY_MAX).await?;
        views::order_views(conn, actor, orders).await
    }

    /// The people who may clock on a job: the dealer's active users, by name. Needs
    /// `service:read`.
    pub async fn technicians(&self, actor: &Actor) -> CoreResult<Vec<TechnicianView>> {
        actor.require(Permission::ServiceRead)?;
        let users = forecourt_db::repo::users::active(self.db().conn(), actor.scope()).await?;
        Ok(users
            .into_iter()
            .map(|u| TechnicianView {
                id: UserId::from_uuid(u.id),
                display_name: u.display_name,
            })
            .collect())
    }
}
