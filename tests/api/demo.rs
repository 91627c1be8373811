//! `offsite-gateway demo` in-process (protocol.md section 16): the gateway and its demo
//! storefront on ports 0 with a database of their own, driven over HTTP as a shopper's
//! browser and a forger would. The demo runs with `GATEWAY_ALLOW_PRIVATE_TARGETS` off: its
//! storefront's socket is the only private target the gateway takes.

use crate::helpers::*;
use crate::receiver::CountingListener;
use offsite_gateway::callbacks::Deliverer;
use offsite_gateway::callbacks::RetrySchedule;
use offsite_gateway::callbacks::deliver::Timeouts;
use offsite_gateway::callbacks::guard::AddressPolicy;
use offsite_gateway::config::Settings;
use offsite_gateway::crypto::MasterKey;
use offsite_gateway::demo::Demo;
use offsite_gateway::store::{self, merchants};
use secrecy::ExposeSecret;
use std::time::Duration;

struct Running {
    demo: Option<Demo>,
    client: reqwest::Client,
    shop: String,
    gateway: String,
    settings: Settings,
    _dir: tempfile::TempDir,
    /// The admin URL and name of the PostgreSQL database of this test, if it runs on one.
    postgres: Option<(String, String)>,
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some((admin_url, name)) = &self.postgres {
            drop_database(admin_url, name);
        }
    }
}

impl Running {
    async fn start() -> Running {
        let dir = tempfile::tempdir().unwrap();
        let (database_url, postgres) = match postgres_admin_url() {
            Some(admin) => {
                let (url, name) = create_database(&admin, "gw_demo").await;
                (url, Some((admin, name)))
            }
            None => {
                let path = dir.path().join("gw.db");
                (format!("sqlite://{}?mode=rwc", path.display()), None)
            }
        };
        let key = MasterKey::generate();
        let settings = Settings {
            listen: "127.0.0.1:0".into(),
            public_url: "http://127.0.0.1:0".into(),
            database_url,
            master_key: Some(key.to_base64().expose_secret().to_string().into()),
            callback_retry_schedule: RetrySchedule::parse("1s,1s").unwrap(),
            callback_timeout: Duration::from_secs(2),
            pending_settle_after: Duration::from_secs(1),
            ..Settings::default()
        };
        assert!(!settings.allow_private_targets);
        let demo = Demo::start(settings.clone(), "127.0.0.1:0").await.unwrap();
        Running {
            shop: demo.storefront_url().to_string(),
            gateway: demo.gateway_url().to_string(),
            demo: Some(demo),
            client: http_client(),
            settings,
            _dir: dir,
            postgres,
        }
    }

    fn demo(&self) -> &Demo {
        self.demo.as_ref().unwrap()
    }

    async fn get(&self, url: &str) -> (u16, String) {
        let resp = self.client.get(url).send().await.unwrap();
        (resp.status().as_u16(), resp.text().await.unwrap())
    }

    async fn post(&self, url: &str, form: &[(String, String)]) -> reqwest::Response {
        self.client
            .post(url)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(encode(form))
            .send()
            .await
            .unwrap()
    }

    /// Presses "Pay with Offsite Gateway": the signed fields of the form the storefront answers.
    async fn press_pay(&self) -> Vec<(String, String)> {
        let resp = self
            .client
            .post(format!("{}/checkout", self.shop))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 200);
        let html = resp.text().await.unwrap();
        let action = format!("action=\"{}/checkout\"", self.gateway);
        assert!(
            html.contains(&action),
            "the form posts to the gateway: {html}"
        );
        assert!(html.contains("Continue to payment"));
        hidden_fields(&html)
    }

    /// Presses "Continue to payment": the gateway's answer to the signed request.
    async fn continue_to_gateway(&self, fields: &[(String, String)]) -> String {
        let resp = self
            .post(&format!("{}/checkout", self.gateway), fields)
            .await;
        assert_eq!(resp.status(), 303, "{}", resp.text().await.unwrap());
        location(&resp)
    }

    /// Submits `card` on the payment page; where the gateway sends the shopper.
    async fn pay(&self, page: &str, card: &str) -> String {
        let (_, html) = self.get(&format!("{}{page}", self.gateway)).await;
        let form = pairs(&[
            ("csrf_token", &hidden(&html, "csrf_token")),
            ("attempt", &hidden(&html, "attempt")),
            ("cardholder_name", "Ada Lovelace"),
            ("card_number", card),
            ("card_expiry", "12/30"),
            ("card_cvc", "123"),
        ]);
        let resp = self.post(&format!("{}{page}", self.gateway), &form).await;
        assert_eq!(resp.status(), 303, "{}", resp.text().await.unwrap());
        location(&resp)
    }

    /// The sandbox merchant's current secret, as a forger would not have it.
    async fn secret(&self) -> String {
        let db = store::connect(&self.settings.store_options())
            .await
            .unwrap();
        let key =
            MasterKey::from_base64(self.settings.master_key.as_ref().unwrap().expose_secret())
                .unwrap();
        let m = merchants::find(&db, self.demo().account_id())
            .await
            .unwrap()
            .unwrap();
        String::from_utf8(m.secret(&key).unwrap().expose_secret().clone()).unwrap()
    }

    async fn stop(mut self) {
        self.demo.take().unwrap().stop().await.unwrap();
    }
}

