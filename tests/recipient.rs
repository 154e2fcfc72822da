//! RecipientRow (MS-OXCDATA 2.8.3).
//!
//! The specification has no hex dump of a RecipientRow (MS-OXCMSG and
//! MS-OXCROPS section 4 describe their RopOpenMessage, RopReadRecipients
//! and RopModifyRecipients examples field by field, without bytes), so the
//! rows here are careful constructions from the field layout of 2.8.3.2
//! and the masks of 2.8.3.1, each byte commented.

mod common;

use common::{hex, prefixes_fail, roundtrip};
use mapi_wire::data::{
    DisplayType, ErrorCode, FlaggedPropertyValue, FlaggedValue, PropertyRow, PropertyTag,
    PropertyValue, RecipientAddressType, RecipientColumnCount, RecipientFlags, RecipientRow,
    RecipientRowHeader, RecipientString, RowContext, StandardValue, String8, Utf16Str,
    skip_recipient_row,
};
use mapi_wire::wire::{Array, Bytes, Decode, Encode, ErrorKind, Reader};
use proptest::prelude::*;

/// UTF-16LE with the terminator, as hex.
fn w(s: &str) -> String {
    let mut out: String = s
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .map(|b| format!("{b:02x}"))
        .collect();
    out.push_str("0000");
    out
}

/// 8-bit with the terminator, as hex.
fn a(s: &str) -> String {
    let mut out: String = s.bytes().map(|b| format!("{b:02x}")).collect();
    out.push_str("00");
    out
}

fn u16s(s: &str) -> RecipientString<'_> {
    RecipientString::Utf16(Utf16Str::from_str(s))
}

fn s8(s: &str) -> RecipientString<'_> {
    RecipientString::String8(String8::new(s.as_bytes()).unwrap())
}

/// A UTF-16 or 8-bit string, as the U flag says.
fn pick(unicode: bool, s: &str) -> RecipientString<'_> {
    if unicode { u16s(s) } else { s8(s) }
}

fn skip_len(bytes: &[u8], cx: RowContext<'_>) -> usize {
    let mut r = Reader::new(bytes);
    skip_recipient_row(&mut r, cx).unwrap();
    r.offset()
}

const PID_TAG_OBJECT_TYPE: PropertyTag = PropertyTag(0x0FFE_0003);
const PID_TAG_DISPLAY_TYPE: PropertyTag = PropertyTag(0x3900_0003);
const PID_TAG_RECIPIENT_DISPLAY_NAME: PropertyTag = PropertyTag(0x5FF6_001F);
const PID_TAG_RECIPIENT_ENTRY_ID: PropertyTag = PropertyTag(0x5FF7_0102);
const PID_TAG_RECIPIENT_ORDER: PropertyTag = PropertyTag(0x5FDF_0003);
const PID_TAG_RECIPIENT_TYPE: PropertyTag = PropertyTag(0x0C15_0003);
const PID_TAG_DISPLAY_NAME_A: PropertyTag = PropertyTag(0x3001_001E);

