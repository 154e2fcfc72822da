//! Search-folder ROPs (MS-OXCROPS 2.2.4.4, 2.2.4.5) through the ROP
//! catalogue, from the byte examples of MS-OXCFOLD section 4.8 and 4.9 and
//! careful constructions.

mod common;

use common::{hex, roundtrip2};
use mapi_wire::data::*;
use mapi_wire::rop::*;
use mapi_wire::wire::{Decode, Encode, ErrorKind};
use proptest::prelude::*;

fn req(bytes: &[u8]) -> RopRequest<'_> {
    roundtrip2::<RopRequest<'_>>(bytes, RopContext::default(), RopFacts::default())
}

fn resp(bytes: &[u8]) -> RopResponse<'_> {
    roundtrip2::<RopResponse<'_>>(bytes, RopContext::default(), RopFacts::default())
}

/// PidTagImportance (0x00170003) == 2, as a PropertyRestriction in ROP
/// form (MS-OXCDATA 2.12.5): the criteria of MS-OXCFOLD 4.8.
const IMPORTANCE_HIGH: &str = "04 04 03001700 03001700 02000000";

#[test]
fn set_search_criteria_request() {
    // Construction after MS-OXCFOLD 4.8 (the search folder in slot 1,
    // mail whose PidTagImportance is High) and MS-OXCROPS 2.2.4.4.1: one
    // folder, RESTART_SEARCH | RECURSIVE_SEARCH.
    let bytes = hex(&format!(
        "30 00 01 0e00 {IMPORTANCE_HIGH} 0100 010000000e915212 06000000"
    ));
    let r = req(bytes);
    let RopRequest::SetSearchCriteria(s) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(s.logon_id, 0);
    assert_eq!(s.input_handle_index, 1);
    let Some(Restriction::Property(p)) = &s.restriction_data.0 else {
        panic!("{:?}", s.restriction_data)
    };
    assert_eq!(p.relop, RelOp::EQ);
    assert_eq!(p.property_tag, PropertyTag(0x0017_0003));
    assert_eq!(p.tagged_value.property_value, PropertyValue::Integer32(2));
    assert_eq!(s.folder_ids.len(), 1);
    assert_eq!(
        s.folder_ids.get(0).unwrap().to_string(),
        "0001-00000E915212"
    );
    assert_eq!(
        s.search_flags,
        SearchFlags::RESTART_SEARCH | SearchFlags::RECURSIVE_SEARCH
    );
    assert_eq!(r.handles().input_handle_index, Some(1));
    assert_eq!(r.rop_id(), RopId::SET_SEARCH_CRITERIA);
}

#[test]
fn set_search_criteria_reusing_the_previous_search() {
    // MS-OXCFOLD 2.2.1.4.1: a RestrictionDataSize and a FolderIdCount of
    // zero reuse the previous criteria and folders; construction with
    // STOP_SEARCH and a bit no flag names, which is kept.
    let r = req(hex("30 00 01 0000 0000 01000080"));
    let RopRequest::SetSearchCriteria(s) = &r else {
        panic!()
    };
    assert!(s.restriction_data.0.is_none());
    assert!(s.folder_ids.is_empty());
    assert!(s.search_flags.contains(SearchFlags::STOP_SEARCH));
    assert_eq!(s.search_flags.bits(), 0x8000_0001);
}

#[test]
fn set_search_criteria_responses() {
    // MS-OXCFOLD 4.8.2.
    let r = resp(hex("30 01 00000000"));
    let RopResponse::SetSearchCriteria(s) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(s.handle_index, 1);
    assert_eq!(s.return_value, ErrorCode(0));
    assert!(matches!(s.body, ResponseBody::Success(NoBody)));
    // Construction after MS-OXCROPS 2.2.4.4.2: a failure (ecInvalidParam,
    // 0x80070057) is the same 6 bytes.
    let r = resp(hex("30 01 57000780"));
    assert_eq!(r.return_value(), Some(ErrorCode(0x8007_0057)));
    let RopResponse::SetSearchCriteria(s) = &r else {
        panic!()
    };
    assert!(matches!(s.body, ResponseBody::Failure(NoBody)));
}

#[test]
fn get_search_criteria_request() {
    // MS-OXCFOLD 4.9.1.
    let r = req(hex("31 00 00 01 01 00"));
    let RopRequest::GetSearchCriteria(g) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(g.input_handle_index, 0);
    assert_eq!(g.use_unicode, Bool8::TRUE);
    assert_eq!(g.include_restriction, Bool8::TRUE);
    assert_eq!(g.include_folders, Bool8::FALSE);
}

