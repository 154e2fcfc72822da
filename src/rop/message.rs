//! Message ROPs (MS-OXCROPS 2.2.6.1–2.2.6.11; semantics in MS-OXCMSG
//! 2.2.3), and the recipient rows they carry.
//!
//! Each request is the ROP's fields after its RopId; each response body is
//! the part after ReturnValue (the framing lives in
//! [`Response`](super::Response)).
//!
//! Recipient rows come in three framings — [`OpenRecipientRow`]
//! (RopOpenMessage, RopReloadCachedInformation, RopOpenEmbeddedMessage),
//! [`ReadRecipientRow`] (RopReadRecipients) and [`ModifyRecipientRow`]
//! (RopModifyRecipients) — that share one shape: a few fixed fields, then
//! RecipientRowSize and a RecipientRow (MS-OXCDATA 2.8.3) of that many
//! bytes. [`RecipientRows`] holds a sequence of them without allocating:
//! it validates every row once when decoded, keeps the bytes, reads each
//! row again on demand and re-encodes the bytes verbatim.

use super::common::Bool8;
use super::context::{LogonKind, RopContext, RopFacts};
#[cfg(feature = "alloc")]
use crate::data::RecipientRow;
use crate::data::{
    FolderId, LongTermId, MessageId, PropertyTag, RecipientRowHeader, RowCells, RowContext,
    TypedString, skip_recipient_row,
};
use crate::wire::{
    Array, Bytes, Count, Decode, Encode, Error, ErrorKind, Fixed, Limits, Reader, ResultExt, Sink,
    Unit, Width,
};
use core::fmt;

crate::wire_flags! {
    /// MessageOpenModeFlags of RopOpenMessage (MS-OXCROPS 2.2.6.1.1; values
    /// MS-OXCMSG 2.2.3.1.1). No bit set is ReadOnly (0x00); the server
    /// ignores bits it does not know, which are kept here.
    ///
    /// ```
    /// use mapi_wire::rop::MessageOpenModeFlags;
    ///
    /// let f = MessageOpenModeFlags::from_bits_retain(0x03);
    /// assert!(f.contains(MessageOpenModeFlags::BEST_ACCESS) && f.contains(MessageOpenModeFlags::READ_WRITE));
    /// assert!(MessageOpenModeFlags::empty().is_empty()); // ReadOnly
    /// ```
    pub struct MessageOpenModeFlags: u8 {
        /// ReadWrite (0x01): open for reading and writing.
        const READ_WRITE = 0x01;
        /// BestAccess (0x03): read/write if the user may write to the
        /// folder, read-only otherwise.
        const BEST_ACCESS = 0x03;
        /// OpenSoftDeleted (0x04): open a soft-deleted message if there
        /// is one.
        const OPEN_SOFT_DELETED = 0x04;
    }
}

crate::wire_flags! {
    /// SaveFlags of RopSaveChangesMessage and RopSaveChangesAttachment
    /// (MS-OXCROPS 2.2.6.3.1, 2.2.6.15.1; values MS-OXCMSG 2.2.3.3.1): what
    /// becomes of the object once its changes are committed. No bit set
    /// closes it.
    ///
    /// ```
    /// use mapi_wire::rop::SaveFlags;
    ///
    /// assert_eq!(SaveFlags::KEEP_OPEN_READ_WRITE.bits(), 0x02);
    /// assert!(SaveFlags::from_bits_retain(0x06).contains(SaveFlags::FORCE_SAVE));
    /// ```
    pub struct SaveFlags: u8 {
        /// KeepOpenReadOnly (0x01): keep the object open, read-only.
        const KEEP_OPEN_READ_ONLY = 0x01;
        /// KeepOpenReadWrite (0x02): keep the object open, read/write.
        const KEEP_OPEN_READ_WRITE = 0x02;
        /// ForceSave (0x04): keep it open read/write and overwrite changes
        /// committed meanwhile through another handle (no ecObjectModified).
        const FORCE_SAVE = 0x04;
    }
}

crate::wire_flags! {
    /// ReadFlags of RopSetReadFlags and RopSetMessageReadFlag (MS-OXCROPS
    /// 2.2.6.10.1, 2.2.6.11.1; values MS-OXCMSG 2.2.3.10.1). No bit set is
    /// rfDefault: set the read flag and send any read receipt.
    ///
    /// ```
    /// use mapi_wire::rop::ReadFlags;
    ///
    /// let f = ReadFlags::CLEAR_READ_FLAG | ReadFlags::SUPPRESS_RECEIPT;
    /// assert_eq!(f.bits(), 0x05);
    /// ```
    pub struct ReadFlags: u8 {
        /// rfSuppressReceipt (0x01): cancel any pending read receipt; set
        /// mfRead.
        const SUPPRESS_RECEIPT = 0x01;
        /// rfReserved (0x0A): ignored by the server.
        const RESERVED = 0x0A;
        /// rfClearReadFlag (0x04): clear mfRead (with rfSuppressReceipt).
        const CLEAR_READ_FLAG = 0x04;
        /// rfGenerateReceiptOnly (0x10): send a pending read receipt, leave
        /// mfRead alone.
        const GENERATE_RECEIPT_ONLY = 0x10;
        /// rfClearNotifyRead (0x20): clear mfNotifyRead without a receipt.
        const CLEAR_NOTIFY_READ = 0x20;
        /// rfClearNotifyUnread (0x40): clear mfNotifyUnread without a
        /// non-read receipt.
        const CLEAR_NOTIFY_UNREAD = 0x40;
    }
}

crate::wire_flags! {
    /// MessageStatusFlags and MessageStatusMask of RopSetMessageStatus and
    /// RopGetMessageStatus (MS-OXCROPS 2.2.6.8, 2.2.6.9): the bits of
    /// PidTagMessageStatus (MS-OXCMSG 2.2.1.8). Other bits are client
    /// defined and kept.
    ///
    /// ```
    /// use mapi_wire::rop::MessageStatusFlags;
    ///
    /// assert_eq!(MessageStatusFlags::REMOTE_DOWNLOAD.bits(), 0x0000_1000);
    /// ```
    pub struct MessageStatusFlags: u32 {
        /// msInConflict (0x00000800): a conflict-resolve message
        /// (read-only for the client).
        const IN_CONFLICT = 0x0000_0800;
        /// msRemoteDownload (0x00001000): marked for download from the
        /// remote store.
        const REMOTE_DOWNLOAD = 0x0000_1000;
        /// msRemoteDelete (0x00002000): marked for deletion at the remote
        /// store without download.
        const REMOTE_DELETE = 0x0000_2000;
    }
}

crate::wire_flags! {
    /// RecipientType of the recipient rows (MS-OXCROPS 2.2.6.1.2.1,
    /// 2.2.6.5.1.1, 2.2.6.6.2.1; values MS-OXCMSG 2.2.3.1.2): one byte, the
    /// bitwise OR of at most one type ([`RecipientClass`], low four bits)
    /// and flags (high four bits). Unknown bits are kept.
    ///
    /// The flag values were settled from two sources, as the MS-OXCMSG
    /// table could not be retrieved: they are the resend flags of
    /// PidTagRecipientType (MS-OXOMSG 2.2.3.1: 0x10000000 and 0x80000000)
    /// moved into this byte's high nibble, and MAPI Inspector reads the
    /// high nibble with the values 0x1 and 0x8.
    ///
    /// ```
    /// use mapi_wire::rop::{RecipientClass, RecipientType};
    ///
    /// let t = RecipientType::from_bits_retain(0x12);
    /// assert_eq!(t.recipient_class(), RecipientClass::CC);
    /// assert!(t.contains(RecipientType::P1));
    /// assert_eq!(RecipientType::empty().with_class(RecipientClass::BCC).bits(), 0x03);
    /// ```
    pub struct RecipientType: u8 {
        /// 0x10 (MAPI_P1): the recipient did not receive the message on
        /// the previous attempt; a resend goes to it.
        const P1 = 0x10;
        /// 0x80 (MAPI_SUBMITTED): the recipient received the message on
        /// the previous attempt; a resend skips it.
        const SUBMITTED = 0x80;
    }
}

