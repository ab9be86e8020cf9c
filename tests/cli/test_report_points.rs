//! `report`: time per stage (各环节处理时长), frequent complaint points
//! (高频投诉点) and the `list` filters, over a small store computed by hand.
//!
//! Store zone Asia/Shanghai, default SLAs (general: first response 24h,
//! resolution 2wd), work hours 09:00–18:00, no holidays in Oct–Nov 2026.
//! Report `--month 2026-11` (previous: 2026-10) as of 2026-11-30 18:00.
//!
//! | ticket | received | product × category | dept | story |
//! |---|---|---|---|---|
//! | T1 | Mon 11-02 09:00 | P1 × product_quality | 售后部 | processing 10:00 (1h work, 1h wall), resolved 15:00 (6h, 6h) |
//! | T2 | Mon 11-02 17:00 | P1 × product_quality | — | processing Tue 10:00 (2h work, 17h wall), resolved Wed 16:00 (1+9+7 = 17h work, 47h wall) |
//! | T3 | Tue 11-03 09:00 | P2 × logistics | 物流部 | processing Thu 11-05 10:00 (9+9+1 = 19h work, 49h wall: late); never resolved (overdue) |
//! | T0 | Tue 10-20 | P1 × product_quality | — | previous period |
//! | T4, T5 | Wed 10-21, Thu 10-22 | P2 × logistics | T4 物流部 | previous period |
//!
//! First response: work 1, 2, 19 → mean 7.3, median 2, p90 (rank ⌈2.7⌉ = 3)
//! 19; wall 1, 17, 49 → mean 22.3, median 17, p90 49; breached 1 of 3.
//! Resolution: 3 targets, 2 met: work 6, 17 → mean and median 11.5, p90 17;
//! wall 6, 47 → 26.5, 26.5, 47; T3 overdue → breached 1 of 3 decided.

use serde_json::{Value, json};

use crate::support::Store;

const AS_OF: &str = "2026-11-30 18:00";

struct Scenario {
    store: Store,
    t1: String,
    t2: String,
    t3: String,
}

fn scenario() -> Scenario {
    let store = Store::new();
    let new =
        |at: &str, product: &str, category: &str| store.new_ticket(at, &["--product", product, "--category", category]);
    let ok = |at: &str, args: &[&str]| {
        store.ok(at, args);
    };
    new("2026-10-20 10:00", "P1", "product_quality");
    let t4 = new("2026-10-21 10:00", "P2", "logistics");
    ok("2026-10-21 11:00", &["assign", &t4, "--department", "物流部"]);
    new("2026-10-22 10:00", "P2", "logistics");

    let t1 = new("2026-11-02 09:00", "P1", "product_quality");
    ok("2026-11-02 10:00", &["transition", &t1, "processing"]);
    ok("2026-11-02 10:30", &["assign", &t1, "--department", "售后部"]);
    ok("2026-11-02 15:00", &["transition", &t1, "resolved", "--plan", "换货"]);

    let t2 = new("2026-11-02 17:00", "P1", "product_quality");
    ok("2026-11-03 10:00", &["transition", &t2, "processing"]);
    ok("2026-11-04 16:00", &["transition", &t2, "resolved", "--plan", "维修"]);

    let t3 = new("2026-11-03 09:00", "P2", "logistics");
    ok("2026-11-05 10:00", &["transition", &t3, "processing"]);
    ok("2026-11-05 10:30", &["assign", &t3, "--department", "物流部"]);
    Scenario { store, t1, t2, t3 }
}

fn report_json(store: &Store, extra: &[&str]) -> Value {
    let mut args = vec!["report", "--month", "2026-11", "--json"];
    args.extend_from_slice(extra);
    serde_json::from_str(&store.ok(AS_OF, &args)).expect("JSON")
}

fn stage<'a>(json: &'a Value, kind: &str) -> &'a Value {
    json["stages"].as_array().unwrap().iter().find(|s| s["kind"] == kind).unwrap_or_else(|| panic!("no {kind}"))
}

