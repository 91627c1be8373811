//! The sessions API's error shape (protocol.md section 11): `{"error": {"type", "code",
//! "message", "param"}}`, with `type` by status. Every failure answers it: a handler's
//! [`AppError`], a refusal of the guard (key, rate, idempotency), and poem's own (a body that
//! is not JSON, a missing parameter, an unknown route).

use crate::error::AppError;
use poem::http::StatusCode;
use poem::{IntoResponse, Response};
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, Object};

/// The failure.
#[derive(Debug, Clone, Object)]
pub struct ErrorDetail {
    /// `invalid_request_error`, `authentication_error`, `not_found`, `state_error`,
    /// `idempotency_error`, `rate_limit_error` or `api_error`.
    #[oai(rename = "type")]
    pub kind: String,
    /// A stable code for programs, like `parameter_invalid`.
    pub code: String,
    /// What went wrong and how to fix it, for people.
    pub message: String,
    /// The parameter at fault, if one is.
    #[oai(nullable)]
    pub param: Option<String>,
}

/// Every error answer.
#[derive(Debug, Clone, Object)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

/// The error answers every operation may give.
#[derive(Debug, ApiResponse)]
pub enum ApiError {
    /// Malformed: not JSON, a wrong type, a missing parameter.
    #[oai(status = 400)]
    BadRequest(Json<ErrorBody>),
    /// No API key, or one that is unknown or revoked.
    #[oai(status = 401)]
    Unauthorized(Json<ErrorBody>),
    /// No such object for this key.
    #[oai(status = 404)]
    NotFound(Json<ErrorBody>),
    /// The object's state does not allow it.
    #[oai(status = 409)]
    Conflict(Json<ErrorBody>),
    /// A value that is well formed but not allowed, or an `Idempotency-Key` reused for another
    /// request.
    #[oai(status = 422)]
    Unprocessable(Json<ErrorBody>),
    /// Too many requests for this key; try again after `Retry-After` seconds.
    #[oai(status = 429)]
    TooManyRequests(Json<ErrorBody>, #[oai(header = "Retry-After")] u64),
    /// Our fault; safe to retry with the same `Idempotency-Key`.
    #[oai(status = 500)]
    Internal(Json<ErrorBody>),
    /// Not answered within the gateway's request deadline; retry with the same
    /// `Idempotency-Key` (a POST's first run may have finished meanwhile).
    #[oai(status = 503)]
    Unavailable(Json<ErrorBody>),
}

fn body(
    kind: &str,
    code: &str,
    message: impl Into<String>,
    param: Option<String>,
) -> Json<ErrorBody> {
    Json(ErrorBody {
        error: ErrorDetail {
            kind: kind.into(),
            code: code.into(),
            message: message.into(),
            param,
        },
    })
}

impl ApiError {
    pub fn invalid(code: &str, message: impl Into<String>, param: Option<&str>) -> Self {
        ApiError::BadRequest(body(
            "invalid_request_error",
            code,
            message,
            param.map(str::to_string),
        ))
    }

    pub fn unauthorized(message: &str) -> Self {
        ApiError::Unauthorized(body(
            "authentication_error",
            "invalid_api_key",
            message,
            None,
        ))
    }

    pub fn not_found(what: &str) -> Self {
        ApiError::NotFound(body(
            "not_found",
            "resource_missing",
            format!("no such {what} for this API key"),
            None,
        ))
    }

    pub fn idempotency(status: StatusCode, code: &str, message: &str) -> Self {
        let b = body(
            "idempotency_error",
            code,
            message,
            Some("Idempotency-Key".into()),
        );
        if status == StatusCode::CONFLICT {
            ApiError::Conflict(b)
        } else {
            ApiError::Unprocessable(b)
        }
    }

    pub fn rate_limited(retry_after: u64) -> Self {
        ApiError::TooManyRequests(
            body(
                "rate_limit_error",
                "rate_limited",
                "too many requests for this API key; slow down and retry after Retry-After seconds",
                None,
            ),
            retry_after,
        )
    }

    pub fn deadline() -> Self {
        ApiError::Unavailable(body(
            "api_error",
            "deadline_exceeded",
            "the request took too long to answer; retry with the same Idempotency-Key",
            None,
        ))
    }

