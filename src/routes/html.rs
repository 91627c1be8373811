//! Page models (askama templates, escaping on) and the helpers that turn them into responses
//! with the right headers. The card form itself is [`super::card_form`].

use super::embed::{Framing, Result as EmbedResult};
use crate::domain::response::ResponseValues;
use crate::i18n::Locale;
use crate::store::payments::Payment;
use askama::Template;
use poem::Response;
use poem::http::{StatusCode, header};
use std::borrow::Cow;
use url::Url;

pub use super::card_form::{CARD_JS, pay_form};

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

/// The store's name, as the payment request gave it.
pub(super) fn shop(p: &Payment) -> &str {
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
pub(super) fn failure_text(t: &Locale, message: &str) -> Cow<'static, str> {
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
