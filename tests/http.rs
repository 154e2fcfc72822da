//! Conformance tests for the HTTP level of MAPI/HTTP (MS-OXCMAPIHTTP 2.2.2,
//! 2.2.3, 2.2.7, 3.2.5.2 and the examples of section 4).
//!
//! Section 4 gives message templates with placeholders (`<opaque string>`,
//! `<milliseconds>`, `<REQUEST BODY>`, ...) and no binary bodies; the tests
//! fill the placeholders with values of their own and say so
//! ("placeholders filled"). The chunk bytes of 4.2 are the vectors
//! `mapihttp-4.2-chunk-processing` and `mapihttp-4.2-chunk-pending` of
//! `shared/vectors/spec-transport.json`. Everything else is marked
//! "construction".

mod common;

use common::{hex, hexv, roundtrip};
use mapi_wire::data::Guid;
use mapi_wire::http::*;
use mapi_wire::wire::{Decode, Encode, ErrorKind};
use proptest::prelude::*;

// ------------------------------------------------------------- values ---

/// The GUID of the X-RequestId example of 2.2.3.3.2.
const REQUEST_GUID: Guid = Guid::from_fields(
    0xE2EA_6C1C,
    0xE61B,
    0x49E9,
    [0x9C, 0xFB, 0x38, 0x18, 0x4F, 0x90, 0x75, 0x52],
);
/// The GUID of the X-ClientInfo example of 2.2.3.3.4.
const CLIENT_GUID: Guid = Guid::from_fields(
    0x2EF3_3C39,
    0x49C8,
    0x421C,
    [0xB8, 0x76, 0xCD, 0xF7, 0xF2, 0xAC, 0x3A, 0xA0],
);

/// A Connect success response body of the shape of 2.2.4.1.2 (StatusCode,
/// ErrorCode, PollsMax, RetryCount, RetryDelay, DnPrefix, DisplayName,
/// AuxiliaryBufferSize): construction. It holds CR LF bytes and the text
/// "DONE\r\n\r\n" so that a parser that scanned the body would trip.
fn connect_body() -> Vec<u8> {
    let mut b = Vec::new();
    b.extend(0u32.to_le_bytes()); // StatusCode
    b.extend(0u32.to_le_bytes()); // ErrorCode
    b.extend(60_000u32.to_le_bytes()); // PollsMax
    b.extend(6u32.to_le_bytes()); // RetryCount
    b.extend(10_000u32.to_le_bytes()); // RetryDelay
    b.extend(b"/o=Example\r\nDONE\r\n\r\n\0"); // DnPrefix (8-bit text)
    for u in "Jane Dow".encode_utf16() {
        b.extend(u.to_le_bytes()); // DisplayName
    }
    b.extend([0, 0]);
    b.extend(0u32.to_le_bytes()); // AuxiliaryBufferSize
    b
}

// ------------------------------------------------ request types (2.2.3.3.1)

#[test]
fn request_type_tokens_are_the_tables() {
    // MS-OXCMAPIHTTP 2.2.3.3.1, in the table's order: the mailbox
    // endpoint's four types and PING, then the address book's nineteen.
    let tokens: Vec<&str> = RequestType::ALL.iter().map(|t| t.token()).collect();
    assert_eq!(
        tokens,
        [
            "Connect",
            "Execute",
            "Disconnect",
            "NotificationWait",
            "PING",
            "Bind",
            "Unbind",
            "CompareMIds",
            "DNToMId",
            "GetMatches",
            "GetPropList",
            "GetProps",
            "GetSpecialTable",
            "GetTemplateInfo",
            "ModLinkAtt",
            "ModProps",
            "QueryColumns",
            "QueryRows",
            "ResolveNames",
            "ResortRestriction",
            "SeekEntries",
            "UpdateStat",
            "GetMailboxUrl",
            "GetAddressBookUrl",
        ]
    );
    // The `<type>` names of shared/CLI.md.
    let kinds: Vec<&str> = RequestType::ALL
        .iter()
        .filter(|t| t.has_body())
        .map(|t| t.kind_name())
        .collect();
    let cli = "connect execute disconnect notificationwait bind unbind comparemids dntomid \
               getmatches getproplist getprops getspecialtable gettemplateinfo modlinkatt \
               modprops querycolumns queryrows resolvenames resortrestriction seekentries \
               updatestat getmailboxurl getaddressbookurl";
    let mut expected: Vec<&str> = cli.split_whitespace().collect();
    let mut got = kinds.clone();
    expected.sort_unstable();
    got.sort_unstable();
    assert_eq!(got, expected);
}

#[test]
fn request_types_map_to_endpoints_and_sections() {
    // 2.2.4 (mailbox), 2.2.5 (address book), 2.2.6 (PING on both).
    for t in RequestType::ALL {
        match t.endpoint() {
            Some(Endpoint::Mailbox) => assert!(t.section().starts_with("2.2.4."), "{t}"),
            Some(Endpoint::AddressBook) => assert!(t.section().starts_with("2.2.5."), "{t}"),
            None => assert_eq!(*t, RequestType::Ping),
        }
    }
    assert_eq!(RequestType::DnToMId.section(), "2.2.5.4");
    assert!(RequestType::Connect.creates_session());
    assert!(RequestType::Bind.creates_session());
    assert!(!RequestType::Execute.creates_session());
}

#[test]
fn request_type_tokens_ignore_case_but_writers_use_the_table() {
    // Decision: any ASCII case is accepted (Exchange's front end compares
    // ignoring case); the table's spelling is written.
    assert_eq!(
        RequestType::from_token(b"dntomid"),
        Some(RequestType::DnToMId)
    );
    assert_eq!(RequestType::from_token(b"Ping"), Some(RequestType::Ping));
    assert_eq!(RequestType::from_token(b"EcDoConnectEx"), None);
    assert_eq!(RequestType::from_token_exact(b"Ping"), None);
    assert_eq!(RequestType::Ping.to_string(), "PING");
}

// ----------------------------------------------------- headers (2.2.3) ---

#[test]
fn response_codes_of_2_2_3_3_3() {
    let names: Vec<(u32, &str)> = ResponseCode::ALL
        .iter()
        .map(|c| (c.0, c.name().unwrap()))
        .collect();
    assert_eq!(
        names,
        [
            (0, "Success"),
            (1, "Unknown Failure"),
            (2, "Invalid Verb"),
            (3, "Invalid Path"),
            (4, "Invalid Header"),
            (5, "Invalid Request Type"),
            (6, "Invalid Context Cookie"),
            (7, "Missing Header"),
            (8, "Anonymous Not Allowed"),
            (9, "Too Large"),
            (10, "Context Not Found"),
            (11, "No Privilege"),
            (12, "Invalid Request Body"),
            (13, "Missing Cookie"),
            (14, "Reserved"),
            (15, "Invalid Sequence"),
            (16, "Endpoint Disabled"),
            (17, "Invalid Response"),
            (18, "Endpoint Shutting Down"),
        ]
    );
    // Unknown codes are kept.
    assert_eq!(ResponseCode::parse(b"99").unwrap().name(), None);
    assert_eq!(ResponseCode::parse(b"-1"), None);
}

