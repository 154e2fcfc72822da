//! The HTTP/1.1 head of a MAPI/HTTP request or response: the start line
//! and the header block (MS-OXCMAPIHTTP 2.2.2; RFC 7230 3.1, 3.2), parsed
//! without copying and incrementally (a head that has not fully arrived
//! yields `None`), and the builders that write the head a client or a
//! server sends.

use super::header::{GuidCounter, Header, HeaderBlock, MAPI_HTTP, ResponseCode, TEXT_HTML, names};
use super::request_type::RequestType;
use super::text::{
    self, HttpLimits, Lossy, bad_byte, is_field_value, is_tchar, is_token, is_vchar, line_too_long,
};
use crate::wire::{Encode, Error, LenCounter, ResultExt, Sink};
use core::fmt;

/// A character of a request-target: visible ASCII (RFC 7230 5.3; URIs
/// are ASCII, RFC 3986 2).
fn is_target_char(b: u8) -> bool {
    (0x21..=0x7E).contains(&b)
}

/// Checks `HTTP/DIGIT.DIGIT`.
fn is_version(v: &[u8]) -> bool {
    v.len() == 8
        && v.starts_with(b"HTTP/")
        && v[5].is_ascii_digit()
        && v[6] == b'.'
        && v[7].is_ascii_digit()
}

/// Checks byte `k` of an HTTP-version.
fn version_byte(k: usize, b: u8) -> bool {
    match k {
        0..=4 => b == b"HTTP/"[k],
        5 | 7 => b.is_ascii_digit(),
        6 => b == b'.',
        _ => false,
    }
}

/// Positions within a request line.
struct RequestLine {
    method_end: usize,
    target_end: usize,
    /// Bytes of the line with its CRLF.
    len: usize,
}

/// Scans `method SP request-target SP HTTP-version CRLF`; `None` when the
/// input ends first.
fn scan_request_line(
    input: &[u8],
    base: u64,
    max_line: usize,
) -> Result<Option<RequestLine>, Error> {
    #[derive(Clone, Copy, PartialEq)]
    enum St {
        Method,
        Target,
        Version(usize),
        Lf,
    }
    let mut st = St::Method;
    let (mut method_end, mut target_end) = (0, 0);
    let mut i = 0;
    while let Some(&b) = input.get(i) {
        if st == St::Target {
            // The target is most of the line: take its run at once.
            let run = text::run_len(input, i, is_target_char).min(max_line.saturating_sub(i));
            if run > 0 {
                i += run;
                continue;
            }
        }
        let here = base + i as u64;
        let line_end = st == St::Lf || (st == St::Version(8) && b == b'\r');
        if i >= max_line && !line_end {
            return Err(line_too_long(base, max_line, "RequestLine"));
        }
        match st {
            St::Method => {
                if b == b' ' && i > 0 {
                    method_end = i;
                    st = St::Target;
                } else if !is_tchar(b) {
                    return Err(bad_byte(b, here, "Method").in_field("RequestLine"));
                }
            }
            St::Target => {
                if b == b' ' && i > method_end + 1 {
                    target_end = i;
                    st = St::Version(0);
                } else if !is_target_char(b) {
                    return Err(bad_byte(b, here, "RequestTarget").in_field("RequestLine"));
                }
            }
            St::Version(k) => {
                if k == 8 && b == b'\r' {
                    st = St::Lf;
                } else if version_byte(k, b) {
                    st = St::Version(k + 1);
                } else {
                    return Err(bad_byte(b, here, "HttpVersion").in_field("RequestLine"));
                }
            }
            St::Lf => {
                if b != b'\n' {
                    return Err(bad_byte(b, here, "LineEnd").in_field("RequestLine"));
                }
                return Ok(Some(RequestLine {
                    method_end,
                    target_end,
                    len: i + 1,
                }));
            }
        }
        i += 1;
    }
    Ok(None)
}

/// Positions within a status line.
struct StatusLine {
    status: u16,
    /// Bytes of the line with its CRLF.
    len: usize,
}

