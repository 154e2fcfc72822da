//! `mapi-inspect`: decode, re-encode and list the structures mapi-wire
//! knows. The contract is `shared/CLI.md`; this file keeps it.
//!
//! ```text
//! mapi-inspect decode    KIND [INPUT] [OPTIONS]
//! mapi-inspect roundtrip KIND [INPUT] [OPTIONS]
//! mapi-inspect kinds
//! ```

use mapi_wire::data::{
    ActionBlock, ActionData, EntryId, PropertyProblemArray, PropertyRow, PropertyRowSet,
    PropertyTag, PropertyTagArray, RecipientRow, Restriction, RowContext, RuleAction, SortOrderSet,
    TaggedPropertyValue, ValueContext,
};
use mapi_wire::http::emsmdb::{
    ConnectRequest, ConnectResponse, DisconnectRequest, DisconnectResponse, ExecuteRequest,
    ExecuteResponse, NotificationWaitRequest, NotificationWaitResponse,
};
use mapi_wire::http::nspi::*;
use mapi_wire::http::{
    Direction, Entity, HeaderBlock, HttpLimits, HttpRequest, HttpResponse, InnerStream,
    MapiHeaders, RequestType, ResponseCode,
};
use mapi_wire::nspi::{AbContext, FilterForm};
use mapi_wire::rop::{
    ContextSource, LogonKind, LogonMap, OutputContext, RopContext, RopFacts, RopInputBuffer,
    RopOutputBuffer, RopRequest, RopResponse,
};
use mapi_wire::rpc::{
    AuxBlock, DecodedAuxBuffer, ExtBuffer, ExtChain, ExtFlags, RpcHeaderExt, lz77,
};
use mapi_wire::wire::{Array, Decode, Encode, Error, ErrorKind, Limits, Reader};
use std::borrow::Cow;
use std::io::Read;
use std::process::ExitCode;

/// What the options give the decoders.
#[derive(Default)]
struct Options {
    hex: bool,
    columns: Option<Vec<PropertyTag>>,
    nspi: AbContext,
    logon: Option<LogonKind>,
    request: Option<Vec<u8>>,
    request_type: Option<RequestType>,
}

impl Options {
    fn columns(&self) -> &[PropertyTag] {
        self.columns.as_deref().unwrap_or(&[])
    }

    fn logons(&self) -> LogonMap {
        let mut m = LogonMap::default();
        if let Some(kind) = self.logon {
            for id in 0..=255 {
                m.set(id, kind);
            }
        }
        m
    }

    fn facts(&self) -> RopFacts {
        RopFacts {
            logon: self.logon,
            ..RopFacts::default()
        }
    }

    /// The context `--columns` and `--logon` give one ROP.
    fn rop_context(&self) -> RopContext<'_> {
        let mut cx = RopContext {
            logon: self.logon,
            ..RopContext::default()
        };
        if let Some(c) = &self.columns {
            cx.columns = Some(Array::from_slice(c));
            cx.recipient_columns = Some(Array::from_slice(c));
        }
        cx
    }
}

/// `--columns` as the session's knowledge: the columns of every table and
/// the recipient columns of every message.
struct GivenColumns<'o>(&'o Options);

impl ContextSource for GivenColumns<'_> {
    fn logon(&self, _: u8) -> Option<LogonKind> {
        self.0.logon
    }
    fn table_columns(&self, _: u32) -> Option<&[PropertyTag]> {
        self.0.columns.as_deref()
    }
    fn recipient_columns(&self, _: u32) -> Option<&[PropertyTag]> {
        self.0.columns.as_deref()
    }
}

/// The outcome of one kind's decoder: the JSON document and the
/// re-encoded bytes.
type Decoded = Result<(String, Vec<u8>), Error>;

/// Decodes `input`, which must be consumed exactly, and re-encodes it.
fn run<'a, T>(input: &'a [u8], cx: <T as Decode<'a>>::Ctx) -> Decoded
where
    T: Decode<'a> + Encode<Ctx = <T as Decode<'a>>::Ctx> + serde::Serialize,
{
    run2::<T>(input, cx, cx)
}