/// A resolved SMTP recipient with Unicode strings. The flags (0x065B) and
/// the first columns are those of the MS-OXCMSG recipient that Microsoft's
/// protocol test suite (MS-OXCMSG adapter) sends with RopModifyRecipients;
/// the bytes are our construction. RecipientColumnCount is 4 of 5 columns,
/// and the row is a FlaggedPropertyRow with one error cell.
#[test]
fn unicode_smtp_recipient_flagged_row() {
    let bytes = hex(&format!(
        "5b06 {email} {display} {simple} 0400 \
         01 00 06000000 00 00000000 00 {rdn} 0a 0f010480",
        // 5b06: Type=SMTP(3) | E | D | S (0x5B); U | I (0x06)
        email = w("user2@contoso.com"),
        display = w("user2"),
        simple = w("user2"),
        // 0400: RecipientColumnCount 4; 01: FlaggedPropertyRow; ObjectType
        // 6 (MAPI_MAILUSER); DisplayType 0; RecipientDisplayName;
        // RecipientEntryId absent with NotFound (0x8004010F).
        rdn = w("user2"),
    ));
    let tags = [
        PID_TAG_OBJECT_TYPE,
        PID_TAG_DISPLAY_TYPE,
        PID_TAG_RECIPIENT_DISPLAY_NAME,
        PID_TAG_RECIPIENT_ENTRY_ID,
        PID_TAG_RECIPIENT_ORDER,
    ];
    let cx = RowContext::rop(Array::from_slice(&tags));
    let row: RecipientRow = roundtrip(bytes, cx);
    let h = &row.header;
    assert_eq!(h.recipient_flags.bits(), 0x065B);
    assert_eq!(h.recipient_flags.address_type(), RecipientAddressType::Smtp);
    assert!(h.recipient_flags.contains(RecipientFlags::S));
    assert_eq!(h.email_address, Some(u16s("user2@contoso.com")));
    assert_eq!(h.display_name, Some(u16s("user2")));
    assert_eq!(h.simple_display_name, Some(u16s("user2")));
    assert_eq!(h.transmittable_display_name, None);
    assert_eq!(h.address_type, None);
    assert_eq!(h.x500dn, None);
    assert_eq!(h.entry_id, None);
    assert_eq!(h.recipient_column_count, RecipientColumnCount(4));
    let PropertyRow::Flagged(cells) = &row.recipient_properties else {
        panic!("expected a flagged row: {:?}", row.recipient_properties);
    };
    assert_eq!(cells.len(), 4);
    assert_eq!(
        row.recipient_properties.value(0).and_then(|v| v.as_i32()),
        Some(6)
    );
    assert_eq!(
        row.recipient_properties.value(2).and_then(|v| v.as_utf16()),
        Some(Utf16Str::from_str("user2"))
    );
    assert_eq!(
        cells[3],
        FlaggedValue::Value(FlaggedPropertyValue::Error(ErrorCode(0x8004_010F)))
    );
    assert_eq!(skip_len(bytes, cx), bytes.len());
}

/// An X500DN recipient with 8-bit strings: AddressPrefixUsed, DisplayType
/// and X500DN follow the flags; D and T are set (and R).
#[test]
fn x500dn_recipient_8bit() {
    let dn = "/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=user2";
    let bytes = hex(&format!(
        "b100 00 00 {dn} {display} {transmittable} 0200 00 01000000 {name}",
        // b100: Type=X500DN(1) | D | T | R; AddressPrefixUsed 0;
        // DisplayType DT_MAILUSER.
        dn = a(dn),
        display = a("User Two"),
        transmittable = a("User Two"),
        // 0200: both columns; 00: StandardPropertyRow; RecipientType 1 (To);
        // PidTagDisplayName as PtypString8.
        name = a("User Two"),
    ));
    let tags = [PID_TAG_RECIPIENT_TYPE, PID_TAG_DISPLAY_NAME_A];
    let cx = RowContext::rop(Array::from_slice(&tags));
    let row: RecipientRow = roundtrip(bytes, cx);
    let h = &row.header;
    assert_eq!(
        h.recipient_flags.address_type(),
        RecipientAddressType::X500Dn
    );
    assert!(h.recipient_flags.contains(RecipientFlags::R));
    assert!(!h.recipient_flags.is_unicode());
    assert_eq!(h.address_prefix_used, Some(0));
    assert_eq!(h.display_type, Some(DisplayType::MAILUSER));
    assert_eq!(h.x500dn.map(|s| s.as_bytes()), Some(dn.as_bytes()));
    assert_eq!(h.display_name, Some(s8("User Two")));
    assert_eq!(h.transmittable_display_name, Some(s8("User Two")));
    assert_eq!(h.email_address, None);
    assert_eq!(
        row.recipient_properties.value(0).and_then(|v| v.as_i32()),
        Some(1)
    );
    assert!(matches!(
        row.recipient_properties.value(1),
        Some(PropertyValue::String8(s)) if s.as_bytes() == b"User Two"
    ));
    assert_eq!(skip_len(bytes, cx), bytes.len());
}