/// Scans `HTTP-version SP 3DIGIT SP reason-phrase CRLF`; `None` when the
/// input ends first.
fn scan_status_line(input: &[u8], base: u64, max_line: usize) -> Result<Option<StatusLine>, Error> {
    let mut status: u16 = 0;
    let mut cr = false;
    for (i, &b) in input.iter().enumerate() {
        let here = base + i as u64;
        if i >= max_line && !cr && b != b'\r' {
            return Err(line_too_long(base, max_line, "StatusLine"));
        }
        let ok = match i {
            0..=7 => version_byte(i, b),
            8 | 12 => b == b' ',
            9..=11 => {
                status = status * 10 + u16::from(b.wrapping_sub(b'0'));
                b.is_ascii_digit()
            }
            _ if cr => {
                if b != b'\n' {
                    return Err(bad_byte(b, here, "LineEnd").in_field("StatusLine"));
                }
                return Ok(Some(StatusLine { status, len: i + 1 }));
            }
            _ if b == b'\r' => {
                cr = true;
                true
            }
            _ => text::is_value_char(b),
        };
        if !ok {
            let field = match i {
                0..=7 => "HttpVersion",
                9..=11 => "StatusCode",
                8 | 12 => "Separator",
                _ => "ReasonPhrase",
            };
            return Err(bad_byte(b, here, field).in_field("StatusLine"));
        }
    }
    Ok(None)
}

/// The head of an HTTP request: request line and header fields (RFC 7230
/// 3.1.1, 3.2; MS-OXCMAPIHTTP 2.2.2.1).
///
/// The method is any token, not only POST, so that a server can answer a
/// wrong one with X-ResponseCode 2 (Invalid Verb); [`MapiHeaders`] checks
/// the MAPI/HTTP fields.
///
/// [`MapiHeaders`]: super::MapiHeaders
///
/// ```
/// use mapi_wire::http::{HttpLimits, MapiHeaders, RequestHead, RequestType};
/// use mapi_wire::wire::Encode;
///
/// let input = b"POST /mapi/emsmdb/ HTTP/1.1\r\nX-RequestType: PING\r\n\r\n";
/// // An incomplete head asks for more input.
/// assert!(RequestHead::parse(&input[..20], &HttpLimits::DEFAULT).unwrap().is_none());
/// let (head, used) = RequestHead::parse(input, &HttpLimits::DEFAULT).unwrap().unwrap();
/// assert_eq!(used, input.len());
/// assert_eq!((head.method, head.target), ("POST", "/mapi/emsmdb/"));
/// let mapi = MapiHeaders::parse(&head.headers).unwrap();
/// assert_eq!(mapi.request_type(), Some(RequestType::Ping));
/// assert_eq!(head.to_vec().unwrap(), input);
/// ```
#[derive(Clone, Copy, PartialEq)]
pub struct RequestHead<'a> {
    /// The method; MS-OXCMAPIHTTP 2.1 requires POST.
    pub method: &'a str,
    /// The request target (the endpoint path from Autodiscover): visible
    /// ASCII.
    pub target: &'a str,
    /// The HTTP version, `HTTP/1.1` for MAPI/HTTP.
    pub version: &'a str,
    /// The header fields.
    pub headers: HeaderBlock<'a>,
}

impl<'a> RequestHead<'a> {
    /// Reads a request head from the start of `input`. Returns the head
    /// and its length (the empty line included), or `None` when the head
    /// has not fully arrived and every byte so far is valid.
    pub fn parse(
        input: &'a [u8],
        limits: &HttpLimits,
    ) -> Result<Option<(RequestHead<'a>, usize)>, Error> {
        Self::parse_at(input, 0, limits).map_err(|e| e.in_field("RequestHead"))
    }

    /// Like [`parse`](Self::parse) for input whose first byte is at
    /// absolute `offset`; errors carry no "RequestHead" path segment.
    pub(crate) fn parse_at(
        input: &'a [u8],
        offset: usize,
        limits: &HttpLimits,
    ) -> Result<Option<(RequestHead<'a>, usize)>, Error> {
        let Some(line) = scan_request_line(input, offset as u64, limits.max_line)? else {
            return Ok(None);
        };
        let rest = input.get(line.len..).unwrap_or(&[]);
        let Some((headers, used)) =
            HeaderBlock::parse_in(rest, offset + line.len, limits, "Headers")?
        else {
            return Ok(None);
        };
        let s = |a: usize, b: usize| {
            input
                .get(a..b)
                .and_then(|v| core::str::from_utf8(v).ok())
                .unwrap_or("")
        };
        Ok(Some((
            RequestHead {
                method: s(0, line.method_end),
                target: s(line.method_end + 1, line.target_end),
                version: s(line.target_end + 1, line.len - 2),
                headers,
            },
            line.len + used,
        )))
    }

