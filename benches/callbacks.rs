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

#[path = "support/postgres.rs"]
mod postgres;
#[path = "support/callbacks.rs"]
mod scenario;

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
    let (label, url, cleanup) = postgres::bench_database(arg("--postgres"), dir.path()).await;
    let (per_second, p50, p99) = scenario::run(url, n, samples).await;
    println!("| database | queued | delivered/s | commit to first attempt p50 | p99 |");
    println!("|---|---|---|---|---|");
    println!(
        "| {label} | {n} | {per_second:.0} | {:.2} ms | {:.2} ms |",
        p50.as_secs_f64() * 1000.0,
        p99.as_secs_f64() * 1000.0
    );
    if let Some(scratch) = cleanup {
        scratch.drop().await;
    }
}
