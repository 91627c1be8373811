//! Order management through HTTP (protocol.md section 5; T17-T20): capture, refund and void with
//! JSON or form bodies, every refusal changing nothing, replays answering the first answer, and
//! the money rules holding under concurrency.

use crate::helpers::*;
use crate::receiver::Receiver;
use offsite_gateway::store::operations;
use tokio::task::JoinSet;

/// A paid payment: its page and its x_gateway_reference.
async fn paid_payment(
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
        page,
        get(&values, "x_gateway_reference").unwrap().to_string(),
    )
}

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

#[derive(Clone, Copy)]
enum Encoding {
    Form,
    /// All values as JSON strings, but x_test as a boolean.
    Json,
}

fn body_of(fields: &[(String, String)], encoding: Encoding) -> (String, &'static str) {
    match encoding {
        Encoding::Form => (encode(fields), "application/x-www-form-urlencoded"),
        Encoding::Json => {
            let members: Vec<String> = fields
                .iter()
                .map(|(n, v)| {
                    let value = if n == "x_test" {
                        v.clone()
                    } else {
                        serde_json::Value::String(v.clone()).to_string()
                    };
                    format!("{}: {value}", serde_json::Value::String(n.clone()))
                })
                .collect();
            (
                format!("{{{}}}", members.join(", ")),
                "application/json; charset=utf-8",
            )
        }
    }
}

async fn send_raw(
    app: &TestApp,
    kind: &str,
    body: String,
    content_type: &str,
    key: Option<&str>,
) -> (u16, String) {
    let mut req = app
        .client
        .post(app.url(&format!("/{kind}")))
        .header("content-type", content_type)
        .body(body);
    if let Some(k) = key {
        req = req.header("idempotency-key", k);
    }
    let resp = req.send().await.unwrap();
    let status = resp.status().as_u16();
    (status, resp.text().await.unwrap())
}

/// Signs with M's secret and sends; returns the status and the JSON answer.
async fn om(
    app: &TestApp,
    kind: &str,
    fields: Vec<(String, String)>,
    encoding: Encoding,
) -> (u16, serde_json::Value) {
    let (body, ct) = body_of(&signed(fields, SECRET), encoding);
    let (status, text) = send_raw(app, kind, body, ct, None).await;
    (
        status,
        serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON: {text}")),
    )
}

fn values_of(answer: &serde_json::Value) -> Vec<(String, String)> {
    answer
        .as_object()
        .unwrap()
        .iter()
        .map(|(n, v)| (n.clone(), v.as_str().unwrap().to_string()))
        .collect()
}

/// Asserts a successful, validly signed answer for the operation.
fn assert_completed(status: u16, answer: &serde_json::Value, kind: &str, payment_reference: &str) {
    assert_eq!(status, 200, "{answer}");
    let values = values_of(answer);
    assert!(verify(&values, SECRET), "signature of {answer}");
    assert_eq!(get(&values, "x_result"), Some("completed"));
    assert_eq!(get(&values, "x_transaction_type"), Some(kind));
    let reference = get(&values, "x_gateway_reference").unwrap();
    assert!(
        reference.starts_with("gw_") && reference != payment_reference,
        "a new reference per operation"
    );
}

async fn money(app: &TestApp, page: &str) -> (String, i64, i64, i64) {
    let id = page.trim_start_matches("/pay/");
    let q = |col: &str| format!("SELECT {col} FROM payments WHERE id = '{id}'");
    (
        app.payment_status(page).await,
        app.count(&q("authorized_minor")).await,
        app.count(&q("captured_minor")).await,
        app.count(&q("refunded_minor")).await,
    )
}

