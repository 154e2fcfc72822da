//! `encoded_len_with` against what `encode_with` writes, for generated
//! values of every data type and for every ROP of the catalogue.
//!
//! The property (CONTRIBUTING: "`encoded_len_with` is exact"): whenever
//! encoding into a [`LenCounter`] succeeds, it counts exactly
//! `encoded_len_with` bytes, `to_vec_with` gives that many, a slice of that
//! size takes them and a slice one byte shorter is refused with
//! `SinkFull`; whenever it fails, the other sinks fail too.
//!
//! Values are generated in every representation the types have: built
//! from typed slices and Rust strings, decoded (the wire forms, which
//! re-encode from their bytes), and encoded in the other value context
//! than they were decoded in (which re-encodes element by element). Odd
//! constructions are included on purpose (counts that disagree with their
//! sequence, NULs inside strings, lengths that do not fit a 2-byte COUNT,
//! a value of the wrong type for its tag): encoding may fail on them, but
//! `encoded_len_with` must then not have promised otherwise. ROPs are
//! generated as bytes after each RopId of `rop::coverage`, so that ROPs
//! added to the catalogue later are covered without a change here.
//!
//! Every case is a construction.

use mapi_wire::data::*;
use mapi_wire::rop::*;
use mapi_wire::wire::{
    Array, Bytes, Count, Decode, Encode, ErrorKind, LenCounter, List, Rest, Width,
};
use proptest::prelude::*;
use std::fmt::Debug;

fn leak<T>(v: Vec<T>) -> &'static [T] {
    Box::leak(v.into_boxed_slice())
}

fn leak_str(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// 65,536 bytes: one more than a 2-byte COUNT can say (MS-OXCDATA 2.11.1.1).
static BIG: [u8; 0x1_0000] = [0x5A; 0x1_0000];

/// Checks the agreement for `v` under `cx`; returns whether it encoded.
fn agree<T: Encode + Debug>(v: &T, cx: T::Ctx) -> Result<bool, TestCaseError> {
    let mut counter = LenCounter::default();
    let counted = v.encode_with(&mut counter, cx);
    let len = v.encoded_len_with(cx);
    let vec = v.to_vec_with(cx);
    match counted {
        Ok(()) => {
            prop_assert_eq!(counter.0, len, "LenCounter vs encoded_len_with for {:?}", v);
            let bytes = vec.map_err(|e| TestCaseError::fail(format!("to_vec failed: {e}")))?;
            prop_assert_eq!(bytes.len(), len);
            let mut exact = vec![0u8; len];
            prop_assert_eq!(v.encode_to_slice_with(&mut exact, cx).ok(), Some(len));
            prop_assert_eq!(&exact, &bytes);
            if len > 0 {
                let mut short = vec![0u8; len - 1];
                let e = v.encode_to_slice_with(&mut short, cx).unwrap_err();
                prop_assert!(matches!(e.kind(), ErrorKind::SinkFull { .. }), "{}", e);
            }
            Ok(true)
        }
        Err(e) => {
            prop_assert!(vec.is_err(), "LenCounter failed ({}) but to_vec did not", e);
            let mut room = vec![0u8; len.min(1 << 20)];
            prop_assert!(v.encode_to_slice_with(&mut room, cx).is_err());
            Ok(false)
        }
    }
}

/// Decodes `bytes` as `T` in `cx` when it can.
fn decoded<'a, T: Decode<'a>>(bytes: &'a [u8], cx: T::Ctx) -> Option<T> {
    T::decode_exact(bytes, cx).ok()
}

const CONTEXTS: [ValueContext; 2] = [ValueContext::Rop, ValueContext::Extended];

// ---------------------------------------------------------------------------
// Generators.

fn value_cx() -> impl Strategy<Value = ValueContext> {
    prop_oneof![Just(ValueContext::Rop), Just(ValueContext::Extended)]
}

fn raw(max: usize) -> impl Strategy<Value = &'static [u8]> {
    prop::collection::vec(any::<u8>(), 0..max).prop_map(leak)
}

/// Byte strings, now and then too long for a 2-byte COUNT.
fn bytes() -> impl Strategy<Value = Bytes<'static>> {
    prop_oneof![
        8 => raw(12).prop_map(Bytes),
        1 => Just(Bytes(&BIG[..])),
        1 => Just(Bytes(&BIG[..0xFFFF])),
    ]
}

fn utf16() -> impl Strategy<Value = Utf16Str<'static>> {
    prop_oneof![
        // Rust strings, a NUL among them now and then (unencodable).
        ".{0,8}".prop_map(|s| Utf16Str::from_str(leak_str(s))),
        prop::collection::vec(1u16..=u16::MAX, 0..6).prop_map(|u| {
            let b: Vec<u8> = u.iter().flat_map(|c| c.to_le_bytes()).collect();
            Utf16Str::from_wire(leak(b)).unwrap()
        }),
    ]
}

