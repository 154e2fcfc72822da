//! The ROP decode hot path: one Execute round trip of a client opening a
//! folder and reading it, as one ROP input buffer and its ROP output buffer
//! (MS-OXCROPS 2.2.1):
//!
//! RopLogon (private) → RopOpenFolder → RopGetContentsTable →
//! RopSetColumns (10 columns) → RopQueryRows (50 rows) →
//! RopGetPropertiesSpecific (5 properties of the folder) → RopOpenStream →
//! RopReadStream (4 KiB).
//!
//! Measured on the output buffer (about 17 KiB), against a plain memory
//! copy of the same bytes:
//! - `memcpy`: copying the bytes into a buffer of the right size;
//! - `walk_paired`: the allocation-free [`ResponseWalker`], paired with the
//!   input buffer so that the rows get their columns (every row and value
//!   validated, nothing allocated);
//! - `decode_paired`: [`RopOutputBuffer`] (a `Vec` of responses);
//! - `decode_and_read_cells`: the same, then every cell of every row read
//!   through the lazy row view;
//! - `encode`: the decoded buffer written back into a reused `Vec`;
//! - `walk_requests` / `decode_requests`: the input buffer.
//!
//! Run: `cargo bench --bench rop_hot_path`

mod common;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group};
use mapi_wire::rop::*;
use mapi_wire::wire::{Decode, Encode, Reader};
use std::hint::black_box;

const ROWS: u16 = 50;

/// PtypInteger32, PtypBoolean, PtypInteger64, PtypTime, PtypString,
/// PtypString8, PtypBinary, PtypInteger16, PtypFloating64, PtypString.
const COLUMNS: [u32; 10] = [
    0x0E08_0003, // PidTagMessageSize
    0x0E1B_000B, // PidTagHasAttachments
    0x6748_0014, // PidTagFolderId
    0x0E06_0040, // PidTagMessageDeliveryTime
    0x0037_001F, // PidTagSubject
    0x001A_001E, // PidTagMessageClass (8-bit)
    0x0FFF_0102, // PidTagEntryId
    0x0017_0002, // PidTagImportance as a PtypInteger16 (construction)
    0x3FFA_0005, // a PtypFloating64 column (construction)
    0x0C1A_001F, // PidTagSenderName
];

fn u16le(v: &mut Vec<u8>, x: u16) {
    v.extend_from_slice(&x.to_le_bytes());
}

fn u32le(v: &mut Vec<u8>, x: u32) {
    v.extend_from_slice(&x.to_le_bytes());
}

fn utf16z(v: &mut Vec<u8>, s: &str) {
    for c in s.encode_utf16() {
        u16le(v, c);
    }
    u16le(v, 0);
}

fn fid(n: u8) -> [u8; 8] {
    [1, 0, 0, 0, 0, 0, 0, n]
}

/// RopSize, the RopsList, and the handle table.
fn buffer(rops: &[u8], handles: &[u32]) -> Vec<u8> {
    let mut b = Vec::new();
    u16le(&mut b, u16::try_from(rops.len() + 2).unwrap());
    b.extend_from_slice(rops);
    for &h in handles {
        u32le(&mut b, h);
    }
    b
}

