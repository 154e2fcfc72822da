//! The address-book (NSPI) request and response bodies of MAPI over HTTP
//! (MS-OXCMAPIHTTP 2.2.5): one request type, one success-response type and
//! one response type (success or failure, told apart by StatusCode) per
//! X-RequestType.
//!
//! Every body takes an [`AbContext`] (the choices where peers differ; see
//! [`crate::nspi`]) and ends with AuxiliaryBufferSize (4 bytes) and the
//! AuxiliaryBuffer, kept as raw bytes (its RPC_HEADER_EXT and AUX blocks
//! are MS-OXCRPC 3.1.4.1.1 – 3.1.4.1.2).
//!
//! The Has* presence bytes (HasState, HasColumns, …) are fields of their
//! own, kept as sent: any non-zero byte means "present" (the bodies say
//! "present when … nonzero"), so decoding then encoding gives the same
//! bytes. Build new bodies with `0xFF` in them ([`HAS`]), as Exchange and
//! gromox send; an encoder refuses a body whose Has byte and field
//! disagree.
//!
//! Rows are decoded against the columns the *response* carries (its
//! Columns or PropertyTags field), never the request's.
//!
//! ```
//! use mapi_wire::http::nspi::{UnbindRequest, UnbindResponse};
//! use mapi_wire::nspi::AbContext;
//! use mapi_wire::wire::{Bytes, Decode, Encode};
//!
//! let req = UnbindRequest { reserved: 0, auxiliary_buffer: Bytes(&[]) };
//! let bytes = req.to_vec_with(AbContext::DEFAULT).unwrap();
//! assert_eq!(bytes, [0; 8]);
//!
//! // A failure response: StatusCode 1, no auxiliary buffer.
//! let (resp, _) = UnbindResponse::decode_with(&[1, 0, 0, 0, 0, 0, 0, 0], AbContext::DEFAULT).unwrap();
//! assert_eq!(resp.status_code(), 1);
//! assert!(resp.success().is_none());
//! ```

use crate::data::{CodePage, ErrorCode, Guid, PropertyTag, String8, Utf16Str};
use crate::nspi::{
    AbContext, AbDisplayType, AbRestriction, AbRowContext, AddressBookPropertyRow,
    AddressBookPropertyValueList, AddressBookTaggedPropertyValue, BindFlags, LargePropertyTagArray,
    MinimalEntryId, ModLinkAttFlags, QueryColumnsFlags, RetrievalFlags, SpecialTableFlags, Stat,
    StringsArray, TemplateInfoFlags, WStringsArray,
};
use crate::wire::{
    Array, Bytes, Count, Decode, Encode, Error, ErrorKind, List, Reader, ResultExt, Sink, Width,
};

/// The byte to put in a Has* field of a body built for sending.
pub const HAS: u8 = 0xFF;

/// The Has* byte for an optional field: [`HAS`] when it is present.
///
/// ```
/// use mapi_wire::http::nspi::has;
///
/// assert_eq!(has(&Some(1)), 0xFF);
/// assert_eq!(has::<u32>(&None), 0x00);
/// ```
pub const fn has<T>(field: &Option<T>) -> u8 {
    if field.is_some() { HAS } else { 0 }
}

/// A list of Minimal Entry IDs with its 4-byte count (MinimalIdCount and
/// MinimalIds; ExplicitTableCount and ExplicitTable).
pub type MinimalIds<'a> = Array<'a, MinimalEntryId>;

/// The rows of a response, with their 4-byte RowCount, decoded against the
/// response's columns.
pub type AbRows<'a> = List<'a, AddressBookPropertyRow<'a>>;

const U32_COUNT: Count = Count::Prefix(Width::U32);

/// The row context for the columns field of a response.
fn rows_cx<'a>(columns: &Option<LargePropertyTagArray<'a>>, cx: AbContext) -> AbRowContext<'a> {
    AbRowContext::new(
        columns
            .as_ref()
            .map(|c| c.property_tags)
            .unwrap_or_default(),
        cx,
    )
}

crate::wire_struct! {
    /// The failure response body shared by every request type
    /// (MS-OXCMAPIHTTP 2.2.5.x.3): a non-zero StatusCode and the auxiliary
    /// buffer.
    ///
    /// ```
    /// use mapi_wire::http::nspi::FailureResponse;
    /// use mapi_wire::nspi::AbContext;
    /// use mapi_wire::wire::{Bytes, Encode};
    ///
    /// let f = FailureResponse { status_code: 0x0C, auxiliary_buffer: Bytes(&[]) };
    /// assert_eq!(f.to_vec_with(AbContext::DEFAULT).unwrap(), [0x0C, 0, 0, 0, 0, 0, 0, 0]);
    /// ```
    #[derive(Copy)]
    pub struct FailureResponse<'a> (cx: AbContext) {
        /// StatusCode: not zero.
        pub status_code: u32,
        /// AuxiliaryBuffer, preceded by AuxiliaryBufferSize.
        pub auxiliary_buffer: Bytes<'a> = ctx(Width::U32),
    }
}

/// Declares the response type of a request type: the success body or the
/// failure body, chosen by the StatusCode they both start with.
macro_rules! response {
    ($(#[$m:meta])* $Resp:ident, $Success:ident, $name:literal) => {
        $(#[$m])*
        ///
        /// The failure form (MS-OXCMAPIHTTP 2.2.5) is the same for every
        /// request type: StatusCode, then the auxiliary buffer.
        ///
        /// ```
        #[doc = concat!("use mapi_wire::http::nspi::", stringify!($Resp), ";")]
        /// use mapi_wire::nspi::AbContext;
        /// use mapi_wire::wire::{Decode, Encode};
        ///
        /// // StatusCode 0x6BB (too busy), AuxiliaryBufferSize 0.
        /// let bytes = [0xBB, 0x06, 0, 0, 0, 0, 0, 0];
        #[doc = concat!("let r = ", stringify!($Resp), "::decode_exact(&bytes, AbContext::DEFAULT)?;")]
        #[doc = concat!("assert!(matches!(r, ", stringify!($Resp), "::Failure(_)));")]
        /// assert_eq!(r.to_vec_with(AbContext::DEFAULT)?, bytes);
        /// # Ok::<(), mapi_wire::wire::Error>(())
        /// ```
        #[derive(Clone, Debug, PartialEq)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize))]
        #[cfg_attr(feature = "serde", serde(untagged))]
        pub enum $Resp<'a> {
            /// StatusCode 0: the success body.
            Success($Success<'a>),
            /// StatusCode not 0: the failure body.
            Failure(FailureResponse<'a>),
        }

        impl<'a> $Resp<'a> {
            /// The StatusCode.
            ///
            /// ```
            #[doc = concat!("use mapi_wire::http::nspi::", stringify!($Resp), ";")]
            /// use mapi_wire::nspi::AbContext;
            /// use mapi_wire::wire::Decode;
            ///
            /// let bytes = [0xBB, 0x06, 0, 0, 0, 0, 0, 0];
            #[doc = concat!("let r = ", stringify!($Resp), "::decode_exact(&bytes, AbContext::DEFAULT)?;")]
            /// assert_eq!(r.status_code(), 0x6BB);
            /// # Ok::<(), mapi_wire::wire::Error>(())
            /// ```
            pub fn status_code(&self) -> u32 {
                match self {
                    $Resp::Success(s) => s.status_code,
                    $Resp::Failure(f) => f.status_code,
                }
            }

            /// The success body, if this is one.
            ///
            /// ```
            #[doc = concat!("use mapi_wire::http::nspi::", stringify!($Resp), ";")]
            /// use mapi_wire::nspi::AbContext;
            /// use mapi_wire::wire::Decode;
            ///
            /// let bytes = [0xBB, 0x06, 0, 0, 0, 0, 0, 0];
            #[doc = concat!("let r = ", stringify!($Resp), "::decode_exact(&bytes, AbContext::DEFAULT)?;")]
            /// assert!(r.success().is_none());
            /// # Ok::<(), mapi_wire::wire::Error>(())
            /// ```
            pub fn success(&self) -> Option<&$Success<'a>> {
                match self {
                    $Resp::Success(s) => Some(s),
                    $Resp::Failure(_) => None,
                }
            }

            /// The auxiliary buffer.
            ///
            /// ```
            #[doc = concat!("use mapi_wire::http::nspi::", stringify!($Resp), ";")]
            /// use mapi_wire::nspi::AbContext;
            /// use mapi_wire::wire::Decode;
            ///
            /// // StatusCode 0x6BB, AuxiliaryBufferSize 2, two bytes.
            /// let bytes = [0xBB, 0x06, 0, 0, 2, 0, 0, 0, 0xAA, 0xBB];
            #[doc = concat!("let r = ", stringify!($Resp), "::decode_exact(&bytes, AbContext::DEFAULT)?;")]
            /// assert_eq!(r.auxiliary_buffer().0, &[0xAA, 0xBB]);
            /// # Ok::<(), mapi_wire::wire::Error>(())
            /// ```
            pub fn auxiliary_buffer(&self) -> Bytes<'a> {
                match self {
                    $Resp::Success(s) => s.auxiliary_buffer,
                    $Resp::Failure(f) => f.auxiliary_buffer,
                }
            }
        }

        impl<'a> Decode<'a> for $Resp<'a> {
            type Ctx = AbContext;
            const NAME: &'static str = $name;
            const MIN_LEN: usize = 8;

            fn decode_from(r: &mut Reader<'a>, cx: AbContext) -> Result<Self, Error> {
                let status = r.clone().u32().in_field("status_code")?;
                if status == 0 {
                    $Success::decode_from(r, cx).map($Resp::Success)
                } else {
                    FailureResponse::decode_from(r, cx).map($Resp::Failure)
                }
            }
        }

        impl Encode for $Resp<'_> {
            type Ctx = AbContext;

            fn encoded_len_with(&self, cx: AbContext) -> usize {
                match self {
                    $Resp::Success(s) => s.encoded_len_with(cx),
                    $Resp::Failure(f) => f.encoded_len_with(cx),
                }
            }

            /// Fails with [`ErrorKind::Unencodable`] for a success body with
            /// a non-zero StatusCode or a failure body with StatusCode 0,
            /// which would decode as the other form.
            fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, cx: AbContext) -> Result<(), Error> {
                match self {
                    $Resp::Success(b) if b.status_code == 0 => b.encode_with(s, cx),
                    $Resp::Failure(f) if f.status_code != 0 => f.encode_with(s, cx),
                    _ => Err(Error::new(
                        ErrorKind::Unencodable { value: u64::from(self.status_code()) },
                        s.position(),
                    )
                    .in_field("status_code")),
                }
            }
        }
    };
}

