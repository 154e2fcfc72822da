//! The inner response stream of MAPI/HTTP (MS-OXCMAPIHTTP 2.2.2.2, 2.2.7,
//! 3.1.5.6, 3.2.5.2): the meta-tags PROCESSING, any number of PENDING and
//! DONE, the additional headers, the empty line, and the binary response
//! body.
//!
//! ```text
//! inner-stream = "PROCESSING" CRLF *( "PENDING" CRLF ) "DONE" CRLF
//!                *( header-field CRLF ) CRLF response-body
//! ```
//!
//! The stream is what follows the HTTP head, after any chunked transfer
//! coding is removed ([`ChunkedDecoder`](super::ChunkedDecoder)); chunk
//! boundaries mean nothing here (3.1.5.6). Three views:
//!
//! - [`ResponseStream`], an incremental sans-IO parser for clients and
//!   proxies: bytes in, in any chunking, [`Event`]s out. It keeps a fixed
//!   amount of state however many PENDING lines come, and once the empty
//!   line after DONE's headers is seen it hands the rest over as borrowed
//!   body slices without looking at them.
//! - [`InnerStream`], the whole stream at once, for captures and tests; it
//!   encodes back to the same bytes.
//! - [`ResponseWriter`], which writes the stream for servers, PENDING at
//!   the pending period included, with or without chunked framing.
//!
//! Grammar decisions, from MS-OXCMAPIHTTP: the stream starts with
//! PROCESSING (3.2.5.2, "the initial response includes the PROCESSING
//! meta-tag"; section 4's examples all start with it); PENDING lines come
//! only between PROCESSING and DONE; meta-tags are upper case and end in
//! CRLF (2.2.7); the additional headers are header fields (RFC 7230 3.2)
//! ended by an empty line, which is required even when there is no body
//! (the PING example of 4.3 ends with it); the body runs to the end of the
//! stream. The example of 4.1 spells the first line end `<CLRF>`, a typo
//! for `<CRLF>`.

use super::chunked;
use super::header::{Header, HeaderBlock, HttpDate, MapiHeaders, ResponseCode};
use super::text::{self, HttpLimits, Line, LineScan, at, bad_byte};
use crate::wire::{Encode, Error, ErrorKind, Sink};
use core::ops::Range;

/// The meta-tags (MS-OXCMAPIHTTP 2.2.7).
///
/// ```
/// use mapi_wire::http::MetaTag;
///
/// assert_eq!(MetaTag::Pending.line(), b"PENDING\r\n");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MetaTag {
    /// PROCESSING: the server has queued the request.
    Processing,
    /// PENDING: the server is processing the request (a keep-alive).
    Pending,
    /// DONE: processing is complete; the additional headers and the body
    /// follow.
    Done,
}

impl MetaTag {
    /// The line of the meta-tag, CRLF included.
    pub const fn line(self) -> &'static [u8] {
        match self {
            MetaTag::Processing => b"PROCESSING\r\n",
            MetaTag::Pending => b"PENDING\r\n",
            MetaTag::Done => b"DONE\r\n",
        }
    }
}

/// Where a parser is in the stream.
///
/// ```
/// use mapi_wire::http::{Phase, ResponseStream};
///
/// let mut p = ResponseStream::new();
/// let mut input = &b"PROCESSING\r\nDONE\r\n"[..];
/// while p.next_event(&mut input).unwrap().is_some() {}
/// assert_eq!(p.phase(), Phase::AdditionalHeaders);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Phase {
    /// Before PROCESSING.
    Processing,
    /// After PROCESSING or a PENDING: PENDING or DONE comes next.
    Meta,
    /// After DONE: additional headers up to the empty line.
    AdditionalHeaders,
    /// After the empty line: everything else is the response body.
    Body,
}

