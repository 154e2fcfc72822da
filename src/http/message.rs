//! Whole HTTP messages (MS-OXCMAPIHTTP 2.2.2): a request or a response
//! with its head and its body as they stand on the wire, decoded without
//! copying and encoded back byte for byte; and [`BodyDecoders`], the table
//! through which the binary bodies of each request type are decoded by
//! modules this one does not depend on.

use super::chunked::{ChunkEvent, ChunkedDecoder};
use super::head::{RequestHead, ResponseHead};
use super::header::{Header, HeaderBlock, MapiHeaders, names};
use super::request_type::RequestType;
use super::stream::InnerStream;
use super::text::HttpLimits;
use crate::wire::{Decode, Encode, Error, ErrorKind, Reader, Segment, Sink, Unit};
use core::fmt;

/// A chunked body as it stands on the wire (RFC 7230 4.1): the chunks, the
/// last chunk and the trailer, validated, kept as bytes and walked on
/// demand.
///
/// ```
/// use mapi_wire::http::{ChunkedBody, HttpLimits};
///
/// let wire = b"4\r\nDONE\r\n2\r\n\r\n\r\n0\r\n\r\n";
/// let (body, used) = ChunkedBody::parse(wire, 0, &HttpLimits::DEFAULT).unwrap();
/// assert_eq!((used, body.chunk_count(), body.content_len()), (wire.len(), 2, 6));
/// assert_eq!(body.chunks().collect::<Vec<_>>(), [&b"DONE"[..], b"\r\n"]);
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct ChunkedBody<'a> {
    raw: &'a [u8],
    offset: usize,
    chunks: usize,
    content_len: usize,
    trailer: (usize, usize, usize),
}

impl<'a> ChunkedBody<'a> {
    /// Reads a chunked body from the start of `input`, whose first byte is
    /// at absolute `offset`; returns it and its length. The body must be
    /// complete.
    pub fn parse(
        input: &'a [u8],
        offset: usize,
        limits: &HttpLimits,
    ) -> Result<(ChunkedBody<'a>, usize), Error> {
        let mut dec = ChunkedDecoder::starting_at(offset as u64, *limits);
        let mut rest = input;
        let (mut chunks, mut content_len) = (0usize, 0usize);
        let mut trailer_start = 0;
        loop {
            match dec.next(&mut rest)? {
                Some(ChunkEvent::Size(0)) => trailer_start = input.len() - rest.len(),
                Some(ChunkEvent::Size(_)) => chunks += 1,
                Some(ChunkEvent::Data(d)) => content_len += d.len(),
                Some(ChunkEvent::End) => break,
                None => {
                    dec.finish()?;
                    break;
                }
            }
        }
        let used = input.len() - rest.len();
        let trailer_end = used.saturating_sub(2);
        // Count the trailer fields again (the decoder validated them).
        let trailers = HeaderBlock::parse_in(
            input.get(trailer_start..used).unwrap_or(&[]),
            offset + trailer_start,
            limits,
            "Trailer",
        )?
        .map_or(0, |(b, _)| b.len());
        Ok((
            ChunkedBody {
                raw: input.get(..used).unwrap_or(&[]),
                offset,
                chunks,
                content_len,
                trailer: (trailer_start, trailer_end, trailers),
            },
            used,
        ))
    }

