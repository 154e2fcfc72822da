//! Property ROPs (MS-OXCROPS 2.2.8; semantics in MS-OXCPRPT 2.2).
//!
//! Each request is the ROP's fields after its RopId; each response body is
//! the part after ReturnValue (the framing lives in
//! [`Response`](super::Response)). RopProgress (2.2.8.13) lives in
//! `special.rs`.
//!
//! Decisions on points the digest left open, with their sources:
//!
//! * PropertyValueSize of RopSetProperties and RopSetPropertiesNoReplicate
//!   counts the bytes of PropertyValueCount **and** PropertyValues
//!   (MS-OXCPRPT 4.2.1: `24 00` = 36 bytes for `02 00` and two values of
//!   6 and 28 bytes). The decoder requires the two to fill PropertyValueSize
//!   exactly (see [`SizedPropertyValues`]).
//! * WantUnicode of RopGetPropertiesSpecific and RopGetPropertiesAll is 2
//!   bytes (MS-OXCPRPT 2.2.2.1, 2.2.3.1, and the example of MS-OXCPRPT
//!   4.3.1: `01 00`); it is kept as the `u16` sent.
//! * A PropertyName of Kind 0xFF ("no name") in a RopGetPropertyIdsFromNames
//!   request is accepted: its layout is well defined (MS-OXCDATA 2.6.1) and a
//!   server answers an unmappable name with ID 0x0000 (MS-OXCPRPT 2.2.12.2),
//!   so refusing it would only hide what a client sent.
//! * RopGetPropertyIdsFromNames returns its PropertyIds only when the
//!   ReturnValue is 0 (MS-OXCROPS 2.2.8.1.2 "set to 0x00000000", and MAPI
//!   Inspector); one server implementation (gromox) also sends them with the
//!   warning ecWarnWithErrors (0x00040380), which this decoder, following
//!   the specification, reads as the 6-byte failure.
//! * RopCopyProperties and RopCopyTo: ReturnValue 0x00000503
//!   (ecDstNullObject) appends DestHandleIndex (4 bytes) and nothing else;
//!   any other non-zero ReturnValue has no body. MS-OXCROPS 2.2.8.12.4 (the
//!   failure buffer, for "a value other than 0x00000000 or 0x00000503")
//!   was read; the null-destination buffers (2.2.8.11.3, 2.2.8.12.3) were
//!   not retrievable here and follow the digest, MAPI Inspector and gromox,
//!   which agree on the lone 4-byte index (unlike RopMoveCopyMessages,
//!   2.2.4.6.3, whose form adds PartialCompletion).

use super::common::Bool8;
use super::context::{RopContext, RopFacts};
use crate::data::{
    ErrorCode, Guid, PropertyId, PropertyName, PropertyProblem, PropertyTag, RowData,
    TaggedPropertyValue, ValueContext,
};
use crate::wire::{
    Array, Count, Decode, Encode, Error, ErrorKind, List, ListIter, Reader, ResultExt, Sink, Width,
};

crate::wire_flags! {
    /// The Flags field of RopGetPropertyIdsFromNames (MS-OXCPRPT 2.2.12.1).
    ///
    /// ```
    /// use mapi_wire::rop::GetPropertyIdsFromNamesFlags;
    ///
    /// assert_eq!(GetPropertyIdsFromNamesFlags::CREATE.bits(), 0x02);
    /// ```
    pub struct GetPropertyIdsFromNamesFlags: u8 {
        /// Create an entry for each name not yet in the mapping table.
        const CREATE = 0x02;
    }
}

crate::wire_flags! {
    /// QueryFlags of RopQueryNamedProperties (MS-OXCPRPT 2.2.9.1).
    ///
    /// ```
    /// use mapi_wire::rop::QueryFlags;
    ///
    /// assert_eq!((QueryFlags::NO_STRINGS | QueryFlags::NO_IDS).bits(), 0x03);
    /// ```
    pub struct QueryFlags: u8 {
        /// NoStrings: leave out the properties named by a string.
        const NO_STRINGS = 0x01;
        /// NoIds: leave out the properties named by a LID.
        const NO_IDS = 0x02;
    }
}

