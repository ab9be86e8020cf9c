//! One ticket: `GET /tickets/{id}`, its actions `POST
//! /tickets/{id}/{command}` (the API's command table, fields named like
//! its JSON keys), its attachments (download; upload with the checks and
//! cap of `attach`).

use axum::extract::{DefaultBodyLimit, Multipart, Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;

use super::{Desk, error_page, html, see_other};
use crate::error::{Error, Result};
use crate::ops::{self, AttachInput, Stamp};
use crate::report::{history, stages};
use crate::server::api::ApiError;
use crate::server::api::tickets::run_command;
use crate::server::state::Shared;
use crate::store::CommitPolicy;
use crate::ticket::Ticket;
use crate::web::encode;
use crate::web::forms::{Failed, form_json};
use crate::web::ticket::{self, View};

/// Room for the multipart framing and the other fields of an upload.
const UPLOAD_SLACK: u64 = 64 * 1024;

pub fn router(state: &Shared) -> Router<Shared> {
    let upload_limit = state.store.config().limits.max_attachment_bytes.saturating_add(UPLOAD_SLACK);
    Router::new()
        .route("/tickets/{id}", get(show))
        .route("/tickets/{id}/{command}", post(action))
        .route(
            "/tickets/{id}/attach",
            post(upload).layer(DefaultBodyLimit::max(usize::try_from(upload_limit).unwrap_or(usize::MAX))),
        )
        .route("/tickets/{id}/attachments/{name}", get(download))
}

#[derive(Deserialize)]
pub struct Done {
    #[serde(default)]
    done: Option<String>,
}

async fn show(State(state): State<Shared>, desk: Desk, Path(id): Path<String>, Query(q): Query<Done>) -> Response {
    let done = q.done.and_then(|c| done_message(&desk, &c));
    render(&state, &desk, id, StatusCode::OK, done, None).await
}

/// The flash after a form: which action was saved (never text from the URL).
fn done_message(desk: &Desk, command: &str) -> Option<String> {
    let known = ops::COMMANDS.iter().map(|c| c.name).chain(["attach"]).find(|c| *c == command)?;
    Some(format!("{} {known}", desk.chrome.t("已保存：", "Saved:")))
}

/// The ticket page with `status`, `done` above it and `failed` beside its form.
async fn render(
    state: &Shared,
    desk: &Desk,
    id: String,
    status: StatusCode,
    done: Option<String>,
    failed: Option<Failed<'_>>,
) -> Response {
    let lang = desk.chrome.lang;
    let loaded = state
        .blocking(move |s| {
            let config = s.store.config();
            let c = s.ticket_with_clocks(&id)?;
            let rows = stages::rows(&c.calendar, &c.targets, c.now, config.zone(), lang);
            let lines = history::describe_all(&c.ticket.history, config);
            Ok((c.ticket, rows, lines))
        })
        .await;
    match loaded {
        Ok((ticket, rows, lines)) => {
            let view = View { stages: &rows, history: &lines, may_write: desk.signed.role.may_write(), done, failed };
            html(status, ticket::render(&desk.chrome, state.store.config(), &desk.signed.masker(), &ticket, &view))
        }
        Err(e) => error_page(&desk.chrome, e.into()),
    }
}

fn csrf_of(pairs: &[(String, String)]) -> Option<&str> {
    pairs.iter().find(|(k, _)| k == "csrf").map(|(_, v)| v.as_str())
}

async fn action(
    State(state): State<Shared>,
    desk: Desk,
    Path((id, command)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    if ops::command(&command).is_none() {
        return error_page(&desk.chrome, ApiError::unknown_command(&command));
    }
    if let Err(e) = desk.signed.may_change(csrf_of(&pairs)) {
        return error_page(&desk.chrome, e);
    }
    let body = form_json(&pairs);
    match run_command(&state, desk.signed.name.clone(), id.clone(), &command, body).await {
        Ok(applied) => see_other(&format!("/tickets/{}?done={command}#do-{command}", encode(&applied.ticket.id))),
        Err(e) if e.status == StatusCode::NOT_FOUND => error_page(&desk.chrome, e),
        Err(e) => {
            let failed = Failed { command: &command, typed: &pairs, message: e.message, hint: e.hint };
            render(&state, &desk, id, e.status, None, Some(failed)).await
        }
    }
}

async fn download(State(state): State<Shared>, desk: Desk, Path((id, name)): Path<(String, String)>) -> Response {
    let found = state
        .blocking(move |s| {
            let id = s.store.parse_id(&id)?;
            let ticket = s.store.load(&id)?;
            let attachment = attachment_named(&ticket, &name)?;
            let path = s.store.attachment_path(&id, attachment);
            let bytes = std::fs::read(&path).map_err(|e| Error::io("read", &path, e))?;
            Ok((attachment.name.clone(), bytes))
        })
        .await;
    match found {
        Ok((name, bytes)) => {
            let disposition = format!("attachment; filename=\"file\"; filename*=UTF-8''{}", encode(&name));
            (
                [
                    (header::CONTENT_TYPE, "application/octet-stream".to_string()),
                    (header::CONTENT_DISPOSITION, disposition),
                    (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_string()),
                ],
                bytes,
            )
                .into_response()
        }
        Err(e) => error_page(&desk.chrome, e.into()),
    }
}

fn attachment_named<'t>(ticket: &'t Ticket, file_name: &str) -> Result<&'t crate::ticket::Attachment> {
    ticket
        .history
        .iter()
        .filter_map(|e| e.attachment.as_ref())
        .find(|a| a.file_name() == file_name)
        .ok_or_else(|| Error::invalid(format!("{} has no attachment “{file_name}”", ticket.id), None))
}

