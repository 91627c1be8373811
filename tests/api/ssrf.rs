//! The SSRF guard apart from the URL rules (T7): `GATEWAY_ALLOW_PRIVATE_TARGETS` lets a
//! storefront give a loopback URL, but the guard, which checks the address a callback or a
//! webhook actually connects to, still refuses it unless its own allow list
//! (`GATEWAY_CALLBACK_ALLOW_NETS`, here the receivers' address only) names it. Refused at
//! delivery, by IP literal and by a name resolving to loopback: nothing is sent, and the attempt
//! records `blocked_ip`. In process and with the real binary.

use crate::helpers::*;
use crate::process::{Env, pay_on};
use crate::receiver::{CountingListener, Receiver};
use offsite_gateway::store::callbacks::{self, Callback};
use offsite_gateway::store::{self, Db};
use reqwest::Method;
use serde_json::json;
use std::time::Duration;

/// Loopback URLs the URL rules accept with private targets allowed and the guard must refuse:
/// an IP literal, and `localhost`, which only the resolver turns into loopback.
fn loopback_urls(port: u16, path: &str) -> [String; 2] {
    [
        format!("http://127.0.0.1:{port}{path}"),
        format!("http://localhost:{port}{path}"),
    ]
}

/// Waits until every callback row going to one of `urls` has been attempted and refused by the
/// guard; returns those rows.
async fn refused(db: &Db, urls: &[String]) -> Vec<Callback> {
    let to_urls = || async {
        callbacks::list(db, None, 100)
            .await
            .unwrap()
            .into_iter()
            .filter(|c| urls.contains(&c.url))
            .collect::<Vec<_>>()
    };
    let all_refused = eventually(20, || async {
        let rows = to_urls().await;
        !rows.is_empty()
            && rows.len() >= urls.len()
            && rows
                .iter()
                .all(|c| c.last_error.as_deref() == Some("blocked_ip"))
    })
    .await;
    let rows = to_urls().await;
    assert!(all_refused, "{rows:?}");
    for c in &rows {
        let attempts = callbacks::attempts(db, c.id).await.unwrap();
        assert!(
            !attempts.is_empty()
                && attempts
                    .iter()
                    .all(|a| a.error_kind.as_deref() == Some("blocked_ip")
                        && a.http_status.is_none()),
            "{}: {attempts:?}",
            c.url
        );
    }
    rows
}

#[tokio::test]
async fn a_loopback_callback_url_the_url_rules_accept_is_refused_by_the_guard_when_sent() {
    let app = TestApp::spawn().await;
    assert!(
        app.settings.allow_private_targets,
        "the URL rules accept loopback"
    );
    let loopback = CountingListener::start("127.0.0.1").await;
    let storefront = Receiver::start().await;
    let urls = loopback_urls(loopback.port, "/cb");
    for (i, url) in urls.iter().enumerate() {
        let mut request = app.request(&format!("guard-{i}"));
        set(&mut request, "x_url_callback", url);
        let page = app.open_payment(request).await;
        assert_eq!(app.pay(&page, CARD_OK).await.status(), 303);
    }
    // The receiver, on the address the guard allows, gets its callback: the guard is not
    // refusing everything.
    let mut request = app.request("guard-receiver");
    set(&mut request, "x_url_callback", &storefront.url("/cb"));
    let page = app.open_payment(request).await;
    app.pay(&page, CARD_OK).await;
    assert_eq!(storefront.wait_for(1, 10).await.len(), 1);

    refused(&app.db, &urls).await;
    assert_eq!(loopback.connections(), 0, "nothing was sent to loopback");
}

