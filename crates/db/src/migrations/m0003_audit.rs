//! The audit log.

use super::columns::*;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AuditEvents {
    Table,
    OccurredAt,
    ActorKind,
    ActorId,
    ActorName,
    Action,
    EntityType,
    EntityId,
    Changes,
    RequestId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(AuditEvents::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(timestamp(AuditEvents::OccurredAt))
                    .col(text(AuditEvents::ActorKind, 16))
                    .col(uuid_null(AuditEvents::ActorId))
                    .col(text(AuditEvents::ActorName, 64))
                    .col(text(AuditEvents::Action, 48))
                    .col(text(AuditEvents::EntityType, 32))
                    .col(uuid_null(AuditEvents::EntityId))
                    .col(json(AuditEvents::Changes))
                    .col(text_null(AuditEvents::RequestId, 64))
                    .foreign_key(&mut dealer_fk(AuditEvents::Table))
                    .take(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_audit_dealer_time",
                AuditEvents::Table,
                &["dealer_id", "occurred_at", "id"],
            ))
            .await?;
        manager
            .create_index(index(
                "ix_audit_dealer_entity",
                AuditEvents::Table,
                &["dealer_id", "entity_id", "occurred_at"],
            ))
            .await?;
        manager
            .create_index(index(
                "ix_audit_dealer_actor",
                AuditEvents::Table,
                &["dealer_id", "actor_id", "occurred_at"],
            ))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(AuditEvents::Table).take())
            .await
    }
}
