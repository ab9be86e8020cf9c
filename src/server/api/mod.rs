//! `/api/v1`: JSON with the names of the command line's `--json` output
//! and `new --from-file` input. [`ROUTES`] is the one list of endpoints:
//! the router is built from it and the test checks the OpenAPI description
//! (`openapi.json`) against it.

pub mod boards;
mod error;
pub mod queue;
pub(crate) mod tickets;

use axum::Json;
use axum::response::IntoResponse;
use axum::routing::{MethodRouter, get, post};

pub use error::ApiError;

use super::auth::Signed;
use super::state::Shared;

/// One endpoint: method and path (axum's `{param}` syntax, as OpenAPI's).
pub struct Route {
    pub method: &'static str,
    pub path: &'static str,
}

pub const ROUTES: &[Route] = &[
    Route { method: "GET", path: "/api/v1/session" },
    Route { method: "GET", path: "/api/v1/tickets" },
    Route { method: "POST", path: "/api/v1/tickets" },
    Route { method: "GET", path: "/api/v1/tickets/{id}" },
    Route { method: "POST", path: "/api/v1/tickets/{id}/{command}" },
    Route { method: "GET", path: "/api/v1/overdue" },
    Route { method: "GET", path: "/api/v1/report" },
    Route { method: "GET", path: "/api/v1/openapi.json" },
];

/// The OpenAPI 3 description of [`ROUTES`].
pub const OPENAPI: &str = include_str!("openapi.json");

fn endpoint(route: &Route) -> MethodRouter<Shared> {
    match (route.method, route.path) {
        ("GET", "/api/v1/session") => get(session),
        ("GET", "/api/v1/tickets") => get(tickets::list),
        ("POST", "/api/v1/tickets") => post(tickets::create),
        ("GET", "/api/v1/tickets/{id}") => get(tickets::show),
        ("POST", "/api/v1/tickets/{id}/{command}") => post(tickets::command),
        ("GET", "/api/v1/overdue") => get(boards::overdue),
        ("GET", "/api/v1/report") => get(boards::report_doc),
        ("GET", "/api/v1/openapi.json") => get(openapi),
        (method, path) => unreachable!("no handler for {method} {path}"),
    }
}

pub fn router() -> axum::Router<Shared> {
    ROUTES.iter().fold(axum::Router::new(), |router, route| router.route(route.path, endpoint(route)))
}

/// Who is signed in, and the CSRF token a cookie session sends with writes.
async fn session(signed: Signed) -> Json<serde_json::Value> {
    let csrf = match &signed.via {
        super::auth::Via::Cookie { csrf } => Some(csrf.clone()),
        super::auth::Via::Bearer => None,
    };
    Json(serde_json::json!({ "name": signed.name, "role": signed.role.as_str(), "csrf": csrf }))
}

async fn openapi() -> impl IntoResponse {
    ([(axum::http::header::CONTENT_TYPE, "application/json")], OPENAPI)
}

/// Any path no route takes.
pub async fn not_found() -> ApiError {
    ApiError::new(axum::http::StatusCode::NOT_FOUND, "not_found", "no such page or endpoint", None)
}
