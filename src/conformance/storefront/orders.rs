//! Order management (protocol.md section 5): form-encoded signed requests to capture, refund and
//! void, whose JSON answers must carry signed values for the operation; a bad signature must get
//! 401; a byte-identical replay must get the first answer and have no second effect.

use super::{Kit, Paid};
use crate::conformance::http::Answer;
use crate::conformance::report::Report;
use crate::conformance::signer::{Values, encode, get, pairs, signed, verify};
use crate::domain::form::{Fields, Limits};
use url::Url;

const CAPTURE: &str = "10.50";
const REFUND: &str = "4.50";
/// What is left to refund after [`REFUND`]: refundable only if a replay refunded nothing.
const REMAINDER: &str = "6.00";

/// Runs the order-management checks on A (captured, refunded in part, the refund replayed) and
/// B (voided).
pub(super) async fn check(
    kit: &Kit<'_>,
    report: &mut Report,
    a: Result<&Paid, &String>,
    b: Result<Paid, String>,
) {
    match a
        .map_err(Clone::clone)
        .and_then(|a| completed(a).map(|()| a))
    {
        Ok(a) => on_a(kit, report, a).await,
        Err(why) => {
            for id in [
                "om.bad_signature_401",
                "om.capture_signed",
                "om.refund_signed",
                "om.replay_first_answer",
            ] {
                report.skip(id, why.clone());
            }
        }
    }
    match b.and_then(|b| completed(&b).map(|()| b)) {
        Ok(b) => {
            let body = encode(&signed(request(kit, &b, "void", None), &kit.options.secret));
            let answer = send(kit, &kit.void_url, body).await;
            report.judge("om.void_signed", judge(&answer, kit, &b, "void"));
        }
        Err(why) => report.skip(
            "om.void_signed",
            format!("no second paid authorization to void: {why}"),
        ),
    }
}

/// Whether `paid` completed and has the reference order management quotes.
fn completed(paid: &Paid) -> Result<(), String> {
    match get(&paid.returned, "x_result") {
        Some("completed") if !gateway_reference(paid).is_empty() => Ok(()),
        Some("completed") => Err("the return has no x_gateway_reference".into()),
        other => Err(format!(
            "the authorization did not complete (x_result={other:?})"
        )),
    }
}

fn gateway_reference(paid: &Paid) -> &str {
    get(&paid.returned, "x_gateway_reference").unwrap_or_default()
}

async fn on_a(kit: &Kit<'_>, report: &mut Report, a: &Paid) {
    let secret = &kit.options.secret;
    let wrong = signed(
        request(kit, a, "capture", Some(CAPTURE)),
        &format!("{secret}-not-the-secret"),
    );
    report.judge(
        "om.bad_signature_401",
        match send(kit, &kit.capture_url, encode(&wrong)).await {
            Ok(answer) if answer.status == 401 => {
                Ok("401 for a capture signed with another key".into())
            }
            Ok(answer) => Err(format!(
                "{} for a capture signed with another key; a bad signature must get 401",
                answer.summary()
            )),
            Err(no_answer) => Err(no_answer),
        },
    );

    let body = encode(&signed(request(kit, a, "capture", Some(CAPTURE)), secret));
    let capture = send(kit, &kit.capture_url, body).await;
    report.judge("om.capture_signed", judge(&capture, kit, a, "capture"));
    if !capture.as_ref().is_ok_and(Answer::is_success) {
        report.skip(
            "om.refund_signed",
            "nothing was captured: om.capture_signed failed",
        );
        report.skip(
            "om.replay_first_answer",
            "no refund to replay: om.capture_signed failed",
        );
        return;
    }

    let refund_body = encode(&signed(request(kit, a, "refund", Some(REFUND)), secret));
    let refund = send(kit, &kit.refund_url, refund_body.clone()).await;
    report.judge("om.refund_signed", judge(&refund, kit, a, "refund"));
    let first = match refund {
        Ok(first) if first.is_success() => first,
        _ => {
            report.skip(
                "om.replay_first_answer",
                "no refund to replay: om.refund_signed failed",
            );
            return;
        }
    };
    let replay = send(kit, &kit.refund_url, refund_body).await;
    let verdict = match replay {
        Err(no_answer) => Err(no_answer),
        Ok(again) if again.status != first.status || !same_json(&first.body, &again.body) => {
            Err(format!(
                "the first refund got {}, the byte-identical replay {}",
                first.summary(),
                again.summary()
            ))
        }
        Ok(again) => {
            let rest = encode(&signed(request(kit, a, "refund", Some(REMAINDER)), secret));
            match send(kit, &kit.refund_url, rest).await {
                Ok(after) if after.is_success() => Ok(format!(
                    "{}, the first answer again; refunding the remaining {REMAINDER} then \
                     succeeds, so the replay refunded nothing",
                    again.status
                )),
                Ok(after) => Err(format!(
                    "the replay got the first answer, but refunding the remaining {REMAINDER} \
                     then got {}: did the replay refund again?",
                    after.summary()
                )),
                Err(no_answer) => Err(no_answer),
            }
        }
    };
    report.judge("om.replay_first_answer", verdict);
}

