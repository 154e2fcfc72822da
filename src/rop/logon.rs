//! Logon and store ROPs (MS-OXCROPS 2.2.3; semantics in MS-OXCSTOR 2.2.1).
//!
//! Each request is the ROP's fields after its RopId; each response body is
//! the part after ReturnValue (the framing lives in [`Response`](super::Response)).
//!
//! Two layouts here depend on what the bytes do not say:
//!
//! - the RopLogon success response has a private-mailbox and a
//!   public-folders form, chosen by the Private bit of the request's
//!   LogonFlags ([`LogonSuccess`]);
//! - the RopWritePerUserInformation request ends in a ReplGuid only when
//!   DataOffset is 0 and its logon is a private-mailbox logon
//!   ([`PerUserReplGuid`]).
//!
//! Both take the logon kind from the [`RopFacts`] of the ROP.

use super::common::Bool8;
use super::context::{LogonKind, RopFacts};
use crate::data::{
    ErrorCode, FolderId, GlobalCounter, Guid, LongTermId, MessageId, PropertyRows, PropertyTag,
    ReplicaId, RowContext, String8,
};
use crate::wire::{
    Array, Bytes, Count, Decode, Encode, Error, ErrorKind, Fixed, List, Reader, Rest, ResultExt,
    Sink, Unit, Width,
};
use core::fmt;

crate::wire_flags! {
    /// LogonFlags of RopLogon (MS-OXCSTOR 2.2.1.1.1). The responses echo
    /// them (2.2.1.1.3, 2.2.1.1.4, 2.2.1.1.2).
    ///
    /// ```
    /// use mapi_wire::rop::{LogonFlags, LogonKind};
    ///
    /// assert_eq!(LogonFlags::PRIVATE.kind(), LogonKind::Private);
    /// assert_eq!(LogonFlags::GHOSTED.kind(), LogonKind::Public);
    /// ```
    pub struct LogonFlags: u8 {
        /// Private: a private-mailbox logon (clear for public folders).
        const PRIVATE = 0x01;
        /// Undercover: ignored by the server.
        const UNDERCOVER = 0x02;
        /// Ghosted: ignored by the server.
        const GHOSTED = 0x04;
        /// SpoolerProcess: ignored by the server.
        const SPOOLER_PROCESS = 0x08;
    }
}

impl LogonFlags {
    /// The kind of logon these flags select (the Private bit).
    pub const fn kind(self) -> LogonKind {
        LogonKind::from_logon_flags(self.bits())
    }
}

crate::wire_flags! {
    /// OpenFlags of RopLogon (MS-OXCSTOR 2.2.1.1.1).
    ///
    /// ```
    /// use mapi_wire::rop::OpenFlags;
    ///
    /// let f = OpenFlags::from_bits_retain(0x0100_0C04);
    /// assert!(f.contains(OpenFlags::USE_PER_MDB_REPLID_MAPPING | OpenFlags::HOME_LOGON));
    /// ```
    pub struct OpenFlags: u32 {
        /// USE_ADMIN_PRIVILEGE: administrative access to the mailbox.
        const USE_ADMIN_PRIVILEGE = 0x0000_0001;
        /// PUBLIC: open a public folders message store.
        const PUBLIC = 0x0000_0002;
        /// HOME_LOGON: ignored.
        const HOME_LOGON = 0x0000_0004;
        /// TAKE_OWNERSHIP: ignored.
        const TAKE_OWNERSHIP = 0x0000_0008;
        /// ALTERNATE_SERVER: ask a private server for an alternate public
        /// server.
        const ALTERNATE_SERVER = 0x0000_0100;
        /// IGNORE_HOME_MDB: log on to a public store other than the
        /// user's default one.
        const IGNORE_HOME_MDB = 0x0000_0200;
        /// NO_MAIL: ignored.
        const NO_MAIL = 0x0000_0400;
        /// USE_PER_MDB_REPLID_MAPPING: per-database REPLID mappings
        /// (private-mailbox logons).
        const USE_PER_MDB_REPLID_MAPPING = 0x0100_0000;
        /// SUPPORT_PROGRESS: the client accepts asynchronous RopSetReadFlags.
        const SUPPORT_PROGRESS = 0x2000_0000;
    }
}

crate::wire_flags! {
    /// ResponseFlags of the private-mailbox RopLogon response
    /// (MS-OXCSTOR 2.2.1.1.3).
    ///
    /// ```
    /// use mapi_wire::rop::ResponseFlags;
    ///
    /// let f = ResponseFlags::from_bits_retain(0x07);
    /// assert!(f.contains(ResponseFlags::OWNER_RIGHT | ResponseFlags::SEND_AS_RIGHT));
    /// assert!(!f.contains(ResponseFlags::OOF));
    /// ```
    pub struct ResponseFlags: u8 {
        /// Reserved: always set, ignored by the client.
        const RESERVED = 0x01;
        /// OwnerRight: the user owns the mailbox.
        const OWNER_RIGHT = 0x02;
        /// SendAsRight: the user may send mail from the mailbox.
        const SEND_AS_RIGHT = 0x04;
        /// OOF: the Out of Office state is set.
        const OOF = 0x10;
    }
}

crate::wire_flags! {
    /// StoreState (MS-OXCSTOR 2.2.1.5.2): the RopGetStoreState response
    /// and the private-mailbox RopLogon response; the RopLogon request
    /// carries it too, always 0.
    ///
    /// ```
    /// use mapi_wire::rop::StoreState;
    ///
    /// assert_eq!(StoreState::STORE_HAS_SEARCHES.bits(), 0x0100_0000);
    /// ```
    pub struct StoreState: u32 {
        /// STORE_HAS_SEARCHES: the mailbox has active search folders.
        const STORE_HAS_SEARCHES = 0x0100_0000;
    }
}

/// An 8-bit string preceded by its size, a size that counts the
/// terminating NUL: the Essdn of RopLogon (EssdnSize, 2 bytes;
/// MS-OXCROPS 2.2.3.1.1) and the ServerName of its redirect response
/// (ServerNameSize, 1 byte; 2.2.3.1.4).
///
/// It holds every byte the size counts, terminator included, so that any
/// input re-encodes exactly; [`SizedString8::string`] gives the string
/// when the bytes are a well-formed NUL-terminated string. A size of 0
/// (no bytes at all) is allowed. Its context is the [`Width`] of the size.
///
/// ```
/// use mapi_wire::rop::SizedString8;
/// use mapi_wire::wire::{Decode, Encode, Width};
///
/// let bytes = [0x03, 0x00, b'/', b'o', 0x00];
/// let (s, _) = SizedString8::decode_with(&bytes, Width::U16).unwrap();
/// assert_eq!(s.string().unwrap().as_bytes(), b"/o");
/// assert_eq!(s.to_vec_with(Width::U16).unwrap(), bytes);
/// // A size that counts no terminator is kept, but is no string.
/// let (s, _) = SizedString8::decode_with(&[0x01, b'x'], Width::U8).unwrap();
/// assert!(s.string().is_none());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct SizedString8<'a>(pub &'a [u8]);

