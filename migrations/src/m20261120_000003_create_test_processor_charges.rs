//! The built-in test processor's ledger: one row per idempotency key, so a double submit is one
//! charge, as it would be at a real acquirer.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum TestProcessorCharges {
    Table,
    IdempotencyKey,
    PaymentId,
    Outcome,
    Message,
    AmountMinor,
    Currency,
    CardBrand,
    CardLast4,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use TestProcessorCharges as T;
        manager
            .create_table(
                Table::create()
                    .table(T::Table)
                    .col(
                        ColumnDef::new(T::IdempotencyKey)
                            .string()
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(T::PaymentId).string().not_null())
                    .col(ColumnDef::new(T::Outcome).text().not_null())
                    .col(ColumnDef::new(T::Message).text().null())
                    .col(ColumnDef::new(T::AmountMinor).big_integer().not_null())
                    .col(ColumnDef::new(T::Currency).text().not_null())
                    .col(ColumnDef::new(T::CardBrand).text().not_null())
                    .col(ColumnDef::new(T::CardLast4).text().not_null())
                    .col(ColumnDef::new(T::CreatedAt).big_integer().not_null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("test_processor_charges_payment")
                    .table(T::Table)
                    .col(T::PaymentId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(TestProcessorCharges::Table).to_owned())
            .await
    }
}
