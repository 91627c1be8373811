//! The dashboard's payments (protocol.md section 9) on both databases: the list newest first,
//! each filter, cursor pages that visit every payment once, another merchant's payments never
//! shown (T28); a payment's timeline in order; capture, refund and void from the dashboard
//! through the same rules as `/refund` (racing it included), one operation per double submit,
//! each in the audit log, forged forms refused; and the `payments` CLI through the real binary.

use crate::dashboard::{Browser, COOKIE, FormOf};
use crate::helpers::*;
use crate::receiver::{Receiver, Reply};
use std::collections::HashSet;

const OWNER: &str = "owner@example.com";

fn id_of(page: &str) -> String {
    page.trim_start_matches("/pay/").to_string()
}

/// A payment of M paid with 4242: its id and x_gateway_reference.
async fn paid(app: &TestApp, reference: &str, amount: &str, kind: &str) -> (String, String) {
    let mut request = app.request(reference);
    set(&mut request, "x_amount", amount);
    set(&mut request, "x_transaction_type", kind);
    let page = app.open_payment(request).await;
    let values = query_of(&location(&app.pay(&page, CARD_OK).await));
    let gw = get(&values, "x_gateway_reference").unwrap().to_string();
    (id_of(&page), gw)
}

/// The values of `attribute="…"` in a page, in order.
fn attributes(html: &str, attribute: &str) -> Vec<String> {
    let marker = format!("{attribute}=\"");
    html.match_indices(&marker)
        .map(|(at, _)| {
            let start = at + marker.len();
            html[start..start + html[start..].find('"').unwrap()].to_string()
        })
        .collect()
}

fn listed(html: &str) -> Vec<String> {
    attributes(html, "data-payment-id")
}

/// The kinds of the timeline's events, in order.
fn timeline(html: &str) -> Vec<String> {
    let start = html.find("<ol id=\"timeline\"").expect("a timeline");
    let end = start + html[start..].find("</ol>").unwrap();
    attributes(&html[start..end], "data-kind")
}

/// The hidden `form_token` of the form `id`, if the page has that form.
fn form_token(html: &str, id: &str) -> Option<String> {
    let start = html.find(&format!("<form id=\"{id}\""))?;
    let end = start + html[start..].find("</form>")?;
    Some(hidden(&html[start..end], "form_token"))
}

/// The link of the element `id`, as a browser would follow it.
fn link(html: &str, id: &str) -> Option<String> {
    let start = html.find(&format!("id=\"{id}\""))?;
    let href = attributes(&html[start..], "href").into_iter().next()?;
    Some(href.replace("&amp;", "&").replace("&#38;", "&"))
}

/// Every page of a list, following its "older" links: the ids in order.
async fn all_pages(b: &Browser<'_>, first: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut next = Some(first.to_string());
    while let Some(path) = next {
        let (status, html) = b.get(&path).await;
        assert_eq!(status, 200, "{path}: {html}");
        ids.extend(listed(&html));
        next = link(&html, "older-page");
    }
    ids
}

/// (status, authorized, captured, refunded) of a payment.
async fn money(app: &TestApp, id: &str) -> (String, i64, i64, i64) {
    let q = |col: &str| format!("SELECT {col} FROM payments WHERE id = '{id}'");
    (
        app.payment_status(&format!("/pay/{id}")).await,
        app.count(&q("authorized_minor")).await,
        app.count(&q("captured_minor")).await,
        app.count(&q("refunded_minor")).await,
    )
}

/// What an operation changes, all of it: the money, the operations, callbacks and audit rows.
async fn everything(app: &TestApp, id: &str) -> (Vec<String>, (String, i64, i64, i64), [i64; 4]) {
    (
        app.snapshot().await,
        money(app, id).await,
        [
            app.count("SELECT COUNT(*) FROM operations").await,
            app.count("SELECT COUNT(*) FROM callbacks").await,
            app.count("SELECT COUNT(*) FROM audit_events WHERE event LIKE 'payment.%'")
                .await,
            app.count("SELECT COUNT(*) FROM idempotency_keys").await,
        ],
    )
}

/// Submits the operation form `op` of the payment's page as rendered.
async fn dashboard_op(
    b: &Browser<'_>,
    id: &str,
    op: &str,
    amount: Option<&str>,
) -> reqwest::Response {
    let (status, html) = b.get(&format!("/dashboard/payments/{id}")).await;
    assert_eq!(status, 200, "{html}");
    let token = form_token(&html, &format!("{op}-form")).unwrap_or_else(|| panic!("no {op} form"));
    let mut form = vec![("form_token", token.as_str())];
    if let Some(a) = amount {
        form.push(("amount", a));
    }
    b.post(&format!("/dashboard/payments/{id}/{op}"), &form)
        .await
}

