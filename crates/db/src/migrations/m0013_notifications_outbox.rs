//! In-app notifications, the outbox of e-mail / SMS / WeChat messages with their delivery log,
//! and the dealer's message templates (built-in ones live in code; rows here override them).

use super::columns::*;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Notifications {
    Table,
    UserId,
    Kind,
    Title,
    Body,
    Params,
    Link,
    RefType,
    RefId,
    ReadAt,
}

#[derive(DeriveIden)]
enum MessageTemplates {
    Table,
    Key,
    Channel,
    Locale,
    Subject,
    Body,
}

#[derive(DeriveIden)]
enum OutboundMessages {
    Table,
    Channel,
    Recipient,
    CustomerId,
    UserId,
    TemplateKey,
    Locale,
    Subject,
    Body,
    Status,
    IdempotencyKey,
    Attempts,
    AttemptId,
    SendingSince,
    ProviderMessageId,
    LastError,
    SentAt,
    RefType,
    RefId,
}

#[derive(DeriveIden)]
enum MessageDeliveries {
    Table,
    MessageId,
    AttemptId,
    Attempt,
    StartedAt,
    FinishedAt,
    Result,
    ProviderMessageId,
    Error,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Notifications::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(uuid(Notifications::UserId))
                    .col(text(Notifications::Kind, 64))
                    // Rendered in the user's language when raised; `kind` + `params` let the UI
                    // render it again in another.
                    .col(text(Notifications::Title, 200))
                    .col(ColumnDef::new(Notifications::Body).text().not_null())
                    .col(json(Notifications::Params))
                    .col(text_null(Notifications::Link, 300))
                    .col(text_null(Notifications::RefType, 32))
                    .col(uuid_null(Notifications::RefId))
                    .col(timestamp_null(Notifications::ReadAt))
                    .col(timestamp(Common::CreatedAt))
                    .foreign_key(&mut dealer_fk(Notifications::Table))
                    .foreign_key(&mut same_dealer_fk(
                        Notifications::Table,
                        Notifications::UserId,
                        Alias::new("users"),
                        ForeignKeyAction::Cascade,
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_notifications_user",
                Notifications::Table,
                &["dealer_id", "user_id", "created_at", "id"],
            ))
            .await?;
        manager
            .create_index(index(
                "ix_notifications_unread",
                Notifications::Table,
                &["dealer_id", "user_id", "read_at"],
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(MessageTemplates::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(text(MessageTemplates::Key, 64))
                    .col(text(MessageTemplates::Channel, 16))
                    .col(text(MessageTemplates::Locale, 8))
                    .col(text_null(MessageTemplates::Subject, 200))
                    .col(ColumnDef::new(MessageTemplates::Body).text().not_null())
                    .lifecycle()
                    .foreign_key(&mut dealer_fk(MessageTemplates::Table))
                    .take(),
            )
            .await?;
        manager
            .create_index(
                index(
                    "ux_message_templates",
                    MessageTemplates::Table,
                    &["dealer_id", "key", "channel", "locale"],
                )
                .unique()
                .take(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(OutboundMessages::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(text(OutboundMessages::Channel, 16))
                    .col(text(OutboundMessages::Recipient, 254))
                    .col(uuid_null(OutboundMessages::CustomerId))
                    .col(uuid_null(OutboundMessages::UserId))
                    .col(text(OutboundMessages::TemplateKey, 64))
                    .col(text(OutboundMessages::Locale, 8))
                    .col(text_null(OutboundMessages::Subject, 200))
                    .col(ColumnDef::new(OutboundMessages::Body).text().not_null())
                    .col(text(OutboundMessages::Status, 16))
                    .col(text(OutboundMessages::IdempotencyKey, 200))
                    .col(integer(OutboundMessages::Attempts, 0))
                    .col(uuid_null(OutboundMessages::AttemptId))
                    .col(timestamp_null(OutboundMessages::SendingSince))
                    .col(text_null(OutboundMessages::ProviderMessageId, 200))
                    .col(ColumnDef::new(OutboundMessages::LastError).text().null())
                    .col(timestamp_null(OutboundMessages::SentAt))
                    .col(text_null(OutboundMessages::RefType, 32))
                    .col(uuid_null(OutboundMessages::RefId))
                    .lifecycle()
                    .foreign_key(&mut dealer_fk(OutboundMessages::Table))
                    .foreign_key(&mut same_dealer_fk(
                        OutboundMessages::Table,
                        OutboundMessages::CustomerId,
                        Alias::new("customers"),
                        ForeignKeyAction::Restrict,
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_index(unique_dealer_id(
                OutboundMessages::Table,
                "ux_outbound_messages_dealer_id",
            ))
            .await?;
        manager
            .create_index(
                index(
                    "ux_outbound_messages_key",
                    OutboundMessages::Table,
                    &["dealer_id", "idempotency_key"],
                )
                .unique()
                .take(),
            )
            .await?;
        for (name, cols) in [
            (
                "ix_outbound_messages_status",
                &["dealer_id", "status", "created_at", "id"][..],
            ),
            (
                "ix_outbound_messages_customer",
                &["dealer_id", "customer_id", "created_at"],
            ),
            (
                "ix_outbound_messages_created",
                &["dealer_id", "created_at", "id"],
            ),
        ] {
            manager
                .create_index(index(name, OutboundMessages::Table, cols))
                .await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(MessageDeliveries::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(uuid(MessageDeliveries::MessageId))
                    .col(uuid(MessageDeliveries::AttemptId))
                    .col(integer(MessageDeliveries::Attempt, 1))
                    .col(timestamp(MessageDeliveries::StartedAt))
                    .col(timestamp_null(MessageDeliveries::FinishedAt))
                    // `started`, `accepted`, `failed`, `suppressed`, `uncertain`.
                    .col(text(MessageDeliveries::Result, 16))
                    .col(text_null(MessageDeliveries::ProviderMessageId, 200))
                    .col(ColumnDef::new(MessageDeliveries::Error).text().null())
                    .foreign_key(&mut dealer_fk(MessageDeliveries::Table))
                    .foreign_key(&mut same_dealer_fk(
                        MessageDeliveries::Table,
                        MessageDeliveries::MessageId,
                        OutboundMessages::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_message_deliveries_message",
                MessageDeliveries::Table,
                &["dealer_id", "message_id", "started_at"],
            ))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "message_deliveries",
            "outbound_messages",
            "message_templates",
            "notifications",
        ] {
            manager
                .drop_table(Table::drop().table(Alias::new(table)).take())
                .await?;
        }
        Ok(())
    }
}
