//! The errors that reach HTTP, each mapped in one place to a status, a stable code, the
//! catalogue's message, the field at fault and a technical detail that never repeats a
//! submitted value. Rendering them (a page, JSON, an order-management answer) is the HTTP
//! layer's, in `routes::errors`.

use crate::domain::doctor::Diagnosis;
use crate::domain::form::FormError;
use crate::domain::request::FieldError;
use crate::i18n::Locale;
use poem::http::StatusCode;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("malformed request: {detail}")]
    Malformed {
        detail: String,
        field: Option<String>,
    },
    /// No signature, or one that does not verify; with the signature doctor's diagnosis when
    /// the request names a real merchant.
    #[error("signature invalid")]
    Signature(Option<Diagnosis>),
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
    /// A rate limit refused the request; the client may retry after this many seconds.
    #[error("too many requests: retry after {0} s")]
    RateLimited(u64),
    /// The request was not answered within `GATEWAY_REQUEST_TIMEOUT`.
    #[error("the request took too long to answer")]
    DeadlineExceeded,
    #[error("unsupported media type")]
    Unsupported,
    #[error("invalid {field}: {detail}")]
    Invalid { field: String, detail: String },
    #[error("forbidden: {0}")]
    Forbidden(&'static str),
    /// `x_test=false` where no live payment can be made: the merchant is not enabled for live
    /// payments, or no live processor is configured (today there is none).
    #[error("live mode unavailable: {0}")]
    LiveModeUnavailable(&'static str),
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
            AppError::Signature(_) => StatusCode::UNAUTHORIZED,
            AppError::UnknownAccount | AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Timeout => StatusCode::REQUEST_TIMEOUT,
            AppError::RateLimited(_) => StatusCode::TOO_MANY_REQUESTS,
            AppError::DeadlineExceeded => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Unsupported => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            AppError::Invalid { .. } | AppError::LiveModeUnavailable(_) => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::Unexpected(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// A stable, documented code for clients.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::Malformed { .. } => "malformed_request",
            AppError::Signature(_) => "invalid_signature",
            AppError::UnknownAccount => "unknown_account",
            AppError::NotFound => "not_found",
            AppError::Conflict(_) => "conflict",
            AppError::TooLarge(_) => "too_large",
            AppError::Timeout => "timeout",
            AppError::RateLimited(_) => "rate_limited",
            AppError::DeadlineExceeded => "deadline_exceeded",
            AppError::Unsupported => "unsupported_media_type",
            AppError::Invalid { .. } => "invalid_field",
            AppError::LiveModeUnavailable(_) => "live_mode_unavailable",
            AppError::Forbidden(_) => "forbidden",
            AppError::Unexpected(_) => "internal_error",
        }
    }

    /// The message for the shopper or developer, in the page's language.
    pub fn message(&self, t: &Locale) -> std::borrow::Cow<'static, str> {
        t.msg(match self {
            AppError::Malformed { .. } => "error-malformed",
            AppError::Signature(_) => "error-signature",
            AppError::UnknownAccount => "error-unknown-account",
            AppError::NotFound => "error-not-found",
            AppError::Conflict(_) => "error-conflict",
            AppError::TooLarge(_) => "error-too-large",
            AppError::Timeout => "error-timeout",
            AppError::RateLimited(_) => "error-rate-limited",
            AppError::DeadlineExceeded => "error-deadline",
            AppError::Unsupported => "error-unsupported",
            AppError::Invalid { .. } => "error-invalid",
            AppError::Forbidden(_) => "error-forbidden",
            AppError::LiveModeUnavailable(_) => "error-live-mode",
            AppError::Unexpected(_) => "error-unexpected",
        })
    }

    /// The field at fault, if one is.
    pub fn field(&self) -> Option<&str> {
        match self {
            AppError::Malformed { field, .. } => field.as_deref(),
            AppError::Invalid { field, .. } => Some(field),
            AppError::LiveModeUnavailable(_) => Some("x_test"),
            _ => None,
        }
    }

    /// Technical detail for the storefront's developer; never includes a submitted value.
    pub fn detail(&self) -> Option<String> {
        match self {
            AppError::Malformed { detail, .. } | AppError::Invalid { detail, .. } => {
                Some(detail.clone())
            }
            AppError::Conflict(d) | AppError::TooLarge(d) => Some(d.clone()),
            AppError::Forbidden(d) | AppError::LiveModeUnavailable(d) => Some(d.to_string()),
            AppError::Signature(Some(d)) => Some(format!("{}: {}", d.code(), d.hint())),
            AppError::RateLimited(s) => Some(format!("retry after {s} s")),
            _ => None,
        }
    }

    /// The seconds a refused client should wait, for `Retry-After`.
    pub fn retry_after(&self) -> Option<u64> {
        match self {
            AppError::RateLimited(s) => Some(*s),
            _ => None,
        }
    }

    /// The signature doctor's diagnosis, for a signature that did not verify.
    pub fn diagnosis(&self) -> Option<Diagnosis> {
        match self {
            AppError::Signature(d) => *d,
            _ => None,
        }
    }
}