/// A personal distribution list: EntryIdSize + EntryID and SearchKeySize +
/// SearchKey follow the flags; U and D; RecipientColumnCount 0, so
/// RecipientProperties is only the Flag byte of an empty row.
#[test]
fn personal_distribution_list_recipient() {
    let bytes = hex(&format!(
        "1602 1400 00000000 fe42aa0a18c71a10e8850b651c240000 \
         0400 534d5450 {display} 0000 00",
        // 1602: Type=PersonalDistributionList1(6) | D; U.
        // EntryIdSize 20: Flags, then a ProviderUID (opaque here).
        // SearchKeySize 4.
        display = w("Team"),
    ));
    let tags = [PID_TAG_RECIPIENT_TYPE];
    let cx = RowContext::rop(Array::from_slice(&tags));
    let row: RecipientRow = roundtrip(bytes, cx);
    let h = &row.header;
    assert_eq!(
        h.recipient_flags.address_type(),
        RecipientAddressType::PersonalDistributionList1
    );
    assert_eq!(h.entry_id.map(|b| b.0.len()), Some(20));
    assert_eq!(h.search_key, Some(Bytes(b"SMTP")));
    assert_eq!(h.display_name, Some(u16s("Team")));
    assert_eq!(h.display_type, None);
    assert_eq!(h.recipient_column_count, RecipientColumnCount(0));
    assert!(row.recipient_properties.is_empty());
    assert_eq!(skip_len(bytes, cx), bytes.len());
}

/// Type NoType with O: the AddressType string names the address type.
#[test]
fn other_address_type_recipient() {
    let bytes = hex(&format!(
        "1880 {addrtype} {email} {display} 0100 00 02000000",
        // 1880: Type=NoType(0) | E | D; O.
        addrtype = a("FAX"),
        email = a("+1 425 555 0100"),
        display = a("Front desk"),
        // 0100: one column; standard row; RecipientType 2 (Cc).
    ));
    let tags = [PID_TAG_RECIPIENT_TYPE, PID_TAG_DISPLAY_NAME_A];
    let cx = RowContext::rop(Array::from_slice(&tags));
    let row: RecipientRow = roundtrip(bytes, cx);
    let h = &row.header;
    assert_eq!(h.address_type.map(|s| s.as_bytes()), Some(&b"FAX"[..]));
    assert_eq!(h.email_address, Some(s8("+1 425 555 0100")));
    assert_eq!(h.display_name, Some(s8("Front desk")));
    assert_eq!(
        row.recipient_properties.value(0).and_then(|v| v.as_i32()),
        Some(2)
    );
    assert_eq!(row.recipient_properties.len(), 1);
}

/// O with a standard Type: 2.8.3.2 includes AddressType only with NoType,
/// so none is read (as gromox and MAPI Inspector do).
#[test]
fn o_flag_with_smtp_type_has_no_address_type() {
    let bytes = hex(&format!("0b80 {email} 0000 00", email = a("a@b.example")));
    let cx = RowContext::rop(Array::empty());
    let row: RecipientRow = roundtrip(bytes, cx);
    assert!(row.header.recipient_flags.contains(RecipientFlags::O));
    assert_eq!(row.header.address_type, None);
    assert_eq!(row.header.email_address, Some(s8("a@b.example")));
}

/// Reserved bits (which a server sets to zero) and unknown DisplayType
/// values are kept, so decode→encode stays exact.
#[test]
fn reserved_bits_and_unknown_display_type_are_kept() {
    let bytes = hex(&format!("0178 05 2a {dn} 0000 00", dn = a("/o=x")));
    let row: RecipientRow = roundtrip(bytes, RowContext::rop(Array::empty()));
    assert_eq!(row.header.recipient_flags.bits(), 0x7801);
    assert_eq!(row.header.address_prefix_used, Some(5));
    assert_eq!(row.header.display_type, Some(DisplayType(0x2A)));
}

