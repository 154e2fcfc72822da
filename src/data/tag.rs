//! Property types, IDs and tags (MS-OXCDATA 2.9, 2.11.1).

use core::fmt;

crate::wire_enum! {
    /// A property data type (MS-OXCDATA 2.11.1): the low 16 bits of a
    /// [`PropertyTag`].
    ///
    /// Multi-valued types are the single-valued code with
    /// [`MULTIPLE_FLAG`](Self::MULTIPLE_FLAG) (0x1000) set. In table columns
    /// the multi-value-instance flag 0x2000 may be added
    /// ([`MV_INSTANCE_FLAG`](Self::MV_INSTANCE_FLAG), MS-OXCDATA 2.11.1.3);
    /// such a column carries one value of the base type per row.
    ///
    /// ```
    /// use mapi_wire::data::PropertyType;
    ///
    /// assert_eq!(PropertyType::MULTIPLE_STRING.base(), PropertyType::STRING);
    /// assert!(PropertyType::MULTIPLE_STRING.is_multiple());
    /// assert_eq!(PropertyType(0x301F).value_type(), PropertyType::STRING);
    /// assert_eq!(format!("{:?}", PropertyType::BINARY), "PtypBinary (0x0102)");
    /// ```
    pub struct PropertyType(u16) {
        /// PtypUnspecified: any type; only in requests (MS-OXCDATA 2.11.1).
        UNSPECIFIED = 0x0000 => "PtypUnspecified",
        /// PtypNull: a placeholder with no value bytes.
        NULL = 0x0001 => "PtypNull",
        /// PtypInteger16: 2 bytes, signed.
        INTEGER16 = 0x0002 => "PtypInteger16",
        /// PtypInteger32: 4 bytes, signed.
        INTEGER32 = 0x0003 => "PtypInteger32",
        /// PtypFloating32: 4-byte IEEE float.
        FLOATING32 = 0x0004 => "PtypFloating32",
        /// PtypFloating64: 8-byte IEEE float.
        FLOATING64 = 0x0005 => "PtypFloating64",
        /// PtypCurrency: 8-byte signed integer scaled by 10,000.
        CURRENCY = 0x0006 => "PtypCurrency",
        /// PtypFloatingTime: 8-byte float, days since 1899-12-30.
        FLOATING_TIME = 0x0007 => "PtypFloatingTime",
        /// PtypErrorCode: 4-byte error code (MS-OXCDATA 2.4).
        ERROR_CODE = 0x000A => "PtypErrorCode",
        /// PtypBoolean: 1 byte, 0 or 1.
        BOOLEAN = 0x000B => "PtypBoolean",
        /// PtypObject / PtypEmbeddedTable: not carried by value in ROPs.
        OBJECT = 0x000D => "PtypObject",
        /// PtypInteger64: 8 bytes, signed.
        INTEGER64 = 0x0014 => "PtypInteger64",
        /// PtypString8: 8-bit string in an external code page, NUL-terminated.
        STRING8 = 0x001E => "PtypString8",
        /// PtypString: UTF-16LE string, NUL-terminated.
        STRING = 0x001F => "PtypString",
        /// PtypTime: FILETIME, 100 ns ticks since 1601-01-01 UTC.
        TIME = 0x0040 => "PtypTime",
        /// PtypGuid: 16-byte GUID.
        GUID = 0x0048 => "PtypGuid",
        /// PtypServerId: COUNT-prefixed ServerId structure (2.11.1.4).
        SERVER_ID = 0x00FB => "PtypServerId",
        /// PtypRestriction: a restriction (2.12), self-delimiting.
        RESTRICTION = 0x00FD => "PtypRestriction",
        /// PtypRuleAction: a RuleAction structure (MS-OXORULE 2.2.5).
        RULE_ACTION = 0x00FE => "PtypRuleAction",
        /// PtypBinary: COUNT-prefixed bytes.
        BINARY = 0x0102 => "PtypBinary",
        /// PtypMultipleInteger16.
        MULTIPLE_INTEGER16 = 0x1002 => "PtypMultipleInteger16",
        /// PtypMultipleInteger32.
        MULTIPLE_INTEGER32 = 0x1003 => "PtypMultipleInteger32",
        /// PtypMultipleFloating32.
        MULTIPLE_FLOATING32 = 0x1004 => "PtypMultipleFloating32",
        /// PtypMultipleFloating64.
        MULTIPLE_FLOATING64 = 0x1005 => "PtypMultipleFloating64",
        /// PtypMultipleCurrency.
        MULTIPLE_CURRENCY = 0x1006 => "PtypMultipleCurrency",
        /// PtypMultipleFloatingTime.
        MULTIPLE_FLOATING_TIME = 0x1007 => "PtypMultipleFloatingTime",
        /// PtypMultipleInteger64.
        MULTIPLE_INTEGER64 = 0x1014 => "PtypMultipleInteger64",
        /// PtypMultipleString8.
        MULTIPLE_STRING8 = 0x101E => "PtypMultipleString8",
        /// PtypMultipleString.
        MULTIPLE_STRING = 0x101F => "PtypMultipleString",
        /// PtypMultipleTime.
        MULTIPLE_TIME = 0x1040 => "PtypMultipleTime",
        /// PtypMultipleGuid.
        MULTIPLE_GUID = 0x1048 => "PtypMultipleGuid",
        /// PtypMultipleBinary.
        MULTIPLE_BINARY = 0x1102 => "PtypMultipleBinary",
    }
}

