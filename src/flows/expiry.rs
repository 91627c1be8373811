//! Expiry of abandoned payments (protocol.md section 14): a payment nobody paid (open, at the
//! 3-D Secure challenge, or cancelled) becomes `expired` at its `expires_at`, and its storefront
//! is told once, with a callback `x_result=failed`, `x_message=expired` signed with the secret
//! that verified the request.
//!
//! The sweep runs in the settle loop of every process. Each process may find the same due
//! payments; the change is one conditional update with the callback in its unit of work, so the
//! first process to apply it expires the payment and queues the one callback, and the others
//! change nothing. A page view or pay step that finds a payment past its time expires it on the
//! spot the same way, so a shopper never sees a payable page after the time.

use super::{events, pay};
use crate::domain::payment::Status;
use crate::domain::payment::{EXPIRED_MESSAGE, expiry_due};
use crate::domain::response::ResultKind;
use crate::state::AppState;
use crate::store::payments::{self, Payment};
use crate::store::webhooks;
use crate::store::{expiry, now_millis};
use anyhow::Context;

/// How many due payments one query of the sweep takes.
const BATCH: u64 = 100;

/// Expires `p` if it is still due; returns whether this call did (false: it was paid, a
/// processor call started, or another process expired it first).
pub async fn expire(state: &AppState, p: &Payment) -> anyhow::Result<bool> {
    let response =
        pay::sign_response(state, p, ResultKind::Failed, Some(EXPIRED_MESSAGE), None).await?;
    let callback = pay::callback_of(p, &response);
    let now = now_millis();
    let event = p.session.as_ref().and_then(|_| {
        let mut after = p.clone();
        after.status = Status::Expired;
        events::session_expired(&after, &state.settings.public_url, now)
    });
    let id = p.id.clone();
    let expired = state
        .db
        .write(move |tx| {
            Box::pin(async move {
                let expired = expiry::expire_if(tx, &id, now, &response, callback.as_ref()).await?;
                if expired && let Some(e) = &event {
                    webhooks::emit(tx, e, now).await?;
                }
                Ok(expired)
            })
        })
        .await?;
    if expired {
        state.callback_wake.notify_one();
        tracing::info!(payment = %p.id, from = p.status.as_str(), "payment expired");
        state.metrics.payment(Status::Expired.as_str());
    }
    Ok(expired)
}

/// Expires every payment whose time has come; returns how many this process expired. One
/// payment that cannot be expired (its merchant unreadable, say) is logged and does not hold
/// up the others.
pub async fn expire_due(state: &AppState) -> anyhow::Result<usize> {
    let mut total = 0;
    loop {
        let due = expiry::due(&state.db, now_millis(), BATCH).await?;
        let mut expired = 0;
        for p in &due {
            match expire(state, p).await {
                Ok(true) => expired += 1,
                Ok(false) => {}
                Err(e) => {
                    tracing::error!(payment = %p.id, error = format!("{e:#}"), "expiring failed")
                }
            }
        }
        total += expired;
        // A short batch was the last; a batch of which nothing expired here (others took it,
        // or each failed) is left to the next pass.
        if (due.len() as u64) < BATCH || expired == 0 {
            return Ok(total);
        }
    }
}

/// `p` as it stands now: expired first if its time has come.
pub async fn as_of_now(state: &AppState, p: Payment) -> anyhow::Result<Payment> {
    if !expiry_due(
        p.status,
        p.attempt_in_flight.is_some(),
        p.expires_at,
        now_millis(),
    ) {
        return Ok(p);
    }
    expire(state, &p).await?;
    payments::find(&state.db, &p.id)
        .await?
        .context("an expired payment vanished")
}
