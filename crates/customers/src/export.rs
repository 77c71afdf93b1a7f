//! Exporting customers to CSV or Excel. The file is produced a batch at a time and streamed, so
//! memory does not grow with the number of customers (Excel files are assembled in a temporary
//! file by rust_xlsxwriter's constant-memory mode). Phones are masked as the caller sees them,
//! ID numbers always; a cell that a spreadsheet would run as a formula is neutralised.

use super::access::owner_teams;
use super::list::CustomerQuery;
use super::views::{Render, masked_email, masked_id_number};
use crate::Customers;
use crate::CustomersExt as _;
use forecourt_db::entities::customer;
use forecourt_db::repo::customers::{self, CustomerFilter};
use forecourt_db::repo::{Reach, vehicles};
use forecourt_domain::permission::Permission;
use forecourt_kernel::app::App;
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use serde::Deserialize;
use std::io::{Read, Seek};
use tokio::sync::mpsc;
use utoipa::ToSchema;

const BATCH: u64 = 1000;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    #[default]
    Csv,
    Xlsx,
}

/// A file being produced: its name, type and content, arriving in chunks.
pub struct ExportFile {
    pub filename: String,
    pub content_type: &'static str,
    pub chunks: mpsc::Receiver<std::io::Result<Vec<u8>>>,
}

impl std::fmt::Debug for ExportFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ExportFile")
            .field("filename", &self.filename)
            .finish_non_exhaustive()
    }
}

const HEADERS_ZH: [&str; 22] = [
    "姓名",
    "类型",
    "性别",
    "生日",
    "手机",
    "其他电话",
    "微信",
    "邮箱",
    "省份",
    "城市",
    "区县",
    "详细地址",
    "身份证号",
    "职业",
    "来源",
    "负责人",
    "标签",
    "短信同意",
    "电话同意",
    "邮件同意",
    "车辆",
    "创建时间",
];
const HEADERS_EN: [&str; 22] = [
    "Name",
    "Kind",
    "Gender",
    "Birthday",
    "Mobile",
    "Other phones",
    "WeChat",
    "Email",
    "Province",
    "City",
    "District",
    "Street",
    "ID number",
    "Occupation",
    "Source",
    "Owner",
    "Tags",
    "SMS consent",
    "Phone consent",
    "Email consent",
    "Vehicles",
    "Created",
];