/// [`run`] for types that decode and encode with different contexts.
fn run2<'a, T>(input: &'a [u8], dcx: <T as Decode<'a>>::Ctx, ecx: <T as Encode>::Ctx) -> Decoded
where
    T: Decode<'a> + Encode + serde::Serialize,
{
    let v = T::decode_exact(input, dcx)?;
    let bytes = v.to_vec_with(ecx)?;
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
        name: "rop-request",
        what: "one ROP request, MS-OXCROPS 2.2 (--logon)",
        run: |b, o| run2::<RopRequest<'_>>(b, o.rop_context(), o.facts()),
    },
    Kind {
        name: "rop-response",
        what: "one ROP response, MS-OXCROPS 2.2 (--columns, --logon, --request/--request-hex: a rop-request)",
        run: rop_response,
    },
    Kind {
        name: "rop-input-buffer",
        what: "RopSize + RopsList of requests + ServerObjectHandleTable, MS-OXCROPS 2.2.1 (--logon)",
        run: |b, o| run::<RopInputBuffer<'_>>(b, o.logons()),
    },
    Kind {
        name: "rop-output-buffer",
        what: "RopSize + RopsList of responses + ServerObjectHandleTable, MS-OXCROPS 2.2.1 (--columns, --logon, --request/--request-hex: a rop-input-buffer)",
        run: rop_output_buffer,
    },
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
        name: "rule-action",
        what: "a PtypRuleAction value in standard-rule form (2-byte counts), each ActionData typed, MS-OXORULE 2.2.5",
        run: |b, _| rule_action(b, ValueContext::Rop),
    },
    Kind {
        name: "rule-action-extended",
        what: "a PtypRuleAction value in extended-rule form (4-byte counts), each ActionData typed, MS-OXORULE 2.2.5",
        run: |b, _| rule_action(b, ValueContext::Extended),
    },
    Kind {
        name: "property-row",
        what: "one PropertyRow over --columns, MS-OXCDATA 2.8.1",
        run: |b, o| run::<PropertyRow<'_>>(b, RowContext::rop(Array::from_slice(o.columns()))),
    },
    Kind {
        name: "property-row-set",
        what: "a PropertyRowSet (RowCount + rows) over --columns, MS-OXCDATA 2.8.2",
        run: |b, o| run::<PropertyRowSet<'_>>(b, RowContext::rop(Array::from_slice(o.columns()))),
    },
    Kind {
        name: "recipient-row",
        what: "one RecipientRow over --columns (the recipient columns), MS-OXCDATA 2.8.3",
        run: |b, o| run::<RecipientRow<'_>>(b, RowContext::rop(Array::from_slice(o.columns()))),
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
        name: "connect-request",
        what: "a Connect request body, MS-OXCMAPIHTTP 2.2.4.1.1",
        run: |b, _| run::<ConnectRequest<'_>>(b, ()),
    },
    Kind {
        name: "connect-response",
        what: "a Connect response body (success or failure), MS-OXCMAPIHTTP 2.2.4.1.2, 2.2.4.1.3",
        run: |b, _| run::<ConnectResponse<'_>>(b, ()),
    },
    Kind {
        name: "execute-request",
        what: "an Execute request body, MS-OXCMAPIHTTP 2.2.4.2.1, with its ROP input buffers \
               and AUX blocks (--logon)",
        run: execute_request,
    },
    Kind {
        name: "execute-response",
        what: "an Execute response body (success or failure), MS-OXCMAPIHTTP 2.2.4.2.2, 2.2.4.2.3, \
               with its ROP output buffers and AUX blocks (--columns, --logon, \
               --request/--request-hex: an execute-request)",
        run: execute_response,
    },
    Kind {
        name: "disconnect-request",
        what: "a Disconnect request body (empty, or the 2.2.4.3.1 layout), MS-OXCMAPIHTTP 2.2.4.3.1",
        run: |b, _| run::<DisconnectRequest<'_>>(b, ()),
    },
    Kind {
        name: "disconnect-response",
        what: "a Disconnect response body (success or failure), MS-OXCMAPIHTTP 2.2.4.3.2, 2.2.4.3.3",
        run: |b, _| run::<DisconnectResponse<'_>>(b, ()),
    },
    Kind {
        name: "notificationwait-request",
        what: "a NotificationWait request body, MS-OXCMAPIHTTP 2.2.4.4.1",
        run: |b, _| run::<NotificationWaitRequest<'_>>(b, ()),
    },
    Kind {
        name: "notificationwait-response",
        what: "a NotificationWait response body (success or failure), MS-OXCMAPIHTTP 2.2.4.4.2, 2.2.4.4.3",
        run: |b, _| run::<NotificationWaitResponse<'_>>(b, ()),
    },
    Kind {
        name: "ext-input-buffer",
        what: "an Execute request RopBuffer: RPC_HEADER_EXT + payload pairs, MS-OXCRPC 2.2.2.1, \
               3.1.4.2.1, each payload a ROP input buffer (--logon)",
        run: ext_input_buffer,
    },
    Kind {
        name: "ext-output-buffer",
        what: "an Execute response RopBuffer: RPC_HEADER_EXT + payload pairs, MS-OXCRPC 2.2.2.1, \
               3.1.4.2.1, each payload a ROP output buffer (--columns, --logon, \
               --request/--request-hex: an ext-input-buffer)",
        run: ext_output_buffer,
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

/// The JSON and re-encoded bytes of a binary body: through the
/// `<type>-request` or `<type>-response` kind of its request type when
/// there is one, as hex otherwise. `at` maps an offset in `body` to an
/// offset in the whole message, so errors point into the input.
fn body_json(
    request_type: Option<RequestType>,
    direction: Direction,
    body: &[u8],
    o: &Options,
    at: impl Fn(usize) -> usize,
) -> Result<(serde_json::Value, Vec<u8>), Error> {
    let suffix = match direction {
        Direction::Request => "-request",
        Direction::Response => "-response",
    };
    let kind = request_type.and_then(|t| {
        all_kinds().find(|k| {
            k.name
                .strip_suffix(suffix)
                .is_some_and(|n| n == t.kind_name())
        })
    });
    match kind {
        Some(k) if !body.is_empty() => {
            let (json, bytes) = (k.run)(body, o).map_err(|e| {
                let off = e.offset();
                e.shifted(at(off).saturating_sub(off))
            })?;
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
    let body_offset = input.len().saturating_sub(req.entity.raw().len());
    let (body, body_bytes) = body_json(request_type, Direction::Request, &content, o, |n| {
        req.entity.wire_offset(body_offset, n)
    })?;
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
        let body_offset = input.len().saturating_sub(resp.entity.raw().len());
        let prefix = inner.prefix_len();
        body_json(request_type, Direction::Response, inner.body, o, |n| {
            resp.entity
                .wire_offset(body_offset, prefix.saturating_add(n))
        })?
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

/// The JSON of an Execute body: its own fields, then each extended buffer
/// of its RopBuffer with the ROP buffer it carries, then the AUX blocks.
#[derive(serde::Serialize)]
struct ExecuteJson<'b, B> {
    #[serde(flatten)]
    body: &'b B,
    #[serde(skip_serializing_if = "Option::is_none")]
    rop_buffers: Option<Vec<ExtJson>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    auxiliary_blocks: Option<serde_json::Value>,
}

/// One extended buffer (MS-OXCRPC 2.2.2.1): its header, the payload as
/// sent when it is compressed or obfuscated, and the ROP buffer the plain
/// payload holds.
#[derive(serde::Serialize)]
struct ExtJson {
    header: RpcHeaderExt,
    #[serde(skip_serializing_if = "Option::is_none")]
    wire: Option<String>,
    rops: serde_json::Value,
}

/// The offset of `part` in `whole`, when it is a sub-slice of it.
fn offset_in(whole: &[u8], part: &[u8]) -> usize {
    (part.as_ptr() as usize).saturating_sub(whole.as_ptr() as usize)
}

/// An extended buffer and its plain payload.
type Plain<'i> = (ExtBuffer<'i>, Cow<'i, [u8]>);

/// The extended buffers of the chain in `chain` (a sub-slice of `input`),
/// each with its plain payload.
fn ext_plains<'i>(input: &'i [u8], chain: &'i [u8]) -> Result<Vec<Plain<'i>>, Error> {
    let base = offset_in(input, chain);
    let mut r = Reader::at_offset(chain, base, Limits::DEFAULT);
    let chain = ExtChain::decode_from(&mut r, ()).map_err(|e| e.in_field("ExtendedBuffers"))?;
    r.finish().map_err(|e| e.in_field("ExtendedBuffers"))?;
    chain
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let plain = b
                .to_plain()
                .map_err(|e| e.at_index(i).in_field("ExtendedBuffers"))?;
            Ok((b, plain))
        })
        .collect()
}

/// A reader over a plain payload whose errors report offsets in the input:
/// exactly for a plain or obfuscated-only payload; for a compressed one,
/// [`payload_error`] moves them to the payload's first byte.
fn payload_reader<'p>(buf: &ExtBuffer<'_>, plain: &'p [u8]) -> Reader<'p> {
    Reader::at_offset(plain, buf.offset(), Limits::DEFAULT)
}

/// An error in payload `i` of the chain.
fn payload_error(i: usize, buf: &ExtBuffer<'_>, e: Error) -> Error {
    let e = if buf.header.flags.contains(ExtFlags::COMPRESSED) {
        e.relocated(buf.offset())
    } else {
        e
    };
    e.at_index(i).in_field("ExtendedBuffers")
}

/// Which ROP buffer the payloads of a chain hold.
#[derive(Clone, Copy)]
enum RopSide<'r> {
    /// ROP input buffers (an Execute request).
    Requests,
    /// ROP output buffers (an Execute response); the first is paired with
    /// the given ROP input buffer.
    Responses(Option<&'r [u8]>),
}

/// Decodes the chain of extended buffers in `chain` (a sub-slice of
/// `input`, empty for none) and the ROP buffer each payload holds. Returns
/// the JSON of each buffer and `input` with every payload whose
/// re-encoding differs replaced by that re-encoding (in plain form), so
/// that a round trip shows codec differences where they are.
fn rop_chain(
    input: &[u8],
    chain: &[u8],
    side: RopSide<'_>,
    o: &Options,
) -> Result<(Vec<ExtJson>, Vec<u8>), Error> {
    if chain.is_empty() {
        // RopBufferSize 0: a call that failed as a whole (ErrorCode).
        return Ok((Vec::new(), input.to_vec()));
    }
    let plains = ext_plains(input, chain)?;
    let given = GivenColumns(o);
    let logons = o.logons();
    let mut out = input.to_vec();
    let mut json = Vec::with_capacity(plains.len());
    let mut replace = Vec::new();
    for (i, (buf, plain)) in plains.iter().enumerate() {
        let fail = |e| payload_error(i, buf, e);
        let mut r = payload_reader(buf, plain);
        let (text, bytes) = match side {
            RopSide::Requests => {
                let v = RopInputBuffer::decode_from(&mut r, logons).map_err(fail)?;
                r.finish().map_err(fail)?;
                (pretty(&v), v.to_vec_with(logons).map_err(fail)?)
            }
            RopSide::Responses(request) => {
                let mut cx = match request {
                    Some(req) if i == 0 => {
                        OutputContext::for_request(req).map_err(|e| e.in_field("request"))?
                    }
                    _ => OutputContext::default(),
                };
                cx.logons = logons;
                if o.columns.is_some() || o.logon.is_some() {
                    cx.source = Some(&given);
                }
                let v = RopOutputBuffer::decode_from(&mut r, cx).map_err(fail)?;
                r.finish().map_err(fail)?;
                (pretty(&v), v.to_vec().map_err(fail)?)
            }
        };
        if bytes.as_slice() != &**plain {
            replace.push((buf.offset(), buf.payload.len(), bytes));
        }
        json.push(ExtJson {
            header: buf.header,
            wire: buf.is_transformed().then(|| hex_string(buf.payload)),
            rops: serde_json::from_str(&text).unwrap_or(serde_json::Value::String(text)),
        });
    }
    for (at, len, bytes) in replace.into_iter().rev() {
        out.splice(at..at + len, bytes);
    }
    Ok((json, out))
}

/// The first ROP input buffer of `--request` (an Execute request body, or
/// with `ext` its RopBuffer alone), in plain form.
fn request_rop_buffer(o: &Options, ext: bool) -> Result<Option<Vec<u8>>, Error> {
    let Some(req) = &o.request else {
        return Ok(None);
    };
    let fail = |e: Error| e.in_field("request");
    let chain = if ext {
        ExtChain::decode_exact(req, ()).map_err(fail)?
    } else {
        let body = ExecuteRequest::decode_exact(req, ()).map_err(fail)?;
        body.rop_buffer.chain().map_err(fail)?
    };
    match chain.iter().next() {
        Some(b) => Ok(Some(b.to_plain().map_err(fail)?.into_owned())),
        None => Ok(None),
    }
}

/// The JSON of the `ext-*` kinds.
#[derive(serde::Serialize)]
struct ChainJson {
    buffers: Vec<ExtJson>,
}

/// The `ext-input-buffer` kind: the chain and each ROP input buffer.
fn ext_input_buffer(input: &[u8], o: &Options) -> Decoded {
    let (buffers, bytes) = rop_chain(input, input, RopSide::Requests, o)?;
    if buffers.is_empty() {
        return Err(
            Error::new(ErrorKind::truncated(RpcHeaderExt::LEN, 0), 0).in_field("ExtendedBuffers")
        );
    }
    Ok((pretty(&ChainJson { buffers }), bytes))
}

/// The `ext-output-buffer` kind: the chain and each ROP output buffer, the
/// first paired with `--request` (an `ext-input-buffer`).
fn ext_output_buffer(input: &[u8], o: &Options) -> Decoded {
    let request = request_rop_buffer(o, true)?;
    let (buffers, bytes) = rop_chain(input, input, RopSide::Responses(request.as_deref()), o)?;
    if buffers.is_empty() {
        return Err(
            Error::new(ErrorKind::truncated(RpcHeaderExt::LEN, 0), 0).in_field("ExtendedBuffers")
        );
    }
    Ok((pretty(&ChainJson { buffers }), bytes))
}

/// The AUX blocks of an AuxiliaryBuffer (a sub-slice of `input`), or
/// `None` when it is empty.
fn aux_blocks(input: &[u8], aux: &[u8]) -> Result<Option<serde_json::Value>, Error> {
    if aux.is_empty() {
        return Ok(None);
    }
    let mut r = Reader::at_offset(aux, offset_in(input, aux), Limits::DEFAULT);
    let v = DecodedAuxBuffer::decode_from(&mut r, ())?;
    r.finish()?;
    Ok(Some(serde_json::to_value(&v).unwrap_or_default()))
}

/// The `execute-request` kind: the body, each ROP input buffer of its
/// RopBuffer and its AUX blocks.
fn execute_request(input: &[u8], o: &Options) -> Decoded {
    let body = ExecuteRequest::decode_exact(input, ())?;
    let fail = |e: Error| e.in_field("RopBuffer").in_field("ExecuteRequest");
    let (rop_buffers, bytes) =
        rop_chain(input, body.rop_buffer.as_bytes(), RopSide::Requests, o).map_err(fail)?;
    let auxiliary_blocks = aux_blocks(input, body.auxiliary_buffer.as_bytes())
        .map_err(|e| e.in_field("AuxiliaryBuffer").in_field("ExecuteRequest"))?;
    let json = ExecuteJson {
        body: &body,
        rop_buffers: Some(rop_buffers),
        auxiliary_blocks,
    };
    Ok((pretty(&json), bytes))
}

/// The `execute-response` kind: the body, each ROP output buffer of a
/// success body's RopBuffer (the first paired with the first input buffer
/// of `--request`, an Execute request body) and the AUX blocks.
fn execute_response(input: &[u8], o: &Options) -> Decoded {
    let body = ExecuteResponse::decode_exact(input, ())?;
    let request = request_rop_buffer(o, false)?;
    let (rop_buffers, bytes) = match body.success() {
        Some(s) => {
            let side = RopSide::Responses(request.as_deref());
            let (json, bytes) = rop_chain(input, s.rop_buffer.as_bytes(), side, o)
                .map_err(|e| e.in_field("RopBuffer").in_field("ExecuteResponse"))?;
            (Some(json), bytes)
        }
        None => (None, body.to_vec()?),
    };
    // Failure bodies from Exchange 2013 SP1 to 2016 SP1 carry AUX blocks
    // without their RPC_HEADER_EXT (MS-OXCMAPIHTTP 2.2.4.2.3, note <3>):
    // such a buffer is shown as bytes only.
    let aux = body.auxiliary_buffer();
    let auxiliary_blocks = match aux_blocks(input, aux.as_bytes()) {
        Ok(v) => v,
        Err(_) if body.failure().is_some() => None,
        Err(e) => return Err(e.in_field("AuxiliaryBuffer").in_field("ExecuteResponse")),
    };
    let json = ExecuteJson {
        body: &body,
        rop_buffers,
        auxiliary_blocks,
    };
    Ok((pretty(&json), bytes))
}

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

/// A RuleAction whose blocks show their ActionData typed as well as raw.
struct TypedRuleAction<'a>(Vec<(ActionBlock<'a>, ActionData<'a>)>);

impl serde::Serialize for TypedRuleAction<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        struct Block<'b, 'a>(&'b (ActionBlock<'a>, ActionData<'a>));
        impl serde::Serialize for Block<'_, '_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let (b, d) = self.0;
                let mut m = s.serialize_map(Some(5))?;
                m.serialize_entry("action_type", &b.action_type)?;
                m.serialize_entry("action_flavor", &b.action_flavor)?;
                m.serialize_entry("action_flags", &b.action_flags)?;
                m.serialize_entry("action_data", &b.action_data)?;
                m.serialize_entry("action_data_typed", d)?;
                m.end()
            }
        }
        let blocks: Vec<Block<'_, '_>> = self.0.iter().map(Block).collect();
        let mut m = s.serialize_map(Some(1))?;
        m.serialize_entry("action_blocks", &blocks)?;
        m.end()
    }
}

