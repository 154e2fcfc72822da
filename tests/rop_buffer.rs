//! ROP input and output buffers (MS-OXCROPS 2.2.1, 3.2.5.2): framing, the
//! walk by received RopIds, pairing with requests, and the session tracker
//! across Execute calls. Byte vectors are constructions citing the
//! sections, or the examples of MS-OXCROPS section 4.

mod common;

use common::hex;
use mapi_wire::data::{PropertyTag, PropertyValue};
use mapi_wire::rop::*;
use mapi_wire::wire::{Decode, Encode, ErrorKind};

fn buffer(rops: &[&[u8]], handles: &[u32]) -> Vec<u8> {
    let body: Vec<u8> = rops.concat();
    let mut b = Vec::from(u16::try_from(2 + body.len()).unwrap().to_le_bytes());
    b.extend_from_slice(&body);
    for h in handles {
        b.extend_from_slice(&h.to_le_bytes());
    }
    b
}

fn leak(v: Vec<u8>) -> &'static [u8] {
    Box::leak(v.into_boxed_slice())
}

#[test]
fn release_example_of_section_4_4() {
    // MS-OXCROPS 4.4: two RopRelease requests, handles 0x6F and 0x6E.
    let b = hex("0800 010000 010001 6f000000 6e000000");
    let buf = RopInputBuffer::decode_exact(b, LogonMap::default()).unwrap();
    assert_eq!(buf.rops.len(), 2);
    assert!(buf.rops.iter().all(RopRequest::is_request_only));
    assert_eq!(buf.server_object_handle_table.get(0), Some(0x6F));
    assert_eq!(buf.to_vec_with(LogonMap::default()).unwrap(), b);
}

#[test]
fn empty_rop_buffer_of_section_4_1() {
    // MS-OXCROPS 4.1: RopSize 2 and nothing else (collecting notifications).
    let b = hex("0200");
    let buf = RopInputBuffer::decode_exact(b, LogonMap::default()).unwrap();
    assert!(buf.rops.is_empty() && buf.server_object_handle_table.is_empty());
    let out = RopOutputBuffer::decode_exact(b, OutputContext::default()).unwrap();
    assert!(out.rops.is_empty());
}

#[test]
fn frame_errors() {
    // RopSize below 2, beyond the buffer, and a ragged handle table.
    let e = RopInputBuffer::decode_exact(hex("0100"), LogonMap::default()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidValue { value: 1 });
    let e = RopInputBuffer::decode_exact(hex("0900 010000"), LogonMap::default()).unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::Truncated { .. }), "{e}");
    let e = RopInputBuffer::decode_exact(hex("0500 010000 6f00"), LogonMap::default()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::TrailingBytes { count: 2 });
    assert_eq!(e.offset(), 5);
}

#[test]
fn responses_pair_with_requests_in_one_buffer() {
    // GetContentsTable is not in this buffer; the table is at slot 1.
    // Requests: SetColumns (slot 1), Release (slot 0, no response),
    // QueryRows (slot 1). Responses: SetColumns, QueryRows with a row over
    // the columns just set (MS-OXCROPS 3.2.5.2).
    let request = leak(buffer(
        &[
            hex("12 00 01 00 0200 0300080e 1f003700"),
            hex("01 00 00"),
            hex("15 00 01 00 01 0a00"),
        ],
        &[0x21, 0x42],
    ));
    let response = leak(buffer(
        &[
            hex("12 01 00000000 00"),
            hex("15 01 00000000 02 0100 00 2a000000 4800 6900 0000"),
        ],
        &[0x21, 0x42],
    ));
    let cx = OutputContext::for_request(request).unwrap();
    let out = RopOutputBuffer::decode_exact(response, cx).unwrap();
    let RopResponse::QueryRows(q) = &out.rops[1] else {
        panic!()
    };
    let rows: Vec<_> = q.ok().unwrap().row_data.rows().unwrap().rows().collect();
    assert_eq!(rows[0].value(0), Some(&PropertyValue::Integer32(42)));
    assert_eq!(rows[0].value(1).unwrap().as_utf16().unwrap(), "Hi");
    assert_eq!(out.to_vec_with(()).unwrap(), response);

    // A failed RopSetColumns teaches nothing: the rows stay raw.
    let failed = leak(buffer(
        &[
            hex("12 01 b9040000"),
            hex("15 01 00000000 02 0100 00 2a000000 4800 6900 0000"),
        ],
        &[0x21, 0x42],
    ));
    let out = RopOutputBuffer::decode_exact(failed, cx).unwrap();
    let RopResponse::QueryRows(q) = &out.rops[1] else {
        panic!()
    };
    assert!(q.ok().unwrap().row_data.rows().is_none());
}

