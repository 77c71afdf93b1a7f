//! Validating the rows of an import, each against the same rules as the customer form.

use super::mapping::ImportField;
use crate::types::{ConsentChannel, CustomerKind, Gender};
use crate::vehicles::ParsedVehicle;
use chrono::NaiveDate;
use forecourt_domain::FieldError;
use forecourt_domain::email::parse_email;
use forecourt_domain::id_number::IdNumber;
use forecourt_domain::phone::Phone;
use forecourt_domain::plate::Plate;
use forecourt_domain::region::normalize_province;
use forecourt_domain::username::{LONG_NAME_MAX, NAME_MAX, SHORT_NAME_MAX};
use forecourt_domain::username::{parse_name, parse_optional_text};
use forecourt_domain::vin::Vin;
use std::collections::{BTreeMap, HashMap};
use uuid::Uuid;

pub use forecourt_kernel::spreadsheet::RowError;

/// One valid row.
#[derive(Clone, Debug, Default)]
pub struct RowData {
    pub row: usize,
    pub kind: Option<CustomerKind>,
    pub name: String,
    pub gender: Option<Gender>,
    pub birthday: Option<NaiveDate>,
    pub phones: Vec<Phone>,
    pub wechat_id: Option<String>,
    pub email: Option<String>,
    pub province: Option<String>,
    pub city: Option<String>,
    pub district: Option<String>,
    pub street: Option<String>,
    pub id_number: Option<IdNumber>,
    pub occupation: Option<String>,
    pub notes: Option<String>,
    pub tags: Vec<String>,
    pub source_key: Option<String>,
    pub owner_id: Option<Uuid>,
    pub consents: Vec<(ConsentChannel, bool)>,
    pub vehicle: Option<ParsedVehicle>,
}

/// What rows are checked against: the dealer's sources and users, and today.
pub struct RowContext {
    /// Source keys and names (lower-cased) → key.
    pub sources: HashMap<String, String>,
    /// Usernames and display names → user id.
    pub users: HashMap<String, Uuid>,
    pub today: NaiveDate,
}

fn yes_no(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "y" | "yes" | "true" | "1" | "是" | "同意" | "接受" | "√" => Some(true),
        "n" | "no" | "false" | "0" | "否" | "不同意" | "拒绝" | "×" => Some(false),
        _ => None,
    }
}

/// Dates as spreadsheets write them: `2024-05-01`, `2024/5/1`, `2024.05.01`, `20240501`.
fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let text = text.split([' ', 'T']).next().unwrap_or(text);
    for format in ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d", "%Y年%m月%d日"] {
        if let Ok(date) = NaiveDate::parse_from_str(text, format) {
            return Some(date);
        }
    }
    None
}

