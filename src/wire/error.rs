//! The one error type of the crate.
//!
//! An [`Error`] says *what* was wrong ([`ErrorKind`]), *where* in the
//! structure ([`Path`], e.g. `RopQueryRows.RowData[3].Value`) and *at which
//! byte* of the outermost input ([`Error::offset`]). It needs no allocator and
//! stays below 128 bytes so that `Result<T, Error>` is cheap to return.

use core::fmt;

/// The unit of a count that did not fit in the bytes that remain; only used
/// to make messages read naturally ("40000 rows need 160000 bytes").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Unit {
    /// Generic elements.
    Items,
    /// Bytes of a length-prefixed field.
    Bytes,
    /// Rows of a table.
    Rows,
    /// Property values.
    Values,
    /// Property tags.
    Tags,
    /// Restrictions.
    Restrictions,
}

impl Unit {
    fn as_str(self) -> &'static str {
        match self {
            Unit::Items => "items",
            Unit::Bytes => "bytes",
            Unit::Rows => "rows",
            Unit::Values => "values",
            Unit::Tags => "tags",
            Unit::Restrictions => "restrictions",
        }
    }
}

/// What was wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input ended before a field did.
    Truncated {
        /// Bytes the field needs.
        needed: u32,
        /// Bytes that remained.
        remaining: u32,
    },
    /// A count or length field announces more than the remaining bytes can
    /// hold, even at the smallest possible element size. Checked before
    /// anything is allocated or looped over.
    CountTooLarge {
        /// The count that was read.
        count: u32,
        /// What the count counts.
        unit: Unit,
        /// The least number of bytes `count` elements need (saturated at
        /// `u32::MAX`, which is still a lower bound).
        needed: u32,
        /// Bytes that remained.
        remaining: u32,
    },
    /// A field holds a value that the specification does not allow here.
    InvalidValue {
        /// The value that was read (or given to the encoder).
        value: u64,
    },
    /// A string has no terminating NUL before the input ends.
    Unterminated,
    /// A cap of [`Limits`](crate::wire::Limits) was exceeded.
    LimitExceeded {
        /// The value met.
        value: u32,
        /// The configured cap.
        limit: u32,
    },
    /// Valid by the specification, but not something this codec can carry
    /// (for example a property type whose size only the server knows).
    Unsupported {
        /// The value that selects the unsupported form.
        value: u64,
    },
    /// Bytes were left over where a structure must fill its buffer exactly.
    TrailingBytes {
        /// How many bytes were left.
        count: u32,
    },
    /// A fixed-capacity sink had no room for the encoded bytes.
    SinkFull {
        /// Bytes the encoder tried to write.
        needed: u32,
        /// Bytes of room that were left.
        available: u32,
    },
    /// A value cannot be encoded: a count does not fit its field, or a value
    /// does not match the type its tag announces.
    Unencodable {
        /// The offending number (count, type code, …).
        value: u64,
    },
}

/// Narrows a size to the `u32` an error stores, saturating.
#[inline]
fn sat(v: usize) -> u32 {
    u32::try_from(v).unwrap_or(u32::MAX)
}

impl ErrorKind {
    /// [`ErrorKind::Truncated`] from sizes.
    #[cold]
    pub fn truncated(needed: usize, remaining: usize) -> Self {
        ErrorKind::Truncated {
            needed: sat(needed),
            remaining: sat(remaining),
        }
    }

    /// [`ErrorKind::CountTooLarge`] from sizes.
    #[cold]
    pub fn count_too_large(count: u32, unit: Unit, needed: u64, remaining: usize) -> Self {
        ErrorKind::CountTooLarge {
            count,
            unit,
            needed: u32::try_from(needed).unwrap_or(u32::MAX),
            remaining: sat(remaining),
        }
    }

    /// [`ErrorKind::LimitExceeded`] from sizes.
    #[cold]
    pub fn limit_exceeded(value: usize, limit: usize) -> Self {
        ErrorKind::LimitExceeded {
            value: sat(value),
            limit: sat(limit),
        }
    }

    /// [`ErrorKind::TrailingBytes`] from a size.
    #[cold]
    pub fn trailing(count: usize) -> Self {
        ErrorKind::TrailingBytes { count: sat(count) }
    }