#[test]
fn guid_counters_of_2_2_3_3_2_and_2_2_3_3_4() {
    let id = GuidCounter::parse(b"E2EA6C1C-E61B-49E9-9CFB-38184F907552:123456").unwrap();
    assert_eq!(id, GuidCounter::request_id(REQUEST_GUID, 123_456));
    let info = GuidCounter::parse(b"{2EF33C39-49C8-421C-B876-CDF7F2AC3AA0}:123").unwrap();
    assert_eq!(info, GuidCounter::client_info(CLIENT_GUID, 123));
    assert_eq!(info.text_len(), info.to_string().len());
    // Either form in either header (decision: clients send both).
    let braced_id = GuidCounter::parse(b"{E2EA6C1C-E61B-49E9-9CFB-38184F907552}:1").unwrap();
    assert!(braced_id.braced);
    assert_eq!(
        GuidCounter::parse(b"E2EA6C1C-E61B-49E9-9CFB-38184F907552:99999999999999999999"),
        Err(56)
    );
}

#[test]
fn application_versions_of_2_2_3_3_6_and_2_2_3_3_7() {
    let v = AppVersion::parse(b"Exchange/15.00.0847.4040").unwrap();
    assert_eq!((v.product, v.version), ("Exchange", "15.00.0847.4040"));
    assert_eq!(v.numbers(), Some([15, 0, 847, 4040]));
    assert_eq!(AppVersion::parse(b"Outlook/15.0").unwrap().numbers(), None);
    assert_eq!(AppVersion::parse(b"/15"), Err(0));
    assert_eq!(AppVersion::parse(b"Outlook/"), Err(8));
    assert_eq!(AppVersion::parse(b"Outlook/1(x)"), Err(9));
}

#[test]
fn device_info_is_at_most_64_characters() {
    // 2.2.3.3.11.
    let ok = format!("X-DeviceInfo: {}\r\n\r\n", "d".repeat(64));
    let (b, _) = HeaderBlock::parse(ok.as_bytes(), 0, &HttpLimits::DEFAULT)
        .unwrap()
        .unwrap();
    assert_eq!(
        MapiHeaders::parse(&b).unwrap().device_info.unwrap().len(),
        64
    );
    let long = format!("X-DeviceInfo: {}\r\n\r\n", "d".repeat(65));
    let (b, _) = HeaderBlock::parse(long.as_bytes(), 0, &HttpLimits::DEFAULT)
        .unwrap()
        .unwrap();
    let e = MapiHeaders::parse(&b).unwrap_err();
    assert_eq!(
        e.to_string(),
        "X-DeviceInfo: 65 exceeds the limit of 64 (offset 14)"
    );
}

#[test]
fn server_checks_of_a_request() {
    // 2.2.2.1 lists the fields every request carries; 2.2.3.3.3 the codes.
    let wire = b"POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\nContent-Type: application/mapi-http\r\n\
                 X-RequestType: Flush\r\nX-RequestId: E2EA6C1C-E61B-49E9-9CFB-38184F907552:1\r\n\r\n";
    let req = HttpRequest::decode_exact(wire, ()).unwrap();
    let m = req.mapi_headers().unwrap();
    assert_eq!(m.check_request(), Err(ResponseCode::INVALID_REQUEST_TYPE));
    let no_id = MapiHeaders {
        request_id: None,
        ..m
    };
    assert_eq!(no_id.check_request(), Err(ResponseCode::MISSING_HEADER));
    let html = MapiHeaders {
        request_type_token: Some(&b"PING"[..]),
        content_type: Some(ContentType(b"text/html")),
        ..m
    };
    assert_eq!(html.check_request(), Err(ResponseCode::INVALID_HEADER));
    let get = RequestHead {
        method: "GET",
        ..req.head
    };
    assert_eq!(get.check_method(), Err(ResponseCode::INVALID_VERB));
    assert_eq!(req.head.check_method(), Ok(()));
}

// ------------------------------------------- section 4, the examples ---

const CLIENT_APP: &str = "Outlook/15.00.0000.0000";
const SERVER_APP: &str = "Exchange/15.00.0847.4040";
const START: &str = "Mon, 01 Jan 2024 00:00:00 GMT";

fn client_head(t: RequestType, len: u64) -> MapiRequestHead<'static> {
    MapiRequestHead {
        content_length: len,
        ..MapiRequestHead::new(
            t,
            "/mapi/emsmdb/?MailboxId=jane@example.com",
            "mail.example.com",
            GuidCounter::request_id(REQUEST_GUID, 2),
            GuidCounter::client_info(CLIENT_GUID, 123),
            CLIENT_APP,
        )
    }
}

#[test]
fn example_4_1_connect_request_from_the_builder() {
    // MS-OXCMAPIHTTP 4.1 client request, placeholders filled: the builder
    // writes the fields in the example's order.
    let body = b"/o=Example/cn=jane\0\0\0\0\0\xe4\x04\0\0\x09\x04\0\0\x09\x04\0\0\0\0\0\0";
    let expected = format!(
        "POST /mapi/emsmdb/?MailboxId=jane@example.com HTTP/1.1\r\n\
         Host: mail.example.com\r\n\
         Content-Length: {}\r\n\
         Content-Type: application/mapi-http\r\n\
         X-RequestType: Connect\r\n\
         X-ClientInfo: {{2EF33C39-49C8-421C-B876-CDF7F2AC3AA0}}:123\r\n\
         X-RequestId: E2EA6C1C-E61B-49E9-9CFB-38184F907552:2\r\n\
         X-ClientApplication: {CLIENT_APP}\r\n\
         \r\n",
        body.len()
    );
    let head = client_head(RequestType::Connect, body.len() as u64);
    let bytes = head.to_vec().unwrap();
    assert_eq!(String::from_utf8(bytes.clone()).unwrap(), expected);
    assert_eq!(head.encoded_len(), bytes.len());

    let mut wire = bytes;
    wire.extend_from_slice(body);
    let req = roundtrip::<HttpRequest<'_>>(Box::leak(wire.into_boxed_slice()), ());
    assert_eq!(req.body(), Some(&body[..]));
    let m = req.mapi_headers().unwrap();
    assert_eq!(m.check_request(), Ok(RequestType::Connect));
    assert_eq!(
        m.client_info,
        Some(GuidCounter::client_info(CLIENT_GUID, 123))
    );
    assert_eq!(m.client_application.unwrap().numbers(), Some([15, 0, 0, 0]));
}

