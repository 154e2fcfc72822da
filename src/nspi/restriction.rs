//! The restriction of a GetMatches Filter (MS-OXCMAPIHTTP 2.2.5.5.1:
//! "a restriction, as specified in [MS-OXCDATA] section 2.12"), with the
//! 4-byte counts of the MAPI/HTTP bodies and the value forms of
//! [`FilterForm`].
//!
//! The tree is zero-copy like [`crate::data::Restriction`]: children stay
//! as validated bytes and are decoded when visited.

use super::value::{AbContext, AddressBookTaggedPropertyValue, FilterForm};
use crate::data::{
    BitMaskRestriction, ComparePropertiesRestriction, ExistRestriction, FuzzyLevelHigh,
    FuzzyLevelLow, PropertyTag, RelOp, RestrictType, SizeRestriction, TaggedPropertyValue,
    ValueContext,
};
use crate::wire::{
    Count, Decode, Encode, Error, ErrorKind, Limits, List, Reader, ResultExt, Sink, Width,
};
use core::fmt;

/// The value of a Property or Content restriction in a GetMatches Filter,
/// in the form it was sent (see [`FilterForm`]).
///
/// ```
/// use mapi_wire::data::{PropertyValue, TaggedPropertyValue};
/// use mapi_wire::nspi::{AbContext, FilterForm, FilterValue};
/// use mapi_wire::wire::{Decode, Encode};
///
/// // The specification's form: a TaggedPropertyValue, PtypString8 "a".
/// let bytes = [0x1E, 0x00, 0x01, 0x30, b'a', 0x00];
/// let (v, _) = FilterValue::decode_with(&bytes, AbContext::DEFAULT).unwrap();
/// assert!(matches!(v, FilterValue::Standard(_)));
///
/// // gromox's form: 0xFF, then an AddressBookTaggedPropertyValue.
/// let bytes = [0xFF, 0x1E, 0x00, 0x01, 0x30, 0xFF, b'a', 0x00];
/// let auto = AbContext { filter_form: FilterForm::Auto, ..AbContext::DEFAULT };
/// let (v, _) = FilterValue::decode_with(&bytes, auto).unwrap();
/// assert!(matches!(v, FilterValue::AddressBook { present: 0xFF, value: Some(_) }));
/// assert_eq!(v.to_vec_with(auto).unwrap(), bytes);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(untagged))]
pub enum FilterValue<'a> {
    /// [`FilterForm::Standard`]: an MS-OXCDATA TaggedPropertyValue with
    /// 4-byte COUNTs.
    Standard(TaggedPropertyValue<'a>),
    /// [`FilterForm::AddressBook`]: a presence byte and, when it is not
    /// zero, an AddressBookTaggedPropertyValue.
    AddressBook {
        /// The presence byte, kept as sent.
        present: u8,
        /// The value, present exactly when `present` is not zero.
        value: Option<AddressBookTaggedPropertyValue<'a>>,
    },
}

impl<'a> Decode<'a> for FilterValue<'a> {
    type Ctx = AbContext;
    const NAME: &'static str = "TaggedValue";
    const MIN_LEN: usize = 1;

    fn decode_from(r: &mut Reader<'a>, cx: AbContext) -> Result<Self, Error> {
        let address_book = match cx.filter_form {
            FilterForm::Standard => false,
            FilterForm::AddressBook => true,
            FilterForm::Auto => matches!(r.peek_u8()?, 0x00 | 0xFF),
        };
        if address_book {
            let present = r.u8().in_field("present")?;
            let value = if present == 0 {
                None
            } else {
                Some(AddressBookTaggedPropertyValue::decode_from(r, cx)?)
            };
            Ok(FilterValue::AddressBook { present, value })
        } else {
            TaggedPropertyValue::decode_from(r, ValueContext::Extended).map(FilterValue::Standard)
        }
    }
}