// ------------------------------------------------------------------ Bind

crate::wire_struct! {
    /// Bind request body (MS-OXCMAPIHTTP 2.2.5.1.1).
    ///
    /// ```
    /// use mapi_wire::data::CodePage;
    /// use mapi_wire::http::nspi::{BindRequest, HAS};
    /// use mapi_wire::nspi::{AbContext, BindFlags, Stat};
    /// use mapi_wire::wire::{Bytes, Encode};
    ///
    /// let req = BindRequest {
    ///     flags: BindFlags::empty(),
    ///     has_state: HAS,
    ///     state: Some(Stat::new(CodePage::WINDOWS_1252, 0x0409)),
    ///     auxiliary_buffer: Bytes(&[]),
    /// };
    /// assert_eq!(req.to_vec_with(AbContext::DEFAULT).unwrap().len(), 4 + 1 + 36 + 4);
    /// ```
    #[derive(Copy)]
    pub struct BindRequest<'a> (cx: AbContext) {
        /// Flags: only fAnonymousLogin is honoured.
        pub flags: BindFlags,
        /// HasState.
        pub has_state: u8,
        /// State, present when HasState is not zero.
        pub state: Option<Stat> = when(*has_state != 0),
        /// AuxiliaryBuffer, preceded by AuxiliaryBufferSize.
        pub auxiliary_buffer: Bytes<'a> = ctx(Width::U32),
    }
}

crate::wire_struct! {
    /// Bind success response body (MS-OXCMAPIHTTP 2.2.5.1.2).
    ///
    /// ```
    /// use mapi_wire::data::{ErrorCode, Guid};
    /// use mapi_wire::http::nspi::BindSuccess;
    /// use mapi_wire::nspi::AbContext;
    /// use mapi_wire::wire::{Bytes, Encode};
    ///
    /// let b = BindSuccess {
    ///     status_code: 0,
    ///     error_code: ErrorCode(0),
    ///     server_guid: Guid([0xAB; 16]),
    ///     auxiliary_buffer: Bytes(&[]),
    /// };
    /// assert_eq!(b.to_vec_with(AbContext::DEFAULT).unwrap().len(), 28);
    /// ```
    #[derive(Copy)]
    pub struct BindSuccess<'a> (cx: AbContext) {
        /// StatusCode: 0.
        pub status_code: u32,
        /// ErrorCode: the NSPI return value.
        pub error_code: ErrorCode,
        /// ServerGuid: the GUID that MIds and Ephemeral Entry IDs are valid for.
        pub server_guid: Guid,
        /// AuxiliaryBuffer, preceded by AuxiliaryBufferSize.
        pub auxiliary_buffer: Bytes<'a> = ctx(Width::U32),
    }
}

response! {
    /// Bind response body: [`BindSuccess`] or [`FailureResponse`].
    BindResponse, BindSuccess, "BindResponse"
}

// ------------------------------------------------------------------ Unbind

crate::wire_struct! {
    /// Unbind request body (MS-OXCMAPIHTTP 2.2.5.2.1).
    ///
    /// ```
    /// use mapi_wire::http::nspi::UnbindRequest;
    /// use mapi_wire::nspi::AbContext;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = UnbindRequest::decode_with(&[0; 8], AbContext::DEFAULT).unwrap();
    /// assert_eq!(r.reserved, 0);
    /// ```
    #[derive(Copy)]
    pub struct UnbindRequest<'a> (cx: AbContext) {
        /// Reserved: 0.
        pub reserved: u32,
        /// AuxiliaryBuffer, preceded by AuxiliaryBufferSize.
        pub auxiliary_buffer: Bytes<'a> = ctx(Width::U32),
    }
}

crate::wire_struct! {
    /// Unbind success response body (MS-OXCMAPIHTTP 2.2.5.2.2); ErrorCode
    /// is UnbindSuccess (0x00000001) or UnbindFailure (0x00000002).
    ///
    /// ```
    /// use mapi_wire::http::nspi::UnbindSuccess;
    /// use mapi_wire::nspi::AbContext;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = UnbindSuccess::decode_with(&[0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0], AbContext::DEFAULT).unwrap();
    /// assert_eq!(r.error_code.0, 1);
    /// ```
    #[derive(Copy)]
    pub struct UnbindSuccess<'a> (cx: AbContext) {
        /// StatusCode: 0.
        pub status_code: u32,
        /// ErrorCode.
        pub error_code: ErrorCode,
        /// AuxiliaryBuffer, preceded by AuxiliaryBufferSize.
        pub auxiliary_buffer: Bytes<'a> = ctx(Width::U32),
    }
}

response! {
    /// Unbind response body: [`UnbindSuccess`] or [`FailureResponse`].
    UnbindResponse, UnbindSuccess, "UnbindResponse"
}

// ------------------------------------------------------------------ CompareMIds

crate::wire_struct! {
    /// CompareMinIds request body (X-RequestType `CompareMIds`,
    /// MS-OXCMAPIHTTP 2.2.5.3.1).
    ///
    /// ```
    /// use mapi_wire::http::nspi::CompareMinIdsRequest;
    /// use mapi_wire::nspi::{AbContext, MinimalEntryId};
    /// use mapi_wire::wire::Decode;
    ///
    /// let bytes = [0, 0, 0, 0, 0, 0x10, 0, 0, 0, 0x11, 0, 0, 0, 0, 0, 0, 0];
    /// let (r, _) = CompareMinIdsRequest::decode_with(&bytes, AbContext::DEFAULT).unwrap();
    /// assert_eq!(r.minimal_id2, MinimalEntryId(0x11));
    /// ```
    #[derive(Copy)]
    pub struct CompareMinIdsRequest<'a> (cx: AbContext) {
        /// Reserved: 0.
        pub reserved: u32,
        /// HasState.
        pub has_state: u8,
        /// State, present when HasState is not zero.
        pub state: Option<Stat> = when(*has_state != 0),
        /// MinimalId1.
        pub minimal_id1: MinimalEntryId,
        /// MinimalId2.
        pub minimal_id2: MinimalEntryId,
        /// AuxiliaryBuffer, preceded by AuxiliaryBufferSize.
        pub auxiliary_buffer: Bytes<'a> = ctx(Width::U32),
    }
}

crate::wire_struct! {
    /// CompareMinIds success response body (MS-OXCMAPIHTTP 2.2.5.3.2):
    /// StatusCode, ErrorCode, then Result, in the specification's order
    /// (MAPI Inspector agrees; gromox since 2025 writes Result before
    /// ErrorCode, which this type does not follow).
    ///
    /// ```
    /// use mapi_wire::http::nspi::CompareMinIdsSuccess;
    /// use mapi_wire::nspi::AbContext;
    /// use mapi_wire::wire::Decode;
    ///
    /// let bytes = [0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0];
    /// let (r, _) = CompareMinIdsSuccess::decode_with(&bytes, AbContext::DEFAULT).unwrap();
    /// assert_eq!(r.result, -1);
    /// ```
    #[derive(Copy)]
    pub struct CompareMinIdsSuccess<'a> (cx: AbContext) {
        /// StatusCode: 0.
        pub status_code: u32,
        /// ErrorCode.
        pub error_code: ErrorCode,
        /// Result: below 0, MinimalId1 comes first; 0, same position; above
        /// 0, MinimalId1 comes after MinimalId2.
        pub result: i32,
        /// AuxiliaryBuffer, preceded by AuxiliaryBufferSize.
        pub auxiliary_buffer: Bytes<'a> = ctx(Width::U32),
    }
}