fn string8() -> impl Strategy<Value = String8<'static>> {
    prop::collection::vec(1u8..=255, 0..10).prop_map(|b| String8::new(leak(b)).unwrap())
}

fn guid() -> impl Strategy<Value = Guid> {
    any::<[u8; 16]>().prop_map(Guid)
}

fn array<T: mapi_wire::wire::Fixed + Debug + 'static>(
    s: impl Strategy<Value = T>,
) -> impl Strategy<Value = Array<'static, T>> {
    prop::collection::vec(s, 0..5).prop_map(|v| Array::from_slice(leak(v)))
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
        // Any content, the 21-byte Ours lookalike included.
        bytes().prop_map(ServerId::Other),
    ]
}

fn action_block() -> impl Strategy<Value = ActionBlock<'static>> {
    (
        any::<u8>(),
        any::<u32>(),
        any::<u32>(),
        prop_oneof![9 => raw(8), 1 => Just(&BIG[..0xFFF7])],
    )
        .prop_map(|(t, fl, fg, d)| ActionBlock {
            action_type: ActionType(t),
            action_flavor: fl,
            action_flags: fg,
            action_data: Rest(d),
        })
}

fn rule_action() -> impl Strategy<Value = RuleAction<'static>> {
    prop::collection::vec(action_block(), 0..3).prop_map(|v| RuleAction {
        action_blocks: List::from_slice(leak(v)),
    })
}

fn leaf_value() -> impl Strategy<Value = PropertyValue<'static>> {
    use PropertyValue as V;
    prop_oneof![
        Just(V::Null),
        any::<i16>().prop_map(V::Integer16),
        any::<i32>().prop_map(V::Integer32),
        any::<f32>().prop_map(V::Floating32),
        any::<f64>().prop_map(V::Floating64),
        any::<i64>().prop_map(V::Currency),
        any::<f64>().prop_map(V::FloatingTime),
        any::<u32>().prop_map(|c| V::ErrorCode(ErrorCode(c))),
        any::<bool>().prop_map(V::Boolean),
        bytes().prop_map(V::Object),
        any::<i64>().prop_map(V::Integer64),
        string8().prop_map(V::String8),
        utf16().prop_map(V::String),
        any::<u64>().prop_map(|t| V::Time(FileTime(t))),
        guid().prop_map(V::Guid),
        server_id().prop_map(V::ServerId),
        rule_action().prop_map(V::RuleAction),
        bytes().prop_map(V::Binary),
        array(any::<i16>()).prop_map(V::MultipleInteger16),
        array(any::<i32>()).prop_map(V::MultipleInteger32),
        array(any::<f32>()).prop_map(V::MultipleFloating32),
        array(any::<f64>()).prop_map(V::MultipleFloating64),
        array(any::<i64>()).prop_map(V::MultipleCurrency),
        array(any::<f64>()).prop_map(V::MultipleFloatingTime),
        array(any::<i64>()).prop_map(V::MultipleInteger64),
        prop::collection::vec(string8(), 0..4)
            .prop_map(|v| V::MultipleString8(List::from_slice(leak(v)))),
        prop::collection::vec(utf16(), 0..4)
            .prop_map(|v| V::MultipleString(List::from_slice(leak(v)))),
        array(any::<u64>().prop_map(FileTime)).prop_map(V::MultipleTime),
        array(guid()).prop_map(V::MultipleGuid),
        prop::collection::vec(bytes(), 0..3)
            .prop_map(|v| V::MultipleBinary(List::from_slice(leak(v)))),
    ]
}

fn tag() -> impl Strategy<Value = PropertyTag> {
    any::<u32>().prop_map(PropertyTag)
}

/// A tagged value whose tag usually has the value's type, and sometimes
/// another (unencodable).
fn tagged(
    value: BoxedStrategy<PropertyValue<'static>>,
) -> BoxedStrategy<TaggedPropertyValue<'static>> {
    (
        value,
        any::<u16>(),
        prop::option::weighted(0.1, any::<u16>()),
    )
        .prop_map(|(v, id, other)| TaggedPropertyValue {
            property_tag: PropertyTag::new(id, other.map_or(v.property_type(), PropertyType)),
            property_value: v,
        })
        .boxed()
}

