//! Rule ROPs (MS-OXCROPS 2.2.11) through the ROP catalogue, and the typed
//! ActionData of every action type of MS-OXORULE 2.2.5.1.2 in the
//! standard-rule and extended-rule forms.

mod common;

use common::{hex, hexv, roundtrip, roundtrip2};
use mapi_wire::data::*;
use mapi_wire::rop::*;
use mapi_wire::wire::{Decode, Encode, ErrorKind, Rest};
use proptest::prelude::*;

fn req(bytes: &[u8]) -> RopRequest<'_> {
    roundtrip2::<RopRequest<'_>>(bytes, RopContext::default(), RopFacts::default())
}

fn resp(bytes: &[u8]) -> RopResponse<'_> {
    roundtrip2::<RopResponse<'_>>(bytes, RopContext::default(), RopFacts::default())
}

const STD: ValueContext = ValueContext::Rop;
const EXT: ValueContext = ValueContext::Extended;

/// The bytes of several hex pieces, leaked.
fn cat(pieces: &[&str]) -> &'static [u8] {
    let mut v = Vec::new();
    for p in pieces {
        v.extend_from_slice(&hexv(p));
    }
    Box::leak(v.into_boxed_slice())
}

/// An ActionBlock in standard form around `data`.
fn std_block(action_type: u8, flavor: u32, data: &[u8]) -> Vec<u8> {
    let mut v = Vec::from(u16::try_from(9 + data.len()).unwrap().to_le_bytes());
    v.push(action_type);
    v.extend_from_slice(&flavor.to_le_bytes());
    v.extend_from_slice(&0u32.to_le_bytes());
    v.extend_from_slice(data);
    v
}

/// Decodes `data` as the ActionData of `t` in `cx` (exactly, re-encoding
/// identically, every strict prefix failing) and returns it.
fn typed(t: ActionType, cx: ValueContext, data: &'static [u8]) -> ActionData<'static> {
    roundtrip::<ActionData<'_>>(data, (t, cx))
}

/// The 46-byte private Folder EntryID of MS-OXODLGT 4.1.1.
const FOLDER_EID: &str = "00000000 c3e17857 9652ce46 a353b3e0 7f9b97bc 0100
    8b8db182 af2ed048 934707ed 5448840f 00174ea8 9c98 0000";

// ------------------------------------------------------------- the ROPs ---

#[test]
fn get_rules_table_request_and_responses() {
    // MS-OXORULE 4.2.1: a Unicode rules table into slot 1.
    let r = req(hex("3f 00 00 01 40"));
    let RopRequest::GetRulesTable(g) = &r else {
        panic!("{r:?}")
    };
    assert_eq!((g.logon_id, g.input_handle_index), (0, 0));
    assert_eq!(g.output_handle_index, 1);
    assert_eq!(g.table_flags, RulesTableFlags::UNICODE);
    assert_eq!(r.handles().output_handle_index, Some(1));
    assert_eq!(r.handles().input_handle_index, Some(0));
    // MS-OXORULE 2.2.2.2: the response echoes OutputHandleIndex.
    let r = resp(hex("3f 01 00000000"));
    let RopResponse::GetRulesTable(g) = &r else {
        panic!()
    };
    assert_eq!(g.handle_index, 1);
    assert!(matches!(g.body, ResponseBody::Success(NoBody)));
    assert_eq!(r.handle_index_name(), Some("output_handle_index"));
    // Construction after MS-OXORULE 3.2.5.3: ecNotSupported for x bits.
    let r = resp(hex("3f 01 02010480"));
    assert_eq!(r.return_value(), Some(ErrorCode(0x8004_0102)));
    let RopResponse::GetRulesTable(g) = &r else {
        panic!()
    };
    assert!(matches!(g.body, ResponseBody::Failure(NoBody)));
}

/// A RopModifyRules request that adds one standard rule: sequence, state,
/// name, a content condition on PidTagSubject, and two actions (a move to
/// a folder of this store, then mark as read). Construction after
/// MS-OXCROPS 2.2.11.1.1 and MS-OXORULE 2.2.1.3.1.
fn modify_rules_bytes() -> &'static [u8] {
    cat(&[
        "41 00 02",                       // RopId, LogonId, InputHandleIndex 2
        "00",                             // ModifyRulesFlags
        "0100",                           // RulesCount
        "01",                             // RuleDataFlags: ROW_ADD
        "0600",                           // PropertyValueCount
        "03007666 0a000000",              // PidTagRuleSequence = 10
        "03007766 01000000",              // PidTagRuleState = ST_ENABLED
        "1f008266 4d006f0076006500 0000", // PidTagRuleName "Move"
        "1f008166 52005500 0000",         // PidTagRuleProvider "RU"
        // PidTagRuleCondition: Content(FL_SUBSTRING, IGNORECASE) on
        // PidTagSubject with "x".
        "fd007966 03 0100 0100 1f003700 1f003700 7800 0000",
        // PidTagRuleActions: two actions, 2-byte counts.
        "fe008066 0200",
        "2400 01 00000000 00000000", // ActionLength 36, OP_MOVE
        "01 0100 00",                // FolderInThisStore, StoreEIDSize 1, StoreEID
        "1500 01 0100000000000009 0000000000000000 00000000", // ServerEid
        "0900 0b 00000000 00000000", // OP_MARK_AS_READ
    ])
}