fn requests() -> Vec<u8> {
    let mut r = Vec::new();
    // RopLogon (2.2.3.1.1): private, output slot 0.
    let essdn = b"/o=Contoso/ou=Exchange Administrative Group/cn=Recipients/cn=user1\0";
    r.extend_from_slice(&[0xFE, 0x00, 0x00, 0x01]);
    u32le(&mut r, 0x0100_040C);
    u32le(&mut r, 0);
    u16le(&mut r, essdn.len() as u16);
    r.extend_from_slice(essdn);
    // RopOpenFolder (2.2.4.1.1): slot 0 → slot 1, the Inbox.
    r.extend_from_slice(&[0x02, 0x00, 0x00, 0x01]);
    r.extend_from_slice(&fid(5));
    r.push(0x00);
    // RopGetContentsTable (2.2.4.14.1): slot 1 → slot 2.
    r.extend_from_slice(&[0x05, 0x00, 0x01, 0x02, 0x00]);
    // RopSetColumns (2.2.5.1.1) on slot 2.
    r.extend_from_slice(&[0x12, 0x00, 0x02, 0x00]);
    u16le(&mut r, COLUMNS.len() as u16);
    for t in COLUMNS {
        u32le(&mut r, t);
    }
    // RopQueryRows (2.2.5.4.1): forward, ROWS rows.
    r.extend_from_slice(&[0x15, 0x00, 0x02, 0x00, 0x01]);
    u16le(&mut r, ROWS);
    // RopGetPropertiesSpecific (2.2.8.3.1) on the folder, slot 1.
    let folder_tags = [
        0x3001_001F,
        0x3602_0003,
        0x3603_0003,
        0x360A_000B,
        0x6748_0014,
    ];
    r.extend_from_slice(&[0x07, 0x00, 0x01]);
    u16le(&mut r, 0); // PropertySizeLimit
    u16le(&mut r, 1); // WantUnicode
    u16le(&mut r, folder_tags.len() as u16);
    for t in folder_tags {
        u32le(&mut r, t);
    }
    // RopOpenStream (2.2.9.1.1): PidTagBody of slot 1 → slot 3, read-only.
    r.extend_from_slice(&[0x2B, 0x00, 0x01, 0x03]);
    u32le(&mut r, 0x1000_001F);
    r.push(0x00);
    // RopReadStream (2.2.9.2.1): 4096 bytes from slot 3.
    r.extend_from_slice(&[0x2C, 0x00, 0x03]);
    u16le(&mut r, 4096);
    r
}

fn query_rows_row(v: &mut Vec<u8>, i: u16) {
    v.push(0x00); // StandardPropertyRow (MS-OXCDATA 2.8.1.1)
    u32le(v, 1000 + u32::from(i) * 37);
    v.push(u8::from(i.is_multiple_of(3)));
    v.extend_from_slice(&(0x0001_0000_0000_0000u64 + u64::from(i)).to_le_bytes());
    v.extend_from_slice(&(0x01DB_0000_0000_0000u64 + u64::from(i) * 600_000_000).to_le_bytes());
    utf16z(v, &format!("Quarterly report, draft {i} — please review"));
    v.extend_from_slice(b"IPM.Note\0");
    u16le(v, 46);
    v.extend_from_slice(&[0x00; 4]);
    v.extend_from_slice(&[0xAB; 16]);
    v.extend_from_slice(&[0x01, 0x00]);
    v.extend_from_slice(&[0xCD; 24]);
    u16le(v, i % 3);
    v.extend_from_slice(&(f64::from(i) * 1.5).to_le_bytes());
    utf16z(v, "Jane Doe");
}

fn responses() -> Vec<u8> {
    let mut r = Vec::new();
    // RopLogon private success (2.2.3.1.2).
    r.extend_from_slice(&[0xFE, 0x00, 0, 0, 0, 0, 0x01]);
    for i in 1..=13 {
        r.extend_from_slice(&fid(i));
    }
    r.push(0x07);
    r.extend_from_slice(&[0xAA; 16]);
    r.extend_from_slice(&[0x01, 0x00]);
    r.extend_from_slice(&[0xBB; 16]);
    r.extend_from_slice(&[30, 15, 9, 2, 14, 5, 0xE8, 0x07]);
    r.extend_from_slice(&1u64.to_le_bytes());
    u32le(&mut r, 0);
    // RopOpenFolder success (2.2.4.1.2): no rules, not ghosted.
    r.extend_from_slice(&[0x02, 0x01, 0, 0, 0, 0, 0x00, 0x00]);
    // RopGetContentsTable success (2.2.4.14.2): 50 rows.
    r.extend_from_slice(&[0x05, 0x02, 0, 0, 0, 0]);
    u32le(&mut r, u32::from(ROWS));
    // RopSetColumns success (2.2.5.1.2): TableStatus complete.
    r.extend_from_slice(&[0x12, 0x02, 0, 0, 0, 0, 0x00]);
    // RopQueryRows success (2.2.5.4.2): Origin end of table.
    r.extend_from_slice(&[0x15, 0x02, 0, 0, 0, 0, 0x02]);
    u16le(&mut r, ROWS);
    for i in 0..ROWS {
        query_rows_row(&mut r, i);
    }
    // RopGetPropertiesSpecific success (2.2.8.3.2): one standard row.
    r.extend_from_slice(&[0x07, 0x01, 0, 0, 0, 0, 0x00]);
    utf16z(&mut r, "Inbox");
    u32le(&mut r, 50);
    u32le(&mut r, 7);
    r.push(0x01);
    r.extend_from_slice(&fid(5));
    // RopOpenStream success (2.2.9.1.2): 20,000 bytes.
    r.extend_from_slice(&[0x2B, 0x03, 0, 0, 0, 0]);
    u32le(&mut r, 20_000);
    // RopReadStream success (2.2.9.2.2): 4096 bytes.
    r.extend_from_slice(&[0x2C, 0x03, 0, 0, 0, 0]);
    u16le(&mut r, 4096);
    r.extend((0..4096u32).map(|i| (i % 251) as u8));
    r
}

