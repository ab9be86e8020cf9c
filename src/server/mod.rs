//! `complaint serve`: the second door (spec §11). An axum server over one
//! store; queries work from the store's index kept warm in memory and
//! validated by file metadata on each request (spec §9), every change goes through `Store::apply` with the
//! signed-in person as the actor. The store does blocking file I/O under
//! its lock, so every store call runs in `spawn_blocking`.
//!
//! Layout: `state.rs` (what every handler shares), `secret.rs` (passwords,
//! tokens, hashes), `auth.rs` (sign-in, sessions, CSRF, roles), `api/`
//! (`/api/v1`). Server-rendered pages are another router beside `api`
//! using the same [`Shared`] state and the [`auth::Signed`] extractor.

pub mod api;
pub mod auth;
pub mod pages;
mod pool;
pub mod secret;
mod sessions;
mod state;
mod token_cache;

use std::net::SocketAddr;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, HeaderValue, StatusCode};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

pub use state::{AppState, Clock, Options, Shared};

use crate::error::{Error, Result};
use crate::store::Store;

/// How long one request may take before it is answered 408.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// Serves `store` until SIGTERM or Ctrl-C; `announce` gets the bound
/// address (port 0 picks a free one). On the signal the server stops
/// accepting and finishes the requests in flight, a write included.
pub fn run(store: Store, clock: Clock, options: Options, announce: impl FnOnce(SocketAddr)) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Error::io("start", "the server runtime", e))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(options.listen)
            .await
            .map_err(|e| Error::io("listen on", options.listen.to_string(), e))?;
        let bound = listener.local_addr().map_err(|e| Error::io("listen on", options.listen.to_string(), e))?;
        let state = AppState::new(store, clock, options);
        state.index.prime().await?;
        let app = app(state);
        announce(bound);
        axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>())
            .with_graceful_shutdown(shutdown_signal())
            .await
            .map_err(|e| Error::io("serve on", bound.to_string(), e))
    })
}

/// The whole application: sign-in, the API, and the layers every
/// response passes (body cap, timeout, security headers).
pub fn app(state: Shared) -> Router {
    let body_limit = usize::try_from(state.store.config().limits.max_request_bytes).unwrap_or(usize::MAX);
    Router::new()
        .merge(auth::router())
        .merge(api::router())
        .merge(pages::router(&state))
        .fallback(pages::not_found)
        .with_state(state)
        .layer(DefaultBodyLimit::max(body_limit))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, REQUEST_TIMEOUT))
        .layer(header("content-security-policy", "default-src 'self'; frame-ancestors 'none'"))
        .layer(header("x-content-type-options", "nosniff"))
        .layer(header("referrer-policy", "same-origin"))
        .layer(header("x-frame-options", "DENY"))
}

fn header(name: &'static str, value: &'static str) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::overriding(HeaderName::from_static(name), HeaderValue::from_static(value))
}

/// SIGTERM (systemd, `kill`) or Ctrl-C.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
