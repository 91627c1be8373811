//! Payments: the stored signed request, the hosted page's state, and the signed response.
//! `(merchant_id, reference)` is unique so the database, not the handler, decides duplicates.

use sea_orm_migration::prelude::*;

use crate::m20261120_000001_create_merchants::Merchants;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Payments {
    Table,
    Id,
    MerchantId,
    Reference,
    RequestSignature,
    RequestFields,
    AmountMinor,
    AmountText,
    Currency,
    Test,
    TransactionType,
    Status,
    Declines,
    Message,
    CsrfToken,
    UrlComplete,
    UrlCancel,
    UrlCallback,
    Locale,
    CardBrand,
    CardLast4,
    GatewayReference,
    Response,
    SettleAt,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let text = |c: Payments| ColumnDef::new(c).text().not_null().to_owned();
        let text_null = |c: Payments| ColumnDef::new(c).text().null().to_owned();
        manager
            .create_table(
                Table::create()
                    .table(Payments::Table)
                    .col(
                        ColumnDef::new(Payments::Id)
                            .string()
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(Payments::MerchantId).string().not_null())
                    .col(text(Payments::Reference))
                    .col(text(Payments::RequestSignature))
                    .col(text(Payments::RequestFields))
                    .col(
                        ColumnDef::new(Payments::AmountMinor)
                            .big_integer()
                            .not_null(),
                    )
                    .col(text(Payments::AmountText))
                    .col(text(Payments::Currency))
                    .col(ColumnDef::new(Payments::Test).boolean().not_null())
                    .col(text(Payments::TransactionType))
                    .col(text(Payments::Status))
                    .col(ColumnDef::new(Payments::Declines).integer().not_null())
                    .col(text_null(Payments::Message))
                    .col(text(Payments::CsrfToken))
                    .col(text(Payments::UrlComplete))
                    .col(text(Payments::UrlCancel))
                    .col(text(Payments::UrlCallback))
                    .col(text_null(Payments::Locale))
                    .col(text_null(Payments::CardBrand))
                    .col(text_null(Payments::CardLast4))
                    .col(
                        ColumnDef::new(Payments::GatewayReference)
                            .string()
                            .not_null()
                            .unique_key(),
                    )
                    .col(text_null(Payments::Response))
                    .col(ColumnDef::new(Payments::SettleAt).big_integer().null())
                    .col(ColumnDef::new(Payments::CreatedAt).big_integer().not_null())
                    .col(ColumnDef::new(Payments::UpdatedAt).big_integer().not_null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(Payments::Table, Payments::MerchantId)
                            .to(Merchants::Table, Merchants::AccountId),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("payments_merchant_reference")
                    .table(Payments::Table)
                    .col(Payments::MerchantId)
                    .col(Payments::Reference)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("payments_status_settle_at")
                    .table(Payments::Table)
                    .col(Payments::Status)
                    .col(Payments::SettleAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Payments::Table).to_owned())
            .await
    }
}
