//! No card number or CVC is kept anywhere (T24): after real payments through both ways in (a
//! signed `x_` form to the hosted page, and `/v1/sessions` then its page), with an approved, a
//! declined and a 3-D Secure card each, neither every table of the database (on either engine,
//! and on SQLite every byte of its files), nor the gateway's logs (in process, and the real
//! binary's own), nor what was sent to the storefront holds a card number or a CVC.
//!
//! Each card is typed with a CVC of its own, chosen so that finding it is a leak and not chance:
//! it is searched for as a whole token (not inside a longer number, an id or a hash), the
//! search is shown to find nothing before the payments, and no amount or port of the test is
//! one of them.

use crate::helpers::*;
use crate::process::{Env, checkout_on, page_tokens, succeeded};
use crate::receiver::{Hit, Receiver};
use crate::tables::{dump_files, dump_tables};
use reqwest::Method;
use serde_json::{Value, json};
use std::time::Duration;

/// A card as the shopper types it.
struct Card {
    number: &'static str,
    cvc: &'static str,
}

const fn card(number: &'static str, cvc: &'static str) -> Card {
    Card { number, cvc }
}

const AMEX: Card = card("378282246310005", "7391");
const AMEX_2: Card = card("371449635398431", "5824");
const DECLINED: Card = card("4000000000000002", "846");
const INSUFFICIENT_FUNDS: Card = card("4000000000009995", "613");
const CHALLENGE: Card = card("4000000000003220", "529");
const CHALLENGE_2: Card = card("4000000000003220", "952");
const CARDS: [&Card; 6] = [
    &AMEX,
    &AMEX_2,
    &DECLINED,
    &INSUFFICIENT_FUNDS,
    &CHALLENGE,
    &CHALLENGE_2,
];

/// Whether `token` stands in `text` on its own: not inside a longer run of letters, digits,
/// `.`, `-` or `_` (a timestamp, a decimal, an id, a hex or base64 value), nor next to a
/// non-ASCII character (`µs`).
fn holds_token(text: &str, token: &str) -> bool {
    let apart = |c: Option<char>| {
        c.is_none_or(|c| c.is_ascii() && !c.is_ascii_alphanumeric() && !".-_".contains(c))
    };
    text.match_indices(token).any(|(i, _)| {
        apart(text[..i].chars().next_back()) && apart(text[i + token.len()..].chars().next())
    })
}

/// What of the cards `text` holds: a card number (whole, spaced, or its first twelve digits),
/// or, where `cvcs` says so, a CVC standing on its own.
fn card_data_in(text: &str, cvcs: Cvcs) -> Vec<String> {
    let mut found = Vec::new();
    for card in CARDS {
        let spaced: String = card
            .number
            .as_bytes()
            .chunks(4)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect::<Vec<_>>()
            .join(" ");
        for number in [card.number, &card.number[..12], &spaced] {
            if text.contains(number) {
                found.push(format!("card number {number}"));
            }
        }
        let searched = match cvcs {
            Cvcs::All => true,
            Cvcs::FourDigit => card.cvc.len() == 4,
        };
        let in_context = [
            format!("card_cvc={}", card.cvc),
            format!("\"{}\"", card.cvc),
        ];
        if (searched && holds_token(text, card.cvc)) || in_context.iter().any(|c| text.contains(c))
        {
            found.push(format!("CVC {}", card.cvc));
        }
    }
    found
}

/// Which CVCs to search for as tokens. Three-digit ones only where the text is the test's own
/// (a database, one process's logs): in a log shared by the whole suite, some line will one day
/// say `ms=846`; there they are searched for in the forms a leak would take (`card_cvc=846`,
/// `"846"`).
#[derive(Clone, Copy)]
enum Cvcs {
    All,
    FourDigit,
}

/// A gateway to pay at, as a storefront and a shopper's browser (no JavaScript) reach it.
struct Shop {
    base: String,
    account: String,
    secret: String,
    api_key: String,
    client: reqwest::Client,
}