impl<'a> SizedString8<'a> {
    /// Every byte the size counts, terminator included.
    pub const fn as_bytes(&self) -> &'a [u8] {
        self.0
    }

    /// The string without its terminator, if the bytes end in the only
    /// NUL they contain.
    pub fn string(&self) -> Option<String8<'a>> {
        match self.0.split_last() {
            Some((0, body)) => String8::new(body),
            _ => None,
        }
    }
}

impl fmt::Debug for SizedString8<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.string() {
            Some(s) => fmt::Debug::fmt(&s, f),
            None => {
                f.write_str("SizedString8(")?;
                crate::wire::write_hex(f, self.0)?;
                f.write_str(")")
            }
        }
    }
}

impl<'a> Decode<'a> for SizedString8<'a> {
    type Ctx = Width;
    const NAME: &'static str = "String8";
    const MIN_LEN: usize = 1;

    #[inline]
    fn decode_from(r: &mut Reader<'a>, w: Width) -> Result<Self, Error> {
        let n = r.uint(w).in_field("size")?;
        let n = r.check_count(n, 1, Unit::Bytes, w.size())?;
        r.bytes(n).map(SizedString8)
    }
}

impl Encode for SizedString8<'_> {
    type Ctx = Width;

    #[inline]
    fn encoded_len_with(&self, w: Width) -> usize {
        w.size() + self.0.len()
    }

    #[inline]
    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, w: Width) -> Result<(), Error> {
        s.put_uint(w, self.0.len()).in_field("size")?;
        s.put(self.0)
    }
}

/// A well-formed string serializes as text, anything else as hex.
#[cfg(feature = "serde")]
impl serde::Serialize for SizedString8<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.string() {
            Some(v) => v.serialize(s),
            None => crate::wire::HexStr(self.0).serialize(s),
        }
    }
}

/// The identifier of a folder or a message: a FID (MS-OXCDATA 2.2.1.1) or
/// a MID (2.2.1.2), which share one 8-byte layout. The ObjectId of
/// RopLongTermIdFromId and RopIdFromLongTermId (MS-OXCROPS 2.2.3.8,
/// 2.2.3.9) may be either.
///
/// ```
/// use mapi_wire::data::{FolderId, MessageId};
/// use mapi_wire::rop::ObjectId;
/// use mapi_wire::wire::{Decode, Encode};
///
/// let bytes = [0x01, 0x00, 0x00, 0x00, 0x0E, 0x91, 0x52, 0x12];
/// let (id, _) = ObjectId::decode(&bytes).unwrap();
/// assert_eq!(id.to_string(), "0001-00000E915212");
/// assert_eq!(id.as_folder_id(), FolderId(bytes));
/// assert_eq!(ObjectId::from(MessageId(bytes)), id);
/// assert_eq!(id.to_vec().unwrap(), bytes);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ObjectId(pub [u8; 8]);

impl ObjectId {
    /// The identifier read as a FID.
    pub const fn as_folder_id(self) -> FolderId {
        FolderId(self.0)
    }

    /// The identifier read as a MID.
    pub const fn as_message_id(self) -> MessageId {
        MessageId(self.0)
    }

    /// The replica ID (the first two bytes).
    pub const fn replica_id(self) -> ReplicaId {
        self.as_folder_id().replica_id()
    }

    /// The global counter (the last six bytes).
    pub const fn global_counter(self) -> GlobalCounter {
        self.as_folder_id().global_counter()
    }
}

impl From<FolderId> for ObjectId {
    fn from(id: FolderId) -> Self {
        ObjectId(id.0)
    }
}

impl From<MessageId> for ObjectId {
    fn from(id: MessageId) -> Self {
        ObjectId(id.0)
    }
}

impl fmt::Display for ObjectId {
    /// `RRRR-CCCCCCCCCCCC`, as a FID or MID prints.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.as_folder_id(), f)
    }
}

impl fmt::Debug for ObjectId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

crate::wire_newtype! { ObjectId([u8; 8]) => "ObjectId"; }

#[cfg(feature = "serde")]
impl serde::Serialize for ObjectId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

crate::wire_struct! {
    /// RopLogon request (MS-OXCROPS 2.2.3.1.1; MS-OXCSTOR 2.2.1.1.1):
    /// logs on to a private mailbox (LogonFlags Private set) or to public
    /// folders. LogonId names the new logon; the Logon object goes to
    /// OutputHandleIndex.
    ///
    /// ```
    /// use mapi_wire::rop::{LogonFlags, LogonRequest, RopFacts};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// // Construction: private logon, OpenFlags 0x01000C04, Essdn "/o".
    /// let bytes = [0x00, 0x00, 0x01, 0x04, 0x0C, 0x00, 0x01, 0, 0, 0, 0, 0x03, 0x00, b'/', b'o', 0x00];
    /// let (r, _) = LogonRequest::decode(&bytes).unwrap();
    /// assert_eq!(r.logon_flags, LogonFlags::PRIVATE);
    /// assert_eq!(r.essdn.string().unwrap().as_bytes(), b"/o");
    /// assert_eq!(r.to_vec().unwrap(), bytes);
    /// ```
    pub struct LogonRequest<'a> {
        /// LogonId: the ID the client gives the new logon.
        pub logon_id: u8,
        /// OutputHandleIndex: where the Logon object's handle goes.
        pub output_handle_index: u8,
        /// LogonFlags.
        pub logon_flags: LogonFlags,
        /// OpenFlags.
        pub open_flags: OpenFlags,
        /// StoreState: unused, 0.
        pub store_state: StoreState,
        /// Essdn, preceded by EssdnSize (2 bytes, counting the
        /// terminating NUL): the mailbox's distinguished name.
        pub essdn: SizedString8<'a> = ctx(Width::U16),
    }
}

/// Which special folder a slot of the private-mailbox FolderIds holds
/// (MS-OXCSTOR 2.2.1.1.3), in wire order.
///
/// ```
/// use mapi_wire::rop::PrivateFolder;
///
/// assert_eq!(PrivateFolder::Inbox as usize, 4);
/// assert_eq!(PrivateFolder::ALL.len(), 13);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PrivateFolder {
    /// Mailbox Root folder.
    MailboxRoot = 0,
    /// Deferred Action.
    DeferredAction,
    /// Spooler Queue.
    SpoolerQueue,
    /// Interpersonal messages subtree (the user-visible root).
    IpmSubtree,
    /// Inbox.
    Inbox,
    /// Outbox.
    Outbox,
    /// Sent Items.
    SentItems,
    /// Deleted Items.
    DeletedItems,
    /// Common Views.
    CommonViews,
    /// Schedule.
    Schedule,
    /// Search.
    Search,
    /// Views.
    Views,
    /// Shortcuts.
    Shortcuts,
}

