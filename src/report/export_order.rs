//! The record table's row order (received time, then ID, oldest first)
//! kept while rows are written as a scan hands them on, so an export never
//! holds every row.
//!
//! A scan visits files in path order, `tickets/YYYY/MM/<ID>.yaml`, so the
//! dates of the IDs never go down; and a ticket's received day is its ID's
//! day (its ID is made from it, and `edit` keeps it there). So once a file
//! of day D arrives, every row received before D can be written: nothing
//! still to come sorts before it. Only about a day of rows is held. A
//! ticket whose received time was moved by hand to a day before its ID's
//! (`check` reports it) comes after the rows already written.

use std::collections::BTreeMap;
use std::io::{self, Write};

use chrono::{DateTime, FixedOffset, NaiveDate};
use chrono_tz::Tz;

type Instant = DateTime<FixedOffset>;

/// Rendered rows in, rows in the record table's order out, to `out`.
pub struct OrderedRows<W: Write> {
    out: W,
    zone: Tz,
    /// Rows not yet written, by (received time, ID, arrival): equal keys
    /// (two tickets in one file) keep the order they came in.
    pending: BTreeMap<(Instant, String, u64), Vec<u8>>,
    arrived: u64,
    /// The first write error; later rows are dropped, the scan goes on.
    error: Option<io::Error>,
}

impl<W: Write> OrderedRows<W> {
    /// Starts with `head` (the CSV header, or nothing) written.
    pub fn new(mut out: W, zone: Tz, head: &[u8]) -> OrderedRows<W> {
        let error = out.write_all(head).err();
        OrderedRows { out, zone, pending: BTreeMap::new(), arrived: 0, error }
    }

    /// Adds the row of the ticket `id` received at `received_at`, from a
    /// file whose ID has the date `id_day`, in the scan's path order.
    pub fn push(&mut self, id_day: Option<NaiveDate>, received_at: Instant, id: String, row: Vec<u8>) {
        if let Some(day) = id_day {
            self.write_received_before(Some(day));
        }
        self.pending.insert((received_at, id, self.arrived), row);
        self.arrived += 1;
    }

    /// Writes what is left; gives back the writer and how many rows were
    /// pushed, or the first write error.
    pub fn finish(mut self) -> io::Result<(W, u64)> {
        self.write_received_before(None);
        match self.error {
            Some(e) => Err(e),
            None => Ok((self.out, self.arrived)),
        }
    }

    /// Writes every pending row received before `day` (all with `None`).
    fn write_received_before(&mut self, day: Option<NaiveDate>) {
        while let Some(entry) = self.pending.first_entry() {
            if day.is_some_and(|day| entry.key().0.with_timezone(&self.zone).date_naive() >= day) {
                break;
            }
            let row = entry.remove();
            if self.error.is_none() {
                self.error = self.out.write_all(&row).err();
            }
        }
    }
}

/// The date in a ticket ID (`CP20261123001` → 2026-11-23) after `prefix`.
pub fn id_day(id: &str, prefix: &str) -> Option<NaiveDate> {
    let digits = id.strip_prefix(prefix)?.get(..8)?;
    let number = |range: std::ops::Range<usize>| digits.get(range)?.parse::<u32>().ok();
    NaiveDate::from_ymd_opt(number(0..4)? as i32, number(4..6)?, number(6..8)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Instant {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    fn day(text: &str) -> Option<NaiveDate> {
        Some(text.parse().unwrap())
    }

    #[test]
    fn rows_come_out_by_received_time_then_id_whatever_the_path_order() {
        let mut rows = OrderedRows::new(Vec::new(), chrono_tz::Asia::Shanghai, b"head\n");
        // Day 1 in path (ID) order, received out of order; two tickets in
        // one file keep their order; day 2 releases day 1.
        rows.push(day("2026-11-01"), at("2026-11-01T15:00:00+08:00"), "CP20261101001".into(), b"a\n".to_vec());
        rows.push(day("2026-11-01"), at("2026-11-01T09:00:00+08:00"), "CP20261101002".into(), b"b\n".to_vec());
        rows.push(day("2026-11-01"), at("2026-11-01T09:00:00+08:00"), "CP20261101002".into(), b"c\n".to_vec());
        rows.push(day("2026-11-02"), at("2026-11-02T01:00:00+08:00"), "CP20261102001".into(), b"d\n".to_vec());
        // Received after its ID's day (a later day): held until then.
        rows.push(day("2026-11-02"), at("2026-11-04T08:00:00+08:00"), "CP20261102002".into(), b"e\n".to_vec());
        rows.push(day("2026-11-03"), at("2026-11-03T08:00:00+08:00"), "CP20261103001".into(), b"f\n".to_vec());
        let (out, count) = rows.finish().unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "head\nb\nc\na\nd\nf\ne\n");
        assert_eq!(count, 6);
    }

    #[test]
    fn the_day_of_an_id() {
        assert_eq!(id_day("CP20261123001", "CP"), day("2026-11-23"));
        assert_eq!(id_day("CP2026112", "CP"), None);
        assert_eq!(id_day("XX20261123001", "CP"), None);
    }
}