impl Shop {
    fn new(base: &str, account: &str, secret: &str, api_key: &str) -> Shop {
        Shop {
            base: base.trim_end_matches('/').to_string(),
            account: account.into(),
            secret: secret.into(),
            api_key: api_key.into(),
            client: http_client(),
        }
    }

    async fn api(&self, path: &str, body: Value) -> Value {
        let resp = self
            .client
            .request(Method::POST, format!("{}{path}", self.base))
            .header("authorization", format!("Bearer {}", self.api_key))
            .header("content-type", "application/json")
            .body(body.to_string())
            .send()
            .await
            .unwrap();
        let status = resp.status();
        let text = resp.text().await.unwrap();
        let json: Value = serde_json::from_str(&text).unwrap_or_else(|_| panic!("{text}"));
        assert!(status.is_success(), "{path}: {status} {json}");
        json
    }

    /// A signed `x_` request, its callbacks to `callback`; the hosted page's URL.
    async fn x_payment(&self, reference: &str, callback: &str) -> String {
        let (page, _) = checkout_on(
            &self.base,
            &self.account,
            &self.secret,
            reference,
            "12.50",
            callback,
        )
        .await;
        page
    }

    /// A session of the sessions API; its page's URL.
    async fn session(&self, reference: &str, amount: i64) -> String {
        let session = self
            .api(
                "/v1/sessions",
                json!({
                    "amount": amount, "currency": "EUR", "reference": reference,
                    "return_url": "https://shop.example.com/return",
                    "cancel_url": "https://shop.example.com/cancel",
                }),
            )
            .await;
        // The page on the address this test reaches the gateway at (the binary under test is
        // told no public URL).
        let url = url::Url::parse(session["url"].as_str().unwrap()).unwrap();
        format!("{}{}", self.base, url.path())
    }

