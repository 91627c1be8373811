//! One payment's timeline: every event of its life in order, merged from what the store already
//! records and never written twice. The payment row gives the request; `payment_events` the
//! first view of its page; the test processor's ledger every card attempt, decline and 3-D
//! Secure step (keyed `{payment}:{n}` and `{payment}:{n}:3ds`); each payment-state callback the
//! outcome it reports (it is written in the same unit of work as the change, so its time is the
//! change's; a resend copies an earlier body and is no new outcome); `operations` each capture,
//! refund and void; `callbacks` and `callback_attempts` each callback with every attempt.

use super::{Found, PAGE_SHOWN, Recorded, find, recorded};
use crate::domain::money::Amount;
use crate::domain::payment::Status;
use crate::store::callbacks::{self, Attempt, Callback};
use crate::store::db::Db;
use crate::store::operations::{self, OperationRow};
use crate::store::sql::Sql;

/// One event: when (milliseconds), what kind (a stable name, shown as `data-kind`), and a
/// sentence about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub at: i64,
    pub kind: &'static str,
    pub text: String,
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
fn value<'a>(body: &'a str, name: &str) -> Option<std::borrow::Cow<'a, str>> {
    url::form_urlencoded::parse(body.as_bytes())
        .find(|(n, _)| n == name)
        .map(|(_, v)| v)
        .filter(|v| !v.is_empty())
}

/// `text`, then ` — why` if there is a why.
fn with_why(text: String, why: Option<&str>) -> String {
    match why {
        Some(w) if !w.is_empty() => format!("{text} — {w}"),
        _ => text,
    }
}

fn ledger_event(p_id: &str, e: &LedgerEntry) -> (&'static str, String) {
    let rest = e.key.strip_prefix(p_id).unwrap_or("");
    let why = e.message.as_deref();
    if let Some(n) = rest.strip_suffix(":3ds") {
        let attempt = n.trim_start_matches(':').parse::<i64>().unwrap_or(0) + 1;
        return match e.outcome.as_str() {
            "approved" => (
                "3ds.passed",
                format!("3-D Secure of attempt {attempt} passed"),
            ),
            _ => (
                "3ds.failed",
                with_why(format!("3-D Secure of attempt {attempt} failed"), why),
            ),
        };
    }
    let attempt = rest.trim_start_matches(':').parse::<i64>().unwrap_or(0) + 1;
    let card = format!(
        "Card attempt {attempt} ({} ···· {})",
        e.card_brand, e.card_last4
    );
    match e.outcome.as_str() {
        "approved" => ("charge.approved", format!("{card}: approved")),
        "declined" => (
            "charge.declined",
            with_why(format!("{card}: declined"), why),
        ),
        "pending" => (
            "charge.pending",
            format!("{card}: pending at the processor"),
        ),
        "challenge" => (
            "3ds.challenge",
            format!("{card}: 3-D Secure challenge asked"),
        ),
        _ => (
            "charge.error",
            with_why(format!("{card}: processor error"), why),
        ),
    }
}

fn operation_event(o: &OperationRow, p: &Found) -> (&'static str, String) {
    let currency = p.payment.amount.currency();
    let amount = o
        .amount_minor
        .map(|m| format!(" of {}", Amount::from_minor(m, currency).display()))
        .unwrap_or_default();
    let kind = match o.kind.as_str() {
        "capture" => "capture",
        "refund" => "refund",
        _ => "void",
    };
    let name = match kind {
        "capture" => "Capture",
        "refund" => "Refund",
        _ => "Void",
    };
    (kind, format!("{name}{amount} ({})", o.id))
}

fn attempt_text(c: &Callback, a: &Attempt) -> String {
    let what = match (a.http_status, &a.error_kind) {
        (Some(s), _) => format!("HTTP {s}"),
        (None, Some(e)) => e.clone(),
        (None, None) => "no answer".into(),
    };
    format!(
        "Callback {}, attempt {}: {what} in {} ms",
        c.id, a.attempt_no, a.duration_ms
    )
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
    let mut push = |at: i64, rank: u8, kind: &'static str, text: String| {
        all.push((at, rank, Event { at, kind, text }));
    };
    push(
        found.created_at,
        0,
        "request",
        format!(
            "Payment request received: {}, {}, {}",
            p.amount.display(),
            p.transaction_type.as_str(),
            if p.test { "test" } else { "live" }
        ),
    );
    for r in page.iter().filter(|r| r.kind == PAGE_SHOWN) {
        push(r.at, 1, "page_shown", "Payment page first shown".into());
    }
    for e in ledger {
        let (kind, text) = ledger_event(&p.id, e);
        push(e.at, 2, kind, text);
    }
    let mut outcomes_seen: Vec<&str> = Vec::new();
    for (c, attempts) in callbacks {
        let result = value(&c.body, "x_result").unwrap_or_default();
        if c.operation_id.is_none() && !outcomes_seen.contains(&c.body.as_str()) {
            outcomes_seen.push(&c.body);
            let why = value(&c.body, "x_message");
            let text = with_why(format!("Outcome: {result}"), why.as_deref());
            push(c.created_at, 3, "outcome", text);
        }
        let about = match &c.operation_id {
            Some(op) => format!(" for {op}"),
            None => String::new(),
        };
        let text = format!("Callback {} queued ({result}{about}) to {}", c.id, c.url);
        push(c.created_at, 5, "callback", text);
        for a in attempts {
            push(a.started_at, 6, "callback.attempt", attempt_text(c, a));
        }
    }
    if p.status == Status::Cancelled {
        push(
            found.updated_at,
            3,
            "cancelled",
            "Cancelled by the shopper".into(),
        );
    }
    for o in ops {
        let (kind, text) = operation_event(o, found);
        push(o.created_at, 4, kind, text);
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
        let cases = [
            (
                "p:0",
                "declined",
                "charge.declined",
                "Card attempt 1 (visa ···· 0002): declined — Your card was declined.",
            ),
            (
                "p:1",
                "challenge",
                "3ds.challenge",
                "Card attempt 2 (visa ···· 0002): 3-D Secure challenge asked",
            ),
            (
                "p:1:3ds",
                "approved",
                "3ds.passed",
                "3-D Secure of attempt 2 passed",
            ),
            (
                "p:1:3ds",
                "declined",
                "3ds.failed",
                "3-D Secure of attempt 2 failed — Your card was declined.",
            ),
            (
                "p:2",
                "pending",
                "charge.pending",
                "Card attempt 3 (visa ···· 0002): pending at the processor",
            ),
            (
                "p:0",
                "error",
                "charge.error",
                "Card attempt 1 (visa ···· 0002): processor error",
            ),
        ];
        for (key, outcome, kind, text) in cases {
            let got = ledger_event("p", &entry(key, outcome, 0));
            assert_eq!(got, (kind, text.to_string()), "{key} {outcome}");
        }
    }
}
