//! The sessions API through HTTP (protocol.md section 11): sessions and their shape, every
//! refusal in the error shape and changing nothing, keys and who sees what, the way back from
//! the hosted page, payments from both ways in, operations, `Idempotency-Key`, the rate limit,
//! the money rules under concurrency across the API and signed order management, and the
//! OpenAPI document walked operation by operation.

use crate::helpers::*;
use reqwest::Method;
use serde_json::{Value, json};
use std::collections::BTreeSet;
use tokio::task::JoinSet;

// ---------------------------------------------------------------------------------------------
// Helpers of this file.

/// Merchant M's test key.
async fn key_of(app: &TestApp) -> String {
    app.api_key(ACCOUNT, false).await
}

/// Creates a session, which must be answered 201; the session.
async fn create(app: &TestApp, key: &str, body: Value) -> Value {
    let (status, session, _) = app
        .api(Method::POST, "/v1/sessions", key, Some(body), None)
        .await;
    assert_eq!(status, 201, "{session}");
    session
}

/// The page path (`/pay/ID`) of a session's `url`.
fn page_of(session: &Value) -> String {
    let url = url::Url::parse(session["url"].as_str().unwrap()).unwrap();
    url.path().to_string()
}

/// The payment id of a session.
fn payment_of(session: &Value) -> String {
    session["payment"]["id"].as_str().unwrap().to_string()
}

async fn get_json(app: &TestApp, key: &str, path: &str) -> (u16, Value) {
    let (status, body, _) = app.api(Method::GET, path, key, None, None).await;
    (status, body)
}

async fn post_json(app: &TestApp, key: &str, path: &str, body: Option<Value>) -> (u16, Value) {
    let (status, body, _) = app.api(Method::POST, path, key, body, None).await;
    (status, body)
}

/// A session of `amount` cents, paid on its page with the approved card; the session as
/// `GET` reads it afterwards.
async fn paid_session(
    app: &TestApp,
    key: &str,
    reference: &str,
    amount: i64,
    capture: &str,
) -> Value {
    let mut body = app.session_body(reference, amount);
    body["capture"] = capture.into();
    let session = create(app, key, body).await;
    let resp = app.pay(&page_of(&session), CARD_OK).await;
    assert_eq!(resp.status(), 303, "paying {reference}");
    let id = session["id"].as_str().unwrap();
    let (status, after) = get_json(app, key, &format!("/v1/sessions/{id}")).await;
    assert_eq!(status, 200, "{after}");
    after
}

/// Asserts the API's error shape: exactly `type`, `code`, `message` (not empty) and `param`
/// (text or null).
fn assert_error_shape(body: &Value) {
    let error = body["error"]
        .as_object()
        .unwrap_or_else(|| panic!("not the error shape: {body}"));
    let keys: BTreeSet<&str> = error.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        BTreeSet::from(["code", "message", "param", "type"]),
        "{body}"
    );
    assert!(
        error["type"].is_string() && error["code"].is_string(),
        "{body}"
    );
    assert!(
        error["message"].as_str().is_some_and(|m| !m.is_empty()),
        "{body}"
    );
    assert!(
        error["param"].is_null() || error["param"].is_string(),
        "{body}"
    );
    assert_eq!(body.as_object().unwrap().len(), 1, "{body}");
}

/// Asserts an error answer: its status, `type`, and `param` (`None`: null).
fn assert_error(got: (u16, &Value), status: u16, kind: &str, param: Option<&str>, why: &str) {
    let (s, body) = got;
    assert_eq!(s, status, "{why}: {body}");
    assert_error_shape(body);
    assert_eq!(body["error"]["type"], kind, "{why}: {body}");
    match param {
        Some(p) => assert_eq!(body["error"]["param"], p, "{why}: {body}"),
        None => assert!(body["error"]["param"].is_null(), "{why}: {body}"),
    }
}

/// Creates a session that must be refused with `status`, `type` and `param`, and asserts that
/// nothing changed; the error body.
async fn refused_session(
    app: &TestApp,
    key: &str,
    body: Value,
    status: u16,
    kind: &str,
    param: Option<&str>,
) -> Value {
    let before = app.snapshot().await;
    let why = body.to_string();
    let (s, answer, _) = app
        .api(Method::POST, "/v1/sessions", key, Some(body), None)
        .await;
    assert_error((s, &answer), status, kind, param, &why);
    assert_eq!(app.snapshot().await, before, "{why}: the database changed");
    answer
}

/// A payment made by a signed `x_` request and paid on its page: its id and its
/// `x_gateway_reference`.
async fn x_paid_payment(
    app: &TestApp,
    reference: &str,
    amount: &str,
    kind: &str,
) -> (String, String) {
    let mut request = app.request(reference);
    set(&mut request, "x_amount", amount);
    set(&mut request, "x_transaction_type", kind);
    let page = app.open_payment(request).await;
    let values = query_of(&location(&app.pay(&page, CARD_OK).await));
    (
        page.trim_start_matches("/pay/").to_string(),
        get(&values, "x_gateway_reference").unwrap().to_string(),
    )
}

/// The signed fields of an order-management request of merchant M (protocol.md section 5).
fn om_fields(gateway_reference: &str, kind: &str, amount: Option<&str>) -> Vec<(String, String)> {
    let mut f = pairs(&[
        ("x_account_id", ACCOUNT),
        ("x_gateway_reference", gateway_reference),
        ("x_transaction_type", kind),
        ("x_test", "true"),
    ]);
    if let Some(a) = amount {
        f.push(("x_amount".into(), a.into()));
        f.push(("x_currency".into(), "USD".into()));
    }
    f
}

/// One column of a payments row, as a number.
async fn column(app: &TestApp, id: &str, col: &str) -> i64 {
    app.count(&format!("SELECT {col} FROM payments WHERE id = '{id}'"))
        .await
}

/// One API call with owned values, for calls spawned at once.
async fn send(
    client: reqwest::Client,
    url: String,
    key: String,
    body: Option<Value>,
    idempotency_key: Option<String>,
) -> (u16, Value) {
    let mut req = client
        .post(url)
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
    let text = resp.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON: {text}")),
    )
}

// ---------------------------------------------------------------------------------------------
// 1. POST /v1/sessions

#[tokio::test]
async fn a_session_is_created_with_the_documented_shape() {
    let app = TestApp::spawn().await;
    let key = key_of(&app).await;
    let mut body = app.session_body("order-1001", 1999);
    body["metadata"] = json!({"order": "1001", "note": "deux cafés, ☕"});
    body["description"] = "Two coffees".into();
    body["customer"] = json!({"email": "ada@example.com", "name": "Ada Lovelace"});
    body["locale"] = "fr-FR".into();
    let (status, s, headers) = app
        .api(Method::POST, "/v1/sessions", &key, Some(body), None)
        .await;
    assert_eq!(status, 201, "{s}");
    assert!(
        headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
    let id = s["id"].as_str().unwrap();
    assert!(id.starts_with("cs_") && id.len() > 3, "session id {id}");
    assert_eq!(s["object"], "session");
    assert_eq!(s["status"], "open");
    assert_eq!(s["amount"], 1999);
    assert_eq!(s["currency"], "EUR");
    assert_eq!(s["reference"], "order-1001");
    assert_eq!(s["livemode"], false);
    assert_eq!(s["ui_mode"], "hosted");
    assert_eq!(
        s["metadata"],
        json!({"order": "1001", "note": "deux cafés, ☕"})
    );
    let payment = payment_of(&s);
    assert_eq!(payment.len(), 32, "{payment}");
    assert_eq!(s["payment"], json!({"id": payment, "status": "open"}));
    let url = s["url"].as_str().unwrap();
    assert!(url.ends_with(&format!("/pay/{payment}")), "{url}");
    assert!(url.starts_with("http"), "an absolute URL: {url}");
    let (created, expires) = (
        s["created_at"].as_i64().unwrap(),
        s["expires_at"].as_i64().unwrap(),
    );
    let now = offsite_gateway::store::now_millis() / 1000;
    assert!(
        (now - 60..=now + 1).contains(&created),
        "{created} vs {now}"
    );
    assert!(
        (3599..=3601).contains(&(expires - created)),
        "default expires_in: {expires} - {created}"
    );
    // The page is the payment's, payable, and shows the session's description.
    let (page_status, html) = app.get_page(&page_of(&s)).await;
    assert_eq!(page_status, 200);
    assert!(html.contains("Two coffees"));
    assert!(html.contains("id=\"payment-form\""));
    // One payment row, of merchant M, in EUR cents, open.
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM payments WHERE id = '{payment}' AND merchant_id = '{ACCOUNT}' \
             AND reference = 'order-1001' AND amount_minor = 1999 AND currency = 'EUR' \
             AND status = 'open'"
        ))
        .await,
        1
    );
    // GET answers the same object.
    let (status, again) = get_json(&app, &key, &format!("/v1/sessions/{id}")).await;
    assert_eq!(status, 200);
    assert_eq!(again, s);
}

#[tokio::test]
async fn expires_in_and_manual_capture_are_honoured() {
    let app = TestApp::spawn().await;
    let key = key_of(&app).await;
    let mut body = app.session_body("order-ttl", 500);
    body["expires_in"] = 600.into();
    body["capture"] = "manual".into();
    body["ui_mode"] = "hosted".into();
    let s = create(&app, &key, body).await;
    let ttl = s["expires_at"].as_i64().unwrap() - s["created_at"].as_i64().unwrap();
    assert!((599..=601).contains(&ttl), "expires_in 600: {ttl}");
    assert_eq!(s["metadata"], json!({}));
    let payment = payment_of(&s);
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM payments WHERE id = '{payment}' \
             AND transaction_type = 'authorization'"
        ))
        .await,
        1
    );
    // Both bounds of expires_in are accepted.
    for (reference, seconds) in [("order-min", 300), ("order-max", 86_400)] {
        let mut body = app.session_body(reference, 500);
        body["expires_in"] = seconds.into();
        let s = create(&app, &key, body).await;
        let ttl = s["expires_at"].as_i64().unwrap() - s["created_at"].as_i64().unwrap();
        assert!(
            (seconds - 1..=seconds + 1).contains(&ttl),
            "{seconds}: {ttl}"
        );
    }
    // Paid with manual capture: the money is authorized, not taken.
    let paid = paid_session(&app, &key, "order-manual", 700, "manual").await;
    assert_eq!(paid["status"], "complete");
    assert_eq!(paid["payment"]["status"], "authorized");
    let (_, p) = get_json(&app, &key, &format!("/v1/payments/{}", payment_of(&paid))).await;
    assert_eq!(
        (p["amount_captured"].as_i64(), p["amount_refunded"].as_i64()),
        (Some(0), Some(0))
    );
}

