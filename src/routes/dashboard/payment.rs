//! One of the merchant's payments (protocol.md section 9): its money, the capture, refund and
//! void forms, its timeline, and its callbacks with every attempt, each of which can be sent
//! again. Another merchant's payment is 404, never 403 (T28). The forms that change something
//! pass the session's CSRF check, and an operation form carries a random token of its own, so
//! a double submit is one operation.

use super::text::{self as words, Markup, Piece, When, code, locale};
use super::{Nav, actor, error, session, session_form, text};
use crate::crypto::random_hex;
use crate::domain::money::Amount;
use crate::domain::operations::{Money, Operation, OperationKind, apply};
use crate::error::AppError;
use crate::flows::orders::{self, FromDashboard};
use crate::i18n::{Locale, Value};
use crate::routes::html::{render, see_other};
use crate::state::AppState;
use crate::store::audit::{self, Event};
use crate::store::callbacks::{self, Attempt, Callback};
use crate::store::now_millis;
use crate::store::payment_list::timeline::{self, Timeline};
use crate::store::sessions::Session;
use askama::Template;
use poem::http::StatusCode;
use poem::web::{Data, Path};
use poem::{Body, Request, Response, handler};
use std::borrow::Cow;

/// An amount as a form takes it: `12.34`, `1000`, `1.250` (the currency's digits), whatever
/// the reader's language: it is what the server parses back.
fn plain(a: Amount) -> String {
    let exp = usize::from(a.currency().exponent());
    let scale = 10i64.pow(exp as u32);
    match exp {
        0 => a.minor().to_string(),
        _ => format!("{}.{:0exp$}", a.minor() / scale, a.minor() % scale),
    }
}
/// An operation form: its token, the amount it offers (all that is left), its label and hint.
struct OpForm {
    token: String,
    amount: String,
    label: String,
    hint: String,
}

struct EventRow {
    at: When,
    kind: &'static str,
    text: String,
}

struct AttemptRow {
    no: i32,
    at: When,
    answer: String,
    duration: String,
}

struct CallbackRow {
    id: i64,
    heading: String,
    /// "To {url}, queued {time}." (markup).
    to: String,
    attempts_label: String,
    resend: String,
    attempts: Vec<AttemptRow>,
}

#[derive(Template)]
#[template(path = "dashboard/payment.html")]
struct DetailPage<'a> {
    t: &'a Locale,
    nav: Option<Nav>,
    csrf: &'a str,
    heading: String,
    id: String,
    amount: String,
    /// The protocol's code.
    status: &'static str,
    kind: Cow<'static, str>,
    mode: Cow<'static, str>,
    card: String,
    captured: String,
    refunded: String,
    gateway_reference: String,
    created: When,
    capture: Option<OpForm>,
    refund: Option<OpForm>,
    /// The void form's token, where a void is allowed.
    void: Option<String>,
    no_operations: String,
    events: Vec<EventRow>,
    callbacks: Vec<CallbackRow>,
    error: Option<String>,
    message: Option<Cow<'static, str>>,
}

fn callback_row(t: &Locale, c: Callback, attempts: Vec<Attempt>) -> CallbackRow {
    let id = c.id.to_string();
    let mut args = vec![
        ("id", Value::from(id.as_str())),
        ("result", Value::from(c.result.as_str())),
        ("status", Value::from(c.status.as_str())),
    ];
    let heading = match &c.operation_id {
        None => t.fmt("dash-callback-heading", &args),
        Some(op) => {
            args.push(("operation", Value::from(op.as_str())));
            t.fmt("dash-callback-heading-operation", &args)
        }
    };
    let queued = Piece::Html(When::of(t, c.created_at).html());
    let to = t.html_fmt(
        "dash-callback-to",
        &[("url", Piece::Html(code(&c.url))), ("queued", queued)],
    );
    CallbackRow {
        heading,
        to,
        attempts_label: t.fmt(
            "dash-callback-attempts-label",
            &[("id", id.as_str().into())],
        ),
        resend: t.fmt("dash-callback-resend", &[("id", id.as_str().into())]),
        attempts: attempts
            .into_iter()
            .map(|a| AttemptRow {
                no: a.attempt_no,
                at: When::of(t, a.started_at),
                answer: words::answer(t, &a.answer()),
                duration: t.fmt("dash-duration-ms", &[("ms", Value::from(a.duration_ms))]),
            })
            .collect(),
        id: c.id,
    }
}

