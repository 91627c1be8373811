use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "callback_attempts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub callback_id: i64,
    pub attempt_no: i32,
    pub started_at: i64,
    pub duration_ms: i64,
    pub http_status: Option<i32>,
    pub error_kind: Option<String>,
    pub snippet: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
