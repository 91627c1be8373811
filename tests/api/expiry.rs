//! Expiry of abandoned payments (protocol.md section 14): an unpaid payment expires at its
//! time, its storefront is told once (`x_result=failed`, `x_message=expired`, signed), its page
//! says so, nothing reopens or pays it afterwards, and each payment expires exactly once: across
//! two processes on one database and across a restart. Short TTLs stand for the passing of time.

use crate::helpers::*;
use crate::process::{Env, checkout_on};
use crate::receiver::Receiver;
use offsite_gateway::domain::payment::Status;
use offsite_gateway::store::{attempts, callbacks, merchants};
use std::collections::HashMap;
use std::time::Duration;

async fn app_with_ttl(ttl: Duration) -> TestApp {
    TestApp::spawn_with(|s| s.checkout_ttl = ttl).await
}

/// Merchant M's request for `reference`, its callbacks going to `rx`.
fn request_to(app: &TestApp, reference: &str, rx: &Receiver) -> Vec<(String, String)> {
    let mut request = app.request(reference);
    set(&mut request, "x_url_callback", &rx.url("/cb"));
    request
}

async fn expires(app: &TestApp, page: &str) -> bool {
    eventually(5, || async { app.payment_status(page).await == "expired" }).await
}

/// The storefront's callbacks after the sweeps have had time to send any second one.
async fn settled_hits(rx: &Receiver, n: usize) -> Vec<crate::receiver::Hit> {
    rx.wait_for(n, 5).await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    rx.hits()
}

fn id_of(page: &str) -> &str {
    page.rsplit('/').next().unwrap()
}

async fn stored_callbacks(app: &TestApp, page: &str) -> usize {
    callbacks::for_payment(&app.db, id_of(page))
        .await
        .unwrap()
        .len()
}

#[tokio::test]
async fn an_unpaid_payment_expires_at_its_time_and_its_storefront_is_told_once() {
    let app = app_with_ttl(Duration::from_secs(1)).await;
    let rx = Receiver::start().await;
    let page = app.open_payment(request_to(&app, "abandoned", &rx)).await;
    assert_eq!(app.payment_status(&page).await, "open");
    assert!(app.get_page(&page).await.1.contains("id=\"payment-form\""));

    assert!(expires(&app, &page).await);
    let id = id_of(&page);
    let on_time = format!(
        "SELECT COUNT(*) FROM payments WHERE id = '{id}' AND expires_at = created_at + 1000 \
         AND updated_at >= expires_at AND updated_at < expires_at + 2000"
    );
    assert_eq!(
        app.count(&on_time).await,
        1,
        "at its time, within a second or two"
    );

    let hits = settled_hits(&rx, 1).await;
    assert_eq!(hits.len(), 1, "told once");
    let told = &hits[0].fields;
    assert_eq!(get(told, "x_result"), Some("failed"));
    assert_eq!(get(told, "x_message"), Some("expired"));
    assert!(verify(told, SECRET), "{told:?}");
    for (name, value) in [
        ("x_account_id", ACCOUNT),
        ("x_reference", "abandoned"),
        ("x_amount", "10.00"),
        ("x_currency", "USD"),
        ("x_test", "true"),
        ("x_transaction_type", "sale"),
    ] {
        assert_eq!(get(told, name), Some(value), "{name} echoed");
    }
    assert!(get(told, "x_gateway_reference").is_some_and(|r| r.starts_with("gw_")));
    assert_eq!(stored_callbacks(&app, &page).await, 1);
}

#[tokio::test]
async fn the_page_of_an_expired_payment_says_so_and_offers_the_way_back() {
    let app = app_with_ttl(Duration::from_secs(1)).await;
    let page = app.open_payment(app.request("page-after")).await;
    assert!(expires(&app, &page).await);

    let (status, html) = app.get_page(&page).await;
    assert_eq!(status, 200);
    assert!(
        html.contains(&*offsite_gateway::i18n::english().msg("outcome-expired")),
        "{html}"
    );
    assert!(!html.contains("payment-form"), "nothing to pay");
    assert!(
        html.contains("id=\"return-link\" class=\"button\" href=\"https://shop.example.com/cart\""),
        "the way back is the storefront's cancel URL: {html}"
    );
}

