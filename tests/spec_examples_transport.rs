//! The "Protocol Examples" (section 4) of MS-OXCMAPIHTTP, MS-OXCRPC and
//! MS-OXNSPI, checked against the codec.
//!
//! What the sections give, and so what is fact here:
//!
//! - MS-OXCMAPIHTTP 4.1 to 4.5: HTTP message templates. The start lines,
//!   header names, their order, the fixed values (`Content-Type:
//!   application/mapi-http`, `X-RequestType`, `X-PendingPeriod: 15000`,
//!   `X-ResponseCode: 0`), the meta-tags and the chunks of 4.2 are copied
//!   as printed. Placeholders (`<opaque string>`, `<unique identifier>`,
//!   `<milliseconds>`, `<date/time>`, the bodies) are filled with values
//!   of our own, which the tests say ("placeholder").
//! - MS-OXCRPC 4.1 to 4.4: the parameter values of EcDoConnectEx,
//!   EcDoRpcExt2 and EcDoDisconnect (user DN, flags, code page, LCIDs, RPC_HEADER_EXT fields,
//!   sizes). The MAPI/HTTP bodies that carry them are built field by field
//!   per MS-OXCMAPIHTTP 2.2.4; the ROP bytes, which the examples only
//!   count, are constructions.
//! - MS-OXNSPI section 4: the NspiBind input STAT and the 16 bytes of the
//!   returned server GUID (vector `oxnspi-s4-bind-out-serverguid`), put in
//!   the MAPI/HTTP Bind bodies of MS-OXCMAPIHTTP 2.2.5.1; and GUID_NSPI of
//!   MS-OXNSPI 2.2.1.7 (vector `oxnspi-2.2.1.7-guid-nspi`).
//!
//! The stored copies of MS-OXCRPC 4.1 and 4.3 and of MS-OXNSPI section 4
//! available to this work end before the server's output values (4.1), the
//! packed rgbOut (4.3) and the NspiGetSpecialTable / NspiQueryRows steps
//! (MS-OXNSPI 4); those parts are not tested here.

mod common;

use common::{hexv, roundtrip};
use mapi_wire::data::{CodePage, ErrorCode, Guid, String8};
use mapi_wire::http::emsmdb::*;
use mapi_wire::http::nspi::{BindRequest, BindResponse};
use mapi_wire::http::*;
use mapi_wire::nspi::{
    AbContext, AbDisplayType, BindFlags, EphemeralEntryId, MinimalEntryId, NspiEntryId,
    PermanentEntryId, SortType,
};
use mapi_wire::rop::{LogonMap, RopInputBuffer, RopRequest};
use mapi_wire::rpc::{ExtChain, ExtFlags, RpcHeaderExt};
use mapi_wire::wire::{Decode, Encode};

// ------------------------------------------------------ placeholders ---

/// `<Autodiscover-provided endpoint>` and `<URL of the host server>`.
const ENDPOINT: &str = "/mapi/emsmdb/?MailboxId=jane@example.com";
const HOST: &str = "mail.example.com";
/// `<opaque string>` of X-ClientInfo: the example value of 2.2.3.3.4.
const CLIENT_INFO: &str = "{2EF33C39-49C8-421C-B876-CDF7F2AC3AA0}:123";
/// `<unique identifier>` of X-RequestId: the example value of 2.2.3.3.2.
const REQUEST_ID_GUID: &str = "E2EA6C1C-E61B-49E9-9CFB-38184F907552";
/// `<client version>` and `<server version>`.
const CLIENT_APP: &str = "Outlook/15.00.0847.4040";
const SERVER_APP: &str = "Exchange/15.00.0847.4040";
/// `<milliseconds>` of X-ExpirationInfo and X-ElapsedTime, `<date/time>`
/// of X-StartTime.
const EXPIRATION: &str = "900000";
const ELAPSED: &str = "12";
const START: &str = "Mon, 19 May 2014 22:00:59 GMT";

/// Lines joined with CR LF, each line ended by CR LF.
fn lines(ls: &[&str]) -> Vec<u8> {
    let mut v = Vec::new();
    for l in ls {
        v.extend_from_slice(l.as_bytes());
        v.extend_from_slice(b"\r\n");
    }
    v
}

fn leak(v: Vec<u8>) -> &'static [u8] {
    Box::leak(v.into_boxed_slice())
}

/// A client request of section 4: the template's header lines (the
/// caller's, in the template's order), the empty line and the body.
fn request(headers: &[&str], body: &[u8]) -> &'static [u8] {
    let mut head: Vec<String> = vec![
        format!("POST {ENDPOINT} HTTP/1.1"),
        format!("Host: {HOST}"),
        format!("Content-Length: {}", body.len()),
        "Content-Type: application/mapi-http".into(),
    ];
    head.extend(headers.iter().map(|h| h.to_string()));
    head.push(String::new());
    let mut v = lines(&head.iter().map(String::as_str).collect::<Vec<_>>());
    v.extend_from_slice(body);
    leak(v)
}

