//! Incremental change synchronization ROPs (MS-OXCROPS 2.2.13;
//! MS-OXCFXICS 2.2.3.2) through the ROP catalogue. Neither specification
//! prints byte examples of these ROPs, so every case is a construction from
//! the field tables of the section it cites.

mod common;

use common::{hex, roundtrip2};
use mapi_wire::data::{
    ErrorCode, FileTime, GlobalCounter, Guid, LongTermId, PropertyTag, PropertyValue, Restriction,
};
use mapi_wire::rop::*;
use mapi_wire::wire::{Array, Bytes, Decode, Encode, List};
use proptest::prelude::*;

fn req(bytes: &[u8]) -> RopRequest<'_> {
    roundtrip2::<RopRequest<'_>>(bytes, RopContext::default(), RopFacts::default())
}

fn resp(bytes: &[u8]) -> RopResponse<'_> {
    roundtrip2::<RopResponse<'_>>(bytes, RopContext::default(), RopFacts::default())
}

/// The RopIds of MS-OXCROPS 2.2.13, in section order.
const ICS: [u8; 13] = [
    0x70, 0x72, 0x80, 0x73, 0x74, 0x78, 0x7E, 0x82, 0x75, 0x76, 0x77, 0x93, 0x7F,
];

#[test]
fn every_ics_rop_is_in_the_catalogue() {
    for id in ICS {
        assert!(coverage::REQUESTS.contains(&id), "request {id:#04x}");
        assert!(coverage::RESPONSES.contains(&id), "response {id:#04x}");
    }
}

/// A plain response (handle index + ReturnValue, nothing after) decodes in
/// its success and failure forms and echoes the named index field.
fn plain_responses(id: u8, index_name: &str) {
    let ok = [id, 0x02, 0, 0, 0, 0];
    let r = resp(&ok);
    assert_eq!(r.rop_id(), RopId(id));
    assert_eq!(r.handle_index(), Some(2));
    assert_eq!(r.handle_index_name(), Some(index_name));
    // Failure: ecInvalidParam (0x80070057).
    let fail = [id, 0x02, 0x57, 0x00, 0x07, 0x80];
    let r = resp(&fail);
    assert_eq!(r.return_value(), Some(ErrorCode::INVALID_PARAMETER));
}

/// A success body `body` after ReturnValue 0, and the bare failure form.
fn split_responses(id: u8, index_name: &str, body: &[u8]) -> RopResponse<'static> {
    plain_failure(id);
    let mut ok = vec![id, 0x01, 0, 0, 0, 0];
    ok.extend_from_slice(body);
    let r = resp(Box::leak(ok.into_boxed_slice()));
    assert_eq!(r.handle_index_name(), Some(index_name));
    r
}

fn plain_failure(id: u8) {
    // MS-OXCROPS: the failure response buffers of these ROPs end at
    // ReturnValue (ecNotFound here).
    let fail = [id, 0x01, 0x0F, 0x01, 0x04, 0x80];
    let r = resp(&fail);
    assert_eq!(r.return_value(), Some(ErrorCode::NOT_FOUND));
    assert_eq!(r.handle_index(), Some(1));
}

