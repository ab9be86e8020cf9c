//! Small accumulators: counts by key (as shares), running means,
//! mean/median/p90.

use std::collections::HashMap;

/// One line of a breakdown: a coded value, its label, count and share.
#[derive(Debug, Clone, PartialEq)]
pub struct Share {
    pub id: String,
    pub label: String,
    pub count: usize,
    pub share: f64,
    /// Categories only: satisfied answers / answered follow-ups.
    pub satisfied_rate: Option<f64>,
    /// Categories only: satisfied rate under 80 %.
    pub flagged: bool,
}

/// Mean, median and 90th percentile of a sample.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Averages {
    pub mean: Option<f64>,
    pub median: Option<f64>,
    pub p90: Option<f64>,
}

impl Averages {
    /// Median: the middle value, or the mean of the two middle values.
    /// p90: nearest rank, the ⌈0.9·n⌉-th smallest value.
    pub fn of(mut values: Vec<f64>) -> Averages {
        if values.is_empty() {
            return Averages::default();
        }
        values.sort_by(f64::total_cmp);
        let n = values.len();
        let median = if n % 2 == 1 { values[n / 2] } else { (values[n / 2 - 1] + values[n / 2]) / 2.0 };
        let rank = (0.9 * n as f64).ceil() as usize;
        Averages {
            mean: Some(values.iter().sum::<f64>() / n as f64),
            median: Some(median),
            p90: Some(values[rank.clamp(1, n) - 1]),
        }
    }
}

/// A time figure: how many, and their averages in working and wall hours.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TimeFigures {
    pub count: usize,
    pub work: Averages,
    pub wall: Averages,
}

/// Ids for tickets with no category or cause yet.
pub const UNCLASSIFIED: &str = "unclassified";
pub const UNDETERMINED: &str = "undetermined";

pub fn ratio(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

#[derive(Debug, Clone, Copy, Default)]
pub struct Mean {
    pub sum: f64,
    pub count: usize,
}

impl Mean {
    pub fn add(&mut self, value: f64) {
        self.sum += value;
        self.count += 1;
    }

    /// Counts `true` as 1: the mean is then a rate.
    pub fn add_bool(&mut self, yes: bool) {
        self.add(if yes { 1.0 } else { 0.0 });
    }

    pub fn value(&self) -> Option<f64> {
        (self.count > 0).then(|| self.sum / self.count as f64)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Counter {
    counts: HashMap<String, usize>,
}

impl Counter {
    pub fn add(&mut self, key: &str) {
        match self.counts.get_mut(key) {
            Some(n) => *n += 1,
            None => {
                self.counts.insert(key.to_string(), 1);
            }
        }
    }

    pub fn get(&self, key: &str) -> usize {
        self.counts.get(key).copied().unwrap_or(0)
    }

    /// Lines with a count, most first; ties in `order` (configured order),
    /// ids not configured last by id and labelled with themselves.
    pub fn shares(&self, total: usize, order: &[(String, String)]) -> Vec<Share> {
        let position = |id: &str| order.iter().position(|(o, _)| o == id).unwrap_or(order.len());
        let mut lines: Vec<Share> = self
            .counts
            .iter()
            .map(|(id, &count)| Share {
                id: id.clone(),
                label: order.iter().find(|(o, _)| o == id).map_or_else(|| id.clone(), |(_, l)| l.clone()),
                count,
                share: if total == 0 { 0.0 } else { count as f64 / total as f64 },
                satisfied_rate: None,
                flagged: false,
            })
            .collect();
        lines.sort_by(|a, b| {
            b.count.cmp(&a.count).then_with(|| position(&a.id).cmp(&position(&b.id))).then_with(|| a.id.cmp(&b.id))
        });
        lines
    }

    /// At most `n` keys seen at least `min` times, most first, then by name.
    pub fn top(&self, n: usize, min: usize) -> Vec<(String, usize)> {
        let mut lines: Vec<(String, usize)> =
            self.counts.iter().filter(|(_, c)| **c >= min).map(|(k, c)| (k.clone(), *c)).collect();
        lines.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        lines.truncate(n);
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn averages_by_hand() {
        // sorted 1 2 3 4 10: mean 20/5 = 4, median 3, p90 rank ⌈4.5⌉ = 5 → 10
        let a = Averages::of(vec![10.0, 2.0, 1.0, 4.0, 3.0]);
        assert_eq!((a.mean, a.median, a.p90), (Some(4.0), Some(3.0), Some(10.0)));
        // 1 2 3 4: median (2+3)/2 = 2.5, p90 rank ⌈3.6⌉ = 4 → 4
        let b = Averages::of(vec![4.0, 3.0, 2.0, 1.0]);
        assert_eq!((b.median, b.p90), (Some(2.5), Some(4.0)));
        // ten values 1..=10: p90 rank 9 → 9
        assert_eq!(Averages::of((1..=10).map(f64::from).collect()).p90, Some(9.0));
        assert_eq!(Averages::of(vec![]), Averages::default());
    }

    #[test]
    fn shares_sort_by_count_then_configured_order() {
        let mut c = Counter::default();
        for key in ["b", "a", "x", "b", "a"] {
            c.add(key);
        }
        let order = vec![("a".to_string(), "甲".to_string()), ("b".to_string(), "乙".to_string())];
        let lines = c.shares(5, &order);
        let got: Vec<(&str, &str, usize)> = lines.iter().map(|s| (s.id.as_str(), s.label.as_str(), s.count)).collect();
        assert_eq!(got, [("a", "甲", 2), ("b", "乙", 2), ("x", "x", 1)]);
        assert_eq!(lines[0].share, 0.4);
        assert_eq!(c.top(5, 2), [("a".to_string(), 2), ("b".to_string(), 2)]);
    }
}
