//! Conformance tests for the EMSMDB bodies of MS-OXCMAPIHTTP 2.2.4.
//!
//! MS-OXCMAPIHTTP section 4 shows no binary body, so the bodies here are
//! constructions ("construction", citing the section whose layout they
//! follow). Where a specification gives values or bytes for the parts, they
//! are used and cited: the sizes and flags of the Execute call of MS-OXCRPC
//! 4.2, and the ROP bytes of `shared/vectors/spec-rops.json`
//! (`oxctabl-4.1.1-getcontentstable-req`, `oxcrops-4.1-empty-rop-buffer`).
//! Every case decodes to the expected values and re-encodes identically;
//! `common::roundtrip` also checks that every strict prefix fails.

mod common;

use common::{hex, hexv, roundtrip};
use mapi_wire::data::{CodePage, ErrorCode};
use mapi_wire::http::emsmdb::*;
use mapi_wire::wire::{Decode, Encode, ErrorKind, Limits, Reader};
use proptest::prelude::*;

/// An RPC_HEADER_EXT (MS-OXCRPC 2.2.2.1) with Version 0, Flags Last and an
/// uncompressed payload of `n` bytes.
fn last_header(n: u16) -> String {
    let n = n.to_le_bytes();
    format!(
        "0000 0400 {:02x}{:02x} {:02x}{:02x}",
        n[0], n[1], n[0], n[1]
    )
}

// ------------------------------------------------------------- Connect ---

#[test]
fn connect_request() {
    // Construction, MS-OXCMAPIHTTP 2.2.4.1.1: the UserDn of the MS-OXCRPC
    // examples, an ordinary connection, code page 1252, LCIDs 0x0409, no
    // auxiliary buffer.
    let dn = "/o=First Organization/ou=First Administrative Group/cn=recipients/cn=janedow";
    let mut b = dn.as_bytes().to_vec();
    b.push(0);
    b.extend(hexv("00000000 e4040000 09040000 09040000 00000000"));
    let b: &'static [u8] = Box::leak(b.into_boxed_slice());
    let req = roundtrip::<ConnectRequest<'_>>(b, ());
    assert_eq!(req.user_dn.as_bytes(), dn.as_bytes());
    assert_eq!(req.flags, ConnectFlags::empty());
    assert_eq!(req.default_code_page, CodePage::WINDOWS_1252);
    assert_eq!(req.lcid_sort, 0x0409);
    assert_eq!(req.lcid_string, 0x0409);
    assert!(req.auxiliary_buffer.is_empty());
    // 20 fixed bytes after the DN and its terminator.
    assert_eq!(b.len(), dn.len() + 1 + 20);
}

#[test]
fn connect_request_field_order_and_flags() {
    // Construction, MS-OXCMAPIHTTP 2.2.4.1.1: LcidSort precedes LcidString
    // (distinct values show which is which); Flags with both bits of
    // MS-OXCRPC 3.1.4.1 and a reserved one; an empty UserDn; a 3-byte
    // auxiliary buffer (kept as bytes at this layer).
    let b = hex("00 01800100 a9030000 0c040000 09080000 03000000 aabbcc");
    let req = roundtrip::<ConnectRequest<'_>>(b, ());
    assert!(req.user_dn.as_bytes().is_empty());
    assert_eq!(
        req.flags,
        ConnectFlags::ADMINISTRATOR
            | ConnectFlags::IGNORE_NO_PUBLIC_FOLDERS
            | ConnectFlags::from_bits_retain(0x0001_0000)
    );
    assert_eq!(req.default_code_page, CodePage(0x03A9)); // 937
    assert_eq!(req.lcid_sort, 0x040C);
    assert_eq!(req.lcid_string, 0x0809);
    assert_eq!(req.auxiliary_buffer.as_bytes(), &[0xAA, 0xBB, 0xCC]);
}

#[test]
fn connect_request_user_dn_is_8_bit() {
    // Construction, MS-OXCMAPIHTTP 2.2.4.1.1: UserDn is "ASCII", but real
    // DNs carry code-page characters (0xE9 = é in code page 1252); the
    // bytes are kept as sent.
    let b = hex("2f636e3d52e96d79 00 00000000 e4040000 09040000 09040000 00000000");
    let req = roundtrip::<ConnectRequest<'_>>(b, ());
    assert_eq!(req.user_dn.as_bytes(), b"/cn=R\xE9my");
    let text: String = req.user_dn.chars(req.default_code_page).unwrap().collect();
    assert_eq!(text, "/cn=Rémy");
}

