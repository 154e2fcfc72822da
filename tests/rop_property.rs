//! Property ROPs (MS-OXCROPS 2.2.8) through the ROP catalogue, from the byte
//! examples of MS-OXCPRPT section 4 and careful constructions.
//!
//! GUIDs in the constructions, as on the wire:
//! PS_MAPI `28030200 0000 0000 c000000000000046`,
//! PS_PUBLIC_STRINGS `29030200 0000 0000 c000000000000046`,
//! PSETID_Common `08200600 0000 0000 c000000000000046`.

mod common;

use common::{hex, hexv, roundtrip2, roundtrip2_raw};
use mapi_wire::data::{
    ErrorCode, Guid, PropertyId, PropertyName, PropertyNameKind, PropertyTag, PropertyValue,
    TaggedPropertyValue, TypedPropertyValue,
};
use mapi_wire::rop::*;
use mapi_wire::wire::{Array, Decode, Encode, ErrorKind, List, Reader};

const PS_MAPI: &str = "28030200 0000 0000 c000000000000046";
const PS_PUBLIC_STRINGS: &str = "29030200 0000 0000 c000000000000046";
const PSETID_COMMON: &str = "08200600 0000 0000 c000000000000046";

fn psetid_common() -> Guid {
    Guid::from_fields(0x0006_2008, 0, 0, [0xC0, 0, 0, 0, 0, 0, 0, 0x46])
}

fn req(bytes: &[u8]) -> RopRequest<'_> {
    roundtrip2::<RopRequest<'_>>(bytes, RopContext::default(), RopFacts::default())
}

fn resp<'a>(bytes: &'a [u8], cx: RopContext<'a>) -> RopResponse<'a> {
    roundtrip2::<RopResponse<'_>>(bytes, cx, RopFacts::default())
}

/// A response decoded without context.
fn resp0(bytes: &[u8]) -> RopResponse<'_> {
    resp(bytes, RopContext::default())
}

/// Joins hex pieces (so that GUID constants can be spliced in).
fn hexs(parts: &[&str]) -> &'static [u8] {
    hex(&parts.concat())
}

#[test]
fn every_property_rop_is_in_the_catalogue() {
    // MS-OXCROPS 2.2.8.1 – 2.2.8.12 (RopProgress, 2.2.8.13, is special).
    let ids = [
        RopId::GET_PROPERTY_IDS_FROM_NAMES,
        RopId::GET_NAMES_FROM_PROPERTY_IDS,
        RopId::GET_PROPERTIES_SPECIFIC,
        RopId::GET_PROPERTIES_ALL,
        RopId::GET_PROPERTIES_LIST,
        RopId::SET_PROPERTIES,
        RopId::SET_PROPERTIES_NO_REPLICATE,
        RopId::DELETE_PROPERTIES,
        RopId::DELETE_PROPERTIES_NO_REPLICATE,
        RopId::QUERY_NAMED_PROPERTIES,
        RopId::COPY_PROPERTIES,
        RopId::COPY_TO,
        RopId::PROGRESS,
    ];
    common::assert_catalogued(ids.map(|id| id.0));
}

#[test]
fn get_property_ids_from_names() {
    // Construction after MS-OXCROPS 2.2.8.1.1: create missing entries for a
    // string name "A" in PS_PUBLIC_STRINGS (NameSize 4 with the
    // terminator) and PidLidReminderSet (PSETID_Common, LID 0x8503).
    let bytes = hexs(&[
        "56 00 01 02 0200",
        "01",
        PS_PUBLIC_STRINGS,
        "04 4100 0000",
        "00",
        PSETID_COMMON,
        "03850000",
    ]);
    let r = req(bytes);
    let RopRequest::GetPropertyIdsFromNames(g) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(g.logon_id, 0);
    assert_eq!(g.input_handle_index, 1);
    assert_eq!(g.flags, GetPropertyIdsFromNamesFlags::CREATE);
    let names = g.property_names.to_vec();
    assert_eq!(
        names,
        [
            PropertyName::Name {
                guid: Guid::PS_PUBLIC_STRINGS,
                name: &[0x41, 0x00]
            },
            PropertyName::Id {
                guid: psetid_common(),
                lid: 0x8503
            }
        ]
    );

    // MS-OXCPRPT 4.1.2: two IDs registered.
    let r = resp0(hex("56 00 00000000 0200 3e86 3f86"));
    let RopResponse::GetPropertyIdsFromNames(g) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(g.handle_index, 0);
    assert_eq!(
        g.ok().unwrap().property_ids.to_vec(),
        [PropertyId(0x863E), PropertyId(0x863F)]
    );
    assert_eq!(r.handle_index_name(), Some("input_handle_index"));

    // Failure (MS-OXCROPS 2.2.8.1.3): ecNotSupported, nothing follows.
    let r = resp0(hex("56 00 02010480"));
    assert_eq!(r.return_value(), Some(ErrorCode(0x8004_0102)));
    let RopResponse::GetPropertyIdsFromNames(g) = &r else {
        panic!()
    };
    assert!(matches!(g.body, ResponseBody::Failure(NoBody)));
}

