//! `mapi-inspect`: decode, re-encode and list the structures mapi-wire
//! knows. The contract is `shared/CLI.md`; this file keeps it.
//!
//! ```text
//! mapi-inspect decode    KIND [INPUT] [OPTIONS]
//! mapi-inspect roundtrip KIND [INPUT] [OPTIONS]
//! mapi-inspect kinds
//! ```

use mapi_wire::data::{
    EntryId, PropertyProblemArray, PropertyRow, PropertyRowSet, PropertyTag, PropertyTagArray,
    RecipientRow, Restriction, RowContext, SortOrderSet, TaggedPropertyValue, ValueContext,
};
use mapi_wire::rpc::{AuxBlock, DecodedAuxBuffer, DecodedChain, lz77};
use mapi_wire::wire::{Array, Decode, Encode, Error};
use std::io::Read;
use std::process::ExitCode;

/// What the options give the decoders.
#[derive(Default)]
struct Options {
    hex: bool,
    columns: Vec<PropertyTag>,
}

/// The outcome of one kind's decoder: the JSON document and the
/// re-encoded bytes.
type Decoded = Result<(String, Vec<u8>), Error>;

/// Decodes `input`, which must be consumed exactly, and re-encodes it.
fn run<'a, T>(input: &'a [u8], cx: <T as Decode<'a>>::Ctx) -> Decoded
where
    T: Decode<'a> + Encode<Ctx = <T as Decode<'a>>::Ctx> + serde::Serialize,
{
    let v = T::decode_exact(input, cx)?;
    let bytes = v.to_vec_with(cx)?;
    // Serialized straight from the value so that fields keep the
    // specification's order.
    let json = serde_json::to_string_pretty(&v).unwrap_or_else(|e| format!("\"{e}\""));
    Ok((json, bytes))
}

/// One entry of the kind table.
struct Kind {
    name: &'static str,
    what: &'static str,
    run: fn(&[u8], &Options) -> Decoded,
}

/// Every kind this build understands. A kind is one line: its name, what
/// the input holds, and the type (and context) that decodes it.
const KINDS: &[Kind] = &[
    Kind {
        name: "restriction",
        what: "one restriction in ROP form (2-byte counts), MS-OXCDATA 2.12",
        run: |b, _| run::<Restriction<'_>>(b, ValueContext::Rop),
    },
    Kind {
        name: "restriction-extended",
        what: "one restriction in extended-rule form (4-byte counts), MS-OXORULE 2.2.4",
        run: |b, _| run::<Restriction<'_>>(b, ValueContext::Extended),
    },
    Kind {
        name: "tagged-property-value",
        what: "one TaggedPropertyValue in ROP form, MS-OXCDATA 2.11.4",
        run: |b, _| run::<TaggedPropertyValue<'_>>(b, ValueContext::Rop),
    },
    Kind {
        name: "property-row",
        what: "one PropertyRow over --columns, MS-OXCDATA 2.8.1",
        run: |b, o| run::<PropertyRow<'_>>(b, RowContext::rop(Array::from_slice(&o.columns))),
    },
    Kind {
        name: "property-row-set",
        what: "a PropertyRowSet (RowCount + rows) over --columns, MS-OXCDATA 2.8.2",
        run: |b, o| run::<PropertyRowSet<'_>>(b, RowContext::rop(Array::from_slice(&o.columns))),
    },
    Kind {
        name: "recipient-row",
        what: "one RecipientRow over --columns (the recipient columns), MS-OXCDATA 2.8.3",
        run: |b, o| run::<RecipientRow<'_>>(b, RowContext::rop(Array::from_slice(&o.columns))),
    },
    Kind {
        name: "property-tag-array",
        what: "a PropertyTagArray (Count + tags), MS-OXCDATA 2.10.1",
        run: |b, _| run::<PropertyTagArray<'_>>(b, ()),
    },
    Kind {
        name: "property-problem-array",
        what: "a PropertyProblemArray (Count + problems), MS-OXCDATA 2.7",
        run: |b, _| run::<PropertyProblemArray<'_>>(b, ()),
    },
    Kind {
        name: "sort-order-set",
        what: "a SortOrderSet, MS-OXCDATA 2.13.2",
        run: |b, _| run::<SortOrderSet<'_>>(b, ()),
    },
    Kind {
        name: "entry-id",
        what: "an EntryID (folder, message, store, address book, one-off), MS-OXCDATA 2.2.4, 2.2.5",
        run: |b, _| run::<EntryId<'_>>(b, ()),
    },
    Kind {
        name: "ext-input-buffer",
        what: "an Execute request RopBuffer: RPC_HEADER_EXT + payload pairs, MS-OXCRPC 2.2.2.1, 3.1.4.2.1",
        run: |b, _| run::<DecodedChain<'_>>(b, ()),
    },
    Kind {
        name: "ext-output-buffer",
        what: "an Execute response RopBuffer: RPC_HEADER_EXT + payload pairs, MS-OXCRPC 2.2.2.1, 3.1.4.2.1",
        run: |b, _| run::<DecodedChain<'_>>(b, ()),
    },
    Kind {
        name: "aux-buffer",
        what: "an AuxiliaryBuffer: RPC_HEADER_EXT + AUX blocks, MS-OXCRPC 3.1.4.1.2",
        run: |b, _| run::<DecodedAuxBuffer<'_>>(b, ()),
    },
    Kind {
        name: "aux-block",
        what: "one AUX_HEADER and its block, MS-OXCRPC 2.2.2.2",
        run: |b, _| run::<AuxBlock<'_>>(b, ()),
    },
    Kind {
        name: "lz77",
        what: "a raw LZ77+DIRECT2 stream (decode = decompress), MS-OXCRPC 3.1.4.1.1.2",
        run: |b, _| run_lz77(b),
    },
];

