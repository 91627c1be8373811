//! Order management (protocol.md section 5), asked for in two ways that share one core: a
//! verified capture, refund or void request to `/capture`, `/refund`, `/void` ([`operate`]), or
//! a merchant's user on the dashboard's payment page ([`from_dashboard`]). Each finds the
//! merchant's payment and says which secret signs and where the callback goes; [`perform`] then
//! signs the answer before the write (so the write can keep it as the first answer for
//! replays), has the store perform the operation as one unit of work (the conditional update
//! whose `WHERE` is the domain rule, the operation row, its callback, the dashboard's audit
//! row), and explains a refusal by the domain rule applied to the payment as it is now.

use crate::crypto::sortable_hex;
use crate::domain::form::Fields;
use crate::domain::money::Amount;
use crate::domain::operations::{
    Money, Operation, OperationKind, OperationRequest, Refusal, Target, apply,
};
use crate::domain::response::{Outcome, ResponseValues, ResultKind};
use crate::error::AppError;
use crate::state::AppState;
use crate::store::audit::{self, Event};
use crate::store::merchants::{Actor, Signed};
use crate::store::operations::{self, Answer as Kept, Perform, Performed};
use crate::store::payments::Payment;
use crate::store::{now_millis, payment_list, payments};
use secrecy::ExposeSecret;
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

mod api;
pub use api::{FromApi, from_api};

/// An order-management request as received.
pub struct Request<'a> {
    pub fields: &'a Fields,
    /// The body's bytes: a byte-identical request is a replay.
    pub raw: &'a [u8],
    /// The `Idempotency-Key` header, if sent.
    pub idempotency_key: Option<&'a str>,
}

/// Which earlier request a request replays: its scope (`key:<Idempotency-Key>`, or
/// `body:<digest>` without one, or `dashboard:<form token>`) and the digest of what it asks.
struct ReplayScope {
    scope_key: String,
    digest: String,
}

fn digest(parts: &[&[u8]]) -> String {
    hex::encode(Sha256::digest(parts.join(&b'\n')))
}

impl ReplayScope {
    fn of(kind: OperationKind, r: &Request<'_>) -> Result<Self, AppError> {
        let digest = digest(&[kind.as_str().as_bytes(), r.raw]);
        let scope_key = match r.idempotency_key {
            None => format!("body:{digest}"),
            Some(k)
                if !k.is_empty() && k.len() <= 255 && k.bytes().all(|b| b.is_ascii_graphic()) =>
            {
                format!("key:{k}")
            }
            Some(_) => {
                return Err(AppError::Malformed {
                    detail: "Idempotency-Key must be 1 to 255 visible ASCII characters".into(),
                    field: Some("Idempotency-Key".into()),
                });
            }
        };
        Ok(Self { scope_key, digest })
    }
}

/// The answer: an HTTP status and the JSON body.
pub struct Answer {
    pub status: u16,
    pub body: String,
}

/// One operation on one payment, however it was asked for.
struct Order<'a> {
    payment: &'a Payment,
    op: Operation,
    /// The amount as given, echoed as `x_amount`; and the field it was given in.
    amount_text: Option<&'a str>,
    amount_field: &'static str,
    /// `x_test` as echoed.
    test: &'a str,
    /// Signs the answer and the callback.
    secret: &'a [u8],
    callback_url: Option<&'a str>,
    replay: ReplayScope,
    /// Who asked, for the audit log (the dashboard's operations).
    by: Option<&'a Actor>,
    /// Asked through the sessions API: its answer is the operation object.
    api: bool,
}