impl PropertyType {
    /// The multi-valued flag (MS-OXCDATA 2.11.1).
    pub const MULTIPLE_FLAG: u16 = 0x1000;
    /// The multi-value-instance flag of table columns (MS-OXCDATA 2.11.1.3).
    pub const MV_INSTANCE_FLAG: u16 = 0x2000;
    /// PtypEmbeddedTable, the address-book name of code 0x000D.
    pub const EMBEDDED_TABLE: PropertyType = PropertyType::OBJECT;

    /// True for the PtypMultiple types (0x1000 set).
    pub const fn is_multiple(self) -> bool {
        self.0 & Self::MULTIPLE_FLAG != 0
    }

    /// True when the multi-value-instance flag 0x2000 is set.
    pub const fn is_mv_instance(self) -> bool {
        self.0 & Self::MV_INSTANCE_FLAG != 0
    }

    /// The single-valued type (both flags cleared).
    pub const fn base(self) -> PropertyType {
        PropertyType(self.0 & !(Self::MULTIPLE_FLAG | Self::MV_INSTANCE_FLAG))
    }

    /// The type of the value that a column or tag of this type carries: the
    /// base type for a multi-value-instance column (0x3000 | base), the type
    /// itself otherwise.
    pub const fn value_type(self) -> PropertyType {
        if self.is_mv_instance() {
            self.base()
        } else {
            self
        }
    }

    /// The multi-valued counterpart of a single-valued type.
    pub const fn multiple(self) -> PropertyType {
        PropertyType(self.base().0 | Self::MULTIPLE_FLAG)
    }

    /// True for a type code defined by MS-OXCDATA 2.11.1.
    pub const fn is_known(self) -> bool {
        self.name().is_some()
    }

    /// The fixed size of a single value of this type in bytes, or `None`
    /// for variable-size and unknown types.
    pub const fn fixed_size(self) -> Option<usize> {
        match self.0 {
            0x0001 => Some(0),
            0x0002 => Some(2),
            0x0003 | 0x0004 | 0x000A => Some(4),
            0x0005 | 0x0006 | 0x0007 | 0x0014 | 0x0040 => Some(8),
            0x000B => Some(1),
            0x0048 => Some(16),
            _ => None,
        }
    }
}

/// A property identifier: the high 16 bits of a [`PropertyTag`]. IDs from
/// 0x8000 to 0xFFFE name named properties (MS-OXCDATA 2.6).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct PropertyId(pub u16);

