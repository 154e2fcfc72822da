//! The shared structures of MS-OXCDATA that ROP buffers and address-book
//! bodies are built from.

mod tag;

pub use tag::{PropertyId, PropertyTag, PropertyType};
