//! Queuing messages, and the outbox as the admin and marketing see it.

use super::deliver::DELIVER_JOB;
use super::templates::resolve;
use crate::app::App;
use crate::auth::Actor;
use crate::error::{CoreError, CoreResult};
use crate::jobs::{self, NewJob};
use crate::paging::{Paged, page_or_bad_cursor, page_request};
use chrono::{DateTime, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{customer, message_delivery, outbound_message};
use forecourt_db::repo::messages::{self, MessageFilter};
use forecourt_db::repo::tenant;
use forecourt_domain::ids::{CustomerId, OutboundMessageId};
use forecourt_domain::locale::Locale;
use forecourt_domain::permission::Permission;
use forecourt_domain::work::{MessageChannel, MessageStatus, render_template};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// A message to queue.
#[derive(Clone, Debug)]
pub struct OutboundRequest {
    pub channel: MessageChannel,
    /// The customer it goes to (their address for the channel, and their consent, are used).
    pub customer_id: Option<CustomerId>,
    /// An explicit address (staff messages); ignored when a customer is named.
    pub recipient: Option<String>,
    pub template_key: String,
    /// Default: Simplified Chinese.
    pub locale: Option<Locale>,
    pub vars: Map<String, Value>,
    /// At most one message per key and dealer, ever.
    pub idempotency_key: String,
    pub reference: Option<(String, Uuid)>,
}

/// The customer's consent for a channel: only an explicit yes counts.
pub fn consents(customer: &customer::Model, channel: MessageChannel) -> bool {
    let flag = match channel {
        MessageChannel::Email => customer.consent_email,
        MessageChannel::Sms => customer.consent_sms,
        MessageChannel::Wechat => customer.consent_wechat,
    };
    flag == Some(true) && customer.status == "active"
}

fn address(
    customer: &customer::Model,
    phone: Option<String>,
    channel: MessageChannel,
) -> Option<String> {
    match channel {
        MessageChannel::Email => customer.email.clone(),
        MessageChannel::Sms => phone,
        MessageChannel::Wechat => customer.wechat_id.clone(),
    }
}

/// Writes a message to the outbox in the caller's transaction and queues its delivery in the
/// same transaction. A customer without consent for the channel gets a `suppressed` message
/// (kept, never sent). Queuing the same key again returns the first message.
pub async fn queue_message<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    request: OutboundRequest,
    now: DateTime<Utc>,
) -> CoreResult<outbound_message::Model> {
    if let Some(existing) =
        messages::find_by_key(conn, actor.scope(), &request.idempotency_key).await?
    {
        return Ok(existing);
    }
    let mut vars = request.vars;
    let mut status = MessageStatus::Queued;
    let mut error = None;
    let mut recipient = request.recipient.clone().unwrap_or_default();
    if let Some(customer_id) = request.customer_id {
        let customer = tenant::find::<customer::Entity, _>(conn, actor.scope(), customer_id.uuid())
            .await?
            .ok_or(CoreError::not_found("customer"))?;
        vars.insert("customer_name".into(), customer.name.clone().into());
        let phone = forecourt_db::repo::customers::phones_of(conn, actor.scope(), &[customer.id])
            .await?
            .into_iter()
            .max_by_key(|p| p.is_primary)
            .map(|p| p.number);
        recipient = address(&customer, phone, request.channel).unwrap_or_default();
        if !consents(&customer, request.channel) {
            status = MessageStatus::Suppressed;
            error = Some(format!("no consent to {}", request.channel));
        }
    }
    if recipient.is_empty() && status == MessageStatus::Queued {
        status = MessageStatus::Suppressed;
        error = Some(format!("no {} address", request.channel));
    }
    let locale = request.locale.unwrap_or_default();
    let (subject, body) = resolve(
        conn,
        actor,
        &request.template_key,
        request.channel.as_str(),
        locale,
    )
    .await?
    .ok_or_else(|| CoreError::Internal(anyhow::anyhow!("no template {}", request.template_key)))?;
    let model = outbound_message::Model {
        id: Uuid::now_v7(),
        dealer_id: actor.dealer_id().uuid(),
        channel: request.channel.as_str().to_owned(),
        recipient: recipient.chars().take(254).collect(),
        customer_id: request.customer_id.map(CustomerId::uuid),
        user_id: None,
        template_key: request.template_key,
        locale: locale.as_str().to_owned(),
        subject: subject.map(|s| render_template(&s, &vars).chars().take(200).collect()),
        body: render_template(&body, &vars),
        status: status.as_str().to_owned(),
        idempotency_key: request.idempotency_key,
        attempts: 0,
        attempt_id: None,
        sending_since: None,
        provider_message_id: None,
        last_error: error,
        sent_at: None,
        ref_type: request.reference.as_ref().map(|(t, _)| t.clone()),
        ref_id: request.reference.as_ref().map(|(_, id)| *id),
        created_at: now,
        updated_at: now,
        version: 1,
    };
    let saved =
        tenant::insert::<outbound_message::Entity, _>(conn, actor.scope(), model.dealer_id, model)
            .await?;
    if status == MessageStatus::Queued {
        jobs::enqueue(
            conn,
            NewJob::new(
                Some(actor.dealer_id()),
                DELIVER_JOB,
                json!({"message_id": saved.id}),
            )
            .key(saved.id.to_string()),
            now,
        )
        .await?;
    }
    Ok(saved)
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct DeliveryView {
    /// Which try this was, from 1.
    pub attempt: i32,
    /// When the try started (UTC, RFC 3339).
    pub started_at: DateTime<Utc>,
    /// When it ended (UTC, RFC 3339); `null` while under way.
    pub finished_at: Option<DateTime<Utc>>,
    /// `started`, `accepted`, `failed`, `suppressed`, `uncertain`.
    pub result: String,
    /// The provider's id for the message, when it accepted it.
    pub provider_message_id: Option<String>,
    /// Why the try failed, if it did.
    pub error: Option<String>,
}

impl From<message_delivery::Model> for DeliveryView {
    fn from(d: message_delivery::Model) -> Self {
        Self {
            attempt: d.attempt,
            started_at: d.started_at,
            finished_at: d.finished_at,
            result: d.result,
            provider_message_id: d.provider_message_id,
            error: d.error,
        }
    }
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct MessageView {
    /// The message's id (UUIDv7).
    pub id: OutboundMessageId,
    /// `email`, `sms` or `wechat`.
    pub channel: MessageChannel,
    /// Masked for phones.
    pub recipient: String,
    /// The customer it was sent to, if any.
    pub customer_id: Option<CustomerId>,
    /// The template it was written from.
    pub template_key: String,
    /// The language it was written in (e.g. `zh-CN`).
    pub locale: String,
    /// The subject (e-mail only).
    pub subject: Option<String>,
    /// The text sent.
    pub body: String,
    /// `queued`, `sending`, `sent`, `failed` (will be tried again), `dead` (out of tries) or
    /// `suppressed` (not sent: the customer has not consented to the channel).
    pub status: MessageStatus,
    /// How many tries were made.
    pub attempts: i32,
    /// The provider's id for the message, once accepted.
    pub provider_message_id: Option<String>,
    /// The error of the last failed try.
    pub last_error: Option<String>,
    /// When it was sent (UTC, RFC 3339).
    pub sent_at: Option<DateTime<Utc>>,
    /// When it was queued (UTC, RFC 3339).
    pub created_at: DateTime<Utc>,
    /// The attempts, oldest first (only on a single message).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub deliveries: Vec<DeliveryView>,
}

fn message_view(m: outbound_message::Model, deliveries: Vec<DeliveryView>) -> MessageView {
    let channel = MessageChannel::parse(&m.channel).unwrap_or(MessageChannel::Email);
    let recipient = if channel == MessageChannel::Sms {
        forecourt_domain::masking::mask_phone(&m.recipient)
    } else {
        m.recipient
    };
    MessageView {
        id: OutboundMessageId::from_uuid(m.id),
        channel,
        recipient,
        customer_id: m.customer_id.map(CustomerId::from_uuid),
        template_key: m.template_key,
        locale: m.locale,
        subject: m.subject,
        body: m.body,
        status: MessageStatus::parse(&m.status).unwrap_or(MessageStatus::Queued),
        attempts: m.attempts,
        provider_message_id: m.provider_message_id,
        last_error: m.last_error,
        sent_at: m.sent_at,
        created_at: m.created_at,
        deliveries,
    }
}

#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MessageQuery {
    pub status: Option<MessageStatus>,
    pub channel: Option<MessageChannel>,
    pub customer_id: Option<CustomerId>,
    #[param(schema_with = forecourt_domain::schema::page_limit::<{ forecourt_domain::paging::MAX_PAGE_SIZE }>)]
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

impl App {
    /// A page of the dealer's outgoing messages (e-mail, SMS, WeChat), optionally of one status,
    /// channel or customer; phone recipients are masked. Needs `message.read`.
    pub async fn list_messages(
        &self,
        actor: &Actor,
        query: MessageQuery,
    ) -> CoreResult<Paged<MessageView>> {
        actor.require(Permission::MessageRead)?;
        let page = page_request(query.limit, query.cursor.as_deref())?;
        let filter = MessageFilter {
            status: query.status.map(|s| s.as_str().to_owned()),
            channel: query.channel.map(|c| c.as_str().to_owned()),
            customer_id: query.customer_id.map(CustomerId::uuid),
        };
        let rows = messages::list(self.db.conn(), actor.scope(), &filter, &page).await?;
        Ok(Paged::from_page(page_or_bad_cursor(rows)?, |m| {
            message_view(m, Vec::new())
        }))
    }

    /// One message with its delivery log.
    pub async fn get_message(
        &self,
        actor: &Actor,
        id: OutboundMessageId,
    ) -> CoreResult<MessageView> {
        let conn = self.db.conn();
        let found = tenant::find::<outbound_message::Entity, _>(conn, actor.scope(), id.uuid())
            .await?
            .ok_or(CoreError::not_found("message"))?;
        actor.require(Permission::MessageRead)?;
        let deliveries = messages::deliveries(conn, actor.scope(), found.id).await?;
        Ok(message_view(
            found,
            deliveries.into_iter().map(DeliveryView::from).collect(),
        ))
    }
}