/// A PtypRuleAction value, every ActionData read as its typed structure
/// (a malformed ActionData is a malformed input).
fn rule_action(b: &[u8], cx: ValueContext) -> Decoded {
    let v = RuleAction::decode_exact(b, cx)?;
    let bytes = v.to_vec_with(cx)?;
    let blocks = v
        .action_blocks
        .iter()
        .enumerate()
        .map(|(i, blk)| {
            blk.action_data_typed(cx).map(|d| (blk, d)).map_err(|e| {
                // The block's data is a slice of the input: report where.
                let at = (blk.action_data.0.as_ptr() as usize).saturating_sub(b.as_ptr() as usize);
                e.shifted(at)
                    .at_index(i)
                    .in_field("action_blocks")
                    .in_field("RuleAction")
            })
        })
        .collect::<Result<Vec<_>, Error>>()?;
    let json = serde_json::to_string_pretty(&TypedRuleAction(blocks))
        .unwrap_or_else(|e| format!("\"{e}\""));
    Ok((json, bytes))
}

/// A response, with the context its request gives when `--request` is set.
fn rop_response(b: &[u8], o: &Options) -> Decoded {
    let base = o.rop_context();
    let cx = match &o.request {
        Some(req) => {
            let req = RopRequest::decode_exact(req, base)?;
            req.response_context(base)
        }
        None => base,
    };
    run2::<RopResponse<'_>>(b, cx, o.facts())
}

