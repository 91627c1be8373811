//! Rotating a merchant's secret with an overlap (protocol.md section 9, T13), on both
//! databases: both secrets verify during the overlap and only the new one after; every answer
//! (redirect, that payment's callbacks, order management) is signed with the secret that
//! verified the request, checked by the tests' own signer; the overlap's limits; a second
//! rotation inside the overlap refused; and the allowed hosts (the open redirect closed).

use crate::dashboard::Browser;
use crate::helpers::*;
use crate::receiver::RECEIVER_IP;
use sea_orm::{ConnectionTrait, Statement};

/// The bodies of a payment's callbacks, oldest first.
async fn callback_bodies(app: &TestApp, page: &str) -> Vec<Vec<(String, String)>> {
    let id = page.trim_start_matches("/pay/");
    let rows = app
        .db
        .orm()
        .query_all_raw(Statement::from_string(
            app.db.orm().get_database_backend(),
            format!("SELECT body FROM callbacks WHERE payment_id = '{id}' ORDER BY id"),
        ))
        .await
        .unwrap();
    rows.iter()
        .map(|r| {
            query_of(&format!(
                "http://x/?{}",
                r.try_get_by_index::<String>(0).unwrap()
            ))
        })
        .collect()
}

/// The new secret a rotation's page shows.
fn new_secret(page: &str) -> String {
    crate::dashboard::element_text(page, "new-secret").expect("the new secret is shown")
}

