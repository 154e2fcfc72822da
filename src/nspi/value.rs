//! Address-book property values (MS-OXCMAPIHTTP 2.2.1.1 – 2.2.1.6, 2.2.1.8
//! and the property-value list of 2.2.1.3).
//!
//! The address-book bodies carry MS-OXCDATA property values with every
//! COUNT 4 bytes wide ([`ValueContext::Extended`]) and add a HasValue byte
//! before the values of the string, binary and multi-valued types. Where the
//! layout is MS-OXCDATA's, [`AddressBookValue::Value`] holds a
//! [`PropertyValue`]; where the address-book form differs it has its own
//! variants (see [`AddressBookValue`]).

use crate::data::{
    ErrorCode, PropertyTag, PropertyType, PropertyValue, String8, Utf16Str, ValueContext,
};
use crate::wire::{
    Array, Bytes, Count, Decode, Encode, Error, ErrorKind, List, Reader, ResultExt, Sink, Width,
};

/// How the Property and Content restrictions of a GetMatches Filter carry
/// their value (see [`AbContext::filter_form`]).
///
/// ```
/// use mapi_wire::nspi::{AbContext, FilterForm};
///
/// assert_eq!(AbContext::DEFAULT.filter_form, FilterForm::Standard);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum FilterForm {
    /// MS-OXCDATA 2.12 as the specification says (MS-OXCMAPIHTTP 2.2.5.5.1:
    /// "a restriction, as specified in [MS-OXCDATA] section 2.12"): the
    /// PropertyTag, then a plain TaggedPropertyValue with 4-byte COUNTs.
    /// MAPI Inspector for Fiddler parses this form.
    Standard,
    /// gromox's reading: after the PropertyTag, a presence byte (`0xFF`
    /// or `0x00`) and, when it is not zero, an
    /// [`AddressBookTaggedPropertyValue`] (tag again, then a value with its
    /// HasValue byte).
    AddressBook,
    /// Either form, told apart by the byte after the PropertyTag: `0x00`
    /// or `0xFF` cannot start a TaggedPropertyValue (no property type has
    /// the low byte `0x00` or `0xFF` except PtypUnspecified, which has no
    /// value), so the choice is unambiguous. The form found is kept.
    Auto,
}

/// The decoding context of the address-book structures: the choices where
/// the specification is silent and real peers differ. Both fields affect
/// decoding and encoding alike, except [`filter_form`](Self::filter_form),
/// which only selects what the decoder accepts (a decoded or built filter
/// value knows its own form).
///
/// ```
/// use mapi_wire::nspi::{AbContext, FilterForm};
///
/// let strict = AbContext { element_flags: false, ..AbContext::DEFAULT };
/// assert!(AbContext::DEFAULT.element_flags);
/// assert_ne!(strict, AbContext::default());
/// let lenient = AbContext { filter_form: FilterForm::Auto, ..AbContext::DEFAULT };
/// assert_eq!(lenient.filter_form, FilterForm::Auto);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct AbContext {
    /// A presence byte (`0xFF` element follows, `0x00` no element) before
    /// each element of a PtypMultipleString, PtypMultipleString8 or
    /// PtypMultipleBinary value. The specification's text does not mention
    /// it; MAPI Inspector for Fiddler and gromox (`EXT_FLAG_ABK`) read and
    /// write it, so it is on by default. `false` reads those values exactly
    /// as MS-OXCDATA 2.11.1 lays them out.
    ///
    /// Microsoft's protocol test suite (MS-OXCMAPIHTTP adapter) is split:
    /// its reader skips a `0xFF` before each PtypMultipleBinary element,
    /// reads PtypMultipleString elements with no presence byte (the `false`
    /// reading), and finds PtypMultipleString8 elements by counting NUL
    /// bytes, which a `0xFF` byte passes through but a `0x00` one does not.
    /// The one such value it writes (a PtypMultipleBinary in ModProps) is
    /// two zero bytes, which settles nothing.
    pub element_flags: bool,
    /// The form of the values inside GetMatches Filter restrictions;
    /// [`FilterForm::Standard`] (the specification's) by default.
    pub filter_form: FilterForm,
}

impl AbContext {
    /// Per-element presence bytes on, filters as the specification says.
    pub const DEFAULT: AbContext = AbContext {
        element_flags: true,
        filter_form: FilterForm::Standard,
    };
}

