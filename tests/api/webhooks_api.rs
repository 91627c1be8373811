//! Webhooks (protocol.md section 12, T27) and embedded mode (section 13, T11), black-box over
//! HTTP: the endpoint API per merchant; every delivery checked by the Standard Webhooks
//! reference library (`standardwebhooks`, not the gateway's signer); retries with the same id
//! and body and a fresh signature; rotation with two signatures; a payment's events in order;
//! deleted endpoints; the SSRF guard; a `kill -9` of the real binary; and the framing headers of
//! embedded pages.

use crate::helpers::*;
use crate::process::Env;
use crate::receiver::{CountingListener, Hit, RECEIVER_IP, Receiver, Reply, unused_receiver_port};
use poem::http::{HeaderMap, HeaderName, HeaderValue};
use reqwest::Method;
use serde_json::{Value, json};
use std::time::{Duration, Instant};

// ---------------------------------------------------------------------------------------------
// Helpers of this file.

/// The hit's headers as the `http` crate's map, for the reference verifier.
fn header_map(hit: &Hit) -> HeaderMap {
    let mut map = HeaderMap::new();
    for (n, v) in &hit.headers {
        map.append(
            HeaderName::from_bytes(n.as_bytes()).unwrap(),
            HeaderValue::from_str(v).unwrap(),
        );
    }
    map
}

/// Whether the Standard Webhooks reference library accepts `body` with the hit's headers under
/// `secret`.
fn verifies_body(secret: &str, body: &[u8], hit: &Hit) -> bool {
    standardwebhooks::Webhook::new(secret)
        .unwrap()
        .verify(body, &header_map(hit))
        .is_ok()
}

fn verifies(secret: &str, hit: &Hit) -> bool {
    verifies_body(secret, &hit.body, hit)
}

