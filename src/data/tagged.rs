//! Property value containers (MS-OXCDATA 2.11.3 – 2.11.7).

use super::error_code::ErrorCode;
use super::string::{String8, Utf16Str};
use super::tag::{PropertyTag, PropertyType};
use super::value::{PropertyValue, ValueContext};
use crate::wire::{Decode, Encode, Error, Reader, ResultExt, Sink};

crate::wire_struct! {
    /// A TaggedPropertyValue (MS-OXCDATA 2.11.4): a PropertyTag and the
    /// value of that tag's type.
    ///
    /// ```
    /// use mapi_wire::data::{PropertyTag, PropertyValue, TaggedPropertyValue, ValueContext};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// // PidTagImportance (0x00170003) = 1
    /// let bytes = [0x03, 0x00, 0x17, 0x00, 0x01, 0x00, 0x00, 0x00];
    /// let (v, _) = TaggedPropertyValue::decode_with(&bytes, ValueContext::Rop).unwrap();
    /// assert_eq!(v.property_tag, PropertyTag(0x0017_0003));
    /// assert_eq!(v.property_value, PropertyValue::Integer32(1));
    /// assert_eq!(v.to_vec_with(ValueContext::Rop).unwrap(), bytes);
    /// ```
    #[derive(Copy)]
    pub struct TaggedPropertyValue<'a> (cx: ValueContext) {
        /// PropertyTag.
        pub property_tag: PropertyTag,
        /// PropertyValue, of the tag's type.
        pub property_value: PropertyValue<'a> = ctx((property_tag.property_type(), cx)),
    }
}

impl<'a> TaggedPropertyValue<'a> {
    /// A tagged value whose tag is `id` with the value's own type.
    pub const fn new(id: u16, value: PropertyValue<'a>) -> Self {
        TaggedPropertyValue {
            property_tag: PropertyTag::new(id, value.property_type()),
            property_value: value,
        }
    }
}

crate::wire_struct! {
    /// A TypedPropertyValue (MS-OXCDATA 2.11.3): a PropertyType and the
    /// value of that type. Used where a requested column was
    /// PtypUnspecified, so the server says which type it returns.
    ///
    /// ```
    /// use mapi_wire::data::{PropertyType, PropertyValue, TypedPropertyValue, ValueContext};
    /// use mapi_wire::wire::Decode;
    ///
    /// let (v, _) = TypedPropertyValue::decode_with(&[0x0B, 0x00, 0x01], ValueContext::Rop).unwrap();
    /// assert_eq!(v.property_type, PropertyType::BOOLEAN);
    /// assert_eq!(v.property_value, PropertyValue::Boolean(true));
    /// ```
    #[derive(Copy)]
    pub struct TypedPropertyValue<'a> (cx: ValueContext) {
        /// PropertyType.
        pub property_type: PropertyType,
        /// PropertyValue, of that type.
        pub property_value: PropertyValue<'a> = ctx((*property_type, cx)),
    }
}

impl<'a> TypedPropertyValue<'a> {
    /// A typed value whose type is the value's own.
    pub const fn new(value: PropertyValue<'a>) -> Self {
        TypedPropertyValue {
            property_type: value.property_type(),
            property_value: value,
        }
    }
}

/// A FlaggedPropertyValue (MS-OXCDATA 2.11.5): a Flag byte and, depending
/// on it, a value of the type the context gives (a column's type).
///
/// | Flag | Meaning | Then |
/// |---|---|---|
/// | 0x00 | the value is present | the PropertyValue |
/// | 0x01 | the property has no value | nothing |
/// | 0x0A | an error stands in for the value | a PtypErrorCode (4 bytes) |
///
/// ```
/// use mapi_wire::data::{ErrorCode, FlaggedPropertyValue, PropertyType, ValueContext};
/// use mapi_wire::wire::Decode;
///
/// let cx = (PropertyType::STRING, ValueContext::Rop);
/// // MS-OXCTABL 4.5.3.2: a missing column, 0x0A then NotFound 0x8004010F.
/// let (v, _) = FlaggedPropertyValue::decode_with(&[0x0A, 0x0F, 0x01, 0x04, 0x80], cx).unwrap();
/// assert_eq!(v, FlaggedPropertyValue::Error(ErrorCode(0x8004_010F)));
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FlaggedPropertyValue<'a> {
    /// Flag 0x00: the value.
    Value(PropertyValue<'a>),
    /// Flag 0x01: no value.
    NotPresent,
    /// Flag 0x0A: the error code that explains the absence.
    Error(ErrorCode),
}

