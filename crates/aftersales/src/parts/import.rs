//! Importing the parts price list from a spreadsheet: columns guessed from their headings,
//! prices in yuan read to the fen, every row checked before anything is written.

use super::*;

/// A price in yuan as a spreadsheet writes it (`12`, `12.5`, `1,299.00`, `¥12.50`) → fen.
fn yuan_to_fen(text: &str) -> Option<i64> {
    let cleaned: String = text
        .trim()
        .trim_start_matches(['¥', '￥'])
        .chars()
        .filter(|c| *c != ',')
        .collect();
    let (whole, frac) = cleaned.split_once('.').unwrap_or((&cleaned, ""));
    if whole.is_empty() || !whole.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let frac = frac.trim_end_matches('0');
    if frac.len() > 2 || !frac.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let yuan: i64 = whole.parse().ok()?;
    let cents: i64 = format!("{frac:0<2}").parse().ok()?;
    yuan.checked_mul(100)?.checked_add(cents)
}

const NUMBER_HEADERS: &[&str] = &[
    "part_no",
    "零件号",
    "零件编号",
    "配件号",
    "配件编号",
    "part number",
];
const NAME_HEADERS: &[&str] = &["name", "名称", "零件名称", "配件名称", "part name"];
const PRICE_HEADERS: &[&str] = &["price", "价格", "单价", "销售价", "零售价", "price (yuan)"];

fn column(headers: &[String], names: &[&str]) -> Option<usize> {
    headers.iter().position(|h| {
        let h = h.trim().to_lowercase();
        names.iter().any(|n| h == *n)
    })
}

