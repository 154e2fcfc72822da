//! The address-book (NSPI) structures of MAPI over HTTP: STAT and Minimal
//! Entry IDs (MS-OXNSPI 2.2.8, 2.2.9), the address-book EntryIDs, the
//! AddressBook* values and rows (MS-OXCMAPIHTTP 2.2.1), the string arrays
//! and the restriction form of GetMatches.
//!
//! Where the specification is silent and peers differ, the choice is a
//! field of [`AbContext`], the decoding context every value and row takes:
//!
//! | doubt | default | other reading |
//! |---|---|---|
//! | a presence byte before each element of PtypMultipleString/String8/Binary | present ([`AbContext::element_flags`]; MAPI Inspector, gromox; Microsoft's test suite only for PtypMultipleBinary) | absent (the MS-OXCDATA layout the text implies) |
//! | the value inside Property/Content restrictions of a Filter | MS-OXCDATA TaggedPropertyValue (the specification, MAPI Inspector) | gromox's presence byte + AddressBookTaggedPropertyValue, or either ([`FilterForm`]) |
//! | PtypObject/PtypEmbeddedTable values | no bytes (MAPI Inspector and gromox agree; no option) | — |
//!
//! Every presence byte (HasValue, the Has* bytes of the bodies, the
//! per-element bytes) is kept as sent, any non-zero byte meaning "present",
//! so that decoding then encoding gives the same bytes; values built with
//! the constructors write `0xFF`.

mod entry_id;
mod restriction;
mod row;
mod stat;
mod value;

pub use entry_id::{EphemeralEntryId, NspiEntryId, PermanentEntryId};
pub use restriction::{
    AbAndRestriction, AbCommentRestriction, AbContentRestriction, AbCountRestriction,
    AbNotRestriction, AbOrRestriction, AbPropertyRestriction, AbRestriction, AbRestrictionRef,
    AbRestrictions, AbSubObjectRestriction, FilterValue,
};
pub use row::{AbCell, AbCells, AbRowContext, AddressBookPropertyRow};
pub use stat::{
    AbDisplayType, BindFlags, MinimalEntryId, ModLinkAttFlags, QueryColumnsFlags, RetrievalFlags,
    SortType, SpecialTableFlags, Stat, StringsArray, TemplateInfoFlags, WStringsArray,
};
pub use value::{
    AbContext, AbElement, AddressBookFlaggedPropertyValue, AddressBookFlaggedPropertyValueWithType,
    AddressBookPropertyValue, AddressBookPropertyValueList, AddressBookTaggedPropertyValue,
    AddressBookTypedPropertyValue, AddressBookValue, FilterForm, LargePropertyTagArray,
    has_value_byte,
};
