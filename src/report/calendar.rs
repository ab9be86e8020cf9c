//! `complaint calendar MONTH`: the business calendar of a month as a
//! plain-text grid, drawn from the days sla computes (`sla::DayInfo`). The
//! grid is Chinese whatever `[ui] lang` says (an English one is issue 15).

use chrono::{Datelike, NaiveDate, Weekday};
use unicode_width::UnicodeWidthStr;

use crate::sla::{Calendar, DayInfo};

/// A plain-text month grid, Monday first, with holidays marked 休 and
/// make-up working days marked 班, followed by a legend. Empty for an
/// invalid month.
pub fn month_grid(calendar: &Calendar, year: i32, month: u32) -> String {
    const CELL: usize = 4; // "10休": two digits and one double-width mark
    let days = calendar.month_days(year, month);
    let Some(first) = days.first() else {
        return String::new();
    };
    let width = 7 * CELL + 6;
    let mut out = String::new();
    let title = format!("{year}年{month}月");
    out.push_str(&format!("{}{}\n", " ".repeat((width - title.width()) / 2), title));
    let header: Vec<String> = ["一", "二", "三", "四", "五", "六", "日"].iter().map(|d| format!(" {d} ")).collect();
    out.push_str(header.join(" ").trim_end());
    out.push('\n');
    let mut cells: Vec<String> = vec![" ".repeat(CELL); (first.weekday - 1) as usize];
    for day in &days {
        cells.push(format!("{:>2}{}", day.date.day(), mark(calendar, day)));
    }
    for week in cells.chunks(7) {
        debug_assert!(week.iter().all(|c| c.width() == CELL));
        out.push_str(week.join(" ").trim_end());
        out.push('\n');
    }
    out.push_str("休 = 节假日休息  班 = 调休上班\n");
    for line in legend(&days) {
        out.push_str(&line);
        out.push('\n');
    }
    if first.provisional {
        out.push_str(&format!("注意：没有{year}年的节假日数据，只按星期计算（结果为临时值 provisional）\n"));
    }
    out
}

/// 班 on a make-up working day; 休 on a named holiday, or on a day the
/// week would work that is off; else two spaces.
fn mark(calendar: &Calendar, day: &DayInfo) -> &'static str {
    if day.makeup {
        "班"
    } else if day.holiday.is_some() || (!day.working && calendar.is_regular_work_day(day.date.weekday())) {
        "休"
    } else {
        "  "
    }
}

/// "10月1日–10月7日 国庆节 休" lines for the holiday runs and make-up days of a month.
fn legend(days: &[DayInfo]) -> Vec<String> {
    let md = |d: NaiveDate| format!("{}月{}日", d.month(), d.day());
    let mut lines = Vec::new();
    let mut run: Option<(NaiveDate, NaiveDate, String)> = None;
    let flush = |run: &mut Option<(NaiveDate, NaiveDate, String)>, lines: &mut Vec<String>| {
        if let Some((a, b, name)) = run.take() {
            let span = if a == b { md(a) } else { format!("{}–{}", md(a), md(b)) };
            lines.push(format!("{span} {name} 休"));
        }
    };
    for day in days {
        match (&day.holiday, &mut run) {
            (Some(name), Some((_, end, current))) if current == name && end.succ_opt() == Some(day.date) => {
                *end = day.date;
            }
            (Some(name), _) => {
                flush(&mut run, &mut lines);
                run = Some((day.date, day.date, name.clone()));
            }
            (None, _) => flush(&mut run, &mut lines),
        }
        if day.makeup {
            flush(&mut run, &mut lines);
            let why = day.makeup_for.as_ref().map(|n| format!("（{n}调休）")).unwrap_or_default();
            lines.push(format!("{} 星期{} 上班{why} 班", md(day.date), weekday_cn(day.date.weekday())));
        }
    }
    flush(&mut run, &mut lines);
    lines
}

fn weekday_cn(day: Weekday) -> &'static str {
    ["一", "二", "三", "四", "五", "六", "日"][day.num_days_from_monday() as usize]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    fn cal() -> Calendar {
        Config::default().business_calendar()
    }

    #[test]
    fn month_view_marks_holidays_and_makeup_days() {
        let expected = "            2026年10月
 一   二   三   四   五   六   日
                1休  2休  3休  4休
 5休  6休  7休  8    9   10班 11
12   13   14   15   16   17   18
19   20   21   22   23   24   25
26   27   28   29   30   31
休 = 节假日休息  班 = 调休上班
10月1日–10月7日 国庆节 休
10月10日 星期六 上班（国庆节调休） 班
";
        assert_eq!(month_grid(&cal(), 2026, 10), expected);
    }

    #[test]
    fn month_view_columns_line_up_in_display_width() {
        use unicode_width::UnicodeWidthStr;
        let cal = cal();
        for month in 1..=12 {
            let text = month_grid(&cal, 2026, month);
            let lines: Vec<&str> = text.lines().collect();
            // Grid rows (header included): cells are 4 columns wide with one space
            // between, so no visible character may cover a separator column 5k+4.
            for row in &lines[1..] {
                if row.starts_with('休') {
                    break;
                }
                assert!(row.width() <= 34, "{month}: {row:?}");
                let mut column = 0;
                for c in row.chars() {
                    let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                    if c != ' ' {
                        assert!((column..column + w).all(|x| x % 5 != 4), "{month}: {row:?} at column {column}");
                    }
                    column += w;
                }
            }
        }
        let feb = month_grid(&cal, 2026, 2);
        assert!(feb.contains("2月15日–2月23日 春节 休"), "{feb}");
        assert!(feb.contains("2月14日 星期六 上班（春节调休） 班"), "{feb}");
        let provisional = month_grid(&cal, 2027, 1);
        assert!(provisional.contains("没有2027年的节假日数据"), "{provisional}");
    }
}
