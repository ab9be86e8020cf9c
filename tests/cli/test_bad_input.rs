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
    // The file itself is over the input cap (issue 12: `--from-file` is
    // capped like ticket files), so it is refused before parsing.
    store.fails_unchanged(
        NOW,
        &["new", "--from-file", file.to_str().unwrap()],
        &["big.yaml: input is over the limit of 1048576 bytes ([limits] max_file_bytes)"],
    );
    // Within the file cap, the field cap still names the field.
    let big = "投".repeat(300_000 / 3);
    std::fs::write(
        &file,
        format!("customer: {{name: 张三, contact: '1'}}\nchannel: phone\nsummary: s\ndescription: {big}\n"),
    )
    .unwrap();
    store.fails_unchanged(
        NOW,
        &["new", "--from-file", file.to_str().unwrap()],
        &["description is 300000 bytes, over the limit of 65536 bytes"],
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

/// One of each class of refused character, and how the error names it.
const REFUSED: [(&str, &str); 9] = [
    ("\n", "control character (U+000A)"),
    ("\u{1b}[31m", "control character (U+001B)"),
    ("\u{85}", "control character (U+0085)"),
    ("\u{2028}", "line or paragraph separator (U+2028)"),
    ("\u{2029}", "line or paragraph separator (U+2029)"),
    ("\u{202E}", "bidirectional-text control (U+202E)"),
    ("\u{2067}", "bidirectional-text control (U+2067)"),
    ("\u{200F}", "bidirectional-text control (U+200F)"),
    ("\u{061C}", "bidirectional-text control (U+061C)"),
];

#[test]
fn an_actor_name_that_could_forge_a_trailer_or_hide_text_is_refused() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    for (bad, named) in REFUSED {
        let name = format!("李四{bad}Complaint-Id: CP20990101001");
        let stderr = store.fails_unchanged(NOW, &["--by", &name, "note", &id, "-m", "hi"], &["--by", named]);
        assert!(!stderr.contains("CP20990101001"), "the value is not echoed: {stderr}");
        store.fails_unchanged(NOW, &new_args(&["--by", &name]), &["--by", named]);
    }
    for empty in ["", "   "] {
        store.fails_unchanged(
            NOW,
            &["--by", empty, "note", &id, "-m", "hi"],
            &["--by / COMPLAINT_USER must not be empty"],
        );
    }
}

#[test]
fn an_actor_from_the_environment_is_checked_too() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    let before = store.files();
    let run = |env: (&str, &str)| {
        let output = store
            .cmd(NOW)
            .env_remove("COMPLAINT_USER")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env(env.0, env.1)
            .args(["note", &id, "-m", "hi"])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{env:?}");
        String::from_utf8(output.stderr).unwrap()
    };
    let stderr = run(("COMPLAINT_USER", "李四\nAction: closed"));
    assert!(stderr.contains("control character (U+000A)") && !stderr.contains("closed"), "{stderr}");
    let stderr = run(("USER", "li\u{202E}si"));
    assert!(stderr.contains("$USER contains a bidirectional-text control (U+202E)"), "{stderr}");
    assert_eq!(store.files(), before);
}

#[test]
fn one_line_fields_refuse_every_class() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    for (bad, named) in REFUSED {
        let value = format!("表带{bad}断裂");
        store.fails_unchanged(
            NOW,
            &["new", "--customer", "张三", "--contact", "1", "--channel", "phone", "--summary", &value],
            &["summary contains", named],
        );
        store.fails_unchanged(
            NOW,
            &["new", "--customer", &value, "--contact", "1", "--channel", "phone", "--summary", "s"],
            &["customer name contains", named],
        );
        store.fails_unchanged(NOW, &["escalate", &id, "--to", &value, "--reason", "r"], &["--to contains", named]);
        store.fails_unchanged(
            NOW,
            &["note", &id, "-m", "m", "--kind", "action", "--owner", &value, "--due", "2026-11-30"],
            &["--owner contains", named],
        );
        store.fails_unchanged(NOW, &["assign", &id, "--department", &value], &["--department contains", named]);
    }
}

#[test]
fn multi_line_text_takes_line_breaks_and_tabs_but_no_bidi_control() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &["--description", "第一行\n\t第二行"]);
    assert!(store.read_ticket(&id).contains("第二行"));
    for bidi in ["\u{202A}", "\u{202E}", "\u{2066}", "\u{2069}", "\u{200E}", "\u{061C}"] {
        let text = format!("退款{bidi}500元");
        let code = format!("(U+{:04X})", bidi.chars().next().unwrap() as u32);
        store.fails_unchanged(NOW, &new_args(&["--description", &text]), &["description contains a bidi", &code]);
        store.fails_unchanged(NOW, &["note", &id, "-m", &text], &["--message contains a bidi", &code]);
    }
}
