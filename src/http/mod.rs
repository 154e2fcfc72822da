//! MAPI over HTTP ([MS-OXCMAPIHTTP]): the HTTP envelope of every request
//! and response, and the request and response bodies of the mailbox
//! ([`emsmdb`], 2.2.4) and address book ([`nspi`], 2.2.5) endpoints.
//!
//! [MS-OXCMAPIHTTP]: https://learn.microsoft.com/en-us/openspecs/exchange_server_protocols/ms-oxcmapihttp/
//!
//! The codec never opens a socket: it turns bytes into values and values
//! into bytes, and its incremental parsers take input in pieces of any
//! size (sans-IO, in the manner of `httparse` and `quinn-proto`).
//!
//! - [`RequestType`] and [`Endpoint`]: the X-RequestType values of the
//!   mailbox and address book endpoints (2.2.3.3.1).
//! - [`Header`], [`HeaderBlock`], [`MapiHeaders`] and the typed values
//!   ([`ResponseCode`], [`GuidCounter`], [`AppVersion`], [`HttpDate`],
//!   [`ContentType`], [`Cookies`]): the header fields of 2.2.3.
//! - [`RequestHead`], [`ResponseHead`]: the HTTP head, read incrementally;
//!   [`MapiRequestHead`], [`MapiResponseHead`]: the head a client or a
//!   server writes.
//! - [`ResponseStream`]: the incremental parser of the PROCESSING /
//!   PENDING / DONE stream, its additional headers and the binary body
//!   (2.2.7, 3.2.5.2); [`InnerStream`], the same stream whole;
//!   [`ResponseWriter`], its writer for servers.
//! - [`ChunkedDecoder`], [`write_chunk`]: the chunked transfer coding,
//!   kept apart from the stream as 3.1.5.6 asks.
//! - [`HttpRequest`], [`HttpResponse`]: whole messages, for captures and
//!   the `http-request` / `http-response` kinds of `mapi-inspect`;
//!   [`BodyDecoders`], the table through which body decoders plug in.
//!
//! A proxy that sees a response on the wire runs the three layers in turn:
//!
//! ```
//! use mapi_wire::http::{ChunkEvent, ChunkedDecoder, Event, HttpLimits, ResponseHead, ResponseStream};
//!
//! let wire: &[u8] = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX-RequestType: Execute\r\n\r\n\
//!     C\r\nPROCESSING\r\n\r\n9\r\nPENDING\r\n\r\n1B\r\nDONE\r\nX-ResponseCode: 0\r\n\r\n\r\n\
//!     4\r\n\x00\x00\x00\x00\r\n0\r\n\r\n";
//! let (head, used) = ResponseHead::parse(wire, &HttpLimits::DEFAULT).unwrap().unwrap();
//! assert_eq!(head.status, 200);
//! let mut chunks = ChunkedDecoder::new();
//! let mut stream = ResponseStream::new();
//! let mut body = Vec::new();
//! let mut rest = &wire[used..];
//! while let Some(ev) = chunks.next(&mut rest).unwrap() {
//!     if let ChunkEvent::Data(mut data) = ev {
//!         while let Some(ev) = stream.next_event(&mut data).unwrap() {
//!             if let Event::Body(b) = ev {
//!                 body.extend_from_slice(b);
//!             }
//!         }
//!     }
//! }
//! chunks.finish().unwrap();
//! stream.finish().unwrap();
//! assert_eq!((stream.pending_count(), body.len()), (1, 4));
//! ```

mod chunked;
pub mod emsmdb;
mod head;
mod header;
mod message;
pub mod nspi;
mod request_type;
mod stream;
mod text;

pub use chunked::{ChunkEvent, ChunkedDecoder, LAST_CHUNK, chunk_len, write_chunk};
pub use head::{Framing, MapiRequestHead, MapiResponseHead, RequestHead, ResponseHead};
pub use header::{
    AppVersion, ContentType, Cookies, GuidCounter, Header, HeaderBlock, Headers, HttpDate,
    MAPI_HTTP, MAX_DEVICE_INFO, MapiHeaders, ResponseCode, TEXT_HTML, names,
};
pub use message::{BodyDecoders, ChunkedBody, Direction, Entity, HttpRequest, HttpResponse};
pub use request_type::{Endpoint, RequestType};
pub use stream::{
    DoneHeaders, Event, InnerStream, MetaTag, Phase, ResponseStream, ResponseWriter, WriterPhase,
};
pub use text::HttpLimits;