#[test]
fn connect_success_with_display_name_at_an_odd_offset() {
    // Construction, MS-OXCMAPIHTTP 2.2.4.1.2: a 10-character DnPrefix puts
    // DisplayName at offset 31; the fields are packed without alignment.
    let b = hex("00000000 00000000 60ea0000 06000000 10270000
                 2f6f3d436f6e746f736f 00
                 4a0061006e006500200044006f007700 0000
                 00000000");
    let body = roundtrip::<ConnectResponse<'_>>(b, ());
    let ConnectResponse::Success(ok) = &body else {
        panic!("{body:?}")
    };
    assert_eq!(ok.status_code, ErrorCode::SUCCESS);
    assert_eq!(ok.error_code, ErrorCode::SUCCESS);
    assert_eq!(ok.polls_max, 60_000);
    assert_eq!(ok.retry_count, 6);
    assert_eq!(ok.retry_delay, 10_000);
    assert_eq!(ok.dn_prefix.as_bytes(), b"/o=Contoso");
    assert_eq!(ok.display_name, "Jane Dow");
    assert_eq!(
        ok.display_name.wire_bytes().map(|w| w.as_ptr()),
        Some(b[31..].as_ptr()),
        "DisplayName borrows the input at offset 31"
    );
    assert!(body.is_success());
    assert_eq!(body.error_code(), Some(ErrorCode::SUCCESS));
}

#[test]
fn connect_success_layout_with_a_failed_operation() {
    // Construction, MS-OXCMAPIHTTP 2.2.4.1.2: StatusCode 0 (the request was
    // processed) with ErrorCode ecLoginFailure (MS-OXCRPC 3.1.4.1); the
    // layout is still the success one, here with empty strings and an
    // auxiliary buffer holding one RPC_HEADER_EXT and a 4-byte payload.
    let b = hex(&format!(
        "00000000 11010480 00000000 00000000 00000000 00 0000 0c000000 {} 01020304",
        last_header(4)
    ));
    let body = roundtrip::<ConnectResponse<'_>>(b, ());
    let ok = body.success().unwrap();
    assert_eq!(ok.error_code, ErrorCode(0x8004_0111));
    assert!(ok.dn_prefix.as_bytes().is_empty());
    assert!(ok.display_name.is_empty());
    assert_eq!(
        body.auxiliary_buffer().as_bytes(),
        hexv("0000 0400 0400 0400 01020304")
    );
}

#[test]
fn connect_failure() {
    // Construction, MS-OXCMAPIHTTP 2.2.4.1.3: StatusCode 0x000006BB
    // (RPC_S_SERVER_TOO_BUSY; the specification does not enumerate
    // StatusCode values) and a 5-byte auxiliary buffer without an
    // RPC_HEADER_EXT, as Exchange 2013 SP1 sent (product note <2>).
    let b = hex("bb060000 05000000 0800000000");
    let body = roundtrip::<ConnectResponse<'_>>(b, ());
    assert!(!body.is_success());
    assert_eq!(body.status_code(), ErrorCode(0x6BB));
    assert_eq!(body.error_code(), None);
    let f = body.failure().unwrap();
    assert_eq!(f.auxiliary_buffer.as_bytes(), &[0x08, 0, 0, 0, 0]);
}

#[test]
fn connect_errors_name_the_field_and_offset() {
    // UserDn without its terminator.
    let e = ConnectRequest::decode(b"/o=Contoso").unwrap_err();
    assert_eq!(
        e.to_string(),
        "ConnectRequest.UserDn: string has no terminator (offset 0)"
    );
    // DisplayName whose last code unit is cut in half.
    let b = hex("00000000 00000000 00000000 00000000 00000000 00 4100 42");
    let e = ConnectResponse::decode(b).unwrap_err();
    assert_eq!(
        e.to_string(),
        "ConnectResponse.DisplayName: string has no terminator (offset 21)"
    );
}

// ------------------------------------------------------------- Execute ---

#[test]
fn execute_request_with_the_sizes_of_ms_oxcrpc_4_2() {
    // MS-OXCRPC 4.2 issues ROPs with pulFlags 0x00000003, cbIn 0x15A, one
    // RPC_HEADER_EXT (Version 0, Flags 0x0004, Size and SizeActual 0x152),
    // RopSize 0x142, 320 bytes of ROPs and a 16-byte handle table, pcbOut
    // 0x00018008 and cbAuxIn 0. The example does not give the ROP bytes:
    // here they are zero placeholders, which this layer does not read; the
    // four handles are made up.
    let mut rops = hexv(&last_header(0x152));
    rops.extend(hexv("4201"));
    rops.extend([0u8; 320]);
    rops.extend(hexv("01000000 02000000 03000000 ffffffff"));
    assert_eq!(rops.len(), 0x15A);
    let mut b = hexv("03000000 5a010000");
    b.extend(&rops);
    b.extend(hexv("08800100 00000000"));
    let b: &'static [u8] = Box::leak(b.into_boxed_slice());
    let req = roundtrip::<ExecuteRequest<'_>>(b, ());
    assert_eq!(
        req.flags,
        ExecuteFlags::NO_COMPRESSION | ExecuteFlags::NO_XOR_MAGIC
    );
    assert_eq!(req.rop_buffer.len(), 0x15A);
    assert_eq!(req.rop_buffer.as_bytes(), rops.as_slice());
    assert_eq!(req.max_rop_out, 0x0001_8008);
    assert!(req.auxiliary_buffer.is_empty());
}

#[test]
fn execute_request_for_getcontentstable() {
    // Construction, MS-OXCMAPIHTTP 2.2.4.2.1, carrying the RopGetContentsTable
    // request of MS-OXCTABL 4.1.1 (vector oxctabl-4.1.1-getcontentstable-req,
    // `05 00 00 01 00`) in a ROP input buffer (MS-OXCROPS 2.2.1): RopSize 7,
    // then a handle table with the folder at index 0 and 0xFFFFFFFF in the
    // output slot. Flags 0x7 as in MS-OXCRPC 4.3 (chaining requested); the
    // Interop test suite's MaxRopOut 0x10008.
    let b = hex(&format!(
        "07000000 17000000 {} 0700 0500000100 21000000 ffffffff 08000100 00000000",
        last_header(15)
    ));
    let req = roundtrip::<ExecuteRequest<'_>>(b, ());
    assert!(req.flags.contains(ExecuteFlags::CHAIN));
    assert_eq!(req.rop_buffer.len(), 23);
    assert_eq!(&req.rop_buffer.as_bytes()[10..15], hexv("0500000100"));
    assert_eq!(req.max_rop_out, 0x0001_0008);
}

#[test]
fn execute_request_to_collect_notifications() {
    // MS-OXCMAPIHTTP 3.1.5.5 / MS-OXCRPC: after EventPending the client
    // sends an Execute with an empty ROP buffer: an RPC_HEADER_EXT and the
    // empty ROP input buffer of MS-OXCROPS 4.1 (vector
    // oxcrops-4.1-empty-rop-buffer, `02 00`), not an empty body.
    let b = hex(&format!(
        "03000000 0a000000 {} 0200 08800100 00000000",
        last_header(2)
    ));
    let req = roundtrip::<ExecuteRequest<'_>>(b, ());
    assert_eq!(req.rop_buffer.as_bytes(), hexv("0000 0400 0200 0200 0200"));
}

#[test]
fn execute_request_with_an_auxiliary_buffer() {
    // Construction, MS-OXCMAPIHTTP 2.2.4.2.1: an auxiliary buffer of one
    // RPC_HEADER_EXT and an AUX_HEADER (MS-OXCRPC 2.2.2.2: Size 4, Version
    // 1, Type 0x0A) with no data, kept as bytes here.
    let b = hex(&format!(
        "00000000 0a000000 {} 0200 00800100 0c000000 {} 0400 01 0a",
        last_header(2),
        last_header(4)
    ));
    let req = roundtrip::<ExecuteRequest<'_>>(b, ());
    assert_eq!(req.flags, ExecuteFlags::empty());
    assert_eq!(req.max_rop_out, 0x0001_8000);
    assert_eq!(
        req.auxiliary_buffer.as_bytes(),
        hexv("0000 0400 0400 0400 0400010a")
    );
}

#[test]
fn execute_success_sample() {
    // samples/execute-response.hex, explained byte by byte in
    // samples/README.md: MS-OXCMAPIHTTP 2.2.4.2.2 around one extended
    // buffer (MS-OXCRPC 2.2.2.1) holding a RopGetContentsTable response
    // (MS-OXCROPS 2.2.4.14.2) and its handle table.
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/samples/execute-response.hex"
    ))
    .unwrap();
    let b = hex(&text);
    assert_eq!(b.len(), 48);
    let body = roundtrip::<ExecuteResponse<'_>>(b, ());
    let ok = body.success().expect("success layout");
    assert_eq!(ok.status_code, ErrorCode::SUCCESS);
    assert_eq!(ok.error_code, ErrorCode::SUCCESS);
    assert_eq!(ok.flags, ExecuteFlags::empty());
    assert_eq!(ok.rop_buffer.len(), 28);
    let rb = ok.rop_buffer.as_bytes();
    // RPC_HEADER_EXT: Version 0, Flags Last, Size = SizeActual = 20.
    assert_eq!(&rb[..8], hexv("0000 0400 1400 1400"));
    assert_eq!(u16::from_le_bytes([rb[4], rb[5]]) as usize, rb.len() - 8);
    // RopSize 12, then RopGetContentsTable: RopId 5, OutputHandleIndex 1,
    // ReturnValue 0, RowCount 2; then two handles.
    assert_eq!(&rb[8..10], [12, 0]);
    assert_eq!(&rb[10..20], hexv("05 01 00000000 02000000"));
    assert_eq!(&rb[20..], hexv("21000000 45000000"));
    assert!(ok.auxiliary_buffer.is_empty());
}

