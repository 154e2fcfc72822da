//! The shared structures of MS-OXCDATA that ROP buffers and address-book
//! bodies are built from.
//!
//! Everything here borrows from the input and needs no allocator, except
//! the row types whose cells are collected into vectors (feature `alloc`);
//! those also offer allocation-free walkers.

mod entry_id;
mod error_code;
mod guid;
mod ids;
mod name;
mod problem;
mod recipient;
mod restriction;
pub(crate) use restriction::restriction_tree;
mod row;
mod rule;
mod sort;
mod string;
mod tag;
mod tagged;
mod time;
mod value;

pub use entry_id::{
    AddressBookEntryId, AddressBookType, EntryId, FolderEntryId, MessageEntryId, OneOffEntryId,
    OneOffFlags, PUBLIC_FOLDERS_PROVIDER_UID, StoreEntryId, StoreEntryIdExtension, StoreObjectType,
};
pub use error_code::ErrorCode;
pub use guid::Guid;
pub use ids::{FolderId, GlobalCounter, GlobalId, LongTermId, MessageId, ReplicaId};
pub use name::{PropertyName, PropertyNameKind};
pub use problem::{PropertyProblem, PropertyProblemArray};
#[cfg(feature = "alloc")]
pub use recipient::RecipientRow;
pub use recipient::{
    DisplayType, RecipientAddressType, RecipientColumnCount, RecipientFlags, RecipientRowHeader,
    RecipientString, skip_recipient_row,
};
pub use restriction::{
    AndRestriction, BitMaskRestriction, BitmapRelOp, CommentRestriction,
    ComparePropertiesRestriction, ContentRestriction, CountRestriction, ExistRestriction,
    FuzzyLevelHigh, FuzzyLevelLow, NotRestriction, OrRestriction, PropertyRestriction, RelOp,
    RestrictType, Restriction, RestrictionRef, Restrictions, SizeRestriction, SubObjectRestriction,
};
pub use row::{
    FlaggedValue, PropertyRows, RowCell, RowCells, RowContext, RowData, StandardValue, skip_row,
    skip_row_set,
};
#[cfg(feature = "alloc")]
pub use row::{PropertyRow, PropertyRowSet};
pub use rule::{
    ActionBlock, ActionData, ActionType, BounceCode, ExtendedMoveCopyAction, ExtendedReplyAction,
    ForwardDelegateAction, ForwardFlavor, MoveCopyAction, MoveCopyFolder, RecipientBlock,
    ReplyAction, ReplyFlavor, RuleAction, SizedEntryId,
};
pub use sort::{Order, SortOrder, SortOrderSet};
pub use string::{CodePage, NulString, String8, String8Chars, Utf16Str};
pub use tag::{PropertyId, PropertyIdArray, PropertyTag, PropertyTagArray, PropertyType};
pub use tagged::{
    FlaggedPropertyValue, FlaggedPropertyValueWithType, TaggedPropertyValue, TypedPropertyValue,
    TypedString,
};
pub use time::FileTime;
pub use value::{PropertyValue, ServerId, ServerIdOurs, ValueContext};
