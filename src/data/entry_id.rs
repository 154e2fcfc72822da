//! EntryIDs (MS-OXCDATA 2.2.4 and 2.2.5).
//!
//! An EntryID names an object outside any logon: a folder, a message, a
//! store, an address-book entry or a one-off recipient. Every EntryID opens
//! with `Flags` (u32, zero for the long-term IDs stored in properties) and a
//! 16-byte `ProviderUID` that says which provider made it; the rest depends
//! on the provider. [`EntryId`] tells the kinds apart.
//!
//! Strings are kept as borrowed bytes without their terminator: 8-bit ones
//! (code page not stated on the wire) as `&[u8]`, UTF-16LE ones as the raw
//! little-endian bytes (an even number of them), to be decoded by the
//! caller. `Debug` and serde show them as text: 8-bit strings with
//! printable ASCII as is and any other byte as `\xNN`, UTF-16 strings
//! decoded with U+FFFD for unpaired surrogates.

use super::guid::Guid;
use super::ids::{GlobalCounter, GlobalId};
use crate::wire::{Decode, Encode, Error, ErrorKind, Fixed, Reader, ResultExt, Sink, write_hex};
use core::fmt;
use core::fmt::Write as _;

// ---------------------------------------------------------------------------
// Text adapters (no allocation).

/// Shows 8-bit text: printable ASCII as is, any other byte (and `\`) as
/// `\xNN`, so that the bytes can be read back from the text.
#[derive(Clone, Copy)]
pub(crate) struct Text8<'b>(pub(crate) &'b [u8]);

impl fmt::Display for Text8<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for &b in self.0 {
            if (0x20..0x7F).contains(&b) && b != b'\\' {
                f.write_char(char::from(b))?;
            } else {
                write!(f, "\\x{b:02X}")?;
            }
        }
        Ok(())
    }
}

impl fmt::Debug for Text8<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\"{self}\"")
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Text8<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Shows UTF-16LE bytes as text; unpaired surrogates and an odd last byte
/// show as U+FFFD.
#[derive(Clone, Copy)]
pub(crate) struct Text16<'b>(pub(crate) &'b [u8]);

impl fmt::Display for Text16<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (units, _) = self.0.as_chunks::<2>();
        let units = units.iter().map(|u| u16::from_le_bytes(*u));
        for c in char::decode_utf16(units) {
            f.write_char(c.unwrap_or(char::REPLACEMENT_CHARACTER))?;
        }
        if !self.0.len().is_multiple_of(2) {
            f.write_char(char::REPLACEMENT_CHARACTER)?;
        }
        Ok(())
    }
}

impl fmt::Debug for Text16<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\"{self}\"")
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Text16<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A string of one encoding or the other, for `Debug` and serde.
#[derive(Clone, Copy)]
pub(crate) enum Text<'b> {
    Eight(Text8<'b>),
    Sixteen(Text16<'b>),
}

impl Text<'_> {
    fn new(bytes: &[u8], utf16: bool) -> Text<'_> {
        if utf16 {
            Text::Sixteen(Text16(bytes))
        } else {
            Text::Eight(Text8(bytes))
        }
    }
}

impl fmt::Debug for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Text::Eight(t) => fmt::Debug::fmt(t, f),
            Text::Sixteen(t) => fmt::Debug::fmt(t, f),
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Text<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Text::Eight(t) => t.serialize(s),
            Text::Sixteen(t) => t.serialize(s),
        }
    }
}

// ---------------------------------------------------------------------------
// Encoding helpers for terminated strings.

/// An error for a value the encoder cannot write so that it decodes back.
#[cold]
fn unencodable<S: Sink + ?Sized>(s: &S, value: usize, field: &'static str) -> Error {
    Error::new(
        ErrorKind::Unencodable {
            value: value as u64,
        },
        s.position(),
    )
    .in_field(field)
}

/// Writes an 8-bit string and its 0x00 terminator; the string must not
/// itself contain 0x00.
fn put_str8<S: Sink + ?Sized>(s: &mut S, v: &[u8], field: &'static str) -> Result<(), Error> {
    if let Some(i) = v.iter().position(|&b| b == 0) {
        return Err(unencodable(s, i, field));
    }
    s.put(v).in_field(field)?;
    s.put_u8(0).in_field(field)
}

/// True when `v` is whole UTF-16 code units none of which is 0x0000.
fn is_str16(v: &[u8]) -> bool {
    v.len().is_multiple_of(2) && !v.chunks_exact(2).any(|u| u == [0, 0])
}

/// Writes UTF-16LE bytes and the 0x0000 terminator; the bytes must be whole
/// code units, none of them 0x0000.
fn put_str16<S: Sink + ?Sized>(s: &mut S, v: &[u8], field: &'static str) -> Result<(), Error> {
    if !is_str16(v) {
        return Err(unencodable(s, v.len(), field));
    }
    s.put(v).in_field(field)?;
    s.put(&[0, 0]).in_field(field)
}

/// Reads a ProviderUID that must be `expected`.
fn expect_uid(r: &mut Reader<'_>, expected: Guid) -> Result<Guid, Error> {
    let g = Guid::decode_from(r, ()).in_field("provider_uid")?;
    if g != expected {
        return Err(r.invalid(u64::from(g.data1()), 16).in_field("provider_uid"));
    }
    Ok(g)
}

// ---------------------------------------------------------------------------
// Store object types (2.2.4).

crate::wire_enum! {
    /// The type of a store object named by a Folder or Message EntryID
    /// (MS-OXCDATA 2.2.4, the ObjectType at the start of the provider
    /// data). Unknown codes are kept.
    ///
    /// ```
    /// use mapi_wire::data::StoreObjectType;
    ///
    /// assert_eq!(StoreObjectType::PRIVATE_FOLDER.name(), Some("eitLTPrivateFolder"));
    /// assert!(StoreObjectType::PUBLIC_MESSAGE.is_message());
    /// ```
    pub struct StoreObjectType(u16) {
        /// PrivateFolder: a folder in a mailbox.
        PRIVATE_FOLDER = 0x0001 => "eitLTPrivateFolder",
        /// PublicFolder: a folder in the public store.
        PUBLIC_FOLDER = 0x0003 => "eitLTPublicFolder",
        /// MappedPublicFolder ("wacky"): a public folder mapped into a
        /// private store.
        MAPPED_PUBLIC_FOLDER = 0x0005 => "eitLTWackyFolder",
        /// PrivateMessage: a message in a mailbox.
        PRIVATE_MESSAGE = 0x0007 => "eitLTPrivateMessage",
        /// PublicMessage: a message in the public store.
        PUBLIC_MESSAGE = 0x0009 => "eitLTPublicMessage",
        /// MappedPublicMessage ("wacky").
        MAPPED_PUBLIC_MESSAGE = 0x000B => "eitLTWackyMessage",
        /// PublicNewsgroupFolder.
        PUBLIC_NEWSGROUP_FOLDER = 0x000C => "eitLTPublicFolderByName",
    }
}

