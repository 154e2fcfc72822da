//! Fast-transfer ROPs (MS-OXCROPS 2.2.12; MS-OXCFXICS 2.2.3.1) through the
//! ROP catalogue. Neither specification prints byte examples of these
//! ROPs, so every case is a construction from the field tables of the
//! section it cites.

mod common;

use common::{hex, hexv, roundtrip2};
use mapi_wire::data::{ErrorCode, GlobalCounter, MessageId, PropertyTag, ReplicaId};
use mapi_wire::rop::*;
use mapi_wire::wire::{Decode, Encode};
use proptest::prelude::*;

fn req(bytes: &[u8]) -> RopRequest<'_> {
    roundtrip2::<RopRequest<'_>>(bytes, RopContext::default(), RopFacts::default())
}

fn resp(bytes: &[u8]) -> RopResponse<'_> {
    roundtrip2::<RopResponse<'_>>(bytes, RopContext::default(), RopFacts::default())
}

/// The RopIds of MS-OXCROPS 2.2.12, in section order.
const FAST_TRANSFER: [u8; 9] = [0x53, 0x54, 0x9D, 0x4E, 0x4C, 0x4B, 0x4D, 0x69, 0x86];

#[test]
fn every_fast_transfer_rop_is_in_the_catalogue() {
    for id in FAST_TRANSFER {
        assert!(coverage::REQUESTS.contains(&id), "request {id:#04x}");
        assert!(coverage::RESPONSES.contains(&id), "response {id:#04x}");
        assert!(RopId(id).name().unwrap().starts_with("Rop"));
    }
}

/// A plain response (handle index + ReturnValue, nothing after) decodes in
/// its success and failure forms and echoes the named index field.
fn plain_responses(id: u8, index_name: &str) {
    let ok = [id, 0x02, 0, 0, 0, 0];
    let r = resp(&ok);
    assert_eq!(r.rop_id(), RopId(id));
    assert_eq!(r.handle_index(), Some(2));
    assert_eq!(r.return_value(), Some(ErrorCode(0)));
    assert_eq!(r.handle_index_name(), Some(index_name));
    // Failure: ecNotSupported (0x80040102), nothing after it.
    let fail = [id, 0x02, 0x02, 0x01, 0x04, 0x80];
    let r = resp(&fail);
    assert_eq!(r.return_value(), Some(ErrorCode::NOT_SUPPORTED));
    // Bytes after the 6-byte response belong to the next ROP.
    let mut more = Vec::from(fail);
    more.push(0xAA);
    let (_, rest) = RopResponse::decode_with(&more, RopContext::default()).unwrap();
    assert_eq!(rest, &[0xAA]);
}

#[test]
fn destination_configure() {
    // Construction after MS-OXCROPS 2.2.12.1.1 / MS-OXCFXICS 2.2.3.1.2.1.1:
    // upload a CopyFolder stream as part of a move.
    let r = req(hex("53 00 01 02 04 01"));
    let RopRequest::FastTransferDestinationConfigure(c) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(c.source_operation, SourceOperation::COPY_FOLDER);
    assert_eq!(c.copy_flags, FastTransferDestinationFlags::MOVE);
    let h = r.handles();
    assert_eq!(
        (h.input_handle_index, h.output_handle_index),
        (Some(1), Some(2))
    );
    // MS-OXCROPS 2.2.12.1.2: the response echoes OutputHandleIndex.
    plain_responses(0x53, "output_handle_index");
}

#[test]
fn destination_put_buffer() {
    // Construction after MS-OXCROPS 2.2.12.2.1: five bytes of stream.
    let r = req(hex("54 00 01 0500 03000b40 01"));
    let RopRequest::FastTransferDestinationPutBuffer(p) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(p.transfer_data.0, &[0x03, 0x00, 0x0B, 0x40, 0x01]);
    assert_eq!(r.handles().input_handle_index, Some(1));
    // MS-OXCROPS 2.2.12.2.2: success, all five bytes used, 1 of 4 steps.
    let r = resp(hex("54 01 00000000 0100 0100 0400 00 0500"));
    let RopResponse::FastTransferDestinationPutBuffer(p) = &r else {
        panic!("{r:?}")
    };
    let b = p.ok().unwrap();
    assert_eq!(b.transfer_status, TransferStatus::PARTIAL);
    assert_eq!((b.in_progress_count, b.total_step_count), (1, 4));
    assert_eq!(b.buffer_used_size, 5);
    // Failure keeps the body (MS-OXCFXICS 2.2.3.1.2.2.2: BufferUsedSize may
    // be less than TransferDataSize on failure): ecInvalidParam, 2 used.
    let r = resp(hex("54 01 57000780 0000 0000 0000 00 0200"));
    let RopResponse::FastTransferDestinationPutBuffer(p) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(p.return_value, ErrorCode::INVALID_PARAMETER);
    let ResponseBody::Failure(b) = &p.body else {
        panic!("{p:?}")
    };
    assert_eq!(b.buffer_used_size, 2);
    // The bare 6-byte form is not a PutBuffer response.
    assert!(RopResponse::decode_with(hex("54 01 57000780"), RopContext::default()).is_err());
}

