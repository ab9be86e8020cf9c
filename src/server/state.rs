//! What every handler shares: the store, the clock, the sessions and the
//! sign-in throttle.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, FixedOffset};
use chrono_tz::Tz;

use super::api::queue::LiveIndex;
use super::sessions::{Sessions, Throttle};
use super::token_cache::TokenCache;
use crate::error::Result;
use crate::sla::{self, Calendar, Target};
use crate::store::{ConfigRoles, Store};
use crate::ticket::Ticket;

/// A ticket with its clocks evaluated at `now`.
pub struct TicketClocks {
    pub ticket: Ticket,
    pub calendar: Calendar,
    pub targets: Vec<Target>,
    pub now: DateTime<FixedOffset>,
}

/// "Now" in a zone; read on every request (the command line's `--now`
/// fixes it for tests).
pub type Clock = Arc<dyn Fn(Tz) -> Result<DateTime<FixedOffset>> + Send + Sync>;

/// How the server was started.
#[derive(Debug, Clone)]
pub struct Options {
    pub listen: SocketAddr,
    /// Mark the session cookie `Secure` (the server is behind TLS).
    pub secure_cookies: bool,
}

pub struct AppState {
    pub store: Store,
    pub clock: Clock,
    pub options: Options,
    pub sessions: Mutex<Sessions>,
    pub throttle: Mutex<Throttle>,
    /// Bearer tokens verified before (argon2 once per token, not per request).
    pub tokens: TokenCache,
    /// The store's index, warm between requests and refreshed for each.
    pub index: LiveIndex,
    /// The roles of complaint.toml, read again when the file changed.
    pub roles: ConfigRoles,
    /// One change at a time enters the blocking pool: the store lock
    /// serialises them anyway, and 32 threads waiting on it each kept a
    /// malloc arena (361 MiB peak with git auto-commit).
    pub writer: tokio::sync::Semaphore,
    /// One argon2 verification at a time: each takes ~19 MiB, and 32
    /// clients presenting a new token at once would otherwise take 600.
    hashing: Mutex<()>,
}

pub type Shared = Arc<AppState>;

impl AppState {
    pub fn new(store: Store, clock: Clock, options: Options) -> Shared {
        Arc::new(AppState {
            index: LiveIndex::new(store.clone()),
            roles: ConfigRoles::new(&store),
            store,
            clock,
            options,
            sessions: Mutex::new(HashMap::new()),
            throttle: Mutex::new(Throttle::default()),
            tokens: TokenCache::default(),
            writer: tokio::sync::Semaphore::new(1),
            hashing: Mutex::new(()),
        })
    }

    /// "Now" in the store's zone.
    pub fn now(&self) -> Result<DateTime<FixedOffset>> {
        (self.clock)(self.store.config().zone())
    }

    /// Ticket `id` as of now with every clock of it (what `show` shows):
    /// the API's ticket document and the desk's ticket page.
    pub fn ticket_with_clocks(&self, id: &str) -> Result<TicketClocks> {
        let config = self.store.config();
        let ticket = self.store.load(&self.store.parse_id(id)?)?;
        let now = self.now()?;
        let calendar = config.business_calendar();
        let targets = sla::ticket_targets(&calendar, &config.sla, &ticket, now);
        Ok(TicketClocks { ticket, calendar, targets, now })
    }

    /// Runs `verify` (a slow hash) when no other verification runs.
    pub fn one_hash_at_a_time<T>(&self, verify: impl FnOnce() -> T) -> T {
        let _turn = self.hashing.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        verify()
    }

    /// Runs `work` (store calls: blocking file I/O under the store lock, or
    /// a slow hash) on the blocking pool.
    pub async fn blocking<T: Send + 'static>(
        self: &Arc<Self>,
        work: impl FnOnce(&AppState) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let state = Arc::clone(self);
        super::pool::blocking(move || work(&state)).await
    }
}