/// The meta-tag stream of a non-chunked response (4.1, 4.3, 4.4, 4.5):
/// `PROCESSING`, `DONE`, the additional headers, the empty line, the body.
fn done_stream(body: &[u8]) -> Vec<u8> {
    let mut v = lines(&[
        "PROCESSING",
        "DONE",
        "X-ResponseCode: 0",
        &format!("X-ElapsedTime: {ELAPSED}"),
        &format!("X-StartTime: {START}"),
        "",
    ]);
    v.extend_from_slice(body);
    v
}

/// A non-chunked server response of section 4: status line,
/// Content-Length of the stream, the caller's header lines, the empty
/// line and the stream.
fn response(headers: &[&str], stream: &[u8]) -> &'static [u8] {
    let mut head: Vec<String> = vec![
        "HTTP/1.1 200 OK".into(),
        format!("Content-Length: {}", stream.len()),
    ];
    head.extend(headers.iter().map(|h| h.to_string()));
    head.push(String::new());
    let mut v = lines(&head.iter().map(String::as_str).collect::<Vec<_>>());
    v.extend_from_slice(stream);
    leak(v)
}

/// The cookie pairs of every `name` field.
fn cookies<'a>(h: &HeaderBlock<'a>, name: &str) -> Vec<(&'a [u8], &'a [u8])> {
    h.get_all(name)
        .flat_map(|h| Cookies::new(h.value))
        .collect()
}

/// Checks the MAPI headers every section 4 request carries.
fn check_request_headers(r: &HttpRequest<'_>, t: RequestType, counter: u64) {
    let m = r.mapi_headers().unwrap();
    assert_eq!(m.check_request(), Ok(t));
    assert_eq!(m.host, Some(HOST.as_bytes()));
    assert!(m.content_type.unwrap().is_mapi_http());
    assert_eq!(m.content_length, Some(r.body().unwrap().len() as u64));
    let id = m.request_id.unwrap();
    assert_eq!(id.guid.to_string(), format!("{{{REQUEST_ID_GUID}}}"));
    assert!(!id.braced);
    assert_eq!(id.counter, counter);
    let ci = m.client_info.unwrap();
    assert!(ci.braced);
    assert_eq!(ci.counter, 123);
    assert_eq!(
        m.client_application.unwrap().numbers(),
        Some([15, 0, 847, 4040])
    );
}

/// Checks the MAPI headers of a section 4 response and its meta-tag
/// stream; returns the body after the empty line.
fn check_response<'a>(
    r: &HttpResponse<'a>,
    content: &'a [u8],
    t: RequestType,
    counter: u64,
    pending_period: Option<u64>,
) -> InnerStream<'a> {
    assert_eq!(r.head.status, 200);
    let m = r.mapi_headers().unwrap();
    assert_eq!(m.request_type(), Some(t));
    assert!(m.content_type.unwrap().is_mapi_http());
    assert_eq!(m.request_id.unwrap().counter, counter);
    assert_eq!(m.response_code, Some(ResponseCode::SUCCESS));
    assert_eq!(m.client_info.unwrap().counter, 123);
    assert_eq!(m.expiration_info, Some(900_000));
    assert_eq!(m.pending_period, pending_period);
    r.inner_stream(content, &HttpLimits::DEFAULT).unwrap()
}

// ------------------------------------------------- MS-OXCMAPIHTTP 4.1 ---

/// The user DN of MS-OXCRPC 4.1 (szUserDN), as printed there.
const USER_DN: &str =
    "/o=First Organization/ou=First Administrative Group/CN=recipients/CN=janedow";

/// The Connect request body (MS-OXCMAPIHTTP 2.2.4.1.1) carrying the
/// EcDoConnectEx inputs of MS-OXCRPC 4.1: szUserDN, ulFlags 0x00000000,
/// ulCpid 0x000004E4, ulLcidSort and ulLcidString 0x00000409, cbAuxIn 0.
/// ulConMod 0x00340567, cbLimit, ulIcxrLink 0xFFFFFFFF,
/// usFCanConvertCodePages, rgwClientVersion and pulTimeStamp have no field
/// in the MAPI/HTTP body.
fn oxcrpc_4_1_connect_body() -> Vec<u8> {
    let mut b = USER_DN.as_bytes().to_vec();
    b.push(0);
    b.extend(hexv("00000000 e4040000 09040000 09040000 00000000"));
    b
}

