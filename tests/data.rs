//! Conformance tests for the MS-OXCDATA structures: bytes from the
//! specifications' examples (cited) or careful constructions (marked
//! "construction"), decoded to the expected values and re-encoded
//! identically; every strict prefix must fail to decode.

mod common;

use common::{hex, hexv, roundtrip};
use mapi_wire::data::*;
use mapi_wire::wire::{
    Array, Bytes, Count, Decode, Encode, ErrorKind, Limits, List, Reader, Unit, Width,
};

const ROP: ValueContext = ValueContext::Rop;
const EXT: ValueContext = ValueContext::Extended;

fn value<'a>(bytes: &'a [u8], ty: PropertyType, cx: ValueContext) -> PropertyValue<'a> {
    roundtrip::<PropertyValue<'_>>(bytes, (ty, cx))
}

// ---------------------------------------------------------------- tags ---

#[test]
fn property_tag_pidtagsubject() {
    // MS-OXCDATA 2.9; the RopSetColumns example of MS-OXCTABL 4.2.1 carries
    // PidTagSubject as `1F 00 37 00`.
    let tag = roundtrip::<PropertyTag>(hex("1f003700"), ());
    assert_eq!(tag, PropertyTag(0x0037_001F));
    assert_eq!(tag.id(), PropertyId(0x0037));
    assert_eq!(tag.property_type(), PropertyType::STRING);
}

#[test]
fn property_tag_array_from_setcolumns_example() {
    // MS-OXCTABL 4.2.1 RopSetColumns: after RopId, LogonId,
    // InputHandleIndex and SetColumnsFlags come PropertyTagCount and the
    // six tags.
    let b = hex("06001400486714004a6714004d6703004e671f0037004000060e");
    let a = roundtrip::<PropertyTagArray<'_>>(b, ());
    let tags: Vec<u32> = a.property_tags.iter().map(|t| t.0).collect();
    assert_eq!(
        tags,
        [
            0x6748_0014,
            0x674A_0014,
            0x674D_0014,
            0x674E_0003,
            0x0037_001F,
            0x0E06_0040
        ]
    );
    assert_eq!(a.property_tags.get(5), Some(PropertyTag(0x0E06_0040)));
    assert_eq!(a.property_tags.get(6), None);
}

#[test]
fn property_types_cover_every_code_of_2_11_1() {
    // MS-OXCDATA 2.11.1: 20 single-valued codes and 12 multi-valued ones.
    assert_eq!(PropertyType::ALL.len(), 32);
    for t in PropertyType::ALL {
        assert!(t.name().unwrap().starts_with("Ptyp"));
        if t.is_multiple() {
            assert!(PropertyType::ALL.contains(&t.base()), "{t:?}");
        }
    }
    assert_eq!(PropertyType(0x1102).name(), Some("PtypMultipleBinary"));
    assert_eq!(PropertyType(0x0099).name(), None);
}

// -------------------------------------------------------------- values ---

#[test]
fn fixed_size_values() {
    // Constructions: each fixed-size type of MS-OXCDATA 2.11.1.
    assert_eq!(
        value(hex("fbff"), PropertyType::INTEGER16, ROP),
        PropertyValue::Integer16(-5)
    );
    assert_eq!(
        value(hex("2a000000"), PropertyType::INTEGER32, ROP),
        PropertyValue::Integer32(42)
    );
    assert_eq!(
        value(hex("0000c03f"), PropertyType::FLOATING32, ROP),
        PropertyValue::Floating32(1.5)
    );
    assert_eq!(
        value(hex("000000000000f83f"), PropertyType::FLOATING64, ROP),
        PropertyValue::Floating64(1.5)
    );
    // PtypCurrency 1.2345 is stored as 12345.
    assert_eq!(
        value(hex("3930000000000000"), PropertyType::CURRENCY, ROP),
        PropertyValue::Currency(12345)
    );
    // PtypFloatingTime: MS-OXCDATA 2.11.1 gives 1900-01-04 06:00 as 5.25.
    assert_eq!(
        value(hex("0000000000001540"), PropertyType::FLOATING_TIME, ROP),
        PropertyValue::FloatingTime(5.25)
    );
    assert_eq!(
        value(hex("0f010480"), PropertyType::ERROR_CODE, ROP),
        PropertyValue::ErrorCode(ErrorCode(0x8004_010F))
    );
    assert_eq!(
        value(hex("01"), PropertyType::BOOLEAN, ROP),
        PropertyValue::Boolean(true)
    );
    // MS-OXCTABL 4.5.3.2: PidTagFolderId 0001-00000032F11F... as
    // PtypInteger64 0x321FF10000000001.
    assert_eq!(
        value(hex("01000000 00f11f32"), PropertyType::INTEGER64, ROP),
        PropertyValue::Integer64(0x321F_F100_0000_0001)
    );
    let t = value(hex("00c0d2d05d8ec901"), PropertyType::TIME, ROP);
    assert_eq!(t, PropertyValue::Time(FileTime(0x01C9_8E5D_D0D2_C000)));
    let g = value(
        hex("2803020000000000c000000000000046"),
        PropertyType::GUID,
        ROP,
    );
    assert_eq!(g, PropertyValue::Guid(Guid::PS_MAPI));
    assert_eq!(value(&[], PropertyType::NULL, ROP), PropertyValue::Null);
}

