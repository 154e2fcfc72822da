//! The chunked transfer coding of HTTP/1.1 (RFC 7230 4.1), which
//! MS-OXCMAPIHTTP servers use when the whole response is not available at
//! once (2.2.3.2.5, 3.2.5.2): an incremental, zero-copy decoder and the
//! writer of chunks.
//!
//! MS-OXCMAPIHTTP 3.1.5.6 makes the client "isolate the receiving of
//! response chunks from the parsing and interpreting of the inner
//! response stream": chunk boundaries mean nothing to the PROCESSING /
//! PENDING / DONE stream. This codec therefore keeps the two apart: the
//! [`ChunkedDecoder`] turns wire bytes into data slices, which feed the
//! [`ResponseStream`](super::ResponseStream) parser; a proxy that sees the
//! wire runs both, a client whose HTTP library de-chunks runs only the
//! second.

use super::text::{self, HttpLimits, Line, LineScan, at, bad_byte, line_too_long};
use crate::wire::{Error, ErrorKind, Sink};

/// Where the decoder is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ck {
    /// In the hexadecimal chunk size; `digits` seen so far.
    Size { digits: u32 },
    /// After the size: chunk extensions up to the CR.
    Ext,
    /// The CR of the size line was seen.
    SizeLf,
    /// In the chunk data.
    Data,
    /// The data ended; CR expected.
    DataCr,
    /// LF expected.
    DataLf,
    /// After the last chunk: trailer fields up to the empty line.
    Trailer(LineScan),
    /// The chunked body is complete.
    Done,
}

/// What the decoder found.
///
/// ```
/// use mapi_wire::http::{ChunkEvent, ChunkedDecoder};
///
/// let mut d = ChunkedDecoder::new();
/// let mut input = &b"2\r\nok\r\n"[..];
/// assert_eq!(d.next(&mut input).unwrap(), Some(ChunkEvent::Size(2)));
/// assert_eq!(d.next(&mut input).unwrap(), Some(ChunkEvent::Data(b"ok")));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChunkEvent<'i> {
    /// A chunk-size line: a chunk of this many data bytes follows (0 for
    /// the last chunk).
    Size(u64),
    /// Chunk data, borrowed from the input.
    Data(&'i [u8]),
    /// The last chunk and the trailer are complete; the body ends here.
    End,
}

/// An incremental decoder of a chunked body (RFC 7230 4.1): wire bytes in,
/// data slices out, in any chunking of the input.
///
/// The decoder copies nothing and keeps a few words of state. Chunk sizes
/// are hexadecimal of either case with any number of leading zeros (but at
/// most 64 bits); extensions are checked for valid characters and skipped;
/// trailer fields are checked like header fields and skipped. Lines longer
/// than [`HttpLimits::max_line`] fail.
///
/// ```
/// use mapi_wire::http::{ChunkEvent, ChunkedDecoder};
///
/// // MS-OXCMAPIHTTP 4.2: the first chunk of the Execute response, then a
/// // keep-alive chunk (vectors mapihttp-4.2-chunk-processing and -pending),
/// // then the last chunk.
/// let wire = b"C\r\nPROCESSING\r\n\r\n9\r\nPENDING\r\n\r\n0\r\n\r\n";
/// let mut dec = ChunkedDecoder::new();
/// let mut input = &wire[..];
/// let mut data = Vec::new();
/// while let Some(ev) = dec.next(&mut input).unwrap() {
///     match ev {
///         ChunkEvent::Data(d) => data.extend_from_slice(d),
///         ChunkEvent::Size(_) => {}
///         ChunkEvent::End => break,
///     }
/// }
/// assert_eq!(data, b"PROCESSING\r\nPENDING\r\n");
/// assert!(dec.is_done() && input.is_empty());
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct ChunkedDecoder {
    state: Ck,
    /// Absolute offset of the next input byte.
    offset: u64,
    /// Absolute offset of the current size line.
    line_start: u64,
    /// Bytes of the current size line so far.
    line_len: usize,
    /// The size being read, then the data bytes left.
    size: u64,
    chunks: u64,
    data_len: u64,
    trailers: usize,
    limits: HttpLimits,
    failed: Option<Error>,
}

impl Default for ChunkedDecoder {
    fn default() -> Self {
        Self::new()
    }
}

impl ChunkedDecoder {
    /// A decoder at the start of a chunked body, with
    /// [`HttpLimits::DEFAULT`].
    pub fn new() -> Self {
        Self::with_limits(HttpLimits::DEFAULT)
    }

