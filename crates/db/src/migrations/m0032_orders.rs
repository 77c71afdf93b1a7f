//! Orders and money: contracts made from accepted quotes, their planned payments, the
//! payments received, refunds (effective once approved), the unified motor-vehicle sales
//! invoice, the delivery checklists, and the append-only finance feed.
//!
//! - `order_counters` holds one row per dealer and counter (`contract:<year>`, `finance_feed`),
//!   incremented with an upsert inside the write transaction: the row stays locked until the
//!   transaction ends, so numbers are handed out in commit order with no gap (a rolled-back
//!   transaction takes its increment with it) and no duplicate (also a unique index).
//! - Deposits: a **定金** (`earnest`) binds both sides — forfeited by a buyer who walks away,
//!   paid back double by a dealer who defaults — and is capped at 20% of the contract; a
//!   **订金** (`advance`) is a refundable advance payment. Both are `purpose`s of a planned
//!   item or a payment.
//! - The receivable is never stored: it is the contract total less payments plus approved
//!   refunds, computed when read.

use super::columns::*;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum OrderSettings {
    Table,
    ContractPrefix,
    PdiItems,
    HandoverItems,
}

#[derive(DeriveIden)]
enum OrderCounters {
    Table,
    DealerId,
    Counter,
    Next,
}

#[derive(DeriveIden)]
enum Orders {
    Table,
    ContractNo,
    QuoteId,
    LeadId,
    OpportunityId,
    CustomerId,
    ConsultantId,
    VehicleDesc,
    Colour,
    Lines,
    TotalFen,
    Status,
    Vin,
    StockUnitId,
    CancelReason,
    CancelNote,
    CancelledAt,
    PdiDone,
    HandoverDone,
    OdometerKm,
    DeliveredAt,
    DeliveredVehicleId,
    SignedAt,
    CreatedBy,
}

#[derive(DeriveIden)]
enum OrderScheduleItems {
    Table,
    OrderId,
    Purpose,
    PayerKind,
    PayerName,
    AmountFen,
    DueOn,
    Status,
}