#[test]
fn modify_rules_request_with_condition_and_actions() {
    let r = req(modify_rules_bytes());
    let RopRequest::ModifyRules(m) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(m.input_handle_index, 2);
    assert_eq!(m.modify_rules_flags, ModifyRulesFlags::empty());
    assert_eq!(m.rules_data.len(), 1);
    let rule = m.rules_data.get(0).unwrap();
    assert_eq!(rule.rule_data_flags, RuleDataFlags::ROW_ADD);
    let props: Vec<_> = rule.property_values.iter().collect();
    assert_eq!(props.len(), 6);
    assert_eq!(props[0].property_value, PropertyValue::Integer32(10));
    assert_eq!(props[2].property_value, PropertyValue::string("Move"));
    // The condition: a restriction with 2-byte counts inside.
    assert_eq!(props[4].property_tag, PropertyTag(0x6679_00FD));
    let PropertyValue::Restriction(cond) = props[4].property_value else {
        panic!("{:?}", props[4])
    };
    let Restriction::Content(c) = cond.get() else {
        panic!()
    };
    assert_eq!(c.fuzzy_level_low, FuzzyLevelLow::SUBSTRING);
    assert_eq!(c.fuzzy_level_high, FuzzyLevelHigh::IGNORECASE);
    assert_eq!(c.tagged_value.property_value, PropertyValue::string("x"));
    // The actions: framing, then typed data.
    assert_eq!(props[5].property_tag, PropertyTag(0x6680_00FE));
    let PropertyValue::RuleAction(actions) = props[5].property_value else {
        panic!()
    };
    let blocks: Vec<_> = actions.action_blocks.iter().collect();
    assert_eq!(blocks.len(), 2);
    assert_eq!(blocks[0].action_type, ActionType::OP_MOVE);
    let ActionData::MoveCopy(mv) = blocks[0].action_data_typed(STD).unwrap() else {
        panic!()
    };
    assert_eq!(mv.folder_in_this_store, 1);
    assert_eq!(mv.store_eid.0, EntryId::Unknown(&[0x00]));
    let MoveCopyFolder::ServerEid(eid) = mv.folder_eid else {
        panic!("{:?}", mv.folder_eid)
    };
    assert_eq!(eid.folder_id.replica_id(), ReplicaId(1));
    assert_eq!(eid.folder_id.global_counter().value(), 9);
    assert_eq!(eid.message_id, MessageId::default());
    assert_eq!(eid.instance, 0);
    assert_eq!(blocks[1].action_type, ActionType::OP_MARK_AS_READ);
    assert_eq!(blocks[1].action_data_typed(STD).unwrap(), ActionData::Empty);
    assert_eq!(r.handles().input_handle_index, Some(2));
}