    /// Checks what a MAPI/HTTP server checks before it reads the headers:
    /// the method is POST (MS-OXCMAPIHTTP 2.1); otherwise X-ResponseCode 2,
    /// Invalid Verb.
    pub fn check_method(&self) -> Result<(), ResponseCode> {
        if self.method == "POST" {
            Ok(())
        } else {
            Err(ResponseCode::INVALID_VERB)
        }
    }
}

impl fmt::Debug for RequestHead<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RequestHead")
            .field("method", &self.method)
            .field("target", &self.target)
            .field("version", &self.version)
            .field("headers", &self.headers)
            .finish()
    }
}

impl Encode for RequestHead<'_> {
    type Ctx = ();

    fn encoded_len_with(&self, _: ()) -> usize {
        self.method.len()
            + 1
            + self.target.len()
            + 1
            + self.version.len()
            + 2
            + self.headers.encoded_len()
            + 2
    }

    /// Fails with `Unencodable` when the method is not a token, the target
    /// is empty or holds white space or controls, or the version is not
    /// `HTTP/d.d`.
    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, _: ()) -> Result<(), Error> {
        let at = s.position();
        if !is_token(self.method.as_bytes()) {
            return Err(text::unencodable(0, at, "Method").in_field("RequestHead"));
        }
        if self.target.is_empty() || !self.target.bytes().all(is_target_char) {
            return Err(text::unencodable(1, at, "RequestTarget").in_field("RequestHead"));
        }
        if !is_version(self.version.as_bytes()) {
            return Err(text::unencodable(2, at, "HttpVersion").in_field("RequestHead"));
        }
        for part in [self.method, " ", self.target, " ", self.version, "\r\n"] {
            s.put(part.as_bytes())?;
        }
        self.headers.encode(s).in_field("RequestHead")?;
        s.put(b"\r\n")
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for RequestHead<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("RequestHead", 4)?;
        st.serialize_field("method", self.method)?;
        st.serialize_field("target", self.target)?;
        st.serialize_field("version", self.version)?;
        st.serialize_field("headers", &self.headers)?;
        st.end()
    }
}

/// The head of an HTTP response: status line and header fields (RFC 7230
/// 3.1.2, 3.2; MS-OXCMAPIHTTP 2.2.2.2).
///
/// MAPI/HTTP servers answer 200 for success and for every non-exceptional
/// failure (the outcome is in X-ResponseCode), 401 for authentication, 302
/// for redirection and 5xx for exceptional failures.
///
/// ```
/// use mapi_wire::http::{HttpLimits, ResponseHead};
///
/// let input = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
/// let (head, used) = ResponseHead::parse(input, &HttpLimits::DEFAULT).unwrap().unwrap();
/// assert_eq!((head.status, head.reason, used), (200, &b"OK"[..], input.len()));
/// ```
#[derive(Clone, Copy, PartialEq)]
pub struct ResponseHead<'a> {
    /// The HTTP version, `HTTP/1.1` for MAPI/HTTP.
    pub version: &'a str,
    /// The status code, three digits.
    pub status: u16,
    /// The reason phrase (may be empty).
    pub reason: &'a [u8],
    /// The header fields.
    pub headers: HeaderBlock<'a>,
}

impl<'a> ResponseHead<'a> {
    /// Reads a response head from the start of `input`. Returns the head
    /// and its length (the empty line included), or `None` when the head
    /// has not fully arrived and every byte so far is valid.
    pub fn parse(
        input: &'a [u8],
        limits: &HttpLimits,
    ) -> Result<Option<(ResponseHead<'a>, usize)>, Error> {
        Self::parse_at(input, 0, limits).map_err(|e| e.in_field("ResponseHead"))
    }

    /// Like [`parse`](Self::parse) for input whose first byte is at
    /// absolute `offset`; errors carry no "ResponseHead" path segment.
    pub(crate) fn parse_at(
        input: &'a [u8],
        offset: usize,
        limits: &HttpLimits,
    ) -> Result<Option<(ResponseHead<'a>, usize)>, Error> {
        let Some(line) = scan_status_line(input, offset as u64, limits.max_line)? else {
            return Ok(None);
        };
        let rest = input.get(line.len..).unwrap_or(&[]);
        let Some((headers, used)) =
            HeaderBlock::parse_in(rest, offset + line.len, limits, "Headers")?
        else {
            return Ok(None);
        };
        Ok(Some((
            ResponseHead {
                version: input
                    .get(..8)
                    .and_then(|v| core::str::from_utf8(v).ok())
                    .unwrap_or(""),
                status: line.status,
                reason: input.get(13..line.len - 2).unwrap_or(&[]),
                headers,
            },
            line.len + used,
        )))
    }
}

