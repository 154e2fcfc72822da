//! The request and response bodies of the mailbox server (EMSMDB) endpoint
//! (MS-OXCMAPIHTTP 2.2.4): Connect, Execute, Disconnect and
//! NotificationWait.
//!
//! A body is the binary part of one HTTP request or response (for a
//! response: what follows the meta-tags and additional headers of
//! MS-OXCMAPIHTTP 2.2.7). Every field is little-endian and the fields are
//! packed without padding, so a UTF-16 string may start at an odd offset.
//!
//! | request type | request body | response body |
//! |---|---|---|
//! | Connect (2.2.4.1) | [`ConnectRequest`] | [`ConnectResponse`]: [`ConnectSuccess`] or [`FailureResponse`] |
//! | Execute (2.2.4.2) | [`ExecuteRequest`] | [`ExecuteResponse`]: [`ExecuteSuccess`] or [`FailureResponse`] |
//! | Disconnect (2.2.4.3) | [`DisconnectRequest`] | [`DisconnectResponse`]: [`DisconnectSuccess`] or [`FailureResponse`] |
//! | NotificationWait (2.2.4.4) | [`NotificationWaitRequest`] | [`NotificationWaitResponse`]: [`NotificationWaitSuccess`] or [`FailureResponse`] |
//! | PING (2.2.6) | none | none |
//!
//! **PING** has no body in either direction (MS-OXCMAPIHTTP 2.2.6: the
//! request is sent with `Content-Length: 0`, and the response carries only
//! the meta-tags and additional headers), so there is no PING type here.
//!
//! **Success or failure.** Every response body starts with StatusCode. When
//! it is 0 the rest follows the request type's success layout; otherwise the
//! body is the failure layout (StatusCode, AuxiliaryBufferSize,
//! AuxiliaryBuffer), which is the same for all four request types
//! (2.2.4.1.3, 2.2.4.2.3, 2.2.4.3.3, 2.2.4.4.3). [`ResponseBody`] makes that
//! choice when it decodes, and refuses to encode a success body whose
//! StatusCode is not 0 or a failure body whose StatusCode is 0, either of
//! which would decode as the other form. A success body may still carry a
//! non-zero ErrorCode: the call went through and the operation failed.
//!
//! **Extended buffers stay bytes.** The RopBuffer of Execute and every
//! AuxiliaryBuffer are extended buffers of MS-OXCRPC (RPC_HEADER_EXT
//! headers, possibly compressed or obfuscated payloads, AUX blocks). This
//! layer keeps them as the borrowed bytes of [`RopBuffer`] and
//! [`AuxiliaryBuffer`], each with its 4-byte size in front. Their typed,
//! zero-copy views are [`RopBuffer::chain`] (the extended buffers, each
//! payload a ROP buffer) and [`AuxiliaryBuffer::parse`] (the AUX blocks).
//!
//! **Sizes.** MS-OXCMAPIHTTP sets no size on these fields itself; it makes
//! them equivalent to the parameters of the RPC methods (MS-OXCRPC 3.1.4.1,
//! 3.1.4.2, 3.3.4.1). The one cap that applies to every auxiliary buffer,
//! in either direction, is 0x1008 bytes: the server SHOULD fail a cbAuxIn
//! above it, and MUST fail a pcbAuxOut above it, so no rgbAuxOut is larger.
//! Decoders enforce it through
//! [`Limits::max_aux_buffer`](crate::wire::Limits::max_aux_buffer)
//! ([`Limits::PERMISSIVE`](crate::wire::Limits::PERMISSIVE) lifts it). The
//! RopBuffer and MaxRopOut rules of MS-OXCRPC 3.1.4.2 are server behaviour
//! that depends on the session, not layout: the server SHOULD fail a cbIn
//! below 8 or above 0x40000 bytes, SHOULD fail a pcbOut (MaxRopOut) below
//! 8, and MUST fail one above 0x40000, or above 0x100000 once it has
//! advertised ULTRA_LARGE_PACKED_DOWNLOAD_BUFFERS; the response RopBuffer
//! is at most MaxRopOut. None of these is enforced here: a RopBuffer is
//! bounded by the bytes of the body only, and any MaxRopOut decodes.
//!
//! ```
//! use mapi_wire::data::ErrorCode;
//! use mapi_wire::http::emsmdb::{ExecuteResponse, FailureResponse};
//! use mapi_wire::wire::{Decode, Encode};
//!
//! // An Execute response body in its failure form: StatusCode 0x000004B6,
//! // no auxiliary data.
//! let bytes = [0xB6, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00];
//! let body = ExecuteResponse::decode_exact(&bytes, ()).unwrap();
//! assert!(!body.is_success());
//! assert_eq!(body.status_code(), ErrorCode(0x4B6));
//! assert!(matches!(body, ExecuteResponse::Failure(FailureResponse { .. })));
//! assert_eq!(body.to_vec().unwrap(), bytes);
//! ```

use crate::data::{CodePage, ErrorCode, String8, Utf16Str};
use crate::wire::{Decode, Encode, Error, ErrorKind, Reader, ResultExt, Sink, Unit, Width};
use core::fmt;

/// Reads a 4-byte size and that many bytes. The size is checked against
/// `limit` (when given) and against the bytes that remain before anything
/// is taken; both errors point at the size field.
#[inline]
fn read_sized<'a>(r: &mut Reader<'a>, limit: Option<usize>) -> Result<&'a [u8], Error> {
    let at = r.offset();
    let n = r.u32()?;
    let len = usize::try_from(n).unwrap_or(usize::MAX);
    if let Some(max) = limit
        && len > max
    {
        return Err(r.error_at(ErrorKind::limit_exceeded(len, max), at));
    }
    if len > r.remaining() {
        return Err(r.error_at(
            ErrorKind::count_too_large(n, Unit::Bytes, u64::from(n), r.remaining()),
            at,
        ));
    }
    r.bytes(len)
}

/// Writes a 4-byte size and the bytes.
#[inline]
fn write_sized<S: Sink + ?Sized>(s: &mut S, bytes: &[u8]) -> Result<(), Error> {
    s.put_uint(Width::U32, bytes.len())?;
    s.put(bytes)
}

/// An AuxiliaryBufferSize field and the AuxiliaryBuffer it sizes, as they
/// end every EMSMDB body (MS-OXCMAPIHTTP 2.2.4.1.1 – 2.2.4.4.3).
///
/// The bytes are borrowed and not interpreted here. When not empty they are
/// an extended buffer (MS-OXCRPC 3.1.4.1.1, 3.1.4.2.1): one RPC_HEADER_EXT
/// with the Last flag, then AUX blocks (MS-OXCRPC 2.2.2.2). Exchange 2013
/// SP1 up to Exchange 2016 SP1 send failure bodies whose AuxiliaryBuffer
/// lacks the RPC_HEADER_EXT (MS-OXCMAPIHTTP product notes <2> to <5>); the
/// bytes are kept as sent either way.
///
/// Decoding checks the size against
/// [`Limits::max_aux_buffer`](crate::wire::Limits::max_aux_buffer), 0x1008
/// by default (MS-OXCRPC 3.1.4.1 and 3.1.4.2: cbAuxIn, and pcbAuxOut whose
/// range is 0..=0x1008). Encoding writes any length that fits the 4-byte
/// size. `Debug` and serde show the bytes as lowercase hex.
///
/// ```
/// use mapi_wire::http::emsmdb::AuxiliaryBuffer;
/// use mapi_wire::wire::{Decode, Encode, ErrorKind, Limits};
///
/// let (aux, rest) = AuxiliaryBuffer::decode(&[0x02, 0, 0, 0, 0xAB, 0xCD, 0xEF]).unwrap();
/// assert_eq!(aux.as_bytes(), &[0xAB, 0xCD]);
/// assert_eq!(rest, &[0xEF]);
/// assert_eq!(aux.to_vec().unwrap(), [0x02, 0, 0, 0, 0xAB, 0xCD]);
///
/// // 0x1009 bytes are one more than MS-OXCRPC allows.
/// let mut big = vec![0x09, 0x10, 0, 0];
/// big.resize(4 + 0x1009, 0);
/// let err = AuxiliaryBuffer::decode(&big).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::LimitExceeded { value: 0x1009, limit: 0x1008 });
/// assert!(AuxiliaryBuffer::decode_with_limits(&big, (), Limits::PERMISSIVE).is_ok());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct AuxiliaryBuffer<'a>(pub &'a [u8]);

