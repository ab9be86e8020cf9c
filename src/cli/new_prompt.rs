//! The interactive `new`: on a terminal, when required fields are missing,
//! every empty field of the record table is asked for in its order — the
//! configured choices listed, defaults in [brackets], Enter accepts the
//! default or leaves an optional field empty. Each answer is checked by the
//! core's own rules (`ops::check_field`) and re-asked with the error; Ctrl-D
//! aborts with nothing written.

use std::io::{BufRead, Write};

use chrono::{DateTime, FixedOffset};

use crate::config::{ChoiceKind, Config};
use crate::error::{Error, Result};
use crate::ops::{self, FIELD_KEYS, NewInput};

/// How a field is asked: Chinese first, its English twin, and whether an
/// answer is needed.
fn prompt_of(key: &str) -> (&'static str, &'static str, bool) {
    match key {
        "customer" => ("客户姓名", "customer name", true),
        "contact" => ("联系方式", "contact", true),
        "customer_id" => ("客户ID", "customer ID", false),
        "channel" => ("投诉渠道", "channel", true),
        "product" => ("涉及产品", "product", false),
        "summary" => ("投诉摘要", "summary", true),
        "description" => ("问题描述", "description", false),
        "expectation" => ("客户诉求", "expectation", false),
        "category" => ("投诉类型", "category", false),
        "severity" => ("严重程度", "severity", false),
        "received_at" => ("受理时间", "received at", false),
        other => unreachable!("{other} is not a field of a new complaint"),
    }
}

fn choices_of(key: &str) -> Option<ChoiceKind> {
    match key {
        "channel" => Some(ChoiceKind::Channel),
        "category" => Some(ChoiceKind::Category),
        "severity" => Some(ChoiceKind::Severity),
        _ => None,
    }
}

/// What Enter stands for, shown in [brackets].
fn default_of(key: &str, config: &Config, now: DateTime<FixedOffset>) -> Option<String> {
    match key {
        "severity" => config.severities.first().map(|s| s.label.clone()),
        "received_at" => Some(crate::time::format_local(&now, config.zone())),
        _ => None,
    }
}

/// Asks for every empty field, one by one, until each holds an answer the
/// core accepts (or is left empty where it may be).
pub fn ask_empty_fields(input: &mut NewInput, config: &Config, now: DateTime<FixedOffset>) -> Result<()> {
    let stdin = std::io::stdin();
    let mut lines = stdin.lock();
    for key in FIELD_KEYS {
        if input.slot(key).is_some() {
            continue;
        }
        if let Some(kind) = choices_of(key) {
            eprintln!("  {}", choice_list(config, kind));
        }
        *input.slot(key) = ask(&mut lines, key, config, now)?;
    }
    Ok(())
}

/// `电话 (phone), 在线客服 (online_chat), …`
fn choice_list(config: &Config, kind: ChoiceKind) -> String {
    config.choices(kind).iter().map(|c| format!("{} ({})", c.label, c.id)).collect::<Vec<_>>().join(", ")
}

fn ask(lines: &mut impl BufRead, key: &str, config: &Config, now: DateTime<FixedOffset>) -> Result<Option<String>> {
    let (zh, en, required) = prompt_of(key);
    let default = default_of(key, config, now);
    loop {
        match &default {
            Some(d) => eprint!("{zh} ({en}) [{d}]: "),
            None if required => eprint!("{zh} ({en}): "),
            None => eprint!("{zh} ({en}) [可留空 optional]: "),
        }
        let _ = std::io::stderr().flush();
        let mut line = String::new();
        let read = lines.read_line(&mut line).map_err(|e| Error::io("read", "stdin", e))?;
        if read == 0 {
            eprintln!();
            return Err(Error::invalid(
                format!("new: aborted at {zh} ({en}); nothing was written"),
                Some("give the fields as flags, e.g. --customer 张三 --contact 138… --channel 电话 --summary …"),
            ));
        }
        let answer = line.trim();
        let answer = match (answer.is_empty(), &default) {
            (false, _) => answer.to_string(),
            (true, Some(d)) => d.clone(),
            (true, None) if required => {
                eprintln!("  必填 (required)");
                continue;
            }
            (true, None) => return Ok(None),
        };
        match ops::check_field(key, &answer, config, now) {
            Ok(()) => return Ok(Some(answer)),
            Err(e) => {
                let lang = super::output::lang();
                eprintln!("  complaint: {}: {}", crate::tr!(lang, "output.error"), e.message(lang));
                if let Some(hint) = e.hint_in(lang) {
                    eprintln!("  {}: {hint}", crate::tr!(lang, "output.hint"));
                }
            }
        }
    }
}
