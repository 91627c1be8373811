//! Callbacks across process ends (T21, T22, T23), with the real binary: a `kill -9` loses
//! nothing, two processes on one database never send an attempt twice, a graceful stop lets an
//! attempt in flight finish, and the CLI shows and resends what gave up.

use crate::helpers::*;
use crate::process::{Env, pay_on};
use crate::receiver::{RECEIVER_IP, Receiver, Reply};
use offsite_gateway::store::{self, callbacks, outbox};
use std::collections::HashMap;
use std::time::Duration;

fn references(rx: &Receiver) -> HashMap<String, usize> {
    let mut seen = HashMap::new();
    for hit in rx.hits() {
        *seen
            .entry(get(&hit.fields, "x_reference").unwrap_or("").to_string())
            .or_insert(0) += 1;
    }
    seen
}

#[tokio::test]
async fn callbacks_survive_kill_9_and_each_is_delivered_once() {
    let mut env = Env::new().await;
    env.set("GATEWAY_ALLOW_PRIVATE_TARGETS", "true");
    env.set("GATEWAY_CALLBACK_RETRY_SCHEDULE", &["1s"; 20].join(","));
    // Long enough that no first attempt times out before the kill, even on a loaded machine
    // (20 payments take a while there); the lease (timeout + 5 s) still ends well within the
    // wait after the restart.
    env.set("GATEWAY_CALLBACK_TIMEOUT", "10s");
    let mut gateway = env.serve();
    let (account, secret) = gateway.sandbox();
    // The storefront hangs: every first attempt is in flight (claimed, never recorded) when the
    // gateway is killed without warning.
    let hanging = Receiver::start().await;
    hanging.otherwise(Reply::Slow(Duration::from_secs(60), 200));
    let port = hanging.base.rsplit(':').next().unwrap().to_string();
    let callback = hanging.url("/cb");
    for i in 0..20 {
        pay_on(
            &gateway.url(""),
            &account,
            &secret,
            &format!("crash-{i}"),
            &callback,
        )
        .await;
    }
    assert_eq!(hanging.wait_for(20, 10).await.len(), 20);
    gateway.kill9();
    hanging.stop().await;

    let db = store::connect(&env.settings().store_options())
        .await
        .unwrap();
    let rows = callbacks::list(&db, None, 100).await.unwrap();
    assert_eq!(rows.len(), 20);
    assert!(
        rows.iter().all(|c| c.status == callbacks::PENDING),
        "{rows:?}"
    );
    assert_eq!(db_attempts(&db).await, 0, "no attempt had been recorded");

    let restarted = env.serve();
    let rx = Receiver::start_on(&format!("{RECEIVER_IP}:{port}")).await;
    let delivered = eventually(40, || async {
        let rows = callbacks::list(&db, None, 100).await.unwrap();
        rows.iter().all(|c| c.status == callbacks::DELIVERED)
    })
    .await;
    assert!(
        delivered,
        "{:?}",
        callbacks::list(&db, None, 100).await.unwrap()
    );
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let seen = references(&rx);
    assert_eq!(seen.len(), 20, "every callback arrived: {seen:?}");
    assert!(seen.values().all(|n| *n == 1), "none twice: {seen:?}");
    assert!(rx.hits().iter().all(|h| verify(&h.fields, &secret)));
    for c in callbacks::list(&db, None, 100).await.unwrap() {
        assert_eq!(
            c.attempts, 2,
            "the lost attempt counts, and the next one delivered"
        );
    }
    let (clean, _) = restarted.terminate();
    assert!(clean);
}

async fn db_attempts(db: &store::Db) -> i64 {
    count_in(db, "SELECT COUNT(*) FROM callback_attempts").await
}