crate::wire_flags! {
    /// CopyFlags of RopCopyProperties and RopCopyTo (MS-OXCPRPT 2.2.10.1,
    /// 2.2.11.1). The bits SHOULD NOT be combined.
    ///
    /// ```
    /// use mapi_wire::rop::CopyFlags;
    ///
    /// assert!(CopyFlags::from_bits_retain(0x01).contains(CopyFlags::MOVE));
    /// ```
    pub struct CopyFlags: u8 {
        /// Move: the properties are moved rather than copied.
        const MOVE = 0x01;
        /// NoOverwrite: properties that already have a value on the
        /// destination are left alone.
        const NO_OVERWRITE = 0x02;
    }
}

crate::wire_struct! {
    /// RopGetPropertyIdsFromNames request (MS-OXCROPS 2.2.8.1.1,
    /// MS-OXCPRPT 2.2.12.1): maps named properties to property IDs. A
    /// PropertyNameCount of 0 asks for every registered named property.
    ///
    /// ```
    /// use mapi_wire::data::{Guid, PropertyName};
    /// use mapi_wire::rop::{GetPropertyIdsFromNamesFlags, GetPropertyIdsFromNamesRequest};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let mut bytes = vec![0x00, 0x01, 0x02, 0x01, 0x00, 0x00];
    /// bytes.extend_from_slice(&Guid::PS_MAPI.0);
    /// bytes.extend_from_slice(&[0x37, 0x00, 0x00, 0x00]);
    /// let (r, _) = GetPropertyIdsFromNamesRequest::decode(&bytes).unwrap();
    /// assert_eq!(r.flags, GetPropertyIdsFromNamesFlags::CREATE);
    /// assert_eq!(r.property_names.get(0), Some(PropertyName::Id { guid: Guid::PS_MAPI, lid: 0x37 }));
    /// assert_eq!(r.to_vec().unwrap(), bytes);
    /// ```
    #[derive(Copy)]
    pub struct GetPropertyIdsFromNamesRequest<'a> {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the object (Logon, Folder, Message or
        /// Attachment).
        pub input_handle_index: u8,
        /// Flags.
        pub flags: GetPropertyIdsFromNamesFlags,
        /// PropertyNames, preceded by PropertyNameCount (2 bytes).
        pub property_names: List<'a, PropertyName<'a>> = ctx((Count::Prefix(Width::U16), ())),
    }
}

crate::wire_struct! {
    /// A PropertyIds array preceded by its PropertyIdCount (2 bytes): the
    /// RopGetPropertyIdsFromNames success response body (MS-OXCROPS
    /// 2.2.8.1.2, MS-OXCPRPT 2.2.12.2). An ID of 0x0000 marks a name that
    /// could not be mapped; the order is the request's.
    ///
    /// ```
    /// use mapi_wire::data::PropertyId;
    /// use mapi_wire::rop::PropertyIdsBody;
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// // MS-OXCPRPT 4.1.2, after the ReturnValue.
    /// let bytes = [0x02, 0x00, 0x3E, 0x86, 0x3F, 0x86];
    /// let (b, _) = PropertyIdsBody::decode(&bytes).unwrap();
    /// assert_eq!(b.property_ids.get(1), Some(PropertyId(0x863F)));
    /// assert_eq!(b.to_vec().unwrap(), bytes);
    /// ```
    #[derive(Copy)]
    pub struct PropertyIdsBody<'a> {
        /// PropertyIds, preceded by PropertyIdCount.
        pub property_ids: Array<'a, PropertyId> = ctx(Count::Prefix(Width::U16)),
    }
}

crate::wire_struct! {
    /// RopGetNamesFromPropertyIds request (MS-OXCROPS 2.2.8.2.1,
    /// MS-OXCPRPT 2.2.13.1).
    ///
    /// ```
    /// use mapi_wire::data::PropertyId;
    /// use mapi_wire::rop::GetNamesFromPropertyIdsRequest;
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let bytes = [0x00, 0x00, 0x01, 0x00, 0x3E, 0x86];
    /// let (r, _) = GetNamesFromPropertyIdsRequest::decode(&bytes).unwrap();
    /// assert_eq!(r.property_ids.get(0), Some(PropertyId(0x863E)));
    /// assert_eq!(r.to_vec().unwrap(), bytes);
    /// ```
    #[derive(Copy)]
    pub struct GetNamesFromPropertyIdsRequest<'a> {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the object.
        pub input_handle_index: u8,
        /// PropertyIds, preceded by PropertyIdCount (2 bytes).
        pub property_ids: Array<'a, PropertyId> = ctx(Count::Prefix(Width::U16)),
    }
}

