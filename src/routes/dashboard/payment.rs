//! One of the merchant's payments (protocol.md section 9): its money, the capture, refund and
//! void forms, its timeline, and its callbacks with every attempt, each of which can be sent
//! again. Another merchant's payment is 404, never 403 (T28). The forms that change something
//! pass the session's CSRF check, and an operation form carries a random token of its own, so
//! a double submit is one operation.

use super::payments::card_text;
use super::{Nav, actor, error, session, session_form, text};
use crate::crypto::random_hex;
use crate::domain::money::Amount;
use crate::domain::operations::{Money, Operation, OperationKind, apply};
use crate::error::AppError;
use crate::flows::orders::{self, FromDashboard};
use crate::routes::html::{render, see_other};
use crate::state::AppState;
use crate::store::audit::{self, Event};
use crate::store::payment_list::timeline::{self, Timeline};
use crate::store::sessions::Session;
use crate::store::{callbacks, format_millis, now_millis};
use askama::Template;
use poem::http::StatusCode;
use poem::web::{Data, Path};
use poem::{Body, Request, Response, handler};

/// An amount as a form takes it: `12.34`, `1000`, `1.250` (the currency's digits).
fn plain(a: Amount) -> String {
    let exp = usize::from(a.currency().exponent());
    let scale = 10i64.pow(exp as u32);
    match exp {
        0 => a.minor().to_string(),
        _ => format!("{}.{:0exp$}", a.minor() / scale, a.minor() % scale),
    }
}
/// An operation form: its token, and the amount it offers (all that is left).
struct OpForm {
    token: String,
    amount: String,
    max: String,
}

struct EventRow {
    at: String,
    kind: &'static str,
    text: String,
}

struct AttemptRow {
    no: i32,
    at: String,
    answer: String,
    duration_ms: i64,
}

struct CallbackRow {
    id: i64,
    status: &'static str,
    result: String,
    operation: Option<String>,
    url: String,
    created: String,
    attempts: Vec<AttemptRow>,
}

#[derive(Template)]
#[template(path = "dashboard/payment.html")]
struct DetailPage<'a> {
    nav: Option<Nav>,
    csrf: &'a str,
    id: String,
    reference: String,
    amount: String,
    currency: &'static str,
    status: &'static str,
    kind: &'static str,
    mode: &'static str,
    card: String,
    captured: String,
    refunded: String,
    gateway_reference: String,
    created: String,
    capture: Option<OpForm>,
    refund: Option<OpForm>,
    void: Option<OpForm>,
    events: Vec<EventRow>,
    callbacks: Vec<CallbackRow>,
    error: Option<String>,
    message: Option<&'static str>,
}

fn detail_page(
    session: &Session,
    t: Timeline,
    status: StatusCode,
    error: Option<String>,
    message: Option<&'static str>,
) -> Response {
    let p = &t.found.payment;
    let currency = p.amount.currency();
    let money = Money {
        status: p.status,
        kind: p.transaction_type,
        authorized: p.authorized,
        captured: p.captured,
        refunded: p.refunded,
    };
    // A form where the domain rule allows the operation, offering what is left.
    let form = |op: Operation, left: i64| {
        apply(&money, op).ok().map(|_| OpForm {
            token: random_hex::<16>(),
            amount: plain(Amount::from_minor(left, currency)),
            max: Amount::from_minor(left, currency).display(),
        })
    };
    let to_capture = p.authorized - p.captured;
    let to_refund = p.captured - p.refunded;
    render(
        status,
        &DetailPage {
            nav: Nav::of(session, "payments"),
            csrf: &session.csrf_token,
            reference: p.reference.clone(),
            amount: p.amount.display(),
            currency: currency.code(),
            status: p.status.as_str(),
            kind: p.transaction_type.as_str(),
            mode: if p.test { "test" } else { "live" },
            card: card_text(p.card_brand.as_deref(), p.card_last4.as_deref()),
            captured: Amount::from_minor(p.captured, currency).display(),
            refunded: Amount::from_minor(p.refunded, currency).display(),
            gateway_reference: p.gateway_reference.clone(),
            created: format_millis(t.found.created_at),
            capture: form(Operation::Capture(to_capture), to_capture),
            refund: form(Operation::Refund(to_refund), to_refund),
            void: form(Operation::Void, 0),
            id: p.id.clone(),
            events: t
                .events
                .into_iter()
                .map(|e| EventRow {
                    at: format_millis(e.at),
                    kind: e.kind,
                    text: e.text,
                })
                .collect(),
            callbacks: t
                .callbacks
                .into_iter()
                .map(|(c, attempts)| CallbackRow {
                    id: c.id,
                    status: c.status.as_str(),
                    result: c.result,
                    operation: c.operation_id,
                    url: c.url,
                    created: format_millis(c.created_at),
                    attempts: attempts
                        .into_iter()
                        .map(|a| AttemptRow {
                            no: a.attempt_no,
                            at: format_millis(a.started_at),
                            answer: match (a.http_status, a.error_kind) {
                                (Some(s), _) => format!("HTTP {s}"),
                                (None, Some(e)) => e,
                                (None, None) => "no answer".into(),
                            },
                            duration_ms: a.duration_ms,
                        })
                        .collect(),
                })
                .collect(),
            error,
            message,
        },
    )
}

/// The payment's page for the session's merchant, or 404.
async fn page_of(
    state: &AppState,
    session: &Session,
    id: &str,
    status: StatusCode,
    problem: Option<String>,
    message: Option<&'static str>,
) -> Response {
    match timeline::timeline(&state.db, &session.user.account_id, id).await {
        Ok(Some(t)) => detail_page(session, t, status, problem, message),
        Ok(None) => error(AppError::NotFound),
        Err(e) => error(AppError::Unexpected(e)),
    }
}

#[handler]
pub async fn show(req: &Request, Path(id): Path<String>, Data(state): Data<&AppState>) -> Response {
    let session = try_page!(session(req, state).await);
    let message = match req.uri().query() {
        Some("done=capture") => Some("The capture is done."),
        Some("done=refund") => Some("The refund is done."),
        Some("done=void") => Some("The authorization is voided."),
        Some("done=resend") => Some("The callback is being sent again."),
        _ => None,
    };
    page_of(state, &session, &id, StatusCode::OK, None, message).await
}

/// `POST /dashboard/payments/{id}/{capture|refund|void}`: the operation, then back to the page.
#[handler]
pub async fn operate(
    req: &Request,
    Path((id, operation)): Path<(String, String)>,
    body: Body,
    Data(state): Data<&AppState>,
) -> Response {
    let (session, fields) = try_page!(session_form(req, body, state).await);
    let Some(kind) = OperationKind::parse(&operation) else {
        return error(AppError::NotFound);
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
            let why = e.detail().unwrap_or_default();
            let problem = format!("Nothing was done: {why}.");
            page_of(state, &session, &id, e.status(), Some(problem), None).await
        }
        Err(e) => error(e),
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
        Ok(None) => error(AppError::NotFound),
        Err(e) => error(AppError::Unexpected(e)),
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
