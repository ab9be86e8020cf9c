//! Bearer tokens already verified: an argon2 verification costs tens of
//! milliseconds and ~19 MiB, too much for every API request. A token that
//! verified once against a stored hash is remembered by its SHA-256 with
//! that hash; it is accepted again only while the users file still holds
//! the same hash for it, so `user reset` or `user remove` takes effect on
//! the next request. Failed tokens are not remembered.

use std::collections::HashMap;
use std::sync::Mutex;

use sha2::{Digest, Sha256};

/// At most this many tokens are remembered; beyond it the cache restarts.
const CAPACITY: usize = 1024;

#[derive(Default)]
pub struct TokenCache {
    verified: Mutex<HashMap<[u8; 32], String>>,
}

impl TokenCache {
    /// Whether `token` verified before against exactly `stored_hash`.
    pub fn knows(&self, token: &str, stored_hash: &str) -> bool {
        let verified = self.verified.lock().expect("token cache");
        verified.get(&digest(token)).is_some_and(|hash| hash == stored_hash)
    }

    /// Remembers that `token` verified against `stored_hash`.
    pub fn remember(&self, token: &str, stored_hash: &str) {
        let mut verified = self.verified.lock().expect("token cache");
        if verified.len() >= CAPACITY {
            verified.clear();
        }
        verified.insert(digest(token), stored_hash.to_string());
    }
}

fn digest(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}