/// What the page says besides the payment: an operation's refusal, or what was done.
#[derive(Default)]
struct Said {
    error: Option<String>,
    message: Option<Cow<'static, str>>,
}

fn detail_page(
    t: &Locale,
    session: &Session,
    tl: Timeline,
    status: StatusCode,
    said: Said,
) -> Response {
    let p = &tl.found.payment;
    let currency = p.amount.currency();
    let money = Money {
        status: p.status,
        kind: p.transaction_type,
        authorized: p.authorized,
        captured: p.captured,
        refunded: p.refunded,
    };
    // A form where the domain rule allows the operation, offering what is left.
    let form = |op: Operation, left: i64, label: &str, hint: &str| {
        apply(&money, op).ok().map(|_| {
            let left = Amount::from_minor(left, currency);
            OpForm {
                token: random_hex::<16>(),
                amount: plain(left),
                label: t.fmt(label, &[("currency", currency.code().into())]),
                hint: t.fmt(hint, &[("max", t.money(&left).into())]),
            }
        })
    };
    let to_capture = p.authorized - p.captured;
    let to_refund = p.captured - p.refunded;
    let capture = form(
        Operation::Capture(to_capture),
        to_capture,
        "dash-capture-amount",
        "dash-capture-hint",
    );
    let refund = form(
        Operation::Refund(to_refund),
        to_refund,
        "dash-refund-amount",
        "dash-refund-hint",
    );
    let void = apply(&money, Operation::Void)
        .ok()
        .map(|_| random_hex::<16>());
    render(
        status,
        &DetailPage {
            t,
            nav: Nav::of(session, "payments"),
            csrf: &session.csrf_token,
            heading: t.fmt(
                "dash-payment-heading",
                &[("reference", p.reference.as_str().into())],
            ),
            amount: t.money(&p.amount),
            status: p.status.as_str(),
            kind: words::transaction_type(t, p.transaction_type),
            mode: words::mode(t, p.test),
            card: words::card(t, p.card_brand.as_deref(), p.card_last4.as_deref()),
            captured: t.money(&Amount::from_minor(p.captured, currency)),
            refunded: t.money(&Amount::from_minor(p.refunded, currency)),
            gateway_reference: p.gateway_reference.clone(),
            created: When::of(t, tl.found.created_at),
            capture,
            refund,
            void,
            no_operations: t.fmt(
                "dash-no-operations",
                &[("status", words::status(t, p.status).into())],
            ),
            id: p.id.clone(),
            events: tl
                .events
                .iter()
                .map(|e| EventRow {
                    at: When::of(t, e.at),
                    kind: e.what.kind(),
                    text: super::timeline::sentence(t, &e.what),
                })
                .collect(),
            callbacks: tl
                .callbacks
                .into_iter()
                .map(|(c, attempts)| callback_row(t, c, attempts))
                .collect(),
            error: said.error,
            message: said.message,
        },
    )
}

/// The payment's page for the session's merchant, or 404.
async fn page_of(
    t: &Locale,
    state: &AppState,
    session: &Session,
    id: &str,
    status: StatusCode,
    said: Said,
) -> Response {
    match timeline::timeline(&state.db, &session.user.account_id, id).await {
        Ok(Some(tl)) => detail_page(t, session, tl, status, said),
        Ok(None) => error(t, AppError::NotFound),
        Err(e) => error(t, AppError::Unexpected(e)),
    }
}

