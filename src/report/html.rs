//! The report as one self-contained HTML file: inline CSS and SVG charts,
//! no scripts, no external links, readable when printed.

use super::analysis::Report;
use super::chart;
use super::markup::escape;
use super::section::{Cell, Section};
use crate::lang::Lang;

const STYLE: &str = r#"
:root { color-scheme: light; }
body { font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif;
       color: #222; margin: 24px auto; max-width: 1100px; padding: 0 16px; line-height: 1.45; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 22px 0 6px; border-left: 4px solid #2f6fb0; padding-left: 8px; }
.sub { color: #666; margin: 0 0 12px; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 12px 0; }
.card { border: 1px solid #ddd; border-radius: 6px; padding: 8px 12px; min-width: 130px; }
.card b { display: block; font-size: 20px; }
.card span { color: #666; font-size: 12px; }
.charts { display: flex; flex-wrap: wrap; gap: 16px; }
svg.chart { max-width: 100%; height: auto; border: 1px solid #eee; border-radius: 6px; padding: 6px; }
svg .ttl { font-size: 14px; font-weight: bold; fill: #222; }
svg .lbl, svg .val, svg .tick { font-size: 12px; fill: #333; }
svg .tick { font-size: 10px; }
svg .axis { stroke: #999; } svg .grid { stroke: #ddd; stroke-dasharray: 3 3; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border: 1px solid #ddd; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f3f6fa; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.flag td { background: #fff3e0; }
.none { color: #888; }
@media print {
  body { margin: 0; max-width: none; font-size: 11px; }
  h2 { break-after: avoid; }
  section, .card, svg.chart, tr { break-inside: avoid; }
  th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  svg.chart { border: none; }
  @page { size: A4; margin: 14mm; }
}
"#;

/// The report's stylesheet, inline in the file; the web desk serves it
/// as `/static/report.css` (its CSP allows no inline style).
pub const CSS: &str = STYLE;

/// One self-contained file: the stylesheet inline.
pub fn render(report: &Report, title: &str, subtitle: &str, sections: &[Section], lang: Lang) -> String {
    document(report, (title, subtitle), sections, lang, &format!("<style>{STYLE}</style>"), "")
}

/// A page of the web desk: the stylesheet linked from `css`, `top` (links
/// back to the desk, already HTML) above the title.
pub fn render_linked(
    report: &Report,
    (title, subtitle): (&str, &str),
    sections: &[Section],
    lang: Lang,
    (css, top): (&str, &str),
) -> String {
    let link = format!("<link rel=\"stylesheet\" href=\"{}\">", escape(css));
    document(report, (title, subtitle), sections, lang, &link, top)
}

fn document(
    report: &Report,
    (title, subtitle): (&str, &str),
    sections: &[Section],
    lang: Lang,
    style: &str,
    top: &str,
) -> String {
    let s = &report.current;
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{t}</title>\n{style}\n</head>\n<body>\n{top}<header><h1>{t}</h1><p class=\"sub\">{}</p></header>\n",
        lang.pick("zh-CN", "en"),
        escape(subtitle),
        t = escape(title),
    );
    let cards = [
        (lang.pick("投诉总数", "Complaints"), s.total.to_string()),
        (lang.pick("SLA 达标率", "SLA compliance"), Cell::Percent(s.sla.compliance).display()),
        (lang.pick("超时次数", "Breaches"), s.sla.breaches.to_string()),
        (lang.pick("满意度均分(百分制)", "Mean satisfaction (0–100)"), Cell::Score(s.satisfaction.mean).display()),
        (lang.pick("满意率", "Satisfied rate"), Cell::Percent(s.satisfaction.satisfied_rate).display()),
        (lang.pick("重开率", "Reopen rate"), Cell::Percent(s.reopen_rate).display()),
    ];
    out.push_str("<div class=\"cards\">");
    for (label, value) in cards {
        out.push_str(&format!("<div class=\"card\"><b>{}</b><span>{}</span></div>", escape(&value), escape(label)));
    }
    out.push_str("</div>\n<section class=\"charts\">\n");
    let categories: Vec<(String, usize)> =
        s.by_category.iter().map(|c| (lang.coded(&c.id, &c.label).to_string(), c.count)).collect();
    out.push_str(&chart::bars(lang.pick("投诉类型", "By category"), &categories));
    let trend: Vec<(String, usize)> = s.trend.iter().map(|(d, c)| (d.format("%m-%d").to_string(), *c)).collect();
    let trend_title = match (s.trend_unit, lang) {
        ("day", Lang::Zh) => "每日投诉量",
        (_, Lang::Zh) => "每周投诉量",
        ("day", Lang::En) => "Complaints per day",
        (_, Lang::En) => "Complaints per week",
    };
    out.push_str(&chart::columns(trend_title, &trend));
    let scores: Vec<(String, usize)> = s.satisfaction.distribution.iter().map(|d| (d.shown(lang), d.count)).collect();
    out.push_str(&chart::bars(lang.pick("满意度分布", "Satisfaction distribution"), &scores));
    out.push_str("\n</section>\n");
    for section in sections {
        out.push_str(&table(section, lang));
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn table(section: &Section, lang: Lang) -> String {
    let mut out = format!("<section id=\"{}\">\n<h2>{}</h2>\n", section.id, escape(&section.title));
    if section.rows.is_empty() {
        out.push_str(&format!("<p class=\"none\">{}</p>\n</section>\n", lang.pick("（无）", "(none)")));
        return out;
    }
    out.push_str("<table>\n<thead><tr>");
    for (_, heading) in &section.columns {
        out.push_str(&format!("<th>{}</th>", escape(heading)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &section.rows {
        let flagged = row.cells.iter().any(|c| matches!(c, Cell::Text(t) if t.starts_with('⚠')));
        out.push_str(if flagged { "<tr class=\"flag\">" } else { "<tr>" });
        for cell in &row.cells {
            let class = if matches!(cell, Cell::Text(_)) { "" } else { " class=\"n\"" };
            out.push_str(&format!("<td{class}>{}</td>", escape(&cell.display())));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
    out
}
