//! The overdue list as a complete RFC 5322 message (spec §7): MIME
//! multipart/mixed with a UTF-8 plain-text table and the CSV attached, an
//! RFC 2047 encoded Chinese subject. Pure: the date is a parameter, the only
//! thing that varies between runs is a generated Message-ID (pass one to make
//! the output byte-for-byte reproducible).

use std::str::FromStr;
use std::time::SystemTime;

use chrono::{DateTime, FixedOffset, NaiveDate};
use lettre::Message;
use lettre::message::header::{ContentDisposition, ContentTransferEncoding, ContentType, HeaderName, HeaderValue};
use lettre::message::{Mailboxes, MultiPart, SinglePart};

pub use lettre::message::Mailbox;

use crate::error::{Error, Result};

const ADDRESS_HINT: &str = "write an address as name@example.com or \"客服部 <name@example.com>\"";

/// Everything the overdue email is made of. Addresses are parsed already
/// (see [`parse_address`], [`parse_addresses`]) so errors can name their source.
#[derive(Debug, Clone)]
pub struct OverdueEmail<'a> {
    pub from: Mailbox,
    pub to: Vec<Mailbox>,
    pub cc: Vec<Mailbox>,
    /// Plain text; use [`subject`] for the standard one.
    pub subject: String,
    /// The `Date:` header, written with its own offset (e.g. `+0800`).
    pub date: DateTime<FixedOffset>,
    /// The rendered overdue table (UTF-8 text, `\n` line ends).
    pub body: &'a str,
    /// The CSV attachment, sent byte for byte (base64).
    pub csv: &'a [u8],
    /// Attachment file name; use [`attachment_name`] for the standard one.
    pub attachment_name: String,
    /// A full Message-ID such as `<x@example.com>` (angle brackets optional);
    /// `None` generates a unique one at the domain of `from`.
    pub message_id: Option<String>,
}

/// Who a message goes to at the SMTP level (RFC 5321), as opposed to its headers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Envelope {
    /// `MAIL FROM`.
    pub from: String,
    /// `RCPT TO`: every To and Cc address.
    pub to: Vec<String>,
}

/// A finished message: its bytes (CRLF line ends, ASCII only) and envelope.
#[derive(Debug, Clone)]
pub struct RenderedEmail {
    pub bytes: Vec<u8>,
    pub envelope: Envelope,
}

/// The standard subject: `[投诉超时] 3 项超时 2026-11-23`.
pub fn subject(prefix: &str, count: usize, day: NaiveDate) -> String {
    let prefix = prefix.trim();
    if prefix.is_empty() { format!("{count} 项超时 {day}") } else { format!("{prefix} {count} 项超时 {day}") }
}

/// The standard attachment name: `overdue-2026-11-23.csv`.
pub fn attachment_name(day: NaiveDate) -> String {
    format!("overdue-{day}.csv")
}

/// Parses one address (`a@b.cn` or `名字 <a@b.cn>`); `source` names where it
/// came from (`--from`, `[mail] from`) for the error.
pub fn parse_address(text: &str, source: &str) -> Result<Mailbox> {
    Mailbox::from_str(text.trim()).map_err(|e| {
        Error::mail(format!("invalid email address {:?} in {source}: {e}", text.trim()), Some(ADDRESS_HINT))
    })
}

/// Parses a list of addresses; each item may itself hold several separated
/// by commas (`--to a@x.cn,b@x.cn`). Empty items are skipped.
pub fn parse_addresses<S: AsRef<str>>(items: &[S], source: &str) -> Result<Vec<Mailbox>> {
    let mut out = Vec::new();
    for item in items {
        let item = item.as_ref().trim();
        if item.is_empty() {
            continue;
        }
        let list = Mailboxes::from_str(item)
            .map_err(|e| Error::mail(format!("invalid email address {item:?} in {source}: {e}"), Some(ADDRESS_HINT)))?;
        out.extend(list);
    }
    Ok(out)
}

