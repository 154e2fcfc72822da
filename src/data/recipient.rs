//! RecipientRow (MS-OXCDATA 2.8.3): one recipient of a message, as carried
//! by RopOpenMessage, RopOpenEmbeddedMessage, RopReadRecipients and
//! RopModifyRecipients.
//!
//! A RecipientRow is a RecipientFlags field, the standard fields that the
//! flags select, RecipientColumnCount, and a PropertyRow over the first
//! RecipientColumnCount of the recipient columns (which the enclosing ROP
//! carries or established earlier). Everything up to RecipientColumnCount
//! is [`RecipientRowHeader`], which needs no allocator; `RecipientRow`
//! (feature `alloc`) adds the decoded `PropertyRow`; and
//! [`skip_recipient_row`] finds the end of a row without allocating.

#[cfg(feature = "alloc")]
use super::row::PropertyRow;
use super::row::{RowContext, skip_row};
use super::string::{NulString, String8};
use crate::wire::{Bytes, Decode, Encode, Error, ErrorKind, Reader, ResultExt, Sink, Width};

crate::wire_flags! {
    /// RecipientFlags (MS-OXCDATA 2.8.3.1): which standard fields a
    /// RecipientRow carries, and the 3-bit address Type
    /// ([`RecipientFlags::address_type`]).
    ///
    /// The specification draws the field byte by byte, most significant
    /// bit first: the first byte on the wire is `R S T D E Type(3)`, the
    /// second `O Reserved(4) I U N`. As a little-endian `u16` that gives the
    /// masks it lists, which are the values used here: Type 0x0007, E
    /// 0x0008, D 0x0010, T 0x0020, S 0x0040, R 0x0080, N 0x0100, U 0x0200,
    /// I 0x0400, Reserved 0x7800, O 0x8000. (The same masks are used by
    /// gromox and MAPI Inspector.) Reserved bits are kept, not rejected.
    ///
    /// ```
    /// use mapi_wire::data::{RecipientAddressType, RecipientFlags};
    /// use mapi_wire::wire::Decode;
    ///
    /// // Bytes 5B 06: SMTP, with E, D, S, U and I set.
    /// let (f, _) = RecipientFlags::decode(&[0x5B, 0x06]).unwrap();
    /// assert_eq!(f.address_type(), RecipientAddressType::Smtp);
    /// assert!(f.contains(RecipientFlags::E | RecipientFlags::D | RecipientFlags::I));
    /// assert!(f.contains(RecipientFlags::S) && f.is_unicode());
    /// assert!(!f.contains(RecipientFlags::T));
    /// ```
    pub struct RecipientFlags: u16 {
        /// R (0x0080): a different transport is responsible for delivery
        /// to this recipient.
        const R = 0x0080;
        /// S (0x0040): TransmittableDisplayName has the same value as
        /// DisplayName.
        const S = 0x0040;
        /// T (0x0020): the TransmittableDisplayName field is included.
        const T = 0x0020;
        /// D (0x0010): the DisplayName field is included.
        const D = 0x0010;
        /// E (0x0008): the EmailAddress field is included.
        const E = 0x0008;
        /// O (0x8000): a non-standard address type; with Type NoType the
        /// AddressType field is included.
        const O = 0x8000;
        /// I (0x0400): the SimpleDisplayName field is included.
        const I = 0x0400;
        /// U (0x0200): the strings selected by E, D, I and T are UTF-16LE;
        /// otherwise 8-bit in the connection's code page.
        const U = 0x0200;
        /// N (0x0100): the recipient does not support rich text.
        const N = 0x0100;
    }
}

impl RecipientFlags {
    /// The bits of the 3-bit Type field (MS-OXCDATA 2.8.3.1).
    pub const TYPE_MASK: u16 = 0x0007;

    /// The Reserved bits, which a server sets to zero (MS-OXCDATA 2.8.3.1).
    pub const RESERVED_MASK: u16 = 0x7800;

    /// The Type field (MS-OXCDATA 2.8.3.1): the kind of address.
    ///
    /// ```
    /// use mapi_wire::data::{RecipientAddressType, RecipientFlags};
    ///
    /// let f = RecipientFlags::from_bits_retain(0x0011);
    /// assert_eq!(f.address_type(), RecipientAddressType::X500Dn);
    /// ```
    pub const fn address_type(self) -> RecipientAddressType {
        RecipientAddressType::from_bits(self.bits())
    }

