//! The fast reader against the full parser: every construct it accepts reads
//! the same, every unusual form falls back (`None`).

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, FixedOffset, TimeZone};
use proptest::prelude::*;

use super::parse;
use crate::store::{parse_tickets_full, to_yaml};
use crate::ticket::{
    Action, Attachment, AttachmentKind, Confirms, ContactWay, Customer, Event, NoteKind, Purchase, Satisfaction,
    Status, Ticket, Via,
};

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

/// Asserts that the fast path reads `text` and agrees with the full parser.
#[track_caller]
fn same(text: &str) -> Ticket {
    let full = parse_tickets_full(text, Path::new("t.yaml")).unwrap_or_else(|e| panic!("{e}\n{text}"));
    let fast = parse(text).unwrap_or_else(|| panic!("fast path not taken for\n{text}"));
    assert_eq!(full, vec![fast.clone()], "{text}");
    fast
}

/// Asserts that `ticket` is written in a form the fast path reads back as itself.
#[track_caller]
fn round_trip(ticket: &Ticket) -> String {
    let text = to_yaml(ticket).unwrap();
    assert_eq!(&same(&text), ticket, "{text}");
    text
}

#[track_caller]
fn falls_back(text: &str) {
    assert_eq!(parse(text), None, "fast path taken for\n{text}");
}

/// A ticket with every field, every optional one filled.
fn every_field() -> Ticket {
    crate::ticket::fixtures::every_field()
}

/// A ticket with only what every ticket has (`category: null` and the like).
fn minimal() -> Ticket {
    let mut created = Event::new(at("2026-11-23T09:15:00+08:00"), "wang", Action::Created);
    created.severity = Some("general".into());
    let customer = Customer::new("张三", "13812345678", None);
    let received = at("2026-11-23T09:15:00+08:00");
    Ticket::new("CP20261123001", "01JDXQ3M5Q6Z3Y0K8N4V2T7B9C", received, "phone", customer, "表带断裂", created)
}

#[test]
fn every_field_present_reads_like_the_full_parser() {
    let text = round_trip(&every_field());
    for key in ["renamed_from:", "no_answer: true", "dimensions:", "due:", "note: |\n"] {
        assert!(text.contains(key), "{key} missing in\n{text}");
    }
}

#[test]
fn every_optional_field_absent_reads_like_the_full_parser() {
    let text = round_trip(&minimal());
    assert!(text.contains("category: null\n") && text.contains("satisfaction: null\n"), "{text}");
}

#[test]
fn each_optional_field_alone_reads_like_the_full_parser() {
    let full = every_field();
    let clear: [fn(&mut Ticket); 17] = [
        |t| t.renamed_from.clear(),
        |t| t.product = None,
        |t| t.description = None,
        |t| t.expectation = None,
        |t| t.category = None,
        |t| t.department = None,
        |t| t.departments_involved.clear(),
        |t| t.assignee = None,
        |t| t.involved_staff.clear(),
        |t| t.promised_at = None,
        |t| t.escalated = false,
        |t| t.escalated_to = None,
        |t| t.cause = None,
        |t| t.plan = None,
        |t| t.satisfaction = None,
        |t| t.customer.id = None,
        |t| t.satisfaction.as_mut().unwrap().dimensions.clear(),
    ];
    for clear in clear {
        let mut ticket = full.clone();
        clear(&mut ticket);
        round_trip(&ticket);
    }
    let satisfaction = full.satisfaction.clone().unwrap();
    let mut ticket = full.clone();
    ticket.satisfaction = Some(Satisfaction { comment: None, ..satisfaction });
    round_trip(&ticket);
}

#[test]
fn events_of_every_action_status_and_kind() {
    let mut ticket = minimal();
    for (i, action) in Action::ALL.into_iter().enumerate() {
        let mut event = Event::new(at("2026-11-23T10:00:00+08:00"), "li", action);
        event.from = Some(Status::ALL[i % 5]);
        event.to = Some(Status::ALL[(i + 1) % 5]);
        event.kind = Some([NoteKind::Progress, NoteKind::Internal, NoteKind::Action][i % 3]);
        event.score = Some(i as u32);
        event.satisfied = Some(i % 2 == 0);
        ticket.history.push(event);
    }
    for status in Status::ALL {
        ticket.status = status;
        round_trip(&ticket);
    }
}

#[test]
fn sample_store_files_take_the_fast_path() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tickets");
    let mut files = 0;
    for entry in walkdir::WalkDir::new(root) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "yaml") {
            same(&std::fs::read_to_string(entry.path()).unwrap());
            files += 1;
        }
    }
    assert!(files >= 30, "{files} sample files");
}

/// Puts `text` in every kind of place a string value can be: top-level and
/// nested mapping values, an event, list items at both depths.
fn with_text_everywhere(text: &str) -> Ticket {
    let mut ticket = every_field();
    ticket.summary = text.into();
    ticket.description = Some(text.into());
    ticket.customer.name = text.into();
    ticket.departments_involved = vec![text.into(), "售后部".into()];
    let satisfaction = ticket.satisfaction.as_mut().unwrap();
    satisfaction.comment = Some(text.into());
    let event = &mut ticket.history[0];
    event.note = Some(text.into());
    event.also = vec!["产品部".into(), text.into()];
    event.by = text.into();
    ticket
}