/// The signed fields of a `/refund` of M's payment.
fn refund_fields(gw: &str, amount: &str) -> Vec<(String, String)> {
    signed(
        pairs(&[
            ("x_account_id", ACCOUNT),
            ("x_gateway_reference", gw),
            ("x_transaction_type", "refund"),
            ("x_amount", amount),
            ("x_currency", "USD"),
            ("x_test", "true"),
        ]),
        SECRET,
    )
}

/// A signed `/refund` of M's payment; its status.
async fn api_refund(app: &TestApp, gw: &str, amount: &str, key: &str) -> u16 {
    app.client
        .post(app.url("/refund"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("idempotency-key", key)
        .body(encode(&refund_fields(gw, amount)))
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

#[tokio::test]
async fn the_list_is_the_merchant_s_payments_newest_first_and_never_another_s() {
    let app = TestApp::spawn().await;
    let mine = Browser::logged_in(&app, ACCOUNT, OWNER).await;
    let theirs = Browser::logged_in(&app, OTHER_ACCOUNT, "other@example.com").await;
    let mut created = Vec::new();
    for i in 0..4 {
        created.push(id_of(
            &app.open_payment(app.request(&format!("order-{i}"))).await,
        ));
        // Ids are sortable to the millisecond.
        tokio::time::sleep(std::time::Duration::from_millis(2)).await;
    }
    let mut other = app.request("their-order");
    set(&mut other, "x_account_id", OTHER_ACCOUNT);
    let their_page = app
        .post_checkout_body(encode(&signed(other, OTHER_SECRET)))
        .await;
    let their_id = id_of(&location(&their_page));

    let (status, html) = mine.get("/dashboard/payments").await;
    assert_eq!(status, 200);
    assert!(html.contains("<table id=\"payments\""));
    assert!(html.contains("<form id=\"payments-filter\" class=\"filter\" method=\"get\""));
    created.reverse();
    assert_eq!(listed(&html), created, "newest first");
    assert!(html.contains("<td>$10.00</td>") && !html.contains("their-order"));
    let (_, theirs_html) = theirs.get("/dashboard/payments").await;
    assert_eq!(listed(&theirs_html), vec![their_id.clone()]);

    // Another merchant's payment is not found, whatever is asked of it (T28).
    let (status, _) = mine.get(&format!("/dashboard/payments/{their_id}")).await;
    assert_eq!(status, 404);
    assert_eq!(
        theirs
            .get(&format!("/dashboard/payments/{}", created[0]))
            .await
            .0,
        404
    );
    for made_up in ["0".repeat(32), "not-an-id".into()] {
        assert_eq!(
            mine.get(&format!("/dashboard/payments/{made_up}")).await.0,
            404
        );
    }
    let (status, html) = mine
        .get(&format!("/dashboard/payments/{}", created[0]))
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("<ol id=\"timeline\"") && html.contains("id=\"callbacks\""));
    let referenced = mine
        .get("/dashboard/payments?reference=their-order")
        .await
        .1;
    assert!(listed(&referenced).is_empty());
    // Anonymous: the login.
    let anonymous = app
        .client
        .get(app.url("/dashboard/payments"))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), 303);
}

