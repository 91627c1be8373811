//! Merchants and their signing secret, encrypted (never the plaintext).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
pub enum Merchants {
    Table,
    AccountId,
    Name,
    TestOnly,
    SecretSealed,
    MasterKeyId,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Merchants::Table)
                    .col(
                        ColumnDef::new(Merchants::AccountId)
                            .string()
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(Merchants::Name).string().not_null())
                    .col(ColumnDef::new(Merchants::TestOnly).boolean().not_null())
                    .col(ColumnDef::new(Merchants::SecretSealed).binary().not_null())
                    .col(ColumnDef::new(Merchants::MasterKeyId).string().not_null())
                    .col(
                        ColumnDef::new(Merchants::CreatedAt)
                            .big_integer()
                            .not_null(),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Merchants::Table).to_owned())
            .await
    }
}