/// A well-formed secret nobody was given.
fn stranger_secret() -> String {
    use base64::Engine;
    let bytes = offsite_gateway::crypto::random_bytes::<32>();
    format!(
        "whsec_{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    )
}

fn event_type(hit: &Hit) -> String {
    hit.json()["type"].as_str().unwrap_or("").to_string()
}

fn types(hits: &[Hit]) -> Vec<String> {
    hits.iter().map(event_type).collect()
}

fn now_secs() -> i64 {
    offsite_gateway::store::now_millis() / 1000
}

/// Creates an endpoint of the key's merchant; its id and secret.
async fn endpoint(app: &TestApp, key: &str, url: &str, events: &[&str]) -> (String, String) {
    let (s, body, _) = app
        .api(
            Method::POST,
            "/v1/webhook_endpoints",
            key,
            Some(json!({"url": url, "events": events})),
            None,
        )
        .await;
    assert_eq!(s, 201, "{body}");
    (
        body["id"].as_str().unwrap().to_string(),
        body["secret"].as_str().unwrap().to_string(),
    )
}

/// Creates a session from `body`; the session object.
async fn session(app: &TestApp, key: &str, body: Value) -> Value {
    let (s, session, _) = app
        .api(Method::POST, "/v1/sessions", key, Some(body), None)
        .await;
    assert_eq!(s, 201, "{session}");
    session
}

/// The path of a session's payment page (`/pay/ID`): its URL names the configured public
/// address, not the test server's.
fn page_of(session: &Value) -> String {
    let url = session["url"].as_str().unwrap();
    url[url.find("/pay/").unwrap()..].to_string()
}

fn payment_id(page: &str) -> String {
    page.trim_start_matches("/pay/")
        .split('?')
        .next()
        .unwrap()
        .to_string()
}

/// Creates a session of M's (`capture` automatic or manual) and pays it on its hosted page;
/// the payment id.
async fn paid_session(app: &TestApp, key: &str, reference: &str, capture: &str) -> String {
    let mut body = app.session_body(reference, 1250);
    body["capture"] = json!(capture);
    let page = page_of(&session(app, key, body).await);
    let resp = app.pay(&page, CARD_OK).await;
    assert_eq!(resp.status(), 303);
    payment_id(&page)
}

/// Runs the test's own worker (the app's runs too) until `rx` has at least `n` requests or
/// 20 s have passed; every request so far.
async fn delivered(app: &TestApp, rx: &Receiver, n: usize) -> Vec<Hit> {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        app.drain_callbacks().await;
        let hits = rx.hits();
        if hits.len() >= n || Instant::now() > deadline {
            return hits;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Drains, sleeps past the retry interval and drains again until `sql` counts `want` or 20 s
/// have passed; the last count.
async fn drain_until(app: &TestApp, sql: &str, want: i64) -> i64 {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        app.drain_callbacks().await;
        let n = app.count(sql).await;
        if n == want || Instant::now() > deadline {
            return n;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// The webhook deliveries still waiting.
const PENDING_WEBHOOKS: &str =
    "SELECT COUNT(*) FROM callbacks WHERE endpoint_id IS NOT NULL AND status = 'pending'";

/// Attempts of webhook deliveries in the attempt log.
const WEBHOOK_ATTEMPTS: &str = "SELECT COUNT(*) FROM callback_attempts a \
     JOIN callbacks c ON c.id = a.callback_id WHERE c.endpoint_id IS NOT NULL";

/// The single column `sql` selects, as text, from every row.
async fn texts(app: &TestApp, sql: &str) -> Vec<String> {
    use sea_orm::{ConnectionTrait, Statement};
    let rows = app
        .db
        .orm()
        .query_all_raw(Statement::from_string(
            app.db.orm().get_database_backend(),
            sql.to_string(),
        ))
        .await
        .unwrap();
    rows.iter()
        .map(|r| {
            r.try_get_by_index::<Option<String>>(0)
                .unwrap()
                .unwrap_or_else(|| "~".into())
        })
        .collect()
}

/// `GET /v1/payments/{id}`: a webhook's `data.object` must be this JSON in the same state.
async fn fetched_payment(app: &TestApp, key: &str, id: &str) -> Value {
    let (s, p, _) = app
        .api(Method::GET, &format!("/v1/payments/{id}"), key, None, None)
        .await;
    assert_eq!(s, 200, "{p}");
    p
}

fn header<'a>(headers: &'a reqwest::header::HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

// ---------------------------------------------------------------------------------------------
// 1. The endpoint API.

#[tokio::test]
async fn endpoints_are_created_listed_rotated_and_deleted_per_merchant() {
    let app = TestApp::spawn().await;
    let key = app.api_key(ACCOUNT, false).await;
    let theirs = app.api_key(OTHER_ACCOUNT, false).await;
    let url = "https://hooks.example.com/gateway?token=abc";
    let events = ["payment.completed", "payment.refunded"];

    let (s, made, _) = app
        .api(
            Method::POST,
            "/v1/webhook_endpoints",
            &key,
            Some(json!({"url": url, "events": events})),
            None,
        )
        .await;
    assert_eq!(s, 201, "{made}");
    let id = made["id"].as_str().unwrap().to_string();
    assert!(id.starts_with("we_"), "{made}");
    assert_eq!(made["object"], "webhook_endpoint");
    assert_eq!(made["url"], url);
    assert_eq!(made["events"], json!(events));
    let secret = made["secret"].as_str().unwrap().to_string();
    let raw = {
        use base64::Engine;
        let b64 = secret.strip_prefix("whsec_").expect("a whsec_ secret");
        base64::engine::general_purpose::STANDARD
            .decode(b64)
            .expect("base64 after the prefix")
    };
    assert!((24..=64).contains(&raw.len()), "{} bytes", raw.len());
    assert!(made["previous_secret_expires_at"].is_null(), "{made}");

    // Listed, never with its secret.
    let (s, list, _) = app
        .api(Method::GET, "/v1/webhook_endpoints", &key, None, None)
        .await;
    assert_eq!(s, 200);
    assert_eq!(list["object"], "list");
    let data = list["data"].as_array().unwrap();
    assert_eq!(data.len(), 1, "{list}");
    assert_eq!(data[0]["id"], id.as_str());
    assert_eq!(data[0]["url"], url);
    assert_eq!(data[0]["events"], json!(events));
    assert!(data[0].get("secret").is_none(), "{list}");
    assert!(!list.to_string().contains(&secret));

    // Refused bodies store nothing.
    let before = app.snapshot().await;
    let endpoints = "SELECT COUNT(*) FROM webhook_endpoints";
    let stored = app.count(endpoints).await;
    for (body, param) in [
        (json!({"url": "ftp://x", "events": ["*"]}), "url"),
        (
            json!({"url": "https://hooks.example.com/a b", "events": ["*"]}),
            "url",
        ),
        (
            json!({"url": "https://u:p@hooks.example.com/", "events": ["*"]}),
            "url",
        ),
        (
            json!({"url": "https://hooks.example.com/", "events": []}),
            "events",
        ),
        (
            json!({"url": "https://hooks.example.com/", "events": ["payment.done"]}),
            "events",
        ),
        (
            json!({"url": "https://hooks.example.com/", "events": ["payment.completed", "nope"]}),
            "events",
        ),
    ] {
        let (s, err, _) = app
            .api(
                Method::POST,
                "/v1/webhook_endpoints",
                &key,
                Some(body.clone()),
                None,
            )
            .await;
        // Spec section 11: invalid_request_error is 400 (a body the schema refuses) or 422.
        assert!(matches!(s, 400 | 422), "{body}: {s} {err}");
        assert_eq!(
            err["error"]["type"], "invalid_request_error",
            "{body}: {err}"
        );
        assert_eq!(err["error"]["param"], param, "{body}: {err}");
    }
    // The semantic refusals are 422 (the schema cannot tell).
    let (s, _, _) = app
        .api(
            Method::POST,
            "/v1/webhook_endpoints",
            &key,
            Some(json!({"url": "https://hooks.example.com/", "events": ["payment.done"]})),
            None,
        )
        .await;
    assert_eq!(s, 422);
    assert_eq!(app.snapshot().await, before);
    assert_eq!(app.count(endpoints).await, stored);

    // Another merchant neither sees nor changes it (404, never 403).
    let (s, list, _) = app
        .api(Method::GET, "/v1/webhook_endpoints", &theirs, None, None)
        .await;
    assert_eq!(s, 200);
    assert_eq!(list["data"], json!([]), "{list}");
    let (s, err, _) = app
        .api(
            Method::DELETE,
            &format!("/v1/webhook_endpoints/{id}"),
            &theirs,
            None,
            None,
        )
        .await;
    assert_eq!(s, 404, "{err}");
    assert_eq!(err["error"]["type"], "not_found");
    let (s, err, _) = app
        .api(
            Method::POST,
            &format!("/v1/webhook_endpoints/{id}/rotate_secret"),
            &theirs,
            None,
            None,
        )
        .await;
    assert_eq!(s, 404, "{err}");
    assert!(!err.to_string().contains("whsec_"));

    // Rotation: a new secret; the old one signs too for 24 h.
    let asked = now_secs();
    let (s, rotated, _) = app
        .api(
            Method::POST,
            &format!("/v1/webhook_endpoints/{id}/rotate_secret"),
            &key,
            None,
            None,
        )
        .await;
    assert_eq!(s, 200, "{rotated}");
    assert_eq!(rotated["id"], id.as_str());
    let new_secret = rotated["secret"].as_str().unwrap();
    assert!(new_secret.starts_with("whsec_") && new_secret != secret);
    let until = rotated["previous_secret_expires_at"].as_i64().unwrap();
    assert!(
        (until - (asked + 86_400)).abs() <= 60,
        "previous_secret_expires_at {until}, asked at {asked}"
    );
    let (_, list, _) = app
        .api(Method::GET, "/v1/webhook_endpoints", &key, None, None)
        .await;
    assert_eq!(list["data"][0]["previous_secret_expires_at"], until);
    assert!(!list.to_string().contains("whsec_"));

    // Deleted once; then not found, and no longer listed.
    let path = format!("/v1/webhook_endpoints/{id}");
    let (s, deleted, _) = app.api(Method::DELETE, &path, &key, None, None).await;
    assert_eq!(s, 200, "{deleted}");
    assert_eq!(deleted["deleted"], true);
    assert_eq!(deleted["id"], id.as_str());
    let (s, _, _) = app.api(Method::DELETE, &path, &key, None, None).await;
    assert_eq!(s, 404);
    let (s, _, _) = app
        .api(
            Method::POST,
            &format!("{path}/rotate_secret"),
            &key,
            None,
            None,
        )
        .await;
    assert_eq!(s, 404);
    let (_, list, _) = app
        .api(Method::GET, "/v1/webhook_endpoints", &key, None, None)
        .await;
    assert_eq!(list["data"], json!([]));
}

#[tokio::test]
async fn creating_an_endpoint_with_an_idempotency_key_makes_one_endpoint() {
    let app = TestApp::spawn().await;
    let key = app.api_key(ACCOUNT, false).await;
    let body = json!({"url": "https://hooks.example.com/wh", "events": ["*"]});
    let call = || {
        app.api(
            Method::POST,
            "/v1/webhook_endpoints",
            &key,
            Some(body.clone()),
            Some("make-endpoint-1"),
        )
    };
    let (s1, first, _) = call().await;
    let (s2, second, headers) = call().await;
    assert_eq!((s1, s2), (201, 201), "{first} {second}");
    assert_eq!(first, second, "the first answer again");
    assert_eq!(header(&headers, "idempotent-replayed"), Some("true"));
    assert_eq!(app.count("SELECT COUNT(*) FROM webhook_endpoints").await, 1);
}

#[tokio::test]
async fn no_endpoint_without_a_valid_key() {
    let app = TestApp::spawn().await;
    let body = json!({"url": "https://hooks.example.com/wh", "events": ["*"]});
    for key in ["", "sk_test_nope"] {
        let (s, err, _) = app
            .api(
                Method::POST,
                "/v1/webhook_endpoints",
                key,
                Some(body.clone()),
                None,
            )
            .await;
        assert_eq!(s, 401, "{err}");
        let (s, _, _) = app
            .api(Method::GET, "/v1/webhook_endpoints", key, None, None)
            .await;
        assert_eq!(s, 401);
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM webhook_endpoints").await, 0);
}

// ---------------------------------------------------------------------------------------------
// 2. Delivery.

#[tokio::test]
async fn a_paid_session_delivers_a_signed_payment_completed_event() {
    let app = TestApp::spawn().await;
    let key = app.api_key(ACCOUNT, false).await;
    let rx = Receiver::start().await;
    let (_, secret) = endpoint(&app, &key, &rx.url("/wh"), &["*"]).await;
    let paid_at = now_secs();
    let id = paid_session(&app, &key, "wh-completed", "automatic").await;

    let hits = delivered(&app, &rx, 1).await;
    assert_eq!(hits.len(), 1, "{:?}", types(&hits));
    let hit = &hits[0];
    // Verified first: the reference verifier allows five minutes.
    assert!(verifies(&secret, hit), "the reference library verifies it");
    assert_eq!(hit.path, "/wh");
    assert!(
        hit.content_type
            .as_deref()
            .is_some_and(|c| c.starts_with("application/json")),
        "{:?}",
        hit.content_type
    );
    let body = hit.json();
    let webhook_id = hit.header("webhook-id").unwrap();
    assert!(webhook_id.starts_with("evt_"), "{webhook_id}");
    assert_eq!(body["id"], webhook_id);
    let ts: i64 = hit.header("webhook-timestamp").unwrap().parse().unwrap();
    assert!((ts - now_secs()).abs() <= 60, "webhook-timestamp {ts}");
    let sig = hit.header("webhook-signature").unwrap();
    assert!(sig.starts_with("v1,") && !sig.contains(' '), "{sig}");

    assert_eq!(body["type"], "payment.completed", "{body}");
    let created = body["created_at"].as_i64().unwrap();
    assert!((created - paid_at).abs() <= 60, "{body}");
    let object = &body["data"]["object"];
    assert_eq!(object["object"], "payment");
    assert_eq!(object["id"], id.as_str());
    assert_eq!(object["status"], "captured");
    assert_eq!(object["amount"], 1250);
    assert_eq!(object["amount_captured"], 1250);
    assert_eq!(object["currency"], "EUR");
    assert_eq!(object["reference"], "wh-completed");
    assert_eq!(object["card"]["brand"], "visa");
    assert_eq!(object["card"]["last4"], "4242");
    assert_eq!(object["livemode"], false);
    // The same JSON as a GET of the payment in this state.
    let (s, fetched, _) = app
        .api(Method::GET, &format!("/v1/payments/{id}"), &key, None, None)
        .await;
    assert_eq!(s, 200);
    assert_eq!(object, &fetched);
    assert_eq!(
        body.as_object().unwrap().len(),
        4,
        "id, type, created_at, data"
    );

    // A changed byte, another secret, or another id does not verify.
    let mut tampered = hit.body.clone();
    let at = tampered
        .windows(4)
        .position(|w| w == b"1250")
        .expect("the amount in the body");
    tampered[at] = b'9';
    assert!(!verifies_body(&secret, &tampered, hit));
    assert!(!verifies_body(
        &secret,
        format!("{}\n", String::from_utf8_lossy(&hit.body)).as_bytes(),
        hit
    ));
    assert!(!verifies(&stranger_secret(), hit));
    let mut forged = hit.clone();
    for (n, v) in forged.headers.iter_mut() {
        if n == "webhook-id" {
            *v = "evt_other".into();
        }
    }
    assert!(!verifies(&secret, &forged));

    // One delivery: nothing more arrives, and it is recorded as delivered.
    let delivered_rows =
        "SELECT COUNT(*) FROM callbacks WHERE endpoint_id IS NOT NULL AND status = 'delivered'";
    assert_eq!(drain_until(&app, delivered_rows, 1).await, 1);
    assert_eq!(app.count(PENDING_WEBHOOKS).await, 0);
    assert_eq!(rx.hits().len(), 1);
}

#[tokio::test]
async fn captures_refunds_and_voids_emit_their_events() {
    let app = TestApp::spawn().await;
    let key = app.api_key(ACCOUNT, false).await;
    let rx = Receiver::start().await;
    let (_, secret) = endpoint(&app, &key, &rx.url("/wh"), &["*"]).await;

    let manual = paid_session(&app, &key, "wh-manual", "manual").await;
    let hits = delivered(&app, &rx, 1).await;
    assert_eq!(types(&hits), ["payment.authorized"]);
    assert_eq!(hits[0].json()["data"]["object"]["status"], "authorized");
    assert_eq!(hits[0].json()["data"]["object"]["amount_captured"], 0);
    assert_eq!(
        hits[0].json()["data"]["object"],
        fetched_payment(&app, &key, &manual).await
    );

    let (s, op, _) = app
        .api(
            Method::POST,
            &format!("/v1/payments/{manual}/capture"),
            &key,
            Some(json!({})),
            None,
        )
        .await;
    assert_eq!(s, 200, "{op}");
    let hits = delivered(&app, &rx, 2).await;
    assert_eq!(types(&hits), ["payment.authorized", "payment.captured"]);
    let captured = hits[1].json();
    assert_eq!(captured["data"]["object"]["id"], manual.as_str());
    assert_eq!(captured["data"]["object"]["status"], "captured");
    assert_eq!(captured["data"]["object"]["amount_captured"], 1250);
    assert_eq!(
        captured["data"]["object"],
        fetched_payment(&app, &key, &manual).await
    );

    let (s, op, _) = app
        .api(
            Method::POST,
            &format!("/v1/payments/{manual}/refunds"),
            &key,
            Some(json!({"amount": 250})),
            None,
        )
        .await;
    assert_eq!(s, 200, "{op}");
    let hits = delivered(&app, &rx, 3).await;
    assert_eq!(types(&hits)[2], "payment.refunded", "{:?}", types(&hits));
    let refunded = hits[2].json();
    assert_eq!(refunded["data"]["object"]["status"], "partially_refunded");
    assert_eq!(refunded["data"]["object"]["amount_refunded"], 250);
    assert_eq!(
        refunded["data"]["object"],
        fetched_payment(&app, &key, &manual).await
    );

    let other = paid_session(&app, &key, "wh-void", "manual").await;
    let hits = delivered(&app, &rx, 4).await;
    assert_eq!(types(&hits)[3], "payment.authorized");
    let (s, op, _) = app
        .api(
            Method::POST,
            &format!("/v1/payments/{other}/void"),
            &key,
            None,
            None,
        )
        .await;
    assert_eq!(s, 200, "{op}");
    let hits = delivered(&app, &rx, 5).await;
    assert_eq!(
        types(&hits),
        [
            "payment.authorized",
            "payment.captured",
            "payment.refunded",
            "payment.authorized",
            "payment.voided"
        ]
    );
    let voided = hits[4].json();
    assert_eq!(voided["data"]["object"]["id"], other.as_str());
    assert_eq!(voided["data"]["object"]["status"], "voided");
    assert_eq!(
        voided["data"]["object"],
        fetched_payment(&app, &key, &other).await
    );

    // Every delivery verifies, and each event has an id of its own.
    for hit in &hits {
        assert!(verifies(&secret, hit), "{}", event_type(hit));
    }
    let mut ids: Vec<&str> = hits
        .iter()
        .map(|h| h.header("webhook-id").unwrap())
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 5);
}

#[tokio::test]
async fn expiring_a_session_emits_session_expired_with_the_session() {
    let app = TestApp::spawn().await;
    let key = app.api_key(ACCOUNT, false).await;
    let rx = Receiver::start().await;
    let (_, secret) = endpoint(&app, &key, &rx.url("/wh"), &["*"]).await;
    let made = session(&app, &key, app.session_body("wh-expire", 990)).await;
    let id = made["id"].as_str().unwrap();
    let (s, expired, _) = app
        .api(
            Method::POST,
            &format!("/v1/sessions/{id}/expire"),
            &key,
            None,
            None,
        )
        .await;
    assert_eq!(s, 200, "{expired}");
    let hits = delivered(&app, &rx, 1).await;
    assert_eq!(types(&hits), ["session.expired"]);
    assert!(verifies(&secret, &hits[0]));
    let object = &hits[0].json()["data"]["object"];
    assert_eq!(object["object"], "session");
    assert_eq!(object["id"], id);
    assert_eq!(object["status"], "expired");
    assert_eq!(object["reference"], "wh-expire");
    let (_, fetched, _) = app
        .api(Method::GET, &format!("/v1/sessions/{id}"), &key, None, None)
        .await;
    assert_eq!(object, &fetched, "the same JSON as a GET of the session");
    // Expiring it again is refused and emits nothing more.
    let (s, _, _) = app
        .api(
            Method::POST,
            &format!("/v1/sessions/{id}/expire"),
            &key,
            None,
            None,
        )
        .await;
    assert_eq!(s, 409);
    assert_eq!(drain_until(&app, PENDING_WEBHOOKS, 0).await, 0);
    assert_eq!(rx.hits().len(), 1);
}

#[tokio::test]
async fn an_x_payment_emits_webhooks_and_still_sends_its_callback() {
    let app = TestApp::spawn().await;
    let key = app.api_key(ACCOUNT, false).await;
    let hooks = Receiver::start().await;
    let storefront = Receiver::start().await;
    let (_, secret) = endpoint(&app, &key, &hooks.url("/wh"), &["*"]).await;
    let mut request = app.request("wh-x-payment");
    set(&mut request, "x_url_callback", &storefront.url("/callback"));
    let page = app.open_payment(request).await;
    assert_eq!(app.pay(&page, CARD_OK).await.status(), 303);

    let hits = delivered(&app, &hooks, 1).await;
    assert_eq!(types(&hits), ["payment.completed"]);
    assert!(verifies(&secret, &hits[0]));
    let object = &hits[0].json()["data"]["object"];
    assert_eq!(object["id"], payment_id(&page).as_str());
    assert_eq!(object["status"], "captured");
    assert_eq!(object["reference"], "wh-x-payment");
    assert_eq!(object["currency"], "USD");
    assert_eq!(object["amount"], 1000);
    assert!(hits.iter().all(|h| h.path == "/wh"));
    assert_eq!(
        object,
        &fetched_payment(&app, &key, &payment_id(&page)).await
    );

    // The x_ callback goes to its own URL, signed with the merchant's HMAC key as before.
    let callbacks = storefront.wait_for(1, 10).await;
    assert_eq!(callbacks.len(), 1);
    assert_eq!(callbacks[0].path, "/callback");
    assert_eq!(get(&callbacks[0].fields, "x_result"), Some("completed"));
    assert_eq!(
        get(&callbacks[0].fields, "x_reference"),
        Some("wh-x-payment")
    );
    assert!(verify(&callbacks[0].fields, SECRET));
    assert!(callbacks[0].header("webhook-id").is_none());
}

// ---------------------------------------------------------------------------------------------
// 3. Subscriptions.

#[tokio::test]
async fn endpoints_receive_only_what_they_subscribe_to_each_its_own_delivery() {
    let app = TestApp::spawn().await;
    let key = app.api_key(ACCOUNT, false).await;
    let refunds = Receiver::start().await;
    let all = Receiver::start().await;
    let (_, refunds_secret) = endpoint(&app, &key, &refunds.url("/r"), &["payment.refunded"]).await;
    let (_, all_secret) = endpoint(&app, &key, &all.url("/a"), &["*"]).await;
    // Another merchant's endpoint hears nothing of M's payments.
    let theirs_key = app.api_key(OTHER_ACCOUNT, false).await;
    let theirs = Receiver::start().await;
    endpoint(&app, &theirs_key, &theirs.url("/t"), &["*"]).await;

    let id = paid_session(&app, &key, "wh-filter", "automatic").await;
    assert_eq!(
        types(&delivered(&app, &all, 1).await),
        ["payment.completed"]
    );
    let (s, _, _) = app
        .api(
            Method::POST,
            &format!("/v1/payments/{id}/refunds"),
            &key,
            Some(json!({"amount": 1250})),
            None,
        )
        .await;
    assert_eq!(s, 200);
    let all_hits = delivered(&app, &all, 2).await;
    let refund_hits = delivered(&app, &refunds, 1).await;
    assert_eq!(drain_until(&app, PENDING_WEBHOOKS, 0).await, 0);

    assert_eq!(types(&all_hits), ["payment.completed", "payment.refunded"]);
    assert_eq!(types(&refunds.hits()), ["payment.refunded"]);
    assert!(theirs.hits().is_empty());
    // The same event, delivered to each endpoint, signed with each one's secret.
    let (a, r) = (&all_hits[1], &refund_hits[0]);
    assert_eq!(a.header("webhook-id"), r.header("webhook-id"));
    assert_eq!(a.body, r.body);
    assert_eq!(r.json()["data"]["object"]["status"], "refunded");
    assert!(verifies(&all_secret, a) && verifies(&refunds_secret, r));
    assert!(!verifies(&all_secret, r) && !verifies(&refunds_secret, a));
    assert_eq!(
        app.count("SELECT COUNT(*) FROM callbacks WHERE endpoint_id IS NOT NULL")
            .await,
        3,
        "one delivery per subscribed endpoint and event"
    );
}

// ---------------------------------------------------------------------------------------------
// 4. Retries.

#[tokio::test]
async fn a_failed_delivery_is_retried_with_the_same_id_and_body_and_a_fresh_signature() {
    let app = TestApp::spawn().await;
    let key = app.api_key(ACCOUNT, false).await;
    let rx = Receiver::start().await;
    rx.then(&[Reply::Status(500), Reply::Status(500)])
        .otherwise(Reply::Status(200));
    let (_, secret) = endpoint(&app, &key, &rx.url("/wh"), &["payment.completed"]).await;
    paid_session(&app, &key, "wh-retry", "automatic").await;

    let delivered_rows =
        "SELECT COUNT(*) FROM callbacks WHERE endpoint_id IS NOT NULL AND status = 'delivered'";
    assert_eq!(drain_until(&app, delivered_rows, 1).await, 1);
    let hits = rx.hits();
    assert_eq!(hits.len(), 3, "two failures, then the delivery");
    for hit in &hits {
        assert!(
            verifies(&secret, hit),
            "each attempt is signed when it is sent"
        );
    }
    let first = &hits[0];
    for hit in &hits[1..] {
        assert_eq!(hit.header("webhook-id"), first.header("webhook-id"));
        assert_eq!(hit.body, first.body, "the body byte for byte");
    }
    let stamps: Vec<i64> = hits
        .iter()
        .map(|h| h.header("webhook-timestamp").unwrap().parse().unwrap())
        .collect();
    // Retries are at least 1 s apart (jitter only lengthens), so each attempt's own Unix
    // second is later than the one before: the timestamp is the attempt's, not the event's.
    assert!(stamps.windows(2).all(|w| w[0] < w[1]), "{stamps:?}");
    let sigs: Vec<&str> = hits
        .iter()
        .map(|h| h.header("webhook-signature").unwrap())
        .collect();
    assert!(sigs[0] != sigs[1] && sigs[1] != sigs[2], "{sigs:?}");

    assert_eq!(app.count(WEBHOOK_ATTEMPTS).await, 3);
    let statuses = texts(
        &app,
        "SELECT CAST(a.http_status AS TEXT) FROM callback_attempts a \
         JOIN callbacks c ON c.id = a.callback_id WHERE c.endpoint_id IS NOT NULL \
         ORDER BY a.attempt_no",
    )
    .await;
    assert_eq!(statuses, ["500", "500", "200"]);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM callbacks WHERE endpoint_id IS NOT NULL AND attempts = 3")
            .await,
        1
    );
}

#[tokio::test]
async fn a_delivery_that_always_fails_gives_up_after_four_attempts() {
    let app = TestApp::spawn().await;
    let key = app.api_key(ACCOUNT, false).await;
    let rx = Receiver::start().await;
    rx.otherwise(Reply::Status(500));
    let (_, secret) = endpoint(&app, &key, &rx.url("/wh"), &["*"]).await;
    paid_session(&app, &key, "wh-give-up", "automatic").await;

    let gave_up =
        "SELECT COUNT(*) FROM callbacks WHERE endpoint_id IS NOT NULL AND status = 'gave_up'";
    assert_eq!(drain_until(&app, gave_up, 1).await, 1);
    assert_eq!(
        app.count(
            "SELECT COUNT(*) FROM callbacks WHERE endpoint_id IS NOT NULL AND attempts = 4 \
             AND last_status = 500"
        )
        .await,
        1,
        "at once, then the three retries of the schedule"
    );
    assert_eq!(app.count(WEBHOOK_ATTEMPTS).await, 4);
    // Nothing more once it gave up.
    tokio::time::sleep(Duration::from_millis(1300)).await;
    app.drain_callbacks().await;
    let hits = rx.hits();
    assert_eq!(hits.len(), 4);
    assert!(hits.iter().all(|h| verifies(&secret, h)));
    assert!(
        hits.iter()
            .all(|h| h.header("webhook-id") == hits[0].header("webhook-id"))
    );
}

// ---------------------------------------------------------------------------------------------
// 5. Rotation.

#[tokio::test]
async fn after_a_rotation_both_secrets_verify_until_the_overlap_ends() {
    let app = TestApp::spawn().await;
    let key = app.api_key(ACCOUNT, false).await;
    let rx = Receiver::start().await;
    let (id, old) = endpoint(&app, &key, &rx.url("/wh"), &["*"]).await;
    let (s, rotated, _) = app
        .api(
            Method::POST,
            &format!("/v1/webhook_endpoints/{id}/rotate_secret"),
            &key,
            None,
            None,
        )
        .await;
    assert_eq!(s, 200);
    let new = rotated["secret"].as_str().unwrap().to_string();

    paid_session(&app, &key, "wh-rotated", "automatic").await;
    let hits = delivered(&app, &rx, 1).await;
    assert_eq!(hits.len(), 1);
    let hit = &hits[0];
    assert!(verifies(&new, hit), "the new secret verifies");
    assert!(
        verifies(&old, hit),
        "the old secret verifies during the overlap"
    );
    assert!(!verifies(&stranger_secret(), hit));
    let sig = hit.header("webhook-signature").unwrap();
    let parts: Vec<&str> = sig.split(' ').collect();
    assert_eq!(parts.len(), 2, "{sig}");
    assert!(parts.iter().all(|p| p.starts_with("v1,")), "{sig}");
    // Each signature is one secret's: dropping either leaves exactly one secret verifying.
    for (keep, verifier, other) in [(0, &new, &old), (1, &old, &new)] {
        let mut single = hit.clone();
        for (n, v) in single.headers.iter_mut() {
            if n == "webhook-signature" {
                *v = parts[keep].to_string();
            }
        }
        assert!(verifies(verifier, &single), "signature {keep}");
        assert!(!verifies(other, &single), "signature {keep}");
    }

    // Once the overlap is over (standing in for 24 h passing), only the new secret signs.
    app.exec(&format!(
        "UPDATE webhook_endpoints SET previous_expires_at = 1000 WHERE id = '{id}'"
    ))
    .await;
    paid_session(&app, &key, "wh-after-overlap", "automatic").await;
    let hits = delivered(&app, &rx, 2).await;
    assert_eq!(hits.len(), 2);
    let later = &hits[1];
    assert!(verifies(&new, later));
    assert!(!verifies(&old, later), "the old secret no longer verifies");
    assert!(!later.header("webhook-signature").unwrap().contains(' '));
    let (_, list, _) = app
        .api(Method::GET, "/v1/webhook_endpoints", &key, None, None)
        .await;
    assert!(
        list["data"][0]["previous_secret_expires_at"].is_null(),
        "{list}"
    );
}

// ---------------------------------------------------------------------------------------------
// 6. Order.

#[tokio::test]
async fn an_endpoint_gets_a_payments_events_in_order_even_when_one_is_retried() {
    let app = TestApp::spawn().await;
    let key = app.api_key(ACCOUNT, false).await;
    let rx = Receiver::start().await;
    rx.then(&[Reply::Status(500)]).otherwise(Reply::Status(200));
    let (_, secret) = endpoint(&app, &key, &rx.url("/wh"), &["*"]).await;
    let id = paid_session(&app, &key, "wh-order", "manual").await;
    // payment.authorized has failed once and waits for its retry ...
    let first = delivered(&app, &rx, 1).await;
    assert_eq!(types(&first), ["payment.authorized"]);
    // ... when the capture queues payment.captured, due at once.
    let (s, op, _) = app
        .api(
            Method::POST,
            &format!("/v1/payments/{id}/capture"),
            &key,
            Some(json!({})),
            None,
        )
        .await;
    assert_eq!(s, 200, "{op}");
    // Whatever the timing, every moment's sequence is a prefix of the only correct one: the
    // captured event never goes out before the authorized one got through.
    let expected = [
        "payment.authorized",
        "payment.authorized",
        "payment.captured",
    ];
    let deadline = Instant::now() + Duration::from_secs(20);
    while rx.hits().len() < 3 && Instant::now() < deadline {
        app.drain_callbacks().await;
        let seen = types(&rx.hits());
        assert!(
            seen.len() <= 3 && seen.iter().zip(expected).all(|(a, b)| a == b),
            "payment.captured must wait for payment.authorized: {seen:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let hits = delivered(&app, &rx, 3).await;
    assert_eq!(drain_until(&app, PENDING_WEBHOOKS, 0).await, 0);
    let hits_now = rx.hits();
    assert_eq!(hits_now.len(), hits.len());
    assert_eq!(
        types(&hits),
        [
            "payment.authorized",
            "payment.authorized",
            "payment.captured"
        ],
        "the failed attempt, its retry, then the next event"
    );
    assert_eq!(hits[0].body, hits[1].body);
    assert!(hits.iter().all(|h| verifies(&secret, h)));
}

// ---------------------------------------------------------------------------------------------
// 7. A deleted endpoint.

#[tokio::test]
async fn deliveries_to_a_deleted_endpoint_give_up_and_nothing_more_is_sent() {
    let app = TestApp::spawn().await;
    let key = app.api_key(ACCOUNT, false).await;
    let rx = Receiver::start().await;
    rx.otherwise(Reply::Status(500));
    let (id, _) = endpoint(&app, &key, &rx.url("/wh"), &["*"]).await;
    paid_session(&app, &key, "wh-deleted", "automatic").await;
    assert_eq!(delivered(&app, &rx, 1).await.len(), 1);
    let (s, _, _) = app
        .api(
            Method::DELETE,
            &format!("/v1/webhook_endpoints/{id}"),
            &key,
            None,
            None,
        )
        .await;
    assert_eq!(s, 200);
    let sent = rx.hits().len();

    let gave_up = format!(
        "SELECT COUNT(*) FROM callbacks WHERE endpoint_id = '{id}' AND status = 'gave_up' \
         AND last_error = 'endpoint_deleted'"
    );
    assert_eq!(drain_until(&app, &gave_up, 1).await, 1);
    let kinds = texts(
        &app,
        &format!(
            "SELECT a.error_kind FROM callback_attempts a JOIN callbacks c \
             ON c.id = a.callback_id WHERE c.endpoint_id = '{id}' ORDER BY a.attempt_no"
        ),
    )
    .await;
    assert_eq!(
        kinds.last().map(String::as_str),
        Some("endpoint_deleted"),
        "{kinds:?}"
    );
    // A later event queues nothing for it, and nothing more reaches it.
    paid_session(&app, &key, "wh-deleted-2", "automatic").await;
    tokio::time::sleep(Duration::from_millis(1300)).await;
    app.drain_callbacks().await;
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM callbacks WHERE endpoint_id = '{id}'"
        ))
        .await,
        1
    );
    assert_eq!(rx.hits().len(), sent);
    assert!(sent >= 1);
}

// ---------------------------------------------------------------------------------------------
// 8. The SSRF guard.

#[tokio::test]
async fn the_ssrf_guard_refuses_webhooks_to_private_addresses_without_connecting() {
    let rx = Receiver::start().await;
    let allowed: std::net::SocketAddr = rx.base.trim_start_matches("http://").parse().unwrap();
    let app = TestApp::spawn_with(|s| {
        s.allow_private_targets = false;
        s.allow_sockets = vec![allowed];
    })
    .await;
    let key = app.api_key(ACCOUNT, false).await;
    let listener = CountingListener::start("127.0.0.1").await;
    let private = format!("http://127.0.0.1:{}/wh", listener.port);

    // Refused when made.
    for url in [
        private.as_str(),
        "https://127.0.0.1/wh",
        "https://10.0.0.1/wh",
        "https://localhost/wh",
        "https://[::1]/wh",
        "http://hooks.example.com/wh",
    ] {
        let (s, err, _) = app
            .api(
                Method::POST,
                "/v1/webhook_endpoints",
                &key,
                Some(json!({"url": url, "events": ["*"]})),
                None,
            )
            .await;
        assert_eq!(s, 422, "{url}: {err}");
        assert_eq!(err["error"]["param"], "url", "{url}: {err}");
    }
    // An endpoint stored before the policy changed (its URL rewritten here) is refused when
    // sent; the allowed socket still gets its delivery.
    let (ok_id, ok_secret) = endpoint(&app, &key, &rx.url("/ok"), &["*"]).await;
    let (blocked_id, _) = endpoint(&app, &key, &rx.url("/blocked"), &["*"]).await;
    app.exec(&format!(
        "UPDATE webhook_endpoints SET url = '{private}' WHERE id = '{blocked_id}'"
    ))
    .await;
    paid_session(&app, &key, "wh-ssrf", "automatic").await;

    let blocked = format!(
        "SELECT COUNT(*) FROM callbacks WHERE endpoint_id = '{blocked_id}' \
         AND last_error = 'blocked_ip'"
    );
    assert_eq!(drain_until(&app, &blocked, 1).await, 1);
    let kinds = texts(
        &app,
        &format!(
            "SELECT a.error_kind FROM callback_attempts a JOIN callbacks c \
             ON c.id = a.callback_id WHERE c.endpoint_id = '{blocked_id}'"
        ),
    )
    .await;
    assert!(
        !kinds.is_empty() && kinds.iter().all(|k| k == "blocked_ip"),
        "{kinds:?}"
    );
    let hits = delivered(&app, &rx, 1).await;
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].path, "/ok");
    assert!(verifies(&ok_secret, &hits[0]));
    let ok_delivered = format!(
        "SELECT COUNT(*) FROM callbacks WHERE endpoint_id = '{ok_id}' AND status = 'delivered'"
    );
    assert_eq!(drain_until(&app, &ok_delivered, 1).await, 1);
    assert_eq!(
        listener.connections(),
        0,
        "never connected to the private address"
    );
}

// ---------------------------------------------------------------------------------------------
// 9. kill -9 of the real binary.

#[tokio::test]
async fn a_webhook_queued_before_a_kill_9_is_delivered_after_the_restart() {
    let mut env = Env::new().await;
    env.set("GATEWAY_ALLOW_PRIVATE_TARGETS", "true");
    env.set("GATEWAY_WEBHOOK_RETRY_SCHEDULE", &["1s"; 20].join(","));
    env.set("GATEWAY_CALLBACK_TIMEOUT", "2s");
    let mut gateway = env.serve();
    let (account, _) = gateway.sandbox();
    let made: Value = serde_json::from_str(&crate::process::succeeded(
        env.command(&["api-key", "create", &account, "--json"])
            .output()
            .unwrap(),
    ))
    .unwrap();
    let key = made["key"].as_str().unwrap().to_string();
    assert!(key.starts_with("sk_test_"), "{made}");

    // The receiver is down: a port nobody listens on (for now).
    let port = unused_receiver_port();
    let client = http_client();
    let call = |method: Method, path: &str, body: Option<Value>| {
        let mut req = client
            .request(method, gateway.url(path))
            .header("authorization", format!("Bearer {key}"));
        if let Some(b) = body {
            req = req
                .header("content-type", "application/json")
                .body(b.to_string());
        }
        async move {
            let resp = req.send().await.unwrap();
            let status = resp.status().as_u16();
            let text = resp.text().await.unwrap();
            let json: Value = serde_json::from_str(&text).unwrap_or_else(|_| panic!("{text}"));
            (status, json)
        }
    };
    let (s, ep) = call(
        Method::POST,
        "/v1/webhook_endpoints",
        Some(json!({"url": format!("http://{RECEIVER_IP}:{port}/wh"), "events": ["*"]})),
    )
    .await;
    assert_eq!(s, 201, "{ep}");
    let secret = ep["secret"].as_str().unwrap().to_string();
    let (s, made) = call(
        Method::POST,
        "/v1/sessions",
        Some(json!({
            "amount": 500,
            "currency": "EUR",
            "reference": "wh-kill-9",
            "return_url": "https://shop.example.com/return",
            "cancel_url": "https://shop.example.com/cancel",
        })),
    )
    .await;
    assert_eq!(s, 201, "{made}");
    crate::process::pay_at(&gateway.url(&page_of(&made))).await;

    // At least one attempt failed against the closed port; then the gateway dies.
    let db = offsite_gateway::store::connect(&env.settings().store_options())
        .await
        .unwrap();
    assert!(
        eventually(15, || async { count_in(&db, WEBHOOK_ATTEMPTS).await >= 1 }).await,
        "a first attempt was made"
    );
    gateway.kill9();
    assert_eq!(count_in(&db, PENDING_WEBHOOKS).await, 1, "still waiting");
    let event_id = {
        use sea_orm::{ConnectionTrait, Statement};
        let row = db
            .orm()
            .query_one_raw(Statement::from_string(
                db.orm().get_database_backend(),
                "SELECT event_id FROM callbacks WHERE endpoint_id IS NOT NULL".to_string(),
            ))
            .await
            .unwrap()
            .unwrap();
        row.try_get_by_index::<String>(0).unwrap()
    };

    let rx = Receiver::start_on(&format!("{RECEIVER_IP}:{port}")).await;
    let restarted = env.serve();
    let hits = rx.wait_for(1, 30).await;
    assert_eq!(hits.len(), 1, "the webhook arrived after the restart");
    assert!(verifies(&secret, &hits[0]), "and verifies");
    assert_eq!(hits[0].header("webhook-id"), Some(event_id.as_str()));
    assert_eq!(event_type(&hits[0]), "payment.completed");
    assert_eq!(hits[0].json()["data"]["object"]["reference"], "wh-kill-9");
    let delivered_rows =
        "SELECT COUNT(*) FROM callbacks WHERE endpoint_id IS NOT NULL AND status = 'delivered'";
    assert!(eventually(10, || async { count_in(&db, delivered_rows).await == 1 }).await);
    let (clean, _) = restarted.terminate();
    assert!(clean);
    assert_eq!(rx.hits().len(), 1, "delivered once");
}

// ---------------------------------------------------------------------------------------------
// 10. Embedded mode: headers and markup (a browser test lives elsewhere).

const SHOP_ORIGIN: &str = "https://shop.example.com";

async fn allow_frames(app: &TestApp, origins: &str) {
    app.exec(&format!(
        "UPDATE merchants SET frame_origins = '{origins}' WHERE account_id = '{ACCOUNT}'"
    ))
    .await;
}

async fn get_with_headers(app: &TestApp, path: &str) -> (u16, reqwest::header::HeaderMap, String) {
    let resp = app.client.get(app.url(path)).send().await.unwrap();
    let status = resp.status().as_u16();
    let headers = resp.headers().clone();
    (status, headers, resp.text().await.unwrap())
}

fn csp(headers: &reqwest::header::HeaderMap) -> String {
    header(headers, "content-security-policy")
        .expect("a Content-Security-Policy")
        .to_string()
}

/// The `frame-ancestors` directive's value.
fn frame_ancestors(headers: &reqwest::header::HeaderMap) -> String {
    csp(headers)
        .split(';')
        .map(str::trim)
        .find_map(|d| d.strip_prefix("frame-ancestors "))
        .expect("a frame-ancestors directive")
        .trim()
        .to_string()
}

fn assert_not_framable(headers: &reqwest::header::HeaderMap, what: &str) {
    assert_eq!(frame_ancestors(headers), "'none'", "{what}");
    assert_eq!(header(headers, "x-frame-options"), Some("DENY"), "{what}");
}

fn assert_framable_by_shop(headers: &reqwest::header::HeaderMap, what: &str) {
    assert_eq!(
        frame_ancestors(headers),
        SHOP_ORIGIN,
        "{what}: {}",
        csp(headers)
    );
    assert!(
        headers.get("x-frame-options").is_none(),
        "{what}: no X-Frame-Options"
    );
    let policy = csp(headers);
    assert!(policy.contains("script-src 'self'"), "{what}: {policy}");
    assert!(
        !policy.contains("'unsafe-inline'") && !policy.contains('*'),
        "{policy}"
    );
}

/// The opening tag of the element with `id`.
fn tag_with_id<'a>(html: &'a str, id: &str) -> &'a str {
    let at = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no #{id} in {html}"));
    let start = html[..at].rfind('<').unwrap();
    let end = html[at..].find('>').unwrap() + at + 1;
    &html[start..end]
}

