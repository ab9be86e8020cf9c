//! The server's memory of who signed in (sessions) and of failed sign-ins
//! (the throttle), shared by `state.rs` and `auth.rs`.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::time::{Duration, Instant};

const WINDOW: Duration = Duration::from_secs(15 * 60);
const MAX_FAILURES: usize = 5;

pub struct Session {
    pub name: String,
    pub csrf: String,
    pub last_seen: Instant,
}

pub type Sessions = HashMap<String, Session>;

/// Failed sign-ins by name and by client address, within [`WINDOW`].
#[derive(Default)]
pub struct Throttle {
    by_name: HashMap<String, VecDeque<Instant>>,
    by_address: HashMap<IpAddr, VecDeque<Instant>>,
}

impl Throttle {
    pub fn refuses(&mut self, name: &str, address: IpAddr, now: Instant) -> bool {
        let full = |list: Option<&mut VecDeque<Instant>>| {
            list.is_some_and(|list| {
                list.retain(|t| now.duration_since(*t) < WINDOW);
                list.len() >= MAX_FAILURES
            })
        };
        full(self.by_name.get_mut(name)) || full(self.by_address.get_mut(&address))
    }

    pub fn failed(&mut self, name: &str, address: IpAddr, now: Instant) {
        self.by_name.entry(name.to_string()).or_default().push_back(now);
        self.by_address.entry(address).or_default().push_back(now);
    }
}
