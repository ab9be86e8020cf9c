//! Roles in complaint.toml (`[people.NAME] role`, spec §11): written by
//! `complaint user add/reset --role` with the file's comments and layout
//! kept, and read by the long-running server again whenever the file
//! changed (a `git pull`, a `user reset --role`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use toml_edit::{DocumentMut, Item, Table, Value};

use super::walk::{self, FileStamp};
use super::{CONFIG_FILE, Store};
use crate::config::{Config, Role};
use crate::error::{Error, Result};

impl Store {
    pub fn config_path(&self) -> PathBuf {
        self.root().join(CONFIG_FILE)
    }

    /// Sets `[people.NAME] role` in complaint.toml, atomically. A string
    /// entry (`"李四" = "李四 <…>"`) becomes a table keeping the address as
    /// `email`. The edited file must still be a valid configuration, or
    /// nothing is written. The caller holds the store lock.
    pub(super) fn write_role(&self, name: &str, role: Role) -> Result<()> {
        let path = self.config_path();
        let text = std::fs::read_to_string(&path).map_err(|e| Error::io("read", &path, e))?;
        let edited = with_role(&text, name, role).map_err(|message| config_error(&path, message))?;
        Config::from_toml(&edited, &path)?;
        super::write_atomic(&path, edited)
    }
}

fn config_error(path: &Path, message: String) -> Error {
    Error::Config { path: path.to_path_buf(), message, hint: Some("fix it by hand: see docs/config.md".into()) }
}

/// `text` with `name`'s role set, everything else as it was.
fn with_role(text: &str, name: &str, role: Role) -> std::result::Result<String, String> {
    let mut doc: DocumentMut = text.parse().map_err(|e: toml_edit::TomlError| e.to_string())?;
    let people = doc.entry("people").or_insert_with(|| {
        let mut table = Table::new();
        table.set_implicit(true);
        Item::Table(table)
    });
    let people = people.as_table_mut().ok_or("[people] must be a table to set a role in it")?;
    let role_value = Value::from(role.as_str());
    match people.get_mut(name) {
        Some(Item::Table(entry)) => {
            entry.insert("role", Item::Value(role_value));
        }
        Some(Item::Value(Value::InlineTable(entry))) => {
            entry.insert("role", role_value);
        }
        Some(Item::Value(Value::String(address))) => {
            let address = address.value().clone();
            // Comments above the old line go above the new table.
            let above =
                people.key(name).and_then(|k| k.leaf_decor().prefix()).and_then(|p| p.as_str()).map(str::to_owned);
            people.remove(name);
            let mut entry = Table::new();
            if let Some(above) = above.filter(|a| !a.trim().is_empty()) {
                entry.decor_mut().set_prefix(format!("\n{}", above.trim_start_matches('\n')));
            }
            entry.insert("email", toml_edit::value(address));
            entry.insert("role", Item::Value(role_value));
            people.insert(name, Item::Table(entry));
        }
        Some(_) => return Err(format!("[people] {name:?} is neither an address nor a table")),
        None => {
            let mut entry = Table::new();
            entry.insert("role", Item::Value(role_value));
            let first = people.is_empty().then(|| people.position()).flatten();
            people.insert(name, Item::Table(entry));
            if let Some(header) = first {
                move_header_comments(&mut doc, header, name);
            }
        }
    }
    Ok(doc.to_string())
}

/// The comments under an empty `[people]` header (the template's) are
/// kept by toml_edit before whatever follows it, and would end up below
/// the first new entry: they move above it, up to their blank line.
fn move_header_comments(doc: &mut DocumentMut, header: usize, name: &str) {
    let mut later = Vec::new();
    positions(doc.as_table(), &mut later);
    let next = later.into_iter().filter(|p| *p > header).min();
    let holder = match next.and_then(|p| table_at(doc.as_table_mut(), p)) {
        Some(table) => table.decor_mut(),
        None => return,
    };
    let prefix = holder.prefix().and_then(|p| p.as_str()).unwrap_or_default().to_owned();
    let Some(end) = prefix.rfind("\n\n") else { return };
    let (comments, rest) = (prefix[..end + 1].to_owned(), prefix[end + 1..].to_owned());
    holder.set_prefix(rest);
    if let Some(Item::Table(entry)) = doc.get_mut("people").and_then(|p| p.get_mut(name)) {
        entry.decor_mut().set_prefix(format!("{comments}\n"));
    }
}

fn positions(table: &Table, out: &mut Vec<usize>) {
    for (_, item) in table.iter() {
        let tables: Vec<&Table> = match item {
            Item::Table(t) => vec![t],
            Item::ArrayOfTables(a) => a.iter().collect(),
            _ => continue,
        };
        for t in tables {
            out.extend(t.position());
            positions(t, out);
        }
    }
}

