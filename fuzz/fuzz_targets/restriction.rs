//! Restriction (MS-OXCDATA 2.12), in ROP or extended context.
//!
//! Byte 0: bit 0 set selects `ValueContext::Extended`, clear the ROP
//! context; the other bits are ignored. The rest is the restriction.
//!
//! Oracles, whenever the restriction decodes:
//! - re-encoding gives back exactly the bytes consumed, and
//!   `encoded_len_with` is exact;
//! - the whole tree is walked through its lazy children (the elements of
//!   And/Or lists, `RestrictionRef::get`, PtypRestriction values inside
//!   Content/Property/Comment restrictions); every child decodes again,
//!   re-encodes to its own wire bytes, and every list yields `len()`
//!   elements that fill its wire bytes exactly;
//! - a ROP restriction re-encoded in the extended context decodes there,
//!   and narrows back to the original bytes.
//! When it does not decode, the error's offset must lie within the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mapi_wire::data::{
    PropertyValue, Restriction, RestrictionRef, Restrictions, TaggedPropertyValue, ValueContext,
};
use mapi_wire::wire::{Decode, Encode, LenCounter};

fuzz_target!(|data: &[u8]| {
    let Some((&sel, input)) = data.split_first() else {
        return;
    };
    let cx = if sel & 1 != 0 {
        ValueContext::Extended
    } else {
        ValueContext::Rop
    };

    let (r, rest) = match Restriction::decode_with(input, cx) {
        Ok(v) => v,
        Err(e) => {
            assert!(
                e.offset() <= input.len(),
                "error offset past the input: {e}"
            );
            let _ = format!("{e} / {e:?}");
            return;
        }
    };
    let used = input.len() - rest.len();
    let consumed = &input[..used];

    check_encoding(&r, cx, consumed);
    walk(&r, cx, 0);
    let _ = format!("{r:?}");

    if cx == ValueContext::Rop {
        let wide = r
            .to_vec_with(ValueContext::Extended)
            .unwrap_or_else(|e| panic!("ROP restriction does not widen: {e}; {r:?}"));
        assert_eq!(
            r.encoded_len_with(ValueContext::Extended),
            wide.len(),
            "encoded_len_with(Extended)"
        );
        let (w, wrest) = Restriction::decode_with(&wide, ValueContext::Extended)
            .unwrap_or_else(|e| panic!("widened restriction does not decode: {e}"));
        assert!(
            wrest.is_empty(),
            "widened restriction leaves {} bytes",
            wrest.len()
        );
        let back = w
            .to_vec_with(ValueContext::Rop)
            .unwrap_or_else(|e| panic!("widened restriction does not narrow: {e}"));
        assert_eq!(back.as_slice(), consumed, "ROP -> extended -> ROP");
    }
});

/// `r` encodes to exactly `bytes`, and says so in advance.
fn check_encoding(r: &Restriction<'_>, cx: ValueContext, bytes: &[u8]) {
    assert_eq!(
        r.encoded_len_with(cx),
        bytes.len(),
        "encoded_len_with of {r:?}"
    );
    let mut counter = LenCounter::default();
    r.encode_with(&mut counter, cx)
        .expect("encode into LenCounter");
    assert_eq!(counter.0, bytes.len(), "bytes written to LenCounter");
    let out = r.to_vec_with(cx).expect("re-encode");
    assert_eq!(out.as_slice(), bytes, "round trip of {r:?}");
}

fn walk(r: &Restriction<'_>, cx: ValueContext, depth: usize) {
    assert!(
        depth <= 256,
        "restriction tree deeper than any limit allows"
    );
    match r {
        Restriction::And(a) => walk_list(&a.restricts, cx, depth),
        Restriction::Or(o) => walk_list(&o.restricts, cx, depth),
        Restriction::Not(n) => walk_ref(&n.restriction, cx, depth),
        Restriction::Content(c) => walk_tagged(&c.tagged_value, cx, depth),
        Restriction::Property(p) => walk_tagged(&p.tagged_value, cx, depth),
        Restriction::SubObject(s) => walk_ref(&s.restriction, cx, depth),
        Restriction::Comment(c) => {
            let mut n = 0;
            for tv in c.tagged_values.iter() {
                walk_tagged(&tv, cx, depth);
                n += 1;
            }
            assert_eq!(n, c.tagged_values.len(), "CommentRestriction tagged values");
            assert_eq!(c.restriction.is_some(), c.restriction_present != 0);
            if let Some(child) = &c.restriction {
                walk_ref(child, cx, depth);
            }
        }
        Restriction::Count(c) => walk_ref(&c.sub_restriction, cx, depth),
        Restriction::CompareProperties(_)
        | Restriction::BitMask(_)
        | Restriction::Size(_)
        | Restriction::Exist(_) => {}
    }
}

fn walk_ref(child: &RestrictionRef<'_>, cx: ValueContext, depth: usize) {
    let r = child.get();
    if let Some(bytes) = child.wire_bytes() {
        check_encoding(&r, cx, bytes);
    }
    walk(&r, cx, depth + 1);
}

fn walk_list(list: &Restrictions<'_>, cx: ValueContext, depth: usize) {
    let mut n = 0;
    let mut total = 0;
    for child in list.iter() {
        total += child.encoded_len_with(cx);
        walk(&child, cx, depth + 1);
        n += 1;
    }
    assert_eq!(
        n,
        list.len(),
        "restriction list yielded fewer elements than its count"
    );
    if let Some(bytes) = list.wire_bytes() {
        assert_eq!(
            total,
            bytes.len(),
            "restriction list elements vs wire bytes"
        );
    }
}

fn walk_tagged(tv: &TaggedPropertyValue<'_>, cx: ValueContext, depth: usize) {
    match &tv.property_value {
        PropertyValue::Restriction(child) => walk_ref(child, cx, depth),
        PropertyValue::RuleAction(ra) => {
            let n = ra.action_blocks.iter().count();
            assert_eq!(n, ra.action_blocks.len(), "RuleAction blocks");
        }
        PropertyValue::String(s) => {
            let _ = s.chars().count();
        }
        PropertyValue::MultipleString(l) => {
            assert_eq!(l.iter().count(), l.len(), "PtypMultipleString elements");
        }
        PropertyValue::MultipleString8(l) => {
            assert_eq!(l.iter().count(), l.len(), "PtypMultipleString8 elements");
        }
        PropertyValue::MultipleBinary(l) => {
            assert_eq!(l.iter().count(), l.len(), "PtypMultipleBinary elements");
        }
        _ => {}
    }
}
