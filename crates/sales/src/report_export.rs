//! The morning report as an Excel workbook: the same numbers the page shows (per consultant,
//! per team, the totals), headed in the reader's language. Delivered like the customer export
//! (an [`ExportFile`] the HTTP layer streams as a download).

use super::report::{ConsultantRow, Conversion, Figures, ReportQuery, SalesReport, TeamRow};
use crate::Sales;
use forecourt_customers::export::{ExportFile, neutralize};
use forecourt_domain::locale::Locale;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use rust_xlsxwriter::{Format, Workbook, Worksheet};
use tokio::sync::mpsc;

/// Words of the workbook, in the order of [`Locale::ALL`].
type Words = [&'static str; 3];

const CONSULTANT: Words = ["销售顾问", "銷售顧問", "Consultant"];
const TEAM: Words = ["团队", "團隊", "Team"];
const NO_TEAM: Words = ["未分组", "未分組", "No team"];
const TOTAL: Words = ["合计", "合計", "Total"];
const PERIOD: Words = ["期间", "期間", "Period"];
const TIME_ZONE: Words = ["时区", "時區", "Time zone"];
const SHEET_CONSULTANTS: Words = ["按顾问", "按顧問", "By consultant"];
const SHEET_TEAMS: Words = ["按团队", "按團隊", "By team"];
/// The figures' columns, in the order of [`figures`].
const FIGURES: [Words; 8] = [
    ["新增线索", "新增線索", "New leads"],
    ["到店", "到店", "Visits"],
    ["试驾", "試駕", "Test drives"],
    ["升级", "升級", "Upgrades"],
    ["成交", "成交", "Orders"],
    ["交车", "交車", "Deliveries"],
    ["战败", "戰敗", "Lost"],
    ["逾期跟进", "逾期跟進", "Overdue follow-ups"],
];
const CONVERSIONS: [Words; 3] = [
    ["到店→试驾", "到店→試駕", "Visit → test drive"],
    ["试驾→成交", "試駕→成交", "Test drive → order"],
    ["线索→成交", "線索→成交", "Lead → order"],
];

fn figures(f: &Figures) -> [i64; 8] {
    [
        f.new_leads,
        f.visits,
        f.test_drives,
        f.grade_upgrades,
        f.orders,
        f.deliveries,
        f.lost,
        f.overdue_follow_ups,
    ]
}

fn conversions(c: &Conversion) -> [Option<f64>; 3] {
    [
        c.visit_to_test_drive,
        c.test_drive_to_order,
        c.lead_to_order,
    ]
}

fn internal(error: impl std::fmt::Display) -> CoreError {
    CoreError::Internal(anyhow::anyhow!("report export: {error}"))
}

impl Sales<'_> {
    /// The morning report of `query` as an `.xlsx` download: a sheet per consultant and one per
    /// team, each with a total row, headed in `locale` (else the caller's language). Needs what
    /// reading the report needs (`sales_report:read`) and shows the same numbers.
    pub async fn export_sales_report(
        &self,
        actor: &Actor,
        query: ReportQuery,
        locale: Option<Locale>,
    ) -> CoreResult<ExportFile> {
        let report = self.sales_report(actor, query).await?;
        let locale = locale.unwrap_or_else(|| actor.locale());
        let bytes = workbook(&report, locale)?;
        let (sender, chunks) = mpsc::channel(1);
        // The channel holds the one chunk: sending cannot wait.
        sender.try_send(Ok(bytes)).map_err(internal)?;
        let range = if report.first_day == report.last_day {
            report.first_day.to_string()
        } else {
            format!("{}_{}", report.first_day, report.last_day)
        };
        Ok(ExportFile {
            filename: format!("sales-report-{range}.xlsx"),
            content_type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            chunks,
        })
    }
}

