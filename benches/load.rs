//! The gateway measured side by side with its own ceiling (a benchmark, not a test).
//!
//!     cargo bench --bench load -- --quick                     # under 2 minutes, SQLite
//!     cargo bench --bench load                                # the full run, SQLite
//!     cargo bench --bench load -- --postgres postgres://postgres@127.0.0.1:5432/postgres
//!     cargo bench --bench load -- --quick --only trip,refund  # some scenarios (and the ceiling)
//!     cargo bench --bench load -- --quick --only session,checkout  # the two ways in
//!
//! Every HTTP scenario uses the same client (one HTTP/1.1 keep-alive connection per task, 64
//! tasks), the same duration and the same warm-up. The ceiling is a bare poem handler served the
//! way the gateway serves (same poem server, tokio multi-threaded runtime), measured in the same
//! run; each scenario is reported as a fraction of it. Servers run as separate processes (this
//! binary re-executed with `--serve-bare`, and the real `offsite-gateway` binary), so peak RSS and
//! start-up time are the gateway's own. Client and servers share this machine's cores.

#[path = "support/callbacks.rs"]
mod callback_scenario;
#[path = "support/postgres.rs"]
mod postgres;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::client::conn::http1;
use hyper_util::rt::TokioIo;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const GATEWAY: &str = env!("CARGO_BIN_EXE_offsite-gateway");
const CONNECTIONS: usize = 64;

// ---------------------------------------------------------------------------------------------
// The ceiling server.

fn serve_bare(addr: &str) {
    use poem::listener::TcpAcceptor;
    use poem::{Route, Server, get, handler};
    #[handler]
    fn hello() -> &'static str {
        "ok"
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let listener = tokio::net::TcpListener::bind(addr).await.unwrap();
        let acceptor = TcpAcceptor::from_tokio(listener).unwrap();
        Server::new_with_acceptor(acceptor)
            .run(Route::new().at("/", get(hello)))
            .await
            .unwrap();
    });
}

// ---------------------------------------------------------------------------------------------
// A lean HTTP/1.1 client: one connection, one request at a time.

struct Conn {
    sender: http1::SendRequest<Full<Bytes>>,
    host: String,
}

struct Answer {
    status: u16,
    location: Option<String>,
    body: Bytes,
}

impl Conn {
    async fn open(addr: &str) -> Conn {
        let stream = tokio::net::TcpStream::connect(addr).await.unwrap();
        stream.set_nodelay(true).unwrap();
        let (sender, conn) = http1::handshake(TokioIo::new(stream)).await.unwrap();
        tokio::spawn(conn);
        Conn {
            sender,
            host: addr.to_string(),
        }
    }

    async fn send(
        &mut self,
        method: &str,
        path: &str,
        form: Option<&str>,
        key: Option<usize>,
    ) -> Result<Answer, String> {
        let mut req = hyper::Request::builder()
            .method(method)
            .uri(path)
            .header("host", &self.host);
        if form.is_some() {
            req = req.header("content-type", "application/x-www-form-urlencoded");
        }
        if let Some(k) = key {
            req = req.header("idempotency-key", format!("bench-{k}"));
        }
        let body = Full::new(Bytes::from(form.unwrap_or("").to_string()));
        let req = req.body(body).map_err(|e| e.to_string())?;
        self.sender.ready().await.map_err(|e| e.to_string())?;
        let resp = self
            .sender
            .send_request(req)
            .await
            .map_err(|e| e.to_string())?;
        let status = resp.status().as_u16();
        let location = resp
            .headers()
            .get("location")
            .and_then(|l| l.to_str().ok())
            .map(str::to_string);
        let body = resp
            .into_body()
            .collect()
            .await
            .map_err(|e| e.to_string())?
            .to_bytes();
        Ok(Answer {
            status,
            location,
            body,
        })
    }
}

impl Conn {
    /// A sessions API call: a JSON body with an API key.
    async fn send_json(&mut self, path: &str, json: &str, bearer: &str) -> Result<Answer, String> {
        let req = hyper::Request::builder()
            .method("POST")
            .uri(path)
            .header("host", &self.host)
            .header("content-type", "application/json")
            .header("authorization", format!("Bearer {bearer}"))
            .body(Full::new(Bytes::from(json.to_string())))
            .map_err(|e| e.to_string())?;
        self.sender.ready().await.map_err(|e| e.to_string())?;
        let resp = self
            .sender
            .send_request(req)
            .await
            .map_err(|e| e.to_string())?;
        let status = resp.status().as_u16();
        let body = resp
            .into_body()
            .collect()
            .await
            .map_err(|e| e.to_string())?
            .to_bytes();
        Ok(Answer {
            status,
            location: None,
            body,
        })
    }
}