/// Sends a request that must fail with `status`, and asserts nothing changed.
async fn refused(
    app: &TestApp,
    kind: &str,
    fields: Vec<(String, String)>,
    status: u16,
    why: &str,
) -> serde_json::Value {
    let before = app.snapshot().await;
    let (got, answer) = om(app, kind, fields, Encoding::Json).await;
    assert_eq!(got, status, "{why}: {answer}");
    assert_eq!(answer["x_result"], "failed", "{why}");
    assert!(
        answer["x_message"].as_str().is_some_and(|m| !m.is_empty()),
        "{why}"
    );
    assert_eq!(app.snapshot().await, before, "{why}: the database changed");
    answer
}

#[tokio::test]
async fn a_sale_is_refunded_in_parts_never_beyond_what_was_captured() {
    let app = TestApp::spawn().await;
    let (page, gw) = paid_payment(&app, "om-sale", "100.00", "sale").await;
    assert_eq!(
        money(&app, &page).await,
        ("captured".into(), 10000, 10000, 0)
    );
    let (s, a) = om(
        &app,
        "refund",
        om_fields(&gw, "refund", Some("30.00")),
        Encoding::Json,
    )
    .await;
    assert_completed(s, &a, "refund", &gw);
    assert_eq!(a["x_amount"], "30.00");
    assert_eq!(a["x_reference"], "om-sale");
    let (s, a) = om(
        &app,
        "refund",
        om_fields(&gw, "refund", Some("70.00")),
        Encoding::Form,
    )
    .await;
    assert_completed(s, &a, "refund", &gw);
    assert_eq!(
        money(&app, &page).await,
        ("captured".into(), 10000, 10000, 10000)
    );
    refused(
        &app,
        "refund",
        om_fields(&gw, "refund", Some("0.01")),
        422,
        "over the captured amount",
    )
    .await;
    refused(
        &app,
        "capture",
        om_fields(&gw, "capture", Some("1.00")),
        409,
        "a sale is not captured",
    )
    .await;
    refused(
        &app,
        "void",
        om_fields(&gw, "void", None),
        409,
        "a sale is not voided",
    )
    .await;
    let history = operations::for_payment(&app.db, page.trim_start_matches("/pay/"))
        .await
        .unwrap();
    let kinds: Vec<_> = history
        .iter()
        .map(|o| (o.kind.as_str(), o.amount_minor))
        .collect();
    assert_eq!(kinds, [("refund", Some(3000)), ("refund", Some(7000))]);
}

#[tokio::test]
async fn an_authorization_is_captured_in_parts_and_then_refunded() {
    let app = TestApp::spawn().await;
    let (page, gw) = paid_payment(&app, "om-auth", "50.00", "authorization").await;
    assert_eq!(money(&app, &page).await, ("authorized".into(), 5000, 0, 0));
    refused(
        &app,
        "refund",
        om_fields(&gw, "refund", Some("1.00")),
        409,
        "nothing captured yet",
    )
    .await;
    let (s, a) = om(
        &app,
        "capture",
        om_fields(&gw, "capture", Some("20.00")),
        Encoding::Json,
    )
    .await;
    assert_completed(s, &a, "capture", &gw);
    refused(
        &app,
        "capture",
        om_fields(&gw, "capture", Some("30.01")),
        422,
        "over the authorized amount",
    )
    .await;
    let (s, a) = om(
        &app,
        "capture",
        om_fields(&gw, "capture", Some("30.00")),
        Encoding::Json,
    )
    .await;
    assert_completed(s, &a, "capture", &gw);
    refused(
        &app,
        "void",
        om_fields(&gw, "void", None),
        409,
        "void after capture",
    )
    .await;
    let (s, a) = om(
        &app,
        "refund",
        om_fields(&gw, "refund", Some("50.00")),
        Encoding::Json,
    )
    .await;
    assert_completed(s, &a, "refund", &gw);
    assert_eq!(
        money(&app, &page).await,
        ("captured".into(), 5000, 5000, 5000)
    );
}