#[test]
fn execute_success_with_reserved_flags_and_a_failed_call() {
    // Construction, MS-OXCMAPIHTTP 2.2.4.2.2: ErrorCode ecRpcFormat
    // (0x000004B6), an empty RopBuffer, and a Flags value a server should
    // not send (gromox echoes the request flags) kept as sent.
    let b = hex("00000000 b6040000 07000000 00000000 00000000");
    let body = roundtrip::<ExecuteResponse<'_>>(b, ());
    let ok = body.success().unwrap();
    assert_eq!(ok.error_code, ErrorCode::RPC_FORMAT);
    assert_eq!(ok.flags.bits(), 7);
    assert!(ok.rop_buffer.is_empty());
}

#[test]
fn execute_failure() {
    // Construction, MS-OXCMAPIHTTP 2.2.4.2.3: StatusCode 0x80040115 and an
    // auxiliary buffer with an RPC_HEADER_EXT and one 4-byte AUX_HEADER.
    let b = hex(&format!("15010480 0c000000 {} 04000101", last_header(4)));
    let body = roundtrip::<ExecuteResponse<'_>>(b, ());
    assert_eq!(body.status_code(), ErrorCode(0x8004_0115));
    assert_eq!(body.auxiliary_buffer().len(), 12);
    assert!(matches!(body, ExecuteResponse::Failure(_)));
}

