//! 高频投诉点 (frequent complaint points, spec §5.1 last bullet): product ×
//! category, the top ten by count, with the previous period's count and
//! the tickets behind each (drill down with `list --product P --category C`).

use std::collections::HashMap;

use super::figures::UNCLASSIFIED;
use super::summary::TicketSummary;

/// How many points a report shows.
pub const TOP_POINTS: usize = 10;
/// How many ticket IDs a point keeps (its count stays exact): the rest is
/// one `list --product --category` away, and memory stays flat.
pub const POINT_TICKETS: usize = 50;

/// One product × category point.
#[derive(Debug, Clone, PartialEq)]
pub struct PointLine {
    pub product: String,
    /// Category id (`unclassified` when none).
    pub category: String,
    /// The category's configured label (its id when not configured).
    pub category_label: String,
    pub count: usize,
    /// The count in the previous period (filled in by the report fold).
    pub previous: usize,
    /// The first [`POINT_TICKETS`] ticket IDs, in scan (path) order.
    pub tickets: Vec<String>,
}

impl PointLine {
    pub fn change(&self) -> i64 {
        self.count as i64 - self.previous as i64
    }
}

#[derive(Default)]
struct Point {
    count: usize,
    tickets: Vec<String>,
}

/// Accumulates the points of one period.
#[derive(Default)]
pub struct Points {
    points: HashMap<(String, String), Point>,
}

impl Points {
    /// Tickets that name no product are no complaint point.
    pub fn add(&mut self, s: &TicketSummary) {
        let Some(product) = s.product.as_deref().map(str::trim).filter(|p| !p.is_empty()) else {
            return;
        };
        let category = s.category.as_deref().unwrap_or(UNCLASSIFIED);
        let point = self.points.entry((product.to_string(), category.to_string())).or_default();
        point.count += 1;
        if point.tickets.len() < POINT_TICKETS {
            point.tickets.push(s.id.clone());
        }
    }

    pub fn count(&self, product: &str, category: &str) -> usize {
        self.points.get(&(product.to_string(), category.to_string())).map_or(0, |p| p.count)
    }

    /// The top points, most first, then by product and category;
    /// `label` names a category id.
    pub fn top(&self, label: impl Fn(&str) -> String) -> Vec<PointLine> {
        let mut lines: Vec<PointLine> = self
            .points
            .iter()
            .map(|((product, category), p)| PointLine {
                product: product.clone(),
                category: category.clone(),
                category_label: label(category),
                count: p.count,
                previous: 0,
                tickets: p.tickets.clone(),
            })
            .collect();
        lines.sort_by(|a, b| {
            b.count.cmp(&a.count).then_with(|| a.product.cmp(&b.product)).then_with(|| a.category.cmp(&b.category))
        });
        lines.truncate(TOP_POINTS);
        lines
    }
}
