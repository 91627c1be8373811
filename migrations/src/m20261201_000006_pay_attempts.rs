//! The pay step's attempt in flight: before the processor is called, the payment records the
//! idempotency key of the attempt and when it started; the change that applies the outcome
//! clears both. A payment left with an attempt (the process died in between) is found by the
//! partial index and recovered by asking the processor again with the same key.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Payments {
    Table,
    AttemptKey,
    AttemptAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite alters one column per statement.
        manager
            .alter_table(
                Table::alter()
                    .table(Payments::Table)
                    .add_column(ColumnDef::new(Payments::AttemptKey).text().null())
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Payments::Table)
                    .add_column(ColumnDef::new(Payments::AttemptAt).big_integer().null())
                    .to_owned(),
            )
            .await?;
        // Only payments with an attempt in flight are in the index: a handful at any time.
        manager
            .get_connection()
            .execute_unprepared(
                "CREATE INDEX payments_attempt_in_flight ON payments (attempt_at) \
                 WHERE attempt_at IS NOT NULL",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .get_connection()
            .execute_unprepared("DROP INDEX payments_attempt_in_flight")
            .await?;
        for column in [Payments::AttemptAt, Payments::AttemptKey] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Payments::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
