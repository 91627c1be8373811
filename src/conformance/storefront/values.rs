//! The judgments of response values (protocol.md section 3), pure so they can be tested on
//! their own: the signature, the byte-for-byte echo, and the format of the other fields.

use crate::conformance::signer::{Values, get, verify};

/// The fields a response echoes byte for byte.
pub const ECHOED: [&str; 5] = [
    "x_account_id",
    "x_amount",
    "x_currency",
    "x_reference",
    "x_test",
];
const RESULTS: [&str; 3] = ["completed", "failed", "pending"];

pub(super) fn signature(values: &Values, secret: &str) -> Result<String, String> {
    let signed = values
        .iter()
        .filter(|(n, _)| n.starts_with("x_") && n != "x_signature")
        .count();
    verify(values, secret).map(|()| format!("x_signature verifies over {signed} x_ fields"))
}

/// The section 3 echo: the request's values back byte for byte, and a result.
pub(super) fn echo(request: &Values, got: &Values) -> Result<String, String> {
    let mut problems = Vec::new();
    for name in ECHOED {
        match (get(request, name), get(got, name)) {
            (Some(sent), Some(back)) if sent == back => {}
            (Some(sent), Some(back)) => {
                problems.push(format!("{name}: sent {sent:?}, got back {back:?}"))
            }
            (Some(_), None) => problems.push(format!("{name} is missing")),
            (None, _) => {}
        }
    }
    let result = get(got, "x_result");
    match result {
        Some(r) if RESULTS.contains(&r) => {}
        Some(r) => problems.push(format!(
            "x_result is {r:?}, not completed, failed or pending"
        )),
        None => problems.push("x_result is missing".into()),
    }
    if problems.is_empty() {
        Ok(format!(
            "{} byte for byte; x_result={}",
            ECHOED.join(", "),
            result.unwrap_or_default()
        ))
    } else {
        Err(problems.join("; "))
    }
}

/// `YYYY-MM-DDTHH:MM:SSZ`, a real UTC time.
fn is_timestamp(text: &str) -> bool {
    let format =
        time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
    text.len() == 20 && time::PrimitiveDateTime::parse(text, format).is_ok()
}

/// The rest of section 3: a gateway reference, the timestamp's format, the transaction type,
/// a message on failure, and never card data.
pub(super) fn response_fields(
    got: &Values,
    request: &Values,
    card: &str,
) -> Result<String, String> {
    let mut problems = Vec::new();
    let reference = get(got, "x_gateway_reference").unwrap_or_default();
    if reference.is_empty() {
        problems.push("no x_gateway_reference".to_string());
    }
    let timestamp = get(got, "x_timestamp").unwrap_or_default();
    if !is_timestamp(timestamp) {
        problems.push(format!(
            "x_timestamp {timestamp:?} is not YYYY-MM-DDTHH:MM:SSZ"
        ));
    }
    let kind = get(request, "x_transaction_type").unwrap_or("sale");
    match get(got, "x_transaction_type") {
        Some(k) if k == kind => {}
        other => problems.push(format!("x_transaction_type is {other:?}, not {kind:?}")),
    }
    if get(got, "x_result") == Some("failed") && get(got, "x_message").is_none_or(str::is_empty) {
        problems.push("x_result=failed without x_message".into());
    }
    let card: String = card.chars().filter(char::is_ascii_digit).collect();
    for (name, value) in got {
        let digits: String = value.chars().filter(char::is_ascii_digit).collect();
        let lower = name.to_ascii_lowercase();
        if (!card.is_empty() && digits.contains(&card))
            || ["card_number", "cvc", "cvv", "expiry"]
                .iter()
                .any(|w| lower.contains(w))
        {
            problems.push(format!("{name} carries card data"));
        }
    }
    if problems.is_empty() {
        Ok(format!(
            "x_gateway_reference {reference}, x_timestamp {timestamp}, x_transaction_type={kind}; \
             no card number, expiry or CVC"
        ))
    } else {
        Err(problems.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conformance::signer::{pairs, set, signed};

    fn request() -> Values {
        pairs(&[
            ("x_account_id", "acct"),
            ("x_amount", "10.50"),
            ("x_currency", "USD"),
            ("x_reference", "r-1"),
            ("x_test", "true"),
            ("x_transaction_type", "authorization"),
            ("x_url_complete", "http://127.0.0.1:9/complete"),
        ])
    }

    fn response() -> Values {
        signed(
            pairs(&[
                ("x_account_id", "acct"),
                ("x_amount", "10.50"),
                ("x_currency", "USD"),
                ("x_reference", "r-1"),
                ("x_test", "true"),
                ("x_gateway_reference", "gw_1"),
                ("x_result", "completed"),
                ("x_timestamp", "2025-01-31T23:59:59Z"),
                ("x_transaction_type", "authorization"),
                ("x_card_last4", "4242"),
            ]),
            "secret",
        )
    }

    #[test]
    fn a_faithful_response_passes_every_judgment() {
        assert_eq!(
            signature(&response(), "secret"),
            Ok("x_signature verifies over 10 x_ fields".into())
        );
        assert!(echo(&request(), &response()).is_ok());
        assert!(response_fields(&response(), &request(), "4242 4242 4242 4242").is_ok());
    }

    #[test]
    fn each_deviation_fails_the_judgment_it_belongs_to_and_says_how() {
        let mut reformatted = response();
        set(&mut reformatted, "x_amount", "10.5");
        let why = echo(&request(), &reformatted).unwrap_err();
        assert_eq!(why, "x_amount: sent \"10.50\", got back \"10.5\"");

        let mut no_result = response();
        no_result.retain(|(n, _)| n != "x_result");
        assert!(
            echo(&request(), &no_result)
                .unwrap_err()
                .contains("x_result is missing")
        );

        let cases: [(&str, &str, &str); 5] = [
            (
                "x_timestamp",
                "2025-01-31T23:59:59.123Z",
                "not YYYY-MM-DDTHH:MM:SSZ",
            ),
            (
                "x_timestamp",
                "2025-02-30T00:00:00Z",
                "not YYYY-MM-DDTHH:MM:SSZ",
            ),
            ("x_transaction_type", "sale", "not \"authorization\""),
            ("x_gateway_reference", "", "no x_gateway_reference"),
            ("x_card", "4242424242424242", "x_card carries card data"),
        ];
        for (name, value, expected) in cases {
            let mut values = response();
            set(&mut values, name, value);
            let why = response_fields(&values, &request(), "4242424242424242").unwrap_err();
            assert!(why.contains(expected), "{name}={value}: {why}");
        }
        let mut failed = response();
        set(&mut failed, "x_result", "failed");
        assert!(
            response_fields(&failed, &request(), "")
                .unwrap_err()
                .contains("x_message")
        );
        assert!(signature(&response(), "other").is_err());
    }
}
