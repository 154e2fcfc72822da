//! The `Decode` / `Encode` pair every wire type implements.

use super::error::{Error, ErrorKind};
use super::limits::Limits;
use super::reader::Reader;
use super::sink::{Sink, SliceSink};

/// A value that decodes from a borrowed input.
///
/// `Ctx` is what the bytes alone do not say: the width of count fields, the
/// property type of a bare value, the columns of a row. It is `()` for
/// self-describing structures, which then also get [`Decode::decode`].
///
/// ```
/// use mapi_wire::data::{PropertyTag, PropertyType};
/// use mapi_wire::wire::Decode;
///
/// let (tag, rest) = PropertyTag::decode(&[0x1F, 0x00, 0x37, 0x00, 0xAA]).unwrap();
/// assert_eq!(tag.property_type(), PropertyType::STRING);
/// assert_eq!(tag.id().0, 0x0037);
/// assert_eq!(rest, &[0xAA]);
/// ```
pub trait Decode<'a>: Sized {
    /// Context the decoder needs; `()` when none.
    type Ctx: Copy;

    /// The specification's name of the structure, used as the first segment
    /// of error paths.
    const NAME: &'static str;

    /// The fewest bytes any encoding of `Self` takes; count fields are
    /// checked against `count * MIN_LEN` before a list is walked.
    const MIN_LEN: usize;

    /// Decodes one value at the reader's position.
    fn decode_from(r: &mut Reader<'a>, cx: Self::Ctx) -> Result<Self, Error>;

    /// Decodes one value from the start of `input` with default [`Limits`];
    /// returns it and the bytes after it.
    fn decode_with(input: &'a [u8], cx: Self::Ctx) -> Result<(Self, &'a [u8]), Error> {
        Self::decode_with_limits(input, cx, Limits::DEFAULT)
    }

    /// Like [`decode_with`](Self::decode_with) with explicit limits.
    fn decode_with_limits(
        input: &'a [u8],
        cx: Self::Ctx,
        limits: Limits,
    ) -> Result<(Self, &'a [u8]), Error> {
        let mut r = Reader::with_limits(input, limits);
        let v = Self::decode_from(&mut r, cx).map_err(|e| e.in_field(Self::NAME))?;
        Ok((v, r.peek_rest()))
    }

    /// Decodes a value that must fill `input` exactly.
    fn decode_exact(input: &'a [u8], cx: Self::Ctx) -> Result<Self, Error> {
        let mut r = Reader::new(input);
        let v = Self::decode_from(&mut r, cx)
            .and_then(|v| r.finish().map(|()| v))
            .map_err(|e| e.in_field(Self::NAME))?;
        Ok(v)
    }

    /// Decodes a self-describing value from the start of `input`.
    fn decode(input: &'a [u8]) -> Result<(Self, &'a [u8]), Error>
    where
        Self: Decode<'a, Ctx = ()>,
    {
        Self::decode_with(input, ())
    }
}

/// A value that encodes to bytes.
///
/// `encoded_len_with` is exact: encoding writes precisely that many bytes,
/// so one allocation (or a caller's buffer) always suffices.
///
/// ```
/// use mapi_wire::data::PropertyTag;
/// use mapi_wire::wire::Encode;
///
/// let tag = PropertyTag::new(0x0037, mapi_wire::data::PropertyType::STRING);
/// assert_eq!(tag.encoded_len(), 4);
/// let mut buf = [0u8; 4];
/// assert_eq!(tag.encode_to_slice(&mut buf).unwrap(), 4);
/// assert_eq!(buf, [0x1F, 0x00, 0x37, 0x00]);
/// ```
pub trait Encode {
    /// Context the encoder needs; `()` when none.
    type Ctx: Copy;

    /// Exact number of bytes [`encode_with`](Self::encode_with) writes.
    fn encoded_len_with(&self, cx: Self::Ctx) -> usize;

    /// Writes the value.
    fn encode_with<S: Sink + ?Sized>(&self, sink: &mut S, cx: Self::Ctx) -> Result<(), Error>;

