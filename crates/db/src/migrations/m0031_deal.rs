//! The deal: the configurator (option groups, items with dated prices, package contents), the
//! dealer's deal settings, trade-in appraisals, quotes and their lines. One accepted quote per
//! opportunity and one order per quote are unique indexes.

use super::columns::*;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ConfigGroups {
    Table,
    ModelId,
    Name,
    Rule,
    Position,
}

#[derive(DeriveIden)]
enum ConfigItems {
    Table,
    Kind,
    ModelId,
    SeriesId,
    GroupId,
    Code,
    Name,
    Colour,
    Active,
}

#[derive(DeriveIden)]
enum ConfigItemPrices {
    Table,
    ItemId,
    EffectiveFrom,
    PriceFen,
    CostFen,
}

#[derive(DeriveIden)]
enum ConfigPackageItems {
    Table,
    PackageId,
    OptionId,
}

#[derive(DeriveIden)]
enum DealSettings {
    Table,
    MaxDiscountFen,
    MaxDiscountBp,
    MinMarginFen,
    QuoteValidDays,
    TaxRules,
}

#[derive(DeriveIden)]
enum Appraisals {
    Table,
    CustomerId,
    VehicleId,
    AppraiserId,
    MileageKm,
    ConditionNotes,
    ValueFen,
    ValidUntil,
}

#[derive(DeriveIden)]
enum Quotes {
    Table,
    QuoteNo,
    VersionNo,
    OpportunityId,
    LeadId,
    CustomerId,
    ConsultantId,
    ModelId,
    Colour,
    PricedOn,
    ValidUntil,
    Status,
    NeedsApproval,
    ApprovalReasons,
    AppraisalId,
    VehiclePriceFen,
    VehicleCostFen,
    OptionsFen,
    PackagesFen,
    AccessoriesFen,
    InsuranceFen,
    FeesFen,
    FinanceFeeFen,
    DiscountFen,
    TradeInFen,
    PurchaseTaxFen,
    TotalFen,
    CostFen,
    MarginFen,
    OrderId,
    AcceptedAt,
    Notes,
    CreatedBy,
}

#[derive(DeriveIden)]
enum QuoteLines {
    Table,
    QuoteId,
    Position,
    Kind,
    ItemId,
    Label,
    AmountFen,
    CostFen,
}

fn fen(col: impl IntoIden) -> ColumnDef {
    ColumnDef::new(col)
        .big_integer()
        .not_null()
        .default(0)
        .take()
}

fn fen_null(col: impl IntoIden) -> ColumnDef {
    ColumnDef::new(col).big_integer().null().take()
}

fn date(col: impl IntoIden) -> ColumnDef {
    ColumnDef::new(col).date().not_null().take()
}

