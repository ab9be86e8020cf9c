//! `export --format xlsx` (spec §12, issue 15): read back with a real
//! spreadsheet reader (calamine). Text stays text with its leading zeros,
//! times are date cells, the satisfaction is numbers, not a date.

use std::io::Cursor;

use calamine::{Data, DataType, Reader, Xlsx, open_workbook_from_rs};

use crate::support::Store;

const NOW: &str = "2026-11-24 10:00";

fn workbook(store: &Store, extra: &[&str]) -> Vec<Vec<Data>> {
    let path = store.path().join("out.xlsx");
    let mut args = vec!["export", "--format", "xlsx", "-o", path.to_str().unwrap()];
    args.extend_from_slice(extra);
    store.ok(NOW, &args);
    let bytes = std::fs::read(&path).unwrap();
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let range = book.worksheet_range("投诉记录").unwrap();
    range.rows().map(|r| r.to_vec()).collect()
}

fn column(rows: &[Vec<Data>], heading: &str) -> usize {
    rows[0].iter().position(|h| *h == Data::String(heading.into())).unwrap_or_else(|| panic!("{heading}"))
}

#[test]
fn spreadsheet_cases_round_trip() {
    let store = Store::new();
    let id = store
        .new_ticket("2026-11-23 09:15", &["--customer-id", "000123", "--product", "0012", "--contact", "02162345678"]);
    store.ok("2026-11-23 09:30", &["transition", &id, "processing"]);
    store.ok("2026-11-23 10:00", &["transition", &id, "resolved", "--plan", "换货"]);
    store.ok("2026-11-23 11:00", &["followup", &id, "--score", "4"]);
    let rows = workbook(&store, &["--unmask"]);
    assert_eq!(rows.len(), 2, "header and one ticket");
    let row = &rows[1];
    let cell = |heading: &str| row[column(&rows, heading)].clone();
    assert_eq!(cell("投诉编号"), Data::String(id.clone()));
    assert_eq!(cell("客户ID"), Data::String("000123".into()));
    assert_eq!(cell("产品"), Data::String("0012".into()));
    assert_eq!(cell("联系方式"), Data::String("02162345678".into()));
    assert_eq!(cell("客户满意度"), Data::Float(4.0));
    assert_eq!(cell("满意度满分"), Data::Float(5.0));
    let received = cell("投诉时间");
    assert!(received.is_datetime(), "{received:?}");
    assert_eq!(received.as_datetime().unwrap().to_string(), "2026-11-23 09:15:00");
    // Nothing became a date that was not one.
    for (i, data) in row.iter().enumerate() {
        let heading = rows[0][i].to_string();
        if data.is_datetime() {
            assert!(["投诉时间", "首次响应时间", "解决时间"].contains(&heading.as_str()), "{heading} is a date");
        }
    }
}

#[test]
fn a_workbook_goes_to_a_pipe_as_bytes() {
    let store = Store::new();
    store.new_ticket("2026-11-23 09:15", &[]);
    // Piped stdout (as in tests) gets the bytes: a zip file.
    let out = store.cmd(NOW).args(["export", "--format", "xlsx"]).output().unwrap();
    assert!(out.status.success());
    assert!(out.stdout.starts_with(b"PK"));
}