    /// [`ErrorKind::SinkFull`] from sizes.
    #[cold]
    pub fn sink_full(needed: usize, available: usize) -> Self {
        ErrorKind::SinkFull {
            needed: sat(needed),
            available: sat(available),
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            ErrorKind::Truncated { needed, remaining } => {
                write!(f, "needs {needed} bytes, {remaining} remain")
            }
            ErrorKind::CountTooLarge {
                count,
                unit: Unit::Bytes,
                needed,
                remaining,
            } if count == needed => write!(
                f,
                "length {count} runs past the end, {remaining} bytes remain"
            ),
            ErrorKind::CountTooLarge {
                count,
                unit,
                needed,
                remaining,
            } => write!(
                f,
                "{count} {} need at least {needed} bytes, {remaining} remain",
                unit.as_str()
            ),
            ErrorKind::InvalidValue { value } => write!(f, "invalid value {value:#x}"),
            ErrorKind::Unterminated => f.write_str("string has no terminator"),
            ErrorKind::LimitExceeded { value, limit } => {
                write!(f, "{value} exceeds the limit of {limit}")
            }
            ErrorKind::Unsupported { value } => write!(f, "unsupported value {value:#x}"),
            ErrorKind::TrailingBytes { count } => write!(f, "{count} unexpected trailing bytes"),
            ErrorKind::SinkFull { needed, available } => {
                write!(
                    f,
                    "sink full: {needed} bytes to write, room for {available}"
                )
            }
            ErrorKind::Unencodable { value } => write!(f, "cannot encode value {value:#x}"),
        }
    }
}

/// One step of a [`Path`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Segment {
    /// A structure or field name. Field names are stored as the Rust field
    /// (`row_data`) and shown as the specification's name (`RowData`).
    Name(&'static str),
    /// An element index within a list.
    Index(u32),
}

/// Segments a path keeps: twelve with an allocator, where the segments live in
/// a box allocated only when an error happens; two (the innermost and the
/// outermost) without one, kept inline.
#[cfg(feature = "alloc")]
const PATH_CAP: usize = 12;
#[cfg(not(feature = "alloc"))]
const PATH_CAP: usize = 2;

/// The recorded segments of a path.
#[derive(Clone, PartialEq, Eq)]
struct Frames {
    // segs[0] is the innermost segment.
    segs: [Segment; PATH_CAP],
    len: u8,
    elided: bool,
}

impl Frames {
    const EMPTY: Frames = Frames {
        segs: [Segment::Index(0); PATH_CAP],
        len: 0,
        elided: false,
    };

    fn push_outer(&mut self, seg: Segment) {
        match self.segs.get_mut(usize::from(self.len)) {
            Some(slot) => {
                *slot = seg;
                // len < PATH_CAP, a small constant.
                self.len = self.len.saturating_add(1);
            }
            None => {
                if let Some(last) = self.segs.last_mut() {
                    *last = seg;
                }
                self.elided = true;
            }
        }
    }
}

/// Where the frames of an error live. Boxed under `alloc` so that
/// `Result<T, Error>` stays small on the hot path (an inline path made row
/// decoding twice as slow); inline and shorter without an allocator.
#[cfg(feature = "alloc")]
type FrameStore = Option<alloc::boxed::Box<Frames>>;
#[cfg(not(feature = "alloc"))]
type FrameStore = Frames;

/// Where in the decoded structure an error happened, such as
/// `RopQueryRows.RowData[3].Value`; borrowed from an [`Error`].
///
/// Segments are recorded innermost first as the error travels outwards. When
/// more segments are recorded than the path keeps (twelve with the
/// `alloc` feature, two without), the innermost ones and the outermost one are kept
/// and the middle is shown as `…`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Path<'e> {
    // segs[0] is the innermost segment.
    segs: &'e [Segment],
    elided: bool,
}

impl<'e> Path<'e> {
    /// The recorded segments, outermost first.
    pub fn segments(&self) -> impl DoubleEndedIterator<Item = Segment> + 'e {
        self.segs.iter().rev().copied()
    }

    /// True when no segment has been recorded.
    pub fn is_empty(&self) -> bool {
        self.segs.is_empty()
    }

    /// True when middle segments were dropped to keep the path bounded.
    pub fn is_elided(&self) -> bool {
        self.elided
    }
}

/// Writes `snake_case` as `PascalCase`; `PascalCase` passes unchanged.
fn write_spec_name(f: &mut fmt::Formatter<'_>, name: &str) -> fmt::Result {
    use fmt::Write;
    let mut upper = true;
    for c in name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            f.write_char(c.to_ascii_uppercase())?;
            upper = false;
        } else {
            f.write_char(c)?;
        }
    }
    Ok(())
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for (i, seg) in self.segments().enumerate() {
            if self.elided && i == 1 {
                f.write_str(".…")?;
            }
            match seg {
                Segment::Name(n) => {
                    if !first {
                        f.write_str(".")?;
                    }
                    write_spec_name(f, n)?;
                }
                Segment::Index(i) => write!(f, "[{i}]")?,
            }
            first = false;
        }
        Ok(())
    }
}

impl fmt::Debug for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\"{self}\"")
    }
}

/// The error of every decoder and encoder in this crate.
///
/// ```
/// use mapi_wire::data::PropertyTag;
/// use mapi_wire::wire::Decode;
///
/// let err = PropertyTag::decode(&[0x1f, 0x00]).unwrap_err();
/// assert_eq!(err.offset(), 0);
/// assert_eq!(err.to_string(), "PropertyTag: needs 4 bytes, 2 remain (offset 0)");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    // u32 keeps the error small; inputs beyond 4 GiB report u32::MAX.
    offset: u32,
    frames: FrameStore,
}