#[test]
fn example_4_1_connect_response() {
    // MS-OXCMAPIHTTP 4.1 server response, placeholders filled (the
    // example's `PROCESSING<CLRF>` is a typo for CRLF), built with the
    // response head writer and the stream writer.
    let body = connect_body();
    let fields = [
        Header::new("X-ResponseCode", b"0"),
        Header::new("X-ElapsedTime", b"12"),
        Header::new("X-StartTime", START.as_bytes()),
    ];
    let inner = InnerStream::new(0, HeaderBlock::from_slice(&fields), &body);
    let head = MapiResponseHead {
        client_info: Some(GuidCounter::client_info(CLIENT_GUID, 123)),
        expiration_info: Some(900_000),
        pending_period: Some(15_000),
        set_cookies: &["MapiContext=ctx", "MapiSequence=seq1"],
        ..MapiResponseHead::new(
            RequestType::Connect,
            GuidCounter::request_id(REQUEST_GUID, 2),
            ResponseCode::SUCCESS,
            SERVER_APP,
            Framing::ContentLength(inner.encoded_len() as u64),
        )
    };
    let mut wire = head.to_vec().unwrap();
    let head_text = format!(
        "HTTP/1.1 200 OK\r\n\
         Content-Length: {}\r\n\
         Content-Type: application/mapi-http\r\n\
         Set-Cookie: MapiContext=ctx\r\n\
         Set-Cookie: MapiSequence=seq1\r\n\
         X-PendingPeriod: 15000\r\n\
         X-RequestType: Connect\r\n\
         X-RequestId: E2EA6C1C-E61B-49E9-9CFB-38184F907552:2\r\n\
         X-ResponseCode: 0\r\n\
         X-ClientInfo: {{2EF33C39-49C8-421C-B876-CDF7F2AC3AA0}}:123\r\n\
         X-ServerApplication: {SERVER_APP}\r\n\
         X-ExpirationInfo: 900000\r\n\
         \r\n",
        inner.encoded_len()
    );
    assert_eq!(String::from_utf8(wire.clone()).unwrap(), head_text);
    let mut w = ResponseWriter::new(false, 15_000);
    w.processing(&mut wire, 0).unwrap();
    w.done(&mut wire, &inner.additional_headers).unwrap();
    w.body(&mut wire, &body).unwrap();
    w.finish(&mut wire).unwrap();
    let mut stream_text = format!(
        "PROCESSING\r\nDONE\r\nX-ResponseCode: 0\r\nX-ElapsedTime: 12\r\nX-StartTime: {START}\r\n\r\n"
    )
    .into_bytes();
    stream_text.extend_from_slice(&body);
    assert_eq!(&wire[head_text.len()..], stream_text.as_slice());

    let wire: &'static [u8] = Box::leak(wire.into_boxed_slice());
    let resp = roundtrip::<HttpResponse<'_>>(wire, ());
    let m = resp.mapi_headers().unwrap();
    assert_eq!(m.request_type(), Some(RequestType::Connect));
    assert_eq!(m.pending_period, Some(15_000));
    assert_eq!(m.expiration_info, Some(900_000));
    assert_eq!(
        m.server_application.unwrap().numbers(),
        Some([15, 0, 847, 4040])
    );
    let cookies: Vec<_> = resp
        .head
        .headers
        .get_all("Set-Cookie")
        .flat_map(|h| Cookies::new(h.value))
        .collect();
    assert_eq!(
        cookies,
        [
            (&b"MapiContext"[..], &b"ctx"[..]),
            (&b"MapiSequence"[..], &b"seq1"[..])
        ]
    );
    let content = resp.entity.contiguous().unwrap();
    let s = resp.inner_stream(content, &HttpLimits::DEFAULT).unwrap();
    assert_eq!(s.body, body.as_slice());
    let d = s.done_headers().unwrap();
    assert_eq!(d.response_code, Some(ResponseCode::SUCCESS));
    assert_eq!(d.elapsed_time, Some(12));
    assert_eq!(d.start_time.unwrap().to_string(), START);
}

/// The 4.2 Execute response: head (with the example's `Cookie:` fields,
/// erratum for `Set-Cookie:`), the PROCESSING chunk, `pending` keep-alive
/// chunks and the final chunk of DONE, X-ResponseCode, the empty line and
/// the body, then the last chunk. Placeholders filled.
fn example_4_2_response(pending: usize, body: &[u8]) -> Vec<u8> {
    let mut wire = Vec::from(
        &b"HTTP/1.1 200 OK\r\n\
        Transfer-Encoding: chunked\r\n\
        Content-Type: application/mapi-http\r\n\
        Cookie: MapiContext=ctx\r\n\
        Cookie: MapiSequence=seq2\r\n\
        X-PendingPeriod: 15000\r\n\
        X-RequestType: Execute\r\n\
        X-RequestId: E2EA6C1C-E61B-49E9-9CFB-38184F907552:3\r\n\
        X-ResponseCode: 0\r\n\
        X-ClientInfo: {2EF33C39-49C8-421C-B876-CDF7F2AC3AA0}:123\r\n\
        X-ServerApplication: Exchange/15.00.0847.4040\r\n\
        X-ExpirationInfo: 900000\r\n\
        \r\n"[..],
    );
    // Vector mapihttp-4.2-chunk-processing.
    wire.extend(hexv("430d0a50524f43455353494e470d0a0d0a"));
    for _ in 0..pending {
        // Vector mapihttp-4.2-chunk-pending.
        wire.extend(hexv("390d0a50454e44494e470d0a0d0a"));
    }
    let mut last = Vec::from(&b"DONE\r\nX-ResponseCode: 0\r\n\r\n"[..]);
    last.extend_from_slice(body);
    write_chunk(&mut wire, &last).unwrap();
    wire.extend_from_slice(LAST_CHUNK);
    wire
}

#[test]
fn example_4_2_chunks_are_what_the_writer_writes() {
    // The two chunks of 4.2 given in full.
    let mut out = Vec::new();
    let mut w = ResponseWriter::new(true, 15_000);
    w.processing(&mut out, 0).unwrap();
    assert_eq!(out, hex("430d0a50524f43455353494e470d0a0d0a"));
    out.clear();
    assert!(w.handle_timeout(&mut out, 15_000).unwrap());
    assert_eq!(out, hex("390d0a50454e44494e470d0a0d0a"));
}