    pub fn internal() -> Self {
        ApiError::Internal(body(
            "api_error",
            "internal_error",
            "something went wrong on our side; retry with the same Idempotency-Key",
            None,
        ))
    }
}

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        match e {
            AppError::Malformed { detail, field } => ApiError::BadRequest(body(
                "invalid_request_error",
                "parameter_missing",
                detail,
                field,
            )),
            AppError::Invalid { field, detail } if field == "Idempotency-Key" => {
                ApiError::idempotency(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "idempotency_key_reused",
                    &detail,
                )
            }
            AppError::Invalid { field, detail } => ApiError::Unprocessable(body(
                "invalid_request_error",
                "parameter_invalid",
                detail,
                Some(field),
            )),
            AppError::LiveModeUnavailable(why) => ApiError::Unprocessable(body(
                "invalid_request_error",
                "live_mode_unavailable",
                format!("live payments are not available: {why}; use a test key (sk_test_)"),
                None,
            )),
            AppError::NotFound | AppError::UnknownAccount => ApiError::not_found("object"),
            AppError::Conflict(why) => {
                ApiError::Conflict(body("state_error", "state_conflict", why, None))
            }
            AppError::TooLarge(why) => ApiError::invalid("payload_too_large", why, None),
            AppError::Unsupported => ApiError::invalid(
                "unsupported_media_type",
                "send the body as application/json",
                None,
            ),
            AppError::Timeout => {
                ApiError::invalid("timeout", "the request body came too slowly", None)
            }
            AppError::RateLimited(seconds) => ApiError::rate_limited(seconds),
            AppError::DeadlineExceeded => ApiError::deadline(),
            AppError::Signature(_) | AppError::Forbidden(_) => {
                ApiError::unauthorized("this API key may not do that")
            }
            AppError::Unexpected(e) => {
                tracing::error!(error = format!("{e:#}"), "API request failed");
                ApiError::internal()
            }
        }
    }
}

/// Any error poem raised before or instead of a handler, as our shape: a parse error of the
/// body or a parameter (400, with poem-openapi's message naming what was wrong, and the
/// parameter when it names one), no such route (404), a wrong method (405).
pub fn from_poem(e: poem::Error) -> Response {
    if e.is_from_response() {
        return e.into_response();
    }
    let status = e.status();
    let message = e.to_string();
    let answer = match status {
        StatusCode::NOT_FOUND => ApiError::NotFound(body(
            "not_found",
            "unknown_route",
            "no such operation; see /v1/openapi.json",
            None,
        )),
        StatusCode::METHOD_NOT_ALLOWED => {
            let mut resp = ApiError::invalid(
                "method_not_allowed",
                "this path does not take that method; see /v1/openapi.json",
                None,
            )
            .into_response();
            resp.set_status(StatusCode::METHOD_NOT_ALLOWED);
            return resp;
        }
        StatusCode::UNAUTHORIZED => {
            ApiError::unauthorized("send your API key as Authorization: Bearer sk_test_…")
        }
        s if s.is_server_error() => ApiError::internal(),
        _ => {
            let param = named_param(&message);
            ApiError::invalid("parameter_invalid", message.clone(), param.as_deref())
        }
    };
    answer.into_response()
}

/// The parameter a poem-openapi parse error names: "parameter `limit`", "unknown field
/// `amout`", "field `amount`".
fn named_param(message: &str) -> Option<String> {
    for marker in ["parameter `", "field `"] {
        if let Some(start) = message.find(marker).map(|i| i + marker.len())
            && let Some(len) = message[start..].find('`')
        {
            return Some(message[start..start + len].to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::named_param;

    #[test]
    fn parse_errors_name_their_parameter() {
        assert_eq!(
            named_param("failed to parse parameter `limit`: verification failed").as_deref(),
            Some("limit")
        );
        assert_eq!(
            named_param("failed to parse \"CreateSession\": unknown field `amout`.").as_deref(),
            Some("amout")
        );
        assert_eq!(named_param("Expected input type \"integer\""), None);
    }
}
