//! Rule ROPs (MS-OXCROPS 2.2.11; semantics in MS-OXORULE 2.2.1 to
//! 2.2.3): RopModifyRules, RopGetRulesTable and
//! RopUpdateDeferredActionMessages.
//!
//! Each request is the ROP's fields after its RopId; every response is the
//! ReturnValue alone (the framing lives in [`Response`](super::Response)).
//!
//! The rule properties of RopModifyRules are standard-rule values:
//! PidTagRuleCondition (PtypRestriction) and PidTagRuleActions
//! (PtypRuleAction) use 2-byte counts inside, as the rest of a ROP buffer
//! does (MS-OXORULE 2.2.1.3.1.9, 2.2.5, 2.2.5.1), so they decode in
//! [`ValueContext::Rop`]; their ActionBlocks read as typed data through
//! [`ActionBlock::action_data_typed`](crate::data::ActionBlock::action_data_typed).

use crate::data::{TaggedPropertyValue, ValueContext};
use crate::wire::{Bytes, Count, List, Width};

crate::wire_flags! {
    /// ModifyRulesFlags of RopModifyRules (MS-OXORULE 2.2.1.1).
    ///
    /// The specification gives R as "Bitmask 0x01" (its diagram draws the
    /// bit in the last column); gromox and OpenChange use 0x01 too. The
    /// 0x80 of an earlier digest was the diagram's column read as a bit
    /// number.
    ///
    /// ```
    /// use mapi_wire::rop::ModifyRulesFlags;
    ///
    /// assert_eq!(ModifyRulesFlags::REPLACE.bits(), 0x01);
    /// ```
    pub struct ModifyRulesFlags: u8 {
        /// R: the rules replace every rule of the folder; each RuleData must
        /// then be a ROW_ADD.
        const REPLACE = 0x01;
    }
}

crate::wire_flags! {
    /// RuleDataFlags of a RuleData (MS-OXORULE 2.2.1.3).
    ///
    /// ```
    /// use mapi_wire::rop::RuleDataFlags;
    ///
    /// assert_eq!(RuleDataFlags::ROW_MODIFY.bits(), 0x02);
    /// ```
    pub struct RuleDataFlags: u8 {
        /// ROW_ADD: add a new rule.
        const ROW_ADD = 0x01;
        /// ROW_MODIFY: change the rule with this PidTagRuleId.
        const ROW_MODIFY = 0x02;
        /// ROW_REMOVE: delete the rule with this PidTagRuleId.
        const ROW_REMOVE = 0x04;
    }
}

crate::wire_flags! {
    /// TableFlags of RopGetRulesTable (MS-OXORULE 2.2.2.1).
    ///
    /// ```
    /// use mapi_wire::rop::RulesTableFlags;
    ///
    /// // MS-OXORULE 4.2.1 asks for a Unicode table with 0x40.
    /// assert_eq!(RulesTableFlags::UNICODE.bits(), 0x40);
    /// ```
    pub struct RulesTableFlags: u8 {
        /// U: string values in the table are returned as Unicode.
        const UNICODE = 0x40;
    }
}

crate::wire_struct! {
    /// A RuleData structure (MS-OXCROPS 2.2.11.1.1.1; MS-OXORULE 2.2.1.3):
    /// one rule to add, change or remove, as its properties.
    ///
    /// ```
    /// use mapi_wire::data::PropertyValue;
    /// use mapi_wire::rop::{RuleData, RuleDataFlags};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// // ROW_REMOVE of the rule whose PidTagRuleId (0x66740014) is 2.
    /// let bytes = [0x04, 0x01, 0x00, 0x14, 0x00, 0x74, 0x66, 2, 0, 0, 0, 0, 0, 0, 0];
    /// let (d, _) = RuleData::decode(&bytes).unwrap();
    /// assert_eq!(d.rule_data_flags, RuleDataFlags::ROW_REMOVE);
    /// assert_eq!(d.property_values.get(0).unwrap().property_value, PropertyValue::Integer64(2));
    /// assert_eq!(d.to_vec().unwrap(), bytes);
    /// ```
    pub struct RuleData<'a> {
        /// RuleDataFlags.
        pub rule_data_flags: RuleDataFlags,
        /// PropertyValues, preceded by PropertyValueCount (2 bytes): the
        /// rule's properties (MS-OXORULE 2.2.1.3.1), in standard-rule form.
        pub property_values: List<'a, TaggedPropertyValue<'a>> =
            ctx((Count::Prefix(Width::U16), ValueContext::Rop)),
    }
}