#[test]
fn boolean_other_than_0_or_1_is_rejected() {
    // MS-OXCDATA 2.11.1: PtypBoolean is "restricted to 1 or 0".
    let e = PropertyValue::decode_with(&[2], (PropertyType::BOOLEAN, ROP)).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidValue { value: 2 });
}

#[test]
fn strings() {
    // MS-OXCDATA 2.11.1 PtypString: UTF-16LE with a 0x0000 terminator; the
    // example "Hello World" of MS-OXCFOLD 4.1.1 style.
    let b = hex("480065006c006c006f00200057006f0072006c0064000000");
    let v = value(b, PropertyType::STRING, ROP);
    let PropertyValue::String(s) = v else {
        panic!("{v:?}")
    };
    assert_eq!(s, "Hello World");
    assert_eq!(s.len_units(), 11);
    // The empty string is just the terminator.
    let v = value(hex("0000"), PropertyType::STRING, ROP);
    assert_eq!(v, PropertyValue::string(""));
    // PtypString8: bytes up to a single 0x00.
    let v = value(b"Subject\0", PropertyType::STRING8, ROP);
    assert_eq!(v, PropertyValue::String8(String8::new(b"Subject").unwrap()));
}

#[test]
fn binary_width_depends_on_context() {
    // MS-OXCDATA 2.11.1.1: 2-byte counts in ROP buffers, 4-byte counts in
    // extended rules.
    let v = value(hex("0300 aabbcc"), PropertyType::BINARY, ROP);
    assert_eq!(v.as_binary(), Some(&[0xAA, 0xBB, 0xCC][..]));
    let v = value(hex("03000000 aabbcc"), PropertyType::BINARY, EXT);
    assert_eq!(v.as_binary(), Some(&[0xAA, 0xBB, 0xCC][..]));
    // The same value re-encoded in the other context.
    assert_eq!(
        v.to_vec_with((PropertyType::BINARY, ROP)).unwrap(),
        hex("0300aabbcc")
    );
}

#[test]
fn binary_length_is_checked_before_use() {
    let e = PropertyValue::decode_with(hex("ff7f 00"), (PropertyType::BINARY, ROP)).unwrap_err();
    assert_eq!(
        e.kind(),
        ErrorKind::CountTooLarge {
            count: 0x7FFF,
            unit: Unit::Bytes,
            needed: 0x7FFF,
            remaining: 1
        }
    );
    assert_eq!(e.offset(), 0);
}

