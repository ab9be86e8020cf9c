//! `--search TEXT` (summary, description, notes, plan, customer, product;
//! substring, any case for Latin, full-width folded) and the `--customer`
//! prefix, in `list`, `export`, `report` and `overdue`, cached or not.

use serde_json::Value;

use crate::support::Store;

const NOW: &str = "2026-11-23 12:00";

/// Three tickets, each with the searched text in another field.
fn three_tickets() -> (Store, [String; 3]) {
    let store = Store::new();
    let a = store.new_ticket(
        "2026-11-20 09:00",
        &[
            "--customer-id",
            "C-10023",
            "--summary",
            "扫地机充电座冒烟",
            "--description",
            "使用三天后插座附近有漏电感",
            "--product",
            "Robot-X1",
        ],
    );
    let b = store.new_ticket(
        "2026-11-21 10:00",
        &[
            "--customer",
            "李四",
            "--contact",
            "li@example.com",
            "--customer-id",
            "C-20001",
            "--summary",
            "快递三天未到",
            "--product",
            "ＲＯＢＯＴ Ｘ２",
        ],
    );
    let c = store
        .new_ticket("2026-11-22 11:00", &["--customer", "王五", "--contact", "13900001111", "--summary", "表带断裂"]);
    store.ok("2026-11-22 12:00", &["note", &b, "-m", "客户要求退款，已转财务部"]);
    store.ok("2026-11-22 13:00", &["transition", &c, "processing", "--plan", "寄送新表带并上门更换"]);
    (store, [a, b, c])
}

fn list_ids(store: &Store, args: &[&str]) -> Vec<String> {
    let mut full = vec!["--json", "list"];
    full.extend_from_slice(args);
    let json: Value = serde_json::from_str(&store.ok(NOW, &full)).unwrap();
    assert_eq!(json["schema"], 1);
    json["tickets"].as_array().unwrap().iter().map(|t| t["id"].as_str().unwrap().to_string()).collect()
}

#[test]
fn chinese_substring_in_every_searched_field() {
    let (store, [a, b, c]) = three_tickets();
    let ids = |args: &[&str]| list_ids(&store, args);
    assert_eq!(ids(&["--search", "漏电"]), [a.as_str()], "description");
    assert_eq!(ids(&["--search", "冒烟"]), [a.as_str()], "summary");
    assert_eq!(ids(&["--search", "退款"]), [b.as_str()], "a note's text");
    assert_eq!(ids(&["--search", "上门更换"]), [c.as_str()], "plan");
    assert_eq!(ids(&["--search", "李"]), [b.as_str()], "customer name");
    assert_eq!(ids(&["--search", "00001111"]), [c.as_str()], "contact");
    assert_eq!(ids(&["--search", "10023"]), [a.as_str()], "customer ID");
    assert_eq!(ids(&["--search", "X1"]), [a.as_str()], "product");
}

#[test]
fn latin_in_any_case_and_full_width_folded() {
    let (store, [a, b, _]) = three_tickets();
    let ids = |args: &[&str]| list_ids(&store, args);
    assert_eq!(ids(&["--search", "robot"]), [a.clone(), b.clone()]);
    assert_eq!(ids(&["--search", "ROBOT-x1"]), [a.as_str()]);
    assert_eq!(ids(&["--search", "ｒｏｂｏｔ－Ｘ１"]), [a.as_str()], "a full-width term");
    assert_eq!(ids(&["--search", "robot x2"]), [b.as_str()], "a full-width product");
    assert_eq!(ids(&["--search", "LI@EXAMPLE"]), [b.as_str()]);
}

#[test]
fn several_terms_must_all_match() {
    let (store, [a, b, _]) = three_tickets();
    let ids = |args: &[&str]| list_ids(&store, args);
    assert_eq!(ids(&["--search", "三天"]), [a.clone(), b.clone()]);
    assert_eq!(ids(&["--search", "三天", "--search", "漏电"]), [a.as_str()]);
    assert_eq!(ids(&["--search", "三天", "--search", "表带"]), Vec::<String>::new());
    // Other filters still apply.
    assert_eq!(ids(&["--search", "三天", "--customer", "李"]), [b.as_str()]);
}

