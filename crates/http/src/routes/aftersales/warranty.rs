//! `/api/v1/warranty-claims`: the warranty-paid lines of a period's picked-up repair orders
//! (索赔), listed or exported.

use crate::extract::{ApiQuery, Authed};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::response::Response;
use forecourt_aftersales::AfterSalesExt as _;
use forecourt_aftersales::repair_orders::{WarrantyClaims, WarrantyQuery};
use forecourt_domain::locale::Locale;

/// The warranty claims of a period (the dealer's calendar).
#[utoipa::path(get, path = "/api/v1/warranty-claims", tag = "service", params(WarrantyQuery),
    responses((status = 200, body = WarrantyClaims), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn warranty_claims(
    State(state): State<AppState>,
    auth: Authed,
    ApiQuery(query): ApiQuery<WarrantyQuery>,
) -> ApiResult<Json<WarrantyClaims>> {
    Ok(Json(
        state
            .app
            .aftersales()
            .warranty_claims(&auth.actor, &query)
            .await?,
    ))
}

/// The warranty claims of a period as `.xlsx`, headed in `lang` or the reader's language.
#[utoipa::path(get, path = "/api/v1/warranty-claims/export", tag = "service", params(WarrantyQuery),
    responses(
        (status = 200, description = "The workbook", content(("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn export_warranty_claims(
    State(state): State<AppState>,
    auth: Authed,
    ApiQuery(query): ApiQuery<WarrantyQuery>,
) -> ApiResult<Response> {
    let locale = query.lang.as_deref().and_then(|l| l.parse::<Locale>().ok());
    let file = state
        .app
        .aftersales()
        .export_warranty_claims(&auth.actor, &query, locale)
        .await?;
    Ok(crate::download::attachment(file))
}
