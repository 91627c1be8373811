use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "payments")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub merchant_id: String,
    pub reference: String,
    pub request_signature: String,
    pub request_fields: String,
    pub amount_minor: i64,
    pub amount_text: String,
    pub currency: String,
    pub test: bool,
    pub transaction_type: String,
    pub status: String,
    pub declines: i32,
    pub message: Option<String>,
    pub csrf_token: String,
    pub url_complete: String,
    pub url_cancel: String,
    pub url_callback: String,
    pub locale: Option<String>,
    pub card_brand: Option<String>,
    pub card_last4: Option<String>,
    pub gateway_reference: String,
    pub response: Option<String>,
    pub settle_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
    pub authorized_minor: i64,
    pub captured_minor: i64,
    pub refunded_minor: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
