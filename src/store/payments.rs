//! Payments: insert-or-find decided by the unique `(merchant_id, reference)` index, reads, and
//! state changes as single conditional updates (`WHERE status = ? AND declines = ?`), so of
//! two concurrent submits exactly one changes the row.

use super::callbacks::{self, NewCallback};
use super::entities::payment::{self, Column};
use super::{Db, from_millis, now_millis, statement};
use crate::crypto::{random_bytes, sortable_hex_with};
use crate::domain::money::{Amount, Currency};
use crate::domain::payment::Status;
use crate::domain::request::{PaymentRequest, TransactionType};
use crate::domain::response::ResponseValues;
use anyhow::{Context, anyhow};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    TransactionTrait,
};
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
    /// A new payment, by its id.
    New(String),
    /// The merchant already has a payment with this reference.
    Existing(Box<Payment>),
}

/// Payment inserts in group commits: requests arriving together are written by one
/// multi-row `INSERT … ON CONFLICT (merchant_id, reference) DO NOTHING RETURNING id`, one
/// statement and one commit for up to `MAX_BATCH` payments. The unique index still decides
/// duplicates: a row not returned was already there (or came twice in one batch).
///
/// On an SQLite file the [`super::lite::Lite`] writer already commits every unit queued
/// together in one transaction, so each payment goes there as its own unit.
#[derive(Clone)]
pub enum Writer {
    /// Each payment is a unit of work for the SQLite writer thread.
    Sqlite(std::sync::Arc<super::lite::Lite>),
    /// Payments queued for the batching task.
    Batches(tokio::sync::mpsc::Sender<(payment::Model, tokio::sync::oneshot::Sender<Inserted>)>),
}

/// Whether a row was inserted (`Ok(true)`) or its reference was taken (`Ok(false)`).
type Inserted = Result<bool, String>;

const MAX_BATCH: usize = 128;

impl Writer {
    /// Starts the writer task; it ends when the last `Writer` is dropped.
    pub fn start(db: Db) -> Self {
        if let Some(lite) = &db.lite {
            return Self::Sqlite(lite.clone());
        }
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
        Self::Batches(queue)
    }

    async fn insert(&self, model: payment::Model) -> anyhow::Result<bool> {
        let queue = match self {
            Self::Sqlite(lite) => {
                return lite
                    .write_statement(move |c| {
                        Ok(c.prepare_cached(INSERT_SQLITE)?
                            .execute(model_params(&model))?
                            == 1)
                    })
                    .await
                    .context("storing a payment");
            }
            Self::Batches(queue) => queue,
        };
        let (reply, answer) = tokio::sync::oneshot::channel();
        queue
            .send((model, reply))
            .await
            .map_err(|_| anyhow!("the payment writer has stopped"))?;
        answer
            .await
            .map_err(|_| anyhow!("the payment writer has stopped"))?
            .map_err(|e| anyhow!(e).context("storing payments"))
    }
}

/// Inserts the rows in one commit; returns the ids actually inserted. SQLite (in memory: a file
/// goes through the writer thread) gets one multi-row statement. PostgreSQL gets the same single-row statement per payment inside one transaction:
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

/// Every column, in [`payment::Model`]'s order.
macro_rules! columns {
    () => {
        "id, merchant_id, reference, request_signature, request_fields, amount_minor, \
         amount_text, currency, test, transaction_type, status, declines, message, csrf_token, \
         url_complete, url_cancel, url_callback, locale, card_brand, card_last4, \
         gateway_reference, response, settle_at, created_at, updated_at, authorized_minor, \
         captured_minor, refunded_minor"
    };
}

const INSERT_SQLITE: &str = concat!(
    "INSERT INTO payments (",
    columns!(),
    ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, \
     ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28) \
     ON CONFLICT (merchant_id, reference) DO NOTHING"
);
const BY_ID_SQLITE: &str = concat!("SELECT ", columns!(), " FROM payments WHERE id = ?1");
const BY_REFERENCE_SQLITE: &str = concat!(
    "SELECT ",
    columns!(),
    " FROM payments WHERE merchant_id = ?1 AND reference = ?2"
);
const BY_GATEWAY_REFERENCE_SQLITE: &str = concat!(
    "SELECT ",
    columns!(),
    " FROM payments WHERE merchant_id = ?1 AND gateway_reference = ?2"
);

