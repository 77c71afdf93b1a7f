//! Keeping a customer's search terms in step with their name, phones and cars.

use forecourt_db::repo::{customers, search_index, vehicles};
use forecourt_db::{ConnectionTrait, DealerScope};
use forecourt_domain::search::customer_terms;
use forecourt_kernel::error::CoreResult;
use uuid::Uuid;

/// Recomputes the index terms of customers from what is stored (call it in the transaction
/// that changed them).
pub async fn reindex<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    customer_ids: &[Uuid],
) -> CoreResult<()> {
    let found = customers::find_many(conn, scope, customer_ids).await?;
    let phones = customers::phones_of(conn, scope, customer_ids).await?;
    let cars = vehicles::identifiers_of(conn, scope, customer_ids).await?;
    for customer in found {
        if customer.status != customers::ACTIVE {
            search_index::remove(conn, scope, customer.id).await?;
            continue;
        }
        let own_phones = phones
            .iter()
            .filter(|p| p.customer_id == customer.id)
            .map(|p| p.number.as_str());
        let own_cars: Vec<&(Uuid, Option<String>, Option<String>)> =
            cars.iter().filter(|(c, _, _)| *c == customer.id).collect();
        let terms = customer_terms(
            &customer.name,
            own_phones,
            own_cars.iter().filter_map(|(_, plate, _)| plate.as_deref()),
            own_cars.iter().filter_map(|(_, _, vin)| vin.as_deref()),
        );
        search_index::replace(conn, scope, customer.id, terms).await?;
    }
    Ok(())
}