#[test]
fn ordinary_text_is_plain_or_single_quoted_and_read_back() {
    let cases = [
        ("张三", "summary: 张三\n"),
        ("扫地机器人 S7", "summary: 扫地机器人 S7\n"),
        ("zhao.li@example.com", "summary: zhao.li@example.com\n"),
        ("01HGCN3SJRCXGPKGX2ET47JMV9", "summary: 01HGCN3SJRCXGPKGX2ET47JMV9\n"),
        ("20 元优惠券", "summary: 20 元优惠券\n"),
        ("3号门", "summary: 3号门\n"),
        ("https://example.com/a?b=1&c=2", "summary: https://example.com/a?b=1&c=2\n"),
        ("a:b", "summary: a:b\n"),
        ("a#b", "summary: a#b\n"),
        ("it's", "summary: it's\n"),
        ("say \"hi\"", "summary: say \"hi\"\n"),
        ("a - b, [c] {d} ?e", "summary: a - b, [c] {d} ?e\n"),
        ("两个  空格", "summary: 两个  空格\n"),
        ("中文：冒号", "summary: 中文：冒号\n"),
        ("全角空格\u{3000}", "summary: 全角空格\u{3000}\n"),
        ("13812345678", "summary: '13812345678'\n"),
        ("", "summary: ''\n"),
        (" 前后空格 ", "summary: ' 前后空格 '\n"),
        ("'quoted'", "summary: '''quoted'''\n"),
        ("null", "summary: 'null'\n"),
        ("true", "summary: 'true'\n"),
        ("~", "summary: '~'\n"),
        ("1e3", "summary: '1e3'\n"),
        ("0x1F", "summary: '0x1F'\n"),
        ("a: b", "summary: 'a: b'\n"),
        ("a #b", "summary: 'a #b'\n"),
        ("#tag", "summary: '#tag'\n"),
        ("- item", "summary: '- item'\n"),
        ("@someone", "summary: '@someone'\n"),
        ("ends with colon:", "summary: 'ends with colon:'\n"),
        ("😀 emoji", "summary: 😀 emoji\n"),
    ];
    for (text, line) in cases {
        let written = round_trip(&with_text_everywhere(text));
        assert!(written.contains(line), "{text:?} not written as {line:?}:\n{written}");
    }
}

#[test]
fn literal_blocks_with_every_chomping_and_indentation_indicator() {
    let cases = [
        ("a\nb", "|-\n"),
        ("a\nb\n", "|\n"),
        ("a\nb\n\n", "|+\n"),
        ("a\nb\n\n\n", "|+\n"),
        ("\n", "|2+\n"),
        ("\n\n", "|2+\n"),
        ("\na", "|2-\n"),
        ("\n\na\n", "|2\n"),
        (" a\nb", "|2-\n"),
        ("  indented\n  twice\n", "|2\n"),
        ("a\n\nb", "|-\n"),
        ("a\n\n\nb\n", "|\n"),
        ("第一行\n  缩进\n第三行", "|-\n"),
        ("key: value\n- item\n# not a comment\n---\n...\n'x'", "|-\n"),
        ("a\n b\n  c\n", "|\n"),
    ];
    for (text, header) in cases {
        let written = round_trip(&with_text_everywhere(text));
        assert!(written.contains(&format!("summary: {header}")), "{text:?} not written as {header:?}:\n{written}");
    }
}

#[test]
fn kept_final_line_breaks_last_in_the_file() {
    // libyaml's emitter would end such a document with `...`, but yaml_serde's
    // `to_string` never emits the stream end that writes it.
    let mut ticket = minimal();
    ticket.history[0].note = Some("最后\n\n".into());
    let text = round_trip(&ticket);
    assert!(text.ends_with("  note: |+\n    最后\n\n"), "{text}");
}

#[test]
fn empty_history_is_written_and_read_as_a_flow_sequence() {
    let mut ticket = minimal();
    ticket.history.clear();
    assert!(round_trip(&ticket).contains("history: []\n"));
}

#[test]
fn numbers_at_their_limits() {
    let mut ticket = every_field();
    ticket.schema = 0;
    ticket.satisfaction.as_mut().unwrap().score = u32::MAX;
    ticket.history[0].scale = Some(0);
    round_trip(&ticket);
}

/// A hand-written ticket in canonical form, base of the fallback cases.
const BASE: &str = "\
schema: 1
id: CP20261123001
uid: 01JDXQ3M5Q6Z3Y0K8N4V2T7B9C
received_at: 2026-11-23T09:15:00+08:00
channel: phone
customer:
  name: 张三
  contact: '13812345678'
  id: null
summary: 表带断裂
description: |-
  第一行
  第二行
category: null
severity: general
department: null
assignee: null
status: new
satisfaction:
  score: 4
  scale: 5
  satisfied: true
  dimensions:
    态度: 4
  at: 2026-11-25T10:00:00+08:00
history:
- at: 2026-11-23T09:15:00+08:00
  by: wang
  action: created
  severity: general
  also:
  - 售后部
";

#[track_caller]
fn base_with(from: &str, to: &str) -> String {
    assert!(BASE.contains(from), "{from:?} not in the base text");
    BASE.replacen(from, to, 1)
}