#[test]
fn multi_valued_values() {
    // Constructions: MS-OXCDATA 2.11.1, value counts are 4 bytes in ROPs.
    let v = value(
        hex("02000000 0100 0200"),
        PropertyType::MULTIPLE_INTEGER16,
        ROP,
    );
    let PropertyValue::MultipleInteger16(a) = v else {
        panic!()
    };
    assert_eq!(a.iter().collect::<Vec<_>>(), [1, 2]);

    let v = value(
        hex("02000000 41000000 42004300 0000"),
        PropertyType::MULTIPLE_STRING,
        ROP,
    );
    let PropertyValue::MultipleString(l) = v else {
        panic!()
    };
    let strings: Vec<String> = l.iter().map(|s| s.to_string()).collect();
    assert_eq!(strings, ["A", "BC"]);

    let v = value(
        hex("02000000 6100 626300"),
        PropertyType::MULTIPLE_STRING8,
        ROP,
    );
    let PropertyValue::MultipleString8(l) = v else {
        panic!()
    };
    assert_eq!(l.get(1).unwrap().as_bytes(), b"bc");

    // PtypMultipleBinary: the inner lengths follow the binary rule (2 bytes
    // in ROPs, 4 in extended rules).
    let v = value(
        hex("02000000 0100 ff 0000"),
        PropertyType::MULTIPLE_BINARY,
        ROP,
    );
    let PropertyValue::MultipleBinary(l) = v else {
        panic!()
    };
    assert_eq!(l.iter().map(|b| b.0.len()).collect::<Vec<_>>(), [1, 0]);
    let v = value(
        hex("01000000 02000000 abcd"),
        PropertyType::MULTIPLE_BINARY,
        EXT,
    );
    assert_eq!(
        v,
        PropertyValue::MultipleBinary(List::from_slice(&[Bytes(&[0xAB, 0xCD])]))
    );

    for (ty, size) in [
        (PropertyType::MULTIPLE_INTEGER32, 4),
        (PropertyType::MULTIPLE_FLOATING32, 4),
        (PropertyType::MULTIPLE_FLOATING64, 8),
        (PropertyType::MULTIPLE_CURRENCY, 8),
        (PropertyType::MULTIPLE_FLOATING_TIME, 8),
        (PropertyType::MULTIPLE_INTEGER64, 8),
        (PropertyType::MULTIPLE_TIME, 8),
        (PropertyType::MULTIPLE_GUID, 16),
    ] {
        let mut b = vec![3, 0, 0, 0];
        b.extend((0..3 * size).map(|i| i as u8));
        let v = value(&b, ty, ROP);
        assert_eq!(v.property_type(), ty);
    }
}

#[test]
fn multi_value_count_is_checked_before_use() {
    let e = PropertyValue::decode_with(
        hex("ffffffff 0000"),
        (PropertyType::MULTIPLE_INTEGER64, ROP),
    )
    .unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::LimitExceeded { .. }));
    let e = PropertyValue::decode_with(
        hex("10000000 0000"),
        (PropertyType::MULTIPLE_INTEGER64, ROP),
    )
    .unwrap_err();
    assert!(matches!(
        e.kind(),
        ErrorKind::CountTooLarge {
            count: 16,
            needed: 128,
            ..
        }
    ));
}

#[test]
fn server_id_values() {
    // MS-OXCDATA 2.11.1.4: COUNT + Ours(1) + FolderId + MessageId + Instance.
    let b = hex("1500 01 0100000000000b1c 0100000000000d2e 00000000");
    let v = value(b, PropertyType::SERVER_ID, ROP);
    let PropertyValue::ServerId(ServerId::Ours(o)) = v else {
        panic!("{v:?}")
    };
    assert_eq!(o.instance, 0);
    // Ours = 0: client-defined content of any size.
    let v = value(hex("0300 00abcd"), PropertyType::SERVER_ID, ROP);
    assert_eq!(
        v,
        PropertyValue::ServerId(ServerId::Other(Bytes(&[0x00, 0xAB, 0xCD])))
    );
}

#[test]
fn object_values_read_like_binary() {
    // PtypObject is not carried by value in ROPs (MS-OXCDATA 2.11.1.5); we
    // read it as a counted byte string, as OpenChange does.
    let v = value(hex("0200 0102"), PropertyType::OBJECT, ROP);
    assert_eq!(v, PropertyValue::Object(Bytes(&[1, 2])));
}

#[test]
fn unknown_and_unspecified_types_are_unsupported() {
    for ty in [
        PropertyType::UNSPECIFIED,
        PropertyType(0x0033),
        PropertyType(0x1001),
    ] {
        let e = PropertyValue::decode_with(&[0; 16], (ty, ROP)).unwrap_err();
        assert_eq!(
            e.kind(),
            ErrorKind::Unsupported {
                value: u64::from(ty.0)
            }
        );
    }
}

