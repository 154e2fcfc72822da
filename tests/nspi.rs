//! Conformance tests for the address-book structures (MS-OXCMAPIHTTP 2.2.1,
//! MS-OXNSPI 2.2) and the 19 NSPI bodies (MS-OXCMAPIHTTP 2.2.5).
//!
//! The specifications give almost no NSPI body bytes (MS-OXCMAPIHTTP
//! section 4 has none; MS-OXNSPI section 4 lists decoded parameters), so
//! most cases are constructions: each builds its bytes field by field in
//! the order of the section it cites. The spec byte vectors that exist
//! (`shared/vectors/spec-nspi.json`: the Bind server GUID of MS-OXNSPI
//! section 4, GUID_NSPI of MS-OXNSPI 2.2.1.7, the MS-OXCDATA 2.4 error
//! codes) are used where they fit and cited by id.

mod common;

use common::{hex, roundtrip};
use mapi_wire::data::*;
use mapi_wire::http::nspi::*;
use mapi_wire::nspi::*;
use mapi_wire::wire::{Array, Bytes, Decode, Encode, ErrorKind, List};

const CX: AbContext = AbContext::DEFAULT;

/// Builds test bytes field by field, little-endian.
#[derive(Default)]
struct B(Vec<u8>);

impl B {
    fn new() -> Self {
        B(Vec::new())
    }
    fn u8(mut self, v: u8) -> Self {
        self.0.push(v);
        self
    }
    fn u16(mut self, v: u16) -> Self {
        self.0.extend_from_slice(&v.to_le_bytes());
        self
    }
    fn u32(mut self, v: u32) -> Self {
        self.0.extend_from_slice(&v.to_le_bytes());
        self
    }
    fn i32(self, v: i32) -> Self {
        self.u32(v as u32)
    }
    fn raw(mut self, b: &[u8]) -> Self {
        self.0.extend_from_slice(b);
        self
    }
    /// NUL-terminated 8-bit string.
    fn str8(self, s: &str) -> Self {
        self.raw(s.as_bytes()).u8(0)
    }
    /// NUL-terminated UTF-16LE string.
    fn wstr(mut self, s: &str) -> Self {
        for u in s.encode_utf16() {
            self.0.extend_from_slice(&u.to_le_bytes());
        }
        self.u16(0)
    }
    /// A 36-byte STAT (MS-OXNSPI 2.2.8) at MId `cur`, code page 1252,
    /// locales 0x0409.
    fn stat(self, cur: u32) -> Self {
        self.u32(0) // SortType
            .u32(0) // ContainerID
            .u32(cur) // CurrentRec
            .i32(0) // Delta
            .u32(0) // NumPos
            .u32(0) // TotalRecs
            .u32(1252) // CodePage
            .u32(0x0409) // TemplateLocale
            .u32(0x0409) // SortLocale
    }
    /// A LargePropertyTagArray (MS-OXCMAPIHTTP 2.2.1.8).
    fn tags(mut self, tags: &[u32]) -> Self {
        self = self.u32(tags.len() as u32);
        for t in tags {
            self = self.u32(*t);
        }
        self
    }
    /// AuxiliaryBufferSize and AuxiliaryBuffer.
    fn aux(self, b: &[u8]) -> Self {
        self.u32(b.len() as u32).raw(b)
    }
    fn done(self) -> &'static [u8] {
        Box::leak(self.0.into_boxed_slice())
    }
}

/// A small AUX buffer payload; opaque to these bodies (MS-OXCRPC 3.1.4.1.2
/// is decoded elsewhere).
const AUX: &[u8] = &[0x00, 0x00, 0x04, 0x00, 0x08, 0x00, 0x08, 0x00];

/// The Bind server GUID of MS-OXNSPI section 4 (vector
/// `oxnspi-s4-bind-out-serverguid`).
const SERVER_GUID: &str = "abbc8b867933c448a1ef1b53e63bdc46";

const PID_DISPLAY_NAME: u32 = 0x3001_001F;
const PID_DISPLAY_NAME_8: u32 = 0x3001_001E;
const PID_SMTP: u32 = 0x39FE_001F;
const PID_DISPLAY_TYPE: u32 = 0x3900_0003;
const PID_ENTRY_ID: u32 = 0x0FFF_0102;
const PID_PROXY: u32 = 0x800F_101F; // PidTagAddressBookProxyAddresses
const PID_MEMBER: u32 = 0x8009_000D; // PidTagAddressBookMember (PtypEmbeddedTable)

/// The failure form of every response type (MS-OXCMAPIHTTP 2.2.5.x.3):
/// StatusCode, AuxiliaryBufferSize, AuxiliaryBuffer.
#[test]
fn every_response_has_a_failure_form() {
    let bytes = B::new().u32(0x0000_000C).aux(AUX).done(); // 12: Invalid Request Body
    macro_rules! check {
        ($($k:literal, $Req:ident, $Resp:ident;)*) => {$(
            let r = roundtrip::<$Resp<'_>>(bytes, CX);
            assert_eq!(r.status_code(), 12, $k);
            assert!(r.success().is_none(), $k);
            assert_eq!(r.auxiliary_buffer().0, AUX, $k);
            assert!(matches!(r, $Resp::Failure(_)), $k);
        )*};
    }
    mapi_wire::nspi_request_types!(check);
}

/// Encoders refuse a success body with a StatusCode and a failure body
/// without one (each would decode as the other form). Construction.
#[test]
fn response_forms_must_match_status_code() {
    let f = UnbindResponse::Failure(FailureResponse {
        status_code: 0,
        auxiliary_buffer: Bytes(&[]),
    });
    assert_eq!(
        f.to_vec_with(CX).unwrap_err().kind(),
        ErrorKind::Unencodable { value: 0 }
    );
    let s = UnbindResponse::Success(UnbindSuccess {
        status_code: 5,
        error_code: ErrorCode(1),
        auxiliary_buffer: Bytes(&[]),
    });
    assert_eq!(
        s.to_vec_with(CX).unwrap_err().kind(),
        ErrorKind::Unencodable { value: 5 }
    );
}