fn model_fk(
    from: impl IntoIden + 'static,
    col: impl IntoIden + 'static,
) -> ForeignKeyCreateStatement {
    same_dealer_fk(
        from,
        col,
        Alias::new("catalog_models"),
        ForeignKeyAction::Restrict,
    )
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ConfigGroups::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(uuid(ConfigGroups::ModelId))
                    .col(text(ConfigGroups::Name, 50))
                    .col(text(ConfigGroups::Rule, 16))
                    .col(integer(ConfigGroups::Position, 0))
                    .lifecycle()
                    .foreign_key(&mut dealer_fk(ConfigGroups::Table))
                    .foreign_key(&mut model_fk(ConfigGroups::Table, ConfigGroups::ModelId))
                    .take(),
            )
            .await?;
        manager
            .create_index(unique_dealer_id(
                ConfigGroups::Table,
                "ux_config_groups_dealer_id",
            ))
            .await?;
        manager
            .create_index(index(
                "ix_config_groups_model",
                ConfigGroups::Table,
                &["dealer_id", "model_id", "position"],
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ConfigItems::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(text(ConfigItems::Kind, 16))
                    .col(uuid_null(ConfigItems::ModelId))
                    .col(uuid_null(ConfigItems::SeriesId))
                    .col(uuid_null(ConfigItems::GroupId))
                    .col(text_null(ConfigItems::Code, 32))
                    .col(text(ConfigItems::Name, 100))
                    .col(text_null(ConfigItems::Colour, 32))
                    .col(boolean(ConfigItems::Active, true))
                    .lifecycle()
                    .foreign_key(&mut dealer_fk(ConfigItems::Table))
                    .foreign_key(&mut model_fk(ConfigItems::Table, ConfigItems::ModelId))
                    .foreign_key(&mut same_dealer_fk(
                        ConfigItems::Table,
                        ConfigItems::SeriesId,
                        Alias::new("catalog_series"),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut same_dealer_fk(
                        ConfigItems::Table,
                        ConfigItems::GroupId,
                        ConfigGroups::Table,
                        ForeignKeyAction::Restrict,
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_index(unique_dealer_id(
                ConfigItems::Table,
                "ux_config_items_dealer_id",
            ))
            .await?;
        for (name, cols) in [
            (
                "ix_config_items_model",
                &["dealer_id", "model_id", "kind"][..],
            ),
            ("ix_config_items_kind", &["dealer_id", "kind", "series_id"]),
        ] {
            manager
                .create_index(index(name, ConfigItems::Table, cols))
                .await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(ConfigItemPrices::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(uuid(ConfigItemPrices::ItemId))
                    .col(date(ConfigItemPrices::EffectiveFrom))
                    .col(fen(ConfigItemPrices::PriceFen))
                    .col(fen_null(ConfigItemPrices::CostFen))
                    .lifecycle()
                    .foreign_key(&mut dealer_fk(ConfigItemPrices::Table))
                    .foreign_key(&mut same_dealer_fk(
                        ConfigItemPrices::Table,
                        ConfigItemPrices::ItemId,
                        ConfigItems::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_index(
                index(
                    "ux_config_item_prices_day",
                    ConfigItemPrices::Table,
                    &["dealer_id", "item_id", "effective_from"],
                )
                .unique()
                .take(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ConfigPackageItems::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(uuid(ConfigPackageItems::PackageId))
                    .col(uuid(ConfigPackageItems::OptionId))
                    .col(timestamp(Common::CreatedAt))
                    .foreign_key(&mut dealer_fk(ConfigPackageItems::Table))
                    .foreign_key(&mut same_dealer_fk(
                        ConfigPackageItems::Table,
                        ConfigPackageItems::PackageId,
                        ConfigItems::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut same_dealer_fk(
                        ConfigPackageItems::Table,
                        ConfigPackageItems::OptionId,
                        ConfigItems::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_index(
                index(
                    "ux_config_package_items",
                    ConfigPackageItems::Table,
                    &["dealer_id", "package_id", "option_id"],
                )
                .unique()
                .take(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(DealSettings::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(fen_null(DealSettings::MaxDiscountFen))
                    .col(ColumnDef::new(DealSettings::MaxDiscountBp).integer().null())
                    .col(fen_null(DealSettings::MinMarginFen))
                    .col(integer(DealSettings::QuoteValidDays, 7))
                    .col(json(DealSettings::TaxRules))
                    .lifecycle()
                    .foreign_key(&mut dealer_fk(DealSettings::Table))
                    .take(),
            )
            .await?;
        manager
            .create_index(
                index(
                    "ux_deal_settings_dealer",
                    DealSettings::Table,
                    &["dealer_id"],
                )
                .unique()
                .take(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Appraisals::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(uuid(Appraisals::CustomerId))
                    .col(uuid(Appraisals::VehicleId))
                    .col(uuid_null(Appraisals::AppraiserId))
                    .col(ColumnDef::new(Appraisals::MileageKm).integer().null())
                    .col(text_null(Appraisals::ConditionNotes, 1000))
                    .col(fen(Appraisals::ValueFen))
                    .col(date(Appraisals::ValidUntil))
                    .lifecycle()
                    .foreign_key(&mut dealer_fk(Appraisals::Table))
                    .foreign_key(&mut same_dealer_fk(
                        Appraisals::Table,
                        Appraisals::CustomerId,
                        Alias::new("customers"),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut same_dealer_fk(
                        Appraisals::Table,
                        Appraisals::VehicleId,
                        Alias::new("vehicles"),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut same_dealer_fk(
                        Appraisals::Table,
                        Appraisals::AppraiserId,
                        Alias::new("users"),
                        ForeignKeyAction::Restrict,
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_index(unique_dealer_id(
                Appraisals::Table,
                "ux_appraisals_dealer_id",
            ))
            .await?;
        for (name, cols) in [
            ("ix_appraisals_customer", &["dealer_id", "customer_id"][..]),
            (
                "ix_appraisals_appraiser",
                &["dealer_id", "appraiser_id", "created_at"],
            ),
            ("ix_appraisals_time", &["dealer_id", "created_at", "id"]),
        ] {
            manager
                .create_index(index(name, Appraisals::Table, cols))
                .await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(Quotes::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(ColumnDef::new(Quotes::QuoteNo).big_integer().not_null())
                    .col(ColumnDef::new(Quotes::VersionNo).integer().not_null())
                    .col(uuid(Quotes::OpportunityId))
                    .col(uuid(Quotes::LeadId))
                    .col(uuid(Quotes::CustomerId))
                    .col(uuid_null(Quotes::ConsultantId))
                    .col(uuid(Quotes::ModelId))
                    .col(text_null(Quotes::Colour, 32))
                    .col(date(Quotes::PricedOn))
                    .col(date(Quotes::ValidUntil))
                    .col(text(Quotes::Status, 24))
                    .col(boolean(Quotes::NeedsApproval, false))
                    .col(text_null(Quotes::ApprovalReasons, 32))
                    .col(uuid_null(Quotes::AppraisalId))
                    .col(fen(Quotes::VehiclePriceFen))
                    .col(fen_null(Quotes::VehicleCostFen))
                    .col(fen(Quotes::OptionsFen))
                    .col(fen(Quotes::PackagesFen))
                    .col(fen(Quotes::AccessoriesFen))
                    .col(fen(Quotes::InsuranceFen))
                    .col(fen(Quotes::FeesFen))
                    .col(fen(Quotes::FinanceFeeFen))
                    .col(fen(Quotes::DiscountFen))
                    .col(fen(Quotes::TradeInFen))
                    .col(fen(Quotes::PurchaseTaxFen))
                    .col(fen(Quotes::TotalFen))
                    .col(fen_null(Quotes::CostFen))
                    .col(fen_null(Quotes::MarginFen))
                    .col(uuid_null(Quotes::OrderId))
                    .col(timestamp_null(Quotes::AcceptedAt))
                    .col(text_null(Quotes::Notes, 500))
                    .col(uuid_null(Quotes::CreatedBy))
                    .lifecycle()
                    .foreign_key(&mut dealer_fk(Quotes::Table))
                    .foreign_key(&mut same_dealer_fk(
                        Quotes::Table,
                        Quotes::OpportunityId,
                        Alias::new("opportunities"),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut same_dealer_fk(
                        Quotes::Table,
                        Quotes::LeadId,
                        Alias::new("leads"),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut same_dealer_fk(
                        Quotes::Table,
                        Quotes::CustomerId,
                        Alias::new("customers"),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut same_dealer_fk(
                        Quotes::Table,
                        Quotes::ConsultantId,
                        Alias::new("users"),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut model_fk(Quotes::Table, Quotes::ModelId))
                    .foreign_key(&mut same_dealer_fk(
                        Quotes::Table,
                        Quotes::AppraisalId,
                        Appraisals::Table,
                        ForeignKeyAction::Restrict,
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_index(unique_dealer_id(Quotes::Table, "ux_quotes_dealer_id"))
            .await?;
        manager
            .create_index(
                index(
                    "ux_quotes_number",
                    Quotes::Table,
                    &["dealer_id", "quote_no", "version_no"],
                )
                .unique()
                .take(),
            )
            .await?;
        manager
            .create_index(
                index("ux_quotes_order", Quotes::Table, &["dealer_id", "order_id"])
                    .unique()
                    .take(),
            )
            .await?;
        for (name, cols) in [
            (
                "ix_quotes_opportunity",
                &["dealer_id", "opportunity_id", "version_no"][..],
            ),
            (
                "ix_quotes_consultant",
                &["dealer_id", "consultant_id", "created_at", "id"],
            ),
            ("ix_quotes_time", &["dealer_id", "created_at", "id"]),
            ("ix_quotes_customer", &["dealer_id", "customer_id"]),
        ] {
            manager
                .create_index(index(name, Quotes::Table, cols))
                .await?;
        }
        manager
            .get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX ux_quotes_one_accepted ON quotes (dealer_id, opportunity_id) \
                 WHERE status = 'accepted'",
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(QuoteLines::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(uuid(QuoteLines::QuoteId))
                    .col(integer(QuoteLines::Position, 0))
                    .col(text(QuoteLines::Kind, 16))
                    .col(uuid_null(QuoteLines::ItemId))
                    .col(text(QuoteLines::Label, 100))
                    .col(fen(QuoteLines::AmountFen))
                    .col(fen_null(QuoteLines::CostFen))
                    .col(timestamp(Common::CreatedAt))
                    .foreign_key(&mut dealer_fk(QuoteLines::Table))
                    .foreign_key(&mut same_dealer_fk(
                        QuoteLines::Table,
                        QuoteLines::QuoteId,
                        Quotes::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_quote_lines_quote",
                QuoteLines::Table,
                &["dealer_id", "quote_id", "position"],
            ))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "quote_lines",
            "quotes",
            "appraisals",
            "deal_settings",
            "config_package_items",
            "config_item_prices",
            "config_items",
            "config_groups",
        ] {
            manager
                .drop_table(Table::drop().table(Alias::new(table)).take())
                .await?;
        }
        Ok(())
    }
}
