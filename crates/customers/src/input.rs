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
    #[serde(default = "default_label")]
    pub label: PhoneLabel,
}

fn default_label() -> PhoneLabel {
    PhoneLabel::Mobile
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct CompanionInput {
    pub relation: Relation,
    #[schema(schema_with = forecourt_domain::schema::name::<{ forecourt_domain::username::NAME_MAX }>)]
    pub name: String,
    #[schema(schema_with = forecourt_domain::schema::optional_phone)]
    pub phone: Option<String>,
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::REASON_MAX }>)]
    pub notes: Option<String>,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct ConsentInput {
    pub channel: ConsentChannel,
    pub granted: bool,
    pub method: ConsentMethod,
    pub note: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
pub struct AddressInput {
    pub province: Option<String>,
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::SHORT_NAME_MAX }>)]
    pub city: Option<String>,
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::SHORT_NAME_MAX }>)]
    pub district: Option<String>,
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::REASON_MAX }>)]
    pub street: Option<String>,
}

/// A new customer.
#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct NewCustomer {
    #[serde(default = "default_kind")]
    pub kind: CustomerKind,
    /// A person's name (张伟) or a company's.
    #[schema(schema_with = forecourt_domain::schema::name::<{ forecourt_domain::username::LONG_NAME_MAX }>)]
    pub name: String,
    pub gender: Option<Gender>,
    pub birthday: Option<NaiveDate>,
    #[serde(default)]
    pub phones: Vec<PhoneInput>,
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::NAME_MAX }>)]
    pub wechat_id: Option<String>,
    #[schema(schema_with = forecourt_domain::schema::optional_email)]
    pub email: Option<String>,
    #[serde(default)]
    pub address: AddressInput,
    /// 身份证 number; stored encrypted, shown masked.
    #[schema(schema_with = forecourt_domain::schema::optional_id_number)]
    pub id_number: Option<String>,
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::NAME_MAX }>)]
    pub occupation: Option<String>,
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::NOTE_MAX }>)]
    pub notes: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    /// The key of one of the dealer's sources (`walk_in`, `phone`, ...).
    pub source: Option<String>,
    /// The consultant who owns the customer; defaults to the creator.
    pub owner_id: Option<UserId>,
    #[serde(default)]
    pub companions: Vec<CompanionInput>,
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
    pub version: i64,
    pub kind: Option<CustomerKind>,
    #[schema(schema_with = forecourt_domain::schema::name::<{ forecourt_domain::username::LONG_NAME_MAX }>)]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    pub gender: Option<Option<Gender>>,
    #[serde(default, deserialize_with = "double_option")]
    pub birthday: Option<Option<NaiveDate>>,
    pub phones: Option<Vec<PhoneInput>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::NAME_MAX }>)]
    pub wechat_id: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(schema_with = forecourt_domain::schema::optional_email)]
    pub email: Option<Option<String>>,
    pub address: Option<AddressInput>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(schema_with = forecourt_domain::schema::optional_id_number)]
    pub id_number: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::NAME_MAX }>)]
    pub occupation: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::NOTE_MAX }>)]
    pub notes: Option<Option<String>>,
    pub tags: Option<Vec<String>>,
    #[serde(default, deserialize_with = "double_option")]
    pub source: Option<Option<String>>,
    /// Changing the owner needs `customer:assign`.
    #[serde(default, deserialize_with = "double_option")]
    pub owner_id: Option<Option<UserId>>,
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
