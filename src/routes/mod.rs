//! HTTP only: the route table, the security headers every response carries (error pages
//! included), the access log, and small request helpers. Handlers parse, call the domain and the
//! store, and render.

pub mod checkout;
pub mod errors;
pub mod html;
pub mod orders;
pub mod pay;

use crate::domain::form::{Fields, Limits};
use crate::error::AppError;
use crate::i18n;
use crate::state::AppState;
use poem::http::{HeaderValue, StatusCode, header};
use poem::{Body, Endpoint, EndpointExt, IntoResponse, Request, Response, Route, get, handler};
use std::time::{Duration, Instant};

/// Largest request body we read.
pub const MAX_BODY_BYTES: usize = 64 * 1024;
/// How long a client may take to send its body (slow-client defence, T8).
pub const BODY_TIMEOUT: Duration = Duration::from_secs(10);

pub fn router(state: AppState) -> impl Endpoint<Output = Response> {
    Route::new()
        .at("/", get(index))
        .at("/healthz", get(healthz))
        .at("/assets/style.css", get(stylesheet))
        .at("/favicon.ico", get(favicon))
        .at(
            "/checkout",
            get(checkout::checkout).post(checkout::checkout),
        )
        .at("/pay/:id", get(pay::show).post(pay::submit))
        .at("/pay/:id/challenge", poem::post(pay::challenge))
        .at("/pay/:id/cancel", get(pay::cancel))
        .at("/capture", poem::post(orders::capture))
        .at("/refund", poem::post(orders::refund))
        .at("/void", poem::post(orders::void))
        .data(state)
        .around(|ep, req| async move { Ok(secure_and_log(ep, req).await) })
}

/// Adds the security headers to every response and writes one access-log line (method, path
/// without the query, status, time): never a body, query string or cookie.
async fn secure_and_log<E: Endpoint>(ep: E, req: Request) -> Response {
    let started = Instant::now();
    let method = req.method().clone();
    let path = req.uri().path().to_string();
    let mut resp = ep.get_response(req).await;
    if resp.status() == StatusCode::NOT_FOUND && resp.content_type().is_none() {
        resp = errors::page_or_json(AppError::NotFound, false, &i18n::EN);
    }
    let h = resp.headers_mut();
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        static DEFAULT_CSP: std::sync::LazyLock<HeaderValue> = std::sync::LazyLock::new(|| {
            HeaderValue::from_str(&html::csp(None)).expect("the CSP is ASCII")
        });
        h.insert(header::CONTENT_SECURITY_POLICY, DEFAULT_CSP.clone());
    }
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    tracing::info!(
        %method,
        path,
        status = resp.status().as_u16(),
        ms = started.elapsed().as_secs_f64() * 1000.0,
        "request"
    );
    resp
}

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

#[handler]
fn index() -> Response {
    html::render(
        StatusCode::OK,
        &html::IndexPage {
            t: &i18n::EN,
            test: false,
        },
    )
}

#[handler]
fn healthz() -> &'static str {
    "ok"
}

#[handler]
fn stylesheet() -> Response {
    include_str!("../../templates/style.css")
        .with_content_type("text/css; charset=utf-8")
        .with_header(header::CACHE_CONTROL, "public, max-age=3600")
        .into_response()
}

/// No icon: an empty answer keeps browsers from logging a 404 on every page.
#[handler]
fn favicon() -> Response {
    Response::builder()
        .status(StatusCode::NO_CONTENT)
        .header(header::CACHE_CONTROL, "public, max-age=86400")
        .finish()
}

/// 303 See Other to `location`.
pub fn see_other(location: impl AsRef<str>) -> Response {
    Response::builder()
        .status(StatusCode::SEE_OTHER)
        .header(header::LOCATION, location.as_ref())
        .finish()
}