impl RecipientType {
    /// The bits of the type (MS-OXCMSG 2.2.3.1.2).
    pub const CLASS_MASK: u8 = 0x0F;

    /// The type in the low four bits.
    ///
    /// ```
    /// use mapi_wire::rop::{RecipientClass, RecipientType};
    ///
    /// assert_eq!(RecipientType::from_bits_retain(0x81).recipient_class(), RecipientClass::PRIMARY);
    /// ```
    pub const fn recipient_class(self) -> RecipientClass {
        RecipientClass(self.bits() & Self::CLASS_MASK)
    }

    /// The same flags with the type `class` (its low four bits).
    ///
    /// ```
    /// use mapi_wire::rop::{RecipientClass, RecipientType};
    ///
    /// let t = RecipientType::SUBMITTED.with_class(RecipientClass::PRIMARY);
    /// assert_eq!(t.bits(), 0x81);
    /// ```
    #[must_use]
    pub const fn with_class(self, class: RecipientClass) -> Self {
        Self::from_bits_retain((self.bits() & !Self::CLASS_MASK) | (class.0 & Self::CLASS_MASK))
    }
}

crate::wire_enum! {
    /// The type part of a [`RecipientType`] (MS-OXCMSG 2.2.3.1.2): the
    /// low four bits, as the values of PidTagRecipientType (MS-OXOMSG
    /// 2.2.3.1).
    ///
    /// ```
    /// use mapi_wire::rop::RecipientClass;
    ///
    /// assert_eq!(RecipientClass(0x01).name(), Some("Primary"));
    /// ```
    pub struct RecipientClass(u8) {
        /// A primary (To) recipient.
        PRIMARY = 0x01 => "Primary",
        /// A Cc recipient.
        CC = 0x02 => "Cc",
        /// A Bcc recipient.
        BCC = 0x03 => "Bcc",
    }
}

// ------------------------------------------------------------ recipient rows

mod sealed {
    pub trait Sealed {}
}

/// The fields of a recipient row that come before RecipientRowSize:
/// [`OpenRecipientRowHead`], [`ReadRecipientRowHead`] or
/// [`ModifyRecipientRowHead`]. Sealed: the three framings of MS-OXCROPS
/// are the only ones.
pub trait RecipientRowHead: Fixed + PartialEq + fmt::Debug + sealed::Sealed {
    /// The specification's name of the whole row structure.
    const ROW_NAME: &'static str;
    /// True when a RecipientRowSize of 0 means that no RecipientRow
    /// follows (a ModifyRecipientRow that removes its recipient,
    /// MS-OXCROPS 2.2.6.5.1.1).
    const ROW_OPTIONAL: bool;
    /// Writes the fields into a serde map.
    #[cfg(feature = "serde")]
    #[doc(hidden)]
    fn serialize_head<M: serde::ser::SerializeMap>(&self, m: &mut M) -> Result<(), M::Error>;
}

macro_rules! head {
    ($T:ident, $name:literal, $size:literal, $optional:literal) => {
        impl Fixed for $T {
            const SIZE: usize = $size;
        }
        impl sealed::Sealed for $T {}
        impl RecipientRowHead for $T {
            const ROW_NAME: &'static str = $name;
            const ROW_OPTIONAL: bool = $optional;
            #[cfg(feature = "serde")]
            fn serialize_head<M: serde::ser::SerializeMap>(
                &self,
                m: &mut M,
            ) -> Result<(), M::Error> {
                crate::wire::SerializeFields::serialize_fields(self, m)
            }
        }
    };
}

crate::wire_struct! {
    /// The fields of an OpenRecipientRow before RecipientRowSize
    /// (MS-OXCROPS 2.2.6.1.2.1): a row of RopOpenMessage,
    /// RopReloadCachedInformation and RopOpenEmbeddedMessage responses.
    ///
    /// ```
    /// use mapi_wire::rop::{OpenRecipientRowHead, RecipientClass};
    /// use mapi_wire::wire::Decode;
    ///
    /// let (h, _) = OpenRecipientRowHead::decode(&[0x01, 0xE4, 0x04, 0x00, 0x00]).unwrap();
    /// assert_eq!(h.recipient_type.recipient_class(), RecipientClass::PRIMARY);
    /// assert_eq!(h.code_page_id, 1252);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct OpenRecipientRowHead {
        /// RecipientType.
        pub recipient_type: RecipientType,
        /// CodePageId: the code page of the recipient's 8-bit strings.
        pub code_page_id: u16,
        /// Reserved: 0x0000.
        pub reserved: u16,
    }
}
head!(OpenRecipientRowHead, "OpenRecipientRow", 5, false);

crate::wire_struct! {
    /// The fields of a ReadRecipientRow before RecipientRowSize
    /// (MS-OXCROPS 2.2.6.6.2.1): a row of a RopReadRecipients response.
    ///
    /// ```
    /// use mapi_wire::rop::ReadRecipientRowHead;
    /// use mapi_wire::wire::Decode;
    ///
    /// let bytes = [0x02, 0x00, 0x00, 0x00, 0x02, 0xE4, 0x04, 0x00, 0x00];
    /// let (h, _) = ReadRecipientRowHead::decode(&bytes).unwrap();
    /// assert_eq!(h.row_id, 2);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct ReadRecipientRowHead {
        /// RowId: the recipient's row ID.
        pub row_id: u32,
        /// RecipientType.
        pub recipient_type: RecipientType,
        /// CodePageId: the code page of the recipient's 8-bit strings.
        pub code_page_id: u16,
        /// Reserved: 0x0000.
        pub reserved: u16,
    }
}
head!(ReadRecipientRowHead, "ReadRecipientRow", 9, false);

crate::wire_struct! {
    /// The fields of a ModifyRecipientRow before RecipientRowSize
    /// (MS-OXCROPS 2.2.6.5.1.1): a row of a RopModifyRecipients request.
    ///
    /// ```
    /// use mapi_wire::rop::{ModifyRecipientRowHead, RecipientClass};
    /// use mapi_wire::wire::Decode;
    ///
    /// let (h, _) = ModifyRecipientRowHead::decode(&[0x01, 0x00, 0x00, 0x00, 0x02]).unwrap();
    /// assert_eq!((h.row_id, h.recipient_type.recipient_class()), (1, RecipientClass::CC));
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct ModifyRecipientRowHead {
        /// RowId: the recipient to add, change or remove.
        pub row_id: u32,
        /// RecipientType.
        pub recipient_type: RecipientType,
    }
}
head!(ModifyRecipientRowHead, "ModifyRecipientRow", 5, true);