/// The `lz77` kind: decompresses a whole stream (at most 65535 bytes, the
/// largest SizeActual) and recompresses it with this crate's compressor.
fn run_lz77(input: &[u8]) -> Decoded {
    #[derive(serde::Serialize)]
    struct Lz77Json {
        compressed_size: usize,
        size: usize,
        data: String,
    }
    let mut out = vec![0u8; 0xFFFF];
    let n = lz77::decompress_stream(input, &mut out)?;
    out.truncate(n);
    let json = serde_json::to_string_pretty(&Lz77Json {
        compressed_size: input.len(),
        size: n,
        data: hex_string(&out),
    })
    .unwrap_or_else(|e| format!("\"{e}\""));
    Ok((json, lz77::compress_to_vec(&out)))
}

/// Whether a round trip kept the content: the bytes themselves, except for
/// a bare LZ77 stream, whose decompressed content is compared (two valid
/// compressors need not agree byte for byte; `shared/CLI.md`).
fn same_content(kind: &str, input: &[u8], reencoded: &[u8]) -> bool {
    if kind == "lz77" {
        let mut a = vec![0u8; 0xFFFF];
        let mut b = vec![0u8; 0xFFFF];
        return match (
            lz77::decompress_stream(input, &mut a),
            lz77::decompress_stream(reencoded, &mut b),
        ) {
            (Ok(n), Ok(m)) => a.get(..n) == b.get(..m),
            _ => false,
        };
    }
    reencoded == input
}

const USAGE: &str = "usage: mapi-inspect decode KIND [INPUT] [--hex] [--columns TAG,TAG,...]
       mapi-inspect roundtrip KIND [INPUT] [--hex] [--columns TAG,TAG,...]
       mapi-inspect kinds";

fn usage(msg: &str) -> ExitCode {
    err(&format!("error: {msg}"));
    err(USAGE);
    ExitCode::from(2)
}

fn parse_tag(s: &str) -> Option<PropertyTag> {
    let t = s.trim();
    let digits = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X"))?;
    u32::from_str_radix(digits, 16).ok().map(PropertyTag)
}

fn parse_hex(text: &[u8]) -> Result<Vec<u8>, String> {
    let digits: Vec<u8> = text
        .iter()
        .copied()
        .filter(|b| !b.is_ascii_whitespace())
        .collect();
    if !digits.len().is_multiple_of(2) {
        return Err("--hex input has an odd number of hex digits".into());
    }
    digits
        .chunks(2)
        .map(|p| {
            let s =
                std::str::from_utf8(p).map_err(|_| "--hex input is not hex text".to_string())?;
            u8::from_str_radix(s, 16).map_err(|_| format!("--hex input has a bad digit pair {s:?}"))
        })
        .collect()
}