fn restriction() -> impl Strategy<Value = Restriction<'static>> {
    let leaf = prop_oneof![
        (any::<u8>(), tag(), tag()).prop_map(|(o, a, b)| {
            Restriction::CompareProperties(ComparePropertiesRestriction {
                relop: RelOp(o),
                property_tag1: a,
                property_tag2: b,
            })
        }),
        (any::<u8>(), tag(), any::<u32>()).prop_map(|(o, t, m)| {
            Restriction::BitMask(BitMaskRestriction {
                bitmap_relop: BitmapRelOp(o),
                property_tag: t,
                mask: m,
            })
        }),
        (any::<u8>(), tag(), any::<u32>()).prop_map(|(o, t, s)| {
            Restriction::Size(SizeRestriction {
                relop: RelOp(o),
                property_tag: t,
                size: s,
            })
        }),
        tag().prop_map(|t| Restriction::Exist(ExistRestriction { property_tag: t })),
        (
            any::<u16>(),
            any::<u16>(),
            tag(),
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
        (any::<u8>(), tag(), tagged(leaf_value().boxed())).prop_map(|(o, t, v)| {
            Restriction::Property(PropertyRestriction {
                relop: RelOp(o),
                property_tag: t,
                tagged_value: v,
            })
        }),
    ];
    leaf.prop_recursive(4, 24, 4, |inner| {
        let child = inner
            .clone()
            .prop_map(|r| RestrictionRef::new(Box::leak(Box::new(r))));
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
            (tag(), child.clone()).prop_map(|(t, c)| Restriction::SubObject(
                SubObjectRestriction {
                    subobject: t,
                    restriction: c,
                }
            )),
            (any::<u32>(), child.clone()).prop_map(|(n, c)| Restriction::Count(CountRestriction {
                count: n,
                sub_restriction: c,
            })),
            // RestrictionPresent may disagree with the restriction.
            (
                prop::collection::vec(tagged(leaf_value().boxed()), 0..3),
                any::<u8>(),
                prop::option::of(child.clone()),
            )
                .prop_map(|(vals, present, c)| Restriction::Comment(
                    CommentRestriction {
                        tagged_values: List::from_slice(leak(vals)),
                        restriction_present: present,
                        restriction: c,
                    }
                )),
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

/// Any value, PtypRestriction included.
fn value() -> impl Strategy<Value = PropertyValue<'static>> {
    prop_oneof![
        9 => leaf_value(),
        1 => restriction().prop_map(|r| PropertyValue::Restriction(RestrictionRef::new(Box::leak(Box::new(r))))),
    ]
}

/// Columns and a row over them (standard or flagged, with PtypUnspecified
/// and PtypNull columns), and now and then a column list that does not fit.
fn row() -> impl Strategy<Value = (&'static [PropertyTag], PropertyRow<'static>)> {
    let cell = (value(), any::<bool>(), 0u8..4, any::<u32>());
    (
        prop::collection::vec(cell, 0..5),
        any::<bool>(),
        prop::option::weighted(0.1, any::<u32>()),
    )
        .prop_map(|(cells, flagged, extra)| {
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
                let fv = match kind {
                    0 => FlaggedPropertyValue::NotPresent,
                    1 => FlaggedPropertyValue::Error(ErrorCode(code)),
                    _ => FlaggedPropertyValue::Value(v),
                };
                if unspecified {
                    std_cells.push(StandardValue::Typed(TypedPropertyValue::new(v)));
                    flag_cells.push(FlaggedValue::Typed(FlaggedPropertyValueWithType {
                        property_type: v.property_type(),
                        flagged_value: fv,
                    }));
                } else {
                    std_cells.push(StandardValue::Value(v));
                    flag_cells.push(FlaggedValue::Value(fv));
                }
            }
            if let Some(t) = extra {
                tags.push(PropertyTag(t));
            }
            let row = if flagged {
                PropertyRow::Flagged(flag_cells)
            } else {
                PropertyRow::Standard(std_cells)
            };
            (leak(tags), row)
        })
}

fn nul_string() -> impl Strategy<Value = NulString<'static>> {
    prop_oneof![
        utf16().prop_map(NulString::Utf16),
        string8().prop_map(NulString::String8)
    ]
}