/// MS-OXCMAPIHTTP 2.2.5.1: Bind request with a STAT, and the success
/// response carrying the server GUID of MS-OXNSPI section 4.
#[test]
fn bind() {
    let req = B::new().u32(0).u8(0xFF).stat(0).aux(AUX).done();
    let r = roundtrip::<BindRequest<'_>>(req, CX);
    let st = r.state.unwrap();
    assert_eq!(st.code_page, CodePage::WINDOWS_1252);
    assert_eq!(st.sort_locale, 0x0409);
    assert_eq!(r.auxiliary_buffer.0, AUX);

    // Anonymous, no STAT: the 9-byte minimum.
    let req = B::new().u32(0x20).u8(0).aux(&[]).done();
    let r = roundtrip::<BindRequest<'_>>(req, CX);
    assert!(r.flags.contains(BindFlags::ANONYMOUS_LOGIN));
    assert_eq!(req.len(), 9);

    let resp = B::new()
        .u32(0)
        .raw(hex("00000000")) // ErrorCode Success (oxcdata-2.4-errcode-Success)
        .raw(hex(SERVER_GUID))
        .aux(&[])
        .done();
    let r = roundtrip::<BindResponse<'_>>(resp, CX);
    let ok = r.success().unwrap();
    assert_eq!(
        ok.server_guid.to_string(),
        "{868BBCAB-3379-48C4-A1EF-1B53E63BDC46}"
    );
    assert_eq!(ok.error_code, ErrorCode(0));
    assert_eq!(resp.len(), 28);
}

/// MS-OXCMAPIHTTP 2.2.5.2: Unbind (8-byte request; UnbindSuccess 1).
#[test]
fn unbind() {
    let r = roundtrip::<UnbindRequest<'_>>(B::new().u32(0).aux(&[]).done(), CX);
    assert_eq!(r.reserved, 0);
    let resp = B::new().u32(0).u32(1).aux(AUX).done();
    let r = roundtrip::<UnbindResponse<'_>>(resp, CX);
    assert_eq!(r.success().unwrap().error_code, ErrorCode(1));
}

/// MS-OXCMAPIHTTP 2.2.5.3: CompareMinIds; the response is StatusCode,
/// ErrorCode, Result (the specification's order).
#[test]
fn compare_min_ids() {
    let req = B::new()
        .u32(0)
        .u8(0xFF)
        .stat(0)
        .u32(0x10)
        .u32(0x20)
        .aux(&[])
        .done();
    let r = roundtrip::<CompareMinIdsRequest<'_>>(req, CX);
    assert_eq!((r.minimal_id1.0, r.minimal_id2.0), (0x10, 0x20));
    let resp = B::new().u32(0).u32(0).i32(-1).aux(&[]).done();
    let r = roundtrip::<CompareMinIdsResponse<'_>>(resp, CX);
    assert_eq!(r.success().unwrap().result, -1);
    // gromox's order (Result before ErrorCode) reads as a large ErrorCode:
    // the type follows the specification.
    let swapped = B::new().u32(0).i32(1).u32(0x8004_0102).aux(&[]).done();
    let r = roundtrip::<CompareMinIdsResponse<'_>>(swapped, CX);
    assert_eq!(r.success().unwrap().error_code, ErrorCode(1));
}

/// MS-OXCMAPIHTTP 2.2.5.4: DnToMinId with two 8-bit DNs; one MId per DN,
/// 0 for an unknown one (MS-OXNSPI 3.1.4.1.13).
#[test]
fn dn_to_min_id() {
    let req = B::new()
        .u32(0)
        .u8(0xFF)
        .u32(2)
        .str8("/o=Org/ou=Site/cn=Recipients/cn=alice")
        .str8("/o=Org/cn=nobody")
        .aux(&[])
        .done();
    let r = roundtrip::<DnToMinIdRequest<'_>>(req, CX);
    let names = r.names.unwrap();
    assert_eq!(names.strings.len(), 2);
    assert_eq!(
        names.strings.get(0).unwrap().as_bytes(),
        b"/o=Org/ou=Site/cn=Recipients/cn=alice"
    );
    let resp = B::new()
        .u32(0)
        .u32(0)
        .u8(0xFF)
        .u32(2)
        .u32(0x1234)
        .u32(0)
        .aux(&[])
        .done();
    let r = roundtrip::<DnToMinIdResponse<'_>>(resp, CX);
    let ids: Vec<_> = r.success().unwrap().minimal_ids.unwrap().iter().collect();
    assert_eq!(ids, [MinimalEntryId(0x1234), MinimalEntryId(0)]);
    // HasMinimalIds 0: no count follows (MAPI Inspector reads one anyway).
    let resp = B::new().u32(0).u32(0x8004_010F).u8(0).aux(&[]).done();
    let r = roundtrip::<DnToMinIdResponse<'_>>(resp, CX);
    assert!(r.success().unwrap().minimal_ids.is_none());
}

/// The columns of the realistic rows below.
const COLUMNS: [u32; 5] = [
    PID_DISPLAY_NAME,
    PID_SMTP,
    PID_DISPLAY_TYPE,
    PID_ENTRY_ID,
    PID_PROXY,
];

/// One standard row over [`COLUMNS`] (MS-OXCMAPIHTTP 2.2.1.7 with Flags
/// 0x0): strings and binaries with HasValue 0xFF, the multi-valued string
/// with a presence byte per element.
fn standard_row(b: B, name: &str, mid: u32) -> B {
    let eid = EphemeralEntryId::new(
        Guid(hex(SERVER_GUID).try_into().unwrap()),
        AbDisplayType::MAILUSER,
        MinimalEntryId(mid),
    );
    let eid = eid.to_vec().unwrap();
    b.u8(0x00)
        .u8(0xFF)
        .wstr(name)
        .u8(0xFF)
        .wstr("alice@example.com")
        .u32(0) // DT_MAILUSER
        .u8(0xFF)
        .u32(eid.len() as u32)
        .raw(&eid)
        .u8(0xFF)
        .u32(2)
        .u8(0xFF)
        .wstr("SMTP:alice@example.com")
        .u8(0x00) // an absent element
}