fn bench(c: &mut Criterion) {
    let input = buffer(&requests(), &[0xFFFF_FFFF; 4]);
    let output = buffer(&responses(), &[0x21, 0x45, 0x46, 0x47]);
    let in_frame = RopFrame::read(&mut Reader::new(&input)).unwrap();
    let pairing = Pairing {
        rops_list: in_frame.rops_list,
        offset: in_frame.rops_offset,
        handles: in_frame.server_object_handle_table,
    };
    let cx = OutputContext::for_request(&input).unwrap();

    // The fixture decodes as intended: 8 responses, 50 rows of 10 typed
    // cells (no raw row bytes), a 4096-byte read.
    let decoded = RopOutputBuffer::decode_exact(&output, cx).unwrap();
    assert_eq!(decoded.rops.len(), 8);
    let RopResponse::QueryRows(q) = &decoded.rops[4] else {
        panic!("expected RopQueryRows")
    };
    let rows = q.ok().unwrap().row_data.rows().expect("typed rows");
    assert_eq!(rows.len(), usize::from(ROWS));
    let mut cells = 0;
    rows.for_each_row(|_, row| {
        for c in row {
            c.unwrap();
            cells += 1;
        }
    });
    assert_eq!(cells, usize::from(ROWS) * COLUMNS.len());
    let RopResponse::ReadStream(rs) = &decoded.rops[7] else {
        panic!("expected RopReadStream")
    };
    assert_eq!(rs.ok().unwrap().data.0.len(), 4096);
    assert_eq!(decoded.to_vec().unwrap(), output);

    let mut g = c.benchmark_group("rop_hot_path");
    g.throughput(Throughput::Bytes(output.len() as u64));
    let n = output.len();
    common::memcpy_baseline(&mut g, &output);
    g.bench_function(BenchmarkId::new("walk_paired", n), |b| {
        b.iter(|| {
            let frame = RopFrame::read(&mut Reader::new(black_box(&output))).unwrap();
            let mut count = 0;
            for r in ResponseWalker::new(frame, Some(pairing), None) {
                black_box(r.unwrap());
                count += 1;
            }
            assert_eq!(count, 8);
        })
    });
    g.bench_function(BenchmarkId::new("decode_paired", n), |b| {
        b.iter(|| black_box(RopOutputBuffer::decode_exact(black_box(&output), cx).unwrap()))
    });
    g.bench_function(BenchmarkId::new("decode_and_read_cells", n), |b| {
        b.iter(|| {
            let d = RopOutputBuffer::decode_exact(black_box(&output), cx).unwrap();
            let mut cells = 0usize;
            for rop in &d.rops {
                if let RopResponse::QueryRows(q) = rop
                    && let Some(rows) = q.ok().and_then(|s| s.row_data.rows())
                {
                    rows.for_each_row(|_, row| {
                        for cell in row {
                            black_box(cell.unwrap());
                            cells += 1;
                        }
                    });
                }
            }
            assert_eq!(cells, 500);
        })
    });
    g.bench_function(BenchmarkId::new("encode", n), |b| {
        let mut out = Vec::with_capacity(n);
        b.iter(|| {
            out.clear();
            black_box(&decoded).encode(&mut out).unwrap();
            black_box(&out);
        })
    });
    g.throughput(Throughput::Bytes(input.len() as u64));
    let n = input.len();
    g.bench_function(BenchmarkId::new("memcpy_requests", n), |b| {
        let mut dst = vec![0u8; n];
        b.iter(|| {
            dst.copy_from_slice(black_box(&input));
            black_box(&dst);
        })
    });
    g.bench_function(BenchmarkId::new("walk_requests", n), |b| {
        b.iter(|| {
            let frame = RopFrame::read(&mut Reader::new(black_box(&input))).unwrap();
            let mut count = 0;
            for r in RequestWalker::new(frame.rops_list, frame.rops_offset, LogonMap::default()) {
                black_box(r.unwrap());
                count += 1;
            }
            assert_eq!(count, 8);
        })
    });
    g.bench_function(BenchmarkId::new("decode_requests", n), |b| {
        b.iter(|| {
            black_box(RopInputBuffer::decode_exact(black_box(&input), LogonMap::default()).unwrap())
        })
    });
    g.finish();
}