response! {
    /// CompareMinIds response body: [`CompareMinIdsSuccess`] or [`FailureResponse`].
    CompareMinIdsResponse, CompareMinIdsSuccess, "CompareMinIdsResponse"
}

// ------------------------------------------------------------------ DNToMId

crate::wire_struct! {
    /// DnToMinId request body (X-RequestType `DNToMId`, MS-OXCMAPIHTTP
    /// 2.2.5.4.1): NameValues is a StringsArray_r of 8-bit DNs.
    ///
    /// ```
    /// use mapi_wire::http::nspi::DnToMinIdRequest;
    /// use mapi_wire::nspi::AbContext;
    /// use mapi_wire::wire::Decode;
    ///
    /// let bytes = b"\0\0\0\0\xFF\x01\0\0\0/o=x\0\0\0\0\0";
    /// let (r, _) = DnToMinIdRequest::decode_with(bytes, AbContext::DEFAULT).unwrap();
    /// assert_eq!(r.names.unwrap().strings.len(), 1);
    /// ```
    #[derive(Copy)]
    pub struct DnToMinIdRequest<'a> (cx: AbContext) {
        /// Reserved: 0.
        pub reserved: u32,
        /// HasNames.
        pub has_names: u8,
        /// NameCount and NameValues, present when HasNames is not zero.
        pub names: Option<StringsArray<'a>> = when(*has_names != 0),
        /// AuxiliaryBuffer, preceded by AuxiliaryBufferSize.
        pub auxiliary_buffer: Bytes<'a> = ctx(Width::U32),
    }
}

crate::wire_struct! {
    /// DnToMinId success response body (MS-OXCMAPIHTTP 2.2.5.4.2): one MId
    /// per name, 0 for a DN that maps to nothing.
    ///
    /// ```
    /// use mapi_wire::http::nspi::DnToMinIdSuccess;
    /// use mapi_wire::nspi::AbContext;
    /// use mapi_wire::wire::Decode;
    ///
    /// let bytes = [0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 1, 0, 0, 0, 0x20, 0, 0, 0, 0, 0, 0, 0];
    /// let (r, _) = DnToMinIdSuccess::decode_with(&bytes, AbContext::DEFAULT).unwrap();
    /// assert_eq!(r.minimal_ids.unwrap().get(0).unwrap().0, 0x20);
    /// ```
    #[derive(Copy)]
    pub struct DnToMinIdSuccess<'a> (cx: AbContext) {
        /// StatusCode: 0.
        pub status_code: u32,
        /// ErrorCode.
        pub error_code: ErrorCode,
        /// HasMinimalIds.
        pub has_minimal_ids: u8,
        /// MinimalIdCount and MinimalIds, present when HasMinimalIds is not zero.
        pub minimal_ids: Option<MinimalIds<'a>> = when(*has_minimal_ids != 0) ctx(U32_COUNT),
        /// AuxiliaryBuffer, preceded by AuxiliaryBufferSize.
        pub auxiliary_buffer: Bytes<'a> = ctx(Width::U32),
    }
}

response! {
    /// DnToMinId response body: [`DnToMinIdSuccess`] or [`FailureResponse`].
    DnToMinIdResponse, DnToMinIdSuccess, "DnToMinIdResponse"
}

// ------------------------------------------------------------------ GetMatches

crate::wire_struct! {
    /// GetMatches request body (MS-OXCMAPIHTTP 2.2.5.5.1). The Filter is
    /// an [`AbRestriction`]; PropertyName is only PropertyNameGuid and
    /// PropertyNameId (the NDR PropertyName_r's Reserved is not sent).
    ///
    /// ```
    /// use mapi_wire::http::nspi::GetMatchesRequest;
    /// use mapi_wire::nspi::AbContext;
    /// use mapi_wire::wire::Decode;
    ///
    /// // Nothing present, RowCount 50.
    /// let bytes = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x32, 0, 0, 0, 0, 0, 0, 0, 0];
    /// let (r, _) = GetMatchesRequest::decode_with(&bytes, AbContext::DEFAULT).unwrap();
    /// assert_eq!(r.row_count, 50);
    /// assert!(r.filter.is_none());
    /// ```
    pub struct GetMatchesRequest<'a> (cx: AbContext) {
        /// Reserved: 0.
        pub reserved: u32,
        /// HasState.
        pub has_state: u8,
        /// State, present when HasState is not zero.
        pub state: Option<Stat> = when(*has_state != 0),
        /// HasMinimalIds.
        pub has_minimal_ids: u8,
        /// MinimalIdCount and MinimalIds (an Explicit Table), present when
        /// HasMinimalIds is not zero.
        pub minimal_ids: Option<MinimalIds<'a>> = when(*has_minimal_ids != 0) ctx(U32_COUNT),
        /// InterfaceOptionFlags: reserved, 0.
        pub interface_option_flags: u32,
        /// HasFilter.
        pub has_filter: u8,
        /// Filter, present when HasFilter is not zero.
        pub filter: Option<AbRestriction<'a>> = when(*has_filter != 0) ctx(cx),
        /// HasPropertyName.
        pub has_property_name: u8,
        /// PropertyNameGuid, present when HasPropertyName is not zero.
        pub property_name_guid: Option<Guid> = when(*has_property_name != 0),
        /// PropertyNameId, present when HasPropertyName is not zero.
        pub property_name_id: Option<u32> = when(*has_property_name != 0),
        /// RowCount: the most rows wanted.
        pub row_count: u32,
        /// HasColumns.
        pub has_columns: u8,
        /// Columns, present when HasColumns is not zero.
        pub columns: Option<LargePropertyTagArray<'a>> = when(*has_columns != 0),
        /// AuxiliaryBuffer, preceded by AuxiliaryBufferSize.
        pub auxiliary_buffer: Bytes<'a> = ctx(Width::U32),
    }
}

crate::wire_struct! {
    /// GetMatches success response body (MS-OXCMAPIHTTP 2.2.5.5.2).
    ///
    /// ```
    /// use mapi_wire::http::nspi::GetMatchesSuccess;
    /// use mapi_wire::nspi::AbContext;
    /// use mapi_wire::wire::Decode;
    ///
    /// let bytes = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// let (r, _) = GetMatchesSuccess::decode_with(&bytes, AbContext::DEFAULT).unwrap();
    /// assert!(r.row_data.is_none());
    /// ```
    pub struct GetMatchesSuccess<'a> (cx: AbContext) {
        /// StatusCode: 0.
        pub status_code: u32,
        /// ErrorCode.
        pub error_code: ErrorCode,
        /// HasState.
        pub has_state: u8,
        /// State, present when HasState is not zero.
        pub state: Option<Stat> = when(*has_state != 0),
        /// HasMinimalIds.
        pub has_minimal_ids: u8,
        /// MinimalIdCount and MinimalIds, present when HasMinimalIds is not zero.
        pub minimal_ids: Option<MinimalIds<'a>> = when(*has_minimal_ids != 0) ctx(U32_COUNT),
        /// HasColumnsAndRows.
        pub has_columns_and_rows: u8,
        /// Columns, present when HasColumnsAndRows is not zero.
        pub columns: Option<LargePropertyTagArray<'a>> = when(*has_columns_and_rows != 0),
        /// RowCount and RowData, present when HasColumnsAndRows is not zero.
        pub row_data: Option<AbRows<'a>> =
            when(*has_columns_and_rows != 0) ctx((U32_COUNT, rows_cx(columns, cx))),
        /// AuxiliaryBuffer, preceded by AuxiliaryBufferSize.
        pub auxiliary_buffer: Bytes<'a> = ctx(Width::U32),
    }
}

response! {
    /// GetMatches response body: [`GetMatchesSuccess`] or [`FailureResponse`].
    GetMatchesResponse, GetMatchesSuccess, "GetMatchesResponse"
}

// ------------------------------------------------------------------ GetPropList

