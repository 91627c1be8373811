//! Payments list benchmark (not a test): the dashboard's list queries on a merchant with
//! 1,000,000 payments (and a second merchant with 100,000 between them), timed through the
//! store as the dashboard calls it: the first page and a deep one (the cursor 500,000 payments
//! down), unfiltered and filtered by status, date and reference.
//!
//!     cargo bench --bench payments_list                      # SQLite (a temporary file)
//!     cargo bench --bench payments_list -- --postgres URL    # PostgreSQL (a scratch database)
//!     cargo bench --bench payments_list -- --n 200000 --runs 100
//!
//! The payments are written directly, 1,000 to a multi-row INSERT and 100,000 to a
//! transaction, one a minute over the last two years (their ids carry those times, as the
//! gateway's do), with a realistic mix of states and a stored request of the usual size. The
//! indexes are the migrations' own, in place while the rows go in. SQLite is left without
//! statistics, as the gateway leaves it; PostgreSQL is analyzed, as autovacuum would.

#[path = "support/postgres.rs"]
mod postgres;

use offsite_gateway::config::Settings;
use offsite_gateway::crypto::MasterKey;
use offsite_gateway::domain::payment::Status;
use offsite_gateway::store::payment_list::{self, Filter};
use offsite_gateway::store::{self, Db, merchants};
use sea_orm::{ConnectionTrait, TransactionTrait};
use std::time::{Duration, Instant};

const MERCHANT: &str = "acct_bench";
const NEIGHBOUR: &str = "acct_neighbour";
const MINUTE: i64 = 60_000;
const PAGE: usize = 50;

/// The state of payment `i`: 70 % captured, 10 % authorized, 8 % failed, 5 % open, 4 %
/// cancelled, 1 % each pending, voided and expired.
fn status_of(i: i64) -> &'static str {
    match i % 100 {
        0..70 => "captured",
        70..80 => "authorized",
        80..88 => "failed",
        88..93 => "open",
        93..97 => "cancelled",
        97 => "pending",
        98 => "voided",
        _ => "expired",
    }
}

/// A payment id made at `ms`, unique by `i` (the gateway's: 12 hex digits of time, then 20
/// random ones).
fn id_at(ms: i64, i: i64, merchant: u8) -> String {
    format!("{ms:012x}{merchant:02x}{i:018x}")
}

fn row(merchant: &str, m: u8, i: i64, ms: i64) -> String {
    let id = id_at(ms, i, m);
    let status = status_of(i);
    let paid = matches!(status, "captured" | "authorized" | "voided");
    let (card_brand, card_last4) = if paid || status == "failed" {
        ("'visa'", "'4242'")
    } else {
        ("NULL", "NULL")
    };
    let amount = 1_000 + (i * 7_919) % 99_000;
    let captured = if status == "captured" { amount } else { 0 };
    let authorized = if paid { amount } else { 0 };
    let fields = format!(
        r#"[["x_account_id","{merchant}"],["x_amount","{}.{:02}"],["x_currency","USD"],["x_reference","order-{i}"],["x_shop_country","US"],["x_shop_name","Widgets Inc"],["x_test","true"],["x_url_callback","https://shop.example.com/callback"],["x_url_cancel","https://shop.example.com/cart"],["x_url_complete","https://shop.example.com/orders/{i}/done"],["x_description","Two widgets"]]"#,
        amount / 100,
        amount % 100
    );
    format!(
        "('{id}', '{merchant}', 'order-{i}', '{sig}', '{fields}', {amount}, '{}.{:02}', 'USD', \
         TRUE, 'sale', '{status}', 0, '{csrf}', 'https://shop.example.com/orders/{i}/done', \
         'https://shop.example.com/cart', 'https://shop.example.com/callback', {card_brand}, \
         {card_last4}, 'gw_{id}', {ms}, {ms}, {authorized}, {captured}, 0)",
        amount / 100,
        amount % 100,
        sig = "ab".repeat(32),
        csrf = "cd".repeat(16),
    )
}

const INSERT: &str = "INSERT INTO payments (id, merchant_id, reference, request_signature, \
    request_fields, amount_minor, amount_text, currency, test, transaction_type, status, \
    declines, csrf_token, url_complete, url_cancel, url_callback, card_brand, card_last4, \
    gateway_reference, created_at, updated_at, authorized_minor, captured_minor, refunded_minor) \
    VALUES ";