#[test]
fn get_property_ids_with_warning_is_the_failure_form() {
    // MS-OXCROPS 2.2.8.1.2 gives PropertyIds only with ReturnValue 0; a
    // warning (ErrorsReturned, 0x00040380) is read as the 6-byte failure,
    // so the IDs some servers append are left for the next ROP.
    let bytes = hex("56 00 80030400 0100 3e86");
    let (r, rest) = RopResponse::decode_with(bytes, RopContext::default()).unwrap();
    assert_eq!(r.return_value(), Some(ErrorCode::ERRORS_RETURNED));
    assert_eq!(rest, hexv("0100 3e86"));
}

#[test]
fn get_property_ids_from_names_all() {
    // Construction after MS-OXCPRPT 2.2.12.1: PropertyNameCount 0 asks for
    // every registered name.
    let r = req(hex("56 00 00 00 0000"));
    let RopRequest::GetPropertyIdsFromNames(g) = &r else {
        panic!()
    };
    assert!(g.property_names.is_empty());
    assert!(g.flags.is_empty());
}

#[test]
fn get_names_from_property_ids() {
    // Construction after MS-OXCROPS 2.2.8.2.1.
    let r = req(hex("55 00 01 0300 3e86 3700 ff87"));
    let RopRequest::GetNamesFromPropertyIds(g) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(
        g.property_ids.to_vec(),
        [PropertyId(0x863E), PropertyId(0x0037), PropertyId(0x87FF)]
    );

    // Construction after MS-OXCROPS 2.2.8.2.2 and MS-OXCPRPT 3.2.5.9: a
    // string name, PS_MAPI with the ID as LID for an ID below 0x8000, and
    // Kind 0xFF (GUID only) for an ID without a name.
    let bytes = hexs(&[
        "55 01 00000000 0300",
        "01",
        PS_PUBLIC_STRINGS,
        "06 4100 4200 0000",
        "00",
        PS_MAPI,
        "37000000",
        "ff",
        "00000000 0000 0000 0000000000000000",
    ]);
    let r = resp0(bytes);
    let RopResponse::GetNamesFromPropertyIds(g) = &r else {
        panic!("{r:?}")
    };
    let names = g.ok().unwrap().property_names.to_vec();
    assert_eq!(names.len(), 3);
    assert_eq!(names[0].kind(), PropertyNameKind::NAME);
    assert_eq!(
        names[1],
        PropertyName::Id {
            guid: Guid::PS_MAPI,
            lid: 0x37
        }
    );
    assert_eq!(names[2], PropertyName::None { guid: Guid::NIL });

    // Failure: ecNullObject.
    let r = resp0(hex("55 01 b9040000"));
    assert_eq!(r.return_value(), Some(ErrorCode::NULL_OBJECT));
}

#[test]
fn get_properties_specific_request() {
    // MS-OXCPRPT 4.3.1.
    let r = req(hex("07 00 00 0000 0100 0300 0b003e86 03003f86 0201e265"));
    let RopRequest::GetPropertiesSpecific(g) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(g.property_size_limit, 0);
    assert_eq!(g.want_unicode, 1);
    assert_eq!(
        g.property_tags.to_vec(),
        [
            PropertyTag(0x863E_000B),
            PropertyTag(0x863F_0003),
            PropertyTag(0x65E2_0102)
        ]
    );
}