    /// The wire bytes.
    pub fn raw(&self) -> &'a [u8] {
        self.raw
    }

    /// Number of data chunks (the last, empty chunk not counted).
    pub fn chunk_count(&self) -> usize {
        self.chunks
    }

    /// Total bytes of chunk data.
    pub fn content_len(&self) -> usize {
        self.content_len
    }

    /// The data of each chunk, in order.
    pub fn chunks(&self) -> impl Iterator<Item = &'a [u8]> + 'a {
        let mut dec = ChunkedDecoder::new();
        let mut rest = self.raw;
        core::iter::from_fn(move || {
            loop {
                match dec.next(&mut rest) {
                    Ok(Some(ChunkEvent::Data(d))) => return Some(d),
                    Ok(Some(ChunkEvent::Size(_))) => continue,
                    _ => return None,
                }
            }
        })
    }

    /// The trailer fields after the last chunk.
    pub fn trailer(&self) -> HeaderBlock<'a> {
        let (start, end, count) = self.trailer;
        HeaderBlock::from_wire(
            self.raw.get(start..end).unwrap_or(&[]),
            count,
            self.offset + start,
        )
    }

    /// The absolute offset on the wire of byte `n` of the content (the
    /// chunk data laid end to end); the end of the body for `n` at or past
    /// the end of the content.
    pub fn wire_offset(&self, n: usize) -> usize {
        let mut dec = ChunkedDecoder::new();
        let mut rest = self.raw;
        let mut seen = 0usize;
        loop {
            let before = self.raw.len() - rest.len();
            match dec.next(&mut rest) {
                Ok(Some(ChunkEvent::Data(d))) => {
                    if n < seen + d.len() {
                        return self.offset + before + (n - seen);
                    }
                    seen += d.len();
                }
                Ok(Some(ChunkEvent::Size(_))) => {}
                _ => return self.offset + self.raw.len(),
            }
        }
    }
}

impl fmt::Debug for ChunkedBody<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ChunkedBody")
            .field("chunks", &self.chunks)
            .field("content_len", &self.content_len)
            .field("trailer", &self.trailer())
            .finish()
    }
}

/// The body of a message as framed on the wire (RFC 7230 3.3.3).
///
/// ```
/// use mapi_wire::http::{Entity, HttpResponse};
/// use mapi_wire::wire::Decode;
///
/// let r = HttpResponse::decode_exact(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nab", ()).unwrap();
/// assert_eq!(r.entity, Entity::Length(b"ab"));
/// assert_eq!((r.entity.framing(), r.entity.contiguous()), ("content-length", Some(&b"ab"[..])));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entity<'a> {
    /// No body: a request with neither Content-Length nor
    /// Transfer-Encoding, or a response that cannot have one (1xx, 204,
    /// 304).
    Empty,
    /// Exactly Content-Length bytes.
    Length(&'a [u8]),
    /// A chunked body (`Transfer-Encoding: chunked`).
    Chunked(ChunkedBody<'a>),
    /// A response with neither: the body runs to the end of the input.
    UntilClose(&'a [u8]),
}

impl<'a> Entity<'a> {
    /// The name of the framing: `none`, `content-length`, `chunked`,
    /// `close`.
    pub fn framing(&self) -> &'static str {
        match self {
            Entity::Empty => "none",
            Entity::Length(_) => "content-length",
            Entity::Chunked(_) => "chunked",
            Entity::UntilClose(_) => "close",
        }
    }

    /// The wire bytes of the body.
    pub fn raw(&self) -> &'a [u8] {
        match self {
            Entity::Empty => &[],
            Entity::Length(b) | Entity::UntilClose(b) => b,
            Entity::Chunked(c) => c.raw(),
        }
    }

    /// Length of the content (chunked framing removed).
    pub fn content_len(&self) -> usize {
        match self {
            Entity::Chunked(c) => c.content_len(),
            _ => self.raw().len(),
        }
    }

    /// The content as one borrowed slice, when it is one: always but for a
    /// chunked body of more than one data chunk.
    pub fn contiguous(&self) -> Option<&'a [u8]> {
        match self {
            Entity::Chunked(c) => match c.chunk_count() {
                0 => Some(&[]),
                1 => c.chunks().next(),
                _ => None,
            },
            _ => Some(self.raw()),
        }
    }

    /// Writes the content (chunked framing removed) into `s`.
    pub fn copy_content<S: Sink + ?Sized>(&self, s: &mut S) -> Result<(), Error> {
        match self {
            Entity::Chunked(c) => c.chunks().try_for_each(|d| s.put(d)),
            _ => s.put(self.raw()),
        }
    }

    /// The content: borrowed when it is one slice, copied into one vector
    /// when the chunks must be joined.
    #[cfg(feature = "alloc")]
    pub fn content(&self) -> alloc::borrow::Cow<'a, [u8]> {
        use alloc::borrow::Cow;
        match self.contiguous() {
            Some(b) => Cow::Borrowed(b),
            None => {
                let mut v = alloc::vec::Vec::with_capacity(self.content_len());
                let _ = self.copy_content(&mut v);
                Cow::Owned(v)
            }
        }
    }

    /// The absolute offset on the wire of byte `n` of the content, given
    /// the offset of the body.
    pub fn wire_offset(&self, body_offset: usize, n: usize) -> usize {
        match self {
            Entity::Chunked(c) => c.wire_offset(n),
            _ => body_offset.saturating_add(n.min(self.raw().len())),
        }
    }
}