#[tokio::test]
async fn an_embedded_session_is_framable_by_the_merchants_origins_only() {
    let app = TestApp::spawn_with(|s| s.merchant_cache_ttl = Duration::ZERO).await;
    let key = app.api_key(ACCOUNT, false).await;
    let mut body = app.session_body("embed-1", 1999);
    body["ui_mode"] = json!("embedded");

    // No origins listed: refused.
    let (s, err, _) = app
        .api(Method::POST, "/v1/sessions", &key, Some(body.clone()), None)
        .await;
    assert_eq!(s, 422, "{err}");
    assert_eq!(err["error"]["param"], "ui_mode");

    allow_frames(&app, SHOP_ORIGIN).await;
    let made = session(&app, &key, body).await;
    assert_eq!(made["ui_mode"], "embedded");
    let page = page_of(&made);
    let id = payment_id(&page);

    let (s, headers, html) = get_with_headers(&app, &page).await;
    assert_eq!(s, 200);
    assert_framable_by_shop(&headers, "the embedded form");
    // The form posts to the page itself (no JavaScript needed); the way out targets _top.
    assert!(
        tag_with_id(&html, "payment-form").contains(&format!("action=\"/pay/{id}\"")),
        "{}",
        tag_with_id(&html, "payment-form")
    );
    assert!(tag_with_id(&html, "cancel-link").contains("target=\"_top\""));
    assert_eq!(
        html.matches("<script").count(),
        1,
        "only the optional card script"
    );

    // Paid: the outcome stays in the frame, on our page.
    let resp = app.pay(&page, CARD_OK).await;
    assert_eq!(resp.status(), 303);
    assert_eq!(location(&resp), format!("/pay/{id}"));
    let (s, headers, html) = get_with_headers(&app, &page).await;
    assert_eq!(s, 200);
    assert_framable_by_shop(&headers, "the embedded outcome");
    let script = tag_with_id(&html, "embed-result");
    assert!(script.starts_with("<script"), "{script}");
    assert!(script.contains("src=\"/assets/embed.js\""), "{script}");
    assert!(
        script.contains(&format!("data-origin=\"{SHOP_ORIGIN}\"")),
        "{script}"
    );
    assert!(script.contains("data-status=\"captured\""), "{script}");
    assert!(
        script.contains(&format!("data-payment-id=\"{id}\"")),
        "{script}"
    );
    let back = tag_with_id(&html, "return-link");
    assert!(back.contains("target=\"_top\""), "{back}");
    assert!(back.contains("https://shop.example.com/return"), "{back}");
    // Only our script, by src: nothing inline for the CSP to allow.
    assert_eq!(html.matches("<script").count(), 1);

    // Another origin of the merchant's is listed exactly; nothing else is.
    allow_frames(
        &app,
        "https://shop.example.com\nhttps://checkout.example.org",
    )
    .await;
    let (_, headers, _) = get_with_headers(&app, &page).await;
    assert_eq!(
        frame_ancestors(&headers),
        "https://shop.example.com https://checkout.example.org"
    );
}