#[tokio::test]
async fn a_voided_authorization_cannot_be_captured() {
    // T18.
    let app = TestApp::spawn().await;
    let (page, gw) = paid_payment(&app, "om-void", "50.00", "authorization").await;
    let (s, a) = om(&app, "void", om_fields(&gw, "void", None), Encoding::Json).await;
    assert_completed(s, &a, "void", &gw);
    assert!(a.get("x_amount").is_none());
    refused(
        &app,
        "capture",
        om_fields(&gw, "capture", Some("50.00")),
        409,
        "capture after void",
    )
    .await;
    refused(
        &app,
        "refund",
        om_fields(&gw, "refund", Some("1.00")),
        409,
        "refund after void",
    )
    .await;
    assert_eq!(money(&app, &page).await, ("voided".into(), 5000, 0, 0));
    let (_, html) = app.get_page(&page).await;
    assert!(html.contains("nothing was charged"));
}

#[tokio::test]
async fn json_and_form_bodies_are_the_same_request() {
    let app = TestApp::spawn().await;
    let mut answers = Vec::new();
    for (i, encoding) in [Encoding::Json, Encoding::Form].into_iter().enumerate() {
        let (_, gw) = paid_payment(&app, &format!("enc-{i}"), "20.00", "sale").await;
        let (s, a) = om(
            &app,
            "refund",
            om_fields(&gw, "refund", Some("5.00")),
            encoding,
        )
        .await;
        assert_completed(s, &a, "refund", &gw);
        answers.push(a);
    }
    for field in [
        "x_account_id",
        "x_amount",
        "x_currency",
        "x_result",
        "x_test",
        "x_transaction_type",
    ] {
        assert_eq!(answers[0][field], answers[1][field], "{field}");
    }
    // A JSON number keeps its literal text, as the storefront signed it.
    let (_, gw) = paid_payment(&app, "enc-number", "20.00", "sale").await;
    let mut fields = om_fields(&gw, "refund", Some("5.10"));
    fields = signed(fields, SECRET);
    let members: Vec<String> = fields
        .iter()
        .map(|(n, v)| match n.as_str() {
            "x_amount" | "x_test" => format!("\"{n}\": {v}"),
            _ => format!("\"{n}\": {}", serde_json::Value::String(v.clone())),
        })
        .collect();
    let (s, text) = send_raw(
        &app,
        "refund",
        format!("{{{}}}", members.join(",")),
        "application/json",
        None,
    )
    .await;
    let a: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_completed(s, &a, "refund", &gw);
    assert_eq!(a["x_amount"], "5.10");
}

#[tokio::test]
async fn every_error_answers_failed_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let (_, gw) = paid_payment(&app, "om-err", "100.00", "sale").await;
    let (_, other_gw) = {
        let mut r = app.request("om-other");
        set(&mut r, "x_account_id", OTHER_ACCOUNT);
        let page = {
            let resp = app
                .post_checkout_body(encode(&signed(r, OTHER_SECRET)))
                .await;
            location(&resp)
        };
        let values = query_of(&location(&app.pay(&page, CARD_OK).await));
        (
            page,
            get(&values, "x_gateway_reference").unwrap().to_string(),
        )
    };
    let good = || om_fields(&gw, "refund", Some("10.00"));
    // 401: a bad signature (listed for the merchant by the signature doctor), or none.
    let (before, listed) = app.snapshot_beside_rejections().await;
    let mut forged = signed(good(), OTHER_SECRET);
    set(&mut forged, "x_account_id", ACCOUNT);
    let (s, _) = send_raw(
        &app,
        "refund",
        encode(&forged),
        "application/x-www-form-urlencoded",
        None,
    )
    .await;
    assert_eq!(s, 401);
    let (s, _) = send_raw(
        &app,
        "refund",
        encode(&good()),
        "application/x-www-form-urlencoded",
        None,
    )
    .await;
    assert_eq!(s, 401);
    assert_eq!(
        app.snapshot_beside_rejections().await,
        (before.clone(), listed + 1)
    );
    // 404: unknown, or another merchant's payment.
    refused(
        &app,
        "refund",
        om_fields("gw_nothing", "refund", Some("1.00")),
        404,
        "unknown reference",
    )
    .await;
    refused(
        &app,
        "refund",
        om_fields(&other_gw, "refund", Some("1.00")),
        404,
        "another merchant's payment",
    )
    .await;
    // 422: values.
    let mut euro = good();
    set(&mut euro, "x_currency", "EUR");
    refused(&app, "refund", euro, 422, "a different currency").await;
    let mut digits = good();
    set(&mut digits, "x_amount", "10");
    refused(
        &app,
        "refund",
        digits,
        422,
        "amount without the currency's digits",
    )
    .await;
    refused(
        &app,
        "capture",
        good(),
        422,
        "x_transaction_type refund at /capture",
    )
    .await;
    let mut other_reference = good();
    set(&mut other_reference, "x_reference", "not-this-one");
    refused(&app, "refund", other_reference, 422, "another x_reference").await;
    let mut live = good();
    set(&mut live, "x_test", "false");
    refused(
        &app,
        "refund",
        live,
        422,
        "a live request for a test payment",
    )
    .await;
    // 400: a missing field.
    let mut missing = good();
    remove(&mut missing, "x_gateway_reference");
    refused(&app, "refund", missing, 400, "no x_gateway_reference").await;
    // 415: neither JSON nor a form.
    let (s, _) = send_raw(&app, "refund", "x".into(), "text/plain", None).await;
    assert_eq!(s, 415);
    assert_eq!(app.snapshot_beside_rejections().await, (before, listed + 1));
}

