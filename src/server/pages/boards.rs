//! `GET /overdue` (the overdue board) and `GET /report` (the report of
//! `report --format html`, its stylesheet linked: the CSP allows no
//! inline style). Evaluated by `api::boards`, as the API's documents are.

use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};

use super::{Desk, error_page, html};
use crate::report::document;
use crate::report::html as report_html;
use crate::server::api::boards::{self, overdue_query, report_query};
use crate::server::state::Shared;
use crate::web::overdue::{self, Board};

pub async fn overdue_page(
    State(state): State<Shared>,
    desk: Desk,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Response {
    // The form sends every field; an empty one is no filter.
    let pairs: Vec<(String, String)> = pairs.into_iter().filter(|(_, v)| !v.trim().is_empty()).collect();
    let query = match overdue_query(pairs) {
        Ok(q) => q,
        Err(e) => return error_page(&desk.chrome, e.into()),
    };
    let masker = desk.signed.masker();
    let owner = query.owner.clone();
    let found = boards::overdue_board(&state, query, masker).await;
    match found {
        Ok((listing, as_of)) => {
            let config = state.store.config();
            let board = Board {
                rows: &listing.rows,
                unreadable: &listing.unreadable,
                as_of,
                zone: config.zone(),
                owner: owner.as_deref(),
                lang: desk.chrome.lang,
            };
            html(StatusCode::OK, overdue::render(&desk.chrome, &board))
        }
        Err(e) => error_page(&desk.chrome, e.into()),
    }
}

pub async fn report_page(
    State(state): State<Shared>,
    desk: Desk,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Response {
    let pairs: Vec<(String, String)> = pairs.into_iter().filter(|(_, v)| !v.trim().is_empty()).collect();
    let query = match report_query(pairs) {
        Ok(q) => q,
        Err(e) => return error_page(&desk.chrome, e.into()),
    };
    let lang = query.lang.unwrap_or(desk.chrome.lang);
    let top = format!(
        "<p class=\"sub\"><a href=\"/\">{}</a> · <a href=\"/overdue\">{}</a></p>\n",
        lang.pick("← 投诉台", "← Complaint desk"),
        lang.pick("超时看板", "Overdue board"),
    );
    let rendered = state
        .blocking(move |s| {
            let (report, unreadable) = boards::report(s, &query)?;
            let (config, zone) = (s.store.config(), s.store.config().zone());
            let title = document::title(&report, lang);
            let subtitle = document::subtitle_noting(&report, lang, zone, &query.filter_words, &unreadable);
            let sections = document::sections(&report, config, lang, zone);
            Ok(report_html::render_linked(&report, (&title, &subtitle), &sections, lang, ("/static/report.css", &top)))
        })
        .await;
    match rendered {
        Ok(page) => (StatusCode::OK, Html(page)).into_response(),
        Err(e) => error_page(&desk.chrome, e.into()),
    }
}

pub async fn report_css() -> Response {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "max-age=300")], report_html::CSS)
        .into_response()
}