impl StoreObjectType {
    /// True for the three message types (0x0007, 0x0009, 0x000B).
    pub const fn is_message(self) -> bool {
        matches!(self.0, 0x0007 | 0x0009 | 0x000B)
    }

    /// True for the four folder types (0x0001, 0x0003, 0x0005, 0x000C).
    pub const fn is_folder(self) -> bool {
        matches!(self.0, 0x0001 | 0x0003 | 0x0005 | 0x000C)
    }
}

/// The ProviderUID of Folder and Message EntryIDs in the public store,
/// the bytes `1A 44 73 90 AA 66 11 CD 9B C8 00 AA 00 2F C4 5A`, which read as
/// a GUID are {9073441A-66AA-CD11-9BC8-00AA002FC45A} (MS-OXCDATA 2.2.4.1,
/// 2.2.4.2).
/// In a mailbox the ProviderUID is the mailbox GUID from RopLogon instead.
pub const PUBLIC_FOLDERS_PROVIDER_UID: Guid = Guid([
    0x1A, 0x44, 0x73, 0x90, 0xAA, 0x66, 0x11, 0xCD, 0x9B, 0xC8, 0x00, 0xAA, 0x00, 0x2F, 0xC4, 0x5A,
]);

// ---------------------------------------------------------------------------
// 2.2.4.1 Folder EntryID.

crate::wire_struct! {
    /// A Folder EntryID (MS-OXCDATA 2.2.4.1), 46 bytes: a folder named
    /// outside a logon, the FID's replica ID replaced by the store's
    /// database GUID.
    ///
    /// `provider_uid` is the mailbox GUID of RopLogon for a private folder,
    /// [`PUBLIC_FOLDERS_PROVIDER_UID`] for a public one. The Flags and Pad
    /// fields "MUST be zero"; they are kept as read so that any 46 bytes
    /// decode and re-encode unchanged.
    ///
    /// ```
    /// use mapi_wire::data::{FolderEntryId, StoreObjectType};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// // MS-OXODLGT 4.1.1: a private folder's EntryID.
    /// let bytes = [
    ///     0x00, 0x00, 0x00, 0x00, 0xC3, 0xE1, 0x78, 0x57, 0x96, 0x52, 0xCE, 0x46, 0xA3, 0x53,
    ///     0xB3, 0xE0, 0x7F, 0x9B, 0x97, 0xBC, 0x01, 0x00, 0x8B, 0x8D, 0xB1, 0x82, 0xAF, 0x2E,
    ///     0xD0, 0x48, 0x93, 0x47, 0x07, 0xED, 0x54, 0x48, 0x84, 0x0F, 0x00, 0x17, 0x4E, 0xA8,
    ///     0x9C, 0x98, 0x00, 0x00,
    /// ];
    /// let eid = FolderEntryId::decode_exact(&bytes, ()).unwrap();
    /// assert_eq!(eid.folder_type, StoreObjectType::PRIVATE_FOLDER);
    /// assert_eq!(eid.provider_uid.to_string(), "{5778E1C3-5296-46CE-A353-B3E07F9B97BC}");
    /// assert_eq!(eid.global_counter.value(), 0x0017_4EA8_9C98);
    /// assert_eq!(eid.to_vec().unwrap(), bytes);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct FolderEntryId {
        /// Flags: zero for a long-term EntryID.
        pub flags: u32,
        /// ProviderUID: the mailbox GUID, or [`PUBLIC_FOLDERS_PROVIDER_UID`].
        pub provider_uid: Guid,
        /// FolderType: one of the types of 2.2.4.
        pub folder_type: StoreObjectType,
        /// DatabaseGuid: the store's GUID (the FID's replica).
        pub database_guid: Guid,
        /// GlobalCounter: the folder within the store.
        pub global_counter: GlobalCounter,
        /// Pad: zero.
        pub pad: u16,
    }
}

impl FolderEntryId {
    /// The encoded size, 46 bytes.
    pub const LEN: usize = 46;

    /// The folder's GID: database GUID and counter.
    pub const fn global_id(&self) -> GlobalId {
        GlobalId {
            database_guid: self.database_guid,
            global_counter: self.global_counter,
        }
    }
}

impl Fixed for FolderEntryId {
    const SIZE: usize = FolderEntryId::LEN;
}

// ---------------------------------------------------------------------------
// 2.2.4.2 Message EntryID.

crate::wire_struct! {
    /// A Message EntryID (MS-OXCDATA 2.2.4.2), 70 bytes: the GIDs of the
    /// folder that holds the message and of the message itself.
    ///
    /// As for [`FolderEntryId`], `provider_uid` is the mailbox GUID or
    /// [`PUBLIC_FOLDERS_PROVIDER_UID`], and Flags and both pads are kept as
    /// read.
    ///
    /// ```
    /// use mapi_wire::data::{GlobalCounter, Guid, MessageEntryId, StoreObjectType};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let eid = MessageEntryId {
    ///     flags: 0,
    ///     provider_uid: Guid::PS_MAPI,
    ///     message_type: StoreObjectType::PRIVATE_MESSAGE,
    ///     folder_database_guid: Guid::PS_MAPI,
    ///     folder_global_counter: GlobalCounter::from_value(1),
    ///     pad1: 0,
    ///     message_database_guid: Guid::PS_MAPI,
    ///     message_global_counter: GlobalCounter::from_value(2),
    ///     pad2: 0,
    /// };
    /// let bytes = eid.to_vec().unwrap();
    /// assert_eq!(bytes.len(), 70);
    /// assert_eq!(&bytes[20..22], &[0x07, 0x00]);
    /// assert_eq!(MessageEntryId::decode_exact(&bytes, ()).unwrap(), eid);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct MessageEntryId {
        /// Flags: zero for a long-term EntryID.
        pub flags: u32,
        /// ProviderUID: the mailbox GUID, or [`PUBLIC_FOLDERS_PROVIDER_UID`].
        pub provider_uid: Guid,
        /// MessageType: one of the types of 2.2.4.
        pub message_type: StoreObjectType,
        /// FolderDatabaseGuid: the GUID of the store of the parent folder.
        pub folder_database_guid: Guid,
        /// FolderGlobalCounter: the parent folder.
        pub folder_global_counter: GlobalCounter,
        /// Pad (after the folder counter): zero.
        pub pad1: u16,
        /// MessageDatabaseGuid: the GUID of the store of the message.
        pub message_database_guid: Guid,
        /// MessageGlobalCounter: the message.
        pub message_global_counter: GlobalCounter,
        /// Pad (after the message counter): zero.
        pub pad2: u16,
    }
}

impl MessageEntryId {
    /// The encoded size, 70 bytes.
    pub const LEN: usize = 70;

    /// The GID of the folder that holds the message.
    pub const fn folder_global_id(&self) -> GlobalId {
        GlobalId {
            database_guid: self.folder_database_guid,
            global_counter: self.folder_global_counter,
        }
    }

