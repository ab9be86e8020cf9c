//! `GET /login`: the form. `POST /login` is `auth::login`: a browser's
//! form (it accepts HTML) is answered 303 to the page it asked for, or
//! this form again with the error.

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::Response;
use serde::Deserialize;

use axum::response::{Html, IntoResponse};

use crate::server::state::Shared;
use crate::web::{self, Chrome};

#[derive(Deserialize)]
pub struct Next {
    #[serde(default)]
    next: Option<String>,
}

pub async fn form(State(state): State<Shared>, Query(q): Query<Next>) -> Response {
    let next = safe_next(q.next.as_deref());
    (StatusCode::OK, Html(web::login::render(&nobody(&state), &next, "", None).into_string())).into_response()
}

/// The header of a page for nobody signed in. (Not `super::chrome`:
/// `auth` uses this file, and `super` uses `auth`.)
fn nobody(state: &Shared) -> Chrome {
    Chrome { lang: state.store.config().lang(), user: None, csrf: None }
}

/// Whether the client asked for a page (a browser's `Accept`).
pub fn wants_html(headers: &HeaderMap) -> bool {
    headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains("text/html"))
}

/// `next` when it is a path of this site (not `//host` nor a URL), else `/`.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') => n.to_string(),
        _ => "/".to_string(),
    }
}

/// The form again after a failed sign-in, 401.
pub fn login_failed(state: &Shared, name: &str, next: Option<&str>, message: &str) -> Response {
    let page = web::login::render(&nobody(state), &safe_next(next), name, Some(message));
    (StatusCode::UNAUTHORIZED, Html(page.into_string())).into_response()
}
