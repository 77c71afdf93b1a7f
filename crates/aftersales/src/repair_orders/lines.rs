//! Labour (工时) and parts (配件) lines of an open repair order: added, changed and removed
//! against the order's version, priced from the dealer's labour rate and parts price list
//! unless given.

use super::types::{
    HOURS_CENTI_MAX, LABOUR_DESCRIPTION_MAX, LINE_PRICE_MAX_FEN, LabourLinePatch, NewLabourLine,
    NewPartLine, OPERATION_CODE_MAX, PartLinePatch, QUANTITY_MAX, RepairOrderView,
};
use super::{
    LINE, check_version, labour_in_order, order_in_dealer, part_in_order, require_open, touch,
    views,
};
use crate::AfterSales;
use crate::parts::PART_NAME_MAX;
use forecourt_db::entities::{repair_order, repair_order_labour, repair_order_part};
use forecourt_db::repo::{repair_orders, tenant};
use forecourt_db::{DatabaseTransaction, WriteTx};
use forecourt_domain::aftersales::repair::{Payer, labour_amount};
use forecourt_domain::ids::{RepairLineId, RepairOrderId};
use forecourt_domain::permission::Permission;
use forecourt_domain::username::{parse_name, parse_optional_text};
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use uuid::Uuid;

fn in_range(errors: &mut FieldErrors, field: &str, value: i64, max: i64, min: i64) -> bool {
    if (min..=max).contains(&value) {
        true
    } else {
        errors.push(FieldError::new(
            field,
            "out_of_range",
            format!("must be {min}–{max}"),
        ));
        false
    }
}

