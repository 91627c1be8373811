//! Page models (askama templates, escaping on) and the helpers that turn them into responses
//! with the right headers.

use super::embed::{Framing, Result as EmbedResult};
use crate::domain::card::{BRAND_RANGES, Brand, CardField, CardProblem};
use crate::domain::payment::MAX_DECLINES;
use crate::domain::response::ResponseValues;
use crate::i18n::{Locale, Value};
use crate::store::payments::Payment;
use askama::Template;
use poem::Response;
use poem::http::{StatusCode, header};
use std::borrow::Cow;
use url::Url;

/// The order summary at the top of every payment page.
pub struct Summary {
    pub heading: String,
    pub amount: String,
    pub description: Option<String>,
    pub reference: String,
}

impl Summary {
    pub fn of(t: &Locale, p: &Payment) -> Self {
        Summary {
            heading: t.fmt("pay-heading", &[("shop", shop(p).into())]),
            amount: t.money(&p.amount),
            description: p.field("x_description").map(str::to_string),
            reference: p
                .field("x_invoice")
                .unwrap_or(p.reference.as_str())
                .to_string(),
        }
    }
}

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

#[derive(Template)]
#[template(path = "challenge.html")]
pub struct ChallengePage<'a> {
    pub t: &'a Locale,
    pub test: bool,
    pub summary: Summary,
    pub card_line: String,
    pub action: String,
    pub csrf: &'a str,
    pub attempt: i32,
    pub cancel_href: String,
    pub cancel_text: String,
    pub embedded: bool,
}

#[derive(Template)]
#[template(path = "outcome.html")]
pub struct OutcomePage<'a> {
    pub t: &'a Locale,
    pub test: bool,
    pub summary: Summary,
    pub headline: Cow<'static, str>,
    pub outcome_class: &'a str,
    pub message: Option<String>,
    pub card_line: Option<String>,
    pub return_href: String,
    pub return_text: String,
    /// In a frame: what the embed script tells the parent.
    pub result: Option<EmbedResult<'a>>,
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage<'a> {
    pub t: &'a Locale,
    pub test: bool,
    pub code: &'a str,
    pub message: &'a str,
    pub field: Option<&'a str>,
    pub detail: Option<String>,
    /// The request's id, as its log lines carry it.
    pub request_id: Option<String>,
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

/// Renders a page; a template failure is logged and becomes a bare 500.
pub fn render<T: Template>(status: StatusCode, page: &T) -> Response {
    match page.render() {
        Ok(html) => Response::builder()
            .status(status)
            .content_type("text/html; charset=utf-8")
            .body(html),
        Err(e) => {
            tracing::error!(error = %e, "template failed");
            Response::builder()
                .status(StatusCode::INTERNAL_SERVER_ERROR)
                .content_type("text/plain; charset=utf-8")
                .body("internal error")
        }
    }
}

/// The page's Content-Security-Policy. `form_target` is the origin a form on the page may end
/// at after our redirect (browsers apply `form-action` to redirects too).
pub fn csp(form_target: Option<&Url>) -> String {
    csp_framed(form_target, None)
}

/// [`csp`] for a page that may be framed by `framing`'s origins (and runs our embed script).
pub fn csp_framed(form_target: Option<&Url>, framing: Option<&Framing>) -> String {
    let extra = form_target
        .map(|u| format!(" {}", u.origin().ascii_serialization()))
        .unwrap_or_default();
    match framing {
        None => format!(
            "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; \
             form-action 'self'{extra}; frame-ancestors 'none'; base-uri 'none'"
        ),
        Some(f) => format!(
            "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; \
             form-action 'self'{extra}; frame-ancestors {}; base-uri 'none'",
            f.ancestors.join(" ")
        ),
    }
}

/// A page of a payment: its CSP lets the form's redirect reach the storefront.
pub fn payment_page<T: Template>(
    status: StatusCode,
    page: &T,
    p: &Payment,
    framing: Option<&Framing>,
) -> Response {
    let mut resp = render(status, page);
    if let Ok(v) = csp_framed(Some(&p.url_complete), framing).parse() {
        resp.headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, v);
    }
    resp
}