#[test]
fn execute_rop_buffer_of_256_kib() {
    // Construction, MS-OXCMAPIHTTP 2.2.4.2.2: a RopBuffer of 0x40000 bytes
    // (the largest pcbOut of MS-OXCRPC 3.1.4.2 without
    // ULTRA_LARGE_PACKED_DOWNLOAD_BUFFERS) decodes under the default limits.
    let mut b = hexv("00000000 00000000 00000000 00000400");
    b.extend(std::iter::repeat_n(0x5A, 0x4_0000));
    b.extend(hexv("00000000"));
    let body = ExecuteResponse::decode_exact(&b, ()).unwrap();
    assert_eq!(body.success().unwrap().rop_buffer.len(), 0x4_0000);
    assert_eq!(body.to_vec().unwrap(), b);
}

// ---------------------------------------------------------- Disconnect ---

#[test]
fn disconnect_request_in_the_layout_of_2_2_4_3_1() {
    // Construction, MS-OXCMAPIHTTP 2.2.4.3.1: AuxiliaryBufferSize and
    // AuxiliaryBuffer. The empty prefix is the other valid reading (3.1.5.4),
    // so only the non-empty strict prefixes must fail.
    let b = hex(&format!("0c000000 {} 04000101", last_header(4)));
    let req = DisconnectRequest::decode_exact(b, ()).unwrap();
    assert_eq!(req.auxiliary_buffer.unwrap().len(), 12);
    assert_eq!(req.encoded_len(), b.len());
    assert_eq!(req.to_vec().unwrap(), b);
    for n in 1..b.len() {
        assert!(
            DisconnectRequest::decode_exact(&b[..n], ()).is_err(),
            "prefix {n}"
        );
    }
    let zero = DisconnectRequest::decode_exact(&[0, 0, 0, 0], ()).unwrap();
    assert_eq!(zero, DisconnectRequest::default());
    assert_eq!(zero, DisconnectRequest::new(AuxiliaryBuffer::EMPTY));
}

#[test]
fn disconnect_request_empty_body() {
    // MS-OXCMAPIHTTP 3.1.5.4: "no request body". Decodes, and re-encodes
    // to nothing; what a sender builds by default is the 4-byte form.
    let req = DisconnectRequest::decode_exact(&[], ()).unwrap();
    assert_eq!(req, DisconnectRequest::EMPTY_BODY);
    assert_eq!(req.encoded_len(), 0);
    assert!(req.to_vec().unwrap().is_empty());
    assert_eq!(DisconnectRequest::default().to_vec().unwrap(), [0, 0, 0, 0]);
    // One to three bytes are neither reading.
    let e = DisconnectRequest::decode_exact(&[0, 0], ()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "DisconnectRequest.AuxiliaryBuffer: needs 4 bytes, 2 remain (offset 0)"
    );
}

#[test]
fn disconnect_success() {
    // Construction, MS-OXCMAPIHTTP 2.2.4.3.2.
    let b = hex("00000000 00000000 00000000");
    let body = roundtrip::<DisconnectResponse<'_>>(b, ());
    let ok = body.success().unwrap();
    assert_eq!(ok.error_code, ErrorCode::SUCCESS);
    assert!(ok.auxiliary_buffer.is_empty());
}

#[test]
fn disconnect_failure() {
    // Construction, MS-OXCMAPIHTTP 2.2.4.3.3: StatusCode 0x000006F7
    // (RPC_X_BAD_STUB_DATA), no auxiliary buffer.
    let b = hex("f7060000 00000000");
    let body = roundtrip::<DisconnectResponse<'_>>(b, ());
    assert_eq!(body.status_code(), ErrorCode(0x6F7));
    assert!(body.failure().unwrap().auxiliary_buffer.is_empty());
}

// ---------------------------------------------------- NotificationWait ---

#[test]
fn notificationwait_request() {
    // Construction, MS-OXCMAPIHTTP 2.2.4.4.1: Flags 0 (reserved), no
    // auxiliary buffer.
    let req = roundtrip::<NotificationWaitRequest<'_>>(hex("00000000 00000000"), ());
    assert!(req.flags.is_empty());
    // A reserved bit is kept, not rejected.
    let req = roundtrip::<NotificationWaitRequest<'_>>(hex("00000100 00000000"), ());
    assert_eq!(req.flags.bits(), 0x0001_0000);
}