    /// A decoder with the given caps on line length and trailer fields.
    pub fn with_limits(limits: HttpLimits) -> Self {
        Self::starting_at(0, limits)
    }

    /// A decoder whose first input byte is at absolute `offset` (after the
    /// HTTP head, say), so that errors point into the whole message.
    pub fn starting_at(offset: u64, limits: HttpLimits) -> Self {
        ChunkedDecoder {
            state: Ck::Size { digits: 0 },
            offset,
            line_start: offset,
            line_len: 0,
            size: 0,
            chunks: 0,
            data_len: 0,
            trailers: 0,
            limits,
            failed: None,
        }
    }

    /// True once the last chunk and the trailer are complete.
    pub fn is_done(&self) -> bool {
        self.state == Ck::Done
    }

    /// Absolute offset of the next byte the decoder expects.
    pub fn offset(&self) -> u64 {
        self.offset
    }

    /// Chunks seen, the last (empty) one included once it is complete.
    pub fn chunks(&self) -> u64 {
        self.chunks
    }

    /// Data bytes delivered so far.
    pub fn data_len(&self) -> u64 {
        self.data_len
    }

    /// Consumes bytes from the front of `input` until something happens:
    /// returns the event, or `None` when `input` is used up (or the body
    /// is already complete; bytes after it are left in `input`).
    ///
    /// After an error the decoder stays failed and returns the same error.
    pub fn next<'i>(&mut self, input: &mut &'i [u8]) -> Result<Option<ChunkEvent<'i>>, Error> {
        if let Some(e) = &self.failed {
            return Err(e.clone());
        }
        match self.step(input) {
            Ok(ev) => Ok(ev),
            Err(e) => {
                let e = e.in_field("ChunkedBody");
                self.failed = Some(e.clone());
                Err(e)
            }
        }
    }

    fn step<'i>(&mut self, input: &mut &'i [u8]) -> Result<Option<ChunkEvent<'i>>, Error> {
        loop {
            if self.state == Ck::Data {
                if self.size == 0 {
                    self.state = Ck::DataCr;
                    continue;
                }
                if input.is_empty() {
                    return Ok(None);
                }
                let n = usize::try_from(self.size)
                    .unwrap_or(usize::MAX)
                    .min(input.len());
                let (data, rest) = input.split_at(n);
                *input = rest;
                self.size -= n as u64;
                self.offset += n as u64;
                self.data_len += n as u64;
                return Ok(Some(ChunkEvent::Data(data)));
            }
            if self.state == Ck::Done {
                return Ok(None);
            }
            let Some((&b, rest)) = input.split_first() else {
                return Ok(None);
            };
            let here = self.offset;
            match self.state {
                Ck::Size { digits } => {
                    if digits == 0 {
                        self.line_start = here;
                        self.line_len = 0;
                    }
                    if let Some(d) = (b as char).to_digit(16) {
                        self.size = self
                            .size
                            .checked_mul(16)
                            .map(|v| v | u64::from(d))
                            .ok_or_else(|| bad_byte(b, here, "ChunkSize"))?;
                        self.state = Ck::Size { digits: digits + 1 };
                        self.count_line_byte()?;
                    } else if digits > 0 && matches!(b, b';' | b' ' | b'\t') {
                        self.state = Ck::Ext;
                        self.count_line_byte()?;
                    } else if digits > 0 && b == b'\r' {
                        self.state = Ck::SizeLf;
                    } else {
                        return Err(bad_byte(b, here, "ChunkSize"));
                    }
                }
                Ck::Ext => {
                    if b == b'\r' {
                        self.state = Ck::SizeLf;
                    } else if text::is_value_char(b) {
                        self.count_line_byte()?;
                    } else {
                        return Err(bad_byte(b, here, "ChunkExtension"));
                    }
                }
                Ck::SizeLf => {
                    if b != b'\n' {
                        return Err(bad_byte(b, here, "LineEnd"));
                    }
                    *input = rest;
                    self.offset += 1;
                    let size = self.size;
                    if size == 0 {
                        self.state = Ck::Trailer(LineScan::new());
                    } else {
                        self.state = Ck::Data;
                        self.chunks += 1;
                    }
                    return Ok(Some(ChunkEvent::Size(size)));
                }
                Ck::DataCr => {
                    if b != b'\r' {
                        return Err(bad_byte(b, here, "ChunkEnd"));
                    }
                    self.state = Ck::DataLf;
                }
                Ck::DataLf => {
                    if b != b'\n' {
                        return Err(bad_byte(b, here, "ChunkEnd"));
                    }
                    self.state = Ck::Size { digits: 0 };
                    self.size = 0;
                }
                Ck::Trailer(mut scan) => {
                    let fed = scan.feed(input, here, self.limits.max_line, "Trailer")?;
                    match fed {
                        None => {
                            self.offset += input.len() as u64;
                            *input = &[];
                            self.state = Ck::Trailer(scan);
                            return Ok(None);
                        }
                        Some((used, line)) => {
                            *input = input.get(used..).unwrap_or(&[]);
                            self.offset += used as u64;
                            let Line::Field { start, .. } = line else {
                                self.state = Ck::Done;
                                self.chunks += 1;
                                return Ok(Some(ChunkEvent::End));
                            };
                            self.trailers += 1;
                            if self.trailers > self.limits.max_headers {
                                // At the start of the field, wherever the
                                // input was cut.
                                return Err(Error::new(
                                    ErrorKind::limit_exceeded(
                                        self.trailers,
                                        self.limits.max_headers,
                                    ),
                                    at(start),
                                )
                                .in_field("Trailer"));
                            }
                            self.state = Ck::Trailer(LineScan::new());
                            continue;
                        }
                    }
                }
                Ck::Data | Ck::Done => continue,
            }
            *input = rest;
            self.offset += 1;
        }
    }

    fn count_line_byte(&mut self) -> Result<(), Error> {
        self.line_len += 1;
        if self.line_len > self.limits.max_line {
            return Err(line_too_long(
                self.line_start,
                self.limits.max_line,
                "ChunkSizeLine",
            ));
        }
        Ok(())
    }

    /// Checks, at the end of the input, that the body was complete.
    pub fn finish(&self) -> Result<(), Error> {
        if let Some(e) = &self.failed {
            return Err(e.clone());
        }
        let (needed, field) = match self.state {
            Ck::Done => return Ok(()),
            Ck::Size { .. } | Ck::Ext => (3, "ChunkSize"),
            Ck::SizeLf => (1, "ChunkSize"),
            Ck::Data => (
                usize::try_from(self.size.saturating_add(2)).unwrap_or(usize::MAX),
                "ChunkData",
            ),
            Ck::DataCr => (2, "ChunkEnd"),
            Ck::DataLf => (1, "ChunkEnd"),
            Ck::Trailer(scan) => (scan.needed(), "Trailer"),
        };
        Err(text::ended(needed, self.offset, field).in_field("ChunkedBody"))
    }
}

