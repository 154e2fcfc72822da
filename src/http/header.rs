//! Header fields (MS-OXCMAPIHTTP 2.2.3; RFC 7230 3.2): the borrowed
//! [`Header`] line, the zero-copy [`HeaderBlock`], the typed values of the
//! MAPI/HTTP headers, and [`MapiHeaders`], which validates them.

use super::request_type::RequestType;
use super::text::{
    self, HttpLimits, Line, LineScan, Lossy, bad_byte, is_field_value, is_ows_run, is_token,
    parse_decimal,
};
use crate::data::Guid;
use crate::wire::{Encode, Error, ErrorKind, ResultExt, Sink};
use core::fmt;

/// The names of the header fields MS-OXCMAPIHTTP 2.2.3 defines or uses,
/// spelled as the specification spells them (names compare without regard
/// to case, RFC 7230 3.2).
///
/// ```
/// use mapi_wire::http::{Header, names};
///
/// assert!(Header::new("x-requesttype", b"PING").is(names::X_REQUEST_TYPE));
/// ```
pub mod names {
    /// Host (2.2.3.1).
    pub const HOST: &str = "Host";
    /// Content-Length (2.2.3.2.1).
    pub const CONTENT_LENGTH: &str = "Content-Length";
    /// Content-Type (2.2.3.2.2).
    pub const CONTENT_TYPE: &str = "Content-Type";
    /// Set-Cookie (2.2.3.2.3).
    pub const SET_COOKIE: &str = "Set-Cookie";
    /// Cookie (2.2.3.2.4).
    pub const COOKIE: &str = "Cookie";
    /// Transfer-Encoding (2.2.3.2.5).
    pub const TRANSFER_ENCODING: &str = "Transfer-Encoding";
    /// X-RequestType (2.2.3.3.1).
    pub const X_REQUEST_TYPE: &str = "X-RequestType";
    /// X-RequestId (2.2.3.3.2).
    pub const X_REQUEST_ID: &str = "X-RequestId";
    /// X-ResponseCode (2.2.3.3.3).
    pub const X_RESPONSE_CODE: &str = "X-ResponseCode";
    /// X-ClientInfo (2.2.3.3.4).
    pub const X_CLIENT_INFO: &str = "X-ClientInfo";
    /// X-PendingPeriod (2.2.3.3.5).
    pub const X_PENDING_PERIOD: &str = "X-PendingPeriod";
    /// X-ClientApplication (2.2.3.3.6).
    pub const X_CLIENT_APPLICATION: &str = "X-ClientApplication";
    /// X-ServerApplication (2.2.3.3.7).
    pub const X_SERVER_APPLICATION: &str = "X-ServerApplication";
    /// X-ExpirationInfo (2.2.3.3.8).
    pub const X_EXPIRATION_INFO: &str = "X-ExpirationInfo";
    /// X-ElapsedTime (2.2.3.3.9).
    pub const X_ELAPSED_TIME: &str = "X-ElapsedTime";
    /// X-StartTime (2.2.3.3.10).
    pub const X_START_TIME: &str = "X-StartTime";
    /// X-DeviceInfo (2.2.3.3.11).
    pub const X_DEVICE_INFO: &str = "X-DeviceInfo";
}

/// The media type of requests and of successful responses (MS-OXCMAPIHTTP
/// 2.2.3.2.2).
///
/// ```
/// assert_eq!(mapi_wire::http::MAPI_HTTP, "application/mapi-http");
/// ```
pub const MAPI_HTTP: &str = "application/mapi-http";
/// The media type of responses with a non-zero X-ResponseCode, whose body
/// is diagnostic text (MS-OXCMAPIHTTP 2.2.3.2.2).
///
/// ```
/// assert_eq!(mapi_wire::http::TEXT_HTML, "text/html");
/// ```
pub const TEXT_HTML: &str = "text/html";

/// One header field line (RFC 7230 3.2): `name ":" OWS value OWS CRLF`.
///
/// Everything borrows the input, and the white space around the value is
/// kept, so encoding gives the line back byte for byte. [`Header::new`]
/// builds a field for encoding, written `name: value`.
///
/// ```
/// use mapi_wire::http::{Header, HeaderBlock, HttpLimits};
/// use mapi_wire::wire::Encode;
///
/// let (block, used) = HeaderBlock::parse(b"X-ResponseCode:  0 \r\n\r\nbody", 0, &HttpLimits::DEFAULT)
///     .unwrap()
///     .unwrap();
/// assert_eq!(used, 23);
/// let h = block.iter().next().unwrap();
/// assert!(h.is("x-responsecode"));
/// assert_eq!(h.value, b"0");
/// assert_eq!(h.to_vec().unwrap(), b"X-ResponseCode:  0 \r\n");
/// assert_eq!(Header::new("X-ResponseCode", b"0").to_vec().unwrap(), b"X-ResponseCode: 0\r\n");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Header<'a> {
    /// The field name, a token.
    pub name: &'a str,
    /// The field value without the white space around it.
    pub value: &'a [u8],
    /// The white space between the colon and the value.
    pub leading_ws: &'a [u8],
    /// The white space between the value and the CRLF.
    pub trailing_ws: &'a [u8],
    /// Absolute offset of the line in the input it was read from (0 for a
    /// field built for encoding).
    pub offset: usize,
}

impl<'a> Header<'a> {
    /// A field `name: value` for encoding.
    pub const fn new(name: &'a str, value: &'a [u8]) -> Self {
        Header {
            name,
            value,
            leading_ws: b" ",
            trailing_ws: b"",
            offset: 0,
        }
    }

    /// Splits a validated line (CRLF excluded) whose colon is at `colon`.
    pub(crate) fn from_line(line: &'a [u8], colon: usize, offset: usize) -> Self {
        let (name, rest) = line.split_at(colon.min(line.len()));
        let rest = rest.get(1..).unwrap_or(&[]);
        let lead = rest
            .iter()
            .position(|&b| b != b' ' && b != b'\t')
            .unwrap_or(rest.len());
        let (leading_ws, rest) = rest.split_at(lead);
        let trail = rest
            .iter()
            .rev()
            .position(|&b| b != b' ' && b != b'\t')
            .unwrap_or(0);
        let (value, trailing_ws) = rest.split_at(rest.len() - trail);
        Header {
            name: core::str::from_utf8(name).unwrap_or(""),
            value,
            leading_ws,
            trailing_ws,
            offset,
        }
    }

    /// True when the field is called `name` (names compare without regard
    /// to ASCII case, RFC 7230 3.2).
    pub fn is(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
    }

    /// The value as text, if it is UTF-8 (MAPI/HTTP values are ASCII).
    pub fn value_str(&self) -> Option<&'a str> {
        core::str::from_utf8(self.value).ok()
    }

    /// Absolute offset of the value's first byte.
    pub fn value_offset(&self) -> usize {
        self.offset
            .saturating_add(self.name.len() + 1 + self.leading_ws.len())
    }
}

