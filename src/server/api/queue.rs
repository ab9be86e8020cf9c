//! The store's index kept warm between requests (spec §11). Every query
//! (the queue, the overdue board) works from a [`WarmIndex`] refreshed
//! *after the request arrived* — every file stat'ed, changed ones read
//! again (spec §9) — so an answer reflects every change made before it was
//! asked, by this server, the CLI, a `git pull` or a hand edit.
//!
//! A refresh of 100 000 files takes a hundred milliseconds of `stat`s; 32
//! people asking at once must not run 32 of them. One refresh runs at a
//! time, and every request waiting for it when it finishes takes the one
//! that started after it arrived: at most two refreshes of waiting, however
//! many ask.

use std::any::Any;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use crate::error::{Error, Result};
use crate::store::{Store, WarmIndex};

/// What one refresh of the index found, and the queries answered from it.
struct Generation {
    started: Instant,
    index: Arc<WarmIndex>,
    /// The answer to each distinct query asked of this index (by its
    /// filters and page), made once however many ask: a search of 100 000
    /// summaries and reading a page of tickets take tens of milliseconds,
    /// and 32 people ask at once.
    queries: Mutex<HashMap<String, Arc<tokio::sync::OnceCell<Answer>>>>,
}

type Answer = Arc<dyn Any + Send + Sync>;

/// Distinct queries remembered per refresh at most (a bound on memory).
const QUERIES: usize = 64;

pub struct LiveIndex {
    store: Arc<Store>,
    last: Mutex<Option<Arc<Generation>>>,
    /// Held while a refresh runs: one at a time.
    turn: tokio::sync::Mutex<()>,
}

impl LiveIndex {
    pub fn new(store: Store) -> LiveIndex {
        LiveIndex { store: Arc::new(store), last: Mutex::default(), turn: tokio::sync::Mutex::default() }
    }

    /// Runs `work` with the store on the blocking pool (it stats and reads
    /// files).
    async fn blocking<T: Send + 'static>(&self, work: impl FnOnce(&Store) -> Result<T> + Send + 'static) -> Result<T> {
        let store = Arc::clone(&self.store);
        tokio::task::spawn_blocking(move || work(&store))
            .await
            .map_err(|e| Error::invalid(format!("the request failed inside the server: {e}"), None))?
    }

    fn last(&self) -> Option<Arc<Generation>> {
        self.last.lock().expect("warm index").clone()
    }

    /// The index of a refresh that started no earlier than `arrived`.
    async fn generation(&self, arrived: Instant) -> Result<Arc<Generation>> {
        let _turn = self.turn.lock().await;
        let last = self.last();
        if let Some(last) = last.as_ref().filter(|last| last.started >= arrived) {
            return Ok(Arc::clone(last));
        }
        let started = Instant::now();
        let old = last.map(|last| Arc::clone(&last.index));
        let fresh = self
            .blocking(move |store| match old {
                Some(old) => Ok(store.refresh_warm(&old)),
                None => Ok(store.warm_index()),
            })
            .await?;
        let fresh = Arc::new(Generation { started, index: Arc::new(fresh), queries: Mutex::default() });
        *self.last.lock().expect("warm index") = Some(Arc::clone(&fresh));
        Ok(fresh)
    }

    /// The index as of a refresh that started no earlier than `arrived`.
    pub async fn since(&self, arrived: Instant) -> Result<Arc<WarmIndex>> {
        Ok(Arc::clone(&self.generation(arrived).await?.index))
    }

    /// What `answer` makes of the index as of a refresh that started no
    /// earlier than `arrived`; `key` names the query (its filters and
    /// page), and requests with the same key on the same refresh share one
    /// answer.
    pub async fn query<T: Send + Sync + 'static>(
        &self,
        arrived: Instant,
        key: String,
        answer: impl FnOnce(&Store, &WarmIndex) -> Result<T> + Send + 'static,
    ) -> Result<Arc<T>> {
        let generation = self.generation(arrived).await?;
        let cell = {
            let mut queries = generation.queries.lock().expect("warm index queries");
            if queries.len() >= QUERIES && !queries.contains_key(&key) {
                queries.clear();
            }
            Arc::clone(queries.entry(key).or_default())
        };
        let index = Arc::clone(&generation.index);
        let made = cell
            .get_or_try_init(|| async move {
                self.blocking(move |store| answer(store, &index)).await.map(|made| Arc::new(made) as Answer)
            })
            .await?;
        // One key, one query, one type: only a programming error could
        // make this fail.
        Ok(Arc::clone(made).downcast::<T>().expect("a query key answered with another type"))
    }

    /// Loads the index before the first request (a server starts warm).
    pub async fn prime(&self) -> Result<()> {
        self.generation(Instant::now()).await.map(drop)
    }
}
