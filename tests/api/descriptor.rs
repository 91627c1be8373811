//! What partners and developers read (protocol.md section 8), on both databases: the
//! descriptor's headers, every URL it names answering, its currencies agreeing with what
//! /checkout accepts (0, 2, 3 and 4 digits, and the storefront digit counts), its schedule the
//! configured one, its test cards doing what it says; the published vectors (the same bytes the
//! tests read) checked end to end; the public page's worked example verifying.

use crate::helpers::*;
use offsite_gateway::domain::money::{Amount, Currency};
use offsite_gateway::store::merchants;

async fn get_json(app: &TestApp, path: &str) -> (reqwest::header::HeaderMap, serde_json::Value) {
    let resp = app.client.get(app.url(path)).send().await.unwrap();
    assert_eq!(resp.status(), 200, "{path}");
    let headers = resp.headers().clone();
    let body = resp.text().await.unwrap();
    (headers, serde_json::from_str(&body).unwrap())
}

async fn descriptor(app: &TestApp) -> serde_json::Value {
    get_json(app, "/.well-known/offsite-gateway.json").await.1
}

/// An amount of one minor unit more than 1 with exactly `digits` digits: `1`, `1.01`, `1.001`.
fn amount_with(digits: u8) -> String {
    match digits {
        0 => "2".into(),
        d => format!("1.{}1", "0".repeat(usize::from(d) - 1)),
    }
}

#[tokio::test]
async fn the_descriptor_is_public_and_every_url_it_names_answers() {
    let app = TestApp::spawn().await;
    let (headers, d) = get_json(&app, "/.well-known/offsite-gateway.json").await;
    assert_eq!(headers["cache-control"], "public, max-age=300");
    assert_eq!(headers["access-control-allow-origin"], "*");
    assert!(
        headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
    for key in [
        "name",
        "version",
        "payment_url",
        "order_management",
        "api_url",
        "openapi_url",
        "currencies",
        "countries",
        "capabilities",
        "signature",
        "callbacks",
        "credentials",
        "test_cards",
    ] {
        assert!(d.get(key).is_some(), "{key} missing");
    }
    assert_eq!(d["version"], env!("CARGO_PKG_VERSION"));
    assert!(
        d["api_url"].is_null() && d["openapi_url"].is_null(),
        "no sessions API yet"
    );
    // The endpoints exist: an empty POST is refused as malformed, never 404 or 405.
    let mut urls = vec![d["payment_url"].as_str().unwrap().to_string()];
    for kind in ["capture", "refund", "void"] {
        urls.push(d["order_management"][kind].as_str().unwrap().to_string());
    }
    for url in urls {
        let url = url.replace(&app.settings.public_url, &app.address);
        let resp = app
            .client
            .post(&url)
            .header("content-type", "application/x-www-form-urlencoded")
            .body("")
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 400, "{url}");
    }
    // The vectors are served as the very files the tests read.
    for (key, file) in [
        (
            "signature",
            include_str!("../../vectors/signature-vectors.json"),
        ),
        ("money", include_str!("../../vectors/money-vectors.json")),
    ] {
        let url = d["vectors"][key]
            .as_str()
            .unwrap()
            .replace(&app.settings.public_url, &app.address);
        let resp = app.client.get(&url).send().await.unwrap();
        assert_eq!(resp.status(), 200, "{url}");
        assert_eq!(resp.headers()["access-control-allow-origin"], "*");
        assert_eq!(resp.text().await.unwrap(), file, "{key}");
    }
    let caps = &d["capabilities"];
    assert_eq!(caps["live_mode"], false, "no live processor");
    assert_eq!(caps["test_mode"], true);
    assert_eq!(caps["key_rotation"], true);
    for not_yet in ["embedded", "sessions_api", "webhooks"] {
        assert_eq!(caps[not_yet], false, "{not_yet}");
    }
    assert_eq!(d["signature"]["algorithm"], "HMAC-SHA256");
    assert_eq!(d["credentials"][1]["secret"], true);
}

#[tokio::test]
async fn its_schedule_and_timeout_are_the_configured_ones() {
    let app = TestApp::spawn_with(|s| {
        s.callback_retry_schedule =
            offsite_gateway::callbacks::RetrySchedule::parse("7s,250ms,2m").unwrap();
        s.callback_timeout = std::time::Duration::from_secs(4);
    })
    .await;
    let d = descriptor(&app).await;
    assert_eq!(
        d["callbacks"]["retry_schedule_s"],
        serde_json::json!([7, 0.25, 120])
    );
    assert_eq!(d["callbacks"]["timeout_s"], 4);
    assert_eq!(d["callbacks"]["success"], "2xx");
    let default = offsite_gateway::config::Settings::default();
    let d = offsite_gateway::descriptor::describe(&default, false);
    let json = serde_json::to_value(&d).unwrap();
    assert_eq!(
        json["callbacks"]["retry_schedule_s"],
        serde_json::json!([60, 120, 300, 600, 1200])
    );
}

