//! The layers of docs/architecture.md, checked on the source: every path a
//! file under src/ names (`use crate::…`, `use super::…`, inline
//! `crate::x::y`, a child module's `x::y`) is resolved to the file that
//! defines it (following `pub use` re-exports), and
//!
//! - no two files use each other, directly or round a longer loop (a "file
//!   circle"); a module's root file (mod.rs, lib.rs, `git.rs` beside
//!   `git/`) may use its own submodules, which use it back;
//! - no layer imports one above it (see [`FORBIDDEN`]);
//! - no CLI command borrows from a sibling command: shared helpers live in
//!   cli/common.rs, output.rs, filter.rs, context.rs;
//! - only cli/context.rs reads the clock, and the environment but for the
//!   few files [`READS_ENVIRONMENT`] names.
//!
//! Test code (files ending in `tests.rs`, `#[cfg(test)]` items) is left out
//! of the circle check and may import `config` to build fixtures
//! (`Config::default().business_calendar()`); every other rule holds for it.

mod source;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use source::{Module, Reference, SourceFile};

/// `(layer, layers it must not import)`. A layer is a top-level module;
/// `main` is the binary. `ops` (the core operations, issue 13) sits above
/// ticket/sla/config and below store and the doors (cli, and server).
const FORBIDDEN: &[(&str, &[&str])] = &[
    ("ticket", &["config", "store", "report", "mail", "cli", "ops", "server", "web"]),
    ("sla", &["config", "store", "report", "mail", "cli", "ops", "server", "web"]),
    ("config", &["report", "store", "cli", "ops", "server", "web"]),
    ("report", &["store", "cli", "mail", "ops", "server", "web"]),
    ("ops", &["store", "cli", "server", "report", "mail", "web"]),
    ("lang", &["config", "store", "report", "mail", "cli", "ops", "server", "web"]),
    ("time", &["config", "store", "report", "mail", "cli", "ops", "server", "web"]),
    ("store", &["cli", "server", "web"]),
    // The web desk's pages render core data; the server reads the store.
    ("web", &["store", "cli", "server", "mail"]),
    ("error", &["config", "store", "report", "mail", "cli", "ops", "server", "sla"]),
];

/// Only the binary enters the command-line layer (lib.rs declares it).
const ONLY_MAIN_USES: &str = "cli";

/// External paths `report` must not name: it renders, it does no file,
/// network or process I/O and builds no mail (mail/ does).
const REPORT_MUST_NOT_NAME: &[&[&str]] = &[&["std", "fs"], &["std", "net"], &["std", "process"], &["lettre"]];

/// Commands that may use another command: `sync` runs `check` as one of
/// its steps (pull, check, push), the way a user would.
const COMMAND_STEPS: &[(&str, &str)] = &[("sync", "check")];

/// The files that may read environment variables beside cli/context.rs,
/// and why. The clock of tickets and reports (chrono's `Utc::now`,
/// `Local::now`) is read only in cli/context.rs; the store's lock waits and
/// leftover-file ages use `std::time`, file-system time, not "now".
const READS_ENVIRONMENT: &[(&str, &str)] = &[
    ("src/cli/context.rs", "the flags' environment, the SMTP URL, $USER, NO_COLOR"),
    ("src/mail/url.rs", "the SMTP password, from the variable [mail] password_env names, only when sending"),
    ("src/store/git.rs", "GIT_AUTHOR_NAME, which git itself would use for the commit"),
    ("src/cli/edit.rs", "$VISUAL / $EDITOR, the editor `edit` starts"),
];

/// Files resolved from module paths, and the paths each file names.
struct Crate {
    files: Vec<SourceFile>,
    by_module: BTreeMap<Module, usize>,
    reexports: BTreeMap<(Module, String), Vec<String>>,
    references: Vec<Vec<Reference>>,
}

