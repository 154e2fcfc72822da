//! Restrictions (MS-OXCDATA 2.12): the twelve restriction types, nesting
//! included, with the width of And/Or counts taken from the
//! [`ValueContext`] and the nesting depth bounded by
//! [`Limits::max_depth`](crate::wire::Limits::max_depth).
//!
//! A decoded restriction is a zero-copy tree: children stay as validated
//! wire bytes and are decoded when visited, so nothing allocates. A
//! restriction built for encoding borrows its children
//! ([`List::from_slice`], [`RestrictionRef::new`]).

use super::tag::PropertyTag;
use super::tagged::TaggedPropertyValue;
use super::value::ValueContext;
use crate::wire::{Count, Decode, Encode, Error, List, Reader, ResultExt, Sink, Width};
use core::fmt;

crate::wire_enum! {
    /// RestrictType (MS-OXCDATA 2.12): the first byte of every restriction.
    pub struct RestrictType(u8) {
        /// AndRestriction (2.12.1).
        AND = 0x00 => "AndRestriction",
        /// OrRestriction (2.12.2).
        OR = 0x01 => "OrRestriction",
        /// NotRestriction (2.12.3).
        NOT = 0x02 => "NotRestriction",
        /// ContentRestriction (2.12.4).
        CONTENT = 0x03 => "ContentRestriction",
        /// PropertyRestriction (2.12.5).
        PROPERTY = 0x04 => "PropertyRestriction",
        /// ComparePropertiesRestriction (2.12.6).
        COMPARE_PROPERTIES = 0x05 => "ComparePropertiesRestriction",
        /// BitMaskRestriction (2.12.7).
        BIT_MASK = 0x06 => "BitMaskRestriction",
        /// SizeRestriction (2.12.8).
        SIZE = 0x07 => "SizeRestriction",
        /// ExistRestriction (2.12.9).
        EXIST = 0x08 => "ExistRestriction",
        /// SubObjectRestriction (2.12.10).
        SUB_OBJECT = 0x09 => "SubObjectRestriction",
        /// CommentRestriction (2.12.11).
        COMMENT = 0x0A => "CommentRestriction",
        /// CountRestriction (2.12.12).
        COUNT = 0x0B => "CountRestriction",
    }
}

crate::wire_enum! {
    /// RelOp of Property, CompareProperties and Size restrictions
    /// (MS-OXCDATA 2.12.5 – 2.12.8).
    pub struct RelOp(u8) {
        /// Less than.
        LT = 0x00 => "RELOP_LT",
        /// Less than or equal.
        LE = 0x01 => "RELOP_LE",
        /// Greater than.
        GT = 0x02 => "RELOP_GT",
        /// Greater than or equal.
        GE = 0x03 => "RELOP_GE",
        /// Equal.
        EQ = 0x04 => "RELOP_EQ",
        /// Not equal.
        NE = 0x05 => "RELOP_NE",
        /// Matches a regular expression.
        RE = 0x06 => "RELOP_RE",
        /// Member of a distribution list.
        MEMBER_OF_DL = 0x64 => "RELOP_MEMBER_OF_DL",
    }
}

crate::wire_enum! {
    /// BitmapRelOp of a BitMaskRestriction (MS-OXCDATA 2.12.7).
    pub struct BitmapRelOp(u8) {
        /// (value & mask) == 0.
        EQZ = 0x00 => "BMR_EQZ",
        /// (value & mask) != 0.
        NEZ = 0x01 => "BMR_NEZ",
    }
}

crate::wire_enum! {
    /// FuzzyLevelLow of a ContentRestriction (MS-OXCDATA 2.12.4).
    pub struct FuzzyLevelLow(u16) {
        /// The whole value must match.
        FULLSTRING = 0x0000 => "FL_FULLSTRING",
        /// The value must contain the string.
        SUBSTRING = 0x0001 => "FL_SUBSTRING",
        /// The value must start with the string.
        PREFIX = 0x0002 => "FL_PREFIX",
    }
}

crate::wire_flags! {
    /// FuzzyLevelHigh of a ContentRestriction (MS-OXCDATA 2.12.4).
    pub struct FuzzyLevelHigh: u16 {
        /// Case-insensitive.
        const IGNORECASE = 0x0001;
        /// Ignore non-spacing characters.
        const IGNORENONSPACE = 0x0002;
        /// Loose matching.
        const LOOSE = 0x0004;
    }
}

