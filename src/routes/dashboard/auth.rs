//! Setting a password through a setup link, logging in and out, and changing the password.

use super::text::{Markup, Piece, escape, locale};
use super::{Nav, error, session, session_form, set_cookie, text};
use crate::domain::form::Fields;
use crate::error::AppError;
use crate::flows::accounts::{self, Login, PasswordProblem, password_problem};
use crate::i18n::{Locale, Value};
use crate::routes::html::{render, see_other};
use crate::routes::input::{client_ip, read_form, same_origin_only};
use crate::state::AppState;
use crate::store::now_millis;
use crate::store::sessions;
use crate::store::users;
use askama::Template;
use poem::http::{StatusCode, header};
use poem::web::{Data, Path};
use poem::{Body, Request, Response, handler};
use secrecy::SecretString;
use std::borrow::Cow;

/// How long a login stays locked after too many failures (the lockout's window).
const LOCKED_MINUTES: i64 = 15;

#[derive(Template)]
#[template(path = "dashboard/login.html")]
struct LoginPage<'a> {
    t: &'a Locale,
    nav: Option<Nav>,
    email: &'a str,
    error: Option<String>,
    message: Option<Cow<'static, str>>,
}

#[derive(Template)]
#[template(path = "dashboard/setup.html")]
struct SetupPage<'a> {
    t: &'a Locale,
    nav: Option<Nav>,
    email: &'a str,
    /// "For {email}. …", the email in bold (markup).
    for_email: String,
    action: String,
    error: Option<Cow<'static, str>>,
}

#[derive(Template)]
#[template(path = "dashboard/message.html")]
struct MessagePage<'a> {
    t: &'a Locale,
    nav: Option<Nav>,
    heading: Cow<'static, str>,
    message: Cow<'static, str>,
}

#[derive(Template)]
#[template(path = "dashboard/password.html")]
struct PasswordPage<'a> {
    t: &'a Locale,
    nav: Option<Nav>,
    email: &'a str,
    csrf: &'a str,
    error: Option<Cow<'static, str>>,
    message: Option<Cow<'static, str>>,
}

/// Why a new password was refused, in words.
fn password_text(t: &Locale, problem: PasswordProblem) -> Cow<'static, str> {
    match problem {
        PasswordProblem::Mismatch => t.msg("dash-password-mismatch"),
        PasswordProblem::TooShort => t.msg("dash-password-too-short"),
        PasswordProblem::TooLong => t.msg("dash-password-too-long"),
    }
}

fn login_form(
    t: &Locale,
    status: StatusCode,
    email: &str,
    error: Option<String>,
    message: Option<Cow<'static, str>>,
) -> Response {
    render(
        status,
        &LoginPage {
            t,
            nav: None,
            email,
            error,
            message,
        },
    )
}

#[handler]
pub async fn login_page(req: &Request) -> Response {
    let t = &locale(req);
    let message = match req.uri().query() {
        Some("welcome") => Some(t.msg("dash-login-welcome")),
        Some("ended") => Some(t.msg("dash-login-ended")),
        _ => None,
    };
    login_form(t, StatusCode::OK, "", None, message)
}

#[handler]
pub async fn login(req: &Request, body: Body, Data(state): Data<&AppState>) -> Response {
    let t = &locale(req);
    if let Err(e) = same_origin_only(req) {
        return error(t, e);
    }
    let mut fields = Fields::new();
    if let Err(e) = read_form(req, body, &mut fields).await {
        return error(t, e);
    }
    let email = text(&fields, "email");
    let password = SecretString::from(text(&fields, "password").to_string());
    match accounts::login(state, email, password, client_ip(state, req)).await {
        Ok(Login::Started(started)) => {
            let mut resp = see_other("/dashboard");
            if let Ok(v) = set_cookie(Some(&started.token)).parse() {
                resp.headers_mut().insert(header::SET_COOKIE, v);
            }
            resp
        }
        Ok(Login::Invalid) => login_form(
            t,
            StatusCode::UNAUTHORIZED,
            email,
            Some(t.msg("dash-login-invalid").into_owned()),
            None,
        ),
        Ok(Login::Locked) => {
            let why = t.fmt(
                "dash-login-locked",
                &[("minutes", Value::from(LOCKED_MINUTES))],
            );
            let mut resp = login_form(t, StatusCode::TOO_MANY_REQUESTS, email, Some(why), None);
            resp.headers_mut()
                .insert(header::RETRY_AFTER, (LOCKED_MINUTES * 60).into());
            resp
        }
        Err(e) => error(t, AppError::Unexpected(e)),
    }
}

#[handler]
pub async fn logout(req: &Request, body: Body, Data(state): Data<&AppState>) -> Response {
    let (session, _) = match session_form(req, body, state).await {
        Ok(s) => s,
        Err(resp) => return resp,
    };
    if let Err(e) = sessions::end(&state.db, &session, client_ip(state, req), now_millis()).await {
        return error(&locale(req), AppError::Unexpected(e));
    }
    let mut resp = see_other("/dashboard/login?ended");
    if let Ok(v) = set_cookie(None).parse() {
        resp.headers_mut().insert(header::SET_COOKIE, v);
    }
    resp
}