/// One flagged row over [`COLUMNS`] (Flags 0x1): a missing SMTP address
/// (0xA + NotFound, oxcdata-2.4-errcode-NotFound) and no proxy addresses
/// (0x1).
fn flagged_row(b: B) -> B {
    b.u8(0x01)
        .u8(0x00)
        .u8(0xFF)
        .wstr("Bob")
        .u8(0x0A)
        .raw(hex("0f010480"))
        .u8(0x00)
        .u32(1) // DT_DISTLIST
        .u8(0x00)
        .u8(0x00) // HasValue FALSE: no EntryID
        .u8(0x01)
}

/// MS-OXCMAPIHTTP 2.2.5.12: QueryRows with an explicit table and columns;
/// the response's rows are read against the response's columns.
#[test]
fn query_rows() {
    let req = B::new()
        .u32(0x2) // fEphID
        .u8(0xFF)
        .stat(0)
        .u32(2)
        .u32(0x10)
        .u32(0x11)
        .u32(50)
        .u8(0xFF)
        .tags(&COLUMNS)
        .aux(AUX)
        .done();
    let r = roundtrip::<QueryRowsRequest<'_>>(req, CX);
    assert_eq!(r.explicit_table.len(), 2);
    assert_eq!(r.columns.unwrap().property_tags.len(), 5);

    let resp = B::new()
        .u32(0)
        .u32(0)
        .u8(0xFF)
        .stat(2)
        .u8(0xFF)
        .tags(&COLUMNS)
        .u32(2);
    let resp = flagged_row(standard_row(resp, "Alice", 0x1234))
        .aux(&[])
        .done();
    let r = roundtrip::<QueryRowsResponse<'_>>(resp, CX);
    let ok = r.success().unwrap();
    assert_eq!(ok.state.unwrap().current_rec, MinimalEntryId::END_OF_TABLE);
    let rows: Vec<_> = ok.row_data.unwrap().iter().collect();
    assert_eq!(rows.len(), 2);
    let cells: Vec<_> = rows[0].cells().collect();
    assert_eq!(cells.len(), 5);
    assert_eq!(
        cells[0]
            .value()
            .and_then(|v| v.as_value())
            .and_then(|v| v.as_utf16())
            .unwrap(),
        "Alice"
    );
    // The EntryID cell decodes as an Ephemeral EntryID of MId 0x1234.
    let eid = cells[3]
        .value()
        .and_then(|v| v.as_value())
        .and_then(|v| v.as_binary())
        .unwrap();
    let (id, _) = NspiEntryId::decode(eid).unwrap();
    assert!(matches!(id, NspiEntryId::Ephemeral(e) if e.mid == MinimalEntryId(0x1234)));
    let AddressBookValue::MultipleString(proxies) = cells[4].value().unwrap() else {
        panic!("{:?}", cells[4]);
    };
    assert_eq!(proxies.len(), 2);
    assert_eq!(
        proxies.get(0).unwrap().value.unwrap(),
        "SMTP:alice@example.com"
    );
    assert_eq!(proxies.get(1).unwrap(), AbElement::ABSENT);

    let cells: Vec<_> = rows[1].cells().collect();
    assert_eq!(rows[1].flags, 1);
    let AbCell::Flagged(smtp) = cells[1] else {
        panic!()
    };
    assert_eq!(smtp.error(), Some(ErrorCode::NOT_FOUND));
    let AbCell::Flagged(eid) = cells[3] else {
        panic!()
    };
    assert_eq!(
        eid.property_value.unwrap(),
        AddressBookPropertyValue::ABSENT
    );
    let AbCell::Flagged(proxy) = cells[4] else {
        panic!()
    };
    assert!(proxy.property_value.is_none());
    assert!(cells[4].value().is_none());
}

/// The per-element presence byte is an option: without it, the same
/// multi-valued string reads as MS-OXCDATA 2.11.1 lays it out.
/// Construction.
#[test]
fn element_flags_option() {
    let plain = AbContext {
        element_flags: false,
        ..CX
    };
    let ty = (PropertyType::MULTIPLE_STRING, plain);
    let bytes = B::new().u8(0xFF).u32(1).wstr("x").done();
    let v = roundtrip::<AddressBookPropertyValue<'_>>(bytes, ty);
    assert!(matches!(
        v.value,
        Some(AddressBookValue::Value(PropertyValue::MultipleString(_)))
    ));
    // With the flags on, the same bytes fail: 'x' is read as a presence
    // byte, then an unterminated string.
    assert!(
        AddressBookPropertyValue::decode_exact(bytes, (PropertyType::MULTIPLE_STRING, CX)).is_err()
    );
    // A value of one form does not encode in the other.
    assert_eq!(
        v.to_vec_with((PropertyType::MULTIPLE_STRING, CX))
            .unwrap_err()
            .kind(),
        ErrorKind::Unencodable { value: 0x101F }
    );
    // Multi-valued binary, flags on: 0xFF + length + bytes per element.
    let bytes = B::new()
        .u8(0xFF)
        .u32(2)
        .u8(0xFF)
        .u32(2)
        .raw(&[1, 2])
        .u8(0)
        .done();
    let v = roundtrip::<AddressBookPropertyValue<'_>>(bytes, (PropertyType::MULTIPLE_BINARY, CX));
    let Some(AddressBookValue::MultipleBinary(l)) = v.value else {
        panic!()
    };
    assert_eq!(l.get(0).unwrap().value.unwrap().0, &[1, 2]);
    // Multi-valued integers have no per-element byte in either case.
    let bytes = B::new().u8(0xFF).u32(2).u32(7).u32(8).done();
    let v =
        roundtrip::<AddressBookPropertyValue<'_>>(bytes, (PropertyType::MULTIPLE_INTEGER32, CX));
    let Some(AddressBookValue::Value(PropertyValue::MultipleInteger32(a))) = v.value else {
        panic!()
    };
    assert_eq!(a.to_vec(), [7, 8]);
}

