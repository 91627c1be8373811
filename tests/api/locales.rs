//! The shopper's pages in each locale: chosen by `x_locale` (or a session's `locale`), then
//! `Accept-Language`, then English; each page in the locale's own words, with `lang` and `dir`,
//! and the amount as CLDR writes it for the locale, while the signed `x_amount` echo stays
//! byte for byte what the storefront sent.

use crate::helpers::*;
use std::time::Duration;

/// A locale's own words, written here from the translations (not read from the catalogue, so
/// a lost or swapped translation fails), and 12,345.67 EUR as CLDR writes it there.
struct Expected {
    tag: &'static str,
    dir: &'static str,
    card_number: &'static str,
    amount: &'static str,
    challenge: &'static str,
    completed: &'static str,
    error: &'static str,
    expired: &'static str,
}

const LOCALES: &[Expected] = &[
    Expected {
        tag: "en",
        dir: "ltr",
        card_number: "Card number",
        amount: "€12,345.67",
        challenge: "Confirm this payment",
        completed: "Payment complete. Thank you!",
        error: "This payment request cannot be processed",
        expired: "This payment expired before it was paid",
    },
    Expected {
        tag: "ar",
        dir: "rtl",
        card_number: "رقم البطاقة",
        amount: "\u{200f}12,345.67\u{a0}€",
        challenge: "تأكيد الدفع",
        completed: "اكتمل الدفع",
        error: "تتعذّر معالجة طلب الدفع هذا",
        expired: "انتهت صلاحية هذه الدفعة",
    },
    Expected {
        tag: "de",
        dir: "ltr",
        card_number: "Kartennummer",
        amount: "12.345,67\u{a0}€",
        challenge: "Zahlung bestätigen",
        completed: "Zahlung abgeschlossen",
        error: "Diese Zahlungsanfrage kann nicht verarbeitet werden",
        expired: "Diese Zahlung ist abgelaufen",
    },
    Expected {
        tag: "es",
        dir: "ltr",
        card_number: "Número de tarjeta",
        amount: "12.345,67\u{a0}€",
        challenge: "Confirme este pago",
        completed: "Pago completado",
        error: "No se puede procesar esta solicitud de pago",
        expired: "Este pago venció",
    },
    Expected {
        tag: "fr",
        dir: "ltr",
        card_number: "Numéro de carte",
        amount: "12\u{202f}345,67\u{a0}€",
        challenge: "Confirmez ce paiement",
        completed: "Paiement effectué",
        error: "Cette demande de paiement ne peut pas être traitée",
        expired: "Ce paiement a expiré",
    },
    Expected {
        tag: "it",
        dir: "ltr",
        card_number: "Numero della carta",
        amount: "12.345,67\u{a0}€",
        challenge: "Conferma del pagamento",
        completed: "Pagamento completato",
        error: "Impossibile elaborare questa richiesta di pagamento",
        expired: "Il pagamento è scaduto",
    },
    Expected {
        tag: "ja",
        dir: "ltr",
        card_number: "カード番号",
        amount: "€12,345.67",
        challenge: "お支払いの確認",
        completed: "お支払いが完了しました",
        error: "この決済リクエストは処理できません",
        expired: "期限切れ",
    },
    Expected {
        tag: "nl",
        dir: "ltr",
        card_number: "Kaartnummer",
        amount: "€\u{a0}12.345,67",
        challenge: "Bevestig deze betaling",
        completed: "Betaling voltooid",
        error: "Dit betaalverzoek kan niet worden verwerkt",
        expired: "Deze betaling is verlopen",
    },
    Expected {
        tag: "pl",
        dir: "ltr",
        card_number: "Numer karty",
        amount: "12\u{a0}345,67\u{a0}€",
        challenge: "Potwierdzenie płatności",
        completed: "Płatność zakończona",
        error: "Nie można przetworzyć tego żądania płatności",
        expired: "Ta płatność wygasła",
    },
    Expected {
        tag: "pt",
        dir: "ltr",
        card_number: "Número do cartão",
        amount: "€\u{a0}12.345,67",
        challenge: "Confirme este pagamento",
        completed: "Pagamento concluído",
        error: "Esta solicitação de pagamento não pode ser processada",
        expired: "Este pagamento expirou",
    },
    Expected {
        tag: "tr",
        dir: "ltr",
        card_number: "Kart numarası",
        amount: "€12.345,67",
        challenge: "Bu ödemeyi onaylayın",
        completed: "Ödeme tamamlandı",
        error: "Bu ödeme isteği işlenemiyor",
        expired: "Bu ödemenin süresi",
    },
    Expected {
        tag: "zh",
        dir: "ltr",
        card_number: "卡号",
        amount: "€12,345.67",
        challenge: "确认此付款",
        completed: "付款成功",
        error: "无法处理此付款请求",
        expired: "此付款在完成支付前已过期",
    },
];

/// Merchant M's request for 12,345.67 EUR with `x_locale`.
fn request_in(app: &TestApp, reference: &str, locale: &str) -> Vec<(String, String)> {
    let mut request = app.request(reference);
    set(&mut request, "x_amount", "12345.67");
    set(&mut request, "x_currency", "EUR");
    set(&mut request, "x_locale", locale);
    request
}

fn assert_page_in(html: &str, e: &Expected, page: &str) {
    let root = format!("<html lang=\"{}\" dir=\"{}\">", e.tag, e.dir);
    assert!(html.contains(&root), "{} {page}: {root} in {html}", e.tag);
}