/// The hidden inputs of a page, unescaped.
fn hidden_fields(html: &str) -> Vec<(String, String)> {
    let unescape = |s: &str| {
        s.replace("&#34;", "\"")
            .replace("&#39;", "'")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&#38;", "&")
            .replace("&amp;", "&")
    };
    html.split("<input type=\"hidden\" name=\"")
        .skip(1)
        .map(|rest| {
            let (name, rest) = rest.split_once("\" value=\"").unwrap();
            let (value, _) = rest.split_once('"').unwrap();
            (unescape(name), unescape(value))
        })
        .collect()
}

#[tokio::test]
async fn the_demo_shows_a_product_a_pay_button_and_the_test_cards() {
    let app = Running::start().await;
    let (status, html) = app.get(&app.shop).await;
    assert_eq!(status, 200);
    for text in [
        "Enamel camping mug",
        "€24.00",
        "Pay with Offsite Gateway",
        "4242 4242 4242 4242",
        "declined: Your card was declined.",
    ] {
        assert!(html.contains(text), "{text} on the product page");
    }
    let resp = app.client.get(&app.shop).send().await.unwrap();
    let csp = resp.headers()["content-security-policy"].to_str().unwrap();
    assert!(
        csp.contains("default-src 'none'") && csp.contains(&app.gateway),
        "{csp}"
    );
    assert!(!html.contains("<script"), "no script at all");
    app.stop().await;
}

