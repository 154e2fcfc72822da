//! A RopOpenMessage response with 20 recipients over Outlook-like
//! recipient columns (MS-OXCROPS 2.2.6.1.2): validating it, walking every
//! recipient's cells without allocating, decoding every RecipientRow, and
//! re-encoding; beside a plain memory copy of the same bytes. Also the
//! same rows in a RopReadRecipients response decoded without the columns
//! (framed only).
//!
//! Run: `cargo bench --bench rop_message`

mod common;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use mapi_wire::data::{PropertyTag, RecipientRow};
use mapi_wire::rop::{RopContext, RopFacts, RopResponse};
use mapi_wire::wire::{Decode, Encode};
use std::hint::black_box;

const RECIPIENTS: usize = 20;

/// Recipient columns like those Exchange returns for a message.
fn columns() -> Vec<PropertyTag> {
    vec![
        PropertyTag(0x0C15_0003), // PidTagRecipientType
        PropertyTag(0x0FFF_0102), // PidTagEntryId
        PropertyTag(0x300B_0102), // PidTagSearchKey
        PropertyTag(0x3000_0003), // PidTagRowid
        PropertyTag(0x39FE_001F), // PidTagSmtpAddress
        PropertyTag(0x3900_0003), // PidTagDisplayType
        PropertyTag(0x5FF6_001F), // PidTagRecipientDisplayName
        PropertyTag(0x5FFD_0003), // PidTagRecipientFlags
        PropertyTag(0x5FFF_0003), // PidTagRecipientTrackStatus
        PropertyTag(0x0E0F_000B), // PidTagResponsibility
    ]
}

fn utf16z(s: &str) -> Vec<u8> {
    let mut v: Vec<u8> = s.encode_utf16().flat_map(u16::to_le_bytes).collect();
    v.extend_from_slice(&[0, 0]);
    v
}

/// One RecipientRow (MS-OXCDATA 2.8.3.2): X500DN with E, D, T, S and U,
/// then a standard row over every column.
fn recipient_row(i: usize) -> Vec<u8> {
    let name = format!("Recipient Number {i:02}");
    let smtp = format!("recipient{i:02}@example.com");
    let mut v = vec![0xF9, 0x02]; // 0x02F9: X500DN | E | D | T | S | R | U
    v.extend_from_slice(&[0x00, 0x00]); // AddressPrefixUsed, DisplayType
    v.extend_from_slice(
        format!("/o=Contoso/ou=Exchange Administrative Group/cn=Recipients/cn=r{i:02}\0")
            .as_bytes(),
    );
    v.extend(utf16z(&smtp)); // EmailAddress
    v.extend(utf16z(&name)); // DisplayName
    v.extend(utf16z(&name)); // TransmittableDisplayName
    v.extend_from_slice(&10u16.to_le_bytes()); // RecipientColumnCount
    v.push(0x00); // standard row
    v.extend_from_slice(&1i32.to_le_bytes());
    v.extend_from_slice(&124u16.to_le_bytes());
    v.extend_from_slice(&[0x5A; 124]); // EntryID
    v.extend_from_slice(&30u16.to_le_bytes());
    v.extend_from_slice(&[0x3C; 30]); // SearchKey
    v.extend_from_slice(&(i as i32).to_le_bytes());
    v.extend(utf16z(&smtp));
    v.extend_from_slice(&0i32.to_le_bytes());
    v.extend(utf16z(&name));
    v.extend_from_slice(&1i32.to_le_bytes());
    v.extend_from_slice(&0i32.to_le_bytes());
    v.push(1);
    v
}

/// The RecipientRows field: RowCount, then each row framed by `head` and
/// RecipientRowSize.
fn rows(head: impl Fn(usize) -> Vec<u8>) -> Vec<u8> {
    let mut v = vec![RECIPIENTS as u8];
    for i in 0..RECIPIENTS {
        let row = recipient_row(i);
        v.extend(head(i));
        v.extend_from_slice(&(row.len() as u16).to_le_bytes());
        v.extend(row);
    }
    v
}

fn open_message_response(cols: &[PropertyTag]) -> Vec<u8> {
    let mut v = vec![0x03, 0x01, 0, 0, 0, 0]; // RopId, OutputHandleIndex, ReturnValue
    v.push(0); // HasNamedProperties
    v.push(4);
    v.extend(utf16z("RE: ")); // SubjectPrefix
    v.push(4);
    v.extend(utf16z("Quarterly planning, agenda and notes")); // NormalizedSubject
    v.extend_from_slice(&(RECIPIENTS as u16).to_le_bytes()); // RecipientCount
    v.extend_from_slice(&(cols.len() as u16).to_le_bytes());
    for c in cols {
        v.extend_from_slice(&c.0.to_le_bytes());
    }
    v.extend(rows(|i| vec![1 + (i % 3) as u8, 0xE4, 0x04, 0, 0]));
    v
}

fn read_recipients_response() -> Vec<u8> {
    let mut v = vec![0x0F, 0x01, 0, 0, 0, 0];
    v.extend(rows(|i| {
        let mut h = Vec::from((i as u32).to_le_bytes());
        h.extend_from_slice(&[1, 0xE4, 0x04, 0, 0]);
        h
    }));
    v
}

fn bench(c: &mut Criterion) {
    let cols = columns();
    let bytes = open_message_response(&cols);
    let cx = RopContext::default();
    let mut g = c.benchmark_group("open_message_20_recipients");
    g.throughput(Throughput::Bytes(bytes.len() as u64));

    common::memcpy_baseline(&mut g, &bytes);
    g.bench_function(BenchmarkId::new("decode", bytes.len()), |b| {
        b.iter(|| black_box(RopResponse::decode_exact(black_box(&bytes), cx).unwrap()))
    });
    g.bench_function(BenchmarkId::new("decode_walk_cells", bytes.len()), |b| {
        b.iter(|| {
            let r = RopResponse::decode_exact(black_box(&bytes), cx).unwrap();
            let RopResponse::OpenMessage(o) = &r else {
                unreachable!()
            };
            let mut n = 0usize;
            for row in o.ok().unwrap().recipient_rows.iter() {
                n += row
                    .with_properties(|h, cells| {
                        black_box(h.display_name);
                        cells.filter(|c| c.is_ok()).count()
                    })
                    .unwrap();
            }
            black_box(n)
        })
    });
    g.bench_function(
        BenchmarkId::new("decode_recipient_rows", bytes.len()),
        |b| {
            b.iter(|| {
                let r = RopResponse::decode_exact(black_box(&bytes), cx).unwrap();
                let RopResponse::OpenMessage(o) = &r else {
                    unreachable!()
                };
                let rows: Vec<RecipientRow<'_>> = o
                    .ok()
                    .unwrap()
                    .recipient_rows
                    .iter()
                    .map(|row| row.recipient_row().unwrap())
                    .collect();
                black_box(rows)
            })
        },
    );
    g.bench_function(BenchmarkId::new("encode", bytes.len()), |b| {
        let r = RopResponse::decode_exact(&bytes, cx).unwrap();
        let mut out = Vec::with_capacity(bytes.len());
        b.iter(|| {
            out.clear();
            black_box(&r)
                .encode_with(&mut out, RopFacts::default())
                .unwrap();
            black_box(&out);
        })
    });
    g.finish();

    let bytes = read_recipients_response();
    let mut g = c.benchmark_group("read_recipients_20_no_columns");
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    g.bench_function(BenchmarkId::new("decode_framed", bytes.len()), |b| {
        b.iter(|| black_box(RopResponse::decode_exact(black_box(&bytes), cx).unwrap()))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
