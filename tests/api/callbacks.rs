//! Callbacks (protocol.md section 6; T7, T21, T22, T23): signed, retried on the schedule, never
//! following redirects, newest state winning, other payments never blocked, every attempt
//! recorded, and the SSRF guard refusing every non-public address with zero connections.

use crate::helpers::*;
use crate::receiver::{CountingListener, RECEIVER_IP, Receiver, Reply, unused_receiver_port};
use offsite_gateway::callbacks::deliver::Timeouts;
use offsite_gateway::callbacks::guard::AddressPolicy;
use offsite_gateway::callbacks::{Deliverer, RetrySchedule};
use offsite_gateway::store::callbacks::{self, Callback};
use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Creates a payment whose callbacks go to `url`, pays it with `card`; returns its page.
async fn paid(app: &TestApp, reference: &str, url: &str, card: &str) -> String {
    let mut request = app.request(reference);
    set(&mut request, "x_url_callback", url);
    let page = app.open_payment(request).await;
    let resp = app.pay(&page, card).await;
    assert_eq!(resp.status(), 303);
    page
}

async fn callbacks_of(app: &TestApp, page: &str) -> Vec<Callback> {
    callbacks::for_payment(&app.db, page.trim_start_matches("/pay/"))
        .await
        .unwrap()
}

/// The HTTP status of each recorded attempt of a callback, in order.
async fn attempt_statuses(app: &TestApp, callback_id: i64) -> Vec<Option<i32>> {
    callbacks::attempts(&app.db, callback_id)
        .await
        .unwrap()
        .iter()
        .map(|a| a.http_status)
        .collect()
}

async fn settled(
    app: &TestApp,
    page: &str,
    status: offsite_gateway::domain::callback::CallbackStatus,
    seconds: u64,
) -> Vec<Callback> {
    let ok = eventually(seconds, || async {
        callbacks_of(app, page)
            .await
            .last()
            .is_some_and(|c| c.status == status)
    })
    .await;
    let all = callbacks_of(app, page).await;
    assert!(ok, "no {status} callback: {all:?}");
    all
}

#[tokio::test]
async fn a_completed_payment_is_posted_signed_to_the_callback_url() {
    let app = TestApp::spawn().await;
    let rx = Receiver::start().await;
    let page = paid(&app, "cb-1", &rx.url("/notify"), CARD_OK).await;
    let hits = rx.wait_for(1, 10).await;
    assert_eq!(hits.len(), 1);
    let hit = &hits[0];
    assert_eq!(hit.path, "/notify");
    assert_eq!(
        hit.content_type.as_deref(),
        Some("application/x-www-form-urlencoded")
    );
    assert!(
        verify(&hit.fields, SECRET),
        "signature checked by the test's own HMAC"
    );
    assert_eq!(get(&hit.fields, "x_result"), Some("completed"));
    assert_eq!(get(&hit.fields, "x_amount"), Some("10.00"));
    assert_eq!(get(&hit.fields, "x_reference"), Some("cb-1"));
    let all = settled(&app, &page, callbacks::DELIVERED, 5).await;
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].attempts, 1);
    let log = callbacks::attempts(&app.db, all[0].id).await.unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].http_status, Some(200));
    assert_eq!(log[0].snippet.as_deref(), Some("ok"));
}

#[tokio::test]
async fn any_bytes_a_receiver_answers_are_recorded() {
    // A NUL byte cannot be stored in PostgreSQL text (nor sent in its JSON); if the record
    // failed, the attempt would stay leased and be delivered again and again.
    let app = TestApp::spawn().await;
    let rx = Receiver::start().await;
    rx.then(&[Reply::Body(200, b"ok\0\xff\x01done")]);
    let page = paid(&app, "cb-nul", &rx.url("/cb"), CARD_OK).await;
    let all = settled(&app, &page, callbacks::DELIVERED, 10).await;
    assert_eq!(all[0].attempts, 1);
    let log = callbacks::attempts(&app.db, all[0].id).await.unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(
        log[0].snippet.as_deref(),
        Some("ok\u{fffd}\u{fffd}\u{1}done")
    );
    assert_eq!(rx.hits().len(), 1);
}

