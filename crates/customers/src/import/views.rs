//! What the import use cases take and give: the options of a run, its report, an
//! uploaded import as shown, and a saved column mapping.

use super::{ImportField, OnDuplicate, RowError};
use chrono::{DateTime, Utc};
use forecourt_domain::ids::{ImportId, ImportMappingId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::ToSchema;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ImportMode {
    /// Write nothing unless every row is valid.
    #[default]
    AllOrNothing,
    /// Write the valid rows; report the others.
    SkipInvalid,
}

/// How to read the file and what to do with duplicates.
#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct ImportOptions {
    /// Column header → field.
    pub mapping: BTreeMap<String, ImportField>,
    /// Whether a row matching an existing customer `update`s it (the default: fills in and adds
    /// what the row brings) or is `skip`ped.
    #[serde(default)]
    pub on_duplicate: OnDuplicate,
    /// `all_or_nothing` (the default: write nothing unless every row is valid) or `skip_invalid`
    /// (write the valid rows, report the others).
    #[serde(default)]
    pub mode: ImportMode,
    /// Save the mapping under this name for next time.
    pub save_mapping_as: Option<String>,
}

/// What an import did (or, for a dry run, would do).
#[derive(Clone, Debug, Default, Deserialize, Serialize, ToSchema)]
pub struct ImportReport {
    /// Whether this was a dry run.
    pub dry_run: bool,
    /// Whether anything was written (false for dry runs, and for all-or-nothing imports with
    /// bad rows).
    pub applied: bool,
    /// How many data rows the file has.
    pub total_rows: usize,
    /// How many rows passed the checks.
    pub valid_rows: usize,
    /// How many rows failed them (see `errors`).
    pub invalid_rows: usize,
    /// Customers created (or, in a dry run, to be created).
    pub created: usize,
    /// Existing customers changed (in a dry run: matched, to be updated where different).
    pub updated: usize,
    /// Existing customers the file matched but did not change.
    pub unchanged: usize,
    /// Rows of customers that exist and were left alone (`on_duplicate: skip`).
    pub skipped: usize,
    /// Every problem, row by row.
    pub errors: Vec<RowError>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ImportView {
    /// The upload's id (UUIDv7); pass it to the dry run and the import.
    pub id: ImportId,
    /// The file's name as uploaded.
    pub filename: String,
    /// The file format detected: `csv` or `xlsx`.
    pub format: String,
    /// How many data rows the file has (the header row not counted).
    pub row_count: usize,
    /// The file's column headers, in order.
    pub headers: Vec<String>,
    /// The first rows, to check the mapping against.
    pub sample: Vec<Vec<String>>,
    /// The mapping guessed from the headers.
    pub suggested_mapping: BTreeMap<String, ImportField>,
    /// `uploaded`, `imported`.
    pub status: String,
    /// The report of the last import run, once imported.
    pub result: Option<ImportReport>,
    /// When the file was uploaded (UTC, RFC 3339).
    pub created_at: DateTime<Utc>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct SavedMapping {
    /// The saved mapping's id (UUIDv7).
    pub id: ImportMappingId,
    /// The name it was saved under.
    pub name: String,
    /// Column header → field.
    pub mapping: BTreeMap<String, ImportField>,
}