#[test]
fn example_4_2_execute_response() {
    let body = connect_body();
    let wire: &'static [u8] = Box::leak(example_4_2_response(2, &body).into_boxed_slice());
    let resp = roundtrip::<HttpResponse<'_>>(wire, ());
    assert_eq!(resp.entity.framing(), "chunked");
    let Entity::Chunked(c) = resp.entity else {
        panic!()
    };
    assert_eq!(c.chunk_count(), 4);
    assert!(resp.entity.contiguous().is_none());
    // The erratum: `Cookie` fields in a response stay unknown fields.
    assert_eq!(resp.head.headers.get_all("Cookie").count(), 2);
    let content = resp.entity.content();
    let s = resp.inner_stream(&content, &HttpLimits::DEFAULT).unwrap();
    assert_eq!(s.pending, 2);
    assert_eq!(s.body, body.as_slice());
    assert_eq!(s.to_vec().unwrap(), &*content);
}

#[test]
fn example_4_2_execute_request_with_two_cookie_fields() {
    // MS-OXCMAPIHTTP 4.2 client request, placeholders filled: one Cookie
    // field per cookie, as the example writes them.
    let wire = b"POST /mapi/emsmdb/?MailboxId=jane@example.com HTTP/1.1\r\n\
        Host: mail.example.com\r\n\
        Content-Length: 8\r\n\
        Content-Type: application/mapi-http\r\n\
        Cookie: MapiContext=ctx\r\n\
        Cookie: MapiSequence=seq2\r\n\
        X-RequestType: Execute\r\n\
        X-ClientInfo: {2EF33C39-49C8-421C-B876-CDF7F2AC3AA0}:123\r\n\
        X-RequestId: E2EA6C1C-E61B-49E9-9CFB-38184F907552:3\r\n\
        X-ClientApplication: Outlook/15.00.0000.0000\r\n\
        \r\n\
        \x03\x00\x00\x00\x00\x00\x00\x00";
    let req = roundtrip::<HttpRequest<'_>>(wire, ());
    let m = req.mapi_headers().unwrap();
    assert_eq!(m.check_request(), Ok(RequestType::Execute));
    let cookies: Vec<_> = req
        .head
        .headers
        .get_all("cookie")
        .flat_map(|h| Cookies::new(h.value))
        .collect();
    assert_eq!(cookies.len(), 2);
    // The builder writes them as one field (RFC 6265 5.4).
    let built = MapiRequestHead {
        cookies: &[("MapiContext", "ctx"), ("MapiSequence", "seq2")],
        ..client_head(RequestType::Execute, 8)
    };
    let bytes = built.to_vec().unwrap();
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.contains("\r\nCookie: MapiContext=ctx; MapiSequence=seq2\r\n"));
}

#[test]
fn example_4_3_ping() {
    // MS-OXCMAPIHTTP 4.3, placeholders filled: a request with
    // Content-Length 0 and a response with meta-tags and additional
    // headers but no body. The two cookies are in one field, as the
    // builder writes them (the example shows one field each).
    let req = b"POST /mapi/emsmdb/?MailboxId=jane@example.com HTTP/1.1\r\n\
        Host: mail.example.com\r\n\
        Content-Length: 0\r\n\
        Content-Type: application/mapi-http\r\n\
        Cookie: MapiContext=ctx; MapiSequence=seq3\r\n\
        X-RequestType: PING\r\n\
        X-ClientInfo: {2EF33C39-49C8-421C-B876-CDF7F2AC3AA0}:123\r\n\
        X-RequestId: E2EA6C1C-E61B-49E9-9CFB-38184F907552:2\r\n\
        X-ClientApplication: Outlook/15.00.0000.0000\r\n\
        \r\n";
    let r = roundtrip::<HttpRequest<'_>>(req, ());
    assert_eq!(r.entity, Entity::Length(&[]));
    let built = MapiRequestHead {
        cookies: &[("MapiContext", "ctx"), ("MapiSequence", "seq3")],
        ..client_head(RequestType::Ping, 0)
    };
    assert_eq!(built.to_vec().unwrap(), req);

    let stream = format!(
        "PROCESSING\r\nDONE\r\nX-ResponseCode: 0\r\nX-ElapsedTime: 0\r\nX-StartTime: {START}\r\n\r\n"
    );
    let resp = format!(
        "HTTP/1.1 200 OK\r\n\
         Content-Length: {}\r\n\
         Content-Type: application/mapi-http\r\n\
         X-RequestType: PING\r\n\
         X-RequestId: E2EA6C1C-E61B-49E9-9CFB-38184F907552:2\r\n\
         X-ResponseCode: 0\r\n\
         X-ClientInfo: {{2EF33C39-49C8-421C-B876-CDF7F2AC3AA0}}:123\r\n\
         X-ServerApplication: {SERVER_APP}\r\n\
         X-ExpirationInfo: 900000\r\n\
         \r\n{stream}",
        stream.len()
    );
    let resp: &'static [u8] = Box::leak(resp.into_bytes().into_boxed_slice());
    let r = roundtrip::<HttpResponse<'_>>(resp, ());
    let s = r
        .inner_stream(r.entity.contiguous().unwrap(), &HttpLimits::DEFAULT)
        .unwrap();
    assert_eq!(
        (s.pending, s.additional_headers.len(), s.body),
        (0, 3, &[][..])
    );
}

#[test]
fn example_4_4_reconnect_with_the_misspelt_field() {
    // MS-OXCMAPIHTTP 4.4 server response, placeholders filled: the
    // example's `X-ServerApplicaiton` (erratum) is an unknown field.
    let stream = "PROCESSING\r\nDONE\r\nX-ResponseCode: 0\r\nX-ElapsedTime: 5\r\n\r\n\0\0\0\0";
    let wire = format!(
        "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nContent-Type: application/mapi-http\r\n\
         Set-Cookie: MapiContext=new\r\nSet-Cookie: MapiSequence=new1\r\nX-RequestType: Connect\r\n\
         X-RequestId: E2EA6C1C-E61B-49E9-9CFB-38184F907552:9\r\nX-ResponseCode: 0\r\n\
         X-ClientInfo: {{2EF33C39-49C8-421C-B876-CDF7F2AC3AA0}}:123\r\n\
         X-ServerApplicaiton: Exchange/15.00.0847.4040\r\nX-ExpirationInfo: 900000\r\n\r\n{stream}",
        stream.len()
    )
    .into_bytes();
    let wire: &'static [u8] = Box::leak(wire.into_boxed_slice());
    let r = roundtrip::<HttpResponse<'_>>(wire, ());
    let m = r.mapi_headers().unwrap();
    assert_eq!(m.server_application, None);
    assert!(r.head.headers.get("X-ServerApplicaiton").is_some());
}

