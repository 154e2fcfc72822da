//! PtypRuleAction values (MS-OXCDATA 2.11.1; layout in MS-OXORULE 2.2.5).
//!
//! A [`RuleAction`] is the list of action blocks; each [`ActionBlock`]
//! keeps its ActionData as the bytes it was sent as, so that decode→encode
//! is exact whatever the data holds. [`ActionBlock::action_data_typed`]
//! reads those bytes as the typed [`ActionData`] of the block's action
//! type (MS-OXORULE 2.2.5.1.2), in the standard-rule or the extended-rule
//! form.

use super::entry_id::EntryId;
use super::guid::Guid;
use super::ids::{FolderId, MessageId};
use super::tagged::TaggedPropertyValue;
use super::value::{ServerIdOurs, ValueContext};
use crate::wire::{
    Bytes, Count, Decode, Encode, Error, ErrorKind, List, Reader, Rest, ResultExt, Sink, Width,
};

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

// ---------------------------------------------------------------------------
// ActionFlavor (MS-OXORULE 2.2.5.1.1).

crate::wire_flags! {
    /// ActionFlavor of an OP_FORWARD action (MS-OXORULE 2.2.5.1.1). For
    /// every other action type but OP_REPLY and OP_OOF_REPLY the flavor
    /// is zero.
    ///
    /// ```
    /// use mapi_wire::data::ForwardFlavor;
    ///
    /// assert_eq!((ForwardFlavor::PR | ForwardFlavor::AT).bits(), 0x05);
    /// ```
    pub struct ForwardFlavor: u32 {
        /// PR: preserve the sender information and the message contents.
        const PR = 0x0000_0001;
        /// NC: forward the message unchanged, without a new header.
        const NC = 0x0000_0002;
        /// AT: forward the message as an attachment.
        const AT = 0x0000_0004;
        /// TM: forward as a text (SMS) message.
        const TM = 0x0000_0008;
    }
}

crate::wire_flags! {
    /// ActionFlavor of an OP_REPLY or OP_OOF_REPLY action (MS-OXORULE
    /// 2.2.5.1.1).
    ///
    /// ```
    /// use mapi_wire::data::ReplyFlavor;
    ///
    /// assert_eq!(ReplyFlavor::ST.bits(), 0x02);
    /// ```
    pub struct ReplyFlavor: u32 {
        /// NS: do not send the reply to the message's sender (the template
        /// names the recipients).
        const NS = 0x0000_0001;
        /// ST: use the server's fixed text instead of the template's.
        const ST = 0x0000_0002;
    }
}

impl<'a> ActionBlock<'a> {
    /// The ActionFlavor as [`ForwardFlavor`] bits, for an OP_FORWARD block.
    ///
    /// ```
    /// use mapi_wire::data::{ActionBlock, ActionType, ForwardFlavor};
    /// use mapi_wire::wire::Rest;
    ///
    /// let b = ActionBlock { action_type: ActionType::OP_FORWARD, action_flavor: 4,
    ///     action_flags: 0, action_data: Rest(&[]) };
    /// assert_eq!(b.forward_flavor(), Some(ForwardFlavor::AT));
    /// assert_eq!(b.reply_flavor(), None);
    /// ```
    pub fn forward_flavor(&self) -> Option<ForwardFlavor> {
        (self.action_type == ActionType::OP_FORWARD)
            .then(|| ForwardFlavor::from_bits_retain(self.action_flavor))
    }

    /// The ActionFlavor as [`ReplyFlavor`] bits, for an OP_REPLY or
    /// OP_OOF_REPLY block.
    ///
    /// ```
    /// use mapi_wire::data::{ActionBlock, ActionType, ReplyFlavor};
    /// use mapi_wire::wire::Rest;
    ///
    /// let b = ActionBlock { action_type: ActionType::OP_OOF_REPLY, action_flavor: 2,
    ///     action_flags: 0, action_data: Rest(&[]) };
    /// assert_eq!(b.reply_flavor(), Some(ReplyFlavor::ST));
    /// ```
    pub fn reply_flavor(&self) -> Option<ReplyFlavor> {
        matches!(
            self.action_type,
            ActionType::OP_REPLY | ActionType::OP_OOF_REPLY
        )
        .then(|| ReplyFlavor::from_bits_retain(self.action_flavor))
    }

