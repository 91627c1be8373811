//! A gateway's worst day (issue 14): a slow-loris client is cut off by the header deadline, an
//! idle kept-alive connection is closed, connections beyond the bound wait their turn, a slow
//! handler answers 503 at the whole-request deadline, the rate limits answer 429 with
//! `Retry-After` and change nothing, unknown accounts are remembered, and `/metrics` shows
//! what happened.

use crate::helpers::*;
use crate::process::Env;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

async fn json_of(resp: reqwest::Response) -> serde_json::Value {
    let text = resp.text().await.unwrap();
    serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON: {text}"))
}

async fn connect(app: &TestApp) -> TcpStream {
    let addr = app.address.trim_start_matches("http://").to_string();
    TcpStream::connect(addr).await.unwrap()
}

/// Reads until the peer closes the connection or `within` passes; whether it closed.
async fn closed_within(stream: &mut TcpStream, within: Duration) -> bool {
    let mut buf = [0u8; 4096];
    let deadline = tokio::time::Instant::now() + within;
    loop {
        match tokio::time::timeout_at(deadline, stream.read(&mut buf)).await {
            Err(_) => return false,
            Ok(Ok(0)) | Ok(Err(_)) => return true,
            Ok(Ok(_)) => continue,
        }
    }
}

#[tokio::test]
async fn a_slow_loris_client_is_cut_off_at_the_header_deadline() {
    let app = TestApp::spawn_with(|s| s.limits.header_read_timeout = Duration::from_secs(1)).await;
    // Headers that trickle in, a line every 300 ms, never finishing.
    let mut slow = connect(&app).await;
    slow.write_all(b"GET /healthz HTTP/1.1\r\nHost: gw\r\n")
        .await
        .unwrap();
    let started = Instant::now();
    let mut cut_off = false;
    for i in 0..20 {
        tokio::time::sleep(Duration::from_millis(300)).await;
        if slow
            .write_all(format!("X-Trickle-{i}: x\r\n").as_bytes())
            .await
            .is_err()
        {
            cut_off = true;
            break;
        }
        if closed_within(&mut slow, Duration::from_millis(1)).await {
            cut_off = true;
            break;
        }
    }
    assert!(cut_off, "the trickling client was never cut off");
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "cut off after {:?}",
        started.elapsed()
    );
    // A client that sends its headers at once is answered as always.
    let mut quick = connect(&app).await;
    quick
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let mut answer = String::new();
    quick.read_to_string(&mut answer).await.unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}

#[tokio::test]
async fn an_idle_kept_alive_connection_is_closed_and_a_busy_one_is_not() {
    let app = TestApp::spawn_with(|s| s.limits.idle_timeout = Duration::from_secs(1)).await;
    let mut conn = connect(&app).await;
    let request = b"GET /healthz HTTP/1.1\r\nHost: gw\r\n\r\n";
    // Three requests 500 ms apart on one connection: never idle for a whole second.
    for _ in 0..3 {
        conn.write_all(request).await.unwrap();
        let mut buf = [0u8; 1024];
        let n = conn.read(&mut buf).await.unwrap();
        assert!(buf[..n].starts_with(b"HTTP/1.1 200"));
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    // Then nothing: the gateway closes it.
    assert!(closed_within(&mut conn, Duration::from_secs(3)).await);
}

#[tokio::test]
async fn connections_beyond_the_bound_wait_until_one_ends() {
    let app = TestApp::spawn_with(|s| s.limits.max_connections = 2).await;
    let first = connect(&app).await;
    let second = connect(&app).await;
    // Both are accepted (and idle); a third client's request waits in the backlog.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let url = app.url("/healthz");
    let third =
        tokio::spawn(async move { http_client().get(url).send().await.map(|r| r.status()) });
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert!(!third.is_finished(), "a third connection was served");
    drop(first);
    let status = tokio::time::timeout(Duration::from_secs(5), third)
        .await
        .expect("served once a slot was free")
        .unwrap()
        .unwrap();
    assert_eq!(status, 200);
    drop(second);
}

#[tokio::test]
async fn a_handler_past_the_deadline_answers_503_and_others_are_served_meanwhile() {
    let mut env = Env::new().await;
    env.set("GATEWAY_REQUEST_TIMEOUT", "1s");
    env.set("FAILPOINTS", "page-slow=return(5000)");
    let gateway = env.serve();
    let client = http_client();
    let started = Instant::now();
    let slow = client
        .get(gateway.url("/pay/00000000000000000000000000000000"))
        .header("accept", "application/json")
        .send();
    let healthy = client.get(gateway.url("/healthz")).send();
    let (slow, healthy) = tokio::join!(slow, healthy);
    assert_eq!(healthy.unwrap().status(), 200);
    let slow = slow.unwrap();
    assert_eq!(slow.status(), 503);
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "{:?}",
        started.elapsed()
    );
    for header in ["content-security-policy", "x-request-id", "x-frame-options"] {
        assert!(slow.headers().get(header).is_some(), "{header}");
    }
    let body = json_of(slow).await;
    assert_eq!(body["error"]["code"], "deadline_exceeded", "{body}");
    gateway.kill9();
}

