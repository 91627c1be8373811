//! The developers' page: the signature doctor's rejections (protocol.md section 10) and the
//! callbacks' delivery health over the last 24 hours (success rate, the storefront's answer
//! time, what is waiting and for how long, what gave up), with one button that sends again
//! every callback that gave up. Only the session's merchant's callbacks, ever.

use super::{Nav, actor, error, session, session_form, text};
use crate::domain::doctor::Diagnosis;
use crate::error::AppError;
use crate::routes::html::{render, see_other};
use crate::state::AppState;
use crate::store::audit::{self, Entry, Event};
use crate::store::callbacks::{self, Health};
use crate::store::{format_millis, now_millis, rejections};
use askama::Template;
use poem::http::StatusCode;
use poem::web::Data;
use poem::{Body, Request, Response, handler};

/// The most callbacks one press of the button sends again.
const RESEND_LIMIT: i64 = 1000;

struct RejectionRow {
    at: String,
    path: String,
    diagnosis: String,
    hint: &'static str,
    fields: String,
    ip: String,
}

/// The delivery panel, in words.
struct Delivery {
    attempts: i64,
    success_rate: String,
    p50: String,
    p95: String,
    waiting: i64,
    oldest_waiting: String,
    gave_up: i64,
    /// Worth a warning: failures in the window, or something waiting for over 10 minutes.
    troubled: bool,
}

impl Delivery {
    fn of(h: &Health, now: i64) -> Self {
        let ms = |v: Option<i64>| v.map_or("–".to_string(), |v| format!("{v} ms"));
        let oldest_age = h.oldest_waiting_at.map(|at| (now - at).max(0));
        Self {
            attempts: h.attempts,
            success_rate: match h.attempts {
                0 => "no attempts".to_string(),
                n => format!("{:.1} %", h.succeeded as f64 * 100.0 / n as f64),
            },
            p50: ms(h.p50_ms),
            p95: ms(h.p95_ms),
            waiting: h.waiting,
            oldest_waiting: oldest_age.map_or("–".to_string(), |age| {
                let secs = std::time::Duration::from_secs(u64::try_from(age / 1000).unwrap_or(0));
                format!("{} ago", humantime::format_duration(secs))
            }),
            gave_up: h.gave_up,
            troubled: h.succeeded < h.attempts
                || h.gave_up > 0
                || oldest_age.is_some_and(|a| a > 10 * 60 * 1000),
        }
    }
}

#[derive(Template)]
#[template(path = "dashboard/developers.html")]
struct DevelopersPage<'a> {
    nav: Option<Nav>,
    csrf: &'a str,
    rejections: Vec<RejectionRow>,
    delivery: Delivery,
    message: Option<String>,
}

#[handler]
pub async fn page(req: &Request, Data(state): Data<&AppState>) -> Response {
    let session = try_page!(session(req, state).await);
    let account = &session.user.account_id;
    let now = now_millis();
    let loaded = async {
        let rows = rejections::list(&state.db, account, now).await?;
        let health = callbacks::health(&state.db, account, now).await?;
        anyhow::Ok((rows, health))
    };
    let (rows, health) = match loaded.await {
        Ok(v) => v,
        Err(e) => return error(AppError::Unexpected(e)),
    };
    let message = req
        .uri()
        .query()
        .and_then(|q| q.strip_prefix("resent="))
        .and_then(|n| n.parse::<usize>().ok())
        .map(|n| match n {
            0 => "No callback had given up: nothing was sent.".to_string(),
            1 => "1 callback is being sent again.".to_string(),
            n => format!("{n} callbacks are being sent again."),
        });
    render(
        StatusCode::OK,
        &DevelopersPage {
            nav: Nav::of(&session, "developers"),
            csrf: &session.csrf_token,
            delivery: Delivery::of(&health, now),
            message,
            rejections: rows
                .into_iter()
                .map(|r| RejectionRow {
                    hint: Diagnosis::from_code(&r.diagnosis).map_or("", Diagnosis::hint),
                    at: format_millis(r.at),
                    path: r.path,
                    diagnosis: r.diagnosis,
                    fields: r.fields.replace(',', ", "),
                    ip: r.ip.unwrap_or_default(),
                })
                .collect(),
        },
    )
}

/// Sends again every callback of the merchant that gave up; audit-logged.
#[handler]
pub async fn resend_gave_up(req: &Request, body: Body, Data(state): Data<&AppState>) -> Response {
    let (session, fields) = try_page!(session_form(req, body, state).await);
    if text(&fields, "intent") != "resend_gave_up" {
        return error(AppError::Malformed {
            detail: "the form's intent is missing or unknown".into(),
            field: Some("intent".into()),
        });
    }
    let account = &session.user.account_id;
    let by = actor(req, &session);
    let done = async {
        let n = callbacks::resend_gave_up(&state.db, account, RESEND_LIMIT, now_millis()).await?;
        let detail = format!("{n} callbacks that gave up sent again");
        let entry = Entry {
            account_id: Some(account),
            actor: &by.name,
            event: Event::CallbacksResent,
            detail: &detail,
            ip: by.ip.as_deref(),
        };
        audit::record(&state.db, &entry).await?;
        anyhow::Ok(n)
    };
    match done.await {
        Ok(n) => {
            state.callback_wake.notify_one();
            see_other(format!("/dashboard/developers?resent={n}"))
        }
        Err(e) => error(AppError::Unexpected(e)),
    }
}