impl<'a> AuxiliaryBuffer<'a> {
    /// The empty auxiliary buffer (AuxiliaryBufferSize 0).
    pub const EMPTY: AuxiliaryBuffer<'static> = AuxiliaryBuffer(&[]);

    /// The bytes, without the size.
    ///
    /// ```
    /// use mapi_wire::http::emsmdb::AuxiliaryBuffer;
    ///
    /// assert_eq!(AuxiliaryBuffer(&[1, 2]).as_bytes(), &[1, 2]);
    /// ```
    pub const fn as_bytes(&self) -> &'a [u8] {
        self.0
    }

    /// The AuxiliaryBufferSize value.
    ///
    /// ```
    /// use mapi_wire::http::emsmdb::AuxiliaryBuffer;
    ///
    /// assert_eq!(AuxiliaryBuffer(&[1, 2, 3]).len(), 3);
    /// ```
    pub const fn len(&self) -> usize {
        self.0.len()
    }

    /// True when AuxiliaryBufferSize is 0.
    ///
    /// ```
    /// use mapi_wire::http::emsmdb::AuxiliaryBuffer;
    ///
    /// assert!(AuxiliaryBuffer::EMPTY.is_empty());
    /// assert!(!AuxiliaryBuffer(&[0]).is_empty());
    /// ```
    pub const fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The extended buffer and its AUX blocks (MS-OXCRPC 3.1.4.1.2), a
    /// zero-copy view; `None` when the buffer is empty. Error offsets count
    /// from the first byte after AuxiliaryBufferSize.
    ///
    /// ```
    /// use mapi_wire::http::emsmdb::AuxiliaryBuffer;
    /// use mapi_wire::rpc::AuxBody;
    ///
    /// // RPC_HEADER_EXT (Last, 8 bytes) + AUX_EXORGINFO (MS-OXCRPC 2.2.2.2.17).
    /// let bytes = [0x00, 0x00, 0x04, 0x00, 0x08, 0x00, 0x08, 0x00,
    ///              0x08, 0x00, 0x01, 0x17, 0x01, 0x00, 0x00, 0x00];
    /// let aux = AuxiliaryBuffer(&bytes).parse().unwrap().unwrap();
    /// let block = aux.blocks().unwrap().iter().next().unwrap();
    /// assert!(matches!(block.body, AuxBody::ExOrgInfo(_)));
    /// assert!(AuxiliaryBuffer::EMPTY.parse().unwrap().is_none());
    /// ```
    pub fn parse(&self) -> Result<Option<crate::rpc::AuxBuffer<'a>>, Error> {
        if self.0.is_empty() {
            return Ok(None);
        }
        crate::rpc::AuxBuffer::decode_exact(self.0, ()).map(Some)
    }
}

impl fmt::Debug for AuxiliaryBuffer<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::wire::write_hex(f, self.0)
    }
}

impl<'a> From<&'a [u8]> for AuxiliaryBuffer<'a> {
    fn from(b: &'a [u8]) -> Self {
        AuxiliaryBuffer(b)
    }
}

impl<'a> Decode<'a> for AuxiliaryBuffer<'a> {
    type Ctx = ();
    const NAME: &'static str = "AuxiliaryBuffer";
    const MIN_LEN: usize = 4;

    #[inline]
    fn decode_from(r: &mut Reader<'a>, _: ()) -> Result<Self, Error> {
        let max = r.limits().max_aux_buffer;
        read_sized(r, Some(max)).map(AuxiliaryBuffer)
    }
}

impl Encode for AuxiliaryBuffer<'_> {
    type Ctx = ();

    #[inline]
    fn encoded_len_with(&self, _: ()) -> usize {
        4 + self.0.len()
    }

    #[inline]
    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, _: ()) -> Result<(), Error> {
        write_sized(s, self.0)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for AuxiliaryBuffer<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        crate::wire::HexStr(self.0).serialize(s)
    }
}

/// A RopBufferSize field and the RopBuffer it sizes, in the Execute request
/// and success response bodies (MS-OXCMAPIHTTP 2.2.4.2.1, 2.2.4.2.2).
///
/// The bytes are borrowed and not interpreted here. They are one or more
/// extended buffers (MS-OXCRPC 3.1.4.2.1): each an RPC_HEADER_EXT followed by
/// its payload, a ROP input buffer in a request and a ROP output buffer in a
/// response (MS-OXCROPS 2.2.1), the final header carrying the Last flag.
///
/// The size is checked against the bytes that remain and nothing else (see
/// the [module documentation](self) for the size rules of MS-OXCRPC, which
/// are server behaviour). `Debug` and serde show the bytes as lowercase hex.
///
/// ```
/// use mapi_wire::http::emsmdb::RopBuffer;
/// use mapi_wire::wire::{Decode, Encode};
///
/// // The empty ROP input buffer of MS-OXCROPS 4.1 (RopSize 2) behind an
/// // RPC_HEADER_EXT with Version 0, Flags Last, Size 2, SizeActual 2.
/// let bytes = [0x0A, 0, 0, 0, 0x00, 0x00, 0x04, 0x00, 0x02, 0x00, 0x02, 0x00, 0x02, 0x00];
/// let (rops, rest) = RopBuffer::decode(&bytes).unwrap();
/// assert!(rest.is_empty());
/// assert_eq!(rops.len(), 10);
/// assert_eq!(rops.as_bytes()[8..], [0x02, 0x00]);
/// assert_eq!(rops.to_vec().unwrap(), bytes);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct RopBuffer<'a>(pub &'a [u8]);