impl Encode for Entity<'_> {
    type Ctx = ();
    fn encoded_len_with(&self, _: ()) -> usize {
        self.raw().len()
    }
    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, _: ()) -> Result<(), Error> {
        s.put(self.raw())
    }
}

/// Shows the content of an entity as hex, chunks joined, without
/// allocating.
#[cfg(feature = "serde")]
struct ContentHex<'e, 'a>(&'e Entity<'a>);

#[cfg(feature = "serde")]
impl fmt::Display for ContentHex<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Entity::Chunked(c) => c.chunks().try_for_each(|d| crate::wire::write_hex(f, d)),
            e => crate::wire::write_hex(f, e.raw()),
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Entity<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Entity", 4)?;
        st.serialize_field("framing", self.framing())?;
        if let Entity::Chunked(c) = self {
            st.serialize_field("chunks", &c.chunk_count())?;
            st.serialize_field("trailer", &c.trailer())?;
        }
        st.serialize_field("content_length", &self.content_len())?;
        st.serialize_field("content", &HexContent(self))?;
        st.end()
    }
}

#[cfg(feature = "serde")]
struct HexContent<'e, 'a>(&'e Entity<'a>);

#[cfg(feature = "serde")]
impl serde::Serialize for HexContent<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&ContentHex(self.0))
    }
}

/// Content-Length and Transfer-Encoding of a head, checked against each
/// other.
fn framing_fields<'a>(
    headers: &HeaderBlock<'a>,
) -> Result<(Option<u64>, Option<Header<'a>>), Error> {
    let mut m = MapiHeaders::default();
    let mut te = None;
    for h in headers.iter() {
        if h.is(names::CONTENT_LENGTH) {
            m.absorb(&h)?;
        } else if h.is(names::TRANSFER_ENCODING) {
            if te.is_some() {
                // Several codings: only a lone `chunked` is supported.
                return Err(
                    Error::new(ErrorKind::Unsupported { value: 0 }, h.value_offset())
                        .in_field(names::TRANSFER_ENCODING),
                );
            }
            te = Some(h);
        }
    }
    if let (Some(n), Some(_)) = (m.content_length, te) {
        // RFC 7230 3.3.3: both fields "ought to be handled as an error"
        // (a request-smuggling hazard).
        let at = headers
            .get(names::CONTENT_LENGTH)
            .map_or(0, |h| h.value_offset());
        return Err(
            Error::new(ErrorKind::InvalidValue { value: n }, at).in_field(names::CONTENT_LENGTH)
        );
    }
    Ok((m.content_length, te))
}

/// The body of `n` bytes after the head, checked against what remains.
fn length_body(input: &[u8], at: usize, n: u64) -> Result<&[u8], Error> {
    let Some(n) = usize::try_from(n).ok().filter(|&n| n <= input.len()) else {
        return Err(Error::new(
            ErrorKind::count_too_large(
                u32::try_from(n).unwrap_or(u32::MAX),
                Unit::Bytes,
                n,
                input.len(),
            ),
            at,
        )
        .in_field("Body"));
    };
    Ok(input.get(..n).unwrap_or(&[]))
}

