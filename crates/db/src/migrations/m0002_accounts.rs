//! Users, custom roles, sessions, API tokens and login attempts.

use super::columns::*;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Username,
    DisplayName,
    PasswordHash,
    RoleKey,
    TeamId,
    Email,
    Phone,
    Locale,
    Status,
    FailedLoginCount,
    LockedUntil,
    LastLoginAt,
    PasswordChangedAt,
}

#[derive(DeriveIden)]
enum Roles {
    Table,
    Key,
    Name,
    Description,
    Grants,
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
    TokenHash,
    UserId,
    ActingDealerId,
    CsrfToken,
    Ip,
    UserAgent,
    LastSeenAt,
    ExpiresAt,
}

#[derive(DeriveIden)]
enum ApiTokens {
    Table,
    UserId,
    Name,
    TokenPrefix,
    TokenHash,
    Grants,
    LastUsedAt,
    ExpiresAt,
    RevokedAt,
}

#[derive(DeriveIden)]
enum LoginAttempts {
    Table,
    Ip,
    Username,
    Succeeded,
    AttemptedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Users::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(text(Users::Username, 32).unique_key())
                    .col(text(Users::DisplayName, 64))
                    .col(text(Users::PasswordHash, 255))
                    .col(text(Users::RoleKey, 32))
                    .col(uuid_null(Users::TeamId))
                    .col(text_null(Users::Email, 254))
                    .col(text_null(Users::Phone, 32))
                    .col(text_null(Users::Locale, 8))
                    .col(text(Users::Status, 16))
                    .col(integer(Users::FailedLoginCount, 0))
                    .col(timestamp_null(Users::LockedUntil))
                    .col(timestamp_null(Users::LastLoginAt))
                    .col(timestamp(Users::PasswordChangedAt))
                    .lifecycle()
                    .foreign_key(&mut dealer_fk(Users::Table))
                    .foreign_key(&mut same_dealer_fk(
                        Users::Table,
                        Users::TeamId,
                        Alias::new("teams"),
                        ForeignKeyAction::Restrict,
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_index(unique_dealer_id(Users::Table, "ux_users_dealer_id"))
            .await?;
        manager
            .create_index(index(
                "ix_users_dealer_username",
                Users::Table,
                &["dealer_id", "username"],
            ))
            .await?;
        manager
            .create_index(index(
                "ix_users_dealer_team",
                Users::Table,
                &["dealer_id", "team_id"],
            ))
            .await?;
        manager
            .create_index(index(
                "ix_users_dealer_created",
                Users::Table,
                &["dealer_id", "created_at", "id"],
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Roles::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(text(Roles::Key, 32))
                    .col(text(Roles::Name, 64))
                    .col(text_null(Roles::Description, 500))
                    .col(json(Roles::Grants))
                    .lifecycle()
                    .foreign_key(&mut dealer_fk(Roles::Table))
                    .take(),
            )
            .await?;
        manager
            .create_index(
                index("ux_roles_dealer_key", Roles::Table, &["dealer_id", "key"])
                    .unique()
                    .take(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Sessions::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(text(Sessions::TokenHash, 64).unique_key())
                    .col(uuid(Sessions::UserId))
                    .col(uuid(Sessions::ActingDealerId))
                    .col(text(Sessions::CsrfToken, 64))
                    .col(text_null(Sessions::Ip, 64))
                    .col(text_null(Sessions::UserAgent, 255))
                    .col(timestamp(Common::CreatedAt))
                    .col(timestamp(Sessions::LastSeenAt))
                    .col(timestamp(Sessions::ExpiresAt))
                    .foreign_key(&mut dealer_fk(Sessions::Table))
                    .foreign_key(&mut same_dealer_fk(
                        Sessions::Table,
                        Sessions::UserId,
                        Users::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .from_tbl(Sessions::Table)
                            .from_col(Sessions::ActingDealerId)
                            .to_tbl(Alias::new("dealers"))
                            .to_col(Common::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .take(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_sessions_user",
                Sessions::Table,
                &["dealer_id", "user_id"],
            ))
            .await?;
        manager
            .create_index(index(
                "ix_sessions_expires",
                Sessions::Table,
                &["expires_at"],
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ApiTokens::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(uuid(ApiTokens::UserId))
                    .col(text(ApiTokens::Name, 64))
                    .col(text(ApiTokens::TokenPrefix, 16))
                    .col(text(ApiTokens::TokenHash, 64).unique_key())
                    .col(json(ApiTokens::Grants))
                    .col(timestamp_null(ApiTokens::LastUsedAt))
                    .col(timestamp_null(ApiTokens::ExpiresAt))
                    .col(timestamp_null(ApiTokens::RevokedAt))
                    .lifecycle()
                    .foreign_key(&mut dealer_fk(ApiTokens::Table))
                    .foreign_key(&mut same_dealer_fk(
                        ApiTokens::Table,
                        ApiTokens::UserId,
                        Users::Table,
                        ForeignKeyAction::Restrict,
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_api_tokens_dealer_created",
                ApiTokens::Table,
                &["dealer_id", "created_at", "id"],
            ))
            .await?;

        // Not tenant-owned: attempts are recorded before anyone is authenticated.
        manager
            .create_table(
                Table::create()
                    .table(LoginAttempts::Table)
                    .col(id())
                    .col(text(LoginAttempts::Ip, 64))
                    .col(text(LoginAttempts::Username, 64))
                    .col(boolean(LoginAttempts::Succeeded, false))
                    .col(timestamp(LoginAttempts::AttemptedAt))
                    .take(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_login_attempts_ip",
                LoginAttempts::Table,
                &["ip", "attempted_at"],
            ))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["login_attempts", "api_tokens", "sessions", "roles", "users"] {
            manager
                .drop_table(Table::drop().table(Alias::new(table)).take())
                .await?;
        }
        Ok(())
    }
}