/// Performs the operation `kind` that the request (verified as the merchant's) asks for; its
/// answer is signed with the secret that verified it.
pub async fn operate(
    state: &AppState,
    signed: &Signed,
    kind: OperationKind,
    r: Request<'_>,
) -> Result<Answer, AppError> {
    let merchant = &signed.merchant;
    let fields = r.fields;
    let request = OperationRequest::from_fields(fields, kind, state.settings.target_rules())?;
    let payment = payments::find_by_gateway_reference(
        &state.db,
        &merchant.account_id,
        &request.gateway_reference,
    )
    .await?
    .ok_or(AppError::NotFound)?;
    request.check_against(&Target {
        reference: &payment.reference,
        test: payment.test,
        currency: payment.amount.currency(),
    })?;
    let test = fields
        .get("x_test")
        .filter(|t| !t.is_empty())
        .unwrap_or(if payment.test { "true" } else { "false" });
    perform(
        state,
        Order {
            payment: &payment,
            op: request.operation(),
            amount_text: request.amount.as_ref().map(|(_, t)| t.as_str()),
            amount_field: "x_amount",
            test,
            secret: signed.secret(),
            callback_url: request.url_callback.as_ref().map(|u| u.as_str()),
            replay: ReplayScope::of(kind, &r)?,
            by: None,
            api: false,
        },
    )
    .await
}

/// A capture, refund or void asked for on the dashboard's payment page.
pub struct FromDashboard<'a> {
    pub merchant_id: &'a str,
    pub payment_id: &'a str,
    pub kind: OperationKind,
    /// The amount typed, for a capture or a refund.
    pub amount: Option<&'a str>,
    /// The random token rendered in the form: a double submit carries the same one, and is
    /// one operation.
    pub form_token: &'a str,
    pub by: &'a Actor,
}

