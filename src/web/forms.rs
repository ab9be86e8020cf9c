//! One small form per action the command line has for one ticket, each
//! posting to `/tickets/{id}/{command}` with fields named like the API's
//! JSON keys; and the way back from form fields to that JSON.

use maud::{Markup, html};
use serde_json::{Map, Value};

use super::Chrome;
use crate::config::{ChoiceKind, Config};
use crate::lang::Lang;
use crate::ticket::{AttachmentKind, Status};

/// How a field is typed.
enum Input {
    Text,
    Area,
    Number,
    /// `(value, shown)` pairs; the first is the default.
    Select(Vec<(String, String)>),
    /// A checkbox sending `true`.
    Check,
}

struct Field {
    key: &'static str,
    label: String,
    input: Input,
}

/// An action's form: its command, its title, its fields.
struct Action {
    command: &'static str,
    title: &'static str,
    fields: Vec<Field>,
}

fn field(key: &'static str, label: &str, input: Input) -> Field {
    Field { key, label: label.to_string(), input }
}

fn yes_no(lang: Lang) -> Input {
    Input::Select(vec![
        ("true".into(), lang.pick("接受", "accepted").into()),
        ("false".into(), lang.pick("不接受", "refused").into()),
    ])
}

fn choice(config: &Config, kind: ChoiceKind, optional: bool) -> Input {
    let lang = config.lang();
    let mut options: Vec<(String, String)> = if optional { vec![(String::new(), "—".into())] } else { Vec::new() };
    options.extend(config.choices(kind).iter().map(|c| (c.id.clone(), lang.coded(&c.id, &c.label).to_string())));
    Input::Select(options)
}

fn plain(options: &[&str]) -> Input {
    Input::Select(options.iter().map(|o| (o.to_string(), o.to_string())).collect())
}