fn hidden(html: &[u8], name: &str) -> Option<String> {
    let html = std::str::from_utf8(html).ok()?;
    let marker = format!("name=\"{name}\" value=\"");
    let start = html.find(&marker)? + marker.len();
    let end = html[start..].find('"')? + start;
    Some(html[start..end].to_string())
}

// ---------------------------------------------------------------------------------------------
// Scenarios.

#[derive(Clone)]
enum Scenario {
    Bare,
    Checkout(Arc<Vec<String>>),
    Page(Arc<Vec<String>>),
    RoundTrip(Arc<Vec<String>>),
    Refund(Arc<Vec<String>>),
    /// `POST /v1/sessions` with this API key, one body (a fresh reference) a request.
    Session(Arc<String>, Arc<Vec<String>>),
}

const PAY_FORM: &str = "attempt=0&cardholder_name=Ada+Lovelace&card_number=4242424242424242\
    &card_expiry=12%2F30&card_cvc=123";

impl Scenario {
    /// One unit of work (one request, or one whole shopper round trip).
    async fn step(&self, conn: &mut Conn, i: usize, task: usize) -> Result<(), String> {
        let expect = |a: &Answer, status: u16| {
            if a.status == status {
                Ok(())
            } else {
                Err(format!("HTTP {}", a.status))
            }
        };
        match self {
            Scenario::Bare => expect(&conn.send("GET", "/", None, None).await?, 200),
            Scenario::Checkout(bodies) => {
                let body = bodies.get(i).ok_or("out of pre-signed requests")?;
                expect(
                    &conn.send("POST", "/checkout", Some(body), None).await?,
                    303,
                )
            }
            Scenario::Page(paths) => expect(
                &conn
                    .send("GET", &paths[i % paths.len()], None, None)
                    .await?,
                200,
            ),
            Scenario::RoundTrip(bodies) => {
                let body = bodies.get(i).ok_or("out of pre-signed requests")?;
                let created = conn.send("POST", "/checkout", Some(body), None).await?;
                expect(&created, 303)?;
                let page = created.location.ok_or("no Location")?;
                let paid = pay_4242(conn, &page).await?;
                expect(&paid, 303)?;
                match paid.location {
                    Some(l) if l.contains("x_result=completed") => Ok(()),
                    other => Err(format!("not completed: {other:?}")),
                }
            }
            Scenario::Session(key, bodies) => {
                let body = bodies.get(i).ok_or("out of pre-signed requests")?;
                expect(&conn.send_json("/v1/sessions", body, key).await?, 201)
            }
            Scenario::Refund(bodies) => {
                let body = &bodies[task % bodies.len()];
                expect(
                    &conn.send("POST", "/refund", Some(body), Some(i)).await?,
                    200,
                )
            }
        }
    }
}

/// Shows the page (for its CSRF token) and pays it with 4242, as the shopper's browser would.
async fn pay_4242(conn: &mut Conn, page: &str) -> Result<Answer, String> {
    let shown = conn.send("GET", page, None, None).await?;
    if shown.status != 200 {
        return Err(format!("page: HTTP {}", shown.status));
    }
    let token = hidden(&shown.body, "csrf_token").ok_or("no csrf_token")?;
    conn.send(
        "POST",
        page,
        Some(&format!("csrf_token={token}&{PAY_FORM}")),
        None,
    )
    .await
}

/// Creates a payment (setup, not measured) and returns its page.
async fn open_payment(conn: &mut Conn, body: &str) -> String {
    let created = conn
        .send("POST", "/checkout", Some(body), None)
        .await
        .unwrap();
    created.location.expect("a 303 to the payment page")
}

struct Figures {
    per_second: f64,
    p50: Duration,
    p99: Duration,
    errors: usize,
    first_error: Option<String>,
}