#[test]
fn notificationwait_success_with_and_without_events() {
    // Construction, MS-OXCMAPIHTTP 2.2.4.4.2: EventPending 1 (events
    // pending), then 0 with ErrorCode ecRejected (0x000007EE, a wait was
    // already outstanding; MS-OXCRPC 3.3.4.1).
    let body =
        roundtrip::<NotificationWaitResponse<'_>>(hex("00000000 00000000 01000000 00000000"), ());
    let ok = body.success().unwrap();
    assert!(
        ok.event_pending
            .contains(EventPending::NOTIFICATION_PENDING)
    );
    let body =
        roundtrip::<NotificationWaitResponse<'_>>(hex("00000000 ee070000 00000000 00000000"), ());
    let ok = body.success().unwrap();
    assert_eq!(ok.error_code, ErrorCode::REJECTED);
    assert!(ok.event_pending.is_empty());
}

#[test]
fn notificationwait_failure() {
    // Construction, MS-OXCMAPIHTTP 2.2.4.4.3.
    let b = hex("01000000 02000000 abcd");
    let body = roundtrip::<NotificationWaitResponse<'_>>(b, ());
    assert_eq!(body.status_code(), ErrorCode(1));
    assert_eq!(body.auxiliary_buffer().as_bytes(), &[0xAB, 0xCD]);
}

// ------------------------------------------------------ shared checks ---

#[test]
fn auxiliary_buffer_cap_is_0x1008() {
    // MS-OXCRPC 3.1.4.1/3.1.4.2: cbAuxIn and pcbAuxOut are at most 0x1008.
    let body = |n: usize| {
        let mut b = hexv("00000000");
        b.extend((n as u32).to_le_bytes());
        b.resize(8 + n, 0x11);
        b
    };
    let at_cap = body(0x1008);
    let req = NotificationWaitRequest::decode_exact(&at_cap, ()).unwrap();
    assert_eq!(req.auxiliary_buffer.len(), 0x1008);
    let over = body(0x1009);
    let e = NotificationWaitRequest::decode_exact(&over, ()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "NotificationWaitRequest.AuxiliaryBuffer: 4105 exceeds the limit of 4104 (offset 4)"
    );
    // Without the cap the same bytes decode and round-trip.
    let (req, rest) =
        NotificationWaitRequest::decode_with_limits(&over, (), Limits::PERMISSIVE).unwrap();
    assert!(rest.is_empty());
    assert_eq!(req.to_vec().unwrap(), over);
    // The cap holds in responses too, success and failure.
    let mut fail = hexv("05000000");
    fail.extend(&over[4..]);
    let e = ExecuteResponse::decode_exact(&fail, ()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::limit_exceeded(0x1009, 0x1008));
    assert_eq!(e.offset(), 4);
}

#[test]
fn sizes_are_checked_against_the_remaining_bytes() {
    let e = ExecuteRequest::decode(hex("00000000 10000000 0000")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "ExecuteRequest.RopBuffer: length 16 runs past the end, 2 bytes remain (offset 4)"
    );
    let e = DisconnectResponse::decode(hex("00000000 00000000 08100000")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "DisconnectResponse.AuxiliaryBuffer: length 4104 runs past the end, 0 bytes remain (offset 8)"
    );
}

#[test]
fn response_forms_that_would_decode_as_the_other_are_unencodable() {
    let ok = ConnectResponse::Success(ConnectSuccess {
        status_code: ErrorCode(2),
        error_code: ErrorCode::SUCCESS,
        polls_max: 0,
        retry_count: 0,
        retry_delay: 0,
        dn_prefix: mapi_wire::data::String8::new(b"").unwrap(),
        display_name: mapi_wire::data::Utf16Str::from_str(""),
        auxiliary_buffer: AuxiliaryBuffer::EMPTY,
    });
    let e = ok.to_vec().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unencodable { value: 2 });
    assert_eq!(
        e.to_string(),
        "StatusCode: cannot encode value 0x2 (offset 0)"
    );

    let fail = NotificationWaitResponse::from(FailureResponse {
        status_code: ErrorCode::SUCCESS,
        auxiliary_buffer: AuxiliaryBuffer::EMPTY,
    });
    assert_eq!(
        fail.to_vec().unwrap_err().kind(),
        ErrorKind::Unencodable { value: 0 }
    );
    // The same failure body on its own encodes: only the response body,
    // which decodes by StatusCode, refuses it.
    assert_eq!(
        FailureResponse {
            status_code: ErrorCode::SUCCESS,
            auxiliary_buffer: AuxiliaryBuffer::EMPTY,
        }
        .to_vec()
        .unwrap(),
        [0; 8]
    );
}