fn chunked_entity<'a>(
    te: &Header<'_>,
    input: &'a [u8],
    at: usize,
    limits: &HttpLimits,
) -> Result<Entity<'a>, Error> {
    if !te.value.eq_ignore_ascii_case(b"chunked") {
        return Err(
            Error::new(ErrorKind::Unsupported { value: 0 }, te.value_offset())
                .in_field(names::TRANSFER_ENCODING),
        );
    }
    ChunkedBody::parse(input, at, limits).map(|(c, _)| Entity::Chunked(c))
}

/// An error saying the head did not end before the input did.
fn head_truncated(len: usize, field: &'static str) -> Error {
    Error::new(ErrorKind::truncated(2, 0), len).in_field(field)
}

/// A whole MAPI/HTTP request: head and body (MS-OXCMAPIHTTP 2.2.2.1).
///
/// The body is Content-Length bytes (MAPI/HTTP requires the field), or a
/// chunked body, or nothing when neither field is present. A message with
/// both fields is refused (RFC 7230 3.3.3), as are transfer codings other
/// than a lone `chunked`. Decoding does not validate the MAPI/HTTP fields;
/// [`mapi_headers`](Self::mapi_headers) does.
///
/// ```
/// use mapi_wire::http::{HttpRequest, RequestType};
/// use mapi_wire::wire::{Decode, Encode};
///
/// let wire = b"POST /mapi/nspi/ HTTP/1.1\r\nContent-Length: 3\r\nX-RequestType: Bind\r\n\r\nabc";
/// let req = HttpRequest::decode_exact(wire, ()).unwrap();
/// assert_eq!(req.body(), Some(&b"abc"[..]));
/// assert_eq!(req.mapi_headers().unwrap().request_type(), Some(RequestType::Bind));
/// assert_eq!(req.to_vec().unwrap(), wire);
/// // A body shorter than Content-Length says so.
/// let e = HttpRequest::decode_exact(&wire[..wire.len() - 1], ()).unwrap_err();
/// assert_eq!(e.to_string(), "HttpRequest.Body: length 3 runs past the end, 2 bytes remain (offset 69)");
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HttpRequest<'a> {
    /// Request line and header fields.
    pub head: RequestHead<'a>,
    /// The body as framed.
    pub entity: Entity<'a>,
}

impl<'a> HttpRequest<'a> {
    /// Reads a complete request from the start of `input`, whose first byte
    /// is at absolute `offset`; returns it and its length.
    pub fn parse(
        input: &'a [u8],
        offset: usize,
        limits: &HttpLimits,
    ) -> Result<(HttpRequest<'a>, usize), Error> {
        Self::parse_inner(input, offset, limits).map_err(|e| e.in_field("HttpRequest"))
    }

    fn parse_inner(
        input: &'a [u8],
        offset: usize,
        limits: &HttpLimits,
    ) -> Result<(HttpRequest<'a>, usize), Error> {
        let head =
            RequestHead::parse_at(input, offset, limits).map_err(|e| e.in_field("RequestHead"))?;
        let Some((head, head_len)) = head else {
            return Err(head_truncated(offset + input.len(), "RequestHead"));
        };
        let rest = input.get(head_len..).unwrap_or(&[]);
        let at = offset + head_len;
        let (length, te) = framing_fields(&head.headers).map_err(|e| e.in_field("Headers"))?;
        let entity = match (te, length) {
            (Some(te), _) => chunked_entity(&te, rest, at, limits)?,
            (None, Some(n)) => Entity::Length(length_body(rest, at, n)?),
            (None, None) => Entity::Empty,
        };
        Ok((HttpRequest { head, entity }, head_len + entity.raw().len()))
    }

    /// The MAPI/HTTP fields of the head, validated.
    pub fn mapi_headers(&self) -> Result<MapiHeaders<'a>, Error> {
        MapiHeaders::parse(self.head.headers.iter()).map_err(|e| e.in_field("HttpRequest"))
    }

    /// The body as one slice, when it is one (see [`Entity::contiguous`]).
    pub fn body(&self) -> Option<&'a [u8]> {
        self.entity.contiguous()
    }
}

