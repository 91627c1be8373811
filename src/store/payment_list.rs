//! Payments as the dashboard and operators look at them: a merchant's payments newest first,
//! filtered by status, reference and date, paged by cursor; one payment of the merchant's; and
//! the few facts of a payment's life that no other table keeps (`payment_events`: the first time
//! its page was shown). The timeline built from all of them is in [`timeline`].
//!
//! The cursor is the payment id, which starts with its creation time in milliseconds (12 hex
//! digits, [`crate::crypto::sortable_hex`]): `ORDER BY id DESC` is newest first, the next page
//! is `id < cursor`, and a date range is a range of ids, so one index range scan of
//! `(merchant_id, id)` or `(merchant_id, status, id)` answers every page at the same cost,
//! however deep (BENCHMARKS.md, payments list). A reference is unique per merchant: that filter
//! is one look-up by the `(merchant_id, reference)` index.

pub mod timeline;

use super::db::Db;
use super::payments::{Payment, columns, payment};
use super::sql::{Row, Sql};
use crate::domain::money::{Amount, Currency};
use crate::domain::payment::Status;
use crate::domain::request::TransactionType;
use anyhow::anyhow;
use std::collections::HashSet;
use std::sync::{LazyLock, Mutex};

/// What to list; every part optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub status: Option<Status>,
    pub reference: Option<String>,
    /// Created at or after (milliseconds since the epoch).
    pub from: Option<i64>,
    /// Created before (milliseconds since the epoch).
    pub until: Option<i64>,
    /// Test payments only (`true`) or live ones only (`false`): an API key sees its mode's.
    pub test: Option<bool>,
    /// Of captured payments, those with no refund, part refunded, or all refunded.
    pub refunded: Option<Refunded>,
}

/// How much of a captured payment was refunded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refunded {
    None,
    Partly,
    Fully,
}

impl Refunded {
    fn as_str(self) -> &'static str {
        match self {
            Refunded::None => "none",
            Refunded::Partly => "partly",
            Refunded::Fully => "fully",
        }
    }

    fn matches(self, captured: i64, refunded: i64) -> bool {
        match self {
            Refunded::None => refunded == 0,
            Refunded::Partly => refunded > 0 && refunded < captured,
            Refunded::Fully => refunded > 0 && refunded >= captured,
        }
    }
}

/// One payment as a list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub id: String,
    pub merchant_id: String,
    pub reference: String,
    pub amount: Amount,
    pub status: Status,
    pub test: bool,
    pub transaction_type: TransactionType,
    pub card_brand: Option<String>,
    pub card_last4: Option<String>,
    pub created_at: i64,
    pub captured: i64,
    pub refunded: i64,
}

/// One page of a list, and the cursor of the next one if there are more.
#[derive(Debug, Clone)]
pub struct Page {
    pub rows: Vec<Listed>,
    pub next: Option<String>,
}

macro_rules! listed_columns {
    () => {
        "id, merchant_id, reference, amount_minor, currency, status, test, transaction_type, \
         card_brand, card_last4, created_at, captured_minor, refunded_minor"
    };
}

fn listed(r: &Row<'_>) -> anyhow::Result<Listed> {
    let id: String = r.get(0)?;
    let bad = |what: &str| anyhow!("payment {id} has an unreadable {what}");
    let currency = Currency::parse(&r.get::<String>(4)?).ok_or_else(|| bad("currency"))?;
    Ok(Listed {
        merchant_id: r.get(1)?,
        reference: r.get(2)?,
        amount: Amount::from_minor(r.get(3)?, currency),
        status: Status::parse(&r.get::<String>(5)?).ok_or_else(|| bad("status"))?,
        test: r.get(6)?,
        transaction_type: TransactionType::parse(&r.get::<String>(7)?)
            .ok_or_else(|| bad("transaction type"))?,
        card_brand: r.get(8)?,
        card_last4: r.get(9)?,
        created_at: r.get(10)?,
        captured: r.get(11)?,
        refunded: r.get(12)?,
        id,
    })
}