/// What the parser found. Header fields and body slices borrow the input
/// (or, for a field cut between two inputs, the parser's line buffer).
///
/// ```
/// use mapi_wire::http::{Event, ResponseStream};
///
/// let mut p = ResponseStream::new();
/// let mut input = &b"PROCESSING\r\nDONE\r\nX-ElapsedTime: 5\r\n\r\nok"[..];
/// assert_eq!(p.next_event(&mut input).unwrap(), Some(Event::Processing));
/// assert_eq!(p.next_event(&mut input).unwrap(), Some(Event::Done));
/// let Some(Event::Header(h)) = p.next_event(&mut input).unwrap() else { panic!() };
/// assert_eq!((h.name, h.value, h.offset), ("X-ElapsedTime", &b"5"[..], 18));
/// assert_eq!(p.next_event(&mut input).unwrap(), Some(Event::HeadersEnd));
/// assert_eq!(p.next_event(&mut input).unwrap(), Some(Event::Body(b"ok")));
/// assert_eq!(p.next_event(&mut input).unwrap(), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event<'a> {
    /// The PROCESSING line.
    Processing,
    /// A PENDING line.
    Pending,
    /// The DONE line.
    Done,
    /// An additional header after DONE (X-ResponseCode, X-ElapsedTime,
    /// X-StartTime, ...).
    Header(Header<'a>),
    /// The empty line after the additional headers: the response body
    /// follows.
    HeadersEnd,
    /// A piece of the response body, as it arrived.
    Body(&'a [u8]),
}

/// What one step of the state machine found.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Step {
    /// The input is used up; `line` holds the bytes of a header field
    /// that it ended inside of (to keep for the next input).
    More { line: Range<usize> },
    /// A meta-tag line.
    Meta(MetaTag),
    /// A header field whose bytes in this input are `line` (all of it when
    /// `whole`, the last part otherwise) and whose colon is at `colon`.
    Field {
        line: Range<usize>,
        colon: usize,
        whole: bool,
    },
    /// The empty line.
    Blank,
    /// Body bytes.
    Body(Range<usize>),
}

/// The state machine shared by the incremental and the whole-input
/// parsers. It keeps no bytes; it validates them as they pass.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Machine {
    phase: Phase,
    /// The meta-tag being matched, and how many of its bytes matched.
    tag: Option<MetaTag>,
    matched: usize,
    scan: LineScan,
    /// Absolute offset of the next byte.
    offset: u64,
    /// Absolute offset of the last header field delivered.
    field_start: u64,
    pending: u64,
    headers: usize,
    body_len: u64,
    limits: HttpLimits,
}

impl Machine {
    fn new(offset: u64, limits: HttpLimits) -> Self {
        Machine {
            phase: Phase::Processing,
            tag: None,
            matched: 0,
            scan: LineScan::new(),
            offset,
            field_start: 0,
            pending: 0,
            headers: 0,
            body_len: 0,
            limits,
        }
    }

    /// Consumes bytes from the front of `input` up to the next thing found;
    /// returns how many and what. Every byte is looked at once, in order,
    /// except body bytes, which are not looked at.
    fn step(&mut self, input: &[u8]) -> Result<(usize, Step), Error> {
        match self.phase {
            Phase::Body => {
                self.offset += input.len() as u64;
                self.body_len += input.len() as u64;
                let step = if input.is_empty() {
                    Step::More { line: 0..0 }
                } else {
                    Step::Body(0..input.len())
                };
                Ok((input.len(), step))
            }
            Phase::AdditionalHeaders => self.header_line(input),
            Phase::Processing | Phase::Meta => self.meta_line(input),
        }
    }

    fn meta_line(&mut self, input: &[u8]) -> Result<(usize, Step), Error> {
        for (i, &b) in input.iter().enumerate() {
            let here = self.offset + i as u64;
            let tag = match self.tag {
                Some(t) => t,
                None => {
                    let t = match (self.phase, b) {
                        (Phase::Processing, _) => MetaTag::Processing,
                        (_, b'P') => MetaTag::Pending,
                        (_, b'D') => MetaTag::Done,
                        _ => return Err(bad_byte(b, here, "MetaTag")),
                    };
                    self.tag = Some(t);
                    t
                }
            };
            let line = tag.line();
            if line.get(self.matched) != Some(&b) {
                return Err(bad_byte(b, here, "MetaTag"));
            }
            self.matched += 1;
            if self.matched == line.len() {
                self.tag = None;
                self.matched = 0;
                self.offset = here + 1;
                match tag {
                    MetaTag::Processing => self.phase = Phase::Meta,
                    MetaTag::Pending => self.pending += 1,
                    MetaTag::Done => self.phase = Phase::AdditionalHeaders,
                }
                return Ok((i + 1, Step::Meta(tag)));
            }
        }
        self.offset += input.len() as u64;
        Ok((input.len(), Step::More { line: 0..0 }))
    }

    fn header_line(&mut self, input: &[u8]) -> Result<(usize, Step), Error> {
        let whole = self.scan.at_start();
        let fed = self.scan.feed(
            input,
            self.offset,
            self.limits.max_line,
            "AdditionalHeaders",
        )?;
        match fed {
            None => {
                // The line goes on in the next input: everything here is
                // line content, but a CR at the very end is not (nor one
                // that ended an earlier input, when this one is empty).
                let end = input
                    .len()
                    .saturating_sub(usize::from(self.scan.after_cr()));
                self.offset += input.len() as u64;
                Ok((input.len(), Step::More { line: 0..end }))
            }
            Some((used, Line::Blank)) => {
                self.offset += used as u64;
                self.phase = Phase::Body;
                Ok((used, Step::Blank))
            }
            Some((used, Line::Field { colon, start, .. })) => {
                // The line began at input[0] when `whole`; its CR is at
                // used - 2, or ended the previous input when used is 1.
                let end = used.saturating_sub(2);
                self.field_start = start;
                self.offset += used as u64;
                self.headers += 1;
                if self.headers > self.limits.max_headers {
                    return Err(Error::new(
                        ErrorKind::limit_exceeded(self.headers, self.limits.max_headers),
                        at(start),
                    )
                    .in_field("AdditionalHeaders"));
                }
                Ok((
                    used,
                    Step::Field {
                        line: 0..end,
                        colon,
                        whole,
                    },
                ))
            }
        }
    }