/// An output buffer, paired with its input buffer when `--request` is set.
fn rop_output_buffer(b: &[u8], o: &Options) -> Decoded {
    let given = GivenColumns(o);
    let mut cx = match &o.request {
        Some(req) => OutputContext::for_request(req)?,
        None => OutputContext::default(),
    };
    cx.logons = o.logons();
    if o.columns.is_some() || o.logon.is_some() {
        cx.source = Some(&given);
    }
    run2::<RopOutputBuffer<'_>>(b, cx, ())
}

/// Generates a `<type>-request` and a `<type>-response` kind for each NSPI
/// request type (MS-OXCMAPIHTTP 2.2.5).
macro_rules! nspi_kinds {
    ($($k:literal, $Req:ident, $Resp:ident;)*) => {
        &[$(
            Kind {
                name: concat!($k, "-request"),
                what: concat!("the ", $k, " request body, MS-OXCMAPIHTTP 2.2.5"),
                run: |b, o| run::<$Req<'_>>(b, o.nspi),
            },
            Kind {
                name: concat!($k, "-response"),
                what: concat!("the ", $k, " response body (success or failure), MS-OXCMAPIHTTP 2.2.5"),
                run: |b, o| run::<$Resp<'_>>(b, o.nspi),
            },
        )*]
    };
}

