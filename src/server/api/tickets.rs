//! The tickets: the queue (`list`'s filters), one ticket (`show --json`),
//! a new one (`new --from-file`'s keys) and every changing command.

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::ApiError;
use crate::error::{Error, Result};
use crate::ops::{self, NewInput, Stamp};
use crate::report::filter::{Filter, FilterInput};
use crate::report::stages;
use crate::report::ticket_json::{JSON_SCHEMA, ticket_json};
use crate::server::auth::{Signed, csrf_header};
use crate::server::state::{AppState, Shared};
use crate::store::{Applied, CommitOutcome, CommitPolicy, Store, WarmHit, WarmIndex, WarmQuery, message_for};
use crate::ticket::Ticket;
use std::sync::Arc;

const DEFAULT_LIMIT: usize = 50;
const MAX_LIMIT: usize = 500;

/// The query of `GET /api/v1/tickets`: the filters, `limit`, `offset`.
pub(crate) struct ListQuery {
    pub filter: FilterInput,
    pub limit: usize,
    pub offset: usize,
}

pub(crate) fn list_query(pairs: Vec<(String, String)>) -> Result<ListQuery> {
    let mut query = ListQuery { filter: FilterInput::default(), limit: DEFAULT_LIMIT, offset: 0 };
    let number = |key: &str, v: &str| {
        v.parse::<usize>().map_err(|_| Error::invalid(format!("{key} must be a whole number, not “{v}”"), None))
    };
    for (key, value) in pairs {
        match key.as_str() {
            "limit" => query.limit = number("limit", &value)?.min(MAX_LIMIT),
            "offset" => query.offset = number("offset", &value)?,
            other if take_filter(&mut query.filter, other, &value) => {}
            other => return Err(unknown_parameter(other, "limit, offset")),
        }
    }
    Ok(query)
}

/// One of the filters of `list` (`status=processing,resolved`, `open`):
/// put into `f`; false when `key` names none of them.
pub(crate) fn take_filter(f: &mut FilterInput, key: &str, value: &str) -> bool {
    let split = |v: &str| v.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect::<Vec<_>>();
    let flag = |v: &str| matches!(v, "" | "true" | "1" | "yes");
    let value = value.to_string();
    match key {
        "status" => f.status.extend(split(&value)),
        "category" => f.category.extend(split(&value)),
        "severity" => f.severity.extend(split(&value)),
        "channel" => f.channel.extend(split(&value)),
        "assignee" => f.assignee = Some(value),
        "department" => f.department = Some(value),
        "customer" => f.customer = Some(value),
        "product" => f.product = Some(value),
        "search" => f.search.push(value),
        "escalated" => f.escalated = flag(&value),
        "open" => f.open = flag(&value),
        "since" => f.since = Some(value),
        "until" => f.until = Some(value),
        _ => return false,
    }
    true
}

/// A query parameter no endpoint takes; `own` names the endpoint's own.
pub(crate) fn unknown_parameter(key: &str, own: &str) -> Error {
    Error::invalid(
        format!("unknown query parameter “{key}”"),
        Some(&format!(
            "the filters of `complaint list`: status, category, severity, channel, assignee, department, customer, product, search, escalated, open, since, until; and {own}"
        )),
    )
}

pub async fn list(
    State(state): State<Shared>,
    signed: Signed,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Json<Value>, ApiError> {
    let query = list_query(pairs)?;
    let masker = signed.masker();
    let (offset, limit) = (query.offset, query.limit);
    let page = find_page(&state, query).await?;
    let (total, tickets) = &*page;
    let config = state.store.config();
    let tickets: Vec<Value> = tickets.iter().map(|t| ticket_json(t, config, &masker)).collect();
    Ok(Json(json!({
        "schema": JSON_SCHEMA,
        "total": total,
        "offset": offset,
        "limit": limit,
        "tickets": tickets,
    })))
}

/// The tickets `query` matches in received order: how many, and the page.
/// From the warm index refreshed after the request arrived (`queue.rs`),
/// so every answer shows every change made before it was asked; requests
/// with the same filters and page share one answer (hence the `Arc`).
pub(crate) async fn find_page(state: &Shared, query: ListQuery) -> Result<Arc<(usize, Vec<Ticket>)>, ApiError> {
    let arrived = std::time::Instant::now();
    let key = format!("{:?} offset={} limit={}", query.filter, query.offset, query.limit);
    let page = state.index.query(arrived, key, move |store, index| queue_page(store, index, &query)).await?;
    Ok(page)
}

/// How many tickets `query` keeps, and those of its page read in full.
fn queue_page(store: &Store, index: &WarmIndex, query: &ListQuery) -> Result<(usize, Vec<Ticket>)> {
    let found = queue_hits(store, index, &query.filter)?;
    let root = store.root();
    let page = found.iter().skip(query.offset).take(query.limit);
    let tickets = page.filter_map(|hit| Some(store.read_file(&hit.path(root), &*hit.entry()?)));
    let tickets = tickets.collect::<Result<Vec<_>>>()?;
    Ok((found.len(), tickets))
}

/// The summaries `filter` keeps, in received order.
fn queue_hits(store: &Store, index: &WarmIndex, filter: &FilterInput) -> Result<Vec<WarmHit>> {
    let filter = Filter::from_input(filter, store.config())?;
    let query = WarmQuery {
        settled: &|status, _| filter.admits_status(status),
        keep: &|summary| filter.matches_summary(summary),
        search: filter.search(),
    };
    let mut found = index.find(&query, Some(&format!("{filter:?}")));
    found.sort_unstable_by(|a, b| a.received_at.cmp(&b.received_at).then(a.id().cmp(b.id())));
    Ok(found)
}

pub async fn show(
    State(state): State<Shared>,
    signed: Signed,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let masker = signed.masker();
    let doc = state
        .blocking(move |s| {
            let c = s.ticket_with_clocks(&id)?;
            Ok(json!({
                "schema": JSON_SCHEMA,
                "ticket": ticket_json(&c.ticket, s.store.config(), &masker),
                "stages": stages::json(&c.calendar, &c.targets, c.now),
            }))
        })
        .await?;
    Ok(Json(doc))
}

/// The body as JSON: 413 beyond the cap, 400 when it is not JSON.
fn json_body(body: std::result::Result<Bytes, BytesRejection>) -> Result<Value, ApiError> {
    let bytes = body.map_err(ApiError::body)?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(json!({}));
    }
    serde_json::from_slice(&bytes).map_err(|e| ApiError::malformed_json(&e))
}

