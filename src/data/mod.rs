//! The shared structures of MS-OXCDATA that ROP buffers and address-book
//! bodies are built from.

mod entry_id;
mod error_code;
mod guid;
mod ids;
mod name;
mod tag;

pub use entry_id::{
    AddressBookEntryId, AddressBookType, EntryId, FolderEntryId, MessageEntryId, OneOffEntryId,
    OneOffFlags, PUBLIC_FOLDERS_PROVIDER_UID, StoreEntryId, StoreEntryIdExtension, StoreObjectType,
};
pub use error_code::ErrorCode;
pub use guid::Guid;
pub use ids::{FolderId, GlobalCounter, GlobalId, LongTermId, MessageId, ReplicaId};
pub use name::{PropertyName, PropertyNameKind};
pub use tag::{PropertyId, PropertyTag, PropertyType};
