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

/// A payment request of the sandbox merchant signed with `secret`; the status.
async fn checkout_status(base: &str, account: &str, secret: &str, reference: &str) -> u16 {
    use crate::helpers::{encode, http_client, pairs, signed};
    let fields = pairs(&[
        ("x_account_id", account),
        ("x_amount", "5.00"),
        ("x_currency", "EUR"),
        ("x_reference", reference),
        ("x_shop_country", "DE"),
        ("x_shop_name", "CLI shop"),
        ("x_test", "true"),
        ("x_url_callback", "https://shop.example.com/cb"),
        ("x_url_cancel", "https://shop.example.com/cart"),
        ("x_url_complete", "https://shop.example.com/done"),
    ]);
    http_client()
        .post(format!("{base}/checkout"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(encode(&signed(fields, secret)))
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

fn failed_with(out: std::process::Output, expected: &str) {
    assert!(!out.status.success(), "should have failed");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(expected), "{stderr}");
}

#[tokio::test]
async fn the_cli_rotates_revokes_sets_hosts_and_invites() {
    let mut env = Env::new().await;
    env.set("GATEWAY_MERCHANT_CACHE_TTL", "2s");
    env.set("GATEWAY_PUBLIC_URL", "https://pay.example.com/");
    let mut gateway = env.serve();
    let (account, k1) = gateway.sandbox();
    let base = gateway.url("");
    assert_eq!(checkout_status(&base, &account, &k1, "before").await, 303);

    let out = succeeded(
        env.command(&[
            "merchant",
            "rotate-secret",
            &account,
            "--overlap",
            "1h",
            "--json",
        ])
        .output()
        .unwrap(),
    );
    let rotated: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(rotated["account_id"], account.as_str());
    let k2 = rotated["secret"].as_str().unwrap().to_string();
    assert!(k2.len() >= 32 && k2 != k1);
    let expires = time::OffsetDateTime::parse(
        rotated["previous_expires_at"].as_str().unwrap(),
        &time::format_description::well_known::Rfc3339,
    )
    .unwrap();
    let ahead = expires - time::OffsetDateTime::now_utc();
    assert!(ahead > time::Duration::minutes(59) && ahead <= time::Duration::hours(1));

    // The running gateway takes the new secret once its cached entry is a second old (a
    // signature that fails is checked against the database again), and the old one still.
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    assert_eq!(checkout_status(&base, &account, &k2, "new").await, 303);
    assert_eq!(checkout_status(&base, &account, &k1, "old").await, 303);

    failed_with(
        env.command(&["merchant", "rotate-secret", &account])
            .output()
            .unwrap(),
        "revoke it before rotating again",
    );
    for overlap in ["8d", "30s", "soon"] {
        let out = env
            .command(&["merchant", "rotate-secret", &account, "--overlap", overlap])
            .output()
            .unwrap();
        assert!(!out.status.success(), "{overlap}");
    }
    let out = succeeded(
        env.command(&["merchant", "revoke-previous", &account])
            .output()
            .unwrap(),
    );
    assert!(out.contains("no longer verifies"), "{out}");
    failed_with(
        env.command(&["merchant", "revoke-previous", &account])
            .output()
            .unwrap(),
        "no previous secret",
    );
    // Seen by the running gateway within its cache's lifetime.
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    assert_eq!(
        checkout_status(&base, &account, &k1, "old-again").await,
        401
    );
    assert_eq!(
        checkout_status(&base, &account, &k2, "new-again").await,
        303
    );

    let out = succeeded(
        env.command(&[
            "merchant",
            "settings",
            &account,
            "--return-hosts",
            "other.example.com,*.other.example.com",
            "--frame-origins",
            "https://other.example.com",
            "--json",
        ])
        .output()
        .unwrap(),
    );
    let settings: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        settings["return_hosts"],
        serde_json::json!(["other.example.com", "*.other.example.com"])
    );
    assert_eq!(
        settings["frame_origins"],
        serde_json::json!(["https://other.example.com"])
    );
    failed_with(
        env.command(&[
            "merchant",
            "settings",
            &account,
            "--return-hosts",
            "https://x.example",
        ])
        .output()
        .unwrap(),
        "not a host name",
    );
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    assert_eq!(
        checkout_status(&base, &account, &k2, "host-refused").await,
        422,
        "shop.example.com is no longer an allowed host"
    );

    let out = succeeded(
        env.command(&["merchant", "invite", &account, "--email", "dev@example.com"])
            .output()
            .unwrap(),
    );
    let link = out.lines().next().unwrap();
    let token = link
        .strip_prefix("https://pay.example.com/dashboard/setup/")
        .unwrap_or_else(|| panic!("{link}"));
    assert_eq!(token.len(), 64);
    let page = crate::helpers::http_client()
        .get(gateway.url(&format!("/dashboard/setup/{token}")))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    failed_with(
        env.command(&[
            "merchant",
            "invite",
            "acct_nobody",
            "--email",
            "x@example.com",
        ])
        .output()
        .unwrap(),
        "no merchant",
    );
    failed_with(
        env.command(&["merchant", "invite", &account, "--email", "not an email"])
            .output()
            .unwrap(),
        "not an email address",
    );
    let (clean, _) = gateway.terminate();
    assert!(clean);
}
