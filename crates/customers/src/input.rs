//! Customer input as the API receives it, and its validation into a [`Draft`].

use super::types::{ConsentChannel, ConsentMethod, CustomerKind, Gender, PhoneLabel, Relation};
use chrono::NaiveDate;
use forecourt_domain::email::parse_email;
use forecourt_domain::id_number::IdNumber;
use forecourt_domain::ids::UserId;
use forecourt_domain::patch::double_option;
use forecourt_domain::phone::Phone;
use forecourt_domain::region::normalize_province;
use forecourt_domain::username::{NAME_MAX, REASON_MAX, SHORT_NAME_MAX};
use forecourt_domain::username::{parse_name, parse_optional_text};
use forecourt_domain::{FieldError, FieldErrors};
use serde::Deserialize;
use utoipa::ToSchema;

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct PhoneInput {
    /// Any spelling: `138 1234 5678`, `+86 13812345678`, `(0571)8765 4321`.
    #[schema(schema_with = forecourt_domain::schema::phone)]
    pub number: String,
    /// What kind of number it is: `mobile` (the default), `home`, `work` or `other`.
    #[serde(default = "default_label")]
    pub label: PhoneLabel,
}

fn default_label() -> PhoneLabel {
    PhoneLabel::Mobile
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct CompanionInput {
    /// How the companion relates to the customer.
    pub relation: Relation,
    /// The companion's name; at most 64 characters.
    #[schema(schema_with = forecourt_domain::schema::name::<{ forecourt_domain::username::NAME_MAX }>)]
    pub name: String,
    /// The companion's phone, any spelling.
    #[schema(schema_with = forecourt_domain::schema::optional_phone)]
    pub phone: Option<String>,
    /// What the companion cares about; at most 200 characters.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::REASON_MAX }>)]
    pub notes: Option<String>,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct ConsentInput {
    /// The channel consented to: `sms`, `phone`, `email` or `wechat`.
    pub channel: ConsentChannel,
    /// `true` gives consent, `false` withdraws it.
    pub granted: bool,
    /// How the customer gave or withdrew it.
    pub method: ConsentMethod,
    /// A note, e.g. where the signed form is kept.
    pub note: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
pub struct AddressInput {
    /// Province (省): a province of China, e.g. `浙江` or `浙江省`.
    pub province: Option<String>,
    /// City (市); at most 32 characters.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::SHORT_NAME_MAX }>)]
    pub city: Option<String>,
    /// District (区/县); at most 32 characters.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::SHORT_NAME_MAX }>)]
    pub district: Option<String>,
    /// Street address; at most 200 characters.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::REASON_MAX }>)]
    pub street: Option<String>,
}

/// A new customer.
#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct NewCustomer {
    /// `person` (the default) or `company`.
    #[serde(default = "default_kind")]
    pub kind: CustomerKind,
    /// A person's name (张伟) or a company's.
    #[schema(schema_with = forecourt_domain::schema::name::<{ forecourt_domain::username::LONG_NAME_MAX }>)]
    pub name: String,
    /// `male` or `female`.
    pub gender: Option<Gender>,
    /// Their birthday (`YYYY-MM-DD`): a past date after 1900.
    pub birthday: Option<NaiveDate>,
    /// Up to 5 phone numbers; the first is the primary one.
    #[serde(default)]
    pub phones: Vec<PhoneInput>,
    /// Their WeChat id; at most 64 characters.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::NAME_MAX }>)]
    pub wechat_id: Option<String>,
    /// Their e-mail address.
    #[schema(schema_with = forecourt_domain::schema::optional_email)]
    pub email: Option<String>,
    /// Their postal address.
    #[serde(default)]
    pub address: AddressInput,
    /// 身份证 number; stored encrypted, shown masked.
    #[schema(schema_with = forecourt_domain::schema::optional_id_number)]
    pub id_number: Option<String>,
    /// Their occupation; at most 64 characters.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::NAME_MAX }>)]
    pub occupation: Option<String>,
    /// Free-text notes; at most 2000 characters.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::NOTE_MAX }>)]
    pub notes: Option<String>,
    /// Up to 20 tags of at most 32 characters each; repeats are dropped.
    #[serde(default)]
    pub tags: Vec<String>,
    /// The key of one of the dealer's sources (`walk_in`, `phone`, ...).
    pub source: Option<String>,
    /// The consultant who owns the customer; defaults to the creator.
    pub owner_id: Option<UserId>,
    /// Up to 10 people who come along and influence the purchase.
    #[serde(default)]
    pub companions: Vec<CompanionInput>,
    /// Consent per channel, as the customer gave it.
    #[serde(default)]
    pub consents: Vec<ConsentInput>,
    /// Cars to register with the customer.
    #[serde(default)]
    pub vehicles: Vec<crate::vehicles::VehicleInput>,
    /// Create even though a customer with the same phone, ID number or VIN exists.
    #[serde(default)]
    pub allow_duplicate: bool,
}

fn default_kind() -> CustomerKind {
    CustomerKind::Person
}

impl NewCustomer {
    /// A person known only by name and phones (a web form, a lead from the OEM).
    pub fn minimal(
        name: String,
        phones: Vec<PhoneInput>,
        source: Option<String>,
        city: Option<String>,
    ) -> Self {
        Self {
            kind: CustomerKind::Person,
            name,
            gender: None,
            birthday: None,
            phones,
            wechat_id: None,
            email: None,
            address: AddressInput {
                city,
                ..AddressInput::default()
            },
            id_number: None,
            occupation: None,
            notes: None,
            tags: Vec::new(),
            source,
            owner_id: None,
            companions: Vec::new(),
            consents: Vec::new(),
            vehicles: Vec::new(),
            allow_duplicate: false,
        }
    }
}

impl PhoneInput {
    pub fn mobile(number: String) -> Self {
        Self {
            number,
            label: PhoneLabel::Mobile,
        }
    }
}

/// Changes to a customer. Absent fields stay; `null` clears; lists (phones, tags, companions)
/// replace the whole list.
#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
pub struct CustomerPatch {
    /// The version last read; a stale one is refused with 409 `version_conflict`.
    pub version: i64,
    /// `person` or `company`. Absent keeps it.
    pub kind: Option<CustomerKind>,
    /// A new name; at most 100 characters. Absent keeps it.
    #[schema(schema_with = forecourt_domain::schema::name::<{ forecourt_domain::username::LONG_NAME_MAX }>)]
    pub name: Option<String>,
    /// `male` or `female`. Absent keeps it; `null` clears it.
    #[serde(default, deserialize_with = "double_option")]
    pub gender: Option<Option<Gender>>,
    /// Their birthday (`YYYY-MM-DD`, a past date after 1900). Absent keeps it; `null` clears it.
    #[serde(default, deserialize_with = "double_option")]
    pub birthday: Option<Option<NaiveDate>>,
    /// Up to 5 phone numbers replacing the whole list, the first primary. Absent keeps them.
    pub phones: Option<Vec<PhoneInput>>,
    /// Their WeChat id, at most 64 characters. Absent keeps it; `null` clears it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::NAME_MAX }>)]
    pub wechat_id: Option<Option<String>>,
    /// Their e-mail address. Absent keeps it; `null` clears it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(schema_with = forecourt_domain::schema::optional_email)]
    pub email: Option<Option<String>>,
    /// A new address, replacing the whole address. Absent keeps it.
    pub address: Option<AddressInput>,
    /// Their 身份证 number. Absent keeps it; `null` clears it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(schema_with = forecourt_domain::schema::optional_id_number)]
    pub id_number: Option<Option<String>>,
    /// Their occupation, at most 64 characters. Absent keeps it; `null` clears it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::NAME_MAX }>)]
    pub occupation: Option<Option<String>>,
    /// Free-text notes, at most 2000 characters. Absent keeps them; `null` clears them.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::NOTE_MAX }>)]
    pub notes: Option<Option<String>>,
    /// Up to 20 tags replacing the whole list. Absent keeps them.
    pub tags: Option<Vec<String>>,
    /// A key of the dealer's `source` list. Absent keeps it; `null` clears it.
    #[serde(default, deserialize_with = "double_option")]
    pub source: Option<Option<String>>,
    /// Changing the owner needs `customer:assign`.
    #[serde(default, deserialize_with = "double_option")]
    pub owner_id: Option<Option<UserId>>,
    /// Up to 10 companions replacing the whole list. Absent keeps them.
    pub companions: Option<Vec<CompanionInput>>,
    /// Save even though a new phone or ID number belongs to another customer.
    #[serde(default)]
    pub allow_duplicate: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Address {
    pub province: Option<String>,
    pub city: Option<String>,
    pub district: Option<String>,
    pub street: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Companion {
    pub relation: Relation,
    pub name: String,
    pub phone: Option<Phone>,
    pub notes: Option<String>,
}

pub const MAX_PHONES: usize = 5;
pub const MAX_TAGS: usize = 20;
pub const MAX_COMPANIONS: usize = 10;

pub fn parse_phones(errors: &mut FieldErrors, phones: &[PhoneInput]) -> Vec<(Phone, PhoneLabel)> {
    if phones.len() > MAX_PHONES {
        errors.push(
            FieldError::new("phones", "too_many", format!("at most {MAX_PHONES} phones"))
                .with_param("max", MAX_PHONES),
        );
    }
    let mut parsed: Vec<(Phone, PhoneLabel)> = Vec::new();
    for (i, phone) in phones.iter().enumerate() {
        if let Some(number) =
            errors.check(Phone::parse(&format!("phones.{i}.number"), &phone.number))
        {
            if parsed.iter().any(|(p, _)| *p == number) {
                errors.push(FieldError::new(
                    format!("phones.{i}.number"),
                    "duplicate",
                    "is listed twice",
                ));
            } else {
                parsed.push((number, phone.label));
            }
        }
    }
    parsed
}

pub fn parse_tags(errors: &mut FieldErrors, tags: &[String]) -> Vec<String> {
    let mut parsed: Vec<String> = Vec::new();
    for (i, tag) in tags.iter().enumerate() {
        if let Some(tag) = errors.check(parse_name(&format!("tags.{i}"), tag, SHORT_NAME_MAX))
            && !parsed.contains(&tag)
        {
            parsed.push(tag);
        }
    }
    if parsed.len() > MAX_TAGS {
        errors.push(
            FieldError::new("tags", "too_many", format!("at most {MAX_TAGS} tags"))
                .with_param("max", MAX_TAGS),
        );
    }
    parsed
}

pub fn parse_companions(errors: &mut FieldErrors, companions: &[CompanionInput]) -> Vec<Companion> {
    if companions.len() > MAX_COMPANIONS {
        errors.push(FieldError::new(
            "companions",
            "too_many",
            format!("at most {MAX_COMPANIONS} companions"),
        ));
    }
    companions
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let name = errors.check(parse_name(
                &format!("companions.{i}.name"),
                &c.name,
                NAME_MAX,
            ));
            let phone = errors.check(
                match c.phone.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
                    Some(p) => Phone::parse(&format!("companions.{i}.phone"), p).map(Some),
                    None => Ok(None),
                },
            );
            let notes = errors.check(parse_optional_text(
                &format!("companions.{i}.notes"),
                c.notes.as_deref(),
                REASON_MAX,
            ));
            Some(Companion {
                relation: c.relation,
                name: name?,
                phone: phone?,
                notes: notes?,
            })
        })
        .collect()
}

pub fn parse_address(errors: &mut FieldErrors, address: &AddressInput) -> Address {
    let province = match address
        .province
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        Some(p) => match normalize_province(p) {
            Some(province) => Some(province.to_owned()),
            None => {
                errors.push(FieldError::new(
                    "address.province",
                    "unknown_province",
                    "is not a province of China",
                ));
                None
            }
        },
        None => None,
    };
    Address {
        province,
        city: errors
            .check(parse_optional_text(
                "address.city",
                address.city.as_deref(),
                SHORT_NAME_MAX,
            ))
            .flatten(),
        district: errors
            .check(parse_optional_text(
                "address.district",
                address.district.as_deref(),
                SHORT_NAME_MAX,
            ))
            .flatten(),
        street: errors
            .check(parse_optional_text(
                "address.street",
                address.street.as_deref(),
                REASON_MAX,
            ))
            .flatten(),
    }
}

/// A blank optional text is `None`.
pub fn optional_text(
    errors: &mut FieldErrors,
    field: &str,
    value: Option<&str>,
    max: usize,
) -> Option<String> {
    errors
        .check(parse_optional_text(field, value, max))
        .flatten()
}

pub fn optional_email(errors: &mut FieldErrors, value: Option<&str>) -> Option<String> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        Some(v) => errors.check(parse_email("email", v)),
        None => None,
    }
}

pub fn optional_id_number(
    errors: &mut FieldErrors,
    value: Option<&str>,
    today: NaiveDate,
) -> Option<IdNumber> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        Some(v) => errors.check(IdNumber::parse("id_number", v, today)),
        None => None,
    }
}

pub fn check_birthday(
    errors: &mut FieldErrors,
    birthday: Option<NaiveDate>,
    today: NaiveDate,
) -> Option<NaiveDate> {
    match birthday {
        Some(date)
            if date > today || date < NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(date) =>
        {
            errors.push(FieldError::new(
                "birthday",
                "out_of_range",
                "must be a past date after 1900",
            ));
            None
        }
        other => other,
    }
}