#[tokio::test]
async fn a_byte_identical_request_answers_the_first_answer_once() {
    // T20: within 24 h the same signed bytes are the same request.
    let app = TestApp::spawn().await;
    let (page, gw) = paid_payment(&app, "om-replay", "100.00", "sale").await;
    let (body, ct) = body_of(
        &signed(om_fields(&gw, "refund", Some("10.00")), SECRET),
        Encoding::Json,
    );
    let first = send_raw(&app, "refund", body.clone(), ct, None).await;
    let again = send_raw(&app, "refund", body.clone(), ct, None).await;
    assert_eq!(first.0, 200);
    assert_eq!(first, again, "byte for byte the first answer");
    assert_eq!(money(&app, &page).await.3, 1000, "one refund");
    // A different request (here the same values as a form) is a new refund.
    let (form, form_ct) = body_of(
        &signed(om_fields(&gw, "refund", Some("10.00")), SECRET),
        Encoding::Form,
    );
    assert_eq!(send_raw(&app, "refund", form, form_ct, None).await.0, 200);
    assert_eq!(money(&app, &page).await.3, 2000);
    // After the 24 h window the same bytes are a new refund.
    use sea_orm::ConnectionTrait;
    let day_and_a_bit = offsite_gateway::store::now_millis() - 25 * 60 * 60 * 1000;
    app.db
        .orm()
        .execute_unprepared(&format!(
            "UPDATE idempotency_keys SET created_at = {day_and_a_bit}"
        ))
        .await
        .unwrap();
    let later = send_raw(&app, "refund", body, ct, None).await;
    assert_eq!(later.0, 200);
    assert_ne!(later, first, "a new operation, not the first answer");
    assert_eq!(money(&app, &page).await.3, 3000);
}

#[tokio::test]
async fn an_idempotency_key_replays_and_refuses_a_different_body() {
    let app = TestApp::spawn().await;
    let (page, gw) = paid_payment(&app, "om-key", "100.00", "sale").await;
    let send = |amount: &str, key: &str| {
        let (body, ct) = body_of(
            &signed(om_fields(&gw, "refund", Some(amount)), SECRET),
            Encoding::Json,
        );
        let key = key.to_string();
        let app = &app;
        async move { send_raw(app, "refund", body, ct, Some(&key)).await }
    };
    let first = send("5.00", "order-7-refund-1").await;
    assert_eq!(first.0, 200);
    assert_eq!(send("5.00", "order-7-refund-1").await, first);
    let before = app.snapshot().await;
    let reused = send("6.00", "order-7-refund-1").await;
    assert_eq!(reused.0, 422, "{}", reused.1);
    assert_eq!(app.snapshot().await, before);
    // The same body under another key is another refund: that is what keys are for.
    assert_eq!(send("5.00", "order-7-refund-2").await.0, 200);
    assert_eq!(money(&app, &page).await.3, 1000);
}