impl Crate {
    fn read() -> Crate {
        let files = source::read_crate(Path::new(env!("CARGO_MANIFEST_DIR")));
        let mut by_module = BTreeMap::new();
        for (i, file) in files.iter().enumerate() {
            by_module.insert(file.module.clone(), i);
            for inline in source::inline_modules(file) {
                by_module.insert(inline, i);
            }
        }
        let modules: BTreeSet<Module> = by_module.keys().cloned().collect();
        let references: Vec<Vec<Reference>> = files.iter().map(|f| source::references(f, &modules)).collect();
        let mut reexports = BTreeMap::new();
        for reference in references.iter().flatten() {
            if let Some(name) = &reference.reexport_as {
                reexports.insert((reference.from.clone(), name.clone()), reference.segments.clone());
            }
        }
        Crate { files, by_module, reexports, references }
    }

    /// The file defining what `segments` names (through re-exports), or
    /// `None` for an external path.
    fn resolve(&self, segments: &[String]) -> Option<usize> {
        self.resolve_within(segments, 0)
    }

    fn resolve_within(&self, segments: &[String], depth: usize) -> Option<usize> {
        let mut module: Module = Vec::new();
        let mut rest = segments;
        while let Some((first, tail)) = rest.split_first() {
            let mut deeper = module.clone();
            deeper.push(first.clone());
            if !self.by_module.contains_key(&deeper) {
                break;
            }
            module = deeper;
            rest = tail;
        }
        if let Some((first, tail)) = rest.split_first()
            && let Some(target) = self.reexports.get(&(module.clone(), first.clone()))
            && depth < 8
        {
            let mut path = target.clone();
            path.extend(tail.iter().cloned());
            return self.resolve_within(&path, depth + 1);
        }
        if module.is_empty() {
            // `std::…`, `lettre::…`: not a file of this crate.
            return None;
        }
        self.by_module.get(&module).copied()
    }

    /// Every reference between two different files: `(from, to, reference)`.
    fn edges(&self) -> Vec<(usize, usize, &Reference)> {
        let mut edges = Vec::new();
        for (from, references) in self.references.iter().enumerate() {
            for reference in references {
                if let Some(to) = self.resolve(&reference.segments).filter(|&to| to != from) {
                    edges.push((from, to, reference));
                }
            }
        }
        edges
    }

    fn layer(&self, file: usize) -> &str {
        self.files[file].module.first().map_or("", String::as_str)
    }

    fn describe(&self, from: usize, to: usize, reference: &Reference) -> String {
        format!(
            "{}:{} uses {} ({})",
            self.files[from].path,
            reference.line,
            self.files[to].path,
            reference.segments.join("::")
        )
    }
}

/// `to` is a submodule of `from` (a module root using its own children).
fn is_descendant(from: &Module, to: &Module) -> bool {
    to.len() > from.len() && to.starts_with(from)
}

#[test]
fn no_file_circles() {
    let krate = Crate::read();
    let n = krate.files.len();
    let mut next: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); n];
    for (from, to, reference) in krate.edges() {
        if !reference.in_test && !is_descendant(&krate.files[from].module, &krate.files[to].module) {
            next[from].insert(to);
        }
    }
    let reach: Vec<BTreeSet<usize>> = (0..n).map(|start| reachable(start, &next)).collect();
    let mut circles = BTreeSet::new();
    for a in 0..n {
        let circle: Vec<&str> =
            (0..n).filter(|&b| reach[a].contains(&b) && reach[b].contains(&a)).map(|b| &*krate.files[b].path).collect();
        if !circle.is_empty() {
            circles.insert(circle.join(" ↔ "));
        }
    }
    assert!(circles.is_empty(), "files that use each other (move the shared piece to a third file):\n{circles:#?}");
}

fn reachable(start: usize, next: &[BTreeSet<usize>]) -> BTreeSet<usize> {
    let mut seen = BTreeSet::new();
    let mut todo: Vec<usize> = next[start].iter().copied().collect();
    while let Some(at) = todo.pop() {
        if seen.insert(at) {
            todo.extend(next[at].iter().copied());
        }
    }
    seen
}