crate::wire_struct! {
    /// GetPropList request body (MS-OXCMAPIHTTP 2.2.5.6.1).
    ///
    /// ```
    /// use mapi_wire::http::nspi::GetPropListRequest;
    /// use mapi_wire::nspi::{AbContext, RetrievalFlags};
    /// use mapi_wire::wire::Decode;
    ///
    /// let bytes = [1, 0, 0, 0, 0x10, 0, 0, 0, 0xE4, 0x04, 0, 0, 0, 0, 0, 0];
    /// let (r, _) = GetPropListRequest::decode_with(&bytes, AbContext::DEFAULT).unwrap();
    /// assert_eq!(r.flags, RetrievalFlags::SKIP_OBJECTS);
    /// ```
    #[derive(Copy)]
    pub struct GetPropListRequest<'a> (cx: AbContext) {
        /// Flags: fSkipObjects.
        pub flags: RetrievalFlags,
        /// MinimalId: the object.
        pub minimal_id: MinimalEntryId,
        /// CodePage: of the 8-bit strings.
        pub code_page: CodePage,
        /// AuxiliaryBuffer, preceded by AuxiliaryBufferSize.
        pub auxiliary_buffer: Bytes<'a> = ctx(Width::U32),
    }
}

crate::wire_struct! {
    /// GetPropList success response body (MS-OXCMAPIHTTP 2.2.5.6.2).
    ///
    /// ```
    /// use mapi_wire::http::nspi::GetPropListSuccess;
    /// use mapi_wire::nspi::AbContext;
    /// use mapi_wire::wire::Decode;
    ///
    /// let bytes = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0x1F, 0, 0x01, 0x30, 0, 0, 0, 0];
    /// let (r, _) = GetPropListSuccess::decode_with(&bytes, AbContext::DEFAULT).unwrap();
    /// assert_eq!(r.property_tags.unwrap().property_tags.len(), 1);
    /// ```
    #[derive(Copy)]
    pub struct GetPropListSuccess<'a> (cx: AbContext) {
        /// StatusCode: 0.
        pub status_code: u32,
        /// ErrorCode.
        pub error_code: ErrorCode,
        /// HasPropertyTags.
        pub has_property_tags: u8,
        /// PropertyTags, present when HasPropertyTags is not zero.
        pub property_tags: Option<LargePropertyTagArray<'a>> = when(*has_property_tags != 0),
        /// AuxiliaryBuffer, preceded by AuxiliaryBufferSize.
        pub auxiliary_buffer: Bytes<'a> = ctx(Width::U32),
    }
}

response! {
    /// GetPropList response body: [`GetPropListSuccess`] or [`FailureResponse`].
    GetPropListResponse, GetPropListSuccess, "GetPropListResponse"
}

// ------------------------------------------------------------------ GetProps

crate::wire_struct! {
    /// GetProps request body (MS-OXCMAPIHTTP 2.2.5.7.1): the object read is
    /// STAT.CurrentRec.
    ///
    /// ```
    /// use mapi_wire::http::nspi::GetPropsRequest;
    /// use mapi_wire::nspi::AbContext;
    /// use mapi_wire::wire::Decode;
    ///
    /// let bytes = [2, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// let (r, _) = GetPropsRequest::decode_with(&bytes, AbContext::DEFAULT).unwrap();
    /// assert!(r.state.is_none() && r.property_tags.is_none());
    /// ```
    #[derive(Copy)]
    pub struct GetPropsRequest<'a> (cx: AbContext) {
        /// Flags: fEphID, fSkipObjects.
        pub flags: RetrievalFlags,
        /// HasState.
        pub has_state: u8,
        /// State, present when HasState is not zero.
        pub state: Option<Stat> = when(*has_state != 0),
        /// HasPropertyTags.
        pub has_property_tags: u8,
        /// PropertyTags, present when HasPropertyTags is not zero.
        pub property_tags: Option<LargePropertyTagArray<'a>> = when(*has_property_tags != 0),
        /// AuxiliaryBuffer, preceded by AuxiliaryBufferSize.
        pub auxiliary_buffer: Bytes<'a> = ctx(Width::U32),
    }
}

crate::wire_struct! {
    /// GetProps success response body (MS-OXCMAPIHTTP 2.2.5.7.2).
    ///
    /// ```
    /// use mapi_wire::http::nspi::GetPropsSuccess;
    /// use mapi_wire::nspi::AbContext;
    /// use mapi_wire::wire::Decode;
    ///
    /// let bytes = [0, 0, 0, 0, 0, 0, 0, 0, 0xE4, 0x04, 0, 0, 0, 0, 0, 0, 0];
    /// let (r, _) = GetPropsSuccess::decode_with(&bytes, AbContext::DEFAULT).unwrap();
    /// assert_eq!(r.code_page.0, 1252);
    /// ```
    #[derive(Copy)]
    pub struct GetPropsSuccess<'a> (cx: AbContext) {
        /// StatusCode: 0.
        pub status_code: u32,
        /// ErrorCode: Success, or ErrorsReturned when some values are error codes.
        pub error_code: ErrorCode,
        /// CodePage: the code page of the 8-bit strings returned.
        pub code_page: CodePage,
        /// HasPropertyValues.
        pub has_property_values: u8,
        /// PropertyValues, present when HasPropertyValues is not zero.
        pub property_values: Option<AddressBookPropertyValueList<'a>> =
            when(*has_property_values != 0) ctx(cx),
        /// AuxiliaryBuffer, preceded by AuxiliaryBufferSize.
        pub auxiliary_buffer: Bytes<'a> = ctx(Width::U32),
    }
}

response! {
    /// GetProps response body: [`GetPropsSuccess`] or [`FailureResponse`].
    GetPropsResponse, GetPropsSuccess, "GetPropsResponse"
}

// ------------------------------------------------------------------ GetSpecialTable

crate::wire_struct! {
    /// GetSpecialTable request body (MS-OXCMAPIHTTP 2.2.5.8.1).
    ///
    /// ```
    /// use mapi_wire::http::nspi::GetSpecialTableRequest;
    /// use mapi_wire::nspi::{AbContext, SpecialTableFlags};
    /// use mapi_wire::wire::Decode;
    ///
    /// let bytes = [4, 0, 0, 0, 0, 0xFF, 7, 0, 0, 0, 0, 0, 0, 0];
    /// let (r, _) = GetSpecialTableRequest::decode_with(&bytes, AbContext::DEFAULT).unwrap();
    /// assert_eq!(r.flags, SpecialTableFlags::UNICODE_STRINGS);
    /// assert_eq!(r.version, Some(7));
    /// ```
    #[derive(Copy)]
    pub struct GetSpecialTableRequest<'a> (cx: AbContext) {
        /// Flags: NspiAddressCreationTemplates, NspiUnicodeStrings.
        pub flags: SpecialTableFlags,
        /// HasState.
        pub has_state: u8,
        /// State, present when HasState is not zero.
        pub state: Option<Stat> = when(*has_state != 0),
        /// HasVersion.
        pub has_version: u8,
        /// Version: the client's hierarchy-table version, present when
        /// HasVersion is not zero.
        pub version: Option<u32> = when(*has_version != 0),
        /// AuxiliaryBuffer, preceded by AuxiliaryBufferSize.
        pub auxiliary_buffer: Bytes<'a> = ctx(Width::U32),
    }
}

crate::wire_struct! {
    /// GetSpecialTable success response body (MS-OXCMAPIHTTP 2.2.5.8.2):
    /// the rows are self-describing AddressBookPropertyValueLists.
    ///
    /// ```
    /// use mapi_wire::http::nspi::GetSpecialTableSuccess;
    /// use mapi_wire::nspi::AbContext;
    /// use mapi_wire::wire::Decode;
    ///
    /// let bytes = [0, 0, 0, 0, 0, 0, 0, 0, 0xE4, 0x04, 0, 0, 0xFF, 9, 0, 0, 0, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0];
    /// let (r, _) = GetSpecialTableSuccess::decode_with(&bytes, AbContext::DEFAULT).unwrap();
    /// assert_eq!(r.version, Some(9));
    /// assert_eq!(r.rows.unwrap().len(), 0);
    /// ```
    pub struct GetSpecialTableSuccess<'a> (cx: AbContext) {
        /// StatusCode: 0.
        pub status_code: u32,
        /// ErrorCode.
        pub error_code: ErrorCode,
        /// CodePage: the code page of the 8-bit strings returned.
        pub code_page: CodePage,
        /// HasVersion.
        pub has_version: u8,
        /// Version: the server's hierarchy-table version, present when
        /// HasVersion is not zero.
        pub version: Option<u32> = when(*has_version != 0),
        /// HasRows.
        pub has_rows: u8,
        /// RowsCount and Rows, present when HasRows is not zero.
        pub rows: Option<List<'a, AddressBookPropertyValueList<'a>>> =
            when(*has_rows != 0) ctx((U32_COUNT, cx)),
        /// AuxiliaryBuffer, preceded by AuxiliaryBufferSize.
        pub auxiliary_buffer: Bytes<'a> = ctx(Width::U32),
    }
}

response! {
    /// GetSpecialTable response body: [`GetSpecialTableSuccess`] or [`FailureResponse`].
    GetSpecialTableResponse, GetSpecialTableSuccess, "GetSpecialTableResponse"
}

// ------------------------------------------------------------------ GetTemplateInfo