#[test]
fn built_bodies_encode_to_the_expected_bytes() {
    // Construction: the encoder side, from typed values.
    let req = ExecuteRequest {
        flags: ExecuteFlags::NO_COMPRESSION | ExecuteFlags::NO_XOR_MAGIC | ExecuteFlags::CHAIN,
        rop_buffer: RopBuffer(&[0, 0, 4, 0, 2, 0, 2, 0, 2, 0]),
        max_rop_out: 0x0001_8008,
        auxiliary_buffer: AuxiliaryBuffer::EMPTY,
    };
    assert_eq!(
        req.to_vec().unwrap(),
        hexv("07000000 0a000000 0000040002000200 0200 08800100 00000000")
    );
    let mut buf = [0u8; 10];
    let e = req.encode_to_slice(&mut buf).unwrap_err();
    assert_eq!(
        e.kind(),
        ErrorKind::SinkFull {
            needed: 26,
            available: 10
        }
    );

    let connect = ConnectRequest {
        user_dn: mapi_wire::data::String8::new(b"/cn=a").unwrap(),
        flags: ConnectFlags::empty(),
        default_code_page: CodePage::UTF8,
        lcid_sort: 0x0409,
        lcid_string: 0x0409,
        auxiliary_buffer: AuxiliaryBuffer::EMPTY,
    };
    assert_eq!(
        connect.to_vec().unwrap(),
        hexv("2f636e3d61 00 00000000 e9fd0000 09040000 09040000 00000000")
    );

    let ok = ConnectResponse::from(ConnectSuccess {
        status_code: ErrorCode::SUCCESS,
        error_code: ErrorCode::SUCCESS,
        polls_max: 60_000,
        retry_count: 6,
        retry_delay: 10_000,
        dn_prefix: mapi_wire::data::String8::new(b"/o=X").unwrap(),
        display_name: mapi_wire::data::Utf16Str::from_str("é"),
        auxiliary_buffer: AuxiliaryBuffer::EMPTY,
    });
    let bytes = ok.to_vec().unwrap();
    assert_eq!(
        bytes,
        hexv("00000000 00000000 60ea0000 06000000 10270000 2f6f3d58 00 e900 0000 00000000")
    );
    assert_eq!(ok.encoded_len(), bytes.len());
    assert_eq!(ConnectResponse::decode_exact(&bytes, ()).unwrap(), ok);
}

#[test]
fn decode_borrows_the_input() {
    let b = hex("00000000 00000000 00000000 03000000 aabbcc 02000000 ddee");
    let body = ExecuteResponse::decode_exact(b, ()).unwrap();
    let ok = body.success().unwrap();
    assert_eq!(ok.rop_buffer.as_bytes().as_ptr(), b[16..].as_ptr());
    assert_eq!(ok.auxiliary_buffer.as_bytes().as_ptr(), b[23..].as_ptr());
}

// ---------------------------------------------------------- proptest ---

fn leak<T>(v: Vec<T>) -> &'static [T] {
    Box::leak(v.into_boxed_slice())
}

fn leak_str(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// Encode→decode identity, exact `encoded_len`, and failing strict
/// prefixes (the empty prefix excepted where `empty_ok`).
fn check<'a, T>(v: &T, empty_ok: bool) -> Result<(), TestCaseError>
where
    T: Decode<'a, Ctx = ()> + Encode<Ctx = ()> + PartialEq + std::fmt::Debug,
{
    let bytes: &'a [u8] = leak(v.to_vec().map_err(|e| TestCaseError::fail(e.to_string()))?);
    prop_assert_eq!(v.encoded_len(), bytes.len());
    let back = T::decode_exact(bytes, ()).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(&back, v);
    prop_assert_eq!(back.to_vec().unwrap(), bytes);
    let first = usize::from(empty_ok);
    for n in first..bytes.len() {
        let mut r = Reader::new(&bytes[..n]);
        prop_assert!(T::decode_from(&mut r, ()).is_err(), "prefix {} decoded", n);
    }
    Ok(())
}

/// Decodes arbitrary bytes; whatever decodes re-encodes to the bytes
/// consumed, and errors point inside the input.
fn no_panic<'a, T>(bytes: &'a [u8]) -> Result<(), TestCaseError>
where
    T: Decode<'a, Ctx = ()> + Encode<Ctx = ()> + std::fmt::Debug,
{
    match T::decode(bytes) {
        Ok((v, rest)) => {
            let used = &bytes[..bytes.len() - rest.len()];
            prop_assert_eq!(v.to_vec().unwrap(), used);
            prop_assert_eq!(v.encoded_len(), used.len());
            let _ = format!("{v:?}");
        }
        Err(e) => prop_assert!(e.offset() <= bytes.len(), "{}", e),
    }
    Ok(())
}

fn aux() -> impl Strategy<Value = AuxiliaryBuffer<'static>> {
    prop::collection::vec(any::<u8>(), 0..40).prop_map(|b| AuxiliaryBuffer(leak(b)))
}

fn rops() -> impl Strategy<Value = RopBuffer<'static>> {
    prop::collection::vec(any::<u8>(), 0..80).prop_map(|b| RopBuffer(leak(b)))
}

fn string8() -> impl Strategy<Value = mapi_wire::data::String8<'static>> {
    prop::collection::vec(1u8..=255, 0..24)
        .prop_map(|b| mapi_wire::data::String8::new(leak(b)).unwrap())
}

fn utf16() -> impl Strategy<Value = mapi_wire::data::Utf16Str<'static>> {
    prop_oneof![
        "[^\u{0}]{0,12}".prop_map(|s| mapi_wire::data::Utf16Str::from_str(leak_str(s))),
        prop::collection::vec(1u16..=u16::MAX, 0..8).prop_map(|u| {
            let b: Vec<u8> = u.iter().flat_map(|c| c.to_le_bytes()).collect();
            mapi_wire::data::Utf16Str::from_wire(leak(b)).unwrap()
        }),
    ]
}