impl Encode for FilterValue<'_> {
    type Ctx = AbContext;

    fn encoded_len_with(&self, cx: AbContext) -> usize {
        match self {
            FilterValue::Standard(v) => v.encoded_len_with(ValueContext::Extended),
            FilterValue::AddressBook { value, .. } => {
                1 + value.as_ref().map_or(0, |v| v.encoded_len_with(cx))
            }
        }
    }

    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, cx: AbContext) -> Result<(), Error> {
        match self {
            FilterValue::Standard(v) => v.encode_with(s, ValueContext::Extended),
            FilterValue::AddressBook { present, value } => match (present, value) {
                (0, None) => s.put_u8(0),
                (&p, Some(v)) if p != 0 => {
                    s.put_u8(p)?;
                    v.encode_with(s, cx)
                }
                (&p, _) => Err(Error::new(
                    ErrorKind::Unencodable {
                        value: u64::from(p),
                    },
                    s.position(),
                )
                .in_field("present")),
            },
        }
    }
}

#[derive(Clone, Copy)]
enum RefRepr<'a> {
    Wire(&'a [u8], AbContext),
    Tree(&'a AbRestriction<'a>),
}

/// One nested restriction (the child of Not, SubObject, Comment and Count
/// restrictions), kept as validated bytes or borrowed from a built tree.
///
/// ```
/// use mapi_wire::data::{ExistRestriction, PropertyTag};
/// use mapi_wire::nspi::{AbRestriction, AbRestrictionRef};
///
/// let exist = AbRestriction::Exist(ExistRestriction { property_tag: PropertyTag(0x3001_001F) });
/// assert_eq!(AbRestrictionRef::new(&exist).get(), exist);
/// ```
#[derive(Clone, Copy)]
pub struct AbRestrictionRef<'a>(RefRepr<'a>);

impl<'a> AbRestrictionRef<'a> {
    /// A reference to a restriction built for encoding.
    pub const fn new(r: &'a AbRestriction<'a>) -> Self {
        AbRestrictionRef(RefRepr::Tree(r))
    }

    /// The restriction; a decoded one is decoded again from its validated
    /// bytes, which cannot fail.
    pub fn get(&self) -> AbRestriction<'a> {
        match self.0 {
            RefRepr::Tree(r) => r.clone(),
            RefRepr::Wire(bytes, cx) => {
                let mut r = Reader::with_limits(bytes, Limits::REVISIT);
                AbRestriction::decode_from(&mut r, cx).unwrap_or(AbRestriction::And(
                    AbAndRestriction {
                        restricts: List::empty(),
                    },
                ))
            }
        }
    }

    /// The validated bytes of a decoded restriction.
    pub fn wire_bytes(&self) -> Option<&'a [u8]> {
        match self.0 {
            RefRepr::Wire(b, _) => Some(b),
            RefRepr::Tree(_) => None,
        }
    }
}

impl PartialEq for AbRestrictionRef<'_> {
    fn eq(&self, other: &Self) -> bool {
        match (self.0, other.0) {
            (RefRepr::Wire(a, ca), RefRepr::Wire(b, cb)) if ca == cb => a == b,
            _ => self.get() == other.get(),
        }
    }
}

impl fmt::Debug for AbRestrictionRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.get(), f)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for AbRestrictionRef<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.get().serialize(s)
    }
}

impl<'a> Decode<'a> for AbRestrictionRef<'a> {
    type Ctx = AbContext;
    const NAME: &'static str = "Restriction";
    const MIN_LEN: usize = 1;

    fn decode_from(r: &mut Reader<'a>, cx: AbContext) -> Result<Self, Error> {
        let start = r.peek_rest();
        let before = r.remaining();
        AbRestriction::decode_from(r, cx)?;
        let used = before - r.remaining();
        Ok(AbRestrictionRef(RefRepr::Wire(
            start.get(..used).unwrap_or(&[]),
            cx,
        )))
    }
}

impl Encode for AbRestrictionRef<'_> {
    type Ctx = AbContext;

    fn encoded_len_with(&self, cx: AbContext) -> usize {
        match self.0 {
            RefRepr::Wire(b, wcx) if wcx.element_flags == cx.element_flags => b.len(),
            RefRepr::Tree(t) => t.encoded_len_with(cx),
            RefRepr::Wire(..) => self.get().encoded_len_with(cx),
        }
    }

    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, cx: AbContext) -> Result<(), Error> {
        match self.0 {
            RefRepr::Wire(b, wcx) if wcx.element_flags == cx.element_flags => s.put(b),
            RefRepr::Tree(t) => t.encode_with(s, cx),
            RefRepr::Wire(..) => self.get().encode_with(s, cx),
        }
    }
}