/// The 38 NSPI body kinds.
const NSPI_KINDS: &[Kind] = mapi_wire::nspi_request_types!(nspi_kinds);

/// Every kind: the table above, then the NSPI bodies.
fn all_kinds() -> impl Iterator<Item = &'static Kind> {
    KINDS.iter().chain(NSPI_KINDS)
}

const USAGE: &str = "usage: mapi-inspect decode KIND [INPUT] [OPTIONS]
       mapi-inspect roundtrip KIND [INPUT] [OPTIONS]
       mapi-inspect kinds
options: --hex  --columns TAG,TAG,...  --logon private|public
         --request FILE  --request-hex HEX
         --request-type TYPE             (http-response) the X-RequestType when the
                                         message does not carry one, e.g. Execute
         --nspi-element-flags on|off     (NSPI bodies) a byte before each element of
                                         multi-valued strings and binaries (default on)
         --nspi-filter standard|address-book|auto
                                         (NSPI bodies) the value form in GetMatches
                                         filters (default standard)";

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
            for k in all_kinds() {
                out(k.name);
            }
            return ExitCode::SUCCESS;
        }
        "decode" | "roundtrip" => {}
        "-h" | "--help" | "help" => {
            out(&format!("{USAGE}\n\nkinds:"));
            for k in all_kinds() {
                out(&format!("  {:<24} {}", k.name, k.what));
            }
            return ExitCode::SUCCESS;
        }
        other => return usage(&format!("unknown command {other:?}")),
    }
    let Some(kind_name) = args.get(1) else {
        return usage("no KIND given");
    };
    let Some(kind) = all_kinds().find(|k| k.name == kind_name) else {
        return usage(&format!(
            "unknown KIND {kind_name:?} (see `mapi-inspect kinds`)"
        ));
    };

    let mut opts = Options::default();
    let mut input: Option<String> = None;
    let mut request_file: Option<Vec<u8>> = None;
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
                    Some(t) => opts.columns = Some(t),
                    None => return usage("--columns takes hex tags such as 0x3001001F"),
                }
            }
            "--logon" => {
                opts.logon = match rest.next().map(String::as_str) {
                    Some("private") => Some(LogonKind::Private),
                    Some("public") => Some(LogonKind::Public),
                    _ => return usage("--logon takes private or public"),
                }
            }
            "--request" => {
                let Some(path) = rest.next() else {
                    return usage("--request needs a file");
                };
                match std::fs::read(path) {
                    Ok(v) => request_file = Some(v),
                    Err(e) => {
                        err(&format!("error: cannot read {path}: {e}"));
                        return ExitCode::from(2);
                    }
                }
            }
            "--request-hex" => {
                let Some(h) = rest.next() else {
                    return usage("--request-hex needs hex text");
                };
                match parse_hex(h.as_bytes()) {
                    Ok(v) => opts.request = Some(v),
                    Err(msg) => return usage(&msg),
                }
            }
            "--nspi-element-flags" => match rest.next().map(String::as_str) {
                Some("on") => opts.nspi.element_flags = true,
                Some("off") => opts.nspi.element_flags = false,
                _ => return usage("--nspi-element-flags takes on or off"),
            },
            "--nspi-filter" => {
                opts.nspi.filter_form = match rest.next().map(String::as_str) {
                    Some("standard") => FilterForm::Standard,
                    Some("address-book") => FilterForm::AddressBook,
                    Some("auto") => FilterForm::Auto,
                    _ => return usage("--nspi-filter takes standard, address-book or auto"),
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
    // A request file is raw bytes, or hex text under --hex, like INPUT.
    if let Some(raw) = request_file {
        if opts.hex {
            match parse_hex(&raw) {
                Ok(b) => opts.request = Some(b),
                Err(msg) => {
                    err(&format!("error: --request: {msg}"));
                    return ExitCode::from(1);
                }
            }
        } else {
            opts.request = Some(raw);
        }
    }
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
