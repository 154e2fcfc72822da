//! Stream ROPs (MS-OXCROPS 2.2.9) through the ROP catalogue, from the byte
//! examples of MS-OXCPRPT section 4 and careful constructions.

mod common;

use common::{hex, hexv, roundtrip2};
use mapi_wire::data::{ErrorCode, PropertyTag};
use mapi_wire::rop::*;
use mapi_wire::wire::{Decode, Encode, ErrorKind, Reader};

fn req(bytes: &[u8]) -> RopRequest<'_> {
    roundtrip2::<RopRequest<'_>>(bytes, RopContext::default(), RopFacts::default())
}

fn resp(bytes: &[u8]) -> RopResponse<'_> {
    roundtrip2::<RopResponse<'_>>(bytes, RopContext::default(), RopFacts::default())
}

/// ecAccessDenied.
const ACCESS_DENIED: ErrorCode = ErrorCode(0x8007_0005);

#[test]
fn every_stream_rop_is_in_the_catalogue() {
    // MS-OXCROPS 2.2.9.1 – 2.2.9.13.
    let ids = [
        RopId::OPEN_STREAM,
        RopId::READ_STREAM,
        RopId::WRITE_STREAM,
        RopId::WRITE_STREAM_EXTENDED,
        RopId::COMMIT_STREAM,
        RopId::GET_STREAM_SIZE,
        RopId::SET_STREAM_SIZE,
        RopId::SEEK_STREAM,
        RopId::COPY_TO_STREAM,
        RopId::LOCK_REGION_STREAM,
        RopId::UNLOCK_REGION_STREAM,
        RopId::WRITE_AND_COMMIT_STREAM,
        RopId::CLONE_STREAM,
    ];
    common::assert_catalogued(ids.map(|id| id.0));
}

#[test]
fn open_stream() {
    // MS-OXCPRPT 4.4.1.1: PidTagExtendedRuleMessageCondition, ReadWrite.
    let r = req(hex("2b 01 00 01 0201 9a0e 01"));
    let RopRequest::OpenStream(o) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(o.logon_id, 1);
    assert_eq!((o.input_handle_index, o.output_handle_index), (0, 1));
    assert_eq!(o.property_tag, PropertyTag(0x0E9A_0102));
    assert_eq!(o.open_mode_flags, StreamOpenModeFlags::READ_WRITE);
    let h = r.handles();
    assert_eq!(
        (h.input_handle_index, h.output_handle_index),
        (Some(0), Some(1))
    );

    // Construction after MS-OXCROPS 2.2.9.1.2: the OutputHandleIndex is
    // echoed; 256 bytes in the stream.
    let r = resp(hex("2b 01 00000000 00010000"));
    let RopResponse::OpenStream(o) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(o.handle_index, 1);
    assert_eq!(o.ok().unwrap().stream_size, 256);
    assert_eq!(r.handle_index_name(), Some("output_handle_index"));

    // Failure (2.2.9.1.3): ecNotFound, nothing follows.
    let r = resp(hex("2b 01 0f010480"));
    let RopResponse::OpenStream(o) = &r else {
        panic!()
    };
    assert_eq!(o.return_value, ErrorCode::NOT_FOUND);
    assert!(matches!(o.body, ResponseBody::Failure(NoBody)));
}

