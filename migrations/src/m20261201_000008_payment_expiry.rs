//! Expiry of abandoned payments (protocol.md section 14): each payment's `expires_at`
//! (milliseconds since the epoch, set at checkout from `GATEWAY_CHECKOUT_TTL`; NULL means it
//! never expires), and a partial index holding only the unpaid payments with no processor call
//! in flight, the ones the expiry sweep looks for, so finding the due ones stays cheap however
//! many paid payments the table holds.
//!
//! Rows from before this migration get the default time, 24 hours after they were created: an
//! unpaid payment from then expires (and its storefront is told) on the first sweep after the
//! upgrade, instead of staying open for ever.
//!
//! Plain SQL that both engines read the same way; both support partial indexes.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The index's predicate is the sweep's, word for word (SQLite uses a partial index only for a
/// query that repeats its terms). Its leading `status` column makes SQLite, which plans without
/// statistics here, prefer it to `payments_status_settle_at` (status alone) for that query.
const UP: &[&str] = &[
    "ALTER TABLE payments ADD COLUMN expires_at BIGINT NULL",
    "UPDATE payments SET expires_at = created_at + 86400000",
    "CREATE INDEX payments_due_for_expiry ON payments (status, expires_at) \
     WHERE status IN ('open', 'challenge', 'cancelled') AND attempt_key IS NULL",
];

const DOWN: &[&str] = &[
    "DROP INDEX payments_due_for_expiry",
    "ALTER TABLE payments DROP COLUMN expires_at",
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
