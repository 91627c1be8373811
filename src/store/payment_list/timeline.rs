//! One payment's timeline: every event of its life in order, merged from what the store already
//! records and never written twice. The payment row gives the request; `payment_events` the
//! first view of its page; the test processor's ledger every card attempt, decline and 3-D
//! Secure step (keyed `{payment}:{n}` and `{payment}:{n}:3ds`); each payment-state callback the
//! outcome it reports (it is written in the same unit of work as the change, so its time is the
//! change's; a resend copies an earlier body and is no new outcome); `operations` each capture,
//! refund and void; `callbacks` and `callback_attempts` each callback with every attempt.
//!
//! An event is values, never a sentence: the dashboard says it in the reader's language
//! (`routes::dashboard::timeline`), the CLI in English, and the store knows no language.

use super::{Found, PAGE_SHOWN, Recorded, find, recorded};
use crate::domain::money::Amount;
use crate::domain::operations::OperationKind;
use crate::domain::payment::Status;
use crate::domain::request::TransactionType;
use crate::store::callbacks::{self, Answer, Attempt, Callback};
use crate::store::db::Db;
use crate::store::operations::{self, OperationRow};
use crate::store::sql::Sql;

/// One event: when (milliseconds) and what happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub at: i64,
    pub what: What,
}

/// What happened, with the values a sentence about it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum What {
    /// The storefront's payment request arrived.
    Request {
        amount: Amount,
        transaction_type: TransactionType,
        test: bool,
    },
    /// The shopper first saw the payment page.
    PageShown,
    /// A card attempt at the test processor; `attempt` counts from 1. `why` is the processor's
    /// message, if it gave one.
    Charge {
        attempt: i64,
        brand: String,
        last4: String,
        outcome: Charge,
        why: Option<String>,
    },
    /// The 3-D Secure step of card attempt `attempt`.
    ThreeDs {
        attempt: i64,
        passed: bool,
        why: Option<String>,
    },
    /// The outcome a callback reports (`x_result`, and its `x_message` if any).
    Outcome { result: String, why: Option<String> },
    /// The shopper cancelled on the payment page.
    Cancelled,
    /// A capture, refund or void; a capture or refund has its amount.
    Operation {
        kind: OperationKind,
        id: String,
        amount: Option<Amount>,
    },
    /// A callback queued: what it reports (`x_result`, and the operation it is about) and where.
    Callback {
        id: i64,
        result: String,
        operation: Option<String>,
        url: String,
    },
    /// One attempt at delivering callback `callback`.
    CallbackAttempt {
        callback: i64,
        attempt: i32,
        answer: Answer,
        duration_ms: i64,
    },
}

/// What the test processor answered a card attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Charge {
    Approved,
    Declined,
    Pending,
    /// It asked for a 3-D Secure challenge.
    Challenge,
    Error,
}

impl What {
    /// A stable name of the kind of event (the page's `data-kind`, the CLI's `kind`).
    pub fn kind(&self) -> &'static str {
        match self {
            What::Request { .. } => "request",
            What::PageShown => "page_shown",
            What::Charge { outcome, .. } => match outcome {
                Charge::Approved => "charge.approved",
                Charge::Declined => "charge.declined",
                Charge::Pending => "charge.pending",
                Charge::Challenge => "3ds.challenge",
                Charge::Error => "charge.error",
            },
            What::ThreeDs { passed: true, .. } => "3ds.passed",
            What::ThreeDs { passed: false, .. } => "3ds.failed",
            What::Outcome { .. } => "outcome",
            What::Cancelled => "cancelled",
            What::Operation { kind, .. } => kind.as_str(),
            What::Callback { .. } => "callback",
            What::CallbackAttempt { .. } => "callback.attempt",
        }
    }
}

/// A payment of the merchant's with its timeline, and its callbacks with every attempt.
#[derive(Debug, Clone)]
pub struct Timeline {
    pub found: Found,
    pub events: Vec<Event>,
    pub callbacks: Vec<(Callback, Vec<Attempt>)>,
}

/// One entry of the test processor's ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerEntry {
    pub key: String,
    pub outcome: String,
    pub message: Option<String>,
    pub card_brand: String,
    pub card_last4: String,
    pub at: i64,
}

static LEDGER: Sql = Sql::new(
    "SELECT idempotency_key, outcome, message, card_brand, card_last4, created_at
     FROM test_processor_charges WHERE payment_id = $1 ORDER BY created_at, idempotency_key",
);

/// The timeline of the merchant's payment `id`; `None` for another merchant's (T28).
pub async fn timeline(db: &Db, merchant_id: &str, id: &str) -> anyhow::Result<Option<Timeline>> {
    let Some(found) = find(db, merchant_id, id).await? else {
        return Ok(None);
    };
    // Everything below belongs to a payment found for this merchant.
    let p = &found.payment;
    let page = recorded(db, p).await?;
    let ledger = db
        .fetch_all(&LEDGER, params![p.id.as_str()], |r| {
            Ok(LedgerEntry {
                key: r.get(0)?,
                outcome: r.get(1)?,
                message: r.get(2)?,
                card_brand: r.get(3)?,
                card_last4: r.get(4)?,
                at: r.get(5)?,
            })
        })
        .await?;
    let ops = operations::for_payment(db, &p.id).await?;
    let mut with_attempts = Vec::new();
    for c in callbacks::for_payment(db, &p.id).await? {
        let attempts = callbacks::attempts(db, c.id).await?;
        with_attempts.push((c, attempts));
    }
    let events = merge(&found, &page, &ledger, &ops, &with_attempts);
    Ok(Some(Timeline {
        found,
        events,
        callbacks: with_attempts,
    }))
}