impl Default for AbContext {
    fn default() -> Self {
        AbContext::DEFAULT
    }
}

/// True when an AddressBookPropertyValue of type `ty` starts with a
/// HasValue byte: PtypString, PtypString8, PtypBinary and every PtypMultiple
/// type (MS-OXCMAPIHTTP 2.2.1.1).
///
/// ```
/// use mapi_wire::data::PropertyType;
/// use mapi_wire::nspi::has_value_byte;
///
/// assert!(has_value_byte(PropertyType::STRING));
/// assert!(has_value_byte(PropertyType::MULTIPLE_INTEGER32));
/// assert!(!has_value_byte(PropertyType::INTEGER32));
/// ```
pub const fn has_value_byte(ty: PropertyType) -> bool {
    let vt = ty.value_type();
    vt.0 == PropertyType::STRING.0
        || vt.0 == PropertyType::STRING8.0
        || vt.0 == PropertyType::BINARY.0
        || vt.is_multiple()
}

/// One element of a PtypMultipleString, PtypMultipleString8 or
/// PtypMultipleBinary value in an address-book body: a presence byte, then
/// the element when the byte is not zero ([`AbContext::element_flags`]).
///
/// The byte is kept as sent (gromox writes `0xFF`/`0x00`; any non-zero
/// byte is read as "present"); [`AbElement::new`] and [`AbElement::ABSENT`]
/// build elements with `0xFF` and `0x00`.
///
/// ```
/// use mapi_wire::data::String8;
/// use mapi_wire::nspi::AbElement;
/// use mapi_wire::wire::{Decode, Encode};
///
/// let (e, _) = AbElement::<String8>::decode(&[0xFF, b'A', 0x00]).unwrap();
/// assert_eq!(e.value.unwrap().as_bytes(), b"A");
/// let (e, _) = AbElement::<String8>::decode(&[0x00]).unwrap();
/// assert_eq!(e, AbElement::ABSENT);
/// assert_eq!(AbElement::new(String8::new(b"A").unwrap()).to_vec().unwrap(), [0xFF, b'A', 0]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct AbElement<T> {
    /// The presence byte: zero means no element follows.
    pub has_value: u8,
    /// The element, present exactly when `has_value` is not zero.
    pub value: Option<T>,
}

impl<T> AbElement<T> {
    /// An absent element (`0x00`).
    pub const ABSENT: AbElement<T> = AbElement {
        has_value: 0,
        value: None,
    };

    /// A present element, flagged `0xFF`.
    pub const fn new(value: T) -> Self {
        AbElement {
            has_value: 0xFF,
            value: Some(value),
        }
    }
}

impl<'a, T: Decode<'a>> Decode<'a> for AbElement<T> {
    type Ctx = T::Ctx;
    const NAME: &'static str = "Element";
    const MIN_LEN: usize = 1;

    #[inline]
    fn decode_from(r: &mut Reader<'a>, cx: T::Ctx) -> Result<Self, Error> {
        let has_value = r.u8().in_field("has_value")?;
        let value = if has_value == 0 {
            None
        } else {
            Some(T::decode_from(r, cx).in_field("value")?)
        };
        Ok(AbElement { has_value, value })
    }
}

impl<T: Encode> Encode for AbElement<T> {
    type Ctx = T::Ctx;

    #[inline]
    fn encoded_len_with(&self, cx: T::Ctx) -> usize {
        1 + self.value.as_ref().map_or(0, |v| v.encoded_len_with(cx))
    }

    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, cx: T::Ctx) -> Result<(), Error> {
        match (self.has_value, &self.value) {
            (0, None) => s.put_u8(0),
            (b, Some(v)) if b != 0 => {
                s.put_u8(b)?;
                v.encode_with(s, cx).in_field("value")
            }
            (b, _) => Err(Error::new(
                ErrorKind::Unencodable {
                    value: u64::from(b),
                },
                s.position(),
            )
            .in_field("has_value")),
        }
    }
}