#[test]
fn get_properties_specific_response_uses_the_request_tags() {
    // Construction after MS-OXCROPS 2.2.8.3.2 over the tags of
    // MS-OXCPRPT 4.3.1: TRUE, 42, 4 bytes of ChangeKey.
    let tags = [
        PropertyTag(0x863E_000B),
        PropertyTag(0x863F_0003),
        PropertyTag(0x65E2_0102),
    ];
    let cx = RopContext::default().with_columns(Array::from_slice(&tags));
    let bytes = hex("07 00 00000000 00 01 2a000000 0400 01020304");
    let r = resp(bytes, cx);
    let RopResponse::GetPropertiesSpecific(g) = &r else {
        panic!("{r:?}")
    };
    let rows: Vec<_> = g.ok().unwrap().row_data.rows().unwrap().rows().collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].value(0), Some(&PropertyValue::Boolean(true)));
    assert_eq!(rows[0].value(1), Some(&PropertyValue::Integer32(42)));
    assert_eq!(
        rows[0].value(2).and_then(|v| v.as_binary()),
        Some(&[1u8, 2, 3, 4][..])
    );

    // A FlaggedPropertyRow (MS-OXCDATA 2.8.1.2): value, not found (0x0A
    // with ecNotFound), value.
    let bytes = hex("07 00 00000000 01 00 01 0a 0f010480 00 0200 aabb");
    let r = resp(bytes, cx);
    let RopResponse::GetPropertiesSpecific(g) = &r else {
        panic!()
    };
    let rows: Vec<_> = g.ok().unwrap().row_data.rows().unwrap().rows().collect();
    assert_eq!(rows[0].value(0), Some(&PropertyValue::Boolean(true)));
    assert_eq!(rows[0].value(1), None);
    assert_eq!(
        rows[0].value(2).and_then(|v| v.as_binary()),
        Some(&[0xAA, 0xBB][..])
    );

    // Without the tags the row stays raw bytes and re-encodes exactly.
    let r = roundtrip2_raw::<RopResponse<'_>>(
        hex("07 00 00000000 00 01 2a000000 0400 01020304"),
        RopContext::default(),
        RopFacts::default(),
    );
    let RopResponse::GetPropertiesSpecific(g) = &r else {
        panic!()
    };
    assert!(g.ok().unwrap().row_data.rows().is_none());
}

#[test]
fn get_properties_specific_unspecified_tag_yields_a_typed_cell() {
    // Construction after MS-OXCDATA 2.8.1.1: PidTagSubject asked as
    // PtypUnspecified (0x00370000); the server says PtypString, "A".
    let tags = [PropertyTag(0x0037_0000)];
    let cx = RopContext::default().with_columns(Array::from_slice(&tags));
    let r = resp(hex("07 00 00000000 00 1f00 4100 0000"), cx);
    let RopResponse::GetPropertiesSpecific(g) = &r else {
        panic!()
    };
    let row = g
        .ok()
        .unwrap()
        .row_data
        .rows()
        .unwrap()
        .rows()
        .next()
        .unwrap();
    let mapi_wire::data::PropertyRow::Standard(cells) = &row else {
        panic!("{row:?}")
    };
    assert_eq!(
        cells[0],
        mapi_wire::data::StandardValue::Typed(TypedPropertyValue::new(PropertyValue::string("A")))
    );
}

#[test]
fn get_properties_specific_failure() {
    // MS-OXCROPS 2.2.8.3.3: ecNullObject, nothing follows; the columns do
    // not matter.
    let tags = [PropertyTag(0x0037_001F)];
    let cx = RopContext::default().with_columns(Array::from_slice(&tags));
    let r = resp(hex("07 00 b9040000"), cx);
    let RopResponse::GetPropertiesSpecific(g) = &r else {
        panic!()
    };
    assert!(matches!(g.body, ResponseBody::Failure(NoBody)));
}

/// An input buffer and an output buffer with one RopGetPropertiesSpecific
/// each (construction after MS-OXCROPS 2.2.1 and 2.2.8.3): the walker pairs
/// the response with the request and reads the row with its tags.
#[test]
fn response_walker_gives_get_properties_specific_its_tags() {
    let input = hex("1300 07 00 00 0000 0100 0200 03000e08 1f003700 01000000");
    let output = hex("1300 07 00 00000000 00 2a000000 4100 6200 0000 01000000");
    let in_frame = RopFrame::read(&mut Reader::new(input)).unwrap();
    let out_frame = RopFrame::read(&mut Reader::new(output)).unwrap();
    let pairing = Pairing {
        rops_list: in_frame.rops_list,
        offset: in_frame.rops_offset,
        handles: in_frame.server_object_handle_table,
    };
    let responses: Vec<_> = ResponseWalker::new(out_frame, Some(pairing), None)
        .map(Result::unwrap)
        .collect();
    assert_eq!(responses.len(), 1);
    let RopResponse::GetPropertiesSpecific(g) = &responses[0] else {
        panic!("{:?}", responses[0])
    };
    let row = g
        .ok()
        .unwrap()
        .row_data
        .rows()
        .unwrap()
        .rows()
        .next()
        .unwrap();
    assert_eq!(row.value(0), Some(&PropertyValue::Integer32(42)));
    assert_eq!(row.value(1), Some(&PropertyValue::string("Ab")));

    // Without the requests the row is kept raw.
    let out_frame = RopFrame::read(&mut Reader::new(output)).unwrap();
    let responses: Vec<_> = ResponseWalker::new(out_frame, None, None)
        .map(Result::unwrap)
        .collect();
    let RopResponse::GetPropertiesSpecific(g) = &responses[0] else {
        panic!()
    };
    assert!(g.ok().unwrap().row_data.rows().is_none());
}

