//! Reading orders: one order, and the list within the reader's reach (a consultant sees the
//! orders of their own customers, managers and finance the dealer's).

use crate::Orders;
use crate::access::order_for;
use crate::views::{self, OrderView};
use forecourt_db::repo::orders;
use forecourt_domain::FieldError;
use forecourt_domain::ids::{CustomerId, OrderId};
use forecourt_domain::orders::OrderStatus;
use forecourt_domain::paging::{DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE};
use forecourt_domain::permission::Permission;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// Which orders to list.
#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OrderQuery {
    /// Only orders in this status.
    pub status: Option<OrderStatus>,
    /// Only this customer's orders.
    pub customer_id: Option<CustomerId>,
    /// The `next_cursor` of the previous page.
    #[param(format = "uuid")]
    pub cursor: Option<String>,
    /// Orders per page (1–200, default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
}

/// A page of orders, newest first.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct OrderPage {
    pub items: Vec<OrderView>,
    pub next_cursor: Option<String>,
}

impl Orders<'_> {
    /// One order with its money, plan, payments, refunds, invoice and checklists. Needs
    /// `order:read` reaching its consultant; another dealer's order is 404.
    pub async fn get_order(&self, actor: &Actor, id: OrderId) -> CoreResult<OrderView> {
        let conn = self.db().conn();
        let o = order_for(conn, actor, id, Permission::OrderRead).await?;
        views::view(conn, actor, &o).await
    }

    /// The orders within the reader's reach, newest first. Needs `order:read`.
    pub async fn list_orders(&self, actor: &Actor, query: OrderQuery) -> CoreResult<OrderPage> {
        let reach = actor.reach(Permission::OrderRead)?;
        let limit = query
            .limit
            .unwrap_or(DEFAULT_PAGE_SIZE)
            .clamp(1, MAX_PAGE_SIZE);
        let after = match query.cursor.as_deref().filter(|c| !c.is_empty()) {
            None => None,
            Some(c) => Some(c.parse::<Uuid>().map_err(|_| {
                CoreError::invalid(FieldError::new(
                    "cursor",
                    "invalid_cursor",
                    "is not a cursor of this list",
                ))
            })?),
        };
        let conn = self.db().conn();
        let mut rows = orders::list(
            conn,
            actor.scope(),
            reach,
            query.status.map(OrderStatus::as_str),
            query.customer_id.map(CustomerId::uuid),
            after,
            limit + 1,
        )
        .await?;
        let next_cursor = if rows.len() as u64 > limit {
            rows.truncate(limit as usize);
            rows.last().map(|o| o.id.to_string())
        } else {
            None
        };
        Ok(OrderPage {
            items: views::views(conn, actor, &rows).await?,
            next_cursor,
        })
    }
}