#[test]
fn read_stream() {
    // Construction after MS-OXCROPS 2.2.9.2.1: at most 0x1000 bytes.
    let r = req(hex("2c 01 01 0010"));
    let RopRequest::ReadStream(s) = &r else {
        panic!("{r:?}")
    };
    assert_eq!((s.byte_count, s.maximum_byte_count), (0x1000, None));
    assert_eq!(s.limit(), 0x1000);
    // ByteCount 0xBABE: MaximumByteCount follows.
    let r = req(hex("2c 01 01 beba 00000100"));
    let RopRequest::ReadStream(s) = &r else {
        panic!()
    };
    assert_eq!(s.maximum_byte_count, Some(0x0001_0000));
    assert_eq!(s.limit(), 0x0001_0000);

    // 2.2.9.2.2: "abc".
    let r = resp(hex("2c 01 00000000 0300 616263"));
    let RopResponse::ReadStream(s) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(s.ok().unwrap().data.0, b"abc");

    // The same layout with a failure: DataSize is there (0 bytes).
    let r = resp(hex("2c 01 05000780 0000"));
    let RopResponse::ReadStream(s) = &r else {
        panic!()
    };
    assert_eq!(s.return_value, ACCESS_DENIED);
    let ResponseBody::Failure(b) = &s.body else {
        panic!()
    };
    assert!(b.data.0.is_empty());
}

#[test]
fn read_stream_failure_without_data_size_is_truncated() {
    // 2.2.9.2.2 has a single response layout: a 6-byte failure lacks its
    // DataSize.
    let e = RopResponse::decode_exact(hex("2c 01 05000780"), RopContext::default()).unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::Truncated { .. }), "{e}");
    assert_eq!(e.offset(), 6);
}

#[test]
fn read_stream_data_size_is_checked() {
    let e = RopResponse::decode_exact(hex("2c 01 00000000 ffff 61"), RopContext::default())
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "RopResponse.RopReadStream.Data: length 65535 runs past the end, 1 bytes remain (offset 6)"
    );
}

#[test]
fn write_stream() {
    // Constructions after MS-OXCROPS 2.2.9.3.
    let r = req(hex("2d 01 01 0300 616263"));
    let RopRequest::WriteStream(w) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(w.data.0, b"abc");
    let r = resp(hex("2d 01 00000000 0300"));
    let RopResponse::WriteStream(w) = &r else {
        panic!()
    };
    assert_eq!(w.ok().unwrap().written_size, 3);
    // WrittenSize is there on failure too (STG_E_ACCESSDENIED).
    let r = resp(hex("2d 01 05000380 0000"));
    let RopResponse::WriteStream(w) = &r else {
        panic!()
    };
    assert_eq!(w.return_value, ErrorCode(0x8003_0005));
    assert_eq!(
        w.body,
        ResponseBody::Failure(WrittenSizeBody { written_size: 0 })
    );
}

#[test]
fn write_stream_extended() {
    // Constructions after MS-OXCROPS 2.2.9.4: WrittenSize is 4 bytes.
    let r = req(hex("a3 01 01 0200 abcd"));
    let RopRequest::WriteStreamExtended(w) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(w.data.0, &[0xAB, 0xCD]);
    let r = resp(hex("a3 01 00000000 02000000"));
    let RopResponse::WriteStreamExtended(w) = &r else {
        panic!()
    };
    assert_eq!(w.ok().unwrap().written_size, 2);
    let r = resp(hex("a3 01 05000380 01000000"));
    let RopResponse::WriteStreamExtended(w) = &r else {
        panic!()
    };
    assert_eq!(
        w.body,
        ResponseBody::Failure(WriteStreamExtendedBody { written_size: 1 })
    );
}

#[test]
fn commit_stream() {
    // Constructions after MS-OXCROPS 2.2.9.5: nothing after ReturnValue.
    let r = req(hex("5d 01 01"));
    let RopRequest::CommitStream(c) = &r else {
        panic!("{r:?}")
    };
    assert_eq!((c.logon_id, c.input_handle_index), (1, 1));
    let r = resp(hex("5d 01 00000000"));
    let RopResponse::CommitStream(c) = &r else {
        panic!()
    };
    assert_eq!(c.ok(), Some(&NoBody));
    let r = resp(hex("5d 01 05000780"));
    assert_eq!(r.return_value(), Some(ACCESS_DENIED));
}

