//! The developers' page: the merchant's API keys ([`keys`]) and webhook endpoints with their
//! newest deliveries ([`webhooks`]), the signature doctor's rejections (protocol.md section 10)
//! and the callbacks' delivery health over the last 24 hours (success rate, the storefront's
//! answer time, what is waiting and for how long, what gave up), with one button that sends
//! again every callback that gave up. This module assembles the page; a form's answer adds what
//! it must show once (a new key or secret) or the form again with its errors. Only the
//! session's merchant's data, ever.

mod keys;
mod webhooks;

pub use keys::{create_key, revoke_key};
pub use webhooks::{create_endpoint, delete_endpoint, resend_delivery, rotate_endpoint};

use super::{Nav, actor, error, session, session_form, text};
use crate::domain::doctor::Diagnosis;
use crate::domain::webhook::EVENT_TYPES;
use crate::error::AppError;
use crate::routes::html::{render, see_other};
use crate::state::AppState;
use crate::store::audit::{self, Entry, Event};
use crate::store::callbacks::{self, Health};
use crate::store::sessions::Session;
use crate::store::webhooks as endpoints;
use crate::store::{api_keys, format_millis, merchants, now_millis, rejections};
use askama::Template;
use poem::http::StatusCode;
use poem::web::Data;
use poem::{Body, Request, Response, handler};

/// The most callbacks one press of the button sends again.
const RESEND_LIMIT: i64 = 1000;
/// The deliveries listed under each webhook endpoint.
const DELIVERIES_SHOWN: i64 = 10;

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

struct KeyRow {
    id: String,
    hint: String,
    mode: &'static str,
    created: String,
    revoked: Option<String>,
}

struct DeliveryRow {
    id: i64,
    event_type: String,
    event_id: String,
    payment_id: String,
    status: &'static str,
    attempts: i32,
    last: String,
}

struct EndpointRow {
    id: String,
    url: String,
    events: String,
    created: String,
    /// While a rotated-out secret still signs too.
    previous_until: Option<String>,
    deliveries: Vec<DeliveryRow>,
}

/// One checkbox of the webhook form's event list.
struct EventBox {
    value: &'static str,
    /// For the element's id: the value without its dots (`all` for `*`).
    slug: String,
    checked: bool,
}

/// A line at the head of a section: what a form did, or why it did nothing.
struct Note {
    text: String,
    bad: bool,
}

impl Note {
    fn done(text: impl Into<String>) -> Option<Self> {
        Some(Self {
            text: text.into(),
            bad: false,
        })
    }

    fn refused(text: impl Into<String>) -> Option<Self> {
        Some(Self {
            text: text.into(),
            bad: true,
        })
    }
}

/// A key just made, shown this once.
struct NewKey {
    id: String,
    key: String,
    live: bool,
}

/// An endpoint's secret just made (a new endpoint, or a rotation), shown this once.
struct NewSecret {
    endpoint_id: String,
    secret: String,
    /// For a rotation: until when the previous secret signs too.
    previous_until: Option<String>,
}

/// The API key form as the user left it.
#[derive(Default)]
struct KeyForm {
    live: bool,
    error: Option<String>,
}

/// The webhook form as the user left it.
#[derive(Default)]
struct EndpointForm {
    url: String,
    events: Vec<String>,
    url_error: Option<String>,
    events_error: Option<String>,
}

/// What the answer to a form adds to the page.
#[derive(Default)]
struct Shown {
    message: Option<String>,
    keys_note: Option<Note>,
    new_key: Option<NewKey>,
    key_form: KeyForm,
    webhooks_note: Option<Note>,
    new_secret: Option<NewSecret>,
    endpoint_form: EndpointForm,
}

#[derive(Template)]
#[template(path = "dashboard/developers.html")]
struct DevelopersPage<'a> {
    nav: Option<Nav>,
    csrf: &'a str,
    test_only: bool,
    keys: Vec<KeyRow>,
    endpoints: Vec<EndpointRow>,
    event_boxes: Vec<EventBox>,
    rejections: Vec<RejectionRow>,
    delivery: Delivery,
    shown: Shown,
}

fn key_row(k: api_keys::ApiKey) -> KeyRow {
    KeyRow {
        mode: if k.livemode { "live" } else { "test" },
        created: format_millis(k.created_at),
        revoked: k.revoked_at.map(format_millis),
        id: k.id,
        hint: k.hint,
    }
}

