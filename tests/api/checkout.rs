//! `POST /checkout` (and GET): acceptance, every rejection class (each storing nothing),
//! idempotency and replays (T1, T2, T3, T6, T8, T16, T25).

use crate::helpers::*;

#[tokio::test]
async fn a_signed_request_is_stored_and_answered_with_303_to_the_hosted_page() {
    let app = TestApp::spawn().await;
    let resp = app.checkout(app.request("order-1")).await;
    assert_eq!(resp.status(), 303);
    let loc = location(&resp);
    let id = loc.strip_prefix("/pay/").expect("a page of ours");
    assert_eq!(id.len(), 32);
    assert_eq!(app.count("SELECT COUNT(*) FROM payments").await, 1);
    assert_eq!(app.payment_status(&loc).await, "open");
    assert_eq!(
        app.count("SELECT amount_minor FROM payments").await,
        1000,
        "10.00 USD is 1000 minor units"
    );
}

#[tokio::test]
async fn get_with_a_query_and_a_query_body_mix_are_accepted() {
    let app = TestApp::spawn().await;
    let fields = signed(app.request("get-1"), SECRET);
    let resp = app
        .client
        .get(app.url(&format!("/checkout?{}", encode(&fields))))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 303);

    let fields = signed(app.request("mix-1"), SECRET);
    let (query, body) = fields.split_at(5);
    let resp = app
        .client
        .post(app.url(&format!("/checkout?{}", encode(query))))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(encode(body))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 303);
    assert_eq!(app.count("SELECT COUNT(*) FROM payments").await, 2);
}

#[tokio::test]
async fn upper_case_hex_signatures_are_accepted() {
    let app = TestApp::spawn().await;
    let mut fields = signed(app.request("upper-1"), SECRET);
    let sig = get(&fields, "x_signature").unwrap().to_uppercase();
    set(&mut fields, "x_signature", &sig);
    let resp = app.post_checkout_body(encode(&fields)).await;
    assert_eq!(resp.status(), 303);
}

/// Sends `body` and asserts the status, the JSON error code, and that nothing was stored but,
/// for a refused signature the doctor diagnosed, its one line in the merchant's rejections list.
async fn rejected(
    app: &TestApp,
    body: String,
    status: u16,
    code: &str,
    why: &str,
) -> serde_json::Value {
    let (before, listed) = app.snapshot_beside_rejections().await;
    let (got, json) = app.post_for_json("/checkout", body).await;
    assert_eq!(got, status, "{why}");
    assert_eq!(json["error"]["code"], code, "{why}: {json}");
    let (after, listed_after) = app.snapshot_beside_rejections().await;
    assert_eq!(after, before, "{why}: the database changed");
    let diagnosed = json["error"]["detail"]["diagnosis"].is_string();
    assert_eq!(
        listed_after - listed,
        i64::from(diagnosed),
        "{why}: a diagnosed refusal is listed once, anything else not at all"
    );
    json
}

#[tokio::test]
async fn malformed_requests_are_400_and_store_nothing() {
    let app = TestApp::spawn().await;
    let good = encode(&signed(app.request("m-1"), SECRET));
    let cases = [
        (
            format!("{good}&x_amount=0.01"),
            "a duplicate name, never last-wins",
        ),
        (
            format!("x_amount=0.01&{good}"),
            "a duplicate name in the other order",
        ),
        (format!("{good}&x_note=%zz"), "a malformed percent escape"),
        (format!("{good}&x_note=%FF"), "invalid UTF-8"),
        (format!("{good}&x_note=a%00b"), "a NUL character"),
        (
            (0..101)
                .map(|i| format!("f{i}=v"))
                .collect::<Vec<_>>()
                .join("&"),
            "101 fields",
        ),
    ];
    for (body, why) in cases {
        rejected(&app, body, 400, "malformed_request", why).await;
    }
    let mut missing_account = app.request("m-2");
    remove(&mut missing_account, "x_account_id");
    rejected(
        &app,
        encode(&signed(missing_account, SECRET)),
        400,
        "malformed_request",
        "no account",
    )
    .await;
    let mut missing_field = app.request("m-3");
    remove(&mut missing_field, "x_shop_country");
    rejected(
        &app,
        encode(&signed(missing_field, SECRET)),
        400,
        "malformed_request",
        "a required field is missing",
    )
    .await;
}