#[test]
fn destination_put_buffer_extended() {
    // Construction after MS-OXCROPS 2.2.12.3.1: the request is laid out
    // like RopFastTransferDestinationPutBuffer's.
    let r = req(hex("9d 00 01 0200 abcd"));
    let RopRequest::FastTransferDestinationPutBufferExtended(p) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(p.transfer_data.0, &[0xAB, 0xCD]);
    // MS-OXCFXICS 2.2.3.1.2.3.2: 4-byte InProgressCount and TotalStepCount.
    let r = resp(hex("9d 01 00000000 0300 02000100 05000100 00 0200"));
    let RopResponse::FastTransferDestinationPutBufferExtended(p) = &r else {
        panic!("{r:?}")
    };
    let b = p.ok().unwrap();
    assert_eq!(b.transfer_status, TransferStatus::DONE);
    assert_eq!(
        (b.in_progress_count, b.total_step_count),
        (0x0001_0002, 0x0001_0005)
    );
    assert_eq!(b.buffer_used_size, 2);
    // Failure: the same body follows (ecAccessDenied).
    let r = resp(hex("9d 01 05000780 0000 00000000 00000000 00 0000"));
    assert_eq!(r.return_value(), Some(ErrorCode::ACCESS_DENIED));
    let RopResponse::FastTransferDestinationPutBufferExtended(p) = &r else {
        panic!("{r:?}")
    };
    assert!(matches!(p.body, ResponseBody::Failure(b) if b.buffer_used_size == 0));
    // With 2-byte counters these 18 bytes would leave 4 over.
    assert!(
        RopResponse::decode_with(
            hex("9d 01 00000000 0300 0200 0500 00 0200"),
            RopContext::default()
        )
        .is_err()
    );
}

#[test]
fn source_get_buffer_request() {
    // MS-OXCFXICS 2.2.3.1.1.5.1 / 3.3.5.7.1: the 0xBABE sentinel brings a
    // 2-byte MaximumBufferSize.
    let r = req(hex("4e 00 01 beba 0080"));
    let RopRequest::FastTransferSourceGetBuffer(g) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(
        g.buffer_size,
        FastTransferSourceGetBufferRequest::SERVER_CHOOSES
    );
    assert_eq!(g.maximum_buffer_size, Some(0x8000));
    // Any other BufferSize (here the recommended minimum, 15480) does not.
    let r = req(hex("4e 00 01 783c"));
    let RopRequest::FastTransferSourceGetBuffer(g) = &r else {
        panic!("{r:?}")
    };
    assert_eq!((g.buffer_size, g.maximum_buffer_size), (15480, None));
    // Building the sentinel without the maximum cannot be encoded.
    let bad = RopRequest::FastTransferSourceGetBuffer(FastTransferSourceGetBufferRequest {
        logon_id: 0,
        input_handle_index: 1,
        buffer_size: 0xBABE,
        maximum_buffer_size: None,
    });
    assert!(bad.to_vec_with(RopFacts::default()).is_err());
}

#[test]
fn source_get_buffer_success() {
    // Construction after MS-OXCROPS 2.2.12.4.2 / MS-OXCFXICS 2.2.3.1.1.5.2:
    // a partial slice of 4 stream bytes, step 1 of 3.
    let r = resp(hex("4e 01 00000000 0100 0100 0300 00 0400 03001240"));
    let RopResponse::FastTransferSourceGetBuffer(g) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(g.handle_index, 1);
    let b = g.ok().unwrap();
    assert_eq!(b.transfer_status, TransferStatus::PARTIAL);
    assert_eq!((b.in_progress_count, b.total_step_count), (1, 3));
    assert_eq!(b.transfer_buffer_size, 4);
    assert_eq!(b.backoff_time, None);
    assert_eq!(b.transfer_buffer.0, &[0x03, 0x00, 0x12, 0x40]);
    // The last slice may be empty.
    let r = resp(hex("4e 01 00000000 0300 0300 0300 00 0000"));
    let RopResponse::FastTransferSourceGetBuffer(g) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(g.ok().unwrap().transfer_status, TransferStatus::DONE);
    assert!(g.ok().unwrap().transfer_buffer.0.is_empty());
}

