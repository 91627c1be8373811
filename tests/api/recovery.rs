//! The pay step across a crash, with the real binary: a failpoint holds it at a crash point
//! (before the charge; after it; inside the payment's change before its commit; after the
//! commit before the worker is woken), SIGKILL ends it there, and after a restart the payment
//! is completed once and its callback sent (or, for a charge that never reached the
//! processor, the payment is as before and can be paid). Runs on SQLite and,
//! with `TEST_DATABASE_URL`, on PostgreSQL.

use crate::helpers::*;
use crate::process::{Env, checkout_on};
use crate::receiver::Receiver;
use offsite_gateway::domain::payment::Status;
use offsite_gateway::store::{self, Db, payments, test_charges};

/// Creates a payment on a running binary; returns the page's URL and the form's token.
async fn open_on(base: &str, account: &str, secret: &str, callback: &str) -> (String, String) {
    checkout_on(base, account, secret, "cut-short", "12.50", callback).await
}

/// Submits the approved test card; the answer never comes when a failpoint holds the request.
async fn submit_card(page: &str, csrf: &str) -> Option<reqwest::Response> {
    submit_this_card(page, csrf, "4242424242424242").await
}

async fn submit_this_card(page: &str, csrf: &str, number: &str) -> Option<reqwest::Response> {
    let form = pairs(&[
        ("csrf_token", csrf),
        ("attempt", "0"),
        ("cardholder_name", "Ada Lovelace"),
        ("card_number", number),
        ("card_expiry", "12/30"),
        ("card_cvc", "123"),
    ]);
    http_client()
        .post(page)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(encode(&form))
        .send()
        .await
        .ok()
}

async fn charges(db: &Db) -> i64 {
    count_in(db, "SELECT COUNT(*) FROM test_processor_charges").await
}

fn env_held_at(failpoint: &str, env: &mut Env) {
    env.set("GATEWAY_ALLOW_PRIVATE_TARGETS", "true");
    env.set("GATEWAY_PAY_RECOVERY_AFTER", "1s");
    env.set("FAILPOINTS", &format!("{failpoint}=pause"));
}

/// Where a crash point stops the pay step, as the database shows it.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Held {
    /// Charged; the payment's change not yet begun (`pay-after-charge`).
    AfterCharge,
    /// Charged; the change and its callback written in a unit of work that has not committed
    /// (`pay-change-before-commit`): the payment's row is held by it.
    InsideChange,
    /// Charged and committed with its callback; the worker not yet woken (`pay-after-commit`).
    AfterCommit,
}

impl Held {
    fn failpoint(self) -> &'static str {
        match self {
            Held::AfterCharge => "pay-after-charge",
            Held::InsideChange => "pay-change-before-commit",
            Held::AfterCommit => "pay-after-commit",
        }
    }
}

/// Whether a write of the payment's row waits on a unit of work of the gateway's (SQLite's
/// writer lock, PostgreSQL's row lock): it does not finish within half a second. The write
/// changes nothing; `probe` is a connection of the test's that is not used after a wait.
async fn row_is_held(probe: &Db, id: &str) -> bool {
    use sea_orm::ConnectionTrait;
    let sql = format!("UPDATE payments SET status = status WHERE id = '{id}'");
    let write = probe.orm().execute_unprepared(&sql);
    tokio::time::timeout(std::time::Duration::from_millis(500), write)
        .await
        .is_err()
}