fn link_gone(t: &Locale) -> Response {
    render(
        StatusCode::NOT_FOUND,
        &MessagePage {
            t,
            nav: None,
            heading: t.msg("dash-link-gone-heading"),
            message: t.msg("dash-link-gone"),
        },
    )
}

fn setup_form(
    t: &Locale,
    status: StatusCode,
    email: &str,
    token: &str,
    error: Option<Cow<'static, str>>,
) -> Response {
    let bold = Piece::Html(format!(
        "<strong id=\"setup-email\">{}</strong>",
        escape(email)
    ));
    render(
        status,
        &SetupPage {
            t,
            nav: None,
            email,
            for_email: t.html_fmt("dash-setup-for", &[("email", bold)]),
            action: format!("/dashboard/setup/{token}"),
            error,
        },
    )
}

fn plausible_token(token: &str) -> bool {
    token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit())
}

#[handler]
pub async fn setup_page(
    req: &Request,
    Path(token): Path<String>,
    Data(state): Data<&AppState>,
) -> Response {
    let t = &locale(req);
    if !plausible_token(&token) {
        return link_gone(t);
    }
    match users::by_setup_token(&state.db, &token).await {
        Ok(Some(user)) => setup_form(t, StatusCode::OK, &user.email, &token, None),
        Ok(None) => link_gone(t),
        Err(e) => error(t, AppError::Unexpected(e)),
    }
}

#[handler]
pub async fn setup(
    req: &Request,
    Path(token): Path<String>,
    body: Body,
    Data(state): Data<&AppState>,
) -> Response {
    let t = &locale(req);
    if let Err(e) = same_origin_only(req) {
        return error(t, e);
    }
    if !plausible_token(&token) {
        return link_gone(t);
    }
    let mut fields = Fields::new();
    if let Err(e) = read_form(req, body, &mut fields).await {
        return error(t, e);
    }
    let user = match users::by_setup_token(&state.db, &token).await {
        Ok(Some(u)) => u,
        Ok(None) => return link_gone(t),
        Err(e) => return error(t, AppError::Unexpected(e)),
    };
    let (password, confirm) = (text(&fields, "password"), text(&fields, "password_confirm"));
    if let Some(problem) = password_problem(password, confirm) {
        let why = Some(password_text(t, problem));
        return setup_form(
            t,
            StatusCode::UNPROCESSABLE_ENTITY,
            &user.email,
            &token,
            why,
        );
    }
    let result = async {
        let hash = accounts::hash_password(SecretString::from(password.to_string())).await?;
        users::set_password(&state.db, &user, &token, hash, client_ip(state, req)).await
    }
    .await;
    match result {
        Ok(true) => see_other("/dashboard/login?welcome"),
        Ok(false) => link_gone(t),
        Err(e) => error(t, AppError::Unexpected(e)),
    }
}

#[handler]
pub async fn password_page(req: &Request, Data(state): Data<&AppState>) -> Response {
    let session = match session(req, state).await {
        Ok(s) => s,
        Err(resp) => return resp,
    };
    password_form(&locale(req), &session, StatusCode::OK, None, None)
}

fn password_form(
    t: &Locale,
    session: &sessions::Session,
    status: StatusCode,
    error: Option<Cow<'static, str>>,
    message: Option<Cow<'static, str>>,
) -> Response {
    render(
        status,
        &PasswordPage {
            t,
            nav: Nav::of(session, "password"),
            email: &session.user.email,
            csrf: &session.csrf_token,
            error,
            message,
        },
    )
}

#[handler]
pub async fn change_password(req: &Request, body: Body, Data(state): Data<&AppState>) -> Response {
    let (session, fields) = match session_form(req, body, state).await {
        Ok(s) => s,
        Err(resp) => return resp,
    };
    let t = &locale(req);
    let current = SecretString::from(text(&fields, "current_password").to_string());
    let (password, confirm) = (text(&fields, "password"), text(&fields, "password_confirm"));
    let result = async {
        if !accounts::check_password(&session.user, current).await? {
            return Ok(Err(t.msg("dash-password-wrong")));
        }
        if let Some(problem) = password_problem(password, confirm) {
            return Ok(Err(password_text(t, problem)));
        }
        let hash = accounts::hash_password(SecretString::from(password.to_string())).await?;
        let ip = client_ip(state, req);
        users::change_password(&state.db, &session.user, &session.id_hash, hash, ip).await?;
        anyhow::Ok(Ok(()))
    }
    .await;
    match result {
        Ok(Ok(())) => password_form(
            t,
            &session,
            StatusCode::OK,
            None,
            Some(t.msg("dash-password-changed")),
        ),
        Ok(Err(problem)) => password_form(
            t,
            &session,
            StatusCode::UNPROCESSABLE_ENTITY,
            Some(problem),
            None,
        ),
        Err(e) => error(t, AppError::Unexpected(e)),
    }
}