#[tokio::test]
async fn oversized_requests_are_413_and_store_nothing() {
    let app = TestApp::spawn().await;
    let mut long_value = app.request("big-1");
    set(&mut long_value, "x_description", &"a".repeat(2049));
    rejected(
        &app,
        encode(&signed(long_value, SECRET)),
        413,
        "too_large",
        "a 2049-byte value",
    )
    .await;
    let huge = format!(
        "{}&pad={}",
        encode(&signed(app.request("big-2"), SECRET)),
        "a".repeat(65 * 1024)
    );
    rejected(&app, huge, 413, "too_large", "a 65 KiB body").await;
}

#[tokio::test]
async fn bad_signatures_are_401_and_store_nothing() {
    // T1: every variant fails with one generic answer.
    let app = TestApp::spawn().await;
    let fields = signed(app.request("sig-1"), SECRET);
    let good = get(&fields, "x_signature").unwrap().to_string();
    let with_sig = |sig: Option<&str>| {
        let mut f = fields.clone();
        remove(&mut f, "x_signature");
        if let Some(s) = sig {
            f.push(("x_signature".into(), s.into()));
        }
        encode(&f)
    };
    let other_key = get(&signed(app.request("sig-1"), OTHER_SECRET), "x_signature")
        .unwrap()
        .to_string();
    let cases = [
        (with_sig(None), "no x_signature"),
        (with_sig(Some("")), "an empty x_signature"),
        (with_sig(Some(&good[..63])), "63 hex digits"),
        (with_sig(Some(&format!("{good}0"))), "65 hex digits"),
        (
            with_sig(Some(&format!("g{}", &good[1..]))),
            "a non-hex digit",
        ),
        (with_sig(Some(&format!("{good} "))), "a trailing space"),
        (with_sig(Some(&good[..8])), "a truncated prefix"),
        (
            with_sig(Some(&other_key)),
            "signed with another merchant's key",
        ),
    ];
    for (body, why) in cases {
        rejected(&app, body, 401, "invalid_signature", why).await;
    }
    // A request signed by N but naming M is N's key on M's account: still 401.
    let mut forged = app.request("sig-2");
    set(&mut forged, "x_account_id", ACCOUNT);
    rejected(
        &app,
        encode(&signed(forged, OTHER_SECRET)),
        401,
        "invalid_signature",
        "wrong merchant",
    )
    .await;
}

#[tokio::test]
async fn an_unknown_account_is_404_and_stores_nothing() {
    let app = TestApp::spawn().await;
    let mut fields = app.request("u-1");
    set(&mut fields, "x_account_id", "acct_nobody");
    rejected(
        &app,
        encode(&signed(fields, SECRET)),
        404,
        "unknown_account",
        "unknown account",
    )
    .await;
}

#[tokio::test]
async fn invalid_values_are_422_name_the_field_and_store_nothing() {
    let app = TestApp::spawn().await;
    let cases: Vec<(&str, &str)> = vec![
        ("x_amount", "1e3"),
        ("x_amount", "-1"),
        ("x_amount", " 10.00"),
        ("x_amount", "10.001"),
        ("x_amount", "10"),
        ("x_amount", "NaN"),
        ("x_amount", "0x10"),
        ("x_amount", "0.00"),
        ("x_currency", "usd"),
        ("x_currency", "XAU"),
        ("x_currency", "ZZZ"),
        ("x_shop_country", "XX"),
        ("x_shop_country", "us"),
        ("x_test", "yes"),
        ("x_transaction_type", "refund"),
        ("x_url_complete", "javascript:alert(1)"),
        ("x_url_cancel", "//phish.example"),
        ("x_url_callback", "not a url"),
        ("x_shop_name", ""),
        ("x_customer_billing_country", "ZZ"),
        ("x_locale", "en_US!"),
    ];
    for (field, value) in cases {
        let mut fields = app.request("v-1");
        set(&mut fields, field, value);
        let why = format!("{field}={value:?}");
        let json = rejected(
            &app,
            encode(&signed(fields, SECRET)),
            422,
            "invalid_field",
            &why,
        )
        .await;
        assert_eq!(json["error"]["field"], field, "{why}");
    }
}