/// One recipient row of a ROP: its fixed fields ([`RecipientRowHead`]),
/// then RecipientRowSize and the RecipientRow (MS-OXCDATA 2.8.3) of that
/// many bytes, which is kept as bytes and read on demand against the
/// recipient columns.
///
/// Rows decoded as part of a [`RecipientRows`] know their columns when the
/// decoder did; rows built for encoding take the RecipientRow's bytes
/// (for instance a [`RecipientRow`](crate::data::RecipientRow) encoded
/// beforehand) and need no columns.
///
/// ```
/// use mapi_wire::data::{PropertyTag, RowContext};
/// use mapi_wire::rop::{OpenRecipientRow, OpenRecipientRowHead, RecipientType};
/// use mapi_wire::wire::Array;
///
/// // A RecipientRow: NoType with D (8-bit "A"), one of one columns,
/// // standard row, PidTagRecipientType = 1.
/// let row = [0x10, 0x00, 0x41, 0x00, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00];
/// let head = OpenRecipientRowHead {
///     recipient_type: RecipientType::from_bits_retain(0x01),
///     code_page_id: 1252,
///     reserved: 0,
/// };
/// let tags = [PropertyTag(0x0C15_0003)];
/// let r = OpenRecipientRow::new(head, &row).with_columns(RowContext::rop(Array::from_slice(&tags)));
/// assert_eq!(r.recipient_row_size(), 11);
/// assert_eq!(r.header().unwrap().display_name.unwrap().to_string(), "A");
/// let n = r.with_properties(|_, cells| {
///     cells.map(|c| c.unwrap().value().and_then(|v| v.as_i32())).collect::<Vec<_>>()
/// });
/// assert_eq!(n, Some(vec![Some(1)]));
/// ```
#[derive(Clone, Copy)]
pub struct FramedRecipientRow<'a, H> {
    /// The fields before RecipientRowSize.
    pub head: H,
    recipient_row: &'a [u8],
    columns: Option<RowContext<'a>>,
}

/// An OpenRecipientRow (MS-OXCROPS 2.2.6.1.2.1).
pub type OpenRecipientRow<'a> = FramedRecipientRow<'a, OpenRecipientRowHead>;
/// A ReadRecipientRow (MS-OXCROPS 2.2.6.6.2.1).
pub type ReadRecipientRow<'a> = FramedRecipientRow<'a, ReadRecipientRowHead>;
/// A ModifyRecipientRow (MS-OXCROPS 2.2.6.5.1.1).
pub type ModifyRecipientRow<'a> = FramedRecipientRow<'a, ModifyRecipientRowHead>;

impl<'a, H: RecipientRowHead> FramedRecipientRow<'a, H> {
    /// A row of `head` whose RecipientRow is `recipient_row` (its
    /// RecipientRowSize is the slice's length; empty for a
    /// ModifyRecipientRow that removes its recipient).
    pub const fn new(head: H, recipient_row: &'a [u8]) -> Self {
        FramedRecipientRow {
            head,
            recipient_row,
            columns: None,
        }
    }

    /// The same row, read against the recipient columns `columns`.
    #[must_use]
    pub const fn with_columns(mut self, columns: RowContext<'a>) -> Self {
        self.columns = Some(columns);
        self
    }

    /// RecipientRowSize: the length of the RecipientRow.
    pub const fn recipient_row_size(&self) -> usize {
        self.recipient_row.len()
    }

    /// The RecipientRow's bytes (MS-OXCDATA 2.8.3).
    pub const fn recipient_row_bytes(&self) -> &'a [u8] {
        self.recipient_row
    }

    /// False for a ModifyRecipientRow whose RecipientRowSize is 0, which
    /// removes the recipient RowId names (MS-OXCMSG 3.1.4.5).
    pub const fn has_recipient_row(&self) -> bool {
        !self.recipient_row.is_empty()
    }

    /// The recipient columns the row is read against, if known.
    pub const fn columns(&self) -> Option<RowContext<'a>> {
        self.columns
    }

    /// The RecipientRow up to RecipientColumnCount: flags and standard
    /// fields. It needs no columns (without them RecipientColumnCount is
    /// not checked); `None` when the bytes do not hold one (possible only
    /// for rows that were not validated against columns, or for an absent
    /// row).
    pub fn header(&self) -> Option<RecipientRowHeader<'a>> {
        let limit = self.columns.map_or(usize::MAX, |c| c.columns.len());
        let mut r = Reader::with_limits(self.recipient_row, Limits::REVISIT);
        RecipientRowHeader::decode_from(&mut r, limit).ok()
    }

    /// Calls `f` with the header and an allocation-free walk over the
    /// cells of RecipientProperties (the first RecipientColumnCount
    /// columns). `None` without columns or without a RecipientRow.
    pub fn with_properties<R>(
        &self,
        f: impl FnOnce(RecipientRowHeader<'a>, RowCells<'a, 'a, '_>) -> R,
    ) -> Option<R> {
        let cx = self.columns?;
        let mut r = Reader::with_limits(self.recipient_row, Limits::REVISIT);
        let header = RecipientRowHeader::decode_from(&mut r, cx.columns.len()).ok()?;
        let props = header.properties_context(cx)?;
        let cells = RowCells::new(&mut r, props).ok()?;
        Some(f(header, cells))
    }

    /// The whole RecipientRow, decoded; `None` without columns or without
    /// a RecipientRow.
    #[cfg(feature = "alloc")]
    pub fn recipient_row(&self) -> Option<RecipientRow<'a>> {
        let cx = self.columns?;
        RecipientRow::decode_exact(self.recipient_row, cx).ok()
    }

    fn encoded_len(&self) -> usize {
        H::SIZE + 2 + self.recipient_row.len()
    }

    fn encode<S: Sink + ?Sized>(&self, s: &mut S) -> Result<(), Error> {
        self.head.encode_with(s, ())?;
        let n = self.recipient_row.len();
        let Ok(size) = u16::try_from(n) else {
            return Err(
                Error::new(ErrorKind::Unencodable { value: n as u64 }, s.position())
                    .in_field("recipient_row_size"),
            );
        };
        s.put_u16(size)?;
        s.put(self.recipient_row)
    }

    /// Reads one row, validating its RecipientRow against `cx` when given.
    fn read(r: &mut Reader<'a>, cx: Option<RowContext<'a>>) -> Result<Self, Error> {
        let head = H::decode_from(r, ())?;
        let size = r.u16().in_field("recipient_row_size")?;
        let mut sub = r.sub(usize::from(size)).in_field("recipient_row")?;
        let recipient_row = sub.peek_rest();
        if let Some(cx) = cx
            && !(size == 0 && H::ROW_OPTIONAL)
        {
            skip_recipient_row(&mut sub, cx).in_field("recipient_row")?;
            // The RecipientRow fills RecipientRowSize exactly: the size is
            // "the size of the RecipientRow field" (MS-OXCROPS 2.2.6.1.2.1,
            // 2.2.6.5.1.1, 2.2.6.6.2.1). gromox's reader skips bytes left
            // inside the frame; they are rejected here, so that a decoded
            // row is exactly the RecipientRow it shows.
            sub.finish().in_field("recipient_row")?;
        }
        Ok(FramedRecipientRow {
            head,
            recipient_row,
            columns: cx,
        })
    }
}

/// Rows are equal when their fields and bytes are; the columns they are
/// read against are context, not content.
impl<H: PartialEq> PartialEq for FramedRecipientRow<'_, H> {
    fn eq(&self, other: &Self) -> bool {
        self.head == other.head && self.recipient_row == other.recipient_row
    }
}

impl<H: RecipientRowHead> fmt::Debug for FramedRecipientRow<'_, H> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = f.debug_struct(H::ROW_NAME);
        d.field("head", &self.head);
        d.field("recipient_row_size", &self.recipient_row.len());
        match self.header() {
            Some(h) if self.has_recipient_row() => d.field("header", &h),
            _ => d.field("recipient_row", &Bytes(self.recipient_row)),
        };
        d.finish()
    }
}

/// The row's fields, RecipientRowSize, and the RecipientRow: its header
/// fields and `recipient_properties` (`{flag, value_array}`) when the
/// columns are known, its bytes as hex otherwise (and `null` for a
/// ModifyRecipientRow that removes its recipient).
#[cfg(feature = "serde")]
impl<H: RecipientRowHead> serde::Serialize for FramedRecipientRow<'_, H> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        self.head.serialize_head(&mut m)?;
        m.serialize_entry("recipient_row_size", &self.recipient_row.len())?;
        if !self.has_recipient_row() && H::ROW_OPTIONAL {
            m.serialize_entry("recipient_row", &())?;
        } else if self.columns.is_some() {
            m.serialize_entry("recipient_row", &RowJson(self.recipient_row, self.columns))?;
        } else {
            m.serialize_entry("recipient_row", &Bytes(self.recipient_row))?;
        }
        m.end()
    }
}

