//! What a request sends, read within limits and authenticated: bodies (size and time bounded,
//! T8), strict forms, and the signed fields' merchant.

use crate::domain::doctor::{self, Diagnosis, Sent};
use crate::domain::form::{Fields, Limits};
use crate::domain::signature;
use crate::error::AppError;
use crate::limits::Keyed;
use crate::state::AppState;
use crate::store::merchants::{Signed, Verified};
use crate::store::now_millis;
use crate::store::rejections::{self, Rejection};
use poem::{Body, Request};
use secrecy::ExposeSecret;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

/// Largest request body we read.
pub const MAX_BODY_BYTES: usize = 64 * 1024;
/// How long a client may take to send its body (slow-client defence, T8).
pub const BODY_TIMEOUT: Duration = Duration::from_secs(10);

/// The client's address: the peer's, or, when the peer is one of `GATEWAY_TRUSTED_PROXIES`,
/// the nearest address in `X-Forwarded-For` that is not a trusted proxy (the ones further left
/// are whatever the client chose to send).
pub fn client_addr(state: &AppState, req: &Request) -> Option<IpAddr> {
    let peer = req.remote_addr().as_socket_addr()?.ip();
    let trusted = &state.settings.limits.trusted_proxies;
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|n| n.contains(ip));
    if !is_trusted(&peer) {
        return Some(peer);
    }
    let forwarded: Vec<&str> = req
        .headers()
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    let mut nearest = peer;
    for hop in forwarded.iter().rev() {
        match hop.parse::<IpAddr>() {
            Ok(ip) if is_trusted(&ip) => nearest = ip,
            Ok(ip) => return Some(ip),
            Err(_) => break,
        }
    }
    Some(nearest)
}

/// The client's address as text, for the audit log, the rejections list and login limits.
pub fn client_ip(state: &AppState, req: &Request) -> Option<String> {
    client_addr(state, req).map(|ip| ip.to_string())
}

/// Counts a request against `limit` for its client's address: a refusal is
/// [`AppError::RateLimited`] with the wait, counted in the metrics. A client without an IP
/// address (none in tests that call handlers directly) is not limited.
pub fn limit_client(
    state: &AppState,
    req: &Request,
    limit: &Keyed<IpAddr>,
) -> Result<(), AppError> {
    let Some(ip) = client_addr(state, req) else {
        return Ok(());
    };
    limit
        .check(&ip)
        .map_err(|wait| refused(state, limit.name, wait))
}

/// A refusal by the rate limit `name`: logged, counted, answered 429 with `Retry-After`.
pub fn refused(state: &AppState, name: &'static str, wait: u64) -> AppError {
    tracing::info!(limit = name, retry_after = wait, "rate limit reached");
    state.metrics.limited(name);
    AppError::RateLimited(wait)
}

/// Authenticates signed fields: the merchant named by `x_account_id` must exist and
/// `x_signature` must verify under one of its valid secrets. The one place payment and
/// order-management requests are checked, so they cannot drift apart: 400 without an account,
/// 401 without or with a wrong signature (with the signature doctor's diagnosis, also kept in
/// the merchant's rejections list), 404 for an unknown account. `raw` is the form text as
/// received (query, then body), for the doctor.
pub async fn verified_merchant(
    state: &AppState,
    req: &Request,
    fields: &Fields,
    raw: &[u8],
) -> Result<Signed, AppError> {
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
        .ok_or(AppError::Signature(None))?;
    let mut merchant = state
        .merchants
        .get(&state.db, &state.key, account_id)
        .await?
        .ok_or(AppError::UnknownAccount)?;
    let now = now_millis();
    if let Some(version) = verify(&merchant, fields, provided, now) {
        return Ok(Signed { merchant, version });
    }
    // The secret may have been rotated by another process since the entry was cached.
    let fresh = state
        .merchants
        .refresh(&state.db, &state.key, account_id)
        .await?
        .ok_or(AppError::UnknownAccount)?;
    if !Arc::ptr_eq(&fresh, &merchant) {
        merchant = fresh;
        if let Some(version) = verify(&merchant, fields, provided, now) {
            return Ok(Signed { merchant, version });
        }
    }
    let diagnosis = diagnose(&merchant, fields, raw, provided, now);
    let rejection = Rejection {
        diagnosis: diagnosis.code().to_string(),
        path: req.uri().path().to_string(),
        fields: fields.iter().map(|(n, _)| n).collect::<Vec<_>>().join(","),
        ip: client_ip(state, req),
        at: now,
    };
    if let Err(e) = rejections::record(&state.db, &merchant.account_id, &rejection).await {
        tracing::error!(
            error = format!("{e:#}"),
            "recording a signature rejection failed"
        );
    }
    tracing::info!(diagnosis = diagnosis.code(), "signature refused");
    Err(AppError::Signature(Some(diagnosis)))
}

