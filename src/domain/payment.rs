//! The payment's life on the hosted page as pure rules: what each processor outcome does to a
//! payment, how many declines end it, which states are finished, and when an unpaid one expires
//! (protocol.md section 14). The store applies these with conditional updates so that
//! concurrent submits (or processes) cannot both apply one.

use super::request::TransactionType;
use super::response::ResultKind;

/// After this many declines (or processor errors) the payment ends `failed`.
pub const MAX_DECLINES: i32 = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// The card form is shown (again after a decline).
    Open,
    /// Waiting for the shopper's 3-D Secure decision.
    Challenge,
    /// The processor accepted the payment but has not settled it yet.
    Pending,
    /// Approved, money held for a later capture.
    Authorized,
    /// Approved and captured.
    Captured,
    Failed,
    Cancelled,
    /// An authorization released without capture.
    Voided,
    /// Nobody paid it before its `expires_at` (protocol.md section 14): final, and the
    /// storefront was told `x_result=failed`, `x_message=expired`.
    Expired,
}

impl Status {
    /// Every status, in the order a payment can reach them.
    pub const ALL: [Status; 9] = [
        Status::Open,
        Status::Challenge,
        Status::Pending,
        Status::Authorized,
        Status::Captured,
        Status::Failed,
        Status::Cancelled,
        Status::Voided,
        Status::Expired,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Challenge => "challenge",
            Status::Pending => "pending",
            Status::Authorized => "authorized",
            Status::Captured => "captured",
            Status::Failed => "failed",
            Status::Cancelled => "cancelled",
            Status::Voided => "voided",
            Status::Expired => "expired",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Some(match text {
            "open" => Status::Open,
            "challenge" => Status::Challenge,
            "pending" => Status::Pending,
            "authorized" => Status::Authorized,
            "captured" => Status::Captured,
            "failed" => Status::Failed,
            "cancelled" => Status::Cancelled,
            "voided" => Status::Voided,
            "expired" => Status::Expired,
            _ => return None,
        })
    }

    /// Whether the shopper is done here and goes back with the signed response (to
    /// `x_url_complete`). A cancelled or expired payment's way back is `x_url_cancel`.
    pub fn has_outcome(&self) -> bool {
        matches!(
            self,
            Status::Pending
                | Status::Authorized
                | Status::Captured
                | Status::Failed
                | Status::Voided
        )
    }

    /// Whether a payment in this state is still unpaid, so expires at its time: open (also
    /// after declines), waiting on the 3-D Secure challenge (nothing is charged before the
    /// decision), or cancelled by the shopper (a replay would open it again).
    pub fn expirable(&self) -> bool {
        matches!(self, Status::Open | Status::Challenge | Status::Cancelled)
    }
}

/// The message of an expiry's response and callback (`x_message`).
pub const EXPIRED_MESSAGE: &str = "expired";

/// Whether a payment is due to expire at `now` (milliseconds, as stored): unpaid, its time
/// come, and no processor call in flight (that call's outcome is applied first; the payment
/// expires after it if it is still unpaid). A payment without a time never expires.
pub fn expiry_due(
    status: Status,
    attempt_in_flight: bool,
    expires_at: Option<i64>,
    now: i64,
) -> bool {
    status.expirable() && !attempt_in_flight && expires_at.is_some_and(|at| at <= now)
}

/// What the processor said about one attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChargeOutcome {
    Approved,
    Declined(String),
    Pending,
    Challenge,
    Error(String),
}

/// The payment after an outcome, and the response to send if the storefront must hear of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Next {
    pub status: Status,
    pub declines: i32,
    pub message: Option<String>,
    pub response: Option<ResultKind>,
}

/// Applies an outcome to a payment that had `declines` failed attempts so far.
pub fn after_outcome(declines: i32, kind: TransactionType, outcome: &ChargeOutcome) -> Next {
    match outcome {
        ChargeOutcome::Approved => Next {
            status: match kind {
                TransactionType::Sale => Status::Captured,
                TransactionType::Authorization => Status::Authorized,
            },
            declines,
            message: None,
            response: Some(ResultKind::Completed),
        },
        ChargeOutcome::Pending => Next {
            status: Status::Pending,
            declines,
            message: None,
            response: Some(ResultKind::Pending),
        },
        ChargeOutcome::Challenge => Next {
            status: Status::Challenge,
            declines,
            message: None,
            response: None,
        },
        ChargeOutcome::Declined(message) | ChargeOutcome::Error(message) => {
            let declines = declines + 1;
            let finished = declines >= MAX_DECLINES;
            Next {
                status: if finished {
                    Status::Failed
                } else {
                    Status::Open
                },
                declines,
                message: Some(message.clone()),
                response: finished.then_some(ResultKind::Failed),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ChargeOutcome::*;
    use TransactionType::*;

    #[test]
    fn truth_table() {
        let declined = || Declined("Your card was declined.".into());
        let rows: Vec<(
            i32,
            TransactionType,
            ChargeOutcome,
            Status,
            i32,
            Option<ResultKind>,
        )> = vec![
            (
                0,
                Sale,
                Approved,
                Status::Captured,
                0,
                Some(ResultKind::Completed),
            ),
            (
                2,
                Sale,
                Approved,
                Status::Captured,
                2,
                Some(ResultKind::Completed),
            ),
            (
                0,
                Authorization,
                Approved,
                Status::Authorized,
                0,
                Some(ResultKind::Completed),
            ),
            (
                0,
                Sale,
                Pending,
                Status::Pending,
                0,
                Some(ResultKind::Pending),
            ),
            (1, Sale, Challenge, Status::Challenge, 1, None),
            (0, Sale, declined(), Status::Open, 1, None),
            (1, Sale, declined(), Status::Open, 2, None),
            (
                2,
                Sale,
                declined(),
                Status::Failed,
                3,
                Some(ResultKind::Failed),
            ),
            (
                2,
                Authorization,
                Error("x".into()),
                Status::Failed,
                3,
                Some(ResultKind::Failed),
            ),
            (0, Sale, Error("x".into()), Status::Open, 1, None),
        ];
        for (declines, kind, outcome, status, after, response) in rows {
            let next = after_outcome(declines, kind, &outcome);
            assert_eq!(
                (next.status, next.declines, next.response),
                (status, after, response),
                "{declines} {kind:?} {outcome:?}"
            );
        }
    }

    #[test]
    fn statuses_round_trip() {
        for s in Status::ALL {
            assert_eq!(Status::parse(s.as_str()), Some(s));
        }
    }

    #[test]
    fn only_an_unpaid_payment_whose_time_has_come_expires() {
        use Status::*;
        let all = [
            Open, Challenge, Pending, Authorized, Captured, Failed, Cancelled, Voided, Expired,
        ];
        for s in all {
            let unpaid = matches!(s, Open | Challenge | Cancelled);
            assert_eq!(
                expiry_due(s, false, Some(1000), 1000),
                unpaid,
                "{s:?} at its time"
            );
            assert_eq!(
                expiry_due(s, false, Some(1000), 5000),
                unpaid,
                "{s:?} after it"
            );
            assert!(
                !expiry_due(s, false, Some(1000), 999),
                "{s:?} before its time"
            );
            assert!(
                !expiry_due(s, true, Some(1000), 5000),
                "{s:?} with a call in flight"
            );
            assert!(
                !expiry_due(s, false, None, i64::MAX),
                "{s:?} without a time"
            );
        }
    }
}