#[test]
fn source_get_buffer_failure_keeps_the_body() {
    // Decision (rops.md §6 open question 1): on failure the body follows
    // ReturnValue with TransferStatus Error (MS-OXCFXICS 2.2.3.1.1.5.2;
    // Exchange's FailedFastTransferSourceGetBufferResult and gromox both
    // write it). ecNotFound, zero counters, empty buffer.
    let r = resp(hex("4e 01 0f010480 0000 0000 0000 00 0000"));
    let RopResponse::FastTransferSourceGetBuffer(g) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(g.return_value, ErrorCode::NOT_FOUND);
    let ResponseBody::Failure(b) = &g.body else {
        panic!("{g:?}")
    };
    assert_eq!(b.transfer_status, TransferStatus::ERROR);
    assert_eq!(b.backoff_time, None);
    // The bare 6-byte form is therefore incomplete.
    let e = RopResponse::decode_with(hex("4e 01 0f010480"), RopContext::default()).unwrap_err();
    assert_eq!(e.offset(), 6);
}

#[test]
fn source_get_buffer_server_busy_carries_backoff_time() {
    // Decision (rops.md §6 open question 1): with ReturnValue 0x00000480
    // (ecServerBusy) BackoffTime (4 bytes) sits between TransferBufferSize
    // and TransferBuffer, where Exchange's FastTransferSourceGetBufferData
    // writes it. MS-OXCFXICS 3.3.5.9.1: wait at least BackoffTime ms.
    let r = resp(hex("4e 01 80040000 0000 0000 0000 00 0000 e8030000"));
    let RopResponse::FastTransferSourceGetBuffer(g) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(g.return_value, ErrorCode::SERVER_BUSY_ADDITIONAL);
    let ResponseBody::Failure(b) = &g.body else {
        panic!("{g:?}")
    };
    assert_eq!(b.backoff_time, Some(1000));
    assert!(b.transfer_buffer.0.is_empty());
    // Stream bytes, should a busy server send any, follow BackoffTime.
    let r = resp(hex("4e 01 80040000 0100 0000 0000 00 0100 10000000 5a"));
    let RopResponse::FastTransferSourceGetBuffer(g) = &r else {
        panic!("{r:?}")
    };
    let ResponseBody::Failure(b) = &g.body else {
        panic!("{g:?}")
    };
    assert_eq!(
        (b.backoff_time, b.transfer_buffer.0),
        (Some(16), &[0x5A][..])
    );
    // Encoding a busy response without BackoffTime, or a success with one,
    // is refused: the ReturnValue decides the layout.
    let mut busy = *b;
    busy.backoff_time = None;
    let v = RopResponse::FastTransferSourceGetBuffer(Response::failure(
        1,
        ErrorCode::SERVER_BUSY_ADDITIONAL,
        busy,
    ));
    assert!(v.to_vec_with(RopFacts::default()).is_err());
    let mut ok = *b;
    ok.backoff_time = Some(5);
    let v = RopResponse::FastTransferSourceGetBuffer(Response::success(1, ok));
    assert!(v.to_vec_with(RopFacts::default()).is_err());
}

#[test]
fn source_get_buffer_sizes_are_checked() {
    // TransferBufferSize 0x7FFF with 2 bytes left: refused with the offset
    // of the buffer.
    let e = RopResponse::decode_with(
        hex("4e 01 00000000 0100 0000 0000 00 ff7f aabb"),
        RopContext::default(),
    )
    .unwrap_err();
    assert_eq!(e.offset(), 15);
    assert_eq!(
        e.to_string(),
        "RopResponse.RopFastTransferSourceGetBuffer.TransferBuffer: needs 32767 bytes, 2 remain (offset 15)"
    );
    // A body built with new() encodes to the size it was given.
    let data = [0x11u8; 300];
    let body = FastTransferSourceGetBufferBody::new(TransferStatus::PARTIAL, 2, 9, &data).unwrap();
    let v = RopResponse::FastTransferSourceGetBuffer(Response::success(1, body));
    let bytes = v.to_vec_with(RopFacts::default()).unwrap();
    assert_eq!(bytes.len(), 6 + 9 + 300);
    assert_eq!(&bytes[13..15], &[0x2C, 0x01]);
    assert_eq!(resp(&bytes), v);
}

