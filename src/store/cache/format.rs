//! The layout of a cache file, read and written: header (magic, format,
//! crate version, size cap, trust limit, region lengths), then three
//! regions. The directory table, checksummed, lists every directory (key,
//! stamp, whether its listing is complete, its subdirectories, where its file
//! records are). The file records of each directory are contiguous and
//! checksummed per directory: name, stamp, the instant a caller filters on
//! (settled or received), and where the payload is. Payloads (a summary, or a
//! whole ticket) are last, each with its own checksum, so a run touches only
//! the payloads it decodes. Knows nothing of scanning or of what a payload
//! holds.

use std::collections::HashMap;
use std::io::Write;

use chrono::{DateTime, FixedOffset};

use super::super::codec::{self, Reader, Writer};
use super::super::walk::FileStamp;

type Instant = DateTime<FixedOffset>;

/// Bump when the layout or what a payload holds changes (4: entries are
/// checked against their path; older builds cached misplaced files; 5: the
/// events of seed 002's stages; 6: an index entry holds the product, events
/// carry `done_item`, escalations are clock events; 7: clock events carry
/// severity changes and plans (`execute_by`, answers), plans, answers and
/// executions are clock events, an entry holds `several_departments_since`;
/// 8: events carry `task_department`, execution tasks are clock events;
/// 9: events carry `attachment`; 10: an index entry is followed by the
/// ticket's folded search text).
const FORMAT: u32 = 10;
/// The [`FORMAT`] the layout was last checked at and the fingerprint of
/// its bytes then (`codec::layout_fingerprint`): a test fails when the
/// bytes change while `FORMAT` stays, since an old cache would then be
/// decoded wrongly instead of rebuilt.
#[cfg(test)]
const LAYOUT: (u32, u64) = (10, 0x0daf_ec35_addb_ae71);
const NS: i64 = 1_000_000_000;

/// Files and directories changed in the second a scan started, or the one
/// before it (file systems stamp with a coarse clock that may lag the real
/// one), may have changed again after being read with the same size and
/// timestamps: their entries are not trusted by the next run.
pub(super) fn trust_limit(started_s: i64) -> i64 {
    (started_s - 1) * NS
}

/// A parsed cache file, borrowing from its bytes.
pub(super) struct Index<'a> {
    /// Entries of files and directories changed at or after this instant
    /// are not trusted.
    pub trusted_before_ns: i64,
    pub dirs: HashMap<&'a str, DirRecord<'a>>,
    pub payloads: &'a [u8],
}

pub(super) struct DirRecord<'a> {
    pub stamp: FileStamp,
    /// Its listing holds every entry that matters (ticket files, all
    /// cached, and subdirectories): the directory may be listed from it.
    pub complete: bool,
    pub subdirs: Vec<&'a str>,
    files: &'a [u8],
    pub file_count: u32,
    files_sum: u64,
}

/// One file's entry in the old cache.
#[derive(Clone, Copy)]
pub(super) struct FileRecord<'a> {
    pub name: &'a str,
    pub stamp: FileStamp,
    pub filter_at: Option<Instant>,
    pub payload: &'a [u8],
    pub payload_sum: u64,
}

fn header(magic: &[u8; 8], started_s: i64, max_bytes: u64) -> Writer {
    let mut w = Writer::default();
    w.bytes.extend_from_slice(magic);
    w.u32(FORMAT);
    w.str(env!("CARGO_PKG_VERSION"));
    w.u64(max_bytes);
    w.i64(trust_limit(started_s));
    w
}

fn read_stamp(r: &mut Reader) -> Option<FileStamp> {
    Some(FileStamp { size: r.u64()?, mtime_ns: r.i64()?, ctime_ns: r.i64()?, inode: r.u64()? })
}

fn write_stamp(w: &mut Writer, stamp: &FileStamp) {
    w.u64(stamp.size);
    w.i64(stamp.mtime_ns);
    w.i64(stamp.ctime_ns);
    w.u64(stamp.inode);
}

