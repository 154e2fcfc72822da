//! The `execute-request` and `execute-response` kinds of `mapi-inspect`:
//! the Execute body (MS-OXCMAPIHTTP 2.2.4.2), the extended buffers of its
//! RopBuffer (MS-OXCRPC 3.1.4.2.1) with the ROP buffer each carries
//! (MS-OXCROPS 2.2.1), its AUX blocks, pairing with `--request-hex`, and
//! errors that point into the input. Byte vectors are constructions citing
//! those sections.
#![cfg(feature = "cli")]

mod common;

use common::cli::{inspect, text, to_hex as hex};
use common::hexv;

use mapi_wire::rpc::lz77;

/// RPC_HEADER_EXT (MS-OXCRPC 2.2.2.1): Version 0, Flags, Size, SizeActual.
fn ext(flags: u16, payload: &[u8], size_actual: usize) -> Vec<u8> {
    let mut v = vec![0, 0];
    v.extend_from_slice(&flags.to_le_bytes());
    v.extend_from_slice(&u16::try_from(payload.len()).unwrap().to_le_bytes());
    v.extend_from_slice(&u16::try_from(size_actual).unwrap().to_le_bytes());
    v.extend_from_slice(payload);
    v
}

const LAST: u16 = 0x0004;
const COMPRESSED: u16 = 0x0001;

fn sized(b: &[u8]) -> Vec<u8> {
    let mut v = u32::try_from(b.len()).unwrap().to_le_bytes().to_vec();
    v.extend_from_slice(b);
    v
}

/// An Execute request body (MS-OXCMAPIHTTP 2.2.4.2.1): Flags, RopBuffer,
/// MaxRopOut 0x10008, no AuxiliaryBuffer.
fn execute_request(rop_buffer: &[u8]) -> Vec<u8> {
    let mut v = 0u32.to_le_bytes().to_vec();
    v.extend(sized(rop_buffer));
    v.extend_from_slice(&0x10008u32.to_le_bytes());
    v.extend(sized(&[]));
    v
}

/// An Execute success body (MS-OXCMAPIHTTP 2.2.4.2.2): StatusCode,
/// ErrorCode and Flags 0, RopBuffer, no AuxiliaryBuffer.
fn execute_success(rop_buffer: &[u8]) -> Vec<u8> {
    let mut v = vec![0; 12];
    v.extend(sized(rop_buffer));
    v.extend(sized(&[]));
    v
}

// RopSetColumns on handle slot 0 (PidTagSubject, PtypString) then
// RopQueryRows, handle 0x42 (MS-OXCROPS 2.2.5.1.1, 2.2.5.4.1).
const SET_COLUMNS_QUERY_ROWS: &str = "1300 12 00 00 00 0100 1f003700 15 00 00 00 01 3200 42000000";
// Their responses: one row whose PidTagSubject is "A" (2.2.5.1.2, 2.2.5.4.2).
const SET_COLUMNS_QUERY_ROWS_RESPONSE: &str =
    "1700 12 00 00000000 00 15 00 00000000 02 0100 00 41000000 42000000";

#[test]
fn the_sample_shows_its_rops() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/execute-response.hex");
    let o = inspect(&["decode", "execute-response", path, "--hex"], b"");
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let buf = &json["rop_buffers"][0];
    assert_eq!(buf["header"]["flags"], 4);
    assert_eq!(buf["header"]["size_actual"], 20);
    let rop = &buf["rops"]["rops_list"][0];
    assert_eq!(rop["rop"], "RopGetContentsTable");
    assert_eq!(rop["row_count"], 2);
    assert_eq!(buf["rops"]["server_object_handle_table"][1], 0x45);
    // The fields keep the specification's order.
    let out = text(&o.stdout);
    let at = |k: &str| out.find(k).unwrap();
    assert!(
        at("\"status_code\"") < at("\"rop_buffer\"")
            && at("\"rop_buffer\"") < at("\"rop_buffers\"")
    );
    assert!(at("\"rop\"") < at("\"output_handle_index\""));
}

