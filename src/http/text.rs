//! Byte-level helpers shared by the text parts of MAPI/HTTP: character
//! classes of RFC 7230, the incremental header-line scanner, and the
//! constructors of the errors the text parsers report.
//!
//! Every scanner here looks at one byte at a time, in order, and fails at
//! the first byte that makes the input invalid. That is what makes the
//! incremental parsers give the same error, at the same offset, however
//! their input is cut into pieces.

use crate::wire::{Error, ErrorKind};

/// Caps of the HTTP text parsers: the longest line and the most header
/// fields of one block.
///
/// MS-OXCMAPIHTTP sets no such bounds; these keep a hostile peer from
/// making a parser scan or hold more than a reasonable head (RFC 7230 3.1
/// and 3.2.5 leave the choice to the recipient and suggest at least 8000
/// octets for a request line).
///
/// ```
/// use mapi_wire::http::HttpLimits;
///
/// let strict = HttpLimits { max_line: 1024, ..HttpLimits::DEFAULT };
/// assert_eq!(strict.max_headers, 100);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HttpLimits {
    /// Longest line, in bytes without its CRLF: start lines, header
    /// fields, chunk-size lines, trailer fields and the additional headers
    /// of the response stream.
    pub max_line: usize,
    /// Most header fields in one block (the HTTP head, the additional
    /// headers after DONE, or the trailer of a chunked body).
    pub max_headers: usize,
}

impl HttpLimits {
    /// 8192-byte lines, 100 fields a block.
    pub const DEFAULT: HttpLimits = HttpLimits {
        max_line: 8192,
        max_headers: 100,
    };
}

impl Default for HttpLimits {
    fn default() -> Self {
        HttpLimits::DEFAULT
    }
}

/// The characters of RFC 7230 3.2.6 `tchar`.
const fn tchar_table() -> [bool; 256] {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        t[i] = c.is_ascii_alphanumeric()
            || matches!(
                c,
                b'!' | b'#'
                    | b'$'
                    | b'%'
                    | b'&'
                    | b'\''
                    | b'*'
                    | b'+'
                    | b'-'
                    | b'.'
                    | b'^'
                    | b'_'
                    | b'`'
                    | b'|'
                    | b'~'
            );
        i += 1;
    }
    t
}

static TCHAR: [bool; 256] = tchar_table();

/// The characters of a field value: field-vchar, SP, HTAB (RFC 7230 3.2).
const fn value_table() -> [bool; 256] {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        t[i] = (c >= 0x21 && c <= 0x7E) || c >= 0x80 || c == b' ' || c == b'\t';
        i += 1;
    }
    t
}

static VALUE: [bool; 256] = value_table();

/// `tchar` (RFC 7230 3.2.6): the characters of a token such as a field
/// name or a method.
#[inline]
pub(crate) fn is_tchar(b: u8) -> bool {
    TCHAR[usize::from(b)]
}

/// `field-vchar` (RFC 7230 3.2): a visible character or obs-text.
#[inline]
pub(crate) fn is_vchar(b: u8) -> bool {
    (0x21..=0x7E).contains(&b) || b >= 0x80
}

/// A character allowed inside a field value (RFC 7230 3.2): field-vchar,
/// SP or HTAB.
#[inline]
pub(crate) fn is_value_char(b: u8) -> bool {
    VALUE[usize::from(b)]
}

/// True when `s` is a non-empty token.
pub(crate) fn is_token(s: &[u8]) -> bool {
    !s.is_empty() && s.iter().all(|&b| is_tchar(b))
}

/// True when every byte of `s` may stand in a field value and `s` neither
/// starts nor ends with white space (which the parser would take for
/// OWS).
pub(crate) fn is_field_value(s: &[u8]) -> bool {
    s.iter().all(|&b| is_value_char(b))
        && !s.first().is_some_and(|&b| is_ows(b))
        && !s.last().is_some_and(|&b| is_ows(b))
}

/// True when every byte of `s` is SP or HTAB (optional white space).
pub(crate) fn is_ows_run(s: &[u8]) -> bool {
    s.iter().all(|&b| is_ows(b))
}

