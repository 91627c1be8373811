//! Payments: insert-or-find decided by the unique `(merchant_id, reference)` index, reads, and
//! state changes as single conditional updates (`WHERE status = ? AND declines = ?`), so of
//! two concurrent submits exactly one changes the row.

use super::entities::payment::{self, Column};
use super::{Db, from_millis, now_millis};
use crate::crypto::random_hex;
use crate::domain::money::{Amount, Currency};
use crate::domain::payment::Status;
use crate::domain::request::{PaymentRequest, TransactionType};
use crate::domain::response::ResponseValues;
use anyhow::{Context, anyhow};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use time::OffsetDateTime;
use url::Url;

/// A stored payment.
#[derive(Debug, Clone)]
pub struct Payment {
    pub id: String,
    pub merchant_id: String,
    pub reference: String,
    pub request_signature: String,
    pub fields: Vec<(String, String)>,
    pub amount: Amount,
    pub test: bool,
    pub transaction_type: TransactionType,
    pub status: Status,
    pub declines: i32,
    pub message: Option<String>,
    pub csrf_token: String,
    pub url_complete: Url,
    pub url_cancel: Url,
    pub url_callback: Url,
    pub locale: Option<String>,
    pub card_brand: Option<String>,
    pub card_last4: Option<String>,
    pub gateway_reference: String,
    pub response: Option<ResponseValues>,
    pub settle_at: Option<OffsetDateTime>,
    /// Money in minor units: refunded <= captured <= authorized.
    pub authorized: i64,
    pub captured: i64,
    pub refunded: i64,
}

impl Payment {
    /// A stored request field, as received.
    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.is_empty())
    }

    /// The processor idempotency key of the current attempt.
    pub fn attempt_key(&self) -> String {
        format!("{}:{}", self.id, self.declines)
    }
}

impl TryFrom<payment::Model> for Payment {
    type Error = anyhow::Error;

    fn try_from(m: payment::Model) -> anyhow::Result<Self> {
        let bad = |what: &str| anyhow!("payment {} has an unreadable {what}", m.id);
        let currency = Currency::parse(&m.currency).ok_or_else(|| bad("currency"))?;
        Ok(Payment {
            fields: serde_json::from_str(&m.request_fields).map_err(|_| bad("request"))?,
            amount: Amount::from_minor(m.amount_minor, currency),
            transaction_type: TransactionType::parse(&m.transaction_type)
                .ok_or_else(|| bad("transaction type"))?,
            status: Status::parse(&m.status).ok_or_else(|| bad("status"))?,
            url_complete: Url::parse(&m.url_complete).map_err(|_| bad("url"))?,
            url_cancel: Url::parse(&m.url_cancel).map_err(|_| bad("url"))?,
            url_callback: Url::parse(&m.url_callback).map_err(|_| bad("url"))?,
            response: match &m.response {
                Some(r) => Some(serde_json::from_str(r).map_err(|_| bad("response"))?),
                None => None,
            },
            settle_at: m.settle_at.map(from_millis),
            id: m.id,
            merchant_id: m.merchant_id,
            reference: m.reference,
            request_signature: m.request_signature,
            test: m.test,
            declines: m.declines,
            message: m.message,
            csrf_token: m.csrf_token,
            locale: m.locale,
            card_brand: m.card_brand,
            card_last4: m.card_last4,
            gateway_reference: m.gateway_reference,
            authorized: m.authorized_minor,
            captured: m.captured_minor,
            refunded: m.refunded_minor,
        })
    }
}

/// The result of storing a request.
pub enum Stored {
    /// A new payment.
    New(Payment),
    /// The merchant already has a payment with this reference.
    Existing(Payment),
}

/// Payment inserts in group commits: requests arriving together are written by one
/// multi-row `INSERT … ON CONFLICT (merchant_id, reference) DO NOTHING RETURNING id`, one
/// statement and one commit for up to `MAX_BATCH` payments. The unique index still decides
/// duplicates: a row not returned was already there (or came twice in one batch).
#[derive(Clone)]
pub struct Writer {
    queue: tokio::sync::mpsc::Sender<(payment::Model, tokio::sync::oneshot::Sender<Inserted>)>,
}

/// Whether a row was inserted (`Ok(true)`) or its reference was taken (`Ok(false)`).
type Inserted = Result<bool, String>;

const MAX_BATCH: usize = 128;