#[test]
fn get_properties_all() {
    // Construction after MS-OXCROPS 2.2.8.4.1: no size limit, Unicode.
    let r = req(hex("08 00 01 0000 0100"));
    let RopRequest::GetPropertiesAll(g) = &r else {
        panic!("{r:?}")
    };
    assert_eq!((g.property_size_limit, g.want_unicode), (0, 1));

    // Construction after MS-OXCROPS 2.2.8.4.2: PidTagImportance = 1,
    // PidTagSubject = "Hi", and a value too large for the buffer, returned
    // as PtypErrorCode NotEnoughMemory (MS-OXCPRPT 2.2.3.2).
    let bytes =
        hex("08 01 00000000 0300 03001700 01000000 1f003700 4800 6900 0000 0a000010 0e000780");
    let r = resp0(bytes);
    let RopResponse::GetPropertiesAll(g) = &r else {
        panic!("{r:?}")
    };
    let values = g.ok().unwrap().property_values.to_vec();
    assert_eq!(
        values,
        [
            TaggedPropertyValue::new(0x0017, PropertyValue::Integer32(1)),
            TaggedPropertyValue::new(0x0037, PropertyValue::string("Hi")),
            TaggedPropertyValue::new(0x1000, PropertyValue::ErrorCode(ErrorCode(0x8007_000E))),
        ]
    );

    // Failure.
    let r = resp0(hex("08 01 b9040000"));
    let RopResponse::GetPropertiesAll(g) = &r else {
        panic!()
    };
    assert_eq!(g.return_value, ErrorCode::NULL_OBJECT);
    assert!(g.ok().is_none());
}

#[test]
fn get_properties_list() {
    // Constructions after MS-OXCROPS 2.2.8.5.
    let r = req(hex("09 00 02"));
    let RopRequest::GetPropertiesList(g) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(g.input_handle_index, 2);
    let r = resp0(hex("09 02 00000000 0200 1f003700 03001700"));
    let RopResponse::GetPropertiesList(g) = &r else {
        panic!()
    };
    assert_eq!(
        g.ok().unwrap().property_tags.to_vec(),
        [PropertyTag(0x0037_001F), PropertyTag(0x0017_0003)]
    );
    let r = resp0(hex("09 02 0f010480"));
    assert_eq!(r.return_value(), Some(ErrorCode::NOT_FOUND));
}

#[test]
fn set_properties() {
    // MS-OXCPRPT 4.2.1: PidTagSubjectPrefix = "" and PidTagNormalizedSubject
    // = "Hello World"; PropertyValueSize 0x24 covers the count and values.
    let bytes = hex("0a 00 00 2400 0200 1f003d00 0000 1f001d0e
         4800 6500 6c00 6c00 6f00 2000 5700 6f00 7200 6c00 6400 0000");
    let r = req(bytes);
    let RopRequest::SetProperties(s) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(s.property_values.len(), 2);
    let values = s.property_values.0.to_vec();
    assert_eq!(values[0].property_tag, PropertyTag(0x003D_001F));
    assert_eq!(values[0].property_value, PropertyValue::string(""));
    assert_eq!(
        values[1].property_value,
        PropertyValue::string("Hello World")
    );
    // The same request built from values encodes to the same bytes.
    let built = RopRequest::SetProperties(SetPropertiesRequest {
        logon_id: 0,
        input_handle_index: 0,
        property_values: SizedPropertyValues(List::from_slice(&values)),
    });
    assert_eq!(built.to_vec_with(RopFacts::default()).unwrap(), bytes);

    // MS-OXCPRPT 4.2.2: no problem.
    let r = resp0(hex("0a 00 00000000 0000"));
    let RopResponse::SetProperties(s) = &r else {
        panic!()
    };
    assert!(s.ok().unwrap().property_problems.is_empty());

    // Construction after MS-OXCROPS 2.2.8.6.2: value 1 was refused with
    // ecAccessDenied.
    let r = resp0(hex("0a 00 00000000 0100 0100 1f001d0e 05000780"));
    let RopResponse::SetProperties(s) = &r else {
        panic!()
    };
    let p = s.ok().unwrap().property_problems.get(0).unwrap();
    assert_eq!(p.index, 1);
    assert_eq!(p.property_tag, PropertyTag(0x0E1D_001F));
    assert_eq!(p.error_code, ErrorCode(0x8007_0005));

    // Failure: nothing follows.
    let r = resp0(hex("0a 00 05000780"));
    let RopResponse::SetProperties(s) = &r else {
        panic!()
    };
    assert!(matches!(s.body, ResponseBody::Failure(NoBody)));
}

#[test]
fn set_properties_size_mismatch_is_an_error_at_the_size() {
    // Construction: PropertyValueSize 0x26 claims two bytes more than the
    // count and values of MS-OXCPRPT 4.2.1 fill.
    let mut bytes = hexv(
        "0a 00 00 2600 0200 1f003d00 0000 1f001d0e
         4800 6500 6c00 6c00 6f00 2000 5700 6f00 7200 6c00 6400 0000 ffff",
    );
    let e = RopRequest::decode_exact(&bytes, RopContext::default()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::TrailingBytes { count: 2 });
    assert_eq!(e.offset(), 41);
    assert_eq!(
        e.to_string(),
        "RopRequest.RopSetProperties.PropertyValues.PropertyValueSize: 2 unexpected trailing bytes (offset 41)"
    );
    // 0x22: the last value runs past it.
    bytes[3] = 0x22;
    bytes.truncate(41);
    let e = RopRequest::decode_exact(&bytes, RopContext::default()).unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::Unterminated), "{e}");
}