impl Error {
    /// An error of `kind` at absolute byte `offset`.
    #[cold]
    pub fn new(kind: ErrorKind, offset: usize) -> Self {
        Error {
            kind,
            offset: u32::try_from(offset).unwrap_or(u32::MAX),
            #[cfg(feature = "alloc")]
            frames: None,
            #[cfg(not(feature = "alloc"))]
            frames: Frames::EMPTY,
        }
    }

    /// What was wrong.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// Byte offset from the start of the outermost input (for encoders: from
    /// the start of the sink).
    pub fn offset(&self) -> usize {
        self.offset as usize
    }

    /// The field path.
    pub fn path(&self) -> Path<'_> {
        #[cfg(feature = "alloc")]
        let frames: &Frames = self.frames.as_deref().unwrap_or(&Frames::EMPTY);
        #[cfg(not(feature = "alloc"))]
        let frames = &self.frames;
        Path {
            segs: frames.segs.get(..usize::from(frames.len)).unwrap_or(&[]),
            elided: frames.elided,
        }
    }

    fn push_outer(&mut self, seg: Segment) {
        #[cfg(feature = "alloc")]
        self.frames
            .get_or_insert_with(|| alloc::boxed::Box::new(Frames::EMPTY))
            .push_outer(seg);
        #[cfg(not(feature = "alloc"))]
        self.frames.push_outer(seg);
    }

    /// Records that the error happened inside the field or structure `name`.
    #[cold]
    #[must_use]
    pub fn in_field(mut self, name: &'static str) -> Self {
        self.push_outer(Segment::Name(name));
        self
    }

    /// Records that the error happened inside element `index` of a list.
    #[cold]
    #[must_use]
    pub fn at_index(mut self, index: usize) -> Self {
        self.push_outer(Segment::Index(u32::try_from(index).unwrap_or(u32::MAX)));
        self
    }

    /// Moves the error to `offset`, for errors found in bytes that have no
    /// position of their own in the input (a decompressed payload, say):
    /// the caller reports them where those bytes came from.
    ///
    /// ```
    /// use mapi_wire::wire::{Error, ErrorKind};
    ///
    /// let e = Error::new(ErrorKind::Unterminated, 700).in_field("Subject");
    /// let e = e.relocated(12);
    /// assert_eq!(e.offset(), 12);
    /// assert_eq!(e.to_string(), "Subject: string has no terminator (offset 12)");
    /// ```
    #[must_use]
    pub fn relocated(mut self, offset: usize) -> Self {
        self.offset = u32::try_from(offset).unwrap_or(u32::MAX);
        self
    }

    /// Shifts the offset, for errors found in a buffer that is itself a part
    /// of a larger input starting `by` bytes earlier.
    #[must_use]
    pub fn shifted(mut self, by: usize) -> Self {
        let by = u32::try_from(by).unwrap_or(u32::MAX);
        self.offset = self.offset.saturating_add(by);
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path();
        if !path.is_empty() {
            write!(f, "{path}: ")?;
        }
        write!(f, "{} (offset {})", self.kind, self.offset)
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Error({self})")
    }
}

impl core::error::Error for Error {}

/// Adds path segments to the error of a `Result` without touching the `Ok`
/// path.
pub trait ResultExt {
    /// See [`Error::in_field`].
    fn in_field(self, name: &'static str) -> Self;
    /// See [`Error::at_index`].
    fn at_index(self, index: usize) -> Self;
}

impl<T> ResultExt for Result<T, Error> {
    #[inline]
    fn in_field(self, name: &'static str) -> Self {
        self.map_err(|e| e.in_field(name))
    }
    #[inline]
    fn at_index(self, index: usize) -> Self {
        self.map_err(|e| e.at_index(index))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stays_small() {
        assert!(core::mem::size_of::<Error>() <= 32);
    }

    #[test]
    fn path_displays_spec_names_outermost_first() {
        let e = Error::new(
            ErrorKind::CountTooLarge {
                count: 40000,
                unit: Unit::Rows,
                needed: 160_000,
                remaining: 12,
            },
            9,
        )
        .in_field("value")
        .at_index(3)
        .in_field("row_data")
        .in_field("RopQueryRows");
        assert_eq!(
            e.to_string(),
            "RopQueryRows.RowData[3].Value: 40000 rows need at least 160000 bytes, 12 remain (offset 9)"
        );
    }

    #[test]
    fn long_paths_keep_both_ends() {
        let mut e = Error::new(ErrorKind::Unterminated, 1).in_field("value");
        for i in 0..10 {
            e = e.at_index(i).in_field("restriction");
        }
        let e = e.in_field("RopRestrict");
        assert!(e.path().is_elided());
        assert_eq!(
            e.to_string(),
            "RopRestrict.….Restriction[4].Restriction[3].Restriction[2].Restriction[1].\
             Restriction[0].Value: string has no terminator (offset 1)"
        );
    }
}
