//! Customers, their phones, tags, companions, consent history, timeline and search index, and
//! the dealer's configurable lookup lists (source channels, lost reasons, ...).

use super::columns::*;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Lookups {
    Table,
    List,
    Key,
    Name,
    Builtin,
    Active,
    SortOrder,
}

#[derive(DeriveIden)]
enum Customers {
    Table,
    Kind,
    Name,
    Gender,
    Birthday,
    WechatId,
    Email,
    Province,
    City,
    District,
    Street,
    IdNumberCipher,
    IdNumberHash,
    IdNumberLast4,
    Occupation,
    Notes,
    SourceKey,
    OwnerId,
    ConsentSms,
    ConsentPhone,
    ConsentEmail,
    ConsentWechat,
    Status,
    MergedIntoId,
    CreatedBy,
}

#[derive(DeriveIden)]
enum CustomerPhones {
    Table,
    CustomerId,
    Number,
    Kind,
    Label,
    IsPrimary,
}

#[derive(DeriveIden)]
enum CustomerTags {
    Table,
    Tag,
}

#[derive(DeriveIden)]
enum CustomerCompanions {
    Table,
    Relation,
    Name,
    Phone,
    Notes,
}

#[derive(DeriveIden)]
enum CustomerConsentEvents {
    Table,
    Channel,
    Granted,
    Method,
    Note,
    OccurredAt,
    RecordedBy,
    RecordedByName,
}

#[derive(DeriveIden)]
enum CustomerEvents {
    Table,
    OccurredAt,
    Kind,
    Data,
    RefType,
    RefId,
    ActorId,
    ActorName,
}

#[derive(DeriveIden)]
enum SearchTerms {
    Table,
    Term,
    CustomerId,
}