    /// The GID of the message.
    pub const fn message_global_id(&self) -> GlobalId {
        GlobalId {
            database_guid: self.message_database_guid,
            global_counter: self.message_global_counter,
        }
    }
}

impl Fixed for MessageEntryId {
    const SIZE: usize = MessageEntryId::LEN;
}

// ---------------------------------------------------------------------------
// 2.2.4.3 Store Object EntryID.

/// The extension an Outlook-era Store Object EntryID may carry after its
/// MailboxDN. Not part of MS-OXCDATA 2.2.4.3 (whose current diagram ends at
/// MailboxDN): the layout and magic numbers come from Microsoft's
/// "Store Entry ID v2" notes and from the MFCMAPI and gromox parsers.
/// Offsets count from the start of the extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoreEntryIdExtension<'a> {
    /// MDB_STORE_EID_V2 (magic 0xF32135D8): the server's DN (8-bit) and
    /// FQDN (UTF-16LE bytes), each `None` when its offset is zero.
    V2 {
        /// Size: of the structure and its strings.
        size: u32,
        /// Version: 1 (MDB_STORE_EID_V2_VERSION).
        version: u32,
        /// The server DN, without terminator.
        server_dn: Option<&'a [u8]>,
        /// The server FQDN as UTF-16LE bytes, without terminator.
        server_fqdn: Option<&'a [u8]>,
    },
    /// MDB_STORE_EID_V3 (magic 0xF43246E9): the mailbox's SMTP address
    /// (UTF-16LE bytes), `None` when its offset is zero. This is the form
    /// Outlook uses with MAPI over HTTP.
    V3 {
        /// Size: of the structure and its string.
        size: u32,
        /// Version: 2 (MDB_STORE_EID_V3_VERSION).
        version: u32,
        /// The SMTP address as UTF-16LE bytes, without terminator.
        smtp_address: Option<&'a [u8]>,
    },
}

/// A Store Object EntryID (MS-OXCDATA 2.2.4.3): a mailbox or the public
/// store itself, as wrapped by MAPI for the Exchange provider `emsmdb.dll`.
///
/// Layout: Flags (u32), ProviderUID ([`PROVIDER_UID`](Self::PROVIDER_UID),
/// not stored: the decoder requires it, the encoder writes it), Version
/// (u8), Flag (u8), DLLFileName (14 bytes, `EMSMDB.DLL` NUL-padded),
/// WrappedFlags (u32), WrappedProviderUID (16), WrappedType (u32),
/// ServerShortname (8-bit, NUL-terminated), MailboxDN (8-bit,
/// NUL-terminated; "present only for mailbox databases"), then whatever
/// follows, kept as [`tail`](Self::tail).
///
/// The structure is not self-delimiting: it takes every byte that is left,
/// so decode it from a reader (or slice) that holds exactly the EntryID.
///
/// MailboxDN is read when WrappedProviderUID is
/// [`MAILBOX_PROVIDER_UID`](Self::MAILBOX_PROVIDER_UID); otherwise it is
/// read only when bytes remain after ServerShortname and they do not open
/// with the magic of a [`StoreEntryIdExtension`] (MFCMAPI notes that some
/// public-store EntryIDs carry a MailboxDN anyway). The current page of
/// 2.2.4.3 describes no field after MailboxDN; Outlook appends a
/// [`StoreEntryIdExtension`], which [`extension`](Self::extension) reads
/// from the tail.
///
/// ```
/// use mapi_wire::data::StoreEntryId;
/// use mapi_wire::wire::{Decode, Encode};
///
/// let eid = StoreEntryId::mailbox(b"SRV1", b"/o=Org/cn=Recipients/cn=user");
/// let bytes = eid.to_vec().unwrap();
/// assert_eq!(&bytes[4..20], &StoreEntryId::PROVIDER_UID.0);
/// assert_eq!(&bytes[22..36], b"EMSMDB.DLL\0\0\0\0");
/// let back = StoreEntryId::decode_exact(&bytes, ()).unwrap();
/// assert_eq!(back.server_shortname, b"SRV1");
/// assert_eq!(back.mailbox_dn, Some(&b"/o=Org/cn=Recipients/cn=user"[..]));
/// assert_eq!(back, eid);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct StoreEntryId<'a> {
    /// Flags: zero for a long-term EntryID.
    pub flags: u32,
    /// Version: zero.
    pub version: u8,
    /// Flag: zero.
    pub flag: u8,
    /// DLLFileName: [`DLL_FILE_NAME`](Self::DLL_FILE_NAME).
    pub dll_file_name: [u8; 14],
    /// WrappedFlags: zero.
    pub wrapped_flags: u32,
    /// WrappedProviderUID: [`MAILBOX_PROVIDER_UID`](Self::MAILBOX_PROVIDER_UID)
    /// or [`PUBLIC_PROVIDER_UID`](Self::PUBLIC_PROVIDER_UID).
    pub wrapped_provider_uid: Guid,
    /// WrappedType: [`WRAPPED_TYPE_MAILBOX`](Self::WRAPPED_TYPE_MAILBOX)
    /// or [`WRAPPED_TYPE_PUBLIC`](Self::WRAPPED_TYPE_PUBLIC).
    pub wrapped_type: u32,
    /// ServerShortname: the server's short or NetBIOS name, 8-bit, without
    /// terminator.
    pub server_shortname: &'a [u8],
    /// MailboxDN: the X500 DN of the mailbox, 8-bit, without terminator.
    pub mailbox_dn: Option<&'a [u8]>,
    /// The bytes after MailboxDN (or after ServerShortname when there is
    /// none), kept unparsed; see [`extension`](Self::extension).
    pub tail: &'a [u8],
}

/// MDB_STORE_EID_V2_MAGIC (MFCMAPI; not in MS-OXCDATA).
const STORE_EID_V2_MAGIC: u32 = 0xF321_35D8;
/// MDB_STORE_EID_V3_MAGIC (MFCMAPI, gromox; not in MS-OXCDATA).
const STORE_EID_V3_MAGIC: u32 = 0xF432_46E9;

fn starts_with_store_magic(b: &[u8]) -> bool {
    matches!(
        b.first_chunk::<4>().map(|c| u32::from_le_bytes(*c)),
        Some(STORE_EID_V2_MAGIC | STORE_EID_V3_MAGIC)
    )
}