crate::wire_struct! {
    /// GetTemplateInfo request body (MS-OXCMAPIHTTP 2.2.5.9.1); TemplateDn
    /// is an 8-bit string (MAPI Inspector, Microsoft's test suite and
    /// gromox agree).
    ///
    /// ```
    /// use mapi_wire::http::nspi::GetTemplateInfoRequest;
    /// use mapi_wire::nspi::{AbContext, AbDisplayType};
    /// use mapi_wire::wire::Decode;
    ///
    /// let bytes = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0xE4, 0x04, 0, 0, 0x09, 0x04, 0, 0, 0, 0, 0, 0];
    /// let (r, _) = GetTemplateInfoRequest::decode_with(&bytes, AbContext::DEFAULT).unwrap();
    /// assert_eq!(r.display_type, AbDisplayType::MAILUSER);
    /// assert_eq!(r.locale_id, 0x0409);
    /// ```
    #[derive(Copy)]
    pub struct GetTemplateInfoRequest<'a> (cx: AbContext) {
        /// Flags: TI_TEMPLATE, TI_SCRIPT, TI_EMT, TI_HELPFILE_NAME, TI_HELPFILE_CONTENTS.
        pub flags: TemplateInfoFlags,
        /// AbDisplayType: of the template.
        pub display_type: AbDisplayType,
        /// HasTemplateDn.
        pub has_template_dn: u8,
        /// TemplateDn, present when HasTemplateDn is not zero.
        pub template_dn: Option<String8<'a>> = when(*has_template_dn != 0),
        /// CodePage.
        pub code_page: CodePage,
        /// LocaleId.
        pub locale_id: u32,
        /// AuxiliaryBuffer, preceded by AuxiliaryBufferSize.
        pub auxiliary_buffer: Bytes<'a> = ctx(Width::U32),
    }
}

crate::wire_struct! {
    /// GetTemplateInfo success response body (MS-OXCMAPIHTTP 2.2.5.9.2).
    ///
    /// ```
    /// use mapi_wire::http::nspi::GetTemplateInfoSuccess;
    /// use mapi_wire::nspi::AbContext;
    /// use mapi_wire::wire::Decode;
    ///
    /// let bytes = [0, 0, 0, 0, 0, 0, 0, 0, 0xE4, 0x04, 0, 0, 0, 0, 0, 0, 0];
    /// let (r, _) = GetTemplateInfoSuccess::decode_with(&bytes, AbContext::DEFAULT).unwrap();
    /// assert!(r.row.is_none());
    /// ```
    #[derive(Copy)]
    pub struct GetTemplateInfoSuccess<'a> (cx: AbContext) {
        /// StatusCode: 0.
        pub status_code: u32,
        /// ErrorCode.
        pub error_code: ErrorCode,
        /// CodePage.
        pub code_page: CodePage,
        /// HasRow.
        pub has_row: u8,
        /// Row, present when HasRow is not zero.
        pub row: Option<AddressBookPropertyValueList<'a>> = when(*has_row != 0) ctx(cx),
        /// AuxiliaryBuffer, preceded by AuxiliaryBufferSize.
        pub auxiliary_buffer: Bytes<'a> = ctx(Width::U32),
    }
}

response! {
    /// GetTemplateInfo response body: [`GetTemplateInfoSuccess`] or [`FailureResponse`].
    GetTemplateInfoResponse, GetTemplateInfoSuccess, "GetTemplateInfoResponse"
}

// ------------------------------------------------------------------ ModLinkAtt

crate::wire_struct! {
    /// ModLinkAtt request body (MS-OXCMAPIHTTP 2.2.5.10.1). Each EntryID
    /// is a 4-byte length and the EntryID's bytes (the specification says
    /// only "array of entry IDs"; MAPI Inspector and gromox read a
    /// length-prefixed binary).
    ///
    /// ```
    /// use mapi_wire::http::nspi::ModLinkAttRequest;
    /// use mapi_wire::nspi::AbContext;
    /// use mapi_wire::wire::Decode;
    ///
    /// let bytes = [1, 0, 0, 0, 0x0D, 0, 0x08, 0x80, 0x22, 0, 0, 0, 0xFF, 1, 0, 0, 0, 2, 0, 0, 0, 0xAA, 0xBB, 0, 0, 0, 0];
    /// let (r, _) = ModLinkAttRequest::decode_with(&bytes, AbContext::DEFAULT).unwrap();
    /// assert_eq!(r.entry_ids.unwrap().get(0).unwrap().0, &[0xAA, 0xBB]);
    /// ```
    #[derive(Copy)]
    pub struct ModLinkAttRequest<'a> (cx: AbContext) {
        /// Flags: fDelete removes, else adds.
        pub flags: ModLinkAttFlags,
        /// PropertyTag: PidTagAddressBookMember or PidTagAddressBookPublicDelegates.
        pub property_tag: PropertyTag,
        /// MinimalId: the object changed.
        pub minimal_id: MinimalEntryId,
        /// HasEntryIds.
        pub has_entry_ids: u8,
        /// EntryIdCount and EntryIds, present when HasEntryIds is not zero.
        pub entry_ids: Option<List<'a, Bytes<'a>>> =
            when(*has_entry_ids != 0) ctx((U32_COUNT, Width::U32)),
        /// AuxiliaryBuffer, preceded by AuxiliaryBufferSize.
        pub auxiliary_buffer: Bytes<'a> = ctx(Width::U32),
    }
}

crate::wire_struct! {
    /// ModLinkAtt success response body (MS-OXCMAPIHTTP 2.2.5.10.2).
    ///
    /// ```
    /// use mapi_wire::http::nspi::ModLinkAttSuccess;
    /// use mapi_wire::nspi::AbContext;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = ModLinkAttSuccess::decode_with(&[0; 12], AbContext::DEFAULT).unwrap();
    /// assert_eq!(r.error_code.0, 0);
    /// ```
    #[derive(Copy)]
    pub struct ModLinkAttSuccess<'a> (cx: AbContext) {
        /// StatusCode: 0.
        pub status_code: u32,
        /// ErrorCode.
        pub error_code: ErrorCode,
        /// AuxiliaryBuffer, preceded by AuxiliaryBufferSize.
        pub auxiliary_buffer: Bytes<'a> = ctx(Width::U32),
    }
}

response! {
    /// ModLinkAtt response body: [`ModLinkAttSuccess`] or [`FailureResponse`].
    ModLinkAttResponse, ModLinkAttSuccess, "ModLinkAttResponse"
}

// ------------------------------------------------------------------ ModProps

crate::wire_struct! {
    /// ModProps request body (MS-OXCMAPIHTTP 2.2.5.11.1): PropertyTags
    /// names the properties to remove, PropertyValues the values to set.
    ///
    /// ```
    /// use mapi_wire::http::nspi::ModPropsRequest;
    /// use mapi_wire::nspi::AbContext;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = ModPropsRequest::decode_with(&[0; 11], AbContext::DEFAULT).unwrap();
    /// assert!(r.property_values.is_none());
    /// ```
    #[derive(Copy)]
    pub struct ModPropsRequest<'a> (cx: AbContext) {
        /// Reserved: 0.
        pub reserved: u32,
        /// HasState.
        pub has_state: u8,
        /// State, present when HasState is not zero.
        pub state: Option<Stat> = when(*has_state != 0),
        /// HasPropertyTags.
        pub has_property_tags: u8,
        /// PropertyTags, present when HasPropertyTags is not zero.
        pub property_tags: Option<LargePropertyTagArray<'a>> = when(*has_property_tags != 0),
        /// HasPropertyValues.
        pub has_property_values: u8,
        /// PropertyValues, present when HasPropertyValues is not zero.
        pub property_values: Option<AddressBookPropertyValueList<'a>> =
            when(*has_property_values != 0) ctx(cx),
        /// AuxiliaryBuffer, preceded by AuxiliaryBufferSize.
        pub auxiliary_buffer: Bytes<'a> = ctx(Width::U32),
    }
}

crate::wire_struct! {
    /// ModProps success response body (MS-OXCMAPIHTTP 2.2.5.11.2).
    ///
    /// ```
    /// use mapi_wire::http::nspi::ModPropsSuccess;
    /// use mapi_wire::nspi::AbContext;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = ModPropsSuccess::decode_with(&[0; 12], AbContext::DEFAULT).unwrap();
    /// assert_eq!(r.status_code, 0);
    /// ```
    #[derive(Copy)]
    pub struct ModPropsSuccess<'a> (cx: AbContext) {
        /// StatusCode: 0.
        pub status_code: u32,
        /// ErrorCode.
        pub error_code: ErrorCode,
        /// AuxiliaryBuffer, preceded by AuxiliaryBufferSize.
        pub auxiliary_buffer: Bytes<'a> = ctx(Width::U32),
    }
}

response! {
    /// ModProps response body: [`ModPropsSuccess`] or [`FailureResponse`].
    ModPropsResponse, ModPropsSuccess, "ModPropsResponse"
}

// ------------------------------------------------------------------ QueryRows

