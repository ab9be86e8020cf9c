use chrono::NaiveDate;

use super::*;

fn samples() -> Vec<(Refusal, &'static str)> {
    let id = || "CP20261123001".to_string();
    vec![
        (
            Refusal::NeedsOneOf { operation: "classify", fields: &["category", "severity"] },
            "classify needs at least one of category, severity",
        ),
        (
            Refusal::PromiseOnSettled { id: id(), status: Status::Closed },
            "CP20261123001 is already closed; a promise is a resolution time for an open ticket",
        ),
        (
            Refusal::FollowupNeedsResolved { id: id(), status: Status::Processing, label: "处理中".into() },
            "CP20261123001 is processing (处理中); a follow-up needs a resolved ticket",
        ),
        (
            Refusal::ScaleNotConfigured { scale: 7, configured: vec!["5".into(), "10".into()] },
            "scale 7 is not configured; configured scales: 5, 10",
        ),
        (Refusal::BadDimension { spec: "效率".into() }, "dimension \"效率\" is not NAME=SCORE"),
        (
            Refusal::UnknownDepartment { department: "仓库".into(), configured: vec!["仓储部".into()] },
            "department \"仓库\" is not configured; configured departments: 仓储部",
        ),
        (
            Refusal::TaskNeedsDue { department: "仓储部".into() },
            "a task for 仓储部 needs a due time: none given and [departments.仓储部] sets no task_within",
        ),
        (
            Refusal::DerivedEdited { fields: vec!["status", "severity"] },
            "status, severity follow(s) from history and cannot be edited",
        ),
        (
            Refusal::ReceivedDayMoved { date: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(), id: id() },
            "received_at must stay on 2026-11-23: the ID CP20261123001 carries that date",
        ),
        (
            Refusal::StepOnSettled { id: id(), status: Status::Closed, operation: "a plan" },
            "CP20261123001 is already closed; a plan belongs to an open ticket",
        ),
        (
            Refusal::NothingToConfirm { id: id(), what: "execution reported done" },
            "CP20261123001 has no execution reported done awaiting the customer's answer",
        ),
    ]
}

#[test]
fn the_english_is_what_refusals_always_said() {
    for (refusal, english) in samples() {
        assert_eq!(refusal.to_string(), english);
        assert_eq!(refusal.message_in(Lang::En), english);
    }
    let closed = Refusal::FollowupNeedsResolved { id: "X".into(), status: Status::Closed, label: "已关闭".into() };
    assert_eq!(closed.hint().as_deref(), Some("it is closed; to handle it again reopen it to processing"));
}

#[test]
fn chinese_names_the_status_by_its_label_and_translates_the_operation() {
    let step = Refusal::StepOnSettled { id: "CP20261123001".into(), status: Status::Closed, operation: "a plan" };
    assert_eq!(step.message_in(Lang::Zh), "CP20261123001 当前为已关闭；方案只用于未关闭的投诉");
    assert_eq!(step.hint_in(Lang::Zh).as_deref(), Some("客户仍有需要时，先重新处理"));
}

#[test]
fn every_refusal_speaks_chinese() {
    for (refusal, english) in samples() {
        assert_ne!(refusal.message_in(Lang::Zh), english);
    }
}