impl fmt::Debug for Header<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {:?}", self.name, Lossy(self.value))
    }
}

impl Encode for Header<'_> {
    type Ctx = ();

    fn encoded_len_with(&self, _: ()) -> usize {
        self.name.len() + 1 + self.leading_ws.len() + self.value.len() + self.trailing_ws.len() + 2
    }

    /// Fails with [`ErrorKind::Unencodable`] when the parts could not be
    /// read back as the same field: a name that is not a token, a value
    /// with a control character or with white space at either end, or
    /// white space runs that are not white space.
    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, _: ()) -> Result<(), Error> {
        if !is_token(self.name.as_bytes()) {
            return Err(text::unencodable(0, s.position(), "Name").in_field("Header"));
        }
        if !is_field_value(self.value)
            || !is_ows_run(self.leading_ws)
            || !is_ows_run(self.trailing_ws)
            || (self.value.is_empty() && !self.trailing_ws.is_empty())
        {
            return Err(text::unencodable(1, s.position(), "Value").in_field("Header"));
        }
        s.put(self.name.as_bytes())?;
        s.put(b":")?;
        s.put(self.leading_ws)?;
        s.put(self.value)?;
        s.put(self.trailing_ws)?;
        s.put(b"\r\n")
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Header<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Header", 2)?;
        st.serialize_field("name", self.name)?;
        st.serialize_field("value", &Lossy(self.value))?;
        st.end()
    }
}

#[derive(Clone, Copy)]
enum BlockRepr<'a> {
    /// Validated lines, each with its CRLF; the empty line that ends the
    /// block is not included.
    Wire {
        bytes: &'a [u8],
        count: usize,
        offset: usize,
    },
    Built(&'a [Header<'a>]),
}

/// A block of header fields: the fields of an HTTP head, the additional
/// headers after DONE (MS-OXCMAPIHTTP 2.2.7, 3.2.5.2), or the trailer of a
/// chunked body.
///
/// A decoded block keeps its validated wire bytes and splits fields on
/// demand, so it needs no allocator; one built for encoding borrows a
/// slice of [`Header`]s. Order and repeated fields are kept.
///
/// ```
/// use mapi_wire::http::{Header, HeaderBlock, HttpLimits};
/// use mapi_wire::wire::Encode;
///
/// let input = b"Set-Cookie: a=1\r\nset-cookie: b=2\r\n\r\n";
/// let (block, used) = HeaderBlock::parse(input, 0, &HttpLimits::DEFAULT).unwrap().unwrap();
/// assert_eq!((block.len(), used), (2, input.len()));
/// assert_eq!(block.get_all("Set-Cookie").count(), 2);
/// assert_eq!(block.get("SET-COOKIE").unwrap().value, b"a=1");
/// assert_eq!(block.to_vec().unwrap(), &input[..input.len() - 2]);
///
/// let built = [Header::new("X-ResponseCode", b"0")];
/// assert_eq!(HeaderBlock::from_slice(&built).to_vec().unwrap(), b"X-ResponseCode: 0\r\n");
/// ```
#[derive(Clone, Copy)]
pub struct HeaderBlock<'a>(BlockRepr<'a>);

impl<'a> HeaderBlock<'a> {
    /// A block with no field.
    pub const EMPTY: HeaderBlock<'static> = HeaderBlock(BlockRepr::Built(&[]));

    /// A block over fields built for encoding.
    pub const fn from_slice(headers: &'a [Header<'a>]) -> Self {
        HeaderBlock(BlockRepr::Built(headers))
    }

    /// A block over lines the caller validated.
    pub(crate) const fn from_wire(bytes: &'a [u8], count: usize, offset: usize) -> Self {
        HeaderBlock(BlockRepr::Wire {
            bytes,
            count,
            offset,
        })
    }

    /// Reads header lines from `input` up to and including the empty line
    /// that ends them. `offset` is the absolute offset of `input[0]`, for
    /// errors and [`Header::offset`].
    ///
    /// Returns the block and the bytes used (empty line included), or
    /// `None` when `input` ends before the empty line while everything so
    /// far is valid: call again with more input. Fails at the first byte
    /// that cannot belong to a header block, at a line longer than
    /// [`HttpLimits::max_line`], or at a field beyond
    /// [`HttpLimits::max_headers`].
    pub fn parse(
        input: &'a [u8],
        offset: usize,
        limits: &HttpLimits,
    ) -> Result<Option<(HeaderBlock<'a>, usize)>, Error> {
        Self::parse_in(input, offset, limits, "Headers")
    }

    pub(crate) fn parse_in(
        input: &'a [u8],
        offset: usize,
        limits: &HttpLimits,
        field: &'static str,
    ) -> Result<Option<(HeaderBlock<'a>, usize)>, Error> {
        let mut scan = LineScan::new();
        let mut pos = 0;
        let mut count = 0usize;
        loop {
            let rest = input.get(pos..).unwrap_or(&[]);
            let base = (offset as u64).saturating_add(pos as u64);
            match scan.feed(rest, base, limits.max_line, field)? {
                None => return Ok(None),
                Some((used, Line::Blank)) => {
                    let bytes = input.get(..pos).unwrap_or(&[]);
                    return Ok(Some((
                        HeaderBlock::from_wire(bytes, count, offset),
                        pos + used,
                    )));
                }
                Some((used, Line::Field { .. })) => {
                    count += 1;
                    if count > limits.max_headers {
                        return Err(Error::new(
                            ErrorKind::limit_exceeded(count, limits.max_headers),
                            text::at(base),
                        )
                        .in_field(field));
                    }
                    pos += used;
                }
            }
        }
    }

    /// Number of fields.
    pub fn len(&self) -> usize {
        match self.0 {
            BlockRepr::Wire { count, .. } => count,
            BlockRepr::Built(h) => h.len(),
        }
    }

    /// True when the block has no field.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The fields, in order.
    pub fn iter(&self) -> Headers<'a> {
        match self.0 {
            BlockRepr::Wire { bytes, offset, .. } => Headers(HeadersRepr::Wire { bytes, offset }),
            BlockRepr::Built(h) => Headers(HeadersRepr::Built(h.iter())),
        }
    }

    /// The first field called `name` (in any case).
    pub fn get(&self, name: &str) -> Option<Header<'a>> {
        self.iter().find(|h| h.is(name))
    }

    /// Every field called `name`, in order.
    pub fn get_all<'n>(&self, name: &'n str) -> impl Iterator<Item = Header<'a>> + 'n
    where
        'a: 'n,
    {
        self.iter().filter(move |h| h.is(name))
    }

    /// The validated wire bytes of a decoded block (each field with its
    /// CRLF, without the empty line); `None` for a built one.
    pub fn wire_bytes(&self) -> Option<&'a [u8]> {
        match self.0 {
            BlockRepr::Wire { bytes, .. } => Some(bytes),
            BlockRepr::Built(_) => None,
        }
    }
}

