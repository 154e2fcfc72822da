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
use crate::wire::{Decode, Encode, Error, ErrorKind, Reader, ResultExt, Sink, Width};

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

crate::data::restriction_tree! {
    ctx: AbContext,
    value: FilterValue,
    value_doc: "a [`FilterValue`]",
    and_or_count: |_cx| Width::U32,
    count_doc: "4 bytes",
    comment_values: |_cx| ValueContext::Extended,
    same_bytes: |a, b| a.element_flags == b.element_flags,
    names: AbRestriction, AbRestrictionRef, AbRestrictions, AbAndRestriction, AbOrRestriction,
        AbNotRestriction, AbContentRestriction, AbPropertyRestriction, AbSubObjectRestriction,
        AbCommentRestriction, AbCountRestriction;
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
    ref;
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
    enum;
}