#[tokio::test]
async fn each_filter_selects_what_it_names() {
    let app = TestApp::spawn().await;
    let b = Browser::logged_in(&app, ACCOUNT, OWNER).await;
    let open = id_of(&app.open_payment(app.request("f-open")).await);
    let (captured, _) = paid(&app, "f-sale", "10.00", "sale").await;
    let (authorized, _) = paid(&app, "f-auth", "10.00", "authorization").await;
    let list = |query: &str| {
        let b = &b;
        let path = format!("/dashboard/payments?{query}");
        async move {
            let (status, html) = b.get(&path).await;
            assert_eq!(status, 200, "{path}: {html}");
            listed(&html).into_iter().collect::<HashSet<_>>()
        }
    };
    let set_of = |ids: &[&String]| ids.iter().map(|s| s.to_string()).collect::<HashSet<_>>();
    assert_eq!(list("status=open").await, set_of(&[&open]));
    assert_eq!(list("status=captured").await, set_of(&[&captured]));
    assert_eq!(list("status=authorized").await, set_of(&[&authorized]));
    assert!(list("status=voided").await.is_empty());
    assert_eq!(list("reference=f-sale").await, set_of(&[&captured]));
    assert_eq!(
        list("reference=+f-sale+").await,
        set_of(&[&captured]),
        "trimmed"
    );
    assert!(list("reference=f-sale&status=open").await.is_empty());
    assert!(list("reference=f-nothing").await.is_empty());
    // Days in UTC: today holds all three; yesterday and tomorrow none.
    let day = |offset: i64| {
        let t = time::OffsetDateTime::now_utc() + time::Duration::days(offset);
        format!("{:04}-{:02}-{:02}", t.year(), u8::from(t.month()), t.day())
    };
    let all = set_of(&[&open, &captured, &authorized]);
    let (today, yesterday, tomorrow) = (day(0), day(-1), day(1));
    assert_eq!(list(&format!("from={today}&to={today}")).await, all);
    assert_eq!(list(&format!("from={yesterday}")).await, all);
    assert!(list(&format!("to={yesterday}")).await.is_empty());
    assert!(list(&format!("from={tomorrow}")).await.is_empty());
    assert_eq!(
        list(&format!("status=captured&from={today}&to={tomorrow}")).await,
        set_of(&[&captured])
    );
    assert!(
        list(&format!("reference=f-sale&to={yesterday}"))
            .await
            .is_empty()
    );
    // The form keeps what was asked; a filter it cannot read is said so.
    let (_, html) = b
        .get("/dashboard/payments?status=captured&reference=f-sale")
        .await;
    assert!(html.contains("<option value=\"captured\" selected>"));
    assert!(html.contains("value=\"f-sale\""));
    for bad in ["status=paid", "from=yesterday", "to=2026-02-30"] {
        let (status, html) = b.get(&format!("/dashboard/payments?{bad}")).await;
        assert_eq!(status, 422, "{bad}");
        assert!(
            html.contains("id=\"payments-error\"") && listed(&html).is_empty(),
            "{bad}"
        );
    }
    assert_eq!(b.get("/dashboard/payments?after=xyz").await.0, 400);
}

#[tokio::test]
async fn cursor_pages_visit_every_payment_exactly_once() {
    use sea_orm::ConnectionTrait;
    let app = TestApp::spawn().await;
    let b = Browser::logged_in(&app, ACCOUNT, OWNER).await;
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..120 {
        let mut request = app.request(&format!("page-{i}"));
        if i % 10 == 0 {
            set(&mut request, "x_account_id", OTHER_ACCOUNT);
        }
        let body = encode(&signed(
            request,
            if i % 10 == 0 { OTHER_SECRET } else { SECRET },
        ));
        let (client, url) = (app.client.clone(), app.url("/checkout"));
        tasks.spawn(async move {
            let resp = client
                .post(url)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(body)
                .send()
                .await
                .unwrap();
            assert_eq!(resp.status(), 303);
        });
    }
    tasks.join_all().await;
    // Half of M's are captured, for a filtered walk across pages too.
    app.exec(&format!(
        "UPDATE payments SET status = 'captured' WHERE merchant_id = '{ACCOUNT}' \
         AND CAST(SUBSTR(reference, 6) AS INTEGER) % 2 = 1"
    ))
    .await;
    let expected = |status: Option<&str>| {
        let app = &app;
        let status = status.map(str::to_string);
        async move {
            let rows = app
                .db
                .orm()
                .query_all_raw(sea_orm::Statement::from_string(
                    app.db.orm().get_database_backend(),
                    format!(
                        "SELECT id FROM payments WHERE merchant_id = '{ACCOUNT}' {} ORDER BY id DESC",
                        status.map_or(String::new(), |s| format!("AND status = '{s}'"))
                    ),
                ))
                .await
                .unwrap();
            rows.iter()
                .map(|r| r.try_get_by_index::<String>(0).unwrap())
                .collect::<Vec<_>>()
        }
    };
    let walked = all_pages(&b, "/dashboard/payments").await;
    assert_eq!(walked.len(), 108, "every payment of M's, none of N's");
    assert_eq!(
        walked.iter().collect::<HashSet<_>>().len(),
        walked.len(),
        "no duplicates"
    );
    assert_eq!(walked, expected(None).await, "newest first across pages");

    let captured = all_pages(&b, "/dashboard/payments?status=captured").await;
    assert_eq!(captured, expected(Some("captured")).await);
    assert_eq!(captured.len(), 60);
    // The filter travels with the cursor.
    let (_, first) = b.get("/dashboard/payments?status=captured").await;
    let older = link(&first, "older-page").unwrap();
    assert!(
        older.contains("status=captured") && older.contains("after="),
        "{older}"
    );
    let (_, second) = b.get(&older).await;
    assert!(
        link(&second, "newest-page")
            .unwrap()
            .ends_with("?status=captured")
    );
}