impl<'a> RopBuffer<'a> {
    /// The bytes, without the size.
    ///
    /// ```
    /// use mapi_wire::http::emsmdb::RopBuffer;
    ///
    /// assert_eq!(RopBuffer(&[0x02, 0x00]).as_bytes(), &[0x02, 0x00]);
    /// ```
    pub const fn as_bytes(&self) -> &'a [u8] {
        self.0
    }

    /// The RopBufferSize value.
    ///
    /// ```
    /// use mapi_wire::http::emsmdb::RopBuffer;
    ///
    /// assert_eq!(RopBuffer(&[0x02, 0x00]).len(), 2);
    /// ```
    pub const fn len(&self) -> usize {
        self.0.len()
    }

    /// True when RopBufferSize is 0.
    ///
    /// ```
    /// use mapi_wire::http::emsmdb::RopBuffer;
    ///
    /// assert!(RopBuffer(&[]).is_empty());
    /// ```
    pub const fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The chain of extended buffers (MS-OXCRPC 3.1.4.2.1), every header
    /// checked, nothing copied. Each payload, once un-XORed and
    /// decompressed ([`ExtBuffer::plain`](crate::rpc::ExtBuffer::plain),
    /// [`ExtBuffer::plain_into`](crate::rpc::ExtBuffer::plain_into)), is a
    /// whole ROP input buffer in a request and a ROP output buffer in a
    /// response ([`RopInputBuffer`](crate::rop::RopInputBuffer),
    /// [`RopOutputBuffer`](crate::rop::RopOutputBuffer), or the
    /// allocation-free [`RequestWalker`](crate::rop::RequestWalker) and
    /// [`ResponseWalker`](crate::rop::ResponseWalker)). Error and payload
    /// offsets count from the first byte after RopBufferSize.
    ///
    /// ```
    /// use mapi_wire::http::emsmdb::RopBuffer;
    /// use mapi_wire::rop::{LogonMap, RopInputBuffer};
    /// use mapi_wire::wire::Decode;
    ///
    /// // RPC_HEADER_EXT (Last, 2 bytes) + the empty ROP input buffer of
    /// // MS-OXCROPS 4.1.
    /// let bytes = [0x00, 0x00, 0x04, 0x00, 0x02, 0x00, 0x02, 0x00, 0x02, 0x00];
    /// let chain = RopBuffer(&bytes).chain().unwrap();
    /// let first = chain.iter().next().unwrap();
    /// let rops = RopInputBuffer::decode_exact(first.plain().unwrap(), LogonMap::default()).unwrap();
    /// assert_eq!(rops.rops.len(), 0);
    /// ```
    pub fn chain(&self) -> Result<crate::rpc::ExtChain<'a>, Error> {
        crate::rpc::ExtChain::decode_exact(self.0, ())
    }
}

impl fmt::Debug for RopBuffer<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::wire::write_hex(f, self.0)
    }
}

impl<'a> From<&'a [u8]> for RopBuffer<'a> {
    fn from(b: &'a [u8]) -> Self {
        RopBuffer(b)
    }
}

impl<'a> Decode<'a> for RopBuffer<'a> {
    type Ctx = ();
    const NAME: &'static str = "RopBuffer";
    const MIN_LEN: usize = 4;

    #[inline]
    fn decode_from(r: &mut Reader<'a>, _: ()) -> Result<Self, Error> {
        read_sized(r, None).map(RopBuffer)
    }
}

impl Encode for RopBuffer<'_> {
    type Ctx = ();

    #[inline]
    fn encoded_len_with(&self, _: ()) -> usize {
        4 + self.0.len()
    }

    #[inline]
    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, _: ()) -> Result<(), Error> {
        write_sized(s, self.0)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for RopBuffer<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        crate::wire::HexStr(self.0).serialize(s)
    }
}

crate::wire_flags! {
    /// Flags of the Connect request body (MS-OXCMAPIHTTP 2.2.4.1.1): the
    /// type of connection requested, as the ulFlags parameter of
    /// EcDoConnectEx (MS-OXCRPC 3.1.4.1). 0 asks for an ordinary,
    /// non-administrative connection; other bits are reserved and kept.
    ///
    /// ```
    /// use mapi_wire::http::emsmdb::ConnectFlags;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (f, _) = ConnectFlags::decode(&[0x01, 0x80, 0x00, 0x00]).unwrap();
    /// assert_eq!(f, ConnectFlags::ADMINISTRATOR | ConnectFlags::IGNORE_NO_PUBLIC_FOLDERS);
    /// ```
    pub struct ConnectFlags: u32 {
        /// 0x00000001: administrator behaviour is requested; the server
        /// checks that the user has administrator privilege.
        const ADMINISTRATOR = 0x0000_0001;
        /// 0x00008000: lets a client older than 12.00.0000.000 connect
        /// when the organization has no public folders (without it the
        /// server fails such a client with ecClientVerDisallowed).
        const IGNORE_NO_PUBLIC_FOLDERS = 0x0000_8000;
    }
}

crate::wire_flags! {
    /// Flags of the Execute request body (MS-OXCMAPIHTTP 2.2.4.2.1): how
    /// the server is to build the RopBuffer of its response, as the input
    /// pulFlags of EcDoRpcExt2 (MS-OXCRPC 3.1.4.2). The examples of
    /// MS-OXCRPC 4.2 and 4.3 send 0x00000003 (no compression, no
    /// obfuscation) and 0x00000007 (the same, with chaining).
    ///
    /// The Flags field of the Execute success response body (2.2.4.2.2) is
    /// reserved: the server sends 0 (the output pulFlags, which MS-OXCRPC
    /// says the server SHOULD set to 0) and the client ignores it. It uses
    /// this type too, so that whatever a server sends there is kept.
    ///
    /// ```
    /// use mapi_wire::http::emsmdb::ExecuteFlags;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (f, _) = ExecuteFlags::decode(&[0x07, 0x00, 0x00, 0x00]).unwrap();
    /// assert!(f.contains(ExecuteFlags::NO_COMPRESSION | ExecuteFlags::NO_XOR_MAGIC));
    /// assert!(f.contains(ExecuteFlags::CHAIN));
    /// ```
    pub struct ExecuteFlags: u32 {
        /// 0x00000001 NoCompression: the server does not compress the
        /// payloads of the response RopBuffer and AuxiliaryBuffer.
        const NO_COMPRESSION = 0x0000_0001;
        /// 0x00000002 NoXorMagic: the server does not obfuscate the
        /// payloads of the response RopBuffer and AuxiliaryBuffer.
        const NO_XOR_MAGIC = 0x0000_0002;
        /// 0x00000004 Chain: the client accepts several extended buffers
        /// (packed responses) in the response RopBuffer.
        const CHAIN = 0x0000_0004;
    }
}

crate::wire_flags! {
    /// Flags of the NotificationWait request body (MS-OXCMAPIHTTP
    /// 2.2.4.4.1), the ulFlagsIn of EcDoAsyncWaitEx (MS-OXCRPC 3.3.4.1). No
    /// bit is defined: the client sends 0 and the server ignores the field.
    /// Whatever bits are sent are kept.
    ///
    /// ```
    /// use mapi_wire::http::emsmdb::NotificationWaitFlags;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (f, _) = NotificationWaitFlags::decode(&[0, 0, 0, 0]).unwrap();
    /// assert!(f.is_empty());
    /// ```
    pub struct NotificationWaitFlags: u32 {
    }
}

crate::wire_flags! {
    /// EventPending of the NotificationWait success response body
    /// (MS-OXCMAPIHTTP 2.2.4.4.2), the pulFlagsOut of EcDoAsyncWaitEx
    /// (MS-OXCRPC 3.3.4.1): whether events are pending on the Session
    /// Context. When they are, the client sends an Execute request to
    /// collect them (MS-OXCNOTIF 3.2.5.5.1).
    ///
    /// ```
    /// use mapi_wire::http::emsmdb::EventPending;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (f, _) = EventPending::decode(&[1, 0, 0, 0]).unwrap();
    /// assert!(f.contains(EventPending::NOTIFICATION_PENDING));
    /// ```
    pub struct EventPending: u32 {
        /// 0x00000001 NotificationPending: at least one event is pending.
        const NOTIFICATION_PENDING = 0x0000_0001;
    }
}