#[test]
fn example_4_5_disconnect() {
    // MS-OXCMAPIHTTP 4.5, placeholders filled; the body is the 4-byte
    // AuxiliaryBufferSize-only request of 2.2.4.3.1 (construction).
    let head = MapiRequestHead {
        cookies: &[("MapiContext", "ctx"), ("MapiSequence", "seq9")],
        ..client_head(RequestType::Disconnect, 4)
    };
    let mut wire = head.to_vec().unwrap();
    wire.extend([0, 0, 0, 0]);
    let wire: &'static [u8] = Box::leak(wire.into_boxed_slice());
    let r = roundtrip::<HttpRequest<'_>>(wire, ());
    assert_eq!(r.body(), Some(&[0u8, 0, 0, 0][..]));
    assert_eq!(
        r.mapi_headers().unwrap().check_request(),
        Ok(RequestType::Disconnect)
    );
}

#[test]
fn every_request_type_builds_a_head_that_parses_back() {
    for &t in RequestType::ALL {
        let len = if t.has_body() { 5 } else { 0 };
        let mut wire = client_head(t, len).to_vec().unwrap();
        wire.extend(std::iter::repeat_n(0xAAu8, len as usize));
        let req = HttpRequest::decode_exact(&wire, ()).unwrap();
        assert_eq!(req.mapi_headers().unwrap().check_request(), Ok(t));
        assert_eq!(req.to_vec().unwrap(), wire);
    }
}

#[test]
fn late_failure_response_code_after_done() {
    // 3.2.5.2: the server can fail the request after its first response
    // by sending X-ResponseCode again after DONE; the later value wins.
    // Construction.
    let wire = b"PROCESSING\r\nPENDING\r\nDONE\r\nX-ResponseCode: 10\r\nContent-Type: text/html\r\n\r\n<html/>";
    let s = InnerStream::parse(wire, &HttpLimits::DEFAULT).unwrap();
    let d = s.done_headers().unwrap();
    assert_eq!(d.response_code, Some(ResponseCode::CONTEXT_NOT_FOUND));
    assert!(
        s.mapi_headers()
            .unwrap()
            .content_type
            .unwrap()
            .is_text_html()
    );
    assert_eq!(s.body, b"<html/>");
}

// --------------------------------------- the stream, in every chunking ---

/// One event of a transcript, owned; body pieces are joined.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Ev {
    Processing,
    Pending,
    Done,
    Header(String, Vec<u8>, usize),
    HeadersEnd,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Transcript {
    events: Vec<Ev>,
    body: Vec<u8>,
    pending: u64,
    end: Result<(), String>,
}

/// Feeds the inner stream in the given pieces.
fn stream_transcript<'p, const N: usize>(pieces: impl IntoIterator<Item = &'p [u8]>) -> Transcript {
    let mut p: ResponseStream<N> = ResponseStream::with_limits(HttpLimits::DEFAULT);
    let mut t = Transcript {
        events: Vec::new(),
        body: Vec::new(),
        pending: 0,
        end: Ok(()),
    };
    for piece in pieces {
        let mut input = piece;
        loop {
            match p.next_event(&mut input) {
                Ok(Some(ev)) => record(&mut t, ev),
                Ok(None) => break,
                Err(e) => {
                    t.end = Err(e.to_string());
                    return t;
                }
            }
        }
        assert!(input.is_empty());
        assert!(p.buffered() <= N);
    }
    t.pending = p.pending_count();
    t.end = p.finish().map_err(|e| e.to_string());
    t
}

fn record(t: &mut Transcript, ev: Event<'_>) {
    t.events.push(match ev {
        Event::Processing => Ev::Processing,
        Event::Pending => Ev::Pending,
        Event::Done => Ev::Done,
        Event::HeadersEnd => Ev::HeadersEnd,
        Event::Header(h) => Ev::Header(h.name.to_string(), h.value.to_vec(), h.offset),
        Event::Body(b) => {
            t.body.extend_from_slice(b);
            return;
        }
    });
}

/// Feeds a chunked body through the chunk decoder and the stream parser.
fn wire_transcript<'p>(pieces: impl IntoIterator<Item = &'p [u8]>) -> Transcript {
    let mut dec = ChunkedDecoder::new();
    let mut p = ResponseStream::new();
    let mut t = Transcript {
        events: Vec::new(),
        body: Vec::new(),
        pending: 0,
        end: Ok(()),
    };
    for piece in pieces {
        let mut input = piece;
        loop {
            match dec.next(&mut input) {
                Ok(Some(ChunkEvent::Data(mut data))) => loop {
                    match p.next_event(&mut data) {
                        Ok(Some(ev)) => record(&mut t, ev),
                        Ok(None) => break,
                        Err(e) => {
                            t.end = Err(e.to_string());
                            return t;
                        }
                    }
                },
                Ok(Some(_)) => {}
                Ok(None) => break,
                Err(e) => {
                    t.end = Err(e.to_string());
                    return t;
                }
            }
        }
    }
    t.pending = p.pending_count();
    t.end = dec
        .finish()
        .and_then(|()| p.finish())
        .map_err(|e| e.to_string());
    t
}

/// A realistic inner stream: PROCESSING, three PENDING, DONE, the three
/// additional headers of 3.2.5.2 and a body full of CR LF (construction).
fn realistic_stream() -> Vec<u8> {
    let mut s = format!(
        "PROCESSING\r\nPENDING\r\nPENDING\r\nPENDING\r\nDONE\r\nX-ResponseCode: 0\r\n\
         X-ElapsedTime: 45123\r\nX-StartTime: {START}\r\n\r\n"
    )
    .into_bytes();
    s.extend(connect_body());
    s.extend(b"\r\n\r\nPENDING\r\n\xff\x00\r");
    s
}

fn cut<'a>(data: &'a [u8], cuts: &[usize]) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    let mut at = 0;
    for &c in cuts {
        let c = c.clamp(at, data.len());
        out.push(&data[at..c]);
        at = c;
    }
    out.push(&data[at..]);
    out
}

