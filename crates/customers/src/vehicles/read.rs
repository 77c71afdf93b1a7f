//! Reading vehicles: access through the owner, a filtered page, one with its history.

use super::{VehicleQuery, VehicleView};
use crate::Customers;
use crate::access::{owner_teams, reaches};
use crate::views::masked_name;
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{customer, vehicle};
use forecourt_db::repo::vehicles::VehicleFilter;
use forecourt_db::repo::{customers, tenant, vehicles};
use forecourt_domain::ids::{CustomerId, VehicleId};
use forecourt_domain::permission::Permission;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::paging::{Paged, page_or_bad_cursor, page_request};
use uuid::Uuid;

impl Customers<'_> {
    /// The vehicle, if the actor may act on it with `permission` (through its owner).
    pub async fn vehicle_for<C: ConnectionTrait>(
        &self,
        conn: &C,
        actor: &Actor,
        id: VehicleId,
        permission: Permission,
    ) -> CoreResult<vehicle::Model> {
        let found = forecourt_kernel::access::find_in_dealer::<vehicle::Entity, _>(
            conn,
            actor,
            id.uuid(),
            "vehicle",
        )
        .await?;
        actor.require(permission)?;
        let visible = match found.owner_customer_id {
            Some(owner) => {
                match tenant::find::<customer::Entity, _>(conn, actor.scope(), owner).await? {
                    Some(customer) => {
                        let owners = owner_teams(conn, actor, customer.owner_id).await?;
                        reaches(actor, Permission::VehicleRead, &customer, &owners)
                            && reaches(actor, permission, &customer, &owners)
                    }
                    None => false,
                }
            }
            None => actor
                .grants()
                .scope(permission)
                .is_some_and(|s| s >= forecourt_domain::permission::Scope::Dealer),
        };
        if visible {
            Ok(found)
        } else {
            Err(CoreError::not_found("vehicle"))
        }
    }

    /// A page of the vehicles within the caller's `vehicle.read` scope, filtered by brand, owner,
    /// whether bought here and a search text.
    pub async fn list_vehicles(
        &self,
        actor: &Actor,
        query: VehicleQuery,
    ) -> CoreResult<Paged<VehicleView>> {
        let reach = actor.reach(Permission::VehicleRead)?;
        let page = page_request(query.limit, query.cursor.as_deref())?;
        let filter = VehicleFilter {
            brand: query.brand,
            owner_customer_id: query.customer_id.map(CustomerId::uuid),
            bought_here: query.bought_here,
            q: query.q,
        };
        let conn = self.db().conn();
        let rows =
            page_or_bad_cursor(vehicles::list(conn, actor.scope(), reach, &filter, &page).await?)?;
        Ok(Paged::from_page(rows, |v| VehicleView::new(&v, &[])))
    }

    /// A vehicle with its mileage readings and owners over time.
    pub async fn get_vehicle(&self, actor: &Actor, id: VehicleId) -> CoreResult<VehicleView> {
        let conn = self.db().conn();
        let v = self
            .vehicle_for(conn, actor, id, Permission::VehicleRead)
            .await?;
        self.vehicle_view(conn, actor, &v).await
    }

    pub(super) async fn vehicle_view<C: ConnectionTrait>(
        &self,
        conn: &C,
        actor: &Actor,
        v: &vehicle::Model,
    ) -> CoreResult<VehicleView> {
        let readings = vehicles::readings_of(conn, actor.scope(), &[v.id]).await?;
        let ownerships = vehicles::ownerships_of(conn, actor.scope(), &[v.id]).await?;
        let ids: Vec<Uuid> = ownerships.iter().map(|o| o.customer_id).collect();
        let owners_of_record = customers::find_many(conn, actor.scope(), &ids).await?;
        let teams = owner_teams(
            conn,
            actor,
            owners_of_record.iter().filter_map(|c| c.owner_id),
        )
        .await?;
        let names: std::collections::HashMap<Uuid, String> = owners_of_record
            .iter()
            .map(|c| {
                let name = if reaches(actor, Permission::CustomerRead, c, &teams) {
                    c.name.clone()
                } else {
                    masked_name(&c.name)
                };
                (c.id, name)
            })
            .collect();
        Ok(
            VehicleView::new(v, &readings).with_ownerships(&ownerships, |id| {
                names.get(&id).cloned().unwrap_or_default()
            }),
        )
    }
}
