//! The first round trip of an Outlook session (MS-OXCROPS 2.2.3, 2.2.4):
//! RopLogon (private mailbox), RopGetReceiveFolder, RopOpenFolder,
//! RopGetHierarchyTable and RopGetContentsTable, as one input buffer and
//! one output buffer. The responses are walked with the requests (so that
//! the RopLogon response gets its logon kind) and re-encoded.
//!
//! Run: `cargo bench --bench rop_store_folder`

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use mapi_wire::rop::*;
use mapi_wire::wire::{Decode, Encode, Reader};
use std::hint::black_box;

fn fid(n: u8) -> [u8; 8] {
    [1, 0, 0, 0, 0, 0, 0, n]
}

/// RopSize, the RopsList and a handle table of `handles` slots.
fn buffer(rops: &[u8], handles: usize) -> Vec<u8> {
    let mut b = Vec::from(((rops.len() + 2) as u16).to_le_bytes());
    b.extend_from_slice(rops);
    for h in 0..handles {
        b.extend_from_slice(&(0x100 + h as u32).to_le_bytes());
    }
    b
}

fn requests() -> Vec<u8> {
    let essdn =
        b"/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=user1\0";
    let mut r = vec![0xFE, 0x00, 0x00, 0x01];
    r.extend_from_slice(&0x0100_040Cu32.to_le_bytes());
    r.extend_from_slice(&0u32.to_le_bytes());
    r.extend_from_slice(&(essdn.len() as u16).to_le_bytes());
    r.extend_from_slice(essdn);
    r.extend_from_slice(b"\x27\x00\x00IPM.Note\x00");
    r.extend_from_slice(&[0x02, 0x00, 0x00, 0x01]);
    r.extend_from_slice(&fid(5));
    r.push(0x00);
    r.extend_from_slice(&[0x04, 0x00, 0x01, 0x02, 0x04]);
    r.extend_from_slice(&[0x05, 0x00, 0x01, 0x03, 0x00]);
    r
}

fn responses() -> Vec<u8> {
    let mut r = vec![0xFE, 0x00, 0, 0, 0, 0, 0x01];
    for i in 1..=13 {
        r.extend_from_slice(&fid(i));
    }
    r.push(0x07);
    r.extend_from_slice(&[0xAA; 16]);
    r.extend_from_slice(&[0x01, 0x00]);
    r.extend_from_slice(&[0xBB; 16]);
    r.extend_from_slice(&[30, 15, 9, 2, 14, 5, 0xE8, 0x07]);
    r.extend_from_slice(&1u64.to_le_bytes());
    r.extend_from_slice(&0x0100_0000u32.to_le_bytes());
    r.extend_from_slice(&[0x27, 0x00, 0, 0, 0, 0]);
    r.extend_from_slice(&fid(5));
    r.extend_from_slice(b"IPM\x00");
    r.extend_from_slice(&[0x02, 0x01, 0, 0, 0, 0, 0x00, 0x00]);
    r.extend_from_slice(&[0x04, 0x02, 0, 0, 0, 0, 0x15, 0, 0, 0]);
    r.extend_from_slice(&[0x05, 0x03, 0, 0, 0, 0, 0x2A, 0, 0, 0]);
    r
}

fn bench(c: &mut Criterion) {
    let input = buffer(&requests(), 4);
    let output = buffer(&responses(), 4);
    let in_frame = RopFrame::read(&mut Reader::new(&input)).unwrap();

    let mut g = c.benchmark_group("logon_round_trip");
    g.throughput(Throughput::Bytes(input.len() as u64));
    g.bench_function(BenchmarkId::new("walk_requests", input.len()), |b| {
        b.iter(|| {
            let frame = RopFrame::read(&mut Reader::new(black_box(&input))).unwrap();
            let mut n = 0;
            for r in RequestWalker::new(frame.rops_list, frame.rops_offset, LogonMap::default()) {
                black_box(r.unwrap());
                n += 1;
            }
            assert_eq!(n, 5);
        })
    });
    g.bench_function(
        BenchmarkId::new("walk_responses_paired", output.len()),
        |b| {
            b.iter(|| {
                let frame = RopFrame::read(&mut Reader::new(black_box(&output))).unwrap();
                let pairing = Pairing {
                    rops_list: in_frame.rops_list,
                    offset: in_frame.rops_offset,
                    handles: in_frame.server_object_handle_table,
                };
                let mut n = 0;
                for r in ResponseWalker::new(frame, Some(pairing), None) {
                    black_box(r.unwrap());
                    n += 1;
                }
                assert_eq!(n, 5);
            })
        },
    );
    // The RopLogon response alone (166 bytes), with its logon kind.
    let logon = &responses()[..166];
    g.throughput(Throughput::Bytes(logon.len() as u64));
    g.bench_function(
        BenchmarkId::new("decode_logon_response", logon.len()),
        |b| {
            let cx = RopContext::default().with_logon(LogonKind::Private);
            b.iter(|| black_box(RopResponse::decode_with(black_box(logon), cx).unwrap()))
        },
    );
    g.throughput(Throughput::Bytes(output.len() as u64));
    g.bench_function(BenchmarkId::new("encode_responses", output.len()), |b| {
        let frame = RopFrame::read(&mut Reader::new(&output)).unwrap();
        let decoded: Vec<RopResponse<'_>> = ResponseWalker::new(frame, None, None)
            .map(|r| r.unwrap())
            .collect();
        let facts = RopFacts::default();
        let mut out = Vec::with_capacity(output.len());
        b.iter(|| {
            out.clear();
            for r in black_box(&decoded) {
                r.encode_with(&mut out, facts).unwrap();
            }
            black_box(&out);
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
