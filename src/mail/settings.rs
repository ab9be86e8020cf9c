//! The `[mail]` section: who the overdue email goes to and how it is sent.

use serde::Deserialize;

use super::{Mailbox, SmtpUrl, parse_address, parse_addresses};
use crate::error::Result;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MailConfig {
    pub from: String,
    pub to: Vec<String>,
    pub cc: Vec<String>,
    /// Empty: deliver through `sendmail`.
    pub smtp_url: String,
    /// The NAME of the variable holding the SMTP password.
    pub password_env: String,
    pub sendmail: String,
    pub subject_prefix: String,
}

impl MailConfig {
    pub fn from_mailbox(&self) -> Result<Mailbox> {
        parse_address(&self.from, "[mail] from")
    }

    pub fn to_mailboxes(&self) -> Result<Vec<Mailbox>> {
        parse_addresses(&self.to, "[mail] to")
    }

    pub fn cc_mailboxes(&self) -> Result<Vec<Mailbox>> {
        parse_addresses(&self.cc, "[mail] cc")
    }

    /// The configured SMTP URL, if any (not yet parsed).
    pub fn smtp_url(&self) -> Option<&str> {
        Some(self.smtp_url.trim()).filter(|u| !u.is_empty())
    }

    /// Checks addresses, the SMTP URL and the other keys; the message names the key.
    pub(crate) fn validate(&self) -> std::result::Result<(), String> {
        self.from_mailbox().map_err(|e| e.to_string())?;
        self.to_mailboxes().map_err(|e| e.to_string())?;
        self.cc_mailboxes().map_err(|e| e.to_string())?;
        if let Some(url) = self.smtp_url() {
            SmtpUrl::parse(url, "[mail] smtp_url").map_err(|e| e.to_string())?;
        }
        let var = self.password_env.trim();
        if var.is_empty() || var.contains('=') || var.contains('\0') {
            return Err(format!(
                "[mail] password_env {:?} must be the name of an environment variable, such as \"COMPLAINT_SMTP_PASSWORD\"",
                self.password_env
            ));
        }
        if self.sendmail.split_whitespace().next().is_none() {
            return Err("[mail] sendmail must not be empty (default: \"sendmail -t -i\")".into());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::config::Config;

    fn load(text: &str) -> crate::Result<Config> {
        Config::from_toml(text, Path::new("complaint.toml"))
    }

    #[test]
    fn defaults() {
        let c = Config::default();
        assert_eq!(c.mail.from, "complaint@localhost");
        assert!(c.mail.to.is_empty() && c.mail.cc.is_empty());
        assert_eq!(c.mail.smtp_url(), None);
        assert_eq!(c.mail.password_env, "COMPLAINT_SMTP_PASSWORD");
        assert_eq!(c.mail.sendmail, "sendmail -t -i");
        assert_eq!(c.mail.subject_prefix, "[投诉超时]");
    }

    #[test]
    fn user_values_and_errors_name_the_key() {
        let c = load(
            "[mail]\nto = [\"a@example.com\", \"王经理 <b@example.com>\"]\nsmtp_url = \"smtps://u@mail.example.com\"\n",
        )
        .unwrap();
        assert_eq!(c.mail.to_mailboxes().unwrap().len(), 2);
        for (text, key) in [
            ("[mail]\nto = [\"nope\"]\n", "[mail] to"),
            ("[mail]\nfrom = \"@@\"\n", "[mail] from"),
            ("[mail]\ncc = [\"x y\"]\n", "[mail] cc"),
            ("[mail]\nsmtp_url = \"http://x\"\n", "[mail] smtp_url"),
            ("[mail]\nsmtp_url = \"smtp://u:secret@x\"\n", "password_env"),
            ("[mail]\npassword_env = \"\"\n", "[mail] password_env"),
            ("[mail]\nsendmail = \" \"\n", "[mail] sendmail"),
        ] {
            let err = load(text).unwrap_err().to_string();
            assert!(err.contains(key), "{text}: {err}");
        }
        let err = load("[mail]\nbogus = 1\n").unwrap_err().to_string();
        assert!(err.contains("bogus"), "{err}");
    }
}
