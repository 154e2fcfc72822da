//! Permission ROPs (MS-OXCROPS 2.2.10) through the ROP catalogue, from the
//! byte examples of MS-OXCPERM section 4 and careful constructions.

mod common;

use common::{hex, roundtrip2};
use mapi_wire::data::*;
use mapi_wire::rop::*;
use mapi_wire::wire::{Decode, Encode, ErrorKind, List};
use proptest::prelude::*;

fn req(bytes: &[u8]) -> RopRequest<'_> {
    roundtrip2::<RopRequest<'_>>(bytes, RopContext::default(), RopFacts::default())
}

fn resp(bytes: &[u8]) -> RopResponse<'_> {
    roundtrip2::<RopResponse<'_>>(bytes, RopContext::default(), RopFacts::default())
}

/// PidTagEntryId, PidTagMemberId and PidTagMemberRights (MS-OXCPERM
/// 2.2.4, 2.2.5, 2.2.7).
const ENTRY_ID: PropertyTag = PropertyTag(0x0FFF_0102);
const MEMBER_ID: PropertyTag = PropertyTag(0x6671_0014);
const MEMBER_RIGHTS: PropertyTag = PropertyTag(0x6673_0003);

#[test]
fn get_permissions_table() {
    // MS-OXCPERM 4.1: IncludeFreeBusy, the table into slot 1.
    let r = req(hex("3e 00 00 01 02"));
    let RopRequest::GetPermissionsTable(g) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(g.input_handle_index, 0);
    assert_eq!(g.output_handle_index, 1);
    assert_eq!(g.table_flags, PermissionsTableFlags::INCLUDE_FREE_BUSY);
    assert_eq!(r.handles().output_handle_index, Some(1));
    // MS-OXCROPS 2.2.10.2.2: the response echoes OutputHandleIndex.
    let r = resp(hex("3e 01 00000000"));
    let RopResponse::GetPermissionsTable(g) = &r else {
        panic!()
    };
    assert_eq!(g.handle_index, 1);
    assert!(matches!(g.body, ResponseBody::Success(NoBody)));
    assert_eq!(r.handle_index_name(), Some("output_handle_index"));
    // Construction: ecNotSupported (0x80040102) is the same 6 bytes.
    let r = resp(hex("3e 01 02010480"));
    let RopResponse::GetPermissionsTable(g) = &r else {
        panic!()
    };
    assert_eq!(g.return_value, ErrorCode(0x8004_0102));
    assert!(matches!(g.body, ResponseBody::Failure(NoBody)));
}

#[test]
fn modify_permissions_add_modify_remove() {
    // Construction after MS-OXCROPS 2.2.10.1.1 and MS-OXCPERM 2.2.2.1.1,
    // 3.1.4.2-3.1.4.4: add a user by EntryID as Editor (0x0000047B),
    // change member 1 to ReadAny, remove the anonymous member (-1).
    let bytes = hex("40 00 01 00 0300
         01 0200 0201ff0f 0400 deadbeef 03007366 7b040000
         02 0200 14007166 0100000000000000 03007366 01000000
         04 0100 14007166 ffffffffffffffff");
    let r = req(bytes);
    let RopRequest::ModifyPermissions(m) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(m.input_handle_index, 1);
    assert_eq!(m.modify_flags, ModifyPermissionsFlags::empty());
    let rows: Vec<_> = m.permissions_data.iter().collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0].permission_data_flags, PermissionDataFlags::ADD_ROW);
    let add: Vec<_> = rows[0].property_values.iter().collect();
    assert_eq!(add[0].property_tag, ENTRY_ID);
    assert_eq!(
        add[0].property_value,
        PropertyValue::binary(&[0xDE, 0xAD, 0xBE, 0xEF])
    );
    assert_eq!(add[1].property_tag, MEMBER_RIGHTS);
    assert_eq!(add[1].property_value, PropertyValue::Integer32(0x47B));
    assert_eq!(
        rows[1].permission_data_flags,
        PermissionDataFlags::MODIFY_ROW
    );
    let modify = rows[1].property_values.get(0).unwrap();
    assert_eq!(modify.property_tag, MEMBER_ID);
    assert_eq!(modify.property_value, PropertyValue::Integer64(1));
    assert_eq!(
        rows[2].permission_data_flags,
        PermissionDataFlags::REMOVE_ROW
    );
    assert_eq!(
        rows[2].property_values.get(0).unwrap().property_value,
        PropertyValue::Integer64(-1)
    );
    // MS-OXCROPS 2.2.10.1.2: ReturnValue only.
    let r = resp(hex("40 01 00000000"));
    assert!(matches!(r, RopResponse::ModifyPermissions(_)));
    assert_eq!(r.handle_index(), Some(1));
    // Construction after MS-OXCPERM 3.2.5.2: ecNotFound for an unknown
    // member.
    let r = resp(hex("40 01 0f010480"));
    assert_eq!(r.return_value(), Some(ErrorCode::NOT_FOUND));
}