crate::wire_struct! {
    /// RopGetNamesFromPropertyIds success response body (MS-OXCROPS
    /// 2.2.8.2.2, MS-OXCPRPT 2.2.13.2): one PropertyName per requested ID,
    /// Kind 0xFF for an ID without a name (MS-OXCPRPT 3.2.5.9).
    ///
    /// ```
    /// use mapi_wire::data::{Guid, PropertyName};
    /// use mapi_wire::rop::GetNamesFromPropertyIdsSuccess;
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let mut bytes = vec![0x01, 0x00, 0xFF];
    /// bytes.extend_from_slice(&Guid::NIL.0);
    /// let (b, _) = GetNamesFromPropertyIdsSuccess::decode(&bytes).unwrap();
    /// assert_eq!(b.property_names.get(0), Some(PropertyName::None { guid: Guid::NIL }));
    /// assert_eq!(b.to_vec().unwrap(), bytes);
    /// ```
    #[derive(Copy)]
    pub struct GetNamesFromPropertyIdsSuccess<'a> {
        /// PropertyNames, preceded by PropertyNameCount (2 bytes).
        pub property_names: List<'a, PropertyName<'a>> = ctx((Count::Prefix(Width::U16), ())),
    }
}

crate::wire_struct! {
    /// RopGetPropertiesSpecific request (MS-OXCROPS 2.2.8.3.1,
    /// MS-OXCPRPT 2.2.2.1). Its PropertyTags are the columns of the
    /// PropertyRow of the response; the buffer walkers pass them on.
    ///
    /// ```
    /// use mapi_wire::data::PropertyTag;
    /// use mapi_wire::rop::GetPropertiesSpecificRequest;
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// // MS-OXCPRPT 4.3.1, after the RopId.
    /// let bytes = [
    ///     0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x03, 0x00, 0x0B, 0x00, 0x3E, 0x86, 0x03, 0x00,
    ///     0x3F, 0x86, 0x02, 0x01, 0xE2, 0x65,
    /// ];
    /// let (r, _) = GetPropertiesSpecificRequest::decode(&bytes).unwrap();
    /// assert_eq!(r.want_unicode, 1);
    /// assert_eq!(r.property_tags.get(2), Some(PropertyTag(0x65E2_0102)));
    /// assert_eq!(r.to_vec().unwrap(), bytes);
    /// ```
    #[derive(Copy)]
    pub struct GetPropertiesSpecificRequest<'a> {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the object.
        pub input_handle_index: u8,
        /// PropertySizeLimit: the largest value to return; 0 means only
        /// the response buffer limits it.
        pub property_size_limit: u16,
        /// WantUnicode (2 bytes): non-zero asks for PtypUnspecified
        /// strings in Unicode.
        pub want_unicode: u16,
        /// PropertyTags, preceded by PropertyTagCount (2 bytes).
        pub property_tags: Array<'a, PropertyTag> = ctx(Count::Prefix(Width::U16)),
    }
}

crate::wire_struct! {
    /// RopGetPropertiesSpecific success response body (MS-OXCROPS
    /// 2.2.8.3.2): one PropertyRow (MS-OXCDATA 2.8.1) whose columns are the
    /// request's PropertyTags ([`RopContext::columns`]); a PtypUnspecified
    /// tag yields a typed cell. Without the columns the row stays raw bytes
    /// that run to the end of the buffer.
    ///
    /// ```
    /// use mapi_wire::data::{PropertyTag, PropertyValue};
    /// use mapi_wire::rop::{GetPropertiesSpecificSuccess, RopContext};
    /// use mapi_wire::wire::{Array, Decode};
    ///
    /// let tags = [PropertyTag(0x0E08_0003)];
    /// let cx = RopContext::default().with_columns(Array::from_slice(&tags));
    /// let (b, _) = GetPropertiesSpecificSuccess::decode_with(&[0x00, 0x2A, 0, 0, 0], cx).unwrap();
    /// let row = b.row_data.rows().unwrap().rows().next().unwrap();
    /// assert_eq!(row.value(0), Some(&PropertyValue::Integer32(42)));
    /// ```
    #[derive(Copy)]
    pub struct GetPropertiesSpecificSuccess<'a> (cx: RopContext<'a>) {
        /// RowData: one PropertyRow.
        pub row_data: RowData<'a> = ctx((Count::Known(1), cx.rows())),
    }
}