#[test]
fn base_text_takes_the_fast_path() {
    same(BASE);
}

/// The text of each key of the mapping at column 0, with its nested lines.
fn top_level_blocks(text: &str) -> Vec<String> {
    let mut blocks: Vec<String> = Vec::new();
    for line in text.split_inclusive('\n') {
        match blocks.last_mut() {
            Some(block) if line.starts_with(' ') || line.starts_with("- ") => block.push_str(line),
            _ => blocks.push(line.to_string()),
        }
    }
    blocks
}

#[test]
fn keys_in_any_order_read_like_the_full_parser() {
    same(&base_with("schema: 1\nid: CP20261123001\n", "id: CP20261123001\nschema: 1\n"));
    same(&base_with("  name: 张三\n  contact: '13812345678'\n", "  contact: '13812345678'\n  name: 张三\n"));
    same(&base_with("  by: wang\n  action: created\n", "  action: created\n  by: wang\n"));
    same(&base_with("  score: 4\n  scale: 5\n", "  scale: 5\n  score: 4\n"));
    let mut blocks = top_level_blocks(BASE);
    blocks.reverse();
    same(&blocks.concat());
    let mut blocks = top_level_blocks(&round_trip(&every_field()));
    blocks.rotate_left(7);
    same(&blocks.concat());
}

#[test]
fn optional_keys_may_be_missing_or_null() {
    for line in ["category: null\n", "department: null\n", "assignee: null\n", "  id: null\n", "  severity: general\n"]
    {
        same(&base_with(line, ""));
    }
    same(&base_with("  also:\n  - 售后部\n", ""));
    same(&base_with("  dimensions:\n    态度: 4\n", ""));
    same(&base_with(
        "satisfaction:\n  score: 4\n  scale: 5\n  satisfied: true\n  dimensions:\n    态度: 4\n  at: 2026-11-25T10:00:00+08:00\n",
        "",
    ));
    same(&base_with("  severity: general\n", "  score: null\n  kind: null\n  from: null\n  due: null\n"));
    same(&base_with("department: null\n", "promised_at: null\nproduct: null\n"));
}

#[test]
fn missing_required_keys_fall_back() {
    for line in [
        "schema: 1\n",
        "id: CP20261123001\n",
        "uid: 01JDXQ3M5Q6Z3Y0K8N4V2T7B9C\n",
        "received_at: 2026-11-23T09:15:00+08:00\n",
        "channel: phone\n",
        "summary: 表带断裂\n",
        "severity: general\n",
        "status: new\n",
        "  name: 张三\n",
        "  contact: '13812345678'\n",
        "  score: 4\n",
        "  scale: 5\n",
        "  satisfied: true\n",
        "  at: 2026-11-25T10:00:00+08:00\n",
        "  by: wang\n",
        "  action: created\n",
    ] {
        falls_back(&base_with(line, ""));
    }
    falls_back(&base_with("- at: 2026-11-23T09:15:00+08:00\n  by: wang\n", "- by: wang\n"));
    falls_back(&BASE[..BASE.find("history:").unwrap()]);
    falls_back(&BASE[..BASE.find("- at:").unwrap()]);
    falls_back(&base_with("customer:\n  name: 张三\n  contact: '13812345678'\n  id: null\n", ""));
}

#[test]
fn repeated_keys_fall_back() {
    for line in BASE.lines().filter(|l| l.contains(": ") && !l.starts_with("- ") && !l.ends_with('|')) {
        let repeated = format!("{line}\n{line}\n");
        falls_back(&BASE.replacen(&format!("{line}\n"), &repeated, 1));
    }
    falls_back(&base_with("history:\n", "history: []\nhistory:\n"));
    falls_back(&base_with("    态度: 4\n", "    态度: 4\n    态度: 5\n"));
    falls_back(&base_with("  also:\n  - 售后部\n", "  also:\n  - 售后部\n  also:\n  - 仓储部\n"));
}

#[test]
fn unknown_keys_fall_back_to_keep_them() {
    falls_back(&base_with("channel: phone\n", "channel: phone\nfuture: 1\n"));
    falls_back(&base_with("  id: null\n", "  id: null\n  vip: true\n"));
    falls_back(&base_with("  satisfied: true\n", "  satisfied: true\n  extra: x\n"));
    falls_back(&base_with("  by: wang\n", "  by: wang\n  extra: x\n"));
    falls_back(&base_with("schema: 1\n", "Schema: 1\n"));
    falls_back(&base_with("schema: 1\n", "extra: 1\n"));
}