#[tokio::test]
async fn the_embed_script_posts_to_the_named_origin_only() {
    let app = TestApp::spawn().await;
    let (s, headers, js) = get_with_headers(&app, "/assets/embed.js").await;
    assert_eq!(s, 200);
    let ct = header(&headers, "content-type").unwrap();
    assert!(ct.starts_with("text/javascript"), "{ct}");
    assert!(js.contains("postMessage("), "{js}");
    assert!(js.contains("el.getAttribute(\"data-origin\")"), "{js}");
    assert!(js.contains("offsite-gateway.result"), "{js}");
    assert!(
        !js.contains("\"*\"") && !js.contains("'*'"),
        "never to any origin: {js}"
    );
}

#[tokio::test]
async fn hosted_and_x_payment_pages_refuse_frames_unless_embedded_and_allowed() {
    let app = TestApp::spawn_with(|s| s.merchant_cache_ttl = Duration::ZERO).await;
    let key = app.api_key(ACCOUNT, false).await;

    // Without origins: nothing is framable, ?embed=1 or not.
    let x_page = app.open_payment(app.request("embed-x")).await;
    for path in [x_page.clone(), format!("{x_page}?embed=1")] {
        let (s, headers, html) = get_with_headers(&app, &path).await;
        assert_eq!(s, 200);
        assert_not_framable(&headers, &path);
        assert!(!html.contains("target=\"_top\""), "{path}");
    }

    allow_frames(&app, SHOP_ORIGIN).await;
    // A hosted session and a plain x_ page still refuse frames.
    let hosted = page_of(&session(&app, &key, app.session_body("embed-hosted", 500)).await);
    let (_, headers, _) = get_with_headers(&app, &hosted).await;
    assert_not_framable(&headers, "a hosted session");
    let (_, headers, _) = get_with_headers(&app, &x_page).await;
    assert_not_framable(&headers, "an x_ page");
    // ?embed=1 on a hosted session's page asks for a frame too (protocol.md section 13).
    let (_, headers, _) = get_with_headers(&app, &format!("{hosted}?embed=1")).await;
    assert_framable_by_shop(&headers, "a session page with ?embed=1");

    // An x_ page with ?embed=1 is framable by the listed origins; its form keeps ?embed=1 and
    // the outcome after paying stays in the frame.
    let embedded = format!("{x_page}?embed=1");
    let (_, headers, html) = get_with_headers(&app, &embedded).await;
    assert_framable_by_shop(&headers, "an x_ page with ?embed=1");
    let id = payment_id(&x_page);
    let form = tag_with_id(&html, "payment-form");
    assert!(
        form.contains(&format!("action=\"/pay/{id}?embed=1\"")),
        "{form}"
    );
    let (csrf, attempt) = app.form_tokens(&embedded).await;
    let resp = app
        .submit_card(&embedded, &csrf, &attempt, CARD_OK, "12/30", "123")
        .await;
    assert_eq!(resp.status(), 303);
    assert_eq!(location(&resp), embedded);
    let (_, headers, html) = get_with_headers(&app, &embedded).await;
    assert_framable_by_shop(&headers, "an x_ outcome with ?embed=1");
    let script = tag_with_id(&html, "embed-result");
    assert!(
        script.contains(&format!("data-origin=\"{SHOP_ORIGIN}\"")),
        "{script}"
    );
    assert!(script.contains("data-status=\"captured\""), "{script}");
    // The way back carries the signed response values and leaves the frame.
    let back = tag_with_id(&html, "return-link");
    assert!(
        back.contains("target=\"_top\"") && back.contains("x_signature="),
        "{back}"
    );
    // Without ?embed=1 the same paid payment's page is not framable.
    let (_, headers, html) = get_with_headers(&app, &x_page).await;
    assert_not_framable(&headers, "the x_ outcome without ?embed=1");
    assert!(!html.contains("embed-result"));
}

