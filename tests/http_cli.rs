//! The `http-request` and `http-response` kinds of `mapi-inspect` against
//! `shared/CLI.md`: JSON, round trips, `--request-type`, exit codes.
#![cfg(feature = "cli")]

mod common;

use common::cli::{inspect, text, to_hex as hex};

/// An Execute response success body (MS-OXCMAPIHTTP 2.2.4.2.2): StatusCode,
/// ErrorCode and Flags 0, an empty RopBuffer and AuxiliaryBuffer.
const EMPTY_EXECUTE_BODY: &[u8] = &[0; 20];

/// An Execute response in the chunked form of MS-OXCMAPIHTTP 4.2 without
/// X-RequestType (placeholders filled; construction).
fn execute_response() -> Vec<u8> {
    execute_response_with(EMPTY_EXECUTE_BODY)
}

/// The same response around another binary body.
fn execute_response_with(body: &[u8]) -> Vec<u8> {
    let mut w = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\
        Content-Type: application/mapi-http\r\nX-ResponseCode: 0\r\n\r\n\
        C\r\nPROCESSING\r\n\r\n9\r\nPENDING\r\n\r\n9\r\nPENDING\r\n\r\n"
        .as_slice()
        .to_vec();
    let mut last = b"DONE\r\nX-ResponseCode: 0\r\nX-ElapsedTime: 30500\r\n\r\n".to_vec();
    last.extend_from_slice(body);
    w.extend(format!("{:X}\r\n", last.len()).bytes());
    w.extend_from_slice(&last);
    w.extend_from_slice(b"\r\n0\r\n\r\n");
    w
}

#[test]
fn kinds_lists_the_http_kinds() {
    let o = inspect(&["kinds"], b"");
    let kinds = text(&o.stdout);
    assert!(kinds.lines().any(|k| k == "http-request"));
    assert!(kinds.lines().any(|k| k == "http-response"));
}

#[test]
fn response_decodes_with_the_stream_and_the_request_type_option() {
    let wire = execute_response();
    let o = inspect(
        &["decode", "http-response", "--request-type", "Execute"],
        &wire,
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["status"], 200);
    assert_eq!(json["request_type"], "Execute");
    assert_eq!(json["framing"], "chunked");
    assert_eq!(json["chunks"], 4);
    assert_eq!(json["stream"]["pending"], 2);
    assert_eq!(json["additional"]["x_elapsed_time"], 30500);
    assert_eq!(json["response_code"], 0);
    // The body goes through the execute-response kind.
    assert_eq!(json["body"]["status_code"], 0);
    assert_eq!(json["body"]["rop_buffer"], "");
    // Without the option the request type is unknown.
    let o = inspect(&["decode", "http-response"], &wire);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["request_type"], serde_json::Value::Null);
    // ... and the body is shown as hex.
    assert_eq!(json["body"], hex(EMPTY_EXECUTE_BODY));
}

#[test]
fn a_malformed_body_is_reported_at_its_offset_in_the_message() {
    // RopBufferSize says 10 bytes; only the 4 of AuxiliaryBufferSize follow.
    let mut body = EMPTY_EXECUTE_BODY.to_vec();
    body[12] = 10;
    let wire = execute_response_with(&body);
    let o = inspect(
        &["decode", "http-response", "--request-type", "Execute"],
        &wire,
    );
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    let body_at = wire.windows(20).position(|w| w == body).unwrap();
    // The error is at RopBufferSize, byte 12 of the body.
    assert_eq!(
        err.trim_end(),
        format!(
            "error: ExecuteResponse.RopBuffer: length 10 runs past the end, 4 bytes remain \
             (offset {})",
            body_at + 12
        )
    );
}

#[test]
fn response_round_trips() {
    let wire = execute_response();
    let o = inspect(
        &["roundtrip", "http-response", "--hex"],
        hex(&wire).as_bytes(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout).trim(), hex(&wire));
}

#[test]
fn request_decodes_and_round_trips() {
    // MS-OXCMAPIHTTP 4.3 PING request, placeholders filled.
    let wire = b"POST /mapi/emsmdb/?MailboxId=jane@example.com HTTP/1.1\r\n\
        Host: mail.example.com\r\nContent-Length: 0\r\nContent-Type: application/mapi-http\r\n\
        Cookie: MapiContext=ctx\r\nCookie: MapiSequence=seq3\r\nX-RequestType: PING\r\n\
        X-ClientInfo: {2EF33C39-49C8-421C-B876-CDF7F2AC3AA0}:123\r\n\
        X-RequestId: E2EA6C1C-E61B-49E9-9CFB-38184F907552:2\r\n\
        X-ClientApplication: Outlook/15.00.0000.0000\r\n\r\n";
    let o = inspect(&["decode", "http-request"], wire);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["method"], "POST");
    assert_eq!(json["request_type"], "PING");
    assert_eq!(
        json["mapi_headers"]["x_client_info"],
        "{2EF33C39-49C8-421C-B876-CDF7F2AC3AA0}:123"
    );
    assert_eq!(json["headers"][4]["name"], "Cookie");
    assert_eq!(json["body"], "");
    let o = inspect(&["roundtrip", "http-request"], wire);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(text(&o.stdout).trim(), hex(wire));
}

#[test]
fn diagnostic_responses_show_their_text() {
    // 2.2.3.2.2: a non-zero X-ResponseCode comes with text/html.
    let wire = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-ResponseCode: 10\r\n\
        Content-Length: 7\r\n\r\n<html/>";
    let o = inspect(&["decode", "http-response"], wire);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["response_code"], 10);
    assert_eq!(
        json["mapi_headers"]["x_response_code_name"],
        "Context Not Found"
    );
    assert_eq!(json["diagnostic"], "<html/>");
}

#[test]
fn malformed_messages_are_one_error_line_with_an_offset() {
    let mut wire = execute_response();
    let at = wire.windows(4).position(|w| w == b"DONE").unwrap();
    wire[at + 1] = b'X';
    let o = inspect(&["decode", "http-response"], &wire);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(
        err.trim(),
        format!(
            "error: HttpResponse.ResponseStream.MetaTag: invalid value 0x58 (offset {})",
            at + 1
        )
    );
    let o = inspect(
        &["decode", "http-request"],
        b"POST / HTTP/1.1\r\nX-RequestId: nope\r\n\r\n",
    );
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        text(&o.stderr).trim(),
        "error: HttpRequest.X-RequestId: invalid value 0x6e (offset 30)"
    );
}

#[test]
fn unknown_request_type_is_a_usage_error() {
    let o = inspect(&["decode", "http-response", "--request-type", "Flush"], b"");
    assert_eq!(o.status.code(), Some(2));
    let o = inspect(&["decode", "http-response", "--request-type"], b"");
    assert_eq!(o.status.code(), Some(2));
}