/// Children of an And or Or restriction.
pub type AbRestrictions<'a> = List<'a, AbRestriction<'a>>;

crate::wire_struct! {
    /// AndRestriction (MS-OXCDATA 2.12.1) with a 4-byte RestrictCount.
    pub struct AbAndRestriction<'a> (cx: AbContext) {
        /// Restricts, preceded by RestrictCount.
        pub restricts: AbRestrictions<'a> = ctx((Count::Prefix(Width::U32), cx)),
    }
}

crate::wire_struct! {
    /// OrRestriction (MS-OXCDATA 2.12.2) with a 4-byte RestrictCount.
    pub struct AbOrRestriction<'a> (cx: AbContext) {
        /// Restricts, preceded by RestrictCount.
        pub restricts: AbRestrictions<'a> = ctx((Count::Prefix(Width::U32), cx)),
    }
}

crate::wire_struct! {
    /// NotRestriction (MS-OXCDATA 2.12.3).
    #[derive(Copy)]
    pub struct AbNotRestriction<'a> (cx: AbContext) {
        /// Restriction.
        pub restriction: AbRestrictionRef<'a> = ctx(cx),
    }
}

crate::wire_struct! {
    /// ContentRestriction (MS-OXCDATA 2.12.4) with a [`FilterValue`].
    #[derive(Copy)]
    pub struct AbContentRestriction<'a> (cx: AbContext) {
        /// FuzzyLevelLow.
        pub fuzzy_level_low: FuzzyLevelLow,
        /// FuzzyLevelHigh.
        pub fuzzy_level_high: FuzzyLevelHigh,
        /// PropertyTag: the property searched.
        pub property_tag: PropertyTag,
        /// TaggedValue: the value searched for.
        pub tagged_value: FilterValue<'a> = ctx(cx),
    }
}

crate::wire_struct! {
    /// PropertyRestriction (MS-OXCDATA 2.12.5) with a [`FilterValue`].
    #[derive(Copy)]
    pub struct AbPropertyRestriction<'a> (cx: AbContext) {
        /// RelOp.
        pub relop: RelOp,
        /// PropTag: the property compared.
        pub property_tag: PropertyTag,
        /// TaggedValue: the value compared with.
        pub tagged_value: FilterValue<'a> = ctx(cx),
    }
}

crate::wire_struct! {
    /// SubObjectRestriction (MS-OXCDATA 2.12.10).
    #[derive(Copy)]
    pub struct AbSubObjectRestriction<'a> (cx: AbContext) {
        /// Subobject.
        pub subobject: PropertyTag,
        /// Restriction.
        pub restriction: AbRestrictionRef<'a> = ctx(cx),
    }
}

crate::wire_struct! {
    /// CommentRestriction (MS-OXCDATA 2.12.11); its TaggedValues are
    /// MS-OXCDATA TaggedPropertyValues with 4-byte COUNTs.
    pub struct AbCommentRestriction<'a> (cx: AbContext) {
        /// TaggedValues, preceded by TaggedValuesCount (1 byte).
        pub tagged_values: List<'a, TaggedPropertyValue<'a>> =
            ctx((Count::Prefix(Width::U8), ValueContext::Extended)),
        /// RestrictionPresent, kept as sent.
        pub restriction_present: u8,
        /// Restriction, present when RestrictionPresent is not zero.
        pub restriction: Option<AbRestrictionRef<'a>> = when(*restriction_present != 0) ctx(cx),
    }
}

crate::wire_struct! {
    /// CountRestriction (MS-OXCDATA 2.12.12).
    #[derive(Copy)]
    pub struct AbCountRestriction<'a> (cx: AbContext) {
        /// Count.
        pub count: u32,
        /// SubRestriction.
        pub sub_restriction: AbRestrictionRef<'a> = ctx(cx),
    }
}

