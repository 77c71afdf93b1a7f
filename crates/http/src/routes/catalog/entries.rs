//! `/api/v1/catalog`: brands, series and models.

use crate::extract::{ApiJson, ApiQuery, Authed, PathId};
use crate::problem::{ApiError, ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use forecourt_catalog::CatalogExt as _;
use forecourt_catalog::{
    BrandPatch, BrandView, CatalogImportReport, ModelPatch, ModelView, NewBrand, NewModel,
    NewSeries, PublishReport, SeriesPatch, SeriesView,
};
use forecourt_domain::ErrorCode;
use forecourt_domain::ids::{CatalogBrandId, CatalogModelId, CatalogSeriesId};
use serde::Deserialize;
use utoipa::IntoParams;

/// The catalog as a tree of brands, series and models.
#[utoipa::path(
    get,
    path = "/api/v1/catalog",
    tag = "catalog",
    responses(
        (status = 200, body = Vec<BrandView>),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn get_catalog(
    State(state): State<AppState>,
    auth: Authed,
) -> ApiResult<Json<Vec<BrandView>>> {
    Ok(Json(state.app.catalog().get_catalog(&auth.actor).await?))
}

#[utoipa::path(post, path = "/api/v1/catalog/brands", tag = "catalog", request_body = NewBrand,
    responses((status = 201, body = BrandView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn create_brand(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(input): ApiJson<NewBrand>,
) -> ApiResult<(StatusCode, Json<BrandView>)> {
    Ok((
        StatusCode::CREATED,
        Json(state.app.catalog().create_brand(&auth.actor, input).await?),
    ))
}

#[utoipa::path(patch, path = "/api/v1/catalog/brands/{id}", tag = "catalog", params(("id" = CatalogBrandId, Path)), request_body = BrandPatch,
    responses((status = 200, body = BrandView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn update_brand(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<CatalogBrandId>,
    ApiJson(patch): ApiJson<BrandPatch>,
) -> ApiResult<Json<BrandView>> {
    Ok(Json(
        state
            .app
            .catalog()
            .update_brand(&auth.actor, id, patch)
            .await?,
    ))
}

#[utoipa::path(delete, path = "/api/v1/catalog/brands/{id}", tag = "catalog", params(("id" = CatalogBrandId, Path)),
    responses((status = 204, description = "Deleted"), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn delete_brand(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<CatalogBrandId>,
) -> ApiResult<StatusCode> {
    state.app.catalog().delete_brand(&auth.actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/api/v1/catalog/series", tag = "catalog", request_body = NewSeries,
    responses((status = 201, body = SeriesView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn create_series(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(input): ApiJson<NewSeries>,
) -> ApiResult<(StatusCode, Json<SeriesView>)> {
    Ok((
        StatusCode::CREATED,
        Json(
            state
                .app
                .catalog()
                .create_series(&auth.actor, input)
                .await?,
        ),
    ))
}

#[utoipa::path(patch, path = "/api/v1/catalog/series/{id}", tag = "catalog", params(("id" = CatalogSeriesId, Path)), request_body = SeriesPatch,
    responses((status = 200, body = SeriesView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn update_series(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<CatalogSeriesId>,
    ApiJson(patch): ApiJson<SeriesPatch>,
) -> ApiResult<Json<SeriesView>> {
    Ok(Json(
        state
            .app
            .catalog()
            .update_series(&auth.actor, id, patch)
            .await?,
    ))
}

#[utoipa::path(delete, path = "/api/v1/catalog/series/{id}", tag = "catalog", params(("id" = CatalogSeriesId, Path)),
    responses((status = 204, description = "Deleted"), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn delete_series(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<CatalogSeriesId>,
) -> ApiResult<StatusCode> {
    state.app.catalog().delete_series(&auth.actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/api/v1/catalog/models", tag = "catalog", request_body = NewModel,
    responses((status = 201, body = ModelView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn create_model(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(input): ApiJson<NewModel>,
) -> ApiResult<(StatusCode, Json<ModelView>)> {
    Ok((
        StatusCode::CREATED,
        Json(state.app.catalog().create_model(&auth.actor, input).await?),
    ))
}

#[utoipa::path(patch, path = "/api/v1/catalog/models/{id}", tag = "catalog", params(("id" = CatalogModelId, Path)), request_body = ModelPatch,
    responses((status = 200, body = ModelView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn update_model(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<CatalogModelId>,
    ApiJson(patch): ApiJson<ModelPatch>,
) -> ApiResult<Json<ModelView>> {
    Ok(Json(
        state
            .app
            .catalog()
            .update_model(&auth.actor, id, patch)
            .await?,
    ))
}

#[utoipa::path(delete, path = "/api/v1/catalog/models/{id}", tag = "catalog", params(("id" = CatalogModelId, Path)),
    responses((status = 204, description = "Deleted"), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn delete_model(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<CatalogModelId>,
) -> ApiResult<StatusCode> {
    state.app.catalog().delete_model(&auth.actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CatalogImportQuery {
    /// Check the file without writing.
    #[serde(default)]
    pub dry_run: bool,
}

/// Imports a catalog CSV (the body, `text/csv`): 品牌, 车系, 车型, 年款, 车身, 动力, 指导价, 颜色.
#[utoipa::path(post, path = "/api/v1/catalog/import", tag = "catalog", params(CatalogImportQuery),
    request_body(content = String, content_type = "text/csv"),
    responses((status = 200, body = CatalogImportReport), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn import_catalog(
    State(state): State<AppState>,
    auth: Authed,
    ApiQuery(query): ApiQuery<CatalogImportQuery>,
    body: Bytes,
) -> ApiResult<Json<CatalogImportReport>> {
    let text = String::from_utf8(body.to_vec())
        .map_err(|_| ApiError::new(ErrorCode::MalformedRequest, "the catalog CSV must be UTF-8"))?;
    Ok(Json(
        state
            .app
            .catalog()
            .import_catalog(&auth.actor, &text, query.dry_run)
            .await?,
    ))
}

/// Publishes this catalog to every dealer of the group (read-only copies there).
#[utoipa::path(post, path = "/api/v1/catalog/publish", tag = "catalog",
    responses((status = 200, body = PublishReport), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn publish_catalog(
    State(state): State<AppState>,
    auth: Authed,
) -> ApiResult<Json<PublishReport>> {
    Ok(Json(
        state.app.catalog().publish_catalog(&auth.actor).await?,
    ))
}