#[tokio::test]
async fn a_timeline_tells_a_payment_s_life_in_order_with_every_callback_attempt() {
    let app = TestApp::spawn().await;
    let b = Browser::logged_in(&app, ACCOUNT, OWNER).await;
    let rx = Receiver::start().await;
    // The first callback fails once, then every one is taken.
    rx.then(&[Reply::Status(500)]);
    let mut request = app.request("life");
    set(&mut request, "x_amount", "100.00");
    set(&mut request, "x_transaction_type", "authorization");
    set(&mut request, "x_url_callback", &rx.url("/cb"));
    let page = app.open_payment(request).await;
    let id = id_of(&page);
    // A decline, then a card that asks for 3-D Secure, which the shopper passes.
    assert_eq!(location(&app.pay(&page, "4000 0000 0000 0002").await), page);
    assert_eq!(location(&app.pay(&page, "4000 0000 0000 3220").await), page);
    let (_, html) = app.get_page(&page).await;
    let form = pairs(&[
        ("csrf_token", &hidden(&html, "csrf_token")),
        ("attempt", &hidden(&html, "attempt")),
        ("decision", "approve"),
    ]);
    let resp = app.post_form(&format!("{page}/challenge"), &form).await;
    assert_eq!(resp.status(), 303);
    assert_eq!(rx.wait_for(2, 15).await.len(), 2, "a 500, then delivered");

    assert_eq!(
        dashboard_op(&b, &id, "capture", Some("60.00"))
            .await
            .status(),
        303
    );
    assert_eq!(rx.wait_for(3, 15).await.len(), 3);
    assert_eq!(
        dashboard_op(&b, &id, "refund", Some("25.00"))
            .await
            .status(),
        303
    );
    let hits = rx.wait_for(4, 15).await;
    assert!(hits.iter().all(|h| verify(&h.fields, SECRET)), "all signed");
    // The refund's last attempt is recorded after the storefront answered.
    assert!(
        eventually(10, || async {
            app.count("SELECT COUNT(*) FROM callback_attempts").await == 4
        })
        .await
    );

    let (status, html) = b
        .get(&format!("/dashboard/payments/{id}?done=refund"))
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("id=\"message\"") && html.contains("The refund is done."));
    assert_eq!(
        timeline(&html),
        [
            "request",
            "page_shown",
            "charge.declined",
            "3ds.challenge",
            "3ds.passed",
            "outcome",
            "callback",
            "callback.attempt",
            "callback.attempt",
            "capture",
            "callback",
            "callback.attempt",
            "refund",
            "callback",
            "callback.attempt",
        ],
        "{html}"
    );
    for text in [
        "Payment request received: $100.00, authorization, test",
        "Card attempt 1 (visa ···· 0002): declined — Your card was declined.",
        "Card attempt 2 (visa ···· 3220): 3-D Secure challenge asked",
        "3-D Secure of attempt 2 passed",
        "Outcome: completed",
        "Capture of $60.00 (",
        "Refund of $25.00 (",
        ": HTTP 500 in ",
        ": HTTP 200 in ",
    ] {
        assert!(html.contains(text), "{text}");
    }
    // Nothing card-sensitive: the number is never on the page, or in the events table.
    assert!(!html.contains("4000000000003220") && !html.contains("4000 0000"));
    // The callbacks: three, the first with both of its attempts, each with a resend form.
    let callbacks = &html[html.find("id=\"callbacks\"").unwrap()..];
    assert_eq!(attributes(callbacks, "data-callback-id").len(), 3);
    assert_eq!(attributes(callbacks, "data-attempt"), ["1", "2", "1", "1"]);
    assert_eq!(callbacks.matches("<form class=\"resend-form\"").count(), 3);
    // Money as it stands, and the forms that still apply.
    assert!(html.contains("<dd id=\"captured\">$60.00</dd>"));
    assert!(html.contains("<dd id=\"refunded\">$25.00</dd>"));
    assert!(form_token(&html, "refund-form").is_some());
    assert!(
        html.contains("value=\"35.00\""),
        "the rest of the capture is offered"
    );
    assert!(form_token(&html, "void-form").is_none());

    // The page shown is recorded once, however often it is shown.
    for _ in 0..3 {
        app.get_page(&page).await;
    }
    let shown = "SELECT COUNT(*) FROM payment_events WHERE kind = 'page_shown'";
    assert_eq!(app.count(shown).await, 1);

    // A callback sent again from its form: a new one, audit-logged.
    let first = attributes(callbacks, "data-callback-id")[0].clone();
    let resp = b
        .post(
            &format!("/dashboard/payments/{id}/callbacks/{first}/resend"),
            &[],
        )
        .await;
    assert_eq!(resp.status(), 303);
    assert_eq!(
        location(&resp),
        format!("/dashboard/payments/{id}?done=resend")
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM callbacks").await, 4);
    let resent = "SELECT COUNT(*) FROM audit_events WHERE event = 'callbacks.resent'";
    assert_eq!(app.count(resent).await, 1);
    // Not through another payment's address.
    let (other, _) = paid(&app, "life-other", "10.00", "sale").await;
    let resp = b
        .post(
            &format!("/dashboard/payments/{other}/callbacks/{first}/resend"),
            &[],
        )
        .await;
    assert_eq!(resp.status(), 404);
}

