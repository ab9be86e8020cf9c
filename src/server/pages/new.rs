//! `GET /new`, `POST /new`: the new complaint form. Each field is checked
//! by the rule of `ops::create` (`ops::check_field`) and its error shown
//! beside it; what was typed is kept; a good form is recorded like `POST
//! /api/v1/tickets` and answered 303 to the new ticket.

use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use super::{Desk, error_page, html, see_other};
use crate::error::Error;
use crate::ops::{self, FIELD_KEYS, NewInput, PurchaseInput};
use crate::server::api::tickets::create_ticket;
use crate::server::state::Shared;
use crate::time;
use crate::web::encode;
use crate::web::new::{self, Entry};

pub async fn form(State(state): State<Shared>, desk: Desk) -> Response {
    let now = match state.now() {
        Ok(now) => now,
        Err(e) => return error_page(&desk.chrome, e.into()),
    };
    let received = time::format_local(&now, state.store.config().zone());
    let entry = Entry { typed: vec![("received_at".into(), received)], ..Entry::default() };
    html(StatusCode::OK, new::render(&desk.chrome, state.store.config(), &entry))
}

pub async fn submit(State(state): State<Shared>, desk: Desk, Form(pairs): Form<Vec<(String, String)>>) -> Response {
    let csrf = pairs.iter().find(|(k, _)| k == "csrf").map(|(_, v)| v.as_str());
    if let Err(e) = desk.signed.may_change(csrf) {
        return error_page(&desk.chrome, e);
    }
    let typed: Vec<(String, String)> = pairs
        .into_iter()
        .filter(|(k, v)| k != "csrf" && new::keys().any(|key| key == k) && !v.trim().is_empty())
        .collect();
    let config = state.store.config();
    let now = match state.now() {
        Ok(now) => now,
        Err(e) => return error_page(&desk.chrome, e.into()),
    };
    let errors: Vec<(String, String)> = typed
        .iter()
        .filter(|(k, _)| FIELD_KEYS.contains(&k.as_str()))
        .filter_map(|(k, v)| ops::check_field(k, v, config, now).err().map(|e| (k.clone(), message(&e))))
        .collect();
    let input = input_of(&typed);
    let by = desk.signed.name.clone();
    let created = if errors.is_empty() {
        let _turn = state.writer.acquire().await.ok();
        Some(state.blocking(move |s| create_ticket(s, by, input)).await)
    } else {
        None
    };
    match created {
        Some(Ok((ticket, _))) => see_other(&format!("/tickets/{}", encode(&ticket.id))),
        Some(Err(e)) => {
            let entry = Entry { general: Some(message(&e)), typed, errors };
            html(
                StatusCode::from_u16(e.http_status()).unwrap_or(StatusCode::BAD_REQUEST),
                new::render(&desk.chrome, config, &entry),
            )
        }
        None => {
            let general = Some(desk.chrome.t("请改正标出的字段", "Please correct the fields marked").to_string());
            let entry = Entry { general, typed, errors };
            html(StatusCode::BAD_REQUEST, new::render(&desk.chrome, config, &entry))
        }
    }
}

fn message(e: &Error) -> String {
    match e.hint() {
        Some(h) => format!("{e} ({h})"),
        None => e.to_string(),
    }
}

/// The form's fields as the input of `ops::create`.
fn input_of(typed: &[(String, String)]) -> NewInput {
    let mut input = NewInput::default();
    let mut purchase = PurchaseInput::default();
    for (key, value) in typed {
        let value = Some(value.trim().to_string());
        match key.as_str() {
            "purchase_proof" => purchase.proof = value,
            "purchase_model" => purchase.model = value,
            "purchase_batch" => purchase.batch = value,
            "purchase_date" => purchase.date = value,
            "preferred_contact" => input.preferred_contact = value,
            key => *input.slot(key) = value,
        }
    }
    input.purchase = Some(purchase);
    input
}
