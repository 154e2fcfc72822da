//! The inner response stream of MAPI/HTTP (MS-OXCMAPIHTTP 2.2.7, 3.2.5.2),
//! bare or inside a chunked body (RFC 7230 4.1), fed in pieces whose sizes
//! come from the input.
//!
//! Byte 0: bit 0 set means the data is a chunked body (decoded by
//! `ChunkedDecoder`, then parsed by `ResponseStream`); bits 1-4 give `k`,
//! the number of piece-size bytes that follow. Each of those `k` bytes is
//! a piece size (0 to 63, used in turn, cycling). The rest is the data.
//!
//! Oracles:
//! - feeding the data in those pieces gives exactly the events (body
//!   joined), PENDING count and final result (error text and offset
//!   included) of feeding it whole;
//! - the parser's line buffer never holds more than its capacity;
//! - bare mode: `InnerStream::parse` agrees with the incremental parser,
//!   and whatever it decodes encodes back to the same bytes;
//! - chunked mode: `ChunkedBody::parse` agrees with the decoder on success,
//!   and the chunks it walks join to the data the decoder delivered.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mapi_wire::http::{
    ChunkEvent, ChunkedBody, ChunkedDecoder, Event, HttpLimits, InnerStream, ResponseStream,
};
use mapi_wire::wire::Encode;

/// Line buffer of the parser; also its longest additional header.
const N: usize = 256;

#[derive(Debug, PartialEq, Eq)]
enum Ev {
    Processing,
    Pending,
    Done,
    Header(Vec<u8>, Vec<u8>, Vec<u8>, Vec<u8>, usize),
    HeadersEnd,
}

#[derive(Debug)]
struct Transcript {
    events: Vec<Ev>,
    body: Vec<u8>,
    /// The de-chunked bytes fed to the stream parser (how many depends on
    /// where an error stopped the feeding, so not compared).
    content: Vec<u8>,
    pending: u64,
    end: Result<(), String>,
}

impl PartialEq for Transcript {
    fn eq(&self, o: &Self) -> bool {
        (&self.events, &self.body, self.pending, &self.end)
            == (&o.events, &o.body, o.pending, &o.end)
    }
}

fn limits() -> HttpLimits {
    HttpLimits {
        max_line: N,
        max_headers: 16,
    }
}

fn record(t: &mut Transcript, ev: Event<'_>) {
    t.events.push(match ev {
        Event::Processing => Ev::Processing,
        Event::Pending => Ev::Pending,
        Event::Done => Ev::Done,
        Event::HeadersEnd => Ev::HeadersEnd,
        Event::Header(h) => Ev::Header(
            h.name.as_bytes().to_vec(),
            h.leading_ws.to_vec(),
            h.value.to_vec(),
            h.trailing_ws.to_vec(),
            h.offset,
        ),
        Event::Body(b) => {
            t.body.extend_from_slice(b);
            return;
        }
    });
}

/// Runs the stream parser over `data` (inner-stream bytes), in place.
fn feed_stream(p: &mut ResponseStream<N>, t: &mut Transcript, mut data: &[u8]) -> bool {
    t.content.extend_from_slice(data);
    loop {
        match p.next_event(&mut data) {
            Ok(Some(ev)) => record(t, ev),
            Ok(None) => {
                assert!(data.is_empty(), "input left over");
                assert!(p.buffered() <= N);
                return true;
            }
            Err(e) => {
                t.end = Err(format!("{e} / {:?}", e.kind()));
                return false;
            }
        }
    }
}

fn run<'a>(chunked: bool, pieces: impl Iterator<Item = &'a [u8]>) -> Transcript {
    let mut t = Transcript {
        events: Vec::new(),
        body: Vec::new(),
        content: Vec::new(),
        pending: 0,
        end: Ok(()),
    };
    let mut p: ResponseStream<N> = ResponseStream::with_limits(limits());
    let mut dec = ChunkedDecoder::with_limits(limits());
    for piece in pieces {
        if !chunked {
            if !feed_stream(&mut p, &mut t, piece) {
                return t;
            }
            continue;
        }
        let mut input = piece;
        loop {
            match dec.next(&mut input) {
                Ok(Some(ChunkEvent::Data(d))) => {
                    if !feed_stream(&mut p, &mut t, d) {
                        return t;
                    }
                }
                Ok(Some(_)) => {}
                Ok(None) => break,
                Err(e) => {
                    t.end = Err(format!("{e} / {:?}", e.kind()));
                    return t;
                }
            }
        }
    }
    t.pending = p.pending_count();
    let end = if chunked { dec.finish() } else { Ok(()) };
    t.end = end
        .and_then(|()| p.finish())
        .map_err(|e| format!("{e} / {:?}", e.kind()));
    t
}

fuzz_target!(|input: &[u8]| {
    let Some((&mode, rest)) = input.split_first() else {
        return;
    };
    let chunked = mode & 1 != 0;
    let k = usize::from((mode >> 1) & 0x0F).min(rest.len());
    let (sizes, data) = rest.split_at(k);

    let whole = run(chunked, std::iter::once(data));

    let mut pieces = Vec::new();
    let mut at = 0;
    let mut i = 0;
    while at < data.len() {
        let size = sizes
            .get(i % sizes.len().max(1))
            .map_or(data.len(), |&s| usize::from(s & 0x3F));
        let end = (at + size).min(data.len());
        pieces.push(&data[at..end]);
        at = end;
        i += 1;
        if i > 4 * data.len() + 8 {
            // Only zero-size pieces: give the rest in one.
            pieces.push(&data[at..]);
            break;
        }
    }
    let split = run(chunked, pieces.into_iter());
    assert_eq!(split, whole, "pieces disagree with the whole input");

    if chunked {
        match ChunkedBody::parse(data, 0, &limits()) {
            Ok((body, _)) => {
                if let Err(e) = &whole.end {
                    assert!(!e.starts_with("ChunkedBody"), "decoder refused: {e}");
                } else {
                    let joined: Vec<u8> = body.chunks().flatten().copied().collect();
                    assert_eq!(joined, whole.content, "chunks vs decoder");
                    assert_eq!(body.content_len(), joined.len());
                }
            }
            Err(e) => {
                assert!(e.offset() <= data.len());
                let _ = format!("{e:?}");
            }
        }
    } else {
        match InnerStream::parse(data, &limits()) {
            Ok(s) => {
                assert_eq!(
                    whole.end,
                    Ok(()),
                    "InnerStream accepted what the parser refused"
                );
                assert_eq!(s.pending as u64, whole.pending);
                assert_eq!(s.body, whole.body.as_slice());
                assert_eq!(s.encoded_len(), data.len());
                assert_eq!(s.to_vec().unwrap(), data, "InnerStream re-encoding");
                let _ = s.done_headers();
            }
            Err(e) => {
                assert_eq!(whole.end, Err(format!("{e} / {:?}", e.kind())));
                assert!(e.offset() <= data.len());
            }
        }
    }
});