#[test]
fn modify_rules_replace_remove_and_responses() {
    // Construction after MS-OXORULE 2.2.1.1: replace (R = 0x01) with no
    // rule, then a ROW_REMOVE by PidTagRuleId.
    let r = req(hex("41 00 00 01 0000"));
    let RopRequest::ModifyRules(m) = &r else {
        panic!()
    };
    assert_eq!(m.modify_rules_flags, ModifyRulesFlags::REPLACE);
    assert!(m.rules_data.is_empty());
    let r = req(hex("41 00 00 00 0100 04 0100 14007466 0700000000000000"));
    let RopRequest::ModifyRules(m) = &r else {
        panic!()
    };
    let rule = m.rules_data.get(0).unwrap();
    assert_eq!(rule.rule_data_flags, RuleDataFlags::ROW_REMOVE);
    assert_eq!(
        rule.property_values.get(0).unwrap().property_value,
        PropertyValue::Integer64(7)
    );
    // MS-OXORULE 2.2.1.2 / MS-OXCROPS 2.2.11.1.2: ReturnValue only.
    let r = resp(hex("41 00 00000000"));
    assert!(matches!(r, RopResponse::ModifyRules(_)));
    assert_eq!(r.handle_index(), Some(0));
    // Construction: ecNotFound (0x8004010F).
    let r = resp(hex("41 00 0f010480"));
    assert_eq!(r.return_value(), Some(ErrorCode::NOT_FOUND));
}

#[test]
fn update_deferred_action_messages() {
    // Construction after MS-OXCROPS 2.2.11.3.1: a 46-byte server EntryID
    // and a 2-byte client EntryID.
    let bytes = cat(&["57 00 00 2e00", FOLDER_EID, "0200 abcd"]);
    let r = req(bytes);
    let RopRequest::UpdateDeferredActionMessages(u) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(u.server_entry_id.0.len(), 46);
    assert!(matches!(
        EntryId::parse(u.server_entry_id.0),
        EntryId::Folder(_)
    ));
    assert_eq!(u.client_entry_id.0, &[0xAB, 0xCD]);
    // MS-OXORULE 2.2.3.2: ReturnValue only.
    let r = resp(hex("57 00 00000000"));
    assert!(matches!(r, RopResponse::UpdateDeferredActionMessages(_)));
    let r = resp(hex("57 00 b9040000"));
    assert_eq!(r.return_value(), Some(ErrorCode(0x4B9)));
}

#[test]
fn modify_rules_errors_name_the_field() {
    // A RulesCount that cannot fit.
    let e = RopRequest::decode_with(hex("41 00 00 00 ffff 01"), RopContext::default()).unwrap_err();
    assert!(
        matches!(e.kind(), ErrorKind::CountTooLarge { count: 0xFFFF, .. }),
        "{e}"
    );
    assert!(e.to_string().contains("RopModifyRules.RulesData"), "{e}");
    assert_eq!(e.offset(), 4);
    // A PtypRuleAction value whose ActionLength runs past the buffer.
    let bad = hex("41 00 00 00 0100 01 0100 fe008066 0100 2000 0a 00000000 00000000 00");
    let e = RopRequest::decode_with(bad, RopContext::default()).unwrap_err();
    assert!(e.to_string().contains("ActionLength"), "{e}");
    assert_eq!(e.offset(), 15);
}

#[test]
fn rule_rop_ids_are_covered() {
    for id in [0x41u8, 0x3F, 0x57] {
        assert!(coverage::REQUESTS.contains(&id), "request {id:#04x}");
        assert!(coverage::RESPONSES.contains(&id), "response {id:#04x}");
        assert!(RopId(id).name().is_some());
    }
}

// --------------------------------------------------- ActionData by type ---

#[test]
fn move_to_a_folder_of_this_store() {
    // MS-OXORULE 2.2.5.1.2.1 standard form and 2.2.5.1.2.1.1 ServerEid;
    // construction.
    let data = cat(&[
        "01 0100 00",
        "1500 01 0100000000000009 0000000000000000 00000000",
    ]);
    let d = typed(ActionType::OP_MOVE, STD, data);
    let ActionData::MoveCopy(m) = d else { panic!() };
    assert_eq!(m.folder_in_this_store, 1);
    assert!(matches!(m.folder_eid, MoveCopyFolder::ServerEid(_)));
}