crate::wire_struct! {
    /// RopGetPropertiesAll request (MS-OXCROPS 2.2.8.4.1, MS-OXCPRPT
    /// 2.2.3.1).
    ///
    /// ```
    /// use mapi_wire::rop::GetPropertiesAllRequest;
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let bytes = [0x00, 0x01, 0x00, 0x10, 0x01, 0x00];
    /// let (r, _) = GetPropertiesAllRequest::decode(&bytes).unwrap();
    /// assert_eq!((r.property_size_limit, r.want_unicode), (0x1000, 1));
    /// assert_eq!(r.to_vec().unwrap(), bytes);
    /// ```
    #[derive(Copy)]
    pub struct GetPropertiesAllRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the object.
        pub input_handle_index: u8,
        /// PropertySizeLimit: larger values come back as a PtypErrorCode
        /// NotEnoughMemory; 0 means no limit but the buffer's.
        pub property_size_limit: u16,
        /// WantUnicode (2 bytes).
        pub want_unicode: u16,
    }
}

crate::wire_struct! {
    /// RopGetPropertiesAll success response body (MS-OXCROPS 2.2.8.4.2):
    /// TaggedPropertyValues (MS-OXCDATA 2.11.4), self-describing.
    ///
    /// ```
    /// use mapi_wire::data::{PropertyTag, PropertyValue};
    /// use mapi_wire::rop::GetPropertiesAllSuccess;
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// // PidTagImportance (0x00170003) = 1.
    /// let bytes = [0x01, 0x00, 0x03, 0x00, 0x17, 0x00, 0x01, 0x00, 0x00, 0x00];
    /// let (b, _) = GetPropertiesAllSuccess::decode(&bytes).unwrap();
    /// let v = b.property_values.get(0).unwrap();
    /// assert_eq!(v.property_tag, PropertyTag(0x0017_0003));
    /// assert_eq!(v.property_value, PropertyValue::Integer32(1));
    /// assert_eq!(b.to_vec().unwrap(), bytes);
    /// ```
    #[derive(Copy)]
    pub struct GetPropertiesAllSuccess<'a> {
        /// PropertyValues, preceded by PropertyValueCount (2 bytes).
        pub property_values: List<'a, TaggedPropertyValue<'a>> =
            ctx((Count::Prefix(Width::U16), ValueContext::Rop)),
    }
}

crate::wire_struct! {
    /// RopGetPropertiesList request (MS-OXCROPS 2.2.8.5.1): only the
    /// object.
    ///
    /// ```
    /// use mapi_wire::rop::GetPropertiesListRequest;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = GetPropertiesListRequest::decode(&[0x00, 0x03]).unwrap();
    /// assert_eq!(r.input_handle_index, 3);
    /// ```
    #[derive(Copy)]
    pub struct GetPropertiesListRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the object.
        pub input_handle_index: u8,
    }
}

crate::wire_struct! {
    /// RopGetPropertiesList success response body (MS-OXCROPS 2.2.8.5.2):
    /// the tags of the properties set on the object.
    ///
    /// ```
    /// use mapi_wire::data::PropertyTag;
    /// use mapi_wire::rop::GetPropertiesListSuccess;
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let bytes = [0x01, 0x00, 0x1F, 0x00, 0x37, 0x00];
    /// let (b, _) = GetPropertiesListSuccess::decode(&bytes).unwrap();
    /// assert_eq!(b.property_tags.get(0), Some(PropertyTag(0x0037_001F)));
    /// assert_eq!(b.to_vec().unwrap(), bytes);
    /// ```
    #[derive(Copy)]
    pub struct GetPropertiesListSuccess<'a> {
        /// PropertyTags, preceded by PropertyTagCount (2 bytes).
        pub property_tags: Array<'a, PropertyTag> = ctx(Count::Prefix(Width::U16)),
    }
}