/// A RecipientRowHeader whose optional fields follow its flags (MS-OXCDATA
/// 2.8.3.1), except now and then.
fn recipient_header() -> impl Strategy<Value = RecipientRowHeader<'static>> {
    (
        any::<u16>(),
        (
            any::<u8>(),
            any::<u8>(),
            string8(),
            bytes(),
            bytes(),
            string8(),
        ),
        (nul_string(), nul_string(), nul_string(), nul_string()),
        0u16..4,
        prop::option::weighted(0.1, any::<u8>()),
    )
        .prop_map(
            |(flags, (prefix, dt, x500, eid, sk, at), strs, count, mutate)| {
                let f = RecipientFlags::from_bits_retain(flags);
                let ty = f.address_type();
                let u = f.is_unicode();
                let s = |want: RecipientFlags, v: NulString<'static>| {
                    f.contains(want).then(|| match (v, u) {
                        (NulString::String8(x), true) => NulString::Utf16(
                            Utf16Str::from_wire(leak(
                                x.as_bytes().iter().flat_map(|&b| [b, 1]).collect(),
                            ))
                            .unwrap(),
                        ),
                        (NulString::Utf16(_), false) => {
                            NulString::String8(String8::new(b"x").unwrap())
                        }
                        (v, _) => v,
                    })
                };
                let x500dn_type = ty == RecipientAddressType::X500Dn;
                let pdl = ty.is_personal_distribution_list();
                let mut h = RecipientRowHeader {
                    recipient_flags: f,
                    address_prefix_used: x500dn_type.then_some(prefix),
                    display_type: x500dn_type.then_some(DisplayType(dt)),
                    x500dn: x500dn_type.then_some(x500),
                    entry_id: pdl.then_some(eid),
                    search_key: pdl.then_some(sk),
                    address_type: (ty == RecipientAddressType::NoType
                        && f.contains(RecipientFlags::O))
                    .then_some(at),
                    email_address: s(RecipientFlags::E, strs.0),
                    display_name: s(RecipientFlags::D, strs.1),
                    simple_display_name: s(RecipientFlags::I, strs.2),
                    transmittable_display_name: s(RecipientFlags::T, strs.3),
                    recipient_column_count: RecipientColumnCount(count),
                };
                match mutate {
                    Some(0..=63) => h.x500dn = h.x500dn.xor(Some(String8::default())),
                    Some(64..=127) => {
                        h.display_name = h
                            .display_name
                            .xor(Some(NulString::String8(String8::default())))
                    }
                    Some(128..=191) => h.entry_id = h.entry_id.xor(Some(Bytes(&[]))),
                    Some(_) => h.recipient_column_count = RecipientColumnCount(u16::MAX),
                    None => {}
                }
                h
            },
        )
}

fn entry_id() -> impl Strategy<Value = EntryId<'static>> {
    let counter = any::<[u8; 6]>().prop_map(GlobalCounter);
    let folder = (
        any::<u32>(),
        guid(),
        any::<u16>(),
        guid(),
        counter.clone(),
        any::<u16>(),
    )
        .prop_map(|(flags, p, t, d, c, pad)| FolderEntryId {
            flags,
            provider_uid: p,
            folder_type: StoreObjectType(t),
            database_guid: d,
            global_counter: c,
            pad,
        });
    let message = (
        any::<u32>(),
        guid(),
        any::<u16>(),
        guid(),
        counter.clone(),
        guid(),
        counter,
    )
        .prop_map(|(flags, p, t, fd, fc, md, mc)| MessageEntryId {
            flags,
            provider_uid: p,
            message_type: StoreObjectType(t),
            folder_database_guid: fd,
            folder_global_counter: fc,
            pad1: 0,
            message_database_guid: md,
            message_global_counter: mc,
            pad2: 0,
        });
    // Strings may contain their terminator, mailbox stores may lack a
    // MailboxDN, tails may not open with an extension magic: all of these
    // are refused by the encoder.
    let store = (
        (
            any::<u32>(),
            any::<u8>(),
            any::<u8>(),
            any::<[u8; 14]>(),
            any::<u32>(),
        ),
        prop_oneof![
            Just(StoreEntryId::MAILBOX_PROVIDER_UID),
            Just(StoreEntryId::PUBLIC_PROVIDER_UID),
            guid()
        ],
        any::<u32>(),
        raw(8),
        prop::option::of(raw(8)),
        prop_oneof![Just(&[][..]), raw(24)],
    )
        .prop_map(
            |((flags, version, flag, dll, wflags), wuid, wtype, server, dn, tail)| StoreEntryId {
                flags,
                version,
                flag,
                dll_file_name: dll,
                wrapped_flags: wflags,
                wrapped_provider_uid: wuid,
                wrapped_type: wtype,
                server_shortname: server,
                mailbox_dn: dn,
                tail,
            },
        );
    let ab = (any::<u32>(), any::<u32>(), any::<u32>(), raw(10)).prop_map(|(f, v, t, dn)| {
        AddressBookEntryId {
            flags: f,
            version: v,
            object_type: AddressBookType(t),
            x500_dn: dn,
        }
    });
    let one_off = (
        any::<u32>(),
        any::<u16>(),
        any::<u16>(),
        raw(8),
        raw(8),
        raw(8),
    )
        .prop_map(|(f, v, o, d, a, e)| OneOffEntryId {
            flags: f,
            version: v,
            options: OneOffFlags(o),
            display_name: d,
            address_type: a,
            email_address: e,
        });
    prop_oneof![
        folder.prop_map(EntryId::Folder),
        message.prop_map(EntryId::Message),
        store.prop_map(EntryId::Store),
        ab.prop_map(EntryId::AddressBook),
        one_off.prop_map(EntryId::OneOff),
        raw(80).prop_map(EntryId::Unknown),
    ]
}