impl fmt::Debug for ResponseHead<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ResponseHead")
            .field("version", &self.version)
            .field("status", &self.status)
            .field("reason", &Lossy(self.reason))
            .field("headers", &self.headers)
            .finish()
    }
}

impl Encode for ResponseHead<'_> {
    type Ctx = ();

    fn encoded_len_with(&self, _: ()) -> usize {
        8 + 1 + 3 + 1 + self.reason.len() + 2 + self.headers.encoded_len() + 2
    }

    /// Fails with `Unencodable` when the version is not `HTTP/d.d`, the
    /// status is above 999, or the reason phrase holds a control.
    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, _: ()) -> Result<(), Error> {
        let at = s.position();
        if !is_version(self.version.as_bytes()) {
            return Err(text::unencodable(0, at, "HttpVersion").in_field("ResponseHead"));
        }
        if self.status > 999 {
            return Err(text::unencodable(u64::from(self.status), at, "StatusCode")
                .in_field("ResponseHead"));
        }
        if !self.reason.iter().all(|&b| text::is_value_char(b)) {
            return Err(text::unencodable(1, at, "ReasonPhrase").in_field("ResponseHead"));
        }
        let digits = [
            b'0' + (self.status / 100) as u8,
            b'0' + (self.status / 10 % 10) as u8,
            b'0' + (self.status % 10) as u8,
        ];
        s.put(self.version.as_bytes())?;
        s.put(b" ")?;
        s.put(&digits)?;
        s.put(b" ")?;
        s.put(self.reason)?;
        s.put(b"\r\n")?;
        self.headers.encode(s).in_field("ResponseHead")?;
        s.put(b"\r\n")
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for ResponseHead<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("ResponseHead", 4)?;
        st.serialize_field("version", self.version)?;
        st.serialize_field("status", &self.status)?;
        st.serialize_field("reason", &Lossy(self.reason))?;
        st.serialize_field("headers", &self.headers)?;
        st.end()
    }
}

/// Writes `name: value CRLF`, checking the value.
fn put_field<S: Sink + ?Sized>(
    s: &mut S,
    name: &'static str,
    value: &[u8],
    value_ok: bool,
) -> Result<(), Error> {
    if !value_ok {
        return Err(text::unencodable(0, s.position(), name));
    }
    s.put(name.as_bytes())?;
    s.put(b": ")?;
    s.put(value)?;
    s.put(b"\r\n")
}

fn put_number<S: Sink + ?Sized>(s: &mut S, name: &'static str, v: u64) -> Result<(), Error> {
    let mut buf = [0u8; 20];
    put_field(s, name, text::decimal(v, &mut buf), true)
}

fn put_guid_counter<S: Sink + ?Sized>(
    s: &mut S,
    name: &'static str,
    v: &GuidCounter,
) -> Result<(), Error> {
    s.put(name.as_bytes())?;
    s.put(b": ")?;
    v.put(s)?;
    s.put(b"\r\n")
}

/// A cookie value may not hold `;`, white space or controls (RFC 6265
/// 4.1.1 cookie-octet, plus the double quotes it allows around them).
fn is_cookie_value(v: &[u8]) -> bool {
    v.iter()
        .all(|&b| is_vchar(b) && !matches!(b, b';' | b',' | b'\\'))
}