impl PrivateFolder {
    /// Every slot, in wire order.
    pub const ALL: [PrivateFolder; 13] = [
        PrivateFolder::MailboxRoot,
        PrivateFolder::DeferredAction,
        PrivateFolder::SpoolerQueue,
        PrivateFolder::IpmSubtree,
        PrivateFolder::Inbox,
        PrivateFolder::Outbox,
        PrivateFolder::SentItems,
        PrivateFolder::DeletedItems,
        PrivateFolder::CommonViews,
        PrivateFolder::Schedule,
        PrivateFolder::Search,
        PrivateFolder::Views,
        PrivateFolder::Shortcuts,
    ];
}

/// Which special folder a slot of the public-folders FolderIds holds
/// (MS-OXCSTOR 2.2.1.1.4), in wire order; the last three slots are empty.
///
/// ```
/// use mapi_wire::rop::PublicFolder;
///
/// assert_eq!(PublicFolder::IpmSubtree as usize, 1);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PublicFolder {
    /// Public Folders Root Folder.
    Root = 0,
    /// Interpersonal messages subtree.
    IpmSubtree,
    /// Non-interpersonal messages subtree.
    NonIpmSubtree,
    /// EForms Registry.
    EFormsRegistry,
    /// Free/Busy Data.
    FreeBusy,
    /// Offline address book Data.
    OfflineAddressBook,
    /// EForms Registry for the user's locale.
    LocalEFormsRegistry,
    /// Local Site's Free/Busy Data.
    LocalFreeBusy,
    /// Local Site's Offline Address Book Data.
    LocalOfflineAddressBook,
    /// NNTP Article Index.
    NntpArticleIndex,
}

/// FolderIds of a RopLogon success response (MS-OXCROPS 2.2.3.1.2,
/// 2.2.3.1.3): 13 FIDs of special folders, 104 bytes. What each slot
/// holds depends on the kind of logon: see [`PrivateFolder`] and
/// [`PublicFolder`].
///
/// ```
/// use mapi_wire::data::FolderId;
/// use mapi_wire::rop::{PrivateFolder, SpecialFolderIds};
/// use mapi_wire::wire::{Decode, Encode};
///
/// let bytes: Vec<u8> = (0..13u8).flat_map(|i| [1, 0, 0, 0, 0, 0, 0, i]).collect();
/// let (ids, _) = SpecialFolderIds::decode(&bytes).unwrap();
/// assert_eq!(ids.private(PrivateFolder::Inbox).global_counter().value(), 4);
/// assert_eq!(ids.to_vec().unwrap(), bytes);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct SpecialFolderIds(pub [FolderId; 13]);

impl SpecialFolderIds {
    /// The FID of a private mailbox's special folder.
    pub const fn private(&self, folder: PrivateFolder) -> FolderId {
        self.0[folder as usize]
    }

    /// The FID of a public folders store's special folder.
    pub const fn public(&self, folder: PublicFolder) -> FolderId {
        self.0[folder as usize]
    }
}

impl<'a> Decode<'a> for SpecialFolderIds {
    type Ctx = ();
    const NAME: &'static str = "FolderIds";
    const MIN_LEN: usize = 13 * 8;

    fn decode_from(r: &mut Reader<'a>, _: ()) -> Result<Self, Error> {
        let mut ids = [FolderId::default(); 13];
        for (i, slot) in ids.iter_mut().enumerate() {
            *slot = FolderId::decode_from(r, ()).at_index(i)?;
        }
        Ok(SpecialFolderIds(ids))
    }
}

impl Encode for SpecialFolderIds {
    type Ctx = ();

    fn encoded_len_with(&self, _: ()) -> usize {
        13 * 8
    }

    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, _: ()) -> Result<(), Error> {
        for id in &self.0 {
            s.put(&id.0)?;
        }
        Ok(())
    }
}

impl Fixed for SpecialFolderIds {
    const SIZE: usize = 13 * 8;
}

crate::wire_struct! {
    /// LogonTime (MS-OXCROPS, the structure that 2.2.3.1.2 references):
    /// when the logon happened, as calendar fields. 8 bytes.
    ///
    /// ```
    /// use mapi_wire::rop::LogonTime;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (t, _) = LogonTime::decode(&[30, 15, 9, 2, 14, 5, 0xE8, 0x07]).unwrap();
    /// assert_eq!((t.year, t.month, t.day, t.hour, t.minutes, t.seconds), (2024, 5, 14, 9, 15, 30));
    /// assert_eq!(t.day_of_week, 2); // Tuesday
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct LogonTime {
        /// Seconds.
        pub seconds: u8,
        /// Minutes.
        pub minutes: u8,
        /// Hour.
        pub hour: u8,
        /// DayOfWeek: Sunday = 0.
        pub day_of_week: u8,
        /// Day of the month.
        pub day: u8,
        /// Month: January = 1.
        pub month: u8,
        /// Year.
        pub year: u16,
    }
}

impl Fixed for LogonTime {
    const SIZE: usize = 8;
}

crate::wire_struct! {
    /// RopLogon success response body for a private mailbox (MS-OXCROPS
    /// 2.2.3.1.2; MS-OXCSTOR 2.2.1.1.3), sent when the request's
    /// LogonFlags has Private set. 160 bytes.
    ///
    /// ```
    /// use mapi_wire::rop::{LogonFlags, LogonPrivateSuccess, PrivateFolder, StoreState};
    /// use mapi_wire::wire::Decode;
    ///
    /// let mut bytes = vec![0x01];
    /// bytes.extend((1..=13u8).flat_map(|i| [1, 0, 0, 0, 0, 0, 0, i]));
    /// bytes.push(0x03); // ResponseFlags
    /// bytes.extend([0u8; 16 + 2 + 16 + 8 + 8]);
    /// bytes.extend([0, 0, 0, 1]); // StoreState
    /// let (b, _) = LogonPrivateSuccess::decode(&bytes).unwrap();
    /// assert_eq!(b.logon_flags, LogonFlags::PRIVATE);
    /// assert_eq!(b.folder_ids.private(PrivateFolder::Inbox).global_counter().value(), 5);
    /// assert_eq!(b.store_state, StoreState::STORE_HAS_SEARCHES);
    /// ```
    #[derive(Copy)]
    pub struct LogonPrivateSuccess {
        /// LogonFlags, echoed from the request.
        pub logon_flags: LogonFlags,
        /// FolderIds: the 13 special folders ([`PrivateFolder`]).
        pub folder_ids: SpecialFolderIds,
        /// ResponseFlags.
        pub response_flags: ResponseFlags,
        /// MailboxGuid: the mailbox logged on to.
        pub mailbox_guid: Guid,
        /// ReplId: the logon's replica ID.
        pub repl_id: ReplicaId,
        /// ReplGuid: the replica GUID that ReplId stands for.
        pub repl_guid: Guid,
        /// LogonTime.
        pub logon_time: LogonTime,
        /// GwartTime: tracks the currency of the Gateway Address Routing
        /// Table (an integer, not a FILETIME).
        pub gwart_time: u64,
        /// StoreState.
        pub store_state: StoreState,
    }
}