#[tokio::test]
async fn malformed_session_requests_are_400_and_change_nothing() {
    let app = TestApp::spawn().await;
    let key = key_of(&app).await;
    let base = app.session_body("order-400", 1000);
    let with = |name: &str, value: Value| {
        let mut b = base.clone();
        b[name] = value;
        b
    };
    let without = |name: &str| {
        let mut b = base.clone();
        b.as_object_mut().unwrap().remove(name);
        b
    };
    let invalid = "invalid_request_error";
    // A value the schema refuses names its field.
    let named: Vec<(Value, &str)> = vec![
        (with("amount", 0.into()), "amount"),
        (with("amount", (-5).into()), "amount"),
        (with("amount", 1_000_000_000_000_i64.into()), "amount"),
        (with("reference", "".into()), "reference"),
        (with("reference", "r".repeat(256).into()), "reference"),
        (with("expires_in", 299.into()), "expires_in"),
        (with("expires_in", 86_401.into()), "expires_in"),
        (with("description", "d".repeat(1001).into()), "description"),
        (with("amout", 1000.into()), "amout"),
        (
            with(
                "metadata",
                Value::Object((0..21).map(|n| (format!("k{n}"), "v".into())).collect()),
            ),
            "metadata",
        ),
    ];
    for (body, param) in named {
        refused_session(&app, &key, body, 400, invalid, Some(param)).await;
    }
    // A value whose shape the document gives as a pattern is checked by the domain (422),
    // not by a per-request regex, and names its field the same way.
    let shaped: Vec<(Value, &str)> = vec![
        (with("currency", "eur".into()), "currency"),
        (with("currency", "EURO".into()), "currency"),
        // poem-openapi reads a number given for a text field as its digits.
        (with("currency", 978.into()), "currency"),
        (with("return_url", "ftp://x".into()), "return_url"),
        (
            with("return_url", "javascript:alert(1)".into()),
            "return_url",
        ),
        (
            with("cancel_url", "shop.example.com/cancel".into()),
            "cancel_url",
        ),
        (with("reference", "a\nb".into()), "reference"),
        (with("locale", "not a tag".into()), "locale"),
        (
            with("customer", json!({"email": "nobody"})),
            "customer.email",
        ),
        (
            with("customer", json!({"email": "a@b@c"})),
            "customer.email",
        ),
    ];
    for (body, param) in shaped {
        refused_session(&app, &key, body, 422, invalid, Some(param)).await;
    }
    // Wrong types, missing fields, unknown enum values, and bodies that are not a session: 400
    // in the error shape, whatever poem-openapi's message names.
    for (body, named) in [
        (with("amount", "1000".into()), "amount"),
        (with("amount", 10.5.into()), "amount"),
        (with("capture", "later".into()), "capture"),
        (with("ui_mode", "popup".into()), "ui_mode"),
        (with("metadata", json!({"order": {"id": 42}})), "metadata"),
        (
            with(
                "customer",
                json!({"email": "ada@example.com", "phone": "1"}),
            ),
            "phone",
        ),
        (without("amount"), "amount"),
        (without("reference"), "reference"),
        (without("return_url"), "return_url"),
        (json!([1, 2]), ""),
        (json!("session"), ""),
    ] {
        let before = app.snapshot().await;
        let why = body.to_string();
        let (status, answer, _) = app
            .api(Method::POST, "/v1/sessions", &key, Some(body), None)
            .await;
        assert_eq!(status, 400, "{why}: {answer}");
        assert_error_shape(&answer);
        assert_eq!(answer["error"]["type"], invalid, "{why}");
        let param = &answer["error"]["param"];
        assert!(param.is_null() || param == named, "{why}: {answer}");
        assert_eq!(app.snapshot().await, before, "{why}");
    }
    // A body that is not JSON at all, and one without a content type.
    let before = app.snapshot().await;
    for (content_type, text) in [
        (Some("application/json"), "{\"amount\": 1000,"),
        (Some("application/json"), "amount=1000"),
        (Some("text/plain"), "{}"),
        (None, "{}"),
    ] {
        let mut req = app
            .client
            .post(app.url("/v1/sessions"))
            .header("authorization", format!("Bearer {key}"))
            .body(text);
        if let Some(ct) = content_type {
            req = req.header("content-type", ct);
        }
        let resp = req.send().await.unwrap();
        let status = resp.status().as_u16();
        let body: Value = serde_json::from_str(&resp.text().await.unwrap()).unwrap();
        assert_eq!(status, 400, "{content_type:?} {text}: {body}");
        assert_error_shape(&body);
        assert_eq!(body["error"]["type"], invalid);
    }
    assert_eq!(app.snapshot().await, before);
}

#[tokio::test]
async fn invalid_session_values_are_422_naming_the_field_and_change_nothing() {
    let app = TestApp::spawn().await;
    let key = key_of(&app).await;
    let base = app.session_body("order-422", 1000);
    let with = |name: &str, value: Value| {
        let mut b = base.clone();
        b[name] = value;
        b
    };
    let invalid = "invalid_request_error";
    let cases: Vec<(Value, &str)> = vec![
        (with("currency", "ZZZ".into()), "currency"),
        (
            with(
                "return_url",
                "https://user:pw@shop.example.com/return".into(),
            ),
            "return_url",
        ),
        (
            with("return_url", "https://bad_host.example.com/return".into()),
            "return_url",
        ),
        (
            with("cancel_url", "https://[oops/cancel".into()),
            "cancel_url",
        ),
        (with("description", "a\u{1}b".into()), "description"),
        (with("metadata", json!({ "k".repeat(41): "v" })), "metadata"),
        (with("metadata", json!({"": "v"})), "metadata"),
        (
            with("metadata", json!({"note": "v".repeat(501)})),
            "metadata",
        ),
        // Embedded needs an origin allowed to frame the page; M lists none.
        (with("ui_mode", "embedded".into()), "ui_mode"),
    ];
    for (body, param) in cases {
        let answer = refused_session(&app, &key, body, 422, invalid, Some(param)).await;
        assert_eq!(answer["error"]["code"], "parameter_invalid", "{answer}");
    }
}