#[test]
fn notify_pending_and_backoff_anywhere() {
    // MS-OXCROPS 3.2.5.2: the server may put RopNotify and RopPending
    // between responses; RopBackoff replaces a response and ends the list.
    let request = leak(buffer(
        &[hex("12 00 00 00 0100 0300080e"), hex("15 00 00 00 01 0a00")],
        &[0x42],
    ));
    let notify = hex("2a 42000000 00 0081 0300
         0100000000000007 0100000000000008 00000000
         0100000000000007 0100000000000009 00000000
         0500 00 05000000");
    let backoff = hex("f9 00 e8030000 01 15 f4010000 0000");
    let response = leak(buffer(
        &[hex("12 00 00000000 00"), notify, hex("6e 0100"), backoff],
        &[0x42],
    ));
    let cx = OutputContext::for_request(request).unwrap();
    let out = RopOutputBuffer::decode_exact(response, cx).unwrap();
    let ids: Vec<RopId> = out.rops.iter().map(RopResponse::rop_id).collect();
    assert_eq!(
        ids,
        [
            RopId::SET_COLUMNS,
            RopId::NOTIFY,
            RopId::PENDING,
            RopId::BACKOFF
        ]
    );
    // The notification's row uses the columns the buffer just set on the
    // table whose handle it names (0x42, slot 0).
    let RopResponse::Notify(n) = &out.rops[1] else {
        panic!()
    };
    let row = n.notification_data.table_row_data.unwrap().0;
    let row = row.rows().unwrap().rows().next().unwrap();
    assert_eq!(row.value(0), Some(&PropertyValue::Integer32(5)));
    let RopResponse::Backoff(b) = &out.rops[3] else {
        panic!()
    };
    assert_eq!(b.duration, 1000);
    assert_eq!(out.to_vec_with(()).unwrap(), response);

    // Nothing may follow RopBackoff.
    let bad = buffer(&[backoff, hex("6e 0100")], &[]);
    let e = RopOutputBuffer::decode_exact(&bad, OutputContext::default()).unwrap_err();
    assert!(
        matches!(e.kind(), ErrorKind::TrailingBytes { count: 3 }),
        "{e}"
    );
}

#[test]
fn buffer_too_small_carries_the_unprocessed_requests() {
    // MS-OXCROPS 2.2.15.1: SizeNeeded, then the requests verbatim to the
    // end of the RopsList.
    let response = leak(buffer(&[hex("ff 0001 15 00 00 00 01 0a00")], &[0x42]));
    let out = RopOutputBuffer::decode_exact(response, OutputContext::default()).unwrap();
    let RopResponse::BufferTooSmall(b) = &out.rops[0] else {
        panic!()
    };
    assert_eq!(b.size_needed, 0x100);
    let (req, _) = RopRequest::decode_with(b.request_buffers.0, RopContext::default()).unwrap();
    assert_eq!(req.rop_id(), RopId::QUERY_ROWS);
    assert_eq!(out.to_vec_with(()).unwrap(), response);
}

#[test]
fn progress_stands_in_for_an_asynchronous_rop() {
    // MS-OXCROPS 3.2.5.2: a RopProgress response answers a RopProgress
    // request; unrelated responses do not consume a request.
    let request = leak(buffer(&[hex("50 00 00 00")], &[0x11]));
    let response = leak(buffer(
        &[hex("6e 0000"), hex("50 00 00000000 00 01000000 04000000")],
        &[0x11],
    ));
    let out = RopOutputBuffer::decode_exact(response, OutputContext::for_request(request).unwrap())
        .unwrap();
    let RopResponse::Progress(p) = &out.rops[1] else {
        panic!()
    };
    assert_eq!(p.ok().unwrap().completed_task_count, 1);
}

#[test]
fn walkers_need_no_allocation_and_give_byte_ranges() {
    let list = hex("12 00 00 00 0100 0300080e 01 00 00 15 00 00 00 01 0a00");
    let mut w = RequestWalker::new(list, 2, LogonMap::default());
    let mut ranges = Vec::new();
    while let Some(item) = w.next_with_range() {
        let (req, range) = item.unwrap();
        ranges.push((req.rop_id(), range));
    }
    assert_eq!(
        ranges,
        [
            (RopId::SET_COLUMNS, 2..12),
            (RopId::RELEASE, 12..15),
            (RopId::QUERY_ROWS, 15..22)
        ]
    );
    // The handle indexes a gateway routes on.
    let (req, _) =
        RopRequest::decode_with(hex("15 00 07 00 01 0a00"), RopContext::default()).unwrap();
    assert_eq!(req.handles().input_handle_index, Some(7));
    assert_eq!(req.logon_id(), Some(0));
}

#[test]
fn session_carries_columns_across_calls() {
    let mut session = Session::new();
    // Call 1: SetColumns on the table with server handle 0x42.
    let req1 = buffer(&[hex("12 00 00 00 0200 0300080e 1f003700")], &[0x42]);
    let resp1 = buffer(&[hex("12 00 00000000 00")], &[0x42]);
    session.observe(&req1, &resp1).unwrap();
    // Call 2: QueryRows on it decodes with those columns.
    let req2 = buffer(&[hex("15 00 00 00 01 0a00")], &[0x42]);
    let resp2 = buffer(
        &[hex("15 00 00000000 02 0100 00 07000000 4100 0000")],
        &[0x42],
    );
    {
        let out = session.decode_response(&req2, &resp2).unwrap();
        let RopResponse::QueryRows(q) = &out.rops[0] else {
            panic!()
        };
        let row = q
            .ok()
            .unwrap()
            .row_data
            .rows()
            .unwrap()
            .rows()
            .next()
            .unwrap();
        assert_eq!(row.value(1), Some(&PropertyValue::string("A")));
    }
    session.observe(&req2, &resp2).unwrap();
    // Call 3: RopResetTable clears them.
    let req3 = buffer(&[hex("81 00 00")], &[0x42]);
    let resp3 = buffer(&[hex("81 00 00000000")], &[0x42]);
    session.observe(&req3, &resp3).unwrap();
    assert!(session.table_columns(0x42).is_none());
    // Call 4: columns again, then RopRelease forgets the handle.
    session.observe(&req1, &resp1).unwrap();
    assert_eq!(
        session.table_columns(0x42),
        Some(&[PropertyTag(0x0E08_0003), PropertyTag(0x0037_001F)][..])
    );
    let req5 = buffer(&[hex("01 00 00")], &[0x42]);
    let resp5 = buffer(&[], &[]);
    session.observe(&req5, &resp5).unwrap();
    assert!(session.table_columns(0x42).is_none());
}

#[test]
fn session_memory_is_capped_by_max_columns() {
    // A peer that opens table after table and never releases one: with a
    // cap of 5 tags, the session keeps the newest lists that fit and
    // forgets the lowest handles first. A table it forgot still decodes,
    // with its rows as raw bytes.
    let mut session = Session::with_max_columns(5);
    let set_two = hex("12 00 00 00 0200 0300080e 1f003700"); // 2 tags
    let ok = hex("12 00 00000000 00");
    for handle in [0x10, 0x11, 0x12] {
        let req = buffer(&[set_two], &[handle]);
        let resp = buffer(&[ok], &[handle]);
        session.observe(&req, &resp).unwrap();
        assert!(session.columns_held() <= 5, "{}", session.columns_held());
    }
    // 0x10 was forgotten to make room for 0x12; 0x11 and 0x12 are kept.
    assert_eq!(session.columns_held(), 4);
    assert!(session.table_columns(0x10).is_none());
    assert_eq!(session.table_columns(0x11).map(<[_]>::len), Some(2));
    assert_eq!(session.table_columns(0x12).map(<[_]>::len), Some(2));

    let req = buffer(&[hex("15 00 00 00 01 0a00")], &[0x10]);
    let resp = buffer(
        &[hex("15 00 00000000 02 0100 00 07000000 4100 0000")],
        &[0x10],
    );
    let out = session.decode_response(&req, &resp).unwrap();
    let RopResponse::QueryRows(q) = &out.rops[0] else {
        panic!()
    };
    assert!(q.ok().unwrap().row_data.rows().is_none());
    assert_eq!(out.to_vec_with(()).unwrap(), resp);

    // A list longer than the cap itself is not kept, and evicts nothing.
    let wide = hex("12 00 00 00 0600 0300080e 0300080e 0300080e 0300080e 0300080e 0300080e");
    let req = buffer(&[wide], &[0x20]);
    let resp = buffer(&[ok], &[0x20]);
    session.observe(&req, &resp).unwrap();
    assert!(session.table_columns(0x20).is_none());
    assert_eq!(session.columns_held(), 4);
    assert_eq!(Session::new().max_columns(), Session::DEFAULT_MAX_COLUMNS);
}

#[test]
fn unknown_rop_ids_end_the_walk_as_opaque_bytes() {
    let b = buffer(&[hex("12 00 00 00 0100 0300080e"), hex("fa 01 02 03")], &[]);
    let buf = RopInputBuffer::decode_exact(&b, LogonMap::default()).unwrap();
    let RopRequest::Unknown(u) = &buf.rops[1] else {
        panic!()
    };
    assert_eq!((u.rop_id, u.data.0), (0xFA, &[1u8, 2, 3][..]));
    assert_eq!(buf.to_vec_with(LogonMap::default()).unwrap(), b);
}

#[test]
fn error_path_names_the_buffer_the_rop_and_the_field() {
    let b = buffer(
        &[
            hex("12 00 00 00 0100 0300080e"),
            hex("12 00 00 00 0900 0300"),
        ],
        &[],
    );
    let e = RopInputBuffer::decode_exact(&b, LogonMap::default()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "RopInputBuffer.RopsList[1].RopSetColumns.PropertyTags: 9 items need at least 36 bytes, 2 remain (offset 16)"
    );
}

#[test]
fn notify_handle_beyond_slot_256_does_not_panic() {
    // A handle table may list more than 256 handles (MS-OXCROPS 2.2.1 puts
    // no bound on it), although a one-byte handle index reaches only the
    // first 256. A RopNotify naming a handle stored at index 290 must look
    // for its table columns without indexing past the slots.
    let notify = hex("2a 34120000 00 0001 0100"); // TableModified, TableChanged
    let mut handles = vec![0xFFFF_FFFF; 300];
    handles[290] = 0x1234;
    let out = leak(buffer(&[notify], &handles));
    let frame = RopFrame::read(&mut mapi_wire::wire::Reader::new(out)).unwrap();
    assert_eq!(frame.server_object_handle_table.len(), 300);
    let responses: Vec<_> = ResponseWalker::new(frame, None, None).collect();
    assert_eq!(responses.len(), 1);
    let RopResponse::Notify(n) = responses[0].as_ref().unwrap() else {
        panic!("expected RopNotify, got {:?}", responses[0]);
    };
    assert_eq!(n.notification_handle, 0x1234);
}
