//! The merchant's own pages: the overview with the audit log, credentials (account id,
//! rotation with an overlap, the new secret shown once, revoking the previous secret) and
//! settings (allowed hosts, frame origins). Every query takes the session's merchant: a user
//! sees only their own.

use super::{Nav, actor, error, session, session_form, text};
use crate::domain::hosts::{FrameOrigins, HostList};
use crate::domain::request::TEST_ONLY_NOTE;
use crate::error::AppError;
use crate::routes::html::{render, see_other};
use crate::state::AppState;
use crate::store::merchants::{self, Merchant};
use crate::store::sessions::Session;
use crate::store::{audit, format_millis, now_millis};
use askama::Template;
use poem::http::StatusCode;
use poem::web::Data;
use poem::{Body, Request, Response, handler};
use secrecy::ExposeSecret;

/// The session's merchant (it exists: users reference it).
async fn merchant_of(state: &AppState, session: &Session) -> Result<Merchant, Response> {
    match merchants::find(&state.db, &session.user.account_id).await {
        Ok(Some(m)) => Ok(m),
        Ok(None) => Err(error(AppError::NotFound)),
        Err(e) => Err(error(AppError::Unexpected(e))),
    }
}

struct EventRow {
    at: String,
    event: String,
    actor: String,
    ip: String,
    detail: String,
}

#[derive(Template)]
#[template(path = "dashboard/overview.html")]
struct OverviewPage {
    nav: Option<Nav>,
    name: String,
    account_id: String,
    mode: &'static str,
    test_only: bool,
    test_only_note: &'static str,
    events: Vec<EventRow>,
}

/// Whether live payments are possible for `m` here (today: never, there is no live processor).
fn takes_live(state: &AppState, m: &Merchant) -> bool {
    !m.test_only && state.processor.live()
}

#[handler]
pub async fn overview(req: &Request, Data(state): Data<&AppState>) -> Response {
    let session = try_page!(session(req, state).await);
    let m = try_page!(merchant_of(state, &session).await);
    let events = match audit::for_account(&state.db, &m.account_id, 200).await {
        Ok(e) => e,
        Err(e) => return error(AppError::Unexpected(e)),
    };
    let live = takes_live(state, &m);
    render(
        StatusCode::OK,
        &OverviewPage {
            nav: Nav::of(&session, "overview"),
            name: m.name,
            account_id: m.account_id,
            mode: if live {
                "test and live payments"
            } else {
                "test payments only"
            },
            test_only: !live,
            test_only_note: TEST_ONLY_NOTE,
            events: events
                .into_iter()
                .map(|e| EventRow {
                    at: format_millis(e.at),
                    event: e.event,
                    actor: e.actor,
                    ip: e.ip.unwrap_or_default(),
                    detail: e.detail,
                })
                .collect(),
        },
    )
}

#[derive(Template)]
#[template(path = "dashboard/credentials.html")]
struct CredentialsPage<'a> {
    nav: Option<Nav>,
    csrf: &'a str,
    account_id: &'a str,
    version: i64,
    previous_expires: Option<String>,
    new_secret: Option<&'a str>,
    test_only: bool,
    test_only_note: &'static str,
    error: Option<String>,
    message: Option<&'a str>,
}

fn credentials_page(
    state: &AppState,
    session: &Session,
    m: &Merchant,
    status: StatusCode,
    new_secret: Option<&str>,
    error: Option<String>,
    message: Option<&str>,
) -> Response {
    let now = now_millis();
    render(
        status,
        &CredentialsPage {
            nav: Nav::of(session, "credentials"),
            csrf: &session.csrf_token,
            account_id: &m.account_id,
            version: m.secret_version,
            previous_expires: m
                .previous_valid_at(now)
                .then(|| format_millis(m.previous_expires_at.unwrap_or_default())),
            new_secret,
            test_only: !takes_live(state, m),
            test_only_note: TEST_ONLY_NOTE,
            error,
            message,
        },
    )
}

#[handler]
pub async fn credentials(req: &Request, Data(state): Data<&AppState>) -> Response {
    let session = try_page!(session(req, state).await);
    let m = try_page!(merchant_of(state, &session).await);
    credentials_page(state, &session, &m, StatusCode::OK, None, None, None)
}