fn property_name() -> impl Strategy<Value = PropertyName<'static>> {
    prop_oneof![
        (guid(), any::<u32>()).prop_map(|(guid, lid)| PropertyName::Id { guid, lid }),
        (guid(), prop_oneof![raw(12), raw(260)])
            .prop_map(|(guid, name)| PropertyName::Name { guid, name }),
        guid().prop_map(|guid| PropertyName::None { guid }),
    ]
}

// ---------------------------------------------------------------------------
// Data types.

/// A value in every form: as built, and decoded in each context and
/// encoded in each (the wire forms re-encode from their bytes in their own
/// context and element by element in the other).
fn value_forms(v: &PropertyValue<'static>, ty: PropertyType) -> Result<(), TestCaseError> {
    for cx in CONTEXTS {
        agree(v, (ty, cx))?;
        if agree(v, (ty, cx))? {
            let bytes = leak(v.to_vec_with((ty, cx)).unwrap());
            let d: PropertyValue<'static> = decoded(bytes, (ty, cx)).ok_or_else(|| {
                TestCaseError::fail(format!("{v:?} does not decode from its own bytes"))
            })?;
            for cx2 in CONTEXTS {
                agree(&d, (ty, cx2))?;
            }
            // Inside the containers of 2.11.3 to 2.11.6.
            let t = TaggedPropertyValue {
                property_tag: PropertyTag::new(1, ty),
                property_value: d,
            };
            let typed = TypedPropertyValue {
                property_type: ty,
                property_value: d,
            };
            for cx2 in CONTEXTS {
                agree(&t, cx2)?;
                agree(&typed, cx2)?;
                agree(&FlaggedPropertyValue::Value(d), (ty, cx2))?;
                agree(
                    &FlaggedPropertyValueWithType {
                        property_type: ty,
                        flagged_value: FlaggedPropertyValue::Value(d),
                    },
                    cx2,
                )?;
            }
        }
    }
    Ok(())
}

fn restriction_forms(r: &Restriction<'static>) -> Result<(), TestCaseError> {
    for cx in CONTEXTS {
        if agree(r, cx)? {
            let bytes = leak(r.to_vec_with(cx).unwrap());
            let d: Restriction<'static> = decoded(bytes, cx)
                .ok_or_else(|| TestCaseError::fail(format!("{r:?} does not decode")))?;
            for cx2 in CONTEXTS {
                agree(&d, cx2)?;
                agree(&RestrictionRef::new(Box::leak(Box::new(d.clone()))), cx2)?;
                let wire: RestrictionRef<'static> = decoded(bytes, cx).unwrap();
                agree(&wire, cx2)?;
            }
            if cx == ValueContext::Rop {
                agree(&RestrictionData(Some(d)), ())?;
            }
        }
    }
    agree(&RestrictionData(Some(r.clone())), ())?;
    agree(&RestrictionData(None), ())?;
    Ok(())
}

