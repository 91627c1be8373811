//! The order-management truth table: every kind of payment, in every state that matters, with
//! each operation, and what the rule says of it. One table, run through the pure rule by the unit
//! tests and through the store's SQL on both databases by the API tests, so the two cannot drift.

use super::super::payment::Status::{self, *};
use super::super::request::TransactionType::{self, Authorization, Sale};
use super::Money;
use super::Operation::{self, *};

/// What the rule says of one case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// Allowed: the payment's status, captured and refunded amounts after it.
    Applied {
        status: Status,
        captured: i64,
        refunded: i64,
    },
    /// Refused: not allowed in the payment's state (409).
    NotAllowed,
    /// Refused: more than the payment allows (422).
    Excessive,
}

/// One row of the truth table.
#[derive(Debug, Clone, Copy)]
pub struct Case {
    pub before: Money,
    pub op: Operation,
    pub expected: Expected,
}

/// The money of a payment in `status`: authorized `a`, captured `c`, refunded `r`.
pub(crate) const fn money(status: Status, kind: TransactionType, a: i64, c: i64, r: i64) -> Money {
    Money {
        status,
        kind,
        authorized: a,
        captured: c,
        refunded: r,
    }
}

use Expected::{Applied, Excessive, NotAllowed};

pub const CASES: &[Case] = &[
    // A sale is captured at once: refunds only.
    Case {
        before: money(Captured, Sale, 100, 100, 0),
        op: Refund(100),
        expected: Applied {
            status: Captured,
            captured: 100,
            refunded: 100,
        },
    },
    Case {
        before: money(Captured, Sale, 100, 100, 0),
        op: Refund(30),
        expected: Applied {
            status: Captured,
            captured: 100,
            refunded: 30,
        },
    },
    Case {
        before: money(Captured, Sale, 100, 100, 30),
        op: Refund(70),
        expected: Applied {
            status: Captured,
            captured: 100,
            refunded: 100,
        },
    },
    Case {
        before: money(Captured, Sale, 100, 100, 30),
        op: Refund(71),
        expected: Excessive,
    },
    Case {
        before: money(Captured, Sale, 100, 100, 100),
        op: Refund(1),
        expected: Excessive,
    },
    Case {
        before: money(Captured, Sale, 100, 100, 0),
        op: Capture(1),
        expected: NotAllowed,
    },
    Case {
        before: money(Captured, Sale, 100, 100, 0),
        op: Void,
        expected: NotAllowed,
    },
    // An authorization: capture (full or partial, up to the authorized amount) or void.
    Case {
        before: money(Authorized, Authorization, 100, 0, 0),
        op: Capture(100),
        expected: Applied {
            status: Captured,
            captured: 100,
            refunded: 0,
        },
    },
    Case {
        before: money(Authorized, Authorization, 100, 0, 0),
        op: Capture(40),
        expected: Applied {
            status: Captured,
            captured: 40,
            refunded: 0,
        },
    },
    Case {
        before: money(Captured, Authorization, 100, 40, 0),
        op: Capture(60),
        expected: Applied {
            status: Captured,
            captured: 100,
            refunded: 0,
        },
    },
    Case {
        before: money(Captured, Authorization, 100, 40, 0),
        op: Capture(61),
        expected: Excessive,
    },
    // The sessions API takes amounts up to i64::MAX: no sum with them may overflow.
    Case {
        before: money(Captured, Authorization, 100, 40, 0),
        op: Capture(i64::MAX),
        expected: Excessive,
    },
    Case {
        before: money(Captured, Sale, 100, 100, 30),
        op: Refund(i64::MAX),
        expected: Excessive,
    },
    Case {
        before: money(Authorized, Authorization, 100, 0, 0),
        op: Capture(101),
        expected: Excessive,
    },
    Case {
        before: money(Authorized, Authorization, 100, 0, 0),
        op: Void,
        expected: Applied {
            status: Voided,
            captured: 0,
            refunded: 0,
        },
    },
    Case {
        before: money(Captured, Authorization, 100, 40, 0),
        op: Void,
        expected: NotAllowed,
    },
    Case {
        before: money(Authorized, Authorization, 100, 0, 0),
        op: Refund(1),
        expected: NotAllowed,
    },
    Case {
        before: money(Captured, Authorization, 100, 40, 0),
        op: Refund(40),
        expected: Applied {
            status: Captured,
            captured: 40,
            refunded: 40,
        },
    },
    Case {
        before: money(Captured, Authorization, 100, 40, 0),
        op: Refund(41),
        expected: Excessive,
    },
    // A voided authorization takes nothing more.
    Case {
        before: money(Voided, Authorization, 100, 0, 0),
        op: Capture(1),
        expected: NotAllowed,
    },
    Case {
        before: money(Voided, Authorization, 100, 0, 0),
        op: Void,
        expected: NotAllowed,
    },
    Case {
        before: money(Voided, Authorization, 100, 0, 0),
        op: Refund(1),
        expected: NotAllowed,
    },
    // Unfinished or failed payments take nothing.
    Case {
        before: money(Pending, Sale, 100, 0, 0),
        op: Refund(1),
        expected: NotAllowed,
    },
    Case {
        before: money(Pending, Authorization, 100, 0, 0),
        op: Capture(1),
        expected: NotAllowed,
    },
    Case {
        before: money(Open, Authorization, 100, 0, 0),
        op: Void,
        expected: NotAllowed,
    },
    Case {
        before: money(Failed, Sale, 100, 0, 0),
        op: Refund(1),
        expected: NotAllowed,
    },
    Case {
        before: money(Cancelled, Authorization, 100, 0, 0),
        op: Capture(1),
        expected: NotAllowed,
    },
    Case {
        before: money(Challenge, Authorization, 100, 0, 0),
        op: Void,
        expected: NotAllowed,
    },
];