impl<'a> FlaggedPropertyValue<'a> {
    /// The Flag byte.
    pub const fn flag(&self) -> u8 {
        match self {
            FlaggedPropertyValue::Value(_) => 0x00,
            FlaggedPropertyValue::NotPresent => 0x01,
            FlaggedPropertyValue::Error(_) => 0x0A,
        }
    }

    /// The value, if present.
    pub const fn value(&self) -> Option<&PropertyValue<'a>> {
        match self {
            FlaggedPropertyValue::Value(v) => Some(v),
            _ => None,
        }
    }

    /// Skips one flagged value of type `ty` without building it.
    #[inline]
    pub fn skip(r: &mut Reader<'a>, ty: PropertyType, cx: ValueContext) -> Result<(), Error> {
        match r.u8().in_field("flag")? {
            0x00 => PropertyValue::skip(r, ty, cx).in_field("property_value"),
            0x01 => Ok(()),
            0x0A => r.bytes(4).map(drop).in_field("property_value"),
            f => Err(r.invalid(u64::from(f), 1).in_field("flag")),
        }
    }
}

impl<'a> Decode<'a> for FlaggedPropertyValue<'a> {
    type Ctx = (PropertyType, ValueContext);
    const NAME: &'static str = "FlaggedPropertyValue";
    const MIN_LEN: usize = 1;

    #[inline]
    fn decode_from(r: &mut Reader<'a>, cx: Self::Ctx) -> Result<Self, Error> {
        match r.u8().in_field("flag")? {
            0x00 => PropertyValue::decode_from(r, cx)
                .map(FlaggedPropertyValue::Value)
                .in_field("property_value"),
            0x01 => Ok(FlaggedPropertyValue::NotPresent),
            0x0A => r
                .u32()
                .map(|c| FlaggedPropertyValue::Error(ErrorCode(c)))
                .in_field("property_value"),
            f => Err(r.invalid(u64::from(f), 1).in_field("flag")),
        }
    }
}

impl Encode for FlaggedPropertyValue<'_> {
    type Ctx = (PropertyType, ValueContext);

    #[inline]
    fn encoded_len_with(&self, cx: Self::Ctx) -> usize {
        // The Flag byte; saturates only for a built value no sink could hold.
        1usize.saturating_add(match self {
            FlaggedPropertyValue::Value(v) => v.encoded_len_with(cx),
            FlaggedPropertyValue::NotPresent => 0,
            FlaggedPropertyValue::Error(_) => 4,
        })
    }

    #[inline]
    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, cx: Self::Ctx) -> Result<(), Error> {
        s.put_u8(self.flag())?;
        match self {
            FlaggedPropertyValue::Value(v) => v.encode_with(s, cx).in_field("property_value"),
            FlaggedPropertyValue::NotPresent => Ok(()),
            FlaggedPropertyValue::Error(e) => s.put_u32(e.0),
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for FlaggedPropertyValue<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("FlaggedPropertyValue", 2)?;
        st.serialize_field("flag", &self.flag())?;
        match self {
            FlaggedPropertyValue::Value(v) => st.serialize_field("property_value", v)?,
            FlaggedPropertyValue::NotPresent => st.skip_field("property_value")?,
            FlaggedPropertyValue::Error(e) => st.serialize_field("property_value", &e.0)?,
        }
        st.end()
    }
}

crate::wire_struct! {
    /// A FlaggedPropertyValueWithType (MS-OXCDATA 2.11.6): a PropertyType,
    /// then a [`FlaggedPropertyValue`] of that type. Used in flagged rows
    /// for columns requested as PtypUnspecified.
    ///
    /// ```
    /// use mapi_wire::data::{FlaggedPropertyValue, FlaggedPropertyValueWithType, PropertyType, ValueContext};
    /// use mapi_wire::wire::Decode;
    ///
    /// let (v, _) = FlaggedPropertyValueWithType::decode_with(&[0x1F, 0x00, 0x01], ValueContext::Rop).unwrap();
    /// assert_eq!(v.property_type, PropertyType::STRING);
    /// assert_eq!(v.flagged_value, FlaggedPropertyValue::NotPresent);
    /// ```
    #[derive(Copy)]
    pub struct FlaggedPropertyValueWithType<'a> (cx: ValueContext) {
        /// PropertyType.
        pub property_type: PropertyType,
        /// Flag and PropertyValue.
        pub flagged_value: FlaggedPropertyValue<'a> = ctx((*property_type, cx)),
    }
}

