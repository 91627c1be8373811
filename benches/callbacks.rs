//! Callback delivery benchmark (not a test): how many callbacks per second the worker delivers
//! to a local receiver that answers 200 at once, from a backlog of 10,000, and how long a
//! callback waits from its commit to its first attempt (p50, p99).
//!
//!     cargo bench --bench callbacks                      # SQLite (a temporary file)
//!     cargo bench --bench callbacks -- --postgres URL    # PostgreSQL (a database is created)
//!     cargo bench --bench callbacks -- --n 2000 --samples 200
//!
//! The worker, the receiver and the database share this machine's cores, as in production on
//! one host.

use offsite_gateway::callbacks::guard::AddressPolicy;
use offsite_gateway::callbacks::{Deliverer, RetrySchedule, Worker};
use offsite_gateway::config::Settings;
use offsite_gateway::store::{self, Db, callbacks};
use poem::listener::TcpAcceptor;
use poem::web::Data;
use poem::{Body, EndpointExt, Route, Server, handler};
use sea_orm::{ConnectionTrait, TransactionTrait};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::{Notify, watch};

#[derive(Default)]
struct Arrivals {
    at: Mutex<Vec<Option<Instant>>>,
    count: std::sync::atomic::AtomicUsize,
}

#[handler]
async fn receive(body: Body, Data(arrivals): Data<&Arc<Arrivals>>) -> &'static str {
    let now = Instant::now();
    let bytes = body.into_vec().await.unwrap_or_default();
    let text = String::from_utf8_lossy(&bytes);
    if let Some(i) = text
        .split('&')
        .find_map(|p| p.strip_prefix("x_reference="))
        .and_then(|v| v.parse::<usize>().ok())
    {
        let mut at = arrivals.at.lock().unwrap();
        if i < at.len() && at[i].is_none() {
            at[i] = Some(now);
        }
    }
    arrivals
        .count
        .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    "ok"
}

async fn receiver(arrivals: Arc<Arrivals>) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/cb", listener.local_addr().unwrap());
    let app = Route::new().at("/cb", poem::post(receive)).data(arrivals);
    let acceptor = TcpAcceptor::from_tokio(listener).unwrap();
    tokio::spawn(async move { Server::new_with_acceptor(acceptor).run(app).await });
    url
}

async fn enqueue<C: ConnectionTrait>(conn: &C, i: usize, url: &str) {
    let body = format!("x_reference={i}&x_result=completed&x_signature=00");
    callbacks::enqueue(
        conn,
        callbacks::NewCallback {
            payment_id: &format!("bench-{i}"),
            merchant_id: "acct_bench",
            url,
            body: &body,
            result: "completed",
            operation_id: None,
        },
        store::now_millis(),
    )
    .await
    .unwrap();
}

fn start_worker(db: &Db, wake: Arc<Notify>) -> (watch::Sender<bool>, tokio::task::JoinHandle<()>) {
    let deliverer = Deliverer::new(
        AddressPolicy {
            allow_private: true,
            allow_nets: vec![],
        },
        Default::default(),
    )
    .unwrap();
    let worker = Worker::new(
        db.clone(),
        deliverer,
        RetrySchedule::default(),
        Duration::from_secs(15),
        wake,
    );
    let (stop, rx) = watch::channel(false);
    (stop, tokio::spawn(worker.run(rx)))
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

async fn run(database_url: String, n: usize, samples: usize) -> (f64, Duration, Duration) {
    let settings = Settings {
        database_url,
        db_max_connections: 16,
        ..Settings::default()
    };
    let db = store::connect(&settings).await.unwrap();

    // Throughput: a backlog of n callbacks, then the worker starts.
    let arrivals = Arc::new(Arrivals::default());
    *arrivals.at.lock().unwrap() = vec![None; n + samples];
    let url = receiver(arrivals.clone()).await;
    let txn = db.begin().await.unwrap();
    for i in 0..n {
        enqueue(&txn, i, &url).await;
    }
    txn.commit().await.unwrap();
    let wake = Arc::new(Notify::new());
    let started = Instant::now();
    let (stop, worker) = start_worker(&db, wake.clone());
    loop {
        let delivered = callbacks::list(&db, Some(callbacks::PENDING), 1)
            .await
            .unwrap();
        if delivered.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let elapsed = started.elapsed();
    assert_eq!(
        arrivals.count.load(std::sync::atomic::Ordering::Relaxed),
        n,
        "every callback arrived exactly once"
    );
    let per_second = n as f64 / elapsed.as_secs_f64();

    // Latency: one callback at a time, committed and the worker woken as `flow` does.
    let mut waits = Vec::with_capacity(samples);
    for s in 0..samples {
        let i = n + s;
        let txn = db.begin().await.unwrap();
        enqueue(&txn, i, &url).await;
        txn.commit().await.unwrap();
        let committed = Instant::now();
        wake.notify_one();
        let arrived = loop {
            if let Some(at) = arrivals.at.lock().unwrap()[i] {
                break at;
            }
            tokio::task::yield_now().await;
        };
        waits.push(arrived.saturating_duration_since(committed));
    }
    waits.sort();
    let _ = stop.send(true);
    let _ = worker.await;
    (
        per_second,
        percentile(&waits, 0.5),
        percentile(&waits, 0.99),
    )
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
    let n: usize = arg("--n").map(|v| v.parse().unwrap()).unwrap_or(10_000);
    let samples: usize = arg("--samples")
        .map(|v| v.parse().unwrap())
        .unwrap_or(1_000);
    let dir = tempfile::tempdir().unwrap();
    let (label, url, cleanup) = match arg("--postgres") {
        Some(admin) => {
            let name = format!("gw_bench_{}", offsite_gateway::crypto::random_hex::<6>());
            let admin_db = sea_orm::Database::connect(&admin).await.unwrap();
            admin_db
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await
                .unwrap();
            let mut u = url::Url::parse(&admin).unwrap();
            u.set_path(&format!("/{name}"));
            ("PostgreSQL", u.to_string(), Some((admin_db, name)))
        }
        None => (
            "SQLite",
            format!(
                "sqlite://{}?mode=rwc",
                dir.path().join("bench.db").display()
            ),
            None,
        ),
    };
    let (per_second, p50, p99) = run(url, n, samples).await;
    println!("| database | queued | delivered/s | commit to first attempt p50 | p99 |");
    println!("|---|---|---|---|---|");
    println!(
        "| {label} | {n} | {per_second:.0} | {:.2} ms | {:.2} ms |",
        p50.as_secs_f64() * 1000.0,
        p99.as_secs_f64() * 1000.0
    );
    if let Some((admin_db, name)) = cleanup {
        let _ = admin_db
            .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            .await;
    }
}
