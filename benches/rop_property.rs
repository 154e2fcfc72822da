//! The property and stream ROPs on Outlook's hot path (MS-OXCROPS 2.2.8,
//! 2.2.9): a RopGetPropertiesSpecific response over 16 message properties
//! (decoded with the request's tags, and walked through a buffer pair), a
//! RopSetProperties request of 16 values, and a RopReadStream response
//! carrying a 30,000-byte chunk, beside a memory copy of that chunk.
//!
//! Run: `cargo bench --bench rop_property`

mod common;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use mapi_wire::data::*;
use mapi_wire::rop::*;
use mapi_wire::wire::{Array, Bytes, Decode, Encode, List, Reader};
use std::hint::black_box;

/// The properties a client reads when it opens a message.
fn tags() -> Vec<PropertyTag> {
    vec![
        PropertyTag(0x0037_001F), // PidTagSubject
        PropertyTag(0x0042_001F), // PidTagSentRepresentingName
        PropertyTag(0x0065_001F), // PidTagSentRepresentingEmailAddress
        PropertyTag(0x0E06_0040), // PidTagMessageDeliveryTime
        PropertyTag(0x0039_0040), // PidTagClientSubmitTime
        PropertyTag(0x0E07_0003), // PidTagMessageFlags
        PropertyTag(0x0E08_0003), // PidTagMessageSize
        PropertyTag(0x0E1B_000B), // PidTagHasAttachments
        PropertyTag(0x0017_0003), // PidTagImportance
        PropertyTag(0x0036_0003), // PidTagSensitivity
        PropertyTag(0x001A_001F), // PidTagMessageClass
        PropertyTag(0x0FFF_0102), // PidTagEntryId
        PropertyTag(0x65E2_0102), // PidTagChangeKey
        PropertyTag(0x3FDE_0003), // PidTagInternetCodepage
        PropertyTag(0x1000_0000), // PidTagBody, PtypUnspecified
        PropertyTag(0x8503_000B), // a named property
    ]
}

fn values(entry_id: &[u8]) -> Vec<PropertyValue<'_>> {
    vec![
        PropertyValue::string("Re: quarterly planning meeting notes"),
        PropertyValue::string("Alice Example"),
        PropertyValue::string("alice@example.com"),
        PropertyValue::Time(FileTime::from_unix_seconds(1_700_000_000)),
        PropertyValue::Time(FileTime::from_unix_seconds(1_699_999_940)),
        PropertyValue::Integer32(1),
        PropertyValue::Integer32(48_213),
        PropertyValue::Boolean(true),
        PropertyValue::Integer32(1),
        PropertyValue::Integer32(0),
        PropertyValue::string("IPM.Note"),
        PropertyValue::Binary(Bytes(entry_id)),
        PropertyValue::binary(&[0x11; 22]),
        PropertyValue::Integer32(65_001),
        PropertyValue::string("Body text of the message, short."),
        PropertyValue::Boolean(false),
    ]
}

/// The RopGetPropertiesSpecific response for `tags` (a standard row; the
/// PtypUnspecified column is a typed cell).
fn get_specific_response(tags: &[PropertyTag], entry_id: &[u8]) -> Vec<u8> {
    let cells: Vec<StandardValue<'_>> = tags
        .iter()
        .zip(values(entry_id))
        .map(|(t, v)| {
            if t.property_type() == PropertyType::UNSPECIFIED {
                StandardValue::Typed(TypedPropertyValue::new(v))
            } else {
                StandardValue::Value(v)
            }
        })
        .collect();
    let mut row = Vec::new();
    PropertyRow::Standard(cells)
        .encode_with(&mut row, RowContext::rop(Array::from_slice(tags)))
        .unwrap();
    let mut out = vec![0x07, 0x00, 0, 0, 0, 0];
    out.extend_from_slice(&row);
    out
}

