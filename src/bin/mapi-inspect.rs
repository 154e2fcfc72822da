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
use mapi_wire::http::{
    BodyDecoders, Direction, Entity, HeaderBlock, HttpLimits, HttpRequest, HttpResponse,
    InnerStream, MapiHeaders, RequestType, ResponseCode,
};
use mapi_wire::wire::{Array, Decode, Encode, Error};
use std::io::Read;
use std::process::ExitCode;

/// What the options give the decoders.
#[derive(Default)]
struct Options {
    hex: bool,
    columns: Vec<PropertyTag>,
    request_type: Option<RequestType>,
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
        name: "http-request",
        what: "a whole MAPI/HTTP request: request line, headers, body, MS-OXCMAPIHTTP 2.2.2.1",
        run: http_request,
    },
    Kind {
        name: "http-response",
        what: "a whole MAPI/HTTP response: status line, headers, PROCESSING/PENDING/DONE stream, \
               additional headers, body (--request-type TYPE when it carries no X-RequestType), \
               MS-OXCMAPIHTTP 2.2.2.2, 2.2.7",
        run: http_response,
    },
];

/// Decodes one binary body of a request type: its JSON and its bytes
/// encoded again.
type BodyDecoder = fn(&[u8]) -> Decoded;

/// The decoders of the binary bodies, by request type and direction. The
/// EMSMDB and NSPI body kinds plug in here, e.g.
/// `.with(RequestType::Connect, Direction::Request, |b| run::<ConnectRequest<'_>>(b, ()))`;
/// a body without a decoder is shown as hex.
const BODY_DECODERS: BodyDecoders<BodyDecoder> = BodyDecoders::new();

/// The JSON and re-encoded bytes of a binary body: through its decoder
/// when there is one, as hex otherwise.
fn body_json(
    request_type: Option<RequestType>,
    direction: Direction,
    body: &[u8],
) -> Result<(serde_json::Value, Vec<u8>), Error> {
    let decoder = request_type.and_then(|t| BODY_DECODERS.get(t, direction));
    match decoder {
        Some(f) if !body.is_empty() => {
            let (json, bytes) = f(body)?;
            let value = serde_json::from_str(&json).unwrap_or(serde_json::Value::String(json));
            Ok((value, bytes))
        }
        _ => Ok((serde_json::Value::String(hex_string(body)), body.to_vec())),
    }
}

/// The message bytes with the body content replaced: the same framing, a
/// fresh Content-Length or one chunk.
fn with_content(head: &[u8], entity: &Entity<'_>, content: &[u8]) -> Vec<u8> {
    let mut out = head.to_vec();
    match entity {
        Entity::Chunked(c) => {
            let _ = mapi_wire::http::write_chunk(&mut out, content);
            out.extend_from_slice(b"0\r\n");
            let _ = c.trailer().encode(&mut out);
            out.extend_from_slice(b"\r\n");
        }
        _ => out.extend_from_slice(content),
    }
    out
}

/// The JSON of an `http-request`, fields in wire order.
#[derive(serde::Serialize)]
struct RequestJson<'a> {
    method: &'a str,
    target: &'a str,
    version: &'a str,
    headers: HeaderBlock<'a>,
    mapi_headers: MapiHeaders<'a>,
    request_type: Option<RequestType>,
    framing: &'static str,
    body: serde_json::Value,
}

/// The JSON of an `http-response`, fields in wire order.
#[derive(serde::Serialize)]
struct ResponseJson<'a, 'c> {
    version: &'a str,
    status: u16,
    reason: String,
    headers: HeaderBlock<'a>,
    mapi_headers: MapiHeaders<'a>,
    request_type: Option<RequestType>,
    framing: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    chunks: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    stream: Option<InnerStream<'c>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    additional: Option<MapiHeaders<'c>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    response_code: Option<ResponseCode>,
    #[serde(skip_serializing_if = "Option::is_none")]
    diagnostic: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    body: Option<serde_json::Value>,
}

