//! The search-folder (MS-OXCROPS 2.2.4.4-2.2.4.5), transport (2.2.7),
//! permission (2.2.10) and rule (2.2.11) ROPs, one at a time.
//!
//! Byte 0: bit 0 set decodes a response, clear a request. Byte 1: the
//! index of the RopId in `IDS` (modulo its length). The rest is the ROP
//! after its RopId.
//!
//! Oracles, whenever the ROP decodes:
//! - re-encoding gives back exactly the bytes consumed, and
//!   `encoded_len_with` is exact;
//! - every lazy list (folder IDs, address types, property values, rule and
//!   permission rows, the rule actions inside PidTagRuleActions values)
//!   yields as many items as it announces, and the typed ActionData of
//!   every rule action either re-encodes to its raw bytes or fails with an
//!   offset inside them.
//! When it does not decode, the error's offset lies within the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mapi_wire::data::{PropertyValue, TaggedPropertyValue, ValueContext};
use mapi_wire::rop::{ResponseBody, RopContext, RopFacts, RopRequest, RopResponse};
use mapi_wire::wire::{Decode, Encode, List};

const IDS: &[u8] = &[
    0x30, 0x31, 0x32, 0x34, 0x49, 0x47, 0x48, 0x4A, 0x51, 0x6D, 0x6F, 0x40, 0x3E, 0x41, 0x3F, 0x57,
];

fuzz_target!(|data: &[u8]| {
    let [sel, idx, rest @ ..] = data else {
        return;
    };
    let id = IDS[usize::from(*idx) % IDS.len()];
    let mut bytes = Vec::with_capacity(rest.len() + 1);
    bytes.push(id);
    bytes.extend_from_slice(rest);
    if sel & 1 == 0 {
        request(&bytes);
    } else {
        response(&bytes);
    }
});

fn request(bytes: &[u8]) {
    let (r, rest) = match RopRequest::decode_with(bytes, RopContext::default()) {
        Ok(v) => v,
        Err(e) => {
            assert!(
                e.offset() <= bytes.len(),
                "error offset past the input: {e}"
            );
            return;
        }
    };
    let used = &bytes[..bytes.len() - rest.len()];
    let facts = RopFacts::default();
    assert_eq!(r.encoded_len_with(facts), used.len(), "encoded_len_with");
    assert_eq!(r.to_vec_with(facts).unwrap(), used, "request round trip");
    match &r {
        RopRequest::SetSearchCriteria(s) => {
            assert_eq!(s.folder_ids.iter().count(), s.folder_ids.len())
        }
        RopRequest::ModifyPermissions(m) => {
            let mut n = 0;
            for row in m.permissions_data.iter() {
                n += 1;
                values(&row.property_values);
            }
            assert_eq!(n, m.permissions_data.len());
        }
        RopRequest::ModifyRules(m) => {
            let mut n = 0;
            for rule in m.rules_data.iter() {
                n += 1;
                values(&rule.property_values);
            }
            assert_eq!(n, m.rules_data.len());
        }
        _ => {}
    }
    let _ = format!("{r:?}");
}

fn response(bytes: &[u8]) {
    let (r, rest) = match RopResponse::decode_with(bytes, RopContext::default()) {
        Ok(v) => v,
        Err(e) => {
            assert!(
                e.offset() <= bytes.len(),
                "error offset past the input: {e}"
            );
            return;
        }
    };
    let used = &bytes[..bytes.len() - rest.len()];
    let facts = RopFacts::default();
    assert_eq!(r.encoded_len_with(facts), used.len(), "encoded_len_with");
    assert_eq!(r.to_vec_with(facts).unwrap(), used, "response round trip");
    match &r {
        RopResponse::GetSearchCriteria(g) => {
            if let ResponseBody::Success(s) = &g.body {
                assert_eq!(s.folder_ids.iter().count(), s.folder_ids.len());
            }
        }
        RopResponse::GetAddressTypes(g) => {
            if let ResponseBody::Success(s) = &g.body {
                assert_eq!(s.address_types.0.iter().count(), s.address_types.0.len());
                assert_eq!(s.address_types.0.len(), usize::from(s.address_type_count));
            }
        }
        RopResponse::TransportSend(t) => {
            if let ResponseBody::Success(s) = &t.body {
                assert_eq!(s.property_values.is_none(), s.no_properties_returned.get());
                if let Some(v) = &s.property_values {
                    values(v);
                }
            }
        }
        _ => {}
    }
    let _ = format!("{r:?}");
}

/// Walks a list of tagged values, and the typed data of the rule actions
/// among them.
fn values<'a>(list: &List<'a, TaggedPropertyValue<'a>>) {
    let mut n = 0;
    for v in list.iter() {
        n += 1;
        if let PropertyValue::RuleAction(a) = v.property_value {
            let mut blocks = 0;
            for b in a.action_blocks.iter() {
                blocks += 1;
                match b.action_data_typed(ValueContext::Rop) {
                    Ok(d) => assert_eq!(
                        d.to_vec_with((b.action_type, ValueContext::Rop)).unwrap(),
                        b.action_data.0,
                        "typed action data re-encodes to its raw bytes"
                    ),
                    Err(e) => assert!(e.offset() <= b.action_data.0.len(), "{e}"),
                }
            }
            assert_eq!(blocks, a.action_blocks.len());
        }
    }
    assert_eq!(n, list.len());
}