    /// The ActionData read as the typed structure of this block's action
    /// type (MS-OXORULE 2.2.5.1.2), in the form `cx` selects: standard
    /// rules ([`ValueContext::Rop`], as in RopModifyRules and the rules
    /// table) or extended rules ([`ValueContext::Extended`]).
    ///
    /// The data must fill the block exactly. Error offsets count from the
    /// start of the ActionData (the block does not know where it sat in
    /// the outer input). Nothing is allocated; the result borrows the
    /// block's bytes.
    ///
    /// ```
    /// use mapi_wire::data::{ActionBlock, ActionData, ActionType, BounceCode, ValueContext};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// // OP_BOUNCE with BounceCode 0x0000000D.
    /// let bytes = [0x0D, 0x00, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0x0D, 0x00, 0x00, 0x00];
    /// let (b, _) = ActionBlock::decode_with(&bytes, ValueContext::Rop).unwrap();
    /// let data = b.action_data_typed(ValueContext::Rop).unwrap();
    /// assert_eq!(data, ActionData::Bounce(BounceCode::MESSAGE_TOO_LARGE));
    /// // Encoding the typed data gives back the raw ActionData.
    /// let cx = (ActionType::OP_BOUNCE, ValueContext::Rop);
    /// assert_eq!(data.to_vec_with(cx).unwrap(), b.action_data.0);
    /// ```
    pub fn action_data_typed(&self, cx: ValueContext) -> Result<ActionData<'a>, Error> {
        ActionData::decode_exact(self.action_data.0, (self.action_type, cx))
    }
}

// ---------------------------------------------------------------------------
// ActionData (MS-OXORULE 2.2.5.1.2).

crate::wire_enum! {
    /// BounceCode of OP_BOUNCE (MS-OXORULE 2.2.5.1.2.5). The specification
    /// gives the values with their meanings only; the names are ours.
    ///
    /// ```
    /// use mapi_wire::data::BounceCode;
    ///
    /// assert_eq!(BounceCode(0x26), BounceCode::DENIED);
    /// ```
    pub struct BounceCode(u32) {
        /// The message was rejected because it was too large.
        MESSAGE_TOO_LARGE = 0x0000_000D => "MessageTooLarge",
        /// The message was rejected because it cannot be displayed to the
        /// user.
        CANNOT_DISPLAY = 0x0000_001F => "CannotDisplay",
        /// Delivery was denied for other reasons.
        DENIED = 0x0000_0026 => "Denied",
    }
}

/// An EntryID preceded by its byte count (StoreEIDSize, FolderEIDSize,
/// MessageEIDSize of MS-OXORULE 2.2.5.1.2.1 and 2.2.5.1.2.2). The context
/// is the width of the count; the EntryID is recognised by
/// [`EntryId::parse`] and kept exactly, whatever it holds.
///
/// ```
/// use mapi_wire::data::{EntryId, SizedEntryId};
/// use mapi_wire::wire::{Decode, Encode, Width};
///
/// let (e, _) = SizedEntryId::decode_with(&[0x02, 0x00, 0xAB, 0xCD], Width::U16).unwrap();
/// assert_eq!(e.0, EntryId::Unknown(&[0xAB, 0xCD]));
/// assert_eq!(e.to_vec_with(Width::U16).unwrap(), [0x02, 0x00, 0xAB, 0xCD]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct SizedEntryId<'a>(pub EntryId<'a>);