    /// The error for input that ends now, or `Ok` if the stream is whole.
    fn finish(&self) -> Result<(), Error> {
        let (needed, field) = match self.phase {
            Phase::Body => return Ok(()),
            Phase::AdditionalHeaders => (self.scan.needed(), "AdditionalHeaders"),
            Phase::Processing | Phase::Meta => {
                let left = match self.tag {
                    Some(t) => t.line().len() - self.matched,
                    None if self.phase == Phase::Processing => MetaTag::Processing.line().len(),
                    None => MetaTag::Done.line().len(),
                };
                (left, "MetaTag")
            }
        };
        Err(text::ended(needed, self.offset, field))
    }
}

/// The typed additional headers seen so far (MS-OXCMAPIHTTP 2.2.3.3.3,
/// 2.2.3.3.9, 2.2.3.3.10).
///
/// ```
/// use mapi_wire::http::{HttpLimits, InnerStream, ResponseCode};
///
/// let s = InnerStream::parse(b"PROCESSING\r\nDONE\r\nX-ResponseCode: 6\r\n\r\n", &HttpLimits::DEFAULT).unwrap();
/// let d = s.done_headers().unwrap();
/// assert_eq!(d.response_code, Some(ResponseCode::INVALID_CONTEXT_COOKIE));
/// assert_eq!(d.elapsed_time, None);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DoneHeaders {
    /// X-ResponseCode after DONE: the server failed the request after its
    /// immediate response (3.2.5.2); this value replaces the one of the
    /// HTTP head.
    pub response_code: Option<ResponseCode>,
    /// X-ElapsedTime, in milliseconds.
    pub elapsed_time: Option<u64>,
    /// X-StartTime.
    pub start_time: Option<HttpDate>,
}

impl DoneHeaders {
    /// Validates `h` if it is a known MAPI/HTTP field and keeps the typed
    /// values of the three fields above.
    fn absorb(&mut self, h: &Header<'_>) -> Result<(), Error> {
        let mut m = MapiHeaders::default();
        m.absorb(h).map_err(|e| e.in_field("AdditionalHeaders"))?;
        self.response_code = m.response_code.or(self.response_code);
        self.elapsed_time = m.elapsed_time.or(self.elapsed_time);
        self.start_time = m.start_time.or(self.start_time);
        Ok(())
    }
}

/// The incremental, sans-IO parser of the inner response stream
/// (MS-OXCMAPIHTTP 2.2.7, 3.1.5.6).
///
/// Feed it the bytes after the HTTP head (de-chunked) in pieces of any
/// size with [`next_event`](Self::next_event); it returns the same events
/// and the same errors, at the same offsets, whether the bytes come all at
/// once, in the server's chunks or one at a time. Call
/// [`finish`](Self::finish) when the input ends.
///
/// Memory is fixed: the state machine, counters, and a buffer of `N` bytes
/// (1024 by default) that holds a header field cut between two inputs;
/// `N` is also the longest additional header line accepted. PENDING lines
/// are only counted. After the empty line, every byte is body and is
/// returned as a slice of the input, never scanned. Errors say what was
/// wrong at which absolute byte offset, and a failed parser stays failed.
///
/// ```
/// use mapi_wire::http::{Event, ResponseStream};
///
/// let wire: &[u8] = b"PROCESSING\r\nPENDING\r\nPENDING\r\nDONE\r\nX-ResponseCode: 0\r\n\r\n\x00\x00\x00\x00";
/// let mut p = ResponseStream::new();
/// let mut body = Vec::new();
/// // Three bytes at a time, as a slow network might deliver them.
/// for piece in wire.chunks(3) {
///     let mut input = piece;
///     while let Some(ev) = p.next_event(&mut input).unwrap() {
///         match ev {
///             Event::Header(h) => assert_eq!(h.value, b"0"),
///             Event::Body(b) => body.extend_from_slice(b),
///             _ => {}
///         }
///     }
/// }
/// p.finish().unwrap();
/// assert_eq!(p.pending_count(), 2);
/// assert_eq!(body, [0, 0, 0, 0]);
/// assert!(p.done_headers().response_code.unwrap().is_success());
/// ```
#[derive(Clone)]
pub struct ResponseStream<const N: usize = 1024> {
    m: Machine,
    carry: [u8; N],
    carry_len: usize,
    /// The buffer holds a field already returned: empty it on the next
    /// call.
    carry_spent: bool,
    done: DoneHeaders,
    failed: Option<Error>,
}