#[test]
fn copy_to_a_folder_of_another_store() {
    // MS-OXORULE 2.2.5.1.2.1: FolderInThisStore FALSE, a Store Object
    // EntryID (MS-OXCDATA 2.2.4.3) and a Folder EntryID (MS-OXODLGT 4.1.1);
    // construction.
    let store = StoreEntryId::mailbox(b"SRV1", b"/o=Contoso/cn=Recipients/cn=user1")
        .to_vec()
        .unwrap();
    let mut v = vec![0x00];
    v.extend_from_slice(&u16::try_from(store.len()).unwrap().to_le_bytes());
    v.extend_from_slice(&store);
    v.extend_from_slice(&hexv("2e00"));
    v.extend_from_slice(&hexv(FOLDER_EID));
    let data: &'static [u8] = Box::leak(v.into_boxed_slice());
    let d = typed(ActionType::OP_COPY, STD, data);
    let ActionData::MoveCopy(m) = d else { panic!() };
    assert_eq!(m.folder_in_this_store, 0);
    let EntryId::Store(s) = m.store_eid.0 else {
        panic!("{:?}", m.store_eid)
    };
    assert!(s.is_mailbox());
    let MoveCopyFolder::EntryId(EntryId::Folder(f)) = m.folder_eid else {
        panic!("{:?}", m.folder_eid)
    };
    assert_eq!(f.global_counter.value(), 0x0017_4EA8_9C98);
    // A "this store" flag over bytes that are not a ServerEid keeps them.
    let data = hex("01 0100 00 0200 abcd");
    let ActionData::MoveCopy(m) = typed(ActionType::OP_MOVE, STD, data) else {
        panic!()
    };
    assert_eq!(
        m.folder_eid,
        MoveCopyFolder::EntryId(EntryId::Unknown(&[0xAB, 0xCD]))
    );
}

#[test]
fn move_in_an_extended_rule() {
    // MS-OXORULE 2.2.5.1.2.1 extended form: 4-byte sizes, no
    // FolderInThisStore; construction with a 1-byte StoreEID.
    let data = cat(&["01000000 00 2e000000", FOLDER_EID]);
    let d = typed(ActionType::OP_MOVE, EXT, data);
    let ActionData::ExtendedMoveCopy(m) = d else {
        panic!("{d:?}")
    };
    assert_eq!(m.store_eid.0, EntryId::Unknown(&[0]));
    let EntryId::Folder(f) = m.folder_eid.0 else {
        panic!()
    };
    assert_eq!(f.folder_type, StoreObjectType::PRIVATE_FOLDER);
    // The standard form of the same action does not read these bytes.
    assert!(ActionData::decode_exact(data, (ActionType::OP_MOVE, STD)).is_err());
}

#[test]
fn reply_and_oof_reply() {
    // MS-OXORULE 2.2.5.1.2.2 standard form; construction.
    let data = hex("0100000000000003 0100000000000004 00112233445566778899aabbccddeeff");
    let d = typed(ActionType::OP_REPLY, STD, data);
    let ActionData::Reply(r) = d else { panic!() };
    assert_eq!(r.reply_template_fid.global_counter().value(), 3);
    assert_eq!(r.reply_template_mid.global_counter().value(), 4);
    assert_eq!(r.reply_template_guid.0[15], 0xFF);
    // Extended form: MessageEIDSize (4 bytes), a 70-byte Message EntryID,
    // the GUID.
    let eid = MessageEntryId {
        flags: 0,
        provider_uid: Guid([0x11; 16]),
        message_type: StoreObjectType::PRIVATE_MESSAGE,
        folder_database_guid: Guid([0x22; 16]),
        folder_global_counter: GlobalCounter::from_value(5),
        pad1: 0,
        message_database_guid: Guid([0x22; 16]),
        message_global_counter: GlobalCounter::from_value(6),
        pad2: 0,
    };
    let mut v = Vec::from(70u32.to_le_bytes());
    v.extend_from_slice(&eid.to_vec().unwrap());
    v.extend_from_slice(&[0x33; 16]);
    let data: &'static [u8] = Box::leak(v.into_boxed_slice());
    let d = typed(ActionType::OP_OOF_REPLY, EXT, data);
    let ActionData::ExtendedReply(r) = d else {
        panic!()
    };
    assert_eq!(r.reply_template_message_eid.0, EntryId::Message(eid));
    assert_eq!(r.reply_template_guid, Guid([0x33; 16]));
}

#[test]
fn defer_action_keeps_its_bytes() {
    // MS-OXORULE 2.2.5.1.2.3: client-defined bytes, in either form.
    for cx in [STD, EXT] {
        let data = hex("de ad be ef");
        let d = ActionData::decode_exact(data, (ActionType::OP_DEFER_ACTION, cx)).unwrap();
        assert_eq!(d, ActionData::DeferAction(Rest(data)));
        assert_eq!(
            d.to_vec_with((ActionType::OP_DEFER_ACTION, cx)).unwrap(),
            data
        );
        assert_eq!(d.encoded_len_with((ActionType::OP_DEFER_ACTION, cx)), 4);
    }
}