impl<'a> Decode<'a> for SizedEntryId<'a> {
    type Ctx = Width;
    const NAME: &'static str = "EntryId";
    const MIN_LEN: usize = 1;

    fn decode_from(r: &mut Reader<'a>, w: Width) -> Result<Self, Error> {
        let Bytes(b) = Bytes::decode_from(r, w)?;
        Ok(SizedEntryId(EntryId::parse(b)))
    }
}

impl Encode for SizedEntryId<'_> {
    type Ctx = Width;

    fn encoded_len_with(&self, w: Width) -> usize {
        w.size() + self.0.encoded_len()
    }

    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, w: Width) -> Result<(), Error> {
        s.put_uint(w, self.0.encoded_len())?;
        self.0.encode(s)
    }
}

/// FolderEIDSize and FolderEID of a standard-rule OP_MOVE or OP_COPY
/// (MS-OXORULE 2.2.5.1.2.1). When FolderInThisStore is TRUE the folder is
/// a ServerEid structure (2.2.5.1.2.1.1: Ours = 0x01, FolderId, a zero
/// MessageId and a zero Instance, 21 bytes); otherwise it is a Folder
/// EntryID of another store.
///
/// The context is the width of FolderEIDSize and whether FolderInThisStore
/// is TRUE. Bytes that are not a ServerEid although FolderInThisStore says
/// so are kept as an [`EntryId`] (most likely [`EntryId::Unknown`]), so
/// every input re-encodes exactly.
///
/// ```
/// use mapi_wire::data::MoveCopyFolder;
/// use mapi_wire::wire::{Decode, Encode, Width};
///
/// let mut bytes = vec![0x15, 0x00, 0x01];
/// bytes.extend_from_slice(&[1, 0, 0, 0, 0, 0, 0, 0x2A]); // FolderId 1-00000000002a
/// bytes.extend_from_slice(&[0; 12]); // MessageId, Instance
/// let (f, _) = MoveCopyFolder::decode_with(&bytes, (Width::U16, true)).unwrap();
/// let MoveCopyFolder::ServerEid(eid) = f else { panic!() };
/// assert_eq!(eid.folder_id.global_counter().value(), 0x2A);
/// assert_eq!(f.to_vec_with((Width::U16, true)).unwrap(), bytes);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum MoveCopyFolder<'a> {
    /// A ServerEid: the folder is in the user's own mailbox.
    ServerEid(ServerIdOurs),
    /// A Folder EntryID of another store, or bytes that are not a
    /// ServerEid.
    EntryId(EntryId<'a>),
}

impl<'a> Decode<'a> for MoveCopyFolder<'a> {
    /// The width of FolderEIDSize, and FolderInThisStore.
    type Ctx = (Width, bool);
    const NAME: &'static str = "FolderEID";
    const MIN_LEN: usize = 1;

    fn decode_from(r: &mut Reader<'a>, (w, in_this_store): Self::Ctx) -> Result<Self, Error> {
        let Bytes(b) = Bytes::decode_from(r, w).in_field("folder_eid_size")?;
        match b.split_first() {
            Some((0x01, rest)) if in_this_store && b.len() == 21 => {
                let mut inner = Reader::at_offset(rest, r.offset() - 20, *r.limits());
                ServerIdOurs::decode_from(&mut inner, ()).map(MoveCopyFolder::ServerEid)
            }
            _ => Ok(MoveCopyFolder::EntryId(EntryId::parse(b))),
        }
    }
}