crate::wire_struct! {
    /// RopLogon success response body for public folders (MS-OXCROPS
    /// 2.2.3.1.3; MS-OXCSTOR 2.2.1.1.4), sent when the request's
    /// LogonFlags has Private clear. 139 bytes.
    ///
    /// ```
    /// use mapi_wire::data::ReplicaId;
    /// use mapi_wire::rop::{LogonPublicSuccess, PublicFolder};
    /// use mapi_wire::wire::Decode;
    ///
    /// let mut bytes = vec![0x00];
    /// bytes.extend((1..=13u8).flat_map(|i| [1, 0, 0, 0, 0, 0, 0, i]));
    /// bytes.extend([0x05, 0x00]); // ReplId
    /// bytes.extend([0u8; 32]);
    /// let (b, _) = LogonPublicSuccess::decode(&bytes).unwrap();
    /// assert_eq!(b.repl_id, ReplicaId(5));
    /// assert_eq!(b.folder_ids.public(PublicFolder::IpmSubtree).global_counter().value(), 2);
    /// ```
    #[derive(Copy)]
    pub struct LogonPublicSuccess {
        /// LogonFlags, echoed from the request.
        pub logon_flags: LogonFlags,
        /// FolderIds: the 13 special folders ([`PublicFolder`]).
        pub folder_ids: SpecialFolderIds,
        /// ReplId: the logon's replica ID.
        pub repl_id: ReplicaId,
        /// ReplGuid: the replica GUID that ReplId stands for.
        pub repl_guid: Guid,
        /// PerUserGuid: unused; all zeroes.
        pub per_user_guid: Guid,
    }
}

/// RopLogon success response body (MS-OXCROPS 2.2.3.1.2, 2.2.3.1.3): the
/// private-mailbox or the public-folders layout.
///
/// The request's LogonFlags chooses the layout (MS-OXCSTOR 2.2.1.1.3: the
/// private fields are present "only when the Private bit is set in the
/// LogonFlags field of the RopLogon request"); the decoder takes it from
/// [`RopFacts::logon`]. When the context does not say, it reads the
/// response's own first byte, LogonFlags, which the server echoes
/// unchanged from the request (MS-OXCSTOR 2.2.1.1.3/2.2.1.1.4). Encoding
/// checks that a decoder given the same facts would choose the variant
/// held, and fails with [`ErrorKind::Unencodable`] otherwise.
///
/// ```
/// use mapi_wire::rop::{LogonKind, LogonSuccess, RopFacts};
/// use mapi_wire::wire::{Decode, Encode};
///
/// // Construction: a public-folders body (LogonFlags 0), 139 bytes.
/// let bytes = [0u8; 139];
/// let (b, _) = LogonSuccess::decode_with(&bytes, RopFacts::default()).unwrap();
/// assert_eq!(b.kind(), LogonKind::Public);
/// assert_eq!(b.to_vec_with(RopFacts::default()).unwrap(), bytes);
/// // The same bytes read as a private body are too short.
/// let private = RopFacts { logon: Some(LogonKind::Private), ..RopFacts::default() };
/// assert!(LogonSuccess::decode_with(&bytes, private).is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LogonSuccess {
    /// The private-mailbox layout.
    Private(LogonPrivateSuccess),
    /// The public-folders layout.
    Public(LogonPublicSuccess),
}

impl LogonSuccess {
    /// The layout held.
    pub const fn kind(&self) -> LogonKind {
        match self {
            LogonSuccess::Private(_) => LogonKind::Private,
            LogonSuccess::Public(_) => LogonKind::Public,
        }
    }

    /// LogonFlags, echoed from the request.
    pub const fn logon_flags(&self) -> LogonFlags {
        match self {
            LogonSuccess::Private(b) => b.logon_flags,
            LogonSuccess::Public(b) => b.logon_flags,
        }
    }

    /// FolderIds.
    pub const fn folder_ids(&self) -> &SpecialFolderIds {
        match self {
            LogonSuccess::Private(b) => &b.folder_ids,
            LogonSuccess::Public(b) => &b.folder_ids,
        }
    }

    /// The private-mailbox body, if this is one.
    pub const fn private(&self) -> Option<&LogonPrivateSuccess> {
        match self {
            LogonSuccess::Private(b) => Some(b),
            LogonSuccess::Public(_) => None,
        }
    }

    /// The public-folders body, if this is one.
    pub const fn public(&self) -> Option<&LogonPublicSuccess> {
        match self {
            LogonSuccess::Private(_) => None,
            LogonSuccess::Public(b) => Some(b),
        }
    }
}

impl<'a> Decode<'a> for LogonSuccess {
    type Ctx = RopFacts;
    const NAME: &'static str = "LogonSuccess";
    const MIN_LEN: usize = <LogonPublicSuccess as Decode<'a>>::MIN_LEN;

    fn decode_from(r: &mut Reader<'a>, cx: RopFacts) -> Result<Self, Error> {
        let kind = match cx.logon {
            Some(kind) => kind,
            None => LogonKind::from_logon_flags(r.peek_u8().in_field("logon_flags")?),
        };
        match kind {
            LogonKind::Private => {
                LogonPrivateSuccess::decode_from(r, ()).map(LogonSuccess::Private)
            }
            LogonKind::Public => LogonPublicSuccess::decode_from(r, ()).map(LogonSuccess::Public),
        }
    }
}

impl Encode for LogonSuccess {
    type Ctx = RopFacts;

    fn encoded_len_with(&self, _: RopFacts) -> usize {
        match self {
            LogonSuccess::Private(b) => b.encoded_len(),
            LogonSuccess::Public(b) => b.encoded_len(),
        }
    }

    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, cx: RopFacts) -> Result<(), Error> {
        let chosen = cx.logon.unwrap_or(self.logon_flags().kind());
        if chosen != self.kind() {
            return Err(Error::new(
                ErrorKind::Unencodable {
                    value: u64::from(self.logon_flags().bits()),
                },
                s.position(),
            )
            .in_field("logon_flags"));
        }
        match self {
            LogonSuccess::Private(b) => b.encode(s),
            LogonSuccess::Public(b) => b.encode(s),
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for LogonSuccess {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            LogonSuccess::Private(b) => b.serialize(s),
            LogonSuccess::Public(b) => b.serialize(s),
        }
    }
}

#[cfg(feature = "serde")]
impl crate::wire::SerializeFields for LogonSuccess {
    fn serialize_fields<M: serde::ser::SerializeMap>(&self, m: &mut M) -> Result<(), M::Error> {
        match self {
            LogonSuccess::Private(b) => b.serialize_fields(m),
            LogonSuccess::Public(b) => b.serialize_fields(m),
        }
    }
}