#[test]
fn mv_instance_columns_carry_single_values() {
    // MS-OXCDATA 2.11.1.3: a 0x3000|base column yields one base value.
    let v = value(hex("41000000"), PropertyType(0x301F), ROP);
    assert_eq!(v, PropertyValue::string("A"));
}

#[test]
fn encoding_checks_the_type() {
    let v = PropertyValue::Integer32(1);
    let e = v.to_vec_with((PropertyType::INTEGER16, ROP)).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unencodable { value: 2 });
}

// ------------------------------------------------------ tagged & friends ---

#[test]
fn tagged_value_from_rule_example() {
    // MS-OXORULE 4.2.2 style: PidTagRuleProvider (0x6681001F) "RuleOrganizer".
    let mut b = hexv("1f008166");
    for c in "RuleOrganizer".encode_utf16() {
        b.extend_from_slice(&c.to_le_bytes());
    }
    b.extend_from_slice(&[0, 0]);
    let v = roundtrip::<TaggedPropertyValue<'_>>(&b, ROP);
    assert_eq!(v.property_tag, PropertyTag(0x6681_001F));
    assert_eq!(v.property_value, PropertyValue::string("RuleOrganizer"));
}

#[test]
fn tagged_error_value() {
    // A PtypErrorCode value in place of a property (MS-OXCPRPT
    // RopGetPropertiesAll): tag type 0x000A, NotEnoughMemory.
    let v = roundtrip::<TaggedPropertyValue<'_>>(hex("0a001a10 0e000780"), ROP);
    assert_eq!(
        v.property_value,
        PropertyValue::ErrorCode(ErrorCode(0x8007_000E))
    );
}

#[test]
fn typed_and_flagged_values() {
    let t = roundtrip::<TypedPropertyValue<'_>>(hex("0300 07000000"), ROP);
    assert_eq!(t.property_value, PropertyValue::Integer32(7));

    let cx = (PropertyType::INTEGER32, ROP);
    let f = roundtrip::<FlaggedPropertyValue<'_>>(hex("00 07000000"), cx);
    assert_eq!(f, FlaggedPropertyValue::Value(PropertyValue::Integer32(7)));
    let f = roundtrip::<FlaggedPropertyValue<'_>>(hex("01"), cx);
    assert_eq!(f, FlaggedPropertyValue::NotPresent);
    // MS-OXCTABL 4.5.3.2: 0x0A then NotFound.
    let f = roundtrip::<FlaggedPropertyValue<'_>>(hex("0a 0f010480"), cx);
    assert_eq!(f, FlaggedPropertyValue::Error(ErrorCode(0x8004_010F)));
    let e = FlaggedPropertyValue::decode_with(hex("02"), cx).unwrap_err();
    assert_eq!(
        e.to_string(),
        "FlaggedPropertyValue.Flag: invalid value 0x2 (offset 0)"
    );

    let w = roundtrip::<FlaggedPropertyValueWithType<'_>>(hex("1f00 00 4100 0000"), ROP);
    assert_eq!(w.property_type, PropertyType::STRING);
    assert_eq!(
        w.flagged_value,
        FlaggedPropertyValue::Value(PropertyValue::string("A"))
    );
    let w = roundtrip::<FlaggedPropertyValueWithType<'_>>(hex("0a00 0a 0f010480"), ROP);
    assert_eq!(
        w.flagged_value,
        FlaggedPropertyValue::Error(ErrorCode(0x8004_010F))
    );
}

#[test]
fn typed_strings() {
    // MS-OXCDATA 2.11.7, one construction per StringType.
    assert_eq!(
        roundtrip::<TypedString<'_>>(hex("00"), ()),
        TypedString::NoString
    );
    assert_eq!(
        roundtrip::<TypedString<'_>>(hex("01"), ()),
        TypedString::Empty
    );
    let s = roundtrip::<TypedString<'_>>(hex("02 616200"), ());
    assert_eq!(s, TypedString::String8(String8::new(b"ab").unwrap()));
    let s = roundtrip::<TypedString<'_>>(hex("03 616200"), ());
    assert_eq!(s, TypedString::ReducedUnicode(String8::new(b"ab").unwrap()));
    let s = roundtrip::<TypedString<'_>>(hex("04 61006200 0000"), ());
    assert_eq!(s, TypedString::Unicode(Utf16Str::from_str("ab")));
    let e = TypedString::decode(hex("05")).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidValue { value: 5 });
}

