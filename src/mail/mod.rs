//! Delivering a finished message (spec §7): by SMTP (`--smtp URL`,
//! `COMPLAINT_SMTP_URL`, `[mail] smtp_url`) or through a sendmail command.
//! The only module besides `store` that does I/O for the library.

mod message;
mod settings;
mod url;

use std::io::Write;
use std::process::{Command, Stdio};
use std::str::FromStr;

use lettre::address::{Address, Envelope as LettreEnvelope};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{SmtpTransport, Transport};

pub use message::{
    Envelope, Mailbox, Notice, OverdueEmail, RenderedEmail, attachment_name, build, build_notice, parse_address,
    parse_addresses, subject, with_lf_line_ends,
};
pub use settings::MailConfig;
pub use url::{DEFAULT_TIMEOUT, Security, SmtpUrl};

use crate::error::{Error, Result};

/// How `overdue --send` delivers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    Smtp(SmtpUrl),
    /// The `[mail] sendmail` command line.
    Sendmail(String),
}

impl Delivery {
    /// Picks the SMTP URL from `--smtp` (`flag`), else `COMPLAINT_SMTP_URL`
    /// (`env`, empty counts as unset), else `[mail] smtp_url`; without any,
    /// the `[mail] sendmail` command. Errors name where the bad URL came from.
    pub fn choose(flag: Option<&str>, env: Option<&str>, config: &MailConfig) -> Result<Delivery> {
        let candidates = [(flag, "--smtp"), (env, "COMPLAINT_SMTP_URL"), (config.smtp_url(), "[mail] smtp_url")];
        for (text, source) in candidates {
            if let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) {
                return SmtpUrl::parse(text, source).map(Delivery::Smtp);
            }
        }
        Ok(Delivery::Sendmail(config.sendmail.clone()))
    }

    /// Sends `email`; for SMTP with a user, the password is read from the
    /// environment variable named `password_env` (`[mail] password_env`).
    pub fn send(&self, password_env: &str, email: &RenderedEmail) -> Result<()> {
        match self {
            Delivery::Smtp(url) => {
                let password = url.password_from_env(password_env)?;
                send_smtp(url, password.as_deref(), &email.envelope, &email.bytes)
            }
            Delivery::Sendmail(command) => send_sendmail(command, &email.bytes),
        }
    }
}

/// Sends `message` (bytes from [`build`]) to the
/// envelope's recipients through the server of `url`. `password` is required
/// when the URL has a user (see [`SmtpUrl::password_from_env`]). A refusal
/// is an error carrying the server's reply, e.g. `550 5.7.1 relaying denied`.
pub fn send_smtp(url: &SmtpUrl, password: Option<&str>, envelope: &Envelope, message: &[u8]) -> Result<()> {
    let address = |a: &str, what: &str| {
        Address::from_str(a).map_err(|e| Error::mail(format!("invalid {what} address {a:?}: {e}"), None))
    };
    let from = address(&envelope.from, "sender")?;
    let to = envelope.to.iter().map(|a| address(a, "recipient")).collect::<Result<Vec<_>>>()?;
    let envelope = LettreEnvelope::new(Some(from), to)
        .map_err(|e| Error::mail(format!("cannot send the email: {e}"), Some("give at least one recipient")))?;

    let host = url.host.trim_start_matches('[').trim_end_matches(']').to_string();
    let tls = |h: &str| {
        TlsParameters::new(h.to_string()).map_err(|e| Error::mail(format!("cannot set up TLS for {url}: {e}"), None))
    };
    let tls = match url.security {
        Security::Plain => Tls::None,
        Security::Opportunistic => Tls::Opportunistic(tls(&host)?),
        Security::StartTls => Tls::Required(tls(&host)?),
        Security::Implicit => Tls::Wrapper(tls(&host)?),
    };
    let mut builder = SmtpTransport::builder_dangerous(host).port(url.port).tls(tls).timeout(Some(url.timeout));
    if let Some(user) = &url.user {
        let Some(password) = password else {
            return Err(Error::mail(
                format!("the SMTP URL has user {user:?} but no password was given"),
                Some("export the password in the variable named by [mail] password_env (see docs/cron.md)"),
            ));
        };
        builder = builder.credentials(Credentials::new(user.clone(), password.to_string()));
    }
    builder.build().send_raw(&envelope, message).map(drop).map_err(|e| smtp_error(url, &e))
}