#[test]
fn set_properties_no_replicate() {
    // Construction after MS-OXCROPS 2.2.8.7: the layout of RopSetProperties.
    let r = req(hex("79 00 01 0a00 0100 03001700 02000000"));
    let RopRequest::SetPropertiesNoReplicate(s) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(
        s.property_values.iter().next().unwrap(),
        TaggedPropertyValue::new(0x0017, PropertyValue::Integer32(2))
    );
    let r = resp0(hex("79 01 00000000 0000"));
    let RopResponse::SetPropertiesNoReplicate(s) = &r else {
        panic!()
    };
    assert!(s.ok().unwrap().property_problems.is_empty());
    let r = resp0(hex("79 01 b9040000"));
    assert_eq!(r.return_value(), Some(ErrorCode::NULL_OBJECT));
}

#[test]
fn delete_properties() {
    // Constructions after MS-OXCROPS 2.2.8.8.
    let r = req(hex("0b 00 01 0200 1f003700 03001700"));
    let RopRequest::DeleteProperties(d) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(d.property_tags.get(1), Some(PropertyTag(0x0017_0003)));
    let r = resp0(hex("0b 01 00000000 0100 0100 03001700 0f010480"));
    let RopResponse::DeleteProperties(d) = &r else {
        panic!()
    };
    let p = d.ok().unwrap().property_problems.get(0).unwrap();
    assert_eq!(
        (p.index, p.property_tag, p.error_code),
        (1, PropertyTag(0x0017_0003), ErrorCode::NOT_FOUND)
    );
    let r = resp0(hex("0b 01 05000780"));
    assert_eq!(r.return_value(), Some(ErrorCode(0x8007_0005)));
}

#[test]
fn delete_properties_no_replicate() {
    // Constructions after MS-OXCROPS 2.2.8.9.
    let r = req(hex("7a 00 01 0100 1f003700"));
    let RopRequest::DeletePropertiesNoReplicate(d) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(d.property_tags.to_vec(), [PropertyTag(0x0037_001F)]);
    let r = resp0(hex("7a 01 00000000 0000"));
    let RopResponse::DeletePropertiesNoReplicate(d) = &r else {
        panic!()
    };
    assert!(d.ok().unwrap().property_problems.is_empty());
    let r = resp0(hex("7a 01 b9040000"));
    assert_eq!(r.return_value(), Some(ErrorCode::NULL_OBJECT));
}

#[test]
fn query_named_properties() {
    // Construction after MS-OXCROPS 2.2.8.10.1: only PS_PUBLIC_STRINGS.
    let r = req(hexs(&["5f 00 01 00 01", PS_PUBLIC_STRINGS]));
    let RopRequest::QueryNamedProperties(q) = &r else {
        panic!("{r:?}")
    };
    assert!(q.has_guid.get());
    assert_eq!(q.property_guid, Some(Guid::PS_PUBLIC_STRINGS));
    // HasGuid 0: no GUID follows (NoStrings | NoIds).
    let r = req(hex("5f 00 01 03 00"));
    let RopRequest::QueryNamedProperties(q) = &r else {
        panic!()
    };
    assert_eq!(q.query_flags, QueryFlags::NO_STRINGS | QueryFlags::NO_IDS);
    assert_eq!(q.property_guid, None);

    // Construction after MS-OXCROPS 2.2.8.10.2: two IDs, then their names.
    let bytes = hexs(&[
        "5f 01 00000000 0200 0180 0280",
        "00",
        PSETID_COMMON,
        "03850000",
        "01",
        PS_PUBLIC_STRINGS,
        "04 4100 0000",
    ]);
    let r = resp0(bytes);
    let RopResponse::QueryNamedProperties(q) = &r else {
        panic!("{r:?}")
    };
    let b = q.ok().unwrap();
    assert_eq!(b.id_count, 2);
    assert_eq!(
        b.property_ids.to_vec(),
        [PropertyId(0x8001), PropertyId(0x8002)]
    );
    assert_eq!(
        b.property_names.get(0),
        Some(PropertyName::Id {
            guid: psetid_common(),
            lid: 0x8503
        })
    );
    let r = resp0(hex("5f 01 b9040000"));
    assert_eq!(r.return_value(), Some(ErrorCode::NULL_OBJECT));
}