#[tokio::test]
async fn paying_or_cancelling_an_expired_payment_changes_nothing() {
    let app = app_with_ttl(Duration::from_secs(1)).await;
    let rx = Receiver::start().await;
    let page = app.open_payment(request_to(&app, "pay-late", &rx)).await;
    // The shopper's form, rendered before the time; submitted after it.
    let (csrf, attempt) = app.form_tokens(&page).await;
    assert!(expires(&app, &page).await);
    rx.wait_for(1, 5).await;
    let before = app.snapshot().await;

    let paid = app
        .submit_card(&page, &csrf, &attempt, "4242424242424242", "12/30", "123")
        .await;
    assert_eq!(paid.status(), 303);
    assert_eq!(location(&paid), page, "back to the expired page");
    let cancelled = app
        .client
        .get(app.url(&format!("{page}/cancel?token={csrf}")))
        .send()
        .await
        .unwrap();
    assert_eq!(cancelled.status(), 303);
    assert_eq!(location(&cancelled), page);

    assert_eq!(app.snapshot().await, before, "nothing changed");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM test_processor_charges")
            .await,
        0,
        "nothing charged"
    );
    assert_eq!(settled_hits(&rx, 1).await.len(), 1);
    assert_eq!(stored_callbacks(&app, &page).await, 1);
}

#[tokio::test]
async fn a_replay_after_expiry_does_not_reopen_it() {
    let app = app_with_ttl(Duration::from_secs(1)).await;
    let rx = Receiver::start().await;
    let body = encode(&signed(request_to(&app, "replayed", &rx), SECRET));
    let page = location(&app.post_checkout_body(body.clone()).await);
    assert!(expires(&app, &page).await);

    let again = app.post_checkout_body(body).await;
    assert_eq!(again.status(), 303);
    assert_eq!(location(&again), page, "the same payment's page");
    assert_eq!(app.payment_status(&page).await, "expired");
    assert!(
        app.get_page(&page)
            .await
            .1
            .contains(&*offsite_gateway::i18n::english().msg("outcome-expired"))
    );
    assert_eq!(settled_hits(&rx, 1).await.len(), 1, "told once");
}

#[tokio::test]
async fn a_cancelled_payment_reopens_on_replay_until_its_time_then_expires() {
    let app = app_with_ttl(Duration::from_secs(2)).await;
    let rx = Receiver::start().await;
    let body = encode(&signed(request_to(&app, "cancelled", &rx), SECRET));
    let page = location(&app.post_checkout_body(body.clone()).await);
    let cancel = |token: String| {
        let url = app.url(&format!("{page}/cancel?token={token}"));
        let client = app.client.clone();
        async move { client.get(url).send().await.unwrap() }
    };
    let (csrf, _) = app.form_tokens(&page).await;
    let left = cancel(csrf.clone()).await;
    assert_eq!(location(&left), "https://shop.example.com/cart");
    assert_eq!(app.payment_status(&page).await, "cancelled");

    // Before its time the shopper may come back.
    assert_eq!(location(&app.post_checkout_body(body.clone()).await), page);
    assert_eq!(app.payment_status(&page).await, "open");
    cancel(csrf).await;
    assert_eq!(app.payment_status(&page).await, "cancelled");

    // Cancelled, it still expires, and then stays expired.
    assert!(expires(&app, &page).await);
    assert_eq!(location(&app.post_checkout_body(body).await), page);
    assert_eq!(app.payment_status(&page).await, "expired");
    let hits = settled_hits(&rx, 1).await;
    assert_eq!(hits.len(), 1);
    assert_eq!(get(&hits[0].fields, "x_message"), Some("expired"));
    assert!(verify(&hits[0].fields, SECRET));
}

