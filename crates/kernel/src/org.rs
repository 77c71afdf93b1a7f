//! Installation-level operations: creating groups and dealers. These are not tenant use cases
//! (no dealer's user may create another dealer); the command line calls them.

use crate::app::App;
use crate::audit::{self, AuditEntry};
use crate::error::{CoreError, CoreResult};
use chrono::{DateTime, Utc};
use forecourt_db::entities::{dealer, group};
use forecourt_db::repo::org;
use forecourt_domain::code::parse_code;
use forecourt_domain::ids::{DealerId, GroupId};
use forecourt_domain::locale::Locale;
use forecourt_domain::time_zone::DealerTimeZone;
use forecourt_domain::username::LONG_NAME_MAX;
use forecourt_domain::username::parse_name;
use forecourt_domain::{FieldError, FieldErrors};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupKind {
    /// A carmaker above its dealers.
    Oem,
    /// A group owning several dealers.
    DealerGroup,
}

impl GroupKind {
    pub fn as_str(self) -> &'static str {
        match self {
            GroupKind::Oem => "oem",
            GroupKind::DealerGroup => "dealer_group",
        }
    }
}

#[derive(Clone, Debug)]
pub struct NewGroup {
    pub code: String,
    pub name: String,
    pub kind: GroupKind,
}

#[derive(Clone, Debug)]
pub struct NewDealer {
    pub code: String,
    pub name: String,
    /// The code of an existing group.
    pub group_code: Option<String>,
    pub time_zone: Option<String>,
    pub locale: Option<Locale>,
}

/// A dealer (经销商 / 4S store) as the API shows it.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct DealerView {
    /// The dealer's id (UUIDv7).
    pub id: DealerId,
    /// The dealer's code (2-32 characters of A-Z, 0-9, - and _), unique in the installation.
    pub code: String,
    /// The dealer's name (e.g. `杭州某某大众4S店`).
    pub name: String,
    /// The group or carmaker the dealer belongs to, if any.
    pub group_id: Option<GroupId>,
    /// IANA time zone; "today" and report periods are computed in it.
    pub time_zone: String,
    /// The default language of the dealer's users.
    pub locale: Locale,
    /// When the dealer was created (UTC, RFC 3339).
    pub created_at: DateTime<Utc>,
    /// When the dealer last changed (UTC, RFC 3339).
    pub updated_at: DateTime<Utc>,
    /// Its version; send it back with a change.
    pub version: i64,
}

impl From<&dealer::Model> for DealerView {
    fn from(m: &dealer::Model) -> Self {
        Self {
            id: DealerId::from_uuid(m.id),
            code: m.code.clone(),
            name: m.name.clone(),
            group_id: m.group_id.map(GroupId::from_uuid),
            time_zone: m.time_zone.clone(),
            locale: m.locale.parse().unwrap_or_default(),
            created_at: m.created_at,
            updated_at: m.updated_at,
            version: m.version,
        }
    }
}

impl App {
    /// Creates a group (a carmaker or a dealer group) for the installation's operator; no actor is
    /// checked. A code already used is 409 `already_exists` (field code `taken`).
    pub async fn create_group(&self, input: NewGroup) -> CoreResult<group::Model> {
        let mut errors = FieldErrors::new();
        let code = errors.check(parse_code("code", &input.code));
        let name = errors.check(parse_name("name", &input.name, LONG_NAME_MAX));
        errors.finish()?;
        let (Some(code), Some(name)) = (code, name) else {
            unreachable!("errors were recorded")
        };
        let now = self.now();
        let model = group::Model {
            id: Uuid::now_v7(),
            code,
            name,
            kind: input.kind.as_str().to_owned(),
            created_at: now,
            updated_at: now,
            version: 1,
        };
        let tx = self.db.begin().await?;
        let created = org::insert_group(&*tx, model)
            .await
            .map_err(CoreError::on_write("group", "code"))?;
        tx.commit().await?;
        Ok(created)
    }

    /// Creates a dealer, optionally in an existing group, with its time zone (default
    /// `Asia/Shanghai`) and language; for the installation's operator, no actor is checked. A code
    /// already used is 409 `already_exists` (field code `taken`), an unknown group code 422.
    pub async fn create_dealer(&self, input: NewDealer) -> CoreResult<DealerView> {
        let mut errors = FieldErrors::new();
        let code = errors.check(parse_code("code", &input.code));
        let name = errors.check(parse_name("name", &input.name, LONG_NAME_MAX));
        let time_zone = errors.check(DealerTimeZone::parse(
            "time_zone",
            input
                .time_zone
                .as_deref()
                .unwrap_or(DealerTimeZone::DEFAULT_NAME),
        ));
        let conn = self.db.conn();
        let mut group_id = None;
        if let Some(group_code) = &input.group_code {
            match org::find_group_by_code(conn, &group_code.trim().to_ascii_uppercase()).await? {
                Some(group) => group_id = Some(group.id),
                None => errors.push(FieldError::new(
                    "group",
                    "unknown_group",
                    "is not a known group code",
                )),
            }
        }
        errors.finish()?;
        let (Some(code), Some(name), Some(time_zone)) = (code, name, time_zone) else {
            unreachable!("errors were recorded")
        };
        let now = self.now();
        let model = dealer::Model {
            id: Uuid::now_v7(),
            group_id,
            code,
            name,
            time_zone: time_zone.name().to_owned(),
            locale: input.locale.unwrap_or_default().as_str().to_owned(),
            created_at: now,
            updated_at: now,
            version: 1,
        };
        let tx = self.db.begin().await?;
        let created = org::insert_dealer(&*tx, model)
            .await
            .map_err(CoreError::on_write("dealer", "code"))?;
        let system = crate::auth::system_actor_for_new_dealer(&created);
        audit::record(&*tx, &system, AuditEntry::created(&created), now).await?;
        crate::lookups::ensure_builtin(&*tx, &system, now).await?;
        for module in crate::module::installed() {
            module.dealer_defaults(&tx, &system, now).await?;
        }
        tx.commit().await?;
        Ok(DealerView::from(&created))
    }

    /// The dealer with this code.
    pub async fn find_dealer_by_code(&self, code: &str) -> CoreResult<Option<DealerView>> {
        let code = code.trim().to_ascii_uppercase();
        Ok(org::find_dealer_by_code(self.db.conn(), &code)
            .await?
            .as_ref()
            .map(DealerView::from))
    }

    /// Every dealer of the installation, by code (for the command line).
    pub async fn all_dealers(&self) -> CoreResult<Vec<DealerView>> {
        Ok(org::all_dealers(self.db.conn())
            .await?
            .iter()
            .map(DealerView::from)
            .collect())
    }

    /// The id of the dealer with this code; an unknown code is 422 (field `dealer`, code
    /// `unknown_dealer`).
    pub async fn dealer_id_by_code(&self, code: &str) -> CoreResult<DealerId> {
        self.find_dealer_by_code(code)
            .await?
            .map(|d| d.id)
            .ok_or(CoreError::invalid(FieldError::new(
                "dealer",
                "unknown_dealer",
                "is not a known dealer code",
            )))
    }
}