crate::wire_struct! {
    /// RopLogon failure response body (MS-OXCROPS 2.2.3.1.4, 2.2.3.1.5).
    /// With ReturnValue 0x00000478 (ecWrongServer) it is the redirect
    /// response: LogonFlags, then ServerNameSize (1 byte, counting the
    /// NUL) and ServerName, the ESSDN of the server to connect to
    /// (MS-OXCSTOR 2.2.1.1.2). Any other failure carries nothing.
    ///
    /// ```
    /// use mapi_wire::data::ErrorCode;
    /// use mapi_wire::rop::{LogonFailure, RopFacts};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let redirect = RopFacts { return_value: ErrorCode::WRONG_SERVER, ..RopFacts::default() };
    /// let bytes = [0x01, 0x03, b's', b'1', 0x00];
    /// let (f, _) = LogonFailure::decode_with(&bytes, redirect).unwrap();
    /// assert_eq!(f.server_name.unwrap().string().unwrap().as_bytes(), b"s1");
    /// assert_eq!(f.to_vec_with(redirect).unwrap(), bytes);
    /// // Another failure has no body.
    /// let other = RopFacts { return_value: ErrorCode::NOT_FOUND, ..RopFacts::default() };
    /// let (f, rest) = LogonFailure::decode_with(&bytes, other).unwrap();
    /// assert!(f.logon_flags.is_none() && rest.len() == 5);
    /// ```
    pub struct LogonFailure<'a> (cx: RopFacts) {
        /// LogonFlags, echoed from the request (redirect only).
        pub logon_flags: Option<LogonFlags> = when(cx.return_value == ErrorCode::WRONG_SERVER),
        /// ServerName, preceded by ServerNameSize (1 byte; redirect only).
        pub server_name: Option<SizedString8<'a>>
            = when(cx.return_value == ErrorCode::WRONG_SERVER) ctx(Width::U8),
    }
}

crate::wire_struct! {
    /// The request of the store ROPs that name only their Logon object:
    /// RopGetReceiveFolderTable (MS-OXCROPS 2.2.3.4.1) and
    /// RopGetStoreState (2.2.3.5.1).
    ///
    /// ```
    /// use mapi_wire::rop::StoreRequest;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = StoreRequest::decode(&[0x00, 0x02]).unwrap();
    /// assert_eq!(r.input_handle_index, 2);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct StoreRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the Logon object.
        pub input_handle_index: u8,
    }
}

crate::wire_struct! {
    /// RopGetReceiveFolder request (MS-OXCROPS 2.2.3.2.1; MS-OXCSTOR
    /// 2.2.1.2.1): which folder receives messages of MessageClass.
    ///
    /// ```
    /// use mapi_wire::rop::GetReceiveFolderRequest;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = GetReceiveFolderRequest::decode(b"\x00\x00IPM\x00").unwrap();
    /// assert_eq!(r.message_class.as_bytes(), b"IPM");
    /// ```
    #[derive(Copy)]
    pub struct GetReceiveFolderRequest<'a> {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the Logon object.
        pub input_handle_index: u8,
        /// MessageClass: NUL-terminated ASCII.
        pub message_class: String8<'a>,
    }
}

crate::wire_struct! {
    /// RopGetReceiveFolder success response body (MS-OXCROPS 2.2.3.2.2;
    /// MS-OXCSTOR 2.2.1.2.2).
    ///
    /// ```
    /// use mapi_wire::rop::GetReceiveFolderSuccess;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (b, _) = GetReceiveFolderSuccess::decode(b"\x01\x00\x00\x00\x00\x00\x00\x05\x00").unwrap();
    /// assert_eq!(b.folder_id.global_counter().value(), 5);
    /// assert!(b.message_class.as_bytes().is_empty());
    /// ```
    #[derive(Copy)]
    pub struct GetReceiveFolderSuccess<'a> {
        /// FolderId: the receive folder.
        pub folder_id: FolderId,
        /// MessageClass: the configured class that matched (the empty
        /// string for the default receive folder).
        pub message_class: String8<'a>,
    }
}

crate::wire_struct! {
    /// RopSetReceiveFolder request (MS-OXCROPS 2.2.3.3.1; MS-OXCSTOR
    /// 2.2.1.3.1). Its response has no body, success or failure
    /// (2.2.3.3.2).
    ///
    /// ```
    /// use mapi_wire::rop::SetReceiveFolderRequest;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = SetReceiveFolderRequest::decode(b"\x00\x00\x01\x00\x00\x00\x00\x00\x00\x05IPM.Note\x00").unwrap();
    /// assert_eq!(r.message_class.as_bytes(), b"IPM.Note");
    /// ```
    #[derive(Copy)]
    pub struct SetReceiveFolderRequest<'a> {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the Logon object.
        pub input_handle_index: u8,
        /// FolderId: the new receive folder (0 to delete the setting).
        pub folder_id: FolderId,
        /// MessageClass: NUL-terminated ASCII.
        pub message_class: String8<'a>,
    }
}

/// The columns of every row of a RopGetReceiveFolderTable response, in
/// order (MS-OXCSTOR 2.2.1.4.2: "MUST include only the following
/// properties, in the order given"): PidTagFolderId (PtypInteger64),
/// PidTagMessageClass (PtypString8), PidTagLastModificationTime
/// (PtypTime). The rows carry no tags; this is their schema.
///
/// ```
/// use mapi_wire::rop::RECEIVE_FOLDER_TABLE_COLUMNS;
///
/// assert_eq!(RECEIVE_FOLDER_TABLE_COLUMNS[1].0, 0x001A_001E);
/// ```
pub const RECEIVE_FOLDER_TABLE_COLUMNS: [PropertyTag; 3] = [
    PropertyTag(0x6748_0014),
    PropertyTag(0x001A_001E),
    PropertyTag(0x3008_0040),
];

crate::wire_struct! {
    /// RopGetReceiveFolderTable success response body (MS-OXCROPS
    /// 2.2.3.4.2; MS-OXCSTOR 2.2.1.4.2): RowCount (4 bytes), then that
    /// many Standard or Flagged PropertyRows over the fixed columns
    /// [`RECEIVE_FOLDER_TABLE_COLUMNS`].
    ///
    /// ```
    /// use mapi_wire::data::PropertyValue;
    /// use mapi_wire::rop::GetReceiveFolderTableSuccess;
    /// use mapi_wire::wire::Decode;
    ///
    /// // One standard row: FID, "IPM", time 0.
    /// let bytes = b"\x01\x00\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x05IPM\x00\0\0\0\0\0\0\0\0";
    /// let (b, _) = GetReceiveFolderTableSuccess::decode(bytes).unwrap();
    /// let row = b.rows.rows().next().unwrap();
    /// assert!(matches!(row.value(1), Some(PropertyValue::String8(s)) if s.as_bytes() == b"IPM"));
    /// ```
    pub struct GetReceiveFolderTableSuccess<'a> {
        /// RowCount.
        pub row_count: u32,
        /// Rows: RowCount PropertyRows over [`RECEIVE_FOLDER_TABLE_COLUMNS`].
        pub rows: PropertyRows<'a> = ctx((
            Count::Known(usize::try_from(*row_count).unwrap_or(usize::MAX)),
            RowContext::rop(Array::from_slice(&RECEIVE_FOLDER_TABLE_COLUMNS)),
        )),
    }
}

