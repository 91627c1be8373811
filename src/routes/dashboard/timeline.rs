//! A payment's timeline in words: the store gives each event as values
//! ([`crate::store::payment_list::timeline::What`]), and this module says it as one sentence of
//! the reader's catalogue. The dashboard's payment page uses it with the merchant's locale, the
//! CLI with English.

use super::text::{answer, money, reason};
use crate::domain::operations::OperationKind;
use crate::i18n::{Locale, Value};
use crate::store::callbacks::Answer;
use crate::store::payment_list::timeline::{Charge, What};

/// One event as a sentence.
pub fn sentence(t: &Locale, what: &What) -> String {
    match what {
        What::Request {
            amount,
            transaction_type,
            test,
        } => t.fmt(
            "dash-event-request",
            &[
                ("amount", t.money(amount).into()),
                (
                    "type",
                    super::text::transaction_type(t, *transaction_type).into(),
                ),
                ("mode", super::text::mode(t, *test).into()),
            ],
        ),
        What::PageShown => t.msg("dash-event-page-shown").into_owned(),
        What::Charge {
            attempt,
            brand,
            last4,
            outcome,
            why,
        } => {
            let mut args = vec![
                ("attempt", Value::from(*attempt)),
                ("brand", Value::from(brand.as_str())),
                ("last4", Value::from(last4.as_str())),
            ];
            let why = why.as_deref().map(|w| reason(t, w));
            let id = match (outcome, &why) {
                (Charge::Approved, _) => "dash-event-charge-approved",
                (Charge::Pending, _) => "dash-event-charge-pending",
                (Charge::Challenge, _) => "dash-event-charge-challenge",
                (Charge::Declined, None) => "dash-event-charge-declined",
                (Charge::Error, None) => "dash-event-charge-error",
                (Charge::Declined, Some(_)) => "dash-event-charge-declined-why",
                (Charge::Error, Some(_)) => "dash-event-charge-error-why",
            };
            if let Some(w) = why {
                args.push(("why", Value::from(w)));
            }
            t.fmt(id, &args)
        }
        What::ThreeDs {
            attempt,
            passed,
            why,
        } => {
            let attempt = ("attempt", Value::from(*attempt));
            match (passed, why) {
                (true, _) => t.fmt("dash-event-3ds-passed", &[attempt]),
                (false, None) => t.fmt("dash-event-3ds-failed", &[attempt]),
                (false, Some(w)) => t.fmt(
                    "dash-event-3ds-failed-why",
                    &[attempt, ("why", reason(t, w).into())],
                ),
            }
        }
        What::Outcome { result, why } => {
            let result = ("result", Value::from(result.as_str()));
            match why {
                None => t.fmt("dash-event-outcome", &[result]),
                Some(w) => t.fmt(
                    "dash-event-outcome-why",
                    &[result, ("why", reason(t, w).into())],
                ),
            }
        }
        What::Cancelled => t.msg("dash-event-cancelled").into_owned(),
        What::Operation { kind, id, amount } => {
            let args = [
                ("operation", Value::from(id.as_str())),
                ("amount", Value::from(money(t, *amount))),
            ];
            match kind {
                OperationKind::Capture => t.fmt("dash-event-capture", &args),
                OperationKind::Refund => t.fmt("dash-event-refund", &args),
                OperationKind::Void => t.fmt("dash-event-void", &args[..1]),
            }
        }
        What::Callback {
            id,
            result,
            operation,
            url,
        } => {
            let mut args = vec![
                ("id", Value::from(id.to_string())),
                ("result", Value::from(result.as_str())),
                ("url", Value::from(url.as_str())),
            ];
            match operation {
                None => t.fmt("dash-event-callback", &args),
                Some(op) => {
                    args.push(("operation", Value::from(op.as_str())));
                    t.fmt("dash-event-callback-operation", &args)
                }
            }
        }
        What::CallbackAttempt {
            callback,
            attempt,
            answer: got,
            duration_ms,
        } => {
            let mut args = vec![
                ("callback", Value::from(callback.to_string())),
                ("attempt", Value::from(*attempt)),
                ("ms", Value::from(*duration_ms)),
            ];
            match got {
                Answer::Http(s) => {
                    args.push(("status", Value::from(*s)));
                    t.fmt("dash-event-attempt-http", &args)
                }
                Answer::Failed(_) => {
                    args.push(("error", Value::from(answer(t, got))));
                    t.fmt("dash-event-attempt-failed", &args)
                }
                Answer::Nothing => t.fmt("dash-event-attempt-none", &args),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::{Amount, Currency};
    use crate::domain::request::TransactionType;
    use crate::i18n;

    /// Every kind of event, each variant of it, through the English catalogue: a missing message
    /// or variable fails here (the catalogue's lookups assert in tests).
    #[test]
    fn every_event_kind_is_said_through_the_catalogue() {
        let t = i18n::english();
        let usd = |minor| Amount::from_minor(minor, Currency::parse("USD").unwrap());
        let declined = Some(crate::processor::DECLINED.to_string());
        let charge = |outcome, why: Option<String>| What::Charge {
            attempt: 2,
            brand: "visa".into(),
            last4: "3220".into(),
            outcome,
            why,
        };
        let attempt = |answer| What::CallbackAttempt {
            callback: 7,
            attempt: 2,
            answer,
            duration_ms: 41,
        };
        let cases = [
            (
                What::Request {
                    amount: usd(123_456),
                    transaction_type: TransactionType::Authorization,
                    test: true,
                },
                "Payment request received: $1,234.56, authorization, test",
            ),
            (What::PageShown, "Payment page first shown"),
            (
                charge(Charge::Approved, None),
                "Card attempt 2 (visa ···· 3220): approved",
            ),
            (
                charge(Charge::Declined, declined.clone()),
                "Card attempt 2 (visa ···· 3220): declined — Your card was declined.",
            ),
            (
                charge(Charge::Declined, None),
                "Card attempt 2 (visa ···· 3220): declined",
            ),
            (
                charge(Charge::Pending, None),
                "Card attempt 2 (visa ···· 3220): pending at the processor",
            ),
            (
                charge(Charge::Challenge, None),
                "Card attempt 2 (visa ···· 3220): 3-D Secure challenge asked",
            ),
            (
                charge(Charge::Error, Some("Acquirer says no.".into())),
                "Card attempt 2 (visa ···· 3220): processor error — Acquirer says no.",
            ),
            (
                charge(Charge::Error, None),
                "Card attempt 2 (visa ···· 3220): processor error",
            ),
            (
                What::ThreeDs {
                    attempt: 2,
                    passed: true,
                    why: None,
                },
                "3-D Secure of attempt 2 passed",
            ),
            (
                What::ThreeDs {
                    attempt: 2,
                    passed: false,
                    why: Some(crate::processor::CHALLENGE_FAILED.into()),
                },
                "3-D Secure of attempt 2 failed — 3-D Secure authentication failed.",
            ),
            (
                What::ThreeDs {
                    attempt: 2,
                    passed: false,
                    why: None,
                },
                "3-D Secure of attempt 2 failed",
            ),
            (
                What::Outcome {
                    result: "completed".into(),
                    why: None,
                },
                "Outcome: completed",
            ),
            (
                What::Outcome {
                    result: "failed".into(),
                    why: Some(crate::processor::INSUFFICIENT_FUNDS.into()),
                },
                "Outcome: failed — Insufficient funds.",
            ),
            (What::Cancelled, "Cancelled by the shopper"),
            (
                What::Operation {
                    kind: OperationKind::Capture,
                    id: "op_1".into(),
                    amount: Some(usd(6000)),
                },
                "Capture of $60.00 (op_1)",
            ),
            (
                What::Operation {
                    kind: OperationKind::Refund,
                    id: "op_2".into(),
                    amount: Some(usd(2500)),
                },
                "Refund of $25.00 (op_2)",
            ),
            (
                What::Operation {
                    kind: OperationKind::Void,
                    id: "op_3".into(),
                    amount: None,
                },
                "Void (op_3)",
            ),
            (
                What::Callback {
                    id: 7,
                    result: "completed".into(),
                    operation: None,
                    url: "https://shop.example.com/cb".into(),
                },
                "Callback 7 queued (completed) to https://shop.example.com/cb",
            ),
            (
                What::Callback {
                    id: 8,
                    result: "completed".into(),
                    operation: Some("op_2".into()),
                    url: "https://shop.example.com/cb".into(),
                },
                "Callback 8 queued (completed for op_2) to https://shop.example.com/cb",
            ),
            (
                attempt(Answer::Http(500)),
                "Callback 7, attempt 2: HTTP 500 in 41 ms",
            ),
            (
                attempt(Answer::Failed("timeout".into())),
                "Callback 7, attempt 2: timeout in 41 ms",
            ),
            (
                attempt(Answer::Nothing),
                "Callback 7, attempt 2: no answer in 41 ms",
            ),
        ];
        let mut kinds: Vec<&str> = Vec::new();
        for (what, want) in &cases {
            assert_eq!(sentence(&t, what), *want, "{}", what.kind());
            kinds.push(what.kind());
        }
        kinds.sort();
        kinds.dedup();
        assert_eq!(kinds.len(), 16, "every kind of event: {kinds:?}");
    }
}
