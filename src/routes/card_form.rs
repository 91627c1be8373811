//! The card form of the hosted page: its fields (labels, hints, errors, `autocomplete` and
//! input modes, the first field in error focused), the brand named on submit, and the optional
//! script that names it as the shopper types, served by hash.

use super::embed::Framing;
use super::html::{Summary, brand_name, cancel_href, failure_text, payment_page, shop};
use crate::domain::card::{BRAND_RANGES, Brand, CardField, CardProblem};
use crate::domain::payment::MAX_DECLINES;
use crate::i18n::{Locale, Value};
use crate::store::payments::Payment;
use askama::Template;
use poem::Response;
use poem::http::StatusCode;
use std::borrow::Cow;

pub struct Input {
    pub name: &'static str,
    pub label: Cow<'static, str>,
    pub hint: Option<Cow<'static, str>>,
    pub error: Option<Cow<'static, str>>,
    pub autocomplete: &'static str,
    pub numeric: bool,
    pub value: String,
    /// The first field in error takes the focus, so a keyboard user starts where to fix.
    pub autofocus: bool,
}

impl Input {
    /// The ids of the hint and error that describe the input, for screen readers.
    pub fn described_by(&self) -> Option<String> {
        let ids: Vec<String> = [
            self.hint.as_ref().map(|_| format!("{}-hint", self.name)),
            self.error.as_ref().map(|_| format!("{}-error", self.name)),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

#[derive(Template)]
#[template(path = "pay.html")]
pub struct PayPage<'a> {
    pub t: &'a Locale,
    pub test: bool,
    pub summary: Summary,
    pub notice: Option<String>,
    pub has_errors: bool,
    pub action: String,
    pub csrf: &'a str,
    pub attempt: i32,
    pub inputs: Vec<Input>,
    /// The brand of the number last submitted, as the page names it.
    pub brand: Option<String>,
    /// For the script that names the brand as it is typed: each brand's line, the prefix
    /// table (`brand:digits:lowest:highest …`) and the security code's three hints.
    pub brand_lines: Vec<(&'static str, String)>,
    pub brand_ranges: String,
    pub cvc_hints: [Cow<'static, str>; 3],
    pub card_js_integrity: &'static str,
    pub pay_label: String,
    pub cancel_href: String,
    pub cancel_text: String,
    /// In a frame: the way out targets the whole window.
    pub embedded: bool,
}

/// The card form's script (see the file), and its Subresource Integrity value: the page names
/// the one script it runs by hash (PCI DSS 6.4.3: each payment-page script authorized and
/// integrity-checked), so a changed file is refused by the browser.
pub const CARD_JS: &str = include_str!("../../templates/card.js");

pub fn card_js_integrity() -> &'static str {
    use base64::Engine;
    use sha2::Digest;
    static SRI: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        let digest = sha2::Sha384::digest(CARD_JS.as_bytes());
        format!(
            "sha384-{}",
            base64::engine::general_purpose::STANDARD.encode(digest)
        )
    });
    &SRI
}

fn problem_text(
    t: &Locale,
    problem: CardProblem,
    field: CardField,
    brand: Option<Brand>,
) -> Cow<'static, str> {
    t.msg(match (problem, field) {
        (CardProblem::Missing, CardField::Holder) => "holder-missing",
        (CardProblem::Missing, CardField::Number) => "number-missing",
        (CardProblem::Missing, CardField::Expiry) => "expiry-missing",
        (CardProblem::Missing, CardField::Cvc) => "cvc-missing",
        (CardProblem::NumberInvalid, _) => "number-invalid",
        (CardProblem::ExpiryFormat, _) => "expiry-format",
        (CardProblem::ExpiryPast, _) => "expiry-past",
        (CardProblem::CvcFormat, _) => match brand {
            Some(Brand::Amex) => "cvc-format-amex",
            Some(_) => "cvc-format-other",
            None => "cvc-format",
        },
    })
}

