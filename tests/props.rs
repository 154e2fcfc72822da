//! Property tests: generated values survive encode→decode unchanged;
//! decodable bytes survive decode→encode unchanged; no input, however
//! arbitrary, makes a decoder panic; every strict prefix of an encoding
//! fails to decode.
//!
//! Generated values borrow leaked storage so that the borrowed wire types
//! can be built freely inside strategies.

use mapi_wire::data::*;
use mapi_wire::wire::{Array, Bytes, Decode, Encode, List, Reader, Rest};
use proptest::prelude::*;

fn leak<T>(v: Vec<T>) -> &'static [T] {
    Box::leak(v.into_boxed_slice())
}

fn leak_str(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// Checks encode→decode identity, `encoded_len`, and that every strict
/// prefix of the encoding fails.
fn check<'a, T>(v: &T, cx: <T as Decode<'a>>::Ctx) -> Result<(), TestCaseError>
where
    T: Decode<'a> + Encode<Ctx = <T as Decode<'a>>::Ctx> + PartialEq + std::fmt::Debug,
{
    let bytes: &'a [u8] = leak(
        v.to_vec_with(cx)
            .map_err(|e| TestCaseError::fail(e.to_string()))?,
    );
    prop_assert_eq!(v.encoded_len_with(cx), bytes.len());
    let back = T::decode_exact(bytes, cx).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(&back, v);
    // The decoded value re-encodes to the same bytes.
    prop_assert_eq!(back.to_vec_with(cx).unwrap(), bytes);
    for n in 0..bytes.len() {
        let mut r = Reader::new(&bytes[..n]);
        prop_assert!(T::decode_from(&mut r, cx).is_err(), "prefix {} decoded", n);
    }
    Ok(())
}

/// Decodes arbitrary bytes; when that succeeds, the consumed bytes must
/// re-encode identically.
fn no_panic<'a, T>(bytes: &'a [u8], cx: <T as Decode<'a>>::Ctx) -> Result<(), TestCaseError>
where
    T: Decode<'a> + Encode<Ctx = <T as Decode<'a>>::Ctx> + std::fmt::Debug,
{
    if let Ok((v, rest)) = T::decode_with(bytes, cx) {
        let used = &bytes[..bytes.len() - rest.len()];
        prop_assert_eq!(v.to_vec_with(cx).unwrap(), used);
        prop_assert_eq!(v.encoded_len_with(cx), used.len());
    }
    Ok(())
}

fn value_cx() -> impl Strategy<Value = ValueContext> {
    prop_oneof![Just(ValueContext::Rop), Just(ValueContext::Extended)]
}

fn utf16() -> impl Strategy<Value = Utf16Str<'static>> {
    prop_oneof![
        "[^\u{0}]{0,12}".prop_map(|s| Utf16Str::from_str(leak_str(s))),
        // Arbitrary code units without 0x0000, unpaired surrogates included.
        prop::collection::vec(1u16..=u16::MAX, 0..8).prop_map(|u| {
            let b: Vec<u8> = u.iter().flat_map(|c| c.to_le_bytes()).collect();
            Utf16Str::from_wire(leak(b)).unwrap()
        }),
    ]
}

fn string8() -> impl Strategy<Value = String8<'static>> {
    prop::collection::vec(1u8..=255, 0..12).prop_map(|b| String8::new(leak(b)).unwrap())
}

fn bytes(max: usize) -> impl Strategy<Value = Bytes<'static>> {
    prop::collection::vec(any::<u8>(), 0..max).prop_map(|b| Bytes(leak(b)))
}

fn finite_f64() -> impl Strategy<Value = f64> {
    any::<f64>().prop_filter("NaN is not equal to itself", |f| !f.is_nan())
}

fn finite_f32() -> impl Strategy<Value = f32> {
    any::<f32>().prop_filter("NaN is not equal to itself", |f| !f.is_nan())
}

fn array<T: mapi_wire::wire::Fixed + std::fmt::Debug + 'static>(
    s: impl Strategy<Value = T>,
) -> impl Strategy<Value = Array<'static, T>> {
    prop::collection::vec(s, 0..5).prop_map(|v| Array::from_slice(leak(v)))
}

fn guid() -> impl Strategy<Value = Guid> {
    any::<[u8; 16]>().prop_map(Guid)
}

fn server_id() -> impl Strategy<Value = ServerId<'static>> {
    prop_oneof![
        (any::<[u8; 8]>(), any::<[u8; 8]>(), any::<u32>()).prop_map(|(f, m, i)| {
            ServerId::Ours(ServerIdOurs {
                folder_id: FolderId(f),
                message_id: MessageId(m),
                instance: i,
            })
        }),
        // Anything that is not exactly Ours = 1 with 20 more bytes.
        prop::collection::vec(any::<u8>(), 0..24)
            .prop_filter("not the Ours form", |b| !(b.len() == 21 && b[0] == 1))
            .prop_map(|b| ServerId::Other(Bytes(leak(b)))),
    ]
}

