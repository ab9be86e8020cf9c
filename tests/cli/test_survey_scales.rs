//! Survey scales (issue 15): seed 000's four-level survey 非常满意/满意/一般/
//! 不满意 answered in words next to the 5- and 10-point scores; reports put
//! every answer on 百分制 (score / scale × 100) before any mean and list each
//! scale's answers apart.

use crate::support::Store;

/// A ticket of 11-23, resolved by 李娜 at 11:00.
fn resolved(store: &Store, assignee: &str) -> String {
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    store.ok("2026-11-23 09:10", &["assign", &id, "--assignee", assignee]);
    store.ok("2026-11-23 11:00", &["transition", &id, "resolved", "--plan", "换货", "--cause", "包装"]);
    id
}

#[test]
fn a_word_answer_is_stored_as_its_rank_and_shown_as_the_word() {
    let store = Store::new();
    let id = resolved(&store, "李娜");
    let out = store.cmd("2026-11-24 10:00").args(["followup", &id, "--answer", "满意"]).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("满意（满意 3/4），已解决 → 已关闭"));
    let yaml = store.ticket_yaml(&id);
    assert_eq!(yaml["satisfaction"]["score"].as_u64(), Some(3));
    assert_eq!(yaml["satisfaction"]["scale"].as_u64(), Some(4));
    assert_eq!(yaml["status"].as_str(), Some("closed"));
    let show = store.ok("2026-11-24 11:00", &["show", &id]);
    assert!(show.contains("满意 满意"), "{show}");
    assert!(show.contains("评分 满意 满意"), "{show}");
}

#[test]
fn english_words_are_accepted_and_a_low_word_reopens_with_a_comment() {
    let store = Store::new();
    let id = resolved(&store, "李娜");
    store.fails_unchanged("2026-11-24 10:00", &["followup", &id, "--answer", "neutral"], &["comment"]);
    store.ok("2026-11-24 10:00", &["followup", &id, "--answer", "neutral", "--comment", "还要再等"]);
    let yaml = store.ticket_yaml(&id);
    assert_eq!(yaml["satisfaction"]["score"].as_u64(), Some(2));
    assert_eq!(yaml["status"].as_str(), Some("processing"));
}

#[test]
fn an_unknown_word_exits_2_listing_the_words() {
    let store = Store::new();
    let id = resolved(&store, "李娜");
    store.fails_unchanged(
        "2026-11-24 10:00",
        &["followup", &id, "--answer", "还行"],
        &["不满意 (dissatisfied), 一般 (neutral), 满意 (satisfied), 非常满意 (very_satisfied)"],
    );
    let both =
        store.cmd("2026-11-24 10:00").args(["followup", &id, "--answer", "满意", "--score", "4"]).output().unwrap();
    assert_eq!(both.status.code(), Some(2));
}

#[test]
fn reports_normalise_every_scale_before_the_mean_and_list_scales_apart() {
    let store = Store::new();
    // 4/5 = 80, 满意 3/4 = 75, 非常满意 4/4 = 100, 8/10 = 80: mean 83.75.
    let a = resolved(&store, "李娜");
    store.ok("2026-11-24 10:00", &["followup", &a, "--score", "4"]);
    let b = resolved(&store, "李娜");
    store.ok("2026-11-24 10:00", &["followup", &b, "--answer", "满意"]);
    let c = resolved(&store, "王强");
    store.ok("2026-11-24 10:00", &["followup", &c, "--answer", "非常满意"]);
    let d = resolved(&store, "王强");
    store.ok("2026-11-24 10:00", &["followup", &d, "--score", "8", "--scale", "10"]);

    let json: serde_json::Value =
        serde_json::from_str(&store.ok("2026-11-30 10:00", &["report", "--month", "2026-11", "--json"])).unwrap();
    let sat = &json["satisfaction"];
    assert_eq!(sat["answered"], 4);
    assert_eq!(sat["mean"].as_f64(), Some(83.8));
    let rows: Vec<(u64, u64, Option<&str>)> = sat["distribution"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["score"].as_u64().unwrap(), d["scale"].as_u64().unwrap(), d["word_label"].as_str()))
        .collect();
    assert_eq!(rows, [(8, 10, None), (4, 5, None), (4, 4, Some("非常满意")), (3, 4, Some("满意"))]);
    let people = json["by_person"].as_array().unwrap();
    let mean_of = |name: &str| people.iter().find(|p| p["name"] == name).unwrap()["satisfaction"].as_f64();
    assert_eq!(mean_of("李娜"), Some(77.5));
    assert_eq!(mean_of("王强"), Some(90.0));

    let text = store.ok("2026-11-30 10:00", &["report", "--month", "2026-11"]);
    assert!(text.contains("满意度均分(百分制)"), "{text}");
    assert!(text.contains("所解决的满意度(百分制)"), "{text}");
    let row = |word: &str| text.lines().any(|l| l.trim_start().starts_with(word) && l.contains("25.0%"));
    assert!(row("非常满意") && row("满意 ") && row("4/5") && row("8/10"), "{text}");
    let html = store.ok("2026-11-30 10:00", &["report", "--month", "2026-11", "--format", "html"]);
    assert!(html.contains("非常满意") && html.contains("满意度均分(百分制)"), "bars name the words");
}

#[test]
fn the_export_keeps_numbers_and_json_names_the_word() {
    let store = Store::new();
    let id = resolved(&store, "李娜");
    store.ok("2026-11-24 10:00", &["followup", &id, "--answer", "满意"]);
    let csv = store.ok("2026-11-30 10:00", &["export", "--no-bom", "--columns", "id,satisfaction"]);
    assert_eq!(csv, format!("投诉编号,客户满意度,满意度满分\r\n{id},3,4\r\n"));
    let json: serde_json::Value =
        serde_json::from_str(&store.ok("2026-11-30 10:00", &["export", "--json", "--columns", "satisfaction"]))
            .unwrap();
    let ticket = &json["tickets"][0];
    assert_eq!(ticket["satisfaction"], serde_json::json!({"score": 3, "scale": 4, "satisfied": true}));
    assert_eq!(ticket["satisfaction_label"], "满意");
}