fn http_request(input: &[u8], o: &Options) -> Decoded {
    let req = HttpRequest::decode_exact(input, ())?;
    let mapi = req.mapi_headers()?;
    let request_type = mapi.request_type().or(o.request_type);
    let content = req.entity.content();
    let (body, body_bytes) = body_json(request_type, Direction::Request, &content)?;
    let json = RequestJson {
        method: req.head.method,
        target: req.head.target,
        version: req.head.version,
        headers: req.head.headers,
        mapi_headers: mapi,
        request_type,
        framing: req.entity.framing(),
        body,
    };
    let bytes = if body_bytes.as_slice() == &*content {
        req.to_vec()?
    } else {
        with_content(&req.head.to_vec()?, &req.entity, &body_bytes)
    };
    Ok((pretty(&json), bytes))
}

fn http_response(input: &[u8], o: &Options) -> Decoded {
    let limits = HttpLimits::DEFAULT;
    let resp = HttpResponse::decode_exact(input, ())?;
    let mapi = resp.mapi_headers()?;
    let request_type = mapi.request_type().or(o.request_type);
    let content = resp.entity.content();
    let mut json = ResponseJson {
        version: resp.head.version,
        status: resp.head.status,
        reason: String::from_utf8_lossy(resp.head.reason).into_owned(),
        headers: resp.head.headers,
        mapi_headers: mapi,
        request_type,
        framing: resp.entity.framing(),
        chunks: match &resp.entity {
            Entity::Chunked(c) => Some(c.chunk_count()),
            _ => None,
        },
        stream: None,
        additional: None,
        response_code: mapi.response_code,
        diagnostic: None,
        body: None,
    };
    // Only a 200 response whose head does not already report a failure
    // carries the inner stream (MS-OXCMAPIHTTP 2.2.2.2, 2.2.3.2.2).
    let diagnostic = resp.head.status != 200
        || mapi.response_code.is_some_and(|c| !c.is_success())
        || mapi.content_type.is_some_and(|c| c.is_text_html());
    if diagnostic {
        json.diagnostic = Some(String::from_utf8_lossy(&content).into_owned());
        return Ok((pretty(&json), resp.to_vec()?));
    }
    let inner = resp.inner_stream(&content, &limits)?;
    let additional = inner
        .mapi_headers()
        .map_err(|e| e.in_field("HttpResponse"))?;
    // A code after DONE replaces the one of the head (3.2.5.2).
    let code = additional.response_code.or(mapi.response_code);
    let (body, body_bytes) = if code.is_none_or(|c| c.is_success()) {
        body_json(request_type, Direction::Response, inner.body)?
    } else {
        (
            String::from_utf8_lossy(inner.body).into(),
            inner.body.to_vec(),
        )
    };
    json.stream = Some(inner);
    json.additional = Some(additional);
    json.response_code = code;
    json.body = Some(body);
    let bytes = if body_bytes.as_slice() == inner.body {
        resp.to_vec()?
    } else {
        let mut new_content = content.get(..inner.prefix_len()).unwrap_or(&[]).to_vec();
        new_content.extend_from_slice(&body_bytes);
        with_content(&resp.head.to_vec()?, &resp.entity, &new_content)
    };
    Ok((pretty(&json), bytes))
}

fn pretty(v: &impl serde::Serialize) -> String {
    serde_json::to_string_pretty(v).unwrap_or_else(|e| format!("\"{e}\""))
}

const USAGE: &str =
    "usage: mapi-inspect decode KIND [INPUT] [--hex] [--columns TAG,TAG,...] [--request-type TYPE]
       mapi-inspect roundtrip KIND [INPUT] [--hex] [--columns TAG,TAG,...] [--request-type TYPE]
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
            "--request-type" => {
                let Some(t) = rest.next() else {
                    return usage("--request-type needs a request type such as Execute");
                };
                match RequestType::from_token(t.as_bytes()) {
                    Some(t) => opts.request_type = Some(t),
                    None => return usage(&format!("unknown request type {t:?}")),
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
    if reencoded == bytes {
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