#[test]
fn skip_walks_consecutive_rows() {
    let one = hex(&format!("1000 {d} 0100 00 01000000", d = a("A")));
    let two = hex(&format!("1002 {d} 0000 00", d = w("B")));
    let bytes = [one, two].concat();
    let tags = [PID_TAG_RECIPIENT_TYPE];
    let cx = RowContext::rop(Array::from_slice(&tags));
    let mut r = Reader::new(&bytes);
    skip_recipient_row(&mut r, cx).unwrap();
    assert_eq!(r.offset(), one.len());
    skip_recipient_row(&mut r, cx).unwrap();
    assert!(r.is_empty());
    let e = skip_recipient_row(&mut r, cx).unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::Truncated { .. }));
}

#[test]
fn column_count_above_the_columns_is_rejected() {
    let bytes = hex(&format!("1000 {d} 0200 00 01000000 02000000", d = a("A")));
    let tags = [PID_TAG_RECIPIENT_TYPE];
    let cx = RowContext::rop(Array::from_slice(&tags));
    let e = RecipientRow::decode_exact(bytes, cx).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidValue { value: 2 });
    assert_eq!(e.offset(), 4);
    assert_eq!(
        e.path().to_string(),
        "RecipientRow.Header.RecipientColumnCount"
    );
    let mut r = Reader::new(bytes);
    assert_eq!(skip_recipient_row(&mut r, cx).unwrap_err().offset(), 4);
}

#[test]
fn malformed_strings_and_rows_fail() {
    let cx = RowContext::rop(Array::empty());
    // U set, DisplayName never terminated.
    let bytes = hex("1002 4100 4200");
    let e = RecipientRow::decode_exact(bytes, cx).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unterminated);
    assert_eq!(e.path().to_string(), "RecipientRow.Header.DisplayName");
    // 8-bit X500DN never terminated.
    let e = RecipientRow::decode_exact(hex("0100 00 00 2f6f"), cx).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unterminated);
    // EntryIdSize beyond the input.
    let e = RecipientRow::decode_exact(hex("0600 ff00 0000"), cx).unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::CountTooLarge { .. }));
    // A RecipientProperties Flag byte that is neither 0x00 nor 0x01.
    let e = RecipientRow::decode_exact(hex("0000 0000 02"), cx).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidValue { value: 2 });
    assert_eq!(e.offset(), 4);
    // Trailing bytes after an exact row.
    assert!(RecipientRow::decode_exact(hex("0000 0000 00 ff"), cx).is_err());
    // Every strict prefix of a row with all the variable parts fails.
    let bytes = hex(&format!(
        "3882 {t} {e} {d} {tr} 0000 00",
        t = a("X"),
        e = w("e"),
        d = w("d"),
        tr = w("t"),
    ));
    prefixes_fail::<RecipientRow>(bytes, cx);
}

fn header(flags: u16) -> RecipientRowHeader<'static> {
    RecipientRowHeader {
        recipient_flags: RecipientFlags::from_bits_retain(flags),
        address_prefix_used: None,
        display_type: None,
        x500dn: None,
        entry_id: None,
        search_key: None,
        address_type: None,
        email_address: None,
        display_name: None,
        simple_display_name: None,
        transmittable_display_name: None,
        recipient_column_count: RecipientColumnCount(0),
    }
}

fn unencodable_at<'a>(row: &RecipientRow<'a>, cx: RowContext<'a>, path: &str) {
    let e = row.to_vec_with(cx).unwrap_err();
    assert!(
        matches!(e.kind(), ErrorKind::Unencodable { .. }),
        "{path}: {e}"
    );
    assert_eq!(e.path().to_string(), path);
}