/// PropertyValueSize (2 bytes), PropertyValueCount (2 bytes) and
/// PropertyValues, the TaggedPropertyValues (MS-OXCDATA 2.11.4) of
/// RopSetProperties and RopSetPropertiesNoReplicate (MS-OXCROPS 2.2.8.6.1,
/// 2.2.8.7.1; MS-OXCPRPT 2.2.5.1).
///
/// PropertyValueSize is the size of PropertyValueCount and PropertyValues
/// together (MS-OXCPRPT 4.2.1: 0x0024 for a count and 34 bytes of values).
/// The decoder reads the count and the values inside those bytes and fails
/// if they do not fill them exactly ([`ErrorKind::TrailingBytes`] at the
/// first byte left over, or a truncation error when they need more); the
/// encoder computes it, and fails with [`ErrorKind::Unencodable`] beyond
/// 65,535 bytes.
///
/// ```
/// use mapi_wire::data::{PropertyValue, TaggedPropertyValue};
/// use mapi_wire::rop::SizedPropertyValues;
/// use mapi_wire::wire::{Decode, Encode, List};
///
/// // PidTagImportance (0x00170003) = 2: 2 + 8 bytes.
/// let bytes = [0x0A, 0x00, 0x01, 0x00, 0x03, 0x00, 0x17, 0x00, 0x02, 0x00, 0x00, 0x00];
/// let (v, _) = SizedPropertyValues::decode(&bytes).unwrap();
/// assert_eq!(v.len(), 1);
/// assert_eq!(v.iter().next().unwrap().property_value, PropertyValue::Integer32(2));
/// assert_eq!(v.to_vec().unwrap(), bytes);
///
/// let values = [TaggedPropertyValue::new(0x0017, PropertyValue::Integer32(2))];
/// let built = SizedPropertyValues(List::from_slice(&values));
/// assert_eq!(built.to_vec().unwrap(), bytes);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SizedPropertyValues<'a>(pub List<'a, TaggedPropertyValue<'a>>);

impl<'a> SizedPropertyValues<'a> {
    /// The context of the values: a 2-byte count, ROP value encoding.
    const CX: (Count, ValueContext) = (Count::Prefix(Width::U16), ValueContext::Rop);

    /// Number of values (PropertyValueCount).
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when there is no value.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The values in order, decoded on demand.
    pub fn iter(&self) -> ListIter<'a, TaggedPropertyValue<'a>> {
        self.0.iter()
    }
}

impl<'a> Decode<'a> for SizedPropertyValues<'a> {
    type Ctx = ();
    const NAME: &'static str = "SizedPropertyValues";
    /// PropertyValueSize and PropertyValueCount.
    const MIN_LEN: usize = 4;

    fn decode_from(r: &mut Reader<'a>, _: ()) -> Result<Self, Error> {
        let size = r.u16().in_field("property_value_size")?;
        let mut sub = r.sub(usize::from(size)).in_field("property_values")?;
        let list = List::decode_from(&mut sub, Self::CX).in_field("property_values")?;
        sub.finish().in_field("property_value_size")?;
        Ok(SizedPropertyValues(list))
    }
}

impl Encode for SizedPropertyValues<'_> {
    type Ctx = ();

    fn encoded_len_with(&self, _: ()) -> usize {
        2 + self.0.encoded_len_with(Self::CX)
    }

    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, _: ()) -> Result<(), Error> {
        let n = self.0.encoded_len_with(Self::CX);
        let Ok(size) = u16::try_from(n) else {
            let e = Error::new(ErrorKind::Unencodable { value: n as u64 }, s.position());
            return Err(e.in_field("property_value_size"));
        };
        s.put_u16(size).in_field("property_value_size")?;
        self.0.encode_with(s, Self::CX).in_field("property_values")
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for SizedPropertyValues<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

crate::wire_struct! {
    /// RopSetProperties request (MS-OXCROPS 2.2.8.6.1, MS-OXCPRPT 2.2.5.1)
    /// and RopSetPropertiesNoReplicate request (MS-OXCROPS 2.2.8.7.1,
    /// MS-OXCPRPT 2.2.6.1), which have the same layout.
    ///
    /// ```
    /// use mapi_wire::data::PropertyTag;
    /// use mapi_wire::rop::SetPropertiesRequest;
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// // PidTagImportance (0x00170003) = 2 on handle 1.
    /// let bytes = [0x00, 0x01, 0x0A, 0x00, 0x01, 0x00, 0x03, 0x00, 0x17, 0x00, 0x02, 0x00, 0x00, 0x00];
    /// let (r, _) = SetPropertiesRequest::decode(&bytes).unwrap();
    /// assert_eq!(r.property_values.iter().next().unwrap().property_tag, PropertyTag(0x0017_0003));
    /// assert_eq!(r.to_vec().unwrap(), bytes);
    /// ```
    #[derive(Copy)]
    pub struct SetPropertiesRequest<'a> {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the object.
        pub input_handle_index: u8,
        /// PropertyValueSize, PropertyValueCount and PropertyValues.
        pub property_values: SizedPropertyValues<'a>,
    }
}

