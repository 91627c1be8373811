//! The merchant dashboard (protocol.md section 9): pages that share the hosted page's look,
//! work without JavaScript, and show a user only their own merchant. This module owns the
//! session cookie (`__Host-og_session`), the check that every page has a live session (else a
//! redirect to the login), and the CSRF check of every form that changes something
//! (synchronizer token tied to the session, plus the browser's Origin, T10). The pages are in
//! [`auth`] (setup, login, logout, password), [`account`] (overview, credentials, settings),
//! [`payments`] (the list), [`payment`] (one payment's timeline and operations) and
//! [`developers`] (API keys, webhook endpoints and their deliveries, refused signatures,
//! callback delivery). Every page speaks the merchant's language ([`text`]); this module also
//! owns the dashboard's error page, in that language too.

/// The page's value, or the response a failed step already made (a redirect, an error page).
macro_rules! try_page {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(resp) => return resp,
        }
    };
}

mod account;
mod auth;
mod developers;
mod payment;
mod payments;
pub mod text;
pub mod timeline;

use super::html::{render, see_other};
use super::input::{check_token, client_ip, read_form_with, same_origin_only};
use crate::domain::form::{Fields, Limits};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::state::AppState;
use crate::store::merchants::Actor;
use crate::store::now_millis;
use crate::store::sessions::{self, Session};
use askama::Template;
use poem::http::header;
use poem::{Body, Request, Response, Route, get};
use text::{Markup, Piece, escape, locale};

/// The session cookie's name; the `__Host-` prefix makes browsers insist on `Secure`,
/// `Path=/` and no `Domain`, so no other host can set or read it.
pub const COOKIE: &str = "__Host-og_session";

pub fn routes() -> Route {
    Route::new()
        .at("/", get(account::overview))
        .at("/login", get(auth::login_page).post(auth::login))
        .at("/logout", poem::post(auth::logout))
        .at("/setup/:token", get(auth::setup_page).post(auth::setup))
        .at(
            "/password",
            get(auth::password_page).post(auth::change_password),
        )
        .at(
            "/credentials",
            get(account::credentials).post(account::change_credentials),
        )
        .at(
            "/settings",
            get(account::settings).post(account::save_settings),
        )
        .at(
            "/developers",
            get(developers::page).post(developers::resend_gave_up),
        )
        .at(
            "/developers/api-keys",
            get(developers::back).post(developers::create_key),
        )
        .at(
            "/developers/api-keys/:id/revoke",
            get(developers::back).post(developers::revoke_key),
        )
        .at(
            "/developers/webhook-endpoints",
            get(developers::back).post(developers::create_endpoint),
        )
        .at(
            "/developers/webhook-endpoints/:id/rotate",
            get(developers::back).post(developers::rotate_endpoint),
        )
        .at(
            "/developers/webhook-endpoints/:id/delete",
            get(developers::back).post(developers::delete_endpoint),
        )
        .at(
            "/developers/webhook-deliveries/:id/resend",
            get(developers::back).post(developers::resend_delivery),
        )
        .at("/payments", get(payments::list))
        .at("/payments/:id", get(payment::show))
        .at("/payments/:id/:operation", poem::post(payment::operate))
        .at(
            "/payments/:id/callbacks/:callback/resend",
            poem::post(payment::resend),
        )
}

/// The links and the logout form of a logged-in page.
pub struct Nav {
    pub email: String,
    pub csrf: String,
    pub current: &'static str,
}

impl Nav {
    fn of(session: &Session, current: &'static str) -> Option<Self> {
        Some(Self {
            email: session.user.email.clone(),
            csrf: session.csrf_token.clone(),
            current,
        })
    }
}