/// The list of child restrictions of an And or Or restriction.
pub type Restrictions<'a> = List<'a, Restriction<'a>>;

#[derive(Clone, Copy)]
enum RefRepr<'a> {
    Wire(&'a [u8], ValueContext),
    Tree(&'a Restriction<'a>),
}

/// One nested restriction (the child of Not, SubObject, Comment and Count
/// restrictions, and the value of a PtypRestriction property), kept as
/// validated wire bytes or borrowed from a built tree.
///
/// ```
/// use mapi_wire::data::{ExistRestriction, PropertyTag, Restriction, RestrictionRef};
///
/// let exist = Restriction::Exist(ExistRestriction { property_tag: PropertyTag(0x0037_001F) });
/// let child = RestrictionRef::new(&exist);
/// assert_eq!(child.get(), exist);
/// ```
#[derive(Clone, Copy)]
pub struct RestrictionRef<'a>(RefRepr<'a>);

impl<'a> RestrictionRef<'a> {
    /// A reference to a restriction built for encoding.
    pub const fn new(r: &'a Restriction<'a>) -> Self {
        RestrictionRef(RefRepr::Tree(r))
    }

    /// The restriction. A decoded one is decoded again from bytes that were
    /// validated when it was first read, which cannot fail.
    pub fn get(&self) -> Restriction<'a> {
        match self.0 {
            RefRepr::Tree(r) => r.clone(),
            RefRepr::Wire(bytes, cx) => {
                let mut r = Reader::with_limits(bytes, crate::wire::Limits::REVISIT);
                match Restriction::decode_from(&mut r, cx) {
                    Ok(v) => v,
                    Err(_) => {
                        debug_assert!(false, "validated restriction failed to decode");
                        Restriction::And(AndRestriction {
                            restricts: List::empty(),
                        })
                    }
                }
            }
        }
    }

    /// The validated wire bytes of a decoded restriction.
    pub fn wire_bytes(&self) -> Option<&'a [u8]> {
        match self.0 {
            RefRepr::Wire(b, _) => Some(b),
            RefRepr::Tree(_) => None,
        }
    }
}

impl PartialEq for RestrictionRef<'_> {
    fn eq(&self, other: &Self) -> bool {
        match (self.0, other.0) {
            (RefRepr::Wire(a, ca), RefRepr::Wire(b, cb)) if ca == cb => a == b,
            _ => self.get() == other.get(),
        }
    }
}

impl fmt::Debug for RestrictionRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.get(), f)
    }
}

impl<'a> Decode<'a> for RestrictionRef<'a> {
    type Ctx = ValueContext;
    const NAME: &'static str = "Restriction";
    const MIN_LEN: usize = 1;

    #[inline]
    fn decode_from(r: &mut Reader<'a>, cx: ValueContext) -> Result<Self, Error> {
        let start = r.peek_rest();
        let before = r.remaining();
        Restriction::decode_from(r, cx)?;
        // The reader only moves forward.
        let used = before.saturating_sub(r.remaining());
        Ok(RestrictionRef(RefRepr::Wire(
            start.get(..used).unwrap_or(&[]),
            cx,
        )))
    }
}

impl Encode for RestrictionRef<'_> {
    type Ctx = ValueContext;

    fn encoded_len_with(&self, cx: ValueContext) -> usize {
        match self.0 {
            RefRepr::Wire(b, wcx) if wcx == cx => b.len(),
            RefRepr::Tree(t) => t.encoded_len_with(cx),
            RefRepr::Wire(..) => self.get().encoded_len_with(cx),
        }
    }

    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, cx: ValueContext) -> Result<(), Error> {
        match self.0 {
            RefRepr::Wire(b, wcx) if wcx == cx => s.put(b),
            RefRepr::Tree(t) => t.encode_with(s, cx),
            RefRepr::Wire(..) => self.get().encode_with(s, cx),
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for RestrictionRef<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.get().serialize(s)
    }
}