#[tokio::test]
async fn a_failing_receiver_is_retried_until_it_answers_with_the_same_signed_body() {
    let app = TestApp::spawn().await;
    let rx = Receiver::start().await;
    rx.then(&[Reply::Status(500), Reply::Status(502), Reply::Status(404)]);
    let page = paid(&app, "cb-retry", &rx.url("/cb"), CARD_OK).await;
    let all = settled(&app, &page, callbacks::DELIVERED, 20).await;
    let hits = rx.hits();
    assert_eq!(
        hits.len(),
        4,
        "three failures, then delivered at the fourth attempt"
    );
    assert!(
        hits.iter().all(|h| h.fields == hits[0].fields),
        "every retry is identical"
    );
    assert!(verify(&hits[3].fields, SECRET));
    for pair in hits.windows(2) {
        assert!(
            pair[1].at.duration_since(pair[0].at) >= Duration::from_millis(950),
            "the schedule's 1 s"
        );
    }
    let statuses = attempt_statuses(&app, all[0].id).await;
    assert_eq!(statuses, [Some(500), Some(502), Some(404), Some(200)]);
    assert_eq!(all[0].attempts, 4);
}

#[tokio::test]
async fn after_the_last_retry_a_callback_is_given_up() {
    let app = TestApp::spawn_with(|s| {
        s.callback_retry_schedule = RetrySchedule::parse("100ms,100ms,100ms,100ms,100ms").unwrap()
    })
    .await;
    let rx = Receiver::start().await;
    rx.otherwise(Reply::Status(503));
    let page = paid(&app, "cb-give-up", &rx.url("/cb"), CARD_OK).await;
    let all = settled(&app, &page, callbacks::GAVE_UP, 20).await;
    assert_eq!(all[0].attempts, 6, "the first attempt and five retries");
    assert_eq!(all[0].last_status, Some(503));
    app.drain_callbacks().await;
    assert_eq!(rx.hits().len(), 6, "no attempt after giving up");
}

#[tokio::test]
async fn a_slow_receiver_times_out_and_is_retried() {
    let app = TestApp::spawn_with(|s| s.callback_timeout = Duration::from_secs(1)).await;
    let rx = Receiver::start().await;
    rx.then(&[Reply::Slow(Duration::from_secs(3), 200)]);
    let page = paid(&app, "cb-slow", &rx.url("/cb"), CARD_OK).await;
    let all = settled(&app, &page, callbacks::DELIVERED, 20).await;
    let log = callbacks::attempts(&app.db, all[0].id).await.unwrap();
    assert_eq!(log[0].error_kind.as_deref(), Some("timeout"));
    assert_eq!(log[0].http_status, None);
    assert_eq!(log[1].http_status, Some(200));
}

#[tokio::test]
async fn redirects_are_not_followed_and_count_as_failures() {
    let app = TestApp::spawn().await;
    let rx = Receiver::start().await;
    rx.then(&[
        Reply::Redirect(308, "/second"),
        Reply::Redirect(302, "/second"),
    ]);
    let page = paid(&app, "cb-redirect", &rx.url("/first"), CARD_OK).await;
    let all = settled(&app, &page, callbacks::DELIVERED, 20).await;
    let hits = rx.hits();
    assert!(
        hits.iter().all(|h| h.path == "/first"),
        "the Location was never visited"
    );
    let statuses = attempt_statuses(&app, all[0].id).await;
    assert_eq!(statuses, [Some(308), Some(302), Some(200)]);
}

