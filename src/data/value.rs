//! Property values (MS-OXCDATA 2.11.1, 2.11.2).

use super::error_code::ErrorCode;
use super::guid::Guid;
use super::ids::{FolderId, MessageId};
use super::restriction::RestrictionRef;
use super::rule::RuleAction;
use super::string::{String8, Utf16Str};
use super::tag::PropertyType;
use super::time::FileTime;
use crate::wire::{
    Array, Bytes, Count, Decode, Encode, Error, ErrorKind, List, Reader, Sink, Width,
};

/// The encoding context of property values: the width of the COUNT fields
/// (MS-OXCDATA 2.11.1, 2.11.1.1).
///
/// | COUNT of | [`Rop`](Self::Rop) | [`Extended`](Self::Extended) |
/// |---|---|---|
/// | PtypBinary, PtypServerId bytes, and each element of PtypMultipleBinary | 2 | 4 |
/// | PtypMultiple values | 4 | 4 |
/// | And/Or restriction children (2.12.1, 2.12.2) | 2 | 4 |
/// | RuleAction actions and action lengths (MS-OXORULE 2.2.5) | 2 | 4 |
///
/// ```
/// use mapi_wire::data::ValueContext;
/// use mapi_wire::wire::Width;
///
/// assert_eq!(ValueContext::Rop.binary_count(), Width::U16);
/// assert_eq!(ValueContext::Rop.multiple_count(), Width::U32);
/// assert_eq!(ValueContext::Extended.binary_count(), Width::U32);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum ValueContext {
    /// ROP buffers (MS-OXCROPS) and standard rules.
    Rop,
    /// Extended rules (MS-OXORULE 2.2.4) and the MAPI/HTTP address-book
    /// bodies (MS-OXCMAPIHTTP 2.2.5): every COUNT is 4 bytes.
    Extended,
}

impl ValueContext {
    /// Width of the byte count of PtypBinary, PtypServerId and PtypObject,
    /// and of each element of PtypMultipleBinary.
    #[inline]
    pub const fn binary_count(self) -> Width {
        match self {
            ValueContext::Rop => Width::U16,
            ValueContext::Extended => Width::U32,
        }
    }

    /// Width of the value count of the PtypMultiple types: 4 bytes in
    /// every context (MS-OXCDATA 2.11.1.1; the 16-bit sentence of 2.11.2.1
    /// contradicts it, and peers use 32 bits).
    // OfficeDev/Interop-TestSuites (ExchangeMapiClient PropertyValue.cs)
    // takes the other reading for every PtypMultiple type but
    // PtypMultipleBinary, which it reads with 4 bytes as here; its parser
    // is not consistent with either sentence, so 2.11.1.1 is kept.
    #[inline]
    pub const fn multiple_count(self) -> Width {
        Width::U32
    }

    /// Width of the RestrictCount of And/Or restrictions.
    #[inline]
    pub const fn restriction_count(self) -> Width {
        self.binary_count()
    }

    /// Width of NoOfActions and ActionLength of a RuleAction.
    #[inline]
    pub const fn rule_count(self) -> Width {
        self.binary_count()
    }
}

crate::wire_struct! {
    /// The ServerId structure of an "ours" PtypServerId value
    /// (MS-OXCDATA 2.11.1.4), after its Ours byte.
    #[derive(Copy)]
    pub struct ServerIdOurs {
        /// FolderId: the folder.
        pub folder_id: FolderId,
        /// MessageId: the message, all zero when the target is a folder.
        pub message_id: MessageId,
        /// Instance: the instance number within a multi-valued property,
        /// zero elsewhere.
        pub instance: u32,
    }
}