#[inline]
fn is_ows(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

/// Length of the run of bytes of `input` from `from` on that satisfy
/// `class`.
#[inline]
pub(crate) fn run_len(input: &[u8], from: usize, class: impl Fn(u8) -> bool) -> usize {
    input.get(from..).map_or(0, |rest| {
        rest.iter().position(|&b| !class(b)).unwrap_or(rest.len())
    })
}

/// Narrows a stream offset to the `usize` an [`Error`] takes.
#[inline]
pub(crate) fn at(offset: u64) -> usize {
    usize::try_from(offset).unwrap_or(usize::MAX)
}

/// The byte `b` at absolute `offset` may not stand where it stands; the
/// path names the part of the syntax (`field`) and the structure.
#[cold]
pub(crate) fn bad_byte(b: u8, offset: u64, field: &'static str) -> Error {
    Error::new(
        ErrorKind::InvalidValue {
            value: u64::from(b),
        },
        at(offset),
    )
    .in_field(field)
}

/// A line that started at `offset` grew past `max_line` bytes.
#[cold]
pub(crate) fn line_too_long(offset: u64, max_line: usize, field: &'static str) -> Error {
    Error::new(
        ErrorKind::limit_exceeded(max_line.saturating_add(1), max_line),
        at(offset),
    )
    .in_field(field)
}

/// The input ended where at least `needed` more bytes were due.
#[cold]
pub(crate) fn ended(needed: usize, offset: u64, field: &'static str) -> Error {
    Error::new(ErrorKind::truncated(needed, 0), at(offset)).in_field(field)
}

/// A value that cannot be written as header text.
#[cold]
pub(crate) fn unencodable(value: u64, position: usize, field: &'static str) -> Error {
    Error::new(ErrorKind::Unencodable { value }, position).in_field(field)
}

/// Where the header-line scanner is within a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scan {
    /// Nothing of the line seen yet.
    Start,
    /// Inside the field name.
    Name,
    /// After the colon: OWS, the value, OWS.
    Value,
    /// A CR ended a field line; LF must follow.
    Cr,
    /// A CR opened the line: the empty line that ends the block; LF must
    /// follow.
    BlankCr,
}

/// What a complete line held.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Line {
    /// A header field of `len` bytes, CRLF not counted, whose colon is at
    /// `colon` within the line and whose first byte is at absolute
    /// `start`.
    Field {
        len: usize,
        colon: usize,
        start: u64,
    },
    /// The empty line.
    Blank,
}

/// An incremental scanner of `header-field CRLF` lines (RFC 7230 3.2)
/// and of the empty line that ends a block of them.
///
/// Field names are tokens; values are field-vchar, SP and HTAB; lines
/// end in CRLF (a bare LF, obsolete line folding and white space before
/// the colon are rejected). The scanner keeps no bytes: it validates them
/// as they pass and remembers only where it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct LineScan {
    state: Scan,
    /// Content bytes of the line seen so far.
    len: usize,
    /// Position of the colon within the line.
    colon: usize,
    /// Absolute offset of the line's first byte.
    start: u64,
}

impl LineScan {
    /// A scanner at the start of a line.
    pub(crate) const fn new() -> Self {
        LineScan {
            state: Scan::Start,
            len: 0,
            colon: 0,
            start: 0,
        }
    }

    /// True when no byte of the current line has been seen.
    pub(crate) fn at_start(&self) -> bool {
        self.state == Scan::Start
    }