/// The value of an AddressBookPropertyValue after its HasValue byte: an
/// MS-OXCDATA 2.11.2.1 PropertyValue with 4-byte COUNTs, except where the
/// address-book form differs.
///
/// | Type | Form |
/// |---|---|
/// | PtypObject / PtypEmbeddedTable (0x000D) | no bytes at all ([`Object`](Self::Object)): MAPI Inspector and gromox agree; MS-OXCDATA gives it no value layout |
/// | PtypMultipleString8, PtypMultipleString, PtypMultipleBinary with [`AbContext::element_flags`] | u32 count, then an [`AbElement`] per element |
/// | everything else | [`PropertyValue`] with [`ValueContext::Extended`] |
///
/// ```
/// use mapi_wire::data::{PropertyType, PropertyValue};
/// use mapi_wire::nspi::{AbContext, AddressBookValue};
/// use mapi_wire::wire::{Decode, Encode};
///
/// let cx = (PropertyType::INTEGER32, AbContext::DEFAULT);
/// let (v, _) = AddressBookValue::decode_with(&[0x2A, 0, 0, 0], cx).unwrap();
/// assert_eq!(v, AddressBookValue::Value(PropertyValue::Integer32(42)));
///
/// // Two 8-bit strings, the second absent.
/// let bytes = [0x02, 0, 0, 0, 0xFF, b'x', 0x00, 0x00];
/// let cx = (PropertyType::MULTIPLE_STRING8, AbContext::DEFAULT);
/// let (v, _) = AddressBookValue::decode_with(&bytes, cx).unwrap();
/// let AddressBookValue::MultipleString8(list) = v else { panic!() };
/// assert_eq!(list.len(), 2);
/// assert!(list.get(1).unwrap().value.is_none());
/// assert_eq!(v.to_vec_with(cx).unwrap(), bytes);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(untagged))]
pub enum AddressBookValue<'a> {
    /// A value laid out as MS-OXCDATA 2.11.2.1 with 4-byte COUNTs.
    Value(PropertyValue<'a>),
    /// PtypObject / PtypEmbeddedTable: no bytes.
    Object,
    /// PtypMultipleString8 with per-element presence bytes.
    MultipleString8(List<'a, AbElement<String8<'a>>>),
    /// PtypMultipleString with per-element presence bytes.
    MultipleString(List<'a, AbElement<Utf16Str<'a>>>),
    /// PtypMultipleBinary with per-element presence bytes.
    MultipleBinary(List<'a, AbElement<Bytes<'a>>>),
}

const MV_COUNT: Count = Count::Prefix(Width::U32);

impl<'a> AddressBookValue<'a> {
    /// The property type this value encodes as.
    pub const fn property_type(&self) -> PropertyType {
        match self {
            AddressBookValue::Value(v) => v.property_type(),
            AddressBookValue::Object => PropertyType::OBJECT,
            AddressBookValue::MultipleString8(_) => PropertyType::MULTIPLE_STRING8,
            AddressBookValue::MultipleString(_) => PropertyType::MULTIPLE_STRING,
            AddressBookValue::MultipleBinary(_) => PropertyType::MULTIPLE_BINARY,
        }
    }

    /// The MS-OXCDATA value, if this is one.
    pub const fn as_value(&self) -> Option<&PropertyValue<'a>> {
        match self {
            AddressBookValue::Value(v) => Some(v),
            _ => None,
        }
    }

    fn unencodable(ty: PropertyType, at: usize) -> Error {
        Error::new(
            ErrorKind::Unencodable {
                value: u64::from(ty.0),
            },
            at,
        )
    }
}

impl<'a> Decode<'a> for AddressBookValue<'a> {
    type Ctx = (PropertyType, AbContext);
    const NAME: &'static str = "PropertyValue";
    const MIN_LEN: usize = 0;

    #[inline]
    fn decode_from(r: &mut Reader<'a>, (ty, cx): Self::Ctx) -> Result<Self, Error> {
        let vt = ty.value_type();
        Ok(match vt {
            PropertyType::OBJECT => AddressBookValue::Object,
            PropertyType::MULTIPLE_STRING8 if cx.element_flags => {
                AddressBookValue::MultipleString8(List::decode_from(r, (MV_COUNT, ()))?)
            }
            PropertyType::MULTIPLE_STRING if cx.element_flags => {
                AddressBookValue::MultipleString(List::decode_from(r, (MV_COUNT, ()))?)
            }
            PropertyType::MULTIPLE_BINARY if cx.element_flags => {
                AddressBookValue::MultipleBinary(List::decode_from(r, (MV_COUNT, Width::U32))?)
            }
            _ => AddressBookValue::Value(PropertyValue::decode_from(
                r,
                (ty, ValueContext::Extended),
            )?),
        })
    }
}

