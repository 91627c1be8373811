use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "callbacks")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub payment_id: String,
    pub merchant_id: String,
    pub url: String,
    pub body: String,
    pub result: String,
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: i64,
    pub lease_owner: Option<String>,
    pub lease_until: Option<i64>,
    pub last_status: Option<i32>,
    pub last_error: Option<String>,
    pub created_at: i64,
    pub delivered_at: Option<i64>,
    pub updated_at: i64,
    pub operation_id: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