fn smtp_error(url: &SmtpUrl, e: &lettre::transport::smtp::Error) -> Error {
    use std::error::Error as _;
    let detail = |e: &lettre::transport::smtp::Error| {
        let mut text = String::new();
        let mut source = e.source();
        while let Some(s) = source {
            if !text.is_empty() {
                text.push_str(": ");
            }
            text.push_str(&s.to_string());
            source = s.source();
        }
        text
    };
    if let Some(code) = e.status() {
        let permanent = e.is_permanent();
        return Error::mail(
            format!("the SMTP server {url} refused the email: {code} {}", detail(e)),
            Some(if permanent {
                "the server's reply says why; check [mail] from / to (or --to) and that this sender may relay there"
            } else {
                "a temporary failure; the next run will try again"
            }),
        );
    }
    let (what, hint) = if e.is_timeout() {
        ("timed out talking to", "check the host and port of the SMTP URL, and any firewall between")
    } else if e.is_tls() {
        ("TLS failed with", "check that the port matches the scheme: smtps:// is usually 465, ?tls=required 587")
    } else if e.is_response() || e.is_client() {
        ("cannot talk to", "is that an SMTP server? check the port of the SMTP URL")
    } else {
        ("cannot connect to", "check the host and port of the SMTP URL and that the server is running and reachable")
    };
    Error::mail(format!("{what} the SMTP server {url}: {e}"), Some(hint))
}

/// Pipes `message` into `command` (e.g. `sendmail -t -i`, split on
/// whitespace, no shell). CRLF line ends become LF, as local sendmail
/// programs expect. Fails with the command's exit status and stderr.
pub fn send_sendmail(command: &str, message: &[u8]) -> Result<()> {
    let mut words = command.split_whitespace();
    let Some(program) = words.next() else {
        return Err(Error::mail("[mail] sendmail is empty", Some("the default is \"sendmail -t -i\"")));
    };
    let hint = "install a sendmail (e.g. msmtp-mta, postfix or nullmailer), set [mail] sendmail to one, \
                or send by SMTP with --smtp URL / COMPLAINT_SMTP_URL / [mail] smtp_url";
    let mut child = Command::new(program)
        .args(words)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            let why = if e.kind() == std::io::ErrorKind::NotFound { "not found".to_string() } else { e.to_string() };
            Error::mail(format!("cannot run the sendmail command {command:?}: {program}: {why}"), Some(hint))
        })?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let input = with_lf_line_ends(message);
    // Write from another thread so a chatty child cannot block us on a full pipe.
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = child
        .wait_with_output()
        .map_err(|e| Error::mail(format!("the sendmail command {command:?} failed: {e}"), Some(hint)))?;
    let written = writer.join().unwrap_or_else(|_| Err(std::io::Error::other("writer thread panicked")));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let said = [stderr.trim(), stdout.trim()].into_iter().find(|s| !s.is_empty()).unwrap_or("(no output)");
    if !output.status.success() {
        return Err(Error::mail(
            format!("the sendmail command {command:?} failed ({}): {said}", output.status),
            Some("its output above says why; or send by SMTP with --smtp URL / [mail] smtp_url"),
        ));
    }
    if let Err(e) = written {
        return Err(Error::mail(
            format!("the sendmail command {command:?} did not read the whole message: {e}; it said: {said}"),
            None,
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delivery_precedence() {
        let mut config = crate::config::Config::default().mail;
        assert_eq!(Delivery::choose(None, None, &config).unwrap(), Delivery::Sendmail("sendmail -t -i".into()));
        config.smtp_url = "smtp://from-config".into();
        let host = |d: Delivery| match d {
            Delivery::Smtp(u) => u.host,
            Delivery::Sendmail(c) => c,
        };
        assert_eq!(host(Delivery::choose(None, Some(""), &config).unwrap()), "from-config");
        assert_eq!(host(Delivery::choose(None, Some("smtp://from-env"), &config).unwrap()), "from-env");
        assert_eq!(host(Delivery::choose(Some("smtp://from-flag"), Some("smtp://e"), &config).unwrap()), "from-flag");
        let err = Delivery::choose(None, Some("bogus"), &config).unwrap_err().to_string();
        assert!(err.contains("COMPLAINT_SMTP_URL"), "{err}");
        let err = Delivery::choose(Some("smtp://u:p@h"), None, &config).unwrap_err().to_string();
        assert!(err.contains("--smtp"), "{err}");
    }
}