#[test]
fn get_stream_size() {
    // Constructions after MS-OXCROPS 2.2.9.6.
    let r = req(hex("5e 01 01"));
    assert!(matches!(r, RopRequest::GetStreamSize(_)));
    let r = resp(hex("5e 01 00000000 00100000"));
    let RopResponse::GetStreamSize(g) = &r else {
        panic!()
    };
    assert_eq!(g.ok().unwrap().stream_size, 4096);
    let r = resp(hex("5e 01 b9040000"));
    let RopResponse::GetStreamSize(g) = &r else {
        panic!()
    };
    assert!(matches!(g.body, ResponseBody::Failure(NoBody)));
}

#[test]
fn set_stream_size() {
    // Constructions after MS-OXCROPS 2.2.9.7.
    let r = req(hex("2f 01 01 0004000000000000"));
    let RopRequest::SetStreamSize(s) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(s.stream_size, 1024);
    let r = resp(hex("2f 01 00000000"));
    assert_eq!(r.return_value(), Some(ErrorCode(0)));
    let r = resp(hex("2f 01 70000380"));
    assert_eq!(r.return_value(), Some(ErrorCode(0x8003_0070)));
}

#[test]
fn seek_stream() {
    // Construction after MS-OXCROPS 2.2.9.8.1: ten bytes back from the end
    // (a signed Offset).
    let r = req(hex("2e 01 01 02 f6ffffffffffffff"));
    let RopRequest::SeekStream(s) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(s.origin, SeekOrigin::END);
    assert_eq!(s.offset, -10);
    // MS-OXCPRPT 2.2.21: Origin Current and Offset 0 reads the position.
    let r = req(hex("2e 01 01 01 0000000000000000"));
    let RopRequest::SeekStream(s) = &r else {
        panic!()
    };
    assert_eq!((s.origin, s.offset), (SeekOrigin::CURRENT, 0));

    let r = resp(hex("2e 01 00000000 f600000000000000"));
    let RopResponse::SeekStream(s) = &r else {
        panic!()
    };
    assert_eq!(s.ok().unwrap().new_position, 246);
    // MS-OXCPRPT 3.2.5.18: StreamSeekError, nothing follows.
    let r = resp(hex("2e 01 19000380"));
    let RopResponse::SeekStream(s) = &r else {
        panic!()
    };
    assert_eq!(s.return_value, ErrorCode(0x8003_0019));
    assert!(s.ok().is_none());
}

#[test]
fn copy_to_stream() {
    // Construction after MS-OXCROPS 2.2.9.9.1: 256 bytes from handle 1 to
    // handle 2.
    let r = req(hex("3a 01 01 02 0001000000000000"));
    let RopRequest::CopyToStream(c) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(c.byte_count, 256);
    let h = r.handles();
    assert_eq!(
        (h.source_handle_index, h.dest_handle_index),
        (Some(1), Some(2))
    );

    // 2.2.9.9.2.
    let r = resp(hex("3a 01 00000000 0001000000000000 0001000000000000"));
    let RopResponse::CopyToStream(c) = &r else {
        panic!("{r:?}")
    };
    let b = c.ok().unwrap();
    assert_eq!(
        (b.dest_handle_index, b.read_byte_count, b.written_byte_count),
        (None, 256, 256)
    );
    assert_eq!(r.handle_index_name(), Some("source_handle_index"));

    // 2.2.9.9.3: the null-destination form inserts DestHandleIndex.
    let r = resp(hex(
        "3a 01 03050000 02000000 0000000000000000 0000000000000000",
    ));
    let RopResponse::CopyToStream(c) = &r else {
        panic!()
    };
    let ResponseBody::Failure(b) = &c.body else {
        panic!()
    };
    assert_eq!(b.dest_handle_index, Some(2));
    assert_eq!((b.read_byte_count, b.written_byte_count), (0, 0));

    // 2.2.9.9.2 with another ReturnValue: the counts, no DestHandleIndex.
    let r = resp(hex("3a 01 05000780 1000000000000000 0000000000000000"));
    let RopResponse::CopyToStream(c) = &r else {
        panic!()
    };
    assert_eq!(
        c.body,
        ResponseBody::Failure(CopyToStreamBody {
            dest_handle_index: None,
            read_byte_count: 16,
            written_byte_count: 0
        })
    );
}