#[tokio::test]
async fn every_page_of_a_payment_speaks_its_x_locale_with_the_amount_as_cldr_writes_it() {
    // Twelve shoppers from one address: the per-address card limit (0 = off) is not the point.
    let app = TestApp::spawn_with(|s| s.limits.pay_per_minute = 0).await;
    for e in LOCALES {
        // The payment page: the locale's words and amount, also on the pay button.
        let request = request_in(&app, &format!("loc-{}", e.tag), e.tag);
        let page = app.open_payment(request.clone()).await;
        let (status, html) = app.get_page(&page).await;
        assert_eq!(status, 200);
        assert_page_in(&html, e, "payment page");
        assert!(html.contains(e.card_number), "{}: {html}", e.tag);
        let amount = format!("<dd id=\"amount\">{}</dd>", e.amount);
        assert!(html.contains(&amount), "{}: {amount} in {html}", e.tag);
        let label = &html[html.find("id=\"pay-button\">").unwrap()..];
        assert!(
            label.contains(e.amount),
            "{}: the button names the amount",
            e.tag
        );

        // Inline card errors: the same language.
        let (csrf, attempt) = app.form_tokens(&page).await;
        let resp = app.submit_card(&page, &csrf, &attempt, "", "", "").await;
        assert_eq!(resp.status(), 422);
        let html = resp.text().await.unwrap();
        assert_page_in(&html, e, "inline errors");
        assert!(
            html.contains("id=\"error-summary\" role=\"alert\""),
            "{}",
            e.tag
        );

        // 3-D Secure, then the outcome.
        app.pay(&page, "4000 0000 0000 3220").await;
        let (_, html) = app.get_page(&page).await;
        assert_page_in(&html, e, "challenge");
        assert!(html.contains(e.challenge), "{}: {html}", e.tag);
        let form = pairs(&[
            ("csrf_token", &hidden(&html, "csrf_token")),
            ("attempt", &hidden(&html, "attempt")),
            ("decision", "approve"),
        ]);
        let resp = app.post_form(&format!("{page}/challenge"), &form).await;
        assert_eq!(resp.status(), 303);
        // The signed return echoes x_amount as sent, whatever the page showed.
        let values = query_of(&location(&resp));
        assert!(verify(&values, SECRET));
        assert_eq!(get(&values, "x_amount"), Some("12345.67"));
        let (_, html) = app.get_page(&page).await;
        assert_page_in(&html, e, "outcome");
        assert!(html.contains(e.completed), "{}: {html}", e.tag);

        // An error page: a request whose signature is wrong, in its own x_locale.
        let bad = request_in(&app, "loc-bad", e.tag);
        let resp = app.checkout_with_secret(bad, "not-the-secret").await;
        assert_eq!(resp.status(), 401);
        let html = resp.text().await.unwrap();
        assert_page_in(&html, e, "error page");
        assert!(html.contains(e.error), "{}: {html}", e.tag);
    }
}

#[tokio::test]
async fn an_expired_payment_says_so_in_its_locale() {
    let app = TestApp::spawn_with(|s| s.checkout_ttl = Duration::from_secs(1)).await;
    let mut pages = Vec::new();
    for e in LOCALES {
        let page = app
            .open_payment(request_in(&app, &format!("exp-{}", e.tag), e.tag))
            .await;
        pages.push((e, page));
    }
    for (e, page) in pages {
        let expired = eventually(10, || async {
            app.payment_status(&page).await == "expired"
        })
        .await;
        assert!(expired, "{}", e.tag);
        let (_, html) = app.get_page(&page).await;
        assert_page_in(&html, e, "expired");
        assert!(html.contains(e.expired), "{}: {html}", e.tag);
    }
}

#[tokio::test]
async fn without_x_locale_the_browsers_languages_choose_by_weight_and_else_english() {
    let app = TestApp::spawn().await;
    let page = app.open_payment(app.request("loc-browser")).await;
    let cases = [
        ("de-AT,de;q=0.9,en;q=0.5", "de", "Kartennummer"),
        ("sv;q=0.9, ja;q=0.8, fr;q=0.7", "ja", "カード番号"),
        ("ar-EG", "ar", "رقم البطاقة"),
        ("zh-TW", "en", "Card number"),
        ("tlh, *;q=0.1", "en", "Card number"),
    ];
    for (header, tag, word) in cases {
        let resp = app
            .client
            .get(app.url(&page))
            .header("accept-language", header)
            .send()
            .await
            .unwrap();
        let html = resp.text().await.unwrap();
        assert!(
            html.contains(&format!("<html lang=\"{tag}\"")),
            "{header}: {html}"
        );
        assert!(html.contains(word), "{header}");
    }
    // x_locale wins over the browser.
    let page = app.open_payment(request_in(&app, "loc-both", "pl")).await;
    let resp = app
        .client
        .get(app.url(&page))
        .header("accept-language", "de")
        .send()
        .await
        .unwrap();
    assert!(resp.text().await.unwrap().contains("<html lang=\"pl\""));
}

#[tokio::test]
async fn a_sessions_locale_chooses_its_pages_language() {
    let app = TestApp::spawn().await;
    let key = app.api_key(ACCOUNT, false).await;
    let mut body = app.session_body("loc-session", 1_234_567);
    body["locale"] = "ja-JP".into();
    let (status, session, _) = app
        .api(
            reqwest::Method::POST,
            "/v1/sessions",
            &key,
            Some(body),
            None,
        )
        .await;
    assert_eq!(status, 201, "{session}");
    let url = url::Url::parse(session["url"].as_str().unwrap()).unwrap();
    let (_, html) = app.get_page(url.path()).await;
    assert!(html.contains("<html lang=\"ja\" dir=\"ltr\">"), "{html}");
    assert!(html.contains("カード番号"));
    assert!(html.contains("<dd id=\"amount\">€12,345.67</dd>"), "{html}");
}