    /// The same flags with the Type field set to `ty`.
    ///
    /// ```
    /// use mapi_wire::data::{RecipientAddressType, RecipientFlags};
    ///
    /// let f = RecipientFlags::D.with_address_type(RecipientAddressType::Smtp);
    /// assert_eq!(f.bits(), 0x0013);
    /// ```
    #[must_use]
    pub const fn with_address_type(self, ty: RecipientAddressType) -> Self {
        Self::from_bits_retain((self.bits() & !Self::TYPE_MASK) | ty as u16)
    }

    /// True when the U flag is set: the strings selected by E, D, I and T
    /// are UTF-16LE (MS-OXCDATA 2.8.3.1).
    ///
    /// ```
    /// use mapi_wire::data::RecipientFlags;
    ///
    /// assert!(RecipientFlags::U.is_unicode());
    /// assert!(!RecipientFlags::D.is_unicode());
    /// ```
    pub const fn is_unicode(self) -> bool {
        self.bits() & Self::U.bits() != 0
    }
}

/// The Type field of [`RecipientFlags`] (MS-OXCDATA 2.8.3.1): the kind of
/// the recipient's address. Every 3-bit value is one of these.
///
/// This is not the AddressType *string* of a RecipientRow, which names a
/// non-standard address type when Type is [`NoType`](Self::NoType).
///
/// ```
/// use mapi_wire::data::RecipientAddressType;
///
/// assert_eq!(RecipientAddressType::from_bits(0x0006), RecipientAddressType::PersonalDistributionList1);
/// assert!(RecipientAddressType::PersonalDistributionList2.is_personal_distribution_list());
/// assert_eq!(RecipientAddressType::Smtp as u16, 3);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[repr(u16)]
pub enum RecipientAddressType {
    /// NoType (0x0).
    NoType = 0,
    /// X500DN (0x1).
    X500Dn = 1,
    /// MsMail (0x2).
    MsMail = 2,
    /// SMTP (0x3).
    Smtp = 3,
    /// Fax (0x4).
    Fax = 4,
    /// ProfessionalOfficeSystem (0x5).
    ProfessionalOfficeSystem = 5,
    /// PersonalDistributionList1 (0x6).
    PersonalDistributionList1 = 6,
    /// PersonalDistributionList2 (0x7).
    PersonalDistributionList2 = 7,
}

impl RecipientAddressType {
    /// The type in the low three bits of `bits`; other bits are ignored.
    pub const fn from_bits(bits: u16) -> Self {
        match bits & RecipientFlags::TYPE_MASK {
            0 => Self::NoType,
            1 => Self::X500Dn,
            2 => Self::MsMail,
            3 => Self::Smtp,
            4 => Self::Fax,
            5 => Self::ProfessionalOfficeSystem,
            6 => Self::PersonalDistributionList1,
            _ => Self::PersonalDistributionList2,
        }
    }

    /// True for PersonalDistributionList1 and PersonalDistributionList2,
    /// the types whose rows carry EntryID and SearchKey (MS-OXCDATA 2.8.3.2).
    pub const fn is_personal_distribution_list(self) -> bool {
        matches!(
            self,
            Self::PersonalDistributionList1 | Self::PersonalDistributionList2
        )
    }
}

crate::wire_enum! {
    /// DisplayType of an X500DN RecipientRow (MS-OXCDATA 2.8.3.2): how the
    /// address is shown. One byte; unknown values are kept.
    ///
    /// ```
    /// use mapi_wire::data::DisplayType;
    ///
    /// assert_eq!(DisplayType(0x01), DisplayType::DISTLIST);
    /// assert_eq!(DisplayType::MAILUSER.name(), Some("DT_MAILUSER"));
    /// ```
    pub struct DisplayType(u8) {
        /// A messaging user.
        MAILUSER = 0x00 => "DT_MAILUSER",
        /// A distribution list.
        DISTLIST = 0x01 => "DT_DISTLIST",
        /// A forum, such as a bulletin board or a public or shared folder.
        FORUM = 0x02 => "DT_FORUM",
        /// An automated agent.
        AGENT = 0x03 => "DT_AGENT",
        /// An address book object for a large group (helpdesk, department…).
        ORGANIZATION = 0x04 => "DT_ORGANIZATION",
        /// A private, personally administered distribution list.
        PRIVATE_DISTLIST = 0x05 => "DT_PRIVATE_DISTLIST",
        /// A messaging user from a remote messaging system (0x06 is in the
        /// valid range that Microsoft's protocol test suite checks).
        REMOTE_MAILUSER = 0x06 => "DT_REMOTE_MAILUSER",
    }
}