#[test]
fn unusual_lines_fall_back() {
    let cases = [
        ("summary: 表带断裂", "summary: 表带断裂 # comment"),
        ("summary: 表带断裂\n", "summary: 表带断裂\n# comment\n"),
        ("summary: 表带断裂\n", "summary: 表带断裂\n  # comment\n"),
        ("summary: 表带断裂", "summary:  表带断裂"),
        ("summary: 表带断裂", "summary: 表带断裂 "),
        ("summary: 表带断裂", "summary : 表带断裂"),
        ("summary: 表带断裂", "summary:\t表带断裂"),
        ("summary: 表带断裂", "summary: 表带\t断裂"),
        ("summary: 表带断裂\n", "summary: 表带断裂\n  续行\n"),
        ("summary: 表带断裂\n", "summary: 表带断裂\n\n"),
        ("summary: 表带断裂\n", "summary: 表带断裂\n \n"),
        ("summary: 表带断裂", "summary: 表带: 断裂"),
        ("summary: 表带断裂", "summary: 表带断裂:"),
        ("summary: 表带断裂", "summary: &anchor 表带断裂"),
        ("summary: 表带断裂", "summary: !!str 表带断裂"),
        ("summary: 表带断裂", "summary: !custom 表带断裂"),
        ("channel: phone", "channel: *anchor"),
        ("summary: 表带断裂", "summary: \"表带断裂\""),
        ("summary: 表带断裂", "summary: [表带断裂]"),
        ("summary: 表带断裂", "summary: {a: b}"),
        ("summary: 表带断裂", "summary: >-\n  表带断裂"),
        ("summary: 表带断裂", "summary:\n  表带断裂"),
        ("summary: 表带断裂", "summary: 表带\u{2028}断裂"),
        ("summary: 表带断裂", "summary: 表带\u{85}断裂"),
        ("summary: 表带断裂", "summary: 表带\u{7}断裂"),
        ("summary: 表带断裂", "summary: 表带\u{7f}断裂"),
        ("summary: 表带断裂", "summary: 表带\u{feff}断裂"),
        ("summary: 表带断裂", "summary: 表带\u{ffff}断裂"),
        ("summary: 表带断裂", "summary: 表带\r断裂"),
        ("schema: 1", "? schema\n: 1"),
        ("status: new\n", "status: new\n---\n"),
        ("status: new\n", "status: new\n...\n"),
        ("  name: 张三", "   name: 张三"),
        ("  name: 张三", "    name: 张三"),
        ("  contact: '13812345678'", "   contact: '13812345678'"),
        ("- at:", "  - at:"),
        ("  by: wang", "   by: wang"),
        ("  by: wang", " by: wang"),
        ("  - 售后部", "    - 售后部"),
        ("  - 售后部", "  -  售后部"),
        ("  - 售后部", "  -\t售后部"),
        ("  - 售后部", "  -"),
        ("    态度: 4", "      态度: 4"),
        ("    态度: 4", "    态度:  4"),
        ("    态度: 4", "    态度 : 4"),
        ("    态度: 4", "    ? 态度\n    : 4"),
        ("    态度: 4", "    '态度: 4"),
        ("    态度: 4", "    态度: '4'"),
        ("    态度: 4", "    null: 4"),
        ("    态度: 4", "    a:b: 4"),
        ("    态度: 4", "    a#b: 4"),
        ("  dimensions:\n    态度: 4\n", "  dimensions: {}\n"),
        ("  also:\n  - 售后部\n", "  also: []\n"),
        ("  also:\n  - 售后部\n", "  also: [售后部]\n"),
        ("  also:\n  - 售后部\n", "  also:\n  - null\n"),
        ("  also:\n  - 售后部\n", "  also: 售后部\n"),
        ("  also:\n  - 售后部\n", "  also:\n"),
        ("satisfaction:\n  score: 4", "satisfaction: \n  score: 4"),
    ];
    for (from, to) in cases {
        falls_back(&base_with(from, to));
    }
    falls_back(&BASE.replace('\n', "\r\n"));
    falls_back(&format!("\u{feff}{BASE}"));
    falls_back(&format!("---\n{BASE}"));
    falls_back(&format!("%YAML 1.1\n---\n{BASE}"));
    falls_back(&format!("# comment\n{BASE}"));
    falls_back(&format!("\n{BASE}"));
    falls_back(&format!(" {BASE}"));
    falls_back(&format!("{BASE}\n"));
    falls_back(&format!("{BASE}# comment\n"));
    falls_back(&format!("{BASE}---\n{BASE}"));
    falls_back(&format!("{BASE}...\n"));
    falls_back(BASE.trim_end_matches('\n'));
    falls_back("");
    falls_back("\n");
    falls_back("...\n");
}

#[test]
fn null_spelled_otherwise_falls_back() {
    for null in ["~", "Null", "NULL", ""] {
        falls_back(&base_with("category: null", &format!("category: {null}")));
        falls_back(&base_with("  id: null", &format!("  id: {null}")));
    }
    falls_back(&base_with("category: null", "category:"));
    falls_back(&base_with("satisfaction:\n  score: 4", "satisfaction: ~\nx:\n  score: 4"));
}

#[test]
fn plain_scalars_that_could_be_another_type_fall_back() {
    let words = [
        "123",
        "0",
        "-1",
        "+1",
        "1.5",
        ".5",
        "1e3",
        "0x1F",
        "0o17",
        "0b101",
        "1_000",
        "12:30",
        "2026-11-23",
        ".inf",
        "-.inf",
        ".NaN",
        "~",
        "null",
        "Null",
        "NULL",
        "true",
        "True",
        "FALSE",
        "yes",
        "No",
        "on",
        "OFF",
        "y",
        "N",
        "inf",
        "NaN",
        "Infinity",
        "0.",
        "1E5",
        "-abc",
        "?abc",
        ":abc",
        "%abc",
        "@abc",
        "`abc",
        "!abc",
        "&abc",
        "*abc",
        "[abc",
        "]abc",
        "{abc",
        "}abc",
        ",abc",
        "#abc",
        "|abc",
        ">abc",
        "\"abc",
    ];
    for word in words {
        falls_back(&base_with("summary: 表带断裂", &format!("summary: {word}")));
        falls_back(&base_with("  - 售后部", &format!("  - {word}")));
        falls_back(&base_with("    态度: 4", &format!("    {word}: 4")));
    }
}