fn row_forms(
    tags: &'static [PropertyTag],
    row: &PropertyRow<'static>,
) -> Result<(), TestCaseError> {
    for values in CONTEXTS {
        let cx = RowContext {
            columns: Array::from_slice(tags),
            values,
        };
        agree(row, cx)?;
        let rows = leak(vec![row.clone(), row.clone()]);
        let set = PropertyRowSet {
            rows: rows.to_vec(),
        };
        agree(&set, cx)?;
        let built = PropertyRows::from_rows(rows, cx);
        for count in [
            Count::Prefix(Width::U8),
            Count::Prefix(Width::U16),
            Count::Known(2),
            Count::Known(3),
        ] {
            agree(&built, (count, cx))?;
            agree(&RowData::Rows(built), (count, Some(cx)))?;
        }
        if agree(&set, cx)? {
            let bytes = leak(set.to_vec_with(cx).unwrap());
            let d: PropertyRowSet<'static> = decoded(bytes, cx)
                .ok_or_else(|| TestCaseError::fail(format!("{set:?} does not decode")))?;
            agree(&d, cx)?;
            let wire: PropertyRows<'static> =
                decoded(bytes, (Count::Prefix(Width::U16), cx)).unwrap();
            for count in [
                Count::Prefix(Width::U16),
                Count::Prefix(Width::U32),
                Count::Known(2),
            ] {
                agree(&wire, (count, cx))?;
                agree(&RowData::Rows(wire), (count, None))?;
            }
            agree(&RowData::Raw(Rest(bytes)), (Count::Known(2), None))?;
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn property_values(v in value(), other in any::<u16>()) {
        value_forms(&v, v.property_type())?;
        // The multi-value-instance column of a single value (0x3000 | base,
        // MS-OXCDATA 2.11.1.3), and a type that is not the value's.
        if !v.property_type().is_multiple() {
            value_forms(&v, PropertyType(v.property_type().0 | 0x3000))?;
        }
        for cx in CONTEXTS {
            agree(&v, (PropertyType(other), cx))?;
        }
    }

    #[test]
    fn flagged_values(v in leaf_value(), code in any::<u32>(), cx in value_cx()) {
        let ty = v.property_type();
        agree(&FlaggedPropertyValue::NotPresent, (ty, cx))?;
        agree(&FlaggedPropertyValue::Error(ErrorCode(code)), (ty, cx))?;
        for f in [FlaggedPropertyValue::NotPresent, FlaggedPropertyValue::Error(ErrorCode(code))] {
            agree(&FlaggedPropertyValueWithType { property_type: ty, flagged_value: f }, cx)?;
        }
    }

    #[test]
    fn tagged_values(v in tagged(value().boxed()), cx in value_cx()) {
        agree(&v, cx)?;
        agree(&TypedPropertyValue::new(v.property_value), cx)?;
    }

    #[test]
    fn restrictions(r in restriction()) {
        restriction_forms(&r)?;
    }

    #[test]
    fn rows((tags, row) in row()) {
        row_forms(tags, &row)?;
    }

    #[test]
    fn recipient_rows(h in recipient_header(), (tags, row) in row(), columns in 0usize..6) {
        agree(&h, columns)?;
        let cx = RowContext::rop(Array::from_slice(tags));
        agree(&h, tags.len())?;
        let r = RecipientRow { header: h, recipient_properties: row };
        agree(&r, cx)?;
        if let Ok(bytes) = r.to_vec_with(cx) {
            let bytes = leak(bytes);
            let d: RecipientRow<'static> = decoded(bytes, cx)
                .ok_or_else(|| TestCaseError::fail(format!("{r:?} does not decode")))?;
            agree(&d, cx)?;
            agree(&d.header, tags.len())?;
        }
    }

    #[test]
    fn entry_ids(e in entry_id(), tail in raw(40)) {
        agree(&e, ())?;
        match e {
            EntryId::Folder(v) => { agree(&v, ())?; }
            EntryId::Message(v) => { agree(&v, ())?; }
            EntryId::Store(v) => {
                agree(&v, ())?;
                let v = StoreEntryId { tail, ..v };
                agree(&v, ())?;
            }
            EntryId::AddressBook(v) => { agree(&v, ())?; }
            EntryId::OneOff(v) => { agree(&v, ())?; }
            EntryId::Unknown(_) => {}
        }
        if let Ok(bytes) = e.to_vec() {
            let parsed = EntryId::parse(leak(bytes));
            agree(&parsed, ())?;
        }
        // The kinds recognised from bytes: every input parses.
        agree(&EntryId::parse(tail), ())?;
    }

    #[test]
    fn small_structures(
        n in property_name(), t in any::<u32>(), o in any::<u8>(), idx in any::<u16>(),
        code in any::<u32>(), len in 0usize..4, s8 in string8(), s16 in utf16(),
        st in 0u8..5, g in guid(), sort_count in any::<u16>(), unicode in any::<bool>(),
        ns in nul_string(), sid in server_id(), ra in rule_action(), cx in value_cx(),
        ab in action_block(),
    ) {
        agree(&n, ())?;
        let order = SortOrder { property_tag: PropertyTag(t), order: Order(o) };
        agree(&order, ())?;
        let orders = leak(vec![order; len]);
        agree(&SortOrderSet::new(orders, idx, code as u16), ())?;
        agree(&SortOrderSet {
            sort_order_count: sort_count,
            categorized_count: 0,
            expanded_count: 0,
            sort_orders: Array::from_slice(orders),
        }, ())?;
        let p = PropertyProblem { index: idx, property_tag: PropertyTag(t), error_code: ErrorCode(code) };
        agree(&p, ())?;
        agree(&PropertyProblemArray { problems: Array::from_slice(leak(vec![p; len])) }, ())?;
        agree(&PropertyTagArray { property_tags: Array::from_slice(leak(vec![PropertyTag(t); len])) }, ())?;
        agree(&PropertyIdArray { property_ids: Array::from_slice(leak(vec![PropertyId(idx); len])) }, ())?;
        let ts = match st {
            0 => TypedString::NoString,
            1 => TypedString::Empty,
            2 => TypedString::String8(s8),
            3 => TypedString::ReducedUnicode(s8),
            _ => TypedString::Unicode(s16),
        };
        agree(&ts, ())?;
        agree(&s8, ())?;
        agree(&s16, ())?;
        agree(&ns, unicode)?;
        agree(&ErrorCode(code), ())?;
        agree(&g, ())?;
        agree(&FileTime(u64::from(code) << 20), ())?;
        agree(&PropertyTag(t), ())?;
        agree(&PropertyId(idx), ())?;
        let counter = GlobalCounter::from_value(u64::from(code));
        agree(&counter, ())?;
        agree(&ReplicaId(idx), ())?;
        agree(&FolderId::new(ReplicaId(idx), counter), ())?;
        agree(&MessageId::new(ReplicaId(idx), counter), ())?;
        agree(&GlobalId { database_guid: g, global_counter: counter }, ())?;
        agree(&LongTermId::new(g, counter), ())?;
        agree(&sid, cx)?;
        agree(&ra, cx)?;
        agree(&ab, cx)?;
        // The generic containers of the wire layer.
        for w in [Width::U8, Width::U16, Width::U32] {
            agree(&Bytes(s8.as_bytes()), w)?;
            agree(&Bytes(&BIG[..usize::from(idx)]), w)?;
            let a = Array::from_slice(leak(vec![idx; usize::from(o)]));
            agree(&a, Count::Prefix(w))?;
            agree(&a, Count::Known(len))?;
            let l = List::<Bytes<'_>>::from_slice(leak(vec![Bytes(s8.as_bytes()); len]));
            agree(&l, (Count::Prefix(w), Width::U8))?;
            agree(&l, (Count::Known(len), w))?;
            if let Ok(b) = l.to_vec_with((Count::Prefix(w), Width::U16)) {
                let b = leak(b);
                let d: List<'static, Bytes<'static>> = decoded(b, (Count::Prefix(w), Width::U16)).unwrap();
                agree(&d, (Count::Prefix(w), Width::U16))?;
                agree(&d, (Count::Prefix(Width::U8), Width::U32))?;
            }
        }
        agree(&Rest(s8.as_bytes()), ())?;
    }
}

// ---------------------------------------------------------------------------
// ROPs: every RopId of the catalogue, from bytes.

/// Columns a response may be decoded against.
const COLUMNS: &[PropertyTag] = &[PropertyTag(0x0E08_0003), PropertyTag(0x0037_001F)];

/// The contexts a ROP is decoded in (logon kinds, with and without
/// columns) and the facts it is encoded with.
fn rop_contexts() -> Vec<RopContext<'static>> {
    let mut v = Vec::new();
    for logon in [None, Some(LogonKind::Private), Some(LogonKind::Public)] {
        let base = RopContext {
            logon,
            ..RopContext::default()
        };
        v.push(base);
        v.push(
            base.with_columns(Array::from_slice(COLUMNS))
                .with_recipient_columns(Array::from_slice(COLUMNS)),
        );
    }
    v
}

const FACTS: [RopFacts; 3] = [
    RopFacts {
        return_value: ErrorCode(0),
        logon: None,
    },
    RopFacts {
        return_value: ErrorCode(0),
        logon: Some(LogonKind::Private),
    },
    RopFacts {
        return_value: ErrorCode(0),
        logon: Some(LogonKind::Public),
    },
];

/// Checks every decoding of `body` after `id`, as a request and as a
/// response; returns how many decoded (requests, responses).
fn rop_case(id: u8, body: &[u8]) -> Result<(usize, usize), TestCaseError> {
    let bytes = leak([&[id][..], body].concat());
    let (mut q, mut s) = (0, 0);
    for cx in rop_contexts() {
        if let Ok((req, _)) = RopRequest::decode_with(bytes, cx) {
            q += 1;
            for f in FACTS {
                agree(&req, f)?;
            }
            let buf = RopInputBuffer {
                rops: vec![req.clone(), req],
                server_object_handle_table: Array::from_slice(&[1, 2]),
            };
            agree(&buf, LogonMap::default())?;
        }
        if let Ok((resp, _)) = RopResponse::decode_with(bytes, cx) {
            s += 1;
            for f in FACTS {
                agree(&resp, f)?;
            }
            let buf = RopOutputBuffer {
                rops: vec![resp],
                server_object_handle_table: Array::from_slice(&[u32::MAX]),
            };
            agree(&buf, ())?;
        }
    }
    Ok((q, s))
}

/// A ROP body: a LogonId or handle index, a ReturnValue (zero half the
/// time, so that success bodies are reached), then bytes that are mostly
/// small (counts and flags that parse) or anything.
fn rop_body() -> impl Strategy<Value = Vec<u8>> {
    (
        0u8..3,
        prop_oneof![Just([0u8; 4]), any::<[u8; 4]>()],
        prop_oneof![
            prop::collection::vec(0u8..3, 0..48),
            prop::collection::vec(any::<u8>(), 0..48)
        ],
    )
        .prop_map(|(first, rv, rest)| [&[first][..], &rv, &rest].concat())
}

fn rop_ids() -> Vec<u8> {
    let mut ids: Vec<u8> = coverage::REQUESTS
        .iter()
        .chain(coverage::RESPONSES)
        .copied()
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, .. ProptestConfig::default() })]

    #[test]
    fn rops_of_the_catalogue(i in any::<prop::sample::Index>(), body in rop_body()) {
        let ids = rop_ids();
        rop_case(ids[i.index(ids.len())], &body)?;
    }
}