#[tokio::test]
async fn two_processes_on_one_database_never_send_an_attempt_twice() {
    let mut env = Env::new().await;
    env.set("GATEWAY_ALLOW_PRIVATE_TARGETS", "true");
    let mut first = env.serve();
    first.sandbox();
    let second = env.serve();
    let rx = Receiver::start().await;
    rx.otherwise(Reply::Slow(Duration::from_millis(2), 200));

    // 1,000 callbacks queued by a third party; both processes find them by polling.
    let db = store::connect(&env.settings().store_options())
        .await
        .unwrap();
    let url = rx.url("/cb");
    db.write(move |tx| {
        Box::pin(async move {
            for i in 0..1000 {
                let body = format!("x_reference=r{i}&x_result=completed");
                outbox::enqueue(
                    tx,
                    &outbox::NewCallback {
                        payment_id: format!("p{i}"),
                        merchant_id: "acct_none".to_string(),
                        url: url.clone(),
                        body,
                        result: "completed".to_string(),
                        operation_id: None,
                    },
                    store::now_millis(),
                )
                .await?;
            }
            Ok(())
        })
    })
    .await
    .unwrap();

    let all = rx.wait_for(1000, 60).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(all.len(), 1000);
    let seen = references(&rx);
    assert_eq!(seen.len(), 1000);
    assert!(seen.values().all(|n| *n == 1), "an attempt was sent twice");
    assert_eq!(rx.hits().len(), 1000);
    assert_eq!(
        callbacks::list(&db, Some(callbacks::DELIVERED), 2000)
            .await
            .unwrap()
            .len(),
        1000
    );
    let (a, _) = first.terminate();
    let (b, _) = second.terminate();
    assert!(a && b);
}

#[tokio::test]
async fn a_graceful_stop_lets_an_attempt_in_flight_finish() {
    let mut app = TestApp::spawn().await;
    let rx = Receiver::start().await;
    rx.then(&[Reply::Slow(Duration::from_millis(1500), 200)]);
    let mut request = app.request("stop-in-flight");
    set(&mut request, "x_url_callback", &rx.url("/cb"));
    let page = app.open_payment(request).await;
    app.pay(&page, CARD_OK).await;
    rx.wait_for(1, 5).await;
    app.stop().await;
    let rows = callbacks::for_payment(&app.db, page.trim_start_matches("/pay/"))
        .await
        .unwrap();
    assert_eq!(rows[0].status, callbacks::DELIVERED, "{rows:?}");
}

#[tokio::test]
async fn the_cli_lists_what_gave_up_and_resends_it() {
    let app = TestApp::spawn_with(|s| {
        s.callback_retry_schedule =
            offsite_gateway::callbacks::RetrySchedule::parse("50ms,50ms,50ms,50ms,50ms").unwrap()
    })
    .await;
    let rx = Receiver::start().await;
    rx.then(&vec![Reply::Status(500); 6]);
    let mut request = app.request("cli-resend");
    set(&mut request, "x_url_callback", &rx.url("/cb"));
    let page = app.open_payment(request).await;
    app.pay(&page, CARD_OK).await;
    let id = page.trim_start_matches("/pay/");
    assert!(
        eventually(15, || async {
            callbacks::for_payment(&app.db, id).await.unwrap()[0].status == callbacks::GAVE_UP
        })
        .await
    );
    let cli = |args: &[&str]| {
        crate::process::succeeded(
            std::process::Command::new(crate::process::BIN)
                .args(args)
                .env("DATABASE_URL", &app.settings.database_url)
                .env("GATEWAY_MASTER_KEY", app.master_key_base64())
                .env("RUST_LOG", "warn")
                .output()
                .unwrap(),
        )
    };
    let listed: serde_json::Value = serde_json::from_str(&cli(&[
        "callbacks",
        "list",
        "--status",
        "gave_up",
        "--json",
    ]))
    .unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 1);
    let row = &listed[0];
    assert_eq!(row["payment_id"], id);
    assert_eq!(row["attempts"], 6);
    assert_eq!(row["attempt_log"].as_array().unwrap().len(), 6);
    assert_eq!(row["attempt_log"][0]["http_status"], 500);
    assert!(cli(&["callbacks", "list"]).contains("gave_up"));

    let before = rx.hits().len();
    let out = cli(&["callbacks", "resend", &row["id"].to_string()]);
    assert!(out.contains("queued callback"), "{out}");
    let hits = rx.wait_for(before + 1, 10).await;
    assert_eq!(hits.len(), before + 1);
    assert!(verify(&hits[before].fields, SECRET));
    assert!(
        eventually(5, || async {
            callbacks::for_payment(&app.db, id)
                .await
                .unwrap()
                .last()
                .unwrap()
                .status
                == callbacks::DELIVERED
        })
        .await
    );
}