crate::wire_struct! {
    /// RopGetStoreState success response body (MS-OXCROPS 2.2.3.5.2;
    /// MS-OXCSTOR 2.2.1.5.2).
    ///
    /// ```
    /// use mapi_wire::rop::{GetStoreStateSuccess, StoreState};
    /// use mapi_wire::wire::Decode;
    ///
    /// let (b, _) = GetStoreStateSuccess::decode(&[0, 0, 0, 1]).unwrap();
    /// assert_eq!(b.store_state, StoreState::STORE_HAS_SEARCHES);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct GetStoreStateSuccess {
        /// StoreState.
        pub store_state: StoreState,
    }
}

crate::wire_struct! {
    /// The request of the store ROPs that name a folder by FID:
    /// RopGetOwningServers (MS-OXCROPS 2.2.3.6.1) and
    /// RopPublicFolderIsGhosted (2.2.3.7.1).
    ///
    /// ```
    /// use mapi_wire::rop::StoreFolderRequest;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = StoreFolderRequest::decode(&[0, 1, 1, 0, 0, 0, 0, 0, 0, 9]).unwrap();
    /// assert_eq!(r.folder_id.global_counter().value(), 9);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct StoreFolderRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the Logon object.
        pub input_handle_index: u8,
        /// FolderId: the public folder.
        pub folder_id: FolderId,
    }
}

crate::wire_struct! {
    /// RopGetOwningServers success response body (MS-OXCROPS 2.2.3.6.2;
    /// MS-OXCSTOR 2.2.1.6.2): the servers that hold a replica of the
    /// folder, the cheapest first.
    ///
    /// ```
    /// use mapi_wire::rop::GetOwningServersSuccess;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (b, _) = GetOwningServersSuccess::decode(b"\x02\x00\x01\x00a\x00b\x00").unwrap();
    /// let names: Vec<_> = b.owning_servers.iter().map(|s| s.as_bytes()).collect();
    /// assert_eq!(names, [b"a", b"b"]);
    /// ```
    pub struct GetOwningServersSuccess<'a> {
        /// OwningServersCount.
        pub owning_servers_count: u16,
        /// CheapServersCount: how many of the first servers are cheapest.
        pub cheap_servers_count: u16,
        /// OwningServers: OwningServersCount NUL-terminated ASCII strings.
        pub owning_servers: List<'a, String8<'a>>
            = ctx((Count::Known(usize::from(*owning_servers_count)), ())),
    }
}

crate::wire_struct! {
    /// RopPublicFolderIsGhosted success response body (MS-OXCROPS
    /// 2.2.3.7.2; MS-OXCSTOR 2.2.1.7.2). The server list is present only
    /// when IsGhosted is not zero.
    ///
    /// ```
    /// use mapi_wire::rop::PublicFolderIsGhostedSuccess;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (b, _) = PublicFolderIsGhostedSuccess::decode(&[0x00]).unwrap();
    /// assert!(!b.is_ghosted.get() && b.servers.is_none());
    /// let (b, _) = PublicFolderIsGhostedSuccess::decode(b"\x01\x01\x00\x01\x00s\x00").unwrap();
    /// assert_eq!(b.servers.unwrap().len(), 1);
    /// ```
    pub struct PublicFolderIsGhostedSuccess<'a> {
        /// IsGhosted: no replica on this server.
        pub is_ghosted: Bool8,
        /// ServersCount (when ghosted).
        pub servers_count: Option<u16> = when(is_ghosted.get()),
        /// CheapServersCount (when ghosted).
        pub cheap_servers_count: Option<u16> = when(is_ghosted.get()),
        /// Servers: ServersCount NUL-terminated ASCII strings (when ghosted).
        pub servers: Option<List<'a, String8<'a>>>
            = when(is_ghosted.get())
              ctx((Count::Known(usize::from(servers_count.unwrap_or(0))), ())),
    }
}

crate::wire_struct! {
    /// RopLongTermIdFromId request (MS-OXCROPS 2.2.3.8.1; MS-OXCSTOR
    /// 2.2.1.8.1): the LongTermID of a FID or MID.
    ///
    /// ```
    /// use mapi_wire::rop::LongTermIdFromIdRequest;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = LongTermIdFromIdRequest::decode(&[0, 0, 1, 0, 0, 0, 0, 0, 0, 7]).unwrap();
    /// assert_eq!(r.object_id.global_counter().value(), 7);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct LongTermIdFromIdRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the Logon object.
        pub input_handle_index: u8,
        /// ObjectId: a FID or a MID.
        pub object_id: ObjectId,
    }
}

crate::wire_struct! {
    /// A LongTermID alone: the success response body of
    /// RopLongTermIdFromId (MS-OXCROPS 2.2.3.8.2).
    ///
    /// ```
    /// use mapi_wire::rop::LongTermIdBody;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (b, _) = LongTermIdBody::decode(&[0u8; 24]).unwrap();
    /// assert_eq!(b.long_term_id.pad, 0);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct LongTermIdBody {
        /// LongTermId.
        pub long_term_id: LongTermId,
    }
}

crate::wire_struct! {
    /// The request of the store ROPs that carry a LongTermID:
    /// RopIdFromLongTermId (MS-OXCROPS 2.2.3.9.1) and RopGetPerUserGuid
    /// (2.2.3.11.1).
    ///
    /// ```
    /// use mapi_wire::rop::LongTermIdRequest;
    /// use mapi_wire::wire::Decode;
    ///
    /// let mut bytes = vec![0x00, 0x01];
    /// bytes.extend_from_slice(&[0u8; 24]);
    /// let (r, _) = LongTermIdRequest::decode(&bytes).unwrap();
    /// assert_eq!(r.input_handle_index, 1);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct LongTermIdRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the Logon object.
        pub input_handle_index: u8,
        /// LongTermId.
        pub long_term_id: LongTermId,
    }
}

crate::wire_struct! {
    /// RopIdFromLongTermId success response body (MS-OXCROPS 2.2.3.9.2;
    /// MS-OXCSTOR 2.2.1.9.2).
    ///
    /// ```
    /// use mapi_wire::rop::ObjectIdBody;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (b, _) = ObjectIdBody::decode(&[2, 0, 0, 0, 0, 0, 0, 1]).unwrap();
    /// assert_eq!(b.object_id.replica_id().0, 2);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct ObjectIdBody {
        /// ObjectId: the FID or MID.
        pub object_id: ObjectId,
    }
}

