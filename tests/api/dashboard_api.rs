//! The developers page's API keys and webhook endpoints over HTTP, on both databases
//! (protocol.md sections 9, 11 and 12; T26, T27, T28): a key or secret is shown once and then
//! never, a key made there works as a bearer until it is revoked, a live key for a test-only
//! merchant is refused, a bad endpoint stores nothing, rotation, deletion, a delivery listed and
//! sent again, every action audit-logged, forged forms refused, and another merchant's user
//! reaching none of it.

use crate::dashboard::{Browser, element_text};
use crate::helpers::*;
use crate::receiver::Receiver;
use reqwest::Method;
use sea_orm::{ConnectionTrait, Statement};

const OWNER: &str = "owner@example.com";

/// Every value of `attr` on the page, in order (`data-key-id`, `data-endpoint-id`, …).
fn attr_values(page: &str, attr: &str) -> Vec<String> {
    let marker = format!("{attr}=\"");
    page.match_indices(&marker)
        .map(|(at, _)| {
            let rest = &page[at + marker.len()..];
            rest[..rest.find('"').unwrap()].to_string()
        })
        .collect()
}

/// The `<tr>` whose `attr` is `value`, as text.
fn row<'p>(page: &'p str, attr: &str, value: &str) -> &'p str {
    let start = page
        .find(&format!("<tr {attr}=\"{value}\""))
        .unwrap_or_else(|| panic!("no row {attr}={value} in {page}"));
    let end = page[start..].find("</tr>").unwrap() + start;
    &page[start..end]
}

/// The rows of the tables these forms change, plus the shared snapshot: equal before and after
/// = nothing changed.
async fn state_of(app: &TestApp) -> Vec<String> {
    let mut out = app.snapshot().await;
    for (table, cols) in [
        (
            "api_keys",
            "id || '|' || merchant_id || '|' || COALESCE(CAST(revoked_at AS TEXT), '~')",
        ),
        (
            "webhook_endpoints",
            "id || '|' || url || '|' || events || '|' || secret_sealed || '|' \
             || COALESCE(CAST(deleted_at AS TEXT), '~')",
        ),
        ("callbacks", "CAST(id AS TEXT) || '|' || status"),
        ("audit_events", "event || '|' || actor"),
    ] {
        let backend = app.db.orm().get_database_backend();
        let rows = app
            .db
            .orm()
            .query_all_raw(Statement::from_string(
                backend,
                format!("SELECT {cols} FROM {table} ORDER BY 1"),
            ))
            .await
            .unwrap();
        out.push(format!("{table}: {} rows", rows.len()));
        out.extend(
            rows.iter()
                .map(|r| r.try_get_by_index::<String>(0).unwrap()),
        );
    }
    out
}

/// How many audit rows of `event` the owner wrote for merchant M, from an address.
async fn audited(app: &TestApp, event: &str) -> i64 {
    app.count(&format!(
        "SELECT COUNT(*) FROM audit_events WHERE event = '{event}' AND actor = '{OWNER}' \
         AND account_id = '{ACCOUNT}' AND ip IS NOT NULL"
    ))
    .await
}

/// Makes a key through the page's form; the status and the page.
async fn make_key(b: &Browser<'_>, live: bool) -> (u16, String) {
    let form: &[(&str, &str)] = if live { &[("live", "true")] } else { &[] };
    let resp = b.post("/dashboard/developers/api-keys", form).await;
    (resp.status().as_u16(), resp.text().await.unwrap())
}

/// Adds an endpoint through the page's form; the status and the page.
async fn make_endpoint(b: &Browser<'_>, url: &str, events: &[&str]) -> (u16, String) {
    let mut form = vec![("url", url)];
    form.extend(events.iter().map(|e| ("events", *e)));
    let resp = b
        .post("/dashboard/developers/webhook-endpoints", &form)
        .await;
    (resp.status().as_u16(), resp.text().await.unwrap())
}

/// The id of the endpoint a page just made (its only row, or the last).
fn endpoint_id(page: &str) -> String {
    attr_values(page, "data-endpoint-id")
        .pop()
        .expect("an endpoint row")
}

