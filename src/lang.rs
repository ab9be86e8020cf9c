//! The language of what people read (`[ui] lang`, `--lang`): table headers,
//! report text, the labels of coded values, and (`messages.rs`) the message
//! catalogue of confirmations, errors, hints and help.

mod fields;
pub mod messages;
pub mod words;

use serde::Deserialize;

pub use fields::{FIELDS, FieldLabel, label as field};

/// `Zh` shows the configured Chinese labels; `En` English headings and coded
/// values as their ids (`processing`, `product_quality`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(try_from = "String")]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// The language of a POSIX locale (`LANG`, `LC_ALL`, `LC_MESSAGES`):
    /// Chinese for `zh*`, English for any other; `None` when unset or empty.
    pub fn of_locale(locale: Option<&str>) -> Option<Lang> {
        let locale = locale?.trim();
        if locale.is_empty() {
            return None;
        }
        Some(if locale.to_ascii_lowercase().starts_with("zh") { Lang::Zh } else { Lang::En })
    }

    /// A coded value as shown: its label in Chinese, its id in English.
    pub fn coded<'a>(self, id: &'a str, label: &'a str) -> &'a str {
        self.pick(label, id)
    }

    /// A term of the interface in this language: the Chinese text itself, or
    /// its English counterpart from [`TERMS`] or the field dictionary (the
    /// Chinese when none). [`TERMS`] comes first: its words are for running
    /// text (`升级至` is "escalated to" in a history line).
    pub fn term(self, zh: &'static str) -> &'static str {
        match self {
            Lang::Zh => zh,
            Lang::En => TERMS
                .iter()
                .copied()
                .chain(FIELDS.iter().map(|f| (f.zh, f.en)))
                .find(|(z, _)| *z == zh)
                .map_or(zh, |(_, en)| en),
        }
    }

    /// A field's label in this language (see [`fields::FIELDS`]).
    pub fn field(self, id: &str) -> &'static str {
        let label = field(id);
        self.pick(label.zh, label.en)
    }

    /// Table headers, each given in both languages.
    pub fn headers(self, pairs: &[(&'static str, &'static str)]) -> Vec<&'static str> {
        pairs.iter().map(|(zh, en)| self.pick(zh, en)).collect()
    }
}

/// Chinese interface terms and their English counterparts; the labels of
/// fields are in the field dictionary ([`fields::FIELDS`]).
const TERMS: &[(&str, &str)] = &[
    ("编号", "ID"),
    ("渠道", "Channel"),
    ("摘要", "Summary"),
    ("类型", "Category"),
    ("部门", "Department"),
    ("方案", "Plan"),
    ("原因", "Cause"),
    ("重新处理", "Reopened"),
    ("时间", "Time"),
    ("操作人", "By"),
    ("操作", "Action"),
    ("内容", "Details"),
    ("文件", "File"),
    ("提交", "Commit"),
    ("作者", "Author"),
    ("说明", "Subject"),
    ("问题", "Problem"),
    ("提醒", "State"),
    ("目标", "Target"),
    ("截止时间", "Due"),
    ("超时(工作)", "Late (working)"),
    ("超时(自然)", "Late (wall)"),
    ("超时", "overdue"),
    ("将到期", "due soon"),
    ("未分类", "unclassified"),
    ("是", "yes"),
    ("满意", "satisfied"),
    ("不满意", "not satisfied"),
    ("次", "times"),
    ("承诺", "promised by"),
    ("延期", "extended"),
    ("理由", "reason"),
    ("备注", "note"),
    ("升级至", "escalated to"),
    ("评分", "score"),
    ("回访未接通", "follow-up: no answer"),
    ("原编号", "formerly"),
    ("修改", "changed"),
    ("进展", "progress"),
    ("内部", "internal"),
    ("待办", "action"),
    ("责任人", "owner"),
    ("截止", "due"),
    ("第", "cycle "),
    ("轮", ""),
    ("暂定", "provisional"),
];

impl TryFrom<String> for Lang {
    type Error = String;

    fn try_from(text: String) -> Result<Lang, String> {
        match text.trim().to_ascii_lowercase().as_str() {
            "zh" | "zh-cn" | "zh_cn" | "zh-hans" => Ok(Lang::Zh),
            "en" | "en-us" | "en_us" | "en-gb" => Ok(Lang::En),
            _ => Err(format!("unknown language {text:?}; use \"zh-CN\" or \"en\"")),
        }
    }
}