#[test]
fn time_per_stage_and_breach_rate() {
    let s = scenario();
    let json = report_json(&s.store, &[]);
    assert_eq!(
        stage(&json, "first_response"),
        &json!({
            "kind": "first_response", "label": "首次响应", "count": 3, "met": 3,
            "working_hours": {"mean": 7.3, "median": 2.0, "p90": 19.0},
            "wall_hours": {"mean": 22.3, "median": 17.0, "p90": 49.0},
            "breach_rate": 0.3333,
        })
    );
    assert_eq!(
        stage(&json, "resolution"),
        &json!({
            "kind": "resolution", "label": "处理时限", "count": 3, "met": 2,
            "working_hours": {"mean": 11.5, "median": 11.5, "p90": 17.0},
            "wall_hours": {"mean": 26.5, "median": 26.5, "p90": 47.0},
            "breach_rate": 0.3333,
        })
    );
    let table = s.store.ok(AS_OF, &["report", "--month", "2026-11"]);
    assert!(table.contains("各环节处理时长(小时)"), "{table}");
    let section = &table[table.find("各环节处理时长").unwrap()..];
    let line = section.lines().find(|l| l.starts_with("首次响应")).expect("a stage line");
    assert_eq!(
        line.split_whitespace().collect::<Vec<_>>()[1..],
        ["3", "3", "7.3", "2.0", "19.0", "22.3", "17.0", "49.0", "33.3%"]
    );
}

#[test]
fn top_points_with_change_and_tickets() {
    let s = scenario();
    let json = report_json(&s.store, &[]);
    assert_eq!(
        json["points"],
        json!([
            {"product": "P1", "category": "product_quality", "category_label": "产品质量",
             "count": 2, "previous": 1, "change": 1, "tickets": [s.t1, s.t2]},
            {"product": "P2", "category": "logistics", "category_label": "物流配送",
             "count": 1, "previous": 2, "change": -1, "tickets": [s.t3]},
        ])
    );
    let table = s.store.ok(AS_OF, &["report", "--month", "2026-11"]);
    assert!(table.contains("高频投诉点(产品×类型)"), "{table}");
    assert!(table.contains("complaint list --product P1 --category product_quality"), "{table}");
    let line = table.lines().find(|l| l.starts_with("P2 ")).expect("a point line");
    assert_eq!(line.split_whitespace().collect::<Vec<_>>()[..5], ["P2", "物流配送", "1", "2", "-1"]);
    // The drill-down lists exactly the tickets behind the point.
    let listed = s.store.ok(AS_OF, &["list", "--product", "P1", "--category", "product_quality", "--json"]);
    for id in [&s.t1, &s.t2] {
        assert!(listed.contains(id.as_str()), "{listed}");
    }
}

#[test]
fn product_filter_applies_to_both_periods() {
    let s = scenario();
    let json = report_json(&s.store, &["--product", "p1"]);
    assert_eq!(json["total"], 2);
    assert_eq!(json["previous_period"]["total"], 1);
    assert_eq!(json["points"].as_array().unwrap().len(), 1);
    assert_eq!(json["points"][0]["tickets"], json!([s.t1, s.t2]));
    // Both P1 tickets were answered on time: no first-response breach left.
    assert_eq!(stage(&json, "first_response")["breach_rate"], 0.0);
}

#[test]
fn department_filter_applies_to_both_periods() {
    let s = scenario();
    let json = report_json(&s.store, &["--department", "物流部"]);
    assert_eq!(json["total"], 1);
    assert_eq!(json["previous_period"]["total"], 1);
    assert_eq!(
        json["points"],
        json!([{"product": "P2", "category": "logistics", "category_label": "物流配送",
                "count": 1, "previous": 1, "change": 0, "tickets": [s.t3]}])
    );
    assert_eq!(stage(&json, "first_response")["breach_rate"], 1.0);
    assert_eq!(stage(&json, "first_response")["working_hours"]["mean"], 19.0);
    // A filtered report says so.
    let table = s.store.ok(AS_OF, &["report", "--month", "2026-11", "--department", "物流部"]);
    assert!(table.lines().nth(1).unwrap().ends_with("；筛选：--department 物流部"), "{table}");
}