/// One of the strings of a RecipientRow selected by the E, D, I and T flags
/// (MS-OXCDATA 2.8.3.2): NUL-terminated UTF-16LE when the U flag is set,
/// NUL-terminated 8-bit otherwise. See [`NulString`].
pub type RecipientString<'a> = NulString<'a>;

/// RecipientColumnCount (MS-OXCDATA 2.8.3.2): how many of the recipient
/// columns, from the first, RecipientProperties holds.
///
/// Its context is the number of recipient columns (the ColumnCount of
/// RopOpenMessage, RopOpenEmbeddedMessage or RopModifyRecipients). A
/// larger count fails to decode ([`ErrorKind::InvalidValue`]) and to
/// encode ([`ErrorKind::Unencodable`]), as in gromox and MAPI Inspector.
///
/// ```
/// use mapi_wire::data::RecipientColumnCount;
/// use mapi_wire::wire::Decode;
///
/// let (n, _) = RecipientColumnCount::decode_with(&[0x02, 0x00], 3).unwrap();
/// assert_eq!(n, RecipientColumnCount(2));
/// assert!(RecipientColumnCount::decode_with(&[0x04, 0x00], 3).is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct RecipientColumnCount(pub u16);

impl<'a> Decode<'a> for RecipientColumnCount {
    type Ctx = usize;
    const NAME: &'static str = "RecipientColumnCount";
    const MIN_LEN: usize = 2;

    #[inline]
    fn decode_from(r: &mut Reader<'a>, columns: usize) -> Result<Self, Error> {
        let n = r.u16()?;
        if usize::from(n) > columns {
            return Err(r.invalid(u64::from(n), 2));
        }
        Ok(RecipientColumnCount(n))
    }
}

impl Encode for RecipientColumnCount {
    type Ctx = usize;

    #[inline]
    fn encoded_len_with(&self, _: usize) -> usize {
        2
    }

    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, columns: usize) -> Result<(), Error> {
        if usize::from(self.0) > columns {
            return Err(Error::new(
                ErrorKind::Unencodable {
                    value: u64::from(self.0),
                },
                s.position(),
            ));
        }
        s.put_u16(self.0)
    }
}

use RecipientAddressType as Type;