crate::wire_struct! {
    /// RopGetPerUserLongTermIds request (MS-OXCROPS 2.2.3.10.1;
    /// MS-OXCSTOR 2.2.1.10.1): the public folders of a database that have
    /// per-user data in this mailbox.
    ///
    /// ```
    /// use mapi_wire::rop::GetPerUserLongTermIdsRequest;
    /// use mapi_wire::wire::Decode;
    ///
    /// let mut bytes = vec![0x00, 0x00];
    /// bytes.extend_from_slice(&[0xAB; 16]);
    /// let (r, _) = GetPerUserLongTermIdsRequest::decode(&bytes).unwrap();
    /// assert_eq!(r.database_guid.0, [0xAB; 16]);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct GetPerUserLongTermIdsRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the Logon object.
        pub input_handle_index: u8,
        /// DatabaseGuid.
        pub database_guid: Guid,
    }
}

crate::wire_struct! {
    /// RopGetPerUserLongTermIds success response body (MS-OXCROPS
    /// 2.2.3.10.2; MS-OXCSTOR 2.2.1.10.2).
    ///
    /// ```
    /// use mapi_wire::rop::GetPerUserLongTermIdsSuccess;
    /// use mapi_wire::wire::Decode;
    ///
    /// let mut bytes = vec![0x01, 0x00];
    /// bytes.extend_from_slice(&[0u8; 24]);
    /// let (b, _) = GetPerUserLongTermIdsSuccess::decode(&bytes).unwrap();
    /// assert_eq!(b.long_term_ids.len(), 1);
    /// ```
    #[derive(Copy)]
    pub struct GetPerUserLongTermIdsSuccess<'a> {
        /// LongTermIds, preceded by LongTermIdCount (2 bytes).
        pub long_term_ids: Array<'a, LongTermId> = ctx(Count::Prefix(Width::U16)),
    }
}

crate::wire_struct! {
    /// RopGetPerUserGuid success response body (MS-OXCROPS 2.2.3.11.2;
    /// MS-OXCSTOR 2.2.1.11.2).
    ///
    /// ```
    /// use mapi_wire::rop::GetPerUserGuidSuccess;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (b, _) = GetPerUserGuidSuccess::decode(&[0x11; 16]).unwrap();
    /// assert_eq!(b.database_guid.0, [0x11; 16]);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct GetPerUserGuidSuccess {
        /// DatabaseGuid: the public store that provided the per-user data.
        pub database_guid: Guid,
    }
}

crate::wire_struct! {
    /// RopReadPerUserInformation request (MS-OXCROPS 2.2.3.12.1;
    /// MS-OXCSTOR 2.2.1.12.1).
    ///
    /// ```
    /// use mapi_wire::rop::ReadPerUserInformationRequest;
    /// use mapi_wire::wire::Decode;
    ///
    /// let mut bytes = vec![0x00, 0x00];
    /// bytes.extend_from_slice(&[0u8; 24]);
    /// bytes.extend_from_slice(&[0x00, 0x10, 0, 0, 0, 0x00, 0x10]);
    /// let (r, _) = ReadPerUserInformationRequest::decode(&bytes).unwrap();
    /// assert_eq!((r.data_offset, r.max_data_size), (16, 4096));
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct ReadPerUserInformationRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the Logon object.
        pub input_handle_index: u8,
        /// FolderId: the folder, as a LongTermID.
        pub folder_id: LongTermId,
        /// Reserved: 0.
        pub reserved: u8,
        /// DataOffset: where in the per-user stream to start.
        pub data_offset: u32,
        /// MaxDataSize: the most bytes to return (0: the server's default).
        pub max_data_size: u16,
    }
}

crate::wire_struct! {
    /// RopReadPerUserInformation success response body (MS-OXCROPS
    /// 2.2.3.12.2; MS-OXCSTOR 2.2.1.12.2).
    ///
    /// ```
    /// use mapi_wire::rop::ReadPerUserInformationSuccess;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (b, _) = ReadPerUserInformationSuccess::decode(&[0x01, 0x02, 0x00, 0xAA, 0xBB]).unwrap();
    /// assert!(b.has_finished.get());
    /// assert_eq!(b.data.0, &[0xAA, 0xBB]);
    /// ```
    #[derive(Copy)]
    pub struct ReadPerUserInformationSuccess<'a> {
        /// HasFinished: the end of the stream was reached.
        pub has_finished: Bool8,
        /// Data, preceded by DataSize (2 bytes): a serialized CNSET.
        pub data: Bytes<'a> = ctx(Width::U16),
    }
}

/// The ReplGuid that ends a RopWritePerUserInformation request
/// (MS-OXCROPS 2.2.3.13.1): present only when DataOffset is 0 and the
/// logon named by LogonId is a private-mailbox logon (its RopLogon request
/// had the Private flag).
///
/// Nothing in the request's own bytes says whether it is there, and the
/// request has no length, so the decoder must know the kind of the logon
/// ([`RopFacts::logon`]). When DataOffset is 0 and the kind is unknown,
/// the decoder does not guess: it keeps every remaining byte of the
/// buffer, the ReplGuid if any and whatever follows it, as
/// [`PerUserReplGuid::Undetermined`], which re-encodes exactly (as row
/// data without columns does). Give the decoder the logon kind (a
/// [`LogonMap`](super::LogonMap) with the RopLogon request, or
/// `--logon` in `mapi-inspect`) to read the ROPs after it.
///
/// Its context is DataOffset and the logon kind.
///
/// ```
/// use mapi_wire::data::Guid;
/// use mapi_wire::rop::{LogonKind, PerUserReplGuid};
/// use mapi_wire::wire::Decode;
///
/// let g = [0x5A; 16];
/// let (v, _) = PerUserReplGuid::decode_with(&g, (0, Some(LogonKind::Private))).unwrap();
/// assert_eq!(v, PerUserReplGuid::Present(Guid(g)));
/// let (v, rest) = PerUserReplGuid::decode_with(&g, (0, Some(LogonKind::Public))).unwrap();
/// assert_eq!((v, rest.len()), (PerUserReplGuid::Absent, 16));
/// let (v, _) = PerUserReplGuid::decode_with(&g, (0, None)).unwrap();
/// assert!(matches!(v, PerUserReplGuid::Undetermined(r) if r.0.len() == 16));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum PerUserReplGuid<'a> {
    /// Not present: DataOffset is not 0, or the logon is public.
    #[default]
    Absent,
    /// ReplGuid: the REPLGUID of the public store the data came from.
    Present(Guid),
    /// DataOffset is 0 and the logon kind was not known: the rest of the
    /// buffer, kept as it is.
    Undetermined(Rest<'a>),
}

