//! The encoding of each type of value a cached record holds. A field's
//! bytes depend on its type alone, so a record's layout is just the order
//! of its fields (`layout.rs`).

use std::collections::BTreeMap;

use super::{Instant, Reader, Writer};
use chrono::NaiveDate;

use crate::ticket::{Action, AttachmentKind, Confirms, ContactWay, NoteKind, Status, Via};

pub trait Encode {
    fn encode(&self, w: &mut Writer);
}

/// `None` when the bytes are bad; never panics.
pub trait Decode: Sized {
    fn decode(r: &mut Reader<'_>) -> Option<Self>;
}

impl Encode for String {
    fn encode(&self, w: &mut Writer) {
        w.str(self);
    }
}

impl Decode for String {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        r.string()
    }
}

impl Encode for Option<String> {
    fn encode(&self, w: &mut Writer) {
        w.opt_str(self.as_deref());
    }
}

impl Decode for Option<String> {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        r.opt_string()
    }
}

impl Encode for u32 {
    fn encode(&self, w: &mut Writer) {
        w.u32(*self);
    }
}

impl Decode for u32 {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        r.u32()
    }
}

/// A flag byte, then the number.
impl Encode for Option<u32> {
    fn encode(&self, w: &mut Writer) {
        match self {
            Some(v) => {
                w.u8(1);
                w.u32(*v);
            }
            None => w.u8(0),
        }
    }
}

impl Decode for Option<u32> {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        Some(if r.flag()? { Some(r.u32()?) } else { None })
    }
}

impl Encode for u64 {
    fn encode(&self, w: &mut Writer) {
        w.u64(*self);
    }
}

impl Decode for u64 {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        r.u64()
    }
}

/// A date as days since 1 January of year 1; `i64::MIN` for none.
impl Encode for Option<NaiveDate> {
    fn encode(&self, w: &mut Writer) {
        w.i64(self.map_or(i64::MIN, |d| i64::from(chrono::Datelike::num_days_from_ce(&d))));
    }
}

impl Decode for Option<NaiveDate> {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        match r.i64()? {
            i64::MIN => Some(None),
            days => NaiveDate::from_num_days_from_ce_opt(i32::try_from(days).ok()?).map(Some),
        }
    }
}

impl Encode for bool {
    fn encode(&self, w: &mut Writer) {
        w.u8(*self as u8);
    }
}

impl Decode for bool {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        r.flag()
    }
}

/// One byte: 0 none, 1 false, 2 true.
impl Encode for Option<bool> {
    fn encode(&self, w: &mut Writer) {
        w.u8(match self {
            None => 0,
            Some(false) => 1,
            Some(true) => 2,
        });
    }
}

impl Decode for Option<bool> {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        match r.u8()? {
            0 => Some(None),
            1 => Some(Some(false)),
            2 => Some(Some(true)),
            _ => None,
        }
    }
}

impl Encode for Instant {
    fn encode(&self, w: &mut Writer) {
        w.instant(self);
    }
}

impl Decode for Instant {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        r.instant()
    }
}

impl Encode for Option<Instant> {
    fn encode(&self, w: &mut Writer) {
        w.opt_instant(self.as_ref());
    }
}

impl Decode for Option<Instant> {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        r.opt_instant()
    }
}

/// The count, then each item.
impl<T: Encode> Encode for Vec<T> {
    fn encode(&self, w: &mut Writer) {
        w.u32(self.len() as u32);
        for item in self {
            item.encode(w);
        }
    }
}

impl<T: Decode> Decode for Vec<T> {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let count = r.u32()? as usize;
        // A bad count must not reserve gigabytes before the bytes run out.
        let mut items = Vec::with_capacity(count.min(1024));
        for _ in 0..count {
            items.push(T::decode(r)?);
        }
        Some(items)
    }
}

/// Follow-up scores by dimension: the count, then name and score pairs.
impl Encode for BTreeMap<String, u32> {
    fn encode(&self, w: &mut Writer) {
        w.u32(self.len() as u32);
        for (name, score) in self {
            w.str(name);
            w.u32(*score);
        }
    }
}

impl Decode for BTreeMap<String, u32> {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let count = r.u32()? as usize;
        let mut map = BTreeMap::new();
        for _ in 0..count {
            let name = r.string()?;
            map.insert(name, r.u32()?);
        }
        Some(map)
    }
}

/// A coded value: one byte, its index in `ALL`; an optional one adds one
/// to it (0 = none).
macro_rules! coded {
    ($type:ty, $all:expr) => {
        impl Encode for $type {
            fn encode(&self, w: &mut Writer) {
                w.u8($all.iter().position(|v| v == self).expect("every variant is listed") as u8);
            }
        }

        impl Decode for $type {
            fn decode(r: &mut Reader<'_>) -> Option<Self> {
                $all.get(r.u8()? as usize).copied()
            }
        }

        impl Encode for Option<$type> {
            fn encode(&self, w: &mut Writer) {
                match self {
                    Some(v) => w.u8($all.iter().position(|x| x == v).expect("every variant is listed") as u8 + 1),
                    None => w.u8(0),
                }
            }
        }

        impl Decode for Option<$type> {
            fn decode(r: &mut Reader<'_>) -> Option<Self> {
                match r.u8()? {
                    0 => Some(None),
                    code => $all.get(code as usize - 1).copied().map(Some),
                }
            }
        }
    };
}

coded!(Status, Status::ALL);
coded!(Action, Action::ALL);
coded!(NoteKind, [NoteKind::Progress, NoteKind::Internal, NoteKind::Action]);
coded!(Confirms, Confirms::ALL);
coded!(Via, Via::ALL);
coded!(ContactWay, ContactWay::ALL);
coded!(AttachmentKind, AttachmentKind::ALL);