impl<'a> Decode<'a> for HttpRequest<'a> {
    type Ctx = ();
    const NAME: &'static str = "HttpRequest";
    const MIN_LEN: usize = 16;

    fn decode_from(r: &mut Reader<'a>, _: ()) -> Result<Self, Error> {
        let (req, used) = Self::parse_inner(r.peek_rest(), r.offset(), &HttpLimits::DEFAULT)?;
        r.bytes(used)?;
        Ok(req)
    }
}

impl Encode for HttpRequest<'_> {
    type Ctx = ();
    fn encoded_len_with(&self, _: ()) -> usize {
        self.head.encoded_len() + self.entity.encoded_len()
    }
    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, _: ()) -> Result<(), Error> {
        self.head.encode(s)?;
        self.entity.encode(s)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for HttpRequest<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("HttpRequest", 2)?;
        st.serialize_field("head", &self.head)?;
        st.serialize_field("body", &self.entity)?;
        st.end()
    }
}

/// A whole MAPI/HTTP response: head and body (MS-OXCMAPIHTTP 2.2.2.2).
///
/// The body is chunked, Content-Length bytes, absent (1xx, 204, 304) or,
/// with neither field, the rest of the input (RFC 7230 3.3.3). Its
/// content is the inner response stream ([`InnerStream`]) for a MAPI/HTTP
/// response; [`inner_stream`](Self::inner_stream) reads it.
///
/// ```
/// use mapi_wire::http::{HttpLimits, HttpResponse};
/// use mapi_wire::wire::{Decode, Encode};
///
/// let wire = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n\
///              C\r\nPROCESSING\r\n\r\n6\r\nDONE\r\n\r\n2\r\n\r\n\r\n4\r\n\x01\x02\x03\x04\r\n0\r\n\r\n";
/// let resp = HttpResponse::decode_exact(wire, ()).unwrap();
/// assert_eq!(resp.entity.content_len(), 24);
/// let content = resp.entity.content();
/// let inner = resp.inner_stream(&content, &HttpLimits::DEFAULT).unwrap();
/// assert_eq!(inner.body, [1, 2, 3, 4]);
/// assert_eq!(resp.to_vec().unwrap(), wire);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HttpResponse<'a> {
    /// Status line and header fields.
    pub head: ResponseHead<'a>,
    /// The body as framed.
    pub entity: Entity<'a>,
    /// Absolute offset of the body.
    body_offset: usize,
}

impl<'a> HttpResponse<'a> {
    /// Reads a complete response from the start of `input`, whose first
    /// byte is at absolute `offset`; returns it and its length.
    pub fn parse(
        input: &'a [u8],
        offset: usize,
        limits: &HttpLimits,
    ) -> Result<(HttpResponse<'a>, usize), Error> {
        Self::parse_inner(input, offset, limits).map_err(|e| e.in_field("HttpResponse"))
    }

    fn parse_inner(
        input: &'a [u8],
        offset: usize,
        limits: &HttpLimits,
    ) -> Result<(HttpResponse<'a>, usize), Error> {
        let head = ResponseHead::parse_at(input, offset, limits)
            .map_err(|e| e.in_field("ResponseHead"))?;
        let Some((head, head_len)) = head else {
            return Err(head_truncated(offset + input.len(), "ResponseHead"));
        };
        let rest = input.get(head_len..).unwrap_or(&[]);
        let at = offset + head_len;
        let (length, te) = framing_fields(&head.headers).map_err(|e| e.in_field("Headers"))?;
        let entity = if matches!(head.status, 100..=199 | 204 | 304) {
            Entity::Empty
        } else {
            match (te, length) {
                (Some(te), _) => chunked_entity(&te, rest, at, limits)?,
                (None, Some(n)) => Entity::Length(length_body(rest, at, n)?),
                (None, None) => Entity::UntilClose(rest),
            }
        };
        Ok((
            HttpResponse {
                head,
                entity,
                body_offset: at,
            },
            head_len + entity.raw().len(),
        ))
    }

