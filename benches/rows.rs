//! Decoding a PropertyRowSet of 50 rows with mixed column types (the body
//! of a typical RopQueryRows response on a contents table), beside a plain
//! memory copy of the same bytes.
//!
//! Run: `cargo bench --bench rows`

mod common;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use mapi_wire::data::*;
use mapi_wire::wire::{Array, Bytes, Decode, Encode, Reader};
use std::hint::black_box;

/// A contents-table column set like Outlook's message list.
fn columns() -> Vec<PropertyTag> {
    vec![
        PropertyTag(0x6748_0014), // PidTagFolderId
        PropertyTag(0x674A_0014), // PidTagMid
        PropertyTag(0x674D_0014), // PidTagInstID
        PropertyTag(0x674E_0003), // PidTagInstanceNum
        PropertyTag(0x0037_001F), // PidTagSubject
        PropertyTag(0x0042_001F), // PidTagSentRepresentingName
        PropertyTag(0x0E06_0040), // PidTagMessageDeliveryTime
        PropertyTag(0x0E07_0003), // PidTagMessageFlags
        PropertyTag(0x0E08_0003), // PidTagMessageSize
        PropertyTag(0x0E1B_000B), // PidTagHasAttachments
        PropertyTag(0x0FFF_0102), // PidTagEntryId
        PropertyTag(0x001A_001F), // PidTagMessageClass
    ]
}

fn row_set_bytes(cols: &[PropertyTag]) -> Vec<u8> {
    let subjects: Vec<String> = (0..50)
        .map(|i| format!("Re: quarterly planning meeting notes #{i}"))
        .collect();
    let entry_id = [0x5Au8; 70];
    let mut rows = Vec::new();
    for (i, subject) in subjects.iter().enumerate() {
        let i = i as i64;
        let values = [
            PropertyValue::Integer64(0x0100_0000_0000_0001 + i),
            PropertyValue::Integer64(0x0200_0000_0000_0001 + i),
            PropertyValue::Integer64(0),
            PropertyValue::Integer32(0),
            PropertyValue::string(subject),
            PropertyValue::string("Alice Example"),
            PropertyValue::Time(FileTime::from_unix_seconds(1_700_000_000 + i * 60)),
            PropertyValue::Integer32(1),
            PropertyValue::Integer32(12_345 + i as i32),
            PropertyValue::Boolean(i % 3 == 0),
            PropertyValue::Binary(Bytes(&entry_id)),
            PropertyValue::string("IPM.Note"),
        ];
        // Every fifth row is flagged, with one missing column.
        let row = if i % 5 == 4 {
            PropertyRow::Flagged(
                values
                    .iter()
                    .enumerate()
                    .map(|(c, v)| {
                        FlaggedValue::Value(if c == 5 {
                            FlaggedPropertyValue::Error(ErrorCode::NOT_FOUND)
                        } else {
                            FlaggedPropertyValue::Value(*v)
                        })
                    })
                    .collect(),
            )
        } else {
            PropertyRow::Standard(values.iter().map(|v| StandardValue::Value(*v)).collect())
        };
        rows.push(row);
    }
    let set = PropertyRowSet { rows };
    set.to_vec_with(RowContext::rop(Array::from_slice(cols)))
        .unwrap()
}

fn bench(c: &mut Criterion) {
    let cols = columns();
    let bytes = row_set_bytes(&cols);
    let cx = RowContext::rop(Array::from_slice(&cols));
    let mut g = c.benchmark_group("row_set_50x12");
    g.throughput(Throughput::Bytes(bytes.len() as u64));

    common::memcpy_baseline(&mut g, &bytes);
    g.bench_function(BenchmarkId::new("decode", bytes.len()), |b| {
        b.iter(|| {
            let (set, _) = PropertyRowSet::decode_with(black_box(&bytes), cx).unwrap();
            black_box(set)
        })
    });
    g.bench_function(BenchmarkId::new("skip_no_alloc", bytes.len()), |b| {
        b.iter(|| {
            let mut r = Reader::new(black_box(&bytes));
            black_box(skip_row_set(&mut r, cx).unwrap())
        })
    });
    g.bench_function(BenchmarkId::new("encode", bytes.len()), |b| {
        let (set, _) = PropertyRowSet::decode_with(&bytes, cx).unwrap();
        let mut out = Vec::with_capacity(bytes.len());
        b.iter(|| {
            out.clear();
            black_box(&set).encode_with(&mut out, cx).unwrap();
            black_box(&out);
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
