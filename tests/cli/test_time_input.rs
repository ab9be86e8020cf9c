//! Times as people type them during a call (spec §12, issue 15): today's
//! `18:00`, `明天 18:00`, `后天`, `11-24 18:00`, `2026/11/24 18:00`, and
//! deadlines `+2h` / `+2wd` by the business calendar.

use crate::support::Store;

fn promised(store: &Store, id: &str) -> String {
    store.ticket_yaml(id)["promised_at"].as_str().unwrap().to_string()
}

#[test]
fn promise_takes_the_forms_of_a_phone_call() {
    let store = Store::new();
    // Friday 2026-11-20 10:00.
    let now = "2026-11-20 10:00";
    for (typed, expected) in [
        ("18:00", "2026-11-20T18:00:00+08:00"),
        ("明天 18:00", "2026-11-21T18:00:00+08:00"),
        ("11-24 18:00", "2026-11-24T18:00:00+08:00"),
        ("2026/11/24 18:00", "2026-11-24T18:00:00+08:00"),
        // Two working days: Monday and Tuesday (the weekend does not count).
        ("+2wd", "2026-11-24T18:00:00+08:00"),
        ("+2h", "2026-11-20T12:00:00+08:00"),
    ] {
        let id = store.new_ticket("2026-11-20 09:00", &[]);
        store.ok(now, &["promise", &id, typed]);
        assert_eq!(promised(&store, &id), expected, "{typed}");
    }
}

#[test]
fn a_due_day_without_a_time_is_the_end_of_that_day() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    store.ok(
        "2026-11-23 10:00",
        &["note", &id, "-m", "周会：补发配件", "--kind", "action", "--owner", "李娜", "--due", "后天"],
    );
    let history = store.ticket_yaml(&id)["history"].as_sequence().unwrap().clone();
    assert_eq!(history.last().unwrap()["due"].as_str(), Some("2026-11-26T00:00:00+08:00"));
}

#[test]
fn an_ambiguous_time_is_an_error_with_examples() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    for typed in ["24/11 18:00", "18", "下周", "+2weeks"] {
        store.fails_unchanged("2026-11-23 10:00", &["promise", &id, typed], &["hint: "]);
    }
    let stderr = store.fails_unchanged("2026-11-23 10:00", &["promise", &id, "24/11 18:00"], &["invalid"]);
    assert!(stderr.contains("明天 18:00") && stderr.contains("+2wd"), "{stderr}");
}
