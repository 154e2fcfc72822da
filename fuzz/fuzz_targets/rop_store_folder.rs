//! The logon/store ROPs (MS-OXCROPS 2.2.3) and folder ROPs (2.2.4), as
//! requests or responses, under each logon kind.
//!
//! Byte 0: bits 0-1 pick the logon kind of the context (0 or 3 unknown,
//! 1 private, 2 public); bit 2 selects a response instead of a request;
//! bits 3-7 pick the RopId from `IDS` (modulo its length). The rest is the
//! ROP after its RopId.
//!
//! Oracles, whenever the ROP decodes:
//! - re-encoding with the context's facts gives back exactly the bytes
//!   consumed, and `encoded_len_with` is exact;
//! - a RopLogon success body read without a logon kind reads the same
//!   with the kind its echoed LogonFlags gives;
//! - a RopWritePerUserInformation request read without a logon kind keeps
//!   its tail raw only when DataOffset is 0, and that tail is what a
//!   private-logon decoder reads (ReplGuid) plus whatever follows.
//!
//! When it does not decode, the error's offset must lie within the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mapi_wire::rop::{
    LogonKind, PerUserReplGuid, ResponseBody, RopContext, RopRequest, RopResponse,
};
use mapi_wire::wire::{Decode, Encode, LenCounter};

const IDS: [u8; 25] = [
    // Logon and store.
    0xFE, 0x27, 0x26, 0x68, 0x7B, 0x42, 0x45, 0x43, 0x44, 0x60, 0x61, 0x63, 0x64,
    // Folder.
    0x02, 0x1C, 0x1D, 0x33, 0x35, 0x36, 0x58, 0x92, 0x1E, 0x91, 0x04, 0x05,
];

fuzz_target!(|data: &[u8]| {
    let Some((&sel, body)) = data.split_first() else {
        return;
    };
    let logon = match sel & 0x03 {
        1 => Some(LogonKind::Private),
        2 => Some(LogonKind::Public),
        _ => None,
    };
    let response = sel & 0x04 != 0;
    let id = IDS[usize::from(sel >> 3) % IDS.len()];
    let input = [&[id][..], body].concat();
    let cx = RopContext {
        logon,
        ..RopContext::default()
    };

    if response {
        match RopResponse::decode_with(&input, cx) {
            Ok((v, rest)) => {
                let used = &input[..input.len() - rest.len()];
                check(&v, cx, used);
                if let RopResponse::Logon(l) = &v {
                    if let (ResponseBody::Success(s), None) = (&l.body, logon) {
                        let again = RopResponse::decode_with(used, cx.with_logon(s.kind()))
                            .expect("the echoed kind reads the body again");
                        assert_eq!(again.0, v, "RopLogon read with its echoed kind");
                    }
                }
            }
            Err(e) => assert!(
                e.offset() <= input.len(),
                "error offset past the input: {e}"
            ),
        }
    } else {
        match RopRequest::decode_with(&input, cx) {
            Ok((v, rest)) => {
                let used = &input[..input.len() - rest.len()];
                check(&v, cx, used);
                if let RopRequest::WritePerUserInformation(w) = &v {
                    match w.repl_guid {
                        PerUserReplGuid::Undetermined(tail) => {
                            assert!(logon.is_none() && w.data_offset == 0);
                            let private =
                                RopRequest::decode_with(used, cx.with_logon(LogonKind::Private));
                            match private {
                                Ok((RopRequest::WritePerUserInformation(p), prest)) => {
                                    assert!(p.repl_guid.guid().is_some());
                                    assert_eq!(prest.len() + 16, tail.0.len());
                                }
                                Ok(other) => panic!("another ROP: {other:?}"),
                                Err(_) => assert!(tail.0.len() < 16),
                            }
                        }
                        PerUserReplGuid::Present(_) => {
                            assert!(logon == Some(LogonKind::Private) && w.data_offset == 0)
                        }
                        PerUserReplGuid::Absent => {
                            assert!(w.data_offset != 0 || logon == Some(LogonKind::Public))
                        }
                    }
                }
            }
            Err(e) => assert!(
                e.offset() <= input.len(),
                "error offset past the input: {e}"
            ),
        }
    }
});

/// `v` encodes to exactly `bytes` with the context's facts, and says so
/// in advance.
fn check<T>(v: &T, cx: RopContext<'_>, bytes: &[u8])
where
    T: Encode<Ctx = mapi_wire::rop::RopFacts> + core::fmt::Debug,
{
    let facts = cx.facts();
    assert_eq!(
        v.encoded_len_with(facts),
        bytes.len(),
        "encoded_len of {v:?}"
    );
    let mut counter = LenCounter::default();
    v.encode_with(&mut counter, facts)
        .expect("encode into LenCounter");
    assert_eq!(counter.0, bytes.len());
    let out = v
        .to_vec_with(facts)
        .unwrap_or_else(|e| panic!("re-encode of {v:?}: {e}"));
    assert_eq!(out.as_slice(), bytes, "round trip of {v:?}");
    let _ = format!("{v:?}");
}