    /// A response for encoding.
    pub const fn new(head: ResponseHead<'a>, entity: Entity<'a>) -> Self {
        HttpResponse {
            head,
            entity,
            body_offset: 0,
        }
    }

    /// The MAPI/HTTP fields of the head, validated.
    pub fn mapi_headers(&self) -> Result<MapiHeaders<'a>, Error> {
        MapiHeaders::parse(self.head.headers.iter()).map_err(|e| e.in_field("HttpResponse"))
    }

    /// Absolute offset of the body.
    pub fn body_offset(&self) -> usize {
        self.body_offset
    }

    /// Reads the inner response stream from `content`, the content of
    /// [`entity`](Self::entity) (its [`contiguous`](Entity::contiguous)
    /// slice, or the joined chunks of [`Entity::content`]). Error offsets
    /// are offsets in the whole message, chunk framing included.
    pub fn inner_stream<'c>(
        &self,
        content: &'c [u8],
        limits: &HttpLimits,
    ) -> Result<InnerStream<'c>, Error> {
        InnerStream::parse(content, limits).map_err(|e| {
            let wire = self.entity.wire_offset(self.body_offset, e.offset());
            relocate(&e, wire).in_field("HttpResponse")
        })
    }
}

/// The same error at another offset.
fn relocate(e: &Error, offset: usize) -> Error {
    let mut out = Error::new(e.kind(), offset);
    let segs: heapless::Vec<Segment, 8> = e.path().segments().take(8).collect();
    for seg in segs.iter().rev() {
        out = match *seg {
            Segment::Name(n) => out.in_field(n),
            Segment::Index(i) => out.at_index(i as usize),
        };
    }
    out
}

impl<'a> Decode<'a> for HttpResponse<'a> {
    type Ctx = ();
    const NAME: &'static str = "HttpResponse";
    const MIN_LEN: usize = 17;

    fn decode_from(r: &mut Reader<'a>, _: ()) -> Result<Self, Error> {
        let (resp, used) = Self::parse_inner(r.peek_rest(), r.offset(), &HttpLimits::DEFAULT)?;
        r.bytes(used)?;
        Ok(resp)
    }
}

impl Encode for HttpResponse<'_> {
    type Ctx = ();
    fn encoded_len_with(&self, _: ()) -> usize {
        self.head.encoded_len() + self.entity.encoded_len()
    }
    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, _: ()) -> Result<(), Error> {
        self.head.encode(s)?;
        self.entity.encode(s)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for HttpResponse<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("HttpResponse", 2)?;
        st.serialize_field("head", &self.head)?;
        st.serialize_field("body", &self.entity)?;
        st.end()
    }
}

/// Which side of an exchange a body belongs to; the second key of
/// [`BodyDecoders`].
///
/// ```
/// use mapi_wire::http::Direction;
///
/// assert_ne!(Direction::Request, Direction::Response);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    /// The client's request body.
    Request,
    /// The server's response body.
    Response,
}

/// A table of body decoders: one entry per request type and direction,
/// filled by whoever knows the bodies (the EMSMDB and NSPI body modules,
/// an application, the `mapi-inspect` CLI), so that this envelope module
/// depends on none of them.
///
/// `F` is the decoder's type, usually a function pointer of the caller's
/// choosing.
///
/// ```
/// use mapi_wire::http::{BodyDecoders, Direction, RequestType};
///
/// type Decoder = fn(&[u8]) -> usize;
/// const DECODERS: BodyDecoders<Decoder> = BodyDecoders::new()
///     .with(RequestType::Execute, Direction::Request, |b| b.len());
/// let f = DECODERS.get(RequestType::Execute, Direction::Request).unwrap();
/// assert_eq!(f(b"abc"), 3);
/// assert!(DECODERS.get(RequestType::Execute, Direction::Response).is_none());
/// ```
#[derive(Clone, Copy, Debug)]
pub struct BodyDecoders<F: Copy> {
    table: [[Option<F>; 2]; RequestType::COUNT],
}