crate::wire_struct! {
    /// PropertyProblemCount (2 bytes) and PropertyProblems (MS-OXCDATA
    /// 2.7): the success response body of RopSetProperties (MS-OXCROPS
    /// 2.2.8.6.2), RopSetPropertiesNoReplicate (2.2.8.7.2),
    /// RopDeleteProperties (2.2.8.8.2), RopDeletePropertiesNoReplicate
    /// (2.2.8.9.2), RopCopyProperties (2.2.8.11.2) and RopCopyTo
    /// (2.2.8.12.2): the properties that were not set, deleted or copied,
    /// and why.
    ///
    /// ```
    /// use mapi_wire::data::ErrorCode;
    /// use mapi_wire::rop::PropertyProblemsBody;
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let bytes = [0x01, 0x00, 0x00, 0x00, 0x1F, 0x00, 0x37, 0x00, 0x05, 0x00, 0x07, 0x80];
    /// let (b, _) = PropertyProblemsBody::decode(&bytes).unwrap();
    /// assert_eq!(b.property_problems.get(0).unwrap().error_code, ErrorCode(0x8007_0005));
    /// assert_eq!(b.to_vec().unwrap(), bytes);
    /// ```
    #[derive(Copy)]
    pub struct PropertyProblemsBody<'a> {
        /// PropertyProblems, preceded by PropertyProblemCount.
        pub property_problems: Array<'a, PropertyProblem> = ctx(Count::Prefix(Width::U16)),
    }
}

crate::wire_struct! {
    /// RopDeleteProperties request (MS-OXCROPS 2.2.8.8.1, MS-OXCPRPT
    /// 2.2.7.1) and RopDeletePropertiesNoReplicate request (MS-OXCROPS
    /// 2.2.8.9.1, MS-OXCPRPT 2.2.8.1), which have the same layout.
    ///
    /// ```
    /// use mapi_wire::data::PropertyTag;
    /// use mapi_wire::rop::DeletePropertiesRequest;
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let bytes = [0x00, 0x02, 0x01, 0x00, 0x1F, 0x00, 0x37, 0x00];
    /// let (r, _) = DeletePropertiesRequest::decode(&bytes).unwrap();
    /// assert_eq!(r.property_tags.get(0), Some(PropertyTag(0x0037_001F)));
    /// assert_eq!(r.to_vec().unwrap(), bytes);
    /// ```
    #[derive(Copy)]
    pub struct DeletePropertiesRequest<'a> {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the object.
        pub input_handle_index: u8,
        /// PropertyTags, preceded by PropertyTagCount (2 bytes).
        pub property_tags: Array<'a, PropertyTag> = ctx(Count::Prefix(Width::U16)),
    }
}

crate::wire_struct! {
    /// RopQueryNamedProperties request (MS-OXCROPS 2.2.8.10.1, MS-OXCPRPT
    /// 2.2.9.1). PropertyGuid is present exactly when HasGuid is non-zero.
    ///
    /// ```
    /// use mapi_wire::data::Guid;
    /// use mapi_wire::rop::{QueryFlags, QueryNamedPropertiesRequest};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let (r, _) = QueryNamedPropertiesRequest::decode(&[0x00, 0x01, 0x02, 0x00]).unwrap();
    /// assert_eq!(r.query_flags, QueryFlags::NO_IDS);
    /// assert_eq!(r.property_guid, None);
    ///
    /// let mut bytes = vec![0x00, 0x01, 0x00, 0x01];
    /// bytes.extend_from_slice(&Guid::PS_PUBLIC_STRINGS.0);
    /// let (r, _) = QueryNamedPropertiesRequest::decode(&bytes).unwrap();
    /// assert_eq!(r.property_guid, Some(Guid::PS_PUBLIC_STRINGS));
    /// assert_eq!(r.to_vec().unwrap(), bytes);
    /// ```
    #[derive(Copy)]
    pub struct QueryNamedPropertiesRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the object.
        pub input_handle_index: u8,
        /// QueryFlags.
        pub query_flags: QueryFlags,
        /// HasGuid.
        pub has_guid: Bool8,
        /// PropertyGuid: only the named properties of this property set.
        pub property_guid: Option<Guid> = when(has_guid.get()),
    }
}