/// `n` checkouts of merchant M from this test's address; their statuses.
async fn checkouts(app: &TestApp, prefix: &str, n: usize, forwarded: Option<&str>) -> Vec<u16> {
    let mut statuses = Vec::new();
    for i in 0..n {
        let body = encode(&signed(app.request(&format!("{prefix}-{i}")), SECRET));
        let mut req = app
            .client
            .post(app.url("/checkout"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body);
        if let Some(f) = forwarded {
            req = req.header("x-forwarded-for", f);
        }
        statuses.push(req.send().await.unwrap().status().as_u16());
    }
    statuses
}

#[tokio::test]
async fn checkout_is_limited_per_client_with_retry_after_and_a_refusal_stores_nothing() {
    let app = TestApp::spawn_with(|s| s.limits.checkout_per_minute = 3).await;
    assert_eq!(checkouts(&app, "ok", 3, None).await, [303, 303, 303]);
    let before = app.snapshot().await;
    let body = encode(&signed(app.request("one-too-many"), SECRET));
    let resp = app
        .client
        .post(app.url("/checkout"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 429);
    let wait: u64 = resp.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=20).contains(&wait), "{wait}");
    let json = json_of(resp).await;
    assert_eq!(json["error"]["code"], "rate_limited");
    assert_eq!(
        app.snapshot().await,
        before,
        "a refused checkout stored nothing"
    );
    // A client that says who it is through X-Forwarded-For is not believed: no proxy is
    // trusted by default, so it is the same client.
    assert_eq!(
        checkouts(&app, "spoof", 1, Some("198.51.100.7")).await,
        [429]
    );
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_forwarded_client_has_its_own_limit() {
    let app = TestApp::spawn_with(|s| {
        s.limits.checkout_per_minute = 2;
        s.limits.trusted_proxies = vec!["127.0.0.1/32".parse().unwrap()];
    })
    .await;
    let a = Some("198.51.100.7");
    assert_eq!(checkouts(&app, "a", 3, a).await, [303, 303, 429]);
    assert_eq!(
        checkouts(&app, "b", 2, Some("198.51.100.8")).await,
        [303, 303]
    );
    // The nearest untrusted hop counts, whatever the client put further left.
    assert_eq!(
        checkouts(&app, "c", 1, Some("203.0.113.1, 198.51.100.7")).await,
        [429]
    );
}

#[tokio::test]
async fn card_submissions_are_limited_per_client_before_anything_is_charged() {
    let app = TestApp::spawn_with(|s| s.limits.pay_per_minute = 2).await;
    let page = app.open_payment(app.request("card-testing")).await;
    let (csrf, _) = app.form_tokens(&page).await;
    // Two declined attempts, then the limit: the third card is not tried.
    for attempt in ["0", "1"] {
        let resp = app
            .submit_card(&page, &csrf, attempt, "4000000000000002", "12/30", "123")
            .await;
        assert_ne!(resp.status(), 429);
    }
    let charges = count_in(&app.db, "SELECT COUNT(*) FROM test_processor_charges").await;
    let resp = app
        .submit_card(&page, &csrf, "2", CARD_OK, "12/30", "123")
        .await;
    assert_eq!(resp.status(), 429);
    assert!(resp.headers().get("retry-after").is_some());
    let html = resp.text().await.unwrap();
    assert!(html.contains("id=\"error-message\""), "{html}");
    assert_eq!(
        count_in(&app.db, "SELECT COUNT(*) FROM test_processor_charges").await,
        charges,
        "the refused submission charged nothing"
    );
}

/// A signed refund request of `account` for `reference`: its status and JSON answer.
async fn refund(
    app: &TestApp,
    account: &str,
    secret: &str,
    reference: &str,
) -> (u16, serde_json::Value, Option<String>) {
    let fields = signed(
        pairs(&[
            ("x_account_id", account),
            ("x_gateway_reference", reference),
            ("x_transaction_type", "refund"),
            ("x_amount", "0.01"),
            ("x_currency", "USD"),
            ("x_test", "true"),
        ]),
        secret,
    );
    let resp = app
        .client
        .post(app.url("/refund"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(encode(&fields))
        .send()
        .await
        .unwrap();
    let status = resp.status().as_u16();
    let retry = resp
        .headers()
        .get("retry-after")
        .map(|v| v.to_str().unwrap().to_string());
    (status, json_of(resp).await, retry)
}

#[tokio::test]
async fn order_management_is_limited_per_merchant_and_forgeries_spend_nothing() {
    let app = TestApp::spawn_with(|s| s.limits.orders_per_minute = 2).await;
    let page = app.open_payment(app.request("refund-me")).await;
    let values = query_of(&location(&app.pay(&page, CARD_OK).await));
    let reference = get(&values, "x_gateway_reference").unwrap().to_string();
    // Forged requests naming M fail their signature and leave M's quota alone.
    for _ in 0..5 {
        let (status, _, _) = refund(&app, ACCOUNT, "not-the-secret", &reference).await;
        assert_eq!(status, 401);
    }
    for _ in 0..2 {
        let (status, body, _) = refund(&app, ACCOUNT, SECRET, &reference).await;
        assert_eq!(status, 200, "{body}");
    }
    let refunded = count_in(&app.db, "SELECT COUNT(*) FROM operations").await;
    let (status, body, retry) = refund(&app, ACCOUNT, SECRET, &reference).await;
    assert_eq!(status, 429, "{body}");
    assert_eq!(body["x_result"], "failed");
    assert_eq!(body["code"], "rate_limited");
    assert!(retry.is_some_and(|s| s.parse::<u64>().unwrap() >= 1));
    assert_eq!(
        count_in(&app.db, "SELECT COUNT(*) FROM operations").await,
        refunded,
        "nothing was refunded by the refused request"
    );
    // Another merchant is not held back by M's burst (its request fails on its own merits).
    let (status, body, _) = refund(&app, OTHER_ACCOUNT, OTHER_SECRET, &reference).await;
    assert_ne!(status, 429, "{body}");
}

/// The text of `/metrics`.
async fn metrics_text(app: &TestApp) -> String {
    let resp = app.client.get(app.url("/metrics")).send().await.unwrap();
    resp.text().await.unwrap()
}

/// The value of the sample `line` (a metric with its labels) in `/metrics`.
async fn sample(app: &TestApp, line: &str) -> Option<f64> {
    metrics_text(app)
        .await
        .lines()
        .find_map(|l| l.strip_prefix(line)?.strip_prefix(' ')?.parse().ok())
}

#[tokio::test]
async fn an_unknown_account_is_read_once_while_it_is_remembered() {
    let app = TestApp::spawn().await;
    for _ in 0..5 {
        let mut request = app.request("who");
        set(&mut request, "x_account_id", "acct_nobody");
        let resp = app.checkout_with_secret(request, SECRET).await;
        assert_eq!(resp.status(), 404);
    }
    assert_eq!(
        sample(&app, r#"gateway_merchant_reads_total{found="false"}"#).await,
        Some(1.0)
    );
    // Without the memory, each one is a read.
    let app = TestApp::spawn_with(|s| s.limits.unknown_account_ttl = Duration::ZERO).await;
    for _ in 0..5 {
        let mut request = app.request("who");
        set(&mut request, "x_account_id", "acct_nobody");
        app.checkout_with_secret(request, SECRET).await;
    }
    assert_eq!(
        sample(&app, r#"gateway_merchant_reads_total{found="false"}"#).await,
        Some(5.0)
    );
}

#[tokio::test]
async fn metrics_show_requests_payments_deliveries_the_queue_and_the_pool() {
    let rx = crate::receiver::Receiver::start().await;
    let app = TestApp::spawn_with(|s| s.limits.checkout_per_minute = 1).await;
    let mut request = app.request("measured");
    set(&mut request, "x_url_callback", &rx.url("/cb"));
    let page = app.open_payment(request).await;
    assert_eq!(app.pay(&page, CARD_OK).await.status(), 303);
    assert_eq!(rx.wait_for(1, 10).await.len(), 1);
    checkouts(&app, "limited", 1, None).await;
    let delivered = r#"gateway_deliveries_total{kind="callback",outcome="delivered"}"#;
    assert!(
        eventually(5, || async { sample(&app, delivered).await == Some(1.0) }).await,
        "the delivery is counted"
    );
    for (line, value) in [
        (
            r#"gateway_http_requests_total{route="/checkout",method="POST",status="303"}"#,
            1.0,
        ),
        (
            r#"gateway_http_requests_total{route="/checkout",method="POST",status="429"}"#,
            1.0,
        ),
        (
            r#"gateway_http_requests_total{route="/pay/:id",method="POST",status="303"}"#,
            1.0,
        ),
        (
            r#"gateway_http_requests_total{route="/pay/:id",method="GET",status="200"}"#,
            1.0,
        ),
        (
            r#"gateway_http_request_duration_seconds_count{route="/pay/:id",method="POST"}"#,
            1.0,
        ),
        (r#"gateway_payments_total{outcome="captured"}"#, 1.0),
        (r#"gateway_rate_limited_total{limit="checkout"}"#, 1.0),
        ("gateway_outbox_depth", 0.0),
        ("gateway_outbox_oldest_age_seconds", 0.0),
    ] {
        assert_eq!(sample(&app, line).await, Some(value), "{line}");
    }
    assert_eq!(
        sample(&app, r#"gateway_db_pool_connections{state="max"}"#).await,
        Some(8.0)
    );
    // No path makes a series of its own: an unknown path is `unmatched`.
    app.client
        .get(app.url("/no/such/7f3a"))
        .send()
        .await
        .unwrap();
    let text = metrics_text(&app).await;
    assert!(!text.contains("7f3a"), "{text}");
    assert!(text.contains(r#"route="unmatched",method="GET",status="404""#));
    assert!(
        !text.contains(page.trim_start_matches("/pay/")),
        "no payment id in a label"
    );
}

#[tokio::test]
async fn metrics_are_not_shown_to_a_public_client() {
    let app = TestApp::spawn_with(|s| {
        s.limits.trusted_proxies = vec!["127.0.0.1/32".parse().unwrap()];
    })
    .await;
    let from = |ip: &'static str| {
        app.client
            .get(app.url("/metrics"))
            .header("x-forwarded-for", ip)
            .send()
    };
    assert_eq!(from("93.184.216.34").await.unwrap().status(), 404);
    assert_eq!(from("10.1.2.3").await.unwrap().status(), 200);
}
