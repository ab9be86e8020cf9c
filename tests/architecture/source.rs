//! Reads the crate's source files into module paths and the paths each
//! file names (`use` lines and inline `crate::…`/`super::…` paths), with
//! comments and string contents blanked so that text about a path is not
//! taken for one. A small lexer, not a Rust parser: enough for this crate.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module path from the crate root: `["cli", "list"]`; `[]` is lib.rs.
pub type Module = Vec<String>;

/// The roots a path may start from that are not modules of this crate but
/// matter to a rule (`report` does no I/O and no transport).
const EXTERNAL_ROOTS: [&str; 2] = ["std", "lettre"];

pub struct SourceFile {
    /// Relative to the crate: `src/cli/list.rs`.
    pub path: String,
    pub module: Module,
    /// `mod.rs`, `lib.rs` or a file with a folder of submodules beside it.
    pub code: String,
    /// `*tests.rs` files are test modules in full.
    pub is_test_file: bool,
}

/// One path a file names, resolved to segments from the crate root (or an
/// external root such as `std`).
#[derive(Debug, Clone)]
pub struct Reference {
    pub segments: Vec<String>,
    pub line: usize,
    /// Inside a `#[cfg(test)]` item or a test file.
    pub in_test: bool,
    /// A `pub use` (a re-export), with the name it is exported as.
    pub reexport_as: Option<String>,
    /// The module the reference is written in (an inline module included).
    pub from: Module,
}

/// Every `.rs` file under `src/`, with its module path. `#[path]`
/// attributes (`#[path = "calendar_tests.rs"] mod tests;`) are followed.
pub fn read_crate(root: &Path) -> Vec<SourceFile> {
    let mut paths = Vec::new();
    collect(&root.join("src"), &mut paths);
    let mut files: Vec<SourceFile> = paths
        .into_iter()
        .map(|p| {
            let path = p.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
            let code = blank(&std::fs::read_to_string(&p).unwrap());
            let is_test_file = path.ends_with("tests.rs");
            SourceFile { module: default_module(&path), path, code, is_test_file }
        })
        .collect();
    let mut renamed = BTreeMap::new();
    for file in &files {
        let dir = Path::new(&file.path).parent().unwrap().to_path_buf();
        for (target, name) in path_attributes(&file.code, &std::fs::read_to_string(root.join(&file.path)).unwrap()) {
            let mut module = file.module.clone();
            module.push(name);
            renamed.insert(normalise(&dir.join(target)), module);
        }
    }
    for file in &mut files {
        if let Some(module) = renamed.get(&file.path) {
            file.module = module.clone();
        }
    }
    files
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
}