/// A table of rows that belong to one customer (deleted with it).
fn customer_child(name: &'static str) -> TableCreateStatement {
    Table::create()
        .table(Alias::new(name))
        .col(id())
        .col(dealer_id())
        .col(uuid(CustomerPhones::CustomerId))
        .foreign_key(&mut dealer_fk(Alias::new(name)))
        .foreign_key(&mut same_dealer_fk(
            Alias::new(name),
            CustomerPhones::CustomerId,
            Customers::Table,
            ForeignKeyAction::Cascade,
        ))
        .take()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Lookups::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(text(Lookups::List, 32))
                    .col(text(Lookups::Key, 32))
                    .col(text(Lookups::Name, 64))
                    .col(boolean(Lookups::Builtin, false))
                    .col(boolean(Lookups::Active, true))
                    .col(integer(Lookups::SortOrder, 0))
                    .lifecycle()
                    .foreign_key(&mut dealer_fk(Lookups::Table))
                    .take(),
            )
            .await?;
        manager
            .create_index(
                index(
                    "ux_lookups_key",
                    Lookups::Table,
                    &["dealer_id", "list", "key"],
                )
                .unique()
                .take(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Customers::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(text(Customers::Kind, 16))
                    .col(text(Customers::Name, 100))
                    .col(text_null(Customers::Gender, 16))
                    .col(ColumnDef::new(Customers::Birthday).date().null())
                    .col(text_null(Customers::WechatId, 64))
                    .col(text_null(Customers::Email, 254))
                    .col(text_null(Customers::Province, 16))
                    .col(text_null(Customers::City, 32))
                    .col(text_null(Customers::District, 32))
                    .col(text_null(Customers::Street, 200))
                    // AES-256-GCM ciphertext; the keyed hash finds a number by exact match.
                    .col(ColumnDef::new(Customers::IdNumberCipher).text().null())
                    .col(text_null(Customers::IdNumberHash, 64))
                    .col(text_null(Customers::IdNumberLast4, 4))
                    .col(text_null(Customers::Occupation, 64))
                    .col(ColumnDef::new(Customers::Notes).text().null())
                    .col(text_null(Customers::SourceKey, 32))
                    .col(uuid_null(Customers::OwnerId))
                    .col(ColumnDef::new(Customers::ConsentSms).boolean().null())
                    .col(ColumnDef::new(Customers::ConsentPhone).boolean().null())
                    .col(ColumnDef::new(Customers::ConsentEmail).boolean().null())
                    .col(ColumnDef::new(Customers::ConsentWechat).boolean().null())
                    .col(text(Customers::Status, 16))
                    .col(uuid_null(Customers::MergedIntoId))
                    .col(uuid_null(Customers::CreatedBy))
                    .lifecycle()
                    .foreign_key(&mut dealer_fk(Customers::Table))
                    .foreign_key(&mut same_dealer_fk(
                        Customers::Table,
                        Customers::OwnerId,
                        Alias::new("users"),
                        ForeignKeyAction::Restrict,
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_index(unique_dealer_id(Customers::Table, "ux_customers_dealer_id"))
            .await?;
        for (name, cols) in [
            (
                "ix_customers_created",
                &["dealer_id", "created_at", "id"][..],
            ),
            ("ix_customers_updated", &["dealer_id", "updated_at", "id"]),
            ("ix_customers_name", &["dealer_id", "name", "id"]),
            (
                "ix_customers_owner",
                &["dealer_id", "owner_id", "created_at", "id"],
            ),
            (
                "ix_customers_source",
                &["dealer_id", "source_key", "created_at", "id"],
            ),
            ("ix_customers_id_number", &["dealer_id", "id_number_hash"]),
        ] {
            manager
                .create_index(index(name, Customers::Table, cols))
                .await?;
        }

        manager
            .create_table(
                customer_child("customer_phones")
                    .col(text(CustomerPhones::Number, 32))
                    .col(text(CustomerPhones::Kind, 16))
                    .col(text(CustomerPhones::Label, 16))
                    .col(boolean(CustomerPhones::IsPrimary, false))
                    .col(timestamp(Common::CreatedAt))
                    .take(),
            )
            .await?;
        manager
            .create_index(
                index(
                    "ux_customer_phones",
                    CustomerPhones::Table,
                    &["dealer_id", "customer_id", "number"],
                )
                .unique()
                .take(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_customer_phones_number",
                CustomerPhones::Table,
                &["dealer_id", "number"],
            ))
            .await?;

        manager
            .create_table(
                customer_child("customer_tags")
                    .col(text(CustomerTags::Tag, 32))
                    .col(timestamp(Common::CreatedAt))
                    .take(),
            )
            .await?;
        manager
            .create_index(
                index(
                    "ux_customer_tags",
                    CustomerTags::Table,
                    &["dealer_id", "customer_id", "tag"],
                )
                .unique()
                .take(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_customer_tags_tag",
                CustomerTags::Table,
                &["dealer_id", "tag", "customer_id"],
            ))
            .await?;

        manager
            .create_table(
                customer_child("customer_companions")
                    .col(text(CustomerCompanions::Relation, 16))
                    .col(text(CustomerCompanions::Name, 64))
                    .col(text_null(CustomerCompanions::Phone, 32))
                    .col(text_null(CustomerCompanions::Notes, 200))
                    .col(timestamp(Common::CreatedAt))
                    .take(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_customer_companions",
                CustomerCompanions::Table,
                &["dealer_id", "customer_id"],
            ))
            .await?;

        manager
            .create_table(
                customer_child("customer_consent_events")
                    .col(text(CustomerConsentEvents::Channel, 16))
                    .col(boolean(CustomerConsentEvents::Granted, false))
                    .col(text(CustomerConsentEvents::Method, 32))
                    .col(text_null(CustomerConsentEvents::Note, 200))
                    .col(timestamp(CustomerConsentEvents::OccurredAt))
                    .col(uuid_null(CustomerConsentEvents::RecordedBy))
                    .col(text(CustomerConsentEvents::RecordedByName, 64))
                    .take(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_customer_consents",
                CustomerConsentEvents::Table,
                &["dealer_id", "customer_id", "occurred_at"],
            ))
            .await?;

        manager
            .create_table(
                customer_child("customer_events")
                    .col(timestamp(CustomerEvents::OccurredAt))
                    .col(text(CustomerEvents::Kind, 48))
                    .col(json(CustomerEvents::Data))
                    .col(text_null(CustomerEvents::RefType, 32))
                    .col(uuid_null(CustomerEvents::RefId))
                    .col(uuid_null(CustomerEvents::ActorId))
                    .col(text(CustomerEvents::ActorName, 64))
                    .take(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_customer_events",
                CustomerEvents::Table,
                &["dealer_id", "customer_id", "occurred_at", "id"],
            ))
            .await?;

        // The n-gram index behind customer search, kept by the application in the same
        // transaction as the customer: one row per (term, customer).
        manager
            .create_table(
                Table::create()
                    .table(SearchTerms::Table)
                    .col(dealer_id())
                    .col(text(SearchTerms::Term, 80))
                    .col(uuid(SearchTerms::CustomerId))
                    .primary_key(
                        Index::create()
                            .col(Common::DealerId)
                            .col(SearchTerms::Term)
                            .col(SearchTerms::CustomerId),
                    )
                    .foreign_key(&mut dealer_fk(SearchTerms::Table))
                    .foreign_key(&mut same_dealer_fk(
                        SearchTerms::Table,
                        SearchTerms::CustomerId,
                        Customers::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_search_terms_customer",
                SearchTerms::Table,
                &["dealer_id", "customer_id"],
            ))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "search_terms",
            "customer_events",
            "customer_consent_events",
            "customer_companions",
            "customer_tags",
            "customer_phones",
            "customers",
            "lookups",
        ] {
            manager
                .drop_table(Table::drop().table(Alias::new(table)).take())
                .await?;
        }
        Ok(())
    }
}
