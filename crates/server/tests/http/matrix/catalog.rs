//! The permission matrix's rows for the catalog of brands, series and models.

use super::{ADMIN, Allowed, Case, PUBLISHERS, case};
use axum::http::{Method, StatusCode};
use serde_json::json;

pub(super) fn cases() -> Vec<Case> {
    use Allowed::*;
    vec![
        // The catalog.
        case(
            "get catalog",
            Method::GET,
            "/api/v1/catalog",
            Everyone,
            StatusCode::OK,
            false,
        ),
        Case {
            body: Some(|n| json!({"name": format!("品牌{n}")})),
            watch: Some("/api/v1/catalog"),
            ..case(
                "create brand",
                Method::POST,
                "/api/v1/catalog/brands",
                Only(ADMIN),
                StatusCode::CREATED,
                false,
            )
        },
        Case {
            body: Some(|n| json!({"version": 1, "name": format!("新品牌{n}")})),
            once: true,
            watch: Some("/api/v1/catalog"),
            ..case(
                "update brand",
                Method::PATCH,
                "/api/v1/catalog/brands/{empty_brand}",
                Only(ADMIN),
                StatusCode::OK,
                true,
            )
        },
        Case {
            watch: Some("/api/v1/catalog"),
            ..case(
                "delete brand",
                Method::DELETE,
                "/api/v1/catalog/brands/{empty_brand}",
                Only(ADMIN),
                StatusCode::NO_CONTENT,
                true,
            )
        },
        Case {
            body: Some(|n| json!({"brand_id": "{empty_brand}", "name": format!("车系{n}")})),
            watch: Some("/api/v1/catalog"),
            ..case(
                "create series",
                Method::POST,
                "/api/v1/catalog/series",
                Only(ADMIN),
                StatusCode::UNPROCESSABLE_ENTITY,
                false,
            )
        },
        Case {
            body: Some(|n| json!({"version": 1, "name": format!("车系{n}")})),
            watch: Some("/api/v1/catalog"),
            once: true,
            ..case(
                "update series",
                Method::PATCH,
                "/api/v1/catalog/series/{series}",
                Only(ADMIN),
                StatusCode::OK,
                true,
            )
        },
        Case {
            watch: Some("/api/v1/catalog"),
            ..case(
                "delete series",
                Method::DELETE,
                "/api/v1/catalog/series/{series}",
                Only(ADMIN),
                StatusCode::CONFLICT,
                true,
            )
        },
        Case {
            body: Some(
                |n| json!({"series_id": "{series}", "name": format!("车型{n}"), "model_year": 2026, "body_type": "suv", "powertrain": "bev", "guide_price_fen": 1}),
            ),
            watch: Some("/api/v1/catalog"),
            ..case(
                "create model",
                Method::POST,
                "/api/v1/catalog/models",
                Only(ADMIN),
                StatusCode::CREATED,
                false,
            )
        },
        Case {
            body: Some(|n| json!({"version": 1, "guide_price_fen": 100 + n as i64})),
            watch: Some("/api/v1/catalog"),
            once: true,
            ..case(
                "update model",
                Method::PATCH,
                "/api/v1/catalog/models/{model}",
                Only(ADMIN),
                StatusCode::OK,
                true,
            )
        },
        Case {
            watch: Some("/api/v1/catalog"),
            ..case(
                "delete model",
                Method::DELETE,
                "/api/v1/catalog/models/{model}",
                Only(ADMIN),
                StatusCode::NO_CONTENT,
                true,
            )
        },
        Case {
            raw: Some(
                "品牌,车系,车型,年款,车身,动力,指导价\n吉利,星越L,2.0TD,2026,SUV,汽油,165700\n",
            ),
            watch: Some("/api/v1/catalog"),
            ..case(
                "import catalog",
                Method::POST,
                "/api/v1/catalog/import?dry_run=true",
                Only(ADMIN),
                StatusCode::OK,
                false,
            )
        },
        Case {
            watch: Some("/api/v1/audit-events?action=catalog.published"),
            ..case(
                "publish catalog",
                Method::POST,
                "/api/v1/catalog/publish",
                Only(PUBLISHERS),
                StatusCode::OK,
                false,
            )
        },
    ]
}
