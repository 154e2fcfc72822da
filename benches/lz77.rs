//! LZ77 + DIRECT2 (MS-OXCRPC 3.1.4.1.1.2) on a realistic 32 KiB payload: a
//! ROP output buffer holding one RopQueryRows response with a contents
//! table's worth of similar rows. Decompression and compression beside
//! independent implementations (rust-lzxpress's decompressor, xpress_rs's
//! compressor and decompressor) and a plain memory copy of the same bytes.
//! Throughput is counted in uncompressed bytes; the compression ratios are
//! printed before the measurements.
//!
//! Run: `cargo bench --bench lz77`

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use mapi_wire::data::*;
use mapi_wire::rpc::lz77::{self, Compressor, compress_bound};
use mapi_wire::wire::{Array, Bytes, Encode};
use std::hint::black_box;

/// RopSize, RopQueryRows response (RopId 0x15, InputHandleIndex,
/// ReturnValue, Origin, RowCount, rows), a one-entry handle table; as many
/// rows as fit in `target` bytes (MS-OXCROPS 2.2.1, 2.2.5.4.2).
fn query_rows_output(target: usize) -> Vec<u8> {
    let cols = [
        PropertyTag(0x6748_0014), // PidTagFolderId
        PropertyTag(0x674A_0014), // PidTagMid
        PropertyTag(0x0037_001F), // PidTagSubject
        PropertyTag(0x0042_001F), // PidTagSentRepresentingName
        PropertyTag(0x0E06_0040), // PidTagMessageDeliveryTime
        PropertyTag(0x0E07_0003), // PidTagMessageFlags
        PropertyTag(0x0E08_0003), // PidTagMessageSize
        PropertyTag(0x0FFF_0102), // PidTagEntryId
        PropertyTag(0x001A_001F), // PidTagMessageClass
    ];
    let cx = RowContext::rop(Array::from_slice(&cols));
    let senders = ["Alice Example", "Bob Builder", "Carol Jones", "Dan Smith"];
    let subjects: Vec<String> = (0..2000)
        .map(|i| format!("Re: quarterly planning meeting notes #{}", i * 7 % 113))
        .collect();
    let entry_ids: Vec<Vec<u8>> = (0..2000u32)
        .map(|i| {
            let mut e = vec![0, 0, 0, 0];
            e.extend_from_slice(&[0x5A; 16]);
            e.extend_from_slice(&[0x07, 0x00]);
            e.extend_from_slice(&[0x11; 22]);
            e.extend_from_slice(&(0x1000 + i).to_le_bytes());
            e
        })
        .collect();
    let mut rows = Vec::new();
    let mut body = Vec::new();
    for i in 0..2000usize {
        let values = [
            PropertyValue::Integer64(0x0001_0000_0000_0001),
            PropertyValue::Integer64(0x0001_0000_0010_0000 + i as i64),
            PropertyValue::string(&subjects[i]),
            PropertyValue::string(senders[i % 4]),
            PropertyValue::Time(FileTime::from_unix_seconds(1_700_000_000 + i as i64 * 97)),
            PropertyValue::Integer32(if i % 3 == 0 { 1 } else { 0 }),
            PropertyValue::Integer32(4096 + (i as i32 * 37) % 9000),
            PropertyValue::Binary(Bytes(&entry_ids[i])),
            PropertyValue::string("IPM.Note"),
        ];
        rows.push(PropertyRow::Standard(
            values.iter().map(|v| StandardValue::Value(*v)).collect(),
        ));
        let next = PropertyRowSet { rows: rows.clone() }
            .to_vec_with(cx)
            .unwrap();
        if 2 + 8 + next.len() + 4 > target {
            break;
        }
        body = next;
    }
    let mut rop = vec![0x15, 0x00, 0, 0, 0, 0, 0x02];
    rop.extend_from_slice(&body);
    let mut out = Vec::from(((2 + rop.len()) as u16).to_le_bytes());
    out.extend_from_slice(&rop);
    out.extend_from_slice(&[0x01, 0x00, 0x00, 0x00]);
    out
}

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

    g.bench_function(BenchmarkId::new("memcpy", n), |b| {
        let mut dst = vec![0u8; n];
        b.iter(|| {
            dst.copy_from_slice(black_box(&plain));
            black_box(&dst);
        })
    });
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
