//! Which webhook event a change of a payment is (protocol.md section 12), and the event itself:
//! its `data.object` is the payment as the change leaves it (a session's expiry: the session).
//! Flows build the event before their write and queue it in the same unit of work, so an event
//! exists exactly when its change does, from both ways in.

use crate::domain::payment::Status;
use crate::store::objects::{CardObject, PaymentObject, session_of, status_name};
use crate::store::payments::Payment;
use crate::store::webhooks::{EventObject, NewEvent};

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

/// The event of a payment as its change leaves it: `status`, with `money` (authorized,
/// captured) and `card` when the change sets them. Made from `p` without copying the rest of
/// it; the JSON and the id are made only if an endpoint wants the event.
pub fn payment_event(
    event_type: &'static str,
    p: &Payment,
    status: Status,
    money: Option<(i64, i64)>,
    card: Option<(&str, &str)>,
    now: i64,
) -> NewEvent {
    let mut object = PaymentObject::of(p);
    let captured = money.map_or(p.captured, |(_, c)| c);
    object.status = status_name(status, captured, p.refunded).into();
    object.amount_captured = captured;
    if let Some((brand, last4)) = card {
        object.card = Some(CardObject {
            brand: brand.into(),
            last4: last4.into(),
        });
    }
    NewEvent {
        event_type,
        merchant_id: p.merchant_id.clone(),
        payment_id: p.id.clone(),
        object: EventObject::Payment(object),
        at: now,
    }
}

/// `session.expired`, for a payment the sessions API made; an expired `x_` payment has no
/// session and no event (its storefront is told by callback).
pub fn session_expired(after: &Payment, public_url: &str, now: i64) -> Option<NewEvent> {
    let session = session_of(after, public_url)?;
    Some(NewEvent {
        event_type: "session.expired",
        merchant_id: after.merchant_id.clone(),
        payment_id: after.id.clone(),
        object: EventObject::Session(session),
        at: now,
    })
}