impl<'a> StoreEntryId<'a> {
    /// The ProviderUID of every Store Object EntryID: the bytes
    /// `38 A1 BB 10 05 E5 10 1A A1 BB 08 00 2B 2A 56 C2`
    /// ({10BBA138-E505-1A10-A1BB-08002B2A56C2} read as a GUID).
    pub const PROVIDER_UID: Guid = Guid([
        0x38, 0xA1, 0xBB, 0x10, 0x05, 0xE5, 0x10, 0x1A, 0xA1, 0xBB, 0x08, 0x00, 0x2B, 0x2A, 0x56,
        0xC2,
    ]);
    /// The WrappedProviderUID of a mailbox store: the bytes
    /// `1B 55 FA 20 AA 66 11 CD 9B C8 00 AA 00 2F C4 5A`.
    pub const MAILBOX_PROVIDER_UID: Guid = Guid([
        0x1B, 0x55, 0xFA, 0x20, 0xAA, 0x66, 0x11, 0xCD, 0x9B, 0xC8, 0x00, 0xAA, 0x00, 0x2F, 0xC4,
        0x5A,
    ]);
    /// The WrappedProviderUID of the public folder store: the bytes
    /// `1C 83 02 10 AA 66 11 CD 9B C8 00 AA 00 2F C4 5A`.
    pub const PUBLIC_PROVIDER_UID: Guid = Guid([
        0x1C, 0x83, 0x02, 0x10, 0xAA, 0x66, 0x11, 0xCD, 0x9B, 0xC8, 0x00, 0xAA, 0x00, 0x2F, 0xC4,
        0x5A,
    ]);
    /// The DLLFileName: the bytes `45 4D 53 4D 44 42 2E 44 4C 4C 00 00 00 00`,
    /// which the specification calls "emsmdb.dll" but which spell
    /// `EMSMDB.DLL` (MFCMAPI compares the name without regard to case).
    pub const DLL_FILE_NAME: [u8; 14] = *b"EMSMDB.DLL\0\0\0\0";
    /// The WrappedType of a mailbox, 0x0000000C.
    pub const WRAPPED_TYPE_MAILBOX: u32 = 0x0000_000C;
    /// The WrappedType of the public store, 0x00000006.
    pub const WRAPPED_TYPE_PUBLIC: u32 = 0x0000_0006;

    /// The bytes before ServerShortname.
    const FIXED_LEN: usize = 4 + 16 + 1 + 1 + 14 + 4 + 16 + 4;

    /// The EntryID of the mailbox `mailbox_dn` on the server `server`, with
    /// every constant field as the specification sets it.
    pub const fn mailbox(server: &'a [u8], mailbox_dn: &'a [u8]) -> Self {
        StoreEntryId {
            flags: 0,
            version: 0,
            flag: 0,
            dll_file_name: Self::DLL_FILE_NAME,
            wrapped_flags: 0,
            wrapped_provider_uid: Self::MAILBOX_PROVIDER_UID,
            wrapped_type: Self::WRAPPED_TYPE_MAILBOX,
            server_shortname: server,
            mailbox_dn: Some(mailbox_dn),
            tail: &[],
        }
    }

    /// The EntryID of the public store on the server `server`.
    pub const fn public(server: &'a [u8]) -> Self {
        StoreEntryId {
            flags: 0,
            version: 0,
            flag: 0,
            dll_file_name: Self::DLL_FILE_NAME,
            wrapped_flags: 0,
            wrapped_provider_uid: Self::PUBLIC_PROVIDER_UID,
            wrapped_type: Self::WRAPPED_TYPE_PUBLIC,
            server_shortname: server,
            mailbox_dn: None,
            tail: &[],
        }
    }

    /// True when WrappedProviderUID names a mailbox store.
    pub fn is_mailbox(&self) -> bool {
        self.wrapped_provider_uid == Self::MAILBOX_PROVIDER_UID
    }

    /// The DLL file name without its NUL padding.
    pub fn dll_name(&self) -> &[u8] {
        let n = self
            .dll_file_name
            .iter()
            .position(|&b| b == 0)
            .unwrap_or(self.dll_file_name.len());
        self.dll_file_name.get(..n).unwrap_or(&[])
    }

    /// Reads the [`tail`](Self::tail) as a V2 or V3 extension; `None` when
    /// it is empty, opens with another value, or is malformed. See
    /// [`StoreEntryIdExtension`] for where the layout comes from.
    pub fn extension(&self) -> Option<StoreEntryIdExtension<'a>> {
        let tail = self.tail;
        let mut r = Reader::new(tail);
        let magic = r.u32().ok()?;
        let size = r.u32().ok()?;
        let version = r.u32().ok()?;
        // A string at `offset` from the start of the extension; zero means
        // absent.
        let at = |offset: u32, utf16: bool| -> Option<Option<&'a [u8]>> {
            if offset == 0 {
                return Some(None);
            }
            let mut s = Reader::new(tail.get(usize::try_from(offset).ok()?..)?);
            let v = if utf16 {
                s.until_nul16()
            } else {
                s.until_nul8()
            };
            v.ok().map(Some)
        };
        match magic {
            STORE_EID_V2_MAGIC => {
                let dn = r.u32().ok()?;
                let fqdn = r.u32().ok()?;
                Some(StoreEntryIdExtension::V2 {
                    size,
                    version,
                    server_dn: at(dn, false)?,
                    server_fqdn: at(fqdn, true)?,
                })
            }
            STORE_EID_V3_MAGIC => {
                let smtp = r.u32().ok()?;
                Some(StoreEntryIdExtension::V3 {
                    size,
                    version,
                    smtp_address: at(smtp, true)?,
                })
            }
            _ => None,
        }
    }
}

impl fmt::Debug for StoreEntryId<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StoreEntryId")
            .field("flags", &self.flags)
            .field("version", &self.version)
            .field("flag", &self.flag)
            .field("dll_file_name", &Text8(&self.dll_file_name))
            .field("wrapped_flags", &self.wrapped_flags)
            .field("wrapped_provider_uid", &self.wrapped_provider_uid)
            .field("wrapped_type", &self.wrapped_type)
            .field("server_shortname", &Text8(self.server_shortname))
            .field("mailbox_dn", &self.mailbox_dn.map(Text8))
            .field("tail", &crate::wire::Bytes(self.tail))
            .finish()
    }
}

impl<'a> Decode<'a> for StoreEntryId<'a> {
    type Ctx = ();
    const NAME: &'static str = "StoreEntryId";
    /// The fixed part and an empty ServerShortname.
    const MIN_LEN: usize = Self::FIXED_LEN + 1;

    fn decode_from(r: &mut Reader<'a>, _: ()) -> Result<Self, Error> {
        let flags = r.u32().in_field("flags")?;
        expect_uid(r, Self::PROVIDER_UID)?;
        let version = r.u8().in_field("version")?;
        let flag = r.u8().in_field("flag")?;
        let dll_file_name = r.array().in_field("dll_file_name")?;
        let wrapped_flags = r.u32().in_field("wrapped_flags")?;
        let wrapped_provider_uid = Guid::decode_from(r, ()).in_field("wrapped_provider_uid")?;
        let wrapped_type = r.u32().in_field("wrapped_type")?;
        let server_shortname = r.until_nul8().in_field("server_shortname")?;
        let mailbox_dn = if wrapped_provider_uid == Self::MAILBOX_PROVIDER_UID
            || !(r.is_empty() || starts_with_store_magic(r.peek_rest()))
        {
            Some(r.until_nul8().in_field("mailbox_dn")?)
        } else {
            None
        };
        Ok(StoreEntryId {
            flags,
            version,
            flag,
            dll_file_name,
            wrapped_flags,
            wrapped_provider_uid,
            wrapped_type,
            server_shortname,
            mailbox_dn,
            tail: r.rest(),
        })
    }
}