/// A complete order-management request about `paid`, unsigned.
fn request(kit: &Kit<'_>, paid: &Paid, kind: &str, amount: Option<&str>) -> Values {
    let mut values = pairs(&[
        ("x_account_id", &kit.options.account),
        ("x_gateway_reference", gateway_reference(paid)),
        (
            "x_reference",
            get(&paid.request, "x_reference").unwrap_or_default(),
        ),
        ("x_test", "true"),
        ("x_transaction_type", kind),
    ]);
    if let Some(amount) = amount {
        values.push(("x_amount".into(), amount.into()));
        values.push(("x_currency".into(), "USD".into()));
    }
    values
}

async fn send(kit: &Kit<'_>, url: &Url, body: String) -> Result<Answer, String> {
    kit.http
        .post_form(url, body, Some("application/json"))
        .await
}

/// Whether two answers are the same JSON (member order and spacing aside).
fn same_json(a: &str, b: &str) -> bool {
    match (
        serde_json::from_str::<serde_json::Value>(a),
        serde_json::from_str::<serde_json::Value>(b),
    ) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// A successful answer: 2xx, JSON values signed with the merchant's secret, the operation's
/// type, `completed`, and a new `x_gateway_reference`.
fn judge(
    answer: &Result<Answer, String>,
    kit: &Kit<'_>,
    paid: &Paid,
    kind: &str,
) -> Result<String, String> {
    let answer = answer.as_ref().map_err(Clone::clone)?;
    if !answer.is_success() {
        return Err(format!(
            "{} for a correctly signed {kind}",
            answer.summary()
        ));
    }
    let values = Fields::from_json(answer.body.as_bytes(), Limits::default())
        .map_err(|e| {
            format!(
                "{}: the answer is not a JSON object of values ({e})",
                answer.status
            )
        })?
        .into_pairs();
    verify(&values, &kit.options.secret).map_err(|why| format!("{}: {why}", answer.status))?;
    let field = |name| get(&values, name).unwrap_or_default();
    if field("x_transaction_type") != kind {
        return Err(format!(
            "x_transaction_type is {:?}, not {kind:?}",
            field("x_transaction_type")
        ));
    }
    if field("x_result") != "completed" {
        return Err(format!(
            "x_result is {:?}, not \"completed\"",
            field("x_result")
        ));
    }
    let reference = field("x_gateway_reference");
    if reference.is_empty() || reference == gateway_reference(paid) {
        return Err(format!(
            "x_gateway_reference {reference:?} is not a new reference for the operation"
        ));
    }
    Ok(format!(
        "{}, signed, x_result=completed, x_transaction_type={kind}, x_gateway_reference {reference}",
        answer.status
    ))
}
