//! `offsite-gateway payments …`: the operators' view of payments, as the dashboard shows a
//! merchant theirs: `list` (newest first, filtered, of one merchant or of all) and `show ID`
//! (one payment's timeline, and its callbacks with every attempt), as text or JSON.

use super::time_text;
use crate::config::Settings;
use crate::domain::payment::Status;
use crate::i18n;
use crate::routes::dashboard::timeline::sentence;
use crate::startup;
use crate::store::payment_list::timeline::{self, Timeline};
use crate::store::payment_list::{self, Filter, Listed};
use crate::store::payments;
use anyhow::Context;
use clap::Subcommand;
use serde_json::json;

#[derive(Subcommand)]
pub enum PaymentsCommand {
    /// List payments, newest first.
    List {
        /// Only this merchant's payments.
        #[arg(long)]
        account: Option<String>,
        /// Only payments in this state (open, challenge, pending, authorized, captured, failed,
        /// cancelled, voided, expired).
        #[arg(long, value_parser = status_arg)]
        status: Option<Status>,
        /// The merchant's reference (unique per merchant, so it needs --account).
        #[arg(long, requires = "account")]
        reference: Option<String>,
        #[arg(long, default_value_t = 50)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// A payment's timeline: every event in order, and its callbacks with every attempt.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
}

fn status_arg(text: &str) -> Result<Status, String> {
    Status::parse(text).ok_or_else(|| format!("{text:?} is not a payment status"))
}

/// The most payments one command lists.
const MAX_LIMIT: usize = 100_000;

pub async fn run(settings: Settings, command: PaymentsCommand) -> anyhow::Result<()> {
    let (db, _, _) = startup::open(&settings).await?;
    match command {
        PaymentsCommand::List {
            account,
            status,
            reference,
            limit,
            json,
        } => {
            let limit = limit.min(MAX_LIMIT);
            let rows = match &account {
                Some(a) => {
                    let filter = Filter {
                        status,
                        reference,
                        ..Filter::default()
                    };
                    payment_list::list(&db, a, &filter, None, limit).await?.rows
                }
                None => payment_list::list_all(&db, status, limit).await?,
            };
            if json {
                let out: Vec<_> = rows.iter().map(listed_json).collect();
                println!("{}", serde_json::Value::Array(out));
            } else {
                println!(
                    "{:<32}  {:<20}  {:<16} {:<20} {:>16}  {:<10} {:<12} mode",
                    "id", "created", "account", "reference", "amount", "status", "card"
                );
                for r in rows {
                    println!(
                        "{:<32}  {:<20}  {:<16} {:<20} {:>16}  {:<10} {:<12} {}",
                        r.id,
                        time_text(r.created_at),
                        r.merchant_id,
                        r.reference,
                        r.amount.display(),
                        r.status.as_str(),
                        card(r.card_brand.as_deref(), r.card_last4.as_deref()),
                        if r.test { "test" } else { "live" }
                    );
                }
            }
        }
        PaymentsCommand::Show { id, json } => {
            let merchant = payments::find(&db, &id)
                .await?
                .map(|p| p.merchant_id)
                .with_context(|| format!("no payment {id}"))?;
            let t = timeline::timeline(&db, &merchant, &id)
                .await?
                .with_context(|| format!("no payment {id}"))?;
            if json {
                println!("{}", timeline_json(&t));
            } else {
                print_timeline(&t);
            }
        }
    }
    Ok(())
}

fn card(brand: Option<&str>, last4: Option<&str>) -> String {
    match (brand, last4) {
        (Some(b), Some(l)) => format!("{b} {l}"),
        _ => "-".into(),
    }
}

fn listed_json(r: &Listed) -> serde_json::Value {
    json!({
        "id": r.id,
        "account_id": r.merchant_id,
        "reference": r.reference,
        "status": r.status.as_str(),
        "amount": r.amount.display(),
        "amount_minor": r.amount.minor(),
        "currency": r.amount.currency().code(),
        "transaction_type": r.transaction_type.as_str(),
        "test": r.test,
        "card_brand": r.card_brand,
        "card_last4": r.card_last4,
        "captured_minor": r.captured,
        "refunded_minor": r.refunded,
        "created_at": time_text(r.created_at),
    })
}

fn timeline_json(t: &Timeline) -> serde_json::Value {
    // Operators read English; the dashboard's sentences are the same messages.
    let english = i18n::english();
    let p = &t.found.payment;
    let callbacks: Vec<_> = t
        .callbacks
        .iter()
        .map(|(c, attempts)| {
            json!({
                "id": c.id,
                "status": c.status,
                "result": c.result,
                "operation_id": c.operation_id,
                "url": c.url,
                "created_at": time_text(c.created_at),
                "attempts": attempts.iter().map(|a| json!({
                    "attempt": a.attempt_no,
                    "at": time_text(a.started_at),
                    "duration_ms": a.duration_ms,
                    "http_status": a.http_status,
                    "error": a.error_kind,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "payment": {
            "id": p.id,
            "account_id": p.merchant_id,
            "reference": p.reference,
            "gateway_reference": p.gateway_reference,
            "status": p.status.as_str(),
            "amount": p.amount.display(),
            "amount_minor": p.amount.minor(),
            "currency": p.amount.currency().code(),
            "transaction_type": p.transaction_type.as_str(),
            "test": p.test,
            "card_brand": p.card_brand,
            "card_last4": p.card_last4,
            "authorized_minor": p.authorized,
            "captured_minor": p.captured,
            "refunded_minor": p.refunded,
            "created_at": time_text(t.found.created_at),
        },
        "timeline": t.events.iter().map(|e| json!({
            "at": time_text(e.at),
            "kind": e.what.kind(),
            "text": sentence(&english, &e.what),
        })).collect::<Vec<_>>(),
        "callbacks": callbacks,
    })
}

fn print_timeline(t: &Timeline) {
    let p = &t.found.payment;
    println!("payment    {}", p.id);
    println!("account    {}", p.merchant_id);
    println!("reference  {}", p.reference);
    println!(
        "amount     {} ({}, {})",
        p.amount.display(),
        p.transaction_type.as_str(),
        if p.test { "test" } else { "live" }
    );
    println!("status     {}", p.status.as_str());
    println!();
    let english = i18n::english();
    for e in &t.events {
        let text = sentence(&english, &e.what);
        println!("{}  {:<16}  {}", time_text(e.at), e.what.kind(), text);
    }
}
