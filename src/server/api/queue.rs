//! The store's index kept warm between requests (spec §11). Every query
//! (the queue, the overdue board) works from a [`WarmIndex`] each of whose
//! directories was refreshed *after the request arrived* — listed again if
//! it changed, every file stat'ed, changed ones read again (spec §9) — so
//! an answer reflects every change made before it was asked, by this
//! server, the CLI, a `git pull` or a hand edit.
//!
//! One refresher thread goes round the directories, one at a time, for as
//! long as a request waits, publishing the index after each. A request
//! waits until the refresher has been once round since it arrived: one
//! pass over the store (about 100 ms of `stat`s for 100 000 files), however
//! many ask and whenever they arrive — not the rest of a pass in flight
//! plus a whole new one. Idle, the thread sleeps.
//!
//! Requests with the same query share one answer while the index holds
//! the same (its version is unchanged): a search of 100 000 summaries and a
//! page of tickets read take tens of milliseconds, and 32 people ask at
//! once. Each directory of the index also remembers its hits of recent
//! queries while it is unchanged, so after a change only the changed
//! directory is searched again.

use std::any::Any;
use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, OnceLock};
use std::time::Instant;

use tokio::sync::watch;

use crate::error::{Error, Result};
use crate::store::{Store, WarmIndex};

use super::super::pool;

type Answer = Arc<dyn Any + Send + Sync>;
type Answers = HashMap<String, Arc<tokio::sync::OnceCell<Answer>>>;

/// Distinct queries answered per version of the index at most.
const QUERIES: usize = 64;

pub struct LiveIndex {
    shared: Arc<Shared>,
    /// The refresher, started with the first index.
    started: OnceLock<()>,
}

/// What the request handlers and the refresher thread share.
struct Shared {
    store: Store,
    published: watch::Sender<Option<Arc<WarmIndex>>>,
    /// The answer to each distinct query (by its filters and page) from
    /// the index of this version.
    answers: Mutex<(u64, Answers)>,
    /// Requests waiting for a fresher index; the refresher runs while
    /// there are any.
    waiting: AtomicUsize,
    wake: (Mutex<()>, Condvar),
}

/// Counts a request as waiting while it lives (a request given up on,
/// e.g. at its timeout, stops counting).
struct Waiting<'a>(&'a Shared);

impl<'a> Waiting<'a> {
    fn new(shared: &'a Shared) -> Waiting<'a> {
        shared.waiting.fetch_add(1, Ordering::SeqCst);
        let _lock = shared.wake.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        shared.wake.1.notify_one();
        Waiting(shared)
    }
}

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.waiting.fetch_sub(1, Ordering::SeqCst);
    }
}

impl LiveIndex {
    pub fn new(store: Store) -> LiveIndex {
        let shared = Shared {
            store,
            published: watch::Sender::new(None),
            answers: Mutex::default(),
            waiting: AtomicUsize::new(0),
            wake: (Mutex::new(()), Condvar::new()),
        };
        LiveIndex { shared: Arc::new(shared), started: OnceLock::new() }
    }

    /// Loads the index (from the cache file, then refreshed) and starts the
    /// refresher: a server starts warm.
    pub async fn prime(&self) -> Result<()> {
        if self.started.get().is_some() {
            return Ok(());
        }
        let shared = Arc::clone(&self.shared);
        let first = pool::blocking(move || Ok(shared.store.warm_index())).await?;
        self.started.get_or_init(|| {
            self.shared.publish(first);
            let shared = Arc::clone(&self.shared);
            std::thread::Builder::new()
                .name("warm-index".into())
                .spawn(move || shared.refresh_while_wanted())
                .expect("the index refresher thread starts");
        });
        Ok(())
    }

    /// The index as of refreshes of every directory that started no
    /// earlier than `arrived`.
    pub async fn since(&self, arrived: Instant) -> Result<Arc<WarmIndex>> {
        self.prime().await?;
        let _waiting = Waiting::new(&self.shared);
        let mut published = self.shared.published.subscribe();
        let fresh = published
            .wait_for(|index| index.as_ref().is_some_and(|index| index.fresh_since(arrived)))
            .await
            .map_err(|_| Error::invalid("the server's index refresher stopped", None))?;
        Ok(Arc::clone(fresh.as_ref().expect("checked above")))
    }

    /// What `answer` makes of the index as of refreshes that started no
    /// earlier than `arrived`; `key` names the query (its filters and
    /// page), and requests with the same key share one answer while the
    /// index holds the same.
    pub async fn query<T: Send + Sync + 'static>(
        &self,
        arrived: Instant,
        key: String,
        answer: impl FnOnce(&Store, &WarmIndex) -> Result<T> + Send + 'static,
    ) -> Result<Arc<T>> {
        let index = self.since(arrived).await?;
        let cell = {
            let mut answers = self.shared.answers.lock().expect("warm index answers");
            let (version, queries) = &mut *answers;
            if *version != index.version() || (queries.len() >= QUERIES && !queries.contains_key(&key)) {
                *version = index.version();
                queries.clear();
            }
            Arc::clone(queries.entry(key).or_default())
        };
        let shared = Arc::clone(&self.shared);
        let made = cell
            .get_or_try_init(|| async move {
                pool::blocking(move || answer(&shared.store, &index)).await.map(|made| Arc::new(made) as Answer)
            })
            .await?;
        // One key, one query, one type: only a programming error could
        // make this fail.
        Ok(Arc::clone(made).downcast::<T>().expect("a query key answered with another type"))
    }
}

impl Shared {
    fn publish(&self, index: WarmIndex) {
        self.published.send_replace(Some(Arc::new(index)));
    }

    fn current(&self) -> Option<Arc<WarmIndex>> {
        self.published.borrow().clone()
    }

    /// The refresher thread: while a request waits, the next directory
    /// refreshed and the index published; else asleep.
    fn refresh_while_wanted(&self) {
        let mut last: Option<Arc<Path>> = None;
        loop {
            self.sleep_until_wanted();
            let Some(current) = self.current() else { continue };
            let dir = current.next_dir(last.as_deref());
            // A panic in one refresh (a bug) must not leave every later
            // request waiting: the directory is tried again next round.
            let refreshed =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.store.refresh_warm_dir(&current, &dir)));
            if let Ok(refreshed) = refreshed {
                self.publish(refreshed);
            }
            last = Some(dir);
        }
    }

    fn sleep_until_wanted(&self) {
        let mut lock = self.wake.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        while self.waiting.load(Ordering::SeqCst) == 0 {
            lock = self.wake.1.wait(lock).unwrap_or_else(|poisoned| poisoned.into_inner());
        }
    }
}