fn action_block() -> impl Strategy<Value = ActionBlock<'static>> {
    (any::<u8>(), any::<u32>(), any::<u32>(), bytes(8)).prop_map(|(t, fl, fg, d)| ActionBlock {
        action_type: ActionType(t),
        action_flavor: fl,
        action_flags: fg,
        action_data: Rest(d.0),
    })
}

fn rule_action() -> impl Strategy<Value = RuleAction<'static>> {
    prop::collection::vec(action_block(), 0..3).prop_map(|v| RuleAction {
        action_blocks: List::from_slice(leak(v)),
    })
}

/// Every value type except PtypRestriction (see `restriction()`), which is
/// mutually recursive with values.
fn leaf_value() -> impl Strategy<Value = PropertyValue<'static>> {
    use PropertyValue as V;
    prop_oneof![
        Just(V::Null),
        any::<i16>().prop_map(V::Integer16),
        any::<i32>().prop_map(V::Integer32),
        finite_f32().prop_map(V::Floating32),
        finite_f64().prop_map(V::Floating64),
        any::<i64>().prop_map(V::Currency),
        finite_f64().prop_map(V::FloatingTime),
        any::<u32>().prop_map(|c| V::ErrorCode(ErrorCode(c))),
        any::<bool>().prop_map(V::Boolean),
        bytes(6).prop_map(V::Object),
        any::<i64>().prop_map(V::Integer64),
        string8().prop_map(V::String8),
        utf16().prop_map(V::String),
        any::<u64>().prop_map(|t| V::Time(FileTime(t))),
        guid().prop_map(V::Guid),
        server_id().prop_map(V::ServerId),
        rule_action().prop_map(V::RuleAction),
        bytes(10).prop_map(V::Binary),
        array(any::<i16>()).prop_map(V::MultipleInteger16),
        array(any::<i32>()).prop_map(V::MultipleInteger32),
        array(finite_f32()).prop_map(V::MultipleFloating32),
        array(finite_f64()).prop_map(V::MultipleFloating64),
        array(any::<i64>()).prop_map(V::MultipleCurrency),
        array(finite_f64()).prop_map(V::MultipleFloatingTime),
        array(any::<i64>()).prop_map(V::MultipleInteger64),
        prop::collection::vec(string8(), 0..4)
            .prop_map(|v| V::MultipleString8(List::from_slice(leak(v)))),
        prop::collection::vec(utf16(), 0..4)
            .prop_map(|v| V::MultipleString(List::from_slice(leak(v)))),
        array(any::<u64>().prop_map(FileTime)).prop_map(V::MultipleTime),
        array(guid()).prop_map(V::MultipleGuid),
        prop::collection::vec(bytes(5), 0..4)
            .prop_map(|v| V::MultipleBinary(List::from_slice(leak(v)))),
    ]
}

fn tag_for(v: &PropertyValue<'_>) -> impl Strategy<Value = PropertyTag> + use<> {
    let ty = v.property_type();
    any::<u16>().prop_map(move |id| PropertyTag::new(id, ty))
}

fn tagged(
    value: BoxedStrategy<PropertyValue<'static>>,
) -> BoxedStrategy<TaggedPropertyValue<'static>> {
    value
        .prop_flat_map(|v| {
            tag_for(&v).prop_map(move |t| TaggedPropertyValue {
                property_tag: t,
                property_value: v,
            })
        })
        .boxed()
}