crate::wire_struct! {
    /// RopQueryNamedProperties success response body (MS-OXCROPS
    /// 2.2.8.10.2, MS-OXCPRPT 2.2.9.2): IdCount, then that many
    /// PropertyIds and that many PropertyNames, in the same order.
    ///
    /// ```
    /// use mapi_wire::data::{Guid, PropertyId, PropertyName};
    /// use mapi_wire::rop::QueryNamedPropertiesSuccess;
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let mut bytes = vec![0x01, 0x00, 0x01, 0x80, 0x00];
    /// bytes.extend_from_slice(&Guid::PS_PUBLIC_STRINGS.0);
    /// bytes.extend_from_slice(&[0x05, 0x85, 0x00, 0x00]);
    /// let (b, _) = QueryNamedPropertiesSuccess::decode(&bytes).unwrap();
    /// assert_eq!(b.property_ids.get(0), Some(PropertyId(0x8001)));
    /// assert_eq!(
    ///     b.property_names.get(0),
    ///     Some(PropertyName::Id { guid: Guid::PS_PUBLIC_STRINGS, lid: 0x8505 })
    /// );
    /// assert_eq!(b.to_vec().unwrap(), bytes);
    /// ```
    #[derive(Copy)]
    pub struct QueryNamedPropertiesSuccess<'a> {
        /// IdCount: the number of PropertyIds and of PropertyNames.
        pub id_count: u16,
        /// PropertyIds.
        pub property_ids: Array<'a, PropertyId> = ctx(Count::Known(usize::from(*id_count))),
        /// PropertyNames.
        pub property_names: List<'a, PropertyName<'a>> =
            ctx((Count::Known(usize::from(*id_count)), ())),
    }
}

crate::wire_struct! {
    /// RopCopyProperties request (MS-OXCROPS 2.2.8.11.1, MS-OXCPRPT
    /// 2.2.10.1): copies or moves the listed properties from the source
    /// object to the destination object.
    ///
    /// ```
    /// use mapi_wire::rop::{CopyFlags, CopyPropertiesRequest};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let bytes = [0x00, 0x01, 0x02, 0x00, 0x02, 0x01, 0x00, 0x1F, 0x00, 0x37, 0x00];
    /// let (r, _) = CopyPropertiesRequest::decode(&bytes).unwrap();
    /// assert_eq!((r.source_handle_index, r.dest_handle_index), (1, 2));
    /// assert_eq!(r.copy_flags, CopyFlags::NO_OVERWRITE);
    /// assert_eq!(r.to_vec().unwrap(), bytes);
    /// ```
    #[derive(Copy)]
    pub struct CopyPropertiesRequest<'a> {
        /// LogonId.
        pub logon_id: u8,
        /// SourceHandleIndex: the object to copy from.
        pub source_handle_index: u8,
        /// DestHandleIndex: the object to copy to, of the same type.
        pub dest_handle_index: u8,
        /// WantAsynchronous: the server may answer with RopProgress.
        pub want_asynchronous: Bool8,
        /// CopyFlags.
        pub copy_flags: CopyFlags,
        /// PropertyTags, preceded by PropertyTagCount (2 bytes).
        pub property_tags: Array<'a, PropertyTag> = ctx(Count::Prefix(Width::U16)),
    }
}

crate::wire_struct! {
    /// The failure body of RopCopyProperties and RopCopyTo (MS-OXCROPS
    /// 2.2.8.11.3–4, 2.2.8.12.3–4): the null-destination form (ReturnValue
    /// 0x00000503, ecDstNullObject) carries the request's DestHandleIndex
    /// widened to 4 bytes; every other failure carries nothing.
    ///
    /// ```
    /// use mapi_wire::data::ErrorCode;
    /// use mapi_wire::rop::{PropertyCopyFailure, RopFacts};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let null_dest = RopFacts { return_value: ErrorCode::NULL_DESTINATION_OBJECT, logon: None };
    /// let (b, _) = PropertyCopyFailure::decode_with(&[0x02, 0, 0, 0], null_dest).unwrap();
    /// assert_eq!(b.dest_handle_index, Some(2));
    /// let other = RopFacts { return_value: ErrorCode(0x8004_0102), logon: None };
    /// let (b, rest) = PropertyCopyFailure::decode_with(&[0x02, 0, 0, 0], other).unwrap();
    /// assert_eq!((b.dest_handle_index, rest.len()), (None, 4));
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct PropertyCopyFailure (cx: RopFacts) {
        /// DestHandleIndex (4 bytes), present when the ReturnValue is
        /// 0x00000503.
        pub dest_handle_index: Option<u32> =
            when(cx.return_value == ErrorCode::NULL_DESTINATION_OBJECT),
    }
}

