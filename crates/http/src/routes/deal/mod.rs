//! The deal module's routes: the configurator, trade-in appraisals, quotes and the deal settings.

mod appraisals;
mod configurator;
mod quotes;

use crate::module::HttpModule;
use crate::state::AppState;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Every route of this module, documented.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(configurator::trim_configuration))
        .routes(routes!(configurator::create_group))
        .routes(routes!(configurator::create_item))
        .routes(routes!(configurator::update_item))
        .routes(routes!(configurator::set_price))
        .routes(routes!(configurator::list_accessories))
        .routes(routes!(
            configurator::get_deal_settings,
            configurator::update_deal_settings
        ))
        .routes(routes!(
            appraisals::list_appraisals,
            appraisals::create_appraisal
        ))
        .routes(routes!(appraisals::get_appraisal))
        .routes(routes!(quotes::list_quotes, quotes::create_quote))
        .routes(routes!(quotes::preview_quote))
        .routes(routes!(quotes::get_quote, quotes::update_quote))
        .routes(routes!(quotes::request_approval))
        .routes(routes!(quotes::accept_quote))
        .routes(routes!(quotes::print_quote))
}

impl HttpModule for forecourt_deal::module::DealModule {
    fn routes(&self) -> OpenApiRouter<AppState> {
        routes()
    }

    fn tags(&self) -> &'static [(&'static str, &'static str)] {
        &[
            (
                "configurator",
                "The configurator: option groups, options, packages, accessories, dated prices; the deal settings",
            ),
            ("appraisals", "Trade-in appraisals (二手车评估)"),
            (
                "quotes",
                "Quotes (报价单) with the on-the-road price, approval and acceptance",
            ),
        ]
    }
}
