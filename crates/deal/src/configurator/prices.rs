//! Prices of configurator items from a day on, and the managers' list of accessories.

use super::write::{PriceInput, check_price};
use super::{ItemView, item_view};
use crate::Deal;
use forecourt_db::WriteTx;
use forecourt_db::entities::{config_item, config_item_price};
use forecourt_db::repo::{deal, tenant};
use forecourt_domain::ids::ConfigItemId;
use forecourt_domain::permission::Permission;
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use uuid::Uuid;

impl Deal<'_> {
    /// Sets an item's price from a day on (managers). Quotes already made keep the prices
    /// they were made with; a configuration priced on a later day uses the new one.
    pub async fn set_config_price(
        &self,
        actor: &Actor,
        id: ConfigItemId,
        price: PriceInput,
    ) -> CoreResult<ItemView> {
        let tx = self.db().begin().await?;
        let item = forecourt_kernel::access::find_in_dealer::<config_item::Entity, _>(
            &*tx,
            actor,
            id.uuid(),
            "config_item",
        )
        .await?;
        actor.require(Permission::DealConfigure)?;
        let mut errors = FieldErrors::new();
        check_price(&mut errors, "", &price);
        // Field names without the leading dot.
        let errors: Vec<FieldError> = errors
            .into_vec()
            .into_iter()
            .map(|mut e| {
                e.field = e.field.trim_start_matches('.').to_owned();
                e
            })
            .collect();
        if !errors.is_empty() {
            return Err(CoreError::Validation(errors));
        }
        self.write_price(&tx, actor, item.id, &price).await?;
        let view = self.item_view_in(&tx, actor, &item).await?;
        tx.commit().await?;
        Ok(view)
    }

    /// Every dealer accessory with its prices (managers).
    pub async fn list_accessories(&self, actor: &Actor) -> CoreResult<Vec<ItemView>> {
        actor.require(Permission::DealConfigure)?;
        let conn = self.db().conn();
        let items = deal::accessories(conn, actor.scope()).await?;
        let ids: Vec<Uuid> = items.iter().map(|i| i.id).collect();
        let prices = deal::prices_of(conn, actor.scope(), &ids, None).await?;
        let today = self.today(actor);
        Ok(items
            .iter()
            .map(|i| item_view(i, today, &prices, &[], true))
            .collect())
    }

    pub(super) async fn write_price(
        &self,
        tx: &WriteTx,
        actor: &Actor,
        item_id: Uuid,
        price: &PriceInput,
    ) -> CoreResult<()> {
        let now = self.now();
        let existing =
            deal::price_on_day(&**tx, actor.scope(), item_id, price.effective_from).await?;
        match existing {
            Some(before) => {
                let mut after = before.clone();
                after.price_fen = price.price_fen;
                after.cost_fen = price.cost_fen;
                let entry = AuditEntry::updated(&before, &after);
                audit::update_if_changed::<config_item_price::Entity, _>(
                    &**tx,
                    actor,
                    &before,
                    after,
                    entry,
                    now,
                    |e| CoreError::from_db("config_item_price", e),
                )
                .await?;
            }
            None => {
                let row = config_item_price::Model {
                    id: Uuid::now_v7(),
                    dealer_id: actor.dealer_id().uuid(),
                    item_id,
                    effective_from: price.effective_from,
                    price_fen: price.price_fen,
                    cost_fen: price.cost_fen,
                    created_at: now,
                    updated_at: now,
                    version: 1,
                };
                let saved = tenant::insert::<config_item_price::Entity, _>(
                    &**tx,
                    actor.scope(),
                    row.dealer_id,
                    row,
                )
                .await
                .map_err(CoreError::on_write("config_item_price", "effective_from"))?;
                audit::record(&**tx, actor, AuditEntry::created(&saved), now).await?;
            }
        }
        Ok(())
    }

    pub(super) async fn item_view_in(
        &self,
        tx: &WriteTx,
        actor: &Actor,
        item: &config_item::Model,
    ) -> CoreResult<ItemView> {
        let prices = deal::prices_of(&**tx, actor.scope(), &[item.id], None).await?;
        let contents = deal::package_items(&**tx, actor.scope(), &[item.id]).await?;
        Ok(item_view(item, self.today(actor), &prices, &contents, true))
    }
}
