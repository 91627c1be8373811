//! A session request of the sessions API (protocol.md section 11) turned into typed, checked
//! values, with the same rules as an `x_` request where the two say the same thing (reference,
//! URLs, locale, free text), and the `x_` fields a payment keeps for its page and its signed
//! answers, so a session's payment is an ordinary payment from there on.

use super::money::{Amount, Currency};
use super::request::{
    FieldError, MAX_TEXT_CHARS, TransactionType, is_language_tag, reference_ok, target,
};
use super::target::TargetRules;
use std::collections::BTreeMap;
use std::time::Duration;
use url::Url;

/// `expires_in` bounds and default, in seconds.
pub const MIN_EXPIRES_IN: i64 = 300;
pub const MAX_EXPIRES_IN: i64 = 86_400;
pub const DEFAULT_EXPIRES_IN: i64 = 3_600;
/// At most this many metadata pairs, each key up to 40 and each value up to 500 characters.
pub const MAX_METADATA: usize = 20;
const MAX_METADATA_KEY: usize = 40;
const MAX_METADATA_VALUE: usize = 500;
/// The largest amount, in minor units: what twelve integer digits allow in any currency.
pub const MAX_MINOR: i64 = 999_999_999_999;

/// The session as asked for, before checks.
#[derive(Debug, Clone, Default)]
pub struct Input<'a> {
    pub amount: i64,
    pub currency: &'a str,
    pub reference: &'a str,
    pub capture: Option<&'a str>,
    pub return_url: &'a str,
    pub cancel_url: &'a str,
    pub description: Option<&'a str>,
    pub customer_email: Option<&'a str>,
    pub customer_name: Option<&'a str>,
    pub locale: Option<&'a str>,
    pub expires_in: Option<i64>,
    pub metadata: Option<&'a BTreeMap<String, String>>,
    pub ui_mode: Option<&'a str>,
}

/// A checked session request.
#[derive(Debug, Clone)]
pub struct SessionRequest {
    pub amount: Amount,
    pub reference: String,
    pub transaction_type: TransactionType,
    pub return_url: Url,
    pub cancel_url: Url,
    pub locale: Option<String>,
    pub ttl: Duration,
    pub metadata: BTreeMap<String, String>,
    pub embedded: bool,
    description: Option<String>,
    customer_email: Option<String>,
    customer_name: Option<String>,
}

fn invalid(field: &str, reason: &str) -> FieldError {
    FieldError::Invalid {
        field: field.to_string(),
        reason: reason.to_string(),
    }
}

fn free_text(field: &str, value: Option<&str>) -> Result<Option<String>, FieldError> {
    match value {
        None | Some("") => Ok(None),
        Some(v) if v.chars().count() > MAX_TEXT_CHARS => {
            Err(invalid(field, "is longer than 1000 characters"))
        }
        Some(v) if v.chars().any(|c| c.is_control()) => {
            Err(invalid(field, "must not contain control characters"))
        }
        Some(v) => Ok(Some(v.to_string())),
    }
}

impl SessionRequest {
    pub fn check(input: &Input<'_>, rules: TargetRules<'_>) -> Result<Self, FieldError> {
        let currency = Currency::parse(input.currency)
            .ok_or_else(|| invalid("currency", "must be an ISO 4217 currency code, like USD"))?;
        if input.amount <= 0 || input.amount > MAX_MINOR {
            return Err(invalid(
                "amount",
                "must be a positive whole number of minor units (cents), at most 999999999999",
            ));
        }
        if !reference_ok(input.reference) {
            return Err(invalid(
                "reference",
                "must be 1 to 255 characters without control characters",
            ));
        }
        let transaction_type = match input.capture {
            None | Some("automatic") => TransactionType::Sale,
            Some("manual") => TransactionType::Authorization,
            Some(_) => return Err(invalid("capture", "must be automatic or manual")),
        };
        let return_url = target("return_url", input.return_url, rules)?;
        let cancel_url = target("cancel_url", input.cancel_url, rules)?;
        let locale = match input.locale {
            None | Some("") => None,
            Some(tag) if is_language_tag(tag) => Some(tag.to_string()),
            Some(_) => {
                return Err(invalid(
                    "locale",
                    "must be a BCP 47 language tag, like en-US",
                ));
            }
        };
        let expires_in = input.expires_in.unwrap_or(DEFAULT_EXPIRES_IN);
        if !(MIN_EXPIRES_IN..=MAX_EXPIRES_IN).contains(&expires_in) {
            return Err(invalid("expires_in", "must be 300 to 86400 seconds"));
        }
        let metadata = input.metadata.cloned().unwrap_or_default();
        if metadata.len() > MAX_METADATA {
            return Err(invalid("metadata", "may hold at most 20 pairs"));
        }
        for (k, v) in &metadata {
            if k.is_empty() || k.chars().count() > MAX_METADATA_KEY {
                return Err(invalid("metadata", "keys must be 1 to 40 characters"));
            }
            if v.chars().count() > MAX_METADATA_VALUE {
                return Err(invalid("metadata", "values must be at most 500 characters"));
            }
        }
        let embedded = match input.ui_mode {
            None | Some("hosted") => false,
            Some("embedded") => true,
            Some(_) => return Err(invalid("ui_mode", "must be hosted or embedded")),
        };
        let customer_email = free_text("customer.email", input.customer_email)?;
        let email_ok = |e: &str| {
            let mut parts = e.split('@');
            let (local, domain) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
            !local.is_empty()
                && !domain.is_empty()
                && parts.next().is_none()
                && !e.chars().any(char::is_whitespace)
        };
        if customer_email.as_deref().is_some_and(|e| !email_ok(e)) {
            return Err(invalid("customer.email", "must be an email address"));
        }
        Ok(Self {
            amount: Amount::from_minor(input.amount, currency),
            reference: input.reference.to_string(),
            transaction_type,
            return_url,
            cancel_url,
            locale,
            ttl: Duration::from_secs(expires_in.unsigned_abs()),
            metadata,
            embedded,
            description: free_text("description", input.description)?,
            customer_email,
            customer_name: free_text("customer.name", input.customer_name)?,
        })
    }