#[test]
fn bounce() {
    // MS-OXORULE 2.2.5.1.2.5: the three codes, and an unnamed one kept.
    for (bytes, code) in [
        ("0d000000", BounceCode::MESSAGE_TOO_LARGE),
        ("1f000000", BounceCode::CANNOT_DISPLAY),
        ("26000000", BounceCode::DENIED),
        ("99000000", BounceCode(0x99)),
    ] {
        for cx in [STD, EXT] {
            let d = typed(ActionType::OP_BOUNCE, cx, hex(bytes));
            assert_eq!(d, ActionData::Bounce(code));
        }
    }
    assert_eq!(BounceCode(0x99).name(), None);
}

#[test]
fn forward_and_delegate() {
    // MS-OXORULE 2.2.5.1.2.4 and 2.2.5.1.2.4.1, standard form: two
    // recipients, each with PidTagDisplayName and PidTagEmailAddress
    // (0x3003001F) and a PidTagEntryId (0x0FFF0102) binary; construction.
    let data = cat(&[
        "0200",
        "01 0300",
        "1f000130 4100 0000",
        "1f000330 6100 0000",
        "0201ff0f 0200 abcd",
        "01 0100",
        "1f000130 4200 0000",
    ]);
    let d = typed(ActionType::OP_FORWARD, STD, data);
    let ActionData::ForwardDelegate(f) = d else {
        panic!()
    };
    let blocks: Vec<_> = f.recipient_blocks.iter().collect();
    assert_eq!(blocks.len(), 2);
    assert_eq!(blocks[0].reserved, 1);
    let props: Vec<_> = blocks[0].property_values.iter().collect();
    assert_eq!(props[0].property_value, PropertyValue::string("A"));
    assert_eq!(
        props[2].property_value,
        PropertyValue::binary(&[0xAB, 0xCD])
    );
    assert_eq!(
        blocks[1].property_values.get(0).unwrap().property_value,
        PropertyValue::string("B")
    );
    // The extended form: RecipientCount, NoOfProperties and the binary
    // length all take 4 bytes.
    let ext = d.to_vec_with((ActionType::OP_DELEGATE, EXT)).unwrap();
    let ext: &'static [u8] = Box::leak(ext.into_boxed_slice());
    assert_eq!(&ext[..4], &[2, 0, 0, 0]);
    assert_eq!(ext.len(), data.len() + 2 + 2 * 2 + 2);
    let back = typed(ActionType::OP_DELEGATE, EXT, ext);
    assert_eq!(back, d);
    // The flavor of a forward.
    let block: &'static [u8] = Box::leak(std_block(0x07, 0x0000_0005, data).into_boxed_slice());
    let (b, _) = ActionBlock::decode_with(block, STD).unwrap();
    assert_eq!(
        b.forward_flavor(),
        Some(ForwardFlavor::PR | ForwardFlavor::AT)
    );
    assert_eq!(b.action_data_typed(STD).unwrap(), d);
}

#[test]
fn tag_sets_a_property() {
    // MS-OXORULE 2.2.5.1.2.6: one TaggedPropertyValue; construction with
    // PidTagImportance (0x00170003) = 2.
    let d = typed(ActionType::OP_TAG, STD, hex("03001700 02000000"));
    let ActionData::Tag(t) = d else { panic!() };
    assert_eq!(t.property_tag, PropertyTag(0x0017_0003));
    assert_eq!(t.property_value, PropertyValue::Integer32(2));
    // A binary value: its length is a COUNT, 2 or 4 bytes.
    let std = typed(ActionType::OP_TAG, STD, hex("02010010 0100 7f"));
    let ext = typed(ActionType::OP_TAG, EXT, hex("02010010 01000000 7f"));
    assert_eq!(std, ext);
}

#[test]
fn delete_and_mark_as_read_carry_nothing() {
    // MS-OXORULE 2.2.5.1.2: these two action types carry no ActionData.
    for t in [ActionType::OP_DELETE, ActionType::OP_MARK_AS_READ] {
        for cx in [STD, EXT] {
            assert_eq!(typed(t, cx, &[]), ActionData::Empty);
            let e = ActionData::decode_exact(&[0x00], (t, cx)).unwrap_err();
            assert!(
                matches!(e.kind(), ErrorKind::TrailingBytes { count: 1 }),
                "{e}"
            );
        }
    }
}