/// A PtypServerId value (MS-OXCDATA 2.11.1.4): a COUNT-prefixed ServerId.
///
/// Ours = 0x01 with 20 bytes following is the server's form; anything else
/// (Ours = 0x00 is "client-defined, any size") is kept as the raw content.
///
/// ```
/// use mapi_wire::data::{ServerId, ValueContext};
/// use mapi_wire::wire::{Decode, Encode};
///
/// let mut bytes = vec![0x15, 0x00, 0x01];
/// bytes.extend_from_slice(&[1, 0, 0, 0, 0, 0, 0, 9]); // FolderId 0001-000000000009
/// bytes.extend_from_slice(&[0; 8]); // MessageId
/// bytes.extend_from_slice(&[0; 4]); // Instance
/// let (id, _) = ServerId::decode_with(&bytes, ValueContext::Rop).unwrap();
/// assert!(matches!(id, ServerId::Ours(_)));
/// assert_eq!(id.to_vec_with(ValueContext::Rop).unwrap(), bytes);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ServerId<'a> {
    /// Ours = 0x01 followed by FolderId, MessageId and Instance.
    Ours(ServerIdOurs),
    /// Any other content, including its first (Ours) byte.
    Other(Bytes<'a>),
}

impl<'a> Decode<'a> for ServerId<'a> {
    type Ctx = ValueContext;
    const NAME: &'static str = "PtypServerId";
    const MIN_LEN: usize = 2;

    fn decode_from(r: &mut Reader<'a>, cx: ValueContext) -> Result<Self, Error> {
        let Bytes(content) = Bytes::decode_from(r, cx.binary_count())?;
        if content.len() == 21 && content.first() == Some(&0x01) {
            // The 20 bytes after Ours end at the reader's position.
            let mut inner = Reader::at_offset(
                content.get(1..).unwrap_or(&[]),
                r.offset().saturating_sub(20),
                *r.limits(),
            );
            ServerIdOurs::decode_from(&mut inner, ()).map(ServerId::Ours)
        } else {
            Ok(ServerId::Other(Bytes(content)))
        }
    }
}

impl Encode for ServerId<'_> {
    type Ctx = ValueContext;

    fn encoded_len_with(&self, cx: ValueContext) -> usize {
        cx.binary_count().size().saturating_add(match self {
            ServerId::Ours(_) => 21,
            ServerId::Other(b) => b.0.len(),
        })
    }

    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, cx: ValueContext) -> Result<(), Error> {
        match self {
            ServerId::Ours(o) => {
                s.put_uint(cx.binary_count(), 21)?;
                s.put_u8(0x01)?;
                o.encode_with(s, ())
            }
            ServerId::Other(b) => b.encode_with(s, cx.binary_count()),
        }
    }
}

