//! The dashboard speaks the merchant's language (their browser's `Accept-Language`), on both
//! databases: every page, its error pages included, says which language and direction it is in
//! and reads in that language, and shows moments as the locale writes them while
//! `<time datetime>` keeps the machine form.

use crate::dashboard::{Browser, COOKIE, invite};
use crate::helpers::{ACCOUNT, TestApp};
use offsite_gateway::i18n;
use offsite_gateway::store::{format_millis, from_millis};

/// A browser's languages, the locale the dashboard answers in, and that locale's own words
/// (written here from the translations, not read from them): the end of every title and the
/// navigation's "Payments".
struct Expected {
    header: &'static str,
    tag: &'static str,
    dir: &'static str,
    title: &'static str,
    payments: &'static str,
}

const LOCALES: &[Expected] = &[
    Expected {
        header: "en-GB",
        tag: "en",
        dir: "ltr",
        title: "Offsite Gateway dashboard",
        payments: "Payments",
    },
    Expected {
        header: "ar-EG, de;q=0.8, *;q=0.1",
        tag: "ar",
        dir: "rtl",
        title: "لوحة تحكم Offsite Gateway",
        payments: "المدفوعات",
    },
    Expected {
        header: "de-AT",
        tag: "de",
        dir: "ltr",
        title: "Dashboard von Offsite Gateway",
        payments: "Zahlungen",
    },
    Expected {
        header: "es-MX",
        tag: "es",
        dir: "ltr",
        title: "Panel de Offsite Gateway",
        payments: "Pagos",
    },
    Expected {
        header: "fr-CA",
        tag: "fr",
        dir: "ltr",
        title: "Tableau de bord Offsite Gateway",
        payments: "Paiements",
    },
    Expected {
        header: "it",
        tag: "it",
        dir: "ltr",
        title: "Dashboard di Offsite Gateway",
        payments: "Pagamenti",
    },
    Expected {
        header: "ja-JP",
        tag: "ja",
        dir: "ltr",
        title: "Offsite Gateway ダッシュボード",
        payments: "決済",
    },
    Expected {
        header: "nl-BE",
        tag: "nl",
        dir: "ltr",
        title: "Offsite Gateway-dashboard",
        payments: "Betalingen",
    },
    Expected {
        header: "pl-PL",
        tag: "pl",
        dir: "ltr",
        title: "Panel Offsite Gateway",
        payments: "Płatności",
    },
    Expected {
        header: "pt-BR",
        tag: "pt",
        dir: "ltr",
        title: "Painel do Offsite Gateway",
        payments: "Pagamentos",
    },
    Expected {
        header: "tr-TR",
        tag: "tr",
        dir: "ltr",
        title: "Offsite Gateway paneli",
        payments: "Ödemeler",
    },
    Expected {
        header: "zh-CN",
        tag: "zh",
        dir: "ltr",
        title: "Offsite Gateway 控制台",
        payments: "付款",
    },
    // Nothing the dashboard speaks: English.
    Expected {
        header: "zh-TW, tlh",
        tag: "en",
        dir: "ltr",
        title: "Offsite Gateway dashboard",
        payments: "Payments",
    },
];

/// GETs `path` as `b`'s browser, asking for `languages`.
async fn get_in(b: &Browser<'_>, path: &str, languages: &str) -> (u16, String) {
    let mut req = b
        .app
        .client
        .get(b.app.url(path))
        .header("accept-language", languages);
    if let Some(s) = &b.session {
        req = req.header("cookie", format!("{COOKIE}={s}"));
    }
    let resp = req.send().await.unwrap();
    (resp.status().as_u16(), resp.text().await.unwrap())
}

/// The page is the dashboard's, in `e`'s language and direction.
fn assert_dashboard_in(e: &Expected, path: &str, page: &str) {
    let root = format!(
        "<!doctype html>\n<html lang=\"{}\" dir=\"{}\">",
        e.tag, e.dir
    );
    assert!(
        page.starts_with(&root),
        "{} {path}: {}",
        e.header,
        &page[..page.len().min(200)]
    );
    assert!(
        page.contains(&format!(" · {}</title>", e.title)),
        "{} {path}: the dashboard's title",
        e.header
    );
}

#[tokio::test]
async fn every_dashboard_page_says_its_language_and_direction() {
    let app = TestApp::spawn().await;
    let anonymous = Browser::new(&app);
    let token = invite(&app, ACCOUNT, "reader@example.com").await;
    let b = Browser::logged_in(&app, ACCOUNT, "owner@example.com").await;
    for e in LOCALES {
        for (path, status) in [
            ("/dashboard/login".to_string(), 200),
            ("/dashboard/login?ended".to_string(), 200),
            (format!("/dashboard/setup/{token}"), 200),
            (format!("/dashboard/setup/{}", "0".repeat(64)), 404),
        ] {
            let (got, page) = get_in(&anonymous, &path, e.header).await;
            assert_eq!(got, status, "{path}");
            assert_dashboard_in(e, &path, &page);
        }

        for path in [
            "/dashboard",
            "/dashboard/payments",
            "/dashboard/credentials",
            "/dashboard/settings",
            "/dashboard/developers",
            "/dashboard/password",
        ] {
            let (status, page) = get_in(&b, path, e.header).await;
            assert_eq!(status, 200, "{path}");
            assert_dashboard_in(e, path, &page);
            let nav = &page[page.find("<nav aria-label=").expect(path)..];
            assert!(
                nav.contains(&format!(">{}</a>", e.payments)),
                "{} {path}: {nav}",
                e.header
            );
        }

        // The dashboard's own error pages: a payment that is not the merchant's, a bad query,
        // an address no route has.
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
            let (got, page) = get_in(&b, &path, e.header).await;
            assert_eq!(got, status, "{path}");
            assert_dashboard_in(e, &path, &page);
            let english = page.contains(&format!(
                "id=\"error-message\" role=\"alert\">{message}</p>"
            ));
            assert_eq!(english, e.tag == "en", "{} {path}: {page}", e.header);
            assert!(page.contains("<code id=\"request-id\">req_"), "{path}");
        }
    }
}

#[tokio::test]
async fn moments_are_written_for_the_reader_and_kept_for_machines() {
    let app = TestApp::spawn().await;
    let b = Browser::logged_in(&app, ACCOUNT, "owner@example.com").await;
    let newest = app.count("SELECT MAX(at) FROM audit_events").await;
    let (status, page) = get_in(&b, "/dashboard", "en-US").await;
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

#[tokio::test]
async fn moments_are_written_as_the_readers_locale_writes_them() {
    let app = TestApp::spawn().await;
    let b = Browser::logged_in(&app, ACCOUNT, "owner@example.com").await;
    let newest = app.count("SELECT MAX(at) FROM audit_events").await;
    let iso = format_millis(newest);
    let t = from_millis(newest);
    let (y, mo, d) = (t.year(), u8::from(t.month()), t.day());
    let (h, mi, se) = (t.hour(), t.minute(), t.second());
    // CLDR's medium date and time in German and Japanese, written out here.
    for (header, text) in [
        ("de", format!("{d:02}.{mo:02}.{y}, {h:02}:{mi:02}:{se:02}")),
        ("ja", format!("{y}/{mo:02}/{d:02} {h:02}:{mi:02}:{se:02}")),
    ] {
        let (status, page) = get_in(&b, "/dashboard", header).await;
        assert_eq!(status, 200);
        assert!(
            page.contains(&format!("<time datetime=\"{iso}\">{text}</time>")),
            "{header}: {iso} as {text}"
        );
    }
}
