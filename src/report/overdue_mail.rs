//! The text of the overdue mail (`overdue --format email`, `--send`): a
//! summary line, the table, the files that could not be read. The message
//! around it (headers, the CSV attachment) is built in mail/.

use chrono::{DateTime, FixedOffset};
use chrono_tz::Tz;

use super::overdue::{self, OverdueRow, Urgency};
use crate::lang::Lang;
use crate::time;

/// The body: what is overdue as of `as_of`, and the files missing from it.
pub fn body(rows: &[OverdueRow], unreadable: &[String], zone: Tz, as_of: DateTime<FixedOffset>, lang: Lang) -> String {
    let as_of = time::format_local(&as_of, zone);
    let mut body = match lang {
        Lang::Zh => format!("截至 {as_of}，{}。\n\n", summary_zh(rows)),
        Lang::En => format!("As of {as_of}: {}.\n\n", overdue::count_line(rows, Lang::En)),
    };
    if !rows.is_empty() {
        body.push_str(&overdue::render_table(rows, zone, lang, super::fit::Room::Unlimited));
        body.push('\n');
    }
    if !unreadable.is_empty() {
        body.push_str(lang.pick(
            "警告：以下投诉文件无法读取，其时限未包含在本清单中：\n",
            "Warning: these ticket files could not be read; their targets are missing from this list:\n",
        ));
        for path in unreadable {
            body.push_str(&format!("  {path}\n"));
        }
        body.push('\n');
    }
    body.push_str(lang.pick(
        "明细见附件 CSV。本邮件由 complaint overdue 自动生成。\n",
        "The rows are attached as CSV. Sent by complaint overdue.\n",
    ));
    body
}

fn summary_zh(rows: &[OverdueRow]) -> String {
    let overdue = rows.iter().filter(|r| r.urgency == Urgency::Overdue).count();
    match (overdue, rows.len() - overdue) {
        (0, 0) => "没有超时的投诉".to_string(),
        (n, 0) => format!("共 {n} 项超时"),
        (n, s) => format!("共 {n} 项超时，{s} 项即将到期"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_good_day_says_so_in_the_store_language() {
        let zone = chrono_tz::Asia::Shanghai;
        let as_of = time::parse_time("2026-11-23 10:00", zone, "test").unwrap();
        let zh = body(&[], &[], zone, as_of, Lang::Zh);
        assert_eq!(
            zh,
            "截至 2026-11-23 10:00，没有超时的投诉。\n\n明细见附件 CSV。本邮件由 complaint overdue 自动生成。\n"
        );
        let en = body(&[], &["tickets/2026/11/CP20261123001.yaml".into()], zone, as_of, Lang::En);
        assert!(en.starts_with("As of 2026-11-23 10:00: 0 overdue.\n\nWarning:"), "{en}");
        assert!(en.contains("  tickets/2026/11/CP20261123001.yaml\n"), "{en}");
    }
}
