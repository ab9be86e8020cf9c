//! Event kinds: the names a stage's `starts` and `met_by` use (spec §5.1,
//! docs/sla.md "Event kinds"). A kind is read off one history event alone
//! (its action and fields); an event may be several kinds at once (a plan
//! sent to a new ticket is `plan_sent` and `responded`; an unsatisfied
//! follow-up is `followed_up`, `vetoed` and `reopened`).

use super::{Action, Confirms, Event, NoteKind, Status};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventKind {
    Received,
    Responded,
    Classified,
    Assigned,
    AssignedDepartment,
    DepartmentInvolved,
    Diagnosed,
    PlanSent,
    PlanAccepted,
    PlanRefused,
    Executed,
    ResultAccepted,
    ResultRefused,
    Waiting,
    CustomerReplied,
    ProgressNoted,
    ActionItem,
    ExecutionTask,
    Promised,
    Escalated,
    Resolved,
    FollowedUp,
    FollowupUnanswered,
    Vetoed,
    Reopened,
    Closed,
    /// A file kept as evidence (`attach`; seed 002: the customer's signed
    /// confirmation, the execution proof).
    Attached,
}

impl EventKind {
    pub const ALL: [EventKind; 27] = [
        EventKind::Received,
        EventKind::Responded,
        EventKind::Classified,
        EventKind::Assigned,
        EventKind::AssignedDepartment,
        EventKind::DepartmentInvolved,
        EventKind::Diagnosed,
        EventKind::PlanSent,
        EventKind::PlanAccepted,
        EventKind::PlanRefused,
        EventKind::Executed,
        EventKind::ResultAccepted,
        EventKind::ResultRefused,
        EventKind::Waiting,
        EventKind::CustomerReplied,
        EventKind::ProgressNoted,
        EventKind::ActionItem,
        EventKind::ExecutionTask,
        EventKind::Promised,
        EventKind::Escalated,
        EventKind::Resolved,
        EventKind::FollowedUp,
        EventKind::FollowupUnanswered,
        EventKind::Vetoed,
        EventKind::Reopened,
        EventKind::Closed,
        EventKind::Attached,
    ];