#[handler]
pub async fn show(req: &Request, Path(id): Path<String>, Data(state): Data<&AppState>) -> Response {
    let t = &locale(req);
    let session = try_page!(session(req, state).await);
    let message = match req.uri().query() {
        Some("done=capture") => Some(t.msg("dash-done-capture")),
        Some("done=refund") => Some(t.msg("dash-done-refund")),
        Some("done=void") => Some(t.msg("dash-done-void")),
        Some("done=resend") => Some(t.msg("dash-done-resend")),
        _ => None,
    };
    let said = Said {
        message,
        ..Said::default()
    };
    page_of(t, state, &session, &id, StatusCode::OK, said).await
}

/// `POST /dashboard/payments/{id}/{capture|refund|void}`: the operation, then back to the page.
#[handler]
pub async fn operate(
    req: &Request,
    Path((id, operation)): Path<(String, String)>,
    body: Body,
    Data(state): Data<&AppState>,
) -> Response {
    let t = &locale(req);
    let (session, fields) = try_page!(session_form(req, body, state).await);
    let Some(kind) = OperationKind::parse(&operation) else {
        return error(t, AppError::NotFound);
    };
    let by = actor(req, &session);
    let asked = FromDashboard {
        merchant_id: &session.user.account_id,
        payment_id: &id,
        kind,
        amount: fields.get("amount"),
        form_token: text(&fields, "form_token"),
        by: &by,
    };
    match orders::from_dashboard(state, asked).await {
        Ok(()) => see_other(format!("/dashboard/payments/{id}?done={}", kind.as_str())),
        Err(
            e @ (AppError::Invalid { .. } | AppError::Conflict(_) | AppError::Malformed { .. }),
        ) => {
            // The reason is the order-management core's, shared with the API (English).
            let why = e.detail().unwrap_or_default();
            let said = Said {
                error: Some(t.fmt("dash-operation-refused", &[("why", why.into())])),
                ..Said::default()
            };
            page_of(t, state, &session, &id, e.status(), said).await
        }
        Err(e) => error(t, e),
    }
}

/// `POST /dashboard/payments/{id}/callbacks/{callback}/resend`: sends a callback of the payment
/// again as a new series of attempts; audit-logged.
#[handler]
pub async fn resend(
    req: &Request,
    Path((id, callback)): Path<(String, i64)>,
    body: Body,
    Data(state): Data<&AppState>,
) -> Response {
    let t = &locale(req);
    let (session, _) = try_page!(session_form(req, body, state).await);
    let account = &session.user.account_id;
    let by = actor(req, &session);
    let now = now_millis();
    let change = audit::Change {
        account_id: account.clone(),
        actor: by.name,
        ip: by.ip,
        event: Event::CallbacksResent,
        detail: format!("callback {callback} of payment {id} sent again"),
        at: now,
    };
    let resent = callbacks::resend_for(&state.db, account, Some(&id), callback, now, Some(change));
    match resent.await {
        Ok(Some(_)) => {
            state.callback_wake.notify_one();
            see_other(format!("/dashboard/payments/{id}?done=resend"))
        }
        Ok(None) => error(t, AppError::NotFound),
        Err(e) => error(t, AppError::Unexpected(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::Currency;

    #[test]
    fn amounts_are_offered_in_the_currency_s_digits() {
        let cur = |c| Currency::parse(c).unwrap();
        assert_eq!(plain(Amount::from_minor(1234, cur("USD"))), "12.34");
        assert_eq!(plain(Amount::from_minor(5, cur("EUR"))), "0.05");
        assert_eq!(plain(Amount::from_minor(1000, cur("JPY"))), "1000");
        assert_eq!(plain(Amount::from_minor(1250, cur("BHD"))), "1.250");
        for (c, minor) in [("USD", 1234), ("JPY", 1000), ("BHD", 1250)] {
            let a = Amount::from_minor(minor, cur(c));
            assert_eq!(Amount::parse(&plain(a), cur(c)), Ok(a), "{c}");
        }
    }
}