#[test]
fn copy_to_stream_dest_index_must_match_the_return_value() {
    // A DestHandleIndex with ReturnValue 0 cannot be written.
    let r = RopResponse::CopyToStream(Response::success(
        1,
        CopyToStreamBody {
            dest_handle_index: Some(2),
            read_byte_count: 0,
            written_byte_count: 0,
        },
    ));
    assert!(matches!(
        r.to_vec_with(RopFacts::default()).unwrap_err().kind(),
        ErrorKind::Unencodable { .. }
    ));
}

#[test]
fn lock_region_stream() {
    // Construction after MS-OXCROPS 2.2.9.10.1 and MS-OXCPRPT 2.2.24.1: 4096
    // bytes from the start, others may still read.
    let r = req(hex("5b 01 01 0000000000000000 0010000000000000 01000000"));
    let RopRequest::LockRegionStream(l) = &r else {
        panic!("{r:?}")
    };
    assert_eq!((l.region_offset, l.region_size), (0, 4096));
    assert_eq!(l.lock_flags, LockFlags::WRITE);
    assert!(!l.lock_flags.excludes_readers());
    let r = resp(hex("5b 01 00000000"));
    assert_eq!(r.return_value(), Some(ErrorCode(0)));
    // MS-OXCPRPT 3.2.5.21: a lock held by another session, AccessDenied.
    let r = resp(hex("5b 01 05000780"));
    let RopResponse::LockRegionStream(l) = &r else {
        panic!()
    };
    assert_eq!(l.return_value, ACCESS_DENIED);
}

#[test]
fn unlock_region_stream() {
    // Construction after MS-OXCROPS 2.2.9.11.1: an exclusive lock
    // (LockFlags other than 1).
    let r = req(hex("5c 01 01 0010000000000000 0010000000000000 02000000"));
    let RopRequest::UnlockRegionStream(u) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(u.region_offset, 4096);
    assert!(u.lock_flags.excludes_readers());
    assert_eq!(u.lock_flags.name(), None);
    let r = resp(hex("5c 01 00000000"));
    assert!(matches!(r, RopResponse::UnlockRegionStream(_)));
    let r = resp(hex("5c 01 b9040000"));
    assert_eq!(r.return_value(), Some(ErrorCode::NULL_OBJECT));
}

#[test]
fn write_and_commit_stream() {
    // Constructions after MS-OXCROPS 2.2.9.12.
    let r = req(hex("90 01 01 0200 abcd"));
    let RopRequest::WriteAndCommitStream(w) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(w.data.0, &[0xAB, 0xCD]);
    let r = resp(hex("90 01 00000000 0200"));
    let RopResponse::WriteAndCommitStream(w) = &r else {
        panic!()
    };
    assert_eq!(w.ok().unwrap().written_size, 2);
    let r = resp(hex("90 01 05000780 0000"));
    let RopResponse::WriteAndCommitStream(w) = &r else {
        panic!()
    };
    assert_eq!(
        w.body,
        ResponseBody::Failure(WrittenSizeBody { written_size: 0 })
    );
}

#[test]
fn clone_stream() {
    // Constructions after MS-OXCROPS 2.2.9.13.
    let r = req(hex("3b 01 01 02"));
    let RopRequest::CloneStream(c) = &r else {
        panic!("{r:?}")
    };
    assert_eq!((c.input_handle_index, c.output_handle_index), (1, 2));
    assert_eq!(r.handles().output_handle_index, Some(2));
    let r = resp(hex("3b 02 00000000"));
    let RopResponse::CloneStream(c) = &r else {
        panic!()
    };
    assert_eq!(c.handle_index, 2);
    assert_eq!(r.handle_index_name(), Some("output_handle_index"));
    let r = resp(hex("3b 02 b9040000"));
    assert_eq!(r.return_value(), Some(ErrorCode::NULL_OBJECT));
}