/// A form value of a callback body.
fn value(body: &str, name: &str) -> Option<String> {
    url::form_urlencoded::parse(body.as_bytes())
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.into_owned())
        .filter(|v| !v.is_empty())
}

fn ledger_event(p_id: &str, e: &LedgerEntry) -> What {
    let rest = e.key.strip_prefix(p_id).unwrap_or("");
    let why = e.message.clone().filter(|w| !w.is_empty());
    if let Some(n) = rest.strip_suffix(":3ds") {
        return What::ThreeDs {
            attempt: n.trim_start_matches(':').parse::<i64>().unwrap_or(0) + 1,
            passed: e.outcome == "approved",
            why: why.filter(|_| e.outcome != "approved"),
        };
    }
    let outcome = match e.outcome.as_str() {
        "approved" => Charge::Approved,
        "declined" => Charge::Declined,
        "pending" => Charge::Pending,
        "challenge" => Charge::Challenge,
        _ => Charge::Error,
    };
    What::Charge {
        attempt: rest.trim_start_matches(':').parse::<i64>().unwrap_or(0) + 1,
        brand: e.card_brand.clone(),
        last4: e.card_last4.clone(),
        outcome,
        // Only a refusal has a reason worth telling.
        why: why.filter(|_| matches!(outcome, Charge::Declined | Charge::Error)),
    }
}

fn operation_event(o: &OperationRow, p: &Found) -> What {
    let currency = p.payment.amount.currency();
    What::Operation {
        kind: OperationKind::parse(&o.kind).unwrap_or(OperationKind::Void),
        id: o.id.clone(),
        amount: o.amount_minor.map(|m| Amount::from_minor(m, currency)),
    }
}

/// The events in order: by time; at the same millisecond, in the order things happen (the
/// request, its page, the processor, the outcome, an operation, its callback, an attempt).
fn merge(
    found: &Found,
    page: &[Recorded],
    ledger: &[LedgerEntry],
    ops: &[OperationRow],
    callbacks: &[(Callback, Vec<Attempt>)],
) -> Vec<Event> {
    let p = &found.payment;
    let mut all: Vec<(i64, u8, Event)> = Vec::new();
    let mut push = |at: i64, rank: u8, what: What| {
        all.push((at, rank, Event { at, what }));
    };
    push(
        found.created_at,
        0,
        What::Request {
            amount: p.amount,
            transaction_type: p.transaction_type,
            test: p.test,
        },
    );
    for r in page.iter().filter(|r| r.kind == PAGE_SHOWN) {
        push(r.at, 1, What::PageShown);
    }
    for e in ledger {
        push(e.at, 2, ledger_event(&p.id, e));
    }
    let mut outcomes_seen: Vec<&str> = Vec::new();
    for (c, attempts) in callbacks {
        let result = value(&c.body, "x_result").unwrap_or_default();
        if c.operation_id.is_none() && !outcomes_seen.contains(&c.body.as_str()) {
            outcomes_seen.push(&c.body);
            let why = value(&c.body, "x_message");
            let outcome = What::Outcome {
                result: result.clone(),
                why,
            };
            push(c.created_at, 3, outcome);
        }
        let queued = What::Callback {
            id: c.id,
            result,
            operation: c.operation_id.clone(),
            url: c.url.clone(),
        };
        push(c.created_at, 5, queued);
        for a in attempts {
            let attempt = What::CallbackAttempt {
                callback: c.id,
                attempt: a.attempt_no,
                answer: a.answer(),
                duration_ms: a.duration_ms,
            };
            push(a.started_at, 6, attempt);
        }
    }
    if p.status == Status::Cancelled {
        push(found.updated_at, 3, What::Cancelled);
    }
    for o in ops {
        push(o.created_at, 4, operation_event(o, found));
    }
    all.sort_by_key(|(at, rank, _)| (*at, *rank));
    all.into_iter().map(|(_, _, e)| e).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(key: &str, outcome: &str, at: i64) -> LedgerEntry {
        LedgerEntry {
            key: key.into(),
            outcome: outcome.into(),
            message: (outcome == "declined").then(|| "Your card was declined.".into()),
            card_brand: "visa".into(),
            card_last4: "0002".into(),
            at,
        }
    }

    #[test]
    fn ledger_keys_say_which_attempt_and_which_step() {
        let declined = Some("Your card was declined.".to_string());
        let charge = |attempt, outcome, why: Option<String>| What::Charge {
            attempt,
            brand: "visa".into(),
            last4: "0002".into(),
            outcome,
            why,
        };
        let cases = [
            (
                "p:0",
                "declined",
                charge(1, Charge::Declined, declined.clone()),
            ),
            ("p:1", "challenge", charge(2, Charge::Challenge, None)),
            (
                "p:1:3ds",
                "approved",
                What::ThreeDs {
                    attempt: 2,
                    passed: true,
                    why: None,
                },
            ),
            (
                "p:1:3ds",
                "declined",
                What::ThreeDs {
                    attempt: 2,
                    passed: false,
                    why: declined.clone(),
                },
            ),
            ("p:2", "pending", charge(3, Charge::Pending, None)),
            ("p:0", "error", charge(1, Charge::Error, None)),
        ];
        let kinds = [
            "charge.declined",
            "3ds.challenge",
            "3ds.passed",
            "3ds.failed",
            "charge.pending",
            "charge.error",
        ];
        for ((key, outcome, want), kind) in cases.into_iter().zip(kinds) {
            let got = ledger_event("p", &entry(key, outcome, 0));
            assert_eq!(got, want, "{key} {outcome}");
            assert_eq!(got.kind(), kind, "{key} {outcome}");
        }
    }
}
