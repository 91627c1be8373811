//! Secrets and card data (T12, T24): no column for card data (what the database and the logs
//! hold after real payments is `card_data.rs`'s), sealed secrets bound to their row, and
//! start-up refusing a wrong or missing master key.

use crate::helpers::*;
use offsite_gateway::config::Settings;
use offsite_gateway::startup;
use sea_orm::ConnectionTrait;

#[tokio::test]
async fn the_schema_has_no_column_for_card_numbers_or_cvcs() {
    // T24: every column of every table, from the database's own catalogue.
    let app = TestApp::spawn().await;
    let names = crate::tables::column_names(&app.db).await;
    assert!(
        names.iter().any(|n| n == "payments.card_last4"),
        "{names:?}"
    );
    assert!(
        names.iter().any(|n| n.starts_with("api_keys.")),
        "{names:?}"
    );
    for name in &names {
        let n = name.to_lowercase();
        let card_like = n.contains("cvv")
            || n.contains("cvc")
            || n.contains("pan")
            || n.contains("card_number")
            || n.contains("expiry");
        assert!(!card_like, "column {name}");
    }
}

#[tokio::test]
async fn a_sealed_secret_moved_to_another_merchant_never_verifies() {
    // T12 (b): fail closed, log the AEAD failure, never the key.
    let app = TestApp::spawn().await;
    app.db
        .orm()
        .execute_unprepared(
            "UPDATE merchants SET secret_sealed = \
             (SELECT secret_sealed FROM merchants WHERE account_id = 'acct_test') \
             WHERE account_id = 'acct_other'",
        )
        .await
        .unwrap();
    let mut fields = app.request("t12");
    set(&mut fields, "x_account_id", OTHER_ACCOUNT);
    for key in [OTHER_SECRET, SECRET] {
        let before = app.snapshot().await;
        let resp = app
            .post_checkout_body(encode(&signed(fields.clone(), key)))
            .await;
        assert_eq!(resp.status(), 500);
        let body = resp.text().await.unwrap();
        assert!(!body.contains("AEAD"), "5xx bodies are generic");
        assert_eq!(app.snapshot().await, before);
    }
    assert!(captured_logs().contains("AEAD failure"));
}

#[tokio::test]
async fn starting_with_another_master_key_fails_and_names_the_key() {
    // T12 (d).
    let app = TestApp::spawn().await;
    let mut settings = app.settings.clone();
    let other = offsite_gateway::crypto::MasterKey::generate();
    settings.master_key = Some({
        use secrecy::ExposeSecret;
        other.to_base64().expose_secret().to_string().into()
    });
    let err = startup::open(&settings)
        .await
        .err()
        .expect("a wrong key must not start");
    let text = format!("{err:#}");
    assert!(
        text.contains(app.master_key().id()) && text.contains(other.id()),
        "{text}"
    );
}

#[test]
fn postgres_without_a_master_key_refuses_to_start() {
    let settings = Settings {
        database_url: "postgres://postgres@127.0.0.1:5432/gw".into(),
        master_key: None,
        ..Settings::default()
    };
    let err = startup::master_key(&settings).err().expect("refused");
    assert!(format!("{err}").contains("GATEWAY_MASTER_KEY"));
}
