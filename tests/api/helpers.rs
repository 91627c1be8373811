//! The test harness: the real gateway on port 0 with a database of its own (a temporary SQLite
//! file, or a fresh PostgreSQL database when `TEST_DATABASE_URL` names a server), merchants with
//! known secrets, a signer written here (not the gateway's), and captured logs.

use crate::receiver::{RECEIVER_NET, Receiver};
use offsite_gateway::callbacks::RetrySchedule;
use offsite_gateway::config::Settings;
use offsite_gateway::crypto::MasterKey;
use offsite_gateway::startup::Application;
use offsite_gateway::store::{self, Db, merchants};
use sea_orm::{ConnectionTrait, Statement};
use std::io::Write;
use std::sync::{LazyLock, Mutex, Once};
use std::time::Duration;

/// Merchant M of threats.md: the public Shopify simulator key.
pub const ACCOUNT: &str = "acct_test";
pub const SECRET: &str = "iU44RWxeik";
/// Merchant N, for cross-merchant checks.
pub const OTHER_ACCOUNT: &str = "acct_other";
pub const OTHER_SECRET: &str = "other-merchant-secret-2";
/// A merchant that may only take test payments.
pub const SANDBOX_ACCOUNT: &str = "acct_sandbox";
pub const SANDBOX_SECRET: &str = "sandbox-secret-3";

pub const CARD_OK: &str = "4242 4242 4242 4242";

// ---------------------------------------------------------------------------------------------
// Signing, written for the tests from the protocol text.

/// HMAC-SHA256 over the sorted `x_` fields (not `x_signature`), name then value, lower hex.
pub fn sign(fields: &[(String, String)], key: &str) -> String {
    use hmac::{Hmac, KeyInit, Mac};
    let mut signed: Vec<&(String, String)> = fields
        .iter()
        .filter(|(n, _)| n.starts_with("x_") && n != "x_signature")
        .collect();
    signed.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(key.as_bytes()).unwrap();
    for (n, v) in signed {
        mac.update(n.as_bytes());
        mac.update(v.as_bytes());
    }
    hex::encode(mac.finalize().into_bytes())
}

/// Whether response values carry a valid signature under `key`.
pub fn verify(values: &[(String, String)], key: &str) -> bool {
    let sig = values
        .iter()
        .find(|(n, _)| n == "x_signature")
        .map(|(_, v)| v.clone());
    sig.is_some_and(|s| s == sign(values, key))
}

/// Name/value pair helpers: the conformance kit's, which the tests share (the signer above stays
/// the tests' own).
pub use offsite_gateway::conformance::signer::{get, pairs, set};

pub fn remove(values: &mut Vec<(String, String)>, name: &str) {
    values.retain(|(n, _)| n != name);
}

/// Adds `x_signature` under `key`.
pub fn signed(mut fields: Vec<(String, String)>, key: &str) -> Vec<(String, String)> {
    remove(&mut fields, "x_signature");
    let sig = sign(&fields, key);
    fields.push(("x_signature".into(), sig));
    fields
}

pub fn encode(fields: &[(String, String)]) -> String {
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(fields)
        .finish()
}

/// The query pairs of a URL, decoded.
pub fn query_of(location: &str) -> Vec<(String, String)> {
    url::Url::parse(location)
        .unwrap()
        .query_pairs()
        .map(|(n, v)| (n.into_owned(), v.into_owned()))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Captured logs (T24): every test's server logs into one buffer.

pub static LOGS: LazyLock<Mutex<Vec<u8>>> = LazyLock::new(|| Mutex::new(Vec::new()));

struct LogWriter;

impl Write for LogWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        LOGS.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn init_logging() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        tracing_subscriber::fmt()
            .with_env_filter("trace")
            .with_ansi(false)
            .with_writer(|| LogWriter)
            .init();
    });
}

pub fn captured_logs() -> String {
    String::from_utf8_lossy(&LOGS.lock().unwrap()).into_owned()
}

// ---------------------------------------------------------------------------------------------
// The application under test.

enum Backend {
    Sqlite { dir: tempfile::TempDir },
    Postgres { admin_url: String, name: String },
}

pub struct TestApp {
    pub address: String,
    /// Where the callbacks of [`TestApp::request`] go: a receiver answering 200, so they are
    /// delivered at once and the outbox falls quiet (tests that look at callbacks name their
    /// own receivers).
    pub sink: Receiver,
    pub db: Db,
    pub client: reqwest::Client,
    pub settings: Settings,
    key_base64: String,
    app: Option<Application>,
    backend: Backend,
}

