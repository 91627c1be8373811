//! Order management as pure rules (protocol.md section 5): which payment a request may act on
//! (its reference, test flag and currency must be the payment's), what capture, refund and void
//! do to a payment's money, and which are refused. [`CASES`] is the truth table: the unit tests
//! run it through [`apply`], and the API tests run it through the store's conditional updates
//! (which encode the same rules so concurrent requests cannot break them) on both databases.

use super::form::Fields;
use super::money::{Amount, Currency};
use super::payment::Status;
use super::request::{FieldError, TransactionType};
use super::target::{TargetRules, parse_target};
use url::Url;

mod cases;
pub(crate) use cases::money;
pub use cases::{CASES, Case, Expected};

/// capture, refund or void, with its amount in minor units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operation {
    Capture(i64),
    Refund(i64),
    Void,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OperationKind {
    Capture,
    Refund,
    Void,
}

impl OperationKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            OperationKind::Capture => "capture",
            OperationKind::Refund => "refund",
            OperationKind::Void => "void",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "capture" => Some(Self::Capture),
            "refund" => Some(Self::Refund),
            "void" => Some(Self::Void),
            _ => None,
        }
    }
}

impl Operation {
    pub fn kind(&self) -> OperationKind {
        match self {
            Operation::Capture(_) => OperationKind::Capture,
            Operation::Refund(_) => OperationKind::Refund,
            Operation::Void => OperationKind::Void,
        }
    }
}

/// A verified order-management request as typed values.
#[derive(Debug, Clone)]
pub struct OperationRequest {
    pub kind: OperationKind,
    pub gateway_reference: String,
    /// Amount and its text as sent, for capture and refund.
    pub amount: Option<(Amount, String)>,
    pub reference: Option<String>,
    pub test: Option<bool>,
    pub url_callback: Option<Url>,
}

fn present<'a>(fields: &'a Fields, name: &'static str) -> Result<&'a str, FieldError> {
    match fields.get(name) {
        None | Some("") => Err(FieldError::Missing(name)),
        Some(v) => Ok(v),
    }
}

fn invalid(field: &str, reason: &str) -> FieldError {
    FieldError::Invalid {
        field: field.to_string(),
        reason: reason.to_string(),
    }
}

impl OperationRequest {
    /// Validates the fields of a request to the endpoint of `kind`.
    /// `rules` are the server's target rules for `x_url_callback`, as for payment requests.
    pub fn from_fields<'a>(
        fields: &Fields,
        kind: OperationKind,
        rules: impl Into<TargetRules<'a>>,
    ) -> Result<Self, FieldError> {
        let rules = rules.into();
        let gateway_reference = present(fields, "x_gateway_reference")?.to_string();
        let declared = present(fields, "x_transaction_type")?;
        if declared != kind.as_str() {
            return Err(invalid(
                "x_transaction_type",
                &format!("must be {} at this URL", kind.as_str()),
            ));
        }
        let amount = match kind {
            OperationKind::Void => None,
            OperationKind::Capture | OperationKind::Refund => {
                let text = present(fields, "x_amount")?;
                let code = present(fields, "x_currency")?;
                let currency = Currency::parse(code).ok_or_else(|| {
                    invalid("x_currency", "must be an ISO 4217 currency code, like USD")
                })?;
                let amount = Amount::parse(text, currency)
                    .map_err(|e| invalid("x_amount", &e.to_string()))?;
                Some((amount, text.to_string()))
            }
        };
        let test = match fields.get("x_test").filter(|v| !v.is_empty()) {
            None => None,
            Some("true") => Some(true),
            Some("false") => Some(false),
            Some(_) => return Err(invalid("x_test", "must be true or false")),
        };
        let url_callback = match fields.get("x_url_callback").filter(|v| !v.is_empty()) {
            None => None,
            Some(u) => Some(
                parse_target(u, rules).map_err(|e| invalid("x_url_callback", &e.to_string()))?,
            ),
        };
        Ok(OperationRequest {
            kind,
            gateway_reference,
            amount,
            reference: fields
                .get("x_reference")
                .filter(|v| !v.is_empty())
                .map(str::to_string),
            test,
            url_callback,
        })
    }

    /// Checks the request against the payment it names: a reference or test flag it sends must
    /// be the payment's, and an amount must be in the payment's currency.
    pub fn check_against(&self, payment: &Target<'_>) -> Result<(), FieldError> {
        if self
            .reference
            .as_deref()
            .is_some_and(|r| r != payment.reference)
        {
            return Err(invalid("x_reference", "is not this payment's reference"));
        }
        if self.test.is_some_and(|t| t != payment.test) {
            return Err(invalid("x_test", "differs from the payment's mode"));
        }
        if let Some((amount, _)) = &self.amount
            && amount.currency() != payment.currency
        {
            return Err(invalid("x_currency", "differs from the payment's currency"));
        }
        Ok(())
    }

    /// The operation for the domain rule.
    pub fn operation(&self) -> Operation {
        let minor = self.amount.as_ref().map(|(a, _)| a.minor()).unwrap_or(0);
        match self.kind {
            OperationKind::Capture => Operation::Capture(minor),
            OperationKind::Refund => Operation::Refund(minor),
            OperationKind::Void => Operation::Void,
        }
    }
}