#[test]
fn synchronization_configure() {
    // Construction after MS-OXCROPS 2.2.13.1.1 / MS-OXCFXICS 2.2.3.2.1.1.1:
    // contents sync, Unicode | UseCpid, flags Unicode | ReadState | FAI |
    // Normal, restricted to messages that have a subject, extra flags Eid |
    // Cn, excluding PidTagMessageSize.
    let r = req(hex(
        "70 00 01 02 01 03 3900 0500 08 1f003700 05000000 0100 0300080e",
    ));
    let RopRequest::SynchronizationConfigure(c) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(c.synchronization_type, SynchronizationType::CONTENTS);
    assert_eq!(c.send_options, SendOptions::FOR_UPLOAD);
    assert_eq!(
        c.synchronization_flags,
        SynchronizationFlags::UNICODE
            | SynchronizationFlags::READ_STATE
            | SynchronizationFlags::FAI
            | SynchronizationFlags::NORMAL
    );
    let Some(Restriction::Exist(e)) = &c.restriction_data.0 else {
        panic!("{c:?}")
    };
    assert_eq!(e.property_tag, PropertyTag(0x0037_001F));
    assert_eq!(
        c.synchronization_extra_flags,
        SynchronizationExtraFlags::EID | SynchronizationExtraFlags::CN
    );
    assert_eq!(c.property_tags.to_vec(), [PropertyTag(0x0E08_0003)]);
    let h = r.handles();
    assert_eq!(
        (h.input_handle_index, h.output_handle_index),
        (Some(1), Some(2))
    );
    // Hierarchy sync without restriction or tags.
    let r = req(hex("70 00 01 02 02 01 0100 0000 00000000 0000"));
    let RopRequest::SynchronizationConfigure(c) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(c.synchronization_type, SynchronizationType::HIERARCHY);
    assert!(c.restriction_data.0.is_none());
    // MS-OXCROPS 2.2.13.1.2 echoes OutputHandleIndex.
    plain_responses(0x70, "output_handle_index");
    // RestrictionDataSize must frame the restriction exactly.
    let e = RopRequest::decode_with(
        hex("70 00 01 02 01 01 0000 0600 08 1f003700 00 00000000 0000"),
        RopContext::default(),
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "RopRequest.RopSynchronizationConfigure.RestrictionData.RestrictionData: 1 unexpected trailing bytes (offset 15)"
    );
}

#[test]
fn import_message_change() {
    // Construction after MS-OXCROPS 2.2.13.2.1 / MS-OXCFXICS 2.2.3.2.4.2.1:
    // an FAI message identified by PidTagSourceKey (3 bytes here) and
    // PidTagLastModificationTime.
    let r = req(hex(
        "72 00 01 02 10 0200 0201e065 0300 a1a2a3 40000830 0080d5d6f9b4d601",
    ));
    let RopRequest::SynchronizationImportMessageChange(m) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(m.import_flag, ImportFlag::ASSOCIATED);
    let values = m.property_values.to_vec();
    assert_eq!(values.len(), 2);
    assert_eq!(values[0].property_tag, PropertyTag(0x65E0_0102));
    assert_eq!(
        values[0].property_value,
        PropertyValue::Binary(Bytes(&[0xA1, 0xA2, 0xA3]))
    );
    assert_eq!(values[1].property_tag, PropertyTag(0x3008_0040));
    assert!(matches!(
        values[1].property_value,
        PropertyValue::Time(FileTime(_))
    ));
    // MS-OXCROPS 2.2.13.2.2: OutputHandleIndex, MessageId set to zero.
    let r = split_responses(0x72, "output_handle_index", &[0; 8]);
    let RopResponse::SynchronizationImportMessageChange(m) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(m.ok().unwrap().message_id.to_u64_le(), 0);
    // PropertyValueCount beyond the bytes left is refused up front.
    let e = RopRequest::decode_with(hex("72 00 01 02 00 ff00 0300"), RopContext::default())
        .unwrap_err();
    assert!(e.to_string().starts_with(
        "RopRequest.RopSynchronizationImportMessageChange.PropertyValues: 255 items need"
    ));
}