/// The fields of an upload form.
#[derive(Default)]
struct Upload {
    csrf: Option<String>,
    kind: Option<String>,
    message: Option<String>,
    file: Option<(String, Vec<u8>)>,
}

async fn read_upload(mut multipart: Multipart) -> std::result::Result<Upload, ApiError> {
    let mut upload = Upload::default();
    let broken = |e: axum::extract::multipart::MultipartError| {
        ApiError::new(e.status(), "bad_input", e.body_text(), Some("[limits] max_attachment_bytes caps an upload"))
    };
    while let Some(field) = multipart.next_field().await.map_err(broken)? {
        let name = field.name().unwrap_or("").to_string();
        let file_name = field.file_name().map(str::to_string);
        let bytes = field.bytes().await.map_err(broken)?;
        let text = || String::from_utf8_lossy(&bytes).trim().to_string();
        match name.as_str() {
            "csrf" => upload.csrf = Some(text()),
            "kind" => upload.kind = Some(text()).filter(|t| !t.is_empty()),
            "message" => upload.message = Some(text()).filter(|t| !t.is_empty()),
            "file" => upload.file = Some((file_name.unwrap_or_default(), bytes.to_vec())),
            _ => {}
        }
    }
    Ok(upload)
}

async fn upload(State(state): State<Shared>, desk: Desk, Path(id): Path<String>, multipart: Multipart) -> Response {
    let upload = match read_upload(multipart).await {
        Ok(u) => u,
        Err(e) => return error_page(&desk.chrome, e),
    };
    if let Err(e) = desk.signed.may_change(upload.csrf.as_deref()) {
        return error_page(&desk.chrome, e);
    }
    let Some((name, bytes)) = upload.file.filter(|(n, _)| !n.is_empty()) else {
        return error_page(&desk.chrome, Error::invalid("choose a file to upload", None).into());
    };
    let max = state.store.config().limits.max_attachment_bytes;
    if bytes.len() as u64 > max {
        let message = format!("{name} is {} bytes, over the attachment limit of {max} bytes", bytes.len());
        let hint =
            Some("raise [limits] max_attachment_bytes in complaint.toml, or keep large media elsewhere and note where");
        return error_page(&desk.chrome, ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "too_large", message, hint));
    }
    let input = AttachInput { kind: upload.kind, message: upload.message };
    let by = desk.signed.name.clone();
    let target = id.clone();
    let applied = state
        .blocking(move |s| {
            let (store, config) = (&s.store, s.store.config());
            let id = store.parse_id(&target)?;
            let source = store.uploaded_attachment(&name, bytes)?;
            let zone = config.zone();
            store.attach(
                &id,
                CommitPolicy::Auto,
                || s.now(),
                &source,
                |ticket, now| {
                    let at = ops::stamp_time(ticket, zone, None, now)?;
                    let change = ops::attach(ticket, config, &source.facts, &input, Stamp { at, by })?;
                    Ok(change.map(|c| (c.event, c.what)))
                },
            )
        })
        .await;
    match applied {
        Ok(a) => see_other(&format!("/tickets/{}?done=attach", encode(&a.ticket.id))),
        Err(e) => {
            let failed = Failed { command: "attach", typed: &[], message: e.to_string(), hint: e.hint() };
            let status = StatusCode::from_u16(e.http_status()).unwrap_or(StatusCode::BAD_REQUEST);
            render(&state, &desk, id, status, None, Some(failed)).await
        }
    }
}