impl Encode for MoveCopyFolder<'_> {
    type Ctx = (Width, bool);

    fn encoded_len_with(&self, (w, _): Self::Ctx) -> usize {
        w.size()
            + match self {
                MoveCopyFolder::ServerEid(_) => 21,
                MoveCopyFolder::EntryId(e) => e.encoded_len(),
            }
    }

    fn encode_with<S: Sink + ?Sized>(
        &self,
        s: &mut S,
        (w, in_this_store): Self::Ctx,
    ) -> Result<(), Error> {
        match self {
            // A ServerEid outside "this store" would read back as an EntryID.
            MoveCopyFolder::ServerEid(_) if !in_this_store => Err(Error::new(
                ErrorKind::Unencodable { value: 0 },
                s.position(),
            )
            .in_field("folder_in_this_store")),
            MoveCopyFolder::ServerEid(eid) => {
                s.put_uint(w, 21)?;
                s.put_u8(0x01)?;
                eid.encode(s)
            }
            MoveCopyFolder::EntryId(e) => {
                s.put_uint(w, e.encoded_len())?;
                e.encode(s)
            }
        }
    }
}

crate::wire_struct! {
    /// The ActionData of OP_MOVE and OP_COPY in a standard rule
    /// (MS-OXORULE 2.2.5.1.2.1, "Buffer Format for Standard Rules").
    ///
    /// Microsoft's Interop-TestSuites MS-OXORULE adapter (ActionBlock.cs)
    /// skips one leading 0xFF byte before this data, which it says Exchange
    /// 2013 may insert; the spec has no such byte and neither does this
    /// type. [`ActionBlock`] keeps ActionData raw, so only
    /// [`ActionBlock::action_data_typed`] is affected by such a byte.
    ///
    /// ```
    /// use mapi_wire::data::{EntryId, MoveCopyAction, MoveCopyFolder};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// // Another store: a 1-byte StoreEID and a 2-byte FolderEID, kept raw.
    /// let bytes = [0x00, 0x01, 0x00, 0xEE, 0x02, 0x00, 0xAB, 0xCD];
    /// let (m, _) = MoveCopyAction::decode(&bytes).unwrap();
    /// assert_eq!(m.folder_in_this_store, 0);
    /// assert_eq!(m.folder_eid, MoveCopyFolder::EntryId(EntryId::Unknown(&[0xAB, 0xCD])));
    /// assert_eq!(m.to_vec().unwrap(), bytes);
    /// ```
    #[derive(Copy)]
    pub struct MoveCopyAction<'a> {
        /// FolderInThisStore: a Boolean, nonzero when the folder is in the
        /// user's mailbox (kept as the byte sent).
        pub folder_in_this_store: u8,
        /// StoreEID, preceded by StoreEIDSize (2 bytes): a Store Object
        /// EntryID (MS-OXCDATA 2.2.4.3); any non-empty value, ignored, when
        /// the folder is in this store.
        pub store_eid: SizedEntryId<'a> = ctx(Width::U16),
        /// FolderEID, preceded by FolderEIDSize (2 bytes).
        pub folder_eid: MoveCopyFolder<'a> = ctx((Width::U16, *folder_in_this_store != 0)),
    }
}

crate::wire_struct! {
    /// The ActionData of OP_MOVE and OP_COPY in an extended rule
    /// (MS-OXORULE 2.2.5.1.2.1, "Buffer Format for Extended Rules"): no
    /// FolderInThisStore, 4-byte sizes, and a Folder EntryID (MS-OXCDATA
    /// 2.2.4.1) for the folder. The layout follows gromox
    /// (`ext_buffer_pull_ext_movecopy_action`) and MAPI Inspector, which
    /// agree; one version of MFCMAPI reads a FolderInThisStore byte first.
    ///
    /// ```
    /// use mapi_wire::data::{EntryId, ExtendedMoveCopyAction};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let mut bytes = vec![0x01, 0, 0, 0, 0x00, 46, 0, 0, 0];
    /// bytes.extend_from_slice(&[0; 46]);
    /// let (m, _) = ExtendedMoveCopyAction::decode(&bytes).unwrap();
    /// assert!(matches!(m.folder_eid.0, EntryId::Folder(_)));
    /// assert_eq!(m.to_vec().unwrap(), bytes);
    /// ```
    #[derive(Copy)]
    pub struct ExtendedMoveCopyAction<'a> {
        /// StoreEID, preceded by StoreEIDSize (4 bytes): unused, any
        /// non-empty value.
        pub store_eid: SizedEntryId<'a> = ctx(Width::U32),
        /// FolderEID, preceded by FolderEIDSize (4 bytes): the destination
        /// folder's EntryID.
        pub folder_eid: SizedEntryId<'a> = ctx(Width::U32),
    }
}