#[test]
fn import_read_state_changes() {
    // Construction after MS-OXCROPS 2.2.13.3.1: two MessageReadStates
    // (a 3-byte id marked read, a 1-byte id marked unread) in 10 bytes.
    let r = req(hex("80 00 01 0a00 0300 a1a2a3 01 0100 b1 00"));
    let RopRequest::SynchronizationImportReadStateChanges(s) = &r else {
        panic!("{r:?}")
    };
    let states = s.message_read_states.0.to_vec();
    assert_eq!(states.len(), 2);
    assert_eq!(states[0].message_id.0, &[0xA1, 0xA2, 0xA3]);
    assert!(states[0].mark_as_read.get());
    assert_eq!(states[1].message_id.0, &[0xB1]);
    assert!(!states[1].mark_as_read.get());
    plain_responses(0x80, "input_handle_index");
    // The states must fill MessageReadStateSize exactly: a size of 9 cuts
    // the second state short.
    assert!(
        RopRequest::decode_with(
            hex("80 00 01 0900 0300 a1a2a3 01 0100 b1 00"),
            RopContext::default()
        )
        .is_err()
    );
    // Built from a slice, the size is computed.
    let built = [MessageReadState {
        message_id: Bytes(&[0xC1, 0xC2]),
        mark_as_read: Bool8::TRUE,
    }];
    let v = RopRequest::SynchronizationImportReadStateChanges(
        SynchronizationImportReadStateChangesRequest {
            logon_id: 0,
            input_handle_index: 1,
            message_read_states: MessageReadStates(List::from_slice(&built)),
        },
    );
    assert_eq!(
        v.to_vec_with(RopFacts::default()).unwrap(),
        hex("80 00 01 0500 0200 c1c2 01")
    );
}

#[test]
fn import_hierarchy_change() {
    // Construction after MS-OXCROPS 2.2.13.4.1 / MS-OXCFXICS 2.2.3.2.4.3.1:
    // HierarchyValues = PidTagParentSourceKey (2 bytes), PropertyValues =
    // PidTagDisplayName "A".
    let r = req(hex(
        "73 00 01 0100 0201e165 0200 d1d2 0100 1f000130 41000000",
    ));
    let RopRequest::SynchronizationImportHierarchyChange(h) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(h.hierarchy_values.len(), 1);
    assert_eq!(
        h.hierarchy_values.get(0).unwrap().property_tag,
        PropertyTag(0x65E1_0102)
    );
    assert_eq!(
        h.property_values.get(0).unwrap().property_value,
        PropertyValue::string("A")
    );
    // MS-OXCROPS 2.2.13.4.2: InputHandleIndex, FolderId set to zero.
    let r = split_responses(0x73, "input_handle_index", &[0; 8]);
    let RopResponse::SynchronizationImportHierarchyChange(h) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(h.ok().unwrap().folder_id.to_u64_le(), 0);
}

#[test]
fn import_deletes() {
    // Construction after MS-OXCROPS 2.2.13.5.1 / MS-OXCFXICS 2.2.3.2.4.5.1:
    // hard-delete two messages named by a PtypMultipleBinary
    // PidTagSourceKey (4-byte value count, 2-byte element sizes in ROPs).
    let r = req(hex("74 00 01 02 0100 0211e065 02000000 0100 c1 0200 c2c3"));
    let RopRequest::SynchronizationImportDeletes(d) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(d.import_delete_flags, ImportDeleteFlags::HARD_DELETE);
    let v = d.property_values.get(0).unwrap();
    assert_eq!(v.property_tag, PropertyTag(0x65E0_1102));
    let PropertyValue::MultipleBinary(keys) = v.property_value else {
        panic!("{v:?}")
    };
    assert_eq!(keys.to_vec(), [Bytes(&[0xC1]), Bytes(&[0xC2, 0xC3])]);
    plain_responses(0x74, "input_handle_index");
}

#[test]
fn import_message_move() {
    // Construction after MS-OXCROPS 2.2.13.6.1 / MS-OXCFXICS 2.2.3.2.4.4.1:
    // five fields, each after a 4-byte size.
    let r = req(hex(
        "78 00 01 02000000 f1f2 01000000 e1 00000000 03000000 d1d2d3 02000000 c1c2",
    ));
    let RopRequest::SynchronizationImportMessageMove(m) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(m.source_folder_id.0, &[0xF1, 0xF2]);
    assert_eq!(m.source_message_id.0, &[0xE1]);
    assert!(m.predecessor_change_list.0.is_empty());
    assert_eq!(m.destination_message_id.0, &[0xD1, 0xD2, 0xD3]);
    assert_eq!(m.change_number.0, &[0xC1, 0xC2]);
    // MS-OXCROPS 2.2.13.6.2 (InputHandleIndex, MessageId zero) and
    // 2.2.13.6.3 (failure).
    let r = split_responses(0x78, "input_handle_index", &[0; 8]);
    let RopResponse::SynchronizationImportMessageMove(m) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(m.ok().unwrap().message_id.to_u64_le(), 0);
    // A 4-byte size larger than the rest is refused before use.
    let e =
        RopRequest::decode_with(hex("78 00 01 ffffff7f 00"), RopContext::default()).unwrap_err();
    assert_eq!(e.offset(), 3);
}