#[tokio::test]
async fn a_loopback_webhook_endpoint_the_url_rules_accept_is_refused_by_the_guard_when_sent() {
    let app = TestApp::spawn().await;
    let key = app.api_key(ACCOUNT, false).await;
    let loopback = CountingListener::start("127.0.0.1").await;
    let mut endpoints = Vec::new();
    for url in loopback_urls(loopback.port, "/hooks") {
        let body = json!({"url": url, "events": ["*"]});
        let (status, made, _) = app
            .api(
                Method::POST,
                "/v1/webhook_endpoints",
                &key,
                Some(body),
                None,
            )
            .await;
        assert_eq!(status, 201, "{url} is a URL the rules accept: {made}");
        endpoints.push(format!("'{}'", made["id"].as_str().unwrap()));
    }
    let session = app
        .api(
            Method::POST,
            "/v1/sessions",
            &key,
            Some(app.session_body("guard-webhook", 1000)),
            None,
        )
        .await
        .1;
    let page = url::Url::parse(session["url"].as_str().unwrap()).unwrap();
    assert_eq!(app.pay(page.path(), CARD_OK).await.status(), 303);

    // Webhook deliveries are rows of the same outbox, by endpoint.
    let endpoints = endpoints.join(",");
    let deliveries = format!("FROM callbacks WHERE endpoint_id IN ({endpoints})");
    let blocked = format!("SELECT COUNT(*) {deliveries} AND last_error = 'blocked_ip'");
    assert!(eventually(20, || async { app.count(&blocked).await == 2 }).await);
    let sent = format!(
        "SELECT COUNT(*) FROM callback_attempts WHERE callback_id IN (SELECT id {deliveries}) \
         AND (error_kind IS NULL OR error_kind <> 'blocked_ip' OR http_status IS NOT NULL)"
    );
    assert_eq!(app.count(&sent).await, 0, "every attempt was refused");
    assert_eq!(loopback.connections(), 0, "nothing was sent to loopback");
}

#[tokio::test]
async fn the_binary_keeps_the_guard_on_when_private_targets_are_allowed() {
    // The settings as the environment gives them: GATEWAY_ALLOW_PRIVATE_TARGETS for the URLs,
    // GATEWAY_CALLBACK_ALLOW_NETS (the harness's: the receivers' address) for the guard.
    let mut env = Env::new().await;
    env.set("GATEWAY_ALLOW_PRIVATE_TARGETS", "true");
    env.set("GATEWAY_CALLBACK_RETRY_SCHEDULE", "1s");
    let mut gateway = env.serve();
    let (account, secret) = gateway.sandbox();
    let base = gateway.url("");
    let loopback = CountingListener::start("127.0.0.1").await;
    let storefront = Receiver::start().await;
    let urls = loopback_urls(loopback.port, "/cb");
    for (i, url) in urls.iter().enumerate() {
        pay_on(&base, &account, &secret, &format!("guard-bin-{i}"), url).await;
    }
    pay_on(
        &base,
        &account,
        &secret,
        "guard-bin-receiver",
        &storefront.url("/cb"),
    )
    .await;
    assert_eq!(storefront.wait_for(1, 15).await.len(), 1);
    let db = store::connect(&env.settings().store_options())
        .await
        .unwrap();
    refused(&db, &urls).await;
    assert_eq!(loopback.connections(), 0, "nothing was sent to loopback");
    assert!(gateway.terminate().0);

    // Private targets allowed and nothing for the guard: it says so at start, and refuses the
    // receiver too.
    env.unset("GATEWAY_CALLBACK_ALLOW_NETS");
    let gateway = env.serve();
    let warning = gateway.logs_until("GATEWAY_CALLBACK_ALLOW_NETS", Duration::from_secs(10));
    assert!(
        warning
            .last()
            .is_some_and(|l| l.contains("SSRF guard") && l.contains("WARN")),
        "{warning:?}"
    );
    let unlisted = vec![storefront.url("/unlisted")];
    pay_on(
        &gateway.url(""),
        &account,
        &secret,
        "guard-bin-unlisted",
        &unlisted[0],
    )
    .await;
    refused(&db, &unlisted).await;
    assert_eq!(storefront.hits().len(), 1, "the receiver got nothing more");
    assert!(gateway.terminate().0);
}
