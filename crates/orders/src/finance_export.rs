//! The finance export of a period: orders signed, payments received, refunds asked for and
//! invoices issued, as CSV (one ledger, a column naming each row's kind) or as an Excel
//! workbook (a sheet per kind), headed in the reader's language, dates in the dealer's time
//! zone. Delivered like the customer export (an [`ExportFile`] the HTTP layer streams).

use crate::Orders;
use chrono::NaiveDate;
use forecourt_customers::export::{ExportFile, neutralize};
use forecourt_db::repo::orders;
use forecourt_domain::FieldError;
use forecourt_domain::dates::check_year;
use forecourt_domain::locale::Locale;
use forecourt_domain::money::Fen;
use forecourt_domain::permission::Permission;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use rust_xlsxwriter::{Format, Workbook};
use serde::Deserialize;
use std::collections::HashMap;
use tokio::sync::mpsc;
use utoipa::IntoParams;
use uuid::Uuid;

/// The longest period one export covers, in days.
pub const PERIOD_MAX_DAYS: i64 = 366;

/// Which period, in which format.
#[derive(Clone, Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FinanceExportQuery {
    /// The first day (the dealer's calendar).
    pub from: NaiveDate,
    /// The last day, included; at most 366 days after `from`.
    pub to: NaiveDate,
    /// `csv` or `xlsx` (default).
    #[param(inline)]
    pub format: Option<ExportFormat>,
}

/// The file an export is written as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    /// One ledger, a column naming each row's kind.
    Csv,
    /// A workbook, a sheet per kind.
    Xlsx,
}

type Words = [&'static str; 3];

const KINDS: [Words; 4] = [
    ["订单", "訂單", "Orders"],
    ["收款", "收款", "Payments"],
    ["退款", "退款", "Refunds"],
    ["发票", "發票", "Invoices"],
];
const HEADERS: [Words; 7] = [
    ["类型", "類型", "Type"],
    ["日期", "日期", "Date"],
    ["合同号", "合同號", "Contract"],
    ["单号", "單號", "Number"],
    ["明细", "明細", "Detail"],
    ["状态", "狀態", "Status"],
    ["金额（元）", "金額（元）", "Amount (CNY)"],
];

/// One exported row: its kind (index into [`KINDS`]) and its cells after the kind.
struct Row {
    kind: usize,
    cells: [String; 5],
    amount: Fen,
}

fn internal(error: impl std::fmt::Display) -> CoreError {
    CoreError::Internal(anyhow::anyhow!("finance export: {error}"))
}

impl Orders<'_> {
    /// The finance export of a period as CSV or `.xlsx`, headed in `locale` (else the
    /// reader's language). Needs `finance:export`; a period longer than 366 days, or ending
    /// before it starts, is 422 naming `to`.
    pub async fn export_finance(
        &self,
        actor: &Actor,
        query: FinanceExportQuery,
        locale: Option<Locale>,
    ) -> CoreResult<ExportFile> {
        actor.require(Permission::FinanceExport)?;
        check_year("from", query.from).map_err(CoreError::invalid)?;
        check_year("to", query.to).map_err(CoreError::invalid)?;
        let days = (query.to - query.from).num_days();
        if !(0..PERIOD_MAX_DAYS).contains(&days) {
            return Err(CoreError::invalid(FieldError::new(
                "to",
                "invalid_period",
                "must be on or after `from`, at most 366 days later",
            )));
        }
        let csv = query.format == Some(ExportFormat::Csv);
        let locale = locale.unwrap_or_else(|| actor.locale());
        let tz = actor.time_zone();
        let start = tz.start_of_day(query.from);
        let end = tz.start_of_day(query.to + chrono::Days::new(1));
        let conn = self.db().conn();
        let scope = actor.scope();
        let signed = orders::orders_signed(conn, scope, start, end).await?;
        let payments = orders::payments_received(conn, scope, start, end).await?;
        let refunds = orders::refunds_created(conn, scope, start, end).await?;
        let invoices = orders::invoices_issued(conn, scope, start, end).await?;
        let mut order_ids: Vec<Uuid> = payments.iter().map(|p| p.order_id).collect();
        order_ids.extend(refunds.iter().map(|r| r.order_id));
        order_ids.extend(invoices.iter().map(|i| i.order_id));
        let contracts: HashMap<Uuid, String> = forecourt_db::repo::tenant::find_many::<
            forecourt_db::entities::order::Entity,
            _,
        >(conn, scope, &order_ids)
        .await?
        .into_iter()
        .chain(signed.iter().cloned())
        .map(|o| (o.id, o.contract_no))
        .collect();
        let contract = |id: &Uuid| contracts.get(id).cloned().unwrap_or_default();
        let day = |at| tz.local_date(at).to_string();
        let mut rows = Vec::new();
        rows.extend(signed.iter().map(|o| Row {
            kind: 0,
            cells: [
                day(o.signed_at),
                o.contract_no.clone(),
                o.vin.clone().unwrap_or_default(),
                neutralize(&o.vehicle_desc),
                o.status.clone(),
            ],
            amount: Fen(o.total_fen),
        }));
        rows.extend(payments.iter().map(|p| Row {
            kind: 1,
            cells: [
                day(p.received_at),
                contract(&p.order_id),
                p.receipt_no.clone(),
                format!("{}/{}", p.purpose, p.method),
                String::new(),
            ],
            amount: Fen(p.amount_fen),
        }));
        rows.extend(refunds.iter().map(|r| Row {
            kind: 2,
            cells: [
                day(r.created_at),
                contract(&r.order_id),
                String::new(),
                neutralize(&r.reason),
                r.status.clone(),
            ],
            amount: Fen(r.amount_fen),
        }));
        rows.extend(invoices.iter().map(|i| Row {
            kind: 3,
            cells: [
                day(i.issued_at),
                contract(&i.order_id),
                i.invoice_no.clone(),
                i.vin.clone(),
                String::new(),
            ],
            amount: Fen(i.amount_fen),
        }));
        let i = locale.index();
        let (bytes, extension, content_type) = if csv {
            (csv_bytes(&rows, i), "csv", "text/csv; charset=utf-8")
        } else {
            (
                workbook(&rows, i)?,
                "xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
        };
        let (sender, chunks) = mpsc::channel(1);
        sender.try_send(Ok(bytes)).map_err(internal)?;
        Ok(ExportFile {
            filename: format!("finance-{}_{}.{extension}", query.from, query.to),
            content_type,
            chunks,
        })
    }
}

fn csv_cell(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_owned()
    }
}

