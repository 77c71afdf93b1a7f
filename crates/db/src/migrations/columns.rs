//! Column and constraint helpers shared by the migrations, so every table spells ids,
//! timestamps, versions and tenant keys the same way.

use sea_orm_migration::prelude::*;

#[derive(DeriveIden)]
pub enum Common {
    Id,
    DealerId,
    CreatedAt,
    UpdatedAt,
    Version,
}

/// `id uuid primary key` (UUIDv7, made by the application).
pub fn id() -> ColumnDef {
    ColumnDef::new(Common::Id)
        .uuid()
        .not_null()
        .primary_key()
        .take()
}

pub fn uuid(col: impl IntoIden) -> ColumnDef {
    ColumnDef::new(col).uuid().not_null().take()
}

pub fn uuid_null(col: impl IntoIden) -> ColumnDef {
    ColumnDef::new(col).uuid().null().take()
}

/// The tenant key every tenant-owned row carries.
pub fn dealer_id() -> ColumnDef {
    uuid(Common::DealerId)
}

pub fn text(col: impl IntoIden, max: u32) -> ColumnDef {
    ColumnDef::new(col).string_len(max).not_null().take()
}

pub fn text_null(col: impl IntoIden, max: u32) -> ColumnDef {
    ColumnDef::new(col).string_len(max).null().take()
}

pub fn timestamp(col: impl IntoIden) -> ColumnDef {
    ColumnDef::new(col)
        .timestamp_with_time_zone()
        .not_null()
        .take()
}

pub fn timestamp_null(col: impl IntoIden) -> ColumnDef {
    ColumnDef::new(col).timestamp_with_time_zone().null().take()
}

pub fn integer(col: impl IntoIden, default: i32) -> ColumnDef {
    ColumnDef::new(col)
        .integer()
        .not_null()
        .default(default)
        .take()
}

pub fn boolean(col: impl IntoIden, default: bool) -> ColumnDef {
    ColumnDef::new(col)
        .boolean()
        .not_null()
        .default(default)
        .take()
}

pub fn json(col: impl IntoIden) -> ColumnDef {
    ColumnDef::new(col).json_binary().not_null().take()
}

/// Adds `created_at`, `updated_at` and the optimistic-concurrency `version` to a table.
pub trait Lifecycle {
    fn lifecycle(&mut self) -> &mut Self;
}

impl Lifecycle for TableCreateStatement {
    fn lifecycle(&mut self) -> &mut Self {
        self.col(timestamp(Common::CreatedAt))
            .col(timestamp(Common::UpdatedAt))
            .col(
                ColumnDef::new(Common::Version)
                    .big_integer()
                    .not_null()
                    .default(1),
            )
    }
}

/// `UNIQUE (dealer_id, id)`: the target of composite foreign keys, which make the database
/// itself refuse a reference from one dealer's row to another dealer's.
pub fn unique_dealer_id(table: impl IntoIden + 'static, name: &str) -> IndexCreateStatement {
    Index::create()
        .name(name)
        .table(table)
        .col(Common::DealerId)
        .col(Common::Id)
        .unique()
        .take()
}

/// A foreign key `(dealer_id, column) → target(dealer_id, id)`: the referenced row must belong
/// to the same dealer.
pub fn same_dealer_fk(
    from: impl IntoIden + 'static,
    column: impl IntoIden + 'static,
    target: impl IntoIden + 'static,
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from_tbl(from)
        .from_col(Common::DealerId)
        .from_col(column)
        .to_tbl(target)
        .to_col(Common::DealerId)
        .to_col(Common::Id)
        .on_delete(on_delete)
        .take()
}

/// A foreign key `dealer_id → dealers(id)`.
pub fn dealer_fk(from: impl IntoIden + 'static) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from_tbl(from)
        .from_col(Common::DealerId)
        .to_tbl(Alias::new("dealers"))
        .to_col(Common::Id)
        .on_delete(ForeignKeyAction::Restrict)
        .take()
}

pub fn index(
    name: &str,
    table: impl IntoIden + 'static,
    cols: &[&'static str],
) -> IndexCreateStatement {
    let mut index = Index::create().name(name).table(table).take();
    for col in cols {
        index.col(Alias::new(*col));
    }
    index
}

/// A tenant table's opening: `id`, `dealer_id` and its foreign key to `dealers`; the caller adds
/// its columns (named with [`col`]) and `lifecycle()` when the rows are edited.
pub fn tenant_table(table: &'static str) -> TableCreateStatement {
    Table::create()
        .table(Alias::new(table))
        .col(id())
        .col(dealer_id())
        .foreign_key(&mut dealer_fk(Alias::new(table)))
        .take()
}

/// A column name, for tables opened with [`tenant_table`].
pub fn col(name: &'static str) -> Alias {
    Alias::new(name)
}

/// `same_dealer_fk` between tables named by string.
pub fn refers(
    table: &'static str,
    column: &'static str,
    target: &'static str,
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    same_dealer_fk(
        Alias::new(table),
        Alias::new(column),
        Alias::new(target),
        on_delete,
    )
}

pub fn date(col: impl IntoIden) -> ColumnDef {
    ColumnDef::new(col).date().not_null().take()
}

pub fn date_null(col: impl IntoIden) -> ColumnDef {
    ColumnDef::new(col).date().null().take()
}

pub fn fen(col: impl IntoIden) -> ColumnDef {
    ColumnDef::new(col).big_integer().not_null().take()
}

pub fn fen_null(col: impl IntoIden) -> ColumnDef {
    ColumnDef::new(col).big_integer().null().take()
}

pub fn integer_null(col: impl IntoIden) -> ColumnDef {
    ColumnDef::new(col).integer().null().take()
}
