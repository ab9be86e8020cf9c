//! Evidence kept with a complaint (spec §3.1, seeds 000 and 002): what the
//! customer bought (`purchase`), how the customer wants to be reached
//! (`preferred_contact`), and the files attached (`attached` events).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The purchase the complaint is about (购买凭证编号, 型号, 批次, 购买日期).
/// Proof numbers and product codes are text: leading zeros are kept.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Purchase {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proof: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_yaml::Value>,
}

impl Purchase {
    /// Nothing recorded: the ticket keeps no `purchase` key at all.
    pub fn is_empty(&self) -> bool {
        self.proof.is_none()
            && self.model.is_none()
            && self.batch.is_none()
            && self.date.is_none()
            && self.extra.is_empty()
    }
}

/// How the customer prefers to be contacted (客户偏好的沟通方式): a closed list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactWay {
    // The labels are read too, so that `edit` takes `preferred_contact: 微信`.
    #[serde(alias = "电话")]
    Phone,
    #[serde(alias = "短信")]
    Sms,
    #[serde(alias = "微信")]
    Wechat,
    #[serde(alias = "邮件")]
    Email,
    #[serde(alias = "其他")]
    Other,
}

impl ContactWay {
    pub const ALL: [ContactWay; 5] =
        [ContactWay::Phone, ContactWay::Sms, ContactWay::Wechat, ContactWay::Email, ContactWay::Other];

    pub fn id(self) -> &'static str {
        match self {
            ContactWay::Phone => "phone",
            ContactWay::Sms => "sms",
            ContactWay::Wechat => "wechat",
            ContactWay::Email => "email",
            ContactWay::Other => "other",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ContactWay::Phone => "电话",
            ContactWay::Sms => "短信",
            ContactWay::Wechat => "微信",
            ContactWay::Email => "邮件",
            ContactWay::Other => "其他",
        }
    }

    /// Words accepted on input besides the id and the label.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            ContactWay::Phone => &["手机", "打电话", "call", "tel"],
            ContactWay::Sms => &["短讯", "text"],
            ContactWay::Wechat => &["weixin", "wx"],
            ContactWay::Email => &["电子邮件", "邮箱", "mail", "e-mail"],
            ContactWay::Other => &["其它"],
        }
    }

    /// The way `text` names (id, label or alias; Latin case ignored).
    pub fn parse(text: &str) -> Option<ContactWay> {
        let text = text.trim();
        ContactWay::ALL.into_iter().find(|way| {
            way.id().eq_ignore_ascii_case(text)
                || way.label() == text
                || way.aliases().iter().any(|a| a.eq_ignore_ascii_case(text))
        })
    }
}

/// What an attached file is (`attach --kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttachmentKind {
    /// 购买凭证: an invoice, an order, a receipt of purchase.
    Proof,
    Photo,
    /// 检测报告: a test or inspection report.
    Report,
    /// 客户签字确认: the customer's signed confirmation.
    Signed,
    /// 回执: a receipt of delivery, of a refund, of an execution.
    Receipt,
    Other,
}

impl AttachmentKind {
    pub const ALL: [AttachmentKind; 6] = [
        AttachmentKind::Proof,
        AttachmentKind::Photo,
        AttachmentKind::Report,
        AttachmentKind::Signed,
        AttachmentKind::Receipt,
        AttachmentKind::Other,
    ];

    pub fn id(self) -> &'static str {
        match self {
            AttachmentKind::Proof => "proof",
            AttachmentKind::Photo => "photo",
            AttachmentKind::Report => "report",
            AttachmentKind::Signed => "signed",
            AttachmentKind::Receipt => "receipt",
            AttachmentKind::Other => "other",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            AttachmentKind::Proof => "购买凭证",
            AttachmentKind::Photo => "照片",
            AttachmentKind::Report => "检测报告",
            AttachmentKind::Signed => "签字确认",
            AttachmentKind::Receipt => "回执",
            AttachmentKind::Other => "其他",
        }
    }

    /// The kind `text` names (id or label).
    pub fn parse(text: &str) -> Option<AttachmentKind> {
        let text = text.trim();
        AttachmentKind::ALL.into_iter().find(|k| k.id().eq_ignore_ascii_case(text) || k.label() == text)
    }
}

/// One file attached to a ticket, as its `attached` event records it. The
/// file is `attachments/YYYY/MM/<ID>/<sha256 prefix>-<name>`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attachment {
    pub name: String,
    pub kind: AttachmentKind,
    pub sha256: String,
    pub bytes: u64,
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_yaml::Value>,
}

/// Hex digits of the hash that start an attachment's file name: enough to
/// keep two different files of one name apart.
pub const HASH_PREFIX_LEN: usize = 12;

impl Attachment {
    /// The file's name under the ticket's attachment directory.
    pub fn file_name(&self) -> String {
        format!("{}-{}", &self.sha256[..HASH_PREFIX_LEN.min(self.sha256.len())], self.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contact_ways_take_ids_labels_and_aliases() {
        assert_eq!(ContactWay::parse("微信"), Some(ContactWay::Wechat));
        assert_eq!(ContactWay::parse("SMS"), Some(ContactWay::Sms));
        assert_eq!(ContactWay::parse("电话"), Some(ContactWay::Phone));
        assert_eq!(ContactWay::parse("邮件"), Some(ContactWay::Email));
        assert_eq!(ContactWay::parse("飞鸽"), None);
    }

    #[test]
    fn the_file_name_starts_with_the_hash_prefix() {
        let a = Attachment {
            name: "发票.pdf".into(),
            kind: AttachmentKind::Proof,
            sha256: "0123456789abcdef".repeat(4),
            bytes: 3,
            extra: BTreeMap::new(),
        };
        assert_eq!(a.file_name(), "0123456789ab-发票.pdf");
    }
}
