//! Property tests for the address-book structures and the NSPI bodies:
//! generated values survive encode→decode; arbitrary bytes never make a
//! decoder panic, and whatever decodes re-encodes to the bytes consumed;
//! every strict prefix of an encoding fails to decode.

use mapi_wire::data::*;
use mapi_wire::http::nspi::*;
use mapi_wire::nspi::*;
use mapi_wire::wire::{Array, Bytes, Decode, Encode, List, Reader};
use proptest::prelude::*;

fn leak<T>(v: Vec<T>) -> &'static [T] {
    Box::leak(v.into_boxed_slice())
}

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
    prop_assert_eq!(back.to_vec_with(cx).unwrap(), bytes);
    for n in 0..bytes.len() {
        let mut r = Reader::new(&bytes[..n]);
        prop_assert!(T::decode_from(&mut r, cx).is_err(), "prefix {} decoded", n);
    }
    Ok(())
}

fn contexts() -> impl Strategy<Value = AbContext> {
    (
        any::<bool>(),
        prop_oneof![
            Just(FilterForm::Standard),
            Just(FilterForm::AddressBook),
            Just(FilterForm::Auto)
        ],
    )
        .prop_map(|(element_flags, filter_form)| AbContext {
            element_flags,
            filter_form,
        })
}

fn string8() -> impl Strategy<Value = String8<'static>> {
    prop::collection::vec(1u8..=255, 0..10).prop_map(|b| String8::new(leak(b)).unwrap())
}

fn utf16() -> impl Strategy<Value = Utf16Str<'static>> {
    prop::collection::vec(1u16..=u16::MAX, 0..8).prop_map(|u| {
        let b: Vec<u8> = u.iter().flat_map(|c| c.to_le_bytes()).collect();
        Utf16Str::from_wire(leak(b)).unwrap()
    })
}

fn bytes() -> impl Strategy<Value = Bytes<'static>> {
    prop::collection::vec(any::<u8>(), 0..12).prop_map(|b| Bytes(leak(b)))
}

fn element<T: Clone + std::fmt::Debug + 'static>(
    s: impl Strategy<Value = T>,
) -> impl Strategy<Value = AbElement<T>> {
    prop_oneof![
        1 => Just(AbElement::ABSENT),
        4 => (1u8..=255, s).prop_map(|(b, v)| AbElement { has_value: b, value: Some(v) }),
    ]
}

/// A value the context can carry, of one of the NSPI types.
fn value(cx: AbContext) -> BoxedStrategy<AddressBookValue<'static>> {
    use AddressBookValue as V;
    use PropertyValue as P;
    let plain = prop_oneof![
        any::<i32>().prop_map(|v| V::Value(P::Integer32(v))),
        any::<bool>().prop_map(|v| V::Value(P::Boolean(v))),
        any::<u32>().prop_map(|v| V::Value(P::ErrorCode(ErrorCode(v)))),
        any::<u64>().prop_map(|v| V::Value(P::Time(FileTime(v)))),
        Just(V::Value(P::Null)),
        Just(V::Object),
        string8().prop_map(|v| V::Value(P::String8(v))),
        utf16().prop_map(|v| V::Value(P::String(v))),
        bytes().prop_map(|v| V::Value(P::Binary(v))),
        prop::collection::vec(any::<i32>(), 0..4)
            .prop_map(|v| V::Value(P::MultipleInteger32(Array::from_slice(leak(v))))),
    ];
    if cx.element_flags {
        prop_oneof![
            4 => plain,
            1 => prop::collection::vec(element(string8()), 0..4)
                .prop_map(|v| V::MultipleString8(List::from_slice(leak(v)))),
            1 => prop::collection::vec(element(utf16()), 0..4)
                .prop_map(|v| V::MultipleString(List::from_slice(leak(v)))),
            1 => prop::collection::vec(element(bytes()), 0..4)
                .prop_map(|v| V::MultipleBinary(List::from_slice(leak(v)))),
        ]
        .boxed()
    } else {
        prop_oneof![
            4 => plain,
            1 => prop::collection::vec(string8(), 0..4)
                .prop_map(|v| V::Value(P::MultipleString8(List::from_slice(leak(v))))),
            1 => prop::collection::vec(utf16(), 0..4)
                .prop_map(|v| V::Value(P::MultipleString(List::from_slice(leak(v))))),
        ]
        .boxed()
    }
}

/// An AddressBookPropertyValue: present (HasValue any non-zero byte where
/// the type has one) or, for those types, absent.
fn ab_value(cx: AbContext) -> impl Strategy<Value = AddressBookPropertyValue<'static>> {
    (value(cx), 1u8..=255, 0u8..5).prop_map(|(v, b, pick)| {
        if has_value_byte(v.property_type()) {
            if pick == 0 {
                AddressBookPropertyValue::ABSENT
            } else {
                AddressBookPropertyValue {
                    has_value: Some(b),
                    value: Some(v),
                }
            }
        } else {
            AddressBookPropertyValue::new(v)
        }
    })
}

