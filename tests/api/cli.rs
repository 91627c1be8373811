//! The real binary: `serve` on a fresh database (sandbox merchant, one start-up line, graceful
//! stop on SIGTERM) and `merchant create` / `merchant list`.

use crate::helpers::postgres_admin_url;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_offsite-gateway");

/// An isolated environment for the binary: its own directory, and its own PostgreSQL database
/// when the suite runs on PostgreSQL.
struct Env {
    dir: tempfile::TempDir,
    vars: Vec<(String, String)>,
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
    async fn new() -> Env {
        let dir = tempfile::tempdir().unwrap();
        let mut vars = vec![("RUST_LOG".to_string(), "info".to_string())];
        let mut database = None;
        if let Some(admin) = postgres_admin_url() {
            let (url, name) = crate::helpers::create_database(&admin, "gw_cli").await;
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

    fn command(&self, args: &[&str]) -> Command {
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
}

#[tokio::test]
async fn merchant_create_prints_the_secret_once_and_list_never_does() {
    let env = Env::new().await;
    let out = env
        .command(&["merchant", "create", "--name", "Acme", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let created: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let account = created["account_id"].as_str().unwrap().to_string();
    let secret = created["secret"].as_str().unwrap().to_string();
    assert!(account.starts_with("acct_") && secret.len() >= 32);

    let out = env
        .command(&["merchant", "list", "--json"])
        .output()
        .unwrap();
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(list[0]["account_id"], account.as_str());
    assert_eq!(list[0]["name"], "Acme");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains(&secret));
    let plain = env.command(&["merchant", "list"]).output().unwrap();
    assert!(String::from_utf8_lossy(&plain.stdout).contains(&account));

    let bad = env
        .command(&["merchant", "create", "--name", " "])
        .output()
        .unwrap();
    assert!(!bad.status.success(), "an empty name is refused");
    if postgres_admin_url().is_none() {
        let key = env.dir.path().join("offsite-gateway.key");
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(key).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
}

#[tokio::test]
async fn serve_creates_a_sandbox_merchant_logs_where_it_listens_and_stops_on_sigterm() {
    let env = Env::new().await;
    let mut child = env
        .command(&[])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = BufReader::new(child.stderr.take().unwrap());
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in stderr.lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let started = Instant::now();
    let mut listen_line = None;
    while started.elapsed() < Duration::from_secs(20) {
        if let Ok(line) = rx.recv_timeout(Duration::from_millis(100))
            && line.contains("listening on")
        {
            listen_line = Some(line);
            break;
        }
    }
    let line = listen_line.expect("a start-up line");
    assert!(line.contains("using database"), "{line}");
    let address = line
        .split("http://")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_string();
    let health = reqwest::get(format!("http://{address}/healthz"))
        .await
        .unwrap();
    assert_eq!(health.text().await.unwrap(), "ok");

    let out = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(out.success());
    let status = child.wait().unwrap();
    assert!(status.success(), "graceful exit: {status:?}");
    let mut stdout = String::new();
    use std::io::Read;
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut stdout)
        .unwrap();
    assert!(stdout.contains("sandbox merchant"), "{stdout}");
    assert!(stdout.contains("account id: acct_"));
}
