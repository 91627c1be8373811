//! HTTP only: the route table, the security headers every response carries (error pages
//! included), and the access log. Handlers parse (with [`input`]), call a flow, the domain or
//! the store, and render (with [`html`] and [`errors`]).

pub mod api;
pub mod api_docs;
pub mod checkout;
pub mod dashboard;
pub mod embed;
pub mod errors;
pub mod html;
pub mod input;
pub mod orders;
pub mod pay;
pub mod public;

use crate::descriptor;
use crate::error::AppError;
use crate::i18n;
use crate::state::AppState;
use poem::http::{HeaderValue, StatusCode, header};
use poem::web::Data;
use poem::{Endpoint, EndpointExt, IntoResponse, Request, Response, Route, get, handler};
use std::time::Instant;

pub fn router(state: AppState) -> impl Endpoint<Output = Response> {
    Route::new()
        .at("/", get(public::index))
        .at(descriptor::DESCRIPTOR_PATH, get(public::descriptor_json))
        .at(
            descriptor::SIGNATURE_VECTORS_PATH,
            get(public::signature_vectors),
        )
        .at(descriptor::MONEY_VECTORS_PATH, get(public::money_vectors))
        .at("/healthz", get(healthz))
        .at("/assets/style.css", get(stylesheet))
        .at("/assets/embed.js", get(embed::script))
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
        .nest("/dashboard", dashboard::routes())
        .at("/v1/openapi.json", get(api_document))
        .at("/docs/api", get(api_docs::page))
        .nest("/v1", api::endpoint(&state))
        .data(state)
        .around(|ep, req| async move { Ok(secure_and_log(ep, req).await) })
}

/// Adds the security headers to every response and writes one access-log line (method, path
/// without the query, status, time): never a body, query string or cookie.
async fn secure_and_log<E: Endpoint>(ep: E, req: Request) -> Response {
    let started = Instant::now();
    let method = req.method().clone();
    let path = req.uri().path().to_string();
    let json = errors::wants_json(&req);
    let mut resp = ep.get_response(req).await;
    // poem's own 404 (no route) is plain text; ours are pages or JSON already.
    let ours = |ct: &str| ct.starts_with("text/html") || ct.starts_with("application/json");
    if resp.status() == StatusCode::NOT_FOUND && !resp.content_type().is_some_and(ours) {
        resp = errors::page_or_json(AppError::NotFound, json, &i18n::EN);
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
    // The dashboard's own forms must carry a real Origin (under `no-referrer` browsers send
    // `Origin: null`, which a same-site attacker can send too), so its pages keep the referrer
    // within our origin; every other page sends none (payment page addresses stay private).
    let referrer_policy = if path.starts_with("/dashboard") {
        "same-origin"
    } else {
        "no-referrer"
    };
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static(referrer_policy),
    );
    // Only an embedded payment page names frame ancestors (protocol.md section 13); every
    // other answer refuses frames in both ways browsers understand.
    let framable = h
        .get(header::CONTENT_SECURITY_POLICY)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|csp| !csp.contains("frame-ancestors 'none'"));
    if !framable {
        h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    }
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

/// The OpenAPI document, generated from the API's handlers and types.
#[handler]
fn api_document(Data(state): Data<&AppState>) -> Response {
    static SPEC: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    SPEC.get_or_init(|| api::document(&state.settings.public_url))
        .clone()
        .with_content_type("application/json; charset=utf-8")
        .into_response()
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