#[test]
fn query_named_properties_id_count_is_checked() {
    // IdCount 0xFFFF with two bytes left: refused before anything is read.
    let e = RopResponse::decode_exact(hex("5f 01 00000000 ffff 0180"), RopContext::default())
        .unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::CountTooLarge { .. }), "{e}");
    assert_eq!(e.offset(), 8);
}

#[test]
fn copy_properties() {
    // Construction after MS-OXCROPS 2.2.8.11.1: move two properties from
    // handle 1 to handle 2, synchronously.
    let r = req(hex("67 00 01 02 00 01 0200 1f003700 03001700"));
    let RopRequest::CopyProperties(c) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(c.copy_flags, CopyFlags::MOVE);
    assert!(!c.want_asynchronous.get());
    let h = r.handles();
    assert_eq!(
        (h.source_handle_index, h.dest_handle_index),
        (Some(1), Some(2))
    );

    // 2.2.8.11.2: success, no problem; SourceHandleIndex echoed.
    let r = resp0(hex("67 01 00000000 0000"));
    let RopResponse::CopyProperties(c) = &r else {
        panic!()
    };
    assert!(c.ok().unwrap().property_problems.is_empty());
    assert_eq!(r.handle_index_name(), Some("source_handle_index"));

    // 2.2.8.11.3: the null-destination form carries DestHandleIndex (4
    // bytes).
    let r = resp0(hex("67 01 03050000 02000000"));
    let RopResponse::CopyProperties(c) = &r else {
        panic!()
    };
    assert_eq!(c.return_value, ErrorCode::NULL_DESTINATION_OBJECT);
    let ResponseBody::Failure(f) = &c.body else {
        panic!()
    };
    assert_eq!(f.dest_handle_index, Some(2));

    // 2.2.8.11.4: any other failure carries nothing.
    let r = resp0(hex("67 01 02010480"));
    let RopResponse::CopyProperties(c) = &r else {
        panic!()
    };
    assert_eq!(
        c.body,
        ResponseBody::Failure(PropertyCopyFailure {
            dest_handle_index: None
        })
    );
}

#[test]
fn copy_to() {
    // Construction after MS-OXCROPS 2.2.8.12.1: asynchronously, with
    // subobjects, without overwriting, all but PidTagSubject.
    let r = req(hex("39 00 01 02 01 01 02 0100 1f003700"));
    let RopRequest::CopyTo(c) = &r else {
        panic!("{r:?}")
    };
    assert!(c.want_asynchronous.get() && c.want_sub_objects.get());
    assert_eq!(c.copy_flags, CopyFlags::NO_OVERWRITE);
    assert_eq!(c.excluded_tags.to_vec(), [PropertyTag(0x0037_001F)]);

    // 2.2.8.12.2: one problem.
    let r = resp0(hex("39 01 00000000 0100 0000 03001700 05000780"));
    let RopResponse::CopyTo(c) = &r else { panic!() };
    let p = c.ok().unwrap().property_problems.get(0).unwrap();
    assert_eq!(p.error_code, ErrorCode(0x8007_0005));

    // 2.2.8.12.3 and 2.2.8.12.4.
    let r = resp0(hex("39 01 03050000 02000000"));
    let RopResponse::CopyTo(c) = &r else { panic!() };
    assert!(matches!(
        c.body,
        ResponseBody::Failure(PropertyCopyFailure {
            dest_handle_index: Some(2)
        })
    ));
    let r = resp0(hex("39 01 05000780"));
    let RopResponse::CopyTo(c) = &r else { panic!() };
    assert!(matches!(
        c.body,
        ResponseBody::Failure(PropertyCopyFailure {
            dest_handle_index: None
        })
    ));
}

#[test]
fn copy_to_may_be_answered_by_progress() {
    // MS-OXCROPS 3.2.5.2 (asynchronous ROPs): a RopProgress response in the
    // slot of an asynchronous RopCopyTo; construction.
    let input = hex("0b00 39 00 00 01 01 00 00 0000 00000000 00000000");
    let output = hex("1100 50 00 00000000 00 01000000 05000000 00000000 00000000");
    let in_frame = RopFrame::read(&mut Reader::new(input)).unwrap();
    let out_frame = RopFrame::read(&mut Reader::new(output)).unwrap();
    let pairing = Pairing {
        rops_list: in_frame.rops_list,
        offset: in_frame.rops_offset,
        handles: in_frame.server_object_handle_table,
    };
    let responses: Vec<_> = ResponseWalker::new(out_frame, Some(pairing), None)
        .map(Result::unwrap)
        .collect();
    let [RopResponse::Progress(p)] = responses.as_slice() else {
        panic!("{responses:?}")
    };
    assert_eq!(p.ok().unwrap().completed_task_count, 1);
    assert_eq!(p.ok().unwrap().total_task_count, 5);
}

