//! The callback scenario shared by `benches/callbacks.rs` and `benches/load.rs`: a backlog of
//! callbacks delivered by the real worker to a local receiver that answers 200 at once, then
//! single callbacks timed from their commit to their arrival.

use offsite_gateway::callbacks::guard::AddressPolicy;
use offsite_gateway::callbacks::{Deliverer, RetrySchedule, Worker};
use offsite_gateway::config::Settings;
use offsite_gateway::store::db::Tx;
use offsite_gateway::store::{self, Db, callbacks, outbox};
use poem::listener::TcpAcceptor;
use poem::web::Data;
use poem::{Body, EndpointExt, Route, Server, handler};
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

async fn enqueue(tx: Tx<'_>, i: usize, url: &str) {
    let body = format!("x_reference={i}&x_result=completed&x_signature=00");
    outbox::enqueue(
        tx,
        &outbox::NewCallback {
            payment_id: format!("bench-{i}"),
            merchant_id: "acct_bench".to_string(),
            url: url.to_string(),
            body,
            result: "completed".to_string(),
            operation_id: None,
        },
        store::now_millis(),
    )
    .await
    .unwrap();
}

/// The real worker, its SSRF guard on and letting through the receiver at `url` only.
fn start_worker(
    db: &Db,
    wake: Arc<Notify>,
    url: &str,
) -> (watch::Sender<bool>, tokio::task::JoinHandle<()>) {
    let receiver = url::Url::parse(url).unwrap().socket_addrs(|| None).unwrap();
    let policy = AddressPolicy {
        allow_sockets: receiver,
        ..AddressPolicy::default()
    };
    let deliverer = Deliverer::new(policy, Default::default()).unwrap();
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

/// Queues `n` callbacks, measures their delivery rate, then times `samples` single callbacks from
/// commit to arrival. Returns (delivered per second, p50, p99).
pub async fn run(database_url: String, n: usize, samples: usize) -> (f64, Duration, Duration) {
    let settings = Settings {
        database_url,
        db_max_connections: None,
        ..Settings::default()
    };
    let db = store::connect(&settings.store_options()).await.unwrap();

    // Throughput: a backlog of n callbacks, then the worker starts.
    let arrivals = Arc::new(Arrivals::default());
    *arrivals.at.lock().unwrap() = vec![None; n + samples];
    let url = receiver(arrivals.clone()).await;
    let backlog = url.clone();
    db.write(move |tx| {
        Box::pin(async move {
            for i in 0..n {
                enqueue(tx, i, &backlog).await;
            }
            Ok(())
        })
    })
    .await
    .unwrap();
    let wake = Arc::new(Notify::new());
    let started = Instant::now();
    let (stop, worker) = start_worker(&db, wake.clone(), &url);
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
        let one = url.clone();
        db.write(move |tx| {
            Box::pin(async move {
                enqueue(tx, i, &one).await;
                Ok(())
            })
        })
        .await
        .unwrap();
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