    /// Scans `input`, whose first byte is at absolute `offset`. Returns the
    /// number of bytes consumed and the line once its LF is seen (the
    /// scanner is then ready for the next line), or `None` when every byte
    /// was consumed without ending the line. `field` names the block in
    /// errors.
    #[inline]
    pub(crate) fn feed(
        &mut self,
        input: &[u8],
        offset: u64,
        max_line: usize,
        field: &'static str,
    ) -> Result<Option<(usize, Line)>, Error> {
        let mut i = 0;
        while let Some(&b) = input.get(i) {
            let here = offset + i as u64;
            match self.state {
                Scan::Start => {
                    self.start = here;
                    if b == b'\r' {
                        self.state = Scan::BlankCr;
                    } else if is_tchar(b) {
                        self.state = Scan::Name;
                        self.len = 1;
                    } else {
                        return Err(bad_byte(b, here, "FieldName").in_field(field));
                    }
                    i += 1;
                }
                Scan::Name => {
                    // A run of name characters at once; then the byte
                    // that ends it.
                    let run = run_len(input, i, is_tchar);
                    if run > 0 {
                        self.grow(run, max_line, field)?;
                        i += run;
                    } else if b == b':' {
                        self.colon = self.len;
                        self.state = Scan::Value;
                        self.grow(1, max_line, field)?;
                        i += 1;
                    } else {
                        return Err(bad_byte(b, here, "FieldName").in_field(field));
                    }
                }
                Scan::Value => {
                    let run = run_len(input, i, is_value_char);
                    if run > 0 {
                        self.grow(run, max_line, field)?;
                        i += run;
                    } else if b == b'\r' {
                        self.state = Scan::Cr;
                        i += 1;
                    } else {
                        return Err(bad_byte(b, here, "FieldValue").in_field(field));
                    }
                }
                Scan::Cr | Scan::BlankCr => {
                    if b != b'\n' {
                        return Err(bad_byte(b, here, "LineEnd").in_field(field));
                    }
                    let line = if self.state == Scan::Cr {
                        Line::Field {
                            len: self.len,
                            colon: self.colon,
                            start: self.start,
                        }
                    } else {
                        Line::Blank
                    };
                    *self = LineScan::new();
                    return Ok(Some((i + 1, line)));
                }
            }
        }
        Ok(None)
    }

    /// Counts `n` more content bytes, failing beyond `max_line` (at the
    /// start of the line, whichever byte crossed the limit, so that the
    /// error does not depend on how the input was cut).
    #[inline]
    fn grow(&mut self, n: usize, max_line: usize, field: &'static str) -> Result<(), Error> {
        self.len = self.len.saturating_add(n);
        if self.len > max_line {
            return Err(line_too_long(self.start, max_line, field));
        }
        Ok(())
    }

    /// How many bytes at least the current line still needs (for the
    /// error at the end of the input).
    pub(crate) fn needed(&self) -> usize {
        match self.state {
            Scan::Start => 2,
            Scan::Name => 3,
            Scan::Value | Scan::BlankCr => 2,
            Scan::Cr => 1,
        }
    }

    /// True when the scanner stands right after a CR (its content bytes
    /// are all seen).
    pub(crate) fn after_cr(&self) -> bool {
        matches!(self.state, Scan::Cr | Scan::BlankCr)
    }
}

/// Parses a decimal number of at most `u64` without sign, white space or
/// leading `+`; `None` when `s` is empty, holds anything else or
/// overflows.
pub(crate) fn parse_decimal(s: &[u8]) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    let mut v: u64 = 0;
    for &b in s {
        if !b.is_ascii_digit() {
            return None;
        }
        v = v.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
    }
    Some(v)
}

/// Parses a decimal number of at most `max`; on failure returns the index
/// of the first byte that is not a digit or that makes the number exceed
/// `max` (the length when `s` is empty).
pub(crate) fn parse_decimal_max(s: &[u8], max: u64) -> Result<u64, usize> {
    if s.is_empty() {
        return Err(0);
    }
    let mut v: u64 = 0;
    for (i, &b) in s.iter().enumerate() {
        if !b.is_ascii_digit() {
            return Err(i);
        }
        v = v
            .checked_mul(10)
            .and_then(|v| v.checked_add(u64::from(b - b'0')))
            .filter(|&v| v <= max)
            .ok_or(i)?;
    }
    Ok(v)
}

/// Writes `v` in decimal into `buf`; returns the used tail.
pub(crate) fn decimal(mut v: u64, buf: &mut [u8; 20]) -> &[u8] {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    &buf[i..]
}

/// Writes `v` in upper-case hexadecimal into `buf`; returns the used tail.
pub(crate) fn hex_upper(mut v: u64, buf: &mut [u8; 16]) -> &[u8] {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = DIGITS[(v & 0xF) as usize];
        v >>= 4;
        if v == 0 {
            break;
        }
    }
    &buf[i..]
}

/// Number of decimal digits of `v`.
pub(crate) fn decimal_len(v: u64) -> usize {
    let mut buf = [0u8; 20];
    decimal(v, &mut buf).len()
}

