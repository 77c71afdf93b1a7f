//! In-app notifications: raised by the use cases (in their transaction) and read by the user
//! (the bell: unread count, list, mark read). A notification keeps its kind and parameters and
//! is worded in the reader's language each time it is read (the words of the moment it was
//! raised are kept too, for kinds a later version no longer knows).

use crate::app::App;
use crate::auth::Actor;
use crate::error::CoreResult;
use crate::paging::{Paged, page_or_bad_cursor, page_request};
use crate::texts::{self, Words};
use chrono::{DateTime, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{notification, user};
use forecourt_db::repo::{batched_insert, notifications, tenant};
use forecourt_domain::ids::NotificationId;
use forecourt_domain::locale::Locale;
use forecourt_domain::permission::Permission;
use forecourt_domain::text::Text;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// A notification about to be raised.
#[derive(Clone, Debug)]
pub struct Notice {
    pub user_id: Uuid,
    /// `activity.reminder`, `activity.overdue`, `activity.escalated`, `approval.requested`,
    /// `approval.approved`, `approval.rejected`, and those of later modules.
    pub kind: &'static str,
    pub params: Map<String, Value>,
    /// Where the UI opens it (`/activities/<id>`).
    pub link: Option<String>,
    pub reference: Option<(&'static str, Uuid)>,
}

/// The words of the kernel's kinds: `notice.<kind>.title` and `notice.<kind>.body`. Modules
/// keep theirs beside their code ([`Module::texts`](crate::module::Module::texts)).
pub static TEXTS: &[Words] = &[];

/// The title and body of a notification kind in a language (the kind itself when it has no
/// words).
pub fn render(kind: &str, locale: Locale, params: &Map<String, Value>) -> (String, String) {
    let title_key = format!("notice.{kind}.title");
    if !texts::has(&title_key) {
        return (kind.to_owned(), String::new());
    }
    let title = texts::render(
        &Text {
            key: title_key,
            params: params.clone(),
        },
        locale,
    );
    let body = texts::render(
        &Text {
            key: format!("notice.{kind}.body"),
            params: params.clone(),
        },
        locale,
    );
    (title.chars().take(200).collect(), body.trim().to_owned())
}

fn user_locale(user: &user::Model) -> Locale {
    user.locale
        .as_deref()
        .and_then(|l| l.parse().ok())
        .unwrap_or_default()
}

/// Raises notifications in the caller's transaction, each in its user's language. Users of
/// another dealer are skipped.
pub async fn notify<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    notices: Vec<Notice>,
    at: DateTime<Utc>,
) -> CoreResult<()> {
    let mut rows = Vec::with_capacity(notices.len());
    for notice in notices {
        let Some(user) =
            tenant::find::<user::Entity, _>(conn, actor.scope(), notice.user_id).await?
        else {
            continue;
        };
        let (title, body) = render(notice.kind, user_locale(&user), &notice.params);
        rows.push(notification::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            user_id: user.id,
            kind: notice.kind.to_owned(),
            title,
            body,
            params: Value::Object(notice.params),
            link: notice.link,
            ref_type: notice.reference.map(|(t, _)| t.to_owned()),
            ref_id: notice.reference.map(|(_, id)| id),
            read_at: None,
            created_at: at,
        });
    }
    batched_insert::<notification::Entity, _>(conn, actor.scope(), rows).await?;
    Ok(())
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct NotificationView {
    /// The notification's id (UUIDv7).
    pub id: NotificationId,
    /// What it is about: `activity.reminder`, `approval.requested`, `lead.assigned`, ...
    pub kind: String,
    /// The title, in the reader's language (`Accept-Language`, else their profile's).
    pub title: String,
    /// The body, in the reader's language.
    pub body: String,
    /// The values the words were made from (names, times, grades; a nested text is
    /// `{"$text": {"key", "params"}}`).
    #[schema(value_type = Object)]
    pub params: Value,
    /// Where the app opens it (a path in the web app, e.g. the lead's page), if anywhere.
    pub link: Option<String>,
    /// The kind of record it is about (e.g. `activity`, `lead`), if any.
    pub ref_type: Option<String>,
    /// That record's id.
    pub ref_id: Option<Uuid>,
    /// When the caller read it (UTC, RFC 3339); `null` while unread.
    pub read_at: Option<DateTime<Utc>>,
    /// When it was raised (UTC, RFC 3339).
    pub created_at: DateTime<Utc>,
}

impl NotificationView {
    /// The notification in the reader's language (rendered again from its kind and
    /// parameters; the words stored when it was raised are kept for kinds this version no
    /// longer knows).
    pub fn render(n: notification::Model, locale: Locale) -> Self {
        let (title, body) = match n.params.as_object() {
            Some(params) if texts::has(&format!("notice.{}.title", n.kind)) => {
                render(&n.kind, locale, params)
            }
            _ => (n.title, n.body),
        };
        Self {
            id: NotificationId::from_uuid(n.id),
            kind: n.kind,
            title,
            body,
            params: n.params,
            link: n.link,
            ref_type: n.ref_type,
            ref_id: n.ref_id,
            read_at: n.read_at,
            created_at: n.created_at,
        }
    }
}

#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NotificationQuery {
    /// Only unread ones.
    #[serde(default)]
    pub unread: bool,
    #[param(schema_with = forecourt_domain::schema::page_limit::<{ forecourt_domain::paging::MAX_PAGE_SIZE }>)]
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct UnreadCount {
    /// How many of the caller's notifications are unread.
    pub unread: u64,
}

/// Which notifications to mark read: those listed in `ids`, or every one with `all`. An empty
/// list without `all` marks nothing.
#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
pub struct MarkRead {
    /// The notifications to mark read (at most 500).
    #[serde(default, deserialize_with = "forecourt_domain::patch::null_as_default")]
    #[schema(max_items = 500)]
    pub ids: Vec<NotificationId>,
    /// Mark every notification of the caller read (`ids` is then ignored).
    #[serde(default)]
    pub all: bool,
}

impl App {
    /// A page of the caller's own notifications, in their language; optionally only unread ones.
    /// Needs `notification.read`.
    pub async fn list_notifications(
        &self,
        actor: &Actor,
        query: NotificationQuery,
    ) -> CoreResult<Paged<NotificationView>> {
        actor.require(Permission::NotificationRead)?;
        let page = page_request(query.limit, query.cursor.as_deref())?;
        let rows = notifications::list(
            self.db.conn(),
            actor.scope(),
            actor.user_id().uuid(),
            query.unread,
            &page,
        )
        .await?;
        let locale = actor.locale();
        Ok(Paged::from_page(page_or_bad_cursor(rows)?, |n| {
            NotificationView::render(n, locale)
        }))
    }

    /// How many of the caller's notifications are unread (for the bell). Needs `notification.read`.
    pub async fn unread_notifications(&self, actor: &Actor) -> CoreResult<UnreadCount> {
        actor.require(Permission::NotificationRead)?;
        let unread =
            notifications::unread_count(self.db.conn(), actor.scope(), actor.user_id().uuid())
                .await?;
        Ok(UnreadCount { unread })
    }

    /// Marks the caller's notifications read; answers the unread count after.
    pub async fn mark_notifications_read(
        &self,
        actor: &Actor,
        input: MarkRead,
    ) -> CoreResult<UnreadCount> {
        actor.require(Permission::NotificationRead)?;
        if input.ids.len() > 500 {
            return Err(crate::CoreError::invalid(
                forecourt_domain::FieldError::new("ids", "too_many", "at most 500 at once")
                    .with_param("max", 500),
            ));
        }
        let ids: Option<Vec<Uuid>> = if input.all {
            None
        } else if input.ids.is_empty() {
            return self.unread_notifications(actor).await;
        } else {
            Some(input.ids.into_iter().map(NotificationId::uuid).collect())
        };
        let tx = self.db.begin().await?;
        notifications::mark_read(
            &*tx,
            actor.scope(),
            actor.user_id().uuid(),
            ids.as_deref(),
            self.now(),
        )
        .await?;
        let unread =
            notifications::unread_count(&*tx, actor.scope(), actor.user_id().uuid()).await?;
        tx.commit().await?;
        Ok(UnreadCount { unread })
    }
}
