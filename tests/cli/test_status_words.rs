//! Words agents use for a status (issue 15): 已完成, 关闭 and 完结 are
//! `closed`, through `transition` and `list --status` alike.

use crate::support::Store;

#[test]
fn closing_words_close_and_filter() {
    let store = Store::new();
    for word in ["已完成", "关闭", "完结"] {
        let id = store.new_ticket("2026-11-23 09:00", &[]);
        store.ok("2026-11-23 10:00", &["transition", &id, word, "--reason", "客户撤诉"]);
        assert_eq!(store.ticket_yaml(&id)["status"].as_str(), Some("closed"), "{word}");
    }
    let open = store.new_ticket("2026-11-23 09:30", &[]);
    for word in ["已完成", "关闭", "完结", "closed"] {
        let listed = store.ok("2026-11-23 11:00", &["list", "--status", word, "--json"]);
        let json: serde_json::Value = serde_json::from_str(&listed).unwrap();
        let tickets = json["tickets"].as_array().unwrap_or_else(|| panic!("{listed}"));
        assert_eq!(tickets.len(), 3, "{word}: {listed}");
        assert!(tickets.iter().all(|t| t["status"] == "closed" && t["id"] != open.as_str()), "{word}");
    }
}