#[test]
fn a_response_is_paired_with_its_request() {
    let input = hexv(SET_COLUMNS_QUERY_ROWS);
    let request = execute_request(&ext(LAST, &input, input.len()));
    let out = hexv(SET_COLUMNS_QUERY_ROWS_RESPONSE);
    let response = execute_success(&ext(LAST, &out, out.len()));
    let o = inspect(
        &[
            "decode",
            "execute-response",
            "--hex",
            "--request-hex",
            &hex(&request),
        ],
        hex(&response).as_bytes(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let rops = &json["rop_buffers"][0]["rops"]["rops_list"];
    assert_eq!(rops[1]["rop"], "RopQueryRows");
    assert_eq!(rops[1]["row_data"][0]["value_array"][0], "A");
    // Without the request the row stays raw; both round-trip.
    let o = inspect(&["decode", "execute-response"], &response);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        json["rop_buffers"][0]["rops"]["rops_list"][1]["row_count"],
        1
    );
    assert!(json["rop_buffers"][0]["rops"]["rops_list"][1]["row_data"].is_string());
    let o = inspect(&["roundtrip", "execute-response"], &response);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout).trim(), hex(&response));
}

#[test]
fn a_request_shows_its_rops() {
    let input = hexv(SET_COLUMNS_QUERY_ROWS);
    let request = execute_request(&ext(LAST, &input, input.len()));
    let o = inspect(&["decode", "execute-request"], &request);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["max_rop_out"], 0x10008);
    let rops = &json["rop_buffers"][0]["rops"]["rops_list"];
    assert_eq!(rops[0]["rop"], "RopSetColumns");
    assert_eq!(rops[0]["property_tags"][0], "0x0037001F");
    assert_eq!(rops[1]["rop"], "RopQueryRows");
    assert_eq!(rops[1]["row_count"], 0x32);
    let o = inspect(&["roundtrip", "execute-request"], &request);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
}

#[test]
fn compressed_payloads_are_decompressed() {
    // MS-OXCRPC 3.1.4.1.1.2: LZ77 + DIRECT2; Size is the compressed size,
    // SizeActual the plain one.
    let plain = hexv(SET_COLUMNS_QUERY_ROWS_RESPONSE);
    let packed = lz77::compress_to_vec(&plain);
    let response = execute_success(&ext(LAST | COMPRESSED, &packed, plain.len()));
    let o = inspect(&["decode", "execute-response"], &response);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["rop_buffers"][0]["header"]["flags"], 5);
    assert_eq!(
        json["rop_buffers"][0]["rops"]["rops_list"][1]["rop"],
        "RopQueryRows"
    );
    let o = inspect(&["roundtrip", "execute-response"], &response);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout).trim(), hex(&response));
}

#[test]
fn a_malformed_rop_is_reported_at_its_offset_in_the_body() {
    // RopSize 11 ends the RopsList just before RopQueryRows' ReturnValue
    // (MS-OXCROPS 2.2.1, 2.2.5.4.2); the 12 bytes after it are three
    // handles.
    let mut out = hexv(SET_COLUMNS_QUERY_ROWS_RESPONSE);
    out[0] = 11;
    let response = execute_success(&ext(LAST, &out, out.len()));
    let o = inspect(&["decode", "execute-response"], &response);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    // Body: 12 bytes, RopBufferSize 4, RPC_HEADER_EXT 8, then the payload,
    // whose byte 11 starts the ReturnValue (RopSetColumns' response is 7
    // bytes).
    let payload_at = 12 + 4 + 8;
    assert_eq!(
        err.trim(),
        format!(
            "error: ExecuteResponse.RopBuffer.ExtendedBuffers[0].RopsList[1].RopQueryRows.\
             ReturnValue: needs 4 bytes, 0 remain (offset {})",
            payload_at + 11
        )
    );
    // In a compressed payload the error is reported at the payload's first byte.
    let packed = lz77::compress_to_vec(&out);
    let response = execute_success(&ext(LAST | COMPRESSED, &packed, out.len()));
    let o = inspect(&["decode", "execute-response"], &response);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(
        err.trim().ends_with(&format!("(offset {payload_at})")),
        "{err}"
    );
}

#[test]
fn a_failure_body_has_no_rop_buffers() {
    // MS-OXCMAPIHTTP 2.2.4.2.3: StatusCode (non-zero), AuxiliaryBuffer.
    let body = hexv("0b000000 00000000");
    let o = inspect(&["decode", "execute-response"], &body);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["status_code"], 11);
    assert!(json.get("rop_buffers").is_none());
}

#[test]
fn an_empty_rop_buffer_has_no_extended_buffers() {
    // A success body whose call failed as a whole: ErrorCode 0x000004B6
    // (ecRpcFormat) and RopBufferSize 0 (MS-OXCMAPIHTTP 2.2.4.2.2).
    let mut body = execute_success(&[]);
    body[4..8].copy_from_slice(&0x4B6u32.to_le_bytes());
    let o = inspect(&["decode", "execute-response"], &body);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["error_code"], 0x4B6);
    assert_eq!(json["rop_buffers"], serde_json::json!([]));
}
