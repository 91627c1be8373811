//! A payment request (protocol.md section 2) turned from verified fields into typed values.
//! This runs after the signature check, and it is what closes the field merge/split ambiguity of
//! the separator-less signature (T2): every structured field must match its grammar exactly.

use super::form::Fields;
use super::money::{Amount, AmountError, Currency};
use super::target::{TargetError, TargetRules, parse_target};
use url::Url;

/// sale (capture at once) or authorization (capture later).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransactionType {
    Sale,
    Authorization,
}

impl TransactionType {
    pub fn as_str(&self) -> &'static str {
        match self {
            TransactionType::Sale => "sale",
            TransactionType::Authorization => "authorization",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "sale" => Some(Self::Sale),
            "authorization" => Some(Self::Authorization),
            _ => None,
        }
    }
}

/// A field that is missing (400) or has an invalid value (422).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FieldError {
    #[error("the required field {0} is missing")]
    Missing(&'static str),
    #[error("{field} {reason}")]
    Invalid { field: String, reason: String },
}

impl FieldError {
    fn invalid(field: &str, reason: impl ToString) -> Self {
        FieldError::Invalid {
            field: field.to_string(),
            reason: reason.to_string(),
        }
    }

    pub fn field(&self) -> &str {
        match self {
            FieldError::Missing(f) => f,
            FieldError::Invalid { field, .. } => field,
        }
    }
}

/// Fields that are never stored, because they carry merchant credentials.
const NOT_STORED: &[&str] = &["x_signature", "x_credential3", "x_credential4"];

const MAX_REFERENCE_CHARS: usize = 255;
pub(crate) const MAX_TEXT_CHARS: usize = 1000;

/// Whether `name` is a free-text field, held to [`MAX_TEXT_CHARS`].
fn is_free_text(name: &str) -> bool {
    name == "x_shop_name"
        || FREE_TEXT_FIELDS.contains(&name)
        || ["x_customer_billing_", "x_customer_shipping_"]
            .iter()
            .any(|side| {
                name.strip_prefix(side)
                    .is_some_and(|p| ADDRESS_PARTS.contains(&p))
            })
}

/// A validated payment request.
#[derive(Debug, Clone)]
pub struct PaymentRequest {
    pub account_id: String,
    pub amount: Amount,
    pub reference: String,
    pub shop_country: String,
    pub shop_name: String,
    pub test: bool,
    pub url_callback: Url,
    pub url_cancel: Url,
    pub url_complete: Url,
    pub transaction_type: TransactionType,
    pub locale: Option<String>,
    /// The `x_` fields to keep, as received, for echoing and display.
    pub stored_fields: Vec<(String, String)>,
}

/// Whether a merchant reference is acceptable: 1 to 255 characters, no control characters.
pub(crate) fn reference_ok(reference: &str) -> bool {
    !reference.is_empty()
        && reference.chars().count() <= MAX_REFERENCE_CHARS
        && !reference.chars().any(|c| c.is_control())
}

/// Free-text fields the page may show; all are optional.
pub const FREE_TEXT_FIELDS: &[&str] = &[
    "x_description",
    "x_invoice",
    "x_customer_first_name",
    "x_customer_last_name",
    "x_customer_email",
    "x_customer_phone",
];

const ADDRESS_PARTS: &[&str] = &[
    "first_name",
    "last_name",
    "company",
    "address1",
    "address2",
    "city",
    "state",
    "zip",
    "phone",
    "country",
];

fn required<'a>(fields: &'a Fields, name: &'static str) -> Result<&'a str, FieldError> {
    match fields.get(name) {
        None => Err(FieldError::Missing(name)),
        Some("") => Err(FieldError::invalid(name, "must not be empty")),
        Some(v) => Ok(v),
    }
}

fn optional<'a>(fields: &'a Fields, name: &str) -> Option<&'a str> {
    fields.get(name).filter(|v| !v.is_empty())
}

/// Every accepted `x_shop_country`: the ISO 3166-1 alpha-2 codes.
pub fn all_countries() -> Vec<&'static str> {
    isocountry::CountryCode::iter_alpha2()
        .map(|c| c.alpha2())
        .collect()
}

fn country(field: &str, value: &str) -> Result<String, FieldError> {
    let ok = value.len() == 2
        && value.bytes().all(|b| b.is_ascii_uppercase())
        && isocountry::CountryCode::for_alpha2(value).is_ok();
    if ok {
        Ok(value.to_string())
    } else {
        Err(FieldError::invalid(
            field,
            "must be an ISO 3166-1 alpha-2 country code, like US",
        ))
    }
}

