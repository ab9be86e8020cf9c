//! Email for cron (spec §7): build the overdue message, deliver it to a real
//! SMTP server on loopback or a fake sendmail, parse what arrived back.

#[path = "support/smtp_server.rs"]
mod smtp_server;

use std::path::Path;
use std::time::Duration;

use chrono::{DateTime, NaiveDate};
use complaint::mail::{self as email, OverdueEmail, RenderedEmail};
use complaint::mail::{SmtpUrl, send_sendmail, send_smtp};
use mail_parser::{MessageParser, MimeHeaders};
use smtp_server::{Mode, SmtpServer};

const BODY: &str = "\
编号            严重程度  类型      状态    目标      超时
CP20261120001   重大      产品质量  处理中  解决时限  2 个工作日 3 小时
CP20261121002   严重      物流配送  待受理  首次响应  5 小时
CP20261122003   一般      服务态度  处理中  解决时限  40 分钟
";
const CSV: &str = "编号,严重程度,类型,超时\r\nCP20261120001,重大,产品质量,2d3h\r\nCP20261121002,严重,物流配送,5h\r\n\
                   CP20261122003,一般,服务态度,40m\r\n";

fn rendered() -> RenderedEmail {
    let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let message = OverdueEmail {
        from: email::parse_address("投诉台账 <complaint@example.com>", "[mail] from").unwrap(),
        to: email::parse_addresses(&["supervisor@example.com", "王经理 <wang@example.com>"], "--to").unwrap(),
        cc: email::parse_addresses(&["qa@example.com"], "[mail] cc").unwrap(),
        subject: email::subject("[投诉超时]", 3, day),
        date: DateTime::parse_from_rfc3339("2026-11-23T09:00:00+08:00").unwrap(),
        body: BODY,
        csv: CSV.as_bytes(),
        attachment_name: email::attachment_name(day),
        message_id: Some("<overdue-20261123@example.com>".into()),
    };
    email::build(&message).unwrap()
}

fn url(server: &SmtpServer) -> SmtpUrl {
    let mut url = SmtpUrl::parse(&server.url(), "--smtp").unwrap();
    url.timeout = Duration::from_secs(10);
    url
}

/// Everything a reader of the received message should see.
fn assert_is_the_overdue_email(raw: &[u8]) {
    let parsed = MessageParser::default().parse(raw).expect("the received message parses");
    assert_eq!(parsed.subject(), Some("[投诉超时] 3 项超时 2026-11-23"));
    let from = parsed.from().unwrap().first().unwrap();
    assert_eq!((from.name(), from.address()), (Some("投诉台账"), Some("complaint@example.com")));
    let to: Vec<_> = parsed.to().unwrap().iter().map(|a| (a.name(), a.address())).collect();
    assert_eq!(to, [(None, Some("supervisor@example.com")), (Some("王经理"), Some("wang@example.com"))]);
    assert_eq!(parsed.cc().unwrap().first().unwrap().address(), Some("qa@example.com"));
    assert_eq!(parsed.date().unwrap().to_rfc3339(), "2026-11-23T09:00:00+08:00");
    assert_eq!(parsed.message_id(), Some("overdue-20261123@example.com"));
    assert_eq!(parsed.content_type().map(|c| (c.ctype(), c.subtype())), Some(("multipart", Some("mixed"))));
    assert!(
        std::str::from_utf8(raw).unwrap().contains("Subject: =?utf-8?"),
        "the subject is RFC 2047 encoded on the wire"
    );

    let body = parsed.body_text(0).unwrap().replace("\r\n", "\n");
    assert_eq!(body, BODY);

    assert_eq!(parsed.attachment_count(), 1);
    let attachment = parsed.attachment(0).unwrap();
    assert_eq!(attachment.attachment_name(), Some("overdue-2026-11-23.csv"));
    let ct = attachment.content_type().unwrap();
    assert_eq!((ct.ctype(), ct.subtype(), ct.attribute("charset")), ("text", Some("csv"), Some("utf-8")));
    assert_eq!(attachment.contents(), CSV.as_bytes());
}

/// The server stores exactly the built bytes, plus the CRLF lettre puts
/// before the final "." line (it always sends "\r\n.\r\n").
fn assert_same_message(received: &[u8], sent: &[u8]) {
    let received = String::from_utf8_lossy(received);
    let sent = String::from_utf8_lossy(sent);
    assert_eq!(received.strip_suffix("\r\n").unwrap_or(&received), sent);
}

#[test]
fn delivers_over_smtp_and_parses_back() {
    let server = SmtpServer::start();
    let message = rendered();
    send_smtp(&url(&server), None, &message.envelope, &message.bytes).unwrap();

    let got = server.wait_for(1, Duration::from_secs(10));
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].from, "complaint@example.com");
    assert_eq!(got[0].to, ["supervisor@example.com", "wang@example.com", "qa@example.com"]);
    assert!(got[0].accepted && got[0].auth.is_none());
    assert_same_message(&got[0].data, &message.bytes);
    assert_is_the_overdue_email(&got[0].data);
}

#[test]
fn dot_stuffing_round_trips() {
    let server = SmtpServer::start();
    let mut message = rendered();
    // A line starting with a dot must be stuffed by the client and unstuffed by the server.
    let marker = b"\r\n\r\n--=_complaint";
    let at = message.bytes.windows(marker.len()).position(|w| w == marker).unwrap();
    message.bytes.splice(at..at, b"\r\n.\r\n..leading dots".iter().copied());
    send_smtp(&url(&server), None, &message.envelope, &message.bytes).unwrap();
    assert_same_message(&server.wait_for(1, Duration::from_secs(10))[0].data, &message.bytes);
}

