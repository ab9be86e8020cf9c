//! Delivering a finished message (spec §7): by SMTP (`--smtp URL`,
//! `COMPLAINT_SMTP_URL`, `[mail] smtp_url`) or through a sendmail command.
//! The only module besides `store` that does I/O for the library.

use std::fmt;
use std::io::Write;
use std::process::{Command, Stdio};
use std::str::FromStr;
use std::time::Duration;

use lettre::address::{Address, Envelope as LettreEnvelope};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{SmtpTransport, Transport};

use crate::config::MailConfig;
use crate::error::{Error, Result};
use crate::report::email::{Envelope, RenderedEmail};

/// How long to wait for the server (connect, each reply).
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

const URL_HINT: &str = "use smtp://host:25, smtp://user@host:587?tls=required or smtps://user@host:465; \
                        the password goes in the environment variable named by [mail] password_env";

/// How the connection is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Security {
    /// `smtp://` (or `?tls=none`): no encryption; for a relay on the same host or network.
    Plain,
    /// `smtp://…?tls=opportunistic`: STARTTLS if the server offers it.
    Opportunistic,
    /// `smtp://…?tls=required`: STARTTLS, fail if the server does not offer it.
    StartTls,
    /// `smtps://`: TLS from the first byte (port 465 by default).
    Implicit,
}

/// A parsed SMTP URL. It never holds a password.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SmtpUrl {
    pub host: String,
    pub port: u16,
    pub security: Security,
    /// Percent-decoded user name; when set, a password is read from the environment.
    pub user: Option<String>,
    /// Connect and reply timeout (`?timeout=SECONDS`, default 30).
    pub timeout: Duration,
}

impl SmtpUrl {
    /// Parses `smtp://[user@]host[:port][?tls=required|opportunistic|none][&timeout=SECONDS]`
    /// or `smtps://[user@]host[:port]`. `source` names where the text came
    /// from (`--smtp`, `COMPLAINT_SMTP_URL`, `[mail] smtp_url`) for errors.
    pub fn parse(text: &str, source: &str) -> Result<SmtpUrl> {
        let text = text.trim();
        let fail =
            |why: &str| Error::mail(format!("invalid SMTP URL {:?} in {source}: {why}", redact(text)), Some(URL_HINT));
        let (scheme, rest) = text.split_once("://").ok_or_else(|| fail("expected smtp://… or smtps://…"))?;
        let implicit = match scheme.to_ascii_lowercase().as_str() {
            "smtp" => false,
            "smtps" => true,
            other => return Err(fail(&format!("unsupported scheme {other:?} (use smtp or smtps)"))),
        };
        if rest.contains('#') {
            return Err(fail("a fragment (#…) is not allowed"));
        }
        let (rest, query) = rest.split_once('?').unwrap_or((rest, ""));
        let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
        if !path.is_empty() {
            return Err(fail(&format!("unexpected path /{path}")));
        }
        let (userinfo, hostport) = match authority.rsplit_once('@') {
            Some((u, h)) => (Some(u), h),
            None => (None, authority),
        };
        let user = match userinfo {
            Some(u) if u.contains(':') => {
                return Err(Error::mail(
                    format!(
                        "{source} contains a password; an SMTP URL must not contain one: \
                         put it in the environment variable named by [mail] password_env"
                    ),
                    Some(
                        "write the URL as smtp://user@host:587?tls=required and export the password, \
                          e.g. COMPLAINT_SMTP_PASSWORD, in the job's environment",
                    ),
                ));
            }
            Some("") => return Err(fail("empty user name before @")),
            Some(u) => Some(percent_decode(u).ok_or_else(|| fail("bad percent-encoding in the user name"))?),
            None => None,
        };
        let (host, port) = split_host_port(hostport).ok_or_else(|| fail("expected host or host:port"))?;
        let port = match port {
            Some(p) => match p.parse::<u16>() {
                Ok(p) if p > 0 => Some(p),
                _ => return Err(fail(&format!("invalid port {p:?}"))),
            },
            None => None,
        };

        let mut security = if implicit { Security::Implicit } else { Security::Plain };
        let mut timeout = DEFAULT_TIMEOUT;
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match (key, value) {
                ("tls", "required") if !implicit => security = Security::StartTls,
                ("tls", "opportunistic") if !implicit => security = Security::Opportunistic,
                ("tls", "none") if !implicit => security = Security::Plain,
                ("tls", _) if implicit => return Err(fail("smtps:// is always TLS; drop ?tls=…")),
                ("tls", other) => {
                    return Err(fail(&format!("tls={other:?} is not one of required, opportunistic, none")));
                }
                ("timeout", secs) => match secs.parse::<u64>() {
                    Ok(s) if (1..=3600).contains(&s) => timeout = Duration::from_secs(s),
                    _ => return Err(fail(&format!("timeout={secs:?} must be a number of seconds, 1–3600"))),
                },
                (other, _) => return Err(fail(&format!("unknown parameter {other:?} (known: tls, timeout)"))),
            }
        }
        let port = port.unwrap_or(match security {
            Security::Implicit => 465,
            Security::StartTls => 587,
            Security::Plain | Security::Opportunistic => 25,
        });
        let url = SmtpUrl { host, port, security, user, timeout };
        if url.user.is_some() && matches!(url.security, Security::Plain | Security::Opportunistic) && !url.is_loopback()
        {
            return Err(fail(
                "a user name needs an encrypted connection, or the password would cross the network in clear; \
                 add ?tls=required or use smtps://",
            ));
        }
        Ok(url)
    }

    /// Reads the password from the environment variable `var` (the value of
    /// `[mail] password_env`) when the URL has a user; `None` without a user.
    pub fn password_from_env(&self, var: &str) -> Result<Option<String>> {
        let Some(user) = &self.user else { return Ok(None) };
        match std::env::var(var) {
            Ok(p) => Ok(Some(p)),
            Err(std::env::VarError::NotPresent) => Err(Error::mail(
                format!("the SMTP URL has user {user:?} but the environment variable {var} is not set"),
                Some("export the password in the variable named by [mail] password_env (see docs/cron.md)"),
            )),
            Err(std::env::VarError::NotUnicode(_)) => {
                Err(Error::mail(format!("the environment variable {var} is not valid UTF-8"), None))
            }
        }
    }

    fn is_loopback(&self) -> bool {
        let host = self.host.trim_start_matches('[').trim_end_matches(']');
        host.eq_ignore_ascii_case("localhost") || host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
    }
}