/// `$2 <= id < $3`: the date range and the cursor as a range of ids.
static LIST: Sql = Sql::new(concat!(
    "SELECT ",
    listed_columns!(),
    " FROM payments WHERE merchant_id = $1 AND id >= $2 AND id < $3
       AND ($5 IS NULL OR test = $5)
     ORDER BY id DESC LIMIT $4"
));
/// The `$6` refund state of [`Refunded`], in SQL.
macro_rules! refunded_is {
    () => {
        "($6 IS NULL
          OR ($6 = 'none' AND refunded_minor = 0)
          OR ($6 = 'partly' AND refunded_minor > 0 AND refunded_minor < captured_minor)
          OR ($6 = 'fully' AND refunded_minor > 0 AND refunded_minor >= captured_minor))"
    };
}
/// The page's ids first, from the `(merchant_id, status, id)` index alone, then their rows:
/// asked for the rows at once, SQLite (which has no statistics here) walks `(merchant_id, id)`
/// and tests every row's status, ~5,000 rows for a page of a 1 % status.
static LIST_BY_STATUS: Sql = Sql::new(concat!(
    "SELECT ",
    listed_columns!(),
    " FROM payments WHERE id IN (SELECT id FROM payments
         WHERE merchant_id = $1 AND status = $4 AND id >= $2 AND id < $3
           AND ($7 IS NULL OR test = $7) AND ",
    refunded_is!(),
    "
         ORDER BY id DESC LIMIT $5)
     ORDER BY id DESC"
));
/// Every merchant's, for operators (the CLI): newest first by the primary key.
static LIST_ALL: Sql = Sql::new(concat!(
    "SELECT ",
    listed_columns!(),
    " FROM payments WHERE ($1 IS NULL OR status = $1) ORDER BY id DESC LIMIT $2"
));
static BY_REFERENCE: Sql = Sql::new(concat!(
    "SELECT ",
    listed_columns!(),
    " FROM payments WHERE merchant_id = $1 AND reference = $2"
));
static OF_MERCHANT: Sql = Sql::new(concat!(
    "SELECT ",
    columns!(),
    ", created_at, updated_at FROM payments WHERE merchant_id = $1 AND id = $2"
));

/// The lowest id of a payment created at `ms` or later.
fn id_at(ms: i64) -> String {
    format!("{:012x}", ms.clamp(0, 0xffff_ffff_ffff))
}

/// Above every id (ids are lower-case hex).
const ABOVE_ALL: &str = "g";

/// Whether `text` can be a payment id (32 lower-case hex digits); anything else is not worth a
/// query.
pub fn is_payment_id(text: &str) -> bool {
    text.len() == 32 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// A page of the merchant's payments, newest first: at most `limit` of those `filter` selects,
/// older than the payment `after` if given (a cursor from an earlier [`Page::next`]).
pub async fn list(
    db: &Db,
    merchant_id: &str,
    filter: &Filter,
    after: Option<&str>,
    limit: usize,
) -> anyhow::Result<Page> {
    let lo = filter.from.map(id_at).unwrap_or_default();
    let mut hi = filter.until.map_or(ABOVE_ALL.to_string(), id_at);
    if let Some(cursor) = after.filter(|c| *c < hi.as_str()) {
        hi = cursor.to_string();
    }
    if let Some(reference) = &filter.reference {
        // Unique per merchant: one look-up by its index, then the other filters.
        let found = db
            .fetch_optional(
                &BY_REFERENCE,
                params![merchant_id, reference.as_str()],
                listed,
            )
            .await?;
        let rows = found
            .filter(|p| {
                p.id >= lo
                    && p.id < hi
                    && filter.status.is_none_or(|s| s == p.status)
                    && filter.test.is_none_or(|t| t == p.test)
                    && filter
                        .refunded
                        .is_none_or(|r| r.matches(p.captured, p.refunded))
            })
            .into_iter()
            .collect();
        return Ok(Page { rows, next: None });
    }
    let fetch = i64::try_from(limit).unwrap_or(i64::MAX - 1) + 1;
    let mut rows = match filter.status {
        None => {
            let values = params![merchant_id, lo, hi, fetch, filter.test];
            db.fetch_all(&LIST, values, listed).await?
        }
        Some(s) => {
            let refunded = filter.refunded.map(Refunded::as_str);
            let values = params![
                merchant_id,
                lo,
                hi,
                s.as_str(),
                fetch,
                refunded,
                filter.test
            ];
            db.fetch_all(&LIST_BY_STATUS, values, listed).await?
        }
    };
    let next = (rows.len() > limit).then(|| {
        rows.truncate(limit);
        rows.last().map(|r| r.id.clone()).unwrap_or_default()
    });
    Ok(Page { rows, next })
}

/// Every merchant's payments, newest first (operators only: the dashboard lists one merchant's).
pub async fn list_all(
    db: &Db,
    status: Option<Status>,
    limit: usize,
) -> anyhow::Result<Vec<Listed>> {
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    db.fetch_all(
        &LIST_ALL,
        params![status.map(|s| s.as_str()), limit],
        listed,
    )
    .await
}

/// A payment of the merchant's, with when it was created and last changed.
#[derive(Debug, Clone)]
pub struct Found {
    pub payment: Payment,
    pub created_at: i64,
    pub updated_at: i64,
}

fn found(r: &Row<'_>) -> anyhow::Result<Found> {
    // The two times follow the payment's columns, however many those are.
    let after = columns!().matches(',').count() + 1;
    Ok(Found {
        payment: payment(r)?,
        created_at: r.get(after)?,
        updated_at: r.get(after + 1)?,
    })
}

/// The merchant's payment `id`; `None` for another merchant's (no existence oracle, T28).
pub async fn find(db: &Db, merchant_id: &str, id: &str) -> anyhow::Result<Option<Found>> {
    if !is_payment_id(id) {
        return Ok(None);
    }
    db.fetch_optional(&OF_MERCHANT, params![merchant_id, id], found)
        .await
}

/// A fact of a payment's life that no other table keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    pub kind: String,
    pub detail: String,
    pub at: i64,
}