#[test]
fn source_copy_folder() {
    // Construction after MS-OXCROPS 2.2.12.5.1 / MS-OXCFXICS 2.2.3.1.1.4.1:
    // CopySubfolders, Unicode.
    let r = req(hex("4c 00 01 02 10 01"));
    let RopRequest::FastTransferSourceCopyFolder(c) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(c.copy_flags, FastTransferCopyFolderFlags::COPY_SUBFOLDERS);
    assert_eq!(c.send_options, SendOptions::UNICODE);
    assert_eq!(r.handles().output_handle_index, Some(2));
    plain_responses(0x4C, "output_handle_index");
}

#[test]
fn source_copy_messages() {
    // Construction after MS-OXCROPS 2.2.12.6.1 / MS-OXCFXICS 2.2.3.1.1.3.1:
    // two MIDs, BestBody | SendEntryId, ForUpload.
    let r = req(hex(
        "4b 00 01 02 0200 0100 00000e915213 0100 00000e915214 30 03",
    ));
    let RopRequest::FastTransferSourceCopyMessages(c) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(c.message_ids.len(), 2);
    assert_eq!(
        c.message_ids.get(1),
        Some(MessageId::new(
            ReplicaId(1),
            GlobalCounter::from_value(0x0E91_5214)
        ))
    );
    assert_eq!(
        c.copy_flags,
        FastTransferCopyMessagesFlags::BEST_BODY | FastTransferCopyMessagesFlags::SEND_ENTRY_ID
    );
    assert_eq!(c.send_options, SendOptions::FOR_UPLOAD);
    plain_responses(0x4B, "output_handle_index");
    // A MessageIdCount beyond the bytes is refused before any walk.
    let e = RopRequest::decode_with(hex("4b 00 01 02 ffff 00"), RopContext::default()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "RopRequest.RopFastTransferSourceCopyMessages.MessageIds: 65535 items need at least 524280 bytes, 1 remain (offset 4)"
    );
}

#[test]
fn source_copy_to() {
    // Construction after MS-OXCROPS 2.2.12.7.1 / MS-OXCFXICS 2.2.3.1.1.1.1:
    // Level 0, CopyFlags Move | BestBody in 4 bytes, Unicode, excluding
    // PidTagSubject and PidTagMessageSize.
    let r = req(hex("4d 00 01 02 00 01200000 01 0200 1f003700 0300080e"));
    let RopRequest::FastTransferSourceCopyTo(c) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(c.level, 0);
    assert_eq!(
        c.copy_flags,
        FastTransferCopyToFlags::MOVE | FastTransferCopyToFlags::BEST_BODY
    );
    assert_eq!(c.send_options, SendOptions::UNICODE);
    assert_eq!(
        c.property_tags.to_vec(),
        [PropertyTag(0x0037_001F), PropertyTag(0x0E08_0003)]
    );
    plain_responses(0x4D, "output_handle_index");
    // A 1-byte CopyFlags reading would put the tag count in the wrong
    // place; the whole request must be consumed exactly.
    assert!(
        RopRequest::decode_exact(hex("4d 00 01 02 00 01 01 0000"), RopContext::default()).is_err()
    );
}

#[test]
fn source_copy_properties() {
    // Construction after MS-OXCROPS 2.2.12.8.1 / MS-OXCFXICS 2.2.3.1.1.2.1:
    // Level 1 (no subobjects), Move, ForceUnicode, one tag.
    let r = req(hex("69 00 01 02 01 01 08 0100 1f003700"));
    let RopRequest::FastTransferSourceCopyProperties(c) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(c.level, 1);
    assert_eq!(c.copy_flags, FastTransferCopyPropertiesFlags::MOVE);
    assert_eq!(c.send_options, SendOptions::FORCE_UNICODE);
    assert_eq!(c.property_tags.get(0), Some(PropertyTag(0x0037_001F)));
    // MS-OXCROPS 2.2.12.8.2 names OutputHandleIndex.
    plain_responses(0x69, "output_handle_index");
}

#[test]
fn tell_version() {
    // Construction after MS-OXCROPS 2.2.12.9.1 / MS-OXCFXICS 2.2.3.1.1.6:
    // the other server's three version words.
    let r = req(hex("86 00 01 0f00 4785 0100"));
    let RopRequest::TellVersion(t) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(t.version, ServerVersion([0x000F, 0x8547, 0x0001]));
    plain_responses(0x86, "input_handle_index");
}

