//! STAT, Minimal Entry IDs, the NSPI constants and the string arrays
//! (MS-OXNSPI 2.2.1, 2.2.7, 2.2.8, 2.2.9.1).

use crate::data::{CodePage, String8, Utf16Str};
use crate::wire::{Count, Fixed, List, Width};

crate::wire_enum! {
    /// A Minimal Entry ID (MS-OXNSPI 2.2.9.1): a 32-bit handle of an
    /// address-book object, valid for servers that return the same Bind
    /// GUID. Values below 0x10 are signals, never objects; the named ones are
    /// the positions of STAT.CurrentRec (MS-OXNSPI 2.2.1.8). ResolveNames
    /// gives 0, 1 and 2 other meanings ([`MID_UNRESOLVED`](Self::MID_UNRESOLVED),
    /// [`MID_AMBIGUOUS`](Self::MID_AMBIGUOUS), [`MID_RESOLVED`](Self::MID_RESOLVED),
    /// MS-OXNSPI 2.2.1.9).
    ///
    /// ```
    /// use mapi_wire::nspi::MinimalEntryId;
    ///
    /// assert_eq!(MinimalEntryId(2), MinimalEntryId::END_OF_TABLE);
    /// assert_eq!(MinimalEntryId::MID_RESOLVED, MinimalEntryId(2));
    /// assert_eq!(MinimalEntryId::CURRENT.name(), Some("MID_CURRENT"));
    /// ```
    pub struct MinimalEntryId(u32) {
        /// MID_BEGINNING_OF_TABLE: the first row.
        BEGINNING_OF_TABLE = 0x0000_0000 => "MID_BEGINNING_OF_TABLE",
        /// MID_CURRENT: the current position (UpdateStat only).
        CURRENT = 0x0000_0001 => "MID_CURRENT",
        /// MID_END_OF_TABLE: past the last row.
        END_OF_TABLE = 0x0000_0002 => "MID_END_OF_TABLE",
    }
}

impl MinimalEntryId {
    /// MID_UNRESOLVED (ResolveNames): the name matched nothing.
    pub const MID_UNRESOLVED: MinimalEntryId = MinimalEntryId(0);
    /// MID_AMBIGUOUS (ResolveNames): the name matched several objects.
    pub const MID_AMBIGUOUS: MinimalEntryId = MinimalEntryId(1);
    /// MID_RESOLVED (ResolveNames): the name matched one object.
    pub const MID_RESOLVED: MinimalEntryId = MinimalEntryId(2);
}

crate::wire_enum! {
    /// The SortType of a STAT (MS-OXNSPI 2.2.1.10).
    ///
    /// ```
    /// use mapi_wire::nspi::SortType;
    ///
    /// assert_eq!(SortType(0).name(), Some("SortTypeDisplayName"));
    /// ```
    pub struct SortType(u32) {
        /// Sorted by PidTagDisplayName.
        DISPLAY_NAME = 0x0000_0000 => "SortTypeDisplayName",
        /// Sorted by PidTagAddressBookPhoneticDisplayName.
        PHONETIC_DISPLAY_NAME = 0x0000_0003 => "SortTypePhoneticDisplayName",
        /// A read-only table built from an object-valued property (GetMatches).
        DISPLAY_NAME_RO = 0x0000_03E8 => "SortTypeDisplayName_RO",
        /// A writable table built from an object-valued property (GetMatches).
        DISPLAY_NAME_W = 0x0000_03E9 => "SortTypeDisplayName_W",
    }
}