fn bench(c: &mut Criterion) {
    let tags = tags();
    let entry_id = [0x5Au8; 70];
    let resp = get_specific_response(&tags, &entry_id);
    let cx = RopContext::default().with_columns(Array::from_slice(&tags));

    let mut g = c.benchmark_group("get_properties_specific_16");
    g.throughput(Throughput::Bytes(resp.len() as u64));
    g.bench_function(BenchmarkId::new("decode", resp.len()), |b| {
        b.iter(|| black_box(RopResponse::decode_with(black_box(&resp), cx).unwrap()))
    });
    g.bench_function(BenchmarkId::new("decode_and_walk_cells", resp.len()), |b| {
        b.iter(|| {
            let (r, _) = RopResponse::decode_with(black_box(&resp), cx).unwrap();
            let RopResponse::GetPropertiesSpecific(g) = r else {
                unreachable!()
            };
            let mut n = 0;
            if let Some(rows) = g.ok().and_then(|b| b.row_data.rows()) {
                rows.for_each_row(|_, cells| n += cells.filter(|c| c.is_ok()).count());
            }
            black_box(n)
        })
    });
    g.bench_function(BenchmarkId::new("encode", resp.len()), |b| {
        let (r, _) = RopResponse::decode_with(&resp, cx).unwrap();
        let mut out = Vec::with_capacity(resp.len());
        b.iter(|| {
            out.clear();
            black_box(&r)
                .encode_with(&mut out, RopFacts::default())
                .unwrap();
            black_box(&out);
        })
    });
    // The same response walked in its output buffer, paired with its
    // request (the tags come from the request).
    let mut req = vec![0x07, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00];
    Array::from_slice(&tags)
        .encode_with(
            &mut req,
            mapi_wire::wire::Count::Prefix(mapi_wire::wire::Width::U16),
        )
        .unwrap();
    let frame = |rops: &[u8]| {
        let mut b = Vec::from(((rops.len() + 2) as u16).to_le_bytes());
        b.extend_from_slice(rops);
        b.extend_from_slice(&[1, 0, 0, 0]);
        b
    };
    let (input, output) = (frame(&req), frame(&resp));
    g.bench_function(BenchmarkId::new("walk_paired_buffers", output.len()), |b| {
        b.iter(|| {
            let in_frame = RopFrame::read(&mut Reader::new(black_box(&input))).unwrap();
            let out_frame = RopFrame::read(&mut Reader::new(black_box(&output))).unwrap();
            let pairing = Pairing {
                rops_list: in_frame.rops_list,
                offset: in_frame.rops_offset,
                handles: in_frame.server_object_handle_table,
            };
            let mut n = 0;
            for r in ResponseWalker::new(out_frame, Some(pairing), None) {
                black_box(r.unwrap());
                n += 1;
            }
            black_box(n)
        })
    });
    g.finish();

    let vals = values(&entry_id);
    let tagged: Vec<TaggedPropertyValue<'_>> = tags
        .iter()
        .zip(vals)
        .map(|(t, v)| TaggedPropertyValue::new(t.id().0, v))
        .collect();
    let set = RopRequest::SetProperties(SetPropertiesRequest {
        logon_id: 0,
        input_handle_index: 1,
        property_values: SizedPropertyValues(List::from_slice(&tagged)),
    });
    let set_bytes = set.to_vec_with(RopFacts::default()).unwrap();
    let mut g = c.benchmark_group("set_properties_16");
    g.throughput(Throughput::Bytes(set_bytes.len() as u64));
    g.bench_function(BenchmarkId::new("decode", set_bytes.len()), |b| {
        b.iter(|| {
            black_box(
                RopRequest::decode_with(black_box(&set_bytes), RopContext::default()).unwrap(),
            )
        })
    });
    g.bench_function(BenchmarkId::new("encode_built", set_bytes.len()), |b| {
        let mut out = Vec::with_capacity(set_bytes.len());
        b.iter(|| {
            out.clear();
            black_box(&set)
                .encode_with(&mut out, RopFacts::default())
                .unwrap();
            black_box(&out);
        })
    });
    g.finish();

    let chunk: Vec<u8> = (0..30_000u32).map(|i| (i * 7) as u8).collect();
    let mut read = vec![0x2C, 0x01, 0, 0, 0, 0];
    read.extend_from_slice(&(chunk.len() as u16).to_le_bytes());
    read.extend_from_slice(&chunk);
    let mut g = c.benchmark_group("read_stream_30000");
    g.throughput(Throughput::Bytes(read.len() as u64));
    common::memcpy_baseline(&mut g, &chunk);
    g.bench_function(BenchmarkId::new("decode", read.len()), |b| {
        b.iter(|| {
            black_box(RopResponse::decode_with(black_box(&read), RopContext::default()).unwrap())
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