#[test]
fn unknown_action_types_are_kept() {
    let d = ActionData::decode_exact(hex("0102"), (ActionType(0x0C), STD)).unwrap();
    assert_eq!(d, ActionData::Unknown(Rest(&[1, 2])));
    assert_eq!(d.to_vec_with((ActionType(0x0C), STD)).unwrap(), [1, 2]);
    // Encoding checks that the data is of the action type and form given.
    let e = d
        .to_vec_with((ActionType::OP_DEFER_ACTION, STD))
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unencodable { value: 5 });
    let reply = ActionData::Reply(ReplyAction {
        reply_template_fid: FolderId::default(),
        reply_template_mid: MessageId::default(),
        reply_template_guid: Guid([0; 16]),
    });
    assert!(reply.to_vec_with((ActionType::OP_REPLY, STD)).is_ok());
    assert!(reply.to_vec_with((ActionType::OP_REPLY, EXT)).is_err());
    assert!(reply.to_vec_with((ActionType::OP_MOVE, STD)).is_err());
}

#[test]
fn typed_data_errors_say_where() {
    // A truncated ServerEid: FolderEIDSize 0x15 but 3 bytes follow.
    let e = ActionData::decode_exact(hex("01 0100 00 1500 010000"), (ActionType::OP_MOVE, STD))
        .unwrap_err();
    assert_eq!(e.offset(), 4);
    assert!(e.to_string().starts_with("ActionData.FolderEid"), "{e}");
    // A reply that stops short.
    let e = ActionData::decode_exact(hex("0100"), (ActionType::OP_REPLY, STD)).unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::Truncated { .. }), "{e}");
}

#[test]
fn every_action_type_inside_a_rule_action_value() {
    // A PtypRuleAction value (MS-OXORULE 2.2.5) holding one block of every
    // defined action type, standard form; construction.
    let kinds: [(u8, &str); 11] = [
        (
            0x01,
            "01 0100 00 1500 01 0100000000000009 0000000000000000 00000000",
        ),
        (0x02, "00 0100 00 0200 abcd"),
        (
            0x03,
            "0100000000000003 0100000000000004 00112233445566778899aabbccddeeff",
        ),
        (
            0x04,
            "0100000000000003 0100000000000004 00112233445566778899aabbccddeeff",
        ),
        (0x05, "0102"),
        (0x06, "26000000"),
        (0x07, "0100 01 0100 1f000130 4100 0000"),
        (0x08, "0100 01 0100 1f000130 4100 0000"),
        (0x09, "03001700 02000000"),
        (0x0A, ""),
        (0x0B, ""),
    ];
    let mut v = Vec::from(11u16.to_le_bytes());
    for (t, data) in kinds {
        v.extend_from_slice(&std_block(t, 0, &hexv(data)));
    }
    let bytes: &'static [u8] = Box::leak(v.into_boxed_slice());
    let a = roundtrip::<RuleAction<'_>>(bytes, STD);
    let mut seen = Vec::new();
    for b in a.action_blocks.iter() {
        let d = b
            .action_data_typed(STD)
            .unwrap_or_else(|e| panic!("{:?}: {e}", b.action_type));
        // The typed data re-encodes to the raw ActionData.
        assert_eq!(
            d.to_vec_with((b.action_type, STD)).unwrap(),
            b.action_data.0
        );
        seen.push(match d {
            ActionData::MoveCopy(_) => "move/copy",
            ActionData::Reply(_) => "reply",
            ActionData::DeferAction(_) => "defer",
            ActionData::Bounce(_) => "bounce",
            ActionData::ForwardDelegate(_) => "forward/delegate",
            ActionData::Tag(_) => "tag",
            ActionData::Empty => "none",
            other => panic!("{other:?}"),
        });
    }
    assert_eq!(
        seen,
        [
            "move/copy",
            "move/copy",
            "reply",
            "reply",
            "defer",
            "bounce",
            "forward/delegate",
            "forward/delegate",
            "tag",
            "none",
            "none"
        ]
    );
}

