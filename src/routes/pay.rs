//! The hosted payment page (protocol.md section 7): show the form or the outcome, take the card,
//! run the 3-D Secure challenge, and cancel. The forms carry only a CSRF token and the attempt
//! number: amount, currency and URLs always come from the stored signed request (T5).

use super::embed::{self, Framing};
use super::errors::{page_or_json, wants_json};
use super::html::{challenge_page, complete_href, outcome_page, pay_form, see_other};
use super::input::{check_token, limit_client, read_form, same_origin};
use crate::domain::card::{Brand, Card, CardInput};
use crate::domain::form::{Fields, Limits};
use crate::domain::payment::Status;
use crate::domain::response::ResponseValues;
use crate::error::AppError;
use crate::flows::expiry;
use crate::flows::pay::{self, Applied};
use crate::i18n::{self, Locale};
use crate::state::AppState;
use crate::store::payments::{self, Payment};
use poem::http::StatusCode;
use poem::web::{Data, Path};
use poem::{Body, Request, Response, handler};
use time::OffsetDateTime;

fn catalogue(req: &Request, p: Option<&Payment>) -> Locale {
    i18n::negotiate(
        p.and_then(|p| p.locale.as_deref()),
        req.header("accept-language"),
    )
}

fn respond(req: &Request, result: Result<Response, AppError>) -> Response {
    result.unwrap_or_else(|e| page_or_json(e, wants_json(req), &catalogue(req, None)))
}

/// The payment as it stands now: one past its time is expired first, so no page offers to
/// pay it (protocol.md section 14).
async fn load(state: &AppState, id: &str) -> Result<Payment, AppError> {
    // Ids are 32 hex digits; anything else is not worth a query.
    if id.len() != 32 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(AppError::NotFound);
    }
    let p = payments::find(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(expiry::as_of_now(state, p).await?)
}

/// Where a payment's shopper belongs now: the storefront once there is an outcome to report,
/// otherwise the payment page.
fn current(p: &Payment, framing: Option<&Framing>) -> Response {
    destination(p, p.status, p.response.as_ref(), framing)
}

/// In a frame, the outcome is shown in the frame (its page tells the parent, and its way back
/// targets the whole window); otherwise the shopper goes straight back to the storefront.
fn destination(
    p: &Payment,
    status: Status,
    response: Option<&ResponseValues>,
    framing: Option<&Framing>,
) -> Response {
    let page = format!("/pay/{}", p.id);
    match (response, status.has_outcome(), framing) {
        (Some(r), true, None) => see_other(complete_href(p, r)),
        (_, _, Some(f)) => see_other(f.keep(p, page)),
        _ => see_other(page),
    }
}

/// The answer after trying to apply an outcome: what this call made of the payment, or, if a
/// concurrent submit applied it first, what the payment is now.
async fn after(
    state: &AppState,
    p: &Payment,
    applied: Option<Applied>,
    framing: Option<&Framing>,
) -> Result<Response, AppError> {
    match applied {
        Some(a) => Ok(destination(p, a.status, a.response.as_ref(), framing)),
        None => Ok(current(&load(state, &p.id).await?, framing)),
    }
}

/// The synchronizer-token check for our own forms (T10), plus the browser's own view of
/// where the submission came from.
fn check_origin_and_token(req: &Request, p: &Payment, token: Option<&str>) -> Result<(), AppError> {
    same_origin(req)?;
    check_token(&p.csrf_token, token)
}

fn today() -> (i32, u8) {
    let now = OffsetDateTime::now_utc();
    (now.year(), u8::from(now.month()))
}

/// How long the page waits before it answers: never, unless the test failpoint `page-slow`
/// returns a number of milliseconds.
fn slow_page() -> Option<u64> {
    fail::fail_point!("page-slow", |ms: Option<String>| ms
        .and_then(|ms| ms.parse().ok()));
    None
}

#[handler]
pub async fn show(req: &Request, Path(id): Path<String>, Data(state): Data<&AppState>) -> Response {
    respond(
        req,
        async {
            // Where the panic tests make a handler panic, and the deadline tests a slow one.
            fail::fail_point!("page-panic");
            if let Some(ms) = slow_page() {
                tokio::time::sleep(std::time::Duration::from_millis(ms)).await;
            }
            let mut p = load(state, &id).await?;
            // A session's page is its only address: a shopper who cancelled and comes back
            // may pay after all, until the session expires (an x_ payment reopens when its
            // signed request is sent again).
            if p.session.is_some()
                && p.status == Status::Cancelled
                && crate::store::expiry::reopen(&state.db, &p.id).await?
            {
                p = load(state, &id).await?;
            }
            let t = &catalogue(req, Some(&p));
            // The merchant's timeline shows the first view: one insert then, none after.
            let now = crate::store::now_millis();
            let shown = crate::store::payment_list::record_page_shown;
            if let Err(e) = shown(&state.db, &p.id, p.status.as_str(), now).await {
                tracing::warn!(payment = %p.id, error = format!("{e:#}"), "recording a page view failed");
            }
            let framing = embed::framing(state, req, &p).await?;
            let f = framing.as_ref();
            Ok(match p.status {
                Status::Open => pay_form(t, &p, "", &[], None, StatusCode::OK, f),
                Status::Challenge => challenge_page(t, &p, f),
                _ => outcome_page(t, &p, f),
            })
        }
        .await,
    )
}

