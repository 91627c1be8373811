//! The payment flow shared by the hosted page and the background settler: apply a processor
//! outcome to a stored payment (one conditional update, so it happens once), sign the response
//! the storefront will get, and settle pending payments when they are due.

use crate::domain::payment::{ChargeOutcome, Status, after_outcome};
use crate::domain::response::{Outcome, ResponseValues, ResultKind};
use crate::startup::AppState;
use crate::store::outbox::NewCallback;
use crate::store::payments::{self, Change, Payment};
use anyhow::Context;
use secrecy::ExposeSecret;
use std::time::Duration;
use time::OffsetDateTime;
use tokio::sync::watch;

/// Signs a response for `p` with its merchant's secret.
pub async fn sign_response(
    state: &AppState,
    p: &Payment,
    result: ResultKind,
    message: Option<&str>,
    card: Option<(&str, &str)>,
) -> anyhow::Result<ResponseValues> {
    let merchant = state
        .merchants
        .get(&state.db, &state.key, &p.merchant_id)
        .await?
        .context("the payment's merchant is missing")?;
    let secret = &merchant.secret;
    Ok(ResponseValues::sign(
        &p.fields,
        &Outcome {
            gateway_reference: &p.gateway_reference,
            result,
            transaction_type: p.transaction_type.as_str(),
            message,
            card,
            at: OffsetDateTime::now_utc(),
        },
        secret.expose_secret(),
    ))
}

/// What an applied outcome made of the payment.
pub struct Applied {
    pub status: Status,
    pub response: Option<ResponseValues>,
}

/// Applies `outcome` to `p` if it is still in `from` with the same number of declines; returns
/// what it became, or `None` if a concurrent call changed it first.
pub async fn apply(
    state: &AppState,
    p: &Payment,
    from: Status,
    outcome: &ChargeOutcome,
    card: Option<(&str, &str)>,
) -> anyhow::Result<Option<Applied>> {
    let next = after_outcome(p.declines, p.transaction_type, outcome);
    let card = card.or(p.card());
    let response = match next.response {
        Some(kind) => Some(sign_response(state, p, kind, next.message.as_deref(), card).await?),
        None => None,
    };
    let settle_at = (next.status == Status::Pending)
        .then(|| OffsetDateTime::now_utc() + state.settings.pending_settle_after);
    // The change and the callback it causes commit together, or neither does.
    let callback = response.as_ref().map(|values| NewCallback {
        payment_id: p.id.clone(),
        merchant_id: p.merchant_id.clone(),
        url: p.url_callback.to_string(),
        body: values.to_form(),
        result: values.get("x_result").unwrap_or("").to_string(),
        operation_id: None,
    });
    let queued = callback.is_some();
    let change = Change {
        status: next.status,
        declines: next.declines,
        message: next.message.clone(),
        card: card.map(|(b, l)| (b.to_string(), l.to_string())),
        response: response.clone(),
        settle_at,
        money: match next.status {
            Status::Captured => Some((p.amount.minor(), p.amount.minor())),
            Status::Authorized => Some((p.amount.minor(), 0)),
            _ => None,
        },
    };
    let (id, from_state) = (p.id.clone(), (from, p.declines));
    let changed = state
        .db
        .write(move |tx| {
            Box::pin(async move {
                payments::change_if(tx, &id, from_state, &change, callback.as_ref()).await
            })
        })
        .await?;
    let queued = queued && changed;
    if queued {
        state.callback_wake.notify_one();
    }
    if !changed {
        return Ok(None);
    }
    tracing::info!(payment = %p.id, from = from.as_str(), to = next.status.as_str(), "payment changed");
    Ok(Some(Applied {
        status: next.status,
        response,
    }))
}

/// Settles the pending payments that are due; returns how many changed.
pub async fn settle_due(state: &AppState) -> anyhow::Result<usize> {
    let due = payments::due_for_settlement(&state.db, OffsetDateTime::now_utc(), 100).await?;
    let mut settled = 0;
    for p in due {
        let outcome = state.processor.settle(&p.id, &p.attempt_key()).await?;
        if outcome == ChargeOutcome::Pending {
            continue;
        }
        if apply(state, &p, Status::Pending, &outcome, None)
            .await?
            .is_some()
        {
            settled += 1;
        }
    }
    Ok(settled)
}

/// Runs [`settle_due`] until `shutdown` turns true. The schedule lives in the database, so a
/// restart picks up whatever was due while the process was down.
pub async fn run_settler(state: AppState, mut shutdown: watch::Receiver<bool>) {
    let every = (state.settings.pending_settle_after / 4)
        .clamp(Duration::from_millis(100), Duration::from_secs(1));
    loop {
        if let Err(e) = settle_due(&state).await {
            tracing::error!(error = format!("{e:#}"), "settling pending payments failed");
        }
        tokio::select! {
            _ = tokio::time::sleep(every) => {}
            _ = shutdown.changed() => return,
        }
    }
}
