//! The rules of the validators, stated as JSON Schema for the OpenAPI document.
//!
//! utoipa's `#[schema(max_length = ..)]` takes only literals, so a field states its rule with
//! `#[schema(schema_with = forecourt_domain::schema::name::<NAME_MAX>)]` instead: each function
//! here builds its schema from the very constants the validator checks, and the document cannot
//! drift from the server. A schema may be stricter than the validator (it states the canonical
//! spelling of a phone number, not every spelling the server tidies up), never looser, so a
//! client generated from it, or a fuzzer, sends what the server accepts.

use crate::password::{MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH};
use crate::plate::PROVINCES;
use crate::username::{USERNAME_MAX_LENGTH, USERNAME_MIN_LENGTH};
use utoipa::openapi::schema::{KnownFormat, SchemaFormat, SchemaType, Type};
use utoipa::openapi::{Object, ObjectBuilder};

/// No control characters (what [`crate::username::parse_name`] refuses), anything else.
pub const TEXT_PATTERN: &str = r"^[^\x00-\x1f\x7f-\x9f]*$";
/// As [`TEXT_PATTERN`], and at least one character that is not a space (names are trimmed and
/// must not be blank).
pub const NAME_PATTERN: &str =
    r"^[^\x00-\x1f\x7f-\x9f]*[^\s\x00-\x1f\x7f-\x9f][^\x00-\x1f\x7f-\x9f]*$";
/// Mainland numbers in their plain spellings: a mobile (`13812345678`), a landline with area
/// code (`0571-87654321`, `010-62345678`) or a 400/800 number (`400-820-8820`). The server
/// also accepts spaces, brackets, `+86` and extensions ([`crate::phone::Phone::parse`]).
pub const PHONE_PATTERN: &str =
    r"^(1[3-9][0-9]{9}|0(10|2[0-9]|[3-9][0-9]{2})-?[2-9][0-9]{6,7}|[48]00-?[0-9]{3}-?[0-9]{4})$";
/// A VIN: 17 digits and capital letters other than I, O and Q.
pub const VIN_PATTERN: &str = r"^[A-HJ-NPR-Z0-9]{17}$";
/// A login name as stored: lower-case letters, digits, `.`, `_`, `-`, starting with a letter or
/// digit (upper case is accepted and lower-cased).
pub const USERNAME_PATTERN: &str = r"^[A-Za-z0-9][A-Za-z0-9._-]*$";

/// A calendar date as the server reads it (`2024-03-07`), in the years
/// [`crate::dates::MIN_YEAR`] (1900) to [`crate::dates::MAX_YEAR`] (2999). `format: date` alone is only an
/// annotation in JSON Schema 2020-12 (an empty string would satisfy it); the pattern asserts.
pub const DATE_PATTERN: &str = r"^(19|2[0-9])[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";
/// An RFC 3339 time with a zone (`2024-03-07T09:30:00Z`, `2024-03-07T17:30:00.5+08:00`), in
/// the same years as [`DATE_PATTERN`].
pub const DATE_TIME_PATTERN: &str = r"^(19|2[0-9])[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,9})?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$";
/// A UUID in its hyphenated form.
pub const UUID_PATTERN: &str =
    r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

fn string(nullable: bool) -> ObjectBuilder {
    let builder = ObjectBuilder::new();
    if nullable {
        builder.schema_type(SchemaType::from_iter([Type::String, Type::Null]))
    } else {
        builder.schema_type(Type::String)
    }
}

/// A required name or text of 1 to `MAX` characters (counted as characters, so 张伟 is two),
/// not blank, without control characters: [`crate::username::parse_name`].
pub fn name<const MAX: usize>() -> Object {
    string(false)
        .min_length(Some(1))
        .max_length(Some(MAX))
        .pattern(Some(NAME_PATTERN))
        .build()
}