/// A RecipientRow read against known columns, as JSON.
#[cfg(feature = "serde")]
struct RowJson<'a>(&'a [u8], Option<RowContext<'a>>);

#[cfg(feature = "serde")]
impl serde::Serialize for RowJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error as _, SerializeMap};
        let Some(cx) = self.1 else {
            return Bytes(self.0).serialize(s);
        };
        let mut r = Reader::with_limits(self.0, Limits::REVISIT);
        let header =
            RecipientRowHeader::decode_from(&mut r, cx.columns.len()).map_err(S::Error::custom)?;
        let props = header
            .properties_context(cx)
            .ok_or_else(|| S::Error::custom("RecipientColumnCount exceeds the columns"))?;
        let cells = RowCells::new(&mut r, props).map_err(S::Error::custom)?;
        let mut m = s.serialize_map(None)?;
        crate::wire::SerializeFields::serialize_fields(&header, &mut m)?;
        m.serialize_entry(
            "recipient_properties",
            &CellsJson(core::cell::Cell::new(Some(cells))),
        )?;
        m.end()
    }
}

/// RecipientProperties as `{flag, value_array}`, like a PropertyRow.
#[cfg(feature = "serde")]
struct CellsJson<'a, 'r>(core::cell::Cell<Option<RowCells<'a, 'a, 'r>>>);

#[cfg(feature = "serde")]
impl serde::Serialize for CellsJson<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        struct Cells<'a, 'r>(core::cell::Cell<Option<RowCells<'a, 'a, 'r>>>);
        impl serde::Serialize for Cells<'_, '_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(self.0.take().into_iter().flatten().map_while(Result::ok))
            }
        }
        let cells = self.0.take();
        let flag = cells.as_ref().map_or(0u8, |c| u8::from(c.is_flagged()));
        let mut st = s.serialize_struct("PropertyRow", 2)?;
        st.serialize_field("flag", &flag)?;
        st.serialize_field("value_array", &Cells(core::cell::Cell::new(cells)))?;
        st.end()
    }
}

#[derive(Clone, Copy)]
enum RowsRepr<'a, H> {
    Wire {
        count: usize,
        bytes: &'a [u8],
        cx: Option<RowContext<'a>>,
    },
    Slice(&'a [FramedRecipientRow<'a, H>]),
}

/// A sequence of recipient rows (the RecipientRows field of RopOpenMessage,
/// RopReloadCachedInformation, RopOpenEmbeddedMessage, RopReadRecipients
/// and RopModifyRecipients), without allocation.
///
/// Decoding validates every row once: its RecipientRowSize against the
/// bytes that remain and, when the recipient columns are known, its
/// RecipientRow against them (a RecipientRow must fill RecipientRowSize
/// exactly). Without columns (a RopReadRecipients response whose message's
/// columns the decoder was not given) each row is only framed by its
/// RecipientRowSize: the rest of the buffer still splits, and the rows
/// re-encode exactly. Iterating reads the rows again; encoding writes the
/// decoded bytes verbatim.
///
/// Its context is the [`Count`] of rows and the recipient columns, if
/// known. Encoding ignores the columns.
///
/// ```
/// use mapi_wire::data::{PropertyTag, RowContext};
/// use mapi_wire::rop::ReadRecipientRows;
/// use mapi_wire::wire::{Array, Count, Decode, Encode, Width};
///
/// // RowCount 1; RowId 0, Cc, code page 1252, RecipientRowSize 11, then a
/// // RecipientRow (D, "A", one column: PidTagRecipientType = 2).
/// let bytes = [
///     0x01, 0x00, 0x00, 0x00, 0x00, 0x02, 0xE4, 0x04, 0x00, 0x00, 0x0B, 0x00,
///     0x10, 0x00, 0x41, 0x00, 0x01, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00,
/// ];
/// let tags = [PropertyTag(0x0C15_0003)];
/// let cx = (Count::Prefix(Width::U8), Some(RowContext::rop(Array::from_slice(&tags))));
/// let (rows, rest) = ReadRecipientRows::decode_with(&bytes, cx).unwrap();
/// assert!(rest.is_empty());
/// let row = rows.iter().next().unwrap();
/// assert_eq!(row.header().unwrap().display_name.unwrap().to_string(), "A");
/// assert_eq!(rows.to_vec_with(cx).unwrap(), bytes);
///
/// // Without the columns the row is framed but not read.
/// let (raw, _) = ReadRecipientRows::decode_with(&bytes, (cx.0, None)).unwrap();
/// assert_eq!(raw.get(0).unwrap().recipient_row_size(), 11);
/// assert!(raw.get(0).unwrap().with_properties(|_, _| ()).is_none());
/// ```
#[derive(Clone, Copy)]
pub struct RecipientRows<'a, H> {
    repr: RowsRepr<'a, H>,
}

/// The RecipientRows of RopOpenMessage, RopReloadCachedInformation and
/// RopOpenEmbeddedMessage responses (MS-OXCROPS 2.2.6.1.2).
pub type OpenRecipientRows<'a> = RecipientRows<'a, OpenRecipientRowHead>;
/// The RecipientRows of a RopReadRecipients response (MS-OXCROPS
/// 2.2.6.6.2).
pub type ReadRecipientRows<'a> = RecipientRows<'a, ReadRecipientRowHead>;
/// The RecipientRows of a RopModifyRecipients request (MS-OXCROPS
/// 2.2.6.5.1).
pub type ModifyRecipientRows<'a> = RecipientRows<'a, ModifyRecipientRowHead>;

impl<'a, H: RecipientRowHead> RecipientRows<'a, H> {
    /// Rows built for encoding.
    pub const fn from_slice(rows: &'a [FramedRecipientRow<'a, H>]) -> Self {
        RecipientRows {
            repr: RowsRepr::Slice(rows),
        }
    }

    /// No row.
    pub const fn empty() -> Self {
        Self::from_slice(&[])
    }

    /// Number of rows (RowCount).
    pub fn len(&self) -> usize {
        match self.repr {
            RowsRepr::Wire { count, .. } => count,
            RowsRepr::Slice(s) => s.len(),
        }
    }

    /// True when there is no row.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The recipient columns the decoded rows were validated against;
    /// `None` for rows kept raw or built from a slice.
    pub fn columns(&self) -> Option<RowContext<'a>> {
        match self.repr {
            RowsRepr::Wire { cx, .. } => cx,
            RowsRepr::Slice(_) => None,
        }
    }

    /// The validated wire bytes of decoded rows (without RowCount).
    pub fn wire_bytes(&self) -> Option<&'a [u8]> {
        match self.repr {
            RowsRepr::Wire { bytes, .. } => Some(bytes),
            RowsRepr::Slice(_) => None,
        }
    }

    /// The rows in order, read on demand.
    pub fn iter(&self) -> RecipientRowsIter<'a, H> {
        match self.repr {
            RowsRepr::Wire { count, bytes, cx } => RecipientRowsIter {
                repr: IterRepr::Wire {
                    r: Reader::with_limits(bytes, Limits::REVISIT),
                    left: count,
                    cx,
                },
            },
            RowsRepr::Slice(s) => RecipientRowsIter {
                repr: IterRepr::Slice(s.iter()),
            },
        }
    }

    /// Row `i` (walks the rows up to it).
    pub fn get(&self, i: usize) -> Option<FramedRecipientRow<'a, H>> {
        self.iter().nth(i)
    }

    fn body_len(&self) -> usize {
        match self.repr {
            RowsRepr::Wire { bytes, .. } => bytes.len(),
            RowsRepr::Slice(s) => s.iter().map(FramedRecipientRow::encoded_len).sum(),
        }
    }
}

