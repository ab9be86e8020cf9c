//! The overdue list (`overdue --json`) and the report (`report --json`):
//! `GET /api/v1/overdue`, `GET /api/v1/report`, and the same evaluation
//! for the board and report pages. The rules are the core's
//! (`report::overdue_list`, `report::analysis::ReportRun`); here the store
//! is scanned and the query read.

use std::path::Path;

use axum::Json;
use axum::extract::{Query, State};
use chrono::{DateTime, FixedOffset};
use serde_json::Value;

use super::ApiError;
use super::tickets::{take_filter, unknown_parameter};
use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::report::analysis::{PeriodChoice, Report, ReportRun};
use crate::report::filter::{Filter, FilterInput};
use crate::report::mask::Masker;
use crate::report::overdue_list::{self, Collector, Evaluation, Listing};
use crate::report::report_json;
use crate::server::auth::Signed;
use crate::server::state::{AppState, Shared};
use crate::store::{Store, WarmIndex, WarmQuery};
use crate::ticket::IndexEntry;
use crate::time;

/// The query of the overdue list: `as_of`, `owner`, `warn_before` and the
/// filters of `list`.
#[derive(Debug, Clone, Default)]
pub struct OverdueQuery {
    pub as_of: Option<String>,
    pub owner: Option<String>,
    pub warn_before: Option<String>,
    pub filter: FilterInput,
}

pub fn overdue_query(pairs: Vec<(String, String)>) -> Result<OverdueQuery> {
    let mut query = OverdueQuery::default();
    for (key, value) in pairs {
        let value = Some(value).filter(|v| !v.trim().is_empty());
        match key.as_str() {
            "as_of" => query.as_of = value,
            "owner" => query.owner = value,
            "warn_before" => query.warn_before = value,
            other if take_filter(&mut query.filter, other, value.as_deref().unwrap_or("")) => {}
            other => return Err(unknown_parameter(other, "as_of, owner, warn_before")),
        }
    }
    Ok(query)
}

/// The query of the report: one period (`week`, `month`, `quarter`,
/// `year`, `from` with `to`), `lang`, `as_of` and the filters of `list`.
#[derive(Debug, Clone, Default)]
pub struct ReportQuery {
    pub period: PeriodChoice,
    pub lang: Option<Lang>,
    pub as_of: Option<String>,
    pub filter: FilterInput,
    /// The filters as given (`status=processing`), for the subtitle.
    pub filter_words: Vec<String>,
}

pub fn report_query(pairs: Vec<(String, String)>) -> Result<ReportQuery> {
    let mut query = ReportQuery::default();
    for (key, value) in pairs {
        let p = &mut query.period;
        match key.as_str() {
            "week" => p.week = Some(value),
            "month" => p.month = Some(value),
            "quarter" => p.quarter = Some(value),
            "year" => p.year = Some(value),
            "from" => p.from = Some(value),
            "to" => p.to = Some(value),
            "as_of" => query.as_of = Some(value).filter(|v| !v.trim().is_empty()),
            "lang" => query.lang = Some(lang(&value)?),
            other if take_filter(&mut query.filter, other, &value) => {
                query.filter_words.push(format!("{other}={value}"));
            }
            other => return Err(unknown_parameter(other, "week, month, quarter, year, from, to, lang, as_of")),
        }
    }
    Ok(query)
}

fn lang(text: &str) -> Result<Lang> {
    match text {
        "zh" | "zh-CN" => Ok(Lang::Zh),
        "en" => Ok(Lang::En),
        other => Err(Error::invalid(format!("lang must be zh or en, not “{other}”"), None)),
    }
}

/// `as_of` of a query, else now.
fn as_of(s: &AppState, text: Option<&str>) -> Result<DateTime<FixedOffset>> {
    let zone = s.store.config().zone();
    match text {
        Some(text) => Ok(time::in_zone(time::parse_time(text, zone, "as_of")?, zone)),
        None => s.now(),
    }
}