crate::wire_struct! {
    /// Everything of a RecipientRow (MS-OXCDATA 2.8.3.2) before
    /// RecipientProperties: RecipientFlags, the standard fields the flags
    /// select, and RecipientColumnCount. It needs no allocator; with
    /// [`properties_context`](Self::properties_context) and
    /// [`RowCells`](crate::data::RowCells) it walks a whole row.
    ///
    /// Its context is the number of recipient columns. Each optional field
    /// is `Some` exactly when the flags call for it, and encoding checks
    /// that (otherwise [`ErrorKind::Unencodable`]).
    ///
    /// | Field | Present when |
    /// |---|---|
    /// | AddressPrefixUsed, DisplayType, X500DN | Type = X500DN |
    /// | EntryIdSize + EntryID, SearchKeySize + SearchKey | Type = PersonalDistributionList1 or 2 |
    /// | AddressType | Type = NoType and O |
    /// | EmailAddress / DisplayName / SimpleDisplayName / TransmittableDisplayName | E / D / I / T |
    ///
    /// With O set and another Type, AddressType is absent (2.8.3.2 allows
    /// it only with NoType); such rows are accepted as they are.
    ///
    /// ```
    /// use mapi_wire::data::{PropertyTag, RecipientRowHeader, RowCells, RowContext};
    /// use mapi_wire::wire::{Array, Decode, Reader};
    ///
    /// // SMTP, E and D, 8-bit strings; one of two columns; a standard row.
    /// let bytes = b"\x1B\x00a@b.example\x00A\x00\x01\x00\x00\x01\x00\x00\x00";
    /// let tags = [PropertyTag(0x0C15_0003), PropertyTag(0x3001_001F)];
    /// let cx = RowContext::rop(Array::from_slice(&tags));
    ///
    /// let mut r = Reader::new(bytes);
    /// let header = RecipientRowHeader::decode_from(&mut r, cx.columns.len()).unwrap();
    /// assert_eq!(header.email_address.unwrap().to_string(), "a@b.example");
    /// assert_eq!(header.display_name.unwrap().to_string(), "A");
    /// let props = header.properties_context(cx).unwrap();
    /// let cells: Vec<_> = RowCells::new(&mut r, props).unwrap().map(|c| c.unwrap()).collect();
    /// assert_eq!(cells[0].value().and_then(|v| v.as_i32()), Some(1));
    /// assert!(r.is_empty());
    /// ```
    #[derive(Copy)]
    pub struct RecipientRowHeader<'a> (columns: usize) {
        /// RecipientFlags.
        pub recipient_flags: RecipientFlags,
        /// AddressPrefixUsed: how much of the MetaTagDnPrefix address
        /// prefix (MS-OXCFXICS) this X500 DN uses.
        pub address_prefix_used: Option<u8>
            = when(recipient_flags.address_type() == Type::X500Dn),
        /// DisplayType.
        pub display_type: Option<DisplayType>
            = when(recipient_flags.address_type() == Type::X500Dn),
        /// X500DN: a NUL-terminated ASCII string, 8-bit whatever U says
        /// (as gromox and MAPI Inspector read it).
        pub x500dn: Option<String8<'a>>
            = when(recipient_flags.address_type() == Type::X500Dn),
        /// EntryID, preceded by EntryIdSize (2 bytes).
        pub entry_id: Option<Bytes<'a>>
            = when(recipient_flags.address_type().is_personal_distribution_list())
              ctx(Width::U16),
        /// SearchKey, preceded by SearchKeySize (2 bytes).
        pub search_key: Option<Bytes<'a>>
            = when(recipient_flags.address_type().is_personal_distribution_list())
              ctx(Width::U16),
        /// AddressType: the name of a non-standard address type. Read as
        /// 8-bit whatever U says, as gromox and MAPI Inspector do; the U
        /// flag's wording in 2.8.3.1 ("the associated string properties")
        /// does not settle it.
        pub address_type: Option<String8<'a>>
            = when(recipient_flags.address_type() == Type::NoType
                && recipient_flags.contains(RecipientFlags::O)),
        /// EmailAddress.
        pub email_address: Option<RecipientString<'a>>
            = when(recipient_flags.contains(RecipientFlags::E))
              ctx(recipient_flags.is_unicode()),
        /// DisplayName.
        pub display_name: Option<RecipientString<'a>>
            = when(recipient_flags.contains(RecipientFlags::D))
              ctx(recipient_flags.is_unicode()),
        /// SimpleDisplayName.
        pub simple_display_name: Option<RecipientString<'a>>
            = when(recipient_flags.contains(RecipientFlags::I))
              ctx(recipient_flags.is_unicode()),
        /// TransmittableDisplayName.
        pub transmittable_display_name: Option<RecipientString<'a>>
            = when(recipient_flags.contains(RecipientFlags::T))
              ctx(recipient_flags.is_unicode()),
        /// RecipientColumnCount.
        // Two readings: MS-OXCDATA 2.8.3.2 has RecipientProperties carry the
        // first RecipientColumnCount of the RecipientColumns, which is
        // followed here; OfficeDev/Interop-TestSuites (ExchangeMapiClient,
        // RopOpenMessage.cs RecipientRow) reads a value for every
        // RecipientColumn whatever this count. The bytes differ only when
        // the count is smaller than the column count.
        pub recipient_column_count: RecipientColumnCount = ctx(columns),
    }
}