#[test]
fn every_split_of_a_realistic_stream_gives_the_same_transcript() {
    let wire = realistic_stream();
    let whole = stream_transcript::<1024>([wire.as_slice()]);
    assert_eq!(whole.end, Ok(()));
    assert_eq!(whole.pending, 3);
    assert_eq!(
        whole.events[..6],
        [
            Ev::Processing,
            Ev::Pending,
            Ev::Pending,
            Ev::Pending,
            Ev::Done,
            Ev::Header("X-ResponseCode".into(), vec![b'0'], 45)
        ]
    );
    assert_eq!(whole.events.last(), Some(&Ev::HeadersEnd));
    let s = InnerStream::parse(&wire, &HttpLimits::DEFAULT).unwrap();
    assert_eq!(whole.body, s.body);
    for i in 0..=wire.len() {
        assert_eq!(
            stream_transcript::<1024>(cut(&wire, &[i])),
            whole,
            "split at {i}"
        );
    }
    assert_eq!(stream_transcript::<1024>(wire.chunks(1)), whole);
    // Empty pieces between the bytes change nothing (a CR that ended the
    // last piece stays out of the field).
    let with_empty: Vec<&[u8]> = wire.chunks(1).flat_map(|b| [b, &[][..]]).collect();
    assert_eq!(stream_transcript::<1024>(with_empty), whole);
    // And every split of the chunked wire of 4.2 carrying it.
    let msg = example_4_2_response(3, &connect_body());
    let (head, used) = ResponseHead::parse(&msg, &HttpLimits::DEFAULT)
        .unwrap()
        .unwrap();
    assert_eq!(head.status, 200);
    let chunked = &msg[used..];
    let whole = wire_transcript([chunked]);
    assert_eq!((whole.end.clone(), whole.pending), (Ok(()), 3));
    for i in 0..=chunked.len() {
        assert_eq!(wire_transcript(cut(chunked, &[i])), whole, "split at {i}");
    }
    assert_eq!(wire_transcript(chunked.chunks(1)), whole);
}

#[test]
fn every_split_of_a_malformed_stream_gives_the_same_error() {
    let long = format!("PROCESSING\r\nDONE\r\nX-A: {}\r\n\r\n", "v".repeat(70));
    let cases: [(&[u8], &str); 8] = [
        (
            b"PROCESSING\r\nPENDING\r\nDOME\r\n\r\n",
            "ResponseStream.MetaTag: invalid value 0x4d (offset 23)",
        ),
        (
            b"PROCESSING\r\nDONE\r\nX-A: 1\r\nno colon\r\n\r\n",
            "ResponseStream.AdditionalHeaders.FieldName: invalid value 0x20 (offset 28)",
        ),
        (
            b"PROCESSING\r\nDONE\r\nX-A: 1\n\r\n",
            "ResponseStream.AdditionalHeaders.FieldValue: invalid value 0xa (offset 24)",
        ),
        (
            b"PROCESSING\r\nDONE\r\nX-ResponseCode: zero\r\n\r\n",
            "ResponseStream.AdditionalHeaders.X-ResponseCode: invalid value 0x7a (offset 34)",
        ),
        (
            b"PROCESSING\r\nDONE\r\nX-ResponseCode: 0\r\n",
            "ResponseStream.AdditionalHeaders: needs 2 bytes, 0 remain (offset 37)",
        ),
        (
            b"PROCESSING\r\nDONE\r\nPENDING\r\n\r\n",
            "ResponseStream.AdditionalHeaders.FieldName: invalid value 0xd (offset 25)",
        ),
        (
            b"processing\r\n",
            "ResponseStream.MetaTag: invalid value 0x70 (offset 0)",
        ),
        (
            long.as_bytes(),
            "ResponseStream.AdditionalHeaders: 65 exceeds the limit of 64 (offset 18)",
        ),
    ];
    for (wire, expected) in cases {
        let whole = stream_transcript::<64>([wire]);
        assert_eq!(
            whole.end,
            Err(expected.to_string()),
            "{:?}",
            String::from_utf8_lossy(wire)
        );
        for i in 0..=wire.len() {
            assert_eq!(
                stream_transcript::<64>(cut(wire, &[i])),
                whole,
                "split at {i}"
            );
        }
        assert_eq!(stream_transcript::<64>(wire.chunks(1)), whole);
        // The whole-input parser agrees.
        let limits = HttpLimits {
            max_line: 64,
            ..HttpLimits::DEFAULT
        };
        let e = InnerStream::parse(wire, &limits).unwrap_err();
        assert_eq!(e.to_string(), expected);
    }
}

#[test]
fn thousands_of_pending_lines_keep_memory_bounded() {
    const PENDINGS: usize = 20_000;
    let mut wire = Vec::from(&b"PROCESSING\r\n"[..]);
    for _ in 0..PENDINGS {
        wire.extend_from_slice(b"PENDING\r\n");
    }
    wire.extend_from_slice(b"DONE\r\nX-ResponseCode: 0\r\n\r\n\x01\x02");
    // The parser's whole state is its fixed-size struct: the line buffer
    // and a few counters, no heap.
    let size = std::mem::size_of::<ResponseStream>();
    assert!(size < 1024 + 256, "{size}");
    let mut p = ResponseStream::new();
    let mut max_buffered = 0;
    let mut events = 0usize;
    for piece in wire.chunks(7) {
        let mut input = piece;
        while let Some(ev) = p.next_event(&mut input).unwrap() {
            if !matches!(ev, Event::Body(_)) {
                events += 1;
            }
            if ev == Event::Pending {
                assert_eq!(p.buffered(), 0);
            }
        }
        max_buffered = max_buffered.max(p.buffered());
    }
    p.finish().unwrap();
    assert_eq!(p.pending_count(), PENDINGS as u64);
    // PROCESSING, the PENDINGs, DONE, one header, the empty line.
    assert_eq!(events, PENDINGS + 4);
    // Only the X-ResponseCode line, cut by a piece boundary, was ever held.
    assert!(max_buffered <= "X-ResponseCode: 0".len(), "{max_buffered}");
    assert_eq!(p.body_len(), 2);
    // The whole-input view counts them too, without a vector of them.
    let s = InnerStream::parse(&wire, &HttpLimits::DEFAULT).unwrap();
    assert_eq!(s.pending, PENDINGS);
    assert_eq!(s.to_vec().unwrap(), wire);
}

#[test]
fn the_body_is_handed_over_unscanned() {
    // Body bytes that are not valid anywhere else (NUL, bare CR, LF,
    // 0xFF, a fake DONE) pass untouched, in pieces as they came.
    let mut wire = Vec::from(&b"PROCESSING\r\nDONE\r\n\r\n"[..]);
    let body: Vec<u8> = (0..=255u8).chain(*b"\r\nDONE\r\n\r\n\n\r").collect();
    wire.extend(&body);
    let mut p = ResponseStream::new();
    let mut input = &wire[..];
    let mut pieces = Vec::new();
    while let Some(ev) = p.next_event(&mut input).unwrap() {
        if let Event::Body(b) = ev {
            pieces.push(b.len());
        }
    }
    assert_eq!(pieces, [body.len()]);
    assert!(p.in_body());
    let mut more = &b"\r"[..];
    assert_eq!(p.next_event(&mut more).unwrap(), Some(Event::Body(b"\r")));
    p.finish().unwrap();
}