impl Encode for AddressBookValue<'_> {
    type Ctx = (PropertyType, AbContext);

    fn encoded_len_with(&self, (ty, _): Self::Ctx) -> usize {
        match self {
            AddressBookValue::Value(v) => v.encoded_len_with((ty, ValueContext::Extended)),
            AddressBookValue::Object => 0,
            AddressBookValue::MultipleString8(l) => l.encoded_len_with((MV_COUNT, ())),
            AddressBookValue::MultipleString(l) => l.encoded_len_with((MV_COUNT, ())),
            AddressBookValue::MultipleBinary(l) => l.encoded_len_with((MV_COUNT, Width::U32)),
        }
    }

    /// Fails with [`ErrorKind::Unencodable`] when the value is not of type
    /// `ty`, or is in the form the context does not use (a plain
    /// multi-valued string or binary with [`AbContext::element_flags`], an
    /// element-flagged one without, a PtypObject value with bytes).
    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, (ty, cx): Self::Ctx) -> Result<(), Error> {
        let vt = ty.value_type();
        if vt != self.property_type() {
            return Err(Self::unencodable(ty, s.position()));
        }
        let flagged_mv = matches!(
            vt,
            PropertyType::MULTIPLE_STRING8
                | PropertyType::MULTIPLE_STRING
                | PropertyType::MULTIPLE_BINARY
        );
        match self {
            AddressBookValue::Value(_) if flagged_mv && cx.element_flags => {
                Err(Self::unencodable(ty, s.position()))
            }
            AddressBookValue::Value(PropertyValue::Object(_)) => {
                Err(Self::unencodable(ty, s.position()))
            }
            AddressBookValue::Value(v) => v.encode_with(s, (ty, ValueContext::Extended)),
            _ if flagged_mv && !cx.element_flags => Err(Self::unencodable(ty, s.position())),
            AddressBookValue::Object => Ok(()),
            AddressBookValue::MultipleString8(l) => l.encode_with(s, (MV_COUNT, ())),
            AddressBookValue::MultipleString(l) => l.encode_with(s, (MV_COUNT, ())),
            AddressBookValue::MultipleBinary(l) => l.encode_with(s, (MV_COUNT, Width::U32)),
        }
    }
}

/// An AddressBookPropertyValue (MS-OXCMAPIHTTP 2.2.1.1): for PtypString,
/// PtypString8, PtypBinary and the PtypMultiple types, a HasValue byte
/// (`0xFF` TRUE, `0x00` FALSE) and the value when it is TRUE; for every
/// other type, the value alone. The type comes from the context.
///
/// The specification requires HasValue to be `0xFF` or `0x00`; the decoder
/// reads any non-zero byte as TRUE and keeps the byte, so that decoding then
/// encoding gives the same bytes. [`AddressBookPropertyValue::new`] writes
/// `0xFF`.
///
/// ```
/// use mapi_wire::data::{PropertyType, PropertyValue};
/// use mapi_wire::nspi::{AbContext, AddressBookPropertyValue};
/// use mapi_wire::wire::{Decode, Encode};
///
/// // PtypString "A" (MS-OXCMAPIHTTP 2.2.1.1: HasValue, then the string).
/// let cx = (PropertyType::STRING, AbContext::DEFAULT);
/// let bytes = [0xFF, 0x41, 0x00, 0x00, 0x00];
/// let (v, _) = AddressBookPropertyValue::decode_with(&bytes, cx).unwrap();
/// assert_eq!(v.has_value, Some(0xFF));
/// assert_eq!(v, AddressBookPropertyValue::new(PropertyValue::string("A").into()));
/// assert_eq!(v.to_vec_with(cx).unwrap(), bytes);
///
/// // An absent PtypBinary.
/// let cx = (PropertyType::BINARY, AbContext::DEFAULT);
/// let (v, _) = AddressBookPropertyValue::decode_with(&[0x00], cx).unwrap();
/// assert_eq!(v.value, None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct AddressBookPropertyValue<'a> {
    /// HasValue: present for the types [`has_value_byte`] names; zero means
    /// no value follows.
    pub has_value: Option<u8>,
    /// PropertyValue: absent only when HasValue is zero.
    pub value: Option<AddressBookValue<'a>>,
}

