//! Tables that fit the terminal (issue 15): one rule for every table of
//! `list`, `overdue`, `show`, `log` and `report`. Given the room (display
//! columns, CJK counted as two) and what each column may give up, text
//! columns are shortened with `…` down to [`TEXT_MIN`], then the least
//! needed columns are hidden, one at a time, until the table fits; a caption
//! under the table names the hidden columns and `--wide`. With no limit
//! (piped output, `--wide`) the table is rendered exactly as before.

use comfy_table::Table;
use unicode_width::UnicodeWidthStr;

use super::table;
use crate::lang::Lang;

/// How wide a table may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Room {
    /// Piped output or `--wide`: full rows, one line each.
    Unlimited,
    /// A terminal (or `--width N`) this many display columns wide.
    Columns(usize),
}

/// What a column may give up when the table is too wide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// Hidden in rank order, lowest first (ties: rightmost first); `None`
    /// is never hidden.
    pub drop: Option<u8>,
    /// Free text (summary, description, history): shortened with `…`.
    pub shorten: bool,
}

impl Column {
    /// Always shown in full (an ID, a time).
    pub const KEEP: Column = Column { drop: None, shorten: false };
    /// Free text, shortened but never hidden.
    pub const TEXT: Column = Column { drop: None, shorten: true };

    /// Hidden when the room runs out; rank 0 goes first.
    pub const fn drop(rank: u8) -> Column {
        Column { drop: Some(rank), shorten: false }
    }
}

/// A shortened text column keeps at least this many display columns before
/// other columns are hidden for it.
pub const TEXT_MIN: usize = 16;
/// … and this many when nothing is left to hide.
const TEXT_FLOOR: usize = 6;

/// A table's cells after fitting, and the headers of the hidden columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fitted {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub hidden: Vec<String>,
}

/// Fits `header` and `rows` (one [`Column`] each) into `room`.
pub fn fit(header: Vec<String>, rows: Vec<Vec<String>>, columns: &[Column], room: Room) -> Fitted {
    let Room::Columns(limit) = room else {
        return Fitted { header, rows, hidden: Vec::new() };
    };
    let widths = natural_widths(&header, &rows);
    let policy = |i: usize| columns.get(i).copied().unwrap_or(Column::KEEP);
    let mut drop_order: Vec<usize> = (0..widths.len()).filter(|&i| policy(i).drop.is_some()).collect();
    drop_order.sort_by_key(|&i| (policy(i).drop, std::cmp::Reverse(i)));
    let mut visible: Vec<usize> = (0..widths.len()).collect();
    let mut drops = drop_order.into_iter();
    let caps = loop {
        if let Some(caps) = text_caps(&widths, &visible, &policy, limit, TEXT_MIN) {
            break caps;
        }
        match drops.next() {
            Some(next) => visible.retain(|&i| i != next),
            None => {
                break text_caps(&widths, &visible, &policy, limit, TEXT_FLOOR)
                    .unwrap_or_else(|| visible.iter().map(|&i| (i, TEXT_FLOOR.min(widths[i]))).collect());
            }
        }
    };
    let cut = |i: usize, cell: &str| match caps.iter().find(|(c, _)| *c == i) {
        Some(&(_, cap)) if cell_width(cell) > cap => table::truncate(cell, cap).into_owned(),
        _ => cell.to_string(),
    };
    let pick = |cells: &[String]| -> Vec<String> {
        visible.iter().map(|&i| cut(i, cells.get(i).map_or("", String::as_str))).collect()
    };
    let hidden = (0..widths.len()).filter(|i| !visible.contains(i)).map(|i| header[i].clone()).collect();
    Fitted { header: pick(&header), rows: rows.iter().map(|r| pick(r)).collect(), hidden }
}