impl Encode for StoreEntryId<'_> {
    type Ctx = ();

    fn encoded_len_with(&self, _: ()) -> usize {
        // Saturates only for built values no sink could hold.
        Self::FIXED_LEN
            .saturating_add(self.server_shortname.len())
            .saturating_add(1)
            .saturating_add(self.mailbox_dn.map_or(0, |d| d.len().saturating_add(1)))
            .saturating_add(self.tail.len())
    }

    /// Fails with [`ErrorKind::Unencodable`] for a value that would not
    /// decode back to itself: a NUL inside a string, a mailbox store
    /// without MailboxDN, or (for other stores) a MailboxDN that opens with
    /// an extension magic, or no MailboxDN and a tail that does not.
    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, _: ()) -> Result<(), Error> {
        match self.mailbox_dn {
            None if self.is_mailbox() => return Err(unencodable(s, 0, "mailbox_dn")),
            None if !(self.tail.is_empty() || starts_with_store_magic(self.tail)) => {
                return Err(unencodable(s, self.tail.len(), "tail"));
            }
            Some(dn) if !self.is_mailbox() && starts_with_store_magic(dn) => {
                return Err(unencodable(s, dn.len(), "mailbox_dn"));
            }
            _ => {}
        }
        s.put_u32(self.flags).in_field("flags")?;
        s.put(&Self::PROVIDER_UID.0).in_field("provider_uid")?;
        s.put_u8(self.version).in_field("version")?;
        s.put_u8(self.flag).in_field("flag")?;
        s.put(&self.dll_file_name).in_field("dll_file_name")?;
        s.put_u32(self.wrapped_flags).in_field("wrapped_flags")?;
        s.put(&self.wrapped_provider_uid.0)
            .in_field("wrapped_provider_uid")?;
        s.put_u32(self.wrapped_type).in_field("wrapped_type")?;
        put_str8(s, self.server_shortname, "server_shortname")?;
        if let Some(dn) = self.mailbox_dn {
            put_str8(s, dn, "mailbox_dn")?;
        }
        s.put(self.tail).in_field("tail")
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for StoreEntryId<'_> {
    /// The fields, DLLFileName as text without its padding, the tail as
    /// hex.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("StoreEntryId", 10)?;
        st.serialize_field("flags", &self.flags)?;
        st.serialize_field("version", &self.version)?;
        st.serialize_field("flag", &self.flag)?;
        st.serialize_field("dll_file_name", &Text8(self.dll_name()))?;
        st.serialize_field("wrapped_flags", &self.wrapped_flags)?;
        st.serialize_field("wrapped_provider_uid", &self.wrapped_provider_uid)?;
        st.serialize_field("wrapped_type", &self.wrapped_type)?;
        st.serialize_field("server_shortname", &Text8(self.server_shortname))?;
        st.serialize_field("mailbox_dn", &self.mailbox_dn.map(Text8))?;
        st.serialize_field("tail", &crate::wire::HexStr(self.tail))?;
        st.end()
    }
}

// ---------------------------------------------------------------------------
// 2.2.5.2 Address Book EntryID.

crate::wire_enum! {
    /// The Type of an Address Book EntryID (MS-OXCDATA 2.2.5.2): what kind
    /// of address-book object the X500 DN names.
    pub struct AddressBookType(u32) {
        /// Local mail user.
        LOCAL_MAIL_USER = 0x0000_0000 => "LocalMailUser",
        /// Distribution list.
        DISTRIBUTION_LIST = 0x0000_0001 => "DistributionList",
        /// Bulletin board or public folder.
        BULLETIN_BOARD = 0x0000_0002 => "BulletinBoardOrPublicFolder",
        /// Automated mailbox.
        AUTOMATED_MAILBOX = 0x0000_0003 => "AutomatedMailbox",
        /// Organizational mailbox.
        ORGANIZATIONAL_MAILBOX = 0x0000_0004 => "OrganizationalMailbox",
        /// Private distribution list.
        PRIVATE_DISTRIBUTION_LIST = 0x0000_0005 => "PrivateDistributionList",
        /// Remote mail user.
        REMOTE_MAIL_USER = 0x0000_0006 => "RemoteMailUser",
        /// Container.
        CONTAINER = 0x0000_0100 => "Container",
        /// Template.
        TEMPLATE = 0x0000_0101 => "Template",
        /// One-off user.
        ONE_OFF_USER = 0x0000_0102 => "OneOffUser",
        /// Search.
        SEARCH = 0x0000_0200 => "Search",
    }
}

/// An Address Book EntryID (MS-OXCDATA 2.2.5.2): a directory object named
/// by its X500 DN. The same bytes are the Permanent EntryID of MS-OXNSPI
/// 2.2.9.3 (whose ProviderUID, GUID_NSPI, is the same value).
///
/// Layout: Flags (u32), ProviderUID ([`PROVIDER_UID`](Self::PROVIDER_UID),
/// not stored: required on decode, written on encode), Version (u32, 1),
/// Type (u32, [`AddressBookType`]), X500DN (8-bit, NUL-terminated).
///
/// ```
/// use mapi_wire::data::{AddressBookEntryId, AddressBookType};
/// use mapi_wire::wire::{Decode, Encode};
///
/// let eid = AddressBookEntryId::new(AddressBookType::LOCAL_MAIL_USER, b"/o=Org/cn=user");
/// let bytes = eid.to_vec().unwrap();
/// assert_eq!(bytes.len(), 4 + 16 + 4 + 4 + 14 + 1);
/// assert_eq!(&bytes[20..24], &[1, 0, 0, 0]);
/// let (back, rest) = AddressBookEntryId::decode(&bytes).unwrap();
/// assert!(rest.is_empty());
/// assert_eq!(back.x500_dn, b"/o=Org/cn=user");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct AddressBookEntryId<'a> {
    /// Flags: zero for a long-term EntryID.
    pub flags: u32,
    /// Version: 1.
    pub version: u32,
    /// Type: the kind of object.
    pub object_type: AddressBookType,
    /// X500DN: the object's DN, 8-bit, without terminator.
    pub x500_dn: &'a [u8],
}

impl<'a> AddressBookEntryId<'a> {
    /// The ProviderUID: the bytes `DC A7 40 C8 C0 42 10 1A B4 B9 08 00 2B 2F
    /// E1 82` ({C840A7DC-42C0-1A10-B4B9-08002B2FE182} read as a GUID).
    pub const PROVIDER_UID: Guid = Guid([
        0xDC, 0xA7, 0x40, 0xC8, 0xC0, 0x42, 0x10, 0x1A, 0xB4, 0xB9, 0x08, 0x00, 0x2B, 0x2F, 0xE1,
        0x82,
    ]);

