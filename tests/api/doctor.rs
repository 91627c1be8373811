//! The signature doctor over HTTP (protocol.md section 10), on both databases: a refused
//! signature of a known merchant gets its diagnosis in the 401's JSON detail (payment requests
//! and order management alike) and a row in the merchant's rejections list, redacted to field
//! names, at most 100 and 7 days. A request signed with an unrelated key learns nothing.
//! (Each diagnosis has its own unit test in `domain::doctor`; these check the wiring.)

use crate::dashboard::Browser;
use crate::helpers::*;
use crate::tables::REJECTIONS;
use hmac::{Hmac, KeyInit, Mac};
use offsite_gateway::store::rejections::{self, Rejection};

/// HMAC-SHA256 hex of `message` under `key`.
fn hmac_hex(key: &str, message: &str) -> String {
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(key.as_bytes()).unwrap();
    mac.update(message.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

/// The x_ fields in the order given, name then value: the order they are sent in.
fn unsorted_message(fields: &[(String, String)]) -> String {
    fields
        .iter()
        .filter(|(n, _)| n.starts_with("x_") && n != "x_signature")
        .map(|(n, v)| format!("{n}{v}"))
        .collect()
}

async fn post_json(
    app: &TestApp,
    path: &str,
    fields: &[(String, String)],
) -> (u16, serde_json::Value) {
    app.post_for_json(path, encode(fields)).await
}

fn with_signature(mut fields: Vec<(String, String)>, signature: String) -> Vec<(String, String)> {
    fields.push(("x_signature".into(), signature));
    fields
}

#[tokio::test]
async fn a_refused_signature_says_what_the_storefront_did() {
    let app = TestApp::spawn().await;
    let request = app.request("doctor-1");
    let before = app.snapshot_except(&[REJECTIONS]).await;

    // Kept the order the fields were sent in (the test request is not sorted).
    let unsorted = with_signature(
        request.clone(),
        hmac_hex(SECRET, &unsorted_message(&request)),
    );
    let (status, body) = post_json(&app, "/checkout", &unsorted).await;
    assert_eq!(status, 401);
    assert_eq!(body["error"]["code"], "invalid_signature");
    assert_eq!(body["error"]["detail"]["diagnosis"], "unsorted_fields");
    assert!(body["error"]["detail"]["hint"].as_str().unwrap().len() > 20);

    // Signed a field that does not start with x_.
    let mut with_extra = request.clone();
    with_extra.push(("utm_source".into(), "newsletter".into()));
    let mut all: Vec<&(String, String)> = with_extra.iter().collect();
    all.sort_by(|a, b| a.0.cmp(&b.0));
    let message: String = all.iter().map(|(n, v)| format!("{n}{v}")).collect();
    let non_x = with_signature(with_extra.clone(), hmac_hex(SECRET, &message));
    let (status, body) = post_json(&app, "/checkout", &non_x).await;
    assert_eq!(status, 401);
    assert_eq!(
        body["error"]["detail"]["diagnosis"],
        "non_x_fields_included"
    );

    // The percent-encoded values, as they are in the body.
    let body_text = encode(&request);
    let mut encoded: Vec<(String, String)> = body_text
        .split('&')
        .map(|p| {
            let (n, v) = p.split_once('=').unwrap();
            (n.to_string(), v.to_string())
        })
        .collect();
    encoded.sort();
    let message: String = encoded.iter().map(|(n, v)| format!("{n}{v}")).collect();
    let sig = hmac_hex(SECRET, &message);
    let (status, body) = app
        .post_for_json("/checkout", format!("{body_text}&x_signature={sig}"))
        .await;
    assert_eq!(status, 401);
    assert_eq!(body["error"]["detail"]["diagnosis"], "encoded_values");

    // Signed with a key that is not the merchant's: nothing is revealed.
    let mut stranger = request.clone();
    stranger.push(("utm_source".into(), "x".into()));
    for sig in [
        sign(&request, "not-the-secret"),
        hmac_hex("not-the-secret", &unsorted_message(&request)),
        hmac_hex("not-the-secret", &message),
        "0".repeat(64),
    ] {
        let (status, body) =
            post_json(&app, "/checkout", &with_signature(request.clone(), sig)).await;
        assert_eq!(status, 401);
        assert_eq!(body["error"]["detail"]["diagnosis"], "unknown");
    }
    // No signature at all: 401 without a diagnosis.
    let (status, body) = post_json(&app, "/checkout", &request).await;
    assert_eq!(status, 401);
    assert!(body["error"]["detail"].is_null());
    // An unknown account is 404, and no merchant's list gets a row.
    let mut nobody = request.clone();
    set(&mut nobody, "x_account_id", "acct_nobody");
    let (status, _) = post_json(&app, "/checkout", &signed(nobody, SECRET)).await;
    assert_eq!(status, 404);

    // Nothing was stored but the rejections, and they hold names, never values.
    let rows = "SELECT COUNT(*) FROM signature_rejections WHERE account_id = 'acct_test'";
    assert_eq!(app.count(rows).await, 7);
    assert_eq!(app.snapshot_except(&[REJECTIONS]).await, before);
    let dump = app.dump().await;
    for value in ["Two widgets", "Widgets Inc", "newsletter", "doctor-1"] {
        assert!(!dump.contains(value), "{value} was stored");
    }

    // The merchant sees them, newest first, with the hint.
    let b = Browser::logged_in(&app, ACCOUNT, "owner@example.com").await;
    let (_, page) = b.get("/dashboard/developers").await;
    let diagnoses: Vec<&str> = page
        .match_indices("data-diagnosis=\"")
        .map(|(i, m)| {
            let rest = &page[i + m.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect();
    assert_eq!(
        diagnoses,
        [
            "unknown",
            "unknown",
            "unknown",
            "unknown",
            "encoded_values",
            "non_x_fields_included",
            "unsorted_fields"
        ]
    );
    assert!(page.contains("x_account_id, x_amount"));
    assert!(!page.contains("Two widgets") && !page.contains("doctor-1"));
    // Another merchant's user sees none of them.
    let other = Browser::logged_in(&app, OTHER_ACCOUNT, "other@example.com").await;
    assert!(
        !other
            .get("/dashboard/developers")
            .await
            .1
            .contains("data-diagnosis")
    );
}

#[tokio::test]
async fn order_management_gets_the_diagnosis_too() {
    let app = TestApp::spawn().await;
    let fields = pairs(&[
        ("x_account_id", ACCOUNT),
        ("x_transaction_type", "void"),
        ("x_gateway_reference", "gw_nothing"),
        ("x_test", "true"),
    ]);
    let sig = hmac_hex(SECRET, &unsorted_message(&fields));
    let resp = app
        .client
        .post(app.url("/void"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(encode(&with_signature(fields, sig)))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 401);
    let body: serde_json::Value = serde_json::from_str(&resp.text().await.unwrap()).unwrap();
    assert_eq!(body["x_result"], "failed");
    assert_eq!(body["code"], "invalid_signature");
    assert_eq!(body["detail"]["diagnosis"], "unsorted_fields");
    let rows = "SELECT COUNT(*) FROM signature_rejections WHERE path = '/void'";
    assert_eq!(app.count(rows).await, 1);
}

#[tokio::test]
async fn the_list_keeps_100_rows_of_the_last_7_days() {
    let app = TestApp::spawn().await;
    let now = offsite_gateway::store::now_millis();
    let day = 24 * 3600 * 1000;
    let row = |at: i64| Rejection {
        diagnosis: "unknown".into(),
        path: "/checkout".into(),
        fields: "x_account_id".into(),
        ip: None,
        at,
    };
    rejections::record(&app.db, ACCOUNT, &row(now - 8 * day))
        .await
        .unwrap();
    rejections::record(&app.db, OTHER_ACCOUNT, &row(now - 8 * day))
        .await
        .unwrap();
    for i in 0..105 {
        rejections::record(&app.db, ACCOUNT, &row(now - 1000 + i))
            .await
            .unwrap();
    }
    let mine = "SELECT COUNT(*) FROM signature_rejections WHERE account_id = 'acct_test'";
    assert_eq!(app.count(mine).await, 100);
    let oldest = "SELECT COUNT(*) FROM signature_rejections \
                  WHERE account_id = 'acct_test' AND at < ";
    assert_eq!(
        app.count(&format!("{oldest}{}", now - 1000 + 5)).await,
        0,
        "the oldest went"
    );
    // The other merchant's old row stays until its own next rejection.
    let theirs = "SELECT COUNT(*) FROM signature_rejections WHERE account_id = 'acct_other'";
    assert_eq!(app.count(theirs).await, 1);
    assert_eq!(
        rejections::list(&app.db, OTHER_ACCOUNT, now)
            .await
            .unwrap()
            .len(),
        0
    );
    rejections::record(&app.db, OTHER_ACCOUNT, &row(now))
        .await
        .unwrap();
    assert_eq!(app.count(theirs).await, 1);
}