/// Builds the message. Fails only when there is no recipient or lettre
/// rejects the headers.
pub fn build(email: &OverdueEmail<'_>) -> Result<RenderedEmail> {
    if email.to.is_empty() {
        return Err(Error::mail(
            "the email has no recipient",
            Some("pass --to ADDRESS, or set to = [\"name@example.com\"] in the [mail] section of complaint.toml"),
        ));
    }
    let message_id = match &email.message_id {
        Some(id) if id.trim().starts_with('<') => id.trim().to_string(),
        Some(id) => format!("<{}>", id.trim()),
        None => format!("<{}.complaint@{}>", ulid::Ulid::new(), email.from.email.domain()),
    };

    let mut builder = Message::builder()
        .from(email.from.clone())
        .subject(email.subject.clone())
        .date(SystemTime::from(email.date))
        .message_id(Some(message_id))
        .user_agent(format!("complaint {}", env!("CARGO_PKG_VERSION")));
    for to in &email.to {
        builder = builder.to(to.clone());
    }
    for cc in &email.cc {
        builder = builder.cc(cc.clone());
    }

    let text = SinglePart::builder().header(ContentType::TEXT_PLAIN).body(email.body.to_string());
    let csv_type = ContentType::parse("text/csv; charset=utf-8").expect("a valid content type");
    let attachment = SinglePart::builder()
        .header(csv_type)
        .header(ContentDisposition::attachment(&email.attachment_name))
        .header(ContentTransferEncoding::Base64)
        .body(email.csv.to_vec());
    let multipart = MultiPart::mixed().boundary(boundary(email)).singlepart(text).singlepart(attachment);

    let message =
        builder.multipart(multipart).map_err(|e| Error::mail(format!("cannot build the email: {e}"), None))?;
    Ok(render(message, email.date))
}

/// The finished bytes and envelope. lettre writes dates in UTC; the caller's
/// offset is kept (a Chinese team reads +0800).
fn render(mut message: Message, date: DateTime<FixedOffset>) -> RenderedEmail {
    message.headers_mut().insert_raw(HeaderValue::new(HeaderName::new_from_ascii_str("Date"), date.to_rfc2822()));
    let envelope = message.envelope();
    let envelope = Envelope {
        from: envelope.from().map(ToString::to_string).unwrap_or_default(),
        to: envelope.to().iter().map(ToString::to_string).collect(),
    };
    RenderedEmail { bytes: message.formatted(), envelope }
}

/// A short plain-text notice, e.g. the task reminder of `assign --notify`
/// (seed 004: 系统自动发送任务提醒).
#[derive(Debug, Clone)]
pub struct Notice<'a> {
    pub from: Mailbox,
    pub to: Vec<Mailbox>,
    pub subject: String,
    pub date: DateTime<FixedOffset>,
    pub body: &'a str,
}

/// Builds a notice: one UTF-8 text part, same headers as the overdue mail.
pub fn build_notice(notice: &Notice<'_>) -> Result<RenderedEmail> {
    if notice.to.is_empty() {
        return Err(Error::mail("the notice has no recipient", None));
    }
    let message_id = format!("<{}.complaint@{}>", ulid::Ulid::new(), notice.from.email.domain());
    let mut builder = Message::builder()
        .from(notice.from.clone())
        .subject(notice.subject.clone())
        .date(SystemTime::from(notice.date))
        .message_id(Some(message_id))
        .user_agent(format!("complaint {}", env!("CARGO_PKG_VERSION")));
    for to in &notice.to {
        builder = builder.to(to.clone());
    }
    let part = SinglePart::builder().header(ContentType::TEXT_PLAIN).body(notice.body.to_string());
    let message = builder.singlepart(part).map_err(|e| Error::mail(format!("cannot build the email: {e}"), None))?;
    Ok(render(message, notice.date))
}

/// The message with LF line ends instead of CRLF, for a local `sendmail`
/// and for `--format email` on stdout.
pub fn with_lf_line_ends(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            continue;
        }
        out.push(b);
    }
    out
}