crate::wire_enum! {
    /// A display type (MS-OXNSPI 2.2.1.3), as in PidTagDisplayType and in
    /// the EntryIDs of 2.2.9.
    ///
    /// ```
    /// use mapi_wire::nspi::AbDisplayType;
    ///
    /// assert_eq!(AbDisplayType(0x0100), AbDisplayType::CONTAINER);
    /// ```
    pub struct AbDisplayType(u32) {
        /// A messaging user.
        MAILUSER = 0x0000_0000 => "DT_MAILUSER",
        /// A distribution list.
        DISTLIST = 0x0000_0001 => "DT_DISTLIST",
        /// A forum (public folder).
        FORUM = 0x0000_0002 => "DT_FORUM",
        /// An automated agent.
        AGENT = 0x0000_0003 => "DT_AGENT",
        /// A large group such as a department.
        ORGANIZATION = 0x0000_0004 => "DT_ORGANIZATION",
        /// A personal distribution list.
        PRIVATE_DISTLIST = 0x0000_0005 => "DT_PRIVATE_DISTLIST",
        /// A user of a foreign messaging system.
        REMOTE_MAILUSER = 0x0000_0006 => "DT_REMOTE_MAILUSER",
        /// An address-book container.
        CONTAINER = 0x0000_0100 => "DT_CONTAINER",
        /// A display template.
        TEMPLATE = 0x0000_0101 => "DT_TEMPLATE",
        /// An address-creation template.
        ADDRESS_TEMPLATE = 0x0000_0102 => "DT_ADDRESS_TEMPLATE",
        /// A search template.
        SEARCH = 0x0000_0200 => "DT_SEARCH",
    }
}

crate::wire_struct! {
    /// A STAT (MS-OXNSPI 2.2.8): the position and settings of an
    /// address-book table, always 36 bytes in the MAPI/HTTP bodies.
    ///
    /// ```
    /// use mapi_wire::data::CodePage;
    /// use mapi_wire::nspi::{MinimalEntryId, Stat};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let stat = Stat::new(CodePage::WINDOWS_1252, 0x0409);
    /// let bytes = stat.to_vec().unwrap();
    /// assert_eq!(bytes.len(), 36);
    /// let (back, _) = Stat::decode(&bytes).unwrap();
    /// assert_eq!(back.current_rec, MinimalEntryId::BEGINNING_OF_TABLE);
    /// assert_eq!(back, stat);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct Stat {
        /// SortType: the table's order; the server never changes it.
        pub sort_type: SortType,
        /// ContainerID: the MId of the container.
        pub container_id: MinimalEntryId,
        /// CurrentRec: the position (a MId or one of the special values).
        pub current_rec: MinimalEntryId,
        /// Delta: a signed offset from CurrentRec.
        pub delta: i32,
        /// NumPos: the approximate 0-based position.
        pub num_pos: u32,
        /// TotalRecs: the number of rows.
        pub total_recs: u32,
        /// CodePage: the code page of every 8-bit string.
        pub code_page: CodePage,
        /// TemplateLocale: the LCID of templates.
        pub template_locale: u32,
        /// SortLocale: the LCID of the sort order.
        pub sort_locale: u32,
    }
}

impl Stat {
    /// A STAT at the beginning of the Global Address List, sorted by display
    /// name, with both locales `locale`.
    pub const fn new(code_page: CodePage, locale: u32) -> Self {
        Stat {
            sort_type: SortType::DISPLAY_NAME,
            container_id: MinimalEntryId(0),
            current_rec: MinimalEntryId::BEGINNING_OF_TABLE,
            delta: 0,
            num_pos: 0,
            total_recs: 0,
            code_page,
            template_locale: locale,
            sort_locale: locale,
        }
    }
}

impl Fixed for Stat {
    const SIZE: usize = 36;
}

crate::wire_struct! {
    /// A StringsArray_r as sent in the MAPI/HTTP bodies (MS-OXNSPI 2.2.7;
    /// DNToMId NameValues): a 4-byte Count (at most 100,000), then that many
    /// NUL-terminated 8-bit strings in the STAT's code page, with no
    /// presence bytes.
    ///
    /// ```
    /// use mapi_wire::nspi::StringsArray;
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let bytes = b"\x02\x00\x00\x00/o=a\x00/o=b\x00";
    /// let (a, _) = StringsArray::decode(bytes).unwrap();
    /// assert_eq!(a.strings.len(), 2);
    /// assert_eq!(a.strings.get(1).unwrap().as_bytes(), b"/o=b");
    /// assert_eq!(a.to_vec().unwrap(), bytes);
    /// ```
    #[derive(Copy, Default)]
    pub struct StringsArray<'a> {
        /// Strings, preceded by Count.
        pub strings: List<'a, String8<'a>> = ctx((Count::Prefix(Width::U32), ())),
    }
}

