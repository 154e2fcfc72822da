//! The shared structures of MS-OXCDATA that ROP buffers and address-book
//! bodies are built from.

mod error_code;
mod guid;
mod ids;
mod tag;

pub use error_code::ErrorCode;
pub use guid::Guid;
pub use ids::{FolderId, GlobalCounter, GlobalId, LongTermId, MessageId, ReplicaId};
pub use tag::{PropertyId, PropertyTag, PropertyType};