/// Pays on a real binary held at `held`'s crash point, kills it there with SIGKILL, restarts
/// it, and shows that the charge is neither lost nor doubled: the payment is completed once,
/// its callback reaches the storefront, and nothing is left in flight.
async fn killed_at(held: Held) {
    let mut env = Env::new().await;
    env_held_at(held.failpoint(), &mut env);
    let mut gateway = env.serve();
    let (account, secret) = gateway.sandbox();
    let rx = Receiver::start().await;
    let (page, csrf) = open_on(&gateway.url(""), &account, &secret, &rx.url("/cb")).await;
    let id = page.rsplit('/').next().unwrap().to_string();
    let shopper = tokio::spawn(async move { submit_card(&page, &csrf).await.is_none() });

    let db = store::connect(&env.settings().store_options())
        .await
        .unwrap();
    let probe = store::connect(&env.settings().store_options())
        .await
        .unwrap();
    let key = format!("{id}:0");
    assert!(
        eventually(15, || async {
            test_charges::find(&db, &key).await.unwrap().is_some()
        })
        .await,
        "the charge reached the processor"
    );
    // The process is at the crash point: the database shows exactly that stage.
    let at_stage = eventually(15, || async {
        let p = payments::find(&db, &id).await.unwrap().unwrap();
        match held {
            Held::AfterCharge => p.status == Status::Open,
            Held::InsideChange => p.status == Status::Open && row_is_held(&probe, &id).await,
            Held::AfterCommit => p.status == Status::Captured,
        }
    })
    .await;
    assert!(
        at_stage,
        "{held:?}: the pay step never reached its crash point"
    );
    let p = payments::find(&db, &id).await.unwrap().unwrap();
    if held == Held::AfterCommit {
        assert!(p.attempt_in_flight.is_none());
    } else {
        assert_eq!(p.attempt_in_flight.as_deref(), Some(key.as_str()));
    }
    gateway.kill9();
    assert!(
        shopper.await.unwrap(),
        "the shopper's request died with the process"
    );
    if held != Held::AfterCommit {
        assert!(rx.hits().is_empty(), "no callback before the restart");
    }

    env.unset("FAILPOINTS");
    let restarted = env.serve();
    let hits = rx.wait_for(1, 20).await;
    assert!(
        !hits.is_empty(),
        "{held:?}: the storefront never heard of the payment"
    );
    for hit in &hits {
        // Delivered at least once (a delivery cut short by the kill is sent again), and every
        // copy says the same.
        assert_eq!(get(&hit.fields, "x_result"), Some("completed"));
        assert_eq!(get(&hit.fields, "x_reference"), Some("cut-short"));
        assert!(verify(&hit.fields, &secret));
    }
    let p = payments::find(&db, &id).await.unwrap().unwrap();
    assert_eq!(
        p.status,
        Status::Captured,
        "{held:?}: the approved charge completed the payment"
    );
    assert_eq!((p.authorized, p.captured), (1250, 1250));
    assert!(p.attempt_in_flight.is_none());
    assert_eq!(p.card_last4.as_deref(), Some("4242"));
    assert_eq!(charges(&db).await, 1, "{held:?}: charged once");
    assert!(
        eventually(10, || async {
            count_in(
                &db,
                "SELECT COUNT(*) FROM callbacks WHERE status = 'pending'",
            )
            .await
                == 0
        })
        .await,
        "nothing is left to send"
    );
    let (clean, _) = restarted.terminate();
    assert!(clean);
}

#[tokio::test]
async fn a_charge_cut_short_by_kill_9_is_completed_and_its_callback_sent_after_restart() {
    killed_at(Held::AfterCharge).await;
}

#[tokio::test]
async fn a_change_killed_before_its_commit_is_recovered_by_the_sweep_after_restart() {
    killed_at(Held::InsideChange).await;
}

#[tokio::test]
async fn a_change_committed_before_the_kill_has_its_callback_sent_after_restart() {
    killed_at(Held::AfterCommit).await;
}

#[tokio::test]
async fn an_attempt_that_never_reached_the_processor_is_forgotten_and_the_shopper_can_pay() {
    let mut env = Env::new().await;
    env_held_at("pay-before-charge", &mut env);
    let mut gateway = env.serve();
    let (account, secret) = gateway.sandbox();
    let rx = Receiver::start().await;
    let (page, csrf) = open_on(&gateway.url(""), &account, &secret, &rx.url("/cb")).await;
    let id = page.rsplit('/').next().unwrap().to_string();
    let (held_page, held_csrf) = (page.clone(), csrf.clone());
    let shopper = tokio::spawn(async move { submit_card(&held_page, &held_csrf).await.is_none() });

    let db = store::connect(&env.settings().store_options())
        .await
        .unwrap();
    assert!(
        eventually(15, || async {
            let p = payments::find(&db, &id).await.unwrap().unwrap();
            p.attempt_in_flight.is_some()
        })
        .await,
        "the attempt was recorded before the processor call"
    );
    gateway.kill9();
    assert!(shopper.await.unwrap());
    assert_eq!(charges(&db).await, 0, "the processor never saw it");

    env.unset("FAILPOINTS");
    let restarted = env.serve();
    assert!(
        eventually(15, || async {
            let p = payments::find(&db, &id).await.unwrap().unwrap();
            p.attempt_in_flight.is_none()
        })
        .await,
        "the attempt is forgotten after the restart"
    );
    let p = payments::find(&db, &id).await.unwrap().unwrap();
    assert_eq!(
        (p.status, p.declines),
        (Status::Open, 0),
        "the payment is as before"
    );
    assert!(rx.hits().is_empty());

    // The shopper tries again (the same form) and pays.
    let page = page.replace(&gateway_base(&page), &restarted.url(""));
    let resp = submit_card(&page, &csrf).await.unwrap();
    assert_eq!(resp.status(), 303);
    assert!(location(&resp).starts_with("https://shop.example.com/done?"));
    let hits = rx.wait_for(1, 10).await;
    assert_eq!(get(&hits[0].fields, "x_result"), Some("completed"));
    assert_eq!(charges(&db).await, 1);
    let (clean, _) = restarted.terminate();
    assert!(clean);
}