#[test]
fn a_failed_stream_stays_failed() {
    let mut p = ResponseStream::new();
    let mut input = &b"PROCESSING\r\nDON"[..];
    while p.next_event(&mut input).unwrap().is_some() {}
    let mut more = &b"X\r\n"[..];
    let e = p.next_event(&mut more).unwrap_err();
    let mut again = &b"\r\n"[..];
    assert_eq!(p.next_event(&mut again).unwrap_err(), e);
    assert_eq!(p.finish().unwrap_err(), e);
    assert_eq!(e.offset(), 15);
}

#[test]
fn too_many_additional_headers() {
    let limits = HttpLimits {
        max_headers: 2,
        ..HttpLimits::DEFAULT
    };
    let wire = b"PROCESSING\r\nDONE\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n";
    let e = InnerStream::parse(wire, &limits).unwrap_err();
    assert_eq!(
        e.to_string(),
        "ResponseStream.AdditionalHeaders: 3 exceeds the limit of 2 (offset 30)"
    );
    let mut p: ResponseStream = ResponseStream::with_limits(limits);
    let mut input = &wire[..];
    let e2 = loop {
        match p.next_event(&mut input) {
            Ok(Some(_)) => {}
            Ok(None) => panic!("no error"),
            Err(e) => break e,
        }
    };
    assert_eq!(e2, e);
}

// ------------------------------------------------------- the writer ---

#[test]
fn writer_output_parses_back_chunked_or_not() {
    let body = connect_body();
    let fields = [
        Header::new("X-ResponseCode", b"0"),
        Header::new("X-ElapsedTime", b"30002"),
    ];
    for chunked in [false, true] {
        let mut out = Vec::new();
        let mut w = ResponseWriter::new(chunked, 15_000);
        w.processing(&mut out, 1_000).unwrap();
        let mut now = 1_000;
        while now < 31_000 {
            now += 500;
            w.handle_timeout(&mut out, now).unwrap();
        }
        assert_eq!(w.pending_count(), 2);
        w.done(&mut out, &HeaderBlock::from_slice(&fields)).unwrap();
        w.body(&mut out, &body[..10]).unwrap();
        w.body(&mut out, &body[10..]).unwrap();
        w.finish(&mut out).unwrap();
        let t = if chunked {
            wire_transcript([out.as_slice()])
        } else {
            stream_transcript::<1024>([out.as_slice()])
        };
        assert_eq!(t.end, Ok(()));
        assert_eq!(t.pending, 2);
        assert_eq!(t.body, body);
        assert_eq!(
            t.events
                .iter()
                .filter(|e| matches!(e, Ev::Header(..)))
                .count(),
            2
        );
        if !chunked {
            let expected = InnerStream::new(2, HeaderBlock::from_slice(&fields), &body);
            assert_eq!(out, expected.to_vec().unwrap());
        }
    }
}

#[test]
fn keep_alive_schedule() {
    // 2.2.3.3.5: PENDING every X-PendingPeriod milliseconds while the
    // request runs; none once DONE is written.
    let mut w = ResponseWriter::new(false, 30_000);
    assert_eq!(w.poll_timeout(), None);
    let mut out = Vec::new();
    w.processing(&mut out, 5).unwrap();
    assert_eq!(w.poll_timeout(), Some(30_005));
    // A stall of several periods gives one keep-alive, then the timer
    // starts again from now.
    assert!(w.handle_timeout(&mut out, 100_000).unwrap());
    assert_eq!(w.poll_timeout(), Some(130_000));
    assert!(!w.handle_timeout(&mut out, 129_999).unwrap());
    w.done(&mut out, &HeaderBlock::EMPTY).unwrap();
    assert_eq!(w.poll_timeout(), None);
    assert!(!w.handle_timeout(&mut out, u64::MAX).unwrap());
    assert_eq!(out, b"PROCESSING\r\nPENDING\r\nDONE\r\n\r\n");
    let mut never = ResponseWriter::new(true, 0);
    never.processing(&mut out, 0).unwrap();
    assert_eq!(never.poll_timeout(), None);
}

// ------------------------------------------------ malformed messages ---

#[test]
fn malformed_messages_fail_with_offsets() {
    let cases: [(&[u8], &str); 6] = [
        (
            b"POST / HTTP/1.1\r\nContent-Length: 2\r\n\r\nx",
            "HttpRequest.Body: length 2 runs past the end, 1 bytes remain (offset 38)",
        ),
        (
            b"POST / HTTP/1.1\r\nContent-Length: 1x\r\n\r\nx",
            "HttpRequest.Headers.Content-Length: invalid value 0x78 (offset 34)",
        ),
        (
            b"POST / HTTP/1.1\r\nX-RequestType: Execute\r\n",
            "HttpRequest.RequestHead: needs 2 bytes, 0 remain (offset 41)",
        ),
        (
            b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab",
            "HttpRequest.ChunkedBody.ChunkData: needs 5 bytes, 0 remain (offset 52)",
        ),
        (
            b"POST /\x00 HTTP/1.1\r\n\r\n",
            "HttpRequest.RequestHead.RequestLine.RequestTarget: invalid value 0x0 (offset 6)",
        ),
        (
            b"POST / HTTP/1.1\r\nHost : h\r\n\r\n",
            "HttpRequest.RequestHead.Headers.FieldName: invalid value 0x20 (offset 21)",
        ),
    ];
    for (wire, expected) in cases {
        let e = HttpRequest::decode_exact(wire, ()).unwrap_err();
        assert_eq!(e.to_string(), expected);
    }
    let e = HttpRequest::decode_exact(b"POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\nextra", ())
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::TrailingBytes { count: 5 });
    let e = HttpResponse::decode_exact(
        b"HTTP/1.1 200 OK\r\nContent-Length: 99999999999\r\n\r\n",
        (),
    )
    .unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::CountTooLarge { .. }), "{e}");
}

#[test]
fn header_lines_longer_than_the_cap() {
    let limits = HttpLimits {
        max_line: 32,
        max_headers: 4,
    };
    let wire = format!("POST / HTTP/1.1\r\nX-A: {}\r\n\r\n", "a".repeat(40));
    let e = HttpRequest::parse(wire.as_bytes(), 0, &limits).unwrap_err();
    assert_eq!(
        e.to_string(),
        "HttpRequest.RequestHead.Headers: 33 exceeds the limit of 32 (offset 17)"
    );
    let many = "POST / HTTP/1.1\r\nA: 1\r\nA: 1\r\nA: 1\r\nA: 1\r\nA: 1\r\n\r\n";
    let e = HttpRequest::parse(many.as_bytes(), 0, &limits).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::LimitExceeded { value: 5, limit: 4 });
}