fn model_params(m: &payment::Model) -> [&dyn rusqlite::ToSql; 28] {
    [
        &m.id,
        &m.merchant_id,
        &m.reference,
        &m.request_signature,
        &m.request_fields,
        &m.amount_minor,
        &m.amount_text,
        &m.currency,
        &m.test,
        &m.transaction_type,
        &m.status,
        &m.declines,
        &m.message,
        &m.csrf_token,
        &m.url_complete,
        &m.url_cancel,
        &m.url_callback,
        &m.locale,
        &m.card_brand,
        &m.card_last4,
        &m.gateway_reference,
        &m.response,
        &m.settle_at,
        &m.created_at,
        &m.updated_at,
        &m.authorized_minor,
        &m.captured_minor,
        &m.refunded_minor,
    ]
}

fn model_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<payment::Model> {
    Ok(payment::Model {
        id: r.get(0)?,
        merchant_id: r.get(1)?,
        reference: r.get(2)?,
        request_signature: r.get(3)?,
        request_fields: r.get(4)?,
        amount_minor: r.get(5)?,
        amount_text: r.get(6)?,
        currency: r.get(7)?,
        test: r.get(8)?,
        transaction_type: r.get(9)?,
        status: r.get(10)?,
        declines: r.get(11)?,
        message: r.get(12)?,
        csrf_token: r.get(13)?,
        url_complete: r.get(14)?,
        url_cancel: r.get(15)?,
        url_callback: r.get(16)?,
        locale: r.get(17)?,
        card_brand: r.get(18)?,
        card_last4: r.get(19)?,
        gateway_reference: r.get(20)?,
        response: r.get(21)?,
        settle_at: r.get(22)?,
        created_at: r.get(23)?,
        updated_at: r.get(24)?,
        authorized_minor: r.get(25)?,
        captured_minor: r.get(26)?,
        refunded_minor: r.get(27)?,
    })
}

/// One payment by an SQLite reader, in place.
fn read_one(
    lite: &super::lite::Lite,
    sql: &str,
    params: impl rusqlite::Params,
) -> anyhow::Result<Option<Payment>> {
    use rusqlite::OptionalExtension;
    lite.read(|c| {
        c.prepare_cached(sql)?
            .query_row(params, model_from_row)
            .optional()?
            .map(Payment::try_from)
            .transpose()
    })
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
    // One draw from the OS for the payment's three random values.
    let random = random_bytes::<32>();
    let model = payment::Model {
        id: sortable_hex_with(&random[..10]),
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
        csrf_token: hex::encode(&random[10..26]),
        url_complete: request.url_complete.to_string(),
        url_cancel: request.url_cancel.to_string(),
        url_callback: request.url_callback.to_string(),
        locale: request.locale.clone(),
        card_brand: None,
        card_last4: None,
        gateway_reference: format!("gw_{}", sortable_hex_with(&random[26..])),
        response: None,
        settle_at: None,
        created_at: now,
        updated_at: now,
        authorized_minor: 0,
        captured_minor: 0,
        refunded_minor: 0,
    };
    let id = model.id.clone();
    if writer.insert(model).await? {
        return Ok(Stored::New(id));
    }
    let existing = find_by_reference(db, &request.account_id, &request.reference)
        .await?
        .context("a duplicate reference without its payment")?;
    Ok(Stored::Existing(Box::new(existing)))
}

pub async fn find(db: &Db, id: &str) -> anyhow::Result<Option<Payment>> {
    if let Some(lite) = db.lite() {
        return read_one(lite, BY_ID_SQLITE, [id]);
    }
    payment::Entity::find_by_id(id.to_string())
        .one(db.orm())
        .await?
        .map(Payment::try_from)
        .transpose()
}