#[tokio::test]
async fn a_3ds_decision_cut_short_by_kill_9_is_completed_after_restart() {
    let mut env = Env::new().await;
    env_held_at("challenge-after-decision", &mut env);
    let mut gateway = env.serve();
    let (account, secret) = gateway.sandbox();
    let rx = Receiver::start().await;
    let (page, csrf) = open_on(&gateway.url(""), &account, &secret, &rx.url("/cb")).await;
    let id = page.rsplit('/').next().unwrap().to_string();
    let resp = submit_this_card(&page, &csrf, "4000000000003220")
        .await
        .unwrap();
    assert_eq!(resp.status(), 303, "to the challenge");
    let decision = pairs(&[
        ("csrf_token", &csrf),
        ("attempt", "0"),
        ("decision", "approve"),
    ]);
    let challenge = format!("{page}/challenge");
    let shopper = tokio::spawn(async move {
        http_client()
            .post(&challenge)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(encode(&decision))
            .send()
            .await
            .is_err()
    });
    let db = store::connect(&env.settings().store_options())
        .await
        .unwrap();
    let key = format!("{id}:0:3ds");
    assert!(
        eventually(15, || async {
            test_charges::find(&db, &key).await.unwrap().is_some()
        })
        .await,
        "the decision reached the processor"
    );
    assert_eq!(
        payments::find(&db, &id).await.unwrap().unwrap().status,
        Status::Challenge
    );
    gateway.kill9();
    assert!(shopper.await.unwrap());

    env.unset("FAILPOINTS");
    let restarted = env.serve();
    let hits = rx.wait_for(1, 20).await;
    assert_eq!(get(&hits[0].fields, "x_result"), Some("completed"));
    assert!(verify(&hits[0].fields, &secret));
    let p = payments::find(&db, &id).await.unwrap().unwrap();
    assert_eq!(p.status, Status::Captured);
    assert!(p.attempt_in_flight.is_none());
    let (clean, _) = restarted.terminate();
    assert!(clean);
}

/// `http://host:port` of a URL.
fn gateway_base(url: &str) -> String {
    let u = url::Url::parse(url).unwrap();
    format!("http://{}:{}", u.host_str().unwrap(), u.port().unwrap())
}

#[tokio::test]
async fn a_shopper_cannot_cancel_while_the_charge_is_in_flight() {
    // Cancelling then would leave the charge's outcome nowhere to go.
    let app = TestApp::spawn().await;
    let page = app.open_payment(app.request("cancel-in-flight")).await;
    let (csrf, _) = app.form_tokens(&page).await;
    let id = page.trim_start_matches("/pay/");
    use sea_orm::ConnectionTrait;
    // Just started: well within the recovery's grace, so nothing forgets it meanwhile.
    let now = store::now_millis();
    app.db
        .orm()
        .execute_unprepared(&format!(
            "UPDATE payments SET attempt_key = '{id}:0', attempt_at = {now} WHERE id = '{id}'"
        ))
        .await
        .unwrap();
    let resp = app
        .client
        .get(app.url(&format!("{page}/cancel?token={csrf}")))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 303);
    assert_eq!(location(&resp), page, "back to the payment page");
    assert_eq!(app.payment_status(&page).await, "open");
}