/// A ROP buffer that opens a stream and reads it (construction after
/// MS-OXCROPS 2.2.1 with MS-OXCPRPT 4.4.1.1's RopOpenStream): the walker
/// pairs each response with its request.
#[test]
fn open_and_read_stream_buffers() {
    let input = hex("1000 2b 01 00 01 0201 9a0e 01 2c 01 01 0010 00000000 ffffffff");
    let output = hex("1700 2b 01 00000000 03000000 2c 01 00000000 0300 616263 00000000 02000000");
    let in_frame = RopFrame::read(&mut Reader::new(input)).unwrap();
    let out_frame = RopFrame::read(&mut Reader::new(output)).unwrap();
    assert_eq!(out_frame.handle(1), Some(2));
    let requests: Vec<_> = RequestWalker::new(
        in_frame.rops_list,
        in_frame.rops_offset,
        LogonMap::default(),
    )
    .map(Result::unwrap)
    .collect();
    assert_eq!(
        requests.iter().map(|r| r.rop_id()).collect::<Vec<_>>(),
        [RopId::OPEN_STREAM, RopId::READ_STREAM]
    );
    let pairing = Pairing {
        rops_list: in_frame.rops_list,
        offset: in_frame.rops_offset,
        handles: in_frame.server_object_handle_table,
    };
    let responses: Vec<_> = ResponseWalker::new(out_frame, Some(pairing), None)
        .map(Result::unwrap)
        .collect();
    let [RopResponse::OpenStream(o), RopResponse::ReadStream(r)] = responses.as_slice() else {
        panic!("{responses:?}")
    };
    assert_eq!(o.ok().unwrap().stream_size, 3);
    assert_eq!(r.ok().unwrap().data.0, b"abc");
    // Each response re-encodes to its bytes.
    let mut out = Vec::new();
    for resp in &responses {
        out.extend(resp.to_vec_with(RopFacts::default()).unwrap());
    }
    assert_eq!(
        out,
        hexv("2b 01 00000000 03000000 2c 01 00000000 0300 616263")
    );
}

mod props {
    //! Property tests: arbitrary bytes after each stream RopId never make
    //! the decoders panic, and what decodes re-encodes to the bytes it
    //! used; generated requests and responses survive encode→decode.

    use super::*;
    use mapi_wire::wire::Bytes;
    use proptest::prelude::*;

    const IDS: [u8; 13] = [
        0x2B, 0x2C, 0x2D, 0xA3, 0x5D, 0x5E, 0x2F, 0x2E, 0x3A, 0x5B, 0x5C, 0x90, 0x3B,
    ];

