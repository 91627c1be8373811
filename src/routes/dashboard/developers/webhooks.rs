//! The webhook endpoints section's forms (protocol.md section 12, T27): add an endpoint (its
//! secret shown once in the answer), rotate its secret (the new one shown once; the old one
//! signs too for 24 h), delete it, and send one of its deliveries again. The URL passes the
//! same check as the API's (`parse_target`); a bad URL or no event is the form again with the
//! error next to the field, and nothing stored. Another merchant's endpoint or delivery is not
//! found.

use super::{EndpointForm, NewSecret, Note, Shown, page_with};
use crate::domain::target::{TargetError, parse_target};
use crate::domain::webhook::{EVENT_TYPES, Subscription, SubscriptionError};
use crate::error::AppError;
use crate::i18n::{Locale, Value};
use crate::routes::dashboard::text::{Markup, Piece, When, locale};
use crate::routes::dashboard::{actor, error, session_form, session_form_with, text};
use crate::routes::html::see_other;
use crate::state::AppState;
use crate::store::now_millis;
use crate::store::sessions::Session;
use crate::store::webhooks::{self, MAX_ENDPOINTS};
use poem::http::StatusCode;
use poem::web::{Data, Path};
use poem::{Body, Request, Response, handler};

/// The longest URL an endpoint takes (the API's limit).
const MAX_URL: usize = 2048;

/// Why a URL is refused, in words.
fn url_problem(t: &Locale, e: &TargetError) -> String {
    match e {
        TargetError::NotAbsoluteHttps => t.msg("dash-webhook-url-not-https"),
        TargetError::BadCharacters => t.msg("dash-webhook-url-bad-characters"),
        TargetError::Userinfo => t.msg("dash-webhook-url-userinfo"),
        TargetError::PrivateHost => t.msg("dash-webhook-url-private"),
        TargetError::Port => t.msg("dash-webhook-url-port"),
        TargetError::BadHost => t.msg("dash-webhook-url-bad-host"),
    }
    .into_owned()
}

/// Why an event list is refused, in words.
fn events_problem(t: &Locale, e: &SubscriptionError) -> String {
    match e {
        SubscriptionError::Empty => t.msg("dash-webhook-events-missing").into_owned(),
        SubscriptionError::Unknown(event) => t.fmt(
            "dash-webhook-event-unknown",
            &[
                ("event", event.as_str().into()),
                ("types", EVENT_TYPES.join(", ").into()),
            ],
        ),
    }
}

/// `POST /dashboard/developers/webhook-endpoints`: `url` and one `events` per checked box.
#[handler]
pub async fn create_endpoint(req: &Request, body: Body, Data(state): Data<&AppState>) -> Response {
    let t = &locale(req);
    let (session, fields) = try_page!(session_form_with(req, body, state, &["events"]).await);
    let url_text = text(&fields, "url").trim();
    let events: Vec<String> = fields.all("events").map(str::to_string).collect();
    let mut form = EndpointForm {
        url: url_text.to_string(),
        events: events.clone(),
        ..EndpointForm::default()
    };
    let url = if url_text.is_empty() {
        Err(t.msg("dash-webhook-url-missing").into_owned())
    } else if url_text.len() > MAX_URL {
        Err(t.fmt(
            "dash-webhook-url-too-long",
            &[("max", Value::from(MAX_URL))],
        ))
    } else {
        parse_target(url_text, state.settings.target_rules()).map_err(|e| url_problem(t, &e))
    };
    let subscription = Subscription::parse(&events).map_err(|e| events_problem(t, &e));
    form.url_error = url.as_ref().err().cloned();
    form.events_error = subscription.as_ref().err().cloned();
    let (Ok(url), Ok(subscription)) = (url, subscription) else {
        let shown = Shown {
            webhooks_note: Note::refused(t.msg("dash-webhook-not-saved")),
            endpoint_form: form,
            ..Shown::default()
        };
        return page_with(t, state, &session, StatusCode::UNPROCESSABLE_ENTITY, shown).await;
    };
    let account = &session.user.account_id;
    let by = actor(req, &session);
    let made = webhooks::create(
        &state.db,
        &state.key,
        account,
        url.as_str(),
        &subscription,
        now_millis(),
        Some(&by),
    );
    match made.await {
        Ok(Some((endpoint, secret))) => {
            tracing::info!(merchant = %account, endpoint = %endpoint.id, "webhook endpoint created from the dashboard");
            let heading = t.fmt(
                "dash-new-webhook-secret",
                &[("id", endpoint.id.as_str().into())],
            );
            let shown = Shown {
                new_secret: Some(NewSecret {
                    heading,
                    secret,
                    previous_until: None,
                }),
                ..Shown::default()
            };
            page_with(t, state, &session, StatusCode::OK, shown).await
        }
        Ok(None) => {
            form.url_error = Some(t.fmt(
                "dash-webhook-too-many",
                &[("max", Value::from(MAX_ENDPOINTS))],
            ));
            let shown = Shown {
                webhooks_note: Note::refused(t.msg("dash-webhook-not-saved")),
                endpoint_form: form,
                ..Shown::default()
            };
            page_with(t, state, &session, StatusCode::UNPROCESSABLE_ENTITY, shown).await
        }
        Err(e) => error(t, AppError::Unexpected(e)),
    }
}