impl<'a> IntoIterator for &HeaderBlock<'a> {
    type Item = Header<'a>;
    type IntoIter = Headers<'a>;
    fn into_iter(self) -> Headers<'a> {
        self.iter()
    }
}

impl PartialEq for HeaderBlock<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len()
            && self.iter().zip(other.iter()).all(|(a, b)| {
                a.name == b.name
                    && a.value == b.value
                    && a.leading_ws == b.leading_ws
                    && a.trailing_ws == b.trailing_ws
            })
    }
}

impl fmt::Debug for HeaderBlock<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Encode for HeaderBlock<'_> {
    type Ctx = ();

    fn encoded_len_with(&self, _: ()) -> usize {
        match self.0 {
            BlockRepr::Wire { bytes, .. } => bytes.len(),
            BlockRepr::Built(h) => h.iter().map(|h| h.encoded_len()).sum(),
        }
    }

    /// Writes the field lines (not the empty line after them).
    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, _: ()) -> Result<(), Error> {
        match self.0 {
            BlockRepr::Wire { bytes, .. } => s.put(bytes),
            BlockRepr::Built(h) => {
                for (i, h) in h.iter().enumerate() {
                    h.encode(s).at_index(i)?;
                }
                Ok(())
            }
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for HeaderBlock<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

#[derive(Clone)]
enum HeadersRepr<'a> {
    Wire { bytes: &'a [u8], offset: usize },
    Built(core::slice::Iter<'a, Header<'a>>),
}

/// Iterator over the fields of a [`HeaderBlock`].
///
/// ```
/// use mapi_wire::http::{HeaderBlock, HttpLimits};
///
/// let (b, _) = HeaderBlock::parse(b"A: 1\r\nB: 2\r\n\r\n", 0, &HttpLimits::DEFAULT).unwrap().unwrap();
/// let names: Vec<&str> = b.iter().map(|h| h.name).collect();
/// assert_eq!(names, ["A", "B"]);
/// ```
#[derive(Clone)]
pub struct Headers<'a>(HeadersRepr<'a>);

impl<'a> Iterator for Headers<'a> {
    type Item = Header<'a>;

    fn next(&mut self) -> Option<Header<'a>> {
        match &mut self.0 {
            HeadersRepr::Built(it) => it.next().copied(),
            HeadersRepr::Wire { bytes, offset } => {
                // The lines were validated: each ends in CRLF, has a colon,
                // and holds no other CR.
                let cr = bytes.iter().position(|&b| b == b'\r')?;
                let line = bytes.get(..cr)?;
                let colon = line.iter().position(|&b| b == b':')?;
                let h = Header::from_line(line, colon, *offset);
                *bytes = bytes.get(cr + 2..).unwrap_or(&[]);
                *offset = offset.saturating_add(cr + 2);
                Some(h)
            }
        }
    }
}

crate::wire_enum! {
    /// The X-ResponseCode header value (MS-OXCMAPIHTTP 2.2.3.3.3): the
    /// outcome at the transport level, written in decimal. 0 means the
    /// request was accepted and the body is the request type's response
    /// body; any other code comes with a diagnostic body of type
    /// `text/html`. A response may repeat it after DONE to fail the request
    /// late (3.2.5.2); the later value wins.
    ///
    /// ```
    /// use mapi_wire::http::ResponseCode;
    ///
    /// let c = ResponseCode::parse(b"15").unwrap();
    /// assert_eq!(c, ResponseCode::INVALID_SEQUENCE);
    /// assert_eq!(c.name(), Some("Invalid Sequence"));
    /// assert_eq!(ResponseCode::ALL.len(), 19);
    /// assert_eq!(ResponseCode::parse(b"x"), None);
    /// ```
    pub struct ResponseCode(u32) {
        /// 0: the request was properly formatted and accepted.
        SUCCESS = 0 => "Success",
        /// 1: the request produced an unknown failure.
        UNKNOWN_FAILURE = 1 => "Unknown Failure",
        /// 2: the request has an invalid verb.
        INVALID_VERB = 2 => "Invalid Verb",
        /// 3: the request has an invalid path.
        INVALID_PATH = 3 => "Invalid Path",
        /// 4: the request has an invalid header.
        INVALID_HEADER = 4 => "Invalid Header",
        /// 5: the request has an invalid X-RequestType header.
        INVALID_REQUEST_TYPE = 5 => "Invalid Request Type",
        /// 6: the request has an invalid session context cookie.
        INVALID_CONTEXT_COOKIE = 6 => "Invalid Context Cookie",
        /// 7: the request has a missing required header.
        MISSING_HEADER = 7 => "Missing Header",
        /// 8: the request is anonymous, which is not accepted.
        ANONYMOUS_NOT_ALLOWED = 8 => "Anonymous Not Allowed",
        /// 9: the request is too large.
        TOO_LARGE = 9 => "Too Large",
        /// 10: the Session Context is not found.
        CONTEXT_NOT_FOUND = 10 => "Context Not Found",
        /// 11: the client has no privileges to the Session Context.
        NO_PRIVILEGE = 11 => "No Privilege",
        /// 12: the request body is invalid.
        INVALID_REQUEST_BODY = 12 => "Invalid Request Body",
        /// 13: the request is missing a required cookie.
        MISSING_COOKIE = 13 => "Missing Cookie",
        /// 14: reserved; the client ignores it.
        RESERVED = 14 => "Reserved",
        /// 15: more than one request at a time on a Session Context.
        INVALID_SEQUENCE = 15 => "Invalid Sequence",
        /// 16: the endpoint is disabled.
        ENDPOINT_DISABLED = 16 => "Endpoint Disabled",
        /// 17: the response is invalid.
        INVALID_RESPONSE = 17 => "Invalid Response",
        /// 18: the endpoint is shutting down.
        ENDPOINT_SHUTTING_DOWN = 18 => "Endpoint Shutting Down",
    }
}

impl ResponseCode {
    /// The code written in decimal in `value`; `None` if it is not a
    /// decimal number of at most 32 bits.
    pub fn parse(value: &[u8]) -> Option<ResponseCode> {
        parse_decimal(value)
            .and_then(|v| u32::try_from(v).ok())
            .map(ResponseCode)
    }

    /// True for 0, Success.
    pub const fn is_success(self) -> bool {
        self.0 == 0
    }
}