impl<'a> From<PropertyValue<'a>> for AddressBookValue<'a> {
    fn from(v: PropertyValue<'a>) -> Self {
        AddressBookValue::Value(v)
    }
}

impl<'a> AddressBookPropertyValue<'a> {
    /// A present value, with HasValue `0xFF` when its type has the byte.
    pub const fn new(value: AddressBookValue<'a>) -> Self {
        AddressBookPropertyValue {
            has_value: if has_value_byte(value.property_type()) {
                Some(0xFF)
            } else {
                None
            },
            value: Some(value),
        }
    }

    /// No value (HasValue `0x00`); only valid for the types with the byte.
    pub const ABSENT: AddressBookPropertyValue<'static> = AddressBookPropertyValue {
        has_value: Some(0),
        value: None,
    };

    /// The MS-OXCDATA value, if there is one of that form.
    pub fn property_value(&self) -> Option<&PropertyValue<'a>> {
        self.value.as_ref().and_then(|v| v.as_value())
    }
}

impl<'a> AddressBookPropertyValue<'a> {
    /// Skips one value of type `ty` without building it; fails exactly
    /// where decoding would.
    ///
    /// ```
    /// use mapi_wire::data::PropertyType;
    /// use mapi_wire::nspi::{AbContext, AddressBookPropertyValue};
    /// use mapi_wire::wire::Reader;
    ///
    /// let mut r = Reader::new(&[0xFF, b'a', 0, 0, 0, 0xEE]);
    /// AddressBookPropertyValue::skip(&mut r, PropertyType::STRING, AbContext::DEFAULT).unwrap();
    /// assert_eq!(r.remaining(), 1);
    /// ```
    #[inline]
    pub fn skip(r: &mut Reader<'a>, ty: PropertyType, cx: AbContext) -> Result<(), Error> {
        if has_value_byte(ty) && r.u8().in_field("has_value")? == 0 {
            return Ok(());
        }
        let vt = ty.value_type();
        let flagged_mv = cx.element_flags
            && matches!(
                vt,
                PropertyType::MULTIPLE_STRING8
                    | PropertyType::MULTIPLE_STRING
                    | PropertyType::MULTIPLE_BINARY
            );
        if vt == PropertyType::OBJECT {
            Ok(())
        } else if flagged_mv {
            let n = r.count(Width::U32, 1, crate::wire::Unit::Values)?;
            for i in 0..n {
                if r.u8().at_index(i)? == 0 {
                    continue;
                }
                match vt {
                    PropertyType::MULTIPLE_STRING8 => r.until_nul8().map(drop),
                    PropertyType::MULTIPLE_STRING => r.until_nul16().map(drop),
                    _ => Bytes::decode_from(r, Width::U32).map(drop),
                }
                .at_index(i)?;
            }
            Ok(())
        } else {
            PropertyValue::skip(r, ty, ValueContext::Extended).in_field("property_value")
        }
    }
}

impl<'a> Decode<'a> for AddressBookPropertyValue<'a> {
    type Ctx = (PropertyType, AbContext);
    const NAME: &'static str = "AddressBookPropertyValue";
    const MIN_LEN: usize = 0;

    #[inline]
    fn decode_from(r: &mut Reader<'a>, cx: Self::Ctx) -> Result<Self, Error> {
        let has_value = if has_value_byte(cx.0) {
            Some(r.u8().in_field("has_value")?)
        } else {
            None
        };
        let value = match has_value {
            Some(0) => None,
            _ => Some(AddressBookValue::decode_from(r, cx).in_field("property_value")?),
        };
        Ok(AddressBookPropertyValue { has_value, value })
    }
}

impl Encode for AddressBookPropertyValue<'_> {
    type Ctx = (PropertyType, AbContext);

    #[inline]
    fn encoded_len_with(&self, cx: Self::Ctx) -> usize {
        usize::from(self.has_value.is_some())
            + self.value.as_ref().map_or(0, |v| v.encoded_len_with(cx))
    }

    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, cx: Self::Ctx) -> Result<(), Error> {
        let consistent = match (has_value_byte(cx.0), self.has_value, &self.value) {
            (true, Some(0), None) => true,
            (true, Some(b), Some(_)) => b != 0,
            (false, None, Some(_)) => true,
            _ => false,
        };
        if !consistent {
            return Err(Error::new(
                ErrorKind::Unencodable {
                    value: u64::from(self.has_value.unwrap_or(0)),
                },
                s.position(),
            )
            .in_field("has_value"));
        }
        if let Some(b) = self.has_value {
            s.put_u8(b)?;
        }
        match &self.value {
            Some(v) => v.encode_with(s, cx).in_field("property_value"),
            None => Ok(()),
        }
    }
}

