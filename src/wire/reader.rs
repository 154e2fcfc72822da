//! The decoding cursor.

use super::error::{Error, ErrorKind, Unit};
use super::limits::Limits;
use nom::number::complete as num;

/// Width of a count or length prefix on the wire.
///
/// MS-OXCDATA 2.11.1.1 calls these fields COUNT: 2 bytes in some contexts and
/// 4 bytes in others, never mixed within one buffer. The context is always an
/// explicit parameter in this crate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum Width {
    /// One byte.
    U8,
    /// Two bytes, little-endian.
    U16,
    /// Four bytes, little-endian.
    U32,
}

impl Width {
    /// Number of bytes the prefix occupies.
    #[inline]
    pub const fn size(self) -> usize {
        match self {
            Width::U8 => 1,
            Width::U16 => 2,
            Width::U32 => 4,
        }
    }

    /// Largest value the prefix can hold.
    #[inline]
    pub const fn max(self) -> u32 {
        match self {
            Width::U8 => u8::MAX as u32,
            Width::U16 => u16::MAX as u32,
            Width::U32 => u32::MAX,
        }
    }
}

/// A cursor over a borrowed input that knows its absolute offset, the
/// [`Limits`] in force and the current nesting depth.
///
/// Every read is bounds-checked and fails with an [`Error`] carrying the
/// absolute offset; nothing here can panic.
///
/// ```
/// use mapi_wire::wire::Reader;
///
/// let mut r = Reader::new(&[0x01, 0x02, 0x03]);
/// assert_eq!(r.u16().unwrap(), 0x0201);
/// assert_eq!(r.offset(), 2);
/// assert!(r.u16().is_err());
/// ```
#[derive(Clone, Debug)]
pub struct Reader<'a> {
    buf: &'a [u8],
    offset: usize,
    depth: u16,
    limits: Limits,
}

impl<'a> Reader<'a> {
    /// A reader over `input` with [`Limits::DEFAULT`].
    #[inline]
    pub fn new(input: &'a [u8]) -> Self {
        Self::with_limits(input, Limits::DEFAULT)
    }

    /// A reader over `input` with the given limits.
    #[inline]
    pub fn with_limits(input: &'a [u8], limits: Limits) -> Self {
        Reader {
            buf: input,
            offset: 0,
            depth: 0,
            limits,
        }
    }

    /// A reader over `input`, which starts `offset` bytes into some larger
    /// input; errors report offsets in that larger input.
    #[inline]
    pub fn at_offset(input: &'a [u8], offset: usize, limits: Limits) -> Self {
        Reader {
            buf: input,
            offset,
            depth: 0,
            limits,
        }
    }

    /// The limits in force.
    #[inline]
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// Absolute offset of the next byte.
    #[inline]
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// Number of bytes left.
    #[inline]
    pub fn remaining(&self) -> usize {
        self.buf.len()
    }