/// A TypedString (MS-OXCDATA 2.11.7): a StringType byte, then the string
/// in the form it names.
///
/// | StringType | Form |
/// |---|---|
/// | 0x00 | no string; nothing follows |
/// | 0x01 | empty string; nothing follows |
/// | 0x02 | 8-bit string in the code page of the logon, NUL-terminated |
/// | 0x03 | reduced Unicode: characters below U+0100 sent as one byte each, NUL-terminated |
/// | 0x04 | UTF-16LE, NUL-terminated |
///
/// ```
/// use mapi_wire::data::TypedString;
/// use mapi_wire::wire::Decode;
///
/// let (s, _) = TypedString::decode(&[0x04, 0x41, 0x00, 0x00, 0x00]).unwrap();
/// assert!(matches!(s, TypedString::Unicode(u) if u == "A"));
/// let (s, _) = TypedString::decode(&[0x01]).unwrap();
/// assert_eq!(s, TypedString::Empty);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TypedString<'a> {
    /// 0x00: there is no string.
    NoString,
    /// 0x01: the empty string.
    Empty,
    /// 0x02: an 8-bit string.
    String8(String8<'a>),
    /// 0x03: a reduced-Unicode string (each byte is the code point).
    ReducedUnicode(String8<'a>),
    /// 0x04: a UTF-16LE string.
    Unicode(Utf16Str<'a>),
}

impl TypedString<'_> {
    /// The StringType byte.
    pub const fn string_type(&self) -> u8 {
        match self {
            TypedString::NoString => 0,
            TypedString::Empty => 1,
            TypedString::String8(_) => 2,
            TypedString::ReducedUnicode(_) => 3,
            TypedString::Unicode(_) => 4,
        }
    }
}

impl<'a> Decode<'a> for TypedString<'a> {
    type Ctx = ();
    const NAME: &'static str = "TypedString";
    const MIN_LEN: usize = 1;

    fn decode_from(r: &mut Reader<'a>, _: ()) -> Result<Self, Error> {
        Ok(match r.u8().in_field("string_type")? {
            0 => TypedString::NoString,
            1 => TypedString::Empty,
            2 => TypedString::String8(String8::decode_from(r, ()).in_field("string")?),
            3 => TypedString::ReducedUnicode(String8::decode_from(r, ()).in_field("string")?),
            4 => TypedString::Unicode(Utf16Str::decode_from(r, ()).in_field("string")?),
            t => return Err(r.invalid(u64::from(t), 1).in_field("string_type")),
        })
    }
}

impl Encode for TypedString<'_> {
    type Ctx = ();

    fn encoded_len_with(&self, _: ()) -> usize {
        // The StringType byte.
        1usize.saturating_add(match self {
            TypedString::NoString | TypedString::Empty => 0,
            TypedString::String8(s) | TypedString::ReducedUnicode(s) => s.encoded_len_with(()),
            TypedString::Unicode(s) => s.encoded_len_with(()),
        })
    }

    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, _: ()) -> Result<(), Error> {
        s.put_u8(self.string_type())?;
        match self {
            TypedString::NoString | TypedString::Empty => Ok(()),
            TypedString::String8(v) | TypedString::ReducedUnicode(v) => v.encode_with(s, ()),
            TypedString::Unicode(v) => v.encode_with(s, ()),
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for TypedString<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("TypedString", 2)?;
        st.serialize_field("string_type", &self.string_type())?;
        match self {
            TypedString::NoString => st.skip_field("string")?,
            TypedString::Empty => st.serialize_field("string", "")?,
            TypedString::String8(v) | TypedString::ReducedUnicode(v) => {
                st.serialize_field("string", v)?
            }
            TypedString::Unicode(v) => st.serialize_field("string", v)?,
        }
        st.end()
    }
}
