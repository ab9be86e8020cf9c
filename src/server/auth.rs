//! Signing in: `POST /login` (form `name`, `password`) gives a session
//! cookie (256-bit random id, HttpOnly, SameSite=Strict, Secure behind
//! TLS) kept in memory with an 8-hour idle expiry and a CSRF token;
//! `POST /logout` ends it. API clients send `Authorization: Bearer TOKEN`
//! instead, and need no CSRF token. Five failed sign-ins per name or per
//! client address within 15 minutes are answered 429 until the oldest
//! ages out. The users file and the roles of complaint.toml (`[people.NAME]
//! role`, re-read when the file changed) are read on every request, so a
//! `complaint user remove`, a `user reset --role` or a `git pull` that
//! changes a role takes effect at the next request.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Form, Json, Router};
use serde::Deserialize;

use super::api::ApiError;
use super::secret;
use super::sessions::Session;
use super::state::Shared;
use crate::store::Role;

pub const COOKIE: &str = "complaint_session";
const IDLE: Duration = Duration::from_secs(8 * 3600);

/// How a request was signed in.
#[derive(Debug, Clone)]
pub enum Via {
    /// A session cookie; writes need its CSRF token.
    Cookie {
        csrf: String,
    },
    Bearer,
}

/// The signed-in person of a request; extracting it answers 401 when
/// nobody is.
#[derive(Debug, Clone)]
pub struct Signed {
    pub name: String,
    pub role: Role,
    pub via: Via,
}

impl Signed {
    /// Whether `token` is this session's CSRF token (always for a bearer).
    pub fn csrf_ok(&self, token: Option<&str>) -> bool {
        match &self.via {
            Via::Bearer => true,
            Via::Cookie { csrf } => token.is_some_and(|t| secret::constant_time_eq(t, csrf)),
        }
    }

    /// A change by this person: 403 for a viewer, or for a cookie without
    /// its CSRF token (`X-CSRF-Token` header; a form passes its `csrf`).
    pub fn may_change(&self, csrf: Option<&str>) -> Result<(), ApiError> {
        if !self.role.may_write() {
            return Err(ApiError::forbidden("a viewer can read but not change tickets"));
        }
        if !self.csrf_ok(csrf) {
            return Err(ApiError::forbidden("the CSRF token is missing or wrong; reload the page and try again"));
        }
        Ok(())
    }

    pub fn masker(&self) -> crate::report::mask::Masker {
        crate::report::mask::Masker { mask: !self.role.sees_unmasked() }
    }
}

/// The `X-CSRF-Token` header.
pub fn csrf_header(headers: &HeaderMap) -> Option<&str> {
    headers.get("x-csrf-token").and_then(|v| v.to_str().ok())
}

impl FromRequestParts<Shared> for Signed {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &Shared) -> Result<Signed, ApiError> {
        if let Some(token) = bearer(&parts.headers) {
            return by_token(state, token.to_string()).await;
        }
        let Some(id) = session_cookie(&parts.headers) else {
            return Err(ApiError::unauthorized());
        };
        let (name, csrf) = {
            let mut sessions = state.sessions.lock().expect("sessions");
            let now = Instant::now();
            sessions.retain(|_, s| now.duration_since(s.last_seen) < IDLE);
            let session = sessions.get_mut(id).ok_or_else(ApiError::unauthorized)?;
            session.last_seen = now;
            (session.name.clone(), session.csrf.clone())
        };
        let role = role_of(state, name.clone()).await?;
        Ok(Signed { name, role, via: Via::Cookie { csrf } })
    }
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers.get(header::AUTHORIZATION)?.to_str().ok()?.strip_prefix("Bearer ").map(str::trim)
}

fn session_cookie(headers: &HeaderMap) -> Option<&str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| pair.trim().strip_prefix(COOKIE)?.strip_prefix('='))
}

/// The current role of `name`: 401 once the user is gone, 403 while
/// neither complaint.toml nor an older users file gives them one.
async fn role_of(state: &Shared, name: String) -> Result<Role, ApiError> {
    let who = name.clone();
    let found = state
        .blocking(move |s| {
            let users = s.store.read_users()?;
            let Some(user) = users.users.get(&who) else { return Ok(None) };
            Ok(Some(user.role(s.roles.role_of(&who)?)))
        })
        .await?;
    found.ok_or_else(ApiError::unauthorized)?.ok_or_else(|| no_role(&name))
}

fn no_role(name: &str) -> ApiError {
    ApiError::forbidden(&format!("{name} has no role; give one with `complaint user reset {name} --role agent`"))
}

