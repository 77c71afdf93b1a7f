//! Page sizes of the API's lists.

/// Rows a list serves when the request names no `limit`.
pub const DEFAULT_PAGE_SIZE: u64 = 50;
/// The most rows a list serves at once; a larger `limit` is served as this.
pub const MAX_PAGE_SIZE: u64 = 200;
