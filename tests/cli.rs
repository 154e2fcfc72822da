//! `mapi-inspect` against its contract (`shared/CLI.md`): exit codes, one
//! error line with an offset, JSON field names, round trips.
#![cfg(feature = "cli")]

mod common;

use common::cli::{inspect, text};

#[test]
fn decode_prints_json_with_spec_field_names() {
    let o = inspect(
        &["decode", "restriction", "--hex"],
        b"04 04 03001700 03001700 01000000",
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["restrict_type"], "PropertyRestriction");
    assert_eq!(json["relop"], 4);
    assert_eq!(json["property_tag"], "0x00170003");
    assert_eq!(json["tagged_value"]["property_value"], 1);
}

#[test]
fn sample_file_round_trips() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/restriction.hex");
    let o = inspect(&["roundtrip", "restriction", path, "--hex"], b"");
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(
        text(&o.stdout).trim(),
        "000200081f0037000404030017000300170001000000"
    );
}

#[test]
fn malformed_input_is_one_error_line_with_an_offset() {
    let o = inspect(&["decode", "restriction", "--hex"], b"00 0200 08");
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(
        err.trim(),
        "error: Restriction.Restricts: 2 items need at least 2 bytes, 1 remain (offset 1)"
    );
    // Trailing bytes after a whole structure are an error too.
    let o = inspect(&["decode", "restriction", "--hex"], b"08 1f003700 ff");
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("(offset 5)"));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(
        inspect(&["decode", "no-such-kind"], b"").status.code(),
        Some(2)
    );
    assert_eq!(inspect(&["frobnicate"], b"").status.code(), Some(2));
    assert_eq!(
        inspect(&["decode", "restriction", "--bogus"], b"")
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn kinds_lists_every_kind() {
    let o = inspect(&["kinds"], b"");
    assert_eq!(o.status.code(), Some(0));
    let kinds = text(&o.stdout);
    for k in [
        "restriction",
        "property-row-set",
        "entry-id",
        "recipient-row",
    ] {
        assert!(kinds.lines().any(|l| l == k), "{k} missing from {kinds}");
    }
}

#[test]
fn rows_take_their_columns_from_the_command_line() {
    let o = inspect(
        &[
            "decode",
            "property-row-set",
            "--hex",
            "--columns",
            "0x0E080003,0x3001001F",
        ],
        b"0100 00 2a000000 41000000",
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["rows"][0]["value_array"][0], 42);
    assert_eq!(json["rows"][0]["value_array"][1], "A");
}

#[test]
fn hostile_input_never_panics() {
    // A spread of inputs for every kind: the tool answers 0, 1 or 2, never
    // 101.
    let kinds = text(&inspect(&["kinds"], b"").stdout);
    let inputs: [&[u8]; 5] = [
        b"",
        b"\x00",
        b"\xff\xff\xff\xff",
        b"\x00\xff\xff\x02\x02\x02",
        &[0x0a; 64],
    ];
    for k in kinds.lines() {
        for i in inputs {
            let o = inspect(&["decode", k, "--columns", "0x0E080003"], i);
            assert!(
                matches!(o.status.code(), Some(0..=2)),
                "{k} {i:?}: {:?}",
                o.status
            );
        }
    }
}

#[test]
fn rop_output_buffer_with_its_request() {
    // The request sets the columns of the table in slot 0 (handle 0x42),
    // the response queries a row: the pairing gives the rows their columns.
    let request = "1300 12 00 00 00 0100 1f003700 15 00 00 00 01 3200 42000000";
    let response = "1700 12 00 00000000 00 15 00 00000000 02 0100 00 41000000 42000000";
    let o = inspect(
        &[
            "decode",
            "rop-output-buffer",
            "--hex",
            "--request-hex",
            request,
        ],
        response.as_bytes(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["rops_list"][0]["rop"], "RopSetColumns");
    assert_eq!(json["rops_list"][1]["rop"], "RopQueryRows");
    assert_eq!(json["rops_list"][1]["row_data"][0]["value_array"][0], "A");
    // Without the request the rows stay raw, and the bytes round-trip.
    let o = inspect(
        &["roundtrip", "rop-output-buffer", "--hex"],
        response.as_bytes(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
}

#[test]
fn rop_request_and_response_kinds() {
    // MS-OXCTABL 4.2.1 RopSetColumns.
    let o = inspect(
        &["decode", "rop-request", "--hex"],
        b"1200010006001400486714004a6714004d6703004e671f0037004000060e",
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["rop"], "RopSetColumns");
    assert_eq!(json["property_tags"][4], "0x0037001F");
    // A RopQueryRows response decodes its rows with --columns.
    let o = inspect(
        &["decode", "rop-response", "--hex", "--columns", "0x0E080003"],
        b"15 00 00000000 02 0100 00 2a000000",
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["row_data"][0]["value_array"][0], 42);
}