/// Order management signed with `secret`; the status and the answer's values.
async fn capture(app: &TestApp, reference: &str, secret: &str) -> (u16, Vec<(String, String)>) {
    let fields = pairs(&[
        ("x_account_id", ACCOUNT),
        ("x_gateway_reference", reference),
        ("x_transaction_type", "capture"),
        ("x_amount", "10.00"),
        ("x_currency", "USD"),
        ("x_test", "true"),
    ]);
    let resp = app
        .client
        .post(app.url("/capture"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(encode(&signed(fields, secret)))
        .send()
        .await
        .unwrap();
    let status = resp.status().as_u16();
    let answer: serde_json::Value = serde_json::from_str(&resp.text().await.unwrap()).unwrap();
    let values = answer
        .as_object()
        .unwrap()
        .iter()
        .map(|(n, v)| (n.clone(), v.as_str().unwrap_or_default().to_string()))
        .collect();
    (status, values)
}

fn authorization(app: &TestApp, reference: &str) -> Vec<(String, String)> {
    let mut r = app.request(reference);
    set(&mut r, "x_transaction_type", "authorization");
    r
}

#[tokio::test]
async fn both_secrets_verify_during_the_overlap_and_answers_use_the_signing_one() {
    let app = TestApp::spawn_with(|s| s.merchant_cache_ttl = std::time::Duration::ZERO).await;
    // A payment started with K1, still open when the merchant rotates.
    let started = app
        .open_payment(authorization(&app, "before-rotation"))
        .await;
    let b = Browser::logged_in(&app, ACCOUNT, "owner@example.com").await;
    let (status, page) = b.rotate("86400").await;
    assert_eq!(status, 200, "{page}");
    let k2 = new_secret(&page);
    assert!(page.contains("id=\"previous-expires\""));
    assert_ne!(k2, SECRET);
    assert!(
        !b.get("/dashboard/credentials").await.1.contains(&k2),
        "shown once"
    );
    // Stored sealed, never in the clear.
    assert!(!app.dump().await.contains(&k2));

    // Both verify now.
    let with_k1 = app
        .checkout_with_secret(authorization(&app, "k1"), SECRET)
        .await;
    assert_eq!(with_k1.status(), 303);
    let paid_after_expiry = location(&with_k1);
    let with_k2 = app
        .checkout_with_secret(authorization(&app, "k2"), &k2)
        .await;
    assert_eq!(with_k2.status(), 303);
    let k2_page = location(&with_k2);

    // The payment begun under K1: its redirect and its callback are signed with K1.
    let back = query_of(&location(&app.pay(&started, CARD_OK).await));
    assert!(verify(&back, SECRET) && !verify(&back, &k2));
    let callbacks = callback_bodies(&app, &started).await;
    assert_eq!(callbacks.len(), 1);
    assert!(verify(&callbacks[0], SECRET) && !verify(&callbacks[0], &k2));
    // One begun under K2: signed with K2.
    let back2 = query_of(&location(&app.pay(&k2_page, CARD_OK).await));
    assert!(verify(&back2, &k2) && !verify(&back2, SECRET));
    assert!(verify(&callback_bodies(&app, &k2_page).await[0], &k2));

    // Order management answers with the secret of its own request.
    let started_ref = get(&back, "x_gateway_reference").unwrap().to_string();
    let (status, answer) = capture(&app, &started_ref, &k2).await;
    assert_eq!(status, 200, "{answer:?}");
    assert!(verify(&answer, &k2) && !verify(&answer, SECRET));
    let k2_ref = get(&back2, "x_gateway_reference").unwrap().to_string();
    let (status, answer) = capture(&app, &k2_ref, SECRET).await;
    assert_eq!(status, 200);
    assert!(verify(&answer, SECRET));

    // A second rotation inside the overlap would cut it short: 409, nothing changed.
    let before = app.snapshot().await;
    let (status, page) = b.rotate("3600").await;
    assert_eq!(status, 409);
    assert!(page.contains("revoke it before rotating again"));
    assert_eq!(app.snapshot().await, before);

    // Past the overlap (the stored expiry moved back, as the clock would move on).
    app.exec("UPDATE merchants SET previous_expires_at = 1 WHERE account_id = 'acct_test'")
        .await;
    let (before, listed) = app.snapshot_beside_rejections().await;
    let body = encode(&signed(authorization(&app, "k1-late"), SECRET));
    let (status, body) = app.post_for_json("/checkout", body).await;
    assert_eq!(status, 401);
    assert_eq!(
        body["error"]["detail"]["diagnosis"],
        "previous_secret_expired"
    );
    assert_eq!(
        app.snapshot_beside_rejections().await,
        (before, listed + 1),
        "nothing stored but the doctor's line"
    );
    let (status, _) = capture(&app, &k2_ref, SECRET).await;
    assert_eq!(status, 401);
    assert_eq!(
        app.checkout_with_secret(authorization(&app, "k2-late"), &k2)
            .await
            .status(),
        303
    );
    // A payment begun under K1 but paid after K1 expired is answered under K2: the
    // storefront holds only K2 by now.
    let back = query_of(&location(&app.pay(&paid_after_expiry, CARD_OK).await));
    assert!(verify(&back, &k2) && !verify(&back, SECRET));
    // After the overlap a new rotation is allowed again.
    assert_eq!(b.rotate("60").await.0, 200);
}

#[tokio::test]
async fn the_overlap_must_be_between_a_minute_and_seven_days() {
    let app = TestApp::spawn().await;
    let b = Browser::logged_in(&app, ACCOUNT, "owner@example.com").await;
    let before = app.snapshot().await;
    for overlap in [
        "59",
        "604801",
        "0",
        "-5",
        "a day",
        "",
        "99999999999999999999",
    ] {
        let (status, page) = b.rotate(overlap).await;
        assert_eq!(status, 422, "{overlap:?}");
        assert!(page.contains("id=\"credentials-error\""), "{overlap:?}");
        assert!(!page.contains("id=\"new-secret\""));
    }
    assert_eq!(app.snapshot().await, before);
    assert_eq!(b.rotate("604800").await.0, 200);
}

#[tokio::test]
async fn revoking_ends_the_overlap_at_once() {
    let app = TestApp::spawn().await;
    let b = Browser::logged_in(&app, ACCOUNT, "owner@example.com").await;
    // Nothing to revoke yet.
    let resp = b
        .post("/dashboard/credentials", &[("intent", "revoke_previous")])
        .await;
    assert_eq!(resp.status(), 409);
    let (_, page) = b.rotate("86400").await;
    let k2 = new_secret(&page);
    assert_eq!(
        app.checkout_with_secret(app.request("a"), SECRET)
            .await
            .status(),
        303
    );
    let resp = b
        .post("/dashboard/credentials", &[("intent", "revoke_previous")])
        .await;
    assert_eq!(resp.status(), 200);
    let page = resp.text().await.unwrap();
    assert!(!page.contains("id=\"previous-expires\""));
    assert_eq!(
        app.checkout_with_secret(app.request("b"), SECRET)
            .await
            .status(),
        401
    );
    assert_eq!(
        app.checkout_with_secret(app.request("c"), &k2)
            .await
            .status(),
        303
    );
    let overview = b.get("/dashboard").await.1;
    for event in ["secret.rotated", "secret.previous_revoked"] {
        assert!(
            overview.contains(&format!("data-event=\"{event}\"")),
            "{event}"
        );
    }
}

#[tokio::test]
async fn allowed_hosts_close_the_open_redirect() {
    let app = TestApp::spawn().await;
    let b = Browser::logged_in(&app, ACCOUNT, "owner@example.com").await;
    // Bad entries are refused whole.
    let before = app.snapshot().await;
    for (hosts, origins) in [
        ("https://shop.example.com", ""),
        ("shop.example.com\n*", ""),
        ("shop.example.com", "shop.example.com"),
        ("shop.example.com", "https://shop.example.com/path"),
    ] {
        let resp = b
            .post(
                "/dashboard/settings",
                &[("return_hosts", hosts), ("frame_origins", origins)],
            )
            .await;
        assert_eq!(resp.status(), 422, "{hosts:?} {origins:?}");
        assert!(resp.text().await.unwrap().contains("Nothing was saved"));
    }
    assert_eq!(app.snapshot().await, before);

    let hosts = format!("shop.example.com\n*.shop.example.com\n{RECEIVER_IP}");
    let resp = b
        .post(
            "/dashboard/settings",
            &[
                ("return_hosts", hosts.as_str()),
                ("frame_origins", "https://shop.example.com"),
            ],
        )
        .await;
    assert_eq!(resp.status(), 303);
    let page = b.get("/dashboard/settings?saved").await.1;
    assert!(page.contains("*.shop.example.com") && page.contains("Settings saved"));

    // The test request uses shop.example.com and a callback to the receivers' address: allowed.
    assert_eq!(app.checkout(app.request("allowed")).await.status(), 303);
    let mut sub = app.request("subdomain");
    set(
        &mut sub,
        "x_url_complete",
        "https://eu.shop.example.com/done",
    );
    assert_eq!(app.checkout(sub).await.status(), 303);
    for (field, url) in [
        ("x_url_complete", "https://evil.example/phish"),
        ("x_url_cancel", "https://shop.example.com.evil.example/cart"),
        ("x_url_callback", "https://collector.example/cb"),
    ] {
        let before = app.snapshot().await;
        let mut r = app.request(&format!("refused-{field}"));
        set(&mut r, field, url);
        let (status, body) = app
            .post_for_json("/checkout", encode(&signed(r, SECRET)))
            .await;
        assert_eq!(status, 422, "{field}");
        assert_eq!(body["error"]["code"], "invalid_field");
        assert_eq!(body["error"]["field"], field);
        assert_eq!(app.snapshot().await, before, "{field}: nothing stored");
    }
    // Another merchant's settings are its own.
    let mut other = app.request("other-merchant");
    set(&mut other, "x_account_id", OTHER_ACCOUNT);
    set(
        &mut other,
        "x_url_complete",
        "https://elsewhere.example/done",
    );
    assert_eq!(
        app.checkout_with_secret(other, OTHER_SECRET).await.status(),
        303
    );
}