    /// A long-term EntryID (Flags 0, Version 1) of `object_type` for `x500_dn`.
    pub const fn new(object_type: AddressBookType, x500_dn: &'a [u8]) -> Self {
        AddressBookEntryId {
            flags: 0,
            version: 1,
            object_type,
            x500_dn,
        }
    }
}

impl fmt::Debug for AddressBookEntryId<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AddressBookEntryId")
            .field("flags", &self.flags)
            .field("version", &self.version)
            .field("object_type", &self.object_type)
            .field("x500_dn", &Text8(self.x500_dn))
            .finish()
    }
}

impl<'a> Decode<'a> for AddressBookEntryId<'a> {
    type Ctx = ();
    const NAME: &'static str = "AddressBookEntryId";
    const MIN_LEN: usize = 4 + 16 + 4 + 4 + 1;

    fn decode_from(r: &mut Reader<'a>, _: ()) -> Result<Self, Error> {
        let flags = r.u32().in_field("flags")?;
        expect_uid(r, Self::PROVIDER_UID)?;
        Ok(AddressBookEntryId {
            flags,
            version: r.u32().in_field("version")?,
            object_type: AddressBookType::decode_from(r, ()).in_field("type")?,
            x500_dn: r.until_nul8().in_field("x500_dn")?,
        })
    }
}

impl Encode for AddressBookEntryId<'_> {
    type Ctx = ();

    fn encoded_len_with(&self, _: ()) -> usize {
        // Saturates only for built values no sink could hold.
        (4 + 16 + 4 + 4 + 1usize).saturating_add(self.x500_dn.len())
    }

    /// Fails with [`ErrorKind::Unencodable`] when the DN contains a NUL.
    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, _: ()) -> Result<(), Error> {
        s.put_u32(self.flags).in_field("flags")?;
        s.put(&Self::PROVIDER_UID.0).in_field("provider_uid")?;
        s.put_u32(self.version).in_field("version")?;
        s.put_u32(self.object_type.0).in_field("type")?;
        put_str8(s, self.x500_dn, "x500_dn")
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for AddressBookEntryId<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("AddressBookEntryId", 4)?;
        st.serialize_field("flags", &self.flags)?;
        st.serialize_field("version", &self.version)?;
        st.serialize_field("type", &self.object_type)?;
        st.serialize_field("x500_dn", &Text8(self.x500_dn))?;
        st.end()
    }
}

// ---------------------------------------------------------------------------
// 2.2.5.1 One-Off EntryID.

/// The 16-bit flag word of a One-Off EntryID (MS-OXCDATA 2.2.5.1), after
/// its Version; little-endian ("Intel byte order", MAPI's "One-Off Entry
/// Identifiers"). Unknown bits are kept.
///
/// The bit positions below are the word values the specification's tables
/// give for the MAE and Format fields, and the MAPI constants for the U and
/// R bits (`MAPI_ONE_OFF_UNICODE`, `MAPI_ONE_OFF_NO_RICH_INFO`); the L bit
/// (0x1000) is taken from gromox, as the bit diagram of 2.2.5.1 does not
/// give usable masks.
///
/// ```
/// use mapi_wire::data::OneOffFlags;
///
/// let f = OneOffFlags(0x9001);
/// assert!(f.is_unicode());
/// assert!(f.contains(OneOffFlags::NO_RICH_INFO));
/// assert!(f.contains(OneOffFlags::NO_LOOKUP));
/// assert_eq!(format!("{f:?}"), "OneOffFlags(0x9001)");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct OneOffFlags(pub u16);

impl OneOffFlags {
    /// U: the three strings are UTF-16LE (else 8-bit).
    pub const UNICODE: u16 = 0x8000;
    /// L: the address is not to be looked up in the address book.
    pub const NO_LOOKUP: u16 = 0x1000;
    /// R: send without rich (TNEF) content.
    pub const NO_RICH_INFO: u16 = 0x0001;
    /// Format: TextOnly 0x0006, HtmlOnly 0x000E, TextAndHtml 0x0016.
    pub const FORMAT_MASK: u16 = 0x001E;
    /// MAE, the Macintosh attachment encoding: BinHex 0x0000, UUENCODE
    /// 0x0020, AppleSingle 0x0040, AppleDouble 0x0060.
    pub const MAE_MASK: u16 = 0x0060;

    /// True when the strings are UTF-16LE.
    pub const fn is_unicode(self) -> bool {
        self.0 & Self::UNICODE != 0
    }

    /// True when every bit of `bits` is set.
    pub const fn contains(self, bits: u16) -> bool {
        self.0 & bits == bits
    }
}

impl fmt::Debug for OneOffFlags {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "OneOffFlags({:#06X})", self.0)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for OneOffFlags {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u16(self.0)
    }
}

/// A One-Off EntryID (MS-OXCDATA 2.2.5.1): a recipient that is not in the
/// directory, carried whole in the EntryID.
///
/// Layout: Flags (u32), ProviderUID ([`PROVIDER_UID`](Self::PROVIDER_UID),
/// not stored: required on decode, written on encode), Version (u16, 0),
/// the flag word ([`OneOffFlags`]), then DisplayName, AddressType and
/// EmailAddress, each NUL-terminated: UTF-16LE when
/// [`OneOffFlags::UNICODE`] is set, 8-bit otherwise.
///
/// The three strings are kept as raw bytes **without** their terminators;
/// which encoding they are in follows from `flags.is_unicode()` (see
/// [`is_unicode`](Self::is_unicode)). Decoding them is the caller's job
/// (the crate's UTF-16 string type can wrap the UTF-16 ones).
///
/// ```
/// use mapi_wire::data::{OneOffEntryId, OneOffFlags};
/// use mapi_wire::wire::{Decode, Encode};
///
/// let eid = OneOffEntryId {
///     flags: 0,
///     version: 0,
///     options: OneOffFlags(OneOffFlags::NO_RICH_INFO),
///     display_name: b"Joe",
///     address_type: b"SMTP",
///     email_address: b"joe@example.com",
/// };
/// let bytes = eid.to_vec().unwrap();
/// assert_eq!(&bytes[20..24], &[0x00, 0x00, 0x01, 0x00]);
/// assert_eq!(&bytes[24..28], b"Joe\0");
/// let (back, _) = OneOffEntryId::decode(&bytes).unwrap();
/// assert_eq!(back, eid);
/// assert!(!back.is_unicode());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct OneOffEntryId<'a> {
    /// Flags: zero for a long-term EntryID.
    pub flags: u32,
    /// Version: zero.
    pub version: u16,
    /// The flag word: encoding, format, MAE, lookup and rich-info bits.
    pub options: OneOffFlags,
    /// DisplayName, without terminator.
    pub display_name: &'a [u8],
    /// AddressType (e.g. `SMTP`), without terminator.
    pub address_type: &'a [u8],
    /// EmailAddress, without terminator.
    pub email_address: &'a [u8],
}