/// `ROP_HOT_PATH_COUNT=OP:N` runs operation OP (`walk_paired`,
/// `decode_paired`, `decode_and_read_cells`, `encode`, `walk_requests`,
/// `walk_tiny`) N times without criterion, for instruction counts under
/// valgrind: the difference between two values of N divided by their
/// difference is the cost of one run, free of start-up costs.
fn count_mode(spec: &str) {
    let (op, n) = spec.split_once(':').expect("OP:N");
    let n: usize = n.parse().expect("N");
    let input = buffer(&requests(), &[0xFFFF_FFFF; 4]);
    let output = buffer(&responses(), &[0x21, 0x45, 0x46, 0x47]);
    let cx = OutputContext::for_request(&input).unwrap();
    let in_frame = RopFrame::read(&mut Reader::new(&input)).unwrap();
    let pairing = Pairing {
        rops_list: in_frame.rops_list,
        offset: in_frame.rops_offset,
        handles: in_frame.server_object_handle_table,
    };
    let decoded = RopOutputBuffer::decode_exact(&output, cx).unwrap();
    let mut out = Vec::with_capacity(output.len());
    // One RopGetContentsTable response: the fixed cost of a walk.
    let tiny = buffer(&[0x05, 0x00, 0, 0, 0, 0, 2, 0, 0, 0], &[0x21]);
    for _ in 0..n {
        match op {
            "walk_paired" => {
                let frame = RopFrame::read(&mut Reader::new(black_box(&output))).unwrap();
                for r in ResponseWalker::new(frame, Some(pairing), None) {
                    black_box(r.unwrap());
                }
            }
            "decode_paired" => {
                black_box(RopOutputBuffer::decode_exact(black_box(&output), cx).unwrap());
            }
            "decode_and_read_cells" => {
                let d = RopOutputBuffer::decode_exact(black_box(&output), cx).unwrap();
                if let RopResponse::QueryRows(q) = &d.rops[4]
                    && let Some(rows) = q.ok().and_then(|s| s.row_data.rows())
                {
                    rows.for_each_row(|_, row| row.for_each(|c| drop(black_box(c))));
                }
            }
            "encode" => {
                out.clear();
                black_box(&decoded).encode(&mut out).unwrap();
            }
            "walk_requests" => {
                let frame = RopFrame::read(&mut Reader::new(black_box(&input))).unwrap();
                for r in RequestWalker::new(frame.rops_list, frame.rops_offset, LogonMap::default())
                {
                    black_box(r.unwrap());
                }
            }
            "walk_tiny" => {
                let frame = RopFrame::read(&mut Reader::new(black_box(&tiny))).unwrap();
                for r in ResponseWalker::new(frame, None, None) {
                    black_box(r.unwrap());
                }
            }
            _ => panic!("unknown operation {op}"),
        }
    }
}

criterion_group!(benches, bench);

fn main() {
    if let Ok(spec) = std::env::var("ROP_HOT_PATH_COUNT") {
        count_mode(&spec);
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