/// The kind of the first view of a payment's page.
pub const PAGE_SHOWN: &str = "page_shown";

/// At most one row a payment (a unique partial index): later views insert nothing.
static RECORD_ONCE: Sql = Sql::new(
    "INSERT INTO payment_events (payment_id, kind, detail, at) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING",
);
static EVENTS: Sql =
    Sql::new("SELECT kind, detail, at FROM payment_events WHERE payment_id = $1 ORDER BY at, id");

/// Payments whose first view this process has recorded (or found recorded): every later view
/// costs no write. Bounded: forgotten ids only cost one more insert that does nothing.
static SHOWN: LazyLock<Mutex<HashSet<String>>> = LazyLock::new(Default::default);
const MAX_SHOWN: usize = 100_000;

/// The set, even if a thread panicked holding it: a set of ids is never half-changed in a way
/// that matters (at worst one more insert that does nothing), so a panic must not poison every
/// later page view.
fn shown() -> std::sync::MutexGuard<'static, HashSet<String>> {
    SHOWN.lock().unwrap_or_else(|p| p.into_inner())
}

/// Records the first time the payment's page was shown (`detail`: what it showed). One
/// insert, grouped with the others arriving together, the first time this process shows the
/// page; nothing after that.
pub async fn record_page_shown(
    db: &Db,
    payment_id: &str,
    detail: &str,
    at: i64,
) -> anyhow::Result<()> {
    if shown().contains(payment_id) {
        return Ok(());
    }
    db.exec_grouped(&RECORD_ONCE, params![payment_id, PAGE_SHOWN, detail, at])
        .await?;
    let mut shown = shown();
    if shown.len() >= MAX_SHOWN {
        shown.clear();
    }
    shown.insert(payment_id.to_string());
    Ok(())
}

/// The recorded facts of a payment found for its merchant, oldest first.
async fn recorded(db: &Db, payment: &Payment) -> anyhow::Result<Vec<Recorded>> {
    db.fetch_all(&EVENTS, params![payment.id.as_str()], |r| {
        Ok(Recorded {
            kind: r.get(0)?,
            detail: r.get(1)?,
            at: r.get(2)?,
        })
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_holding_the_shown_set_does_not_poison_it() {
        let _ = std::thread::spawn(|| {
            let _held = shown();
            panic!("a panic while the set is held");
        })
        .join();
        assert!(SHOWN.is_poisoned());
        shown().insert("after-the-panic".into());
        assert!(shown().contains("after-the-panic"));
    }

    #[test]
    fn a_date_is_a_bound_on_ids_and_a_cursor_narrows_it() {
        // An id made at a millisecond sorts at or above that millisecond's bound, below the
        // next one's.
        let id = format!("{}{}", id_at(1_764_000_000_123), "ab".repeat(10));
        assert!(is_payment_id(&id));
        assert!(id.as_str() >= id_at(1_764_000_000_123).as_str());
        assert!(id.as_str() < id_at(1_764_000_000_124).as_str());
        assert!(id.as_str() < ABOVE_ALL);
        assert_eq!(id_at(-5), "000000000000");
        for not_an_id in [
            "",
            "ABCDEF",
            &id.to_uppercase(),
            &format!("{id}0"),
            "g".repeat(32).as_str(),
        ] {
            assert!(!is_payment_id(not_an_id), "{not_an_id}");
        }
    }
}
