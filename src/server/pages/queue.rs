//! `GET /`: the queue, filtered by `list`'s filters, a page at a time.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;

use super::{Desk, error_page, html};
use crate::server::api::tickets::{find_page, list_query};
use crate::server::state::Shared;
use crate::web::queue::{self, Queue};

pub async fn page(State(state): State<Shared>, desk: Desk, Query(pairs): Query<Vec<(String, String)>>) -> Response {
    // The form sends every field; an empty one is no filter.
    let pairs: Vec<(String, String)> = pairs.into_iter().filter(|(_, v)| !v.trim().is_empty()).collect();
    let query = match list_query(pairs.clone()) {
        Ok(q) => q,
        Err(e) => return error_page(&desk.chrome, e.into()),
    };
    let (offset, limit) = (query.offset, query.limit);
    let found = find_page(&state, query).await;
    match found {
        Ok(page) => {
            let (total, tickets) = &*page;
            let view = Queue { query: &pairs, total: *total, offset, limit, tickets };
            html(StatusCode::OK, queue::render(&desk.chrome, state.store.config(), &desk.signed.masker(), &view))
        }
        Err(e) => error_page(&desk.chrome, e),
    }
}