#[tokio::test]
async fn the_dashboard_checkout_and_api_keep_refusing_frames() {
    let app = TestApp::spawn_with(|s| s.merchant_cache_ttl = Duration::ZERO).await;
    allow_frames(&app, SHOP_ORIGIN).await;
    for path in ["/dashboard/login", "/dashboard", "/", "/checkout?embed=1"] {
        let (_, headers, _) = get_with_headers(&app, path).await;
        assert_not_framable(&headers, path);
    }
    let resp = app.checkout(app.request("embed-checkout")).await;
    assert_eq!(resp.status(), 303);
    assert_not_framable(resp.headers(), "the /checkout redirect");
    let mut bad = signed(app.request("embed-bad"), SECRET);
    set(&mut bad, "x_amount", "11.00");
    let resp = app.post_checkout_body(encode(&bad)).await;
    assert!(resp.status().is_client_error());
    assert_not_framable(resp.headers(), "a /checkout error page");
    let key = app.api_key(ACCOUNT, false).await;
    let (_, _, headers) = app
        .api(Method::GET, "/v1/webhook_endpoints", &key, None, None)
        .await;
    assert_not_framable(&headers, "an API answer");
}

// ---------------------------------------------------------------------------------------------
// More of the contract: pending and failed payments, subscriptions as given, the endpoint
// limit, a second rotation, and where a secret is kept.