/// A GUID and a decimal counter: the value of X-RequestId
/// (`E2EA6C1C-E61B-49E9-9CFB-38184F907552:123456`, MS-OXCMAPIHTTP
/// 2.2.3.3.2) and of X-ClientInfo
/// (`{2EF33C39-49C8-421C-B876-CDF7F2AC3AA0}:123`, 2.2.3.3.4).
///
/// The specification shows the request id without braces and the client
/// info with them, but clients send either form in either header, so both
/// parse and `braced` records which one was used. Hexadecimal digits may
/// be of either case.
///
/// ```
/// use mapi_wire::http::GuidCounter;
///
/// // MS-OXCMAPIHTTP 2.2.3.3.2.
/// let id = GuidCounter::parse(b"E2EA6C1C-E61B-49E9-9CFB-38184F907552:123456").unwrap();
/// assert_eq!(id.guid.data1(), 0xE2EA_6C1C);
/// assert_eq!((id.braced, id.counter), (false, 123456));
/// assert_eq!(id.to_string(), "E2EA6C1C-E61B-49E9-9CFB-38184F907552:123456");
/// // 2.2.3.3.4.
/// let info = GuidCounter::parse(b"{2EF33C39-49C8-421C-B876-CDF7F2AC3AA0}:123").unwrap();
/// assert!(info.braced);
/// assert_eq!(GuidCounter::parse(b"2EF33C39:1").unwrap_err(), 8);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct GuidCounter {
    /// The GUID part.
    pub guid: Guid,
    /// True when the GUID is written between braces.
    pub braced: bool,
    /// The decimal counter.
    pub counter: u64,
}

impl GuidCounter {
    /// Parses `[{]8-4-4-4-12[}]:counter`; on failure returns the index of
    /// the first byte that does not fit (the length if `value` ends too
    /// early).
    pub fn parse(value: &[u8]) -> Result<GuidCounter, usize> {
        let braced = value.first() == Some(&b'{');
        let start = usize::from(braced);
        let guid = parse_guid(value, start)?;
        let mut i = start + 36;
        if braced {
            if value.get(i) != Some(&b'}') {
                return Err(i);
            }
            i += 1;
        }
        if value.get(i) != Some(&b':') {
            return Err(i);
        }
        i += 1;
        let digits = value.get(i..).unwrap_or(&[]);
        let counter = text::parse_decimal_max(digits, u64::MAX).map_err(|j| i + j)?;
        Ok(GuidCounter {
            guid,
            braced,
            counter,
        })
    }
}

/// Parses the 36 characters of a GUID starting at `start`.
fn parse_guid(v: &[u8], start: usize) -> Result<Guid, usize> {
    let mut nibbles = [0u8; 32];
    let mut n = 0;
    for k in 0..36 {
        let i = start + k;
        let b = *v.get(i).ok_or(i)?;
        if matches!(k, 8 | 13 | 18 | 23) {
            if b != b'-' {
                return Err(i);
            }
            continue;
        }
        nibbles[n] = match b {
            b'0'..=b'9' => b - b'0',
            b'a'..=b'f' => b - b'a' + 10,
            b'A'..=b'F' => b - b'A' + 10,
            _ => return Err(i),
        };
        n += 1;
    }
    let num = |from: usize, count: usize| {
        nibbles[from..from + count]
            .iter()
            .fold(0u64, |acc, &d| (acc << 4) | u64::from(d))
    };
    let mut data4 = [0u8; 8];
    for (j, b) in data4.iter_mut().enumerate() {
        *b = num(16 + 2 * j, 2) as u8;
    }
    Ok(Guid::from_fields(
        num(0, 8) as u32,
        num(8, 4) as u16,
        num(12, 4) as u16,
        data4,
    ))
}

impl fmt::Display for GuidCounter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut buf = [0u8; GUID_COUNTER_MAX];
        let n = self.write_text(&mut buf);
        f.write_str(core::str::from_utf8(&buf[..n]).unwrap_or(""))
    }
}

/// The longest text of a GUID and counter: braces, 36 characters, colon,
/// 20 digits.
const GUID_COUNTER_MAX: usize = 2 + 36 + 1 + 20;

impl GuidCounter {
    /// An X-RequestId value in the form of MS-OXCMAPIHTTP 2.2.3.3.2 (no
    /// braces).
    pub const fn request_id(guid: Guid, counter: u64) -> Self {
        GuidCounter {
            guid,
            braced: false,
            counter,
        }
    }

    /// An X-ClientInfo value in the form of MS-OXCMAPIHTTP 2.2.3.3.4
    /// (braces).
    pub const fn client_info(guid: Guid, counter: u64) -> Self {
        GuidCounter {
            guid,
            braced: true,
            counter,
        }
    }

    /// Writes the text form (upper-case hexadecimal) into `out`; returns
    /// its length.
    fn write_text(&self, out: &mut [u8; GUID_COUNTER_MAX]) -> usize {
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        let g = &self.guid;
        let mut shown = [0u8; 16];
        shown[..4].copy_from_slice(&g.data1().to_be_bytes());
        shown[4..6].copy_from_slice(&g.data2().to_be_bytes());
        shown[6..8].copy_from_slice(&g.data3().to_be_bytes());
        shown[8..].copy_from_slice(&g.data4());
        let mut n = 0;
        if self.braced {
            out[n] = b'{';
            n += 1;
        }
        for (k, b) in shown.iter().enumerate() {
            if matches!(k, 4 | 6 | 8 | 10) {
                out[n] = b'-';
                n += 1;
            }
            out[n] = HEX[usize::from(b >> 4)];
            out[n + 1] = HEX[usize::from(b & 0xF)];
            n += 2;
        }
        if self.braced {
            out[n] = b'}';
            n += 1;
        }
        out[n] = b':';
        n += 1;
        let mut digits = [0u8; 20];
        let d = text::decimal(self.counter, &mut digits);
        out[n..n + d.len()].copy_from_slice(d);
        n + d.len()
    }

    /// Writes the text form into `s`.
    pub(crate) fn put<S: Sink + ?Sized>(&self, s: &mut S) -> Result<(), Error> {
        let mut buf = [0u8; GUID_COUNTER_MAX];
        let n = self.write_text(&mut buf);
        s.put(&buf[..n])
    }