enum IterRepr<'a, H> {
    Wire {
        r: Reader<'a>,
        left: usize,
        cx: Option<RowContext<'a>>,
    },
    Slice(core::slice::Iter<'a, FramedRecipientRow<'a, H>>),
}

/// Iterator over [`RecipientRows`].
pub struct RecipientRowsIter<'a, H> {
    repr: IterRepr<'a, H>,
}

impl<'a, H: RecipientRowHead> Iterator for RecipientRowsIter<'a, H> {
    type Item = FramedRecipientRow<'a, H>;

    fn next(&mut self) -> Option<Self::Item> {
        match &mut self.repr {
            IterRepr::Wire { r, left, cx } => {
                if *left == 0 {
                    return None;
                }
                *left -= 1;
                // The rows were validated when decoded; should reading one
                // fail anyway, the iteration ends.
                let head = H::decode_from(r, ()).ok();
                let size = r.u16().ok();
                let row = size.and_then(|n| r.bytes(usize::from(n)).ok());
                match (head, row) {
                    (Some(head), Some(recipient_row)) => Some(FramedRecipientRow {
                        head,
                        recipient_row,
                        columns: *cx,
                    }),
                    _ => {
                        *left = 0;
                        None
                    }
                }
            }
            IterRepr::Slice(it) => it.next().copied(),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match &self.repr {
            IterRepr::Wire { left, .. } => (0, Some(*left)),
            IterRepr::Slice(it) => it.size_hint(),
        }
    }
}

impl<'a, H: RecipientRowHead> IntoIterator for &RecipientRows<'a, H> {
    type Item = FramedRecipientRow<'a, H>;
    type IntoIter = RecipientRowsIter<'a, H>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<'a, H: RecipientRowHead> Decode<'a> for RecipientRows<'a, H> {
    type Ctx = (Count, Option<RowContext<'a>>);
    const NAME: &'static str = "RecipientRows";
    const MIN_LEN: usize = 0;

    fn decode_from(r: &mut Reader<'a>, (count, cx): Self::Ctx) -> Result<Self, Error> {
        // Each row is at least its fixed fields and RecipientRowSize.
        let min = H::SIZE + 2;
        let n = match count {
            Count::Prefix(w) => r.count(w, min, Unit::Rows).in_field("row_count")?,
            Count::Known(n) => {
                r.check_count(u32::try_from(n).unwrap_or(u32::MAX), min, Unit::Rows, 0)?
            }
        };
        let start = r.peek_rest();
        let before = r.remaining();
        for i in 0..n {
            FramedRecipientRow::<H>::read(r, cx).at_index(i)?;
        }
        let used = before - r.remaining();
        Ok(RecipientRows {
            repr: RowsRepr::Wire {
                count: n,
                bytes: start.get(..used).unwrap_or(&[]),
                cx,
            },
        })
    }
}

impl<'a, H: RecipientRowHead> Encode for RecipientRows<'a, H> {
    type Ctx = (Count, Option<RowContext<'a>>);

    fn encoded_len_with(&self, (count, _): Self::Ctx) -> usize {
        let prefix = match count {
            Count::Prefix(w) => w.size(),
            Count::Known(_) => 0,
        };
        prefix + self.body_len()
    }

    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, (count, _): Self::Ctx) -> Result<(), Error> {
        match count {
            Count::Prefix(w) => s.put_uint(w, self.len()).in_field("row_count")?,
            Count::Known(n) if n == self.len() => {}
            Count::Known(_) => {
                return Err(Error::new(
                    ErrorKind::Unencodable {
                        value: self.len() as u64,
                    },
                    s.position(),
                ));
            }
        }
        match self.repr {
            RowsRepr::Wire { bytes, .. } => s.put(bytes),
            RowsRepr::Slice(rows) => {
                for (i, row) in rows.iter().enumerate() {
                    row.encode(s).at_index(i)?;
                }
                Ok(())
            }
        }
    }
}

impl<H: RecipientRowHead> PartialEq for RecipientRows<'_, H> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl<H: RecipientRowHead> fmt::Debug for RecipientRows<'_, H> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<H: RecipientRowHead> Default for RecipientRows<'_, H> {
    fn default() -> Self {
        Self::empty()
    }
}

#[cfg(feature = "serde")]
impl<H: RecipientRowHead> serde::Serialize for RecipientRows<'_, H> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

// ------------------------------------------------------------------- ROPs

crate::wire_struct! {
    /// RopOpenMessage request (MS-OXCROPS 2.2.6.1.1; MS-OXCMSG 2.2.3.1.1):
    /// opens a message of a folder.
    ///
    /// ```
    /// use mapi_wire::rop::{OpenMessageRequest, MessageOpenModeFlags};
    /// use mapi_wire::wire::Decode;
    ///
    /// let bytes = [0, 0, 1, 0xFF, 0x0F, 1, 0, 0, 0, 0, 0, 0, 0x10, 0x03, 1, 0, 0, 0, 0, 0, 0, 0x20];
    /// let (r, _) = OpenMessageRequest::decode(&bytes).unwrap();
    /// assert_eq!(r.code_page_id, 0x0FFF);
    /// assert_eq!(r.open_mode_flags, MessageOpenModeFlags::BEST_ACCESS);
    /// ```
    #[derive(Copy)]
    pub struct OpenMessageRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: a folder or the logon (store).
        pub input_handle_index: u8,
        /// OutputHandleIndex: where the message's handle goes.
        pub output_handle_index: u8,
        /// CodePageId: the code page of the message's 8-bit strings
        /// (0x0FFF: the logon's).
        pub code_page_id: u16,
        /// FolderId: the message's folder.
        pub folder_id: FolderId,
        /// MessageOpenModeFlags.
        pub open_mode_flags: MessageOpenModeFlags,
        /// MessageId: the message.
        pub message_id: MessageId,
    }
}

crate::wire_struct! {
    /// The success body of RopOpenMessage and RopReloadCachedInformation
    /// (MS-OXCROPS 2.2.6.1.2, 2.2.6.7.2; MS-OXCMSG 2.2.3.1.2): the
    /// message's header information and (some of) its recipients.
    ///
    /// RecipientRows are read against the first RecipientColumnCount of
    /// the RecipientColumns just before them, in this same body. The
    /// columns are also the message's recipient columns for later
    /// RopReadRecipients responses on it.
    ///
    /// ```
    /// use mapi_wire::data::TypedString;
    /// use mapi_wire::rop::OpenMessageSuccess;
    /// use mapi_wire::wire::Decode;
    ///
    /// // No named properties, no prefix, subject "Hi" (8-bit), no recipient.
    /// let bytes = [0x00, 0x00, 0x02, b'H', b'i', 0x00, 0, 0, 0, 0, 0];
    /// let (m, _) = OpenMessageSuccess::decode(&bytes).unwrap();
    /// assert_eq!(m.subject_prefix, TypedString::NoString);
    /// assert!(matches!(m.normalized_subject, TypedString::String8(s) if s.as_bytes() == b"Hi"));
    /// assert!(m.recipient_rows.is_empty());
    /// ```
    pub struct OpenMessageSuccess<'a> {
        /// HasNamedProperties.
        pub has_named_properties: Bool8,
        /// SubjectPrefix (PidTagSubjectPrefix).
        pub subject_prefix: TypedString<'a>,
        /// NormalizedSubject (PidTagNormalizedSubject).
        pub normalized_subject: TypedString<'a>,
        /// RecipientCount: the recipients of the message (RowCount may be
        /// fewer; RopReadRecipients reads the rest).
        pub recipient_count: u16,
        /// RecipientColumns, preceded by ColumnCount (2 bytes).
        pub recipient_columns: Array<'a, PropertyTag> = ctx(Count::Prefix(Width::U16)),
        /// RecipientRows, preceded by RowCount (1 byte).
        pub recipient_rows: OpenRecipientRows<'a>
            = ctx((Count::Prefix(Width::U8), Some(RowContext::rop(*recipient_columns)))),
    }
}