crate::wire_struct! {
    /// The Connect request body (MS-OXCMAPIHTTP 2.2.4.1.1): the input of
    /// EcDoConnectEx (MS-OXCRPC 3.1.4.1) without the RPC-only parameters.
    /// The client version, which EcDoConnectEx takes as rgwClientVersion,
    /// travels in the X-ClientApplication header instead.
    ///
    /// Note the order of the two LCIDs: LcidSort comes before LcidString
    /// here (2.2.4.1.1, and so Microsoft's MAPI Inspector reads them), the
    /// reverse of EcDoConnectEx. Some servers (gromox among them) read the
    /// two in the EcDoConnectEx order; the bytes are the same, only which
    /// value means what differs, and this type follows the specification.
    ///
    /// ```
    /// use mapi_wire::data::CodePage;
    /// use mapi_wire::http::emsmdb::{ConnectFlags, ConnectRequest};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let mut bytes = Vec::from(&b"/o=Contoso/cn=jdoe\0"[..]);
    /// bytes.extend_from_slice(&[
    ///     0x00, 0x00, 0x00, 0x00, // Flags
    ///     0xE4, 0x04, 0x00, 0x00, // DefaultCodePage 1252
    ///     0x09, 0x04, 0x00, 0x00, // LcidSort 0x0409
    ///     0x09, 0x04, 0x00, 0x00, // LcidString 0x0409
    ///     0x00, 0x00, 0x00, 0x00, // AuxiliaryBufferSize
    /// ]);
    /// let req = ConnectRequest::decode_exact(&bytes, ()).unwrap();
    /// assert_eq!(req.user_dn.as_bytes(), b"/o=Contoso/cn=jdoe");
    /// assert_eq!(req.flags, ConnectFlags::empty());
    /// assert_eq!(req.default_code_page, CodePage::WINDOWS_1252);
    /// assert_eq!(req.lcid_sort, 0x0409);
    /// assert!(req.auxiliary_buffer.is_empty());
    /// assert_eq!(req.to_vec().unwrap(), bytes);
    /// ```
    #[derive(Copy)]
    pub struct ConnectRequest<'a> {
        /// UserDn: the distinguished name of the connecting user, 8-bit
        /// characters ending in 0x00 (szUserDN).
        pub user_dn: String8<'a>,
        /// Flags: the type of connection requested.
        pub flags: ConnectFlags,
        /// DefaultCodePage: the code page of the session's 8-bit strings.
        pub default_code_page: CodePage,
        /// LcidSort: the language code identifier used for sorting.
        pub lcid_sort: u32,
        /// LcidString: the language code identifier used for everything
        /// other than sorting.
        pub lcid_string: u32,
        /// AuxiliaryBufferSize and AuxiliaryBuffer: client AUX blocks.
        pub auxiliary_buffer: AuxiliaryBuffer<'a>,
    }
}

crate::wire_struct! {
    /// The Connect success response body (MS-OXCMAPIHTTP 2.2.4.1.2): the
    /// output of EcDoConnectEx (MS-OXCRPC 3.1.4.1). The server version,
    /// which EcDoConnectEx returns as rgwServerVersion, travels in the
    /// X-ServerApplication header instead.
    ///
    /// DisplayName follows DnPrefix directly and so may start at an odd
    /// offset; it is read as bytes, never as aligned 16-bit units.
    ///
    /// ```
    /// use mapi_wire::data::ErrorCode;
    /// use mapi_wire::http::emsmdb::{ConnectResponse, ConnectSuccess};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let mut bytes = vec![
    ///     0x00, 0x00, 0x00, 0x00, // StatusCode
    ///     0x00, 0x00, 0x00, 0x00, // ErrorCode
    ///     0x60, 0xEA, 0x00, 0x00, // PollsMax 60000 ms
    ///     0x06, 0x00, 0x00, 0x00, // RetryCount
    ///     0x10, 0x27, 0x00, 0x00, // RetryDelay 10000 ms
    /// ];
    /// bytes.extend_from_slice(b"/o=Contoso\0"); // DnPrefix
    /// bytes.extend_from_slice(&[b'J', 0, b'o', 0, 0, 0]); // DisplayName
    /// bytes.extend_from_slice(&[0, 0, 0, 0]); // AuxiliaryBufferSize
    ///
    /// let body = ConnectResponse::decode_exact(&bytes, ()).unwrap();
    /// let ConnectResponse::Success(ok) = &body else { panic!() };
    /// assert_eq!(ok.error_code, ErrorCode::SUCCESS);
    /// assert_eq!(ok.polls_max, 60_000);
    /// assert_eq!(ok.dn_prefix.as_bytes(), b"/o=Contoso");
    /// assert_eq!(ok.display_name, "Jo");
    /// assert_eq!(body.to_vec().unwrap(), bytes);
    /// ```
    #[derive(Copy)]
    pub struct ConnectSuccess<'a> {
        /// StatusCode: 0 in this layout.
        pub status_code: ErrorCode,
        /// ErrorCode: the return value of EcDoConnectEx (for example
        /// ecLoginFailure 0x80040111 or ecUnknownUser 0x000003EB).
        pub error_code: ErrorCode,
        /// PollsMax: the longest interval, in milliseconds, at which the
        /// client polls the server for notifications (pcmsPollsMax).
        pub polls_max: u32,
        /// RetryCount: how many times the client retries a failed request
        /// (pcRetry).
        pub retry_count: u32,
        /// RetryDelay: milliseconds to wait before retrying a failed
        /// request (pcmsRetryDelay).
        pub retry_delay: u32,
        /// DnPrefix: the distinguished-name prefix used to build message
        /// recipients, 8-bit characters ending in 0x00 (szDNPrefix).
        pub dn_prefix: String8<'a>,
        /// DisplayName: the display name of the UserDn user, UTF-16LE
        /// ending in 0x0000 (szDisplayName).
        pub display_name: Utf16Str<'a>,
        /// AuxiliaryBufferSize and AuxiliaryBuffer: server AUX blocks.
        pub auxiliary_buffer: AuxiliaryBuffer<'a>,
    }
}

crate::wire_struct! {
    /// The Execute request body (MS-OXCMAPIHTTP 2.2.4.2.1): the input of
    /// EcDoRpcExt2 (MS-OXCRPC 3.1.4.2).
    ///
    /// An Execute sent only to collect pending notifications (after a
    /// NotificationWait response with EventPending) is an ordinary body
    /// whose RopBuffer holds the empty ROP input buffer of MS-OXCROPS 4.1
    /// behind its RPC_HEADER_EXT, not an empty body.
    ///
    /// ```
    /// use mapi_wire::http::emsmdb::{ExecuteFlags, ExecuteRequest};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let bytes = [
    ///     0x03, 0x00, 0x00, 0x00, // Flags: NoCompression | NoXorMagic
    ///     0x0A, 0x00, 0x00, 0x00, // RopBufferSize
    ///     0x00, 0x00, 0x04, 0x00, 0x02, 0x00, 0x02, 0x00, // RPC_HEADER_EXT
    ///     0x02, 0x00, // the empty ROP input buffer (RopSize 2)
    ///     0x08, 0x80, 0x01, 0x00, // MaxRopOut 0x00018008
    ///     0x00, 0x00, 0x00, 0x00, // AuxiliaryBufferSize
    /// ];
    /// let req = ExecuteRequest::decode_exact(&bytes, ()).unwrap();
    /// assert_eq!(req.flags, ExecuteFlags::NO_COMPRESSION | ExecuteFlags::NO_XOR_MAGIC);
    /// assert_eq!(req.rop_buffer.len(), 10);
    /// assert_eq!(req.max_rop_out, 0x0001_8008);
    /// assert_eq!(req.to_vec().unwrap(), bytes);
    /// ```
    #[derive(Copy)]
    pub struct ExecuteRequest<'a> {
        /// Flags: how the server is to build the response RopBuffer
        /// (pulFlags).
        pub flags: ExecuteFlags,
        /// RopBufferSize and RopBuffer: the ROP requests, as extended
        /// buffers (cbIn, rgbIn).
        pub rop_buffer: RopBuffer<'a>,
        /// MaxRopOut: the largest response RopBuffer the client accepts
        /// (pcbOut).
        pub max_rop_out: u32,
        /// AuxiliaryBufferSize and AuxiliaryBuffer: client AUX blocks
        /// (cbAuxIn, rgbAuxIn).
        pub auxiliary_buffer: AuxiliaryBuffer<'a>,
    }
}