    /// Length of the text form.
    pub fn text_len(&self) -> usize {
        36 + 2 * usize::from(self.braced) + 1 + text::decimal_len(self.counter)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for GuidCounter {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A product and its version: the value of X-ClientApplication
/// (`Outlook/15.xx.xxxx.xxxx`, MS-OXCMAPIHTTP 2.2.3.3.6) and of
/// X-ServerApplication (`Exchange/15.xx.xxxx.xxx`, 2.2.3.3.7).
///
/// ```
/// use mapi_wire::http::AppVersion;
///
/// let v = AppVersion::parse(b"Outlook/16.0.17928.20114").unwrap();
/// assert_eq!(v.product, "Outlook");
/// assert_eq!(v.numbers(), Some([16, 0, 17928, 20114]));
/// assert_eq!(AppVersion::parse(b"Outlook").unwrap_err(), 7);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct AppVersion<'a> {
    /// The product token, e.g. `Outlook`.
    pub product: &'a str,
    /// The version token, e.g. `15.00.0847.4040`.
    pub version: &'a str,
    /// Whatever follows the version (usually nothing).
    pub rest: &'a [u8],
}

impl<'a> AppVersion<'a> {
    /// Parses `token "/" token [rest]`; on failure returns the index of
    /// the first byte that does not fit.
    pub fn parse(value: &'a [u8]) -> Result<AppVersion<'a>, usize> {
        let slash = value
            .iter()
            .position(|&b| !text::is_tchar(b))
            .unwrap_or(value.len());
        if slash == 0 || value.get(slash) != Some(&b'/') {
            return Err(slash);
        }
        let after = value.get(slash + 1..).unwrap_or(&[]);
        let vlen = after
            .iter()
            .position(|&b| !text::is_tchar(b))
            .unwrap_or(after.len());
        if vlen == 0 {
            return Err(slash + 1);
        }
        let rest = after.get(vlen..).unwrap_or(&[]);
        if !rest.is_empty() && rest.first() != Some(&b' ') {
            return Err(slash + 1 + vlen);
        }
        Ok(AppVersion {
            product: core::str::from_utf8(&value[..slash]).unwrap_or(""),
            version: core::str::from_utf8(&after[..vlen]).unwrap_or(""),
            rest,
        })
    }

    /// The version as four numbers `a.b.c.d` (MS-OXCRPC 3.1.4.1.3 and
    /// 3.2.4.1.3 use them to compare versions); `None` unless the version
    /// is exactly four dot-separated decimal numbers of 16 bits.
    pub fn numbers(&self) -> Option<[u16; 4]> {
        let mut out = [0u16; 4];
        let mut parts = self.version.split('.');
        for n in &mut out {
            *n = u16::try_from(parse_decimal(parts.next()?.as_bytes())?).ok()?;
        }
        if parts.next().is_some() {
            return None;
        }
        Some(out)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for AppVersion<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("AppVersion", 2)?;
        st.serialize_field("product", self.product)?;
        st.serialize_field("version", self.version)?;
        st.end()
    }
}

const DAYS: [&[u8; 3]; 7] = [b"Mon", b"Tue", b"Wed", b"Thu", b"Fri", b"Sat", b"Sun"];
const MONTHS: [&[u8; 3]; 12] = [
    b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov", b"Dec",
];

/// A date in the IMF-fixdate form of RFC 7231 7.1.1.1
/// (`Sun, 06 Nov 1994 08:49:37 GMT`): the value of X-StartTime
/// (MS-OXCMAPIHTTP 2.2.3.3.10, "the date/time format of RFC 2616", which
/// RFC 7231 says senders generate in this form).
///
/// ```
/// use mapi_wire::http::HttpDate;
///
/// let d = HttpDate::parse(b"Mon, 01 Jan 2024 00:00:00 GMT").unwrap();
/// assert_eq!((d.year, d.month, d.day, d.weekday), (2024, 1, 1, 0));
/// assert_eq!(d.to_string(), "Mon, 01 Jan 2024 00:00:00 GMT");
/// assert_eq!(HttpDate::parse(b"Mon, 01 Jan 2024 24:00:00 GMT").unwrap_err(), 17);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HttpDate {
    /// Year.
    pub year: u16,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of the month, 1 to 31.
    pub day: u8,
    /// Hour, 0 to 23.
    pub hour: u8,
    /// Minute, 0 to 59.
    pub minute: u8,
    /// Second, 0 to 60 (a leap second).
    pub second: u8,
    /// Day of the week as written, 0 (Monday) to 6 (Sunday).
    pub weekday: u8,
}

impl HttpDate {
    /// Parses an IMF-fixdate; on failure returns the index of the first
    /// part that does not fit.
    pub fn parse(v: &[u8]) -> Result<HttpDate, usize> {
        let lit = |i: usize, s: &[u8]| -> Result<(), usize> {
            if v.get(i..i + s.len()) == Some(s) {
                Ok(())
            } else {
                Err(i)
            }
        };
        let num = |i: usize, n: usize, max: u64, min: u64| -> Result<u64, usize> {
            let d = v.get(i..i + n).ok_or(i)?;
            parse_decimal(d)
                .filter(|x| (min..=max).contains(x))
                .ok_or(i)
        };
        let name = |i: usize, table: &[&[u8; 3]]| -> Result<u8, usize> {
            let s = v.get(i..i + 3).ok_or(i)?;
            table
                .iter()
                .position(|t| t.as_slice() == s)
                .map(|p| p as u8)
                .ok_or(i)
        };
        let weekday = name(0, &DAYS)?;
        lit(3, b", ")?;
        let day = num(5, 2, 31, 1)? as u8;
        lit(7, b" ")?;
        let month = name(8, &MONTHS)? + 1;
        lit(11, b" ")?;
        let year = num(12, 4, 9999, 0)? as u16;
        lit(16, b" ")?;
        let hour = num(17, 2, 23, 0)? as u8;
        lit(19, b":")?;
        let minute = num(20, 2, 59, 0)? as u8;
        lit(22, b":")?;
        let second = num(23, 2, 60, 0)? as u8;
        lit(25, b" GMT")?;
        if v.len() != 29 {
            return Err(29);
        }
        Ok(HttpDate {
            year,
            month,
            day,
            hour,
            minute,
            second,
            weekday,
        })
    }
}

impl fmt::Display for HttpDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let day = DAYS
            .get(usize::from(self.weekday))
            .copied()
            .unwrap_or(b"???");
        let mon = MONTHS
            .get(usize::from(self.month.wrapping_sub(1)))
            .copied()
            .unwrap_or(b"???");
        write!(
            f,
            "{}, {:02} {} {:04} {:02}:{:02}:{:02} GMT",
            Lossy(day),
            self.day,
            Lossy(mon),
            self.year,
            self.hour,
            self.minute,
            self.second
        )
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for HttpDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The value of Content-Type (MS-OXCMAPIHTTP 2.2.3.2.2): `type/subtype`,
/// possibly followed by parameters.
///
/// ```
/// use mapi_wire::http::ContentType;
///
/// let c = ContentType::parse(b"Application/MAPI-HTTP; charset=x").unwrap();
/// assert!(c.is_mapi_http());
/// assert_eq!(c.media_type(), b"Application/MAPI-HTTP");
/// assert_eq!(ContentType::parse(b"text").unwrap_err(), 4);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ContentType<'a>(pub &'a [u8]);

impl<'a> ContentType<'a> {
    /// Checks `type "/" subtype` (tokens) followed by nothing, `;` or
    /// white space; on failure returns the index of the first byte that
    /// does not fit.
    pub fn parse(value: &'a [u8]) -> Result<ContentType<'a>, usize> {
        let t = value
            .iter()
            .position(|&b| !text::is_tchar(b))
            .unwrap_or(value.len());
        if t == 0 || value.get(t) != Some(&b'/') {
            return Err(t);
        }
        let sub = value.get(t + 1..).unwrap_or(&[]);
        let s = sub
            .iter()
            .position(|&b| !text::is_tchar(b))
            .unwrap_or(sub.len());
        if s == 0 {
            return Err(t + 1);
        }
        match sub.get(s) {
            None | Some(b';' | b' ' | b'\t') => Ok(ContentType(value)),
            Some(_) => Err(t + 1 + s),
        }
    }

    /// `type/subtype` without parameters.
    pub fn media_type(&self) -> &'a [u8] {
        let end = self
            .0
            .iter()
            .position(|&b| matches!(b, b';' | b' ' | b'\t'))
            .unwrap_or(self.0.len());
        &self.0[..end]
    }

    /// True for `application/mapi-http` (media types ignore case, RFC 7231
    /// 3.1.1.1).
    pub fn is_mapi_http(&self) -> bool {
        self.media_type().eq_ignore_ascii_case(MAPI_HTTP.as_bytes())
    }

    /// True for `text/html`.
    pub fn is_text_html(&self) -> bool {
        self.media_type().eq_ignore_ascii_case(TEXT_HTML.as_bytes())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for ContentType<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Lossy(self.0).serialize(s)
    }
}

/// The `name=value` pairs of a Cookie header (MS-OXCMAPIHTTP 2.2.3.2.4:
/// `cookie1=value1; cookie2=value2`), or the leading pair of a Set-Cookie
/// value (2.2.3.2.3).
///
/// ```
/// use mapi_wire::http::Cookies;
///
/// let pairs: Vec<_> = Cookies::new(b"MapiContext=abc; MapiSequence=1").collect();
/// assert_eq!(pairs, [(&b"MapiContext"[..], &b"abc"[..]), (&b"MapiSequence"[..], &b"1"[..])]);
/// ```
#[derive(Clone, Debug)]
pub struct Cookies<'a>(&'a [u8]);

impl<'a> Cookies<'a> {
    /// The pairs of `value`.
    pub fn new(value: &'a [u8]) -> Self {
        Cookies(value)
    }
}

impl<'a> Iterator for Cookies<'a> {
    type Item = (&'a [u8], &'a [u8]);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let rest = self.0;
            if rest.is_empty() {
                return None;
            }
            let end = rest.iter().position(|&b| b == b';').unwrap_or(rest.len());
            let pair = trim_ows(&rest[..end]);
            self.0 = rest.get(end + 1..).unwrap_or(&[]);
            if pair.is_empty() {
                continue;
            }
            return Some(match pair.iter().position(|&b| b == b'=') {
                Some(eq) => (&pair[..eq], &pair[eq + 1..]),
                None => (pair, &[]),
            });
        }
    }
}