fn normalise(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// `src/cli/list.rs` → `cli::list`; `src/sla/mod.rs` → `sla`; `src/lib.rs`
/// → the root; `src/main.rs` → `main` (the binary, its own crate).
fn default_module(path: &str) -> Module {
    let inner = path.strip_prefix("src/").unwrap().strip_suffix(".rs").unwrap();
    let mut parts: Vec<String> = inner.split('/').map(str::to_string).collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

/// `(file, module name)` of each `#[path = "file"] mod name;`. The path is
/// read from the raw text: blanking empties string literals.
fn path_attributes(code: &str, raw: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(i) = code[at..].find("#[path") {
        let start = at + i;
        let end = start + code[start..].find(']').unwrap();
        let value = raw[start..end].split('"').nth(1).unwrap_or_default().to_string();
        let rest = code[end + 1..].trim_start();
        let rest = rest.strip_prefix("pub ").unwrap_or(rest).trim_start();
        if let Some(rest) = rest.strip_prefix("mod ") {
            let name: String = rest.trim_start().chars().take_while(|c| is_ident(*c)).collect();
            found.push((value, name));
        }
        at = end;
    }
    found
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The code with comments and the contents of string and char literals
/// replaced by spaces; line breaks are kept so that line numbers hold.
pub fn blank(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let keep_lines = |c: char| if c == '\n' { '\n' } else { ' ' };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(keep_lines(chars[i]));
                    i += 1;
                }
            }
        } else if let Some(hashes) = raw_string_start(&chars, i) {
            // r"…", r#"…"#, br"…": no escapes; ends at a quote and the hashes.
            let open = i + chars[i..].iter().position(|&c| c == '"').unwrap();
            out.extend(std::iter::repeat_n(' ', open - i + 1));
            i = open + 1;
            while i < chars.len() && !(chars[i] == '"' && (0..hashes).all(|h| chars.get(i + 1 + h) == Some(&'#'))) {
                out.push(keep_lines(chars[i]));
                i += 1;
            }
            out.extend(std::iter::repeat_n(' ', hashes + 1));
            i += hashes + 1;
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if i < chars.len() {
                    out.push(keep_lines(chars[i]));
                    i += 1;
                }
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' && (next == Some('\\') || chars.get(i + 2) == Some(&'\'')) {
            // A char literal ('"', '\n'); a lifetime ('a) has no closing quote.
            let close = i + 2 + chars[i + 2..].iter().position(|&c| c == '\'').unwrap();
            out.extend(std::iter::repeat_n(' ', close - i + 1));
            i = close + 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// The number of `#` of a raw string starting at `i`, if one does.
fn raw_string_start(chars: &[char], i: usize) -> Option<usize> {
    if i > 0 && is_ident(chars[i - 1]) {
        return None;
    }
    let mut j = i;
    if chars.get(j) == Some(&'b') {
        j += 1;
    }
    if chars.get(j) != Some(&'r') {
        return None;
    }
    j += 1;
    let hashes = chars[j..].iter().take_while(|&&c| c == '#').count();
    (chars.get(j + hashes) == Some(&'"')).then_some(hashes)
}

/// Byte ranges of `#[cfg(test)]` items, and of inline modules with their names.
struct Regions {
    tests: Vec<(usize, usize)>,
    modules: Vec<(usize, usize, String)>,
}

/// The inline modules (`mod name { … }`) of a file, as module paths.
pub fn inline_modules(file: &SourceFile) -> Vec<Module> {
    let regions = regions(&file.code);
    regions.modules.iter().map(|(a, _, _)| module_at(file, &regions, a + 1)).collect()
}

fn regions(code: &str) -> Regions {
    let mut tests = Vec::new();
    let mut at = 0;
    while let Some(i) = code[at..].find("#[cfg(test)]") {
        let start = at + i;
        tests.push((start, item_end(code, start + "#[cfg(test)]".len())));
        at = start + 1;
    }
    let mut modules = Vec::new();
    for (i, _) in code.match_indices("mod ") {
        if i > 0 && code[..i].chars().next_back().is_some_and(is_ident) {
            continue;
        }
        let rest = &code[i + 4..];
        let name: String = rest.trim_start().chars().take_while(|c| is_ident(*c)).collect();
        let after = rest.trim_start()[name.len()..].trim_start();
        if !name.is_empty() && after.starts_with('{') {
            let open = code.len() - after.len();
            modules.push((open, matching_brace(code, open), name));
        }
    }
    Regions { tests, modules }
}

/// The end of the item starting at `from`: its first `;` outside braces, or
/// the brace that closes its first block.
fn item_end(code: &str, from: usize) -> usize {
    for (i, c) in code[from..].char_indices() {
        match c {
            ';' => return from + i,
            '{' => return matching_brace(code, from + i),
            _ => {}
        }
    }
    code.len()
}

fn matching_brace(code: &str, open: usize) -> usize {
    let mut depth = 0;
    for (i, c) in code[open..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return open + i;
                }
            }
            _ => {}
        }
    }
    code.len()
}

/// Every path the file names that starts at `crate`, `super`, `self`, a
/// child module, `std` or `lettre` (and `complaint` in main.rs), resolved
/// to absolute segments. `use` trees are expanded.
pub fn references(file: &SourceFile, modules: &BTreeSet<Module>) -> Vec<Reference> {
    let code = &file.code;
    let regions = regions(code);
    let mut found = Vec::new();
    for (start, c) in code.char_indices() {
        if !is_ident(c) || code[..start].chars().next_back().is_some_and(|p| is_ident(p) || p == ':') {
            continue;
        }
        let word: String = code[start..].chars().take_while(|c| is_ident(*c)).collect();
        if !code[start + word.len()..].starts_with("::") {
            continue;
        }
        let from = module_at(file, &regions, start);
        let Some(base) = base_of(&word, &from, file, modules) else { continue };
        let (trees, reexport) = (use_tree(&code[start + word.len()..]), reexport_at(code, start));
        let line = code[..start].matches('\n').count() + 1;
        let in_test = file.is_test_file || regions.tests.iter().any(|&(a, b)| a <= start && start <= b);
        for (tail, alias) in trees {
            let mut segments = base.clone();
            for segment in tail {
                match segment.as_str() {
                    "super" => drop(segments.pop()),
                    "self" => {}
                    _ => segments.push(segment),
                }
            }
            let reexport_as = reexport.then(|| alias.unwrap_or_else(|| segments.last().cloned().unwrap_or_default()));
            found.push(Reference { segments, line, in_test, reexport_as, from: from.clone() });
        }
    }
    found
}