fn code() -> impl Strategy<Value = ErrorCode> {
    any::<u32>().prop_map(ErrorCode)
}

fn failure_code() -> impl Strategy<Value = ErrorCode> {
    (1u32..=u32::MAX).prop_map(ErrorCode)
}

fn failure() -> impl Strategy<Value = FailureResponse<'static>> {
    (failure_code(), aux()).prop_map(|(status_code, auxiliary_buffer)| FailureResponse {
        status_code,
        auxiliary_buffer,
    })
}

fn any_connect_request() -> impl Strategy<Value = ConnectRequest<'static>> {
    (
        string8(),
        any::<u32>(),
        any::<u32>(),
        any::<u32>(),
        any::<u32>(),
        aux(),
    )
        .prop_map(
            |(user_dn, flags, cp, lcid_sort, lcid_string, auxiliary_buffer)| ConnectRequest {
                user_dn,
                flags: ConnectFlags::from_bits_retain(flags),
                default_code_page: CodePage(cp),
                lcid_sort,
                lcid_string,
                auxiliary_buffer,
            },
        )
}

fn any_connect_response() -> impl Strategy<Value = ConnectResponse<'static>> {
    let ok = (code(), any::<(u32, u32, u32)>(), string8(), utf16(), aux()).prop_map(
        |(error_code, (polls_max, retry_count, retry_delay), dn_prefix, display_name, a)| {
            ConnectResponse::Success(ConnectSuccess {
                status_code: ErrorCode::SUCCESS,
                error_code,
                polls_max,
                retry_count,
                retry_delay,
                dn_prefix,
                display_name,
                auxiliary_buffer: a,
            })
        },
    );
    prop_oneof![ok, failure().prop_map(ConnectResponse::Failure)]
}

fn any_execute_request() -> impl Strategy<Value = ExecuteRequest<'static>> {
    (any::<u32>(), rops(), any::<u32>(), aux()).prop_map(|(f, rop_buffer, max_rop_out, a)| {
        ExecuteRequest {
            flags: ExecuteFlags::from_bits_retain(f),
            rop_buffer,
            max_rop_out,
            auxiliary_buffer: a,
        }
    })
}

fn any_execute_response() -> impl Strategy<Value = ExecuteResponse<'static>> {
    let ok = (code(), any::<u32>(), rops(), aux()).prop_map(|(error_code, f, rop_buffer, a)| {
        ExecuteResponse::Success(ExecuteSuccess {
            status_code: ErrorCode::SUCCESS,
            error_code,
            flags: ExecuteFlags::from_bits_retain(f),
            rop_buffer,
            auxiliary_buffer: a,
        })
    });
    prop_oneof![ok, failure().prop_map(ExecuteResponse::Failure)]
}

fn any_disconnect_request() -> impl Strategy<Value = DisconnectRequest<'static>> {
    prop::option::of(aux()).prop_map(|auxiliary_buffer| DisconnectRequest { auxiliary_buffer })
}

fn any_disconnect_response() -> impl Strategy<Value = DisconnectResponse<'static>> {
    let ok = (code(), aux()).prop_map(|(error_code, a)| {
        DisconnectResponse::Success(DisconnectSuccess {
            status_code: ErrorCode::SUCCESS,
            error_code,
            auxiliary_buffer: a,
        })
    });
    prop_oneof![ok, failure().prop_map(DisconnectResponse::Failure)]
}

fn any_notificationwait_request() -> impl Strategy<Value = NotificationWaitRequest<'static>> {
    (any::<u32>(), aux()).prop_map(|(f, a)| NotificationWaitRequest {
        flags: NotificationWaitFlags::from_bits_retain(f),
        auxiliary_buffer: a,
    })
}

fn any_notificationwait_response() -> impl Strategy<Value = NotificationWaitResponse<'static>> {
    let ok = (code(), any::<u32>(), aux()).prop_map(|(error_code, e, a)| {
        NotificationWaitResponse::Success(NotificationWaitSuccess {
            status_code: ErrorCode::SUCCESS,
            error_code,
            event_pending: EventPending::from_bits_retain(e),
            auxiliary_buffer: a,
        })
    });
    prop_oneof![ok, failure().prop_map(NotificationWaitResponse::Failure)]
}