/// The head a MAPI/HTTP client sends (MS-OXCMAPIHTTP 2.2.2.1, 2.2.3), in
/// the order of the examples of section 4:
///
/// ```text
/// POST <target> HTTP/1.1
/// Host: <host>
/// Content-Length: <content_length>
/// Content-Type: application/mapi-http
/// Cookie: <name>=<value>; ...        (when there are cookies)
/// X-RequestType: <request type>
/// X-ClientInfo: <client_info>
/// X-RequestId: <request_id>
/// X-ClientApplication: <client_application>
/// <extra fields>
/// ```
///
/// Host, X-RequestType, X-RequestId, Content-Type and Content-Length are
/// required on every request (2.2.2.1); X-ClientInfo (2.2.3.3.4) and
/// X-ClientApplication (2.2.3.3.6) are sent on every request too. The
/// cookies of the Session Context go on every request but the first
/// Connect or Bind (3.1.5.2); they are written as one Cookie field, as RFC
/// 6265 5.4 asks of user agents (the examples of section 4 show one field
/// per cookie; servers accept both). PING has no body, so its
/// Content-Length must be 0.
///
/// ```
/// use mapi_wire::data::Guid;
/// use mapi_wire::http::{GuidCounter, MapiRequestHead, RequestType};
/// use mapi_wire::wire::Encode;
///
/// let g = Guid::from_fields(0x2EF3_3C39, 0x49C8, 0x421C, [0xB8, 0x76, 0xCD, 0xF7, 0xF2, 0xAC, 0x3A, 0xA0]);
/// let head = MapiRequestHead {
///     cookies: &[("MapiContext", "ctx"), ("MapiSequence", "7")],
///     content_length: 0,
///     ..MapiRequestHead::new(
///         RequestType::Ping,
///         "/mapi/emsmdb/",
///         "mail.example.com",
///         GuidCounter::request_id(g, 3),
///         GuidCounter::client_info(g, 1),
///         "Outlook/16.0.17928.20114",
///     )
/// };
/// let bytes = head.to_vec().unwrap();
/// assert_eq!(bytes.len(), head.encoded_len());
/// assert!(bytes.starts_with(b"POST /mapi/emsmdb/ HTTP/1.1\r\nHost: mail.example.com\r\nContent-Length: 0\r\n"));
/// assert!(bytes.ends_with(b"X-ClientApplication: Outlook/16.0.17928.20114\r\n\r\n"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapiRequestHead<'a> {
    /// The request type.
    pub request_type: RequestType,
    /// The request target: the endpoint path from Autodiscover.
    pub target: &'a str,
    /// The Host value.
    pub host: &'a str,
    /// X-RequestId: the Session Context's GUID and a counter that grows
    /// with every request.
    pub request_id: GuidCounter,
    /// X-ClientInfo: the client instance's GUID and counter.
    pub client_info: GuidCounter,
    /// X-ClientApplication, such as `Outlook/15.00.0000.0000`.
    pub client_application: &'a str,
    /// The cookies of the Session Context, as `(name, value)`.
    pub cookies: &'a [(&'a str, &'a str)],
    /// The length of the body that follows the head.
    pub content_length: u64,
    /// More fields (Authorization, User-Agent, ...), written last.
    pub extra: &'a [Header<'a>],
}

impl<'a> MapiRequestHead<'a> {
    /// A head without cookies, extra fields or body.
    pub const fn new(
        request_type: RequestType,
        target: &'a str,
        host: &'a str,
        request_id: GuidCounter,
        client_info: GuidCounter,
        client_application: &'a str,
    ) -> Self {
        MapiRequestHead {
            request_type,
            target,
            host,
            request_id,
            client_info,
            client_application,
            cookies: &[],
            content_length: 0,
            extra: &[],
        }
    }
}