    fn leak<T>(v: Vec<T>) -> &'static [T] {
        Box::leak(v.into_boxed_slice())
    }

    proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(
            id in prop::sample::select(&IDS[..]),
            body in prop::collection::vec(any::<u8>(), 0..48),
        ) {
            let mut bytes = vec![id];
            bytes.extend_from_slice(&body);
            common::reencodes_what_it_reads::<RopRequest<'_>>(&bytes, RopContext::default(), RopFacts::default())?;
            common::reencodes_what_it_reads::<RopResponse<'_>>(&bytes, RopContext::default(), RopFacts::default())?;
        }

        #[test]
        fn read_stream_requests_round_trip(count in any::<u16>(), max in any::<u32>()) {
            let r = RopRequest::ReadStream(ReadStreamRequest {
                logon_id: 1,
                input_handle_index: 2,
                byte_count: count,
                maximum_byte_count: (count == 0xBABE).then_some(max),
            });
            let bytes = r.to_vec_with(RopFacts::default()).unwrap();
            prop_assert_eq!(bytes.len(), if count == 0xBABE { 9 } else { 5 });
            let back = RopRequest::decode_exact(&bytes, RopContext::default()).unwrap();
            prop_assert_eq!(back, r);
        }

        #[test]
        fn read_stream_responses_round_trip(
            rv in prop_oneof![Just(0u32), any::<u32>()],
            data in prop::collection::vec(any::<u8>(), 0..300),
        ) {
            let data = leak(data);
            let body = ReadStreamBody { data: Bytes(data) };
            let r = RopResponse::ReadStream(if rv == 0 {
                Response::success(1, body)
            } else {
                Response::failure(1, ErrorCode(rv), body)
            });
            let bytes = leak(r.to_vec_with(RopFacts::default()).unwrap());
            prop_assert_eq!(bytes.len(), 8 + data.len());
            let back = RopResponse::decode_exact(bytes, RopContext::default()).unwrap();
            prop_assert_eq!(&back, &r);
        }

        #[test]
        fn copy_to_stream_responses_round_trip(
            rv in prop_oneof![Just(0u32), Just(0x503u32), any::<u32>()],
            dest in any::<u32>(),
            read in any::<u64>(),
            written in any::<u64>(),
        ) {
            let body = CopyToStreamBody {
                dest_handle_index: (rv == 0x503).then_some(dest),
                read_byte_count: read,
                written_byte_count: written,
            };
            let r = RopResponse::CopyToStream(if rv == 0 {
                Response::success(1, body)
            } else {
                Response::failure(1, ErrorCode(rv), body)
            });
            let bytes = r.to_vec_with(RopFacts::default()).unwrap();
            prop_assert_eq!(bytes.len(), if rv == 0x503 { 26 } else { 22 });
            let back = RopResponse::decode_exact(&bytes, RopContext::default()).unwrap();
            prop_assert_eq!(back, r);
        }

        #[test]
        fn seek_offsets_keep_their_sign(offset in any::<i64>(), origin in 0u8..3) {
            let r = RopRequest::SeekStream(SeekStreamRequest {
                logon_id: 0,
                input_handle_index: 0,
                origin: SeekOrigin(origin),
                offset,
            });
            let bytes = r.to_vec_with(RopFacts::default()).unwrap();
            prop_assert_eq!(&bytes[4..], &offset.to_le_bytes()[..]);
            let back = RopRequest::decode_exact(&bytes, RopContext::default()).unwrap();
            prop_assert_eq!(back, r);
        }
    }
}

/// `mapi-inspect` (shared/CLI.md) on stream ROPs.
#[cfg(feature = "cli")]
mod cli {
    use super::common::cli::run as inspect;

    #[test]
    fn read_stream_failure_keeps_its_data_size() {
        // MS-OXCROPS 2.2.9.2.2: DataSize follows any ReturnValue.
        let (code, out, err) = inspect(
            &["decode", "rop-response", "--hex"],
            b"2c 01 05000780 0200 abcd",
        );
        assert_eq!(code, Some(0), "{err}");
        let json: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(json["rop"], "RopReadStream");
        assert_eq!(json["return_value"], 0x8007_0005u32);
        assert_eq!(json["data"], "abcd");
    }

    #[test]
    fn copy_to_stream_null_destination_round_trips() {
        let hex = concat!(
            "3a01",
            "03050000",
            "02000000",
            "0000000000000000",
            "0000000000000000"
        );
        let (code, out, err) = inspect(&["roundtrip", "rop-response", "--hex"], hex.as_bytes());
        assert_eq!(code, Some(0), "{err}");
        assert_eq!(out.trim(), hex);
        let (_, out, _) = inspect(&["decode", "rop-response", "--hex"], hex.as_bytes());
        let json: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(json["dest_handle_index"], 2);
        assert_eq!(json["source_handle_index"], 1);
    }
}