#[test]
fn modify_permissions_replace_rows_with_free_busy() {
    // Construction after MS-OXCPERM 2.2.2.1: ReplaceRows | IncludeFreeBusy
    // with one AddRow.
    let r = req(hex("40 00 01 03 0100 01 0100 03007366 00080000"));
    let RopRequest::ModifyPermissions(m) = &r else {
        panic!()
    };
    assert_eq!(
        m.modify_flags,
        ModifyPermissionsFlags::REPLACE_ROWS | ModifyPermissionsFlags::INCLUDE_FREE_BUSY
    );
    assert_eq!(m.permissions_data.len(), 1);
}

#[test]
fn modify_permissions_built_and_errors() {
    // A request built from values encodes to the bytes a decoder reads.
    let values = [TaggedPropertyValue::new(
        MEMBER_ID.id().0,
        PropertyValue::Integer64(2),
    )];
    let rows = [PermissionData {
        permission_data_flags: PermissionDataFlags::REMOVE_ROW,
        property_values: List::from_slice(&values),
    }];
    let built = RopRequest::ModifyPermissions(ModifyPermissionsRequest {
        logon_id: 0,
        input_handle_index: 1,
        modify_flags: ModifyPermissionsFlags::empty(),
        permissions_data: List::from_slice(&rows),
    });
    let bytes = built.to_vec_with(RopFacts::default()).unwrap();
    assert_eq!(
        bytes,
        hex("40 00 01 00 0100 04 0100 14007166 0200000000000000")
    );
    let (back, _) = RopRequest::decode_with(&bytes, RopContext::default()).unwrap();
    assert_eq!(back, built);
    // A PropertyValueCount past the end of the buffer.
    let e = RopRequest::decode_with(
        hex("40 00 01 00 0100 01 0900 03007366"),
        RopContext::default(),
    )
    .unwrap_err();
    assert!(
        matches!(e.kind(), ErrorKind::CountTooLarge { count: 9, .. }),
        "{e}"
    );
    assert_eq!(e.offset(), 7);
    assert!(
        e.to_string().contains("PermissionsData[0].PropertyValues"),
        "{e}"
    );
}

#[test]
fn permission_rop_ids_are_covered() {
    for id in [0x40u8, 0x3E] {
        assert!(coverage::REQUESTS.contains(&id), "request {id:#04x}");
        assert!(coverage::RESPONSES.contains(&id), "response {id:#04x}");
    }
}

#[test]
fn permissions_table_slot_is_fresh_for_its_columns() {
    // MS-OXCPERM 4.1: RopGetPermissionsTable into slot 1, RopSetColumns
    // (PidTagMemberId, PidTagMemberName 0x6672001F, PidTagMemberRights)
    // and RopQueryRows on slot 1, batched; the response's rows decode
    // with the columns the same buffer set (construction of the output).
    let input = hex("2000 3e 00 00 01 02
         12 00 01 00 0300 14007166 1f007266 03007366
         15 00 01 00 01 3200
         da010000 ffffffff");
    let output = hex("2900 3e 01 00000000
         12 01 00000000 00
         15 01 00000000 02 0100 00 0100000000000000 4100 0000 00080000
         da010000 55000000");
    let cx = OutputContext::for_request(input).unwrap();
    let out = RopOutputBuffer::decode_exact(output, cx).unwrap();
    let RopResponse::QueryRows(q) = &out.rops[2] else {
        panic!("{:?}", out.rops[2])
    };
    let rows = q.ok().unwrap().row_data.rows().expect("columns known");
    let row = rows.rows().next().unwrap();
    assert_eq!(row.value(1), Some(&PropertyValue::string("A")));
    assert_eq!(row.value(2), Some(&PropertyValue::Integer32(0x800)));
}

proptest! {
    /// Arbitrary bytes after each permission RopId never panic, and
    /// whatever decodes re-encodes to the bytes consumed.
    #[test]
    fn arbitrary_permission_rops(id in prop::sample::select(vec![0x40u8, 0x3E]),
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
