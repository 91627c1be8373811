//! The sessions API's writes that are not order management (protocol.md section 11): a session
//! is created as an ordinary payment (the same insert, unique reference, expiry and state
//! machine as an `x_` request's) whose way back is `return_url?session_id=…` and whose
//! storefront hears by webhook instead of callback; expiring one on request is the sweep's
//! expiry, brought forward.

use super::{events, expiry};
use crate::crypto::sortable_hex;
use crate::domain::payment::Status;
use crate::domain::request::live_refusal;
use crate::domain::session::{Input, SessionRequest};
use crate::error::AppError;
use crate::state::AppState;
use crate::store::api_keys::ApiKey;
use crate::store::payments::{self, NewPayment, Payment};
use crate::store::webhooks;
use crate::store::{expiry as stored_expiry, now_millis};

/// Creates a session for the key's merchant: a payment in `open`, payable until it expires.
pub async fn create(
    state: &AppState,
    key: &ApiKey,
    input: &Input<'_>,
) -> Result<Payment, AppError> {
    let merchant = state
        .merchants
        .get(&state.db, &state.key, &key.merchant_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let request = SessionRequest::check(input, state.settings.target_rules())?;
    let test = !key.livemode;
    if let Some(why) = live_refusal(test, !merchant.test_only, state.processor.live()) {
        return Err(AppError::LiveModeUnavailable(why));
    }
    for (field, url) in [
        ("return_url", &request.return_url),
        ("cancel_url", &request.cancel_url),
    ] {
        if !merchant
            .return_hosts
            .allows(url.host_str().unwrap_or_default())
        {
            return Err(AppError::Invalid {
                field: field.into(),
                detail: format!(
                    "{field} uses a host that is not in this account's allowed hosts \
                     (dashboard settings)"
                ),
            });
        }
    }
    if request.embedded && merchant.frame_origins.entries().is_empty() {
        return Err(AppError::Invalid {
            field: "ui_mode".into(),
            detail: "embedded needs at least one origin allowed to frame the page \
                     (dashboard settings, frame origins)"
                .into(),
        });
    }
    let session_id = format!("cs_{}", sortable_hex::<10>());
    let fields = request.fields(&merchant.account_id, &merchant.name, test);
    let metadata = serde_json::to_string(&request.metadata).map_err(anyhow::Error::from)?;
    let return_to = request.return_to(&session_id);
    let amount_text = request.amount.decimal();
    let (id, random) = payments::new_id();
    let new = NewPayment {
        merchant_id: &merchant.account_id,
        reference: &request.reference,
        signature: "",
        fields: &fields,
        amount: request.amount,
        amount_text: &amount_text,
        test,
        transaction_type: request.transaction_type,
        url_complete: return_to.as_str(),
        url_cancel: request.cancel_url.as_str(),
        url_callback: "",
        locale: request.locale.clone(),
        secret_version: merchant.current.version,
        ttl: request.ttl,
        session: Some((&session_id, request.embedded, &metadata)),
    };
    match payments::insert_returning(&state.db, id, &random, &new).await? {
        Ok(p) => {
            tracing::info!(payment = %p.id, session = %session_id, merchant = %merchant.account_id, "session created");
            Ok(p)
        }
        Err(_) => Err(AppError::Conflict(
            "another payment of this account already uses this reference".into(),
        )),
    }
}

/// Expires an open session now; `Conflict` if it is paid, expired already, or has a payment
/// step in flight.
pub async fn expire(state: &AppState, p: &Payment) -> Result<Payment, AppError> {
    let refused = |p: &Payment| {
        AppError::Conflict(format!(
            "only an open session can be expired; its payment is {}",
            crate::store::objects::api_status(p)
        ))
    };
    let now = now_millis();
    if p.status == Status::Failed && p.authorized == 0 {
        return end_failed(state, p, now).await;
    }
    if !p.status.expirable() || p.attempt_in_flight.is_some() {
        return Err(refused(p));
    }
    if stored_expiry::bring_forward(&state.db, &p.id, now).await? {
        let mut due = p.clone();
        due.expires_at = Some(now);
        expiry::expire(state, &due).await?;
    }
    let after = payments::find(&state.db, &p.id)
        .await?
        .ok_or(AppError::NotFound)?;
    if after.status != Status::Expired {
        return Err(refused(&after));
    }
    Ok(after)
}

/// Expires a session whose payment failed: its time ends now (the payment stays `failed`, the
/// session reads `expired`), with its `session.expired` event in the same unit of work.
async fn end_failed(state: &AppState, p: &Payment, now: i64) -> Result<Payment, AppError> {
    let mut after = p.clone();
    after.expires_at = Some(now);
    let event = events::session_expired(&after, &state.settings.public_url, now);
    let id = p.id.clone();
    let ended = state
        .db
        .write(move |tx| {
            Box::pin(async move {
                let ended = stored_expiry::end_failed_session(tx, &id, now).await?;
                if ended && let Some(e) = &event {
                    webhooks::emit(tx, e, now).await?;
                }
                Ok(ended)
            })
        })
        .await?;
    if !ended {
        return Err(AppError::Conflict(
            "only an open session can be expired; this one has expired already".into(),
        ));
    }
    state.callback_wake.notify_one();
    payments::find(&state.db, &p.id)
        .await?
        .ok_or(AppError::NotFound)
}