impl Encode for MapiRequestHead<'_> {
    type Ctx = ();

    fn encoded_len_with(&self, _: ()) -> usize {
        let mut c = LenCounter::default();
        let _ = self.encode_with(&mut c, ());
        c.0
    }

    /// Fails with `Unencodable` when a value cannot stand in its field
    /// (white space in the target, controls, `;` in a cookie value, ...)
    /// or when a PING announces a body.
    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, _: ()) -> Result<(), Error> {
        let r = (|| {
            if !self.request_type.has_body() && self.content_length != 0 {
                return Err(text::unencodable(
                    self.content_length,
                    s.position(),
                    names::CONTENT_LENGTH,
                ));
            }
            if self.target.is_empty() || !self.target.bytes().all(is_target_char) {
                return Err(text::unencodable(1, s.position(), "RequestTarget"));
            }
            s.put(b"POST ")?;
            s.put(self.target.as_bytes())?;
            s.put(b" HTTP/1.1\r\n")?;
            put_field(
                s,
                names::HOST,
                self.host.as_bytes(),
                !self.host.is_empty() && is_field_value(self.host.as_bytes()),
            )?;
            put_number(s, names::CONTENT_LENGTH, self.content_length)?;
            put_field(s, names::CONTENT_TYPE, MAPI_HTTP.as_bytes(), true)?;
            if !self.cookies.is_empty() {
                let ok = self
                    .cookies
                    .iter()
                    .all(|(n, v)| is_token(n.as_bytes()) && is_cookie_value(v.as_bytes()));
                if !ok {
                    return Err(text::unencodable(0, s.position(), names::COOKIE));
                }
                s.put(names::COOKIE.as_bytes())?;
                s.put(b": ")?;
                for (i, (n, v)) in self.cookies.iter().enumerate() {
                    if i > 0 {
                        s.put(b"; ")?;
                    }
                    s.put(n.as_bytes())?;
                    s.put(b"=")?;
                    s.put(v.as_bytes())?;
                }
                s.put(b"\r\n")?;
            }
            put_field(
                s,
                names::X_REQUEST_TYPE,
                self.request_type.token().as_bytes(),
                true,
            )?;
            put_guid_counter(s, names::X_CLIENT_INFO, &self.client_info)?;
            put_guid_counter(s, names::X_REQUEST_ID, &self.request_id)?;
            put_field(
                s,
                names::X_CLIENT_APPLICATION,
                self.client_application.as_bytes(),
                is_field_value(self.client_application.as_bytes()),
            )?;
            for (i, h) in self.extra.iter().enumerate() {
                h.encode(s).at_index(i).in_field("Extra")?;
            }
            s.put(b"\r\n")
        })();
        r.in_field("MapiRequestHead")
    }
}

/// How a response body is delimited (RFC 7230 3.3.3), for
/// [`MapiResponseHead`].
///
/// ```
/// use mapi_wire::data::Guid;
/// use mapi_wire::http::{Framing, GuidCounter, MapiResponseHead, RequestType, ResponseCode};
/// use mapi_wire::wire::Encode;
///
/// let id = GuidCounter::request_id(Guid::NIL, 1);
/// let head = MapiResponseHead::new(RequestType::Ping, id, ResponseCode::SUCCESS, "Exchange/15.0", Framing::ContentLength(61));
/// assert!(head.to_vec().unwrap().starts_with(b"HTTP/1.1 200 OK\r\nContent-Length: 61\r\n"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Framing {
    /// `Content-Length: n`: the whole response is known in advance
    /// (MS-OXCMAPIHTTP 3.2.5.2 lets the server forgo chunking then).
    ContentLength(u64),
    /// `Transfer-Encoding: chunked`: the server streams PROCESSING,
    /// PENDING and the final part as they come (3.2.5.2).
    Chunked,
}

/// The head a MAPI/HTTP server sends (MS-OXCMAPIHTTP 2.2.2.2, 2.2.3), in
/// the order of the examples of section 4:
///
/// ```text
/// HTTP/1.1 200 OK
/// Content-Length: <n>  |  Transfer-Encoding: chunked
/// Content-Type: application/mapi-http   (text/html when the code is not 0)
/// Set-Cookie: <value>                   (one field per cookie)
/// X-PendingPeriod: <ms>                 (when given)
/// X-RequestType: <request type>
/// X-RequestId: <echo>
/// X-ResponseCode: <code>
/// X-ClientInfo: <echo>                  (when the request had one)
/// X-ServerApplication: <version>
/// X-ExpirationInfo: <ms>                (when given)
/// <extra fields>
/// ```
///
/// Content-Type, X-RequestType, X-ResponseCode and X-RequestId are
/// required (2.2.2.2); X-ServerApplication and X-ExpirationInfo go on every
/// response (2.2.3.3.7, 2.2.3.3.8); X-PendingPeriod goes in the immediate
/// response when PENDING keep-alives may follow (3.2.5.2).
///
/// ```
/// use mapi_wire::data::Guid;
/// use mapi_wire::http::{Framing, GuidCounter, MapiResponseHead, RequestType, ResponseCode};
/// use mapi_wire::wire::Encode;
///
/// let head = MapiResponseHead {
///     pending_period: Some(15000),
///     ..MapiResponseHead::new(
///         RequestType::Execute,
///         GuidCounter::request_id(Guid::NIL, 1),
///         ResponseCode::SUCCESS,
///         "Exchange/15.02.1544.004",
///         Framing::Chunked,
///     )
/// };
/// let bytes = head.to_vec().unwrap();
/// assert!(bytes.starts_with(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: application/mapi-http\r\n"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapiResponseHead<'a> {
    /// X-RequestType, echoed.
    pub request_type: RequestType,
    /// X-RequestId, echoed.
    pub request_id: GuidCounter,
    /// X-ClientInfo, echoed when the request had one.
    pub client_info: Option<GuidCounter>,
    /// X-ResponseCode.
    pub response_code: ResponseCode,
    /// X-ServerApplication, such as `Exchange/15.02.1544.004`.
    pub server_application: &'a str,
    /// X-ExpirationInfo: milliseconds until the Session Context expires.
    pub expiration_info: Option<u64>,
    /// X-PendingPeriod: milliseconds between PENDING keep-alives.
    pub pending_period: Option<u64>,
    /// Set-Cookie values, one field each (`name=value[; attributes]`).
    pub set_cookies: &'a [&'a str],
    /// Content-Length or chunked.
    pub framing: Framing,
    /// More fields, written last.
    pub extra: &'a [Header<'a>],
}