#[test]
fn numbers_booleans_and_names_only_as_written() {
    for (from, to) in [
        ("schema: 1", "schema: 01"),
        ("schema: 1", "schema: +1"),
        ("schema: 1", "schema: 0x1"),
        ("schema: 1", "schema: 1.0"),
        ("schema: 1", "schema: '1'"),
        ("schema: 1", "schema: 4294967296"),
        ("schema: 1", "schema: 99999999999999999999999"),
        ("schema: 1", "schema: -1"),
        ("schema: 1", "schema: null"),
        ("  score: 4", "  score: null"),
        ("  satisfied: true", "  satisfied: True"),
        ("  satisfied: true", "  satisfied: yes"),
        ("  satisfied: true", "  satisfied: 'true'"),
        ("status: new", "status: New"),
        ("status: new", "status: 'new'"),
        ("status: new", "status: unknown"),
        ("status: new", "status: null"),
        ("  action: created", "  action: Created"),
        ("received_at: 2026-11-23T09:15:00+08:00", "received_at: '2026-11-23T09:15:00+08:00'"),
        ("received_at: 2026-11-23T09:15:00+08:00", "received_at: 2026-11-23T09:15:00+08:00 "),
        ("received_at: 2026-11-23T09:15:00+08:00", "received_at: 2026-11-23"),
        ("received_at: 2026-11-23T09:15:00+08:00", "received_at: null"),
        ("  at: 2026-11-25T10:00:00+08:00", "  at: 2026-11-25T10:00:00+08:00 # c"),
    ] {
        falls_back(&base_with(from, to));
    }
    same(&base_with("  score: 4", "  score: 4294967295"));
    same(&base_with("schema: 1", "schema: 0"));
    same(&base_with("received_at: 2026-11-23T09:15:00+08:00", "received_at: 2026-11-23T01:15:00Z"));
    same(&base_with("received_at: 2026-11-23T09:15:00+08:00", "received_at: 2026-11-23 09:15:00.5+08:00"));
}

#[test]
fn single_quoted_scalars_only_on_one_line() {
    same(&base_with("  contact: '13812345678'", "  contact: 'it''s'"));
    same(&base_with("  contact: '13812345678'", "  contact: ''''"));
    same(&base_with("  contact: '13812345678'", "  contact: ' a: b # c '"));
    same(&base_with("    态度: 4", "    'a: b': 4"));
    same(&base_with("    态度: 4", "    '': 4"));
    for broken in ["'13812345678", "'138'12345678'", "'''", "'", "'a' b", "'a'  ", "'138\n  12345678'"] {
        falls_back(&base_with("  contact: '13812345678'", &format!("  contact: {broken}")));
    }
}

#[test]
fn literal_blocks_only_as_written() {
    same(&base_with("  第一行\n  第二行\n", "  第一行\n\n  第二行\n"));
    same(&base_with("description: |-\n  第一行", "description: |2-\n  第一行"));
    same(&base_with("description: |-\n  第一行", "description: |2-\n     第一行"));
    same(&base_with("description: |-\n  第一行\n  第二行\n", "description: |+\n  第一行\n  第二行\n\n\n"));
    same(&base_with("description: |-\n  第一行\n  第二行\n", "description: |\n  第一行\n  第二行\n\n"));
    same(&base_with("description: |-\n  第一行\n  第二行\n", "description: |2\n\n  第一行\n"));
    same(&base_with("description: |-\n  第一行\n  第二行\n", "description: |2-\n"));
    same(&base_with("description: |-\n  第一行\n  第二行\n", "description: |2+\n\n"));
    for (from, to) in [
        ("description: |-", "description: |1-"),
        ("description: |-", "description: |3-"),
        ("description: |-", "description: |-2"),
        ("description: |-", "description: |- # c"),
        ("description: |-", "description: |- "),
        ("description: |-", "description: | -"),
        ("description: |-", "description: |0-"),
        ("description: |-", "description: >-"),
        ("  第一行", "   第一行"),
        ("  第一行", "\n  第一行"),
        ("  第一行", " 第一行"),
        ("  第二行", "  第二行 "),
        ("  第二行\n", "  第二行\n  \n"),
        ("  第二行\n", "  第二行\n \n"),
        ("  第二行\n", "  第二行\n\t\n"),
        ("  第二行\n", "  第二行\n続き\n"),
        ("  第二行\n", "  第二行\n   \n"),
        ("description: |-\n  第一行\n  第二行\n", "description: |\n"),
        ("description: |-\n  第一行\n  第二行\n", "description: |-\n\n"),
    ] {
        falls_back(&base_with(from, to));
    }
}