/// A scan error's message with paths relative to the store.
fn relative(store: &Store, e: &Error) -> String {
    e.to_string().replace(&format!("{}/", store.root().display()), "")
}

/// The overdue list for `query`, as `masker` shows names, and its as-of time.
pub fn overdue_listing(
    s: &AppState,
    index: &WarmIndex,
    query: &OverdueQuery,
    masker: &Masker,
) -> Result<(Listing, DateTime<FixedOffset>)> {
    let (store, config) = (&s.store, s.store.config());
    let as_of = as_of(s, query.as_of.as_deref())?;
    let filter = Filter::from_input(&query.filter, config)?;
    let calendar = config.business_calendar();
    let words = ("warn_before", "e.g. warn_before=1d");
    let horizon = overdue_list::horizon(&calendar, as_of, query.warn_before.as_deref(), words)?;
    let evaluation = Evaluation { config, calendar: &calendar, filter: &filter, as_of, horizon, masker };
    let read = |path: &Path, summary: &IndexEntry| store.read_file(path, summary);
    let mut collector = Collector::new(&evaluation, &read);
    // Tickets settled by `as_of` are skipped undecoded (`settled`); every
    // other summary is unsettled then.
    let wanted = WarmQuery {
        settled: &|status, settled_at| settled_at > as_of && filter.admits_status(status),
        keep: &|e| evaluation.keeps(e),
        search: filter.search(),
    };
    // Not remembered: what the board keeps depends on the time.
    for hit in index.find(&wanted, None) {
        if let Some(entry) = hit.entry() {
            collector.push(hit.path(store.root()), IndexEntry::clone(&entry));
        }
    }
    let unreadable = index.problems().0.into_iter().map(|e| relative(store, e)).collect();
    let mut listing = collector.finish(unreadable, |e| relative(store, e));
    if let Some(owner) = &query.owner {
        listing.keep_only(owner.trim());
    }
    Ok((listing, as_of))
}

/// [`overdue_listing`] from the warm index refreshed after the request
/// arrived: the API's overdue list and the board page.
pub async fn overdue_board(
    state: &Shared,
    query: OverdueQuery,
    masker: Masker,
) -> Result<(Listing, DateTime<FixedOffset>)> {
    let index = state.index.since(std::time::Instant::now()).await?;
    state.blocking(move |s| overdue_listing(s, &index, &query, &masker)).await
}

/// The report for `query`, and the files it could not read.
pub fn report(s: &AppState, query: &ReportQuery) -> Result<(Report, Vec<String>)> {
    let (store, config) = (&s.store, s.store.config());
    let as_of = as_of(s, query.as_of.as_deref())?;
    let calendar = config.business_calendar();
    let filter = Filter::from_input(&query.filter, config)?;
    let run = ReportRun::new(&query.period, config, &calendar, &filter, as_of)?;
    let mut fold = run.fold();
    let scan = store.fold_tickets(|r| run.relevant(r), |t| run.summarise(t), &mut |_, summary| fold.add(&summary))?;
    let unreadable = scan.errors.iter().map(|e| relative(store, e)).collect();
    Ok((fold.finish(), unreadable))
}

/// `GET /api/v1/overdue`: the document of `overdue --json`.
pub async fn overdue(
    State(state): State<Shared>,
    signed: Signed,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Json<Value>, ApiError> {
    let query = overdue_query(pairs)?;
    let masker = signed.masker();
    let (listing, as_of) = overdue_board(&state, query, masker).await?;
    Ok(Json(listing.json(as_of)))
}

/// `GET /api/v1/report`: the document of `report --json`.
pub async fn report_doc(
    State(state): State<Shared>,
    _signed: Signed,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Json<Value>, ApiError> {
    let query = report_query(pairs)?;
    let doc = state
        .blocking(move |s| {
            let (report, unreadable) = report(s, &query)?;
            Ok(report_json::render(&report, s.store.config().zone(), &unreadable))
        })
        .await?;
    Ok(Json(doc))
}
