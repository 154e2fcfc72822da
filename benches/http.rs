//! The HTTP level of MAPI/HTTP: the response stream of an Execute that
//! ran for a while (PROCESSING, 20 PENDING, DONE, the three additional
//! headers, a 32 KiB body), fed whole, in 1 KiB pieces and through the
//! chunked decoder, beside a plain memory copy of the same bytes; and the
//! head of an Execute request, parsed and written.
//!
//! Run: `cargo bench --bench http`

mod common;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use mapi_wire::data::Guid;
use mapi_wire::http::*;
use mapi_wire::wire::Encode;
use std::hint::black_box;

const PENDINGS: usize = 20;

fn fields() -> [Header<'static>; 3] {
    [
        Header::new("X-ResponseCode", b"0"),
        Header::new("X-ElapsedTime", b"301245"),
        Header::new("X-StartTime", b"Tue, 14 Oct 2025 09:12:44 GMT"),
    ]
}

/// A 32 KiB body with CR LF sprinkled through it.
fn body() -> Vec<u8> {
    (0..0x8000u32)
        .map(|i| if i % 97 == 0 { b'\r' } else { (i * 31) as u8 })
        .collect()
}

/// Feeds `pieces` through a fresh parser; returns the body bytes seen.
fn parse_stream<'p>(pieces: impl Iterator<Item = &'p [u8]>) -> u64 {
    let mut p = ResponseStream::new();
    for piece in pieces {
        let mut input = piece;
        while let Some(ev) = p.next_event(&mut input).unwrap() {
            black_box(ev);
        }
    }
    p.finish().unwrap();
    p.body_len()
}

fn bench_stream(c: &mut Criterion) {
    let fields = fields();
    let body = body();
    let inner = InnerStream::new(PENDINGS, HeaderBlock::from_slice(&fields), &body);
    let wire = inner.to_vec().unwrap();
    let mut chunked = Vec::new();
    let mut w = ResponseWriter::new(true, 15_000);
    w.processing(&mut chunked, 0).unwrap();
    for _ in 0..PENDINGS {
        w.pending(&mut chunked).unwrap();
    }
    w.done(&mut chunked, &inner.additional_headers).unwrap();
    for piece in body.chunks(4096) {
        w.body(&mut chunked, piece).unwrap();
    }
    w.finish(&mut chunked).unwrap();

    let mut g = c.benchmark_group("response_stream_32k");
    g.throughput(Throughput::Bytes(wire.len() as u64));
    common::memcpy_baseline(&mut g, &wire);
    g.bench_function(BenchmarkId::new("whole", wire.len()), |b| {
        b.iter(|| parse_stream(std::iter::once(black_box(wire.as_slice()))))
    });
    g.bench_function(BenchmarkId::new("pieces_1k", wire.len()), |b| {
        b.iter(|| parse_stream(black_box(&wire).chunks(1024)))
    });
    g.bench_function(BenchmarkId::new("inner_stream_parse", wire.len()), |b| {
        b.iter(|| {
            let s = InnerStream::parse(black_box(&wire), &HttpLimits::DEFAULT).unwrap();
            black_box(s.body.len())
        })
    });
    g.bench_function(
        BenchmarkId::new("chunked_wire_pieces_1k", chunked.len()),
        |b| {
            b.iter(|| {
                let mut dec = ChunkedDecoder::new();
                let mut p = ResponseStream::new();
                for piece in black_box(&chunked).chunks(1024) {
                    let mut input = piece;
                    while let Some(ev) = dec.next(&mut input).unwrap() {
                        if let ChunkEvent::Data(mut d) = ev {
                            while let Some(ev) = p.next_event(&mut d).unwrap() {
                                black_box(ev);
                            }
                        }
                    }
                }
                black_box(p.body_len())
            })
        },
    );
    g.bench_function(BenchmarkId::new("write_chunked", chunked.len()), |b| {
        let mut out = Vec::with_capacity(chunked.len());
        b.iter(|| {
            out.clear();
            let mut w = ResponseWriter::new(true, 15_000);
            w.processing(&mut out, 0).unwrap();
            for _ in 0..PENDINGS {
                w.pending(&mut out).unwrap();
            }
            w.done(&mut out, &inner.additional_headers).unwrap();
            for piece in black_box(&body).chunks(4096) {
                w.body(&mut out, piece).unwrap();
            }
            w.finish(&mut out).unwrap();
            black_box(&out);
        })
    });
    g.finish();
}

fn bench_head(c: &mut Criterion) {
    let g = Guid::from_fields(
        0x2EF3_3C39,
        0x49C8,
        0x421C,
        [0xB8, 0x76, 0xCD, 0xF7, 0xF2, 0xAC, 0x3A, 0xA0],
    );
    let head = MapiRequestHead {
        cookies: &[("MapiContext", "0123456789abcdef0123456789abcdef"), ("MapiSequence", "42")],
        content_length: 1024,
        extra: &[
            Header::new("Authorization", b"Negotiate YIIFtwYGKwYBBQUCoIIFqzCCBaegMDAuBgkqhkiC9xIBAgIGCSqGSIb3EgECAgYKKwYBBAGCNwICHgYKKwYBBAGCNwICCqKCBXEEggVt"),
            Header::new("User-Agent", b"Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17928; Pro)"),
        ],
        ..MapiRequestHead::new(
            RequestType::Execute,
            "/mapi/emsmdb/?MailboxId=9f4e5a1c-7d2b-4e8f-a6c3-1b2d3e4f5a6b@example.com",
            "outlook.example.com",
            GuidCounter::request_id(g, 1234),
            GuidCounter::client_info(g, 7),
            "Outlook/16.0.17928.20114",
        )
    };
    let bytes = head.to_vec().unwrap();

    let mut grp = c.benchmark_group("execute_request_head");
    grp.throughput(Throughput::Bytes(bytes.len() as u64));
    grp.bench_function(BenchmarkId::new("parse", bytes.len()), |b| {
        b.iter(|| {
            let (h, n) = RequestHead::parse(black_box(&bytes), &HttpLimits::DEFAULT)
                .unwrap()
                .unwrap();
            black_box((h.headers.len(), n))
        })
    });
    grp.bench_function(BenchmarkId::new("parse_and_validate", bytes.len()), |b| {
        b.iter(|| {
            let (h, _) = RequestHead::parse(black_box(&bytes), &HttpLimits::DEFAULT)
                .unwrap()
                .unwrap();
            black_box(MapiHeaders::parse(&h.headers).unwrap().check_request())
        })
    });
    grp.bench_function(BenchmarkId::new("write", bytes.len()), |b| {
        let mut out = Vec::with_capacity(bytes.len());
        b.iter(|| {
            out.clear();
            black_box(&head).encode(&mut out).unwrap();
            black_box(&out);
        })
    });
    grp.finish();
}

criterion_group!(benches, bench_stream, bench_head);
criterion_main!(benches);