crate::wire_struct! {
    /// An AddressBookTaggedPropertyValue (MS-OXCMAPIHTTP 2.2.1.2):
    /// PropertyType and PropertyId (together a little-endian property tag),
    /// then an [`AddressBookPropertyValue`] of that type.
    ///
    /// ```
    /// use mapi_wire::data::{PropertyTag, PropertyValue};
    /// use mapi_wire::nspi::{AbContext, AddressBookTaggedPropertyValue};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// // PidTagDisplayType (0x39000003) = DT_MAILUSER (0).
    /// let bytes = [0x03, 0x00, 0x00, 0x39, 0x00, 0x00, 0x00, 0x00];
    /// let (v, _) = AddressBookTaggedPropertyValue::decode_with(&bytes, AbContext::DEFAULT).unwrap();
    /// assert_eq!(v.property_tag, PropertyTag(0x3900_0003));
    /// assert_eq!(v.property_value.property_value(), Some(&PropertyValue::Integer32(0)));
    /// assert_eq!(v.to_vec_with(AbContext::DEFAULT).unwrap(), bytes);
    /// ```
    #[derive(Copy)]
    pub struct AddressBookTaggedPropertyValue<'a> (cx: AbContext) {
        /// PropertyType and PropertyId.
        pub property_tag: PropertyTag,
        /// PropertyValue, of the tag's type.
        pub property_value: AddressBookPropertyValue<'a> = ctx((property_tag.property_type(), cx)),
    }
}

impl<'a> AddressBookTaggedPropertyValue<'a> {
    /// A tagged value whose tag is `id` with the value's own type.
    pub const fn new(id: u16, value: AddressBookValue<'a>) -> Self {
        AddressBookTaggedPropertyValue {
            property_tag: PropertyTag::new(id, value.property_type()),
            property_value: AddressBookPropertyValue::new(value),
        }
    }
}

crate::wire_struct! {
    /// An AddressBookTypedPropertyValue (MS-OXCMAPIHTTP 2.2.1.4): a
    /// PropertyType, then an [`AddressBookPropertyValue`] of that type. A
    /// row cell of a column requested as PtypUnspecified.
    ///
    /// ```
    /// use mapi_wire::data::PropertyType;
    /// use mapi_wire::nspi::{AbContext, AddressBookTypedPropertyValue};
    /// use mapi_wire::wire::Decode;
    ///
    /// // PtypString8 "x".
    /// let bytes = [0x1E, 0x00, 0xFF, b'x', 0x00];
    /// let (v, _) = AddressBookTypedPropertyValue::decode_with(&bytes, AbContext::DEFAULT).unwrap();
    /// assert_eq!(v.property_type, PropertyType::STRING8);
    /// ```
    #[derive(Copy)]
    pub struct AddressBookTypedPropertyValue<'a> (cx: AbContext) {
        /// PropertyType.
        pub property_type: PropertyType,
        /// PropertyValue, of that type.
        pub property_value: AddressBookPropertyValue<'a> = ctx((*property_type, cx)),
    }
}

/// An AddressBookFlaggedPropertyValue (MS-OXCMAPIHTTP 2.2.1.5): a Flag byte
/// and, unless it is `0x1`, an [`AddressBookPropertyValue`].
///
/// | Flag | Then |
/// |---|---|
/// | `0x0` | a value of the column's type |
/// | `0x1` | nothing: the property has no value |
/// | `0xA` | a PtypErrorCode (4 bytes) that explains the absence |
///
/// Any other flag is rejected.
///
/// ```
/// use mapi_wire::data::{ErrorCode, PropertyType};
/// use mapi_wire::nspi::{AbContext, AddressBookFlaggedPropertyValue};
/// use mapi_wire::wire::Decode;
///
/// let cx = (PropertyType::STRING, AbContext::DEFAULT);
/// let (v, _) = AddressBookFlaggedPropertyValue::decode_with(&[0x0A, 0x0F, 0x01, 0x04, 0x80], cx).unwrap();
/// assert_eq!(v.error(), Some(ErrorCode::NOT_FOUND));
/// let (v, _) = AddressBookFlaggedPropertyValue::decode_with(&[0x01], cx).unwrap();
/// assert!(v.property_value.is_none());
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct AddressBookFlaggedPropertyValue<'a> {
    /// Flag: `0x0`, `0x1` or `0xA`.
    pub flag: u8,
    /// PropertyValue: absent exactly when Flag is `0x1`; a PtypErrorCode
    /// value when Flag is `0xA`.
    pub property_value: Option<AddressBookPropertyValue<'a>>,
}