#[test]
fn layers_point_one_way() {
    let krate = Crate::read();
    let mut wrong = Vec::new();
    for (from, to, reference) in krate.edges() {
        let (layer, target) = (krate.layer(from), krate.layer(to));
        let forbidden = FORBIDDEN.iter().find(|(l, _)| *l == layer).is_some_and(|(_, f)| f.contains(&target));
        let fixture = reference.in_test && target == "config";
        let enters_cli = target == ONLY_MAIN_USES && !matches!(layer, "main" | "" | ONLY_MAIN_USES);
        if (forbidden && !fixture) || enters_cli {
            wrong.push(krate.describe(from, to, reference));
        }
    }
    assert!(wrong.is_empty(), "imports against the layers (docs/architecture.md):\n{wrong:#?}");
}

#[test]
fn report_renders_without_io_or_transport() {
    let krate = Crate::read();
    let mut wrong = Vec::new();
    for (i, file) in krate.files.iter().enumerate() {
        if krate.layer(i) != "report" {
            continue;
        }
        for reference in &krate.references[i] {
            if REPORT_MUST_NOT_NAME
                .iter()
                .any(|p| reference.segments.starts_with(&p.iter().map(|s| s.to_string()).collect::<Vec<_>>()))
            {
                wrong.push(format!("{}:{} names {}", file.path, reference.line, reference.segments.join("::")));
            }
        }
    }
    assert!(wrong.is_empty(), "report/ must only render (I/O in store, cli; messages in mail):\n{wrong:#?}");
}

#[test]
fn environment_and_clock_are_read_in_one_place() {
    let krate = Crate::read();
    let mut wrong = Vec::new();
    for file in krate.files.iter().filter(|f| !f.is_test_file) {
        let code = &file.code;
        let clock = ["Utc::now", "Local::now"].iter().any(|c| code.contains(c));
        let env = ["env::var", "env::current_dir"].iter().any(|c| code.contains(c));
        if clock && file.path != "src/cli/context.rs" {
            wrong.push(format!("{} reads the clock (only Context::now may)", file.path));
        }
        if env && !READS_ENVIRONMENT.iter().any(|(path, _)| *path == file.path) {
            wrong.push(format!("{} reads the environment (cli/context.rs does)", file.path));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// The subcommands: the modules cli/mod.rs dispatches to (`list::run`).
fn commands(krate: &Crate) -> BTreeSet<String> {
    let root = krate.by_module[&vec!["cli".to_string()]];
    krate.references[root]
        .iter()
        .filter(|r| r.segments.len() == 3 && r.segments[0] == "cli" && r.segments[2] == "run")
        .map(|r| r.segments[1].clone())
        .collect()
}

#[test]
fn commands_do_not_borrow_from_each_other() {
    let krate = Crate::read();
    let commands = commands(&krate);
    assert!(commands.contains("list") && commands.contains("sync"), "dispatch not found: {commands:?}");
    let command_of = |file: usize| {
        let module = &krate.files[file].module;
        (module.len() == 2 && module[0] == "cli" && commands.contains(&module[1])).then(|| module[1].as_str())
    };
    let mut wrong = Vec::new();
    for (from, to, reference) in krate.edges() {
        if let (Some(a), Some(b)) = (command_of(from), command_of(to))
            && !COMMAND_STEPS.contains(&(a, b))
        {
            wrong.push(krate.describe(from, to, reference));
        }
    }
    assert!(wrong.is_empty(), "commands using sibling commands (move the helper to cli/common.rs):\n{wrong:#?}");
}

/// The reader itself, on text shaped like the crate's.
#[test]
fn reader_expands_use_trees_and_ignores_comments_and_strings() {
    let text = "use super::{Context, output::{self, print as p}};\n// use crate::store;\nlet s = \"crate::mail::x\";\nlet c = '\"'; crate::sla::Calendar::new();\n";
    let file = SourceFile {
        path: "src/cli/x.rs".into(),
        module: vec!["cli".into(), "x".into()],
        code: source::blank(text),
        is_test_file: false,
    };
    let modules = BTreeSet::from([vec!["cli".to_string()], vec!["cli".to_string(), "x".to_string()]]);
    let found: Vec<String> = source::references(&file, &modules).iter().map(|r| r.segments.join("::")).collect();
    assert_eq!(found, ["cli::Context", "cli::output", "cli::output::print", "sla::Calendar::new"]);
}