#[tokio::test]
async fn amounts_use_the_currencys_own_digits() {
    let app = TestApp::spawn().await;
    for (currency, amount, minor) in [
        ("JPY", "1000", 1000),
        ("BHD", "1.250", 1250),
        ("CLF", "0.0001", 1),
    ] {
        let mut fields = app.request(&format!("cur-{currency}"));
        set(&mut fields, "x_currency", currency);
        set(&mut fields, "x_amount", amount);
        let page = app.open_payment(fields).await;
        let id = page.trim_start_matches("/pay/");
        let stored = app
            .count(&format!(
                "SELECT amount_minor FROM payments WHERE id = '{id}'"
            ))
            .await;
        assert_eq!(stored, minor, "{currency}");
    }
    let mut wrong = app.request("cur-wrong");
    set(&mut wrong, "x_currency", "JPY");
    let resp = app.checkout(wrong).await;
    assert_eq!(resp.status(), 422, "10.00 has decimals JPY does not have");
}

#[tokio::test]
async fn private_and_tricky_return_urls_are_refused_in_production_settings() {
    // T6/T7 at entry, with the production setting (no private targets).
    let app = TestApp::spawn_with(|s| s.allow_private_targets = false).await;
    let urls = [
        "https://shop.myshopify.com@phish.example/",
        "https:\\\\phish.example",
        "http://shop.myshopify.com/",
        "https://127.0.0.1/done",
        "https://2130706433/",
        "https://0x7f.1/",
        "https://127.1/",
        "https://[::ffff:127.0.0.1]/",
        "https://169.254.169.254/latest/meta-data/",
        "https://10.0.0.8/",
        "https://localhost/",
        "https://shop.example.com:8443/",
    ];
    for url in urls {
        for field in ["x_url_complete", "x_url_cancel", "x_url_callback"] {
            let mut fields = app.request("t6");
            set(&mut fields, field, url);
            let resp = app.checkout(fields).await;
            assert_eq!(resp.status(), 422, "{field}={url}");
        }
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM payments").await, 0);
    let mut ok = app.request("t6-ok");
    set(
        &mut ok,
        "x_url_callback",
        "https://shop.example.com/callback",
    );
    assert_eq!(app.checkout(ok).await.status(), 303);
}

#[tokio::test]
async fn a_live_request_is_refused_for_every_kind_of_merchant_and_stores_nothing() {
    // T25 and protocol section 9: the built-in test processor never approves a live payment, so
    // until a live processor is configured `x_test=false` is refused, whatever the merchant.
    let app = TestApp::spawn().await;
    for (account, secret, kind) in [
        (ACCOUNT, SECRET, "a merchant enabled for live payments"),
        (SANDBOX_ACCOUNT, SANDBOX_SECRET, "a test-only merchant"),
    ] {
        let mut fields = app.request(&format!("live-{account}"));
        set(&mut fields, "x_account_id", account);
        set(&mut fields, "x_test", "false");
        let json = rejected(
            &app,
            encode(&signed(fields.clone(), secret)),
            422,
            "live_mode_unavailable",
            kind,
        )
        .await;
        assert_eq!(json["error"]["field"], "x_test", "{kind}");
        assert!(
            json["error"]["detail"]
                .as_str()
                .unwrap()
                .contains("send x_test=true"),
            "{kind}: {json}"
        );
        // The browser gets the same refusal as a page that says why.
        let resp = app.checkout_with_secret(fields.clone(), secret).await;
        assert_eq!(resp.status(), 422, "{kind}");
        let page = resp.text().await.unwrap();
        assert!(page.contains("test payments only"), "{kind}: {page}");
        set(&mut fields, "x_test", "true");
        let resp = app.checkout_with_secret(fields, secret).await;
        assert_eq!(resp.status(), 303, "{kind}: test payments are taken");
    }
    assert_eq!(
        app.count("SELECT COUNT(*) FROM payments WHERE test = false")
            .await,
        0
    );
}

#[tokio::test]
async fn non_form_bodies_are_415() {
    let app = TestApp::spawn().await;
    let resp = app
        .client
        .post(app.url("/checkout"))
        .header("content-type", "application/json")
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 415);
}

#[tokio::test]
async fn unsigned_extra_fields_are_ignored_and_signed_extra_fields_count() {
    // T2 (a).
    let app = TestApp::spawn().await;
    let body = format!(
        "{}&amount=0.01&X_AMOUNT=0.01&url_complete=https%3A%2F%2Fevil.example",
        encode(&signed(app.request("t2a"), SECRET))
    );
    let resp = app.post_checkout_body(body).await;
    assert_eq!(resp.status(), 303);
    assert_eq!(app.count("SELECT amount_minor FROM payments").await, 1000);

    let with_x = format!(
        "{}&x_url_complete_=https%3A%2F%2Fevil.example",
        encode(&signed(app.request("t2a-2"), SECRET))
    );
    rejected(
        &app,
        with_x,
        401,
        "invalid_signature",
        "an unsigned x_ field",
    )
    .await;
}