/// Writes a line to standard output; a closed pipe (`| head`) is not an
/// error worth a panic.
fn out(line: &str) {
    use std::io::Write;
    let mut o = std::io::stdout().lock();
    let _ = o
        .write_all(line.as_bytes())
        .and_then(|()| o.write_all(b"\n"));
}

/// Writes a line to standard error, ignoring a closed stream.
fn err(line: &str) {
    use std::io::Write;
    let mut o = std::io::stderr().lock();
    let _ = o
        .write_all(line.as_bytes())
        .and_then(|()| o.write_all(b"\n"));
}

fn hex_string(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(command) = args.first() else {
        return usage("no command");
    };
    match command.as_str() {
        "kinds" => {
            for k in KINDS {
                out(k.name);
            }
            return ExitCode::SUCCESS;
        }
        "decode" | "roundtrip" => {}
        "-h" | "--help" | "help" => {
            out(&format!("{USAGE}\n\nkinds:"));
            for k in KINDS {
                out(&format!("  {:<24} {}", k.name, k.what));
            }
            return ExitCode::SUCCESS;
        }
        other => return usage(&format!("unknown command {other:?}")),
    }
    let Some(kind_name) = args.get(1) else {
        return usage("no KIND given");
    };
    let Some(kind) = KINDS.iter().find(|k| k.name == kind_name) else {
        return usage(&format!(
            "unknown KIND {kind_name:?} (see `mapi-inspect kinds`)"
        ));
    };

    let mut opts = Options::default();
    let mut input: Option<String> = None;
    let mut rest = args.iter().skip(2);
    while let Some(a) = rest.next() {
        match a.as_str() {
            "--hex" => opts.hex = true,
            "--columns" => {
                let Some(list) = rest.next() else {
                    return usage("--columns needs a list of tags");
                };
                let tags: Option<Vec<_>> = list
                    .split(',')
                    .filter(|s| !s.trim().is_empty())
                    .map(parse_tag)
                    .collect();
                match tags {
                    Some(t) => opts.columns = t,
                    None => return usage("--columns takes hex tags such as 0x3001001F"),
                }
            }
            s if s.starts_with("--") => return usage(&format!("unknown option {s:?}")),
            path => {
                if input.is_some() {
                    return usage("more than one INPUT");
                }
                input = Some(path.to_string());
            }
        }
    }

    let raw = match input.as_deref() {
        None | Some("-") => {
            let mut v = Vec::new();
            if let Err(e) = std::io::stdin().read_to_end(&mut v) {
                err(&format!("error: cannot read standard input: {e}"));
                return ExitCode::from(2);
            }
            v
        }
        Some(path) => match std::fs::read(path) {
            Ok(v) => v,
            Err(e) => {
                err(&format!("error: cannot read {path}: {e}"));
                return ExitCode::from(2);
            }
        },
    };
    let bytes = if opts.hex {
        match parse_hex(&raw) {
            Ok(b) => b,
            Err(msg) => {
                err(&format!("error: {msg}"));
                return ExitCode::from(1);
            }
        }
    } else {
        raw
    };

    let (json, reencoded) = match (kind.run)(&bytes, &opts) {
        Ok(v) => v,
        Err(e) => {
            err(&format!("error: {e}"));
            return ExitCode::from(1);
        }
    };
    if command == "decode" {
        out(&json);
        return ExitCode::SUCCESS;
    }
    out(&hex_string(&reencoded));
    if same_content(kind.name, &bytes, &reencoded) {
        ExitCode::SUCCESS
    } else {
        let at = reencoded
            .iter()
            .zip(&bytes)
            .position(|(a, b)| a != b)
            .unwrap_or(reencoded.len().min(bytes.len()));
        err(&format!(
            "error: re-encoded bytes differ from the input at offset {at} ({} bytes in, {} out)",
            bytes.len(),
            reencoded.len()
        ));
        ExitCode::from(3)
    }
}