#[test]
fn authenticates_with_the_password_given() {
    let server = SmtpServer::start_with_auth("ops@example.com", "s3cret 密码");
    let url = SmtpUrl::parse(&format!("smtp://ops%40example.com@127.0.0.1:{}", server.port()), "--smtp").unwrap();
    let message = rendered();
    send_smtp(&url, Some("s3cret 密码"), &message.envelope, &message.bytes).unwrap();
    let got = server.wait_for(1, Duration::from_secs(10));
    assert_eq!(got[0].auth, Some(("ops@example.com".into(), "s3cret 密码".into())));

    let err = send_smtp(&url, Some("wrong"), &message.envelope, &message.bytes).unwrap_err();
    assert!(err.to_string().contains("535"), "{err}");
    let err = send_smtp(&url, None, &message.envelope, &message.bytes).unwrap_err();
    assert!(err.to_string().contains("no password"), "{err}");
}

#[test]
fn refused_recipient_surfaces_the_server_reply() {
    let server = SmtpServer::start_with(Mode::RefuseRcpt("550 5.7.1 relaying denied".into()));
    let message = rendered();
    let err = send_smtp(&url(&server), None, &message.envelope, &message.bytes).unwrap_err();
    let text = err.to_string();
    assert!(text.contains("550") && text.contains("5.7.1 relaying denied"), "{text}");
    assert!(text.contains(&format!("127.0.0.1:{}", server.port())), "{text}");
    assert!(err.hint().is_some());
    assert!(server.received().is_empty());
}

#[test]
fn refused_data_and_sender_surface_the_server_reply() {
    let server = SmtpServer::start_with(Mode::RefuseData("554 5.6.0 message rejected: spam".into()));
    let message = rendered();
    let text = send_smtp(&url(&server), None, &message.envelope, &message.bytes).unwrap_err().to_string();
    assert!(text.contains("554") && text.contains("message rejected: spam"), "{text}");

    let server = SmtpServer::start_with(Mode::RefuseMail("451 4.3.0 try again later".into()));
    let err = send_smtp(&url(&server), None, &message.envelope, &message.bytes).unwrap_err();
    assert!(err.to_string().contains("451 4.3.0 try again later"), "{err}");
    assert!(err.hint().unwrap().contains("temporary"), "{:?}", err.hint());
}

#[test]
fn unreachable_server_is_a_connection_error() {
    // A port that was free a moment ago: nothing listens there.
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let mut url = SmtpUrl::parse(&format!("smtp://127.0.0.1:{port}"), "COMPLAINT_SMTP_URL").unwrap();
    url.timeout = Duration::from_secs(5);
    let message = rendered();
    let err = send_smtp(&url, None, &message.envelope, &message.bytes).unwrap_err();
    let text = err.to_string();
    assert!(text.contains("cannot connect") && text.contains(&format!("127.0.0.1:{port}")), "{text}");
    assert!(text.to_lowercase().contains("connection"), "{text}");
}

#[test]
fn bad_smtp_urls_are_documented_errors() {
    let err = SmtpUrl::parse("smtp://ops:hunter2@smtp.example.com:587?tls=required", "--smtp").unwrap_err();
    let text = err.to_string();
    assert!(text.contains("--smtp"), "{text}");
    assert!(text.contains("put it in the environment variable named by [mail] password_env"), "{text}");
    assert!(!text.contains("hunter2"));

    let err = SmtpUrl::parse("smtp//no-scheme", "[mail] smtp_url").unwrap_err().to_string();
    assert!(err.contains("invalid SMTP URL") && err.contains("[mail] smtp_url"), "{err}");
}

fn write_script(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    // Run through `sh` rather than exec'ing a file just written (avoids ETXTBSY
    // when another test thread forks at the same moment).
    format!("sh {}", path.display())
}

#[test]
fn sendmail_receives_the_message_on_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("received.eml");
    let args = dir.path().join("args");
    let command = write_script(
        dir.path(),
        "fake-sendmail",
        &format!("#!/bin/sh\necho \"$@\" > '{}'\ncat > '{}'\n", args.display(), out.display()),
    );
    let message = rendered();
    send_sendmail(&format!("{command} -t -i"), &message.bytes).unwrap();

    assert_eq!(std::fs::read_to_string(&args).unwrap().trim(), "-t -i");
    let got = std::fs::read(&out).unwrap();
    assert!(!got.windows(2).any(|w| w == b"\r\n"), "sendmail gets LF line ends");
    assert_eq!(got, email::with_lf_line_ends(&message.bytes));
    assert_is_the_overdue_email(&got);
}

#[test]
fn failing_sendmail_reports_status_and_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let command = write_script(
        dir.path(),
        "bad-sendmail",
        "#!/bin/sh\ncat > /dev/null\necho 'sendmail: fatal: no recipient addresses found' >&2\nexit 75\n",
    );
    let err = send_sendmail(&command, &rendered().bytes).unwrap_err();
    let text = err.to_string();
    assert!(text.contains("no recipient addresses found"), "{text}");
    assert!(text.contains("75"), "{text}");

    // Exits without reading its input: still the exit status, not a broken pipe.
    let command = write_script(dir.path(), "rude-sendmail", "#!/bin/sh\necho 'nope' >&2\nexit 1\n");
    let text = send_sendmail(&command, &rendered().bytes).unwrap_err().to_string();
    assert!(text.contains("nope") && text.contains('1'), "{text}");

    let err = send_sendmail("/nonexistent/dir/sendmail -t -i", b"x").unwrap_err();
    assert!(err.to_string().contains("not found"), "{err}");
    assert!(err.hint().unwrap().contains("msmtp-mta"), "{:?}", err.hint());
}