#[tokio::test]
async fn merging_two_fields_keeps_the_signature_but_is_rejected() {
    // T2 (b): x_amount=10.00 + x_currency=USD signs the same bytes as x_amount=10.00x_currencyUSD.
    let app = TestApp::spawn().await;
    let original = signed(app.request("t2b"), SECRET);
    let mut merged: Vec<(String, String)> = original
        .iter()
        .filter(|(n, _)| n != "x_currency")
        .cloned()
        .collect();
    set(&mut merged, "x_amount", "10.00x_currencyUSD");
    assert_eq!(
        sign(&merged, SECRET),
        get(&original, "x_signature").unwrap(),
        "premise"
    );
    rejected(
        &app,
        encode(&merged),
        400,
        "malformed_request",
        "merged fields",
    )
    .await;
}

#[tokio::test]
async fn the_same_signed_request_again_returns_to_the_same_payment() {
    // T3 / idempotency.
    let app = TestApp::spawn().await;
    let fields = app.request("replay-1");
    let first = app.open_payment(fields.clone()).await;
    let second = app.open_payment(fields.clone()).await;
    assert_eq!(first, second);
    assert_eq!(app.count("SELECT COUNT(*) FROM payments").await, 1);

    // A different request for the open reference is a conflict and changes nothing.
    let mut changed = fields.clone();
    set(&mut changed, "x_amount", "1.00");
    rejected(
        &app,
        encode(&signed(changed.clone(), SECRET)),
        409,
        "conflict",
        "amount changed",
    )
    .await;

    // After paying, the replay shows the outcome, never a second charge.
    let paid = app.pay(&first, CARD_OK).await;
    let complete = location(&paid);
    assert!(complete.starts_with("https://shop.example.com/"));
    let again = app.open_payment(fields).await;
    assert_eq!(again, first);
    let (status, html) = app.get_page(&again).await;
    assert_eq!(status, 200);
    assert!(html.contains("id=\"return-link\""));
    assert!(
        !html.contains("id=\"payment-form\""),
        "no form after payment"
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM test_processor_charges")
            .await,
        1
    );
    rejected(
        &app,
        encode(&signed(changed, SECRET)),
        409,
        "conflict",
        "after payment",
    )
    .await;
}

#[tokio::test]
async fn twenty_concurrent_identical_requests_make_one_payment() {
    // T16: the unique index decides, not a check-then-insert.
    let app = TestApp::spawn().await;
    let body = encode(&signed(app.request("race-1"), SECRET));
    let results = app.concurrent_posts("/checkout", body, 20).await;
    assert!(results.iter().all(|(s, _)| *s == 303), "{results:?}");
    assert!(
        results.iter().all(|(_, l)| *l == results[0].1),
        "{results:?}"
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM payments").await, 1);
}

#[tokio::test]
async fn error_pages_for_browsers_name_the_field_and_never_echo_markup() {
    let app = TestApp::spawn().await;
    let mut fields = app.request("html-1");
    set(&mut fields, "x_shop_name", "<script>alert(1)</script>");
    set(&mut fields, "x_amount", "<b>10</b>");
    let resp = app
        .client
        .post(app.url("/checkout"))
        .header("accept", "text/html")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(encode(&signed(fields, SECRET)))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 422);
    assert!(
        resp.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let csp = resp.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(csp.contains("frame-ancestors 'none'"));
    let html = resp.text().await.unwrap();
    assert!(html.contains("x_amount"));
    assert!(!html.contains("<script>") && !html.contains("<b>10"));
}

#[tokio::test]
async fn a_client_that_sends_its_body_too_slowly_is_cut_off() {
    // T8: slow-loris bodies get 408 within the body timeout.
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let app = TestApp::spawn().await;
    let addr = app.address.trim_start_matches("http://").to_string();
    let mut stream = tokio::net::TcpStream::connect(&addr).await.unwrap();
    let head = format!(
        "POST /checkout HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nx_a"
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut buf = Vec::new();
    let read = tokio::time::timeout(
        std::time::Duration::from_secs(20),
        stream.read_to_end(&mut buf),
    )
    .await;
    assert!(read.is_ok(), "the server kept waiting for the body");
    let text = String::from_utf8_lossy(&buf);
    assert!(text.starts_with("HTTP/1.1 408"), "{text}");
    assert_eq!(app.count("SELECT COUNT(*) FROM payments").await, 0);
}