fn actions(config: &Config) -> Vec<Action> {
    let l = config.lang();
    let t = |zh: &'static str, en: &'static str| l.pick(zh, en);
    let statuses = Input::Select(
        Status::ALL.iter().map(|s| (s.id().to_string(), config.status_display(*s).to_string())).collect(),
    );
    let note = || field("note", t("备注", "Note"), Input::Area);
    vec![
        Action {
            command: "classify",
            title: t("分类", "Classify"),
            fields: vec![
                field("category", l.field("category"), choice(config, ChoiceKind::Category, true)),
                field("severity", l.field("severity"), choice(config, ChoiceKind::Severity, true)),
                note(),
            ],
        },
        Action {
            command: "assign",
            title: t("分派", "Assign"),
            fields: vec![
                field("department", l.field("department"), Input::Text),
                field("assignee", l.field("assignee"), Input::Text),
                field("also", t("协办部门（逗号分隔）", "Also departments (comma-separated)"), Input::Text),
                field("staff", t("相关人员（逗号分隔）", "Staff involved (comma-separated)"), Input::Text),
                note(),
            ],
        },
        Action {
            command: "promise",
            title: t("承诺时间", "Promise"),
            fields: vec![
                field("time", t("承诺时间", "Promised time"), Input::Text),
                field("reason", t("延期原因", "Reason for a later promise"), Input::Text),
                note(),
            ],
        },
        Action {
            command: "escalate",
            title: t("升级", "Escalate"),
            fields: vec![
                field("to", t("升级至", "Escalate to"), Input::Text),
                field("reason", t("原因", "Reason"), Input::Area),
            ],
        },
        Action {
            command: "transition",
            title: t("变更状态", "Transition"),
            fields: vec![
                field("status", l.field("status"), statuses),
                field("plan", t("处理方案", "Plan"), Input::Area),
                field("cause", t("原因分类", "Cause"), choice(config, ChoiceKind::Cause, true)),
                field("reason", t("原因", "Reason"), Input::Text),
                note(),
            ],
        },
        Action {
            command: "note",
            title: t("记录", "Note"),
            fields: vec![
                field("message", t("内容", "Text"), Input::Area),
                field("kind", t("类型", "Kind"), plain(&["progress", "internal", "action"])),
                field("owner", t("责任人（行动项）", "Owner (action item)"), Input::Text),
                field("due", t("期限（行动项）", "Due (action item)"), Input::Text),
                field("done", t("完成第几项行动", "Action item done (number)"), Input::Number),
            ],
        },
        Action {
            command: "diagnose",
            title: t("诊断", "Diagnose"),
            fields: vec![
                field("message", t("诊断结论", "Diagnosis"), Input::Area),
                field("severity", l.field("severity"), choice(config, ChoiceKind::Severity, true)),
            ],
        },
        Action {
            command: "plan",
            title: t("方案", "Plan"),
            fields: vec![
                field("message", t("方案内容", "Plan"), Input::Area),
                field("execute_by", t("执行期限", "Execute by"), Input::Text),
            ],
        },
        Action {
            command: "confirm",
            title: t("客户确认", "Customer confirms"),
            fields: vec![
                field("confirms", t("确认对象", "Confirms"), plain(&["plan", "result"])),
                field("accepted", t("结果", "Answer"), yes_no(l)),
                field("via", t("方式", "Via"), plain(&["phone", "sms", "email", "signature"])),
                field("message", t("备注", "Note"), Input::Text),
            ],
        },
        Action {
            command: "execute",
            title: t("执行完成", "Executed"),
            fields: vec![
                field("done", t("已执行", "Done"), Input::Check),
                field("message", t("执行情况", "What was done"), Input::Area),
            ],
        },
        Action {
            command: "task",
            title: t("任务", "Task"),
            fields: vec![
                field("text", t("任务内容", "Task"), Input::Text),
                field("department", l.field("department"), Input::Text),
                field("owner", t("责任人", "Owner"), Input::Text),
                field("due", t("期限", "Due"), Input::Text),
                field("done", t("完成第几项任务", "Task done (number)"), Input::Number),
                field("message", t("备注", "Note"), Input::Text),
            ],
        },
        Action {
            command: "followup",
            title: t("回访", "Follow-up"),
            fields: vec![
                field("score", t("满意度分数", "Score"), Input::Number),
                field("answer", t("满意度（文字）", "Answer (word)"), Input::Text),
                field("scale", t("分制", "Scale"), Input::Number),
                field("comment", t("客户意见", "Comment"), Input::Area),
                field(
                    "dimension",
                    t("分项（名=分，逗号分隔）", "Dimensions (NAME=SCORE, comma-separated)"),
                    Input::Text,
                ),
                field("unsatisfied", t("客户仍不满意（重开）", "Still unsatisfied (reopen)"), Input::Check),
                field("no_answer", t("未接通", "No answer"), Input::Check),
            ],
        },
    ]
}

/// The form that failed: its command, what was typed, the message.
pub struct Failed<'a> {
    pub command: &'a str,
    pub typed: &'a [(String, String)],
    pub message: String,
    pub hint: Option<String>,
}

/// Every action's form for ticket `id`, and the upload form.
pub fn all(chrome: &Chrome, config: &Config, id: &str, failed: Option<&Failed>) -> Markup {
    html! {
        div.actions {
            @for action in actions(config) {
                (form(chrome, id, &action, failed.filter(|f| f.command == action.command)))
            }
            (upload(chrome, config.lang(), id))
        }
    }
}

fn form(chrome: &Chrome, id: &str, action: &Action, failed: Option<&Failed>) -> Markup {
    let typed = |key: &str| failed.and_then(|f| f.typed.iter().find(|(k, _)| k == key)).map(|(_, v)| v.as_str());
    html! {
        form method="post" action={ "/tickets/" (id) "/" (action.command) } id={ "do-" (action.command) } {
            h3 { (action.title) }
            @if let Some(f) = failed {
                p.field-error role="alert" { (f.message) @if let Some(h) = &f.hint { br; span.hint { (h) } } }
            }
            (chrome.csrf_field())
            @for f in &action.fields { (input(f, typed(f.key))) }
            button type="submit" { (action.title) }
        }
    }
}