#[test]
fn get_search_criteria_success() {
    // Construction after MS-OXCROPS 2.2.4.5.2 and MS-OXCFOLD 2.2.1.5.2:
    // the restriction, LogonId 3, two folders, SEARCH_RECURSIVE |
    // SEARCH_COMPLETE.
    let bytes = hex(&format!(
        "31 00 00000000 0e00 {IMPORTANCE_HIGH} 03 0200 010000000e915212 010000000e915213 04100000"
    ));
    let r = resp(bytes);
    let RopResponse::GetSearchCriteria(g) = &r else {
        panic!("{r:?}")
    };
    let body = g.ok().unwrap();
    assert!(matches!(
        body.restriction_data.0,
        Some(Restriction::Property(_))
    ));
    assert_eq!(body.logon_id, 3);
    let fids: Vec<_> = body.folder_ids.iter().map(|f| f.to_string()).collect();
    assert_eq!(fids, ["0001-00000E915212", "0001-00000E915213"]);
    assert_eq!(
        body.search_flags,
        SearchState::SEARCH_RECURSIVE | SearchState::SEARCH_COMPLETE
    );
    // MS-OXCFOLD 4.9.1 asked for no folders: FolderIdCount 0.
    let r = resp(hex("31 00 00000000 0000 00 0000 01000000"));
    let RopResponse::GetSearchCriteria(g) = &r else {
        panic!()
    };
    let body = g.ok().unwrap();
    assert!(body.restriction_data.0.is_none());
    assert!(body.folder_ids.is_empty());
    assert_eq!(body.search_flags, SearchState::SEARCH_RUNNING);
}

#[test]
fn get_search_criteria_failure() {
    // MS-OXCROPS 2.2.4.5.3: ecNotInitialized (0x80040605), no body.
    let r = resp(hex("31 00 05060480"));
    let RopResponse::GetSearchCriteria(g) = &r else {
        panic!()
    };
    assert_eq!(g.return_value, ErrorCode(0x8004_0605));
    assert!(matches!(g.body, ResponseBody::Failure(NoBody)));
    assert!(g.ok().is_none());
}

#[test]
fn restriction_data_must_fill_its_size() {
    // One byte more in RestrictionDataSize than the restriction uses.
    let bad = hex(&format!("30 00 01 0f00 {IMPORTANCE_HIGH} 00 0000 00000000"));
    let e = RopRequest::decode_with(bad, RopContext::default()).unwrap_err();
    assert!(
        matches!(e.kind(), ErrorKind::TrailingBytes { count: 1 }),
        "{e}"
    );
    assert!(
        e.to_string()
            .contains("RopSetSearchCriteria.RestrictionData"),
        "{e}"
    );
    // One byte less: the restriction is cut.
    let bad = hex(&format!("30 00 01 0d00 {IMPORTANCE_HIGH} 0000 00000000"));
    let e = RopRequest::decode_with(bad, RopContext::default()).unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::Truncated { .. }), "{e}");
    // A FolderIdCount past the end.
    let bad = hex("30 00 01 0000 0500 010000000e915212 00000000");
    let e = RopRequest::decode_with(bad, RopContext::default()).unwrap_err();
    assert_eq!(e.offset(), 5);
    assert!(
        matches!(e.kind(), ErrorKind::CountTooLarge { count: 5, .. }),
        "{e}"
    );
}

#[test]
fn search_rop_ids_are_covered() {
    for id in [0x30u8, 0x31] {
        assert!(coverage::REQUESTS.contains(&id), "request {id:#04x}");
        assert!(coverage::RESPONSES.contains(&id), "response {id:#04x}");
    }
}

#[cfg(feature = "cli")]
#[test]
fn json_names_the_fields() {
    let r = resp(hex("31 00 00000000 0000 00 0000 01000000"));
    let j = serde_json::to_value(&r).unwrap();
    assert_eq!(j["rop"], "RopGetSearchCriteria");
    assert_eq!(j["input_handle_index"], 0);
    assert_eq!(j["search_flags"], 1);
    assert_eq!(j["folder_ids"], serde_json::json!([]));
}

proptest! {
    /// Arbitrary bytes after each search RopId never panic, and whatever
    /// decodes re-encodes to the bytes consumed.
    #[test]
    fn arbitrary_search_rops(id in prop::sample::select(vec![0x30u8, 0x31]),
                             tail in prop::collection::vec(any::<u8>(), 0..64)) {
        let mut bytes = vec![id];
        bytes.extend_from_slice(&tail);
        if let Ok((r, rest)) = RopRequest::decode_with(&bytes, RopContext::default()) {
            let used = &bytes[..bytes.len() - rest.len()];
            prop_assert_eq!(r.to_vec_with(RopFacts::default()).unwrap(), used);
        }
        if let Ok((r, rest)) = RopResponse::decode_with(&bytes, RopContext::default()) {
            let used = &bytes[..bytes.len() - rest.len()];
            prop_assert_eq!(r.to_vec_with(RopFacts::default()).unwrap(), used);
        }
    }
}