fn restriction() -> impl Strategy<Value = Restriction<'static>> {
    let tag = any::<u32>().prop_map(PropertyTag);
    let leaf = prop_oneof![
        (any::<u8>(), tag.clone(), tag.clone()).prop_map(|(o, a, b)| {
            Restriction::CompareProperties(ComparePropertiesRestriction {
                relop: RelOp(o),
                property_tag1: a,
                property_tag2: b,
            })
        }),
        (any::<u8>(), tag.clone(), any::<u32>()).prop_map(|(o, t, m)| {
            Restriction::BitMask(BitMaskRestriction {
                bitmap_relop: BitmapRelOp(o),
                property_tag: t,
                mask: m,
            })
        }),
        (any::<u8>(), tag.clone(), any::<u32>()).prop_map(|(o, t, s)| {
            Restriction::Size(SizeRestriction {
                relop: RelOp(o),
                property_tag: t,
                size: s,
            })
        }),
        tag.clone()
            .prop_map(|t| Restriction::Exist(ExistRestriction { property_tag: t })),
        (
            any::<u16>(),
            any::<u16>(),
            tag.clone(),
            tagged(leaf_value().boxed())
        )
            .prop_map(|(lo, hi, t, v)| {
                Restriction::Content(ContentRestriction {
                    fuzzy_level_low: FuzzyLevelLow(lo),
                    fuzzy_level_high: FuzzyLevelHigh::from_bits_retain(hi),
                    property_tag: t,
                    tagged_value: v,
                })
            }),
        (any::<u8>(), tag.clone(), tagged(leaf_value().boxed())).prop_map(|(o, t, v)| {
            Restriction::Property(PropertyRestriction {
                relop: RelOp(o),
                property_tag: t,
                tagged_value: v,
            })
        }),
    ];
    leaf.prop_recursive(4, 24, 4, move |inner| {
        let child = inner
            .clone()
            .prop_map(|r| RestrictionRef::new(Box::leak(Box::new(r))));
        let tag = any::<u32>().prop_map(PropertyTag);
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(|v| Restriction::And(
                AndRestriction {
                    restricts: List::from_slice(leak(v))
                }
            )),
            prop::collection::vec(inner.clone(), 0..4).prop_map(|v| Restriction::Or(
                OrRestriction {
                    restricts: List::from_slice(leak(v))
                }
            )),
            child
                .clone()
                .prop_map(|c| Restriction::Not(NotRestriction { restriction: c })),
            (tag, child.clone()).prop_map(|(t, c)| Restriction::SubObject(SubObjectRestriction {
                subobject: t,
                restriction: c,
            })),
            (any::<u32>(), child.clone()).prop_map(|(n, c)| Restriction::Count(CountRestriction {
                count: n,
                sub_restriction: c
            })),
            (
                prop::collection::vec(tagged(leaf_value().boxed()), 0..3),
                1u8..=255,
                prop::option::of(child.clone()),
            )
                .prop_map(|(vals, present, c)| Restriction::Comment(
                    CommentRestriction {
                        tagged_values: List::from_slice(leak(vals)),
                        restriction_present: if c.is_some() { present } else { 0 },
                        restriction: c,
                    }
                )),
            // A PtypRestriction value inside a PropertyRestriction.
            (any::<u16>(), child).prop_map(|(id, c)| {
                Restriction::Property(PropertyRestriction {
                    relop: RelOp::EQ,
                    property_tag: PropertyTag::new(id, PropertyType::RESTRICTION),
                    tagged_value: TaggedPropertyValue::new(id, PropertyValue::Restriction(c)),
                })
            }),
        ]
    })
}

