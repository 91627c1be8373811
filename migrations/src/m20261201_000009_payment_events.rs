//! The dashboard's payments pages: the facts of a payment's life that no other table keeps
//! (`payment_events`; today the first time its page was shown, at most one such row a payment),
//! and the indexes that list a merchant's payments newest first, by status or not, from any
//! cursor without a sort: `(merchant_id, id)` and `(merchant_id, status, id)`. A payment id
//! starts with its creation time (sortable), so the same indexes serve a date range.
//!
//! Plain SQL that both engines read the same way, except the table's auto-increment key.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum PaymentEvents {
    Table,
    Id,
    PaymentId,
    Kind,
    Detail,
    At,
}

const UP: &[&str] = &[
    "CREATE INDEX payment_events_payment ON payment_events (payment_id, at)",
    // A kind recorded once per payment: a second insert does nothing.
    "CREATE UNIQUE INDEX payment_events_once ON payment_events (payment_id, kind) \
     WHERE kind = 'page_shown'",
    "CREATE INDEX payments_merchant_newest ON payments (merchant_id, id)",
    "CREATE INDEX payments_merchant_status_newest ON payments (merchant_id, status, id)",
];

const DOWN: &[&str] = &[
    "DROP INDEX payments_merchant_status_newest",
    "DROP INDEX payments_merchant_newest",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use PaymentEvents as E;
        manager
            .create_table(
                Table::create()
                    .table(E::Table)
                    .col(
                        ColumnDef::new(E::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(E::PaymentId).string().not_null())
                    .col(ColumnDef::new(E::Kind).string().not_null())
                    .col(ColumnDef::new(E::Detail).text().not_null())
                    .col(ColumnDef::new(E::At).big_integer().not_null())
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
            .drop_table(Table::drop().table(PaymentEvents::Table).to_owned())
            .await
    }
}