    /// True when no byte is left.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.buf.is_empty()
    }

    /// The bytes left, without consuming them.
    #[inline]
    pub fn peek_rest(&self) -> &'a [u8] {
        self.buf
    }

    /// The next byte, without consuming it.
    #[inline]
    pub fn peek_u8(&self) -> Result<u8, Error> {
        match self.buf.first() {
            Some(b) => Ok(*b),
            None => Err(self.truncated(1)),
        }
    }

    /// An error of `kind` at the current offset.
    #[cold]
    pub fn error(&self, kind: ErrorKind) -> Error {
        Error::new(kind, self.offset)
    }

    /// An error of `kind` at an earlier absolute offset (for a field whose
    /// value turns out to be wrong only after it was read).
    #[cold]
    pub fn error_at(&self, kind: ErrorKind, offset: usize) -> Error {
        Error::new(kind, offset)
    }

    /// An [`ErrorKind::InvalidValue`] for a field that started `size` bytes
    /// before the current position.
    #[cold]
    pub fn invalid(&self, value: u64, size: usize) -> Error {
        Error::new(
            ErrorKind::InvalidValue { value },
            self.offset.saturating_sub(size),
        )
    }

    #[cold]
    fn truncated(&self, needed: usize) -> Error {
        self.error(ErrorKind::truncated(needed, self.buf.len()))
    }

    #[inline]
    fn advance(&mut self, n: usize) {
        // Callers have checked `n <= self.buf.len()`. The offset saturates:
        // `at_offset` lets a caller start anywhere, even near `usize::MAX`.
        self.buf = self.buf.get(n..).unwrap_or(&[]);
        self.offset = self.offset.saturating_add(n);
    }

    /// Runs one of nom's complete parsers over the rest of the input.
    #[inline]
    fn nom<T>(
        &mut self,
        size: usize,
        p: impl FnOnce(&'a [u8]) -> nom::IResult<&'a [u8], T, ()>,
    ) -> Result<T, Error> {
        match p(self.buf) {
            Ok((rest, v)) => {
                // `rest` is a suffix of `self.buf`.
                let used = self.buf.len().saturating_sub(rest.len());
                self.offset = self.offset.saturating_add(used);
                self.buf = rest;
                Ok(v)
            }
            Err(_) => Err(self.truncated(size)),
        }
    }

    /// Reads one byte.
    #[inline]
    pub fn u8(&mut self) -> Result<u8, Error> {
        self.nom(1, num::u8)
    }
    /// Reads a little-endian `u16`.
    #[inline]
    pub fn u16(&mut self) -> Result<u16, Error> {
        self.nom(2, num::le_u16)
    }
    /// Reads a little-endian `u32`.
    #[inline]
    pub fn u32(&mut self) -> Result<u32, Error> {
        self.nom(4, num::le_u32)
    }
    /// Reads a little-endian `u64`.
    #[inline]
    pub fn u64(&mut self) -> Result<u64, Error> {
        self.nom(8, num::le_u64)
    }
    /// Reads a little-endian `i16`.
    #[inline]
    pub fn i16(&mut self) -> Result<i16, Error> {
        self.nom(2, num::le_i16)
    }
    /// Reads a little-endian `i32`.
    #[inline]
    pub fn i32(&mut self) -> Result<i32, Error> {
        self.nom(4, num::le_i32)
    }
    /// Reads a little-endian `i64`.
    #[inline]
    pub fn i64(&mut self) -> Result<i64, Error> {
        self.nom(8, num::le_i64)
    }
    /// Reads a little-endian IEEE-754 `f32`, bit for bit.
    #[inline]
    pub fn f32(&mut self) -> Result<f32, Error> {
        self.u32().map(f32::from_bits)
    }
    /// Reads a little-endian IEEE-754 `f64`, bit for bit.
    #[inline]
    pub fn f64(&mut self) -> Result<f64, Error> {
        self.u64().map(f64::from_bits)
    }

    /// Reads a count or length prefix of the given width.
    #[inline]
    pub fn uint(&mut self, width: Width) -> Result<u32, Error> {
        match width {
            Width::U8 => self.u8().map(u32::from),
            Width::U16 => self.u16().map(u32::from),
            Width::U32 => self.u32(),
        }
    }

    /// Takes the next `n` bytes.
    #[inline]
    pub fn bytes(&mut self, n: usize) -> Result<&'a [u8], Error> {
        self.nom(n, nom::bytes::complete::take(n))
    }

    /// Takes the next `N` bytes as an array.
    #[inline]
    pub fn array<const N: usize>(&mut self) -> Result<[u8; N], Error> {
        match self.buf.first_chunk::<N>() {
            Some(a) => {
                let a = *a;
                self.advance(N);
                Ok(a)
            }
            None => Err(self.truncated(N)),
        }
    }

    /// Takes every byte that is left.
    #[inline]
    pub fn rest(&mut self) -> &'a [u8] {
        let all = self.buf;
        self.advance(all.len());
        all
    }

    /// Splits off a reader over the next `n` bytes (for a length-prefixed
    /// field); errors inside it keep absolute offsets. The nesting depth and
    /// limits carry over.
    #[inline]
    pub fn sub(&mut self, n: usize) -> Result<Reader<'a>, Error> {
        let offset = self.offset;
        let buf = self.bytes(n)?;
        Ok(Reader {
            buf,
            offset,
            depth: self.depth,
            limits: self.limits,
        })
    }

    /// Takes bytes up to a single `0x00`, which is consumed but not returned
    /// (PtypString8, MS-OXCDATA 2.11.1).
    #[inline]
    pub fn until_nul8(&mut self) -> Result<&'a [u8], Error> {
        match find_nul8(self.buf) {
            Some(n) => {
                let s = self.buf.get(..n).unwrap_or(&[]);
                // n < len, so the terminator is there to be consumed.
                self.advance(n.saturating_add(1));
                Ok(s)
            }
            None => Err(self.error(ErrorKind::Unterminated)),
        }
    }

    /// Takes 16-bit code units up to a `0x0000` unit, which is consumed but
    /// not returned (PtypString, MS-OXCDATA 2.11.1). The scan steps two bytes
    /// at a time from the start of the value, so `00 00` straddling two code
    /// units is not taken for a terminator.
    #[inline]
    pub fn until_nul16(&mut self) -> Result<&'a [u8], Error> {
        match find_nul16(self.buf) {
            Some(n) => {
                let s = self.buf.get(..n).unwrap_or(&[]);
                // n + 2 <= len: the terminator unit is there to be consumed.
                self.advance(n.saturating_add(2));
                Ok(s)
            }
            None => Err(self.error(ErrorKind::Unterminated)),
        }
    }

    /// Checks that `count` elements of at least `min_size` bytes each can fit
    /// in the bytes that remain, and that `count` is within
    /// [`Limits::max_count`]. Call this before looping over or allocating for
    /// a count read from the input. `count_size` is the width of the count
    /// field just read, so that the error points at it.
    #[inline]
    pub fn check_count(
        &self,
        count: u32,
        min_size: usize,
        unit: Unit,
        count_size: usize,
    ) -> Result<usize, Error> {
        let at = self.offset.saturating_sub(count_size);
        if count > self.limits.max_count {
            return Err(self.error_at(
                ErrorKind::LimitExceeded {
                    value: count,
                    limit: self.limits.max_count,
                },
                at,
            ));
        }
        let needed = u64::from(count).saturating_mul(min_size as u64);
        if needed > self.buf.len() as u64 {
            return Err(self.error_at(
                ErrorKind::count_too_large(count, unit, needed, self.buf.len()),
                at,
            ));
        }
        Ok(count as usize)
    }

    /// Reads a count of the given width and checks it with
    /// [`check_count`](Self::check_count).
    #[inline]
    pub fn count(&mut self, width: Width, min_size: usize, unit: Unit) -> Result<usize, Error> {
        let n = self.uint(width)?;
        self.check_count(n, min_size, unit, width.size())
    }

    /// Reads a byte-length prefix of the given width and checks it against
    /// the bytes that remain (byte lengths are bounded by the input, not by
    /// [`Limits::max_count`], which caps element counts).
    #[inline]
    pub fn byte_len(&mut self, width: Width) -> Result<usize, Error> {
        let n = self.uint(width)?;
        if n as usize > self.buf.len() {
            return Err(self.error_at(
                ErrorKind::count_too_large(n, Unit::Bytes, u64::from(n), self.buf.len()),
                self.offset.saturating_sub(width.size()),
            ));
        }
        Ok(n as usize)
    }

    /// Runs `f` one nesting level deeper, failing with
    /// [`ErrorKind::LimitExceeded`] beyond [`Limits::max_depth`].
    #[inline]
    pub fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T, Error>) -> Result<T, Error> {
        if self.depth >= self.limits.max_depth {
            return Err(self.error(ErrorKind::LimitExceeded {
                value: u32::from(self.depth) + 1,
                limit: u32::from(self.limits.max_depth),
            }));
        }
        // Restores the depth it found, whatever `f` did to the reader
        // (depth < max_depth <= u16::MAX, so the increment cannot saturate).
        let depth = self.depth;
        self.depth = depth.saturating_add(1);
        let r = f(self);
        self.depth = depth;
        r
    }

    /// Fails with [`ErrorKind::TrailingBytes`] unless every byte was used.
    #[inline]
    pub fn finish(&self) -> Result<(), Error> {
        if self.buf.is_empty() {
            Ok(())
        } else {
            Err(self.error(ErrorKind::trailing(self.buf.len())))
        }
    }
}

