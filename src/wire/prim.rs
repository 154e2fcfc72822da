//! Codecs for the primitive wire types: little-endian integers and floats,
//! fixed byte arrays, and borrowed byte strings.

use super::error::Error;
use super::reader::{Reader, Width};
use super::sink::Sink;
use super::traits::{Decode, Encode};
use core::fmt;

macro_rules! prim {
    ($($t:ty => $read:ident, $put:ident, $name:literal;)*) => {$(
        impl<'a> Decode<'a> for $t {
            type Ctx = ();
            const NAME: &'static str = $name;
            const MIN_LEN: usize = core::mem::size_of::<$t>();
            #[inline]
            fn decode_from(r: &mut Reader<'a>, _: ()) -> Result<Self, Error> {
                r.$read()
            }
        }
        impl Encode for $t {
            type Ctx = ();
            #[inline]
            fn encoded_len_with(&self, _: ()) -> usize {
                core::mem::size_of::<$t>()
            }
            #[inline]
            fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, _: ()) -> Result<(), Error> {
                s.$put(*self)
            }
        }
    )*};
}

prim! {
    u8 => u8, put_u8, "UInt8";
    u16 => u16, put_u16, "UInt16";
    u32 => u32, put_u32, "UInt32";
    u64 => u64, put_u64, "UInt64";
    i16 => i16, put_i16, "Int16";
    i32 => i32, put_i32, "Int32";
    i64 => i64, put_i64, "Int64";
    f32 => f32, put_f32, "Floating32";
    f64 => f64, put_f64, "Floating64";
}

impl<'a, const N: usize> Decode<'a> for [u8; N] {
    type Ctx = ();
    const NAME: &'static str = "Bytes";
    const MIN_LEN: usize = N;
    #[inline]
    fn decode_from(r: &mut Reader<'a>, _: ()) -> Result<Self, Error> {
        r.array()
    }
}

impl<const N: usize> Encode for [u8; N] {
    type Ctx = ();
    #[inline]
    fn encoded_len_with(&self, _: ()) -> usize {
        N
    }
    #[inline]
    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, _: ()) -> Result<(), Error> {
        s.put(self)
    }
}

/// Writes bytes as lowercase hex.
pub(crate) fn write_hex(f: &mut fmt::Formatter<'_>, bytes: &[u8]) -> fmt::Result {
    for b in bytes {
        write!(f, "{b:02x}")?;
    }
    Ok(())
}

/// A borrowed byte string.
///
/// As a field it is length-prefixed: its context is the [`Width`] of the
/// byte count before it (MS-OXCDATA 2.11.1 PtypBinary: 2 bytes in ROP
/// buffers, 4 in extended rules and address-book bodies). It shows as
/// lowercase hex in `Debug` and in serde output.
///
/// ```
/// use mapi_wire::wire::{Bytes, Decode, Encode, Width};
///
/// let (b, rest) = Bytes::decode_with(&[0x02, 0x00, 0xAB, 0xCD, 0xEF], Width::U16).unwrap();
/// assert_eq!(b.0, &[0xAB, 0xCD]);
/// assert_eq!(rest, &[0xEF]);
/// assert_eq!(b.to_vec_with(Width::U16).unwrap(), [0x02, 0x00, 0xAB, 0xCD]);
/// assert_eq!(format!("{b:?}"), "abcd");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Bytes<'a>(pub &'a [u8]);

impl<'a> Bytes<'a> {
    /// The bytes.
    pub fn as_slice(&self) -> &'a [u8] {
        self.0
    }
}

impl fmt::Debug for Bytes<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_hex(f, self.0)
    }
}

impl<'a> From<&'a [u8]> for Bytes<'a> {
    fn from(b: &'a [u8]) -> Self {
        Bytes(b)
    }
}

impl<'a> Decode<'a> for Bytes<'a> {
    type Ctx = Width;
    const NAME: &'static str = "Bytes";
    const MIN_LEN: usize = 1;
    #[inline]
    fn decode_from(r: &mut Reader<'a>, w: Width) -> Result<Self, Error> {
        let n = r.byte_len(w)?;
        r.bytes(n).map(Bytes)
    }
}

impl Encode for Bytes<'_> {
    type Ctx = Width;
    #[inline]
    fn encoded_len_with(&self, w: Width) -> usize {
        w.size().saturating_add(self.0.len())
    }
    #[inline]
    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, w: Width) -> Result<(), Error> {
        s.put_uint(w, self.0.len())?;
        s.put(self.0)
    }
}

/// Every byte that is left in the enclosing buffer, kept as is (for
/// trailing opaque data). Shows as hex.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Rest<'a>(pub &'a [u8]);

impl fmt::Debug for Rest<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_hex(f, self.0)
    }
}

impl<'a> Decode<'a> for Rest<'a> {
    type Ctx = ();
    const NAME: &'static str = "Rest";
    const MIN_LEN: usize = 0;
    #[inline]
    fn decode_from(r: &mut Reader<'a>, _: ()) -> Result<Self, Error> {
        Ok(Rest(r.rest()))
    }
}

impl Encode for Rest<'_> {
    type Ctx = ();
    #[inline]
    fn encoded_len_with(&self, _: ()) -> usize {
        self.0.len()
    }
    #[inline]
    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, _: ()) -> Result<(), Error> {
        s.put(self.0)
    }
}

#[cfg(feature = "serde")]
mod ser {
    use super::*;

    /// Serializes bytes as one lowercase hex string without allocating.
    pub(crate) struct HexStr<'b>(pub &'b [u8]);

    impl fmt::Display for HexStr<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write_hex(f, self.0)
        }
    }

    impl serde::Serialize for HexStr<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_str(self)
        }
    }

    impl serde::Serialize for Bytes<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            HexStr(self.0).serialize(s)
        }
    }

    impl serde::Serialize for Rest<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            HexStr(self.0).serialize(s)
        }
    }
}
#[cfg(feature = "serde")]
pub(crate) use ser::HexStr;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_round_trip() {
        let (v, rest) = u32::decode(&[0x78, 0x56, 0x34, 0x12]).unwrap();
        assert_eq!(v, 0x1234_5678);
        assert!(rest.is_empty());
        let mut buf = [0u8; 8];
        assert_eq!((-2i64).encode_to_slice(&mut buf).unwrap(), 8);
        assert_eq!(buf, [0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);
    }

    #[test]
    fn floats_keep_their_bits() {
        // A signalling NaN with a payload survives decode -> encode.
        let bytes = 0x7FF0_0000_0000_0001u64.to_le_bytes();
        let (v, _) = f64::decode(&bytes).unwrap();
        let mut out = [0u8; 8];
        v.encode_to_slice(&mut out).unwrap();
        assert_eq!(out, bytes);
    }

    #[test]
    fn byte_string_length_is_checked_before_use() {
        let e = Bytes::decode_with(&[0xFF, 0xFF, 0x00], Width::U16).unwrap_err();
        assert_eq!(e.offset(), 0);
        assert_eq!(
            e.to_string(),
            "Bytes: length 65535 runs past the end, 1 bytes remain (offset 0)"
        );
    }
}