#[test]
fn open_collector_and_get_transfer_state() {
    // Construction after MS-OXCROPS 2.2.13.7.1 / MS-OXCFXICS 2.2.3.2.4.1.1.
    let r = req(hex("7e 00 01 02 01"));
    let RopRequest::SynchronizationOpenCollector(c) = &r else {
        panic!("{r:?}")
    };
    assert!(c.is_contents_collector.get());
    assert_eq!(r.handles().output_handle_index, Some(2));
    plain_responses(0x7E, "output_handle_index");
    // Construction after MS-OXCROPS 2.2.13.8.1 (that page's field table).
    let r = req(hex("82 00 01 02"));
    let RopRequest::SynchronizationGetTransferState(g) = &r else {
        panic!("{r:?}")
    };
    assert_eq!((g.input_handle_index, g.output_handle_index), (1, 2));
    plain_responses(0x82, "output_handle_index");
}

#[test]
fn upload_state_stream() {
    // Construction after MS-OXCROPS 2.2.13.9.1 – 2.2.13.11.1 /
    // MS-OXCFXICS 2.2.3.2.2: Begin (MetaTagCnsetSeen, 3 bytes in all),
    // Continue with the 3 bytes, End.
    let r = req(hex("75 00 01 02019667 03000000"));
    let RopRequest::SynchronizationUploadStateStreamBegin(b) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(
        b.state_property,
        SynchronizationUploadStateStreamBeginRequest::META_TAG_CNSET_SEEN
    );
    assert_eq!(b.transfer_buffer_size, 3);
    plain_responses(0x75, "input_handle_index");
    let r = req(hex("76 00 01 03000000 aabbcc"));
    let RopRequest::SynchronizationUploadStateStreamContinue(c) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(c.stream_data.0, &[0xAA, 0xBB, 0xCC]);
    plain_responses(0x76, "input_handle_index");
    let r = req(hex("77 00 01"));
    assert!(matches!(
        r,
        RopRequest::SynchronizationUploadStateStreamEnd(e) if e.input_handle_index == 1
    ));
    plain_responses(0x77, "input_handle_index");
    // MetaTagIdsetGiven travels with type PtypInteger32 (MS-OXCFXICS
    // 2.2.1.1.1).
    let r = req(hex("75 00 01 03001740 00010000"));
    let RopRequest::SynchronizationUploadStateStreamBegin(b) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(
        b.state_property,
        SynchronizationUploadStateStreamBeginRequest::META_TAG_IDSET_GIVEN
    );
}

#[test]
fn set_local_replica_midset_deleted() {
    // Construction after MS-OXCROPS 2.2.13.12.1 and 2.2.13.12.1.1: one
    // range of PS_MAPI LongTermIDs, DataSize 4 + 48.
    let guid = "2803020000000000c000000000000046";
    let bytes = hex(&format!(
        "93 00 01 3400 01000000 {guid} 000000001000 0000 {guid} 0000000010ff 0000"
    ));
    let r = req(bytes);
    let RopRequest::SetLocalReplicaMidsetDeleted(s) = &r else {
        panic!("{r:?}")
    };
    let ranges = s.long_term_id_ranges.0.to_vec();
    assert_eq!(ranges.len(), 1);
    assert_eq!(
        ranges[0].min_long_term_id,
        LongTermId::new(Guid::PS_MAPI, GlobalCounter::from_value(0x1000))
    );
    assert_eq!(ranges[0].max_long_term_id.global_counter.value(), 0x10FF);
    plain_responses(0x93, "input_handle_index");
    // DataSize must count exactly the fields after it.
    let mut wrong = bytes.to_vec();
    wrong[3] = 0x35;
    assert!(RopRequest::decode_with(&wrong, RopContext::default()).is_err());
    // Built from a slice, DataSize is computed.
    let built = [ranges[0], ranges[0]];
    let v = RopRequest::SetLocalReplicaMidsetDeleted(SetLocalReplicaMidsetDeletedRequest {
        logon_id: 0,
        input_handle_index: 1,
        long_term_id_ranges: LongTermIdRanges(Array::from_slice(&built)),
    });
    let out = v.to_vec_with(RopFacts::default()).unwrap();
    assert_eq!(&out[3..9], &[0x64, 0x00, 0x02, 0x00, 0x00, 0x00]);
    assert_eq!(out.len(), 3 + 6 + 96);
}

