//! The stock list: filtered, keyset-paged, and exported as a workbook headed in the reader's
//! language.

use crate::Stock;
use crate::types::{StockQuery, StockUnitView};
use crate::views::{ModelNames, unit_view};
use chrono::Duration;
use forecourt_customers::export::{ExportFile, neutralize};
use forecourt_db::repo::stock::{self, StockFilter};
use forecourt_domain::locale::Locale;
use forecourt_domain::permission::Permission;
use forecourt_domain::stock::StockStatus;
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::paging::{Paged, page_or_bad_cursor, page_request};
use rust_xlsxwriter::{Format, Workbook};
use tokio::sync::mpsc;

/// The most rows an export holds.
pub const EXPORT_MAX_ROWS: u64 = 20_000;

/// Words of the workbook, in the order of [`Locale::ALL`].
type Words = [&'static str; 3];

const HEADERS: [Words; 11] = [
    ["VIN", "VIN", "VIN"],
    ["车型", "車型", "Model"],
    ["颜色", "顏色", "Colour"],
    ["状态", "狀態", "Status"],
    ["位置", "位置", "Location"],
    ["到库日期", "到庫日期", "Arrived"],
    ["库龄（天）", "庫齡（天）", "Days in stock"],
    ["新车/二手车", "新車/二手車", "New / used"],
    ["订单", "訂單", "Order"],
    ["入库时间", "入庫時間", "Added"],
    ["成本（元）", "成本（元）", "Cost (yuan)"],
];
const NEW_USED: [Words; 2] = [["新车", "新車", "New"], ["二手车", "二手車", "Used"]];
const STATUSES: [Words; 6] = [
    ["已订购", "已訂購", "Ordered"],
    ["在途", "在途", "In transit"],
    ["在库", "在庫", "In stock"],
    ["已预留", "已預留", "Reserved"],
    ["已售", "已售", "Sold"],
    ["已交车", "已交車", "Delivered"],
];
const SHEET: Words = ["库存", "庫存", "Stock"];

fn internal(error: impl std::fmt::Display) -> CoreError {
    CoreError::Internal(anyhow::anyhow!("stock export: {error}"))
}

impl Stock<'_> {
    fn filter(&self, actor: &Actor, query: &StockQuery) -> CoreResult<StockFilter> {
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
            match key.parse::<StockStatus>() {
                Ok(s) => statuses.push(s.as_str().to_owned()),
                Err(()) => errors.push(FieldError::new(
                    "status",
                    "invalid_value",
                    "lists ordered, in_transit, in_stock, reserved, sold or delivered",
                )),
            }
        }
        let min_days = query.min_days.filter(|d| *d > 0);
        if query.min_days.is_some_and(|d| !(0..=36_500).contains(&d)) {
            errors.push(FieldError::new(
                "min_days",
                "out_of_range",
                "must be between 0 and 36500",
            ));
        }
        errors.finish()?;
        let today = self.today(actor);
        Ok(StockFilter {
            statuses,
            catalog_model_id: query.catalog_model_id.map(|m| m.uuid()),
            series_id: query.series_id.map(|s| s.uuid()),
            colour: query.colour.clone().filter(|c| !c.trim().is_empty()),
            location: query.location.clone().filter(|c| !c.trim().is_empty()),
            arrived_on_or_before: min_days.map(|d| today - Duration::days(i64::from(d))),
            used: query.used,
            q: query.q.clone(),
        })
    }

    /// A page of the dealer's units, newest first, filtered by status (comma-separated),
    /// model or series, colour, location (or its beginning), a minimum of days in stock, used
    /// or new, and `q` (a VIN or its last characters). Needs `stock:read`; the cost only with
    /// `stock:cost`.
    pub async fn list_units(
        &self,
        actor: &Actor,
        query: StockQuery,
    ) -> CoreResult<Paged<StockUnitView>> {
        actor.require(Permission::StockRead)?;
        let filter = self.filter(actor, &query)?;
        let page = page_request(query.limit, query.cursor.as_deref())?;
        let conn = self.db().conn();
        let names = ModelNames::load(conn, actor).await?;
        let rows = page_or_bad_cursor(stock::list(conn, actor.scope(), &filter, &page).await?)?;
        let today = self.today(actor);
        Ok(Paged::from_page(rows, |u| {
            unit_view(actor, &names, &u, today)
        }))
    }

    /// The filtered list (as [`Self::list_units`], at most 20,000 rows) as an `.xlsx`
    /// download headed in `locale` (else the caller's language); the cost column only for
    /// `stock:cost`. Needs `stock:manage`.
    pub async fn export_units(
        &self,
        actor: &Actor,
        query: StockQuery,
        locale: Option<Locale>,
    ) -> CoreResult<ExportFile> {
        actor.require(Permission::StockManage)?;
        let filter = self.filter(actor, &query)?;
        let conn = self.db().conn();
        let names = ModelNames::load(conn, actor).await?;
        let rows = stock::all_matching(conn, actor.scope(), &filter, EXPORT_MAX_ROWS).await?;
        let today = self.today(actor);
        let views: Vec<StockUnitView> = rows
            .iter()
            .map(|u| unit_view(actor, &names, u, today))
            .collect();
        let locale = locale.unwrap_or_else(|| actor.locale());
        let bytes = workbook(&views, locale, actor.can(Permission::StockCost), actor)?;
        let (sender, chunks) = mpsc::channel(1);
        // The channel holds the one chunk: sending cannot wait.
        sender.try_send(Ok(bytes)).map_err(internal)?;
        Ok(ExportFile {
            filename: format!("stock-{today}.xlsx"),
            content_type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            chunks,
        })
    }
}

