//! What a request sends, read within limits and authenticated: bodies (size and time bounded,
//! T8), strict forms, and the signed fields' merchant.

use crate::domain::form::{Fields, Limits};
use crate::error::AppError;
use crate::state::AppState;
use poem::{Body, Request};
use std::time::Duration;

/// Largest request body we read.
pub const MAX_BODY_BYTES: usize = 64 * 1024;
/// How long a client may take to send its body (slow-client defence, T8).
pub const BODY_TIMEOUT: Duration = Duration::from_secs(10);

/// Authenticates signed fields: the merchant named by `x_account_id` must exist and
/// `x_signature` must verify under its secret. The one place payment and order-management
/// requests are checked, so they cannot drift apart: 400 without an account, 401 without or
/// with a wrong signature, 404 for an unknown account.
pub async fn verified_merchant(
    state: &AppState,
    fields: &Fields,
) -> Result<std::sync::Arc<crate::store::merchants::Verified>, AppError> {
    use crate::domain::signature;
    use secrecy::ExposeSecret;
    let account_id = match fields.get("x_account_id") {
        Some(a) if !a.is_empty() => a,
        _ => {
            return Err(AppError::Malformed {
                detail: "the required field x_account_id is missing".into(),
                field: Some("x_account_id".into()),
            });
        }
    };
    let provided = fields
        .get(signature::SIGNATURE_FIELD)
        .ok_or(AppError::Signature)?;
    let merchant = state
        .merchants
        .get(&state.db, &state.key, account_id)
        .await?
        .ok_or(AppError::UnknownAccount)?;
    if !signature::verify(fields.iter(), merchant.secret.expose_secret(), provided) {
        return Err(AppError::Signature);
    }
    Ok(merchant)
}

/// Reads a request body within the size and time limits.
pub async fn read_body(req: &Request, body: Body) -> Result<Vec<u8>, AppError> {
    let too_large = || AppError::TooLarge("the body is larger than 64 KiB".into());
    if let Some(len) = req
        .header("content-length")
        .and_then(|l| l.parse::<usize>().ok())
        && len > MAX_BODY_BYTES
    {
        return Err(too_large());
    }
    match tokio::time::timeout(BODY_TIMEOUT, body.into_bytes_limit(MAX_BODY_BYTES)).await {
        Err(_) => Err(AppError::Timeout),
        Ok(Err(poem::error::ReadBodyError::PayloadTooLarge)) => Err(too_large()),
        Ok(Err(e)) => Err(AppError::Malformed {
            detail: format!("the body could not be read: {e}"),
            field: None,
        }),
        Ok(Ok(b)) => Ok(b.to_vec()),
    }
}

/// Reads a form body within the size and time limits and parses it strictly.
pub async fn read_form(req: &Request, body: Body, into: &mut Fields) -> Result<(), AppError> {
    if let Some(ct) = req.header("content-type") {
        let mime = ct.split(';').next().unwrap_or("").trim();
        if !mime.eq_ignore_ascii_case("application/x-www-form-urlencoded") {
            return Err(AppError::Unsupported);
        }
    }
    let bytes = read_body(req, body).await?;
    into.parse_into(&bytes, Limits::default())?;
    Ok(())
}