impl ResponseStream {
    /// A parser with a 1024-byte line buffer.
    pub fn new() -> Self {
        Self::with_limits(HttpLimits::DEFAULT)
    }
}

impl Default for ResponseStream {
    fn default() -> Self {
        Self::new()
    }
}

impl<const N: usize> ResponseStream<N> {
    /// A parser whose longest additional header line is
    /// `min(limits.max_line, N)` and which accepts at most
    /// `limits.max_headers` additional headers.
    pub fn with_limits(limits: HttpLimits) -> Self {
        Self::starting_at(0, limits)
    }

    /// Like [`with_limits`](Self::with_limits), for a stream whose first
    /// byte is at absolute `offset` (after the HTTP head, say).
    pub fn starting_at(offset: u64, limits: HttpLimits) -> Self {
        let limits = HttpLimits {
            max_line: limits.max_line.min(N),
            ..limits
        };
        ResponseStream {
            m: Machine::new(offset, limits),
            carry: [0; N],
            carry_len: 0,
            carry_spent: false,
            done: DoneHeaders::default(),
            failed: None,
        }
    }

    /// Consumes bytes from the front of `input` until something is found;
    /// returns it, or `None` once `input` is used up.
    ///
    /// Call it in a loop until it returns `None`, then feed the next piece
    /// of input. A header field returned while the previous piece was
    /// being read may borrow the parser, so an event must be dropped
    /// before the next call.
    pub fn next_event<'s, 'i: 's>(
        &'s mut self,
        input: &mut &'i [u8],
    ) -> Result<Option<Event<'s>>, Error> {
        if let Some(e) = &self.failed {
            return Err(e.clone());
        }
        if self.carry_spent {
            self.carry_len = 0;
            self.carry_spent = false;
        }
        let data: &'i [u8] = input;
        let (used, step) = match self.m.step(data) {
            Ok(v) => v,
            Err(e) => return Err(self.fail(e)),
        };
        *input = data.get(used..).unwrap_or(&[]);
        Ok(match step {
            Step::More { line } => {
                let piece = data.get(line).unwrap_or(&[]);
                let end = self.carry_len + piece.len();
                if let Some(dst) = self.carry.get_mut(self.carry_len..end) {
                    dst.copy_from_slice(piece);
                    self.carry_len = end;
                }
                None
            }
            Step::Meta(MetaTag::Processing) => Some(Event::Processing),
            Step::Meta(MetaTag::Pending) => Some(Event::Pending),
            Step::Meta(MetaTag::Done) => Some(Event::Done),
            Step::Blank => Some(Event::HeadersEnd),
            Step::Body(r) => Some(Event::Body(data.get(r).unwrap_or(&[]))),
            Step::Field { line, colon, whole } => {
                let piece = data.get(line).unwrap_or(&[]);
                let bytes: &'s [u8] = if whole {
                    piece
                } else {
                    let end = self.carry_len + piece.len();
                    if let Some(dst) = self.carry.get_mut(self.carry_len..end) {
                        dst.copy_from_slice(piece);
                        self.carry_len = end;
                    }
                    self.carry_spent = true;
                    self.carry.get(..self.carry_len).unwrap_or(&[])
                };
                let h = Header::from_line(bytes, colon, at(self.m.field_start));
                if let Err(e) = self.done.absorb(&h) {
                    let e = e.in_field("ResponseStream");
                    self.failed = Some(e.clone());
                    return Err(e);
                }
                Some(Event::Header(h))
            }
        })
    }

    #[cold]
    fn fail(&mut self, e: Error) -> Error {
        let e = e.in_field("ResponseStream");
        self.failed = Some(e.clone());
        e
    }

    /// Checks, when the input has ended, that the stream was complete: the
    /// empty line after DONE's headers was seen. Fails with a
    /// [`ErrorKind::Truncated`] error at the end of the input otherwise.
    pub fn finish(&self) -> Result<(), Error> {
        if let Some(e) = &self.failed {
            return Err(e.clone());
        }
        self.m.finish().map_err(|e| e.in_field("ResponseStream"))
    }

    /// Where the parser is.
    pub fn phase(&self) -> Phase {
        self.m.phase
    }

    /// True once the empty line after DONE's headers was seen: what
    /// follows is body.
    pub fn in_body(&self) -> bool {
        self.m.phase == Phase::Body
    }

    /// PENDING lines seen.
    pub fn pending_count(&self) -> u64 {
        self.m.pending
    }

    /// Additional headers seen.
    pub fn header_count(&self) -> usize {
        self.m.headers
    }

    /// Body bytes delivered.
    pub fn body_len(&self) -> u64 {
        self.m.body_len
    }

    /// Absolute offset of the next byte expected.
    pub fn offset(&self) -> u64 {
        self.m.offset
    }

    /// Bytes of an unfinished header field held in the line buffer (at
    /// most `N`).
    pub fn buffered(&self) -> usize {
        if self.carry_spent { 0 } else { self.carry_len }
    }

    /// The typed additional headers seen so far.
    pub fn done_headers(&self) -> DoneHeaders {
        self.done
    }
}