impl<'a> MapiResponseHead<'a> {
    /// A head without client info, expiration, pending period, cookies or
    /// extra fields.
    pub const fn new(
        request_type: RequestType,
        request_id: GuidCounter,
        response_code: ResponseCode,
        server_application: &'a str,
        framing: Framing,
    ) -> Self {
        MapiResponseHead {
            request_type,
            request_id,
            client_info: None,
            response_code,
            server_application,
            expiration_info: None,
            pending_period: None,
            set_cookies: &[],
            framing,
            extra: &[],
        }
    }
}

impl Encode for MapiResponseHead<'_> {
    type Ctx = ();

    fn encoded_len_with(&self, _: ()) -> usize {
        let mut c = LenCounter::default();
        let _ = self.encode_with(&mut c, ());
        c.0
    }

    /// Fails with `Unencodable` when a value cannot stand in its field.
    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, _: ()) -> Result<(), Error> {
        let r = (|| {
            s.put(b"HTTP/1.1 200 OK\r\n")?;
            match self.framing {
                Framing::ContentLength(n) => put_number(s, names::CONTENT_LENGTH, n)?,
                Framing::Chunked => put_field(s, names::TRANSFER_ENCODING, b"chunked", true)?,
            }
            let ct = if self.response_code.is_success() {
                MAPI_HTTP
            } else {
                TEXT_HTML
            };
            put_field(s, names::CONTENT_TYPE, ct.as_bytes(), true)?;
            for c in self.set_cookies {
                put_field(
                    s,
                    names::SET_COOKIE,
                    c.as_bytes(),
                    !c.is_empty() && is_field_value(c.as_bytes()),
                )?;
            }
            if let Some(p) = self.pending_period {
                put_number(s, names::X_PENDING_PERIOD, p)?;
            }
            put_field(
                s,
                names::X_REQUEST_TYPE,
                self.request_type.token().as_bytes(),
                true,
            )?;
            put_guid_counter(s, names::X_REQUEST_ID, &self.request_id)?;
            put_number(s, names::X_RESPONSE_CODE, u64::from(self.response_code.0))?;
            if let Some(ci) = &self.client_info {
                put_guid_counter(s, names::X_CLIENT_INFO, ci)?;
            }
            put_field(
                s,
                names::X_SERVER_APPLICATION,
                self.server_application.as_bytes(),
                is_field_value(self.server_application.as_bytes()),
            )?;
            if let Some(e) = self.expiration_info {
                put_number(s, names::X_EXPIRATION_INFO, e)?;
            }
            for (i, h) in self.extra.iter().enumerate() {
                h.encode(s).at_index(i).in_field("Extra")?;
            }
            s.put(b"\r\n")
        })();
        r.in_field("MapiResponseHead")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::ErrorKind;

    fn req(input: &[u8]) -> Result<Option<(RequestHead<'_>, usize)>, Error> {
        RequestHead::parse(input, &HttpLimits::DEFAULT)
    }

    #[test]
    fn request_line_errors() {
        // "PO" is a method and "ST" a target: the version fails.
        let e = req(b"PO ST / HTTP/1.1\r\n\r\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "RequestHead.RequestLine.HttpVersion: invalid value 0x2f (offset 6)"
        );
        let e = req(b"POST /\x7f HTTP/1.1\r\n\r\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "RequestHead.RequestLine.RequestTarget: invalid value 0x7f (offset 6)"
        );
        // URIs are ASCII: no obs-text in the target.
        let e = req(b"POST /\xe4 HTTP/1.1\r\n\r\n").unwrap_err();
        assert_eq!(
            (e.offset(), e.kind()),
            (6, ErrorKind::InvalidValue { value: 0xe4 })
        );
        let e = req(b" / HTTP/1.1\r\n\r\n").unwrap_err();
        assert_eq!(e.offset(), 0);
        let e = req(b"POST  HTTP/1.1\r\n\r\n").unwrap_err();
        assert_eq!(e.offset(), 5);
        let e = req(b"POST / HTTP/1.1 \r\n\r\n").unwrap_err();
        assert_eq!(
            (e.offset(), e.kind()),
            (15, ErrorKind::InvalidValue { value: 0x20 })
        );
        let e = req(b"POST / HTTP/11\r\n\r\n").unwrap_err();
        assert_eq!(e.offset(), 13);
        let e = req(b"POST / HTTP/1.1\n").unwrap_err();
        assert_eq!(e.offset(), 15);
        let e = req(b"POST / HTTP/1.1\r\nA: b\r\nB\r\n\r\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "RequestHead.Headers.FieldName: invalid value 0xd (offset 24)"
        );
    }

    #[test]
    fn every_prefix_of_a_head_is_partial() {
        let input = b"POST /x HTTP/1.1\r\nHost: h\r\n\r\n";
        for n in 0..input.len() {
            assert!(req(&input[..n]).unwrap().is_none(), "{n}");
        }
        assert_eq!(req(input).unwrap().unwrap().1, input.len());
    }

    #[test]
    fn long_request_lines_stop_the_scan() {
        let limits = HttpLimits {
            max_line: 16,
            ..HttpLimits::DEFAULT
        };
        assert!(RequestHead::parse(b"POST /a HTTP/1.1\r\n\r\n", &limits).is_ok());
        let e = RequestHead::parse(b"POST /ab HTTP/1.1\r\n\r\n", &limits).unwrap_err();
        assert_eq!(e.offset(), 0);
        let e = RequestHead::parse(b"POST /aaaaaaaaaaaaaaaaaaaaaa", &limits).unwrap_err();
        assert_eq!(
            e.kind(),
            ErrorKind::LimitExceeded {
                value: 17,
                limit: 16
            }
        );
        assert_eq!(e.offset(), 0);
    }

    #[test]
    fn status_lines() {
        let (h, _) = ResponseHead::parse(b"HTTP/1.1 401 \r\n\r\n", &HttpLimits::DEFAULT)
            .unwrap()
            .unwrap();
        assert_eq!((h.status, h.reason), (401, &b""[..]));
        assert_eq!(h.to_vec().unwrap(), b"HTTP/1.1 401 \r\n\r\n");
        let e = ResponseHead::parse(b"HTTP/1.1 2x0 OK\r\n\r\n", &HttpLimits::DEFAULT).unwrap_err();
        assert_eq!(
            e.to_string(),
            "ResponseHead.StatusLine.StatusCode: invalid value 0x78 (offset 10)"
        );
        let e = ResponseHead::parse(b"HTTP/1.1 200\r\n\r\n", &HttpLimits::DEFAULT).unwrap_err();
        assert_eq!(e.offset(), 12);
        let e =
            ResponseHead::parse(b"HTTP/1.1 200 O\x01K\r\n\r\n", &HttpLimits::DEFAULT).unwrap_err();
        assert_eq!(e.offset(), 14);
    }

    #[test]
    fn builders_refuse_bad_values() {
        let g = GuidCounter::request_id(crate::data::Guid::NIL, 1);
        let ok = MapiRequestHead::new(RequestType::Execute, "/m", "h", g, g, "Outlook/1");
        assert!(ok.to_vec().is_ok());
        let ping_with_body = MapiRequestHead {
            content_length: 4,
            ..MapiRequestHead::new(RequestType::Ping, "/m", "h", g, g, "Outlook/1")
        };
        let e = ping_with_body.to_vec().unwrap_err();
        assert_eq!(
            e.to_string(),
            "MapiRequestHead.Content-Length: cannot encode value 0x4 (offset 0)"
        );
        let bad_cookie = MapiRequestHead {
            cookies: &[("a", "b;c")],
            ..ok
        };
        assert!(bad_cookie.to_vec().is_err());
        let bad_target = MapiRequestHead {
            target: "/a b",
            ..ok
        };
        assert!(bad_target.to_vec().is_err());
    }
}