#[test]
fn oxcmapihttp_4_1_connect_request_carries_the_oxcrpc_4_1_inputs() {
    let body = oxcrpc_4_1_connect_body();
    let wire = request(
        &[
            "X-RequestType: Connect",
            &format!("X-ClientInfo: {CLIENT_INFO}"),
            &format!("X-RequestId: {REQUEST_ID_GUID}:1"),
            &format!("X-ClientApplication: {CLIENT_APP}"),
        ],
        &body,
    );
    let r = roundtrip::<HttpRequest<'_>>(wire, ());
    check_request_headers(&r, RequestType::Connect, 1);
    // A new Session Context: no cookies yet.
    assert_eq!(r.head.headers.get_all("Cookie").count(), 0);

    let req = roundtrip::<ConnectRequest<'_>>(leak(body), ());
    assert_eq!(req.user_dn.as_bytes(), USER_DN.as_bytes());
    assert_eq!(req.flags, ConnectFlags::empty()); // regular user access
    assert_eq!(req.default_code_page, CodePage::WINDOWS_1252);
    assert_eq!(req.default_code_page, CodePage(0x04E4));
    assert_eq!(req.lcid_sort, 0x0409);
    assert_eq!(req.lcid_string, 0x0409);
    assert!(req.auxiliary_buffer.is_empty());
}

#[test]
fn oxcmapihttp_4_1_connect_response() {
    // Placeholder body: a Connect success body (2.2.4.1.2); MS-OXCRPC 4.1's
    // output values are not in the stored copy.
    let mut body = hexv("00000000 00000000 60ea0000 06000000 10270000");
    body.extend(b"/o=First Organization/ou=First Administrative Group\0");
    for u in "Jane Dow".encode_utf16() {
        body.extend(u.to_le_bytes());
    }
    body.extend(hexv("0000 00000000"));
    let stream = done_stream(&body);
    let wire = response(
        &[
            "Content-Type: application/mapi-http",
            "Set-Cookie: MapiContext=ctx0001",
            "Set-Cookie: MapiSequence=seq0001",
            "X-PendingPeriod: 15000",
            "X-RequestType: Connect",
            &format!("X-RequestId: {REQUEST_ID_GUID}:1"),
            "X-ResponseCode: 0",
            &format!("X-ClientInfo: {CLIENT_INFO}"),
            &format!("X-ServerApplication: {SERVER_APP}"),
            &format!("X-ExpirationInfo: {EXPIRATION}"),
        ],
        &stream,
    );
    let r = roundtrip::<HttpResponse<'_>>(wire, ());
    assert_eq!(r.entity.framing(), "content-length");
    let s = check_response(
        &r,
        r.entity.contiguous().unwrap(),
        RequestType::Connect,
        1,
        Some(15_000),
    );
    assert_eq!(
        cookies(&r.head.headers, "Set-Cookie"),
        [
            (&b"MapiContext"[..], &b"ctx0001"[..]),
            (&b"MapiSequence"[..], &b"seq0001"[..])
        ]
    );
    assert_eq!(
        r.mapi_headers()
            .unwrap()
            .server_application
            .unwrap()
            .numbers(),
        Some([15, 0, 847, 4040])
    );
    assert_eq!(s.pending, 0);
    let d = s.done_headers().unwrap();
    assert_eq!(d.response_code, Some(ResponseCode::SUCCESS));
    assert_eq!(d.elapsed_time, Some(12));
    assert_eq!(d.start_time.unwrap().to_string(), START);
    assert_eq!(s.body, body.as_slice());

    let c = roundtrip::<ConnectResponse<'_>>(s.body, ());
    let ok = c.success().unwrap();
    assert_eq!(ok.error_code, ErrorCode::SUCCESS);
    assert_eq!(ok.polls_max, 60_000);
    assert_eq!(ok.display_name, "Jane Dow");
}

// ------------------------------------------------- MS-OXCMAPIHTTP 4.2 ---

/// The RPC_HEADER_EXT and payload sizes of the rgbIn of MS-OXCRPC 4.2 and
/// 4.3: Version 0x0000, Flags 0x0004 (Last), Size and SizeActual 0x0152;
/// RopSize 0x0142, 320 bytes of ROP requests, 16 bytes of
/// ServerObjectHandleTable; cbIn 0x0000015A.
///
/// The ROPs are not printed. Construction: 64 RopReadStream requests of 5
/// bytes (MS-OXCROPS 2.2.9.2.1) fill the 320 bytes exactly, so that the
/// last ROP is RopReadStream as MS-OXCRPC 4.3 says; four handles fill the
/// 16-byte table.
fn oxcrpc_4_2_rgb_in() -> Vec<u8> {
    let mut b = hexv("0000 0400 5201 5201 4201");
    for i in 0..64u8 {
        b.extend([0x2C, 0x00, i % 4, 0x00, 0x10]); // ByteCount 0x1000
    }
    b.extend(hexv("10000000 11000000 12000000 13000000"));
    b
}