pub fn cancel_href(p: &Payment) -> String {
    format!("/pay/{}/cancel?token={}", p.id, p.csrf_token)
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

/// The store's name, as the payment request gave it.
fn shop(p: &Payment) -> &str {
    p.field("x_shop_name").unwrap_or("")
}

/// A brand's name in the page's language.
pub fn brand_name(t: &Locale, brand: &str) -> Cow<'static, str> {
    t.msg(match brand {
        "visa" => "brand-visa",
        "mastercard" => "brand-mastercard",
        "amex" => "brand-amex",
        "discover" => "brand-discover",
        _ => "brand-other",
    })
}

/// Why the last attempt failed, in the page's language: the test processor's messages have
/// their own translations; another acquirer's text is shown as it came.
fn failure_text(t: &Locale, message: &str) -> Cow<'static, str> {
    use crate::processor as tp;
    let id = match message {
        tp::DECLINED => "decline-declined",
        tp::INSUFFICIENT_FUNDS => "decline-insufficient-funds",
        tp::PROCESSOR_ERROR => "decline-error",
        tp::CHALLENGE_FAILED => "decline-challenge-failed",
        other => return Cow::Owned(other.to_string()),
    };
    t.msg(id)
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

fn card_line(t: &Locale, p: &Payment) -> Option<String> {
    match (&p.card_brand, &p.card_last4) {
        (Some(b), Some(l)) => Some(t.fmt(
            "outcome-card",
            &[
                ("brand", brand_name(t, b).into()),
                ("last4", l.as_str().into()),
            ],
        )),
        _ => None,
    }
}

pub fn challenge_page(t: &Locale, p: &Payment, framing: Option<&Framing>) -> Response {
    let action = format!("/pay/{}/challenge", p.id);
    let page = ChallengePage {
        t,
        test: p.test,
        summary: Summary::of(t, p),
        card_line: card_line(t, p).unwrap_or_default(),
        action: match framing {
            Some(f) => f.keep(p, action),
            None => action,
        },
        csrf: &p.csrf_token,
        attempt: p.declines,
        cancel_href: cancel_href(p),
        cancel_text: t.fmt("cancel-link", &[("shop", shop(p).into())]),
        embedded: framing.is_some(),
    };
    payment_page(StatusCode::OK, &page, p, framing)
}

/// What happened, with the way back: the signed return URL, or the cancel URL (cancelled and
/// expired payments).
pub fn outcome_page(t: &Locale, p: &Payment, framing: Option<&Framing>) -> Response {
    use crate::domain::payment::Status;
    let (headline, class) = match p.status {
        Status::Captured => ("outcome-completed", "good"),
        Status::Authorized => ("outcome-authorized", "good"),
        Status::Pending => ("outcome-pending", "good"),
        Status::Failed => ("outcome-failed", "bad"),
        Status::Voided => ("outcome-voided", "bad"),
        Status::Expired => ("outcome-expired", "bad"),
        _ => ("outcome-cancelled", "bad"),
    };
    let return_href = match (&p.response, p.status.has_outcome()) {
        (Some(r), true) => complete_href(p, r),
        _ => p.url_cancel.clone(),
    };
    let page = OutcomePage {
        t,
        test: p.test,
        summary: Summary::of(t, p),
        headline: t.msg(headline),
        outcome_class: class,
        message: (p.status == Status::Failed)
            .then(|| {
                p.message
                    .as_deref()
                    .map(|m| failure_text(t, m).into_owned())
            })
            .flatten(),
        card_line: card_line(t, p),
        return_href,
        return_text: t.fmt("return-link", &[("shop", shop(p).into())]),
        result: framing.map(|f| EmbedResult::of(p, f)),
    };
    payment_page(StatusCode::OK, &page, p, framing)
}

/// The storefront's address for a payment with an outcome: the return URL with the signed
/// response values, or for a session, `return_url?session_id=…` as stored.
pub fn complete_href(p: &Payment, response: &ResponseValues) -> String {
    match p.session {
        Some(_) => p.url_complete.to_string(),
        None => response.append_to(&p.url_complete).to_string(),
    }
}

/// 303 See Other to `location`.
pub fn see_other(location: impl AsRef<str>) -> Response {
    Response::builder()
        .status(StatusCode::SEE_OTHER)
        .header(header::LOCATION, location.as_ref())
        .finish()
}
