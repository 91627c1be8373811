//! The acquirer behind the hosted page, as a trait so a real one can be added beside the
//! built-in test processor. Every call carries an idempotency key: a repeated call with the same
//! key must return the first answer and must not charge again, as real acquirers promise; and
//! the answer to a key can be asked for again ([`Processor::find`]), which is how a pay step cut
//! short by a crash is completed.

mod test_processor;

pub use test_processor::{
    CHALLENGE_FAILED, CardBehaviour, DECLINED, INSUFFICIENT_FUNDS, PROCESSOR_ERROR, TEST_CARDS,
    TestProcessor,
};

use crate::domain::card::Card;
use crate::domain::money::Amount;
use crate::domain::payment::ChargeOutcome;

/// One charge attempt.
pub struct ChargeRequest<'a> {
    pub idempotency_key: &'a str,
    pub payment_id: &'a str,
    pub amount: Amount,
    pub card: &'a Card,
    /// false for an authorization that is captured later.
    pub capture: bool,
}

/// The shopper's answer to a 3-D Secure challenge.
pub struct ChallengeDecision<'a> {
    pub idempotency_key: &'a str,
    pub payment_id: &'a str,
    pub amount: Amount,
    pub card_brand: &'a str,
    pub card_last4: &'a str,
    pub approved: bool,
}

#[async_trait::async_trait]
pub trait Processor: Send + Sync {
    /// Whether this processor moves real money. Live payments (`x_test=false`) are accepted only
    /// through one that does; the built-in test processor does not.
    fn live(&self) -> bool;

    /// Charges (or authorizes) a card.
    async fn charge(&self, request: ChargeRequest<'_>) -> anyhow::Result<ChargeOutcome>;

    /// Completes an attempt that asked for a 3-D Secure challenge.
    async fn resolve_challenge(
        &self,
        decision: ChallengeDecision<'_>,
    ) -> anyhow::Result<ChargeOutcome>;

    /// The outcome of the call made with `idempotency_key` (a charge or a challenge decision),
    /// or `None` if no call with that key ever reached the processor.
    async fn find(&self, idempotency_key: &str) -> anyhow::Result<Option<ChargeOutcome>>;

    /// Asks for the final result of a pending attempt; `Pending` means not yet.
    async fn settle(
        &self,
        payment_id: &str,
        idempotency_key: &str,
    ) -> anyhow::Result<ChargeOutcome>;
}