pub(crate) fn target(field: &str, value: &str, rules: TargetRules<'_>) -> Result<Url, FieldError> {
    parse_target(value, rules).map_err(|e: TargetError| FieldError::invalid(field, e))
}

pub(crate) fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

impl PaymentRequest {
    /// Validates every field. `rules` are the server's target rules (a `bool` is
    /// `GATEWAY_ALLOW_PRIVATE_TARGETS`).
    pub fn from_fields<'a>(
        fields: &Fields,
        rules: impl Into<TargetRules<'a>>,
    ) -> Result<Self, FieldError> {
        let rules = rules.into();
        // Presence first, so a merged or split field set reports what is missing.
        for name in [
            "x_account_id",
            "x_amount",
            "x_currency",
            "x_reference",
            "x_shop_country",
            "x_shop_name",
            "x_test",
            "x_url_callback",
            "x_url_cancel",
            "x_url_complete",
        ] {
            if fields.get(name).is_none() {
                return Err(FieldError::Missing(name));
            }
        }
        let account_id = required(fields, "x_account_id")?.to_string();
        let currency_text = required(fields, "x_currency")?;
        let currency = Currency::parse(currency_text).ok_or_else(|| {
            FieldError::invalid("x_currency", "must be an ISO 4217 currency code, like USD")
        })?;
        let amount = Amount::parse(required(fields, "x_amount")?, currency)
            .map_err(|e: AmountError| FieldError::invalid("x_amount", e))?;
        let reference = required(fields, "x_reference")?;
        if !reference_ok(reference) {
            return Err(FieldError::invalid(
                "x_reference",
                "must be at most 255 characters without control characters",
            ));
        }
        let shop_country = country("x_shop_country", required(fields, "x_shop_country")?)?;
        let shop_name = required(fields, "x_shop_name")?;
        let test = match required(fields, "x_test")? {
            "true" => true,
            "false" => false,
            _ => return Err(FieldError::invalid("x_test", "must be true or false")),
        };
        let url_callback = target("x_url_callback", required(fields, "x_url_callback")?, rules)?;
        let url_cancel = target("x_url_cancel", required(fields, "x_url_cancel")?, rules)?;
        let url_complete = target("x_url_complete", required(fields, "x_url_complete")?, rules)?;
        let transaction_type = match optional(fields, "x_transaction_type") {
            None => TransactionType::Sale,
            Some(t) => TransactionType::parse(t).ok_or_else(|| {
                FieldError::invalid("x_transaction_type", "must be sale or authorization")
            })?,
        };
        for name in ["x_customer_billing_country", "x_customer_shipping_country"] {
            if let Some(v) = optional(fields, name) {
                country(name, v)?;
            }
        }
        // One pass over what was sent (no names built per request: the profile showed 28
        // formatted names costing more than the rest of the validation).
        for (name, v) in fields.iter() {
            if is_free_text(name) && v.chars().count() > MAX_TEXT_CHARS {
                return Err(FieldError::invalid(name, "is longer than 1000 characters"));
            }
        }
        let locale = match optional(fields, "x_locale") {
            None => None,
            Some(tag) if is_language_tag(tag) => Some(tag.to_string()),
            Some(_) => {
                return Err(FieldError::invalid(
                    "x_locale",
                    "must be a BCP 47 language tag, like en-US",
                ));
            }
        };
        let stored_fields = fields
            .iter()
            .filter(|(n, _)| n.starts_with("x_") && !NOT_STORED.contains(n))
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect();
        Ok(PaymentRequest {
            account_id,
            amount,
            reference: reference.to_string(),
            shop_country,
            shop_name: shop_name.to_string(),
            test,
            url_callback,
            url_cancel,
            url_complete,
            transaction_type,
            locale,
            stored_fields,
        })
    }
}

/// What the CLI and the dashboard say of an account that can take test payments only.
pub const TEST_ONLY_NOTE: &str = "This account takes test payments only (x_test=true): this \
     gateway has no live processor, so x_test=false is refused with live_mode_unavailable and \
     nothing is charged.";