crate::wire_struct! {
    /// The ActionData of OP_REPLY and OP_OOF_REPLY in a standard rule
    /// (MS-OXORULE 2.2.5.1.2.2, "Buffer Format for Standard Rules"): the
    /// reply template, an FAI message.
    ///
    /// ```
    /// use mapi_wire::data::ReplyAction;
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let mut bytes = vec![1, 0, 0, 0, 0, 0, 0, 3, 1, 0, 0, 0, 0, 0, 0, 4];
    /// bytes.extend_from_slice(&[0x11; 16]);
    /// let (r, _) = ReplyAction::decode(&bytes).unwrap();
    /// assert_eq!(r.reply_template_mid.global_counter().value(), 4);
    /// assert_eq!(r.to_vec().unwrap(), bytes);
    /// ```
    #[derive(Copy, Eq)]
    pub struct ReplyAction {
        /// ReplyTemplateFID: the folder that holds the template.
        pub reply_template_fid: FolderId,
        /// ReplyTemplateMID: the template message.
        pub reply_template_mid: MessageId,
        /// ReplyTemplateGUID: the template's PidTagReplyTemplateId.
        pub reply_template_guid: Guid,
    }
}

crate::wire_struct! {
    /// The ActionData of OP_REPLY and OP_OOF_REPLY in an extended rule
    /// (MS-OXORULE 2.2.5.1.2.2, "Buffer Format for Extended Rules"):
    /// MessageEIDSize (4 bytes), the template's Message EntryID (70 bytes
    /// by the specification; any size is kept), ReplyTemplateGUID.
    ///
    /// ```
    /// use mapi_wire::data::{EntryId, ExtendedReplyAction};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let mut bytes = vec![70, 0, 0, 0];
    /// bytes.extend_from_slice(&[0; 70]);
    /// bytes.extend_from_slice(&[0x22; 16]);
    /// let (r, _) = ExtendedReplyAction::decode(&bytes).unwrap();
    /// assert!(matches!(r.reply_template_message_eid.0, EntryId::Message(_)));
    /// assert_eq!(r.to_vec().unwrap(), bytes);
    /// ```
    #[derive(Copy)]
    pub struct ExtendedReplyAction<'a> {
        /// ReplyTemplateMessageEID, preceded by MessageEIDSize (4 bytes).
        pub reply_template_message_eid: SizedEntryId<'a> = ctx(Width::U32),
        /// ReplyTemplateGUID.
        pub reply_template_guid: Guid,
    }
}

crate::wire_struct! {
    /// A RecipientBlockData (MS-OXORULE 2.2.5.1.2.4.1): one recipient of
    /// OP_FORWARD or OP_DELEGATE, as properties. NoOfProperties is a COUNT:
    /// 2 bytes in standard rules, 4 in extended rules (the context).
    ///
    /// ```
    /// use mapi_wire::data::{PropertyValue, RecipientBlock, ValueContext};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// // Reserved 0x01, one PidTagDisplayName (0x3001001F) "A".
    /// let bytes = [0x01, 0x01, 0x00, 0x1F, 0x00, 0x01, 0x30, 0x41, 0x00, 0x00, 0x00];
    /// let (b, _) = RecipientBlock::decode_with(&bytes, ValueContext::Rop).unwrap();
    /// let v = b.property_values.get(0).unwrap();
    /// assert_eq!(v.property_value, PropertyValue::string("A"));
    /// assert_eq!(b.to_vec_with(ValueContext::Rop).unwrap(), bytes);
    /// ```
    #[derive(Copy)]
    pub struct RecipientBlock<'a> (cx: ValueContext) {
        /// Reserved: implementation-specific (servers and Outlook send
        /// 0x01).
        pub reserved: u8,
        /// PropertyValues, preceded by NoOfProperties (a COUNT).
        pub property_values: List<'a, TaggedPropertyValue<'a>> =
            ctx((Count::Prefix(cx.rule_count()), cx)),
    }
}