#[tokio::test]
async fn paying_4242_returns_verified_and_the_callback_arrives_verified() {
    let app = Running::start().await;
    let fields = app.press_pay().await;
    assert_eq!(get(&fields, "x_test"), Some("true"));
    assert_eq!(get(&fields, "x_account_id"), Some(app.demo().account_id()));
    let reference = get(&fields, "x_reference").unwrap().to_string();
    let complete = format!("{}/orders/{reference}", app.shop);
    assert_eq!(get(&fields, "x_url_complete"), Some(complete.as_str()));
    assert_eq!(
        get(&fields, "x_url_callback"),
        Some(format!("{}/callback", app.shop).as_str())
    );
    let page = app.continue_to_gateway(&fields).await;
    assert!(page.starts_with("/pay/"), "{page}");

    let back = app.pay(&page, CARD_OK).await;
    assert!(back.starts_with(&format!("{complete}?")), "{back}");
    let (status, html) = app.get(&back).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("id=\"return-signature\">signature verified<"),
        "{html}"
    );
    assert!(html.contains("id=\"return-result\">completed<"));
    assert!(
        html.contains("id=\"return-card\">visa ending in 4242<"),
        "{html}"
    );
    assert!(html.contains(">Paid<"));

    let verified_callback = "class=\"callback\" data-verified=\"true\" data-result=\"completed\"";
    let arrived = eventually(15, || async {
        app.get(&complete).await.1.contains(verified_callback)
    })
    .await;
    assert!(arrived, "a verified callback shows on the order page");
    let (_, list) = app.get(&format!("{}/orders", app.shop)).await;
    assert!(
        list.contains(&reference) && list.contains("1 of 1"),
        "{list}"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_forged_callback_gets_401_and_shows_as_invalid_and_a_tampered_return_too() {
    let app = Running::start().await;
    let fields = app.press_pay().await;
    let reference = get(&fields, "x_reference").unwrap().to_string();
    let forged = signed(
        pairs(&[
            ("x_account_id", app.demo().account_id()),
            ("x_amount", "24.00"),
            ("x_currency", "EUR"),
            ("x_gateway_reference", "forged"),
            ("x_reference", &reference),
            ("x_result", "completed"),
            ("x_test", "true"),
            ("x_timestamp", "2030-01-01T00:00:00Z"),
            ("x_transaction_type", "sale"),
        ]),
        "not the merchant's secret",
    );
    let resp = app.post(&format!("{}/callback", app.shop), &forged).await;
    assert_eq!(resp.status(), 401);
    let order = format!("{}/orders/{reference}", app.shop);
    let (_, html) = app.get(&order).await;
    assert!(html.contains("data-verified=\"false\""), "{html}");
    assert!(html.contains("signature INVALID (answered 401)"));
    assert!(
        html.contains(">Awaiting payment<"),
        "a forgery changes nothing"
    );

    // The right secret but a changed amount: signed, and still not believed.
    let mut cheap = forged.clone();
    set(&mut cheap, "x_amount", "0.01");
    let cheap = signed(cheap, &app.secret().await);
    let query = encode(&cheap);
    let (_, html) = app.get(&format!("{order}?{query}")).await;
    assert!(html.contains("id=\"return-signature\">signature verified<"));
    assert!(
        html.contains("the amount is not the 24.00 EUR ordered"),
        "{html}"
    );
    assert!(html.contains(">Awaiting payment<"));

    let mut tampered = cheap;
    set(&mut tampered, "x_amount", "24.00");
    let (_, html) = app.get(&format!("{order}?{}", encode(&tampered))).await;
    assert!(
        html.contains("id=\"return-signature\">signature INVALID<"),
        "{html}"
    );
    assert!(html.contains(">Awaiting payment<"));
    app.stop().await;
}

#[tokio::test]
async fn cancelling_on_the_payment_page_lands_on_the_storefronts_cancel_page() {
    let app = Running::start().await;
    let fields = app.press_pay().await;
    let page = app.continue_to_gateway(&fields).await;
    let (_, html) = app.get(&format!("{}{page}", app.gateway)).await;
    let marker = "id=\"cancel-link\" href=\"";
    let start = html.find(marker).unwrap() + marker.len();
    let href = html[start..]
        .split('"')
        .next()
        .unwrap()
        .replace("&#38;", "&");
    let resp = app
        .client
        .get(format!("{}{href}", app.gateway))
        .send()
        .await
        .unwrap();
    let to = location(&resp);
    assert!(
        to.starts_with(&format!("{}/cancel?order=", app.shop)),
        "{to}"
    );
    let (status, html) = app.get(&to).await;
    assert_eq!(status, 200);
    assert!(html.contains("Payment cancelled"));
    let reference = get(&fields, "x_reference").unwrap();
    let (_, order) = app.get(&format!("{}/orders/{reference}", app.shop)).await;
    assert!(order.contains(">Cancelled by the shopper<"), "{order}");
    app.stop().await;
}

#[tokio::test]
async fn the_demo_gateway_takes_its_storefront_and_no_other_private_target() {
    let app = Running::start().await;
    let other = CountingListener::start("127.0.0.1").await;
    let secret = app.secret().await;
    let fields = app.press_pay().await;

    // The URL rules: the same request pointing at another loopback port is refused.
    for (field, url) in [
        (
            "x_url_callback",
            format!("http://127.0.0.1:{}/callback", other.port),
        ),
        ("x_url_complete", "http://127.0.0.1:5432/".to_string()),
        (
            "x_url_cancel",
            format!(
                "http://localhost:{}/",
                app.demo().storefront_address().port()
            ),
        ),
    ] {
        let mut request = fields.clone();
        set(&mut request, field, &url);
        set(&mut request, "x_reference", &format!("other-{field}"));
        let resp = app
            .post(
                &format!("{}/checkout", app.gateway),
                &signed(request, &secret),
            )
            .await;
        assert_eq!(resp.status(), 422, "{field}={url} is refused");
    }

    // The guard, with the policy the demo's gateway runs: the storefront's socket only.
    let policy = AddressPolicy {
        allow_sockets: vec![app.demo().storefront_address()],
        ..AddressPolicy::default()
    };
    let client = Deliverer::new(policy, Timeouts::default()).unwrap();
    let sent = client
        .send(
            &format!("http://127.0.0.1:{}/callback", other.port),
            "x_a=1",
        )
        .await;
    assert_eq!(sent.error_kind, Some("blocked_ip"));
    assert_eq!(other.connections(), 0);
    let reached = client
        .send(&format!("{}/callback", app.shop), "x_a=1")
        .await;
    assert_eq!(
        reached.http_status,
        Some(401),
        "the storefront answers, unsigned"
    );
    app.stop().await;
}
