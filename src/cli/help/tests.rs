use clap::CommandFactory;

use super::*;
use crate::cli::Cli;

/// The Chinese of a key of [`texts`], shared flags included.
fn zh_of(key: &str) -> Option<&'static str> {
    let rest = key.strip_prefix("help.")?;
    match rest.rsplit_once(".arg.") {
        Some((path, id)) => arg_help(Lang::Zh, &path.split('.').collect::<Vec<_>>(), id),
        None => lookup(Lang::Zh, key),
    }
}

#[test]
fn every_command_and_argument_has_english_and_chinese_help() {
    let mut missing = Vec::new();
    for (key, en) in texts(&Cli::command()) {
        if en.trim().is_empty() {
            missing.push(format!("{key}: no English (doc comment)"));
        }
        if zh_of(&key).is_none() {
            missing.push(format!("{key}: no Chinese ({en})"));
        }
    }
    assert!(missing.is_empty(), "help without both languages:\n{}", missing.join("\n"));
}

#[test]
fn chinese_help_replaces_the_english() {
    let mut cmd = localise(Cli::command(), Lang::Zh);
    let help = cmd.find_subcommand_mut("list").expect("list").render_help().to_string();
    assert!(help.contains(lookup(Lang::Zh, "help.list.about").unwrap()), "{help}");
}

#[test]
fn help_names_no_seed() {
    for (key, en) in texts(&Cli::command()) {
        let zh = zh_of(&key).unwrap_or("");
        let long = long_help_of(&key);
        for text in [en.as_str(), zh, long.as_str()] {
            assert!(!text.to_lowercase().contains("seed 0"), "{key}: {text}");
        }
    }
}

/// The long help (the whole doc comment) of the command a key names.
fn long_help_of(key: &str) -> String {
    let Some(path) = key.strip_prefix("help.").and_then(|k| k.strip_suffix(".about")) else { return String::new() };
    let mut cmd = Cli::command();
    for name in path.split('.') {
        match cmd.find_subcommand(name) {
            Some(sub) => cmd = sub.clone(),
            None => return String::new(),
        }
    }
    cmd.get_long_about().map(|a| a.to_string()).unwrap_or_default()
}