fn table_at(table: &mut Table, position: usize) -> Option<&mut Table> {
    for (_, item) in table.iter_mut() {
        let tables: Vec<&mut Table> = match item {
            Item::Table(t) => vec![t],
            Item::ArrayOfTables(a) => a.iter_mut().collect(),
            _ => continue,
        };
        for t in tables {
            if t.position() == Some(position) {
                return Some(t);
            }
            if let Some(found) = table_at(t, position) {
                return Some(found);
            }
        }
    }
    None
}

/// The roles of complaint.toml as they are now, for a long-running
/// process: a question costs one `stat` while the file's stamp is
/// unchanged. A file changed within the last seconds is read again at each
/// question (the kernel's clock ticks in milliseconds, so an edit of the
/// same size may keep the stamp) and parsed only when its text differs. A
/// broken file answers with its error until it is fixed.
pub struct ConfigRoles {
    path: PathBuf,
    last: Mutex<Option<Seen>>,
}

struct Seen {
    stamp: FileStamp,
    /// The file was changed so recently that an edit may keep the stamp.
    racy: bool,
    text: String,
    roles: std::result::Result<Arc<BTreeMap<String, Role>>, String>,
}

/// How long after a change a stamp is not trusted.
const RACY_NS: i128 = 2_000_000_000;

impl ConfigRoles {
    pub fn new(store: &Store) -> ConfigRoles {
        ConfigRoles { path: store.config_path(), last: Mutex::new(None) }
    }

    /// The role complaint.toml gives `name` now, if any.
    pub fn role_of(&self, name: &str) -> Result<Option<Role>> {
        let now = walk::stamp_of(&self.path).map_err(|e| Error::io("read", &self.path, e))?;
        let mut last = self.last.lock().expect("config roles");
        if !last.as_ref().is_some_and(|seen| seen.stamp == now && !seen.racy) {
            let text = std::fs::read_to_string(&self.path).map_err(|e| Error::io("read", &self.path, e))?;
            let racy = racy(now);
            match last.as_mut() {
                Some(seen) if seen.text == text => (seen.stamp, seen.racy) = (now, racy),
                _ => *last = Some(Seen { stamp: now, racy, roles: parse_roles(&self.path, &text), text }),
            }
        }
        match &last.as_ref().expect("just read").roles {
            Ok(roles) => Ok(roles.get(name).copied()),
            Err(message) => Err(Error::Config {
                path: self.path.clone(),
                message: message.clone(),
                hint: Some("fix complaint.toml; it is read again at the next request".into()),
            }),
        }
    }
}

fn racy(stamp: FileStamp) -> bool {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos() as i128);
    now - i128::from(stamp.changed_ns()) < RACY_NS
}

fn parse_roles(path: &Path, text: &str) -> std::result::Result<Arc<BTreeMap<String, Role>>, String> {
    let config = Config::from_toml(text, path).map_err(|e| e.to_string())?;
    Ok(Arc::new(config.people.into_iter().filter_map(|(name, p)| Some((name, p.role?))).collect()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "[id]\nprefix = \"CP\"\n\n[people]\n# staff\n\"李四\" = \"李四 <lisi@example.com>\"\n\n[mail]\nfrom = \"a@b.c\"\n";

    #[test]
    fn a_new_person_gets_a_table_after_people() {
        let out = with_role(TEXT, "王芳", Role::Lead).unwrap();
        assert!(
            out.contains("\"李四\" = \"李四 <lisi@example.com>\"\n\n[people.\"王芳\"]\nrole = \"lead\"\n\n[mail]"),
            "{out}"
        );
    }

    #[test]
    fn an_address_becomes_a_table_keeping_it_and_its_comment() {
        let out = with_role(TEXT, "李四", Role::Agent).unwrap();
        assert!(
            out.contains(
                "[people]\n\n# staff\n[people.\"李四\"]\nemail = \"李四 <lisi@example.com>\"\nrole = \"agent\"\n"
            ),
            "{out}"
        );
    }

    #[test]
    fn comments_under_an_empty_people_header_stay_under_it() {
        let text = "[people]\n# staff by name\n# more\n\n# the mail\n[mail]\nfrom = \"a@b.c\"\n";
        let out = with_role(text, "bob", Role::Viewer).unwrap();
        assert_eq!(
            out,
            "[people]\n# staff by name\n# more\n\n[people.bob]\nrole = \"viewer\"\n\n# the mail\n[mail]\nfrom = \"a@b.c\"\n"
        );
        let again = with_role(&out, "amy", Role::Lead).unwrap();
        assert!(again.contains("role = \"viewer\"\n\n[people.amy]\nrole = \"lead\"\n\n# the mail\n[mail]"), "{again}");
    }

    #[test]
    fn a_table_keeps_its_other_keys() {
        let text = "[people.\"王芳\"]\nemail = \"w@example.com\" # work\nrole = \"viewer\"\n";
        let out = with_role(text, "王芳", Role::Lead).unwrap();
        assert_eq!(out, "[people.\"王芳\"]\nemail = \"w@example.com\" # work\nrole = \"lead\"\n");
    }
}
