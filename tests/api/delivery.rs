//! The dashboard's callback delivery panel and "send again" (issue 12), on both databases: a
//! broken storefront shows as failures, waiting callbacks and ones that gave up before anyone
//! asks; one press sends again every callback of the merchant's that gave up (and only those:
//! never another merchant's), audit-logged, CSRF-checked; the storefront then gets them.

use crate::dashboard::Browser;
use crate::helpers::*;
use crate::receiver::{Receiver, Reply};
use offsite_gateway::callbacks::RetrySchedule;
use offsite_gateway::store::callbacks;

async fn paid(app: &TestApp, reference: &str, account: (&str, &str), url: &str) -> String {
    let mut request = app.request(reference);
    set(&mut request, "x_account_id", account.0);
    set(&mut request, "x_url_callback", url);
    let resp = app.checkout_with_secret(request, account.1).await;
    assert_eq!(resp.status(), 303);
    let page = location(&resp);
    assert_eq!(app.pay(&page, CARD_OK).await.status(), 303);
    page
}

/// The text of the element with `id`, its tags removed.
fn text_of(page: &str, id: &str) -> String {
    let start = page
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no #{id}"));
    let open_end = page[start..].find('>').unwrap() + start + 1;
    let close = page[open_end..]
        .find("</dd>")
        .map_or(page.len(), |c| c + open_end);
    let mut out = String::new();
    let mut in_tag = false;
    for ch in page[open_end..close].chars() {
        match ch {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.trim().to_string()
}

#[tokio::test]
async fn a_broken_storefront_shows_and_its_callbacks_can_be_sent_again() {
    let app = TestApp::spawn_with(|s| {
        s.callback_retry_schedule = RetrySchedule::parse("100ms").unwrap();
    })
    .await;
    let rx = Receiver::start().await;
    rx.otherwise(Reply::Status(503));
    let b = Browser::logged_in(&app, ACCOUNT, "owner@example.com").await;
    let (_, page) = b.get("/dashboard/developers").await;
    assert_eq!(text_of(&page, "delivery-attempts"), "0");
    assert!(!page.contains("id=\"resend-gave-up-form\""));

    // Two payments whose callbacks fail twice and give up; one of another merchant's too.
    let first = paid(&app, "broken-1", (ACCOUNT, SECRET), &rx.url("/cb")).await;
    let second = paid(&app, "broken-2", (ACCOUNT, SECRET), &rx.url("/cb")).await;
    let theirs = paid(
        &app,
        "broken-3",
        (OTHER_ACCOUNT, OTHER_SECRET),
        &rx.url("/other"),
    )
    .await;
    let gave_up = "SELECT COUNT(*) FROM callbacks WHERE status = 'gave_up'";
    assert!(eventually(15, || async { app.count(gave_up).await == 3 }).await);

    let (_, page) = b.get("/dashboard/developers").await;
    assert_eq!(
        text_of(&page, "delivery-attempts"),
        "4",
        "two attempts each, ours only"
    );
    assert_eq!(text_of(&page, "delivery-success-rate"), "0.0 %");
    assert_eq!(text_of(&page, "delivery-gave-up"), "2");
    assert!(page.contains("id=\"delivery-warning\""));
    assert!(text_of(&page, "delivery-time").contains(" ms"));

    // A forged press does nothing.
    let before = app.count("SELECT COUNT(*) FROM callbacks").await;
    let resp = b
        .post_raw("/dashboard/developers", &[("intent", "resend_gave_up")])
        .await;
    assert_eq!(resp.status(), 403);
    assert_eq!(app.count("SELECT COUNT(*) FROM callbacks").await, before);

    // The storefront is fixed; one press sends both again, and they are delivered.
    rx.otherwise(Reply::Status(200));
    let resp = b
        .post("/dashboard/developers", &[("intent", "resend_gave_up")])
        .await;
    assert_eq!(resp.status(), 303);
    assert_eq!(location(&resp), "/dashboard/developers?resent=2");
    let delivered = |page: &str| {
        let page = page.trim_start_matches("/pay/").to_string();
        let app = &app;
        async move {
            callbacks::for_payment(&app.db, &page)
                .await
                .unwrap()
                .iter()
                .any(|c| c.status == callbacks::DELIVERED)
        }
    };
    assert!(eventually(10, || delivered(&first)).await);
    assert!(eventually(10, || delivered(&second)).await);
    assert!(
        !delivered(&theirs).await,
        "another merchant's callback stays as it was"
    );
    let to_ours = rx.hits().iter().filter(|h| h.path == "/cb").count();
    assert_eq!(
        to_ours, 6,
        "two failed attempts each, then one delivery each"
    );

    let (_, page) = b.get("/dashboard/developers?resent=2").await;
    assert!(page.contains("2 callbacks are being sent again."));
    assert_eq!(text_of(&page, "delivery-gave-up"), "0");
    assert!(!page.contains("id=\"resend-gave-up-form\""));
    assert!(
        b.get("/dashboard")
            .await
            .1
            .contains("data-event=\"callbacks.resent\"")
    );
    // A second press finds nothing left.
    let resp = b
        .post("/dashboard/developers", &[("intent", "resend_gave_up")])
        .await;
    assert_eq!(location(&resp), "/dashboard/developers?resent=0");
}

#[tokio::test]
async fn waiting_callbacks_show_with_the_age_of_the_oldest() {
    let app = TestApp::spawn_with(|s| {
        s.callback_retry_schedule = RetrySchedule::parse("1h").unwrap();
    })
    .await;
    let rx = Receiver::start().await;
    rx.otherwise(Reply::Status(500));
    let b = Browser::logged_in(&app, ACCOUNT, "owner@example.com").await;
    paid(&app, "waiting-1", (ACCOUNT, SECRET), &rx.url("/cb")).await;
    assert!(!rx.wait_for(1, 10).await.is_empty());
    // Created 20 minutes ago, as far as the panel can tell.
    app.exec("UPDATE callbacks SET created_at = created_at - 1200000")
        .await;
    let (_, page) = b.get("/dashboard/developers").await;
    let waiting = text_of(&page, "delivery-waiting");
    assert!(
        waiting == "1, the oldest created 20 minutes ago",
        "{waiting}"
    );
    assert!(page.contains("id=\"delivery-warning\""));
    // Another merchant's user sees none of it.
    let other = Browser::logged_in(&app, OTHER_ACCOUNT, "other@example.com").await;
    let (_, page) = other.get("/dashboard/developers").await;
    assert_eq!(text_of(&page, "delivery-waiting"), "0");
    assert_eq!(text_of(&page, "delivery-attempts"), "0");
}

#[tokio::test]
async fn one_callback_is_resent_only_for_its_own_merchant() {
    let app = TestApp::spawn().await;
    let rx = Receiver::start().await;
    let page = paid(&app, "one-1", (ACCOUNT, SECRET), &rx.url("/cb")).await;
    let id = callbacks::for_payment(&app.db, page.trim_start_matches("/pay/"))
        .await
        .unwrap()[0]
        .id;
    let now = offsite_gateway::store::now_millis();
    let theirs = callbacks::resend_for(&app.db, OTHER_ACCOUNT, None, id, now, None)
        .await
        .unwrap();
    assert_eq!(theirs, None, "another merchant's id is not found");
    let ours = callbacks::resend_for(&app.db, ACCOUNT, None, id, now, None)
        .await
        .unwrap();
    assert!(ours.is_some_and(|new| new > id));
}