/// The rgbOut of MS-OXCRPC 4.2: Version 0x0000, Flags 0x0004, Size and
/// SizeActual 0x0052; RopSize 0x0042, 64 bytes of ROP responses and 16
/// bytes of handle table. The ROP bytes are not printed: filler.
fn oxcrpc_4_2_rgb_out() -> Vec<u8> {
    let mut b = hexv("0000 0400 5200 5200 4200");
    b.extend((0..64u8).map(|i| i.wrapping_mul(37)));
    b.extend(hexv("10000000 11000000 12000000 13000000"));
    b
}

#[test]
fn oxcrpc_4_2_and_4_3_rgb_in_is_one_last_buffer_of_64_read_streams() {
    let rgb_in = leak(oxcrpc_4_2_rgb_in());
    assert_eq!(rgb_in.len(), 0x15A); // cbIn
    let chain = roundtrip::<ExtChain<'_>>(rgb_in, ());
    assert_eq!(chain.len(), 1);
    let b = chain.iter().next().unwrap();
    assert_eq!(
        b.header,
        RpcHeaderExt {
            version: 0x0000,
            flags: ExtFlags::LAST,
            size: 0x0152,
            size_actual: 0x0152,
        }
    );
    assert!(!b.is_transformed()); // "not compressed and not obfuscated"
    let payload = b.plain().unwrap();
    assert_eq!(u16::from_le_bytes([payload[0], payload[1]]), 0x0142);
    let rops = RopInputBuffer::decode_exact(payload, LogonMap::default()).unwrap();
    assert_eq!(rops.rops.len(), 64);
    assert!(matches!(
        rops.rops.last(),
        Some(RopRequest::ReadStream(r)) if r.byte_count == 0x1000 && r.input_handle_index == 3
    ));
    assert_eq!(rops.server_object_handle_table.len(), 4);
    assert_eq!(rops.to_vec_with(LogonMap::default()).unwrap(), payload);
}

#[test]
fn oxcrpc_4_2_rgb_out_is_one_last_buffer() {
    let rgb_out = leak(oxcrpc_4_2_rgb_out());
    assert_eq!(rgb_out.len(), 0x5A);
    let chain = roundtrip::<ExtChain<'_>>(rgb_out, ());
    assert_eq!(chain.len(), 1);
    let b = chain.iter().next().unwrap();
    assert_eq!(b.header, RpcHeaderExt::new(ExtFlags::LAST, 0x52, 0x52));
    assert_eq!(&b.plain().unwrap()[..2], &[0x42, 0x00]);
    assert_eq!(chain.total_size_actual(), 0x52);
}

/// The Execute request body (2.2.4.2.1) of MS-OXCRPC 4.2 (pulFlags 3) or
/// 4.3 (pulFlags 7): Flags, RopBufferSize 0x15A, the rgbIn, MaxRopOut
/// 0x00018008 (pcbOut), AuxiliaryBufferSize 0 (cbAuxIn).
fn execute_body(flags: u32) -> Vec<u8> {
    let mut b = Vec::from(flags.to_le_bytes());
    b.extend(0x15Au32.to_le_bytes());
    b.extend(oxcrpc_4_2_rgb_in());
    b.extend(hexv("08800100 00000000"));
    b
}

#[test]
fn oxcmapihttp_4_2_execute_request_carries_the_oxcrpc_4_2_inputs() {
    let body = execute_body(0x0000_0003);
    let wire = request(
        &[
            "Cookie: MapiContext=ctx0001",
            "Cookie: MapiSequence=seq0001",
            "X-RequestType: Execute",
            &format!("X-ClientInfo: {CLIENT_INFO}"),
            &format!("X-RequestId: {REQUEST_ID_GUID}:2"),
            &format!("X-ClientApplication: {CLIENT_APP}"),
        ],
        &body,
    );
    let r = roundtrip::<HttpRequest<'_>>(wire, ());
    check_request_headers(&r, RequestType::Execute, 2);
    // Two Cookie fields, as the example writes them.
    assert_eq!(r.head.headers.get_all("Cookie").count(), 2);
    assert_eq!(
        cookies(&r.head.headers, "Cookie"),
        [
            (&b"MapiContext"[..], &b"ctx0001"[..]),
            (&b"MapiSequence"[..], &b"seq0001"[..])
        ]
    );

    let req = roundtrip::<ExecuteRequest<'_>>(leak(body), ());
    // pulFlags 0x00000003: no compression, no XOR of rgbOut and rgbAuxOut.
    assert_eq!(
        req.flags,
        ExecuteFlags::NO_COMPRESSION | ExecuteFlags::NO_XOR_MAGIC
    );
    assert_eq!(req.rop_buffer.len(), 0x15A);
    assert_eq!(req.rop_buffer.chain().unwrap().len(), 1);
    assert_eq!(req.max_rop_out, 0x0001_8008);
    assert!(req.auxiliary_buffer.is_empty());
}

