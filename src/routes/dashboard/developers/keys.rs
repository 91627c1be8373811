//! The API keys section's forms (protocol.md section 11, T26): make a test or live key, shown
//! once in the answer and never again (only its hash is kept), and revoke one. A live key for a
//! merchant that takes test payments only is refused; another merchant's key is not found.

use super::{KeyForm, NewKey, Note, Shown, page_with};
use crate::error::AppError;
use crate::routes::dashboard::text::locale;
use crate::routes::dashboard::{actor, error, session_form, text};
use crate::routes::html::see_other;
use crate::state::AppState;
use crate::store::{api_keys, merchants, now_millis};
use poem::http::StatusCode;
use poem::web::{Data, Path};
use poem::{Body, Request, Response, handler};

/// `POST /dashboard/developers/api-keys`: a new key (`live` checked: `sk_live_…`), audit-logged.
#[handler]
pub async fn create_key(req: &Request, body: Body, Data(state): Data<&AppState>) -> Response {
    let t = &locale(req);
    let (session, fields) = try_page!(session_form(req, body, state).await);
    let account = &session.user.account_id;
    let live = match text(&fields, "live") {
        "" => false,
        "true" => true,
        _ => {
            return error(
                t,
                AppError::Malformed {
                    detail: "live is a checkbox: true, or absent".into(),
                    field: Some("live".into()),
                },
            );
        }
    };
    if live {
        let test_only = match merchants::find(&state.db, account).await {
            Ok(m) => m.is_none_or(|m| m.test_only),
            Err(e) => return error(t, AppError::Unexpected(e)),
        };
        if test_only {
            let shown = Shown {
                key_form: KeyForm {
                    live,
                    error: Some(t.msg("dash-key-live-refused").into_owned()),
                },
                ..Shown::default()
            };
            return page_with(t, state, &session, StatusCode::UNPROCESSABLE_ENTITY, shown).await;
        }
    }
    let by = actor(req, &session);
    match api_keys::create(&state.db, account, live, now_millis(), Some(&by)).await {
        Ok(made) => {
            tracing::info!(merchant = %account, key = %made.id, live, "API key made from the dashboard");
            let id = [("id", made.id.as_str().into())];
            let heading = if live {
                t.fmt("dash-new-key-heading-live", &id)
            } else {
                t.fmt("dash-new-key-heading-test", &id)
            };
            let shown = Shown {
                new_key: Some(NewKey {
                    heading,
                    key: made.key,
                }),
                ..Shown::default()
            };
            page_with(t, state, &session, StatusCode::OK, shown).await
        }
        Err(e) => error(t, AppError::Unexpected(e)),
    }
}

/// `POST /dashboard/developers/api-keys/{id}/revoke`: the key stops working at its next
/// request; audit-logged. Another merchant's key, or one already revoked, is 404.
#[handler]
pub async fn revoke_key(
    req: &Request,
    Path(id): Path<String>,
    body: Body,
    Data(state): Data<&AppState>,
) -> Response {
    let t = &locale(req);
    let (session, _) = try_page!(session_form(req, body, state).await);
    let account = &session.user.account_id;
    let by = actor(req, &session);
    match api_keys::revoke(&state.db, account, &id, now_millis(), Some(&by)).await {
        Ok(true) => {
            tracing::info!(merchant = %account, key = %id, "API key revoked from the dashboard");
            see_other("/dashboard/developers?done=key-revoked#api-keys")
        }
        Ok(false) => {
            let shown = Shown {
                keys_note: Note::refused(t.msg("dash-key-not-found")),
                ..Shown::default()
            };
            page_with(t, state, &session, StatusCode::NOT_FOUND, shown).await
        }
        Err(e) => error(t, AppError::Unexpected(e)),
    }
}