/// A boundary derived from the content (so output is reproducible), checked
/// not to occur in it. `=_` never occurs in base64 or quoted-printable text.
fn boundary(email: &OverdueEmail<'_>) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in [email.subject.as_bytes(), email.body.as_bytes(), email.csv, email.attachment_name.as_bytes()] {
        for &b in part {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    let mut n = 0u32;
    loop {
        let candidate = format!("=_complaint_{hash:016x}_{n}");
        let bytes = candidate.as_bytes();
        let occurs = |hay: &[u8]| hay.windows(bytes.len()).any(|w| w == bytes);
        if !occurs(email.body.as_bytes()) && !occurs(email.csv) {
            return candidate;
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample<'a>(body: &'a str, csv: &'a [u8]) -> OverdueEmail<'a> {
        let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        OverdueEmail {
            from: parse_address("投诉系统 <complaint@example.com>", "[mail] from").unwrap(),
            to: parse_addresses(&["a@example.com, 王经理 <b@example.com>"], "--to").unwrap(),
            cc: parse_addresses(&["c@example.com"], "[mail] cc").unwrap(),
            subject: subject("[投诉超时]", 3, day),
            date: DateTime::parse_from_rfc3339("2026-11-23T09:00:00+08:00").unwrap(),
            body,
            csv,
            attachment_name: attachment_name(day),
            message_id: Some("fixed@example.com".into()),
        }
    }

    #[test]
    fn subject_and_attachment_name() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(subject("[投诉超时]", 3, day), "[投诉超时] 3 项超时 2026-11-23");
        assert_eq!(subject("", 1, day), "1 项超时 2026-11-23");
        assert_eq!(attachment_name(day), "overdue-2026-11-23.csv");
    }

    #[test]
    fn deterministic_with_a_message_id() {
        let e = sample("编号 超时\nCP20261123001 2h\n", "编号,超时\r\nCP20261123001,2h\r\n".as_bytes());
        let a = build(&e).unwrap();
        let b = build(&e).unwrap();
        assert_eq!(a.bytes, b.bytes);
        assert!(a.bytes.is_ascii());
        let text = String::from_utf8(a.bytes).unwrap();
        assert!(text.contains("Date: Mon, 23 Nov 2026 09:00:00 +0800\r\n"), "{text}");
        assert!(text.contains("Message-ID: <fixed@example.com>\r\n"), "{text}");
        assert!(text.contains("Subject: =?utf-8?"), "{text}");
        assert!(text.contains("multipart/mixed"), "{text}");
        assert!(text.contains("filename=\"overdue-2026-11-23.csv\""), "{text}");
        assert_eq!(a.envelope.from, "complaint@example.com");
        assert_eq!(a.envelope.to, ["a@example.com", "b@example.com", "c@example.com"]);
    }

    #[test]
    fn generated_message_ids_differ() {
        let mut e = sample("x", b"x");
        e.message_id = None;
        let a = String::from_utf8(build(&e).unwrap().bytes).unwrap();
        let b = String::from_utf8(build(&e).unwrap().bytes).unwrap();
        assert_ne!(a, b);
        assert!(a.contains(".complaint@example.com>"), "{a}");
    }

    #[test]
    fn lf_line_ends() {
        assert_eq!(with_lf_line_ends(b"a\r\nb\rc\n\r\n"), b"a\nb\rc\n\n");
    }

    #[test]
    fn bad_addresses_name_their_source() {
        let err = parse_address("not an address", "--from").unwrap_err().to_string();
        assert!(err.contains("--from"), "{err}");
        let err = parse_addresses(&["ok@example.com", "bad@@x"], "[mail] to").unwrap_err().to_string();
        assert!(err.contains("[mail] to") && err.contains("bad@@x"), "{err}");
        assert!(parse_address("complaint@localhost", "[mail] from").is_ok());
    }

    #[test]
    fn no_recipient_is_an_error() {
        let mut e = sample("x", b"x");
        e.to.clear();
        assert!(build(&e).unwrap_err().to_string().contains("no recipient"));
    }
}