/// A session of merchant M paid on its page; its payment id.
async fn paid_session(app: &TestApp, reference: &str) -> String {
    let key = app.api_key(ACCOUNT, false).await;
    let body = app.session_body(reference, 1250);
    let (status, session, _) = app
        .api(Method::POST, "/v1/sessions", &key, Some(body), None)
        .await;
    assert_eq!(status, 201, "{session}");
    let url = url::Url::parse(session["url"].as_str().unwrap()).unwrap();
    assert_eq!(app.pay(url.path(), CARD_OK).await.status(), 303);
    let (_, after, _) = app
        .api(
            Method::GET,
            &format!("/v1/sessions/{}", session["id"].as_str().unwrap()),
            &key,
            None,
            None,
        )
        .await;
    after["payment"]["id"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn a_key_made_on_the_page_is_shown_once_and_works_as_a_bearer() {
    let app = TestApp::spawn().await;
    let b = Browser::logged_in(&app, ACCOUNT, OWNER).await;
    let (status, page) = b.get("/dashboard/developers").await;
    assert_eq!(status, 200);
    for element in [
        "<section id=\"api-keys\"",
        "<table id=\"api-key-list\"",
        "<form id=\"api-key-form\" class=\"section-form\" method=\"post\"",
        "name=\"live\"",
    ] {
        assert!(page.contains(element), "{element}");
    }
    assert!(!page.contains("id=\"new-api-key\""));
    // A form's address opened by GET (a bookmark, a reload) is the page, and makes nothing.
    let resp = b
        .app
        .client
        .get(app.url("/dashboard/developers/api-keys"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 303);
    assert_eq!(location(&resp), "/dashboard/developers");

    let (status, page) = make_key(&b, false).await;
    assert_eq!(status, 200, "{page}");
    let key = element_text(&page, "new-api-key").expect("the new key");
    assert!(key.starts_with("sk_test_") && key.len() == 8 + 64, "{key}");
    assert!(page.contains("it is not shown again"));
    let id = attr_values(&page, "data-key-id").pop().unwrap();
    assert!(id.starts_with("key_"));
    let listed = row(&page, "data-key-id", &id);
    assert!(listed.contains(&format!("sk_test_…{}", &key[key.len() - 4..])));
    assert!(listed.contains("class=\"revoke-key-form\""));

    let (status, body, _) = app.api(Method::GET, "/v1/payments", &key, None, None).await;
    assert_eq!(status, 200, "{body}");

    // Never again: not on the page, not in the database, not in the logs, not in the audit row.
    let (_, later) = b.get("/dashboard/developers").await;
    assert!(!later.contains(&key) && !later.contains("id=\"new-api-key\""));
    assert!(later.contains(&format!("data-key-id=\"{id}\"")));
    let stored = app
        .count(&format!(
            "SELECT COUNT(*) FROM api_keys WHERE key_hash = '{}'",
            hex::encode(<sha2::Sha256 as sha2::Digest>::digest(key.as_bytes()))
        ))
        .await;
    assert_eq!(stored, 1, "stored as its SHA-256");
    assert!(!app.dump().await.contains(&key));
    assert!(!state_of(&app).await.concat().contains(&key));
    assert!(!captured_logs().contains(&key));
    assert_eq!(audited(&app, "api_key.created").await, 1);
    let with_key = "SELECT COUNT(*) FROM audit_events WHERE detail LIKE '%sk\\_%' ESCAPE '\\'";
    assert_eq!(app.count(with_key).await, 0);

    // A merchant that may take live payments gets a live key when it asks for one.
    let (status, page) = make_key(&b, true).await;
    assert_eq!(status, 200);
    assert!(
        element_text(&page, "new-api-key")
            .unwrap()
            .starts_with("sk_live_")
    );
    assert_eq!(audited(&app, "api_key.created").await, 2);
}

#[tokio::test]
async fn a_revoked_key_is_refused_at_its_next_request() {
    let app = TestApp::spawn().await;
    let b = Browser::logged_in(&app, ACCOUNT, OWNER).await;
    let (_, page) = make_key(&b, false).await;
    let key = element_text(&page, "new-api-key").unwrap();
    let id = attr_values(&page, "data-key-id").pop().unwrap();
    let list = |key: String| {
        let app = &app;
        async move {
            app.api(Method::GET, "/v1/payments", &key, None, None)
                .await
                .0
        }
    };
    assert_eq!(list(key.clone()).await, 200);

    let path = format!("/dashboard/developers/api-keys/{id}/revoke");
    let resp = b.post(&path, &[]).await;
    assert_eq!(resp.status(), 303);
    assert_eq!(
        location(&resp),
        "/dashboard/developers?done=key-revoked#api-keys"
    );
    assert_eq!(list(key.clone()).await, 401, "revoked at once");
    let (_, page) = b.get("/dashboard/developers?done=key-revoked").await;
    assert!(page.contains("id=\"api-keys-message\""));
    let listed = row(&page, "data-key-id", &id);
    assert!(listed.contains("revoked") && !listed.contains("revoke-key-form"));
    assert_eq!(audited(&app, "api_key.revoked").await, 1);

    // Revoking it again finds no active key: 404, nothing recorded.
    let resp = b.post(&path, &[]).await;
    assert_eq!(resp.status(), 404);
    assert!(resp.text().await.unwrap().contains("not found"));
    assert_eq!(audited(&app, "api_key.revoked").await, 1);
}

#[tokio::test]
async fn a_live_key_for_a_test_only_merchant_is_refused_and_nothing_is_made() {
    let app = TestApp::spawn().await;
    let b = Browser::logged_in(&app, SANDBOX_ACCOUNT, "sandbox@example.com").await;
    let before = state_of(&app).await;
    let (status, page) = make_key(&b, true).await;
    assert_eq!(status, 422);
    let why = element_text(&page, "live-error").expect("the error next to the checkbox");
    assert!(why.contains("test payments only"), "{why}");
    assert!(!page.contains("id=\"new-api-key\"") && !page.contains("<tr data-key-id"));
    assert!(page.contains("id=\"live\" name=\"live\" value=\"true\" checked"));
    assert_eq!(state_of(&app).await, before);

    // A test key it may have.
    let (status, page) = make_key(&b, false).await;
    assert_eq!(status, 200);
    assert!(
        element_text(&page, "new-api-key")
            .unwrap()
            .starts_with("sk_test_")
    );
}

#[tokio::test]
async fn an_endpoint_made_on_the_page_shows_its_secret_once_and_is_listed() {
    let app = TestApp::spawn().await;
    let b = Browser::logged_in(&app, ACCOUNT, OWNER).await;
    let (_, page) = b.get("/dashboard/developers").await;
    assert!(page.contains("<section id=\"webhook-endpoints\""));
    assert!(page.contains("<table id=\"webhook-list\""));
    assert!(page.contains("<form id=\"webhook-form\""));
    for value in ["*", "payment.completed", "session.expired"] {
        assert!(
            page.contains(&format!("name=\"events\" value=\"{value}\"")),
            "{value}"
        );
    }

    let url = "https://hooks.example.com/offsite?token=abc";
    let events = ["payment.completed", "payment.refunded"];
    let (status, page) = make_endpoint(&b, url, &events).await;
    assert_eq!(status, 200, "{page}");
    let secret = element_text(&page, "new-webhook-secret").expect("the secret");
    assert!(secret.starts_with("whsec_"), "{secret}");
    let id = endpoint_id(&page);
    assert!(id.starts_with("we_"));
    let listed = row(&page, "data-endpoint-id", &id);
    assert!(listed.contains("https://hooks.example.com/offsite?token=abc"));
    assert!(listed.contains("payment.completed, payment.refunded"));
    assert!(listed.contains("rotate-webhook-form") && listed.contains("delete-webhook-form"));

    // The API sees the same endpoint; the secret is never shown or stored again.
    let key = app.api_key(ACCOUNT, false).await;
    let (status, body, _) = app
        .api(Method::GET, "/v1/webhook_endpoints", &key, None, None)
        .await;
    assert_eq!(status, 200);
    assert_eq!(body["data"][0]["id"], id.as_str());
    assert_eq!(body["data"][0]["events"], serde_json::json!(events));
    assert!(body["data"][0].get("secret").is_none());
    let (_, later) = b.get("/dashboard/developers").await;
    assert!(!later.contains(&secret) && !later.contains("id=\"new-webhook-secret\""));
    assert!(!app.dump().await.contains(&secret));
    assert!(!state_of(&app).await.concat().contains(&secret));
    assert!(!captured_logs().contains(&secret));
    assert_eq!(audited(&app, "webhook_endpoint.created").await, 1);
    // The audit row names where events go by origin only: a URL's query may be a token.
    let with_token = "SELECT COUNT(*) FROM audit_events WHERE detail LIKE '%token%' \
                      OR detail LIKE '%whsec%'";
    assert_eq!(app.count(with_token).await, 0);

    // "*" with others is all events.
    let (status, page) = make_endpoint(&b, url, &["payment.failed", "*"]).await;
    assert_eq!(status, 200);
    let all = endpoint_id(&page);
    assert!(row(&page, "data-endpoint-id", &all).contains("all events (*)"));
}

#[tokio::test]
async fn a_bad_url_or_no_event_is_422_with_the_form_again_and_nothing_stored() {
    let app = TestApp::spawn().await;
    let b = Browser::logged_in(&app, ACCOUNT, OWNER).await;
    let good = "https://hooks.example.com/in";
    let cases: [(&str, &[&str], &str, &str); 7] = [
        (
            "ftp://hooks.example.com/in",
            &["*"],
            "webhook-url-error",
            "not http(s)",
        ),
        (
            "https://user:pw@hooks.example.com/",
            &["*"],
            "webhook-url-error",
            "credentials in the URL",
        ),
        (
            "https://hooks example.com/",
            &["*"],
            "webhook-url-error",
            "a space",
        ),
        ("not a url", &["*"], "webhook-url-error", "not a URL"),
        ("", &["*"], "webhook-url-error", "no URL"),
        (good, &[], "events-error", "no event"),
        (
            good,
            &["payment.done"],
            "events-error",
            "an unknown event type",
        ),
    ];
    let before = state_of(&app).await;
    for (url, events, error_id, why) in cases {
        let (status, page) = make_endpoint(&b, url, events).await;
        assert_eq!(status, 422, "{why}");
        assert!(
            element_text(&page, error_id).is_some(),
            "{why}: no #{error_id}"
        );
        assert!(page.contains("id=\"webhooks-message\""), "{why}");
        assert!(!page.contains("id=\"new-webhook-secret\""), "{why}");
        // The form comes back as it was sent.
        let escaped = url.replace('&', "&amp;");
        assert!(
            page.contains(&format!("value=\"{escaped}\" required")),
            "{why}"
        );
        for e in events.iter().filter(|e| **e != "payment.done") {
            assert!(page.contains(&format!("value=\"{e}\" checked")), "{why}");
        }
    }
    assert_eq!(state_of(&app).await, before, "nothing stored");
}

#[tokio::test]
async fn rotating_an_endpoint_shows_the_new_secret_once_and_keeps_the_old_one_a_day() {
    let app = TestApp::spawn().await;
    let b = Browser::logged_in(&app, ACCOUNT, OWNER).await;
    let (_, page) = make_endpoint(&b, "https://hooks.example.com/in", &["*"]).await;
    let first = element_text(&page, "new-webhook-secret").unwrap();
    let id = endpoint_id(&page);
    assert!(row(&page, "data-endpoint-id", &id).contains("one secret"));

    let resp = b
        .post(
            &format!("/dashboard/developers/webhook-endpoints/{id}/rotate"),
            &[],
        )
        .await;
    assert_eq!(resp.status(), 200);
    let page = resp.text().await.unwrap();
    let second = element_text(&page, "new-webhook-secret").unwrap();
    assert!(second.starts_with("whsec_") && second != first);
    assert!(page.contains("The previous secret signs every delivery too until"));
    assert!(row(&page, "data-endpoint-id", &id).contains("previous secret valid until"));
    let (_, later) = b.get("/dashboard/developers").await;
    assert!(!later.contains(&second) && !later.contains("id=\"new-webhook-secret\""));
    assert!(row(&later, "data-endpoint-id", &id).contains("previous secret valid until"));
    assert_eq!(audited(&app, "webhook_endpoint.secret_rotated").await, 1);

    // The API reports the overlap too.
    let key = app.api_key(ACCOUNT, false).await;
    let (_, body, _) = app
        .api(Method::GET, "/v1/webhook_endpoints", &key, None, None)
        .await;
    assert!(
        body["data"][0]["previous_secret_expires_at"].is_i64(),
        "{body}"
    );
}

#[tokio::test]
async fn deleting_an_endpoint_takes_it_off_the_page_and_the_api() {
    let app = TestApp::spawn().await;
    let b = Browser::logged_in(&app, ACCOUNT, OWNER).await;
    let (_, page) = make_endpoint(&b, "https://hooks.example.com/in", &["*"]).await;
    let id = endpoint_id(&page);
    let path = format!("/dashboard/developers/webhook-endpoints/{id}/delete");
    let resp = b.post(&path, &[]).await;
    assert_eq!(resp.status(), 303);
    assert_eq!(
        location(&resp),
        "/dashboard/developers?done=endpoint-deleted#webhook-endpoints"
    );
    let (_, page) = b.get("/dashboard/developers?done=endpoint-deleted").await;
    assert!(!page.contains(&id) && page.contains("id=\"no-webhook-endpoints\""));
    assert!(page.contains("id=\"webhooks-message\""));
    let key = app.api_key(ACCOUNT, false).await;
    let (_, body, _) = app
        .api(Method::GET, "/v1/webhook_endpoints", &key, None, None)
        .await;
    assert_eq!(body["data"], serde_json::json!([]));
    assert_eq!(audited(&app, "webhook_endpoint.deleted").await, 1);
    // Gone: deleting or rotating it again is 404 and recorded nowhere.
    assert_eq!(b.post(&path, &[]).await.status(), 404);
    let rotate = format!("/dashboard/developers/webhook-endpoints/{id}/rotate");
    assert_eq!(b.post(&rotate, &[]).await.status(), 404);
    assert_eq!(audited(&app, "webhook_endpoint.deleted").await, 1);
    assert_eq!(audited(&app, "webhook_endpoint.secret_rotated").await, 0);
}

#[tokio::test]
async fn a_delivery_is_listed_with_its_payment_and_can_be_sent_again() {
    let app = TestApp::spawn().await;
    let receiver = Receiver::start().await;
    let b = Browser::logged_in(&app, ACCOUNT, OWNER).await;
    let (status, page) = make_endpoint(&b, &receiver.url("/hooks"), &["*"]).await;
    assert_eq!(status, 200, "{page}");
    let id = endpoint_id(&page);
    assert!(page.contains("Nothing sent to it yet."));

    let payment = paid_session(&app, "dash-webhook-1").await;
    // The app's own worker may be the one delivering: wait for the receiver rather than drain.
    app.drain_callbacks().await;
    let hits = receiver.wait_for(1, 10).await;
    assert!(!hits.is_empty(), "the event was delivered");
    let settled = eventually(10, || async {
        let page = b.get("/dashboard/developers").await.1;
        !page.contains("<code>pending</code>")
    });
    assert!(settled.await, "every delivery answered");
    let hits = receiver.hits();
    let event_id = hits[0].header("webhook-id").unwrap().to_string();

    let (_, page) = b.get("/dashboard/developers").await;
    let table = &page[page
        .find(&format!("data-deliveries-of=\"{id}\""))
        .expect("the endpoint's deliveries")..];
    let delivery = attr_values(table, "data-delivery-id").pop().unwrap();
    let first = attr_values(table, "data-delivery-id")[0].clone();
    let listed = row(&page, "data-delivery-id", &first);
    assert!(listed.contains(&format!("href=\"/dashboard/payments/{payment}\"")));
    assert!(listed.contains("<code>delivered</code>") && listed.contains("HTTP 200"));
    assert!(listed.contains("resend-webhook-form"));
    assert!(table.contains(&event_id));

    let resp = b
        .post(
            &format!("/dashboard/developers/webhook-deliveries/{delivery}/resend"),
            &[],
        )
        .await;
    assert_eq!(resp.status(), 303);
    assert_eq!(
        location(&resp),
        "/dashboard/developers?done=delivery-resent#webhook-endpoints"
    );
    assert_eq!(audited(&app, "webhook.resent").await, 1);
    app.drain_callbacks().await;
    let again = receiver.wait_for(hits.len() + 1, 10).await;
    assert_eq!(again.len(), hits.len() + 1, "sent once more");
    let resent = again.last().unwrap();
    let original = hits
        .iter()
        .find(|h| h.header("webhook-id") == resent.header("webhook-id") && h.body == resent.body)
        .expect("the same event, byte for byte");
    assert_ne!(original.header("webhook-id"), None);
    let (_, page) = b.get("/dashboard/developers").await;
    let table = &page[page.find(&format!("data-deliveries-of=\"{id}\"")).unwrap()..];
    assert_eq!(
        attr_values(table, "data-delivery-id").len(),
        attr_values(&page, "data-delivery-id").len()
    );
    assert_eq!(attr_values(table, "data-delivery-id").len(), hits.len() + 1);
    receiver.stop().await;
}

#[tokio::test]
async fn the_forms_without_the_csrf_token_change_nothing() {
    let app = TestApp::spawn().await;
    let b = Browser::logged_in(&app, ACCOUNT, OWNER).await;
    let (_, page) = make_key(&b, false).await;
    let key_id = attr_values(&page, "data-key-id").pop().unwrap();
    let (_, page) = make_endpoint(&b, "https://hooks.example.com/in", &["*"]).await;
    let endpoint = endpoint_id(&page);
    let other = Browser::logged_in(&app, OTHER_ACCOUNT, "other@example.com").await;
    let foreign = other.csrf().await;
    let before = state_of(&app).await;
    let forms: [(String, Vec<(&str, &str)>); 6] = [
        (
            "/dashboard/developers/api-keys".into(),
            vec![("live", "true")],
        ),
        (
            format!("/dashboard/developers/api-keys/{key_id}/revoke"),
            vec![],
        ),
        (
            "/dashboard/developers/webhook-endpoints".into(),
            vec![("url", "https://evil.example/in"), ("events", "*")],
        ),
        (
            format!("/dashboard/developers/webhook-endpoints/{endpoint}/rotate"),
            vec![],
        ),
        (
            format!("/dashboard/developers/webhook-endpoints/{endpoint}/delete"),
            vec![],
        ),
        (
            "/dashboard/developers/webhook-deliveries/1/resend".into(),
            vec![],
        ),
    ];
    for (path, form) in &forms {
        assert_eq!(
            b.post_raw(path, form).await.status(),
            403,
            "{path}: no token"
        );
        let mut with_foreign = vec![("csrf_token", foreign.as_str())];
        with_foreign.extend_from_slice(form);
        let resp = b.post_raw(path, &with_foreign).await;
        assert_eq!(resp.status(), 403, "{path}: another session's token");
        // The right token from another site.
        let csrf = b.csrf().await;
        let mut with_token = vec![("csrf_token", csrf.as_str())];
        with_token.extend_from_slice(form);
        let body = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(&with_token)
            .finish();
        let resp = app
            .client
            .post(app.url(path))
            .header(
                "cookie",
                format!(
                    "{}={}",
                    crate::dashboard::COOKIE,
                    b.session.as_ref().unwrap()
                ),
            )
            .header("origin", "https://evil.example")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 403, "{path}: from another origin");
    }
    assert_eq!(state_of(&app).await, before);
    // Without a session at all: the login page, nothing done.
    for (path, form) in &forms {
        let resp = Browser::new(&app).post_raw(path, form).await;
        assert_eq!(resp.status(), 303, "{path}");
        assert_eq!(location(&resp), "/dashboard/login");
    }
    assert_eq!(state_of(&app).await, before);
}

#[tokio::test]
async fn another_merchants_user_reaches_none_of_our_keys_endpoints_or_deliveries() {
    let app = TestApp::spawn().await;
    let receiver = Receiver::start().await;
    let ours = Browser::logged_in(&app, ACCOUNT, OWNER).await;
    let (_, page) = make_key(&ours, false).await;
    let key = element_text(&page, "new-api-key").unwrap();
    let key_id = attr_values(&page, "data-key-id").pop().unwrap();
    let (_, page) = make_endpoint(&ours, &receiver.url("/hooks"), &["*"]).await;
    let endpoint = endpoint_id(&page);
    paid_session(&app, "dash-idor-1").await;
    app.drain_callbacks().await;
    let (_, page) = ours.get("/dashboard/developers").await;
    let delivery = attr_values(&page, "data-delivery-id")
        .pop()
        .expect("a delivery");

    let theirs = Browser::logged_in(&app, OTHER_ACCOUNT, "other@example.com").await;
    let (status, their_page) = theirs.get("/dashboard/developers").await;
    assert_eq!(status, 200);
    for ours_only in [&key_id, &endpoint, &receiver.base] {
        assert!(
            !their_page.contains(ours_only.as_str()),
            "{ours_only} shown to another merchant"
        );
    }
    assert!(attr_values(&their_page, "data-delivery-id").is_empty());
    let before = state_of(&app).await;
    for path in [
        format!("/dashboard/developers/api-keys/{key_id}/revoke"),
        format!("/dashboard/developers/webhook-endpoints/{endpoint}/rotate"),
        format!("/dashboard/developers/webhook-endpoints/{endpoint}/delete"),
        format!("/dashboard/developers/webhook-deliveries/{delivery}/resend"),
    ] {
        let resp = theirs.post(&path, &[]).await;
        assert_eq!(resp.status(), 404, "{path}");
        let page = resp.text().await.unwrap();
        assert!(page.contains("not found"), "{path}");
        assert!(
            !page.contains("whsec_") && !page.contains(&endpoint),
            "{path}"
        );
    }
    assert_eq!(state_of(&app).await, before, "nothing changed");
    let (status, _, _) = app.api(Method::GET, "/v1/payments", &key, None, None).await;
    assert_eq!(status, 200, "our key still works");
    let (_, page) = ours.get("/dashboard/developers").await;
    assert!(row(&page, "data-endpoint-id", &endpoint).contains("one secret"));
    receiver.stop().await;
}

#[tokio::test]
async fn each_action_writes_one_audit_row_shown_on_the_overview() {
    let app = TestApp::spawn().await;
    let receiver = Receiver::start().await;
    let b = Browser::logged_in(&app, ACCOUNT, OWNER).await;
    let (_, page) = make_key(&b, false).await;
    let key_id = attr_values(&page, "data-key-id").pop().unwrap();
    b.post(
        &format!("/dashboard/developers/api-keys/{key_id}/revoke"),
        &[],
    )
    .await;
    let (_, page) = make_endpoint(&b, &receiver.url("/hooks"), &["*"]).await;
    let endpoint = endpoint_id(&page);
    b.post(
        &format!("/dashboard/developers/webhook-endpoints/{endpoint}/rotate"),
        &[],
    )
    .await;
    paid_session(&app, "dash-audit-1").await;
    app.drain_callbacks().await;
    let (_, page) = b.get("/dashboard/developers").await;
    let delivery = attr_values(&page, "data-delivery-id").pop().unwrap();
    b.post(
        &format!("/dashboard/developers/webhook-deliveries/{delivery}/resend"),
        &[],
    )
    .await;
    b.post(
        &format!("/dashboard/developers/webhook-endpoints/{endpoint}/delete"),
        &[],
    )
    .await;

    let (_, overview) = b.get("/dashboard").await;
    for event in [
        "api_key.created",
        "api_key.revoked",
        "webhook_endpoint.created",
        "webhook_endpoint.secret_rotated",
        "webhook.resent",
        "webhook_endpoint.deleted",
    ] {
        assert_eq!(audited(&app, event).await, 1, "{event}");
        assert!(
            overview.contains(&format!("data-event=\"{event}\"")),
            "{event}"
        );
    }
    let ids = "SELECT COUNT(*) FROM audit_events WHERE detail LIKE '%key\\_%' ESCAPE '\\' \
               OR detail LIKE '%we\\_%' ESCAPE '\\' OR detail LIKE '%delivery%'";
    assert_eq!(app.count(ids).await, 6, "each row names what it changed");
    receiver.stop().await;
}