crate::wire_struct! {
    /// AndRestriction (MS-OXCDATA 2.12.1): RestrictCount (a COUNT: 2 bytes
    /// in ROPs, 4 in extended rules), then that many restrictions.
    pub struct AndRestriction<'a> (cx: ValueContext) {
        /// Restricts, preceded by RestrictCount.
        pub restricts: Restrictions<'a> = ctx((Count::Prefix(cx.restriction_count()), cx)),
    }
}

crate::wire_struct! {
    /// OrRestriction (MS-OXCDATA 2.12.2): as [`AndRestriction`].
    pub struct OrRestriction<'a> (cx: ValueContext) {
        /// Restricts, preceded by RestrictCount.
        pub restricts: Restrictions<'a> = ctx((Count::Prefix(cx.restriction_count()), cx)),
    }
}

crate::wire_struct! {
    /// NotRestriction (MS-OXCDATA 2.12.3): one restriction.
    #[derive(Copy)]
    pub struct NotRestriction<'a> (cx: ValueContext) {
        /// Restriction.
        pub restriction: RestrictionRef<'a> = ctx(cx),
    }
}

crate::wire_struct! {
    /// ContentRestriction (MS-OXCDATA 2.12.4).
    #[derive(Copy)]
    pub struct ContentRestriction<'a> (cx: ValueContext) {
        /// FuzzyLevelLow.
        pub fuzzy_level_low: FuzzyLevelLow,
        /// FuzzyLevelHigh.
        pub fuzzy_level_high: FuzzyLevelHigh,
        /// PropertyTag: the property searched.
        pub property_tag: PropertyTag,
        /// TaggedValue: the value searched for.
        pub tagged_value: TaggedPropertyValue<'a> = ctx(cx),
    }
}

crate::wire_struct! {
    /// PropertyRestriction (MS-OXCDATA 2.12.5).
    #[derive(Copy)]
    pub struct PropertyRestriction<'a> (cx: ValueContext) {
        /// RelOp.
        pub relop: RelOp,
        /// PropTag: the property compared.
        pub property_tag: PropertyTag,
        /// TaggedValue: the value compared with.
        pub tagged_value: TaggedPropertyValue<'a> = ctx(cx),
    }
}

crate::wire_struct! {
    /// ComparePropertiesRestriction (MS-OXCDATA 2.12.6).
    #[derive(Copy)]
    pub struct ComparePropertiesRestriction {
        /// RelOp.
        pub relop: RelOp,
        /// PropTag1.
        pub property_tag1: PropertyTag,
        /// PropTag2.
        pub property_tag2: PropertyTag,
    }
}

crate::wire_struct! {
    /// BitMaskRestriction (MS-OXCDATA 2.12.7).
    #[derive(Copy)]
    pub struct BitMaskRestriction {
        /// BitmapRelOp.
        pub bitmap_relop: BitmapRelOp,
        /// PropTag.
        pub property_tag: PropertyTag,
        /// Mask.
        pub mask: u32,
    }
}

crate::wire_struct! {
    /// SizeRestriction (MS-OXCDATA 2.12.8).
    #[derive(Copy)]
    pub struct SizeRestriction {
        /// RelOp.
        pub relop: RelOp,
        /// PropTag.
        pub property_tag: PropertyTag,
        /// Size in bytes.
        pub size: u32,
    }
}

crate::wire_struct! {
    /// ExistRestriction (MS-OXCDATA 2.12.9).
    #[derive(Copy)]
    pub struct ExistRestriction {
        /// PropTag: the property that must exist.
        pub property_tag: PropertyTag,
    }
}

crate::wire_struct! {
    /// SubObjectRestriction (MS-OXCDATA 2.12.10): a restriction applied to
    /// the recipients (PidTagMessageRecipients, 0x0E12000D) or attachments
    /// (PidTagMessageAttachments, 0x0E13000D) of a message.
    #[derive(Copy)]
    pub struct SubObjectRestriction<'a> (cx: ValueContext) {
        /// Subobject.
        pub subobject: PropertyTag,
        /// Restriction.
        pub restriction: RestrictionRef<'a> = ctx(cx),
    }
}

