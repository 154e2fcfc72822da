//! Table ROPs (MS-OXCROPS 2.2.5) through the ROP catalogue, from the byte
//! examples of MS-OXCTABL section 4 and careful constructions.

mod common;

use common::{hex, roundtrip2};
use mapi_wire::data::{ErrorCode, PropertyTag, PropertyValue};
use mapi_wire::rop::*;
use mapi_wire::wire::{Array, Decode};

fn req(bytes: &[u8]) -> RopRequest<'_> {
    roundtrip2::<RopRequest<'_>>(bytes, RopContext::default(), RopFacts::default())
}

fn resp<'a>(bytes: &'a [u8], cx: RopContext<'a>) -> RopResponse<'a> {
    roundtrip2::<RopResponse<'_>>(bytes, cx, RopFacts::default())
}

#[test]
fn set_columns_request() {
    // MS-OXCTABL 4.2.1.
    let r = req(hex(
        "1200010006001400486714004a6714004d6703004e671f0037004000060e",
    ));
    let RopRequest::SetColumns(s) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(s.logon_id, 0);
    assert_eq!(s.input_handle_index, 1);
    assert_eq!(s.set_columns_flags, TableFlags::empty());
    assert_eq!(s.property_tags.len(), 6);
    assert_eq!(s.property_tags.get(4), Some(PropertyTag(0x0037_001F)));
    assert_eq!(r.rop_id(), RopId::SET_COLUMNS);
    assert_eq!(r.handles().input_handle_index, Some(1));
}

#[test]
fn sort_table_request_and_response() {
    // MS-OXCTABL 4.3.1 and 4.3.2.
    let r = req(hex("130000000200010001001f300880004000060e01"));
    let RopRequest::SortTable(s) = &r else {
        panic!()
    };
    assert_eq!(
        (s.sort_order_count, s.category_count, s.expanded_count),
        (2, 1, 1)
    );
    assert_eq!(
        s.sort_orders.get(0).unwrap().property_tag,
        PropertyTag(0x8008_301F)
    );
    let r = resp(hex("13010000000000"), RopContext::default());
    let RopResponse::SortTable(s) = &r else {
        panic!()
    };
    assert_eq!(s.handle_index, 1);
    assert_eq!(s.return_value, ErrorCode(0));
    assert_eq!(s.ok().unwrap().table_status, TableStatus::COMPLETE);
}

#[test]
fn query_rows_request() {
    // MS-OXCTABL 4.5.3.1: forwards, 50 rows.
    let r = req(hex("15000000013200"));
    let RopRequest::QueryRows(q) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(q.forward_read, Bool8::TRUE);
    assert_eq!(q.query_rows_flags, QueryRowsFlags::empty());
    assert_eq!(q.row_count, 50);
}

#[test]
fn query_rows_response_with_and_without_columns() {
    // Construction after MS-OXCROPS 2.2.5.4.2: two standard rows over
    // (PidTagMessageSize, PidTagSubject).
    let bytes = hex("15 01 00000000 02 0200 00 2a000000 4100 0000 00 07000000 4200 0000");
    let tags = [PropertyTag(0x0E08_0003), PropertyTag(0x0037_001F)];
    let cx = RopContext::default().with_columns(Array::from_slice(&tags));
    let r = resp(bytes, cx);
    let RopResponse::QueryRows(q) = &r else {
        panic!()
    };
    let body = q.ok().unwrap();
    assert_eq!(body.origin, Origin::END);
    assert_eq!(body.row_count, 2);
    let rows: Vec<_> = body.row_data.rows().unwrap().rows().collect();
    assert_eq!(rows[1].value(0), Some(&PropertyValue::Integer32(7)));
    assert_eq!(rows[0].value(1), Some(&PropertyValue::string("A")));
    // Without columns the rows stay raw and re-encode exactly (a prefix of
    // raw bytes is itself raw bytes, so no prefix check here).
    let r = common::roundtrip2_raw::<RopResponse<'_>>(
        bytes,
        RopContext::default(),
        RopFacts::default(),
    );
    let RopResponse::QueryRows(q) = &r else {
        panic!()
    };
    assert!(q.ok().unwrap().row_data.rows().is_none());
}

#[test]
fn generic_failure_response() {
    // MS-OXCROPS 2.2.5.12.3 style: RopId, InputHandleIndex, ReturnValue.
    let r = resp(hex("37 00 0f010480"), RopContext::default());
    assert_eq!(r.return_value(), Some(ErrorCode::NOT_FOUND));
    let RopResponse::QueryColumnsAll(q) = &r else {
        panic!()
    };
    assert!(matches!(q.body, ResponseBody::Failure(NoBody)));
}

#[test]
fn find_row_request_and_response() {
    // Construction after MS-OXCROPS 2.2.5.13: FindRow with an Exist
    // restriction from the beginning; a response with one row.
    let r = req(hex("4f 00 01 00 0500 08 1f003700 00 0000"));
    let RopRequest::FindRow(f) = &r else { panic!() };
    assert!(f.restriction_data.0.is_some());
    assert_eq!(f.origin, Origin::BEGINNING);
    let tags = [PropertyTag(0x0E08_0003)];
    let cx = RopContext::default().with_columns(Array::from_slice(&tags));
    let r = resp(hex("4f 01 00000000 00 01 00 05000000"), cx);
    let RopResponse::FindRow(f) = &r else {
        panic!()
    };
    let body = f.ok().unwrap();
    assert!(body.has_row_data.get());
    assert_eq!(body.row_data.unwrap().rows().unwrap().len(), 1);
    // HasRowData 0: nothing follows.
    resp(hex("4f 01 00000000 00 00"), cx);
}

#[test]
fn unknown_rop_ids_are_opaque() {
    let r = common::roundtrip2_raw::<RopRequest<'_>>(
        hex("fa 00 01 02 03"),
        RopContext::default(),
        RopFacts::default(),
    );
    let RopRequest::Unknown(u) = &r else { panic!() };
    assert_eq!(u.rop_id, 0xFA);
    assert_eq!(u.data.0, &[0, 1, 2, 3]);
}

#[test]
fn progress_and_release() {
    // MS-OXCROPS 4.4: RopRelease has no response.
    let r = req(hex("01 00 01"));
    assert!(r.is_request_only());
    // Construction after MS-OXCROPS 2.2.8.13.
    let r = resp(
        hex("50 00 00000000 00 03000000 0a000000"),
        RopContext::default(),
    );
    let RopResponse::Progress(p) = &r else {
        panic!()
    };
    assert_eq!(p.ok().unwrap().total_task_count, 10);
}

#[test]
fn errors_name_the_rop_and_field() {
    let e =
        RopRequest::decode_with(hex("12 00 01 00 0500 1f00"), RopContext::default()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "RopRequest.RopSetColumns.PropertyTags: 5 items need at least 20 bytes, 2 remain (offset 4)"
    );
}
