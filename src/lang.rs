//! The language of what people read (`[ui] lang`, `--lang`): table headers,
//! report text and the labels of coded values. Error messages stay English
//! (with Chinese labels quoted), so they can be searched for.

use serde::Deserialize;

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

    /// A coded value as shown: its label in Chinese, its id in English.
    pub fn coded<'a>(self, id: &'a str, label: &'a str) -> &'a str {
        self.pick(label, id)
    }

    /// A term of the interface in this language: the Chinese text itself, or
    /// its English counterpart from [`TERMS`] (the Chinese when none).
    pub fn term(self, zh: &'static str) -> &'static str {
        match self {
            Lang::Zh => zh,
            Lang::En => TERMS.iter().find(|(z, _)| *z == zh).map_or(zh, |(_, en)| en),
        }
    }

    /// Table headers, each given in both languages.
    pub fn headers(self, pairs: &[(&'static str, &'static str)]) -> Vec<&'static str> {
        pairs.iter().map(|(zh, en)| self.pick(zh, en)).collect()
    }
}

/// Chinese interface terms and their English counterparts.
const TERMS: &[(&str, &str)] = &[
    ("投诉编号", "ID"),
    ("编号", "ID"),
    ("状态", "Status"),
    ("受理时间", "Received"),
    ("投诉渠道", "Channel"),
    ("渠道", "Channel"),
    ("客户", "Customer"),
    ("联系方式", "Contact"),
    ("客户ID", "Customer ID"),
    ("涉及产品", "Product"),
    ("投诉摘要", "Summary"),
    ("摘要", "Summary"),
    ("问题描述", "Description"),
    ("期望诉求", "Expectation"),
    ("投诉类型", "Category"),
    ("类型", "Category"),
    ("严重程度", "Severity"),
    ("责任部门", "Department"),
    ("部门", "Department"),
    ("协同部门", "Also involved"),
    ("负责人", "Assignee"),
    ("涉事员工", "Staff involved"),
    ("承诺时限", "Promised by"),
    ("已升级", "Escalated"),
    ("处理方案", "Plan"),
    ("方案", "Plan"),
    ("根本原因", "Cause"),
    ("原因", "Cause"),
    ("客户满意度", "Satisfaction"),
    ("重新处理", "Reopened"),
    ("处理记录", "History"),
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