crate::wire_struct! {
    /// The Execute success response body (MS-OXCMAPIHTTP 2.2.4.2.2): the
    /// output of EcDoRpcExt2 (MS-OXCRPC 3.1.4.2).
    ///
    /// ```
    /// use mapi_wire::data::ErrorCode;
    /// use mapi_wire::http::emsmdb::{ExecuteFlags, ExecuteResponse};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let bytes = [
    ///     0x00, 0x00, 0x00, 0x00, // StatusCode
    ///     0x00, 0x00, 0x00, 0x00, // ErrorCode
    ///     0x00, 0x00, 0x00, 0x00, // Flags (reserved)
    ///     0x0A, 0x00, 0x00, 0x00, // RopBufferSize
    ///     0x00, 0x00, 0x04, 0x00, 0x02, 0x00, 0x02, 0x00, // RPC_HEADER_EXT
    ///     0x02, 0x00, // a ROP output buffer with no response
    ///     0x00, 0x00, 0x00, 0x00, // AuxiliaryBufferSize
    /// ];
    /// let body = ExecuteResponse::decode_exact(&bytes, ()).unwrap();
    /// let ok = body.success().unwrap();
    /// assert_eq!(ok.error_code, ErrorCode::SUCCESS);
    /// assert_eq!(ok.flags, ExecuteFlags::empty());
    /// assert_eq!(ok.rop_buffer.as_bytes()[8..], [0x02, 0x00]);
    /// assert_eq!(body.to_vec().unwrap(), bytes);
    /// ```
    #[derive(Copy)]
    pub struct ExecuteSuccess<'a> {
        /// StatusCode: 0 in this layout.
        pub status_code: ErrorCode,
        /// ErrorCode: the return value of EcDoRpcExt2 (0, or for example
        /// ecRpcFormat 0x000004B6).
        pub error_code: ErrorCode,
        /// Flags: reserved; the server sends 0 and the client ignores it.
        pub flags: ExecuteFlags,
        /// RopBufferSize and RopBuffer: the ROP responses, as extended
        /// buffers (pcbOut, rgbOut).
        pub rop_buffer: RopBuffer<'a>,
        /// AuxiliaryBufferSize and AuxiliaryBuffer: server AUX blocks
        /// (pcbAuxOut, rgbAuxOut).
        pub auxiliary_buffer: AuxiliaryBuffer<'a>,
    }
}

crate::wire_struct! {
    /// The Disconnect success response body (MS-OXCMAPIHTTP 2.2.4.3.2).
    ///
    /// ```
    /// use mapi_wire::data::ErrorCode;
    /// use mapi_wire::http::emsmdb::DisconnectResponse;
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let bytes = [0u8; 12]; // StatusCode, ErrorCode, AuxiliaryBufferSize
    /// let body = DisconnectResponse::decode_exact(&bytes, ()).unwrap();
    /// assert_eq!(body.success().unwrap().error_code, ErrorCode::SUCCESS);
    /// assert_eq!(body.to_vec().unwrap(), bytes);
    /// ```
    #[derive(Copy)]
    pub struct DisconnectSuccess<'a> {
        /// StatusCode: 0 in this layout.
        pub status_code: ErrorCode,
        /// ErrorCode: the return value of EcDoDisconnect (MS-OXCRPC
        /// 3.1.4.3).
        pub error_code: ErrorCode,
        /// AuxiliaryBufferSize and AuxiliaryBuffer: server AUX blocks.
        pub auxiliary_buffer: AuxiliaryBuffer<'a>,
    }
}

crate::wire_struct! {
    /// The NotificationWait request body (MS-OXCMAPIHTTP 2.2.4.4.1): the
    /// input of EcDoAsyncWaitEx (MS-OXCRPC 3.3.4.1).
    ///
    /// ```
    /// use mapi_wire::http::emsmdb::NotificationWaitRequest;
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let bytes = [0u8; 8]; // Flags, AuxiliaryBufferSize
    /// let req = NotificationWaitRequest::decode_exact(&bytes, ()).unwrap();
    /// assert!(req.flags.is_empty() && req.auxiliary_buffer.is_empty());
    /// assert_eq!(req.to_vec().unwrap(), bytes);
    /// ```
    #[derive(Copy)]
    pub struct NotificationWaitRequest<'a> {
        /// Flags: reserved; the client sends 0 (ulFlagsIn).
        pub flags: NotificationWaitFlags,
        /// AuxiliaryBufferSize and AuxiliaryBuffer: client AUX blocks.
        pub auxiliary_buffer: AuxiliaryBuffer<'a>,
    }
}

crate::wire_struct! {
    /// The NotificationWait success response body (MS-OXCMAPIHTTP
    /// 2.2.4.4.2): the output of EcDoAsyncWaitEx (MS-OXCRPC 3.3.4.1). The
    /// server answers when an event is pending, or after five minutes
    /// without one.
    ///
    /// ```
    /// use mapi_wire::data::ErrorCode;
    /// use mapi_wire::http::emsmdb::{EventPending, NotificationWaitResponse};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let bytes = [
    ///     0x00, 0x00, 0x00, 0x00, // StatusCode
    ///     0x00, 0x00, 0x00, 0x00, // ErrorCode
    ///     0x01, 0x00, 0x00, 0x00, // EventPending
    ///     0x00, 0x00, 0x00, 0x00, // AuxiliaryBufferSize
    /// ];
    /// let body = NotificationWaitResponse::decode_exact(&bytes, ()).unwrap();
    /// let ok = body.success().unwrap();
    /// assert_eq!(ok.event_pending, EventPending::NOTIFICATION_PENDING);
    /// assert_eq!(body.to_vec().unwrap(), bytes);
    /// ```
    #[derive(Copy)]
    pub struct NotificationWaitSuccess<'a> {
        /// StatusCode: 0 in this layout.
        pub status_code: ErrorCode,
        /// ErrorCode: the return value of EcDoAsyncWaitEx (0, ecRejected
        /// 0x000007EE when a wait is already outstanding, ecExiting
        /// 0x000003ED when the server is shutting down).
        pub error_code: ErrorCode,
        /// EventPending: whether events are pending (pulFlagsOut).
        pub event_pending: EventPending,
        /// AuxiliaryBufferSize and AuxiliaryBuffer: server AUX blocks.
        pub auxiliary_buffer: AuxiliaryBuffer<'a>,
    }
}

crate::wire_struct! {
    /// The failure response body shared by the four EMSMDB request types
    /// (MS-OXCMAPIHTTP 2.2.4.1.3 Connect, 2.2.4.2.3 Execute, 2.2.4.3.3
    /// Disconnect, 2.2.4.4.3 NotificationWait): StatusCode, which is not 0
    /// in this layout, then the auxiliary buffer. The specification does
    /// not enumerate the StatusCode values.
    ///
    /// ```
    /// use mapi_wire::data::ErrorCode;
    /// use mapi_wire::http::emsmdb::{AuxiliaryBuffer, FailureResponse};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let f = FailureResponse {
    ///     status_code: ErrorCode(0x8004_0115),
    ///     auxiliary_buffer: AuxiliaryBuffer::EMPTY,
    /// };
    /// assert_eq!(f.to_vec().unwrap(), [0x15, 0x01, 0x04, 0x80, 0, 0, 0, 0]);
    /// ```
    #[derive(Copy)]
    pub struct FailureResponse<'a> {
        /// StatusCode: not 0 in this layout.
        pub status_code: ErrorCode,
        /// AuxiliaryBufferSize and AuxiliaryBuffer: server AUX blocks.
        pub auxiliary_buffer: AuxiliaryBuffer<'a>,
    }
}

