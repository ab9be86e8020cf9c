//! The `[git]` section: whether changing commands commit what they wrote.

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GitConfig {
    /// Commit each change when the store is inside a git work tree (spec §8).
    pub auto_commit: bool,
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::config::Config;

    #[test]
    fn auto_commit_defaults_on_and_can_be_turned_off() {
        assert!(Config::default().git.auto_commit);
        let c = Config::from_toml("[git]\nauto_commit = false\n", Path::new("complaint.toml")).unwrap();
        assert!(!c.git.auto_commit);
        let err = Config::from_toml("[git]\nautocommit = true\n", Path::new("complaint.toml")).unwrap_err();
        assert!(err.to_string().contains("autocommit"), "{err}");
    }
}