#[tokio::test]
async fn an_attempt_in_flight_is_not_expired_under_it() {
    let app = app_with_ttl(Duration::from_millis(500)).await;
    let rx = Receiver::start().await;
    let page = app.open_payment(request_to(&app, "in-flight", &rx)).await;
    let id = id_of(&page);
    // A processor call starts, as the pay step records it, and outlives the payment's time.
    let key = format!("{id}:0");
    assert!(
        attempts::start(&app.db, id, (Status::Open, 0), &key, None)
            .await
            .unwrap()
    );
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(
        app.payment_status(&page).await,
        "open",
        "several sweeps later"
    );
    assert_eq!(app.get_page(&page).await.0, 200);
    assert_eq!(
        app.payment_status(&page).await,
        "open",
        "a page view neither"
    );
    assert!(rx.hits().is_empty());
    // No new call starts once the time has come.
    assert!(
        !attempts::start(&app.db, id, (Status::Open, 0), &format!("{id}:1"), None)
            .await
            .unwrap()
    );

    // The call ends without a charge: the payment, still unpaid, expires after it.
    assert!(attempts::abandon(&app.db, id, &key).await.unwrap());
    assert!(expires(&app, &page).await);
    assert_eq!(settled_hits(&rx, 1).await.len(), 1);
}

#[tokio::test]
async fn the_expiry_callback_is_signed_with_the_secret_that_verified_the_request() {
    let app = TestApp::spawn_with(|s| {
        s.checkout_ttl = Duration::from_secs(1);
        s.merchant_cache_ttl = Duration::ZERO;
    })
    .await;
    let rx = Receiver::start().await;
    app.open_payment(request_to(&app, "before-rotation", &rx))
        .await;
    let rotated = merchants::rotate(
        &app.db,
        &app.master_key(),
        ACCOUNT,
        Duration::from_secs(3600),
        &merchants::Actor::cli(),
    )
    .await
    .unwrap()
    .unwrap();
    let new_secret = {
        use secrecy::ExposeSecret;
        rotated.secret.expose_secret().to_string()
    };

    let hits = rx.wait_for(1, 5).await;
    assert_eq!(hits.len(), 1);
    assert!(verify(&hits[0].fields, SECRET));
    assert!(!verify(&hits[0].fields, &new_secret));
}

#[tokio::test]
async fn a_payment_due_while_the_gateway_was_down_expires_once_after_the_restart() {
    let mut app = app_with_ttl(Duration::from_secs(1)).await;
    let rx = Receiver::start().await;
    let page = app.open_payment(request_to(&app, "restart", &rx)).await;
    app.stop().await;
    tokio::time::sleep(Duration::from_millis(1300)).await;
    assert_eq!(
        app.payment_status(&page).await,
        "open",
        "nothing ran while down"
    );

    app.start().await;
    assert!(expires(&app, &page).await);
    assert_eq!(settled_hits(&rx, 1).await.len(), 1);
    app.stop().await;
    app.start().await;
    assert_eq!(
        settled_hits(&rx, 1).await.len(),
        1,
        "not again after another restart"
    );
    assert_eq!(stored_callbacks(&app, &page).await, 1);
}