impl<const N: usize> core::fmt::Debug for ResponseStream<N> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("ResponseStream")
            .field("phase", &self.m.phase)
            .field("offset", &self.m.offset)
            .field("pending", &self.m.pending)
            .field("headers", &self.m.headers)
            .field("body_len", &self.m.body_len)
            .field("buffered", &self.buffered())
            .field("failed", &self.failed)
            .finish()
    }
}

/// A whole inner response stream (MS-OXCMAPIHTTP 2.2.2.2), read from
/// complete, de-chunked bytes or built for encoding.
///
/// Decoding validates exactly as [`ResponseStream`] does (same errors at
/// the same offsets) and encoding gives the same bytes back.
///
/// ```
/// use mapi_wire::http::{Header, HeaderBlock, HttpLimits, InnerStream};
/// use mapi_wire::wire::Encode;
///
/// // MS-OXCMAPIHTTP 4.3 (PING): meta-tags and additional headers, no body.
/// let bytes = b"PROCESSING\r\nDONE\r\nX-ResponseCode: 0\r\nX-ElapsedTime: 2\r\nX-StartTime: Mon, 01 Jan 2024 00:00:00 GMT\r\n\r\n";
/// let s = InnerStream::parse(bytes, &HttpLimits::DEFAULT).unwrap();
/// assert_eq!((s.pending, s.additional_headers.len(), s.body.len()), (0, 3, 0));
/// assert_eq!(s.done_headers().unwrap().elapsed_time, Some(2));
/// assert_eq!(s.to_vec().unwrap(), bytes);
///
/// let built = [Header::new("X-ResponseCode", b"0")];
/// let s = InnerStream::new(1, HeaderBlock::from_slice(&built), &[0, 0, 0, 0]);
/// assert_eq!(s.to_vec().unwrap(), b"PROCESSING\r\nPENDING\r\nDONE\r\nX-ResponseCode: 0\r\n\r\n\0\0\0\0");
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InnerStream<'a> {
    /// Number of PENDING lines.
    pub pending: usize,
    /// The additional headers after DONE.
    pub additional_headers: HeaderBlock<'a>,
    /// The response body: the request type's binary response body when
    /// the response code is 0, diagnostic text otherwise (2.2.3.3.3).
    pub body: &'a [u8],
}

impl<'a> InnerStream<'a> {
    /// A stream for encoding.
    pub const fn new(pending: usize, additional_headers: HeaderBlock<'a>, body: &'a [u8]) -> Self {
        InnerStream {
            pending,
            additional_headers,
            body,
        }
    }

    /// Reads a whole stream; the body is everything after the empty line.
    pub fn parse(content: &'a [u8], limits: &HttpLimits) -> Result<InnerStream<'a>, Error> {
        Self::parse_at(content, 0, limits)
    }

    /// Like [`parse`](Self::parse) for bytes whose first one is at
    /// absolute `offset` in a larger input.
    pub fn parse_at(
        content: &'a [u8],
        offset: u64,
        limits: &HttpLimits,
    ) -> Result<InnerStream<'a>, Error> {
        Self::parse_inner(content, offset, limits).map_err(|e| e.in_field("ResponseStream"))
    }