crate::wire_struct! {
    /// The ActionData of OP_FORWARD and OP_DELEGATE (MS-OXORULE
    /// 2.2.5.1.2.4): RecipientCount (a COUNT: 2 bytes in standard rules, 4
    /// in extended rules) and the RecipientBlocks.
    ///
    /// ```
    /// use mapi_wire::data::{ForwardDelegateAction, ValueContext};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let bytes = [0x01, 0x00, 0x00, 0x01, 0x00, 0x03, 0x00, 0x00, 0x0C, 0x00, 0x00, 0x00, 0x00];
    /// let (f, _) = ForwardDelegateAction::decode_with(&bytes, ValueContext::Rop).unwrap();
    /// assert_eq!(f.recipient_blocks.len(), 1);
    /// // The same data in an extended rule has 4-byte counts.
    /// assert_eq!(f.to_vec_with(ValueContext::Extended).unwrap().len(), bytes.len() + 4);
    /// ```
    #[derive(Copy)]
    pub struct ForwardDelegateAction<'a> (cx: ValueContext) {
        /// RecipientBlocks, preceded by RecipientCount (a COUNT).
        pub recipient_blocks: List<'a, RecipientBlock<'a>> =
            ctx((Count::Prefix(cx.rule_count()), cx)),
    }
}

