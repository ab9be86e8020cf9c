//! Inline SVG charts for the HTML report: no scripts, no external files,
//! text as real text so it prints sharply and can be searched.

use std::fmt::Write;

use super::markup::escape;

const WIDTH: f64 = 560.0;
const COLORS: [&str; 6] = ["#2f6fb0", "#e07b39", "#4a9a5b", "#b84a62", "#7a5fb0", "#8a8a8a"];

/// Horizontal bars, one per `(label, value)`, the value written at the end.
pub fn bars(title: &str, items: &[(String, usize)]) -> String {
    let row = 26.0;
    let label_w = 150.0;
    let height = row * items.len().max(1) as f64 + 34.0;
    let max = items.iter().map(|i| i.1).max().unwrap_or(0).max(1) as f64;
    let mut svg = open(title, height);
    for (i, (label, value)) in items.iter().enumerate() {
        let y = 30.0 + row * i as f64;
        let w = (WIDTH - label_w - 50.0) * *value as f64 / max;
        let color = COLORS[i % COLORS.len()];
        let _ = write!(
            svg,
            r#"<text x="{lx}" y="{ty}" text-anchor="end" class="lbl">{label}</text><rect class="bar" x="{label_w}" y="{y}" width="{w:.1}" height="{h}" fill="{color}"><title>{label}: {value}</title></rect><text x="{vx:.1}" y="{ty}" class="val">{value}</text>"#,
            lx = label_w - 8.0,
            ty = y + 14.0,
            label = escape(label),
            h = row - 8.0,
            vx = label_w + w + 6.0,
        );
    }
    if items.is_empty() {
        let _ = write!(svg, r#"<text x="10" y="46" class="lbl">—</text>"#);
    }
    svg.push_str("</svg>");
    svg
}

/// Columns per day or week, with a baseline and sparse date labels.
pub fn columns(title: &str, points: &[(String, usize)]) -> String {
    let (top, plot_h, left) = (34.0, 150.0, 36.0);
    let height = top + plot_h + 40.0;
    let n = points.len().max(1) as f64;
    let slot = (WIDTH - left - 10.0) / n;
    let max = points.iter().map(|p| p.1).max().unwrap_or(0).max(1) as f64;
    let every = (points.len() / 10).max(1);
    let mut svg = open(title, height);
    let base = top + plot_h;
    let _ = write!(
        svg,
        r#"<line x1="{left}" y1="{base}" x2="{x2}" y2="{base}" class="axis"/><text x="{tx}" y="{ty}" text-anchor="end" class="val">{max}</text><line x1="{left}" y1="{top}" x2="{x2}" y2="{top}" class="grid"/>"#,
        x2 = WIDTH - 10.0,
        tx = left - 4.0,
        ty = top + 4.0,
        max = max as usize,
    );
    for (i, (label, value)) in points.iter().enumerate() {
        let h = plot_h * *value as f64 / max;
        let x = left + slot * i as f64 + slot * 0.15;
        let _ = write!(
            svg,
            r#"<rect class="col" x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" fill="{c}"><title>{label}: {value}</title></rect>"#,
            y = base - h,
            w = slot * 0.7,
            c = COLORS[0],
            label = escape(label),
        );
        if i % every == 0 {
            let _ = write!(
                svg,
                r#"<text x="{cx:.1}" y="{ly}" text-anchor="middle" class="tick">{label}</text>"#,
                cx = x + slot * 0.35,
                ly = base + 16.0,
                label = escape(label),
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

fn open(title: &str, height: f64) -> String {
    format!(
        r#"<svg class="chart" role="img" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}"><title>{t}</title><text x="0" y="16" class="ttl">{t}</text>"#,
        t = escape(title)
    )
}
