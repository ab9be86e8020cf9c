//! The web desk's handlers: read the store (on the blocking pool), call
//! the renderers of `crate::web`, answer HTML. Signed in through the same
//! [`Signed`] as the API (a cookie; a browser has no bearer); whoever is
//! not is sent to `/login`. Forms carry the session's CSRF token.

mod boards;
pub mod login;
mod new;
mod queue;
mod ticket;

use axum::Router;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode, Uri, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use maud::Markup;

use super::api::ApiError;
use super::auth::{Signed, Via};
use super::state::Shared;
use crate::web::{self, Chrome};

use login::wants_html;

pub fn router(state: &Shared) -> Router<Shared> {
    Router::new()
        .route("/static/desk.css", get(css))
        .route("/login", get(login::form))
        .route("/", get(queue::page))
        .route("/new", get(new::form).post(new::submit))
        .route("/overdue", get(boards::overdue_page))
        .route("/report", get(boards::report_page))
        .route("/static/report.css", get(boards::report_css))
        .merge(ticket::router(state))
}

async fn css() -> Response {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "max-age=300")], web::CSS)
        .into_response()
}

/// The signed-in person of a page request and the page's header; not
/// signed in is a redirect to `/login?next=…`.
pub struct Desk {
    pub signed: Signed,
    pub chrome: Chrome,
}

impl FromRequestParts<Shared> for Desk {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &Shared) -> Result<Desk, Response> {
        match Signed::from_request_parts(parts, state).await {
            Ok(signed) => Ok(Desk { chrome: chrome(state, Some(&signed)), signed }),
            Err(e) if e.status == StatusCode::UNAUTHORIZED => {
                let next = parts.uri.path_and_query().map_or("/", |p| p.as_str());
                Err(Redirect::to(&format!("/login?next={}", web::encode(next))).into_response())
            }
            Err(e) => Err(error_page(&chrome(state, None), e)),
        }
    }
}

/// The header of a page for `signed` (none: the sign-in page).
pub fn chrome(state: &Shared, signed: Option<&Signed>) -> Chrome {
    Chrome {
        lang: state.store.config().lang(),
        user: signed.map(|s| (s.name.clone(), s.role.as_str())),
        csrf: signed.and_then(|s| match &s.via {
            Via::Cookie { csrf } => Some(csrf.clone()),
            Via::Bearer => None,
        }),
    }
}

/// A page answered with `status`.
pub fn html(status: StatusCode, markup: Markup) -> Response {
    (status, Html(markup.into_string())).into_response()
}

/// The error page for `e`, with its status.
pub fn error_page(chrome: &Chrome, e: ApiError) -> Response {
    html(e.status, web::error::render(chrome, e.status.as_u16(), &e.message, e.hint.as_deref()))
}

/// Any path no route takes: JSON under `/api/`, else the error page.
pub async fn not_found(state: axum::extract::State<Shared>, uri: Uri, headers: HeaderMap) -> Response {
    let e = ApiError::new(StatusCode::NOT_FOUND, "not_found", "no such page or endpoint", None);
    if uri.path().starts_with("/api/") || !wants_html(&headers) {
        return e.into_response();
    }
    error_page(&chrome(&state, None), e)
}

/// 303 to `to`.
pub fn see_other(to: &str) -> Response {
    Redirect::to(to).into_response()
}