    fn parse_inner(
        content: &'a [u8],
        offset: u64,
        limits: &HttpLimits,
    ) -> Result<InnerStream<'a>, Error> {
        let mut m = Machine::new(offset, *limits);
        let mut done = DoneHeaders::default();
        let mut pos = 0;
        let mut headers_start = 0;
        loop {
            let rest = content.get(pos..).unwrap_or(&[]);
            let (used, step) = m.step(rest)?;
            let here = pos;
            pos += used;
            match step {
                Step::More { .. } | Step::Body(_) => {
                    // Only a stream that ends before its empty line gets
                    // here, and `finish` fails for it.
                    m.finish()?;
                    return Ok(InnerStream::new(
                        m.pending as usize,
                        HeaderBlock::EMPTY,
                        &[],
                    ));
                }
                Step::Meta(MetaTag::Done) => headers_start = pos,
                Step::Meta(_) => {}
                Step::Field { line, colon, .. } => {
                    let bytes = content
                        .get(here + line.start..here + line.end)
                        .unwrap_or(&[]);
                    done.absorb(&Header::from_line(bytes, colon, at(m.field_start)))?;
                }
                Step::Blank => {
                    return Ok(InnerStream {
                        pending: m.pending as usize,
                        additional_headers: HeaderBlock::from_wire(
                            content.get(headers_start..here).unwrap_or(&[]),
                            m.headers,
                            at(offset + headers_start as u64),
                        ),
                        body: content.get(pos..).unwrap_or(&[]),
                    });
                }
            }
        }
    }

    /// The typed additional headers, validated.
    pub fn done_headers(&self) -> Result<DoneHeaders, Error> {
        let mut d = DoneHeaders::default();
        for h in self.additional_headers.iter() {
            d.absorb(&h)?;
        }
        Ok(d)
    }

    /// The additional headers as [`MapiHeaders`].
    pub fn mapi_headers(&self) -> Result<MapiHeaders<'a>, Error> {
        MapiHeaders::parse(self.additional_headers.iter())
    }

    /// Bytes before the body: meta-tags, additional headers, empty line.
    pub fn prefix_len(&self) -> usize {
        MetaTag::Processing.line().len()
            + self.pending.saturating_mul(MetaTag::Pending.line().len())
            + MetaTag::Done.line().len()
            + self.additional_headers.encoded_len()
            + 2
    }
}

impl Encode for InnerStream<'_> {
    type Ctx = ();

    fn encoded_len_with(&self, _: ()) -> usize {
        self.prefix_len().saturating_add(self.body.len())
    }

    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, _: ()) -> Result<(), Error> {
        s.put(MetaTag::Processing.line())?;
        for _ in 0..self.pending {
            s.put(MetaTag::Pending.line())?;
        }
        s.put(MetaTag::Done.line())?;
        self.additional_headers.encode(s)?;
        s.put(b"\r\n")?;
        s.put(self.body)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for InnerStream<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("InnerStream", 4)?;
        st.serialize_field("processing", &true)?;
        st.serialize_field("pending", &self.pending)?;
        st.serialize_field("done", &true)?;
        st.serialize_field("additional_headers", &self.additional_headers)?;
        st.end()
    }
}

/// Where a [`ResponseWriter`] is.
///
/// ```
/// use mapi_wire::http::{ResponseWriter, WriterPhase};
///
/// let mut w = ResponseWriter::new(false, 0);
/// w.processing(&mut Vec::new(), 0).unwrap();
/// assert_eq!(w.phase(), WriterPhase::Meta);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WriterPhase {
    /// Nothing written: PROCESSING comes first.
    Start,
    /// PROCESSING (and perhaps PENDING) written: PENDING or DONE next.
    Meta,
    /// DONE, its headers and the empty line written: body next.
    Body,
    /// The stream is complete (and, chunked, the last chunk written).
    Finished,
}

/// Writes the inner response stream for a server (MS-OXCMAPIHTTP 3.2.5.2):
/// PROCESSING at once, PENDING every pending period while the request
/// runs, then DONE, the additional headers, the empty line and the body.
///
/// With chunked framing each call writes one HTTP chunk, so that every
/// meta-tag can be flushed on its own as the examples of section 4.2 show
/// (`C CRLF PROCESSING CRLF CRLF`, `9 CRLF PENDING CRLF CRLF`), and
/// [`finish`](Self::finish) writes the last chunk. Without it the writer
/// writes the bare stream, for a response with Content-Length.
///
/// The writer is sans-IO and has no clock: the server tells it the time in
/// milliseconds. [`poll_timeout`](Self::poll_timeout) says when the next
/// PENDING is due and [`handle_timeout`](Self::handle_timeout) writes it
/// then.
///
/// ```
/// use mapi_wire::http::{Header, HeaderBlock, ResponseWriter};
///
/// let mut w = ResponseWriter::new(true, 15000);
/// let mut out = Vec::new();
/// w.processing(&mut out, 0).unwrap();
/// assert_eq!(w.poll_timeout(), Some(15000));
/// assert!(!w.handle_timeout(&mut out, 14999).unwrap());
/// assert!(w.handle_timeout(&mut out, 15000).unwrap());
/// let fields = [Header::new("X-ResponseCode", b"0")];
/// w.done(&mut out, &HeaderBlock::from_slice(&fields)).unwrap();
/// w.body(&mut out, &[0, 0, 0, 0]).unwrap();
/// w.finish(&mut out).unwrap();
/// assert!(out.starts_with(b"C\r\nPROCESSING\r\n\r\n9\r\nPENDING\r\n\r\n"));
/// assert!(out.ends_with(b"0\r\n\r\n"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ResponseWriter {
    phase: WriterPhase,
    chunked: bool,
    /// Milliseconds between PENDING lines; 0 turns keep-alives off.
    period: u64,
    /// When the next PENDING is due.
    deadline: u64,
    pending: u64,
}

