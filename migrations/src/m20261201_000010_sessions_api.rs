//! The JSON way in (protocol.md sections 11 to 13): API keys (only their SHA-256 is kept),
//! checkout sessions as columns of the payment they are (one row, one state machine, one
//! unique reference per merchant), merchants' webhook endpoints with sealed secrets, and the
//! outbox columns that make a queued row a webhook delivery instead of a callback.
//!
//! Plain SQL that both engines read the same way.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const UP: &[&str] = &[
    "CREATE TABLE api_keys (
         id TEXT PRIMARY KEY,
         merchant_id TEXT NOT NULL REFERENCES merchants (account_id),
         livemode BOOLEAN NOT NULL,
         key_hash TEXT NOT NULL,
         hint TEXT NOT NULL,
         created_at BIGINT NOT NULL,
         revoked_at BIGINT NULL)",
    "CREATE UNIQUE INDEX api_keys_hash ON api_keys (key_hash)",
    "CREATE INDEX api_keys_merchant ON api_keys (merchant_id, created_at)",
    // A session is its payment: these are NULL for payments made by x_ requests.
    "ALTER TABLE payments ADD COLUMN session_id TEXT NULL",
    "ALTER TABLE payments ADD COLUMN ui_mode TEXT NULL",
    "ALTER TABLE payments ADD COLUMN metadata TEXT NULL",
    "CREATE UNIQUE INDEX payments_session ON payments (session_id) WHERE session_id IS NOT NULL",
    "CREATE TABLE webhook_endpoints (
         id TEXT PRIMARY KEY,
         merchant_id TEXT NOT NULL REFERENCES merchants (account_id),
         url TEXT NOT NULL,
         events TEXT NOT NULL,
         secret_sealed TEXT NOT NULL,
         previous_secret_sealed TEXT NULL,
         previous_expires_at BIGINT NULL,
         created_at BIGINT NOT NULL,
         deleted_at BIGINT NULL)",
    "CREATE INDEX webhook_endpoints_merchant ON webhook_endpoints (merchant_id, created_at)",
    // A webhook delivery in the outbox: its endpoint (signing secrets looked up at each
    // attempt) and its event (the same webhook-id on every retry).
    "ALTER TABLE callbacks ADD COLUMN endpoint_id TEXT NULL",
    "ALTER TABLE callbacks ADD COLUMN event_id TEXT NULL",
    "CREATE INDEX callbacks_endpoint ON callbacks (endpoint_id, id) WHERE endpoint_id IS NOT NULL",
];

const DOWN: &[&str] = &[
    "DROP INDEX callbacks_endpoint",
    "ALTER TABLE callbacks DROP COLUMN event_id",
    "ALTER TABLE callbacks DROP COLUMN endpoint_id",
    "DROP TABLE webhook_endpoints",
    "DROP INDEX payments_session",
    "ALTER TABLE payments DROP COLUMN metadata",
    "ALTER TABLE payments DROP COLUMN ui_mode",
    "ALTER TABLE payments DROP COLUMN session_id",
    "DROP TABLE api_keys",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for sql in UP {
            manager.get_connection().execute_unprepared(sql).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for sql in DOWN {
            manager.get_connection().execute_unprepared(sql).await?;
        }
        Ok(())
    }
}