pub async fn create(
    State(state): State<Shared>,
    signed: Signed,
    headers: HeaderMap,
    body: std::result::Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    signed.may_change(csrf_header(&headers))?;
    let input: NewInput = ops::read_input(json_body(body)?)?;
    let masker = signed.masker();
    let _turn = state.writer.acquire().await.ok();
    let (id, doc) = state
        .blocking(move |s| {
            let (ticket, commit) = create_ticket(s, signed.name, input)?;
            let doc = json!({ "schema": JSON_SCHEMA, "ticket": ticket_json(&ticket, s.store.config(), &masker), "commit": commit_json(&commit) });
            Ok((ticket.id.clone(), doc))
        })
        .await?;
    let location = format!("/api/v1/tickets/{id}");
    Ok((StatusCode::CREATED, [(header::LOCATION, location)], Json(doc)).into_response())
}

pub async fn command(
    State(state): State<Shared>,
    signed: Signed,
    Path((id, name)): Path<(String, String)>,
    headers: HeaderMap,
    body: std::result::Result<Bytes, BytesRejection>,
) -> Result<Json<Value>, ApiError> {
    ops::command(&name).ok_or_else(|| ApiError::unknown_command(&name))?;
    signed.may_change(csrf_header(&headers))?;
    let body = json_body(body)?;
    let masker = signed.masker();
    let applied = run_command(&state, signed.name, id, &name, body).await?;
    let config = state.store.config();
    Ok(Json(json!({
        "schema": JSON_SCHEMA,
        "what": applied.what,
        "ticket": ticket_json(&applied.ticket, config, &masker),
        "commit": commit_json(&applied.commit),
    })))
}

/// Records a new complaint by `by` (the rules of `ops::create`) and
/// commits it: the way of `POST /api/v1/tickets` and of the new form.
pub(crate) fn create_ticket(s: &AppState, by: String, input: NewInput) -> Result<(Ticket, CommitOutcome)> {
    let (store, config) = (&s.store, s.store.config());
    let now = s.now()?;
    let fields = ops::create(input, config, now)?;
    let stamp = Stamp { at: now, by };
    let id = store.create(fields.received_at.date_naive(), |id| fields.into_ticket(&id.to_string(), &stamp))?;
    let ticket = store.load(&id)?;
    let message = message_for(&ticket.id, &ops::created_what(&ticket, config), &ticket.history[0]);
    let commit = {
        let _lock = store.lock()?;
        store.commit_paths(CommitPolicy::Auto, &[store.path_of(&id)], &message)
    };
    Ok((ticket, commit))
}

/// Runs the changing command `name` with `body` on ticket `id` as `by`
/// (the `ops::COMMANDS` table, `Store::apply`): the way of the API and
/// of the ticket page's forms.
pub(crate) async fn run_command(
    state: &Shared,
    by: String,
    id: String,
    name: &str,
    body: Value,
) -> Result<Applied, ApiError> {
    let command = ops::command(name).ok_or_else(|| ApiError::unknown_command(name))?;
    let (at, prepared) = (command.prepare)(body)?;
    // One change at a time enters the blocking pool: waiting for the store
    // lock there would hold a thread (and its memory) per writer.
    let _turn = state.writer.acquire().await.ok();
    let applied = state
        .blocking(move |s| {
            let (store, config) = (&s.store, s.store.config());
            let id = store.parse_id(&id)?;
            let zone = config.zone();
            store.apply(
                &id,
                CommitPolicy::Auto,
                || s.now(),
                |ticket, now| {
                    let at = ops::stamp_time(ticket, zone, at.as_deref(), now)?;
                    let change = prepared(ticket, config, Stamp { at, by })?;
                    Ok(change.map(|c| (c.event, c.what)))
                },
            )
        })
        .await?;
    Ok(applied)
}

/// What became of the commit: `{"hash": …}`, `null` when none was asked
/// for, or `{"error": …}` (the change is saved all the same).
fn commit_json(outcome: &CommitOutcome) -> Value {
    match outcome {
        CommitOutcome::Committed { hash, subject } => json!({ "hash": hash, "subject": subject }),
        CommitOutcome::Skipped => Value::Null,
        CommitOutcome::Failed(e) => json!({ "error": e.to_string() }),
    }
}
