//! The files kept with a ticket (`attach`), as `show` lists them and as a
//! history line describes one.

use super::table;
use crate::config::Config;
use crate::lang::Lang;
use crate::ticket::{Action, Attachment, HASH_PREFIX_LEN, Ticket};
use crate::time;

/// `发票.pdf (购买凭证, 12.3 KiB, sha256 0123456789ab)`.
pub fn describe(a: &Attachment, lang: Lang) -> String {
    format!(
        "{} ({}, {}, sha256 {})",
        a.name,
        lang.coded(a.kind.id(), a.kind.label()),
        size(a.bytes),
        &a.sha256[..HASH_PREFIX_LEN.min(a.sha256.len())]
    )
}

/// The ticket's attachments (name, kind, size, hash prefix, time, by);
/// `None` when it has none.
pub fn table(ticket: &Ticket, config: &Config) -> Option<comfy_table::Table> {
    let lang = config.lang();
    let zone = config.zone();
    let attached: Vec<_> = ticket
        .history
        .iter()
        .filter(|e| e.action == Action::Attached)
        .filter_map(|e| e.attachment.as_ref().map(|a| (e, a)))
        .collect();
    if attached.is_empty() {
        return None;
    }
    let header = lang.headers(&[
        ("文件名", "Name"),
        ("类别", "Kind"),
        ("大小", "Size"),
        ("sha256", "sha256"),
        ("时间", "Time"),
        ("操作人", "By"),
    ]);
    let mut t = table::new_table(header);
    for (event, a) in attached {
        t.add_row(vec![
            a.name.clone(),
            lang.coded(a.kind.id(), a.kind.label()).to_string(),
            size(a.bytes),
            a.sha256[..HASH_PREFIX_LEN.min(a.sha256.len())].to_string(),
            time::format_local(&event.at, zone),
            event.by.clone(),
        ]);
    }
    Some(t)
}

/// A size people read: bytes, KiB or MiB with one decimal.
pub fn size(bytes: u64) -> String {
    match bytes {
        b if b < 1024 => format!("{b} B"),
        b if b < 1024 * 1024 => format!("{:.1} KiB", b as f64 / 1024.0),
        b => format!("{:.1} MiB", b as f64 / (1024.0 * 1024.0)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(size(12), "12 B");
        assert_eq!(size(12_800), "12.5 KiB");
        assert_eq!(size(20 * 1024 * 1024), "20.0 MiB");
    }
}