#[tokio::test]
async fn a_dashboard_refund_takes_part_then_the_rest_and_never_more() {
    let app = TestApp::spawn().await;
    let b = Browser::logged_in(&app, ACCOUNT, OWNER).await;
    let (id, _) = paid(&app, "refund-parts", "100.00", "sale").await;
    let resp = dashboard_op(&b, &id, "refund", Some("30.00")).await;
    assert_eq!(resp.status(), 303);
    assert_eq!(
        location(&resp),
        format!("/dashboard/payments/{id}?done=refund")
    );
    assert_eq!(
        money(&app, &id).await,
        ("captured".into(), 10000, 10000, 3000)
    );

    // More than is left: refused, and nothing at all changed.
    let before = everything(&app, &id).await;
    let resp = dashboard_op(&b, &id, "refund", Some("70.01")).await;
    assert_eq!(resp.status(), 422);
    let html = resp.text().await.unwrap();
    assert!(html.contains("id=\"payment-error\""), "{html}");
    assert!(
        html.contains("more than the captured amount not yet refunded"),
        "{html}"
    );
    for (amount, why) in [
        ("0.00", "zero"),
        ("-1.00", "negative"),
        ("5", "no cents"),
        ("", "empty"),
    ] {
        let resp = dashboard_op(&b, &id, "refund", Some(amount)).await;
        assert_eq!(resp.status(), 422, "{why}");
    }
    assert_eq!(everything(&app, &id).await, before);

    assert_eq!(
        dashboard_op(&b, &id, "refund", Some("70.00"))
            .await
            .status(),
        303
    );
    assert_eq!(
        money(&app, &id).await,
        ("captured".into(), 10000, 10000, 10000)
    );
    let (_, html) = b.get(&format!("/dashboard/payments/{id}")).await;
    assert!(
        form_token(&html, "refund-form").is_none(),
        "nothing left to refund"
    );
    assert!(html.contains("id=\"no-operations\""));
    // Even a form kept from before is refused now.
    let before = everything(&app, &id).await;
    let token = "ab".repeat(16);
    let resp = b
        .post(
            &format!("/dashboard/payments/{id}/refund"),
            &[("form_token", &token), ("amount", "0.01")],
        )
        .await;
    assert_eq!(resp.status(), 422);
    assert_eq!(everything(&app, &id).await, before);
}