/// The workbook's bytes.
fn workbook(report: &SalesReport, locale: Locale) -> CoreResult<Vec<u8>> {
    let i = locale.index();
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let percent = Format::new().set_num_format("0.0%");

    let sheet = book.add_worksheet();
    sheet.set_name(SHEET_CONSULTANTS[i]).map_err(internal)?;
    let mut row = heading(sheet, report, i, &bold, [CONSULTANT[i], TEAM[i]])?;
    let team_name = |id: Option<forecourt_domain::ids::TeamId>| {
        report
            .teams
            .iter()
            .find(|t| t.team_id == id)
            .and_then(|t| t.name.clone())
            .unwrap_or_else(|| NO_TEAM[i].to_owned())
    };
    for ConsultantRow {
        user,
        team_id,
        figures: f,
        conversion,
    } in &report.consultants
    {
        let labels = [
            neutralize(&user.display_name),
            neutralize(&team_name(*team_id)),
        ];
        numbers(sheet, row, &labels, f, conversion, &percent, None)?;
        row += 1;
    }
    let total = [TOTAL[i].to_owned(), String::new()];
    numbers(
        sheet,
        row,
        &total,
        &report.totals,
        &report.conversion,
        &percent,
        Some(&bold),
    )?;
    sheet.set_column_width(0, 14).map_err(internal)?;
    sheet.set_column_width(1, 14).map_err(internal)?;

    let sheet = book.add_worksheet();
    sheet.set_name(SHEET_TEAMS[i]).map_err(internal)?;
    let mut row = heading(sheet, report, i, &bold, [TEAM[i], ""])?;
    for TeamRow {
        name,
        figures: f,
        conversion,
        ..
    } in &report.teams
    {
        let labels = [
            neutralize(name.as_deref().unwrap_or(NO_TEAM[i])),
            String::new(),
        ];
        numbers(sheet, row, &labels, f, conversion, &percent, None)?;
        row += 1;
    }
    numbers(
        sheet,
        row,
        &total,
        &report.totals,
        &report.conversion,
        &percent,
        Some(&bold),
    )?;
    sheet.set_column_width(0, 14).map_err(internal)?;

    book.save_to_buffer().map_err(internal)
}

/// The period line and the column headers; the first row of data.
fn heading(
    sheet: &mut Worksheet,
    report: &SalesReport,
    i: usize,
    bold: &Format,
    labels: [&str; 2],
) -> CoreResult<u32> {
    let range = if report.first_day == report.last_day {
        report.first_day.to_string()
    } else {
        format!("{} – {}", report.first_day, report.last_day)
    };
    sheet
        .write_string_with_format(0, 0, PERIOD[i], bold)
        .map_err(internal)?;
    sheet.write_string(0, 1, range).map_err(internal)?;
    sheet
        .write_string_with_format(0, 3, TIME_ZONE[i], bold)
        .map_err(internal)?;
    sheet
        .write_string(0, 4, &report.time_zone)
        .map_err(internal)?;
    let headers = labels
        .into_iter()
        .chain(FIGURES.iter().map(|w| w[i]))
        .chain(CONVERSIONS.iter().map(|w| w[i]));
    for (col, header) in headers.enumerate() {
        sheet
            .write_string_with_format(2, col as u16, header, bold)
            .map_err(internal)?;
    }
    Ok(3)
}

/// One row: two labels, the figures, the conversions (empty where undefined).
fn numbers(
    sheet: &mut Worksheet,
    row: u32,
    labels: &[String; 2],
    f: &Figures,
    conversion: &Conversion,
    percent: &Format,
    bold: Option<&Format>,
) -> CoreResult<()> {
    for (col, label) in labels.iter().enumerate() {
        match bold {
            Some(format) => sheet.write_string_with_format(row, col as u16, label, format),
            None => sheet.write_string(row, col as u16, label),
        }
        .map_err(internal)?;
    }
    for (k, n) in figures(f).into_iter().enumerate() {
        sheet
            .write_number(row, (2 + k) as u16, n as f64)
            .map_err(internal)?;
    }
    for (k, ratio) in conversions(conversion).into_iter().enumerate() {
        if let Some(ratio) = ratio {
            sheet
                .write_number_with_format(row, (10 + k) as u16, ratio, percent)
                .map_err(internal)?;
        }
    }
    Ok(())
}
