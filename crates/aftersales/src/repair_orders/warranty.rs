//! Warranty claims (索赔): the warranty-paid lines of the orders picked up in a period (the
//! dealer's calendar), listed or exported as a workbook headed in the reader's language.

use super::types::{WarrantyClaimLine, WarrantyClaims, WarrantyQuery};
use super::views::model_text;
use crate::AfterSales;
use forecourt_customers::export::{ExportFile, neutralize};
use forecourt_db::entities::vehicle;
use forecourt_db::repo::{repair_orders, tenant};
use forecourt_domain::FieldError;
use forecourt_domain::dates::check_year;
use forecourt_domain::ids::RepairOrderId;
use forecourt_domain::locale::Locale;
use forecourt_domain::permission::Permission;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use rust_xlsxwriter::{Format, Workbook};
use std::collections::HashMap;
use tokio::sync::mpsc;
use uuid::Uuid;

/// The longest period of claims, in days.
pub const PERIOD_MAX_DAYS: i64 = 366;

type Words = [&'static str; 3];

const SHEET: Words = ["索赔", "索賠", "Warranty claims"];
const HEADERS: [Words; 10] = [
    ["工单号", "工單號", "Repair order"],
    ["交车日期", "交車日期", "Picked up"],
    ["VIN", "VIN", "VIN"],
    ["车牌", "車牌", "Plate"],
    ["车型", "車型", "Model"],
    ["类型", "類型", "Kind"],
    ["工时代码/零件号", "工時代碼/零件號", "Operation / part"],
    ["说明", "說明", "Description"],
    [
        "工时(×100)/数量",
        "工時(×100)/數量",
        "Hours ×100 / quantity",
    ],
    ["金额（元）", "金額（元）", "Amount (CNY)"],
];
const KINDS: [Words; 2] = [["工时", "工時", "Labour"], ["配件", "配件", "Part"]];

fn internal(error: impl std::fmt::Display) -> CoreError {
    CoreError::Internal(anyhow::anyhow!("warranty export: {error}"))
}

impl AfterSales<'_> {
    /// The warranty-paid labour and parts lines of the orders picked up from `from` to `to`
    /// (included, the dealer's calendar), oldest first. Needs `service:report`; a period
    /// ending before it starts or longer than 366 days is 422 naming `to`.
    pub async fn warranty_claims(
        &self,
        actor: &Actor,
        query: &WarrantyQuery,
    ) -> CoreResult<WarrantyClaims> {
        actor.require(Permission::ServiceReport)?;
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
        let tz = actor.time_zone();
        let start = tz.start_of_day(query.from);
        let end = tz.start_of_day(query.to + chrono::Days::new(1));
        let conn = self.db().conn();
        let scope = actor.scope();
        let orders = repair_orders::picked_up_between(conn, scope, start, end).await?;
        let ids: Vec<Uuid> = orders.iter().map(|o| o.id).collect();
        let labour = repair_orders::labour_of(conn, scope, &ids).await?;
        let parts = repair_orders::parts_of(conn, scope, &ids).await?;
        let vehicle_ids: Vec<Uuid> = orders.iter().map(|o| o.vehicle_id).collect();
        let cars: HashMap<Uuid, vehicle::Model> =
            tenant::find_many::<vehicle::Entity, _>(conn, scope, &vehicle_ids)
                .await?
                .into_iter()
                .map(|v| (v.id, v))
                .collect();
        let mut lines = Vec::new();
        for o in &orders {
            let car = cars.get(&o.vehicle_id);
            let base = |kind: &str, code: &str, description: &str, quantity, amount_fen| {
                WarrantyClaimLine {
                    repair_order_id: RepairOrderId::from_uuid(o.id),
                    number: o.number.clone(),
                    picked_up_on: tz.local_date(o.picked_up_at.unwrap_or(o.updated_at)),
                    vin: car.and_then(|c| c.vin.clone()),
                    plate: car.and_then(|c| c.plate.clone()),
                    model: car.map(model_text).unwrap_or_default(),
                    kind: kind.to_owned(),
                    code: code.to_owned(),
                    description: description.to_owned(),
                    quantity,
                    amount_fen,
                }
            };
            for l in labour
                .iter()
                .filter(|l| l.repair_order_id == o.id && l.payer == "warranty")
            {
                lines.push(base(
                    "labour",
                    &l.operation_code,
                    &l.description,
                    l.hours_centi,
                    l.amount_fen,
                ));
            }
            for p in parts
                .iter()
                .filter(|p| p.repair_order_id == o.id && p.payer == "warranty")
            {
                lines.push(base("part", &p.part_no, &p.name, p.quantity, p.amount_fen));
            }
        }
        let total_fen = lines.iter().map(|l| l.amount_fen).sum();
        Ok(WarrantyClaims {
            from: query.from,
            to: query.to,
            lines,
            total_fen,
        })
    }

    /// The warranty claims of a period (as [`Self::warranty_claims`]) as an `.xlsx` download
    /// headed in `locale` (else the reader's language). Needs `service:report`.
    pub async fn export_warranty_claims(
        &self,
        actor: &Actor,
        query: &WarrantyQuery,
        locale: Option<Locale>,
    ) -> CoreResult<ExportFile> {
        let claims = self.warranty_claims(actor, query).await?;
        let i = locale.unwrap_or_else(|| actor.locale()).index();
        let mut book = Workbook::new();
        let bold = Format::new().set_bold();
        let sheet = book.add_worksheet();
        sheet.set_name(SHEET[i]).map_err(internal)?;
        for (col, header) in HEADERS.iter().enumerate() {
            sheet
                .write_string_with_format(0, col as u16, header[i], &bold)
                .map_err(internal)?;
        }
        for (n, l) in claims.lines.iter().enumerate() {
            let row = n as u32 + 1;
            let kind = if l.kind == "labour" { 0 } else { 1 };
            let texts = [
                l.number.clone(),
                l.picked_up_on.to_string(),
                l.vin.clone().unwrap_or_default(),
                neutralize(l.plate.as_deref().unwrap_or("")),
                neutralize(&l.model),
                KINDS[kind][i].to_owned(),
                neutralize(&l.code),
                neutralize(&l.description),
            ];
            for (col, text) in texts.iter().enumerate() {
                sheet
                    .write_string(row, col as u16, text)
                    .map_err(internal)?;
            }
            sheet
                .write_number(row, 8, f64::from(l.quantity))
                .map_err(internal)?;
            sheet
                .write_number(row, 9, l.amount_fen as f64 / 100.0)
                .map_err(internal)?;
        }
        sheet.set_column_width(0, 16).map_err(internal)?;
        sheet.set_column_width(2, 20).map_err(internal)?;
        sheet.set_column_width(7, 30).map_err(internal)?;
        let bytes = book.save_to_buffer().map_err(internal)?;
        let (sender, chunks) = mpsc::channel(1);
        // The channel holds the one chunk: sending cannot wait.
        sender.try_send(Ok(bytes)).map_err(internal)?;
        Ok(ExportFile {
            filename: format!("warranty-claims-{}-{}.xlsx", query.from, query.to),
            content_type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            chunks,
        })
    }
}