#[test]
fn get_local_replica_ids() {
    // Construction after MS-OXCROPS 2.2.13.13.1 / MS-OXCFXICS 3.3.5.8.12:
    // reserve 0x200 IDs.
    let r = req(hex("7f 00 00 00020000"));
    let RopRequest::GetLocalReplicaIds(g) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(g.id_count, 0x200);
    // MS-OXCROPS 2.2.13.13.2: ReplGuid and the first GlobalCount.
    let r = split_responses(
        0x7F,
        "input_handle_index",
        hex("2803020000000000c000000000000046 000000012000"),
    );
    let RopResponse::GetLocalReplicaIds(g) = &r else {
        panic!("{r:?}")
    };
    let b = g.ok().unwrap();
    assert_eq!(b.repl_guid, Guid::PS_MAPI);
    assert_eq!(b.global_count.value(), 0x0001_2000);
}

fn id_of(ids: &'static [u8]) -> impl Strategy<Value = u8> {
    prop::sample::select(ids)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Arbitrary bytes after an ICS RopId never panic; what decodes
    /// re-encodes to exactly the bytes consumed.
    #[test]
    fn arbitrary_requests_never_panic(
        id in id_of(&ICS),
        data in prop::collection::vec(any::<u8>(), 0..64),
    ) {
        let mut bytes = vec![id];
        bytes.extend(data);
        common::reencodes_what_it_reads::<RopRequest<'_>>(&bytes, RopContext::default(), RopFacts::default())?;
    }

    /// Small-valued bytes reach the nested framings (sizes, counts) often.
    #[test]
    fn small_byte_requests_never_panic(
        id in id_of(&ICS),
        data in prop::collection::vec(0u8..4, 0..64),
    ) {
        let mut bytes = vec![id];
        bytes.extend(data);
        common::reencodes_what_it_reads::<RopRequest<'_>>(&bytes, RopContext::default(), RopFacts::default())?;
    }

    /// The same for responses.
    #[test]
    fn arbitrary_responses_never_panic(
        id in id_of(&ICS),
        rv in prop::sample::select(&[0u32, 0x8004_010F][..]),
        data in prop::collection::vec(any::<u8>(), 0..40),
    ) {
        let mut bytes = vec![id, 0];
        bytes.extend(rv.to_le_bytes());
        bytes.extend(data);
        common::reencodes_what_it_reads::<RopResponse<'_>>(&bytes, RopContext::default(), RopFacts::default())?;
    }

    /// MessageReadStates built from parts survive encode→decode.
    #[test]
    fn message_read_states_round_trip(
        ids in prop::collection::vec((prop::collection::vec(any::<u8>(), 0..30), any::<u8>()), 0..8),
    ) {
        let states: Vec<MessageReadState<'_>> = ids
            .iter()
            .map(|(id, read)| MessageReadState { message_id: Bytes(id), mark_as_read: Bool8(*read) })
            .collect();
        let v = MessageReadStates(List::from_slice(&states));
        let bytes = v.to_vec().unwrap();
        prop_assert_eq!(bytes.len(), v.encoded_len());
        let back = MessageReadStates::decode_exact(&bytes, ()).unwrap();
        prop_assert_eq!(back, v);
    }
}