fn verify(merchant: &Verified, fields: &Fields, provided: &str, now: i64) -> Option<i64> {
    // At most two secrets; kept on the stack, as this runs for every signed request.
    let mut keys = [&merchant.current; 2];
    let mut n = 1;
    if let Some((previous, expires)) = &merchant.previous
        && *expires > now
    {
        keys[1] = previous;
        n = 2;
    }
    let secrets = keys.map(|k| k.secret.expose_secret().as_slice());
    signature::verify_any(fields.iter(), &secrets[..n], provided).map(|i| keys[i].version)
}

fn diagnose(
    merchant: &Verified,
    fields: &Fields,
    raw: &[u8],
    provided: &str,
    now: i64,
) -> Diagnosis {
    let secrets: Vec<&[u8]> = merchant
        .keys_at(now)
        .map(|k| k.secret.expose_secret().as_slice())
        .collect();
    let expired: Vec<&[u8]> = merchant
        .previous
        .iter()
        .filter(|(_, expires)| *expires <= now)
        .map(|(k, _)| k.secret.expose_secret().as_slice())
        .collect();
    doctor::diagnose(
        &Sent {
            fields,
            raw,
            provided,
        },
        &secrets,
        &expired,
    )
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

/// Reads a form body within the size and time limits and parses it strictly; returns the
/// bytes read.
pub async fn read_form(req: &Request, body: Body, into: &mut Fields) -> Result<Vec<u8>, AppError> {
    read_form_with(req, body, into, Limits::default()).await
}

/// [`read_form`] under `limits` (a form with a list of checkboxes).
pub async fn read_form_with(
    req: &Request,
    body: Body,
    into: &mut Fields,
    limits: Limits,
) -> Result<Vec<u8>, AppError> {
    if let Some(ct) = req.header("content-type") {
        let mime = ct.split(';').next().unwrap_or("").trim();
        if !mime.eq_ignore_ascii_case("application/x-www-form-urlencoded") {
            return Err(AppError::Unsupported);
        }
    }
    let bytes = read_body(req, body).await?;
    into.parse_into(&bytes, limits)?;
    Ok(bytes)
}

/// The browser's own view of where a form submission came from (T10): refused when it says
/// another site, or when `Origin` names another host than the one the request was sent to.
pub fn same_origin(req: &Request) -> Result<(), AppError> {
    if req.header("sec-fetch-site") == Some("cross-site") {
        return Err(AppError::Forbidden(
            "the form was submitted from another site",
        ));
    }
    if let Some(origin) = req.header("origin").filter(|o| *o != "null") {
        let origin_host = origin.split_once("://").map(|(_, h)| h).unwrap_or(origin);
        if Some(origin_host) != req.header("host") {
            return Err(AppError::Forbidden(
                "the form was submitted from another origin",
            ));
        }
    }
    Ok(())
}

/// The dashboard's stricter check: a browser that says where the form came from must say our
/// own origin (`Sec-Fetch-Site: same-origin`, or `none` for a typed URL), and an `Origin`
/// header must name our host, `null` included (a page on another port or a sibling subdomain
/// is same-*site*, and can make its own requests carry `Origin: null`). The login and setup
/// forms have no session to tie a token to; this is what stops a login CSRF.
pub fn same_origin_only(req: &Request) -> Result<(), AppError> {
    if let Some(site) = req.header("sec-fetch-site")
        && site != "same-origin"
        && site != "none"
    {
        return Err(AppError::Forbidden(
            "the form was submitted from another origin",
        ));
    }
    if let Some(origin) = req.header("origin") {
        let origin_host = origin.split_once("://").map(|(_, h)| h);
        if origin_host.is_none() || origin_host != req.header("host") {
            return Err(AppError::Forbidden(
                "the form was submitted from another origin",
            ));
        }
    }
    Ok(())
}

/// The synchronizer-token check: `given` must be `expected`, compared in constant time.
pub fn check_token(expected: &str, given: Option<&str>) -> Result<(), AppError> {
    use subtle::ConstantTimeEq;
    let given = given.unwrap_or("");
    if expected.is_empty() || !bool::from(given.as_bytes().ct_eq(expected.as_bytes())) {
        return Err(AppError::Forbidden("the form token is missing or wrong"));
    }
    Ok(())
}