impl OneOffEntryId<'_> {
    /// The ProviderUID: the bytes `81 2B 1F A4 BE A3 10 19 9D 6E 00 DD 01 0F
    /// 54 02` ({A41F2B81-A3BE-1910-9D6E-00DD010F5402} read as a GUID).
    pub const PROVIDER_UID: Guid = Guid([
        0x81, 0x2B, 0x1F, 0xA4, 0xBE, 0xA3, 0x10, 0x19, 0x9D, 0x6E, 0x00, 0xDD, 0x01, 0x0F, 0x54,
        0x02,
    ]);

    /// True when the three strings are UTF-16LE bytes.
    pub const fn is_unicode(&self) -> bool {
        self.options.is_unicode()
    }

    fn terminator_len(&self) -> usize {
        if self.is_unicode() { 2 } else { 1 }
    }
}

impl fmt::Debug for OneOffEntryId<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let u = self.is_unicode();
        f.debug_struct("OneOffEntryId")
            .field("flags", &self.flags)
            .field("version", &self.version)
            .field("options", &self.options)
            .field("display_name", &Text::new(self.display_name, u))
            .field("address_type", &Text::new(self.address_type, u))
            .field("email_address", &Text::new(self.email_address, u))
            .finish()
    }
}

impl<'a> Decode<'a> for OneOffEntryId<'a> {
    type Ctx = ();
    const NAME: &'static str = "OneOffEntryId";
    /// Three empty 8-bit strings.
    const MIN_LEN: usize = 4 + 16 + 2 + 2 + 3;

    fn decode_from(r: &mut Reader<'a>, _: ()) -> Result<Self, Error> {
        let flags = r.u32().in_field("flags")?;
        expect_uid(r, Self::PROVIDER_UID)?;
        let version = r.u16().in_field("version")?;
        let options = OneOffFlags(r.u16().in_field("options")?);
        let mut string = |field: &'static str| {
            if options.is_unicode() {
                r.until_nul16().in_field(field)
            } else {
                r.until_nul8().in_field(field)
            }
        };
        Ok(OneOffEntryId {
            flags,
            version,
            options,
            display_name: string("display_name")?,
            address_type: string("address_type")?,
            email_address: string("email_address")?,
        })
    }
}

impl Encode for OneOffEntryId<'_> {
    type Ctx = ();

    fn encoded_len_with(&self, _: ()) -> usize {
        // Saturates only for built values no sink could hold.
        (4 + 16 + 2 + 2usize)
            .saturating_add(self.display_name.len())
            .saturating_add(self.address_type.len())
            .saturating_add(self.email_address.len())
            .saturating_add(self.terminator_len().saturating_mul(3))
    }

    /// Fails with [`ErrorKind::Unencodable`] when a string contains its
    /// terminator, or (UTF-16) has an odd length.
    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, _: ()) -> Result<(), Error> {
        s.put_u32(self.flags).in_field("flags")?;
        s.put(&Self::PROVIDER_UID.0).in_field("provider_uid")?;
        s.put_u16(self.version).in_field("version")?;
        s.put_u16(self.options.0).in_field("options")?;
        let put = if self.is_unicode() {
            put_str16
        } else {
            put_str8
        };
        put(s, self.display_name, "display_name")?;
        put(s, self.address_type, "address_type")?;
        put(s, self.email_address, "email_address")
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for OneOffEntryId<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let u = self.is_unicode();
        let mut st = s.serialize_struct("OneOffEntryId", 6)?;
        st.serialize_field("flags", &self.flags)?;
        st.serialize_field("version", &self.version)?;
        st.serialize_field("options", &self.options)?;
        st.serialize_field("display_name", &Text::new(self.display_name, u))?;
        st.serialize_field("address_type", &Text::new(self.address_type, u))?;
        st.serialize_field("email_address", &Text::new(self.email_address, u))?;
        st.end()
    }
}

// ---------------------------------------------------------------------------
// Any EntryID.

/// Any EntryID, recognised by its ProviderUID or, for folders and messages
/// (whose ProviderUID is a mailbox GUID), by its length.
///
/// * ProviderUID [`StoreEntryId::PROVIDER_UID`] → [`Store`](Self::Store);
/// * [`AddressBookEntryId::PROVIDER_UID`] → [`AddressBook`](Self::AddressBook);
/// * [`OneOffEntryId::PROVIDER_UID`] → [`OneOff`](Self::OneOff);
/// * otherwise 46 bytes → [`Folder`](Self::Folder), 70 bytes →
///   [`Message`](Self::Message) (the rule MFCMAPI uses; the type code is
///   not checked, so a 46-byte EntryID with a message type is still a
///   Folder EntryID by layout);
/// * anything else, or bytes that do not parse exactly as the kind their
///   ProviderUID announces, → [`Unknown`](Self::Unknown).
///
/// It decodes from a slice that is exactly the EntryID (the value of a
/// PtypBinary property, say): `decode_from` takes every byte that is left
/// and never fails, and every input re-encodes to the same bytes.
///
/// ```
/// use mapi_wire::data::{EntryId, StoreObjectType};
/// use mapi_wire::wire::Encode;
///
/// let mut bytes = [0u8; 46];
/// bytes[20] = 0x01; // FolderType: eitLTPrivateFolder
/// match EntryId::parse(&bytes) {
///     EntryId::Folder(f) => assert_eq!(f.folder_type, StoreObjectType::PRIVATE_FOLDER),
///     other => panic!("{other:?}"),
/// }
/// assert_eq!(EntryId::parse(&bytes[..45]), EntryId::Unknown(&bytes[..45]));
/// assert_eq!(EntryId::parse(&bytes).to_vec().unwrap(), bytes);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntryId<'a> {
    /// A Folder EntryID (2.2.4.1).
    Folder(FolderEntryId),
    /// A Message EntryID (2.2.4.2).
    Message(MessageEntryId),
    /// A Store Object EntryID (2.2.4.3).
    Store(StoreEntryId<'a>),
    /// An Address Book EntryID (2.2.5.2).
    AddressBook(AddressBookEntryId<'a>),
    /// A One-Off EntryID (2.2.5.1).
    OneOff(OneOffEntryId<'a>),
    /// Any other EntryID, kept as is.
    Unknown(&'a [u8]),
}

/// Decodes `T` from all of `bytes`, or `None`.
fn exactly<'a, T: Decode<'a, Ctx = ()>>(bytes: &'a [u8]) -> Option<T> {
    T::decode_exact(bytes, ()).ok()
}

impl<'a> EntryId<'a> {
    /// Recognises the EntryID that is exactly `bytes`.
    pub fn parse(bytes: &'a [u8]) -> Self {
        let parsed = match bytes.get(4..20) {
            Some(uid) if uid == StoreEntryId::PROVIDER_UID.0 => exactly(bytes).map(EntryId::Store),
            Some(uid) if uid == AddressBookEntryId::PROVIDER_UID.0 => {
                exactly(bytes).map(EntryId::AddressBook)
            }
            Some(uid) if uid == OneOffEntryId::PROVIDER_UID.0 => {
                exactly(bytes).map(EntryId::OneOff)
            }
            _ => match bytes.len() {
                FolderEntryId::LEN => exactly(bytes).map(EntryId::Folder),
                MessageEntryId::LEN => exactly(bytes).map(EntryId::Message),
                _ => None,
            },
        };
        parsed.unwrap_or(EntryId::Unknown(bytes))
    }

    /// The ProviderUID (bytes 4 to 20), if the EntryID is that long.
    pub fn provider_uid(&self) -> Option<Guid> {
        match self {
            EntryId::Folder(f) => Some(f.provider_uid),
            EntryId::Message(m) => Some(m.provider_uid),
            EntryId::Store(_) => Some(StoreEntryId::PROVIDER_UID),
            EntryId::AddressBook(_) => Some(AddressBookEntryId::PROVIDER_UID),
            EntryId::OneOff(_) => Some(OneOffEntryId::PROVIDER_UID),
            EntryId::Unknown(b) => b.get(4..20).and_then(|g| g.try_into().ok()).map(Guid),
        }
    }
}

impl fmt::Debug for EntryId<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EntryId::Folder(v) => f.debug_tuple("Folder").field(v).finish(),
            EntryId::Message(v) => f.debug_tuple("Message").field(v).finish(),
            EntryId::Store(v) => f.debug_tuple("Store").field(v).finish(),
            EntryId::AddressBook(v) => f.debug_tuple("AddressBook").field(v).finish(),
            EntryId::OneOff(v) => f.debug_tuple("OneOff").field(v).finish(),
            EntryId::Unknown(b) => {
                f.write_str("Unknown(")?;
                write_hex(f, b)?;
                f.write_str(")")
            }
        }
    }
}