pub async fn find_by_reference(
    db: &Db,
    merchant_id: &str,
    reference: &str,
) -> anyhow::Result<Option<Payment>> {
    if let Some(lite) = db.lite() {
        return read_one(lite, BY_REFERENCE_SQLITE, [merchant_id, reference]);
    }
    payment::Entity::find()
        .filter(Column::MerchantId.eq(merchant_id))
        .filter(Column::Reference.eq(reference))
        .one(db.orm())
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
    if let Some(lite) = db.lite() {
        return read_one(
            lite,
            BY_GATEWAY_REFERENCE_SQLITE,
            [merchant_id, gateway_reference],
        );
    }
    payment::Entity::find()
        .filter(Column::MerchantId.eq(merchant_id))
        .filter(Column::GatewayReference.eq(gateway_reference))
        .one(db.orm())
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

/// The conditional update behind [`Change`]: optional parts keep the stored value when unset.
const CHANGE_IF: &str = "UPDATE payments SET status = $1, declines = $2, message = $3,
        settle_at = $4, updated_at = $5,
        card_brand = COALESCE($6, card_brand), card_last4 = COALESCE($7, card_last4),
        authorized_minor = COALESCE($8, authorized_minor),
        captured_minor = COALESCE($9, captured_minor),
        response = COALESCE($10, response)
    WHERE id = $11 AND status = $12 AND declines = $13";

fn change_values(
    id: &str,
    from: Status,
    from_declines: i32,
    change: &Change<'_>,
) -> anyhow::Result<Vec<sea_orm::Value>> {
    let response = match change.response {
        Some(r) => Some(serde_json::to_string(r)?),
        None => None,
    };
    Ok(vec![
        change.status.as_str().into(),
        change.declines.into(),
        change.message.map(str::to_string).into(),
        change.settle_at.map(super::millis).into(),
        now_millis().into(),
        change.card.map(|(b, _)| b.to_string()).into(),
        change.card.map(|(_, l)| l.to_string()).into(),
        change.money.map(|(a, _)| a).into(),
        change.money.map(|(_, c)| c).into(),
        response.into(),
        id.into(),
        from.as_str().into(),
        from_declines.into(),
    ])
}

/// Applies `change` if the payment is in `from` with `from_declines`, and queues `callback` with
/// it (one transaction: both or neither); returns whether the payment changed. Nothing is
/// queued when it did not.
pub async fn change_if(
    db: &Db,
    id: &str,
    from: Status,
    from_declines: i32,
    change: Change<'_>,
    callback: Option<NewCallback>,
) -> anyhow::Result<bool> {
    let values = change_values(id, from, from_declines, &change)?;
    if let Some(lite) = db.lite() {
        return lite
            .write(move |c| {
                let changed = super::lite::exec(c, CHANGE_IF, values)? == 1;
                if changed && let Some(cb) = &callback {
                    callbacks::enqueue_sqlite(c, cb, now_millis())?;
                }
                Ok(changed)
            })
            .await
            .context("updating a payment");
    }
    let txn = db.begin().await?;
    let changed = txn
        .execute_raw(statement(txn.get_database_backend(), CHANGE_IF, values))
        .await
        .context("updating a payment")?
        .rows_affected()
        == 1;
    if changed && let Some(cb) = &callback {
        callbacks::enqueue(&txn, cb, now_millis()).await?;
    }
    txn.commit().await?;
    Ok(changed)
}

const SET_STATUS_IF: &str =
    "UPDATE payments SET status = $1, updated_at = $2 WHERE id = $3 AND status = $4";

/// Moves a payment from one status to another without other changes.
pub async fn set_status_if(db: &Db, id: &str, from: Status, to: Status) -> anyhow::Result<bool> {
    let values: Vec<sea_orm::Value> = vec![
        to.as_str().into(),
        now_millis().into(),
        id.into(),
        from.as_str().into(),
    ];
    let changed = match db.lite() {
        Some(lite) => {
            lite.write_statement(move |c| Ok(super::lite::exec(c, SET_STATUS_IF, values)?))
                .await
        }
        None => Ok(db
            .execute_raw(statement(db.get_database_backend(), SET_STATUS_IF, values))
            .await?
            .rows_affected() as usize),
    }
    .context("updating a payment")?;
    Ok(changed == 1)
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
        .all(db.orm())
        .await?
        .into_iter()
        .map(Payment::try_from)
        .collect()
}
