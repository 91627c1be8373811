//! The errors that reach HTTP, mapped to a status, a stable code and a message in one place.
//! Browsers get an HTML page, clients that ask for JSON get `{"error": {...}}`. Nothing a
//! client sent is ever echoed as markup: the page escapes it, and 5xx bodies are generic while
//! the cause goes to the log.

use crate::domain::form::FormError;
use crate::domain::request::FieldError;
use crate::i18n::Catalogue;
use crate::routes::html::{ErrorPage, render};
use poem::http::StatusCode;
use poem::{Request, Response};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("malformed request: {detail}")]
    Malformed {
        detail: String,
        field: Option<String>,
    },
    #[error("signature invalid")]
    Signature,
    #[error("unknown account")]
    UnknownAccount,
    #[error("not found")]
    NotFound,
    #[error("conflict: {0}")]
    Conflict(String),
    #[error("too large: {0}")]
    TooLarge(String),
    #[error("request timed out")]
    Timeout,
    #[error("unsupported media type")]
    Unsupported,
    #[error("invalid {field}: {detail}")]
    Invalid { field: String, detail: String },
    #[error("forbidden: {0}")]
    Forbidden(&'static str),
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

impl From<FormError> for AppError {
    fn from(e: FormError) -> Self {
        match e {
            FormError::TooLong(ref field, _) => AppError::TooLarge(if field.is_empty() {
                e.to_string()
            } else {
                format!("the value of {field} is longer than 2048 bytes")
            }),
            FormError::Duplicate(ref field) => AppError::Malformed {
                field: Some(field.clone()),
                detail: e.to_string(),
            },
            other => AppError::Malformed {
                detail: other.to_string(),
                field: None,
            },
        }
    }
}

impl From<FieldError> for AppError {
    fn from(e: FieldError) -> Self {
        match e {
            FieldError::Missing(field) => AppError::Malformed {
                detail: e.to_string(),
                field: Some(field.to_string()),
            },
            FieldError::Invalid { field, reason } => AppError::Invalid {
                detail: format!("{field} {reason}"),
                field,
            },
        }
    }
}

impl AppError {
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::Malformed { .. } => StatusCode::BAD_REQUEST,
            AppError::Signature => StatusCode::UNAUTHORIZED,
            AppError::UnknownAccount | AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Timeout => StatusCode::REQUEST_TIMEOUT,
            AppError::Unsupported => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            AppError::Invalid { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::Unexpected(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// A stable, documented code for clients.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::Malformed { .. } => "malformed_request",
            AppError::Signature => "invalid_signature",
            AppError::UnknownAccount => "unknown_account",
            AppError::NotFound => "not_found",
            AppError::Conflict(_) => "conflict",
            AppError::TooLarge(_) => "too_large",
            AppError::Timeout => "timeout",
            AppError::Unsupported => "unsupported_media_type",
            AppError::Invalid { .. } => "invalid_field",
            AppError::Forbidden(_) => "forbidden",
            AppError::Unexpected(_) => "internal_error",
        }
    }

    fn message(&self, t: &Catalogue) -> &'static str {
        match self {
            AppError::Malformed { .. } => t.error_malformed,
            AppError::Signature => t.error_signature,
            AppError::UnknownAccount => t.error_unknown_account,
            AppError::NotFound => t.error_not_found,
            AppError::Conflict(_) => t.error_conflict,
            AppError::TooLarge(_) => t.error_too_large,
            AppError::Timeout => t.error_timeout,
            AppError::Unsupported => t.error_unsupported,
            AppError::Invalid { .. } => t.error_invalid,
            AppError::Forbidden(_) => t.error_forbidden,
            AppError::Unexpected(_) => t.error_unexpected,
        }
    }

    fn field(&self) -> Option<&str> {
        match self {
            AppError::Malformed { field, .. } => field.as_deref(),
            AppError::Invalid { field, .. } => Some(field),
            _ => None,
        }
    }

    /// Technical detail for the storefront's developer; never includes a submitted value.
    fn detail(&self) -> Option<String> {
        match self {
            AppError::Malformed { detail, .. } | AppError::Invalid { detail, .. } => {
                Some(detail.clone())
            }
            AppError::Conflict(d) | AppError::TooLarge(d) => Some(d.clone()),
            AppError::Forbidden(d) => Some(d.to_string()),
            _ => None,
        }
    }

    /// The response, as HTML or JSON.
    pub fn into_response(self, json: bool, t: &Catalogue) -> Response {
        if let AppError::Unexpected(e) = &self {
            tracing::error!(error = format!("{e:#}"), "request failed");
        }
        let status = self.status();
        if json {
            let body = serde_json::json!({
                "error": {
                    "code": self.code(),
                    "message": self.message(t),
                    "field": self.field(),
                    "detail": self.detail(),
                }
            });
            return Response::builder()
                .status(status)
                .content_type("application/json")
                .body(body.to_string());
        }
        let page = ErrorPage {
            t,
            test: false,
            code: self.code(),
            message: self.message(t),
            field: self.field(),
            detail: self.detail(),
        };
        render(status, &page)
    }
}

/// Whether the client asked for JSON rather than a page.
pub fn wants_json(req: &Request) -> bool {
    let accept = req.header("accept").unwrap_or("");
    accept.contains("application/json") && !accept.contains("text/html")
}