/// The line under a table whose columns were hidden, naming them, or only
/// counting them where the names would not fit in `limit`; empty when none
/// were hidden.
pub fn caption(hidden: &[String], lang: Lang, limit: usize) -> String {
    if hidden.is_empty() {
        return String::new();
    }
    let named = match lang {
        Lang::Zh => format!("（已隐藏：{}；--wide 显示全部列）\n", hidden.join("、")),
        Lang::En => format!("(hidden: {}; --wide shows every column)\n", hidden.join(", ")),
    };
    if UnicodeWidthStr::width(named.trim_end()) <= limit {
        return named;
    }
    match lang {
        Lang::Zh => format!("（已隐藏 {} 列；--wide 显示全部列）\n", hidden.len()),
        Lang::En => format!("({} columns hidden; --wide shows every column)\n", hidden.len()),
    }
}

/// A comfy table (built by `history`, `stages`, `show`, `report`) fitted
/// into `room` and rendered, with its caption. Unlimited: exactly
/// [`table::render`].
pub fn render_table(t: &Table, columns: &[Column], room: Room, lang: Lang) -> String {
    if room == Room::Unlimited {
        return table::render(t);
    }
    let cells = |row: &comfy_table::Row| row.cell_iter().map(|c| c.content()).collect::<Vec<_>>();
    let header = t.header().map(cells);
    let rows: Vec<Vec<String>> = t.row_iter().map(cells).collect();
    let width = header.iter().chain(&rows).map(Vec::len).max().unwrap_or(0);
    let pad = |mut row: Vec<String>| {
        row.resize(width, String::new());
        row
    };
    let rows = rows.into_iter().map(pad).collect();
    let fitted = fit(pad(header.clone().unwrap_or_default()), rows, columns, room);
    let mut out = match header {
        Some(_) => table::new_table(fitted.header),
        None => table::new_fields_table(),
    };
    for row in fitted.rows {
        out.add_row(row);
    }
    table::render(&out) + &caption(&fitted.hidden, lang, limit(room))
}

/// [`table::render_rows`] fitted into `room`, with its caption.
pub fn render_rows<S: AsRef<str> + Send + Sync>(
    header: &[String],
    count: usize,
    cells: impl Fn(usize) -> Vec<S> + Sync,
    columns: &[Column],
    room: Room,
    lang: Lang,
) -> String {
    if room == Room::Unlimited {
        return table::render_rows(header, count, cells);
    }
    let owned = |row: Vec<S>| row.iter().map(|c| c.as_ref().to_string()).collect();
    let rows: Vec<Vec<String>> = (0..count).map(|i| owned(cells(i))).collect();
    let fitted = fit(header.to_vec(), rows, columns, room);
    table::render_rows(&fitted.header, fitted.rows.len(), |i| fitted.rows[i].clone())
        + &caption(&fitted.hidden, lang, limit(room))
}

fn limit(room: Room) -> usize {
    match room {
        Room::Unlimited => usize::MAX,
        Room::Columns(n) => n,
    }
}

/// The widest line of a cell, in display columns.
fn cell_width(cell: &str) -> usize {
    cell.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
}

/// Each column's width unshortened: its widest cell, header included, at
/// least one (as comfy-table lays it out).
fn natural_widths(header: &[String], rows: &[Vec<String>]) -> Vec<usize> {
    let mut widths: Vec<usize> = header.iter().map(|h| cell_width(h).max(1)).collect();
    for row in rows {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell_width(c));
        }
    }
    widths
}