impl AfterSales<'_> {
    /// The order for a change of its lines: of the dealer (404), `service:write`, the version
    /// read (409 `version_conflict`), still in the workshop (409 `invalid_state`).
    async fn order_for_lines(
        &self,
        tx: &DatabaseTransaction,
        actor: &Actor,
        id: RepairOrderId,
        version: i64,
    ) -> CoreResult<repair_order::Model> {
        let order = order_in_dealer(tx, actor, id).await?;
        actor.require(Permission::ServiceWrite)?;
        check_version(&order, version)?;
        require_open(&order)?;
        Ok(order)
    }

    async fn finish_line_change(
        &self,
        tx: WriteTx,
        actor: &Actor,
        order: &repair_order::Model,
        entry: AuditEntry,
    ) -> CoreResult<RepairOrderView> {
        let now = self.now();
        audit::record(&*tx, actor, entry, now).await?;
        let touched = touch(&*tx, actor, order, now).await?;
        let view = views::order_view(&*tx, actor, touched).await?;
        tx.commit().await?;
        Ok(view)
    }

    /// Adds a labour line: operation code, description, standard hours (× 100), the rate
    /// (default the dealer's labour rate) and who pays (default the customer); the amount is
    /// hours × rate to the fen. Needs `service:write`; the order must be open.
    pub async fn add_labour_line(
        &self,
        actor: &Actor,
        id: RepairOrderId,
        new: NewLabourLine,
    ) -> CoreResult<RepairOrderView> {
        let tx = self.db().begin().await?;
        let order = self.order_for_lines(&tx, actor, id, new.version).await?;
        let mut errors = FieldErrors::new();
        let code = errors.check(parse_name(
            "operation_code",
            &new.operation_code,
            OPERATION_CODE_MAX,
        ));
        let description = errors.check(parse_name(
            "description",
            &new.description,
            LABOUR_DESCRIPTION_MAX,
        ));
        in_range(
            &mut errors,
            "hours_centi",
            i64::from(new.hours_centi),
            HOURS_CENTI_MAX,
            1,
        );
        if let Some(rate) = new.rate_fen {
            in_range(&mut errors, "rate_fen", rate, LINE_PRICE_MAX_FEN, 0);
        }
        errors.finish()?;
        let (Some(code), Some(description)) = (code, description) else {
            return Err(CoreError::invalid(FieldError::required("operation_code")));
        };
        let rate_fen = match new.rate_fen {
            Some(rate) => rate,
            None => {
                crate::settings::ensure_defaults(&*tx, actor, self.now())
                    .await?
                    .labour_rate_fen
            }
        };
        let now = self.now();
        let line = repair_order_labour::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            repair_order_id: order.id,
            operation_code: code.to_uppercase(),
            description,
            hours_centi: new.hours_centi,
            rate_fen,
            amount_fen: labour_amount(new.hours_centi, rate_fen),
            payer: new.payer.unwrap_or(Payer::Customer).as_str().to_owned(),
            status: "open".to_owned(),
            technician_id: None,
            created_at: now,
            updated_at: now,
            version: 1,
        };
        let line = tenant::insert::<repair_order_labour::Entity, _>(
            &*tx,
            actor.scope(),
            line.dealer_id,
            line,
        )
        .await
        .map_err(|e| CoreError::from_db(LINE, e))?;
        self.finish_line_change(tx, actor, &order, AuditEntry::created(&line))
            .await
    }

    /// Changes a labour line's description, hours, rate or payer (the amount follows). Needs
    /// `service:write`; the order must be open, the version the order's.
    pub async fn update_labour_line(
        &self,
        actor: &Actor,
        id: RepairOrderId,
        line_id: RepairLineId,
        patch: LabourLinePatch,
    ) -> CoreResult<RepairOrderView> {
        let tx = self.db().begin().await?;
        let order = self.order_for_lines(&tx, actor, id, patch.version).await?;
        let before = labour_in_order(&*tx, actor, &order, line_id).await?;
        let mut errors = FieldErrors::new();
        let mut after = before.clone();
        if let Some(d) = &patch.description
            && let Some(d) = errors.check(parse_name("description", d, LABOUR_DESCRIPTION_MAX))
        {
            after.description = d;
        }
        if let Some(h) = patch.hours_centi
            && in_range(&mut errors, "hours_centi", i64::from(h), HOURS_CENTI_MAX, 1)
        {
            after.hours_centi = h;
        }
        if let Some(r) = patch.rate_fen
            && in_range(&mut errors, "rate_fen", r, LINE_PRICE_MAX_FEN, 0)
        {
            after.rate_fen = r;
        }
        if let Some(p) = patch.payer {
            after.payer = p.as_str().to_owned();
        }
        errors.finish()?;
        after.amount_fen = labour_amount(after.hours_centi, after.rate_fen);
        let now = self.now();
        let entry = AuditEntry::updated(&before, &after);
        if entry.is_empty() {
            let view = views::order_view(&*tx, actor, order).await?;
            tx.commit().await?;
            return Ok(view);
        }
        tenant::update::<repair_order_labour::Entity, _>(
            &*tx,
            actor.scope(),
            before.id,
            after,
            before.version,
            now,
        )
        .await
        .map_err(|e| CoreError::from_db(LINE, e))?;
        self.finish_line_change(tx, actor, &order, entry).await
    }

    /// Removes a labour line nobody has started (409 `invalid_state` otherwise). Needs
    /// `service:write`; the order must be open, the version the order's.
    pub async fn remove_labour_line(
        &self,
        actor: &Actor,
        id: RepairOrderId,
        line_id: RepairLineId,
        version: i64,
    ) -> CoreResult<RepairOrderView> {
        let tx = self.db().begin().await?;
        let order = self.order_for_lines(&tx, actor, id, version).await?;
        let before = labour_in_order(&*tx, actor, &order, line_id).await?;
        if before.status != "open" {
            return Err(CoreError::invalid_state(
                "a labour line that was worked on stays on the order",
            ));
        }
        tenant::delete::<repair_order_labour::Entity, _>(&*tx, actor.scope(), before.id).await?;
        self.finish_line_change(tx, actor, &order, AuditEntry::deleted(&before))
            .await
    }

    /// Adds a parts line: the part number (its name and price from the dealer's price list
    /// unless given; a number not on the list needs both, else 422 `not_on_price_list`),
    /// quantity and who pays (default the customer). Needs `service:write`; the order must
    /// be open, the version the order's.
    pub async fn add_part_line(
        &self,
        actor: &Actor,
        id: RepairOrderId,
        new: NewPartLine,
    ) -> CoreResult<RepairOrderView> {
        let tx = self.db().begin().await?;
        let order = self.order_for_lines(&tx, actor, id, new.version).await?;
        let mut errors = FieldErrors::new();
        let number = crate::parts::part_no(&mut errors, "part_no", &new.part_no);
        let name = errors
            .check(parse_optional_text(
                "name",
                new.name.as_deref(),
                PART_NAME_MAX,
            ))
            .flatten();
        in_range(
            &mut errors,
            "quantity",
            i64::from(new.quantity),
            QUANTITY_MAX,
            1,
        );
        if let Some(p) = new.unit_price_fen {
            in_range(&mut errors, "unit_price_fen", p, LINE_PRICE_MAX_FEN, 0);
        }
        let listed = match &number {
            Some(n) => {
                repair_orders::parts_by_numbers(&*tx, actor.scope(), std::slice::from_ref(n))
                    .await?
                    .pop()
            }
            None => None,
        };
        let name = name.or_else(|| listed.as_ref().map(|p| p.name.clone()));
        let unit_price = new
            .unit_price_fen
            .or_else(|| listed.as_ref().map(|p| p.price_fen));
        if number.is_some() && (name.is_none() || unit_price.is_none()) {
            errors.push(FieldError::new(
                "part_no",
                "not_on_price_list",
                "is not on the price list: give its name and unit price",
            ));
        }
        errors.finish()?;
        let (Some(number), Some(name), Some(unit_price)) = (number, name, unit_price) else {
            return Err(CoreError::invalid(FieldError::required("part_no")));
        };
        let now = self.now();
        let line = repair_order_part::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            repair_order_id: order.id,
            part_no: number,
            name,
            quantity: new.quantity,
            unit_price_fen: unit_price,
            amount_fen: unit_price * i64::from(new.quantity),
            payer: new.payer.unwrap_or(Payer::Customer).as_str().to_owned(),
            created_at: now,
            updated_at: now,
            version: 1,
        };
        let line = tenant::insert::<repair_order_part::Entity, _>(
            &*tx,
            actor.scope(),
            line.dealer_id,
            line,
        )
        .await
        .map_err(|e| CoreError::from_db(LINE, e))?;
        self.finish_line_change(tx, actor, &order, AuditEntry::created(&line))
            .await
    }

    /// Changes a parts line's quantity, unit price or payer (the amount follows). Needs
    /// `service:write`; the order must be open, the version the order's.
    pub async fn update_part_line(
        &self,
        actor: &Actor,
        id: RepairOrderId,
        line_id: RepairLineId,
        patch: PartLinePatch,
    ) -> CoreResult<RepairOrderView> {
        let tx = self.db().begin().await?;
        let order = self.order_for_lines(&tx, actor, id, patch.version).await?;
        let before = part_in_order(&*tx, actor, &order, line_id).await?;
        let mut errors = FieldErrors::new();
        let mut after = before.clone();
        if let Some(q) = patch.quantity
            && in_range(&mut errors, "quantity", i64::from(q), QUANTITY_MAX, 1)
        {
            after.quantity = q;
        }
        if let Some(p) = patch.unit_price_fen
            && in_range(&mut errors, "unit_price_fen", p, LINE_PRICE_MAX_FEN, 0)
        {
            after.unit_price_fen = p;
        }
        if let Some(p) = patch.payer {
            after.payer = p.as_str().to_owned();
        }
        errors.finish()?;
        after.amount_fen = after.unit_price_fen * i64::from(after.quantity);
        let entry = AuditEntry::updated(&before, &after);
        if entry.is_empty() {
            let view = views::order_view(&*tx, actor, order).await?;
            tx.commit().await?;
            return Ok(view);
        }
        tenant::update::<repair_order_part::Entity, _>(
            &*tx,
            actor.scope(),
            before.id,
            after,
            before.version,
            self.now(),
        )
        .await
        .map_err(|e| CoreError::from_db(LINE, e))?;
        self.finish_line_change(tx, actor, &order, entry).await
    }

    /// Removes a parts line. Needs `service:write`; the order must be open, the version the
    /// order's.
    pub async fn remove_part_line(
        &self,
        actor: &Actor,
        id: RepairOrderId,
        line_id: RepairLineId,
        version: i64,
    ) -> CoreResult<RepairOrderView> {
        let tx = self.db().begin().await?;
        let order = self.order_for_lines(&tx, actor, id, version).await?;
        let before = part_in_order(&*tx, actor, &order, line_id).await?;
        tenant::delete::<repair_order_part::Entity, _>(&*tx, actor.scope(), before.id).await?;
        self.finish_line_change(tx, actor, &order, AuditEntry::deleted(&before))
            .await
    }
}
