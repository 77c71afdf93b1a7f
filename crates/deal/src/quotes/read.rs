//! Reading quotes: one, a list (an opportunity's versions, a lead's, or "my quotes") with
//! keyset pagination, and the printable quote.

use super::{QuotePrint, QuoteView, dealer_name, quote_for, view, views};
use crate::Deal;
use forecourt_db::repo::Reach;
use forecourt_db::repo::deal::{self, QuoteFilter};
use forecourt_domain::FieldError;
use forecourt_domain::ids::{CustomerId, LeadId, OpportunityId, QuoteId};
use forecourt_domain::permission::Permission;
use forecourt_domain::quote_status::QuoteStatus;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::paging::{Paged, page_or_bad_cursor, page_request};
use serde::Deserialize;
use utoipa::IntoParams;

#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QuoteQuery {
    /// The versions of one opportunity's quote.
    pub opportunity_id: Option<OpportunityId>,
    pub lead_id: Option<LeadId>,
    pub customer_id: Option<CustomerId>,
    /// Only the caller's own quotes ("my quotes").
    pub mine: Option<bool>,
    /// One stored status: `draft`, `pending_approval`, `approved`, `rejected`, `accepted` or
    /// `superseded`.
    pub status: Option<QuoteStatus>,
    #[param(schema_with = forecourt_domain::schema::page_limit::<{ forecourt_domain::paging::MAX_PAGE_SIZE }>)]
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

impl Deal<'_> {
    /// One quote with its lines.
    pub async fn get_quote(&self, actor: &Actor, id: QuoteId) -> CoreResult<QuoteView> {
        let conn = self.db().conn();
        let q = quote_for(conn, actor, id, Permission::QuoteRead).await?;
        view(conn, actor, self.today(actor), &q).await
    }

    /// The quote as printed: the quote and the dealer's name.
    pub async fn print_quote(&self, actor: &Actor, id: QuoteId) -> CoreResult<QuotePrint> {
        let conn = self.db().conn();
        let q = quote_for(conn, actor, id, Permission::QuoteRead).await?;
        Ok(QuotePrint {
            quote: view(conn, actor, self.today(actor), &q).await?,
            dealer_name: dealer_name(conn, actor).await?,
        })
    }

    /// Quotes within the caller's reach (a consultant: those of their own leads), newest
    /// first.
    pub async fn list_quotes(
        &self,
        actor: &Actor,
        query: QuoteQuery,
    ) -> CoreResult<Paged<QuoteView>> {
        let mut reach = actor.reach(Permission::QuoteRead)?;
        if query.mine == Some(true) {
            reach = Reach::Own {
                user_id: actor.user_id().uuid(),
            };
        }
        if query.status == Some(QuoteStatus::Expired) {
            return Err(CoreError::invalid(FieldError::new(
                "status",
                "invalid_value",
                "is not a stored status",
            )));
        }
        let page = page_request(query.limit, query.cursor.as_deref())?;
        let filter = QuoteFilter {
            opportunity_id: query.opportunity_id.map(OpportunityId::uuid),
            lead_id: query.lead_id.map(LeadId::uuid),
            customer_id: query.customer_id.map(CustomerId::uuid),
            statuses: query
                .status
                .map(|s| vec![s.as_str().to_owned()])
                .unwrap_or_default(),
        };
        let conn = self.db().conn();
        let page = page_or_bad_cursor(
            deal::list_quotes(conn, actor.scope(), reach, &filter, &page).await?,
        )?;
        let items = views(conn, actor, self.today(actor), &page.items).await?;
        Ok(Paged {
            items,
            next_cursor: page.next_cursor.as_ref().map(forecourt_db::Cursor::encode),
        })
    }
}