crate::wire_struct! {
    /// RopCreateMessage request (MS-OXCROPS 2.2.6.2.1; MS-OXCMSG 2.2.3.2.1).
    ///
    /// ```
    /// use mapi_wire::rop::CreateMessageRequest;
    /// use mapi_wire::wire::Decode;
    ///
    /// let bytes = [0, 0, 1, 0xFF, 0x0F, 1, 0, 0, 0, 0, 0, 0, 0x10, 0x01];
    /// let (r, _) = CreateMessageRequest::decode(&bytes).unwrap();
    /// assert!(r.associated_flag.get());
    /// ```
    #[derive(Copy)]
    pub struct CreateMessageRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: a folder or the logon.
        pub input_handle_index: u8,
        /// OutputHandleIndex: where the new message's handle goes.
        pub output_handle_index: u8,
        /// CodePageId: the code page of the message's 8-bit strings.
        pub code_page_id: u16,
        /// FolderId: the folder the message is created in.
        pub folder_id: FolderId,
        /// AssociatedFlag: create a folder-associated (FAI) message.
        pub associated_flag: Bool8,
    }
}

crate::wire_struct! {
    /// RopCreateMessage success response body (MS-OXCROPS 2.2.6.2.2).
    ///
    /// ```
    /// use mapi_wire::rop::CreateMessageSuccess;
    /// use mapi_wire::wire::Decode;
    ///
    /// assert_eq!(CreateMessageSuccess::decode(&[0x00]).unwrap().0.message_id, None);
    /// ```
    #[derive(Copy)]
    pub struct CreateMessageSuccess {
        /// HasMessageId.
        pub has_message_id: Bool8,
        /// MessageId of the new message, present when HasMessageId is
        /// not zero.
        pub message_id: Option<MessageId> = when(has_message_id.get()),
    }
}

crate::wire_struct! {
    /// RopSaveChangesMessage request (MS-OXCROPS 2.2.6.3.1; MS-OXCMSG
    /// 2.2.3.3.1). ResponseHandleIndex comes before InputHandleIndex, and
    /// the response echoes it.
    ///
    /// ```
    /// use mapi_wire::rop::{SaveChangesMessageRequest, SaveFlags};
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = SaveChangesMessageRequest::decode(&[0x00, 0x00, 0x01, 0x02]).unwrap();
    /// assert_eq!((r.response_handle_index, r.input_handle_index), (0, 1));
    /// assert!(r.save_flags.contains(SaveFlags::KEEP_OPEN_READ_WRITE));
    /// ```
    #[derive(Copy)]
    pub struct SaveChangesMessageRequest {
        /// LogonId.
        pub logon_id: u8,
        /// ResponseHandleIndex: the containing folder (or embedding
        /// message); echoed by the response.
        pub response_handle_index: u8,
        /// InputHandleIndex: the message.
        pub input_handle_index: u8,
        /// SaveFlags.
        pub save_flags: SaveFlags,
    }
}

crate::wire_struct! {
    /// RopSaveChangesMessage success response body (MS-OXCROPS 2.2.6.3.2).
    ///
    /// ```
    /// use mapi_wire::rop::SaveChangesMessageSuccess;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (b, _) = SaveChangesMessageSuccess::decode(&[0x01, 1, 0, 0, 0, 0, 0, 0, 0x20]).unwrap();
    /// assert_eq!(b.input_handle_index, 1);
    /// ```
    #[derive(Copy)]
    pub struct SaveChangesMessageSuccess {
        /// InputHandleIndex: echoes the request's.
        pub input_handle_index: u8,
        /// MessageId: the saved message.
        pub message_id: MessageId,
    }
}

crate::wire_struct! {
    /// RopRemoveAllRecipients request (MS-OXCROPS 2.2.6.4.1; MS-OXCMSG
    /// 2.2.3.4). Its response has no body whatever the ReturnValue.
    ///
    /// ```
    /// use mapi_wire::rop::RemoveAllRecipientsRequest;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = RemoveAllRecipientsRequest::decode(&[0, 2, 0, 0, 0, 0]).unwrap();
    /// assert_eq!((r.input_handle_index, r.reserved), (2, 0));
    /// ```
    #[derive(Copy)]
    pub struct RemoveAllRecipientsRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the message.
        pub input_handle_index: u8,
        /// Reserved: 0x00000000.
        pub reserved: u32,
    }
}

crate::wire_struct! {
    /// RopModifyRecipients request (MS-OXCROPS 2.2.6.5.1; MS-OXCMSG
    /// 2.2.3.5): adds, changes and removes recipients. Each row's
    /// RecipientProperties use the first RecipientColumnCount of the
    /// RecipientColumns before them; a row with RecipientRowSize 0 removes
    /// its recipient. Its response has no body whatever the ReturnValue.
    ///
    /// ```
    /// use mapi_wire::rop::ModifyRecipientsRequest;
    /// use mapi_wire::wire::Decode;
    ///
    /// // No column; one row: RowId 3, Primary, RecipientRowSize 0 (remove).
    /// let bytes = [0, 1, 0, 0, 1, 0, 3, 0, 0, 0, 1, 0, 0];
    /// let (r, _) = ModifyRecipientsRequest::decode(&bytes).unwrap();
    /// let row = r.recipient_rows.get(0).unwrap();
    /// assert_eq!(row.head.row_id, 3);
    /// assert!(!row.has_recipient_row());
    /// ```
    pub struct ModifyRecipientsRequest<'a> {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the message.
        pub input_handle_index: u8,
        /// RecipientColumns, preceded by ColumnCount (2 bytes).
        pub recipient_columns: Array<'a, PropertyTag> = ctx(Count::Prefix(Width::U16)),
        /// RecipientRows, preceded by RowCount (2 bytes).
        pub recipient_rows: ModifyRecipientRows<'a>
            = ctx((Count::Prefix(Width::U16), Some(RowContext::rop(*recipient_columns)))),
    }
}

crate::wire_struct! {
    /// RopReadRecipients request (MS-OXCROPS 2.2.6.6.1; MS-OXCMSG 2.2.3.6).
    ///
    /// ```
    /// use mapi_wire::rop::ReadRecipientsRequest;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = ReadRecipientsRequest::decode(&[0, 1, 5, 0, 0, 0, 0, 0]).unwrap();
    /// assert_eq!(r.row_id, 5);
    /// ```
    #[derive(Copy)]
    pub struct ReadRecipientsRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the message.
        pub input_handle_index: u8,
        /// RowId: the first recipient to read (0: from the first).
        pub row_id: u32,
        /// Reserved: 0x0000.
        pub reserved: u16,
    }
}