#[test]
fn encoder_checks_fields_against_flags() {
    let tags = [PID_TAG_RECIPIENT_TYPE];
    let cx = RowContext::rop(Array::from_slice(&tags));
    let empty = PropertyRow::Standard(vec![]);
    let row = |h| RecipientRow {
        header: h,
        recipient_properties: empty.clone(),
    };

    // Consistent: SMTP with E, 8-bit.
    let mut h = header(0x000B);
    h.email_address = Some(s8("a@b"));
    assert_eq!(
        row(h).to_vec_with(cx).unwrap(),
        hex("0b00 614062 00 0000 00")
    );

    // E set, EmailAddress missing.
    unencodable_at(&row(header(0x0008)), cx, "Header.EmailAddress");
    // D clear, DisplayName given.
    let mut h = header(0x0000);
    h.display_name = Some(s8("x"));
    unencodable_at(&row(h), cx, "Header.DisplayName");
    // U set, an 8-bit DisplayName.
    let mut h = header(0x0210);
    h.display_name = Some(s8("x"));
    unencodable_at(&row(h), cx, "Header.DisplayName");
    // U clear, a UTF-16 SimpleDisplayName.
    let mut h = header(0x0400);
    h.simple_display_name = Some(u16s("x"));
    unencodable_at(&row(h), cx, "Header.SimpleDisplayName");
    // Type X500DN without its fields.
    unencodable_at(&row(header(0x0001)), cx, "Header.AddressPrefixUsed");
    // X500DN fields with Type SMTP.
    let mut h = header(0x0003);
    h.address_prefix_used = Some(0);
    unencodable_at(&row(h), cx, "Header.AddressPrefixUsed");
    // PDL without SearchKey.
    let mut h = header(0x0007);
    h.entry_id = Some(Bytes(b"e"));
    unencodable_at(&row(h), cx, "Header.SearchKey");
    // AddressType with O but Type SMTP.
    let mut h = header(0x8003);
    h.address_type = Some(String8::new(b"X").unwrap());
    unencodable_at(&row(h), cx, "Header.AddressType");
    // O with NoType but no AddressType.
    unencodable_at(&row(header(0x8000)), cx, "Header.AddressType");
    // RecipientColumnCount above the columns.
    let mut h = header(0x0000);
    h.recipient_column_count = RecipientColumnCount(2);
    unencodable_at(&row(h), cx, "Header.RecipientColumnCount");
    // RecipientProperties with more cells than RecipientColumnCount.
    let r = RecipientRow {
        header: header(0x0000),
        recipient_properties: PropertyRow::Standard(vec![StandardValue::Value(
            PropertyValue::Integer32(1),
        )]),
    };
    unencodable_at(&r, cx, "RecipientProperties.ValueArray");
    // … and fine with RecipientColumnCount 1.
    let mut r = r;
    r.header.recipient_column_count = RecipientColumnCount(1);
    assert_eq!(r.to_vec_with(cx).unwrap(), hex("0000 0100 00 01000000"));
}

#[cfg(feature = "cli")]
#[test]
fn serializes_with_spec_field_names() {
    let bytes = hex(&format!("1b00 {e} {d} 0000 00", e = a("a@b"), d = a("A")));
    let row = RecipientRow::decode_exact(bytes, RowContext::rop(Array::empty())).unwrap();
    let json = serde_json::to_value(&row).unwrap();
    assert_eq!(json["recipient_flags"], 0x1B);
    assert_eq!(json["email_address"], "a@b");
    assert_eq!(json["display_name"], "A");
    assert_eq!(json["x500dn"], serde_json::Value::Null);
    assert_eq!(json["recipient_column_count"], 0);
    assert!(json.get("recipient_properties").is_some());
    assert!(json.get("header").is_none());
}

/// The columns the property tests draw from: fixed and variable sizes,
/// 8-bit and UTF-16 strings, and PtypUnspecified (typed cells).
const COLUMN_POOL: [PropertyTag; 8] = [
    PID_TAG_RECIPIENT_TYPE,
    PID_TAG_DISPLAY_NAME_A,
    PID_TAG_RECIPIENT_DISPLAY_NAME,
    PID_TAG_RECIPIENT_ENTRY_ID,
    PropertyTag(0x0E06_0040),
    PropertyTag(0x0E1B_000B),
    PropertyTag(0x3A40_0000),
    PropertyTag(0x8001_101F),
];

fn columns() -> impl Strategy<Value = Vec<PropertyTag>> {
    proptest::collection::vec(proptest::sample::select(&COLUMN_POOL[..]), 0..5)
}

