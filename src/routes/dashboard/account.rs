//! The merchant's own pages: the overview with the audit log, credentials (account id,
//! rotation with an overlap, the new secret shown once, revoking the previous secret) and
//! settings (allowed hosts, frame origins). Every query takes the session's merchant: a user
//! sees only their own.

use super::text::{Markup, When, locale};
use super::{Nav, actor, error, session, session_form, text};
use crate::domain::hosts::{FrameOrigins, HostList, MAX_ENTRIES, SettingsError};
use crate::error::AppError;
use crate::i18n::{Locale, Value};
use crate::routes::html::{render, see_other};
use crate::state::AppState;
use crate::store::merchants::{self, Merchant, Refused};
use crate::store::sessions::Session;
use crate::store::{audit, now_millis};
use askama::Template;
use poem::http::StatusCode;
use poem::web::Data;
use poem::{Body, Request, Response, handler};
use secrecy::ExposeSecret;
use std::borrow::Cow;

/// The session's merchant (it exists: users reference it).
async fn merchant_of(
    t: &Locale,
    state: &AppState,
    session: &Session,
) -> Result<Merchant, Response> {
    match merchants::find(&state.db, &session.user.account_id).await {
        Ok(Some(m)) => Ok(m),
        Ok(None) => Err(error(t, AppError::NotFound)),
        Err(e) => Err(error(t, AppError::Unexpected(e))),
    }
}

/// An audit row; its event is a stable code and its detail the text stored with it.
struct EventRow {
    at: When,
    event: String,
    actor: String,
    ip: String,
    detail: String,
}

#[derive(Template)]
#[template(path = "dashboard/overview.html")]
struct OverviewPage<'a> {
    t: &'a Locale,
    nav: Option<Nav>,
    name: String,
    account_id: String,
    mode: Cow<'static, str>,
    test_only: bool,
    events: Vec<EventRow>,
}

/// Whether live payments are possible for `m` here (today: never, there is no live processor).
fn takes_live(state: &AppState, m: &Merchant) -> bool {
    !m.test_only && state.processor.live()
}