impl PropertyId {
    /// True for the named-property range 0x8000..=0xFFFE.
    pub const fn is_named(self) -> bool {
        self.0 >= 0x8000 && self.0 != 0xFFFF
    }
}

impl fmt::Debug for PropertyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:#06X}", self.0)
    }
}

crate::wire_newtype! { PropertyId(u16) => "PropertyId"; }

#[cfg(feature = "serde")]
impl serde::Serialize for PropertyId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&format_args!("{:#06X}", self.0))
    }
}

/// A property tag (MS-OXCDATA 2.9): PropertyType in the low 16 bits,
/// PropertyId in the high 16 bits; 4 bytes little-endian on the wire, so
/// PidTagSubject (0x0037001F) is `1F 00 37 00`.
///
/// ```
/// use mapi_wire::data::{PropertyTag, PropertyType};
/// use mapi_wire::wire::{Decode, Encode};
///
/// let (tag, _) = PropertyTag::decode(&[0x1F, 0x00, 0x37, 0x00]).unwrap();
/// assert_eq!(tag, PropertyTag(0x0037_001F));
/// assert_eq!(tag.property_type(), PropertyType::STRING);
/// assert_eq!(format!("{tag:?}"), "0x0037001F");
/// assert_eq!(tag.to_vec().unwrap(), [0x1F, 0x00, 0x37, 0x00]);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct PropertyTag(pub u32);

impl PropertyTag {
    /// The tag of `id` with type `ty`.
    pub const fn new(id: u16, ty: PropertyType) -> Self {
        PropertyTag(((id as u32) << 16) | ty.0 as u32)
    }

    /// The property identifier.
    pub const fn id(self) -> PropertyId {
        PropertyId((self.0 >> 16) as u16)
    }

    /// The property type, flags included.
    pub const fn property_type(self) -> PropertyType {
        PropertyType((self.0 & 0xFFFF) as u16)
    }

    /// The same property with another type.
    pub const fn with_type(self, ty: PropertyType) -> Self {
        PropertyTag::new(self.id().0, ty)
    }
}

impl fmt::Debug for PropertyTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:#010X}", self.0)
    }
}

impl fmt::Display for PropertyTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

crate::wire_newtype! { PropertyTag(u32) => "PropertyTag"; }

#[cfg(feature = "serde")]
impl serde::Serialize for PropertyTag {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

crate::wire_struct! {
    /// A PropertyTagArray (MS-OXCDATA 2.10.1): Count (2 bytes) and that many
    /// [`PropertyTag`]s, zero-copy.
    ///
    /// ```
    /// use mapi_wire::data::{PropertyTag, PropertyTagArray};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let bytes = [0x01, 0x00, 0x1F, 0x00, 0x37, 0x00];
    /// let (a, _) = PropertyTagArray::decode(&bytes).unwrap();
    /// assert_eq!(a.property_tags.get(0), Some(PropertyTag(0x0037_001F)));
    /// assert_eq!(a.to_vec().unwrap(), bytes);
    /// ```
    #[derive(Copy)]
    pub struct PropertyTagArray<'a> {
        /// PropertyTags, preceded by their Count.
        pub property_tags: crate::wire::Array<'a, PropertyTag> =
            ctx(crate::wire::Count::Prefix(crate::wire::Width::U16)),
    }
}

crate::wire_struct! {
    /// A PropertyIdArray: Count (2 bytes) and that many [`PropertyId`]s,
    /// as in the RopGetPropertyIdsFromNames response (MS-OXCROPS 2.2.8.1.2).
    #[derive(Copy)]
    pub struct PropertyIdArray<'a> {
        /// PropertyIds, preceded by their Count.
        pub property_ids: crate::wire::Array<'a, PropertyId> =
            ctx(crate::wire::Count::Prefix(crate::wire::Width::U16)),
    }
}
