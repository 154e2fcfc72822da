//! The wire layer: the decoding cursor, the encoding sinks, the
//! [`Decode`]/[`Encode`] traits, [`Limits`], the [`Error`] type, and the
//! generic containers that every structure of the crate is built from.
//!
//! Nothing above this layer reads a byte or checks a length by hand: a
//! structure is a list of fields (see [`wire_struct!`](crate::wire_struct)),
//! and each field type knows how to decode, encode and measure itself.

mod error;
mod limits;
mod list;
pub(crate) mod macros;
mod prim;
mod reader;
mod sink;
mod traits;

pub use error::{Error, ErrorKind, Path, ResultExt, Segment, Unit};
pub use limits::Limits;
pub use list::{Array, Count, Fixed, List, ListIter};

#[cfg(feature = "serde")]
pub(crate) use prim::HexStr;
pub(crate) use prim::write_hex;
pub use prim::{Bytes, Rest};
pub use reader::{Reader, Width};
pub use sink::{LenCounter, Sink, SliceSink};
#[cfg(feature = "serde")]
pub use traits::SerializeFields;
pub use traits::{Decode, Encode, nom_parser};