impl RecipientRowHeader<'_> {
    /// The context of the RecipientProperties row that follows: `cx`
    /// restricted to its first RecipientColumnCount columns (MS-OXCDATA
    /// 2.8.3.2), or `None` if `cx` has fewer columns than that (a header
    /// decoded against `cx.columns.len()` never does).
    pub fn properties_context<'c>(&self, cx: RowContext<'c>) -> Option<RowContext<'c>> {
        cx.prefix(usize::from(self.recipient_column_count.0))
    }
}

#[cfg(feature = "alloc")]
crate::wire_struct! {
    /// A RecipientRow (MS-OXCDATA 2.8.3.2): the [`RecipientRowHeader`]
    /// (RecipientFlags, the standard fields, RecipientColumnCount), then
    /// RecipientProperties, a [`PropertyRow`] over the first
    /// RecipientColumnCount recipient columns.
    ///
    /// Its context is the recipient columns: the RecipientColumns of
    /// RopOpenMessage / RopOpenEmbeddedMessage (also used for the rows of
    /// a later RopReadRecipients), or of the RopModifyRecipients request.
    /// Serde shows the header's fields at the top level, as in the
    /// specification's table.
    ///
    /// ```
    /// use mapi_wire::data::{DisplayType, PropertyTag, RecipientRow, RowContext};
    /// use mapi_wire::wire::{Array, Decode, Encode};
    ///
    /// // X500DN with D, 8-bit strings; RecipientProperties holds the first
    /// // of two columns (PidTagRecipientType = 1).
    /// let mut bytes = vec![0x11, 0x00, 0x00, 0x00];
    /// bytes.extend_from_slice(b"/o=Contoso/cn=Recipients/cn=a\0A\0");
    /// bytes.extend_from_slice(&[0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00]);
    /// let tags = [PropertyTag(0x0C15_0003), PropertyTag(0x3001_001F)];
    /// let cx = RowContext::rop(Array::from_slice(&tags));
    ///
    /// let (row, rest) = RecipientRow::decode_with(&bytes, cx).unwrap();
    /// assert!(rest.is_empty());
    /// assert_eq!(row.header.display_type, Some(DisplayType::MAILUSER));
    /// assert_eq!(row.header.x500dn.unwrap().as_bytes(), b"/o=Contoso/cn=Recipients/cn=a");
    /// assert_eq!(row.recipient_properties.value(0).and_then(|v| v.as_i32()), Some(1));
    /// assert_eq!(row.to_vec_with(cx).unwrap(), bytes);
    /// ```
    pub struct RecipientRow<'a> (cx: RowContext<'a>) {
        /// RecipientFlags through RecipientColumnCount.
        #[cfg_attr(feature = "serde", serde(flatten))]
        pub header: RecipientRowHeader<'a> = ctx(cx.columns.len()),
        /// RecipientProperties. (The header has already checked, on decode
        /// and on encode, that RecipientColumnCount fits the columns.)
        pub recipient_properties: PropertyRow<'a>
            = ctx(header.properties_context(cx).unwrap_or(cx)),
    }
}