/// The ledger as CSV with a byte-order mark (so spreadsheet programs read it as UTF-8).
fn csv_bytes(rows: &[Row], i: usize) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    let header: Vec<String> = HEADERS.iter().map(|h| csv_cell(h[i])).collect();
    out += &header.join(",");
    out += "\r\n";
    for row in rows {
        let mut cells = vec![csv_cell(KINDS[row.kind][i])];
        cells.extend(row.cells.iter().map(|c| csv_cell(c)));
        cells.push(row.amount.yuan_string());
        out += &cells.join(",");
        out += "\r\n";
    }
    out.into_bytes()
}

/// The workbook: a sheet per kind of row.
fn workbook(rows: &[Row], i: usize) -> CoreResult<Vec<u8>> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let money = Format::new().set_num_format("#,##0.00");
    for (kind, name) in KINDS.iter().enumerate() {
        let sheet = book.add_worksheet();
        sheet.set_name(name[i]).map_err(internal)?;
        for (col, header) in HEADERS.iter().skip(1).enumerate() {
            sheet
                .write_string_with_format(0, col as u16, header[i], &bold)
                .map_err(internal)?;
        }
        for (line, row) in (1u32..).zip(rows.iter().filter(|r| r.kind == kind)) {
            for (col, cell) in row.cells.iter().enumerate() {
                sheet
                    .write_string(line, col as u16, cell)
                    .map_err(internal)?;
            }
            sheet
                .write_number_with_format(line, 5, row.amount.0 as f64 / 100.0, &money)
                .map_err(internal)?;
        }
        sheet.set_column_width(1, 16).map_err(internal)?;
        sheet.set_column_width(2, 20).map_err(internal)?;
        sheet.set_column_width(3, 24).map_err(internal)?;
    }
    book.save_to_buffer().map_err(internal)
}