impl<'a> Index<'a> {
    pub fn parse(bytes: &'a [u8], magic: &[u8; 8], max_bytes: u64) -> Option<Index<'a>> {
        let mut r = Reader::new(bytes);
        let expected = header(magic, 0, max_bytes).bytes;
        // Everything up to the trust limit must match this build and config.
        if r.take(expected.len() - 8)? != &expected[..expected.len() - 8] {
            return None;
        }
        let trusted_before_ns = r.i64()?;
        let (table_len, table_sum) = (r.u64()?, r.u64()?);
        let (files_len, payloads_len) = (r.u64()?, r.u64()?);
        let table = r.take(usize::try_from(table_len).ok()?)?;
        let files = r.take(usize::try_from(files_len).ok()?)?;
        let payloads = r.take(usize::try_from(payloads_len).ok()?)?;
        if !r.at_end() || codec::checksum(table) != table_sum {
            return None;
        }
        let dirs = Self::parse_dirs(table, files)?;
        Some(Index { trusted_before_ns, dirs, payloads })
    }

    fn parse_dirs(table: &'a [u8], files: &'a [u8]) -> Option<HashMap<&'a str, DirRecord<'a>>> {
        let mut r = Reader::new(table);
        let count = r.u32()? as usize;
        let mut dirs = HashMap::with_capacity(count.min(1 << 16));
        for _ in 0..count {
            let key = r.str()?;
            let stamp = read_stamp(&mut r)?;
            let complete = r.u8()? == 1;
            let subdir_count = r.u32()? as usize;
            let mut subdirs = Vec::with_capacity(subdir_count.min(1 << 12));
            for _ in 0..subdir_count {
                subdirs.push(r.str()?);
            }
            let (offset, len) = (usize::try_from(r.u64()?).ok()?, usize::try_from(r.u64()?).ok()?);
            let files = files.get(offset..offset.checked_add(len)?)?;
            let (file_count, files_sum) = (r.u32()?, r.u64()?);
            dirs.insert(key, DirRecord { stamp, complete, subdirs, files, file_count, files_sum });
        }
        r.at_end().then_some(dirs)
    }
}

impl<'a> DirRecord<'a> {
    /// The file records of the directory, in name order; `None` if corrupt.
    pub fn file_records(&self, payloads: &'a [u8]) -> Option<Vec<FileRecord<'a>>> {
        if codec::checksum(self.files) != self.files_sum {
            return None;
        }
        let mut r = Reader::new(self.files);
        // A record is at least 57 bytes: a bad count cannot ask for more.
        let mut records = Vec::with_capacity((self.file_count as usize).min(self.files.len() / 57));
        for _ in 0..self.file_count {
            let name = r.str()?;
            let stamp = read_stamp(&mut r)?;
            let filter_at = r.opt_instant()?;
            let (offset, len) = (usize::try_from(r.u64()?).ok()?, r.u32()? as usize);
            let payload = payloads.get(offset..offset.checked_add(len)?)?;
            records.push(FileRecord { name, stamp, filter_at, payload, payload_sum: r.u64()? });
        }
        let sorted = records.windows(2).all(|pair| pair[0].name < pair[1].name);
        (r.at_end() && sorted).then_some(records)
    }
}

/// One file's entry, as written.
pub(super) struct FileEntry<'s> {
    pub name: &'s str,
    pub stamp: FileStamp,
    pub filter_at: Option<Instant>,
    pub payload: &'s [u8],
}

/// A new cache file, built directory by directory in path order, each with
/// its cacheable files.
#[derive(Default)]
pub(super) struct CacheWriter<'s> {
    table: Writer,
    dir_count: u32,
    files: Writer,
    /// The payloads in order, borrowed from the old cache or the scan.
    payloads: Vec<&'s [u8]>,
    payloads_len: u64,
}

impl<'s> CacheWriter<'s> {
    /// Adds the directory `key` (`tickets/2026/11`) with its stamp, whether
    /// its listing is complete, its subdirectories and its files.
    pub fn add_dir(
        &mut self,
        key: &str,
        stamp: &FileStamp,
        complete: bool,
        subdirs: &[&str],
        files: impl Iterator<Item = FileEntry<'s>>,
    ) {
        let start = self.files.bytes.len();
        let mut count = 0;
        for file in files {
            self.add_file(file);
            count += 1;
        }
        let files = &self.files.bytes[start..];
        let t = &mut self.table;
        t.str(key);
        write_stamp(t, stamp);
        t.u8(complete as u8);
        t.u32(subdirs.len() as u32);
        for name in subdirs {
            t.str(name);
        }
        t.u64(start as u64);
        t.u64(files.len() as u64);
        t.u32(count);
        t.u64(codec::checksum(files));
        self.dir_count += 1;
    }

    fn add_file(&mut self, file: FileEntry<'s>) {
        let w = &mut self.files;
        w.str(file.name);
        write_stamp(w, &file.stamp);
        w.opt_instant(file.filter_at.as_ref());
        w.u64(self.payloads_len);
        w.u32(file.payload.len() as u32);
        w.u64(codec::checksum(file.payload));
        self.payloads_len += file.payload.len() as u64;
        self.payloads.push(file.payload);
    }

    /// Writes the whole file: header, directory table, file records,
    /// payloads.
    pub fn write(self, out: &mut dyn Write, magic: &[u8; 8], started_s: i64, max_bytes: u64) -> std::io::Result<()> {
        let mut table = Writer::default();
        table.u32(self.dir_count);
        table.bytes.extend_from_slice(&self.table.bytes);

        let mut w = header(magic, started_s, max_bytes);
        w.u64(table.bytes.len() as u64);
        w.u64(codec::checksum(&table.bytes));
        w.u64(self.files.bytes.len() as u64);
        w.u64(self.payloads_len);
        out.write_all(&w.bytes)?;
        out.write_all(&table.bytes)?;
        out.write_all(&self.files.bytes)?;
        for payload in &self.payloads {
            out.write_all(payload)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod layout_tests {
    use super::*;

    #[test]
    fn cache_layout_changes_only_with_a_new_format() {
        let fingerprint = crate::store::codec::layout_fingerprint();
        assert!(
            fingerprint == LAYOUT.1 || FORMAT != LAYOUT.0,
            "the cache layout changed (a new or moved field of a ticket, event or index entry?): \
             bump FORMAT in src/store/cache/format.rs, then set LAYOUT to ({}, {fingerprint:#x})",
            FORMAT + 1
        );
        assert_eq!((FORMAT, fingerprint), LAYOUT, "FORMAT was bumped: set LAYOUT to ({FORMAT}, {fingerprint:#x})");
    }
}
