//! Page models (askama templates, escaping on) and the helpers that turn them into responses
//! with the right headers.

use super::embed::{Framing, Result as EmbedResult};
use crate::domain::card::{CardField, CardProblem};
use crate::domain::payment::MAX_DECLINES;
use crate::domain::response::ResponseValues;
use crate::i18n::{Catalogue, fill};
use crate::store::payments::Payment;
use askama::Template;
use poem::Response;
use poem::http::{StatusCode, header};
use url::Url;

/// The order summary at the top of every payment page.
pub struct Summary {
    pub heading: String,
    pub amount: String,
    pub description: Option<String>,
    pub reference: String,
}

impl Summary {
    pub fn of(t: &Catalogue, p: &Payment) -> Self {
        Summary {
            heading: fill(
                t.pay_heading,
                &[("shop", p.field("x_shop_name").unwrap_or(""))],
            ),
            amount: p.amount.display(),
            description: p.field("x_description").map(str::to_string),
            reference: p
                .field("x_invoice")
                .unwrap_or(p.reference.as_str())
                .to_string(),
        }
    }
}

pub struct Input<'a> {
    pub name: &'static str,
    pub label: &'a str,
    pub hint: Option<&'a str>,
    pub error: Option<&'a str>,
    pub autocomplete: &'static str,
    pub numeric: bool,
    pub value: String,
}

impl Input<'_> {
    /// The ids of the hint and error that describe the input, for screen readers.
    pub fn described_by(&self) -> Option<String> {
        let ids: Vec<String> = [
            self.hint.map(|_| format!("{}-hint", self.name)),
            self.error.map(|_| format!("{}-error", self.name)),
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
    pub t: &'a Catalogue,
    pub test: bool,
    pub summary: Summary,
    pub notice: Option<String>,
    pub has_errors: bool,
    pub action: String,
    pub csrf: &'a str,
    pub attempt: i32,
    pub inputs: Vec<Input<'a>>,
    pub pay_label: String,
    pub cancel_href: String,
    pub cancel_text: String,
    /// In a frame: the way out targets the whole window.
    pub embedded: bool,
}

#[derive(Template)]
#[template(path = "challenge.html")]
pub struct ChallengePage<'a> {
    pub t: &'a Catalogue,
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
    pub t: &'a Catalogue,
    pub test: bool,
    pub summary: Summary,
    pub headline: &'a str,
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
    pub t: &'a Catalogue,
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
            "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'{extra}; \
             frame-ancestors 'none'; base-uri 'none'"
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

fn problem_text(t: &Catalogue, problem: CardProblem, field: CardField) -> &str {
    match (problem, field) {
        (CardProblem::Missing, CardField::Holder) => t.holder_missing,
        (CardProblem::Missing, CardField::Number) => t.number_missing,
        (CardProblem::Missing, CardField::Expiry) => t.expiry_missing,
        (CardProblem::Missing, CardField::Cvc) => t.cvc_missing,
        (CardProblem::NumberInvalid, _) => t.number_invalid,
        (CardProblem::ExpiryFormat, _) => t.expiry_format,
        (CardProblem::ExpiryPast, _) => t.expiry_past,
        (CardProblem::CvcFormat, _) => t.cvc_format,
    }
}

/// The card form; `holder` is kept after an error, card data never is.
pub fn pay_form(
    t: &Catalogue,
    p: &Payment,
    holder: &str,
    problems: &[(CardField, CardProblem)],
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
            .map(|(f, pr)| problem_text(t, *pr, *f))
    };
    let shop = p.field("x_shop_name").unwrap_or("");
    let notice = match (&p.message, p.declines) {
        (Some(m), d) if d > 0 => Some(fill(
            t.try_again,
            &[("message", m), ("left", &(MAX_DECLINES - d).to_string())],
        )),
        _ => None,
    };
    let inputs = vec![
        Input {
            name: "cardholder_name",
            label: t.cardholder_name,
            hint: None,
            error: error(CardField::Holder),
            autocomplete: "cc-name",
            numeric: false,
            value: holder.to_string(),
        },
        Input {
            name: "card_number",
            label: t.card_number,
            hint: Some(t.card_number_hint),
            error: error(CardField::Number),
            autocomplete: "cc-number",
            numeric: true,
            value: String::new(),
        },
        Input {
            name: "card_expiry",
            label: t.card_expiry,
            hint: Some(t.card_expiry_hint),
            error: error(CardField::Expiry),
            autocomplete: "cc-exp",
            numeric: false,
            value: String::new(),
        },
        Input {
            name: "card_cvc",
            label: t.card_cvc,
            hint: Some(t.card_cvc_hint),
            error: error(CardField::Cvc),
            autocomplete: "cc-csc",
            numeric: true,
            value: String::new(),
        },
    ];
    let page = PayPage {
        t,
        test: p.test,
        summary: Summary::of(t, p),
        notice,
        has_errors: !problems.is_empty(),
        action: keep(format!("/pay/{}", p.id)),
        csrf: &p.csrf_token,
        attempt: p.declines,
        inputs,
        pay_label: fill(t.pay_button, &[("amount", &p.amount.display())]),
        cancel_href: cancel_href(p),
        cancel_text: fill(t.cancel_link, &[("shop", shop)]),
        embedded: framing.is_some(),
    };
    payment_page(status, &page, p, framing)
}

fn card_line(t: &Catalogue, p: &Payment) -> Option<String> {
    match (&p.card_brand, &p.card_last4) {
        (Some(b), Some(l)) => Some(fill(t.outcome_card, &[("brand", b), ("last4", l)])),
        _ => None,
    }
}

pub fn challenge_page(t: &Catalogue, p: &Payment, framing: Option<&Framing>) -> Response {
    let action = format!("/pay/{}/challenge", p.id);
    let shop = p.field("x_shop_name").unwrap_or("");
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
        cancel_text: fill(t.cancel_link, &[("shop", shop)]),
        embedded: framing.is_some(),
    };
    payment_page(StatusCode::OK, &page, p, framing)
}

/// What happened, with the way back: the signed return URL, or the cancel URL (cancelled and
/// expired payments).
pub fn outcome_page(t: &Catalogue, p: &Payment, framing: Option<&Framing>) -> Response {
    use crate::domain::payment::Status;
    let shop = p.field("x_shop_name").unwrap_or("");
    let (headline, class) = match p.status {
        Status::Captured => (t.outcome_completed, "good"),
        Status::Authorized => (t.outcome_authorized, "good"),
        Status::Pending => (t.outcome_pending, "good"),
        Status::Failed => (t.outcome_failed, "bad"),
        Status::Voided => (t.outcome_voided, "bad"),
        Status::Expired => (t.outcome_expired, "bad"),
        _ => (t.outcome_cancelled, "bad"),
    };
    let return_href = match (&p.response, p.status.has_outcome()) {
        (Some(r), true) => complete_href(p, r),
        _ => p.url_cancel.clone(),
    };
    let page = OutcomePage {
        t,
        test: p.test,
        summary: Summary::of(t, p),
        headline,
        outcome_class: class,
        message: (p.status == Status::Failed)
            .then(|| p.message.clone())
            .flatten(),
        card_line: card_line(t, p),
        return_href,
        return_text: fill(t.return_link, &[("shop", shop)]),
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