/// An optional text of at most `MAX` characters without control characters; blank or `null`
/// means none: [`crate::username::parse_optional_text`].
pub fn optional_text<const MAX: usize>() -> Object {
    string(true)
        .max_length(Some(MAX))
        .pattern(Some(TEXT_PATTERN))
        .build()
}

/// The regular expression of a mainland plate: province, issuing letter, then five characters
/// (letters other than I and O, and digits) or a new-energy serial.
pub fn plate_pattern() -> String {
    format!("^[{PROVINCES}][A-Z]([A-HJ-NP-Z0-9]{{5}}|[DF][A-HJ-NP-Z0-9][0-9]{{4}}|[0-9]{{5}}[DF])$")
}

/// A mainland phone number ([`PHONE_PATTERN`]).
pub fn phone() -> Object {
    string(false).pattern(Some(PHONE_PATTERN)).build()
}

/// An optional mainland phone number ([`PHONE_PATTERN`]) or `null`.
pub fn optional_phone() -> Object {
    string(true).pattern(Some(PHONE_PATTERN)).build()
}

/// An optional licence plate ([`plate_pattern`]) or `null`.
pub fn optional_plate() -> Object {
    string(true).pattern(Some(plate_pattern())).build()
}

/// A VIN ([`VIN_PATTERN`]).
pub fn vin() -> Object {
    string(false).pattern(Some(VIN_PATTERN)).build()
}

/// An optional VIN ([`VIN_PATTERN`]) or `null`.
pub fn optional_vin() -> Object {
    string(true).pattern(Some(VIN_PATTERN)).build()
}

/// The regular expression of a resident ID number's shape: a province-level region
/// ([`crate::id_number::REGIONS`]), four more digits, a birth date in 1900–2019, a sequence
/// and a check character. The check character is verified by the server and cannot be
/// stated as a pattern.
pub fn id_number_pattern() -> String {
    let regions: Vec<String> = crate::id_number::REGIONS
        .iter()
        .map(u32::to_string)
        .collect();
    format!(
        "^({})[0-9]{{4}}(19[0-9]{{2}}|20[01][0-9])(0[1-9]|1[0-2])(0[1-9]|1[0-9]|2[0-8])[0-9]{{3}}[0-9X]$",
        regions.join("|")
    )
}

/// An optional resident ID number ([`id_number_pattern`]) or `null`.
pub fn optional_id_number() -> Object {
    string(true)
        .pattern(Some(id_number_pattern()))
        .description(Some(
            "18 characters: region, birth date, sequence and the ISO 7064 check character",
        ))
        .build()
}

/// An optional e-mail address (at most 254 characters, [`crate::email::parse_email`]) or
/// `null`.
pub fn optional_email() -> Object {
    string(true)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Email)))
        .max_length(Some(crate::email::MAX_EMAIL_LENGTH))
        .build()
}

/// A new login name ([`crate::username::Username::parse`]).
pub fn username() -> Object {
    string(false)
        .min_length(Some(USERNAME_MIN_LENGTH))
        .max_length(Some(USERNAME_MAX_LENGTH))
        .pattern(Some(USERNAME_PATTERN))
        .build()
}

/// The regular expression of a key ([`crate::code::parse_key`]).
pub fn key_pattern() -> String {
    use crate::code::{KEY_MAX_LENGTH, KEY_MIN_LENGTH};
    format!(
        "^[a-z][a-z0-9_]{{{},{}}}$",
        KEY_MIN_LENGTH - 1,
        KEY_MAX_LENGTH - 1
    )
}

/// The key of a dealer's list entry, pipeline stage or custom role
/// ([`crate::code::parse_key`]).
pub fn key() -> Object {
    use crate::code::{KEY_MAX_LENGTH, KEY_MIN_LENGTH};
    string(false)
        .min_length(Some(KEY_MIN_LENGTH))
        .max_length(Some(KEY_MAX_LENGTH))
        .pattern(Some(key_pattern()))
        .build()
}