/// The Disconnect request body (MS-OXCMAPIHTTP 2.2.4.3.1), in either of the
/// two readings the specification allows.
///
/// 2.2.4.3.1 gives the body AuxiliaryBufferSize and AuxiliaryBuffer, while
/// 3.1.5.4 says that the Disconnect request type has no request body. Both
/// decode: an empty body gives `auxiliary_buffer: None`, any other body is
/// read by the 2.2.4.3.1 layout and must fill the input. Encoding writes
/// what was decoded, so both round-trip. [`DisconnectRequest::new`] and
/// `Default` build the 2.2.4.3.1 form, which is the one to send: a server
/// that follows 2.2.4.3.1 (gromox does) rejects an empty body as an invalid
/// request body.
///
/// ```
/// use mapi_wire::http::emsmdb::{AuxiliaryBuffer, DisconnectRequest};
/// use mapi_wire::wire::{Decode, Encode};
///
/// let four = DisconnectRequest::decode_exact(&[0, 0, 0, 0], ()).unwrap();
/// assert_eq!(four.auxiliary_buffer, Some(AuxiliaryBuffer::EMPTY));
/// let empty = DisconnectRequest::decode_exact(&[], ()).unwrap();
/// assert_eq!(empty.auxiliary_buffer, None);
/// assert!(empty.to_vec().unwrap().is_empty());
///
/// assert_eq!(DisconnectRequest::default().to_vec().unwrap(), [0, 0, 0, 0]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct DisconnectRequest<'a> {
    /// AuxiliaryBufferSize and AuxiliaryBuffer (2.2.4.3.1), or `None` for
    /// an empty body (3.1.5.4).
    pub auxiliary_buffer: Option<AuxiliaryBuffer<'a>>,
}

impl<'a> DisconnectRequest<'a> {
    /// The empty body of MS-OXCMAPIHTTP 3.1.5.4.
    pub const EMPTY_BODY: DisconnectRequest<'static> = DisconnectRequest {
        auxiliary_buffer: None,
    };

    /// A body in the 2.2.4.3.1 layout with the given auxiliary buffer.
    ///
    /// ```
    /// use mapi_wire::http::emsmdb::{AuxiliaryBuffer, DisconnectRequest};
    /// use mapi_wire::wire::Encode;
    ///
    /// let r = DisconnectRequest::new(AuxiliaryBuffer(&[0xAA]));
    /// assert_eq!(r.to_vec().unwrap(), [1, 0, 0, 0, 0xAA]);
    /// ```
    pub const fn new(auxiliary_buffer: AuxiliaryBuffer<'a>) -> Self {
        DisconnectRequest {
            auxiliary_buffer: Some(auxiliary_buffer),
        }
    }
}

impl Default for DisconnectRequest<'_> {
    fn default() -> Self {
        DisconnectRequest::new(AuxiliaryBuffer::EMPTY)
    }
}

impl<'a> Decode<'a> for DisconnectRequest<'a> {
    type Ctx = ();
    const NAME: &'static str = "DisconnectRequest";
    const MIN_LEN: usize = 0;

    fn decode_from(r: &mut Reader<'a>, _: ()) -> Result<Self, Error> {
        let auxiliary_buffer = if r.is_empty() {
            None
        } else {
            Some(AuxiliaryBuffer::decode_from(r, ()).in_field("auxiliary_buffer")?)
        };
        Ok(DisconnectRequest { auxiliary_buffer })
    }
}

impl Encode for DisconnectRequest<'_> {
    type Ctx = ();

    fn encoded_len_with(&self, _: ()) -> usize {
        self.auxiliary_buffer.map_or(0, |a| a.encoded_len_with(()))
    }

    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, _: ()) -> Result<(), Error> {
        match &self.auxiliary_buffer {
            Some(a) => a.encode_with(s, ()).in_field("auxiliary_buffer"),
            None => Ok(()),
        }
    }
}

/// The success layout of one EMSMDB response body, as used by
/// [`ResponseBody`]: [`ConnectSuccess`], [`ExecuteSuccess`],
/// [`DisconnectSuccess`] or [`NotificationWaitSuccess`].
///
/// ```
/// use mapi_wire::data::ErrorCode;
/// use mapi_wire::http::emsmdb::{AuxiliaryBuffer, DisconnectSuccess, SuccessBody};
///
/// let ok = DisconnectSuccess {
///     status_code: ErrorCode::SUCCESS,
///     error_code: ErrorCode(0x0000_04B6),
///     auxiliary_buffer: AuxiliaryBuffer::EMPTY,
/// };
/// assert_eq!(<DisconnectSuccess<'_> as SuccessBody<'_>>::RESPONSE_NAME, "DisconnectResponse");
/// assert_eq!(ok.error_code(), ErrorCode(0x4B6));
/// ```
pub trait SuccessBody<'a>: Decode<'a, Ctx = ()> + Encode<Ctx = ()> {
    /// The name of the whole response body, the first segment of error
    /// paths (`"ConnectResponse"`, ...).
    const RESPONSE_NAME: &'static str;
    /// StatusCode (0 in a well-formed success body).
    ///
    /// ```
    /// use mapi_wire::data::ErrorCode;
    /// use mapi_wire::http::emsmdb::{DisconnectSuccess, SuccessBody};
    /// use mapi_wire::wire::Decode;
    ///
    /// let s = DisconnectSuccess::decode_exact(&[0; 12], ()).unwrap();
    /// assert_eq!(s.status_code(), ErrorCode::SUCCESS);
    /// ```
    fn status_code(&self) -> ErrorCode;
    /// ErrorCode: the return value of the operation.
    ///
    /// ```
    /// use mapi_wire::data::ErrorCode;
    /// use mapi_wire::http::emsmdb::{DisconnectSuccess, SuccessBody};
    /// use mapi_wire::wire::Decode;
    ///
    /// let bytes = [0, 0, 0, 0, 0xB6, 0x04, 0, 0, 0, 0, 0, 0];
    /// let s = DisconnectSuccess::decode_exact(&bytes, ()).unwrap();
    /// assert_eq!(s.error_code(), ErrorCode(0x4B6));
    /// ```
    fn error_code(&self) -> ErrorCode;
    /// AuxiliaryBufferSize and AuxiliaryBuffer.
    ///
    /// ```
    /// use mapi_wire::http::emsmdb::{DisconnectSuccess, SuccessBody};
    /// use mapi_wire::wire::Decode;
    ///
    /// let bytes = [0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0x7F];
    /// let s = DisconnectSuccess::decode_exact(&bytes, ()).unwrap();
    /// assert_eq!(s.auxiliary_buffer().as_bytes(), &[0x7F]);
    /// ```
    fn auxiliary_buffer(&self) -> AuxiliaryBuffer<'a>;
}

macro_rules! success_body {
    ($($T:ident => $name:literal;)*) => {$(
        impl<'a> SuccessBody<'a> for $T<'a> {
            const RESPONSE_NAME: &'static str = $name;
            #[inline]
            fn status_code(&self) -> ErrorCode {
                self.status_code
            }
            #[inline]
            fn error_code(&self) -> ErrorCode {
                self.error_code
            }
            #[inline]
            fn auxiliary_buffer(&self) -> AuxiliaryBuffer<'a> {
                self.auxiliary_buffer
            }
        }

        impl<'a> From<$T<'a>> for ResponseBody<'a, $T<'a>> {
            fn from(s: $T<'a>) -> Self {
                ResponseBody::Success(s)
            }
        }
    )*};
}

