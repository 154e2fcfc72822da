//! A RopModifyRules request adding 20 standard rules (MS-OXCROPS
//! 2.2.11.1): each with a name, a sequence, a state, a content condition
//! and three actions (a move to a folder of this store, a forward to two
//! recipients, mark as read). Decoding alone, decoding and walking every
//! rule's actions as typed ActionData (MS-OXORULE 2.2.5.1.2), and encoding,
//! beside a plain memory copy of the same bytes.
//!
//! Run: `cargo bench --bench rules`

mod common;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use mapi_wire::data::{ActionData, PropertyValue, ValueContext};
use mapi_wire::rop::{RopContext, RopFacts, RopRequest};
use mapi_wire::wire::{Decode, Encode};
use std::hint::black_box;

fn tag(id: u16, ty: u16) -> [u8; 4] {
    ((u32::from(id) << 16) | u32::from(ty)).to_le_bytes()
}

fn utf16z(s: &str) -> Vec<u8> {
    s.encode_utf16()
        .chain([0])
        .flat_map(|u| u.to_le_bytes())
        .collect()
}

fn block(action_type: u8, flavor: u32, data: &[u8]) -> Vec<u8> {
    let mut v = Vec::from(u16::try_from(9 + data.len()).unwrap().to_le_bytes());
    v.push(action_type);
    v.extend_from_slice(&flavor.to_le_bytes());
    v.extend_from_slice(&0u32.to_le_bytes());
    v.extend_from_slice(data);
    v
}

fn rule(i: u32) -> Vec<u8> {
    // OP_MOVE to a ServerEid of this store.
    let mut mv = vec![0x01, 0x01, 0x00, 0x00, 0x15, 0x00, 0x01];
    mv.extend_from_slice(&[1, 0, 0, 0, 0, 0, 0, i as u8]);
    mv.extend_from_slice(&[0; 12]);
    // OP_FORWARD to two recipients with a display name and an address.
    let mut fw = Vec::from(2u16.to_le_bytes());
    for who in ["alice", "bob"] {
        fw.push(0x01);
        fw.extend_from_slice(&2u16.to_le_bytes());
        fw.extend_from_slice(&tag(0x3001, 0x001F));
        fw.extend_from_slice(&utf16z(who));
        fw.extend_from_slice(&tag(0x3003, 0x001F));
        fw.extend_from_slice(&utf16z(&format!("{who}@example.com")));
    }
    let mut actions = Vec::from(3u16.to_le_bytes());
    actions.extend_from_slice(&block(0x01, 0, &mv));
    actions.extend_from_slice(&block(0x07, 0, &fw));
    actions.extend_from_slice(&block(0x0B, 0, &[]));
    // Content restriction: PidTagSubject contains "invoice-<i>".
    let mut cond = vec![0x03, 0x01, 0x00, 0x01, 0x00];
    cond.extend_from_slice(&tag(0x0037, 0x001F));
    cond.extend_from_slice(&tag(0x0037, 0x001F));
    cond.extend_from_slice(&utf16z(&format!("invoice-{i}")));

    let mut r = vec![0x01]; // ROW_ADD
    r.extend_from_slice(&5u16.to_le_bytes());
    r.extend_from_slice(&tag(0x6676, 0x0003));
    r.extend_from_slice(&(10 * i).to_le_bytes());
    r.extend_from_slice(&tag(0x6677, 0x0003));
    r.extend_from_slice(&1u32.to_le_bytes());
    r.extend_from_slice(&tag(0x6682, 0x001F));
    r.extend_from_slice(&utf16z(&format!("Sort invoices {i}")));
    r.extend_from_slice(&tag(0x6679, 0x00FD));
    r.extend_from_slice(&cond);
    r.extend_from_slice(&tag(0x6680, 0x00FE));
    r.extend_from_slice(&actions);
    r
}

fn request_bytes() -> Vec<u8> {
    let mut v = vec![0x41, 0x00, 0x00, 0x00];
    v.extend_from_slice(&20u16.to_le_bytes());
    for i in 0..20 {
        v.extend_from_slice(&rule(i));
    }
    v
}

/// Walks every rule's properties and the typed data of its actions;
/// returns the number of actions seen.
fn walk(req: &RopRequest<'_>) -> usize {
    let RopRequest::ModifyRules(m) = req else {
        unreachable!()
    };
    let mut n = 0;
    for rule in m.rules_data.iter() {
        for v in rule.property_values.iter() {
            if let PropertyValue::RuleAction(a) = v.property_value {
                for b in a.action_blocks.iter() {
                    let d = b.action_data_typed(ValueContext::Rop).unwrap();
                    if !matches!(d, ActionData::Unknown(_)) {
                        n += 1;
                    }
                }
            }
        }
    }
    n
}

fn bench(c: &mut Criterion) {
    let bytes = request_bytes();
    let (req, _) = RopRequest::decode_with(&bytes, RopContext::default()).unwrap();
    assert_eq!(walk(&req), 60);
    let mut g = c.benchmark_group("modify_rules_20x3");
    g.throughput(Throughput::Bytes(bytes.len() as u64));

    common::memcpy_baseline(&mut g, &bytes);
    g.bench_function(BenchmarkId::new("decode", bytes.len()), |b| {
        b.iter(|| {
            let (r, _) = RopRequest::decode_with(black_box(&bytes), RopContext::default()).unwrap();
            black_box(r)
        })
    });
    g.bench_function(BenchmarkId::new("decode_walk_typed", bytes.len()), |b| {
        b.iter(|| {
            let (r, _) = RopRequest::decode_with(black_box(&bytes), RopContext::default()).unwrap();
            black_box(walk(&r))
        })
    });
    g.bench_function(BenchmarkId::new("encode", bytes.len()), |b| {
        let mut out = Vec::with_capacity(bytes.len());
        b.iter(|| {
            out.clear();
            black_box(&req)
                .encode_with(&mut out, RopFacts::default())
                .unwrap();
            black_box(&out);
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