fn trim_ows(s: &[u8]) -> &[u8] {
    let start = s
        .iter()
        .position(|&b| b != b' ' && b != b'\t')
        .unwrap_or(s.len());
    let s = &s[start..];
    let end = s
        .iter()
        .rposition(|&b| b != b' ' && b != b'\t')
        .map_or(0, |p| p + 1);
    &s[..end]
}

/// The MAPI/HTTP header fields of one block, parsed and validated
/// (MS-OXCMAPIHTTP 2.2.3).
///
/// [`MapiHeaders::parse`] reads every field it knows, in any letter case,
/// and fails with the offset of the first malformed value; fields it does
/// not know are left to the block. When a field repeats, the last one
/// wins (the later X-ResponseCode of 3.2.5.2 replaces an earlier one), but
/// Content-Length values must agree (RFC 7230 3.3.2).
///
/// ```
/// use mapi_wire::http::{HeaderBlock, HttpLimits, MapiHeaders, RequestType, ResponseCode};
///
/// let input = b"X-RequestType: Execute\r\nX-ResponseCode: 0\r\nX-PendingPeriod: 15000\r\n\r\n";
/// let (block, _) = HeaderBlock::parse(input, 0, &HttpLimits::DEFAULT).unwrap().unwrap();
/// let h = MapiHeaders::parse(&block).unwrap();
/// assert_eq!(h.request_type(), Some(RequestType::Execute));
/// assert_eq!(h.response_code, Some(ResponseCode::SUCCESS));
/// assert_eq!(h.pending_period, Some(15000));
///
/// let (bad, _) = HeaderBlock::parse(b"X-ElapsedTime: 1O\r\n\r\n", 7, &HttpLimits::DEFAULT)
///     .unwrap()
///     .unwrap();
/// let e = MapiHeaders::parse(&bad).unwrap_err();
/// assert_eq!(e.to_string(), "X-ElapsedTime: invalid value 0x4f (offset 23)");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MapiHeaders<'a> {
    /// Host (2.2.3.1), as written.
    pub host: Option<&'a [u8]>,
    /// Content-Length (2.2.3.2.1).
    pub content_length: Option<u64>,
    /// Content-Type (2.2.3.2.2).
    pub content_type: Option<ContentType<'a>>,
    /// Transfer-Encoding (2.2.3.2.5), as written.
    pub transfer_encoding: Option<&'a [u8]>,
    /// X-RequestType (2.2.3.3.1), as written; see
    /// [`request_type`](Self::request_type).
    pub request_type_token: Option<&'a [u8]>,
    /// X-RequestId (2.2.3.3.2).
    pub request_id: Option<GuidCounter>,
    /// X-ResponseCode (2.2.3.3.3).
    pub response_code: Option<ResponseCode>,
    /// X-ClientInfo (2.2.3.3.4).
    pub client_info: Option<GuidCounter>,
    /// X-PendingPeriod (2.2.3.3.5), in milliseconds.
    pub pending_period: Option<u64>,
    /// X-ClientApplication (2.2.3.3.6).
    pub client_application: Option<AppVersion<'a>>,
    /// X-ServerApplication (2.2.3.3.7).
    pub server_application: Option<AppVersion<'a>>,
    /// X-ExpirationInfo (2.2.3.3.8), in milliseconds.
    pub expiration_info: Option<u64>,
    /// X-ElapsedTime (2.2.3.3.9), in milliseconds.
    pub elapsed_time: Option<u64>,
    /// X-StartTime (2.2.3.3.10).
    pub start_time: Option<HttpDate>,
    /// X-DeviceInfo (2.2.3.3.11): opaque, at most 64 characters.
    pub device_info: Option<&'a [u8]>,
}