/// A property value (MS-OXCDATA 2.11.2.1), borrowed from the input.
///
/// The property type is not part of the value on the wire; it comes from
/// the enclosing structure (a tag, a type field, or a column), so the
/// decoding context is `(PropertyType, ValueContext)`. Encoding takes the
/// same pair and fails with [`ErrorKind::Unencodable`] when the value is
/// not of that type.
///
/// Multi-valued values are zero-copy [`Array`]s and [`List`]s; nothing
/// here allocates.
///
/// ```
/// use mapi_wire::data::{PropertyType, PropertyValue, Utf16Str, ValueContext};
/// use mapi_wire::wire::{Decode, Encode};
///
/// let cx = (PropertyType::STRING, ValueContext::Rop);
/// let (v, _) = PropertyValue::decode_with(&[0x41, 0x00, 0x00, 0x00], cx).unwrap();
/// assert_eq!(v, PropertyValue::String(Utf16Str::from_str("A")));
/// assert_eq!(v.property_type(), PropertyType::STRING);
///
/// let cx = (PropertyType::BINARY, ValueContext::Rop);
/// let bin = PropertyValue::binary(&[0xDE, 0xAD]);
/// assert_eq!(bin.to_vec_with(cx).unwrap(), [0x02, 0x00, 0xDE, 0xAD]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(untagged))]
pub enum PropertyValue<'a> {
    /// PtypNull (0x0001): no bytes.
    Null,
    /// PtypInteger16 (0x0002).
    Integer16(i16),
    /// PtypInteger32 (0x0003).
    Integer32(i32),
    /// PtypFloating32 (0x0004).
    Floating32(f32),
    /// PtypFloating64 (0x0005).
    Floating64(f64),
    /// PtypCurrency (0x0006): a signed integer scaled by 10,000.
    Currency(i64),
    /// PtypFloatingTime (0x0007): days since 1899-12-30.
    FloatingTime(f64),
    /// PtypErrorCode (0x000A).
    ErrorCode(ErrorCode),
    /// PtypBoolean (0x000B): one byte, 0x00 or 0x01 (other bytes are
    /// rejected: the specification restricts the value to 1 or 0).
    Boolean(bool),
    /// PtypObject (0x000D). Not carried by value in ROPs (MS-OXCDATA
    /// 2.11.1.5); when it appears anyway it is read like PtypBinary, as
    /// OpenChange does.
    Object(Bytes<'a>),
    /// PtypInteger64 (0x0014).
    Integer64(i64),
    /// PtypString8 (0x001E).
    String8(String8<'a>),
    /// PtypString (0x001F).
    String(Utf16Str<'a>),
    /// PtypTime (0x0040).
    Time(FileTime),
    /// PtypGuid (0x0048).
    Guid(Guid),
    /// PtypServerId (0x00FB).
    ServerId(ServerId<'a>),
    /// PtypRestriction (0x00FD).
    Restriction(RestrictionRef<'a>),
    /// PtypRuleAction (0x00FE).
    RuleAction(RuleAction<'a>),
    /// PtypBinary (0x0102).
    Binary(Bytes<'a>),
    /// PtypMultipleInteger16 (0x1002).
    MultipleInteger16(Array<'a, i16>),
    /// PtypMultipleInteger32 (0x1003).
    MultipleInteger32(Array<'a, i32>),
    /// PtypMultipleFloating32 (0x1004).
    MultipleFloating32(Array<'a, f32>),
    /// PtypMultipleFloating64 (0x1005).
    MultipleFloating64(Array<'a, f64>),
    /// PtypMultipleCurrency (0x1006).
    MultipleCurrency(Array<'a, i64>),
    /// PtypMultipleFloatingTime (0x1007).
    MultipleFloatingTime(Array<'a, f64>),
    /// PtypMultipleInteger64 (0x1014).
    MultipleInteger64(Array<'a, i64>),
    /// PtypMultipleString8 (0x101E).
    MultipleString8(List<'a, String8<'a>>),
    /// PtypMultipleString (0x101F).
    MultipleString(List<'a, Utf16Str<'a>>),
    /// PtypMultipleTime (0x1040).
    MultipleTime(Array<'a, FileTime>),
    /// PtypMultipleGuid (0x1048).
    MultipleGuid(Array<'a, Guid>),
    /// PtypMultipleBinary (0x1102).
    MultipleBinary(List<'a, Bytes<'a>>),
}

impl<'a> PropertyValue<'a> {
    /// A PtypString value over a Rust string.
    pub const fn string(s: &'a str) -> Self {
        PropertyValue::String(Utf16Str::from_str(s))
    }

    /// A PtypBinary value.
    pub const fn binary(b: &'a [u8]) -> Self {
        PropertyValue::Binary(Bytes(b))
    }

    /// The property type this value encodes as.
    pub const fn property_type(&self) -> PropertyType {
        use PropertyValue as V;
        match self {
            V::Null => PropertyType::NULL,
            V::Integer16(_) => PropertyType::INTEGER16,
            V::Integer32(_) => PropertyType::INTEGER32,
            V::Floating32(_) => PropertyType::FLOATING32,
            V::Floating64(_) => PropertyType::FLOATING64,
            V::Currency(_) => PropertyType::CURRENCY,
            V::FloatingTime(_) => PropertyType::FLOATING_TIME,
            V::ErrorCode(_) => PropertyType::ERROR_CODE,
            V::Boolean(_) => PropertyType::BOOLEAN,
            V::Object(_) => PropertyType::OBJECT,
            V::Integer64(_) => PropertyType::INTEGER64,
            V::String8(_) => PropertyType::STRING8,
            V::String(_) => PropertyType::STRING,
            V::Time(_) => PropertyType::TIME,
            V::Guid(_) => PropertyType::GUID,
            V::ServerId(_) => PropertyType::SERVER_ID,
            V::Restriction(_) => PropertyType::RESTRICTION,
            V::RuleAction(_) => PropertyType::RULE_ACTION,
            V::Binary(_) => PropertyType::BINARY,
            V::MultipleInteger16(_) => PropertyType::MULTIPLE_INTEGER16,
            V::MultipleInteger32(_) => PropertyType::MULTIPLE_INTEGER32,
            V::MultipleFloating32(_) => PropertyType::MULTIPLE_FLOATING32,
            V::MultipleFloating64(_) => PropertyType::MULTIPLE_FLOATING64,
            V::MultipleCurrency(_) => PropertyType::MULTIPLE_CURRENCY,
            V::MultipleFloatingTime(_) => PropertyType::MULTIPLE_FLOATING_TIME,
            V::MultipleInteger64(_) => PropertyType::MULTIPLE_INTEGER64,
            V::MultipleString8(_) => PropertyType::MULTIPLE_STRING8,
            V::MultipleString(_) => PropertyType::MULTIPLE_STRING,
            V::MultipleTime(_) => PropertyType::MULTIPLE_TIME,
            V::MultipleGuid(_) => PropertyType::MULTIPLE_GUID,
            V::MultipleBinary(_) => PropertyType::MULTIPLE_BINARY,
        }
    }

    /// Skips over one value of type `ty` without building it; the cheapest
    /// way for a walker to find where the next field starts.
    #[inline]
    pub fn skip(r: &mut Reader<'a>, ty: PropertyType, cx: ValueContext) -> Result<(), Error> {
        // Fixed-size values need no look at their bytes, except booleans,
        // which must be 0 or 1 to decode.
        let vt = ty.value_type();
        if let Some(n) = vt.fixed_size().filter(|_| vt != PropertyType::BOOLEAN) {
            return r.bytes(n).map(drop);
        }
        Self::decode_from(r, (ty, cx)).map(drop)
    }

    /// The value as an `i32`, if it is a PtypInteger32.
    pub const fn as_i32(&self) -> Option<i32> {
        match self {
            PropertyValue::Integer32(v) => Some(*v),
            _ => None,
        }
    }

    /// The value as an `i64`, if it is a PtypInteger64.
    pub const fn as_i64(&self) -> Option<i64> {
        match self {
            PropertyValue::Integer64(v) => Some(*v),
            _ => None,
        }
    }

    /// The bytes of a PtypBinary value.
    pub const fn as_binary(&self) -> Option<&'a [u8]> {
        match self {
            PropertyValue::Binary(b) => Some(b.0),
            _ => None,
        }
    }

    /// The string of a PtypString value.
    pub const fn as_utf16(&self) -> Option<Utf16Str<'a>> {
        match self {
            PropertyValue::String(s) => Some(*s),
            _ => None,
        }
    }
}

impl<'a> Decode<'a> for PropertyValue<'a> {
    type Ctx = (PropertyType, ValueContext);
    const NAME: &'static str = "PropertyValue";
    const MIN_LEN: usize = 0;

    // Always inlined: returned through memory and then re-wrapped in a cell
    // enum, the value is read back with loads that straddle the callee's
    // stores, and store forwarding stalls (measured: half of the row time).
    #[inline(always)]
    fn decode_from(r: &mut Reader<'a>, (ty, cx): Self::Ctx) -> Result<Self, Error> {
        use PropertyValue as V;
        let mv = Count::Prefix(cx.multiple_count());
        let vt = ty.value_type();
        Ok(match vt {
            PropertyType::NULL => V::Null,
            PropertyType::INTEGER16 => V::Integer16(r.i16()?),
            PropertyType::INTEGER32 => V::Integer32(r.i32()?),
            PropertyType::FLOATING32 => V::Floating32(r.f32()?),
            PropertyType::FLOATING64 => V::Floating64(r.f64()?),
            PropertyType::CURRENCY => V::Currency(r.i64()?),
            PropertyType::FLOATING_TIME => V::FloatingTime(r.f64()?),
            PropertyType::ERROR_CODE => V::ErrorCode(ErrorCode(r.u32()?)),
            PropertyType::BOOLEAN => match r.u8()? {
                0 => V::Boolean(false),
                1 => V::Boolean(true),
                b => return Err(r.invalid(u64::from(b), 1)),
            },
            PropertyType::OBJECT => V::Object(Bytes::decode_from(r, cx.binary_count())?),
            PropertyType::INTEGER64 => V::Integer64(r.i64()?),
            PropertyType::STRING8 => V::String8(String8::decode_from(r, ())?),
            PropertyType::STRING => V::String(Utf16Str::decode_from(r, ())?),
            PropertyType::TIME => V::Time(FileTime(r.u64()?)),
            PropertyType::GUID => V::Guid(Guid::decode_from(r, ())?),
            PropertyType::SERVER_ID => V::ServerId(ServerId::decode_from(r, cx)?),
            PropertyType::RESTRICTION => V::Restriction(RestrictionRef::decode_from(r, cx)?),
            PropertyType::RULE_ACTION => V::RuleAction(RuleAction::decode_from(r, cx)?),
            PropertyType::BINARY => V::Binary(Bytes::decode_from(r, cx.binary_count())?),
            PropertyType::MULTIPLE_INTEGER16 => V::MultipleInteger16(Array::decode_from(r, mv)?),
            PropertyType::MULTIPLE_INTEGER32 => V::MultipleInteger32(Array::decode_from(r, mv)?),
            PropertyType::MULTIPLE_FLOATING32 => V::MultipleFloating32(Array::decode_from(r, mv)?),
            PropertyType::MULTIPLE_FLOATING64 => V::MultipleFloating64(Array::decode_from(r, mv)?),
            PropertyType::MULTIPLE_CURRENCY => V::MultipleCurrency(Array::decode_from(r, mv)?),
            PropertyType::MULTIPLE_FLOATING_TIME => {
                V::MultipleFloatingTime(Array::decode_from(r, mv)?)
            }
            PropertyType::MULTIPLE_INTEGER64 => V::MultipleInteger64(Array::decode_from(r, mv)?),
            PropertyType::MULTIPLE_STRING8 => V::MultipleString8(List::decode_from(r, (mv, ()))?),
            PropertyType::MULTIPLE_STRING => V::MultipleString(List::decode_from(r, (mv, ()))?),
            PropertyType::MULTIPLE_TIME => V::MultipleTime(Array::decode_from(r, mv)?),
            PropertyType::MULTIPLE_GUID => V::MultipleGuid(Array::decode_from(r, mv)?),
            PropertyType::MULTIPLE_BINARY => {
                V::MultipleBinary(List::decode_from(r, (mv, cx.binary_count()))?)
            }
            // PtypUnspecified never carries a value by itself; other codes
            // are not defined, so their size is unknown.
            other => {
                return Err(r.error(ErrorKind::Unsupported {
                    value: u64::from(other.0),
                }));
            }
        })
    }
}

impl Encode for PropertyValue<'_> {
    type Ctx = (PropertyType, ValueContext);

    fn encoded_len_with(&self, (_, cx): Self::Ctx) -> usize {
        use PropertyValue as V;
        let mv = Count::Prefix(cx.multiple_count());
        match self {
            V::Null => 0,
            V::Boolean(_) => 1,
            V::Integer16(_) => 2,
            V::Integer32(_) | V::Floating32(_) | V::ErrorCode(_) => 4,
            V::Floating64(_)
            | V::Currency(_)
            | V::FloatingTime(_)
            | V::Integer64(_)
            | V::Time(_) => 8,
            V::Guid(_) => 16,
            V::Object(b) | V::Binary(b) => b.encoded_len_with(cx.binary_count()),
            V::String8(s) => s.encoded_len_with(()),
            V::String(s) => s.encoded_len_with(()),
            V::ServerId(v) => v.encoded_len_with(cx),
            V::Restriction(v) => v.encoded_len_with(cx),
            V::RuleAction(v) => v.encoded_len_with(cx),
            V::MultipleInteger16(a) => a.encoded_len_with(mv),
            V::MultipleInteger32(a) => a.encoded_len_with(mv),
            V::MultipleFloating32(a) => a.encoded_len_with(mv),
            V::MultipleFloating64(a) | V::MultipleFloatingTime(a) => a.encoded_len_with(mv),
            V::MultipleCurrency(a) | V::MultipleInteger64(a) => a.encoded_len_with(mv),
            V::MultipleString8(l) => l.encoded_len_with((mv, ())),
            V::MultipleString(l) => l.encoded_len_with((mv, ())),
            V::MultipleTime(a) => a.encoded_len_with(mv),
            V::MultipleGuid(a) => a.encoded_len_with(mv),
            V::MultipleBinary(l) => l.encoded_len_with((mv, cx.binary_count())),
        }
    }

    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, (ty, cx): Self::Ctx) -> Result<(), Error> {
        use PropertyValue as V;
        if ty.value_type() != self.property_type() {
            return Err(Error::new(
                ErrorKind::Unencodable {
                    value: u64::from(ty.0),
                },
                s.position(),
            ));
        }
        let mv = Count::Prefix(cx.multiple_count());
        match self {
            V::Null => Ok(()),
            V::Boolean(b) => s.put_u8(u8::from(*b)),
            V::Integer16(v) => s.put_i16(*v),
            V::Integer32(v) => s.put_i32(*v),
            V::Floating32(v) => s.put_f32(*v),
            V::ErrorCode(v) => s.put_u32(v.0),
            V::Floating64(v) | V::FloatingTime(v) => s.put_f64(*v),
            V::Currency(v) | V::Integer64(v) => s.put_i64(*v),
            V::Time(v) => s.put_u64(v.0),
            V::Guid(g) => s.put(&g.0),
            V::Object(b) | V::Binary(b) => b.encode_with(s, cx.binary_count()),
            V::String8(v) => v.encode_with(s, ()),
            V::String(v) => v.encode_with(s, ()),
            V::ServerId(v) => v.encode_with(s, cx),
            V::Restriction(v) => v.encode_with(s, cx),
            V::RuleAction(v) => v.encode_with(s, cx),
            V::MultipleInteger16(a) => a.encode_with(s, mv),
            V::MultipleInteger32(a) => a.encode_with(s, mv),
            V::MultipleFloating32(a) => a.encode_with(s, mv),
            V::MultipleFloating64(a) | V::MultipleFloatingTime(a) => a.encode_with(s, mv),
            V::MultipleCurrency(a) | V::MultipleInteger64(a) => a.encode_with(s, mv),
            V::MultipleString8(l) => l.encode_with(s, (mv, ())),
            V::MultipleString(l) => l.encode_with(s, (mv, ())),
            V::MultipleTime(a) => a.encode_with(s, mv),
            V::MultipleGuid(a) => a.encode_with(s, mv),
            V::MultipleBinary(l) => l.encode_with(s, (mv, cx.binary_count())),
        }
    }
}