#[test]
fn unknown_flag_bits_are_kept() {
    // Construction: every CopyFlags and SendOptions bit set survives.
    let r = req(hex("4c 00 01 02 ff ff"));
    let RopRequest::FastTransferSourceCopyFolder(c) = &r else {
        panic!("{r:?}")
    };
    assert_eq!((c.copy_flags.bits(), c.send_options.bits()), (0xFF, 0xFF));
    assert_eq!(SourceOperation(9).name(), None);
    req(hex("53 00 01 02 09 80"));
}

#[test]
fn in_a_rop_output_buffer() {
    // Construction after MS-OXCROPS 2.2.1 and 3.2.5.2: CopyTo then
    // GetBuffer in one buffer; the walker pairs each response with its
    // request and the GetBuffer body ends where TransferBufferSize says.
    let input = hexv("1500 4d 00 00 01 00 00000000 01 0000 4e 00 01 beba 0080  aa000000 ffffffff");
    let output =
        hexv("1800 4d 01 00000000 4e 01 00000000 0300 0100 0100 00 0100 42  aa000000 bb000000");
    let ib = RopInputBuffer::decode_exact(&input, LogonMap::default()).unwrap();
    assert_eq!(ib.rops.len(), 2);
    let cx = OutputContext::for_request(&input).unwrap();
    let ob = RopOutputBuffer::decode_exact(&output, cx).unwrap();
    assert_eq!(ob.rops.len(), 2);
    assert_eq!(ob.rops[0].handle_index(), Some(1));
    let RopResponse::FastTransferSourceGetBuffer(g) = &ob.rops[1] else {
        panic!("{ob:?}")
    };
    assert_eq!(g.ok().unwrap().transfer_buffer.0, &[0x42]);
    assert_eq!(ob.to_vec_with(()).unwrap(), output);
}

#[cfg(feature = "cli")]
#[test]
fn mapi_inspect_shows_the_get_buffer_fields() {
    let o = common::cli::inspect(
        &["decode", "rop-response", "--hex"],
        b"4e 01 80040000 0000 0000 0000 00 0100 e8030000 5a",
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["rop"], "RopFastTransferSourceGetBuffer");
    assert_eq!(json["input_handle_index"], 1);
    assert_eq!(json["transfer_status"], 0);
    assert_eq!(json["backoff_time"], 1000);
    assert_eq!(json["transfer_buffer"], "5a");
}

fn id_of(ids: &'static [u8]) -> impl Strategy<Value = u8> {
    prop::sample::select(ids)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Arbitrary bytes after a fast-transfer RopId never panic; what
    /// decodes re-encodes to exactly the bytes consumed.
    #[test]
    fn arbitrary_requests_never_panic(
        id in id_of(&FAST_TRANSFER),
        data in prop::collection::vec(any::<u8>(), 0..64),
    ) {
        let mut bytes = vec![id];
        bytes.extend(data);
        common::reencodes_what_it_reads::<RopRequest<'_>>(&bytes, RopContext::default(), RopFacts::default())?;
    }

    /// The same for responses, with the ReturnValues that change layouts.
    #[test]
    fn arbitrary_responses_never_panic(
        id in id_of(&FAST_TRANSFER),
        rv in prop::sample::select(&[0u32, 0x480, 0x8004_010F][..]),
        data in prop::collection::vec(any::<u8>(), 0..64),
    ) {
        let mut bytes = vec![id, 0];
        bytes.extend(rv.to_le_bytes());
        bytes.extend(data);
        common::reencodes_what_it_reads::<RopResponse<'_>>(&bytes, RopContext::default(), RopFacts::default())?;
    }

    /// GetBuffer bodies built from parts survive encode→decode.
    #[test]
    fn get_buffer_bodies_round_trip(
        status in any::<u16>(),
        progress in any::<u16>(),
        total in any::<u16>(),
        busy in any::<bool>(),
        backoff in any::<u32>(),
        data in prop::collection::vec(any::<u8>(), 0..40),
    ) {
        let mut body = FastTransferSourceGetBufferBody::new(TransferStatus(status), progress, total, &data).unwrap();
        let rv = if busy { ErrorCode::SERVER_BUSY_ADDITIONAL } else { ErrorCode(0) };
        body.backoff_time = busy.then_some(backoff);
        let v = RopResponse::FastTransferSourceGetBuffer(if busy {
            Response::failure(3, rv, body)
        } else {
            Response::success(3, body)
        });
        let bytes = v.to_vec_with(RopFacts::default()).unwrap();
        prop_assert_eq!(bytes.len(), 6 + 9 + usize::from(busy) * 4 + data.len());
        let back = RopResponse::decode_exact(&bytes, RopContext::default()).unwrap();
        prop_assert_eq!(back, v);
    }
}