#[tokio::test]
async fn pending_settled_and_failed_payments_emit_their_events_declines_with_tries_left_none() {
    let app = TestApp::spawn().await;
    let key = app.api_key(ACCOUNT, false).await;
    let rx = Receiver::start().await;
    let (_, secret) = endpoint(&app, &key, &rx.url("/wh"), &["*"]).await;

    // A pending payment, then its settlement.
    let pending = page_of(&session(&app, &key, app.session_body("wh-pending", 700)).await);
    assert_eq!(app.pay(&pending, "4000000000000077").await.status(), 303);
    let hits = delivered(&app, &rx, 2).await;
    assert_eq!(types(&hits), ["payment.pending", "payment.completed"]);
    assert_eq!(hits[0].json()["data"]["object"]["status"], "pending");
    assert_eq!(hits[1].json()["data"]["object"]["status"], "captured");
    let id = payment_id(&pending);
    assert!(
        hits.iter()
            .all(|h| h.json()["data"]["object"]["id"] == id.as_str())
    );
    assert_eq!(
        hits[1].json()["data"]["object"],
        fetched_payment(&app, &key, &id).await,
        "the settled payment as a GET shows it"
    );

    // Two declines leave the payment open (no event); the third fails it.
    let failing = page_of(&session(&app, &key, app.session_body("wh-failed", 800)).await);
    for _ in 0..2 {
        assert_eq!(
            location(&app.pay(&failing, "4000000000000002").await),
            failing
        );
    }
    app.drain_callbacks().await;
    assert_eq!(rx.hits().len(), 2, "a decline with tries left is no event");
    app.pay(&failing, "4000000000009995").await;
    let hits = delivered(&app, &rx, 3).await;
    assert_eq!(types(&hits)[2], "payment.failed", "{:?}", types(&hits));
    let failed = hits[2].json();
    assert_eq!(
        failed["data"]["object"]["id"],
        payment_id(&failing).as_str()
    );
    assert_eq!(failed["data"]["object"]["status"], "failed");
    assert_eq!(
        failed["data"]["object"],
        fetched_payment(&app, &key, &payment_id(&failing)).await
    );
    assert!(hits.iter().all(|h| verifies(&secret, h)));
    assert_eq!(drain_until(&app, PENDING_WEBHOOKS, 0).await, 0);
    assert_eq!(rx.hits().len(), 3);
}