#[test]
fn multi_line_text_in_every_position_reads_like_the_full_parser() {
    // Literal blocks as list items and nested values, at both depths.
    same(&base_with("  - 售后部", "  - |-\n    售后部\n    仓储部"));
    same(&base_with("  - 售后部", "  - |2\n     售后部"));
    same(&base_with("  name: 张三", "  name: |\n    张\n    三"));
    same(&base_with("  by: wang", "  by: |-\n    wang\n\n    li"));
    same(&base_with("status: new\n", "status: new\ndepartments_involved:\n- |-\n  a\n  b\n- c\n"));
}

// ---------------------------------------------------------------------------
// Property tests: random tickets written by the serialiser.

/// Text built to stress the serialiser's choice of style and the reader:
/// indicators, quotes, spaces and line breaks anywhere, words YAML reads as
/// other types, tabs, carriage returns and other control characters.
fn adversarial_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ \\n:#'\"\\-|>.~0-9a-z]{0,12}",
        "[ \\n\\t\\r\\u{0}\\u{7}\\u{1b}\\u{7f}\\u{85}\\u{a0}\\u{2028}\\u{feff}张三😀:#'-]{0,8}",
        "\\PC{0,16}",
        "(\\n| |  |a|b c|: | #|'|''|-|张三|😀|\\t|\\r\\n){0,8}",
        prop::sample::select(vec![
            "",
            " ",
            "\n",
            "\n\n",
            "a\n",
            "a\n\n",
            " a",
            "a ",
            "a \nb",
            "a\n b",
            "\na",
            "\n\na\n\n",
            "null",
            "Null",
            "~",
            "true",
            "yes",
            "No",
            "on",
            "0x1F",
            "1e3",
            "0o17",
            ".inf",
            "-.inf",
            ".nan",
            "012",
            "+1",
            "-1",
            "1.5",
            "1_000",
            "12:30",
            "2026-11-23",
            "- a",
            "? a",
            ": a",
            "a: b",
            "a #b",
            "#",
            "'",
            "''",
            "\"",
            "|",
            ">",
            "---",
            "...",
            "--- a",
            "&a",
            "*a",
            "!a",
            "%a",
            "@a",
            "`a",
            "[]",
            "{}",
            "[a]",
            "{a: b}",
            "a,b",
        ])
        .prop_map(str::to_string),
    ]
}

/// One line as people type it: Chinese and ASCII words with numbers,
/// spaces and punctuation inside; never a word YAML reads as another type.
const ORDINARY_LINE: &str = "([0-9]{0,3}[\\u{4e00}-\\u{9fa5}]|[a-zA-Z][a-zA-Z0-9@._-]{0,8}[\\u{4e00}-\\u{9fa5}0-9。])([\\u{4e00}-\\u{9fa5}a-zA-Z0-9@._，。 -]{0,20}[\\u{4e00}-\\u{9fa5}0-9。])?";

/// Text as people type it: lines as above, phone numbers and e-mails,
/// notes of several lines (some ending with line breaks, some with empty
/// lines inside), text with leading and trailing spaces.
fn ordinary_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => ORDINARY_LINE,
        1 => "1[3-9][0-9]{9}",
        1 => "[a-z]{1,8}@[a-z]{1,8}\\.com",
        2 => (prop::collection::vec(ORDINARY_LINE, 2..5), prop::sample::select(vec!["", "\n", "\n\n"]))
            .prop_map(|(lines, end)| lines.join("\n") + end),
        1 => prop::collection::vec(ORDINARY_LINE, 2..4).prop_map(|lines| lines.join("\n\n")),
        1 => ORDINARY_LINE.prop_map(|l| format!(" {l} ")),
    ]
}

/// A dimension name as configured: a word or two, no line break or colon.
fn ordinary_name() -> impl Strategy<Value = String> {
    "[\\u{4e00}-\\u{9fa5}]{1,4}|[a-z]{1,6}_[a-z]{1,6}|[\\u{4e00}-\\u{9fa5}]{2} [A-Z][0-9]"
}

/// Ordinary text with one string in ten adversarial.
fn mixed_text() -> impl Strategy<Value = String> {
    prop_oneof![9 => ordinary_text(), 1 => adversarial_text()]
}

fn instant_strategy() -> impl Strategy<Value = DateTime<FixedOffset>> {
    (0i64..4_000_000_000, -(12 * 60)..=(14 * 60i32))
        .prop_map(|(seconds, minutes)| FixedOffset::east_opt(minutes * 60).unwrap().timestamp_opt(seconds, 0).unwrap())
}

/// A ticket whose every string comes from `texts` and every dimension name
/// from `names` (optional fields present or absent at random), with events
/// of every action.
fn ticket_of(
    texts: impl Strategy<Value = String>,
    names: impl Strategy<Value = String>,
) -> impl Strategy<Value = Ticket> {
    (
        prop::collection::vec(texts, 48),
        prop::collection::vec(names, 4),
        any::<u64>(),
        prop::collection::vec(any::<u32>(), 8),
        prop::collection::vec(instant_strategy(), 4),
    )
        .prop_map(|(texts, names, present, numbers, instants)| {
            build_ticket(&texts, &names, present, &numbers, &instants)
        })
}

