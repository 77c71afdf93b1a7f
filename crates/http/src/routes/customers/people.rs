//! `/api/v1/customers`: the customer file.

use crate::extract::{ApiJson, ApiQuery, Authed, PathId};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use forecourt_customers::CustomersExt as _;
use forecourt_customers::export::ExportFormat;
use forecourt_customers::timeline::{TimelineEntry, TimelineQuery};
use forecourt_customers::{
    BulkOutcome, BulkRequest, ConsentChange, CustomerPage, CustomerPatch, CustomerQuery,
    CustomerView, DuplicateCandidate, DuplicateCheck, IdNumberReveal, MergeRequest, NewCustomer,
    RevealedIdNumber, SearchHit, SearchQuery,
};
use forecourt_domain::ids::CustomerId;
use forecourt_kernel::paging::Paged;
use serde::Deserialize;
use utoipa::IntoParams;

/// Lists customers, filtered and sorted, one page at a time (with a capped count on request).
#[utoipa::path(
    get,
    path = "/api/v1/customers",
    tag = "customers",
    params(CustomerQuery),
    responses(
        (status = 200, body = CustomerPage),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list_customers(
    State(state): State<AppState>,
    auth: Authed,
    ApiQuery(query): ApiQuery<CustomerQuery>,
) -> ApiResult<Json<CustomerPage>> {
    Ok(Json(
        state
            .app
            .customers()
            .list_customers(&auth.actor, query)
            .await?,
    ))
}

/// Creates a customer with phones, companions, consent, tags and cars. 409
/// `possible_duplicate` lists existing customers with the same phone, ID number or VIN; send
/// `allow_duplicate: true` to create anyway.
#[utoipa::path(
    post,
    path = "/api/v1/customers",
    tag = "customers",
    request_body = NewCustomer,
    responses(
        (status = 201, body = CustomerView),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn create_customer(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(input): ApiJson<NewCustomer>,
) -> ApiResult<(StatusCode, Json<CustomerView>)> {
    Ok((
        StatusCode::CREATED,
        Json(
            state
                .app
                .customers()
                .create_customer(&auth.actor, input)
                .await?,
        ),
    ))
}

/// The customer 360°. A merged-away customer answers 410 `merged` with `merged_into`.
#[utoipa::path(
    get,
    path = "/api/v1/customers/{id}",
    tag = "customers",
    params(("id" = CustomerId, Path)),
    responses(
        (status = 200, body = CustomerView),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn get_customer(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<CustomerId>,
) -> ApiResult<Json<CustomerView>> {
    Ok(Json(
        state.app.customers().get_customer(&auth.actor, id).await?,
    ))
}

#[utoipa::path(
    patch,
    path = "/api/v1/customers/{id}",
    tag = "customers",
    params(("id" = CustomerId, Path)),
    request_body = CustomerPatch,
    responses(
        (status = 200, body = CustomerView),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn update_customer(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<CustomerId>,
    ApiJson(patch): ApiJson<CustomerPatch>,
) -> ApiResult<Json<CustomerView>> {
    Ok(Json(
        state
            .app
            .customers()
            .update_customer(&auth.actor, id, patch)
            .await?,
    ))
}

/// Records consent given or withdrawn for a channel.
#[utoipa::path(
    post,
    path = "/api/v1/customers/{id}/consents",
    tag = "customers",
    params(("id" = CustomerId, Path)),
    request_body = ConsentChange,
    responses(
        (status = 200, body = CustomerView),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn record_consent(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<CustomerId>,
    ApiJson(change): ApiJson<ConsentChange>,
) -> ApiResult<Json<CustomerView>> {
    Ok(Json(
        state
            .app
            .customers()
            .record_consent(&auth.actor, id, change)
            .await?,
    ))
}

/// Reveals the ID number (with `pii:unmask_id_number`); the reason goes to the audit log.
#[utoipa::path(
    post,
    path = "/api/v1/customers/{id}/id-number/reveal",
    tag = "customers",
    params(("id" = CustomerId, Path)),
    request_body = IdNumberReveal,
    responses(
        (status = 200, body = RevealedIdNumber),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn reveal_id_number(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<CustomerId>,
    ApiJson(input): ApiJson<IdNumberReveal>,
) -> ApiResult<Json<RevealedIdNumber>> {
    Ok(Json(
        state
            .app
            .customers()
            .reveal_id_number(&auth.actor, id, input)
            .await?,
    ))
}

/// Everything that happened to the customer, newest first.
#[utoipa::path(
    get,
    path = "/api/v1/customers/{id}/timeline",
    tag = "customers",
    params(("id" = CustomerId, Path), TimelineQuery),
    responses(
        (status = 200, body = Paged<TimelineEntry>),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn customer_timeline(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<CustomerId>,
    ApiQuery(query): ApiQuery<TimelineQuery>,
) -> ApiResult<Json<Paged<TimelineEntry>>> {
    Ok(Json(
        state
            .app
            .customers()
            .customer_timeline(&auth.actor, id, query)
            .await?,
    ))
}

/// The search box: a name (two characters are enough), a phone or its last four digits, a
/// plate, a VIN or its last six. Exact matches first.
#[utoipa::path(
    get,
    path = "/api/v1/customers/search",
    tag = "customers",
    params(SearchQuery),
    responses(
        (status = 200, body = Vec<SearchHit>),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn search_customers(
    State(state): State<AppState>,
    auth: Authed,
    ApiQuery(query): ApiQuery<SearchQuery>,
) -> ApiResult<Json<Vec<SearchHit>>> {
    Ok(Json(
        state
            .app
            .customers()
            .search_customers(&auth.actor, query)
            .await?,
    ))
}

/// Existing customers with any of these phones, this ID number or these VINs.
#[utoipa::path(
    post,
    path = "/api/v1/customers/duplicates",
    tag = "customers",
    request_body = DuplicateCheck,
    responses(
        (status = 200, body = Vec<DuplicateCandidate>),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn check_duplicates(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(check): ApiJson<DuplicateCheck>,
) -> ApiResult<Json<Vec<DuplicateCandidate>>> {
    Ok(Json(
        state
            .app
            .customers()
            .check_duplicates(&auth.actor, check)
            .await?,
    ))
}

/// Merges one customer into another, field by field; everything attached moves along.
#[utoipa::path(
    post,
    path = "/api/v1/customers/merge",
    tag = "customers",
    request_body = MergeRequest,
    responses(
        (status = 200, body = CustomerView),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn merge_customers(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(request): ApiJson<MergeRequest>,
) -> ApiResult<Json<CustomerView>> {
    Ok(Json(
        state
            .app
            .customers()
            .merge_customers(&auth.actor, request)
            .await?,
    ))
}

/// Assigns an owner to, or tags, many customers at once.
#[utoipa::path(
    post,
    path = "/api/v1/customers/bulk",
    tag = "customers",
    request_body = BulkRequest,
    responses(
        (status = 200, body = BulkOutcome),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn bulk_customers(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(request): ApiJson<BulkRequest>,
) -> ApiResult<Json<BulkOutcome>> {
    Ok(Json(
        state
            .app
            .customers()
            .bulk_customers(&auth.actor, request)
            .await?,
    ))
}

/// How to write an export (the list's filters come alongside).
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportOptions {
    /// `csv` (default) or `xlsx`.
    #[serde(default)]
    #[param(inline)]
    pub format: ExportFormat,
    /// `en` for English column headers (default Chinese).
    pub lang: Option<String>,
}

/// Exports the customers a list query selects, as CSV or Excel, streamed.
#[utoipa::path(
    get,
    path = "/api/v1/customers/export",
    tag = "customers",
    params(ExportOptions, CustomerQuery),
    responses(
        (status = 200, description = "The file: CSV, or XLSX with `format=xlsx`", content(
            ("text/csv"),
            ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn export_customers(
    State(state): State<AppState>,
    auth: Authed,
    ApiQuery(options): ApiQuery<ExportOptions>,
    ApiQuery(query): ApiQuery<CustomerQuery>,
) -> ApiResult<Response> {
    let english = options.lang.as_deref() == Some("en");
    let file = state
        .app
        .customers()
        .export_customers(&auth.actor, query, options.format, english)
        .await?;
    Ok(crate::download::attachment(file))
}