/// Why a payment in this mode cannot be taken, if it cannot: a live payment (`x_test=false`)
/// needs a merchant enabled for live payments *and* a processor that moves real money, so that
/// the test processor never approves a payment a storefront would ship goods for.
pub fn live_refusal(test: bool, merchant_live: bool, processor_live: bool) -> Option<&'static str> {
    match (test, merchant_live, processor_live) {
        (true, _, _) => None,
        (false, _, false) => Some(
            "no live processor is configured: this gateway takes test payments only; send x_test=true",
        ),
        (false, false, true) => Some("this account is in test mode only; send x_test=true"),
        (false, true, true) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_live_payment_needs_a_live_merchant_and_a_live_processor() {
        for merchant_live in [false, true] {
            for processor_live in [false, true] {
                assert_eq!(live_refusal(true, merchant_live, processor_live), None);
                let refused = live_refusal(false, merchant_live, processor_live).is_some();
                assert_eq!(refused, !(merchant_live && processor_live));
            }
        }
    }
    use crate::domain::form::Limits;

    const VALID: &str = "x_account_id=acct&x_amount=10.00&x_currency=USD&x_reference=r1\
        &x_shop_country=US&x_shop_name=Shop&x_test=true\
        &x_url_callback=https%3A%2F%2Fshop.example%2Fcb&x_url_cancel=https%3A%2F%2Fshop.example%2Fc\
        &x_url_complete=https%3A%2F%2Fshop.example%2Fdone&x_signature=00&x_credential3=secret\
        &x_custom=kept&utm=ignored";

    fn parse(body: &str) -> Result<PaymentRequest, FieldError> {
        PaymentRequest::from_fields(
            &Fields::parse(body.as_bytes(), Limits::default()).unwrap(),
            false,
        )
    }

    #[test]
    fn a_valid_request_keeps_unknown_x_fields_but_no_credentials() {
        let r = parse(VALID).unwrap();
        assert_eq!(r.amount.minor(), 1000);
        assert_eq!(r.transaction_type, TransactionType::Sale);
        let names: Vec<_> = r.stored_fields.iter().map(|(n, _)| n.as_str()).collect();
        assert!(names.contains(&"x_custom"));
        assert!(!names.contains(&"x_signature"));
        assert!(!names.contains(&"x_credential3"));
        assert!(!names.contains(&"utm"));
    }

    #[test]
    fn merged_fields_are_rejected() {
        // x_amount=1 + x_currency=USD signs the same bytes as x_amount=1x_currencyUSD (T2).
        let merged = VALID.replace(
            "x_amount=10.00&x_currency=USD",
            "x_amount=10.00x_currencyUSD",
        );
        assert_eq!(
            parse(&merged).unwrap_err(),
            FieldError::Missing("x_currency")
        );
    }

    #[test]
    fn each_invalid_value_names_its_field() {
        let cases = [
            ("x_amount=10.00", "x_amount=10", "x_amount"),
            ("x_currency=USD", "x_currency=usd", "x_currency"),
            ("x_shop_country=US", "x_shop_country=XX", "x_shop_country"),
            ("x_test=true", "x_test=yes", "x_test"),
            ("x_reference=r1", "x_reference=", "x_reference"),
            (
                "x_url_complete=https%3A%2F%2Fshop.example%2Fdone",
                "x_url_complete=javascript%3Aalert(1)",
                "x_url_complete",
            ),
        ];
        for (from, to, field) in cases {
            let err = parse(&VALID.replace(from, to)).unwrap_err();
            assert_eq!(err.field(), field, "{to}");
        }
        let err = parse(&format!("{VALID}&x_transaction_type=refund")).unwrap_err();
        assert_eq!(err.field(), "x_transaction_type");
        let err = parse(&format!("{VALID}&x_locale=en_US!")).unwrap_err();
        assert_eq!(err.field(), "x_locale");
        let err = parse(&format!("{VALID}&x_customer_billing_country=ZZ")).unwrap_err();
        assert_eq!(err.field(), "x_customer_billing_country");
        // Free text is held to 1,000 characters (not bytes): 1,000 "é" pass, 1,001 do not.
        let long = "%C3%A9".repeat(1001);
        let just = "%C3%A9".repeat(1000);
        for field in [
            "x_description",
            "x_customer_shipping_address1",
            "x_customer_billing_city",
        ] {
            assert!(parse(&format!("{VALID}&{field}={just}")).is_ok(), "{field}");
            let err = parse(&format!("{VALID}&{field}={long}")).unwrap_err();
            assert_eq!(err.field(), field);
        }
        let err =
            parse(&VALID.replace("x_shop_name=", &format!("x_shop_name={long}"))).unwrap_err();
        assert_eq!(err.field(), "x_shop_name");
        // An unknown x_ field is kept as sent, not held to the free-text limit.
        assert!(parse(&format!("{VALID}&x_customer_billing_notes={long}")).is_ok());
    }

    mod merge_and_split {
        //! T2 (c): the signature has no separators, so whoever holds a signed form can merge
        //! adjacent fields or split one, keeping the signature. Such a mutant must fail
        //! validation or leave every value that matters unchanged.
        use super::*;
        use crate::domain::signature;
        use proptest::prelude::*;

        const KEY: &[u8] = b"iU44RWxeik";

        fn request_fields() -> impl Strategy<Value = Vec<(String, String)>> {
            let currency = prop_oneof![Just(("USD", 2)), Just(("JPY", 0)), Just(("BHD", 3))];
            let free = "[a-z ]{0,4}(x_[a-z_]{1,10}[a-z0-9 ]{0,5})?";
            (
                currency,
                1u32..1_000_000,
                "[a-z0-9-]{1,12}",
                free,
                free,
                free,
                any::<bool>(),
            )
                .prop_map(
                    |((code, digits), minor, reference, name, description, invoice, auth)| {
                        let amount = if digits == 0 {
                            minor.to_string()
                        } else {
                            let scale = 10u32.pow(digits);
                            format!(
                                "{}.{:0w$}",
                                minor / scale,
                                minor % scale,
                                w = digits as usize
                            )
                        };
                        let mut f: Vec<(String, String)> = [
                            ("x_account_id", "acct"),
                            ("x_amount", amount.as_str()),
                            ("x_currency", code),
                            ("x_reference", reference.as_str()),
                            ("x_shop_country", "US"),
                            ("x_shop_name", &format!("S{name}")),
                            ("x_test", "true"),
                            ("x_url_callback", "https://shop.example/cb"),
                            ("x_url_cancel", "https://shop.example/cancel"),
                            ("x_url_complete", "https://shop.example/done"),
                            ("x_description", description.as_str()),
                            ("x_invoice", invoice.as_str()),
                        ]
                        .iter()
                        .map(|(n, v)| (n.to_string(), v.to_string()))
                        .collect();
                        if auth {
                            f.push(("x_transaction_type".into(), "authorization".into()));
                        }
                        f.sort();
                        f
                    },
                )
        }

        fn key_values(r: &PaymentRequest) -> impl PartialEq + std::fmt::Debug {
            (
                r.account_id.clone(),
                r.amount,
                r.reference.clone(),
                r.shop_country.clone(),
                r.test,
                r.url_callback.clone(),
                r.url_cancel.clone(),
                r.url_complete.clone(),
                r.transaction_type,
            )
        }

        fn check(original: &[(String, String)], mutant: Vec<(String, String)>) {
            let sig = signature::sign(original.iter().map(|(n, v)| (n.as_str(), v.as_str())), KEY);
            let borrowed = || mutant.iter().map(|(n, v)| (n.as_str(), v.as_str()));
            assert!(
                signature::verify(borrowed(), KEY, &sig),
                "the mutant keeps the signature"
            );
            let Ok(fields) = Fields::from_pairs(mutant.clone()) else {
                return;
            };
            let before =
                PaymentRequest::from_fields(&Fields::from_pairs(original.to_vec()).unwrap(), false)
                    .expect("the generated request is valid");
            if let Ok(after) = PaymentRequest::from_fields(&fields, false) {
                assert_eq!(key_values(&after), key_values(&before), "{mutant:?}");
            }
        }

        proptest! {
            #[test]
            fn merging_adjacent_fields_never_changes_what_matters(
                fields in request_fields(),
                at in any::<prop::sample::Index>(),
            ) {
                let i = at.index(fields.len() - 1);
                let mut mutant = fields.clone();
                let (name, value) = mutant.remove(i + 1);
                mutant[i].1.push_str(&format!("{name}{value}"));
                check(&fields, mutant);
            }

            #[test]
            fn splitting_a_field_never_changes_what_matters(
                fields in request_fields(),
                which in any::<prop::sample::Index>(),
                name_len in 3usize..14,
            ) {
                let i = which.index(fields.len());
                let value = fields[i].1.clone();
                let Some(at) = value.find("x_") else { return Ok(()) };
                let end = (at + name_len).min(value.len());
                let (new_name, new_value) = (value[at..end].to_string(), value[end..].to_string());
                let after_i = fields.get(i + 1).map(|(n, _)| n.as_str()).unwrap_or("\u{10FFFF}");
                // Only a name that sorts between its neighbours keeps the signature.
                prop_assume!(fields[i].0.as_str() < new_name.as_str() && new_name.as_str() < after_i);
                let mut mutant = fields.clone();
                mutant[i].1 = value[..at].to_string();
                mutant.insert(i + 1, (new_name, new_value));
                check(&fields, mutant);
            }
        }
    }
}
