//! The payment request checks (protocol.md sections 2 and 4): a signed request is accepted;
//! unsigned, tampered, wrong-key and duplicate-field requests are refused with a 4xx; amounts
//! must have exactly the currency's digits.

use super::{Kit, Opened};
use crate::conformance::http::Answer;
use crate::conformance::report::Report;
use crate::conformance::signer::{Values, encode, set, signed};

/// The checks that judge refusals: they prove something only once a good request is accepted.
const REFUSALS: [&str; 5] = [
    "request.unsigned_refused",
    "request.tampered_refused",
    "request.wrong_key_refused",
    "request.duplicate_field_refused",
    "request.exact_digits",
];

/// Runs the request checks; returns authorization A, opened, if the signed request was accepted.
pub(super) async fn check(kit: &Kit<'_>, report: &mut Report) -> Option<Opened> {
    let opened = signed_accepted(kit, report).await;
    if opened.is_some() {
        refusals(kit, report).await;
        exact_digits(kit, report).await;
    } else {
        for id in REFUSALS {
            report.skip(
                id,
                "a correctly signed request was not accepted, so a refusal would prove nothing",
            );
        }
    }
    opened
}

async fn post(kit: &Kit<'_>, body: String) -> Result<Answer, String> {
    kit.http.post_form(&kit.payment_url, body, None).await
}

/// The wrong key: the merchant's secret with something added, the likeliest near miss.
fn wrong_key(kit: &Kit<'_>) -> String {
    format!("{}-not-the-secret", kit.options.secret)
}

/// Whether the gateway took the request: a redirect to its page, or the page itself.
fn accepted(answer: &Answer) -> bool {
    (answer.is_redirect() && answer.location.is_some()) || answer.status == 200
}

/// A refusal must be a 4xx: a redirect or a page means accepted, a 5xx is a crash, not a "no".
fn refusal(answer: &Result<Answer, String>) -> Result<String, String> {
    match answer {
        Err(no_answer) => Err(no_answer.clone()),
        Ok(a) if a.is_client_error() => Ok(a.status.to_string()),
        Ok(a) if accepted(a) || a.is_success() => Err(format!("{}: accepted", a.summary())),
        Ok(a) => Err(format!("{}: not a 4xx refusal", a.summary())),
    }
}

async fn signed_accepted(kit: &Kit<'_>, report: &mut Report) -> Option<Opened> {
    let request = kit.request("a", "10.50", "USD", "authorization");
    match open(kit, request).await {
        Ok((opened, reason)) => {
            report.pass("request.signed_accepted", reason);
            Some(opened)
        }
        Err(why) => {
            report.fail("request.signed_accepted", why);
            None
        }
    }
}

/// Signs and sends `request`; the page it opened and how, or why it was not accepted.
pub(super) async fn open(kit: &Kit<'_>, request: Values) -> Result<(Opened, String), String> {
    let body = encode(&signed(request.clone(), &kit.options.secret));
    let answer = post(kit, body).await?;
    match (&answer.location, answer.is_redirect(), answer.status) {
        (Some(page), true, _) => {
            let opened = Opened {
                request,
                page: page.clone(),
                html: None,
            };
            Ok((opened, answer.summary()))
        }
        (_, _, 200) => {
            let opened = Opened {
                request,
                page: kit.payment_url.clone(),
                html: Some(answer.body),
            };
            Ok((opened, "200 with the payment page itself".into()))
        }
        _ => Err(format!(
            "{}: a signed request must be accepted",
            answer.summary()
        )),
    }
}

async fn refusals(kit: &Kit<'_>, report: &mut Report) {
    let secret = &kit.options.secret;

    let unsigned = kit.request("unsigned", "10.50", "USD", "sale");
    let answer = post(kit, encode(&unsigned)).await;
    report.judge(
        "request.unsigned_refused",
        refusal(&answer).map(|s| format!("{s} without x_signature")),
    );

    let mut tampered = signed(kit.request("tampered", "10.50", "USD", "sale"), secret);
    set(&mut tampered, "x_amount", "1.50");
    let answer = post(kit, encode(&tampered)).await;
    report.judge(
        "request.tampered_refused",
        refusal(&answer).map(|s| format!("{s} with x_amount changed after signing")),
    );

    let wrong = signed(
        kit.request("wrong-key", "10.50", "USD", "sale"),
        &wrong_key(kit),
    );
    let answer = post(kit, encode(&wrong)).await;
    report.judge(
        "request.wrong_key_refused",
        refusal(&answer).map(|s| format!("{s} when signed with another key")),
    );

    let dup = encode(&signed(
        kit.request("duplicate", "10.50", "USD", "sale"),
        secret,
    ));
    let mut query_url = kit.payment_url.clone();
    query_url.query_pairs_mut().append_pair("x_amount", "0.01");
    let variants = [
        ("appended", post(kit, format!("{dup}&x_amount=0.01")).await),
        ("prepended", post(kit, format!("x_amount=0.01&{dup}")).await),
        (
            "in the query and the body",
            kit.http.post_form(&query_url, dup.clone(), None).await,
        ),
    ];
    let mut statuses = Vec::new();
    let mut verdict = Ok(());
    for (how, answer) in &variants {
        match refusal(answer) {
            Ok(status) => statuses.push(status),
            Err(why) => {
                verdict = Err(format!("a second x_amount {how}: {why}"));
                break;
            }
        }
    }
    report.judge(
        "request.duplicate_field_refused",
        verdict.map(|()| {
            format!(
                "{} (a second x_amount appended, prepended, in the query and the body)",
                statuses.join(", ")
            )
        }),
    );
}

async fn exact_digits(kit: &Kit<'_>, report: &mut Report) {
    const ID: &str = "request.exact_digits";
    // (currency, amount, whether it has exactly the currency's digits)
    let cases = [
        ("USD", "10.5", false),
        ("USD", "10.500", false),
        ("USD", "10.50", true),
        ("JPY", "100.00", false),
        ("JPY", "100", true),
    ];
    let mut seen = Vec::new();
    let mut problems = Vec::new();
    let mut jpy_taken = true;
    for (i, (currency, amount, exact)) in cases.into_iter().enumerate() {
        let label = format!("digits-{i}");
        let request = signed(
            kit.request(&label, amount, currency, "sale"),
            &kit.options.secret,
        );
        let answer = match post(kit, encode(&request)).await {
            Ok(a) => a,
            Err(no_answer) => {
                problems.push(format!("{currency} {amount}: {no_answer}"));
                continue;
            }
        };
        let took = accepted(&answer);
        seen.push(format!(
            "{currency} {amount} {}",
            if took {
                "accepted".to_string()
            } else {
                answer.status.to_string()
            }
        ));
        match (exact, took) {
            (true, false) if currency == "JPY" => jpy_taken = false,
            (true, false) => problems.push(format!(
                "{currency} {amount} has exactly the currency's digits but got {}",
                answer.summary()
            )),
            (false, true) => problems.push(format!(
                "{currency} {amount} has the wrong number of digits but was accepted ({})",
                answer.summary()
            )),
            (false, false) if !answer.is_client_error() => problems.push(format!(
                "{currency} {amount}: {} is not a 4xx refusal",
                answer.summary()
            )),
            _ => {}
        }
    }
    let mut reason = seen.join(", ");
    if !jpy_taken {
        reason.push_str(" (this gateway does not take JPY: its 0 digits were not judged)");
    }
    report.judge(
        ID,
        if problems.is_empty() {
            Ok(reason)
        } else {
            Err(problems.join("; "))
        },
    );
}