/// Writes one chunk (RFC 7230 4.1): the size in upper-case hexadecimal as
/// in the examples of MS-OXCMAPIHTTP 4.2, CRLF, the data, CRLF. An empty
/// `data` writes nothing, since a chunk of size 0 would end the body.
///
/// ```
/// use mapi_wire::http::write_chunk;
///
/// let mut out = Vec::new();
/// write_chunk(&mut out, b"PROCESSING\r\n").unwrap();
/// assert_eq!(out, b"C\r\nPROCESSING\r\n\r\n");
/// ```
pub fn write_chunk<S: Sink + ?Sized>(s: &mut S, data: &[u8]) -> Result<(), Error> {
    if data.is_empty() {
        return Ok(());
    }
    let mut buf = [0u8; 16];
    s.put(text::hex_upper(data.len() as u64, &mut buf))?;
    s.put(b"\r\n")?;
    s.put(data)?;
    s.put(b"\r\n")
}

/// Bytes [`write_chunk`] writes for `len` data bytes.
///
/// ```
/// use mapi_wire::http::chunk_len;
///
/// assert_eq!(chunk_len(12), 17); // "C\r\n" + 12 + "\r\n"
/// assert_eq!(chunk_len(0), 0);
/// ```
pub fn chunk_len(len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    let mut buf = [0u8; 16];
    text::hex_upper(len as u64, &mut buf).len() + 2 + len + 2
}

/// The last chunk with an empty trailer, `0 CRLF CRLF`, which ends a
/// chunked body (RFC 7230 4.1; the `0` of MS-OXCMAPIHTTP 4.2).
///
/// ```
/// assert_eq!(mapi_wire::http::LAST_CHUNK, b"0\r\n\r\n");
/// ```
pub const LAST_CHUNK: &[u8] = b"0\r\n\r\n";

#[cfg(test)]
mod tests {
    use super::*;

