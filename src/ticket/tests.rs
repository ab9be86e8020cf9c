use super::*;
use chrono::DateTime;

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn sample() -> Ticket {
    let mut created = Event::new(at("2026-11-23T09:15:00+08:00"), "wang", Action::Created);
    created.severity = Some("general".into());
    let customer = Customer::new("张三", "13812345678", Some("C-10023"));
    let received = at("2026-11-23T09:15:00+08:00");
    let mut ticket = Ticket::new(
        "CP20261123001",
        "01JDXQ3M5Q6Z3Y0K8N4V2T7B9C",
        received,
        "phone",
        customer,
        "表带断裂，要求换货",
        created,
    );
    ticket.product = Some("智能手表 X2".into());
    ticket.description = Some("客户称收货第三天表带断裂。\n要求换货。".into());
    ticket.expectation = Some("换货".into());
    ticket
}

#[test]
fn recording_events_keeps_fields_consistent_with_history() {
    let mut ticket = sample();
    let mut e = Event::new(at("2026-11-23T09:20:00+08:00"), "wang", Action::Classified);
    e.category = Some("product_quality".into());
    ticket.record(e);
    let mut e = Event::new(at("2026-11-23T09:40:00+08:00"), "li", Action::Transition);
    e.from = Some(Status::New);
    e.to = Some(Status::Processing);
    ticket.record(e);
    let mut e = Event::new(at("2026-11-24T09:40:00+08:00"), "li", Action::Followup);
    e.from = Some(Status::Processing);
    e.to = Some(Status::Processing);
    e.score = Some(2);
    e.scale = Some(5);
    e.satisfied = Some(false);
    ticket.record(e);
    assert_eq!(ticket.status, Status::Processing);
    assert_eq!(ticket.category.as_deref(), Some("product_quality"));
    assert!(ticket.escalated);
    assert!(ticket.inconsistent_fields().is_empty());
    ticket.status = Status::Closed;
    assert_eq!(ticket.inconsistent_fields(), vec!["status"]);
}

#[test]
fn yaml_round_trip_is_byte_identical_and_keeps_unknown_keys() {
    let mut ticket = sample();
    ticket.extra.insert("future_field".into(), serde_yaml::Value::String("x".into()));
    let text = serde_yaml::to_string(&ticket).unwrap();
    let back: Ticket = serde_yaml::from_str(&text).unwrap();
    assert_eq!(back, ticket);
    assert_eq!(serde_yaml::to_string(&back).unwrap(), text);
    assert!(text.contains("future_field: x"));
    assert!(text.contains("contact: '13812345678'") || text.contains("contact: \"13812345678\""), "{text}");
    assert!(text.contains("表带断裂"), "{text}");
}

/// A history whose events set every derived field to something other than
/// its default. A new derived field needs an event here that sets it.
fn history_setting_every_derived_field() -> Vec<Event> {
    let event = |time: &str, action| Event::new(at(time), "li", action);
    let mut created = event("2026-11-23T09:15:00+08:00", Action::Created);
    created.severity = Some("general".into());
    let mut classified = event("2026-11-23T09:20:00+08:00", Action::Classified);
    (classified.category, classified.severity) = (Some("product_quality".into()), Some("serious".into()));
    let mut assigned = event("2026-11-23T09:30:00+08:00", Action::Assigned);
    (assigned.department, assigned.assignee) = (Some("售后部".into()), Some("li".into()));
    (assigned.also, assigned.staff) = (vec!["产品部".into()], vec!["孙磊".into()]);
    let mut promised = event("2026-11-23T09:40:00+08:00", Action::Promised);
    promised.promised_at = Some(at("2026-11-25T18:00:00+08:00"));
    let mut escalated = event("2026-11-23T09:50:00+08:00", Action::Escalated);
    escalated.escalated_to = Some("区域经理".into());
    let mut resolved = event("2026-11-24T09:00:00+08:00", Action::Transition);
    (resolved.from, resolved.to) = (Some(Status::New), Some(Status::Resolved));
    (resolved.plan, resolved.cause) = (Some("换货".into()), Some("courier".into()));
    let mut followup = event("2026-11-25T09:00:00+08:00", Action::Followup);
    (followup.from, followup.to) = (Some(Status::Resolved), Some(Status::Processing));
    (followup.score, followup.scale, followup.satisfied) = (Some(2), Some(5), Some(false));
    vec![created, classified, assigned, promised, escalated, resolved, followup]
}

#[test]
fn history_sets_every_derived_field() {
    let derived = Derived::from_history(&history_setting_every_derived_field());
    assert_eq!(
        derived.differing_fields(&Derived::default()),
        Derived::FIELDS,
        "`Derived::apply` leaves a derived field at its default: say how an event sets it"
    );
}

#[test]
fn check_flags_every_derived_field_that_disagrees_with_history() {
    let mut ticket = sample();
    ticket.history = history_setting_every_derived_field();
    let from_history = Derived::from_history(&ticket.history);
    ticket.set_derived(from_history.clone());
    assert_eq!(ticket.derived(), from_history);
    assert!(ticket.inconsistent_fields().is_empty());
    // Every field other than what history says (severity and status are
    // always in the file, so they get values history did not give).
    let other = Derived { severity: Some("major".into()), status: Some(Status::Closed), ..Derived::default() };
    ticket.set_derived(other);
    assert_eq!(ticket.inconsistent_fields(), Derived::FIELDS);
}