crate::wire_struct! {
    /// RopReadRecipients success response body (MS-OXCROPS 2.2.6.6.2).
    ///
    /// The rows do not carry their columns: they are the message's
    /// recipient columns, from the RecipientColumns of the RopOpenMessage,
    /// RopReloadCachedInformation or RopOpenEmbeddedMessage response that
    /// gave the message's handle ([`RopContext::recipient_columns`]; the
    /// response walker tracks them). MS-OXCMSG 3.1.5.6 has a client read
    /// the same recipients from either response, so they share the
    /// columns; a RopModifyRecipients request's columns are the client's
    /// and do not change them. Without the columns the rows are kept
    /// framed but unread (see [`RecipientRows`]).
    ///
    /// ```
    /// use mapi_wire::rop::{ReadRecipientsSuccess, RopContext};
    /// use mapi_wire::wire::Decode;
    ///
    /// // RowCount 1; RowId 0, Primary, code page 1252, a 5-byte row.
    /// let bytes = [1, 0, 0, 0, 0, 1, 0xE4, 0x04, 0, 0, 5, 0, 0, 0, 0, 0, 0];
    /// let (b, _) = ReadRecipientsSuccess::decode_with(&bytes, RopContext::default()).unwrap();
    /// assert_eq!(b.recipient_rows.get(0).unwrap().recipient_row_size(), 5);
    /// ```
    pub struct ReadRecipientsSuccess<'a> (cx: RopContext<'a>) {
        /// RecipientRows, preceded by RowCount (1 byte).
        pub recipient_rows: ReadRecipientRows<'a>
            = ctx((Count::Prefix(Width::U8), cx.recipient_rows())),
    }
}

crate::wire_struct! {
    /// RopReloadCachedInformation request (MS-OXCROPS 2.2.6.7.1; MS-OXCMSG
    /// 2.2.3.7). Its success body is an [`OpenMessageSuccess`].
    ///
    /// ```
    /// use mapi_wire::rop::ReloadCachedInformationRequest;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = ReloadCachedInformationRequest::decode(&[0, 1, 0, 0]).unwrap();
    /// assert_eq!(r.input_handle_index, 1);
    /// ```
    #[derive(Copy)]
    pub struct ReloadCachedInformationRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the message.
        pub input_handle_index: u8,
        /// Reserved: 0x0000.
        pub reserved: u16,
    }
}

crate::wire_struct! {
    /// RopSetMessageStatus request (MS-OXCROPS 2.2.6.8.1; MS-OXCMSG
    /// 2.2.3.8): changes the bits of MessageStatusMask in the message's
    /// PidTagMessageStatus to those of MessageStatusFlags.
    ///
    /// ```
    /// use mapi_wire::rop::{MessageStatusFlags, SetMessageStatusRequest};
    /// use mapi_wire::wire::Decode;
    ///
    /// let mut bytes = vec![0, 0, 1, 0, 0, 0, 0, 0, 0, 0x20];
    /// bytes.extend_from_slice(&[0, 0x10, 0, 0, 0, 0x30, 0, 0]);
    /// let (r, _) = SetMessageStatusRequest::decode(&bytes).unwrap();
    /// assert_eq!(r.message_status_flags, MessageStatusFlags::REMOTE_DOWNLOAD);
    /// ```
    #[derive(Copy)]
    pub struct SetMessageStatusRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the folder of the message.
        pub input_handle_index: u8,
        /// MessageId: the message.
        pub message_id: MessageId,
        /// MessageStatusFlags: the new values of the bits.
        pub message_status_flags: MessageStatusFlags,
        /// MessageStatusMask: which bits to change.
        pub message_status_mask: MessageStatusFlags,
    }
}

crate::wire_struct! {
    /// The success body of RopSetMessageStatus and RopGetMessageStatus
    /// (MS-OXCROPS 2.2.6.8.2, 2.2.6.9.2): the message's status (for
    /// RopSetMessageStatus, as it was before the change).
    ///
    /// ```
    /// use mapi_wire::rop::{MessageStatusBody, MessageStatusFlags};
    /// use mapi_wire::wire::Decode;
    ///
    /// let (b, _) = MessageStatusBody::decode(&[0x00, 0x20, 0x00, 0x00]).unwrap();
    /// assert_eq!(b.message_status_flags, MessageStatusFlags::REMOTE_DELETE);
    /// ```
    #[derive(Copy)]
    pub struct MessageStatusBody {
        /// MessageStatusFlags.
        pub message_status_flags: MessageStatusFlags,
    }
}

crate::wire_struct! {
    /// RopGetMessageStatus request (MS-OXCROPS 2.2.6.9.1; MS-OXCMSG
    /// 2.2.3.9).
    ///
    /// ```
    /// use mapi_wire::rop::GetMessageStatusRequest;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = GetMessageStatusRequest::decode(&[0, 0, 1, 0, 0, 0, 0, 0, 0, 0x20]).unwrap();
    /// assert_eq!(r.message_id.replica_id().0, 1);
    /// ```
    #[derive(Copy)]
    pub struct GetMessageStatusRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the folder of the message.
        pub input_handle_index: u8,
        /// MessageId: the message.
        pub message_id: MessageId,
    }
}

crate::wire_struct! {
    /// RopSetReadFlags request (MS-OXCROPS 2.2.6.10.1; MS-OXCMSG
    /// 2.2.3.10.1): changes the read state of messages of a folder. It may
    /// run asynchronously and be answered by RopProgress.
    ///
    /// ```
    /// use mapi_wire::rop::{ReadFlags, SetReadFlagsRequest};
    /// use mapi_wire::wire::Decode;
    ///
    /// let bytes = [0, 0, 0, 0x01, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0x20];
    /// let (r, _) = SetReadFlagsRequest::decode(&bytes).unwrap();
    /// assert_eq!(r.read_flags, ReadFlags::SUPPRESS_RECEIPT);
    /// assert_eq!(r.message_ids.len(), 1);
    /// ```
    #[derive(Copy)]
    pub struct SetReadFlagsRequest<'a> {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the folder.
        pub input_handle_index: u8,
        /// WantAsynchronous.
        pub want_asynchronous: Bool8,
        /// ReadFlags.
        pub read_flags: ReadFlags,
        /// MessageIds, preceded by MessageIdCount (2 bytes).
        pub message_ids: Array<'a, MessageId> = ctx(Count::Prefix(Width::U16)),
    }
}

crate::wire_struct! {
    /// RopSetReadFlags response body (MS-OXCROPS 2.2.6.10.2), present
    /// whatever the ReturnValue.
    ///
    /// ```
    /// use mapi_wire::rop::SetReadFlagsBody;
    /// use mapi_wire::wire::Decode;
    ///
    /// assert!(SetReadFlagsBody::decode(&[0x01]).unwrap().0.partial_completion.get());
    /// ```
    #[derive(Copy)]
    pub struct SetReadFlagsBody {
        /// PartialCompletion: some messages could not be changed.
        pub partial_completion: Bool8,
    }
}

crate::wire_struct! {
    /// RopSetMessageReadFlag request (MS-OXCROPS 2.2.6.11.1; MS-OXCMSG
    /// 2.2.3.11.1): changes the read state of one message.
    ///
    /// ClientData, a LongTermID of the message, is present only on a
    /// public-folders logon (the Private flag of its RopLogon unset), so
    /// the layout depends on [`RopFacts::logon`]. When the logon kind is
    /// unknown the request is read, and must be written, as a private
    /// mailbox one, without ClientData: private logons are the usual case
    /// (Outlook's mailbox), and either guess misreads the rest of the
    /// buffer when wrong; a caller that knows the logon says so.
    ///
    /// ```
    /// use mapi_wire::rop::{LogonKind, RopFacts, SetMessageReadFlagRequest};
    /// use mapi_wire::wire::Decode;
    ///
    /// let private = [0x00, 0x00, 0x01, 0x01];
    /// let (r, _) = SetMessageReadFlagRequest::decode_with(&private, RopFacts::default()).unwrap();
    /// assert!(r.client_data.is_none());
    ///
    /// let mut public = private.to_vec();
    /// public.extend_from_slice(&[0x11; 24]);
    /// let facts = RopFacts { logon: Some(LogonKind::Public), ..RopFacts::default() };
    /// let (r, rest) = SetMessageReadFlagRequest::decode_with(&public, facts).unwrap();
    /// assert!(r.client_data.is_some() && rest.is_empty());
    /// ```
    #[derive(Copy)]
    pub struct SetMessageReadFlagRequest (cx: RopFacts) {
        /// LogonId.
        pub logon_id: u8,
        /// ResponseHandleIndex: echoed by the response.
        pub response_handle_index: u8,
        /// InputHandleIndex: the message.
        pub input_handle_index: u8,
        /// ReadFlags.
        pub read_flags: ReadFlags,
        /// ClientData: public-folders logons only.
        pub client_data: Option<LongTermId> = when(cx.logon == Some(LogonKind::Public)),
    }
}