// ----------------------------------------------------------------- rows ---

#[test]
fn standard_row_from_rule_example() {
    // MS-OXORULE 4.2.2: a standard row over (PtypInteger64, PtypBinary,
    // PtypString); the binary is 16 bytes and the string "PrivateData"
    // style text (constructed here with the example's framing).
    let tags = [
        PropertyTag(0x6674_0014),
        PropertyTag(0x0FFF_0102),
        PropertyTag(0x6682_001F),
    ];
    let mut b = hexv("00 0100000001 3ff856 1000");
    b.extend(0u8..16);
    b.extend_from_slice(hex("50007200 0000"));
    let cx = RowContext::rop(Array::from_slice(&tags));
    let row = roundtrip::<PropertyRow<'_>>(&b, cx);
    let PropertyRow::Standard(cells) = &row else {
        panic!()
    };
    assert_eq!(cells.len(), 3);
    assert_eq!(row.value(0).unwrap().as_i64(), Some(0x56F8_3F01_0000_0001));
    assert_eq!(row.value(1).unwrap().as_binary().unwrap().len(), 16);
    assert_eq!(row.value(2).unwrap().as_utf16().unwrap(), "Pr");
}

#[test]
fn flagged_row_cells_from_queryrows_example() {
    // MS-OXCTABL 4.5.3.2 (the spec prints only the start of this
    // response): after RopId 0x15, InputHandleIndex, ReturnValue, Origin
    // and RowCount 9, the first row is a FlaggedPropertyRow whose first
    // three cells are PidTagFolderId = 0x321FF10000000001, a NotFound
    // error, and an 8-byte value.
    let resp = hex(
        "15000000000002090001000100000000f11f320a0f010480000100000000f188bd
         0000000000000300000000000000000a0f0104800a0f0104800a0f0104800a",
    );
    let tags = [
        PropertyTag(0x6748_0014),
        PropertyTag(0x0037_001F),
        PropertyTag(0x674A_0014),
    ];
    let mut r = Reader::at_offset(&resp[9..], 9, Limits::DEFAULT);
    let cells: Vec<_> = RowCells::new(&mut r, RowContext::rop(Array::from_slice(&tags)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        cells[0].value().unwrap().as_i64(),
        Some(0x321F_F100_0000_0001)
    );
    assert_eq!(
        cells[1],
        RowCell::Flagged(FlaggedValue::Value(FlaggedPropertyValue::Error(
            ErrorCode::NOT_FOUND
        )))
    );
    assert_eq!(
        cells[2].value().unwrap().as_i64(),
        Some(0xBD88_F100_0000_0001_u64 as i64)
    );
    assert_eq!(r.offset(), 9 + 1 + 9 + 5 + 9);
}

#[test]
fn rows_with_unspecified_columns_are_typed() {
    // MS-OXCDATA 2.8.1.1/2.8.1.2: a PtypUnspecified column gets a
    // TypedPropertyValue (standard row) or FlaggedPropertyValueWithType
    // (flagged row). Construction.
    let tags = [PropertyTag(0x0037_0000), PropertyTag(0x0E08_0003)];
    let cx = RowContext::rop(Array::from_slice(&tags));
    let row = roundtrip::<PropertyRow<'_>>(hex("00 1f00 41000000 05000000"), cx);
    assert_eq!(row.value(0), Some(&PropertyValue::string("A")));
    assert_eq!(row.value(1), Some(&PropertyValue::Integer32(5)));
    let row = roundtrip::<PropertyRow<'_>>(hex("01 1f00 01 0a 0f010480"), cx);
    let PropertyRow::Flagged(cells) = &row else {
        panic!()
    };
    assert_eq!(
        cells[0],
        FlaggedValue::Typed(FlaggedPropertyValueWithType {
            property_type: PropertyType::STRING,
            flagged_value: FlaggedPropertyValue::NotPresent
        })
    );
    assert_eq!(row.value(1), None);
}

#[test]
fn row_set_and_its_errors() {
    let tags = [PropertyTag(0x0E08_0003), PropertyTag(0x3001_001F)];
    let cx = RowContext::rop(Array::from_slice(&tags));
    let b = hex("0300 00 01000000 4100 0000 01 01 00 4200 0000 00 03000000 0000");
    let set = roundtrip::<PropertyRowSet<'_>>(b, cx);
    assert_eq!(set.rows.len(), 3);
    assert_eq!(set.rows[1].value(0), None);
    assert_eq!(set.rows[1].value(1), Some(&PropertyValue::string("B")));
    let mut r = Reader::new(b);
    assert_eq!(skip_row_set(&mut r, cx).unwrap(), 3);
    assert!(r.is_empty());

    // The field path and offset of an error deep inside a row set.
    let bad = hex("0200 00 01000000 4100 0000 00 02000000 4100");
    let e = PropertyRowSet::decode_with(bad, cx).unwrap_err();
    assert_eq!(
        e.to_string(),
        "PropertyRowSet.Rows[1].ValueArray[1].Value: string has no terminator (offset 16)"
    );
    // 40000 rows cannot fit in 12 bytes.
    let e = PropertyRowSet::decode_with(hex("409c 00000000 00000000 0000"), cx).unwrap_err();
    assert_eq!(
        e.to_string(),
        "PropertyRowSet.RowCount: 40000 rows need at least 40000 bytes, 10 remain (offset 0)"
    );
}

#[test]
fn encoding_a_row_checks_the_columns() {
    let tags = [PropertyTag(0x0E08_0003)];
    let cx = RowContext::rop(Array::from_slice(&tags));
    let row = PropertyRow::Standard(vec![StandardValue::Value(PropertyValue::string("x"))]);
    assert!(row.to_vec_with(cx).is_err());
    let row = PropertyRow::Standard(vec![]);
    assert!(row.to_vec_with(cx).is_err());
}

// ---------------------------------------------------------- restrictions ---

fn restriction(bytes: &[u8], cx: ValueContext) -> Restriction<'_> {
    roundtrip::<Restriction<'_>>(bytes, cx)
}