/// MS-OXCMAPIHTTP 2.2.1.1: HasValue only for strings, binaries and the
/// multi-valued types; any non-zero HasValue is kept; PtypObject has no
/// bytes; PtypNull none either.
#[test]
fn address_book_property_value_forms() {
    let v =
        roundtrip::<AddressBookPropertyValue<'_>>(&[0x2A, 0, 0, 0], (PropertyType::INTEGER32, CX));
    assert_eq!(v.has_value, None);
    let v = roundtrip::<AddressBookPropertyValue<'_>>(&[0x01], (PropertyType::BOOLEAN, CX));
    assert_eq!(v.property_value(), Some(&PropertyValue::Boolean(true)));
    // HasValue 0x01 (not 0xFF): accepted and kept.
    let v =
        roundtrip::<AddressBookPropertyValue<'_>>(&[0x01, b'a', 0], (PropertyType::STRING8, CX));
    assert_eq!(v.has_value, Some(0x01));
    let v = roundtrip::<AddressBookPropertyValue<'_>>(&[0x00], (PropertyType::STRING, CX));
    assert_eq!(v, AddressBookPropertyValue::ABSENT);
    // PtypEmbeddedTable (PidTagAddressBookMember): zero bytes.
    let tv = B::new().u32(PID_MEMBER).done();
    let v = roundtrip::<AddressBookTaggedPropertyValue<'_>>(tv, CX);
    assert_eq!(v.property_value.value, Some(AddressBookValue::Object));
    // Built values: 0xFF for the types with the byte.
    let built = AddressBookTaggedPropertyValue::new(0x3001, PropertyValue::string("Al").into());
    assert_eq!(
        built.to_vec_with(CX).unwrap(),
        B::new().u32(PID_DISPLAY_NAME).u8(0xFF).wstr("Al").0
    );
    // Inconsistent HasValue and value are refused.
    let bad = AddressBookPropertyValue {
        has_value: None,
        value: Some(PropertyValue::string("x").into()),
    };
    assert!(bad.to_vec_with((PropertyType::STRING, CX)).is_err());
    // A typed value (2.2.1.4) and a flagged one with type (2.2.1.6).
    let v = roundtrip::<AddressBookTypedPropertyValue<'_>>(
        B::new().u16(0x1E).u8(0xFF).str8("x").done(),
        CX,
    );
    assert_eq!(v.property_type, PropertyType::STRING8);
    let v = roundtrip::<AddressBookFlaggedPropertyValueWithType<'_>>(
        B::new().u16(0x03).u8(0x0A).raw(hex("05400080")).done(), // GeneralFailure
        CX,
    );
    assert_eq!(v.flagged_value.error(), Some(ErrorCode(0x8000_4005)));
    // Flags other than 0x0, 0x1, 0xA are refused.
    let e = AddressBookFlaggedPropertyValue::decode_exact(&[0x02], (PropertyType::INTEGER32, CX))
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidValue { value: 2 });
}

/// MS-OXCMAPIHTTP 2.2.1.7: unspecified columns carry their type (typed
/// cells in a standard row, flagged cells with type in a flagged row).
#[test]
fn rows_with_unspecified_columns() {
    let cols = [0x3001_0000u32, PID_DISPLAY_TYPE];
    let tags: Vec<_> = cols.iter().map(|&t| PropertyTag(t)).collect();
    let cx = AbRowContext::new(Array::from_slice(&tags), CX);
    let row = B::new().u8(0).u16(0x1F).u8(0xFF).wstr("A").u32(6).done();
    let r = roundtrip::<AddressBookPropertyRow<'_>>(row, cx);
    assert!(matches!(r.cells().next(), Some(AbCell::Typed(_))));
    let row = B::new().u8(1).u16(0x1F).u8(0x01).u8(0x00).u32(6).done();
    let r = roundtrip::<AddressBookPropertyRow<'_>>(row, cx);
    assert!(matches!(r.cells().next(), Some(AbCell::FlaggedTyped(_))));
    // Row Flags 0x2 is refused.
    let e = AddressBookPropertyRow::decode_exact(&[0x02, 0, 0, 0, 0], cx).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidValue { value: 2 });
    // A built row encodes against its columns and decodes back equal.
    let cells = [
        AbCell::Typed(AddressBookTypedPropertyValue {
            property_type: PropertyType::STRING,
            property_value: AddressBookPropertyValue::new(PropertyValue::string("A").into()),
        }),
        AbCell::Value(AddressBookPropertyValue::new(
            PropertyValue::Integer32(6).into(),
        )),
    ];
    let built = AddressBookPropertyRow::new(0, &cells);
    let bytes = built.to_vec_with(cx).unwrap();
    assert_eq!(bytes, B::new().u8(0).u16(0x1F).u8(0xFF).wstr("A").u32(6).0);
    assert_eq!(
        AddressBookPropertyRow::decode_exact(&bytes, cx).unwrap(),
        built
    );
    // Too few cells for the columns: refused.
    let short = AddressBookPropertyRow::new(0, &cells[..1]);
    assert!(short.to_vec_with(cx).is_err());
}