/// The card form; `holder` is kept after an error, card data never is. `brand` is the brand
/// of the number just submitted, if one was recognised: the page names it and fits the
/// security code's hint to it (JavaScript does the same as the shopper types).
pub fn pay_form(
    t: &Locale,
    p: &Payment,
    holder: &str,
    problems: &[(CardField, CardProblem)],
    brand: Option<Brand>,
    status: StatusCode,
    framing: Option<&Framing>,
) -> Response {
    let keep = |url: String| match framing {
        Some(f) => f.keep(p, url),
        None => url,
    };
    let error = |field: CardField| {
        problems
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(f, pr)| problem_text(t, *pr, *f, brand))
    };
    let notice = match (&p.message, p.declines) {
        (Some(m), d) if d > 0 => Some(t.fmt(
            "try-again",
            &[
                ("message", Value::from(failure_text(t, m))),
                ("left", Value::from(MAX_DECLINES - d)),
            ],
        )),
        _ => None,
    };
    let cvc_hint = match brand {
        Some(Brand::Amex) => "card-cvc-hint-amex",
        Some(_) => "card-cvc-hint-other",
        None => "card-cvc-hint",
    };
    let inputs = vec![
        Input {
            name: "cardholder_name",
            label: t.msg("cardholder-name"),
            hint: None,
            error: error(CardField::Holder),
            autocomplete: "cc-name",
            numeric: false,
            value: holder.to_string(),
            autofocus: false,
        },
        Input {
            name: "card_number",
            label: t.msg("card-number"),
            hint: Some(t.msg("card-number-hint")),
            error: error(CardField::Number),
            autocomplete: "cc-number",
            numeric: true,
            value: String::new(),
            autofocus: false,
        },
        Input {
            name: "card_expiry",
            label: t.msg("card-expiry"),
            hint: Some(t.msg("card-expiry-hint")),
            error: error(CardField::Expiry),
            autocomplete: "cc-exp",
            numeric: true,
            value: String::new(),
            autofocus: false,
        },
        Input {
            name: "card_cvc",
            label: t.msg("card-cvc"),
            hint: Some(t.msg(cvc_hint)),
            error: error(CardField::Cvc),
            autocomplete: "cc-csc",
            numeric: true,
            value: String::new(),
            autofocus: false,
        },
    ];
    let mut inputs = inputs;
    if let Some(first) = inputs.iter_mut().find(|i| i.error.is_some()) {
        first.autofocus = true;
    }
    let summary = Summary::of(t, p);
    let page = PayPage {
        t,
        test: p.test,
        notice,
        has_errors: !problems.is_empty(),
        action: keep(format!("/pay/{}", p.id)),
        csrf: &p.csrf_token,
        attempt: p.declines,
        inputs,
        brand: brand.map(|b| brand_line(t, b)),
        brand_lines: [Brand::Visa, Brand::Mastercard, Brand::Amex, Brand::Discover]
            .into_iter()
            .map(|b| (b.as_str(), brand_line(t, b)))
            .collect(),
        brand_ranges: BRAND_RANGES
            .iter()
            .map(|(b, len, lo, hi)| format!("{}:{len}:{lo}:{hi}", b.as_str()))
            .collect::<Vec<_>>()
            .join(" "),
        cvc_hints: [
            t.msg("card-cvc-hint"),
            t.msg("card-cvc-hint-amex"),
            t.msg("card-cvc-hint-other"),
        ],
        card_js_integrity: card_js_integrity(),
        pay_label: t.fmt("pay-button", &[("amount", summary.amount.as_str().into())]),
        summary,
        cancel_href: cancel_href(p),
        cancel_text: t.fmt("cancel-link", &[("shop", shop(p).into())]),
        embedded: framing.is_some(),
    };
    payment_page(status, &page, p, framing)
}

fn brand_line(t: &Locale, brand: Brand) -> String {
    t.fmt(
        "card-brand",
        &[("brand", brand_name(t, brand.as_str()).into())],
    )
}