#[tokio::test]
async fn twenty_concurrent_refunds_never_exceed_the_capture() {
    // T19: exactly ten 10.00 refunds fit in 100.00.
    let app = TestApp::spawn().await;
    let (page, gw) = paid_payment(&app, "om-race", "100.00", "sale").await;
    let (body, ct) = body_of(
        &signed(om_fields(&gw, "refund", Some("10.00")), SECRET),
        Encoding::Json,
    );
    let mut set = JoinSet::new();
    for i in 0..20 {
        let (client, url, body) = (app.client.clone(), app.url("/refund"), body.clone());
        set.spawn(async move {
            let resp = client
                .post(url)
                .header("content-type", ct)
                .header("idempotency-key", format!("race-{i}"))
                .body(body)
                .send()
                .await
                .unwrap();
            resp.status().as_u16()
        });
    }
    let statuses = set.join_all().await;
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        10,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 422).count(),
        10,
        "{statuses:?}"
    );
    assert_eq!(
        money(&app, &page).await,
        ("captured".into(), 10000, 10000, 10000)
    );
    let history = operations::for_payment(&app.db, page.trim_start_matches("/pay/"))
        .await
        .unwrap();
    assert_eq!(history.len(), 10);
}

#[tokio::test]
async fn capture_and_void_at_once_have_exactly_one_winner() {
    // Fifty payments paid from one address: more than its card rate limit allows.
    let app = TestApp::spawn_with(|s| s.limits.pay_per_minute = 0).await;
    for round in 0..50 {
        let (page, gw) = paid_payment(&app, &format!("cv-{round}"), "10.00", "authorization").await;
        let capture = body_of(
            &signed(om_fields(&gw, "capture", Some("10.00")), SECRET),
            Encoding::Form,
        );
        let void = body_of(
            &signed(om_fields(&gw, "void", None), SECRET),
            Encoding::Form,
        );
        let (c, v) = tokio::join!(
            send_raw(&app, "capture", capture.0, capture.1, None),
            send_raw(&app, "void", void.0, void.1, None)
        );
        let winners = [c.0, v.0].iter().filter(|s| **s == 200).count();
        assert_eq!(winners, 1, "round {round}: capture {} void {}", c.0, v.0);
        assert!(c.0 == 409 || v.0 == 409);
        let expected = if c.0 == 200 {
            ("captured".to_string(), 1000, 1000, 0)
        } else {
            ("voided".to_string(), 1000, 0, 0)
        };
        assert_eq!(money(&app, &page).await, expected, "round {round}");
    }
}

#[tokio::test]
async fn an_operation_is_also_sent_as_a_signed_callback() {
    let app = TestApp::spawn().await;
    let rx = Receiver::start().await;
    let (_, gw) = paid_payment(&app, "om-callback", "100.00", "sale").await;
    let mut fields = om_fields(&gw, "refund", Some("25.00"));
    fields.push(("x_url_callback".into(), rx.url("/om")));
    let (s, answer) = om(&app, "refund", fields, Encoding::Json).await;
    assert_eq!(s, 200);
    let hits = rx.wait_for(1, 10).await;
    assert_eq!(hits.len(), 1);
    assert!(
        verify(&hits[0].fields, SECRET),
        "checked by the test's own HMAC"
    );
    let mut sent = hits[0].fields.clone();
    let mut answered = values_of(&answer);
    sent.sort();
    answered.sort();
    assert_eq!(sent, answered, "the callback carries the answer's values");
}
