//! Passwords and API tokens: made from the system's random source, kept
//! only as argon2 hashes, compared in constant time.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

use crate::error::{Error, Result};

/// `n` random bytes from the operating system.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).expect("the operating system gives random bytes");
    bytes
}

/// 256 random bits as 64 hex digits: session ids and CSRF tokens.
pub fn random_hex() -> String {
    random_bytes::<32>().iter().map(|b| format!("{b:02x}")).collect()
}

/// A password people can type: 20 letters and digits without look-alikes
/// (about 112 bits).
pub fn new_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    random_bytes::<20>().iter().map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char).collect()
}

/// An API token `ID.SECRET`: the id finds the user, the secret is checked
/// against the hash. Returns `(token, id, secret)`.
pub fn new_token() -> (String, String, String) {
    let id: String = random_bytes::<6>().iter().map(|b| format!("{b:02x}")).collect();
    let secret = random_hex();
    (format!("{id}.{secret}"), id, secret)
}

/// The argon2id hash (PHC string) of `secret`.
pub fn hash(secret: &str) -> Result<String> {
    let salt = SaltString::encode_b64(&random_bytes::<16>())
        .map_err(|e| Error::invalid(format!("cannot make a salt: {e}"), None))?;
    Argon2::default()
        .hash_password(secret.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| Error::invalid(format!("cannot hash the secret: {e}"), None))
}

/// Whether `secret` matches `stored` (argon2 compares in constant time).
pub fn verify(secret: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|parsed| Argon2::default().verify_password(secret.as_bytes(), &parsed).is_ok())
}

/// Equal strings, in time that depends only on their lengths.
pub fn constant_time_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_its_secret_only() {
        let stored = hash("correct horse").unwrap();
        assert!(verify("correct horse", &stored));
        assert!(!verify("wrong horse", &stored));
        assert!(!verify("correct horse", "not a hash"));
    }

    #[test]
    fn secrets_differ_and_compare() {
        assert_ne!(random_hex(), random_hex());
        assert_eq!(new_password().len(), 20);
        let (token, id, secret) = new_token();
        assert_eq!(token, format!("{id}.{secret}"));
        assert!(constant_time_eq("abc", "abc") && !constant_time_eq("abc", "abd") && !constant_time_eq("ab", "abc"));
    }
}

#[cfg(test)]
mod demo_tests {
    /// The sample store's demo users (README) sign in with `demo-2026`.
    #[test]
    fn demo_users_have_the_documented_password() {
        let text = include_str!("../../demo-users.toml");
        let users: crate::store::Users = toml::from_str(text).unwrap();
        assert_eq!(users.users.len(), 2);
        for user in users.users.values() {
            assert!(super::verify("demo-2026", user.password_hash.as_deref().unwrap()));
        }
    }
}
