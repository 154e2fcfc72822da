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
#[cfg(doc)]
use crate::wire::List;

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
        // OfficeDev/Interop-TestSuites (MS-OXORULE Restrictions.cs) numbers
        // its RelationalOperator enum implicitly, giving RELOP_MEMBER_OF_DL
        // 0x06 and omitting RELOP_RE; MAPI's mapidefs.h and gromox use
        // 0x64 for it and 0x06 for RELOP_RE, which is kept.
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

/// Declares one restriction tree (MS-OXCDATA 2.12): the lazy child
/// reference, the eight structures that nest or carry values, the enum of
/// the twelve types and their decoding and encoding. MS-OXCDATA's own tree
/// ([`Restriction`], in ROP and extended-rule form) and the GetMatches
/// Filter of MAPI/HTTP ([`AbRestriction`](crate::nspi::AbRestriction))
/// are two invocations; they differ only in their context, the value of
/// Property and Content restrictions, the width of And/Or counts and the
/// context of Comment values.
macro_rules! restriction_tree {
    (
        ctx: $Ctx:ty,
        value: $Value:ident,
        value_doc: $value_doc:literal,
        and_or_count: |$rc:ident| $rc_width:expr,
        count_doc: $count_doc:literal,
        comment_values: |$vc:ident| $vc_ctx:expr,
        same_bytes: |$sa:ident, $sb:ident| $same:expr,
        names: $R:ident, $Ref:ident, $List:ident, $And:ident, $Or:ident, $Not:ident,
            $Content:ident, $Property:ident, $SubObject:ident, $Comment:ident, $Count:ident;
        $(#[$ref_meta:meta])*
        ref;
        $(#[$enum_meta:meta])*
        enum;
    ) => {
        #[allow(unused_imports)]
        use $crate::wire::{Decode as _, Encode as _};

        /// The list of child restrictions of an And or Or restriction.
        pub type $List<'a> = $crate::wire::List<'a, $R<'a>>;

        #[derive(Clone, Copy)]
        enum RefRepr<'a> {
            Wire(&'a [u8], $Ctx),
            Tree(&'a $R<'a>),
        }

        $(#[$ref_meta])*
        #[derive(Clone, Copy)]
        pub struct $Ref<'a>(RefRepr<'a>);

        impl<'a> $Ref<'a> {
            /// A reference to a restriction built for encoding.
            pub const fn new(r: &'a $R<'a>) -> Self {
                $Ref(RefRepr::Tree(r))
            }

            /// The restriction. A decoded one is decoded again from bytes
            /// that were validated when it was first read, which cannot
            /// fail.
            pub fn get(&self) -> $R<'a> {
                match self.0 {
                    RefRepr::Tree(r) => r.clone(),
                    RefRepr::Wire(bytes, cx) => {
                        let mut r = $crate::wire::Reader::with_limits(
                            bytes,
                            $crate::wire::Limits::REVISIT,
                        );
                        match $R::decode_from(&mut r, cx) {
                            Ok(v) => v,
                            Err(_) => {
                                debug_assert!(false, "validated restriction failed to decode");
                                $R::And($And {
                                    restricts: $crate::wire::List::empty(),
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

            /// True when wire bytes read under `$sa` are what `$sb` writes.
            fn same_bytes($sa: $Ctx, $sb: $Ctx) -> bool {
                $same
            }
        }

        impl PartialEq for $Ref<'_> {
            fn eq(&self, other: &Self) -> bool {
                match (self.0, other.0) {
                    (RefRepr::Wire(a, ca), RefRepr::Wire(b, cb)) if ca == cb => a == b,
                    _ => self.get() == other.get(),
                }
            }
        }

        impl core::fmt::Debug for $Ref<'_> {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                core::fmt::Debug::fmt(&self.get(), f)
            }
        }

        impl<'a> $crate::wire::Decode<'a> for $Ref<'a> {
            type Ctx = $Ctx;
            const NAME: &'static str = "Restriction";
            const MIN_LEN: usize = 1;

            #[inline]
            fn decode_from(
                r: &mut $crate::wire::Reader<'a>,
                cx: $Ctx,
            ) -> Result<Self, $crate::wire::Error> {
                let start = r.peek_rest();
                let before = r.remaining();
                $R::decode_from(r, cx)?;
                // The reader only moves forward.
                let used = before.saturating_sub(r.remaining());
                Ok($Ref(RefRepr::Wire(start.get(..used).unwrap_or(&[]), cx)))
            }
        }

        impl $crate::wire::Encode for $Ref<'_> {
            type Ctx = $Ctx;

            fn encoded_len_with(&self, cx: $Ctx) -> usize {
                match self.0 {
                    RefRepr::Wire(b, wcx) if Self::same_bytes(wcx, cx) => b.len(),
                    RefRepr::Tree(t) => t.encoded_len_with(cx),
                    RefRepr::Wire(..) => self.get().encoded_len_with(cx),
                }
            }

            fn encode_with<S: $crate::wire::Sink + ?Sized>(
                &self,
                s: &mut S,
                cx: $Ctx,
            ) -> Result<(), $crate::wire::Error> {
                match self.0 {
                    RefRepr::Wire(b, wcx) if Self::same_bytes(wcx, cx) => s.put(b),
                    RefRepr::Tree(t) => t.encode_with(s, cx),
                    RefRepr::Wire(..) => self.get().encode_with(s, cx),
                }
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $Ref<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                self.get().serialize(s)
            }
        }

        $crate::wire_struct! {
            #[doc = concat!("AndRestriction (MS-OXCDATA 2.12.1): RestrictCount (", $count_doc, "), then that many restrictions.")]
            pub struct $And<'a> (cx: $Ctx) {
                /// Restricts, preceded by RestrictCount.
                pub restricts: $List<'a> = ctx(($crate::wire::Count::Prefix({ let $rc = cx; $rc_width }), cx)),
            }
        }

        $crate::wire_struct! {
            #[doc = concat!("OrRestriction (MS-OXCDATA 2.12.2): RestrictCount (", $count_doc, "), then that many restrictions.")]
            pub struct $Or<'a> (cx: $Ctx) {
                /// Restricts, preceded by RestrictCount.
                pub restricts: $List<'a> = ctx(($crate::wire::Count::Prefix({ let $rc = cx; $rc_width }), cx)),
            }
        }

        $crate::wire_struct! {
            /// NotRestriction (MS-OXCDATA 2.12.3): one restriction.
            #[derive(Copy)]
            pub struct $Not<'a> (cx: $Ctx) {
                /// Restriction.
                pub restriction: $Ref<'a> = ctx(cx),
            }
        }

        $crate::wire_struct! {
            #[doc = concat!("ContentRestriction (MS-OXCDATA 2.12.4); its TaggedValue is ", $value_doc, ".")]
            #[derive(Copy)]
            pub struct $Content<'a> (cx: $Ctx) {
                /// FuzzyLevelLow.
                pub fuzzy_level_low: FuzzyLevelLow,
                /// FuzzyLevelHigh.
                pub fuzzy_level_high: FuzzyLevelHigh,
                /// PropertyTag: the property searched.
                pub property_tag: PropertyTag,
                /// TaggedValue: the value searched for.
                pub tagged_value: $Value<'a> = ctx(cx),
            }
        }

        $crate::wire_struct! {
            #[doc = concat!("PropertyRestriction (MS-OXCDATA 2.12.5); its TaggedValue is ", $value_doc, ".")]
            #[derive(Copy)]
            pub struct $Property<'a> (cx: $Ctx) {
                /// RelOp.
                pub relop: RelOp,
                /// PropTag: the property compared.
                pub property_tag: PropertyTag,
                /// TaggedValue: the value compared with.
                pub tagged_value: $Value<'a> = ctx(cx),
            }
        }

        $crate::wire_struct! {
            /// SubObjectRestriction (MS-OXCDATA 2.12.10): a restriction
            /// applied to the recipients (PidTagMessageRecipients,
            /// 0x0E12000D) or attachments (PidTagMessageAttachments,
            /// 0x0E13000D) of a message.
            #[derive(Copy)]
            pub struct $SubObject<'a> (cx: $Ctx) {
                /// Subobject.
                pub subobject: PropertyTag,
                /// Restriction.
                pub restriction: $Ref<'a> = ctx(cx),
            }
        }

        $crate::wire_struct! {
            /// CommentRestriction (MS-OXCDATA 2.12.11): TaggedValuesCount
            /// (1 byte), TaggedValues (MS-OXCDATA TaggedPropertyValues),
            /// RestrictionPresent (1 byte), and the restriction when
            /// RestrictionPresent is not zero. The byte is kept as sent.
            pub struct $Comment<'a> (cx: $Ctx) {
                /// TaggedValues, preceded by TaggedValuesCount.
                pub tagged_values: $crate::wire::List<'a, TaggedPropertyValue<'a>> =
                    ctx(($crate::wire::Count::Prefix($crate::wire::Width::U8), { let $vc = cx; $vc_ctx })),
                /// RestrictionPresent: 0x01 (TRUE) or 0x00 (FALSE).
                pub restriction_present: u8,
                /// Restriction, present when RestrictionPresent is not zero.
                pub restriction: Option<$Ref<'a>> = when(*restriction_present != 0) ctx(cx),
            }
        }

        $crate::wire_struct! {
            /// CountRestriction (MS-OXCDATA 2.12.12): limits the number of
            /// matches.
            #[derive(Copy)]
            pub struct $Count<'a> (cx: $Ctx) {
                /// Count.
                pub count: u32,
                /// SubRestriction.
                pub sub_restriction: $Ref<'a> = ctx(cx),
            }
        }

        $(#[$enum_meta])*
        #[derive(Clone, Debug, PartialEq)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize))]
        #[cfg_attr(feature = "serde", serde(tag = "restrict_type"))]
        pub enum $R<'a> {
            /// 0x00 AndRestriction.
            #[cfg_attr(feature = "serde", serde(rename = "AndRestriction"))]
            And($And<'a>),
            /// 0x01 OrRestriction.
            #[cfg_attr(feature = "serde", serde(rename = "OrRestriction"))]
            Or($Or<'a>),
            /// 0x02 NotRestriction.
            #[cfg_attr(feature = "serde", serde(rename = "NotRestriction"))]
            Not($Not<'a>),
            /// 0x03 ContentRestriction.
            #[cfg_attr(feature = "serde", serde(rename = "ContentRestriction"))]
            Content($Content<'a>),
            /// 0x04 PropertyRestriction.
            #[cfg_attr(feature = "serde", serde(rename = "PropertyRestriction"))]
            Property($Property<'a>),
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
            SubObject($SubObject<'a>),
            /// 0x0A CommentRestriction.
            #[cfg_attr(feature = "serde", serde(rename = "CommentRestriction"))]
            Comment($Comment<'a>),
            /// 0x0B CountRestriction.
            #[cfg_attr(feature = "serde", serde(rename = "CountRestriction"))]
            Count($Count<'a>),
        }

        impl $R<'_> {
            /// The RestrictType byte.
            pub const fn restrict_type(&self) -> RestrictType {
                match self {
                    $R::And(_) => RestrictType::AND,
                    $R::Or(_) => RestrictType::OR,
                    $R::Not(_) => RestrictType::NOT,
                    $R::Content(_) => RestrictType::CONTENT,
                    $R::Property(_) => RestrictType::PROPERTY,
                    $R::CompareProperties(_) => RestrictType::COMPARE_PROPERTIES,
                    $R::BitMask(_) => RestrictType::BIT_MASK,
                    $R::Size(_) => RestrictType::SIZE,
                    $R::Exist(_) => RestrictType::EXIST,
                    $R::SubObject(_) => RestrictType::SUB_OBJECT,
                    $R::Comment(_) => RestrictType::COMMENT,
                    $R::Count(_) => RestrictType::COUNT,
                }
            }
        }

        impl<'a> $crate::wire::Decode<'a> for $R<'a> {
            type Ctx = $Ctx;
            const NAME: &'static str = "Restriction";
            const MIN_LEN: usize = 1;

            fn decode_from(
                r: &mut $crate::wire::Reader<'a>,
                cx: $Ctx,
            ) -> Result<Self, $crate::wire::Error> {
                use $crate::wire::ResultExt;
                r.nested(|r| {
                    let t = RestrictType::decode_from(r, ()).in_field("restrict_type")?;
                    Ok(match t {
                        RestrictType::AND => $R::And($And::decode_from(r, cx)?),
                        RestrictType::OR => $R::Or($Or::decode_from(r, cx)?),
                        RestrictType::NOT => $R::Not($Not::decode_from(r, cx)?),
                        RestrictType::CONTENT => $R::Content($Content::decode_from(r, cx)?),
                        RestrictType::PROPERTY => $R::Property($Property::decode_from(r, cx)?),
                        RestrictType::COMPARE_PROPERTIES => {
                            $R::CompareProperties(ComparePropertiesRestriction::decode_from(r, ())?)
                        }
                        RestrictType::BIT_MASK => $R::BitMask(BitMaskRestriction::decode_from(r, ())?),
                        RestrictType::SIZE => $R::Size(SizeRestriction::decode_from(r, ())?),
                        RestrictType::EXIST => $R::Exist(ExistRestriction::decode_from(r, ())?),
                        RestrictType::SUB_OBJECT => $R::SubObject($SubObject::decode_from(r, cx)?),
                        RestrictType::COMMENT => $R::Comment($Comment::decode_from(r, cx)?),
                        RestrictType::COUNT => $R::Count($Count::decode_from(r, cx)?),
                        RestrictType(other) => {
                            return Err(r.invalid(u64::from(other), 1).in_field("restrict_type"));
                        }
                    })
                })
            }
        }

        impl $crate::wire::Encode for $R<'_> {
            type Ctx = $Ctx;

            fn encoded_len_with(&self, cx: $Ctx) -> usize {
                // Saturates only for built trees no sink could hold.
                1usize.saturating_add(match self {
                    $R::And(v) => v.encoded_len_with(cx),
                    $R::Or(v) => v.encoded_len_with(cx),
                    $R::Not(v) => v.encoded_len_with(cx),
                    $R::Content(v) => v.encoded_len_with(cx),
                    $R::Property(v) => v.encoded_len_with(cx),
                    $R::CompareProperties(v) => v.encoded_len_with(()),
                    $R::BitMask(v) => v.encoded_len_with(()),
                    $R::Size(v) => v.encoded_len_with(()),
                    $R::Exist(v) => v.encoded_len_with(()),
                    $R::SubObject(v) => v.encoded_len_with(cx),
                    $R::Comment(v) => v.encoded_len_with(cx),
                    $R::Count(v) => v.encoded_len_with(cx),
                })
            }

            fn encode_with<S: $crate::wire::Sink + ?Sized>(
                &self,
                s: &mut S,
                cx: $Ctx,
            ) -> Result<(), $crate::wire::Error> {
                s.put_u8(self.restrict_type().0)?;
                match self {
                    $R::And(v) => v.encode_with(s, cx),
                    $R::Or(v) => v.encode_with(s, cx),
                    $R::Not(v) => v.encode_with(s, cx),
                    $R::Content(v) => v.encode_with(s, cx),
                    $R::Property(v) => v.encode_with(s, cx),
                    $R::CompareProperties(v) => v.encode_with(s, ()),
                    $R::BitMask(v) => v.encode_with(s, ()),
                    $R::Size(v) => v.encode_with(s, ()),
                    $R::Exist(v) => v.encode_with(s, ()),
                    $R::SubObject(v) => v.encode_with(s, cx),
                    $R::Comment(v) => v.encode_with(s, cx),
                    $R::Count(v) => v.encode_with(s, cx),
                }
            }
        }
    };
}

pub(crate) use restriction_tree;

restriction_tree! {
    ctx: ValueContext,
    value: TaggedPropertyValue,
    value_doc: "an MS-OXCDATA TaggedPropertyValue",
    and_or_count: |cx| cx.restriction_count(),
    count_doc: "a COUNT: 2 bytes in ROPs, 4 in extended rules",
    comment_values: |cx| cx,
    same_bytes: |a, b| a == b,
    names: Restriction, RestrictionRef, Restrictions, AndRestriction, OrRestriction,
        NotRestriction, ContentRestriction, PropertyRestriction, SubObjectRestriction,
        CommentRestriction, CountRestriction;
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
    ref;
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
    enum;
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
