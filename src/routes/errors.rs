//! Rendering errors, the one place an [`AppError`] becomes a response: an HTML page for
//! browsers, `{"error": {...}}` for clients that ask for JSON, and the order-management answer
//! `{"x_result": "failed", ...}`. Nothing a client sent is ever echoed as markup (the page
//! escapes it), and 5xx bodies are generic while the cause goes to the log.

use super::html::{ErrorPage, render};
use crate::domain::operations::OperationKind;
use crate::error::AppError;
use crate::i18n::Locale;
use poem::http::StatusCode;
use poem::{Request, Response};

/// Whether the client asked for JSON rather than a page.
pub fn wants_json(req: &Request) -> bool {
    let accept = req.header("accept").unwrap_or("");
    accept.contains("application/json") && !accept.contains("text/html")
}

fn log_unexpected(e: &AppError, what: &str) {
    if let AppError::Unexpected(cause) = e {
        tracing::error!(error = format!("{cause:#}"), "{what}");
    }
}

/// A JSON response.
pub fn json(status: StatusCode, body: String) -> Response {
    Response::builder()
        .status(status)
        .content_type("application/json")
        .body(body)
}

/// The JSON `detail`: the signature doctor's `{"diagnosis", "hint"}` (protocol section 10),
/// or the technical detail as text.
fn detail(e: &AppError) -> serde_json::Value {
    match e.diagnosis() {
        Some(d) => serde_json::json!({"diagnosis": d.code(), "hint": d.hint()}),
        None => e.detail().into(),
    }
}

/// The error as a page, or as JSON when `json`.
pub fn page_or_json(e: AppError, json: bool, t: &Locale) -> Response {
    let retry = e.retry_after();
    with_retry_after(page_or_json_of(e, json, t), retry)
}

/// `resp` with `Retry-After` when a rate limit refused the request.
fn with_retry_after(mut resp: Response, seconds: Option<u64>) -> Response {
    if let Some(s) = seconds {
        resp.headers_mut()
            .insert(poem::http::header::RETRY_AFTER, s.into());
    }
    resp
}

fn page_or_json_of(e: AppError, json: bool, t: &Locale) -> Response {
    log_unexpected(&e, "request failed");
    let status = e.status();
    if json {
        let body = serde_json::json!({
            "error": {
                "code": e.code(),
                "message": e.message(t),
                "field": e.field(),
                "detail": detail(&e),
            }
        });
        return self::json(status, body.to_string());
    }
    let message = e.message(t);
    let page = ErrorPage {
        t,
        test: false,
        code: e.code(),
        message: &message,
        field: e.field(),
        detail: e.detail(),
        request_id: super::request_id(),
    };
    render(status, &page)
}

/// The error as an order-management answer: `failed`, with a message for the storefront's
/// developer and the stable code.
pub fn order_failure(e: AppError, kind: OperationKind) -> Response {
    log_unexpected(&e, "order management failed");
    let message = match &e {
        AppError::Unexpected(_) => {
            "Something went wrong on our side; nothing was changed. Try again.".to_string()
        }
        AppError::Signature(_) => "The signature is not valid.".to_string(),
        AppError::UnknownAccount => "The account is not known to this gateway.".to_string(),
        AppError::NotFound => {
            "No payment of this account has this x_gateway_reference.".to_string()
        }
        other => other.to_string(),
    };
    tracing::info!(
        code = e.code(),
        operation = kind.as_str(),
        "order management refused"
    );
    let body = serde_json::json!({
        "x_result": "failed",
        "x_message": message,
        "x_transaction_type": kind.as_str(),
        "code": e.code(),
        "detail": detail(&e),
    });
    with_retry_after(json(e.status(), body.to_string()), e.retry_after())
}