/// Bytes that start like a RecipientRow more often than uniform noise
/// would: random flags, then a mix of NULs, short runs and noise.
fn row_like_bytes() -> impl Strategy<Value = Vec<u8>> {
    (
        any::<u16>(),
        proptest::collection::vec(
            prop_oneof![Just(0u8), Just(1u8), Just(b'a'), any::<u8>()],
            0..96,
        ),
    )
        .prop_map(|(f, rest)| [Vec::from(f.to_le_bytes()), rest].concat())
}

fn check_never_panics(bytes: &[u8], tags: &[PropertyTag]) {
    let cx = RowContext::rop(Array::from_slice(tags));
    let mut r = Reader::new(bytes);
    let decoded = RecipientRow::decode_from(&mut r, cx);
    let mut s = Reader::new(bytes);
    let skipped = skip_recipient_row(&mut s, cx);
    assert_eq!(decoded.is_ok(), skipped.is_ok());
    let mut h = Reader::new(bytes);
    let _ = RecipientRowHeader::decode_from(&mut h, tags.len());
    if let Ok(row) = decoded {
        let used = r.offset();
        assert_eq!(s.offset(), used, "skip and decode disagree");
        assert_eq!(row.encoded_len_with(cx), used);
        assert_eq!(row.to_vec_with(cx).unwrap(), &bytes[..used]);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn arbitrary_bytes_never_panic(
        bytes in proptest::collection::vec(any::<u8>(), 0..128),
        tags in columns(),
    ) {
        check_never_panics(&bytes, &tags);
    }

    #[test]
    fn row_like_bytes_never_panic(bytes in row_like_bytes(), tags in columns()) {
        check_never_panics(&bytes, &tags);
    }

    /// Rows built from any flags, with exactly the fields the flags call
    /// for, encode and decode back to themselves.
    #[test]
    fn any_flags_round_trip(
        flags in any::<u16>(),
        text in "[ -~]{0,12}",
        blob in proptest::collection::vec(any::<u8>(), 0..20),
        prefix in any::<u8>(),
        display_type in any::<u8>(),
        values in proptest::collection::vec(any::<i32>(), 0..4),
        extra_columns in 0usize..3,
    ) {
        let f = RecipientFlags::from_bits_retain(flags);
        let ty = f.address_type();
        let string = |s| pick(f.is_unicode(), s);
        let text = text.as_str();
        let blob = blob.as_slice();
        let x500 = ty == RecipientAddressType::X500Dn;
        let pdl = ty.is_personal_distribution_list();
        let other = ty == RecipientAddressType::NoType && f.contains(RecipientFlags::O);
        let tags = vec![PID_TAG_RECIPIENT_TYPE; values.len() + extra_columns];
        let cx = RowContext::rop(Array::from_slice(&tags));
        let row = RecipientRow {
            header: RecipientRowHeader {
                recipient_flags: f,
                address_prefix_used: x500.then_some(prefix),
                display_type: x500.then_some(DisplayType(display_type)),
                x500dn: x500.then(|| String8::new(text.as_bytes()).unwrap()),
                entry_id: pdl.then_some(Bytes(blob)),
                search_key: pdl.then_some(Bytes(&blob[..blob.len() / 2])),
                address_type: other.then(|| String8::new(text.as_bytes()).unwrap()),
                email_address: f.contains(RecipientFlags::E).then(|| string(text)),
                display_name: f.contains(RecipientFlags::D).then(|| string("d")),
                simple_display_name: f.contains(RecipientFlags::I).then(|| string("")),
                transmittable_display_name: f.contains(RecipientFlags::T).then(|| string(text)),
                recipient_column_count: RecipientColumnCount(values.len() as u16),
            },
            recipient_properties: PropertyRow::Standard(
                values
                    .iter()
                    .map(|&v| StandardValue::Value(PropertyValue::Integer32(v)))
                    .collect(),
            ),
        };
        let bytes = row.to_vec_with(cx).unwrap();
        prop_assert_eq!(bytes.len(), row.encoded_len_with(cx));
        let back = RecipientRow::decode_exact(&bytes, cx).unwrap();
        prop_assert_eq!(&back, &row);
        prop_assert_eq!(skip_len(&bytes, cx), bytes.len());
    }
}
