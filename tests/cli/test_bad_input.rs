//! Each class of bad input: exit 2, a message naming the problem, every
//! file unchanged.

use crate::support::Store;

const NOW: &str = "2026-11-23 10:00";

fn new_args<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut args =
        vec!["new", "--customer", "张三", "--contact", "13812345678", "--channel", "phone", "--summary", "表带断裂"];
    args.extend_from_slice(extra);
    args
}

#[test]
fn unknown_enum_values_list_the_valid_ones() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    store.fails_unchanged(
        NOW,
        &new_args(&["--category", "logistic"]),
        &[
            "unknown category \"logistic\"",
            "product_quality (产品质量)",
            "logistics (物流配送)",
            "hint: did you mean \"logistics\"?",
        ],
    );
    store.fails_unchanged(
        NOW,
        &new_args(&["--severity", "urgent"]),
        &["unknown severity", "general (一般), serious (严重), major (重大)"],
    );
    store.fails_unchanged(
        NOW,
        &["new", "--customer", "a", "--contact", "1", "--channel", "fax", "--summary", "s"],
        &["unknown channel \"fax\"", "wechat (公众号/微信)"],
    );
    store.fails_unchanged(NOW, &["transition", &id, "done"], &["unknown status \"done\"", "processing (处理中)"]);
    store.fails_unchanged(
        NOW,
        &["transition", &id, "resolved", "--cause", "weather"],
        &["unknown cause", "courier (快递承运)"],
    );
    store.fails_unchanged(NOW, &["list", "--status", "opened"], &["unknown status"]);
}

#[test]
fn malformed_and_impossible_dates() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    for bad in ["2026-02-30 10:00", "2026-13-01", "yesterday", "2026-11-23 25:00"] {
        store.fails_unchanged(
            NOW,
            &new_args(&["--received-at", bad]),
            &["invalid received_at", bad, "hint: use 2026-11-23"],
        );
        store.fails_unchanged(NOW, &["note", &id, "-m", "x", "--at", bad], &["invalid --at"]);
    }
    store.fails_unchanged(NOW, &new_args(&["--received-at", "2026-11-24 09:00"]), &["in the future"]);
    store.fails_unchanged(NOW, &["list", "--since", "2026-11-31"], &["invalid --since"]);
    store.cmd("not a time").args(["list"]).assert().code(2);
}

#[test]
fn ids_that_do_not_match_the_pattern_never_reach_the_file_system() {
    let store = Store::new();
    for bad in
        ["../../etc/passwd", "CP2026112300", "CP20261123001/../x", "cp2026112300a", "CP20261323001", "CP20261123000"]
    {
        store.fails_unchanged(NOW, &["show", bad], &["invalid ticket ID", "expected CPYYYYMMDDNNN"]);
        store.fails_unchanged(NOW, &["transition", bad, "processing"], &["invalid ticket ID"]);
    }
}

#[test]
fn unknown_id_suggests_a_near_one() {
    let store = Store::new();
    store.new_ticket("2026-11-23 09:00", &[]);
    store.fails_unchanged(NOW, &["show", "CP20261123002"], &["no ticket CP20261123002", "did you mean CP20261123001?"]);
    store.fails_unchanged(NOW, &["note", "CP20250101001", "-m", "x"], &["no ticket CP20250101001"]);
}

#[test]
fn empty_and_control_character_fields() {
    let store = Store::new();
    store.fails_unchanged(
        NOW,
        &["new", "--customer", "张三", "--contact", "1", "--channel", "phone", "--summary", "   "],
        &["summary must not be empty"],
    );
    store.fails_unchanged(
        NOW,
        &new_args(&["--product", "x\u{1b}[31m"]),
        &["product contains a control character (U+001B)"],
    );
    store.fails_unchanged(
        NOW,
        &["new", "--customer", "张\u{7}三", "--contact", "1", "--channel", "phone", "--summary", "s"],
        &["customer name contains a control character"],
    );
    // Newlines are fine in a description, not in a summary.
    store.fails_unchanged(
        NOW,
        &["new", "--customer", "张三", "--contact", "1", "--channel", "phone", "--summary", "a\nb"],
        &["summary contains a control character (U+000A)"],
    );
}

#[test]
fn oversized_description_is_refused() {
    let store = Store::new();
    // 4 MB does not fit on a command line (Linux caps one argument at
    // 128 KiB), so it comes in a file; a 70 kB flag shows the flag path.
    let file = store.path().join("big.yaml");
    let huge = "投".repeat(4 * 1024 * 1024 / 3);
    std::fs::write(
        &file,
        format!("customer: {{name: 张三, contact: '1'}}\nchannel: phone\nsummary: s\ndescription: {huge}\n"),
    )
    .unwrap();
    store.fails_unchanged(
        NOW,
        &["new", "--from-file", file.to_str().unwrap()],
        &["description is 4194303 bytes, over the limit of 65536 bytes"],
    );
    let long = "x".repeat(70_000);
    store.fails_unchanged(NOW, &new_args(&["--description", &long]), &["description is 70000 bytes"]);
}

#[test]
fn from_file_with_unknown_keys_or_wrong_types_names_the_position() {
    let store = Store::new();
    let file = store.path().join("in.yaml");
    std::fs::write(&file, "customer: {name: 张三, contact: '1'}\nchannel: phone\nsummary: s\npriority: high\n")
        .unwrap();
    let path = file.to_str().unwrap();
    store.fails_unchanged(
        NOW,
        &["new", "--from-file", path],
        &[&format!("{path}:4:1: unknown field `priority`"), "expected one of"],
    );
    std::fs::write(&file, "customer: 张三\nchannel: phone\nsummary: s\n").unwrap();
    store.fails_unchanged(NOW, &["new", "--from-file", path], &[&format!("{path}:1:"), "customer"]);
    std::fs::write(&file, "customer: {name: 张三, contact: '1'}\nchannel: [phone]\nsummary: s\n").unwrap();
    store.fails_unchanged(NOW, &["new", "--from-file", path], &[&format!("{path}:2:"), "channel"]);
    store.fails_unchanged(NOW, &["new", "--from-file", "/nonexistent/in.yaml"], &["cannot read /nonexistent/in.yaml"]);
}

#[test]
fn bad_config_is_reported_with_its_key() {
    let store = Store::new();
    std::fs::write(store.path().join("complaint.toml"), "[time]\nzone = \"Mars/Base\"\n").unwrap();
    store.fails_unchanged(NOW, &["list"], &["complaint.toml", "unknown time zone \"Mars/Base\""]);
    std::fs::write(store.path().join("complaint.toml"), "[id]\nprefx = \"CP\"\n").unwrap();
    store.fails_unchanged(NOW, &["list"], &["unknown field `prefx`"]);
}

#[test]
fn usage_errors_exit_2() {
    let store = Store::new();
    store.cmd(NOW).args(["transition"]).assert().code(2);
    store.cmd(NOW).args(["frobnicate"]).assert().code(2);
    store.cmd(NOW).args(["classify", "CP20261123001"]).assert().code(2);
}