/// Performs an operation the merchant's user asked for on the dashboard: on the merchant's
/// payment only (another's is not found), signed with the secret of the payment's request
/// while it is valid, reported to the payment's callback URL, and written to the audit log.
pub async fn from_dashboard(state: &AppState, d: FromDashboard<'_>) -> Result<(), AppError> {
    if !payment_list::is_payment_id(d.form_token) {
        return Err(AppError::Malformed {
            detail: "the form has no valid token; reload the page".into(),
            field: Some("form_token".into()),
        });
    }
    let payment = payment_list::find(&state.db, d.merchant_id, d.payment_id)
        .await?
        .ok_or(AppError::NotFound)?
        .payment;
    let amount_text = match d.kind {
        OperationKind::Void => None,
        _ => Some(d.amount.unwrap_or("").trim()),
    };
    let amount =
        match amount_text {
            Some(text) => Some(Amount::parse(text, payment.amount.currency()).map_err(|e| {
                AppError::Invalid {
                    field: "amount".into(),
                    detail: format!("the amount {e}"),
                }
            })?),
            None => None,
        };
    let minor = amount.map_or(0, |a| a.minor());
    let op = match d.kind {
        OperationKind::Capture => Operation::Capture(minor),
        OperationKind::Refund => Operation::Refund(minor),
        OperationKind::Void => Operation::Void,
    };
    let merchant = state
        .merchants
        .get(&state.db, &state.key, d.merchant_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let key = merchant.signing_key(payment.secret_version, now_millis());
    let asked = [
        d.kind.as_str().as_bytes(),
        payment.id.as_bytes(),
        amount_text.unwrap_or("").as_bytes(),
    ];
    perform(
        state,
        Order {
            payment: &payment,
            op,
            amount_text,
            amount_field: "amount",
            test: if payment.test { "true" } else { "false" },
            secret: key.secret.expose_secret(),
            callback_url: Some(&payment.url_callback),
            replay: ReplayScope {
                scope_key: format!("dashboard:{}", d.form_token),
                digest: digest(&asked),
            },
            by: Some(d.by),
            api: false,
        },
    )
    .await
    .map(|_| ())
}

/// The audit row of a dashboard operation.
fn audit_row(o: &Order<'_>, by: &Actor, operation_id: &str, now: i64) -> audit::Change {
    let p = o.payment;
    let (event, what) = match o.op {
        Operation::Capture(_) => (Event::PaymentCaptured, "capture"),
        Operation::Refund(_) => (Event::PaymentRefunded, "refund"),
        Operation::Void => (Event::PaymentVoided, "void"),
    };
    let amount = match o.op {
        Operation::Capture(m) | Operation::Refund(m) => {
            format!(
                " of {}",
                Amount::from_minor(m, p.amount.currency()).display()
            )
        }
        Operation::Void => String::new(),
    };
    audit::Change {
        account_id: p.merchant_id.clone(),
        actor: by.name.clone(),
        ip: by.ip.clone(),
        event,
        detail: format!(
            "{what}{amount} of payment {} (reference {}): {operation_id}",
            p.id, p.reference
        ),
        at: now,
    }
}

/// The core both ways share: sign, perform as one unit of work, explain a refusal.
async fn perform(state: &AppState, o: Order<'_>) -> Result<Answer, AppError> {
    let payment = o.payment;
    let kind = o.op.kind();
    let currency = payment.amount.currency();
    // The answer is signed before the write, so the unit of work can store it as the first
    // answer.
    let prefix = if o.api { "op" } else { "gw" };
    let operation_id = format!("{prefix}_{}", sortable_hex::<6>());
    let mut echo: Vec<(String, String)> =
        vec![("x_account_id".into(), payment.merchant_id.clone())];
    if let Some(text) = o.amount_text {
        echo.push(("x_amount".into(), text.into()));
        echo.push(("x_currency".into(), currency.code().into()));
    }
    echo.push(("x_reference".into(), payment.reference.clone()));
    echo.push(("x_test".into(), o.test.into()));
    let values = ResponseValues::sign(
        &echo,
        &Outcome {
            gateway_reference: &operation_id,
            result: ResultKind::Completed,
            transaction_type: kind.as_str(),
            message: None,
            card: None,
            at: OffsetDateTime::now_utc(),
        },
        o.secret,
    );
    let body: serde_json::Map<String, serde_json::Value> = values
        .pairs()
        .iter()
        .map(|(n, v)| (n.clone(), serde_json::Value::String(v.clone())))
        .collect();
    let answer_body = serde_json::Value::Object(body).to_string();
    let callback_body = values.to_form();
    let now = now_millis();
    let performed = operations::perform(
        &state.db,
        Perform {
            payment_id: &payment.id,
            merchant_id: &payment.merchant_id,
            op: o.op,
            amount_text: o.amount_text,
            currency: currency.code(),
            operation_id: &operation_id,
            scope_key: &o.replay.scope_key,
            request_digest: &o.replay.digest,
            answer: if o.api {
                Kept::ApiOperation
            } else {
                Kept::Ready(&answer_body)
            },
            callback: o.callback_url.map(|u| (u, callback_body.as_str())),
            audit: o.by.map(|by| audit_row(&o, by, &operation_id, now)),
            now,
        },
    )
    .await?;
    match performed {
        Performed::Done { body, queued } => {
            if queued {
                state.callback_wake.notify_one();
            }
            tracing::info!(payment = %payment.id, operation = %operation_id, kind = kind.as_str(), "operation applied");
            state.metrics.payment(match kind {
                OperationKind::Capture => "captured",
                OperationKind::Refund => "refunded",
                OperationKind::Void => "voided",
            });
            Ok(Answer { status: 200, body })
        }
        Performed::Replay { status, body } => Ok(Answer { status, body }),
        Performed::KeyReused => Err(match o.by {
            None => AppError::Invalid {
                field: "Idempotency-Key".into(),
                detail: "this Idempotency-Key was used for a different request".into(),
            },
            Some(_) => AppError::Conflict(
                "this form was already used for another operation; reload the page".into(),
            ),
        }),
        Performed::Refused => {
            // Say why from the payment as it is now (it may have changed concurrently).
            let now = payments::find(&state.db, &payment.id)
                .await?
                .ok_or(AppError::NotFound)?;
            let money = Money {
                status: now.status,
                kind: now.transaction_type,
                authorized: now.authorized,
                captured: now.captured,
                refunded: now.refunded,
            };
            Err(match apply(&money, o.op) {
                Err(Refusal::Excessive(why)) => AppError::Invalid {
                    field: o.amount_field.into(),
                    detail: why.replacen("x_amount", o.amount_field, 1),
                },
                Err(Refusal::NotAllowed(why)) => {
                    AppError::Conflict(format!("{why}; the payment is {}", now.status.as_str()))
                }
                Ok(_) => {
                    AppError::Conflict("the payment changed at the same moment; try again".into())
                }
            })
        }
    }
}