/// A spreadsheet runs a cell starting with `=`, `+`, `-`, `@` (or a tab or carriage return) as a
/// formula; a leading apostrophe makes it text.
pub fn neutralize(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

fn yes_no(value: Option<bool>) -> String {
    match value {
        Some(true) => "Y".into(),
        Some(false) => "N".into(),
        None => String::new(),
    }
}

impl Customers<'_> {
    /// Starts an export of the customers a query selects, within the caller's reach. The export
    /// itself is audited (who, which filter).
    pub async fn export_customers(
        &self,
        actor: &Actor,
        query: CustomerQuery,
        format: ExportFormat,
        english: bool,
    ) -> CoreResult<ExportFile> {
        let reach = actor.reach(Permission::CustomerExport)?;
        // Export never reaches further than reading does.
        let read = actor.reach(Permission::CustomerRead)?;
        let reach = narrower(reach, read);
        let filter = self.customer_filter(actor, &query).await?;
        let now = self.now();
        let tx = self.db().begin().await?;
        let entry = AuditEntry::action("customer", "exported", None).change(
            "query",
            serde_json::Value::Null,
            serde_json::to_value(&query).unwrap_or_default(),
        );
        audit::record(&*tx, actor, entry, now).await?;
        tx.commit().await?;

        let stamp = actor.time_zone().local_date(now).format("%Y%m%d");
        let (filename, content_type) = match format {
            ExportFormat::Csv => (format!("customers-{stamp}.csv"), "text/csv; charset=utf-8"),
            ExportFormat::Xlsx => (
                format!("customers-{stamp}.xlsx"),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ),
        };
        let (sender, chunks) = mpsc::channel(4);
        let app = App::clone(self);
        let actor = actor.clone();
        tokio::spawn(async move {
            let result = match format {
                ExportFormat::Csv => {
                    app.customers()
                        .stream_csv(&actor, reach, &filter, english, &sender)
                        .await
                }
                ExportFormat::Xlsx => {
                    app.customers()
                        .stream_xlsx(&actor, reach, &filter, english, &sender)
                        .await
                }
            };
            if let Err(error) = result {
                tracing::error!(%error, "customer export failed");
                let _ = sender
                    .send(Err(std::io::Error::other("the export failed")))
                    .await;
            }
        });
        Ok(ExportFile {
            filename,
            content_type,
            chunks,
        })
    }

    /// The next batch of selected customers as spreadsheet rows; `None` when done.
    async fn next_export_batch(
        &self,
        actor: &Actor,
        reach: Reach,
        filter: &CustomerFilter,
        after: &mut Option<Option<uuid::Uuid>>,
    ) -> CoreResult<Option<Vec<Vec<String>>>> {
        // `None`: finished; `Some(cursor)`: continue after the cursor.
        let Some(cursor) = *after else {
            return Ok(None);
        };
        let batch = customers::batch_after(
            self.db().conn(),
            actor.scope(),
            reach,
            filter,
            cursor,
            BATCH,
        )
        .await?;
        *after = match batch.last() {
            Some(last) if batch.len() as u64 == BATCH => Some(Some(last.id)),
            _ => None,
        };
        if batch.is_empty() {
            return Ok(None);
        }
        self.export_rows(actor, &batch).await.map(Some)
    }

    async fn export_rows(
        &self,
        actor: &Actor,
        batch: &[customer::Model],
    ) -> CoreResult<Vec<Vec<String>>> {
        let conn = self.db().conn();
        let scope = actor.scope();
        let ids: Vec<uuid::Uuid> = batch.iter().map(|c| c.id).collect();
        let phones = customers::phones_of(conn, scope, &ids).await?;
        let tags = customers::tags_of(conn, scope, &ids).await?;
        let cars = vehicles::of_customers(conn, scope, &ids).await?;
        let owners = owner_teams(conn, actor, batch.iter().filter_map(|c| c.owner_id)).await?;
        let render = Render {
            actor,
            owners: &owners,
        };
        let tz = actor.time_zone().tz();
        Ok(batch
            .iter()
            .map(|c| {
                let own: Vec<String> = phones
                    .iter()
                    .filter(|p| p.customer_id == c.id)
                    .map(|p| render.phone(c, &p.number))
                    .collect();
                let car_list: Vec<String> = cars
                    .iter()
                    .filter(|v| v.owner_customer_id == Some(c.id))
                    .map(|v| {
                        [
                            v.plate.as_deref(),
                            v.brand.as_deref(),
                            v.series.as_deref(),
                            v.vin.as_deref(),
                        ]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(" ")
                    })
                    .collect();
                vec![
                    c.name.clone(),
                    c.kind.clone(),
                    c.gender.clone().unwrap_or_default(),
                    c.birthday.map(|d| d.to_string()).unwrap_or_default(),
                    own.first().cloned().unwrap_or_default(),
                    own.iter().skip(1).cloned().collect::<Vec<_>>().join(" "),
                    c.wechat_id.clone().unwrap_or_default(),
                    masked_email(&render, c).unwrap_or_default(),
                    c.province.clone().unwrap_or_default(),
                    c.city.clone().unwrap_or_default(),
                    c.district.clone().unwrap_or_default(),
                    c.street.clone().unwrap_or_default(),
                    masked_id_number(c).unwrap_or_default(),
                    c.occupation.clone().unwrap_or_default(),
                    c.source_key.clone().unwrap_or_default(),
                    render.owner(c).map(|o| o.display_name).unwrap_or_default(),
                    tags.iter()
                        .filter(|t| t.customer_id == c.id)
                        .map(|t| t.tag.as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                    yes_no(c.consent_sms),
                    yes_no(c.consent_phone),
                    yes_no(c.consent_email),
                    car_list.join("; "),
                    c.created_at
                        .with_timezone(&tz)
                        .format("%Y-%m-%d %H:%M")
                        .to_string(),
                ]
                .into_iter()
                .map(|cell| neutralize(&cell))
                .collect()
            })
            .collect())
    }

    async fn stream_csv(
        &self,
        actor: &Actor,
        reach: Reach,
        filter: &CustomerFilter,
        english: bool,
        sender: &mpsc::Sender<std::io::Result<Vec<u8>>>,
    ) -> CoreResult<()> {
        let headers: &[&str] = if english { &HEADERS_EN } else { &HEADERS_ZH };
        // A byte-order mark makes Excel read the file as UTF-8 (Chinese would garble otherwise).
        let mut first = "\u{FEFF}".as_bytes().to_vec();
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.write_record(headers).map_err(internal)?;
        first.extend(writer.into_inner().map_err(|e| internal(e.into_error()))?);
        if sender.send(Ok(first)).await.is_err() {
            return Ok(());
        }
        let mut after = Some(None);
        while let Some(rows) = self
            .next_export_batch(actor, reach, filter, &mut after)
            .await?
        {
            let mut writer = csv::Writer::from_writer(Vec::new());
            for row in rows {
                writer.write_record(&row).map_err(internal)?;
            }
            let chunk = writer.into_inner().map_err(|e| internal(e.into_error()))?;
            if sender.send(Ok(chunk)).await.is_err() {
                break;
            }
        }
        Ok(())
    }

    async fn stream_xlsx(
        &self,
        actor: &Actor,
        reach: Reach,
        filter: &CustomerFilter,
        english: bool,
        sender: &mpsc::Sender<std::io::Result<Vec<u8>>>,
    ) -> CoreResult<()> {
        let headers: &[&str] = if english { &HEADERS_EN } else { &HEADERS_ZH };
        let mut workbook = rust_xlsxwriter::Workbook::new();
        let mut row_index: u32 = 0;
        {
            let sheet = workbook
                .add_worksheet_with_constant_memory()
                .map_err(internal)?;
            sheet
                .set_name(if english { "Customers" } else { "客户" })
                .map_err(internal)?;
            sheet
                .write_row(0, 0, headers.iter().copied())
                .map_err(internal)?;
        }
        let mut after = Some(None);
        while let Some(rows) = self
            .next_export_batch(actor, reach, filter, &mut after)
            .await?
        {
            let sheet = workbook.worksheet_from_index(0).map_err(internal)?;
            for row in rows {
                row_index += 1;
                for (col, cell) in row.iter().enumerate() {
                    sheet
                        .write_string(row_index, col as u16, cell)
                        .map_err(internal)?;
                }
            }
        }
        let mut file = tempfile::tempfile().map_err(internal)?;
        tokio::task::block_in_place(|| workbook.save_to_writer(&mut file)).map_err(internal)?;
        file.rewind().map_err(internal)?;
        let mut buffer = vec![0u8; 64 * 1024];
        loop {
            let read = tokio::task::block_in_place(|| file.read(&mut buffer)).map_err(internal)?;
            if read == 0 || sender.send(Ok(buffer[..read].to_vec())).await.is_err() {
                return Ok(());
            }
        }
    }
}

fn narrower(a: Reach, b: Reach) -> Reach {
    let rank = |r: &Reach| match r {
        Reach::Own { .. } => 0,
        Reach::Team { .. } => 1,
        Reach::Dealer => 2,
    };
    if rank(&a) <= rank(&b) { a } else { b }
}

fn internal(error: impl std::fmt::Display) -> CoreError {
    CoreError::Internal(anyhow::anyhow!("export: {error}"))
}

#[cfg(test)]
mod tests {
    use super::neutralize;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(
            neutralize("=HYPERLINK(\"http://x\")"),
            "'=HYPERLINK(\"http://x\")"
        );
        assert_eq!(neutralize("+8613812345678"), "'+8613812345678");
        assert_eq!(neutralize("-1"), "'-1");
        assert_eq!(neutralize("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralize("张伟"), "张伟");
    }
}
