//! The OpenAPI 3.1 document's frame: title, security schemes, tags. Paths and schemas come from
//! the handlers, registered through `utoipa_axum::routes!`, so a route cannot exist without
//! being documented.

use forecourt_domain::schema::{DATE_PATTERN, DATE_TIME_PATTERN, UUID_PATTERN};
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{
    AdditionalProperties, ArrayItems, KnownFormat, Schema, SchemaFormat,
};
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Forecourt API",
        description = "The API of Forecourt, the CRM for car dealerships. Everything the web app \
            does goes through it. Errors are application/problem+json with a stable `code`. \
            Lists use keyset pagination: pass `next_cursor` back as `cursor`. Updates carry the \
            `version` last read; a stale one is answered 409 `version_conflict`. Browser \
            sessions send `x-csrf-token` with every change; API tokens go in \
            `Authorization: Bearer`.",
        license(name = "AGPL-3.0-or-later"),
    ),
    modifiers(&SecuritySchemes),
    security(("session" = []), ("bearer" = [])),
    tags(
        (name = "auth", description = "Logging in and out"),
        (name = "lookups", description = "The dealer's lists: sources, lost reasons"),
        (name = "saved-views", description = "Saved list filters"),
        (name = "system", description = "Health, readiness, metrics and this document"),
        (name = "approvals", description = "Approval requests and decisions"),
        (name = "notifications", description = "In-app notifications"),
        (name = "jobs", description = "Background jobs (admin)"),
        (name = "messages", description = "The outbox, delivery logs and message templates"),
    )
)]
pub struct ApiDoc;

struct SecuritySchemes;

impl Modify for SecuritySchemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                crate::extract::SESSION_COOKIE,
                "The session cookie set by POST /api/v1/auth/login. Changes also need the \
                 x-csrf-token header.",
            ))),
        );
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("An API token (fct_...) created under API tokens."))
                    .build(),
            ),
        );
    }
}

/// Makes the formats the server parses assertions: every `uuid`, `date` and `date-time` string
/// in the document also gets the pattern of what the server reads
/// ([`forecourt_domain::schema::UUID_PATTERN`] and its siblings). In JSON Schema 2020-12 a
/// `format` is only an annotation, so a client or fuzzer may otherwise send `""` for a date.
pub fn assert_formats(openapi: &mut utoipa::openapi::OpenApi) {
    if let Some(components) = openapi.components.as_mut() {
        components.schemas.values_mut().for_each(walk);
    }
    for item in openapi.paths.paths.values_mut() {
        item.parameters.iter_mut().flatten().for_each(parameter);
        let operations = [
            &mut item.get,
            &mut item.put,
            &mut item.post,
            &mut item.delete,
            &mut item.patch,
        ];
        for operation in operations.into_iter().flatten() {
            operation
                .parameters
                .iter_mut()
                .flatten()
                .for_each(parameter);
            if let Some(body) = operation.request_body.as_mut() {
                for content in body.content.values_mut() {
                    content.schema.iter_mut().for_each(walk);
                }
            }
        }
    }
}

fn parameter(parameter: &mut utoipa::openapi::path::Parameter) {
    parameter.schema.iter_mut().for_each(walk);
}

fn walk(schema: &mut RefOr<Schema>) {
    let RefOr::T(schema) = schema else { return };
    match schema {
        Schema::Object(object) => {
            if object.pattern.is_none() {
                object.pattern = match &object.format {
                    Some(SchemaFormat::KnownFormat(KnownFormat::Uuid)) => Some(UUID_PATTERN),
                    Some(SchemaFormat::KnownFormat(KnownFormat::Date)) => Some(DATE_PATTERN),
                    Some(SchemaFormat::KnownFormat(KnownFormat::DateTime)) => {
                        Some(DATE_TIME_PATTERN)
                    }
                    _ => None,
                }
                .map(str::to_owned);
            }
            object.properties.values_mut().for_each(walk);
            if let Some(extra) = object.additional_properties.as_deref_mut()
                && let AdditionalProperties::RefOr(extra) = extra
            {
                walk(extra);
            }
        }
        Schema::Array(array) => {
            if let ArrayItems::RefOrSchema(items) = &mut array.items {
                walk(items);
            }
        }
        Schema::OneOf(one_of) => one_of.items.iter_mut().for_each(walk),
        Schema::AllOf(all_of) => all_of.items.iter_mut().for_each(walk),
        Schema::AnyOf(any_of) => any_of.items.iter_mut().for_each(walk),
        _ => {}
    }
}
