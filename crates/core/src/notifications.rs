//! In-app notifications: raised by the use cases (in their transaction) and read by the user
//! (the bell: unread count, list, mark read). The text is rendered in the user's language when
//! raised; `kind` and `params` let the UI render it again in another.

use crate::app::App;
use crate::auth::Actor;
use crate::error::CoreResult;
use crate::paging::{Paged, page_or_bad_cursor, page_request};
use chrono::{DateTime, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{notification, user};
use forecourt_db::repo::{batched_insert, notifications, tenant};
use forecourt_domain::ids::NotificationId;
use forecourt_domain::locale::Locale;
use forecourt_domain::permission::Permission;
use forecourt_domain::work::render_template;
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

/// A kind's (locale, title, body) in each language, with `{{param}}` placeholders.
type Texts = [(&'static str, &'static str, &'static str); 3];

/// The texts of each kind.
const TEXTS: &[(&str, Texts)] = &[
    (
        "activity.reminder",
        [
            (
                "zh-CN",
                "提醒：{{subject}}",
                "{{subject}} 将于 {{at}} 开始。",
            ),
            (
                "zh-TW",
                "提醒：{{subject}}",
                "{{subject}} 將於 {{at}} 開始。",
            ),
            (
                "en",
                "Reminder: {{subject}}",
                "{{subject}} starts at {{at}}.",
            ),
        ],
    ),
    (
        "activity.overdue",
        [
            (
                "zh-CN",
                "已逾期：{{subject}}",
                "任务「{{subject}}」已于 {{at}} 到期，尚未完成。",
            ),
            (
                "zh-TW",
                "已逾期：{{subject}}",
                "任務「{{subject}}」已於 {{at}} 到期，尚未完成。",
            ),
            (
                "en",
                "Overdue: {{subject}}",
                "\"{{subject}}\" was due at {{at}} and is not done.",
            ),
        ],
    ),
    (
        "activity.escalated",
        [
            (
                "zh-CN",
                "逾期升级：{{owner}} 的 {{subject}}",
                "{{owner}} 的任务「{{subject}}」已于 {{at}} 到期，仍未完成。",
            ),
            (
                "zh-TW",
                "逾期升級：{{owner}} 的 {{subject}}",
                "{{owner}} 的任務「{{subject}}」已於 {{at}} 到期，仍未完成。",
            ),
            (
                "en",
                "Escalated: {{owner}}'s {{subject}}",
                "{{owner}}'s \"{{subject}}\" was due at {{at}} and is still not done.",
            ),
        ],
    ),
    (
        "approval.requested",
        [
            (
                "zh-CN",
                "待审批：{{title}}",
                "{{requester}} 提交了审批申请「{{title}}」。",
            ),
            (
                "zh-TW",
                "待審批：{{title}}",
                "{{requester}} 提交了審批申請「{{title}}」。",
            ),
            (
                "en",
                "Approval needed: {{title}}",
                "{{requester}} asks for approval: \"{{title}}\".",
            ),
        ],
    ),
    (
        "approval.approved",
        [
            (
                "zh-CN",
                "已批准：{{title}}",
                "{{decider}} 批准了「{{title}}」。{{comment}}",
            ),
            (
                "zh-TW",
                "已批准：{{title}}",
                "{{decider}} 批准了「{{title}}」。{{comment}}",
            ),
            (
                "en",
                "Approved: {{title}}",
                "{{decider}} approved \"{{title}}\". {{comment}}",
            ),
        ],
    ),
    (
        "approval.rejected",
        [
            (
                "zh-CN",
                "已驳回：{{title}}",
                "{{decider}} 驳回了「{{title}}」：{{comment}}",
            ),
            (
                "zh-TW",
                "已駁回：{{title}}",
                "{{decider}} 駁回了「{{title}}」：{{comment}}",
            ),
            (
                "en",
                "Rejected: {{title}}",
                "{{decider}} rejected \"{{title}}\": {{comment}}",
            ),
        ],
    ),
];

/// The texts of the sales module's kinds.
const SALES_TEXTS: &[(&str, Texts)] = &[
    (
        "lead.assigned",
        [
            (
                "zh-CN",
                "新线索：{{customer}}",
                "线索「{{customer}}」（{{grade}}级）已分配给你。",
            ),
            (
                "zh-TW",
                "新線索：{{customer}}",
                "線索「{{customer}}」（{{grade}}級）已分配給你。",
            ),
            (
                "en",
                "New lead: {{customer}}",
                "The lead {{customer}} (grade {{grade}}) is now yours.",
            ),
        ],
    ),
    (
        "lead.stagnant",
        [
            (
                "zh-CN",
                "线索停滞：{{customer}}",
                "线索「{{customer}}」已 {{days}} 天没有升级，已按店内规则处理。",
            ),
            (
                "zh-TW",
                "線索停滯：{{customer}}",
                "線索「{{customer}}」已 {{days}} 天沒有升級，已按店內規則處理。",
            ),
            (
                "en",
                "Stagnant lead: {{customer}}",
                "{{customer}} has had no grade upgrade for {{days}} days and was handled by the store's rule.",
            ),
        ],
    ),
];

/// The title and body of a kind in a language (the kind itself when it has no texts).
pub fn render(kind: &str, locale: Locale, params: &Map<String, Value>) -> (String, String) {
    let texts = TEXTS
        .iter()
        .chain(SALES_TEXTS)
        .find(|(k, _)| *k == kind)
        .map(|(_, t)| t);
    match texts.and_then(|t| t.iter().find(|(l, _, _)| *l == locale.as_str())) {
        Some((_, title, body)) => (
            render_template(title, params).chars().take(200).collect(),
            render_template(body, params).trim().to_owned(),
        ),
        None => (kind.to_owned(), String::new()),
    }
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
    pub id: NotificationId,
    pub kind: String,
    pub title: String,
    pub body: String,
    #[schema(value_type = Object)]
    pub params: Value,
    pub link: Option<String>,
    pub ref_type: Option<String>,
    pub ref_id: Option<Uuid>,
    pub read_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

impl From<notification::Model> for NotificationView {
    fn from(n: notification::Model) -> Self {
        Self {
            id: NotificationId::from_uuid(n.id),
            kind: n.kind,
            title: n.title,
            body: n.body,
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
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct UnreadCount {
    pub unread: u64,
}

/// Which notifications to mark read: these, or (no ids) all.
#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
pub struct MarkRead {
    #[serde(default)]
    pub ids: Option<Vec<NotificationId>>,
}

impl App {
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
        Ok(Paged::from_page(
            page_or_bad_cursor(rows)?,
            NotificationView::from,
        ))
    }

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
        let ids: Option<Vec<Uuid>> = input
            .ids
            .map(|ids| ids.into_iter().map(NotificationId::uuid).collect());
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