/// The cookie's token, if the request carries one.
fn cookie_token(req: &Request) -> Option<&str> {
    req.headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, value)| value)
        .filter(|v| v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// `Set-Cookie` for a new session, or to clear it.
fn set_cookie(token: Option<&str>) -> String {
    match token {
        Some(t) => format!(
            "{COOKIE}={t}; Secure; HttpOnly; SameSite=Strict; Path=/; Max-Age={}",
            sessions::ABSOLUTE_MS / 1000
        ),
        None => format!("{COOKIE}=; Secure; HttpOnly; SameSite=Strict; Path=/; Max-Age=0"),
    }
}

/// The request's live session, or the response to give instead: the login page for a
/// browser without one.
async fn session(req: &Request, state: &AppState) -> Result<Session, Response> {
    let found = match cookie_token(req) {
        Some(token) => sessions::find(&state.db, token, now_millis()).await,
        None => Ok(None),
    };
    match found {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err(see_other("/dashboard/login")),
        Err(e) => Err(error(&locale(req), AppError::Unexpected(e))),
    }
}

/// A form that changes something, from a logged-in user: the session, the Origin and the
/// CSRF token are checked before anything else is read (403 and nothing changed otherwise).
async fn session_form(
    req: &Request,
    body: Body,
    state: &AppState,
) -> Result<(Session, Fields), Response> {
    session_form_with(req, body, state, &[]).await
}

/// [`session_form`] for a form whose `lists` names may repeat (a group of checkboxes).
async fn session_form_with(
    req: &Request,
    body: Body,
    state: &AppState,
    lists: &'static [&'static str],
) -> Result<(Session, Fields), Response> {
    let session = session(req, state).await?;
    let t = &locale(req);
    same_origin_only(req).map_err(|e| error(t, e))?;
    let mut fields = Fields::new();
    let limits = Limits {
        lists,
        ..Limits::default()
    };
    read_form_with(req, body, &mut fields, limits)
        .await
        .map_err(|e| error(t, e))?;
    check_token(&session.csrf_token, fields.get("csrf_token")).map_err(|e| error(t, e))?;
    Ok((session, fields))
}

/// Who is acting, for the audit log.
fn actor(req: &Request, session: &Session) -> Actor {
    Actor {
        name: session.user.email.clone(),
        ip: req
            .data::<crate::state::AppState>()
            .and_then(|state| client_ip(state, req)),
    }
}

#[derive(Template)]
#[template(path = "dashboard/error.html")]
struct ErrorPage<'a> {
    t: &'a Locale,
    nav: Option<Nav>,
    code: &'static str,
    message: std::borrow::Cow<'static, str>,
    field: Option<&'a str>,
    /// The technical detail, as the gateway's log and API say it (English).
    detail: Option<String>,
    request_line: Option<String>,
}

/// What went wrong, for a merchant (the hosted page's error messages speak to shoppers).
fn error_message(t: &Locale, e: &AppError) -> std::borrow::Cow<'static, str> {
    match e {
        AppError::Malformed { .. } => t.msg("dash-error-malformed"),
        AppError::NotFound => t.msg("dash-error-not-found"),
        AppError::Conflict(_) => t.msg("dash-error-conflict"),
        AppError::TooLarge(_) => t.msg("dash-error-too-large"),
        AppError::Timeout => t.msg("dash-error-timeout"),
        AppError::RateLimited(_) => t.msg("dash-error-rate-limited"),
        AppError::DeadlineExceeded => t.msg("dash-error-deadline"),
        AppError::Unsupported => t.msg("dash-error-unsupported"),
        AppError::Invalid { .. } => t.msg("dash-error-invalid"),
        AppError::Forbidden(_) => t.msg("dash-error-forbidden"),
        AppError::Unexpected(_) => t.msg("dash-error-unexpected"),
        // No dashboard page verifies a signature, names an account or makes a payment.
        AppError::Signature(_) | AppError::UnknownAccount | AppError::LiveModeUnavailable(_) => {
            t.msg("dash-error-other")
        }
    }
}

/// The dashboard's error page in the merchant's language: a 5xx says nothing of its cause
/// (which goes to the log), a refusal says what was refused.
pub fn error(t: &Locale, e: AppError) -> Response {
    if let AppError::Unexpected(cause) = &e {
        tracing::error!(error = format!("{cause:#}"), "request failed");
    }
    let request_line = super::request_id().map(|id| {
        let id = Piece::Html(format!("<code id=\"request-id\">{}</code>", escape(&id)));
        t.html_fmt("dash-error-request-id", &[("id", id)])
    });
    let page = ErrorPage {
        t,
        nav: None,
        code: e.code(),
        message: error_message(t, &e),
        field: e.field(),
        detail: e.detail(),
        request_line,
    };
    let mut resp = render(e.status(), &page);
    if let Some(s) = e.retry_after() {
        resp.headers_mut()
            .insert(poem::http::header::RETRY_AFTER, s.into());
    }
    resp
}

/// The value of a text field, or empty.
fn text<'a>(fields: &'a Fields, name: &str) -> &'a str {
    fields.get(name).unwrap_or("")
}
