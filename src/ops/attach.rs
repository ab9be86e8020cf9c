//! Attach: a file kept as evidence with a complaint (spec §3.1; seeds 000
//! and 002: the purchase proof, photos, test reports, the customer's signed
//! confirmation). The rule only: what the file is called in the store, what
//! is refused, and the `attached` event. The store reads the file (never
//! through a link, only a regular file) and hands over its facts; it writes
//! the copy before the event is saved.

use serde::Deserialize;

use super::{Change, Stamp, optional_text};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::lang::words::Words;
use crate::ticket::text::CharClass;
use crate::ticket::{Action, Attachment, AttachmentKind, Event, Ticket};

/// The options of `attach` (the file itself comes from the store).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttachInput {
    /// proof, photo, report, signed, receipt or other (default other).
    pub kind: Option<String>,
    /// A note on the file (`-m`).
    pub message: Option<String>,
}

/// What the store found out about the file to attach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileFacts {
    /// The file's own name (its last path component), as given.
    pub original_name: String,
    pub bytes: u64,
    /// Lower-case hex SHA-256 of the content.
    pub sha256: String,
}

/// Longest stored name in bytes: file systems take 255, the hash prefix
/// and its dash take 13.
const MAX_NAME_BYTES: usize = 200;

/// The name kept for `original`: no path separator, no leading dot (a
/// hidden file, `..`), no character the one-line rule refuses (each becomes
/// `_`), at most [`MAX_NAME_BYTES`] (the extension kept); `file` if nothing
/// is left.
pub fn sanitise_name(original: &str) -> String {
    let replaced: String =
        original.chars().map(|c| if matches!(c, '/' | '\\') || CharClass::of(c).is_some() { '_' } else { c }).collect();
    let name = replaced.trim().trim_start_matches('.').trim();
    let name = shorten(name);
    if name.is_empty() { "file".to_string() } else { name }
}

/// `name` cut to [`MAX_NAME_BYTES`] on a character boundary, keeping a
/// short extension.
fn shorten(name: &str) -> String {
    if name.len() <= MAX_NAME_BYTES {
        return name.to_string();
    }
    let ext = name.rfind('.').map(|i| &name[i..]).filter(|e| e.len() <= 16).unwrap_or("");
    let mut stem = &name[..name.len() - ext.len()];
    while stem.len() + ext.len() > MAX_NAME_BYTES {
        let cut = stem.char_indices().last().map_or(0, |(i, _)| i);
        stem = &stem[..cut];
    }
    format!("{stem}{ext}")
}

/// The kind typed (id or Chinese label); `other` when none.
pub fn attachment_kind(text: Option<&str>) -> Result<AttachmentKind> {
    let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else { return Ok(AttachmentKind::Other) };
    AttachmentKind::parse(text).ok_or_else(|| Error::UnknownValue {
        kind: "attachment kind",
        value: text.to_string(),
        valid: AttachmentKind::ALL.iter().map(|k| format!("{} {}", k.id(), k.label())).collect::<Vec<_>>().join(", "),
        suggestion: None,
    })
}

/// Refuses a file over `[limits] max_attachment_bytes`.
pub fn check_size(name: &str, bytes: u64, config: &Config) -> Result<()> {
    let max = config.limits.max_attachment_bytes;
    if bytes > max {
        return Err(Error::invalid(
            format!("{name} is {bytes} bytes, over the attachment limit of {max} bytes"),
            Some("raise [limits] max_attachment_bytes in complaint.toml, or keep large media elsewhere and note where"),
        ));
    }
    Ok(())
}

/// The attachment of the ticket with this content, if it has one already.
pub fn already_attached<'t>(ticket: &'t Ticket, sha256: &str) -> Option<&'t Attachment> {
    ticket.history.iter().filter_map(|e| e.attachment.as_ref()).find(|a| a.sha256 == sha256)
}

/// The `attached` event for `file`; `None` when the ticket holds the same
/// content already (nothing to record: the caller says so).
pub fn attach(
    ticket: &Ticket,
    config: &Config,
    file: &FileFacts,
    input: &AttachInput,
    stamp: Stamp,
) -> Result<Option<Change>> {
    check_size(&file.original_name, file.bytes, config)?;
    let kind = attachment_kind(input.kind.as_deref())?;
    let note = optional_text("message", input.message.as_deref(), true, config.limits.max_text_bytes)?;
    if already_attached(ticket, &file.sha256).is_some() {
        return Ok(None);
    }
    let attachment = Attachment {
        name: sanitise_name(&file.original_name),
        kind,
        sha256: file.sha256.clone(),
        bytes: file.bytes,
        extra: Default::default(),
    };
    let what = Words::new("change.attached").with("name", &attachment.name).with_pick("kind", kind.label(), kind.id());
    let mut event = Event::new(stamp.at, &stamp.by, Action::Attached);
    event.attachment = Some(attachment);
    event.note = note;
    Ok(Some(Change::new(event, what)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::fixtures::{config, stamp, ticket};

    fn facts(name: &str, bytes: u64) -> FileFacts {
        FileFacts { original_name: name.into(), bytes, sha256: "ab".repeat(32) }
    }

    #[test]
    fn names_lose_separators_leading_dots_and_controls() {
        assert_eq!(sanitise_name("发票 0012.pdf"), "发票 0012.pdf");
        assert_eq!(sanitise_name("../..\\x.jpg"), "_.._x.jpg");
        assert_eq!(sanitise_name(".bashrc"), "bashrc");
        assert_eq!(sanitise_name("a\nb\u{202E}c.png"), "a_b_c.png");
        assert_eq!(sanitise_name("..."), "file");
        let long = format!("{}.jpeg", "图".repeat(100));
        let short = sanitise_name(&long);
        assert!(short.len() <= MAX_NAME_BYTES && short.ends_with(".jpeg"), "{short}");
    }

    #[test]
    fn the_event_records_name_kind_hash_and_size() {
        let input = AttachInput { kind: Some("签字确认".into()), message: Some("客户签字".into()) };
        let change = attach(&ticket(), &config(), &facts("确认书.pdf", 1234), &input, stamp("2026-11-23 10:00"))
            .unwrap()
            .unwrap();
        let a = change.event.attachment.unwrap();
        assert_eq!((a.name.as_str(), a.kind, a.bytes), ("确认书.pdf", AttachmentKind::Signed, 1234));
        assert_eq!(change.event.action, Action::Attached);
        assert_eq!(change.event.note.as_deref(), Some("客户签字"));
    }

    #[test]
    fn the_same_content_twice_records_nothing() {
        let mut t = ticket();
        let first = attach(&t, &config(), &facts("a.jpg", 3), &AttachInput::default(), stamp("2026-11-23 10:00"));
        t.record(first.unwrap().unwrap().event);
        let again = attach(&t, &config(), &facts("b.jpg", 3), &AttachInput::default(), stamp("2026-11-23 10:05"));
        assert_eq!(again.unwrap(), None);
    }

    #[test]
    fn oversize_files_and_unknown_kinds_are_refused() {
        let big = config().limits.max_attachment_bytes + 1;
        assert!(
            attach(&ticket(), &config(), &facts("a.mp4", big), &AttachInput::default(), stamp("2026-11-23 10:00"))
                .is_err()
        );
        let input = AttachInput { kind: Some("video".into()), message: None };
        let got = attach(&ticket(), &config(), &facts("a.jpg", 3), &input, stamp("2026-11-23 10:00"));
        assert!(matches!(got, Err(Error::UnknownValue { .. })));
    }
}
