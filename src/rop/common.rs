//! Fields several ROPs share.

use crate::data::{Restriction, ValueContext};
use crate::wire::{Decode, Encode, Error, ErrorKind, Reader, Rest, ResultExt, Sink};

/// A RopId this crate does not know, with every byte after it to the end
/// of the RopsList: there is no length to tell where it ends, so the rest
/// of the list is kept as it is and re-encodes exactly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnknownRop<'a> {
    /// The RopId.
    pub rop_id: u8,
    /// The bytes after it.
    pub data: Rest<'a>,
}

#[cfg(feature = "serde")]
impl crate::wire::SerializeFields for UnknownRop<'_> {
    fn serialize_fields<M: serde::ser::SerializeMap>(&self, m: &mut M) -> Result<(), M::Error> {
        m.serialize_entry("rop", "Unknown")?;
        m.serialize_entry("rop_id", &self.rop_id)?;
        m.serialize_entry("data", &self.data)
    }
}

/// The handle indexes a request names (MS-OXCROPS 1.3.2, 2.2.1): slots of
/// the ServerObjectHandleTable.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HandleIndexes {
    /// InputHandleIndex.
    pub input_handle_index: Option<u8>,
    /// OutputHandleIndex.
    pub output_handle_index: Option<u8>,
    /// SourceHandleIndex.
    pub source_handle_index: Option<u8>,
    /// DestHandleIndex.
    pub dest_handle_index: Option<u8>,
    /// ResponseHandleIndex.
    pub response_handle_index: Option<u8>,
}

/// RestrictionDataSize (2 bytes) and RestrictionData, a restriction in ROP
/// form (MS-OXCDATA 2.12) that fills exactly RestrictionDataSize bytes; a
/// size of 0 means no restriction (RopRestrict, RopFindRow,
/// RopSetSearchCriteria, RopSynchronizationConfigure).
///
/// ```
/// use mapi_wire::rop::RestrictionData;
/// use mapi_wire::wire::{Decode, Encode};
///
/// let (d, _) = RestrictionData::decode(&[0x00, 0x00]).unwrap();
/// assert!(d.0.is_none());
/// let bytes = [0x05, 0x00, 0x08, 0x1F, 0x00, 0x37, 0x00];
/// let (d, _) = RestrictionData::decode(&bytes).unwrap();
/// assert!(d.0.is_some());
/// assert_eq!(d.to_vec().unwrap(), bytes);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct RestrictionData<'a>(pub Option<Restriction<'a>>);

impl<'a> Decode<'a> for RestrictionData<'a> {
    type Ctx = ();
    const NAME: &'static str = "RestrictionData";
    const MIN_LEN: usize = 2;

    fn decode_from(r: &mut Reader<'a>, _: ()) -> Result<Self, Error> {
        let size = r.u16().in_field("restriction_data_size")?;
        if size == 0 {
            return Ok(RestrictionData(None));
        }
        let mut sub = r.sub(usize::from(size)).in_field("restriction_data")?;
        let v =
            Restriction::decode_from(&mut sub, ValueContext::Rop).in_field("restriction_data")?;
        sub.finish().in_field("restriction_data")?;
        Ok(RestrictionData(Some(v)))
    }
}

impl Encode for RestrictionData<'_> {
    type Ctx = ();

    fn encoded_len_with(&self, _: ()) -> usize {
        // RestrictionDataSize, then the restriction.
        self.0
            .as_ref()
            .map_or(0, |v| v.encoded_len_with(ValueContext::Rop))
            .saturating_add(2)
    }

    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, _: ()) -> Result<(), Error> {
        match &self.0 {
            None => s.put_u16(0),
            Some(v) => {
                let n = v.encoded_len_with(ValueContext::Rop);
                // A size of 0 would read back as "no restriction".
                let Some(n16) = u16::try_from(n).ok().filter(|&n| n != 0) else {
                    return Err(Error::new(
                        ErrorKind::Unencodable { value: n as u64 },
                        s.position(),
                    )
                    .in_field("restriction_data_size"));
                };
                s.put_u16(n16)?;
                v.encode_with(s, ValueContext::Rop)
            }
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for RestrictionData<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

crate::wire_enum! {
    /// TableStatus of table ROP responses (MS-OXCTABL 2.2.2.1.3).
    pub struct TableStatus(u8) {
        /// No operation is in progress.
        COMPLETE = 0x00 => "TBLSTAT_COMPLETE",
        /// An asynchronous RopSortTable is in progress.
        SORTING = 0x09 => "TBLSTAT_SORTING",
        /// An asynchronous RopSortTable failed.
        SORT_ERROR = 0x0A => "TBLSTAT_SORT_ERROR",
        /// An asynchronous RopSetColumns is in progress.
        SETTING_COLS = 0x0B => "TBLSTAT_SETTING_COLS",
        /// An asynchronous RopSetColumns failed.
        SETCOL_ERROR = 0x0D => "TBLSTAT_SETCOL_ERROR",
        /// An asynchronous RopRestrict is in progress.
        RESTRICTING = 0x0E => "TBLSTAT_RESTRICTING",
        /// An asynchronous RopRestrict failed.
        RESTRICT_ERROR = 0x0F => "TBLSTAT_RESTRICT_ERROR",
    }
}

crate::wire_enum! {
    /// Origin of RopQueryRows responses, RopSeekRow and RopFindRow requests:
    /// a bookmark (MS-OXCTABL 2.2.2.1.1).
    pub struct Origin(u8) {
        /// The beginning of the table.
        BEGINNING = 0x00 => "BOOKMARK_BEGINNING",
        /// The current position.
        CURRENT = 0x01 => "BOOKMARK_CURRENT",
        /// The end of the table.
        END = 0x02 => "BOOKMARK_END",
        /// A custom bookmark (RopFindRow's Bookmark field).
        CUSTOM = 0x03 => "BOOKMARK_CUSTOM",
    }
}

/// A one-byte boolean field of a ROP ("bool8"): zero is FALSE, any other
/// value is TRUE; the byte is kept as sent so that re-encoding is exact.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Bool8(pub u8);

impl Bool8 {
    /// TRUE as the specifications write it.
    pub const TRUE: Bool8 = Bool8(1);
    /// FALSE.
    pub const FALSE: Bool8 = Bool8(0);

    /// The truth value.
    pub const fn get(self) -> bool {
        self.0 != 0
    }
}

impl From<bool> for Bool8 {
    fn from(b: bool) -> Self {
        Bool8(u8::from(b))
    }
}

impl core::fmt::Debug for Bool8 {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self.0 {
            0 => f.write_str("false"),
            1 => f.write_str("true"),
            b => write!(f, "true({b:#04x})"),
        }
    }
}

impl<'a> Decode<'a> for Bool8 {
    type Ctx = ();
    const NAME: &'static str = "Bool8";
    const MIN_LEN: usize = 1;
    #[inline]
    fn decode_from(r: &mut Reader<'a>, _: ()) -> Result<Self, Error> {
        r.u8().map(Bool8)
    }
}

impl Encode for Bool8 {
    type Ctx = ();
    #[inline]
    fn encoded_len_with(&self, _: ()) -> usize {
        1
    }
    #[inline]
    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, _: ()) -> Result<(), Error> {
        s.put_u8(self.0)
    }
}

/// JSON gives the byte (0 or 1 normally), as the spec's field is an
/// unsigned integer.
#[cfg(feature = "serde")]
impl serde::Serialize for Bool8 {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.0)
    }
}