fn delivery_row(d: endpoints::Delivery) -> DeliveryRow {
    DeliveryRow {
        status: d.status.as_str(),
        last: match (d.last_status, d.last_error, d.attempts) {
            (Some(s), _, _) => format!("HTTP {s}"),
            (None, Some(e), _) => e,
            (None, None, 0) => "not attempted yet".into(),
            (None, None, _) => "no answer".into(),
        },
        id: d.id,
        event_type: d.event_type,
        event_id: d.event_id,
        payment_id: d.payment_id,
        attempts: d.attempts,
    }
}

/// The page for the session's merchant with what `shown` adds, answered with `status`.
async fn page_with(
    state: &AppState,
    session: &Session,
    status: StatusCode,
    shown: Shown,
) -> Response {
    let account = &session.user.account_id;
    let now = now_millis();
    let loaded = async {
        let merchant = merchants::find(&state.db, account).await?;
        let rows = rejections::list(&state.db, account, now).await?;
        let health = callbacks::health(&state.db, account, now).await?;
        let keys = api_keys::list(&state.db, account).await?;
        let mut listed = Vec::new();
        for e in endpoints::list(&state.db, account).await? {
            let sent = endpoints::deliveries(&state.db, account, &e.id, DELIVERIES_SHOWN).await?;
            listed.push((e, sent));
        }
        anyhow::Ok((merchant, rows, health, keys, listed))
    };
    let (merchant, rows, health, keys, listed) = match loaded.await {
        Ok(v) => v,
        Err(e) => return error(AppError::Unexpected(e)),
    };
    let checked = &shown.endpoint_form.events;
    let event_boxes = std::iter::once("*")
        .chain(EVENT_TYPES)
        .map(|value| EventBox {
            value,
            slug: if value == "*" {
                "all".into()
            } else {
                value.replace('.', "-")
            },
            checked: checked.iter().any(|c| c == value),
        })
        .collect();
    let endpoint_rows = listed
        .into_iter()
        .map(|(e, sent)| EndpointRow {
            events: match e.events.entries() {
                [all] if all == "*" => "all events (*)".into(),
                some => some.join(", "),
            },
            created: format_millis(e.created_at),
            previous_until: e
                .previous_expires_at
                .filter(|t| *t > now)
                .map(format_millis),
            deliveries: sent.into_iter().map(delivery_row).collect(),
            id: e.id,
            url: e.url,
        })
        .collect();
    render(
        status,
        &DevelopersPage {
            nav: Nav::of(session, "developers"),
            csrf: &session.csrf_token,
            test_only: merchant.is_none_or(|m| m.test_only),
            keys: keys.into_iter().map(key_row).collect(),
            endpoints: endpoint_rows,
            event_boxes,
            delivery: Delivery::of(&health, now),
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
            shown,
        },
    )
}

/// What the redirect after a form says it did (`?resent=N`, `?done=…`).
fn shown_after(query: Option<&str>) -> Shown {
    let mut shown = Shown::default();
    let Some(q) = query else {
        return shown;
    };
    if let Some(n) = q
        .strip_prefix("resent=")
        .and_then(|n| n.parse::<usize>().ok())
    {
        shown.message = Some(match n {
            0 => "No callback had given up: nothing was sent.".to_string(),
            1 => "1 callback is being sent again.".to_string(),
            n => format!("{n} callbacks are being sent again."),
        });
    }
    match q {
        "done=key-revoked" => {
            shown.keys_note = Note::done("The API key is revoked: a request with it gets 401.")
        }
        "done=endpoint-deleted" => {
            shown.webhooks_note = Note::done("The endpoint is deleted: nothing more is sent to it.")
        }
        "done=delivery-resent" => {
            shown.webhooks_note = Note::done("The delivery is being sent again.")
        }
        _ => {}
    }
    shown
}

#[handler]
pub async fn page(req: &Request, Data(state): Data<&AppState>) -> Response {
    let session = try_page!(session(req, state).await);
    let shown = shown_after(req.uri().query());
    page_with(state, &session, StatusCode::OK, shown).await
}

/// A GET of a form's address (a bookmark, a reload of its redirect): the page itself.
#[handler]
pub fn back() -> Response {
    see_other("/dashboard/developers")
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_redirect_says_only_what_it_names() {
        assert!(shown_after(None).message.is_none());
        assert_eq!(
            shown_after(Some("resent=2")).message.as_deref(),
            Some("2 callbacks are being sent again.")
        );
        let revoked = shown_after(Some("done=key-revoked"));
        assert!(revoked.keys_note.is_some_and(|n| !n.bad));
        let made_up = shown_after(Some("done=<script>"));
        assert!(made_up.keys_note.is_none() && made_up.webhooks_note.is_none());
    }
}