async fn measure(addr: &str, scenario: Scenario, warmup: Duration, duration: Duration) -> Figures {
    let counter = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let measure_from = started + warmup;
    let until = measure_from + duration;
    let mut tasks = Vec::new();
    for task in 0..CONNECTIONS {
        let (scenario, counter, addr) = (scenario.clone(), counter.clone(), addr.to_string());
        tasks.push(tokio::spawn(async move {
            let mut conn = Conn::open(&addr).await;
            let mut latencies = Vec::new();
            let mut errors = 0;
            let mut first_error = None;
            loop {
                let t0 = Instant::now();
                if t0 >= until {
                    break;
                }
                let i = counter.fetch_add(1, Ordering::Relaxed);
                let result = scenario.step(&mut conn, i, task).await;
                if t0 >= measure_from {
                    match result {
                        Ok(()) => latencies.push(t0.elapsed()),
                        Err(e) => {
                            errors += 1;
                            first_error.get_or_insert(e);
                        }
                    }
                }
                if errors > 0 && first_error.as_deref() == Some("out of pre-signed requests") {
                    break;
                }
            }
            (latencies, errors, first_error)
        }));
    }
    let mut all = Vec::new();
    let mut errors = 0;
    let mut first_error = None;
    for t in tasks {
        let (l, e, f) = t.await.unwrap();
        all.extend(l);
        errors += e;
        if first_error.is_none() {
            first_error = f;
        }
    }
    all.sort();
    let pick = |p: f64| {
        all.get(((all.len().max(1) - 1) as f64 * p).round() as usize)
            .copied()
            .unwrap_or_default()
    };
    Figures {
        per_second: all.len() as f64 / duration.as_secs_f64(),
        p50: pick(0.5),
        p99: pick(0.99),
        errors,
        first_error,
    }
}

// ---------------------------------------------------------------------------------------------
// Processes.

fn free_addr() -> String {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().to_string()
}