impl ResponseWriter {
    /// A writer, chunked or not, whose PENDING lines come every
    /// `pending_period_ms` milliseconds (the X-PendingPeriod of the head,
    /// 2.2.3.3.5; 0 for none).
    pub const fn new(chunked: bool, pending_period_ms: u64) -> Self {
        ResponseWriter {
            phase: WriterPhase::Start,
            chunked,
            period: pending_period_ms,
            deadline: 0,
            pending: 0,
        }
    }

    /// Where the writer is.
    pub fn phase(&self) -> WriterPhase {
        self.phase
    }

    /// PENDING lines written.
    pub fn pending_count(&self) -> u64 {
        self.pending
    }

    fn expect(&self, phase: WriterPhase, at: usize, what: &'static str) -> Result<(), Error> {
        if self.phase == phase {
            Ok(())
        } else {
            Err(text::unencodable(self.phase as u64, at, what).in_field("ResponseWriter"))
        }
    }

    fn put<S: Sink + ?Sized>(&self, s: &mut S, data: &[u8]) -> Result<(), Error> {
        if self.chunked {
            chunked::write_chunk(s, data)
        } else {
            s.put(data)
        }
    }

    /// Writes PROCESSING, the first thing of every response; `now_ms` starts
    /// the keep-alive timer.
    pub fn processing<S: Sink + ?Sized>(&mut self, s: &mut S, now_ms: u64) -> Result<(), Error> {
        self.expect(WriterPhase::Start, s.position(), "Processing")?;
        self.put(s, MetaTag::Processing.line())?;
        self.phase = WriterPhase::Meta;
        self.deadline = now_ms.saturating_add(self.period);
        Ok(())
    }

    /// Writes a PENDING line now.
    pub fn pending<S: Sink + ?Sized>(&mut self, s: &mut S) -> Result<(), Error> {
        self.expect(WriterPhase::Meta, s.position(), "Pending")?;
        self.put(s, MetaTag::Pending.line())?;
        self.pending += 1;
        Ok(())
    }

    /// When the next PENDING is due, in the caller's milliseconds; `None`
    /// when none is (keep-alives off, or DONE written).
    pub fn poll_timeout(&self) -> Option<u64> {
        (self.phase == WriterPhase::Meta && self.period > 0).then_some(self.deadline)
    }