#[test]
fn property_values_encode_checks() {
    // A failure body given with ReturnValue 0 cannot be encoded.
    let r = RopResponse::CopyTo(Response {
        handle_index: 0,
        return_value: ErrorCode(0),
        body: ResponseBody::Failure(PropertyCopyFailure {
            dest_handle_index: None,
        }),
    });
    assert!(matches!(
        r.to_vec_with(RopFacts::default()).unwrap_err().kind(),
        ErrorKind::Unencodable { .. }
    ));
    // A null-destination failure built in code encodes as the spec says.
    let r = RopResponse::CopyProperties(Response::failure(
        1,
        ErrorCode::NULL_DESTINATION_OBJECT,
        PropertyCopyFailure {
            dest_handle_index: Some(7),
        },
    ));
    assert_eq!(
        r.to_vec_with(RopFacts::default()).unwrap(),
        hexv("67 01 03050000 07000000")
    );
}

mod props {
    //! Property tests: arbitrary bytes after each property RopId never make
    //! the decoders panic, and what decodes re-encodes to the bytes it
    //! used; generated requests survive encode→decode.

    use super::*;
    use proptest::prelude::*;

    const IDS: [u8; 12] = [
        0x56, 0x55, 0x07, 0x08, 0x09, 0x0A, 0x79, 0x0B, 0x7A, 0x5F, 0x67, 0x39,
    ];

    fn leak<T>(v: Vec<T>) -> &'static [T] {
        Box::leak(v.into_boxed_slice())
    }

    fn check_any(bytes: &[u8], cx: RopContext<'_>) -> Result<(), TestCaseError> {
        common::reencodes_what_it_reads::<RopRequest<'_>>(bytes, cx, RopFacts::default())?;
        common::reencodes_what_it_reads::<RopResponse<'_>>(bytes, cx, RopFacts::default())?;
        Ok(())
    }

    fn tagged() -> impl Strategy<Value = TaggedPropertyValue<'static>> {
        prop_oneof![
            (any::<u16>(), any::<i32>())
                .prop_map(|(id, v)| TaggedPropertyValue::new(id, PropertyValue::Integer32(v))),
            (any::<u16>(), "[a-zA-Z ]{0,10}").prop_map(|(id, s)| {
                let s: &'static str = Box::leak(s.into_boxed_str());
                TaggedPropertyValue::new(id, PropertyValue::string(s))
            }),
            (any::<u16>(), prop::collection::vec(any::<u8>(), 0..20)).prop_map(|(id, b)| {
                TaggedPropertyValue::new(id, PropertyValue::binary(leak(b)))
            }),
        ]
    }

    proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(
            id in prop::sample::select(&IDS[..]),
            body in prop::collection::vec(any::<u8>(), 0..64),
            tags in prop::collection::vec(any::<u32>(), 0..4),
        ) {
            let mut bytes = vec![id];
            bytes.extend_from_slice(&body);
            let bytes = leak(bytes);
            let tags: Vec<PropertyTag> = tags.into_iter().map(PropertyTag).collect();
            let tags = leak(tags);
            check_any(bytes, RopContext::default())?;
            check_any(bytes, RopContext::default().with_columns(Array::from_slice(tags)))?;
        }

        #[test]
        fn set_properties_requests_round_trip(
            values in prop::collection::vec(tagged(), 0..6),
            no_replicate in any::<bool>(),
            index in any::<u8>(),
        ) {
            let values = leak(values);
            let body = SetPropertiesRequest {
                logon_id: 0,
                input_handle_index: index,
                property_values: SizedPropertyValues(List::from_slice(values)),
            };
            let r = if no_replicate {
                RopRequest::SetPropertiesNoReplicate(body)
            } else {
                RopRequest::SetProperties(body)
            };
            let bytes = leak(r.to_vec_with(RopFacts::default()).unwrap());
            // PropertyValueSize is the size of everything after it.
            let size = u16::from_le_bytes([bytes[3], bytes[4]]);
            prop_assert_eq!(usize::from(size), bytes.len() - 5);
            let back = RopRequest::decode_exact(bytes, RopContext::default()).unwrap();
            prop_assert_eq!(&back, &r);
        }

        #[test]
        fn query_named_properties_responses_round_trip(
            entries in prop::collection::vec((0x8000u16..0xFFFF, any::<u32>()), 0..5),
        ) {
            let ids: Vec<PropertyId> = entries.iter().map(|e| PropertyId(e.0)).collect();
            let names: Vec<PropertyName<'static>> = entries
                .iter()
                .map(|e| PropertyName::Id { guid: Guid::PS_PUBLIC_STRINGS, lid: e.1 })
                .collect();
            let body = QueryNamedPropertiesSuccess {
                id_count: entries.len() as u16,
                property_ids: Array::from_slice(leak(ids)),
                property_names: List::from_slice(leak(names)),
            };
            let r = RopResponse::QueryNamedProperties(Response::success(3, body));
            let bytes = leak(r.to_vec_with(RopFacts::default()).unwrap());
            prop_assert_eq!(bytes.len(), 8 + entries.len() * (2 + 21));
            let back = RopResponse::decode_exact(bytes, RopContext::default()).unwrap();
            prop_assert_eq!(&back, &r);
        }

        #[test]
        fn copy_failures_round_trip(rv in 1u32.., dest in any::<u32>()) {
            let body = PropertyCopyFailure {
                dest_handle_index: (rv == 0x503).then_some(dest),
            };
            let r = RopResponse::CopyTo(Response::failure(1, ErrorCode(rv), body));
            let bytes = leak(r.to_vec_with(RopFacts::default()).unwrap());
            prop_assert_eq!(bytes.len(), if rv == 0x503 { 10 } else { 6 });
            let back = RopResponse::decode_exact(bytes, RopContext::default()).unwrap();
            prop_assert_eq!(&back, &r);
        }
    }

    #[test]
    fn null_destination_index_is_generated_too() {
        // The strategy above rarely hits 0x503 by chance; check it once.
        let r = RopResponse::CopyProperties(Response::failure(
            0,
            ErrorCode::NULL_DESTINATION_OBJECT,
            PropertyCopyFailure {
                dest_handle_index: Some(0xFFFF_FFFF),
            },
        ));
        let bytes = r.to_vec_with(RopFacts::default()).unwrap();
        assert_eq!(bytes, hexv("67 00 03050000 ffffffff"));
        assert_eq!(
            RopResponse::decode_exact(&bytes, RopContext::default()).unwrap(),
            r
        );
    }
}