async fn by_token(state: &Shared, token: String) -> Result<Signed, ApiError> {
    let found = state
        .blocking(move |s| {
            let users = s.store.read_users()?;
            let (id, secret_part) = token.split_once('.').unwrap_or(("", ""));
            let verified = users.by_token_id(id).filter(|(_, user)| {
                let Some(hash) = user.token_hash.as_deref() else { return false };
                // Checked again once it is this request's turn: the
                // requests it waited behind may have verified the same token.
                s.tokens.knows(&token, hash)
                    || s.one_hash_at_a_time(|| {
                        s.tokens.knows(&token, hash)
                            || (secret::verify(secret_part, hash) && {
                                s.tokens.remember(&token, hash);
                                true
                            })
                    })
            });
            let Some((name, user)) = verified else { return Ok(None) };
            Ok(Some((user.role(s.roles.role_of(name)?), name.to_string())))
        })
        .await?;
    let (role, name) = found.ok_or_else(ApiError::unauthorized)?;
    let role = role.ok_or_else(|| no_role(&name))?;
    Ok(Signed { name, role, via: Via::Bearer })
}

pub fn router() -> Router<Shared> {
    Router::new().route("/login", post(login)).route("/logout", post(logout))
}

#[derive(Deserialize)]
pub struct LoginForm {
    name: String,
    password: String,
    /// A browser's form: the page to go back to.
    #[serde(default)]
    next: Option<String>,
}

async fn login(
    State(state): State<Shared>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Form(form): Form<LoginForm>,
) -> Result<Response, ApiError> {
    let page = super::pages::login::wants_html(&headers);
    let address = peer.ip();
    let name = form.name.trim().to_string();
    if state.throttle.lock().expect("throttle").refuses(&name, address, Instant::now()) {
        if page {
            return Ok(super::pages::login::login_failed(
                &state,
                &name,
                form.next.as_deref(),
                &ApiError::throttled().message,
            ));
        }
        return Err(ApiError::throttled());
    }
    let (who, password) = (name.clone(), form.password);
    let verified = state
        .blocking(move |s| {
            let users = s.store.read_users()?;
            Ok(users
                .users
                .get(&who)
                .and_then(|u| u.password_hash.as_deref())
                .is_some_and(|h| s.one_hash_at_a_time(|| secret::verify(&password, h))))
        })
        .await?;
    if !verified {
        state.throttle.lock().expect("throttle").failed(&name, address, Instant::now());
        if page {
            return Ok(super::pages::login::login_failed(
                &state,
                &name,
                form.next.as_deref(),
                "wrong name or password",
            ));
        }
        return Err(ApiError::new(StatusCode::UNAUTHORIZED, "unauthorized", "wrong name or password", None));
    }
    let (id, csrf) = (secret::random_hex(), secret::random_hex());
    let session = Session { name: name.clone(), csrf: csrf.clone(), last_seen: Instant::now() };
    state.sessions.lock().expect("sessions").insert(id.clone(), session);
    let secure = if state.options.secure_cookies { "; Secure" } else { "" };
    let cookie = format!("{COOKIE}={id}; HttpOnly; SameSite=Strict; Path=/{secure}");
    if page {
        let next = super::pages::login::safe_next(form.next.as_deref());
        return Ok(([(header::SET_COOKIE, cookie)], axum::response::Redirect::to(&next)).into_response());
    }
    let body = Json(serde_json::json!({ "name": name, "csrf": csrf }));
    Ok(([(header::SET_COOKIE, cookie)], body).into_response())
}

#[derive(Deserialize)]
pub struct LogoutForm {
    #[serde(default)]
    csrf: Option<String>,
}

async fn logout(
    State(state): State<Shared>,
    signed: Signed,
    headers: HeaderMap,
    Form(form): Form<LogoutForm>,
) -> Result<Response, ApiError> {
    let token = form.csrf.as_deref().or(csrf_header(&headers));
    if !signed.csrf_ok(token) {
        return Err(ApiError::forbidden("the CSRF token is missing or wrong"));
    }
    if let Some(id) = session_cookie(&headers) {
        state.sessions.lock().expect("sessions").remove(id);
    }
    let cookie = format!("{COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0");
    if super::pages::login::wants_html(&headers) {
        return Ok(([(header::SET_COOKIE, cookie)], axum::response::Redirect::to("/login")).into_response());
    }
    Ok(([(header::SET_COOKIE, cookie)], StatusCode::NO_CONTENT).into_response())
}
