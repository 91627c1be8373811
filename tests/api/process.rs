//! The real binary as a child process: an isolated environment (its own directory, and its own
//! PostgreSQL database when the suite runs on PostgreSQL, and the SSRF guard letting callbacks
//! reach the receivers' address only), `serve` with the address read from its start-up line, and
//! the ways a process ends: SIGTERM or SIGKILL.

use crate::helpers::postgres_admin_url;
use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_offsite-gateway");

/// The stdout of a command that must have succeeded (its stderr in the failure message).
pub fn succeeded(out: std::process::Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A signed EUR payment request of a running binary's merchant, sent as a storefront would,
/// and its hosted page opened as a shopper's browser would; returns the page's URL and the
/// form's token.
pub async fn checkout_on(
    base: &str,
    account: &str,
    secret: &str,
    reference: &str,
    amount: &str,
    callback: &str,
) -> (String, String) {
    use crate::helpers::{encode, hidden, http_client, location, pairs, signed};
    let fields = signed(
        pairs(&[
            ("x_account_id", account),
            ("x_amount", amount),
            ("x_currency", "EUR"),
            ("x_reference", reference),
            ("x_shop_country", "DE"),
            ("x_shop_name", "Crash shop"),
            ("x_test", "true"),
            ("x_url_callback", callback),
            ("x_url_cancel", "https://shop.example.com/cart"),
            ("x_url_complete", "https://shop.example.com/done"),
        ]),
        secret,
    );
    let resp = http_client()
        .post(format!("{base}/checkout"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(encode(&fields))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 303, "{}", resp.text().await.unwrap());
    let page = format!("{base}{}", location(&resp));
    let html = http_client()
        .get(&page)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let csrf = hidden(&html, "csrf_token");
    (page, csrf)
}

/// The hidden tokens (`csrf_token`, `attempt`) of a hosted page's form as it is now.
pub async fn page_tokens(client: &reqwest::Client, page: &str) -> (String, String) {
    use crate::helpers::hidden;
    let resp = client.get(page).send().await.unwrap();
    let html = resp.text().await.unwrap();
    (hidden(&html, "csrf_token"), hidden(&html, "attempt"))
}

/// Pays the hosted page at `page` with 4242, as a shopper's browser would; where it is sent
/// back to.
pub async fn pay_at(page: &str) -> String {
    let (csrf, attempt) = page_tokens(&crate::helpers::http_client(), page).await;
    pay_with_tokens(page, &csrf, &attempt).await
}

/// Submits the card form of the hosted page at `page`, 4242 with the form's tokens.
async fn pay_with_tokens(page: &str, csrf: &str, attempt: &str) -> String {
    use crate::helpers::{encode, http_client, location, pairs};
    let form = pairs(&[
        ("csrf_token", csrf),
        ("attempt", attempt),
        ("cardholder_name", "Ada"),
        ("card_number", "4242424242424242"),
        ("card_expiry", "12/30"),
        ("card_cvc", "123"),
    ]);
    let resp = http_client()
        .post(page)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(encode(&form))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 303);
    location(&resp)
}

/// Creates and pays a payment on a running binary, as a storefront and a shopper would (with
/// the token the page had when [`checkout_on`] opened it: no second look).
pub async fn pay_on(base: &str, account: &str, secret: &str, reference: &str, callback: &str) {
    let (page, csrf) = checkout_on(base, account, secret, reference, "5.00", callback).await;
    pay_with_tokens(&page, &csrf, "0").await;
}

pub struct Env {
    pub dir: tempfile::TempDir,
    pub vars: Vec<(String, String)>,
    database: Option<(String, String)>,
}

impl Drop for Env {
    fn drop(&mut self) {
        if let Some((admin, name)) = &self.database {
            crate::helpers::drop_database(admin, name);
        }
    }
}

impl Env {
    pub async fn new() -> Env {
        let dir = tempfile::tempdir().unwrap();
        // The SSRF guard on, as in production, letting callbacks reach the receivers only.
        let mut vars = vec![
            ("RUST_LOG".to_string(), "info".to_string()),
            (
                "GATEWAY_CALLBACK_ALLOW_NETS".to_string(),
                crate::receiver::RECEIVER_NET.to_string(),
            ),
        ];
        let mut database = None;
        if let Some(admin) = postgres_admin_url() {
            let (url, name) = crate::helpers::create_database(&admin, "gw_proc").await;
            vars.push(("DATABASE_URL".into(), url));
            database = Some((admin, name));
            let key = offsite_gateway::crypto::MasterKey::generate();
            use secrecy::ExposeSecret;
            vars.push((
                "GATEWAY_MASTER_KEY".into(),
                key.to_base64().expose_secret().to_string(),
            ));
        }
        Env {
            dir,
            vars,
            database,
        }
    }

    /// Settings that reach this environment's database, for reading it from the test.
    pub fn settings(&self) -> offsite_gateway::config::Settings {
        let var = |n: &str| {
            self.vars
                .iter()
                .find(|(k, _)| k == n)
                .map(|(_, v)| v.clone())
        };
        offsite_gateway::config::Settings {
            database_url: var("DATABASE_URL").unwrap_or_else(|| {
                format!(
                    "sqlite://{}?mode=rwc",
                    self.dir.path().join("offsite-gateway.db").display()
                )
            }),
            master_key: var("GATEWAY_MASTER_KEY").map(Into::into),
            db_max_connections: Some(4),
            ..Default::default()
        }
    }

    pub fn set(&mut self, name: &str, value: &str) {
        self.vars.retain(|(n, _)| n != name);
        self.vars.push((name.to_string(), value.to_string()));
    }

    pub fn unset(&mut self, name: &str) {
        self.vars.retain(|(n, _)| n != name);
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(BIN);
        c.args(args)
            .current_dir(self.dir.path())
            .env_remove("DATABASE_URL")
            .env_remove("GATEWAY_MASTER_KEY")
            .env("GATEWAY_LISTEN", "127.0.0.1:0");
        for (k, v) in &self.vars {
            c.env(k, v);
        }
        c
    }

    /// Starts `serve` and waits for its start-up line.
    pub fn serve(&self) -> Gateway {
        let mut child = self
            .command(&[])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = BufReader::new(child.stderr.take().unwrap());
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in stderr.lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let started = Instant::now();
        let mut line = None;
        while started.elapsed() < Duration::from_secs(30) {
            if let Ok(l) = rx.recv_timeout(Duration::from_millis(100))
                && l.contains("listening on")
            {
                line = Some(l);
                break;
            }
        }
        let line = line.expect("a start-up line");
        let address = line
            .split("http://")
            .nth(1)
            .unwrap()
            .split_whitespace()
            .next()
            .unwrap()
            .to_string();
        Gateway {
            child,
            address,
            start_line: line,
            logs: rx,
        }
    }
}

pub struct Gateway {
    pub child: Child,
    pub address: String,
    pub start_line: String,
    logs: mpsc::Receiver<String>,
}

impl Gateway {
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.address, path)
    }

    /// SIGTERM, then wait; returns whether it exited cleanly and what it printed on stdout.
    pub fn terminate(mut self) -> (bool, String) {
        let ok = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .unwrap()
            .success();
        assert!(ok);
        let status = self.child.wait().unwrap();
        let mut stdout = String::new();
        if let Some(mut out) = self.child.stdout.take() {
            out.read_to_string(&mut stdout).unwrap();
        }
        (status.success(), stdout)
    }

    /// The lines it logged (stderr) since the last call, waiting up to `wait` for one that
    /// contains `until`.
    pub fn logs_until(&self, until: &str, wait: Duration) -> Vec<String> {
        let started = Instant::now();
        let mut lines = Vec::new();
        while started.elapsed() < wait {
            match self.logs.recv_timeout(Duration::from_millis(50)) {
                Ok(l) => {
                    let done = l.contains(until);
                    lines.push(l);
                    if done {
                        break;
                    }
                }
                Err(_) => continue,
            }
        }
        lines
    }

    /// SIGKILL: no shutdown code runs.
    pub fn kill9(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }

    /// The sandbox merchant printed on the first start.
    pub fn sandbox(&mut self) -> (String, String) {
        let mut out = self.child.stdout.take().unwrap();
        let mut text = Vec::new();
        let mut buf = [0u8; 256];
        while !String::from_utf8_lossy(&text).contains("secret:") {
            let n = out.read(&mut buf).unwrap();
            assert!(n > 0, "no sandbox merchant printed");
            text.extend_from_slice(&buf[..n]);
        }
        let text = String::from_utf8_lossy(&text).into_owned();
        let field = |label: &str| {
            text.lines()
                .find(|l| l.contains(label))
                .and_then(|l| l.split_whitespace().last())
                .unwrap()
                .to_string()
        };
        let id = field("account id:");
        // Keep reading (and discarding) stdout so the child never blocks on a full pipe.
        std::thread::spawn(move || while out.read(&mut buf).unwrap_or(0) > 0 {});
        (id, field("secret:"))
    }
}
