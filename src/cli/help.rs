//! `--help` in the language of messages: the English is clap's, from the
//! doc comments of the `Args` structs; the Chinese comes from the message
//! catalogue (`help.about`, `help.arg.ID` for the global flags,
//! `help.COMMAND.about`, `help.COMMAND.arg.ID`, `help.common.arg.ID` for a
//! flag several commands share, `help.user.add.about`…).

use clap::Command;

use crate::lang::Lang;
use crate::lang::messages::lookup;

/// The catalogue key of a command's about text; `path` is empty for the
/// top-level command.
fn about_key(path: &[&str]) -> String {
    key(path, "about")
}

fn arg_key(path: &[&str], id: &str) -> String {
    key(path, &format!("arg.{id}"))
}

fn key(path: &[&str], tail: &str) -> String {
    if path.is_empty() { format!("help.{tail}") } else { format!("help.{}.{tail}", path.join(".")) }
}

/// Arguments clap adds itself (its help is clap's own).
fn is_builtin(id: &str) -> bool {
    matches!(id, "help" | "version")
}

/// `cmd` with its help, its arguments' and its subcommands' in `lang`; in
/// English (or for a text the catalogue lacks) as it is.
pub fn localise(cmd: Command, lang: Lang) -> Command {
    if lang == Lang::En {
        return cmd;
    }
    localise_at(cmd, &[], lang)
}

fn localise_at(mut cmd: Command, path: &[&str], lang: Lang) -> Command {
    if let Some(about) = lookup(lang, &about_key(path)) {
        cmd = cmd.about(about).long_about(None);
    }
    let ids: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    for id in ids.iter().filter(|id| !is_builtin(id)) {
        if let Some(help) = arg_help(lang, path, id) {
            cmd = cmd.mut_arg(id, |a| a.help(help).long_help(None));
        }
    }
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for name in names {
        let mut sub_path = path.to_vec();
        sub_path.push(&name);
        let sub_path: Vec<&str> = sub_path;
        cmd = cmd.mut_subcommand(&name, |sub| localise_at(sub, &sub_path, lang));
    }
    cmd
}

/// An argument's help: its own (`help.COMMAND.arg.ID`), else that of the
/// flag shared by several commands (`help.common.arg.ID`: --wide, --at, the
/// filters).
pub fn arg_help(lang: Lang, path: &[&str], id: &str) -> Option<&'static str> {
    lookup(lang, &arg_key(path, id)).or_else(|| lookup(lang, &format!("help.common.arg.{id}")))
}

/// Every text of `cmd` that has a catalogue key: `(key, English text)`,
/// the English empty where clap has none. Global flags are listed once, at
/// the top level. For the test that every text has both forms.
#[cfg(test)]
pub fn texts(cmd: &Command) -> Vec<(String, String)> {
    let mut out = Vec::new();
    collect(cmd, &[], &mut out);
    out
}

#[cfg(test)]
fn collect(cmd: &Command, path: &[&str], out: &mut Vec<(String, String)>) {
    let about = cmd.get_about().map(|a| a.to_string()).unwrap_or_default();
    out.push((about_key(path), about));
    for arg in cmd.get_arguments().filter(|a| !is_builtin(a.get_id().as_str())) {
        if !path.is_empty() && arg.is_global_set() {
            continue;
        }
        let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
        out.push((arg_key(path, arg.get_id().as_str()), help));
    }
    for sub in cmd.get_subcommands() {
        let mut sub_path = path.to_vec();
        sub_path.push(sub.get_name());
        collect(sub, &sub_path, out);
    }
}

#[cfg(test)]
mod tests;
