//! Error codes (MS-OXCDATA 2.4).
//!
//! [`ErrorCode`] names every value of the four tables of MS-OXCDATA 2.4:
//! the main table (2.4), Additional Error Codes (2.4.1), Property Error
//! Codes (2.4.2) and Warning Codes (2.4.3). The consts, [`ErrorCode::ALL`]
//! and the name lookups are generated from one list at the foot of this
//! file, one row per table row: `CONST = value, "SpecName", [alternate
//! names];`.
//!
//! Where the rows come from:
//!
//! - Names and values: the MS-OXCDATA 2.4 pages as far as their text could
//!   be read (the first rows of each table); the remaining rows from the
//!   tables of the MAPI Inspector in `OfficeDev/Office-Inspectors-for-Fiddler`,
//!   which reproduce the specification's tables, cross-checked against
//!   OpenChange's `mapistatus.h` and gromox's `mapierr.hpp`.
//! - Alternate names: the specification where its text was read (marked
//!   "spec" below), otherwise OpenChange's `mapistatus.h`, which records the
//!   alternate names of MS-OXCDATA (version 2012-10-03) for 2.4 and 2.4.1.
//!   Rows that neither source covers carry no alternate names rather than
//!   guessed ones; the IsamError/IsamWarning rows are among them.
//!
//! Disagreements: OpenChange gives `ecJetError` as 0x000003E4 (the
//! specification: 0x000003EA); its 2.4 row for 0x80070057 adds
//! `ecInvalidParameter`, which the specification does not list; it spells
//! several primary names differently from the MAPI Inspector (`BadConfig`,
//! `StorageCantSave`, `CycleDeleted`, `NoExpandedLeafRow`, ...), where this
//! file follows the MAPI Inspector (and the specification, for
//! `BadConfiguration`). The project's digest `spec/oxcdata.md` lists
//! `ecNone` for Success and codes such as PasswordChangeRequired
//! (0x80040120) from memory; none of the sources above has them, so they
//! are not here.

use core::fmt;

/// A 4-byte error code (MS-OXCDATA 2.4): a ROP `ReturnValue`, the value of
/// a `PtypErrorCode` property, the status of an RPC or MAPI/HTTP call.
/// 4 bytes little-endian on the wire.
///
/// Every value that MS-OXCDATA 2.4, 2.4.1, 2.4.2 or 2.4.3 names has an
/// associated const (for example [`NOT_FOUND`](Self::NOT_FOUND),
/// [`UNKNOWN_USER`](Self::UNKNOWN_USER)); any other value is kept as it is.
/// `Display` and `Debug` print [`name`](Self::name) and the value, or the
/// value alone when it has no name; serde (feature `serde`) writes the plain
/// number.
///
/// ```
/// use mapi_wire::data::ErrorCode;
/// use mapi_wire::wire::{Decode, Encode};
///
/// let (ec, rest) = ErrorCode::decode(&[0x0F, 0x01, 0x04, 0x80]).unwrap();
/// assert_eq!(ec, ErrorCode::NOT_FOUND);
/// assert!(rest.is_empty());
/// assert_eq!(format!("{ec}"), "ecNotFound (0x8004010F)");
/// assert_eq!(ec.spec_name(), Some("NotFound"));
/// assert!(ec.is_error());
///
/// assert_eq!(format!("{:?}", ErrorCode::ERRORS_RETURNED), "ErrorsReturned (0x00040380)");
/// assert_eq!(format!("{}", ErrorCode(0x1234_5678)), "0x12345678");
///
/// let mut buf = [0u8; 4];
/// assert_eq!(ErrorCode::SERVER_MEMORY.encode_to_slice(&mut buf).unwrap(), 4);
/// assert_eq!(buf, [0xF0, 0x03, 0x00, 0x00]);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct ErrorCode(pub u32);

/// The table of MS-OXCDATA 2.4 that names a value.
#[derive(Clone, Copy)]
enum Table {
    /// 2.4, Error Codes.
    Main,
    /// 2.4.1, Additional Error Codes.
    Additional,
    /// 2.4.2, Property Error Codes.
    Property,
    /// 2.4.3, Warning Codes.
    Warning,
}

/// The first alternate name that starts with `ec`.
const fn first_ec(aliases: &'static [&'static str]) -> Option<&'static str> {
    let mut rest = aliases;
    while let [alias, tail @ ..] = rest {
        if let [b'e', b'c', _, ..] = alias.as_bytes() {
            return Some(alias);
        }
        rest = tail;
    }
    None
}

/// Generates the consts, [`ErrorCode::ALL`] and the lookup `entry` from the
/// rows of `tables`, one per row of MS-OXCDATA 2.4–2.4.3. Rows of `shared`
/// name a value that an earlier row already names: they get a const but no
/// entry of their own.
macro_rules! error_codes {
    (
        tables {
            $(
                $T:ident $sec:literal {
                    $(
                        $(#[$m:meta])*
                        $C:ident = $v:literal, $spec:literal, [$($a:literal),* $(,)?];
                    )*
                }
            )*
        }
        shared {
            $(
                $(#[$sm:meta])*
                $SC:ident = $sv:literal, $ssec:literal, $sspec:literal, $of:ident;
            )*
        }
    ) => {
        impl ErrorCode {
            $($(
                #[doc = concat!("`", $spec, "` (MS-OXCDATA ", $sec, "), value `", stringify!($v), "`.")]
                $(#[$m])*
                #[doc = ""]
                #[doc = error_codes!(@aliases $($a),*)]
                pub const $C: ErrorCode = ErrorCode($v);
            )*)*

            $(
                #[doc = concat!(
                    "`", $sspec, "` (MS-OXCDATA ", $ssec, "), value `", stringify!($sv),
                    "`: the same value as [`", stringify!($of), "`](Self::", stringify!($of),
                    "), whose names `name`, `spec_name` and `aliases` report."
                )]
                $(#[$sm])*
                pub const $SC: ErrorCode = ErrorCode::$of;
            )*

            /// Every value that MS-OXCDATA 2.4–2.4.3 names, once each, in
            /// table order (2.4, 2.4.1, 2.4.2, 2.4.3). Values that a table
            /// repeats from an earlier one appear at their first place.
            pub const ALL: &'static [ErrorCode] = &[$($(ErrorCode::$C,)*)*];

            /// The table, primary name and alternate names of a named value.
            const fn entry(self) -> Option<(Table, &'static str, &'static [&'static str])> {
                match self.0 {
                    $($( $v => Some((Table::$T, $spec, &[$($a),*])), )*)*
                    _ => None,
                }
            }
        }

        /// Every const with its name, for the tests: (name, value, shared).
        #[cfg(test)]
        const CONSTS: &[(&str, ErrorCode, bool)] = &[
            $($( (stringify!($C), ErrorCode::$C, false), )*)*
            $( (stringify!($SC), ErrorCode::$SC, true), )*
        ];

        /// Each shared const's value must be this one's and be named already.
        #[cfg(test)]
        const SHARED: &[(ErrorCode, u32)] = &[$( (ErrorCode::$SC, $sv), )*];
    };
    (@aliases) => { "No alternate names recorded." };
    (@aliases $first:literal $(, $rest:literal)*) => {
        concat!("Alternate names: `", $first, "`" $(, ", `", $rest, "`")*, ".")
    };
}

impl ErrorCode {
    /// The name to show for this value, or `None` for a value that
    /// MS-OXCDATA 2.4 does not name.
    ///
    /// The rule: the first alternate name that the specification lists for
    /// the value and that starts with `ec` (the Exchange-style name, such as
    /// `ecNotFound` for 0x8004010F or `ecUnknownUser` for 0x000003EB);
    /// otherwise the primary name ([`spec_name`](Self::spec_name)), such as
    /// `ErrorsReturned` for 0x00040380. Alternate names are spelled as the
    /// specification prints them, so 0x80070005 shows as `ecaccessdenied`.
    pub const fn name(self) -> Option<&'static str> {
        match self.entry() {
            Some((_, spec, aliases)) => match first_ec(aliases) {
                Some(ec) => Some(ec),
                None => Some(spec),
            },
            None => None,
        }
    }

    /// The primary name that the "Error code name" column of MS-OXCDATA 2.4,
    /// 2.4.1, 2.4.2 or 2.4.3 gives this value (the first table that lists
    /// it), or `None` for an unnamed value.
    pub const fn spec_name(self) -> Option<&'static str> {
        match self.entry() {
            Some((_, spec, _)) => Some(spec),
            None => None,
        }
    }

    /// The alternate names that MS-OXCDATA 2.4 lists for this value in its
    /// "Description (alternate names)" column, in the specification's order
    /// and spelling (for 0x8004010F: `MAPI_E_NOT_FOUND`, `ecNotFound`, ...).
    /// Empty for unnamed values and for rows with no recorded alternate
    /// names (see the module documentation).
    pub const fn aliases(self) -> &'static [&'static str] {
        match self.entry() {
            Some((_, _, aliases)) => aliases,
            None => &[],
        }
    }

    /// True for 0x00000000, `Success` (MS-OXCDATA 2.4).
    pub const fn is_success(self) -> bool {
        self.0 == 0
    }

    /// True for the values of the Warning Codes table (MS-OXCDATA 2.4.3),
    /// such as `ErrorsReturned` (0x00040380) or `UnbindSuccess`
    /// (0x00000001). The two 2.4.3 values that 2.4.1 also lists as errors,
    /// 0x000003EE and 0x000003EF, count as errors. MS-OXCDATA gives no
    /// severity bit, so this is a table lookup: an unnamed value is never a
    /// warning.
    pub const fn is_warning(self) -> bool {
        matches!(self.entry(), Some((Table::Warning, _, _)))
    }

    /// True for every value that is neither [`SUCCESS`](Self::SUCCESS) nor a
    /// warning ([`is_warning`](Self::is_warning)), including unnamed values.
    pub const fn is_error(self) -> bool {
        !self.is_success() && !self.is_warning()
    }
}

impl fmt::Display for ErrorCode {
    /// `ecNotFound (0x8004010F)`, or `0x12345678` for an unnamed value.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(n) => write!(f, "{n} ({:#010X})", self.0),
            None => write!(f, "{:#010X}", self.0),
        }
    }
}

impl fmt::Debug for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl From<u32> for ErrorCode {
    fn from(v: u32) -> Self {
        ErrorCode(v)
    }
}

impl From<ErrorCode> for u32 {
    fn from(v: ErrorCode) -> Self {
        v.0
    }
}

crate::wire_newtype! { ErrorCode(u32) => "ErrorCode"; }

#[cfg(feature = "serde")]
impl serde::Serialize for ErrorCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u32(self.0)
    }
}