// ------------------------------------------------------- properties ---

/// A stream as a server might write it: `pending` PENDINGs, additional
/// headers from a small set, a body.
fn arb_stream() -> impl Strategy<Value = (usize, Vec<(String, String)>, Vec<u8>)> {
    let field = prop_oneof![
        (0u32..19).prop_map(|c| ("X-ResponseCode".to_string(), c.to_string())),
        any::<u32>().prop_map(|n| ("X-ElapsedTime".to_string(), n.to_string())),
        Just(("X-StartTime".to_string(), START.to_string())),
        "[A-Za-z][A-Za-z0-9-]{0,12}".prop_map(|n| (format!("X-Test-{n}"), "v a l".to_string())),
        Just(("Content-Type".to_string(), "text/html".to_string())),
    ];
    (
        0usize..40,
        proptest::collection::vec(field, 0..6),
        proptest::collection::vec(any::<u8>(), 0..300),
    )
}

fn stream_bytes(pending: usize, fields: &[(String, String)], body: &[u8]) -> Vec<u8> {
    let headers: Vec<Header<'_>> = fields
        .iter()
        .map(|(n, v)| Header::new(n, v.as_bytes()))
        .collect();
    InnerStream::new(pending, HeaderBlock::from_slice(&headers), body)
        .to_vec()
        .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn random_chunkings_give_the_same_transcript(
        (pending, fields, body) in arb_stream(),
        cuts in proptest::collection::vec(any::<prop::sample::Index>(), 0..12),
    ) {
        let wire = stream_bytes(pending, &fields, &body);
        let mut at: Vec<usize> = cuts.iter().map(|c| c.index(wire.len() + 1)).collect();
        at.sort_unstable();
        let whole = stream_transcript::<1024>([wire.as_slice()]);
        prop_assert_eq!(&whole.end, &Ok(()));
        prop_assert_eq!(whole.pending, pending as u64);
        prop_assert_eq!(&whole.body, &body);
        prop_assert_eq!(stream_transcript::<1024>(cut(&wire, &at)), whole.clone());

        // Chunked by the writer, then cut anywhere.
        let headers: Vec<Header<'_>> = fields.iter().map(|(n, v)| Header::new(n, v.as_bytes())).collect();
        let mut chunked = Vec::new();
        let mut w = ResponseWriter::new(true, 1);
        w.processing(&mut chunked, 0).unwrap();
        for _ in 0..pending {
            w.pending(&mut chunked).unwrap();
        }
        w.done(&mut chunked, &HeaderBlock::from_slice(&headers)).unwrap();
        for piece in body.chunks(37) {
            w.body(&mut chunked, piece).unwrap();
        }
        w.finish(&mut chunked).unwrap();
        let mut at: Vec<usize> = cuts.iter().map(|c| c.index(chunked.len() + 1)).collect();
        at.sort_unstable();
        prop_assert_eq!(wire_transcript(cut(&chunked, &at)), whole);
    }

    #[test]
    fn arbitrary_bytes_in_any_chunking_agree(
        data in proptest::collection::vec(any::<u8>(), 0..200),
        cuts in proptest::collection::vec(any::<prop::sample::Index>(), 0..8),
        prefix in prop_oneof![Just(&b""[..]), Just(&b"PROCESSING\r\n"[..]), Just(&b"PROCESSING\r\nDONE\r\n"[..])],
    ) {
        let wire = [prefix, &data].concat();
        let mut at: Vec<usize> = cuts.iter().map(|c| c.index(wire.len() + 1)).collect();
        at.sort_unstable();
        let whole = stream_transcript::<64>([wire.as_slice()]);
        prop_assert_eq!(stream_transcript::<64>(cut(&wire, &at)), whole.clone());
        let limits = HttpLimits { max_line: 64, ..HttpLimits::DEFAULT };
        match InnerStream::parse(&wire, &limits) {
            Ok(s) => {
                prop_assert_eq!(&whole.end, &Ok(()));
                prop_assert_eq!(s.to_vec().unwrap(), wire);
            }
            Err(e) => prop_assert_eq!(whole.end, Err(e.to_string())),
        }
    }

    #[test]
    fn arbitrary_messages_never_panic_and_round_trip(data in proptest::collection::vec(any::<u8>(), 0..300)) {
        let wire = [&b"POST /m HTTP/1.1\r\nContent-Length: 3\r\n"[..], &data].concat();
        if let Ok((req, used)) = HttpRequest::parse(&wire, 0, &HttpLimits::DEFAULT) {
            prop_assert_eq!(req.to_vec().unwrap(), &wire[..used]);
            let _ = req.mapi_headers();
        }
        let resp_wire = [&b"HTTP/1.1 200 OK\r\n"[..], &data].concat();
        if let Ok((resp, rest)) = HttpResponse::decode(&resp_wire) {
            let used = resp_wire.len() - rest.len();
            prop_assert_eq!(resp.to_vec().unwrap(), &resp_wire[..used]);
            if let Some(content) = resp.entity.contiguous()
                && let Ok(s) = resp.inner_stream(content, &HttpLimits::DEFAULT)
            {
                prop_assert_eq!(s.to_vec().unwrap(), content);
            }
        }
        let _ = RequestHead::parse(&data, &HttpLimits::DEFAULT);
    }

    #[test]
    fn chunked_bodies_in_any_chunking(
        chunks in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 1..50), 0..6),
        cuts in proptest::collection::vec(any::<prop::sample::Index>(), 0..8),
    ) {
        let mut wire = Vec::new();
        for c in &chunks {
            write_chunk(&mut wire, c).unwrap();
        }
        wire.extend_from_slice(LAST_CHUNK);
        let (body, used) = ChunkedBody::parse(&wire, 0, &HttpLimits::DEFAULT).unwrap();
        prop_assert_eq!(used, wire.len());
        prop_assert_eq!(body.chunks().collect::<Vec<_>>(), chunks.iter().map(|c| c.as_slice()).collect::<Vec<_>>());
        let mut at: Vec<usize> = cuts.iter().map(|c| c.index(wire.len() + 1)).collect();
        at.sort_unstable();
        let mut dec = ChunkedDecoder::new();
        let mut data = Vec::new();
        for piece in cut(&wire, &at) {
            let mut input = piece;
            while let Some(ev) = dec.next(&mut input).unwrap() {
                if let ChunkEvent::Data(d) = ev {
                    data.extend_from_slice(d);
                }
            }
        }
        dec.finish().unwrap();
        prop_assert_eq!(data, chunks.concat());
    }
}