#[test]
fn oxcrpc_4_3_execute_request_asks_for_chaining() {
    // MS-OXCRPC 4.3: pulFlags 0x00000007 (no compression, no XOR, Chain);
    // the same rgbIn, whose last ROP is RopReadStream.
    let req = roundtrip::<ExecuteRequest<'_>>(leak(execute_body(7)), ());
    assert_eq!(
        req.flags,
        ExecuteFlags::NO_COMPRESSION | ExecuteFlags::NO_XOR_MAGIC | ExecuteFlags::CHAIN
    );
    assert_eq!(req.flags.bits(), 7);
    assert_eq!(req.max_rop_out, 0x0001_8008);
}

/// The 4.2 Execute success body: StatusCode 0, ErrorCode 0, Flags 0
/// (pulFlags on output), RopBufferSize 0x5A, the rgbOut of MS-OXCRPC 4.2,
/// AuxiliaryBufferSize 0.
fn execute_response_body() -> Vec<u8> {
    let mut b = hexv("00000000 00000000 00000000 5a000000");
    b.extend(oxcrpc_4_2_rgb_out());
    b.extend(hexv("00000000"));
    b
}

#[test]
fn oxcmapihttp_4_2_execute_response_is_chunked_as_printed() {
    let body = execute_response_body();
    let mut wire = lines(&[
        "HTTP/1.1 200 OK",
        "Transfer-Encoding: chunked",
        "Content-Type: application/mapi-http",
        // The example prints `Cookie:` in a response, where 2.2.3.2.3 and
        // 4.1 / 4.4 use Set-Cookie (erratum); the fields are kept as
        // unknown fields, as printed.
        "Cookie: MapiContext=ctx0001",
        "Cookie: MapiSequence=seq0002",
        "X-PendingPeriod: 15000",
        "X-RequestType: Execute",
        &format!("X-RequestId: {REQUEST_ID_GUID}:2"),
        "X-ResponseCode: 0",
        &format!("X-ClientInfo: {CLIENT_INFO}"),
        &format!("X-ServerApplication: {SERVER_APP}"),
        &format!("X-ExpirationInfo: {EXPIRATION}"),
        "",
    ]);
    // `C<CRLF> PROCESSING<CRLF> <CRLF>` (vector
    // mapihttp-4.2-chunk-processing), then twice `9<CRLF> PENDING<CRLF>
    // <CRLF>` (mapihttp-4.2-chunk-pending).
    wire.extend(b"C\r\nPROCESSING\r\n\r\n");
    wire.extend(b"9\r\nPENDING\r\n\r\n");
    wire.extend(b"9\r\nPENDING\r\n\r\n");
    // The final chunk: DONE, X-ResponseCode, the empty line and the
    // response body; then the last-chunk "0".
    let mut last = lines(&["DONE", "X-ResponseCode: 0", ""]);
    last.extend(&body);
    wire.extend(format!("{:X}\r\n", last.len()).as_bytes());
    wire.extend(&last);
    wire.extend(b"\r\n0\r\n\r\n");
    let wire = leak(wire);

    let r = roundtrip::<HttpResponse<'_>>(wire, ());
    assert_eq!(r.entity.framing(), "chunked");
    let Entity::Chunked(c) = &r.entity else {
        panic!("{:?}", r.entity)
    };
    assert_eq!(c.chunk_count(), 4);
    let chunks: Vec<&[u8]> = c.chunks().collect();
    assert_eq!(chunks[0], b"PROCESSING\r\n");
    assert_eq!(chunks[1], b"PENDING\r\n");
    assert_eq!(chunks[2], b"PENDING\r\n");
    assert!(c.trailer().is_empty());
    assert_eq!(r.head.headers.get_all("Cookie").count(), 2);
    assert_eq!(r.head.headers.get_all("Set-Cookie").count(), 0);

    let content = leak(r.entity.content().into_owned());
    let s = check_response(&r, content, RequestType::Execute, 2, Some(15_000));
    assert_eq!(s.pending, 2);
    assert_eq!(s.additional_headers.len(), 1);
    let d = s.done_headers().unwrap();
    assert_eq!(d.response_code, Some(ResponseCode::SUCCESS));
    assert_eq!((d.elapsed_time, d.start_time), (None, None));
    assert_eq!(s.body, body.as_slice());

    let e = roundtrip::<ExecuteResponse<'_>>(s.body, ());
    let ok = e.success().unwrap();
    assert_eq!(ok.error_code, ErrorCode::SUCCESS);
    assert!(ok.flags.is_empty()); // pulFlags 0x00000000 on output
    assert_eq!(ok.rop_buffer.len(), 0x5A);
    let chain = ok.rop_buffer.chain().unwrap();
    assert_eq!(
        chain.iter().next().unwrap().header,
        RpcHeaderExt::new(ExtFlags::LAST, 0x52, 0x52)
    );
    assert!(ok.auxiliary_buffer.is_empty());

    // The writer produces the same chunks.
    let mut out = Vec::new();
    let mut w = ResponseWriter::new(true, 15_000);
    w.processing(&mut out, 0).unwrap();
    assert!(w.handle_timeout(&mut out, 15_000).unwrap());
    assert!(w.handle_timeout(&mut out, 30_000).unwrap());
    let start = wire.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
    assert_eq!(&wire[start..start + out.len()], out.as_slice());
}