/// `mapi-inspect` (shared/CLI.md) decodes the property ROPs with the spec's
/// field names, and takes a RopGetPropertiesSpecific response's columns
/// from its request.
#[cfg(feature = "cli")]
mod cli {
    use super::common::cli::run as inspect;

    #[test]
    fn get_properties_specific_response_with_its_request() {
        // Construction after MS-OXCROPS 2.2.8.3: PidTagMessageSize = 42,
        // PidTagSubject = "Ab".
        let (code, out, err) = inspect(
            &[
                "decode",
                "rop-response",
                "--hex",
                "--request-hex",
                "07 00 00 0000 0100 0200 03000e08 1f003700",
            ],
            b"07 00 00000000 00 2a000000 4100 6200 0000",
        );
        assert_eq!(code, Some(0), "{err}");
        let json: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(json["rop"], "RopGetPropertiesSpecific");
        assert_eq!(json["row_data"][0]["value_array"][0], 42);
        assert_eq!(json["row_data"][0]["value_array"][1], "Ab");
    }

    #[test]
    fn set_properties_request_json_and_round_trip() {
        // MS-OXCPRPT 4.2.1.
        let bytes = "0a00002400 0200 1f003d00 0000 1f001d0e 4800 6500 6c00 6c00 6f00 2000 5700 6f00 7200 6c00 6400 0000";
        let (code, out, err) = inspect(&["decode", "rop-request", "--hex"], bytes.as_bytes());
        assert_eq!(code, Some(0), "{err}");
        let json: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(json["rop"], "RopSetProperties");
        assert_eq!(json["property_values"][1]["property_tag"], "0x0E1D001F");
        assert_eq!(json["property_values"][1]["property_value"], "Hello World");
        let (code, out, err) = inspect(&["roundtrip", "rop-request", "--hex"], bytes.as_bytes());
        assert_eq!(code, Some(0), "{err}");
        assert_eq!(out.trim(), bytes.replace(' ', ""));
    }

    #[test]
    fn set_properties_size_error_is_one_line_with_its_offset() {
        let (code, _, err) = inspect(
            &["decode", "rop-request", "--hex"],
            b"0a 00 00 0c00 0100 03001700 02000000 aabb",
        );
        assert_eq!(code, Some(1));
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("PropertyValueSize"), "{err}");
        assert!(err.contains("(offset 15)"), "{err}");
    }
}