/// A restriction in the form of a GetMatches Filter: MS-OXCDATA 2.12 with
/// 4-byte And/Or counts (MAPI Inspector's `PropertyCountContext.MapiHttp`,
/// gromox's `EXT_FLAG_WCOUNT`) and the Property/Content values of
/// [`FilterValue`]. NSPI servers need only And, Or, Not, Content, Property
/// and Exist (MS-OXNSPI 2.2.5); the other types decode as well.
///
/// ```
/// use mapi_wire::data::PropertyTag;
/// use mapi_wire::nspi::{AbContext, AbRestriction};
/// use mapi_wire::wire::{Decode, Encode};
///
/// // And(Exist(PidTagDisplayName)) with a 4-byte count.
/// let bytes = [0x00, 0x01, 0, 0, 0, 0x08, 0x1F, 0x00, 0x01, 0x30];
/// let (r, _) = AbRestriction::decode_with(&bytes, AbContext::DEFAULT).unwrap();
/// let AbRestriction::And(and) = &r else { panic!() };
/// assert_eq!(and.restricts.len(), 1);
/// assert_eq!(r.to_vec_with(AbContext::DEFAULT).unwrap(), bytes);
/// ```
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "restrict_type"))]
pub enum AbRestriction<'a> {
    /// 0x00 AndRestriction.
    #[cfg_attr(feature = "serde", serde(rename = "AndRestriction"))]
    And(AbAndRestriction<'a>),
    /// 0x01 OrRestriction.
    #[cfg_attr(feature = "serde", serde(rename = "OrRestriction"))]
    Or(AbOrRestriction<'a>),
    /// 0x02 NotRestriction.
    #[cfg_attr(feature = "serde", serde(rename = "NotRestriction"))]
    Not(AbNotRestriction<'a>),
    /// 0x03 ContentRestriction.
    #[cfg_attr(feature = "serde", serde(rename = "ContentRestriction"))]
    Content(AbContentRestriction<'a>),
    /// 0x04 PropertyRestriction.
    #[cfg_attr(feature = "serde", serde(rename = "PropertyRestriction"))]
    Property(AbPropertyRestriction<'a>),
    /// 0x05 ComparePropertiesRestriction.
    #[cfg_attr(feature = "serde", serde(rename = "ComparePropertiesRestriction"))]
    CompareProperties(ComparePropertiesRestriction),
    /// 0x06 BitMaskRestriction.
    #[cfg_attr(feature = "serde", serde(rename = "BitMaskRestriction"))]
    BitMask(BitMaskRestriction),
    /// 0x07 SizeRestriction.
    #[cfg_attr(feature = "serde", serde(rename = "SizeRestriction"))]
    Size(SizeRestriction),
    /// 0x08 ExistRestriction.
    #[cfg_attr(feature = "serde", serde(rename = "ExistRestriction"))]
    Exist(ExistRestriction),
    /// 0x09 SubObjectRestriction.
    #[cfg_attr(feature = "serde", serde(rename = "SubObjectRestriction"))]
    SubObject(AbSubObjectRestriction<'a>),
    /// 0x0A CommentRestriction.
    #[cfg_attr(feature = "serde", serde(rename = "CommentRestriction"))]
    Comment(AbCommentRestriction<'a>),
    /// 0x0B CountRestriction.
    #[cfg_attr(feature = "serde", serde(rename = "CountRestriction"))]
    Count(AbCountRestriction<'a>),
}

impl AbRestriction<'_> {
    /// The RestrictType byte.
    pub const fn restrict_type(&self) -> RestrictType {
        match self {
            AbRestriction::And(_) => RestrictType::AND,
            AbRestriction::Or(_) => RestrictType::OR,
            AbRestriction::Not(_) => RestrictType::NOT,
            AbRestriction::Content(_) => RestrictType::CONTENT,
            AbRestriction::Property(_) => RestrictType::PROPERTY,
            AbRestriction::CompareProperties(_) => RestrictType::COMPARE_PROPERTIES,
            AbRestriction::BitMask(_) => RestrictType::BIT_MASK,
            AbRestriction::Size(_) => RestrictType::SIZE,
            AbRestriction::Exist(_) => RestrictType::EXIST,
            AbRestriction::SubObject(_) => RestrictType::SUB_OBJECT,
            AbRestriction::Comment(_) => RestrictType::COMMENT,
            AbRestriction::Count(_) => RestrictType::COUNT,
        }
    }
}

impl<'a> Decode<'a> for AbRestriction<'a> {
    type Ctx = AbContext;
    const NAME: &'static str = "Restriction";
    const MIN_LEN: usize = 1;

    fn decode_from(r: &mut Reader<'a>, cx: AbContext) -> Result<Self, Error> {
        r.nested(|r| {
            let t = RestrictType::decode_from(r, ()).in_field("restrict_type")?;
            Ok(match t {
                RestrictType::AND => AbRestriction::And(AbAndRestriction::decode_from(r, cx)?),
                RestrictType::OR => AbRestriction::Or(AbOrRestriction::decode_from(r, cx)?),
                RestrictType::NOT => AbRestriction::Not(AbNotRestriction::decode_from(r, cx)?),
                RestrictType::CONTENT => {
                    AbRestriction::Content(AbContentRestriction::decode_from(r, cx)?)
                }
                RestrictType::PROPERTY => {
                    AbRestriction::Property(AbPropertyRestriction::decode_from(r, cx)?)
                }
                RestrictType::COMPARE_PROPERTIES => AbRestriction::CompareProperties(
                    ComparePropertiesRestriction::decode_from(r, ())?,
                ),
                RestrictType::BIT_MASK => {
                    AbRestriction::BitMask(BitMaskRestriction::decode_from(r, ())?)
                }
                RestrictType::SIZE => AbRestriction::Size(SizeRestriction::decode_from(r, ())?),
                RestrictType::EXIST => AbRestriction::Exist(ExistRestriction::decode_from(r, ())?),
                RestrictType::SUB_OBJECT => {
                    AbRestriction::SubObject(AbSubObjectRestriction::decode_from(r, cx)?)
                }
                RestrictType::COMMENT => {
                    AbRestriction::Comment(AbCommentRestriction::decode_from(r, cx)?)
                }
                RestrictType::COUNT => {
                    AbRestriction::Count(AbCountRestriction::decode_from(r, cx)?)
                }
                RestrictType(other) => {
                    return Err(r.invalid(u64::from(other), 1).in_field("restrict_type"));
                }
            })
        })
    }
}

impl Encode for AbRestriction<'_> {
    type Ctx = AbContext;

    fn encoded_len_with(&self, cx: AbContext) -> usize {
        1 + match self {
            AbRestriction::And(v) => v.encoded_len_with(cx),
            AbRestriction::Or(v) => v.encoded_len_with(cx),
            AbRestriction::Not(v) => v.encoded_len_with(cx),
            AbRestriction::Content(v) => v.encoded_len_with(cx),
            AbRestriction::Property(v) => v.encoded_len_with(cx),
            AbRestriction::CompareProperties(v) => v.encoded_len_with(()),
            AbRestriction::BitMask(v) => v.encoded_len_with(()),
            AbRestriction::Size(v) => v.encoded_len_with(()),
            AbRestriction::Exist(v) => v.encoded_len_with(()),
            AbRestriction::SubObject(v) => v.encoded_len_with(cx),
            AbRestriction::Comment(v) => v.encoded_len_with(cx),
            AbRestriction::Count(v) => v.encoded_len_with(cx),
        }
    }

    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, cx: AbContext) -> Result<(), Error> {
        s.put_u8(self.restrict_type().0)?;
        match self {
            AbRestriction::And(v) => v.encode_with(s, cx),
            AbRestriction::Or(v) => v.encode_with(s, cx),
            AbRestriction::Not(v) => v.encode_with(s, cx),
            AbRestriction::Content(v) => v.encode_with(s, cx),
            AbRestriction::Property(v) => v.encode_with(s, cx),
            AbRestriction::CompareProperties(v) => v.encode_with(s, ()),
            AbRestriction::BitMask(v) => v.encode_with(s, ()),
            AbRestriction::Size(v) => v.encode_with(s, ()),
            AbRestriction::Exist(v) => v.encode_with(s, ()),
            AbRestriction::SubObject(v) => v.encode_with(s, cx),
            AbRestriction::Comment(v) => v.encode_with(s, cx),
            AbRestriction::Count(v) => v.encode_with(s, cx),
        }
    }
}