impl<'a> AddressBookFlaggedPropertyValue<'a> {
    /// Flag `0x0`: the value follows.
    pub const VALUE: u8 = 0x0;
    /// Flag `0x1`: no value.
    pub const NOT_PRESENT: u8 = 0x1;
    /// Flag `0xA`: an error code follows.
    pub const ERROR: u8 = 0xA;

    /// Flag `0x0` with `value`.
    pub const fn value(value: AddressBookValue<'a>) -> Self {
        AddressBookFlaggedPropertyValue {
            flag: Self::VALUE,
            property_value: Some(AddressBookPropertyValue::new(value)),
        }
    }

    /// Flag `0x1`.
    pub const fn not_present() -> Self {
        AddressBookFlaggedPropertyValue {
            flag: Self::NOT_PRESENT,
            property_value: None,
        }
    }

    /// Flag `0xA` with `code`.
    pub const fn error_code(code: ErrorCode) -> Self {
        AddressBookFlaggedPropertyValue {
            flag: Self::ERROR,
            property_value: Some(AddressBookPropertyValue {
                has_value: None,
                value: Some(AddressBookValue::Value(PropertyValue::ErrorCode(code))),
            }),
        }
    }

    /// The error code of a Flag `0xA` value.
    pub fn error(&self) -> Option<ErrorCode> {
        match (self.flag, self.property_value.as_ref()?.property_value()?) {
            (Self::ERROR, PropertyValue::ErrorCode(c)) => Some(*c),
            _ => None,
        }
    }

    /// The type of the value after a flag, or `None` for no value.
    fn value_type(flag: u8, ty: PropertyType) -> Option<Option<PropertyType>> {
        match flag {
            Self::VALUE => Some(Some(ty)),
            Self::NOT_PRESENT => Some(None),
            Self::ERROR => Some(Some(PropertyType::ERROR_CODE)),
            _ => None,
        }
    }
}

impl<'a> Decode<'a> for AddressBookFlaggedPropertyValue<'a> {
    type Ctx = (PropertyType, AbContext);
    const NAME: &'static str = "AddressBookFlaggedPropertyValue";
    const MIN_LEN: usize = 1;

    #[inline]
    fn decode_from(r: &mut Reader<'a>, (ty, cx): Self::Ctx) -> Result<Self, Error> {
        let flag = r.u8().in_field("flag")?;
        let Some(vt) = Self::value_type(flag, ty) else {
            return Err(r.invalid(u64::from(flag), 1).in_field("flag"));
        };
        let property_value = match vt {
            Some(vt) => Some(
                AddressBookPropertyValue::decode_from(r, (vt, cx)).in_field("property_value")?,
            ),
            None => None,
        };
        Ok(AddressBookFlaggedPropertyValue {
            flag,
            property_value,
        })
    }
}

impl Encode for AddressBookFlaggedPropertyValue<'_> {
    type Ctx = (PropertyType, AbContext);

    #[inline]
    fn encoded_len_with(&self, (ty, cx): Self::Ctx) -> usize {
        let vt = match Self::value_type(self.flag, ty) {
            Some(Some(vt)) => vt,
            _ => ty,
        };
        1 + self
            .property_value
            .as_ref()
            .map_or(0, |v| v.encoded_len_with((vt, cx)))
    }

    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, (ty, cx): Self::Ctx) -> Result<(), Error> {
        match (Self::value_type(self.flag, ty), &self.property_value) {
            (Some(Some(vt)), Some(v)) => {
                s.put_u8(self.flag)?;
                v.encode_with(s, (vt, cx)).in_field("property_value")
            }
            (Some(None), None) => s.put_u8(self.flag),
            _ => Err(Error::new(
                ErrorKind::Unencodable {
                    value: u64::from(self.flag),
                },
                s.position(),
            )
            .in_field("flag")),
        }
    }
}

