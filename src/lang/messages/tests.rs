use std::collections::BTreeSet;

use super::*;

#[test]
fn every_message_has_both_languages_and_the_same_placeholders() {
    for m in all() {
        assert!(!m.zh.trim().is_empty() && !m.en.trim().is_empty(), "{}: a language is empty", m.key);
        assert_eq!(placeholders(m.zh), placeholders(m.en), "{}: placeholders differ", m.key);
    }
}

#[test]
fn keys_are_unique() {
    let mut seen = BTreeSet::new();
    for m in all() {
        assert!(seen.insert(m.key), "{} twice", m.key);
    }
}

#[test]
fn no_message_cites_a_seed() {
    for m in all() {
        for text in [m.zh, m.en] {
            assert!(!text.to_lowercase().contains("seed 0"), "{}: {text}", m.key);
        }
    }
}

#[test]
fn render_fills_placeholders_in_the_chosen_language() {
    assert_eq!(crate::tr!(Lang::Zh, "cli.ticket_count", count = 3), "共 3 件");
    assert_eq!(crate::tr!(Lang::En, "cli.ticket_count", count = 3), "3 ticket(s)");
    assert_eq!(render(Lang::En, "no.such.key", &[]), "no.such.key");
}

/// Every key the source names with `tr!(…, "key"` is in the catalogue.
#[test]
fn every_key_the_source_uses_exists() {
    let keys: BTreeSet<&str> = all().map(|m| m.key).collect();
    let mut missing = Vec::new();
    for (path, code) in sources(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))) {
        for (at, _) in code.match_indices("tr!(") {
            let before = code[..at].chars().next_back().unwrap_or(' ');
            let piece = &code[at + 4..];
            let Some(start) = piece.find('"') else { continue };
            let rest = &piece[start + 1..];
            let key = &rest[..rest.find('"').unwrap_or(0)];
            let key_like = key.contains('.') && key.chars().all(|c| c.is_ascii_lowercase() || c == '_' || c == '.');
            if !before.is_alphanumeric() && before != '_' && key_like && !keys.contains(key) {
                missing.push(format!("{path}: {key}"));
            }
        }
    }
    assert!(missing.is_empty(), "keys not in the catalogue: {missing:#?}");
}

/// Messages of the command line go through the catalogue: no `ctx.info(` or
/// `ctx.warn(` with a literal or a `format!` of English words in src/cli/.
#[test]
fn cli_messages_go_through_the_catalogue() {
    let mut bypass = Vec::new();
    for (path, code) in sources(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src/cli"))) {
        if ALLOWED_LITERAL_FILES.contains(&path.rsplit('/').next().unwrap_or("")) {
            continue;
        }
        for call in ["ctx.info(", "ctx.warn("] {
            for piece in code.split(call).skip(1) {
                let head: String = piece.chars().take(40).collect();
                let head = head.trim_start();
                if head.starts_with('"') || head.starts_with("format!(\"") {
                    bypass.push(format!("{path}: {call}{head}"));
                }
            }
        }
    }
    assert!(bypass.is_empty(), "messages that bypass the catalogue: {bypass:#?}");
}

/// Files whose messages are still literal (listed, to be moved into the
/// catalogue): the step names of `sync`, the server's start-up, users,
/// attachments, import recovery, the merge driver, repairs and unreadable files.
const ALLOWED_LITERAL_FILES: &[&str] =
    &["sync.rs", "serve.rs", "user.rs", "import.rs", "merge_driver.rs", "common.rs", "transition.rs"];

fn sources(dir: &std::path::Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("source directory").flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push((path.display().to_string(), std::fs::read_to_string(&path).expect("source file")));
        }
    }
    out
}
