//! The callback outbox and its delivery log. A callback row is written in the same transaction
//! as the payment change that causes it; every delivery attempt is a row of its own.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Callbacks {
    Table,
    Id,
    PaymentId,
    MerchantId,
    Url,
    Body,
    Result,
    Status,
    Attempts,
    NextAttemptAt,
    LeaseOwner,
    LeaseUntil,
    LastStatus,
    LastError,
    CreatedAt,
    DeliveredAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum CallbackAttempts {
    Table,
    Id,
    CallbackId,
    AttemptNo,
    StartedAt,
    DurationMs,
    HttpStatus,
    ErrorKind,
    Snippet,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use Callbacks as C;
        manager
            .create_table(
                Table::create()
                    .table(C::Table)
                    .col(
                        ColumnDef::new(C::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(C::PaymentId).string().not_null())
                    .col(ColumnDef::new(C::MerchantId).string().not_null())
                    .col(ColumnDef::new(C::Url).text().not_null())
                    .col(ColumnDef::new(C::Body).text().not_null())
                    .col(ColumnDef::new(C::Result).text().not_null())
                    .col(ColumnDef::new(C::Status).string().not_null())
                    .col(ColumnDef::new(C::Attempts).integer().not_null())
                    .col(ColumnDef::new(C::NextAttemptAt).big_integer().not_null())
                    .col(ColumnDef::new(C::LeaseOwner).string().null())
                    .col(ColumnDef::new(C::LeaseUntil).big_integer().null())
                    .col(ColumnDef::new(C::LastStatus).integer().null())
                    .col(ColumnDef::new(C::LastError).text().null())
                    .col(ColumnDef::new(C::CreatedAt).big_integer().not_null())
                    .col(ColumnDef::new(C::DeliveredAt).big_integer().null())
                    .col(ColumnDef::new(C::UpdatedAt).big_integer().not_null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("callbacks_due")
                    .table(C::Table)
                    .col(C::Status)
                    .col(C::NextAttemptAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("callbacks_payment")
                    .table(C::Table)
                    .col(C::PaymentId)
                    .col(C::Id)
                    .to_owned(),
            )
            .await?;
        use CallbackAttempts as A;
        manager
            .create_table(
                Table::create()
                    .table(A::Table)
                    .col(
                        ColumnDef::new(A::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(A::CallbackId).big_integer().not_null())
                    .col(ColumnDef::new(A::AttemptNo).integer().not_null())
                    .col(ColumnDef::new(A::StartedAt).big_integer().not_null())
                    .col(ColumnDef::new(A::DurationMs).big_integer().not_null())
                    .col(ColumnDef::new(A::HttpStatus).integer().null())
                    .col(ColumnDef::new(A::ErrorKind).string().null())
                    .col(ColumnDef::new(A::Snippet).text().null())
                    .to_owned(),
            )
            .await?;
        // One row per attempt: the database refuses a second record of the same attempt.
        manager
            .create_index(
                Index::create()
                    .name("callback_attempts_once")
                    .table(A::Table)
                    .col(A::CallbackId)
                    .col(A::AttemptNo)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(CallbackAttempts::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Callbacks::Table).to_owned())
            .await
    }
}