#[test]
fn every_restriction_type() {
    // Constructions following MS-OXCDATA 2.12.1 – 2.12.12, ROP form.
    let exist_subject = hex("08 1f003700");
    let prop_eq = hex("04 04 03001700 03001700 01000000");
    let content = hex("03 0100 0100 1f003700 1f003700 610062000000");
    let cases: Vec<(&[u8], RestrictType)> = vec![
        (
            [hex("00 0200"), exist_subject, prop_eq].concat().leak(),
            RestrictType::AND,
        ),
        ([hex("01 0100"), content].concat().leak(), RestrictType::OR),
        (
            [hex("02"), exist_subject].concat().leak(),
            RestrictType::NOT,
        ),
        (content, RestrictType::CONTENT),
        (prop_eq, RestrictType::PROPERTY),
        (
            hex("05 02 03001700 03002600"),
            RestrictType::COMPARE_PROPERTIES,
        ),
        (hex("06 01 03000e07 02000000"), RestrictType::BIT_MASK),
        (hex("07 03 02010800 00100000"), RestrictType::SIZE),
        (exist_subject, RestrictType::EXIST),
        (
            [hex("09 0d00120e"), exist_subject].concat().leak(),
            RestrictType::SUB_OBJECT,
        ),
        (hex("0a 01 1f000180 41000000 00"), RestrictType::COMMENT),
        (
            [hex("0a 00 01"), exist_subject].concat().leak(),
            RestrictType::COMMENT,
        ),
        (
            [hex("0b 0a000000"), exist_subject].concat().leak(),
            RestrictType::COUNT,
        ),
    ];
    for (b, t) in &cases {
        let r = restriction(b, ROP);
        assert_eq!(r.restrict_type(), *t, "{r:?}");
    }

    // Field values of a few.
    let Restriction::Content(c) = restriction(content, ROP) else {
        panic!()
    };
    assert_eq!(c.fuzzy_level_low, FuzzyLevelLow::SUBSTRING);
    assert_eq!(c.fuzzy_level_high, FuzzyLevelHigh::IGNORECASE);
    assert_eq!(c.tagged_value.property_value, PropertyValue::string("ab"));
    let Restriction::Property(p) = restriction(prop_eq, ROP) else {
        panic!()
    };
    assert_eq!(p.relop, RelOp::EQ);
    assert_eq!(p.tagged_value.property_value, PropertyValue::Integer32(1));
    let b = [hex("0b 0a000000"), exist_subject].concat();
    let Restriction::Count(c) = restriction(&b, ROP) else {
        panic!()
    };
    assert_eq!(c.count, 10);
    assert!(matches!(c.sub_restriction.get(), Restriction::Exist(_)));
    let Restriction::Comment(c) = restriction(hex("0a 01 1f000180 41000000 00"), ROP) else {
        panic!()
    };
    assert_eq!(c.tagged_values.len(), 1);
    assert_eq!(c.restriction, None);
}