/// Writes `n` payments of the merchant, one a minute from `start`, and one of the neighbour's
/// every ten minutes between them; returns the rows written.
async fn fill(db: &Db, n: i64, start: i64) -> i64 {
    let orm = db.orm();
    let (per_statement, per_transaction) = (1_000, 100_000);
    let mut written = 0;
    let mut i = 0;
    while i < n {
        let txn = orm.begin().await.unwrap();
        let end = (i + per_transaction).min(n);
        while i < end {
            let to = (i + per_statement).min(end);
            let mut rows: Vec<String> = (i..to)
                .map(|k| row(MERCHANT, 1, k, start + k * MINUTE))
                .collect();
            rows.extend(
                (i..to)
                    .filter(|k| k % 10 == 0)
                    .map(|k| row(NEIGHBOUR, 2, k, start + k * MINUTE + MINUTE / 2)),
            );
            written += rows.len() as i64;
            txn.execute_unprepared(&format!("{INSERT}{}", rows.join(", ")))
                .await
                .unwrap();
            i = to;
        }
        txn.commit().await.unwrap();
    }
    written
}

struct Case {
    name: String,
    filter: Filter,
    after: Option<String>,
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let n: i64 = arg("--n").map(|v| v.parse().unwrap()).unwrap_or(1_000_000);
    let runs: usize = arg("--runs").map(|v| v.parse().unwrap()).unwrap_or(50);
    let dir = tempfile::tempdir().unwrap();
    let (label, url, scratch) = postgres::bench_database(arg("--postgres"), dir.path()).await;
    let settings = Settings {
        database_url: url,
        db_max_connections: None,
        ..Settings::default()
    };
    let db = store::connect(&settings.store_options()).await.unwrap();
    let key = MasterKey::generate();
    for account in [MERCHANT, NEIGHBOUR] {
        merchants::create_with_secret(&db, &key, account, account, true, "bench-secret")
            .await
            .unwrap();
    }

    let start = store::now_millis() - n * MINUTE;
    let started = Instant::now();
    let written = fill(&db, n, start).await;
    let filled = started.elapsed();
    if scratch.is_some() {
        db.orm()
            .execute_unprepared("ANALYZE payments")
            .await
            .unwrap();
    }
    eprintln!(
        "{label}: {written} payments written in {:.1} s ({:.0}/s)",
        filled.as_secs_f64(),
        written as f64 / filled.as_secs_f64()
    );

    // The cursor half way down: the id of the merchant's (n/2)th newest payment.
    let deep = n - n / 2;
    let cursor = id_at(start + deep * MINUTE, deep, 1);
    let day = 24 * 3600 * 1000;
    let mid_day = (start + deep * MINUTE) / day * day;
    let status = |s: &str| Filter {
        status: Status::parse(s),
        ..Filter::default()
    };
    let one_day = Filter {
        from: Some(mid_day),
        until: Some(mid_day + day),
        ..Filter::default()
    };
    let cases = [
        ("first page", Filter::default(), None),
        ("deep page", Filter::default(), Some(cursor.clone())),
        ("captured (70 %), first page", status("captured"), None),
        (
            "captured (70 %), deep page",
            status("captured"),
            Some(cursor.clone()),
        ),
        ("voided (1 %), first page", status("voided"), None),
        (
            "voided (1 %), deep page",
            status("voided"),
            Some(cursor.clone()),
        ),
        ("one day, first page", one_day.clone(), None),
        (
            "one day and failed (8 %)",
            Filter {
                status: Some(Status::Failed),
                ..one_day.clone()
            },
            None,
        ),
        (
            "a reference",
            Filter {
                reference: Some(format!("order-{deep}")),
                ..Filter::default()
            },
            None,
        ),
        (
            "last page",
            Filter::default(),
            Some(id_at(start + 10 * MINUTE, 10, 1)),
        ),
    ]
    .map(|(name, filter, after)| Case {
        name: name.to_string(),
        filter,
        after,
    });

    println!(
        "| database | {n} payments: query | rows | median | p95 | max |\n|---|---|---|---|---|---|"
    );
    for case in &cases {
        let once = || payment_list::list(&db, MERCHANT, &case.filter, case.after.as_deref(), PAGE);
        let rows = once().await.unwrap().rows.len();
        for _ in 0..3 {
            once().await.unwrap();
        }
        let mut times = Vec::with_capacity(runs);
        for _ in 0..runs {
            let t = Instant::now();
            let page = once().await.unwrap();
            times.push(t.elapsed());
            assert_eq!(page.rows.len(), rows);
        }
        times.sort();
        println!(
            "| {label} | {} | {rows} | {} | {} | {} |",
            case.name,
            ms(percentile(&times, 0.5)),
            ms(percentile(&times, 0.95)),
            ms(*times.last().unwrap())
        );
    }
    if let Some(scratch) = scratch {
        drop(db);
        scratch.drop().await;
    }
}