#[handler]
pub async fn change_credentials(
    req: &Request,
    body: Body,
    Data(state): Data<&AppState>,
) -> Response {
    let (session, fields) = try_page!(session_form(req, body, state).await);
    let account = session.user.account_id.clone();
    let by = actor(req, &session);
    match text(&fields, "intent") {
        "rotate" => {
            let overlap = text(&fields, "overlap").trim().parse::<u64>().ok();
            let refused = |why: String| async {
                let m = try_page!(merchant_of(state, &session).await);
                let status = if why.contains("still valid") {
                    StatusCode::CONFLICT
                } else {
                    StatusCode::UNPROCESSABLE_ENTITY
                };
                credentials_page(state, &session, &m, status, None, Some(why), None)
            };
            let Some(seconds) = overlap else {
                return refused("The overlap must be a number of seconds.".into()).await;
            };
            let overlap = std::time::Duration::from_secs(seconds);
            match merchants::rotate(&state.db, &state.key, &account, overlap, &by).await {
                Ok(Ok(rotated)) => {
                    state.merchants.forget(&account);
                    let m = try_page!(merchant_of(state, &session).await);
                    let secret = rotated.secret.expose_secret();
                    credentials_page(
                        state,
                        &session,
                        &m,
                        StatusCode::OK,
                        Some(secret),
                        None,
                        None,
                    )
                }
                Ok(Err(why)) => refused(capitalized(&why.to_string())).await,
                Err(e) => error(AppError::Unexpected(e)),
            }
        }
        "revoke_previous" => {
            let result = merchants::revoke_previous(&state.db, &account, &by).await;
            state.merchants.forget(&account);
            let m = try_page!(merchant_of(state, &session).await);
            match result {
                Ok(Ok(())) => credentials_page(
                    state,
                    &session,
                    &m,
                    StatusCode::OK,
                    None,
                    None,
                    Some("The previous secret no longer verifies."),
                ),
                Ok(Err(why)) => credentials_page(
                    state,
                    &session,
                    &m,
                    StatusCode::CONFLICT,
                    None,
                    Some(capitalized(&why.to_string())),
                    None,
                ),
                Err(e) => error(AppError::Unexpected(e)),
            }
        }
        _ => error(AppError::Malformed {
            detail: "the form's intent is missing or unknown".into(),
            field: Some("intent".into()),
        }),
    }
}

fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => format!("{}{}.", first.to_uppercase(), c.as_str()),
        None => String::new(),
    }
}

#[derive(Template)]
#[template(path = "dashboard/settings.html")]
struct SettingsPage<'a> {
    nav: Option<Nav>,
    csrf: &'a str,
    return_hosts: String,
    frame_origins: String,
    error: Option<String>,
    message: Option<&'a str>,
}

#[handler]
pub async fn settings(req: &Request, Data(state): Data<&AppState>) -> Response {
    let session = try_page!(session(req, state).await);
    let m = try_page!(merchant_of(state, &session).await);
    let saved = req.uri().query() == Some("saved");
    render(
        StatusCode::OK,
        &SettingsPage {
            nav: Nav::of(&session, "settings"),
            csrf: &session.csrf_token,
            return_hosts: m.return_hosts.to_text(),
            frame_origins: m.frame_origins.to_text(),
            error: None,
            message: saved.then_some("Settings saved."),
        },
    )
}

#[handler]
pub async fn save_settings(req: &Request, body: Body, Data(state): Data<&AppState>) -> Response {
    let (session, fields) = try_page!(session_form(req, body, state).await);
    let (hosts_text, origins_text) = (
        text(&fields, "return_hosts"),
        text(&fields, "frame_origins"),
    );
    let parsed =
        HostList::parse(hosts_text).and_then(|h| Ok((h, FrameOrigins::parse(origins_text)?)));
    let (hosts, origins) = match parsed {
        Ok(p) => p,
        Err(why) => {
            return render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &SettingsPage {
                    nav: Nav::of(&session, "settings"),
                    csrf: &session.csrf_token,
                    return_hosts: hosts_text.to_string(),
                    frame_origins: origins_text.to_string(),
                    error: Some(format!("Nothing was saved: {why}.")),
                    message: None,
                },
            );
        }
    };
    let account = session.user.account_id.clone();
    let by = actor(req, &session);
    match merchants::set_settings(&state.db, &account, &hosts, &origins, &by).await {
        Ok(Ok(())) => {
            state.merchants.forget(&account);
            see_other("/dashboard/settings?saved")
        }
        Ok(Err(_)) => error(AppError::NotFound),
        Err(e) => error(AppError::Unexpected(e)),
    }
}