/// The URL without secrets, for messages: `smtp://user@host:587?tls=required`.
impl fmt::Display for SmtpUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let scheme = if self.security == Security::Implicit { "smtps" } else { "smtp" };
        write!(f, "{scheme}://")?;
        if let Some(user) = &self.user {
            write!(f, "{user}@")?;
        }
        write!(f, "{}:{}", self.host, self.port)?;
        match self.security {
            Security::StartTls => write!(f, "?tls=required"),
            Security::Opportunistic => write!(f, "?tls=opportunistic"),
            Security::Plain | Security::Implicit => Ok(()),
        }
    }
}

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

/// Sends `message` (bytes from [`crate::report::email::build`]) to the
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
    let input = crate::report::email::with_lf_line_ends(message);
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

fn split_host_port(text: &str) -> Option<(String, Option<&str>)> {
    let (host, port) = if let Some(rest) = text.strip_prefix('[') {
        let (inside, after) = rest.split_once(']')?;
        inside.parse::<std::net::Ipv6Addr>().ok()?;
        let port = match after {
            "" => None,
            p => Some(p.strip_prefix(':')?),
        };
        (format!("[{inside}]"), port)
    } else {
        let (host, port) = match text.split_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (text, None),
        };
        let ok = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_');
        if host.is_empty() || !host.chars().all(ok) {
            return None;
        }
        (host.to_string(), port)
    };
    Some((host, port))
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok().filter(|s| !s.chars().any(char::is_control))
}