/// What a request is checked against: the facts of the payment it names.
#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    pub reference: &'a str,
    pub test: bool,
    pub currency: Currency,
}

/// The money of a payment. Invariant: 0 <= refunded <= captured <= authorized.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Money {
    pub status: Status,
    pub kind: TransactionType,
    pub authorized: i64,
    pub captured: i64,
    pub refunded: i64,
}

/// Why an operation is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// Not allowed in the payment's state (409).
    #[error("{0}")]
    NotAllowed(&'static str),
    /// More than the payment allows (422).
    #[error("{0}")]
    Excessive(&'static str),
}

/// Applies `op` to `m`, or says why not.
pub fn apply(m: &Money, op: Operation) -> Result<Money, Refusal> {
    let settled = matches!(m.status, Status::Authorized | Status::Captured);
    match op {
        Operation::Capture(amount) => {
            if m.kind != TransactionType::Authorization || !settled {
                return Err(Refusal::NotAllowed("only an authorization can be captured"));
            }
            // Against what is left, not captured + amount: the sessions API takes any i64.
            if amount <= 0 || amount > m.authorized - m.captured {
                return Err(Refusal::Excessive(
                    "x_amount is more than the authorized amount not yet captured",
                ));
            }
            Ok(Money {
                status: Status::Captured,
                captured: m.captured + amount,
                ..*m
            })
        }
        Operation::Refund(amount) => {
            if m.status != Status::Captured {
                return Err(Refusal::NotAllowed("only captured money can be refunded"));
            }
            if amount <= 0 || amount > m.captured - m.refunded {
                return Err(Refusal::Excessive(
                    "x_amount is more than the captured amount not yet refunded",
                ));
            }
            Ok(Money {
                refunded: m.refunded + amount,
                ..*m
            })
        }
        Operation::Void => {
            if m.status != Status::Authorized || m.captured != 0 {
                return Err(Refusal::NotAllowed(
                    "only an authorization with nothing captured can be voided",
                ));
            }
            Ok(Money {
                status: Status::Voided,
                ..*m
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Operation::*;
    use TransactionType::{Authorization, Sale};

    #[test]
    fn truth_table() {
        for case in CASES {
            let (before, op) = (case.before, case.op);
            let got = apply(&before, op).map(|m| (m.status, m.captured, m.refunded));
            match (got, case.expected) {
                (
                    Ok(g),
                    Expected::Applied {
                        status,
                        captured,
                        refunded,
                    },
                ) => assert_eq!(g, (status, captured, refunded), "{before:?} {op:?}"),
                (Err(Refusal::Excessive(_)), Expected::Excessive) => {}
                (Err(Refusal::NotAllowed(_)), Expected::NotAllowed) => {}
                (got, expected) => panic!("{before:?} {op:?}: got {got:?}, expected {expected:?}"),
            }
        }
        assert!(CASES.len() >= 26, "the table keeps every case");
    }

    mod model {
        //! Random operation sequences against a plain model: refunded <= captured <= authorized,
        //! always, and every accepted operation moves exactly the money it names.
        use super::*;
        use proptest::prelude::*;

        fn op() -> impl Strategy<Value = Operation> {
            prop_oneof![
                (0i64..150).prop_map(Capture),
                (0i64..150).prop_map(Refund),
                Just(Void),
            ]
        }

        proptest! {
            #[test]
            fn money_never_escapes_its_bounds(
                sale in any::<bool>(),
                authorized in 1i64..200,
                ops in prop::collection::vec(op(), 0..40),
            ) {
                let mut m = if sale {
                    money(Status::Captured, Sale, authorized, authorized, 0)
                } else {
                    money(Status::Authorized, Authorization, authorized, 0, 0)
                };
                for op in ops {
                    if let Ok(next) = apply(&m, op) {
                        match op {
                            Capture(a) => prop_assert_eq!(next.captured, m.captured + a),
                            Refund(a) => prop_assert_eq!(next.refunded, m.refunded + a),
                            Void => prop_assert_eq!(next.status, Status::Voided),
                        }
                        m = next;
                    }
                    prop_assert!(0 <= m.refunded && m.refunded <= m.captured && m.captured <= m.authorized, "{m:?}");
                    if m.status == Status::Voided {
                        prop_assert_eq!(m.captured, 0);
                    }
                }
            }
        }
    }
}