/// Bytes that are mostly small values, so that sizes often fit the input
/// and decoding gets past the first size field.
fn body_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(prop_oneof![4 => 0u8..4, 1 => any::<u8>()], 0..96)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn requests_round_trip(
        c in any_connect_request(),
        e in any_execute_request(),
        d in any_disconnect_request(),
        n in any_notificationwait_request(),
    ) {
        check(&c, false)?;
        check(&e, false)?;
        check(&d, true)?;
        check(&n, false)?;
    }

    #[test]
    fn responses_round_trip(
        c in any_connect_response(),
        e in any_execute_response(),
        d in any_disconnect_response(),
        n in any_notificationwait_response(),
    ) {
        check(&c, false)?;
        check(&e, false)?;
        check(&d, false)?;
        check(&n, false)?;
        // The form follows StatusCode.
        prop_assert_eq!(c.is_success(), c.status_code() == ErrorCode::SUCCESS);
        prop_assert_eq!(e.is_success(), e.status_code() == ErrorCode::SUCCESS);
    }

    #[test]
    fn arbitrary_bytes_never_panic(data in body_bytes(), raw in prop::collection::vec(any::<u8>(), 0..64)) {
        for b in [&data[..], &raw[..]] {
            let b: &'static [u8] = leak(b.to_vec());
            no_panic::<ConnectRequest<'_>>(b)?;
            no_panic::<ConnectResponse<'_>>(b)?;
            no_panic::<ExecuteRequest<'_>>(b)?;
            no_panic::<ExecuteResponse<'_>>(b)?;
            no_panic::<DisconnectRequest<'_>>(b)?;
            no_panic::<DisconnectResponse<'_>>(b)?;
            no_panic::<NotificationWaitRequest<'_>>(b)?;
            no_panic::<NotificationWaitResponse<'_>>(b)?;
            no_panic::<FailureResponse<'_>>(b)?;
            no_panic::<ConnectSuccess<'_>>(b)?;
            no_panic::<ExecuteSuccess<'_>>(b)?;
        }
    }

    #[test]
    fn decoded_responses_agree_with_status_code(data in body_bytes()) {
        let b: &'static [u8] = leak(data);
        if let Ok((v, _)) = ExecuteResponse::decode(b) {
            prop_assert_eq!(v.is_success(), b[..4] == [0, 0, 0, 0]);
            prop_assert_eq!(v.status_code().0, u32::from_le_bytes([b[0], b[1], b[2], b[3]]));
        }
        if let Ok((v, _)) = ConnectResponse::decode(b) {
            prop_assert_eq!(v.is_success(), b[..4] == [0, 0, 0, 0]);
        }
    }
}

// --------------------------------------------------------------- CLI ---

#[cfg(feature = "cli")]
mod cli {
    use super::common::cli::{inspect, text};

    #[test]
    fn every_emsmdb_kind_is_listed() {
        let kinds = text(&inspect(&["kinds"], b"").stdout);
        for t in ["connect", "execute", "disconnect", "notificationwait"] {
            for d in ["request", "response"] {
                let k = format!("{t}-{d}");
                assert!(kinds.lines().any(|l| l == k), "{k} missing from {kinds}");
            }
        }
    }

    #[test]
    fn sample_execute_response_decodes_with_spec_field_names() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/execute-response.hex");
        let o = inspect(&["decode", "execute-response", path, "--hex"], b"");
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
        let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(json["status_code"], 0);
        assert_eq!(json["error_code"], 0);
        assert_eq!(json["flags"], 0);
        assert_eq!(
            json["rop_buffer"],
            "00000400140014000c00050100000000020000002100000045000000"
        );
        assert_eq!(json["auxiliary_buffer"], "");
        let o = inspect(&["roundtrip", "execute-response", path, "--hex"], b"");
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
        assert_eq!(
            text(&o.stdout).trim(),
            "0000000000000000000000001c00000000000400140014000c0005010000000002000000210000004500000000000000"
        );
    }

    #[test]
    fn response_kinds_take_the_failure_form() {
        let o = inspect(
            &["decode", "notificationwait-response", "--hex"],
            b"ee070000 02000000 abcd",
        );
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
        let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(json["status_code"], 0x7EE);
        assert_eq!(json["auxiliary_buffer"], "abcd");
        assert!(json.get("error_code").is_none());
    }

    #[test]
    fn connect_json_shows_strings_as_text() {
        let o = inspect(
            &["decode", "connect-response", "--hex"],
            b"00000000 00000000 60ea0000 06000000 10270000 2f6f3d58 00 4a006f00 0000 00000000",
        );
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
        let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(json["dn_prefix"], "/o=X");
        assert_eq!(json["display_name"], "Jo");
        assert_eq!(json["polls_max"], 60000);
        let o = inspect(
            &["decode", "connect-request", "--hex"],
            b"2f636e3d61 00 01000000 e4040000 09040000 0c040000 00000000",
        );
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
        let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(json["user_dn"], "/cn=a");
        assert_eq!(json["flags"], 1);
        assert_eq!(json["default_code_page"], 1252);
        assert_eq!(json["lcid_sort"], 0x409);
        assert_eq!(json["lcid_string"], 0x40C);
    }

    #[test]
    fn disconnect_request_accepts_both_readings() {
        for (input, aux) in [
            (&b""[..], serde_json::Value::Null),
            (&b"00000000"[..], "".into()),
        ] {
            let o = inspect(&["decode", "disconnect-request", "--hex"], input);
            assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
            let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
            assert_eq!(json["auxiliary_buffer"], aux);
        }
    }

    #[test]
    fn malformed_body_is_one_error_line_with_an_offset() {
        let o = inspect(
            &["decode", "execute-request", "--hex"],
            b"00000000 ffffffff 00",
        );
        assert_eq!(o.status.code(), Some(1));
        assert_eq!(
            text(&o.stderr).trim(),
            "error: ExecuteRequest.RopBuffer: length 4294967295 runs past the end, 1 bytes remain (offset 4)"
        );
    }
}