async fn wait_ready(addr: &str, path: &str) -> Duration {
    let started = Instant::now();
    loop {
        if let Ok(stream) = tokio::net::TcpStream::connect(addr).await {
            drop(stream);
            let mut conn = Conn::open(addr).await;
            if conn
                .send("GET", path, None, None)
                .await
                .is_ok_and(|a| a.status == 200)
            {
                return started.elapsed();
            }
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "{addr} never answered"
        );
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
}

struct Gateway {
    child: Child,
    addr: String,
    start_to_first_answer: Duration,
}

impl Gateway {
    /// Starts the binary; on a fresh database it prints the sandbox merchant, returned then.
    async fn start(
        dir: &std::path::Path,
        env: &[(String, String)],
    ) -> (Gateway, Option<(String, String)>) {
        let addr = free_addr();
        let started = Instant::now();
        // BENCH_GATEWAY_BIN runs another build of the gateway (an A/B comparison in one run).
        let binary = std::env::var("BENCH_GATEWAY_BIN").unwrap_or_else(|_| GATEWAY.to_string());
        let mut child = Command::new(binary)
            .current_dir(dir)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("GATEWAY_LISTEN", &addr)
            .env("GATEWAY_ALLOW_PRIVATE_TARGETS", "true")
            // The SSRF guard stays on, letting through only the callback receiver's address.
            .env("GATEWAY_CALLBACK_ALLOW_NETS", format!("{CALLBACK_IP}/32"))
            .env("RUST_LOG", "warn")
            // One API key drives the session scenario at full speed: its rate limit is lifted
            // (the limiter still runs, so its cost is measured).
            .env("GATEWAY_API_RATE_LIMIT", "1000000000")
            // So do the per-address limits: every simulated shopper comes from 127.0.0.1.
            .env("GATEWAY_CHECKOUT_RATE_LIMIT", "1000000000")
            .env("GATEWAY_PAY_RATE_LIMIT", "1000000000")
            .env("GATEWAY_ORDER_RATE_LIMIT", "1000000000")
            // Lets a run compare settings, e.g. GATEWAY_SQLITE_SYNCHRONOUS=normal or
            // GATEWAY_DB_MAX_CONNECTIONS=1: the bench's own GATEWAY_* variables pass through.
            .envs(std::env::vars().filter(|(k, _)| {
                k.starts_with("GATEWAY_") && k != "GATEWAY_LISTEN" && k != "GATEWAY_MASTER_KEY"
            }))
            .envs(env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let start_to_first_answer = wait_ready(&addr, "/healthz").await;
        let _ = started;
        let mut merchant = None;
        let stdout = child.stdout.take().unwrap();
        let mut lines = BufReader::new(stdout).lines();
        let mut account = None;
        // The sandbox lines come before the server listens, so they are already there.
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in lines.by_ref().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        while let Ok(line) = rx.recv_timeout(Duration::from_millis(200)) {
            if let Some(a) = line.strip_prefix("  account id: ") {
                account = Some(a.trim().to_string());
            }
            if let (Some(a), Some(s)) = (&account, line.strip_prefix("  secret:     ")) {
                merchant = Some((a.clone(), s.trim().to_string()));
                break;
            }
        }
        (
            Gateway {
                child,
                addr,
                start_to_first_answer,
            },
            merchant,
        )
    }

    /// A test API key of `account`, made with the CLI on the gateway's database.
    fn api_key(&self, dir: &std::path::Path, env: &[(String, String)], account: &str) -> String {
        let binary = std::env::var("BENCH_GATEWAY_BIN").unwrap_or_else(|_| GATEWAY.to_string());
        let out = Command::new(binary)
            .args(["api-key", "create", account, "--json"])
            .current_dir(dir)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .envs(std::env::vars().filter(|(k, _)| {
                k.starts_with("GATEWAY_") && k != "GATEWAY_LISTEN" && k != "GATEWAY_MASTER_KEY"
            }))
            .envs(env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .output()
            .unwrap();
        assert!(out.status.success(), "api-key create failed");
        let made: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        made["key"].as_str().unwrap().to_string()
    }

    /// CPU time the gateway has used so far, in clock ticks (100 a second).
    fn cpu_ticks(&self) -> u64 {
        let stat =
            std::fs::read_to_string(format!("/proc/{}/stat", self.child.id())).unwrap_or_default();
        // utime and stime are fields 14 and 15, counted after the ")" that ends the name.
        let after = stat.rsplit(')').next().unwrap_or("");
        let fields: Vec<&str> = after.split_whitespace().collect();
        let field = |i: usize| {
            fields
                .get(i)
                .and_then(|v| v.parse::<u64>().ok())
                .unwrap_or(0)
        };
        field(11) + field(12)
    }

    /// Runs a scenario and notes how much of a core the gateway used meanwhile.
    /// Measures the ceiling, then `scenario`: the two side by side, so the ratio is not skewed
    /// by a machine whose speed drifts between the start of the run and this scenario.
    async fn measure(&self, scenario: Scenario, run: &Run) -> (Figures, String, f64) {
        let ceiling = measure(&run.bare_addr, Scenario::Bare, run.warmup, run.duration)
            .await
            .per_second;
        run.ceilings.lock().unwrap().push(ceiling);
        let before = self.cpu_ticks();
        let figures = measure(&self.addr, scenario, run.warmup, run.duration).await;
        let used = self.cpu_ticks().saturating_sub(before) as f64 / 100.0;
        let share = 100.0 * used / (run.warmup + run.duration).as_secs_f64();
        (figures, format!("gateway CPU {share:.0} %"), ceiling)
    }

    fn peak_rss_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0)
    }

    fn stop(mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
    }
}

// ---------------------------------------------------------------------------------------------
// Signed requests, made before the clock starts.

fn sign(fields: &[(String, String)], secret: &str) -> String {
    use hmac::{Hmac, KeyInit, Mac};
    let mut sorted: Vec<_> = fields.iter().collect();
    sorted.sort();
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    for (n, v) in sorted {
        mac.update(n.as_bytes());
        mac.update(v.as_bytes());
    }
    hex::encode(mac.finalize().into_bytes())
}

fn signed_form(mut fields: Vec<(String, String)>, secret: &str) -> String {
    let sig = sign(&fields, secret);
    fields.push(("x_signature".into(), sig));
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(fields)
        .finish()
}

/// The loopback address the callback receiver listens on, the only one the gateway's SSRF guard
/// is told to let through (not 127.0.0.1, where the gateway and the databases listen).
const CALLBACK_IP: &str = "127.0.0.2";

/// Where the gateway's callbacks go during the run: a local receiver answering 200.
static CALLBACK_URL: std::sync::OnceLock<String> = std::sync::OnceLock::new();

async fn start_callback_receiver() {
    use poem::listener::TcpAcceptor;
    use poem::{Route, Server, handler, post};
    #[handler]
    fn ok() -> &'static str {
        "ok"
    }
    let listener = tokio::net::TcpListener::bind((CALLBACK_IP, 0))
        .await
        .unwrap();
    let url = format!("http://{}/callback", listener.local_addr().unwrap());
    let acceptor = TcpAcceptor::from_tokio(listener).unwrap();
    tokio::spawn(async move {
        Server::new_with_acceptor(acceptor)
            .run(Route::new().at("/callback", post(ok)))
            .await
    });
    let _ = CALLBACK_URL.set(url);
}