fn input(f: &Field, typed: Option<&str>) -> Markup {
    let value = typed.unwrap_or("");
    html! {
        label {
            (f.label) " "
            @match &f.input {
                Input::Text => input type="text" name=(f.key) value=(value);,
                Input::Number => input type="number" min="0" name=(f.key) value=(value);,
                Input::Area => textarea name=(f.key) { (value) },
                Input::Check => input type="checkbox" name=(f.key) value="true" checked[value == "true"];,
                Input::Select(options) => select name=(f.key) {
                    @for (v, shown) in options { option value=(v) selected[value == v] { (shown) } }
                },
            }
        }
    }
}

fn upload(chrome: &Chrome, lang: Lang, id: &str) -> Markup {
    html! {
        form method="post" action={ "/tickets/" (id) "/attach" } enctype="multipart/form-data" id="do-attach" {
            h3 { (chrome.t("上传附件", "Attach a file")) }
            (chrome.csrf_field())
            label { (chrome.t("文件", "File")) " " input type="file" name="file" required; }
            label { (chrome.t("类型", "Kind")) " "
                select name="kind" {
                    @for k in AttachmentKind::ALL { option value=(k.id()) selected[k == AttachmentKind::Other] { (lang.coded(k.id(), k.label())) } }
                }
            }
            label { (chrome.t("说明", "Note")) " " input type="text" name="message"; }
            button type="submit" { (chrome.t("上传", "Upload")) }
        }
    }
}

/// Keys whose value is a yes or no (a checkbox or a select of true/false).
const FLAGS: &[&str] = &["notify", "unsatisfied", "no_answer", "accepted"];
/// Keys whose value is a whole number.
const NUMBERS: &[&str] = &["score", "scale"];
/// Keys that take a list: repeated fields, or one field comma-separated.
const LISTS: &[&str] = &["also", "staff", "dimension"];

/// The JSON body of the API for a form's fields: empty fields left out,
/// `csrf` dropped, flags, numbers and lists typed as the API reads them
/// (`done` is a flag for `execute`, a number for `note` and `task`).
pub fn form_json(pairs: &[(String, String)]) -> Value {
    let mut body = Map::new();
    for (key, value) in pairs {
        let value = value.trim();
        if key == "csrf" || value.is_empty() {
            continue;
        }
        let typed = if FLAGS.contains(&key.as_str()) || (key == "done" && value == "true") {
            Value::Bool(value == "true")
        } else if NUMBERS.contains(&key.as_str()) || key == "done" {
            value.parse::<u64>().map_or_else(|_| Value::String(value.to_string()), Value::from)
        } else if LISTS.contains(&key.as_str()) {
            let items = value.split([',', '，', '、']).map(str::trim).filter(|s| !s.is_empty());
            let list = body.entry(key.clone()).or_insert_with(|| Value::Array(Vec::new()));
            if let Value::Array(list) = list {
                list.extend(items.map(|s| Value::String(s.to_string())));
            }
            continue;
        } else {
            Value::String(value.to_string())
        };
        body.insert(key.clone(), typed);
    }
    Value::Object(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn form_fields_become_the_api_body() {
        let body = form_json(&pairs(&[
            ("csrf", "x"),
            ("status", "processing"),
            ("note", ""),
            ("also", "仓储部, 财务部"),
            ("done", "2"),
            ("accepted", "false"),
        ]));
        assert_eq!(
            body,
            serde_json::json!({"status": "processing", "also": ["仓储部", "财务部"], "done": 2, "accepted": false})
        );
        assert_eq!(form_json(&pairs(&[("done", "true")])), serde_json::json!({"done": true}));
    }
}
