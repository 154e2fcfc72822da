//! `mapi-inspect` against its contract (`shared/CLI.md`): exit codes, one
//! error line with an offset, JSON field names, round trips.
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