/// The width each visible text column is cut to so the visible columns fit
/// in `limit`, none below `min` (unless narrower by nature); `None` if they
/// cannot. A column takes its width plus two blanks of padding plus one
/// separator; the header rule runs to the last padding, so the widest line
/// is the sum of those less one.
fn text_caps(
    widths: &[usize],
    visible: &[usize],
    policy: &impl Fn(usize) -> Column,
    limit: usize,
    min: usize,
) -> Option<Vec<(usize, usize)>> {
    let texts: Vec<usize> = visible.iter().copied().filter(|&i| policy(i).shorten).collect();
    let fixed: usize = visible.iter().map(|&i| 3 + if policy(i).shorten { 0 } else { widths[i] }).sum::<usize>() - 1;
    let room = limit.checked_sub(fixed)?;
    let wanted = |cap: usize| texts.iter().map(|&i| widths[i].min(cap)).sum::<usize>();
    let widest = texts.iter().map(|&i| widths[i]).max().unwrap_or(0);
    // The largest common cap that fits (water-filling): narrow columns keep
    // their width, wide ones share the rest.
    let cap = (0..=widest).rev().find(|&cap| wanted(cap) <= room)?;
    if texts.iter().any(|&i| widths[i] > cap && cap < min) {
        return None;
    }
    Some(texts.iter().map(|&i| (i, cap)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|s| s.to_string()).collect()
    }

    fn widest_line(text: &str) -> usize {
        text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
    }

    #[test]
    fn unlimited_room_changes_nothing() {
        let header = strings(&["编号", "摘要"]);
        let rows = vec![strings(&["CP1", &"长".repeat(80)])];
        let fitted = fit(header.clone(), rows.clone(), &[Column::KEEP, Column::TEXT], Room::Unlimited);
        assert_eq!(fitted, Fitted { header, rows, hidden: vec![] });
    }

    #[test]
    fn text_is_shortened_before_columns_are_hidden() {
        let header = strings(&["编号", "客户", "摘要"]);
        let rows = vec![strings(&["CP20261123001", "张*", "表带断裂，要求换货，客户很着急，已三次来电"])];
        let columns = [Column::KEEP, Column::drop(0), Column::TEXT];
        let fitted = fit(header.clone(), rows.clone(), &columns, Room::Columns(50));
        assert!(fitted.hidden.is_empty());
        assert_eq!(fitted.rows[0][2], "表带断裂，要求换货，客户…");
        let text = table::render_rows(&fitted.header, 1, |i| fitted.rows[i].clone());
        assert!(widest_line(&text) <= 50, "{text}");
        let narrow = fit(header, rows, &columns, Room::Columns(36));
        assert_eq!(narrow.hidden, ["客户"]);
        assert_eq!(narrow.header, ["编号", "摘要"]);
    }

    #[test]
    fn columns_go_in_rank_order_rightmost_first() {
        let header = strings(&["a", "b", "c", "d"]);
        let rows = vec![strings(&["aaaaaaaaaa", "bbbbbbbbbb", "cccccccccc", "dddddddddd"])];
        let columns = [Column::KEEP, Column::drop(1), Column::drop(0), Column::drop(1)];
        let fitted = fit(header, rows, &columns, Room::Columns(30));
        assert_eq!(fitted.hidden, ["c", "d"]);
    }

    #[test]
    fn caption_names_the_hidden_columns_in_the_store_language() {
        assert_eq!(caption(&[], Lang::Zh, 80), "");
        assert_eq!(caption(&strings(&["渠道", "客户"]), Lang::Zh, 80), "（已隐藏：渠道、客户；--wide 显示全部列）\n");
        assert_eq!(caption(&strings(&["Channel"]), Lang::En, 80), "(hidden: Channel; --wide shows every column)\n");
        assert_eq!(caption(&strings(&["渠道", "客户"]), Lang::Zh, 40), "（已隐藏 2 列；--wide 显示全部列）\n");
    }

    #[test]
    fn fitted_comfy_tables_stay_within_the_room() {
        let mut t = table::new_table(["时间", "操作人", "内容"]);
        t.add_row(vec!["2026-11-02 09:15", "王芳", &"备注很长".repeat(20)]);
        let text = render_table(&t, &[Column::KEEP, Column::drop(0), Column::TEXT], Room::Columns(60), Lang::Zh);
        assert!(widest_line(&text) <= 60, "{text}");
        assert_eq!(render_table(&t, &[], Room::Unlimited, Lang::Zh), table::render(&t));
    }
}
