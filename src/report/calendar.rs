//! `complaint calendar MONTH`: the business calendar of a month as a
//! plain-text grid, drawn from the days sla computes (`sla::DayInfo`), in
//! the store's language (words from `lang::messages`).

use chrono::{Datelike, NaiveDate, Weekday};
use unicode_width::UnicodeWidthStr;

use crate::lang::Lang;
use crate::sla::{Calendar, DayInfo};
use crate::tr;

/// A plain-text month grid, Monday first, with holidays marked 休 and
/// make-up working days marked 班 (`o` and `w` in English), followed by a
/// legend. Empty for an invalid month.
pub fn month_grid(calendar: &Calendar, year: i32, month: u32, lang: Lang) -> String {
    const CELL: usize = 4; // "10休": two digits and one double-width mark (or "o ")
    let days = calendar.month_days(year, month);
    let Some(first) = days.first() else {
        return String::new();
    };
    let width = 7 * CELL + 6;
    let mut out = String::new();
    let title = match lang {
        Lang::Zh => format!("{year}年{month}月"),
        Lang::En => format!("{year}-{month:02}"),
    };
    out.push_str(&format!("{}{}\n", " ".repeat((width - title.width()) / 2), title));
    let header: Vec<String> = tr!(lang, "calendar.weekdays").split(' ').map(|d| format!(" {d} ")).collect();
    out.push_str(header.join(" ").trim_end());
    out.push('\n');
    let mut cells: Vec<String> = vec![" ".repeat(CELL); (first.weekday - 1) as usize];
    for day in &days {
        cells.push(format!("{:>2}{}", day.date.day(), mark(calendar, day, lang)));
    }
    for week in cells.chunks(7) {
        debug_assert!(week.iter().all(|c| c.width() == CELL));
        out.push_str(week.join(" ").trim_end());
        out.push('\n');
    }
    out.push_str(&tr!(lang, "calendar.marks_legend"));
    out.push('\n');
    for line in legend(&days, lang) {
        out.push_str(&line);
        out.push('\n');
    }
    if first.provisional {
        out.push_str(&tr!(lang, "calendar.no_data", year = year));
        out.push('\n');
    }
    out
}

/// 班 on a make-up working day; 休 on a named holiday, or on a day the
/// week would work that is off; else two spaces. Two columns wide.
fn mark(calendar: &Calendar, day: &DayInfo, lang: Lang) -> String {
    let key = if day.makeup {
        "calendar.work_mark"
    } else if day.holiday.is_some() || (!day.working && calendar.is_regular_work_day(day.date.weekday())) {
        "calendar.off_mark"
    } else {
        return "  ".into();
    };
    let mark = crate::lang::messages::render(lang, key, &[]);
    format!("{mark:<width$}", width = 2 - (mark.width() - mark.chars().count()))
}

/// "10月1日–10月7日 国庆节 休" lines for the holiday runs and make-up days of a month.
fn legend(days: &[DayInfo], lang: Lang) -> Vec<String> {
    let md = |d: NaiveDate| match lang {
        Lang::Zh => format!("{}月{}日", d.month(), d.day()),
        Lang::En => format!("{:02}-{:02}", d.month(), d.day()),
    };
    let mut lines = Vec::new();
    let mut run: Option<(NaiveDate, NaiveDate, String)> = None;
    let flush = |run: &mut Option<(NaiveDate, NaiveDate, String)>, lines: &mut Vec<String>| {
        if let Some((a, b, name)) = run.take() {
            let span = if a == b { md(a) } else { format!("{}–{}", md(a), md(b)) };
            lines.push(tr!(lang, "calendar.holiday_run", span = span, name = name));
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
            let why = day.makeup_for.as_ref().map(|n| tr!(lang, "calendar.makeup_for", name = n)).unwrap_or_default();
            let weekday = weekday_name(day.date.weekday(), lang);
            lines.push(tr!(lang, "calendar.makeup_day", date = md(day.date), weekday = weekday, why = why));
        }
    }
    flush(&mut run, &mut lines);
    lines
}

/// 六 in Chinese (after 星期), `Sat` in English.
fn weekday_name(day: Weekday, lang: Lang) -> String {
    match lang {
        Lang::Zh => ["一", "二", "三", "四", "五", "六", "日"][day.num_days_from_monday() as usize].to_string(),
        Lang::En => day.to_string(),
    }
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
        assert_eq!(month_grid(&cal(), 2026, 10, Lang::Zh), expected);
    }

    #[test]
    fn english_month_view() {
        let grid = month_grid(&cal(), 2026, 10, Lang::En);
        assert!(grid.contains(" Mo   Tu   We   Th   Fr   Sa   Su\n"), "{grid}");
        assert!(grid.contains("\n 5o   6o   7o   8    9   10w  11\n"), "{grid}");
        assert!(grid.contains("o = off (public holiday)  w = work (make-up working day)\n"), "{grid}");
        assert!(grid.contains("10-01–10-07 国庆节 off\n"), "{grid}");
        assert!(grid.contains("10-10 Sat work (make-up for 国庆节)\n"), "{grid}");
    }

    #[test]
    fn month_view_columns_line_up_in_display_width() {
        use unicode_width::UnicodeWidthStr;
        let cal = cal();
        for month in 1..=12 {
            let text = month_grid(&cal, 2026, month, Lang::Zh);
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
        let feb = month_grid(&cal, 2026, 2, Lang::Zh);
        assert!(feb.contains("2月15日–2月23日 春节 休"), "{feb}");
        assert!(feb.contains("2月14日 星期六 上班（春节调休） 班"), "{feb}");
        let provisional = month_grid(&cal, 2027, 1, Lang::Zh);
        assert!(provisional.contains("没有2027年的节假日数据"), "{provisional}");
    }
}