    /// Where the shopper goes once paid: `return_url` with `session_id` appended.
    pub fn return_to(&self, session_id: &str) -> Url {
        let mut url = self.return_url.clone();
        url.query_pairs_mut().append_pair("session_id", session_id);
        url
    }

    /// The `x_` fields the payment keeps, as an `x_` request of the same payment would have
    /// sent them: the page shows them, and the signed answers echo them.
    pub fn fields(&self, account_id: &str, shop_name: &str, test: bool) -> Vec<(String, String)> {
        let mut f: Vec<(String, String)> = vec![
            ("x_account_id".into(), account_id.into()),
            ("x_amount".into(), self.amount.decimal()),
            ("x_currency".into(), self.amount.currency().code().into()),
            ("x_reference".into(), self.reference.clone()),
            ("x_shop_name".into(), shop_name.into()),
            ("x_test".into(), test.to_string()),
            (
                "x_transaction_type".into(),
                self.transaction_type.as_str().into(),
            ),
        ];
        let optional = [
            ("x_description", &self.description),
            ("x_customer_email", &self.customer_email),
            ("x_customer_first_name", &self.customer_name),
            ("x_locale", &self.locale),
        ];
        for (name, value) in optional {
            if let Some(v) = value {
                f.push((name.into(), v.clone()));
            }
        }
        f
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> Input<'static> {
        Input {
            amount: 1999,
            currency: "EUR",
            reference: "order-1",
            return_url: "https://shop.example/return",
            cancel_url: "https://shop.example/cancel",
            ..Input::default()
        }
    }

    fn check(i: &Input<'_>) -> Result<SessionRequest, FieldError> {
        SessionRequest::check(i, TargetRules::from(false))
    }

    #[test]
    fn a_minimal_session_takes_the_defaults() {
        let s = check(&input()).unwrap();
        assert_eq!(s.amount.minor(), 1999);
        assert_eq!(s.transaction_type, TransactionType::Sale);
        assert_eq!(s.ttl, Duration::from_secs(3600));
        assert!(!s.embedded);
        assert_eq!(
            s.return_to("cs_1").as_str(),
            "https://shop.example/return?session_id=cs_1"
        );
        let fields = s.fields("acct", "Shop", true);
        assert!(fields.contains(&("x_amount".into(), "19.99".into())));
        assert!(fields.contains(&("x_test".into(), "true".into())));
    }

    #[test]
    fn each_bad_value_names_its_field() {
        let cases: Vec<(Input<'static>, &str)> = vec![
            (
                Input {
                    amount: 0,
                    ..input()
                },
                "amount",
            ),
            (
                Input {
                    amount: MAX_MINOR + 1,
                    ..input()
                },
                "amount",
            ),
            (
                Input {
                    currency: "EURO",
                    ..input()
                },
                "currency",
            ),
            (
                Input {
                    reference: "",
                    ..input()
                },
                "reference",
            ),
            (
                Input {
                    reference: "a\nb",
                    ..input()
                },
                "reference",
            ),
            (
                Input {
                    capture: Some("later"),
                    ..input()
                },
                "capture",
            ),
            (
                Input {
                    return_url: "http://shop.example/r",
                    ..input()
                },
                "return_url",
            ),
            (
                Input {
                    cancel_url: "https://127.0.0.1/c",
                    ..input()
                },
                "cancel_url",
            ),
            (
                Input {
                    locale: Some("not a tag"),
                    ..input()
                },
                "locale",
            ),
            (
                Input {
                    expires_in: Some(299),
                    ..input()
                },
                "expires_in",
            ),
            (
                Input {
                    expires_in: Some(86_401),
                    ..input()
                },
                "expires_in",
            ),
            (
                Input {
                    ui_mode: Some("popup"),
                    ..input()
                },
                "ui_mode",
            ),
            (
                Input {
                    customer_email: Some("nobody"),
                    ..input()
                },
                "customer.email",
            ),
        ];
        for (i, field) in cases {
            let e = check(&i).unwrap_err();
            assert_eq!(e.field(), field, "{e}");
        }
    }

    #[test]
    fn metadata_is_bounded() {
        let many: BTreeMap<String, String> =
            (0..21).map(|n| (format!("k{n}"), "v".into())).collect();
        let e = check(&Input {
            metadata: Some(&many),
            ..input()
        })
        .unwrap_err();
        assert_eq!(e.field(), "metadata");
        let fine: BTreeMap<String, String> = [("order".to_string(), "42".to_string())].into();
        let s = check(&Input {
            metadata: Some(&fine),
            ..input()
        })
        .unwrap();
        assert_eq!(s.metadata, fine);
    }
}