impl Writer {
    /// Starts the writer task; it ends when the last `Writer` is dropped.
    pub fn start(db: Db) -> Self {
        let (queue, mut rx) = tokio::sync::mpsc::channel::<(
            payment::Model,
            tokio::sync::oneshot::Sender<Inserted>,
        )>(4 * MAX_BATCH);
        tokio::spawn(async move {
            let mut batch = Vec::with_capacity(MAX_BATCH);
            while rx.recv_many(&mut batch, MAX_BATCH).await > 0 {
                let models: Vec<&payment::Model> = batch.iter().map(|(m, _)| m).collect();
                let outcome = insert_batch(&db, &models).await;
                for (model, reply) in batch.drain(..) {
                    let answer = match &outcome {
                        Ok(ids) => Ok(ids.contains(&model.id)),
                        Err(e) => Err(format!("{e:#}")),
                    };
                    let _ = reply.send(answer);
                }
            }
        });
        Self { queue }
    }

    async fn insert(&self, model: payment::Model) -> anyhow::Result<bool> {
        let (reply, answer) = tokio::sync::oneshot::channel();
        self.queue
            .send((model, reply))
            .await
            .map_err(|_| anyhow!("the payment writer has stopped"))?;
        answer
            .await
            .map_err(|_| anyhow!("the payment writer has stopped"))?
            .map_err(|e| anyhow!(e).context("storing payments"))
    }
}

/// Inserts the rows in one commit; returns the ids actually inserted. SQLite gets one multi-row
/// statement. PostgreSQL gets the same single-row statement per payment inside one transaction:
/// a multi-row statement's text changes with the batch size, and PostgreSQL then parses and plans
/// a statement of thousands of parameters nearly every time (806 instead of 2,273 payments/s).
async fn insert_batch(
    db: &Db,
    models: &[&payment::Model],
) -> anyhow::Result<std::collections::HashSet<String>> {
    use sea_orm::{ConnectionTrait, DatabaseBackend, TransactionTrait};
    let mut inserted = std::collections::HashSet::new();
    match db.get_database_backend() {
        DatabaseBackend::Postgres => {
            let txn = db.begin().await?;
            for m in models {
                let statement = txn.get_database_backend().build(&insert_statement(&[m]));
                if let Some(row) = txn.query_one_raw(statement).await? {
                    inserted.insert(row.try_get_by_index::<String>(0)?);
                }
            }
            txn.commit().await?;
        }
        backend => {
            for row in db
                .query_all_raw(backend.build(&insert_statement(models)))
                .await?
            {
                inserted.insert(row.try_get_by_index::<String>(0)?);
            }
        }
    }
    Ok(inserted)
}

/// `INSERT … ON CONFLICT (merchant_id, reference) DO NOTHING RETURNING id` for these rows.
fn insert_statement(models: &[&payment::Model]) -> sea_orm::sea_query::InsertStatement {
    use sea_orm::sea_query::{OnConflict, Query, SimpleExpr};
    use sea_orm::{ActiveModelTrait, Iterable};
    let mut insert = Query::insert();
    insert
        .into_table(payment::Entity)
        .columns(Column::iter())
        .on_conflict(
            OnConflict::columns([Column::MerchantId, Column::Reference])
                .do_nothing()
                .to_owned(),
        )
        .returning_col(Column::Id);
    for m in models {
        let row: payment::ActiveModel = (*m).clone().into();
        insert.values_panic(
            Column::iter()
                .map(|c| SimpleExpr::Value(row.get(c).into_value().expect("every column is set"))),
        );
    }
    insert
}

/// Stores a verified request, or returns the payment that already holds its reference.
pub async fn insert_or_get(
    writer: &Writer,
    db: &Db,
    request: &PaymentRequest,
    signature: &str,
) -> anyhow::Result<Stored> {
    let now = now_millis();
    let model = payment::Model {
        id: random_hex::<16>(),
        merchant_id: request.account_id.clone(),
        reference: request.reference.clone(),
        request_signature: signature.to_ascii_lowercase(),
        request_fields: serde_json::to_string(&request.stored_fields)?,
        amount_minor: request.amount.minor(),
        amount_text: request
            .stored_fields
            .iter()
            .find(|(n, _)| n == "x_amount")
            .map(|(_, v)| v.clone())
            .unwrap_or_default(),
        currency: request.amount.currency().code().to_string(),
        test: request.test,
        transaction_type: request.transaction_type.as_str().to_string(),
        status: Status::Open.as_str().to_string(),
        declines: 0,
        message: None,
        csrf_token: random_hex::<16>(),
        url_complete: request.url_complete.to_string(),
        url_cancel: request.url_cancel.to_string(),
        url_callback: request.url_callback.to_string(),
        locale: request.locale.clone(),
        card_brand: None,
        card_last4: None,
        gateway_reference: format!("gw_{}", random_hex::<12>()),
        response: None,
        settle_at: None,
        created_at: now,
        updated_at: now,
        authorized_minor: 0,
        captured_minor: 0,
        refunded_minor: 0,
    };
    if writer.insert(model.clone()).await? {
        return Ok(Stored::New(Payment::try_from(model)?));
    }
    let existing = find_by_reference(db, &request.account_id, &request.reference)
        .await?
        .context("a duplicate reference without its payment")?;
    Ok(Stored::Existing(existing))
}

