//! SMTP URLs (`smtp://user@host:587?tls=required`, `smtps://…`): parsed
//! and checked, never carrying a password.

use std::fmt;
use std::time::Duration;

use crate::error::{Error, Result};

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