success_body! {
    ConnectSuccess => "ConnectResponse";
    ExecuteSuccess => "ExecuteResponse";
    DisconnectSuccess => "DisconnectResponse";
    NotificationWaitSuccess => "NotificationWaitResponse";
}

/// An EMSMDB response body in either form: the request type's success
/// layout `S` when StatusCode is 0, the [`FailureResponse`] layout
/// otherwise (MS-OXCMAPIHTTP 2.2.4). Use it through its aliases
/// [`ConnectResponse`], [`ExecuteResponse`], [`DisconnectResponse`] and
/// [`NotificationWaitResponse`].
///
/// Decoding reads StatusCode first to choose the layout. Encoding fails
/// with [`ErrorKind::Unencodable`] (at StatusCode) for a `Success` whose
/// StatusCode is not 0 and for a `Failure` whose StatusCode is 0, since
/// those bytes would decode as the other form. Serde writes the fields of
/// whichever form it holds, without a tag.
///
/// ```
/// use mapi_wire::data::ErrorCode;
/// use mapi_wire::http::emsmdb::{AuxiliaryBuffer, DisconnectResponse, FailureResponse};
/// use mapi_wire::wire::{Decode, Encode, ErrorKind};
///
/// let failure = [0xF7, 0x06, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00];
/// let body = DisconnectResponse::decode_exact(&failure, ()).unwrap();
/// assert_eq!(body.status_code(), ErrorCode(0x6F7));
/// assert_eq!(body.error_code(), None);
/// assert!(body.failure().is_some() && body.success().is_none());
///
/// // A failure body with StatusCode 0 cannot be written.
/// let wrong = DisconnectResponse::Failure(FailureResponse {
///     status_code: ErrorCode::SUCCESS,
///     auxiliary_buffer: AuxiliaryBuffer::EMPTY,
/// });
/// assert_eq!(wrong.to_vec().unwrap_err().kind(), ErrorKind::Unencodable { value: 0 });
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(untagged))]
pub enum ResponseBody<'a, S> {
    /// StatusCode 0: the success layout.
    Success(S),
    /// StatusCode not 0: the failure layout.
    Failure(FailureResponse<'a>),
}

/// The Connect response body (MS-OXCMAPIHTTP 2.2.4.1.2, 2.2.4.1.3).
///
/// ```
/// use mapi_wire::http::emsmdb::ConnectResponse;
/// use mapi_wire::wire::Decode;
///
/// let body = ConnectResponse::decode_exact(&[1, 0, 0, 0, 0, 0, 0, 0], ()).unwrap();
/// assert!(matches!(body, ConnectResponse::Failure(_)));
/// ```
pub type ConnectResponse<'a> = ResponseBody<'a, ConnectSuccess<'a>>;

/// The Execute response body (MS-OXCMAPIHTTP 2.2.4.2.2, 2.2.4.2.3).
///
/// ```
/// use mapi_wire::http::emsmdb::ExecuteResponse;
/// use mapi_wire::wire::Decode;
///
/// let body = ExecuteResponse::decode_exact(&[1, 0, 0, 0, 0, 0, 0, 0], ()).unwrap();
/// assert!(matches!(body, ExecuteResponse::Failure(_)));
/// ```
pub type ExecuteResponse<'a> = ResponseBody<'a, ExecuteSuccess<'a>>;

/// The Disconnect response body (MS-OXCMAPIHTTP 2.2.4.3.2, 2.2.4.3.3).
///
/// ```
/// use mapi_wire::http::emsmdb::DisconnectResponse;
/// use mapi_wire::wire::Decode;
///
/// let body = DisconnectResponse::decode_exact(&[0; 12], ()).unwrap();
/// assert!(matches!(body, DisconnectResponse::Success(_)));
/// ```
pub type DisconnectResponse<'a> = ResponseBody<'a, DisconnectSuccess<'a>>;

/// The NotificationWait response body (MS-OXCMAPIHTTP 2.2.4.4.2,
/// 2.2.4.4.3).
///
/// ```
/// use mapi_wire::http::emsmdb::NotificationWaitResponse;
/// use mapi_wire::wire::Decode;
///
/// let body = NotificationWaitResponse::decode_exact(&[0; 16], ()).unwrap();
/// assert!(matches!(body, NotificationWaitResponse::Success(_)));
/// ```
pub type NotificationWaitResponse<'a> = ResponseBody<'a, NotificationWaitSuccess<'a>>;

impl<'a, S: SuccessBody<'a>> ResponseBody<'a, S> {
    /// StatusCode, whichever the form.
    ///
    /// ```
    /// use mapi_wire::data::ErrorCode;
    /// use mapi_wire::http::emsmdb::DisconnectResponse;
    /// use mapi_wire::wire::Decode;
    ///
    /// // A Disconnect failure body: StatusCode 0x6BB, AuxiliaryBufferSize 0.
    /// let failed = DisconnectResponse::decode_exact(&[0xBB, 0x06, 0, 0, 0, 0, 0, 0], ()).unwrap();
    /// assert_eq!(failed.status_code(), ErrorCode(0x6BB));
    /// ```
    pub fn status_code(&self) -> ErrorCode {
        match self {
            ResponseBody::Success(s) => s.status_code(),
            ResponseBody::Failure(f) => f.status_code,
        }
    }

    /// True for the success form.
    ///
    /// ```
    /// use mapi_wire::http::emsmdb::DisconnectResponse;
    /// use mapi_wire::wire::Decode;
    ///
    /// assert!(DisconnectResponse::decode_exact(&[0; 12], ()).unwrap().is_success());
    /// // A Disconnect failure body: StatusCode 0x6BB, AuxiliaryBufferSize 0.
    /// let failed = DisconnectResponse::decode_exact(&[0xBB, 0x06, 0, 0, 0, 0, 0, 0], ()).unwrap();
    /// assert!(!failed.is_success());
    /// ```
    pub fn is_success(&self) -> bool {
        matches!(self, ResponseBody::Success(_))
    }

    /// ErrorCode, the return value of the operation; only the success form
    /// has one.
    ///
    /// ```
    /// use mapi_wire::data::ErrorCode;
    /// use mapi_wire::http::emsmdb::DisconnectResponse;
    /// use mapi_wire::wire::Decode;
    ///
    /// let ok = DisconnectResponse::decode_exact(&[0; 12], ()).unwrap();
    /// assert_eq!(ok.error_code(), Some(ErrorCode::SUCCESS));
    /// // A Disconnect failure body: StatusCode 0x6BB, AuxiliaryBufferSize 0.
    /// let failed = DisconnectResponse::decode_exact(&[0xBB, 0x06, 0, 0, 0, 0, 0, 0], ()).unwrap();
    /// assert_eq!(failed.error_code(), None);
    /// ```
    pub fn error_code(&self) -> Option<ErrorCode> {
        match self {
            ResponseBody::Success(s) => Some(s.error_code()),
            ResponseBody::Failure(_) => None,
        }
    }

    /// The success body, if this is one.
    ///
    /// ```
    /// use mapi_wire::http::emsmdb::DisconnectResponse;
    /// use mapi_wire::wire::Decode;
    ///
    /// let ok = DisconnectResponse::decode_exact(&[0; 12], ()).unwrap();
    /// assert!(ok.success().is_some() && ok.failure().is_none());
    /// ```
    pub fn success(&self) -> Option<&S> {
        match self {
            ResponseBody::Success(s) => Some(s),
            ResponseBody::Failure(_) => None,
        }
    }

    /// The failure body, if this is one.
    ///
    /// ```
    /// use mapi_wire::http::emsmdb::DisconnectResponse;
    /// use mapi_wire::wire::Decode;
    ///
    /// // A Disconnect failure body: StatusCode 0x6BB, AuxiliaryBufferSize 0.
    /// let failed = DisconnectResponse::decode_exact(&[0xBB, 0x06, 0, 0, 0, 0, 0, 0], ()).unwrap();
    /// assert_eq!(failed.failure().unwrap().status_code.0, 0x6BB);
    /// ```
    pub fn failure(&self) -> Option<&FailureResponse<'a>> {
        match self {
            ResponseBody::Success(_) => None,
            ResponseBody::Failure(f) => Some(f),
        }
    }

    /// AuxiliaryBufferSize and AuxiliaryBuffer, whichever the form.
    ///
    /// ```
    /// use mapi_wire::http::emsmdb::DisconnectResponse;
    /// use mapi_wire::wire::Decode;
    ///
    /// let bytes = [0xBB, 0x06, 0, 0, 1, 0, 0, 0, 0x7F];
    /// let failed = DisconnectResponse::decode_exact(&bytes, ()).unwrap();
    /// assert_eq!(failed.auxiliary_buffer().as_bytes(), &[0x7F]);
    /// ```
    pub fn auxiliary_buffer(&self) -> AuxiliaryBuffer<'a> {
        match self {
            ResponseBody::Success(s) => s.auxiliary_buffer(),
            ResponseBody::Failure(f) => f.auxiliary_buffer,
        }
    }
}

