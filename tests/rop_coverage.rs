//! Every RopId of MS-OXCROPS 2.2.2 has its codecs: a request for each ROP a
//! client sends, a response for each ROP a server sends. The exceptions are
//! the ones the specification defines: RopRelease (2.2.15.3) has no
//! response; RopBufferTooSmall (2.2.15.1), RopBackoff (2.2.15.2), RopNotify
//! (2.2.14.2) and RopPending (2.2.14.3) are sent only by servers.

use mapi_wire::rop::{RopId, coverage};
use std::collections::BTreeSet;

const NO_RESPONSE: &[RopId] = &[RopId::RELEASE];
const NO_REQUEST: &[RopId] = &[
    RopId::BUFFER_TOO_SMALL,
    RopId::BACKOFF,
    RopId::NOTIFY,
    RopId::PENDING,
];

#[test]
fn all_132_rop_ids_have_their_request_and_response_codecs() {
    assert_eq!(RopId::ALL.len(), 132);
    let requests: BTreeSet<u8> = coverage::REQUESTS.iter().copied().collect();
    let responses: BTreeSet<u8> = coverage::RESPONSES.iter().copied().collect();
    // No RopId is listed twice (two codecs for one id would shadow).
    assert_eq!(requests.len(), coverage::REQUESTS.len());
    assert_eq!(responses.len(), coverage::RESPONSES.len());

    let mut missing = Vec::new();
    for &id in RopId::ALL {
        let name = id.name().unwrap();
        let want_request = !NO_REQUEST.contains(&id);
        let want_response = !NO_RESPONSE.contains(&id);
        if requests.contains(&id.0) != want_request {
            missing.push(format!("{name} request: expected {want_request}"));
        }
        if responses.contains(&id.0) != want_response {
            missing.push(format!("{name} response: expected {want_response}"));
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
    // Nothing outside the assigned RopIds.
    let assigned: BTreeSet<u8> = RopId::ALL.iter().map(|id| id.0).collect();
    assert!(requests.is_subset(&assigned));
    assert!(responses.is_subset(&assigned));
    assert_eq!(requests.len(), 132 - NO_REQUEST.len());
    assert_eq!(responses.len(), 132 - NO_RESPONSE.len());
}