#[tokio::test]
async fn two_processes_on_one_database_expire_each_payment_once() {
    let mut env = Env::new().await;
    env.set("GATEWAY_ALLOW_PRIVATE_TARGETS", "true");
    // Long enough that each page is still open when the test reads its form on a loaded
    // machine (30 checkouts, one after another), short enough to wait for.
    env.set("GATEWAY_CHECKOUT_TTL", "5s");
    // Both sweep every 100 ms, so both find the same payments due.
    env.set("GATEWAY_PENDING_SETTLE_AFTER", "400ms");
    let mut first = env.serve();
    let (account, secret) = first.sandbox();
    let second = env.serve();
    let rx = Receiver::start().await;
    let callback = rx.url("/cb");
    const N: usize = 30;
    for i in 0..N {
        let gateway = if i % 2 == 0 { &first } else { &second };
        let reference = format!("both-{i}");
        checkout_on(
            &gateway.url(""),
            &account,
            &secret,
            &reference,
            "3.00",
            &callback,
        )
        .await;
    }

    rx.wait_for(N, 20).await;
    let hits = settled_hits(&rx, N).await;
    let mut told: HashMap<String, usize> = HashMap::new();
    for hit in &hits {
        assert_eq!(get(&hit.fields, "x_message"), Some("expired"));
        assert!(verify(&hit.fields, &secret));
        *told
            .entry(get(&hit.fields, "x_reference").unwrap().to_string())
            .or_default() += 1;
    }
    assert_eq!(
        told.len(),
        N,
        "every payment's storefront was told: {told:?}"
    );
    assert!(told.values().all(|n| *n == 1), "none twice: {told:?}");
    let db = offsite_gateway::store::connect(&env.settings().store_options())
        .await
        .unwrap();
    let count = |sql: &'static str| count_in(&db, sql);
    assert_eq!(
        count("SELECT COUNT(*) FROM payments WHERE status = 'expired'").await,
        N as i64
    );
    assert_eq!(count("SELECT COUNT(*) FROM callbacks").await, N as i64);
    let (a, _) = first.terminate();
    let (b, _) = second.terminate();
    assert!(a && b);
}

#[tokio::test]
async fn a_checkout_ttl_of_zero_is_refused_at_start() {
    let mut env = Env::new().await;
    env.set("GATEWAY_CHECKOUT_TTL", "0s");
    let out = env.command(&[]).output().unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("GATEWAY_CHECKOUT_TTL"), "{stderr}");
}

#[tokio::test]
async fn payments_from_before_the_upgrade_expire_a_day_after_they_were_created() {
    use migration::{Migrator, MigratorTrait};
    use sea_orm::ConnectionTrait;
    let dir = tempfile::tempdir().unwrap();
    let (url, database) = match postgres_admin_url() {
        Some(admin) => {
            let (url, name) = create_database(&admin, "gw_upgrade").await;
            (url, Some((admin, name)))
        }
        None => (
            format!("sqlite://{}?mode=rwc", dir.path().join("gw.db").display()),
            None,
        ),
    };
    let orm = sea_orm::Database::connect(&url).await.unwrap();
    // The schema before expiry, with one open payment in it.
    Migrator::up(&orm, Some(7)).await.unwrap();
    let blob = match orm.get_database_backend() {
        sea_orm::DatabaseBackend::Postgres => "'\\x00'::bytea",
        _ => "X'00'",
    };
    for sql in [
        format!(
            "INSERT INTO merchants (account_id, name, test_only, secret_sealed, master_key_id, \
             created_at) VALUES ('acct_old', 'Old shop', true, {blob}, 'k', 0)"
        ),
        "INSERT INTO payments (id, merchant_id, reference, request_signature, request_fields, \
         amount_minor, amount_text, currency, test, transaction_type, status, declines, \
         csrf_token, url_complete, url_cancel, url_callback, gateway_reference, created_at, \
         updated_at) VALUES ('p1', 'acct_old', 'r1', 's', '[]', 100, '1.00', 'EUR', true, \
         'sale', 'open', 0, 't', 'https://a/', 'https://a/', 'https://a/', 'gw_1', 5000, 5000)"
            .to_string(),
    ] {
        orm.execute_unprepared(&sql).await.unwrap();
    }

    Migrator::up(&orm, None).await.unwrap();
    let row = orm
        .query_one_raw(sea_orm::Statement::from_string(
            orm.get_database_backend(),
            "SELECT expires_at FROM payments WHERE id = 'p1'",
        ))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.try_get_by_index::<i64>(0).unwrap(), 5000 + 86_400_000);
    orm.close().await.unwrap();
    if let Some((admin, name)) = database {
        drop_database(&admin, &name);
    }
}