/// The longest X-DeviceInfo value, in characters (MS-OXCMAPIHTTP
/// 2.2.3.3.11).
///
/// ```
/// assert_eq!(mapi_wire::http::MAX_DEVICE_INFO, 64);
/// ```
pub const MAX_DEVICE_INFO: usize = 64;

impl<'a> MapiHeaders<'a> {
    /// Reads the known fields of `headers`.
    pub fn parse<I>(headers: I) -> Result<MapiHeaders<'a>, Error>
    where
        I: IntoIterator<Item = Header<'a>>,
    {
        let mut m = MapiHeaders::default();
        for h in headers {
            m.absorb(&h)?;
        }
        Ok(m)
    }

    /// Reads one field into `self` if it is a known one.
    pub fn absorb(&mut self, h: &Header<'a>) -> Result<(), Error> {
        use names::*;
        let v = h.value;
        if h.is(HOST) {
            self.host = Some(v);
        } else if h.is(CONTENT_LENGTH) {
            let n = number(h, CONTENT_LENGTH, u64::MAX)?;
            if self.content_length.is_some_and(|old| old != n) {
                return Err(
                    Error::new(ErrorKind::InvalidValue { value: n }, h.value_offset())
                        .in_field(CONTENT_LENGTH),
                );
            }
            self.content_length = Some(n);
        } else if h.is(CONTENT_TYPE) {
            self.content_type = Some(typed(h, CONTENT_TYPE, ContentType::parse)?);
        } else if h.is(TRANSFER_ENCODING) {
            self.transfer_encoding = Some(v);
        } else if h.is(X_REQUEST_TYPE) {
            if !is_token(v) {
                let idx = v.iter().position(|&b| !text::is_tchar(b)).unwrap_or(0);
                return Err(value_error(h, idx, X_REQUEST_TYPE));
            }
            self.request_type_token = Some(v);
        } else if h.is(X_REQUEST_ID) {
            self.request_id = Some(typed(h, X_REQUEST_ID, GuidCounter::parse)?);
        } else if h.is(X_RESPONSE_CODE) {
            let n = number(h, X_RESPONSE_CODE, u64::from(u32::MAX))?;
            self.response_code = Some(ResponseCode(n as u32));
        } else if h.is(X_CLIENT_INFO) {
            self.client_info = Some(typed(h, X_CLIENT_INFO, GuidCounter::parse)?);
        } else if h.is(X_PENDING_PERIOD) {
            self.pending_period = Some(number(h, X_PENDING_PERIOD, u64::MAX)?);
        } else if h.is(X_CLIENT_APPLICATION) {
            self.client_application = Some(typed(h, X_CLIENT_APPLICATION, AppVersion::parse)?);
        } else if h.is(X_SERVER_APPLICATION) {
            self.server_application = Some(typed(h, X_SERVER_APPLICATION, AppVersion::parse)?);
        } else if h.is(X_EXPIRATION_INFO) {
            self.expiration_info = Some(number(h, X_EXPIRATION_INFO, u64::MAX)?);
        } else if h.is(X_ELAPSED_TIME) {
            self.elapsed_time = Some(number(h, X_ELAPSED_TIME, u64::MAX)?);
        } else if h.is(X_START_TIME) {
            self.start_time = Some(typed(h, X_START_TIME, HttpDate::parse)?);
        } else if h.is(X_DEVICE_INFO) {
            let chars = h.value_str().map_or(v.len(), |s| s.chars().count());
            if chars > MAX_DEVICE_INFO {
                return Err(Error::new(
                    ErrorKind::limit_exceeded(chars, MAX_DEVICE_INFO),
                    h.value_offset(),
                )
                .in_field(X_DEVICE_INFO));
            }
            self.device_info = Some(v);
        }
        Ok(())
    }

    /// The request type named by X-RequestType, if it is a known one.
    pub fn request_type(&self) -> Option<RequestType> {
        self.request_type_token.and_then(RequestType::from_token)
    }

    /// True when Transfer-Encoding is `chunked` (in any case).
    pub fn is_chunked(&self) -> bool {
        self.transfer_encoding
            .is_some_and(|t| t.eq_ignore_ascii_case(b"chunked"))
    }

    /// Checks the fields a request MUST carry (MS-OXCMAPIHTTP 2.2.2.1:
    /// Host, X-RequestType, X-RequestId, Content-Type, Content-Length) and
    /// their values, and returns the request type; on failure, the
    /// X-ResponseCode a server answers with: Missing Header (7), Invalid
    /// Request Type (5) or Invalid Header (4, a Content-Type other than
    /// `application/mapi-http`).
    ///
    /// ```
    /// use mapi_wire::http::{MapiHeaders, ResponseCode};
    ///
    /// assert_eq!(MapiHeaders::default().check_request(), Err(ResponseCode::MISSING_HEADER));
    /// ```
    pub fn check_request(&self) -> Result<RequestType, ResponseCode> {
        let (Some(token), Some(_), Some(ct), Some(_), Some(_)) = (
            self.request_type_token,
            self.request_id,
            self.content_type,
            self.content_length,
            self.host,
        ) else {
            return Err(ResponseCode::MISSING_HEADER);
        };
        let t = RequestType::from_token(token).ok_or(ResponseCode::INVALID_REQUEST_TYPE)?;
        if !ct.is_mapi_http() {
            return Err(ResponseCode::INVALID_HEADER);
        }
        Ok(t)
    }
}

/// An error at byte `idx` of the value of `h` (or just after its end).
fn value_error(h: &Header<'_>, idx: usize, field: &'static str) -> Error {
    let offset = h.value_offset().saturating_add(idx);
    match h.value.get(idx) {
        Some(&b) => bad_byte(b, offset as u64, field),
        None => Error::new(ErrorKind::truncated(1, 0), offset).in_field(field),
    }
}

fn number(h: &Header<'_>, field: &'static str, max: u64) -> Result<u64, Error> {
    text::parse_decimal_max(h.value, max).map_err(|idx| value_error(h, idx, field))
}

fn typed<'a, T>(
    h: &Header<'a>,
    field: &'static str,
    parse: impl FnOnce(&'a [u8]) -> Result<T, usize>,
) -> Result<T, Error> {
    parse(h.value).map_err(|idx| value_error(h, idx, field))
}

