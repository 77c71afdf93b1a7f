//! Turning list requests into keyset page requests, and pages into API responses.

use crate::error::{CoreError, CoreResult};
use forecourt_db::pagination::BadCursor;
use forecourt_db::{Cursor, Page, PageRequest};
use forecourt_domain::FieldError;
use serde::Serialize;
use utoipa::ToSchema;

/// One page of a list: the items and, when more follow, the cursor that fetches the next page.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Paged<T> {
    /// The items of this page, in the list's order.
    pub items: Vec<T>,
    /// Pass as `cursor` to get the next page; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

impl<T> Paged<T> {
    pub fn from_page<U>(page: Page<U>, f: impl FnMut(U) -> T) -> Self {
        Self {
            next_cursor: page.next_cursor.as_ref().map(Cursor::encode),
            items: page.items.into_iter().map(f).collect(),
        }
    }
}

fn bad_cursor() -> CoreError {
    CoreError::invalid(FieldError::new(
        "cursor",
        "invalid_cursor",
        "is not a cursor of this list and sort order; start again from the first page",
    ))
}

/// A page request from the `limit` and `cursor` query parameters.
pub fn page_request(limit: Option<u64>, cursor: Option<&str>) -> CoreResult<PageRequest> {
    let after = match cursor.map(str::trim).filter(|c| !c.is_empty()) {
        Some(token) => Some(Cursor::decode(token).ok_or_else(bad_cursor)?),
        None => None,
    };
    Ok(PageRequest::new(limit, after))
}

/// A repository's page, or the error for a cursor of another list.
pub fn page_or_bad_cursor<T>(page: Result<Page<T>, BadCursor>) -> CoreResult<Page<T>> {
    page.map_err(|BadCursor| bad_cursor())
}
