//! History events: the append-only, authoritative record of a ticket.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::{Attachment, Status};
use crate::time::{instant, opt_instant};

/// What an event did. Stored in the file as snake_case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Created,
    Classified,
    Assigned,
    Transition,
    Note,
    Followup,
    Promised,
    Escalated,
    Edited,
    Renamed,
    /// 初步诊断 (seed 002 二): what the problem is; may set the severity.
    Diagnosed,
    /// 方案告知 (seed 002 三): the plan told to the customer, with the
    /// time it will be carried out by (`execute_by`).
    PlanSent,
    /// 客户确认: the customer's answer (`accepted`) to the plan or to the
    /// result (`confirms`), and how it was given (`via`).
    Confirmation,
    /// 执行完成 (seed 002 四): execution of the plan reported done.
    Executed,
    /// 执行任务 (seed 000 执行落地): a task the plan hands to another
    /// department (`task_department`), with its `owner` and `due` time; with
    /// `done_item` N, the marker that task N is done.
    Task,
    /// A file kept as evidence (spec §3.1): `attachment` says which.
    Attached,
}

impl Action {
    /// Every action, in declaration order (the cache encodes an action as
    /// its index here).
    pub const ALL: [Action; 16] = [
        Action::Created,
        Action::Classified,
        Action::Assigned,
        Action::Transition,
        Action::Note,
        Action::Followup,
        Action::Promised,
        Action::Escalated,
        Action::Edited,
        Action::Renamed,
        Action::Diagnosed,
        Action::PlanSent,
        Action::Confirmation,
        Action::Executed,
        Action::Task,
        Action::Attached,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Action::Created => "created",
            Action::Classified => "classified",
            Action::Assigned => "assigned",
            Action::Transition => "transition",
            Action::Note => "note",
            Action::Followup => "followup",
            Action::Promised => "promised",
            Action::Escalated => "escalated",
            Action::Edited => "edited",
            Action::Renamed => "renamed",
            Action::Diagnosed => "diagnosed",
            Action::PlanSent => "plan_sent",
            Action::Confirmation => "confirmation",
            Action::Executed => "executed",
            Action::Task => "task",
            Action::Attached => "attached",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Action::Created => "登记",
            Action::Classified => "分类",
            Action::Assigned => "分派",
            Action::Transition => "状态变更",
            Action::Note => "备注",
            Action::Followup => "回访",
            Action::Promised => "承诺时限",
            Action::Escalated => "升级",
            Action::Edited => "编辑",
            Action::Renamed => "重新编号",
            Action::Diagnosed => "初步诊断",
            Action::PlanSent => "方案告知",
            Action::Confirmation => "客户确认",
            Action::Executed => "执行完成",
            Action::Task => "执行任务",
            Action::Attached => "附件",
        }
    }
}

/// Kinds of `note`: progress notes meet the `update_every` target,
/// internal ones do not, actions come from the weekly review (seed 001 8.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    Progress,
    Internal,
    Action,
}

impl NoteKind {
    pub fn id(self) -> &'static str {
        match self {
            NoteKind::Progress => "progress",
            NoteKind::Internal => "internal",
            NoteKind::Action => "action",
        }
    }
}

/// What a customer's answer ([`Action::Confirmation`]) is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confirms {
    /// The plan sent (方案确认, seed 002 三).
    Plan,
    /// The result of its execution (结果确认, seed 002 五).
    Result,
}

impl Confirms {
    pub const ALL: [Confirms; 2] = [Confirms::Plan, Confirms::Result];

    pub fn id(self) -> &'static str {
        match self {
            Confirms::Plan => "plan",
            Confirms::Result => "result",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Confirms::Plan => "方案",
            Confirms::Result => "处理结果",
        }
    }
}

/// How the customer gave an answer (seed 002 三: 短信/邮件/在线签名; 五: 签字).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Via {
    Sms,
    Email,
    Phone,
    Signature,
}

impl Via {
    pub const ALL: [Via; 4] = [Via::Sms, Via::Email, Via::Phone, Via::Signature];

    pub fn id(self) -> &'static str {
        match self {
            Via::Sms => "sms",
            Via::Email => "email",
            Via::Phone => "phone",
            Via::Signature => "signature",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Via::Sms => "短信",
            Via::Email => "邮件",
            Via::Phone => "电话",
            Via::Signature => "签名",
        }
    }
}

/// One history event. Flat on purpose: each action fills the few fields it
/// needs, and the file stays one short mapping per event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    #[serde(with = "instant")]
    pub at: DateTime<FixedOffset>,
    pub by: String,
    pub action: Action,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Status>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Status>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignee: Option<String>,
    /// A further department involved (seed 001 8.3: several departments).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<String>,
    /// Staff members complained about (涉事员工).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub staff: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cause: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<NoteKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "opt_instant")]
    pub due: Option<DateTime<FixedOffset>>,
    /// An action note marking the ticket's action item number N (1-based,
    /// in history order) done (`note --kind action --done N`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_item: Option<u32>,
    /// The department an execution task ([`Action::Task`]) is handed to.
    /// Not `department`: the task does not hand the ticket over.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task_department: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<u32>,
    /// Whether the follow-up counted as satisfied (stored, so that replaying
    /// history never depends on today's threshold).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub satisfied: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub dimensions: BTreeMap<String, u32>,
    /// A follow-up call nobody answered: recorded, meets no target.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub no_answer: bool,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "opt_instant")]
    pub promised_at: Option<DateTime<FixedOffset>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub escalated_to: Option<String>,
    /// When the plan sent will have been carried out (方案的预计完成时间).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "opt_instant")]
    pub execute_by: Option<DateTime<FixedOffset>>,
    /// What a confirmation answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirms: Option<Confirms>,
    /// The customer's answer: accepted (true) or refused (false).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepted: Option<bool>,
    /// How the answer was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<Via>,
    /// Fields changed by `edit`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changed: Vec<String>,
    /// The file an `attached` event keeps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachment: Option<Attachment>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renamed_from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Keys written by a newer version, kept on rewrite.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_yaml::Value>,
}

impl Event {
    /// An event with only the mandatory fields set.
    pub fn new(at: DateTime<FixedOffset>, by: &str, action: Action) -> Event {
        Event {
            at,
            by: by.to_string(),
            action,
            from: None,
            to: None,
            category: None,
            severity: None,
            department: None,
            assignee: None,
            also: Vec::new(),
            staff: Vec::new(),
            plan: None,
            cause: None,
            kind: None,
            owner: None,
            due: None,
            done_item: None,
            task_department: None,
            score: None,
            scale: None,
            satisfied: None,
            comment: None,
            dimensions: BTreeMap::new(),
            no_answer: false,
            promised_at: None,
            escalated_to: None,
            execute_by: None,
            confirms: None,
            accepted: None,
            via: None,
            changed: Vec::new(),
            attachment: None,
            renamed_from: None,
            reason: None,
            note: None,
            extra: BTreeMap::new(),
        }
    }

    /// A move from one status to another (a transition, or the status change
    /// a follow-up causes).
    pub fn is_move(&self) -> bool {
        self.to.is_some()
    }
}