impl AfterSales<'_> {
    /// Imports a CSV (UTF-8 or GBK) or XLSX price list: columns part number (`part_no`,
    /// 零件号, 配件编号 …), name (`name`, 名称 …) and price in yuan (`price`, 价格, 单价 …).
    /// Parts are matched by number: new ones added, changed ones updated, each with its audit
    /// row, in one transaction. Every row is checked first; if any is wrong, nothing is
    /// written and the report lists every problem. Needs `service:configure`.
    pub async fn import_parts(
        &self,
        actor: &Actor,
        bytes: Vec<u8>,
    ) -> CoreResult<PartsImportReport> {
        actor.require(Permission::ServiceConfigure)?;
        let table =
            spreadsheet::read(FileFormat::detect(&bytes), &bytes).map_err(CoreError::invalid)?;
        let mut errors = Vec::new();
        let number_col = column(&table.headers, NUMBER_HEADERS);
        let name_col = column(&table.headers, NAME_HEADERS);
        let price_col = column(&table.headers, PRICE_HEADERS);
        for (found, header) in [
            (number_col, "part_no"),
            (name_col, "name"),
            (price_col, "price"),
        ] {
            if found.is_none() {
                errors.push(RowError {
                    row: 1,
                    column: header.to_owned(),
                    code: "missing_column".into(),
                    message: format!("the file needs a `{header}` column"),
                });
            }
        }
        if table.rows.len() > IMPORT_ROWS_MAX {
            return Err(CoreError::invalid(FieldError::new(
                "file",
                "too_many_rows",
                "holds more than 20,000 rows",
            )));
        }
        let (Some(number_col), Some(name_col), Some(price_col)) = (number_col, name_col, price_col)
        else {
            return Ok(PartsImportReport {
                rows: table.rows.len(),
                created: 0,
                updated: 0,
                unchanged: 0,
                errors,
            });
        };
        let cell = |row: &[String], col: usize| row.get(col).cloned().unwrap_or_default();
        let mut parsed: Vec<(String, String, i64)> = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (n, row) in table.rows.iter().enumerate() {
            let line = n + 2;
            let mut row_errors = FieldErrors::new();
            let number = part_no(&mut row_errors, "part_no", &cell(row, number_col));
            let name = row_errors.check(parse_name("name", &cell(row, name_col), PART_NAME_MAX));
            let fen = match yuan_to_fen(&cell(row, price_col)) {
                Some(fen) => price(&mut row_errors, "price", fen),
                None => {
                    row_errors.push(FieldError::new(
                        "price",
                        "invalid_number",
                        "is not a price in yuan (at most two decimals)",
                    ));
                    None
                }
            };
            if let Some(number) = &number
                && let Some(first) = seen.insert(number.clone(), line)
            {
                row_errors.push(FieldError::new(
                    "part_no",
                    "duplicate_in_file",
                    format!("is also on row {first}"),
                ));
            }
            let headers = [
                ("part_no", number_col),
                ("name", name_col),
                ("price", price_col),
            ];
            if let Err(list) = row_errors.finish() {
                for e in list {
                    let col = headers
                        .iter()
                        .find(|(f, _)| *f == e.field)
                        .map(|(_, c)| table.headers.get(*c).cloned().unwrap_or_default())
                        .unwrap_or_default();
                    errors.push(RowError {
                        row: line,
                        column: col,
                        code: e.code,
                        message: e.message,
                    });
                }
                continue;
            }
            if let (Some(number), Some(name), Some(fen)) = (number, name, fen) {
                parsed.push((number, name, fen));
            }
        }
        let rows = table.rows.len();
        if !errors.is_empty() {
            return Ok(PartsImportReport {
                rows,
                created: 0,
                updated: 0,
                unchanged: 0,
                errors,
            });
        }
        let now = self.now();
        let tx = self.db().begin().await?;
        let numbers: Vec<String> = parsed.iter().map(|(n, _, _)| n.clone()).collect();
        let existing: HashMap<String, parts_price::Model> =
            repair_orders::parts_by_numbers(&*tx, actor.scope(), &numbers)
                .await?
                .into_iter()
                .map(|p| (p.part_no.clone(), p))
                .collect();
        let (mut created, mut updated, mut unchanged) = (0, 0, 0);
        let mut inserts = Vec::new();
        let mut entries = Vec::new();
        for (number, name, fen) in parsed {
            match existing.get(&number) {
                Some(before) => {
                    let mut after = before.clone();
                    after.name = name;
                    after.price_fen = fen;
                    let entry = AuditEntry::updated(before, &after);
                    match audit::update_if_changed::<parts_price::Entity, _>(
                        &*tx,
                        actor,
                        before,
                        after,
                        entry,
                        now,
                        |e| CoreError::from_db(ENTITY, e),
                    )
                    .await?
                    {
                        Some(_) => updated += 1,
                        None => unchanged += 1,
                    }
                }
                None => {
                    let model = parts_price::Model {
                        id: Uuid::now_v7(),
                        dealer_id: actor.dealer_id().uuid(),
                        part_no: number,
                        name,
                        price_fen: fen,
                        created_at: now,
                        updated_at: now,
                        version: 1,
                    };
                    entries.push(AuditEntry::created(&model));
                    inserts.push(model);
                    created += 1;
                }
            }
        }
        forecourt_db::repo::batched_insert::<parts_price::Entity, _>(&*tx, actor.scope(), inserts)
            .await
            .map_err(|e| CoreError::from_db(ENTITY, e))?;
        audit::record_many(&*tx, actor, entries, now).await?;
        tx.commit().await?;
        Ok(PartsImportReport {
            rows,
            created,
            updated,
            unchanged,
            errors,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::yuan_to_fen;

    #[test]
    fn prices_in_yuan_become_fen() {
        assert_eq!(yuan_to_fen("12"), Some(1200));
        assert_eq!(yuan_to_fen("12.5"), Some(1250));
        assert_eq!(yuan_to_fen("¥1,299.00"), Some(129_900));
        assert_eq!(yuan_to_fen("0.05"), Some(5));
        assert_eq!(yuan_to_fen("1.234"), None);
        assert_eq!(yuan_to_fen("-3"), None);
        assert_eq!(yuan_to_fen(""), None);
    }
}
