//! The fast-transfer and ICS ROPs (MS-OXCROPS 2.2.12, 2.2.13) through the
//! ROP catalogue: requests and responses.
//!
//! Byte 0: bit 0 set decodes a response, clear a request; the other bits
//! are ignored. Byte 1 picks the RopId from `IDS` (modulo its length). The
//! rest is the ROP after its RopId (for a response: the handle index, the
//! ReturnValue and the body).
//!
//! Oracles, whenever the ROP decodes:
//! - re-encoding gives back exactly the bytes consumed, `encoded_len_with`
//!   is exact, and a length-counting sink agrees;
//! - every lazily decoded list (TaggedPropertyValues, MessageReadStates,
//!   LongTermIdRanges, MessageIds, PropertyTags) yields `len()` elements;
//! - `Debug` formatting does not panic.
//! When it does not decode, the error's offset must lie within the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mapi_wire::rop::{RopContext, RopFacts, RopRequest, RopResponse};
use mapi_wire::wire::{Decode, Encode, LenCounter};

/// The RopIds of MS-OXCROPS 2.2.12 and 2.2.13.
const IDS: [u8; 22] = [
    0x53, 0x54, 0x9D, 0x4E, 0x4C, 0x4B, 0x4D, 0x69, 0x86, // fast transfer
    0x70, 0x72, 0x80, 0x73, 0x74, 0x78, 0x7E, 0x82, 0x75, 0x76, 0x77, 0x93, 0x7F, // ICS
];

fuzz_target!(|data: &[u8]| {
    let [sel, pick, rest @ ..] = data else {
        return;
    };
    let id = IDS[usize::from(*pick) % IDS.len()];
    let mut input = Vec::with_capacity(rest.len() + 1);
    input.push(id);
    input.extend_from_slice(rest);
    if sel & 1 == 0 {
        request(&input);
    } else {
        response(&input);
    }
});

fn request(input: &[u8]) {
    let (v, rest) = match RopRequest::decode_with(input, RopContext::default()) {
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
    let consumed = &input[..input.len() - rest.len()];
    let facts = RopFacts::default();
    let out = v
        .to_vec_with(facts)
        .unwrap_or_else(|e| panic!("decoded request does not encode: {e}; {v:?}"));
    assert_eq!(out, consumed, "re-encoding of {v:?}");
    assert_eq!(v.encoded_len_with(facts), consumed.len(), "encoded_len");
    let mut n = LenCounter::default();
    v.encode_with(&mut n, facts).unwrap();
    assert_eq!(n.0, consumed.len(), "LenCounter");
    walk_request(&v);
    let _ = format!("{v:?}");
}

fn response(input: &[u8]) {
    let (v, rest) = match RopResponse::decode_with(input, RopContext::default()) {
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
    let consumed = &input[..input.len() - rest.len()];
    let facts = RopFacts::default();
    let out = v
        .to_vec_with(facts)
        .unwrap_or_else(|e| panic!("decoded response does not encode: {e}; {v:?}"));
    assert_eq!(out, consumed, "re-encoding of {v:?}");
    assert_eq!(v.encoded_len_with(facts), consumed.len(), "encoded_len");
    let mut n = LenCounter::default();
    v.encode_with(&mut n, facts).unwrap();
    assert_eq!(n.0, consumed.len(), "LenCounter");
    if let RopResponse::FastTransferSourceGetBuffer(g) = &v {
        let b = match &g.body {
            mapi_wire::rop::ResponseBody::Success(b) | mapi_wire::rop::ResponseBody::Failure(b) => {
                b
            }
        };
        assert_eq!(
            usize::from(b.transfer_buffer_size),
            b.transfer_buffer.0.len()
        );
        assert_eq!(b.backoff_time.is_some(), g.return_value.0 == 0x480);
    }
    let _ = format!("{v:?}");
}

/// Every lazy list yields as many elements as it claims.
fn walk_request(v: &RopRequest<'_>) {
    match v {
        RopRequest::SynchronizationImportMessageChange(r) => {
            assert_eq!(r.property_values.iter().count(), r.property_values.len());
        }
        RopRequest::SynchronizationImportHierarchyChange(r) => {
            assert_eq!(r.hierarchy_values.iter().count(), r.hierarchy_values.len());
            assert_eq!(r.property_values.iter().count(), r.property_values.len());
        }
        RopRequest::SynchronizationImportDeletes(r) => {
            assert_eq!(r.property_values.iter().count(), r.property_values.len());
        }
        RopRequest::SynchronizationImportReadStateChanges(r) => {
            let l = &r.message_read_states.0;
            assert_eq!(l.iter().count(), l.len());
        }
        RopRequest::SetLocalReplicaMidsetDeleted(r) => {
            let a = &r.long_term_id_ranges.0;
            assert_eq!(a.iter().count(), a.len());
        }
        RopRequest::FastTransferSourceCopyMessages(r) => {
            assert_eq!(r.message_ids.iter().count(), r.message_ids.len());
        }
        RopRequest::FastTransferSourceCopyTo(r) => {
            assert_eq!(r.property_tags.iter().count(), r.property_tags.len());
        }
        RopRequest::FastTransferSourceCopyProperties(r) => {
            assert_eq!(r.property_tags.iter().count(), r.property_tags.len());
        }
        RopRequest::SynchronizationConfigure(r) => {
            assert_eq!(r.property_tags.iter().count(), r.property_tags.len());
        }
        _ => {}
    }
}
