//! Errors as the API answers them: `{"error": {"kind", "message", "hint"}}`
//! with the core's message and hint and the status of
//! `ErrorKind::http_status`, plus the server's own (401, 403, 413, 429).

use axum::Json;
use axum::extract::rejection::BytesRejection;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::error::Error;

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub kind: &'static str,
    pub message: String,
    pub hint: Option<String>,
}

impl ApiError {
    pub fn new(status: StatusCode, kind: &'static str, message: impl Into<String>, hint: Option<&str>) -> ApiError {
        ApiError { status, kind, message: message.into(), hint: hint.map(str::to_string) }
    }

    pub fn unauthorized() -> ApiError {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "not signed in",
            Some("sign in at POST /login, or send Authorization: Bearer TOKEN (complaint user add NAME --token)"),
        )
    }

    pub fn forbidden(message: &str) -> ApiError {
        ApiError::new(StatusCode::FORBIDDEN, "forbidden", message, None)
    }

    pub fn throttled() -> ApiError {
        ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "throttled",
            "too many failed sign-ins",
            Some("wait 15 minutes, or ask an administrator: complaint user reset NAME"),
        )
    }

    pub fn unknown_command(name: &str) -> ApiError {
        let known: Vec<&str> = crate::ops::COMMANDS.iter().map(|c| c.name).collect();
        let hint = format!("the commands are: {}", known.join(", "));
        ApiError::new(StatusCode::NOT_FOUND, "not_found", format!("no command “{name}”"), Some(&hint))
    }

    /// A body that could not be read: too large (413) or broken.
    pub fn body(rejection: BytesRejection) -> ApiError {
        let status = rejection.status();
        let kind = if status == StatusCode::PAYLOAD_TOO_LARGE { "too_large" } else { "bad_input" };
        ApiError::new(status, kind, rejection.body_text(), Some("[limits] max_request_bytes caps a request body"))
    }

    pub fn malformed_json(e: &serde_json::Error) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, "bad_input", format!("the body is not JSON: {e}"), None)
    }
}

impl From<Error> for ApiError {
    fn from(e: Error) -> ApiError {
        let status = StatusCode::from_u16(e.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        ApiError { status, kind: e.kind().name(), message: e.to_string(), hint: e.hint() }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({
            "error": { "kind": self.kind, "message": self.message, "hint": self.hint }
        });
        (self.status, Json(body)).into_response()
    }
}