#[cfg(feature = "serde")]
impl serde::Serialize for MapiHeaders<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        if let Some(v) = self.host {
            m.serialize_entry("host", &Lossy(v))?;
        }
        if let Some(v) = self.content_length {
            m.serialize_entry("content_length", &v)?;
        }
        if let Some(v) = &self.content_type {
            m.serialize_entry("content_type", v)?;
        }
        if let Some(v) = self.transfer_encoding {
            m.serialize_entry("transfer_encoding", &Lossy(v))?;
        }
        if let Some(v) = self.request_type_token {
            m.serialize_entry("x_request_type", &Lossy(v))?;
        }
        if let Some(v) = &self.request_id {
            m.serialize_entry("x_request_id", v)?;
        }
        if let Some(v) = &self.response_code {
            m.serialize_entry("x_response_code", v)?;
            if let Some(n) = v.name() {
                m.serialize_entry("x_response_code_name", n)?;
            }
        }
        if let Some(v) = &self.client_info {
            m.serialize_entry("x_client_info", v)?;
        }
        if let Some(v) = self.pending_period {
            m.serialize_entry("x_pending_period", &v)?;
        }
        if let Some(v) = &self.client_application {
            m.serialize_entry("x_client_application", v)?;
        }
        if let Some(v) = &self.server_application {
            m.serialize_entry("x_server_application", v)?;
        }
        if let Some(v) = self.expiration_info {
            m.serialize_entry("x_expiration_info", &v)?;
        }
        if let Some(v) = self.elapsed_time {
            m.serialize_entry("x_elapsed_time", &v)?;
        }
        if let Some(v) = &self.start_time {
            m.serialize_entry("x_start_time", v)?;
        }
        if let Some(v) = self.device_info {
            m.serialize_entry("x_device_info", &Lossy(v))?;
        }
        m.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(input: &[u8]) -> HeaderBlock<'_> {
        HeaderBlock::parse(input, 0, &HttpLimits::DEFAULT)
            .unwrap()
            .unwrap()
            .0
    }

    #[test]
    fn white_space_is_kept_apart_from_the_value() {
        let b = block(b"A:\t x y \t\r\nB:\r\nC:   \r\n\r\n");
        let h: Vec<_> = b.iter().collect();
        assert_eq!(
            (h[0].leading_ws, h[0].value, h[0].trailing_ws),
            (&b"\t "[..], &b"x y"[..], &b" \t"[..])
        );
        assert_eq!(h[0].offset, 0);
        assert_eq!(h[0].value_offset(), 4);
        assert_eq!((h[1].value, h[1].offset), (&b""[..], 11));
        assert_eq!((h[2].leading_ws, h[2].value), (&b"   "[..], &b""[..]));
        assert_eq!(b.to_vec().unwrap(), b"A:\t x y \t\r\nB:\r\nC:   \r\n");
    }

    #[test]
    fn partial_blocks_ask_for_more() {
        let full = b"X-A: 1\r\nX-B: 2\r\n\r\n";
        for n in 0..full.len() {
            assert_eq!(
                HeaderBlock::parse(&full[..n], 0, &HttpLimits::DEFAULT).unwrap(),
                None,
                "{n}"
            );
        }
    }

    #[test]
    fn too_many_fields() {
        let limits = HttpLimits {
            max_headers: 2,
            ..HttpLimits::DEFAULT
        };
        let e = HeaderBlock::parse(b"A: 1\r\nB: 2\r\nC: 3\r\n\r\n", 10, &limits).unwrap_err();
        assert_eq!(e.offset(), 22);
        assert_eq!(e.kind(), ErrorKind::LimitExceeded { value: 3, limit: 2 });
    }

    #[test]
    fn unencodable_fields() {
        assert!(Header::new("Bad Name", b"x").to_vec().is_err());
        assert!(Header::new("A", b"x\r\n").to_vec().is_err());
        assert!(Header::new("A", b" x").to_vec().is_err());
        let h = Header {
            trailing_ws: b" ",
            ..Header::new("A", b"")
        };
        assert!(h.to_vec().is_err());
    }

    #[test]
    fn guid_counter_errors() {
        assert_eq!(GuidCounter::parse(b""), Err(0));
        assert_eq!(
            GuidCounter::parse(b"{2EF33C39-49C8-421C-B876-CDF7F2AC3AA0:1"),
            Err(37)
        );
        assert_eq!(
            GuidCounter::parse(b"2EF33C39-49C8-421C-B876-CDF7F2AC3AA0:"),
            Err(37)
        );
        assert_eq!(
            GuidCounter::parse(b"2EF33C39-49C8-421C-B876-CDF7F2AC3AA0:1x"),
            Err(38)
        );
        assert_eq!(
            GuidCounter::parse(b"2EF33C39-49C8-421C-B876-CDF7F2AC3AAG:1"),
            Err(35)
        );
        let g = GuidCounter::parse(b"{2ef33c39-49c8-421c-b876-cdf7f2ac3aa0}:7").unwrap();
        assert_eq!(g.to_string(), "{2EF33C39-49C8-421C-B876-CDF7F2AC3AA0}:7");
        assert_eq!(
            g.guid.data4(),
            [0xB8, 0x76, 0xCD, 0xF7, 0xF2, 0xAC, 0x3A, 0xA0]
        );
    }

    #[test]
    fn dates() {
        assert!(HttpDate::parse(b"Sun, 06 Nov 1994 08:49:37 GMT").is_ok());
        assert_eq!(HttpDate::parse(b"Sunday, 06-Nov-94 08:49:37 GMT"), Err(3));
        assert_eq!(HttpDate::parse(b"Sun, 06 Nov 1994 08:49:37 GMTx"), Err(29));
        assert_eq!(HttpDate::parse(b"Sun, 00 Nov 1994 08:49:37 GMT"), Err(5));
        assert_eq!(HttpDate::parse(b"Sun, 06 Now 1994 08:49:37 GMT"), Err(8));
    }

    #[test]
    fn known_fields_fail_at_their_value() {
        let b = block(b"X-RequestId: {2EF33C39-49C8-421C-B876-CDF7F2AC3AA0}x1\r\n\r\n");
        let e = MapiHeaders::parse(&b).unwrap_err();
        assert_eq!(e.to_string(), "X-RequestId: invalid value 0x78 (offset 51)");
        let b = block(b"Content-Length: 5\r\ncontent-length: 6\r\n\r\n");
        let e = MapiHeaders::parse(&b).unwrap_err();
        assert_eq!(e.offset(), 35);
        let mut long = Vec::from(&b"X-DeviceInfo: "[..]);
        long.extend([b'd'; 65]);
        long.extend(b"\r\n\r\n");
        let b = block(&long);
        let e = MapiHeaders::parse(&b).unwrap_err();
        assert_eq!(
            e.kind(),
            ErrorKind::LimitExceeded {
                value: 65,
                limit: 64
            }
        );
        let b = block(b"X-ResponseCode: 4294967296\r\n\r\n");
        assert!(MapiHeaders::parse(&b).is_err());
        let b = block(b"X-ResponseCode:\r\n\r\n");
        let e = MapiHeaders::parse(&b).unwrap_err();
        assert_eq!(
            e.kind(),
            ErrorKind::Truncated {
                needed: 1,
                remaining: 0
            }
        );
    }
}
