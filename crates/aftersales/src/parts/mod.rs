//! The parts price list (配件价格表): each part's number, name and price in fen; listed and
//! searched by number or name, edited by hand, or imported from a spreadsheet (upsert by part
//! number, every row checked, all in one transaction: `import.rs`).

mod import;

use crate::AfterSales;
use forecourt_db::entities::parts_price;
use forecourt_db::repo::{repair_orders, tenant};
use forecourt_domain::ids::PartsPriceId;
use forecourt_domain::permission::Permission;
use forecourt_domain::username::parse_name;
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::paging::{Paged, page_or_bad_cursor, page_request};
use forecourt_kernel::spreadsheet::{self, FileFormat, RowError};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

const ENTITY: &str = "parts_price";
/// The longest part number.
pub const PART_NO_MAX: usize = 40;
/// The longest part name.
pub const PART_NAME_MAX: usize = 200;
/// The highest price of a part, in fen (¥1,000,000).
pub const PART_PRICE_MAX_FEN: i64 = 100_000_000;
/// The most rows one import takes.
pub const IMPORT_ROWS_MAX: usize = 20_000;

/// A part on the price list.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct PartsPriceView {
    pub id: PartsPriceId,
    /// The part number (零件号), upper case.
    pub part_no: String,
    pub name: String,
    /// The retail price per unit, in fen.
    pub price_fen: i64,
    pub version: i64,
}

/// A new part on the price list.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewPartsPrice {
    /// 1–40 characters; stored upper case; unique in the dealer (409 `already_exists`).
    #[schema(schema_with = forecourt_domain::schema::name::<{ PART_NO_MAX }>)]
    pub part_no: String,
    /// 1–200 characters.
    #[schema(schema_with = forecourt_domain::schema::name::<{ PART_NAME_MAX }>)]
    pub name: String,
    /// 0–100,000,000 fen.
    #[schema(minimum = 0, maximum = 100000000)]
    pub price_fen: i64,
}

/// A change of a part's name or price; absent fields stay.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PartsPricePatch {
    /// 1–200 characters.
    #[schema(schema_with = forecourt_domain::schema::name::<{ PART_NAME_MAX }>)]
    pub name: Option<String>,
    /// 0–100,000,000 fen.
    #[schema(minimum = 0, maximum = 100000000)]
    pub price_fen: Option<i64>,
    /// The version read; a stale one is 409 `version_conflict`.
    pub version: i64,
}

/// Filters of the price list.
#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PartsQuery {
    /// The beginning of a part number, or part of a name.
    #[param(max_length = 200)]
    pub q: Option<String>,
    /// Rows per page (1–200, default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
    /// The `next_cursor` of the previous page.
    #[param(max_length = 500)]
    pub cursor: Option<String>,
}

/// What an import did: nothing at all when any row was wrong (then `errors` lists them).
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct PartsImportReport {
    /// Rows read (the header not counted).
    pub rows: usize,
    /// Parts added.
    pub created: usize,
    /// Parts whose name or price changed.
    pub updated: usize,
    /// Parts already as in the file.
    pub unchanged: usize,
    /// Every problem, by row and column; when any, nothing was written.
    pub errors: Vec<RowError>,
}

/// The view of a row.
pub fn view(m: &parts_price::Model) -> PartsPriceView {
    PartsPriceView {
        id: PartsPriceId::from_uuid(m.id),
        part_no: m.part_no.clone(),
        name: m.name.clone(),
        price_fen: m.price_fen,
        version: m.version,
    }
}

/// A part number: trimmed, upper case, 1–40 characters.
pub fn part_no(errors: &mut FieldErrors, field: &str, input: &str) -> Option<String> {
    match parse_name(field, input, PART_NO_MAX) {
        Ok(v) => Some(v.to_uppercase()),
        Err(e) => {
            errors.push(e);
            None
        }
    }
}

fn price(errors: &mut FieldErrors, field: &str, fen: i64) -> Option<i64> {
    if (0..=PART_PRICE_MAX_FEN).contains(&fen) {
        Some(fen)
    } else {
        errors.push(FieldError::new(
            field,
            "out_of_range",
            "must be 0–100,000,000 fen",
        ));
        None
    }
}

