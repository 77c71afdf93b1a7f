//! Importing customers from old spreadsheets (CSV or XLSX): upload, map columns (guessed from
//! the headers, savable), a dry run that reports every bad row without writing, then the import
//! — all or nothing, or skipping bad rows — which matches existing customers by VIN, ID number
//! and phone, so running a file twice makes no twins.

use crate::Customers;
mod apply;
mod mapping;
mod rows;
mod views;
mod write;

pub use apply::OnDuplicate;
pub use forecourt_kernel::spreadsheet::FileFormat;
pub use mapping::ImportField;
pub use rows::RowError;
pub use views::{ImportMode, ImportOptions, ImportReport, ImportView, SavedMapping};

use chrono::{DateTime, Utc};
use forecourt_db::entities::{import, import_mapping};
use forecourt_db::repo::{imports, lookups, tenant, users};
use forecourt_domain::FieldError;
use forecourt_domain::ids::{ImportId, ImportMappingId};
use forecourt_domain::permission::Permission;
use forecourt_domain::username::NAME_MAX;
use forecourt_domain::username::parse_name;
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::lookups::LookupList;
use forecourt_kernel::spreadsheet::{self as read, Table};
use mapping::suggest;
use rows::{RowContext, RowData, parse_row};
use std::collections::{BTreeMap, HashMap};
use uuid::Uuid;

const KIND: &str = "customers";

/// Customers written by one import from which the database's planner statistics are refreshed
/// afterwards (see `Db::refresh_statistics`).
const REFRESH_STATISTICS_AFTER: usize = 10_000;

/// The tables an import fills.
const IMPORTED_TABLES: &[&str] = &[
    "customers",
    "customer_phones",
    "customer_tags",
    "customer_consent_events",
    "vehicles",
    "vehicle_ownerships",
    "mileage_readings",
    "search_terms",
    "customer_events",
    "audit_events",
];
/// Uploads larger than this are refused.
pub const MAX_FILE_BYTES: usize = 50 * 1024 * 1024;