fn checkout_body(account: &str, secret: &str, reference: &str, amount: &str) -> String {
    let fields: Vec<(String, String)> = [
        ("x_account_id", account),
        ("x_amount", amount),
        ("x_currency", "USD"),
        ("x_reference", reference),
        ("x_shop_country", "US"),
        ("x_shop_name", "Bench Shop"),
        ("x_test", "true"),
        (
            "x_url_callback",
            CALLBACK_URL.get().expect("receiver started"),
        ),
        ("x_url_cancel", "https://shop.example.com/cart"),
        ("x_url_complete", "https://shop.example.com/done"),
        ("x_description", "A benchmark order"),
    ]
    .iter()
    .map(|(n, v)| (n.to_string(), v.to_string()))
    .collect();
    signed_form(fields, secret)
}

fn checkout_bodies(account: &str, secret: &str, tag: &str, n: usize) -> Arc<Vec<String>> {
    Arc::new(
        (0..n)
            .map(|i| checkout_body(account, secret, &format!("{tag}-{i}"), "89.99"))
            .collect(),
    )
}

// ---------------------------------------------------------------------------------------------

struct Row {
    scenario: String,
    db: String,
    figures: Option<Figures>,
    note: String,
    /// The bare handler's rate measured just before this scenario.
    ceiling: Option<f64>,
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

struct Run {
    /// The bare handler, kept running so that each scenario is measured beside it.
    bare_addr: String,
    /// Every ceiling measured in this run.
    ceilings: std::sync::Mutex<Vec<f64>>,
    /// Scenario names to run (`--only session,checkout,page,trip,refund,callbacks`); empty runs
    /// all.
    only: Vec<String>,
    warmup: Duration,
    duration: Duration,
    /// Upper bound of requests a storage scenario can make (pre-signed).
    budget: usize,
    callbacks: usize,
    samples: usize,
}

impl Run {
    fn wants(&self, scenario: &str) -> bool {
        self.only.is_empty() || self.only.iter().any(|s| s == scenario)
    }
}

async fn gateway_scenarios(
    label: &str,
    run: &Run,
    env: Vec<(String, String)>,
    rows: &mut Vec<Row>,
    prepare: Option<String>,
) {
    let dir = tempfile::tempdir().unwrap();
    let (gateway, merchant) = Gateway::start(dir.path(), &env).await;
    let (account, secret) = merchant.expect("the sandbox merchant on a fresh database");
    let addr = gateway.addr.clone();
    let db_label = label.to_string();

    if run.wants("session") {
        let key = gateway.api_key(dir.path(), &env, &account);
        let bodies: Vec<String> = (0..run.budget)
            .map(|i| {
                format!(
                    r#"{{"amount":1000,"currency":"USD","reference":"session-{i}","return_url":"https://shop.example.com/return","cancel_url":"https://shop.example.com/cancel"}}"#
                )
            })
            .collect();
        let scenario = Scenario::Session(Arc::new(key), Arc::new(bodies));
        let (f, cpu, ceiling) = gateway.measure(scenario, run).await;
        rows.push(Row {
            scenario: "session (POST /v1/sessions, 201)".into(),
            db: db_label.clone(),
            figures: Some(f),
            note: cpu,
            ceiling: Some(ceiling),
        });
    }

    if run.wants("checkout") {
        let bodies = checkout_bodies(&account, &secret, "checkout", run.budget);
        let (f, cpu, ceiling) = gateway.measure(Scenario::Checkout(bodies), run).await;
        rows.push(Row {
            scenario: "payment request (POST /checkout, 303)".into(),
            db: db_label.clone(),
            figures: Some(f),
            note: cpu,
            ceiling: Some(ceiling),
        });
    }

    // Open payments to show.
    let mut conn = Conn::open(&addr).await;
    let mut pages = Vec::new();
    for i in 0..CONNECTIONS {
        pages.push(
            open_payment(
                &mut conn,
                &checkout_body(&account, &secret, &format!("page-{i}"), "10.00"),
            )
            .await,
        );
    }
    if run.wants("page") {
        let (f, cpu, ceiling) = gateway.measure(Scenario::Page(Arc::new(pages)), run).await;
        rows.push(Row {
            scenario: "hosted page (GET /pay/{id})".into(),
            db: db_label.clone(),
            figures: Some(f),
            note: cpu,
            ceiling: Some(ceiling),
        });
    }

    if run.wants("trip") {
        let bodies = checkout_bodies(&account, &secret, "trip", run.budget / 2);
        let (f, cpu, ceiling) = gateway.measure(Scenario::RoundTrip(bodies), run).await;
        rows.push(Row {
            scenario: "shopper round trip (request, page, pay 4242, redirect)".into(),
            db: db_label.clone(),
            figures: Some(f),
            note: format!("per round trip; {cpu}"),
            ceiling: Some(ceiling),
        });
    }

    // Large captured payments to refund 1.00 from, one per connection.
    let mut refunds = Vec::new();
    for i in 0..CONNECTIONS {
        let page = open_payment(
            &mut conn,
            &checkout_body(&account, &secret, &format!("big-{i}"), "1000000.00"),
        )
        .await;
        let paid = pay_4242(&mut conn, &page).await.unwrap();
        let location = paid.location.unwrap();
        let reference = url::Url::parse(&location)
            .unwrap()
            .query_pairs()
            .find(|(n, _)| n == "x_gateway_reference")
            .unwrap()
            .1
            .into_owned();
        let fields: Vec<(String, String)> = [
            ("x_account_id", account.as_str()),
            ("x_gateway_reference", reference.as_str()),
            ("x_transaction_type", "refund"),
            ("x_amount", "1.00"),
            ("x_currency", "USD"),
            ("x_test", "true"),
        ]
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect();
        refunds.push(signed_form(fields, &secret));
    }
    if run.wants("refund") {
        let (f, cpu, ceiling) = gateway
            .measure(Scenario::Refund(Arc::new(refunds)), run)
            .await;
        rows.push(Row {
            scenario: "order management (refund 1.00, Idempotency-Key each)".into(),
            db: db_label.clone(),
            figures: Some(f),
            note: cpu,
            ceiling: Some(ceiling),
        });
    }

    let rss = gateway.peak_rss_kib();
    rows.push(Row {
        scenario: "peak RSS of the gateway under load".into(),
        db: db_label.clone(),
        figures: None,
        note: format!("{:.1} MiB", rss as f64 / 1024.0),
        ceiling: None,
    });
    gateway.stop();

    // Start-up on the existing database, several times: the median.
    let mut starts = Vec::new();
    for _ in 0..5 {
        let (g, _) = Gateway::start(dir.path(), &env).await;
        starts.push(g.start_to_first_answer);
        g.stop();
    }
    starts.sort();
    rows.push(Row {
        scenario: "start to first answer (existing database, median of 5)".into(),
        db: db_label.clone(),
        figures: None,
        note: ms(starts[2]),
        ceiling: None,
    });

    if !run.wants("callbacks") {
        return;
    }
    // Callbacks, with the real worker, on a database of the same kind.
    let scratch = match prepare {
        Some(pg_admin) => Some(
            postgres::Scratch::create(&pg_admin, &format!("gw_load_cb_{}", std::process::id()))
                .await,
        ),
        None => None,
    };
    let url = match &scratch {
        Some(s) => s.url.clone(),
        None => format!(
            "sqlite://{}?mode=rwc",
            dir.path().join("callbacks.db").display()
        ),
    };
    let (per_second, p50, p99) = callback_scenario::run(url, run.callbacks, run.samples).await;
    if let Some(s) = scratch {
        s.drop().await;
    }
    rows.push(Row {
        scenario: format!(
            "callbacks: {} queued, delivered to a local 200",
            run.callbacks
        ),
        db: db_label,
        figures: None,
        note: format!(
            "{per_second:.0}/s; commit to first attempt p50 {}, p99 {}",
            ms(p50),
            ms(p99)
        ),
        ceiling: None,
    });
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--serve-bare") {
        serve_bare(&args[i + 1]);
        return;
    }
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(orchestrate(args));
}