impl<'a> Decode<'a> for EntryId<'a> {
    type Ctx = ();
    const NAME: &'static str = "EntryId";
    const MIN_LEN: usize = 0;

    /// Takes every byte that is left; never fails.
    fn decode_from(r: &mut Reader<'a>, _: ()) -> Result<Self, Error> {
        Ok(EntryId::parse(r.rest()))
    }
}

impl Encode for EntryId<'_> {
    type Ctx = ();

    fn encoded_len_with(&self, _: ()) -> usize {
        match self {
            EntryId::Folder(v) => v.encoded_len(),
            EntryId::Message(v) => v.encoded_len(),
            EntryId::Store(v) => v.encoded_len(),
            EntryId::AddressBook(v) => v.encoded_len(),
            EntryId::OneOff(v) => v.encoded_len(),
            EntryId::Unknown(b) => b.len(),
        }
    }

    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, _: ()) -> Result<(), Error> {
        match self {
            EntryId::Folder(v) => v.encode(s),
            EntryId::Message(v) => v.encode(s),
            EntryId::Store(v) => v.encode(s),
            EntryId::AddressBook(v) => v.encode(s),
            EntryId::OneOff(v) => v.encode(s),
            EntryId::Unknown(b) => s.put(b),
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for EntryId<'_> {
    /// Externally tagged, `{"Folder": {...}}`; an unknown EntryID is
    /// `{"Unknown": "<hex>"}`.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        const N: &str = "EntryId";
        match self {
            EntryId::Folder(v) => s.serialize_newtype_variant(N, 0, "Folder", v),
            EntryId::Message(v) => s.serialize_newtype_variant(N, 1, "Message", v),
            EntryId::Store(v) => s.serialize_newtype_variant(N, 2, "Store", v),
            EntryId::AddressBook(v) => s.serialize_newtype_variant(N, 3, "AddressBook", v),
            EntryId::OneOff(v) => s.serialize_newtype_variant(N, 4, "OneOff", v),
            EntryId::Unknown(b) => {
                s.serialize_newtype_variant(N, 5, "Unknown", &crate::wire::HexStr(b))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_adapters_escape_and_replace() {
        assert_eq!(format!("{}", Text8(b"a\\b\x01\xFF")), "a\\x5Cb\\x01\\xFF");
        // "A", an unpaired high surrogate, "B", and an odd last byte.
        assert_eq!(
            format!("{}", Text16(&[0x41, 0x00, 0x00, 0xD8, 0x42, 0x00, 0x43])),
            "A\u{FFFD}B\u{FFFD}"
        );
    }

    #[test]
    fn store_magic_is_only_recognised_whole() {
        assert!(starts_with_store_magic(&[0xE9, 0x46, 0x32, 0xF4, 0]));
        assert!(starts_with_store_magic(&[0xD8, 0x35, 0x21, 0xF3]));
        assert!(!starts_with_store_magic(&[0xE9, 0x46, 0x32]));
        assert!(!starts_with_store_magic(b"/o=x"));
    }

    #[test]
    fn mailbox_store_without_dn_is_unencodable() {
        let mut eid = StoreEntryId::mailbox(b"SRV", b"/o=x");
        eid.mailbox_dn = None;
        let e = eid.to_vec().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Unencodable { value: 0 });
        assert_eq!(
            e.to_string(),
            "MailboxDn: cannot encode value 0x0 (offset 0)"
        );
    }

    #[test]
    fn public_store_tail_must_be_an_extension() {
        let mut eid = StoreEntryId::public(b"SRV");
        eid.tail = b"junk";
        assert!(eid.to_vec().is_err());
        eid.tail = &[0xE9, 0x46, 0x32, 0xF4];
        let bytes = eid.to_vec().unwrap();
        assert_eq!(StoreEntryId::decode_exact(&bytes, ()).unwrap(), eid);
    }

    #[test]
    fn strings_with_terminators_are_unencodable() {
        let ab = AddressBookEntryId::new(AddressBookType::LOCAL_MAIL_USER, b"a\0b");
        assert_eq!(
            ab.to_vec().unwrap_err().kind(),
            ErrorKind::Unencodable { value: 1 }
        );
        let mut oo = OneOffEntryId {
            flags: 0,
            version: 0,
            options: OneOffFlags(OneOffFlags::UNICODE),
            display_name: &[0x41, 0x00, 0x00, 0x00],
            address_type: &[],
            email_address: &[],
        };
        assert!(oo.to_vec().is_err());
        oo.display_name = &[0x41];
        assert!(oo.to_vec().is_err());
        // 00 01 straddles no terminator: 0x0100 is a code unit, then 0x0041.
        oo.display_name = &[0x00, 0x01, 0x41, 0x00];
        let bytes = oo.to_vec().unwrap();
        assert_eq!(OneOffEntryId::decode_exact(&bytes, ()).unwrap(), oo);
    }

    #[test]
    fn wrong_provider_uid_is_invalid() {
        let mut bytes = AddressBookEntryId::new(AddressBookType::CONTAINER, b"")
            .to_vec()
            .unwrap();
        bytes[4] ^= 1;
        let e = AddressBookEntryId::decode_exact(&bytes, ()).unwrap_err();
        assert_eq!(e.offset(), 4);
        assert!(matches!(e.kind(), ErrorKind::InvalidValue { .. }));
        assert_eq!(EntryId::parse(&bytes), EntryId::Unknown(&bytes));
    }
}