impl Customers<'_> {
    /// Stores an uploaded file and reads its headers.
    pub async fn upload_customer_import(
        &self,
        actor: &Actor,
        filename: &str,
        bytes: Vec<u8>,
    ) -> CoreResult<ImportView> {
        actor.require(Permission::CustomerImport)?;
        if bytes.len() > MAX_FILE_BYTES {
            return Err(CoreError::invalid(FieldError::new(
                "file",
                "too_large",
                "is larger than 50 MB; split it",
            )));
        }
        let format = FileFormat::detect(&bytes);
        let table = tokio::task::block_in_place(|| read::read(format, &bytes))?;
        let now = self.now();
        let model = import::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            user_id: (actor.kind() != forecourt_kernel::auth::ActorKind::System)
                .then(|| actor.user_id().uuid()),
            kind: KIND.into(),
            filename: filename
                .chars()
                .take(255)
                .collect::<String>()
                .trim()
                .to_owned(),
            format: format.as_str().into(),
            content: bytes,
            row_count: table.rows.len() as i32,
            headers: serde_json::to_value(&table.headers).unwrap_or_default(),
            status: "uploaded".into(),
            result: None,
            created_at: now,
            updated_at: now,
            version: 1,
        };
        let tx = self.db().begin().await?;
        let stored =
            tenant::insert::<import::Entity, _>(&*tx, actor.scope(), model.dealer_id, model)
                .await?;
        let entry = AuditEntry::action("import", "uploaded", Some(stored.id))
            .change("filename", serde_json::Value::Null, stored.filename.clone())
            .change("rows", serde_json::Value::Null, stored.row_count);
        audit::record(&*tx, actor, entry, now).await?;
        tx.commit().await?;
        Ok(view(&stored, &table))
    }

    /// An uploaded customer file: its headers, first rows and suggested mapping. Needs
    /// `customer.import`; another dealer's upload is 404.
    pub async fn get_customer_import(&self, actor: &Actor, id: ImportId) -> CoreResult<ImportView> {
        let stored = self.stored_import(actor, id).await?;
        let table = tokio::task::block_in_place(|| {
            read::read(FileFormat::detect(&stored.content), &stored.content)
        })?;
        Ok(view(&stored, &table))
    }

    async fn stored_import(&self, actor: &Actor, id: ImportId) -> CoreResult<import::Model> {
        let stored = tenant::find::<import::Entity, _>(self.db().conn(), actor.scope(), id.uuid())
            .await?
            .filter(|i| i.kind == KIND)
            .ok_or(CoreError::not_found("import"))?;
        actor.require(Permission::CustomerImport)?;
        Ok(stored)
    }

    /// The column mappings the dealer saved in earlier imports. Needs `customer.import`.
    pub async fn list_import_mappings(&self, actor: &Actor) -> CoreResult<Vec<SavedMapping>> {
        actor.require(Permission::CustomerImport)?;
        Ok(imports::mappings(self.db().conn(), actor.scope(), KIND)
            .await?
            .into_iter()
            .map(|m| SavedMapping {
                id: ImportMappingId::from_uuid(m.id),
                name: m.name,
                mapping: serde_json::from_value(m.mapping).unwrap_or_default(),
            })
            .collect())
    }

    /// Checks every row and reports what an import would do, writing nothing.
    pub async fn dry_run_customer_import(
        &self,
        actor: &Actor,
        id: ImportId,
        options: ImportOptions,
    ) -> CoreResult<ImportReport> {
        self.import_customers(actor, id, options, true).await
    }

    /// Imports the uploaded file's customers with the given mapping: matched customers are updated
    /// or skipped per `on_duplicate`; with `all_or_nothing` one bad row writes nothing. Needs
    /// `customer.import`; another dealer's upload is 404, a mapping that does not fit the file 422.
    pub async fn run_customer_import(
        &self,
        actor: &Actor,
        id: ImportId,
        options: ImportOptions,
    ) -> CoreResult<ImportReport> {
        self.import_customers(actor, id, options, false).await
    }

    async fn import_customers(
        &self,
        actor: &Actor,
        id: ImportId,
        options: ImportOptions,
        dry_run: bool,
    ) -> CoreResult<ImportReport> {
        let stored = self.stored_import(actor, id).await?;
        let table = tokio::task::block_in_place(|| {
            read::read(FileFormat::detect(&stored.content), &stored.content)
        })?;
        let mapping_errors = apply::check_mapping(&table.headers, &options.mapping);
        if !mapping_errors.is_empty() {
            return Err(CoreError::Validation(mapping_errors));
        }
        let save_as = match &options.save_mapping_as {
            Some(name) if !name.trim().is_empty() => {
                Some(parse_name("save_mapping_as", name, NAME_MAX)?)
            }
            _ => None,
        };
        let started = std::time::Instant::now();
        let context = self.row_context(actor).await?;
        let (valid, mut errors) = validate(&table, &options.mapping, &context);
        let validated = started.elapsed();
        let mut report = ImportReport {
            dry_run,
            total_rows: table.rows.len(),
            ..ImportReport::default()
        };

        // A dry run reads without taking the write lock; an import plans inside its own
        // transaction, so nothing can slip in between matching and writing.
        let (tx, plan) = if dry_run {
            (
                None,
                apply::plan(
                    self.db().conn(),
                    actor,
                    self.pii(),
                    valid,
                    options.on_duplicate,
                )
                .await?,
            )
        } else {
            let tx = self.db().begin().await?;
            let plan = apply::plan(&*tx, actor, self.pii(), valid, options.on_duplicate).await?;
            (Some(tx), plan)
        };
        let planned = started.elapsed();
        errors.extend(plan.errors.iter().cloned());
        errors.sort_by(|a, b| a.row.cmp(&b.row).then_with(|| a.column.cmp(&b.column)));
        let bad_rows: std::collections::BTreeSet<usize> = errors.iter().map(|e| e.row).collect();
        report.invalid_rows = bad_rows.len();
        report.valid_rows = report.total_rows - report.invalid_rows;
        report.skipped = plan.skipped;
        report.errors = errors;
        let (fresh, existing): (Vec<_>, Vec<_>) = plan
            .customers
            .into_iter()
            .partition(|c| c.existing.is_none());

        let Some(tx) =
            tx.filter(|_| !(options.mode == ImportMode::AllOrNothing && report.invalid_rows > 0))
        else {
            report.created = fresh.len();
            report.updated = existing.len();
            return Ok(report);
        };
        let now = self.now();
        let today = self.today(actor);
        let label = (stored.id, stored.filename.as_str());
        report.created = write::create(&*tx, actor, self.pii(), &fresh, label, today, now).await?;
        let written = write::update(&*tx, actor, self.pii(), &existing, label, today, now).await?;
        report.updated = written.updated;
        report.unchanged = written.unchanged;
        report.applied = true;

        let mut done = stored.clone();
        done.status = "imported".into();
        done.result = Some(serde_json::to_value(&report).unwrap_or_default());
        tenant::update::<import::Entity, _>(
            &*tx,
            actor.scope(),
            stored.id,
            done,
            stored.version,
            now,
        )
        .await
        .map_err(|e| CoreError::from_db("import", e))?;
        if let Some(name) = save_as {
            self.save_mapping(&*tx, actor, &name, &options.mapping, now)
                .await?;
        }
        let entry = AuditEntry::action("import", "completed", Some(stored.id))
            .change("created", serde_json::Value::Null, report.created)
            .change("updated", serde_json::Value::Null, report.updated)
            .change("invalid_rows", serde_json::Value::Null, report.invalid_rows);
        audit::record(&*tx, actor, entry, now).await?;
        let written_at = started.elapsed();
        tx.commit().await?;
        tracing::info!(
            rows = report.total_rows,
            created = report.created,
            updated = report.updated,
            invalid_rows = report.invalid_rows,
            validate_ms = validated.as_millis() as u64,
            plan_ms = (planned - validated).as_millis() as u64,
            write_ms = (written_at - planned).as_millis() as u64,
            commit_ms = (started.elapsed() - written_at).as_millis() as u64,
            "customer import finished"
        );
        if report.created + report.updated >= REFRESH_STATISTICS_AFTER {
            self.db().refresh_statistics(IMPORTED_TABLES).await?;
        }
        Ok(report)
    }

    async fn save_mapping<C: forecourt_db::ConnectionTrait>(
        &self,
        conn: &C,
        actor: &Actor,
        name: &str,
        mapping: &BTreeMap<String, ImportField>,
        now: DateTime<Utc>,
    ) -> CoreResult<()> {
        let value = serde_json::to_value(mapping).unwrap_or_default();
        match imports::mapping_by_name(conn, actor.scope(), KIND, name).await? {
            Some(existing) => {
                let mut updated = existing.clone();
                updated.mapping = value;
                tenant::update::<import_mapping::Entity, _>(
                    conn,
                    actor.scope(),
                    existing.id,
                    updated,
                    existing.version,
                    now,
                )
                .await
                .map_err(|e| CoreError::from_db("import_mapping", e))?;
            }
            None => {
                let model = import_mapping::Model {
                    id: Uuid::now_v7(),
                    dealer_id: actor.dealer_id().uuid(),
                    kind: KIND.into(),
                    name: name.to_owned(),
                    mapping: value,
                    created_at: now,
                    updated_at: now,
                    version: 1,
                };
                tenant::insert::<import_mapping::Entity, _>(
                    conn,
                    actor.scope(),
                    model.dealer_id,
                    model,
                )
                .await?;
            }
        }
        Ok(())
    }

    async fn row_context(&self, actor: &Actor) -> CoreResult<RowContext> {
        let conn = self.db().conn();
        let mut source_names = HashMap::new();
        for s in lookups::list(conn, actor.scope(), LookupList::Source.as_str())
            .await?
            .into_iter()
            .filter(|s| s.active)
        {
            source_names.insert(s.key.to_lowercase(), s.key.clone());
            source_names.insert(s.name.to_lowercase(), s.key.clone());
        }
        let page = forecourt_db::PageRequest::first(forecourt_db::pagination::MAX_PAGE_SIZE);
        let mut people = HashMap::new();
        let mut page = page;
        loop {
            let batch = users::list(
                conn,
                actor.scope(),
                forecourt_db::repo::Reach::Dealer,
                &users::UserFilter {
                    status: Some("active".into()),
                    ..Default::default()
                },
                users::UserSort::Username,
                &page,
            )
            .await?;
            let batch = forecourt_kernel::paging::page_or_bad_cursor(batch)?;
            for u in &batch.items {
                people.insert(u.username.to_lowercase(), u.id);
                people.entry(u.display_name.to_lowercase()).or_insert(u.id);
            }
            match batch.next_cursor {
                Some(cursor) => {
                    page = forecourt_db::PageRequest::new(Some(page.limit), Some(cursor))
                }
                None => break,
            }
        }
        Ok(RowContext {
            sources: source_names,
            users: people,
            today: self.today(actor),
        })
    }
}