/// A new password ([`crate::password::check_new_password`]); it must also differ from the
/// username and not be one repeated character.
pub fn new_password() -> Object {
    string(false)
        .min_length(Some(MIN_PASSWORD_LENGTH))
        .max_length(Some(MAX_PASSWORD_LENGTH))
        .build()
}

/// An optional page size: 1 to `MAX` rows (larger values are served as `MAX`).
pub fn page_limit<const MAX: u64>() -> Object {
    ObjectBuilder::new()
        .schema_type(SchemaType::from_iter([Type::Integer, Type::Null]))
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64)))
        .minimum(Some(1))
        .maximum(Some(MAX))
        .build()
}

/// A whole number from `MIN` to `MAX`.
pub fn integer<const MIN: i64, const MAX: i64>() -> Object {
    ObjectBuilder::new()
        .schema_type(Type::Integer)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int32)))
        .minimum(Some(MIN))
        .maximum(Some(MAX))
        .build()
}

/// A whole number from `MIN` to `MAX`, or `null`.
pub fn optional_integer<const MIN: i64, const MAX: i64>() -> Object {
    ObjectBuilder::new()
        .schema_type(SchemaType::from_iter([Type::Integer, Type::Null]))
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int32)))
        .minimum(Some(MIN))
        .maximum(Some(MAX))
        .build()
}

fn grades(grades: &[crate::sales::Grade], nullable: bool) -> Object {
    let values = grades.iter().map(|g| serde_json::Value::from(g.as_str()));
    string(nullable)
        .enum_values(Some(
            values.chain(nullable.then_some(serde_json::Value::Null)),
        ))
        .build()
}

/// A grade a consultant gives by judgement ([`crate::sales::Grade::JUDGED`]: H, A, B, C).
pub fn judged_grade() -> Object {
    grades(&crate::sales::Grade::JUDGED, false)
}

/// A judged grade ([`judged_grade`]) or `null`.
pub fn optional_judged_grade() -> Object {
    grades(&crate::sales::Grade::JUDGED, true)
}

/// The grade a new lead or a visit starts with: N, or a judged grade; `null` means N.
pub fn optional_starting_grade() -> Object {
    let mut all = vec![crate::sales::Grade::N];
    all.extend(crate::sales::Grade::JUDGED);
    grades(&all, true)
}

/// The grade after a visit: N, or a judged grade.
pub fn starting_grade() -> Object {
    let mut all = vec![crate::sales::Grade::N];
    all.extend(crate::sales::Grade::JUDGED);
    grades(&all, false)
}

/// One of `values` (a sort order, say) or `null`.
pub fn optional_one_of(values: &[&str]) -> Object {
    string(true)
        .enum_values(Some(
            values
                .iter()
                .map(|v| serde_json::Value::from(*v))
                .chain([serde_json::Value::Null]),
        ))
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id_number::check_character;

    /// The spellings the patterns describe are ones the validators accept (the HTTP tests
    /// compile every pattern of the document and match these examples against them).
    #[test]
    fn canonical_spellings_pass_the_validators() {
        for phone in [
            "13812345678",
            "0571-87654321",
            "010-62345678",
            "02087654321",
            "400-820-8820",
        ] {
            assert!(crate::phone::Phone::parse("p", phone).is_ok(), "{phone}");
        }
        for plate in ["浙A12345", "浙AD12345", "浙A12345D", "京BF1234"] {
            assert!(crate::plate::Plate::parse("p", plate).is_ok(), "{plate}");
        }
        assert!(crate::vin::Vin::parse("v", "LSVAU2180N2183294").is_ok());
        let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        for region in crate::id_number::REGIONS {
            let first17 = format!("{region}010620190228123");
            let id = format!("{first17}{}", check_character(&first17).unwrap());
            assert!(
                crate::id_number::IdNumber::parse("i", &id, today).is_ok(),
                "{id}"
            );
        }
        assert!(plate_pattern().starts_with(&format!("^[{PROVINCES}]")));
        assert!(id_number_pattern().contains("|82)"));
    }
}