/// The PostgreSQL server to test against, if any (`TEST_DATABASE_URL`, an admin connection).
pub fn postgres_admin_url() -> Option<String> {
    std::env::var("TEST_DATABASE_URL")
        .ok()
        .filter(|u| u.starts_with("postgres"))
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        Self::spawn_with(|_| {}).await
    }

    pub async fn spawn_with(configure: impl FnOnce(&mut Settings)) -> TestApp {
        init_logging();
        let key = MasterKey::generate();
        let key_base64 = {
            use secrecy::ExposeSecret;
            key.to_base64().expose_secret().to_string()
        };
        let (database_url, backend) = match postgres_admin_url() {
            Some(admin) => {
                let (url, name) = create_database(&admin, "gw_test").await;
                (
                    url,
                    Backend::Postgres {
                        admin_url: admin,
                        name,
                    },
                )
            }
            None => {
                let dir = tempfile::tempdir().unwrap();
                let url = format!("sqlite://{}?mode=rwc", dir.path().join("gw.db").display());
                (url, Backend::Sqlite { dir })
            }
        };
        let mut settings = Settings {
            listen: "127.0.0.1:0".into(),
            database_url,
            master_key: Some(key_base64.clone().into()),
            // The URL policy lets the tests name their receivers (http, loopback, a port); the
            // SSRF guard stays on and lets callbacks reach the receivers' address only.
            allow_private_targets: true,
            callback_allow_nets: vec![RECEIVER_NET.parse().unwrap()],
            pending_settle_after: Duration::from_secs(1),
            db_max_connections: Some(8),
            callback_retry_schedule: RetrySchedule::parse("1s,1s,1s,1s,1s").unwrap(),
            webhook_retry_schedule: RetrySchedule::parse("1s,1s,1s").unwrap(),
            callback_timeout: Duration::from_secs(2),
            ..Settings::default()
        };
        configure(&mut settings);
        let db = store::connect(&settings.store_options()).await.unwrap();
        merchants::create_with_secret(&db, &key, ACCOUNT, "Test shop", false, SECRET)
            .await
            .unwrap();
        merchants::create_with_secret(&db, &key, OTHER_ACCOUNT, "Other shop", false, OTHER_SECRET)
            .await
            .unwrap();
        merchants::create_with_secret(&db, &key, SANDBOX_ACCOUNT, "Sandbox", true, SANDBOX_SECRET)
            .await
            .unwrap();
        let app = Application::build(settings.clone()).await.unwrap();
        let address = format!("http://{}", app.address());
        let client = http_client();
        TestApp {
            address,
            sink: Receiver::start().await,
            db,
            client,
            settings,
            key_base64,
            app: Some(app),
            backend,
        }
    }

    pub fn master_key_base64(&self) -> &str {
        &self.key_base64
    }

    pub fn master_key(&self) -> MasterKey {
        MasterKey::from_base64(&self.key_base64).unwrap()
    }

    pub async fn stop(&mut self) {
        if let Some(app) = self.app.take() {
            app.stop().await.unwrap();
        }
    }

    pub async fn start(&mut self) {
        let app = Application::build(self.settings.clone()).await.unwrap();
        self.address = format!("http://{}", app.address());
        self.app = Some(app);
    }

    /// Attempts every callback due now, with a worker of the test's own (`run_once` until
    /// nothing is left), instead of sleeping until the app's worker gets round to it.
    pub async fn drain_callbacks(&self) -> usize {
        use offsite_gateway::callbacks::{Deliverer, Worker};
        let deliverer = Deliverer::new(
            self.settings.address_policy(),
            self.settings.callback_timeouts(),
        )
        .unwrap();
        let worker = Worker::new(
            self.db.clone(),
            deliverer,
            self.settings.callback_retry_schedule.clone(),
            self.settings.callback_lease(),
            std::sync::Arc::new(tokio::sync::Notify::new()),
        )
        .with_webhooks(
            std::sync::Arc::new(self.master_key()),
            self.settings.webhook_retry_schedule.clone(),
        );
        let mut attempted = 0;
        loop {
            match worker.run_once().await.unwrap() {
                0 => return attempted,
                n => attempted += n,
            }
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    /// A new API key of `account` (`sk_live_…` if `live`), made in the store as the CLI and
    /// the dashboard make them.
    pub async fn api_key(&self, account: &str, live: bool) -> String {
        let now = offsite_gateway::store::now_millis();
        offsite_gateway::store::api_keys::create(&self.db, account, live, now, None)
            .await
            .unwrap()
            .key
    }

    /// One call of the sessions API: `method` `path` (`/v1/…`) with `key` as bearer, an
    /// optional JSON body and `Idempotency-Key`; the status, the JSON answer and the headers.
    pub async fn api(
        &self,
        method: reqwest::Method,
        path: &str,
        key: &str,
        body: Option<serde_json::Value>,
        idempotency_key: Option<&str>,
    ) -> (u16, serde_json::Value, reqwest::header::HeaderMap) {
        let mut req = self
            .client
            .request(method, self.url(path))
            .header("authorization", format!("Bearer {key}"));
        if let Some(b) = body {
            req = req
                .header("content-type", "application/json")
                .body(b.to_string());
        }
        if let Some(k) = idempotency_key {
            req = req.header("idempotency-key", k);
        }
        let resp = req.send().await.unwrap();
        let status = resp.status().as_u16();
        let headers = resp.headers().clone();
        let text = resp.text().await.unwrap();
        let json = serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON: {text}"));
        (status, json, headers)
    }

    /// A session body of merchant M's: `amount` EUR cents, `reference`, returning to
    /// shop.example.com.
    pub fn session_body(&self, reference: &str, amount: i64) -> serde_json::Value {
        serde_json::json!({
            "amount": amount,
            "currency": "EUR",
            "reference": reference,
            "return_url": "https://shop.example.com/return",
            "cancel_url": "https://shop.example.com/cancel",
        })
    }

    /// A valid payment request of merchant M, unsigned.
    pub fn request(&self, reference: &str) -> Vec<(String, String)> {
        pairs(&[
            ("x_account_id", ACCOUNT),
            ("x_amount", "10.00"),
            ("x_currency", "USD"),
            ("x_reference", reference),
            ("x_shop_country", "US"),
            ("x_shop_name", "Widgets Inc"),
            ("x_test", "true"),
            ("x_url_callback", &self.sink.url("/callback")),
            ("x_url_cancel", "https://shop.example.com/cart"),
            (
                "x_url_complete",
                "https://shop.example.com/orders/1/done?step=2",
            ),
            ("x_description", "Two widgets"),
        ])
    }

    /// POSTs a form body to /checkout.
    pub async fn post_checkout_body(&self, body: String) -> reqwest::Response {
        self.client
            .post(self.url("/checkout"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .unwrap()
    }

    /// POSTs a form body to `path` asking for JSON; the status and the JSON answer.
    pub async fn post_for_json(&self, path: &str, body: String) -> (u16, serde_json::Value) {
        let resp = self
            .client
            .post(self.url(path))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept", "application/json")
            .body(body)
            .send()
            .await
            .unwrap();
        let status = resp.status().as_u16();
        let text = resp.text().await.unwrap();
        let json = serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON: {text}"));
        (status, json)
    }

    /// Signs `fields` with M's secret and POSTs them.
    pub async fn checkout(&self, fields: Vec<(String, String)>) -> reqwest::Response {
        self.post_checkout_body(encode(&signed(fields, SECRET)))
            .await
    }

    /// Signs `fields` with `secret` and POSTs them.
    pub async fn checkout_with_secret(
        &self,
        fields: Vec<(String, String)>,
        secret: &str,
    ) -> reqwest::Response {
        self.post_checkout_body(encode(&signed(fields, secret)))
            .await
    }

    /// Creates a payment and returns its page path (`/pay/ID`).
    pub async fn open_payment(&self, fields: Vec<(String, String)>) -> String {
        let resp = self.checkout(fields).await;
        assert_eq!(resp.status(), 303, "{}", resp.text().await.unwrap());
        resp.headers()["location"].to_str().unwrap().to_string()
    }

    pub async fn get_page(&self, path: &str) -> (u16, String) {
        let resp = self.client.get(self.url(path)).send().await.unwrap();
        (resp.status().as_u16(), resp.text().await.unwrap())
    }

    /// The hidden fields of a form on the page (`csrf_token`, `attempt`).
    pub async fn form_tokens(&self, path: &str) -> (String, String) {
        let (_, html) = self.get_page(path).await;
        (hidden(&html, "csrf_token"), hidden(&html, "attempt"))
    }

    /// Submits the card form as a browser would; returns the response.
    pub async fn pay(&self, path: &str, card: &str) -> reqwest::Response {
        let (csrf, attempt) = self.form_tokens(path).await;
        self.submit_card(path, &csrf, &attempt, card, "12/30", "123")
            .await
    }

    pub async fn submit_card(
        &self,
        path: &str,
        csrf: &str,
        attempt: &str,
        card: &str,
        expiry: &str,
        cvc: &str,
    ) -> reqwest::Response {
        let form = pairs(&[
            ("csrf_token", csrf),
            ("attempt", attempt),
            ("cardholder_name", "Ada Lovelace"),
            ("card_number", card),
            ("card_expiry", expiry),
            ("card_cvc", cvc),
        ]);
        self.post_form(path, &form).await
    }

    /// POSTs the same form body `n` times at once; returns each (status, Location).
    pub async fn concurrent_posts(&self, path: &str, body: String, n: usize) -> Vec<(u16, String)> {
        let mut set = tokio::task::JoinSet::new();
        for _ in 0..n {
            let (client, url, body) = (self.client.clone(), self.url(path), body.clone());
            set.spawn(async move {
                let resp = client
                    .post(url)
                    .header("content-type", "application/x-www-form-urlencoded")
                    .body(body)
                    .send()
                    .await
                    .unwrap();
                (resp.status().as_u16(), location(&resp))
            });
        }
        set.join_all().await
    }

    pub async fn post_form(&self, path: &str, form: &[(String, String)]) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(encode(form))
            .send()
            .await
            .unwrap()
    }

    pub async fn count(&self, sql: &str) -> i64 {
        count_in(&self.db, sql).await
    }

    /// Runs a statement of the test's own (to stand for the passing of time, say).
    pub async fn exec(&self, sql: &str) {
        self.db.orm().execute_unprepared(sql).await.unwrap();
    }

    pub async fn payment_status(&self, path: &str) -> String {
        let id = path.trim_start_matches("/pay/");
        let row = self
            .db
            .orm()
            .query_one_raw(Statement::from_sql_and_values(
                self.db.orm().get_database_backend(),
                match self.db.orm().get_database_backend() {
                    sea_orm::DatabaseBackend::Postgres => {
                        "SELECT status FROM payments WHERE id = $1"
                    }
                    _ => "SELECT status FROM payments WHERE id = ?",
                },
                [id.into()],
            ))
            .await
            .unwrap()
            .unwrap();
        row.try_get_by_index::<String>(0).unwrap()
    }

    /// The directory of the SQLite database's files, when the test runs on SQLite.
    pub fn sqlite_dir(&self) -> Option<&std::path::Path> {
        match &self.backend {
            Backend::Sqlite { dir } => Some(dir.path()),
            Backend::Postgres { .. } => None,
        }
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Backend::Postgres { admin_url, name } = &self.backend {
            drop_database(admin_url, name);
        }
    }
}

/// The number a `SELECT COUNT(*) …` answers on `db`.
pub async fn count_in(db: &Db, sql: &str) -> i64 {
    let row = db
        .orm()
        .query_one_raw(Statement::from_string(
            db.orm().get_database_backend(),
            sql.to_string(),
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get_by_index::<i64>(0).unwrap()
}

/// Creates a PostgreSQL database for one test and returns its URL.
pub async fn create_database(admin_url: &str, prefix: &str) -> (String, String) {
    let name = format!("{prefix}_{}", offsite_gateway::crypto::random_hex::<8>());
    let admin = sea_orm::Database::connect(admin_url)
        .await
        .expect("PostgreSQL");
    admin
        .execute_unprepared(&format!("CREATE DATABASE {name}"))
        .await
        .unwrap();
    admin.close().await.unwrap();
    let mut url = url::Url::parse(admin_url).unwrap();
    url.set_path(&format!("/{name}"));
    (url.to_string(), name)
}

/// Drops a test's database; called from `Drop`, so it runs on a runtime of its own.
pub fn drop_database(admin_url: &str, name: &str) {
    let (admin_url, name) = (admin_url.to_string(), name.to_string());
    let _ = std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            if let Ok(db) = sea_orm::Database::connect(&admin_url).await {
                let _ = db
                    .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .await;
            }
        });
    })
    .join();
}