crate::wire_struct! {
    /// An AddressBookFlaggedPropertyValueWithType (MS-OXCMAPIHTTP 2.2.1.6):
    /// a PropertyType before the Flag, then the value as in
    /// [`AddressBookFlaggedPropertyValue`]. A cell of a flagged row for a
    /// column requested as PtypUnspecified.
    ///
    /// ```
    /// use mapi_wire::data::PropertyType;
    /// use mapi_wire::nspi::{AbContext, AddressBookFlaggedPropertyValueWithType};
    /// use mapi_wire::wire::Decode;
    ///
    /// let bytes = [0x03, 0x00, 0x00, 0x07, 0x00, 0x00, 0x00];
    /// let (v, _) = AddressBookFlaggedPropertyValueWithType::decode_with(&bytes, AbContext::DEFAULT).unwrap();
    /// assert_eq!(v.property_type, PropertyType::INTEGER32);
    /// assert_eq!(v.flagged_value.flag, 0);
    /// ```
    #[derive(Copy)]
    pub struct AddressBookFlaggedPropertyValueWithType<'a> (cx: AbContext) {
        /// PropertyType.
        pub property_type: PropertyType,
        /// Flag and PropertyValue.
        pub flagged_value: AddressBookFlaggedPropertyValue<'a> = ctx((*property_type, cx)),
    }
}

crate::wire_struct! {
    /// An AddressBookPropertyValueList (MS-OXCMAPIHTTP 2.2.1.3):
    /// PropertyValueCount (4 bytes), then that many
    /// [`AddressBookTaggedPropertyValue`]s.
    ///
    /// ```
    /// use mapi_wire::nspi::{AbContext, AddressBookPropertyValueList};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// // One value: PidTagDisplayType = 1 (DT_DISTLIST).
    /// let bytes = [0x01, 0, 0, 0, 0x03, 0x00, 0x00, 0x39, 0x01, 0, 0, 0];
    /// let (l, _) = AddressBookPropertyValueList::decode_with(&bytes, AbContext::DEFAULT).unwrap();
    /// assert_eq!(l.property_values.len(), 1);
    /// assert_eq!(l.to_vec_with(AbContext::DEFAULT).unwrap(), bytes);
    /// ```
    #[derive(Copy)]
    pub struct AddressBookPropertyValueList<'a> (cx: AbContext) {
        /// PropertyValues, preceded by PropertyValueCount.
        pub property_values: List<'a, AddressBookTaggedPropertyValue<'a>> =
            ctx((Count::Prefix(Width::U32), cx)),
    }
}

impl<'a> AddressBookPropertyValueList<'a> {
    /// A list over `values`.
    pub const fn new(values: &'a [AddressBookTaggedPropertyValue<'a>]) -> Self {
        AddressBookPropertyValueList {
            property_values: List::from_slice(values),
        }
    }
}

crate::wire_struct! {
    /// A LargePropertyTagArray (MS-OXCMAPIHTTP 2.2.1.8): PropertyTagCount
    /// (4 bytes, at most 100,000, enforced through
    /// [`Limits::max_count`](crate::wire::Limits::max_count)), then that many
    /// property tags.
    ///
    /// ```
    /// use mapi_wire::data::PropertyTag;
    /// use mapi_wire::nspi::LargePropertyTagArray;
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let bytes = [0x01, 0, 0, 0, 0x1F, 0x00, 0x01, 0x30];
    /// let (a, _) = LargePropertyTagArray::decode(&bytes).unwrap();
    /// assert_eq!(a.property_tags.get(0), Some(PropertyTag(0x3001_001F)));
    /// assert_eq!(LargePropertyTagArray::new(&[PropertyTag(0x3001_001F)]).to_vec().unwrap(), bytes);
    /// ```
    #[derive(Copy, Default)]
    pub struct LargePropertyTagArray<'a> {
        /// PropertyTags, preceded by PropertyTagCount.
        pub property_tags: Array<'a, PropertyTag> = ctx(Count::Prefix(Width::U32)),
    }
}

impl<'a> LargePropertyTagArray<'a> {
    /// An array over `tags`.
    pub const fn new(tags: &'a [PropertyTag]) -> Self {
        LargePropertyTagArray {
            property_tags: Array::from_slice(tags),
        }
    }
}