fn part_taken() -> CoreError {
    CoreError::AlreadyExists(FieldError::new(
        "part_no",
        "taken",
        "is already on the price list",
    ))
}
impl AfterSales<'_> {
    /// A page of the price list by part number; `q` is a number's beginning or part of a
    /// name. Needs `service:read` (or `service:configure`).
    pub async fn list_parts(
        &self,
        actor: &Actor,
        query: PartsQuery,
    ) -> CoreResult<Paged<PartsPriceView>> {
        if !actor.can(Permission::ServiceRead) {
            actor.require(Permission::ServiceConfigure)?;
        }
        let page = page_request(query.limit, query.cursor.as_deref())?;
        let rows = page_or_bad_cursor(
            repair_orders::list_parts(self.db().conn(), actor.scope(), query.q.as_deref(), &page)
                .await?,
        )?;
        Ok(Paged::from_page(rows, |p| view(&p)))
    }

    /// Adds a part to the price list. Needs `service:configure`; every field is checked (422
    /// naming each); a number already listed is 409 `already_exists` on `part_no`.
    pub async fn create_part(
        &self,
        actor: &Actor,
        new: NewPartsPrice,
    ) -> CoreResult<PartsPriceView> {
        actor.require(Permission::ServiceConfigure)?;
        let mut errors = FieldErrors::new();
        let number = part_no(&mut errors, "part_no", &new.part_no);
        let name = errors.check(parse_name("name", &new.name, PART_NAME_MAX));
        let price_fen = price(&mut errors, "price_fen", new.price_fen);
        errors.finish()?;
        let (Some(number), Some(name), Some(price_fen)) = (number, name, price_fen) else {
            return Err(CoreError::invalid(FieldError::required("part_no")));
        };
        let now = self.now();
        let tx = self.db().begin().await?;
        if !repair_orders::parts_by_numbers(&*tx, actor.scope(), std::slice::from_ref(&number))
            .await?
            .is_empty()
        {
            return Err(part_taken());
        }
        let model = parts_price::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            part_no: number,
            name,
            price_fen,
            created_at: now,
            updated_at: now,
            version: 1,
        };
        let created =
            tenant::insert::<parts_price::Entity, _>(&*tx, actor.scope(), model.dealer_id, model)
                .await
                .map_err(|e| match e {
                    forecourt_db::DbError::UniqueViolation(_) => part_taken(),
                    other => CoreError::from_db(ENTITY, other),
                })?;
        audit::record(&*tx, actor, AuditEntry::created(&created), now).await?;
        tx.commit().await?;
        Ok(view(&created))
    }

    /// Changes a part's name or price. Needs `service:configure`; another dealer's part is
    /// 404, a stale `version` 409 `version_conflict`.
    pub async fn update_part(
        &self,
        actor: &Actor,
        id: PartsPriceId,
        patch: PartsPricePatch,
    ) -> CoreResult<PartsPriceView> {
        let tx = self.db().begin().await?;
        let before = forecourt_kernel::access::find_in_dealer::<parts_price::Entity, _>(
            &*tx,
            actor,
            id.uuid(),
            ENTITY,
        )
        .await?;
        actor.require(Permission::ServiceConfigure)?;
        if before.version != patch.version {
            return Err(CoreError::VersionConflict { entity: ENTITY });
        }
        let mut errors = FieldErrors::new();
        let mut after = before.clone();
        if let Some(name) = &patch.name {
            match parse_name("name", name, PART_NAME_MAX) {
                Ok(v) => after.name = v,
                Err(e) => errors.push(e),
            }
        }
        if let Some(fen) = patch.price_fen
            && let Some(v) = price(&mut errors, "price_fen", fen)
        {
            after.price_fen = v;
        }
        errors.finish()?;
        let now = self.now();
        let entry = AuditEntry::updated(&before, &after);
        let saved = audit::update_if_changed::<parts_price::Entity, _>(
            &*tx,
            actor,
            &before,
            after,
            entry,
            now,
            |e| CoreError::from_db(ENTITY, e),
        )
        .await?
        .unwrap_or(before);
        tx.commit().await?;
        Ok(view(&saved))
    }

    /// Takes a part off the price list (lines already on repair orders keep their copy).
    /// Needs `service:configure`; another dealer's part is 404.
    pub async fn delete_part(&self, actor: &Actor, id: PartsPriceId) -> CoreResult<()> {
        let tx = self.db().begin().await?;
        let before = forecourt_kernel::access::find_in_dealer::<parts_price::Entity, _>(
            &*tx,
            actor,
            id.uuid(),
            ENTITY,
        )
        .await?;
        actor.require(Permission::ServiceConfigure)?;
        let now = self.now();
        tenant::delete::<parts_price::Entity, _>(&*tx, actor.scope(), before.id).await?;
        audit::record(&*tx, actor, AuditEntry::deleted(&before), now).await?;
        tx.commit().await?;
        Ok(())
    }
}