fn view(stored: &import::Model, table: &Table) -> ImportView {
    ImportView {
        id: ImportId::from_uuid(stored.id),
        filename: stored.filename.clone(),
        format: stored.format.clone(),
        row_count: table.rows.len(),
        headers: table.headers.clone(),
        sample: table.rows.iter().take(5).cloned().collect(),
        suggested_mapping: suggest(&table.headers),
        status: stored.status.clone(),
        result: stored
            .result
            .clone()
            .and_then(|r| serde_json::from_value(r).ok()),
        created_at: stored.created_at,
    }
}

/// Validates every row; row numbers are the spreadsheet's (data starts on row 2).
fn validate(
    table: &Table,
    mapping: &BTreeMap<String, ImportField>,
    context: &RowContext,
) -> (Vec<RowData>, Vec<RowError>) {
    let columns: Vec<(usize, ImportField, &String)> = table
        .headers
        .iter()
        .enumerate()
        .filter_map(|(i, h)| mapping.get(h).map(|f| (i, *f, h)))
        .collect();
    let mut valid = Vec::with_capacity(table.rows.len());
    let mut errors = Vec::new();
    for (index, row) in table.rows.iter().enumerate() {
        let cells: BTreeMap<ImportField, (String, String)> = columns
            .iter()
            .map(|(i, field, header)| {
                (
                    *field,
                    ((*header).clone(), row.get(*i).cloned().unwrap_or_default()),
                )
            })
            .collect();
        match parse_row(index + 2, &cells, context) {
            Ok(data) => valid.push(data),
            Err(mut row_errors) => errors.append(&mut row_errors),
        }
    }
    (valid, errors)
}
