//! Secrets and card data (T12, T24): what the database and the logs hold after real payments,
//! sealed secrets bound to their row, and start-up refusing a wrong or missing master key.

use crate::helpers::*;
use offsite_gateway::config::Settings;
use offsite_gateway::startup;
use sea_orm::{ConnectionTrait, Statement};

#[tokio::test]
async fn no_card_number_cvc_or_secret_reaches_the_logs_or_the_database() {
    // T24: a full payment with a distinctive CVC, then search everything.
    let app = TestApp::spawn().await;
    let page = app.open_payment(app.request("t24")).await;
    let (csrf, attempt) = app.form_tokens(&page).await;
    let resp = app
        .submit_card(&page, &csrf, &attempt, "4242424242424242", "12/30", "987")
        .await;
    assert!(location(&resp).contains("x_result=completed"));
    // A decline and an inline error too, since those paths log as well.
    let page2 = app.open_payment(app.request("t24-2")).await;
    app.pay(&page2, "4000000000000002").await;
    let (csrf2, attempt2) = app.form_tokens(&page2).await;
    app.submit_card(
        &page2,
        &csrf2,
        &attempt2,
        "4242424242424241",
        "12/30",
        "987",
    )
    .await;

    let logs = captured_logs();
    assert!(logs.contains("charge attempt"), "the logs were captured");
    let dump = app.dump().await;
    assert!(
        dump.contains("4242"),
        "the dump was read: last four digits are kept"
    );
    for (what, haystack) in [("logs", &logs), ("database", &dump)] {
        for secret in [
            "4242424242424242",
            "424242424242",
            "4242 4242 4242 4242",
            "4000000000000002",
            "4242424242424241",
            "card_cvc=987",
            "\"987\"",
            SECRET,
            OTHER_SECRET,
        ] {
            assert!(!haystack.contains(secret), "{secret:?} found in the {what}");
        }
    }
    // Nor the secret's base64 or hex forms in the database.
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD.encode(SECRET);
    assert!(!dump.contains(&b64) && !dump.contains(&hex::encode(SECRET)));
}

#[tokio::test]
async fn the_schema_has_no_column_for_card_numbers_or_cvcs() {
    let app = TestApp::spawn().await;
    let sql = match app.db.orm().get_database_backend() {
        sea_orm::DatabaseBackend::Postgres => {
            "SELECT column_name::text FROM information_schema.columns WHERE table_schema = 'public'"
        }
        _ => {
            "SELECT name FROM pragma_table_info('payments') UNION ALL \
              SELECT name FROM pragma_table_info('test_processor_charges') UNION ALL \
              SELECT name FROM pragma_table_info('merchants')"
        }
    };
    let rows = app
        .db
        .orm()
        .query_all_raw(Statement::from_string(
            app.db.orm().get_database_backend(),
            sql,
        ))
        .await
        .unwrap();
    let names: Vec<String> = rows
        .iter()
        .map(|r| r.try_get_by_index(0).unwrap())
        .collect();
    assert!(names.iter().any(|n| n == "card_last4"), "{names:?}");
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