#[tokio::test]
async fn live_keys_are_refused_while_live_mode_is_unavailable() {
    let app = TestApp::spawn().await;
    // A test-only merchant, and a merchant enabled for live payments on a gateway with no live
    // processor: live_mode_unavailable either way (protocol.md section 9).
    for account in [SANDBOX_ACCOUNT, ACCOUNT] {
        let live = app.api_key(account, true).await;
        assert!(live.starts_with("sk_live_"));
        let answer = refused_session(
            &app,
            &live,
            app.session_body("order-live", 1000),
            422,
            "invalid_request_error",
            None,
        )
        .await;
        assert_eq!(
            answer["error"]["code"], "live_mode_unavailable",
            "{account}: {answer}"
        );
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM payments").await, 0);
}

#[tokio::test]
async fn a_reference_is_unique_per_merchant_across_both_ways_in() {
    let app = TestApp::spawn().await;
    let key = key_of(&app).await;
    create(&app, &key, app.session_body("order-dup", 1000)).await;
    let answer = refused_session(
        &app,
        &key,
        app.session_body("order-dup", 2000),
        409,
        "state_error",
        None,
    )
    .await;
    assert_eq!(answer["error"]["code"], "state_conflict");
    // An x_ request's reference is taken too: one store.
    app.open_payment(app.request("order-x")).await;
    refused_session(
        &app,
        &key,
        app.session_body("order-x", 1000),
        409,
        "state_error",
        None,
    )
    .await;
    // Another merchant may use the same reference.
    let other = app.api_key(OTHER_ACCOUNT, false).await;
    create(&app, &other, app.session_body("order-dup", 1000)).await;
    assert_eq!(
        app.count("SELECT COUNT(*) FROM payments WHERE reference = 'order-dup'")
            .await,
        2
    );
}

#[tokio::test]
async fn amounts_are_minor_units_of_the_currency() {
    // 0, 2, 3 and 4 digits: the signed answers say the amount as the currency writes it.
    let app = TestApp::spawn().await;
    let key = key_of(&app).await;
    for (currency, amount, text) in [
        ("JPY", 1000, "1000"),
        ("EUR", 1999, "19.99"),
        ("BHD", 1250, "1.250"),
        ("CLF", 12345, "1.2345"),
        ("USD", 999_999_999_999, "9999999999.99"),
    ] {
        let mut body = app.session_body(&format!("order-{currency}"), amount);
        body["currency"] = currency.into();
        let s = create(&app, &key, body).await;
        assert_eq!(
            (s["amount"].as_i64(), s["currency"].as_str()),
            (Some(amount), Some(currency))
        );
        let resp = app.pay(&page_of(&s), CARD_OK).await;
        assert_eq!(resp.status(), 303, "{currency}");
        let id = payment_of(&s);
        let (_, p) = get_json(&app, &key, &format!("/v1/payments/{id}")).await;
        assert_eq!(p["amount"], amount, "{currency}");
        assert_eq!(p["amount_captured"], amount, "{currency}");
        assert_eq!(p["currency"], currency);
        assert_eq!(
            app.count(&format!(
                "SELECT COUNT(*) FROM payments WHERE id = '{id}' AND amount_minor = {amount} \
                 AND response LIKE '%[\"x_amount\",\"{text}\"]%'"
            ))
            .await,
            1,
            "{currency}: x_amount {text}"
        );
    }
}

#[tokio::test]
async fn allowed_hosts_and_frame_origins_of_the_account_apply() {
    use offsite_gateway::domain::hosts::{FrameOrigins, HostList};
    use offsite_gateway::store::merchants::{Actor, set_settings};
    let app = TestApp::spawn().await;
    // Before M's first request, so no cached copy of M is older than the settings.
    set_settings(
        &app.db,
        ACCOUNT,
        &HostList::parse("shop.example.com").unwrap(),
        &FrameOrigins::parse("https://shop.example.com").unwrap(),
        &Actor::cli(),
    )
    .await
    .unwrap()
    .unwrap();
    let key = key_of(&app).await;
    for field in ["return_url", "cancel_url"] {
        let mut body = app.session_body("order-hosts", 1000);
        body[field] = "https://elsewhere.example.net/back".into();
        let answer =
            refused_session(&app, &key, body, 422, "invalid_request_error", Some(field)).await;
        assert_eq!(answer["error"]["code"], "parameter_invalid");
    }
    // Embedded: the page may be framed by the account's origins only.
    let mut body = app.session_body("order-embedded", 1000);
    body["ui_mode"] = "embedded".into();
    let s = create(&app, &key, body).await;
    assert_eq!(s["ui_mode"], "embedded");
    let resp = app.client.get(app.url(&page_of(&s))).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    let csp = resp.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        csp.contains("frame-ancestors https://shop.example.com"),
        "{csp}"
    );
    assert!(resp.headers().get("x-frame-options").is_none());
    // A hosted session's page refuses every frame.
    let s = create(&app, &key, app.session_body("order-hosted", 1000)).await;
    assert_eq!(s["ui_mode"], "hosted");
    let resp = app.client.get(app.url(&page_of(&s))).send().await.unwrap();
    let csp = resp.headers()["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert_eq!(resp.headers()["x-frame-options"], "DENY");
}

// ---------------------------------------------------------------------------------------------
// 2. Keys: who may call, and who sees what

#[tokio::test]
async fn calls_without_a_valid_key_are_401() {
    let app = TestApp::spawn().await;
    let key = key_of(&app).await;
    let s = create(&app, &key, app.session_body("order-auth", 1000)).await;
    let session_path = format!("/v1/sessions/{}", s["id"].as_str().unwrap());
    // No Authorization at all.
    for (method, path) in [
        (Method::GET, session_path.as_str()),
        (Method::GET, "/v1/payments"),
        (Method::POST, "/v1/sessions"),
    ] {
        let resp = app
            .client
            .request(method.clone(), app.url(path))
            .header("content-type", "application/json")
            .body(app.session_body("order-noauth", 1000).to_string())
            .send()
            .await
            .unwrap();
        let status = resp.status().as_u16();
        let body: Value = serde_json::from_str(&resp.text().await.unwrap()).unwrap();
        assert_error((status, &body), 401, "authentication_error", None, path);
    }
    // Malformed, unknown and wrongly presented keys.
    let unknown = format!("sk_test_{}", "ab".repeat(32));
    for bad in [
        "nonsense".to_string(),
        String::new(),
        unknown,
        format!("sk_other_{}", "ab".repeat(32)),
        key[..key.len() - 1].to_string(),
        key.to_uppercase(),
    ] {
        let (status, body) = get_json(&app, &bad, &session_path).await;
        assert_error((status, &body), 401, "authentication_error", None, &bad);
    }
    for header in [format!("Basic {key}"), key.clone(), format!("Bearer{key}")] {
        let resp = app
            .client
            .get(app.url(&session_path))
            .header("authorization", header.as_str())
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 401, "{header}");
    }
    // The right key works, case-insensitive scheme included.
    let resp = app
        .client
        .get(app.url(&session_path))
        .header("authorization", format!("bearer {key}"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    // A refused create stored nothing.
    assert_eq!(
        app.count("SELECT COUNT(*) FROM payments WHERE reference = 'order-noauth'")
            .await,
        0
    );
}

#[tokio::test]
async fn a_revoked_key_is_refused_at_once() {
    let app = TestApp::spawn().await;
    let now = offsite_gateway::store::now_millis();
    let made = offsite_gateway::store::api_keys::create(&app.db, ACCOUNT, false, now, None)
        .await
        .unwrap();
    let (status, _) = get_json(&app, &made.key, "/v1/payments").await;
    assert_eq!(status, 200);
    // Another merchant cannot revoke M's key.
    assert!(
        !offsite_gateway::store::api_keys::revoke(&app.db, OTHER_ACCOUNT, &made.id, now, None)
            .await
            .unwrap()
    );
    assert!(
        offsite_gateway::store::api_keys::revoke(&app.db, ACCOUNT, &made.id, now, None)
            .await
            .unwrap()
    );
    let (status, body) = get_json(&app, &made.key, "/v1/payments").await;
    assert_error(
        (status, &body),
        401,
        "authentication_error",
        None,
        "revoked",
    );
    let before = app.snapshot().await;
    let (status, body) = post_json(
        &app,
        &made.key,
        "/v1/sessions",
        Some(app.session_body("order-revoked", 1000)),
    )
    .await;
    assert_error(
        (status, &body),
        401,
        "authentication_error",
        None,
        "revoked",
    );
    assert_eq!(app.snapshot().await, before);
    // M's other keys still work.
    let (status, _) = get_json(&app, &key_of(&app).await, "/v1/payments").await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn another_merchant_and_another_mode_see_nothing_of_ms() {
    let app = TestApp::spawn().await;
    let key = key_of(&app).await;
    let open = create(&app, &key, app.session_body("order-mine", 1000)).await;
    let paid = paid_session(&app, &key, "order-mine-paid", 1000, "automatic").await;
    let manual = paid_session(&app, &key, "order-mine-auth", 1000, "manual").await;
    let other = app.api_key(OTHER_ACCOUNT, false).await;
    let live = app.api_key(ACCOUNT, true).await;
    let before = app.snapshot().await;
    for (who, k) in [("another merchant", &other), ("M's live key", &live)] {
        let session_id = open["id"].as_str().unwrap();
        let paid_id = payment_of(&paid);
        let manual_id = payment_of(&manual);
        let calls: Vec<(Method, String, Option<Value>)> = vec![
            (Method::GET, format!("/v1/sessions/{session_id}"), None),
            (
                Method::POST,
                format!("/v1/sessions/{session_id}/expire"),
                None,
            ),
            (Method::GET, format!("/v1/payments/{paid_id}"), None),
            (
                Method::GET,
                format!("/v1/payments/{}", payment_of(&open)),
                None,
            ),
            (
                Method::POST,
                format!("/v1/payments/{paid_id}/refunds"),
                Some(json!({"amount": 100})),
            ),
            (
                Method::POST,
                format!("/v1/payments/{manual_id}/capture"),
                Some(json!({})),
            ),
            (Method::POST, format!("/v1/payments/{manual_id}/void"), None),
        ];
        for (method, path, body) in calls {
            let (status, answer, _) = app.api(method, &path, k, body, None).await;
            assert_error(
                (status, &answer),
                404,
                "not_found",
                None,
                &format!("{who}: {path}"),
            );
        }
        let (status, list) = get_json(&app, k, "/v1/payments").await;
        assert_eq!(status, 200);
        assert_eq!(list["data"], json!([]), "{who}");
        assert_eq!(list["has_more"], false);
        let (status, list) = get_json(&app, k, "/v1/payments?reference=order-mine-paid").await;
        assert_eq!(status, 200);
        assert_eq!(list["data"], json!([]), "{who}");
    }
    assert_eq!(app.snapshot().await, before, "nothing changed");
    // M's test key still sees all three.
    let (_, list) = get_json(&app, &key, "/v1/payments").await;
    assert_eq!(list["data"].as_array().unwrap().len(), 3);
}

#[tokio::test]
async fn keys_are_never_logged_or_stored_and_random_keys_are_401() {
    // T26: the key appears in no log, answer or database dump; random keys are all 401.
    let app = TestApp::spawn().await;
    let key = key_of(&app).await;
    let s = create(&app, &key, app.session_body("order-secret", 1000)).await;
    let (status, _) = get_json(
        &app,
        &key,
        &format!("/v1/sessions/{}", s["id"].as_str().unwrap()),
    )
    .await;
    assert_eq!(status, 200);
    let (status, _) = get_json(&app, &key, "/v1/payments?limit=0").await;
    assert_eq!(status, 400);
    let (status, _) = post_json(&app, &key, "/v1/sessions", Some(json!({"amount": 1}))).await;
    assert_eq!(status, 400);
    let mut guessed = Vec::new();
    for round in 0..20 {
        let mut set = JoinSet::new();
        for n in 0..50 {
            let prefix = if (round + n) % 2 == 0 {
                "sk_test_"
            } else {
                "sk_live_"
            };
            let k = format!("{prefix}{}", offsite_gateway::crypto::random_hex::<32>());
            guessed.push(k.clone());
            let (client, url) = (app.client.clone(), app.url("/v1/payments"));
            set.spawn(async move {
                let resp = client
                    .get(url)
                    .header("authorization", format!("Bearer {k}"))
                    .send()
                    .await
                    .unwrap();
                (resp.status().as_u16(), resp.text().await.unwrap())
            });
        }
        for (status, text) in set.join_all().await {
            assert_eq!(status, 401, "{text}");
            assert_error_shape(&serde_json::from_str(&text).unwrap());
        }
    }
    assert_eq!(guessed.len(), 1000);
    let secret = &key["sk_test_".len()..];
    let logs = captured_logs();
    assert!(!logs.contains(secret), "the key is in the logs");
    for k in guessed.iter().take(10) {
        assert!(!logs.contains(&k[8..]), "a presented key is in the logs");
    }
    let dump = app.dump().await;
    assert!(!dump.contains(secret), "the key is stored in the clear");
}

// ---------------------------------------------------------------------------------------------
// 3. GET and expire

#[tokio::test]
async fn an_open_session_expires_once_and_a_paid_one_never() {
    let app = TestApp::spawn().await;
    let key = key_of(&app).await;
    let s = create(&app, &key, app.session_body("order-expire", 1000)).await;
    let id = s["id"].as_str().unwrap();
    let (status, expired) = post_json(&app, &key, &format!("/v1/sessions/{id}/expire"), None).await;
    assert_eq!(status, 200, "{expired}");
    assert_eq!(expired["id"], id);
    assert_eq!(expired["object"], "session");
    assert_eq!(expired["status"], "expired");
    assert_eq!(expired["payment"]["status"], "expired");
    let (status, read) = get_json(&app, &key, &format!("/v1/sessions/{id}")).await;
    assert_eq!(status, 200);
    assert_eq!(read["status"], "expired");
    let (_, payment) = get_json(&app, &key, &format!("/v1/payments/{}", payment_of(&s))).await;
    assert_eq!(payment["status"], "expired");
    assert_eq!(app.payment_status(&page_of(&s)).await, "expired");
    // Its page no longer takes a card.
    let (_, html) = app.get_page(&page_of(&s)).await;
    assert!(!html.contains("id=\"payment-form\""), "{html}");
    // Again: 409, nothing changes.
    let before = app.snapshot().await;
    let (status, again) = post_json(&app, &key, &format!("/v1/sessions/{id}/expire"), None).await;
    assert_error((status, &again), 409, "state_error", None, "expired twice");
    assert_eq!(app.snapshot().await, before);
    // A paid session: 409.
    for capture in ["automatic", "manual"] {
        let paid = paid_session(&app, &key, &format!("order-paid-{capture}"), 1000, capture).await;
        let before = app.snapshot().await;
        let (status, answer) = post_json(
            &app,
            &key,
            &format!("/v1/sessions/{}/expire", paid["id"].as_str().unwrap()),
            None,
        )
        .await;
        assert_error((status, &answer), 409, "state_error", None, capture);
        assert_eq!(app.snapshot().await, before);
        let (_, read) = get_json(
            &app,
            &key,
            &format!("/v1/sessions/{}", paid["id"].as_str().unwrap()),
        )
        .await;
        assert_eq!(read["status"], "complete");
    }
}

#[tokio::test]
async fn unknown_sessions_and_payments_are_404() {
    let app = TestApp::spawn().await;
    let key = key_of(&app).await;
    for path in [
        "/v1/sessions/cs_00000000000000000000".to_string(),
        "/v1/sessions/nope".to_string(),
        "/v1/payments/0123456789abcdef0123456789abcdef".to_string(),
        "/v1/payments/not-a-payment".to_string(),
        "/v1/nothing-here".to_string(),
    ] {
        let (status, body) = get_json(&app, &key, &path).await;
        assert_error((status, &body), 404, "not_found", None, &path);
    }
    let (status, body) = post_json(
        &app,
        &key,
        "/v1/sessions/cs_00000000000000000000/expire",
        None,
    )
    .await;
    assert_error((status, &body), 404, "not_found", None, "expire");
    // A session id is not a payment id, nor the other way round.
    let s = create(&app, &key, app.session_body("order-ids", 1000)).await;
    let (status, _) = get_json(
        &app,
        &key,
        &format!("/v1/payments/{}", s["id"].as_str().unwrap()),
    )
    .await;
    assert_eq!(status, 404);
    let (status, _) = get_json(&app, &key, &format!("/v1/sessions/{}", payment_of(&s))).await;
    assert_eq!(status, 404);
    // A wrong method is 405 with Allow, in the error shape.
    let (status, body, headers) = app
        .api(Method::DELETE, "/v1/sessions", &key, None, None)
        .await;
    assert_eq!(status, 405, "{body}");
    assert_error_shape(&body);
    assert_eq!(headers["allow"], "POST");
}

#[tokio::test]
async fn a_session_past_its_time_reads_expired() {
    let app = TestApp::spawn().await;
    let key = key_of(&app).await;
    let s = create(&app, &key, app.session_body("order-late", 1000)).await;
    let id = s["id"].as_str().unwrap();
    // Its time has come (stands for an hour passing).
    app.exec(&format!(
        "UPDATE payments SET expires_at = 1000 WHERE id = '{}'",
        payment_of(&s)
    ))
    .await;
    let (status, read) = get_json(&app, &key, &format!("/v1/sessions/{id}")).await;
    assert_eq!(status, 200);
    assert_eq!(read["status"], "expired");
    assert_eq!(read["payment"]["status"], "expired");
    assert_eq!(app.payment_status(&page_of(&s)).await, "expired");
    let (status, answer) = post_json(&app, &key, &format!("/v1/sessions/{id}/expire"), None).await;
    assert_error(
        (status, &answer),
        409,
        "state_error",
        None,
        "expired by time",
    );
    // Its page no longer offers the card form.
    let (_, html) = app.get_page(&page_of(&s)).await;
    assert!(!html.contains("id=\"payment-form\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn paying_and_expiring_at_once_have_one_outcome() {
    // Either the shopper paid (and expire is 409) or the session expired (and nothing was
    // charged), never both.
    let app = TestApp::spawn().await;
    let key = key_of(&app).await;
    for round in 0..20 {
        let s = create(&app, &key, app.session_body(&format!("race-{round}"), 1000)).await;
        let page = page_of(&s);
        let (csrf, attempt) = app.form_tokens(&page).await;
        let expire = format!("/v1/sessions/{}/expire", s["id"].as_str().unwrap());
        // Stagger the start of the payment a little more each round, so both orders happen.
        let pay = async {
            for _ in 0..round % 3 {
                tokio::task::yield_now().await;
            }
            app.submit_card(&page, &csrf, &attempt, CARD_OK, "12/30", "123")
                .await
        };
        let (paid, (status, answer)) = tokio::join!(pay, post_json(&app, &key, &expire, None));
        let paid = paid.status().as_u16();
        let id = payment_of(&s);
        let charges = app
            .count(&format!(
                "SELECT COUNT(*) FROM test_processor_charges WHERE idempotency_key LIKE '{id}%'"
            ))
            .await;
        let (_, read) = get_json(&app, &key, &format!("/v1/payments/{id}")).await;
        match status {
            200 => {
                assert_eq!(answer["status"], "expired", "round {round}");
                assert_eq!(read["status"], "expired", "round {round}: {read}");
                assert_eq!(charges, 0, "round {round}: charged an expired session");
                assert_eq!(read["amount_captured"], 0);
            }
            409 => {
                assert_eq!(read["status"], "captured", "round {round}: {read} {answer}");
                assert_eq!(charges, 1, "round {round}");
            }
            other => panic!("round {round}: expire answered {other}: {answer} (pay {paid})"),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 4. The way back

#[tokio::test]
async fn a_paid_session_returns_the_shopper_with_its_id_only() {
    let app = TestApp::spawn().await;
    let key = key_of(&app).await;
    let s = create(&app, &key, app.session_body("order-return", 2500)).await;
    let id = s["id"].as_str().unwrap();
    let resp = app.pay(&page_of(&s), CARD_OK).await;
    assert_eq!(resp.status(), 303);
    assert_eq!(
        location(&resp),
        format!("https://shop.example.com/return?session_id={id}")
    );
    let (status, read) = get_json(&app, &key, &format!("/v1/sessions/{id}")).await;
    assert_eq!(status, 200);
    assert_eq!(read["status"], "complete");
    assert_eq!(read["payment"]["status"], "captured");
    // A return_url with a query keeps it, and gets session_id appended; no x_ values.
    let mut body = app.session_body("order-return-query", 2500);
    body["return_url"] = "https://shop.example.com/return?order=7&step=done".into();
    body["capture"] = "manual".into();
    let s = create(&app, &key, body).await;
    let id = s["id"].as_str().unwrap();
    let resp = app.pay(&page_of(&s), CARD_OK).await;
    assert_eq!(resp.status(), 303);
    let back = location(&resp);
    assert!(
        back.starts_with("https://shop.example.com/return?"),
        "{back}"
    );
    assert_eq!(
        query_of(&back),
        pairs(&[("order", "7"), ("step", "done"), ("session_id", id)])
    );
    let (_, read) = get_json(&app, &key, &format!("/v1/sessions/{id}")).await;
    assert_eq!(read["status"], "complete");
    assert_eq!(read["payment"]["status"], "authorized");
}

#[tokio::test]
async fn the_cancel_link_goes_to_the_cancel_url() {
    let app = TestApp::spawn().await;
    let key = key_of(&app).await;
    let s = create(&app, &key, app.session_body("order-cancel", 1000)).await;
    let (_, html) = app.get_page(&page_of(&s)).await;
    let marker = "<a id=\"cancel-link\" href=\"";
    let start = html.find(marker).expect("a cancel link") + marker.len();
    let href = html[start..start + html[start..].find('"').unwrap()].replace("&#38;", "&");
    let resp = app.client.get(app.url(&href)).send().await.unwrap();
    assert_eq!(resp.status(), 303);
    assert_eq!(location(&resp), "https://shop.example.com/cancel");
    let (_, read) = get_json(
        &app,
        &key,
        &format!("/v1/sessions/{}", s["id"].as_str().unwrap()),
    )
    .await;
    assert_eq!(read["status"], "open", "not paid: {read}");
    assert_eq!(read["payment"]["status"], "cancelled");
}

#[tokio::test]
async fn a_cancelled_session_can_still_be_expired() {
    let app = TestApp::spawn().await;
    let key = key_of(&app).await;
    let s = create(&app, &key, app.session_body("order-cancel-expire", 1000)).await;
    let (_, html) = app.get_page(&page_of(&s)).await;
    let marker = "<a id=\"cancel-link\" href=\"";
    let start = html.find(marker).expect("a cancel link") + marker.len();
    let href = html[start..start + html[start..].find('"').unwrap()].replace("&#38;", "&");
    let resp = app.client.get(app.url(&href)).send().await.unwrap();
    assert_eq!(resp.status(), 303);
    let id = s["id"].as_str().unwrap();
    let (status, expired) = post_json(&app, &key, &format!("/v1/sessions/{id}/expire"), None).await;
    assert_eq!(status, 200, "{expired}");
    assert_eq!(expired["status"], "expired");
    assert_eq!(expired["payment"]["status"], "expired");
}

#[tokio::test]
async fn a_failed_payment_returns_the_shopper_with_the_session_id() {
    // After three declines the payment ends failed and the shopper goes back to return_url.
    let app = TestApp::spawn().await;
    let key = key_of(&app).await;
    let s = create(&app, &key, app.session_body("order-declined", 1000)).await;
    let page = page_of(&s);
    let id = s["id"].as_str().unwrap();
    for _ in 0..2 {
        let resp = app.pay(&page, "4000 0000 0000 0002").await;
        assert_eq!(resp.status(), 303);
        assert_eq!(location(&resp), page, "declined: the page again");
    }
    let resp = app.pay(&page, "4000 0000 0000 0002").await;
    assert_eq!(resp.status(), 303);
    assert_eq!(
        location(&resp),
        format!("https://shop.example.com/return?session_id={id}")
    );
    let (_, read) = get_json(&app, &key, &format!("/v1/sessions/{id}")).await;
    assert_eq!(read["payment"]["status"], "failed");
    assert_ne!(read["status"], "complete");
    let (_, p) = get_json(&app, &key, &format!("/v1/payments/{}", payment_of(&s))).await;
    assert_eq!(p["status"], "failed");
    assert_eq!(p["amount_captured"], 0);
}

#[tokio::test]
async fn a_session_that_reads_open_can_be_expired() {
    let app = TestApp::spawn().await;
    let key = key_of(&app).await;
    let s = create(&app, &key, app.session_body("order-failed-open", 1000)).await;
    for _ in 0..3 {
        app.pay(&page_of(&s), "4000 0000 0000 0002").await;
    }
    let id = s["id"].as_str().unwrap();
    let (_, read) = get_json(&app, &key, &format!("/v1/sessions/{id}")).await;
    assert_eq!(read["payment"]["status"], "failed");
    let (status, answer) = post_json(&app, &key, &format!("/v1/sessions/{id}/expire"), None).await;
    // Section 11: expire takes an open session only, else 409. The session's own status and
    // the answer to expire must agree.
    match read["status"].as_str().unwrap() {
        "open" => {
            assert_eq!(
                status, 200,
                "the session reads open: {read}; expire: {answer}"
            );
            assert_eq!(answer["status"], "expired");
        }
        "expired" | "complete" => assert_eq!(status, 409, "{answer}"),
        other => panic!("not a session status: {other}"),
    }
}

// ---------------------------------------------------------------------------------------------
// 5. Payments

#[tokio::test]
async fn a_payment_reads_with_its_card_and_money() {
    let app = TestApp::spawn().await;
    let key = key_of(&app).await;
    let open = create(&app, &key, app.session_body("order-pay-open", 1234)).await;
    let (status, p) = get_json(&app, &key, &format!("/v1/payments/{}", payment_of(&open))).await;
    assert_eq!(status, 200);
    assert_eq!(
        p,
        json!({
            "id": payment_of(&open),
            "object": "payment",
            "status": "open",
            "amount": 1234,
            "amount_captured": 0,
            "amount_refunded": 0,
            "currency": "EUR",
            "reference": "order-pay-open",
            "card": null,
            "created_at": open["created_at"],
            "livemode": false,
        })
    );
    let paid = paid_session(&app, &key, "order-pay-paid", 1234, "automatic").await;
    let (status, p) = get_json(&app, &key, &format!("/v1/payments/{}", payment_of(&paid))).await;
    assert_eq!(status, 200);
    assert_eq!(p["status"], "captured");
    assert_eq!(p["card"], json!({"brand": "visa", "last4": "4242"}));
    assert_eq!(p["amount_captured"], 1234);
    assert_eq!(p["amount_refunded"], 0);
    let (status, _) = post_json(
        &app,
        &key,
        &format!("/v1/payments/{}/refunds", payment_of(&paid)),
        Some(json!({"amount": 234})),
    )
    .await;
    assert_eq!(status, 200);
    let (_, p) = get_json(&app, &key, &format!("/v1/payments/{}", payment_of(&paid))).await;
    assert_eq!(p["status"], "partially_refunded");
    assert_eq!(p["amount_refunded"], 234);
    assert_eq!(p["amount_captured"], 1234);
}

#[tokio::test]
async fn an_x_payment_is_a_payment_of_the_api_too() {
    let app = TestApp::spawn().await;
    let key = key_of(&app).await;
    let page = app.open_payment(app.request("order-x-1")).await;
    let id = page.trim_start_matches("/pay/");
    let (status, p) = get_json(&app, &key, &format!("/v1/payments/{id}")).await;
    assert_eq!(status, 200, "{p}");
    assert_eq!(p["status"], "open");
    assert_eq!(p["reference"], "order-x-1");
    assert_eq!(p["card"], Value::Null);
    let resp = app.pay(&page, CARD_OK).await;
    assert_eq!(resp.status(), 303);
    let (_, p) = get_json(&app, &key, &format!("/v1/payments/{id}")).await;
    assert_eq!(p["id"], id);
    assert_eq!(p["object"], "payment");
    assert_eq!(p["status"], "captured");
    assert_eq!(p["amount"], 1000);
    assert_eq!(p["amount_captured"], 1000);
    assert_eq!(p["currency"], "USD");
    assert_eq!(p["card"], json!({"brand": "visa", "last4": "4242"}));
    assert_eq!(p["livemode"], false);
    // Listed beside a session's payment, as the list reads it: the same object.
    let session = create(&app, &key, app.session_body("order-s-1", 500)).await;
    let (_, list) = get_json(&app, &key, "/v1/payments").await;
    assert_eq!(list["object"], "list");
    let data = list["data"].as_array().unwrap();
    assert_eq!(data.len(), 2);
    let ids: BTreeSet<&str> = data.iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert_eq!(ids, BTreeSet::from([id, payment_of(&session).as_str()]));
    let listed = data.iter().find(|q| q["id"] == id).unwrap();
    assert_eq!(listed, &p, "the list and the GET agree");
    // And the API may refund it.
    let (status, op) = post_json(
        &app,
        &key,
        &format!("/v1/payments/{id}/refunds"),
        Some(json!({"amount": 100})),
    )
    .await;
    assert_eq!(status, 200, "{op}");
    assert_eq!(column(&app, id, "refunded_minor").await, 100);
}

#[tokio::test]
async fn payments_are_listed_newest_first_and_paged() {
    let app = TestApp::spawn().await;
    let key = key_of(&app).await;
    let mut made = Vec::new();
    for n in 1..=5 {
        let s = create(
            &app,
            &key,
            app.session_body(&format!("order-list-{n}"), 100 * n),
        )
        .await;
        made.push(payment_of(&s));
        // Ids start with their creation millisecond: keep them apart.
        tokio::time::sleep(std::time::Duration::from_millis(3)).await;
    }
    let newest_first: Vec<String> = made.iter().rev().cloned().collect();
    let ids = |list: &Value| -> Vec<String> {
        list["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["id"].as_str().unwrap().to_string())
            .collect()
    };
    let (status, all) = get_json(&app, &key, "/v1/payments").await;
    assert_eq!(status, 200);
    assert_eq!(ids(&all), newest_first);
    assert_eq!(all["has_more"], false);
    assert_eq!(all["data"][0]["reference"], "order-list-5");
    // Pages of two: 2, 2, 1.
    let mut seen = Vec::new();
    let mut more = Vec::new();
    let mut cursor: Option<String> = None;
    for _ in 0..3 {
        let path = match &cursor {
            Some(c) => format!("/v1/payments?limit=2&starting_after={c}"),
            None => "/v1/payments?limit=2".to_string(),
        };
        let (status, page) = get_json(&app, &key, &path).await;
        assert_eq!(status, 200, "{page}");
        let page_ids = ids(&page);
        more.push(page["has_more"].as_bool().unwrap());
        cursor = page_ids.last().cloned();
        seen.extend(page_ids);
    }
    assert_eq!(more, [true, true, false]);
    assert_eq!(seen, newest_first);
    // After the last one: an empty page.
    let (_, rest) = get_json(
        &app,
        &key,
        &format!("/v1/payments?starting_after={}", made[0]),
    )
    .await;
    assert_eq!(rest["data"], json!([]));
    assert_eq!(rest["has_more"], false);
    // Limits 1 and 100 are fine; 0, 101 and garbage are 400 naming limit.
    let (_, one) = get_json(&app, &key, "/v1/payments?limit=1").await;
    assert_eq!(ids(&one), &newest_first[..1]);
    assert_eq!(one["has_more"], true);
    let (_, hundred) = get_json(&app, &key, "/v1/payments?limit=100").await;
    assert_eq!(ids(&hundred), newest_first);
    assert_eq!(hundred["has_more"], false);
    let (_, five) = get_json(&app, &key, "/v1/payments?limit=5").await;
    assert_eq!(ids(&five), newest_first);
    assert_eq!(five["has_more"], false, "exactly a page: nothing more");
    let (_, four) = get_json(&app, &key, "/v1/payments?limit=4").await;
    assert_eq!(ids(&four), &newest_first[..4]);
    assert_eq!(four["has_more"], true);
    for bad in ["0", "101", "-1", "ten"] {
        let (status, body) = get_json(&app, &key, &format!("/v1/payments?limit={bad}")).await;
        assert_error(
            (status, &body),
            400,
            "invalid_request_error",
            Some("limit"),
            bad,
        );
    }
    for bad in ["cs_123", "ZZZZ", "0123456789ABCDEF0123456789ABCDEF"] {
        let (status, body) =
            get_json(&app, &key, &format!("/v1/payments?starting_after={bad}")).await;
        assert_error(
            (status, &body),
            400,
            "invalid_request_error",
            Some("starting_after"),
            bad,
        );
    }
    let (status, body) = get_json(&app, &key, "/v1/payments?status=paid").await;
    assert_error(
        (status, &body),
        400,
        "invalid_request_error",
        Some("status"),
        "status=paid",
    );
}

#[tokio::test]
async fn payments_are_filtered_by_status_and_reference() {
    let app = TestApp::spawn().await;
    let key = key_of(&app).await;
    let open = payment_of(&create(&app, &key, app.session_body("f-open", 1000)).await);
    let authorized = payment_of(&paid_session(&app, &key, "f-authorized", 1000, "manual").await);
    let captured = payment_of(&paid_session(&app, &key, "f-captured", 1000, "automatic").await);
    let partly = payment_of(&paid_session(&app, &key, "f-partly", 1000, "automatic").await);
    let fully = payment_of(&paid_session(&app, &key, "f-fully", 1000, "automatic").await);
    let voided = payment_of(&paid_session(&app, &key, "f-voided", 1000, "manual").await);
    let expired_session = create(&app, &key, app.session_body("f-expired", 1000)).await;
    let expired = payment_of(&expired_session);
    let (x_captured, _) = x_paid_payment(&app, "f-x-captured", "10.00", "sale").await;
    for (id, body) in [
        (&partly, json!({"amount": 1})),
        (&fully, json!({"amount": 1000})),
    ] {
        let (s, _) = post_json(
            &app,
            &key,
            &format!("/v1/payments/{id}/refunds"),
            Some(body),
        )
        .await;
        assert_eq!(s, 200);
    }
    let (s, _) = post_json(&app, &key, &format!("/v1/payments/{voided}/void"), None).await;
    assert_eq!(s, 200);
    let (s, _) = post_json(
        &app,
        &key,
        &format!(
            "/v1/sessions/{}/expire",
            expired_session["id"].as_str().unwrap()
        ),
        None,
    )
    .await;
    assert_eq!(s, 200);
    let listed = |query: String| {
        let (app, key) = (&app, &key);
        async move {
            let (status, list) = get_json(app, key, &format!("/v1/payments?{query}")).await;
            assert_eq!(status, 200, "{query}: {list}");
            list["data"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| {
                    if let Some(st) = query.strip_prefix("status=") {
                        assert_eq!(p["status"], st, "{query}: {p}");
                    }
                    p["id"].as_str().unwrap().to_string()
                })
                .collect::<BTreeSet<String>>()
        }
    };
    let expected: Vec<(&str, Vec<&String>)> = vec![
        ("open", vec![&open]),
        ("authorized", vec![&authorized]),
        ("captured", vec![&captured, &x_captured]),
        ("partially_refunded", vec![&partly]),
        ("refunded", vec![&fully]),
        ("voided", vec![&voided]),
        ("expired", vec![&expired]),
        ("failed", vec![]),
        ("pending", vec![]),
        ("cancelled", vec![]),
    ];
    for (status, ids) in expected {
        let want: BTreeSet<String> = ids.into_iter().cloned().collect();
        assert_eq!(listed(format!("status={status}")).await, want, "{status}");
    }
    for (reference, id) in [("f-partly", &partly), ("f-x-captured", &x_captured)] {
        assert_eq!(
            listed(format!("reference={reference}")).await,
            BTreeSet::from([id.clone()]),
            "{reference}"
        );
    }
    assert!(listed("reference=f-none".into()).await.is_empty());
    assert_eq!(
        listed("reference=f-fully&status=refunded".into()).await,
        BTreeSet::from([fully.clone()])
    );
    assert!(
        listed("reference=f-fully&status=captured".into())
            .await
            .is_empty()
    );
    assert_eq!(listed("limit=100".into()).await.len(), 8);
    // Every payment reads the same in the list as by itself.
    let (_, all) = get_json(&app, &key, "/v1/payments?limit=100").await;
    for p in all["data"].as_array().unwrap() {
        let (status, one) = get_json(
            &app,
            &key,
            &format!("/v1/payments/{}", p["id"].as_str().unwrap()),
        )
        .await;
        assert_eq!(status, 200);
        assert_eq!(&one, p);
    }
}

// ---------------------------------------------------------------------------------------------
// 6. Operations

fn assert_operation(status: u16, op: &Value, kind: &str, amount: Option<i64>) {
    assert_eq!(status, 200, "{op}");
    assert!(
        op["id"].as_str().is_some_and(|id| id.starts_with("op_")),
        "{op}"
    );
    assert_eq!(op["object"], "operation");
    assert_eq!(op["kind"], kind);
    assert_eq!(
        op["amount"],
        amount.map_or(Value::Null, Value::from),
        "{op}"
    );
    assert_eq!(op["status"], "succeeded");
    assert_eq!(op["payment"]["object"], "payment");
}

#[tokio::test]
async fn a_manual_session_is_captured_in_parts() {
    let app = TestApp::spawn().await;
    let key = key_of(&app).await;
    let id = payment_of(&paid_session(&app, &key, "op-capture", 1000, "manual").await);
    let capture = format!("/v1/payments/{id}/capture");
    // More than authorized: 422 naming amount, nothing changes.
    let before = app.snapshot().await;
    let (s, e) = post_json(&app, &key, &capture, Some(json!({"amount": 1001}))).await;
    assert_error(
        (s, &e),
        422,
        "invalid_request_error",
        Some("amount"),
        "over",
    );
    assert_eq!(app.snapshot().await, before);
    let (s, e) = post_json(&app, &key, &capture, Some(json!({"amount": 0}))).await;
    assert_error(
        (s, &e),
        400,
        "invalid_request_error",
        Some("amount"),
        "zero",
    );
    let (s, op) = post_json(&app, &key, &capture, Some(json!({"amount": 500}))).await;
    assert_operation(s, &op, "capture", Some(500));
    assert_eq!(op["payment"]["id"], id.as_str());
    assert_eq!(op["payment"]["status"], "captured");
    assert_eq!(op["payment"]["amount_captured"], 500);
    let (s, e) = post_json(&app, &key, &capture, Some(json!({"amount": i64::MAX}))).await;
    assert_error(
        (s, &e),
        422,
        "invalid_request_error",
        Some("amount"),
        "i64::MAX after a partial capture",
    );
    // The rest: no amount takes what is left.
    let (s, op2) = post_json(&app, &key, &capture, Some(json!({}))).await;
    assert_operation(s, &op2, "capture", Some(500));
    assert_ne!(op2["id"], op["id"]);
    assert_eq!(op2["payment"]["amount_captured"], 1000);
    assert_eq!(column(&app, &id, "captured_minor").await, 1000);
    // Nothing is left to capture, and a captured payment cannot be voided.
    let before = app.snapshot().await;
    let (s, e) = post_json(&app, &key, &capture, Some(json!({}))).await;
    assert_error(
        (s, &e),
        422,
        "invalid_request_error",
        Some("amount"),
        "nothing left",
    );
    let (s, e) = post_json(&app, &key, &format!("/v1/payments/{id}/void"), None).await;
    assert_error((s, &e), 409, "state_error", None, "void after capture");
    assert_eq!(app.snapshot().await, before);
    // A sale is captured already: 409.
    let sale = payment_of(&paid_session(&app, &key, "op-sale", 1000, "automatic").await);
    let open = payment_of(&create(&app, &key, app.session_body("op-open", 1000)).await);
    let before = app.snapshot().await;
    let (s, e) = post_json(
        &app,
        &key,
        &format!("/v1/payments/{sale}/capture"),
        Some(json!({"amount": 100})),
    )
    .await;
    assert_error((s, &e), 409, "state_error", None, "capture of a sale");
    // So is an open payment, and an unknown field is 400.
    let (s, e) = post_json(
        &app,
        &key,
        &format!("/v1/payments/{open}/capture"),
        Some(json!({})),
    )
    .await;
    assert_error(
        (s, &e),
        409,
        "state_error",
        None,
        "capture of an open payment",
    );
    let (s, e) = post_json(
        &app,
        &key,
        &format!("/v1/payments/{sale}/capture"),
        Some(json!({"amout": 1})),
    )
    .await;
    assert_error((s, &e), 400, "invalid_request_error", Some("amout"), "typo");
    assert_eq!(app.snapshot().await, before);
}

#[tokio::test]
async fn refunds_never_exceed_what_was_captured() {
    let app = TestApp::spawn().await;
    let key = key_of(&app).await;
    let id = payment_of(&paid_session(&app, &key, "op-refund", 1000, "automatic").await);
    let refunds = format!("/v1/payments/{id}/refunds");
    let (s, op) = post_json(&app, &key, &refunds, Some(json!({"amount": 300}))).await;
    assert_operation(s, &op, "refund", Some(300));
    assert_eq!(op["payment"]["status"], "partially_refunded");
    assert_eq!(op["payment"]["amount_refunded"], 300);
    let before = app.snapshot().await;
    let (s, e) = post_json(&app, &key, &refunds, Some(json!({"amount": 701}))).await;
    assert_error(
        (s, &e),
        422,
        "invalid_request_error",
        Some("amount"),
        "over",
    );
    // The largest amount the schema takes: refused as too much, not overflowed into a 500.
    let (s, e) = post_json(&app, &key, &refunds, Some(json!({"amount": i64::MAX}))).await;
    assert_error(
        (s, &e),
        422,
        "invalid_request_error",
        Some("amount"),
        "i64::MAX after a partial refund",
    );
    let (s, e) = post_json(&app, &key, &refunds, Some(json!({}))).await;
    assert_error((s, &e), 400, "invalid_request_error", None, "no amount");
    let (s, e) = post_json(&app, &key, &refunds, Some(json!({"amount": -1}))).await;
    assert_error(
        (s, &e),
        400,
        "invalid_request_error",
        Some("amount"),
        "negative",
    );
    assert_eq!(app.snapshot().await, before);
    assert_eq!(column(&app, &id, "refunded_minor").await, 300);
    let (s, op) = post_json(&app, &key, &refunds, Some(json!({"amount": 700}))).await;
    assert_operation(s, &op, "refund", Some(700));
    assert_eq!(op["payment"]["status"], "refunded");
    assert_eq!(op["payment"]["amount_refunded"], 1000);
    let (s, e) = post_json(&app, &key, &refunds, Some(json!({"amount": 1}))).await;
    assert_error(
        (s, &e),
        422,
        "invalid_request_error",
        Some("amount"),
        "all refunded",
    );
    // An authorization has no captured money to refund.
    let auth = payment_of(&paid_session(&app, &key, "op-refund-auth", 1000, "manual").await);
    let before = app.snapshot().await;
    let (s, e) = post_json(
        &app,
        &key,
        &format!("/v1/payments/{auth}/refunds"),
        Some(json!({"amount": 100})),
    )
    .await;
    assert_error(
        (s, &e),
        409,
        "state_error",
        None,
        "refund of an authorization",
    );
    assert_eq!(app.snapshot().await, before);
}

#[tokio::test]
async fn an_authorization_is_voided_once() {
    let app = TestApp::spawn().await;
    let key = key_of(&app).await;
    let id = payment_of(&paid_session(&app, &key, "op-void", 1000, "manual").await);
    let void = format!("/v1/payments/{id}/void");
    let (s, op) = post_json(&app, &key, &void, None).await;
    assert_operation(s, &op, "void", None);
    assert_eq!(op["payment"]["status"], "voided");
    assert_eq!(op["payment"]["amount_captured"], 0);
    let (_, p) = get_json(&app, &key, &format!("/v1/payments/{id}")).await;
    assert_eq!(p["status"], "voided");
    assert_eq!(p, op["payment"]);
    let before = app.snapshot().await;
    let (s, e) = post_json(&app, &key, &void, None).await;
    assert_error((s, &e), 409, "state_error", None, "voided twice");
    let (s, e) = post_json(
        &app,
        &key,
        &format!("/v1/payments/{id}/capture"),
        Some(json!({})),
    )
    .await;
    assert_error((s, &e), 409, "state_error", None, "capture after void");
    // A sale cannot be voided.
    let sale = payment_of(&paid_session(&app, &key, "op-void-sale", 1000, "automatic").await);
    let before_sale = app.snapshot().await;
    let (s, e) = post_json(&app, &key, &format!("/v1/payments/{sale}/void"), None).await;
    assert_error((s, &e), 409, "state_error", None, "void of a sale");
    assert_eq!(app.snapshot().await, before_sale);
    assert_ne!(before, before_sale);
    let (_, voided) = get_json(&app, &key, "/v1/payments?status=voided").await;
    assert_eq!(voided["data"].as_array().unwrap().len(), 1);
    assert_eq!(voided["data"][0]["id"], id.as_str());
}

// ---------------------------------------------------------------------------------------------
// 7. Idempotency-Key

#[tokio::test]
async fn the_same_key_and_body_replay_the_first_answer() {
    let app = TestApp::spawn().await;
    let key = key_of(&app).await;
    let body = app.session_body("idem-1", 1000);
    let (s1, first, h1) = app
        .api(
            Method::POST,
            "/v1/sessions",
            &key,
            Some(body.clone()),
            Some("create-idem-1"),
        )
        .await;
    assert_eq!(s1, 201, "{first}");
    assert!(h1.get("idempotent-replayed").is_none());
    let (s2, second, h2) = app
        .api(
            Method::POST,
            "/v1/sessions",
            &key,
            Some(body.clone()),
            Some("create-idem-1"),
        )
        .await;
    assert_eq!(s2, 201);
    assert_eq!(second, first);
    assert_eq!(h2["idempotent-replayed"], "true");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM payments WHERE reference = 'idem-1'")
            .await,
        1
    );
    // The same key with another body: 422 idempotency_error, nothing changes.
    let before = app.snapshot().await;
    let (s, e, _) = app
        .api(
            Method::POST,
            "/v1/sessions",
            &key,
            Some(app.session_body("idem-2", 1000)),
            Some("create-idem-1"),
        )
        .await;
    assert_error(
        (s, &e),
        422,
        "idempotency_error",
        Some("Idempotency-Key"),
        "other body",
    );
    assert_eq!(app.snapshot().await, before);
    // A refusal is kept too: the same key and body replay the 409 of a reused reference.
    let (s, conflict, _) = app
        .api(
            Method::POST,
            "/v1/sessions",
            &key,
            Some(body.clone()),
            Some("create-idem-3"),
        )
        .await;
    assert_eq!(s, 409);
    let (s, again, h) = app
        .api(
            Method::POST,
            "/v1/sessions",
            &key,
            Some(body),
            Some("create-idem-3"),
        )
        .await;
    assert_eq!((s, &again), (409, &conflict));
    assert_eq!(h["idempotent-replayed"], "true");
    // Keys are per merchant: N's use of M's key name is N's own.
    let other = app.api_key(OTHER_ACCOUNT, false).await;
    let (s, theirs, h) = app
        .api(
            Method::POST,
            "/v1/sessions",
            &other,
            Some(app.session_body("idem-1", 1000)),
            Some("create-idem-1"),
        )
        .await;
    assert_eq!(s, 201);
    assert!(h.get("idempotent-replayed").is_none());
    assert_ne!(theirs["id"], first["id"]);
    // 255 visible characters are a key; 256, or a space, are 400.
    let long = "k".repeat(255);
    let (s, _, _) = app
        .api(
            Method::POST,
            "/v1/sessions",
            &key,
            Some(app.session_body("idem-long", 1000)),
            Some(&long),
        )
        .await;
    assert_eq!(s, 201);
    let before = app.snapshot().await;
    for bad in ["k".repeat(256), "two words".to_string()] {
        let (s, e, _) = app
            .api(
                Method::POST,
                "/v1/sessions",
                &key,
                Some(app.session_body("idem-bad", 1000)),
                Some(&bad),
            )
            .await;
        assert_error(
            (s, &e),
            400,
            "invalid_request_error",
            Some("Idempotency-Key"),
            &bad,
        );
    }
    assert_eq!(app.snapshot().await, before);
}

#[tokio::test]
async fn a_refund_retried_with_its_key_refunds_once() {
    let app = TestApp::spawn().await;
    let key = key_of(&app).await;
    let id = payment_of(&paid_session(&app, &key, "idem-refund", 1000, "automatic").await);
    let path = format!("/v1/payments/{id}/refunds");
    let refund = |amount: i64, k: &'static str| {
        let (app, key, path) = (&app, &key, &path);
        async move {
            app.api(
                Method::POST,
                path,
                key,
                Some(json!({"amount": amount})),
                Some(k),
            )
            .await
        }
    };
    let (s1, first, _) = refund(300, "refund-1").await;
    assert_operation(s1, &first, "refund", Some(300));
    for _ in 0..3 {
        let (s, again, h) = refund(300, "refund-1").await;
        assert_eq!((s, &again), (200, &first));
        assert_eq!(h["idempotent-replayed"], "true");
    }
    assert_eq!(column(&app, &id, "refunded_minor").await, 300);
    let (s, e, _) = refund(400, "refund-1").await;
    assert_error(
        (s, &e),
        422,
        "idempotency_error",
        Some("Idempotency-Key"),
        "other amount",
    );
    // Another key is another refund.
    let (s, second, _) = refund(300, "refund-2").await;
    assert_operation(s, &second, "refund", Some(300));
    assert_ne!(second["id"], first["id"]);
    assert_eq!(column(&app, &id, "refunded_minor").await, 600);
    // The same key on another payment's path is another request: refused, not replayed.
    let other = payment_of(&paid_session(&app, &key, "idem-refund-2", 1000, "automatic").await);
    let (s, e, _) = app
        .api(
            Method::POST,
            &format!("/v1/payments/{other}/refunds"),
            &key,
            Some(json!({"amount": 300})),
            Some("refund-1"),
        )
        .await;
    assert_error(
        (s, &e),
        422,
        "idempotency_error",
        Some("Idempotency-Key"),
        "other path",
    );
    assert_eq!(column(&app, &other, "refunded_minor").await, 0);
}

#[tokio::test]
async fn ten_concurrent_creates_with_one_key_make_one_session() {
    let app = TestApp::spawn().await;
    let key = key_of(&app).await;
    let body = app.session_body("idem-race", 1000);
    let mut set = JoinSet::new();
    for _ in 0..10 {
        set.spawn(send(
            app.client.clone(),
            app.url("/v1/sessions"),
            key.clone(),
            Some(body.clone()),
            Some("race-key".into()),
        ));
    }
    let answers = set.join_all().await;
    for (status, answer) in &answers {
        assert_eq!(*status, 201, "{answer}");
        assert_eq!(answer, &answers[0].1);
    }
    assert!(answers[0].1["id"].as_str().unwrap().starts_with("cs_"));
    assert_eq!(
        app.count("SELECT COUNT(*) FROM payments WHERE reference = 'idem-race'")
            .await,
        1
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM payments").await, 1);
}

/// A valid session body padded with `n` spaces in front (still valid JSON).
fn padded_session(app: &TestApp, reference: &str, n: usize) -> String {
    format!("{}{}", " ".repeat(n), app.session_body(reference, 1000))
}

async fn post_raw(
    app: &TestApp,
    key: &str,
    body: String,
    idempotency_key: Option<&str>,
) -> (u16, Value) {
    let mut req = app
        .client
        .post(app.url("/v1/sessions"))
        .header("authorization", format!("Bearer {key}"))
        .header("content-type", "application/json")
        .body(body);
    if let Some(k) = idempotency_key {
        req = req.header("idempotency-key", k);
    }
    let resp = req.send().await.unwrap();
    let status = resp.status().as_u16();
    (
        status,
        serde_json::from_str(&resp.text().await.unwrap()).unwrap(),
    )
}

#[tokio::test]
async fn a_body_over_64_kib_with_an_idempotency_key_is_refused() {
    let app = TestApp::spawn().await;
    let key = key_of(&app).await;
    let before = app.snapshot().await;
    let (status, answer) = post_raw(
        &app,
        &key,
        padded_session(&app, "big-1", 70_000),
        Some("big-1"),
    )
    .await;
    assert_error(
        (status, &answer),
        400,
        "invalid_request_error",
        None,
        "70 KB",
    );
    assert_eq!(answer["error"]["code"], "payload_too_large");
    assert_eq!(app.snapshot().await, before);
    // Under the limit the same padding is fine.
    let (status, answer) = post_raw(
        &app,
        &key,
        padded_session(&app, "big-2", 60_000),
        Some("big-2"),
    )
    .await;
    assert_eq!(status, 201, "{answer}");
}

#[tokio::test]
async fn a_body_over_64_kib_is_refused_without_an_idempotency_key_too() {
    let app = TestApp::spawn().await;
    let key = key_of(&app).await;
    let before = app.snapshot().await;
    for n in [70_000, 5_000_000] {
        let (status, answer) = post_raw(&app, &key, padded_session(&app, "big-3", n), None).await;
        assert_error(
            (status, &answer),
            400,
            "invalid_request_error",
            None,
            "over 64 KiB",
        );
        assert_eq!(answer["error"]["code"], "payload_too_large");
    }
    assert_eq!(app.snapshot().await, before);
}

#[tokio::test]
async fn test_and_live_keys_do_not_share_idempotency_keys() {
    let app = TestApp::spawn().await;
    let test = key_of(&app).await;
    let live = app.api_key(ACCOUNT, true).await;
    // Live first (refused: no live processor), then test with the same key and body.
    let body = app.session_body("order-modes-1", 1000);
    let (s, e, _) = app
        .api(
            Method::POST,
            "/v1/sessions",
            &live,
            Some(body.clone()),
            Some("order-modes-1"),
        )
        .await;
    assert_eq!(e["error"]["code"], "live_mode_unavailable", "{s} {e}");
    let (s, made, h) = app
        .api(
            Method::POST,
            "/v1/sessions",
            &test,
            Some(body),
            Some("order-modes-1"),
        )
        .await;
    assert_eq!(s, 201, "the test key's own request runs: {made}");
    assert!(h.get("idempotent-replayed").is_none());
    // Test first, then live: the live key is not shown the test session.
    let body = app.session_body("order-modes-2", 1000);
    let (s, made, _) = app
        .api(
            Method::POST,
            "/v1/sessions",
            &test,
            Some(body.clone()),
            Some("order-modes-2"),
        )
        .await;
    assert_eq!(s, 201);
    let (s, _) = get_json(
        &app,
        &live,
        &format!("/v1/sessions/{}", made["id"].as_str().unwrap()),
    )
    .await;
    assert_eq!(s, 404, "the live key does not see the test session");
    let (s, answer, _) = app
        .api(
            Method::POST,
            "/v1/sessions",
            &live,
            Some(body),
            Some("order-modes-2"),
        )
        .await;
    assert_eq!(s, 422, "{answer}");
    assert_eq!(answer["error"]["code"], "live_mode_unavailable", "{answer}");
}

// ---------------------------------------------------------------------------------------------
// 8. The rate limit

#[tokio::test]
async fn a_key_over_its_rate_is_429_with_retry_after() {
    let app = TestApp::spawn_with(|s| s.api_rate_limit = 3).await;
    let key = key_of(&app).await;
    let mut set = JoinSet::new();
    for _ in 0..6 {
        let (client, url, key) = (app.client.clone(), app.url("/v1/payments"), key.clone());
        set.spawn(async move {
            let resp = client
                .get(url)
                .header("authorization", format!("Bearer {key}"))
                .send()
                .await
                .unwrap();
            let status = resp.status().as_u16();
            let retry_after = resp
                .headers()
                .get("retry-after")
                .map(|v| v.to_str().unwrap().parse::<u64>().unwrap());
            let body: Value = serde_json::from_str(&resp.text().await.unwrap()).unwrap();
            (status, retry_after, body)
        });
    }
    let answers = set.join_all().await;
    let limited: Vec<_> = answers.iter().filter(|(s, _, _)| *s == 429).collect();
    assert!(!limited.is_empty(), "six at once over a limit of three");
    assert!(
        answers.iter().all(|(s, _, _)| *s == 200 || *s == 429),
        "{answers:?}"
    );
    assert!(answers.iter().filter(|(s, _, _)| *s == 200).count() <= 3);
    for (_, retry_after, body) in limited {
        assert_error((429, body), 429, "rate_limit_error", None, "limited");
        assert!(retry_after.is_some_and(|s| s >= 1), "{retry_after:?}");
    }
    // Another key of the same merchant has a budget of its own.
    let second = key_of(&app).await;
    let (status, body) = get_json(&app, &second, "/v1/payments").await;
    assert_eq!(status, 200, "{body}");
}

// ---------------------------------------------------------------------------------------------
// 9. Both ways in at once

#[tokio::test]
async fn concurrent_refunds_from_the_api_and_signed_requests_never_exceed_the_capture() {
    let app = TestApp::spawn().await;
    let key = key_of(&app).await;
    let (id, gw) = x_paid_payment(&app, "both-race", "10.00", "sale").await;
    assert_eq!(column(&app, &id, "captured_minor").await, 1000);
    let signed_body = encode(&signed(om_fields(&gw, "refund", Some("3.00")), SECRET));
    let mut set = JoinSet::new();
    for i in 0..8 {
        set.spawn(send(
            app.client.clone(),
            app.url(&format!("/v1/payments/{id}/refunds")),
            key.clone(),
            Some(json!({"amount": 300})),
            Some(format!("api-refund-{i}")),
        ));
        let (client, url, body) = (app.client.clone(), app.url("/refund"), signed_body.clone());
        set.spawn(async move {
            let resp = client
                .post(url)
                .header("content-type", "application/x-www-form-urlencoded")
                .header("idempotency-key", format!("om-refund-{i}"))
                .body(body)
                .send()
                .await
                .unwrap();
            let status = resp.status().as_u16();
            let text = resp.text().await.unwrap();
            (
                status,
                serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON: {text}")),
            )
        });
    }
    let answers = set.join_all().await;
    let ok = answers.iter().filter(|(s, _)| *s == 200).count();
    let refunded = column(&app, &id, "refunded_minor").await;
    assert!(refunded <= 1000, "refunded {refunded}");
    assert_eq!(i64::try_from(ok).unwrap() * 300, refunded, "{answers:?}");
    assert_eq!(ok, 3, "three refunds of 3.00 fit in 10.00: {answers:?}");
    assert!(
        answers.iter().all(|(s, _)| *s == 200 || *s == 422),
        "{answers:?}"
    );
    let (_, p) = get_json(&app, &key, &format!("/v1/payments/{id}")).await;
    assert_eq!(p["amount_refunded"], 900);
    assert_eq!(p["status"], "partially_refunded");
}

// ---------------------------------------------------------------------------------------------
// 10. The OpenAPI document

async fn document(app: &TestApp) -> Value {
    let resp = app
        .client
        .get(app.url("/v1/openapi.json"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert!(
        resp.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
    serde_json::from_str(&resp.text().await.unwrap()).expect("the document is JSON")
}

const DOCUMENTED_PATHS: [&str; 11] = [
    "/payments",
    "/payments/{id}",
    "/payments/{id}/capture",
    "/payments/{id}/refunds",
    "/payments/{id}/void",
    "/sessions",
    "/sessions/{id}",
    "/sessions/{id}/expire",
    "/webhook_endpoints",
    "/webhook_endpoints/{id}",
    "/webhook_endpoints/{id}/rotate_secret",
];

#[tokio::test]
async fn the_openapi_document_lists_every_path() {
    let app = TestApp::spawn().await;
    let doc = document(&app).await;
    assert!(
        doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.")),
        "{}",
        doc["openapi"]
    );
    assert!(doc["info"]["title"].is_string());
    let paths: BTreeSet<&str> = doc["paths"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(paths, BTreeSet::from(DOCUMENTED_PATHS));
    // Every operation is authenticated by the bearer key and has an operationId.
    for (path, ops) in doc["paths"].as_object().unwrap() {
        for (method, op) in ops.as_object().unwrap() {
            assert!(op["operationId"].is_string(), "{method} {path}");
            assert!(
                op["security"].as_array().is_some_and(|s| !s.is_empty()),
                "{method} {path} has no security"
            );
            // The guard may answer any operation 401, 429 or 500.
            let responses = op["responses"].as_object().unwrap();
            for code in ["401", "429", "500"] {
                assert!(responses.contains_key(code), "{method} {path}: {code}");
            }
            assert!(
                responses["429"]["headers"]
                    .as_object()
                    .is_some_and(|h| h.keys().any(|k| k.eq_ignore_ascii_case("retry-after"))),
                "{method} {path}: 429 documents Retry-After"
            );
            // Every POST takes an Idempotency-Key.
            if method == "post" {
                let params = op["parameters"].as_array().cloned().unwrap_or_default();
                assert!(
                    params
                        .iter()
                        .any(|p| p["name"] == "Idempotency-Key" && p["in"] == "header"),
                    "{method} {path}: Idempotency-Key"
                );
            }
        }
    }
}

/// The id each operation is walked with, and its body.
struct Walk {
    id: Option<String>,
    body: Option<Value>,
}

/// Resolves a local `$ref` of the document.
fn resolve<'a>(doc: &'a Value, schema: &'a Value) -> &'a Value {
    match schema["$ref"].as_str() {
        Some(r) => doc
            .pointer(r.trim_start_matches('#'))
            .unwrap_or_else(|| panic!("dangling {r}")),
        None => schema,
    }
}

/// The request body schema of an operation, if it takes one, and whether it is required.
fn body_schema<'a>(doc: &'a Value, op: &'a Value) -> Option<(&'a Value, bool)> {
    let body = op.get("requestBody")?;
    let content = body["content"].as_object().unwrap();
    let (media, schema) = content
        .iter()
        .next()
        .expect("a request body with a media type");
    assert!(media.starts_with("application/json"), "{media}");
    Some((
        resolve(doc, &schema["schema"]),
        body["required"].as_bool().unwrap_or(false),
    ))
}

#[tokio::test]
async fn every_documented_operation_answers_a_documented_status() {
    let app = TestApp::spawn().await;
    let key = key_of(&app).await;
    let doc = document(&app).await;
    // The objects each operation is walked with, each in a state where it succeeds.
    let open = create(&app, &key, app.session_body("walk-open", 1000)).await;
    let to_expire = create(&app, &key, app.session_body("walk-expire", 1000)).await;
    let to_capture = paid_session(&app, &key, "walk-capture", 1000, "manual").await;
    let to_void = paid_session(&app, &key, "walk-void", 1000, "manual").await;
    let to_refund = paid_session(&app, &key, "walk-refund", 1000, "automatic").await;
    let mut endpoints = Vec::new();
    for n in 0..2 {
        let (s, e) = post_json(
            &app,
            &key,
            "/v1/webhook_endpoints",
            Some(json!({"url": format!("https://hooks.example.com/{n}"), "events": ["*"]})),
        )
        .await;
        assert_eq!(s, 201, "{e}");
        endpoints.push(e["id"].as_str().unwrap().to_string());
    }
    let id = |s: &Value| Some(s["id"].as_str().unwrap().to_string());
    let pay = |s: &Value| Some(payment_of(s));
    let plan = |operation: &str| -> Walk {
        let (id, body) = match operation {
            "createSession" => (None, Some(app.session_body("walk-new", 1000))),
            "getSession" => (id(&open), None),
            "expireSession" => (id(&to_expire), None),
            "listPayments" => (None, None),
            "getPayment" => (pay(&open), None),
            "capturePayment" => (pay(&to_capture), Some(json!({"amount": 100}))),
            "refundPayment" => (pay(&to_refund), Some(json!({"amount": 100}))),
            "voidPayment" => (pay(&to_void), None),
            "createWebhookEndpoint" => (
                None,
                Some(json!({"url": "https://hooks.example.com/walk", "events": ["*"]})),
            ),
            "listWebhookEndpoints" => (None, None),
            "deleteWebhookEndpoint" => (Some(endpoints[0].clone()), None),
            "rotateWebhookSecret" => (Some(endpoints[1].clone()), None),
            other => panic!("an operation this test does not walk: {other}"),
        };
        Walk { id, body }
    };
    let mut walked = BTreeSet::new();
    for (template, ops) in doc["paths"].as_object().unwrap() {
        for (method, op) in ops.as_object().unwrap() {
            let operation = op["operationId"].as_str().unwrap();
            let documented: BTreeSet<u16> = op["responses"]
                .as_object()
                .unwrap()
                .keys()
                .map(|k| {
                    k.parse()
                        .unwrap_or_else(|_| panic!("{operation}: response {k}"))
                })
                .collect();
            let walk = plan(operation);
            assert_eq!(
                template.contains("{id}"),
                walk.id.is_some(),
                "{operation}: path parameters"
            );
            // The hand-written body has every field the schema requires, and no other.
            if let Some((schema, required)) = body_schema(&doc, op) {
                let body = walk.body.as_ref();
                if required {
                    assert!(body.is_some(), "{operation} needs a body");
                }
                if let Some(body) = body {
                    for field in schema["required"].as_array().into_iter().flatten() {
                        let field = field.as_str().unwrap();
                        assert!(body.get(field).is_some(), "{operation}: {field}");
                    }
                    let properties = schema["properties"].as_object().unwrap();
                    for field in body.as_object().unwrap().keys() {
                        assert!(properties.contains_key(field), "{operation}: {field}");
                    }
                }
            } else {
                assert!(walk.body.is_none(), "{operation} takes no body");
            }
            let method: Method = method.to_ascii_uppercase().parse().unwrap();
            let path = |id: &str| format!("/v1{}", template.replace("{id}", id));
            let real = path(walk.id.as_deref().unwrap_or(""));
            // With the key: a success, and a documented one.
            let (status, answer, _) = app
                .api(method.clone(), &real, &key, walk.body.clone(), None)
                .await;
            assert!(
                documented.contains(&status),
                "{operation}: {status} is not among {documented:?}: {answer}"
            );
            assert!(
                (200..300).contains(&status),
                "{operation} {real}: {status} {answer}"
            );
            // Without a key: 401, documented, in the error shape.
            let mut req = app.client.request(method.clone(), app.url(&real));
            if let Some(b) = &walk.body {
                req = req
                    .header("content-type", "application/json")
                    .body(b.to_string());
            }
            let resp = req.send().await.unwrap();
            let status = resp.status().as_u16();
            let answer: Value = serde_json::from_str(&resp.text().await.unwrap()).unwrap();
            assert!(
                documented.contains(&status),
                "{operation}: no key, {status}"
            );
            assert_error(
                (status, &answer),
                401,
                "authentication_error",
                None,
                operation,
            );
            // With a key but an id that is nobody's: 404, documented, in the error shape.
            if walk.id.is_some() {
                let missing = path("missing_0000");
                let (status, answer, _) = app
                    .api(method.clone(), &missing, &key, walk.body.clone(), None)
                    .await;
                assert!(
                    documented.contains(&status),
                    "{operation}: unknown id, {status}"
                );
                assert_error((status, &answer), 404, "not_found", None, operation);
            }
            // With a body that is not the schema's: 400, documented, in the error shape.
            if let Some(mut body) = walk.body.clone() {
                body["unknown_field"] = 1.into();
                let (status, answer, _) =
                    app.api(method.clone(), &real, &key, Some(body), None).await;
                assert!(
                    documented.contains(&status),
                    "{operation}: bad body, {status}"
                );
                assert_error(
                    (status, &answer),
                    400,
                    "invalid_request_error",
                    Some("unknown_field"),
                    operation,
                );
            }
            walked.insert(operation.to_string());
        }
    }
    assert_eq!(walked.len(), 12, "{walked:?}");
}

/// The payment a session's creation answers from is built from what was written, not read back:
/// it must be exactly the stored row.
#[tokio::test]
async fn the_payment_built_at_insert_is_the_one_stored() {
    use offsite_gateway::domain::money::{Amount, Currency};
    use offsite_gateway::domain::request::TransactionType;
    use offsite_gateway::store::payments::{self, NewPayment};
    let app = TestApp::spawn().await;
    let fields = vec![("x_amount".to_string(), "12.50".to_string())];
    let new = NewPayment {
        merchant_id: ACCOUNT,
        reference: "built-1",
        signature: "",
        fields: &fields,
        amount: Amount::from_minor(1250, Currency::parse("EUR").unwrap()),
        amount_text: "12.50",
        test: true,
        transaction_type: TransactionType::Authorization,
        url_complete: "https://shop.example.com/return?session_id=cs_1",
        url_cancel: "https://shop.example.com/cancel",
        url_callback: "",
        locale: Some("fr-FR".into()),
        secret_version: 1,
        ttl: std::time::Duration::from_secs(600),
        session: Some(("cs_built_1", true, r#"{"k":"v"}"#)),
    };
    let (id, random) = payments::new_id();
    let built = payments::insert_returning(&app.db, id, &random, &new)
        .await
        .unwrap()
        .expect("a new reference");
    let stored = payments::find(&app.db, &built.id).await.unwrap().unwrap();
    assert_eq!(format!("{built:?}"), format!("{stored:?}"));
    let (id, random) = payments::new_id();
    let again = payments::insert_returning(&app.db, id, &random, &new)
        .await
        .unwrap();
    assert_eq!(
        again.map(|p| p.id).unwrap_err().id,
        built.id,
        "the reference's payment"
    );
}
