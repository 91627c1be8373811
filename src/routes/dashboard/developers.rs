//! The developers' page: the merchant's API keys ([`keys`]) and webhook endpoints with their
//! newest deliveries ([`webhooks`]), the signature doctor's rejections (protocol.md section 10)
//! and the callbacks' delivery health over the last 24 hours (success rate, the storefront's
//! answer time, what is waiting and for how long, what gave up), with one button that sends
//! again every callback that gave up. This module assembles the page; a form's answer adds what
//! it must show once (a new key or secret) or the form again with its errors. Only the
//! session's merchant's data, ever.

mod keys;
mod rows;
mod webhooks;

pub use keys::{create_key, revoke_key};
pub use webhooks::{create_endpoint, delete_endpoint, resend_delivery, rotate_endpoint};

use super::text::{Markup, Piece, locale};
use super::{Nav, actor, error, session, session_form, text};
use crate::domain::webhook::EVENT_TYPES;
use crate::error::AppError;
use crate::i18n::{Locale, Value};
use crate::routes::html::{render, see_other};
use crate::state::AppState;
use crate::store::audit::{self, Entry, Event};
use crate::store::callbacks;
use crate::store::sessions::Session;
use crate::store::webhooks as endpoints;
use crate::store::{api_keys, merchants, now_millis, rejections};
use askama::Template;
use poem::http::StatusCode;
use poem::web::Data;
use poem::{Body, Request, Response, handler};
use rows::{Delivery, EndpointRow, KeyRow, RejectionRow};

/// The most callbacks one press of the button sends again.
const RESEND_LIMIT: i64 = 1000;
/// The deliveries listed under each webhook endpoint.
const DELIVERIES_SHOWN: i64 = 10;

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

/// A key just made, shown this once, with its heading.
struct NewKey {
    heading: String,
    key: String,
}

/// An endpoint's secret just made (a new endpoint, or a rotation), shown this once.
struct NewSecret {
    heading: String,
    secret: String,
    /// For a rotation: "The previous secret signs … until …" (markup).
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

/// The page's texts with markup that every answer shows.
struct Words {
    keys_hint: String,
    live_label: String,
    webhooks_hint: String,
    events_all: String,
}

impl Words {
    fn of(t: &Locale) -> Self {
        Self {
            keys_hint: t.html_fmt("dash-keys-hint", &[("href", Piece::Href("/docs/api"))]),
            live_label: t.html_fmt("dash-live-key", &[]),
            webhooks_hint: t.html_fmt("dash-webhooks-hint", &[]),
            events_all: t.html_fmt("dash-events-all", &[]),
        }
    }
}

#[derive(Template)]
#[template(path = "dashboard/developers.html")]
struct DevelopersPage<'a> {
    t: &'a Locale,
    nav: Option<Nav>,
    csrf: &'a str,
    test_only: bool,
    words: Words,
    keys: Vec<KeyRow>,
    endpoints: Vec<EndpointRow>,
    event_boxes: Vec<EventBox>,
    rejections: Vec<RejectionRow>,
    delivery: Delivery,
    shown: Shown,
}

/// The page for the session's merchant with what `shown` adds, answered with `status`.
async fn page_with(
    t: &Locale,
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
        Err(e) => return error(t, AppError::Unexpected(e)),
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
    render(
        status,
        &DevelopersPage {
            t,
            nav: Nav::of(session, "developers"),
            csrf: &session.csrf_token,
            test_only: merchant.is_none_or(|m| m.test_only),
            words: Words::of(t),
            keys: keys.into_iter().map(|k| rows::key_row(t, k)).collect(),
            endpoints: listed
                .into_iter()
                .map(|(e, sent)| rows::endpoint_row(t, e, sent, now))
                .collect(),
            event_boxes,
            delivery: Delivery::of(t, &health, now),
            rejections: rows
                .into_iter()
                .map(|r| rows::rejection_row(t, r))
                .collect(),
            shown,
        },
    )
}

/// What the redirect after a form says it did (`?resent=N`, `?done=…`).
fn shown_after(t: &Locale, query: Option<&str>) -> Shown {
    let mut shown = Shown::default();
    let Some(q) = query else {
        return shown;
    };
    if let Some(n) = q
        .strip_prefix("resent=")
        .and_then(|n| n.parse::<usize>().ok())
    {
        shown.message = Some(match n {
            0 => t.msg("dash-resent-none").into_owned(),
            n => t.fmt("dash-resent", &[("count", Value::from(n))]),
        });
    }
    match q {
        "done=key-revoked" => shown.keys_note = Note::done(t.msg("dash-key-revoked")),
        "done=endpoint-deleted" => shown.webhooks_note = Note::done(t.msg("dash-endpoint-deleted")),
        "done=delivery-resent" => shown.webhooks_note = Note::done(t.msg("dash-delivery-resent")),
        _ => {}
    }
    shown
}

#[handler]
pub async fn page(req: &Request, Data(state): Data<&AppState>) -> Response {
    let t = &locale(req);
    let session = try_page!(session(req, state).await);
    let shown = shown_after(t, req.uri().query());
    page_with(t, state, &session, StatusCode::OK, shown).await
}

/// A GET of a form's address (a bookmark, a reload of its redirect): the page itself.
#[handler]
pub fn back() -> Response {
    see_other("/dashboard/developers")
}

/// Sends again every callback of the merchant that gave up; audit-logged.
#[handler]
pub async fn resend_gave_up(req: &Request, body: Body, Data(state): Data<&AppState>) -> Response {
    let t = &locale(req);
    let (session, fields) = try_page!(session_form(req, body, state).await);
    if text(&fields, "intent") != "resend_gave_up" {
        return error(
            t,
            AppError::Malformed {
                detail: "the form's intent is missing or unknown".into(),
                field: Some("intent".into()),
            },
        );
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
        Err(e) => error(t, AppError::Unexpected(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_redirect_says_only_what_it_names() {
        let t = &crate::i18n::english();
        assert!(shown_after(t, None).message.is_none());
        for (n, said) in [
            ("0", "No callback had given up: nothing was sent."),
            ("1", "1 callback is being sent again."),
            ("2", "2 callbacks are being sent again."),
        ] {
            let query = format!("resent={n}");
            assert_eq!(shown_after(t, Some(&query)).message.as_deref(), Some(said));
        }
        let revoked = shown_after(t, Some("done=key-revoked"));
        assert!(revoked.keys_note.is_some_and(|n| !n.bad));
        let made_up = shown_after(t, Some("done=<script>"));
        assert!(made_up.keys_note.is_none() && made_up.webhooks_note.is_none());
    }
}