/// The page saying an endpoint or delivery of another merchant (or none) was not found.
async fn not_found(t: &Locale, state: &AppState, session: &Session) -> Response {
    let shown = Shown {
        webhooks_note: Note::refused(t.msg("dash-webhook-not-found")),
        ..Shown::default()
    };
    page_with(t, state, session, StatusCode::NOT_FOUND, shown).await
}

/// `POST /dashboard/developers/webhook-endpoints/{id}/rotate`: a new secret, shown once.
#[handler]
pub async fn rotate_endpoint(
    req: &Request,
    Path(id): Path<String>,
    body: Body,
    Data(state): Data<&AppState>,
) -> Response {
    let t = &locale(req);
    let (session, _) = try_page!(session_form(req, body, state).await);
    let account = &session.user.account_id;
    let by = actor(req, &session);
    let rotated = webhooks::rotate(&state.db, &state.key, account, &id, now_millis(), Some(&by));
    match rotated.await {
        Ok(Some((endpoint, secret))) => {
            tracing::info!(merchant = %account, endpoint = %endpoint.id, "webhook secret rotated from the dashboard");
            let previous_until = endpoint.previous_expires_at.map(|at| {
                let until = Piece::Html(When::of(t, at).html());
                t.html_fmt("dash-new-webhook-previous", &[("until", until)])
            });
            let heading = t.fmt(
                "dash-new-webhook-secret-rotated",
                &[("id", endpoint.id.as_str().into())],
            );
            let shown = Shown {
                new_secret: Some(NewSecret {
                    heading,
                    secret,
                    previous_until,
                }),
                ..Shown::default()
            };
            page_with(t, state, &session, StatusCode::OK, shown).await
        }
        Ok(None) => not_found(t, state, &session).await,
        Err(e) => error(t, AppError::Unexpected(e)),
    }
}

/// `POST /dashboard/developers/webhook-endpoints/{id}/delete`.
#[handler]
pub async fn delete_endpoint(
    req: &Request,
    Path(id): Path<String>,
    body: Body,
    Data(state): Data<&AppState>,
) -> Response {
    let t = &locale(req);
    let (session, _) = try_page!(session_form(req, body, state).await);
    let account = &session.user.account_id;
    let by = actor(req, &session);
    match webhooks::delete(&state.db, account, &id, now_millis(), Some(&by)).await {
        Ok(true) => {
            tracing::info!(merchant = %account, endpoint = %id, "webhook endpoint deleted from the dashboard");
            see_other("/dashboard/developers?done=endpoint-deleted#webhook-endpoints")
        }
        Ok(false) => not_found(t, state, &session).await,
        Err(e) => error(t, AppError::Unexpected(e)),
    }
}

/// `POST /dashboard/developers/webhook-deliveries/{id}/resend`: the same event again, to the
/// endpoint's current URL, as a new series of attempts due now.
#[handler]
pub async fn resend_delivery(
    req: &Request,
    Path(id): Path<i64>,
    body: Body,
    Data(state): Data<&AppState>,
) -> Response {
    let t = &locale(req);
    let (session, _) = try_page!(session_form(req, body, state).await);
    let account = &session.user.account_id;
    let by = actor(req, &session);
    match webhooks::resend(&state.db, account, id, now_millis(), Some(&by)).await {
        Ok(true) => {
            state.callback_wake.notify_one();
            see_other("/dashboard/developers?done=delivery-resent#webhook-endpoints")
        }
        Ok(false) => not_found(t, state, &session).await,
        Err(e) => error(t, AppError::Unexpected(e)),
    }
}