/// Bit tricks that find a zero lane in a word without a branch per byte:
/// `(x - ONES) & !x & HIGHS` is non-zero exactly when some lane of `x` is
/// zero, and its lowest set bit marks the first such lane.
const ONES8: u64 = 0x0101_0101_0101_0101;
const HIGHS8: u64 = 0x8080_8080_8080_8080;
const ONES16: u64 = 0x0001_0001_0001_0001;
const HIGHS16: u64 = 0x8000_8000_8000_8000;

// In both scans every position is below `buf.len() <= isize::MAX`, so the
// wrapping arithmetic on positions never wraps.

/// Position of the first 0x00 byte.
#[inline]
fn find_nul8(buf: &[u8]) -> Option<usize> {
    let (words, tail) = buf.as_chunks::<8>();
    for (i, w) in words.iter().enumerate() {
        let x = u64::from_le_bytes(*w);
        let z = x.wrapping_sub(ONES8) & !x & HIGHS8;
        if z != 0 {
            let lane = (z.trailing_zeros() / 8) as usize;
            return Some(i.wrapping_mul(8).wrapping_add(lane));
        }
    }
    let base = words.len().wrapping_mul(8);
    tail.iter()
        .position(|&b| b == 0)
        .map(|p| base.wrapping_add(p))
}

