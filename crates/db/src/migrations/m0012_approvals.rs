//! Approval requests: a generic request → approve / reject flow, its types registered in code.

use super::columns::*;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ApprovalRequests {
    Table,
    Kind,
    RefType,
    RefId,
    RequesterId,
    Title,
    Payload,
    Status,
    DecidedBy,
    DecidedAt,
    Comment,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ApprovalRequests::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(text(ApprovalRequests::Kind, 64))
                    .col(text_null(ApprovalRequests::RefType, 32))
                    .col(uuid_null(ApprovalRequests::RefId))
                    .col(uuid(ApprovalRequests::RequesterId))
                    .col(text(ApprovalRequests::Title, 200))
                    .col(json(ApprovalRequests::Payload))
                    .col(text(ApprovalRequests::Status, 16))
                    .col(uuid_null(ApprovalRequests::DecidedBy))
                    .col(timestamp_null(ApprovalRequests::DecidedAt))
                    .col(ColumnDef::new(ApprovalRequests::Comment).text().null())
                    .lifecycle()
                    .foreign_key(&mut dealer_fk(ApprovalRequests::Table))
                    .foreign_key(&mut same_dealer_fk(
                        ApprovalRequests::Table,
                        ApprovalRequests::RequesterId,
                        Alias::new("users"),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut same_dealer_fk(
                        ApprovalRequests::Table,
                        ApprovalRequests::DecidedBy,
                        Alias::new("users"),
                        ForeignKeyAction::Restrict,
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_index(unique_dealer_id(
                ApprovalRequests::Table,
                "ux_approval_requests_dealer_id",
            ))
            .await?;
        for (name, cols) in [
            (
                "ix_approval_requests_status",
                &["dealer_id", "status", "created_at", "id"][..],
            ),
            (
                "ix_approval_requests_requester",
                &["dealer_id", "requester_id", "created_at", "id"],
            ),
            (
                "ix_approval_requests_ref",
                &["dealer_id", "ref_type", "ref_id"],
            ),
        ] {
            manager
                .create_index(index(name, ApprovalRequests::Table, cols))
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ApprovalRequests::Table).take())
            .await?;
        Ok(())
    }
}