/// Each RopId of the catalogue decodes, and so is checked, from some of a
/// fixed set of bodies: a ROP whose bodies never decoded would pass the
/// proptest above without being tested.
#[test]
fn every_rop_of_the_catalogue_is_checked() {
    let ids = rop_ids();
    assert!(ids.len() >= coverage::REQUESTS.len().max(coverage::RESPONSES.len()));
    // xorshift64: the same bodies on every run.
    let mut x = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let mut missed = Vec::new();
    for &id in &ids {
        let (mut q, mut s) = (0, 0);
        for round in 0..400 {
            let len = (next() % 40) as usize;
            let small = round % 2 == 0;
            let mut body: Vec<u8> = (0..len)
                .map(|_| {
                    if small {
                        (next() % 3) as u8
                    } else {
                        next() as u8
                    }
                })
                .collect();
            if round % 4 < 2 && body.len() >= 5 {
                body[1..5].fill(0); // ReturnValue 0: a success body
            }
            let (a, b) = rop_case(id, &body).unwrap_or_else(|e| panic!("RopId {id:#04x}: {e}"));
            q += a;
            s += b;
        }
        // Bodies of zeros of every length: empty counts and lists, which
        // reach the ROPs whose sizes must agree with their contents.
        for len in 0..64 {
            let (a, b) =
                rop_case(id, &vec![0; len]).unwrap_or_else(|e| panic!("RopId {id:#04x}: {e}"));
            q += a;
            s += b;
        }
        // ROPs whose size field must equal the size of what follows.
        let sized: &[u8] = match id {
            // RopSetProperties(NoReplicate): PropertyValueSize 2 covers an
            // empty PropertyValueCount (MS-OXCROPS 2.2.8.6.1, 2.2.8.7.1).
            0x0A | 0x79 => &[0, 0, 2, 0, 0, 0],
            // RopSetLocalReplicaMidsetDeleted: DataSize 4 covers a zero
            // LongTermIdRangeCount (MS-OXCROPS 2.2.13.12.1).
            0x93 => &[0, 0, 4, 0, 0, 0, 0, 0],
            _ => &[],
        };
        if !sized.is_empty() {
            let (a, b) = rop_case(id, sized).unwrap_or_else(|e| panic!("RopId {id:#04x}: {e}"));
            q += a;
            s += b;
        }
        if coverage::REQUESTS.contains(&id) && q == 0 {
            missed.push(format!("request {id:#04x}"));
        }
        if coverage::RESPONSES.contains(&id) && s == 0 {
            missed.push(format!("response {id:#04x}"));
        }
    }
    assert!(missed.is_empty(), "never decoded: {missed:?}");
}