    /// Exact encoded length of a value that needs no context.
    fn encoded_len(&self) -> usize
    where
        Self: Encode<Ctx = ()>,
    {
        self.encoded_len_with(())
    }

    /// Writes a value that needs no context.
    fn encode<S: Sink + ?Sized>(&self, sink: &mut S) -> Result<(), Error>
    where
        Self: Encode<Ctx = ()>,
    {
        self.encode_with(sink, ())
    }

    /// Encodes into the start of `buf`; returns the number of bytes written.
    /// Fails with [`ErrorKind::SinkFull`] if `buf` is too small.
    fn encode_to_slice_with(&self, buf: &mut [u8], cx: Self::Ctx) -> Result<usize, Error> {
        let need = self.encoded_len_with(cx);
        if need > buf.len() {
            return Err(Error::new(ErrorKind::sink_full(need, buf.len()), 0));
        }
        let mut s = SliceSink::new(buf);
        self.encode_with(&mut s, cx)?;
        Ok(s.position())
    }

    /// [`encode_to_slice_with`](Self::encode_to_slice_with) for values
    /// that need no context.
    fn encode_to_slice(&self, buf: &mut [u8]) -> Result<usize, Error>
    where
        Self: Encode<Ctx = ()>,
    {
        self.encode_to_slice_with(buf, ())
    }

    /// Encodes into a new vector of exactly the right capacity.
    #[cfg(feature = "alloc")]
    fn to_vec_with(&self, cx: Self::Ctx) -> Result<alloc::vec::Vec<u8>, Error> {
        let mut v = alloc::vec::Vec::with_capacity(self.encoded_len_with(cx));
        self.encode_with(&mut v, cx)?;
        Ok(v)
    }

    /// [`to_vec_with`](Self::to_vec_with) for values that need no context.
    #[cfg(feature = "alloc")]
    fn to_vec(&self) -> Result<alloc::vec::Vec<u8>, Error>
    where
        Self: Encode<Ctx = ()>,
    {
        self.to_vec_with(())
    }
}

/// Writes a structure's fields into a map that an enclosing structure
/// serializes, so that its fields appear inline (as `#[serde(flatten)]`
/// would, without the allocation serde's flattening needs).
/// [`wire_struct!`](crate::wire_struct) implements it for every structure.
#[cfg(feature = "serde")]
pub trait SerializeFields {
    /// Serializes every field as an entry of `map`.
    fn serialize_fields<M: serde::ser::SerializeMap>(&self, map: &mut M) -> Result<(), M::Error>;
}

/// Adapts any context-free [`Decode`] type into a `nom` parser, for callers
/// who compose their own parsers around this crate's types. Offsets in its
/// errors are relative to the input the parser is given.
///
/// ```
/// use mapi_wire::data::PropertyTag;
/// use mapi_wire::wire::nom_parser;
///
/// let (rest, tag) = nom_parser::<PropertyTag>(&[0x03, 0x00, 0x08, 0x0E, 0xFF]).unwrap();
/// assert_eq!(tag.0, 0x0E08_0003);
/// assert_eq!(rest, &[0xFF]);
/// ```
// nom's `Err` wrapper adds a discriminant to our 120-byte error; it is only
// built on the error path.
#[allow(clippy::result_large_err)]
pub fn nom_parser<'a, T: Decode<'a, Ctx = ()>>(
    input: &'a [u8],
) -> nom::IResult<&'a [u8], T, Error> {
    match T::decode(input) {
        Ok((v, rest)) => Ok((rest, v)),
        Err(e) => Err(nom::Err::Error(e)),
    }
}

impl<'a> nom::error::ParseError<&'a [u8]> for Error {
    fn from_error_kind(input: &'a [u8], _kind: nom::error::ErrorKind) -> Self {
        Error::new(
            ErrorKind::truncated(input.len().saturating_add(1), input.len()),
            0,
        )
    }
    fn append(_input: &'a [u8], _kind: nom::error::ErrorKind, other: Self) -> Self {
        other
    }
}