#[test]
fn and_count_width_depends_on_context() {
    // MS-OXCDATA 2.12.1: RestrictCount is 2 bytes in ROPs, 4 bytes in
    // extended rules (MS-OXORULE 2.2.4).
    let rop = hex("00 0100 08 1f003700");
    let ext = hex("00 01000000 08 1f003700");
    let a = restriction(rop, ROP);
    let b = restriction(ext, EXT);
    assert_eq!(a.to_vec_with(EXT).unwrap(), ext);
    assert_eq!(b.to_vec_with(ROP).unwrap(), rop);
    assert!(Restriction::decode_exact(rop, EXT).is_err());
}

#[test]
fn restriction_nesting_is_bounded() {
    // 100 nested Not restrictions around an Exist: beyond the default
    // depth of 64.
    let mut b = vec![0x02; 100];
    b.extend_from_slice(hex("08 1f003700"));
    let e = Restriction::decode_with(&b, ROP).unwrap_err();
    assert!(
        matches!(e.kind(), ErrorKind::LimitExceeded { limit: 64, .. }),
        "{e}"
    );
    assert!(e.path().is_elided());
    // With a higher limit it decodes.
    let lim = Limits {
        max_depth: 200,
        ..Limits::DEFAULT
    };
    let (r, rest) = Restriction::decode_with_limits(&b, ROP, lim).unwrap();
    assert!(rest.is_empty());
    assert_eq!(r.to_vec_with(ROP).unwrap(), b);
}

#[test]
fn restriction_errors() {
    let e = Restriction::decode_with(hex("0c"), ROP).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Restriction.RestrictType: invalid value 0xc (offset 0)"
    );
    // And with 0xFFFF children in 3 bytes.
    let e = Restriction::decode_with(hex("00 ffff 08"), ROP).unwrap_err();
    assert_eq!(e.offset(), 1);
    assert!(matches!(
        e.kind(),
        ErrorKind::CountTooLarge { count: 0xFFFF, .. }
    ));
}

#[test]
fn restriction_built_for_encoding() {
    let exist = Restriction::Exist(ExistRestriction {
        property_tag: PropertyTag(0x0037_001F),
    });
    let not = Restriction::Not(NotRestriction {
        restriction: RestrictionRef::new(&exist),
    });
    let children = [exist.clone(), not];
    let and = Restriction::And(AndRestriction {
        restricts: List::from_slice(&children),
    });
    let bytes = and.to_vec_with(ROP).unwrap();
    assert_eq!(bytes, hex("00 0200 08 1f003700 02 08 1f003700"));
    let decoded = restriction(&bytes, ROP);
    assert_eq!(decoded, and);
}

#[test]
fn restriction_as_a_property_value() {
    // PtypRestriction (0x00FD), e.g. PidTagRuleCondition in RopModifyRules:
    // the restriction itself, no length prefix.
    let b = hex("08 1f003700");
    let v = value(b, PropertyType::RESTRICTION, ROP);
    let PropertyValue::Restriction(r) = v else {
        panic!()
    };
    assert!(matches!(r.get(), Restriction::Exist(_)));
}