/// The ActionData of an ActionBlock, typed by its ActionType
/// (MS-OXORULE 2.2.5.1.2) and by the kind of rule (standard or
/// extended). Decoding takes `(ActionType, ValueContext)` and must be
/// given exactly the ActionData bytes (see
/// [`ActionBlock::action_data_typed`]); encoding takes the same pair and
/// rejects data of another action type or form with
/// [`ErrorKind::Unencodable`].
///
/// ```
/// use mapi_wire::data::{ActionData, ActionType, ValueContext};
/// use mapi_wire::wire::{Decode, Encode};
///
/// let cx = (ActionType::OP_DELETE, ValueContext::Rop);
/// assert_eq!(ActionData::decode_exact(&[], cx).unwrap(), ActionData::Empty);
/// // OP_DELETE carries no data.
/// assert!(ActionData::decode_exact(&[0x00], cx).is_err());
/// // Typed data of another action type does not encode.
/// assert!(ActionData::Empty.to_vec_with((ActionType::OP_BOUNCE, ValueContext::Rop)).is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ActionData<'a> {
    /// OP_MOVE or OP_COPY in a standard rule (2.2.5.1.2.1).
    MoveCopy(MoveCopyAction<'a>),
    /// OP_MOVE or OP_COPY in an extended rule (2.2.5.1.2.1).
    ExtendedMoveCopy(ExtendedMoveCopyAction<'a>),
    /// OP_REPLY or OP_OOF_REPLY in a standard rule (2.2.5.1.2.2).
    Reply(ReplyAction),
    /// OP_REPLY or OP_OOF_REPLY in an extended rule (2.2.5.1.2.2).
    ExtendedReply(ExtendedReplyAction<'a>),
    /// OP_DEFER_ACTION (2.2.5.1.2.3): DeferredActionData, opaque bytes
    /// the client defines.
    DeferAction(Rest<'a>),
    /// OP_BOUNCE (2.2.5.1.2.5): the BounceCode.
    Bounce(BounceCode),
    /// OP_FORWARD or OP_DELEGATE (2.2.5.1.2.4).
    ForwardDelegate(ForwardDelegateAction<'a>),
    /// OP_TAG (2.2.5.1.2.6): the property to set, a TaggedPropertyValue.
    Tag(TaggedPropertyValue<'a>),
    /// OP_DELETE and OP_MARK_AS_READ: no ActionData (2.2.5.1.2).
    Empty,
    /// An ActionType the specification does not define: its data, kept.
    Unknown(Rest<'a>),
}

impl ActionData<'_> {
    /// True when this typed data is of the form that `action_type` and
    /// `cx` select, so that it encodes and decodes back as the same value.
    fn fits(&self, action_type: ActionType, cx: ValueContext) -> bool {
        use ActionType as T;
        let ext = cx == ValueContext::Extended;
        match self {
            ActionData::MoveCopy(_) => !ext && matches!(action_type, T::OP_MOVE | T::OP_COPY),
            ActionData::ExtendedMoveCopy(_) => {
                ext && matches!(action_type, T::OP_MOVE | T::OP_COPY)
            }
            ActionData::Reply(_) => !ext && matches!(action_type, T::OP_REPLY | T::OP_OOF_REPLY),
            ActionData::ExtendedReply(_) => {
                ext && matches!(action_type, T::OP_REPLY | T::OP_OOF_REPLY)
            }
            ActionData::DeferAction(_) => action_type == T::OP_DEFER_ACTION,
            ActionData::Bounce(_) => action_type == T::OP_BOUNCE,
            ActionData::ForwardDelegate(_) => {
                matches!(action_type, T::OP_FORWARD | T::OP_DELEGATE)
            }
            ActionData::Tag(_) => action_type == T::OP_TAG,
            ActionData::Empty => matches!(action_type, T::OP_DELETE | T::OP_MARK_AS_READ),
            ActionData::Unknown(_) => action_type.name().is_none(),
        }
    }
}

impl<'a> Decode<'a> for ActionData<'a> {
    /// The block's ActionType, and the kind of rule.
    type Ctx = (ActionType, ValueContext);
    const NAME: &'static str = "ActionData";
    const MIN_LEN: usize = 0;

    fn decode_from(r: &mut Reader<'a>, (t, cx): Self::Ctx) -> Result<Self, Error> {
        use ActionType as T;
        let ext = cx == ValueContext::Extended;
        Ok(match t {
            T::OP_MOVE | T::OP_COPY if ext => {
                ActionData::ExtendedMoveCopy(ExtendedMoveCopyAction::decode_from(r, ())?)
            }
            T::OP_MOVE | T::OP_COPY => ActionData::MoveCopy(MoveCopyAction::decode_from(r, ())?),
            T::OP_REPLY | T::OP_OOF_REPLY if ext => {
                ActionData::ExtendedReply(ExtendedReplyAction::decode_from(r, ())?)
            }
            T::OP_REPLY | T::OP_OOF_REPLY => ActionData::Reply(ReplyAction::decode_from(r, ())?),
            T::OP_DEFER_ACTION => ActionData::DeferAction(Rest(r.rest())),
            T::OP_BOUNCE => {
                ActionData::Bounce(BounceCode::decode_from(r, ()).in_field("bounce_code")?)
            }
            T::OP_FORWARD | T::OP_DELEGATE => {
                ActionData::ForwardDelegate(ForwardDelegateAction::decode_from(r, cx)?)
            }
            T::OP_TAG => ActionData::Tag(TaggedPropertyValue::decode_from(r, cx)?),
            T::OP_DELETE | T::OP_MARK_AS_READ => ActionData::Empty,
            _ => ActionData::Unknown(Rest(r.rest())),
        })
    }
}

impl Encode for ActionData<'_> {
    type Ctx = (ActionType, ValueContext);

    fn encoded_len_with(&self, (_, cx): Self::Ctx) -> usize {
        match self {
            ActionData::MoveCopy(v) => v.encoded_len(),
            ActionData::ExtendedMoveCopy(v) => v.encoded_len(),
            ActionData::Reply(v) => v.encoded_len(),
            ActionData::ExtendedReply(v) => v.encoded_len(),
            ActionData::DeferAction(v) | ActionData::Unknown(v) => v.0.len(),
            ActionData::Bounce(v) => v.encoded_len(),
            ActionData::ForwardDelegate(v) => v.encoded_len_with(cx),
            ActionData::Tag(v) => v.encoded_len_with(cx),
            ActionData::Empty => 0,
        }
    }

    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, (t, cx): Self::Ctx) -> Result<(), Error> {
        if !self.fits(t, cx) {
            return Err(Error::new(
                ErrorKind::Unencodable {
                    value: u64::from(t.0),
                },
                s.position(),
            )
            .in_field("action_type"));
        }
        match self {
            ActionData::MoveCopy(v) => v.encode(s),
            ActionData::ExtendedMoveCopy(v) => v.encode(s),
            ActionData::Reply(v) => v.encode(s),
            ActionData::ExtendedReply(v) => v.encode(s),
            ActionData::DeferAction(v) | ActionData::Unknown(v) => s.put(v.0),
            ActionData::Bounce(v) => v.encode(s),
            ActionData::ForwardDelegate(v) => v.encode_with(s, cx),
            ActionData::Tag(v) => v.encode_with(s, cx),
            ActionData::Empty => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_eid_needs_this_store_ours_and_21_bytes() {
        let mut eid = vec![0x15, 0x00, 0x01];
        eid.extend_from_slice(&[1, 0, 0, 0, 0, 0, 0, 9]);
        eid.extend_from_slice(&[0; 12]);
        let cx = (Width::U16, true);
        let (f, _) = MoveCopyFolder::decode_with(&eid, cx).unwrap();
        assert!(matches!(f, MoveCopyFolder::ServerEid(_)));
        // Not in this store: the same bytes are an (unrecognised) EntryID.
        let (f, _) = MoveCopyFolder::decode_with(&eid, (Width::U16, false)).unwrap();
        assert_eq!(f, MoveCopyFolder::EntryId(EntryId::Unknown(&eid[2..])));
        assert_eq!(f.to_vec_with((Width::U16, false)).unwrap(), eid);
        // Ours = 0x00 in this store: kept as bytes too.
        eid[2] = 0x00;
        let (f, _) = MoveCopyFolder::decode_with(&eid, cx).unwrap();
        assert!(matches!(f, MoveCopyFolder::EntryId(EntryId::Unknown(_))));
        // A ServerEid cannot be written where FolderInThisStore is FALSE.
        let server = MoveCopyFolder::ServerEid(ServerIdOurs {
            folder_id: FolderId::default(),
            message_id: MessageId::default(),
            instance: 0,
        });
        assert!(server.to_vec_with((Width::U16, false)).is_err());
        assert_eq!(server.to_vec_with(cx).unwrap().len(), 23);
    }

    #[test]
    fn every_form_fits_only_its_types() {
        let all: Vec<ActionType> = (0u8..=0x0C).map(ActionType).collect();
        let data = [
            ActionData::Bounce(BounceCode::DENIED),
            ActionData::DeferAction(Rest(&[])),
            ActionData::Empty,
            ActionData::Unknown(Rest(&[])),
        ];
        for d in data {
            let n = all
                .iter()
                .filter(|&&t| d.fits(t, ValueContext::Rop))
                .count();
            let expected = match d {
                ActionData::Empty => 2,
                ActionData::Unknown(_) => 2, // 0x00 and 0x0C
                _ => 1,
            };
            assert_eq!(n, expected, "{d:?}");
        }
    }

    #[test]
    fn flavors_are_only_read_for_their_types() {
        let b = ActionBlock {
            action_type: ActionType::OP_MOVE,
            action_flavor: 1,
            action_flags: 0,
            action_data: Rest(&[]),
        };
        assert_eq!(b.forward_flavor(), None);
        assert_eq!(b.reply_flavor(), None);
    }
}