    /// Decodes `wire` fed in pieces of `step` bytes; returns the data, the
    /// sizes and whether the end was seen.
    fn decode(wire: &[u8], step: usize) -> Result<(Vec<u8>, Vec<u64>, bool), Error> {
        let mut dec = ChunkedDecoder::new();
        let (mut data, mut sizes, mut end) = (Vec::new(), Vec::new(), false);
        for piece in wire.chunks(step.max(1)) {
            let mut input = piece;
            while let Some(ev) = dec.next(&mut input)? {
                match ev {
                    ChunkEvent::Size(n) => sizes.push(n),
                    ChunkEvent::Data(d) => data.extend_from_slice(d),
                    ChunkEvent::End => end = true,
                }
            }
        }
        dec.finish()?;
        Ok((data, sizes, end))
    }

    #[test]
    fn any_piece_size_gives_the_same_data() {
        let wire = b"5;ext=1\r\nhello\r\n00006\r\n world\r\n0\r\nX-T: 1\r\n\r\n";
        for step in 1..wire.len() + 1 {
            let (data, sizes, end) = decode(wire, step).unwrap();
            assert_eq!(data, b"hello world", "{step}");
            assert_eq!(sizes, [5, 6, 0]);
            assert!(end);
        }
    }

    #[test]
    fn errors_have_offsets() {
        let e = decode(b"G\r\n", 1).unwrap_err();
        assert_eq!(
            e.to_string(),
            "ChunkedBody.ChunkSize: invalid value 0x47 (offset 0)"
        );
        let e = decode(b"2\r\nabX\r\n0\r\n\r\n", 3).unwrap_err();
        assert_eq!(e.offset(), 5);
        let e = decode(b"10000000000000000\r\n", 4).unwrap_err();
        assert_eq!(e.offset(), 16);
        let e = decode(b"2\r\nab", 2).unwrap_err();
        assert_eq!(
            e.kind(),
            ErrorKind::Truncated {
                needed: 2,
                remaining: 0
            }
        );
        assert_eq!(e.offset(), 5);
        let e = decode(b"0\r\n", 2).unwrap_err();
        assert_eq!(
            e.to_string(),
            "ChunkedBody.Trailer: needs 2 bytes, 0 remain (offset 3)"
        );
        let e = decode(b"\r\n", 2).unwrap_err();
        assert_eq!(e.offset(), 0);
    }

    #[test]
    fn too_many_trailer_fields_fail_at_the_field_in_any_chunking() {
        let limits = HttpLimits {
            max_headers: 1,
            ..HttpLimits::DEFAULT
        };
        let wire = b"0\r\nA: 1\r\nB: 2\r\n\r\n";
        for step in 1..wire.len() + 1 {
            let mut dec = ChunkedDecoder::with_limits(limits);
            let e = wire
                .chunks(step)
                .find_map(|piece| {
                    let mut input = piece;
                    loop {
                        match dec.next(&mut input) {
                            Ok(Some(_)) => {}
                            Ok(None) => return None,
                            Err(e) => return Some(e),
                        }
                    }
                })
                .unwrap();
            assert_eq!(e.offset(), 9, "{step}");
            assert_eq!(e.kind(), ErrorKind::LimitExceeded { value: 2, limit: 1 });
        }
    }

    #[test]
    fn a_failed_decoder_stays_failed() {
        let mut dec = ChunkedDecoder::new();
        let mut input = &b"x"[..];
        let e = dec.next(&mut input).unwrap_err();
        let mut more = &b"5\r\n"[..];
        assert_eq!(dec.next(&mut more).unwrap_err(), e);
        assert_eq!(dec.finish().unwrap_err(), e);
    }

    #[test]
    fn bytes_after_the_body_are_left() {
        let mut dec = ChunkedDecoder::new();
        let mut input = &b"0\r\n\r\nHTTP"[..];
        assert_eq!(dec.next(&mut input).unwrap(), Some(ChunkEvent::Size(0)));
        assert_eq!(dec.next(&mut input).unwrap(), Some(ChunkEvent::End));
        assert_eq!(dec.next(&mut input).unwrap(), None);
        assert_eq!(input, b"HTTP");
    }

    #[test]
    fn writer() {
        let mut out = Vec::new();
        write_chunk(&mut out, &[7u8; 300]).unwrap();
        write_chunk(&mut out, b"").unwrap();
        out.extend_from_slice(LAST_CHUNK);
        assert_eq!(out.len(), chunk_len(300) + 5);
        assert!(out.starts_with(b"12C\r\n"));
        let (data, ..) = decode(&out, 7).unwrap();
        assert_eq!(data, [7u8; 300]);
    }
}
