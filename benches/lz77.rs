//! LZ77 + DIRECT2 (MS-OXCRPC 3.1.4.1.1.2) on a realistic 32 KiB payload: a
//! ROP output buffer holding one RopQueryRows response with a contents
//! table's worth of similar rows. Decompression and compression beside
//! independent implementations (rust-lzxpress's decompressor, xpress_rs's
//! compressor and decompressor) and a plain memory copy of the same bytes.
//! Throughput is counted in uncompressed bytes; the compression ratios are
//! printed before the measurements.
//!
//! Run: `cargo bench --bench lz77`

mod common;

use common::payloads::query_rows_output;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use mapi_wire::rpc::lz77::{self, Compressor, compress_bound};
use std::hint::black_box;

fn xpress_compress(data: &[u8]) -> Vec<u8> {
    xpress_rs::lz77::LZ77Compressor::new(data.to_vec())
        .compress()
        .unwrap()
}

fn bench(c: &mut Criterion) {
    let plain = query_rows_output(0x8000);
    let n = plain.len();
    let ours = lz77::compress_to_vec(&plain);
    let theirs = xpress_compress(&plain);
    assert_eq!(lz77::decompress_to_vec(&theirs, n).unwrap(), plain);
    assert_eq!(lzxpress::data::decompress(&ours).unwrap(), plain);
    eprintln!(
        "lz77: {n} bytes; mapi-wire {} bytes (ratio {:.2}), xpress_rs {} bytes (ratio {:.2})",
        ours.len(),
        n as f64 / ours.len() as f64,
        theirs.len(),
        n as f64 / theirs.len() as f64
    );

    let mut g = c.benchmark_group("lz77_queryrows_32k");
    g.throughput(Throughput::Bytes(n as u64));

    common::memcpy_baseline(&mut g, &plain);
    g.bench_function(BenchmarkId::new("decompress/mapi-wire", n), |b| {
        let mut dst = vec![0u8; n];
        b.iter(|| {
            lz77::decompress(black_box(&ours), &mut dst).unwrap();
            black_box(&dst);
        })
    });
    g.bench_function(BenchmarkId::new("decompress/rust-lzxpress", n), |b| {
        b.iter(|| black_box(lzxpress::data::decompress(black_box(&ours)).unwrap()))
    });
    g.bench_function(BenchmarkId::new("decompress/xpress_rs", n), |b| {
        b.iter(|| {
            black_box(
                xpress_rs::lz77::LZ77Decompressor::new(black_box(&ours).to_vec())
                    .decompress()
                    .unwrap(),
            )
        })
    });
    g.bench_function(BenchmarkId::new("compress/mapi-wire", n), |b| {
        let mut comp = Box::new(Compressor::new());
        let mut dst = vec![0u8; compress_bound(n)];
        b.iter(|| black_box(comp.compress(black_box(&plain), &mut dst).unwrap()))
    });
    g.bench_function(BenchmarkId::new("compress/mapi-wire-effort-4", n), |b| {
        let mut comp = Box::new(Compressor::with_effort(4));
        let mut dst = vec![0u8; compress_bound(n)];
        b.iter(|| black_box(comp.compress(black_box(&plain), &mut dst).unwrap()))
    });
    g.bench_function(BenchmarkId::new("compress/xpress_rs", n), |b| {
        b.iter(|| black_box(xpress_compress(black_box(&plain))))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