#[derive(DeriveIden)]
enum OrderPayments {
    Table,
    OrderId,
    ScheduleItemId,
    Purpose,
    Method,
    AmountFen,
    ReceiptNo,
    ReceivedAt,
    Payer,
    RecordedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum OrderRefunds {
    Table,
    OrderId,
    PaymentId,
    AmountFen,
    Reason,
    Status,
    ApprovalId,
    RequestedBy,
    DecidedAt,
}

#[derive(DeriveIden)]
enum OrderInvoices {
    Table,
    OrderId,
    InvoiceNo,
    Vin,
    AmountFen,
    IssuedAt,
    IssuedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum FinanceEvents {
    Table,
    Seq,
    Kind,
    OrderId,
    RecordId,
    AmountFen,
    Payload,
    OccurredAt,
}

fn money(col: impl IntoIden) -> ColumnDef {
    ColumnDef::new(col).big_integer().not_null().take()
}

fn order_fk(
    from: impl IntoIden + 'static,
    col: impl IntoIden + 'static,
) -> ForeignKeyCreateStatement {
    same_dealer_fk(from, col, Orders::Table, ForeignKeyAction::Restrict)
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(OrderSettings::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(text(OrderSettings::ContractPrefix, 8))
                    .col(json(OrderSettings::PdiItems))
                    .col(json(OrderSettings::HandoverItems))
                    .lifecycle()
                    .foreign_key(&mut dealer_fk(OrderSettings::Table))
                    .take(),
            )
            .await?;
        manager
            .create_index(
                index(
                    "ux_order_settings_dealer",
                    OrderSettings::Table,
                    &["dealer_id"],
                )
                .unique()
                .take(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(OrderCounters::Table)
                    .col(uuid(OrderCounters::DealerId))
                    .col(text(OrderCounters::Counter, 32))
                    .col(ColumnDef::new(OrderCounters::Next).big_integer().not_null())
                    .primary_key(
                        Index::create()
                            .col(OrderCounters::DealerId)
                            .col(OrderCounters::Counter),
                    )
                    .foreign_key(&mut dealer_fk(OrderCounters::Table))
                    .take(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Orders::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(text(Orders::ContractNo, 32))
                    .col(uuid(Orders::QuoteId))
                    .col(uuid(Orders::LeadId))
                    .col(uuid_null(Orders::OpportunityId))
                    .col(uuid(Orders::CustomerId))
                    .col(uuid_null(Orders::ConsultantId))
                    .col(text(Orders::VehicleDesc, 200))
                    .col(text_null(Orders::Colour, 64))
                    .col(json(Orders::Lines))
                    .col(money(Orders::TotalFen))
                    .col(text(Orders::Status, 16))
                    .col(text_null(Orders::Vin, 17))
                    .col(uuid_null(Orders::StockUnitId))
                    .col(text_null(Orders::CancelReason, 32))
                    .col(text_null(Orders::CancelNote, 500))
                    .col(timestamp_null(Orders::CancelledAt))
                    .col(json(Orders::PdiDone))
                    .col(json(Orders::HandoverDone))
                    .col(ColumnDef::new(Orders::OdometerKm).integer().null())
                    .col(timestamp_null(Orders::DeliveredAt))
                    .col(uuid_null(Orders::DeliveredVehicleId))
                    .col(timestamp(Orders::SignedAt))
                    .col(uuid_null(Orders::CreatedBy))
                    .lifecycle()
                    .check(Expr::col(Orders::TotalFen).gte(0))
                    .foreign_key(&mut dealer_fk(Orders::Table))
                    .foreign_key(&mut same_dealer_fk(
                        Orders::Table,
                        Orders::CustomerId,
                        Alias::new("customers"),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut same_dealer_fk(
                        Orders::Table,
                        Orders::LeadId,
                        Alias::new("leads"),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut same_dealer_fk(
                        Orders::Table,
                        Orders::ConsultantId,
                        Alias::new("users"),
                        ForeignKeyAction::Restrict,
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_index(unique_dealer_id(Orders::Table, "ux_orders_dealer_id"))
            .await?;
        for (name, cols, unique) in [
            (
                "ux_orders_contract_no",
                &["dealer_id", "contract_no"][..],
                true,
            ),
            ("ux_orders_quote", &["dealer_id", "quote_id"], true),
            ("ix_orders_signed", &["dealer_id", "signed_at", "id"], false),
            (
                "ix_orders_consultant",
                &["dealer_id", "consultant_id", "signed_at"],
                false,
            ),
            ("ix_orders_customer", &["dealer_id", "customer_id"], false),
            ("ix_orders_lead", &["dealer_id", "lead_id"], false),
        ] {
            let mut idx = index(name, Orders::Table, cols);
            if unique {
                idx.unique();
            }
            manager.create_index(idx).await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(OrderScheduleItems::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(uuid(OrderScheduleItems::OrderId))
                    .col(text(OrderScheduleItems::Purpose, 24))
                    .col(text(OrderScheduleItems::PayerKind, 24))
                    .col(text_null(OrderScheduleItems::PayerName, 100))
                    .col(money(OrderScheduleItems::AmountFen))
                    .col(ColumnDef::new(OrderScheduleItems::DueOn).date().not_null())
                    .col(text(OrderScheduleItems::Status, 16))
                    .lifecycle()
                    .check(Expr::col(OrderScheduleItems::AmountFen).gt(0))
                    .foreign_key(&mut dealer_fk(OrderScheduleItems::Table))
                    .foreign_key(&mut order_fk(
                        OrderScheduleItems::Table,
                        OrderScheduleItems::OrderId,
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_index(unique_dealer_id(
                OrderScheduleItems::Table,
                "ux_order_schedule_items_dealer_id",
            ))
            .await?;
        manager
            .create_index(index(
                "ix_order_schedule_items_order",
                OrderScheduleItems::Table,
                &["dealer_id", "order_id", "due_on"],
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(OrderPayments::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(uuid(OrderPayments::OrderId))
                    .col(uuid_null(OrderPayments::ScheduleItemId))
                    .col(text(OrderPayments::Purpose, 24))
                    .col(text(OrderPayments::Method, 16))
                    .col(money(OrderPayments::AmountFen))
                    .col(text(OrderPayments::ReceiptNo, 32))
                    .col(timestamp(OrderPayments::ReceivedAt))
                    .col(text_null(OrderPayments::Payer, 100))
                    .col(uuid_null(OrderPayments::RecordedBy))
                    .col(timestamp(OrderPayments::CreatedAt))
                    .check(Expr::col(OrderPayments::AmountFen).gt(0))
                    .foreign_key(&mut dealer_fk(OrderPayments::Table))
                    .foreign_key(&mut order_fk(OrderPayments::Table, OrderPayments::OrderId))
                    .foreign_key(&mut same_dealer_fk(
                        OrderPayments::Table,
                        OrderPayments::ScheduleItemId,
                        OrderScheduleItems::Table,
                        ForeignKeyAction::Restrict,
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_index(unique_dealer_id(
                OrderPayments::Table,
                "ux_order_payments_dealer_id",
            ))
            .await?;
        for (name, cols, unique) in [
            (
                "ux_order_payments_receipt",
                &["dealer_id", "receipt_no"][..],
                true,
            ),
            ("ix_order_payments_order", &["dealer_id", "order_id"], false),
            (
                "ix_order_payments_received",
                &["dealer_id", "received_at"],
                false,
            ),
        ] {
            let mut idx = index(name, OrderPayments::Table, cols);
            if unique {
                idx.unique();
            }
            manager.create_index(idx).await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(OrderRefunds::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(uuid(OrderRefunds::OrderId))
                    .col(uuid_null(OrderRefunds::PaymentId))
                    .col(money(OrderRefunds::AmountFen))
                    .col(text(OrderRefunds::Reason, 500))
                    .col(text(OrderRefunds::Status, 16))
                    .col(uuid_null(OrderRefunds::ApprovalId))
                    .col(uuid_null(OrderRefunds::RequestedBy))
                    .col(timestamp_null(OrderRefunds::DecidedAt))
                    .lifecycle()
                    .check(Expr::col(OrderRefunds::AmountFen).gt(0))
                    .foreign_key(&mut dealer_fk(OrderRefunds::Table))
                    .foreign_key(&mut order_fk(OrderRefunds::Table, OrderRefunds::OrderId))
                    .take(),
            )
            .await?;
        for (name, cols) in [
            ("ix_order_refunds_order", &["dealer_id", "order_id"][..]),
            ("ix_order_refunds_approval", &["dealer_id", "approval_id"]),
        ] {
            manager
                .create_index(index(name, OrderRefunds::Table, cols))
                .await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(OrderInvoices::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(uuid(OrderInvoices::OrderId))
                    .col(text(OrderInvoices::InvoiceNo, 32))
                    .col(text(OrderInvoices::Vin, 17))
                    .col(money(OrderInvoices::AmountFen))
                    .col(timestamp(OrderInvoices::IssuedAt))
                    .col(uuid_null(OrderInvoices::IssuedBy))
                    .col(timestamp(OrderInvoices::CreatedAt))
                    .foreign_key(&mut dealer_fk(OrderInvoices::Table))
                    .foreign_key(&mut order_fk(OrderInvoices::Table, OrderInvoices::OrderId))
                    .take(),
            )
            .await?;
        for (name, cols, unique) in [
            ("ux_order_invoices_vin", &["dealer_id", "vin"][..], true),
            ("ux_order_invoices_no", &["dealer_id", "invoice_no"], true),
            ("ux_order_invoices_order", &["dealer_id", "order_id"], true),
            (
                "ix_order_invoices_issued",
                &["dealer_id", "issued_at"],
                false,
            ),
        ] {
            let mut idx = index(name, OrderInvoices::Table, cols);
            if unique {
                idx.unique();
            }
            manager.create_index(idx).await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(FinanceEvents::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(ColumnDef::new(FinanceEvents::Seq).big_integer().not_null())
                    .col(text(FinanceEvents::Kind, 32))
                    .col(uuid(FinanceEvents::OrderId))
                    .col(uuid(FinanceEvents::RecordId))
                    .col(money(FinanceEvents::AmountFen))
                    .col(json(FinanceEvents::Payload))
                    .col(timestamp(FinanceEvents::OccurredAt))
                    .foreign_key(&mut dealer_fk(FinanceEvents::Table))
                    .take(),
            )
            .await?;
        manager
            .create_index(
                index(
                    "ux_finance_events_seq",
                    FinanceEvents::Table,
                    &["dealer_id", "seq"],
                )
                .unique()
                .take(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "finance_events",
            "order_invoices",
            "order_refunds",
            "order_payments",
            "order_schedule_items",
            "orders",
            "order_counters",
            "order_settings",
        ] {
            manager
                .drop_table(Table::drop().table(Alias::new(table)).take())
                .await?;
        }
        Ok(())
    }
}
