//! `mapi-inspect` on the MS-OXCRPC kinds (`shared/CLI.md`): extended
//! buffers, the auxiliary buffer, AUX blocks and bare LZ77 streams.
#![cfg(feature = "cli")]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn inspect(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_mapi-inspect"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn mapi-inspect");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// MS-XCA 3.1 example 2: "abc" × 100.
const XCA_2: &[u8] = b"ffffff1f61626317000fff2601";

#[test]
fn rpc_kinds_are_listed() {
    let kinds = text(&inspect(&["kinds"], b"").stdout);
    for k in [
        "ext-input-buffer",
        "ext-output-buffer",
        "aux-buffer",
        "aux-block",
        "lz77",
    ] {
        assert!(kinds.lines().any(|l| l == k), "{k} missing from {kinds}");
    }
}

#[test]
fn ext_buffer_shows_plain_payloads_as_hex() {
    // Construction: an obfuscated buffer, then MS-XCA 3.1 example 2
    // compressed (not obfuscated) with Last.
    let input = b"0000 0200 0200 0200 a7a5
                  0000 0500 0d00 2c01 ffffff1f61626317000fff2601";
    let o = inspect(&["decode", "ext-output-buffer", "--hex"], input);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let b = &json["buffers"];
    assert_eq!(b[0]["header"]["flags"], 2);
    assert_eq!(b[0]["payload"], "0200");
    assert_eq!(b[0]["wire"], "a7a5");
    assert_eq!(b[1]["header"]["size_actual"], 300);
    assert_eq!(b[1]["payload"], "616263".repeat(100));
    // The round trip re-emits every payload as it was sent.
    let o = inspect(&["roundtrip", "ext-input-buffer", "--hex"], input);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let want: String = std::str::from_utf8(input)
        .unwrap()
        .split_whitespace()
        .collect();
    assert_eq!(text(&o.stdout).trim(), want);
}

#[test]
fn malformed_ext_buffer_is_one_error_line() {
    // Construction: Size 3 with one byte of payload.
    let o = inspect(
        &["decode", "ext-input-buffer", "--hex"],
        b"0000 0400 0300 0300 aa",
    );
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(
        err.trim(),
        "error: ExtendedBuffers[0].Header.Payload: needs 3 bytes, 1 remain (offset 8)"
    );
}

#[test]
fn aux_buffer_and_block_decode_to_named_blocks() {
    // Construction: RPC_HEADER_EXT (Last) + AUX_PERF_REQUESTID +
    // AUX_SERVER_SESSION_INFO "ok".
    let input = b"0000 0400 1400 1400
                  0800 01 01 0100 0200
                  0c00 01 4b 0600 6f006b000000";
    let o = inspect(&["decode", "aux-buffer", "--hex"], input);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let blocks = &json["blocks"];
    assert_eq!(blocks[0]["header"]["aux_type"], 1);
    assert_eq!(blocks[0]["body"]["block"], "AUX_PERF_REQUESTID");
    assert_eq!(blocks[0]["body"]["request_id"], 2);
    assert_eq!(blocks[1]["body"]["block"], "AUX_SERVER_SESSION_INFO");
    assert_eq!(blocks[1]["body"]["server_session_context_info"], "ok");
    let o = inspect(&["roundtrip", "aux-buffer", "--hex"], input);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));

    let o = inspect(&["decode", "aux-block", "--hex"], b"0800 01 17 01000000");
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["body"]["block"], "AUX_EXORGINFO");
    assert_eq!(json["body"]["org_flags"], 1);
}

#[test]
fn lz77_decodes_by_decompressing() {
    let o = inspect(&["decode", "lz77", "--hex"], XCA_2);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["compressed_size"], 13);
    assert_eq!(json["size"], 300);
    assert_eq!(json["data"], "616263".repeat(100));
}

#[test]
fn lz77_round_trip_compares_the_decompressed_content() {
    // MS-XCA 3.1 example 2: our compressor gives the same bytes.
    let o = inspect(&["roundtrip", "lz77", "--hex"], XCA_2);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout).trim(), std::str::from_utf8(XCA_2).unwrap());
    // Construction: "abcabcabc" written as nine literals; our compressor
    // finds a match instead, and the content still compares equal.
    let literals = b"ffff7f00 616263616263616263";
    let o = inspect(&["roundtrip", "lz77", "--hex"], literals);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout).trim(), "ffffff1f6162631300");
    // A stream that does not decompress is malformed (exit 1).
    let o = inspect(&["decode", "lz77", "--hex"], b"ffffff7f 61 0800");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        text(&o.stderr).trim(),
        "error: Lz77.Distance: invalid value 0x2 (offset 5)"
    );
}