crate::wire_struct! {
    /// RopSetMessageReadFlag success response body (MS-OXCROPS
    /// 2.2.6.11.2). When the read state of a public folder's message
    /// changed, LogonId and the request's ClientData follow.
    ///
    /// ```
    /// use mapi_wire::rop::SetMessageReadFlagSuccess;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (b, _) = SetMessageReadFlagSuccess::decode(&[0x00]).unwrap();
    /// assert_eq!((b.logon_id, b.client_data), (None, None));
    /// ```
    #[derive(Copy)]
    pub struct SetMessageReadFlagSuccess {
        /// ReadStatusChanged.
        pub read_status_changed: Bool8,
        /// LogonId, present when ReadStatusChanged is not zero.
        pub logon_id: Option<u8> = when(read_status_changed.get()),
        /// ClientData, present when ReadStatusChanged is not zero.
        pub client_data: Option<LongTermId> = when(read_status_changed.get()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{PropertyTag, RecipientFlags};

    const TAGS: [PropertyTag; 2] = [PropertyTag(0x0C15_0003), PropertyTag(0x3001_001F)];

    /// A RecipientRow: NoType with D ("A", 8-bit), `n` columns, standard
    /// row with PidTagRecipientType = 1 and, for two columns, "B".
    fn recipient_row(n: u16) -> Vec<u8> {
        let mut v = vec![0x10, 0x00, b'A', 0x00];
        v.extend_from_slice(&n.to_le_bytes());
        v.push(0x00);
        if n >= 1 {
            v.extend_from_slice(&[1, 0, 0, 0]);
        }
        if n >= 2 {
            v.extend_from_slice(&[b'B', 0, 0, 0]);
        }
        v
    }

    fn framed(head: &[u8], row: &[u8]) -> Vec<u8> {
        let mut v = head.to_vec();
        v.extend_from_slice(&(row.len() as u16).to_le_bytes());
        v.extend_from_slice(row);
        v
    }

    #[test]
    fn rows_read_against_a_prefix_of_the_columns() {
        let cx = RowContext::rop(Array::from_slice(&TAGS));
        let mut bytes = vec![2u8];
        let first = recipient_row(1);
        bytes.extend(framed(&[1, 0xE4, 4, 0, 0], &first));
        bytes.extend(framed(&[2, 0xE4, 4, 0, 0], &recipient_row(2)));
        let count = (Count::Prefix(Width::U8), Some(cx));
        let (rows, rest) = OpenRecipientRows::decode_with(&bytes, count).unwrap();
        assert!(rest.is_empty());
        assert_eq!(rows.len(), 2);
        let second = rows.get(1).unwrap();
        assert_eq!(
            second.head.recipient_type.recipient_class(),
            RecipientClass::CC
        );
        let h = second.header().unwrap();
        assert_eq!(h.recipient_column_count.0, 2);
        assert!(h.recipient_flags.contains(RecipientFlags::D));
        let row = second.recipient_row().unwrap();
        assert_eq!(row.recipient_properties.len(), 2);
        assert_eq!(
            row.recipient_properties
                .value(1)
                .and_then(|v| v.as_utf16())
                .map(|s| s.to_string()),
            Some("B".to_string())
        );
        assert_eq!(
            rows.get(0)
                .unwrap()
                .recipient_row()
                .unwrap()
                .recipient_properties
                .len(),
            1
        );
        assert_eq!(rows.to_vec_with(count).unwrap(), bytes);
        assert_eq!(rows.encoded_len_with(count), bytes.len());
        // Built from a slice, the same rows encode to the same bytes.
        let built = [
            OpenRecipientRow::new(rows.get(0).unwrap().head, &first),
            rows.get(1).unwrap(),
        ];
        let b = OpenRecipientRows::from_slice(&built);
        assert_eq!(b, rows);
        assert_eq!(b.to_vec_with(count).unwrap(), bytes);
        assert_eq!(b.encoded_len_with(count), bytes.len());
    }

    #[test]
    fn a_row_must_fill_its_size() {
        let cx = RowContext::rop(Array::from_slice(&TAGS));
        let mut row = recipient_row(1);
        row.push(0xEE); // one byte too many inside RecipientRowSize
        let mut bytes = vec![1u8];
        bytes.extend(framed(&[1, 0xE4, 4, 0, 0], &row));
        let e = OpenRecipientRows::decode_with(&bytes, (Count::Prefix(Width::U8), Some(cx)))
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::trailing(1));
        assert_eq!(e.offset(), bytes.len() - 1);
        assert_eq!(e.path().to_string(), "RecipientRows[0].RecipientRow");
        // Without columns the frame alone is checked.
        assert!(OpenRecipientRows::decode_with(&bytes, (Count::Prefix(Width::U8), None)).is_ok());
    }

    #[test]
    fn sizes_and_counts_are_checked_before_use() {
        // RowCount 200 with 10 bytes left: each row needs at least 11.
        let mut bytes = vec![200u8];
        bytes.extend_from_slice(&[0; 10]);
        let e =
            ReadRecipientRows::decode_with(&bytes, (Count::Prefix(Width::U8), None)).unwrap_err();
        assert!(matches!(
            e.kind(),
            ErrorKind::CountTooLarge { count: 200, .. }
        ));
        // A RecipientRowSize past the end.
        let bytes = [1, 1, 0, 0, 0, 1, 0xFF, 0xFF, 0, 0];
        let e =
            ModifyRecipientRows::decode_with(&bytes, (Count::Prefix(Width::U8), None)).unwrap_err();
        assert_eq!(e.offset(), 8);
        assert!(matches!(
            e.kind(),
            ErrorKind::Truncated {
                needed: 0xFFFF,
                remaining: 2
            }
        ));
    }

    #[test]
    fn only_modify_rows_may_be_empty() {
        let cx = Some(RowContext::rop(Array::from_slice(&TAGS)));
        let modify = [1, 7, 0, 0, 0, 1, 0, 0];
        let (rows, _) =
            ModifyRecipientRows::decode_with(&modify, (Count::Prefix(Width::U8), cx)).unwrap();
        let row = rows.get(0).unwrap();
        assert!(!row.has_recipient_row() && row.header().is_none());
        assert!(row.with_properties(|_, _| ()).is_none());
        let open = [1, 1, 0xE4, 4, 0, 0, 0, 0];
        assert!(OpenRecipientRows::decode_with(&open, (Count::Prefix(Width::U8), cx)).is_err());
    }

    #[test]
    fn oversized_rows_are_unencodable() {
        let big = vec![0u8; 0x1_0000];
        let head = ModifyRecipientRowHead {
            row_id: 0,
            recipient_type: RecipientType::empty(),
        };
        let rows = [ModifyRecipientRow::new(head, &big)];
        let e = ModifyRecipientRows::from_slice(&rows)
            .to_vec_with((Count::Prefix(Width::U16), None))
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Unencodable { value: 0x1_0000 });
        assert_eq!(e.path().to_string(), "[0].RecipientRowSize");
    }
}