pub async fn find(db: &Db, id: &str) -> anyhow::Result<Option<Payment>> {
    payment::Entity::find_by_id(id.to_string())
        .one(db)
        .await?
        .map(Payment::try_from)
        .transpose()
}

pub async fn find_by_reference(
    db: &Db,
    merchant_id: &str,
    reference: &str,
) -> anyhow::Result<Option<Payment>> {
    payment::Entity::find()
        .filter(Column::MerchantId.eq(merchant_id))
        .filter(Column::Reference.eq(reference))
        .one(db)
        .await?
        .map(Payment::try_from)
        .transpose()
}

/// A merchant's payment by its gateway reference (another merchant's is not found).
pub async fn find_by_gateway_reference(
    db: &Db,
    merchant_id: &str,
    gateway_reference: &str,
) -> anyhow::Result<Option<Payment>> {
    payment::Entity::find()
        .filter(Column::MerchantId.eq(merchant_id))
        .filter(Column::GatewayReference.eq(gateway_reference))
        .one(db)
        .await?
        .map(Payment::try_from)
        .transpose()
}

/// A change of state, applied only if the payment is still as the caller saw it.
pub struct Change<'a> {
    pub status: Status,
    pub declines: i32,
    pub message: Option<&'a str>,
    pub card: Option<(&'a str, &'a str)>,
    pub response: Option<&'a ResponseValues>,
    pub settle_at: Option<OffsetDateTime>,
    /// (authorized, captured) once the processor approved.
    pub money: Option<(i64, i64)>,
}

/// Applies `change` if the payment is in `from` with `from_declines`; returns whether it did.
pub async fn change_if<C: ConnectionTrait>(
    db: &C,
    id: &str,
    from: Status,
    from_declines: i32,
    change: Change<'_>,
) -> anyhow::Result<bool> {
    let mut update = payment::Entity::update_many()
        .col_expr(Column::Status, Expr::value(change.status.as_str()))
        .col_expr(Column::Declines, Expr::value(change.declines))
        .col_expr(
            Column::Message,
            Expr::value(change.message.map(str::to_string)),
        )
        .col_expr(
            Column::SettleAt,
            Expr::value(change.settle_at.map(super::millis)),
        )
        .col_expr(Column::UpdatedAt, Expr::value(now_millis()));
    if let Some((brand, last4)) = change.card {
        update = update
            .col_expr(Column::CardBrand, Expr::value(brand))
            .col_expr(Column::CardLast4, Expr::value(last4));
    }
    if let Some((authorized, captured)) = change.money {
        update = update
            .col_expr(Column::AuthorizedMinor, Expr::value(authorized))
            .col_expr(Column::CapturedMinor, Expr::value(captured));
    }
    if let Some(response) = change.response {
        update = update.col_expr(
            Column::Response,
            Expr::value(serde_json::to_string(response)?),
        );
    }
    let result = update
        .filter(Column::Id.eq(id))
        .filter(Column::Status.eq(from.as_str()))
        .filter(Column::Declines.eq(from_declines))
        .exec(db)
        .await
        .context("updating a payment")?;
    Ok(result.rows_affected == 1)
}

/// Moves a payment from one status to another without other changes.
pub async fn set_status_if(db: &Db, id: &str, from: Status, to: Status) -> anyhow::Result<bool> {
    let result = payment::Entity::update_many()
        .col_expr(Column::Status, Expr::value(to.as_str()))
        .col_expr(Column::UpdatedAt, Expr::value(now_millis()))
        .filter(Column::Id.eq(id))
        .filter(Column::Status.eq(from.as_str()))
        .exec(db)
        .await
        .context("updating a payment")?;
    Ok(result.rows_affected == 1)
}

/// Pending payments whose settle time has come, oldest first.
pub async fn due_for_settlement(
    db: &Db,
    now: OffsetDateTime,
    limit: u64,
) -> anyhow::Result<Vec<Payment>> {
    payment::Entity::find()
        .filter(Column::Status.eq(Status::Pending.as_str()))
        .filter(Column::SettleAt.lte(super::millis(now)))
        .order_by_asc(Column::SettleAt)
        .limit(limit)
        .all(db)
        .await?
        .into_iter()
        .map(Payment::try_from)
        .collect()
}