#[test]
fn customer_is_a_prefix_of_name_id_or_contact() {
    let (store, [a, b, c]) = three_tickets();
    let ids = |args: &[&str]| list_ids(&store, args);
    assert_eq!(ids(&["--customer", "张"]), [a.as_str()], "name");
    assert_eq!(ids(&["--customer", "张三"]), [a.as_str()], "an exact name is a prefix");
    assert_eq!(ids(&["--customer", "C-100"]), [a.as_str()], "customer ID");
    assert_eq!(ids(&["--customer", "c-"]), [a.clone(), b.clone()]);
    assert_eq!(ids(&["--customer", "C-20001"]), [b.as_str()], "an exact ID");
    assert_eq!(ids(&["--customer", "139"]), [c.as_str()], "contact");
    assert_eq!(ids(&["--customer", "li@example.com"]), [b.as_str()]);
    assert_eq!(ids(&["--customer", "三"]), Vec::<String>::new(), "not a prefix");
}

#[test]
fn cached_and_uncached_find_the_same() {
    let (store, _) = three_tickets();
    let queries: [&[&str]; 5] = [
        &["--search", "漏电"],
        &["--search", "退款"],
        &["--search", "ROBOT"],
        &["--search", "三天", "--search", "快递"],
        &["--customer", "C-1"],
    ];
    let run = |args: &[&str]| {
        let mut full = vec!["list"];
        full.extend_from_slice(args);
        store.ok(NOW, &full)
    };
    let local = store.path().join(".complaint");
    for args in queries {
        let first = run(args);
        assert!(local.join("index").exists(), "the first run wrote the cache");
        let cached = run(args);
        std::fs::remove_dir_all(&local).unwrap();
        let uncached = run(args);
        assert_eq!(first, cached, "{args:?}");
        assert_eq!(cached, uncached, "{args:?}");
        assert!(!cached.is_empty(), "{args:?}");
    }
}

#[test]
fn no_match_is_an_empty_list_and_success() {
    let (store, _) = three_tickets();
    store.cmd(NOW).args(["list", "--search", "不存在的词"]).assert().success().stdout("");
    let json: Value = serde_json::from_str(&store.ok(NOW, &["--json", "list", "--search", "nothing"])).unwrap();
    assert_eq!(json["count"], 0);
    assert_eq!(json["tickets"], serde_json::json!([]));
}

#[test]
fn export_searches_too() {
    let (store, [a, b, _]) = three_tickets();
    let exported = |args: &[&str]| -> Vec<String> {
        let mut full = vec!["--json", "export", "--columns", "id"];
        full.extend_from_slice(args);
        let json: Value = serde_json::from_str(&store.ok(NOW, &full)).unwrap();
        json["tickets"].as_array().unwrap().iter().map(|t| t["id"].as_str().unwrap().to_string()).collect()
    };
    assert_eq!(exported(&["--search", "三天"]), [a.clone(), b.clone()]);
    assert_eq!(exported(&["--search", "退款"]), [b.as_str()]);
    assert_eq!(exported(&["--customer", "张"]), [a.as_str()]);
}

#[test]
fn report_counts_only_what_the_search_finds() {
    let (store, _) = three_tickets();
    let total = |args: &[&str]| {
        let mut full = vec!["report", "--month", "2026-11", "--json"];
        full.extend_from_slice(args);
        let json: Value = serde_json::from_str(&store.ok(NOW, &full)).unwrap();
        json["total"].as_u64().unwrap()
    };
    assert_eq!(total(&[]), 3);
    assert_eq!(total(&["--search", "三天"]), 2);
    assert_eq!(total(&["--search", "ROBOT", "--search", "漏电"]), 1);
    assert_eq!(total(&["--customer", "王"]), 1);
    let table = store.ok(NOW, &["report", "--month", "2026-11", "--search", "三天"]);
    assert!(table.contains("--search 三天"), "a filtered report says so:\n{table}");
}

#[test]
fn overdue_searches_too() {
    let (store, [a, _, _]) = three_tickets();
    let later = "2026-12-20 12:00";
    let all = store.ok(later, &["overdue"]);
    assert!(all.contains(&a), "{all}");
    let found = store.ok(later, &["overdue", "--search", "漏电"]);
    assert!(found.contains(&a), "{found}");
    assert!(found.lines().all(|line| !line.starts_with("CP") || line.contains(&a)), "{found}");
    store.cmd(later).args(["overdue", "--search", "不存在的词"]).assert().success().stdout("");
}