error_codes! {
    tables {
        // MS-OXCDATA 2.4, Error Codes. Rows through StorageInvalidFunction: spec.
        Main "2.4" {
            SUCCESS = 0x00000000, "Success", ["S_OK", "SUCCESS_SUCCESS"];
            GENERAL_FAILURE = 0x80004005, "GeneralFailure", ["E_FAIL", "MAPI_E_CALL_FAILED", "ecError", "SYNC_E_ERROR"];
            /// MS-OXCDATA 2.4.2 lists the same value as `NotEnoughMemory`
            /// ([`NOT_ENOUGH_MEMORY`](Self::NOT_ENOUGH_MEMORY)): on a property get, the
            /// value is too large to return and has to be read with RopOpenStream.
            OUT_OF_MEMORY = 0x8007000E, "OutOfMemory", ["E_NOMEMORY", "MAPI_E_NOT_ENOUGH_MEMORY", "ecMAPIOOM", "ecPropSize"];
            INVALID_PARAMETER = 0x80070057, "InvalidParameter", ["E_INVALIDARG", "MAPI_E_INVALID_PARAMETER", "ecInvalidParam", "ecInvalidSession", "ecBadBuffer", "SYNC_E_INVALID_PARAMETER"];
            NO_INTERFACE = 0x80004002, "NoInterface", ["E_NOINTERFACE", "MAPI_E_INTERFACE_NOT_SUPPORTED", "ecinterfacenotsupported"];
            ACCESS_DENIED = 0x80070005, "AccessDenied", ["E_ACCESSDENIED", "MAPI_E_NO_ACCESS", "ecaccessdenied", "ecpropsecurityviolation"];
            STORAGE_INVALID_FUNCTION = 0x80030001, "StorageInvalidFunction", ["STG_E_INVALIDFUNCTION"];

            // Alternate names from here to the end of 2.4: OpenChange.
            STORAGE_ACCESS_DENIED = 0x80030005, "StorageAccessDenied", ["STG_E_ACCESSDENIED"];
            STORAGE_INSUFFICIENT_MEMORY = 0x80030008, "StorageInsufficientMemory", ["STG_E_INSUFFICIENTMEMORY"];
            STORAGE_INVALID_POINTER = 0x80030009, "StorageInvalidPointer", ["STG_E_INVALIDPOINTER"];
            STORAGE_READ_FAULT = 0x8003001E, "StorageReadFault", ["STG_E_READFAULT"];
            STORAGE_LOCK_VIOLATION = 0x80030021, "StorageLockViolation", ["STG_E_LOCKVIOLATION"];
            STORAGE_INVALID_PARAMETER = 0x80030057, "StorageInvalidParameter", ["STG_E_INVALIDPARAMETER"];
            // Not in OpenChange's list; gromox annotates it `ecStreamSizeError`,
            // STG_E_MEDIUMFULL (unverified, so not recorded).
            STREAM_SIZE_ERROR = 0x80030070, "StreamSizeError", [];
            STORAGE_INVALID_FLAG = 0x800300FF, "StorageInvalidFlag", ["STG_E_INVALIDFLAG"];
            // OpenChange: `StorageCantSave`.
            STORAGE_CANNOT_SAVE = 0x80030103, "StorageCannotSave", ["STG_E_CANTSAVE"];
            NOT_SUPPORTED = 0x80040102, "NotSupported", ["MAPI_E_NO_SUPPORT", "ecNotSupported", "ecNotImplemented"];
            INVALID_CHARACTER_WIDTH = 0x80040103, "InvalidCharacterWidth", ["MAPI_E_BAD_CHARWIDTH", "ecBadCharwidth"];
            STRING_TOO_LONG = 0x80040105, "StringTooLong", ["MAPI_E_STRING_TOO_LONG", "ecStringTooLarge"];
            INVALID_FLAG = 0x80040106, "InvalidFlag", ["MAPI_E_UNKNOWN_FLAGS", "ecUnknownFlags", "SYNC_E_UNKNOWN_FLAGS"];
            INVALID_ENTRY_ID = 0x80040107, "InvalidEntryID", ["MAPI_E_INVALID_ENTRYID", "ecInvalidEntryId"];
            INVALID_OBJECT = 0x80040108, "InvalidObject", ["MAPI_E_INVALID_OBJECT", "ecInvalidObject"];
            OBJECT_CHANGED = 0x80040109, "ObjectChanged", ["MAPI_E_OBJECT_CHANGED", "ecObjectModified"];
            OBJECT_DELETED = 0x8004010A, "ObjectDeleted", ["MAPI_E_OBJECT_DELETED", "ecObjectDeleted"];
            /// MS-OXCDATA 2.4.1 uses the name `ServerBusy` again for 0x00000480
            /// ([`SERVER_BUSY_ADDITIONAL`](Self::SERVER_BUSY_ADDITIONAL)).
            SERVER_BUSY = 0x8004010B, "ServerBusy", ["MAPI_E_BUSY", "ecBusy"];
            OUT_OF_DISK = 0x8004010D, "OutOfDisk", ["MAPI_E_NOT_ENOUGH_DISK", "ecDiskFull"];
            OUT_OF_RESOURCES = 0x8004010E, "OutOfResources", ["MAPI_E_NOT_ENOUGH_RESOURCES", "ecInsufficientResrc"];
            /// MS-OXCDATA 2.4.2 lists the same value, also as `NotFound`: on a
            /// property get, the property or column has no value for the object.
            NOT_FOUND = 0x8004010F, "NotFound", ["MAPI_E_NOT_FOUND", "ecNotFound", "ecAttachNotFound", "ecUnknownRecip", "ecPropNotExistent"];
            VERSION_MISMATCH = 0x80040110, "VersionMismatch", ["MAPI_E_VERSION", "ecVersionMismatch", "ecVersion"];
            LOGON_FAILED = 0x80040111, "LogonFailed", ["MAPI_E_LOGON_FAILED", "ecLoginFailure"];
            TOO_MANY_SESSIONS = 0x80040112, "TooManySessions", ["MAPI_E_SESSION_LIMIT", "ecTooManySessions"];
            USER_CANCELED = 0x80040113, "UserCanceled", ["MAPI_E_USER_CANCEL", "ecUserAbort"];
            ABORT_FAILED = 0x80040114, "AbortFailed", ["MAPI_E_UNABLE_TO_ABORT", "ecUnableToAbort"];
            NETWORK_ERROR = 0x80040115, "NetworkError", ["MAPI_E_NETWORK_ERROR", "ecNetwork"];
            DISK_ERROR = 0x80040116, "DiskError", ["MAPI_E_DISK_ERROR", "ecWriteFault", "ecReadFault"];
            TOO_COMPLEX = 0x80040117, "TooComplex", ["MAPI_E_TOO_COMPLEX", "ecTooComplex"];
            INVALID_COLUMN = 0x80040118, "InvalidColumn", ["MAPI_E_BAD_COLUMN"];
            COMPUTED_VALUE = 0x8004011A, "ComputedValue", ["MAPI_E_COMPUTED", "ecComputed"];
            CORRUPT_DATA = 0x8004011B, "CorruptData", ["MAPI_E_CORRUPT_DATA", "ecCorruptData"];
            INVALID_CODEPAGE = 0x8004011E, "InvalidCodepage", ["MAPI_E_UNKNOWN_CPID"];
            INVALID_LOCALE = 0x8004011F, "InvalidLocale", ["MAPI_E_UNKNOWN_LCID"];
            TIME_SKEW = 0x80040123, "TimeSkew", ["MAPI_E_INVALID_ACCESS_TIME", "ecTimeSkew"];
            END_OF_SESSION = 0x80040200, "EndOfSession", ["MAPI_E_END_OF_SESSION"];
            UNKNOWN_ENTRY_ID = 0x80040201, "UnknownEntryId", ["MAPI_E_UNKNOWN_ENTRYID"];
            NOT_COMPLETED = 0x80040400, "NotCompleted", ["MAPI_E_UNABLE_TO_COMPLETE", "ecUnableToComplete"];
            TIMEOUT = 0x80040401, "Timeout", ["MAPI_E_TIMEOUT", "ecTimeout"];
            EMPTY_TABLE = 0x80040402, "EmptyTable", ["MAPI_E_TABLE_EMPTY", "ecTableEmpty"];
            TABLE_TOO_BIG = 0x80040403, "TableTooBig", ["MAPI_E_TABLE_TOO_BIG", "ecTableTooBig"];
            INVALID_BOOKMARK = 0x80040405, "InvalidBookmark", ["MAPI_E_INVALID_BOOKMARK", "ecInvalidBookmark"];
            ERROR_WAIT = 0x80040500, "ErrorWait", ["MAPI_E_WAIT", "ecWait"];
            ERROR_CANCEL = 0x80040501, "ErrorCancel", ["MAPI_E_CANCEL", "ecCancel"];
            NO_SUPPRESS = 0x80040602, "NoSuppress", ["MAPI_E_NO_SUPPRESS"];
            COLLIDING_NAMES = 0x80040604, "CollidingNames", ["MAPI_E_COLLISION", "ecDuplicateName"];
            NOT_INITIALIZED = 0x80040605, "NotInitialized", ["MAPI_E_NOT_INITIALIZED", "ecNotInitialized"];
            NO_RECIPIENTS = 0x80040607, "NoRecipients", ["MAPI_E_NO_RECIPIENTS"];
            ALREADY_SENT = 0x80040608, "AlreadySent", ["MAPI_E_SUBMITTED", "ecSubmitted"];
            HAS_FOLDERS = 0x80040609, "HasFolders", ["MAPI_E_HAS_FOLDERS", "ecFolderHasChildren"];
            HAS_MESSAGES = 0x8004060A, "HasMessages", ["MAPI_E_HAS_MESSAGES", "ecFolderHasContents"];
            FOLDER_CYCLE = 0x8004060B, "FolderCycle", ["MAPI_E_FOLDER_CYCLE", "ecRootFolder"];
            TOO_MANY_LOCKS = 0x8004060D, "TooManyLocks", ["MAPI_E_LOCKID_LIMIT", "ecLockIdLimit"];
            AMBIGUOUS_RECIPIENT = 0x80040700, "AmbiguousRecipient", ["MAPI_E_AMBIGUOUS_RECIP", "ecAmbiguousRecip"];
            SYNC_OBJECT_DELETED = 0x80040800, "SyncObjectDeleted", ["SYNC_E_OBJECT_DELETED"];
            IGNORE_FAILURE = 0x80040801, "IgnoreFailure", ["SYNC_E_IGNORE"];
            SYNC_CONFLICT = 0x80040802, "SyncConflict", ["SYNC_E_CONFLICT"];
            NO_PARENT_FOLDER = 0x80040803, "NoParentFolder", ["SYNC_E_NO_PARENT"];
            // OpenChange: `CycleDeleted`, alias SYNC_E_CYCLE_DELETED; gromox:
            // SYNC_E_CYCLE_DETECTED / SYNC_E_CYCLE / SYNC_E_INCEST. Unsettled, so no
            // alternate names recorded.
            CYCLE_DETECTED = 0x80040804, "CycleDetected", [];
            NOT_SYNCHRONIZED = 0x80040805, "NotSynchronized", ["SYNC_E_UNSYNCHRONIZED"];
            NAMED_PROPERTY_QUOTA = 0x80040900, "NamedPropertyQuota", ["MAPI_E_NAMED_PROP_QUOTA_EXCEEDED", "ecNPQuotaExceeded"];
            // OpenChange lists MAPI_E_NOT_IMPLEMENTED for this value; gromox says
            // the value is not MAPI_E_NOT_IMPLEMENTED (nor ecNotSupported/ecNotImplemented,
            // which are 0x80040102). Kept as OpenChange has it.
            NOT_IMPLEMENTED = 0x80040FFF, "NotImplemented", ["MAPI_E_NOT_IMPLEMENTED"];
        }

        // MS-OXCDATA 2.4.1, Additional Error Codes. Rows through
        // DatabaseCopiedError: spec.
        Additional "2.4.1" {
            // OpenChange: ecJetError = 0x000003E4; the specification: 0x000003EA.
            ISAM_ERROR = 0x000003EA, "IsamError", ["ecJetError"];
            UNKNOWN_USER = 0x000003EB, "UnknownUser", ["ecUnknownUser"];
            EXITING = 0x000003ED, "Exiting", ["ecExiting"];
            /// MS-OXCDATA 2.4.3 lists the same value as `IsamWarningBufferTruncated`
            /// ([`ISAM_WARNING_BUFFER_TRUNCATED`](Self::ISAM_WARNING_BUFFER_TRUNCATED)).
            BAD_CONFIGURATION = 0x000003EE, "BadConfiguration", ["ecBadConfig"];
            /// MS-OXCDATA 2.4.3 lists the same value as `IsamWarningDatabaseAttached`
            /// ([`ISAM_WARNING_DATABASE_ATTACHED`](Self::ISAM_WARNING_DATABASE_ATTACHED)).
            UNKNOWN_CODE_PAGE = 0x000003EF, "UnknownCodePage", ["ecUnknownCodePage"];
            SERVER_MEMORY = 0x000003F0, "ServerMemory", ["ecServerOOM", "ecMemory"];
            LOGIN_PERMISSION = 0x000003F2, "LoginPermission", ["ecLoginPerm"];
            DATABASE_ROLLED_BACK = 0x000003F3, "DatabaseRolledBack", ["ecDatabaseRolledBack"];
            DATABASE_COPIED_ERROR = 0x000003F4, "DatabaseCopiedError", ["ecDatabaseCopiedError"];
            // Alternate names from here on: OpenChange.
            AUDIT_NOT_ALLOWED = 0x000003F5, "AuditNotAllowed", ["ecAuditNotAllowed"];
            ZOMBIE_USER = 0x000003F6, "ZombieUser", ["ecZombieUser"];
            UNCONVERTABLE_ACL = 0x000003F7, "UnconvertableACL", ["ecUnconvertableACL"];
            NO_FREE_JET_SESSIONS = 0x0000044C, "NoFreeJetSessions", ["ecNoFreeJses"];
            DIFFERENT_JET_SESSION = 0x0000044D, "DifferentJetSession", ["ecDifferentJses"];
            FILE_REMOVE = 0x0000044F, "FileRemove", ["ecFileRemove"];
            PARAMETER_OVERFLOW = 0x00000450, "ParameterOverflow", ["ecParameterOverflow"];
            BAD_VERSION = 0x00000451, "BadVersion", ["ecBadVersion"];
            TOO_MANY_COLUMNS = 0x00000452, "TooManyColumns", ["ecTooManyCols"];
            HAVE_MORE = 0x00000453, "HaveMore", ["ecHaveMore"];
            DATABASE_ERROR = 0x00000454, "DatabaseError", ["ecDatabaseError"];
            INDEX_NAME_TOO_BIG = 0x00000455, "IndexNameTooBig", ["ecIndexNameTooBig"];
            UNSUPPORTED_PROPERTY = 0x00000456, "UnsupportedProperty", ["ecUnsupportedProp"];
            MESSAGE_NOT_SAVED = 0x00000457, "MessageNotSaved", ["ecMsgNotSaved"];
            UNPUBLISHED_NOTIFICATION = 0x00000459, "UnpublishedNotification", ["ecUnpubNotif"];
            DIFFERENT_ROOT = 0x0000045B, "DifferentRoot", ["ecDifferentRoot"];
            BAD_FOLDER_NAME = 0x0000045C, "BadFolderName", ["ecBadFolderName"];
            ATTACHMENT_OPEN = 0x0000045D, "AttachmentOpen", ["ecAttachOpen"];
            INVALID_COLLAPSE_STATE = 0x0000045E, "InvalidCollapseState", ["ecInvClpsState"];
            SKIP_MY_CHILDREN = 0x0000045F, "SkipMyChildren", ["ecSkipMyChildren"];
            SEARCH_FOLDER = 0x00000460, "SearchFolder", ["ecSearchFolder"];
            NOT_SEARCH_FOLDER = 0x00000461, "NotSearchFolder", ["ecNotSearchFolder"];
            FOLDER_SET_RECEIVE = 0x00000462, "FolderSetReceive", ["ecFolderSetReceive"];
            // Not in OpenChange's list; gromox calls it `ecNoReceiveFolder`
            // (unverified, so not recorded).
            NO_RECEIVE_FOLDER = 0x00000463, "NoReceiveFolder", [];
            // OpenChange: `DeletedSubmitMessage`.
            DELETE_SUBMITTED_MESSAGE = 0x00000465, "DeleteSubmittedMessage", ["ecNoDelSubmitMsg"];
            INVALID_RECIPIENTS = 0x00000467, "InvalidRecipients", ["ecInvalidRecips"];
            NO_REPLICA_HERE = 0x00000468, "NoReplicaHere", ["ecNoReplicaHere"];
            NO_REPLICA_AVAILABLE = 0x00000469, "NoReplicaAvailable", ["ecNoReplicaAvailable"];
            PUBLIC_DATABASE = 0x0000046A, "PublicDatabase", ["ecPublicMDB"];
            NOT_PUBLIC_DATABASE = 0x0000046B, "NotPublicDatabase", ["ecNotPublicMDB"];
            RECORD_NOT_FOUND = 0x0000046C, "RecordNotFound", ["ecRecordNotFound"];
            REPLICATION_CONFLICT = 0x0000046D, "ReplicationConflict", ["ecReplConflict"];
            FX_BUFFER_OVERRUN = 0x00000470, "FXBufferOverrun", ["ecFXBufferOverrun"];
            FX_BUFFER_EMPTY = 0x00000471, "FXBufferEmpty", ["ecFXBufferEmpty"];
            FX_PARTIAL_VALUE = 0x00000472, "FXPartialValue", ["ecFxPartialValue"];
            FX_NO_ROOM = 0x00000473, "FxNoRoom", ["ecFxNoRoom"];
            TIME_EXPIRED = 0x00000474, "TimeExpired", ["ecMaxTimeExpired"];
            DESTINATION_ERROR = 0x00000475, "DestinationError", ["ecDstError"];
            DATABASE_NOT_INITIALIZED = 0x00000476, "DatabaseNotInitialized", ["ecMDBNotInit"];
            WRONG_SERVER = 0x00000478, "WrongServer", ["ecWrongServer"];
            BUFFER_TOO_SMALL = 0x0000047D, "BufferTooSmall", ["ecBufferTooSmall"];
            ATTACHMENT_RESOLUTION_REQUIRED = 0x0000047E, "AttachmentResolutionRequired", ["ecRequiresRefResolve"];
            SERVER_PAUSED = 0x0000047F, "ServerPaused", ["ecServerPaused"];
            /// The table calls this value `ServerBusy`, like 0x8004010B
            /// ([`SERVER_BUSY`](Self::SERVER_BUSY)); the const name carries a suffix
            /// to keep the two apart.
            SERVER_BUSY_ADDITIONAL = 0x00000480, "ServerBusy", ["ecServerBusy"];
            NO_SUCH_LOGON = 0x00000481, "NoSuchLogon", ["ecNoSuchLogon"];
            LOAD_LIBRARY_FAILED = 0x00000482, "LoadLibraryFailed", ["ecLoadLibFailed"];
            ALREADY_CONFIGURED = 0x00000483, "AlreadyConfigured", ["ecObjAlreadyConfig"];
            NOT_CONFIGURED = 0x00000484, "NotConfigured", ["ecObjNotConfig"];
            DATA_LOSS = 0x00000485, "DataLoss", ["ecDataLoss"];
            MAXIMUM_SEND_THREAD_EXCEEDED = 0x00000488, "MaximumSendThreadExceeded", ["ecMaxSendThreadExceeded"];
            FX_ERROR_MARKER = 0x00000489, "FxErrorMarker", ["ecFxErrorMarker"];
            NO_FREE_JTABS = 0x0000048A, "NoFreeJtabs", ["ecNoFreeJtabs"];
            NOT_PRIVATE_DATABASE = 0x0000048B, "NotPrivateDatabase", ["ecNotPrivateMDB"];
            ISINTEG_MDB = 0x0000048C, "IsintegMDB", ["ecIsintegMDB"];
            RECOVERY_MISMATCH = 0x0000048D, "RecoveryMismatch", ["ecRecoveryMDBMismatch"];
            TABLE_MAY_NOT_BE_DELETED = 0x0000048E, "TableMayNotBeDeleted", ["ecTableMayNotBeDeleted"];
            SEARCH_FOLDER_SCOPE_VIOLATION = 0x00000490, "SearchFolderScopeViolation", ["ecSearchFolderScopeViolation"];
            RPC_REGISTER_IF = 0x000004B1, "RpcRegisterIf", ["ecRpcRegisterIf"];
            RPC_LISTEN = 0x000004B2, "RpcListen", ["ecRpcListen"];
            RPC_FORMAT = 0x000004B6, "RpcFormat", ["ecRpcFormat"];
            NO_COPY_TO = 0x000004B7, "NoCopyTo", ["ecNoCopyTo"];
            NULL_OBJECT = 0x000004B9, "NullObject", ["ecNullObject"];
            RPC_AUTHENTICATION = 0x000004BC, "RpcAuthentication", ["ecRpcAuthentication"];
            RPC_BAD_AUTHENTICATION_LEVEL = 0x000004BD, "RpcBadAuthenticationLevel", ["ecRpcBadAuthenticationLevel"];
            NULL_COMMENT_RESTRICTION = 0x000004BE, "NullCommentRestriction", ["ecNullCommentRestriction"];
            RULES_LOAD_ERROR = 0x000004CC, "RulesLoadError", ["ecRulesLoadError"];
            RULES_DELIVER_ERR = 0x000004CD, "RulesDeliverErr", ["ecRulesDeliverErr"];
            RULES_PARSING_ERR = 0x000004CE, "RulesParsingErr", ["ecRulesParsingErr"];
            RULES_CREATE_DAE = 0x000004CF, "RulesCreateDAE", ["ecRulesCreateDaeErr"];
            RULES_CREATE_DAM = 0x000004D0, "RulesCreateDAM", ["ecRulesCreateDamErr"];
            RULES_NO_MOVE_COPY_FOLDER = 0x000004D1, "RulesNoMoveCopyFolder", ["ecRulesNoMoveCopyFolder"];
            RULES_NO_FOLDER_RIGHTS = 0x000004D2, "RulesNoFolderRights", ["ecRulesNoFolderRights"];
            MESSAGE_TOO_BIG = 0x000004D4, "MessageTooBig", ["ecMessageTooBig"];
            FORM_NOT_VALID = 0x000004D5, "FormNotValid", ["ecFormNotValid"];
            NOT_AUTHORIZED = 0x000004D6, "NotAuthorized", ["ecNotAuthorized"];
            DELETE_MESSAGE = 0x000004D7, "DeleteMessage", ["ecDeleteMessage"];
            BOUNCE_MESSAGE = 0x000004D8, "BounceMessage", ["ecBounceMessage"];
            QUOTA_EXCEEDED = 0x000004D9, "QuotaExceeded", ["ecQuotaExceeded"];
            MAX_SUBMISSION_EXCEEDED = 0x000004DA, "MaxSubmissionExceeded", ["ecMaxSubmissionExceeded"];
            MAX_ATTACHMENT_EXCEEDED = 0x000004DB, "MaxAttachmentExceeded", ["ecMaxAttachmentExceeded"];
            SEND_AS_DENIED = 0x000004DC, "SendAsDenied", ["ecSendAsDenied"];
            SHUTOFF_QUOTA_EXCEEDED = 0x000004DD, "ShutoffQuotaExceeded", ["ecShutoffQuotaExceeded"];
            TOO_MANY_OPEN_OBJECTS = 0x000004DE, "TooManyOpenObjects", ["ecMaxObjsExceeded"];
            // gromox: `ecClientVerDisallowed`.
            CLIENT_VERSION_BLOCKED = 0x000004DF, "ClientVersionBlocked", ["ecClientVersionDisallowed"];
            RPC_HTTP_DISALLOWED = 0x000004E0, "RpcHttpDisallowed", ["ecRpcHttpDisallowed"];
            CACHED_MODE_REQUIRED = 0x000004E1, "CachedModeRequired", ["ecCachedModeRequired"];
            // OpenChange: `FolderCleanedUp`; gromox: `ecFolderNotCleanedUp`.
            FOLDER_NOT_CLEANED_UP = 0x000004E3, "FolderNotCleanedUp", ["ecFolderCleanedUp"];
            FORMAT_ERROR = 0x000004ED, "FormatError", ["ecFmtError"];
            NOT_EXPANDED = 0x000004F7, "NotExpanded", ["ecNotExpanded"];
            NOT_COLLAPSED = 0x000004F8, "NotCollapsed", ["ecNotCollapsed"];
            // OpenChange: `NoExpandedLeafRow`.
            NO_EXPAND_LEAF_ROW = 0x000004F9, "NoExpandLeafRow", ["ecLeaf"];
            // OpenChange: `UnregisteredNamedProp`.
            UNREGISTERED_NAME_PROP = 0x000004FA, "UnregisteredNameProp", ["ecUnregisteredNamedProp"];
            FOLDER_DISABLED = 0x000004FB, "FolderDisabled", ["ecFolderDisabled"];
            DOMAIN_ERROR = 0x000004FC, "DomainError", ["ecDomainError"];
            NO_CREATE_RIGHT = 0x000004FF, "NoCreateRight", ["ecNoCreateRight"];
            PUBLIC_ROOT = 0x00000500, "PublicRoot", ["ecPublicRoot"];
            NO_READ_RIGHT = 0x00000501, "NoReadRight", ["ecNoReadRight"];
            NO_CREATE_SUBFOLDER_RIGHT = 0x00000502, "NoCreateSubfolderRight", ["ecNoCreateSubfolderRight"];
            NULL_DESTINATION_OBJECT = 0x00000503, "NullDestinationObject", ["ecDstNullObject"];
            MESSAGE_CYCLE = 0x00000504, "MessageCycle", ["ecMsgCycle"];
            TOO_MANY_RECIPS = 0x00000505, "TooManyRecips", ["ecTooManyRecips"];
            VIRUS_SCAN_IN_PROGRESS = 0x0000050A, "VirusScanInProgress", ["ecVirusScanInProgress"];
            VIRUS_DETECTED = 0x0000050B, "VirusDetected", ["ecVirusDetected"];
            MAILBOX_IN_TRANSIT = 0x0000050C, "MailboxInTransit", ["ecMailboxInTransit"];
            BACKUP_IN_PROGRESS = 0x0000050D, "BackupInProgress", ["ecBackupInProgress"];
            VIRUS_MESSAGE_DELETED = 0x0000050E, "VirusMessageDeleted", ["ecVirusMessageDeleted"];
            INVALID_BACKUP_SEQUENCE = 0x0000050F, "InvalidBackupSequence", ["ecInvalidBackupSequence"];
            INVALID_BACKUP_TYPE = 0x00000510, "InvalidBackupType", ["ecInvalidBackupType"];
            TOO_MANY_BACKUPS = 0x00000511, "TooManyBackups", ["ecTooManyBackupsInProgress"];
            RESTORE_IN_PROGRESS = 0x00000512, "RestoreInProgress", ["ecRestoreInProgress"];
            DUPLICATE_OBJECT = 0x00000579, "DuplicateObject", ["ecDuplicateObject"];
            OBJECT_NOT_FOUND = 0x0000057A, "ObjectNotFound", ["ecObjectNotFound"];
            FIXUP_REPLY_RULE = 0x0000057B, "FixupReplyRule", ["ecFixupReplyRule"];
            TEMPLATE_NOT_FOUND = 0x0000057C, "TemplateNotFound", ["ecTemplateNotFound"];
            // gromox: `ecRuleException`.
            RULE_EXECUTION = 0x0000057D, "RuleExecution", ["ecRuleExecution"];
            DS_NO_SUCH_OBJECT = 0x0000057E, "DSNoSuchObject", ["ecDSNoSuchObject"];
            ALREADY_TOMBSTONED = 0x0000057F, "AlreadyTombstoned", ["ecMessageAlreadyTombstoned"];
            READ_ONLY_TRANSACTION = 0x00000596, "ReadOnlyTransaction", ["ecRequiresRWTransaction"];
            PAUSED = 0x0000060E, "Paused", ["ecPaused"];
            NOT_PAUSED = 0x0000060F, "NotPaused", ["ecNotPaused"];
            WRONG_MAILBOX = 0x00000648, "WrongMailbox", ["ecWrongMailbox"];
            CHANGE_PASSWORD = 0x0000064C, "ChangePassword", ["ecChgPassword"];
            // gromox: `ecPwdExpired`.
            PASSWORD_EXPIRED = 0x0000064D, "PasswordExpired", ["ecPwExpired"];
            INVALID_WORKSTATION = 0x0000064E, "InvalidWorkstation", ["ecInvWkstn"];
            INVALID_LOGON_HOURS = 0x0000064F, "InvalidLogonHours", ["ecInvLogonHrs"];
            ACCOUNT_DISABLED = 0x00000650, "AccountDisabled", ["ecAcctDisabled"];
            RULE_VERSION = 0x000006A4, "RuleVersion", ["ecRuleVersion"];
            RULE_FORMAT = 0x000006A5, "RuleFormat", ["ecRuleFormat"];
            RULE_SEND_AS_DENIED = 0x000006A6, "RuleSendAsDenied", ["ecRuleSendAsDenied"];
            NO_SERVER_SUPPORT = 0x000006B9, "NoServerSupport", ["ecNoServerSupport"];
            LOCK_TIMED_OUT = 0x000006BA, "LockTimedOut", ["ecLockTimedOut"];
            OBJECT_LOCKED = 0x000006BB, "ObjectLocked", ["ecObjectLocked"];
            INVALID_LOCK_NAMESPACE = 0x000006BD, "InvalidLockNamespace", ["ecInvalidLockNamespace"];
            MESSAGE_DELETED = 0x000007D6, "MessageDeleted", ["ecMessageDeleted"];
            PROTOCOL_DISABLED = 0x000007D8, "ProtocolDisabled", ["ecProtocolDisabled"];
            CLEARTEXT_LOGON_DISABLED = 0x000007D9, "CleartextLogonDisabled", ["ecCleartextLogonDisabled"];
            REJECTED = 0x000007EE, "Rejected", ["ecRejected"];
            AMBIGUOUS_ALIAS = 0x0000089A, "AmbiguousAlias", ["ecAmbiguousAlias"];
            UNKNOWN_MAILBOX = 0x0000089B, "UnknownMailbox", ["ecUnknownMailbox"];
            EXPRESSION_RESERVED = 0x000008FC, "ExpressionReserved", ["ecExpReserved"];
            EXPRESSION_PARSE_DEPTH = 0x000008FD, "ExpressionParseDepth", ["ecExpParseDepth"];
            EXPRESSION_ARGUMENT_TYPE = 0x000008FE, "ExpressionArgumentType", ["ecExpFuncArgType"];
            EXPRESSION_SYNTAX = 0x000008FF, "ExpressionSyntax", ["ecExpSyntax"];
            EXPRESSION_BAD_STRING_TOKEN = 0x00000900, "ExpressionBadStringToken", ["ecExpBadStrToken"];
            EXPRESSION_BAD_COL_TOKEN = 0x00000901, "ExpressionBadColToken", ["ecExpBadColToken"];
            EXPRESSION_TYPE_MISMATCH = 0x00000902, "ExpressionTypeMismatch", ["ecExpTypeMismatch"];
            EXPRESSION_OPERATOR_NOT_SUPPORTED = 0x00000903, "ExpressionOperatorNotSupported", ["ecExpOpNotSupported"];
            EXPRESSION_DIVIDE_BY_ZERO = 0x00000904, "ExpressionDivideByZero", ["ecExpDivByZero"];
            EXPRESSION_UNARY_ARGUMENT = 0x00000905, "ExpressionUnaryArgument", ["ecExpUnaryArgType"];
            NOT_LOCKED = 0x00000960, "NotLocked", ["ecNotLocked"];
            CLIENT_EVENT = 0x00000961, "ClientEvent", ["ecClientEvent"];
            CORRUPT_EVENT = 0x00000965, "CorruptEvent", ["ecCorruptEvent"];
            CORRUPT_WATERMARK = 0x00000966, "CorruptWatermark", ["ecCorruptWatermark"];
            EVENT_ERROR = 0x00000967, "EventError", ["ecEventError"];
            WATERMARK_ERROR = 0x00000968, "WatermarkError", ["ecWatermarkError"];
            NON_CANONICAL_ACL = 0x00000969, "NonCanonicalACL", ["ecNonCanonicalACL"];
            MAILBOX_DISABLED = 0x0000096C, "MailboxDisabled", ["ecMailboxDisabled"];
            RULES_FOLDER_OVER_QUOTA = 0x0000096D, "RulesFolderOverQuota", ["ecRulesFolderOverQuota"];
            ADDRESS_BOOK_UNAVAILABLE = 0x0000096E, "AddressBookUnavailable", ["ecADUnavailable"];
            ADDRESS_BOOK_ERROR = 0x0000096F, "AddressBookError", ["ecADError"];
            NOT_ENCRYPTED = 0x00000970, "NotEncrypted", ["ecNotEncrypted"];
            ADDRESS_BOOK_OBJECT_NOT_FOUND = 0x00000971, "AddressBookObjectNotFound", ["ecADNotFound"];
            ADDRESS_BOOK_PROPERTY_ERROR = 0x00000972, "AddressBookPropertyError", ["ecADPropertyError"];
            RPC_SERVER_TOO_BUSY = 0x00000973, "RpcServerTooBusy", ["ecRpcServerTooBusy"];
            RPC_OUT_OF_MEMORY = 0x00000974, "RpcOutOfMemory", ["ecRpcOutOfMemory"];
            RPC_SERVER_OUT_OF_MEMORY = 0x00000975, "RpcServerOutOfMemory", ["ecRpcServerOutOfMemory"];
            RPC_OUT_OF_RESOURCES = 0x00000976, "RpcOutOfResources", ["ecRpcOutOfResources"];
            RPC_SERVER_UNAVAILABLE = 0x00000977, "RpcServerUnavailable", ["ecRpcServerUnavailable"];
            SECURE_SUBMIT_ERROR = 0x0000097A, "SecureSubmitError", ["ecSecureSubmitError"];
            EVENTS_DELETED = 0x0000097C, "EventsDeleted", ["ecEventsDeleted"];
            SUBSYSTEM_STOPPING = 0x0000097D, "SubsystemStopping", ["ecSubsystemStopping"];
            ATTENDANT_UNAVAILABLE = 0x0000097E, "AttendantUnavailable", ["ecSAUnavailable"];
            CI_STOPPING = 0x00000A28, "CIStopping", ["ecCiStopping"];
            FX_INVALID_STATE = 0x00000A29, "FxInvalidState", ["ecFxInvalidState"];
            FX_UNEXPECTED_MARKER = 0x00000A2A, "FxUnexpectedMarker", ["ecFxUnexpectedMarker"];
            DUPLICATE_DELIVERY = 0x00000A2B, "DuplicateDelivery", ["ecDuplicateDelivery"];
            CONDITION_VIOLATION = 0x00000A2C, "ConditionViolation", ["ecConditionViolation"];
            MAXIMUM_CONNECTION_POOLS_EXCEEDED = 0x00000A2D, "MaximumConnectionPoolsExceeded", ["ecMaxPoolExceeded"];
            INVALID_RPC_HANDLE = 0x00000A2E, "InvalidRpcHandle", ["ecRpcInvalidHandle"];
            EVENT_NOT_FOUND = 0x00000A2F, "EventNotFound", ["ecEventNotFound"];
            PROPERTY_NOT_PROMOTED = 0x00000A30, "PropertyNotPromoted", ["ecPropNotPromoted"];
            LOW_FREE_SPACE_FOR_DATABASE = 0x00000A31, "LowFreeSpaceForDatabase", ["ecLowMdbSpace"];
            LOW_FREE_SPACE_FOR_LOGS = 0x00000A32, "LowFreeSpaceForLogs", ["ecLowMdbLogSpace"];
            MAILBOX_IS_QUARANTINED = 0x00000A33, "MailboxIsQuarantined", ["ecMailboxQuarantined"];
            DATABASE_MOUNT_IN_PROGRESS = 0x00000A34, "DatabaseMountInProgress", ["ecMountInProgress"];
            DATABASE_DISMOUNT_IN_PROGRESS = 0x00000A35, "DatabaseDismountInProgress", ["ecDismountInProgress"];
            CONNECTIONS_OVER_BUDGET = 0x00000A36, "ConnectionsOverBudget", ["ecMaxConnectionsExceeded"];
            NOT_FOUND_IN_CONTAINER = 0x00000A37, "NotFoundInContainer", ["ecNotFoundInContainer"];
            CANNOT_REMOVE = 0x00000A38, "CannotRemove", ["ecCannotRemove"];
            INVALID_CONNECTION_POOL = 0x00000A39, "InvalidConnectionPool", ["ecInvalidPool"];
            VIRUS_SCAN_GENERAL_FAILURE = 0x00000A3A, "VirusScanGeneralFailure", ["ecVirusScannerError"];

            // The IsamError rows: names and values from the MAPI Inspector's tables;
            // their alternate names were not read.
            ISAM_ERROR_RFS_FAILURE = 0xFFFFFF9C, "IsamErrorRfsFailure", [];
            ISAM_ERROR_RFS_NOT_ARMED = 0xFFFFFF9B, "IsamErrorRfsNotArmed", [];
            ISAM_ERROR_FILE_CLOSE = 0xFFFFFF9A, "IsamErrorFileClose", [];
            ISAM_ERROR_OUT_OF_THREADS = 0xFFFFFF99, "IsamErrorOutOfThreads", [];
            ISAM_ERROR_TOO_MANY_IO = 0xFFFFFF97, "IsamErrorTooManyIO", [];
            ISAM_ERROR_TASK_DROPPED = 0xFFFFFF96, "IsamErrorTaskDropped", [];
            ISAM_ERROR_INTERNAL_ERROR = 0xFFFFFF95, "IsamErrorInternalError", [];
            ISAM_ERROR_DATABASE_BUFFER_DEPENDENCIES_CORRUPTED = 0xFFFFFF01, "IsamErrorDatabaseBufferDependenciesCorrupted", [];
            ISAM_ERROR_PREVIOUS_VERSION = 0xFFFFFEBE, "IsamErrorPreviousVersion", [];
            ISAM_ERROR_PAGE_BOUNDARY = 0xFFFFFEBD, "IsamErrorPageBoundary", [];
            ISAM_ERROR_KEY_BOUNDARY = 0xFFFFFEBC, "IsamErrorKeyBoundary", [];
            ISAM_ERROR_BAD_PAGE_LINK = 0xFFFFFEB9, "IsamErrorBadPageLink", [];
            ISAM_ERROR_BAD_BOOKMARK = 0xFFFFFEB8, "IsamErrorBadBookmark", [];
            ISAM_ERROR_NT_SYSTEM_CALL_FAILED = 0xFFFFFEB2, "IsamErrorNTSystemCallFailed", [];
            ISAM_ERROR_BAD_PARENT_PAGE_LINK = 0xFFFFFEAE, "IsamErrorBadParentPageLink", [];
            ISAM_ERROR_SP_AVAIL_EXT_CACHE_OUT_OF_SYNC = 0xFFFFFEAC, "IsamErrorSPAvailExtCacheOutOfSync", [];
            ISAM_ERROR_SP_AVAIL_EXT_CORRUPTED = 0xFFFFFEAB, "IsamErrorSPAvailExtCorrupted", [];
            ISAM_ERROR_SP_AVAIL_EXT_CACHE_OUT_OF_MEMORY = 0xFFFFFEAA, "IsamErrorSPAvailExtCacheOutOfMemory", [];
            ISAM_ERROR_SP_OWN_EXT_CORRUPTED = 0xFFFFFEA9, "IsamErrorSPOwnExtCorrupted", [];
            ISAM_ERROR_DB_TIME_CORRUPTED = 0xFFFFFEA8, "IsamErrorDbTimeCorrupted", [];
            ISAM_ERROR_KEY_TRUNCATED = 0xFFFFFEA6, "IsamErrorKeyTruncated", [];
            ISAM_ERROR_KEY_TOO_BIG = 0xFFFFFE68, "IsamErrorKeyTooBig", [];
            ISAM_ERROR_INVALID_LOGGED_OPERATION = 0xFFFFFE0C, "IsamErrorInvalidLoggedOperation", [];
            ISAM_ERROR_LOG_FILE_CORRUPT = 0xFFFFFE0B, "IsamErrorLogFileCorrupt", [];
            ISAM_ERROR_NO_BACKUP_DIRECTORY = 0xFFFFFE09, "IsamErrorNoBackupDirectory", [];
            ISAM_ERROR_BACKUP_DIRECTORY_NOT_EMPTY = 0xFFFFFE08, "IsamErrorBackupDirectoryNotEmpty", [];
            ISAM_ERROR_BACKUP_IN_PROGRESS = 0xFFFFFE07, "IsamErrorBackupInProgress", [];
            ISAM_ERROR_RESTORE_IN_PROGRESS = 0xFFFFFE06, "IsamErrorRestoreInProgress", [];
            ISAM_ERROR_MISSING_PREVIOUS_LOG_FILE = 0xFFFFFE03, "IsamErrorMissingPreviousLogFile", [];
            ISAM_ERROR_LOG_WRITE_FAIL = 0xFFFFFE02, "IsamErrorLogWriteFail", [];
            ISAM_ERROR_LOG_DISABLED_DUE_TO_RECOVERY_FAILURE = 0xFFFFFE01, "IsamErrorLogDisabledDueToRecoveryFailure", [];
            ISAM_ERROR_CANNOT_LOG_DURING_RECOVERY_REDO = 0xFFFFFE00, "IsamErrorCannotLogDuringRecoveryRedo", [];
            ISAM_ERROR_LOG_GENERATION_MISMATCH = 0xFFFFFDFF, "IsamErrorLogGenerationMismatch", [];
            ISAM_ERROR_BAD_LOG_VERSION = 0xFFFFFDFE, "IsamErrorBadLogVersion", [];
            ISAM_ERROR_INVALID_LOG_SEQUENCE = 0xFFFFFDFD, "IsamErrorInvalidLogSequence", [];
            ISAM_ERROR_LOGGING_DISABLED = 0xFFFFFDFC, "IsamErrorLoggingDisabled", [];
            ISAM_ERROR_LOG_BUFFER_TOO_SMALL = 0xFFFFFDFB, "IsamErrorLogBufferTooSmall", [];
            ISAM_ERROR_LOG_SEQUENCE_END = 0xFFFFFDF9, "IsamErrorLogSequenceEnd", [];
            ISAM_ERROR_NO_BACKUP = 0xFFFFFDF8, "IsamErrorNoBackup", [];
            ISAM_ERROR_INVALID_BACKUP_SEQUENCE = 0xFFFFFDF7, "IsamErrorInvalidBackupSequence", [];
            ISAM_ERROR_BACKUP_NOT_ALLOWED_YET = 0xFFFFFDF5, "IsamErrorBackupNotAllowedYet", [];
            ISAM_ERROR_DELETE_BACKUP_FILE_FAIL = 0xFFFFFDF4, "IsamErrorDeleteBackupFileFail", [];
            ISAM_ERROR_MAKE_BACKUP_DIRECTORY_FAIL = 0xFFFFFDF3, "IsamErrorMakeBackupDirectoryFail", [];
            ISAM_ERROR_INVALID_BACKUP = 0xFFFFFDF2, "IsamErrorInvalidBackup", [];
            ISAM_ERROR_RECOVERED_WITH_ERRORS = 0xFFFFFDF1, "IsamErrorRecoveredWithErrors", [];
            ISAM_ERROR_MISSING_LOG_FILE = 0xFFFFFDF0, "IsamErrorMissingLogFile", [];
            ISAM_ERROR_LOG_DISK_FULL = 0xFFFFFDEF, "IsamErrorLogDiskFull", [];
            ISAM_ERROR_BAD_LOG_SIGNATURE = 0xFFFFFDEE, "IsamErrorBadLogSignature", [];
            ISAM_ERROR_BAD_DB_SIGNATURE = 0xFFFFFDED, "IsamErrorBadDbSignature", [];
            ISAM_ERROR_BAD_CHECKPOINT_SIGNATURE = 0xFFFFFDEC, "IsamErrorBadCheckpointSignature", [];
            ISAM_ERROR_CHECKPOINT_CORRUPT = 0xFFFFFDEB, "IsamErrorCheckpointCorrupt", [];
            ISAM_ERROR_MISSING_PATCH_PAGE = 0xFFFFFDEA, "IsamErrorMissingPatchPage", [];
            ISAM_ERROR_BAD_PATCH_PAGE = 0xFFFFFDE9, "IsamErrorBadPatchPage", [];
            ISAM_ERROR_REDO_ABRUPT_ENDED = 0xFFFFFDE8, "IsamErrorRedoAbruptEnded", [];
            ISAM_ERROR_BAD_SLV_SIGNATURE = 0xFFFFFDE7, "IsamErrorBadSLVSignature", [];
            ISAM_ERROR_PATCH_FILE_MISSING = 0xFFFFFDE6, "IsamErrorPatchFileMissing", [];
            ISAM_ERROR_DATABASE_LOG_SET_MISMATCH = 0xFFFFFDE5, "IsamErrorDatabaseLogSetMismatch", [];
            ISAM_ERROR_DATABASE_STREAMING_FILE_MISMATCH = 0xFFFFFDE4, "IsamErrorDatabaseStreamingFileMismatch", [];
            ISAM_ERROR_LOG_FILE_SIZE_MISMATCH = 0xFFFFFDE3, "IsamErrorLogFileSizeMismatch", [];
            ISAM_ERROR_CHECKPOINT_FILE_NOT_FOUND = 0xFFFFFDE2, "IsamErrorCheckpointFileNotFound", [];
            ISAM_ERROR_REQUIRED_LOG_FILES_MISSING = 0xFFFFFDE1, "IsamErrorRequiredLogFilesMissing", [];
            ISAM_ERROR_SOFT_RECOVERY_ON_BACKUP_DATABASE = 0xFFFFFDE0, "IsamErrorSoftRecoveryOnBackupDatabase", [];
            ISAM_ERROR_LOG_FILE_SIZE_MISMATCH_DATABASES_CONSISTENT = 0xFFFFFDDF, "IsamErrorLogFileSizeMismatchDatabasesConsistent", [];
            ISAM_ERROR_LOG_SECTOR_SIZE_MISMATCH = 0xFFFFFDDE, "IsamErrorLogSectorSizeMismatch", [];
            ISAM_ERROR_LOG_SECTOR_SIZE_MISMATCH_DATABASES_CONSISTENT = 0xFFFFFDDD, "IsamErrorLogSectorSizeMismatchDatabasesConsistent", [];
            ISAM_ERROR_LOG_SEQUENCE_END_DATABASES_CONSISTENT = 0xFFFFFDDC, "IsamErrorLogSequenceEndDatabasesConsistent", [];
            ISAM_ERROR_STREAMING_DATA_NOT_LOGGED = 0xFFFFFDDB, "IsamErrorStreamingDataNotLogged", [];
            ISAM_ERROR_DATABASE_DIRTY_SHUTDOWN = 0xFFFFFDDA, "IsamErrorDatabaseDirtyShutdown", [];
            ISAM_ERROR_CONSISTENT_TIME_MISMATCH = 0xFFFFFDD9, "IsamErrorConsistentTimeMismatch", [];
            ISAM_ERROR_DATABASE_PATCH_FILE_MISMATCH = 0xFFFFFDD8, "IsamErrorDatabasePatchFileMismatch", [];
            ISAM_ERROR_ENDING_RESTORE_LOG_TOO_LOW = 0xFFFFFDD7, "IsamErrorEndingRestoreLogTooLow", [];
            ISAM_ERROR_STARTING_RESTORE_LOG_TOO_HIGH = 0xFFFFFDD6, "IsamErrorStartingRestoreLogTooHigh", [];
            ISAM_ERROR_GIVEN_LOG_FILE_HAS_BAD_SIGNATURE = 0xFFFFFDD5, "IsamErrorGivenLogFileHasBadSignature", [];
            ISAM_ERROR_GIVEN_LOG_FILE_IS_NOT_CONTIGUOUS = 0xFFFFFDD4, "IsamErrorGivenLogFileIsNotContiguous", [];
            ISAM_ERROR_MISSING_RESTORE_LOG_FILES = 0xFFFFFDD3, "IsamErrorMissingRestoreLogFiles", [];
            ISAM_ERROR_MISSING_FULL_BACKUP = 0xFFFFFDD0, "IsamErrorMissingFullBackup", [];
            ISAM_ERROR_BAD_BACKUP_DATABASE_SIZE = 0xFFFFFDCF, "IsamErrorBadBackupDatabaseSize", [];
            ISAM_ERROR_DATABASE_ALREADY_UPGRADED = 0xFFFFFDCE, "IsamErrorDatabaseAlreadyUpgraded", [];
            ISAM_ERROR_DATABASE_INCOMPLETE_UPGRADE = 0xFFFFFDCD, "IsamErrorDatabaseIncompleteUpgrade", [];
            ISAM_ERROR_MISSING_CURRENT_LOG_FILES = 0xFFFFFDCB, "IsamErrorMissingCurrentLogFiles", [];
            ISAM_ERROR_DB_TIME_TOO_OLD = 0xFFFFFDCA, "IsamErrorDbTimeTooOld", [];
            ISAM_ERROR_DB_TIME_TOO_NEW = 0xFFFFFDC9, "IsamErrorDbTimeTooNew", [];
            ISAM_ERROR_MISSING_FILE_TO_BACKUP = 0xFFFFFDC7, "IsamErrorMissingFileToBackup", [];
            ISAM_ERROR_LOG_TORN_WRITE_DURING_HARD_RESTORE = 0xFFFFFDC6, "IsamErrorLogTornWriteDuringHardRestore", [];
            ISAM_ERROR_LOG_TORN_WRITE_DURING_HARD_RECOVERY = 0xFFFFFDC5, "IsamErrorLogTornWriteDuringHardRecovery", [];
            ISAM_ERROR_LOG_CORRUPT_DURING_HARD_RESTORE = 0xFFFFFDC3, "IsamErrorLogCorruptDuringHardRestore", [];
            ISAM_ERROR_LOG_CORRUPT_DURING_HARD_RECOVERY = 0xFFFFFDC2, "IsamErrorLogCorruptDuringHardRecovery", [];
            ISAM_ERROR_MUST_DISABLE_LOGGING_FOR_DB_UPGRADE = 0xFFFFFDC1, "IsamErrorMustDisableLoggingForDbUpgrade", [];
            ISAM_ERROR_BAD_RESTORE_TARGET_INSTANCE = 0xFFFFFDBF, "IsamErrorBadRestoreTargetInstance", [];
            ISAM_ERROR_RECOVERED_WITHOUT_UNDO = 0xFFFFFDBD, "IsamErrorRecoveredWithoutUndo", [];
            ISAM_ERROR_DATABASES_NOT_FROM_SAME_SNAPSHOT = 0xFFFFFDBC, "IsamErrorDatabasesNotFromSameSnapshot", [];
            ISAM_ERROR_SOFT_RECOVERY_ON_SNAPSHOT = 0xFFFFFDBB, "IsamErrorSoftRecoveryOnSnapshot", [];
            ISAM_ERROR_COMMITTED_LOG_FILES_MISSING = 0xFFFFFDBA, "IsamErrorCommittedLogFilesMissing", [];
            ISAM_ERROR_COMMITTED_LOG_FILES_CORRUPT = 0xFFFFFDB6, "IsamErrorCommittedLogFilesCorrupt", [];
            ISAM_ERROR_UNICODE_TRANSLATION_BUFFER_TOO_SMALL = 0xFFFFFDA7, "IsamErrorUnicodeTranslationBufferTooSmall", [];
            ISAM_ERROR_UNICODE_TRANSLATION_FAIL = 0xFFFFFDA6, "IsamErrorUnicodeTranslationFail", [];
            ISAM_ERROR_UNICODE_NORMALIZATION_NOT_SUPPORTED = 0xFFFFFDA5, "IsamErrorUnicodeNormalizationNotSupported", [];
            ISAM_ERROR_EXISTING_LOG_FILE_HAS_BAD_SIGNATURE = 0xFFFFFD9E, "IsamErrorExistingLogFileHasBadSignature", [];
            ISAM_ERROR_EXISTING_LOG_FILE_IS_NOT_CONTIGUOUS = 0xFFFFFD9D, "IsamErrorExistingLogFileIsNotContiguous", [];
            ISAM_ERROR_LOG_READ_VERIFY_FAILURE = 0xFFFFFD9C, "IsamErrorLogReadVerifyFailure", [];
            ISAM_ERROR_SLV_READ_VERIFY_FAILURE = 0xFFFFFD9B, "IsamErrorSLVReadVerifyFailure", [];
            ISAM_ERROR_CHECKPOINT_DEPTH_TOO_DEEP = 0xFFFFFD9A, "IsamErrorCheckpointDepthTooDeep", [];
            ISAM_ERROR_RESTORE_OF_NON_BACKUP_DATABASE = 0xFFFFFD99, "IsamErrorRestoreOfNonBackupDatabase", [];
            ISAM_ERROR_INVALID_GRBIT = 0xFFFFFC7C, "IsamErrorInvalidGrbit", [];
            ISAM_ERROR_TERM_IN_PROGRESS = 0xFFFFFC18, "IsamErrorTermInProgress", [];
            ISAM_ERROR_FEATURE_NOT_AVAILABLE = 0xFFFFFC17, "IsamErrorFeatureNotAvailable", [];
            ISAM_ERROR_INVALID_NAME = 0xFFFFFC16, "IsamErrorInvalidName", [];
            ISAM_ERROR_INVALID_PARAMETER = 0xFFFFFC15, "IsamErrorInvalidParameter", [];
            ISAM_ERROR_DATABASE_FILE_READ_ONLY = 0xFFFFFC10, "IsamErrorDatabaseFileReadOnly", [];
            ISAM_ERROR_INVALID_DATABASE_ID = 0xFFFFFC0E, "IsamErrorInvalidDatabaseId", [];
            ISAM_ERROR_OUT_OF_MEMORY = 0xFFFFFC0D, "IsamErrorOutOfMemory", [];
            ISAM_ERROR_OUT_OF_DATABASE_SPACE = 0xFFFFFC0C, "IsamErrorOutOfDatabaseSpace", [];
            ISAM_ERROR_OUT_OF_CURSORS = 0xFFFFFC0B, "IsamErrorOutOfCursors", [];
            ISAM_ERROR_OUT_OF_BUFFERS = 0xFFFFFC0A, "IsamErrorOutOfBuffers", [];
            ISAM_ERROR_TOO_MANY_INDEXES = 0xFFFFFC09, "IsamErrorTooManyIndexes", [];
            ISAM_ERROR_TOO_MANY_KEYS = 0xFFFFFC08, "IsamErrorTooManyKeys", [];
            ISAM_ERROR_RECORD_DELETED = 0xFFFFFC07, "IsamErrorRecordDeleted", [];
            ISAM_ERROR_READ_VERIFY_FAILURE = 0xFFFFFC06, "IsamErrorReadVerifyFailure", [];
            ISAM_ERROR_PAGE_NOT_INITIALIZED = 0xFFFFFC05, "IsamErrorPageNotInitialized", [];
            ISAM_ERROR_OUT_OF_FILE_HANDLES = 0xFFFFFC04, "IsamErrorOutOfFileHandles", [];
            ISAM_ERROR_DISK_IO = 0xFFFFFC02, "IsamErrorDiskIO", [];
            ISAM_ERROR_INVALID_PATH = 0xFFFFFC01, "IsamErrorInvalidPath", [];
            ISAM_ERROR_INVALID_SYSTEM_PATH = 0xFFFFFC00, "IsamErrorInvalidSystemPath", [];
            ISAM_ERROR_INVALID_LOG_DIRECTORY = 0xFFFFFBFF, "IsamErrorInvalidLogDirectory", [];
            ISAM_ERROR_RECORD_TOO_BIG = 0xFFFFFBFE, "IsamErrorRecordTooBig", [];
            ISAM_ERROR_TOO_MANY_OPEN_DATABASES = 0xFFFFFBFD, "IsamErrorTooManyOpenDatabases", [];
            ISAM_ERROR_INVALID_DATABASE = 0xFFFFFBFC, "IsamErrorInvalidDatabase", [];
            ISAM_ERROR_NOT_INITIALIZED = 0xFFFFFBFB, "IsamErrorNotInitialized", [];
            ISAM_ERROR_ALREADY_INITIALIZED = 0xFFFFFBFA, "IsamErrorAlreadyInitialized", [];
            ISAM_ERROR_INIT_IN_PROGRESS = 0xFFFFFBF9, "IsamErrorInitInProgress", [];
            ISAM_ERROR_FILE_ACCESS_DENIED = 0xFFFFFBF8, "IsamErrorFileAccessDenied", [];
            ISAM_ERROR_BUFFER_TOO_SMALL = 0xFFFFFBF2, "IsamErrorBufferTooSmall", [];
            ISAM_ERROR_TOO_MANY_COLUMNS = 0xFFFFFBF0, "IsamErrorTooManyColumns", [];
            ISAM_ERROR_CONTAINER_NOT_EMPTY = 0xFFFFFBED, "IsamErrorContainerNotEmpty", [];
            ISAM_ERROR_INVALID_FILENAME = 0xFFFFFBEC, "IsamErrorInvalidFilename", [];
            ISAM_ERROR_INVALID_BOOKMARK = 0xFFFFFBEB, "IsamErrorInvalidBookmark", [];
            ISAM_ERROR_COLUMN_IN_USE = 0xFFFFFBEA, "IsamErrorColumnInUse", [];
            ISAM_ERROR_INVALID_BUFFER_SIZE = 0xFFFFFBE9, "IsamErrorInvalidBufferSize", [];
            ISAM_ERROR_COLUMN_NOT_UPDATABLE = 0xFFFFFBE8, "IsamErrorColumnNotUpdatable", [];
            ISAM_ERROR_INDEX_IN_USE = 0xFFFFFBE5, "IsamErrorIndexInUse", [];
            ISAM_ERROR_LINK_NOT_SUPPORTED = 0xFFFFFBE4, "IsamErrorLinkNotSupported", [];
            ISAM_ERROR_NULL_KEY_DISALLOWED = 0xFFFFFBE3, "IsamErrorNullKeyDisallowed", [];
            ISAM_ERROR_NOT_IN_TRANSACTION = 0xFFFFFBE2, "IsamErrorNotInTransaction", [];
            ISAM_ERROR_TOO_MANY_ACTIVE_USERS = 0xFFFFFBDD, "IsamErrorTooManyActiveUsers", [];
            ISAM_ERROR_INVALID_COUNTRY = 0xFFFFFBDB, "IsamErrorInvalidCountry", [];
            ISAM_ERROR_INVALID_LANGUAGE_ID = 0xFFFFFBDA, "IsamErrorInvalidLanguageId", [];
            ISAM_ERROR_INVALID_CODE_PAGE = 0xFFFFFBD9, "IsamErrorInvalidCodePage", [];
            ISAM_ERROR_INVALID_LC_MAP_STRING_FLAGS = 0xFFFFFBD8, "IsamErrorInvalidLCMapStringFlags", [];
            ISAM_ERROR_VERSION_STORE_ENTRY_TOO_BIG = 0xFFFFFBD7, "IsamErrorVersionStoreEntryTooBig", [];
            ISAM_ERROR_VERSION_STORE_OUT_OF_MEMORY_AND_CLEANUP_TIMED_OUT = 0xFFFFFBD6, "IsamErrorVersionStoreOutOfMemoryAndCleanupTimedOut", [];
            ISAM_ERROR_VERSION_STORE_OUT_OF_MEMORY = 0xFFFFFBD3, "IsamErrorVersionStoreOutOfMemory", [];
            ISAM_ERROR_CANNOT_INDEX = 0xFFFFFBD1, "IsamErrorCannotIndex", [];
            ISAM_ERROR_RECORD_NOT_DELETED = 0xFFFFFBD0, "IsamErrorRecordNotDeleted", [];
            ISAM_ERROR_TOO_MANY_MEMPOOL_ENTRIES = 0xFFFFFBCF, "IsamErrorTooManyMempoolEntries", [];
            ISAM_ERROR_OUT_OF_OBJECT_IDS = 0xFFFFFBCE, "IsamErrorOutOfObjectIDs", [];
            ISAM_ERROR_OUT_OF_LONG_VALUE_IDS = 0xFFFFFBCD, "IsamErrorOutOfLongValueIDs", [];
            ISAM_ERROR_OUT_OF_AUTOINCREMENT_VALUES = 0xFFFFFBCC, "IsamErrorOutOfAutoincrementValues", [];
            ISAM_ERROR_OUT_OF_DBTIME_VALUES = 0xFFFFFBCB, "IsamErrorOutOfDbtimeValues", [];
            ISAM_ERROR_OUT_OF_SEQUENTIAL_INDEX_VALUES = 0xFFFFFBCA, "IsamErrorOutOfSequentialIndexValues", [];
            ISAM_ERROR_RUNNING_IN_ONE_INSTANCE_MODE = 0xFFFFFBC8, "IsamErrorRunningInOneInstanceMode", [];
            ISAM_ERROR_RUNNING_IN_MULTI_INSTANCE_MODE = 0xFFFFFBC7, "IsamErrorRunningInMultiInstanceMode", [];
            ISAM_ERROR_SYSTEM_PARAMS_ALREADY_SET = 0xFFFFFBC6, "IsamErrorSystemParamsAlreadySet", [];
            ISAM_ERROR_SYSTEM_PATH_IN_USE = 0xFFFFFBC5, "IsamErrorSystemPathInUse", [];
            ISAM_ERROR_LOG_FILE_PATH_IN_USE = 0xFFFFFBC4, "IsamErrorLogFilePathInUse", [];
            ISAM_ERROR_TEMP_PATH_IN_USE = 0xFFFFFBC3, "IsamErrorTempPathInUse", [];
            ISAM_ERROR_INSTANCE_NAME_IN_USE = 0xFFFFFBC2, "IsamErrorInstanceNameInUse", [];
            ISAM_ERROR_INSTANCE_UNAVAILABLE = 0xFFFFFBBE, "IsamErrorInstanceUnavailable", [];
            ISAM_ERROR_DATABASE_UNAVAILABLE = 0xFFFFFBBD, "IsamErrorDatabaseUnavailable", [];
            ISAM_ERROR_INSTANCE_UNAVAILABLE_DUE_TO_FATAL_LOG_DISK_FULL = 0xFFFFFBBC, "IsamErrorInstanceUnavailableDueToFatalLogDiskFull", [];
            ISAM_ERROR_OUT_OF_SESSIONS = 0xFFFFFBB3, "IsamErrorOutOfSessions", [];
            ISAM_ERROR_WRITE_CONFLICT = 0xFFFFFBB2, "IsamErrorWriteConflict", [];
            ISAM_ERROR_TRANS_TOO_DEEP = 0xFFFFFBB1, "IsamErrorTransTooDeep", [];
            ISAM_ERROR_INVALID_SESID = 0xFFFFFBB0, "IsamErrorInvalidSesid", [];
            ISAM_ERROR_WRITE_CONFLICT_PRIMARY_INDEX = 0xFFFFFBAF, "IsamErrorWriteConflictPrimaryIndex", [];
            ISAM_ERROR_IN_TRANSACTION = 0xFFFFFBAC, "IsamErrorInTransaction", [];
            ISAM_ERROR_ROLLBACK_REQUIRED = 0xFFFFFBAB, "IsamErrorRollbackRequired", [];
            ISAM_ERROR_TRANS_READ_ONLY = 0xFFFFFBAA, "IsamErrorTransReadOnly", [];
            ISAM_ERROR_SESSION_WRITE_CONFLICT = 0xFFFFFBA9, "IsamErrorSessionWriteConflict", [];
            ISAM_ERROR_RECORD_TOO_BIG_FOR_BACKWARD_COMPATIBILITY = 0xFFFFFBA8, "IsamErrorRecordTooBigForBackwardCompatibility", [];
            ISAM_ERROR_CANNOT_MATERIALIZE_FORWARD_ONLY_SORT = 0xFFFFFBA7, "IsamErrorCannotMaterializeForwardOnlySort", [];
            ISAM_ERROR_SESID_TABLE_ID_MISMATCH = 0xFFFFFBA6, "IsamErrorSesidTableIdMismatch", [];
            ISAM_ERROR_INVALID_INSTANCE = 0xFFFFFBA5, "IsamErrorInvalidInstance", [];
            ISAM_ERROR_DATABASE_DUPLICATE = 0xFFFFFB4F, "IsamErrorDatabaseDuplicate", [];
            ISAM_ERROR_DATABASE_IN_USE = 0xFFFFFB4E, "IsamErrorDatabaseInUse", [];
            ISAM_ERROR_DATABASE_NOT_FOUND = 0xFFFFFB4D, "IsamErrorDatabaseNotFound", [];
            ISAM_ERROR_DATABASE_INVALID_NAME = 0xFFFFFB4C, "IsamErrorDatabaseInvalidName", [];
            ISAM_ERROR_DATABASE_INVALID_PAGES = 0xFFFFFB4B, "IsamErrorDatabaseInvalidPages", [];
            ISAM_ERROR_DATABASE_CORRUPTED = 0xFFFFFB4A, "IsamErrorDatabaseCorrupted", [];
            ISAM_ERROR_DATABASE_LOCKED = 0xFFFFFB49, "IsamErrorDatabaseLocked", [];
            ISAM_ERROR_CANNOT_DISABLE_VERSIONING = 0xFFFFFB48, "IsamErrorCannotDisableVersioning", [];
            ISAM_ERROR_INVALID_DATABASE_VERSION = 0xFFFFFB47, "IsamErrorInvalidDatabaseVersion", [];
            ISAM_ERROR_DATABASE_200_FORMAT = 0xFFFFFB46, "IsamErrorDatabase200Format", [];
            ISAM_ERROR_DATABASE_400_FORMAT = 0xFFFFFB45, "IsamErrorDatabase400Format", [];
            ISAM_ERROR_DATABASE_500_FORMAT = 0xFFFFFB44, "IsamErrorDatabase500Format", [];
            ISAM_ERROR_PAGE_SIZE_MISMATCH = 0xFFFFFB43, "IsamErrorPageSizeMismatch", [];
            ISAM_ERROR_TOO_MANY_INSTANCES = 0xFFFFFB42, "IsamErrorTooManyInstances", [];
            ISAM_ERROR_DATABASE_SHARING_VIOLATION = 0xFFFFFB41, "IsamErrorDatabaseSharingViolation", [];
            ISAM_ERROR_ATTACHED_DATABASE_MISMATCH = 0xFFFFFB40, "IsamErrorAttachedDatabaseMismatch", [];
            ISAM_ERROR_DATABASE_INVALID_PATH = 0xFFFFFB3F, "IsamErrorDatabaseInvalidPath", [];
            ISAM_ERROR_DATABASE_ID_IN_USE = 0xFFFFFB3E, "IsamErrorDatabaseIdInUse", [];
            ISAM_ERROR_FORCE_DETACH_NOT_ALLOWED = 0xFFFFFB3D, "IsamErrorForceDetachNotAllowed", [];
            ISAM_ERROR_CATALOG_CORRUPTED = 0xFFFFFB3C, "IsamErrorCatalogCorrupted", [];
            ISAM_ERROR_PARTIALLY_ATTACHED_DB = 0xFFFFFB3B, "IsamErrorPartiallyAttachedDB", [];
            ISAM_ERROR_DATABASE_SIGN_IN_USE = 0xFFFFFB3A, "IsamErrorDatabaseSignInUse", [];
            ISAM_ERROR_DATABASE_CORRUPTED_NO_REPAIR = 0xFFFFFB38, "IsamErrorDatabaseCorruptedNoRepair", [];
            ISAM_ERROR_INVALID_CREATE_DB_VERSION = 0xFFFFFB37, "IsamErrorInvalidCreateDbVersion", [];
            ISAM_ERROR_TABLE_LOCKED = 0xFFFFFAEA, "IsamErrorTableLocked", [];
            ISAM_ERROR_TABLE_DUPLICATE = 0xFFFFFAE9, "IsamErrorTableDuplicate", [];
            ISAM_ERROR_TABLE_IN_USE = 0xFFFFFAE8, "IsamErrorTableInUse", [];
            ISAM_ERROR_OBJECT_NOT_FOUND = 0xFFFFFAE7, "IsamErrorObjectNotFound", [];
            ISAM_ERROR_DENSITY_INVALID = 0xFFFFFAE5, "IsamErrorDensityInvalid", [];
            ISAM_ERROR_TABLE_NOT_EMPTY = 0xFFFFFAE4, "IsamErrorTableNotEmpty", [];
            ISAM_ERROR_INVALID_TABLE_ID = 0xFFFFFAE2, "IsamErrorInvalidTableId", [];
            ISAM_ERROR_TOO_MANY_OPEN_TABLES = 0xFFFFFAE1, "IsamErrorTooManyOpenTables", [];
            ISAM_ERROR_ILLEGAL_OPERATION = 0xFFFFFAE0, "IsamErrorIllegalOperation", [];
            ISAM_ERROR_TOO_MANY_OPEN_TABLES_AND_CLEANUP_TIMED_OUT = 0xFFFFFADF, "IsamErrorTooManyOpenTablesAndCleanupTimedOut", [];
            ISAM_ERROR_OBJECT_DUPLICATE = 0xFFFFFADE, "IsamErrorObjectDuplicate", [];
            ISAM_ERROR_INVALID_OBJECT = 0xFFFFFADC, "IsamErrorInvalidObject", [];
            ISAM_ERROR_CANNOT_DELETE_TEMP_TABLE = 0xFFFFFADB, "IsamErrorCannotDeleteTempTable", [];
            ISAM_ERROR_CANNOT_DELETE_SYSTEM_TABLE = 0xFFFFFADA, "IsamErrorCannotDeleteSystemTable", [];
            ISAM_ERROR_CANNOT_DELETE_TEMPLATE_TABLE = 0xFFFFFAD9, "IsamErrorCannotDeleteTemplateTable", [];
            ISAM_ERROR_EXCLUSIVE_TABLE_LOCK_REQUIRED = 0xFFFFFAD6, "IsamErrorExclusiveTableLockRequired", [];
            ISAM_ERROR_FIXED_DDL = 0xFFFFFAD5, "IsamErrorFixedDDL", [];
            ISAM_ERROR_FIXED_INHERITED_DDL = 0xFFFFFAD4, "IsamErrorFixedInheritedDDL", [];
            ISAM_ERROR_CANNOT_NEST_DDL = 0xFFFFFAD3, "IsamErrorCannotNestDDL", [];
            ISAM_ERROR_DDL_NOT_INHERITABLE = 0xFFFFFAD2, "IsamErrorDDLNotInheritable", [];
            ISAM_ERROR_INVALID_SETTINGS = 0xFFFFFAD0, "IsamErrorInvalidSettings", [];
            ISAM_ERROR_CLIENT_REQUEST_TO_STOP_JET_SERVICE = 0xFFFFFACF, "IsamErrorClientRequestToStopJetService", [];
            ISAM_ERROR_CANNOT_ADD_FIXED_VAR_COLUMN_TO_DERIVED_TABLE = 0xFFFFFACE, "IsamErrorCannotAddFixedVarColumnToDerivedTable", [];
            ISAM_ERROR_INDEX_CANT_BUILD = 0xFFFFFA87, "IsamErrorIndexCantBuild", [];
            ISAM_ERROR_INDEX_HAS_PRIMARY = 0xFFFFFA86, "IsamErrorIndexHasPrimary", [];
            ISAM_ERROR_INDEX_DUPLICATE = 0xFFFFFA85, "IsamErrorIndexDuplicate", [];
            ISAM_ERROR_INDEX_NOT_FOUND = 0xFFFFFA84, "IsamErrorIndexNotFound", [];
            ISAM_ERROR_INDEX_MUST_STAY = 0xFFFFFA83, "IsamErrorIndexMustStay", [];
            ISAM_ERROR_INDEX_INVALID_DEF = 0xFFFFFA82, "IsamErrorIndexInvalidDef", [];
            ISAM_ERROR_INVALID_CREATE_INDEX = 0xFFFFFA7F, "IsamErrorInvalidCreateIndex", [];
            ISAM_ERROR_TOO_MANY_OPEN_INDEXES = 0xFFFFFA7E, "IsamErrorTooManyOpenIndexes", [];
            ISAM_ERROR_MULTI_VALUED_INDEX_VIOLATION = 0xFFFFFA7D, "IsamErrorMultiValuedIndexViolation", [];
            ISAM_ERROR_INDEX_BUILD_CORRUPTED = 0xFFFFFA7C, "IsamErrorIndexBuildCorrupted", [];
            ISAM_ERROR_PRIMARY_INDEX_CORRUPTED = 0xFFFFFA7B, "IsamErrorPrimaryIndexCorrupted", [];
            ISAM_ERROR_SECONDARY_INDEX_CORRUPTED = 0xFFFFFA7A, "IsamErrorSecondaryIndexCorrupted", [];
            ISAM_ERROR_INVALID_INDEX_ID = 0xFFFFFA78, "IsamErrorInvalidIndexId", [];
            ISAM_ERROR_INDEX_TUPLES_SECONDARY_INDEX_ONLY = 0xFFFFFA6A, "IsamErrorIndexTuplesSecondaryIndexOnly", [];
            ISAM_ERROR_INDEX_TUPLES_TOO_MANY_COLUMNS = 0xFFFFFA69, "IsamErrorIndexTuplesTooManyColumns", [];
            ISAM_ERROR_INDEX_TUPLES_NON_UNIQUE_ONLY = 0xFFFFFA68, "IsamErrorIndexTuplesNonUniqueOnly", [];
            ISAM_ERROR_INDEX_TUPLES_TEXT_BINARY_COLUMNS_ONLY = 0xFFFFFA67, "IsamErrorIndexTuplesTextBinaryColumnsOnly", [];
            ISAM_ERROR_INDEX_TUPLES_VAR_SEG_MAC_NOT_ALLOWED = 0xFFFFFA66, "IsamErrorIndexTuplesVarSegMacNotAllowed", [];
            ISAM_ERROR_INDEX_TUPLES_INVALID_LIMITS = 0xFFFFFA65, "IsamErrorIndexTuplesInvalidLimits", [];
            ISAM_ERROR_INDEX_TUPLES_CANNOT_RETRIEVE_FROM_INDEX = 0xFFFFFA64, "IsamErrorIndexTuplesCannotRetrieveFromIndex", [];
            ISAM_ERROR_INDEX_TUPLES_KEY_TOO_SMALL = 0xFFFFFA63, "IsamErrorIndexTuplesKeyTooSmall", [];
            ISAM_ERROR_COLUMN_LONG = 0xFFFFFA23, "IsamErrorColumnLong", [];
            ISAM_ERROR_COLUMN_NO_CHUNK = 0xFFFFFA22, "IsamErrorColumnNoChunk", [];
            ISAM_ERROR_COLUMN_DOES_NOT_FIT = 0xFFFFFA21, "IsamErrorColumnDoesNotFit", [];
            ISAM_ERROR_NULL_INVALID = 0xFFFFFA20, "IsamErrorNullInvalid", [];
            ISAM_ERROR_COLUMN_INDEXED = 0xFFFFFA1F, "IsamErrorColumnIndexed", [];
            ISAM_ERROR_COLUMN_TOO_BIG = 0xFFFFFA1E, "IsamErrorColumnTooBig", [];
            ISAM_ERROR_COLUMN_NOT_FOUND = 0xFFFFFA1D, "IsamErrorColumnNotFound", [];
            ISAM_ERROR_COLUMN_DUPLICATE = 0xFFFFFA1C, "IsamErrorColumnDuplicate", [];
            ISAM_ERROR_MULTI_VALUED_COLUMN_MUST_BE_TAGGED = 0xFFFFFA1B, "IsamErrorMultiValuedColumnMustBeTagged", [];
            ISAM_ERROR_COLUMN_REDUNDANT = 0xFFFFFA1A, "IsamErrorColumnRedundant", [];
            ISAM_ERROR_INVALID_COLUMN_TYPE = 0xFFFFFA19, "IsamErrorInvalidColumnType", [];
            ISAM_ERROR_TAGGED_NOT_NULL = 0xFFFFFA16, "IsamErrorTaggedNotNULL", [];
            ISAM_ERROR_NO_CURRENT_INDEX = 0xFFFFFA15, "IsamErrorNoCurrentIndex", [];
            ISAM_ERROR_KEY_IS_MADE = 0xFFFFFA14, "IsamErrorKeyIsMade", [];
            ISAM_ERROR_BAD_COLUMN_ID = 0xFFFFFA13, "IsamErrorBadColumnId", [];
            ISAM_ERROR_BAD_ITAG_SEQUENCE = 0xFFFFFA12, "IsamErrorBadItagSequence", [];
            ISAM_ERROR_COLUMN_IN_RELATIONSHIP = 0xFFFFFA11, "IsamErrorColumnInRelationship", [];
            ISAM_ERROR_CANNOT_BE_TAGGED = 0xFFFFFA0F, "IsamErrorCannotBeTagged", [];
            ISAM_ERROR_DEFAULT_VALUE_TOO_BIG = 0xFFFFFA0C, "IsamErrorDefaultValueTooBig", [];
            ISAM_ERROR_MULTI_VALUED_DUPLICATE = 0xFFFFFA0B, "IsamErrorMultiValuedDuplicate", [];
            ISAM_ERROR_LV_CORRUPTED = 0xFFFFFA0A, "IsamErrorLVCorrupted", [];
            ISAM_ERROR_MULTI_VALUED_DUPLICATE_AFTER_TRUNCATION = 0xFFFFFA08, "IsamErrorMultiValuedDuplicateAfterTruncation", [];
            ISAM_ERROR_DERIVED_COLUMN_CORRUPTION = 0xFFFFFA07, "IsamErrorDerivedColumnCorruption", [];
            ISAM_ERROR_INVALID_PLACEHOLDER_COLUMN = 0xFFFFFA06, "IsamErrorInvalidPlaceholderColumn", [];
            ISAM_ERROR_RECORD_NOT_FOUND = 0xFFFFF9BF, "IsamErrorRecordNotFound", [];
            ISAM_ERROR_RECORD_NO_COPY = 0xFFFFF9BE, "IsamErrorRecordNoCopy", [];
            ISAM_ERROR_NO_CURRENT_RECORD = 0xFFFFF9BD, "IsamErrorNoCurrentRecord", [];
            ISAM_ERROR_RECORD_PRIMARY_CHANGED = 0xFFFFF9BC, "IsamErrorRecordPrimaryChanged", [];
            ISAM_ERROR_KEY_DUPLICATE = 0xFFFFF9BB, "IsamErrorKeyDuplicate", [];
            ISAM_ERROR_ALREADY_PREPARED = 0xFFFFF9B9, "IsamErrorAlreadyPrepared", [];
            ISAM_ERROR_KEY_NOT_MADE = 0xFFFFF9B8, "IsamErrorKeyNotMade", [];
            ISAM_ERROR_UPDATE_NOT_PREPARED = 0xFFFFF9B7, "IsamErrorUpdateNotPrepared", [];
            ISAM_ERROR_DATA_HAS_CHANGED = 0xFFFFF9B5, "IsamErrorDataHasChanged", [];
            ISAM_ERROR_LANGUAGE_NOT_SUPPORTED = 0xFFFFF9AD, "IsamErrorLanguageNotSupported", [];
            ISAM_ERROR_TOO_MANY_SORTS = 0xFFFFF95B, "IsamErrorTooManySorts", [];
            ISAM_ERROR_INVALID_ON_SORT = 0xFFFFF95A, "IsamErrorInvalidOnSort", [];
            ISAM_ERROR_TEMP_FILE_OPEN_ERROR = 0xFFFFF8F5, "IsamErrorTempFileOpenError", [];
            ISAM_ERROR_TOO_MANY_ATTACHED_DATABASES = 0xFFFFF8F3, "IsamErrorTooManyAttachedDatabases", [];
            ISAM_ERROR_DISK_FULL = 0xFFFFF8F0, "IsamErrorDiskFull", [];
            ISAM_ERROR_PERMISSION_DENIED = 0xFFFFF8EF, "IsamErrorPermissionDenied", [];
            ISAM_ERROR_FILE_NOT_FOUND = 0xFFFFF8ED, "IsamErrorFileNotFound", [];
            ISAM_ERROR_FILE_INVALID_TYPE = 0xFFFFF8EC, "IsamErrorFileInvalidType", [];
            ISAM_ERROR_AFTER_INITIALIZATION = 0xFFFFF8C6, "IsamErrorAfterInitialization", [];
            ISAM_ERROR_LOG_CORRUPTED = 0xFFFFF8C4, "IsamErrorLogCorrupted", [];
            ISAM_ERROR_INVALID_OPERATION = 0xFFFFF88E, "IsamErrorInvalidOperation", [];
            ISAM_ERROR_ACCESS_DENIED = 0xFFFFF88D, "IsamErrorAccessDenied", [];
            ISAM_ERROR_TOO_MANY_SPLITS = 0xFFFFF88B, "IsamErrorTooManySplits", [];
            ISAM_ERROR_SESSION_SHARING_VIOLATION = 0xFFFFF88A, "IsamErrorSessionSharingViolation", [];
            ISAM_ERROR_ENTRY_POINT_NOT_FOUND = 0xFFFFF889, "IsamErrorEntryPointNotFound", [];
            ISAM_ERROR_SESSION_CONTEXT_ALREADY_SET = 0xFFFFF888, "IsamErrorSessionContextAlreadySet", [];
            ISAM_ERROR_SESSION_CONTEXT_NOT_SET_BY_THIS_THREAD = 0xFFFFF887, "IsamErrorSessionContextNotSetByThisThread", [];
            ISAM_ERROR_SESSION_IN_USE = 0xFFFFF886, "IsamErrorSessionInUse", [];
            ISAM_ERROR_RECORD_FORMAT_CONVERSION_FAILED = 0xFFFFF885, "IsamErrorRecordFormatConversionFailed", [];
            ISAM_ERROR_ONE_DATABASE_PER_SESSION = 0xFFFFF884, "IsamErrorOneDatabasePerSession", [];
            ISAM_ERROR_ROLLBACK_ERROR = 0xFFFFF883, "IsamErrorRollbackError", [];
            ISAM_ERROR_CALLBACK_FAILED = 0xFFFFF7CB, "IsamErrorCallbackFailed", [];
            ISAM_ERROR_CALLBACK_NOT_RESOLVED = 0xFFFFF7CA, "IsamErrorCallbackNotResolved", [];
            ISAM_ERROR_OS_SNAPSHOT_INVALID_SEQUENCE = 0xFFFFF69F, "IsamErrorOSSnapshotInvalidSequence", [];
            ISAM_ERROR_OS_SNAPSHOT_TIME_OUT = 0xFFFFF69E, "IsamErrorOSSnapshotTimeOut", [];
            ISAM_ERROR_OS_SNAPSHOT_NOT_ALLOWED = 0xFFFFF69D, "IsamErrorOSSnapshotNotAllowed", [];
            ISAM_ERROR_OS_SNAPSHOT_INVALID_SNAP_ID = 0xFFFFF69C, "IsamErrorOSSnapshotInvalidSnapId", [];
            ISAM_ERROR_LS_CALLBACK_NOT_SPECIFIED = 0xFFFFF448, "IsamErrorLSCallbackNotSpecified", [];
            ISAM_ERROR_LS_ALREADY_SET = 0xFFFFF447, "IsamErrorLSAlreadySet", [];
            ISAM_ERROR_LS_NOT_SET = 0xFFFFF446, "IsamErrorLSNotSet", [];
            ISAM_ERROR_FILE_IO_SPARSE = 0xFFFFF060, "IsamErrorFileIOSparse", [];
            ISAM_ERROR_FILE_IO_BEYOND_EOF = 0xFFFFF05F, "IsamErrorFileIOBeyondEOF", [];
            ISAM_ERROR_FILE_COMPRESSED = 0xFFFFF05B, "IsamErrorFileCompressed", [];
        }

        // MS-OXCDATA 2.4.2, Property Error Codes. NotEnoughMemory (0x8007000E) and
        // NotFound (0x8004010F) repeat 2.4 values and are kept there. Rows through
        // BadValue: spec.
        Property "2.4.2" {
            BAD_VALUE = 0x80040301, "BadValue", ["MAPI_E_BAD_VALUE", "ecPropBadValue"];
            // The specification's text was read up to "MAPI_E_INVALI"; completed as
            // MAPI_E_INVALID_TYPE. gromox also names it `ecInvalidType`.
            INVALID_TYPE = 0x80040302, "InvalidType", ["MAPI_E_INVALID_TYPE"];

            // Alternate names of the rest of 2.4.2 were not read. gromox annotates
            // ecTypeNotSupported/MAPI_E_TYPE_NO_SUPPORT, ecPropType/MAPI_E_UNEXPECTED_TYPE,
            // ecTooBig/MAPI_E_TOO_BIG, MAPI_E_DECLINE_COPY, MAPI_E_UNEXPECTED_ID.
            UNSUPPORTED_TYPE = 0x80040303, "UnsupportedType", [];
            UNEXPECTED_TYPE = 0x80040304, "UnexpectedType", [];
            TOO_BIG = 0x80040305, "TooBig", [];
            DECLINE_COPY = 0x80040306, "DeclineCopy", [];
            UNEXPECTED_ID = 0x80040307, "UnexpectedId", [];
        }

        // MS-OXCDATA 2.4.3, Warning Codes. IsamWarningBufferTruncated (0x000003EE)
        // and IsamWarningDatabaseAttached (0x000003EF) repeat 2.4.1 values: see
        // `shared`.
        Warning "2.4.3" {
            // Alternate names of 2.4.3 were not read. gromox annotates
            // ecWarnWithErrors/MAPI_W_ERRORS_RETURNED, ecWarnPositionChanged/
            // MAPI_W_POSITION_CHANGED, ecWarnApproxCount/MAPI_W_APPROX_COUNT,
            // ecPartialCompletion/MAPI_W_PARTIAL_COMPLETION, SYNC_W_PROGRESS,
            // SYNC_W_CLIENT_CHANGE_NEWER.
            ERRORS_RETURNED = 0x00040380, "ErrorsReturned", [];
            POSITION_CHANGED = 0x00040481, "PositionChanged", [];
            APPROXIMATE_COUNT = 0x00040482, "ApproximateCount", [];
            PARTIALLY_COMPLETE = 0x00040680, "PartiallyComplete", [];
            SYNC_PROGRESS = 0x00040820, "SyncProgress", [];
            NEWER_CLIENT_CHANGE = 0x00040821, "NewerClientChange", [];
            ISAM_WARNING_REMAINING_VERSIONS = 0x00000141, "IsamWarningRemainingVersions", [];
            ISAM_WARNING_UNIQUE_KEY = 0x00000159, "IsamWarningUniqueKey", [];
            ISAM_WARNING_SEPARATE_LONG_VALUE = 0x00000196, "IsamWarningSeparateLongValue", [];
            ISAM_WARNING_EXISTING_LOG_FILE_HAS_BAD_SIGNATURE = 0x0000022E, "IsamWarningExistingLogFileHasBadSignature", [];
            ISAM_WARNING_EXISTING_LOG_FILE_IS_NOT_CONTIGUOUS = 0x0000022F, "IsamWarningExistingLogFileIsNotContiguous", [];
            ISAM_WARNING_SKIP_THIS_RECORD = 0x00000234, "IsamWarningSkipThisRecord", [];
            ISAM_WARNING_TARGET_INSTANCE_RUNNING = 0x00000242, "IsamWarningTargetInstanceRunning", [];
            ISAM_WARNING_DATABASE_REPAIRED = 0x00000253, "IsamWarningDatabaseRepaired", [];
            ISAM_WARNING_COLUMN_NULL = 0x000003EC, "IsamWarningColumnNull", [];
            ISAM_WARNING_SORT_OVERFLOW = 0x000003F1, "IsamWarningSortOverflow", [];
            ISAM_WARNING_SEEK_NOT_EQUAL = 0x0000040F, "IsamWarningSeekNotEqual", [];
            ISAM_WARNING_NO_ERROR_INFO = 0x0000041F, "IsamWarningNoErrorInfo", [];
            ISAM_WARNING_NO_IDLE_ACTIVITY = 0x00000422, "IsamWarningNoIdleActivity", [];
            ISAM_WARNING_NO_WRITE_LOCK = 0x0000042B, "IsamWarningNoWriteLock", [];
            ISAM_WARNING_COLUMN_SET_NULL = 0x0000042C, "IsamWarningColumnSetNull", [];
            ISAM_WARNING_TABLE_EMPTY = 0x00000515, "IsamWarningTableEmpty", [];
            ISAM_WARNING_TABLE_IN_USE_BY_SYSTEM = 0x0000052F, "IsamWarningTableInUseBySystem", [];
            ISAM_WARNING_CORRUPT_INDEX_DELETED = 0x00000587, "IsamWarningCorruptIndexDeleted", [];
            ISAM_WARNING_COLUMN_MAX_TRUNCATED = 0x000005E8, "IsamWarningColumnMaxTruncated", [];
            ISAM_WARNING_COPY_LONG_VALUE = 0x000005F0, "IsamWarningCopyLongValue", [];
            ISAM_WARNING_COLUMN_SKIPPED = 0x000005FB, "IsamWarningColumnSkipped", [];
            ISAM_WARNING_COLUMN_NOT_LOCAL = 0x000005FC, "IsamWarningColumnNotLocal", [];
            ISAM_WARNING_COLUMN_MORE_TAGS = 0x000005FD, "IsamWarningColumnMoreTags", [];
            ISAM_WARNING_COLUMN_TRUNCATED = 0x000005FE, "IsamWarningColumnTruncated", [];
            ISAM_WARNING_COLUMN_PRESENT = 0x000005FF, "IsamWarningColumnPresent", [];
            ISAM_WARNING_COLUMN_SINGLE_VALUE = 0x00000600, "IsamWarningColumnSingleValue", [];
            ISAM_WARNING_COLUMN_DEFAULT = 0x00000601, "IsamWarningColumnDefault", [];
            ISAM_WARNING_DATA_HAS_CHANGED = 0x0000064A, "IsamWarningDataHasChanged", [];
            ISAM_WARNING_KEY_CHANGED = 0x00000652, "IsamWarningKeyChanged", [];
            ISAM_WARNING_FILE_OPEN_READ_ONLY = 0x00000715, "IsamWarningFileOpenReadOnly", [];
            ISAM_WARNING_IDLE_FULL = 0x00000774, "IsamWarningIdleFull", [];
            ISAM_WARNING_DEFRAG_ALREADY_RUNNING = 0x000007D0, "IsamWarningDefragAlreadyRunning", [];
            ISAM_WARNING_DEFRAG_NOT_RUNNING = 0x000007D1, "IsamWarningDefragNotRunning", [];
            ISAM_WARNING_CALLBACK_NOT_REGISTERED = 0x00000834, "IsamWarningCallbackNotRegistered", [];
            ISAM_WARNING_NOT_YET_IMPLEMENTED = 0xFFFFFFFF, "IsamWarningNotYetImplemented", [];
            UNBIND_SUCCESS = 0x00000001, "UnbindSuccess", [];
            UNBIND_FAILURE = 0x00000002, "UnbindFailure", [];
        }
    }

    shared {
        NOT_ENOUGH_MEMORY = 0x8007000E, "2.4.2", "NotEnoughMemory", OUT_OF_MEMORY;
        ISAM_WARNING_BUFFER_TRUNCATED = 0x000003EE, "2.4.3", "IsamWarningBufferTruncated", BAD_CONFIGURATION;
        ISAM_WARNING_DATABASE_ATTACHED = 0x000003EF, "2.4.3", "IsamWarningDatabaseAttached", UNKNOWN_CODE_PAGE;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::{Decode, Encode};
    use std::collections::BTreeMap;
    use std::format;
    use std::vec::Vec;

    #[test]
    fn main_table_values() {
        // MS-OXCDATA 2.4.
        assert_eq!(ErrorCode::SUCCESS.0, 0x0000_0000);
        assert_eq!(ErrorCode::SUCCESS.name(), Some("Success"));
        assert_eq!(ErrorCode::SUCCESS.aliases(), ["S_OK", "SUCCESS_SUCCESS"]);
        assert_eq!(ErrorCode::GENERAL_FAILURE.0, 0x8000_4005);
        assert_eq!(ErrorCode::GENERAL_FAILURE.name(), Some("ecError"));
        assert_eq!(
            ErrorCode::INVALID_PARAMETER.aliases(),
            [
                "E_INVALIDARG",
                "MAPI_E_INVALID_PARAMETER",
                "ecInvalidParam",
                "ecInvalidSession",
                "ecBadBuffer",
                "SYNC_E_INVALID_PARAMETER"
            ]
        );
        assert_eq!(ErrorCode::INVALID_PARAMETER.name(), Some("ecInvalidParam"));
        assert_eq!(ErrorCode::ACCESS_DENIED.name(), Some("ecaccessdenied"));
        assert_eq!(ErrorCode::STORAGE_INVALID_FUNCTION.0, 0x8003_0001);
        assert_eq!(
            ErrorCode::STORAGE_INVALID_FUNCTION.name(),
            Some("StorageInvalidFunction")
        );
        assert_eq!(ErrorCode::NOT_FOUND.0, 0x8004_010F);
        assert_eq!(ErrorCode::NOT_FOUND.name(), Some("ecNotFound"));
        assert_eq!(ErrorCode::LOGON_FAILED.0, 0x8004_0111);
        assert_eq!(ErrorCode::LOGON_FAILED.name(), Some("ecLoginFailure"));
        assert_eq!(ErrorCode::NOT_IMPLEMENTED.0, 0x8004_0FFF);
        assert_eq!(ErrorCode(0x8004_010B).spec_name(), Some("ServerBusy"));
    }

    #[test]
    fn additional_table_values() {
        // MS-OXCDATA 2.4.1.
        assert_eq!(ErrorCode::ISAM_ERROR.0, 0x0000_03EA);
        assert_eq!(ErrorCode::ISAM_ERROR.name(), Some("ecJetError"));
        assert_eq!(ErrorCode::UNKNOWN_USER.0, 0x0000_03EB);
        assert_eq!(ErrorCode::UNKNOWN_USER.name(), Some("ecUnknownUser"));
        assert_eq!(
            ErrorCode::BAD_CONFIGURATION.spec_name(),
            Some("BadConfiguration")
        );
        assert_eq!(ErrorCode::BAD_CONFIGURATION.name(), Some("ecBadConfig"));
        assert_eq!(ErrorCode::SERVER_MEMORY.0, 0x0000_03F0);
        assert_eq!(
            ErrorCode::SERVER_MEMORY.aliases(),
            ["ecServerOOM", "ecMemory"]
        );
        assert_eq!(ErrorCode::SERVER_MEMORY.name(), Some("ecServerOOM"));
        assert_eq!(ErrorCode::RPC_FORMAT.0, 0x0000_04B6);
        assert_eq!(ErrorCode::NULL_OBJECT.0, 0x0000_04B9);
        assert_eq!(ErrorCode::NULL_DESTINATION_OBJECT.0, 0x0000_0503);
        assert_eq!(
            ErrorCode::NULL_DESTINATION_OBJECT.name(),
            Some("ecDstNullObject")
        );
        assert_eq!(ErrorCode::SERVER_BUSY_ADDITIONAL.0, 0x0000_0480);
        assert_eq!(
            ErrorCode::SERVER_BUSY_ADDITIONAL.spec_name(),
            Some("ServerBusy")
        );
        assert_eq!(ErrorCode::VIRUS_SCAN_GENERAL_FAILURE.0, 0x0000_0A3A);
        assert_eq!(ErrorCode::ISAM_ERROR_RFS_FAILURE.0, 0xFFFF_FF9C);
        assert_eq!(ErrorCode::ISAM_ERROR_FILE_COMPRESSED.0, 0xFFFF_F05B);
        assert_eq!(
            ErrorCode::ISAM_ERROR_FILE_COMPRESSED.name(),
            Some("IsamErrorFileCompressed")
        );
    }

    #[test]
    fn property_and_warning_values() {
        // MS-OXCDATA 2.4.2.
        assert_eq!(ErrorCode::NOT_ENOUGH_MEMORY, ErrorCode::OUT_OF_MEMORY);
        assert_eq!(ErrorCode::BAD_VALUE.0, 0x8004_0301);
        assert_eq!(ErrorCode::BAD_VALUE.name(), Some("ecPropBadValue"));
        assert_eq!(ErrorCode::UNEXPECTED_ID.0, 0x8004_0307);
        // MS-OXCDATA 2.4.3.
        assert_eq!(ErrorCode::ERRORS_RETURNED.0, 0x0004_0380);
        assert_eq!(ErrorCode::ERRORS_RETURNED.name(), Some("ErrorsReturned"));
        assert_eq!(ErrorCode::NEWER_CLIENT_CHANGE.0, 0x0004_0821);
        assert_eq!(ErrorCode::UNBIND_SUCCESS.0, 1);
        assert_eq!(ErrorCode::UNBIND_FAILURE.0, 2);
        assert_eq!(ErrorCode::ISAM_WARNING_NOT_YET_IMPLEMENTED.0, 0xFFFF_FFFF);
        assert_eq!(
            ErrorCode::ISAM_WARNING_BUFFER_TRUNCATED,
            ErrorCode::BAD_CONFIGURATION
        );
    }

    #[test]
    fn classification() {
        assert!(ErrorCode::SUCCESS.is_success());
        assert!(!ErrorCode::SUCCESS.is_error() && !ErrorCode::SUCCESS.is_warning());
        for w in [
            ErrorCode::ERRORS_RETURNED,
            ErrorCode::SYNC_PROGRESS,
            ErrorCode::UNBIND_SUCCESS,
            ErrorCode::ISAM_WARNING_COLUMN_NULL,
            ErrorCode::ISAM_WARNING_NOT_YET_IMPLEMENTED,
        ] {
            assert!(w.is_warning() && !w.is_error() && !w.is_success(), "{w}");
        }
        for e in [
            ErrorCode::NOT_FOUND,
            ErrorCode::UNKNOWN_USER,
            ErrorCode::BAD_VALUE,
            ErrorCode::BAD_CONFIGURATION,
            ErrorCode(0x1234_5678),
        ] {
            assert!(e.is_error() && !e.is_warning(), "{e}");
        }
    }

    #[test]
    fn display_and_debug() {
        assert_eq!(
            format!("{}", ErrorCode::NOT_FOUND),
            "ecNotFound (0x8004010F)"
        );
        assert_eq!(
            format!("{:?}", ErrorCode::NOT_FOUND),
            "ecNotFound (0x8004010F)"
        );
        assert_eq!(format!("{}", ErrorCode::SUCCESS), "Success (0x00000000)");
        assert_eq!(
            format!("{}", ErrorCode::UNKNOWN_USER),
            "ecUnknownUser (0x000003EB)"
        );
        assert_eq!(format!("{}", ErrorCode(0x1234_5678)), "0x12345678");
        assert_eq!(format!("{:?}", ErrorCode(0xABCD_EF01)), "0xABCDEF01");
        assert_eq!(format!("{}", ErrorCode(0x3E9)), "0x000003E9");
        assert_eq!(ErrorCode(0x3E9).name(), None);
        assert_eq!(ErrorCode(0x3E9).spec_name(), None);
        assert!(ErrorCode(0x3E9).aliases().is_empty());
    }

    #[test]
    fn bytes_round_trip() {
        let (ec, rest) = ErrorCode::decode(&[0x0F, 0x01, 0x04, 0x80, 0xAA]).unwrap();
        assert_eq!(ec, ErrorCode::NOT_FOUND);
        assert_eq!(rest, [0xAA]);
        assert!(ErrorCode::decode(&[0x0F, 0x01, 0x04]).is_err());
        let mut buf = [0u8; 4];
        for &ec in ErrorCode::ALL.iter().chain(&[ErrorCode(0x1234_5678)]) {
            assert_eq!(ec.encoded_len(), 4);
            assert_eq!(ec.encode_to_slice(&mut buf).unwrap(), 4);
            assert_eq!(buf, ec.0.to_le_bytes());
            assert_eq!(ErrorCode::decode_exact(&buf, ()).unwrap(), ec);
        }
    }

    #[test]
    fn consts_are_distinct_and_named() {
        // One entry per value in ALL.
        let mut values: Vec<u32> = ErrorCode::ALL.iter().map(|e| e.0).collect();
        values.sort_unstable();
        let n = values.len();
        values.dedup();
        assert_eq!(values.len(), n, "ALL repeats a value");
        assert_eq!(CONSTS.iter().filter(|c| !c.2).count(), n);

        // Values shared by several consts: only the declared ones.
        let mut by_value: BTreeMap<u32, Vec<(&str, bool)>> = BTreeMap::new();
        for &(name, ec, shared) in CONSTS {
            by_value.entry(ec.0).or_default().push((name, shared));
        }
        let mut shared_values: Vec<u32> = by_value
            .iter()
            .filter(|(_, names)| names.len() > 1)
            .map(|(&v, names)| {
                assert_eq!(names.iter().filter(|n| !n.1).count(), 1, "{names:?}");
                v
            })
            .collect();
        let mut declared: Vec<u32> = SHARED
            .iter()
            .map(|&(ec, v)| {
                assert_eq!(ec.0, v);
                v
            })
            .collect();
        shared_values.sort_unstable();
        declared.sort_unstable();
        assert_eq!(shared_values, declared);
        assert_eq!(declared, [0x0000_03EE, 0x0000_03EF, 0x8007_000E]);

        // Every const has a name; it is the spec name or an `ec` alias.
        for &(c, ec, _) in CONSTS {
            let name = ec.name().unwrap_or_else(|| panic!("{c} has no name"));
            let spec = ec.spec_name().unwrap();
            assert!(
                name == spec || (name.starts_with("ec") && ec.aliases().contains(&name)),
                "{c}: {name}"
            );
            assert!(!spec.is_empty() && ec.aliases().iter().all(|a| !a.is_empty()));
        }
    }

    #[test]
    fn table_sizes() {
        // Rows per table of MS-OXCDATA 2.4, less the values an earlier table
        // already names (2 in 2.4.2, 2 in 2.4.3).
        let count = |f: fn(Table) -> bool| {
            ErrorCode::ALL
                .iter()
                .filter(|e| e.entry().is_some_and(|(t, _, _)| f(t)))
                .count()
        };
        assert_eq!(count(|t| matches!(t, Table::Main)), 69);
        assert_eq!(count(|t| matches!(t, Table::Additional)), 517);
        assert_eq!(count(|t| matches!(t, Table::Property)), 7);
        assert_eq!(count(|t| matches!(t, Table::Warning)), 43);
        assert_eq!(ErrorCode::ALL.len(), 636);
    }
}