crate::wire_struct! {
    /// RopCopyTo request (MS-OXCROPS 2.2.8.12.1, MS-OXCPRPT 2.2.11.1):
    /// copies or moves every property of the source object but the excluded
    /// ones to the destination object.
    ///
    /// ```
    /// use mapi_wire::data::PropertyTag;
    /// use mapi_wire::rop::CopyToRequest;
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let bytes = [0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x01, 0x00, 0x1F, 0x00, 0x37, 0x00];
    /// let (r, _) = CopyToRequest::decode(&bytes).unwrap();
    /// assert!(r.want_sub_objects.get());
    /// assert_eq!(r.excluded_tags.get(0), Some(PropertyTag(0x0037_001F)));
    /// assert_eq!(r.to_vec().unwrap(), bytes);
    /// ```
    #[derive(Copy)]
    pub struct CopyToRequest<'a> {
        /// LogonId.
        pub logon_id: u8,
        /// SourceHandleIndex: the object to copy from.
        pub source_handle_index: u8,
        /// DestHandleIndex: the object to copy to.
        pub dest_handle_index: u8,
        /// WantAsynchronous: the server may answer with RopProgress.
        pub want_asynchronous: Bool8,
        /// WantSubObjects: copy the subobjects too.
        pub want_sub_objects: Bool8,
        /// CopyFlags.
        pub copy_flags: CopyFlags,
        /// ExcludedTags, preceded by ExcludedTagCount (2 bytes).
        pub excluded_tags: Array<'a, PropertyTag> = ctx(Count::Prefix(Width::U16)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn property_value_size_must_be_filled_exactly() {
        // Size 12 for 10 bytes of count and value: two bytes left over.
        let bytes = [
            0x0C, 0x00, 0x01, 0x00, 0x03, 0x00, 0x17, 0x00, 0x02, 0x00, 0x00, 0x00, 0xAA, 0xBB,
        ];
        let e = SizedPropertyValues::decode(&bytes).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::TrailingBytes { count: 2 });
        assert_eq!(e.offset(), 12);
        assert_eq!(
            e.to_string(),
            "SizedPropertyValues.PropertyValueSize: 2 unexpected trailing bytes (offset 12)"
        );
        // Size 8: the value runs past it.
        let mut short = bytes;
        short[0] = 0x08;
        let e = SizedPropertyValues::decode(&short).unwrap_err();
        assert!(matches!(e.kind(), ErrorKind::Truncated { .. }), "{e}");
        // Size 1: not even the count fits.
        let e = SizedPropertyValues::decode(&[0x01, 0x00, 0x00]).unwrap_err();
        assert!(matches!(e.kind(), ErrorKind::Truncated { .. }), "{e}");
    }

    #[test]
    fn empty_property_values_have_size_two() {
        let v = SizedPropertyValues(List::empty());
        assert_eq!(v.to_vec().unwrap(), [0x02, 0x00, 0x00, 0x00]);
        let (d, _) = SizedPropertyValues::decode(&[0x02, 0x00, 0x00, 0x00]).unwrap();
        assert!(d.is_empty());
    }

    #[test]
    fn oversized_property_values_are_unencodable() {
        // 0x3FFF one-byte booleans: 2 + 0x3FFF * 5 bytes > 65,535.
        let v = TaggedPropertyValue::new(0x0E1B, crate::data::PropertyValue::Boolean(true));
        let many = vec![v; 0x3FFF];
        let big = SizedPropertyValues(List::from_slice(&many));
        let e = big.to_vec().unwrap_err();
        assert_eq!(
            e.kind(),
            ErrorKind::Unencodable {
                value: 2 + 0x3FFF * 5
            }
        );
    }

    #[test]
    fn copy_failure_needs_a_matching_return_value() {
        // A DestHandleIndex with a ReturnValue other than 0x503 cannot be
        // written: decoding would not read it back.
        let f = PropertyCopyFailure {
            dest_handle_index: Some(1),
        };
        let facts = RopFacts {
            return_value: ErrorCode(0x8004_0102),
            logon: None,
        };
        assert!(matches!(
            f.to_vec_with(facts).unwrap_err().kind(),
            ErrorKind::Unencodable { .. }
        ));
    }
}