#[tokio::test]
async fn its_currencies_are_what_checkout_accepts() {
    // Over a thousand checkouts from one address: more than its rate limit allows a shopper.
    let app = TestApp::spawn_with(|s| s.limits.checkout_per_minute = 0).await;
    let d = descriptor(&app).await;
    let currencies = d["currencies"].as_array().unwrap();
    assert!(currencies.len() > 150);
    let mut seen_digits = std::collections::BTreeSet::new();
    for (i, c) in currencies.iter().enumerate() {
        let code = c["code"].as_str().unwrap();
        let digits = u8::try_from(c["digits"].as_u64().unwrap()).unwrap();
        seen_digits.insert(digits);
        let also: Vec<u8> = c["also_accepted_digits"]
            .as_array()
            .map(|a| a.iter().map(|d| d.as_u64().unwrap() as u8).collect())
            .unwrap_or_default();
        let mut request = app.request(&format!("cur-{i}"));
        set(&mut request, "x_currency", code);
        set(&mut request, "x_amount", &amount_with(digits));
        let resp = app.checkout(request.clone()).await;
        assert_eq!(resp.status(), 303, "{code} with {digits} digits");
        for other in (0..=5u8).filter(|n| *n != digits && !also.contains(n)) {
            set(&mut request, "x_reference", &format!("cur-{i}-{other}"));
            set(&mut request, "x_amount", &amount_with(other));
            let resp = app.checkout(request.clone()).await;
            assert_eq!(resp.status(), 422, "{code} with {other} digits");
        }
        for other in &also {
            set(
                &mut request,
                "x_reference",
                &format!("cur-{i}-also-{other}"),
            );
            let text = match other {
                0 => "2".to_string(),
                d => format!("2.{}", "0".repeat(usize::from(*d))),
            };
            set(&mut request, "x_amount", &text);
            assert_eq!(
                app.checkout(request.clone()).await.status(),
                303,
                "{code} {text}"
            );
        }
    }
    assert_eq!(
        seen_digits.into_iter().collect::<Vec<_>>(),
        [0, 2, 3, 4],
        "the table has 0, 2, 3 and 4 digit currencies"
    );
    let countries = d["countries"].as_array().unwrap();
    assert!(countries.len() > 240);
    let mut request = app.request("country");
    set(
        &mut request,
        "x_shop_country",
        countries[17].as_str().unwrap(),
    );
    assert_eq!(app.checkout(request).await.status(), 303);
}

#[tokio::test]
async fn its_test_cards_do_what_it_says() {
    let app = TestApp::spawn().await;
    let d = descriptor(&app).await;
    for (i, card) in d["test_cards"].as_array().unwrap().iter().enumerate() {
        let number = card["number"].as_str().unwrap();
        let page = app.open_payment(app.request(&format!("card-{i}"))).await;
        app.pay(&page, number).await;
        let status = app.payment_status(&page).await;
        let expected = match card["outcome"].as_str().unwrap() {
            "approved" => "captured",
            "pending" => "pending",
            "challenge" => "challenge",
            "declined" | "error" => "open",
            other => panic!("unknown outcome {other}"),
        };
        assert_eq!(status, expected, "{number}");
        if let Some(message) = card["message"].as_str() {
            assert!(app.get_page(&page).await.1.contains(message), "{number}");
        }
    }
}