crate::wire_struct! {
    /// QueryRows request body (MS-OXCMAPIHTTP 2.2.5.12.1): the
    /// ExplicitTable has no Has byte; its count is always present (at most
    /// 100,000) and may be 0.
    ///
    /// ```
    /// use mapi_wire::http::nspi::QueryRowsRequest;
    /// use mapi_wire::nspi::AbContext;
    /// use mapi_wire::wire::Decode;
    ///
    /// let bytes = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0x0A, 0, 0, 0, 0, 0, 0, 0, 0];
    /// let (r, _) = QueryRowsRequest::decode_with(&bytes, AbContext::DEFAULT).unwrap();
    /// assert_eq!(r.row_count, 10);
    /// assert!(r.explicit_table.is_empty());
    /// ```
    #[derive(Copy)]
    pub struct QueryRowsRequest<'a> (cx: AbContext) {
        /// Flags: fEphID, fSkipObjects.
        pub flags: RetrievalFlags,
        /// HasState.
        pub has_state: u8,
        /// State, present when HasState is not zero.
        pub state: Option<Stat> = when(*has_state != 0),
        /// ExplicitTableCount and ExplicitTable.
        pub explicit_table: MinimalIds<'a> = ctx(U32_COUNT),
        /// RowCount: the number of rows wanted.
        pub row_count: u32,
        /// HasColumns.
        pub has_columns: u8,
        /// Columns, present when HasColumns is not zero.
        pub columns: Option<LargePropertyTagArray<'a>> = when(*has_columns != 0),
        /// AuxiliaryBuffer, preceded by AuxiliaryBufferSize.
        pub auxiliary_buffer: Bytes<'a> = ctx(Width::U32),
    }
}

crate::wire_struct! {
    /// QueryRows success response body (MS-OXCMAPIHTTP 2.2.5.12.2).
    ///
    /// ```
    /// use mapi_wire::http::nspi::QueryRowsSuccess;
    /// use mapi_wire::nspi::AbContext;
    /// use mapi_wire::wire::Decode;
    ///
    /// // One column (PidTagDisplayType), one standard row: 0.
    /// let bytes = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 1, 0, 0, 0, 0x03, 0, 0, 0x39,
    ///              1, 0, 0, 0, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];
    /// let (r, _) = QueryRowsSuccess::decode_with(&bytes, AbContext::DEFAULT).unwrap();
    /// assert_eq!(r.row_data.unwrap().len(), 1);
    /// ```
    pub struct QueryRowsSuccess<'a> (cx: AbContext) {
        /// StatusCode: 0.
        pub status_code: u32,
        /// ErrorCode.
        pub error_code: ErrorCode,
        /// HasState.
        pub has_state: u8,
        /// State, present when HasState is not zero.
        pub state: Option<Stat> = when(*has_state != 0),
        /// HasColumnsAndRows.
        pub has_columns_and_rows: u8,
        /// Columns, present when HasColumnsAndRows is not zero.
        pub columns: Option<LargePropertyTagArray<'a>> = when(*has_columns_and_rows != 0),
        /// RowCount and RowData, present when HasColumnsAndRows is not zero.
        pub row_data: Option<AbRows<'a>> =
            when(*has_columns_and_rows != 0) ctx((U32_COUNT, rows_cx(columns, cx))),
        /// AuxiliaryBuffer, preceded by AuxiliaryBufferSize.
        pub auxiliary_buffer: Bytes<'a> = ctx(Width::U32),
    }
}

response! {
    /// QueryRows response body: [`QueryRowsSuccess`] or [`FailureResponse`].
    QueryRowsResponse, QueryRowsSuccess, "QueryRowsResponse"
}

// ------------------------------------------------------------------ QueryColumns

crate::wire_struct! {
    /// QueryColumns request body (MS-OXCMAPIHTTP 2.2.5.13.1).
    ///
    /// ```
    /// use mapi_wire::http::nspi::QueryColumnsRequest;
    /// use mapi_wire::nspi::{AbContext, QueryColumnsFlags};
    /// use mapi_wire::wire::Decode;
    ///
    /// let bytes = [0, 0, 0, 0, 0, 0, 0, 0x80, 0, 0, 0, 0];
    /// let (r, _) = QueryColumnsRequest::decode_with(&bytes, AbContext::DEFAULT).unwrap();
    /// assert_eq!(r.map_flags, QueryColumnsFlags::UNICODE_PROPTYPES);
    /// ```
    #[derive(Copy)]
    pub struct QueryColumnsRequest<'a> (cx: AbContext) {
        /// Reserved: 0.
        pub reserved: u32,
        /// MapiFlags: NspiUnicodeProptypes.
        pub map_flags: QueryColumnsFlags,
        /// AuxiliaryBuffer, preceded by AuxiliaryBufferSize.
        pub auxiliary_buffer: Bytes<'a> = ctx(Width::U32),
    }
}

crate::wire_struct! {
    /// QueryColumns success response body (MS-OXCMAPIHTTP 2.2.5.13.2).
    ///
    /// ```
    /// use mapi_wire::http::nspi::QueryColumnsSuccess;
    /// use mapi_wire::nspi::AbContext;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = QueryColumnsSuccess::decode_with(&[0; 13], AbContext::DEFAULT).unwrap();
    /// assert!(r.columns.is_none());
    /// ```
    #[derive(Copy)]
    pub struct QueryColumnsSuccess<'a> (cx: AbContext) {
        /// StatusCode: 0.
        pub status_code: u32,
        /// ErrorCode.
        pub error_code: ErrorCode,
        /// HasColumns.
        pub has_columns: u8,
        /// Columns, present when HasColumns is not zero.
        pub columns: Option<LargePropertyTagArray<'a>> = when(*has_columns != 0),
        /// AuxiliaryBuffer, preceded by AuxiliaryBufferSize.
        pub auxiliary_buffer: Bytes<'a> = ctx(Width::U32),
    }
}

response! {
    /// QueryColumns response body: [`QueryColumnsSuccess`] or [`FailureResponse`].
    QueryColumnsResponse, QueryColumnsSuccess, "QueryColumnsResponse"
}

// ------------------------------------------------------------------ ResolveNames

crate::wire_struct! {
    /// ResolveNames request body (MS-OXCMAPIHTTP 2.2.5.14.1): NameValues
    /// is a WStringsArray_r of UTF-16LE names.
    ///
    /// ```
    /// use mapi_wire::http::nspi::ResolveNamesRequest;
    /// use mapi_wire::nspi::AbContext;
    /// use mapi_wire::wire::Decode;
    ///
    /// let bytes = [0, 0, 0, 0, 0, 0, 0xFF, 1, 0, 0, 0, b'a', 0, 0, 0, 0, 0, 0, 0];
    /// let (r, _) = ResolveNamesRequest::decode_with(&bytes, AbContext::DEFAULT).unwrap();
    /// assert_eq!(r.names.unwrap().strings.get(0).unwrap(), "a");
    /// ```
    #[derive(Copy)]
    pub struct ResolveNamesRequest<'a> (cx: AbContext) {
        /// Reserved: 0.
        pub reserved: u32,
        /// HasState.
        pub has_state: u8,
        /// State, present when HasState is not zero.
        pub state: Option<Stat> = when(*has_state != 0),
        /// HasPropertyTags.
        pub has_property_tags: u8,
        /// PropertyTags, present when HasPropertyTags is not zero.
        pub property_tags: Option<LargePropertyTagArray<'a>> = when(*has_property_tags != 0),
        /// HasNames.
        pub has_names: u8,
        /// NameCount and NameValues, present when HasNames is not zero.
        pub names: Option<WStringsArray<'a>> = when(*has_names != 0),
        /// AuxiliaryBuffer, preceded by AuxiliaryBufferSize.
        pub auxiliary_buffer: Bytes<'a> = ctx(Width::U32),
    }
}