crate::wire_struct! {
    /// RopModifyRules request (MS-OXCROPS 2.2.11.1.1; MS-OXORULE 2.2.1.1).
    /// The response (2.2.11.1.2) is the ReturnValue alone.
    ///
    /// ```
    /// use mapi_wire::rop::{ModifyRulesFlags, RopContext, RopRequest};
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = RopRequest::decode_with(&[0x41, 0x00, 0x00, 0x01, 0x00, 0x00],
    ///     RopContext::default()).unwrap();
    /// let RopRequest::ModifyRules(m) = r else { panic!() };
    /// assert_eq!(m.modify_rules_flags, ModifyRulesFlags::REPLACE);
    /// assert!(m.rules_data.is_empty());
    /// ```
    pub struct ModifyRulesRequest<'a> {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the folder.
        pub input_handle_index: u8,
        /// ModifyRulesFlags.
        pub modify_rules_flags: ModifyRulesFlags,
        /// RulesData, preceded by RulesCount (2 bytes).
        pub rules_data: List<'a, RuleData<'a>> = ctx((Count::Prefix(Width::U16), ())),
    }
}

crate::wire_struct! {
    /// RopGetRulesTable request (MS-OXCROPS 2.2.11.2.1; MS-OXORULE
    /// 2.2.2.1): opens the folder's rules table. The response (2.2.11.2.2)
    /// is the ReturnValue alone, echoing OutputHandleIndex.
    ///
    /// ```
    /// use mapi_wire::rop::{RopContext, RopRequest, RulesTableFlags};
    /// use mapi_wire::wire::Decode;
    ///
    /// // MS-OXORULE 4.2.1.
    /// let (r, _) = RopRequest::decode_with(&[0x3F, 0x00, 0x00, 0x01, 0x40],
    ///     RopContext::default()).unwrap();
    /// let RopRequest::GetRulesTable(g) = r else { panic!() };
    /// assert_eq!(g.output_handle_index, 1);
    /// assert_eq!(g.table_flags, RulesTableFlags::UNICODE);
    /// ```
    #[derive(Copy)]
    pub struct GetRulesTableRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the folder.
        pub input_handle_index: u8,
        /// OutputHandleIndex: where the table's handle goes.
        pub output_handle_index: u8,
        /// TableFlags.
        pub table_flags: RulesTableFlags,
    }
}

crate::wire_struct! {
    /// RopUpdateDeferredActionMessages request (MS-OXCROPS 2.2.11.3.1;
    /// MS-OXORULE 2.2.3.1): tells the server that deferred action messages
    /// naming one EntryID of a message now name another. The response
    /// (2.2.11.3.2) is the ReturnValue alone.
    ///
    /// ```
    /// use mapi_wire::rop::{RopContext, RopRequest};
    /// use mapi_wire::wire::Decode;
    ///
    /// let bytes = [0x57, 0x00, 0x00, 0x02, 0x00, 0xAA, 0xBB, 0x01, 0x00, 0xCC];
    /// let (r, _) = RopRequest::decode_with(&bytes, RopContext::default()).unwrap();
    /// let RopRequest::UpdateDeferredActionMessages(u) = r else { panic!() };
    /// assert_eq!(u.server_entry_id.0, &[0xAA, 0xBB]);
    /// assert_eq!(u.client_entry_id.0, &[0xCC]);
    /// ```
    #[derive(Copy)]
    pub struct UpdateDeferredActionMessagesRequest<'a> {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the logon.
        pub input_handle_index: u8,
        /// ServerEntryId, preceded by ServerEntryIdSize (2 bytes): the
        /// message's EntryID on the server.
        pub server_entry_id: Bytes<'a> = ctx(Width::U16),
        /// ClientEntryId, preceded by ClientEntryIdSize (2 bytes): its
        /// EntryID on the client.
        pub client_entry_id: Bytes<'a> = ctx(Width::U16),
    }
}