impl<F: Copy> Default for BodyDecoders<F> {
    fn default() -> Self {
        Self::new()
    }
}

impl<F: Copy> BodyDecoders<F> {
    /// An empty table.
    pub const fn new() -> Self {
        BodyDecoders {
            table: [[None; 2]; RequestType::COUNT],
        }
    }

    /// The table with `f` as the decoder of `request_type`'s bodies in
    /// `direction`.
    pub const fn with(mut self, request_type: RequestType, direction: Direction, f: F) -> Self {
        // The index is below COUNT by construction of RequestType.
        self.table[request_type.index()][direction as usize] = Some(f);
        self
    }

    /// Sets the decoder of `request_type`'s bodies in `direction`.
    pub fn set(&mut self, request_type: RequestType, direction: Direction, f: F) {
        if let Some(slot) = self
            .table
            .get_mut(request_type.index())
            .and_then(|row| row.get_mut(direction as usize))
        {
            *slot = Some(f);
        }
    }

    /// The decoder of `request_type`'s bodies in `direction`, if any.
    pub fn get(&self, request_type: RequestType, direction: Direction) -> Option<F> {
        self.table
            .get(request_type.index())
            .and_then(|row| row.get(direction as usize))
            .copied()
            .flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn framing_conflicts_are_refused() {
        let wire =
            b"POST / HTTP/1.1\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n";
        let e = HttpRequest::parse(wire, 0, &HttpLimits::DEFAULT).unwrap_err();
        assert_eq!(
            e.to_string(),
            "HttpRequest.Headers.Content-Length: invalid value 0x1 (offset 33)"
        );
        let wire = b"POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n";
        let e = HttpRequest::parse(wire, 0, &HttpLimits::DEFAULT).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Unsupported { value: 0 });
        assert_eq!(e.offset(), 36);
        let e = HttpRequest::parse(b"POST / HTTP/1.1\r\n", 0, &HttpLimits::DEFAULT).unwrap_err();
        assert_eq!(
            e.to_string(),
            "HttpRequest.RequestHead: needs 2 bytes, 0 remain (offset 17)"
        );
    }

    #[test]
    fn responses_without_a_body() {
        let wire = b"HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n";
        let (r, used) = HttpResponse::parse(wire, 0, &HttpLimits::DEFAULT).unwrap();
        assert_eq!((r.entity, used), (Entity::Empty, wire.len()));
        let wire = b"HTTP/1.1 200 OK\r\n\r\nPROCESSING\r\n";
        let (r, _) = HttpResponse::parse(wire, 0, &HttpLimits::DEFAULT).unwrap();
        assert_eq!(r.entity, Entity::UntilClose(b"PROCESSING\r\n"));
    }

    #[test]
    fn inner_errors_point_into_the_chunked_wire() {
        let wire = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n\
                     C\r\nPROCESSING\r\n\r\n5\r\nDXNE\n\r\n0\r\n\r\n";
        let (r, _) = HttpResponse::parse(wire, 0, &HttpLimits::DEFAULT).unwrap();
        let content = r.entity.content();
        let e = r.inner_stream(&content, &HttpLimits::DEFAULT).unwrap_err();
        // The X is byte 13 of the content and byte 68 of the message.
        assert_eq!(wire[68], b'X');
        assert_eq!(
            e.to_string(),
            "HttpResponse.ResponseStream.MetaTag: invalid value 0x58 (offset 68)"
        );
    }

    #[test]
    fn decoder_table() {
        let mut t: BodyDecoders<u8> = BodyDecoders::default();
        t.set(RequestType::GetAddressBookUrl, Direction::Response, 7);
        assert_eq!(
            t.get(RequestType::GetAddressBookUrl, Direction::Response),
            Some(7)
        );
        assert_eq!(
            t.get(RequestType::GetAddressBookUrl, Direction::Request),
            None
        );
    }
}