/// The module a position of the file is in: the file's, or an inline one.
fn module_at(file: &SourceFile, regions: &Regions, at: usize) -> Module {
    let mut module = file.module.clone();
    let mut enclosing: Vec<&(usize, usize, String)> =
        regions.modules.iter().filter(|(a, b, _)| *a < at && at < *b).collect();
    enclosing.sort_by_key(|(a, _, _)| *a);
    module.extend(enclosing.into_iter().map(|(_, _, name)| name.clone()));
    module
}

/// Where a path starting with `word` begins, from the crate root.
fn base_of(word: &str, from: &Module, file: &SourceFile, modules: &BTreeSet<Module>) -> Option<Vec<String>> {
    match word {
        "crate" => Some(Vec::new()),
        "complaint" if file.path == "src/main.rs" => Some(Vec::new()),
        "self" => Some(from.clone()),
        "super" => Some(from[..from.len().saturating_sub(1)].to_vec()),
        w if EXTERNAL_ROOTS.contains(&w) => Some(vec![w.to_string()]),
        w => {
            let mut child = from.clone();
            child.push(w.to_string());
            modules.contains(&child).then_some(child)
        }
    }
}

/// Whether the path at `at` is the start of a `pub use` (a re-export).
fn reexport_at(code: &str, at: usize) -> bool {
    let line_start = code[..at].rfind(['\n', ';', '{', '}']).map_or(0, |i| i + 1);
    let head = code[line_start..at].trim();
    head.starts_with("pub") && head.ends_with("use")
}

/// The paths of a use tree written after its first segment (`::a::{b, c::d
/// as e}` → `[a, b]`, `[a, c, d]` as `e`); on an inline path, its segments
/// up to the first non-path character. `super`/`self` inside are resolved.
fn use_tree(text: &str) -> Vec<(Vec<String>, Option<String>)> {
    let mut out = Vec::new();
    parse_tree(text, &mut Vec::new(), &mut out);
    out
}

fn parse_tree(mut text: &str, prefix: &mut Vec<String>, out: &mut Vec<(Vec<String>, Option<String>)>) -> usize {
    let total = text.len();
    let depth = prefix.len();
    while let Some(rest) = text.strip_prefix("::") {
        let rest = rest.trim_start();
        if let Some(inner) = rest.strip_prefix('{') {
            let mut inner_text = inner;
            loop {
                inner_text = inner_text.trim_start();
                if let Some(after) = inner_text.strip_prefix('}') {
                    text = after;
                    prefix.truncate(depth);
                    return total - text.len();
                }
                let used = parse_item(inner_text, prefix, out);
                if used == 0 {
                    // Unclosed group: the end of the text.
                    prefix.truncate(depth);
                    return total;
                }
                inner_text = inner_text[used..].trim_start();
                inner_text = inner_text.strip_prefix(',').unwrap_or(inner_text);
            }
        }
        if rest.starts_with('*') {
            break;
        }
        let name: String = rest.chars().take_while(|c| is_ident(*c)).collect();
        if name.is_empty() {
            break;
        }
        prefix.push(name.clone());
        text = &rest[name.len()..];
    }
    let alias =
        text.trim_start().strip_prefix("as ").map(|a| a.trim_start().chars().take_while(|c| is_ident(*c)).collect());
    out.push((prefix.clone(), alias));
    prefix.truncate(depth);
    total - text.len()
}

/// One item of a `{…}` group: `self`, `name`, `a::b`, `a::{…}`, `x as y`.
fn parse_item(text: &str, prefix: &mut Vec<String>, out: &mut Vec<(Vec<String>, Option<String>)>) -> usize {
    let name: String = text.chars().take_while(|c| is_ident(*c)).collect();
    if name.is_empty() {
        // `*` or something unexpected: skip one character.
        return text.chars().next().map_or(0, char::len_utf8);
    }
    let depth = prefix.len();
    if name != "self" {
        prefix.push(name.clone());
    }
    let rest = &text[name.len()..];
    let used = if rest.trim_start().starts_with("::") {
        let lead = rest.len() - rest.trim_start().len();
        lead + parse_tree(rest.trim_start(), prefix, out)
    } else {
        let alias_text = rest.trim_start();
        let alias = alias_text
            .strip_prefix("as ")
            .map(|a| a.trim_start().chars().take_while(|c| is_ident(*c)).collect::<String>());
        out.push((prefix.clone(), alias.clone()));
        match alias {
            Some(a) => {
                let after_as = alias_text.find(&a).unwrap() + a.len();
                rest.len() - alias_text.len() + after_as
            }
            None => 0,
        }
    };
    prefix.truncate(depth);
    name.len() + used
}
