//! The dashboard speaks the merchant's language (their browser's `Accept-Language`), on both
//! databases: every page, its error pages included, says which language and direction it is in,
//! and shows moments as the locale writes them while `<time datetime>` keeps the machine form.
//! Only English exists until translators add locales: any other language asked for is English.

use crate::dashboard::{Browser, COOKIE, invite};
use crate::helpers::{ACCOUNT, TestApp};
use offsite_gateway::i18n;
use offsite_gateway::store::{format_millis, from_millis};

/// What a browser asking for Arabic, then German, would send: neither is in the registry yet.
const LANGUAGES: &str = "ar-EG, de;q=0.8, *;q=0.1";

/// GETs `path` as `b`'s browser, asking for [`LANGUAGES`].
async fn get_in(b: &Browser<'_>, path: &str) -> (u16, String) {
    let mut req = b
        .app
        .client
        .get(b.app.url(path))
        .header("accept-language", LANGUAGES);
    if let Some(s) = &b.session {
        req = req.header("cookie", format!("{COOKIE}={s}"));
    }
    let resp = req.send().await.unwrap();
    (resp.status().as_u16(), resp.text().await.unwrap())
}

/// The page is the dashboard's, in English, left to right.
fn assert_dashboard_in_english(path: &str, page: &str) {
    assert!(
        page.starts_with("<!doctype html>\n<html lang=\"en\" dir=\"ltr\">"),
        "{path}: {}",
        &page[..page.len().min(200)]
    );
    assert!(
        page.contains(" · Offsite Gateway dashboard</title>"),
        "{path}: the dashboard's title"
    );
}

#[tokio::test]
async fn every_dashboard_page_says_its_language_and_direction() {
    let app = TestApp::spawn().await;
    let anonymous = Browser::new(&app);
    let token = invite(&app, ACCOUNT, "reader@example.com").await;
    for (path, status) in [
        ("/dashboard/login".to_string(), 200),
        ("/dashboard/login?ended".to_string(), 200),
        (format!("/dashboard/setup/{token}"), 200),
        (format!("/dashboard/setup/{}", "0".repeat(64)), 404),
    ] {
        let (got, page) = get_in(&anonymous, &path).await;
        assert_eq!(got, status, "{path}");
        assert_dashboard_in_english(&path, &page);
    }

    let b = Browser::logged_in(&app, ACCOUNT, "owner@example.com").await;
    for path in [
        "/dashboard",
        "/dashboard/payments",
        "/dashboard/credentials",
        "/dashboard/settings",
        "/dashboard/developers",
        "/dashboard/password",
    ] {
        let (status, page) = get_in(&b, path).await;
        assert_eq!(status, 200, "{path}");
        assert_dashboard_in_english(path, &page);
        assert!(page.contains("<nav aria-label=\"Dashboard\">"), "{path}");
    }

    // The dashboard's own error pages: a payment that is not the merchant's, a bad query, an
    // address no route has.
    for (path, status, message) in [
        (
            "/dashboard/no-such-page".to_string(),
            404,
            "This page does not exist.",
        ),
        (
            format!("/dashboard/payments/{}", "0".repeat(32)),
            404,
            "This page does not exist.",
        ),
        (
            "/dashboard/payments?after=xyz".to_string(),
            400,
            "The request is malformed.",
        ),
    ] {
        let (got, page) = get_in(&b, &path).await;
        assert_eq!(got, status, "{path}");
        assert_dashboard_in_english(&path, &page);
        assert!(
            page.contains(&format!(
                "id=\"error-message\" role=\"alert\">{message}</p>"
            )),
            "{path}: {page}"
        );
        assert!(page.contains("<code id=\"request-id\">req_"), "{path}");
    }
}

#[tokio::test]
async fn moments_are_written_for_the_reader_and_kept_for_machines() {
    let app = TestApp::spawn().await;
    let b = Browser::logged_in(&app, ACCOUNT, "owner@example.com").await;
    let newest = app.count("SELECT MAX(at) FROM audit_events").await;
    let (status, page) = get_in(&b, "/dashboard").await;
    assert_eq!(status, 200);
    // The newest audit row (the login): the ISO moment in the attribute, the English date and
    // time (CLDR's medium pattern, "Dec 1, 2026, 7:40:05 PM") as its text.
    let iso = format_millis(newest);
    let text = i18n::english().datetime(from_millis(newest));
    assert!(
        iso.ends_with('Z') && text != iso && text.contains(", 20"),
        "{text}"
    );
    assert!(
        page.contains(&format!("<time datetime=\"{iso}\">{text}</time>")),
        "{iso} as {text}: {page}"
    );
}