    /// Writes a PENDING line if one is due at `now_ms`, and schedules the
    /// next one a period later; returns whether it wrote. After a long
    /// stall it writes one PENDING, not one per missed period.
    pub fn handle_timeout<S: Sink + ?Sized>(
        &mut self,
        s: &mut S,
        now_ms: u64,
    ) -> Result<bool, Error> {
        match self.poll_timeout() {
            Some(d) if now_ms >= d => {
                self.pending(s)?;
                self.deadline = now_ms.saturating_add(self.period);
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    /// Writes DONE, the additional headers and the empty line, in one
    /// piece (one chunk).
    pub fn done<S: Sink + ?Sized>(
        &mut self,
        s: &mut S,
        headers: &HeaderBlock<'_>,
    ) -> Result<(), Error> {
        self.expect(WriterPhase::Meta, s.position(), "Done")?;
        let len = MetaTag::Done.line().len() + headers.encoded_len() + 2;
        if self.chunked {
            let mut buf = [0u8; 16];
            s.put(text::hex_upper(len as u64, &mut buf))?;
            s.put(b"\r\n")?;
        }
        s.put(MetaTag::Done.line())?;
        headers.encode(s)?;
        s.put(b"\r\n")?;
        if self.chunked {
            s.put(b"\r\n")?;
        }
        self.phase = WriterPhase::Body;
        Ok(())
    }

    /// Writes body bytes (one chunk per call when chunked; nothing for an
    /// empty slice).
    pub fn body<S: Sink + ?Sized>(&mut self, s: &mut S, data: &[u8]) -> Result<(), Error> {
        self.expect(WriterPhase::Body, s.position(), "Body")?;
        self.put(s, data)
    }

    /// Ends the stream: writes the last chunk when chunked.
    pub fn finish<S: Sink + ?Sized>(&mut self, s: &mut S) -> Result<(), Error> {
        self.expect(WriterPhase::Body, s.position(), "Finish")?;
        if self.chunked {
            s.put(chunked::LAST_CHUNK)?;
        }
        self.phase = WriterPhase::Finished;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(wire: &[u8], step: usize) -> (Vec<String>, Result<(), Error>) {
        let mut p: ResponseStream<64> = ResponseStream::with_limits(HttpLimits::DEFAULT);
        let mut out = Vec::new();
        for piece in wire.chunks(step.max(1)) {
            let mut input = piece;
            loop {
                match p.next_event(&mut input) {
                    Ok(Some(Event::Body(b))) => out.push(format!("body {}", b.len())),
                    Ok(Some(Event::Header(h))) => out.push(format!("{h:?}@{}", h.offset)),
                    Ok(Some(e)) => out.push(format!("{e:?}")),
                    Ok(None) => break,
                    Err(e) => return (out, Err(e)),
                }
            }
        }
        (out, p.finish())
    }

    #[test]
    fn fields_cut_anywhere_come_out_whole() {
        let wire = b"PROCESSING\r\nDONE\r\nX-ResponseCode: 0\r\nX-A:b\r\n\r\nxy";
        let (whole, r) = events(wire, wire.len());
        r.unwrap();
        assert_eq!(
            whole,
            [
                "Processing",
                "Done",
                "X-ResponseCode: \"0\"@18",
                "X-A: \"b\"@37",
                "HeadersEnd",
                "body 2"
            ]
        );
        for step in 1..wire.len() {
            let (ev, r) = events(wire, step);
            r.unwrap();
            let headers: Vec<_> = ev.iter().filter(|e| e.contains('@')).collect();
            assert_eq!(headers, [&whole[2], &whole[3]], "{step}");
        }
    }

    #[test]
    fn bad_meta_tags() {
        let (_, r) = events(b"PROCESSING\r\nPENDINX\r\n", 100);
        let e = r.unwrap_err();
        assert_eq!(
            e.to_string(),
            "ResponseStream.MetaTag: invalid value 0x58 (offset 18)"
        );
        let (_, r) = events(b"PENDING\r\n", 1);
        assert_eq!(r.unwrap_err().offset(), 1);
        let (_, r) = events(b"PROCESSING\r\nXDONE", 4);
        assert_eq!(r.unwrap_err().offset(), 12);
        let (_, r) = events(b"PROCESSING\nDONE", 4);
        assert_eq!(r.unwrap_err().offset(), 10);
    }

    #[test]
    fn truncated_streams() {
        let (_, r) = events(b"", 1);
        assert_eq!(
            r.unwrap_err().to_string(),
            "ResponseStream.MetaTag: needs 12 bytes, 0 remain (offset 0)"
        );
        let (_, r) = events(b"PROCESSING\r\nDO", 1);
        assert_eq!(
            r.unwrap_err().kind(),
            ErrorKind::Truncated {
                needed: 4,
                remaining: 0
            }
        );
        let (_, r) = events(b"PROCESSING\r\nDONE\r\nX-A: 1\r\n", 5);
        assert_eq!(
            r.unwrap_err().to_string(),
            "ResponseStream.AdditionalHeaders: needs 2 bytes, 0 remain (offset 26)"
        );
    }

    #[test]
    fn long_field_fails_at_its_start_in_any_chunking() {
        let mut wire = Vec::from(&b"PROCESSING\r\nDONE\r\nX-A: "[..]);
        wire.extend([b'a'; 100]);
        wire.extend(b"\r\n\r\n");
        for step in [1, 7, 64, wire.len()] {
            let (_, r) = events(&wire, step);
            let e = r.unwrap_err();
            assert_eq!(e.offset(), 18, "{step}");
            assert_eq!(
                e.kind(),
                ErrorKind::LimitExceeded {
                    value: 65,
                    limit: 64
                }
            );
        }
    }

    #[test]
    fn writer_refuses_out_of_order_calls() {
        let mut w = ResponseWriter::new(false, 0);
        let mut out = Vec::new();
        assert!(w.pending(&mut out).is_err());
        assert!(w.body(&mut out, b"x").is_err());
        w.processing(&mut out, 0).unwrap();
        assert!(w.processing(&mut out, 0).is_err());
        assert_eq!(w.poll_timeout(), None);
        w.done(&mut out, &HeaderBlock::EMPTY).unwrap();
        assert!(w.pending(&mut out).is_err());
        w.body(&mut out, b"").unwrap();
        w.finish(&mut out).unwrap();
        assert_eq!(out, b"PROCESSING\r\nDONE\r\n\r\n");
        assert_eq!(w.phase(), WriterPhase::Finished);
    }
}