/// MS-OXCMAPIHTTP 2.2.5.5: GetMatches with a filter in the
/// specification's form (Standard), and in gromox's form with
/// FilterForm::AddressBook / Auto.
#[test]
fn get_matches() {
    // And(Content(PREFIX|IGNORECASE on PidTagDisplayName "al"), Exist(SMTP))
    let content_std = B::new()
        .u8(0x03)
        .u16(0x0002)
        .u16(0x0001)
        .u32(PID_DISPLAY_NAME)
        .u32(PID_DISPLAY_NAME)
        .wstr("al");
    let filter = B::new()
        .u8(0x00)
        .u32(2)
        .raw(&content_std.0)
        .u8(0x08)
        .u32(PID_SMTP);
    let req = B::new()
        .u32(0)
        .u8(0xFF)
        .stat(0)
        .u8(0)
        .u32(0)
        .u8(0xFF)
        .raw(&filter.0)
        .u8(0)
        .u32(10)
        .u8(0xFF)
        .tags(&[PID_DISPLAY_NAME, PID_DISPLAY_TYPE])
        .aux(&[])
        .done();
    let r = roundtrip::<GetMatchesRequest<'_>>(req, CX);
    let AbRestriction::And(and) = r.filter.clone().unwrap() else {
        panic!()
    };
    let kids: Vec<_> = and.restricts.iter().collect();
    let AbRestriction::Content(c) = &kids[0] else {
        panic!()
    };
    assert_eq!(c.fuzzy_level_low, FuzzyLevelLow::PREFIX);
    let FilterValue::Standard(tv) = c.tagged_value else {
        panic!()
    };
    assert_eq!(tv.property_value.as_utf16().unwrap(), "al");
    // Auto reads the same bytes identically.
    let auto = AbContext {
        filter_form: FilterForm::Auto,
        ..CX
    };
    roundtrip::<GetMatchesRequest<'_>>(req, auto);

    // gromox's form: Property(EQ, PidTagDisplayName8, 0xFF, tag, HasValue, "al").
    let filter = B::new()
        .u8(0x04)
        .u8(0x04)
        .u32(PID_DISPLAY_NAME_8)
        .u8(0xFF)
        .u32(PID_DISPLAY_NAME_8)
        .u8(0xFF)
        .str8("al");
    let req = B::new()
        .u32(0)
        .u8(0)
        .u8(0xFF)
        .u32(1)
        .u32(0x40)
        .u32(0)
        .u8(0xFF)
        .raw(&filter.0)
        .u8(0xFF)
        .raw(&[0x11; 16])
        .u32(0x8009)
        .u32(10)
        .u8(0)
        .aux(&[])
        .done();
    // The specification's reading refuses it (0xFF is no property type).
    assert!(GetMatchesRequest::decode_exact(req, CX).is_err());
    for form in [FilterForm::AddressBook, FilterForm::Auto] {
        let cx = AbContext {
            filter_form: form,
            ..CX
        };
        let r = roundtrip::<GetMatchesRequest<'_>>(req, cx);
        let Some(AbRestriction::Property(p)) = r.filter else {
            panic!()
        };
        assert!(matches!(
            p.tagged_value,
            FilterValue::AddressBook {
                present: 0xFF,
                value: Some(_)
            }
        ));
        assert_eq!(r.property_name_id, Some(0x8009));
        assert_eq!(r.minimal_ids.unwrap().len(), 1);
    }

    // Response: MIds and rows.
    let resp = B::new()
        .u32(0)
        .u32(0)
        .u8(0xFF)
        .stat(0)
        .u8(0xFF)
        .u32(1)
        .u32(0x1234)
        .u8(0xFF)
        .tags(&COLUMNS)
        .u32(1);
    let resp = standard_row(resp, "Alice", 0x1234).aux(&[]).done();
    let r = roundtrip::<GetMatchesResponse<'_>>(resp, CX);
    assert_eq!(r.success().unwrap().row_data.unwrap().len(), 1);
}

/// MS-OXCMAPIHTTP 2.2.5.6: GetPropList.
#[test]
fn get_prop_list() {
    let req = B::new().u32(1).u32(0x1234).u32(1252).aux(&[]).done();
    let r = roundtrip::<GetPropListRequest<'_>>(req, CX);
    assert_eq!(r.code_page, CodePage::WINDOWS_1252);
    let resp = B::new()
        .u32(0)
        .u32(0)
        .u8(0xFF)
        .tags(&COLUMNS)
        .aux(&[])
        .done();
    let r = roundtrip::<GetPropListResponse<'_>>(resp, CX);
    assert_eq!(
        r.success()
            .unwrap()
            .property_tags
            .unwrap()
            .property_tags
            .len(),
        5
    );
}

/// MS-OXCMAPIHTTP 2.2.5.7: GetProps; a missing property comes back typed
/// PtypErrorCode with ErrorsReturned (MS-OXNSPI 3.1.4.1.7;
/// oxcdata-2.4-errcode-ErrorsReturned, -NotFound).
#[test]
fn get_props() {
    let req = B::new()
        .u32(0)
        .u8(0xFF)
        .stat(0x1234)
        .u8(0xFF)
        .tags(&[PID_DISPLAY_NAME, PID_SMTP])
        .aux(&[])
        .done();
    let r = roundtrip::<GetPropsRequest<'_>>(req, CX);
    assert_eq!(r.state.unwrap().current_rec, MinimalEntryId(0x1234));
    let resp = B::new()
        .u32(0)
        .raw(hex("80030400"))
        .u32(1252)
        .u8(0xFF)
        .u32(2)
        .u32(PID_DISPLAY_NAME)
        .u8(0xFF)
        .wstr("Alice")
        .u32(0x39FE_000A)
        .raw(hex("0f010480"))
        .aux(&[])
        .done();
    let r = roundtrip::<GetPropsResponse<'_>>(resp, CX);
    let ok = r.success().unwrap();
    assert_eq!(ok.error_code, ErrorCode(0x0004_0380));
    let vals: Vec<_> = ok.property_values.unwrap().property_values.iter().collect();
    assert_eq!(
        vals[1].property_value.property_value(),
        Some(&PropertyValue::ErrorCode(ErrorCode::NOT_FOUND))
    );
}