// ------------------------------------------------- MS-OXCMAPIHTTP 4.3 ---

#[test]
fn oxcmapihttp_4_3_ping_with_two_cookie_fields() {
    let wire = request(
        &[
            "Cookie: MapiContext=ctx0001",
            "Cookie: MapiSequence=seq0003",
            "X-RequestType: PING",
            &format!("X-ClientInfo: {CLIENT_INFO}"),
            &format!("X-RequestId: {REQUEST_ID_GUID}:3"),
            &format!("X-ClientApplication: {CLIENT_APP}"),
        ],
        b"",
    );
    // `Content-Length: 0` as printed.
    assert!(wire.windows(19).any(|w| w == b"Content-Length: 0\r\n"));
    let r = roundtrip::<HttpRequest<'_>>(wire, ());
    check_request_headers(&r, RequestType::Ping, 3);
    assert_eq!(r.entity, Entity::Length(&[]));
    assert_eq!(cookies(&r.head.headers, "Cookie").len(), 2);

    // The response: meta-tags and additional headers, no body.
    let stream = done_stream(b"");
    let wire = response(
        &[
            "Content-Type: application/mapi-http",
            "X-RequestType: PING",
            &format!("X-RequestId: {REQUEST_ID_GUID}:3"),
            "X-ResponseCode: 0",
            &format!("X-ClientInfo: {CLIENT_INFO}"),
            &format!("X-ServerApplication: {SERVER_APP}"),
            &format!("X-ExpirationInfo: {EXPIRATION}"),
        ],
        &stream,
    );
    let r = roundtrip::<HttpResponse<'_>>(wire, ());
    let s = check_response(
        &r,
        r.entity.contiguous().unwrap(),
        RequestType::Ping,
        3,
        None,
    );
    assert_eq!(s.additional_headers.len(), 3);
    assert!(s.body.is_empty());
}

// ------------------------------------------------- MS-OXCMAPIHTTP 4.4 ---

