//! Tables that fit the terminal (issue 15): every table command on a copy of
//! the sample store at 80 and 120 columns (`--width N` forces the width
//! without a terminal), `--wide` and piped output unchanged, and a real
//! pseudo-terminal with `COLUMNS=80` through script(1).

use std::path::Path;

use assert_cmd::Command;
use unicode_width::UnicodeWidthStr;

const NOW: &str = "2026-11-23 10:00";

/// The commands whose tables must fit; `show`/`log` on the ticket with the
/// longest history of the sample store.
const COMMANDS: [&[&str]; 6] = [
    &["list"],
    &["overdue", "--as-of", "2026-11-23T10:00"],
    &["show", "CP20261029001"],
    &["log", "CP20261029001"],
    &["report", "--week", "2026-W47"],
    &["calendar", "2026-10"],
];

/// A copy of the sample store at the repository root.
fn sample_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(root.join("complaint.toml"), dir.path().join("complaint.toml")).unwrap();
    copy_tree(&root.join("tickets"), &dir.path().join("tickets"));
    dir
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn run(store: &Path, args: &[&str]) -> String {
    let output = Command::cargo_bin("complaint")
        .unwrap()
        .current_dir(store)
        .env_remove("COMPLAINT_STORE")
        .env("COMPLAINT_NOW", NOW)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "60")
        .args(args)
        .output()
        .unwrap();
    assert!(output.status.code().is_some_and(|c| c <= 1), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

fn widest(text: &str) -> usize {
    text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
}

fn name(args: &[&str]) -> &'static str {
    match args[0] {
        "list" => "list",
        "overdue" => "overdue",
        "show" => "show",
        "log" => "log",
        "report" => "report",
        _ => "calendar",
    }
}

#[test]
fn every_table_command_fits_80_and_120_columns() {
    let store = sample_copy();
    for width in [80, 120] {
        for args in COMMANDS {
            let mut with_width = vec!["--width".to_string(), width.to_string()];
            with_width.extend(args.iter().map(|a| a.to_string()));
            let with_width: Vec<&str> = with_width.iter().map(String::as_str).collect();
            let text = run(store.path(), &with_width);
            assert!(widest(&text) <= width, "{args:?} at {width}: {} columns\n{text}", widest(&text));
            insta::assert_snapshot!(format!("{}_{width}", name(args)), text);
        }
    }
}

/// Piped, with `$COLUMNS` set (it applies only on a terminal), the output is
/// the full rows of before; `--wide` gives the same even with `--width`.
#[test]
fn piped_and_wide_output_keep_full_rows() {
    let store = sample_copy();
    for args in COMMANDS {
        let piped = run(store.path(), args);
        let mut wide = vec!["--width", "80"];
        wide.extend_from_slice(args);
        if args[0] != "calendar" {
            wide.push("--wide");
        }
        assert_eq!(run(store.path(), &wide), piped, "{args:?}");
        assert!(!piped.contains("--wide"), "{args:?}: no caption when piped");
    }
    assert!(widest(&run(store.path(), &["list"])) > 120, "the sample's list is wider than a terminal");
}

#[test]
fn a_hidden_column_is_named_under_the_table() {
    let store = sample_copy();
    let text = run(store.path(), &["--width", "80", "list"]);
    assert!(text.ends_with("（已隐藏：严重程度、类型、渠道、客户；--wide 显示全部列）\n"), "{text}");
}

/// On a real terminal `$COLUMNS` decides (script(1) gives a pseudo-terminal).
#[test]
fn on_a_terminal_columns_decides_the_width() {
    let store = sample_copy();
    let bin = assert_cmd::cargo::cargo_bin("complaint");
    let output = std::process::Command::new("script")
        .args(["-q", "-e", "-c", &format!("{} list", bin.display()), "/dev/null"])
        .current_dir(store.path())
        .env_remove("COMPLAINT_STORE")
        .env("COMPLAINT_NOW", NOW)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "80")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("script(1) from util-linux runs");
    let screen = String::from_utf8_lossy(&output.stdout).replace('\r', "");
    assert!(output.status.success(), "{screen}");
    assert!(screen.contains("--wide 显示全部列"), "{screen}");
    assert!(widest(&screen) <= 80, "{screen}");
}