fn workbook(
    units: &[StockUnitView],
    locale: Locale,
    with_cost: bool,
    actor: &Actor,
) -> CoreResult<Vec<u8>> {
    let i = locale.index();
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let sheet = book.add_worksheet();
    sheet.set_name(SHEET[i]).map_err(internal)?;
    let columns = if with_cost {
        HEADERS.len()
    } else {
        HEADERS.len() - 1
    };
    for (col, header) in HEADERS.iter().take(columns).enumerate() {
        sheet
            .write_string_with_format(0, col as u16, header[i], &bold)
            .map_err(internal)?;
    }
    let zone = actor.time_zone();
    for (n, u) in units.iter().enumerate() {
        let row = n as u32 + 1;
        let status = StockStatus::ALL
            .iter()
            .position(|s| *s == u.status)
            .unwrap_or(0);
        let texts = [
            u.vin.clone(),
            neutralize(&u.model_name),
            neutralize(u.colour.as_deref().unwrap_or("")),
            STATUSES[status][i].to_owned(),
            neutralize(u.location.as_deref().unwrap_or("")),
            u.arrived_on.map(|d| d.to_string()).unwrap_or_default(),
        ];
        for (col, text) in texts.iter().enumerate() {
            sheet
                .write_string(row, col as u16, text)
                .map_err(internal)?;
        }
        if let Some(days) = u.days_in_stock {
            sheet.write_number(row, 6, days as f64).map_err(internal)?;
        }
        sheet
            .write_string(row, 7, NEW_USED[usize::from(u.used)][i])
            .map_err(internal)?;
        sheet
            .write_string(
                row,
                8,
                u.order_id.map(|o| o.to_string()).unwrap_or_default(),
            )
            .map_err(internal)?;
        sheet
            .write_string(row, 9, zone.local_date(u.created_at).to_string())
            .map_err(internal)?;
        if with_cost && let Some(fen) = u.cost_fen {
            sheet
                .write_number(row, 10, fen as f64 / 100.0)
                .map_err(internal)?;
        }
    }
    sheet.set_column_width(0, 20).map_err(internal)?;
    sheet.set_column_width(1, 30).map_err(internal)?;
    book.save_to_buffer().map_err(internal)
}
