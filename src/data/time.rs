//! PtypTime (MS-OXCDATA 2.11.1): FILETIME.

use crate::wire::{Decode, Encode, Error, Fixed, Reader, Sink};
use core::fmt;

/// A PtypTime value (MS-OXCDATA 2.11.1): a FILETIME, the number of 100 ns
/// intervals since 1601-01-01 00:00 UTC, as a little-endian 64-bit integer.
///
/// `Display` (and serde) give ISO 8601 in UTC with the full 100 ns
/// precision, so the value is readable and nothing is lost.
///
/// ```
/// use mapi_wire::data::FileTime;
///
/// // 2009-02-13 23:31:30 UTC is 1234567890 s after 1970-01-01.
/// let t = FileTime::from_unix_seconds(1_234_567_890);
/// assert_eq!(t.to_string(), "2009-02-13T23:31:30.0000000Z");
/// assert_eq!(t.unix_seconds(), 1_234_567_890);
/// assert_eq!(FileTime(0).to_string(), "1601-01-01T00:00:00.0000000Z");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct FileTime(pub u64);

/// 100 ns ticks per second.
const TICKS: u64 = 10_000_000;
/// Seconds from 1601-01-01 to 1970-01-01.
const EPOCH_DELTA: i64 = 11_644_473_600;

impl FileTime {
    /// The FILETIME of a Unix time in seconds (saturating at the ends of
    /// the representable range).
    pub const fn from_unix_seconds(secs: i64) -> FileTime {
        let s = secs.saturating_add(EPOCH_DELTA);
        if s <= 0 {
            FileTime(0)
        } else {
            FileTime((s as u64).saturating_mul(TICKS))
        }
    }

    /// Whole seconds since the Unix epoch (negative before 1970).
    pub const fn unix_seconds(self) -> i64 {
        // u64::MAX / TICKS < 2^41, far inside i64 after the subtraction.
        (self.0 / TICKS) as i64 - EPOCH_DELTA
    }

    /// The sub-second part in 100 ns ticks.
    pub const fn subsec_ticks(self) -> u32 {
        (self.0 % TICKS) as u32
    }

    /// The UTC calendar date and time: (year, month 1-12, day 1-31, hour,
    /// minute, second).
    pub const fn to_utc(self) -> (i64, u8, u8, u8, u8, u8) {
        // Cannot overflow: secs lies in [-EPOCH_DELTA, 2^41), so days and
        // z stay below 2^26 and every product below 2^37; the casts below
        // take a month (1-12), a day (1-31), an hour, a minute or a second.
        let secs = (self.0 / TICKS) as i64 - EPOCH_DELTA;
        let days = secs.div_euclid(86_400);
        let rem = secs.rem_euclid(86_400);
        // Days to civil date (proleptic Gregorian), after H. Hinnant.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
        (
            y,
            m as u8,
            d as u8,
            (rem / 3600) as u8,
            (rem % 3600 / 60) as u8,
            (rem % 60) as u8,
        )
    }
}

impl fmt::Display for FileTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, mo, d, h, mi, s) = self.to_utc();
        write!(
            f,
            "{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}.{:07}Z",
            self.subsec_ticks()
        )
    }
}

impl fmt::Debug for FileTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl<'a> Decode<'a> for FileTime {
    type Ctx = ();
    const NAME: &'static str = "Time";
    const MIN_LEN: usize = 8;
    #[inline]
    fn decode_from(r: &mut Reader<'a>, _: ()) -> Result<Self, Error> {
        r.u64().map(FileTime)
    }
}

impl Encode for FileTime {
    type Ctx = ();
    #[inline]
    fn encoded_len_with(&self, _: ()) -> usize {
        8
    }
    #[inline]
    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, _: ()) -> Result<(), Error> {
        s.put_u64(self.0)
    }
}

impl Fixed for FileTime {
    const SIZE: usize = 8;
}

#[cfg(feature = "serde")]
impl serde::Serialize for FileTime {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leap_day_and_end_of_range() {
        // 2000-02-29 12:00:00 UTC = 951825600 Unix seconds.
        let t = FileTime::from_unix_seconds(951_825_600);
        assert_eq!(t.to_string(), "2000-02-29T12:00:00.0000000Z");
        // The largest FILETIME formats without overflow (year 60056).
        assert_eq!(
            FileTime(u64::MAX).to_string(),
            "60056-05-28T05:36:10.9551615Z"
        );
        // Sub-second ticks are kept.
        assert_eq!(FileTime(1).to_string(), "1601-01-01T00:00:00.0000001Z");
    }
}