    /// The name in `complaint.toml` (`starts = "plan_sent"`).
    pub fn id(self) -> &'static str {
        match self {
            EventKind::Received => "received",
            EventKind::Responded => "responded",
            EventKind::Classified => "classified",
            EventKind::Assigned => "assigned",
            EventKind::AssignedDepartment => "assigned_department",
            EventKind::DepartmentInvolved => "department_involved",
            EventKind::Diagnosed => "diagnosed",
            EventKind::PlanSent => "plan_sent",
            EventKind::PlanAccepted => "plan_accepted",
            EventKind::PlanRefused => "plan_refused",
            EventKind::Executed => "executed",
            EventKind::ResultAccepted => "result_accepted",
            EventKind::ResultRefused => "result_refused",
            EventKind::Waiting => "waiting",
            EventKind::CustomerReplied => "customer_replied",
            EventKind::ProgressNoted => "progress_noted",
            EventKind::ActionItem => "action_item",
            EventKind::ExecutionTask => "execution_task",
            EventKind::Promised => "promised",
            EventKind::Escalated => "escalated",
            EventKind::Resolved => "resolved",
            EventKind::FollowedUp => "followed_up",
            EventKind::FollowupUnanswered => "followup_unanswered",
            EventKind::Vetoed => "vetoed",
            EventKind::Reopened => "reopened",
            EventKind::Closed => "closed",
            EventKind::Attached => "attached",
        }
    }

    pub fn parse(id: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.id() == id)
    }

    /// Whether `event` is of this kind.
    pub fn matches(self, e: &Event) -> bool {
        let answer = |confirms, accepted| {
            e.action == Action::Confirmation && e.confirms == Some(confirms) && e.accepted == Some(accepted)
        };
        let answered = e.action == Action::Followup && !e.no_answer;
        match self {
            EventKind::Received => e.action == Action::Created,
            EventKind::Responded => e.from == Some(Status::New) && e.to.is_some_and(|to| to != Status::New),
            EventKind::Classified => e.action == Action::Classified,
            EventKind::Assigned => e.assignee.is_some(),
            EventKind::AssignedDepartment => e.department.is_some(),
            EventKind::DepartmentInvolved => !e.also.is_empty(),
            EventKind::Diagnosed => e.action == Action::Diagnosed,
            EventKind::PlanSent => e.action == Action::PlanSent,
            EventKind::PlanAccepted => answer(Confirms::Plan, true),
            EventKind::PlanRefused => answer(Confirms::Plan, false),
            EventKind::Executed => e.action == Action::Executed,
            EventKind::ResultAccepted => answer(Confirms::Result, true),
            EventKind::ResultRefused => answer(Confirms::Result, false),
            EventKind::Waiting => e.to == Some(Status::WaitingCustomer),
            EventKind::CustomerReplied => e.from == Some(Status::WaitingCustomer) && e.to == Some(Status::Processing),
            EventKind::ProgressNoted => e.action == Action::Note && matches!(e.kind, None | Some(NoteKind::Progress)),
            EventKind::ActionItem => e.action == Action::Note && e.kind == Some(NoteKind::Action),
            EventKind::ExecutionTask => e.action == Action::Task && e.done_item.is_none(),
            EventKind::Promised => e.promised_at.is_some(),
            EventKind::Escalated => e.escalated_to.is_some(),
            EventKind::Resolved => e.to == Some(Status::Resolved),
            EventKind::FollowedUp => answered,
            EventKind::FollowupUnanswered => e.action == Action::Followup && e.no_answer,
            EventKind::Vetoed => answered && e.satisfied == Some(false),
            EventKind::Reopened => {
                matches!(e.from, Some(Status::Resolved | Status::Closed)) && e.to == Some(Status::Processing)
            }
            EventKind::Closed => e.to == Some(Status::Closed),
            EventKind::Attached => e.action == Action::Attached,
        }
    }

    /// Every kind `event` is.
    pub fn of(event: &Event) -> impl Iterator<Item = EventKind> + '_ {
        EventKind::ALL.into_iter().filter(|k| k.matches(event))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ticket::fixtures::at;

    fn event(action: Action) -> Event {
        Event::new(at("2026-11-23T10:00:00+08:00"), "李娜", action)
    }

    fn kinds(e: &Event) -> Vec<&'static str> {
        EventKind::of(e).map(EventKind::id).collect()
    }

    #[test]
    fn a_plan_sent_to_a_new_ticket_is_also_its_response() {
        let mut e = event(Action::PlanSent);
        (e.from, e.to, e.plan) = (Some(Status::New), Some(Status::Processing), Some("换新".into()));
        assert_eq!(kinds(&e), ["responded", "plan_sent"]);
    }

    #[test]
    fn answers_are_named_by_what_they_answer_and_how() {
        let mut e = event(Action::Confirmation);
        (e.confirms, e.accepted) = (Some(Confirms::Plan), Some(false));
        assert_eq!(kinds(&e), ["plan_refused"]);
        (e.confirms, e.accepted, e.from, e.to) =
            (Some(Confirms::Result), Some(true), Some(Status::Processing), Some(Status::Resolved));
        assert_eq!(kinds(&e), ["result_accepted", "resolved"]);
    }

    #[test]
    fn a_veto_is_a_follow_up_a_veto_and_a_reopen() {
        let mut e = event(Action::Followup);
        (e.score, e.scale, e.satisfied) = (Some(2), Some(5), Some(false));
        (e.from, e.to) = (Some(Status::Resolved), Some(Status::Processing));
        assert_eq!(kinds(&e), ["followed_up", "vetoed", "reopened"]);
    }

    #[test]
    fn a_hand_over_is_an_assignment_to_a_department() {
        let mut e = event(Action::Assigned);
        e.department = Some("技术支持部".into());
        assert_eq!(kinds(&e), ["assigned_department"]);
    }

    /// docs/sla.md lists every kind, and no other, in its "Event kinds" table.
    #[test]
    fn docs_list_every_kind() {
        let docs = include_str!("../../docs/sla.md");
        let section = docs.split("## Event kinds").nth(1).expect("docs/sla.md has an Event kinds section");
        let section = section.split("\n## ").next().unwrap();
        let listed: Vec<&str> =
            section.lines().filter_map(|l| l.strip_prefix("| `")).map(|l| l.split('`').next().unwrap()).collect();
        let ids: Vec<&str> = EventKind::ALL.iter().map(|k| k.id()).collect();
        assert_eq!(listed, ids);
    }
}