/// Skips one RecipientRow (MS-OXCDATA 2.8.3.2) without allocating,
/// checking it as decoding a `RecipientRow` would. `cx` holds the
/// recipient columns.
///
/// ```
/// use mapi_wire::data::{PropertyTag, RowContext, skip_recipient_row};
/// use mapi_wire::wire::{Array, Reader};
///
/// // Two rows: NoType with D ("A"), no columns; then the same with U ("B").
/// let bytes = [
///     0x10, 0x00, 0x41, 0x00, 0x00, 0x00, 0x00,
///     0x10, 0x02, 0x42, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
/// ];
/// let tags = [PropertyTag(0x0C15_0003)];
/// let cx = RowContext::rop(Array::from_slice(&tags));
/// let mut r = Reader::new(&bytes);
/// skip_recipient_row(&mut r, cx).unwrap();
/// assert_eq!(r.offset(), 7);
/// skip_recipient_row(&mut r, cx).unwrap();
/// assert!(r.is_empty());
/// ```
pub fn skip_recipient_row(r: &mut Reader<'_>, cx: RowContext<'_>) -> Result<(), Error> {
    let header = RecipientRowHeader::decode_from(r, cx.columns.len()).in_field("header")?;
    // Decoding the header checked RecipientColumnCount against the columns.
    let props = header
        .properties_context(cx)
        .ok_or_else(|| r.invalid(u64::from(header.recipient_column_count.0), 0))
        .in_field("recipient_column_count")
        .in_field("header")?;
    skip_row(r, props).in_field("recipient_properties")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::PropertyTag;
    use crate::data::Utf16Str;
    use crate::wire::Array;

    /// The masks of 2.8.3.1, and the byte each flag lands in on the wire:
    /// the diagram's first byte is `R S T D E Type`, its second
    /// `O Reserved I U N`, each drawn most significant bit first.
    #[test]
    fn bit_layout_matches_the_diagram() {
        let wire = |f: RecipientFlags| f.bits().to_le_bytes();
        assert_eq!(wire(RecipientFlags::R), [0x80, 0x00]);
        assert_eq!(wire(RecipientFlags::S), [0x40, 0x00]);
        assert_eq!(wire(RecipientFlags::T), [0x20, 0x00]);
        assert_eq!(wire(RecipientFlags::D), [0x10, 0x00]);
        assert_eq!(wire(RecipientFlags::E), [0x08, 0x00]);
        assert_eq!(RecipientFlags::TYPE_MASK.to_le_bytes(), [0x07, 0x00]);
        assert_eq!(wire(RecipientFlags::O), [0x00, 0x80]);
        assert_eq!(RecipientFlags::RESERVED_MASK.to_le_bytes(), [0x00, 0x78]);
        assert_eq!(wire(RecipientFlags::I), [0x00, 0x04]);
        assert_eq!(wire(RecipientFlags::U), [0x00, 0x02]);
        assert_eq!(wire(RecipientFlags::N), [0x00, 0x01]);
        // The flags, Type and Reserved cover the 16 bits exactly once.
        let all = RecipientFlags::all().bits() | RecipientFlags::TYPE_MASK;
        assert_eq!(
            all & RecipientFlags::RESERVED_MASK,
            RecipientFlags::RESERVED_MASK
        );
        let named = [
            RecipientFlags::R,
            RecipientFlags::S,
            RecipientFlags::T,
            RecipientFlags::D,
            RecipientFlags::E,
            RecipientFlags::O,
            RecipientFlags::I,
            RecipientFlags::U,
            RecipientFlags::N,
        ];
        let mut seen = RecipientFlags::TYPE_MASK | RecipientFlags::RESERVED_MASK;
        for f in named {
            assert_eq!(seen & f.bits(), 0, "{f:?} overlaps");
            seen |= f.bits();
        }
        assert_eq!(seen, 0xFFFF);
    }

    #[test]
    fn address_type_field() {
        for v in 0u16..8 {
            let t = RecipientAddressType::from_bits(v);
            assert_eq!(t as u16, v);
            let f = RecipientFlags::from_bits_retain(0xFFF8).with_address_type(t);
            assert_eq!(f.bits(), 0xFFF8 | v);
            assert_eq!(f.address_type(), t);
        }
        assert!(!RecipientAddressType::Smtp.is_personal_distribution_list());
    }

    /// Which fields a header with Type `ty` and flags `flags` carries, each
    /// string one byte long plus terminator, EntryID and SearchKey empty.
    fn minimal_header(ty: RecipientAddressType, flags: u16) -> Vec<u8> {
        let f = RecipientFlags::from_bits_retain(flags).with_address_type(ty);
        let mut v = Vec::from(f.bits().to_le_bytes());
        if ty == RecipientAddressType::X500Dn {
            v.extend_from_slice(&[0x00, 0x00, b'x', 0]);
        }
        if ty.is_personal_distribution_list() {
            v.extend_from_slice(&[0, 0, 0, 0]);
        }
        if ty == RecipientAddressType::NoType && f.contains(RecipientFlags::O) {
            v.extend_from_slice(b"a\0");
        }
        for flag in [
            RecipientFlags::E,
            RecipientFlags::D,
            RecipientFlags::I,
            RecipientFlags::T,
        ] {
            if f.contains(flag) {
                if f.is_unicode() {
                    v.extend_from_slice(&[b's', 0, 0, 0]);
                } else {
                    v.extend_from_slice(b"s\0");
                }
            }
        }
        v.extend_from_slice(&[0, 0]);
        v
    }

    #[test]
    fn presence_follows_the_table() {
        for t in 0..8 {
            let ty = RecipientAddressType::from_bits(t);
            for flags in [0x0000, 0x8000, 0x8638, 0x0438, 0x063F, 0x7800] {
                let bytes = minimal_header(ty, flags);
                let h = RecipientRowHeader::decode_exact(&bytes, 0)
                    .unwrap_or_else(|e| panic!("{ty:?} {flags:#06x}: {e}"));
                let f = h.recipient_flags;
                let x500 = ty == RecipientAddressType::X500Dn;
                assert_eq!(h.address_prefix_used.is_some(), x500);
                assert_eq!(h.display_type.is_some(), x500);
                assert_eq!(h.x500dn.is_some(), x500);
                let pdl = ty.is_personal_distribution_list();
                assert_eq!(h.entry_id.is_some(), pdl);
                assert_eq!(h.search_key.is_some(), pdl);
                let other = ty == RecipientAddressType::NoType && f.contains(RecipientFlags::O);
                assert_eq!(h.address_type.is_some(), other);
                assert_eq!(h.email_address.is_some(), f.contains(RecipientFlags::E));
                assert_eq!(h.display_name.is_some(), f.contains(RecipientFlags::D));
                assert_eq!(
                    h.simple_display_name.is_some(),
                    f.contains(RecipientFlags::I)
                );
                assert_eq!(
                    h.transmittable_display_name.is_some(),
                    f.contains(RecipientFlags::T)
                );
                if let Some(s) = h.display_name {
                    assert_eq!(s.is_unicode(), f.is_unicode());
                }
                assert_eq!(h.to_vec_with(0).unwrap(), bytes);
                assert_eq!(h.encoded_len_with(0), bytes.len());

                let mut with_row = bytes.clone();
                with_row.push(0x00); // an empty StandardPropertyRow
                let mut r = Reader::new(&with_row);
                skip_recipient_row(&mut r, RowContext::rop(Array::empty())).unwrap();
                assert!(r.is_empty());
            }
        }
    }

    #[test]
    fn string_kind_must_match_u() {
        let s8 = RecipientString::String8(String8::new(b"a").unwrap());
        let s16 = RecipientString::Utf16(Utf16Str::from_str("a"));
        assert!(s8.to_vec_with(false).is_ok());
        assert!(s16.to_vec_with(true).is_ok());
        let e = s8.to_vec_with(true).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Unencodable { value: 1 });
        assert!(s16.to_vec_with(false).is_err());
        assert_eq!(s16.encoded_len_with(true), 4);
        assert_eq!(s8.encoded_len_with(false), 2);
    }

    #[test]
    fn column_count_is_checked_against_the_columns() {
        // D, 8-bit "A", RecipientColumnCount 2 with one column.
        let bytes = [0x10, 0x00, 0x41, 0x00, 0x02, 0x00, 0x00, 0x01, 0, 0, 0];
        let tags = [PropertyTag(0x0C15_0003)];
        let cx = RowContext::rop(Array::from_slice(&tags));
        let mut r = Reader::new(&bytes);
        let e = skip_recipient_row(&mut r, cx).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidValue { value: 2 });
        assert_eq!(e.offset(), 4);
        assert_eq!(e.path().to_string(), "Header.RecipientColumnCount");
        assert!(RecipientColumnCount(2).to_vec_with(1).is_err());
        assert_eq!(RecipientColumnCount(1).to_vec_with(1).unwrap(), [1, 0]);
    }

    #[test]
    fn skip_checks_the_property_row() {
        // NoType, no strings, one column of PtypBoolean holding 0x02.
        let bytes = [0x00, 0x00, 0x01, 0x00, 0x00, 0x02];
        let tags = [PropertyTag(0x0E1B_000B)];
        let cx = RowContext::rop(Array::from_slice(&tags));
        let e = skip_recipient_row(&mut Reader::new(&bytes), cx).unwrap_err();
        assert_eq!(e.offset(), 5);
        assert!(e.path().to_string().starts_with("RecipientProperties"));
    }
}