/// Shows bytes as text, replacing invalid UTF-8 by U+FFFD, without
/// allocating.
pub(crate) struct Lossy<'b>(pub &'b [u8]);

impl core::fmt::Display for Lossy<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        for chunk in self.0.utf8_chunks() {
            f.write_str(chunk.valid())?;
            if !chunk.invalid().is_empty() {
                f.write_str("\u{FFFD}")?;
            }
        }
        Ok(())
    }
}

impl core::fmt::Debug for Lossy<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        use core::fmt::Write;
        f.write_char('"')?;
        for chunk in self.0.utf8_chunks() {
            for c in chunk.valid().chars() {
                for e in c.escape_debug() {
                    f.write_char(e)?;
                }
            }
            for b in chunk.invalid() {
                write!(f, "\\x{b:02x}")?;
            }
        }
        f.write_char('"')
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Lossy<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan_all(input: &[u8]) -> Result<Option<(usize, Line)>, Error> {
        LineScan::new().feed(input, 0, 64, "Block")
    }

    #[test]
    fn field_lines_and_the_blank_line() {
        assert_eq!(
            scan_all(b"X-A: 1\r\nrest").unwrap(),
            Some((
                8,
                Line::Field {
                    len: 6,
                    colon: 3,
                    start: 0
                }
            ))
        );
        assert_eq!(scan_all(b"\r\nrest").unwrap(), Some((2, Line::Blank)));
        assert_eq!(scan_all(b"X-A: 1").unwrap(), None);
    }

    #[test]
    fn bytes_at_a_time_give_the_same_line() {
        let line = b"Name:\tv a l\x80\r\n";
        let mut s = LineScan::new();
        let mut got = None;
        for (i, b) in line.iter().enumerate() {
            if let Some(r) = s.feed(core::slice::from_ref(b), i as u64, 64, "B").unwrap() {
                got = Some(r.1);
            }
        }
        assert_eq!(
            got,
            Some(Line::Field {
                len: 12,
                colon: 4,
                start: 0
            })
        );
    }

    #[test]
    fn errors_point_at_the_offending_byte() {
        let e = scan_all(b"Bad Name: x\r\n").unwrap_err();
        assert_eq!(e.offset(), 3);
        assert_eq!(e.kind(), ErrorKind::InvalidValue { value: 0x20 });
        assert_eq!(
            e.to_string(),
            "Block.FieldName: invalid value 0x20 (offset 3)"
        );
        let e = scan_all(b"A: x\ny").unwrap_err();
        assert_eq!(
            (e.offset(), e.kind()),
            (4, ErrorKind::InvalidValue { value: 10 })
        );
        let e = scan_all(b"A: x\r\r").unwrap_err();
        assert_eq!(e.to_string(), "Block.LineEnd: invalid value 0xd (offset 5)");
        let e = scan_all(b" folded\r\n").unwrap_err();
        assert_eq!(e.offset(), 0);
    }

    #[test]
    fn long_lines_fail_at_their_start() {
        let mut line = Vec::from(&b"N:"[..]);
        line.extend(core::iter::repeat_n(b'v', 63));
        let e = LineScan::new().feed(&line, 100, 64, "B").unwrap_err();
        assert_eq!(e.offset(), 100);
        assert_eq!(
            e.kind(),
            ErrorKind::LimitExceeded {
                value: 65,
                limit: 64
            }
        );
    }

    #[test]
    fn numbers() {
        assert_eq!(parse_decimal(b"0"), Some(0));
        assert_eq!(parse_decimal(b"18446744073709551615"), Some(u64::MAX));
        assert_eq!(parse_decimal(b"18446744073709551616"), None);
        assert_eq!(parse_decimal(b""), None);
        assert_eq!(parse_decimal(b"+1"), None);
        let mut b = [0; 20];
        assert_eq!(decimal(0, &mut b), b"0");
        assert_eq!(decimal(15000, &mut b), b"15000");
        let mut h = [0; 16];
        assert_eq!(hex_upper(12, &mut h), b"C");
        assert_eq!(hex_upper(0x1F00, &mut h), b"1F00");
        assert_eq!(decimal_len(u64::MAX), 20);
    }
}