#[tokio::test]
async fn a_204_counts_as_delivered() {
    let app = TestApp::spawn().await;
    let rx = Receiver::start().await;
    rx.otherwise(Reply::Status(204));
    let page = paid(&app, "cb-204", &rx.url("/cb"), CARD_OK).await;
    let all = settled(&app, &page, callbacks::DELIVERED, 10).await;
    assert_eq!(all[0].attempts, 1);
}

#[tokio::test]
async fn declines_send_nothing_until_the_payment_fails() {
    let app = TestApp::spawn().await;
    let rx = Receiver::start().await;
    let mut request = app.request("cb-fail");
    set(&mut request, "x_url_callback", &rx.url("/cb"));
    let page = app.open_payment(request).await;
    for _ in 0..2 {
        app.pay(&page, "4000000000000002").await;
    }
    assert!(
        callbacks_of(&app, &page).await.is_empty(),
        "a decline the shopper may retry is not a result"
    );
    app.pay(&page, "4000000000000002").await;
    let hits = rx.wait_for(1, 10).await;
    assert_eq!(get(&hits[0].fields, "x_result"), Some("failed"));
    assert_eq!(
        get(&hits[0].fields, "x_message"),
        Some("Your card was declined.")
    );
    assert!(verify(&hits[0].fields, SECRET));
}

#[tokio::test]
async fn pending_then_completed_are_both_sent_in_order() {
    let app = TestApp::spawn().await;
    let rx = Receiver::start().await;
    let page = paid(&app, "cb-pending", &rx.url("/cb"), "4000000000000077").await;
    let hits = rx.wait_for(2, 15).await;
    let results: Vec<_> = hits
        .iter()
        .map(|h| get(&h.fields, "x_result").unwrap().to_string())
        .collect();
    assert_eq!(results, ["pending", "completed"]);
    assert!(hits.iter().all(|h| verify(&h.fields, SECRET)));
    assert_eq!(
        get(&hits[0].fields, "x_gateway_reference"),
        get(&hits[1].fields, "x_gateway_reference")
    );
    let all = settled(&app, &page, callbacks::DELIVERED, 5).await;
    assert_eq!(all.len(), 2);
}

#[tokio::test]
async fn a_newer_state_supersedes_an_undelivered_older_one() {
    // The storefront is down while the payment goes pending -> completed: when it comes back it
    // hears only `completed`, never `pending` after it.
    let app = TestApp::spawn().await;
    let port = unused_receiver_port();
    let url = format!("http://{RECEIVER_IP}:{port}/cb");
    let page = paid(&app, "cb-supersede", &url, "4000000000000077").await;
    assert!(eventually(10, || async { callbacks_of(&app, &page).await.len() == 2 }).await);
    let rx = Receiver::start_on(&format!("{RECEIVER_IP}:{port}")).await;
    let all = settled(&app, &page, callbacks::DELIVERED, 15).await;
    assert_eq!(all[0].status, callbacks::SUPERSEDED);
    assert_eq!(all[0].result, "pending");
    assert_eq!(all[1].result, "completed");
    app.drain_callbacks().await;
    let results: Vec<_> = rx
        .hits()
        .iter()
        .map(|h| get(&h.fields, "x_result").unwrap().to_string())
        .collect();
    assert_eq!(results, ["completed"]);
}

#[tokio::test]
async fn a_slow_storefront_does_not_hold_up_other_payments() {
    let app = TestApp::spawn().await;
    let slow = Receiver::start().await;
    slow.otherwise(Reply::Slow(Duration::from_secs(5), 200));
    let fast = Receiver::start().await;
    let slow_page = paid(&app, "cb-slow-a", &slow.url("/cb"), CARD_OK).await;
    slow.wait_for(1, 5).await;
    let fast_page = paid(&app, "cb-fast-b", &fast.url("/cb"), CARD_OK).await;
    settled(&app, &fast_page, callbacks::DELIVERED, 5).await;
    let slow_cb = callbacks_of(&app, &slow_page).await;
    let log = callbacks::attempts(&app.db, slow_cb[0].id).await.unwrap();
    assert!(
        log.is_empty(),
        "the slow attempt was still in flight when the fast one was delivered"
    );
}

