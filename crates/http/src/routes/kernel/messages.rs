//! `/api/v1/messages` (the outbox and its delivery log) and `/api/v1/message-templates`.

use crate::extract::{ApiJson, ApiQuery, Authed, PathId};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use forecourt_domain::ids::OutboundMessageId;
use forecourt_kernel::messaging::templates::{TemplateUpdate, TemplateView};
use forecourt_kernel::messaging::{MessageQuery, MessageView};
use forecourt_kernel::paging::Paged;

/// Outbound e-mail, SMS and WeChat messages, newest first.
#[utoipa::path(get, path = "/api/v1/messages", tag = "messages", params(MessageQuery),
    responses((status = 200, body = Paged<MessageView>), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn list_messages(
    State(state): State<AppState>,
    auth: Authed,
    ApiQuery(query): ApiQuery<MessageQuery>,
) -> ApiResult<Json<Paged<MessageView>>> {
    Ok(Json(state.app.list_messages(&auth.actor, query).await?))
}

/// One message with its delivery log.
#[utoipa::path(get, path = "/api/v1/messages/{id}", tag = "messages", params(("id" = OutboundMessageId, Path)),
    responses((status = 200, body = MessageView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn get_message(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<OutboundMessageId>,
) -> ApiResult<Json<MessageView>> {
    Ok(Json(state.app.get_message(&auth.actor, id).await?))
}

/// Every template (built-in texts, or the dealer's own versions of them).
#[utoipa::path(get, path = "/api/v1/message-templates", tag = "messages",
    responses((status = 200, body = Vec<TemplateView>), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn list_message_templates(
    State(state): State<AppState>,
    auth: Authed,
) -> ApiResult<Json<Vec<TemplateView>>> {
    Ok(Json(state.app.list_message_templates(&auth.actor).await?))
}

/// Saves the dealer's version of a template (key, channel, locale).
#[utoipa::path(put, path = "/api/v1/message-templates", tag = "messages", request_body = TemplateUpdate,
    responses((status = 200, body = TemplateView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn update_message_template(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(input): ApiJson<TemplateUpdate>,
) -> ApiResult<Json<TemplateView>> {
    Ok(Json(
        state
            .app
            .update_message_template(&auth.actor, input)
            .await?,
    ))
}