crate::wire_struct! {
    /// CommentRestriction (MS-OXCDATA 2.12.11): TaggedValuesCount (1 byte),
    /// TaggedValues, RestrictionPresent (1 byte), and the restriction when
    /// RestrictionPresent is not zero. The byte is kept as sent.
    pub struct CommentRestriction<'a> (cx: ValueContext) {
        /// TaggedValues, preceded by TaggedValuesCount.
        pub tagged_values: List<'a, TaggedPropertyValue<'a>> = ctx((Count::Prefix(Width::U8), cx)),
        /// RestrictionPresent: 0x01 (TRUE) or 0x00 (FALSE).
        pub restriction_present: u8,
        /// Restriction, present when RestrictionPresent is not zero.
        pub restriction: Option<RestrictionRef<'a>> = when(*restriction_present != 0) ctx(cx),
    }
}

crate::wire_struct! {
    /// CountRestriction (MS-OXCDATA 2.12.12): limits the number of matches.
    #[derive(Copy)]
    pub struct CountRestriction<'a> (cx: ValueContext) {
        /// Count.
        pub count: u32,
        /// SubRestriction.
        pub sub_restriction: RestrictionRef<'a> = ctx(cx),
    }
}

/// A restriction (MS-OXCDATA 2.12): RestrictType, then the structure it
/// names. The context gives the width of And/Or counts and of the counts
/// inside property values.
///
/// ```
/// use mapi_wire::data::{PropertyTag, Restriction, ValueContext};
/// use mapi_wire::wire::{Decode, Encode};
///
/// // And(Exist(PidTagSubject), Not(Exist(PidTagBody))) in ROP form.
/// let bytes = [
///     0x00, 0x02, 0x00,
///     0x08, 0x1F, 0x00, 0x37, 0x00,
///     0x02, 0x08, 0x1F, 0x00, 0x00, 0x10,
/// ];
/// let (r, _) = Restriction::decode_with(&bytes, ValueContext::Rop).unwrap();
/// let Restriction::And(and) = &r else { panic!() };
/// let children: Vec<_> = and.restricts.iter().collect();
/// assert_eq!(children.len(), 2);
/// assert!(matches!(&children[0], Restriction::Exist(e) if e.property_tag == PropertyTag(0x0037_001F)));
/// assert_eq!(r.to_vec_with(ValueContext::Rop).unwrap(), bytes);
/// ```
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "restrict_type"))]
pub enum Restriction<'a> {
    /// 0x00 AndRestriction.
    #[cfg_attr(feature = "serde", serde(rename = "AndRestriction"))]
    And(AndRestriction<'a>),
    /// 0x01 OrRestriction.
    #[cfg_attr(feature = "serde", serde(rename = "OrRestriction"))]
    Or(OrRestriction<'a>),
    /// 0x02 NotRestriction.
    #[cfg_attr(feature = "serde", serde(rename = "NotRestriction"))]
    Not(NotRestriction<'a>),
    /// 0x03 ContentRestriction.
    #[cfg_attr(feature = "serde", serde(rename = "ContentRestriction"))]
    Content(ContentRestriction<'a>),
    /// 0x04 PropertyRestriction.
    #[cfg_attr(feature = "serde", serde(rename = "PropertyRestriction"))]
    Property(PropertyRestriction<'a>),
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
    SubObject(SubObjectRestriction<'a>),
    /// 0x0A CommentRestriction.
    #[cfg_attr(feature = "serde", serde(rename = "CommentRestriction"))]
    Comment(CommentRestriction<'a>),
    /// 0x0B CountRestriction.
    #[cfg_attr(feature = "serde", serde(rename = "CountRestriction"))]
    Count(CountRestriction<'a>),
}

impl Restriction<'_> {
    /// The RestrictType byte.
    pub const fn restrict_type(&self) -> RestrictType {
        match self {
            Restriction::And(_) => RestrictType::AND,
            Restriction::Or(_) => RestrictType::OR,
            Restriction::Not(_) => RestrictType::NOT,
            Restriction::Content(_) => RestrictType::CONTENT,
            Restriction::Property(_) => RestrictType::PROPERTY,
            Restriction::CompareProperties(_) => RestrictType::COMPARE_PROPERTIES,
            Restriction::BitMask(_) => RestrictType::BIT_MASK,
            Restriction::Size(_) => RestrictType::SIZE,
            Restriction::Exist(_) => RestrictType::EXIST,
            Restriction::SubObject(_) => RestrictType::SUB_OBJECT,
            Restriction::Comment(_) => RestrictType::COMMENT,
            Restriction::Count(_) => RestrictType::COUNT,
        }
    }
}

impl<'a> Decode<'a> for Restriction<'a> {
    type Ctx = ValueContext;
    const NAME: &'static str = "Restriction";
    const MIN_LEN: usize = 1;

    fn decode_from(r: &mut Reader<'a>, cx: ValueContext) -> Result<Self, Error> {
        r.nested(|r| {
            let t = RestrictType::decode_from(r, ()).in_field("restrict_type")?;
            Ok(match t {
                RestrictType::AND => Restriction::And(AndRestriction::decode_from(r, cx)?),
                RestrictType::OR => Restriction::Or(OrRestriction::decode_from(r, cx)?),
                RestrictType::NOT => Restriction::Not(NotRestriction::decode_from(r, cx)?),
                RestrictType::CONTENT => {
                    Restriction::Content(ContentRestriction::decode_from(r, cx)?)
                }
                RestrictType::PROPERTY => {
                    Restriction::Property(PropertyRestriction::decode_from(r, cx)?)
                }
                RestrictType::COMPARE_PROPERTIES => Restriction::CompareProperties(
                    ComparePropertiesRestriction::decode_from(r, ())?,
                ),
                RestrictType::BIT_MASK => {
                    Restriction::BitMask(BitMaskRestriction::decode_from(r, ())?)
                }
                RestrictType::SIZE => Restriction::Size(SizeRestriction::decode_from(r, ())?),
                RestrictType::EXIST => Restriction::Exist(ExistRestriction::decode_from(r, ())?),
                RestrictType::SUB_OBJECT => {
                    Restriction::SubObject(SubObjectRestriction::decode_from(r, cx)?)
                }
                RestrictType::COMMENT => {
                    Restriction::Comment(CommentRestriction::decode_from(r, cx)?)
                }
                RestrictType::COUNT => Restriction::Count(CountRestriction::decode_from(r, cx)?),
                RestrictType(other) => {
                    return Err(r.invalid(u64::from(other), 1).in_field("restrict_type"));
                }
            })
        })
    }
}

impl Encode for Restriction<'_> {
    type Ctx = ValueContext;

    fn encoded_len_with(&self, cx: ValueContext) -> usize {
        // Saturates only for built trees no sink could hold.
        1usize.saturating_add(match self {
            Restriction::And(v) => v.encoded_len_with(cx),
            Restriction::Or(v) => v.encoded_len_with(cx),
            Restriction::Not(v) => v.encoded_len_with(cx),
            Restriction::Content(v) => v.encoded_len_with(cx),
            Restriction::Property(v) => v.encoded_len_with(cx),
            Restriction::CompareProperties(v) => v.encoded_len_with(()),
            Restriction::BitMask(v) => v.encoded_len_with(()),
            Restriction::Size(v) => v.encoded_len_with(()),
            Restriction::Exist(v) => v.encoded_len_with(()),
            Restriction::SubObject(v) => v.encoded_len_with(cx),
            Restriction::Comment(v) => v.encoded_len_with(cx),
            Restriction::Count(v) => v.encoded_len_with(cx),
        })
    }

    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, cx: ValueContext) -> Result<(), Error> {
        s.put_u8(self.restrict_type().0)?;
        match self {
            Restriction::And(v) => v.encode_with(s, cx),
            Restriction::Or(v) => v.encode_with(s, cx),
            Restriction::Not(v) => v.encode_with(s, cx),
            Restriction::Content(v) => v.encode_with(s, cx),
            Restriction::Property(v) => v.encode_with(s, cx),
            Restriction::CompareProperties(v) => v.encode_with(s, ()),
            Restriction::BitMask(v) => v.encode_with(s, ()),
            Restriction::Size(v) => v.encode_with(s, ()),
            Restriction::Exist(v) => v.encode_with(s, ()),
            Restriction::SubObject(v) => v.encode_with(s, cx),
            Restriction::Comment(v) => v.encode_with(s, cx),
            Restriction::Count(v) => v.encode_with(s, cx),
        }
    }
}