#[tokio::test]
async fn the_money_vectors_hold_end_to_end() {
    let app = TestApp::spawn().await;
    let doc: serde_json::Value =
        serde_json::from_str(include_str!("../../vectors/money-vectors.json")).unwrap();
    let key = doc["key"].as_str().unwrap();
    let account = doc["account_id"].as_str().unwrap();
    merchants::create_with_secret(&app.db, &app.master_key(), account, "Vectors", true, key)
        .await
        .unwrap();
    let vectors = doc["vectors"].as_array().unwrap();
    assert!(vectors.len() >= 25);
    for v in vectors {
        let name = v["name"].as_str().unwrap();
        let mut fields: Vec<(String, String)> = v["fields"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(n, v)| (n.clone(), v.as_str().unwrap().to_string()))
            .collect();
        // The vector's signature, checked by the tests' own signer.
        let sig = v["x_signature"].as_str().unwrap();
        assert_eq!(sign(&fields, key), sig, "{name}");
        // The gateway's amount rule agrees.
        let currency = Currency::parse(v["currency"].as_str().unwrap()).unwrap();
        let parsed = Amount::parse(v["amount"].as_str().unwrap(), currency);
        let accepted = v["accepted"].as_bool().unwrap();
        assert_eq!(parsed.is_ok(), accepted, "{name}");
        if let Ok(a) = parsed {
            assert_eq!(Some(a.minor()), v["minor_units"].as_i64(), "{name}");
        }
        // And so does the running gateway, which echoes the amount byte for byte.
        fields.push(("x_signature".into(), sig.to_string()));
        if !accepted {
            let (status, body) = app.post_for_json("/checkout", encode(&fields)).await;
            assert_eq!(status, 422, "{name}");
            assert_eq!(body["error"]["field"], "x_amount", "{name}");
            continue;
        }
        let resp = app.post_checkout_body(encode(&fields)).await;
        assert_eq!(resp.status(), 303, "{name}");
        let page = location(&resp);
        let id = page.trim_start_matches("/pay/");
        let stored = app
            .count(&format!(
                "SELECT amount_minor FROM payments WHERE id = '{id}'"
            ))
            .await;
        assert_eq!(Some(stored), v["minor_units"].as_i64(), "{name}");
        let back = query_of(&location(&app.pay(&page, CARD_OK).await));
        assert!(verify(&back, key), "{name}");
        assert_eq!(
            get(&back, "x_amount"),
            v["amount"].as_str(),
            "{name}: the echo"
        );
    }
}

#[tokio::test]
async fn the_public_page_says_the_same_and_its_example_verifies() {
    let app = TestApp::spawn().await;
    let resp = app.client.get(app.url("/")).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["cache-control"], "public, max-age=300");
    let page = resp.text().await.unwrap();
    let d = descriptor(&app).await;
    assert!(page.contains(d["payment_url"].as_str().unwrap()));
    assert!(page.contains("/.well-known/offsite-gateway.json"));
    for code in ["JPY", "BHD", "CLF", "COU", "CVE", "HUF", "UYW"] {
        assert!(
            page.contains(&format!("data-currency=\"{code}\"")),
            "{code}"
        );
    }
    assert!(page.contains("1m, 2m, 5m, 10m, 20m") || page.contains("1s, 1s, 1s, 1s, 1s"));
    for card in d["test_cards"].as_array().unwrap() {
        assert!(page.contains(card["number"].as_str().unwrap()));
    }
    // The example's fields as the page lists them, signed by the tests' own signer with the
    // published example secret, give the signature the page shows.
    let table = &page[page.find("id=\"example-fields\"").unwrap()..];
    let table = &table[..table.find("</table>").unwrap()];
    let cells: Vec<&str> = table
        .split("<td><code")
        .skip(1)
        .map(|c| {
            let c = &c[c.find('>').unwrap() + 1..];
            &c[..c.find("</code>").unwrap()]
        })
        .collect();
    let mut fields = Vec::new();
    for pair in cells.chunks(2) {
        fields.push((
            pair[0].to_string(),
            pair[1].replace("&#x2f;", "/").replace("&#47;", "/"),
        ));
    }
    let (_, shown) = fields.pop().unwrap();
    let secret = offsite_gateway::routes::public::EXAMPLE_SECRET;
    assert!(page.contains(secret));
    assert_eq!(sign(&fields, secret), shown);
    // The example account is no merchant's.
    let example = offsite_gateway::routes::public::EXAMPLE_ACCOUNT;
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM merchants WHERE account_id = '{example}'"
        ))
        .await,
        0
    );
}

#[tokio::test]
async fn an_unknown_path_is_our_404_page_or_json() {
    let app = TestApp::spawn().await;
    let resp = app
        .client
        .get(app.url("/no/such/page"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 404);
    assert!(
        resp.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert_eq!(resp.headers()["x-frame-options"], "DENY");
    let page = resp.text().await.unwrap();
    assert!(page.contains("id=\"error-message\""), "{page}");
    let resp = app
        .client
        .get(app.url("/no/such/page"))
        .header("accept", "application/json")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 404);
    let body: serde_json::Value = serde_json::from_str(&resp.text().await.unwrap()).unwrap();
    assert_eq!(body["error"]["code"], "not_found");
}
