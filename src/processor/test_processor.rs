//! The built-in simulated acquirer (protocol.md section 7): the card number decides the outcome.
//! Its ledger is a table, so double submits are one charge and outcomes survive restarts.

use super::{ChallengeDecision, ChargeRequest, Processor};
use crate::domain::money::Amount;
use crate::domain::payment::ChargeOutcome;
use crate::store::Db;
use crate::store::test_charges::{self, Charge};

pub const DECLINED: &str = "Your card was declined.";
pub const INSUFFICIENT_FUNDS: &str = "Insufficient funds.";
pub const PROCESSOR_ERROR: &str = "The payment could not be processed.";
pub const CHALLENGE_FAILED: &str = "3-D Secure authentication failed.";

pub struct TestProcessor {
    db: Db,
}

impl TestProcessor {
    pub fn new(db: Db) -> Self {
        Self { db }
    }
}

/// What a test card does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardBehaviour {
    Approved,
    Declined(&'static str),
    Pending,
    Challenge,
    Error(&'static str),
}

impl CardBehaviour {
    /// The outcome's name, as the descriptor and the public page give it.
    pub fn name(self) -> &'static str {
        match self {
            CardBehaviour::Approved => "approved",
            CardBehaviour::Declined(_) => "declined",
            CardBehaviour::Pending => "pending",
            CardBehaviour::Challenge => "challenge",
            CardBehaviour::Error(_) => "error",
        }
    }

    /// The message the shopper and the storefront see, for the outcomes that have one.
    pub fn message(self) -> Option<&'static str> {
        match self {
            CardBehaviour::Declined(m) | CardBehaviour::Error(m) => Some(m),
            _ => None,
        }
    }
}

/// The test card table (protocol.md section 7); any other Luhn-valid number is approved.
pub const TEST_CARDS: &[(&str, CardBehaviour)] = &[
    ("4242424242424242", CardBehaviour::Approved),
    ("4000000000000002", CardBehaviour::Declined(DECLINED)),
    (
        "4000000000009995",
        CardBehaviour::Declined(INSUFFICIENT_FUNDS),
    ),
    ("4000000000000077", CardBehaviour::Pending),
    ("4000000000003220", CardBehaviour::Challenge),
    ("4000000000000119", CardBehaviour::Error(PROCESSOR_ERROR)),
];

/// The outcome the test card table gives a number.
pub fn outcome_for(number: &str) -> ChargeOutcome {
    let behaviour = TEST_CARDS
        .iter()
        .find(|(n, _)| *n == number)
        .map_or(CardBehaviour::Approved, |(_, b)| *b);
    match behaviour {
        CardBehaviour::Approved => ChargeOutcome::Approved,
        CardBehaviour::Declined(m) => ChargeOutcome::Declined(m.into()),
        CardBehaviour::Pending => ChargeOutcome::Pending,
        CardBehaviour::Challenge => ChargeOutcome::Challenge,
        CardBehaviour::Error(m) => ChargeOutcome::Error(m.into()),
    }
}

fn encode(outcome: &ChargeOutcome) -> (&'static str, Option<String>) {
    match outcome {
        ChargeOutcome::Approved => ("approved", None),
        ChargeOutcome::Declined(m) => ("declined", Some(m.clone())),
        ChargeOutcome::Pending => ("pending", None),
        ChargeOutcome::Challenge => ("challenge", None),
        ChargeOutcome::Error(m) => ("error", Some(m.clone())),
    }
}

fn decode(charge: &Charge) -> anyhow::Result<ChargeOutcome> {
    let message = || charge.message.clone().unwrap_or_default();
    Ok(match charge.outcome.as_str() {
        "approved" => ChargeOutcome::Approved,
        "declined" => ChargeOutcome::Declined(message()),
        "pending" => ChargeOutcome::Pending,
        "challenge" => ChargeOutcome::Challenge,
        "error" => ChargeOutcome::Error(message()),
        other => anyhow::bail!("unknown test charge outcome {other:?}"),
    })
}

impl TestProcessor {
    async fn record(
        &self,
        key: &str,
        payment_id: &str,
        amount: Amount,
        brand: &str,
        last4: &str,
        outcome: ChargeOutcome,
    ) -> anyhow::Result<ChargeOutcome> {
        let (code, message) = encode(&outcome);
        let stored = test_charges::record(
            &self.db,
            Charge {
                idempotency_key: key.to_string(),
                payment_id: payment_id.to_string(),
                outcome: code.to_string(),
                message,
                amount_minor: amount.minor(),
                currency: amount.currency().code().to_string(),
                card_brand: brand.to_string(),
                card_last4: last4.to_string(),
            },
        )
        .await?;
        decode(&stored)
    }
}

#[async_trait::async_trait]
impl Processor for TestProcessor {
    fn live(&self) -> bool {
        false
    }

    async fn charge(&self, r: ChargeRequest<'_>) -> anyhow::Result<ChargeOutcome> {
        self.record(
            r.idempotency_key,
            r.payment_id,
            r.amount,
            r.card.brand().as_str(),
            r.card.last4(),
            outcome_for(r.card.number()),
        )
        .await
    }

    async fn resolve_challenge(&self, d: ChallengeDecision<'_>) -> anyhow::Result<ChargeOutcome> {
        let outcome = if d.approved {
            ChargeOutcome::Approved
        } else {
            ChargeOutcome::Declined(CHALLENGE_FAILED.into())
        };
        self.record(
            d.idempotency_key,
            d.payment_id,
            d.amount,
            d.card_brand,
            d.card_last4,
            outcome,
        )
        .await
    }

    async fn find(&self, idempotency_key: &str) -> anyhow::Result<Option<ChargeOutcome>> {
        test_charges::find(&self.db, idempotency_key)
            .await?
            .as_ref()
            .map(decode)
            .transpose()
    }

    async fn settle(&self, _payment_id: &str, _key: &str) -> anyhow::Result<ChargeOutcome> {
        // The test acquirer settles every pending payment once its delay (kept by the caller)
        // has passed.
        Ok(ChargeOutcome::Approved)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn card_table() {
        assert_eq!(outcome_for("4242424242424242"), ChargeOutcome::Approved);
        assert_eq!(outcome_for("5555555555554444"), ChargeOutcome::Approved);
        assert_eq!(
            outcome_for("4000000000000002"),
            ChargeOutcome::Declined(DECLINED.into())
        );
        assert_eq!(
            outcome_for("4000000000009995"),
            ChargeOutcome::Declined(INSUFFICIENT_FUNDS.into())
        );
        assert_eq!(outcome_for("4000000000000077"), ChargeOutcome::Pending);
        assert_eq!(outcome_for("4000000000003220"), ChargeOutcome::Challenge);
        assert_eq!(
            outcome_for("4000000000000119"),
            ChargeOutcome::Error(PROCESSOR_ERROR.into())
        );
    }
}