#[cfg(feature = "cli")]
#[test]
fn typed_action_data_serializes() {
    let d = typed(ActionType::OP_BOUNCE, STD, hex("0d000000"));
    assert_eq!(serde_json::to_string(&d).unwrap(), r#"{"bounce":13}"#);
    let d = typed(ActionType::OP_TAG, STD, hex("03001700 02000000"));
    let j = serde_json::to_value(d).unwrap();
    assert_eq!(j["tag"]["property_tag"], "0x00170003");
}

#[cfg(feature = "cli")]
use common::cli::inspect;

#[cfg(feature = "cli")]
#[test]
fn cli_rule_action_kinds_show_typed_data() {
    // The PidTagRuleActions value of modify_rules_bytes (construction).
    let value = b"0200 2400 01 00000000 00000000 01 0100 00
        1500 01 0100000000000009 0000000000000000 00000000
        0900 0b 00000000 00000000";
    let o = inspect(&["decode", "rule-action", "--hex"], value);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let j: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let first = &j["action_blocks"][0];
    assert_eq!(first["action_type"], 1);
    assert_eq!(
        first["action_data_typed"]["move_copy"]["folder_in_this_store"],
        1
    );
    let server = &first["action_data_typed"]["move_copy"]["folder_eid"]["server_eid"];
    assert_eq!(server["folder_id"], "0001-000000000009");
    assert_eq!(j["action_blocks"][1]["action_data_typed"], "empty");
    let o = inspect(&["roundtrip", "rule-action", "--hex"], value);
    assert_eq!(o.status.code(), Some(0));
    let hexed: String = hexv(std::str::from_utf8(value).unwrap())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), hexed);
    // Extended form: OP_BOUNCE with 4-byte counts.
    let o = inspect(
        &["decode", "rule-action-extended", "--hex"],
        b"01000000 0d000000 06 00000000 00000000 26000000",
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let j: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(j["action_blocks"][0]["action_data_typed"]["bounce"], 0x26);
    // A framing that holds but typed data that does not: one error line,
    // with the offset in the input.
    let o = inspect(
        &["decode", "rule-action", "--hex"],
        b"0100 0c00 03 00000000 00000000 010203",
    );
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("RuleAction.ActionBlocks[0].ActionData"),
        "{err}"
    );
    assert!(err.contains("(offset 13)"), "{err}");
}

// ------------------------------------------------------------ proptests ---

fn action_type() -> impl Strategy<Value = ActionType> {
    prop_oneof![
        (1u8..=0x0B).prop_map(ActionType),
        any::<u8>().prop_map(ActionType)
    ]
}

fn value_cx() -> impl Strategy<Value = ValueContext> {
    prop_oneof![Just(STD), Just(EXT)]
}

proptest! {
    /// Arbitrary ActionData bytes never make the typed decoder panic, and
    /// whatever decodes re-encodes to exactly those bytes.
    #[test]
    fn arbitrary_action_data(t in action_type(), cx in value_cx(),
                             data in prop::collection::vec(any::<u8>(), 0..96)) {
        if let Ok(d) = ActionData::decode_exact(&data, (t, cx)) {
            prop_assert_eq!(d.to_vec_with((t, cx)).unwrap(), data.clone());
            prop_assert_eq!(d.encoded_len_with((t, cx)), data.len());
        }
    }

    /// Arbitrary bytes after the RopId of every rule ROP never panic, and
    /// whatever decodes re-encodes to the bytes consumed.
    #[test]
    fn arbitrary_rule_rops(id in prop::sample::select(vec![0x41u8, 0x3F, 0x57]),
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

    /// Generated bounce and tag actions survive encode→decode in both forms.
    #[test]
    fn generated_actions(code in any::<u32>(), v in any::<i32>(), cx in value_cx()) {
        let d = ActionData::Bounce(BounceCode(code));
        let b = d.to_vec_with((ActionType::OP_BOUNCE, cx)).unwrap();
        prop_assert_eq!(ActionData::decode_exact(&b, (ActionType::OP_BOUNCE, cx)).unwrap(), d);
        let d = ActionData::Tag(TaggedPropertyValue::new(0x0017, PropertyValue::Integer32(v)));
        let b = d.to_vec_with((ActionType::OP_TAG, cx)).unwrap();
        prop_assert_eq!(ActionData::decode_exact(&b, (ActionType::OP_TAG, cx)).unwrap(), d);
    }
}