/// MS-OXCMAPIHTTP 2.2.5.8: GetSpecialTable with a version and a
/// hierarchy row (self-describing AddressBookPropertyValueLists).
#[test]
fn get_special_table() {
    let req = B::new()
        .u32(4)
        .u8(0xFF)
        .stat(0)
        .u8(0xFF)
        .u32(3)
        .aux(&[])
        .done();
    let r = roundtrip::<GetSpecialTableRequest<'_>>(req, CX);
    assert_eq!(r.version, Some(3));
    let container = PermanentEntryId::new(
        AbDisplayType::CONTAINER,
        String8::new(b"/guid=0123456789ABCDEF0123456789ABCDEF").unwrap(),
    )
    .to_vec()
    .unwrap();
    let resp = B::new()
        .u32(0)
        .u32(0)
        .u32(1252)
        .u8(0xFF)
        .u32(4)
        .u8(0xFF)
        .u32(1)
        .u32(2)
        .u32(PID_ENTRY_ID)
        .u8(0xFF)
        .u32(container.len() as u32)
        .raw(&container)
        .u32(PID_DISPLAY_NAME)
        .u8(0xFF)
        .wstr("All Users")
        .aux(&[])
        .done();
    let r = roundtrip::<GetSpecialTableResponse<'_>>(resp, CX);
    let rows = r.success().unwrap().rows.unwrap();
    let row = rows.get(0).unwrap();
    let eid = row.property_values.get(0).unwrap();
    let bin = eid
        .property_value
        .property_value()
        .unwrap()
        .as_binary()
        .unwrap();
    // vector oxnspi-2.2.1.7-guid-nspi: the ProviderUID of a PermanentEntryID.
    assert_eq!(&bin[4..20], hex("dca740c8c042101ab4b908002b2fe182"));
    let (id, _) = NspiEntryId::decode(bin).unwrap();
    let NspiEntryId::Permanent(p) = id else {
        panic!()
    };
    assert_eq!(p.display_type, AbDisplayType::CONTAINER);
    assert_eq!(p.provider_uid, PermanentEntryId::GUID_NSPI);
}

/// MS-OXCMAPIHTTP 2.2.5.9: GetTemplateInfo with an 8-bit TemplateDn.
#[test]
fn get_template_info() {
    let req = B::new()
        .u32(0x1)
        .u32(0)
        .u8(0xFF)
        .str8("/o=Org/cn=Templates")
        .u32(1252)
        .u32(0x0409)
        .aux(&[])
        .done();
    let r = roundtrip::<GetTemplateInfoRequest<'_>>(req, CX);
    assert_eq!(r.template_dn.unwrap().as_bytes(), b"/o=Org/cn=Templates");
    let resp = B::new()
        .u32(0)
        .u32(0)
        .u32(1252)
        .u8(0xFF)
        .u32(1)
        .u32(0x0001_0102) // PidTagTemplateData
        .u8(0xFF)
        .u32(3)
        .raw(&[1, 2, 3])
        .aux(&[])
        .done();
    let r = roundtrip::<GetTemplateInfoResponse<'_>>(resp, CX);
    assert_eq!(r.success().unwrap().row.unwrap().property_values.len(), 1);
}

/// MS-OXCMAPIHTTP 2.2.5.10: ModLinkAtt with two length-prefixed EntryIDs.
#[test]
fn mod_link_att() {
    let eid = EphemeralEntryId::new(Guid([9; 16]), AbDisplayType::MAILUSER, MinimalEntryId(0x55))
        .to_vec()
        .unwrap();
    let req = B::new()
        .u32(0)
        .u32(0x8009_101E) // PidTagAddressBookMember
        .u32(0x77)
        .u8(0xFF)
        .u32(2)
        .u32(eid.len() as u32)
        .raw(&eid)
        .u32(3)
        .raw(&[0, 0, 0])
        .aux(&[])
        .done();
    let r = roundtrip::<ModLinkAttRequest<'_>>(req, CX);
    assert_eq!(r.entry_ids.unwrap().len(), 2);
    roundtrip::<ModLinkAttResponse<'_>>(B::new().u32(0).u32(0).aux(&[]).done(), CX);
}

/// MS-OXCMAPIHTTP 2.2.5.11: ModProps removing one property and setting a
/// multi-valued string.
#[test]
fn mod_props() {
    let req = B::new()
        .u32(0)
        .u8(0xFF)
        .stat(0x1234)
        .u8(0xFF)
        .tags(&[0x3A19_001F])
        .u8(0xFF)
        .u32(1)
        .u32(PID_PROXY)
        .u8(0xFF)
        .u32(1)
        .u8(0xFF)
        .wstr("smtp:al@example.com")
        .aux(&[])
        .done();
    let r = roundtrip::<ModPropsRequest<'_>>(req, CX);
    assert_eq!(r.property_values.unwrap().property_values.len(), 1);
    let r = roundtrip::<ModPropsResponse<'_>>(B::new().u32(0).u32(0x8007_0005).aux(&[]).done(), CX);
    assert_eq!(r.success().unwrap().error_code, ErrorCode(0x8007_0005));
}

/// MS-OXCMAPIHTTP 2.2.5.13: QueryColumns.
#[test]
fn query_columns() {
    let r =
        roundtrip::<QueryColumnsRequest<'_>>(B::new().u32(0).u32(0x8000_0000).aux(&[]).done(), CX);
    assert_eq!(r.map_flags, QueryColumnsFlags::UNICODE_PROPTYPES);
    let resp = B::new()
        .u32(0)
        .u32(0)
        .u8(0xFF)
        .tags(&COLUMNS)
        .aux(&[])
        .done();
    roundtrip::<QueryColumnsResponse<'_>>(resp, CX);
}

/// MS-OXCMAPIHTTP 2.2.5.14: ResolveNames; a row per resolved name, read
/// against PropertyTags.
#[test]
fn resolve_names() {
    let req = B::new()
        .u32(0)
        .u8(0xFF)
        .stat(0)
        .u8(0xFF)
        .tags(&COLUMNS)
        .u8(0xFF)
        .u32(2)
        .wstr("alice")
        .wstr("zz")
        .aux(&[])
        .done();
    let r = roundtrip::<ResolveNamesRequest<'_>>(req, CX);
    assert_eq!(r.names.unwrap().strings.get(1).unwrap(), "zz");
    let resp = B::new()
        .u32(0)
        .u32(0)
        .u32(1252)
        .u8(0xFF)
        .u32(2)
        .u32(2)
        .u32(0)
        .u8(0xFF)
        .tags(&COLUMNS)
        .u32(1);
    let resp = standard_row(resp, "Alice", 0x1234).aux(&[]).done();
    let r = roundtrip::<ResolveNamesResponse<'_>>(resp, CX);
    let ok = r.success().unwrap();
    let mids: Vec<_> = ok.minimal_ids.unwrap().iter().collect();
    assert_eq!(
        mids,
        [MinimalEntryId::MID_RESOLVED, MinimalEntryId::MID_UNRESOLVED]
    );
    assert_eq!(ok.row_data.unwrap().len(), 1);
}