crate::wire_struct! {
    /// A WStringsArray_r as sent in the MAPI/HTTP bodies (MS-OXNSPI 2.2.7;
    /// ResolveNames NameValues): a 4-byte Count (at most 100,000), then that
    /// many NUL-terminated UTF-16LE strings, with no presence bytes.
    ///
    /// ```
    /// use mapi_wire::nspi::WStringsArray;
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let bytes = [0x01, 0, 0, 0, b'j', 0, b'o', 0, 0, 0];
    /// let (a, _) = WStringsArray::decode(&bytes).unwrap();
    /// assert_eq!(a.strings.get(0).unwrap(), "jo");
    /// assert_eq!(a.to_vec().unwrap(), bytes);
    /// ```
    #[derive(Copy, Default)]
    pub struct WStringsArray<'a> {
        /// Strings, preceded by Count.
        pub strings: List<'a, Utf16Str<'a>> = ctx((Count::Prefix(Width::U32), ())),
    }
}

impl<'a> StringsArray<'a> {
    /// An array over `strings`.
    pub const fn new(strings: &'a [String8<'a>]) -> Self {
        StringsArray {
            strings: List::from_slice(strings),
        }
    }
}

impl<'a> WStringsArray<'a> {
    /// An array over `strings`.
    pub const fn new(strings: &'a [Utf16Str<'a>]) -> Self {
        WStringsArray {
            strings: List::from_slice(strings),
        }
    }
}

crate::wire_flags! {
    /// The Flags of GetPropList, GetProps and QueryRows requests
    /// (MS-OXNSPI 2.2.1.11, 3.1.4.1).
    pub struct RetrievalFlags: u32 {
        /// fSkipObjects: leave PtypEmbeddedTable properties out.
        const SKIP_OBJECTS = 0x0000_0001;
        /// fEphID: return Ephemeral Entry IDs.
        const EPH_ID = 0x0000_0002;
    }
}

crate::wire_flags! {
    /// The Flags of a Bind request (MS-OXNSPI 2.2.1.12).
    pub struct BindFlags: u32 {
        /// fAnonymousLogin.
        const ANONYMOUS_LOGIN = 0x0000_0020;
    }
}

crate::wire_flags! {
    /// The Flags of a GetSpecialTable request (MS-OXNSPI 2.2.1.13).
    pub struct SpecialTableFlags: u32 {
        /// NspiAddressCreationTemplates: the address-creation table.
        const ADDRESS_CREATION_TEMPLATES = 0x0000_0002;
        /// NspiUnicodeStrings: strings as PtypString.
        const UNICODE_STRINGS = 0x0000_0004;
    }
}

crate::wire_flags! {
    /// The Flags of a GetTemplateInfo request (MS-OXNSPI 2.2.1.14).
    pub struct TemplateInfoFlags: u32 {
        /// TI_TEMPLATE.
        const TEMPLATE = 0x0000_0001;
        /// TI_SCRIPT.
        const SCRIPT = 0x0000_0004;
        /// TI_EMT.
        const EMT = 0x0000_0010;
        /// TI_HELPFILE_NAME.
        const HELPFILE_NAME = 0x0000_0020;
        /// TI_HELPFILE_CONTENTS.
        const HELPFILE_CONTENTS = 0x0000_0040;
    }
}

crate::wire_flags! {
    /// The Flags of a ModLinkAtt request (MS-OXNSPI 2.2.1.15).
    pub struct ModLinkAttFlags: u32 {
        /// fDelete: remove the entries (else add them).
        const DELETE = 0x0000_0001;
    }
}

crate::wire_flags! {
    /// The MapiFlags of a QueryColumns request (MS-OXNSPI 2.2.1.13).
    pub struct QueryColumnsFlags: u32 {
        /// NspiUnicodeProptypes: string columns typed PtypString.
        const UNICODE_PROPTYPES = 0x8000_0000;
    }
}