/// Hides anything between `://` and `@` after a colon, for echoing a bad URL.
fn redact(text: &str) -> String {
    if let Some((scheme, rest)) = text.split_once("://")
        && let Some((userinfo, host)) = rest.rsplit_once('@')
        && let Some((user, _)) = userinfo.split_once(':')
    {
        return format!("{scheme}://{user}:***@{host}");
    }
    text.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<SmtpUrl> {
        SmtpUrl::parse(text, "--smtp")
    }

    #[test]
    fn plain_starttls_and_implicit() {
        let u = parse("smtp://mail.example.com:2525").unwrap();
        assert_eq!(
            (u.host.as_str(), u.port, u.security, u.user.as_deref()),
            ("mail.example.com", 2525, Security::Plain, None)
        );
        assert_eq!(u.timeout, DEFAULT_TIMEOUT);
        assert_eq!(parse("smtp://relay").unwrap().port, 25);

        let u = parse("smtp://ops%40corp.cn@smtp.example.com:587?tls=required").unwrap();
        assert_eq!(u.user.as_deref(), Some("ops@corp.cn"));
        assert_eq!(u.security, Security::StartTls);
        assert_eq!(u.to_string(), "smtp://ops@corp.cn@smtp.example.com:587?tls=required");
        assert_eq!(parse("smtp://u@h?tls=required").unwrap().port, 587);

        let u = parse("SMTPS://u@smtp.qiye.example.com").unwrap();
        assert_eq!((u.port, u.security), (465, Security::Implicit));
        assert_eq!(parse("smtps://h:2465/").unwrap().port, 2465);

        let u = parse("smtp://h?tls=opportunistic&timeout=5").unwrap();
        assert_eq!((u.security, u.timeout), (Security::Opportunistic, Duration::from_secs(5)));
        let u = parse("smtp://[::1]:2525").unwrap();
        assert_eq!((u.host.as_str(), u.port), ("[::1]", 2525));
        assert_eq!(u.to_string(), "smtp://[::1]:2525");
        // A user on loopback may go without TLS (a local relay, the tests).
        assert!(parse("smtp://u@127.0.0.1:2525").is_ok());
        assert!(parse("smtp://u@localhost").is_ok());
    }

    #[test]
    fn password_in_url_is_refused_and_not_echoed() {
        for source in ["--smtp", "COMPLAINT_SMTP_URL", "[mail] smtp_url"] {
            let err = SmtpUrl::parse("smtp://u:hunter2@h:587?tls=required", source).unwrap_err();
            let text = err.to_string();
            assert!(text.contains(source), "{text}");
            assert!(text.contains("put it in the environment variable named by [mail] password_env"), "{text}");
            assert!(!text.contains("hunter2") && !err.hint().unwrap().contains("hunter2"));
        }
        assert!(parse("smtp://u:@h?tls=required").is_err());
    }

    #[test]
    fn bad_urls_name_their_source() {
        for bad in [
            "mail.example.com",
            "http://h",
            "smtp://",
            "smtp://h:0",
            "smtp://h:99999",
            "smtp://h:x",
            "smtp://h/path",
            "smtp://h#f",
            "smtp://h?tls=maybe",
            "smtp://h?foo=1",
            "smtps://h?tls=required",
            "smtp://ho st",
            "smtp://@h",
            "smtp://u%zz@h?tls=required",
            "smtp://[nope]:25",
            "smtp://user@mail.example.com",
            "smtp://h?timeout=0",
        ] {
            let err = SmtpUrl::parse(bad, "COMPLAINT_SMTP_URL").unwrap_err().to_string();
            assert!(err.contains("COMPLAINT_SMTP_URL"), "{bad}: {err}");
        }
    }

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

    #[test]
    fn redacts() {
        assert_eq!(redact("smtp://u:p@h"), "smtp://u:***@h");
        assert_eq!(redact("smtp://u@h"), "smtp://u@h");
    }

    #[test]
    fn password_from_env_only_with_a_user() {
        let u = parse("smtp://h").unwrap();
        assert_eq!(u.password_from_env("COMPLAINT_TEST_SURELY_UNSET_VAR").unwrap(), None);
        let u = parse("smtp://me@localhost").unwrap();
        let err = u.password_from_env("COMPLAINT_TEST_SURELY_UNSET_VAR").unwrap_err().to_string();
        assert!(err.contains("COMPLAINT_TEST_SURELY_UNSET_VAR"), "{err}");
        // PATH is set in any test environment.
        assert!(u.password_from_env("PATH").unwrap().is_some());
    }
}