/// Columns and a row over them.
fn row() -> impl Strategy<Value = (Array<'static, PropertyTag>, PropertyRow<'static>)> {
    let cell = (leaf_value(), any::<bool>(), 0u8..4, any::<u32>());
    (prop::collection::vec(cell, 0..6), any::<bool>()).prop_map(|(cells, flagged)| {
        let mut tags = Vec::new();
        let mut std_cells = Vec::new();
        let mut flag_cells = Vec::new();
        for (i, (v, unspecified, kind, code)) in cells.into_iter().enumerate() {
            let ty = if unspecified {
                PropertyType::UNSPECIFIED
            } else {
                v.property_type()
            };
            tags.push(PropertyTag::new(i as u16, ty));
            if unspecified {
                std_cells.push(StandardValue::Typed(TypedPropertyValue::new(v)));
                let fv = match kind {
                    0 => FlaggedPropertyValue::NotPresent,
                    1 => FlaggedPropertyValue::Error(ErrorCode(code)),
                    _ => FlaggedPropertyValue::Value(v),
                };
                flag_cells.push(FlaggedValue::Typed(FlaggedPropertyValueWithType {
                    property_type: v.property_type(),
                    flagged_value: fv,
                }));
            } else {
                std_cells.push(StandardValue::Value(v));
                flag_cells.push(FlaggedValue::Value(match kind {
                    0 => FlaggedPropertyValue::NotPresent,
                    1 => FlaggedPropertyValue::Error(ErrorCode(code)),
                    _ => FlaggedPropertyValue::Value(v),
                }));
            }
        }
        let row = if flagged {
            PropertyRow::Flagged(flag_cells)
        } else {
            PropertyRow::Standard(std_cells)
        };
        (Array::from_slice(leak(tags)), row)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn values_round_trip(v in leaf_value(), cx in value_cx()) {
        check(&v, (v.property_type(), cx))?;
    }

    #[test]
    fn tagged_values_round_trip(v in tagged(leaf_value().boxed()), cx in value_cx()) {
        check(&v, cx)?;
        check(&TypedPropertyValue::new(v.property_value), cx)?;
    }

    #[test]
    fn flagged_values_round_trip(v in leaf_value(), kind in 0u8..3, code in any::<u32>(), cx in value_cx()) {
        let f = match kind {
            0 => FlaggedPropertyValue::NotPresent,
            1 => FlaggedPropertyValue::Error(ErrorCode(code)),
            _ => FlaggedPropertyValue::Value(v),
        };
        check(&f, (v.property_type(), cx))?;
        check(&FlaggedPropertyValueWithType { property_type: v.property_type(), flagged_value: f }, cx)?;
    }

    #[test]
    fn restrictions_round_trip(r in restriction(), cx in value_cx()) {
        check(&r, cx)?;
    }

    #[test]
    fn rows_round_trip((cols, row) in row(), n in 0usize..4) {
        let cx = RowContext::rop(cols);
        check(&row, cx)?;
        let set = PropertyRowSet { rows: vec![row; n] };
        check(&set, cx)?;
        // The allocation-free walk consumes exactly the same bytes.
        let bytes = set.to_vec_with(cx).unwrap();
        let mut r = Reader::new(&bytes);
        prop_assert_eq!(skip_row_set(&mut r, cx).unwrap(), n);
        prop_assert!(r.is_empty());
    }

    #[test]
    fn small_structures_round_trip(
        t in any::<u32>(), o in any::<u8>(), idx in any::<u16>(), code in any::<u32>(),
        n in 0usize..4, s8 in string8(), s16 in utf16(), st in 0u8..5,
    ) {
        let order = SortOrder { property_tag: PropertyTag(t), order: Order(o) };
        check(&order, ())?;
        let orders = leak(vec![order; n]);
        check(&SortOrderSet::new(orders, idx, code as u16), ())?;
        let p = PropertyProblem { index: idx, property_tag: PropertyTag(t), error_code: ErrorCode(code) };
        check(&p, ())?;
        check(&PropertyProblemArray { problems: Array::from_slice(leak(vec![p; n])) }, ())?;
        check(&PropertyTagArray { property_tags: Array::from_slice(leak(vec![PropertyTag(t); n])) }, ())?;
        let ts = match st {
            0 => TypedString::NoString,
            1 => TypedString::Empty,
            2 => TypedString::String8(s8),
            3 => TypedString::ReducedUnicode(s8),
            _ => TypedString::Unicode(s16),
        };
        check(&ts, ())?;
        check(&ErrorCode(code), ())?;
        check(&Guid::from_fields(code, idx, idx, [o; 8]), ())?;
    }

    #[test]
    fn arbitrary_bytes_never_panic(data in prop::collection::vec(any::<u8>(), 0..96), ty in any::<u16>(), cx in value_cx()) {
        let data = leak(data);
        no_panic::<PropertyValue<'_>>(data, (PropertyType(ty), cx))?;
        no_panic::<TaggedPropertyValue<'_>>(data, cx)?;
        no_panic::<TypedPropertyValue<'_>>(data, cx)?;
        no_panic::<FlaggedPropertyValueWithType<'_>>(data, cx)?;
        no_panic::<FlaggedPropertyValue<'_>>(data, (PropertyType(ty), cx))?;
        no_panic::<Restriction<'_>>(data, cx)?;
        no_panic::<TypedString<'_>>(data, ())?;
        no_panic::<SortOrderSet<'_>>(data, ())?;
        no_panic::<PropertyProblemArray<'_>>(data, ())?;
        no_panic::<RuleAction<'_>>(data, cx)?;
        let cols = leak(vec![
            PropertyTag::new(1, PropertyType(ty)),
            PropertyTag::new(2, PropertyType::UNSPECIFIED),
            PropertyTag::new(3, PropertyType::STRING),
        ]);
        let rcx = RowContext { columns: Array::from_slice(cols), values: cx };
        no_panic::<PropertyRowSet<'_>>(data, rcx)?;
        // The allocation-free skip accepts exactly what decode accepts, and
        // stops at the same byte.
        let mut r = Reader::new(data);
        let skipped = skip_row_set(&mut r, rcx).map(|_| r.remaining());
        let decoded = PropertyRowSet::decode_with(data, rcx).map(|(_, rest)| rest.len());
        prop_assert_eq!(skipped.is_ok(), decoded.is_ok());
        if let (Ok(a), Ok(b)) = (skipped, decoded) {
            prop_assert_eq!(a, b);
        }
    }

    #[test]
    fn arbitrary_restriction_bytes_never_panic(data in prop::collection::vec(0u8..16, 0..128)) {
        // Small byte values hit the restriction types and short counts often.
        let data = leak(data);
        no_panic::<Restriction<'_>>(data, ValueContext::Rop)?;
        no_panic::<Restriction<'_>>(data, ValueContext::Extended)?;
    }
}
