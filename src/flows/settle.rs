//! Settling, in the background: pending payments whose settle time has come, pay steps that a
//! crash left between the processor call and the state change, and unpaid payments whose time
//! has come (their expiry). The schedules live in the database, so a restart picks up whatever
//! was due while the process was down; the first pass runs at start.

use super::{expiry, pay};
use crate::domain::payment::{ChargeOutcome, Status};
use crate::state::AppState;
use crate::store::payments;
use std::time::Duration;
use time::OffsetDateTime;
use tokio::sync::watch;

/// Settles the pending payments that are due; returns how many changed.
pub async fn settle_due(state: &AppState) -> anyhow::Result<usize> {
    let due = payments::due_for_settlement(&state.db, OffsetDateTime::now_utc(), 100).await?;
    let mut settled = 0;
    for p in due {
        let outcome = state.processor.settle(&p.id, &p.attempt_key()).await?;
        if outcome == ChargeOutcome::Pending {
            continue;
        }
        if pay::apply(state, &p, Status::Pending, &outcome, None)
            .await?
            .is_some()
        {
            settled += 1;
        }
    }
    Ok(settled)
}

/// Settles, recovers and expires until `shutdown` turns true: every pass at most a second
/// apart, so a payment expires within a second or so of its time.
pub async fn run(state: AppState, mut shutdown: watch::Receiver<bool>) {
    let every = (state.settings.pending_settle_after / 4)
        .clamp(Duration::from_millis(100), Duration::from_secs(1));
    loop {
        if let Err(e) = pay::recover_stranded(&state).await {
            tracing::error!(error = format!("{e:#}"), "recovering pay attempts failed");
        }
        if let Err(e) = settle_due(&state).await {
            tracing::error!(error = format!("{e:#}"), "settling pending payments failed");
        }
        if let Err(e) = expiry::expire_due(&state).await {
            tracing::error!(error = format!("{e:#}"), "expiring unpaid payments failed");
        }
        tokio::select! {
            _ = tokio::time::sleep(every) => {}
            _ = shutdown.changed() => return,
        }
    }
}
