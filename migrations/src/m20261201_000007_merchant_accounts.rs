//! Merchants run their own account: a second secret during a rotation (with its expiry), the
//! version that verified each payment (its answers are signed with it), allowed hosts and frame
//! origins; dashboard users with one-time setup links, their sessions, the audit log, and the
//! signature doctor's rejections.
//!
//! Plain SQL that both engines read the same way, except the binary column, whose type differs.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Merchants {
    Table,
    PreviousSecretSealed,
}

const UP: &[&str] = &[
    "ALTER TABLE merchants ADD COLUMN secret_version BIGINT NOT NULL DEFAULT 1",
    "ALTER TABLE merchants ADD COLUMN previous_expires_at BIGINT NULL",
    "ALTER TABLE merchants ADD COLUMN return_hosts TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE merchants ADD COLUMN frame_origins TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE payments ADD COLUMN secret_version BIGINT NOT NULL DEFAULT 1",
    "CREATE TABLE dashboard_users (
        id TEXT NOT NULL PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES merchants (account_id),
        email TEXT NOT NULL UNIQUE,
        password_hash TEXT NULL,
        setup_token_hash TEXT NULL UNIQUE,
        setup_expires_at BIGINT NULL,
        created_at BIGINT NOT NULL
    )",
    "CREATE TABLE dashboard_sessions (
        id_hash TEXT NOT NULL PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES dashboard_users (id),
        csrf_token TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        last_seen_at BIGINT NOT NULL
    )",
    "CREATE INDEX dashboard_sessions_user ON dashboard_sessions (user_id)",
    "CREATE TABLE audit_events (
        id TEXT NOT NULL PRIMARY KEY,
        account_id TEXT NULL,
        actor TEXT NOT NULL,
        event TEXT NOT NULL,
        detail TEXT NOT NULL,
        ip TEXT NULL,
        at BIGINT NOT NULL
    )",
    "CREATE INDEX audit_events_account ON audit_events (account_id, at)",
    "CREATE INDEX audit_events_actor ON audit_events (event, actor, at)",
    "CREATE INDEX audit_events_ip ON audit_events (event, ip, at)",
    "CREATE TABLE signature_rejections (
        id TEXT NOT NULL PRIMARY KEY,
        account_id TEXT NOT NULL,
        diagnosis TEXT NOT NULL,
        path TEXT NOT NULL,
        fields TEXT NOT NULL,
        ip TEXT NULL,
        at BIGINT NOT NULL
    )",
    "CREATE INDEX signature_rejections_account ON signature_rejections (account_id, at)",
];

const DOWN: &[&str] = &[
    "DROP TABLE signature_rejections",
    "DROP TABLE audit_events",
    "DROP TABLE dashboard_sessions",
    "DROP TABLE dashboard_users",
    "ALTER TABLE payments DROP COLUMN secret_version",
    "ALTER TABLE merchants DROP COLUMN frame_origins",
    "ALTER TABLE merchants DROP COLUMN return_hosts",
    "ALTER TABLE merchants DROP COLUMN previous_expires_at",
    "ALTER TABLE merchants DROP COLUMN secret_version",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Merchants::Table)
                    .add_column(
                        ColumnDef::new(Merchants::PreviousSecretSealed)
                            .binary()
                            .null(),
                    )
                    .to_owned(),
            )
            .await?;
        for sql in UP {
            manager.get_connection().execute_unprepared(sql).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for sql in DOWN {
            manager.get_connection().execute_unprepared(sql).await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Merchants::Table)
                    .drop_column(Merchants::PreviousSecretSealed)
                    .to_owned(),
            )
            .await?;
        Ok(())
    }
}