#[tokio::test]
async fn subscriptions_are_kept_as_given_duplicates_and_star_folded() {
    let app = TestApp::spawn().await;
    let key = app.api_key(ACCOUNT, false).await;
    for (given, kept) in [
        (
            json!(["payment.failed", "payment.failed"]),
            json!(["payment.failed"]),
        ),
        (json!(["*"]), json!(["*"])),
        (json!(["payment.voided", "*"]), json!(["*"])),
        (
            json!(["session.expired", "payment.pending", "payment.authorized"]),
            json!(["session.expired", "payment.pending", "payment.authorized"]),
        ),
    ] {
        let (s, made, _) = app
            .api(
                Method::POST,
                "/v1/webhook_endpoints",
                &key,
                Some(json!({"url": "https://hooks.example.com/wh", "events": given})),
                None,
            )
            .await;
        // Duplicates may be refused by the schema (unique items) or folded; never stored twice.
        if s == 201 {
            assert_eq!(made["events"], kept, "{given}");
        } else {
            assert_eq!(s, 400, "{given}: {made}");
            assert_eq!(made["error"]["param"], "events", "{made}");
        }
    }
    let (_, list, _) = app
        .api(Method::GET, "/v1/webhook_endpoints", &key, None, None)
        .await;
    for e in list["data"].as_array().unwrap() {
        let events: Vec<&str> = e["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        let mut unique = events.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), events.len(), "{e}");
        assert!(!events.contains(&"*") || events == ["*"], "{e}");
    }
}

#[tokio::test]
async fn a_merchant_has_at_most_sixteen_endpoints() {
    let app = TestApp::spawn().await;
    let key = app.api_key(ACCOUNT, false).await;
    let create = |i: usize| {
        app.api(
            Method::POST,
            "/v1/webhook_endpoints",
            &key,
            Some(json!({"url": format!("https://hooks.example.com/{i}"), "events": ["*"]})),
            None,
        )
    };
    for i in 0..16 {
        let (s, body, _) = create(i).await;
        assert_eq!(s, 201, "{i}: {body}");
    }
    let (s, body, _) = create(16).await;
    assert_eq!(s, 422, "{body}");
    assert_eq!(body["error"]["param"], "url", "{body}");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM webhook_endpoints").await,
        16
    );
    // Another merchant's limit is its own; after a deletion there is room again.
    let theirs = app.api_key(OTHER_ACCOUNT, false).await;
    endpoint(&app, &theirs, "https://hooks.example.com/theirs", &["*"]).await;
    let (_, list, _) = app
        .api(Method::GET, "/v1/webhook_endpoints", &key, None, None)
        .await;
    assert_eq!(list["data"].as_array().unwrap().len(), 16);
    let first = list["data"][0]["id"].as_str().unwrap().to_string();
    let (s, _, _) = app
        .api(
            Method::DELETE,
            &format!("/v1/webhook_endpoints/{first}"),
            &key,
            None,
            None,
        )
        .await;
    assert_eq!(s, 200);
    let (s, _, _) = create(17).await;
    assert_eq!(s, 201);
    let (s, _, _) = create(18).await;
    assert_eq!(s, 422);
}

#[tokio::test]
async fn a_merchant_has_at_most_sixteen_endpoints_even_when_asked_at_once() {
    let app = TestApp::spawn().await;
    let key = app.api_key(ACCOUNT, false).await;
    let mut set = tokio::task::JoinSet::new();
    for i in 0..24 {
        let (client, url, key) = (
            app.client.clone(),
            app.url("/v1/webhook_endpoints"),
            key.clone(),
        );
        set.spawn(async move {
            let body = json!({"url": format!("https://hooks.example.com/{i}"), "events": ["*"]});
            let resp = client
                .post(url)
                .header("authorization", format!("Bearer {key}"))
                .header("content-type", "application/json")
                .body(body.to_string())
                .send()
                .await
                .unwrap();
            let status = resp.status().as_u16();
            let body: Value = serde_json::from_str(&resp.text().await.unwrap()).unwrap();
            (status, body)
        });
    }
    let answers = set.join_all().await;
    let made = answers.iter().filter(|(s, _)| *s == 201).count();
    for (s, body) in answers.iter().filter(|(s, _)| *s != 201) {
        assert_eq!(*s, 422, "{body}");
        assert_eq!(body["error"]["param"], "url", "{body}");
    }
    let stored = app
        .count("SELECT COUNT(*) FROM webhook_endpoints WHERE deleted_at IS NULL")
        .await;
    assert_eq!(stored, 16, "{made} answered 201");
    assert_eq!(made, 16);
}