#[test]
fn oxcmapihttp_4_4_reconnect_with_old_cookies_and_the_misspelt_field() {
    let body = oxcrpc_4_1_connect_body();
    let wire = request(
        &[
            "Cookie: MapiContext=ctx0001",
            "Cookie: MapiSequence=seq0009",
            "X-RequestType: Connect",
            &format!("X-ClientInfo: {CLIENT_INFO}"),
            &format!("X-RequestId: {REQUEST_ID_GUID}:10"),
            &format!("X-ClientApplication: {CLIENT_APP}"),
        ],
        &body,
    );
    let r = roundtrip::<HttpRequest<'_>>(wire, ());
    check_request_headers(&r, RequestType::Connect, 10);
    assert_eq!(
        cookies(&r.head.headers, "Cookie")[0],
        (&b"MapiContext"[..], &b"ctx0001"[..])
    );
    roundtrip::<ConnectRequest<'_>>(r.body().unwrap(), ());

    // The response: new cookies, no X-PendingPeriod, and the field printed
    // as `X-ServerApplicaiton` (erratum for X-ServerApplication,
    // 2.2.3.3.7), which stays an unknown field.
    let mut cbody = hexv("00000000 00000000 60ea0000 06000000 10270000 00");
    cbody.extend(hexv("0000 00000000"));
    let stream = done_stream(&cbody);
    let wire = response(
        &[
            "Content-Type: application/mapi-http",
            "Set-Cookie: MapiContext=ctx0002",
            "Set-Cookie: MapiSequence=seq0010",
            "X-RequestType: Connect",
            &format!("X-RequestId: {REQUEST_ID_GUID}:10"),
            "X-ResponseCode: 0",
            &format!("X-ClientInfo: {CLIENT_INFO}"),
            &format!("X-ServerApplicaiton: {SERVER_APP}"),
            &format!("X-ExpirationInfo: {EXPIRATION}"),
        ],
        &stream,
    );
    let r = roundtrip::<HttpResponse<'_>>(wire, ());
    let s = check_response(
        &r,
        r.entity.contiguous().unwrap(),
        RequestType::Connect,
        10,
        None,
    );
    assert_eq!(r.mapi_headers().unwrap().server_application, None);
    assert_eq!(
        r.head.headers.get("X-ServerApplicaiton").unwrap().value,
        SERVER_APP.as_bytes()
    );
    assert_eq!(
        cookies(&r.head.headers, "Set-Cookie"),
        [
            (&b"MapiContext"[..], &b"ctx0002"[..]),
            (&b"MapiSequence"[..], &b"seq0010"[..])
        ]
    );
    assert!(roundtrip::<ConnectResponse<'_>>(s.body, ()).is_success());
}

// ------------------------------------------------- MS-OXCMAPIHTTP 4.5 ---

#[test]
fn oxcmapihttp_4_5_disconnect_request_and_response() {
    // Placeholder bodies: the request of 2.2.4.3.1 with no auxiliary
    // buffer, the success response of 2.2.4.3.2 whose ErrorCode is the
    // EcDoDisconnect return value of MS-OXCRPC 4.4, 0x00000000.
    let wire = request(
        &[
            "Cookie: MapiContext=ctx0002",
            "Cookie: MapiSequence=seq0011",
            "X-RequestType: Disconnect",
            &format!("X-ClientInfo: {CLIENT_INFO}"),
            &format!("X-RequestId: {REQUEST_ID_GUID}:11"),
            &format!("X-ClientApplication: {CLIENT_APP}"),
        ],
        &[0, 0, 0, 0],
    );
    let r = roundtrip::<HttpRequest<'_>>(wire, ());
    check_request_headers(&r, RequestType::Disconnect, 11);
    // Not `roundtrip`: the empty prefix is itself a valid Disconnect
    // request (the empty body of 3.1.5.4).
    let d = DisconnectRequest::decode_exact(r.body().unwrap(), ()).unwrap();
    assert_eq!(d.auxiliary_buffer, Some(AuxiliaryBuffer::EMPTY));
    assert_eq!(d.to_vec().unwrap(), [0, 0, 0, 0]);

    let body = hexv("00000000 00000000 00000000");
    let stream = done_stream(&body);
    let wire = response(
        &[
            "Content-Type: application/mapi-http",
            "X-RequestType: Disconnect",
            &format!("X-RequestId: {REQUEST_ID_GUID}:11"),
            "X-ResponseCode: 0",
            &format!("X-ClientInfo: {CLIENT_INFO}"),
            &format!("X-ServerApplication: {SERVER_APP}"),
            &format!("X-ExpirationInfo: {EXPIRATION}"),
        ],
        &stream,
    );
    let r = roundtrip::<HttpResponse<'_>>(wire, ());
    let s = check_response(
        &r,
        r.entity.contiguous().unwrap(),
        RequestType::Disconnect,
        11,
        None,
    );
    assert_eq!(s.done_headers().unwrap().elapsed_time, Some(12));
    let resp = roundtrip::<DisconnectResponse<'_>>(s.body, ());
    assert_eq!(resp.status_code(), ErrorCode::SUCCESS);
    assert_eq!(resp.error_code(), Some(ErrorCode::SUCCESS));
}

// --------------------------------------------------- MS-OXNSPI 4 ---

const CX: AbContext = AbContext::DEFAULT;

/// The server GUID NspiBind returns in MS-OXNSPI section 4, in memory
/// order (vector `oxnspi-s4-bind-out-serverguid`).
const SERVER_GUID: [u8; 16] = [
    0xab, 0xbc, 0x8b, 0x86, 0x79, 0x33, 0xc4, 0x48, 0xa1, 0xef, 0x1b, 0x53, 0xe6, 0x3b, 0xdc, 0x46,
];

#[test]
fn oxnspi_4_bind_request_carries_the_printed_stat() {
    // MS-OXNSPI 4, NspiBind input: dwFlags 0x00000000 and the STAT
    // {hIndex 0, ContainerID 0, CurrentRec 0, Delta 0, NumPos 0,
    // TotalRecs 0, CodePage 0x000004e4, TemplateLocale 0x00000409,
    // SortLocale 0x00000409}. The example names the first field "hIndex";
    // MS-OXNSPI 2.2.8 calls it SortType (0 = SortTypeDisplayName). In the
    // Bind request body of MS-OXCMAPIHTTP 2.2.5.1.1: Flags, HasState 0xFF,
    // State, AuxiliaryBufferSize 0.
    let mut b = hexv("00000000 ff");
    b.extend(hexv(
        "00000000 00000000 00000000 00000000 00000000 00000000
         e4040000 09040000 09040000",
    ));
    b.extend(hexv("00000000"));
    let b = leak(b);
    assert_eq!(b.len(), 4 + 1 + 36 + 4);
    let r = roundtrip::<BindRequest<'_>>(b, CX);
    assert_eq!(r.flags, BindFlags::empty());
    assert_ne!(r.has_state, 0);
    let st = r.state.unwrap();
    assert_eq!(st.sort_type, SortType::DISPLAY_NAME);
    assert_eq!(st.container_id, MinimalEntryId(0));
    assert_eq!(st.current_rec, MinimalEntryId(0));
    assert_eq!(st.delta, 0);
    assert_eq!((st.num_pos, st.total_recs), (0, 0));
    assert_eq!(st.code_page, CodePage(0x04E4));
    assert_eq!(st.template_locale, 0x0409);
    assert_eq!(st.sort_locale, 0x0409);
    assert!(r.auxiliary_buffer.0.is_empty());
}

#[test]
fn oxnspi_4_bind_response_returns_the_printed_server_guid() {
    // NspiBind returns Success (0x00000000) and the 16 GUID bytes; in the
    // Bind success body of MS-OXCMAPIHTTP 2.2.5.1.2: StatusCode, ErrorCode,
    // ServerGuid, AuxiliaryBufferSize.
    let mut b = hexv("00000000 00000000");
    b.extend(SERVER_GUID);
    b.extend(hexv("00000000"));
    let b = leak(b);
    let r = roundtrip::<BindResponse<'_>>(b, CX);
    let ok = r.success().unwrap();
    assert_eq!(ok.error_code, ErrorCode::SUCCESS);
    assert_eq!(ok.server_guid, Guid(SERVER_GUID));
    assert_eq!(
        ok.server_guid.to_string(),
        "{868BBCAB-3379-48C4-A1EF-1B53E63BDC46}"
    );
    assert_eq!(&b[8..24], &SERVER_GUID);
}

#[test]
fn ephemeral_entry_id_names_the_bind_server_guid() {
    // MS-OXNSPI 2.2.9.2 with the server GUID of section 4 (construction:
    // a mail user at MId 0x00001234): ID Type 0x87, R1..R3 0, the
    // ProviderUID bytes as NspiBind returned them, R4 1, Display Type,
    // MId.
    let mut b = hexv("87 00 00 00");
    b.extend(SERVER_GUID);
    b.extend(hexv("01000000 00000000 34120000"));
    let b = leak(b);
    let id = roundtrip::<EphemeralEntryId>(b, ());
    assert_eq!(
        id,
        EphemeralEntryId::new(
            Guid(SERVER_GUID),
            AbDisplayType::MAILUSER,
            MinimalEntryId(0x1234)
        )
    );
    assert!(matches!(
        NspiEntryId::decode_exact(b, ()).unwrap(),
        NspiEntryId::Ephemeral(e) if e.provider_uid == Guid(SERVER_GUID)
    ));
}

#[test]
fn permanent_entry_id_carries_guid_nspi() {
    // MS-OXNSPI 2.2.1.7: GUID_NSPI is `DC A7 40 C8 C0 42 10 1A B4 B9 08 00
    // 2B 2F E1 82` (vector oxnspi-2.2.1.7-guid-nspi); a PermanentEntryID
    // (2.2.9.3) carries it at bytes 4..20. Construction: the user of
    // MS-OXCRPC 4.1.
    let guid_nspi = hexv("dca740c8c042101ab4b908002b2fe182");
    assert_eq!(
        PermanentEntryId::GUID_NSPI.0.as_slice(),
        guid_nspi.as_slice()
    );
    assert_eq!(
        PermanentEntryId::GUID_NSPI.to_string(),
        "{C840A7DC-42C0-1A10-B4B9-08002B2FE182}"
    );
    let mut b = hexv("00 00 00 00");
    b.extend(&guid_nspi);
    b.extend(hexv("01000000 00000000"));
    b.extend(USER_DN.as_bytes());
    b.push(0);
    let b = leak(b);
    let id = roundtrip::<PermanentEntryId<'_>>(b, ());
    assert_eq!(
        id,
        PermanentEntryId::new(
            AbDisplayType::MAILUSER,
            String8::new(USER_DN.as_bytes()).unwrap()
        )
    );
    assert!(matches!(
        NspiEntryId::decode_exact(b, ()).unwrap(),
        NspiEntryId::Permanent(p) if p.distinguished_name.as_bytes() == USER_DN.as_bytes()
    ));
}