/// Byte position of the first aligned 0x0000 code unit.
#[inline]
fn find_nul16(buf: &[u8]) -> Option<usize> {
    let (words, tail) = buf.as_chunks::<8>();
    for (i, w) in words.iter().enumerate() {
        let x = u64::from_le_bytes(*w);
        let z = x.wrapping_sub(ONES16) & !x & HIGHS16;
        if z != 0 {
            let lane = (z.trailing_zeros() / 16) as usize;
            return Some(i.wrapping_mul(8).wrapping_add(lane.wrapping_mul(2)));
        }
    }
    let base = words.len().wrapping_mul(8);
    let (units, _) = tail.as_chunks::<2>();
    units
        .iter()
        .position(|u| *u == [0, 0])
        .map(|p| base.wrapping_add(p.wrapping_mul(2)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_little_endian() {
        let mut r = Reader::new(&[1, 2, 3, 4, 5, 6, 7, 8, 9]);
        assert_eq!(r.u8().unwrap(), 1);
        assert_eq!(r.u64().unwrap(), 0x0908_0706_0504_0302);
        assert!(r.is_empty());
        assert_eq!(r.offset(), 9);
    }

    #[test]
    fn truncation_reports_the_offset_and_sizes() {
        let mut r = Reader::new(&[1, 2, 3]);
        r.u8().unwrap();
        let e = r.u32().unwrap_err();
        assert_eq!(e.offset(), 1);
        assert_eq!(
            e.kind(),
            ErrorKind::Truncated {
                needed: 4,
                remaining: 2
            }
        );
        // Nothing was consumed by the failed read.
        assert_eq!(r.remaining(), 2);
    }

    #[test]
    fn utf16_terminator_is_aligned() {
        // 'A' 0x0100 then the terminator: the bytes `00 00` at offsets 1..3
        // straddle two code units and must not end the string.
        let mut r = Reader::new(&[0x41, 0x00, 0x00, 0x01, 0x00, 0x00, 0xAA]);
        assert_eq!(r.until_nul16().unwrap(), &[0x41, 0x00, 0x00, 0x01]);
        assert_eq!(r.rest(), &[0xAA]);
    }

    #[test]
    fn word_scans_agree_with_byte_scans() {
        // Every position of the terminator, with and without lookalikes
        // (0x80/0x8000 lanes, straddling zeros) around it.
        for len in 0..40usize {
            for fill in [0x41u8, 0x80, 0x01, 0xFF] {
                let mut b = vec![fill; len];
                assert_eq!(find_nul8(&b), None);
                b.push(0);
                b.extend_from_slice(&[0, 7, 0]);
                assert_eq!(find_nul8(&b), Some(len));

                let mut u: Vec<u8> = (0..len).flat_map(|i| [fill, (i % 3) as u8]).collect();
                if len > 2 {
                    // A straddling 00 00 across units 0 and 1.
                    u[1] = 0;
                    u[2] = 0;
                    u[3] = 1;
                }
                let expected = u.chunks_exact(2).position(|c| c == [0, 0]).map(|p| p * 2);
                assert_eq!(find_nul16(&u), expected);
                u.extend_from_slice(&[0, 0]);
                let expected = u.chunks_exact(2).position(|c| c == [0, 0]).map(|p| p * 2);
                assert_eq!(find_nul16(&u), expected);
            }
        }
    }

    #[test]
    fn odd_length_utf16_is_unterminated() {
        let mut r = Reader::new(&[0x41, 0x00, 0x00]);
        assert_eq!(r.until_nul16().unwrap_err().kind(), ErrorKind::Unterminated);
    }

    #[test]
    fn counts_are_checked_against_remaining_bytes() {
        let mut r = Reader::new(&[0x40, 0x9C, 0, 0, 0, 0]);
        let e = r.count(Width::U16, 4, Unit::Rows).unwrap_err();
        assert_eq!(e.offset(), 0);
        assert_eq!(
            e.kind(),
            ErrorKind::CountTooLarge {
                count: 40000,
                unit: Unit::Rows,
                needed: 160_000,
                remaining: 4
            }
        );
    }

    #[test]
    fn sub_readers_keep_absolute_offsets() {
        let mut r = Reader::new(&[9, 9, 1, 2]);
        r.u16().unwrap();
        let mut s = r.sub(1).unwrap();
        assert_eq!(s.offset(), 2);
        s.u8().unwrap();
        assert_eq!(s.u8().unwrap_err().offset(), 3);
        assert_eq!(r.offset(), 3);
    }

    #[test]
    fn nesting_is_bounded() {
        fn dive(r: &mut Reader<'_>) -> Result<(), Error> {
            r.nested(dive)
        }
        let lim = Limits {
            max_depth: 10,
            ..Limits::DEFAULT
        };
        let e = dive(&mut Reader::with_limits(&[], lim)).unwrap_err();
        assert_eq!(
            e.kind(),
            ErrorKind::LimitExceeded {
                value: 11,
                limit: 10
            }
        );
    }
}