#[tokio::test]
async fn refunds_racing_between_the_dashboard_and_the_api_never_exceed_the_capture() {
    let app = TestApp::spawn().await;
    let b = Browser::logged_in(&app, ACCOUNT, OWNER).await;
    let csrf = b.csrf().await;
    let cookie = format!("{COOKIE}={}", b.session.clone().unwrap());
    for round in 0..10 {
        // 10.00 captured; eight refunds of 3.00 at once, half from each side: three fit.
        let (id, gw) = paid(&app, &format!("race-{round}"), "10.00", "sale").await;
        let mut set = tokio::task::JoinSet::new();
        for i in 0..4 {
            let dashboard = app
                .client
                .post(app.url(&format!("/dashboard/payments/{id}/refund")))
                .header("cookie", cookie.clone())
                .form_of(&[
                    ("csrf_token", csrf.as_str()),
                    ("form_token", &format!("{round:02}{i:02}{}", "c".repeat(28))),
                    ("amount", "3.00"),
                ]);
            let api = app
                .client
                .post(app.url("/refund"))
                .header("content-type", "application/x-www-form-urlencoded")
                .header("idempotency-key", format!("r{round}-{i}"))
                .body(encode(&refund_fields(&gw, "3.00")));
            set.spawn(async move { ("dashboard", dashboard.send().await.unwrap().status()) });
            set.spawn(async move { ("api", api.send().await.unwrap().status()) });
        }
        let answers = set.join_all().await;
        let won = answers
            .iter()
            .filter(|(side, s)| s.as_u16() == if *side == "api" { 200 } else { 303 })
            .count();
        assert_eq!(won, 3, "round {round}: {answers:?}");
        let refused = answers.iter().filter(|(_, s)| s.as_u16() == 422).count();
        assert_eq!(refused, 5, "round {round}: {answers:?}");
        assert_eq!(
            money(&app, &id).await,
            ("captured".into(), 1000, 1000, 900),
            "round {round}"
        );
        let ops = format!("SELECT COUNT(*) FROM operations WHERE payment_id = '{id}'");
        assert_eq!(app.count(&ops).await, 3);
    }
}

#[tokio::test]
async fn a_double_submitted_refund_form_is_one_refund() {
    let app = TestApp::spawn().await;
    let b = Browser::logged_in(&app, ACCOUNT, OWNER).await;
    let (id, _) = paid(&app, "double", "100.00", "sale").await;
    let (_, html) = b.get(&format!("/dashboard/payments/{id}")).await;
    let token = form_token(&html, "refund-form").unwrap();
    let path = format!("/dashboard/payments/{id}/refund");
    let form = [("form_token", token.as_str()), ("amount", "10.00")];
    // Twice in a row, then five at once: one refund, every answer the same.
    for _ in 0..2 {
        assert_eq!(b.post(&path, &form).await.status(), 303);
    }
    let csrf = b.csrf().await;
    let cookie = format!("{COOKIE}={}", b.session.clone().unwrap());
    let mut set = tokio::task::JoinSet::new();
    for _ in 0..5 {
        let (client, url, cookie, csrf, token) = (
            app.client.clone(),
            app.url(&path),
            cookie.clone(),
            csrf.clone(),
            token.clone(),
        );
        set.spawn(async move {
            client
                .post(url)
                .header("cookie", cookie)
                .form_of(&[
                    ("csrf_token", &csrf),
                    ("form_token", &token),
                    ("amount", "10.00"),
                ])
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        });
    }
    assert_eq!(set.join_all().await, [303; 5]);
    assert_eq!(money(&app, &id).await.3, 1000, "one refund");
    assert_eq!(app.count("SELECT COUNT(*) FROM operations").await, 1);
    let audited = "SELECT COUNT(*) FROM audit_events WHERE event = 'payment.refunded'";
    assert_eq!(app.count(audited).await, 1);
    // The same token with another amount is not the same form: refused, nothing changed.
    let before = everything(&app, &id).await;
    let resp = b
        .post(
            &path,
            &[("form_token", token.as_str()), ("amount", "20.00")],
        )
        .await;
    assert_eq!(resp.status(), 409);
    assert_eq!(everything(&app, &id).await, before);
    // A page rendered again has a new token: a second refund is a second refund.
    assert_eq!(
        dashboard_op(&b, &id, "refund", Some("10.00"))
            .await
            .status(),
        303
    );
    assert_eq!(money(&app, &id).await.3, 2000);
}