    /// Submits the page's form (`card` for the card form, or a 3-D Secure decision) with the
    /// tokens the page carries now; the 303's Location.
    async fn submit(&self, page: &str, path: &str, fields: &[(&str, &str)]) -> String {
        let (csrf, attempt) = page_tokens(&self.client, page).await;
        let mut form = pairs(&[("csrf_token", &csrf), ("attempt", &attempt)]);
        form.extend(pairs(fields));
        let resp = self
            .client
            .post(format!("{page}{path}"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(encode(&form))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 303, "{page}{path}");
        location(&resp)
    }

    async fn pay(&self, page: &str, card: &Card) -> String {
        let fields = [
            ("cardholder_name", "Ada Lovelace"),
            ("card_number", card.number),
            ("card_expiry", "12/30"),
            ("card_cvc", card.cvc),
        ];
        self.submit(page, "", &fields).await
    }

    /// Pays with the 3-D Secure card and approves the challenge.
    async fn pay_through_challenge(&self, page: &str, card: &Card) {
        let url = url::Url::parse(page).unwrap();
        assert_eq!(self.pay(page, card).await, url.path(), "the challenge");
        self.submit(page, "/challenge", &[("decision", "approve")])
            .await;
    }

    /// Every way in, every kind of card: two `x_` payments (Amex approved; declined, then
    /// approved through 3-D Secure) and two sessions (declined, then Amex; 3-D Secure), with
    /// their callbacks and webhooks delivered to `storefront`. Returns once all of them arrived.
    async fn pay_every_way(&self, storefront: &Receiver) -> Vec<Hit> {
        self.api(
            "/v1/webhook_endpoints",
            json!({"url": storefront.url("/hooks"), "events": ["*"]}),
        )
        .await;
        let callback = storefront.url("/callback");
        let page = self.x_payment("card-data-x-1", &callback).await;
        assert!(self.pay(&page, &AMEX).await.contains("x_result=completed"));
        let page = self.x_payment("card-data-x-2", &callback).await;
        self.pay(&page, &DECLINED).await;
        self.pay_through_challenge(&page, &CHALLENGE).await;
        let page = self.session("card-data-s-1", 1999).await;
        self.pay(&page, &INSUFFICIENT_FUNDS).await;
        assert!(self.pay(&page, &AMEX_2).await.contains("session_id="));
        let page = self.session("card-data-s-2", 2750).await;
        self.pay_through_challenge(&page, &CHALLENGE_2).await;
        // Two callbacks; a payment.completed webhook for each of the four payments.
        let hits = storefront.wait_for(6, 20).await;
        assert!(hits.len() >= 6, "{} deliveries arrived", hits.len());
        hits
    }
}

/// What the storefront received, as text.
fn sent(hits: &[Hit]) -> String {
    hits.iter()
        .map(|h| String::from_utf8_lossy(&h.body).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

#[tokio::test]
async fn no_card_number_or_cvc_reaches_the_database_the_logs_or_the_storefront() {
    let app = TestApp::spawn().await;
    let before = app.dump().await;
    assert_eq!(card_data_in(&before, Cvcs::All), Vec::<String>::new());
    let storefront = Receiver::start().await;
    let key = app.api_key(ACCOUNT, false).await;
    let shop = Shop::new(&app.address, ACCOUNT, SECRET, &key);
    let hits = shop.pay_every_way(&storefront).await;

    let tables = dump_tables(&app.db).await;
    for last4 in ["0005", "8431", "0002", "9995", "3220"] {
        assert!(tables.contains(last4), "the dump was read: {last4} is kept");
    }
    assert_eq!(card_data_in(&tables, Cvcs::All), Vec::<String>::new());
    if let Some(dir) = app.sqlite_dir() {
        let files = dump_files(dir);
        assert_eq!(card_data_in(&files, Cvcs::FourDigit), Vec::<String>::new());
    }
    let logs = captured_logs();
    assert!(logs.contains("charge attempt"), "the logs were captured");
    assert_eq!(card_data_in(&logs, Cvcs::FourDigit), Vec::<String>::new());
    assert_eq!(card_data_in(&sent(&hits), Cvcs::All), Vec::<String>::new());
    // Nor a merchant's secret, in any form.
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD.encode(SECRET);
    let all = app.dump().await;
    for secret in [SECRET, OTHER_SECRET, &b64, &hex::encode(SECRET)] {
        assert!(!all.contains(secret), "{secret:?} is stored");
        assert!(!logs.contains(secret), "{secret:?} is in the logs");
    }
}

#[tokio::test]
async fn the_real_binary_logs_no_card_number_or_cvc() {
    // Its own logs, every level of the gateway's own code, read from its stderr.
    let mut env = Env::new().await;
    env.set("GATEWAY_ALLOW_PRIVATE_TARGETS", "true");
    env.set("RUST_LOG", "info,offsite_gateway=trace");
    let mut gateway = env.serve();
    let (account, secret) = gateway.sandbox();
    let made: Value = serde_json::from_str(&succeeded(
        env.command(&["api-key", "create", &account, "--json"])
            .output()
            .unwrap(),
    ))
    .unwrap();
    let storefront = Receiver::start().await;
    let shop = Shop::new(
        &gateway.url(""),
        &account,
        &secret,
        made["key"].as_str().unwrap(),
    );
    let hits = shop.pay_every_way(&storefront).await;
    let logs = gateway
        .logs_until("no line says this", Duration::from_secs(2))
        .join("\n");
    assert!(logs.contains("charge attempt"), "{logs}");
    assert_eq!(card_data_in(&logs, Cvcs::All), Vec::<String>::new());
    assert_eq!(card_data_in(&sent(&hits), Cvcs::All), Vec::<String>::new());
    let db = offsite_gateway::store::connect(&env.settings().store_options())
        .await
        .unwrap();
    assert_eq!(
        card_data_in(&dump_tables(&db).await, Cvcs::All),
        Vec::<String>::new()
    );
    let (stopped, _) = gateway.terminate();
    assert!(stopped);
}

#[test]
fn a_cvc_is_found_standing_alone_and_not_inside_other_values() {
    for (text, found) in [
        ("card_cvc=846&x=1", true),
        ("{\"cvc\":\"846\"}", true),
        ("cvc 846\n", true),
        ("846", true),
        ("created_at=1764601846123", false),
        ("ms=12.846", false),
        ("id=0a846f", false),
        ("7d3e-846-aa", false),
        ("846µs", false),
    ] {
        assert_eq!(holds_token(text, "846"), found, "{text}");
    }
}
