//! Keyset pagination: lists return `{items, next_cursor}`; the cursor is an opaque token that
//! holds the sort key and id of the last row served, so the next page starts right after it
//! whatever was inserted meanwhile, and no page ever needs OFFSET.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, SimpleExpr};
use sea_orm::{
    ColumnTrait, EntityTrait, Order, QueryFilter, QueryOrder, QuerySelect, Select, Value,
};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub use forecourt_domain::paging::{DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortDirection {
    #[default]
    Asc,
    Desc,
}

impl SortDirection {
    fn order(self) -> Order {
        match self {
            SortDirection::Asc => Order::Asc,
            SortDirection::Desc => Order::Desc,
        }
    }
}

/// The value of the sort column in the last row of a page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "t", content = "v")]
pub enum CursorKey {
    #[serde(rename = "s")]
    Text(String),
    #[serde(rename = "d")]
    Time(DateTime<Utc>),
    #[serde(rename = "i")]
    Int(i64),
    #[serde(rename = "a")]
    Date(chrono::NaiveDate),
}

impl CursorKey {
    fn into_value(self) -> Value {
        match self {
            CursorKey::Text(s) => s.into(),
            CursorKey::Time(t) => t.into(),
            CursorKey::Int(i) => i.into(),
            CursorKey::Date(d) => d.into(),
        }
    }
}

/// Where the next page starts. `sort` records which ordering the cursor belongs to, so a
/// cursor replayed with another sort is refused rather than silently skipping rows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cursor {
    pub sort: String,
    pub key: CursorKey,
    pub id: Uuid,
}

impl Cursor {
    pub fn encode(&self) -> String {
        URL_SAFE_NO_PAD.encode(serde_json::to_vec(self).unwrap_or_default())
    }

    /// `None` for a token that was not made by [`Cursor::encode`].
    pub fn decode(token: &str) -> Option<Cursor> {
        let bytes = URL_SAFE_NO_PAD.decode(token.trim()).ok()?;
        serde_json::from_slice(&bytes).ok()
    }
}

/// A page request: how many rows and after which one.
#[derive(Clone, Debug, Default)]
pub struct PageRequest {
    pub limit: u64,
    pub after: Option<Cursor>,
}

impl PageRequest {
    pub fn new(limit: Option<u64>, after: Option<Cursor>) -> Self {
        let limit = limit.unwrap_or(DEFAULT_PAGE_SIZE).clamp(1, MAX_PAGE_SIZE);
        Self { limit, after }
    }

    pub fn first(limit: u64) -> Self {
        Self::new(Some(limit), None)
    }
}

#[derive(Clone, Debug)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next_cursor: Option<Cursor>,
}

impl<T> Page<T> {
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page {
            items: self.items.into_iter().map(f).collect(),
            next_cursor: self.next_cursor,
        }
    }
}

/// The ordering of one list: the column sorted on (ties broken by id, which is unique) and the
/// direction.
#[derive(Clone, Copy, Debug)]
pub struct Keyset<C> {
    /// The name recorded in cursors, e.g. `username` or `-created_at`.
    pub name: &'static str,
    pub column: C,
    pub id_column: C,
    pub direction: SortDirection,
}

impl<C: ColumnTrait> Keyset<C> {
    /// Orders `select` by this keyset, starts it after the request's cursor, and fetches one
    /// row more than the page holds to learn whether another page follows.
    pub fn apply<E>(&self, select: Select<E>, page: &PageRequest) -> Result<Select<E>, BadCursor>
    where
        E: EntityTrait<Column = C>,
    {
        let mut select = select;
        if let Some(cursor) = &page.after {
            if cursor.sort != self.name {
                return Err(BadCursor);
            }
            let left = Expr::tuple([Expr::col(self.column), Expr::col(self.id_column)]);
            let right = Expr::tuple([
                Expr::val(cursor.key.clone().into_value()),
                Expr::val(cursor.id),
            ]);
            let condition: SimpleExpr = match self.direction {
                SortDirection::Asc => left.gt(right),
                SortDirection::Desc => left.lt(right),
            };
            select = select.filter(condition);
        }
        Ok(select
            .order_by(self.column, self.direction.order())
            .order_by(self.id_column, self.direction.order())
            .limit(page.limit + 1))
    }

    /// Cuts the extra row off and makes the cursor of the next page from the last row kept.
    pub fn finish<T>(
        &self,
        mut rows: Vec<T>,
        page: &PageRequest,
        key_of: impl Fn(&T) -> (CursorKey, Uuid),
    ) -> Page<T> {
        let has_more = rows.len() as u64 > page.limit;
        rows.truncate(page.limit as usize);
        let next_cursor = if has_more {
            rows.last().map(|row| {
                let (key, id) = key_of(row);
                Cursor {
                    sort: self.name.to_owned(),
                    key,
                    id,
                }
            })
        } else {
            None
        };
        Page {
            items: rows,
            next_cursor,
        }
    }
}

/// A cursor that does not belong to the list or ordering it was sent with.
#[derive(Debug, thiserror::Error)]
#[error("the cursor does not belong to this list or sort order")]
pub struct BadCursor;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_refuse_junk() {
        let cursor = Cursor {
            sort: "-created_at".into(),
            key: CursorKey::Time(Utc::now()),
            id: Uuid::now_v7(),
        };
        assert_eq!(Cursor::decode(&cursor.encode()), Some(cursor));
        assert_eq!(Cursor::decode("not a cursor"), None);
    }

    #[test]
    fn page_size_is_clamped() {
        assert_eq!(PageRequest::new(Some(0), None).limit, 1);
        assert_eq!(PageRequest::new(Some(10_000), None).limit, MAX_PAGE_SIZE);
        assert_eq!(PageRequest::new(None, None).limit, DEFAULT_PAGE_SIZE);
    }
}
