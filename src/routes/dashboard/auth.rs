//! Setting a password through a setup link, logging in and out, and changing the password.

use super::{Nav, error, session, session_form, set_cookie, text};
use crate::domain::form::Fields;
use crate::error::AppError;
use crate::flows::accounts::{self, Login, password_problem};
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

#[derive(Template)]
#[template(path = "dashboard/login.html")]
struct LoginPage<'a> {
    nav: Option<Nav>,
    email: &'a str,
    error: Option<&'a str>,
    message: Option<&'a str>,
}

#[derive(Template)]
#[template(path = "dashboard/setup.html")]
struct SetupPage<'a> {
    nav: Option<Nav>,
    email: &'a str,
    action: String,
    error: Option<&'a str>,
}

#[derive(Template)]
#[template(path = "dashboard/message.html")]
struct MessagePage<'a> {
    nav: Option<Nav>,
    heading: &'a str,
    message: &'a str,
}

#[derive(Template)]
#[template(path = "dashboard/password.html")]
struct PasswordPage<'a> {
    nav: Option<Nav>,
    email: &'a str,
    csrf: &'a str,
    error: Option<&'a str>,
    message: Option<&'a str>,
}

fn login_form(
    status: StatusCode,
    email: &str,
    error: Option<&str>,
    message: Option<&str>,
) -> Response {
    render(
        status,
        &LoginPage {
            nav: None,
            email,
            error,
            message,
        },
    )
}

#[handler]
pub async fn login_page(req: &Request) -> Response {
    let message = match req.uri().query() {
        Some("welcome") => Some("Your password is set. Log in with it."),
        Some("ended") => Some("You have logged out."),
        _ => None,
    };
    login_form(StatusCode::OK, "", None, message)
}

#[handler]
pub async fn login(req: &Request, body: Body, Data(state): Data<&AppState>) -> Response {
    if let Err(e) = same_origin_only(req) {
        return error(e);
    }
    let mut fields = Fields::new();
    if let Err(e) = read_form(req, body, &mut fields).await {
        return error(e);
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
            StatusCode::UNAUTHORIZED,
            email,
            Some("The email or the password is not right."),
            None,
        ),
        Ok(Login::Locked) => {
            let mut resp = login_form(
                StatusCode::TOO_MANY_REQUESTS,
                email,
                Some("Too many failed logins. Wait 15 minutes, then try again."),
                None,
            );
            resp.headers_mut().insert(
                header::RETRY_AFTER,
                poem::http::HeaderValue::from_static("900"),
            );
            resp
        }
        Err(e) => error(AppError::Unexpected(e)),
    }
}

#[handler]
pub async fn logout(req: &Request, body: Body, Data(state): Data<&AppState>) -> Response {
    let (session, _) = match session_form(req, body, state).await {
        Ok(s) => s,
        Err(resp) => return resp,
    };
    if let Err(e) = sessions::end(&state.db, &session, client_ip(state, req), now_millis()).await {
        return error(AppError::Unexpected(e));
    }
    let mut resp = see_other("/dashboard/login?ended");
    if let Ok(v) = set_cookie(None).parse() {
        resp.headers_mut().insert(header::SET_COOKIE, v);
    }
    resp
}

fn link_gone() -> Response {
    render(
        StatusCode::NOT_FOUND,
        &MessagePage {
            nav: None,
            heading: "This link does not work",
            message: "The setup link has expired or has been used. Ask your gateway operator for a new one.",
        },
    )
}

fn plausible_token(token: &str) -> bool {
    token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit())
}

#[handler]
pub async fn setup_page(Path(token): Path<String>, Data(state): Data<&AppState>) -> Response {
    if !plausible_token(&token) {
        return link_gone();
    }
    match users::by_setup_token(&state.db, &token).await {
        Ok(Some(user)) => render(
            StatusCode::OK,
            &SetupPage {
                nav: None,
                email: &user.email,
                action: format!("/dashboard/setup/{token}"),
                error: None,
            },
        ),
        Ok(None) => link_gone(),
        Err(e) => error(AppError::Unexpected(e)),
    }
}

#[handler]
pub async fn setup(
    req: &Request,
    Path(token): Path<String>,
    body: Body,
    Data(state): Data<&AppState>,
) -> Response {
    if let Err(e) = same_origin_only(req) {
        return error(e);
    }
    if !plausible_token(&token) {
        return link_gone();
    }
    let mut fields = Fields::new();
    if let Err(e) = read_form(req, body, &mut fields).await {
        return error(e);
    }
    let user = match users::by_setup_token(&state.db, &token).await {
        Ok(Some(u)) => u,
        Ok(None) => return link_gone(),
        Err(e) => return error(AppError::Unexpected(e)),
    };
    let (password, confirm) = (text(&fields, "password"), text(&fields, "password_confirm"));
    if let Some(problem) = password_problem(password, confirm) {
        return render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &SetupPage {
                nav: None,
                email: &user.email,
                action: format!("/dashboard/setup/{token}"),
                error: Some(problem),
            },
        );
    }
    let result = async {
        let hash = accounts::hash_password(SecretString::from(password.to_string())).await?;
        users::set_password(&state.db, &user, &token, hash, client_ip(state, req)).await
    }
    .await;
    match result {
        Ok(true) => see_other("/dashboard/login?welcome"),
        Ok(false) => link_gone(),
        Err(e) => error(AppError::Unexpected(e)),
    }
}

#[handler]
pub async fn password_page(req: &Request, Data(state): Data<&AppState>) -> Response {
    let session = match session(req, state).await {
        Ok(s) => s,
        Err(resp) => return resp,
    };
    password_form(&session, StatusCode::OK, None, None)
}

fn password_form(
    session: &sessions::Session,
    status: StatusCode,
    error: Option<&str>,
    message: Option<&str>,
) -> Response {
    render(
        status,
        &PasswordPage {
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
    let current = SecretString::from(text(&fields, "current_password").to_string());
    let (password, confirm) = (text(&fields, "password"), text(&fields, "password_confirm"));
    let result = async {
        if !accounts::check_password(&session.user, current).await? {
            return Ok(Err("The current password is not right."));
        }
        if let Some(problem) = password_problem(password, confirm) {
            return Ok(Err(problem));
        }
        let hash = accounts::hash_password(SecretString::from(password.to_string())).await?;
        let ip = client_ip(state, req);
        users::change_password(&state.db, &session.user, &session.id_hash, hash, ip).await?;
        anyhow::Ok(Ok(()))
    }
    .await;
    match result {
        Ok(Ok(())) => password_form(
            &session,
            StatusCode::OK,
            None,
            Some("Your password is changed; your other sessions have ended."),
        ),
        Ok(Err(problem)) => password_form(
            &session,
            StatusCode::UNPROCESSABLE_ENTITY,
            Some(problem),
            None,
        ),
        Err(e) => error(AppError::Unexpected(e)),
    }
}
