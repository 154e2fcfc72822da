//! Decoding and encoding EMSMDB bodies (MS-OXCMAPIHTTP 2.2.4): a large
//! Execute response (a 32 KiB RopBuffer, the size of one full extended
//! buffer, and an auxiliary buffer), and a Connect response with its
//! strings and auxiliary blocks. The body layer borrows the buffers, so its
//! cost should not grow with their size.
//!
//! Run: `cargo bench --bench emsmdb`

mod common;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use mapi_wire::data::{ErrorCode, String8, Utf16Str};
use mapi_wire::http::emsmdb::{
    AuxiliaryBuffer, ConnectResponse, ConnectSuccess, ExecuteFlags, ExecuteResponse,
    ExecuteSuccess, RopBuffer,
};
use mapi_wire::wire::{Decode, Encode};
use std::hint::black_box;

fn execute_response_bytes() -> Vec<u8> {
    // One RPC_HEADER_EXT (Last, uncompressed) and 32 KiB of ROP output.
    let mut rops = vec![0x00, 0x00, 0x04, 0x00, 0x00, 0x80, 0x00, 0x80];
    rops.extend((0..0x8000u32).map(|i| (i % 251) as u8));
    let aux = [0x5Au8; 96];
    ExecuteResponse::Success(ExecuteSuccess {
        status_code: ErrorCode::SUCCESS,
        error_code: ErrorCode::SUCCESS,
        flags: ExecuteFlags::empty(),
        rop_buffer: RopBuffer(&rops),
        auxiliary_buffer: AuxiliaryBuffer(&aux),
    })
    .to_vec()
    .unwrap()
}

fn connect_response_bytes() -> Vec<u8> {
    let aux = [0xA5u8; 512];
    ConnectResponse::Success(ConnectSuccess {
        status_code: ErrorCode::SUCCESS,
        error_code: ErrorCode::SUCCESS,
        polls_max: 60_000,
        retry_count: 6,
        retry_delay: 10_000,
        dn_prefix: String8::new(
            b"/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/",
        )
        .unwrap(),
        display_name: Utf16Str::from_str("Jane Dow (Contoso Sales, Northwind Office)"),
        auxiliary_buffer: AuxiliaryBuffer(&aux),
    })
    .to_vec()
    .unwrap()
}

fn bench(c: &mut Criterion) {
    for (name, bytes) in [
        ("execute_response_32k", execute_response_bytes()),
        ("connect_response", connect_response_bytes()),
    ] {
        let mut g = c.benchmark_group(name);
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        common::memcpy_baseline(&mut g, &bytes);
        if name.starts_with("execute") {
            g.bench_function(BenchmarkId::new("decode", bytes.len()), |b| {
                b.iter(|| black_box(ExecuteResponse::decode_exact(black_box(&bytes), ()).unwrap()))
            });
            let body = ExecuteResponse::decode_exact(&bytes, ()).unwrap();
            g.bench_function(BenchmarkId::new("encode", bytes.len()), |b| {
                let mut out = Vec::with_capacity(bytes.len());
                b.iter(|| {
                    out.clear();
                    black_box(&body).encode(&mut out).unwrap();
                    black_box(&out);
                })
            });
        } else {
            g.bench_function(BenchmarkId::new("decode", bytes.len()), |b| {
                b.iter(|| black_box(ConnectResponse::decode_exact(black_box(&bytes), ()).unwrap()))
            });
            g.bench_function(
                BenchmarkId::new("decode_and_read_strings", bytes.len()),
                |b| {
                    b.iter(|| {
                        let body = ConnectResponse::decode_exact(black_box(&bytes), ()).unwrap();
                        let ok = body.success().unwrap();
                        black_box(ok.display_name.chars().count() + ok.dn_prefix.as_bytes().len())
                    })
                },
            );
            let body = ConnectResponse::decode_exact(&bytes, ()).unwrap();
            g.bench_function(BenchmarkId::new("encode", bytes.len()), |b| {
                let mut out = Vec::with_capacity(bytes.len());
                b.iter(|| {
                    out.clear();
                    black_box(&body).encode(&mut out).unwrap();
                    black_box(&out);
                })
            });
        }
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