#[test]
fn rule_action_value() {
    // MS-OXORULE 2.2.5: NoOfActions, then ActionBlocks with ActionLength.
    // Construction: an OP_MARK_AS_READ and an OP_DEFER_ACTION with 2 bytes.
    let b = hex("0200 0900 0b 00000000 00000000 0b00 05 00000000 00000000 abcd");
    let v = value(b, PropertyType::RULE_ACTION, ROP);
    let PropertyValue::RuleAction(a) = v else {
        panic!()
    };
    let blocks: Vec<_> = a.action_blocks.iter().collect();
    assert_eq!(blocks[0].action_type, ActionType::OP_MARK_AS_READ);
    assert_eq!(blocks[1].action_data.0, &[0xAB, 0xCD]);
    // Extended rules use 4-byte counts.
    let ext = a.to_vec_with(EXT).unwrap();
    assert_eq!(&ext[..4], &[2, 0, 0, 0]);
    assert_eq!(ext.len(), b.len() + 2 + 2 * 2);
    // An ActionLength shorter than the fixed fields.
    let e = RuleAction::decode_with(hex("0100 0200 0b00 00000000 00000000 00"), ROP).unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::Truncated { .. }), "{e}");
}

// ------------------------------------------------------- sort & problems ---

#[test]
fn sort_order_set_from_sorttable_example() {
    // MS-OXCTABL 4.3.1 RopSortTable: after SortTableFlags.
    let b = hex("0200 0100 0100 1f300880 00 4000060e 01");
    let s = roundtrip::<SortOrderSet<'_>>(b, ());
    assert_eq!(
        (s.sort_order_count, s.categorized_count, s.expanded_count),
        (2, 1, 1)
    );
    let orders: Vec<_> = s.sort_orders.iter().collect();
    assert_eq!(orders[0].property_tag, PropertyTag(0x8008_301F));
    assert_eq!(orders[0].order, Order::ASCENDING);
    assert_eq!(orders[1].order, Order::DESCENDING);
    // Encoding checks SortOrderCount against the orders given.
    let bad = SortOrderSet {
        sort_order_count: 3,
        ..s
    };
    assert!(bad.to_vec().is_err());
    assert_eq!(SortOrderSet::new(&orders, 1, 1).to_vec().unwrap(), b);
}

#[test]
fn property_problems() {
    // MS-OXCDATA 2.7; the count-only form `00 00` appears in the
    // RopSetProperties responses of MS-OXCPRPT section 4.
    let a = roundtrip::<PropertyProblemArray<'_>>(hex("0000"), ());
    assert!(a.problems.is_empty());
    let b = hex("0200 0000 03001700 05000780 0100 1f003700 0f010480");
    let a = roundtrip::<PropertyProblemArray<'_>>(b, ());
    let p: Vec<_> = a.problems.iter().collect();
    assert_eq!(p[1].index, 1);
    assert_eq!(p[1].error_code, ErrorCode(0x8004_010F));
}

// ---------------------------------------------------------- primitives ---

#[test]
fn arrays_and_lists_check_known_counts() {
    let e = Array::<u32>::decode_with(&[0; 7], Count::Known(2)).unwrap_err();
    assert!(matches!(
        e.kind(),
        ErrorKind::CountTooLarge { count: 2, .. }
    ));
    let (l, rest) =
        List::<Bytes<'_>>::decode_with(hex("01aa 00 ff"), (Count::Known(2), Width::U8)).unwrap();
    assert_eq!(l.len(), 2);
    assert_eq!(rest, &[0xFF]);
}

#[test]
fn guid_display() {
    // MS-OXNSPI section 4 example: bytes ab bc 8b 86 79 33 c4 48 a1 ef 1b
    // 53 e6 3b dc 46 are {868BBCAB-3379-48C4-A1EF-1B53E63BDC46}.
    let g = roundtrip::<Guid>(hex("abbc8b867933c448a1ef1b53e63bdc46"), ());
    assert_eq!(g.to_string(), "{868BBCAB-3379-48C4-A1EF-1B53E63BDC46}");
}

#[test]
fn byte_lengths_are_bounded_by_the_input_not_by_max_count() {
    // A 200,000-byte PtypBinary in the extended context: beyond
    // Limits::max_count (an element cap) but a valid byte length.
    let mut b = Vec::from(200_000u32.to_le_bytes());
    b.resize(4 + 200_000, 0xAB);
    let (v, rest) = PropertyValue::decode_with(&b, (PropertyType::BINARY, EXT)).unwrap();
    assert!(rest.is_empty());
    assert_eq!(v.as_binary().unwrap().len(), 200_000);
}