#[tokio::test]
async fn each_dashboard_operation_is_audited_signed_with_the_payment_s_secret_and_called_back() {
    let app = TestApp::spawn().await;
    let b = Browser::logged_in(&app, ACCOUNT, OWNER).await;
    let rx = Receiver::start().await;
    let mut request = app.request("audited");
    set(&mut request, "x_amount", "100.00");
    set(&mut request, "x_transaction_type", "authorization");
    set(&mut request, "x_url_callback", &rx.url("/cb"));
    let page = app.open_payment(request).await;
    app.pay(&page, CARD_OK).await;
    let id = id_of(&page);
    rx.wait_for(1, 10).await;
    // The secret is rotated: the payment's answers are still signed with the secret that
    // verified its request, while that one is valid.
    assert_eq!(b.rotate("3600").await.0, 200);

    assert_eq!(
        dashboard_op(&b, &id, "capture", Some("40.00"))
            .await
            .status(),
        303
    );
    assert_eq!(
        dashboard_op(&b, &id, "refund", Some("10.00"))
            .await
            .status(),
        303
    );
    let (voidable, _) = paid(&app, "audited-void", "5.00", "authorization").await;
    assert_eq!(
        dashboard_op(&b, &voidable, "void", None).await.status(),
        303
    );
    assert_eq!(
        money(&app, &id).await,
        ("captured".into(), 10000, 4000, 1000)
    );
    assert_eq!(money(&app, &voidable).await.0, "voided");

    let hits = rx.wait_for(3, 10).await;
    let kinds: Vec<_> = hits[1..]
        .iter()
        .map(|h| get(&h.fields, "x_transaction_type").unwrap().to_string())
        .collect();
    assert_eq!(kinds, ["capture", "refund"]);
    for h in &hits[1..] {
        assert!(
            verify(&h.fields, SECRET),
            "signed with the payment's secret"
        );
        assert_eq!(get(&h.fields, "x_reference"), Some("audited"));
        assert_eq!(get(&h.fields, "x_result"), Some("completed"));
    }
    assert_eq!(get(&hits[2].fields, "x_amount"), Some("10.00"));

    for (event, n) in [
        ("payment.captured", 1),
        ("payment.refunded", 1),
        ("payment.voided", 1),
    ] {
        let q = format!(
            "SELECT COUNT(*) FROM audit_events WHERE event = '{event}' AND actor = '{OWNER}' \
             AND account_id = '{ACCOUNT}'"
        );
        assert_eq!(app.count(&q).await, n, "{event}");
    }
    let (_, overview) = b.get("/dashboard").await;
    for event in ["payment.captured", "payment.refunded", "payment.voided"] {
        assert!(
            overview.contains(&format!("data-event=\"{event}\"")),
            "{event}"
        );
    }
    assert!(overview.contains("refund of $10.00 USD of payment"));
}