impl<'a, S: SuccessBody<'a>> Decode<'a> for ResponseBody<'a, S> {
    type Ctx = ();
    const NAME: &'static str = S::RESPONSE_NAME;
    const MIN_LEN: usize = <FailureResponse<'a> as Decode<'a>>::MIN_LEN;

    fn decode_from(r: &mut Reader<'a>, _: ()) -> Result<Self, Error> {
        // StatusCode chooses the layout; both layouts read it again.
        let status = r.clone().u32().in_field("status_code")?;
        if status == 0 {
            S::decode_from(r, ()).map(ResponseBody::Success)
        } else {
            FailureResponse::decode_from(r, ()).map(ResponseBody::Failure)
        }
    }
}

impl<'a, S: SuccessBody<'a>> Encode for ResponseBody<'a, S> {
    type Ctx = ();

    fn encoded_len_with(&self, _: ()) -> usize {
        match self {
            ResponseBody::Success(s) => s.encoded_len_with(()),
            ResponseBody::Failure(f) => f.encoded_len_with(()),
        }
    }

    fn encode_with<W: Sink + ?Sized>(&self, s: &mut W, _: ()) -> Result<(), Error> {
        let status = self.status_code();
        if (status.0 == 0) != self.is_success() {
            return Err(Error::new(
                ErrorKind::Unencodable {
                    value: u64::from(status.0),
                },
                s.position(),
            )
            .in_field("status_code"));
        }
        match self {
            ResponseBody::Success(b) => b.encode_with(s, ()),
            ResponseBody::Failure(f) => f.encode_with(s, ()),
        }
    }
}

impl<'a, S> From<FailureResponse<'a>> for ResponseBody<'a, S> {
    fn from(f: FailureResponse<'a>) -> Self {
        ResponseBody::Failure(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::Limits;

    /// An Execute request body around `rops`, with MaxRopOut 0x10008.
    fn execute_request(rops: &[u8]) -> Vec<u8> {
        let mut v = vec![0x07, 0, 0, 0];
        v.extend_from_slice(&(rops.len() as u32).to_le_bytes());
        v.extend_from_slice(rops);
        v.extend_from_slice(&[0x08, 0x00, 0x01, 0x00, 0, 0, 0, 0]);
        v
    }

    #[test]
    fn rop_buffers_are_not_capped_by_max_count() {
        // A response RopBuffer may be 0x40000 bytes (MS-OXCRPC 3.1.4.2),
        // far beyond Limits::max_count, which caps element counts only.
        let rops = vec![0x5Au8; 0x4_0000];
        let bytes = execute_request(&rops);
        let req = ExecuteRequest::decode_exact(&bytes, ()).unwrap();
        assert_eq!(req.rop_buffer.len(), 0x4_0000);
        assert_eq!(req.max_rop_out, 0x1_0008);
        assert_eq!(req.to_vec().unwrap(), bytes);
    }

    #[test]
    fn rop_buffer_size_is_checked_before_use() {
        // RopBufferSize 0xFFFFFFFF with 12 bytes left.
        let mut bytes = vec![0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF];
        bytes.extend_from_slice(&[0; 12]);
        let e = ExecuteRequest::decode_exact(&bytes, ()).unwrap_err();
        assert_eq!(e.offset(), 4);
        assert_eq!(
            e.to_string(),
            "ExecuteRequest.RopBuffer: length 4294967295 runs past the end, \
             12 bytes remain (offset 4)"
        );
    }

    #[test]
    fn auxiliary_buffer_cap_comes_from_limits() {
        let mut bytes = vec![0u8; 4];
        bytes.extend_from_slice(&0x20u32.to_le_bytes());
        bytes.extend_from_slice(&[0xAA; 0x20]);
        let strict = Limits {
            max_aux_buffer: 0x1F,
            ..Limits::DEFAULT
        };
        let e = NotificationWaitRequest::decode_with_limits(&bytes, (), strict).unwrap_err();
        assert_eq!(
            e.kind(),
            ErrorKind::LimitExceeded {
                value: 0x20,
                limit: 0x1F
            }
        );
        assert_eq!(e.offset(), 4);
        let (ok, rest) = NotificationWaitRequest::decode(&bytes).unwrap();
        assert!(rest.is_empty());
        assert_eq!(ok.auxiliary_buffer.len(), 0x20);
    }

    #[test]
    fn status_code_chooses_the_layout() {
        // 16 bytes that are a NotificationWait success body when StatusCode
        // is 0 ...
        let mut bytes = [0u8; 16];
        bytes[8] = 1;
        let ok = NotificationWaitResponse::decode_exact(&bytes, ()).unwrap();
        assert_eq!(ok.error_code(), Some(ErrorCode::SUCCESS));
        // ... and, with StatusCode 1, a failure body (AuxiliaryBufferSize 0)
        // followed by 8 bytes that are not part of it.
        bytes[0] = 1;
        let e = NotificationWaitResponse::decode_exact(&bytes, ()).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::TrailingBytes { count: 8 });
        assert_eq!(e.offset(), 8);
        let (f, rest) = NotificationWaitResponse::decode(&bytes).unwrap();
        assert_eq!(f.status_code(), ErrorCode(1));
        assert_eq!(rest.len(), 8);
    }

    #[test]
    fn a_short_status_code_is_truncation_at_offset_zero() {
        let e = ConnectResponse::decode(&[0, 0, 0]).unwrap_err();
        assert_eq!(e.offset(), 0);
        assert_eq!(
            e.to_string(),
            "ConnectResponse.StatusCode: needs 4 bytes, 3 remain (offset 0)"
        );
    }

    #[test]
    fn success_with_non_zero_status_is_unencodable() {
        let body = ExecuteResponse::Success(ExecuteSuccess {
            status_code: ErrorCode(9),
            error_code: ErrorCode::SUCCESS,
            flags: ExecuteFlags::empty(),
            rop_buffer: RopBuffer(&[]),
            auxiliary_buffer: AuxiliaryBuffer::EMPTY,
        });
        let e = body.to_vec().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Unencodable { value: 9 });
        assert_eq!(
            e.to_string(),
            "StatusCode: cannot encode value 0x9 (offset 0)"
        );
        // encoded_len still describes the layout.
        assert_eq!(body.encoded_len(), 20);
    }
}
