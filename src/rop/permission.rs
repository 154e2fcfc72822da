//! Permission ROPs (MS-OXCROPS 2.2.10; semantics in MS-OXCPERM 2.2.1,
//! 2.2.2): RopModifyPermissions and RopGetPermissionsTable.
//!
//! Each request is the ROP's fields after its RopId; both responses are
//! the ReturnValue alone (the framing lives in [`Response`](super::Response)).

use crate::data::{TaggedPropertyValue, ValueContext};
use crate::wire::{Count, List, Width};

crate::wire_flags! {
    /// ModifyFlags of RopModifyPermissions (MS-OXCPERM 2.2.2.1).
    ///
    /// ```
    /// use mapi_wire::rop::ModifyPermissionsFlags;
    ///
    /// assert_eq!(ModifyPermissionsFlags::INCLUDE_FREE_BUSY.bits(), 0x02);
    /// ```
    pub struct ModifyPermissionsFlags: u8 {
        /// ReplaceRows: the rows replace every entry but the default
        /// user's; each must then be an AddRow.
        const REPLACE_ROWS = 0x01;
        /// IncludeFreeBusy: apply the FreeBusySimple and FreeBusyDetailed
        /// rights (Calendar folder only).
        const INCLUDE_FREE_BUSY = 0x02;
    }
}

crate::wire_flags! {
    /// PermissionDataFlags of a PermissionData (MS-OXCPERM 2.2.2.1.1).
    ///
    /// ```
    /// use mapi_wire::rop::PermissionDataFlags;
    ///
    /// assert_eq!(PermissionDataFlags::REMOVE_ROW.bits(), 0x04);
    /// ```
    pub struct PermissionDataFlags: u8 {
        /// AddRow: add the user named by PidTagEntryId.
        const ADD_ROW = 0x01;
        /// ModifyRow: change the rights of the user named by
        /// PidTagMemberId.
        const MODIFY_ROW = 0x02;
        /// RemoveRow: remove the user named by PidTagMemberId.
        const REMOVE_ROW = 0x04;
    }
}

crate::wire_flags! {
    /// TableFlags of RopGetPermissionsTable (MS-OXCPERM 2.2.1.1).
    ///
    /// ```
    /// use mapi_wire::rop::PermissionsTableFlags;
    ///
    /// assert_eq!(PermissionsTableFlags::INCLUDE_FREE_BUSY.bits(), 0x02);
    /// ```
    pub struct PermissionsTableFlags: u8 {
        /// IncludeFreeBusy: return the FreeBusySimple and FreeBusyDetailed
        /// rights too.
        const INCLUDE_FREE_BUSY = 0x02;
    }
}

crate::wire_struct! {
    /// A PermissionData structure (MS-OXCROPS 2.2.10.1.1.1; MS-OXCPERM
    /// 2.2.2.1.1): one change to a folder's permissions list.
    ///
    /// ```
    /// use mapi_wire::data::{PropertyValue, ValueContext};
    /// use mapi_wire::rop::{PermissionData, PermissionDataFlags};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// // RemoveRow for PidTagMemberId (0x66710014) = 5.
    /// let bytes = [0x04, 0x01, 0x00, 0x14, 0x00, 0x71, 0x66, 5, 0, 0, 0, 0, 0, 0, 0];
    /// let (p, _) = PermissionData::decode(&bytes).unwrap();
    /// assert_eq!(p.permission_data_flags, PermissionDataFlags::REMOVE_ROW);
    /// let v = p.property_values.get(0).unwrap();
    /// assert_eq!(v.property_value, PropertyValue::Integer64(5));
    /// assert_eq!(p.to_vec().unwrap(), bytes);
    /// ```
    pub struct PermissionData<'a> {
        /// PermissionDataFlags.
        pub permission_data_flags: PermissionDataFlags,
        /// PropertyValues, preceded by PropertyValueCount (2 bytes): the
        /// entry's properties (PidTagEntryId, PidTagMemberId,
        /// PidTagMemberRights).
        pub property_values: List<'a, TaggedPropertyValue<'a>> =
            ctx((Count::Prefix(Width::U16), ValueContext::Rop)),
    }
}

crate::wire_struct! {
    /// RopModifyPermissions request (MS-OXCROPS 2.2.10.1.1; MS-OXCPERM
    /// 2.2.2.1). The response (2.2.10.1.2) is the ReturnValue alone.
    ///
    /// ```
    /// use mapi_wire::rop::{ModifyPermissionsFlags, RopContext, RopRequest};
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = RopRequest::decode_with(&[0x40, 0x00, 0x01, 0x01, 0x00, 0x00],
    ///     RopContext::default()).unwrap();
    /// let RopRequest::ModifyPermissions(m) = r else { panic!() };
    /// assert_eq!(m.modify_flags, ModifyPermissionsFlags::REPLACE_ROWS);
    /// assert!(m.permissions_data.is_empty());
    /// ```
    pub struct ModifyPermissionsRequest<'a> {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the folder.
        pub input_handle_index: u8,
        /// ModifyFlags.
        pub modify_flags: ModifyPermissionsFlags,
        /// PermissionsData, preceded by ModifyCount (2 bytes).
        pub permissions_data: List<'a, PermissionData<'a>> = ctx((Count::Prefix(Width::U16), ())),
    }
}

crate::wire_struct! {
    /// RopGetPermissionsTable request (MS-OXCROPS 2.2.10.2.1; MS-OXCPERM
    /// 2.2.1.1): opens the folder's permissions table. The response
    /// (2.2.10.2.2) is the ReturnValue alone, echoing OutputHandleIndex.
    ///
    /// ```
    /// use mapi_wire::rop::{PermissionsTableFlags, RopContext, RopRequest};
    /// use mapi_wire::wire::Decode;
    ///
    /// // MS-OXCPERM 4.1.
    /// let (r, _) = RopRequest::decode_with(&[0x3E, 0x00, 0x00, 0x01, 0x02],
    ///     RopContext::default()).unwrap();
    /// let RopRequest::GetPermissionsTable(g) = r else { panic!() };
    /// assert_eq!(g.output_handle_index, 1);
    /// assert_eq!(g.table_flags, PermissionsTableFlags::INCLUDE_FREE_BUSY);
    /// ```
    #[derive(Copy)]
    pub struct GetPermissionsTableRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the folder.
        pub input_handle_index: u8,
        /// OutputHandleIndex: where the table's handle goes.
        pub output_handle_index: u8,
        /// TableFlags.
        pub table_flags: PermissionsTableFlags,
    }
}