#[tokio::test]
async fn forged_operation_forms_change_nothing() {
    let app = TestApp::spawn().await;
    let b = Browser::logged_in(&app, ACCOUNT, OWNER).await;
    let other = Browser::logged_in(&app, OTHER_ACCOUNT, "other@example.com").await;
    let (id, _) = paid(&app, "forged", "100.00", "authorization").await;
    let (_, html) = b.get(&format!("/dashboard/payments/{id}")).await;
    let token = form_token(&html, "capture-form").unwrap();
    let csrf = b.csrf().await;
    let foreign_csrf = other.csrf().await;
    let before = everything(&app, &id).await;
    let path = format!("/dashboard/payments/{id}/capture");
    let cookie = format!("{COOKIE}={}", b.session.clone().unwrap());
    let send = |form: Vec<(&'static str, String)>, header: Option<(&'static str, &'static str)>| {
        let (client, url, cookie) = (app.client.clone(), app.url(&path), cookie.clone());
        async move {
            let pairs: Vec<(&str, &str)> = form.iter().map(|(n, v)| (*n, v.as_str())).collect();
            let mut req = client.post(url).header("cookie", cookie).form_of(&pairs);
            if let Some((name, value)) = header {
                req = req.header(name, value);
            }
            req.send().await.unwrap().status().as_u16()
        }
    };
    let capture = |csrf: Option<&str>| {
        let mut form = vec![
            ("form_token", token.clone()),
            ("amount", "10.00".to_string()),
        ];
        if let Some(c) = csrf {
            form.push(("csrf_token", c.to_string()));
        }
        form
    };
    assert_eq!(send(capture(None), None).await, 403, "no token");
    assert_eq!(
        send(capture(Some(&foreign_csrf)), None).await,
        403,
        "another session's"
    );
    assert_eq!(send(capture(Some("")), None).await, 403, "an empty token");
    for header in [
        ("origin", "https://evil.example"),
        ("origin", "null"),
        ("sec-fetch-site", "cross-site"),
    ] {
        assert_eq!(
            send(capture(Some(&csrf)), Some(header)).await,
            403,
            "{header:?}"
        );
    }
    // No session at all: the login.
    let anonymous = app
        .client
        .post(app.url(&path))
        .form_of(&[
            ("csrf_token", &csrf),
            ("form_token", &token),
            ("amount", "10.00"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), 303);
    // Another merchant's user, with their own valid token: not found.
    let resp = other
        .post(
            &path,
            &[("form_token", token.as_str()), ("amount", "10.00")],
        )
        .await;
    assert_eq!(resp.status(), 404);
    let resp = other
        .post(
            &format!("/dashboard/payments/{id}/void"),
            &[("form_token", token.as_str())],
        )
        .await;
    assert_eq!(resp.status(), 404);
    // A form without its own token, or an operation that does not exist.
    assert_eq!(b.post(&path, &[("amount", "10.00")]).await.status(), 400);
    assert_eq!(
        b.post(
            &format!("/dashboard/payments/{id}/steal"),
            &[("form_token", token.as_str())]
        )
        .await
        .status(),
        404
    );
    assert_eq!(everything(&app, &id).await, before);
    // The real form still works afterwards.
    assert_eq!(send(capture(Some(&csrf)), None).await, 303);
    assert_eq!(money(&app, &id).await.2, 1000);
}

#[tokio::test]
async fn the_cli_lists_payments_and_shows_a_timeline_through_the_real_binary() {
    let app = TestApp::spawn().await;
    let open = id_of(&app.open_payment(app.request("cli-open")).await);
    tokio::time::sleep(std::time::Duration::from_millis(2)).await;
    let (sale, gw) = paid(&app, "cli-sale", "20.00", "sale").await;
    assert_eq!(api_refund(&app, &gw, "5.00", "cli-refund").await, 200);
    let cli = |args: &[&str]| {
        std::process::Command::new(crate::process::BIN)
            .args(args)
            .env("DATABASE_URL", &app.settings.database_url)
            .env("GATEWAY_MASTER_KEY", app.master_key_base64())
            .env("RUST_LOG", "warn")
            .output()
            .unwrap()
    };
    let json = |args: &[&str]| -> serde_json::Value {
        serde_json::from_str(&crate::process::succeeded(cli(args))).unwrap()
    };
    let listed = json(&["payments", "list", "--json"]);
    let ids: Vec<_> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [sale.as_str(), open.as_str()], "newest first");
    assert_eq!(listed[0]["status"], "captured");
    assert_eq!(listed[0]["amount"], "$20.00 USD");
    assert_eq!(listed[0]["refunded_minor"], 500);
    assert_eq!(listed[0]["card_last4"], "4242");
    assert_eq!(listed[0]["test"], true);
    let captured = json(&[
        "payments",
        "list",
        "--account",
        ACCOUNT,
        "--status",
        "captured",
        "--json",
    ]);
    assert_eq!(captured.as_array().unwrap().len(), 1);
    let by_reference = json(&[
        "payments",
        "list",
        "--account",
        ACCOUNT,
        "--reference",
        "cli-open",
        "--json",
    ]);
    assert_eq!(by_reference[0]["id"], open.as_str());
    assert_eq!(
        json(&["payments", "list", "--account", OTHER_ACCOUNT, "--json"]),
        serde_json::json!([])
    );
    assert_eq!(
        json(&["payments", "list", "--limit", "1", "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let table = crate::process::succeeded(cli(&["payments", "list"]));
    assert!(
        table.contains("cli-sale") && table.contains("$20.00 USD"),
        "{table}"
    );
    assert!(
        !cli(&["payments", "list", "--status", "paid"])
            .status
            .success()
    );

    let shown = json(&["payments", "show", &sale, "--json"]);
    assert_eq!(shown["payment"]["reference"], "cli-sale");
    assert_eq!(shown["payment"]["refunded_minor"], 500);
    // The callback's attempts (to a closed port) come and go while the test runs.
    let kinds: Vec<_> = shown["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .filter(|k| *k != "callback.attempt")
        .collect();
    assert_eq!(
        kinds,
        [
            "request",
            "page_shown",
            "charge.approved",
            "outcome",
            "callback",
            "refund"
        ],
        "{shown}"
    );
    assert_eq!(
        shown["callbacks"].as_array().unwrap().len(),
        1,
        "the refund named no callback URL"
    );
    let text = crate::process::succeeded(cli(&["payments", "show", &sale]));
    assert!(
        text.contains("Refund of $5.00 (") && text.contains("cli-sale"),
        "{text}"
    );
    let missing = cli(&["payments", "show", &"0".repeat(32)]);
    assert!(!missing.status.success());
}