/// MS-OXCMAPIHTTP 2.2.5.15: ResortRestriction.
#[test]
fn resort_restriction() {
    let req = B::new()
        .u32(0)
        .u8(0xFF)
        .stat(0)
        .u8(0xFF)
        .u32(2)
        .u32(0x20)
        .u32(0x10)
        .aux(&[])
        .done();
    roundtrip::<ResortRestrictionRequest<'_>>(req, CX);
    let resp = B::new()
        .u32(0)
        .u32(0)
        .u8(0xFF)
        .stat(0)
        .u8(0xFF)
        .u32(2)
        .u32(0x10)
        .u32(0x20)
        .aux(&[])
        .done();
    let r = roundtrip::<ResortRestrictionResponse<'_>>(resp, CX);
    assert_eq!(
        r.success().unwrap().minimal_ids.unwrap().get(0),
        Some(MinimalEntryId(0x10))
    );
}

/// MS-OXCMAPIHTTP 2.2.5.16: SeekEntries with a PtypString target; the
/// response has rows but no STAT (HasColumnsAndRows is independent).
#[test]
fn seek_entries() {
    let req = B::new()
        .u32(0)
        .u8(0xFF)
        .stat(0)
        .u8(0xFF)
        .u32(PID_DISPLAY_NAME)
        .u8(0xFF)
        .wstr("Al")
        .u8(0)
        .u8(0xFF)
        .tags(&COLUMNS)
        .aux(&[])
        .done();
    let r = roundtrip::<SeekEntriesRequest<'_>>(req, CX);
    assert!(r.explicit_table.is_none());
    let resp = B::new().u32(0).u32(0).u8(0).u8(0xFF).tags(&COLUMNS).u32(1);
    let resp = standard_row(resp, "Alice", 1).aux(&[]).done();
    let r = roundtrip::<SeekEntriesResponse<'_>>(resp, CX);
    assert!(r.success().unwrap().state.is_none());
}

/// MS-OXCMAPIHTTP 2.2.5.17: UpdateStat with MID_CURRENT (valid only here).
#[test]
fn update_stat() {
    let req = B::new().u32(0).u8(0xFF).stat(1).u8(1).aux(&[]).done();
    let r = roundtrip::<UpdateStatRequest<'_>>(req, CX);
    assert_eq!(r.state.unwrap().current_rec, MinimalEntryId::CURRENT);
    let resp = B::new()
        .u32(0)
        .u32(0)
        .u8(0xFF)
        .stat(0x40)
        .u8(0xFF)
        .i32(-3)
        .aux(&[])
        .done();
    let r = roundtrip::<UpdateStatResponse<'_>>(resp, CX);
    assert_eq!(r.success().unwrap().delta, Some(-3));
    assert_eq!(B::new().u32(0).u8(0).u8(0).aux(&[]).done().len(), 10);
}

/// MS-OXCMAPIHTTP 2.2.5.18 and 2.2.5.19: the URL requests (UTF-16LE).
#[test]
fn urls() {
    let req = B::new()
        .u32(0)
        .wstr("/o=Org/ou=Site/cn=Configuration/cn=Servers/cn=EX1")
        .aux(&[])
        .done();
    let r = roundtrip::<GetMailboxUrlRequest<'_>>(req, CX);
    assert_eq!(
        r.server_dn.to_string(),
        "/o=Org/ou=Site/cn=Configuration/cn=Servers/cn=EX1"
    );
    let resp = B::new()
        .u32(0)
        .u32(0)
        .wstr("https://ex1/mapi/emsmdb/?MailboxId=x")
        .aux(&[])
        .done();
    let r = roundtrip::<GetMailboxUrlResponse<'_>>(resp, CX);
    assert_eq!(
        r.success().unwrap().server_url.to_string(),
        "https://ex1/mapi/emsmdb/?MailboxId=x"
    );
    let req = B::new().u32(0).wstr("/o=Org/cn=alice").aux(&[]).done();
    roundtrip::<GetAddressBookUrlRequest<'_>>(req, CX);
    let resp = B::new()
        .u32(0)
        .u32(0)
        .wstr("https://ex1/mapi/nspi/?MailboxId=x")
        .aux(&[])
        .done();
    roundtrip::<GetAddressBookUrlResponse<'_>>(resp, CX);
}

/// The 100,000 cap of LargePropertyTagArray (MS-OXCMAPIHTTP 2.2.1.8) and
/// of the string arrays (MS-OXNSPI 2.2.7), and counts checked against the
/// bytes that remain before anything is walked. Construction.
#[test]
fn counts_are_capped_and_checked() {
    let e = LargePropertyTagArray::decode(&B::new().u32(100_001).0).unwrap_err();
    assert_eq!(
        e.kind(),
        ErrorKind::LimitExceeded {
            value: 100_001,
            limit: 100_000
        }
    );
    let e = StringsArray::decode(&B::new().u32(50).raw(b"a\0").0).unwrap_err();
    assert!(matches!(
        e.kind(),
        ErrorKind::CountTooLarge { count: 50, .. }
    ));
    // RowCount 40000 of rows over one column in a 30-byte body.
    let resp = B::new()
        .u32(0)
        .u32(0)
        .u8(0)
        .u8(0xFF)
        .tags(&[PID_DISPLAY_TYPE])
        .u32(40_000)
        .aux(&[])
        .done();
    let e = QueryRowsResponse::decode_exact(resp, CX).unwrap_err();
    assert!(
        matches!(e.kind(), ErrorKind::CountTooLarge { count: 40_000, .. }),
        "{e}"
    );
    assert_eq!(e.offset(), 18);
    assert!(e.to_string().contains("RowData"), "{e}");
}

