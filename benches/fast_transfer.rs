//! The ICS download hot path (MS-OXCFXICS 3.3.4.3.1): a ROP output buffer
//! holding one RopFastTransferSourceGetBuffer response whose TransferBuffer
//! fills the 32 KiB payload, beside a plain copy of the same bytes (the
//! buffer decoded whole, and the response alone); and the
//! upload side's RopSynchronizationImportMessageChange request, whose
//! TaggedPropertyValues are validated on decode.
//!
//! Run: `cargo bench --bench fast_transfer`

mod common;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use mapi_wire::data::{FileTime, PropertyValue, TaggedPropertyValue};
use mapi_wire::rop::*;
use mapi_wire::wire::{Bytes, Decode, Encode, List};
use std::hint::black_box;

/// RopSize, one GetBuffer response (Partial, `n` stream bytes) and a
/// one-slot handle table.
fn get_buffer_output(n: usize) -> Vec<u8> {
    let stream: Vec<u8> = (0..n).map(|i| (i * 7 + 3) as u8).collect();
    let body = FastTransferSourceGetBufferBody::new(TransferStatus::PARTIAL, 3, 40, &stream)
        .expect("fits in TransferBufferSize");
    let rop = RopResponse::FastTransferSourceGetBuffer(Response::success(0, body));
    let rop_bytes = rop.to_vec_with(RopFacts::default()).unwrap();
    let mut out = Vec::with_capacity(rop_bytes.len() + 6);
    out.extend(((rop_bytes.len() + 2) as u16).to_le_bytes());
    out.extend(rop_bytes);
    out.extend([0x2A, 0, 0, 0]);
    out
}

fn import_message_change<'a>(values: &'a [TaggedPropertyValue<'a>]) -> Vec<u8> {
    RopRequest::SynchronizationImportMessageChange(SynchronizationImportMessageChangeRequest {
        logon_id: 0,
        input_handle_index: 1,
        output_handle_index: 2,
        import_flag: ImportFlag::empty(),
        property_values: List::from_slice(values),
    })
    .to_vec_with(RopFacts::default())
    .unwrap()
}

fn bench(c: &mut Criterion) {
    // 32 KiB payload: RopSize + 15-byte response + handle table.
    let bytes = get_buffer_output(0x8000 - 2 - 15 - 4);
    let mut g = c.benchmark_group("get_buffer_output_32k");
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    common::memcpy_baseline(&mut g, &bytes);
    g.bench_function(BenchmarkId::new("decode", bytes.len()), |b| {
        b.iter(|| {
            let out =
                RopOutputBuffer::decode_exact(black_box(&bytes), OutputContext::default()).unwrap();
            black_box(out)
        })
    });
    // The response alone, without the buffer walk around it.
    let rop = &bytes[2..bytes.len() - 4];
    g.bench_function(BenchmarkId::new("decode_rop_only", bytes.len()), |b| {
        b.iter(|| {
            let (r, _) = RopResponse::decode_with(black_box(rop), RopContext::default()).unwrap();
            black_box(r)
        })
    });
    g.bench_function(BenchmarkId::new("encode", bytes.len()), |b| {
        let out = RopOutputBuffer::decode_exact(&bytes, OutputContext::default()).unwrap();
        let mut dst = Vec::with_capacity(bytes.len());
        b.iter(|| {
            dst.clear();
            black_box(&out).encode_with(&mut dst, ()).unwrap();
            black_box(&dst);
        })
    });
    g.finish();

    // A message change header: source key, change key, predecessor change
    // list, last modification time, and a few ordinary properties.
    let key = [0x5Au8; 22];
    let pcl = [0x16u8; 23];
    let values = [
        TaggedPropertyValue::new(0x65E0, PropertyValue::Binary(Bytes(&key))),
        TaggedPropertyValue::new(0x65E2, PropertyValue::Binary(Bytes(&key))),
        TaggedPropertyValue::new(0x65E3, PropertyValue::Binary(Bytes(&pcl))),
        TaggedPropertyValue::new(
            0x3008,
            PropertyValue::Time(FileTime::from_unix_seconds(1_700_000_000)),
        ),
        TaggedPropertyValue::new(0x0037, PropertyValue::string("Quarterly planning notes")),
        TaggedPropertyValue::new(0x0E07, PropertyValue::Integer32(1)),
        TaggedPropertyValue::new(0x0E08, PropertyValue::Integer32(12_345)),
        TaggedPropertyValue::new(0x001A, PropertyValue::string("IPM.Note")),
    ];
    let req = import_message_change(&values);
    let mut g = c.benchmark_group("import_message_change_8_values");
    g.throughput(Throughput::Bytes(req.len() as u64));
    g.bench_function(BenchmarkId::new("decode", req.len()), |b| {
        b.iter(|| {
            let (r, _) = RopRequest::decode_with(black_box(&req), RopContext::default()).unwrap();
            black_box(r)
        })
    });
    g.bench_function(BenchmarkId::new("decode_and_iterate", req.len()), |b| {
        b.iter(|| {
            let (r, _) = RopRequest::decode_with(black_box(&req), RopContext::default()).unwrap();
            let RopRequest::SynchronizationImportMessageChange(m) = r else {
                unreachable!()
            };
            black_box(m.property_values.iter().count())
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
