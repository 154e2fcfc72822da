//! `mapi-inspect` on the MS-OXCRPC kinds (`shared/CLI.md`): extended
//! buffers, the auxiliary buffer, AUX blocks and bare LZ77 streams.
#![cfg(feature = "cli")]

mod common;

use common::cli::{inspect, text};
use common::hexv;

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
fn ext_buffer_payloads_are_rop_buffers() {
    // Construction (MS-OXCRPC 3.1.4.2.1): an obfuscated buffer holding the
    // empty ROP output buffer `0200` (XorMagic: 0x02 ^ 0xA5, 0x00 ^ 0xA5),
    // then, compressed with Last, eight RopGetContentsTable responses
    // (MS-OXCROPS 2.2.4.14.2; repeated so that compression pays) and two
    // handles.
    let mut plain = hexv("5200");
    for _ in 0..8 {
        plain.extend(hexv("05 01 00000000 02000000"));
    }
    plain.extend(hexv("21000000 45000000"));
    let packed = mapi_wire::rpc::lz77::compress_to_vec(&plain);
    let mut input = hexv("0000 0200 0200 0200 a7a5 0000 0500");
    input.extend_from_slice(&u16::try_from(packed.len()).unwrap().to_le_bytes());
    input.extend_from_slice(&u16::try_from(plain.len()).unwrap().to_le_bytes());
    input.extend_from_slice(&packed);
    let o = inspect(&["decode", "ext-output-buffer"], &input);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let b = &json["buffers"];
    assert_eq!(b[0]["header"]["flags"], 2);
    assert_eq!(b[0]["wire"], "a7a5");
    assert_eq!(b[0]["rops"]["rop_size"], 2);
    assert_eq!(b[1]["header"]["size_actual"], plain.len());
    assert_eq!(b[1]["rops"]["rops_list"][0]["rop"], "RopGetContentsTable");
    assert_eq!(b[1]["rops"]["rops_list"][7]["row_count"], 2);
    // The round trip re-emits every payload as it was sent.
    let o = inspect(&["roundtrip", "ext-output-buffer"], &input);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(hexv(&text(&o.stdout)), input);
    // A payload that is not a ROP buffer is malformed: MS-XCA 3.1 example 2
    // decompresses to "abc" x 100, whose RopSize (0x6261) overruns it.
    let mut input = hexv("0000 0500 0d00 2c01");
    input.extend(hexv(std::str::from_utf8(XCA_2).unwrap()));
    let o = inspect(&["decode", "ext-input-buffer"], &input);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(err.starts_with("error: ExtendedBuffers[0]."), "{err}");
    assert!(err.trim().ends_with("(offset 8)"), "{err}");
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