/// ROPs built rather than decoded: rows from typed values, and responses
/// whose ReturnValue and body disagree.
#[test]
fn built_rops() {
    let cols = Array::from_slice(COLUMNS);
    let rows = leak(vec![
        PropertyRow::Standard(vec![
            StandardValue::Value(PropertyValue::Integer32(7)),
            StandardValue::Value(PropertyValue::string("A")),
        ]),
        PropertyRow::Flagged(vec![
            FlaggedValue::Value(FlaggedPropertyValue::NotPresent),
            FlaggedValue::Value(FlaggedPropertyValue::Error(ErrorCode(0x8004_010F))),
        ]),
    ]);
    let data = RowData::Rows(PropertyRows::from_rows(rows, RowContext::rop(cols)));
    for row_count in [0u16, 2, 3] {
        let q = RopResponse::QueryRows(Response::success(
            1,
            QueryRowsSuccess {
                origin: Origin::BEGINNING,
                row_count,
                row_data: data,
            },
        ));
        for f in FACTS {
            let ok = agree(&q, f).unwrap();
            assert_eq!(ok, row_count == 2, "row count {row_count}");
        }
    }
    // A ReturnValue of 0 with a failure body, and the reverse.
    let bad: Response<TableStatusBody, NoBody> = Response {
        handle_index: 0,
        return_value: ErrorCode(0),
        body: ResponseBody::Failure(NoBody),
    };
    assert!(!agree(&RopResponse::SetColumns(bad), FACTS[0]).unwrap());
    let bad: Response<TableStatusBody, NoBody> = Response {
        handle_index: 0,
        return_value: ErrorCode(0x8004_0102),
        body: ResponseBody::Success(TableStatusBody {
            table_status: TableStatus::COMPLETE,
        }),
    };
    assert!(!agree(&RopResponse::SetColumns(bad), FACTS[0]).unwrap());
    // A RopSize that does not fit its two bytes (MS-OXCROPS 2.2.1).
    let big = RopRequest::Unknown(UnknownRop {
        rop_id: 0xEE,
        data: Rest(&BIG[..]),
    });
    let buf = RopInputBuffer {
        rops: vec![big],
        server_object_handle_table: Array::empty(),
    };
    assert!(!agree(&buf, LogonMap::default()).unwrap());
}
