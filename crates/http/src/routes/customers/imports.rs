//! `/api/v1/customer-imports`: bringing customers in from spreadsheets.

use crate::extract::{ApiJson, ApiQuery, Authed, PathId};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use forecourt_customers::CustomersExt as _;
use forecourt_customers::import::{ImportOptions, ImportReport, ImportView, SavedMapping};
use forecourt_domain::ids::ImportId;
use serde::Deserialize;
use utoipa::IntoParams;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UploadQuery {
    /// The file's name, as shown in reports and the customers' timelines.
    pub filename: String,
}

/// Uploads a CSV or XLSX file (the raw body, up to 50 MB) and reads its columns.
#[utoipa::path(post, path = "/api/v1/customer-imports", tag = "imports", params(UploadQuery),
    request_body(content = Vec<u8>, content_type = "application/octet-stream"),
    responses((status = 201, body = ImportView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn upload_import(
    State(state): State<AppState>,
    auth: Authed,
    ApiQuery(query): ApiQuery<UploadQuery>,
    body: Bytes,
) -> ApiResult<(StatusCode, Json<ImportView>)> {
    let view = state
        .app
        .customers()
        .upload_customer_import(&auth.actor, &query.filename, body.to_vec())
        .await?;
    Ok((StatusCode::CREATED, Json(view)))
}

#[utoipa::path(get, path = "/api/v1/customer-imports/{id}", tag = "imports", params(("id" = ImportId, Path)),
    responses((status = 200, body = ImportView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn get_import(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<ImportId>,
) -> ApiResult<Json<ImportView>> {
    Ok(Json(
        state
            .app
            .customers()
            .get_customer_import(&auth.actor, id)
            .await?,
    ))
}

/// Checks every row against the mapping and reports what an import would do; writes nothing.
#[utoipa::path(post, path = "/api/v1/customer-imports/{id}/dry-run", tag = "imports", params(("id" = ImportId, Path)), request_body = ImportOptions,
    responses((status = 200, body = ImportReport), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn dry_run_import(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<ImportId>,
    ApiJson(options): ApiJson<ImportOptions>,
) -> ApiResult<Json<ImportReport>> {
    Ok(Json(
        state
            .app
            .customers()
            .dry_run_customer_import(&auth.actor, id, options)
            .await?,
    ))
}

/// Imports the file: all or nothing, or skipping bad rows; existing customers are matched.
#[utoipa::path(post, path = "/api/v1/customer-imports/{id}/run", tag = "imports", params(("id" = ImportId, Path)), request_body = ImportOptions,
    responses((status = 200, body = ImportReport), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn run_import(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<ImportId>,
    ApiJson(options): ApiJson<ImportOptions>,
) -> ApiResult<Json<ImportReport>> {
    Ok(Json(
        state
            .app
            .customers()
            .run_customer_import(&auth.actor, id, options)
            .await?,
    ))
}

/// Column mappings saved by earlier imports.
#[utoipa::path(get, path = "/api/v1/import-mappings", tag = "imports",
    responses((status = 200, body = Vec<SavedMapping>), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn list_mappings(
    State(state): State<AppState>,
    auth: Authed,
) -> ApiResult<Json<Vec<SavedMapping>>> {
    Ok(Json(
        state
            .app
            .customers()
            .list_import_mappings(&auth.actor)
            .await?,
    ))
}
