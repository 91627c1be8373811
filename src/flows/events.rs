//! Which webhook event a change of a payment is (protocol.md section 12), and the event itself:
//! its `data.object` is the payment as the change leaves it (a session's expiry: the session).
//! Flows build the event before their write and queue it in the same unit of work, so an event
//! exists exactly when its change does, from both ways in.

use crate::domain::payment::Status;
use crate::store::objects::{PaymentObject, session_of};
use crate::store::payments::Payment;
use crate::store::webhooks::NewEvent;

/// The event of a pay step, settlement or recovery that leaves the payment in `status`; none
/// while the payment is still unpaid (a decline with tries left, a challenge).
pub fn of_outcome(status: Status) -> Option<&'static str> {
    match status {
        Status::Pending => Some("payment.pending"),
        Status::Authorized => Some("payment.authorized"),
        Status::Captured => Some("payment.completed"),
        Status::Failed => Some("payment.failed"),
        _ => None,
    }
}

/// The event of `after`, the payment as its change leaves it.
pub fn payment_event(event_type: &'static str, after: &Payment, now: i64) -> NewEvent {
    NewEvent::new(
        event_type,
        &after.merchant_id,
        &after.id,
        PaymentObject::of(after).json(),
        now,
    )
}

/// `session.expired`, for a payment the sessions API made; an expired `x_` payment has no
/// session and no event (its storefront is told by callback).
pub fn session_expired(after: &Payment, public_url: &str, now: i64) -> Option<NewEvent> {
    let session = session_of(after, public_url)?;
    Some(NewEvent::new(
        "session.expired",
        &after.merchant_id,
        &after.id,
        session.json(),
        now,
    ))
}
