//! Message templates: built-in defaults in code, overridden per dealer by rows of
//! `message_templates`. Bodies use `{{variable}}` placeholders.

use crate::app::App;
use crate::audit::{self, AuditEntry};
use crate::auth::Actor;
use crate::error::{CoreError, CoreResult};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::message_template;
use forecourt_db::repo::{messages, tenant};
use forecourt_domain::locale::Locale;
use forecourt_domain::permission::Permission;
use forecourt_domain::username::{LONG_NOTE_MAX, REASON_MAX};
use forecourt_domain::username::{parse_name, parse_optional_text};
use forecourt_domain::work::MessageChannel;
use forecourt_domain::{FieldError, FieldErrors};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// A built-in message text: (key, channel, locale, subject, body). Modules bring theirs
/// ([`Module::message_templates`](crate::module::Module::message_templates)).
pub type BuiltinTemplate = (
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
);

/// Every built-in text of the installed modules.
fn builtin() -> impl Iterator<Item = &'static BuiltinTemplate> {
    crate::module::installed()
        .iter()
        .flat_map(|m| m.message_templates().iter())
}

/// The subject and body of a template for the dealer: its own version, else the built-in one
/// (in the locale, else Simplified Chinese).
pub async fn resolve<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    key: &str,
    channel: &str,
    locale: Locale,
) -> CoreResult<Option<(Option<String>, String)>> {
    if let Some(own) =
        messages::template(conn, actor.scope(), key, channel, locale.as_str()).await?
    {
        return Ok(Some((own.subject, own.body)));
    }
    let builtin = |l: &str| builtin().find(|t| t.0 == key && t.1 == channel && t.2 == l);
    Ok(builtin(locale.as_str())
        .or_else(|| builtin(Locale::ZhCn.as_str()))
        .map(|t| (t.3.map(str::to_owned), t.4.to_owned())))
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct TemplateView {
    /// The template's key (what it is for, e.g. an activity reminder).
    pub key: String,
    /// `email`, `sms` or `wechat`.
    pub channel: MessageChannel,
    /// The language of this text.
    pub locale: Locale,
    /// The subject (e-mail only).
    pub subject: Option<String>,
    /// The text, with `{{variable}}` placeholders.
    pub body: String,
    /// Whether the dealer changed the built-in text.
    pub customised: bool,
    /// 0 for a built-in text never changed.
    pub version: i64,
}

/// The keys of the built-in texts ([`builtin`]), which are all a dealer may reword.
fn key_schema() -> utoipa::openapi::Object {
    let mut keys: Vec<&str> = builtin().map(|b| b.0).collect();
    keys.sort_unstable();
    keys.dedup();
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(utoipa::openapi::Type::String)
        .enum_values(Some(keys))
        .build()
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct TemplateUpdate {
    /// The key of one of the built-in texts.
    #[schema(schema_with = key_schema)]
    pub key: String,
    /// `email`, `sms` or `wechat`.
    pub channel: MessageChannel,
    /// The language of the text reworded.
    pub locale: Locale,
    /// The subject (e-mail); at most 200 characters.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::REASON_MAX }>)]
    pub subject: Option<String>,
    /// The new text; at most 4000 characters.
    #[schema(schema_with = forecourt_domain::schema::name::<{ forecourt_domain::username::LONG_NOTE_MAX }>)]
    pub body: String,
    /// The version read (0, or absent, for a built-in text).
    #[serde(default)]
    pub version: i64,
}

impl App {
    /// Every template: the built-in ones, with the dealer's own versions in their place.
    pub async fn list_message_templates(&self, actor: &Actor) -> CoreResult<Vec<TemplateView>> {
        actor.require(Permission::MessageTemplateManage)?;
        let own = messages::templates(self.db.conn(), actor.scope()).await?;
        let mut out: Vec<TemplateView> = builtin()
            .map(|(key, channel, locale, subject, body)| {
                let mine = own
                    .iter()
                    .find(|t| t.key == *key && t.channel == *channel && t.locale == *locale);
                TemplateView {
                    key: (*key).to_owned(),
                    channel: MessageChannel::parse(channel).unwrap_or(MessageChannel::Email),
                    locale: locale.parse().unwrap_or_default(),
                    subject: mine.map_or(subject.map(str::to_owned), |m| m.subject.clone()),
                    body: mine.map_or((*body).to_owned(), |m| m.body.clone()),
                    customised: mine.is_some(),
                    version: mine.map_or(0, |m| m.version),
                }
            })
            .collect();
        for t in &own {
            if !builtin().any(|b| b.0 == t.key && b.1 == t.channel && b.2 == t.locale) {
                out.push(TemplateView {
                    key: t.key.clone(),
                    channel: MessageChannel::parse(&t.channel).unwrap_or(MessageChannel::Email),
                    locale: t.locale.parse().unwrap_or_default(),
                    subject: t.subject.clone(),
                    body: t.body.clone(),
                    customised: true,
                    version: t.version,
                });
            }
        }
        Ok(out)
    }

    /// Saves the dealer's version of a built-in template.
    pub async fn update_message_template(
        &self,
        actor: &Actor,
        input: TemplateUpdate,
    ) -> CoreResult<TemplateView> {
        actor.require(Permission::MessageTemplateManage)?;
        let mut errors = FieldErrors::new();
        let body = errors.check(parse_name("body", &input.body, LONG_NOTE_MAX));
        let subject = errors
            .check(parse_optional_text(
                "subject",
                input.subject.as_deref(),
                REASON_MAX,
            ))
            .flatten();
        if !builtin().any(|b| b.0 == input.key) {
            errors.push(FieldError::new(
                "key",
                "invalid_value",
                "is not a message template",
            ));
        }
        if input.channel == MessageChannel::Email && subject.is_none() {
            errors.push(FieldError::required("subject"));
        }
        errors.finish()?;
        let (channel, locale) = (input.channel.as_str(), input.locale.as_str());
        let tx = self.db.begin().await?;
        let now = self.now();
        let before = messages::template(&*tx, actor.scope(), &input.key, channel, locale).await?;
        if before.as_ref().map_or(0, |t| t.version) != input.version {
            return Err(CoreError::VersionConflict {
                entity: "message template",
            });
        }
        let saved = match &before {
            None => {
                let row = message_template::Model {
                    id: Uuid::now_v7(),
                    dealer_id: actor.dealer_id().uuid(),
                    key: input.key.clone(),
                    channel: channel.to_owned(),
                    locale: locale.to_owned(),
                    subject: subject.clone(),
                    body: body.clone().unwrap_or_default(),
                    created_at: now,
                    updated_at: now,
                    version: 1,
                };
                tenant::insert::<message_template::Entity, _>(
                    &*tx,
                    actor.scope(),
                    row.dealer_id,
                    row,
                )
                .await?
            }
            Some(before) => {
                let mut after = before.clone();
                after.subject = subject.clone();
                after.body = body.clone().unwrap_or_default();
                tenant::update::<message_template::Entity, _>(
                    &*tx,
                    actor.scope(),
                    before.id,
                    after,
                    before.version,
                    now,
                )
                .await
                .map_err(|e| CoreError::from_db("message template", e))?
            }
        };
        audit::record(
            &*tx,
            actor,
            AuditEntry::action("message_template", "updated", Some(saved.id))
                .change(
                    "key",
                    serde_json::Value::Null,
                    format!("{}/{channel}/{locale}", saved.key),
                )
                .change(
                    "body",
                    before.as_ref().map(|b| b.body.clone()),
                    saved.body.clone(),
                ),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(TemplateView {
            key: saved.key,
            channel: input.channel,
            locale: input.locale,
            subject: saved.subject,
            body: saved.body,
            customised: true,
            version: saved.version,
        })
    }
}