fn build_ticket(
    texts: &[String],
    names: &[String],
    present: u64,
    numbers: &[u32],
    instants: &[DateTime<FixedOffset>],
) -> Ticket {
    let text = |i: usize| texts[i % texts.len()].clone();
    // Bits past 63 wrap around: more keys than bits, some correlated.
    let has = |bit: u32| present >> (bit % 64) & 1 == 1;
    let opt = |bit: u32, i: usize| has(bit).then(|| text(i));
    let list = |bit: u32, i: usize| if has(bit) { vec![text(i), text(i + 1)] } else { Vec::new() };
    let dimensions = |bit: u32, i: usize| {
        let mut map = BTreeMap::new();
        if has(bit) {
            map.insert(names[i % names.len()].clone(), numbers[0]);
            map.insert(names[(i + 1) % names.len()].clone(), numbers[1]);
        }
        map
    };
    let satisfaction = has(0).then(|| Satisfaction {
        score: numbers[2],
        scale: numbers[3],
        satisfied: has(1),
        comment: opt(2, 0),
        dimensions: dimensions(3, 1),
        at: instants[1],
        extra: BTreeMap::new(),
    });
    let mut history = Vec::new();
    for (i, action) in Action::ALL.into_iter().enumerate() {
        let bit = 4 + i as u32 * 5;
        let mut event = Event::new(instants[i % 4], &text(10 + i), action);
        event.from = has(bit).then_some(Status::ALL[i % 5]);
        event.to = has(bit + 1).then_some(Status::ALL[(i + 2) % 5]);
        event.kind = has(bit + 2).then_some([NoteKind::Progress, NoteKind::Internal, NoteKind::Action][i % 3]);
        event.note = opt(bit + 3, 20 + i);
        match action {
            Action::Classified => event.category = opt(bit + 4, 30),
            Action::Assigned => {
                event.department = opt(bit + 4, 31);
                event.assignee = Some(text(32));
                event.also = list(bit + 4, 33);
                event.staff = list(bit + 3, 34);
            }
            Action::Transition => {
                event.plan = opt(bit + 4, 35);
                event.cause = Some(text(36));
            }
            Action::Note => {
                event.owner = opt(bit + 4, 37);
                event.due = has(bit + 4).then_some(instants[2]);
                event.done_item = has(bit + 3).then_some(numbers[3]);
            }
            Action::Followup => {
                event.score = Some(numbers[4]);
                event.scale = has(bit + 4).then_some(numbers[5]);
                event.satisfied = Some(has(bit + 4));
                event.comment = opt(bit + 2, 38);
                event.dimensions = dimensions(bit + 4, 39);
                event.no_answer = has(bit);
            }
            Action::Promised => event.promised_at = Some(instants[3]),
            Action::Escalated => event.escalated_to = Some(text(40)),
            Action::Edited => event.changed = list(bit + 4, 41),
            Action::Renamed => {
                event.renamed_from = Some(text(42));
                event.reason = opt(bit + 4, 43);
            }
            Action::Created => event.severity = Some(text(44)),
            Action::Diagnosed => event.severity = opt(bit + 4, 44),
            Action::PlanSent => {
                event.plan = Some(text(35));
                event.execute_by = has(bit + 4).then_some(instants[2]);
            }
            Action::Confirmation => {
                event.confirms = has(bit + 4).then_some(Confirms::ALL[i % 2]);
                event.accepted = Some(has(bit + 2));
                event.via = has(bit + 3).then_some(Via::ALL[i % 4]);
            }
            Action::Executed => event.reason = opt(bit + 4, 43),
            Action::Task => {
                event.owner = opt(bit + 4, 37);
                event.task_department = Some(text(31));
                event.due = has(bit + 4).then_some(instants[2]);
                event.done_item = has(bit + 3).then_some(numbers[3]);
            }
            Action::Attached => {
                event.attachment = Some(Attachment {
                    name: text(18),
                    kind: AttachmentKind::ALL[i % 6],
                    sha256: text(19),
                    bytes: u64::from(numbers[5]) << 8,
                    extra: BTreeMap::new(),
                })
            }
        }
        history.push(event);
    }
    Ticket {
        schema: numbers[6] % 2,
        id: text(0),
        uid: text(1),
        renamed_from: list(54, 2),
        received_at: instants[0],
        channel: text(3),
        customer: Customer { name: text(4), contact: text(5), id: opt(55, 6), extra: BTreeMap::new() },
        preferred_contact: has(59).then_some(ContactWay::ALL[numbers[6] as usize % 5]),
        product: opt(56, 7),
        purchase: has(60).then(|| Purchase {
            proof: Some(text(20)),
            model: opt(62, 21),
            batch: opt(63, 22),
            date: has(53).then(|| instants[1].date_naive()),
            extra: BTreeMap::new(),
        }),
        summary: text(8),
        description: opt(57, 9),
        expectation: opt(58, 45),
        category: opt(59, 46),
        severity: text(47),
        department: opt(60, 11),
        departments_involved: list(61, 12),
        assignee: opt(62, 13),
        involved_staff: list(63, 14),
        promised_at: has(54).then_some(instants[3]),
        escalated: has(55),
        escalated_to: opt(56, 15),
        cause: opt(57, 16),
        status: Status::ALL[numbers[7] as usize % 5],
        plan: opt(58, 17),
        satisfaction,
        history: if has(53) && has(52) && has(51) { Vec::new() } else { history },
        extra: BTreeMap::new(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Whatever the strings, the fast path reads a written ticket as the full
    /// parser does, or leaves it to the full parser. Mostly ordinary strings,
    /// so that about a quarter of the tickets take the fast path.
    #[test]
    fn fast_path_never_differs_from_the_full_parser(ticket in ticket_of(mixed_text(), mixed_text())) {
        let text = to_yaml(&ticket).unwrap();
        let full = parse_tickets_full(&text, Path::new("t.yaml")).unwrap();
        prop_assert_eq!(&full, &vec![ticket.clone()], "{}", text);
        if let Some(fast) = parse(&text) {
            prop_assert_eq!(&fast, &ticket, "{}", text);
        }
    }

    /// Ordinary text always takes the fast path, so it cannot silently
    /// become a fallback for everything.
    #[test]
    fn ordinary_tickets_take_the_fast_path(ticket in ticket_of(ordinary_text(), ordinary_name())) {
        let text = to_yaml(&ticket).unwrap();
        prop_assert_eq!(parse(&text), Some(ticket), "{}", text);
    }

    /// Each string alone in an ordinary ticket: reads as the full parser does.
    #[test]
    fn adversarial_text_alone_never_differs(text in adversarial_text()) {
        let ticket = with_text_everywhere(&text);
        let written = to_yaml(&ticket).unwrap();
        prop_assert_eq!(parse_tickets_full(&written, Path::new("t.yaml")).unwrap(), vec![ticket.clone()]);
        if let Some(fast) = parse(&written) {
            prop_assert_eq!(fast, ticket, "{}", written);
        }
    }

    /// Any text at all: never a panic, and `Some` only where the full parser
    /// agrees (the fuzz target does the same with coverage guidance).
    #[test]
    fn any_text_is_read_as_the_full_parser_reads_it_or_left_to_it(
        text in "(schema: 1\n|id: a\n|uid: b\n|received_at: 2026-11-23T09:15:00+08:00\n|channel: c\n|customer:\n|  name: d\n|  contact: e\n|summary: f\n|severity: g\n|status: new\n|history:\n|- at: 2026-11-23T09:15:00+08:00\n|  by: h\n|  action: note\n|  note: \\|-\n|    x\n|\n| |'|#|: |\\PC){0,40}"
    ) {
        if let Some(fast) = parse(&text) {
            prop_assert_eq!(parse_tickets_full(&text, Path::new("t.yaml")).unwrap(), vec![fast], "{}", text);
        }
    }
}

/// Where a record is in a ticket read as a YAML value (`None`: the ticket).
type Place = Option<fn(&mut serde_yaml::Value) -> &mut serde_yaml::Value>;

/// Each record of a ticket and the keys `fields.rs` reads in it.
fn records() -> [(Place, &'static [&'static str]); 6] {
    use super::fields::{
        AttachmentFields, CustomerFields, EventFields, PurchaseFields, SatisfactionFields, TicketFields,
    };
    [
        (None, TicketFields::KEYS),
        (Some(|v| &mut v["customer"]), CustomerFields::KEYS),
        (Some(|v| &mut v["purchase"]), PurchaseFields::KEYS),
        (Some(|v| &mut v["satisfaction"]), SatisfactionFields::KEYS),
        (Some(|v| &mut v["history"][0]), EventFields::KEYS),
        (Some(|v| &mut v["history"][0]["attachment"]), AttachmentFields::KEYS),
    ]
}

fn record_in(
    ticket: &mut serde_yaml::Value,
    place: Option<fn(&mut serde_yaml::Value) -> &mut serde_yaml::Value>,
) -> &mut serde_yaml::Mapping {
    let record = match place {
        Some(place) => place(ticket),
        None => ticket,
    };
    record.as_mapping_mut().expect("a mapping")
}

/// The fixture gives every key a value, so the round trips built on it
/// (here, in the cache codec and the cache layout fingerprint) cover every
/// field; a new field must be set there.
#[test]
fn the_every_field_fixture_sets_every_key() {
    let mut ticket = serde_yaml::to_value(every_field()).unwrap();
    for (place, keys) in records() {
        let record = record_in(&mut ticket, place);
        for key in keys {
            let value = record.get(*key).unwrap_or_else(|| panic!("ticket::fixtures leaves {key} empty"));
            assert!(!value.is_null(), "ticket::fixtures leaves {key} null");
        }
        assert_eq!(
            record.len(),
            keys.len(),
            "{:?} has keys that fields.rs does not read",
            record.keys().collect::<Vec<_>>()
        );
    }
}

/// Without any one key, the fast path reads like the full parser: a key
/// serde requires falls back, any other reads as its default. Fails when a
/// rule in `fields.rs` (`required`, `default`) disagrees with serde's.
#[test]
fn each_key_missing_reads_like_the_full_parser() {
    for (place, keys) in records() {
        for key in keys {
            let mut ticket = serde_yaml::to_value(every_field()).unwrap();
            record_in(&mut ticket, place).remove(*key);
            let text = serde_yaml::to_string(&ticket).unwrap();
            match parse_tickets_full(&text, Path::new("t.yaml")) {
                Ok(full) => assert_eq!(parse(&text).as_ref(), full.first(), "without {key}"),
                Err(_) => falls_back(&text),
            }
        }
    }
}
