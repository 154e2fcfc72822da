//! PtypRuleAction values (MS-OXORULE 2.2.5) and the typed ActionData of
//! their blocks (MS-OXORULE 2.2.5.1.2), in the standard-rule or the
//! extended-rule form.
//!
//! Byte 0: bit 0 set selects `ValueContext::Extended` (4-byte counts),
//! clear the standard-rule / ROP form; bit 1 set means byte 1 is an
//! ActionType and the rest is one ActionData of that type, clear means the
//! rest is a RuleAction value.
//!
//! Oracles:
//! - a RuleAction that decodes re-encodes to exactly the bytes consumed,
//!   with an exact `encoded_len_with`;
//! - for every block, the typed ActionData either fails with an error
//!   whose offset lies within the block's data, or re-encodes to exactly
//!   the block's raw ActionData, and a block rebuilt from it re-encodes
//!   identically;
//! - a typed ActionData decoded from raw bytes re-encodes to those bytes,
//!   and its recipient blocks and property values iterate as many items as
//!   their lists announce;
//! - when decoding fails, the error's offset lies within the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mapi_wire::data::{ActionBlock, ActionData, ActionType, RuleAction, ValueContext};
use mapi_wire::wire::{Decode, Encode, Rest};

fuzz_target!(|data: &[u8]| {
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    let cx = if sel & 1 != 0 {
        ValueContext::Extended
    } else {
        ValueContext::Rop
    };
    if sel & 2 != 0 {
        let Some((&t, bytes)) = rest.split_first() else {
            return;
        };
        typed(ActionType(t), cx, bytes);
    } else {
        rule_action(cx, rest);
    }
});

fn rule_action(cx: ValueContext, input: &[u8]) {
    let (a, rest) = match RuleAction::decode_with(input, cx) {
        Ok(v) => v,
        Err(e) => {
            assert!(
                e.offset() <= input.len(),
                "error offset past the input: {e}"
            );
            return;
        }
    };
    let used = &input[..input.len() - rest.len()];
    assert_eq!(a.encoded_len_with(cx), used.len(), "encoded_len_with");
    assert_eq!(a.to_vec_with(cx).unwrap(), used, "RuleAction round trip");
    let mut n = 0;
    for b in a.action_blocks.iter() {
        n += 1;
        match b.action_data_typed(cx) {
            Ok(d) => {
                let raw = d
                    .to_vec_with((b.action_type, cx))
                    .unwrap_or_else(|e| panic!("typed data does not encode: {e}; {d:?}"));
                assert_eq!(
                    raw, b.action_data.0,
                    "typed data re-encodes to the raw data"
                );
                let rebuilt = ActionBlock {
                    action_data: Rest(&raw),
                    ..b
                };
                assert_eq!(rebuilt.to_vec_with(cx).unwrap(), b.to_vec_with(cx).unwrap());
                walk(&d);
            }
            Err(e) => assert!(e.offset() <= b.action_data.0.len(), "{e}"),
        }
    }
    assert_eq!(n, a.action_blocks.len());
    let _ = format!("{a:?}");
}

fn typed(t: ActionType, cx: ValueContext, bytes: &[u8]) {
    match ActionData::decode_exact(bytes, (t, cx)) {
        Ok(d) => {
            assert_eq!(d.encoded_len_with((t, cx)), bytes.len(), "encoded_len_with");
            assert_eq!(
                d.to_vec_with((t, cx)).unwrap(),
                bytes,
                "ActionData round trip"
            );
            walk(&d);
            let _ = format!("{d:?}");
        }
        Err(e) => assert!(
            e.offset() <= bytes.len(),
            "error offset past the input: {e}"
        ),
    }
}

/// Iterates the lazy lists of a typed ActionData.
fn walk(d: &ActionData<'_>) {
    if let ActionData::ForwardDelegate(f) = d {
        let mut n = 0;
        for r in f.recipient_blocks.iter() {
            n += 1;
            assert_eq!(r.property_values.iter().count(), r.property_values.len());
        }
        assert_eq!(n, f.recipient_blocks.len());
    }
}
