//! The hosted page's pay step: charge the card (or resolve the 3-D Secure challenge) through
//! the processor and apply the outcome to the payment, with its signed response and callback.
//!
//! The processor is another system (a real acquirer cannot share our transaction), so the step
//! is made crash-safe the way payment systems do it: the attempt and its idempotency key are
//! recorded on the payment *before* the processor is called; the outcome is applied after, in
//! one conditional update that also clears the attempt and queues the callback. A process that
//! dies in between leaves the attempt recorded, and [`recover_stranded`] (on start and then
//! periodically) asks the processor again with the same key and applies what it says, or
//! forgets an attempt the processor never received. No approved charge is left on a payment
//! that stays `open`.

use super::events;
use crate::domain::card::Card;
use crate::domain::payment::{ChargeOutcome, Status, after_outcome};
use crate::domain::request::{TransactionType, live_refusal};
use crate::domain::response::{Outcome, ResponseValues, ResultKind};
use crate::error::AppError;
use crate::processor::{ChallengeDecision, ChargeRequest};
use crate::state::AppState;
use crate::store::attempts;
use crate::store::now_millis;
use crate::store::outbox::NewCallback;
use crate::store::payments::{self, Change, Payment};
use crate::store::webhooks;
use anyhow::Context;
use secrecy::ExposeSecret;
use time::OffsetDateTime;

/// Signs a response for `p` with the merchant secret that verified its request (or the current
/// one, once that has been rotated out).
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
        merchant
            .signing_key(p.secret_version, now_millis())
            .secret
            .expose_secret(),
    ))
}

/// The callback that tells `p`'s storefront of a change of the payment's state; none for a
/// payment with no callback URL (a session's: it has webhooks).
pub fn callback_of(p: &Payment, values: &ResponseValues) -> Option<NewCallback> {
    (!p.url_callback.is_empty()).then(|| NewCallback {
        payment_id: p.id.clone(),
        merchant_id: p.merchant_id.clone(),
        url: p.url_callback.clone(),
        body: values.to_form(),
        result: values.get("x_result").unwrap_or("").to_string(),
        operation_id: None,
    })
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
    let callback = response.as_ref().and_then(|values| callback_of(p, values));
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
    let now = now_millis();
    let event = events::of_outcome(next.status)
        .map(|kind| events::payment_event(kind, p, next.status, change.money, card, now));
    let (id, from_state) = (p.id.clone(), (from, p.declines));
    let (changed, queued) = state
        .db
        .write(move |tx| {
            Box::pin(async move {
                if !payments::change_if(tx, &id, from_state, &change, callback.as_ref()).await? {
                    return Ok((false, false));
                }
                let webhooks = match &event {
                    Some(e) => webhooks::emit(tx, e, now).await?,
                    None => 0,
                };
                // Where a crash undoes the change and its callback together: never committed.
                fail::fail_point!("pay-change-before-commit");
                Ok((true, callback.is_some() || webhooks > 0))
            })
        })
        .await?;
    if !changed {
        return Ok(None);
    }
    // Where a crash leaves a committed change whose callback no one was woken for: the
    // worker's next poll (in this process or another, or after a restart) sends it.
    fail::fail_point!("pay-after-commit");
    if queued {
        state.callback_wake.notify_one();
    }
    tracing::info!(payment = %p.id, from = from.as_str(), to = next.status.as_str(), "payment changed");
    state.metrics.payment(next.status.as_str());
    Ok(Some(Applied {
        status: next.status,
        response,
    }))
}

/// Charges `card` for an `open` payment and applies the outcome; `None` if a concurrent submit
/// moved the payment first. A live payment goes only through a processor that moves real money
/// (one stored as live before live payments were refused is never charged by the test
/// processor); its merchant was allowed live payments when checkout accepted it.
pub async fn charge(
    state: &AppState,
    p: &Payment,
    card: &Card,
) -> Result<Option<Applied>, AppError> {
    if let Some(why) = live_refusal(p.test, true, state.processor.live()) {
        return Err(AppError::LiveModeUnavailable(why));
    }
    let key = p.attempt_key();
    let kept = (card.brand().as_str(), card.last4());
    if !attempts::start(
        &state.db,
        &p.id,
        (Status::Open, p.declines),
        &key,
        Some(kept),
    )
    .await?
    {
        return Ok(None);
    }
    // Where a crash leaves an attempt the processor never received.
    fail::fail_point!("pay-before-charge");
    let outcome = state
        .processor
        .charge(ChargeRequest {
            idempotency_key: &key,
            payment_id: &p.id,
            amount: p.amount,
            card,
            capture: p.transaction_type == TransactionType::Sale,
        })
        .await?;
    tracing::info!(payment = %p.id, card = ?card, outcome = ?outcome, "charge attempt");
    // Where a crash strands a charge: the crash tests stop the process here.
    fail::fail_point!("pay-after-charge");
    Ok(apply(state, p, Status::Open, &outcome, Some(kept)).await?)
}

/// Sends the shopper's 3-D Secure decision for a payment in `challenge` and applies the
/// outcome; `None` if a concurrent submit moved the payment first.
pub async fn decide_challenge(
    state: &AppState,
    p: &Payment,
    approved: bool,
) -> anyhow::Result<Option<Applied>> {
    let key = p.challenge_key();
    if !attempts::start(
        &state.db,
        &p.id,
        (Status::Challenge, p.declines),
        &key,
        None,
    )
    .await?
    {
        return Ok(None);
    }
    let outcome = state
        .processor
        .resolve_challenge(ChallengeDecision {
            idempotency_key: &key,
            payment_id: &p.id,
            amount: p.amount,
            card_brand: p.card_brand.as_deref().unwrap_or("other"),
            card_last4: p.card_last4.as_deref().unwrap_or(""),
            approved,
        })
        .await?;
    tracing::info!(payment = %p.id, outcome = ?outcome, "3-D Secure decision");
    fail::fail_point!("challenge-after-decision");
    apply(state, p, Status::Challenge, &outcome, None).await
}

/// Completes the pay steps that stopped between the processor call and the state change: for
/// each payment whose attempt started longer ago than `GATEWAY_PAY_RECOVERY_AFTER` (so a call
/// still running in another process is left alone), asks the processor for the outcome under
/// the same key and applies it, or forgets the attempt if the processor never received it.
/// Returns how many payments changed.
pub async fn recover_stranded(state: &AppState) -> anyhow::Result<usize> {
    let grace = i64::try_from(state.settings.pay_recovery_after.as_millis()).unwrap_or(i64::MAX);
    let before = now_millis().saturating_sub(grace);
    let mut recovered = 0;
    for p in attempts::stranded(&state.db, before, 100).await? {
        let Some(key) = p.attempt_in_flight.clone() else {
            continue;
        };
        let expected = match p.status {
            Status::Open => Some(p.attempt_key()),
            Status::Challenge => Some(p.challenge_key()),
            _ => None,
        };
        let outcome = match expected {
            Some(k) if k == key => state.processor.find(&key).await?,
            _ => None,
        };
        let Some(outcome) = outcome else {
            tracing::warn!(payment = %p.id, "a pay attempt never reached the processor; forgotten");
            attempts::abandon(&state.db, &p.id, &key).await?;
            continue;
        };
        if apply(state, &p, p.status, &outcome, None).await?.is_some() {
            tracing::warn!(payment = %p.id, outcome = ?outcome, "recovered a pay step cut short");
            recovered += 1;
        }
    }
    Ok(recovered)
}
