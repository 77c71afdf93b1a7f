//! Reading an uploaded spreadsheet into a table of text cells: CSV (UTF-8, with or without a
//! byte-order mark, or GB18030/GBK as older Chinese Excel versions save it) or XLSX (the first
//! sheet).

use calamine::{Data, Reader};
use forecourt_domain::FieldError;
use std::io::Cursor;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileFormat {
    Csv,
    Xlsx,
}

impl FileFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            FileFormat::Csv => "csv",
            FileFormat::Xlsx => "xlsx",
        }
    }

    /// XLSX files are zip archives; anything else is read as CSV.
    pub fn detect(bytes: &[u8]) -> Self {
        if bytes.starts_with(b"PK\x03\x04") {
            FileFormat::Xlsx
        } else {
            FileFormat::Csv
        }
    }
}

/// A spreadsheet: unique header names and rows of cells (as text, trimmed).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

pub const MAX_ROWS: usize = 200_000;

fn unreadable(detail: impl std::fmt::Display) -> FieldError {
    FieldError::new(
        "file",
        "unreadable_file",
        format!("cannot be read as CSV or Excel: {detail}"),
    )
}

pub fn read(format: FileFormat, bytes: &[u8]) -> Result<Table, FieldError> {
    let mut table = match format {
        FileFormat::Csv => read_csv(bytes)?,
        FileFormat::Xlsx => read_xlsx(bytes)?,
    };
    if table.headers.iter().all(String::is_empty) {
        return Err(FieldError::new(
            "file",
            "no_header",
            "needs a header row naming its columns",
        ));
    }
    if table.rows.len() > MAX_ROWS {
        return Err(FieldError::new(
            "file",
            "too_many_rows",
            format!("has more than {MAX_ROWS} rows; split it"),
        )
        .with_param("max", MAX_ROWS));
    }
    // Unique, non-empty header names: a column is named by its header.
    let mut seen: Vec<String> = Vec::new();
    for (i, header) in table.headers.iter_mut().enumerate() {
        let base = if header.is_empty() {
            format!("#{}", i + 1)
        } else {
            header.clone()
        };
        let mut name = base.clone();
        let mut n = 2;
        while seen.contains(&name) {
            name = format!("{base} ({n})");
            n += 1;
        }
        seen.push(name.clone());
        *header = name;
    }
    let width = table.headers.len();
    table.rows.retain(|row| row.iter().any(|c| !c.is_empty()));
    for row in &mut table.rows {
        row.resize(width, String::new());
    }
    Ok(table)
}

fn decode(bytes: &[u8]) -> String {
    let without_bom = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(without_bom) {
        Ok(text) => text.to_owned(),
        Err(_) => encoding_rs::GB18030.decode(bytes).0.into_owned(),
    }
}

fn read_csv(bytes: &[u8]) -> Result<Table, FieldError> {
    let text = decode(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let headers = match records.next() {
        Some(record) => record
            .map_err(unreadable)?
            .iter()
            .map(|c| c.trim().to_owned())
            .collect(),
        None => return Err(FieldError::new("file", "empty_file", "is empty")),
    };
    let mut rows = Vec::new();
    for record in records {
        rows.push(
            record
                .map_err(unreadable)?
                .iter()
                .map(|c| c.trim().to_owned())
                .collect(),
        );
    }
    Ok(Table { headers, rows })
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.trim().to_owned(),
        Data::Int(i) => i.to_string(),
        // Phone numbers and ids typed as numbers come back as floats: no ".0".
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => {
            if *b {
                "Y".into()
            } else {
                "N".into()
            }
        }
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(datetime) if datetime.time() == chrono::NaiveTime::MIN => {
                datetime.date().to_string()
            }
            Some(datetime) => datetime.to_string(),
            None => dt.as_f64().to_string(),
        },
    }
}

fn read_xlsx(bytes: &[u8]) -> Result<Table, FieldError> {
    let mut workbook =
        calamine::open_workbook_auto_from_rs(Cursor::new(bytes.to_vec())).map_err(unreadable)?;
    let range = match workbook.worksheet_range_at(0) {
        Some(range) => range.map_err(unreadable)?,
        None => return Err(FieldError::new("file", "empty_file", "has no sheet")),
    };
    let mut rows = range
        .rows()
        .map(|row| row.iter().map(cell_text).collect::<Vec<String>>());
    let headers = rows
        .next()
        .ok_or_else(|| FieldError::new("file", "empty_file", "is empty"))?;
    Ok(Table {
        headers,
        rows: rows.collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_in_utf8_with_bom_and_in_gbk() {
        let utf8 = "\u{FEFF}姓名,手机\n张伟,13812345678\n\n李娜,13912345678\n";
        let table = read(FileFormat::Csv, utf8.as_bytes()).unwrap();
        assert_eq!(table.headers, vec!["姓名", "手机"]);
        assert_eq!(table.rows.len(), 2, "blank lines are skipped");
        let (gbk, _, _) = encoding_rs::GB18030.encode("姓名,手机\n王芳,13700001111\n");
        let table = read(FileFormat::Csv, &gbk).unwrap();
        assert_eq!(table.headers[0], "姓名");
        assert_eq!(table.rows[0][0], "王芳");
    }

    #[test]
    fn duplicate_and_missing_headers_get_names() {
        let table = read(FileFormat::Csv, "电话,电话,\n1,2,3\n".as_bytes()).unwrap();
        assert_eq!(table.headers, vec!["电话", "电话 (2)", "#3"]);
    }

    #[test]
    fn xlsx_round_trip() {
        let mut workbook = rust_xlsxwriter::Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.write_string(0, 0, "姓名").unwrap();
        sheet.write_string(0, 1, "手机").unwrap();
        sheet.write_string(1, 0, "张伟").unwrap();
        sheet.write_number(1, 1, 13812345678.0).unwrap();
        let bytes = workbook.save_to_buffer().unwrap();
        assert_eq!(FileFormat::detect(&bytes), FileFormat::Xlsx);
        let table = read(FileFormat::Xlsx, &bytes).unwrap();
        assert_eq!(
            table.rows,
            vec![vec!["张伟".to_owned(), "13812345678".to_owned()]]
        );
    }
}

/// A problem with one cell (or row) of the file.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct RowError {
    /// The row as the spreadsheet numbers it (the header is row 1).
    pub row: usize,
    /// The column's header (empty for a problem with the whole row).
    pub column: String,
    /// A machine-readable code for the problem (e.g. `required`, `ambiguous_match`).
    pub code: String,
    /// The problem in words (English), for people.
    pub message: String,
}