crate::wire_struct! {
    /// ResolveNames success response body (MS-OXCMAPIHTTP 2.2.5.14.2): a
    /// MId per name (MID_UNRESOLVED, MID_AMBIGUOUS or MID_RESOLVED), and a
    /// row per resolved name over PropertyTags.
    ///
    /// ```
    /// use mapi_wire::http::nspi::ResolveNamesSuccess;
    /// use mapi_wire::nspi::{AbContext, MinimalEntryId};
    /// use mapi_wire::wire::Decode;
    ///
    /// let bytes = [0, 0, 0, 0, 0, 0, 0, 0, 0xE4, 0x04, 0, 0, 0xFF, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// let (r, _) = ResolveNamesSuccess::decode_with(&bytes, AbContext::DEFAULT).unwrap();
    /// assert_eq!(r.minimal_ids.unwrap().get(0), Some(MinimalEntryId::MID_UNRESOLVED));
    /// ```
    pub struct ResolveNamesSuccess<'a> (cx: AbContext) {
        /// StatusCode: 0.
        pub status_code: u32,
        /// ErrorCode.
        pub error_code: ErrorCode,
        /// CodePage: the code page of the 8-bit strings returned.
        pub code_page: CodePage,
        /// HasMinimalIds.
        pub has_minimal_ids: u8,
        /// MinimalIdCount and MinimalIds, present when HasMinimalIds is not zero.
        pub minimal_ids: Option<MinimalIds<'a>> = when(*has_minimal_ids != 0) ctx(U32_COUNT),
        /// HasRowsAndCols.
        pub has_rows_and_cols: u8,
        /// PropertyTags, present when HasRowsAndCols is not zero.
        pub property_tags: Option<LargePropertyTagArray<'a>> = when(*has_rows_and_cols != 0),
        /// RowCount and RowData, present when HasRowsAndCols is not zero.
        pub row_data: Option<AbRows<'a>> =
            when(*has_rows_and_cols != 0) ctx((U32_COUNT, rows_cx(property_tags, cx))),
        /// AuxiliaryBuffer, preceded by AuxiliaryBufferSize.
        pub auxiliary_buffer: Bytes<'a> = ctx(Width::U32),
    }
}

response! {
    /// ResolveNames response body: [`ResolveNamesSuccess`] or [`FailureResponse`].
    ResolveNamesResponse, ResolveNamesSuccess, "ResolveNamesResponse"
}

// ------------------------------------------------------------------ ResortRestriction

crate::wire_struct! {
    /// ResortRestriction request body (MS-OXCMAPIHTTP 2.2.5.15.1).
    ///
    /// ```
    /// use mapi_wire::http::nspi::ResortRestrictionRequest;
    /// use mapi_wire::nspi::AbContext;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = ResortRestrictionRequest::decode_with(&[0; 10], AbContext::DEFAULT).unwrap();
    /// assert!(r.minimal_ids.is_none());
    /// ```
    #[derive(Copy)]
    pub struct ResortRestrictionRequest<'a> (cx: AbContext) {
        /// Reserved: 0.
        pub reserved: u32,
        /// HasState.
        pub has_state: u8,
        /// State, present when HasState is not zero.
        pub state: Option<Stat> = when(*has_state != 0),
        /// HasMinimalIds.
        pub has_minimal_ids: u8,
        /// MinimalIdCount and MinimalIds, present when HasMinimalIds is not zero.
        pub minimal_ids: Option<MinimalIds<'a>> = when(*has_minimal_ids != 0) ctx(U32_COUNT),
        /// AuxiliaryBuffer, preceded by AuxiliaryBufferSize.
        pub auxiliary_buffer: Bytes<'a> = ctx(Width::U32),
    }
}

crate::wire_struct! {
    /// ResortRestriction success response body (MS-OXCMAPIHTTP 2.2.5.15.2).
    ///
    /// ```
    /// use mapi_wire::http::nspi::ResortRestrictionSuccess;
    /// use mapi_wire::nspi::AbContext;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = ResortRestrictionSuccess::decode_with(&[0; 14], AbContext::DEFAULT).unwrap();
    /// assert!(r.state.is_none());
    /// ```
    #[derive(Copy)]
    pub struct ResortRestrictionSuccess<'a> (cx: AbContext) {
        /// StatusCode: 0.
        pub status_code: u32,
        /// ErrorCode.
        pub error_code: ErrorCode,
        /// HasState.
        pub has_state: u8,
        /// State, present when HasState is not zero.
        pub state: Option<Stat> = when(*has_state != 0),
        /// HasMinimalIds.
        pub has_minimal_ids: u8,
        /// MinimalIdCount and MinimalIds, present when HasMinimalIds is not zero.
        pub minimal_ids: Option<MinimalIds<'a>> = when(*has_minimal_ids != 0) ctx(U32_COUNT),
        /// AuxiliaryBuffer, preceded by AuxiliaryBufferSize.
        pub auxiliary_buffer: Bytes<'a> = ctx(Width::U32),
    }
}

response! {
    /// ResortRestriction response body: [`ResortRestrictionSuccess`] or [`FailureResponse`].
    ResortRestrictionResponse, ResortRestrictionSuccess, "ResortRestrictionResponse"
}

// ------------------------------------------------------------------ SeekEntries

crate::wire_struct! {
    /// SeekEntries request body (MS-OXCMAPIHTTP 2.2.5.16.1); Target is an
    /// AddressBookTaggedPropertyValue (string and binary targets start with
    /// HasValue).
    ///
    /// ```
    /// use mapi_wire::http::nspi::SeekEntriesRequest;
    /// use mapi_wire::nspi::AbContext;
    /// use mapi_wire::wire::Decode;
    ///
    /// // Target PidTagDisplayName (PtypString) "b".
    /// let bytes = [0, 0, 0, 0, 0, 0xFF, 0x1F, 0, 0x01, 0x30, 0xFF, b'b', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// let (r, _) = SeekEntriesRequest::decode_with(&bytes, AbContext::DEFAULT).unwrap();
    /// assert_eq!(r.target.unwrap().property_tag.0, 0x3001_001F);
    /// ```
    #[derive(Copy)]
    pub struct SeekEntriesRequest<'a> (cx: AbContext) {
        /// Reserved: 0.
        pub reserved: u32,
        /// HasState.
        pub has_state: u8,
        /// State, present when HasState is not zero.
        pub state: Option<Stat> = when(*has_state != 0),
        /// HasTarget.
        pub has_target: u8,
        /// Target, present when HasTarget is not zero.
        pub target: Option<AddressBookTaggedPropertyValue<'a>> = when(*has_target != 0) ctx(cx),
        /// HasExplicitTable.
        pub has_explicit_table: u8,
        /// ExplicitTableCount and ExplicitTable, present when
        /// HasExplicitTable is not zero.
        pub explicit_table: Option<MinimalIds<'a>> = when(*has_explicit_table != 0) ctx(U32_COUNT),
        /// HasColumns.
        pub has_columns: u8,
        /// Columns, present when HasColumns is not zero.
        pub columns: Option<LargePropertyTagArray<'a>> = when(*has_columns != 0),
        /// AuxiliaryBuffer, preceded by AuxiliaryBufferSize.
        pub auxiliary_buffer: Bytes<'a> = ctx(Width::U32),
    }
}

crate::wire_struct! {
    /// SeekEntries success response body (MS-OXCMAPIHTTP 2.2.5.16.2);
    /// HasColumnsAndRows is independent of HasState.
    ///
    /// ```
    /// use mapi_wire::http::nspi::SeekEntriesSuccess;
    /// use mapi_wire::nspi::AbContext;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = SeekEntriesSuccess::decode_with(&[0; 14], AbContext::DEFAULT).unwrap();
    /// assert!(r.row_data.is_none());
    /// ```
    pub struct SeekEntriesSuccess<'a> (cx: AbContext) {
        /// StatusCode: 0.
        pub status_code: u32,
        /// ErrorCode.
        pub error_code: ErrorCode,
        /// HasState.
        pub has_state: u8,
        /// State, present when HasState is not zero.
        pub state: Option<Stat> = when(*has_state != 0),
        /// HasColumnsAndRows.
        pub has_columns_and_rows: u8,
        /// Columns, present when HasColumnsAndRows is not zero.
        pub columns: Option<LargePropertyTagArray<'a>> = when(*has_columns_and_rows != 0),
        /// RowCount and RowData, present when HasColumnsAndRows is not zero.
        pub row_data: Option<AbRows<'a>> =
            when(*has_columns_and_rows != 0) ctx((U32_COUNT, rows_cx(columns, cx))),
        /// AuxiliaryBuffer, preceded by AuxiliaryBufferSize.
        pub auxiliary_buffer: Bytes<'a> = ctx(Width::U32),
    }
}

response! {
    /// SeekEntries response body: [`SeekEntriesSuccess`] or [`FailureResponse`].
    SeekEntriesResponse, SeekEntriesSuccess, "SeekEntriesResponse"
}

// ------------------------------------------------------------------ UpdateStat

crate::wire_struct! {
    /// UpdateStat request body (MS-OXCMAPIHTTP 2.2.5.17.1); DeltaRequested
    /// is a boolean byte, kept as sent.
    ///
    /// ```
    /// use mapi_wire::http::nspi::UpdateStatRequest;
    /// use mapi_wire::nspi::AbContext;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = UpdateStatRequest::decode_with(&[0, 0, 0, 0, 0, 1, 0, 0, 0, 0], AbContext::DEFAULT).unwrap();
    /// assert_eq!(r.delta_requested, 1);
    /// ```
    #[derive(Copy)]
    pub struct UpdateStatRequest<'a> (cx: AbContext) {
        /// Reserved: 0.
        pub reserved: u32,
        /// HasState.
        pub has_state: u8,
        /// State, present when HasState is not zero.
        pub state: Option<Stat> = when(*has_state != 0),
        /// DeltaRequested: not zero asks for Delta.
        pub delta_requested: u8,
        /// AuxiliaryBuffer, preceded by AuxiliaryBufferSize.
        pub auxiliary_buffer: Bytes<'a> = ctx(Width::U32),
    }
}

