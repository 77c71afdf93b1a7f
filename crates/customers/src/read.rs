//! The customer 360°.

use super::access::{customer_for, owner_teams};
use super::types::{CustomerKind, Gender};
use super::views::{
    AddressView, CustomerView, Render, companion_views, consent_history, consent_views,
    masked_email, masked_id_number, phone_views,
};
use crate::Customers;
use crate::vehicles::VehicleView;
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::customer;
use forecourt_db::repo::{customers, vehicles};
use forecourt_domain::ids::CustomerId;
use forecourt_domain::permission::Permission;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::CoreResult;

impl Customers<'_> {
    /// A customer with everything about them (the 360° page; the timeline is paged separately).
    pub async fn get_customer(&self, actor: &Actor, id: CustomerId) -> CoreResult<CustomerView> {
        let conn = self.db().conn();
        let customer = customer_for(conn, actor, id, Permission::CustomerRead).await?;
        self.customer_view(conn, actor, customer).await
    }

    /// The customer 360° of an already loaded customer, rendered for the caller: phones masked
    /// unless they may see them, the ID number always masked.
    pub async fn customer_view<C: ConnectionTrait>(
        &self,
        conn: &C,
        actor: &Actor,
        customer: customer::Model,
    ) -> CoreResult<CustomerView> {
        let scope = actor.scope();
        let ids = [customer.id];
        let phones = customers::phones_of(conn, scope, &ids).await?;
        let tags = customers::tags_of(conn, scope, &ids).await?;
        let companions = customers::companions_of(conn, scope, customer.id).await?;
        let history = customers::consent_events_of(conn, scope, customer.id).await?;
        let cars = vehicles::of_customers(conn, scope, &ids).await?;
        let car_ids: Vec<uuid::Uuid> = cars.iter().map(|v| v.id).collect();
        let readings = vehicles::readings_of(conn, scope, &car_ids).await?;
        let owners = owner_teams(conn, actor, customer.owner_id).await?;
        let render = Render {
            actor,
            owners: &owners,
        };
        let unmasked = render.unmask_phone(&customer);
        let can_reveal =
            super::access::reaches(actor, Permission::PiiUnmaskIdNumber, &customer, &owners);
        Ok(CustomerView {
            id: CustomerId::from_uuid(customer.id),
            kind: CustomerKind::from_db(&customer.kind).unwrap_or(CustomerKind::Person),
            name: customer.name.clone(),
            gender: customer.gender.as_deref().and_then(Gender::from_db),
            birthday: customer.birthday,
            phones: phone_views(&render, &customer, &phones),
            contact_masked: !unmasked && (!phones.is_empty() || customer.email.is_some()),
            wechat_id: customer.wechat_id.clone(),
            email: masked_email(&render, &customer),
            address: AddressView {
                province: customer.province.clone(),
                city: customer.city.clone(),
                district: customer.district.clone(),
                street: customer.street.clone(),
            },
            id_number: masked_id_number(&customer),
            occupation: customer.occupation.clone(),
            notes: customer.notes.clone(),
            tags: tags.into_iter().map(|t| t.tag).collect(),
            source: customer.source_key.clone(),
            owner: render.owner(&customer),
            companions: companion_views(&render, &customer, &companions),
            consents: consent_views(&customer, &history),
            consent_history: consent_history(&history),
            vehicles: cars
                .iter()
                .map(|v| VehicleView::new(v, &readings))
                .collect(),
            can_reveal_id_number: can_reveal && customer.id_number_cipher.is_some(),
            created_at: customer.created_at,
            updated_at: customer.updated_at,
            version: customer.version,
        })
    }
}