/// An HTTP client that does not follow redirects, as the tests need to see each 303.
pub fn http_client() -> reqwest::Client {
    offsite_gateway::callbacks::deliver::install_crypto_provider();
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// The value of a hidden input in a page.
pub fn hidden(html: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html
        .find(&marker)
        .unwrap_or_else(|| panic!("no {name} in page"))
        + marker.len();
    let end = html[start..].find('"').unwrap() + start;
    html[start..end].to_string()
}

/// The Location header of a response.
pub fn location(resp: &reqwest::Response) -> String {
    resp.headers()
        .get("location")
        .unwrap_or_else(|| panic!("no Location on a {} response", resp.status()))
        .to_str()
        .unwrap()
        .to_string()
}

/// Polls `check` every 50 ms for up to `seconds`.
pub async fn eventually<F, Fut>(seconds: u64, mut check: F) -> bool
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = tokio::time::Instant::now() + Duration::from_secs(seconds);
    while tokio::time::Instant::now() < deadline {
        if check().await {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    false
}

/// Debian's headless Chromium, if installed.
pub fn chromium() -> Option<String> {
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .iter()
        .find(|p| std::path::Path::new(p).exists())
        .map(|p| p.to_string())
}

/// The DOM of `url` after Chromium has loaded and run the page.
pub fn dump_dom(chromium: &str, url: &str) -> String {
    let profile = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(url)
        .output()
        .expect("chromium runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}