#[handler]
pub async fn submit(
    req: &Request,
    Path(id): Path<String>,
    body: Body,
    Data(state): Data<&AppState>,
) -> Response {
    respond(req, pay(req, &id, body, state).await)
}

/// A submitted form of ours, checked: the payment's form fields if the payment is still in
/// `expected` at the attempt the form was rendered for, or else the answer for a stale form
/// (a double submit, a back button): where the payment stands now.
async fn submission(
    req: &Request,
    id: &str,
    body: Body,
    state: &AppState,
    expected: Status,
) -> Result<Result<Submitted, Response>, AppError> {
    // Card testing from one address is bounded before the form is even read.
    limit_client(state, req, &state.limits.pay)?;
    let mut form = Fields::new();
    read_form(req, body, &mut form).await?;
    let p = load(state, id).await?;
    check_origin_and_token(req, &p, form.get("csrf_token"))?;
    let framing = embed::framing(state, req, &p).await?;
    let attempt = form.get("attempt").and_then(|a| a.parse::<i32>().ok());
    if p.status != expected || attempt != Some(p.declines) {
        return Ok(Err(current(&p, framing.as_ref())));
    }
    Ok(Ok(Submitted {
        form,
        payment: p,
        framing,
    }))
}

/// A fresh submission of one of our forms.
struct Submitted {
    form: Fields,
    payment: Payment,
    framing: Option<Framing>,
}

async fn pay(req: &Request, id: &str, body: Body, state: &AppState) -> Result<Response, AppError> {
    let Submitted {
        form,
        payment: p,
        framing,
    } = match submission(req, id, body, state, Status::Open).await? {
        Ok(fresh) => fresh,
        Err(stale) => return Ok(stale),
    };
    let t = &catalogue(req, Some(&p));
    let holder = form.get("cardholder_name").unwrap_or("");
    let input = CardInput {
        holder,
        number: form.get("card_number").unwrap_or(""),
        expiry: form.get("card_expiry").unwrap_or(""),
        cvc: form.get("card_cvc").unwrap_or(""),
    };
    let card = match Card::parse(&input, today()) {
        Ok(card) => card,
        Err(problems) => {
            return Ok(pay_form(
                t,
                &p,
                holder,
                &problems,
                Brand::of_number(input.number),
                StatusCode::UNPROCESSABLE_ENTITY,
                framing.as_ref(),
            ));
        }
    };
    let applied = pay::charge(state, &p, &card).await?;
    after(state, &p, applied, framing.as_ref()).await
}

#[handler]
pub async fn challenge(
    req: &Request,
    Path(id): Path<String>,
    body: Body,
    Data(state): Data<&AppState>,
) -> Response {
    respond(req, decide(req, &id, body, state).await)
}

async fn decide(
    req: &Request,
    id: &str,
    body: Body,
    state: &AppState,
) -> Result<Response, AppError> {
    let Submitted {
        form,
        payment: p,
        framing,
    } = match submission(req, id, body, state, Status::Challenge).await? {
        Ok(fresh) => fresh,
        Err(stale) => return Ok(stale),
    };
    let approved = match form.get("decision") {
        Some("approve") => true,
        Some("deny") => false,
        _ => {
            return Err(AppError::Malformed {
                detail: "decision must be approve or deny".into(),
                field: Some("decision".into()),
            });
        }
    };
    let applied = pay::decide_challenge(state, &p, approved).await?;
    after(state, &p, applied, framing.as_ref()).await
}

#[handler]
pub async fn cancel(
    req: &Request,
    Path(id): Path<String>,
    Data(state): Data<&AppState>,
) -> Response {
    respond(
        req,
        async {
            let p = load(state, &id).await?;
            let query = Fields::parse(
                req.uri().query().unwrap_or("").as_bytes(),
                Limits::default(),
            )?;
            check_origin_and_token(req, &p, query.get("token"))?;
            if matches!(p.status, Status::Open | Status::Challenge)
                && payments::set_status_if(&state.db, &p.id, p.status, Status::Cancelled).await?
            {
                state.metrics.payment(Status::Cancelled.as_str());
            }
            let p = load(state, &id).await?;
            if p.status == Status::Cancelled {
                tracing::info!(payment = %p.id, "payment cancelled by the shopper");
                Ok(see_other(p.url_cancel.as_str()))
            } else {
                Ok(current(&p, None))
            }
        }
        .await,
    )
}