async fn orchestrate(args: Vec<String>) {
    let quick = args.iter().any(|a| a == "--quick");
    let postgres = args
        .iter()
        .position(|a| a == "--postgres")
        .map(|i| args[i + 1].clone());
    let only: Vec<String> = args
        .iter()
        .position(|a| a == "--only")
        .map(|i| args[i + 1].split(',').map(str::to_string).collect())
        .unwrap_or_default();
    let bare_addr = free_addr();
    let mut bare = Command::new(std::env::current_exe().unwrap())
        .args(["--serve-bare", &bare_addr])
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    wait_ready(&bare_addr, "/").await;
    let run = if quick {
        Run {
            bare_addr: bare_addr.clone(),
            ceilings: std::sync::Mutex::new(Vec::new()),
            only,
            warmup: Duration::from_secs(1),
            duration: Duration::from_secs(3),
            budget: 120_000,
            callbacks: 2_000,
            samples: 200,
        }
    } else {
        Run {
            bare_addr: bare_addr.clone(),
            ceilings: std::sync::Mutex::new(Vec::new()),
            only,
            warmup: Duration::from_secs(2),
            duration: Duration::from_secs(10),
            budget: 400_000,
            callbacks: 10_000,
            samples: 1_000,
        }
    };
    let mut rows = Vec::new();
    start_callback_receiver().await;

    gateway_scenarios("SQLite", &run, vec![], &mut rows, None).await;
    if let Some(admin) = &postgres {
        let scratch =
            postgres::Scratch::create(admin, &format!("gw_load_{}", std::process::id())).await;
        let key = offsite_gateway::crypto::MasterKey::generate();
        let key = {
            use secrecy::ExposeSecret;
            key.to_base64().expose_secret().to_string()
        };
        let env = vec![
            ("DATABASE_URL".to_string(), scratch.url.clone()),
            ("GATEWAY_MASTER_KEY".to_string(), key),
        ];
        gateway_scenarios("PostgreSQL", &run, env, &mut rows, Some(admin.clone())).await;
        scratch.drop().await;
    }
    let _ = bare.kill();
    let _ = bare.wait();

    let mut ceilings = run.ceilings.lock().unwrap().clone();
    ceilings.sort_by(f64::total_cmp);
    println!();
    println!(
        "{} connections, {} s warm-up + {} s per scenario{}; the ceiling is measured again just \
         before each scenario, and each ratio is to that measurement",
        CONNECTIONS,
        run.warmup.as_secs(),
        run.duration.as_secs(),
        if quick { " (--quick)" } else { "" }
    );
    println!();
    println!("| scenario | db | per second | p50 | p99 | errors | of ceiling |");
    println!("|---|---|---|---|---|---|---|");
    if let (Some(low), Some(high)) = (ceilings.first(), ceilings.last()) {
        println!(
            "| ceiling: bare poem handler ({} measurements, {:.0} to {:.0}) | - | {:.0} (median) | | | | 100.0 % |",
            ceilings.len(),
            low,
            high,
            ceilings[ceilings.len() / 2]
        );
    }
    for r in rows {
        match r.figures {
            Some(f) => {
                let ceiling = r.ceiling.unwrap_or(f64::NAN);
                let share = 100.0 * f.per_second / ceiling;
                let error_note = f.first_error.map(|e| format!(" ({e})")).unwrap_or_default();
                println!(
                    "| {}{} | {} | {:.0} | {} | {} | {}{} | {:.1} % of {:.0} |",
                    r.scenario,
                    if r.note.is_empty() {
                        String::new()
                    } else {
                        format!(", {}", r.note)
                    },
                    r.db,
                    f.per_second,
                    ms(f.p50),
                    ms(f.p99),
                    f.errors,
                    error_note,
                    share,
                    ceiling
                );
            }
            None => println!("| {} | {} | {} | | | | |", r.scenario, r.db, r.note),
        }
    }
}
