//! `GET /overdue` (the board) and `GET /report` (the HTML report).

use axum::extract::{Query, State};
use axum::response::Response;

use super::{Desk, error_page};
use crate::server::api::ApiError;
use crate::server::state::Shared;

pub async fn overdue(State(_state): State<Shared>, desk: Desk, Query(_q): Query<Vec<(String, String)>>) -> Response {
    error_page(&desk.chrome, ApiError::new(axum::http::StatusCode::NOT_FOUND, "not_found", "not yet", None))
}

pub async fn report(State(_state): State<Shared>, desk: Desk, Query(_q): Query<Vec<(String, String)>>) -> Response {
    error_page(&desk.chrome, ApiError::new(axum::http::StatusCode::NOT_FOUND, "not_found", "not yet", None))
}