#[handler]
pub async fn overview(req: &Request, Data(state): Data<&AppState>) -> Response {
    let t = &locale(req);
    let session = try_page!(session(req, state).await);
    let m = try_page!(merchant_of(t, state, &session).await);
    let events = match audit::for_account(&state.db, &m.account_id, 200).await {
        Ok(e) => e,
        Err(e) => return error(t, AppError::Unexpected(e)),
    };
    let live = takes_live(state, &m);
    render(
        StatusCode::OK,
        &OverviewPage {
            t,
            nav: Nav::of(&session, "overview"),
            name: m.name,
            account_id: m.account_id,
            mode: if live {
                t.msg("dash-mode-test-and-live")
            } else {
                t.msg("dash-mode-test-only")
            },
            test_only: !live,
            events: events
                .into_iter()
                .map(|e| EventRow {
                    at: When::of(t, e.at),
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
    t: &'a Locale,
    nav: Option<Nav>,
    csrf: &'a str,
    account_id: &'a str,
    /// The secret's version, in words.
    version: String,
    /// "verifies until …" (markup: the `<time id="previous-expires">`), while it does.
    previous_expires: Option<String>,
    new_secret: Option<&'a str>,
    test_only: bool,
    error: Option<Cow<'static, str>>,
    message: Option<Cow<'static, str>>,
}

/// What the credentials page shows besides the merchant's state.
#[derive(Default)]
struct Said<'a> {
    new_secret: Option<&'a str>,
    error: Option<Cow<'static, str>>,
    message: Option<Cow<'static, str>>,
}

fn credentials_page(
    t: &Locale,
    state: &AppState,
    session: &Session,
    m: &Merchant,
    status: StatusCode,
    said: Said<'_>,
) -> Response {
    let now = now_millis();
    let previous_expires = m.previous_valid_at(now).then(|| {
        let until = When::of(t, m.previous_expires_at.unwrap_or_default());
        let until = super::text::Piece::Html(until.html_with_id("previous-expires"));
        t.html_fmt("dash-previous-verifies-until", &[("until", until)])
    });
    render(
        status,
        &CredentialsPage {
            t,
            nav: Nav::of(session, "credentials"),
            csrf: &session.csrf_token,
            account_id: &m.account_id,
            version: t.fmt(
                "dash-secret-version",
                &[("version", Value::from(m.secret_version))],
            ),
            previous_expires,
            new_secret: said.new_secret,
            test_only: !takes_live(state, m),
            error: said.error,
            message: said.message,
        },
    )
}

/// Why a credentials change was refused, in words; `m` is the merchant as it is now.
fn refused_text(t: &Locale, why: &Refused, m: &Merchant) -> Cow<'static, str> {
    match why {
        Refused::NoSuchMerchant => t.msg("dash-no-such-merchant"),
        Refused::OverlapOutOfRange => t.msg("dash-overlap-out-of-range"),
        Refused::PreviousStillValid { .. } => {
            let until = t.datetime(crate::store::from_millis(
                m.previous_expires_at.unwrap_or_default(),
            ));
            Cow::Owned(t.fmt("dash-previous-still-valid", &[("until", until.into())]))
        }
        Refused::NoValidPrevious => t.msg("dash-no-valid-previous"),
    }
}

#[handler]
pub async fn credentials(req: &Request, Data(state): Data<&AppState>) -> Response {
    let t = &locale(req);
    let session = try_page!(session(req, state).await);
    let m = try_page!(merchant_of(t, state, &session).await);
    credentials_page(t, state, &session, &m, StatusCode::OK, Said::default())
}

#[handler]
pub async fn change_credentials(
    req: &Request,
    body: Body,
    Data(state): Data<&AppState>,
) -> Response {
    let t = &locale(req);
    let (session, fields) = try_page!(session_form(req, body, state).await);
    let account = session.user.account_id.clone();
    let by = actor(req, &session);
    match text(&fields, "intent") {
        "rotate" => {
            let overlap = text(&fields, "overlap").trim().parse::<u64>().ok();
            // The form again with why: 409 while a previous secret is valid, else 422.
            let session = &session;
            let refused = |why: Option<Refused>| async move {
                let m = try_page!(merchant_of(t, state, session).await);
                let (status, error) = match &why {
                    None => (
                        StatusCode::UNPROCESSABLE_ENTITY,
                        t.msg("dash-overlap-not-number"),
                    ),
                    Some(r @ Refused::PreviousStillValid { .. }) => {
                        (StatusCode::CONFLICT, refused_text(t, r, &m))
                    }
                    Some(r) => (StatusCode::UNPROCESSABLE_ENTITY, refused_text(t, r, &m)),
                };
                let said = Said {
                    error: Some(error),
                    ..Said::default()
                };
                credentials_page(t, state, session, &m, status, said)
            };
            let Some(seconds) = overlap else {
                return refused(None).await;
            };
            let overlap = std::time::Duration::from_secs(seconds);
            match merchants::rotate(&state.db, &state.key, &account, overlap, &by).await {
                Ok(Ok(rotated)) => {
                    state.merchants.forget(&account);
                    let m = try_page!(merchant_of(t, state, session).await);
                    let said = Said {
                        new_secret: Some(rotated.secret.expose_secret()),
                        ..Said::default()
                    };
                    credentials_page(t, state, session, &m, StatusCode::OK, said)
                }
                Ok(Err(why)) => refused(Some(why)).await,
                Err(e) => error(t, AppError::Unexpected(e)),
            }
        }
        "revoke_previous" => {
            let result = merchants::revoke_previous(&state.db, &account, &by).await;
            state.merchants.forget(&account);
            let m = try_page!(merchant_of(t, state, &session).await);
            match result {
                Ok(Ok(())) => {
                    let said = Said {
                        message: Some(t.msg("dash-previous-revoked")),
                        ..Said::default()
                    };
                    credentials_page(t, state, &session, &m, StatusCode::OK, said)
                }
                Ok(Err(why)) => {
                    let said = Said {
                        error: Some(refused_text(t, &why, &m)),
                        ..Said::default()
                    };
                    credentials_page(t, state, &session, &m, StatusCode::CONFLICT, said)
                }
                Err(e) => error(t, AppError::Unexpected(e)),
            }
        }
        _ => error(
            t,
            AppError::Malformed {
                detail: "the form's intent is missing or unknown".into(),
                field: Some("intent".into()),
            },
        ),
    }
}

#[derive(Template)]
#[template(path = "dashboard/settings.html")]
struct SettingsPage<'a> {
    t: &'a Locale,
    nav: Option<Nav>,
    csrf: &'a str,
    return_hosts: String,
    frame_origins: String,
    /// The fields' hints (markup: code spans).
    return_hosts_hint: String,
    frame_origins_hint: String,
    error: Option<String>,
    message: Option<Cow<'static, str>>,
}

impl<'a> SettingsPage<'a> {
    fn new(t: &'a Locale, session: &'a Session, hosts: String, origins: String) -> Self {
        Self {
            t,
            nav: Nav::of(session, "settings"),
            csrf: &session.csrf_token,
            return_hosts: hosts,
            frame_origins: origins,
            return_hosts_hint: t.html_fmt("dash-return-hosts-hint", &[]),
            frame_origins_hint: t.html_fmt("dash-frame-origins-hint", &[]),
            error: None,
            message: None,
        }
    }
}

/// Why the settings were not saved, in words.
fn settings_problem(t: &Locale, why: &SettingsError) -> String {
    match why {
        SettingsError::BadHost(entry) => t.fmt(
            "dash-settings-bad-host",
            &[("entry", entry.as_str().into())],
        ),
        SettingsError::BadOrigin(entry) => t.fmt(
            "dash-settings-bad-origin",
            &[("entry", entry.as_str().into())],
        ),
        SettingsError::TooMany => t.fmt(
            "dash-settings-too-many",
            &[("max", Value::from(MAX_ENTRIES))],
        ),
    }
}

#[handler]
pub async fn settings(req: &Request, Data(state): Data<&AppState>) -> Response {
    let t = &locale(req);
    let session = try_page!(session(req, state).await);
    let m = try_page!(merchant_of(t, state, &session).await);
    let saved = req.uri().query() == Some("saved");
    let (hosts, origins) = (m.return_hosts.to_text(), m.frame_origins.to_text());
    let page = SettingsPage {
        message: saved.then(|| t.msg("dash-settings-saved")),
        ..SettingsPage::new(t, &session, hosts, origins)
    };
    render(StatusCode::OK, &page)
}

#[handler]
pub async fn save_settings(req: &Request, body: Body, Data(state): Data<&AppState>) -> Response {
    let t = &locale(req);
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
            let (hosts, origins) = (hosts_text.to_string(), origins_text.to_string());
            let page = SettingsPage {
                error: Some(settings_problem(t, &why)),
                ..SettingsPage::new(t, &session, hosts, origins)
            };
            return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    let account = session.user.account_id.clone();
    let by = actor(req, &session);
    match merchants::set_settings(&state.db, &account, &hosts, &origins, &by).await {
        Ok(Ok(())) => {
            state.merchants.forget(&account);
            see_other("/dashboard/settings?saved")
        }
        Ok(Err(_)) => error(t, AppError::NotFound),
        Err(e) => error(t, AppError::Unexpected(e)),
    }
}