crate::wire_struct! {
    /// UpdateStat success response body (MS-OXCMAPIHTTP 2.2.5.17.2).
    ///
    /// ```
    /// use mapi_wire::http::nspi::UpdateStatSuccess;
    /// use mapi_wire::nspi::AbContext;
    /// use mapi_wire::wire::Decode;
    ///
    /// let bytes = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFE, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0];
    /// let (r, _) = UpdateStatSuccess::decode_with(&bytes, AbContext::DEFAULT).unwrap();
    /// assert_eq!(r.delta, Some(-2));
    /// ```
    #[derive(Copy)]
    pub struct UpdateStatSuccess<'a> (cx: AbContext) {
        /// StatusCode: 0.
        pub status_code: u32,
        /// ErrorCode.
        pub error_code: ErrorCode,
        /// HasState.
        pub has_state: u8,
        /// State, present when HasState is not zero.
        pub state: Option<Stat> = when(*has_state != 0),
        /// HasDelta.
        pub has_delta: u8,
        /// Delta: the rows moved, present when HasDelta is not zero.
        pub delta: Option<i32> = when(*has_delta != 0),
        /// AuxiliaryBuffer, preceded by AuxiliaryBufferSize.
        pub auxiliary_buffer: Bytes<'a> = ctx(Width::U32),
    }
}

response! {
    /// UpdateStat response body: [`UpdateStatSuccess`] or [`FailureResponse`].
    UpdateStatResponse, UpdateStatSuccess, "UpdateStatResponse"
}

// ------------------------------------------------------------------ GetMailboxUrl

crate::wire_struct! {
    /// GetMailboxUrl request body (MS-OXCMAPIHTTP 2.2.5.18.1).
    ///
    /// ```
    /// use mapi_wire::http::nspi::GetMailboxUrlRequest;
    /// use mapi_wire::nspi::AbContext;
    /// use mapi_wire::wire::Decode;
    ///
    /// let bytes = [0, 0, 0, 0, b's', 0, 0, 0, 0, 0, 0, 0];
    /// let (r, _) = GetMailboxUrlRequest::decode_with(&bytes, AbContext::DEFAULT).unwrap();
    /// assert_eq!(r.server_dn, "s");
    /// ```
    #[derive(Copy)]
    pub struct GetMailboxUrlRequest<'a> (cx: AbContext) {
        /// Flags: unused, 0.
        pub flags: u32,
        /// ServerDn: UTF-16LE.
        pub server_dn: Utf16Str<'a>,
        /// AuxiliaryBuffer, preceded by AuxiliaryBufferSize.
        pub auxiliary_buffer: Bytes<'a> = ctx(Width::U32),
    }
}

crate::wire_struct! {
    /// GetMailboxUrl success response body (MS-OXCMAPIHTTP 2.2.5.18.2).
    ///
    /// ```
    /// use mapi_wire::http::nspi::GetMailboxUrlSuccess;
    /// use mapi_wire::nspi::AbContext;
    /// use mapi_wire::wire::Decode;
    ///
    /// let bytes = [0, 0, 0, 0, 0, 0, 0, 0, b'u', 0, 0, 0, 0, 0, 0, 0];
    /// let (r, _) = GetMailboxUrlSuccess::decode_with(&bytes, AbContext::DEFAULT).unwrap();
    /// assert_eq!(r.server_url, "u");
    /// ```
    #[derive(Copy)]
    pub struct GetMailboxUrlSuccess<'a> (cx: AbContext) {
        /// StatusCode: 0.
        pub status_code: u32,
        /// ErrorCode.
        pub error_code: ErrorCode,
        /// ServerUrl: the mailbox (EMSMDB) endpoint, UTF-16LE.
        pub server_url: Utf16Str<'a>,
        /// AuxiliaryBuffer, preceded by AuxiliaryBufferSize.
        pub auxiliary_buffer: Bytes<'a> = ctx(Width::U32),
    }
}

response! {
    /// GetMailboxUrl response body: [`GetMailboxUrlSuccess`] or [`FailureResponse`].
    GetMailboxUrlResponse, GetMailboxUrlSuccess, "GetMailboxUrlResponse"
}

// ------------------------------------------------------------------ GetAddressBookUrl

crate::wire_struct! {
    /// GetAddressBookUrl request body (MS-OXCMAPIHTTP 2.2.5.19.1).
    ///
    /// ```
    /// use mapi_wire::http::nspi::GetAddressBookUrlRequest;
    /// use mapi_wire::nspi::AbContext;
    /// use mapi_wire::wire::Decode;
    ///
    /// let bytes = [0, 0, 0, 0, b'u', 0, 0, 0, 0, 0, 0, 0];
    /// let (r, _) = GetAddressBookUrlRequest::decode_with(&bytes, AbContext::DEFAULT).unwrap();
    /// assert_eq!(r.user_dn, "u");
    /// ```
    #[derive(Copy)]
    pub struct GetAddressBookUrlRequest<'a> (cx: AbContext) {
        /// Flags: unused, 0.
        pub flags: u32,
        /// UserDn: UTF-16LE.
        pub user_dn: Utf16Str<'a>,
        /// AuxiliaryBuffer, preceded by AuxiliaryBufferSize.
        pub auxiliary_buffer: Bytes<'a> = ctx(Width::U32),
    }
}

crate::wire_struct! {
    /// GetAddressBookUrl success response body (MS-OXCMAPIHTTP 2.2.5.19.2).
    ///
    /// ```
    /// use mapi_wire::http::nspi::GetAddressBookUrlSuccess;
    /// use mapi_wire::nspi::AbContext;
    /// use mapi_wire::wire::Decode;
    ///
    /// let bytes = [0, 0, 0, 0, 0, 0, 0, 0, b'h', 0, 0, 0, 0, 0, 0, 0];
    /// let (r, _) = GetAddressBookUrlSuccess::decode_with(&bytes, AbContext::DEFAULT).unwrap();
    /// assert_eq!(r.server_url, "h");
    /// ```
    #[derive(Copy)]
    pub struct GetAddressBookUrlSuccess<'a> (cx: AbContext) {
        /// StatusCode: 0.
        pub status_code: u32,
        /// ErrorCode.
        pub error_code: ErrorCode,
        /// ServerUrl: the address-book (NSPI) endpoint, UTF-16LE.
        pub server_url: Utf16Str<'a>,
        /// AuxiliaryBuffer, preceded by AuxiliaryBufferSize.
        pub auxiliary_buffer: Bytes<'a> = ctx(Width::U32),
    }
}

response! {
    /// GetAddressBookUrl response body: [`GetAddressBookUrlSuccess`] or [`FailureResponse`].
    GetAddressBookUrlResponse, GetAddressBookUrlSuccess, "GetAddressBookUrlResponse"
}

/// Calls `$m!(kind, Request, Response)` for each of the 19 request types,
/// with the lower-case X-RequestType value as `kind`; used to generate the
/// CLI kinds and the fuzz target's table.
///
/// ```
/// macro_rules! count { ($($k:literal, $q:ident, $r:ident;)*) => { [$($k),*].len() } }
/// assert_eq!(mapi_wire::nspi_request_types!(count), 19);
/// ```
#[macro_export]
macro_rules! nspi_request_types {
    ($m:ident) => {
        $m! {
            "bind", BindRequest, BindResponse;
            "unbind", UnbindRequest, UnbindResponse;
            "comparemids", CompareMinIdsRequest, CompareMinIdsResponse;
            "dntomid", DnToMinIdRequest, DnToMinIdResponse;
            "getmatches", GetMatchesRequest, GetMatchesResponse;
            "getproplist", GetPropListRequest, GetPropListResponse;
            "getprops", GetPropsRequest, GetPropsResponse;
            "getspecialtable", GetSpecialTableRequest, GetSpecialTableResponse;
            "gettemplateinfo", GetTemplateInfoRequest, GetTemplateInfoResponse;
            "modlinkatt", ModLinkAttRequest, ModLinkAttResponse;
            "modprops", ModPropsRequest, ModPropsResponse;
            "querycolumns", QueryColumnsRequest, QueryColumnsResponse;
            "queryrows", QueryRowsRequest, QueryRowsResponse;
            "resolvenames", ResolveNamesRequest, ResolveNamesResponse;
            "resortrestriction", ResortRestrictionRequest, ResortRestrictionResponse;
            "seekentries", SeekEntriesRequest, SeekEntriesResponse;
            "updatestat", UpdateStatRequest, UpdateStatResponse;
            "getmailboxurl", GetMailboxUrlRequest, GetMailboxUrlResponse;
            "getaddressbookurl", GetAddressBookUrlRequest, GetAddressBookUrlResponse;
        }
    };
}
