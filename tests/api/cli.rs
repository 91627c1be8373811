//! The real binary: `serve` on a fresh database (sandbox merchant, one start-up line, graceful
//! stop on SIGTERM) and `merchant create` / `merchant list`.

use crate::helpers::postgres_admin_url;
use crate::process::{Env, succeeded};

#[tokio::test]
async fn merchant_create_prints_the_secret_once_and_list_never_does() {
    let env = Env::new().await;
    let out = succeeded(
        env.command(&["merchant", "create", "--name", "Acme", "--json"])
            .output()
            .unwrap(),
    );
    let created: serde_json::Value = serde_json::from_str(&out).unwrap();
    let account = created["account_id"].as_str().unwrap().to_string();
    let secret = created["secret"].as_str().unwrap().to_string();
    assert!(account.starts_with("acct_") && secret.len() >= 32);
    assert_eq!(
        created["live_mode"], false,
        "no live processor: even a merchant created for live takes test payments only"
    );

    let out = env
        .command(&["merchant", "list", "--json"])
        .output()
        .unwrap();
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(list[0]["account_id"], account.as_str());
    assert_eq!(list[0]["name"], "Acme");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains(&secret));
    assert_eq!(list[0]["live_mode"], false);
    let plain = env.command(&["merchant", "list"]).output().unwrap();
    let plain = String::from_utf8_lossy(&plain.stdout);
    assert!(plain.contains(&account));
    assert!(
        plain.contains("test only") && plain.contains("test payments only"),
        "{plain}"
    );
    let human = succeeded(
        env.command(&["merchant", "create", "--name", "Beta"])
            .output()
            .unwrap(),
    );
    assert!(human.contains("test payments only"), "{human}");

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
    let gateway = env.serve();
    assert!(
        gateway.start_line.contains("using database"),
        "{}",
        gateway.start_line
    );
    let health = crate::helpers::http_client()
        .get(gateway.url("/healthz"))
        .send()
        .await
        .unwrap();
    assert_eq!(health.text().await.unwrap(), "ok");
    let (clean, stdout) = gateway.terminate();
    assert!(clean, "graceful exit on SIGTERM");
    assert!(stdout.contains("sandbox merchant"), "{stdout}");
    assert!(stdout.contains("account id: acct_"));
}
