//! The report sections of spec §5.1's last bullet: 各环节处理时长 (time
//! per stage) and 高频投诉点 (frequent complaint points, with the command
//! that lists the tickets behind each).

use super::analysis::{PointLine, StageLine, TimeFigures};
use super::section::{Cell, Section, text};
use crate::lang::Lang;

/// One line per target kind that occurred: start → met, and the breach rate.
pub fn stages(lines: &[StageLine], lang: Lang) -> Section {
    let mut columns = vec![
        ("stage", lang.pick("环节", "Stage")),
        ("count", lang.pick("件数", "Count")),
        ("met", lang.pick("已完成", "Met")),
    ];
    columns.extend(time_columns(lang));
    columns.push(("breach_rate", lang.pick("超时率", "Breach rate")));
    let mut sec = Section::new("stages", lang.pick("各环节处理时长(小时)", "Time per stage (hours)"), &columns);
    for l in lines {
        let label = text(lang.coded(l.kind.id(), l.kind.label()));
        let mut cells = vec![label, Cell::Count(l.count), Cell::Count(l.times.count)];
        cells.extend(time_cells(&l.times));
        cells.push(Cell::Percent(l.breach_rate));
        sec.row(l.kind.id(), cells);
    }
    sec
}

/// The hours of a [`TimeFigures`] (mean, median and p90 in working and wall
/// hours), shared by the times and the stage sections.
pub fn time_columns(lang: Lang) -> [(&'static str, &'static str); 6] {
    [
        ("mean_work", lang.pick("平均(工作)", "Mean (working)")),
        ("median_work", lang.pick("中位数(工作)", "Median (working)")),
        ("p90_work", lang.pick("P90(工作)", "P90 (working)")),
        ("mean_wall", lang.pick("平均(自然)", "Mean (wall)")),
        ("median_wall", lang.pick("中位数(自然)", "Median (wall)")),
        ("p90_wall", lang.pick("P90(自然)", "P90 (wall)")),
    ]
}

/// The cells of [`time_columns`].
pub fn time_cells(t: &TimeFigures) -> [Cell; 6] {
    [
        Cell::Hours(t.work.mean),
        Cell::Hours(t.work.median),
        Cell::Hours(t.work.p90),
        Cell::Hours(t.wall.mean),
        Cell::Hours(t.wall.median),
        Cell::Hours(t.wall.p90),
    ]
}

/// The top product × category points with the change versus the previous
/// period and how to list their tickets.
pub fn points(lines: &[PointLine], lang: Lang) -> Section {
    let mut sec = Section::new(
        "points",
        lang.pick("高频投诉点(产品×类型)", "Frequent complaint points (product × category)"),
        &[
            ("product", lang.pick("产品", "Product")),
            ("category", lang.pick("投诉类型", "Category")),
            ("count", lang.pick("次数", "Count")),
            ("previous", lang.pick("上期", "Previous")),
            ("change", lang.pick("变化", "Change")),
            ("drill_down", lang.pick("查看明细", "Drill down")),
        ],
    );
    for p in lines {
        sec.row(
            format!("{}/{}", p.product, p.category),
            vec![
                text(p.product.clone()),
                text(lang.coded(&p.category, &p.category_label)),
                Cell::Count(p.count),
                Cell::Count(p.previous),
                text(format!("{:+}", p.change())),
                text(drill_down(p)),
            ],
        );
    }
    sec
}

/// `complaint list --product P --category C`, quoted for a shell when needed.
pub fn drill_down(p: &PointLine) -> String {
    let category = if p.category == super::analysis::UNCLASSIFIED { "none" } else { &p.category };
    format!("complaint list --product {} --category {}", quote(&p.product), quote(category))
}

fn quote(word: &str) -> String {
    let plain = !word.is_empty() && word.chars().all(|c| !c.is_whitespace() && !"'\"\\$`&|;<>()*?!#~".contains(c));
    if plain { word.to_string() } else { format!("'{}'", word.replace('\'', r"'\''")) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(product: &str, category: &str) -> PointLine {
        PointLine {
            product: product.into(),
            category: category.into(),
            category_label: String::new(),
            count: 1,
            previous: 0,
            tickets: Vec::new(),
        }
    }

    #[test]
    fn drill_down_is_a_command_a_shell_runs_as_is() {
        assert_eq!(drill_down(&point("P1", "logistics")), "complaint list --product P1 --category logistics");
        assert_eq!(
            drill_down(&point("智能手表 X2", "unclassified")),
            "complaint list --product '智能手表 X2' --category none"
        );
        assert_eq!(drill_down(&point("Tom's", "x")), r"complaint list --product 'Tom'\''s' --category x");
    }
}