/// STAT, EntryIDs and the string arrays on their own (MS-OXNSPI 2.2.8,
/// 2.2.9.2, 2.2.9.3, 2.2.7).
#[test]
fn nspi_structures() {
    let s = roundtrip::<Stat>(B::new().stat(2).done(), ());
    assert_eq!(s.current_rec, MinimalEntryId::END_OF_TABLE);
    let e = B::new()
        .u8(0x87)
        .raw(&[0, 0, 0])
        .raw(hex(SERVER_GUID))
        .u32(1)
        .u32(0)
        .u32(0x1234)
        .done();
    let id = roundtrip::<NspiEntryId<'_>>(e, ());
    assert!(matches!(id, NspiEntryId::Ephemeral(x) if x.provider_uid.0 == *hex(SERVER_GUID)));
    let p = B::new()
        .u8(0)
        .raw(&[0, 0, 0])
        .raw(hex("dca740c8c042101ab4b908002b2fe182"))
        .u32(1)
        .u32(1)
        .str8("/o=Org/cn=list")
        .done();
    let id = roundtrip::<NspiEntryId<'_>>(p, ());
    assert!(matches!(id, NspiEntryId::Permanent(x) if x.display_type == AbDisplayType::DISTLIST));
    let e = NspiEntryId::decode(&[0x01; 40]).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidValue { value: 1 });
    let w = roundtrip::<WStringsArray<'_>>(B::new().u32(1).wstr("é").done(), ());
    assert_eq!(w.strings.get(0).unwrap(), "é");
    let strings = [String8::new(b"a").unwrap()];
    let built = StringsArray::new(&strings);
    assert_eq!(built.to_vec().unwrap(), B::new().u32(1).str8("a").0);
    let wide = [Utf16Str::from_str("a")];
    let l = List::from_slice(&wide);
    assert_eq!(
        WStringsArray { strings: l }.to_vec().unwrap(),
        B::new().u32(1).wstr("a").0
    );
}

/// Nesting is bounded by Limits::max_depth. Construction.
#[test]
fn restriction_depth_is_bounded() {
    // 100 nested Not restrictions exceed the default depth of 64.
    let mut b = B::new();
    for _ in 0..100 {
        b = b.u8(0x02);
    }
    let bytes = b.u8(0x08).u32(PID_DISPLAY_NAME).done();
    let e = AbRestriction::decode_exact(bytes, CX).unwrap_err();
    assert!(
        matches!(e.kind(), ErrorKind::LimitExceeded { limit: 64, .. }),
        "{e}"
    );
}

/// Every seed of the `nspi_body` fuzz target (written by
/// fuzz/make_seeds.py from the constructions above) decodes and
/// re-encodes identically, so that fuzzing starts from valid bodies.
#[test]
fn fuzz_seeds_decode() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/seeds/nspi_body");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let data = std::fs::read(&path).unwrap();
        let (&sel, input) = data.split_first().unwrap();
        let cx = AbContext {
            element_flags: sel & 0x40 == 0,
            filter_form: if sel & 0x80 != 0 {
                FilterForm::Auto
            } else {
                FilterForm::Standard
            },
        };
        let which = usize::from(sel & 0x3F) % 38;
        let input: &'static [u8] = Box::leak(input.to_vec().into_boxed_slice());
        let mut i = 0;
        macro_rules! dispatch {
            ($($k:literal, $Req:ident, $Resp:ident;)*) => {$(
                if which == i {
                    roundtrip::<$Req<'_>>(input, cx);
                }
                if which == i + 1 {
                    roundtrip::<$Resp<'_>>(input, cx);
                }
                i += 2;
            )*};
        }
        mapi_wire::nspi_request_types!(dispatch);
        assert_eq!(i, 38);
        n += 1;
    }
    assert_eq!(n, 42);
}

/// mapi-inspect lists the 38 NSPI kinds and decodes and round-trips a
/// QueryRows response (shared/CLI.md); the options choose the readings.
#[cfg(feature = "cli")]
#[test]
fn cli_kinds() {
    let run = common::cli::inspect;
    let kinds = String::from_utf8(run(&["kinds"], b"").stdout).unwrap();
    let mut n = 0;
    macro_rules! listed {
        ($($k:literal, $Req:ident, $Resp:ident;)*) => {$(
            for suffix in ["-request", "-response"] {
                let name = format!("{}{}", $k, suffix);
                assert!(kinds.lines().any(|l| l == name), "{name} missing");
                n += 1;
            }
        )*};
    }
    mapi_wire::nspi_request_types!(listed);
    assert_eq!(n, 38);

    let resp = B::new().u32(0).u32(0).u8(0).u8(0xFF).tags(&COLUMNS).u32(1);
    let resp = standard_row(resp, "Alice", 7).aux(&[]).done();
    let o = run(&["decode", "queryrows-response"], resp);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["row_data"][0]["value_array"][0]["value"], "Alice");
    assert_eq!(json["columns"]["property_tags"][0], "0x3001001F");
    let o = run(&["roundtrip", "queryrows-response"], resp);
    assert_eq!(o.status.code(), Some(0));
    // Without per-element bytes the proxy addresses read differently (here
    // the misaligned strings happen to end inside the body).
    let default = run(&["decode", "queryrows-response"], resp).stdout;
    let o = run(
        &[
            "decode",
            "queryrows-response",
            "--nspi-element-flags",
            "off",
        ],
        resp,
    );
    assert_ne!(o.stdout, default);
    let o = run(
        &[
            "decode",
            "queryrows-response",
            "--nspi-element-flags",
            "maybe",
        ],
        resp,
    );
    assert_eq!(o.status.code(), Some(2));
    let o = run(
        &["decode", "getmatches-request", "--nspi-filter", "bogus"],
        b"",
    );
    assert_eq!(o.status.code(), Some(2));
}