#[tokio::test]
async fn a_second_rotation_retires_the_first_secret() {
    let app = TestApp::spawn().await;
    let key = app.api_key(ACCOUNT, false).await;
    let rx = Receiver::start().await;
    let (id, first) = endpoint(&app, &key, &rx.url("/wh"), &["*"]).await;
    let path = format!("/v1/webhook_endpoints/{id}/rotate_secret");
    let rotate = || app.api(Method::POST, &path, &key, None, None);
    let (_, second, _) = rotate().await;
    let (_, third, _) = rotate().await;
    let (second, third) = (
        second["secret"].as_str().unwrap().to_string(),
        third["secret"].as_str().unwrap().to_string(),
    );
    paid_session(&app, &key, "wh-rotated-twice", "automatic").await;
    let hits = delivered(&app, &rx, 1).await;
    let hit = &hits[0];
    assert_eq!(
        hit.header("webhook-signature").unwrap().split(' ').count(),
        2
    );
    assert!(verifies(&third, hit), "the newest secret");
    assert!(
        verifies(&second, hit),
        "the one it replaced, during its overlap"
    );
    assert!(!verifies(&first, hit), "not the one before");
}

#[tokio::test]
async fn a_secret_is_never_stored_in_plaintext() {
    let app = TestApp::spawn().await;
    let key = app.api_key(ACCOUNT, false).await;
    let (s, made, _) = app
        .api(
            Method::POST,
            "/v1/webhook_endpoints",
            &key,
            Some(json!({"url": "https://hooks.example.com/wh", "events": ["*"]})),
            Some("endpoint-at-rest"),
        )
        .await;
    assert_eq!(s, 201);
    let id = made["id"].as_str().unwrap();
    let (s, rotated, _) = app
        .api(
            Method::POST,
            &format!("/v1/webhook_endpoints/{id}/rotate_secret"),
            &key,
            None,
            Some("rotate-at-rest"),
        )
        .await;
    assert_eq!(s, 200);
    let secrets = [
        made["secret"].as_str().unwrap().to_string(),
        rotated["secret"].as_str().unwrap().to_string(),
    ];
    let stored = texts(&app, "SELECT response_body FROM idempotency_keys").await;
    let sealed = texts(
        &app,
        "SELECT secret_sealed || '|' || COALESCE(previous_secret_sealed, '') \
         FROM webhook_endpoints",
    )
    .await;
    for secret in &secrets {
        let b64 = secret.trim_start_matches("whsec_");
        for row in stored.iter().chain(&sealed) {
            assert!(!row.contains(b64), "a secret in plaintext: {row}");
        }
    }
}

#[tokio::test]
async fn only_a_2xx_delivers_and_redirects_are_not_followed() {
    let app = TestApp::spawn().await;
    let key = app.api_key(ACCOUNT, false).await;
    let rx = Receiver::start().await;
    rx.then(&[
        Reply::Redirect(302, "/elsewhere"),
        Reply::Status(404),
        Reply::Status(204),
    ]);
    let (_, secret) = endpoint(&app, &key, &rx.url("/wh"), &["*"]).await;
    paid_session(&app, &key, "wh-2xx", "automatic").await;
    let delivered_rows =
        "SELECT COUNT(*) FROM callbacks WHERE endpoint_id IS NOT NULL AND status = 'delivered'";
    assert_eq!(drain_until(&app, delivered_rows, 1).await, 1);
    let hits = rx.hits();
    assert_eq!(
        hits.len(),
        3,
        "a 302 and a 404 are failures; the 204 delivers"
    );
    assert!(
        hits.iter().all(|h| h.path == "/wh"),
        "the redirect was not followed"
    );
    assert!(hits.iter().all(|h| verifies(&secret, h)));
    let statuses = texts(
        &app,
        "SELECT CAST(a.http_status AS TEXT) FROM callback_attempts a \
         JOIN callbacks c ON c.id = a.callback_id WHERE c.endpoint_id IS NOT NULL \
         ORDER BY a.attempt_no",
    )
    .await;
    assert_eq!(statuses, ["302", "404", "204"]);
}

#[tokio::test]
async fn a_session_past_its_time_emits_session_expired_once() {
    let app = TestApp::spawn().await;
    let key = app.api_key(ACCOUNT, false).await;
    let rx = Receiver::start().await;
    let (_, secret) = endpoint(&app, &key, &rx.url("/wh"), &["session.expired"]).await;
    let made = session(&app, &key, app.session_body("wh-timed-out", 450)).await;
    let page = page_of(&made);
    let id = payment_id(&page);
    // Its time comes (standing in for an hour passing); the page finds it expired.
    app.exec(&format!(
        "UPDATE payments SET expires_at = created_at + 1 WHERE id = '{id}'"
    ))
    .await;
    let (s, _) = app.get_page(&page).await;
    assert_eq!(s, 200);
    let (s, _) = app.get_page(&page).await;
    assert_eq!(s, 200);
    let hits = delivered(&app, &rx, 1).await;
    assert_eq!(types(&hits), ["session.expired"]);
    assert!(verifies(&secret, &hits[0]));
    let object = &hits[0].json()["data"]["object"];
    assert_eq!(object["id"], made["id"]);
    assert_eq!(object["status"], "expired");
    assert_eq!(drain_until(&app, PENDING_WEBHOOKS, 0).await, 0);
    assert_eq!(rx.hits().len(), 1, "once, however often the page is seen");
}

#[tokio::test]
async fn the_3ds_challenge_stays_in_the_frame_with_and_without_javascript() {
    let app = TestApp::spawn_with(|s| s.merchant_cache_ttl = Duration::ZERO).await;
    allow_frames(&app, SHOP_ORIGIN).await;
    let key = app.api_key(ACCOUNT, false).await;
    let mut body = app.session_body("embed-3ds", 1500);
    body["ui_mode"] = json!("embedded");
    let session_page = page_of(&session(&app, &key, body).await);
    let x_page = format!(
        "{}?embed=1",
        app.open_payment(app.request("embed-3ds-x")).await
    );

    for page in [session_page, x_page] {
        let id = payment_id(&page);
        let suffix = if page.ends_with("?embed=1") {
            "?embed=1"
        } else {
            ""
        };
        let resp = app.pay(&page, "4000 0000 0000 3220").await;
        assert_eq!(resp.status(), 303);
        assert_eq!(location(&resp), page, "the challenge is shown in the frame");
        let (_, headers, html) = get_with_headers(&app, &page).await;
        assert_framable_by_shop(&headers, "the challenge page");
        let form = tag_with_id(&html, "challenge-form");
        assert!(
            form.contains(&format!("action=\"/pay/{id}/challenge{suffix}\"")),
            "{form}"
        );
        assert!(tag_with_id(&html, "cancel-link").contains("target=\"_top\""));
        let fields = pairs(&[
            ("csrf_token", &hidden(&html, "csrf_token")),
            ("attempt", &hidden(&html, "attempt")),
            ("decision", "approve"),
        ]);
        let resp = app
            .post_form(&format!("/pay/{id}/challenge{suffix}"), &fields)
            .await;
        assert_eq!(resp.status(), 303);
        assert_eq!(location(&resp), page, "the outcome is shown in the frame");
        let (_, headers, html) = get_with_headers(&app, &page).await;
        assert_framable_by_shop(&headers, "the outcome after a challenge");
        let script = tag_with_id(&html, "embed-result");
        assert!(script.contains("data-status=\"captured\""), "{script}");
        assert!(
            script.contains(&format!("data-origin=\"{SHOP_ORIGIN}\"")),
            "{script}"
        );
    }
}

#[tokio::test]
async fn signed_order_management_of_an_x_payment_emits_the_same_events() {
    let app = TestApp::spawn().await;
    let key = app.api_key(ACCOUNT, false).await;
    let rx = Receiver::start().await;
    let (_, secret) = endpoint(&app, &key, &rx.url("/wh"), &["*"]).await;
    let mut request = app.request("wh-om");
    set(&mut request, "x_transaction_type", "authorization");
    let page = app.open_payment(request).await;
    let resp = app.pay(&page, CARD_OK).await;
    let values = query_of(&location(&resp));
    let reference = get(&values, "x_gateway_reference").unwrap().to_string();
    let id = payment_id(&page);
    assert_eq!(
        types(&delivered(&app, &rx, 1).await),
        ["payment.authorized"]
    );

    for (kind, amount, event, status) in [
        ("capture", Some("10.00"), "payment.captured", "captured"),
        (
            "refund",
            Some("4.00"),
            "payment.refunded",
            "partially_refunded",
        ),
    ] {
        let mut fields = pairs(&[
            ("x_account_id", ACCOUNT),
            ("x_gateway_reference", reference.as_str()),
            ("x_transaction_type", kind),
            ("x_test", "true"),
        ]);
        if let Some(a) = amount {
            fields.push(("x_amount".into(), a.into()));
            fields.push(("x_currency".into(), "USD".into()));
        }
        let (s, answer) = app
            .post_for_json(&format!("/{kind}"), encode(&signed(fields, SECRET)))
            .await;
        assert_eq!(s, 200, "{kind}: {answer}");
        let n = rx.hits().len() + 1;
        let hits = delivered(&app, &rx, n).await;
        let last = hits.last().unwrap();
        assert_eq!(event_type(last), event);
        assert!(verifies(&secret, last));
        let object = &last.json()["data"]["object"];
        assert_eq!(object["id"], id.as_str());
        assert_eq!(object["status"], status);
        assert_eq!(object, &fetched_payment(&app, &key, &id).await);
    }
}