fn tagged(cx: AbContext) -> impl Strategy<Value = AddressBookTaggedPropertyValue<'static>> {
    (value(cx), any::<u16>(), any::<bool>()).prop_map(|(v, id, absent)| {
        let mut t = AddressBookTaggedPropertyValue::new(id, v);
        if absent && has_value_byte(v.property_type()) {
            t.property_value = AddressBookPropertyValue::ABSENT;
        }
        t
    })
}

/// Columns and rows that fit them (standard and flagged rows, typed cells
/// for PtypUnspecified columns).
fn table(
    cx: AbContext,
) -> impl Strategy<Value = (Vec<PropertyTag>, Vec<(u8, Vec<AbCell<'static>>)>)> {
    let col_values = prop::collection::vec((value(cx), any::<bool>()), 1..5);
    (
        col_values,
        prop::collection::vec((any::<bool>(), any::<u32>(), 0u8..4), 0..4),
    )
        .prop_map(|(cols, rows)| {
            let tags: Vec<_> = cols
                .iter()
                .enumerate()
                .map(|(i, (v, unspec))| {
                    let ty = if *unspec {
                        PropertyType::UNSPECIFIED
                    } else {
                        v.property_type()
                    };
                    PropertyTag::new(0x3000 + i as u16, ty)
                })
                .collect();
            let rows = rows
                .into_iter()
                .map(|(flagged, code, pick)| {
                    let cells = cols
                        .iter()
                        .map(|(v, unspec)| {
                            let f = match pick {
                                0 => AddressBookFlaggedPropertyValue::not_present(),
                                1 => AddressBookFlaggedPropertyValue::error_code(ErrorCode(code)),
                                _ => AddressBookFlaggedPropertyValue::value(*v),
                            };
                            match (flagged, unspec) {
                                (false, false) => AbCell::Value(AddressBookPropertyValue::new(*v)),
                                (false, true) => AbCell::Typed(AddressBookTypedPropertyValue {
                                    property_type: v.property_type(),
                                    property_value: AddressBookPropertyValue::new(*v),
                                }),
                                (true, false) => AbCell::Flagged(f),
                                (true, true) => {
                                    AbCell::FlaggedTyped(AddressBookFlaggedPropertyValueWithType {
                                        property_type: v.property_type(),
                                        flagged_value: f,
                                    })
                                }
                            }
                        })
                        .collect();
                    (u8::from(flagged), cells)
                })
                .collect();
            (tags, rows)
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn values_round_trip((cx, v) in contexts().prop_flat_map(|cx| (Just(cx), tagged(cx)))) {
        check(&v, cx)?;
        let list = AddressBookPropertyValueList::new(leak(vec![v, v]));
        check(&list, cx)?;
    }

    #[test]
    fn flagged_values_round_trip(
        (cx, v, code, pick) in contexts().prop_flat_map(|cx| (Just(cx), ab_value(cx), any::<u32>(), 0u8..3))
    ) {
        let ty = v.value.map_or(PropertyType::STRING, |x| x.property_type());
        let f = match pick {
            0 => AddressBookFlaggedPropertyValue { flag: 0, property_value: Some(v) },
            1 => AddressBookFlaggedPropertyValue::not_present(),
            _ => AddressBookFlaggedPropertyValue::error_code(ErrorCode(code)),
        };
        check(&f, (ty, cx))?;
        check(&AddressBookFlaggedPropertyValueWithType { property_type: ty, flagged_value: f }, cx)?;
    }

    #[test]
    fn for_each_row_reads_what_iterating_reads(
        (cx, (tags, rows), stop) in contexts().prop_flat_map(|cx| (Just(cx), table(cx), 0usize..4))
    ) {
        // The one-pass walk of a decoded row list gives every row's Flags
        // and cells as `iter` + `cells` do, also when the callback stops
        // reading a row early (the rest is stepped over).
        let tags = leak(tags);
        let rows: Vec<_> = rows
            .into_iter()
            .map(|(f, cells)| AddressBookPropertyRow::new(f, leak(cells)))
            .collect();
        let rcx = AbRowContext::new(Array::from_slice(tags), cx);
        let lcx = (mapi_wire::wire::Count::Prefix(mapi_wire::wire::Width::U32), rcx);
        let bytes = leak(List::from_slice(leak(rows)).to_vec_with(lcx).unwrap());
        let list = List::<AddressBookPropertyRow>::decode_exact(bytes, lcx).unwrap();
        let expected: Vec<(u8, Vec<AbCell>)> =
            list.iter().map(|r| (r.flags, r.cells().collect())).collect();
        let mut whole = Vec::new();
        list.for_each_row(|i, flags, cells| {
            whole.push((i, flags, cells.collect::<Vec<_>>()));
        });
        prop_assert_eq!(whole.len(), expected.len());
        for (i, flags, cells) in &whole {
            prop_assert_eq!(&(*flags, cells.clone()), &expected[*i]);
        }
        let mut partial = Vec::new();
        list.for_each_row(|_, flags, cells| {
            partial.push((flags, cells.take(stop).collect::<Vec<_>>()));
        });
        prop_assert_eq!(partial.len(), expected.len());
        for ((flags, cells), (ef, ecells)) in partial.iter().zip(&expected) {
            prop_assert_eq!(flags, ef);
            prop_assert_eq!(&cells[..], &ecells[..stop.min(ecells.len())]);
        }
    }

    #[test]
    fn query_rows_responses_round_trip(
        (cx, (tags, rows), stat) in contexts().prop_flat_map(|cx| (Just(cx), table(cx), any::<[u32; 9]>()))
    ) {
        let tags = leak(tags);
        let rows: Vec<_> = rows
            .into_iter()
            .map(|(f, cells)| AddressBookPropertyRow::new(f, leak(cells)))
            .collect();
        let state = Stat {
            sort_type: SortType(stat[0]),
            container_id: MinimalEntryId(stat[1]),
            current_rec: MinimalEntryId(stat[2]),
            delta: stat[3] as i32,
            num_pos: stat[4],
            total_recs: stat[5],
            code_page: CodePage(stat[6]),
            template_locale: stat[7],
            sort_locale: stat[8],
        };
        let body = QueryRowsSuccess {
            status_code: 0,
            error_code: ErrorCode(0),
            has_state: HAS,
            state: Some(state),
            has_columns_and_rows: HAS,
            columns: Some(LargePropertyTagArray::new(tags)),
            row_data: Some(List::from_slice(leak(rows))),
            auxiliary_buffer: Bytes(&[1, 2, 3]),
        };
        check(&QueryRowsResponse::Success(body.clone()), cx)?;
        let resolved = ResolveNamesSuccess {
            status_code: 0,
            error_code: ErrorCode(0),
            code_page: CodePage(1252),
            has_minimal_ids: 0,
            minimal_ids: None,
            has_rows_and_cols: 1,
            property_tags: body.columns,
            row_data: body.row_data,
            auxiliary_buffer: Bytes(&[]),
        };
        check(&resolved, cx)?;
    }

    #[test]
    fn arbitrary_bytes_never_panic(
        data in prop::collection::vec(any::<u8>(), 0..160),
        cx in contexts(),
    ) {
        let data = leak(data);
        macro_rules! each {
            ($($k:literal, $Req:ident, $Resp:ident;)*) => {$(
                no_panic::<$Req<'_>>(data, cx)?;
                no_panic::<$Resp<'_>>(data, cx)?;
            )*};
        }
        mapi_wire::nspi_request_types!(each);
        no_panic::<AbRestriction<'_>>(data, cx)?;
        no_panic::<AddressBookPropertyValueList<'_>>(data, cx)?;
        no_panic::<NspiEntryId<'_>>(data, ())?;
    }

    /// Bodies that start as a real response with arbitrary tails, so that
    /// the decoders get past the fixed fields.
    #[test]
    fn arbitrary_row_data_never_panics(
        tail in prop::collection::vec(any::<u8>(), 0..200),
        tags in prop::collection::vec(any::<u32>(), 0..4),
        cx in contexts(),
    ) {
        let mut b = vec![0u8; 8];
        b.push(0);
        b.push(0xFF);
        b.extend_from_slice(&(tags.len() as u32).to_le_bytes());
        for t in &tags {
            b.extend_from_slice(&t.to_le_bytes());
        }
        b.extend_from_slice(&tail);
        let data = leak(b);
        no_panic::<QueryRowsResponse<'_>>(data, cx)?;
        no_panic::<SeekEntriesResponse<'_>>(data, cx)?;
    }
}

fn no_panic<'a, T>(bytes: &'a [u8], cx: <T as Decode<'a>>::Ctx) -> Result<(), TestCaseError>
where
    T: Decode<'a> + Encode<Ctx = <T as Decode<'a>>::Ctx> + std::fmt::Debug,
{
    match T::decode_with(bytes, cx) {
        Ok((v, rest)) => {
            let used = &bytes[..bytes.len() - rest.len()];
            prop_assert_eq!(v.to_vec_with(cx).unwrap(), used, "{:?}", v);
            prop_assert_eq!(v.encoded_len_with(cx), used.len());
            let _ = format!("{v:?}");
        }
        Err(e) => {
            prop_assert!(
                e.offset() <= bytes.len(),
                "offset {} past {}",
                e.offset(),
                bytes.len()
            );
        }
    }
    Ok(())
}