impl PerUserReplGuid<'_> {
    /// The ReplGuid, if it was read.
    pub const fn guid(&self) -> Option<Guid> {
        match self {
            PerUserReplGuid::Present(g) => Some(*g),
            _ => None,
        }
    }
}

impl<'a> Decode<'a> for PerUserReplGuid<'a> {
    type Ctx = (u32, Option<LogonKind>);
    const NAME: &'static str = "ReplGuid";
    const MIN_LEN: usize = 0;

    fn decode_from(r: &mut Reader<'a>, (data_offset, logon): Self::Ctx) -> Result<Self, Error> {
        if data_offset != 0 {
            return Ok(PerUserReplGuid::Absent);
        }
        match logon {
            Some(LogonKind::Private) => Guid::decode_from(r, ()).map(PerUserReplGuid::Present),
            Some(LogonKind::Public) => Ok(PerUserReplGuid::Absent),
            None => Rest::decode_from(r, ()).map(PerUserReplGuid::Undetermined),
        }
    }
}

impl Encode for PerUserReplGuid<'_> {
    type Ctx = (u32, Option<LogonKind>);

    fn encoded_len_with(&self, _: Self::Ctx) -> usize {
        match self {
            PerUserReplGuid::Absent => 0,
            PerUserReplGuid::Present(_) => 16,
            PerUserReplGuid::Undetermined(r) => r.0.len(),
        }
    }

    /// Writes what is held when a decoder given the same DataOffset and
    /// logon kind would read it back: a ReplGuid needs DataOffset 0 and a
    /// logon not known to be public (an unknown kind writes it as held);
    /// absence needs DataOffset not 0 or a logon not known to be private;
    /// undetermined bytes need DataOffset 0 and an unknown kind.
    fn encode_with<S: Sink + ?Sized>(
        &self,
        s: &mut S,
        (data_offset, logon): Self::Ctx,
    ) -> Result<(), Error> {
        let at_start = data_offset == 0;
        let ok = match self {
            PerUserReplGuid::Absent => !(at_start && logon == Some(LogonKind::Private)),
            PerUserReplGuid::Present(_) => at_start && logon != Some(LogonKind::Public),
            PerUserReplGuid::Undetermined(_) => at_start && logon.is_none(),
        };
        if !ok {
            return Err(Error::new(
                ErrorKind::Unencodable {
                    value: u64::from(data_offset),
                },
                s.position(),
            ));
        }
        match self {
            PerUserReplGuid::Absent => Ok(()),
            PerUserReplGuid::Present(g) => g.encode(s),
            PerUserReplGuid::Undetermined(r) => s.put(r.0),
        }
    }
}

/// `null` when absent, the GUID when present, `{"undetermined": hex}`
/// otherwise.
#[cfg(feature = "serde")]
impl serde::Serialize for PerUserReplGuid<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            PerUserReplGuid::Absent => s.serialize_none(),
            PerUserReplGuid::Present(g) => g.serialize(s),
            PerUserReplGuid::Undetermined(r) => {
                let mut m = s.serialize_map(Some(1))?;
                m.serialize_entry("undetermined", r)?;
                m.end()
            }
        }
    }
}

crate::wire_struct! {
    /// RopWritePerUserInformation request (MS-OXCROPS 2.2.3.13.1;
    /// MS-OXCSTOR 2.2.1.13.1): writes per-user read/unread data of a
    /// public folder. The trailing ReplGuid depends on the logon kind:
    /// see [`PerUserReplGuid`]. Its response has no body, success or
    /// failure (2.2.3.13.2).
    ///
    /// ```
    /// use mapi_wire::rop::{LogonKind, RopFacts, WritePerUserInformationRequest};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let mut bytes = vec![0x00, 0x00];
    /// bytes.extend_from_slice(&[0u8; 24]); // FolderId
    /// bytes.extend_from_slice(&[0x01, 0, 0, 0, 0, 0x01, 0x00, 0xCC]); // HasFinished, DataOffset 0, Data
    /// bytes.extend_from_slice(&[0x77; 16]); // ReplGuid
    /// let private = RopFacts { logon: Some(LogonKind::Private), ..RopFacts::default() };
    /// let (r, rest) = WritePerUserInformationRequest::decode_with(&bytes, private).unwrap();
    /// assert!(rest.is_empty());
    /// assert_eq!(r.repl_guid.guid().unwrap().0, [0x77; 16]);
    /// assert_eq!(r.to_vec_with(private).unwrap(), bytes);
    /// ```
    pub struct WritePerUserInformationRequest<'a> (cx: RopFacts) {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the Logon object.
        pub input_handle_index: u8,
        /// FolderId: the folder, as a LongTermID.
        pub folder_id: LongTermId,
        /// HasFinished: this is the last block of the stream.
        pub has_finished: Bool8,
        /// DataOffset: where in the per-user stream this block goes.
        pub data_offset: u32,
        /// Data, preceded by DataSize (2 bytes).
        pub data: Bytes<'a> = ctx(Width::U16),
        /// ReplGuid (DataOffset 0 on a private-mailbox logon only).
        pub repl_guid: PerUserReplGuid<'a> = ctx((*data_offset, cx.logon)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_logon_body_is_160_bytes() {
        assert_eq!(<LogonPrivateSuccess as Decode<'_>>::MIN_LEN, 160);
        assert_eq!(<LogonPublicSuccess as Decode<'_>>::MIN_LEN, 139);
    }

    #[test]
    fn logon_success_rejects_a_layout_the_facts_contradict() {
        let (b, _) = LogonSuccess::decode_with(&[0u8; 139], RopFacts::default()).unwrap();
        let private = RopFacts {
            logon: Some(LogonKind::Private),
            ..RopFacts::default()
        };
        let e = b.to_vec_with(private).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Unencodable { value: 0 });
    }

    #[test]
    fn sized_string_size_is_checked_before_use() {
        let e = SizedString8::decode_with(&[0xFF, 0xFF, b'a'], Width::U16).unwrap_err();
        assert_eq!(e.offset(), 0);
        assert_eq!(
            e.kind(),
            ErrorKind::CountTooLarge {
                count: 0xFFFF,
                unit: Unit::Bytes,
                needed: 0xFFFF,
                remaining: 1
            }
        );
    }

    #[test]
    fn repl_guid_encoding_follows_the_facts() {
        let g = PerUserReplGuid::Present(Guid([1; 16]));
        assert!(g.to_vec_with((0, Some(LogonKind::Public))).is_err());
        assert!(g.to_vec_with((5, None)).is_err());
        assert_eq!(g.to_vec_with((0, None)).unwrap().len(), 16);
        assert!(
            PerUserReplGuid::Absent
                .to_vec_with((0, Some(LogonKind::Private)))
                .is_err()
        );
        assert!(
            PerUserReplGuid::Absent
                .to_vec_with((1, Some(LogonKind::Private)))
                .is_ok()
        );
    }
}