/// Validates a row. `cells` holds each mapped field's text with its column header.
pub fn parse_row(
    row: usize,
    cells: &BTreeMap<ImportField, (String, String)>,
    ctx: &RowContext,
) -> Result<RowData, Vec<RowError>> {
    let mut errors = Vec::new();
    let mut data = RowData {
        row,
        ..RowData::default()
    };
    let mut fail = |column: &str, e: FieldError| {
        errors.push(RowError {
            row,
            column: column.to_owned(),
            code: e.code,
            message: e.message,
        });
    };
    let get = |field: ImportField| cells.get(&field).filter(|(_, v)| !v.trim().is_empty());
    let mut vehicle = ParsedVehicle {
        vin_check_ok: true,
        ..ParsedVehicle::default()
    };
    let mut has_vehicle = false;

    match get(ImportField::Name) {
        Some((column, text)) => match parse_name("name", text, LONG_NAME_MAX) {
            Ok(name) => data.name = name,
            Err(e) => fail(column, e),
        },
        None => fail(
            cells
                .get(&ImportField::Name)
                .map_or("", |(c, _)| c.as_str()),
            FieldError::required("name"),
        ),
    }
    if let Some((column, text)) = get(ImportField::Kind) {
        data.kind = match text.trim() {
            "个人" | "person" | "Person" | "私人" => Some(CustomerKind::Person),
            "公司" | "企业" | "单位" | "company" | "Company" => Some(CustomerKind::Company),
            _ => {
                fail(
                    column,
                    FieldError::new(
                        "kind",
                        "invalid_value",
                        "must be 个人 (person) or 公司 (company)",
                    ),
                );
                None
            }
        };
    }
    if let Some((column, text)) = get(ImportField::Gender) {
        data.gender = match text.trim() {
            "男" | "male" | "Male" | "M" | "m" | "先生" => Some(Gender::Male),
            "女" | "female" | "Female" | "F" | "f" | "女士" => Some(Gender::Female),
            _ => {
                fail(
                    column,
                    FieldError::new("gender", "invalid_value", "must be 男 or 女"),
                );
                None
            }
        };
    }
    if let Some((column, text)) = get(ImportField::Birthday) {
        match parse_date(text) {
            Some(date) if date <= ctx.today => data.birthday = Some(date),
            _ => fail(
                column,
                FieldError::new(
                    "birthday",
                    "invalid_date",
                    "is not a past date like 1985-06-01",
                ),
            ),
        }
    }
    for field in [ImportField::Phone, ImportField::Phone2, ImportField::Phone3] {
        if let Some((column, text)) = get(field) {
            // One cell may hold several numbers: "13812345678 / 0571-87654321".
            for part in text
                .split(['/', ';', '；', '、', ',', '，'])
                .map(str::trim)
                .filter(|p| !p.is_empty())
            {
                match Phone::parse("phone", part) {
                    Ok(phone) if !data.phones.contains(&phone) => data.phones.push(phone),
                    Ok(_) => {}
                    Err(e) => fail(column, e),
                }
            }
        }
    }
    if let Some((column, text)) = get(ImportField::WechatId) {
        match parse_optional_text("wechat_id", Some(text), NAME_MAX) {
            Ok(v) => data.wechat_id = v,
            Err(e) => fail(column, e),
        }
    }
    if let Some((column, text)) = get(ImportField::Email) {
        match parse_email("email", text) {
            Ok(v) => data.email = Some(v),
            Err(e) => fail(column, e),
        }
    }
    if let Some((column, text)) = get(ImportField::Province) {
        match normalize_province(text) {
            Some(p) => data.province = Some(p.to_owned()),
            None => fail(
                column,
                FieldError::new("province", "unknown_province", "is not a province of China"),
            ),
        }
    }
    for (field, target, max) in [
        (ImportField::City, &mut data.city, 32),
        (ImportField::District, &mut data.district, 32),
        (ImportField::Street, &mut data.street, 200),
        (ImportField::Occupation, &mut data.occupation, 64),
        (ImportField::Notes, &mut data.notes, 2000),
    ] {
        if let Some((column, text)) = get(field) {
            match parse_optional_text("text", Some(text), max) {
                Ok(v) => *target = v,
                Err(e) => errors.push(RowError {
                    row,
                    column: column.clone(),
                    code: e.code,
                    message: e.message,
                }),
            }
        }
    }
    let mut fail = |column: &str, e: FieldError| {
        errors.push(RowError {
            row,
            column: column.to_owned(),
            code: e.code,
            message: e.message,
        });
    };
    if let Some((column, text)) = get(ImportField::IdNumber) {
        match IdNumber::parse("id_number", text, ctx.today) {
            Ok(id) => {
                data.birthday = data.birthday.or_else(|| id.birth_date());
                data.gender = data.gender.or(Some(if id.is_male() {
                    Gender::Male
                } else {
                    Gender::Female
                }));
                data.id_number = Some(id);
            }
            Err(e) => fail(column, e),
        }
    }
    if let Some((column, text)) = get(ImportField::Tags) {
        for tag in text
            .split([',', '，', ';', '；', '、', '|'])
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            match parse_name("tag", tag, SHORT_NAME_MAX) {
                Ok(tag) if !data.tags.contains(&tag) => data.tags.push(tag),
                Ok(_) => {}
                Err(e) => fail(column, e),
            }
        }
    }
    if let Some((column, text)) = get(ImportField::Source) {
        match ctx.sources.get(&text.trim().to_lowercase()) {
            Some(key) => data.source_key = Some(key.clone()),
            None => fail(
                column,
                FieldError::new(
                    "source",
                    "unknown_source",
                    "is not one of the dealer's sources",
                ),
            ),
        }
    }
    if let Some((column, text)) = get(ImportField::Owner) {
        match ctx.users.get(&text.trim().to_lowercase()) {
            Some(id) => data.owner_id = Some(*id),
            None => fail(
                column,
                FieldError::new(
                    "owner",
                    "unknown_user",
                    "is not an active user's name or username",
                ),
            ),
        }
    }
    for (field, channel) in [
        (ImportField::ConsentSms, ConsentChannel::Sms),
        (ImportField::ConsentPhone, ConsentChannel::Phone),
        (ImportField::ConsentEmail, ConsentChannel::Email),
        (ImportField::ConsentWechat, ConsentChannel::Wechat),
    ] {
        if let Some((column, text)) = get(field) {
            match yes_no(text) {
                Some(granted) => data.consents.push((channel, granted)),
                None => fail(
                    column,
                    FieldError::new("consent", "invalid_value", "must be Y/N or 是/否"),
                ),
            }
        }
    }
    if let Some((column, text)) = get(ImportField::Vin) {
        has_vehicle = true;
        match Vin::parse("vin", text) {
            // Old records carry VINs with wrong check digits; they are kept, flagged.
            Ok(parsed) => {
                vehicle.vin_check_ok = parsed.check_digit_valid;
                vehicle.vin = Some(parsed.vin.to_string());
            }
            Err(e) => fail(column, e),
        }
    }
    if let Some((column, text)) = get(ImportField::Plate) {
        has_vehicle = true;
        match Plate::parse("plate", text) {
            Ok(plate) => vehicle.plate = Some(plate.to_string()),
            Err(e) => fail(column, e),
        }
    }
    for (field, target, max) in [
        (ImportField::Brand, &mut vehicle.brand, 64),
        (ImportField::Series, &mut vehicle.series, 64),
        (ImportField::Model, &mut vehicle.model, 100),
        (ImportField::Colour, &mut vehicle.colour, 32),
    ] {
        if let Some((column, text)) = get(field) {
            has_vehicle = true;
            match parse_optional_text("text", Some(text), max) {
                Ok(v) => *target = v,
                Err(e) => errors.push(RowError {
                    row,
                    column: column.clone(),
                    code: e.code,
                    message: e.message,
                }),
            }
        }
    }
    let mut fail = |column: &str, e: FieldError| {
        errors.push(RowError {
            row,
            column: column.to_owned(),
            code: e.code,
            message: e.message,
        });
    };
    if let Some((column, text)) = get(ImportField::ModelYear) {
        let year: String = text.chars().filter(char::is_ascii_digit).collect();
        match year.parse::<i32>() {
            Ok(y) if (1950..=chrono::Datelike::year(&ctx.today) + 1).contains(&y) => {
                vehicle.model_year = Some(y)
            }
            _ => fail(
                column,
                FieldError::new(
                    "model_year",
                    "out_of_range",
                    "is not a plausible model year",
                ),
            ),
        }
    }
    if let Some((column, text)) = get(ImportField::PurchaseDate) {
        match parse_date(text) {
            Some(date) if date <= ctx.today => vehicle.purchase_date = Some(date),
            _ => fail(
                column,
                FieldError::new(
                    "purchase_date",
                    "invalid_date",
                    "is not a past date like 2021-03-15",
                ),
            ),
        }
    }
    if let Some((column, text)) = get(ImportField::MileageKm) {
        let digits: String = text.chars().filter(|c| c.is_ascii_digit()).collect();
        match digits.parse::<i32>() {
            Ok(km) if km <= 2_000_000 => vehicle.mileage_km = Some(km),
            _ => fail(
                column,
                FieldError::new("mileage_km", "out_of_range", "must be a number of km"),
            ),
        }
    }
    if let Some((column, text)) = get(ImportField::BoughtHere) {
        match yes_no(text) {
            Some(here) => vehicle.bought_here = here,
            None => fail(
                column,
                FieldError::new("bought_here", "invalid_value", "must be Y/N or 是/否"),
            ),
        }
    }
    if has_vehicle {
        data.vehicle = Some(vehicle);
    }
    if errors.is_empty()
        && data.phones.is_empty()
        && data.id_number.is_none()
        && data.vehicle.as_ref().and_then(|v| v.vin.as_ref()).is_none()
    {
        errors.push(RowError {
            row,
            column: String::new(),
            code: "no_identifier".into(),
            message:
                "needs a phone, an ID number or a VIN, so the customer can be recognised next time"
                    .into(),
        });
    }
    if errors.is_empty() {
        Ok(data)
    } else {
        Err(errors)
    }
}
