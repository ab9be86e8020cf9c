//! Store work (blocking file I/O under the store lock, slow hashes) moved
//! off the async runtime onto its blocking pool.

use crate::error::{Error, Result};

/// Runs `work` on the blocking pool; a panic in it is this request's error.
pub async fn blocking<T: Send + 'static>(work: impl FnOnce() -> Result<T> + Send + 'static) -> Result<T> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| Error::invalid(format!("the request failed inside the server: {e}"), None))?
}
