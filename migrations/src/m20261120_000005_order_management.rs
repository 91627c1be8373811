//! Order management: the money columns of a payment (authorized, captured, refunded; filled in
//! for payments that already finished), one row per capture/refund/void, the stored first
//! answer per idempotency key, and which operation a callback reports (operation callbacks are
//! events and never superseded).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Payments {
    Table,
    AuthorizedMinor,
    CapturedMinor,
    RefundedMinor,
}

#[derive(DeriveIden)]
enum Callbacks {
    Table,
    OperationId,
}

#[derive(DeriveIden)]
enum Operations {
    Table,
    Id,
    PaymentId,
    MerchantId,
    Kind,
    AmountMinor,
    AmountText,
    Currency,
    Result,
    CreatedAt,
}

#[derive(DeriveIden)]
enum IdempotencyKeys {
    Table,
    MerchantId,
    ScopeKey,
    RequestDigest,
    ResponseStatus,
    ResponseBody,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite alters one column per statement.
        for column in [
            Payments::AuthorizedMinor,
            Payments::CapturedMinor,
            Payments::RefundedMinor,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Payments::Table)
                        .add_column(ColumnDef::new(column).big_integer().not_null().default(0))
                        .to_owned(),
                )
                .await?;
        }
        let db = manager.get_connection();
        db.execute_unprepared(
            "UPDATE payments SET authorized_minor = amount_minor \
             WHERE status IN ('authorized', 'captured')",
        )
        .await?;
        db.execute_unprepared(
            "UPDATE payments SET captured_minor = amount_minor WHERE status = 'captured'",
        )
        .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Callbacks::Table)
                    .add_column(ColumnDef::new(Callbacks::OperationId).string().null())
                    .to_owned(),
            )
            .await?;
        use Operations as O;
        manager
            .create_table(
                Table::create()
                    .table(O::Table)
                    .col(ColumnDef::new(O::Id).string().not_null().primary_key())
                    .col(ColumnDef::new(O::PaymentId).string().not_null())
                    .col(ColumnDef::new(O::MerchantId).string().not_null())
                    .col(ColumnDef::new(O::Kind).string().not_null())
                    .col(ColumnDef::new(O::AmountMinor).big_integer().null())
                    .col(ColumnDef::new(O::AmountText).text().null())
                    .col(ColumnDef::new(O::Currency).text().not_null())
                    .col(ColumnDef::new(O::Result).text().not_null())
                    .col(ColumnDef::new(O::CreatedAt).big_integer().not_null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("operations_payment")
                    .table(O::Table)
                    .col(O::PaymentId)
                    .col(O::CreatedAt)
                    .to_owned(),
            )
            .await?;
        use IdempotencyKeys as K;
        manager
            .create_table(
                Table::create()
                    .table(K::Table)
                    .col(ColumnDef::new(K::MerchantId).string().not_null())
                    .col(ColumnDef::new(K::ScopeKey).string().not_null())
                    .col(ColumnDef::new(K::RequestDigest).string().not_null())
                    .col(ColumnDef::new(K::ResponseStatus).integer().not_null())
                    .col(ColumnDef::new(K::ResponseBody).text().not_null())
                    .col(ColumnDef::new(K::CreatedAt).big_integer().not_null())
                    .primary_key(Index::create().col(K::MerchantId).col(K::ScopeKey))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(IdempotencyKeys::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Operations::Table).to_owned())
            .await
    }
}
