//! PtypRuleAction values (MS-OXCDATA 2.11.1; layout in MS-OXORULE 2.2.5).
//!
//! Only the framing is decoded here: the list of action blocks and each
//! block's fixed header. The action-specific ActionData stays as bytes.

use super::value::ValueContext;
use crate::wire::{Bytes, Count, Decode, Encode, Error, List, Reader, Rest, ResultExt, Sink};

crate::wire_enum! {
    /// ActionType of an ActionBlock (MS-OXORULE 2.2.5.1).
    pub struct ActionType(u8) {
        /// Move the message to a folder.
        OP_MOVE = 0x01 => "OP_MOVE",
        /// Copy the message to a folder.
        OP_COPY = 0x02 => "OP_COPY",
        /// Reply with a template.
        OP_REPLY = 0x03 => "OP_REPLY",
        /// Out-of-office reply with a template.
        OP_OOF_REPLY = 0x04 => "OP_OOF_REPLY",
        /// Deferred action for the client.
        OP_DEFER_ACTION = 0x05 => "OP_DEFER_ACTION",
        /// Reject as undeliverable.
        OP_BOUNCE = 0x06 => "OP_BOUNCE",
        /// Forward to recipients.
        OP_FORWARD = 0x07 => "OP_FORWARD",
        /// Delegate to recipients.
        OP_DELEGATE = 0x08 => "OP_DELEGATE",
        /// Set a property.
        OP_TAG = 0x09 => "OP_TAG",
        /// Delete the message.
        OP_DELETE = 0x0A => "OP_DELETE",
        /// Mark the message read.
        OP_MARK_AS_READ = 0x0B => "OP_MARK_AS_READ",
    }
}

/// One ActionBlock (MS-OXORULE 2.2.5.1): ActionLength (a COUNT, 2 bytes in
/// ROPs and standard rules, 4 in extended rules) gives the length of what
/// follows: ActionType (1), ActionFlavor (4), ActionFlags (4), ActionData.
///
/// ```
/// use mapi_wire::data::{ActionBlock, ActionType, ValueContext};
/// use mapi_wire::wire::{Decode, Encode};
///
/// // OP_DELETE with no flavor, flags or data.
/// let bytes = [0x09, 0x00, 0x0A, 0, 0, 0, 0, 0, 0, 0, 0];
/// let (b, _) = ActionBlock::decode_with(&bytes, ValueContext::Rop).unwrap();
/// assert_eq!(b.action_type, ActionType::OP_DELETE);
/// assert!(b.action_data.0.is_empty());
/// assert_eq!(b.to_vec_with(ValueContext::Rop).unwrap(), bytes);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ActionBlock<'a> {
    /// ActionType.
    pub action_type: ActionType,
    /// ActionFlavor: flags that depend on the action type.
    pub action_flavor: u32,
    /// ActionFlags: client-defined.
    pub action_flags: u32,
    /// ActionData: action-specific (MS-OXORULE 2.2.5.1.2), kept as bytes.
    pub action_data: Rest<'a>,
}

crate::wire_struct! {
    /// The fixed part of an ActionBlock after ActionLength.
    struct ActionBody<'a> {
        action_type: ActionType,
        action_flavor: u32,
        action_flags: u32,
        action_data: Rest<'a>,
    }
}

impl<'a> Decode<'a> for ActionBlock<'a> {
    type Ctx = ValueContext;
    const NAME: &'static str = "ActionBlock";
    const MIN_LEN: usize = 11;

    fn decode_from(r: &mut Reader<'a>, cx: ValueContext) -> Result<Self, Error> {
        let Bytes(body) = Bytes::decode_from(r, cx.rule_count()).in_field("action_length")?;
        // `body` ends at the reader's position.
        let at = r.offset().saturating_sub(body.len());
        let mut inner = Reader::at_offset(body, at, *r.limits());
        let b = ActionBody::decode_from(&mut inner, ())?;
        Ok(ActionBlock {
            action_type: b.action_type,
            action_flavor: b.action_flavor,
            action_flags: b.action_flags,
            action_data: b.action_data,
        })
    }
}

impl ActionBlock<'_> {
    /// ActionLength: ActionType, ActionFlavor, ActionFlags and ActionData.
    fn action_length(&self) -> usize {
        9usize.saturating_add(self.action_data.0.len())
    }
}

impl Encode for ActionBlock<'_> {
    type Ctx = ValueContext;

    fn encoded_len_with(&self, cx: ValueContext) -> usize {
        cx.rule_count().size().saturating_add(self.action_length())
    }

    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, cx: ValueContext) -> Result<(), Error> {
        // A saturated length does not fit the field: Unencodable.
        s.put_uint(cx.rule_count(), self.action_length())
            .in_field("action_length")?;
        self.action_type.encode_with(s, ())?;
        s.put_u32(self.action_flavor)?;
        s.put_u32(self.action_flags)?;
        s.put(self.action_data.0)
    }
}

crate::wire_struct! {
    /// A PtypRuleAction value, the RuleAction structure (MS-OXORULE 2.2.5):
    /// NoOfActions (a COUNT) and that many [`ActionBlock`]s.
    ///
    /// ```
    /// use mapi_wire::data::{RuleAction, ValueContext};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let bytes = [0x01, 0x00, 0x09, 0x00, 0x0B, 0, 0, 0, 0, 0, 0, 0, 0];
    /// let (a, _) = RuleAction::decode_with(&bytes, ValueContext::Rop).unwrap();
    /// assert_eq!(a.action_blocks.len(), 1);
    /// assert_eq!(a.to_vec_with(ValueContext::Rop).unwrap(), bytes);
    /// ```
    #[derive(Copy)]
    pub struct RuleAction<'a> (cx: ValueContext) {
        /// ActionBlocks, preceded by NoOfActions.
        pub action_blocks: List<'a, ActionBlock<'a>> = ctx((Count::Prefix(cx.rule_count()), cx)),
    }
}
