//! The order-management truth table (`domain::operations::CASES`) run through the store's SQL on
//! this suite's database, beside the pure rule: for every case the conditional update changes
//! the payment exactly when the rule allows the operation, and leaves the money where the rule
//! says.

use crate::helpers::*;
use offsite_gateway::domain::operations::{CASES, Expected, Money, apply};
use offsite_gateway::store::{now_millis, operations, payments};

/// Puts the payment behind `page` in the state of `m`, as if its history had led there.
async fn put_in_state(app: &TestApp, page: &str, m: &Money) {
    use sea_orm::ConnectionTrait;
    let id = page.trim_start_matches("/pay/");
    app.db
        .orm()
        .execute_unprepared(&format!(
            "UPDATE payments SET status = '{}', transaction_type = '{}', authorized_minor = {},
                 captured_minor = {}, refunded_minor = {} WHERE id = '{id}'",
            m.status.as_str(),
            m.kind.as_str(),
            m.authorized,
            m.captured,
            m.refunded
        ))
        .await
        .unwrap();
}

#[tokio::test]
async fn the_sql_and_the_pure_rule_agree_on_every_case_of_the_truth_table() {
    let app = TestApp::spawn().await;
    for (i, case) in CASES.iter().enumerate() {
        let mut request = app.request(&format!("rule-{i}"));
        set(&mut request, "x_amount", "1.00");
        let page = app.open_payment(request).await;
        put_in_state(&app, &page, &case.before).await;
        let id = page.trim_start_matches("/pay/").to_string();

        let (payment_id, op) = (id.clone(), case.op);
        let changed = app
            .db
            .write(move |tx| {
                Box::pin(async move { operations::apply(tx, &payment_id, op, now_millis()).await })
            })
            .await
            .unwrap();
        let after = payments::find(&app.db, &id).await.unwrap().unwrap();
        let by_sql = (after.status, after.captured, after.refunded);

        let by_rule = apply(&case.before, case.op);
        let what = format!("case {i}: {:?} {:?}", case.before, case.op);
        match by_rule {
            Ok(m) => {
                assert!(changed, "{what}: the rule allows it, the SQL refused");
                assert_eq!(by_sql, (m.status, m.captured, m.refunded), "{what}");
            }
            Err(_) => {
                assert!(!changed, "{what}: the rule refuses it, the SQL applied it");
                let b = &case.before;
                assert_eq!(by_sql, (b.status, b.captured, b.refunded), "{what}");
            }
        }
        let expected_applied = matches!(case.expected, Expected::Applied { .. });
        assert_eq!(changed, expected_applied, "{what}: against the table");
    }
}