#[tokio::test]
async fn every_finished_payment_has_its_callback_and_every_callback_its_payment() {
    // T22: the callback is written in the payment change's transaction.
    let app = TestApp::spawn().await;
    let rx = Receiver::start().await;
    paid(&app, "inv-ok", &rx.url("/cb"), CARD_OK).await;
    paid(&app, "inv-pending", &rx.url("/cb"), "4000000000000077").await;
    let mut failing = app.request("inv-fail");
    set(&mut failing, "x_url_callback", &rx.url("/cb"));
    let page = app.open_payment(failing).await;
    for _ in 0..3 {
        app.pay(&page, "4000000000009995").await;
    }
    app.open_payment(app.request("inv-open")).await;
    let orphans = "SELECT COUNT(*) FROM payments p WHERE p.response IS NOT NULL AND NOT EXISTS \
                   (SELECT 1 FROM callbacks c WHERE c.payment_id = p.id)";
    let missing = "SELECT COUNT(*) FROM payments p WHERE p.status IN ('captured','authorized','failed','pending') \
                   AND NOT EXISTS (SELECT 1 FROM callbacks c WHERE c.payment_id = p.id)";
    let strays = "SELECT COUNT(*) FROM callbacks c WHERE NOT EXISTS \
                  (SELECT 1 FROM payments p WHERE p.id = c.payment_id)";
    for sql in [orphans, missing, strays] {
        assert_eq!(app.count(sql).await, 0, "{sql}");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM callbacks").await, 3);
}

// ---------------------------------------------------------------------------------------------
// The SSRF guard, with the client under test called directly (threats.md T7).

fn guarded(policy: AddressPolicy, resolver: Arc<dyn Resolve>) -> Deliverer {
    let timeouts = Timeouts {
        request: Duration::from_secs(2),
        connect: Duration::from_secs(1),
    };
    Deliverer::with_resolver(policy, timeouts, resolver).unwrap()
}

/// A resolver that answers from a script, one answer per call (the last one repeats).
struct ScriptedResolver(Mutex<Vec<Vec<SocketAddr>>>);

impl Resolve for ScriptedResolver {
    fn resolve(&self, _name: Name) -> Resolving {
        let mut answers = self.0.lock().unwrap();
        let answer = if answers.len() > 1 {
            answers.remove(0)
        } else {
            answers[0].clone()
        };
        Box::pin(async move { Ok(Box::new(answer.into_iter()) as Addrs) })
    }
}

#[tokio::test]
async fn ip_literals_in_every_spelling_are_refused_without_connecting() {
    let listener = CountingListener::start("127.0.0.1").await;
    let p = listener.port;
    let client =
        offsite_gateway::callbacks::Deliverer::new(AddressPolicy::default(), Timeouts::default())
            .unwrap();
    for url in [
        format!("http://127.0.0.1:{p}/"),
        format!("http://2130706433:{p}/"),
        format!("http://0x7f.1:{p}/"),
        format!("http://127.1:{p}/"),
        format!("http://017700000001:{p}/"),
        format!("http://[::ffff:127.0.0.1]:{p}/"),
        format!("http://[::1]:{p}/"),
        format!("http://0.0.0.0:{p}/"),
        format!("http://localhost:{p}/"),
    ] {
        let sent = client.send(&url, "x_a=1").await;
        assert_eq!(sent.error_kind, Some("blocked_ip"), "{url}");
        assert_eq!(sent.http_status, None);
    }
    assert_eq!(listener.connections(), 0);
}

#[tokio::test]
async fn names_resolving_to_any_non_public_address_are_refused() {
    // The resolver answers loopback first (allowed for this test) and then the address class
    // under test: the guard must refuse the whole answer. Because the allowed loopback address
    // comes first, a broken guard would connect to it, never to the class under test.
    let listener = CountingListener::start("127.0.0.1").await;
    let p = listener.port;
    let classes = [
        "10.0.0.1",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "240.0.0.1",
        "255.255.255.255",
        "192.0.2.1",
        "198.51.100.1",
        "203.0.113.1",
        "198.18.0.1",
        "::1",
        "::ffff:10.0.0.1",
        "fc00::1",
        "fe80::1",
        "ff02::1",
        "2001:db8::1",
        "::",
    ];
    for class in classes {
        let policy = AddressPolicy {
            allow_nets: vec!["127.0.0.1/32".parse().unwrap()],
            allow_sockets: Vec::new(),
        };
        let answer = vec![
            SocketAddr::new("127.0.0.1".parse().unwrap(), p),
            SocketAddr::new(class.parse().unwrap(), p),
        ];
        let client = guarded(policy, Arc::new(ScriptedResolver(Mutex::new(vec![answer]))));
        let sent = client
            .send(&format!("http://storefront.test:{p}/cb"), "x_a=1")
            .await;
        assert_eq!(sent.error_kind, Some("blocked_ip"), "{class}");
    }
    assert_eq!(listener.connections(), 0);
}

#[tokio::test]
async fn dns_rebinding_is_checked_at_every_connection() {
    // First answer: an address the policy allows (standing in for a public one); second answer:
    // loopback. The second attempt must be refused without a connection.
    let allowed = CountingListener::start("127.0.0.2").await;
    let private = CountingListener::start("127.0.0.1").await;
    let policy = AddressPolicy {
        allow_nets: vec!["127.0.0.2/32".parse().unwrap()],
        allow_sockets: Vec::new(),
    };
    let resolver = ScriptedResolver(Mutex::new(vec![
        vec![SocketAddr::new("127.0.0.2".parse().unwrap(), allowed.port)],
        vec![SocketAddr::new("127.0.0.1".parse().unwrap(), private.port)],
    ]));
    let client = guarded(policy, Arc::new(resolver));
    let first = client
        .send(&format!("http://rebind.test:{}/", allowed.port), "x_a=1")
        .await;
    assert_ne!(first.error_kind, Some("blocked_ip"), "{first:?}");
    assert_eq!(allowed.connections(), 1);
    let second = client
        .send(&format!("http://rebind.test:{}/", private.port), "x_a=1")
        .await;
    assert_eq!(second.error_kind, Some("blocked_ip"));
    assert_eq!(private.connections(), 0);
}

#[tokio::test]
async fn the_worker_records_a_blocked_attempt_and_never_connects() {
    let app = TestApp::spawn_with(|s| s.allow_private_targets = false).await;
    let listener = CountingListener::start("127.0.0.1").await;
    // A callback row pointing at loopback, as if stored before a policy change.
    let page = {
        let mut r = app.request("cb-blocked");
        set(
            &mut r,
            "x_url_callback",
            "https://shop.example.com/callback",
        );
        app.open_payment(r).await
    };
    let id = page.trim_start_matches("/pay/");
    let new = offsite_gateway::store::outbox::NewCallback {
        payment_id: id.to_string(),
        merchant_id: ACCOUNT.to_string(),
        url: format!("http://127.0.0.1:{}/cb", listener.port),
        body: "x_result=completed".to_string(),
        result: "completed".to_string(),
        operation_id: None,
    };
    let now = offsite_gateway::store::now_millis();
    app.db
        .write(move |tx| {
            Box::pin(async move { offsite_gateway::store::outbox::enqueue(tx, &new, now).await })
        })
        .await
        .unwrap();
    let ok = eventually(10, || async {
        let cbs = callbacks_of(&app, &page).await;
        !cbs.is_empty() && cbs[0].last_error.as_deref() == Some("blocked_ip")
    })
    .await;
    assert!(ok, "{:?}", callbacks_of(&app, &page).await);
    assert_eq!(listener.connections(), 0);
}
