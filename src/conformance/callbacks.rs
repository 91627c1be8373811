//! `conformance callbacks`: the kit plays the gateway against a storefront's callback endpoint
//! (protocol.md section 6). It builds a realistic signed callback itself and POSTs it
//! form-encoded: correctly signed, it must get a 2xx; with a wrong signature, with the amount
//! changed after signing, or without `x_signature`, it must not. The refusals are judged only
//! once the good callback was accepted: an endpoint that refuses everything proves nothing.

use super::http::{FORM, Http};
use super::report::Report;
use super::signer::{Values, encode, pairs, remove, set, signed};
use std::time::Duration;
use url::Url;

/// Every check id, in order.
pub const CHECKS: &[&str] = &[
    "callbacks.signed_accepted",
    "callbacks.bad_signature_refused",
    "callbacks.changed_amount_refused",
    "callbacks.unsigned_refused",
];

#[derive(Debug, Clone)]
pub struct Options {
    /// The storefront's callback endpoint.
    pub url: Url,
    /// The merchant's secret the storefront verifies with.
    pub secret: String,
    pub account: String,
    /// An order the storefront knows, for endpoints that check it (else a fresh one).
    pub reference: Option<String>,
    pub amount: String,
    pub currency: String,
    pub http_timeout: Duration,
}

impl Options {
    pub fn new(url: Url, secret: &str) -> Self {
        Self {
            url,
            secret: secret.to_string(),
            account: "acct_conformance".into(),
            reference: None,
            amount: "10.50".into(),
            currency: "USD".into(),
            http_timeout: Duration::from_secs(10),
        }
    }
}

/// The callback a gateway would send for a completed sale.
fn callback(options: &Options) -> Values {
    let run = crate::crypto::random_hex::<4>();
    let reference = options
        .reference
        .clone()
        .unwrap_or_else(|| format!("conf-{run}-callback"));
    let now = time::OffsetDateTime::now_utc()
        .format(time::macros::format_description!(
            "[year]-[month]-[day]T[hour]:[minute]:[second]Z"
        ))
        .expect("a UTC time formats");
    pairs(&[
        ("x_account_id", &options.account),
        ("x_amount", &options.amount),
        ("x_currency", &options.currency),
        ("x_gateway_reference", &format!("gw_conformance_{run}")),
        ("x_reference", &reference),
        ("x_result", "completed"),
        ("x_test", "true"),
        ("x_timestamp", &now),
        ("x_transaction_type", "sale"),
    ])
}

/// Runs the four checks against the endpoint of `options`.
pub async fn run(options: &Options) -> anyhow::Result<Report> {
    let http = Http::new(options.http_timeout)?;
    let good = signed(callback(options), &options.secret);
    let send = |values: Values| {
        let http = http.clone();
        async move { http.post_form(&options.url, encode(&values), None).await }
    };
    let mut report = Report::default();
    let accepted = match send(good.clone()).await {
        Ok(a) if a.is_success() => {
            report.pass(
                "callbacks.signed_accepted",
                format!("{} for a correctly signed {FORM} callback", a.status),
            );
            true
        }
        Ok(a) => {
            report.fail(
                "callbacks.signed_accepted",
                format!(
                    "{} for a correctly signed callback (if the endpoint checks the order, name \
                     one it knows with --reference, --amount and --currency)",
                    a.summary()
                ),
            );
            false
        }
        Err(no_answer) => {
            report.fail("callbacks.signed_accepted", no_answer);
            false
        }
    };
    let wrong_key = signed(good.clone(), &format!("{}-not-the-secret", options.secret));
    let mut changed = good.clone();
    let other_amount = if options.amount == "1.00" {
        "2.00"
    } else {
        "1.00"
    };
    set(&mut changed, "x_amount", other_amount);
    let mut unsigned = good.clone();
    remove(&mut unsigned, "x_signature");
    let cases = [
        (
            "callbacks.bad_signature_refused",
            wrong_key,
            "signed with another key",
        ),
        (
            "callbacks.changed_amount_refused",
            changed,
            "with x_amount changed after signing",
        ),
        (
            "callbacks.unsigned_refused",
            unsigned,
            "without x_signature",
        ),
    ];
    for (id, values, what) in cases {
        if !accepted {
            report.skip(
                id,
                "the correctly signed callback was not accepted, so a refusal proves nothing",
            );
            continue;
        }
        report.judge(
            id,
            match send(values).await {
                Ok(a) if a.is_success() => Err(format!(
                    "{} for a callback {what}: it must not be accepted",
                    a.status
                )),
                Ok(a) => Ok(format!("{} for a callback {what}", a.status)),
                Err(no_answer) => Err(no_answer),
            },
        );
    }
    Ok(report)
}
