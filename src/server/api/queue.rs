//! The queue's scans shared between concurrent requests. One scan of a
//! 100 000-ticket store takes a few hundred milliseconds and tens of MiB;
//! 32 people asking for the same queue at once must not run 32 scans.
//! Requests with the same filters take turns (one lock per filter); a
//! request uses the last result only if that scan *started after the
//! request arrived*, so every answer still reflects every change made
//! before it was asked (spec §11: a CLI change shows on the next request).

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use crate::error::Result;
use crate::ticket::IndexEntry;

/// The tickets one scan found, sorted as the queue shows them.
pub type Found = Arc<Vec<(PathBuf, IndexEntry)>>;

/// Distinct filters remembered at most; beyond it the memory restarts.
const KEYS: usize = 256;

struct Scan {
    started: Instant,
    found: Found,
}

type Slot = Arc<tokio::sync::Mutex<Option<Scan>>>;

#[derive(Default)]
pub struct SharedScans {
    slots: Mutex<HashMap<String, Slot>>,
}

impl SharedScans {
    fn slot(&self, key: &str) -> Slot {
        let mut slots = self.slots.lock().expect("queue scans");
        if slots.len() >= KEYS && !slots.contains_key(key) {
            slots.clear();
        }
        Arc::clone(slots.entry(key.to_string()).or_default())
    }

    /// The result of a scan with filters `key` started no earlier than
    /// `arrived`: the last one if it qualifies, else a new one by `scan`.
    pub async fn found<F, Fut>(&self, key: &str, arrived: Instant, scan: F) -> Result<Found>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<Vec<(PathBuf, IndexEntry)>>>,
    {
        let slot = self.slot(key);
        let mut last = slot.lock().await;
        if let Some(done) = last.as_ref().filter(|done| done.started >= arrived) {
            return Ok(Arc::clone(&done.found));
        }
        let started = Instant::now();
        let found = Arc::new(scan().await?);
        *last = Some(Scan { started, found: Arc::clone(&found) });
        Ok(found)
    }
}
