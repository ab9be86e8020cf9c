//! The people who may sign in to `complaint serve`: `.complaint/users.toml`,
//! outside git (`.complaint/` is gitignored), mode 0600. Each holds only
//! slow hashes (argon2, made by `crate::server::secret`) of a password and
//! of an API token, never the secrets themselves. Roles live in
//! complaint.toml (`[people.NAME] role`, see `people.rs`); a `role` here is
//! what older versions wrote, read only when the config gives none.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::Store;
use crate::error::{Error, Result};

/// What the header comment of a demo users file says.
pub const DEMO_MARK: &str = "complaint: demo users";

pub use crate::config::Role;

/// One person's entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct User {
    /// The role as older versions kept it here; complaint.toml's
    /// `[people.NAME] role` wins, and `user add/reset --role` moves it there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// When the entry was made (RFC 3339).
    pub created: String,
    /// The argon2 hash (PHC string) of the password.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password_hash: Option<String>,
    /// The public half of the API token (`ID.SECRET`), to find its hash
    /// without trying every user's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_hash: Option<String>,
}

/// Every user, by name.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Users {
    #[serde(default)]
    pub users: BTreeMap<String, User>,
}

impl Users {
    /// The user whose API token has the public part `token_id`.
    pub fn by_token_id(&self, token_id: &str) -> Option<(&str, &User)> {
        self.users.iter().find(|(_, u)| u.token_id.as_deref() == Some(token_id)).map(|(n, u)| (n.as_str(), u))
    }
}

impl User {
    /// The role of this user: `[people]` in complaint.toml (`configured`),
    /// else the one an older users file holds.
    pub fn role(&self, configured: Option<Role>) -> Option<Role> {
        configured.or(self.role)
    }
}

impl Store {
    pub fn users_path(&self) -> PathBuf {
        self.root().join(&self.config().serve.users_file)
    }

    /// Whether the users file says in its header that it is the sample
    /// store's demo file (its password is published: never for real use).
    pub fn users_are_demo(&self) -> bool {
        std::fs::read_to_string(self.users_path())
            .is_ok_and(|text| text.lines().take_while(|l| l.starts_with('#')).any(|l| l.contains(DEMO_MARK)))
    }

    /// The users file; none yet is no users.
    pub fn read_users(&self) -> Result<Users> {
        let path = self.users_path();
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Users::default()),
            Err(e) => return Err(Error::io("read", &path, e)),
        };
        toml::from_str(&text)
            .map_err(|e| Error::BadFile { path: self.display_path(&path).into_owned().into(), message: e.to_string() })
    }

    /// Changes the users file under the store lock: `change` gets the
    /// current users; the result is written atomically, readable only by
    /// its owner.
    pub fn update_users<T>(&self, change: impl FnOnce(&mut Users) -> Result<T>) -> Result<T> {
        self.update_users_and_role(None, change)
    }

    /// As [`Store::update_users`], and with `role` gives that person the
    /// role in complaint.toml first (`[people.NAME] role`), then drops the
    /// role an older users file held for them: complaint.toml is its home.
    pub fn update_users_and_role<T>(
        &self,
        role: Option<(&str, Role)>,
        change: impl FnOnce(&mut Users) -> Result<T>,
    ) -> Result<T> {
        let _lock = self.lock()?;
        let mut users = self.read_users()?;
        let result = change(&mut users)?;
        if let Some((name, role)) = role {
            self.write_role(name, role)?;
            if let Some(user) = users.users.get_mut(name) {
                user.role = None;
            }
        }
        let text = toml::to_string(&users).expect("users serialise");
        write_private(&self.users_path(), text.as_bytes())?;
        Ok(result)
    }
}

/// Writes `bytes` to `path` atomically with mode 0600 from the start: the
/// hashes are never readable by others, not even for an instant.
fn write_private(path: &std::path::Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().expect("the users file is in .complaint/");
    std::fs::create_dir_all(dir).map_err(|e| Error::io("create", dir, e))?;
    let mut file = tempfile::NamedTempFile::new_in(dir).map_err(|e| Error::io("create", dir, e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o600))
            .map_err(|e| Error::io("write", path, e))?;
    }
    file.write_all(bytes).and_then(|_| file.as_file().sync_all()).map_err(|e| Error::io("write", path, e))?;
    file.persist(path).map_err(|e| Error::io("write", path, e.error))?;
    Ok(())
}
